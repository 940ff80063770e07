/**
 * A model the command line wrote, opened in Excel: the taskpane lists it as written outside the
 * add-in (no marker name for its sheet) and a Rebuild binds it: the sheet is rebuilt in place,
 * its CAPTABLE formulas entered through Office.js (bound to the loaded add-in), the marker written.
 * Fake workbook: test/support/officeMock.ts, filled with the parts of a real CLI-written .xlsx.
 */
import { MockWorkbook } from "../support/officeMock";
import { workbookFromTemplate } from "../../src/cli/workbook";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";
import { listModelsWithBinding, listStoredModels } from "../../src/workbook/modelStore";
import { markerName } from "../../src/workbook/office/marker";
import { resetPartCache } from "../../src/workbook/office/parts";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { readXlsxContents } from "../../src/workbook/xlsxReader";

beforeEach(() => resetPartCache());

/** The workbook Excel opens from the CLI's .xlsx: its sheet and its custom XML parts, and no marker name. */
async function openedCliWorkbook(): Promise<{ wb: MockWorkbook; sheetName: string }> {
  const built = await workbookFromTemplate(builtInTemplate("priced-round-option-pool")!.template, "m-cli");
  const wb = new MockWorkbook([built.sheetName]);
  for (const xml of (await readXlsxContents(built.buffer)).customXml) wb.addPart(xml);
  return { wb, sheetName: built.sheetName };
}

test("a CLI-written model is listed as unbound, in the same 2 syncs; one the add-in wrote is not", async () => {
  const { wb, sheetName } = await openedCliWorkbook();
  const listed = await listModelsWithBinding(wb.context());
  expect(listed.map((m) => [m.id, m.sheet, m.unbound])).toEqual([["m-cli", sheetName, true]]);
  expect(wb.syncs).toBe(2);
  // listStoredModels is unchanged.
  expect((await listStoredModels(wb.context()))[0]).not.toHaveProperty("unbound");

  const empty = new MockWorkbook();
  expect(await listModelsWithBinding(empty.context())).toEqual([]);
  expect(empty.syncs).toBe(1);
});

test("Rebuild binds it: the sheet is rebuilt in place with CAPTABLE formulas, the marker written, and it is no longer flagged", async () => {
  const { wb, sheetName } = await openedCliWorkbook();
  const [listed] = await listModelsWithBinding(wb.context());
  expect(wb.names.has(markerName("m-cli").toUpperCase())).toBe(false);
  const sheetId = wb.sheets[0].id;

  // What the taskpane does on Open then Rebuild: rebuild the model from its stored inputs, same id.
  const model = buildModel(listed.inputs as ModelInputs);
  const result = await writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id: listed.id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  expect(result).toEqual({ sheetName, replaced: true });
  expect(wb.sheets.map((s) => s.name)).toEqual([sheetName]);
  expect(wb.sheets[0].id).not.toBe(sheetId); // rebuilt, not patched
  const formulas = [...wb.sheets[0].cells.values()].flatMap((c) => (c.content.kind === "formula" ? [c.content.formula] : []));
  expect(formulas.some((f) => f.includes("CAPTABLE.PRICEDROUND("))).toBe(true);
  expect(formulas.some((f) => f.includes("_xldudf_"))).toBe(false);
  expect(wb.names.get(markerName("m-cli").toUpperCase())).toMatchObject({ sheetId: wb.sheets[0].id, visible: false });

  resetPartCache();
  expect((await listModelsWithBinding(wb.context())).map((m) => [m.id, m.unbound])).toEqual([["m-cli", undefined]]);
});

describe("through the taskpane's Excel host", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  test("listModels flags the CLI-written model", async () => {
    const { excelHost } = await import("../../src/taskpane/host");
    const { wb, sheetName } = await openedCliWorkbook();
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    expect((await excelHost().listModels()).map((m) => [m.sheet, m.unbound])).toEqual([[sheetName, true]]);
  });
});
