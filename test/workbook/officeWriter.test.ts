/**
 * The Office.js writer against a fake workbook (test/support/officeMock.ts): what is written where,
 * the names, the stored part, sheet naming, the number of round trips, and failed writes.
 */
import { MockWorkbook, tableAdds } from "../support/officeMock";
import { writeModelSheet, ModelWriteError } from "../../src/workbook/officeWriter";
import { listModelsWithBinding } from "../../src/workbook/modelStore";
import { MODEL_XML_NAMESPACE, parseModel, serializeModel } from "../../src/workbook/modelXml";
import { resetPartCache } from "../../src/workbook/office/parts";
import { STYLES, type SheetSpec } from "../../src/workbook/spec";
import { FUNCTION_LOCALES, localizedFunctionNames } from "../../src/functions/functionLocales";
import { excelHost } from "../../src/taskpane/host";
import { SMALL_SPEC, largeSpec, request } from "./fixtures";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { expectSheetMatchesSpec } from "./conformance";

beforeEach(() => resetPartCache());

const modelParts = (wb: MockWorkbook) => wb.parts.map((p) => parseModel(p.xml)).filter((m) => m !== undefined);

describe("writing a new model", () => {
  test("writes values, formulas, formats and styles where the spec says, in 2 syncs", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "OpCore deal", replaced: false });
    expect(wb.syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "OpCore deal"]);

    const cell = (a: string) => wb.cell("OpCore deal", a);
    expect(cell("C6")?.content).toEqual({ kind: "number", value: 860 });
    expect(cell("C6")?.numberFormat).toBe("#,##0.0");
    expect(cell("C8")?.content).toEqual({ kind: "number", value: 0.5 });
    expect(cell("C8")?.numberFormat).toBe("0.0%");
    expect(cell("C10")?.content).toEqual({ kind: "formula", formula: "=EV-NetDebt" });
    expect(cell("D14")?.content).toEqual({ kind: "formula", formula: "=1-C8" });
    expect(cell("B6")?.content).toEqual({ kind: "text", value: "Enterprise value", prefixed: true });
    expect(cell("B22")?.content).toEqual({ kind: "boolean", value: true });
    // Cells without a format keep Excel's default.
    expect(cell("B6")?.numberFormat).toBe("General");

    // Styles (STYLES in spec.ts): inputs blue on light yellow, title bold 14, totals bold with a bottom border.
    expect(cell("C6")).toMatchObject({ fontColor: STYLES.input.fontColor, fill: STYLES.input.fill });
    expect(cell("C7")).toMatchObject({ fontColor: "#0000FF", fill: "#FFF2CC" });
    expect(cell("B2")).toMatchObject({ bold: true, size: 14, fontColor: "#1F3864" });
    expect(cell("B3")).toMatchObject({ italic: true, fontColor: "#595959" });
    expect(cell("D5")).toMatchObject({ bold: true, fontColor: "#FFFFFF", fill: "#1F3864" });
    expect(cell("C10")).toMatchObject({ bold: true, borderBottom: { style: "Continuous", weight: "Thin", color: "#000000" } });
    expect(cell("D13")?.borderBottom?.style).toBe("Continuous");
    expect(cell("C11")).toMatchObject({ fontColor: "#000000" });
    expect(cell("C11")?.bold).toBeUndefined();
    expect(cell("B14")?.fill).toBeUndefined();
    expect(cell("B14")?.bold).toBeUndefined();
    // And every other cell, as described and nothing more.
    expectSheetMatchesSpec(wb, "OpCore deal", SMALL_SPEC);
  });

  test("column widths, gridlines, sheet-scoped names, the chart, and the sheet is activated", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    const sheet = wb.sheet("OpCore deal");
    // Width in characters to points for Calibri 11: 40 chars = 285 px = 213.75 pt; 16 = 117 px; 2 = 19 px.
    expect(Object.fromEntries(sheet.columnWidths)).toEqual({ A: 14.25, B: 213.75, C: 87.75, D: 87.75 });
    expect(sheet.showGridlines).toBe(false);
    expect([...sheet.names.values()]).toEqual([
      { name: "EV", ref: "C6", comment: "Enterprise value (100%)" },
      { name: "NetDebt", ref: "C7" },
      { name: "Stake", ref: "C8" },
      { name: "Ownership", ref: "B13:D15" },
    ]);
    expect(wb.sheet("Sheet1").names.size).toBe(0);
    // Series and categories set explicitly (ExcelApi 1.7), from the data range B13:D15: names in row 13, categories in column B.
    expect(sheet.charts).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        source: "C14:C15",
        seriesBy: "Columns",
        title: "Ownership before and after",
        from: "F2",
        to: "M16",
        series: [
          { name: "Before", values: "C14:C15", categories: "B14:B15" },
          { name: "After", values: "D14:D15", categories: "B14:B15" },
        ],
      },
    ]);
    expect(wb.activeId).toBe(sheet.id);
  });

  test("wrapped texts: Wrap Text on the cell, merged across the range the spec gives, the row's height", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const spec: SheetSpec = {
      ...SMALL_SPEC,
      cells: SMALL_SPEC.cells.map((c) => (c.address === "B3" ? { ...c, wrap: true } : c)),
      merges: ["B3:D3"],
      rows: [{ row: 3, height: 30 }],
    };
    await writeModelSheet(wb.context(), request(spec));
    const sheet = wb.sheet("OpCore deal");
    expect(sheet.merges).toEqual(["B3:D3"]);
    expect([...(sheet.wrapped ?? [])]).toEqual(["B3"]);
    expect(Object.fromEntries(sheet.rowHeights ?? [])).toEqual({ 3: 30 });
  });

  test("stores the model in one custom XML part that parseModel reads back", async () => {
    const wb = new MockWorkbook();
    const inputs = { company: 'OpCore <&> "SAS"', stake: 0.5, holders: [{ holder: "=cmd", shares: 1 }] };
    await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-abc_1", inputs));
    expect(wb.parts).toHaveLength(1);
    expect(wb.parts[0].xml).toContain(`xmlns="${MODEL_XML_NAMESPACE}"`);
    expect(parseModel(wb.parts[0].xml)).toEqual({ id: "m-abc_1", sheet: "OpCore deal", kind: "stakeSale", schemaVersion: 1, inputs });
  });

  test("texts beginning with =, +, -, @ (or looking like numbers) are written as texts, with Excel's apostrophe prefix", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    const text = (a: string) => wb.cell("OpCore deal", a)?.content;
    expect(text("B17")).toEqual({ kind: "text", value: '=HYPERLINK("http://x")', prefixed: true });
    expect(text("B18")).toEqual({ kind: "text", value: "+33 1 23 45 67 89", prefixed: true });
    expect(text("B19")).toEqual({ kind: "text", value: "-", prefixed: true });
    expect(text("B20")).toEqual({ kind: "text", value: "@risk", prefixed: true });
    expect(text("B21")).toEqual({ kind: "text", value: "00123", prefixed: true });
    // No cell of the sheet holds a formula that the spec did not give as a formula.
    const formulas = [...wb.sheet("OpCore deal").cells]
      .filter(([, c]) => c.content.kind === "formula")
      .map(([a]) => a)
      .sort();
    expect(formulas).toEqual(
      SMALL_SPEC.cells
        .filter((c) => c.formula !== undefined)
        .map((c) => c.address)
        .sort(),
    );
  });

  test("a sheet of that name that the model did not create is never overwritten: a free name is used", async () => {
    const wb = new MockWorkbook(["Sheet1", "OpCore deal", "opcore DEAL (2)"]);
    wb.sheet("OpCore deal").cells.set("A1", { content: { kind: "text", value: "my notes", prefixed: false } });
    const mine = JSON.stringify(wb.snapshot());
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "OpCore deal (3)", replaced: false });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "OpCore deal", "opcore DEAL (2)", "OpCore deal (3)"]);
    const before = JSON.parse(mine) as { sheets: { name: string }[] };
    for (const s of before.sheets) expect((wb.snapshot() as typeof before).sheets.find((x) => x.name === s.name)).toEqual(s);
    expect(parseModel(wb.parts[0].xml)?.sheet).toBe("OpCore deal (3)");
  });

  test("a long name keeps Excel's 31-character limit when it needs a suffix", async () => {
    const long = "A very long model sheet name 31";
    expect(long).toHaveLength(31);
    const wb = new MockWorkbook([long]);
    const result = await writeModelSheet(wb.context(), request({ ...SMALL_SPEC, name: long }));
    expect(result.sheetName).toBe("A very long model sheet nam (2)");
    expect(result.sheetName.length).toBeLessThanOrEqual(31);
  });
});

