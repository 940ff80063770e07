/**
 * decimal.js as the bundles get it (scripts/decimal-trim-loader.cjs): without the methods the add-in
 * never calls. The installed decimal.js must trim cleanly, every other method must be kept as it is,
 * and no source calls a dropped method (Jest runs the untrimmed library, so this is where a call
 * would be caught before a build; the built bundle's tests then run through the trimmed one).
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { DROPPED, trimDecimal } from "../../scripts/decimal-trim-loader.cjs";

const ROOT = path.resolve(__dirname, "../..");
const original = fs.readFileSync(path.join(ROOT, "node_modules/decimal.js/decimal.mjs"), "utf8");
const { text: trimmed, problems } = trimDecimal(original);

/** The methods of a decimal.mjs text: its Decimal constructor's and its prototype's, by name. */
function methodsOf(source: string): { statics: string[]; proto: string[] } {
  // The ES module as a script: its two `export` lines made into a return of the constructor.
  const script = source.replace(/^export default Decimal;\s*$/m, "").replace(/^export var Decimal = /m, "var Decimal = ");
  const Decimal = vm.runInNewContext(`${script}\nDecimal;`, {}) as Record<string, unknown> & { prototype: object };
  const fns = (o: object) => Object.getOwnPropertyNames(o).filter((k) => typeof (o as Record<string, unknown>)[k] === "function");
  return { statics: fns(Decimal).sort(), proto: fns(Decimal.prototype).sort() };
}

test("the installed decimal.js trims cleanly: every listed method found once", () => {
  expect(problems).toEqual([]);
  expect(trimmed.length).toBeLessThan(original.length);
});

test("the trimmed library lacks exactly the dropped methods and keeps every other one, its text unchanged", () => {
  const before = methodsOf(original);
  const after = methodsOf(trimmed);
  const dropped = new Set<string>(DROPPED);
  expect(after.proto).toEqual(before.proto.filter((m) => !dropped.has(m)));
  expect(after.statics).toEqual(before.statics.filter((m) => !dropped.has(m)));
  for (const m of DROPPED) expect([m, before.proto.includes(m) || before.statics.includes(m)]).toEqual([m, true]);
  // Every kept method's text is unchanged: the trimmed file is the original less whole definitions.
  for (const line of trimmed.split("\n")) expect(original.includes(line)).toBe(true);
});

test("no source calls a method the bundles' decimal.js no longer has", () => {
  const calls = new RegExp(`(?<!Math)\\.(${DROPPED.join("|")})\\(`);
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) {
        fs.readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (calls.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
  };
  walk(path.join(ROOT, "src"));
  expect(offenders).toEqual([]);
});
