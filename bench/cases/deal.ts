/**
 * Deal returns, through the registry of the built bundle:
 * - CAPTABLE.DEALRETURNS over 10,000 dated flows (an entry, then monthly distributions, an exit).
 *   Target: under 10 ms.
 * - CAPTABLE.IRRGRID, 50 entry EVs x 50 exit multiples (2,500 IRRs, each over 12 flows). Target: under 100 ms.
 * Medians of 7 runs after 2 warm-up runs.
 */
import { Measurement, defineCase, medianMs, outcome } from "../harness";

/** 10,000 flows: 1,000,000 paid on 1/1/2000 (36526), then 9,999 daily-spaced receipts of 150, the last one larger (the exit). */
export function tenThousandFlows(): { flows: number[][]; dates: number[][] } {
  const flows: number[][] = [[-1_000_000]];
  const dates: number[][] = [[36526]];
  for (let i = 1; i < 10_000; i++) {
    flows.push([i === 9_999 ? 1_500_000 : 150]);
    dates.push([36526 + i]);
  }
  return { flows, dates };
}

function timed(name: string, target: number, fn: () => unknown, minRows: number): Measurement {
  const first = outcome(fn);
  const problem =
    first.error ?? (Array.isArray(first.value) && first.value.length >= minRows ? undefined : `the result is not a table of ${minRows} rows`);
  if (problem !== undefined) return { name, value: 0, unit: "ms", problem };
  return { name, value: medianMs(fn), unit: "ms", target: { below: target }, note: "median of 7 runs after 2 warm-up runs" };
}

export default defineCase({
  name: "Deal returns",
  run({ call }) {
    const { flows, dates } = tenThousandFlows();
    const evs = Array.from({ length: 50 }, (_, i) => [600 + 10 * i]);
    const multiples = [Array.from({ length: 50 }, (_, i) => 12 + 0.25 * i)];
    const interimFlows = Array.from({ length: 10 }, () => [10]);
    const interimDates = Array.from({ length: 10 }, (_, i) => [45748 + 182 * (i + 1)]);
    return [
      timed("DEALRETURNS, 10,000 dated flows", 10, () => call("DEALRETURNS", flows, dates), 7),
      timed(
        "IRRGRID, 50 entry EVs x 50 exit multiples",
        100,
        () => call("IRRGRID", evs, multiples, 200, 50, 150, 45748, 47574, interimFlows, interimDates),
        51,
      ),
    ];
  },
});
