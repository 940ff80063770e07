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
