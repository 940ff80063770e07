/**
 * The benchmark harness of `npm run bench`: what a case receives, what it reports, and helpers to
 * time code. A case is one file in bench/cases/ whose default export is a `BenchCase` (or a list of
 * them); bench/run.ts finds every such file, runs the cases in file-name order and prints one table.
 *
 * To add a case (e.g. bench/cases/waterfall.ts):
 *
 *   import { defineCase, rate } from "../harness";
 *   export default defineCase({
 *     name: "Waterfall",
 *     run: ({ call }) => [rate("WATERFALL calls/s", () => call("WATERFALL", ...args), { atLeast: 10_000 })],
 *   });
 *
 * Figures are printed, never asserted: `npm run bench` always exits 0. Tests assert results.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { CustomFunctionsError, CustomFunctionsStub, createCustomFunctionsStub } from "../test/support/customFunctionsRuntime";

/** A target: the measured value must be at least, or below, this value. */
export type Target = { atLeast: number } | { below: number };

export interface Measurement {
  /** What was measured, e.g. "EQUITYVALUE" or "OWNERSHIP, 100,000 holders". */
  readonly name: string;
  readonly value: number;
  /** "calls/s", "ms", "KB"... */
  readonly unit: string;
  /** Absent for a figure printed for information. */
  readonly target?: Target;
  /** A short remark printed after the row (how it was measured, why it is not measured...). */
  readonly note?: string;
  /** Set when the case could not measure this figure: printed instead of a value. */
  readonly problem?: string;
}

/** One function as dist/functions.json declares it (the fields the bench reads). */
export interface FunctionMetadata {
  readonly id: string;
  readonly parameters: readonly { name: string; optional?: boolean; dimensionality?: string }[];
  readonly result: { dimensionality?: string };
}

/** An example of docs/function-examples.json. */
export interface FunctionExample {
  readonly title: string;
  readonly args: readonly unknown[];
  readonly result: unknown;
}

export interface BenchContext {
  /** The build folder measured (dist/ unless `--dist` says otherwise). */
  readonly dist: string;
  readonly metadata: readonly FunctionMetadata[];
  /** Examples by function ID (docs/function-examples.json). */
  readonly examples: Readonly<Record<string, readonly FunctionExample[]>>;
  /** The stand-in runtime the bundle associated its functions with. */
  readonly runtime: CustomFunctionsStub;
  /** Calls a function through the registry as Excel does: arguments padded with null to the declared count. */
  readonly call: (id: string, ...args: unknown[]) => unknown;
}

export interface BenchCase {
  readonly name: string;
  run(context: BenchContext): Measurement[] | Promise<Measurement[]>;
}

/** Identity, for typing a case file's default export. */
export function defineCase<T extends BenchCase | readonly BenchCase[]>(c: T): T {
  return c;
}

/** Loads the built bundle like Excel does: dist/functions.js in a bare JS context with the stand-in `CustomFunctions` runtime. */
export function loadContext(dist: string, examplesFile: string): BenchContext {
  const read = (file: string) => {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    return fs.readFileSync(file, "utf8");
  };
  const metadata = (JSON.parse(read(path.join(dist, "functions.json"))) as { functions: FunctionMetadata[] }).functions;
  const runtime = createCustomFunctionsStub();
  vm.runInContext(read(path.join(dist, "functions.js")), vm.createContext({ CustomFunctions: runtime, console }), { filename: "functions.js" });
  const examples = fs.existsSync(examplesFile)
    ? (JSON.parse(fs.readFileSync(examplesFile, "utf8")) as { examples: Record<string, FunctionExample[]> }).examples
    : {};
  const arity = new Map(metadata.map((m) => [m.id.toUpperCase(), m.parameters.length]));
  const call = (id: string, ...args: unknown[]): unknown => {
    const fn = runtime.registry.get(id.toUpperCase());
    if (fn === undefined) throw new Error(`${id} is not associated by functions.js`);
    const padded = [...args];
    while (padded.length < (arity.get(id.toUpperCase()) ?? 0)) padded.push(null);
    return fn(...padded);
  };
  return { dist, metadata, examples, runtime, call };
}

