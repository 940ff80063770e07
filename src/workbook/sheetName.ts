/**
 * The one sheet-name rule of the add-in: what a sheet name must be (`sheetNameProblem`, for names a
 * user or a file gives: templates, write requests), how a name is made from free text
 * (`cleanSheetName`, for names derived from a company name, and the writers' last line of defence),
 * and how a taken name gets a counter (`numberedSheetName`).
 *
 * Excel's rules (Microsoft, "Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9, and
 * the message Excel gives: "You typed an invalid name for a sheet or chart. Make sure that: the name
 * that you type does not exceed 31 characters; the name does not contain any of the following
 * characters: : \ / ? * [ or ]; you did not leave the name blank"): not blank, at most 31
 * characters, none of : \ / ? * [ ], no apostrophe at either end, not "History" (reserved).
 *
 * One more rule of ours, as Microsoft documents none for them: no control character (tab, line
 * feed, U+0000–U+001F, U+007F–U+009F), no lone surrogate and no U+FFFE/U+FFFF. The workbook stores
 * a sheet's name in an XML attribute (ECMA-376 Part 1, §18.2.19 `sheet@name`); XML 1.0 cannot hold
 * most of these characters (§2.2, Char), and reads a tab or line feed in an attribute back as a
 * space (§3.3.3, attribute-value normalization), so the sheet would no longer be the one its defined
 * names and chart series refer to. A derived name has them replaced by a space.
 *
 * The 31 counts UTF-16 code units, as Excel's LEN does (an emoji counts 2); a cut never splits a
 * surrogate pair (`cutText`).
 */
import { cutText } from "../engine/text";

export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/;
/**
 * Characters a sheet name cannot carry through the workbook's XML: controls, U+FFFE, U+FFFF, and a
 * surrogate not in a pair (with the `u` flag a pair is one code point, so only a lone half matches).
 */
const UNSTORABLE = /[\p{Cc}\uFFFE\uFFFF\uD800-\uDFFF]/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "gu");

/** Which rule a sheet name breaks (the rules above, in that order); `length` for "tooLong". */
export type SheetNameRule =
  | { readonly code: "empty" }
  | { readonly code: "tooLong"; readonly length: number; readonly max: number }
  | { readonly code: "forbidden" }
  | { readonly code: "control" }
  | { readonly code: "apostrophe" }
  | { readonly code: "reserved" };

/** The rule `name` breaks as a sheet name Excel accepts, or undefined when it is one. */
export function sheetNameRule(name: string): SheetNameRule | undefined {
  if (name.trim().length === 0) return { code: "empty" };
  if (name.length > MAX_SHEET_NAME) return { code: "tooLong", length: name.length, max: MAX_SHEET_NAME };
  if (FORBIDDEN.test(name)) return { code: "forbidden" };
  if (UNSTORABLE.test(name)) return { code: "control" };
  if (name.startsWith("'") || name.endsWith("'")) return { code: "apostrophe" };
  if (name.toLowerCase() === "history") return { code: "reserved" };
  return undefined;
}

/** A broken sheet-name rule in English ("must …"). */
export function sheetNameRuleText(rule: SheetNameRule): string {
  switch (rule.code) {
    case "empty":
      return "must not be empty";
    case "tooLong":
      return `must be at most ${rule.max} characters, got ${rule.length}`;
    case "forbidden":
      return "must not contain any of : \\ / ? * [ ]";
    case "control":
      return "must not contain a tab, a line break or another control character";
    case "apostrophe":
      return "must not begin or end with an apostrophe";
    case "reserved":
      return 'must not be "History" (reserved by Excel)';
  }
}

/** Why `name` is not a sheet name Excel accepts ("must …"), or undefined when it is. */
export function sheetNameProblem(name: string): string | undefined {
  const rule = sheetNameRule(name);
  return rule === undefined ? undefined : sheetNameRuleText(rule);
}

/** True when `name` is a sheet name Excel accepts. */
export function isValidSheetName(name: string): boolean {
  return sheetNameProblem(name) === undefined;
}

/** Free text made sheet-name material: forbidden and control characters as spaces, single spaces, no apostrophe at either end. */
function tidy(text: string): string {
  return text
    .replace(new RegExp(FORBIDDEN.source, "g"), " ")
    .replace(UNSTORABLE_ALL, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
}

/**
 * A sheet name Excel accepts, from free text (a company name) and a suffix (" deal"): forbidden and
 * control characters replaced by a space, no apostrophe at either end, at most 31 characters (the
 * text is shortened, never the suffix, and never inside a character), `fallback` when nothing is left.
 */
export function cleanSheetName(text: string, fallback = "Model", suffix = ""): string {
  const head = tidy(cutText(tidy(text), MAX_SHEET_NAME - suffix.length));
  const name = head === "" ? fallback : `${head}${suffix}`;
  return name.toLowerCase() === "history" ? fallback : name;
}

/** "Deal (2)": `base` with a counter, the base shortened (never inside a character) to keep 31 characters. */
export function numberedSheetName(base: string, n: number): string {
  const suffix = ` (${n})`;
  const head = cutText(base, MAX_SHEET_NAME - suffix.length)
    .replace(/'+$/, "")
    .trimEnd();
  return `${head}${suffix}`;
}
