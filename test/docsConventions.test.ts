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

function conventionRows(): { choices: string; selectedBy: string; functions: string[] }[] {
  const start = doc.indexOf("### Which argument selects each convention");
  expect(start).toBeGreaterThan(0);
  const lines = doc.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|---"));
  const rows: { choices: string; selectedBy: string; functions: string[] }[] = [];
  for (const line of lines.slice(first + 1)) {
    if (!line.startsWith("|")) break;
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    rows.push({ choices: cells[2], selectedBy: cells[3], functions: cells[4].split(",").map((f) => f.trim()) });
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
    expect(rows.flatMap((r) => r.functions).filter((f) => !ids.has(f) && f !== "every function")).toEqual([]);
  });

  // Issue 12: every convention that changes a result without a keyword of its own is in the table too.
  test.each([
    ["the cap basis of each SAFE or note in a round", "Cap basis column of `instruments`", "PRICEDROUND", /EXISTING.*POOL.*CONVERTIBLES.*ALL/],
    ["what a SAFE's capitalization includes", "`capitalization_basis`", "SAFE", /INCLUDING.*POST.*EXCLUDING.*PRE/],
    ["which holder is the pool", "`pool_row`", "PRICEDROUND", /Unissued option pool.*Pool d'options/],
    ["the share-count tolerance", "fixed", "TENDER", /1e-12/],
    ["the pool target basis", "`pool_basis`", "PRICEDROUND", /UNISSUED.*TOTAL/],
    ["net debt on the EV basis", "`net_debt`", "IMPLIEDVALUE", /required on EV.*EQUITY.*must be empty or 0/],
    ["empty cells that arrive as 0", "fixed", "every function", /read as empty where 0 cannot be a value/],
  ])("lists %s", (_what, selectedBy, fn, choices) => {
    const found = rows.filter((r) => r.selectedBy.includes(selectedBy) && r.functions.includes(fn) && choices.test(r.choices));
    expect(found).toHaveLength(1);
  });
});
