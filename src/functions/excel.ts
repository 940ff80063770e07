/**
 * The Excel side of the boundary: engine results become cell values, engine errors become
 * `CustomFunctions.Error` with a message the user reads in the cell's error tooltip.
 */
import { Decimal, EngineError, isEngineError } from "../engine";

/** What a cell can show: a number, a text, or a boolean. */
export type CellOutput = number | string | boolean;

/** Excel's error codes as the custom-functions runtime names them (`CustomFunctions.ErrorCode`). */
const ERROR_CODE = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
} as const;

/** Converts an exact result to the double a cell holds; a result beyond a double's range is an error, never Infinity. */
export function toCell(value: Decimal, what = "the result"): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw new EngineError("num", `${what} is too large for a cell (${value.toSignificantDigits(6).toString()})`);
  return n === 0 ? 0 : n; // never -0
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
 * Wraps an implementation so that whatever goes wrong, Excel receives a `CustomFunctions.Error`
 * with a message, never an exception of another kind, NaN or Infinity.
 */
export function cellFunction<A extends unknown[], R>(impl: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return impl(...args);
    } catch (error) {
      throw toCellError(error);
    }
  };
}
