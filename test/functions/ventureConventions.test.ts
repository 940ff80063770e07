/**
 * CAPTABLE.PRICEDROUND's conventions chosen by an argument, called as Excel calls it: the pool basis
 * (pool_basis, option_rows) and anti-dilution inside the round (antidilution).
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";

const row = (table: unknown[][], label: string) => table.find((r) => r[0] === label)!;
/** What Excel passes for an omitted optional range argument. */
const OMITTED = null as unknown as unknown[][];

// YC Post-Money Safe User Guide, Appendix II, Example 1 (test/engine/venture/round.test.ts).
const holders = [["Founders"], ["Options outstanding"], ["Promised options"], ["Option pool"]];
const shares = [[9_250_000], [300_000], [350_000], [100_000]];
const investors = [
  ["Investor", "Amount"],
  ["Series A", 5_000_000],
];
const safes = [
  ["Holder", "Amount", "Cap"],
  ["Investor A", 200_000, 4_000_000],
  ["Investor B", 800_000, 8_000_000],
];
const options = [["Options outstanding"], ["Promised options"]];

describe("CAPTABLE.PRICEDROUND: pool_basis and option_rows", () => {
  test('"TOTAL": the whole pool (granted, promised, unissued) is the target; shown below the table', () => {
    const t = f.pricedRoundFn(holders, shares, 15_000_000, investors, 0.1, safes, "NONE", null, null, "TOTAL", options);
    expect(row(t, "Option pool increase")[1]).toBeCloseTo(208_750_000 / 221, 6);
    expect(row(t, "Pool target basis")[1]).toBe("Whole pool (granted, promised and unissued)");
    expect(row(t, "Pool after the round (% of post-money)")[1]).toBeCloseTo(0.1, 14);
    // French keyword, one row range.
    const fr = f.pricedRoundFn(holders, shares, 15_000_000, investors, 0.1, safes, "NONE", null, null, "ensemble", [
      ["Options outstanding", "Promised options"],
    ]);
    expect(row(fr, "Option pool increase")[1]).toBe(row(t, "Option pool increase")[1]);
  });

  test("the default layout is unchanged; UNISSUED given says so", () => {
    const plain = f.pricedRoundFn(holders, shares, 15_000_000, investors, 0.1, safes, "NONE");
    expect(plain.some((r) => r[0] === "Pool target basis")).toBe(false);
    const unissued = f.pricedRoundFn(holders, shares, 15_000_000, investors, 0.1, safes, "NONE", null, null, "UNISSUED");
    expect(unissued.slice(0, plain.length)).toEqual(plain);
    expect(row(unissued, "Pool target basis")[1]).toBe("Unissued pool");
  });

  test("an argument given then ignored is an error", () => {
    const call = (target: unknown, basis: unknown, rows: unknown) =>
      cellError(() => f.pricedRoundFn(holders, shares, 15_000_000, investors, target, safes, "NONE", null, null, basis, rows as unknown[][])).message;
    expect(call(0.1, "TOTAL", OMITTED)).toBe(
      'option_rows is required when pool_basis is "TOTAL": name the granted and promised option rows of the holders',
    );
    expect(call(0.1, null, options)).toBe('option_rows must be empty unless pool_basis is "TOTAL": they count only in the whole pool');
    expect(call(0.1, "UNISSUED", options)).toBe('option_rows must be empty unless pool_basis is "TOTAL": they count only in the whole pool');
    expect(call(null, "TOTAL", options)).toBe("pool_basis must be empty without a pool_target: it says what the target is measured on");
    expect(call(0.1, "TOTAL", [["Nobody"]])).toBe('option_rows must name holders, got "Nobody"');
    expect(call(0.1, "TOTAL", [["Option pool"]])).toBe('option_rows must not name the unissued pool row ("Option pool"): it counts already');
    expect(call(0.1, "GRANTED", options)).toMatch(/^pool_basis must be one of "UNISSUED", /);
  });
});

describe("CAPTABLE.PRICEDROUND: antidilution", () => {
  // Gust's published example (test/engine/venture/roundConventions.test.ts): the pre-money that gives $0.50 a share
  // once the adjustment shares are counted in it.
  const h = [["Common"], ["Series A"], ["Series B"], ["Options"]];
  const s = [[1_500_000], [2_500_000], [2_000_000], [1_000_000]];
  const series = [
    ["Class", "Shares", "Original issue price", "Method"],
    ["Series A", 2_500_000, 1, "broad-based"],
    ["Series B", 2_000_000, 2, null],
  ];
  const c = [
    ["Investor", "Amount"],
    ["Series C", 1_000_000],
  ];

  test("the price is solved with the adjustments; one row per class below the table", () => {
    const t = f.pricedRoundFn(h, s, 3_856_250, c, null, OMITTED, null, null, null, null, OMITTED, series);
    expect(row(t, "Price per share")[1]).toBe(0.5);
    expect(row(t, "Series A").slice(1, 4)).toEqual([2_500_000, 312_500, 2_812_500]);
    expect(row(t, "Series B").slice(1, 4)).toEqual([2_000_000, 400_000, 2_400_000]);
    const header = t.findIndex((r) => r[0] === "Anti-dilution");
    expect(t[header]).toEqual([
      "Anti-dilution",
      "Method",
      "Conversion price before",
      "Conversion price after",
      "Conversion ratio before",
      "Conversion ratio after",
      "Shares added",
      "Adjusted",
      // The table is a rectangle as wide as the holders' rows.
      "",
      "",
      "",
    ]);
    expect(t[header + 1][0]).toBe("Series A");
    expect(t[header + 1][1]).toBe("BROAD");
    expect(t[header + 1][3]).toBeCloseTo(8 / 9, 14);
    expect(t[header + 1].slice(6, 8)).toEqual([312_500, true]);
    expect(t[header + 2].slice(0, 2)).toEqual(["Series B", "BROAD"]);
    // Without the argument, the same call keeps the layout it always had.
    const plain = f.pricedRoundFn(h, s, 3_856_250, c);
    expect(plain.some((r) => r[0] === "Anti-dilution")).toBe(false);
    expect(row(plain, "Price per share")[1]).toBeCloseTo(3_856_250 / 7_000_000, 14);
  });

  test("errors name the table and the rule", () => {
    const call = (table: unknown[][]) =>
      cellError(() => f.pricedRoundFn(h, s, 3_856_250, c, null, OMITTED, null, null, null, null, OMITTED, table)).message;
    expect(
      call([
        ["Class", "Shares", "Original issue price"],
        ["Series Z", 1, 1],
      ]),
    ).toBe('antidilution: class "Series Z" must be one of the holders (its row holds the class as converted)');
    expect(
      call([
        ["Class", "Shares", "Original issue price", "Conversion price"],
        ["Series A", 2_500_000, 1, 0.5],
      ]),
    ).toBe(
      'antidilution: class "Series A" converts into 5000000 shares before the round, but its holder row holds 2500000: the row must hold the class as converted',
    );
    expect(
      call([
        ["Class", "Shares"],
        ["Series A", 1],
      ]),
    ).toBe('antidilution must have a column "Original issue price" in its header row, found "Class", "Shares"');
    expect(
      call([
        ["Class", "Shares", "Original issue price", "Method"],
        ["Series A", 1, 1, "HALF"],
      ]),
    ).toMatch(/^antidilution: Method of "Series A" must be one of "BROAD"/);
  });
});
