/**
 * No row is skipped silently (issue 13): WATERFALL and BREAKPOINTS skip the rows and cells they read
 * as empty (blank, or 0 as some Excel builds send an empty cell), and say so in a last row naming how
 * many and which. Before, trailing 0 exit values and all-blank/0 class or holding rows vanished
 * without a word. Generated: the tables, where the empty rows sit, blank or 0.
 */
import fc from "fast-check";
import * as f from "../../src/functions/functions";
import { ignoredNote } from "../../src/functions/venture";

const empty = fc.constantFrom<null | "" | 0>(null, "", 0);
const lastRow = (t: unknown[][]) => t[t.length - 1];
const noteOf = (t: unknown[][]) => String(lastRow(t)[0]);
const isNote = (t: unknown[][]) => noteOf(t).startsWith("Ignored as empty");

describe("rows and cells read as empty are shown, never dropped silently", () => {
  test("WATERFALL and BREAKPOINTS: empty class rows anywhere are counted and numbered", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), empty, empty), { maxLength: 4 }),
        (shares, blanks) => {
          const rows: unknown[][] = shares.map((n, i) => [`Class ${i + 1}`, n]);
          for (const [at, a, b] of blanks) rows.splice(at % (rows.length + 1), 0, [a, b]);
          const classes = [["Class", "Shares"], ...rows];
          const emptyRows = classes.flatMap((r, i) => (i > 0 && typeof r[0] !== "string" ? [i + 1] : r[0] === "" ? [i + 1] : []));
          for (const t of [f.waterfallFn(classes, [[1000]]) as unknown[][], f.breakpointsFn(classes) as unknown[][]]) {
            expect(isNote(t)).toBe(emptyRows.length > 0);
            if (emptyRows.length > 0)
              expect(noteOf(t)).toContain(`${emptyRows.length} ${emptyRows.length === 1 ? "row" : "rows"} of classes (number`);
            if (emptyRows.length > 0) expect(noteOf(t)).toContain(emptyRows.slice(0, 5).join(", "));
          }
        },
      ),
    );
  });

  test("WATERFALL: exit values left out (trailing 0s, blanks anywhere) are counted, in both layouts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 3 }),
        fc.array(empty, { maxLength: 3 }),
        (values, trailing) => {
          const classes = [
            ["Class", "Shares", "Invested", "Preference"],
            ["Preferred", 100, 1000, 1],
            ["Common", 900, 0, 0],
          ];
          const cells = [...values, ...trailing].map((v) => [v]);
          const t = f.waterfallFn(classes, cells) as unknown[][];
          expect(isNote(t)).toBe(trailing.length > 0);
          if (trailing.length > 0) expect(noteOf(t)).toContain(`${trailing.length} ${trailing.length === 1 ? "cell" : "cells"} of exit_value`);
          // Every exit value given is there.
          if (values.length > 1) expect(t.slice(1, 1 + values.length).map((r) => r[0])).toEqual(values);
        },
      ),
    );
  });

  test("WATERFALL holdings: an empty holding row is counted", () => {
    const t = f.waterfallFn(
      [
        ["Class", "Shares"],
        ["Common", 100],
      ],
      [[1000]],
      null,
      null,
      [
        ["Holder", "Class", "Shares"],
        ["Ann", "Common", 60],
        [0, 0, 0],
        ["Bob", "Common", 40],
      ],
    ) as unknown[][];
    expect(noteOf(t)).toBe("Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 row of holdings (number 3)");
  });

  test("the note: nothing when nothing was skipped; at most five numbers listed", () => {
    expect(ignoredNote([{ unit: "row", of: "classes", at: [] }])).toBeUndefined();
    expect(ignoredNote([{ unit: "row", of: "classes", at: [2, 3, 4, 5, 6, 7] }])).toBe(
      "Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 6 rows of classes (numbers 2, 3, 4, 5, 6, …)",
    );
  });
});

/**
 * Every table function, one way (`withIgnoredNote`, src/functions/tables.ts): each table or list
 * argument with an empty row (blank, or 0) inserted anywhere, trailing rows included as WATERFALL
 * counts them, gives the result without that row plus one last row naming it; without one, no note.
 */
