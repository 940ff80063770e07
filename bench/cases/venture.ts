/**
 * Venture cap tables, through the registry of the built bundle (cells in, spilled table out):
 * - CAPTABLE.WATERFALL with 30 classes (stacked and pari passu preferences, participating, capped,
 *   non-participating, common, options) over a column of 1,000 exit values. Target: under 200 ms.
 * - CAPTABLE.PRICEDROUND with 20 converting SAFEs and notes (post-money and pre-money caps, discounts, an MFN)
 *   and a 10% pool target: the circular SAFE / pool / price definitions solved exactly. Target: under 5 ms.
 * - CAPTABLE.FDSHARES over 20 option grants (a column, in and out of the money, one empty pair), for
 *   information: the one-grant docs example is measured with the scalar functions (>= 200,000 calls/s).
 * Medians of 7 runs after 2 warm-up runs.
 */
import { Measurement, callsPerSecondBoth, defineCase, medianMs, outcome } from "../harness";

const CLASS_HEADER = ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"];

/** 30 classes: common, two option grants, a warrant and 26 preferred series with every kind of term. */
export function thirtyClasses(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [CLASS_HEADER];
  rows.push(["Common", 10_000_000, null, null, null, null, null, null, null]);
  rows.push(["Options 2019", 1_000_000, null, null, null, null, null, null, 0.25]);
  rows.push(["Options 2023", 800_000, null, null, null, null, null, null, 2.5]);
  rows.push(["Warrant", 200_000, null, null, null, null, null, null, 4]);
  const participation = ["NONE", "FULL", "CAPPED", "NONE"];
  for (let i = 0; i < 26; i++) {
    const p = participation[i % 4];
    rows.push([
      `Series ${String.fromCharCode(65 + i)}`,
      400_000 + 50_000 * i,
      1_000_000 + 500_000 * i,
      i % 5 === 0 ? 1.5 : 1,
      1 + Math.floor((25 - i) / 3), // later series senior, three series per rank (pari passu)
      p,
      p === "CAPPED" ? 3 : null,
      i % 7 === 0 ? 1.1 : null,
      null,
    ]);
  }
  return rows;
}

export function exitColumn(): number[][] {
  return Array.from({ length: 1_000 }, (_, i) => [(i + 1) * 1_000_000]);
}

const INSTRUMENT_HEADER = ["Holder", "Type", "Amount", "Cap", "Discount", "MFN"];

/** 20 SAFEs and notes, caps and discounts mixed, one MFN. */
export function twentySafes(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [INSTRUMENT_HEADER];
  for (let i = 0; i < 20; i++) {
    const type = i % 5 === 4 ? "NOTE" : i % 3 === 2 ? "PRE SAFE" : "SAFE";
    rows.push([
      `Investor ${i + 1}`,
      type,
      100_000 + 25_000 * i,
      i === 0 || i % 6 === 5 ? null : 6_000_000 + 750_000 * i,
      i % 2 === 0 ? 0.1 + i / 200 : null,
      i === 0 ? "YES" : null,
    ]);
  }
  return rows;
}

/** Median CPU time (user + system) of `fn` in ms: unlike wall time, not inflated when other processes share the cores. */
function medianCpuMs(fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1];
}

function spilled(result: unknown, minRows: number): string | undefined {
  if (!Array.isArray(result) || result.length < minRows) return `the result is not a table of at least ${minRows} rows`;
  return undefined;
}

/** 20 option grants as a column of counts and a column of strikes, strikes from 0.10 to 4.00 (share price 2), one empty pair. */
export function twentyGrants(): { counts: (number | null)[][]; strikes: (number | null)[][] } {
  const counts = Array.from({ length: 20 }, (_, i) => [i === 7 ? null : 50_000 + 12_500 * i]);
  const strikes = Array.from({ length: 20 }, (_, i) => [i === 7 ? null : Math.round(10 + 20.5 * i) / 100]);
  return { counts, strikes };
}

export default defineCase({
  name: "Venture",
  run({ call, prepare }) {
    const rows: Measurement[] = [];

    const classes = thirtyClasses();
    const exits = exitColumn();
    const waterfall = () => call("WATERFALL", classes, exits, 5_000_000, 2_000_000);
    const w = outcome(waterfall);
    const wProblem = w.error ?? spilled(w.value, 1_001);
    rows.push(
      wProblem !== undefined
        ? { name: "WATERFALL, 30 classes x 1,000 exit values", value: 0, unit: "ms", problem: wProblem }
        : {
            name: "WATERFALL, 30 classes x 1,000 exit values",
            value: medianMs(waterfall),
            unit: "ms",
            target: { below: 200 },
            note: "median of 7 runs after 2 warm-up runs",
          },
    );
    if (wProblem === undefined)
      rows.push({
        name: "WATERFALL, same, CPU time",
        value: medianCpuMs(waterfall),
        unit: "ms",
        note: "for information: wall time above includes waiting for a busy core",
      });

    const instruments = twentySafes();
    const round = () =>
      call(
        "PRICEDROUND",
        [["Founders"], ["Option pool"]],
        [[10_000_000], [500_000]],
        30_000_000,
        [
          ["Investor", "Amount"],
          ["Lead", 8_000_000],
          ["Follow", 2_000_000],
        ],
        0.12,
        instruments,
      );
    const r = outcome(round);
    const rProblem = r.error ?? spilled(r.value, 24);
    rows.push(
      rProblem !== undefined
        ? { name: "PRICEDROUND, 20 SAFEs and notes + 12% pool target", value: 0, unit: "ms", problem: rProblem }
        : {
            name: "PRICEDROUND, 20 SAFEs and notes + 12% pool target",
            value: medianMs(round, 15, 5),
            unit: "ms",
            target: { below: 5 },
            note: "exact solve of the circular definitions; median of 15 runs",
          },
    );
    if (rProblem === undefined) rows.push({ name: "PRICEDROUND, same, CPU time", value: medianCpuMs(round, 15), unit: "ms", note: "for information" });

    const { counts, strikes } = twentyGrants();
    const fdArgs = [12_000_000, counts, strikes, 2];
    const fd = outcome(() => call("FDSHARES", ...fdArgs));
    rows.push(
      fd.error !== undefined || typeof fd.value !== "number"
        ? { name: "FDSHARES, 20 option grants", value: 0, unit: "calls/s", problem: fd.error ?? "the result is not a number" }
        : {
            name: "FDSHARES, 20 option grants",
            value: callsPerSecondBoth(prepare("FDSHARES", fdArgs)).wall,
            unit: "calls/s",
            note: "for information; median of 5 rounds of 40,000 calls",
          },
    );
    return rows;
  },
});
