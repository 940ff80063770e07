/**
 * The inputs of a priced-round model (a venture round with an option pool top-up and SAFEs or
 * notes converting): one zod schema that is both the validator (templates, the command line) and
 * the TypeScript type. Plain JSON data: numbers as JS numbers (Decimal in the model builder),
 * percentages as fractions (10% = 0.1).
 *
 * Conventions are the engine's (src/engine/venture/round.ts, CAPTABLE.PRICEDROUND):
 * - the cap table before is fully diluted (common, preferred as converted, options, and the
 *   unissued option pool, the row named by `optionPool`);
 * - the pool top-up is either a target (`poolTarget`: unissued pool after the round as a fraction
 *   of post-money fully diluted shares) or a fixed number of shares (`poolIncrease`), or neither;
 *   it is counted in the pre-money;
 * - an instrument's `amount` is its purchase amount (SAFE) or a note's principal; a note with
 *   `interest` converts principal plus the interest accrued from its start date to its conversion
 *   date (day count, simple or compound), as CAPTABLE.PRICEDROUND's "Interest rate" columns compute it; a
 *   note without `interest` converts `amount` as given (principal plus interest already added);
 * - new shares are rounded by `rounding` (down by default, as legal documents do).
 * Holder names are matched trimmed and case-insensitive, as the engine does (`holderKey`).
 */
import { z } from "zod";
import {
  CAP_BASIS_WORDS,
  COMPOUNDING_WORDS,
  DAY_COUNT_WORDS,
  INSTRUMENT_KINDS,
  INSTRUMENT_WORDS,
  ROUNDING_WORDS,
  holderKey,
  isOptionPoolName,
} from "../engine";
import { capTableList, checkCapTable, choice, flag, fractionBelowOne, list, modelHeader, nonNegative, positive, text } from "./fields";
import { type FieldName, ruleError, ruleIssue } from "./ruleMessages";

/** Limits of a priced round (with the stake-sale model's LIMITS for holders, text and sizes). */
export const ROUND_LIMITS = { maxInvestors: 100, maxInstruments: 100 } as const;

/** The instrument types: the engine's instrument kinds (the one vocabulary, src/engine/vocabulary.ts). */
export const INSTRUMENT_TYPES = INSTRUMENT_KINDS;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** What the sheet's "Type" column shows for each instrument type (CAPTABLE.PRICEDROUND reads these words). */
export const INSTRUMENT_TYPE_LABEL: Readonly<Record<InstrumentType, string>> = { POST_SAFE: "SAFE", PRE_SAFE: "PRE SAFE", NOTE: "NOTE" };

export const InvestorInput = z.strictObject({
  name: text("investor name"),
  amount: nonNegative("investor amount"),
});
export type InvestorInput = z.infer<typeof InvestorInput>;

export const isoDate = (field: FieldName) =>
  z
    .string(ruleError("dateNotText", { field }))
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, ruleError("dateFormat", { field }))
    .refine(
      (t) => {
        const [y, m, d] = t.split("-").map(Number);
        const date = new Date(Date.UTC(y, m - 1, d));
        return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && t >= "1900-03-01";
      },
      ruleError("dateReal", { field }),
    );

/** A convertible note's interest, accrued from the start date to the conversion date. */
export const NoteInterestInput = z
  .strictObject({
    /** Yearly rate (5% = 0.05). */
    rate: nonNegative("interest rate").refine((n) => n <= 10, ruleError("rateTooHigh", {})),
    startDate: isoDate("interest start date"),
    conversionDate: isoDate("interest conversion date"),
    dayCount: choice(DAY_COUNT_WORDS, "interest day count"),
    compounding: choice(COMPOUNDING_WORDS, "interest compounding"),
  })
  .refine((i) => i.conversionDate >= i.startDate, { path: ["conversionDate"], ...ruleError("conversionBeforeStart", {}) });
export type NoteInterestInput = z.infer<typeof NoteInterestInput>;

export const InstrumentInput = z.strictObject({
  /** The holder the conversion shares go to. */
  holder: text("instrument holder"),
  /** POST_SAFE (YC post-money SAFE), PRE_SAFE (pre-money SAFE) or NOTE (convertible note). */
  type: choice(INSTRUMENT_WORDS, "instrument type"),
  /** Purchase amount (SAFE) or a note's principal (its converting amount when `interest` is null). */
  amount: nonNegative("instrument amount"),
  /** Valuation cap (post-money for a post-money SAFE, pre-money otherwise), or null. */
  cap: positive("instrument cap").nullable(),
  /** Discount on the round price (20% = 0.2), or null. */
  discount: fractionBelowOne("instrument discount").nullable(),
  /** Most favoured nation: may take the terms of any instrument listed after it. */
  mfn: flag("instrument mfn"),
  /** A note's interest, or null (SAFEs; a note whose amount already includes its interest). */
  interest: NoteInterestInput.nullable(),
  /**
   * What the cap is divided by (CAPTABLE.PRICEDROUND's "Cap basis"): EXISTING, POOL, CONVERTIBLES or ALL;
   * null or left out: the document's definition for the type (POST_SAFE: CONVERTIBLES; PRE_SAFE, NOTE: POOL).
   */
  capBasis: choice(CAP_BASIS_WORDS, "instrument cap basis").nullable().optional(),
});
export type InstrumentInput = z.infer<typeof InstrumentInput>;