describe("rebuilding a model", () => {
  test("replaces only its own sheet, keeps its name and place, updates its one part; 2 syncs", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.addSheet("Notes").cells.set("A1", { content: { kind: "text", value: "keep me", prefixed: false } });
    const notes = JSON.stringify([...wb.sheet("Notes").cells]);
    const sheet1 = JSON.stringify([...wb.sheet("Sheet1").cells]);
    const oldId = wb.sheet("OpCore deal").id;

    const changed = { ...SMALL_SPEC, cells: SMALL_SPEC.cells.map((c) => (c.address === "C8" ? { ...c, value: 0.49 } : c)) };
    const syncsBefore = wb.syncs;
    const result = await writeModelSheet(wb.context(), request(changed, "m-opcore-1", { stake: 0.49 }));
    expect(result).toEqual({ sheetName: "OpCore deal", replaced: true });
    expect(wb.syncs - syncsBefore).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "OpCore deal", "Notes"]);
    expect(wb.sheet("OpCore deal").id).toBe(oldId); // rewritten in place (issue 11)
    expect(wb.cell("OpCore deal", "C8")?.content).toEqual({ kind: "number", value: 0.49 });
    expect(wb.sheet("OpCore deal").names.size).toBe(4);
    expect(wb.sheet("OpCore deal").charts).toHaveLength(1);
    expect(JSON.stringify([...wb.sheet("Notes").cells])).toBe(notes);
    expect(JSON.stringify([...wb.sheet("Sheet1").cells])).toBe(sheet1);
    expect(modelParts(wb)).toEqual([{ id: "m-opcore-1", sheet: "OpCore deal", kind: "stakeSale", schemaVersion: 1, inputs: { stake: 0.49 } }]);
    expect(wb.activeId).toBe(wb.sheet("OpCore deal").id);
  });

  test("two models in one workbook: rebuilding one leaves the other alone", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-one"));
    await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-two"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "OpCore deal", "OpCore deal (2)"]);
    const first = JSON.stringify([...wb.sheet("OpCore deal").cells]);
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-two", { v: 2 }));
    expect(result).toEqual({ sheetName: "OpCore deal (2)", replaced: true });
    expect(JSON.stringify([...wb.sheet("OpCore deal").cells])).toBe(first);
    expect(modelParts(wb).map((m) => [m?.id, m?.sheet])).toEqual([
      ["m-one", "OpCore deal"],
      ["m-two", "OpCore deal (2)"],
    ]);
  });

  test("if the user renamed the model's sheet, the marker proves it is the model's: it is rebuilt under the user's name", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.sheet("OpCore deal").name = "My copy";
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "My copy", replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "My copy"]);
    expect(modelParts(wb).map((m) => m?.sheet)).toEqual(["My copy"]);
  });

  test("if the user deleted the model's sheet, a new one is written and the part records it", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request({ ...SMALL_SPEC, name: "Deal" }));
    wb.removeSheet("Deal");
    const result = await writeModelSheet(wb.context(), request({ ...SMALL_SPEC, name: "Deal" }));
    expect(result).toEqual({ sheetName: "Deal", replaced: false, notReplaced: { recorded: "Deal", reason: "sheetDeleted" } });
    expect(wb.parts).toHaveLength(1);
  });

  test("the model's sheet is tracked by a hidden workbook name that Excel keeps pointing at it", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-opcore-1"));
    const marker = wb.names.get("CAPTABLE_MODEL_M.OPCORE.1");
    expect(marker).toMatchObject({ name: "CapTable_Model_m.opcore.1", sheetId: wb.sheet("OpCore deal").id, address: "A1", visible: false });
    await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-opcore-1"));
    expect(wb.names.size).toBe(1);
    expect(wb.names.get("CAPTABLE_MODEL_M.OPCORE.1")?.sheetId).toBe(wb.sheet("OpCore deal").id);
  });

  test("the user deleted the model's sheet and made their own of that name: theirs is left alone", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.removeSheet("OpCore deal");
    wb.addSheet("OpCore deal").cells.set("A1", { content: { kind: "text", value: "the user's own work", prefixed: false } });
    const theirs = JSON.stringify([...wb.sheet("OpCore deal").cells]);
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "OpCore deal (2)", replaced: false, notReplaced: { recorded: "OpCore deal", reason: "sheetDeleted" } });
    expect(JSON.stringify([...wb.sheet("OpCore deal").cells])).toBe(theirs);
    expect(modelParts(wb).map((m) => m?.sheet)).toEqual(["OpCore deal (2)"]);
    expect(wb.names.get("CAPTABLE_MODEL_M.OPCORE.1")?.sheetId).toBe(wb.sheet("OpCore deal (2)").id);
    // And the next rebuild replaces that new sheet.
    expect(await writeModelSheet(wb.context(), request(SMALL_SPEC))).toEqual({ sheetName: "OpCore deal (2)", replaced: true });
    expect(JSON.stringify([...wb.sheet("OpCore deal").cells])).toBe(theirs);
  });

  test("the user renamed the model's sheet and made a new one with the old name: theirs is left alone, the renamed one rebuilt (issue 13)", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.sheet("OpCore deal").name = "Kept version";
    wb.addSheet("OpCore deal").cells.set("A1", { content: { kind: "text", value: "the user's own work", prefixed: false } });
    const theirs = JSON.stringify(wb.sheet("OpCore deal"), (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "Kept version", replaced: true });
    expect(JSON.stringify(wb.sheet("OpCore deal"), (_k, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(theirs);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Kept version", "OpCore deal"]);
  });

  test("a model stored without a marker: no sheet is replaced, not even one of its recorded name; a new sheet, and the result says so (issue 13)", async () => {
    const wb = new MockWorkbook(["Sheet1", "OpCore deal", "Notes"]);
    wb.sheet("OpCore deal").cells.set("A1", { content: { kind: "text", value: "the user's own work", prefixed: false } });
    wb.addPart(serializeModel({ id: "m-cli", sheet: "OpCore deal", kind: "stakeSale", schemaVersion: 1, inputs: {} }));
    const theirs = JSON.stringify([wb.sheet("OpCore deal").id, ...wb.sheet("OpCore deal").cells]);
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-cli"));
    expect(result).toEqual({ sheetName: "OpCore deal (2)", replaced: false, notReplaced: { recorded: "OpCore deal", reason: "noMarker" } });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "OpCore deal", "Notes", "OpCore deal (2)"]);
    expect(JSON.stringify([wb.sheet("OpCore deal").id, ...wb.sheet("OpCore deal").cells])).toBe(theirs);
    expect(wb.names.get("CAPTABLE_MODEL_M.CLI")?.sheetId).toBe(wb.sheet("OpCore deal (2)").id);
    // From then on the marker proves the new sheet is the model's.
    expect(await writeModelSheet(wb.context(), request(SMALL_SPEC, "m-cli"))).toEqual({ sheetName: "OpCore deal (2)", replaced: true });
  });

  test("a stored sheet name that differs only in case from the user's sheet: the user's sheet is untouched (issue 13)", async () => {
    const wb = new MockWorkbook(["Sheet1", "Budget 2026"]);
    wb.sheet("Budget 2026").cells.set("B2", { content: { kind: "number", value: 42 } });
    wb.addPart(serializeModel({ id: "m-budget", sheet: "budget 2026", kind: "stakeSale", schemaVersion: 1, inputs: {} }));
    const theirs = JSON.stringify([wb.sheet("Budget 2026").id, ...wb.sheet("Budget 2026").cells]);
    const result = await writeModelSheet(wb.context(), request({ ...SMALL_SPEC, name: "budget 2026" }, "m-budget"));
    expect(result).toEqual({ sheetName: "budget 2026 (2)", replaced: false, notReplaced: { recorded: "budget 2026", reason: "noMarker" } });
    expect(JSON.stringify([wb.sheet("Budget 2026").id, ...wb.sheet("Budget 2026").cells])).toBe(theirs);
  });

  test("a fresh session that lists the models first rebuilds in 2 syncs; without the list, one extra read", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));

    resetPartCache(); // the taskpane reopens
    const listed = await listModelsWithBinding(wb.context());
    expect(listed.map((m) => m.id)).toEqual(["m-opcore-1"]);
    let s = wb.syncs;
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(wb.syncs - s).toBe(2);

    resetPartCache(); // reopened, and writes before listing: the parts it has not seen are read once
    s = wb.syncs;
    expect(await writeModelSheet(wb.context(), request(SMALL_SPEC))).toEqual({ sheetName: "OpCore deal", replaced: true });
    expect(wb.syncs - s).toBe(3);
    s = wb.syncs;
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(wb.syncs - s).toBe(2);
    expect(wb.parts).toHaveLength(1);
  });

  test("a part remembered by the session but deleted since: the read is retried and the model is written anew", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.parts = [];
    wb.removeSheet("OpCore deal");
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toEqual({ sheetName: "OpCore deal", replaced: false });
    expect(modelParts(wb)).toHaveLength(1);
  });
});

