/**
 * Layout read from a `SheetSpec`'s content, for every writer alike: how wide each cell's text is
 * shown, which cells a text runs over, and the column widths that show every header, label and
 * number in full. Pure data, no Office, no DOM (spec.ts's rules).
 *
 * Excel's rules used here (Microsoft, "Change the column width or row height in Excel" and
 * "Display data that doesn't fit in cells", support.microsoft.com):
 * - column widths are in characters of the default font (Calibri 11);
 * - a text runs over into the cells to its right while they are empty, and is cut at the first
 *   cell that holds something; a number never runs over (it shows ##### when too narrow).
 * Widths are estimates in those characters: a bold character counts 1.1, the 14-point title 1.35,
 * plus padding; generous on purpose, since a column a little wide costs nothing and a cut header
 * is the defect (issue 14: "Company (100…", "Pro rata check (US").
 */
import type { CellSpec, ColumnSpec, SheetSpec, StyleName } from "./spec";
import { cellAddress, columnIndex, columnLetters, parseCell } from "./a1";

/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** The widest column Excel allows. */
export const MAX_COLUMN_WIDTH = 255;
/** Padding around a cell's text, in characters. */
const PADDING = 1.5;

const STYLE_FACTOR: Readonly<Record<StyleName, number>> = {
  title: 1.35,
  subtitle: 1,
  section: 1.1,
  header: 1.1,
  label: 1,
  input: 1,
  calc: 1,
  total: 1.1,
  note: 1,
};

/** A cell as shown: its row and column (0-based), text, whether it is a number, its style. */
export interface ShownCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly isNumber: boolean;
  readonly style?: StyleName;
  readonly format?: string;
}

/** The width a number takes with a format code, in characters ("(1,234.6)" for -1234.56 in "#,##0.0_);(#,##0.0)"). */
export function numberText(value: number, format: string | undefined): string {
  const section = (format ?? "General").split(";")[0];
  if (section === "General" || section === "") return String(Number(value.toPrecision(11)));
  const percent = section.includes("%");
  const decimals = /\.([0#?]+)/.exec(section)?.[1].length ?? 0;
  const scaled = Math.abs(percent ? value * 100 : value);
  let digits = scaled.toFixed(decimals);
  if (section.includes(",")) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/(\.\d*?),/g, "$1");
  const literals = section.replace(/"([^"]*)"/g, "$1").replace(/[0#?,.%_)\\]|\[[^\]]*]/g, "");
  return `${value < 0 ? "(" : ""}${digits}${percent ? "%" : ""}${literals}${value < 0 || section.includes("_)") ? ")" : ""}`;
}

/** Every cell as shown, spilled tables expanded into their cells. */
export function shownCells(sheet: SheetSpec): ShownCell[] {
  const out: ShownCell[] = [];
  const push = (row: number, col: number, v: unknown, cell: CellSpec) => {
    if (v === null || v === undefined || v === "") return;
    const isNumber = typeof v === "number";
    out.push({
      row,
      col,
      text: isNumber ? numberText(v, cell.format) : String(v),
      isNumber,
      ...(cell.style ? { style: cell.style } : {}),
      ...(cell.format ? { format: cell.format } : {}),
    });
  };
  for (const c of sheet.cells) {
    const ref = parseCell(c.address);
    if (ref === undefined) continue;
    if (c.spill !== undefined) {
      c.spill.forEach((r, i) => r.forEach((v, k) => push(ref.row + i, ref.col + k, v, { address: c.address, style: c.style })));
    } else push(ref.row, ref.col, c.formula !== undefined ? (c.expected ?? c.formula) : c.value, c);
  }
  return out;
}

/** Width of a shown cell's text, in characters of the default font. */
export function textWidth(cell: Pick<ShownCell, "text" | "style">): number {
  return cell.text.length * STYLE_FACTOR[cell.style ?? "label"] + PADDING;
}

