/** Checks that a sheet in the fake workbook holds exactly what a SheetSpec describes. */
import type { MockContent, MockWorkbook } from "../support/officeMock";
import { STYLES, type CellSpec, type ChartSpec, type SheetSpec } from "../../src/workbook/spec";
import { cellAddress, columnIndex, parseRange, rangeAddress } from "../../src/workbook/a1";
import { structuredReference } from "../../src/workbook/tables";

export function expectedContent(cell: CellSpec): MockContent {
  if (cell.formula !== undefined) return { kind: "formula", formula: cell.formula };
  const v = cell.value;
  if (v === undefined || v === null || v === "") return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  return { kind: "text", value: v, prefixed: true };
}

/** Every cell of the spec: content, number format, style; nothing else on the sheet; names; chart. */
export function expectSheetMatchesSpec(wb: MockWorkbook, sheetName: string, spec: SheetSpec): void {
  const sheet = wb.sheet(sheetName);
  const described = new Set<string>();
  for (const c of spec.cells) {
    const address = c.address.replace(/\$/g, "").toUpperCase();
    described.add(address);
    const got = sheet.cells.get(address);
    expect({ address, content: got?.content }).toEqual({ address, content: expectedContent(c) });
    expect({ address, format: got?.numberFormat ?? "General" }).toEqual({ address, format: c.format ?? "General" });
    const style = c.style === undefined ? {} : STYLES[c.style];
    expect({
      address,
      bold: got?.bold,
      italic: got?.italic,
      size: got?.size,
      fontColor: got?.fontColor,
      fill: got?.fill,
      border: got?.borderBottom?.style,
    }).toEqual({
      address,
      bold: style.bold,
      italic: style.italic,
      size: style.size,
      fontColor: style.fontColor,
      fill: style.fill,
      border: style.borderBottom === true ? "Continuous" : undefined,
    });
  }
  for (const [address, cell] of sheet.cells) {
    if (!described.has(address))
      expect({ address, content: cell.content, fill: cell.fill, bold: cell.bold }).toEqual({
        address,
        content: { kind: "empty" },
        fill: undefined,
        bold: undefined,
      });
  }
  // "$" or not, the same cells (a name's reference is absolute in Excel; a rebuild in place sets it so).
  const ref = (r: string) => r.replace(/\$/g, "");
  // A name on a table is its structured reference (tables.ts), under the table's name as written.
  const expectedRef = (n: SheetSpec["names"][number]) => {
    const table = n.table === undefined ? undefined : spec.tables?.find((t) => t.name === n.table?.table);
    const written = table === undefined ? undefined : sheet.tables.find((t) => t.ref === table.ref)?.name;
    return n.table !== undefined && table !== undefined ? structuredReference(n.table, table, written) : ref(n.ref);
  };
  expect([...sheet.names.values()].map((n) => [n.name, ref(n.ref)]).sort()).toEqual(spec.names.map((n) => [n.name, expectedRef(n)]).sort());
  const officeType = {
    clusteredColumn: "ColumnClustered",
    stackedColumn: "ColumnStacked",
    pie: "Pie",
    waterfall: "Waterfall",
    footballField: "BarStacked",
  };
  expect(sheet.charts.map((c) => [c.type, c.seriesBy, c.title, c.from, c.to, c.series])).toEqual(
    (spec.charts ?? []).map((c) => [officeType[c.type], c.seriesBy === "rows" ? "Rows" : "Columns", c.title, c.from, c.to, expectedSeries(spec, c)]),
  );
  if (spec.showGridlines !== undefined) expect(sheet.showGridlines).toBe(spec.showGridlines);
}

/**
 * The series a chart must have, as the spec defines its data range (spec.ts ChartSpec): by columns,
 * one series per column after the first (or per `seriesColumns`), named by its header, categories = the first column below
 * the header; by rows, transposed. Never left to Excel's guess.
 */
function expectedSeries(spec: SheetSpec, chart: ChartSpec): { name: string; values: string; categories: string; filled?: boolean }[] {
  const r = parseRange(chart.dataRange)!;
  const text = (row: number, col: number) => {
    const c = spec.cells.find((x) => x.address === cellAddress(row, col));
    return String(c?.value ?? c?.expected ?? "");
  };
  const range = (top: number, left: number, bottom: number, right: number) => rangeAddress({ top, left, bottom, right });
  const out: { name: string; values: string; categories: string; filled?: boolean }[] = [];
  if (chart.seriesBy === "columns")
    for (const col of chart.seriesColumns?.map((l) => columnIndex(l)!) ?? Array.from({ length: r.right - r.left }, (_, k) => r.left + 1 + k))
      out.push({ name: text(r.top, col), values: range(r.top + 1, col, r.bottom, col), categories: range(r.top + 1, r.left, r.bottom, r.left) });
  else
    for (let row = r.top + 1; row <= r.bottom; row++)
      out.push({ name: text(row, r.left), values: range(row, r.left + 1, row, r.right), categories: range(r.top, r.left + 1, r.top, r.right) });
  // A football field's first series (the low end of each bar) has its fill cleared.
  if (chart.type === "footballField" && out.length > 0) out[0] = { ...out[0], filled: false };
  return out;
}
