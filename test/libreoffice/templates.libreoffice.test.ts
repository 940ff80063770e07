/**
 * Workbooks travel: every built-in template, built by the command line (`captable build-workbook`),
 * opened in LibreOffice Calc headless with recalculation on load forced, shows the engine's values
 * and no error cell. One soffice process converts all the workbooks (CI runs on a busy 2-core
 * machine); nothing here asserts a duration.
 *
 * How LibreOffice is made to recalculate (it keeps the file's cached values by default):
 * - a fresh user profile (`-env:UserInstallation=file:///…`, LibreOffice's documented bootstrap
 *   variable for the profile location) holding `user/registrymodifications.xcu` with
 *   /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0. The option is "Tools > Options >
 *   LibreOffice Calc > Formula > Recalculation on file load > Excel 2007 and newer"; its schema
 *   (officecfg/registry/schema/org/openoffice/Office/Calc.xcs, shipped in
 *   /usr/lib/libreoffice/share/registry/main.xcd) declares it an int, default 1; the values are
 *   sc/inc/calcconfig.hxx's ScRecalcOptions: 0 RECALC_ALWAYS, 1 RECALC_NEVER, 2 RECALC_ASK.
 * - proof that it took effect: the priced round's CAPTABLE.PRICEDROUND cell, cached with the
 *   engine's value in the file, reads #NAME? (LibreOffice has no such function): it was recalculated.
 * - values come back through the CSV export filter with "save cell contents as shown" off (raw
 *   values) and sheet -1 (every sheet to its own file, LibreOffice 7.2+):
 *   https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html
 *
 * The priced round holds one add-in table (CAPTABLE.PRICEDROUND, see src/model/pricedRoundModel.ts):
 * in LibreOffice that table and the cells computed from it show #NAME?, and every other cell equals
 * the engine. The exit waterfall, the stake sales and the cap-table histories (issue 17: native sums,
 * ownership, running counts and checks on the engine's values) have no add-in call: no error at all.
 *
 * Needs soffice (scripts/ensure-tools.mjs installs it for `npm test`; LIBREOFFICE_PATH
 * overrides /usr/bin/soffice).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { parseAddress } from "../support/hyperformulaSheet";
import { spilledCells, tokensOf } from "../model/sheetChecks";
import { ERROR_TEXT, convertToCsv, parseCsv, recalcProfile, requireSoffice } from "../support/libreoffice";

/** Formula cells computed from the add-in's tables: the CAPTABLE formulas and, transitively, every formula reading one of their cells. */
function dependsOnAddIn(sheet: SheetSpec): Set<string> {
  const tainted = new Set<string>();
  for (const c of sheet.cells) {
    if (c.formula?.includes("CAPTABLE.")) {
      tainted.add(c.address);
      for (const [address] of spilledCells(c)) tainted.add(address);
    }
  }
  const inRange = (from: string, to: string, address: string) => {
    const a = parseAddress(from);
    const b = parseAddress(to);
    const x = parseAddress(address);
    return x.row >= Math.min(a.row, b.row) && x.row <= Math.max(a.row, b.row) && x.col >= Math.min(a.col, b.col) && x.col <= Math.max(a.col, b.col);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const c of sheet.cells) {
      if (c.formula === undefined || tainted.has(c.address)) continue;
      const t = tokensOf(c.formula);
      const reads = t.cells.some((a) => tainted.has(a)) || t.ranges.some(([f, to]) => [...tainted].some((a) => inRange(f, to, a)));
      if (reads) {
        tainted.add(c.address);
        changed = true;
      }
    }
  }
  return tainted;
}

/** What LibreOffice shows at an address, "" when the cell or row is empty. */
function at(csv: string[][], address: string): string {
  const { row, col } = parseAddress(address);
  return csv[row]?.[col] ?? "";
}

