/**
 * The JSDoc of src/functions/functions.ts is Excel's metadata (the help Excel shows for each
 * argument); the defaults and keyword lists it states are then written again in code
 * (`readChoice(basis, "basis", BASIS, "EQUITY")`). This test holds the two together (issue 15):
 * - `"X" (default…)`: omitting the argument gives the same result (or the same error) as typing "X";
 * - `Default 0` / `Default 100%`: omitting it is the same as typing 0 / 100%;
 * - a keyword argument: every word the help quotes is accepted, and every value the function
 *   accepts (as its "must be one of" message lists them) is quoted in the help.
 * Each function is called in process, with the arguments of its first documented example
 * (docs/function-examples.json) and the one argument changed.
 */
import fs from "fs";
import path from "path";
import * as fns from "../../src/functions/functions";

const source = fs.readFileSync(path.resolve(__dirname, "../../src/functions/functions.ts"), "utf8");
const examples: Record<string, { args: unknown[]; result: unknown }[]> = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../docs/function-examples.json"), "utf8"),
).examples;
const exported = fns as unknown as Record<string, (...args: unknown[]) => unknown>;

interface Param {
  readonly name: string;
  readonly optional: boolean;
  readonly doc: string;
}

/** Every function's ID, implementation and parameters, in order, from its JSDoc (the metadata plugin's `associate` calls are not in the source). */
const functions = [...source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)\(/g)]
  .filter((m) => m[1].includes("@customfunction"))
  .map(([, doc, fn]) => ({
    id: /@customfunction (\w+)/.exec(doc)![1],
    fn,
    params: [...doc.matchAll(/@param (\[)?(\w+)\]? ([^\n]*)/g)].map((p): Param => ({ name: p[2], optional: p[1] === "[", doc: p[3] })),
  }));

type Outcome = { value: unknown } | { error: string };

const byId = new Map(functions.map((f) => [f.id, exported[f.fn]]));

function call(id: string, args: unknown[]): Outcome {
  try {
    return { value: byId.get(id)!(...args) };
  } catch (e) {
    if (!(e instanceof Error) || e.constructor.name === "TypeError") throw e;
    return { error: e.message };
  }
}

/**
 * Arguments to change one of: a documented example's (the first that succeeds and leaves that
 * argument out, when there is one, so that its default applies), padded with nulls to every parameter.
 */
function baseArgs(id: string, count: number, index?: number): unknown[] {
  const ok = examples[id].filter((e) => !(typeof e.result === "object" && e.result !== null && "error" in e.result));
  const example = ok.find((e) => index !== undefined && (e.args[index] ?? null) === null) ?? ok[0] ?? examples[id][0];
  return Array.from({ length: count }, (_, i) => example.args[i] ?? null);
}

function withArg(args: unknown[], index: number, value: unknown): unknown[] {
  return args.map((a, i) => (i === index ? value : a));
}

/** The quoted words of a parameter's help: "EQUITY", "CAPITAUX PROPRES" (not another argument's, as in `(default for "POST")`). */
const quoted = (doc: string): string[] => [...doc.replace(/\(default for "[^"]*"\)/g, "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);

const cases = functions.flatMap((f) => f.params.map((p, index) => ({ id: f.id, index, param: p, count: f.params.length })));

test("the JSDoc is read: every function, with an example to call", () => {
  expect(functions.length).toBeGreaterThan(20);
  for (const f of functions) {
    expect(typeof byId.get(f.id)).toBe("function");
    expect(examples[f.id]?.length).toBeGreaterThan(0);
  }
});

describe('a default the help states ("X" (default), Default 0) is what omitting the argument gives', () => {
  const defaults = cases.flatMap((c) => {
    const word = /"([^"]+)" \(default\b/.exec(c.param.doc)?.[1];
    const number = /\bDefault (0|100%)[.;]?(\s|$)/.exec(c.param.doc)?.[1];
    if (!c.param.optional) return [];
    if (word !== undefined) return [{ ...c, typed: word as unknown }];
    if (number !== undefined) return [{ ...c, typed: number === "0" ? 0 : 1 }];
    return [];
  });

  test("there are defaults to check", () => {
    expect(defaults.length).toBeGreaterThan(30);
  });

  /** An outcome without the words "(the default)", which a message adds when the value was not typed. */
  const plain = (o: Outcome): Outcome => ("error" in o ? { error: o.error.replace(/ \(the default\)/g, "") } : o);

  test.each(defaults.map((d) => [`${d.id} ${d.param.name} = ${JSON.stringify(d.typed)}`, d] as const))("%s", (_, d) => {
    const args = baseArgs(d.id, d.count, d.index);
    const typed = call(d.id, withArg(args, d.index, d.typed));
    // Where the argument does not apply, typing even its default is refused (never silently ignored): nothing to compare.
    if ("error" in typed && new RegExp(`^${d.param.name} must be empty|^${d.param.name} is given but`).test(typed.error)) return;
    expect(plain(call(d.id, withArg(args, d.index, null)))).toEqual(plain(typed));
  });
});

describe("a keyword argument's help and the words it accepts agree", () => {
  /** The keyword arguments: those an unknown word makes fail with "<name> must be one of …". */
  const keywordArgs = cases.flatMap((c) => {
    if (!c.param.optional && !/"/.test(c.param.doc)) return [];
    const outcome = call(c.id, withArg(baseArgs(c.id, c.count), c.index, "NOT A WORD"));
    // A keyword list ("must be one of "A", "B", got …"), not a list of names ("must be one of the holders").
    const m = "error" in outcome ? new RegExp(`^${c.param.name} must be one of ("[^"]*"(?:, "[^"]*")*), got`).exec(outcome.error) : null;
    return m === null ? [] : [{ ...c, accepted: quoted(m[1]) }];
  });

  test("there are keyword arguments to check", () => {
    expect(keywordArgs.map((k) => `${k.id} ${k.param.name}`)).toEqual(
      expect.arrayContaining(["STAKEVALUE basis", "STAKEVALUE component", "PRIMARYSHARES rounding", "CONVERTNOTE day_count", "ANTIDILUTION method"]),
    );
  });

  test.each(keywordArgs.map((k) => [`${k.id} ${k.param.name}`, k] as const))("%s", (_, k) => {
    // Every value the function accepts is quoted in its help…
    expect(k.accepted.filter((v) => !quoted(k.param.doc).includes(v))).toEqual([]);
    // …and every word the help quotes is accepted.
    const refused = quoted(k.param.doc).filter((word) => {
      const outcome = call(k.id, withArg(baseArgs(k.id, k.count), k.index, word));
      return "error" in outcome && outcome.error.startsWith(`${k.param.name} must be one of`);
    });
    expect(refused).toEqual([]);
  });
});