describe("every table function notes its skipped rows as WATERFALL does", () => {
  type Call = {
    name: string;
    of: string;
    unit: "row" | "cell";
    call: (insertAt: (rows: unknown[][], blank: unknown[]) => unknown[][]) => unknown[][];
  };
  const same = (rows: unknown[][]) => rows;
  /** Where `pairAt` last put the empty row (0-based in the list it was given). */
  let inserted = -1;
  const pairAt =
    (at: number) =>
    (rows: unknown[][], blank: unknown[]): unknown[][] => {
      const out = [...rows];
      inserted = Math.min(at, out.length);
      out.splice(inserted, 0, blank);
      return out;
    };
  // Two parallel vectors (holders and shares, sellers and shares_sold, flows and dates): insert into both.
  const both = (a: unknown[][], b: unknown[][], insert: (rows: unknown[][], blank: unknown[]) => unknown[][], x: unknown, y: unknown) => [
    insert(a, [x]),
    insert(b, [y]),
  ];
  const holders = [["Founders"], ["Option pool"], ["Angel"]];
  const shares = [[8_000_000], [1_000_000], [1_000_000]];

  const calls = (x: unknown, y: unknown): Call[] => [
    {
      name: "SECONDARY",
      of: "holders",
      unit: "row",
      call: (ins) => {
        const [h, s] = both(holders, shares, ins, x, y);
        return f.secondaryFn(h, s, "Founders", "Angel", 10);
      },
    },
    {
      name: "PRIMARY",
      of: "holders",
      unit: "row",
      call: (ins) => {
        const [h, s] = both(holders, shares, ins, x, y);
        return f.primaryFn(h, s, "New", 1_000_000, 10_000_000);
      },
    },
    {
      name: "TENDER holders",
      of: "holders",
      unit: "row",
      call: (ins) => {
        const [h, s] = both(holders, shares, ins, x, y);
        return f.tenderFn(h, s, [["Angel"], ["Founders"]], [[100], [200]], "Buyer", 2);
      },
    },
    {
      name: "TENDER sellers",
      of: "sellers",
      unit: "cell",
      call: (ins) => {
        const [n, c] = both([["Angel"], ["Founders"]], [[100], [200]], ins, x, y);
        return f.tenderFn(holders, shares, n, c, "Buyer", 2);
      },
    },
    {
      name: "PRICEDROUND holders",
      of: "holders",
      unit: "row",
      call: (ins) => {
        const [h, s] = both(holders, shares, ins, x, y);
        return f.pricedRoundFn(h, s, 20_000_000, [
          ["Investor", "Amount"],
          ["Fund", 5_000_000],
        ]);
      },
    },
    {
      name: "PRICEDROUND investors",
      of: "investors",
      unit: "row",
      call: (ins) =>
        f.pricedRoundFn(holders, shares, 20_000_000, [
          ["Investor", "Amount"],
          ...ins(
            [
              ["Fund", 5_000_000],
              ["Angel", 100_000],
            ],
            [x, y],
          ),
        ]),
    },
    {
      name: "PRICEDROUND instruments",
      of: "instruments",
      unit: "row",
      call: (ins) =>
        f.pricedRoundFn(holders, shares, 20_000_000, [["Fund", 5_000_000]], undefined, [
          ["Holder", "Type", "Amount", "Cap"],
          ...ins(
            [
              ["Safe 1", "SAFE", 500_000, 10_000_000],
              ["Safe 2", "SAFE", 200_000, 12_000_000],
            ],
            [x, y, x, y],
          ),
        ]),
    },
    {
      name: "PRICEDROUND antidilution",
      of: "antidilution",
      unit: "row",
      call: (ins) =>
        f.pricedRoundFn(
          holders,
          shares,
          20_000_000,
          [["Fund", 5_000_000]],
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          [["Class", "Shares", "Original issue price"], ...ins([["Angel", 1_000_000, 3]], [x, y, x])],
        ),
    },
    {
      name: "PRICEDROUND option_rows",
      of: "option_rows",
      unit: "cell",
      call: (ins) =>
        f.pricedRoundFn(
          holders,
          shares,
          20_000_000,
          [["Fund", 5_000_000]],
          0.1,
          undefined,
          undefined,
          undefined,
          undefined,
          "TOTAL",
          ins([["Angel"]], [x]),
        ),
    },
    {
      name: "ANTIDILUTION",
      of: "classes",
      unit: "row",
      call: (ins) =>
        f.antiDilutionFn(
          [
            ["Class", "Shares", "Original issue price"],
            ...ins(
              [
                ["Common", 1_500_000, null],
                ["Series A", 2_500_000, 1],
              ],
              [x, y, x],
            ),
          ],
          0.5,
          2_000_000,
        ),
    },
    {
      name: "PRICESPLIT",
      of: "holdings",
      unit: "row",
      call: (ins) =>
        f.priceSplitFn(500, [
          ["Holder", "Shares", "Loans"],
          ...ins(
            [
              ["A", 50, 150],
              ["B", 50, 50],
            ],
            [x, y, y],
          ),
        ]),
    },
    {
      name: "SOURCESUSES uses",
      of: "uses",
      unit: "row",
      call: (ins) =>
        f.sourcesUsesFn([
          ["Use", "Amount"],
          ...ins(
            [
              ["Price", 100],
              ["Fees", 3],
            ],
            [x, y],
          ),
        ]),
    },
    {
      name: "COMPSTATS",
      of: "comps",
      unit: "row",
      call: (ins) =>
        f.compStatsFn([
          ["Deal", "EV", "EBITDA"],
          ...ins(
            [
              ["A", 860, 40],
              ["B", 764, 26],
            ],
            [x, y, y],
          ),
        ]),
    },
  ];

  test("one empty row anywhere: the same rows, and a last row naming it", () => {
    fc.assert(
      fc.property(empty, empty, fc.nat({ max: 3 }), fc.nat({ max: 12 }), (x, y, at, which) => {
        const c = calls(x, y)[which % calls(x, y).length];
        const plain = c.call(same);
        expect(isNote(plain)).toBe(false);
        const t = c.call(pairAt(at));
        // Where the empty row sits, 1-based as the reader's messages number it (a header table's header is row 1).
        const header = ["holders", "sellers", "option_rows"].includes(c.of) ? 0 : 1;
        const position = inserted + 1 + header;
        expect(noteOf(t)).toBe(`Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 ${c.unit} of ${c.of} (number ${position})`);
        expect(t.slice(0, -1).map((r) => r.slice(0, plain[0].length))).toEqual(plain);
        expect(t.every((r) => r.length === t[0].length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("DEALRETURNS and IRRGRID: the empty pairs at the end of the flows are named", () => {
    const flows = [[-100], [5], [130], [null], [0]];
    const dates = [[43831], [44196], [44926], [null], [0]];
    const t = f.dealReturnsFn(flows, dates) as unknown[][];
    expect(noteOf(t)).toBe("Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 2 cells of flows and dates (numbers 4, 5)");
    expect(t.slice(0, -1)).toEqual(f.dealReturnsFn(flows.slice(0, 3), dates.slice(0, 3)));
    const g = f.irrGridFn([[800], [860]], [[18, 20]], 200, 50, 150, 45748, 47574, [[10], [null]], [[46000], [null]]) as unknown[][];
    expect(noteOf(g)).toBe(
      "Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 cell of interim_flows and interim_dates (number 2)",
    );
    expect(isNote(f.irrGridFn([[800], [860]], [[18, 20]], 200, 50, 150, 45748, 47574, [[10]], [[46000]]) as unknown[][])).toBe(false);
  });
});

test("PRICEDROUND option_rows: a cell after a blank one is named by its place in the range", () => {
  const call = () =>
    f.pricedRoundFn(
      [["Founders"], ["Option pool"], ["Angel"]],
      [[8e6], [1e6], [1e6]],
      2e7,
      [["Fund", 5e6]],
      0.1,
      undefined,
      undefined,
      undefined,
      undefined,
      "TOTAL",
      [[null], [true]],
    );
  expect(call).toThrow("option_rows (cell 2) must be a text, got the logical value TRUE");
});
