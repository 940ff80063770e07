/**
 * Fuzzing every custom function of the BUILT bundle (dist/functions.js, loaded in a vm with the
 * stand-in CustomFunctions runtime) with random cell values: numbers (huge, tiny, negative zero,
 * NaN, infinities), texts (numeric, error-like, formulas, unicode, 10,000 characters), booleans,
 * empty cells, null and undefined, Excel data-type objects, ranges (ragged, empty, 1x1, a single
 * value where a range belongs, thousands of rows).
 *
 * The functions and their parameters are read from dist/functions.json, so a new function is fuzzed
 * without touching this file. Half the calls are generated from the parameter list; the other half
 * start from valid calls (./support/fuzzSeeds.ts) with one to three cells or arguments replaced, to
 * get past the readers into the engine.
 *
 * Every call must keep the contract of ./support/fuzz.ts: a finite number, a well-formed matrix, or
 * a CustomFunctions.Error with a message; and finish within the bound.
 *
 * Deterministic: fast-check with a fixed seed. Configurable:
 *   CAPTABLE_FUZZ_RUNS   calls per function (default 5000: about 100,000 calls and well over a
 *                        million cell values in total)
 *   CAPTABLE_FUZZ_SEED   the seed (default 20250401)
 *   CAPTABLE_DIST        the build to fuzz (default dist/)
 */
import path from "path";
import fc from "fast-check";
import {
  FunctionMetadata,
  Outcome,
  argumentsFor,
  completeSeed,
  contractBreach,
  describeArgs,
  edgeText,
  growNames,
  loadBuiltFunctions,
  mutatedArguments,
} from "./support/fuzz";
import { FUZZ_SEEDS, GROWN_ROWS_INVALID } from "./support/fuzzSeeds";

const dist = process.env.CAPTABLE_DIST ?? path.resolve(__dirname, "../../dist");
const RUNS = Number(process.env.CAPTABLE_FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.CAPTABLE_FUZZ_SEED ?? 20250401);
/** A call that takes longer than this is a failure (the work per call must stay bounded). */
const CALL_BOUND_MS = 5000;
const CHUNK = 500;

const built = loadBuiltFunctions(dist);

/** Leaves of an argument list: the cell values a call receives. */
function countCells(value: unknown): number {
  return Array.isArray(value) ? value.reduce((n: number, v) => n + countCells(v), 0) : 1;
}

