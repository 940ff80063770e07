/** The one A1 module (issue 15): 0-based indexes, and no other copy of the column-letter helpers in src/. */
import fs from "fs";
import path from "path";
import { MAX_COLUMNS, cellAddress, columnIndex, columnLetters, parseCell } from "../../src/workbook/a1";

test("column letters and indexes are inverse over Excel's whole grid, 0-based", () => {
  expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(MAX_COLUMNS - 1)]).toEqual(["A", "Z", "AA", "XFD"]);
  for (let i = 0; i < MAX_COLUMNS; i++) expect(columnIndex(columnLetters(i))).toBe(i);
  expect(columnIndex("XFE")).toBeUndefined();
  expect(parseCell("$C$12")).toEqual({ row: 11, col: 2 });
  expect(cellAddress(11, 2)).toBe("C12");
});

test("no other file in src/ turns column numbers into letters", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(path.resolve(__dirname, "../../src"));
  const copies = files.filter((f) => !f.endsWith(path.join("workbook", "a1.ts")) && /String\.fromCharCode\(65\b/.test(fs.readFileSync(f, "utf8")));
  expect(copies).toEqual([]);
});
