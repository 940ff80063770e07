/**
 * Comps statistics against HyperFormula's QUARTILE.INC, MEDIAN and AVERAGE (Excel's conventions),
 * and the sensitivity grid against the IRR of each cell's own flows.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { Decimal, buyerIrr, multipleStats, quartileInc, sensitivityGrid, xirr } from "../../../src/engine";

const d = (v: number | string) => new Decimal(v);

describe("multiple statistics", () => {
  test("Excel's QUARTILE.INC on 1..4: 1.75, 2.5, 3.25 (Microsoft's QUARTILE.INC example gives 3.5 for {1,2,4,7,8,9,10,12} Q1)", () => {
    const s = multipleStats([d(4), d(1), d(3), d(2)]);
    expect([s.min, s.q1, s.median, s.mean, s.q3, s.max].map(String)).toEqual(["1", "1.75", "2.5", "2.5", "3.25", "4"]);
    expect(quartileInc([1, 2, 4, 7, 8, 9, 10, 12].map(d), 1).toString()).toBe("3.5");
  });

  test("agrees with HyperFormula's QUARTILE.INC, MEDIAN and AVERAGE on random lists", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
    hf.addSheet("S");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 25 }), (xs) => {
        const n = xs.length;
        hf.setSheetContent(0, [
          ...xs.map((x) => [x / 100]),
          [`=QUARTILE.INC(A1:A${n},1)`, `=MEDIAN(A1:A${n})`, `=AVERAGE(A1:A${n})`, `=QUARTILE.INC(A1:A${n},3)`],
        ]);
        const theirs = [0, 1, 2, 3].map((c) => hf.getCellValue({ sheet: 0, row: n, col: c }) as number);
        const s = multipleStats(xs.map((x) => d(x).div(100)));
        [s.q1, s.median, s.mean, s.q3].forEach((v, i) => expect(Math.abs(v.toNumber() - theirs[i])).toBeLessThan(1e-9));
      }),
      { numRuns: 50 },
    );
    hf.destroy();
  });
});

describe("sensitivity grid", () => {
  test("each cell is the IRR of its own flows; a failing cell carries its error", () => {
    const deal = { entryNetDebt: d(200), exitEbitda: d(50), exitNetDebt: d(150), entryDate: 45748, exitDate: 47574, interim: [] };
    const grid = sensitivityGrid([d(800), d(860)], [d(18), d(20)], (ev, m) => buyerIrr(deal, ev, m));
    expect(grid[1][0]).toBe(
      xirr([
        { amount: d(-660), date: 45748 },
        { amount: d(750), date: 47574 },
      ]),
    );
    // An exit below the exit net debt: nothing received, no IRR; the cell says so.
    const bad = sensitivityGrid([d(800)], [d(1)], (ev, m) => buyerIrr(deal, ev, m));
    expect(bad[0][0]).toBeInstanceOf(Error);
  });
});
