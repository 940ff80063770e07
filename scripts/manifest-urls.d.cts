/** Types of scripts/manifest-urls.cjs (used by webpack.config.js and the tests). */
export const DEV_URL: string;
export function productionManifest(content: string | Buffer, options?: { publicUrl?: string; supportUrl?: string }): string;
