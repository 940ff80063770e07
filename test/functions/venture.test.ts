/**
 * The venture custom functions called as Excel calls them: ranges as 2-D arrays with header rows,
 * null for omitted optionals, errors as CustomFunctions.Error with a message naming the argument.
 */
import fc from "fast-check";
import { Decimal } from "../../src/engine";
import * as f from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsRuntime";

function cellError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { code: e.code, message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected an error");
}

const row = (table: unknown[][], label: string) => table.find((r) => r[0] === label)!;
/** What Excel passes for an omitted optional range argument. */
const OMITTED = null as unknown as unknown[][];

describe("CAPTABLE.PRICEDROUND", () => {
  // YC Post-Money Safe User Guide, Appendix II, Example 1 (see test/engine/venture/round.test.ts).
  const holders = [["Founders"], ["Options outstanding"], ["Promised options"], ["Option pool"]];
  const shares = [[9_250_000], [300_000], [350_000], [100_000]];
  const investors = [
    ["Investor", "Amount"],
    ["Series A", 5_000_000],
  ];
  const safes = [
    ["Holder", "Type", "Amount", "Cap", "Discount", "MFN"],
    ["Investor A", "SAFE", 200_000, 4_000_000, null, null],
    ["Investor B", "post-money safe", 800_000, 8_000_000, "", ""],
  ];

  test("the Guide's numbers in a spilled table with headers", () => {
    const t = f.pricedRoundFn(holders, shares, 15_000_000, investors, null, safes, null, null, 1_695_000);
    expect(t[0]).toEqual([
      "Holder",
      "Shares before",
      "Shares issued",
      "Shares after",
      "% after",
      "Pro rata investment",
      "Conversion price",
      "Converts at",
      "Cap basis",
      "Pro rata right (shares)",
      "Pro rata right (amount)",
    ]);
    expect(row(t, "Investor A").slice(0, 4)).toEqual(["Investor A", 0, 588_235, 588_235]);
    expect(row(t, "Investor B")[2]).toBe(1_176_470);
    expect(row(t, "Investor B")[7]).toBe("CAP");
    expect(row(t, "Option pool").slice(1, 4)).toEqual([100_000, 1_695_000, 1_795_000]);
    expect((row(t, "Price per share")[1] as number).toFixed(4)).toBe("1.1144");
    expect(row(t, "Company capitalization (post-money SAFE)")[1]).toBe(11_764_705);
    expect(row(t, "Share rounding")[1]).toBe("DOWN");
    expect(t.every((r) => r.length === t[0].length)).toBe(true);
    const pct = t
      .slice(1)
      .filter((r) => typeof r[4] === "number" && r[0] !== "Total")
      .reduce((s, r) => s + (r[4] as number), 0);
    expect(pct).toBeCloseTo(1, 12);
  });

  test("post-money valuation is pre-money + new money; the value at the round price after rounding has its own line", () => {
    const t = f.pricedRoundFn(holders, shares, 15_000_000, investors, null, safes, null, null, 1_695_000);
    expect(row(t, "Post-money valuation")[1]).toBe(20_000_000);
    const atPrice = row(t, "Post-money value at the round price (rounded shares)")[1] as number;
    expect(atPrice).toBeCloseTo((row(t, "Price per share")[1] as number) * (row(t, "Post-money fully diluted shares")[1] as number), 4);
    expect(atPrice).toBeLessThan(20_000_000);
    expect(atPrice).toBeGreaterThan(19_999_990);
  });

  test("pro rata right as the YC Pro Rata Side Letter defines it: conversion shares / Company Capitalization x the new money shares", () => {
    const t = f.pricedRoundFn(holders, shares, 15_000_000, investors, null, safes, null, null, 1_695_000);
    const price = row(t, "Price per share")[1] as number;
    const capitalization = row(t, "Company capitalization (post-money SAFE)")[1] as number; // 11,764,705 (the Guide's)
    const seriesA = row(t, "Series A")[2] as number; // the Standard Preferred Stock sold
    // Investor A: 588,235 / 11,764,705 = 5% of the Series A shares; Investor B: 1,176,470 / 11,764,705 = 10%.
    expect(row(t, "Investor A")[9]).toBe(Math.floor((588_235 / capitalization) * seriesA));
    expect(row(t, "Investor B")[9]).toBe(Math.floor((1_176_470 / capitalization) * seriesA));
    expect(row(t, "Investor A")[10]).toBeCloseTo((row(t, "Investor A")[9] as number) * price, 6);
    expect((row(t, "Investor A")[10] as number) / 5_000_000).toBeCloseTo(0.05, 4);
    // Not for holders without a post-money SAFE.
    expect(row(t, "Founders").slice(8, 11)).toEqual(["", "", ""]);
    expect(row(t, "Investor A")[8]).toBe("CONVERTIBLES");
  });

  test("a pool target and investors without a header row; the pool row is found by name", () => {
    const t = f.pricedRoundFn([["Founders"], ["ESOP"]], [[8_000_000], [0]], 8_000_000, [["VC", 2_000_000]], 0.1, OMITTED, "NONE");
    expect(row(t, "VC")[4]).toBeCloseTo(0.2, 15);
    expect(row(t, "ESOP")[4]).toBeCloseTo(0.1, 15);
    expect(row(t, "Founders")[4]).toBeCloseTo(0.7, 15);
  });

  test('the pool is found by its usual names (the YC SAFE\'s "Unissued Option Pool", French names), and the result says which row', () => {
    const yc = [["Founders"], ["Options outstanding"], ["Promised options"], ["Unissued Option Pool"]];
    const t = f.pricedRoundFn(yc, shares, 15_000_000, investors, null, safes, null, null, 1_695_000);
    expect(row(t, "Unissued Option Pool").slice(1, 4)).toEqual([100_000, 1_695_000, 1_795_000]);
    expect(t.filter((r) => /pool/i.test(String(r[0])) && r[0] !== "Option pool increase" && r[0] !== "Option pool row")).toHaveLength(1);
    expect(row(t, "Option pool row").slice(0, 3)).toEqual(["Option pool row", "Unissued Option Pool", "recognised by its name"]);
    // The same figures as with the row called "Option pool".
    const reference = f.pricedRoundFn(holders, shares, 15_000_000, investors, null, safes, null, null, 1_695_000);
    expect(row(t, "Price per share")[1]).toBe(row(reference, "Price per share")[1]);
    for (const name of [
      "ESOP",
      "unissued  option-pool",
      "Employee Pool",
      "Stock option pool",
      "Pool d’options",
      "BSPCE",
      "Réserve d'options",
      "RESERVE D OPTIONS",
    ]) {
      const u = f.pricedRoundFn([["Founders"], [name]], [[8_000_000], [0]], 8_000_000, [["VC", 2_000_000]], 0.1, OMITTED, "NONE");
      expect(row(u, "Option pool row")[1]).toBe(name);
      expect(row(u, name)[4]).toBeCloseTo(0.1, 15);
    }
    const named = f.pricedRoundFn([["Founders"], ["Reserve"]], [[8_000_000], [0]], 8_000_000, [["VC", 2_000_000]], 0.1, OMITTED, "NONE", "reserve");
    expect(row(named, "Option pool row").slice(1, 3)).toEqual(["Reserve", "named by pool_row"]);
  });

  test("a pool target or increase with no pool row found is an error naming pool_row, never a second pool", () => {
    const noPool = [["Founders"], ["Options outstanding"], ["Reserve"]];
    const three = [[9_000_000], [500_000], [500_000]];
    for (const [target, increase] of [
      [0.1, null],
      [null, 100_000],
    ]) {
      const e = cellError(() => f.pricedRoundFn(noPool, three, 1e7, investors, target, OMITTED, null, null, increase));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/^pool_row is needed: no holder is named like the unissued option pool/);
    }
    // Without a top-up, no pool is needed: the result says so.
    expect(row(f.pricedRoundFn(noPool, three, 1e7, investors), "Option pool row")[1]).toBe("(none)");
    // Two rows that both look like the pool: no guess.
    expect(cellError(() => f.pricedRoundFn([["F"], ["ESOP"], ["Option pool"]], [[9], [1], [1]], 100, [["VC", 10]], 0.1)).message).toBe(
      'pool_row is needed: "ESOP" and "Option pool" both look like the unissued option pool; give pool_row the one to top up',
    );
  });

  test("a Cap basis column per instrument (keywords, French too); the basis used is shown in the result", () => {
    const notes = [
      ["Holder", "Type", "Amount", "Cap", "Cap basis"],
      ["Note 1", "NOTE", 1_000_000, 10_000_000, "existing"],
      ["Note 2", "NOTE", 1_000_000, 10_000_000, ""],
      ["SAFE 3", "PRE SAFE", 1_000_000, 10_000_000, "avec convertibles"],
    ];
    const t = f.pricedRoundFn(
      [["Founders"], ["ESOP"]],
      [[9_000_000], [1_000_000]],
      20_000_000,
      [["Lead", 5_000_000]],
      null,
      notes,
      "NONE",
      null,
      500_000,
    );
    expect(t[0][8]).toBe("Cap basis");
    expect(row(t, "Note 1")[8]).toBe("EXISTING");
    expect(row(t, "Note 2")[8]).toBe("POOL");
    expect(row(t, "SAFE 3")[8]).toBe("CONVERTIBLES");
    expect(row(t, "Note 1")[2]).toBeCloseTo(1_000_000, 6);
    expect(row(t, "Note 2")[2]).toBeCloseTo(1_050_000, 6);
    expect(row(t, "Founders")[8]).toBe("");
    expect(
      cellError(() =>
        f.pricedRoundFn([["F"]], [[1]], 10, [["L", 1]], null, [
          ["Holder", "Amount", "Cap", "Cap basis"],
          ["N", 1, 5, "whatever"],
        ]),
      ).message,
    ).toMatch(/^instruments: Cap basis of "N" must be one of "EXISTING", "POOL", "CONVERTIBLES", "ALL"/);
  });

  test("a note in the instruments table accrues its interest to the conversion date", () => {
    const notes = [
      ["Holder", "Type", "Amount", "Discount", "Interest rate", "Start date", "Conversion date"],
      ["Noteholder", "NOTE", 500_000, 0.2, 0.05, 45658, 46023],
    ];
    const t = f.pricedRoundFn([["Founders"]], [[10_000_000]], 10_000_000, [["Lead", 2_000_000]], null, notes, "NONE");
    // $525,000 converting at 80% of the round price: 525,000 / 0.8 / price shares.
    const price = row(t, "Price per share")[1] as number;
    expect(row(t, "Noteholder")[6]).toBeCloseTo(0.8 * price, 12);
    expect((row(t, "Noteholder")[2] as number) * (row(t, "Noteholder")[6] as number)).toBeCloseTo(525_000, 6);
    expect(
      cellError(() =>
        f.pricedRoundFn([["F"]], [[1]], 10, [["L", 1]], null, [
          ["Holder", "Amount", "Interest rate"],
          ["N", 1, 0.05],
        ]),
      ).message,
    ).toBe('instruments: "N" has an interest rate: give its Start date and Conversion date columns too');
  });

  test("a first investor row with a text amount is an error naming the row, never dropped as a header (issue 12)", () => {
    // Before: any text amount in the first row made it a header, and "VC" was silently left out of the round.
    for (const text of ["5,000,000", "n/a", "TBC"]) {
      expect(
        cellError(() =>
          f.pricedRoundFn(holders, shares, 1e7, [
            ["VC", text],
            ["Angel", 1_000_000],
          ]),
        ).message,
      ).toBe(`investors: amount of "VC" must be a number, got the text "${text}" (row 1) (a header row says "Amount" or "Investor")`);
    }
    // Below the first row too, with its row number.
    expect(
      cellError(() =>
        f.pricedRoundFn(holders, shares, 1e7, [
          ["Investor", "Amount"],
          ["VC", 1_000_000],
          ["Angel", "n/a"],
        ]),
      ).message,
    ).toBe('investors: amount of "Angel" must be a number, got the text "n/a" (row 3)');
  });

  test("a header row of the investors table is recognised by its words, English or French, with a unit", () => {
    const reference = f.pricedRoundFn(holders, shares, 1e7, [["VC", 2_000_000]]);
    for (const header of [
      ["Investor", "Amount"],
      ["Investor", "Amount (EUR)"],
      ["Name", "Investment"],
      ["Investisseur", "Montant (€)"],
      ["", "Investissement"],
      ["Investor", "New money in $"],
    ]) {
      const t = f.pricedRoundFn(holders, shares, 1e7, [header, ["VC", 2_000_000]]);
      expect(t).toEqual(reference);
    }
  });

  test("errors name the argument and the rule", () => {
    expect(cellError(() => f.pricedRoundFn(holders, shares, 0, investors)).message).toBe("pre_money must be greater than 0, got 0");
    expect(cellError(() => f.pricedRoundFn(holders, shares, 1e7, [["A", "lots"]])).message).toBe(
      'investors: amount of "A" must be a number, got the text "lots" (row 1) (a header row says "Amount" or "Investor")',
    );
    expect(cellError(() => f.pricedRoundFn(holders, shares, 1e7, investors, 0.1, OMITTED, null, null, 5)).message).toBe(
      "pool_increase must be empty when pool_target is given: give one or the other",
    );
    expect(
      cellError(() =>
        f.pricedRoundFn(holders, shares, 1e7, investors, null, [
          ["Holder", "Cap"],
          ["X", 1],
        ]),
      ).message,
    ).toBe('instruments must have a column "Amount" in its header row, found "Holder", "Cap"');
    expect(
      cellError(() =>
        f.pricedRoundFn(holders, shares, 1e7, investors, null, [
          ["Holder", "Amount", "Type"],
          ["X", 1, "BOND"],
        ]),
      ).message,
    ).toMatch(/^instruments: Type of "X" must be one of "POST_SAFE", "PRE_SAFE", "NOTE", got the text "BOND"/);
    expect(cellError(() => f.pricedRoundFn(holders, shares, 1e7, investors, null, OMITTED, null, "Nobody")).message).toBe(
      'pool_row must be one of the holders, got "Nobody"',
    );
  });
});

