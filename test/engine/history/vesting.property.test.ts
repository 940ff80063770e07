/**
 * `vestingSchedule`'s whole-number path against the decimal path, over generated terms and grants.
 *
 * `vestingSchedule` gives a grant's whole shares by integer division when every portion is a
 * fraction with a small denominator (`wholeNumberPlan` in src/engine/history/vesting.ts) and the
 * grant a whole number of shares; `vestingScheduleInDecimals` computes every amount in Decimal, as
 * the engine always did. Over cliffs, monthly and daily steps, every allocation type, portions from
 * halves to a prime denominator near 10^6 (and past it, and decimals that are no such fraction),
 * remainder portions, fixed quantities and event triggers, and grants from 1 share to past 2^53, the
 * two must give the same instalments (dates, quantities and running totals as exact decimal text),
 * the same unscheduled conditions, or the same refusal.
 */
import fc from "fast-check";
import { Decimal } from "../../../src/engine/decimal";
import { EngineError } from "../../../src/engine/errors";
import {
  ALLOCATION_TYPES,
  producedSchedule,
  vestingSchedule,
  vestingScheduleInDecimals,
  type VestingConditionSpec,
  type VestingSchedule,
  type VestingTermsSpec,
} from "../../../src/engine/history/vesting";

const d = (x: string | number) => new Decimal(x);

const DENOMINATORS = [1, 2, 3, 4, 6, 7, 8, 12, 16, 24, 36, 48, 60, 100, 120, 365, 1000, 999_983, 1_000_003];

/** A portion: n/d as the engine stores it (a 40-digit decimal), now and then a decimal that is no small fraction, or zero. */
const portionArb: fc.Arbitrary<Decimal> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom(...DENOMINATORS)).map(([n, den]) => d(n).div(den)) },
  { weight: 1, arbitrary: fc.constantFrom("0.0208333", "0.25", "0.1", "0.333333333333").map(d) },
  { weight: 1, arbitrary: fc.constant(d(0)) },
);

const conditionsArb: fc.Arbitrary<VestingConditionSpec[]> = fc
  .record({
    startPortion: fc.option(portionArb, { nil: undefined }),
    cliffMonths: fc.integer({ min: 0, max: 24 }),
    cliff: portionArb,
    step: portionArb,
    unit: fc.constantFrom<"MONTHS" | "DAYS">("MONTHS", "MONTHS", "DAYS"),
    length: fc.integer({ min: 1, max: 90 }),
    occurrences: fc.integer({ min: 1, max: 60 }),
    dayOfMonth: fc.constantFrom(undefined, "01", "15", "28", "29_OR_LAST_DAY_OF_MONTH", "31_OR_LAST_DAY_OF_MONTH"),
    remainder: fc.boolean(),
    quantity: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined, freq: 6 }),
    absolute: fc.option(portionArb, { nil: undefined, freq: 4 }),
    event: fc.option(portionArb, { nil: undefined, freq: 4 }),
  })
  .map((g) => {
    const conditions: VestingConditionSpec[] = [
      g.startPortion === undefined
        ? { id: "start", quantity: d(0), trigger: { type: "START" } }
        : { id: "start", portion: g.startPortion, trigger: { type: "START" } },
      {
        id: "cliff",
        portion: g.cliff,
        trigger: { type: "RELATIVE", unit: "MONTHS", length: g.cliffMonths, occurrences: 1, relativeTo: "start" },
      },
      {
        id: "steps",
        ...(g.quantity !== undefined ? { quantity: d(g.quantity) } : { portion: g.step }),
        remainder: g.remainder && g.quantity === undefined,
        trigger: {
          type: "RELATIVE",
          unit: g.unit,
          length: g.length,
          occurrences: g.occurrences,
          relativeTo: "cliff",
          ...(g.unit === "MONTHS" && g.dayOfMonth !== undefined ? { dayOfMonth: g.dayOfMonth } : {}),
        },
      },
    ];
    if (g.absolute !== undefined) conditions.push({ id: "fixed", portion: g.absolute, trigger: { type: "ABSOLUTE", date: "2025-06-30" } });
    if (g.event !== undefined) conditions.push({ id: "exit", portion: g.event, trigger: { type: "EVENT" } });
    return conditions;
  });