describe("round trips do not grow with the sheet", () => {
  test.each([10, 500])("%i rows (about 4 cells each): 2 syncs to write, 2 to rebuild, and writes grouped by range", async (rows) => {
    const spec = largeSpec(rows);
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(spec, "m-large"));
    expect(wb.syncs).toBe(2);
    expect(spec.cells.length).toBeGreaterThanOrEqual(rows * 4);
    const writeOps = wb.batchSizes[1];
    await writeModelSheet(wb.context(), request(spec, "m-large"));
    expect(wb.syncs).toBe(4);
    // Grouped: the operations do not grow with the number of cells (2,000+ cells for 500 rows).
    expect(writeOps).toBeLessThan(spec.cells.length / 5 + 40);
    expect(wb.cell("Large model", `D${rows + 1}`)?.content).toEqual({ kind: "formula", formula: `=B${rows + 1}*C${rows + 1}` });
    expect(wb.cell("Large model", `B${rows + 1}`)?.content).toEqual({ kind: "number", value: (rows + 1) * 1.5 });
    expect(wb.cell("Large model", "D10")?.bold).toBe(true);
    expect(wb.cell("Large model", "D11")?.bold).toBeUndefined();
    expect(wb.cell("Large model", "D11")?.fontColor).toBe("#000000");
    expectSheetMatchesSpec(wb, "Large model", spec);
  });

  test("a sparse sheet is written row by row, not as one huge rectangle", async () => {
    const spec = {
      name: "Sparse",
      names: [],
      cells: [
        { address: "A1", value: 1 },
        { address: "Z2000", value: 2 },
        { address: "C3000", formula: "=A1+Z2000" },
      ],
    };
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(spec, "m-sparse"));
    expect(wb.syncs).toBe(2);
    expect(wb.sheet("Sparse").cells.size).toBe(3);
    expect(wb.cell("Sparse", "C3000")?.content).toEqual({ kind: "formula", formula: "=A1+Z2000" });
  });
});

