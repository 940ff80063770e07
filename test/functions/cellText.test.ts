/**
 * Every text a function returns fits a cell (issue 13, item 11): at most 32,767 characters, Excel's
 * limit ("Excel specifications and limits"), and a text cut to fit says so ("… (truncated)"), cut on
 * a whole character. Results that name holders or classes grow with the names: BREAKPOINTS' events,
 * PRICEDROUND's "CAP (MFN: <holder>)". Generated names, lengths and characters.
 */
import fc from "fast-check";
import * as f from "../../src/functions/functions";
import { MAX_CELL_TEXT, TRUNCATED_MARK, cellText, withinCellLimits } from "../../src/functions/excel";

const texts = (result: unknown): string[] => (Array.isArray(result) ? result.flat().filter((c): c is string => typeof c === "string") : []);
/** A long name: a repeated letter, maybe ending in a character beyond U+FFFF (two code units). */
const longName = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom("A", "é", "😀"), fc.constantFrom("X", "ß"))
    .map(([n, tail, first]) => first + "x".repeat(n) + tail);

function expectWithinLimits(result: unknown, name: string): void {
  const all = texts(result);
  for (const t of all) {
    expect(t.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(/[\uD800-\uDFFF]/u.test(t)).toBe(false);
  }
  // Cut texts say so, and the name is never silently cut: either whole, or with the mark.
  const mentioning = all.filter((t) => t.includes(name.slice(0, 50)));
  expect(mentioning.length).toBeGreaterThan(0);
  for (const t of mentioning) expect(t.includes(name) || t.endsWith(TRUNCATED_MARK)).toBe(true);
  expect(all.some((t) => t.endsWith(TRUNCATED_MARK))).toBe(true);
}

describe("result texts within a cell's 32,767 characters", () => {
  test("cellText: unchanged up to the limit, cut with the mark beyond, on a whole character", () => {
    // Long texts compared by equality, so a failure does not print 32,767 characters.
    expect(cellText("x".repeat(MAX_CELL_TEXT)) === "x".repeat(MAX_CELL_TEXT)).toBe(true);
    const cut = cellText("x".repeat(MAX_CELL_TEXT - TRUNCATED_MARK.length - 1) + "😀".repeat(10));
    expect(cut === "x".repeat(MAX_CELL_TEXT - TRUNCATED_MARK.length - 1) + TRUNCATED_MARK).toBe(true);
    expect(withinCellLimits([[1, "y".repeat(40_000)]])[0][1]).toHaveLength(MAX_CELL_TEXT);
    expect(withinCellLimits("z".repeat(40_000))).toHaveLength(MAX_CELL_TEXT);
  });

  test("BREAKPOINTS: an event naming a class of any length fits", () => {
    fc.assert(
      fc.property(longName(32_770, 33_000), (name) => {
        const t = f.breakpointsFn([
          ["Class", "Shares", "Invested", "Preference", "Seniority"],
          [name, 100, 1000, 1, 1],
          ["Common", 1000, 0, 0, 2],
        ]);
        expectWithinLimits(t, name);
      }),
      { numRuns: 10 },
    );
  });

  test("PRICEDROUND: CAP (MFN: <holder>) fits", () => {
    fc.assert(
      fc.property(longName(32_770, 33_000), (name) => {
        const t = f.pricedRoundFn([["Founders"], ["Option pool"]], [[9e6], [1e6]], 1e7, [["VC", 1e6]], null, [
          ["Holder", "Amount", "Cap", "MFN"],
          // MFN: the Angel takes the best terms among the instruments listed after it (the cap of the long-named one).
          ["Angel", 1e5, null, "YES"],
          [name, 1e5, 5e6, "NO"],
        ]);
        expect(texts(t).filter((c) => c.startsWith(`CAP (MFN: ${name.slice(0, 20)}`)).length).toBe(1);
        expectWithinLimits(t, name);
      }),
      { numRuns: 10 },
    );
  });
});
