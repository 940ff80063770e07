/**
 * Input tables grow in LibreOffice too (issue 11): a workbook whose tables have one more row than
 * the model was built with (as Excel stores it after a user adds a row: the table part's range one
 * row longer, the row's cells filled), opened in LibreOffice Calc headless with recalculation on
 * load forced (the same profile setting as templates.libreoffice.test.ts, which explains it):
 * - priced round: an investor row added under the new-money table is counted by the new money and
 *   the post-money valuation (the NewMoneyAmounts name is the structured reference
 *   RoundInvestors[[Amount (USD)]]);
 * - exit waterfall: a class row added to the classes table turns the results into #N/A (the row
 *   check in BreakpointCheck), never a waterfall that leaves the new class out.
 * Needs soffice (LIBREOFFICE_PATH overrides /usr/bin/soffice). Nothing here asserts a duration.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";
import { cellAddress, parseRange } from "../../src/workbook/a1";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { parseAddress } from "../support/hyperformulaSheet";

const SOFFICE = process.env.LIBREOFFICE_PATH || "/usr/bin/soffice";
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The CSV's fields (quoted fields with "" escapes; no line break inside a field on these sheets' cells read here). */
function csvRows(text: string): string[][] {
  return text.split(/\r?\n/).map((line) => {
    const out: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        out.push(field);
        field = "";
      } else field += ch;
    }
    out.push(field);
    return out;
  });
}

/** The spec with one more data row in `table`, holding `values` (the row under the table, which must be free of values). */
function withRow(sheet: SheetSpec, table: string, values: readonly (string | number | null)[]): SheetSpec {
  const t = sheet.tables!.find((x) => x.name === table)!;
  const r = parseRange(t.ref)!;
  const row = r.bottom + 1;
  const inRow = (c: CellSpec) =>
    parseAddress(c.address).row === row && parseAddress(c.address).col >= r.left && parseAddress(c.address).col <= r.right;
  const cells = sheet.cells.filter((c) => !inRow(c));
  values.forEach((v, k) => cells.push({ address: cellAddress(row, r.left + k), value: v, style: "input" }));
  return { ...sheet, cells, tables: sheet.tables!.map((x) => (x === t ? { ...x, ref: `${t.ref.split(":")[0]}:${cellAddress(row, r.right)}` } : x)) };
}

const ROUND = buildModel(builtInTemplate("priced-round-option-pool")!.template.inputs as ModelInputs);
const EXIT = buildModel(builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs);
const byLabel = (sheet: SheetSpec, label: string) => {
  const a = sheet.cells.find((c) => c.value === label)!.address;
  return sheet.cells.find((c) => c.address === a.replace(/^A/, "B"))!;
};

describe("a row added to an input table, in LibreOffice", () => {
  let dir: string;
  const csv = new Map<string, string[][]>();
  let soffice = "";

  beforeAll(async () => {
    if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run node scripts/ensure-tools.mjs libreoffice (npm test does)`);
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-lo-tables-"));
    const profile = path.join(dir, "profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
        "</oor:items>",
      ].join("\n"),
    );
    // The exit waterfall's row under the classes table is a note: as Excel inserts a table row, it moves down; here it is left out.
    const books: [string, SheetSpec][] = [
      ["round", withRow(ROUND.sheet, "RoundInvestors", ["Late fund", 250_000])],
      ["exit", withRow(EXIT.sheet, "ExitClasses", ["Series C", 1_000, 1_000, 1, 1, "NONE", null, 1, null])],
    ];
    for (const [name, spec] of books) writeFileSync(path.join(dir, `${name}.xlsx`), (await writeXlsx({ sheets: [{ spec }], addIn: false })).buffer);
    const r = await run([
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      CSV_FILTER,
      "--outdir",
      dir,
      ...books.map(([name]) => path.join(dir, `${name}.xlsx`)),
    ]);
    soffice = r.output;
    if (r.code !== 0) throw new Error(`soffice exited with ${r.code}: ${r.output}`);
    for (const [name, spec] of books) {
      const file = path.join(dir, `${name}-${spec.name}.csv`);
      if (existsSync(file)) csv.set(name, csvRows(readFileSync(file, "utf8")));
    }
  }, 10 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const at = (name: string, address: string) => {
    const rows = csv.get(name);
    if (rows === undefined) throw new Error(`LibreOffice wrote no CSV for ${name}:\n${soffice}`);
    const { row, col } = parseAddress(address);
    return rows[row]?.[col] ?? "";
  };

  test("priced round: the new money and the post-money valuation count the added investor", () => {
    const newMoney = byLabel(ROUND.sheet, "New money (USD)");
    const postMoney = byLabel(ROUND.sheet, "Post-money valuation (USD) = pre-money + new money");
    expect(Number(at("round", newMoney.address))).toBeCloseTo((newMoney.expected as number) + 250_000, 6);
    expect(Number(at("round", postMoney.address))).toBeCloseTo((postMoney.expected as number) + 250_000, 6);
  });

  test("exit waterfall: a class row added turns the row check and the results into #N/A, never a waterfall without it", () => {
    const check = EXIT.sheet.names.find((n) => n.name === "BreakpointCheck")!.ref.replace(/\$/g, "");
    expect(at("exit", check)).toBe("#N/A");
    const residual = EXIT.sheet.names.find((n) => n.name === "ResidualPerShare")!.ref.replace(/\$/g, "");
    expect(at("exit", residual)).toBe("#N/A");
  });
});
