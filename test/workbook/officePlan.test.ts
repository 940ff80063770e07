/** The pure parts of the Office.js writer: grouping into ranges, names, widths, texts, markers. */
import { columnWidthPoints, freeSheetName, literalInput, planSheet } from "../../src/workbook/office/plan";
import { markedSheet, markerFormula, markerName } from "../../src/workbook/office/marker";
import { definedNameProblem, sheetNameProblem } from "../../src/workbook/office/request";
import { parseRange, rangeAddress } from "../../src/workbook/a1";

test("texts get Excel's apostrophe prefix; numbers, booleans and blanks do not", () => {
  expect(literalInput("=1+1")).toBe("'=1+1");
  expect(literalInput("Iliad")).toBe("'Iliad");
  expect(literalInput("")).toBe("");
  expect(literalInput(null)).toBe("");
  expect(literalInput(0)).toBe(0);
  expect(literalInput(false)).toBe(false);
});

test("column widths in characters become points as Excel computes them (Calibri 11)", () => {
  expect(columnWidthPoints(8.43)).toBe(48); // Excel's default: 64 px
  expect(columnWidthPoints(10)).toBe(56.25); // 75 px
  expect(columnWidthPoints(0)).toBe(0);
});

test("free sheet names: case-insensitive, numbered, within 31 characters", () => {
  expect(freeSheetName("Deal", ["Sheet1"])).toBe("Deal");
  expect(freeSheetName("Deal", ["DEAL", "deal (2)"])).toBe("Deal (3)");
  expect(freeSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
});

test("cells are grouped into one rectangle, styles into rectangles, widths into spans", () => {
  const plan = planSheet({
    name: "S",
    names: [],
    cells: [
      { address: "B2", value: "a", style: "input" },
      { address: "C2", value: 1, style: "input", format: "0.0" },
      { address: "B3", value: "b", style: "input" },
      { address: "C3", value: 2, style: "input" },
      { address: "B4", formula: "=C2+C3", style: "total" },
    ],
    columns: [
      { column: "B", width: 10 },
      { column: "C", width: 10 },
      { column: "E", width: 10 },
    ],
  });
  expect(plan.blocks).toEqual([
    {
      address: "B2:C4",
      formulas: [
        ["'a", 1],
        ["'b", 2],
        ["=C2+C3", ""],
      ],
      numberFormats: [
        ["General", "0.0"],
        ["General", "General"],
        ["General", "General"],
      ],
    },
  ]);
  expect(plan.styles).toEqual([
    { address: "B2:C3", style: "input", rows: 2 },
    { address: "B4", style: "total", rows: 1 },
  ]);
  expect(plan.columns).toEqual([
    { address: "B:C", points: 56.25 },
    { address: "E:E", points: 56.25 },
  ]);
});

test("sheet and defined names are checked as Excel would", () => {
  expect(sheetNameProblem("OpCore deal")).toBeUndefined();
  expect(sheetNameProblem("a[1]")).toMatch(/must not contain/);
  expect(sheetNameProblem("'quoted'")).toMatch(/apostrophe/);
  expect(sheetNameProblem("History")).toMatch(/reserved/);
  expect(definedNameProblem("NetDebt")).toBeUndefined();
  expect(definedNameProblem("XFD1")).toMatch(/cell reference/);
  expect(definedNameProblem("R1C1")).toMatch(/R1C1/);
  expect(definedNameProblem("1st")).toMatch(/must begin/);
});

test("marker names and formulas round-trip, quotes included; #REF! means the sheet was deleted", () => {
  expect(markerName("m-abc_1")).toBe("CapTable_Model_m.abc_1");
  expect(definedNameProblem(markerName("m-abc_1"))).toBeUndefined();
  expect(markerFormula("Bob's deal")).toBe("='Bob''s deal'!$A$1");
  expect(markedSheet(markerFormula("Bob's deal"))).toBe("Bob's deal");
  expect(markedSheet("=Sheet2!$A$1")).toBe("Sheet2");
  expect(markedSheet("=#REF!$A$1")).toBeNull();
  expect(markedSheet("=1+1")).toBeUndefined();
});

test("A1 ranges normalise", () => {
  expect(rangeAddress(parseRange("D9:B4")!)).toBe("B4:D9");
  expect(parseRange("XFE1")).toBeUndefined();
  expect(parseRange("A1048577")).toBeUndefined();
});
