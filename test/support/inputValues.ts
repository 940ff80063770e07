/**
 * What Office.js `Range.values` would give for each input a model sheet declares: the rectangle's
 * values, "" for an empty cell. The read-back tests feed it to `inputsFromSheet` as Excel would.
 */
import { cellAddress, parseRange } from "../../src/workbook/a1";
import type { InputSpec, SheetSpec } from "../../src/workbook/spec";

export function valuesOf(sheet: SheetSpec, specs: readonly InputSpec[]): Map<string, unknown[][]> {
  const at = new Map(sheet.cells.map((c) => [c.address, c.value ?? c.expected ?? ""]));
  return new Map(
    specs.map((s) => {
      const r = parseRange(s.ref)!;
      const rows: unknown[][] = [];
      for (let i = r.top; i <= r.bottom; i++) {
        const row: unknown[] = [];
        for (let j = r.left; j <= r.right; j++) row.push(at.get(cellAddress(i, j)) ?? "");
        rows.push(row);
      }
      return [s.field, rows];
    }),
  );
}