describe("CAPTABLE.SAFE and CAPTABLE.CONVERTNOTE", () => {
  test("SAFE: a two-column table, the term applied named", () => {
    const t = f.safeFn(200_000, 4_000_000, null, 1.1144, 11_764_705);
    expect(t[0]).toEqual(["", "SAFE"]);
    expect(row(t, "Shares")[1]).toBe(588_235);
    expect(row(t, "Converts at")[1]).toBe("CAP");
    expect(row(t, "Discount price")[1]).toBe("");
    expect(row(t, "Capitalization basis")[1]).toBe("INCLUDING this SAFE's shares");
  });

  test("SAFE: capitalization is the YC guide's Company Capitalization by default; EXCLUDING is an explicit choice", () => {
    // YC Post-Money Safe User Guide, Example 1, side by side: Company Capitalization 11,764,705; Investor A
    // ($200,000, $4M cap) 588,235 shares, Investor B ($800,000, $8M cap) 1,176,470 shares.
    expect(row(f.safeFn(200_000, 4_000_000, null, 1.1144, 11_764_705), "Shares")[1]).toBe(588_235);
    expect(row(f.safeFn(800_000, 8_000_000, null, 1.1144, 11_764_705), "Shares")[1]).toBe(1_176_470);
    const excluding = f.safeFn(200_000, 4_000_000, null, 1.1144, 11_176_470, null, null, "excluding");
    expect(row(excluding, "Shares")[1]).toBe(588_235);
    expect(row(excluding, "Capitalization basis")[1]).toBe("EXCLUDING this SAFE's shares");
    expect(row(f.safeFn(200_000, 4_000_000, null, 1.1144, 11_176_470, null, null, "hors ce SAFE"), "Shares")[1]).toBe(588_235);
    expect(row(f.safeFn(100_000, 8_000_000, null, 1, 10_000_000, "PRE"), "Capitalization basis")[1]).toBe("EXCLUDING this SAFE's shares");
    expect(cellError(() => f.safeFn(200_000, 4_000_000, null, 1.1144, 11_764_705, null, null, "maybe")).message).toMatch(
      /^capitalization_basis must be one of "INCLUDING", "EXCLUDING"/,
    );
  });

  test("NOTE: FundersClub's $25k note, cap applies: 10,000 shares; with 5% for a year the converting amount", () => {
    const t = f.convertNoteFn(25_000, 0, 45658, 46023, 5, 5_000_000, 0.2, 2_000_000);
    expect(row(t, "Shares")[1]).toBe(10_000);
    expect(row(t, "Converts at")[1]).toBe("CAP");
    const u = f.convertNoteFn(500_000, 0.05, 45658, 46023, 1, null, null, null, "act/365", "simple");
    expect(row(u, "Converting amount")[1]).toBe(525_000);
    expect(row(u, "Day count")[1]).toBe("ACT/365");
    expect(cellError(() => f.convertNoteFn(1, 0.05, 46023, 45658, 1)).message).toBe("conversion_date must not be before start_date");
    expect(cellError(() => f.convertNoteFn(1, 0.05, 45658, 46023, 1, null, null, null, "ACT/ACT")).message).toMatch(
      /^day_count must be one of "ACT\/365", "ACT\/360", "30\/360"/,
    );
  });

  test("SAFE and NOTE: the whole tables, the conversion rows alike (Shares to Round price)", () => {
    const capPrice = 0.34000001789473777; // 4,000,000 / (11,176,470 + 588,235), Company Capitalization including the SAFE
    expect(f.safeFn(200_000, 4_000_000, 0.2, 1.1144, 11_176_470, null, null, "EXCLUDING")).toEqual([
      ["", "SAFE"],
      ["Shares", 588_235],
      ["Conversion price", capPrice],
      ["Converts at", "CAP"],
      ["Cap price", capPrice],
      ["Discount price", 0.89152],
      ["Round price", 1.1144],
      ["Ownership of the capitalization", 0.049999978749998404],
      ["Capitalization basis", "EXCLUDING this SAFE's shares"],
      ["Share rounding", "DOWN"],
    ]);
    expect(f.convertNoteFn(25_000, 0, 45658, 46023, 5, 5_000_000, 0.2, 2_000_000)).toEqual([
      ["", "Note"],
      ["Years accrued", 1],
      ["Accrued interest", 0],
      ["Converting amount", 25_000],
      ["Shares", 10_000],
      ["Conversion price", 2.5],
      ["Converts at", "CAP"],
      ["Cap price", 2.5],
      ["Discount price", 4],
      ["Round price", 5],
      ["Day count", "ACT/365"],
      ["Interest", "SIMPLE"],
      ["Share rounding", "DOWN"],
    ]);
  });
});

