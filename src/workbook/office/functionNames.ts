/**
 * Custom function names in formulas written through Office.js.
 *
 * `Range.formulas` takes built-in functions in English whatever the display language, but NOT the
 * add-in's custom functions: Excel resolves those only under the names it registered from the
 * metadata it loaded for the display language (functions.fr-FR.json in a French Excel). Writing
 * `=CAPTABLE.WATERFALL(...)` in a French Excel gives #NAME?: office-js #891 "Translated custom
 * functions cannot be added through Excel API" (German metadata, `range.formulas` with the English
 * name: #NAME?; labelled product bug, closed unfixed), office-js #6614 (Turkish Excel, open in
 * 2026). So the writer spells each `CAPTABLE.<ID>(` with the name Excel loaded (the caller passes
 * them: src/functions/functionLocales.ts `localizedFunctionNames`). Pure.
 */

/** The add-in's namespace (manifest.xml Functions.Namespace), the same in every language. */
export const FUNCTION_NAMESPACE = "CAPTABLE";

const CALL = new RegExp(`\\b${FUNCTION_NAMESPACE}\\.([A-Za-z][A-Za-z0-9_.]*)\\s*\\(`, "gi");

/**
 * The formula with every `CAPTABLE.<ID>(` call spelled `CAPTABLE.<name>(` (IDs not in `names` are
 * left alone). Text in double quotes (string literals) and single quotes (sheet names) is not touched.
 */
export function localizeFormula(formula: string, names: Readonly<Record<string, string>>): string {
  // Split into quoted and unquoted pieces: "..." literals ("" inside is two adjacent pieces) and '...' sheet names.
  return formula.replace(/("[^"]*"|'[^']*')|([^"']+)/g, (_piece, quoted: string | undefined, code: string | undefined) =>
    quoted !== undefined
      ? quoted
      : (code ?? "").replace(CALL, (call: string, id: string) => {
          const name = Object.prototype.hasOwnProperty.call(names, id.toUpperCase()) ? names[id.toUpperCase()] : undefined;
          return name === undefined ? call : `${FUNCTION_NAMESPACE}.${name}(`;
        }),
  );
}
