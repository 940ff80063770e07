/**
 * The function reference cannot drift:
 * - docs/functions.md is what `npm run docs` generates from the built metadata (dist/functions.json),
 *   the JSDoc `@returns` lines and docs/function-examples.json;
 * - every example in docs/function-examples.json gives, through the built bundle's registry (as
 *   Excel calls it), exactly the result written beside it.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { CustomFunctionsError } from "./support/customFunctionsRuntime";
import { loadBundle, readFunctionMetadata } from "./support/hyperformulaCaptable";

const root = path.resolve(__dirname, "..");

interface Example {
  title: string;
  args: unknown[];
  result: unknown;
}
const { examples } = JSON.parse(fs.readFileSync(path.join(root, "docs", "function-examples.json"), "utf8")) as {
  examples: Record<string, Example[]>;
};
const metadata = readFunctionMetadata();

describe("docs/functions.md", () => {
  test("is what npm run docs generates from the current build", () => {
    const generated = execFileSync(process.execPath, [path.join(root, "scripts", "gen-function-docs.mjs"), "--stdout"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const committed = fs.readFileSync(path.join(root, "docs", "functions.md"), "utf8");
    if (generated !== committed) {
      const a = committed.split("\n");
      const b = generated.split("\n");
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `docs/functions.md is out of date: run npm run docs (after npm run build). First difference at line ${line + 1}:\n` +
          `  committed: ${JSON.stringify(a[line])}\n  generated: ${JSON.stringify(b[line])}`,
      );
    }
    // Sanity: one section per declared function, with its syntax.
    for (const fn of metadata) {
      expect(committed).toContain(`## CAPTABLE.${fn.id}\n`);
      expect(committed).toContain(`=CAPTABLE.${fn.id}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`);
    }
  });
});

describe("docs/function-examples.json", () => {
  const stub = loadBundle();
  const declared = new Map(metadata.map((m) => [m.id, m]));
  const cases = Object.entries(examples).flatMap(([id, list]) => list.map((e) => [id, e] as const));

  test("only names declared functions, with no more arguments than they take", () => {
    for (const [id, example] of cases) {
      expect({ id, declared: declared.has(id) }).toEqual({ id, declared: true });
      expect(example.args.length).toBeLessThanOrEqual(declared.get(id)!.parameters.length);
    }
  });

  test("has the OpCore example for each stake-sale function and an example for every function of issue 2", () => {
    for (const id of ["EQUITYVALUE", "ENTERPRISEVALUE", "STAKEVALUE", "IMPLIEDVALUE", "DEALVIEW", "SECONDARY", "EVPERUNIT"]) {
      expect((examples[id] ?? []).some((e) => e.title.startsWith("OpCore"))).toBe(true);
    }
    for (const id of ["OWNERSHIP", "PRIMARYSHARES", "POSTMONEY", "PRICEPERSHARE", "PRIMARY", "IMPLIEDEV"]) {
      expect((examples[id] ?? []).length).toBeGreaterThan(0);
    }
  });

  test.each(cases.map(([id, e]) => [`${id}: ${e.title}`, id, e] as const))("%s", (_title, id, example) => {
    const fn = stub.registry.get(id);
    if (fn === undefined) throw new Error(`${id} is not associated by dist/functions.js`);
    const args = [...example.args];
    while (args.length < declared.get(id)!.parameters.length) args.push(null); // omitted optionals, as Excel passes them
    let outcome: unknown;
    try {
      outcome = fn(...args);
    } catch (error) {
      if (!(error instanceof CustomFunctionsError)) throw error;
      outcome = { error: error.code, message: error.message };
    }
    expect(outcome).toEqual(example.result);
  });
});
