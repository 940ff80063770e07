/** The models stored in a workbook: list, load, delete (fake workbook, see test/support/officeMock.ts). */
import { MockWorkbook } from "../support/officeMock";
import { deleteStoredModel, listStoredModels, loadStoredModel } from "../../src/workbook/modelStore";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { MODEL_XML_NAMESPACE, serializeModel } from "../../src/workbook/modelXml";
import { resetPartCache } from "../../src/workbook/office/parts";
import { SMALL_SPEC, request } from "./fixtures";

beforeEach(() => resetPartCache());

/** A workbook as the command line writes it: parts present, never seen by this session. */
function workbookWithParts(): MockWorkbook {
  const wb = new MockWorkbook(["Sheet1", "Deal A", "Deal B"]);
  wb.addPart(serializeModel({ id: "m-a", sheet: "Deal A", kind: "stakeSale", schemaVersion: 1, inputs: { company: "A" } }));
  wb.addPart(`<?xml version="1.0"?><other xmlns="urn:someone-else">{}</other>`);
  wb.addPart(`<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="broken" sheet="x" kind="stakeSale" schemaVersion="1">{not json</captableModel>`);
  wb.addPart(serializeModel({ id: "m-b", sheet: "Deal B", kind: "stakeSale", schemaVersion: 2, inputs: { company: "B", holders: [] } }));
  wb.addPart(serializeModel({ id: "m-a", sheet: "Deal A", kind: "stakeSale", schemaVersion: 1, inputs: { company: "A, a stray copy" } }));
  return wb;
}

test("lists the valid models of the workbook in order, once each, ignoring foreign and malformed parts; 2 syncs", async () => {
  const wb = workbookWithParts();
  const models = await listStoredModels(wb.context());
  expect(models).toEqual([
    { id: "m-a", sheet: "Deal A", kind: "stakeSale", schemaVersion: 1, inputs: { company: "A" } },
    { id: "m-b", sheet: "Deal B", kind: "stakeSale", schemaVersion: 2, inputs: { company: "B", holders: [] } },
  ]);
  expect(wb.syncs).toBe(2);
});

test("an empty workbook lists no model, in 1 sync", async () => {
  const wb = new MockWorkbook();
  expect(await listStoredModels(wb.context())).toEqual([]);
  expect(wb.syncs).toBe(1);
});

test("loads one model by id (2 syncs cold, 1 once the session knows the parts); unknown id gives undefined", async () => {
  const wb = workbookWithParts();
  expect(await loadStoredModel(wb.context(), "m-b")).toEqual({
    id: "m-b",
    sheet: "Deal B",
    kind: "stakeSale",
    schemaVersion: 2,
    inputs: { company: "B", holders: [] },
  });
  expect(wb.syncs).toBe(2);
  expect((await loadStoredModel(wb.context(), "m-a"))?.inputs).toEqual({ company: "A" });
  expect(wb.syncs).toBe(3);
  expect(await loadStoredModel(wb.context(), "m-zzz")).toBeUndefined();
  expect(await loadStoredModel(wb.context(), "not an id")).toBeUndefined();
});

test("a model written by the writer is listed and loaded with the inputs it was given", async () => {
  const wb = new MockWorkbook();
  const inputs = { company: "OpCore", stake: 0.5, note: "=not a formula & <not xml>" };
  await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-opcore", inputs));
  resetPartCache();
  expect(await listStoredModels(wb.context())).toEqual([{ id: "m-opcore", sheet: "OpCore deal", kind: "stakeSale", schemaVersion: 1, inputs }]);
  expect((await loadStoredModel(wb.context(), "m-opcore"))?.inputs).toEqual(inputs);
});

test("deleting a model removes every part holding it and leaves its sheet and the other models", async () => {
  const wb = workbookWithParts();
  const sheets = JSON.stringify(wb.sheets.map((s) => s.name));
  expect(await deleteStoredModel(wb.context(), "m-a")).toBe(true);
  expect((await listStoredModels(wb.context())).map((m) => m.id)).toEqual(["m-b"]);
  expect(wb.parts).toHaveLength(3); // m-b and the two parts that are not models
  expect(JSON.stringify(wb.sheets.map((s) => s.name))).toBe(sheets);
  expect(await deleteStoredModel(wb.context(), "m-a")).toBe(false);
  expect(await loadStoredModel(wb.context(), "m-a")).toBeUndefined();
});

test("after a delete, writing the same id again makes a new model (and a new sheet: the old one is the user's now)", async () => {
  const wb = new MockWorkbook();
  await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-1"));
  expect(await deleteStoredModel(wb.context(), "m-1")).toBe(true);
  expect(wb.names.size).toBe(0); // the hidden name that tracked its sheet goes too
  const result = await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-1"));
  expect(result).toEqual({ sheetName: "OpCore deal (2)", replaced: false });
  expect(wb.parts).toHaveLength(1);
  expect(wb.names.get("CAPTABLE_MODEL_M.1")?.sheetId).toBe(wb.sheet("OpCore deal (2)").id);
});