/** Nanosecond clock. */
export function now(): bigint {
  return process.hrtime.bigint();
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface RateOptions {
  /** Calls before timing, to let the JIT settle. Default 20,000. */
  readonly warmup?: number;
  /** Timed rounds; the median round is reported. Default 5. */
  readonly rounds?: number;
  /** Calls per timed round. Default 40,000 (200,000 timed calls in all). */
  readonly callsPerRound?: number;
}

/** CPU time used by this process so far (user + system, all its threads), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A figure measured on both clocks: wall time (what a user waits) and this process's CPU time (steady on a busy machine). */
export interface TwoClocks {
  readonly wall: number;
  readonly cpu: number;
}

/** Calls per second of `fn` on both clocks: warm-up, then a fixed number of calls in rounds; the median round's rates. */
export function callsPerSecondBoth(fn: () => unknown, options: RateOptions = {}): TwoClocks {
  const { warmup = 20_000, rounds = 5, callsPerRound = 40_000 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = now();
    const startCpu = cpuMs();
    for (let i = 0; i < callsPerRound; i++) sink = fn();
    cpu.push(callsPerRound / ((cpuMs() - startCpu) / 1e3));
    wall.push(callsPerRound / (Number(now() - start) / 1e9));
  }
  keep(sink);
  return { wall: median(wall), cpu: median(cpu) };
}

/** Calls per second of `fn` (wall clock): see `callsPerSecondBoth`. */
export function callsPerSecond(fn: () => unknown, options: RateOptions = {}): number {
  return callsPerSecondBoth(fn, options).wall;
}

/** Median time of `fn` in milliseconds on both clocks, after `warmup` untimed runs. */
export function medianMsBoth(fn: () => unknown, runs = 7, warmup = 2): TwoClocks {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = now();
    const startCpu = cpuMs();
    sink = fn();
    cpu.push(cpuMs() - startCpu);
    wall.push(Number(now() - start) / 1e6);
  }
  keep(sink);
  return { wall: median(wall), cpu: median(cpu) };
}

/** Median wall time of `fn` in milliseconds, after `warmup` untimed runs. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 2): number {
  return medianMsBoth(fn, runs, warmup).wall;
}

let kept: unknown;
/** Keeps a result alive so the JIT cannot drop the work that produced it. */
function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}

/** Runs `fn` once and describes what it threw, if anything (a CustomFunctions.Error shows its code and message). */
export function outcome(fn: () => unknown): { value?: unknown; error?: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { error: `${e.code} ${e.message}` };
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// The table

function formatValue(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export interface Row {
  readonly group: string;
  readonly m: Measurement;
}

/** measured / target; "met" when the target holds. */
export function assess(m: Measurement): { ratio?: number; met?: boolean } {
  if (m.target === undefined || m.problem !== undefined) return {};
  if ("atLeast" in m.target) return { ratio: m.value / m.target.atLeast, met: m.value >= m.target.atLeast };
  return { ratio: m.value / m.target.below, met: m.value < m.target.below };
}

/** Renders the rows as a fixed-width table, with a legend. */
export function renderTable(rows: readonly Row[]): string {
  const header = ["Case", "Measure", "Measured", "Target", "Ratio", ""];
  const body = rows.map(({ group, m }) => {
    const { ratio, met } = assess(m);
    const target = m.target === undefined ? "-" : "atLeast" in m.target ? `>= ${formatValue(m.target.atLeast, m.unit)}` : `< ${formatValue(m.target.below, m.unit)}`;
    return [
      group,
      m.name,
      m.problem !== undefined ? "not measured" : formatValue(m.value, m.unit),
      target,
      ratio === undefined ? "-" : ratio.toFixed(2),
      m.problem !== undefined ? "!! " + m.problem : met === undefined ? "info" : met ? "met" : "MISSED",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const right = new Set([2, 3, 4]);
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  let previous = "";
  rows.forEach((row, i) => {
    const cells = [...body[i]];
    if (row.group === previous) cells[0] = "";
    previous = row.group;
    out.push(line(cells));
    if (row.m.note !== undefined) out.push(" ".repeat(widths[0] + 2) + "  " + row.m.note);
  });
  return out.join("\n");
}
