/**
 * The stake-sale form as the user types it, and its translation to the model input.
 *
 * Pure functions (no React, no Office, no DOM), unit-tested in test/taskpane/form.test.ts:
 * - every field is kept as the text the user typed, so a half-typed number is never lost or
 *   silently changed;
 * - `formToCandidate` turns the texts into the plain JSON `StakeSaleInput` expects (percentages
 *   entered as 40 or 40% become the fraction 0.4), collecting a message for each text that is
 *   not a number;
 * - `validateForm` runs the SAME zod schema the model builder, templates and command line use,
 *   and maps every zod issue path to the field it is shown next to.
 */
import { Decimal } from "../engine";
import { CURRENCY_UNITS, CurrencyUnit, StakeSaleInput } from "../model/stakeSaleInput";
import { stakeSaleInputWarnings } from "../model/stakeSaleModel";
import { FIELD_LABELS, Lang, MESSAGES, ruleMessage, stakeSaleWarningMessage } from "./i18n";
import type { Template } from "../templates";
import type { ModelInputs } from "../model/build";

export type Basis = StakeSaleInput["basis"];
export type Transaction = StakeSaleInput["transaction"];
export type Rounding = StakeSaleInput["rounding"];
export type FormulaStyle = StakeSaleInput["formulas"];

/** A cap-table row as typed, shaped as the table editor's rows (ventureForm.ts `GridRow`). */
export interface HolderRow {
  /** Stable key for React lists (not part of the model). */
  readonly key: string;
  readonly cells: { readonly holder: string; readonly shares: string };
}

/** The form's state: texts as typed, choices as their schema values. */
export interface FormState {
  readonly company: string;
  readonly currency: string;
  readonly unit: CurrencyUnit;
  readonly basis: Basis;
  readonly valuation: string;
  readonly netDebt: string;
  readonly shareholderLoans: string;
  readonly otherClaims: string;
  /** Stake sold, as a percentage text ("50" or "50%"). */
  readonly stake: string;
  /** Control premium (> 0) or minority discount (< 0), as a percentage text. */
  readonly premium: string;
  /** Capacity at 100%; empty for none. */
  readonly capacity: string;
  readonly capacityUnit: string;
  readonly capTable: readonly HolderRow[];
  readonly transaction: Transaction;
  readonly seller: string;
  readonly buyer: string;
  readonly primaryInvestment: string;
  readonly rounding: Rounding;
  readonly formulas: FormulaStyle;
}

/** Scalar fields of the form (the cap table's cells are "capTable.<row>.holder" / ".shares"). */
export type ScalarField = Exclude<keyof FormState, "capTable">;

/** Where a message is shown: a scalar field, the cap table as a whole, or one cell of it. */
export type FieldKey = ScalarField | "capTable" | `capTable.${number}.holder` | `capTable.${number}.shares` | "form";

export type FieldErrors = Partial<Record<FieldKey, string>>;

let rowCounter = 0;
/** A fresh key for a cap-table row. */
export function newRowKey(): string {
  rowCounter += 1;
  return `r${rowCounter}`;
}

export function holderRow(holder = "", shares = ""): HolderRow {
  return { key: newRowKey(), cells: { holder, shares } };
}

/** A cap-table row from the table editor's row (its key kept, missing cells empty). */
export function toHolderRow(row: { readonly key: string; readonly cells: Readonly<Record<string, string>> }): HolderRow {
  return { key: row.key, cells: { holder: row.cells.holder ?? "", shares: row.cells.shares ?? "" } };
}

