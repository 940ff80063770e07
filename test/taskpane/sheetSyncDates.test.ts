/**
 * Read from sheet says which date system the dates were read in when it decided something
 * (SheetSync.tsx `compareWithSheet`, EN and FR from i18n.ts): a workbook of the 1904 date system,
 * whose day numbers were read as its dates, or one whose system Excel did not tell, whose day numbers
 * were not read. The host reads the mock workbook (test/support/officeMock.ts) through Office.js code.
 */
import { MockWorkbook, type MockCell } from "../support/officeMock";
import { buildModel, type ModelInputs } from "../../src/model/build";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import type { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import { isoDateToSerial } from "../../src/engine";
import { builtInTemplate } from "../../src/templates";
import { readSheetInputs } from "../../src/workbook/modelStore";
import { resetPartCache } from "../../src/workbook/office/parts";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { parseRange, cellAddress } from "../../src/workbook/a1";
import { compareWithSheet } from "../../src/taskpane/SheetSync";
import type { ModelHost } from "../../src/taskpane/host";
import { MESSAGES } from "../../src/taskpane/i18n";

beforeEach(() => resetPartCache());

const deal = builtInTemplate("opcore-deal-pricing")!.template.inputs as DealPricingInput;
const history = builtInTemplate("cap-table-history")!.template.inputs as CapTableHistoryInput;

const hostOf = (wb: MockWorkbook): ModelHost => ({
  mode: "excel",
  listModels: async () => [],
  writeModel: async () => {
    throw new Error("not in this test");
  },
  readSheetInputs: (id, inputs) => readSheetInputs(wb.context(), id, inputs),
});

async function written(input: ModelInputs, system: "1900" | "1904") {
  const model = buildModel(input);
  const wb = new MockWorkbook(["Sheet1"]);
  wb.dateSystem = system;
  const { sheetName } = await writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id: "m", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  return { model, wb, sheetName };
}

const num = (value: number): MockCell => ({ content: { kind: "number", value } }) as MockCell;

test.each(["en", "fr"] as const)(
  "a 1904 workbook: the sheet reads as the model, and the note says the dates were read in the 1904 system (%s)",
  async (lang) => {
    const { model, wb } = await written(deal, "1904");
    const found = await compareWithSheet(hostOf(wb), "m", model.input, lang);
    if (found.kind !== "same") throw new Error(`expected the same inputs, got ${JSON.stringify(found)}`);
    expect(found.dates).toEqual({ system: "1904", fromDayNumbers: expect.any(Number) });
    expect(found.note).toContain(MESSAGES[lang].sheetDates1904);
    expect(MESSAGES[lang].sheetDates1904).toContain("1904");
  },
);

test("a 1904 workbook: a date typed as a date reads as that date, said in the note", async () => {
  const { model, wb, sheetName } = await written(deal, "1904");
  const spec = model.sheet.inputs!.find((s) => s.field === "completionDate")!;
  const r = parseRange(spec.ref)!;
  wb.sheet(sheetName).cells.set(cellAddress(r.top, r.left), num(isoDateToSerial("2026-03-31") - 1462));
  const found = await compareWithSheet(hostOf(wb), "m", model.input, "en");
  if (found.kind !== "differs") throw new Error(`expected a difference, got ${JSON.stringify(found)}`);
  expect(found.differences).toEqual([{ path: "completionDate", stored: deal.completionDate, sheet: "2026-03-31" }]);
  expect(found.note).toContain(MESSAGES.en.sheetDates1904);
});

test("a 1900 workbook: nothing said about the date system", async () => {
  const { model, wb } = await written(deal, "1900");
  const found = await compareWithSheet(hostOf(wb), "m", model.input, "en");
  expect(found.kind).toBe("same");
  expect("note" in found ? (found.note ?? "") : "").not.toContain(MESSAGES.en.sheetDates1904);
});

test("a 1904 workbook whose dates are all ISO texts (the cap-table history as written): no date was read from a day number, nothing said", async () => {
  const { model, wb } = await written(history, "1904");
  const found = await compareWithSheet(hostOf(wb), "m", model.input, "en");
  if (found.kind !== "same") throw new Error(`expected the same inputs, got ${JSON.stringify(found)}`);
  expect(found.dates).toEqual({ system: "1904", fromDayNumbers: 0 });
  expect(found.note ?? "").not.toContain(MESSAGES.en.sheetDates1904);
});

test.each(["en", "fr"] as const)(
  "a system Excel did not tell: the day numbers are not read (the schema refuses them, naming the cell) and the note says why (%s)",
  async (lang) => {
    const { model, wb } = await written(deal, "1900");
    wb.dateAnswer = { error: "#VALUE!" };
    const found = await compareWithSheet(hostOf(wb), "m", model.input, lang);
    if (found.kind !== "invalid") throw new Error(`expected invalid inputs, got ${JSON.stringify(found)}`);
    expect(found.note).toContain(MESSAGES[lang].sheetDatesUnknown);
    const spec = model.sheet.inputs!.find((s) => s.field === "completionDate")!;
    expect(found.errors.some((e) => e.startsWith(`${spec.ref} (`))).toBe(true);
  },
);
