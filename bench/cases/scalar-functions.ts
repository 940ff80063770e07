/**
 * Calls per second of every scalar custom function (result not spilled), through the registry of
 * the built bundle, with the arguments of its first example in docs/function-examples.json.
 * Generic: a function added to functions.json is measured once it has an example.
 * Target: at least 200,000 calls/s each (Excel recalculates whole columns of them), except the
 * solvers over a table listed in `TABLE_SOLVERS`, which have their own target and say why.
 */
import { Measurement, Target, callsPerSecondBoth, defineCase, outcome } from "../harness";

const SCALAR_TARGET = { atLeast: 200_000 };

/**
 * Scalar results computed from a whole table: every call reads the table (header row recognised by
 * its words, every row checked) and solves a model on it, so a call costs what a table function
 * costs, not what arithmetic on a few cells costs. Their target: a column of 1,000 such cells
 * recalculates in under 50 ms.
 */
const TABLE_SOLVERS: Readonly<Record<string, { target: Target; why: string }>> = {
  EXITFORTARGET: {
    target: { atLeast: 20_000 },
    why: "reads the classes table, builds the waterfall (breakpoints) and evaluates the payout at each breakpoint, then one exact linear solve (no iteration); target: 1,000 cells in under 50 ms",
  },
};

export default defineCase({
  name: "Scalar functions",
  run({ metadata, examples, call, prepare, prepareInPlainVm }) {
    const rows: Measurement[] = [];
    const cpuRates: { name: string; value: number }[] = [];
    const argsOf = new Map<string, readonly unknown[]>();
    for (const fn of metadata) {
      if (fn.result.dimensionality === "matrix") continue;
      const solver = TABLE_SOLVERS[fn.id];
      const target = solver?.target ?? SCALAR_TARGET;
      const example = (examples[fn.id] ?? []).find((e) => !(typeof e.result === "object" && e.result !== null && "error" in e.result));
      if (example === undefined) {
        rows.push({ name: fn.id, value: 0, unit: "calls/s", target, problem: "no example in docs/function-examples.json to call it with" });
        continue;
      }
      const args = example.args;
      argsOf.set(fn.id, args);
      const first = outcome(() => call(fn.id, ...args));
      if (first.error !== undefined || first.value !== example.result) {
        rows.push({
          name: fn.id,
          value: 0,
          unit: "calls/s",
          target,
          problem: `the example gives ${first.error ?? JSON.stringify(first.value)}, not ${JSON.stringify(example.result)}`,
        });
        continue;
      }
      const rate = callsPerSecondBoth(prepare(fn.id, args));
      if (solver !== undefined) {
        rows.push({ name: `${fn.id} (solver over a table)`, value: rate.wall, unit: "calls/s", target, note: solver.why });
        continue;
      }
      rows.push({ name: fn.id, value: rate.wall, unit: "calls/s", target });
      cpuRates.push({ name: fn.id, value: rate.cpu });
    }
    const measured = rows.filter((r) => r.problem === undefined && !(r.name.split(" ")[0] in TABLE_SOLVERS));
    if (measured.length > 0) {
      const slowest = measured.reduce((a, b) => (b.value < a.value ? b : a));
      rows.push({
        name: `slowest (${slowest.name})`,
        value: slowest.value,
        unit: "calls/s",
        target: SCALAR_TARGET,
        note: "median of 5 rounds of 40,000 calls after 20,000 warm-up calls, per function",
      });
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
