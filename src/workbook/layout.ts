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
 *
 * Long texts wrap instead of widening their column (Excel's Wrap Text, "Wrap text in a cell",
 * support.microsoft.com: the text wraps to the column width and the row's height must show the
 * lines), so that a model prints at a readable scale (issue 14): a header wraps onto at most
 * HEADER_LINES lines, any other text whose right neighbour holds something wraps past WRAP_AT
 * characters, and a note running over empty cells wraps in its own column when it would run past
 * the print area. The wrapped cells and the row heights that show their lines are computed here
 * (`wrapLayout`) and written by every writer (CellSpec.wrap, SheetSpec.rows).
 */
import type { CellSpec, ColumnSpec, RowSpec, SheetSpec, StyleName } from "./spec";
import { cellAddress, columnIndex, columnLetters, parseCell } from "./a1";

/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** The widest column Excel allows. */
export const MAX_COLUMN_WIDTH = 255;
/** Padding around a cell's text, in characters. */
const PADDING = 1.5;
/** A header (style "header") wraps onto at most this many lines. */
export const HEADER_LINES = 3;
/**
 * Any other text whose right neighbour holds something wraps when it is wider than this, in
 * characters: a label in the first column at LABEL_WRAP_AT, a text in a table's column at WRAP_AT.
 */
export const LABEL_WRAP_AT = 46;
export const WRAP_AT = 16;
/** A text running over empty cells wraps in its own column onto at most this many lines (else it runs over). */
const MAX_RUN_LINES = 3;
/** Height of one line of Calibri 11, in points (Excel's default row height). */
export const LINE_HEIGHT = 15;

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
  /** The cell wraps its text (CellSpec.wrap). */
  readonly wrap?: boolean;
  /** A value a table spills over (not a cell of the spec's own: it cannot wrap). */
  readonly spilled?: boolean;
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
  const push = (row: number, col: number, v: unknown, cell: CellSpec, spilled = false) => {
    if (v === null || v === undefined || v === "") return;
    const isNumber = typeof v === "number";
    out.push({
      row,
      col,
      text: isNumber ? numberText(v, cell.format) : String(v),
      isNumber,
      ...(cell.style ? { style: cell.style } : {}),
      ...(cell.format ? { format: cell.format } : {}),
      ...(cell.wrap === true ? { wrap: true } : {}),
      ...(spilled ? { spilled: true } : {}),
    });
  };
  for (const c of sheet.cells) {
    const ref = parseCell(c.address);
    if (ref === undefined) continue;
    if (c.spill !== undefined) {
      c.spill.forEach((r, i) =>
        r.forEach((v, k) => push(ref.row + i, ref.col + k, v, { address: c.address, ...(c.style ? { style: c.style } : {}) }, i > 0 || k > 0)),
      );
    } else push(ref.row, ref.col, c.formula !== undefined ? (c.expected ?? c.formula) : c.value, c);
  }
  return out;
}

/** Width of a shown cell's text, in characters of the default font. */
export function textWidth(cell: Pick<ShownCell, "text" | "style">): number {
  return cell.text.length * STYLE_FACTOR[cell.style ?? "label"] + PADDING;
}

/**
 * Lines a text takes when it wraps in a column this wide: words laid greedily on lines (Excel
 * breaks at spaces and hyphens; a word wider than the column is broken anywhere).
 */
export function wrappedLines(cell: Pick<ShownCell, "text" | "style">, width: number): number {
  const factor = STYLE_FACTOR[cell.style ?? "label"];
  const room = Math.max(1, Math.floor((width - PADDING) / factor));
  let lines = 0;
  for (const paragraph of cell.text.split("\n")) {
    let line = 0;
    lines++;
    // Words with the space or hyphen after them (no look-behind: older WebKit, Excel on the Mac, lacks it).
    for (const word of paragraph.match(/[^ -]+[ -]?|[ -]/g) ?? []) {
      const w = word.replace(/ $/, "").length;
      if (line > 0 && line + w > room) {
        lines++;
        line = 0;
      }
      if (w > room) {
        lines += Math.ceil(w / room) - 1;
        line = w % room;
      } else line += word.length;
    }
  }
  return lines;
}

/** The narrowest width (characters) at which a text wraps onto at most `lines` lines. */
export function widthForLines(cell: Pick<ShownCell, "text" | "style">, lines: number): number {
  let longestWord = 0;
  for (const w of cell.text.split(/[ \n-]/)) longestWord = Math.max(longestWord, w.length);
  let w = Math.ceil(longestWord * STYLE_FACTOR[cell.style ?? "label"] + PADDING);
  while (wrappedLines(cell, w) > lines) w++;
  return w;
}