/** A cell's value as LibreOffice computed it, against the engine's: numbers to 1e-9 relative (the CSV carries ~15 digits), texts exactly. */
function differs(got: string, expected: number | string): boolean {
  if (typeof expected === "number") {
    // A percentage comes with its sign even among raw values ("41.6666666666667%").
    // A date comes as the text of its format even among raw values ("2025-04-04"): its day number (1900 date system).
    const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(got);
    const n = iso
      ? (Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - Date.UTC(1899, 11, 30)) / 86_400_000
      : got.endsWith("%")
        ? Number(got.slice(0, -1)) / 100
        : Number(got);
    return got.trim() === "" || !Number.isFinite(n) || Math.abs(n - expected) > 1e-9 * Math.max(1, Math.abs(expected));
  }
  return got !== expected;
}

const templates = builtInTemplates();

describe("built-in templates opened in LibreOffice, recalculated on load", () => {
  let dir: string;
  const csvOf = new Map<string, string[][]>();
  const sheets = new Map<string, SheetSpec>();
  let soffice = "";

  beforeAll(async () => {
    requireSoffice();
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-lo-"));
    const books = path.join(dir, "books");
    const out = path.join(dir, "csv");
    mkdirSync(books);
    mkdirSync(out);
    const profile = recalcProfile(dir);
    // Each template built by the command line, as a user would.
    for (const t of templates) {
      let stderr = "";
      const code = await main(["build-workbook", t.id, "-o", `${t.id}.xlsx`], { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: books });
      if (code !== 0) throw new Error(`captable build-workbook ${t.id} exited with ${code}: ${stderr}`);
      sheets.set(t.id, buildModel(t.template.inputs).sheet);
    }
    // One soffice process for every workbook.
    const files = templates.map((t) => path.join(books, `${t.id}.xlsx`));
    soffice = await convertToCsv(profile, files, out);
    for (const t of templates) {
      const file = path.join(out, `${t.id}-${sheets.get(t.id)!.name}.csv`);
      if (existsSync(file)) csvOf.set(t.id, parseCsv(readFileSync(file, "utf8")));
    }
  }, 20 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test.each(templates.map((t) => [t.id] as const))(
    "%s: LibreOffice shows the engine's values, and no error cell outside the add-in's table and what reads it",
    (id) => {
      const csv = csvOf.get(id);
      if (csv === undefined) throw new Error(`LibreOffice wrote no CSV for the model sheet of ${id}:\n${soffice}`);
      const sheet = sheets.get(id)!;
      const addIn = dependsOnAddIn(sheet);
      const wrong: { address: string; formula?: string; expected: unknown; got: string }[] = [];
      const check = (c: CellSpec | { address: string; expected: number | string; formula?: string }) => {
        if (c.expected === undefined) return;
        const got = at(csv, c.address);
        if (addIn.has(c.address)) {
          // The add-in's table: LibreOffice recalculated it (the proof that recalculation on load is on) to #NAME?.
          // The cells computed from it show #NAME? or, reading the cells it would spill over (empty here), 0.
          if (c.formula?.includes("CAPTABLE.") && !ERROR_TEXT.test(got))
            wrong.push({ address: c.address, formula: c.formula, expected: "#NAME? (needs the add-in)", got });
          return;
        }
        if (differs(got, c.expected)) wrong.push({ address: c.address, formula: c.formula, expected: c.expected, got });
      };
      for (const c of sheet.cells) if (c.formula !== undefined) check(c);
      expect(wrong).toEqual([]);
      // No error anywhere else on the sheet.
      const errors: string[] = [];
      csv.forEach((r, i) =>
        r.forEach((v, k) => {
          if (!ERROR_TEXT.test(v)) return;
          let n = k + 1;
          let letters = "";
          while (n > 0) {
            letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
            n = Math.floor((n - 1) / 26);
          }
          if (!addIn.has(`${letters}${i + 1}`)) errors.push(`${letters}${i + 1}: ${v}`);
        }),
      );
      expect(errors).toEqual([]);
      const tables = sheet.cells.filter((c) => c.formula?.includes("CAPTABLE.")).length;
      // The exit waterfall and the cap-table histories are native or the engine's values: no add-in call at all.
      if (id === "exit-waterfall" || id === "cap-table-history" || id === "yc-safe-history" || id === "delta-history") expect(tables).toBe(0);
    },
  );
});
