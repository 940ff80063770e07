/**
 * Large inputs (issue 13): work must grow with the input, not faster. Through the registry of the
 * built bundle, each call returns its whole table; target under 200 ms each (before the fix:
 * TENDER 8-9 s, PRICEDROUND 8 s, WATERFALL and BREAKPOINTS 2-4 s, 10,000 classes about 90 s).
 * - CAPTABLE.TENDER: 20,000 holders, each one a seller.
 * - CAPTABLE.PRICEDROUND: 20,000 investors in the round.
 * - CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS: 3,000 classes with every kind of term
 *   (non-participating, participating, capped, options), seven seniority ranks.
 * Medians of 5 runs after 1 warm-up run, wall time; the CPU time of the same runs is printed for
 * information (on a busy machine the wall time includes waiting for a core).
 */
import { Measurement, defineCase, medianMsBoth, outcome } from "../harness";

const column = <T>(n: number, cell: (i: number) => T): T[][] => Array.from({ length: n }, (_, i) => [cell(i)]);

/** `n` preferred classes and options after a common class: participation, caps, strikes and ranks mixed. */
export function manyClasses(n: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"],
    ["Common", 10_000_000, null, null, null, null, null, null, null],
  ];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 9) {
      rows.push([`Options ${i}`, 5_000 + i, null, null, null, null, null, null, 0.05 + (i % 97) / 100]);
      continue;
    }
    const p = ["NONE", "FULL", "CAPPED"][i % 3];
    rows.push([
      `Series ${i}`,
      10_000 + 7 * i,
      20_000 + 13 * i,
      1 + (i % 3) / 2,
      1 + (i % 7),
      p,
      p === "CAPPED" ? 3 : null,
      i % 11 === 0 ? 1.5 : null,
      null,
    ]);
  }
  return rows;
}

const TARGET = { below: 200 };

export default defineCase({
  name: "Large inputs",
  run({ call }) {
    const rows: Measurement[] = [];
    const measure = (name: string, fn: () => unknown, minRows: number): void => {
      const first = outcome(fn);
      const problem =
        first.error ??
        (Array.isArray(first.value) && first.value.length >= minRows ? undefined : `the result is not a table of at least ${minRows} rows`);
      if (problem !== undefined) {
        rows.push({ name, value: 0, unit: "ms", target: TARGET, problem });
        return;
      }
      const t = medianMsBoth(fn, 5, 1);
      rows.push({ name, value: t.wall, unit: "ms", target: TARGET, note: `median of 5 runs after 1 warm-up; CPU time ${t.cpu.toFixed(0)} ms` });
    };

    const n = 20_000;
    const holders = column(n, (i) => `Holder ${i + 1}`);
    const shares = column(n, (i) => 10_000 + i);
    const sold = column(n, (i) => Math.floor((10_000 + i) / 4));
    measure("TENDER, 20,000 sellers", () => call("TENDER", holders, shares, holders, sold, "Buyer", 1.5, 2), n + 1);

    const investors = [["Investor", "Amount"], ...Array.from({ length: n }, (_, i) => [`Investor ${i + 1}`, 10_000 + 10 * i])];
    measure(
      "PRICEDROUND, 20,000 investors",
      () => call("PRICEDROUND", [["Founders"], ["Option pool"]], [[10_000_000], [500_000]], 30_000_000, investors),
      n + 1,
    );

    const classes = manyClasses(3_000);
    measure("WATERFALL, 3,000 classes", () => call("WATERFALL", classes, [[250_000_000]]), 3_001);
    measure("BREAKPOINTS, 3,000 classes", () => call("BREAKPOINTS", classes), 3_000);
    return rows;
  },
});
