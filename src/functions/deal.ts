/**
 * Adapters of the deal functions (issue 16): read the cells, call src/engine/deal, lay the result out.
 * Flows and dates are read as XIRR reads them: two ranges of the same size, amounts negative when
 * paid and positive when received, dates as Excel's day serial numbers.
 */
import { DatedFlow, EngineError, dealReturns, xirr, xnpv } from "../engine";
import { describeCell, isBlankRow, readNumber, readOptionalNumber, readVector } from "./cells";
import { CellOutput, toCell } from "./excel";

/** Dated flows from two ranges of one size; trailing empty pairs are dropped, an empty cell inside is an error. */
export function readDatedFlows(flows: unknown, dates: unknown): DatedFlow[] {
  const amounts = readVector(flows, "flows");
  const days = readVector(dates, "dates");
  if (amounts.length !== days.length) {
    throw new EngineError("num", `flows and dates must have the same number of cells, got ${amounts.length} flows and ${days.length} dates`, "dates");
  }
  let n = amounts.length;
  while (n > 0 && isBlankRow([amounts[n - 1], days[n - 1]])) n--;
  const out: DatedFlow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = days[i];
    if (typeof day !== "number") {
      throw new EngineError("value", `dates must be dates (day serial numbers), got ${describeCell(day)} at position ${i + 1}`, "dates");
    }
    out[i] = { amount: readNumber(amounts[i], `flows (position ${i + 1})`), date: day };
  }
  return out;
}

function readGuess(guess: unknown): number {
  return readOptionalNumber(guess, "guess", "amount", false)?.toNumber() ?? 0.1;
}

export function dealIrrCell(flows: unknown, dates: unknown, guess: unknown): number {
  return xirr(readDatedFlows(flows, dates), readGuess(guess));
}

export function dealNpvCell(rate: unknown, flows: unknown, dates: unknown): number {
  return toCell(xnpv(readNumber(rate, "rate"), readDatedFlows(flows, dates)));
}

export const DEALRETURNS_ROWS = [
  "IRR (XIRR, actual/365)",
  "Multiple on invested capital",
  "Invested",
  "Distributed",
  "Net gain",
  "Holding period (years, actual/365)",
  "Average cash yield (received before the last date, a year, on invested)",
] as const;

export function dealReturnsCells(flows: unknown, dates: unknown, guess: unknown): CellOutput[][] {
  const r = dealReturns(readDatedFlows(flows, dates), readGuess(guess));
  const values = [r.irr, toCell(r.moic), toCell(r.invested), toCell(r.distributed), toCell(r.netGain), toCell(r.years), toCell(r.cashYield)];
  return DEALRETURNS_ROWS.map((label, i): CellOutput[] => [label, values[i]]);
}
