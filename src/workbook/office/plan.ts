/**
 * Turns a `SheetSpec` into a write plan of ranges: the cells grouped into rectangles (one
 * `formulas` and one `numberFormat` write per rectangle), the styles grouped into rectangles, the
 * column widths grouped into column spans. Pure: the Office.js writer only replays the plan, so
 * the number of operations grows with the sheet's shape, never one per cell, and the number of
 * round trips does not grow at all.
 */
import { STYLES, type CellSpec, type ChartSpec, type SheetSpec, type StyleName } from "../spec";
import { cellAddress, columnIndex, columnLetters, parseCell, parseRange, rangeAddress, type RangeRef } from "../a1";
import { numberedSheetName } from "../sheetName";
import { seriesColumnIndexes } from "../charts";

/** What goes into `Range.formulas` for one cell. */
export type FormulaInput = string | number | boolean;

export interface CellBlock {
  readonly address: string;
  /** Row-major matrix for `range.formulas`. */
  readonly formulas: FormulaInput[][];
  /** Row-major matrix for `range.numberFormat`, or undefined when no cell in the block has a format. */
  readonly numberFormats?: string[][];
}

export interface StyleBlock {
  readonly address: string;
  readonly style: StyleName;
  readonly rows: number;
}

export interface ColumnBlock {
  /** "B:D" */
  readonly address: string;
  /** Width in points (Office.js `format.columnWidth`). */
  readonly points: number;
}

export interface RowBlock {
  /** A cell of the row, "A5" */
  readonly address: string;
  /** Height in points (Office.js `format.rowHeight`). */
  readonly points: number;
}

export interface WritePlan {
  readonly blocks: readonly CellBlock[];
  readonly styles: readonly StyleBlock[];
  readonly columns: readonly ColumnBlock[];
  /** Cells whose text wraps (CellSpec.wrap), each "A5" (Office.js `format.wrapText`). */
  readonly wraps: readonly string[];
  /** Rows with a height of their own (SheetSpec.rows). */
  readonly rows: readonly RowBlock[];
  /** Ranges merged for a wrapped text (SheetSpec.merges). */
  readonly merges: readonly string[];
}

/**
 * How a literal is written so that Excel keeps it exactly: a text is prefixed with an apostrophe,
 * Excel's own "this is text" prefix (it is not part of the value), so "=1+1", "+33 1", "-", "@x",
 * "1/2" or "00123" stay texts instead of becoming formulas, numbers or dates. We prefer the prefix
 * to a "@" (Text) number format because that format would also turn whatever the user types
 * later into text, and it would replace the spec's own number format.
 */
