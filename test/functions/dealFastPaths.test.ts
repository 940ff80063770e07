/**
 * The deal functions' fast paths (npm run bench: DEALRETURNS over 10,000 flows, DEALNPV, DEFERREDPV,
 * PIKACCRUED) give exactly what the decimal paths they shortcut give, to the last bit of the cell:
 * - NumberSum (exact sums of cell numbers without a Decimal each) equals the sum of the Decimals;
 * - the double-double exp, log and cell-number conversions are far more accurate than the bound the
 *   callers assume (DD_EPSILON), measured against 60-digit decimals;
 * - DEALRETURNS (flows in columns), DEALNPV, DEFERREDPV and PIKACCRUED equal the previous
 *   implementation (40-digit decimals: `previousXnpv` below is its XNPV, copied as it was; the
 *   engine's decimal paths, kept as the fallback, are its other functions) on seeded random inputs
 *   and edge cases, including cases the fast path hands back to the decimals.
 */
import DecimalJs from "decimal.js";
import fc from "fast-check";
import {
  DatedFlow,
  Decimal,
  NumberSum,
  ZERO,
  dealReturns,
  deferredConsiderationPV,
  pikAccrued,
  preferredAccrued,
  sum,
  yearsFromFirst,
  COMPOUNDINGS,
  xnpvAsNumber,
} from "../../src/engine";
import { DD_EPSILON, dd, ddExp, ddExpm1, ddLog, ddOfCellNumber, ddOfDecimal } from "../../src/engine/doubleDouble";
import { dealNpvCell, dealReturnsCells, deferredPvCell, pikAccruedCell, readDatedFlows } from "../../src/functions/deal";
import { prefAccruedCell } from "../../src/functions/dealIncentives";
import { toCell } from "../../src/functions/excel";
import { withStandInExcel } from "../support/excelDateSystem";

const SEED = 20261201;
const D60 = DecimalJs.clone({ precision: 60 });
/** The exact value of a double-double register pair, in 60 digits (toPrecision gives a double's exact digits). */
const ddValue = () => new D60(dd[0].toPrecision(60)).plus(new D60(dd[1].toPrecision(60)));

/** XNPV as the previous implementation computed it (src/engine/deal/returns.ts before the fast path): 40-digit decimals. */
function previousXnpv(rate: Decimal, flows: readonly DatedFlow[]): Decimal {
  const years = yearsFromFirst(flows.map((f) => f.date));
  const base = rate.plus(1);
  let total = ZERO;
  for (let i = 0; i < flows.length; i++) {
    const d = Math.round(years[i] * 365);
    total = total.plus(d === 0 ? flows[i].amount : flows[i].amount.div(base.pow(new Decimal(d).div(365))));
  }
  return total;
}

/** Cell amounts: whole, cents, a few decimals, and any double (17 significant digits: the decimal path). */
const amount = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }).map((c) => c / 100),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 10_000),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);

describe("NumberSum: the exact sum of cell numbers", () => {
  test("equals the sum of their Decimals on random and edge values", () => {
    const edges = [
      0,
      -0,
      0.1,
      0.2,
      0.1 + 0.2,
      1e-7,
      123456789.123,
      2 ** 51,
      2 ** 53,
      -(2 ** 52),
      9007199254740991,
      1e21,
      5e-324,
      1.7976931348623157e308,
      0.3333333333333333,
    ];
    const check = (values: number[]) => {
      const s = new NumberSum();
      for (const v of values) s.add(v);
      expect(s.total().toString()).toBe(sum(values.map((v) => new Decimal(v))).toString());
    };
    check(edges);
    for (const e of edges) check([e, 1, e, 0.01]);
    fc.assert(fc.property(fc.array(amount, { maxLength: 60 }), check), { seed: SEED, numRuns: 400 });
  });
});