describe("rebuild in place: the same sheet, so formulas elsewhere keep working (issue 11)", () => {
  const refs = [
    { address: "A1", content: { kind: "formula" as const, formula: "='OpCore deal'!C8*2" } },
    { address: "A2", content: { kind: "formula" as const, formula: "=SUM('OpCore deal'!Ownership)" } },
    { address: "A3", content: { kind: "formula" as const, formula: "='OpCore deal'!EV" } },
  ];

  test("a formula on another sheet that points at the model sheet is untouched; same sheet object; 2 syncs", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await listModelsWithBinding(wb.context());
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    const notes = wb.addSheet("Notes");
    for (const r of refs) notes.cells.set(r.address, { content: r.content });
    const model = wb.sheet("OpCore deal");
    const s = wb.syncs;
    const changed = { ...SMALL_SPEC, cells: SMALL_SPEC.cells.map((c) => (c.address === "C8" ? { ...c, value: 0.4 } : c)) };
    expect(await writeModelSheet(wb.context(), request(changed, "m-opcore-1", { stake: 0.4 }))).toEqual({ sheetName: "OpCore deal", replaced: true });
    expect(wb.syncs - s).toBe(2);
    expect(wb.sheet("OpCore deal")).toBe(model); // the same worksheet, never deleted and added again
    for (const r of refs) expect(wb.cell("Notes", r.address)?.content).toEqual(r.content); // no #REF!
    expect(wb.cell("OpCore deal", "C8")?.content).toEqual({ kind: "number", value: 0.4 });
    expect(wb.sheet("OpCore deal").charts.map((c) => c.name)).toEqual(["Chart 2"]); // the old chart deleted, the new one kept
    expectSheetMatchesSpec(wb, "OpCore deal", changed);
  });

  test("names the new spec keeps are moved, not re-created; names it drops are deleted; old cells are cleared", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.sheet("OpCore deal").cells.set("Z99", { content: { kind: "number", value: 1 } });
    const moved: SheetSpec = {
      ...SMALL_SPEC,
      names: SMALL_SPEC.names.filter((n) => n.name !== "NetDebt").map((n) => (n.name === "EV" ? { ...n, ref: "C7" } : n)),
    };
    await writeModelSheet(wb.context(), request(moved));
    const names = wb.sheet("OpCore deal").names;
    expect(names.has("NETDEBT")).toBe(false);
    expect(names.get("EV")).toEqual({ name: "EV", ref: "$C$7", comment: "Enterprise value (100%)" });
    expect(wb.cell("OpCore deal", "Z99")).toBeUndefined();
  });

  test("a marker the session has not seen (no listing first): one more read, then in place", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    const model = wb.sheet("OpCore deal");
    resetPartCache();
    const s = wb.syncs;
    expect(await writeModelSheet(wb.context(), request(SMALL_SPEC))).toEqual({ sheetName: "OpCore deal", replaced: true });
    // One read with the unseen parts and the marked sheet's content in one extra round trip.
    expect(wb.syncs - s).toBe(3);
    expect(wb.sheet("OpCore deal")).toBe(model);
  });

  test("a marker deleted since the session saw it: read again without it, and a new sheet", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(SMALL_SPEC));
    wb.names.clear();
    const result = await writeModelSheet(wb.context(), request(SMALL_SPEC));
    expect(result).toMatchObject({ replaced: false, notReplaced: { reason: "noMarker" } });
  });
});

