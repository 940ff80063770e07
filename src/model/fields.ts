/**
 * Field schemas every model's inputs share (zod: validator and type in one), so that a text, an
 * amount or a cap table is checked, limited and worded the same way in every model kind. Every
 * message is a rule of the one catalogue (./ruleMessages.ts), with its id and parameters.
 */
import { z } from "zod";
import { UNIT_WORDS, YES_NO_WORDS, holderKey, readWord, type Vocabulary } from "../engine";
import { type FieldName, type ListName, ruleError, ruleIssue } from "./ruleMessages";
import { codePointName, xmlForbiddenAt } from "../workbook/xml";

/** Limits that keep a model a model (and an imported file harmless). */
export const LIMITS = { maxHolders: 500, maxText: 100, maxAbs: 1e15 } as const;

/**
 * A required, trimmed text of at most LIMITS.maxText characters, holding only characters an Excel
 * file can store (XML 1.0's rule, one place: xmlForbiddenAt in src/workbook/xml.ts, the rule
 * template import applies too): the inputs are stored in the workbook as XML, and a U+FFFF or a
 * control character there could not be saved or read back.
 */
export const text = (field: FieldName) =>
  z
    .string(ruleError("notText", { field }))
    .trim()
    .min(1, ruleError("required", { field }))
    .max(LIMITS.maxText, ruleError("tooLong", { field, max: LIMITS.maxText }))
    .superRefine((value, ctx) => xmlCharacters(value, ctx, field));

/** An optional trimmed text ("" when none) of at most LIMITS.maxText characters, of characters an Excel file can store. */
export const optionalText = (field: FieldName) =>
  z
    .string(ruleError("notText", { field }))
    .trim()
    .max(LIMITS.maxText, ruleError("tooLong", { field, max: LIMITS.maxText }))
    .superRefine((value, ctx) => xmlCharacters(value, ctx, field));

/** The forbiddenChar rule: the first character XML 1.0 cannot hold, named with its position. */
function xmlCharacters(value: string, ctx: z.RefinementCtx, field: FieldName): void {
  const at = xmlForbiddenAt(value);
  if (at >= 0) ctx.addIssue(ruleIssue("forbiddenChar", { field, char: codePointName(value, at), position: at + 1 }, []));
}

/** A finite number of at most 1e15 in size. */
export const amount = (field: FieldName) =>
  z
    .number(ruleError("notNumber", { field }))
    .refine(Number.isFinite, ruleError("notFinite", { field }))
    .refine((n) => Math.abs(n) <= LIMITS.maxAbs, ruleError("tooBig", { field }));

/** An amount of at least 0. */
export const nonNegative = (field: FieldName) => amount(field).refine((n) => n >= 0, ruleError("negative", { field }));

/** An amount greater than 0. */
export const positive = (field: FieldName) => amount(field).refine((n) => n > 0, ruleError("notPositive", { field }));

/** A fraction in [0, 1): 20% is 0.2. */
export const fractionBelowOne = (field: FieldName) => amount(field).refine((n) => n >= 0 && n < 1, ruleError("fractionBelowOne", { field }));

/** A list of rows or values, with its own rules on being a list and on its length (at least `min` when given). */
export function list<T extends z.ZodType>(name: ListName, row: T, limits: { min?: number; max: number }) {
  const array = z.array(row, ruleError("notList", { list: name }));
  const least =
    limits.min === undefined
      ? array
      : array.min(limits.min, limits.min === 1 ? ruleError("emptyList", { list: name }) : ruleError("tooFew", { list: name, min: limits.min }));
  return least.max(limits.max, ruleError("tooMany", { list: name, max: limits.max }));
}

/** An ISO 4217 currency code such as "EUR": the same rule and message in every model. */
export const currency = () => z.string().regex(/^[A-Z]{3}$/, ruleError("currency", { example: "EUR" }));

/**
 * A choice read through the one vocabulary (src/engine/vocabulary.ts): any word it accepts for a
 * value (its canonical spelling, its English or French label, a synonym) is that value, as in cells,
 * forms and paste; any other word is an error listing the canonical values. The value is canonical.
 */
export function choice<T extends string>(vocab: Vocabulary<T>, field: FieldName) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (readWord(vocab, v) ?? v) : v),
    z.enum(vocab.values as readonly T[] as [T, ...T[]], ruleError("choice", { field, values: vocab.values })),
  );
}

/** A yes-or-no: true or false, or a word the vocabulary reads as yes or no ("yes", "VRAI", "non"); any other value is an error. */
export function flag(field: FieldName) {
  return z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const word = readWord(YES_NO_WORDS, v);
      return word === undefined ? v : word === "YES";
    },
    z.boolean(ruleError("flag", { field })),
  );
}

/** The unit amounts are entered in ("units", "thousands", "millions", or a word the vocabulary reads as one). */
export const currencyUnit = () => choice(UNIT_WORDS, "unit");

export const HoldingInput = z.strictObject({
  holder: text("holder"),
  shares: nonNegative("shares"),
});
export type HoldingInput = z.infer<typeof HoldingInput>;

export { CURRENCY_UNITS, type CurrencyUnit } from "../engine";

/**
 * The checks a cap table needs beyond its rows' own: holders unique (matched as the engine matches
 * them: trimmed, case-insensitive) and some shares in total. Returns the holder keys, for the
 * caller's own checks ("seller must be one of the holders").
 */
export function checkCapTable(capTable: readonly HoldingInput[], ctx: z.RefinementCtx): Set<string> {
  const keys = new Set<string>();
  capTable.forEach((h, i) => {
    const key = holderKey(h.holder);
    if (keys.has(key)) ctx.addIssue(ruleIssue("duplicate", { list: "capTable", name: h.holder }, ["capTable", i, "holder"]));
    keys.add(key);
  });
  if (capTable.every((h) => h.shares === 0)) ctx.addIssue(ruleIssue("noShares", { list: "capTable" }, ["capTable"]));
  return keys;
}

/** A cap table before the deal: one row per holder, at least one, at most LIMITS.maxHolders. */
export const capTableList = () => list("capTable", HoldingInput, { min: 1, max: LIMITS.maxHolders });

/**
 * The header every model kind starts with: its kind, the company, the currency and the unit the
 * amounts are entered in. Spread into each model's input schema.
 */
export const modelHeader = <K extends string>(kind: K) => ({
  kind: z.literal(kind),
  company: text("company"),
  /** ISO 4217 code, e.g. "EUR". */
  currency: currency(),
  /** The unit amounts are entered in. */
  unit: currencyUnit(),
});