/** Grants: mostly ordinary sizes, then large ones up to and past 2^53, fractional ones and none. */
const quantityArb: fc.Arbitrary<Decimal> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map(d) },
  { weight: 2, arbitrary: fc.bigInt({ min: 1n, max: 2n ** 54n }).map((n) => d(n.toString())) },
  { weight: 1, arbitrary: fc.constantFrom("9007199254740991", "9007199254740992", "9007199254740993", "4503599627370496").map(d) },
  { weight: 1, arbitrary: fc.constantFrom("0", "1234.5", "0.75", "-48", "1e20").map(d) },
);

const startArb = fc
  .tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, day]) => `${y}-${String(m).padStart(2, "0")}-${String(Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate())).padStart(2, "0")}`);

type Outcome = { instalments: string[]; unscheduled: readonly string[] } | { refused: string };

/**
 * Each instalment as "date quantity total". `carried`: the running total the schedule carries for
 * the as-of lookups (`producedSchedule`: whole-number counts or decimals), else the quantities summed.
 */
function outcome(run: () => VestingSchedule, carried: boolean): Outcome {
  try {
    const s = run();
    const p = producedSchedule(s.instalments);
    let total = new Decimal(0);
    const totals = carried
      ? s.instalments.map((_, k) => (p?.counts !== undefined ? String(p.counts[k]) : (p?.totals?.[k].toString() ?? "none")))
      : s.instalments.map((i) => (total = total.add(i.quantity)).toString());
    if (carried)
      expect(p?.days).toEqual(
        s.instalments.every((i) => /^\d{4}-\d{2}-\d{2}$/.test(i.date)) ? s.instalments.map((i) => Number(i.date.replace(/-/g, ""))) : undefined,
      );
    return { instalments: s.instalments.map((i, k) => `${i.date} ${i.quantity.toString()} ${totals[k]}`), unscheduled: s.unscheduled };
  } catch (e) {
    if (e instanceof EngineError) return { refused: `${e.rule?.id ?? ""} ${e.message}` };
    throw e;
  }
}

describe("vestingSchedule's whole-number path gives the decimal path's schedule", () => {
  it("for generated terms, allocations, grants and start dates", () => {
    fc.assert(
      fc.property(
        conditionsArb,
        fc.constantFrom(...ALLOCATION_TYPES),
        fc.array(quantityArb, { minLength: 1, maxLength: 4 }),
        startArb,
        (conditions, allocation, quantities, start) => {
          const terms: VestingTermsSpec = { id: "terms", allocation, conditions };
          // Several grants under one terms object and start date: the later ones reuse its cached plan.
          for (const quantity of quantities) {
            expect(outcome(() => vestingSchedule(terms, quantity, start), true)).toEqual(
              outcome(() => vestingScheduleInDecimals(terms, quantity, start), false),
            );
          }
        },
      ),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it("takes the whole-number path for the usual terms (a shared plan), and the decimal path for a fractional grant", () => {
    const terms: VestingTermsSpec = {
      id: "4y1y",
      allocation: "CUMULATIVE_ROUNDING",
      conditions: [
        { id: "start", quantity: d(0), trigger: { type: "START" } },
        { id: "cliff", portion: d(12).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 12, occurrences: 1, relativeTo: "start" } },
        { id: "monthly", portion: d(1).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 1, occurrences: 36, relativeTo: "cliff" } },
      ],
    };
    const a = vestingSchedule(terms, d(4800), "2021-03-31").instalments;
    const b = vestingSchedule(terms, d(1000), "2021-03-31").instalments;
    const c = vestingSchedule(terms, d("1000.5"), "2021-03-31").instalments;
    // Whole numbers: counts, and the days shared by the plan; fractional: decimals.
    expect(producedSchedule(a)?.counts?.slice(0, 3)).toEqual([1200, 1300, 1400]);
    expect(producedSchedule(a)?.days).toBe(producedSchedule(b)?.days);
    expect(producedSchedule(c)?.counts).toBeUndefined();
    expect(producedSchedule(c)?.totals?.[0].toString()).toBe("250");
    expect(producedSchedule(c)?.days).toEqual(producedSchedule(a)?.days);
    // Instalments of the same amount on the same date are one shared object.
    const again = vestingSchedule(terms, d(4800), "2021-03-31").instalments;
    expect(again).not.toBe(a);
    expect(again[1]).toBe(a[1]);
    expect(a.map((i) => i.quantity.toString()).slice(0, 3)).toEqual(["1200", "100", "100"]);
  });
});