describe("a failed write leaves the workbook as it was", () => {
  async function opsOfWrite(setup: (wb: MockWorkbook) => Promise<void>): Promise<number> {
    resetPartCache();
    const probe = new MockWorkbook(["Sheet1", "Notes"]);
    await setup(probe);
    const before = probe.batchSizes.length;
    await writeModelSheet(probe.context(), request(SMALL_SPEC));
    return probe.batchSizes[before + 1];
  }

  test("new model: failing the write sync after any number of its operations", async () => {
    const n = await opsOfWrite(async () => undefined);
    expect(n).toBeGreaterThan(20);
    for (let k = 0; k < n; k++) {
      resetPartCache();
      const wb = new MockWorkbook(["Sheet1", "Notes"]);
      wb.activeId = wb.sheet("Notes").id;
      const before = JSON.stringify(wb.snapshot());
      wb.failOnSync(2, k);
      const error = await writeModelSheet(wb.context(), request(SMALL_SPEC)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelWriteError);
      expect((error as ModelWriteError).message).toMatch(
        /^Could not write the model sheet "OpCore deal": The operation failed \(simulated\)\. The workbook was left as it was\.$/,
      );
      expect((error as ModelWriteError).undone).toBe(true);
      expect(wb.snapshot()).toEqual(JSON.parse(before));
    }
  });

  test("rebuild: failing the write sync after any number of its operations keeps the old sheet, its name, place and part", async () => {
    const setup = async (wb: MockWorkbook) => {
      await writeModelSheet(wb.context(), request(SMALL_SPEC));
      wb.sheets = [wb.sheets[0], wb.sheet("OpCore deal"), wb.sheet("Notes")];
      wb.activeId = wb.sheet("Notes").id;
    };
    const n = await opsOfWrite(setup);
    expect(n).toBeGreaterThan(20);
    for (let k = 0; k < n; k++) {
      resetPartCache();
      const wb = new MockWorkbook(["Sheet1", "Notes"]);
      await setup(wb);
      const before = JSON.stringify(wb.contentSnapshot());
      const id = wb.sheet("OpCore deal").id;
      wb.failOnSync(2, k);
      const changed = { ...SMALL_SPEC, cells: SMALL_SPEC.cells.filter((c) => c.address !== "C8") };
      const error = await writeModelSheet(wb.context(), request(changed, "m-opcore-1", { other: true })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelWriteError);
      expect((error as ModelWriteError).undone).toBe(true);
      expect((error as ModelWriteError).message).toMatch(/values, formulas, number formats, names and charts were restored/);
      // Rebuilt in place: restored in place. Fonts, fills and borders are not read back (ExcelApi 1.9), everything else is.
      expect(wb.contentSnapshot()).toEqual(JSON.parse(before));
      expect(wb.sheet("OpCore deal").id).toBe(id);
    }
  });

  test("an operation Excel rejects (e.g. a duplicate name) fails the write and is undone", async () => {
    const wb = new MockWorkbook();
    const before = JSON.stringify(wb.snapshot());
    // Names differ only by case: Excel rejects the second one. (The request check lets it through on purpose here.)
    const spec = { ...SMALL_SPEC, names: [{ name: "Stake", ref: "C8" }] };
    const ctx = wb.context();
    const sheetsAdd = ctx.workbook.worksheets as unknown as { add: (n: string) => { names: { add: (...a: unknown[]) => void } } };
    const add = sheetsAdd.add.bind(sheetsAdd);
    sheetsAdd.add = (n: string) => {
      const s = add(n);
      s.names.add("STAKE", { address: "C9", sheet: () => wb.sheets[wb.sheets.length - 1] } as never);
      return s;
    };
    await expect(writeModelSheet(ctx, request(spec))).rejects.toThrow(
      /Could not write the model sheet "OpCore deal": The name "Stake" already exists\. The workbook was left as it was\./,
    );
    expect(wb.snapshot()).toEqual(JSON.parse(before));
  });

  test("a failed read changes nothing and says so", async () => {
    const wb = new MockWorkbook();
    const before = JSON.stringify(wb.snapshot());
    wb.failOnSync(1, 0, "Excel is busy.");
    const error = (await writeModelSheet(wb.context(), request(SMALL_SPEC)).catch((e: unknown) => e)) as ModelWriteError;
    expect(error).toBeInstanceOf(ModelWriteError);
    expect(error.message).toBe('Could not read the workbook to write the model sheet "OpCore deal": Excel is busy. Nothing was changed.');
    expect(wb.snapshot()).toEqual(JSON.parse(before));
  });

  test("if the undo fails too, the message says so and names the sheet to check", async () => {
    const wb = new MockWorkbook();
    wb.failOnSync(2, 5);
    const ctx = wb.context();
    const sync = ctx.sync.bind(ctx);
    let calls = 0;
    (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
      calls += 1;
      if (calls === 3) throw new Error("connection lost");
      return sync();
    };
    const error = (await writeModelSheet(ctx, request(SMALL_SPEC)).catch((e: unknown) => e)) as ModelWriteError;
    expect(error.message).toMatch(/Undoing the partial write also failed \(connection lost\): check the workbook for the sheet "OpCore deal"/);
    expect(error.undone).toBe(false);
  });
});