const widthOf = (widths: ReadonlyMap<number, number>, col: number) => widths.get(col) ?? DEFAULT_COLUMN_WIDTH;

/** Columns (0-based) a text covers from its own column, with these widths: itself, then the empty cells it runs over. */
export function coveredColumns(cell: ShownCell, occupied: ReadonlySet<string>, widths: ReadonlyMap<number, number>): number[] {
  const cols = [cell.col];
  if (cell.isNumber) return cols;
  let room = widthOf(widths, cell.col);
  const need = textWidth(cell);
  for (let c = cell.col + 1; room < need && c < cell.col + 200; c++) {
    if (occupied.has(`${cell.row}:${c}`)) break;
    cols.push(c);
    room += widthOf(widths, c);
  }
  return cols;
}

/** A text shown cut (the next cell holds something) or a number too wide for its column: what the layout must avoid. */
export interface LayoutDefect {
  readonly address: string;
  readonly text: string;
  readonly need: number;
  readonly room: number;
}

/** Every cell whose text does not show in full with the sheet's column widths. */
export function layoutDefects(sheet: SheetSpec): LayoutDefect[] {
  const cells = shownCells(sheet);
  const occupied = new Set(cells.map((c) => `${c.row}:${c.col}`));
  const widths = new Map((sheet.columns ?? []).map((c) => [columnIndex(c.column) ?? -1, c.width]));
  const out: LayoutDefect[] = [];
  for (const c of cells) {
    const cols = coveredColumns(c, occupied, widths);
    const room = cols.reduce((s, k) => s + widthOf(widths, k), 0);
    const need = textWidth(c);
    if (room + 1e-9 < need) out.push({ address: cellAddress(c.row, c.col), text: c.text, need, room });
  }
  return out;
}

/**
 * Column widths that show every cell in full: each column as wide as its widest number, and as
 * its widest text whose right neighbour holds something (a text with empty cells to its right
 * runs over them instead); then, for a text that would still be cut, the last column it runs
 * over is widened. `fixed` widths (spacer columns) are kept as given. Columns with nothing in
 * them keep Excel's default (no entry).
 */
export function fitColumnWidths(sheet: SheetSpec, fixed: readonly ColumnSpec[] = [], minWidth = 6): ColumnSpec[] {
  const cells = shownCells(sheet);
  const occupied = new Set(cells.map((c) => `${c.row}:${c.col}`));
  const fixedAt = new Map(fixed.map((c) => [columnIndex(c.column) ?? -1, c.width]));
  const widths = new Map<number, number>();
  const grow = (col: number, w: number) => {
    if (fixedAt.has(col)) return;
    widths.set(col, Math.min(MAX_COLUMN_WIDTH, Math.max(widths.get(col) ?? minWidth, Math.ceil(w))));
  };
  for (const c of cells) {
    const blocked = c.isNumber || occupied.has(`${c.row}:${c.col + 1}`);
    grow(c.col, blocked ? textWidth(c) : minWidth);
  }
  for (const [col, w] of fixedAt) widths.set(col, w);
  // Texts that run over: widen the last column they cover until they show in full.
  for (const c of cells) {
    if (c.isNumber) continue;
    const cols = coveredColumns(c, occupied, widths);
    const room = cols.reduce((s, k) => s + widthOf(widths, k), 0);
    const need = textWidth(c);
    if (room < need) {
      const last = cols.filter((k) => !fixedAt.has(k)).pop();
      if (last !== undefined) widths.set(last, Math.min(MAX_COLUMN_WIDTH, Math.ceil(widthOf(widths, last) + need - room)));
    }
  }
  // ExcelJS (the .xlsx writer) drops a width of exactly 9, its own default (DEFAULT_COLUMN_WIDTH in
  // exceljs/lib/doc/column.js, `isCustomWidth`), so a fitted 9 is written as 9.5.
  return [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, width]) => ({ column: columnLetters(col), width: width === 9 && !fixedAt.has(col) ? 9.5 : width }));
}
