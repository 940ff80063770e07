/** Types of scripts/build-cli.cjs (used by bin/captable.cjs, the bench and the tests). */
export interface Stamp {
  format: number;
  entry: string;
  digest: string;
  inputs: string[];
}
export const ROOT: string;
export const FORMAT: number;
export function outPaths(outDir: string): { bundle: string; stamp: string; codeCache: string };
export function stampedFiles(bundled: readonly string[]): string[];
export function sourcesDigest(root: string, files: readonly string[]): string;
export function readStamp(outDir: string): Stamp | undefined;
export function isFresh(root: string, outDir: string): boolean;
export function buildCli(root?: string, outDir?: string): Stamp;
export function loadBundle(outDir: string): { exports: { main(argv: readonly string[]): Promise<number> }; saveCache(): void };