describe("bad requests are rejected before anything is read or written", () => {
  const cases: [string, unknown, RegExp][] = [
    ["sheet name with a slash", { ...SMALL_SPEC, name: "Deal 1/2" }, /sheet name "Deal 1\/2" must not contain any of/],
    ["sheet name too long", { ...SMALL_SPEC, name: "x".repeat(32) }, /must be at most 31 characters, got 32/],
    ["formula without =", { ...SMALL_SPEC, cells: [{ address: "A1", formula: "SUM(A2:A3)" }] }, /a formula must begin with "="/],
    ["value and formula", { ...SMALL_SPEC, cells: [{ address: "A1", value: 1, formula: "=1" }] }, /cell A1 has both a value and a formula/],
    [
      "a cell twice",
      {
        ...SMALL_SPEC,
        cells: [
          { address: "A1", value: 1 },
          { address: "$A$1", value: 2 },
        ],
      },
      /cell A1 is described twice/,
    ],
    ["bad address", { ...SMALL_SPEC, cells: [{ address: "A0", value: 1 }] }, /cell address must be an A1 cell address such as "C5", got "A0"/],
    ["NaN", { ...SMALL_SPEC, cells: [{ address: "A1", value: Number.NaN }] }, /a cell value must be a finite number/],
    ["name like a cell", { ...SMALL_SPEC, names: [{ name: "AB12", ref: "A1" }] }, /defined name "AB12" must not look like a cell reference/],
    ["chart range", { ...SMALL_SPEC, charts: [{ ...SMALL_SPEC.charts![0], dataRange: "B13:" }] }, /chart data range must be an A1 range/],
    [
      "series columns of a chart by rows",
      { ...SMALL_SPEC, charts: [{ ...SMALL_SPEC.charts![0], seriesBy: "rows", seriesColumns: ["C"] }] },
      /chart seriesColumns is for a chart whose series are by columns/,
    ],
    ["style", { ...SMALL_SPEC, cells: [{ address: "A1", value: 1, style: "bold" }] }, /style must be one of title, subtitle/],
  ];
  test.each(cases)("%s", async (_, sheet, message) => {
    const wb = new MockWorkbook();
    await expect(writeModelSheet(wb.context(), { sheet: sheet as never, model: request(SMALL_SPEC).model })).rejects.toThrow(message);
    expect(wb.syncs).toBe(0);
  });

  test("a formula that names its own sheet is refused (the sheet's final name is chosen when written)", async () => {
    const wb = new MockWorkbook();
    const spec = { ...SMALL_SPEC, cells: [{ address: "A1", formula: "='OpCore deal'!C5*2" }] };
    await expect(writeModelSheet(wb.context(), request(spec))).rejects.toThrow(
      /cell A1: a formula must refer to cells of its own sheet without the sheet's name/,
    );
    expect(wb.syncs).toBe(0);
    // Other sheets may be referred to.
    await writeModelSheet(wb.context(), request({ ...SMALL_SPEC, cells: [{ address: "A1", formula: "=Sheet1!C5*2" }] }));
    expect(wb.cell("OpCore deal", "A1")?.content).toEqual({ kind: "formula", formula: "=Sheet1!C5*2" });
  });

  test("a sheet too large for one Excel request is refused up front, naming the limit", async () => {
    const wb = new MockWorkbook();
    const cells = Array.from({ length: 150 }, (_, i) => ({ address: `A${i + 1}`, value: "x".repeat(30_000) }));
    const error = (await writeModelSheet(wb.context(), request({ name: "Huge", names: [], cells })).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^The model sheet "Huge" is too large to write in one request \(about 4\.\d MB; Excel accepts at most 5 MB\)\. Nothing was changed\.$/,
    );
    expect(wb.syncs).toBe(0);
  });

  test("bad model id or inputs", async () => {
    const wb = new MockWorkbook();
    await expect(
      writeModelSheet(wb.context(), { sheet: SMALL_SPEC, model: { id: "m 1", kind: "stakeSale", schemaVersion: 1, inputs: {} } }),
    ).rejects.toThrow(/model.id: model id must be 1-64 letters/);
    await expect(
      writeModelSheet(wb.context(), { sheet: SMALL_SPEC, model: { id: "m1", kind: "stakeSale", schemaVersion: 0, inputs: {} } }),
    ).rejects.toThrow(/schemaVersion must be at least 1/);
    await expect(
      writeModelSheet(wb.context(), { sheet: SMALL_SPEC, model: { id: "m1", kind: "stakeSale", schemaVersion: 1, inputs: undefined } }),
    ).rejects.toThrow(/inputs must be plain JSON data/);
    expect(wb.syncs).toBe(0);
  });
});

describe("custom functions are written under the names Excel loaded for the display language (office-js #891, #6614)", () => {
  const CALLS: SheetSpec = {
    name: "Exit",
    names: [],
    cells: [
      { address: "A1", formula: "=INDEX(CAPTABLE.WATERFALL(Classes,ExitValue,,,,),2,2)" },
      { address: "A2", formula: '=IF(A1>0,"CAPTABLE.SAFE(",captable.safe(1,2,,,))&CAPTABLE.PRICEDROUND(Holders)' },
      { address: "A3", formula: "=SUM(1,2)" },
      { address: "A4", value: "=CAPTABLE.WATERFALL(x)" },
    ],
  };
  const written = (wb: MockWorkbook) => ["A1", "A2", "A3", "A4"].map((a) => wb.cell("Exit", a)?.content);

  test.each(Object.keys(FUNCTION_LOCALES))("%s: the French names of functions.fr-FR.json, literals and texts untouched", async (locale) => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), { ...request(CALLS), functionNames: localizedFunctionNames(locale) });
    expect(written(wb)).toEqual([
      { kind: "formula", formula: "=INDEX(CAPTABLE.CASCADESORTIE(Classes,ExitValue,,,,),2,2)" },
      { kind: "formula", formula: '=IF(A1>0,"CAPTABLE.SAFE(",CAPTABLE.SAFE(1,2,,,))&CAPTABLE.TOURFINANCEMENT(Holders)' },
      { kind: "formula", formula: "=SUM(1,2)" },
      { kind: "text", value: "=CAPTABLE.WATERFALL(x)", prefixed: true },
    ]);
  });

  test.each(["en-US", "fr-MC", "de-DE", undefined])("%s: the English names (the IDs), as Excel loaded functions.json", async (locale) => {
    const wb = new MockWorkbook();
    expect(localizedFunctionNames(locale)).toBeUndefined();
    await writeModelSheet(wb.context(), { ...request(CALLS), ...(locale === undefined ? {} : { functionNames: localizedFunctionNames(locale) }) });
    expect(written(wb)[0]).toEqual({ kind: "formula", formula: "=INDEX(CAPTABLE.WATERFALL(Classes,ExitValue,,,,),2,2)" });
  });

  test("through the taskpane's Excel host: Office's display language picks the names", async () => {
    const g = globalThis as unknown as { Excel?: unknown };
    const wb = new MockWorkbook();
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    try {
      const model = { id: "m-exit", kind: "exitWaterfall", schemaVersion: 1, inputs: {}, sheet: CALLS };
      await excelHost({ displayLanguage: "fr-CA" }).writeModel(model);
      expect(written(wb)[0]).toEqual({ kind: "formula", formula: "=INDEX(CAPTABLE.CASCADESORTIE(Classes,ExitValue,,,,),2,2)" });
    } finally {
      delete g.Excel;
    }
  });

  test("every function of the French table has a name Excel accepts; a bad name in a request is refused", async () => {
    const names = localizedFunctionNames("fr-FR")!;
    expect(Object.keys(names).length).toBeGreaterThanOrEqual(21);
    const wb = new MockWorkbook();
    await expect(writeModelSheet(wb.context(), { ...request(CALLS), functionNames: { WATERFALL: "X)+HACK(" } })).rejects.toThrow(
      /function names must be a letter then/,
    );
    expect(wb.syncs).toBe(0);
  });
});

