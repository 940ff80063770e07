/**
 * Comparable deals and sensitivity grids.
 *
 * Statistics of a multiple across comps: min, first quartile, median, mean, third quartile, max.
 * Quartiles follow Excel's QUARTILE.INC (= PERCENTILE.INC): on the n values sorted, the k-th quartile
 * is at 0-based position h = (n - 1) x k / 4, interpolated linearly between the two values around it
 * (Microsoft, "QUARTILE.INC function"). Medians are the usual headline (Valutico FAQ, anchors.md §4).
 * A per-MW multiple means nothing without its capacity basis (MW built, contracted, under
 * construction: domain.md §4), so comps are compared on one basis at a time.
 */
import { Decimal, sum } from "../decimal";
import { EngineError } from "../errors";
import { dealError } from "../messages/deal";
import { DatedFlow, xirr } from "./returns";

/** Excel's QUARTILE.INC on values already sorted ascending: position (n - 1) x quart / 4, linear interpolation. */
export function quartileInc(sorted: readonly Decimal[], quart: 0 | 1 | 2 | 3 | 4): Decimal {
  if (sorted.length === 0) throw dealError("num", "noQuartileValues", {}, "comps");
  const h = ((sorted.length - 1) * quart) / 4;
  const lo = Math.floor(h);
  const frac = new Decimal((sorted.length - 1) * quart).div(4).minus(lo);
  return frac.isZero() ? sorted[lo] : sorted[lo].plus(sorted[lo + 1].minus(sorted[lo]).times(frac));
}

export interface MultipleStats {
  readonly count: number;
  readonly min: Decimal;
  readonly q1: Decimal;
  readonly median: Decimal;
  readonly mean: Decimal;
  readonly q3: Decimal;
  readonly max: Decimal;
}

/** Min, quartiles (QUARTILE.INC), median and mean of a list of multiples. */
export function multipleStats(values: readonly Decimal[]): MultipleStats {
  if (values.length === 0) throw dealError("num", "noMultiples", {}, "comps");
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return {
    count: sorted.length,
    min: sorted[0],
    q1: quartileInc(sorted, 1),
    median: quartileInc(sorted, 2),
    mean: sum(sorted).div(sorted.length),
    q3: quartileInc(sorted, 3),
    max: sorted[sorted.length - 1],
  };
}

/** Buyer's equity flows of a simple entry / exit deal: pays entry EV - entry net debt, receives exit multiple x exit EBITDA - exit net debt, plus interim flows. */
export interface ExitDeal {
  readonly entryNetDebt: Decimal;
  readonly exitEbitda: Decimal;
  readonly exitNetDebt: Decimal;
  readonly entryDate: number;
  readonly exitDate: number;
  readonly interim: readonly DatedFlow[];
}

/** Buyer IRR (XIRR convention) of an entry at `entryEv` and an exit at `exitMultiple` x exit EBITDA. */
export function buyerIrr(deal: ExitDeal, entryEv: Decimal, exitMultiple: Decimal): number {
  const flows: DatedFlow[] = [
    { amount: entryEv.minus(deal.entryNetDebt).negated(), date: deal.entryDate },
    ...deal.interim,
    { amount: exitMultiple.times(deal.exitEbitda).minus(deal.exitNetDebt), date: deal.exitDate },
  ];
  return xirr(flows);
}

/** A two-axis sensitivity grid: f(row value, column value) for every pair, computed in one call; a failing cell carries its message. */
export function sensitivityGrid<T>(rows: readonly Decimal[], columns: readonly Decimal[], f: (r: Decimal, c: Decimal) => T): (T | EngineError)[][] {
  return rows.map((r) =>
    columns.map((c) => {
      try {
        return f(r, c);
      } catch (e) {
        if (e instanceof EngineError) return e;
        throw e;
      }
    }),
  );
}
