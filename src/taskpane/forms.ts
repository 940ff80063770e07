/**
 * Every model kind's form, described as data (react-jsonschema-form's idea: shape, presentation and
 * typed texts apart): a list of fields, a list of tables, each with its kind of cell (text, number,
 * percentage, choice, radio, flag, date, list), and the sections they are shown in. One registry
 * (`FORMS`, keyed like src/model/build.ts `MODEL_INPUT_SCHEMAS`) holds them; a new model kind is a
 * new description here, not a component. One generic reader turns the typed texts into the plain
 * JSON the model's zod schema validates, and maps every zod issue back to the field or table cell
 * it is shown next to. The view (FormView.tsx) renders the same description, picking each control
 * by the cell's kind.
 *
 * Pure functions (no React, no Office, no DOM), unit-tested in test/taskpane/ventureForm.test.ts and
 * test/taskpane/form.test.ts. Texts are kept as typed (a half-typed number is never lost or changed),
 * percentages are typed as 20 or 20% and become fractions through decimal.js (numberText.ts), rows
 * left entirely blank are dropped.
 */
import {
  BASIS_WORDS,
  CAP_BASIS_FORM_WORDS,
  COMPOUNDING_WORDS,
  CROSS_TERM_WORDS,
  DEAL_MECHANISM_WORDS,
  TICKER_BASE_WORDS,
  DAY_COUNT_WORDS,
  Decimal,
  INSTRUMENT_WORDS,
  PARTICIPATION_WORDS,
  POOL_MODE_WORDS,
  ROUNDING_WORDS,
  TRANSACTION_WORDS,
  UNIT_WORDS,
  YES_NO_WORDS,
  acceptedWords,
  choiceKey,
  isIsoDate,
  readWord,
  type Vocabulary,
} from "../engine";
import { type BuiltModel, type ModelInputs, type ModelKind, type StoredInputIssue, buildModel } from "../model/build";
import { LIMITS } from "../model/fields";
import { OPCORE_EXAMPLE, StakeSaleInput } from "../model/stakeSaleInput";
import { stakeSaleInputWarnings } from "../model/stakeSaleModel";
import { PricedRoundInput, ROUND_LIMITS, YC_EXAMPLE_1 } from "../model/pricedRoundInput";
import { EXIT_LIMITS, ExitWaterfallInput } from "../model/exitWaterfallInput";
import { DEAL_LIMITS, DealPricingInput, NOTE_FIELDS, NOTE_MAX } from "../model/dealPricingInput";
import {
  CLASS_KIND_WORDS,
  CapTableHistoryInput,
  EVENT_COLUMNS,
  EVENT_TYPE_WORDS,
  HISTORY_LIMITS,
  VENTURE_HISTORY_EXAMPLE,
  type EventColumn,
  type EventType,
} from "../model/capTableHistoryInput";
import { builtInTemplate, type Template } from "../templates";
import {
  fractionToPercentText,
  groupedNumberText,
  groupedPercentText,
  newRowKey,
  numberToText,
  parseMultiple,
  parseNumber,
  parsePercent,
  type ParseResult,
} from "../locales/numberText";
import { FIELD_LABELS, MESSAGES, engineMessage, labelOf, ruleMessage, stakeSaleWarningMessage, type Lang, type Messages } from "./i18n";

/** How a cell is typed and read (and so which control shows it: FormView.tsx `CONTROLS`). */
export type CellKind = "text" | "number" | "percent" | "choice" | "radio" | "flag" | "date" | "list";

type Cells = Readonly<Record<string, string>>;

export interface CellSpec {
  readonly key: string;
  readonly kind: CellKind;
  /** What an empty cell means: null or a number (then it is optional); absent: the value is required. */
  readonly empty?: null | number;
  /** The values of a choice or radio (its vocabulary's values). */
  readonly options?: readonly string[];
  /**
   * The choice's vocabulary (src/engine/vocabulary.ts): the words typed or pasted cells may use, the
   * same the functions, templates and French read ("Participating" is FULL everywhere). Any other word is an error.
   */
  readonly words?: Vocabulary<string>;
  /** The text of a fresh field or row. */
  readonly initial?: string;
  /** Shown (and read) only when this holds for the row's (or form's) texts. */
  readonly when?: (cells: Cells) => boolean;
  /** A unit shown after the value ("%", "x"); "money" shows the form's currency; a function reads it from the form. */
  readonly suffix?: "%" | "x" | "money" | ((cells: Cells) => string | undefined);
  readonly maxLength?: number;
  readonly placeholder?: string;
  /** Marked required next to its label. */
  readonly required?: boolean;
  /** The dictionary key of its hint when it depends on the form (the stake's hint follows the transaction). */
  readonly hint?: (cells: Cells) => string;
  /** A choice among the names typed in another table (the pool row, a holding's class). */
  readonly optionsFrom?: { readonly table: string; readonly column: string };
  /** A button under the field that fills it from another field (the spread of exit values around the exit value). */
  readonly action?: { readonly id: "spread"; readonly label: "spreadExitValues"; readonly from: string; readonly values: (from: number) => number[] };
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly CellSpec[];
  readonly max: number;
  /** Rows a fresh form starts with. */
  readonly initialRows: number;
  /**
   * Ignored: every table is drawn as a compact grid that scrolls sideways in its own box
   * (FormView.tsx), whatever its number of columns. Kept optional so that older descriptions compile.
   * @deprecated
   */
  readonly layout?: "grid" | "cards";
  /** Rows are holders: a paste says "2 holders pasted" and what to select. */
  readonly holders?: boolean;
}

/** A section of the form: fields (in a grid, or one under the other), or one table. */
export type Section =
  | { readonly title: keyof Messages["section"]; readonly fields: readonly string[]; readonly stack?: boolean }
  | { readonly title: keyof Messages["section"]; readonly table: string };

/** A table row as typed: a stable key for React lists and the text of each column. */
export interface GridRow {
  readonly key: string;
  readonly cells: Cells;
}

/** A form as typed: its kind, the text of each field and the rows of each table. */
export interface ModelForm {
  readonly kind: ModelKind;
  readonly fields: Cells;
  readonly tables: Readonly<Record<string, readonly GridRow[]>>;
}

/** Where a message is shown: a field, a table, a table cell ("<table>.<row>.<column>") or the form. */
export type FormErrors = Partial<Record<string, string>>;

/** A zod issue reduced to what the mapping needs (zod's own type, structurally). */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface FormSpec<I extends ModelInputs = ModelInputs> {
  readonly kind: ModelKind;
  readonly fields: readonly CellSpec[];
  readonly tables: readonly TableSpec[];
  readonly sections: readonly Section[];
  /** The candidate input from the values read (numbers, fractions, booleans, null for empty optionals). */
  assemble(fields: Record<string, unknown>, tables: Record<string, Record<string, unknown>[]>): Record<string, unknown>;
  /** The form's texts from a valid input. */
  disassemble(input: I, lang: Lang): { fields: Record<string, string>; tables: Record<string, Record<string, string>[]> };
  /** The field or cell an issue path points to when the form flattens a nested input (a history's next round): undefined = the default mapping. */
  keyOf?(path: readonly PropertyKey[]): readonly PropertyKey[] | undefined;
  /** The column of a table an issue path below a row points to (default: its first key). */
  columnOf?(table: string, rest: readonly PropertyKey[]): string | undefined;
  /** The name of a field or column in a message (default: its label, "Pre-money valuation is required"). */
  fieldName?(key: string, lang: Lang): string;
  /** Inputs allowed but that look wrong, by field: shown beside it, never blocking Build. */
  warnings?(input: I, lang: Lang): FormErrors;
  readonly schema: { safeParse(value: unknown): { success: true; data: I } | { success: false; error: { issues: readonly IssueLike[] } } };
  readonly example: I;
}

// ----- Cell texts ---------------------------------------------------------------------------

const num = (n: number | null, lang: Lang): string => (n === null ? "" : numberToText(n, lang));
const pct = (n: number | null, lang: Lang): string => (n === null ? "" : fractionToPercentText(n, lang));
const flag = (b: boolean): string => (b ? "true" : "false");

