/**
 * The venture model sheets (priced round, exit waterfall), as the taskpane now writes them, through
 * the Office.js writer into the fake workbook (test/support/officeMock.ts): every cell as described
 * (live formulas, texts as texts), the sheet-scoped names of the input tables, the
 * chart, the stored model that the taskpane re-opens, 2 syncs; a rebuild replaces only its sheet.
 */
import { MockWorkbook } from "../support/officeMock";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { listStoredModels } from "../../src/workbook/modelStore";
import { resetPartCache } from "../../src/workbook/office/parts";
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import { YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import { builtInTemplate } from "../../src/templates";
import { expectSheetMatchesSpec } from "./conformance";

beforeEach(() => resetPartCache());

const exitTemplate = builtInTemplate("exit-waterfall")?.template.inputs as ModelInputs;

function requestFor(input: ModelInputs, id: string) {
  const model = buildModel(input);
  return { model, request: { sheet: model.sheet, model: { id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input } } };
}

describe.each([
  ["priced round (YC example 1)", YC_EXAMPLE_1, "YC Example 1 round", "ColumnClustered"],
  ["exit waterfall (built-in template, with holdings)", exitTemplate, "Venture company exit", "ColumnStacked"],
] as const)("%s", (_, input, sheetName, chartType) => {
  test("written as described in 2 syncs, with its names and chart; the stored model re-opens in its form", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const { model, request } = requestFor(input, "m-venture-1");
    await expect(writeModelSheet(wb.context(), request)).resolves.toEqual({ sheetName, replaced: false });
    expect(wb.syncs).toBe(2);
    expectSheetMatchesSpec(wb, sheetName, model.sheet);
    const sheet = wb.sheet(sheetName);
    expect([...sheet.names.values()].map((n) => n.name).sort()).toEqual(model.sheet.names.map((n) => n.name).sort());
    expect(sheet.charts.map((c) => c.type)).toEqual([chartType]);
    // Results are live formulas: native ones for the exit waterfall, CAPTABLE calls for the priced round.
    const formulas = [...sheet.cells.values()].filter((c) => c.content.kind === "formula").map((c) => (c.content as { formula: string }).formula);
    expect(formulas.length).toBeGreaterThan(20);
    if (input.kind === "exitWaterfall") expect(formulas.some((f) => f.includes("CAPTABLE."))).toBe(false);
    else expect(formulas.some((f) => /CAPTABLE\.PRICEDROUND\(/.test(f))).toBe(true);

    resetPartCache();
    const stored = await listStoredModels(wb.context());
    expect(stored).toHaveLength(1);
    expect(checkStoredModel(stored[0])).toEqual({ ok: true, input: model.input });
  });

  test("rebuilt after an edit: only its own sheet is replaced, in place", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const first = requestFor(input, "m-venture-2");
    await writeModelSheet(wb.context(), first.request);
    wb.addSheet("Notes");
    const edited: ModelInputs =
      input.kind === "pricedRound"
        ? { ...input, preMoney: 20_000_000 }
        : input.kind === "exitWaterfall"
          ? { ...input, exitValue: 60_000_000 }
          : input;
    const second = requestFor(edited, "m-venture-2");
    const before = wb.syncs;
    await expect(writeModelSheet(wb.context(), second.request)).resolves.toEqual({ sheetName, replaced: true });
    expect(wb.syncs - before).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", sheetName, "Notes"]);
    expectSheetMatchesSpec(wb, sheetName, second.model.sheet);
  });
});
