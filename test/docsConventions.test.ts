/**
 * The conventions table of docs/functions.md ("Which argument selects each convention", written from
 * CONVENTION_ROWS in scripts/gen-function-docs.mjs) lists every keyword argument with a default: an
 * optional argument whose help says `"WORD" (default` must appear, in backticks, in a row naming its
 * function. A convention added to a function without a row here fails this test.
 */
import fs from "fs";
import path from "path";
import { readFunctionMetadata } from "./support/hyperformulaCaptable";

const root = path.resolve(__dirname, "..");
const doc = fs.readFileSync(path.join(root, "docs", "functions.md"), "utf8");

function conventionRows(): { selectedBy: string; functions: string[] }[] {
  const start = doc.indexOf("### Which argument selects each convention");
  expect(start).toBeGreaterThan(0);
  const lines = doc.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|---"));
  const rows: { selectedBy: string; functions: string[] }[] = [];
  for (const line of lines.slice(first + 1)) {
    if (!line.startsWith("|")) break;
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    rows.push({ selectedBy: cells[3], functions: cells[4].split(",").map((f) => f.trim()) });
  }
  return rows;
}

describe("docs/functions.md conventions table", () => {
  const rows = conventionRows();

  test("every keyword argument with a default has a row naming it and its function", () => {
    const missing: string[] = [];
    for (const fn of readFunctionMetadata()) {
      for (const p of fn.parameters) {
        if (!p.optional || !/"[^"]+" \(default/.test(p.description ?? "")) continue;
        const listed = rows.some((r) => r.functions.includes(fn.id) && r.selectedBy.includes(`\`${p.name}\``));
        if (!listed) missing.push(`${fn.id}(${p.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("rows name only declared functions", () => {
    const ids = new Set(readFunctionMetadata().map((f) => f.id));
    expect(rows.flatMap((r) => r.functions).filter((f) => !ids.has(f))).toEqual([]);
  });
});
