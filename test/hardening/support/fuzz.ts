/**
 * Fuzzing the BUILT custom functions: arbitraries of cell values as Excel can pass them, read from
 * the parameter list in dist/functions.json (so a new function is fuzzed without touching this file),
 * and the contract every call must keep.
 *
 * The contract: a call returns a finite number (never NaN, Infinity or -0) where the metadata says
 * scalar, a well-formed matrix (non-empty, rectangular, cells finite numbers, texts a cell can hold
 * or booleans) where it says matrix, or throws a `CustomFunctions.Error` with a code and a message that is not an
 * internal failure; and it finishes within a time bound (calls run inside the bundle's vm context
 * with a timeout, so an endless loop is cut and reported). A call may return a promise (a 30/360 count
 * whose dates differ between the date systems asks the workbook: src/functions/dateSystem.ts); the
 * context holds a stand-in `Excel.run` answering as a 1900 workbook, and the promise is awaited: its
 * value or error keeps the same contract.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import fc from "fast-check";
import { CustomFunctionsError, ErrorCode, createCustomFunctionsStub } from "../../support/customFunctionsRuntime";
import { isPromiseLike } from "../../../src/functions/dateSystem";
import { standInExcel } from "../../support/excelDateSystem";

export interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  type?: string;
  repeating?: boolean;
}
export interface FunctionMetadata {
  id: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: { stream?: boolean; cancelable?: boolean; volatile?: boolean };
}

export type Outcome = { ok: true; value: unknown; ms: number } | { ok: false; error: unknown; ms: number };

/**
 * Loads dist/functions.js in a bare vm context with the stand-in runtime, and returns a caller that
 * runs a batch of calls inside the context under one timeout (a per-call watchdog would cost more
 * than the calls). A batch that times out is replayed call by call, each under its own timeout,
 * so the endless call is the one reported.
 */
export function loadBuiltFunctions(dist: string) {
  const stub = createCustomFunctionsStub();
  const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
  const context = vm.createContext({ CustomFunctions: stub, console: quiet, Excel: standInExcel("1900").Excel });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  const metadata: { functions: FunctionMetadata[] } = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const batchScript = new vm.Script(`
    __results = [];
    for (let i = 0; i < __batch.length; i++) {
      const t = Date.now();
      try {
        const value = __fn.apply(undefined, __batch[i]);
        __results.push({ ok: true, value, ms: Date.now() - t });
      } catch (error) {
        __results.push({ ok: false, error, ms: Date.now() - t });
      }
    }`);
  const c = context as { __fn?: unknown; __batch?: unknown[][]; __results?: Outcome[] };
  function run(id: string, batch: unknown[][], timeoutMs: number): Outcome[] {
    const fn = stub.registry.get(id);
    if (fn === undefined) throw new Error(`${id} is not associated`);
    c.__fn = fn;
    c.__batch = batch;
    c.__results = [];
    batchScript.runInContext(context, { timeout: timeoutMs });
    return c.__results;
  }
  /** Runs calls; a call that does not finish within `callTimeoutMs` comes back as a timeout error. */
  function callBatchNow(id: string, batch: unknown[][], callTimeoutMs: number): Outcome[] {
    try {
      return run(id, batch, callTimeoutMs * Math.max(1, batch.length) + 1000);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      return batch.map((args) => {
        try {
          return run(id, [args], callTimeoutMs)[0];
        } catch (e) {
          if (!isTimeout(e)) throw e;
          return { ok: false, error: e, ms: callTimeoutMs };
        }
      });
    }
  }
  /** The same, each promised result awaited (as Excel awaits it) into its value or error. */
  async function callBatch(id: string, batch: unknown[][], callTimeoutMs: number): Promise<Outcome[]> {
    return Promise.all(
      callBatchNow(id, batch, callTimeoutMs).map(async (o): Promise<Outcome> => {
        if (!o.ok || !isPromiseLike(o.value)) return o;
        try {
          return { ok: true, value: await o.value, ms: o.ms };
        } catch (error) {
          return { ok: false, error, ms: o.ms };
        }
      }),
    );
  }
  return { metadata, callBatch, stub };
}

function isTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && /Script execution timed out/.test(String((error as { message?: unknown }).message));
}

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

/** Why a call broke the contract, or undefined when it kept it. */
export function contractBreach(fn: FunctionMetadata, outcome: Outcome, slowMs = Infinity): string | undefined {
  if (outcome.ms > slowMs) return `took ${outcome.ms} ms (bound: ${slowMs} ms)`;
  if (!outcome.ok) {
    const e = outcome.error;
    if (isTimeout(e)) return "did not finish within the time bound";
    if (!(e instanceof CustomFunctionsError)) {
      const described = typeof e === "object" && e !== null ? `${String((e as Error).name)}: ${String((e as Error).message)}` : typeof e;
      return `threw ${described} instead of a CustomFunctions.Error`;
    }
    if (!ERROR_CODES.has(e.code)) return `threw a CustomFunctions.Error with an unknown code ${String(e.code)}`;
    if (typeof e.message !== "string" || e.message.trim() === "") return "threw a CustomFunctions.Error without a message";
    if (/^unexpected problem/.test(e.message)) return `failed internally: ${e.message}`;
    // Outside quoted user text, a message must not show an internal value (NaN, undefined, [object Object]).
    const unquoted = e.message.replace(/"[^"]*"/g, '""');
    if (/\bNaN\b|\bundefined\b|\[object /.test(unquoted) || /\[object /.test(e.message)) {
      return `threw a message with an internal value in it: ${e.message}`;
    }
    return undefined;
  }
  const value = outcome.value;
  const cell = (v: unknown, where: string): string | undefined => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return `${where} is ${v}`;
      if (Object.is(v, -0)) return `${where} is -0`;
      return undefined;
    }
    if (typeof v === "string") {
      if (v.length > 32767) return `${where} is a text of ${v.length} characters (a cell holds at most 32,767)`;
      // The inputs hold whole characters only: half of a surrogate pair in a result is a text cut inside a character.
      if (/[\uD800-\uDFFF]/u.test(v)) return `${where} holds half of a two-unit character (a text cut inside a character)`;
      return undefined;
    }
    if (typeof v === "boolean") return undefined;
    return `${where} is ${v === null ? "null" : typeof v}`;
  };
  if (fn.result.dimensionality === "matrix") {
    if (!Array.isArray(value) || value.length === 0) return `returned ${Array.isArray(value) ? "an empty array" : typeof value} for a matrix result`;
    if (!value.every((row) => Array.isArray(row))) return "returned a matrix with a row that is not an array";
    const width = (value[0] as unknown[]).length;
    if (width === 0) return "returned a matrix with empty rows";
    if (value.some((row) => (row as unknown[]).length !== width)) return "returned a ragged matrix";
    for (const [r, row] of (value as unknown[][]).entries()) {
      for (const [c, v] of row.entries()) {
        const problem = cell(v, `cell (${r + 1}, ${c + 1})`);
        if (problem) return `returned a matrix whose ${problem}`;
      }
    }
    return undefined;
  }
  if (fn.result.type === "number") return typeof value === "number" ? cell(value, "the result") : `returned ${typeof value} for a number result`;
  return cell(value, "the result");
}

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------

const HOSTILE_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e308,
  -1e308,
  1e-308,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  1e21,
  1e-7,
  0.1 + 0.2,
  1 - 1e-16,
  1 + 2 ** -52,
  0.9999999999999999,
  1e15,
  1e100,
  -1e-300,
];

const TEXTS = [
  "",
  " ",
  "   ",
  "\t",
  "\n",
  "12",
  " 12 ",
  "1e3",
  "-0",
  "0,5",
  "50%",
  "NaN",
  "Infinity",
  "-Infinity",
  "TRUE",
  "FALSE",
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#REF!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "null",
  "undefined",
  "=1+1",
  '=HYPERLINK("http://x")',
  "+1",
  "-1",
  "@SUM(A1)",
  "<script>",
  "'; DROP TABLE",
  "😀",
  "👨‍👩‍👧",
  "é",
  "É",
  "ß",
  "İ",
  "ǅ",
  "\u202eRTL",
  "\u0000",
  "\ufeff",
  "a\u0301",
  "Ω",
  "日本語",
  "Iliad\u00a0",
  "x".repeat(10_000),
  "é".repeat(2_000),
];

