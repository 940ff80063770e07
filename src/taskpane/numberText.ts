/**
 * Numbers as people type them and as the forms show them back (the number-text module of the
 * forms, src/taskpane/forms.ts). Pure functions, unit-tested in test/taskpane/form.test.ts:
 * percentages typed as 40 or 40% become the fraction 0.4 through decimal.js; a half-typed number
 * is never read as another.
 */
import { Decimal } from "../engine";
import type { Lang } from "./i18n";

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

/**
 * Reads a number as people type it. Spaces (including the non-breaking and thin spaces French
 * formatting uses) and apostrophes are thousands separators. In English "," is a thousands
 * separator and "." the decimal point; in French "," or "." is the decimal point.
 * "1e6" is accepted; "12abc", "1.2.3" and "" are not.
 */
export function parseNumber(text: string, lang: Lang = "en"): ParseResult {
  let t = text.trim().replace(/[\s\u00a0\u202f\u2009']/g, "");
  if (t === "") return { ok: false, reason: "empty" };
  t = t.replace(/^\u2212/, "-"); // the minus sign a formatted number may carry
  if (lang === "fr") {
    if (/,.*[,.]|\..*[,.]/.test(t)) return { ok: false, reason: "notANumber" };
    t = t.replace(",", ".");
  } else {
    // Thousands separators must group by three: "1,000,000" but not "1,00".
    if (t.includes(",")) {
      if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return { ok: false, reason: "notANumber" };
      t = t.replace(/,/g, "");
    }
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, reason: "notANumber" };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "notANumber" };
}

/**
 * Reads a percentage and returns it as a fraction: "40" and "40%" -> 0.4, "-10 %" -> -0.1.
 * The division by 100 is done in decimal.js, so "33.3" gives exactly 0.333, not 0.33299999999999996.
 */
export function parsePercent(text: string, lang: Lang = "en"): ParseResult {
  const parsed = parseNumber(text.trim().replace(/\s*%$/, ""), lang);
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
