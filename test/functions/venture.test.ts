/**
 * The venture custom functions called as Excel calls them: ranges as 2-D arrays with header rows,
 * null for omitted optionals, errors as CustomFunctions.Error with a message naming the argument.
 */
import fc from "fast-check";
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
      "Pro rata check",
      "Conversion price",
      "Converts at",
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

  test("a pool target and investors without a header row; the pool row is found by name", () => {
    const t = f.pricedRoundFn([["Founders"], ["ESOP"]], [[8_000_000], [0]], 8_000_000, [["VC", 2_000_000]], 0.1, OMITTED, "NONE");
    expect(row(t, "VC")[4]).toBeCloseTo(0.2, 15);
    expect(row(t, "ESOP")[4]).toBeCloseTo(0.1, 15);
    expect(row(t, "Founders")[4]).toBeCloseTo(0.7, 15);
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

  test("errors name the argument and the rule", () => {
    expect(cellError(() => f.pricedRoundFn(holders, shares, 0, investors)).message).toBe("pre_money must be greater than 0, got 0");
    expect(cellError(() => f.pricedRoundFn(holders, shares, 1e7, [["A", "lots"]])).message).toBe(
      'investors: amount of "A" must be a number, got the text "lots"',
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
    const t = f.safeFn(200_000, 4_000_000, null, 1.1144, 11_176_470);
    expect(t[0]).toEqual(["", "SAFE"]);
    expect(row(t, "Shares")[1]).toBe(588_235);
    expect(row(t, "Converts at")[1]).toBe("CAP");
    expect(row(t, "Discount price")[1]).toBe("");
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
    expect(f.safeFn(200_000, 4_000_000, 0.2, 1.1144, 11_176_470)).toEqual([
      ["", "SAFE"],
      ["Shares", 588_235],
      ["Conversion price", capPrice],
      ["Converts at", "CAP"],
      ["Cap price", capPrice],
      ["Discount price", 0.89152],
      ["Round price", 1.1144],
      ["Ownership of the capitalization", 0.049999978749998404],
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
      ["SAFE", (a) => (f.safeFn as (...x: unknown[]) => unknown)(...a), 7],
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
