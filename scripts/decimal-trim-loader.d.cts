/** Types of scripts/decimal-trim-loader.cjs (used by webpack.config.js and the tests). */
/** Every method name the bundles' decimal.js no longer has (prototype or static, aliases included). */
export const DROPPED: readonly string[];
/** decimal.mjs without the dropped methods, and the removals that did not match exactly once. */
export function trimDecimal(source: string): { text: string; problems: string[] };
