/**
 * OWNERSHIP on a 100,000-holder column, through the registry of the built bundle.
 * Target: under 100 ms (median of 7 runs after 2 warm-up runs) for whole share counts, the
 * everyday case. Fractional share counts (exact decimal path) are printed for information.
 */
import { Measurement, defineCase, medianMsBoth, outcome } from "../harness";

const HOLDERS = 100_000;

/** Deterministic pseudo-random share counts (a linear congruential generator), with some blank rows. */
function column(fractional: boolean): (number | null)[][] {
  let seed = 20250415;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: HOLDERS }, (_, i) => {
    if (i % 50 === 49) return [null];
    const shares = 1 + Math.floor(next() * 5_000_000);
    return [fractional ? shares + Math.floor(next() * 1000) / 1000 : shares];
  });
}

function check(result: unknown): string | undefined {
  if (!Array.isArray(result) || result.length !== HOLDERS) return "the result is not a 100,000-row column";
  let total = 0;
  for (const [v] of result as unknown[][]) if (typeof v === "number") total += v;
  return Math.abs(total - 1) < 1e-9 ? undefined : `fractions sum to ${total}, not 1`;
}

export default defineCase({
  name: "OWNERSHIP",
  run({ call, prepare, prepareInPlainVm }) {
    const rows: Measurement[] = [];
    for (const fractional of [false, true]) {
      const shares = column(fractional);
      const name = fractional ? "100,000 holders, fractional shares" : "100,000 holders, whole shares";
      const first = outcome(() => call("OWNERSHIP", shares));
      const problem = first.error ?? check(first.value);
      if (problem !== undefined) {
        rows.push({ name, value: 0, unit: "ms", problem });
        continue;
      }
      const time = medianMsBoth(prepare("OWNERSHIP", [shares]));
      rows.push({
        name,
        value: time.wall,
        unit: "ms",
        target: fractional ? undefined : { below: 100 },
        note: fractional ? "exact decimal path (decimal.js at 40 digits), for information" : "median of 7 runs after 2 warm-up runs",
      });
      rows.push({ name: `${name}, CPU time`, value: time.cpu, unit: "ms", note: "for information: this process's CPU time (wall time includes waiting for a busy core)" });
      if (!fractional) {
        rows.push({
          name: `${name}, plain Node vm`,
          value: medianMsBoth(prepareInPlainVm("OWNERSHIP", [shares])).wall,
          unit: "ms",
          note: "for information: the bundle without the built-ins bound, every global lookup through Node vm's interceptor (see bench/harness.ts)",
        });
      }
    }
    return rows;
  },
});
