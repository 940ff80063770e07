/**
 * The Excel side of the boundary: engine results become cell values, engine errors become
 * `CustomFunctions.Error` with a message the user reads in the cell's error tooltip.
 */
import { Decimal, EngineError, cutText, isEngineError } from "../engine";

/** What a cell can show: a number, a text, or a boolean. */
export type CellOutput = number | string | boolean;

/**
 * Excel's error codes as the custom-functions runtime names them (`CustomFunctions.ErrorCode`).
 * Excel shows a custom message only with #VALUE! and #N/A (a #NUM! from a custom function carries
 * no message: see the CustomFunctions.ErrorCode reference). Our errors always explain themselves,
 * so an engine error of kind "num" (valid inputs, no computable result) is shown as #VALUE! with
 * its message rather than a bare #NUM!.
 */
const ERROR_CODE = {
  value: "#VALUE!",
  num: "#VALUE!",
  na: "#N/A",
} as const;

/** Converts an exact result to the double a cell holds; a result beyond a double's range is an error, never Infinity. */
export function toCell(value: Decimal, what = "the result"): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw new EngineError("num", `${what} is too large for a cell (${value.toSignificantDigits(6).toString()})`);
  return n === 0 ? 0 : n; // never -0
}

/**
 * The most characters a cell holds: 32,767 (Microsoft, "Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3:
 * "Total number of characters that a cell can contain: 32,767 characters"), counted in UTF-16 units.
 */
export const MAX_CELL_TEXT = 32_767;

/** How a text cut to fit a cell ends, so the cut is never silent. */
export const TRUNCATED_MARK = "… (truncated)";

/**
 * A result text as a cell can hold it: unchanged up to 32,767 characters; beyond, cut on a whole
 * character (`cutText`) and ending with "… (truncated)", the whole at most 32,767 characters.
 */
export function cellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : cutText(text, MAX_CELL_TEXT - TRUNCATED_MARK.length) + TRUNCATED_MARK;
}

/**
 * A function's result as Excel receives it: every text cell within a cell's 32,767 characters
 * (`cellText`), a scalar or each cell of a spilled table. The one place every result passes through
 * (`run` in functions.ts). Tables are changed in place only where a text is too long.
 */
export function withinCellLimits<T>(result: T): T {
  if (typeof result === "string") return cellText(result) as T;
  if (!Array.isArray(result)) return result;
  for (const row of result as unknown[]) {
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = cellText(v);
    }
  }
  return result;
}

function runtime(): typeof CustomFunctions | undefined {
  return (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
}

/** Builds the error object Excel shows; falls back to a plain Error outside Excel (e.g. the taskpane preview). */
export function toCellError(error: unknown): Error | CustomFunctions.Error {
  const cf = runtime();
  const engine = isEngineError(error)
    ? error
    : new EngineError("value", `unexpected problem: ${error instanceof Error ? error.message : String(error)}`);
  if (cf === undefined) return engine;
  const code = ERROR_CODE[engine.kind] as CustomFunctions.ErrorCode;
  return new cf.Error(code, engine.message);
}

/**
 * A holding's fraction of a total, c / t, for whole share counts 0 <= c <= t <= 2^53 - 1, t > 0, in
 * doubles: exactly `toCell(new Decimal(c).div(t))`, the 40-digit decimal quotient converted to a
 * double, to the last bit (test/functions/fastPaths.test.ts compares both over random and edge cases).
 *
 * Why it is exact. Whole counts c <= t < 2^53 are doubles exactly. IEEE division returns the exact
 * quotient q = c/t rounded once to the nearest double. The exact path rounds q to 40 significant
 * digits, then to the nearest double; that can differ only if q is within 10^-39 (relative) of a
 * midpoint m between two adjacent doubles. With q in [2^e, 2^(e+1)), e <= 0, m = k / 2^(53-e) for
 * an odd k >= 2^53, and q - m = (c 2^(53-e) - k t) / (t 2^(53-e)): either 0, impossible as c/t in
 * lowest terms has a numerator <= c < 2^53 < k, or at least 1/(t 2^(53-e)), i.e. more than 2^-107
 * relative to q, far more than 10^-39. So both paths give the same double. (c = 0 gives 0, never -0.)
 */
export function fractionOfWholeShares(c: number, t: number): number {
  return c === 0 ? 0 : c / t;
}

/** The largest whole share count `fractionOfWholeShares` takes: 2^53 - 1. */
const MAX_WHOLE = new Decimal(Number.MAX_SAFE_INTEGER);

/**
 * The cells of shares / `total` (ownership), each `toCell(shares.div(total))`: in doubles when the
 * share counts are whole and the total is a whole number up to 2^53 - 1 (`fractionOfWholeShares`,
 * the same double to the last bit), else by the exact decimal division. For the ownership columns
 * of long tables (TENDER, PRICEDROUND), where the 40-digit quotient and its conversion to a double
 * were most of the time.
 */
export function ownershipCells(total: Decimal): (shares: Decimal) => number {
  const whole = total.isInteger() && total.gt(0) && total.lte(MAX_WHOLE);
  const t = whole ? total.toNumber() : 0;
  return (shares) =>
    whole && shares.isInteger() && !shares.isNegative() && shares.lte(total)
      ? fractionOfWholeShares(shares.toNumber(), t)
      : toCell(shares.div(total));
}

/**
 * OWNERSHIP's cells for the everyday cap table, whole share counts, computed in doubles where that
 * is provably the same as the exact path: each cell equals `toCell(ownership(shares)[i])`, the
 * 40-digit decimal quotient converted to a double, to the last bit (`fractionOfWholeShares`). Returns
 * undefined (take the exact path, which also words the errors) when a cell is not blank and not a
 * whole number >= 0, or when the total is 0 or not a safe integer. Blank cells give "" as in the
 * exact path. Whole counts and their total are doubles exactly (a sum of non-negative integers is
 * exact while it stays <= 2^53 - 1, and once a partial sum passes it the computed total does too, so
 * checking the total suffices).
 */
export function ownershipOfWholeShares(cells: readonly (readonly unknown[])[]): CellOutput[][] | undefined {
  let total = 0;
  for (const row of cells) {
    for (const cell of row) {
      if (typeof cell === "number") {
        if (!Number.isInteger(cell) || cell < 0) return undefined;
        total += cell;
      } else if (!(cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))) {
        return undefined;
      }
    }
  }
  if (total === 0 || total > Number.MAX_SAFE_INTEGER) return undefined;
  // A column's rows are built as literals: for a 100,000-row column `[x]` costs a third of
  // `row.map(...)` (measured with npm run bench), and a column is the everyday shape.
  const out: CellOutput[][] = new Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (row.length === 1) {
      const cell = row[0];
      out[r] = [typeof cell === "number" ? fractionOfWholeShares(cell, total) : ""];
      continue;
    }
    const cellsOut: CellOutput[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      cellsOut[c] = typeof cell === "number" ? fractionOfWholeShares(cell, total) : "";
    }
    out[r] = cellsOut;
  }
  return out;
}
