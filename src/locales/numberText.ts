/**
 * Numbers as people type them and as the forms show them back (the number-text module of the
 * forms, src/taskpane/forms.ts). Pure functions, unit-tested in test/taskpane/form.test.ts and
 * test/taskpane/numberText.test.ts:
 * percentages typed as 40 or 40% become the fraction 0.4 through decimal.js; a half-typed number
 * is never read as another.
 */
import { Decimal } from "../engine";
import type { SheetLanguage as Lang } from "../model/sheetText";

let rowCounter = 0;
/** A fresh key for a table row (React lists). */
export function newRowKey(): string {
  rowCounter += 1;
  return `r${rowCounter}`;
}

/** Shows a JS number as the plain text a user would type (no exponent for everyday sizes, no float noise). */
export function numberToText(n: number, lang: Lang = "en"): string {
  const text = new Decimal(n).toSignificantDigits(15).toFixed();
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** Shows a fraction as a percentage text: 0.4 -> "40", 0.125 -> "12.5" (exact, through decimal.js). */
export function fractionToPercentText(fraction: number, lang: Lang = "en"): string {
  const text = new Decimal(fraction).times(100).toSignificantDigits(15).toFixed();
  return lang === "fr" ? text.replace(".", ",") : text;
}

export type ParseResult = { ok: true; value: number } | { ok: false; reason: "empty" | "notANumber" };

/** The separators a number is shown with in each language: as the preview's number formats (numberFormat.ts) and Excel show them. */
const SEPARATORS: Readonly<Record<Lang, { group: string; decimal: string }>> = {
  en: { group: ",", decimal: "." },
  fr: { group: "\u202f", decimal: "," },
};

/**
 * The one rule for a number as typed, in both languages: an optional sign, digits whose integer part
 * may be grouped by three with ONE thousands separator used throughout, then an optional decimal part
 * (never grouped) and an optional exponent. The thousands separators are a space (any: the plain,
 * non-breaking, narrow and thin spaces French formatting uses) or an apostrophe, and in English also
 * ","; the decimal mark is "." in English, "," or "." in French. So "8,571,428", "8 571 428" and
 * French "8 571 428,5" read exactly; "1,00", "1 00", "12 34,5" and "1.2.3" do not (a half-typed number
 * is never read as another). Returns the number as plain JS text ("-8571428.5"), or undefined.
 */
function normalizedNumber(text: string, lang: Lang): string | undefined {
  let t = text
    .trim()
    .replace(/[\s\u00a0\u202f\u2009]+/g, " ")
    .replace(/^\u2212/, "-"); // the minus sign a formatted number may carry
  const sign = /^[+-]/.exec(t)?.[0] ?? "";
  t = t.slice(sign.length).trimStart();
  // The integer part (digits and the language's thousands separators), the decimal part, the exponent.
  const m = (lang === "en" ? /^([0-9 ',]*)(?:(\.)([0-9]*))?(e[+-]?[0-9]+)?$/i : /^([0-9 ']*)(?:([.,])([0-9]*))?(e[+-]?[0-9]+)?$/i).exec(t);
  if (m === null) return undefined;
  let int = m[1];
  const [, , mark = "", frac = "", exp = ""] = m;
  if (/[ ',]/.test(int)) {
    // Grouped by three, with one separator throughout: "8,571,428", "8 571 428"; not "1,00" nor "1,000 000".
    if (!/^[0-9]{1,3}([ ',])[0-9]{3}(\1[0-9]{3})*$/.test(int)) return undefined;
    int = int.replace(/[ ',]/g, "");
  }
  if (int === "" && frac === "") return undefined;
  return `${sign}${int === "" ? "0" : int}${mark === "" ? "" : `.${frac}`}${exp}`;
}

/**
 * Reads a number as people type it (the rule: `normalizedNumber`). "1e6" is accepted; "12abc",
 * "1.2.3", "1,00" and "" are not.
 */
export function parseNumber(text: string, lang: Lang = "en"): ParseResult {
  if (text.trim() === "") return { ok: false, reason: "empty" };
  const t = normalizedNumber(text, lang);
  if (t === undefined) return { ok: false, reason: "notANumber" };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "notANumber" };
}

/** Groups the integer digits of a plain number text ("-8571428.5") by three, in the language's separators. */
function groupDigits(plain: string, lang: Lang): string {
  const { group, decimal } = SEPARATORS[lang];
  const [, sign, int, frac] = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(plain) ?? [];
  if (int === undefined) return plain;
  const grouped = int.replace(/^0+(?=[0-9])/, "").replace(/\B(?=([0-9]{3})+(?![0-9]))/g, group);
  return `${sign}${grouped}${frac === undefined || frac === "" ? "" : `${decimal}${frac}`}`;
}

/**
 * A number as typed, shown back with its thousands separators once the field is left: "8571428" ->
 * "8,571,428" (French "8 571 428,5", with the narrow no-break space Excel's French format uses). The
 * digits are the ones typed (no rounding, trailing zeros kept), an exponent is written out; the text
 * reads back (`parseNumber`) as exactly the same number. Undefined when the text is not a number
 * (it is then left as typed, with its message).
 */
export function groupedNumberText(text: string, lang: Lang = "en"): string | undefined {
  const plain = normalizedNumber(text, lang);
  if (plain === undefined || !Number.isFinite(Number(plain))) return undefined;
  const fixed = /e/i.test(plain) ? new Decimal(plain).toFixed() : plain.replace(/^\+/, "");
  return groupDigits(fixed.startsWith("-0") && Number(fixed) === 0 ? fixed.slice(1) : fixed, lang);
}

/** A JS number shown with its thousands separators, as a field shows it once left: 8571428 -> "8,571,428". */
export function groupedNumber(n: number, lang: Lang = "en"): string {
  return groupDigits(new Decimal(n).toSignificantDigits(15).toFixed(), lang);
}

/** The number of a percentage as typed: "12.5%", "12,5 %" (any space before the sign) -> "12.5", "12,5". */
function percentNumberText(text: string): string {
  return text.trim().replace(/\s*%$/, "");
}

/**
 * A percentage as typed, shown back as a number field shows its number once left (`groupedNumberText`):
 * the same digits, the language's decimal mark, thousands grouped, without the "%" (the field shows
 * it after the number, as its unit): "12.5%" -> "12.5", French "12.5" -> "12,5", "1500" -> "1,500".
 * It reads back (`parsePercent`, the same rule) as exactly the same fraction. Undefined when the
 * text is not a percentage (it is then left as typed, with its message).
 */
export function groupedPercentText(text: string, lang: Lang = "en"): string | undefined {
  return groupedNumberText(percentNumberText(text), lang);
}

/**
 * Reads a percentage and returns it as a fraction: "40" and "40%" -> 0.4, "-10 %" -> -0.1.
 * The division by 100 is done in decimal.js, so "33.3" gives exactly 0.333, not 0.33299999999999996.
 */
export function parsePercent(text: string, lang: Lang = "en"): ParseResult {
  const parsed = parseNumber(percentNumberText(text), lang);
  if (!parsed.ok) return parsed;
  return { ok: true, value: new Decimal(parsed.value).div(100).toNumber() };
}

/**
 * Reads a multiple as Excel shows one: "1x", "1.0x", "1.00x", "3 x", "2×" (and "1,5x" in French), or a
 * plain number ("1"). The "x" is only the unit: "1x" is 1.
 */
export function parseMultiple(text: string, lang: Lang = "en"): ParseResult {
  return parseNumber(text.trim().replace(/\s*[x\u00d7]$/i, ""), lang);
}
