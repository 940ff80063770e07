/**
 * The one locale rule: which Office display languages get the translated custom functions, and
 * under which names. Used by the manifest (its `Override Locale` entries, checked by
 * test/hardening/manifest.test.ts), by the taskpane's language (src/taskpane/i18n.ts
 * `pickLanguage`) and by the Office.js writer (formulas written in the names Excel loaded).
 *
 * Office picks a manifest `Override` by the exact display language: Microsoft's localization guide
 * (OfficeDev/office-js-docs-pr docs/develop/localization.md) says "If you need to localize for more
 * than one area within a language family, such as de-de and de-at, we recommend that you use
 * separate Override elements for each area". So a French Excel in Canada loads functions.fr-FR.json
 * only if the manifest lists fr-CA; a display language not listed here gets the English metadata,
 * and the taskpane then speaks English too, so the words on screen and in the cells agree.
 *
 * Data only (no Office, no DOM); the function names come from src/functions/locales/<table>.json,
 * the same table the build turns into functions.<table>.json (scripts/localize-functions.cjs).
 */
import frFR from "./locales/fr-FR.json";

/** Translation tables (src/functions/locales/*.json) by locale: the names Excel registers from functions.<locale>.json. */
const TABLES = { "fr-FR": frFR } as const;

export type FunctionTable = keyof typeof TABLES;

/** Display language -> the table whose metadata the manifest gives it. Every entry has its `bt:Override`s in manifest.xml. */
export const FUNCTION_LOCALES: Readonly<Record<string, FunctionTable>> = {
  "fr-FR": "fr-FR",
  "fr-BE": "fr-FR",
  "fr-CA": "fr-FR",
  "fr-CH": "fr-FR",
  "fr-LU": "fr-FR",
};

/** The UI language of each table. */
export const TABLE_LANGUAGE: Readonly<Record<FunctionTable, "fr">> = { "fr-FR": "fr" };

/**
 * The table for a display language, by Office's exact-locale rule (case-insensitive, "_" read as
 * "-"). A bare language ("fr", as a browser may report) stands for its first listed locale; Office
 * itself always reports a language with its region (`Office.context.displayLanguage`, "fr-FR").
 */
export function functionTable(displayLanguage: string | null | undefined): FunctionTable | undefined {
  if (typeof displayLanguage !== "string") return undefined;
  const wanted = displayLanguage.trim().replace(/_/g, "-").toLowerCase();
  for (const [locale, table] of Object.entries(FUNCTION_LOCALES)) {
    if (locale.toLowerCase() === wanted || locale.toLowerCase().split("-")[0] === wanted) return table;
  }
  return undefined;
}

/**
 * The custom functions' names Excel registered for this display language (function ID -> name, e.g.
 * WATERFALL -> CASCADESORTIE), or undefined when Excel uses the English names (= the IDs).
 */
export function localizedFunctionNames(displayLanguage: string | null | undefined): Readonly<Record<string, string>> | undefined {
  const table = functionTable(displayLanguage);
  if (table === undefined) return undefined;
  return Object.fromEntries(Object.entries(TABLES[table].functions).map(([id, entry]) => [id, entry.name]));
}