describe("CAPTABLE.ANTIDILUTION", () => {
  test("Gust's broad-based example from a classes table", () => {
    const classes = [
      ["Class", "Shares", "Original issue price"],
      ["Common", 1_500_000, null],
      ["Series A", 2_500_000, 1],
      ["Series B", 2_000_000, 2],
      ["Options", 1_000_000, null],
    ];
    const t = f.antiDilutionFn(classes, 0.5, 2_000_000);
    expect(t[0][0]).toBe("Class");
    expect(row(t, "Series A")[5]).toBe(1.125);
    expect(row(t, "Series A")[7]).toBe(2_812_500);
    expect(row(t, "Series B")[7]).toBeCloseTo(2_400_000, 6);
    expect(row(t, "Common")[8]).toBe(false);
    expect(row(f.antiDilutionFn(classes, 0.5, 2_000_000, "full ratchet"), "Series A")[3]).toBe(0.5);
  });
});

describe("CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS", () => {
  const classes = [
    ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap"],
    ["Common", 10_000_000, null, null, null, null, null],
    ["Series A", 5_000_000, 5_000_000, 2, 1, "capped", 4],
  ];

  test("one exit value: a table per class with the decision", () => {
    const t = f.waterfallFn(classes, [[25_000_000]]);
    expect(t[0]).toEqual(["Class", "Shares", "Preference", "Participation", "Total", "Per share", "Multiple on invested", "Decision"]);
    expect(row(t, "Series A").slice(2, 7)).toEqual([10_000_000, 5_000_000, 15_000_000, 3, 3]);
    expect(row(t, "Series A")[7]).toBe("Preference + participation");
    expect(row(t, "Common")[4]).toBe(10_000_000);
    expect(row(t, "Proceeds to equity")[4]).toBe(25_000_000);
  });

  test("net debt and costs come first; payouts per holder", () => {
    const holdings = [
      ["Holder", "Class", "Shares"],
      ["Founder 1", "Common", 6_000_000],
      ["Founder 2", "Common", 4_000_000],
      ["Fund", "Series A", 5_000_000],
    ];
    const t = f.waterfallFn(classes, [[100_000_000]], 8_000_000, 2_000_000, holdings);
    expect(row(t, "Proceeds to equity")[4]).toBe(90_000_000);
    expect(row(t, "Series A")[7]).toBe("Converts");
    expect(row(t, "Founder 1")[4]).toBe(36_000_000);
    expect(row(t, "Fund")[4]).toBe(30_000_000);
  });

  test("several exit values: a sensitivity table, the converting classes in the last column", () => {
    const t = f.waterfallFn(classes, [[8_000_000], [50_000_000], [90_000_000]]);
    expect(t).toEqual([
      ["Exit value", "Proceeds to equity", "Common", "Series A", "Converts"],
      [8_000_000, 8_000_000, 0, 8_000_000, "None"],
      [50_000_000, 50_000_000, 30_000_000, 20_000_000, "None"],
      [90_000_000, 90_000_000, 60_000_000, 30_000_000, "Series A"],
    ]);
  });

  test("several exit values: Converts agrees with the one-exit Decision, lists every converting class, and keeps the columns before it in place", () => {
    const three = [
      ["Class", "Shares", "Invested", "Preference", "Seniority"],
      ["Common", 1_000_000, null, null, null],
      ["Seed", 500_000, 1_000_000, 1, 2],
      ["Series A", 500_000, 5_000_000, 1, 1],
      ["Pool", 100_000, null, null, null],
    ];
    const exits = [[5_000_000], [12_000_000], [30_000_000], [200_000_000]];
    const t = f.waterfallFn(three, exits);
    expect(t[0]).toEqual(["Exit value", "Proceeds to equity", "Common", "Seed", "Series A", "Pool", "Converts"]);
    for (const r of t) expect(r).toHaveLength(7);
    exits.forEach(([ev], k) => {
      const one = f.waterfallFn(three, [[ev]]);
      const converting = ["Seed", "Series A"].filter((name) => row(one, name)[7] === "Converts");
      expect(t[k + 1][6]).toBe(converting.length === 0 ? "None" : converting.join(", "));
      // The totals sit where the model sheets' INDEX reads them: column 2 proceeds, column i + 3 class i.
      expect(t[k + 1][1]).toBe(row(one, "Proceeds to equity")[4]);
      ["Common", "Seed", "Series A", "Pool"].forEach((name, i) => expect(t[k + 1][i + 2]).toBe(row(one, name)[4]));
    });
    expect(t[4][6]).toBe("Seed, Series A");
  });

  test("several exit values with holdings: one column per holder", () => {
    const holdings = [
      ["Holder", "Class", "Shares"],
      ["Founder 1", "Common", 6_000_000],
      ["Founder 2", "Common", 4_000_000],
      ["Fund", "Series A", 5_000_000],
    ];
    expect(f.waterfallFn(classes, [[8_000_000], [90_000_000]], null, null, holdings)).toEqual([
      ["Exit value", "Proceeds to equity", "Founder 1", "Founder 2", "Fund", "Converts"],
      [8_000_000, 8_000_000, 0, 0, 8_000_000, "None"],
      [90_000_000, 90_000_000, 36_000_000, 24_000_000, 30_000_000, "Series A"],
    ]);
  });

  test("breakpoints as exit values, after net debt", () => {
    const t = f.breakpointsFn(classes, 5_000_000);
    expect(t).toEqual([
      ["Exit value", "Proceeds to equity", "Residual per share", "Event"],
      [15_000_000, 10_000_000, 0, "Preference paid in full: Series A"],
      [45_000_000, 40_000_000, 2, "Series A participation cap reached"],
      [65_000_000, 60_000_000, 4, "Series A converts to common"],
    ]);
  });

  test("no preference multiple, no preference (invested capital only gives the multiple); errors name the table and the row", () => {
    const t = f.waterfallFn(
      [
        ["Class", "Shares", "Invested", "Preference"],
        ["Common", 1, null, null],
        ["Seed", 1, 10, null],
        ["A", 2, 10, 1],
      ],
      [[14]],
    );
    expect(row(t, "A")[4]).toBe(10);
    expect(row(t, "Seed")[4]).toBe(2);
    expect(row(t, "Seed")[6]).toBe(0.2);
    expect(row(t, "Common")[6]).toBe("");
    expect(
      cellError(() =>
        f.waterfallFn(
          [
            ["Class", "Shares"],
            ["A", "many"],
          ],
          [[1]],
        ),
      ).message,
    ).toBe('classes: Shares of "A" must be a number, got the text "many"');
    expect(cellError(() => f.waterfallFn([["Name"], ["A"]], [[1]])).message).toBe(
      'classes must have a column "Shares" in its header row, found "Name"',
    );
    expect(
      cellError(() =>
        f.waterfallFn(
          [
            ["Class", "Shares", "Seniority"],
            ["A", 1, 1.5],
          ],
          [[1]],
        ),
      ).message,
    ).toBe('classes: Seniority of "A" must be a whole number from 1 (most senior), got 1.5');
    expect(cellError(() => f.waterfallFn(classes, [[null]])).message).toBe("exit_value is required, got an empty cell");
  });
});

