/**
 * Read from sheet and Rebuild through Office.js in a workbook of the 1904 date system, with the mock
 * workbook (test/support/officeMock.ts, office-addin-mock's context): the workbook's system is asked
 * as DATE(1904,1,1) in the round trip each already makes (office/dateSystem.ts); the writer writes a
 * 1904 workbook's dates as 1904 day numbers, the reader reads a date cell's day number in the
 * workbook's system; a system Excel does not tell is said, never guessed.
 */
import { MockWorkbook, type MockCell } from "../support/officeMock";
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import type { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import { isoDateToSerial } from "../../src/engine";
import { builtInTemplate } from "../../src/templates";
import { readSheetInputs } from "../../src/workbook/modelStore";
import { resetPartCache } from "../../src/workbook/office/parts";
import { ModelWriteError, writeModelSheet } from "../../src/workbook/officeWriter";
import { inputsFromSheet } from "../../src/workbook/sheetInputs";
import { parseRange, cellAddress } from "../../src/workbook/a1";
import type { SheetSpec } from "../../src/workbook/spec";

beforeEach(() => resetPartCache());

const deal = builtInTemplate("opcore-deal-pricing")!.template.inputs as DealPricingInput;
const history = builtInTemplate("cap-table-history")!.template.inputs as CapTableHistoryInput;

function workbook(system: "1900" | "1904"): MockWorkbook {
  const wb = new MockWorkbook(["Sheet1"]);
  wb.dateSystem = system;
  return wb;
}

async function written(model: ReturnType<typeof buildModel>, wb: MockWorkbook, sheet: SheetSpec = model.sheet) {
  const result = await writeModelSheet(wb.context(), {
    sheet,
    model: { id: "m", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  return result.sheetName;
}

async function readBack(wb: MockWorkbook, stored: ModelInputs) {
  const specs = buildModel(stored).sheet.inputs ?? [];
  const read = await readSheetInputs(wb.context(), "m", specs);
  if (read === undefined) throw new Error("no sheet");
  return { read, ...inputsFromSheet(stored as unknown as Record<string, unknown>, specs, read.values, read.dateSystem) };
}

function cellAt(model: ReturnType<typeof buildModel>, field: string, row = 0, key?: string): string {
  const spec = model.sheet.inputs!.find((s) => s.field === field)!;
  const r = parseRange(spec.ref)!;
  return key === undefined ? cellAddress(r.top, r.left) : cellAddress(r.top + row, r.left + spec.columns!.indexOf(key));
}

const num = (value: number): MockCell => ({ content: { kind: "number", value } }) as MockCell;

describe("the workbook's date system, asked with DATE(1904,1,1) in the reader's first round trip", () => {
  test.each([
    ["1900", "1900"],
    ["1904", "1904"],
  ] as const)("a %s workbook reads as %s, in the same two syncs", async (system, expected) => {
    const model = buildModel(deal);
    const wb = workbook(system);
    await written(model, wb);
    const syncs = wb.syncs;
    const { read } = await readBack(wb, model.input);
    expect(read.dateSystem).toBe(expected);
    expect(wb.syncs - syncs).toBe(2);
  });

  test.each([
    ["an error value", { error: "#NUM!" }],
    ["an odd number", { value: 7 }],
  ])("Excel answering %s: unknown", async (_, answer) => {
    const model = buildModel(history);
    const wb = workbook("1900");
    await written(model, wb);
    wb.dateAnswer = answer;
    expect((await readBack(wb, model.input)).read.dateSystem).toBe("unknown");
  });

  test("a host without workbook.functions: unknown", async () => {
    const model = buildModel(history);
    const wb = workbook("1900");
    await written(model, wb);
    wb.noFunctions = true;
    expect((await readBack(wb, model.input)).read.dateSystem).toBe("unknown");
  });
});

describe("the Office.js writer in a 1904 workbook", () => {
  test("writes each date as its 1904 day number (a 1900 workbook: 1900 day numbers), in the same syncs", async () => {
    const model = buildModel(deal);
    const at = cellAt(model, "completionDate");
    const old = workbook("1900");
    const oldName = await written(model, old);
    expect(old.cell(oldName, at)?.content).toEqual({ kind: "number", value: isoDateToSerial(deal.completionDate) });
    resetPartCache();
    const wb = workbook("1904");
    const name = await written(model, wb);
    expect(wb.cell(name, at)?.content).toEqual({ kind: "number", value: isoDateToSerial(deal.completionDate) - 1462 });
    expect(wb.syncs).toBe(old.syncs);
    // Every other cell as in the 1900 workbook: only the dates moved.
    const others = (w: MockWorkbook, n: string) => [...w.sheet(n).cells].filter(([a, c]) => a !== at && c.numberFormat !== "yyyy-mm-dd");
    expect(others(wb, name)).toEqual(others(old, oldName));
  });

  test("read back: the stored inputs, no difference", async () => {
    const model = buildModel(deal);
    const wb = workbook("1904");
    await written(model, wb);
    const { inputs, differences, dates } = await readBack(wb, model.input);
    expect(differences).toEqual([]);
    expect(inputs).toEqual(model.input);
    expect(dates.system).toBe("1904");
  });

  test("a date before 1904-01-01 is refused before anything is written, naming the cell", async () => {
    const model = buildModel(deal);
    const at = cellAt(model, "completionDate");
    const early: SheetSpec = {
      ...model.sheet,
      cells: model.sheet.cells.map((c) => (c.address === at ? { ...c, value: isoDateToSerial("1903-01-01") } : c)),
    };
    const wb = workbook("1904");
    const before = wb.snapshot();
    const error = await written(model, wb, early).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelWriteError);
    expect((error as ModelWriteError).message).toContain(`!${at}: the date 1903-01-01 is before 1904-01-01`);
    expect((error as ModelWriteError).undone).toBe(true);
    expect(wb.snapshot()).toEqual(before);
  });

  test("a system Excel does not tell: a sheet with dates is not written (said, nothing changed); one without dates is", async () => {
    const wb = workbook("1904");
    wb.dateAnswer = { error: "#VALUE!" };
    const before = wb.snapshot();
    const error = await written(buildModel(deal), wb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelWriteError);
    expect((error as Error).message).toMatch(/did not say whether this workbook uses the 1900 or the 1904 date system.*Nothing was changed\./);
    expect(wb.snapshot()).toEqual(before);
    const noDates = buildModel(builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs);
    expect(noDates.sheet.cells.some((c) => c.format === "yyyy-mm-dd")).toBe(false);
    await expect(written(noDates, wb)).resolves.toEqual(expect.any(String));
  });
});

describe("round trip in a 1904 workbook: edit -> read -> rebuild", () => {
  test("deal pricing: a date typed (a 1904 day number) reads back as that date; the rebuild writes its 1904 day number and reads back the same", async () => {
    const model = buildModel(deal);
    const wb = workbook("1904");
    const sheetName = await written(model, wb);
    const typed = "2026-03-31";
    const last = deal.flows.length - 1;
    wb.sheet(sheetName).cells.set(cellAt(model, "completionDate"), num(isoDateToSerial(typed) - 1462));
    wb.sheet(sheetName).cells.set(cellAt(model, "flows", last, "date"), num(isoDateToSerial("2031-06-30") - 1462));
    const { inputs, differences } = await readBack(wb, model.input);
    expect(differences.map((d) => [d.path, d.sheet])).toEqual([
      ["completionDate", typed],
      [`flows[${last + 1}].date`, "2031-06-30"],
    ]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (!checked.ok || checked.input.kind !== "dealPricing") throw new Error(`expected valid inputs: ${JSON.stringify(checked)}`);
    expect(checked.input.completionDate).toBe(typed);

    const rebuilt = buildModel(checked.input);
    expect(await written(rebuilt, wb)).toBe(sheetName);
    expect(wb.cell(sheetName, cellAt(rebuilt, "completionDate"))?.content).toEqual({ kind: "number", value: isoDateToSerial(typed) - 1462 });
    expect(wb.cell(sheetName, cellAt(rebuilt, "flows", last, "date"))?.content).toEqual({
      kind: "number",
      value: isoDateToSerial("2031-06-30") - 1462,
    });
    const again = await readBack(wb, rebuilt.input);
    expect(again.differences).toEqual([]);
    expect(again.inputs).toEqual(rebuilt.input);
  });

  test("cap-table history: an event's date typed over its ISO text as a date (a 1904 day number) reads back as that date", async () => {
    const model = buildModel(history);
    const wb = workbook("1904");
    const sheetName = await written(model, wb);
    wb.sheet(sheetName).cells.set(cellAt(model, "events", 0, "date"), num(isoDateToSerial(history.events[0].date) - 1462));
    const { differences, dates } = await readBack(wb, model.input);
    expect(differences).toEqual([]);
    expect(dates).toEqual({ system: "1904", fromDayNumbers: 1 });
  });
});
