/**
 * Layout of the model sheets (issue 14), read from the spec as every writer renders it
 * (src/workbook/layout.ts): no header, label or number cut off, no note running over the next
 * cell's content ("EUR: third-party debtTo fill: …"), section bands across the table, and a
 * key-outputs box at the top of every built-in template's sheet.
 */
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import { presentSheet } from "../../src/templates/presentation";
import { fitColumnWidths, layoutDefects, LINE_HEIGHT, numberText, wrapLayout, wrappedLines } from "../../src/workbook/layout";
import type { SheetSpec } from "../../src/workbook/spec";

const presented = builtInTemplates().map((t) => [t.id, presentSheet(buildModel(t.template.inputs).sheet, t.template)] as const);

describe("layout read from the spec", () => {
  test("a number's shown text follows its format", () => {
    expect(numberText(-1234.56, "#,##0.0_);(#,##0.0)")).toBe("(1,234.6)");
    expect(numberText(0.1234, "0.00%_);(0.00%)")).toBe("12.34%)");
    expect(numberText(2.5, '0.00"x"_);(0.00"x")')).toBe("2.50x)");
  });

  test("fitted widths show a number in full, wrap a header whose neighbour is full, and let a lone note run over empty cells", () => {
    const sheet: SheetSpec = {
      name: "S",
      names: [],
      cells: [
        { address: "A1", value: "A long note that runs over the empty cells to its right, as Excel shows it", style: "note" },
        { address: "A2", value: "Company after the issue (100%)", style: "header" },
        { address: "B2", value: "Stake (buyer)", style: "header" },
        { address: "A3", value: -1234567.5, format: "#,##0.0_);(#,##0.0)" },
      ],
    };
    const columns = fitColumnWidths(sheet);
    // The header wraps (at most three lines) instead of widening A to its 34.5 characters.
    const a = columns.find((c) => c.column === "A")!.width;
    expect(a).toBeLessThan(20);
    const { wrapped, rows } = wrapLayout(sheet, columns, Infinity);
    expect([...wrapped]).toEqual(["A2"]);
    expect(rows).toEqual([{ row: 2, height: wrappedLines({ text: "Company after the issue (100%)", style: "header" }, a) * LINE_HEIGHT }]);
    expect(rows[0].height).toBeLessThanOrEqual(3 * LINE_HEIGHT);
    const laidOut: SheetSpec = { ...sheet, columns, rows, cells: sheet.cells.map((c) => (wrapped.has(c.address) ? { ...c, wrap: true } : c)) };
    expect(layoutDefects(laidOut)).toEqual([]);
    // Without its row's height the wrapped header is cut; with a narrow column the number is too.
    expect(layoutDefects({ ...laidOut, rows: [] }).map((d) => d.address)).toEqual(["A2"]);
    expect(layoutDefects({ ...sheet, columns: [{ column: "A", width: 10 }] }).map((d) => d.address)).toEqual(["A2", "A3"]);
  });

  test("a note that would run past the print area wraps across the empty cells up to its last column (merged)", () => {
    const note = "A long note that runs over the empty cells to its right, past the last printed column";
    const sheet: SheetSpec = {
      name: "S",
      names: [],
      cells: [
        { address: "A1", value: note, style: "note" },
        { address: "B2", value: 1 },
      ],
    };
    const columns = [{ column: "A", width: 30 }];
    expect(wrapLayout(sheet, columns, 10).rows).toEqual([]); // A to K give it room
    const { wrapped, merges, rows } = wrapLayout(sheet, columns, 1);
    expect([...wrapped]).toEqual(["A1"]);
    expect(merges).toEqual(["A1:B1"]);
    const lines = wrappedLines({ text: note, style: "note" }, 30 + 8.43);
    expect(lines).toBe(3);
    expect(rows).toEqual([{ row: 1, height: lines * LINE_HEIGHT }]);
    const laidOut: SheetSpec = {
      ...sheet,
      columns,
      rows,
      merges,
      cells: sheet.cells.map((c) => (wrapped.has(c.address) ? { ...c, wrap: true } : c)),
    };
    expect(layoutDefects(laidOut)).toEqual([]);
    // Without the merge, the same row is too short for the note wrapped in A alone.
    expect(layoutDefects({ ...laidOut, merges: [] }).map((d) => d.address)).toEqual(["A1"]);
  });

  test.each(presented)("%s: nothing cut off, no note over a neighbour (to-fill notes included)", (_, sheet) => {
    expect(layoutDefects(sheet)).toEqual([]);
  });

  test.each(presented)("%s: a key-outputs box at the top, section bands across the table", (_, sheet) => {
    const key = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Key outputs"))!;
    expect(Number(key.address.slice(1))).toBeLessThanOrEqual(5);
    const sections = sheet.cells.filter((c) => c.style === "section" && /^A[0-9]+$/.test(c.address));
    expect(sections.length).toBeGreaterThan(3);
    const widthOf = (row: string) => sheet.cells.filter((c) => c.style === "section" && c.address.replace(/^[A-Z]+/, "") === row).length;
    const widths = new Set(sections.map((c) => widthOf(c.address.slice(1))));
    expect(widths.size).toBe(1);
    expect([...widths][0]).toBeGreaterThanOrEqual(5);
  });
});
