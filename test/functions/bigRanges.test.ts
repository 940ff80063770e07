/**
 * Ranges of a size users reach (issue 13, item 5): a spread argument puts one value per element on
 * the call stack, so `Math.max(...rows)` over 130,000 rows threw "Maximum call stack size exceeded".
 * The venture functions return their whole table for 130,000 to 150,000 rows, from the sources and
 * from the built bundle (dist/, as Excel loads it). The lint rule in eslint.config.mjs keeps spread
 * arguments out of src/. Results are asserted, never durations.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import * as f from "../../src/functions/functions";
import { createCustomFunctionsStub } from "../support/customFunctionsRuntime";

jest.setTimeout(300_000); // a busy machine: 130,000 rows through a vm take seconds (results are asserted, never durations)

type Call = (id: string, ...args: unknown[]) => unknown;

const direct: Call = (id, ...args) => {
  const byId: Record<string, (...a: any[]) => unknown> = { TENDER: f.tenderFn, PRICEDROUND: f.pricedRoundFn, WATERFALL: f.waterfallFn };
  return byId[id](...args);
};

function bundled(): Call {
  const dist = path.resolve(__dirname, "../../dist");
  const stub = createCustomFunctionsStub();
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), vm.createContext({ CustomFunctions: stub, console }), {
    filename: "functions.js",
  });
  return (id, ...args) => stub.registry.get(id)!(...args);
}

const column = <T>(n: number, cell: (i: number) => T): T[][] => Array.from({ length: n }, (_, i) => [cell(i)]);
const rowOf = (t: unknown, label: string): unknown[] => (t as unknown[][]).find((r) => r[0] === label)!;

function bigRanges(call: () => Call): void {
  test("TENDER with 130,000 holders", () => {
    const n = 130_000;
    const t = call()(
      "TENDER",
      column(n, (i) => `Holder ${i + 1}`),
      column(n, () => 1_000),
      [["Holder 2"], ["Holder 130000"]],
      [[100], [1_000]],
      "Buyer",
      1.5,
      2,
    ) as unknown[][];
    expect(t.length).toBe(1 + n + 1 + 3);
    expect(t[1]).toEqual(["Holder 1", 1_000, 1 / n, 0, 0, 1_000, 1 / n, 0]);
    expect(rowOf(t, "Holder 2").slice(3, 6)).toEqual([100, 0, 900]);
    expect(rowOf(t, "Holder 130000").slice(3, 6)).toEqual([1_000, 0, 0]);
    expect(rowOf(t, "Buyer").slice(4, 8)).toEqual([1_100, 1_100, 1_100 / (n * 1_000), -1_650]);
    expect(rowOf(t, "Shares moved")[1]).toBe(1_100);
    expect(t.every((r) => r.length === 8)).toBe(true);
  });

  test("PRICEDROUND with 150,000 holders", () => {
    const n = 150_000;
    const t = call()(
      "PRICEDROUND",
      column(n, (i) => `Holder ${i + 1}`),
      column(n, () => 1_000),
      n * 1_000,
      [
        ["Investor", "Amount"],
        ["Lead", 1_500_000],
      ],
    ) as unknown[][];
    expect(t.length).toBe(1 + n + 1 + 12);
    expect(rowOf(t, "Holder 150000").slice(0, 4)).toEqual(["Holder 150000", 1_000, 0, 1_000]);
    expect(rowOf(t, "Lead").slice(1, 4)).toEqual([0, 1_500_000, 1_500_000]);
    expect(rowOf(t, "Price per share")[1]).toBe(1);
    expect(rowOf(t, "Post-money fully diluted shares")[1]).toBe(n * 1_000 + 1_500_000);
    expect(t.every((r) => r.length === 11)).toBe(true);
  });

  test("WATERFALL with 130,000 classes", () => {
    const n = 130_000;
    const classes = [
      ["Class", "Shares", "Invested", "Preference"],
      ["Series A", 1_000, 5_000, 1],
      ...column(n, (i) => `Common ${i + 1}`).map(([c]) => [c, 1_000, null, null]),
    ];
    const t = call()("WATERFALL", classes, [[5_000 + n * 1_000 * 2]]) as unknown[][];
    expect(t.length).toBe(1 + n + 1 + 3);
    expect(rowOf(t, "Series A").slice(2, 8)).toEqual([5_000, 0, 5_000, 5, 1, "Preference"]);
    expect(rowOf(t, "Common 130000").slice(2, 8)).toEqual([0, 2_000, 2_000, 2, "", "Common"]);
    expect(rowOf(t, "Proceeds to equity")[4]).toBe(5_000 + n * 2_000);
    expect(t.every((r) => r.length === 8)).toBe(true);
  });
}

describe("big ranges, from the sources", () => bigRanges(() => direct));

describe("big ranges, through the built bundle", () => {
  let bundle: Call | undefined;
  bigRanges(() => (bundle ??= bundled()));
});

/**
 * PRICEDROUND's option_rows (pool_basis "TOTAL") looked each name up by scanning every holder: 20,000
 * option rows among 40,000 holders made 800 million key comparisons (minutes). Now one lookup each.
 * The result is asserted: the whole pool counts every option row named.
 */
test("PRICEDROUND: 20,000 option_rows among 40,000 holders", () => {
  const n = 20_000;
  const holders = [...column(2 * n, (i) => (i % 2 === 0 ? `Employee ${i / 2 + 1}` : `Founder ${(i - 1) / 2 + 1}`)), ["Option pool"]];
  const shares = [...column(2 * n, () => 100), [100_000]];
  const options = column(n, (i) => `employee ${n - i}`); // another case and order: matched by key
  const t = f.pricedRoundFn(
    holders,
    shares,
    50_000_000,
    [["Fund", 10_000_000]],
    0.2,
    undefined,
    undefined,
    undefined,
    undefined,
    "TOTAL",
    options,
  ) as unknown[][];
  // Whole pool before: 20,000 x 100 options + 100,000 unissued = 2,100,000 of 4,100,000, above 20%: no top-up.
  // The new money buys 10,000,000 / (50,000,000 / 4,100,000) = 820,000 shares: the whole pool is 2,100,000 / 4,920,000 after.
  expect(rowOf(t, "Pool after the round (% of post-money)")[1]).toBeCloseTo(2_100_000 / 4_920_000, 12);
  expect(rowOf(t, "Pool target basis")[1]).toBe("Whole pool (granted, promised and unissued)");
});