/**
 * Values Excel hands a function declared `any` that are not plain numbers, texts or booleans:
 * with `allowCustomDataForDataTypeAny` (see functions.json), data types and errors arrive as objects.
 */
const EXCEL_OBJECTS: unknown[] = [
  { type: "Error", errorType: "Div0" },
  { type: "Error", errorType: "NotAvailable", errorSubType: "Unknown" },
  { type: "Double", basicValue: 1 },
  { type: "Double", basicValue: NaN },
  { type: "String", basicValue: "EV" },
  { type: "Boolean", basicValue: true },
  { type: "Entity", text: "OpCore", properties: { EV: { type: "Double", basicValue: 860e6 } } },
  { type: "FormattedNumber", basicValue: 0.5, numberFormat: "0%" },
  {},
  new Date(0),
];

/** Keywords a parameter's help lists ("EV", "CAPITAUX PROPRES", ...), to reach past the readers. */
export function keywordsOf(p: ParameterMetadata): string[] {
  return [...(p.description ?? "").matchAll(/"([^"]{1,40})"/g)].map((m) => m[1]);
}

const NAMES = ["Iliad", "InfraVia", "Founders", "Seed", "Series A", "ESOP", "Pool", "A", "B", "iliad", " Iliad ", "ILIAD", "Fonds"];

type Flavour = "number" | "name" | "keyword";

/** What kind of value a parameter wants, guessed from its name and help (only to bias toward deep paths). */
export function flavourOf(p: ParameterMetadata): Flavour {
  if (keywordsOf(p).length > 0 && !/\b(shares|stake|price|value|amount|number|count)\b/i.test(p.name)) return "keyword";
  if (/holder|seller|buyer|investor|name|class/i.test(p.name)) return "name";
  return "number";
}

const plausibleNumber = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }), weight: 3 },
  { arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(0.5, 0.2, 0.25, 0.1, 1, 2, 10, 100, 1000, 860e6, 212437519.36, 148250000, 131, 45658, 46000), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 5 }), weight: 1 },
);

/** A character beyond U+FFFF (two UTF-16 code units): emoji, mathematical letters. */
const astral = fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c));
/** A control character: C0 (tab, line feed, carriage return, NUL…), DEL, C1. */
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);

/**
 * Edge texts, generated (issue 13): names around a cell's 32,767-character limit ending in a
 * two-unit character; names with a control character inside; names with ß, ẞ or SS (one holder or
 * two, as Excel's lookups say); names whose 30th-32nd code unit is an emoji (where sheet names and
 * messages cut). Given where a name, a keyword or a number belongs.
 */
export const edgeText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 32_700, max: 33_500 }), word, astral).map(([n, w, tail]) => w + "n".repeat(n - w.length) + tail),
  fc.tuple(word, controlChar, word).map(([a, c, b]) => `${a}${c}${b}`),
  fc.tuple(word, fc.constantFrom("ß", "ẞ", "SS", "ss", "s")).map(([w, s]) => `Stra${s}e ${w}`),
  fc.tuple(fc.integer({ min: 26, max: 32 }), astral).map(([n, a]) => "c".repeat(n) + a + a),
);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: edgeText, weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.double(), weight: 2 }, // any double, NaN, infinities and -0 included
  { arbitrary: fc.constantFrom(...TEXTS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, ""), weight: 2 },
  { arbitrary: fc.constantFrom(...EXCEL_OBJECTS), weight: 1 },
);

function goodCell(flavour: Flavour, keywords: string[]): fc.Arbitrary<unknown> {
  if (flavour === "keyword") {
    const variants = keywords.flatMap((k) => [k, k.toLowerCase(), ` ${k} `]);
    return fc.oneof({ arbitrary: fc.constantFrom(...variants), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  if (flavour === "name") return fc.constantFrom(...NAMES);
  return plausibleNumber;
}

/** One cell for a parameter: mostly plausible, often hostile. */
export function cellFor(p: ParameterMetadata, hostileWeight = 2): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: goodCell(flavourOf(p), keywordsOf(p)), weight: 5 }, { arbitrary: hostile, weight: hostileWeight });
}

