/**
 * A1 addresses within one sheet: parsing and formatting, the one copy (issue 15). Indexes are
 * 0-based everywhere: column 0 is "A", row 0 is "1". Pure; used by the model builders
 * (src/model/sheetBuilder.ts), the Office.js writer to group cells into ranges (one write per
 * range instead of one per cell) and the taskpane's preview.
 */

/** Excel's grid: 16,384 columns (A..XFD) by 1,048,576 rows. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

export interface CellRef {
  /** 0-based row index. */
  readonly row: number;
  /** 0-based column index. */
  readonly col: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Column letters ("A", "AB") to a 0-based index; undefined when out of Excel's grid. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : undefined;
}

/** Column letters a program wrote ("A", "AB") to a 0-based index; throws when they are not a column of Excel's grid. */
export function columnIndexOf(letters: string): number {
  const index = columnIndex(letters);
  if (index === undefined) throw new Error(`"${letters}" is not a column of Excel's grid`);
  return index;
}

/** 0-based column index to letters (0 -> "A", 27 -> "AB"). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C5" (or "$C$5") to a 0-based cell; undefined if it is not a cell on Excel's grid. */
export function parseCell(address: string): CellRef | undefined {
  const m = CELL.exec(address);
  if (m === null) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === undefined || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** "B4:D9" or "B4" to a normalized rectangle (top-left, bottom-right); undefined if malformed. */
export function parseRange(address: string): RangeRef | undefined {
  const parts = address.split(":");
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (a === undefined || b === undefined) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** A 0-based cell as "B4". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A rectangle as "B4:D9" (or "B4" when it is a single cell). */
export function rangeAddress(r: RangeRef): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}
