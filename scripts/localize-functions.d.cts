/** Types of scripts/localize-functions.cjs (used by webpack.config.js and the tests). */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
export interface TranslationTable {
  locale: string;
  functions: Record<string, { name: string; description: string; parameters?: Record<string, { name: string; description: string }> }>;
}
export const LOCALES_DIR: string;
export function loadTables(dir?: string): TranslationTable[];
export function localizeMetadata(metadata: FunctionsMetadata, table: TranslationTable): { metadata: FunctionsMetadata; problems: string[] };
export function localizedFileName(locale: string, base?: string): string;
