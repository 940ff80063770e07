/**
 * A model sheet as Excel holds it after the user adds a row to one of its tables (spec.ts
 * `TableSpec`): the table's range one row longer, the row's cells filled, and, in `withCalculatedRow`,
 * the formulas of the row above moved down a row in the columns the user did not type (what Excel
 * does for a calculated column). The names on the table's columns (NameSpec.table) cover the new row,
 * as their structured references do in Excel and LibreOffice: the .xlsx writer writes them as
 * structured references, and the test engine (hyperformulaSheet.ts, which has no tables) reads `ref`.
 */
import { cellAddress, parseRange, rangeAddress } from "../../src/workbook/a1";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { parseAddress } from "./hyperformulaSheet";

/** The spec with one more data row in `table`, holding `values` (the row under the table: what it held in the table's columns is left out). */
export function withRow(sheet: SheetSpec, table: string, values: readonly (string | number | null)[]): SheetSpec {
  const t = sheet.tables!.find((x) => x.name === table)!;
  const r = parseRange(t.ref)!;
  const row = r.bottom + 1;
  const inRow = (c: CellSpec) =>
    parseAddress(c.address).row === row && parseAddress(c.address).col >= r.left && parseAddress(c.address).col <= r.right;
  const cells = sheet.cells.filter((c) => !inRow(c));
  values.forEach((v, k) => cells.push({ address: cellAddress(row, r.left + k), value: v, style: "input" }));
  const names = sheet.names.map((n) => {
    if (n.table?.table !== table) return n;
    const at = parseRange(n.ref.replace(/\$/g, ""))!;
    return { ...n, ref: rangeAddress({ ...at, bottom: at.bottom + 1 }).replace(/([A-Z]+)([0-9]+)/g, "$$$1$$$2") };
  });
  return {
    ...sheet,
    cells,
    names,
    tables: sheet.tables!.map((x) => (x === t ? { ...x, ref: `${t.ref.split(":")[0]}:${cellAddress(row, r.right)}` } : x)),
  };
}

/**
 * The spec with one more data row in `table`: `values` in its first columns, and in the others the
 * formulas of the row above moved down a row (what Excel does for a calculated column).
 */
export function withCalculatedRow(sheet: SheetSpec, table: string, values: readonly (string | number)[]): SheetSpec {
  const t = sheet.tables!.find((x) => x.name === table)!;
  const r = parseRange(t.ref)!;
  const last = r.bottom + 1; // the last data row, as written in A1 references (parseRange counts from 0)
  const formulas = t.columns.slice(values.length).map((_, k) => {
    const above = sheet.cells.find((c) => c.address === cellAddress(r.bottom, r.left + values.length + k))!;
    // Relative references to the row above move down a row; $-fixed ones stay.
    const formula = above.formula!.replace(/(^|[^$A-Z])([A-Z]{1,3})(\d+)(?![0-9(])/g, (m, pre: string, col: string, row: string) =>
      Number(row) === last ? `${pre}${col}${last + 1}` : m,
    );
    return { ...above, address: cellAddress(r.bottom + 1, r.left + values.length + k), formula };
  });
  const grown = withRow(sheet, table, [...values, ...formulas.map(() => null)]);
  const at = new Set(formulas.map((c) => c.address));
  return { ...grown, cells: [...grown.cells.filter((c) => !at.has(c.address)), ...formulas] };
}
