/**
 * A model the command line wrote, opened in Excel: the taskpane lists it as written outside the
 * add-in (its marker name's comment says the command line wrote the sheet) and a Rebuild binds it:
 * the sheet the marker points at is rebuilt, its CAPTABLE formulas entered through Office.js (bound
 * to the loaded add-in), the marker marked as the add-in's. Only a sheet the marker points at is
 * ever replaced (issue 13). Fake workbook: test/support/officeMock.ts, filled with the parts and the
 * workbook-scoped names of a real CLI-written .xlsx.
 */
import { MockWorkbook } from "../support/officeMock";
import { workbookFromTemplate } from "../../src/cli/workbook";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";
import { listModelsWithBinding, listStoredModels } from "../../src/workbook/modelStore";
import { MARKER_COMMENT, MARKER_COMMENT_CLI, markedSheet, markerName } from "../../src/workbook/office/marker";
import { resetPartCache } from "../../src/workbook/office/parts";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { readXlsxContents } from "../../src/workbook/xlsxReader";

beforeEach(() => resetPartCache());

/** The workbook Excel opens from the CLI's .xlsx: its sheet, its custom XML parts and its workbook-scoped names (the marker). */
async function openedCliWorkbook(options: { withMarker?: boolean } = {}): Promise<{ wb: MockWorkbook; sheetName: string }> {
  const built = await workbookFromTemplate(builtInTemplate("priced-round-option-pool")!.template, "m-cli");
  const wb = new MockWorkbook([built.sheetName]);
  const contents = await readXlsxContents(built.buffer);
  for (const xml of contents.customXml) wb.addPart(xml);
  if (options.withMarker !== false)
    for (const n of contents.workbookNames)
      wb.addName(n.name, n.formula, { visible: !n.hidden, ...(n.comment === undefined ? {} : { comment: n.comment }) });
  return { wb, sheetName: built.sheetName };
}

/** What the taskpane does on Open then Rebuild: rebuild the model from its stored inputs, same id. */
async function rebuild(wb: MockWorkbook, listed: { id: string; inputs: unknown }) {
  const model = buildModel(listed.inputs as ModelInputs);
  return writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id: listed.id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
}

const userCell = { content: { kind: "text" as const, value: "the user's own work", prefixed: false } };
const sheetText = (wb: MockWorkbook, name: string) => JSON.stringify(wb.sheet(name), (_k, v: unknown) => (v instanceof Map ? [...v] : v));

test("the CLI's .xlsx holds the hidden marker name, read back by the xlsx reader: it points at the model's sheet and says the CLI wrote it", async () => {
  const built = await workbookFromTemplate(builtInTemplate("priced-round-option-pool")!.template, "m-cli");
  const { workbookNames, models } = await readXlsxContents(built.buffer);
  expect(workbookNames).toEqual([{ name: markerName("m-cli"), formula: `='${built.sheetName}'!$A$1`, comment: MARKER_COMMENT_CLI, hidden: true }]);
  expect(markedSheet(workbookNames[0].formula)).toBe(models[0].sheet);
});

test("a CLI-written model is listed as unbound, in the same 2 syncs; one the add-in wrote is not", async () => {
  const { wb, sheetName } = await openedCliWorkbook();
  const listed = await listModelsWithBinding(wb.context());
  expect(listed.map((m) => [m.id, m.sheet, m.unbound])).toEqual([["m-cli", sheetName, true]]);
  expect(wb.syncs).toBe(2);
  // A CLI workbook from before the markers is listed as unbound too.
  resetPartCache();
  const old = (await openedCliWorkbook({ withMarker: false })).wb;
  expect((await listModelsWithBinding(old.context())).map((m) => m.unbound)).toEqual([true]);
  // listStoredModels is unchanged.
  expect((await listStoredModels(wb.context()))[0]).not.toHaveProperty("unbound");

  const empty = new MockWorkbook();
  expect(await listModelsWithBinding(empty.context())).toEqual([]);
  expect(empty.syncs).toBe(1);
});