describe("CAPTABLE.FDSHARES and CAPTABLE.TENDER", () => {
  test("treasury stock method and the all-in count", () => {
    expect(f.fdSharesFn(10_000_000, [[1_000_000], [500_000]], [[2], [12]], 10)).toBe(10_800_000);
    expect(f.fdSharesFn(10_000_000, [[1_000_000], [500_000]], [[2], [12]], null, "ALL")).toBe(11_500_000);
    expect(cellError(() => f.fdSharesFn(1, [[1]], [[1], [2]], 1)).message).toBe("options and strikes must be ranges of the same size, got 1 and 2");
  });

  test("a tender at a discount to the round price", () => {
    const t = f.tenderFn([["Founder"], ["Angel"]], [[6_000_000], [1_000_000]], [["Founder"], ["Angel"]], [[200_000], [100_000]], "Series B", 1.6, 2);
    expect(t[0]).toEqual(["Holder", "Shares before", "% before", "Shares sold", "Shares bought", "Shares after", "% after", "Cash"]);
    expect(row(t, "Series B").slice(4, 8)).toEqual([300_000, 300_000, 300_000 / 7_000_000, -480_000]);
    expect(row(t, "Premium (+) / discount (-) to the round price")[1]).toBe(-0.2);
  });
});

describe("share counts typed as formulas (=20000000/price) are compared with a tolerance", () => {
  // Excel computes =20000000/price in doubles: the holdings add up to =33000000/price only within an ulp or so.
  const price = 1.1144;
  const classes = [
    ["Class", "Shares", "Invested", "Preference"],
    ["Series A", 33_000_000 / price, 33_000_000, 1],
    ["Common", 10_000_000, null, null],
  ];
  const holdings = [
    ["Holder", "Class", "Shares"],
    ["Fund 1", "Series A", 20_000_000 / price],
    ["Fund 2", "Series A", 10_000_000 / price],
    ["Angel", "Series A", 3_000_000 / price],
  ];

  test("the doubles do not add up exactly (the case this guards)", () => {
    const held = [20_000_000 / price, 10_000_000 / price, 3_000_000 / price].map((x) => new Decimal(x)).reduce((a, b) => a.plus(b));
    expect(held.gt(new Decimal(33_000_000 / price))).toBe(true);
  });

  test("CAPTABLE.WATERFALL accepts them and the holders share the class's payout exactly", () => {
    const t = f.waterfallFn(classes, [[50_000_000]], null, null, holdings);
    const fund1 = t.find((r) => r[0] === "Fund 1")!;
    const total = ["Fund 1", "Fund 2", "Angel"].reduce((s, h) => s + (t.find((r) => r[0] === h)![4] as number), 0);
    expect(total).toBeCloseTo(row(t, "Series A")[4] as number, 6);
    expect(fund1[4]).toBeCloseTo(((row(t, "Series A")[4] as number) * 20) / 33, 6);
  });

  test("a real excess is still refused", () => {
    const more = holdings.map((r, i) => (i === 3 ? ["Angel", "Series A", 3_000_000 / price + 1] : r));
    expect(cellError(() => f.waterfallFn(classes, [[50_000_000]], null, null, more)).message).toMatch(
      /^holdings of class "Series A" add up to .* shares, more than the class's/,
    );
  });

  test("CAPTABLE.TENDER: selling the whole holding in tranches sells exactly the holding", () => {
    const t = f.tenderFn(
      [["Fund"], ["Founder"]],
      [[33_000_000 / price], [10_000_000]],
      [["Fund"], ["Fund"], ["Fund"]],
      [[20_000_000 / price], [10_000_000 / price], [3_000_000 / price]],
      "Buyer",
      price,
    );
    expect(row(t, "Fund")[3]).toBe(33_000_000 / price);
    expect(row(t, "Fund")[5]).toBe(0);
    expect(row(t, "Buyer")[5]).toBe(33_000_000 / price);
  });

  test("CAPTABLE.TENDER still refuses selling more than the holding", () => {
    expect(cellError(() => f.tenderFn([["Fund"], ["Founder"]], [[100], [100]], [["Fund"]], [[100.001]], "Buyer", 1)).message).toBe(
      'shares sold by "Fund" must not exceed its holding of 100, got 100.001',
    );
  });

  test("property: holdings typed as quotients of doubles that add up to their class are always accepted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (amounts, p) => {
          const total = amounts.reduce((s, a) => s + a, 0);
          const cls = [
            ["Class", "Shares", "Invested", "Preference"],
            ["Series A", total / p, total, 1],
          ];
          const hs = [["Holder", "Class", "Shares"], ...amounts.map((a, i) => [`H${i}`, "Series A", a / p])];
          const t = f.waterfallFn(cls, [[total * 2]], null, null, hs);
          const paid = amounts.reduce((s, _, i) => s + (t.find((r) => r[0] === `H${i}`)![4] as number), 0);
          expect(Math.abs(paid - (row(t, "Series A")[4] as number))).toBeLessThanOrEqual(total * 2 * 1e-12);
          const sold = f.tenderFn(
            [["Fund"]],
            [[total / p]],
            amounts.map(() => ["Fund"]),
            amounts.map((a) => [a / p]),
            "Buyer",
            p,
          );
          expect(row(sold, "Fund")[5]).toBe(0);
        },
      ),
    );
  });
});

