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