/** A range for a matrix parameter of a given height (rows shared by the call's ranges, so cap tables line up). */
function matrixFor(p: ParameterMetadata, height: number): fc.Arbitrary<unknown> {
  const cell = cellFor(p, 1);
  const width = fc.integer({ min: 1, max: 4 });
  const rectangular = width.chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: height, maxLength: height }));
  const columnOfGood = fc.array(
    goodCell(flavourOf(p), keywordsOf(p)).map((v) => [v]),
    { minLength: height, maxLength: height },
  );
  return fc.oneof(
    { arbitrary: columnOfGood, weight: 5 },
    { arbitrary: rectangular, weight: 4 },
    { arbitrary: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }), weight: 1 }, // ragged, empty rows, empty
    { arbitrary: fc.constantFrom<unknown>([], [[]], [[null]], [[""]], [[], []], [[1], [2, 3]], [1, 2, 3]), weight: 1 },
    { arbitrary: cell, weight: 1 }, // a single value where a range is expected
    // A long column (a few cells repeated): the work must stay bounded.
    {
      arbitrary: fc
        .tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.integer({ min: 200, max: 2000 }))
        .map(([cells, n]) => Array.from({ length: n }, (_, i) => [cells[i % cells.length]])),
      weight: 1,
    },
  );
}

/** Arguments for one call: all declared parameters, optional ones often omitted (null), as Excel passes them. */
export function argumentsFor(fn: FunctionMetadata): fc.Arbitrary<unknown[]> {
  return fc.integer({ min: 1, max: 8 }).chain((height) =>
    fc.tuple(
      ...fn.parameters.map((p) => {
        const value =
          p.dimensionality === "matrix"
            ? matrixFor(p, height)
            : fc.oneof(
                { arbitrary: cellFor(p), weight: 12 },
                { arbitrary: fc.constantFrom<unknown>([[1]], [["EV"]], [[1, 2]], [], [[]]), weight: 1 },
              );
        return p.optional ? fc.oneof({ arbitrary: value, weight: 2 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 }) : value;
      }),
    ),
  );
}

/** A short description of arguments for a failure report (long texts and ranges abbreviated). */
export function describeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_k, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "number" && Object.is(v, -0)) return "-0";
    if (typeof v === "string" && v.length > 40) return `${v.slice(0, 20)}…(${v.length} chars)`;
    if (v === undefined) return "undefined";
    if (Array.isArray(v) && v.length > 12) return [...v.slice(0, 6), `…(${v.length} rows)`];
    return v;
  });
}

// ---------------------------------------------------------------------------------------------
// Seeded mutation: valid calls, then one to three cells or arguments replaced
// ---------------------------------------------------------------------------------------------

type Mutation = {
  arg: number;
  row: number;
  col: number;
  kind: "cell" | "argument" | "omit" | "dropRow" | "addRow" | "ragged" | "transpose" | "grow";
  value: unknown;
};

/** Grows every range of a call to `rows` rows by repeating its body rows, names made unique ("Iliad 7"). */
function grow(args: unknown[], rows: number): void {
  args.forEach((a, i) => {
    if (!Array.isArray(a) || a.length < 2 || !a.every((r) => Array.isArray(r))) return;
    const matrix = a as unknown[][];
    const header =
      typeof matrix[0][0] === "string" &&
      matrix.length > 2 &&
      matrix[1].some((v) => typeof v === "number") &&
      matrix[0].every((v) => typeof v === "string");
    const body = header ? matrix.slice(1) : matrix.slice();
    const out = header ? [matrix[0]] : [];
    for (let k = 0; out.length < rows; k++) {
      const source = body[k % body.length];
      out.push(k < body.length ? source : source.map((v) => (typeof v === "string" && v !== "" ? `${v} ${k}` : v)));
    }
    args[i] = out;
  });
}

/**
 * Grows the call's first range, and the ranges beside it (as many rows: a cap table's shares, FDSHARES'
 * strikes), to `rows` rows below its header (a first row of texts). Rows are repeated with only the
 * first cell made unique ("Iliad 7"), so names stay names, keywords stay keywords and a grown valid
 * call stays valid; the other ranges (investors, exit values, sellers) are left as they are.
 */
