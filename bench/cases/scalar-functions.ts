/**
 * Calls per second of every scalar custom function (result not spilled), through the registry of
 * the built bundle, with the arguments of its first example in docs/function-examples.json.
 * Generic: a function added to functions.json is measured once it has an example.
 * Target: at least 200,000 calls/s each (Excel recalculates whole columns of them).
 */
import { Measurement, callsPerSecondBoth, defineCase, outcome } from "../harness";

const TARGET = { atLeast: 200_000 };

export default defineCase({
  name: "Scalar functions",
  run({ metadata, examples, call, prepare, prepareInPlainVm }) {
    const rows: Measurement[] = [];
    const cpuRates: { name: string; value: number }[] = [];
    const argsOf = new Map<string, readonly unknown[]>();
    for (const fn of metadata) {
      if (fn.result.dimensionality === "matrix") continue;
      const example = (examples[fn.id] ?? []).find((e) => !(typeof e.result === "object" && e.result !== null && "error" in e.result));
      if (example === undefined) {
        rows.push({ name: fn.id, value: 0, unit: "calls/s", target: TARGET, problem: "no example in docs/function-examples.json to call it with" });
        continue;
      }
      const args = example.args;
      argsOf.set(fn.id, args);
      const first = outcome(() => call(fn.id, ...args));
      if (first.error !== undefined || first.value !== example.result) {
        rows.push({ name: fn.id, value: 0, unit: "calls/s", target: TARGET, problem: `the example gives ${first.error ?? JSON.stringify(first.value)}, not ${JSON.stringify(example.result)}` });
        continue;
      }
      const rate = callsPerSecondBoth(prepare(fn.id, args));
      rows.push({ name: fn.id, value: rate.wall, unit: "calls/s", target: TARGET });
      cpuRates.push({ name: fn.id, value: rate.cpu });
    }
    const measured = rows.filter((r) => r.problem === undefined);
    if (measured.length > 0) {
      const slowest = measured.reduce((a, b) => (b.value < a.value ? b : a));
      rows.push({ name: `slowest (${slowest.name})`, value: slowest.value, unit: "calls/s", target: TARGET, note: "median of 5 rounds of 40,000 calls after 20,000 warm-up calls, per function" });
      const slowestCpu = cpuRates.reduce((a, b) => (b.value < a.value ? b : a));
      const plain = callsPerSecondBoth(prepareInPlainVm(slowest.name, argsOf.get(slowest.name)!));
      rows.push({
        name: `slowest (${slowest.name}), plain Node vm`,
        value: plain.wall,
        unit: "calls/s",
        note: "for information: the same bundle without the built-ins bound, so every global lookup pays Node vm's interceptor (see bench/harness.ts)",
      });
      rows.push({
        name: `slowest per CPU second (${slowestCpu.name})`,
        value: slowestCpu.value,
        unit: "calls/s",
        note: `for information, calls per second of this process's CPU time: ${cpuRates.map((r) => `${r.name} ${Math.round(r.value / 1000)}k`).join(", ")}`,
      });
    }
    return rows;
  },
});