/** Reads a list of numbers typed one per line or separated by ";" ("," is a thousands separator in English, the decimal comma in French). */
export function parseNumberList(text: string, lang: Lang): { ok: true; values: number[] } | { ok: false; bad: string } {
  const parts = text
    .split(/[\n;\t]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const values: number[] = [];
  for (const part of parts) {
    const r = parseNumber(part, lang);
    if (!r.ok) return { ok: false, bad: part };
    values.push(r.value);
  }
  return { ok: true, values };
}

/** The multiples of the headline exit value a spread sensitivity shows: from a quarter to three times. */
export const EXIT_SPREAD = ["0.25", "0.5", "0.75", "1", "1.25", "1.5", "2", "2.5", "3"] as const;

/**
 * Exit values around a headline exit value, for the sensitivity: the value times each of
 * EXIT_SPREAD, computed exactly and rounded to whole currency units (half away from zero).
 */
export function spreadExitValues(exitValue: number): number[] {
  return EXIT_SPREAD.map((m) => new Decimal(exitValue).times(m).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

// ----- The forms ----------------------------------------------------------------------------

const COMPANY: CellSpec = { key: "company", kind: "text", maxLength: LIMITS.maxText, required: true };
const CURRENCY: CellSpec = { key: "currency", kind: "text", initial: "USD", maxLength: 3, required: true };
/** A choice (or radio) column or field read through its vocabulary; its options are the vocabulary's values. */
const choice = <T extends string>(key: string, words: Vocabulary<T>, initial: T, more: Partial<CellSpec> = {}): CellSpec => ({
  key,
  kind: "choice",
  options: words.values,
  words: words as unknown as Vocabulary<string>,
  initial,
  ...more,
});
const text = (key: string, more: Partial<CellSpec> = {}): CellSpec => ({ key, kind: "text", maxLength: LIMITS.maxText, ...more });
const money = (key: string, more: Partial<CellSpec> = {}): CellSpec => ({ key, kind: "number", suffix: "money", ...more });

const UNIT: CellSpec = choice("unit", UNIT_WORDS, "units");
const isNote = (cells: Cells) => cells.type === "NOTE";

/** A cap table: holder and shares (the stake-sale form's, and the priced round's before the round). */
export const CAP_TABLE_SPEC: TableSpec = {
  name: "capTable",
  layout: "grid",
  max: LIMITS.maxHolders,
  initialRows: 3,
  columns: [
    { key: "holder", kind: "text", maxLength: LIMITS.maxText },
    { key: "shares", kind: "number" },
  ],
};

export const STAKE_SALE_FORM: FormSpec<StakeSaleInput> = {
  kind: "stakeSale",
  fields: [
    COMPANY,
    { ...CURRENCY, initial: "EUR", maxLength: LIMITS.maxText },
    UNIT,
    { key: "capacity", kind: "number", empty: null, suffix: (f) => f.capacityUnit || undefined },
    text("capacityUnit", { initial: "MW", placeholder: "MW" }),
    choice("basis", BASIS_WORDS, "EV", { kind: "radio", options: ["EV", "EQUITY"] }),
    money("valuation", { required: true }),
    money("netDebt", { initial: "0", required: true }),
    money("shareholderLoans", { initial: "0", required: true }),
    money("otherClaims", { empty: 0, initial: "0" }),
    choice("transaction", TRANSACTION_WORDS, "secondary", { kind: "radio" }),
    { key: "stake", kind: "percent", suffix: "%", required: true, hint: (f) => `stake_${f.transaction}` },
    { key: "premium", kind: "percent", suffix: "%", empty: 0, initial: "0" },
    // A primary issue has no seller (the field is hidden then): none is sent, rather than a name the sheet would show as not used.
    text("seller", { required: true, when: (f) => f.transaction !== "primary" }),
    text("buyer", { required: true }),
    money("primaryInvestment", { initial: "0", required: true, when: (f) => f.transaction === "both" }),
    choice("rounding", ROUNDING_WORDS, "DOWN"),
    // Checked: =CAPTABLE.* formulas; unchecked: native Excel formulas.
    { key: "formulas", kind: "flag", initial: "false" },
  ],
  tables: [{ ...CAP_TABLE_SPEC, initialRows: 2, holders: true }],
  sections: [
    { title: "company", fields: ["company", "currency", "unit", "capacity", "capacityUnit"] },
    { title: "valuation", fields: ["basis", "valuation", "netDebt", "shareholderLoans", "otherClaims"] },
    { title: "deal", fields: ["transaction", "stake", "premium", "seller", "buyer", "primaryInvestment"] },
    { title: "capTableBeforeDeal", table: "capTable" },
    { title: "output", fields: ["rounding", "formulas"], stack: true },
  ],
  assemble: (f, t) => ({
    kind: "stakeSale",
    company: f.company,
    currency: f.currency,
    unit: f.unit,
    basis: f.basis,
    valuation: f.valuation,
    netDebt: f.netDebt,
    shareholderLoans: f.shareholderLoans,
    otherClaims: f.otherClaims,
    stake: f.stake,
    premium: f.premium,
    capacity: f.capacity,
    capacityUnit: f.capacityUnit,
    capTable: t.capTable,
    transaction: f.transaction,
    seller: f.transaction === "primary" ? "" : f.seller,
    buyer: f.buyer,
    primaryInvestment: f.transaction === "both" ? f.primaryInvestment : 0,
    rounding: f.rounding,
    formulas: f.formulas === undefined ? undefined : f.formulas === true ? "captable" : "native",
  }),
  disassemble: (input, lang) => ({
    fields: {
      company: input.company,
      currency: input.currency,
      unit: input.unit,
      basis: input.basis,
      valuation: num(input.valuation, lang),
      netDebt: num(input.netDebt, lang),
      shareholderLoans: num(input.shareholderLoans, lang),
      otherClaims: num(input.otherClaims, lang),
      stake: pct(input.stake, lang),
      premium: pct(input.premium, lang),
      capacity: num(input.capacity, lang),
      capacityUnit: input.capacityUnit,
      transaction: input.transaction,
      seller: input.seller,
      buyer: input.buyer,
      primaryInvestment: num(input.primaryInvestment, lang),
      rounding: input.rounding,
      formulas: flag(input.formulas === "captable"),
    },
    tables: { capTable: input.capTable.map((h) => ({ holder: h.holder, shares: num(h.shares, lang) })) },
  }),
  // The stake sale's messages name a field as its rules do ("valuation must be a number"): the message catalogue's names.
  fieldName: (key, lang) => FIELD_LABELS[lang][key.split(".").pop() ?? key] ?? key,
  warnings: (input, lang) => {
    const out: FormErrors = {};
    for (const w of stakeSaleInputWarnings(input)) {
      const message = stakeSaleWarningMessage(w, lang);
      out[w.field] = out[w.field] === undefined ? message : `${out[w.field]} ${message}`;
    }
    return out;
  },
  schema: StakeSaleInput,
  example: OPCORE_EXAMPLE,
};

export const PRICED_ROUND_FORM: FormSpec<PricedRoundInput> = {
  kind: "pricedRound",
  fields: [
    COMPANY,
    CURRENCY,
    UNIT,
    money("preMoney", { required: true }),
    text("optionPool", { initial: "Option pool", required: true, optionsFrom: { table: "capTable", column: "holder" } }),
    choice("poolMode", POOL_MODE_WORDS, "target"),
    { key: "poolTarget", kind: "percent", suffix: "%", when: (f) => f.poolMode === "target", required: true },
    { key: "poolIncrease", kind: "number", when: (f) => f.poolMode === "increase", required: true },
    choice("rounding", ROUNDING_WORDS, "DOWN"),
  ],
  sections: [
    { title: "company", fields: ["company", "currency", "unit"] },
    { title: "round", fields: ["preMoney", "poolMode", "poolTarget", "poolIncrease", "optionPool", "rounding"] },
    { title: "capTable", table: "capTable" },
    { title: "investors", table: "investors" },
    { title: "instruments", table: "instruments" },
  ],
  tables: [
    CAP_TABLE_SPEC,
    {
      name: "investors",
      layout: "grid",
      max: ROUND_LIMITS.maxInvestors,
      initialRows: 1,
      columns: [
        { key: "name", kind: "text", maxLength: LIMITS.maxText },
        { key: "amount", kind: "number", suffix: "money" },
      ],
    },
    {
      name: "instruments",
      layout: "cards",
      max: ROUND_LIMITS.maxInstruments,
      initialRows: 0,
      columns: [
        { key: "holder", kind: "text", maxLength: LIMITS.maxText },
        choice("type", INSTRUMENT_WORDS, "POST_SAFE"),
        { key: "amount", kind: "number", suffix: "money" },
        { key: "cap", kind: "number", empty: null, suffix: "money" },
        { key: "discount", kind: "percent", empty: null, suffix: "%" },
        { key: "mfn", kind: "flag", initial: "false" },
        { key: "rate", kind: "percent", empty: null, suffix: "%", when: isNote },
        { key: "startDate", kind: "date", when: isNote },
        { key: "conversionDate", kind: "date", when: isNote },
        choice("dayCount", DAY_COUNT_WORDS, "ACT/365", { when: isNote }),
        choice("compounding", COMPOUNDING_WORDS, "SIMPLE", { when: isNote }),
        // DEFAULT: the document's definition for the type (the model leaves capBasis out).
        choice("capBasis", CAP_BASIS_FORM_WORDS, "DEFAULT"),
      ],
    },
  ],
  assemble: (f, t) => ({
    kind: "pricedRound",
    company: f.company,
    currency: f.currency,
    unit: f.unit,
    capTable: t.capTable,
    optionPool: f.optionPool,
    preMoney: f.preMoney,
    investors: t.investors,
    poolTarget: f.poolMode === "target" ? f.poolTarget : null,
    poolIncrease: f.poolMode === "increase" ? f.poolIncrease : null,
    instruments: t.instruments.map((x) => ({
      holder: x.holder,
      type: x.type,
      amount: x.amount,
      cap: x.cap,
      discount: x.discount,
      mfn: x.mfn,
      ...(x.capBasis === "DEFAULT" ? {} : { capBasis: x.capBasis }),
      // A note without a rate converts its amount as given (principal and interest already added).
      interest:
        x.type === "NOTE" && x.rate !== null
          ? { rate: x.rate, startDate: x.startDate, conversionDate: x.conversionDate, dayCount: x.dayCount, compounding: x.compounding }
          : null,
    })),
    rounding: f.rounding,
  }),
  disassemble: (input, lang) => ({
    fields: {
      company: input.company,
      currency: input.currency,
      unit: input.unit,
      preMoney: num(input.preMoney, lang),
      optionPool: input.optionPool,
      poolMode: input.poolTarget !== null ? "target" : input.poolIncrease !== null ? "increase" : "none",
      poolTarget: pct(input.poolTarget, lang),
      poolIncrease: num(input.poolIncrease, lang),
      rounding: input.rounding,
    },
    tables: {
      capTable: input.capTable.map((h) => ({ holder: h.holder, shares: num(h.shares, lang) })),
      investors: input.investors.map((v) => ({ name: v.name, amount: num(v.amount, lang) })),
      instruments: input.instruments.map((x) => ({
        holder: x.holder,
        type: x.type,
        amount: num(x.amount, lang),
        cap: num(x.cap, lang),
        discount: pct(x.discount, lang),
        mfn: flag(x.mfn),
        rate: pct(x.interest?.rate ?? null, lang),
        startDate: x.interest?.startDate ?? "",
        conversionDate: x.interest?.conversionDate ?? "",
        dayCount: x.interest?.dayCount ?? "ACT/365",
        compounding: x.interest?.compounding ?? "SIMPLE",
        capBasis: x.capBasis ?? "DEFAULT",
      })),
    },
  }),
  // ["interest", "startDate"] -> the startDate column; ["interest"] (a rule on the whole interest) -> the rate.
  columnOf: (table, rest) => (table === "instruments" && rest[0] === "interest" ? (typeof rest[1] === "string" ? rest[1] : "rate") : undefined),
  schema: PricedRoundInput,
  example: YC_EXAMPLE_1,
};

const isCapped = (cells: Readonly<Record<string, string>>) => cells.participation === "CAPPED";

/** The example the exit-waterfall form loads: the inputs of the built-in "Exit waterfall" template (classes, costs, sensitivity, illustrative holders). */
export const EXIT_WATERFALL_EXAMPLE: ExitWaterfallInput = (() => {
  const template = builtInTemplate("exit-waterfall")?.template;
  if (template?.kind !== "exitWaterfall") throw new Error('the built-in template "exit-waterfall" is missing');
  return template.inputs;
})();

export const EXIT_WATERFALL_FORM: FormSpec<ExitWaterfallInput> = {
  kind: "exitWaterfall",
  fields: [
    COMPANY,
    CURRENCY,
    UNIT,
    money("exitValue", { required: true }),
    money("netDebt", { empty: 0, initial: "0" }),
    money("transactionCosts", { empty: 0, initial: "0" }),
    money("otherClaims", { empty: 0, initial: "0" }),
    {
      key: "exitValues",
      kind: "list",
      required: true,
      action: { id: "spread", label: "spreadExitValues", from: "exitValue", values: spreadExitValues },
    },
  ],
  sections: [
    { title: "company", fields: ["company", "currency", "unit"] },
    { title: "exit", fields: ["exitValue", "netDebt", "transactionCosts", "otherClaims", "exitValues"] },
    { title: "classes", table: "classes" },
    { title: "holdings", table: "holdings" },
  ],
  tables: [
    {
      name: "classes",
      layout: "cards",
      max: EXIT_LIMITS.maxClasses,
      initialRows: 2,
      columns: [
        { key: "name", kind: "text", maxLength: LIMITS.maxText },
        { key: "shares", kind: "number" },
        { key: "invested", kind: "number", empty: 0, suffix: "money" },
        { key: "preference", kind: "number", empty: 0, suffix: "x", initial: "1" },
        { key: "seniority", kind: "number", initial: "1" },
        choice("participation", PARTICIPATION_WORDS, "NONE"),
        { key: "cap", kind: "number", empty: null, suffix: "x", when: isCapped },
        { key: "conversionRatio", kind: "number", initial: "1" },
        { key: "strike", kind: "number", empty: null },
      ],
    },
    {
      name: "holdings",
      layout: "grid",
      max: EXIT_LIMITS.maxHoldings,
      initialRows: 0,
      columns: [
        { key: "holder", kind: "text", maxLength: LIMITS.maxText },
        text("className", { optionsFrom: { table: "classes", column: "name" } }),
        { key: "shares", kind: "number" },
        { key: "invested", kind: "number", empty: null, suffix: "money" },
      ],
    },
  ],
  assemble: (f, t) => ({
    kind: "exitWaterfall",
    company: f.company,
    currency: f.currency,
    unit: f.unit,
    classes: t.classes.map((c) => ({ ...c, cap: c.participation === "CAPPED" ? c.cap : null })),
    netDebt: f.netDebt,
    transactionCosts: f.transactionCosts,
    otherClaims: f.otherClaims,
    exitValue: f.exitValue,
    exitValues: f.exitValues,
    holdings: t.holdings,
  }),
  disassemble: (input, lang) => ({
    fields: {
      company: input.company,
      currency: input.currency,
      unit: input.unit,
      exitValue: num(input.exitValue, lang),
      netDebt: num(input.netDebt, lang),
      transactionCosts: num(input.transactionCosts, lang),
      otherClaims: num(input.otherClaims, lang),
      exitValues: input.exitValues.map((v) => num(v, lang)).join("\n"),
    },
    tables: {
      classes: input.classes.map((c) => ({
        name: c.name,
        shares: num(c.shares, lang),
        invested: num(c.invested, lang),
        preference: num(c.preference, lang),
        seniority: String(c.seniority),
        participation: c.participation,
        cap: num(c.cap, lang),
        conversionRatio: num(c.conversionRatio, lang),
        strike: num(c.strike, lang),
      })),
      holdings: input.holdings.map((h) => ({
        holder: h.holder,
        className: h.className,
        shares: num(h.shares, lang),
        invested: num(h.invested, lang),
      })),
    },
  }),
  schema: ExitWaterfallInput,
  example: EXIT_WATERFALL_EXAMPLE,
};

// ----- Deal pricing and returns (issue 16) ---------------------------------------------------

/** The example the deal-pricing form loads: the inputs of the built-in "opcore-deal-pricing" template. */
export const DEAL_PRICING_EXAMPLE: DealPricingInput = (() => {
  const template = builtInTemplate("opcore-deal-pricing")?.template;
  if (template?.kind !== "dealPricing") throw new Error('the built-in template "opcore-deal-pricing" is missing');
  return template.inputs;
})();

const isLockedBox = (cells: Cells) => cells.mechanism === "LOCKED_BOX";
const isCompletionAccounts = (cells: Cells) => cells.mechanism === "COMPLETION_ACCOUNTS";
/** A text left empty is null (an optional text the sheet leaves blank). */
const textOrNull = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? null : v);

export const DEAL_PRICING_FORM: FormSpec<DealPricingInput> = {
  kind: "dealPricing",
  fields: [
    COMPANY,
    { ...CURRENCY, initial: "EUR" },
    UNIT,
    text("seller", { required: true }),
    text("buyer", { required: true }),
    money("enterpriseValue", { required: true }),
    { key: "capacity", kind: "number", empty: null, suffix: (f) => f.capacityUnit || undefined },
    text("capacityUnit", { initial: "MW", placeholder: "MW" }),
    text("capacityBasis"),
    choice("mechanism", DEAL_MECHANISM_WORDS, "LOCKED_BOX", { kind: "radio" }),
    { key: "completionDate", kind: "date", required: true },
    money("debtLike", { empty: 0, initial: "0" }),
    { key: "boxDate", kind: "date", required: true, when: isLockedBox },
    money("netDebtAtBox", { required: true, when: isLockedBox }),
    { key: "tickerRate", kind: "percent", suffix: "%", empty: 0, initial: "0", when: isLockedBox },
    choice("tickerBase", TICKER_BASE_WORDS, "EQUITY", { when: isLockedBox }),
    money("leakage", { empty: 0, initial: "0", when: isLockedBox }),
    money("permittedLeakage", { empty: 0, initial: "0", when: isLockedBox }),
    money("targetWorkingCapital", { required: true, when: isCompletionAccounts }),
    money("estimatedNetDebt", { required: true, when: isCompletionAccounts }),
    money("estimatedWorkingCapital", { required: true, when: isCompletionAccounts }),
    money("finalNetDebt", { required: true, when: isCompletionAccounts }),
    money("finalWorkingCapital", { required: true, when: isCompletionAccounts }),
    money("escrow", { empty: 0, initial: "0", when: isCompletionAccounts }),
    { key: "loansDate", kind: "date", required: true },
    { key: "pikRate", kind: "percent", suffix: "%", empty: 0, initial: "0" },
    choice("pikCompounding", COMPOUNDING_WORDS, "ANNUAL"),
    money("acquisitionDebt", { empty: 0, initial: "0" }),
    money("fees", { empty: 0, initial: "0" }),
    money("carryingAmount", { required: true }),
    money("disposalCosts", { empty: 0, initial: "0" }),
    { key: "remeasureRetained", kind: "flag", initial: "true" },
    money("entryEbitda", { required: true }),
    money("exitEbitda", { required: true }),
    { key: "exitMultiple", kind: "number", suffix: "x", required: true },
    money("exitNetDebt", { required: true }),
    money("cashReturned", { empty: 0, initial: "0" }),
    choice("crossTerm", CROSS_TERM_WORDS, "SEPARATE"),
  ],
  sections: [
    { title: "company", fields: ["company", "currency", "unit", "capacity", "capacityUnit", "capacityBasis"] },
    { title: "dealPrice", fields: ["seller", "buyer", "enterpriseValue", "debtLike", "mechanism", "completionDate"] },
    {
      title: "priceMechanism",
      fields: [
        "boxDate",
        "netDebtAtBox",
        "tickerRate",
        "tickerBase",
        "leakage",
        "permittedLeakage",
        "targetWorkingCapital",
        "estimatedNetDebt",
        "estimatedWorkingCapital",
        "finalNetDebt",
        "finalWorkingCapital",
        "escrow",
      ],
    },
    { title: "loans", fields: ["loansDate", "pikRate", "pikCompounding"] },
    { title: "positions", table: "positions" },
    { title: "funding", fields: ["acquisitionDebt", "fees", "carryingAmount", "disposalCosts", "remeasureRetained"] },
    { title: "flows", table: "flows" },
    { title: "valueBridge", fields: ["entryEbitda", "exitEbitda", "exitMultiple", "exitNetDebt", "cashReturned", "crossTerm"] },
    { title: "comps", table: "comps" },
    { title: "notes", table: "notes" },
  ],
  tables: [
    {
      name: "positions",
      layout: "grid",
      max: DEAL_LIMITS.maxPositions,
      initialRows: 1,
      holders: true,
      columns: [
        { key: "holder", kind: "text", maxLength: LIMITS.maxText },
        { key: "shares", kind: "number" },
        { key: "loans", kind: "number", empty: 0, suffix: "money" },
        { key: "sharesSold", kind: "number", empty: 0 },
        { key: "loansSold", kind: "number", empty: 0, suffix: "money" },
      ],
    },
    {
      name: "flows",
      layout: "grid",
      max: DEAL_LIMITS.maxFlows,
      initialRows: 2,
      columns: [
        { key: "holder", kind: "text", maxLength: LIMITS.maxText },
        text("instrument"),
        { key: "date", kind: "date" },
        { key: "amount", kind: "number", suffix: "money" },
      ],
    },
    {
      name: "comps",
      layout: "grid",
      max: DEAL_LIMITS.maxComps,
      initialRows: 2,
      columns: [
        { key: "name", kind: "text", maxLength: LIMITS.maxText },
        { key: "ev", kind: "number", suffix: "money" },
        { key: "ebitda", kind: "number", empty: null, suffix: "money" },
        { key: "capacity", kind: "number", empty: null },
        text("basis"),
      ],
    },
    {
      name: "notes",
      layout: "grid",
      max: NOTE_FIELDS.length,
      initialRows: 0,
      columns: [
        { key: "field", kind: "text", maxLength: LIMITS.maxText },
        { key: "note", kind: "text", maxLength: NOTE_MAX },
      ],
    },
  ],
  assemble: (f, t) => {
    const lb = f.mechanism === "LOCKED_BOX";
    const ca = f.mechanism === "COMPLETION_ACCOUNTS";
    const only = (used: boolean, v: unknown) => (used ? v : null);
    return {
      kind: "dealPricing",
      company: f.company,
      currency: f.currency,
      unit: f.unit,
      seller: f.seller,
      buyer: f.buyer,
      enterpriseValue: f.enterpriseValue,
      capacity: f.capacity,
      capacityUnit: f.capacityUnit,
      capacityBasis: textOrNull(f.capacityBasis),
      mechanism: f.mechanism,
      completionDate: f.completionDate,
      debtLike: f.debtLike,
      boxDate: only(lb, f.boxDate),
      netDebtAtBox: only(lb, f.netDebtAtBox),
      tickerRate: only(lb, f.tickerRate),
      tickerBase: only(lb, f.tickerBase),
      leakage: only(lb, f.leakage),
      permittedLeakage: only(lb, f.permittedLeakage),
      targetWorkingCapital: only(ca, f.targetWorkingCapital),
      estimatedNetDebt: only(ca, f.estimatedNetDebt),
      estimatedWorkingCapital: only(ca, f.estimatedWorkingCapital),
      finalNetDebt: only(ca, f.finalNetDebt),
      finalWorkingCapital: only(ca, f.finalWorkingCapital),
      escrow: only(ca, f.escrow),
      loansDate: f.loansDate,
      pikRate: f.pikRate,
      pikCompounding: f.pikCompounding,
      positions: t.positions,
      acquisitionDebt: f.acquisitionDebt,
      fees: f.fees,
      flows: t.flows,
      carryingAmount: f.carryingAmount,
      disposalCosts: f.disposalCosts,
      remeasureRetained: f.remeasureRetained,
      entryEbitda: f.entryEbitda,
      exitEbitda: f.exitEbitda,
      exitMultiple: f.exitMultiple,
      exitNetDebt: f.exitNetDebt,
      cashReturned: f.cashReturned,
      crossTerm: f.crossTerm,
      comps: t.comps.map((c) => ({ ...c, basis: textOrNull(c.basis) })),
      notes: t.notes,
    };
  },
  disassemble: (input, lang) => ({
    fields: {
      company: input.company,
      currency: input.currency,
      unit: input.unit,
      seller: input.seller,
      buyer: input.buyer,
      enterpriseValue: num(input.enterpriseValue, lang),
      capacity: num(input.capacity, lang),
      capacityUnit: input.capacityUnit,
      capacityBasis: input.capacityBasis ?? "",
      mechanism: input.mechanism,
      completionDate: input.completionDate,
      debtLike: num(input.debtLike, lang),
      boxDate: input.boxDate ?? "",
      netDebtAtBox: num(input.netDebtAtBox, lang),
      tickerRate: pct(input.tickerRate, lang),
      tickerBase: input.tickerBase ?? "EQUITY",
      leakage: num(input.leakage, lang),
      permittedLeakage: num(input.permittedLeakage, lang),
      targetWorkingCapital: num(input.targetWorkingCapital, lang),
      estimatedNetDebt: num(input.estimatedNetDebt, lang),
      estimatedWorkingCapital: num(input.estimatedWorkingCapital, lang),
      finalNetDebt: num(input.finalNetDebt, lang),
      finalWorkingCapital: num(input.finalWorkingCapital, lang),
      escrow: num(input.escrow, lang),
      loansDate: input.loansDate,
      pikRate: pct(input.pikRate, lang),
      pikCompounding: input.pikCompounding,
      acquisitionDebt: num(input.acquisitionDebt, lang),
      fees: num(input.fees, lang),
      carryingAmount: num(input.carryingAmount, lang),
      disposalCosts: num(input.disposalCosts, lang),
      remeasureRetained: flag(input.remeasureRetained),
      entryEbitda: num(input.entryEbitda, lang),
      exitEbitda: num(input.exitEbitda, lang),
      exitMultiple: num(input.exitMultiple, lang),
      exitNetDebt: num(input.exitNetDebt, lang),
      cashReturned: num(input.cashReturned, lang),
      crossTerm: input.crossTerm,
    },
    tables: {
      positions: input.positions.map((p) => ({
        holder: p.holder,
        shares: num(p.shares, lang),
        loans: num(p.loans, lang),
        sharesSold: num(p.sharesSold, lang),
        loansSold: num(p.loansSold, lang),
      })),
      flows: input.flows.map((x) => ({ holder: x.holder, instrument: x.instrument, date: x.date, amount: num(x.amount, lang) })),
      comps: input.comps.map((c) => ({
        name: c.name,
        ev: num(c.ev, lang),
        ebitda: num(c.ebitda, lang),
        capacity: num(c.capacity, lang),
        basis: c.basis ?? "",
      })),
      notes: input.notes.map((n) => ({ field: n.field, note: n.note })),
    },
  }),
  schema: DealPricingInput,
  example: DEAL_PRICING_EXAMPLE,
};

// ----- Cap-table history (issue 17) --------------------------------------------------------

const hasRound = (f: Cells) => f.hasRound === "true";
const hasExit = (f: Cells) => f.hasExit === "true";
/** An event column is shown for the row types that need or allow it (the input's EVENT_COLUMNS: one rule for the form and the schema). */
const uses =
  (column: EventColumn) =>
  (cells: Cells): boolean => {
    const spec = (EVENT_COLUMNS as Readonly<Record<string, { needs: readonly string[]; allows: readonly string[] }>>)[cells.type as EventType];
    return spec !== undefined && (spec.needs.includes(column) || spec.allows.includes(column));
  };
/** The next round's fields, flattened into the form (the input's `nextRound` object): form key -> input key. */
const ROUND_FIELDS: Readonly<Record<string, string>> = {
  roundDate: "date",
  series: "series",
  preMoney: "preMoney",
  poolTarget: "poolTarget",
  poolIncrease: "poolIncrease",
  seriesPreference: "preference",
  seriesSeniority: "seniority",
  seriesParticipation: "participation",
  seriesCap: "cap",
};

/** The history form: the classes, plans and events as tables, the next round and the exit as optional sections (flattened). */
export const CAP_TABLE_HISTORY_FORM: FormSpec<CapTableHistoryInput> = {
  kind: "capTableHistory",
  fields: [
    COMPANY,
    CURRENCY,
    UNIT,
    text("source"),
    { key: "asOf", kind: "date", required: true },
    choice("rounding", ROUNDING_WORDS, "DOWN"),
    { key: "hasRound", kind: "flag", initial: "false" },
    { key: "roundDate", kind: "date", required: true, when: hasRound },
    text("series", { required: true, when: hasRound }),
    money("preMoney", { required: true, when: hasRound }),
    choice("poolMode", POOL_MODE_WORDS, "none", { kind: "radio", when: hasRound }),
    { key: "poolTarget", kind: "percent", suffix: "%", required: true, when: (f) => hasRound(f) && f.poolMode === "target" },
    { key: "poolIncrease", kind: "number", required: true, when: (f) => hasRound(f) && f.poolMode === "increase" },
    { key: "seriesPreference", kind: "number", suffix: "x", initial: "1", when: hasRound },
    { key: "seriesSeniority", kind: "number", initial: "1", when: hasRound },
    choice("seriesParticipation", PARTICIPATION_WORDS, "NONE", { when: hasRound }),
    { key: "seriesCap", kind: "number", suffix: "x", empty: null, when: (f) => hasRound(f) && f.seriesParticipation === "CAPPED" },
    { key: "hasExit", kind: "flag", initial: "false" },
    { key: "exitValues", kind: "list", required: true, when: hasExit },
    money("netDebt", { empty: 0, initial: "0", when: hasExit }),
    money("transactionCosts", { empty: 0, initial: "0", when: hasExit }),
  ],
  sections: [
    { title: "company", fields: ["company", "currency", "unit", "source"] },
    { title: "history", fields: ["asOf", "rounding"] },
    { title: "classes", table: "classes" },
    { title: "plans", table: "plans" },
    { title: "events", table: "events" },
    {
      title: "nextRound",
      fields: [
        "hasRound",
        "roundDate",
        "series",
        "preMoney",
        "poolMode",
        "poolTarget",
        "poolIncrease",
        "seriesPreference",
        "seriesSeniority",
        "seriesParticipation",
        "seriesCap",
      ],
    },
    { title: "investors", table: "roundInvestors" },
    { title: "exit", fields: ["hasExit", "exitValues", "netDebt", "transactionCosts"] },
  ],
  tables: [
    {
      name: "classes",
      layout: "cards",
      max: HISTORY_LIMITS.maxClasses,
      initialRows: 1,
      columns: [
        text("name"),
        choice("kind", CLASS_KIND_WORDS, "COMMON"),
        { key: "issuePrice", kind: "number", empty: null },
        { key: "preference", kind: "number", empty: 0, suffix: "x", initial: "0" },
        { key: "seniority", kind: "number", initial: "1" },
        choice("participation", PARTICIPATION_WORDS, "FULL"),
        { key: "cap", kind: "number", empty: null, suffix: "x", when: isCapped },
        { key: "conversionRatio", kind: "number", initial: "1" },
      ],
    },
    {
      name: "plans",
      layout: "grid",
      max: HISTORY_LIMITS.maxPlans,
      initialRows: 0,
      columns: [text("name"), { key: "reserved", kind: "number" }],
    },
    {
      name: "events",
      layout: "cards",
      max: HISTORY_LIMITS.maxEvents,
      initialRows: 1,
      columns: [
        { key: "date", kind: "date" },
        choice("type", EVENT_TYPE_WORDS, "ISSUE"),
        text("holder", { when: uses("holder") }),
        text("className", { optionsFrom: { table: "classes", column: "name" }, when: uses("className") }),
        text("plan", { optionsFrom: { table: "plans", column: "name" }, when: uses("plan") }),
        { key: "shares", kind: "number", empty: null, when: uses("shares") },
        { key: "strike", kind: "number", empty: null, when: uses("strike") },
        { key: "amount", kind: "number", empty: null, suffix: "money", when: uses("amount") },
        { key: "cap", kind: "number", empty: null, suffix: "money", when: uses("cap") },
        { key: "discount", kind: "percent", empty: null, suffix: "%", when: uses("discount") },
        { key: "vestingMonths", kind: "number", empty: null, when: uses("vestingMonths") },
        { key: "cliffMonths", kind: "number", empty: null, when: uses("cliffMonths") },
        { key: "vestingStart", kind: "date", empty: null, when: uses("vestingStart") },
        text("toHolder", { when: uses("toHolder") }),
        { key: "ratio", kind: "number", empty: null, when: uses("ratio") },
        { key: "rate", kind: "percent", empty: null, suffix: "%", when: uses("rate") },
      ],
    },
    {
      name: "roundInvestors",
      layout: "grid",
      max: HISTORY_LIMITS.maxInvestors,
      initialRows: 1,
      columns: [text("name"), { key: "amount", kind: "number", suffix: "money" }],
    },
  ],
  assemble: (f, t) => ({
    kind: "capTableHistory",
    company: f.company,
    currency: f.currency,
    unit: f.unit,
    source: f.source ?? "",
    asOf: f.asOf,
    classes: t.classes.map((c) => ({ ...c, cap: c.participation === "CAPPED" ? c.cap : null })),
    plans: t.plans,
    // A column hidden for the row's type is sent empty (null), so the schema never sees a stale value.
    events: t.events,
    nextRound:
      f.hasRound === true
        ? {
            date: f.roundDate,
            series: f.series,
            preMoney: f.preMoney,
            investors: t.roundInvestors,
            poolTarget: f.poolMode === "target" ? f.poolTarget : null,
            poolIncrease: f.poolMode === "increase" ? f.poolIncrease : null,
            preference: f.seriesPreference,
            seniority: f.seriesSeniority,
            participation: f.seriesParticipation,
            cap: f.seriesParticipation === "CAPPED" ? f.seriesCap : null,
          }
        : null,
    exit: f.hasExit === true ? { exitValues: f.exitValues, netDebt: f.netDebt, transactionCosts: f.transactionCosts } : null,
    rounding: f.rounding,
  }),
  disassemble: (input, lang) => {
    const r = input.nextRound;
    const x = input.exit;
    return {
      fields: {
        company: input.company,
        currency: input.currency,
        unit: input.unit,
        source: input.source,
        asOf: input.asOf,
        rounding: input.rounding,
        hasRound: flag(r !== null),
        roundDate: r?.date ?? "",
        series: r?.series ?? "",
        preMoney: num(r?.preMoney ?? null, lang),
        poolMode: r === null ? "none" : r.poolTarget !== null ? "target" : r.poolIncrease !== null ? "increase" : "none",
        poolTarget: pct(r?.poolTarget ?? null, lang),
        poolIncrease: num(r?.poolIncrease ?? null, lang),
        seriesPreference: num(r?.preference ?? 1, lang),
        seriesSeniority: String(r?.seniority ?? 1),
        seriesParticipation: r?.participation ?? "NONE",
        seriesCap: num(r?.cap ?? null, lang),
        hasExit: flag(x !== null),
        exitValues: (x?.exitValues ?? []).map((v) => num(v, lang)).join("\n"),
        netDebt: num(x?.netDebt ?? 0, lang),
        transactionCosts: num(x?.transactionCosts ?? 0, lang),
      },
      tables: {
        classes: input.classes.map((c) => ({
          name: c.name,
          kind: c.kind,
          issuePrice: num(c.issuePrice, lang),
          preference: num(c.preference, lang),
          seniority: String(c.seniority),
          participation: c.participation,
          cap: num(c.cap, lang),
          conversionRatio: num(c.conversionRatio, lang),
        })),
        plans: input.plans.map((p) => ({ name: p.name, reserved: num(p.reserved, lang) })),
        events: input.events.map((e) => ({
          date: e.date,
          type: e.type,
          holder: e.holder ?? "",
          className: e.className ?? "",
          plan: e.plan ?? "",
          shares: num(e.shares, lang),
          strike: num(e.strike, lang),
          amount: num(e.amount, lang),
          cap: num(e.cap, lang),
          discount: pct(e.discount, lang),
          vestingMonths: num(e.vestingMonths, lang),
          cliffMonths: num(e.cliffMonths, lang),
          vestingStart: e.vestingStart ?? "",
          toHolder: e.toHolder ?? "",
          ratio: num(e.ratio, lang),
          rate: pct(e.rate, lang),
        })),
        roundInvestors: (r?.investors ?? []).map((v) => ({ name: v.name, amount: num(v.amount, lang) })),
      },
    };
  },
  keyOf: (path) => {
    const [head, second, ...rest] = path;
    if (head === "nextRound") {
      if (second === "investors") return ["roundInvestors", ...rest];
      const key = Object.keys(ROUND_FIELDS).find((k) => ROUND_FIELDS[k] === second);
      return [key ?? "hasRound"];
    }
    if (head === "exit") return [typeof second === "string" && second !== "exitValues" ? second : "exitValues"];
    return undefined;
  },
  schema: CapTableHistoryInput,
  example: VENTURE_HISTORY_EXAMPLE,
};

/** Every model kind's form, keyed like src/model/build.ts `MODEL_INPUT_SCHEMAS`. */
export const FORMS: { readonly [K in ModelKind]: FormSpec } = {
  stakeSale: STAKE_SALE_FORM as unknown as FormSpec,
  pricedRound: PRICED_ROUND_FORM as unknown as FormSpec,
  exitWaterfall: EXIT_WATERFALL_FORM as unknown as FormSpec,
  dealPricing: DEAL_PRICING_FORM as unknown as FormSpec,
  capTableHistory: CAP_TABLE_HISTORY_FORM as unknown as FormSpec,
};

// ----- State --------------------------------------------------------------------------------

/** A fresh row of a table: choices and flags at their initial value, the rest empty. */
export function newGridRow(table: TableSpec, cells: Readonly<Record<string, string>> = {}): GridRow {
  const base: Record<string, string> = {};
  for (const c of table.columns) base[c.key] = c.initial ?? "";
  return { key: newRowKey(), cells: { ...base, ...cells } };
}

export function tableSpec(kind: ModelKind, name: string): TableSpec {
  const table = FORMS[kind].tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table "${name}" in the ${kind} form`);
  return table;
}

/** An empty form of a kind, with its defaults. */
export function emptyForm(kind: ModelKind): ModelForm {
  const spec = FORMS[kind];
  const fields: Record<string, string> = {};
  for (const f of spec.fields) fields[f.key] = f.initial ?? "";
  const tables: Record<string, GridRow[]> = {};
  for (const t of spec.tables) tables[t.name] = Array.from({ length: t.initialRows }, () => newGridRow(t));
  return { kind, fields, tables };
}

/** Fills a form from a model's inputs (its example, a stored model, a template). */
export function formFromInput(input: ModelInputs, lang: Lang = "en"): ModelForm {
  const spec = FORMS[input.kind];
  const texts = spec.disassemble(input, lang);
  // Numbers and percentages are shown as a field shows them once left: grouped ("8,571,428", "12.5").
  const shown = (c: CellSpec, text: string): string =>
    c.kind === "number"
      ? (groupedNumberText(text, lang) ?? text)
      : c.kind === "percent"
        ? (groupedPercentText(text, lang) ?? text)
        : c.kind === "list"
          ? text
              .split("\n")
              .map((line) => groupedNumberText(line, lang) ?? line)
              .join("\n")
          : text;
  const tables: Record<string, GridRow[]> = {};
  for (const t of spec.tables) {
    tables[t.name] = (texts.tables[t.name] ?? []).map((cells) =>
      newGridRow(t, Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, shownIn(t.columns, k, v)]))),
    );
  }
  const fields: Record<string, string> = {};
  for (const f of spec.fields) fields[f.key] = shown(f, texts.fields[f.key] ?? f.initial ?? "");
  return { kind: input.kind, fields, tables };

  function shownIn(columns: readonly CellSpec[], key: string, text: string): string {
    const c = columns.find((col) => col.key === key);
    return c === undefined ? text : shown(c, text);
  }
}

/** A row counts when any of its cells was typed: differs from a fresh row's (choices and flags always have a value, some numbers a default). */
export function isBlankRow(table: TableSpec, row: GridRow): boolean {
  return table.columns.every((c) => {
    const text = (row.cells[c.key] ?? "").trim();
    return c.kind === "choice" || c.kind === "flag" || text === "" || text === (c.initial ?? "");
  });
}

// ----- Reading and validating ---------------------------------------------------------------

/** The name a message uses for a field or a column: its label in the form ("Pre-money valuation", "Investment"), or the form's own names. */
function nameOf(spec: FormSpec, lang: Lang, key: string): string {
  return spec.fieldName?.(key, lang) ?? labelOf(MESSAGES[lang], spec.kind, key);
}

/** Reads a number or percentage cell: a percentage as a fraction ("20%" is 0.2), a multiple with or without its "x" ("1.00x" is 1). */
function parseCellNumber(spec: CellSpec, text: string, lang: Lang): ParseResult {
  if (spec.kind === "percent") return parsePercent(text, lang);
  return spec.suffix === "x" ? parseMultiple(text, lang) : parseNumber(text, lang);
}

/** Reads one cell; `undefined` with a message in `errors[at]` when it cannot be read. */
function readCell(spec: CellSpec, text: string, lang: Lang, at: string, errors: FormErrors, label: string): unknown {
  const messages = MESSAGES[lang];
  const trimmed = text.trim();
  switch (spec.kind) {
    case "text":
      return text;
    case "choice":
    case "radio": {
      if (spec.words === undefined) return text;
      const value = readWord(spec.words, text);
      if (value === undefined) errors[at] = messages.unknownWord(label, trimmed, acceptedWords(spec.words, lang).join(", "));
      return value;
    }
    case "flag": {
      const value = readWord(YES_NO_WORDS, text);
      if (value === undefined) errors[at] = messages.unknownWord(label, trimmed, acceptedWords(YES_NO_WORDS, lang).join(", "));
      return value === undefined ? undefined : value === "YES";
    }
    case "date":
      return trimmed === "" && spec.empty !== undefined ? spec.empty : trimmed;
    case "list": {
      const r = parseNumberList(text, lang);
      if (r.ok) return r.values;
      errors[at] = messages.listNotANumber(label, r.bad);
      return undefined;
    }
    case "number":
    case "percent": {
      if (trimmed === "") {
        if (spec.empty !== undefined) return spec.empty;
        errors[at] = messages.required(label);
        return undefined;
      }
      const r = parseCellNumber(spec, text, lang);
      if (r.ok) return r.value;
      errors[at] = spec.kind === "number" ? messages.notANumber(label, trimmed) : messages.notAPercent(label, trimmed);
      return undefined;
    }
  }
}

export interface Candidate {
  readonly input: Record<string, unknown>;
  readonly parseErrors: FormErrors;
  /** For each table, the form row of each row sent (blank rows are not sent). */
  readonly rowIndex: Readonly<Record<string, readonly number[]>>;
}

/** Turns the form's texts into the candidate input of its schema, collecting a message for each text that cannot be read. */
export function formToCandidate(form: ModelForm, lang: Lang): Candidate {
  const spec = FORMS[form.kind];
  const errors: FormErrors = {};
  const fields: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.when !== undefined && !f.when(form.fields)) continue;
    const value = readCell(f, form.fields[f.key] ?? "", lang, f.key, errors, nameOf(spec, lang, f.key));
    fields[f.key] = f.key === "currency" && typeof value === "string" ? value.trim().toUpperCase() : value;
  }
  const tables: Record<string, Record<string, unknown>[]> = {};
  const rowIndex: Record<string, number[]> = {};
  for (const t of spec.tables) {
    const rows: Record<string, unknown>[] = [];
    const index: number[] = [];
    (form.tables[t.name] ?? []).forEach((row, i) => {
      if (isBlankRow(t, row)) return;
      const values: Record<string, unknown> = {};
      for (const c of t.columns) {
        if (c.when !== undefined && !c.when(row.cells)) {
          values[c.key] = c.empty ?? null;
          continue;
        }
        values[c.key] = readCell(c, row.cells[c.key] ?? "", lang, `${t.name}.${i}.${c.key}`, errors, nameOf(spec, lang, `${t.name}.${c.key}`));
      }
      rows.push(values);
      index.push(i);
    });
    tables[t.name] = rows;
    rowIndex[t.name] = index;
  }
  return { input: spec.assemble(fields, tables), parseErrors: errors, rowIndex };
}

/** The field or cell a schema issue is shown next to. */
export function keyForPath(kind: ModelKind, path: readonly PropertyKey[], rowIndex: Readonly<Record<string, readonly number[]>> = {}): string {
  const spec = FORMS[kind];
  const own = spec.keyOf?.(path);
  if (own !== undefined) return keyForPath(kind, own, rowIndex);
  const [head, index, ...rest] = path;
  if (typeof head !== "string") return "form";
  const table = spec.tables.find((t) => t.name === head);
  if (table !== undefined) {
    if (typeof index !== "number") return table.name;
    const row = rowIndex[table.name]?.[index] ?? index;
    const column = spec.columnOf?.(table.name, rest) ?? (typeof rest[0] === "string" ? rest[0] : undefined);
    return column !== undefined && table.columns.some((c) => c.key === column) ? `${table.name}.${row}.${column}` : table.name;
  }
  return spec.fields.some((f) => f.key === head) ? head : "form";
}

export type FormValidation = { ok: true; input: ModelInputs; errors: FormErrors } | { ok: false; errors: FormErrors };

/**
 * Validates the form: texts that are not numbers first, then the model schema's rules (the same
 * schema the model builder, templates and the command line use). `ok` only without any message.
 */
export function validateForm(form: ModelForm, lang: Lang): FormValidation {
  const spec = FORMS[form.kind];
  const { input, parseErrors, rowIndex } = formToCandidate(form, lang);
  const result = spec.schema.safeParse(input);
  if (result.success && Object.keys(parseErrors).length === 0) return { ok: true, input: result.data, errors: {} };
  const errors: FormErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = keyForPath(form.kind, issue.path, rowIndex);
      // A cell that could not be read already has the more precise message.
      if (errors[key] === undefined) errors[key] = ruleMessage(issue, lang);
    }
  }
  return { ok: false, errors: { ...errors, ...parseErrors } };
}

/**
 * Stored or read-back inputs a schema refuses (`checkStoredModel`'s issues), in the UI language:
 * each rule by its id (never the English message translated), with the path where it applies.
 */
export function storedInputErrors(issues: readonly StoredInputIssue[], lang: Lang): string[] {
  return issues.map((i) => {
    const text = ruleMessage(i, lang);
    return i.path.length > 0 ? `${i.path.join(".")}: ${text}` : text;
  });
}

/**
 * Builds the model of valid inputs (Build's first step). Inputs every rule of the schema accepts can
 * still be refused by the maths (SAFEs and new money at 100% or more, a result too large for a cell):
 * that failure comes back as the engine's rule in the UI language (`engineMessage`), never in English
 * in the French taskpane.
 */
export function buildInputs(input: ModelInputs, lang: Lang): { ok: true; model: BuiltModel } | { ok: false; message: string } {
  try {
    return { ok: true, model: buildModel(input, { language: lang }) };
  } catch (error) {
    return { ok: false, message: engineMessage(error, lang) };
  }
}

// ----- Pasting rows -------------------------------------------------------------------------

/** Why a pasted line cannot be taken. */
export type PasteReason = "required" | "notANumber" | "notAPercent" | "notADate" | "unknownWord" | "tooMany";

/** A pasted cell (or line) that cannot be read: where it is, why, and the text found. */
export interface PasteProblem {
  /** 1-based line of the pasted block (the selection's row). */
  readonly line: number;
  /** The column's key; absent for a problem of the whole line (beyond the table's limit). */
  readonly column?: string;
  readonly reason: PasteReason;
  readonly text?: string;
}

export interface PastedRows {
  /** Every line's row, or none: a paste takes all its lines or nothing (`problems` then says why). */
  readonly rows: GridRow[];
  /** Every cell that cannot be read (empty when the paste is taken). */
  readonly problems: PasteProblem[];
  /** The line read as a header and skipped (1-based), if any. */
  readonly headerLine?: number;
  readonly skippedHeader: boolean;
}

function gridText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? numberToText(v, lang) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v).trim();
}

/** Reads one pasted cell as the form will read it: the text to keep (a choice as its canonical value), or why it cannot be read. */
function pastedCell(col: CellSpec, text: string, lang: Lang): { ok: true; text: string } | { ok: false; reason: PasteReason } {
  if (text === "") return { ok: true, text: col.kind === "choice" || col.kind === "flag" ? (col.initial ?? "") : "" };
  if (col.kind === "choice") {
    const value = col.words === undefined ? col.options?.find((o) => o === text) : readWord(col.words, text);
    return value === undefined ? { ok: false, reason: "unknownWord" } : { ok: true, text: value };
  }
  if (col.kind === "flag") {
    const value = readWord(YES_NO_WORDS, text);
    return value === undefined ? { ok: false, reason: "unknownWord" } : { ok: true, text: value === "YES" ? "true" : "false" };
  }
  if (col.kind === "number" || col.kind === "percent") {
    if (!parseCellNumber(col, text, lang).ok) return { ok: false, reason: col.kind === "number" ? "notANumber" : "notAPercent" };
  }
  // A date field holds ISO text: a cell formatted as a date arrives so (`datesAsShown`); a day number or a date in a
  // local form ("01/02/2025": January or February?) is refused here, never read as some date.
  if (col.kind === "date" && !isIsoDate(text)) return { ok: false, reason: "notADate" };
  return { ok: true, text };
}

/** A header cell's words: without a unit or note in brackets at the end ("Amount (principal)" -> AMOUNT), as `choiceKey` reads keywords. */
const headerWord = (text: string): string => choiceKey(text.replace(/\([^()]*\)\s*$/, ""));

/**
 * A first pasted line is a header only by its words: every cell given is its column's label, in
 * English or French (with or without the part in brackets), or the column's key ("Holder", "Actions",
 * "Amount", "cap"). A line with any other text (a name, "n/a", a number typed as text) is data, and is
 * read, or refused cell by cell, as every other line: never skipped because it holds no number.
 */
function isHeaderLine(table: TableSpec, texts: readonly string[]): boolean {
  const given = texts.map((text, j) => ({ text, col: table.columns[j] })).filter(({ text }) => text !== "");
  if (given.length === 0) return false;
  return given.every(({ text, col }) => {
    if (col === undefined) return false;
    const words = [
      col.key,
      ...(["en", "fr"] as const).map((l) => (MESSAGES[l].label as Readonly<Record<string, string>>)[`${table.name}.${col.key}`] ?? ""),
    ];
    return words.some((w) => w !== "" && headerWord(w) === headerWord(text));
  });
}

/**
 * Rows of a table from a block of cells (the Excel selection, or pasted tab-separated text), in the
 * table's column order; in a block wider than the table, columns empty on every line (a gap in the
 * selection) are left out. A first line whose every cell is its column's header word is a header and
 * skipped (and said so: `isHeaderLine`). Every other line must read whole: a name in the first column, numbers
 * where numbers are expected (multiples as Excel shows them, "1.00x"; percentages "20%"), choices and
 * yes/no in the words of the one vocabulary (src/engine/vocabulary.ts), at most the table's limit of
 * rows. A paste takes every line or none: when any cell cannot be read, no row is returned and each
 * such cell is listed (line, column, reason), never skipped, defaulted or read as another word.
 * An empty choice or yes/no cell takes the column's initial value, as a fresh row does.
 */
export function rowsFromGrid(table: TableSpec, grid: readonly (readonly unknown[])[], lang: Lang): PastedRows {
  const rows: GridRow[] = [];
  const problems: PasteProblem[] = [];
  let headerLine: number | undefined;
  let seenLine = false;
  const lines = grid.map((cells) => cells.map((c) => gridText(c, lang)));
  const width = lines.reduce((w, l) => Math.max(w, l.length), 0);
  // A block wider than the table has gaps (a blank column in the selection): they are left out. A block as
  // wide or narrower keeps its columns in place, so that a column left blank on every line stays blank.
  const all = Array.from({ length: width }, (_, j) => j);
  const used = width > table.columns.length ? all.filter((j) => lines.some((l) => (l[j] ?? "") !== "")) : all;
  lines.forEach((cells, index) => {
    const line = index + 1;
    const texts = used.map((j) => cells[j] ?? "");
    if (texts.every((t) => t === "")) return;
    const first = !seenLine;
    seenLine = true;
    if (first && isHeaderLine(table, texts)) {
      headerLine = line;
      return;
    }
    const row: Record<string, string> = {};
    table.columns.forEach((col, j) => {
      const text = texts[j] ?? "";
      if (j === 0 && text === "") {
        problems.push({ line, column: col.key, reason: "required" });
        return;
      }
      const read = pastedCell(col, text, lang);
      if (read.ok) row[col.key] = read.text;
      else problems.push({ line, column: col.key, reason: read.reason, text });
    });
    if (rows.length >= table.max) problems.push({ line, reason: "tooMany" });
    rows.push(newGridRow(table, row));
  });
  return { rows: problems.length === 0 ? rows : [], problems, headerLine, skippedHeader: headerLine !== undefined };
}

/** The message for a pasted cell that cannot be read, in the UI's language: "Line 3, Participation: "Maybe" is not one of …". */
export function pasteProblemText(table: TableSpec, p: PasteProblem, lang: Lang): string {
  const vt = MESSAGES[lang];
  const col = table.columns.find((c) => c.key === p.column);
  const column = col === undefined ? undefined : (vt.label[`${table.name}.${col.key}` as keyof Messages["label"]] ?? col.key);
  const text = p.text ?? "";
  const reason =
    p.reason === "required"
      ? vt.pasteRequired
      : p.reason === "notANumber"
        ? vt.pasteNotANumber(text)
        : p.reason === "notAPercent"
          ? vt.pasteNotAPercent(text)
          : p.reason === "notADate"
            ? vt.pasteNotADate(text)
            : p.reason === "tooMany"
              ? vt.pasteTooMany(table.max)
              : vt.pasteUnknownWord(text, acceptedWords(col?.kind === "flag" ? YES_NO_WORDS : (col?.words ?? YES_NO_WORDS), lang).join(", "));
  return vt.pasteLine(p.line, column, reason);
}

/** Rows from tab-separated text (";" also separates columns when a line has no tab). */
export function rowsFromTsv(table: TableSpec, text: string, lang: Lang): PastedRows {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return rowsFromGrid(
    table,
    lines.map((line) => (line.includes("\t") ? line.split("\t") : line.includes(";") ? line.split(";") : [line])),
    lang,
  );
}

// ----- Warnings and templates ---------------------------------------------------------------

/** Warnings beside the fields for a VALID input: inputs allowed but that look wrong (the stake sale's negative equity, 0% stake...). */
export function formWarnings(input: ModelInputs, lang: Lang): FormErrors {
  return FORMS[input.kind].warnings?.(input, lang) ?? {};
}

/** The template's "to fill" entries whose value the user has not changed yet (the others are no longer placeholders). */
export function stillToFill(template: Template, input: ModelInputs): Template["toFill"] {
  const original = template.inputs as Record<string, unknown>;
  const current = input as Record<string, unknown>;
  const entries: Template["toFill"][number][] = template.toFill;
  return entries.filter((entry) => JSON.stringify(original[entry.field]) === JSON.stringify(current[entry.field])) as Template["toFill"];
}
