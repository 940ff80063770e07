/**
 * Dated returns against Excel's XIRR and XNPV: Microsoft's documented examples, HyperFormula's XIRR
 * on random dated flows, Excel's documented error cases, and the identity that an IRR discounts its
 * own flows to zero.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { DatedFlow, Decimal, dealReturns, xirr, xnpv } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const flow = (amount: number, date: number): DatedFlow => ({ amount: new Decimal(amount), date });

// Microsoft, "XIRR function" and "XNPV function" (support.microsoft.com): 1/1/2008 .. 4/1/2009.
const MICROSOFT = [flow(-10000, 39448), flow(2750, 39508), flow(4250, 39751), flow(3250, 39859), flow(2750, 39904)];

let hf: HyperFormula;
beforeAll(() => {
  hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  hf.addSheet("Flows");
});
afterAll(() => hf.destroy());

function hyperFormulaXirr(flows: readonly DatedFlow[]): number | string {
  hf.setSheetContent(0, [...flows.map((f) => [f.amount.toNumber(), f.date]), [`=XIRR(A1:A${flows.length},B1:B${flows.length})`]]);
  const v = hf.getCellValue({ sheet: 0, row: flows.length, col: 0 });
  return typeof v === "number" ? v : String(v);
}

describe("XIRR, Excel's convention", () => {
  test("Microsoft's documented example: 0.373362535, within Excel's stated accuracy; the exact root is 0.3733625335", () => {
    // Microsoft prints 0.373362535. The root of the documented XNPV equation, to 40 digits (mpmath,
    // and bracketed below in decimals), is 0.37336253351883151..., which rounds to 0.373362534 at 9
    // decimals: Excel's figure is 1.5e-9 away, inside its stated accuracy ("within 0.000001 percent",
    // i.e. 1e-8 on the rate). HyperFormula gives the exact root. We return the exact root.
    const r = xirr(MICROSOFT);
    expect(Math.abs(r - 0.373362535)).toBeLessThan(1e-8);
    expect(r.toFixed(12)).toBe("0.373362533519");
    expect(xirr(MICROSOFT, 0.5)).toBeCloseTo(r, 15);
    // The sign of XNPV changes between the root minus and plus 1e-12: it is the root, not an iterate.
    expect(xnpv(new Decimal(r - 1e-12), MICROSOFT).isPositive()).toBe(true);
    expect(xnpv(new Decimal(r + 1e-12), MICROSOFT).isNegative()).toBe(true);
  });

  test("Microsoft's XNPV example: 2086.65 at 9%", () => {
    expect(xnpv(new Decimal(0.09), MICROSOFT).toDecimalPlaces(2).toString()).toBe("2086.65");
  });

  test("dates are truncated to whole days and may follow the first in any order", () => {
    const shuffled = [MICROSOFT[0], MICROSOFT[3], MICROSOFT[1], MICROSOFT[4], MICROSOFT[2]].map((f) => flow(f.amount.toNumber(), f.date + 0.75));
    expect(xirr(shuffled)).toBeCloseTo(xirr(MICROSOFT), 14);
  });

  test("agrees with HyperFormula's XIRR on random dated flows to 1e-9", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 36000, max: 50000 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (start, later, invested) => {
          const flows = [flow(-invested, start), ...later.map(([d, a]) => flow(a, start + d))];
          const theirs = hyperFormulaXirr(flows);
          if (typeof theirs !== "number") return; // HyperFormula's 50 Newton steps gave up: nothing to compare
          // 1e-9 absolute, relative above 100% (an IRR of 16,000% keeps 16 digits in a double, not 20).
          expect(Math.abs(xirr(flows) - theirs)).toBeLessThan(1e-9 * Math.max(1, Math.abs(theirs)));
        },
      ),
      { numRuns: 60 },
    );
  });

  test("property: the IRR discounts its own flows to zero (XNPV in decimals at the IRR)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 8000 }), fc.integer({ min: -1_000_000, max: 1_000_000 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (later, invested) => {
          const flows = [flow(-invested, 40000), ...later.map(([d, a]) => flow(a, 40000 + d))];
          let irr: number;
          try {
            irr = xirr(flows);
          } catch {
            return; // no sign change or no root: the error cases below
          }
          // Near -100%, 1 + r keeps few digits in a double and the check below is meaningless: a 99.9% loss a year.
          if (irr <= -0.999) return;
          // Relative to the flows discounted at the IRR: the terms whose sum is zero.
          const scale = flows.reduce((s, f) => s + Math.abs(f.amount.toNumber()) * Math.pow(1 + irr, -(f.date - 40000) / 365), 0);
          expect(Math.abs(xnpv(new Decimal(irr), flows).toNumber())).toBeLessThan(1e-9 * scale);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("where Newton from the guess fails, a bracketed search still finds the root", () => {
    // From a guess of 1e9 (%) the first Newton step overflows; Excel would show #NUM!.
    const r = xirr(MICROSOFT, 1e7);
    expect(r).toBeCloseTo(0.3733625335188315, 12);
    // A 90% loss in a day: the IRR is -100% to double precision, not an error.
    expect(xirr([flow(-1000, 40000), flow(100, 40001)])).toBe(-1);
  });
});

describe("Excel's documented error cases", () => {
  test("no negative or no positive flow: #NUM!", () => {
    const e = errorOf(() => xirr([flow(100, 40000), flow(200, 40100)]));
    expect([e.kind, e.argument, e.message]).toEqual([
      "num",
      "flows",
      "flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires",
    ]);
  });

  test("a date before the first date: #NUM!", () => {
    const e = errorOf(() => xirr([flow(-100, 40000), flow(120, 39999)]));
    expect([e.kind, e.argument, e.message]).toEqual([
      "num",
      "dates",
      "dates must not be before the first date (the origin of the discounting), got 39999 before 40000 at position 2",
    ]);
  });

  test("a number that is not a date: #VALUE!", () => {
    for (const bad of [-1, 2958466, Number.NaN]) {
      const e = errorOf(() => xirr([flow(-100, 40000), flow(120, bad)]));
      expect([e.kind, e.argument]).toEqual(["value", "dates"]);
      expect(e.message).toMatch(/^dates must be dates \(day serial numbers from 0 to 2958465, 31\/12\/9999\), got /);
    }
  });

  test("no rate discounts the flows to zero: #NUM!", () => {
    // Paid 100 and received 50 then paid 100 again: XNPV < 0 at every rate.
    const e = errorOf(() => xirr([flow(-100, 40000), flow(50, 40365), flow(-100, 40730)]));
    expect([e.kind, e.message]).toEqual([
      "num",
      "no rate discounts these flows to zero (XIRR would show #NUM!): check the signs and dates of the flows",
    ]);
    expect(errorOf(() => xirr([flow(-100, 40000), flow(100, 40000)])).message).toBe(
      "flows must not all fall on the same date: no rate discounts them",
    );
    expect(errorOf(() => xirr([flow(-100, 40000)])).message).toBe("flows must have at least two dated cash flows, got 1");
  });
});

describe("MOIC, net gain, holding period, cash yield", () => {
  test("an infrastructure-style holding: entry, two yearly distributions, exit", () => {
    // 100 paid on 1/1/2020 (43831); 5 received a year later twice (730 days in, 365 each), 130 at exit (1095 days).
    const r = dealReturns([flow(-100, 43831), flow(5, 43831 + 365), flow(5, 43831 + 730), flow(130, 43831 + 1095)]);
    expect(r.invested.toString()).toBe("100");
    expect(r.distributed.toString()).toBe("140");
    expect(r.moic.toString()).toBe("1.4");
    expect(r.netGain.toString()).toBe("40");
    expect(r.years.toString()).toBe("3");
    // 10 received before the exit date, over 3 years, on 100 invested.
    expect(r.cashYield.toSignificantDigits(12).toString()).toBe("0.0333333333333");
    expect(Math.abs(xnpv(new Decimal(r.irr), [flow(-100, 43831), flow(5, 44196), flow(5, 44561), flow(130, 44926)]).toNumber())).toBeLessThan(1e-10);
  });
});

describe("results a cell cannot hold", () => {
  test("an IRR beyond any double is an error, never Infinity", () => {
    // 1e-308 paid, 1 received the next day: (1e308)^365 overflows.
    const e = errorOf(() => xirr([flow(-1e-308, 40000), flow(1, 40001)]));
    expect([e.kind, e.message]).toEqual(["num", "the IRR is too large for a cell: the flows grow beyond any double in the time between their dates"]);
  });
});