export const PricedRoundInput = z
  .strictObject({
    ...modelHeader("pricedRound"),
    /** Fully diluted cap table before the round, including the unissued option pool row. */
    capTable: capTableList(),
    /** The cap-table row that is the unissued (available) option pool. */
    optionPool: text("option pool"),
    /** Pre-money valuation: it includes the pool increase and the converting SAFEs and notes. */
    preMoney: positive("pre-money"),
    investors: list("investors", InvestorInput, { min: 1, max: ROUND_LIMITS.maxInvestors }),
    /** Unissued pool after the round as a fraction of post-money fully diluted shares, or null. */
    poolTarget: fractionBelowOne("pool target").nullable(),
    /** A fixed number of shares added to the pool instead of a target, or null. */
    poolIncrease: nonNegative("pool increase").nullable(),
    instruments: list("instruments", InstrumentInput, { max: ROUND_LIMITS.maxInstruments }),
    rounding: choice(ROUNDING_WORDS, "rounding"),
  })
  .superRefine((m, ctx) => {
    const keys = checkCapTable(m.capTable, ctx);
    if (!keys.has(holderKey(m.optionPool))) {
      // Point at the row named like a pool (isOptionPoolName: "Unissued Option Pool", "ESOP", "Pool d'options"…) when there is one.
      const named = m.capTable.filter((h) => isOptionPoolName(h.holder));
      const lookalike = named.length === 1 ? named[0].holder.trim() : null;
      ctx.addIssue(ruleIssue("optionPoolNotHolder", { pool: m.optionPool, lookalike }, ["optionPool"]));
    }
    if (m.poolTarget !== null && m.poolIncrease !== null) {
      ctx.addIssue(ruleIssue("poolIncreaseWithTarget", {}, ["poolIncrease"]));
    }
    const investorKeys = new Set<string>();
    m.investors.forEach((v, i) => {
      const key = holderKey(v.name);
      if (investorKeys.has(key)) ctx.addIssue(ruleIssue("duplicate", { list: "investors", name: v.name }, ["investors", i, "name"]));
      investorKeys.add(key);
    });
    m.instruments.forEach((x, i) => {
      if (x.interest !== null && x.type !== "NOTE") {
        ctx.addIssue(ruleIssue("interestNotNote", {}, ["instruments", i, "interest"]));
      }
    });
  });
export type PricedRoundInput = z.infer<typeof PricedRoundInput>;

/**
 * Y Combinator, "Post-Money Safe User Guide" (https://www.ycombinator.com/documents), Appendix II,
 * Example 1: 9,250,000 founder shares, 300,000 options outstanding, 350,000 promised options and
 * 100,000 unissued pool; Investor A $200,000 SAFE at a $4,000,000 post-money cap, Investor B
 * $800,000 at an $8,000,000 cap; Series A $5,000,000 at a $15,000,000 pre-money with a pool increase
 * of 1,695,000 shares. The Guide prints Company Capitalization 11,764,705, 588,235 and 1,176,470
 * SAFE shares and a price of $1.1144.
 */
export const YC_EXAMPLE_1: PricedRoundInput = {
  kind: "pricedRound",
  company: "YC Example 1",
  currency: "USD",
  unit: "units",
  capTable: [
    { holder: "Founders", shares: 9_250_000 },
    { holder: "Options outstanding", shares: 300_000 },
    { holder: "Promised options", shares: 350_000 },
    { holder: "Option pool", shares: 100_000 },
  ],
  optionPool: "Option pool",
  preMoney: 15_000_000,
  investors: [{ name: "Series A investors", amount: 5_000_000 }],
  poolTarget: null,
  poolIncrease: 1_695_000,
  instruments: [
    { holder: "Investor A", type: "POST_SAFE", amount: 200_000, cap: 4_000_000, discount: null, mfn: false, interest: null },
    { holder: "Investor B", type: "POST_SAFE", amount: 800_000, cap: 8_000_000, discount: null, mfn: false, interest: null },
  ],
  rounding: "DOWN",
};
