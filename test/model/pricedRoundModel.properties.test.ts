/**
 * Randomized priced rounds (fast-check): cap tables of 1-12 holders plus the pool row, 1-4
 * investors, no pool top-up / a target / a fixed increase, 0-4 SAFEs and notes (post- and
 * pre-money SAFEs, notes with and without interest, caps, discounts, MFN) and every share rounding.
 * For every round the sheet's =CAPTABLE.PRICEDROUND cells, evaluated by HyperFormula with the built
 * bundle, equal the engine's values; references and names are sound; texts read back as texts.
 */
import fc from "fast-check";
import { buildPricedRoundModel } from "../../src/model/pricedRoundModel";
import { PricedRoundInput, type InstrumentInput } from "../../src/model/pricedRoundInput";
import { EngineError, SHARE_ROUNDINGS } from "../../src/engine";
import { renderSheet } from "../support/hyperformulaSheet";
import { CAPTABLE_FUNCTION_IDS } from "../support/hyperformulaCaptable";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems } from "./sheetChecks";

const CAPTABLE_FUNCTIONS = new Set([...NATIVE_FUNCTIONS, ...CAPTABLE_FUNCTION_IDS.map((id) => `CAPTABLE.${id}`)]);

const holderName = fc.oneof(
  fc.constantFrom("Founder", "Seed Fund", "Angel", "=1+1", "@SUM(A1)", "-1", "Énergie SA", "2024"),
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ""),
);

const dateText = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const instrument: fc.Arbitrary<InstrumentInput> = fc
  .record({
    holder: holderName,
    type: fc.constantFrom("POST_SAFE" as const, "PRE_SAFE" as const, "NOTE" as const),
    amount: fc.integer({ min: 0, max: 2_000_000 }),
    cap: fc.option(fc.integer({ min: 2_000_000, max: 60_000_000 }), { nil: null }),
    discount: fc.option(
      fc.integer({ min: 0, max: 35 }).map((p) => p / 100),
      { nil: null },
    ),
    mfn: fc.boolean(),
    interest: fc.option(
      fc.record({
        rate: fc.integer({ min: 0, max: 12 }).map((p) => p / 100),
        dates: fc.tuple(dateText, dateText).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        dayCount: fc.constantFrom("ACT/365" as const, "ACT/360" as const, "30/360" as const),
        compounding: fc.constantFrom("SIMPLE" as const, "ANNUAL" as const, "MONTHLY" as const, "DAILY" as const),
      }),
      { nil: null },
    ),
  })
  .map((x) => ({
    ...x,
    interest:
      x.type === "NOTE" && x.interest !== null
        ? {
            rate: x.interest.rate,
            startDate: x.interest.dates[0],
            conversionDate: x.interest.dates[1],
            dayCount: x.interest.dayCount,
            compounding: x.interest.compounding,
          }
        : null,
  }));

const round: fc.Arbitrary<PricedRoundInput> = fc
  .record({
    holders: fc.uniqueArray(fc.record({ holder: holderName, shares: fc.integer({ min: 0, max: 20_000_000 }) }), {
      minLength: 1,
      maxLength: 12,
      selector: (h) => h.holder.trim().toLowerCase(),
    }),
    poolShares: fc.integer({ min: 0, max: 2_000_000 }),
    preMoney: fc.integer({ min: 1_000_000, max: 200_000_000 }),
    investors: fc.uniqueArray(fc.record({ name: holderName, amount: fc.integer({ min: 0, max: 30_000_000 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (v) => v.name.trim().toLowerCase(),
    }),
    pool: fc.oneof(
      fc.constant({ poolTarget: null, poolIncrease: null }),
      fc.integer({ min: 0, max: 20 }).map((p) => ({ poolTarget: p / 100, poolIncrease: null })),
      fc.integer({ min: 0, max: 3_000_000 }).map((n) => ({ poolTarget: null, poolIncrease: n })),
    ),
    instruments: fc.array(instrument, { maxLength: 4 }),
    rounding: fc.constantFrom(...SHARE_ROUNDINGS),
    unit: fc.constantFrom("units" as const, "thousands" as const, "millions" as const),
  })
  .map((r) => ({
    kind: "pricedRound" as const,
    company: "Venture Co",
    currency: "USD",
    unit: r.unit,
    capTable: [...r.holders.filter((h) => h.holder.trim().toLowerCase() !== "option pool"), { holder: "Option pool", shares: r.poolShares }],
    optionPool: "Option pool",
    preMoney: r.preMoney,
    investors: r.investors,
    ...r.pool,
    instruments: r.instruments,
    rounding: r.rounding,
  }))
  .filter((input) => PricedRoundInput.safeParse(input).success);

test("random priced rounds: the CAPTABLE.PRICEDROUND sheet evaluated by HyperFormula equals the engine", () => {
  let checked = 0;
  fc.assert(
    fc.property(round, (input) => {
      let model;
      try {
        model = buildPricedRoundModel(input);
      } catch (e) {
        // Valid inputs the maths refuses (SAFEs, pool and new money at 100% or more) are the engine's
        // tested errors, not the sheet's: skipped.
        if (e instanceof EngineError) return;
        throw e;
      }
      const sheet = model.sheet;
      const problems = referenceProblems(sheet, CAPTABLE_FUNCTIONS).filter((p) => {
        const m = /(?:includes|covers) ([A-Z]+[0-9]+), which the sheet does not write$/.exec(p);
        const blank = m === null ? undefined : sheet.cells.find((c) => c.address === m[1]);
        return !(blank !== undefined && blank.value === null && blank.style === "input");
      });
      expect(problems).toEqual([]);
      const r = renderSheet(sheet, { captable: true });
      try {
        expect(mismatches(sheet, r)).toEqual([]);
        expect(textProblems(sheet, r)).toEqual([]);
      } finally {
        r.destroy();
      }
      checked++;
    }),
    { numRuns: Number(process.env.CAPTABLE_MODEL_RUNS ?? 40) },
  );
  expect(checked).toBeGreaterThan(20);
}, 120_000);