/** The width a text in a column whose neighbour holds something asks for: all of it, or less when it wraps. */
function blockedWidth(cell: ShownCell): number {
  const full = textWidth(cell);
  if (cell.isNumber || cell.spilled === true) return full;
  if (cell.style === "header") return Math.min(full, widthForLines(cell, HEADER_LINES));
  const at = cell.col === 0 ? LABEL_WRAP_AT : WRAP_AT;
  return full > at ? Math.max(at, widthForLines(cell, Math.ceil(full / at))) : full;
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
  const heights = new Map((sheet.rows ?? []).map((r) => [r.row - 1, r.height]));
  const mergedTo = new Map((sheet.merges ?? []).map((m) => [m.split(":")[0], columnIndex(m.split(":")[1].replace(/[0-9]+/g, "")) ?? 0]));
  for (const c of cells) {
    if (c.wrap === true) {
      // A wrapped text shows in full when its row is tall enough for its lines, over its merged range.
      let width = 0;
      for (let k = c.col; k <= Math.max(c.col, mergedTo.get(cellAddress(c.row, c.col)) ?? c.col); k++) width += widthOf(widths, k);
      const need = wrappedLines(c, width) * LINE_HEIGHT;
      const room = heights.get(c.row) ?? LINE_HEIGHT;
      if (room + 1e-9 < need) out.push({ address: cellAddress(c.row, c.col), text: c.text, need, room });
      continue;
    }
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
    // A header sizes its column (wrapped) even with empty cells to its right: a table's last header
    // must not run past the print area's edge.
    const blocked = c.isNumber || c.style === "header" || occupied.has(`${c.row}:${c.col + 1}`);
    grow(c.col, blocked ? blockedWidth(c) : minWidth);
  }
  for (const [col, w] of fixedAt) widths.set(col, w);
  // Texts that run over: widen the last column they cover until they show in full.
  for (const c of cells) {
    if (c.isNumber || occupied.has(`${c.row}:${c.col + 1}`)) continue;
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

/** What `wrapLayout` decides: the cells that wrap, the ranges they wrap across (merged), the rows' heights. */
export interface WrapLayout {
  readonly wrapped: Set<string>;
  /** "C14:G14": a text merged across the empty cells to its right, to wrap over their width. */
  readonly merges: string[];
  readonly rows: RowSpec[];
}

/**
 * The texts that wrap with these column widths, and the row heights that show their lines: a text
 * wider than the room it has, its own column and the empty cells to its right up to `lastColumn`
 * (0-based, the print area's last column): a text whose right neighbour holds something and was
 * given less than its width by `fitColumnWidths`, or one that would run past the print area.
 * A text with empty cells to its right (no cell of the spec at all) is merged across them and wraps
 * over their whole width (Excel's Merge Cells with Wrap Text: a note under a table reads as a
 * paragraph); any other wraps in its own column. A row gets LINE_HEIGHT points a line of its
 * tallest wrapped text; rows without one keep Excel's default height (no entry).
 */
export function wrapLayout(sheet: SheetSpec, columns: readonly ColumnSpec[], lastColumn: number): WrapLayout {
  const cells = shownCells(sheet);
  const occupied = new Set(cells.map((c) => `${c.row}:${c.col}`));
  const inSpec = new Set(sheet.cells.map((c) => c.address));
  const widths = new Map(columns.map((c) => [columnIndex(c.column) ?? -1, c.width]));
  const wrapped = new Set<string>();
  const merges: string[] = [];
  const lines = new Map<number, number>();
  for (const c of cells) {
    if (c.isNumber) continue;
    if (c.spilled === true) continue;
    const address = cellAddress(c.row, c.col);
    const need = textWidth(c);
    const width = widthOf(widths, c.col);
    if (need <= width + 1e-9) continue;
    // Runs over the empty cells to its right, up to the print area's last column: wraps when they are not room enough.
    let room = 0;
    for (let k = c.col; k <= Math.max(c.col, lastColumn) && room < need; k++) {
      if (k > c.col && occupied.has(`${c.row}:${k}`)) break;
      room += widthOf(widths, k);
    }
    if (room + 1e-9 >= need) continue;
    // Across the empty cells up to the print area's edge (no cell of the spec, not even an empty styled one).
    let free = c.col;
    while (free + 1 <= lastColumn && !occupied.has(`${c.row}:${free + 1}`) && !inSpec.has(cellAddress(c.row, free + 1))) free++;
    let across = width;
    for (let k = c.col + 1; k <= free; k++) across += widthOf(widths, k);
    const n = wrappedLines(c, across);
    // A text running over empty cells that would wrap onto more than MAX_RUN_LINES lines in a narrow
    // last column keeps running over, as Excel shows it (a column of short figures stays narrow).
    if (!occupied.has(`${c.row}:${c.col + 1}`) && free === c.col && n > MAX_RUN_LINES) continue;
    if (free > c.col) merges.push(`${address}:${cellAddress(c.row, free)}`);
    wrapped.add(address);
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  const rows = [...lines.entries()]
    .filter(([, n]) => n > 1)
    .sort((a, b) => a[0] - b[0])
    .map(([row, n]) => ({ row: row + 1, height: n * LINE_HEIGHT }));
  return { wrapped, merges, rows };
}
