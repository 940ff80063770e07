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
  /** A call resolved once (function looked up, arguments padded), to time in a loop. */
  readonly prepare: (id: string, args: readonly unknown[]) => () => unknown;
  /** The same, in a second copy of the bundle loaded without binding the built-ins (see `BUILTINS`): Node vm's own overhead included. */
  readonly prepareInPlainVm: (id: string, args: readonly unknown[]) => () => unknown;
}

export interface BenchCase {
  readonly name: string;
  run(context: BenchContext): Measurement[] | Promise<Measurement[]>;
}

/** Identity, for typing a case file's default export. */
export function defineCase<T extends BenchCase | readonly BenchCase[]>(c: T): T {
  return c;
}

/**
 * Built-ins a bundle refers to by their global names. A Node `vm` context resolves every global
 * name through the contextified global object's interceptor, about 100 times slower than a global
 * lookup in a browser or in Excel's functions runtime (a loop over 100,000 cells calling
 * `Array.isArray` takes 30 ms instead of 0.3 ms). Bound as local names around the bundle, the
 * context's OWN built-ins are the same objects, found without the interceptor.
 */
const BUILTINS = [
  "Math", "Array", "Number", "String", "Boolean", "Object", "Symbol", "Function", "JSON", "Reflect", "Proxy", "Promise",
  "Map", "Set", "WeakMap", "WeakSet", "Date", "RegExp", "Intl", "BigInt", "Error", "TypeError", "RangeError", "SyntaxError",
  "parseInt", "parseFloat", "isFinite", "isNaN", "NaN", "Infinity",
];

/**
 * Runs dist/functions.js in a fresh, bare JS context holding only the stand-in `CustomFunctions`
 * runtime (and console), as Excel's JavaScript-only runtime does; returns that runtime and its registry.
 * `bindBuiltins` (default) removes the Node vm global-lookup cost described at `BUILTINS`.
 */
export function loadBundle(dist: string, bindBuiltins = true): CustomFunctionsStub {
  const file = path.join(dist, "functions.js");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const source = fs.readFileSync(file, "utf8");
  const runtime = createCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: runtime, console });
  const names = bindBuiltins ? BUILTINS.filter((n) => vm.runInContext(`typeof ${n} !== "undefined"`, context) === true) : [];
  const code = names.length === 0 ? source : `(function (${names.join(", ")}) {\n${source}\n}).call(this, ${names.join(", ")});`;
  vm.runInContext(code, context, { filename: "functions.js" });
  return runtime;
}

/**
 * A call of the registry as Excel makes it, resolved once: the function looked up and the
 * arguments padded with null (omitted optionals) to the declared count, so that a timed loop
 * measures the function and not the lookup.
 */
function preparer(runtime: CustomFunctionsStub, metadata: readonly FunctionMetadata[]): (id: string, args: readonly unknown[]) => () => unknown {
  const arity = new Map(metadata.map((m) => [m.id.toUpperCase(), m.parameters.length]));
  return (id, args) => {
    const fn = runtime.registry.get(id.toUpperCase());
    if (fn === undefined) throw new Error(`${id} is not associated by functions.js`);
    const padded = [...args];
    while (padded.length < (arity.get(id.toUpperCase()) ?? 0)) padded.push(null);
    return () => fn(...padded);
  };
}

/** Loads the built bundle like Excel does (see `loadBundle`), its metadata and the examples. */
export function loadContext(dist: string, examplesFile: string): BenchContext {
  const metadataFile = path.join(dist, "functions.json");
  if (!fs.existsSync(metadataFile)) throw new Error(`${metadataFile} is missing: run \`npm run build\` first`);
  const metadata = (JSON.parse(fs.readFileSync(metadataFile, "utf8")) as { functions: FunctionMetadata[] }).functions;
  const runtime = loadBundle(dist);
  const examples = fs.existsSync(examplesFile)
    ? (JSON.parse(fs.readFileSync(examplesFile, "utf8")) as { examples: Record<string, FunctionExample[]> }).examples
    : {};
  const prepare = preparer(runtime, metadata);
  let plain: ReturnType<typeof preparer> | undefined;
  return {
    dist,
    metadata,
    examples,
    runtime,
    prepare,
    prepareInPlainVm: (id, args) => (plain ??= preparer(loadBundle(dist, false), metadata))(id, args),
    call: (id, ...args) => prepare(id, args)(),
  };
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