describe("charts: series and categories set explicitly, never guessed by Excel", () => {
  // The exit waterfall's sensitivity: exit values (numbers) in column A under a header, one column per class.
  const EXIT: SheetSpec = {
    name: "Exit",
    names: [],
    cells: [
      { address: "A1", value: "Exit value", style: "header" },
      { address: "B1", value: "Common", style: "header" },
      { address: "C1", value: "Series A", style: "header" },
      ...[10, 50, 90].flatMap((x, i) => [
        { address: `A${i + 2}`, value: x * 1e6 },
        { address: `B${i + 2}`, formula: `=A${i + 2}*0.6`, expected: x * 6e5 },
        { address: `C${i + 2}`, formula: `=A${i + 2}*0.4`, expected: x * 4e5 },
      ]),
    ],
    charts: [{ type: "stackedColumn", title: "Payout by class", dataRange: "A1:C4", seriesBy: "columns", from: "E1", to: "L15" }],
  };

  test("the exit values are the categories, the classes the only series", async () => {
    const wb = new MockWorkbook();
    await writeModelSheet(wb.context(), request(EXIT));
    expect(wb.sheet("Exit").charts[0].series).toEqual([
      { name: "Common", values: "B2:B4", categories: "A2:A4" },
      { name: "Series A", values: "C2:C4", categories: "A2:A4" },
    ]);
  });

  test("by rows: names in the first column, categories in the first row", async () => {
    const wb = new MockWorkbook();
    const byRows: SheetSpec = { ...EXIT, charts: [{ ...EXIT.charts![0], dataRange: "A1:C3", seriesBy: "rows" }] };
    await writeModelSheet(wb.context(), request(byRows));
    expect(wb.sheet("Exit").charts[0].series).toEqual([
      { name: "10000000", values: "B2:C2", categories: "B1:C1" },
      { name: "50000000", values: "B3:C3", categories: "B1:C1" },
    ]);
  });

  test("a data range without a header row and a category column is refused before anything is written", async () => {
    const wb = new MockWorkbook();
    await expect(writeModelSheet(wb.context(), request({ ...EXIT, charts: [{ ...EXIT.charts![0], dataRange: "B1:B4" }] }))).rejects.toThrow(
      /chart data range must have a header row, a category column and data/,
    );
    expect(wb.syncs).toBe(0);
  });
});

