/**
 * Rebuilding a model in the other language (issue 14): the sheet is the model's by its hidden
 * marker, not by its name, so a model built in English and rebuilt in French (or back) rewrites
 * its own sheet in place, under the name it has, with no new sheet and no sheet lost, and the
 * stored model (custom XML part) is byte for byte the same.
 */
import { MockWorkbook } from "../support/officeMock";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { resetPartCache } from "../../src/workbook/office/parts";
import { buildModel } from "../../src/model/build";
import type { SheetLanguage } from "../../src/model/sheetText";
import { builtInTemplate } from "../../src/templates";
import { previewHost } from "../../src/taskpane/host";

beforeEach(() => resetPartCache());

const inputs = builtInTemplate("opcore-stake-sale")!.template.inputs;
const request = (language: SheetLanguage) => {
  const m = buildModel(inputs, { language });
  return { sheet: m.sheet, model: { id: "m-lang-1", kind: m.kind, schemaVersion: m.schemaVersion, inputs: m.input } };
};

describe.each([
  ["en", "fr"],
  ["fr", "en"],
] as const)("built in %s, rebuilt in %s", (first, second) => {
  test("the same sheet is rewritten in place under its name; no sheet added or lost; the stored XML is unchanged", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const built = await writeModelSheet(wb.context(), request(first));
    const firstName = buildModel(inputs, { language: first }).sheet.name;
    expect(built).toEqual({ sheetName: firstName, replaced: false });
    const id = wb.sheet(firstName).id;
    const xml = wb.parts.map((p) => p.xml);

    const rebuilt = await writeModelSheet(wb.context(), request(second));
    expect(rebuilt).toEqual({ sheetName: firstName, replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", firstName]);
    expect(wb.sheet(firstName).id).toBe(id);
    expect(wb.parts.map((p) => p.xml)).toEqual(xml);
    // The words are the second language's: its title is in A1.
    expect(wb.cell(firstName, "A1")?.content).toMatchObject({ kind: "text", value: request(second).sheet.cells[0].value });
    // Not the same default name in the two languages: the marker, not the name, found the sheet.
    expect(buildModel(inputs, { language: second }).sheet.name).not.toBe(firstName);
  });
});

test("the preview host: a French rebuild of an English model replaces its sheet under the same name", async () => {
  const host = previewHost();
  const en = request("en");
  const a = await host.writeModel({ ...en.model, id: "m-1", sheet: en.sheet });
  const fr = request("fr");
  const b = await host.writeModel({ ...fr.model, id: "m-1", sheet: fr.sheet });
  expect(b.replaced).toBe(true);
  expect(b.sheetName).toBe(a.sheetName);
  expect(host.sheetOf("m-1")!.cells[0].value).toBe(fr.sheet.cells[0].value);
  expect(await host.listModels()).toHaveLength(1);
});