function seedOf(id: string): number {
  let h = SEED;
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

const totals = { calls: 0, cells: 0, silentMessages: new Set<string>() };

/** Excel shows a custom message only with #VALUE! and #N/A (custom-functions-runtime's ErrorCode docs). */
const CODES_WITH_MESSAGES = new Set(["#VALUE!", "#N/A"]);

describe("the contract checker (so the fuzz test can fail)", () => {
  const scalar: FunctionMetadata = { id: "X", parameters: [], result: { type: "number" } };
  const matrix: FunctionMetadata = { id: "X", parameters: [], result: { dimensionality: "matrix" } };
  const ok = (value: unknown): Outcome => ({ ok: true, value, ms: 0 });
  const err = (error: unknown): Outcome => ({ ok: false, error, ms: 0 });
  const CFError = built.stub.Error;

  test.each([
    ["NaN", scalar, ok(NaN)],
    ["Infinity", scalar, ok(Infinity)],
    ["-0", scalar, ok(-0)],
    ["a text for a number result", scalar, ok("1")],
    ["a ragged matrix", matrix, ok([[1, 2], [3]])],
    ["an empty matrix", matrix, ok([])],
    ["a matrix cell that is NaN", matrix, ok([[1, NaN]])],
    ["a matrix cell that is null", matrix, ok([[1, null]])],
    ["a text longer than a cell holds", matrix, ok([["x".repeat(32768)]])],
    ["a text cut inside a character", matrix, ok([["ab\uD83D"]])],
    ["a TypeError", scalar, err(new TypeError("x is undefined"))],
    ["a CustomFunctions.Error without a message", scalar, err(new CFError("#VALUE!"))],
    ["an internal failure passed through", scalar, err(new CFError("#VALUE!", "unexpected problem: x"))],
    ["[object Object] in a message", scalar, err(new CFError("#VALUE!", 'x must be one of the holders, got "[object Object]"'))],
    ["a slow call", scalar, { ok: true, value: 1, ms: CALL_BOUND_MS + 1 } as Outcome],
  ])("flags %s", (_what, fn, outcome) => {
    expect(contractBreach(fn, outcome, CALL_BOUND_MS)).toBeDefined();
  });

  test("accepts a number, a text or boolean matrix, and a CustomFunctions.Error with a message", () => {
    expect(contractBreach(scalar, ok(1.5), CALL_BOUND_MS)).toBeUndefined();
    expect(
      contractBreach(
        matrix,
        ok([
          ["a", 1],
          [true, ""],
        ]),
        CALL_BOUND_MS,
      ),
    ).toBeUndefined();
    expect(contractBreach(scalar, err(new CFError("#VALUE!", 'stake must be a number, got the text "NaN"')), CALL_BOUND_MS)).toBeUndefined();
  });

  test("an endless call is cut by the time bound and reported, and the batch goes on", async () => {
    built.stub.associate("FUZZ_SELFTEST_LOOP", (n: unknown) => {
      if (n === 1) for (;;);
      return 1;
    });
    const outcomes = await built.callBatch("FUZZ_SELFTEST_LOOP", [[0], [1], [2]], 200);
    expect(outcomes.map((o) => contractBreach(scalar, o, CALL_BOUND_MS))).toEqual([undefined, "did not finish within the time bound", undefined]);
    built.stub.registry.delete("FUZZ_SELFTEST_LOOP");
  });
});

describe("fuzz seeds", () => {
  test("every seed is a valid call that succeeds as written", async () => {
    for (const fn of built.metadata.functions) {
      for (const seed of FUZZ_SEEDS[fn.id] ?? []) {
        // Longer than the parameter list, or missing a required argument: the seed is out of date.
        expect(`${fn.id}: ${seed.length} arguments for at most ${fn.parameters.length}`).toBe(
          `${fn.id}: ${Math.min(seed.length, fn.parameters.length)} arguments for at most ${fn.parameters.length}`,
        );
        fn.parameters.forEach((p, i) => {
          if (!p.optional) expect(`${fn.id}: ${p.name} given: ${i < seed.length}`).toBe(`${fn.id}: ${p.name} given: true`);
        });
        const [outcome] = await built.callBatch(fn.id, [completeSeed(fn, seed)], CALL_BOUND_MS);
        expect(`${fn.id}: ${outcome.ok ? "ok" : String((outcome.error as Error).message)}`).toBe(`${fn.id}: ok`);
        expect(contractBreach(fn, outcome, CALL_BOUND_MS)).toBeUndefined();
      }
    }
  });

  test("seeds exist only for functions that exist", () => {
    const ids = new Set(built.metadata.functions.map((f) => f.id));
    expect(Object.keys(FUZZ_SEEDS).filter((id) => !ids.has(id))).toEqual([]);
  });
});

/**
 * Big ranges (issue 13): every function's first valid call grown to each size of BIG_ROWS (its first
 * range and the ranges beside it; names made unique, see `growNames`) must still succeed, and, with a
 * generated edge text (see `edgeText`) in one name cell, keep the contract. CAPTABLE_FUZZ_BIG_ROWS sets
 * the sizes, comma-separated (default 1000,2500, within the time bound today; the sizes,
 * "20000,130000,150000", need the near-linear readers and no spread of user-sized arrays).
 */
const BIG_ROWS = (process.env.CAPTABLE_FUZZ_BIG_ROWS ?? "1000,2500").split(",").map(Number);

describe(`big ranges (${BIG_ROWS.join(", ")} rows)`, () => {
  test.each(built.metadata.functions.filter((fn) => (FUZZ_SEEDS[fn.id] ?? []).length > 0).map((fn) => [fn.id, fn] as const))(
    "%s",
    async (_id, fn) => {
      const texts = fc.sample(edgeText, { seed: seedOf(fn.id), numRuns: BIG_ROWS.length });
      const breaches: string[] = [];
      for (const [k, rows] of BIG_ROWS.entries()) {
        const args = completeSeed(fn, FUZZ_SEEDS[fn.id][0]).map((a) => (Array.isArray(a) ? a.map((r) => (Array.isArray(r) ? [...r] : r)) : a));
        growNames(args, rows);
        const [grown] = await built.callBatch(fn.id, [args], CALL_BOUND_MS);
        if (!grown.ok && GROWN_ROWS_INVALID[fn.id] === undefined)
          breaches.push(`${fn.id} with ${rows} rows failed: ${String((grown.error as Error).message)}`);
        const breach = contractBreach(fn, grown, CALL_BOUND_MS);
        if (breach) breaches.push(`${fn.id} with ${rows} rows: ${breach}`);
        // The same call with an edge text as the name of its last row (a name column: the first cell of a text row).
        const range = args.find((a) => Array.isArray(a) && a.length >= rows) as unknown[][] | undefined;
        const last = range?.[range.length - 1];
        if (range !== undefined && Array.isArray(last) && typeof last[0] === "string") {
          range[range.length - 1] = [texts[k], ...last.slice(1)];
          const [edged] = await built.callBatch(fn.id, [args], CALL_BOUND_MS);
          const edgeBreach = contractBreach(fn, edged, CALL_BOUND_MS);
          if (edgeBreach) breaches.push(`${fn.id} with ${rows} rows and the name ${describeArgs([texts[k]])}: ${edgeBreach}`);
        }
      }
      expect(breaches).toEqual([]);
    },
    180_000,
  );
});

describe(`fuzzing the built functions (${RUNS} calls each, seed ${SEED})`, () => {
  test.each(built.metadata.functions.map((fn) => [fn.id, fn] as const))(
    "%s",
    async (_id, fn) => {
      const seeds = FUZZ_SEEDS[fn.id];
      const arb = seeds ? fc.oneof(mutatedArguments(fn, seeds), argumentsFor(fn)) : argumentsFor(fn);
      const breaches: string[] = [];
      let succeeded = 0;
      let failed = 0;
      for (let done = 0, chunk = 0; done < RUNS; done += CHUNK, chunk++) {
        const batch = fc.sample(arb, { seed: seedOf(fn.id) + chunk, numRuns: Math.min(CHUNK, RUNS - done) });
        const outcomes = await built.callBatch(fn.id, batch, CALL_BOUND_MS);
        outcomes.forEach((outcome, i) => {
          totals.calls++;
          totals.cells += countCells(batch[i]);
          if (outcome.ok) succeeded++;
          else {
            failed++;
            const e = outcome.error as { code?: string; message?: string };
            if (e.code && !CODES_WITH_MESSAGES.has(e.code) && e.message)
              totals.silentMessages.add(`${fn.id} ${e.code}: ${e.message.replace(/-?\d[\d.e+-]*/g, "#")}`);
          }
          const breach = contractBreach(fn, outcome, CALL_BOUND_MS);
          if (breach && breaches.length < 5) breaches.push(`${fn.id}(${describeArgs(batch[i])}) ${breach}`);
        });
      }
      expect(breaches).toEqual([]);
      // Not vacuous: the calls reached both results and errors.
      expect(succeeded).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
      if (seeds) expect(succeeded / RUNS).toBeGreaterThan(0.1);
    },
    180_000,
  );

  afterAll(() => {
    console.log(`fuzz: ${totals.calls} calls, ${totals.cells} cell values, seed ${SEED}`);
    // Known issue, reported rather than failed: Excel does not display a custom message on these codes.
    if (totals.silentMessages.size > 0) {
      console.log(
        `fuzz: ${totals.silentMessages.size} kinds of error carry a message Excel will not show:\n  ${[...totals.silentMessages].sort().join("\n  ")}`,
      );
    }
  });
});