describe("input tables are Excel tables (issue 11)", () => {
  /** SMALL_SPEC with its holders table (B13:D15) as an Excel table, read by the name Holders (its Holder column). */
  const TABLE_SPEC: SheetSpec = {
    ...SMALL_SPEC,
    names: [...SMALL_SPEC.names, { name: "Holders", ref: "B14:B15", table: { table: "DealHolders", column: 0 } }],
    tables: [{ name: "DealHolders", ref: "B13:D15", columns: ["Holder", "Before", "After"], style: "TableStyleLight1" }],
  };
  beforeEach(() => {
    tableAdds.length = 0;
  });

  test("tables.add on the table's range with its header row, then its name and style; the name on it is a structured reference; 2 syncs", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(TABLE_SPEC));
    expect(wb.syncs).toBe(2);
    expect(tableAdds).toEqual([{ address: "B13:D15", hasHeaders: true }]);
    expect(wb.sheet("OpCore deal").tables).toEqual([{ id: expect.any(String), name: "DealHolders", ref: "B13:D15", style: "TableStyleLight1" }]);
    expect(wb.sheet("OpCore deal").names.get("HOLDERS")).toEqual({ name: "Holders", ref: "DealHolders[Holder]" });
    expectSheetMatchesSpec(wb, "OpCore deal", TABLE_SPEC);
  });

  test("the stake sale (OpCore): the look-through is calculated columns of the cap table, its names structured references, the chart over the table's columns", async () => {
    const model = buildStakeSaleModel(OPCORE_EXAMPLE);
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(model.sheet));
    const sheet = wb.sheet("OpCore deal");
    // One table from the holder to the last look-through column, written with its formulas before tables.add.
    expect(tableAdds).toEqual([{ address: "A65:I66", hasHeaders: true }]);
    expect(wb.cell("OpCore deal", "F66")?.content).toEqual({ kind: "formula", formula: "=E66*$B$28" });
    expect(wb.cell("OpCore deal", "I68")?.content).toEqual({ kind: "formula", formula: "=E68*$B$32" });
    expect(sheet.names.get("HOLDERENTERPRISEVALUE")).toMatchObject({ ref: "DealCapTable[[Enterprise value]]" });
    expect(sheet.names.get("HOLDERNETDEBT")).toMatchObject({ ref: "DealCapTable[[Net debt]]" });
    expect(sheet.names.get("HOLDEREQUITYVALUE")).toMatchObject({ ref: "DealCapTable[[Equity value]]" });
    expect(sheet.names.get("HOLDERSHAREHOLDERLOANS")).toMatchObject({ ref: "DealCapTable[[Shareholder loans]]" });
    expect(wb.cell("OpCore deal", "F69")?.content).toEqual({ kind: "formula", formula: "=SUM(HolderEnterpriseValue)+F68" });
    // The chart's series are the table's % before and % after columns, its categories the holders,
    // down to the new buyer's row (over the blank row where a holder is typed into the table).
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].series).toEqual([
      { name: "% before", values: "C66:C68", categories: "A66:A68" },
      { name: "% after", values: "E66:E68", categories: "A66:A68" },
    ]);
    expectSheetMatchesSpec(wb, "OpCore deal", model.sheet);
  });

  test("a second model with a table of the same name: a free name (table names are unique in a workbook), in its names too", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await writeModelSheet(wb.context(), request(TABLE_SPEC));
    await writeModelSheet(wb.context(), request(TABLE_SPEC, "m-opcore-2"));
    expect(wb.sheet("OpCore deal").tables.map((t) => t.name)).toEqual(["DealHolders"]);
    expect(wb.sheet("OpCore deal (2)").tables.map((t) => t.name)).toEqual(["DealHolders_2"]);
    expect(wb.sheet("OpCore deal (2)").names.get("HOLDERS")?.ref).toBe("DealHolders_2[Holder]");
  });

  test("rebuild in place keeps the table under its name (no duplicate-table error), with the rows it has now; 2 syncs", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    await listModelsWithBinding(wb.context());
    await writeModelSheet(wb.context(), request(TABLE_SPEC));
    const sheet = wb.sheet("OpCore deal");
    const grown: SheetSpec = {
      ...TABLE_SPEC,
      cells: [
        ...TABLE_SPEC.cells.filter((c) => !/^[BCD]1[6-9]$/.test(c.address)),
        { address: "B16", value: "Late fund" },
        { address: "C16", value: 0, format: "0%" },
        { address: "D16", value: 0, format: "0%" },
      ],
      names: [...SMALL_SPEC.names, { name: "Holders", ref: "B14:B16", table: { table: "DealHolders", column: 0 } }],
      tables: [{ ...TABLE_SPEC.tables![0], ref: "B13:D16" }],
    };
    const syncs = wb.syncs;
    const result = await writeModelSheet(wb.context(), request(grown));
    expect(result).toEqual({ sheetName: "OpCore deal", replaced: true });
    expect(wb.syncs - syncs).toBe(2);
    expect(wb.sheet("OpCore deal")).toBe(sheet);
    expect(sheet.tables.map((t) => [t.name, t.ref])).toEqual([["DealHolders", "B13:D16"]]);
    expect(sheet.names.get("HOLDERS")?.ref).toBe("DealHolders[Holder]");
    // The names that kept the old tables' ranges during the batch are gone with it.
    expect([...sheet.names.values()].map((n) => n.name)).toEqual(expect.not.arrayContaining([expect.stringMatching(/OldTable/)]));
  });

  test("a failed rebuild gives the sheet back its old tables (names, ranges, styles) and the names on them, after a failure anywhere in the write", async () => {
    const setup = async (wb: MockWorkbook) => {
      await listModelsWithBinding(wb.context());
      await writeModelSheet(wb.context(), request(TABLE_SPEC));
    };
    // The rebuild moves the table (a row more above it), so that a table left where the new one goes would show.
    const moved: SheetSpec = {
      ...TABLE_SPEC,
      cells: TABLE_SPEC.cells.map((c) => {
        const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
        return Number(m[2]) >= 13 ? { ...c, address: `${m[1]}${Number(m[2]) + 1}` } : c;
      }),
      names: TABLE_SPEC.names.map((n) => (n.name === "Holders" ? { ...n, ref: "B15:B16" } : n)),
      tables: [{ ...TABLE_SPEC.tables![0], ref: "B14:D16" }],
    };
    const probe = new MockWorkbook(["Sheet1"]);
    await setup(probe);
    const before = probe.batchSizes.length;
    await writeModelSheet(probe.context(), request(moved));
    expect(probe.sheet("OpCore deal").tables.map((t) => t.ref)).toEqual(["B14:D16"]);
    const n = probe.batchSizes[before + 1];
    expect(n).toBeGreaterThan(20);
    for (let k = 0; k < n; k++) {
      resetPartCache();
      const wb = new MockWorkbook(["Sheet1"]);
      await setup(wb);
      const content = JSON.stringify(wb.contentSnapshot());
      const tables = wb.sheet("OpCore deal").tables.map(({ name, ref, style }) => ({ name, ref, style }));
      expect(tables).toEqual([{ name: "DealHolders", ref: "B13:D15", style: "TableStyleLight1" }]);
      wb.failOnSync(2, k);
      const error = await writeModelSheet(wb.context(), request(moved)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelWriteError);
      expect((error as ModelWriteError).undone).toBe(true);
      expect((error as ModelWriteError).message).toMatch(/values, formulas, number formats, names, tables and charts were restored/);
      expect(wb.sheet("OpCore deal").tables.map(({ name, ref, style }) => ({ name, ref, style }))).toEqual(tables);
      // Cells and names as they were: the name on the table is its structured reference again, no name kept a range.
      // The batch's last operation deletes the name that kept the table's range, after the old
      // chart is deleted (charts last): failing that one operation leaves the chart deleted.
      const expected = JSON.parse(content) as { sheets: { name: string; charts: unknown[] }[] };
      if (k === n - 1) for (const sh of expected.sheets) if (sh.name === "OpCore deal") sh.charts = [];
      expect(wb.contentSnapshot()).toEqual(expected);
      expect(wb.sheet("OpCore deal").names.get("HOLDERS")?.ref).toBe("DealHolders[Holder]");
    }
  });

  test("a table whose header texts differ from its header cells is refused before anything is written", async () => {
    const wb = new MockWorkbook(["Sheet1"]);
    const bad: SheetSpec = { ...TABLE_SPEC, tables: [{ ...TABLE_SPEC.tables![0], columns: ["Holder", "Before", "Later"] }] };
    await expect(writeModelSheet(wb.context(), request(bad))).rejects.toThrow(
      /table "DealHolders": the header cell of column 3 holds "After", not the header "Later"/,
    );
    expect(wb.syncs).toBe(0);
  });
});
