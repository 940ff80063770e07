/**
 * Calls per second of every scalar custom function (result not spilled), through the registry of
 * the built bundle, with the arguments of its first example in docs/function-examples.json.
 * Generic: a function added to functions.json is measured once it has an example.
 * Target: at least 200,000 calls/s each (Excel recalculates whole columns of them).
 */
import { Measurement, callsPerSecond, defineCase, outcome } from "../harness";

const TARGET = { atLeast: 200_000 };

export default defineCase({
  name: "Scalar functions",
  run({ metadata, examples, call }) {
    const rows: Measurement[] = [];
    for (const fn of metadata) {
      if (fn.result.dimensionality === "matrix") continue;
      const example = (examples[fn.id] ?? []).find((e) => !(typeof e.result === "object" && e.result !== null && "error" in e.result));
      if (example === undefined) {
        rows.push({ name: fn.id, value: 0, unit: "calls/s", target: TARGET, problem: "no example in docs/function-examples.json to call it with" });
        continue;
      }
      const args = example.args;
      const first = outcome(() => call(fn.id, ...args));
      if (first.error !== undefined || first.value !== example.result) {
        rows.push({ name: fn.id, value: 0, unit: "calls/s", target: TARGET, problem: `the example gives ${first.error ?? JSON.stringify(first.value)}, not ${JSON.stringify(example.result)}` });
        continue;
      }
      rows.push({ name: fn.id, value: callsPerSecond(() => call(fn.id, ...args)), unit: "calls/s", target: TARGET });
    }
    const measured = rows.filter((r) => r.problem === undefined);
    if (measured.length > 0) {
      const slowest = measured.reduce((a, b) => (b.value < a.value ? b : a));
      rows.push({ name: `slowest (${slowest.name})`, value: slowest.value, unit: "calls/s", target: TARGET, note: "median of 5 rounds of 40,000 calls after 20,000 warm-up calls, per function" });
    }
    return rows;
  },
});
