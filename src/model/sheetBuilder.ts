/**
 * Helpers to describe a model sheet as plain data (`SheetSpec`): A1 addresses, number formats by
 * currency unit, sheet names Excel accepts, and a small collector of cells and defined names.
 * No Office, no DOM, no I/O: model builders call these, writers render the result.
 */
import { Decimal, EngineError } from "../engine";
import type { CellSpec, ChartSpec, ColumnSpec, NameSpec, SheetSpec, StyleName } from "../workbook/spec";
import { cleanSheetName } from "../workbook/sheetName";

/** Column letter of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index of a column letter: "A" -> 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address from a column letter and a 1-based row. */
export function a1(column: string, row: number): string {
  return `${column}${row}`;
}

export { MAX_SHEET_NAME, isValidSheetName } from "../workbook/sheetName";

/**
 * A sheet name Excel accepts, from a base (e.g. a company) and a suffix (" deal"): the one rule of
 * src/workbook/sheetName.ts (forbidden and control characters as spaces, no apostrophe at either end,
 * at most 31 characters with the base shortened on a whole character, never the suffix), `fallback`
 * when nothing is left of the base.
 */
export function sheetNameFor(base: string, suffix: string, fallback: string): string {
  return cleanSheetName(base, fallback, suffix);
}

/**
 * True when `name` is a defined name Excel accepts: starts with a letter or "_", then letters,
 * digits, "_" or "."; not a cell reference ("AB12", "R1C1", "R", "C") nor TRUE/FALSE.
 */
export function isValidDefinedName(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false;
  if (/^[Rr]([0-9]*)?([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name)) return false;
  return !["TRUE", "FALSE"].includes(name.toUpperCase());
}

/** A value from the engine to the cell: a JS number (never -0); beyond a double's range is an error, never Infinity. */
export function toCellNumber(value: Decimal, what = "a result"): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw new EngineError("num", `${what} is too large for a cell (${value.toSignificantDigits(6).toString()})`);
  return n === 0 ? 0 : n;
}

/** Matches a call to the add-in's custom functions in a formula ("CAPTABLE.WATERFALL("). */
const ADD_IN_CALL = /(^|[^A-Za-z0-9_.])CAPTABLE\.[A-Za-z0-9_]+\s*\(/i;

/** True when the formula calls a CAPTABLE function (outside double-quoted text). */
export function callsAddIn(formula: string): boolean {
  return ADD_IN_CALL.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

/** Addresses grouped into rectangles, in reading order of their first cell: B4, B5, B6, C4, C5, C6, D9 -> "B4:C6, D9". */
export function describeCells(addresses: readonly string[]): string {
  const byColumn = new Map<string, number[]>();
  for (const a of addresses) {
    const m = /^([A-Z]+)([0-9]+)$/.exec(a);
    if (m === null) throw new Error(`internal: "${a}" is not an A1 address`);
    byColumn.set(m[1], [...(byColumn.get(m[1]) ?? []), Number(m[2])]);
  }
  const runs: { column: string; from: number; to: number }[] = [];
  for (const [column, rows] of byColumn) {
    for (const r of [...new Set(rows)].sort((x, y) => x - y)) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.column === column && last.to === r - 1) last.to = r;
      else runs.push({ column, from: r, to: r });
    }
  }
  runs.sort((x, y) => x.from - y.from || x.to - y.to || columnIndex(x.column) - columnIndex(y.column));
  // Side-by-side runs over the same rows make one rectangle.
  const blocks: { first: string; last: string; from: number; to: number }[] = [];
  for (const r of runs) {
    const b = blocks[blocks.length - 1];
    if (b !== undefined && b.from === r.from && b.to === r.to && columnIndex(b.last) + 1 === columnIndex(r.column)) b.last = r.column;
    else blocks.push({ first: r.column, last: r.column, from: r.from, to: r.to });
  }
  blocks.sort((x, y) => x.from - y.from || columnIndex(x.first) - columnIndex(y.first));
  return blocks.map((b) => (b.first === b.last && b.from === b.to ? `${b.first}${b.from}` : `${b.first}${b.from}:${b.last}${b.to}`)).join(", ");
}

/**
 * The words a sheet shows about its cells that call the add-in: which ones, what they show
 * without it, and how to make them live (the taskpane's Rebuild rewrites them as Excel binds them).
 */
export function addInNoteText(addresses: readonly string[]): string {
  return (
    `Cells ${describeCells(addresses)} call the CapTable add-in (=CAPTABLE.*). Without it they show the values computed when the file was written; ` +
    `open the file in Excel with the CapTable add-in and press Rebuild in its taskpane to make them live.`
  );
}

