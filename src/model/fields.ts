/**
 * Field schemas every model's inputs share (zod: validator and type in one), so that a text, an
 * amount or a cap table is checked, limited and worded the same way in every model kind.
 */
import { z } from "zod";
import { UNIT_WORDS, YES_NO_WORDS, holderKey, readWord, type Vocabulary } from "../engine";
import { xmlForbiddenMessage } from "../workbook/xml";

/** Limits that keep a model a model (and an imported file harmless). */
export const LIMITS = { maxHolders: 500, maxText: 100, maxAbs: 1e15 } as const;

/**
 * A required, trimmed text of at most LIMITS.maxText characters, holding only characters an Excel
 * file can store (XML 1.0's rule, one place: xmlForbiddenAt in src/workbook/xml.ts, the rule
 * template import applies too): the inputs are stored in the workbook as XML, and a U+FFFF or a
 * control character there could not be saved or read back.
 */
export const text = (field: string) =>
  z
    .string({ error: `${field} must be a text` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(LIMITS.maxText, { error: `${field} must be at most ${LIMITS.maxText} characters` })
    .superRefine((value, ctx) => {
      const problem = xmlForbiddenMessage(value, field);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
    });

/** A finite number of at most 1e15 in size. */
export const amount = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .refine(Number.isFinite, { error: `${field} must be a finite number` })
    .refine((n) => Math.abs(n) <= LIMITS.maxAbs, { error: `${field} must be at most 1e15 in size` });

/** An amount of at least 0. */
export const nonNegative = (field: string) => amount(field).refine((n) => n >= 0, { error: `${field} must not be negative` });

/** "A", "B" or "C": the accepted values as a message lists them. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/**
 * A choice read through the one vocabulary (src/engine/vocabulary.ts): any word it accepts for a
 * value (its canonical spelling, its English or French label, a synonym) is that value, as in cells,
 * forms and paste; any other word is an error listing the canonical values. The value is canonical.
 */
export function choice<T extends string>(vocab: Vocabulary<T>, field: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (readWord(vocab, v) ?? v) : v),
    z.enum(vocab.values as readonly T[] as [T, ...T[]], { error: `${field} must be ${orList(vocab.values)}` }),
  );
}

/** A yes-or-no: true or false, or a word the vocabulary reads as yes or no ("yes", "VRAI", "non"); any other value is an error. */
export function flag(field: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const word = readWord(YES_NO_WORDS, v);
      return word === undefined ? v : word === "YES";
    },
    z.boolean({ error: `${field} must be true or false` }),
  );
}

/** The unit amounts are entered in ("units", "thousands", "millions", or a word the vocabulary reads as one). */
export const currencyUnit = () => choice(UNIT_WORDS, "unit");

export const HoldingInput = z.strictObject({
  holder: text("holder"),
  shares: amount("shares").refine((n) => n >= 0, { error: "shares must not be negative" }),
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
    if (keys.has(key)) ctx.addIssue({ code: "custom", path: ["capTable", i, "holder"], message: `holder "${h.holder}" appears more than once` });
    keys.add(key);
  });
  if (capTable.every((h) => h.shares === 0)) ctx.addIssue({ code: "custom", path: ["capTable"], message: "cap table must have some shares" });
  return keys;
}
