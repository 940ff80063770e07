/**
 * The number formats of every model sheet, one per kind of number, as a banker's workbook shows
 * them (issue 14):
 * - negatives in parentheses, positives padded by the width of ")" so that the digits line up
 *   (Excel's `_)`: a space as wide as the next character, Microsoft, "Review guidelines for
 *   customizing a number format", support.microsoft.com);
 * - amounts in the sheet's unit (units: no decimals; thousands and millions: one decimal);
 * - prices per share always in currency units (never "EUR m" per share), to 4 decimals, so that
 *   a displayed price times the shares gives the amount to the unit;
 * - multiples as 0.00x; ownership and rates to 2 decimals, premiums and shares of proceeds to 1;
 * - share counts whole, or to 2 decimals when shares are not rounded.
 * Pure data: model builders pick a kind, every writer and the preview render the code.
 *
 * The codes are the same in every language (a French sheet uses the same codes as an English
 * one): Excel keeps a format code in one invariant syntax, "." the decimal point and "," the
 * thousands separator, which is what the .xlsx `numFmt` and Office.js `Range.numberFormat` hold,
 * and shows it with the separators of the user's locale ("1 234,5" in a French Excel). The
 * localised spelling is a separate property: NumberFormatLocal is "the format code for the object
 * as a string in the language of the user" (Microsoft Learn, Range.NumberFormatLocal property,
 * learn.microsoft.com/office/vba/api/excel.range.numberformatlocal, which points to "Number format
 * codes" on support.microsoft.com; Office.js has the same pair, `numberFormat` and
 * `numberFormatLocal`), and the separators in use come from the user's settings
 * (`Application.cultureInfo.numberFormat.numberDecimalSeparator`, Microsoft Learn, "Work with
 * workbooks using the Excel JavaScript API"). The writers set `numberFormat` only, never the local
 * one. Only the unit label is a word: "EUR m" in English, "MEUR" in French (src/model/sheetText.ts).
 */
import type { ShareRounding } from "../engine";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage } from "./sheetText";

/** The currency units a model's amounts are written in. */
export type AmountUnit = "units" | "thousands" | "millions";

/** A positive format with its negative in parentheses: "#,##0" -> "#,##0_);(#,##0)". */
export function withParentheses(positive: string): string {
  return `${positive}_);(${positive})`;
}

/** Currency units per amount unit: a price per share in currency = amount per share x this factor. */
export const UNIT_FACTOR: Readonly<Record<AmountUnit, number>> = { units: 1, thousands: 1_000, millions: 1_000_000 };

/** Every kind of number a model sheet shows, and its format code. */
export interface ModelFormats {
  /** "EUR", "EUR k", "EUR m" ("EUR", "kEUR", "MEUR" in French): the unit of amounts, shown in headers. */
  readonly currencyLabel: string;
  /** "EUR": the unit of prices per share, whatever the unit of amounts. */
  readonly perShareLabel: string;
  /** Currency units per amount unit (1, 1,000 or 1,000,000): amount per share x factor = price per share in currency. */
  readonly perShareFactor: number;
  /** Amounts (valuations, debt, prices of stakes, payouts) in the sheet's unit. */
  readonly amount: string;
  /** An amount per capacity unit (EV per MW), in the sheet's unit. */
  readonly perUnit: string;
  /** A price per share, in currency units (see `perShareFactor`), 4 decimals. */
  readonly pricePerShare: string;
  /** An amount per share left in the sheet's unit (the exit waterfall's workings): 4 decimals of a currency unit. */
  readonly perShareInAmountUnit: string;
  /** Share counts: whole shares, or 2 decimals when shares are not rounded. */
  readonly shares: string;
  /** Ownership, stakes and rates: 2 decimals. */
  readonly percent: string;
  /** Premiums, discounts and shares of proceeds: 1 decimal. */
  readonly percent1: string;
  /** Multiples (preference, cap, MOIC): 0.00x. */
  readonly multiple: string;
  /** A ratio that is not a multiple (conversion ratio). */
  readonly ratio: string;
  /** Capacity (MW, units of capacity). */
  readonly capacity: string;
  /** A working rate with many decimals (residual per share per unit of proceeds, in the workings). */
  readonly workingRate: string;
  /** A whole count or an index (seniority rank, order). */
  readonly count: string;
  /** A date. */
  readonly date: string;
}

/** Number formats for a currency, a unit of amounts and a share rounding policy (the unit label in the sheet's language). */
export function modelFormats(
  currency: string,
  unit: AmountUnit,
  rounding: ShareRounding,
  language: SheetLanguage = DEFAULT_SHEET_LANGUAGE,
): ModelFormats {
  const decimals = (n: number) => (n === 0 ? "" : `.${"0".repeat(n)}`);
  const unitDecimals = { units: 0, thousands: 3, millions: 6 }[unit];
  return {
    currencyLabel: sheetText(language).common.currencyUnit[unit](currency),
    perShareLabel: currency,
    perShareFactor: UNIT_FACTOR[unit],
    amount: withParentheses(unit === "units" ? "#,##0" : "#,##0.0"),
    perUnit: withParentheses(unit === "units" ? "#,##0" : unit === "thousands" ? "#,##0.0" : "#,##0.00"),
    pricePerShare: withParentheses("#,##0.0000"),
    perShareInAmountUnit: withParentheses(`#,##0${decimals(4 + unitDecimals)}`),
    shares: withParentheses(rounding === "NONE" ? "#,##0.00" : "#,##0"),
    percent: withParentheses("0.00%"),
    percent1: withParentheses("0.0%"),
    multiple: withParentheses('0.00"x"'),
    ratio: withParentheses("0.00##"),
    capacity: withParentheses("#,##0.0"),
    workingRate: withParentheses("0.000000000"),
    count: "0",
    date: "yyyy-mm-dd",
  };
}
