/**
 * Randomized exit waterfalls (fast-check): 1-6 classes mixing common, non-participating,
 * participating and capped preferred (seniority ranks shared or not, conversion ratios), options and
 * warrants with strikes (0 included), any net debt, costs and other claims, exit values around and
 * between the breakpoints. For every structure the sheet's native formulas, evaluated by
 * HyperFormula WITHOUT the add-in's functions, equal the engine (src/engine/venture/waterfall.ts) in
 * every formula cell: payouts at the exit value and across the sensitivity, decisions (converts,
 * capped, exercised), the breakpoints and their order. That is the check that the closed form of
 * the engine's equilibrium (each class converts exactly when the residual per share passes its cap
 * total / as-converted shares) holds in cell formulas.
 */
import fc from "fast-check";
import { buildExitWaterfallModel } from "../../src/model/exitWaterfallModel";
import { ExitWaterfallInput, type ShareClassInput } from "../../src/model/exitWaterfallInput";
import { renderSheet } from "../support/hyperformulaSheet";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems } from "./sheetChecks";

const shareClass = (name: string): fc.Arbitrary<ShareClassInput> =>
  fc
    .record({
      kind: fc.constantFrom("common", "NONE", "FULL", "CAPPED", "option"),
      shares: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constant(1_000_000)),
      invested: fc.integer({ min: 0, max: 20_000_000 }),
      preference: fc.constantFrom(0, 0.5, 1, 1.5, 2),
      seniority: fc.integer({ min: 1, max: 3 }),
      capExtra: fc.constantFrom(0, 0.5, 1, 2),
      conversionRatio: fc.constantFrom(1, 1, 1.5, 2),
      strike: fc.constantFrom(0, 0.25, 1, 3, 7.5),
    })
    .map((r): ShareClassInput => {
      const base = { name, shares: r.shares, seniority: r.seniority, conversionRatio: r.conversionRatio, cap: null, strike: null };
      switch (r.kind) {
        case "common":
          return { ...base, invested: 0, preference: 0, participation: "NONE" };
        case "option":
          return { ...base, invested: 0, preference: 0, participation: "NONE", strike: r.strike };
        case "CAPPED":
          return { ...base, invested: r.invested, preference: r.preference, participation: "CAPPED", cap: r.preference + r.capExtra || 1 };
        default:
          return { ...base, invested: r.invested, preference: r.preference, participation: r.kind as "NONE" | "FULL" };
      }
    });

const structure = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shareClass(`Class ${i + 1}`))))
  .filter((cs) => cs.some((c) => c.shares > 0));

const inputs = fc
  .record({
    classes: structure,
    netDebt: fc.integer({ min: -2_000_000, max: 5_000_000 }),
    transactionCosts: fc.integer({ min: 0, max: 1_000_000 }),
    otherClaims: fc.integer({ min: 0, max: 1_000_000 }),
    exitValues: fc.array(fc.integer({ min: 0, max: 200_000_000 }), { minLength: 2, maxLength: 6 }),
  })
  .map((r) => ({
    kind: "exitWaterfall" as const,
    company: "Random",
    currency: "EUR",
    unit: "units" as const,
    ...r,
    exitValue: r.exitValues[0],
    holdings: [],
  }))
  .filter((m) => ExitWaterfallInput.safeParse(m).success);

const CLASS: ShareClassInput = {
  name: "",
  shares: 0,
  seniority: 1,
  conversionRatio: 1,
  cap: null,
  strike: null,
  invested: 0,
  preference: 0,
  participation: "NONE",
};
const EXAMPLE_BASE = {
  kind: "exitWaterfall" as const,
  company: "Random",
  currency: "EUR",
  unit: "units" as const,
  classes: [] as ShareClassInput[],
  netDebt: 0,
  transactionCosts: 0,
  otherClaims: 0,
  exitValues: [0, 0],
  exitValue: 0,
  holdings: [],
};

describe("randomized exit waterfalls: native formulas equal the engine", () => {
  test("every formula cell, evaluated without the add-in, equals the engine", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const model = buildExitWaterfallModel(input);
        // Exit values at the breakpoints themselves, and just around them, in the sensitivity too.
        const atBreakpoints = model.results.breakpoints.flatMap((b) => [b.exitValue.toNumber(), b.exitValue.toNumber() + 1]).slice(0, 30);
        const full =
          atBreakpoints.length >= 2 ? buildExitWaterfallModel({ ...input, exitValues: [...input.exitValues, ...atBreakpoints].slice(0, 40) }) : model;
        const problems = referenceProblems(full.sheet, NATIVE_FUNCTIONS).filter((p) => !/^defined name (Classes|ExitValues) /.test(p));
        expect(problems).toEqual([]);
        const r = renderSheet(full.sheet);
        try {
          expect(mismatches(full.sheet, r)).toEqual([]);
        } finally {
          r.destroy();
        }
      }),
      {
        numRuns: 60,
        // Cases fast-check found: an exit exactly at a flat stretch (the smallest residual per share, as the engine takes);
        // proceeds below the first breakpoint when no class has a preference (options without shares).
        examples: [
          [{ ...EXAMPLE_BASE, classes: [{ ...CLASS, name: "Class 1", shares: 1, invested: 1, preference: 1, participation: "CAPPED", cap: 2 }] }],
          // The same flat stretch where the engine's two knots' proceeds differed in the 40th digit (it took the largest x).
          [
            {
              ...EXAMPLE_BASE,
              exitValues: [0, 0],
              exitValue: 0,
              classes: [{ ...CLASS, name: "Class 1", shares: 2_088_583, invested: 275_775, preference: 1.5, participation: "CAPPED", cap: 2.5 }],
            },
          ],
          [
            {
              ...EXAMPLE_BASE,
              exitValues: [1, 0],
              exitValue: 1,
              classes: [
                { ...CLASS, name: "Class 1", shares: 0, strike: 7.5 },
                { ...CLASS, name: "Class 2", shares: 1_000_000 },
              ],
            },
          ],
        ],
      },
    );
  });
});
