/** The add-in note helper of src/model/sheetBuilder.ts: a sheet says in words which cells need the add-in. */
import { Decimal } from "../../src/engine";
import { SheetBuilder, addInNoteText, callsAddIn, describeCells } from "../../src/model/sheetBuilder";
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates";

describe("add-in note", () => {
  test("a formula calls the add-in when it names a CAPTABLE function outside quoted text", () => {
    expect(callsAddIn("=INDEX(CAPTABLE.WATERFALL(Classes,ExitValue),2,2)")).toBe(true);
    expect(callsAddIn("=captable.stakevalue(A1)")).toBe(true);
    expect(callsAddIn('=IF(A1="CAPTABLE.X(",1,2)')).toBe(false);
    expect(callsAddIn("=MyCAPTABLE.X(1)")).toBe(false);
    expect(callsAddIn("=SUM(A1:A3)")).toBe(false);
  });

  test("cells are described as rectangles in reading order", () => {
    expect(describeCells(["B4", "B5", "B6", "D9", "C4", "B8"])).toBe("B4:B6, C4, B8, D9");
    expect(describeCells(["A1", "B1", "A2", "B2", "C1", "C2", "E1", "E2"])).toBe("A1:C2, E1:E2");
    expect(describeCells(["A1"])).toBe("A1");
  });

  test("the note lists the cells that call the add-in, and is left out when none does", () => {
    const s = new SheetBuilder("Round");
    s.value("A1", "Title", "title");
    s.addInNote("A2");
    s.formula("B4", "=INDEX(CAPTABLE.PRICEDROUND(A10:C12),1,2)", new Decimal(1.5));
    s.formula("B5", "=INDEX(CAPTABLE.PRICEDROUND(A10:C12),2,2)", new Decimal(2));
    s.formula("B6", "=B4+B5", new Decimal(3.5));
    const sheet = s.build();
    const note = sheet.cells.find((c) => c.address === "A2");
    expect(note).toEqual({ address: "A2", value: addInNoteText(["B4", "B5"]), style: "note" });
    expect(note?.value).toBe(
      "Cells B4:B5 call the CapTable add-in (=CAPTABLE.*). Without it they show the values computed when the file was written; open the file in Excel with the CapTable add-in and press Rebuild in its taskpane to make them live.",
    );
    expect(sheet.cells.map((c) => c.address)).toEqual(["A1", "A2", "B4", "B5", "B6"]);

    const native = new SheetBuilder("Native");
    native.addInNote("A2");
    native.formula("B4", "=1+1", new Decimal(2));
    expect(native.build().cells.map((c) => c.address)).toEqual(["B4"]);
  });

  test("the note's cell is reserved", () => {
    const s = new SheetBuilder("S");
    s.addInNote("A2");
    expect(() => s.addInNote("A3")).toThrow(/already at A2/);
    expect(() => s.value("A2", 1)).toThrow(/the add-in note's/);
    expect(() => {
      const t = new SheetBuilder("T");
      t.value("A2", "x");
      t.addInNote("A2");
    }).toThrow(/written twice/);
  });
});

describe("a spilled table of a size users reach (issue 13)", () => {
  test("200,000 rows spill without overflowing the call stack", () => {
    const s = new SheetBuilder("Big");
    const rows = Array.from({ length: 200_000 }, (_, i) => (i === 7 ? ["Holder", 1, 2] : ["Holder", 1]));
    s.spill("A1", "=CAPTABLE.TENDER(X)", rows);
    const cell = s.build().cells.find((c) => c.address === "A1");
    expect(cell?.spill?.length).toBe(200_000);
    expect(cell?.spill?.[0]).toEqual(["Holder", 1, ""]);
    expect(cell?.spill?.[7]).toEqual(["Holder", 1, 2]);
  });
});

describe("key-outputs box", () => {
  test("every built-in model sheet names its key-outputs box (the taskpane's preview shows it as a card)", () => {
    for (const { template } of builtInTemplates()) {
      const sheet = buildModel(template.inputs).sheet;
      const [from, to] = (sheet.keyOutputs ?? "").split(":");
      const at = (address: string) => sheet.cells.find((c) => c.address === address);
      expect(at(from)).toMatchObject({ style: "section" });
      expect(String(at(from)?.value)).toMatch(/^Key outputs/);
      const first = Number(from.slice(1));
      const last = Number(to.slice(1));
      expect(to.startsWith("B")).toBe(true);
      expect(last).toBeGreaterThan(first);
      for (let r = first + 1; r <= last; r++) expect(at(`B${r}`)?.formula).toMatch(/^=/);
    }
  });
});
