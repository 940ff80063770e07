/**
 * The printed width of every built-in template's model sheet (issue 14): the sum of the column
 * widths in the print area, in characters of Calibri 11, in English and in French. Fit to one page
 * wide, a landscape A4 page shows about 125 such characters at 100%; a print area of 180 prints at
 * about 70%, still readable type, where the cap-table history printed 387 characters wide (about
 * 33%) and the deal pricing 293 before long texts wrapped (workbook/layout.ts `wrapLayout`).
 */
import { buildModel } from "../../src/model/build";
import type { SheetLanguage } from "../../src/model/sheetText";
import { builtInTemplates } from "../../src/templates/builtIn";
import { presentSheet } from "../../src/templates/presentation";
import { columnIndex } from "../../src/workbook/a1";
import { coveredColumns, layoutDefects, LINE_HEIGHT, shownCells, textWidth } from "../../src/workbook/layout";
import { pageWidth, printedWidth } from "../support/printWidth";

/** The readable bound, in characters across the print area. */
const PRINT_WIDTH = 180;
/**
 * Where a model kind prints wider, and why (each is a floor of its content, not of the layout):
 * - pricedRound: the CAPTABLE.ROUND table spills 11 columns whose header texts cannot wrap
 *   (a spilled value is not a cell of the spec);
 * - exitWaterfall: the French headers of the per-class breakdown.
 */
const WIDER: Readonly<Record<string, number>> = { pricedRound: 220, exitWaterfall: 205 };

const cases = builtInTemplates().flatMap((t) => (["en", "fr"] as SheetLanguage[]).map((language) => [t.id, language, t] as const));

describe("printed width of the built-in templates' sheets", () => {
  test.each(cases)("%s (%s): the print area is at most the readable bound wide, nothing cut off", (_, language, t) => {
    const sheet = presentSheet(buildModel(t.template.inputs, { language }).sheet, t.template, language);
    expect(sheet.print?.orientation).toBe("landscape");
    // Per page: a sheet wider than ONE_PAGE_CHARACTERS (the cap-table history, whose events table has
    // 16 input columns and 4 reconciling ones) prints two pages wide with column A repeated.
    expect(pageWidth(sheet)).toBeLessThanOrEqual(WIDER[t.template.inputs.kind] ?? PRINT_WIDTH);
    if (sheet.print!.fitToWidth > 1) expect(sheet.print!.titleColumns).toEqual({ first: "A", last: "C" });
    else expect(sheet.print!.titleColumns).toBeUndefined();
    expect(layoutDefects(sheet)).toEqual([]);
    // Every wrapped text has a row tall enough (layoutDefects), and no row is taller than its lines need.
    for (const r of sheet.rows ?? []) expect(r.height % LINE_HEIGHT).toBe(0);
    // No header runs past the print area's right edge (it would be cut on paper).
    const last = columnIndex(sheet.print!.area.split(":")[1].replace(/[0-9]+/g, ""))!;
    const cells = shownCells(sheet);
    const occupied = new Set(cells.map((c) => `${c.row}:${c.col}`));
    const widths = new Map((sheet.columns ?? []).map((c) => [columnIndex(c.column) ?? -1, c.width]));
    const past = cells
      .filter((c) => c.style === "header" && c.wrap !== true && c.col <= last)
      .filter((c) => Math.max(...coveredColumns(c, occupied, widths)) > last && textWidth(c) > (widths.get(c.col) ?? 0))
      .map((c) => c.text);
    expect(past).toEqual([]);
  });

  test("the two newest kinds print within the readable bound in English, and far narrower than before", () => {
    const width = (id: string) => {
      const t = builtInTemplates().find((x) => x.id === id)!;
      return printedWidth(buildModel(t.template.inputs).sheet);
    };
    expect(width("opcore-deal-pricing")).toBeLessThanOrEqual(PRINT_WIDTH);
    expect(width("cap-table-history")).toBeLessThan(387 * 0.7);
    const history = buildModel(builtInTemplates().find((x) => x.id === "cap-table-history")!.template.inputs).sheet;
    expect(history.print!.fitToWidth).toBe(2);
    expect(pageWidth(history)).toBeLessThanOrEqual(PRINT_WIDTH);
  });
});