describe("double-double: far more accurate than the bound its callers assume", () => {
  test("exp, e^x - 1 and log against 60-digit decimals: error below DD_EPSILON (1 + |x|) / 100", () => {
    // The callers' bound is DD_EPSILON per unit of (1 + |exponent| + years); here, per unit of 1 + |x|.
    let worst = 0;
    const seen = (error: DecimalJs, x: number) => (worst = Math.max(worst, error.abs().toNumber() / (1 + Math.abs(x))));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true })), (x) => {
        const exact = new D60(x.toPrecision(60));
        ddExp(x, 0);
        seen(ddValue().div(exact.exp()).minus(1), x);
        if (Math.abs(x) > 1e-20) {
          ddExpm1(x, 0);
          seen(ddValue().div(exact.exp().minus(1)).minus(1), x);
        }
        const a = Math.exp(x / 10);
        if (a !== 1) {
          ddLog(a, 0);
          const ln = new D60(a.toPrecision(60)).ln();
          seen(ddValue().minus(ln).div(ln), x / 10);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(worst).toBeLessThan(DD_EPSILON / 100);
  });

  test("a cell's number and a cell's Decimal read as the decimal new Decimal(x) reads", () => {
    fc.assert(
      fc.property(amount, (x) => {
        const exact = new D60(new Decimal(x).toString());
        const fromNumber = ddOfCellNumber(x);
        if (fromNumber) expect(ddValue().minus(exact).abs().toNumber()).toBeLessThanOrEqual(exact.abs().toNumber() * 2 ** -100);
        const fromDecimal = ddOfDecimal(new Decimal(x));
        // Whole amounts, cents and amounts of a few decimals are read by both (only 17-digit doubles may not be).
        if (Number.isInteger(x * 10_000) && Math.abs(x) < 1e10) expect([fromNumber, fromDecimal]).toEqual([true, true]);
        if (fromDecimal) expect(ddValue().minus(exact).abs().toNumber()).toBeLessThanOrEqual(exact.abs().toNumber() * 2 ** -100);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

/** Days after a first date: any, or a whole number of years (anniversaries take the repeated-squaring path). */
const laterDays = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }),
    fc.integer({ min: 0, max: Math.floor(max / 365) }).map((n) => 365 * n),
  );

/** Random dated flows as two columns of cells: an investment first, then later flows. */
const cellFlows = fc
  .tuple(
    fc.integer({ min: 36000, max: 50000 }),
    fc.array(fc.tuple(laterDays(6000), amount), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 1, max: 100_000_000 }),
  )
  .map(([start, later, invested]) => ({
    flows: [[-invested], ...later.map(([, a]) => [a])],
    dates: [[start], ...later.map(([d]) => [start + d])],
  }));
const rate = fc.oneof(
  fc.integer({ min: -99, max: 300 }).map((p) => p / 100),
  fc.integer({ min: -9999, max: 30000 }).map((p) => p / 10_000),
  fc.double({ min: -0.99, max: 3, noNaN: true }),
);

function cellOrError(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** The same, for a result that may come later (a 30/360 count asking the workbook's date system). */
async function cellOrErrorLater(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe("the fast paths give the previous implementation's cells", () => {
  test("DEALNPV equals the 40-digit XNPV's double on seeded random flows and rates", () => {
    fc.assert(
      fc.property(rate, cellFlows, (r, { flows, dates }) => {
        const fast = cellOrError(() => dealNpvCell(r, flows, dates));
        const previous = cellOrError(() => toCell(previousXnpv(new Decimal(r), readDatedFlows(flows, dates))));
        expect(fast).toBe(previous);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test("DEALNPV where the double-double cannot decide: the decimal path's figure", () => {
    // At its IRR, Microsoft's flows discount to almost 0: the bound covers several doubles.
    const flows = [[-10000], [2750], [4250], [3250], [2750]];
    const dates = [[39448], [39508], [39751], [39859], [39904]];
    for (const r of [0.3733625335188315, 0.37336253351883, 0.1 + 0.2]) {
      expect(xnpvAsNumber(new Decimal(r), readDatedFlows(flows, dates))).toBeUndefined(); // the fast path declines
      expect(dealNpvCell(r, flows, dates)).toBe(toCell(previousXnpv(new Decimal(r), readDatedFlows(flows, dates))));
    }
    // Amounts of 17 significant digits are not read as double-doubles: decimals throughout.
    const odd = [[-(0.1 + 0.2) * 1e6], [1 / 3], [1e6]];
    expect(dealNpvCell(0.05, odd, [[40000], [40100], [40500]])).toBe(
      toCell(previousXnpv(new Decimal(0.05), readDatedFlows(odd, [[40000], [40100], [40500]]))),
    );
  });

  test("DEFERREDPV equals the decimal present value's double, with and without probabilities", () => {
    const payments = fc.array(fc.tuple(laterDays(4000), amount, fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 40000, max: 47000 }), payments, rate, fc.boolean(), (completion, list, r, withProbabilities) => {
        const amounts = list.map(([, a]) => [a]);
        const dates = list.map(([d]) => [completion + d]);
        const probabilities = withProbabilities ? list.map(([, , p]) => [p / 100]) : null;
        const fast = cellOrError(() => deferredPvCell(completion, amounts, dates, r, probabilities));
        const previous = cellOrError(() =>
          toCell(
            deferredConsiderationPV(
              completion,
              readDatedFlows(amounts, dates),
              new Decimal(r),
              probabilities === null ? undefined : probabilities.map(([p]) => new Decimal(p)),
            ),
          ),
        );
        expect(fast).toBe(previous);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test("PIKACCRUED equals the decimal accrual's double for every compounding", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 2_000_000_000 }),
          fc.integer({ min: 0, max: 100_000_000_000 }).map((c) => c / 100),
        ),
        fc.oneof(
          fc.integer({ min: 0, max: 5000 }).map((p) => p / 10_000),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        fc.integer({ min: 40000, max: 46000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(...COMPOUNDINGS),
        (principal, r, start, days, compounding) => {
          const fast = cellOrError(() => pikAccruedCell(principal, r, start, start + days, compounding));
          const previous = cellOrError(() => toCell(pikAccrued(new Decimal(principal), new Decimal(r), start, start + days, compounding)));
          expect(fast).toBe(previous);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  test("PREFACCRUED equals the decimal dividend's double for every compounding and day count (errors word for word)", async () => {
    // A 30/360 count whose dates differ between the date systems asks the workbook: a 1900 workbook here.
    await withStandInExcel("1900", () =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.integer({ min: 0, max: 2_000_000_000 }),
            fc.integer({ min: -100, max: 100_000_000_000 }).map((c) => c / 100),
          ),
          fc.oneof(
            fc.integer({ min: -10, max: 5000 }).map((p) => p / 10_000),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          fc.integer({ min: 40000, max: 46000 }),
          fc.integer({ min: -5, max: 5000 }),
          fc.constantFrom(...COMPOUNDINGS),
          fc.constantFrom("ACT/365", "ACT/360", "30/360"),
          async (principal, r, start, days, compounding, dayCount) => {
            const fast = await cellOrErrorLater(() => prefAccruedCell(principal, r, start, start + days, compounding, dayCount));
            const previous = cellOrError(() =>
              toCell(preferredAccrued(new Decimal(principal), new Decimal(r), start, start + days, compounding, dayCount as "ACT/365")),
            );
            expect(fast).toBe(previous);
          },
        ),
        { seed: SEED, numRuns: 400 },
      ),
    );
  });

  test("DEALRETURNS with flows in columns equals the same flows as Decimals, figure by figure", () => {
    fc.assert(
      fc.property(cellFlows, ({ flows, dates }) => {
        const fast = cellOrError(() => dealReturnsCells(flows, dates, null));
        const previous = cellOrError(() => {
          const r = dealReturns(readDatedFlows(flows, dates));
          return [r.irr, toCell(r.moic), toCell(r.invested), toCell(r.distributed), toCell(r.netGain), toCell(r.years), toCell(r.cashYield)];
        });
        if (typeof previous === "string") expect(fast).toBe(previous);
        else expect((fast as unknown[][]).map((row) => row[1])).toEqual(previous);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