export function literalInput(value: CellSpec["value"]): FormulaInput {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

/** The value written for a cell: its formula, or its literal (see `literalInput`). */
export function cellInput(cell: CellSpec): FormulaInput {
  return cell.formula !== undefined ? cell.formula : literalInput(cell.value);
}

/**
 * Excel column width (characters of the default font's widest digit, as shown in Excel) to points,
 * for the default Calibri 11 (maximum digit width 7 px), per the OOXML rules: the stored width adds
 * 5 px of padding, w' = trunc((w x 7 + 5) / 7 x 256) / 256; pixels = trunc((256 w' + trunc(128/7)) / 256 x 7);
 * 1 px = 0.75 pt at 96 dpi. So 8.43 (Excel's default) is 64 px = 48 pt. A width of 0 hides the column.
 */
export function columnWidthPoints(width: number): number {
  if (width <= 0) return 0;
  const mdw = 7;
  const stored = Math.trunc(((width * mdw + 5) / mdw) * 256) / 256;
  const pixels = Math.trunc(((256 * stored + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * 0.75;
}

/** A sparse sheet is written row by row instead of as one mostly empty rectangle. */
const DENSE_ENOUGH = 0.25;
const SMALL_AREA = 10_000;

interface Located {
  readonly row: number;
  readonly col: number;
  readonly cell: CellSpec;
}

function locate(cells: readonly CellSpec[]): Located[] {
  return cells.map((cell) => {
    const ref = parseCell(cell.address);
    if (ref === undefined) throw new Error(`cell address must be an A1 cell address such as "C5", got "${cell.address}"`);
    return { row: ref.row, col: ref.col, cell };
  });
}

function bounds(cells: readonly Located[]): RangeRef {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

function block(r: RangeRef, cells: readonly Located[]): CellBlock {
  const h = r.bottom - r.top + 1;
  const w = r.right - r.left + 1;
  const formulas: FormulaInput[][] = Array.from({ length: h }, () => new Array<FormulaInput>(w).fill(""));
  const formats: string[][] = Array.from({ length: h }, () => new Array<string>(w).fill("General"));
  let anyFormat = false;
  for (const c of cells) {
    formulas[c.row - r.top][c.col - r.left] = cellInput(c.cell);
    if (c.cell.format !== undefined) {
      formats[c.row - r.top][c.col - r.left] = c.cell.format;
      anyFormat = true;
    }
  }
  return anyFormat ? { address: rangeAddress(r), formulas, numberFormats: formats } : { address: rangeAddress(r), formulas };
}

function cellBlocks(cells: readonly Located[]): CellBlock[] {
  if (cells.length === 0) return [];
  const all = bounds(cells);
  const area = (all.bottom - all.top + 1) * (all.right - all.left + 1);
  if (area <= SMALL_AREA || cells.length / area >= DENSE_ENOUGH) return [block(all, cells)];
  const byRow = new Map<number, Located[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const rowCells = byRow.get(row) as Located[];
      return block(bounds(rowCells), rowCells);
    });
}

/** Styled cells grouped into rectangles: runs of one style along a row, stacked over identical runs below. */
function styleBlocks(cells: readonly Located[]): StyleBlock[] {
  const styled = cells
    .filter((c) => c.cell.style !== undefined && Object.keys(STYLES[c.cell.style]).length > 0)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; left: number; right: number; style: StyleName }[] = [];
  for (const c of styled) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row === c.row && last.right === c.col - 1 && last.style === c.cell.style) last.right = c.col;
    else runs.push({ row: c.row, left: c.col, right: c.col, style: c.cell.style as StyleName });
  }
  type Rect = { top: number; left: number; bottom: number; right: number; style: StyleName };
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}:${run.style}`;
    const rect = open.get(key);
    if (rect !== undefined && rect.bottom === run.row - 1) {
      rect.bottom = run.row;
    } else {
      if (rect !== undefined) done.push(rect);
      open.set(key, { top: run.row, bottom: run.row, left: run.left, right: run.right, style: run.style });
    }
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left).map((r) => ({ address: rangeAddress(r), style: r.style, rows: r.bottom - r.top + 1 }));
}

function columnBlocks(columns: SheetSpec["columns"]): ColumnBlock[] {
  const cols = (columns ?? [])
    .map((c) => ({ index: columnIndex(c.column), points: columnWidthPoints(c.width) }))
    .filter((c): c is { index: number; points: number } => c.index !== undefined)
    .sort((a, b) => a.index - b.index);
  const out: { first: number; last: number; points: number }[] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last !== undefined && last.last === c.index)
      last.points = c.points; // the later entry wins
    else if (last !== undefined && last.last === c.index - 1 && last.points === c.points) last.last = c.index;
    else out.push({ first: c.index, last: c.index, points: c.points });
  }
  return out.map((c) => ({ address: `${columnLetters(c.first)}:${columnLetters(c.last)}`, points: c.points }));
}

export function planSheet(sheet: SheetSpec): WritePlan {
  const cells = locate(sheet.cells);
  return {
    blocks: cellBlocks(cells),
    styles: styleBlocks(cells),
    columns: columnBlocks(sheet.columns),
    wraps: sheet.cells.filter((c) => c.wrap === true).map((c) => c.address),
    // One cell of the row: RangeFormat.rowHeight sets the height of every row of the range.
    rows: (sheet.rows ?? []).map((r) => ({ address: `A${r.row}`, points: r.height })),
    merges: [...(sheet.merges ?? [])],
  };
}

/** Office.js chart types for the spec's chart types. */
export const CHART_TYPES: Readonly<Record<ChartSpec["type"], string>> = {
  clusteredColumn: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  pie: "Pie",
  waterfall: "Waterfall",
  // Horizontal stacked bars; the writer leaves the first series (the low end) unfilled.
  footballField: "BarStacked",
};

/** Office.js series orientation for the spec's `seriesBy`. */
export const SERIES_BY: Readonly<Record<ChartSpec["seriesBy"], string>> = { columns: "Columns", rows: "Rows" };

/** One series of a chart, as ranges on the sheet: its name (the header cell's text), values and categories. */
export interface ChartSeriesPlan {
  readonly name: string;
  /** The header cell the name comes from. */
  readonly nameAddress: string;
  readonly values: string;
  readonly categories: string;
}

/**
 * The series of a chart, read from its data range as every writer reads it (spec.ts `ChartSpec`):
 * by columns, series names in the first row and categories in the first column; by rows, transposed.
 * The Office.js writer sets each series' values and categories from this (officeWriter.ts), so that
 * Excel's auto-layout never guesses (it would take a numeric first column, such as the exit values
 * of the exit waterfall, for one more series). Throws when the range has no data below and right of
 * its headers (checked by request.ts before anything is written).
 */
export function chartSeries(sheet: SheetSpec, chart: ChartSpec): ChartSeriesPlan[] {
  const r = parseRange(chart.dataRange);
  if (r === undefined || r.bottom === r.top || r.right === r.left)
    throw new Error(`chart data range "${chart.dataRange}" must have a header row, a category column and at least one cell of data`);
  const byAddress = new Map(
    sheet.cells.map((c) => [parseCell(c.address), c] as const).map(([p, c]) => [p === undefined ? "" : cellAddress(p.row, p.col), c]),
  );
  const text = (address: string) => {
    const c = byAddress.get(address);
    return String(c?.value ?? c?.expected ?? "");
  };
  const out: ChartSeriesPlan[] = [];
  const columns = seriesColumnIndexes(chart);
  if (chart.seriesBy === "columns") {
    for (const col of columns) {
      const nameAddress = cellAddress(r.top, col);
      out.push({
        name: text(nameAddress),
        nameAddress,
        values: rangeAddress({ top: r.top + 1, bottom: r.bottom, left: col, right: col }),
        categories: rangeAddress({ top: r.top + 1, bottom: r.bottom, left: r.left, right: r.left }),
      });
    }
  } else {
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const nameAddress = cellAddress(row, r.left);
      out.push({
        name: text(nameAddress),
        nameAddress,
        values: rangeAddress({ top: row, bottom: row, left: r.left + 1, right: r.right }),
        categories: rangeAddress({ top: r.top, bottom: r.top, left: r.left + 1, right: r.right }),
      });
    }
  }
  return out;
}

/**
 * The first free sheet name: `desired` itself, else "desired (2)", "desired (3)", ... with the
 * base shortened so the result keeps Excel's 31-character limit. Excel compares sheet names
 * without regard to case.
 */
export function freeSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  if (!used.has(desired.toLowerCase())) return desired;
  for (let n = 2; ; n++) {
    const candidate = numberedSheetName(desired, n);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Excel on the web refuses a request larger than 5 MB; the whole write is one request, so a sheet
 * whose write would come near it is refused up front with a clear message (kept under 4 MB).
 */
export const MAX_BATCH_BYTES = 4_000_000;

/** A generous estimate of the size of the write request for this plan, in bytes. */
export function estimateBatchBytes(plan: WritePlan, sheet: SheetSpec, extraBytes = 0): number {
  let bytes = 4_000 + extraBytes;
  for (const b of plan.blocks)
    bytes += JSON.stringify(b.formulas).length + (b.numberFormats === undefined ? 0 : JSON.stringify(b.numberFormats).length) + 200;
  bytes += plan.styles.length * 600 + plan.columns.length * 150 + (plan.wraps.length + plan.rows.length + plan.merges.length) * 150;
  for (const n of sheet.names) bytes += 300 + n.name.length + (n.comment?.length ?? 0);
  for (const c of sheet.charts ?? []) bytes += 800 + c.title.length;
  return bytes;
}
