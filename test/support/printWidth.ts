/** The printed width of a model sheet: the sum of the column widths from A to the print area's last column, in characters. */
import { columnIndex } from "../../src/workbook/a1";
import { DEFAULT_COLUMN_WIDTH } from "../../src/workbook/layout";
import type { SheetSpec } from "../../src/workbook/spec";

export function printedWidth(sheet: SheetSpec): number {
  const last = columnIndex(sheet.print!.area.split(":")[1].replace(/[0-9]+/g, ""))!;
  const widths = new Map((sheet.columns ?? []).map((c) => [columnIndex(c.column), c.width]));
  let chars = 0;
  for (let k = 0; k <= last; k++) chars += widths.get(k) ?? DEFAULT_COLUMN_WIDTH;
  return chars;
}

/**
 * The width one printed page carries: the print area over the pages it is fit to wide, each page
 * also repeating the title columns (a page of a sheet fit to two pages wide holds half the columns
 * after the titles, plus the titles).
 */
export function pageWidth(sheet: SheetSpec): number {
  const print = sheet.print!;
  const pages = print.fitToWidth;
  if (pages === 1) return printedWidth(sheet);
  const widths = new Map((sheet.columns ?? []).map((c) => [columnIndex(c.column), c.width]));
  let titles = 0;
  if (print.titleColumns !== undefined)
    for (let k = columnIndex(print.titleColumns.first)!; k <= columnIndex(print.titleColumns.last)!; k++)
      titles += widths.get(k) ?? DEFAULT_COLUMN_WIDTH;
  return (printedWidth(sheet) - titles) / pages + titles;
}
