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
