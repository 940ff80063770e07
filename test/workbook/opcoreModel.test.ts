/** The OpCore stake-sale model, built by the model builder, written through Office.js (fake workbook). */
import { MockWorkbook } from "../support/officeMock";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { loadStoredModel } from "../../src/workbook/modelStore";
import { parseModel } from "../../src/workbook/modelXml";
import { resetPartCache } from "../../src/workbook/office/parts";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { expectSheetMatchesSpec } from "./conformance";

beforeEach(() => resetPartCache());

test("OpCore: the whole model sheet as described, its names and chart, and its inputs stored, in 2 syncs", async () => {
  const model = buildStakeSaleModel(OPCORE_EXAMPLE);
  const wb = new MockWorkbook(["Sheet1"]);
  const result = await writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id: "m-opcore", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  expect(result).toEqual({ sheetName: model.sheet.name, replaced: false });
  expect(wb.syncs).toBe(2);
  expect(model.sheet.cells.some((c) => c.formula !== undefined)).toBe(true);
  expect(model.sheet.names.length).toBeGreaterThan(0);
  expectSheetMatchesSpec(wb, result.sheetName, model.sheet);
  expect(parseModel(wb.parts[0].xml)).toEqual({
    id: "m-opcore",
    sheet: result.sheetName,
    kind: "stakeSale",
    schemaVersion: 1,
    inputs: JSON.parse(JSON.stringify(model.input)),
  });

  // Edit the stake and rebuild: same sheet name, replaced, the stored inputs follow.
  const edited = buildStakeSaleModel({ ...OPCORE_EXAMPLE, stake: 0.4 });
  const again = await writeModelSheet(wb.context(), {
    sheet: edited.sheet,
    model: { id: "m-opcore", kind: edited.kind, schemaVersion: edited.schemaVersion, inputs: edited.input },
  });
  expect(again).toEqual({ sheetName: result.sheetName, replaced: true });
  expect(wb.syncs).toBe(4);
  expectSheetMatchesSpec(wb, again.sheetName, edited.sheet);
  expect((await loadStoredModel(wb.context(), "m-opcore"))?.inputs).toEqual(JSON.parse(JSON.stringify(edited.input)));
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", result.sheetName]);
});

describe("through the taskpane's Excel host (Excel.run on the fake workbook)", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  test("Build writes the OpCore sheet, the model is listed, and a failed rebuild reports that nothing changed", async () => {
    const { excelHost } = await import("../../src/taskpane/host");
    const wb = new MockWorkbook(["Sheet1"]);
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    const host = excelHost();
    const model = buildStakeSaleModel(OPCORE_EXAMPLE);
    const toWrite = { id: "m-host", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input, sheet: model.sheet };

    const written = await host.writeModel(toWrite);
    expect(written).toEqual({ sheetName: model.sheet.name, replaced: false });
    expectSheetMatchesSpec(wb, written.sheetName, model.sheet);
    expect((await host.listModels()).map((m) => [m.id, m.sheet])).toEqual([["m-host", model.sheet.name]]);

    // A rebuild is in place (issue 11): a failure restores the sheet's content, names, table and charts in place.
    const before = JSON.stringify(wb.contentSnapshot());
    const tables = wb.sheet(written.sheetName).tables.map(({ name, ref, style }) => ({ name, ref, style }));
    expect(tables).toEqual([{ name: "DealCapTable", ref: model.sheet.tables![0].ref, style: "TableStyleLight1" }]);
    wb.failOnSync(2, 40);
    await expect(host.writeModel(toWrite)).rejects.toMatchObject({
      undone: true,
      message: expect.stringMatching(/values, formulas, number formats, names, tables and charts were restored/),
    });
    expect(wb.contentSnapshot()).toEqual(JSON.parse(before));
    expect(wb.sheet(written.sheetName).tables.map(({ name, ref, style }) => ({ name, ref, style }))).toEqual(tables);
  });
});
