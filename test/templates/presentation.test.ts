import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { DEFAULT_PRESENTATION, TO_FILL_PREFIX, builtInTemplate, presentSheet, toFillNotes } from "../../src/templates";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";
import type { SheetSpec } from "../../src/workbook/spec";
import { renderSheet } from "../support/hyperformulaSheet";

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
      { address: "D4", formula: `=IF(NetDebt=1,"${TO_FILL_PREFIX}Not public","")`, expected: `${TO_FILL_PREFIX}Not public`, style: "note" },
      {
        address: "E5",
        formula: `=IF(ShareholderLoans=2,"${TO_FILL_PREFIX}replace with your own figure","")`,
        expected: `${TO_FILL_PREFIX}replace with your own figure`,
        style: "note",
      },
      // A table (a range): no one value says it was filled; the note stays plain text.
      { address: "D7", value: `${TO_FILL_PREFIX}your holders`, style: "note" },
    ]);
  });

  test("a note goes away once the figure is given (evaluated by a spreadsheet engine), and comes back with the template's value", () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    const sheet = presentSheet(buildStakeSaleModel(t.inputs as StakeSaleInput).sheet, t);
    const netDebtRef = sheet.names.find((n) => n.name === "NetDebt")!.ref.replace(/\$/g, "");
    const note = sheet.cells.find((c) => c.style === "note" && c.formula?.includes("NetDebt="))!;
    expect(note.expected).toBe(`${TO_FILL_PREFIX}Not public: illustrative value (third-party debt less cash, excluding shareholder loans).`);
    const rendered = renderSheet(sheet);
    try {
      expect(rendered.read(note.address)).toBe(note.expected);
      rendered.set(netDebtRef, 95_000_000);
      expect(rendered.read(note.address)).toBe("");
      rendered.set(netDebtRef, (t.inputs as StakeSaleInput).netDebt);
      expect(rendered.read(note.address)).toBe(note.expected);
    } finally {
      rendered.destroy();
    }
  });

  test("texts in a note formula: quotes doubled, long notes cut into pieces of at most 255 characters; an empty input is tested with ISBLANK", () => {
    const long = `say "yes" ${"x".repeat(300)}`; // "To fill: say " + quote + "yes" + quote + " " + 300 x
    const sheet: SheetSpec = {
      ...SHEET,
      cells: [{ address: "B4", value: "Acme" }],
      names: [
        { name: "Company", ref: "B4" },
        { name: "Capacity", ref: "B5" },
      ],
    };
    const [company, capacity] = toFillNotes(sheet, [
      { field: "company", note: long },
      { field: "capacity", note: "MW" },
    ]);
    const text = `${TO_FILL_PREFIX}${long}`;
    expect(company.formula).toBe(`=IF(Company="Acme","${TO_FILL_PREFIX}say "&CHAR(34)&"yes"&CHAR(34)&" ${"x".repeat(254)}"&"${"x".repeat(46)}","")`);
    expect(capacity.formula).toBe(`=IF(ISBLANK(Capacity),"${TO_FILL_PREFIX}MW","")`);
    const rendered = renderSheet({ ...sheet, cells: [...sheet.cells, company, capacity] });
    try {
      expect(rendered.read(company.address)).toBe(text);
      expect(rendered.read(capacity.address)).toBe(`${TO_FILL_PREFIX}MW`);
    } finally {
      rendered.destroy();
    }
  });

  test("published figures are not called placeholders: the YC priced round says whose figures they are", () => {
    const round = builtInTemplate("priced-round-option-pool")!.template;
    for (const entry of round.toFill) {
      expect(entry.note).toMatch(/^YC's published Example 1; put /);
      expect(entry.note).not.toMatch(/placeholder|illustrative/i);
    }
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