/** An empty form with sensible defaults (EUR, EV basis, secondary sale, whole shares rounded down, native formulas). */
export function emptyForm(): FormState {
  return {
    company: "",
    currency: "EUR",
    unit: "units",
    basis: "EV",
    valuation: "",
    netDebt: "0",
    shareholderLoans: "0",
    otherClaims: "0",
    stake: "",
    premium: "0",
    capacity: "",
    capacityUnit: "MW",
    capTable: [holderRow(), holderRow()],
    transaction: "secondary",
    seller: "",
    buyer: "",
    primaryInvestment: "0",
    rounding: "DOWN",
    formulas: "native",
  };
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

/** Fills the form from a model input (the OpCore example, a stored model, a template). */
export function formFromInput(input: StakeSaleInput, lang: Lang = "en"): FormState {
  return {
    company: input.company,
    currency: input.currency,
    unit: input.unit,
    basis: input.basis,
    valuation: numberToText(input.valuation, lang),
    netDebt: numberToText(input.netDebt, lang),
    shareholderLoans: numberToText(input.shareholderLoans, lang),
    otherClaims: numberToText(input.otherClaims, lang),
    stake: fractionToPercentText(input.stake, lang),
    premium: fractionToPercentText(input.premium, lang),
    capacity: input.capacity === null ? "" : numberToText(input.capacity, lang),
    capacityUnit: input.capacityUnit,
    capTable: input.capTable.map((h) => holderRow(h.holder, numberToText(h.shares, lang))),
    transaction: input.transaction,
    seller: input.seller,
    buyer: input.buyer,
    primaryInvestment: numberToText(input.primaryInvestment, lang),
    rounding: input.rounding,
    formulas: input.formulas,
  };
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

/** What the form produces: the candidate input for the schema, and the texts that were not numbers. */
export interface Candidate {
  readonly input: Record<string, unknown>;
  readonly parseErrors: FieldErrors;
}

/** The fields a message can name (see FIELD_LABELS in i18n.ts). */
type NamedField = ScalarField | "shares" | "holder";

/**
 * Turns the form into the plain input the schema validates. Rows left entirely blank in the cap
 * table are dropped (so the spare empty row is harmless); their indices map back through `rowIndex`.
 */
export function formToCandidate(form: FormState, lang: Lang): Candidate & { readonly rowIndex: readonly number[] } {
  const messages = MESSAGES[lang];
  const fieldName = (f: NamedField): string => FIELD_LABELS[lang][f] ?? f;
  const errors: FieldErrors = {};
  const num = (key: ScalarField, text: string, optional = false): number | null | undefined => {
    const r = parseNumber(text, lang);
    if (r.ok) return r.value;
    if (r.reason === "empty") {
      if (optional) return null;
      errors[key] = messages.required(fieldName(key));
    } else errors[key] = messages.notANumber(fieldName(key), text.trim());
    return undefined;
  };
  const pct = (key: ScalarField, text: string, emptyIsZero = false): number | undefined => {
    if (emptyIsZero && text.trim() === "") return 0;
    const r = parsePercent(text, lang);
    if (r.ok) return r.value;
    errors[key] = r.reason === "empty" ? messages.required(fieldName(key)) : messages.notAPercent(fieldName(key), text.trim());
    return undefined;
  };
  const rowIndex: number[] = [];
  const capTable: { holder: string; shares: number | undefined }[] = [];
  form.capTable.forEach((row, i) => {
    const { holder, shares } = row.cells;
    if (holder.trim() === "" && shares.trim() === "") return;
    const r = parseNumber(shares, lang);
    if (!r.ok) {
      errors[`capTable.${i}.shares`] =
        r.reason === "empty" ? messages.required(fieldName("shares")) : messages.notANumber(fieldName("shares"), shares.trim());
    }
    rowIndex.push(i);
    capTable.push({ holder, shares: r.ok ? r.value : undefined });
  });
  const input: Record<string, unknown> = {
    kind: "stakeSale",
    company: form.company,
    currency: form.currency.trim().toUpperCase(),
    unit: form.unit,
    basis: form.basis,
    valuation: num("valuation", form.valuation),
    netDebt: num("netDebt", form.netDebt),
    shareholderLoans: num("shareholderLoans", form.shareholderLoans),
    // Optional in the deal: left empty, other claims and the premium are zero.
    otherClaims: form.otherClaims.trim() === "" ? 0 : num("otherClaims", form.otherClaims),
    stake: pct("stake", form.stake),
    premium: pct("premium", form.premium, true),
    capacity: num("capacity", form.capacity, true),
    capacityUnit: form.capacityUnit,
    capTable,
    transaction: form.transaction,
    // A primary issue has no seller (the field is hidden then): none is sent, rather than a name the sheet would show as not used.
    seller: form.transaction === "primary" ? "" : form.seller,
    buyer: form.buyer,
    primaryInvestment: form.transaction === "both" ? num("primaryInvestment", form.primaryInvestment) : 0,
    rounding: form.rounding,
    formulas: form.formulas,
  };
  return { input, parseErrors: errors, rowIndex };
}

/** A zod issue reduced to what the mapping needs (zod's own type, structurally). */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const SCALAR_FIELDS = new Set<string>([
  "company",
  "currency",
  "unit",
  "basis",
  "valuation",
  "netDebt",
  "shareholderLoans",
  "otherClaims",
  "stake",
  "premium",
  "capacity",
  "capacityUnit",
  "transaction",
  "seller",
  "buyer",
  "primaryInvestment",
  "rounding",
  "formulas",
]);

/**
 * Maps a zod issue path to the field its message is shown next to:
 * ["stake"] -> "stake"; ["capTable", 2, "shares"] -> "capTable.<form row>.shares" (through
 * `rowIndex`, since blank rows are not sent); ["capTable"] -> "capTable"; anything else -> "form".
 */
export function fieldForPath(path: readonly PropertyKey[], rowIndex: readonly number[] = []): FieldKey {
  const [head, index, leaf] = path;
  if (typeof head !== "string") return "form";
  if (head === "capTable") {
    if (typeof index === "number" && (leaf === "holder" || leaf === "shares")) {
      const row = rowIndex[index] ?? index;
      return `capTable.${row}.${leaf}`;
    }
    return "capTable";
  }
  return SCALAR_FIELDS.has(head) ? (head as ScalarField) : "form";
}

/** Maps zod issues to field messages; the first message per field wins (it is the most basic rule). */
export function issuesToFieldErrors(issues: readonly IssueLike[], rowIndex: readonly number[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldForPath(issue.path, rowIndex);
    if (errors[key] === undefined) errors[key] = issue.message;
  }
  return errors;
}

export type Validation = { ok: true; input: StakeSaleInput; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/**
 * Validates the form: parse errors first (a field that is not a number), then the schema's rules
 * on everything else. `ok` only when there is no message at all: Build is enabled only then.
 */
export function validateForm(form: FormState, lang: Lang): Validation {
  const { input, parseErrors, rowIndex } = formToCandidate(form, lang);
  const result = StakeSaleInput.safeParse(input);
  if (result.success && Object.keys(parseErrors).length === 0) return { ok: true, input: result.data, errors: {} };
  const schemaErrors = result.success
    ? {}
    : issuesToFieldErrors(
        result.error.issues.map((i) => ({ path: i.path, message: ruleMessage(i, lang) })),
        rowIndex,
      );
  // A parse error is more precise than the schema's "must be a number" for the same field.
  return { ok: false, errors: { ...schemaErrors, ...parseErrors } };
}

/**
 * Warnings beside the fields for a VALID input (the engine's `stakeSaleWarnings`, the same the
 * sheet and the command line show): inputs allowed but that look wrong. They never block Build.
 */
export function formWarnings(input: StakeSaleInput, lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const w of stakeSaleInputWarnings(input)) {
    const text = stakeSaleWarningMessage(w, lang);
    out[w.field] = out[w.field] === undefined ? text : `${out[w.field]} ${text}`;
  }
  return out;
}

/** The unit choices, in schema order. */
export const UNITS: readonly CurrencyUnit[] = CURRENCY_UNITS;

// ----- Templates ----------------------------------------------------------------------------

/** The template's "to fill" entries whose value the user has not changed yet (the others are no longer placeholders). */
export function stillToFill(template: Template, input: ModelInputs): Template["toFill"] {
  const original = template.inputs as Record<string, unknown>;
  const current = input as Record<string, unknown>;
  const entries: Template["toFill"][number][] = template.toFill;
  return entries.filter((entry) => JSON.stringify(original[entry.field]) === JSON.stringify(current[entry.field])) as Template["toFill"];
}