describe("hostile input never crashes, never returns NaN or Infinity", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("SAFE", "NOTE", "CAPPED", "FULL", "NONE", "Class", "Shares", "Amount", "Cap", "Invested", "Preference", "Strike"),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 5_000_000 }),
  );
  const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => {
    const w = rows[0].length;
    return rows.map((r) => (r.length >= w ? r.slice(0, w) : [...r, ...Array(w - r.length).fill(null)]));
  });
  const arg = fc.oneof(cell, range);

  function outcome(fn: () => unknown): void {
    let value: unknown;
    try {
      value = fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CustomFunctionsError);
      expect((e as CustomFunctionsError).message.length).toBeGreaterThan(5);
      return;
    }
    const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
    for (const v of cells) {
      expect(["number", "string", "boolean"]).toContain(typeof v);
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  }

  test("every venture function, random cells and ranges in every argument", () => {
    const calls: [string, (a: unknown[]) => unknown, number][] = [
      ["PRICEDROUND", (a) => (f.pricedRoundFn as (...x: unknown[]) => unknown)(...a), 9],
      ["SAFE", (a) => (f.safeFn as (...x: unknown[]) => unknown)(...a), 8],
      ["CONVERTNOTE", (a) => (f.convertNoteFn as (...x: unknown[]) => unknown)(...a), 11],
      ["ANTIDILUTION", (a) => (f.antiDilutionFn as (...x: unknown[]) => unknown)(...a), 5],
      ["WATERFALL", (a) => (f.waterfallFn as (...x: unknown[]) => unknown)(...a), 6],
      ["BREAKPOINTS", (a) => (f.breakpointsFn as (...x: unknown[]) => unknown)(...a), 4],
      ["FDSHARES", (a) => (f.fdSharesFn as (...x: unknown[]) => unknown)(...a), 5],
      ["TENDER", (a) => (f.tenderFn as (...x: unknown[]) => unknown)(...a), 7],
    ];
    for (const [, call, arity] of calls) {
      fc.assert(
        fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => outcome(() => call(args))),
        { numRuns: 300 },
      );
    }
  });

  test("a well-formed waterfall with hostile numbers in its cells", () => {
    const num = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -10, max: 1e9 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(num, num, num, num, num), { minLength: 1, maxLength: 5 }), num, (rows, ev) => {
        const table = [["Class", "Shares", "Invested", "Preference", "Cap"], ...rows.map((r, i) => [`C${i}`, ...r])];
        outcome(() => f.waterfallFn(table, [[ev]]));
        outcome(() => f.breakpointsFn(table));
      }),
      { numRuns: 300 },
    );
  });
});
