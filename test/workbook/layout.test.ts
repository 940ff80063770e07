/**
 * Layout of the model sheets (issue 14), read from the spec as every writer renders it
 * (src/workbook/layout.ts): no header, label or number cut off, no note running over the next
 * cell's content ("EUR: third-party debtTo fill: …"), section bands across the table, and a
 * key-outputs box at the top of every built-in template's sheet.
 */
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import { presentSheet } from "../../src/templates/presentation";
import { fitColumnWidths, layoutDefects, numberText } from "../../src/workbook/layout";
import type { SheetSpec } from "../../src/workbook/spec";

const presented = builtInTemplates().map((t) => [t.id, presentSheet(buildModel(t.template.inputs).sheet, t.template)] as const);

describe("layout read from the spec", () => {
  test("a number's shown text follows its format", () => {
    expect(numberText(-1234.56, "#,##0.0_);(#,##0.0)")).toBe("(1,234.6)");
    expect(numberText(0.1234, "0.00%_);(0.00%)")).toBe("12.34%)");
    expect(numberText(2.5, '0.00"x"_);(0.00"x")')).toBe("2.50x)");
  });

  test("fitted widths show a header whose neighbour is full, and let a lone note run over empty cells", () => {
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
    expect(layoutDefects({ ...sheet, columns })).toEqual([]);
    expect(columns.find((c) => c.column === "A")!.width).toBeGreaterThanOrEqual(33);
    expect(layoutDefects({ ...sheet, columns: [{ column: "A", width: 10 }] }).map((d) => d.address)).toEqual(["A2", "A3"]);
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
