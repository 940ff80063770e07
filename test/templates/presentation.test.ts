import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { DEFAULT_PRESENTATION, TO_FILL_PREFIX, builtInTemplate, presentSheet, toFillNotes } from "../../src/templates";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";
import type { SheetSpec } from "../../src/workbook/spec";

const SHEET: SheetSpec = {
  name: "Deal",
  cells: [
    { address: "B4", value: 1 },
    { address: "B5", value: 2 },
    { address: "D5", value: "taken" },
    { address: "B6", value: 3 },
    { address: "D6", value: "taken" },
    { address: "E6", value: "taken" },
    { address: "F6", value: "taken" },
    { address: "B7", value: 4 },
  ],
  names: [
    { name: "NetDebt", ref: "B4" },
    { name: "ShareholderLoans", ref: "$B$5" },
    { name: "Valuation", ref: "B6" },
    { name: "SharesBefore", ref: "B7:B9" },
  ],
  charts: [{ type: "clusteredColumn", title: "t", dataRange: "A1:B2", seriesBy: "columns", from: "D1", to: "H9" }],
  showGridlines: true,
};

describe("presentation", () => {
  test("a note beside each input to fill, in the first free column of its row; none where the row is full or the input has no name", () => {
    const notes = toFillNotes(SHEET, [
      { field: "netDebt", note: "Not public" },
      { field: "shareholderLoans", note: "" },
      { field: "valuation", note: "row is full" },
      { field: "capTable", note: "your holders" },
      { field: "company", note: "no cell of its own" },
    ]);
    expect(notes).toEqual([
      { address: "D4", value: `${TO_FILL_PREFIX}Not public`, style: "note" },
      { address: "E5", value: `${TO_FILL_PREFIX}placeholder value`, style: "note" },
      { address: "D7", value: `${TO_FILL_PREFIX}your holders`, style: "note" },
    ]);
  });

  test("sheet name, gridlines and chart follow the template; the sheet is not changed in place", () => {
    const out = presentSheet(SHEET, {
      presentation: { sheetName: "My deal", showGridlines: false, chart: false },
      toFill: [{ field: "netDebt", note: "x" }],
    });
    expect(out).toMatchObject({ name: "My deal", showGridlines: false, charts: [] });
    expect(out.cells).toHaveLength(SHEET.cells.length + 1);
    expect(SHEET.cells).toHaveLength(8);
    const kept = presentSheet(SHEET, { presentation: DEFAULT_PRESENTATION, toFill: [] });
    expect(kept).toMatchObject({ name: "Deal", showGridlines: false, charts: SHEET.charts });
    expect(kept.cells).toEqual(SHEET.cells);
  });

  test("OpCore: the notes sit beside net debt and shareholder loans on the model sheet", () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    const sheet = buildStakeSaleModel(t.inputs as StakeSaleInput).sheet;
    const notes = toFillNotes(sheet, t.toFill);
    const rowOf = (name: string) => sheet.names.find((n) => n.name === name)!.ref.replace(/[^0-9]/g, "");
    expect(notes.map((n) => n.address.replace(/[A-Z]/g, ""))).toEqual([rowOf("NetDebt"), rowOf("ShareholderLoans")]);
    const used = new Set(sheet.cells.map((c) => c.address));
    for (const n of notes) expect(used.has(n.address)).toBe(false);
  });
});