/** Collects the cells, names, columns and charts of one sheet, refusing a cell written twice. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly names: NameSpec[] = [];
  private readonly columns: ColumnSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private note?: { address: string; style: StyleName };
  /** The rectangles tables spill over (first and last column, first and last row), kept empty. */
  private readonly spilled: { c0: number; c1: number; r0: number; r1: number; address: string }[] = [];

  constructor(private readonly sheetName: string) {}

  private put(cell: CellSpec): string {
    if (this.cells.has(cell.address)) throw new Error(`internal: cell ${cell.address} written twice`);
    if (this.note?.address === cell.address && typeof cell.value !== "string") throw new Error(`internal: cell ${cell.address} is the add-in note's`);
    const [, col, row] = /^([A-Z]+)([0-9]+)$/.exec(cell.address) ?? [];
    const c = columnIndex(col ?? "A");
    const r = Number(row);
    const over = this.spilled.find((x) => c >= x.c0 && c <= x.c1 && r >= x.r0 && r <= x.r1 && cell.address !== x.address);
    if (over !== undefined) throw new Error(`internal: cell ${cell.address} is in the range the table at ${over.address} spills over`);
    this.cells.set(cell.address, cell);
    return cell.address;
  }

  /** A literal (text, number, boolean or an empty styled cell). Text is always written as text. */
  value(address: string, value: string | number | boolean | null, style?: StyleName, format?: string): string {
    return this.put({ address, value, ...(style ? { style } : {}), ...(format ? { format } : {}) });
  }

  /** A formula with the engine's value for it. */
  formula(address: string, formula: string, expected: Decimal | string, format?: string, style: StyleName = "calc"): string {
    if (!formula.startsWith("=")) throw new Error(`internal: formula at ${address} must begin with "=": ${formula}`);
    const e = typeof expected === "string" ? expected : toCellNumber(expected, `the value at ${address}`);
    return this.put({ address, formula, expected: e, style, ...(format ? { format } : {}) });
  }

  /**
   * A formula returning a table (a dynamic array spilling from `address`) with the engine's whole
   * result: the cells it spills over stay empty in the spec (writers render the spill).
   */
  spill(address: string, formula: string, rows: readonly (readonly (Decimal | string | number)[])[], style: StyleName = "calc"): string {
    if (!formula.startsWith("=")) throw new Error(`internal: formula at ${address} must begin with "=": ${formula}`);
    const width = Math.max(...rows.map((r) => r.length));
    const spill = rows.map((r, i) =>
      Array.from({ length: width }, (_, k) => {
        const v = r[k] ?? "";
        return typeof v === "string" || typeof v === "number" ? v : toCellNumber(v, `the value at row ${i + 1} of the table at ${address}`);
      }),
    );
    const [m, col, row] = /^([A-Z]+)([0-9]+)$/.exec(address) ?? [];
    if (m === undefined) throw new Error(`internal: bad address ${address}`);
    for (let i = 0; i < spill.length; i++)
      for (let k = 0; k < width; k++)
        if ((i > 0 || k > 0) && this.cells.has(`${columnLetter(columnIndex(col) + k)}${Number(row) + i}`))
          throw new Error(`internal: the table at ${address} would spill over a written cell`);
    const written = this.put({ address, formula, expected: spill[0][0], spill, style });
    const c0 = columnIndex(col);
    this.spilled.push({ c0, c1: c0 + width - 1, r0: Number(row), r1: Number(row) + spill.length - 1, address });
    return written;
  }

  name(name: string, ref: string, comment?: string): void {
    if (!isValidDefinedName(name)) throw new Error(`internal: invalid defined name ${name}`);
    this.names.push({ name, ref, ...(comment ? { comment } : {}) });
  }

  column(column: string, width: number): void {
    this.columns.push({ column, width });
  }

  chart(chart: ChartSpec): void {
    this.charts.push(chart);
  }

  /**
   * Reserves a cell for the note saying, in words, which cells call the add-in (addInNoteText); it
   * is filled when the sheet is built, from the formulas then on the sheet, and left out when no
   * cell calls the add-in. Model builders call it where the sheet explains itself (under the title).
   */
  addInNote(address: string, style: StyleName = "note"): void {
    if (this.note !== undefined) throw new Error(`internal: the add-in note is already at ${this.note.address}`);
    if (this.cells.has(address)) throw new Error(`internal: cell ${address} written twice`);
    this.note = { address, style };
  }

  /** The sheet, cells in reading order (row by row, then column). */
  build(): SheetSpec {
    if (this.note !== undefined && !this.cells.has(this.note.address)) {
      const calling = [...this.cells.values()].filter((c) => c.formula !== undefined && callsAddIn(c.formula)).map((c) => c.address);
      if (calling.length > 0) this.put({ address: this.note.address, value: addInNoteText(calling), style: this.note.style });
    }
    const order = (address: string): [number, number] => {
      const m = /^([A-Z]+)([0-9]+)$/.exec(address)!;
      return [Number(m[2]), columnIndex(m[1])];
    };
    const cells = [...this.cells.values()].sort((x, y) => {
      const [rx, cx] = order(x.address);
      const [ry, cy] = order(y.address);
      return rx - ry || cx - cy;
    });
    return {
      name: this.sheetName,
      cells,
      names: [...this.names],
      columns: [...this.columns],
      charts: [...this.charts],
      showGridlines: false,
    };
  }
}
