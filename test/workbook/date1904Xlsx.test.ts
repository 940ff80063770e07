/**
 * Read from sheet through an .xlsx in the 1904 date system (old Mac workbooks): the reader tells the
 * system from `<workbookPr date1904>` (xlsxReader.ts `readDateSystem`, "1" and "true"), reads each
 * date cell as the day number the file stores, and the read-back turns it into the right date; the
 * writer writes a 1904 workbook's dates as 1904 day numbers. A round trip edit -> read -> rebuild in
 * a 1904 workbook gives the dates typed, never 4 years and a day off.
 */
import JSZip from "jszip";
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import type { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import { isoDateToSerial } from "../../src/engine";
import { builtInTemplate } from "../../src/templates";
import { cellAddress, parseRange } from "../../src/workbook/a1";
import type { DateSystem, ReadDateSystem } from "../../src/workbook/dateSystem";
import { inputsFromSheet } from "../../src/workbook/sheetInputs";
import { valuesOf } from "../support/inputValues";
import type { CellLiteral, SheetSpec } from "../../src/workbook/spec";
import { readDateSystem, readSheetSpecs, readXlsxContents } from "../../src/workbook/xlsxReader";
import { writeXlsx } from "../../src/workbook/xlsxWriter";

const deal = builtInTemplate("opcore-deal-pricing")!.template.inputs as DealPricingInput;
const history = builtInTemplate("cap-table-history")!.template.inputs as CapTableHistoryInput;

const cellOf = (sheet: SheetSpec, field: string, i = 0, key?: string): string => {
  const s = sheet.inputs!.find((x) => x.field === field)!;
  const r = parseRange(s.ref)!;
  return key === undefined ? cellAddress(r.top, r.left) : cellAddress(r.top + i, r.left + s.columns!.indexOf(key));
};

/** Writes the model's sheet in `system` (with edits typed over cells: the file's values), reads the file back and merges its inputs. */
async function throughXlsx(stored: ModelInputs, system: DateSystem, edits: (sheet: SheetSpec) => Record<string, CellLiteral> = () => ({})) {
  const model = buildModel(stored);
  const file = await writeXlsx({
    sheets: [{ spec: model.sheet, model: { id: "m", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input } }],
    dateSystem: system,
  });
  const [written] = await readSheetSpecs(file.buffer);
  const e = edits(model.sheet);
  const sheet = { ...written, cells: written.cells.map((c) => (c.address in e ? { ...c, value: e[c.address] } : c)) };
  const contents = await readXlsxContents(file.buffer);
  const specs = model.sheet.inputs ?? [];
  return {
    model,
    file,
    written,
    contents,
    read: inputsFromSheet(model.input as unknown as Record<string, unknown>, specs, valuesOf(sheet, specs), contents.dateSystem),
  };
}

describe("readDateSystem: <workbookPr date1904> in xl/workbook.xml (ECMA-376 Part 1 §18.2.28, xsd:boolean)", () => {
  const xml = (pr: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pr}<sheets/></workbook>`;
  test.each([
    ["", "1900"],
    ["<workbookPr/>", "1900"],
    ['<workbookPr date1904="0"/>', "1900"],
    ['<workbookPr date1904="false"/>', "1900"],
    ['<workbookPr date1904="1"/>', "1904"],
    ['<workbookPr date1904="true"/>', "1904"],
    ['<workbookPr date1904=" true "/>', "1904"],
    ['<workbookPr date1904="yes"/>', "unknown"],
  ] as [string, ReadDateSystem][])("%s -> %s", (pr, system) => {
    expect(readDateSystem(xml(pr))).toBe(system);
  });
});

describe("the .xlsx writer in the 1904 date system", () => {
  test("writes date1904 and each date as its 1904 day number; the 1900 file is unchanged (no date1904, 1900 day numbers)", async () => {
    const { file, written, contents, model } = await throughXlsx(deal, "1904");
    const workbookXml = await (await JSZip.loadAsync(file.buffer)).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<workbookPr[^>]*date1904="1"/);
    expect(contents.dateSystem).toBe("1904");
    const at = cellOf(model.sheet, "completionDate");
    expect(written.cells.find((c) => c.address === at)?.value).toBe(isoDateToSerial(deal.completionDate) - 1462);

    const plain = await throughXlsx(deal, "1900");
    const plainXml = await (await JSZip.loadAsync(plain.file.buffer)).file("xl/workbook.xml")!.async("string");
    expect(plainXml).not.toContain("date1904");
    expect(plain.contents.dateSystem).toBe("1900");
    expect(plain.written.cells.find((c) => c.address === at)?.value).toBe(isoDateToSerial(deal.completionDate));
  });

  test("a formula showing a date (a flow dated at completion) caches its 1904 day number", async () => {
    const { written, model } = await throughXlsx(deal, "1904");
    const dated = model.sheet.cells.filter((c) => c.formula === "=CompletionDate");
    expect(dated.length).toBeGreaterThan(0);
    for (const c of dated) expect(written.cells.find((w) => w.address === c.address)?.expected).toBe(isoDateToSerial(deal.completionDate) - 1462);
  });

  test("read back from the 1904 file: the stored inputs, no difference; the dates were read from 1904 day numbers", async () => {
    const { read, model } = await throughXlsx(deal, "1904");
    expect(read.differences).toEqual([]);
    expect(read.inputs).toEqual(model.input);
    expect(read.dates.system).toBe("1904");
    expect(read.dates.fromDayNumbers).toBeGreaterThan(0);
  });

  test("the same 1904 file read as if it were 1900 (the old reading) is 4 years and a day off: what this fixes", async () => {
    const model = buildModel(deal);
    const file = await writeXlsx({ sheets: [{ spec: model.sheet }], dateSystem: "1904" });
    const [sheet] = await readSheetSpecs(file.buffer);
    const specs = model.sheet.inputs ?? [];
    const { inputs } = inputsFromSheet(model.input as unknown as Record<string, unknown>, specs, valuesOf(sheet, specs), "1900");
    expect(inputs.completionDate).not.toBe(deal.completionDate);
  });

  test('a file saying date1904="true" (which ExcelJS reads as 1900) reads the stored day numbers and the right dates', async () => {
    const model = buildModel(deal);
    const file = await writeXlsx({ sheets: [{ spec: model.sheet }], dateSystem: "1904" });
    const zip = await JSZip.loadAsync(file.buffer);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbookXml.replace('date1904="1"', 'date1904="true"'));
    const patched = await zip.generateAsync({ type: "uint8array" });
    expect((await readXlsxContents(patched)).dateSystem).toBe("1904");
    const [sheet] = await readSheetSpecs(patched);
    const [original] = await readSheetSpecs(file.buffer);
    expect(sheet.cells).toEqual(original.cells);
    const specs = model.sheet.inputs ?? [];
    const { inputs } = inputsFromSheet(model.input as unknown as Record<string, unknown>, specs, valuesOf(sheet, specs), "1904");
    expect(inputs.completionDate).toBe(deal.completionDate);
  });

  test("a date before 1904-01-01 cannot be written into a 1904 workbook: refused naming the cell", async () => {
    const model = buildModel(deal);
    const at = cellOf(model.sheet, "completionDate");
    const early: SheetSpec = {
      ...model.sheet,
      cells: model.sheet.cells.map((c) => (c.address === at ? { ...c, value: isoDateToSerial("1903-01-01") } : c)),
    };
    await expect(writeXlsx({ sheets: [{ spec: early }], dateSystem: "1904" })).rejects.toThrow(`!${at}: the date 1903-01-01 is before 1904-01-01`);
  });
});

describe("round trip in a 1904 workbook: edit -> read -> rebuild", () => {
  test("deal pricing: the completion date typed (a 1904 day number) reads back as that date; the rebuild writes its 1904 day number", async () => {
    const typed = "2026-03-31";
    const { read, model } = await throughXlsx(deal, "1904", (sheet) => ({ [cellOf(sheet, "completionDate")]: isoDateToSerial(typed) - 1462 }));
    expect(read.differences.map((d) => [d.path, d.sheet])).toEqual([["completionDate", typed]]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs: read.inputs });
    if (!checked.ok || checked.input.kind !== "dealPricing") throw new Error(`expected valid inputs: ${JSON.stringify(checked)}`);
    expect(checked.input.completionDate).toBe(typed);

    const rebuilt = await throughXlsx(checked.input, "1904");
    const at = cellOf(rebuilt.model.sheet, "completionDate");
    expect(rebuilt.written.cells.find((c) => c.address === at)?.value).toBe(isoDateToSerial(typed) - 1462);
    expect(rebuilt.read.differences).toEqual([]);
    expect(rebuilt.read.inputs).toEqual(checked.input);
  });

  test("cap-table history: the next round's date typed over its ISO text as a date (a 1904 day number) reads back as that date", async () => {
    const typed = history.nextRound!.date;
    const { read } = await throughXlsx(history, "1904", (sheet) => ({ [cellOf(sheet, "nextRound.date")]: isoDateToSerial(typed) - 1462 }));
    expect(read.differences).toEqual([]);
    expect(read.dates).toEqual({ system: "1904", fromDayNumbers: 1 });
  });
});
