/**
 * A model written into a workbook of the 1904 date system shows the model's dates in a real
 * spreadsheet application: the deal-pricing sheet written by the .xlsx writer with
 * `dateSystem: "1904"` (`<workbookPr date1904="1"/>`, 1904 day numbers), opened in LibreOffice Calc
 * headless with recalculation on load (test/support/libreoffice.ts), shows its completion date, the
 * flows dated at completion (formulas recalculated in the 1904 system) and every other date cell as
 * the engine's dates, exactly as the same sheet written in the 1900 system does; the day counts
 * between dates are the same. LibreOffice's CSV gives a date cell as the text of its format
 * ("2025-04-04"). Needs soffice (LIBREOFFICE_PATH overrides /usr/bin/soffice). Nothing here asserts a duration.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildModel } from "../../src/model/build";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import { builtInTemplate } from "../../src/templates";
import { serialToIsoDate } from "../../src/workbook/dateSystem";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { parseAddress } from "../support/hyperformulaSheet";
import { recalculatedSheet } from "../support/libreoffice";

const deal = builtInTemplate("opcore-deal-pricing")!.template.inputs as DealPricingInput;
const model = buildModel(deal);
const at = (csv: string[][], address: string): string => {
  const { row, col } = parseAddress(address);
  return csv[row]?.[col] ?? "";
};

let dir: string;
let csv1900: string[][];
let csv1904: string[][];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-date1904-"));
  const write = async (system: "1900" | "1904") => {
    const file = await writeXlsx({ sheets: [{ spec: model.sheet }], dateSystem: system });
    return recalculatedSheet(path.join(dir, system), file.buffer, file.sheetNames[0]);
  };
  csv1900 = await write("1900");
  csv1904 = await write("1904");
}, 240_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

test("every date cell (literal or formula) shows the engine's date in the 1904 workbook, as in the 1900 one", () => {
  const dates = model.sheet.cells.filter((c) => c.format === "yyyy-mm-dd" && typeof (c.value ?? c.expected) === "number");
  expect(dates.length).toBeGreaterThan(3);
  expect(dates.some((c) => c.formula !== undefined)).toBe(true);
  for (const c of dates) {
    const iso = serialToIsoDate(Number(c.value ?? c.expected));
    expect([c.address, at(csv1904, c.address)]).toEqual([c.address, iso]);
    expect([c.address, at(csv1900, c.address)]).toEqual([c.address, iso]);
  }
});

test("the rest of the sheet, day counts and amounts included, is the same in both systems", () => {
  const others = model.sheet.cells.filter((c) => c.format !== "yyyy-mm-dd");
  for (const c of others) expect([c.address, at(csv1904, c.address)]).toEqual([c.address, at(csv1900, c.address)]);
});
