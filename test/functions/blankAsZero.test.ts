/**
 * Empty cells sent as 0. Some Excel builds pass an empty cell to an `any` parameter as the number 0
 * instead of null (office-js #4702, #5262; frozen builds such as Office LTSC keep doing it). The
 * functions must then give the same result as with null: every call below is made twice, once as
 * the web and current builds send blanks (null) and once as those builds do (0), and compared.
 */
import * as f from "../../src/functions/functions";
import { isBlankCell, isBlankRow, withoutTrailingBlanks } from "../../src/functions/cells";
import { cellError } from "../support/customFunctionsRuntime";

/** An empty cell given where a range may be (null here, 0 once zeroed). */
const EMPTY = null as unknown as unknown[][];

/** The same arguments as an Excel build that sends empty cells as 0 would pass them. */
const asZeros = (v: unknown): unknown => (Array.isArray(v) ? v.map(asZeros) : v === null ? 0 : v);

function sameWithZeros<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): unknown {
  const withNulls = fn(...args);
  expect(fn(...(args.map(asZeros) as A))).toEqual(withNulls);
  return withNulls;
}

describe("the blank rule (cells.ts)", () => {
  test("0 is blank in names, keywords and numbers that must be above 0; a value elsewhere", () => {
    expect(isBlankCell(0, "name")).toBe(true);
    expect(isBlankCell(0, "keyword")).toBe(true);
    expect(isBlankCell(0, "positive")).toBe(true);
    expect(isBlankCell(0, "number")).toBe(false);
    expect(isBlankCell(null, "number")).toBe(true);
    expect(isBlankCell("0", "name")).toBe(false); // a text "0" is what the user typed
    expect(isBlankRow([0, null, ""])).toBe(true);
    expect(isBlankRow([0, 5])).toBe(false);
  });
});

describe("trailing blank rows of a range (holders and shares)", () => {
  test("OWNERSHIP-style cap tables: SECONDARY, PRIMARY, PRICEDROUND, TENDER ignore them", () => {
    const holders = [["A"], ["B"], [null], [null]];
    const shares = [[60], [40], [null], [null]];
    const t = sameWithZeros(f.secondaryFn, holders, shares, "A", "B", 10) as unknown[][];
    expect(t.some((r) => r[0] === "0")).toBe(false);
    sameWithZeros(f.primaryFn, holders, shares, "C", 100, 1000, null);
    sameWithZeros(f.tenderFn, holders, shares, [["A"], [null]], [[10], [null]], "C", 2, null);
    sameWithZeros(f.fdSharesFn, 100, [[10], [null]], [[1], [null]], 2, null);
    sameWithZeros(f.fdSharesFn, 100, EMPTY, EMPTY, 2, null);
  });

  test("a blank row in the middle is skipped too (as it is with null)", () => {
    sameWithZeros(f.secondaryFn, [["A"], [null], ["B"]], [[60], [null], [40]], "A", "B", 10);
  });

  test("a holder with shares but no name is still refused", () => {
    expect(cellError(() => f.secondaryFn([["A"], [0]], [[60], [40]], "A", "B", 10)).message).toBe(
      "holders must not be empty where shares are given (row 2)",
    );
  });
});

describe("header tables: blank names, keywords, caps and dates", () => {
  const classes = [
    ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap"],
    ["Common", 10_000_000, null, null, null, null, null],
    ["Series A", 5_000_000, 5_000_000, 1, 1, null, null],
    [null, null, null, null, null, null, null],
  ];

  test("WATERFALL and BREAKPOINTS: a blank Participation or Cap is none, a blank row is no class", () => {
    const t = sameWithZeros(f.waterfallFn, classes, [[8_000_000], [90_000_000], [null]], null, null, EMPTY, null) as unknown[][];
    expect(t.length).toBeGreaterThan(1);
    sameWithZeros(f.breakpointsFn, classes, null, null, null);
  });

  test("exit values: blank cells at the end are dropped, a 0 inside or alone stays an exit value", () => {
    expect(withoutTrailingBlanks([8, 0, 90, 0, null, 0])).toEqual([8, 0, 90]);
    expect(withoutTrailingBlanks([0])).toEqual([0]);
    expect(withoutTrailingBlanks([null, null])).toEqual([null, null]);
    const t = f.waterfallFn(classes, [[0], [90_000_000], [0]]);
    expect(t.length).toBe(f.waterfallFn(classes, [[0], [90_000_000]]).length);
  });

  test("PRICEDROUND instruments: blank Type, Cap, Discount, MFN, rate, dates and day count read as blanks", () => {
    const holders = [["Founders"], ["Option pool"], [null]];
    const shares = [[9_250_000], [750_000], [null]];
    const investors = [
      ["Investor", "Amount"],
      ["Series A", 5_000_000],
      [null, null],
    ];
    const instruments = [
      ["Holder", "Type", "Amount", "Cap", "Discount", "MFN", "Interest rate", "Start date", "Conversion date", "Day count"],
      ["Investor A", null, 200_000, 4_000_000, null, null, null, null, null, null],
      ["Investor B", "SAFE", 800_000, null, 0.2, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
    ];
    sameWithZeros(f.pricedRoundFn, holders, shares, 15_000_000, investors, null, instruments, null, "Option pool", null);
    // The instruments argument pointing at one empty cell.
    sameWithZeros(f.pricedRoundFn, holders, shares, 15_000_000, investors, null, EMPTY, null, null, null);
  });

  test("a note with a rate but blank dates is refused, not computed from day 0", () => {
    const instruments = [
      ["Holder", "Type", "Amount", "Interest rate", "Start date", "Conversion date"],
      ["Lender", "NOTE", 100_000, 0.08, 0, 0],
    ];
    expect(cellError(() => f.pricedRoundFn([["F"]], [[1_000_000]], 10_000_000, [["I", 1_000_000]], null, instruments)).message).toMatch(
      /"Lender" has an interest rate: give its Start date and Conversion date columns too/,
    );
  });
});

describe("scalar arguments pointing at empty cells", () => {
  test("SAFE and CONVERTNOTE: an empty cap is no cap, empty keywords take their default", () => {
    sameWithZeros(f.safeFn, 200_000, null, 0.2, 1.1144, 11_176_470, null, null);
    sameWithZeros(f.convertNoteFn, 100_000, 0.08, 45_658, 46_023, 1.2, null, 0.2, 10_000_000, null, null, null);
  });

  test("a required name left empty says so", () => {
    expect(cellError(() => f.secondaryFn([["A"], ["B"]], [[60], [40]], 0, "B", 10)).message).toBe("seller is required, got an empty cell");
  });
});