test("Rebuild binds it: the sheet is rebuilt in place with CAPTABLE formulas, the marker written, and it is no longer flagged", async () => {
  const { wb, sheetName } = await openedCliWorkbook();
  const [listed] = await listModelsWithBinding(wb.context());
  expect(wb.names.get(markerName("m-cli").toUpperCase())?.comment).toBe(MARKER_COMMENT_CLI);
  const sheetId = wb.sheets[0].id;

  const result = await rebuild(wb, listed);
  expect(result).toEqual({ sheetName, replaced: true });
  expect(wb.sheets.map((s) => s.name)).toEqual([sheetName]);
  expect(wb.sheets[0].id).toBe(sheetId); // rewritten in place (issue 11): the same sheet
  const formulas = [...wb.sheets[0].cells.values()].flatMap((c) => (c.content.kind === "formula" ? [c.content.formula] : []));
  expect(formulas.some((f) => f.includes("CAPTABLE.PRICEDROUND("))).toBe(true);
  expect(formulas.some((f) => f.includes("_xldudf_"))).toBe(false);
  expect(wb.names.get(markerName("m-cli").toUpperCase())).toMatchObject({ sheetId: wb.sheets[0].id, visible: false, comment: MARKER_COMMENT });

  resetPartCache();
  expect((await listModelsWithBinding(wb.context())).map((m) => [m.id, m.unbound])).toEqual([["m-cli", undefined]]);
});

describe("issue 13: Rebuild never deletes a sheet it cannot prove is the model's", () => {
  test("the model's sheet renamed, the user's own sheet under the old name: theirs is untouched, the renamed one is rebuilt", async () => {
    const { wb, sheetName } = await openedCliWorkbook();
    wb.sheet(sheetName).name = "OpCore v1";
    wb.addSheet(sheetName).cells.set("A1", userCell);
    const theirs = sheetText(wb, sheetName);
    const [listed] = await listModelsWithBinding(wb.context());
    expect(await rebuild(wb, listed)).toEqual({ sheetName: "OpCore v1", replaced: true });
    expect(sheetText(wb, sheetName)).toBe(theirs);
    expect(wb.sheets.map((s) => s.name)).toEqual(["OpCore v1", sheetName]);
  });

  test("a workbook without the marker (an older CLI): no sheet is replaced; a new sheet, and the result says why", async () => {
    const { wb, sheetName } = await openedCliWorkbook({ withMarker: false });
    wb.sheet(sheetName).name = "OpCore v1";
    wb.addSheet(sheetName).cells.set("A1", userCell);
    const before = wb.sheets.map((s) => sheetText(wb, s.name));
    const [listed] = await listModelsWithBinding(wb.context());
    const result = await rebuild(wb, listed);
    expect(result).toMatchObject({ replaced: false, notReplaced: { recorded: sheetName, reason: "noMarker" } });
    expect(wb.sheets.slice(0, 2).map((s) => sheetText(wb, s.name))).toEqual(before);
    expect(wb.sheets).toHaveLength(3);
  });

  test('stored sheet="budget 2026", the user\'s sheet "Budget 2026": untouched', async () => {
    const { wb, sheetName } = await openedCliWorkbook({ withMarker: false });
    const part = wb.parts[0];
    part.xml = part.xml.replace(`sheet="${sheetName}"`, 'sheet="budget 2026"');
    wb.addSheet("Budget 2026").cells.set("B2", { content: { kind: "number", value: 42 } });
    const theirs = sheetText(wb, "Budget 2026");
    const [listed] = await listModelsWithBinding(wb.context());
    expect(listed.sheet).toBe("budget 2026");
    const result = await rebuild(wb, listed);
    expect(result).toMatchObject({ replaced: false, notReplaced: { recorded: "budget 2026", reason: "noMarker" } });
    expect(sheetText(wb, "Budget 2026")).toBe(theirs);
  });
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