export function growNames(args: unknown[], rows: number): void {
  const isRange = (a: unknown): a is unknown[][] => Array.isArray(a) && a.length > 0 && a.every((r) => Array.isArray(r) && r.length > 0);
  const first = args.find(isRange);
  if (first === undefined) return;
  const height = first.length;
  args.forEach((a, i) => {
    if (!isRange(a) || a.length !== height) return;
    const header = a.length > 1 && a[0].every((v) => typeof v === "string") && a.slice(1).some((r) => r.some((v) => typeof v === "number"));
    const body = header ? a.slice(1) : a.slice();
    const out = header ? [a[0]] : [];
    for (let k = 0; out.length - (header ? 1 : 0) < rows; k++) {
      const source = body[k % body.length];
      out.push(k < body.length ? source : [typeof source[0] === "string" ? `${source[0]} ${k}` : source[0], ...source.slice(1)]);
    }
    args[i] = out;
  });
}

const mutationValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: edgeText, weight: 1 },
  { arbitrary: hostile, weight: 4 },
  { arbitrary: plausibleNumber, weight: 2 },
  { arbitrary: fc.constantFrom(...NAMES), weight: 1 },
);

function clone<T>(v: T): T {
  return Array.isArray(v) ? (v.map(clone) as T) : v;
}

/** Applies mutations to a copy of a valid call. */
export function mutate(seed: readonly unknown[], mutations: readonly Mutation[], fn: FunctionMetadata): unknown[] {
  const args = seed.map(clone);
  for (const m of mutations) {
    const i = m.arg % args.length;
    const a = args[i];
    switch (m.kind) {
      case "argument":
        args[i] = m.value;
        break;
      case "omit":
        args[i] = fn.parameters[i]?.optional ? null : m.value;
        break;
      case "cell":
        if (Array.isArray(a) && a.length > 0 && Array.isArray(a[m.row % a.length])) {
          const row = a[m.row % a.length] as unknown[];
          if (row.length > 0) row[m.col % row.length] = m.value;
        } else args[i] = m.value;
        break;
      case "dropRow":
        if (Array.isArray(a) && a.length > 0) a.splice(m.row % a.length, 1);
        break;
      case "addRow":
        if (Array.isArray(a) && Array.isArray(a[0])) a.push((a[0] as unknown[]).map(() => m.value));
        break;
      case "ragged":
        if (Array.isArray(a) && Array.isArray(a[m.row % Math.max(1, a.length)])) (a[m.row % a.length] as unknown[]).push(m.value);
        break;
      case "grow":
        grow(args, 50 + ((m.row * 97 + m.col * 13) % 1500));
        break;
      case "transpose":
        if (Array.isArray(a) && a.every((r) => Array.isArray(r)) && a.length > 0) {
          const rows = a as unknown[][];
          args[i] = rows[0].map((_, c) => rows.map((r) => r[c]));
        }
        break;
    }
  }
  return args;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  arg: fc.nat(20),
  row: fc.nat(20),
  col: fc.nat(10),
  kind: fc.constantFrom<Mutation["kind"]>("cell", "cell", "cell", "cell", "argument", "omit", "dropRow", "addRow", "ragged", "transpose", "grow"),
  value: mutationValue,
});

/**
 * A seed with every declared parameter: optional parameters added to a function since the seed
 * was written are omitted (null), as Excel passes them.
 */
export function completeSeed(fn: FunctionMetadata, seed: readonly unknown[]): unknown[] {
  return fn.parameters.map((_, i) => (i < seed.length ? seed[i] : null));
}

/** Calls derived from valid ones: the seed itself, or the seed with one to three mutations. */
export function mutatedArguments(fn: FunctionMetadata, seeds: readonly (readonly unknown[])[]): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(fc.constantFrom(...seeds.map((seed) => completeSeed(fn, seed))), fc.array(mutationArb, { minLength: 0, maxLength: 3 }))
    .map(([seed, mutations]) => mutate(seed, mutations, fn));
}
