/**
 * Value creation bridge: a worked example under each cross-term option, and the identity that the
 * parts add up to the gain (property test).
 */
import fc from "fast-check";
import { CROSS_TERMS, Decimal, valueBridge } from "../../../src/engine";

const d = (v: number | string) => new Decimal(v);
// Entry: EBITDA 100 at 10x, net debt 600 (equity 400). Exit: EBITDA 150 at 12x, net debt 400 (equity 1,400); 50 of dividends.
const base = {
  entryEbitda: d(100),
  entryMultiple: d(10),
  exitEbitda: d(150),
  exitMultiple: d(12),
  entryNetDebt: d(600),
  exitNetDebt: d(400),
  cashReturned: d(50),
};

describe("value creation bridge", () => {
  test("gain 1,050 = growth + multiple change + cross term + deleveraging 200 + cash 50, under each option", () => {
    const parts = (crossTerm: (typeof CROSS_TERMS)[number]) => {
      const r = valueBridge({ ...base, crossTerm });
      return [r.entryEquity, r.exitEquity, r.ebitdaGrowth, r.multipleChange, r.crossTerm, r.deleveraging, r.cashReturned, r.gain].map(String);
    };
    expect(parts("SEPARATE")).toEqual(["400", "1400", "500", "200", "100", "200", "50", "1050"]);
    expect(parts("EBITDA")).toEqual(["400", "1400", "600", "200", "0", "200", "50", "1050"]);
    expect(parts("MULTIPLE")).toEqual(["400", "1400", "500", "300", "0", "200", "50", "1050"]);
  });

  test("property: the parts add up to the gain, whichever option", () => {
    const amount = fc.integer({ min: -1_000_000, max: 1_000_000 });
    const positive = fc.integer({ min: 1, max: 1_000_000 });
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        positive,
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        amount,
        amount,
        amount,
        fc.constantFrom(...CROSS_TERMS),
        (e0, m0, e1, m1, nd0, nd1, c, crossTerm) => {
          const r = valueBridge({
            entryEbitda: d(e0),
            entryMultiple: d(m0),
            exitEbitda: d(e1),
            exitMultiple: d(m1),
            entryNetDebt: d(nd0),
            exitNetDebt: d(nd1),
            cashReturned: d(c),
            crossTerm,
          });
          const sum = r.ebitdaGrowth.plus(r.multipleChange).plus(r.crossTerm).plus(r.deleveraging).plus(r.cashReturned);
          expect(sum.minus(r.gain).abs().lte(d("1e-25"))).toBe(true);
        },
      ),
    );
  });
});
