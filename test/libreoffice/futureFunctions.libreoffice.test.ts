/**
 * Functions added after Excel 2007, as the .xlsx writer stores them (`_xlfn.QUARTILE.INC`, [MS-XLSX]
 * 2.2.3, src/workbook/futureFunctions.ts), opened in LibreOffice Calc headless with recalculation on
 * load forced: every cell shows the function's value, none #NAME?. Written without the prefix (what
 * the writer did before), LibreOffice shows #NAME? for the same formulas: the control cells below,
 * written through ExcelJS directly. The cached values written are all 0, so a right value proves a
 * recalculation. Needs soffice (LIBREOFFICE_PATH overrides /usr/bin/soffice).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { ERROR_TEXT, recalculatedSheet } from "../support/libreoffice";

/** Future functions LibreOffice 7.4 implements, each with its value on A1:A4 = 1, 2, 4, 8. */
const CASES: readonly [formula: string, value: number | string][] = [
  ["QUARTILE.INC(A1:A4,1)", 1.75],
  ["QUARTILE.INC(A1:A4,3)", 5],
  ["PERCENTILE.INC(A1:A4,0.5)", 3],
  ["STDEV.S(A1:A4)", Math.sqrt(((1 - 3.75) ** 2 + (2 - 3.75) ** 2 + (4 - 3.75) ** 2 + (8 - 3.75) ** 2) / 3)],
  ["VAR.P(A1:A4)", ((1 - 3.75) ** 2 + (2 - 3.75) ** 2 + (4 - 3.75) ** 2 + (8 - 3.75) ** 2) / 4],
  ['IFS(A1>1,"no",A2>1,"yes")', "yes"],
  ['CONCAT("IFS(",A1)', "IFS(1"],
  ['TEXTJOIN("-",TRUE,A1:A4)', "1-2-4-8"],
  ['MAXIFS(A1:A4,A1:A4,"<5")', 4],
  ['SWITCH(A3,4,"four","other")', "four"],
  ["IFNA(NA(),7)", 7],
  ["DAYS(45000,44000)", 1000],
];

const SHEET: SheetSpec = {
  name: "Future",
  names: [],
  cells: [
    ...[1, 2, 4, 8].map((v, i): CellSpec => ({ address: `A${i + 1}`, value: v })),
    ...CASES.map(([formula], i): CellSpec => ({ address: `B${i + 1}`, formula: `=${formula}`, expected: 0 })),
  ],
};

describe("future functions in LibreOffice", () => {
  let dir: string;
  let csv: string[][];
  let bare: string[][];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-lo-xlfn-"));
    csv = await recalculatedSheet(path.join(dir, "prefixed"), (await writeXlsx({ sheets: [{ spec: SHEET }] })).buffer, "Future");
    // The control: the same formulas stored bare, as an .xlsx writer without the prefixes stores them.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Future");
    [1, 2, 4, 8].forEach((v, i) => (ws.getCell(`A${i + 1}`).value = v));
    CASES.forEach(([formula], i) => (ws.getCell(`B${i + 1}`).value = { formula, result: 0 } as ExcelJS.CellFormulaValue));
    bare = await recalculatedSheet(path.join(dir, "bare"), new Uint8Array(await wb.xlsx.writeBuffer()), "Future");
  }, 10 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test.each(CASES.map(([formula, value], i) => [formula, value, i] as const))("%s: its value, no error", (_formula, value, i) => {
    const got = csv[i]?.[1] ?? "";
    expect(got).not.toMatch(ERROR_TEXT);
    if (typeof value === "number") expect(Number(got)).toBeCloseTo(value, 9);
    else expect(got).toBe(value);
  });

  test("the control: stored without the prefix, QUARTILE.INC and STDEV.S are #NAME? in LibreOffice", () => {
    expect(bare[0]?.[1]).toBe("#NAME?");
    expect(bare[3]?.[1]).toBe("#NAME?");
  });
});
