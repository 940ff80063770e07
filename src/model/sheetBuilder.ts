/**
 * Helpers to describe a model sheet as plain data (`SheetSpec`): A1 addresses, number formats by
 * currency unit, sheet names Excel accepts, and a small collector of cells and defined names.
 * No Office, no DOM, no I/O: model builders call these, writers render the result.
 */
import { type CellWhat, Decimal, engineError } from "../engine";
import { columnIndexOf as columnIndex, columnLetters } from "../workbook/a1";
import type { CellSpec, ChartSpec, ColumnSpec, InputSpec, NameSpec, PrintSpec, SheetSpec, StyleName, TablePart, TableSpec } from "../workbook/spec";
import { checkTables } from "../workbook/tables";
import { fitColumnWidths, wrapLayout } from "../workbook/layout";
import { cleanSheetName } from "../workbook/sheetName";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage, type SheetText } from "./sheetText";

export { columnIndex, columnLetters };

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
export function toCellNumber(value: Decimal, what: CellWhat = { result: true }): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw engineError("num", "tooLargeForCell", { what, value: value.toSignificantDigits(6).toString() });
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
export function addInNoteText(addresses: readonly string[], language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  return sheetText(language).common.addInNote(describeCells(addresses));
}

/** Characters of the default font a portrait A4 or Letter page shows across at 100% (margins 0.7"). */
export const PORTRAIT_CHARACTERS = 95;
/**
 * The widest print area fit to one landscape page at a readable scale (about 57% on A4 or Letter);
 * a wider one (the cap-table history's events table) prints two pages wide with column A, the row
 * labels, repeated at the left of each page, so no page carries numbers without their labels.
 */
export const ONE_PAGE_CHARACTERS = 220;

/** Relative tolerance of a check on the sheet: doubles carry about 1e-15; 1e-9 leaves room for sums of many rows. */
export const CHECK_TOLERANCE = "0.000000001";

/** One check of the checks block: two native expressions that must agree, and the engine's values of both. */
export interface Check {
  readonly label: string;
  readonly left: string;
  readonly right: string;
  readonly engine: readonly [Decimal, Decimal];
  /**
   * The size of the terms the sides are computed from, as a native expression, when they can be
   * much larger than the sides (a bridge whose terms cancel): the tolerance is relative to it.
   */
  readonly scale?: string;
  /** Format of the difference when the check fails. */
  readonly format?: string;
}

/** How an input is read back beyond its place (InputSpec): a list, dates and words, a new row's hidden keys, the key column. */
export type InputHow = Pick<InputSpec, "list" | "read" | "reads" | "defaults" | "key">;

/** Collects the cells, names, columns and charts of one sheet, refusing a cell written twice. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly names_: NameSpec[] = [];
  private readonly columns: ColumnSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly inputs: InputSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private note?: { address: string; style: StyleName };
  private band?: string;
  private checkCount = 0;
  private checkRange = "";
  private printTitle?: string;
  private printTitleRows = 2;
  private printTitleColumnsTo = "A";
  private checksOk = false;
  private keyRange?: string;
  /** The rectangles tables spill over (first and last column, first and last row), kept empty. */
  private readonly spilled: { c0: number; c1: number; r0: number; r1: number; address: string }[] = [];

  /** The sheet's words for what the builder writes itself (checks, footer, the add-in note). */
  private readonly text: SheetText["common"];

  constructor(
    private readonly sheetName: string,
    readonly language: SheetLanguage = DEFAULT_SHEET_LANGUAGE,
  ) {
    this.text = sheetText(language).common;
  }

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
    const e = typeof expected === "string" ? expected : toCellNumber(expected, { address });
    return this.put({ address, formula, expected: e, style, ...(format ? { format } : {}) });
  }

  /**
   * A formula returning a table (a dynamic array spilling from `address`) with the engine's whole
   * result: the cells it spills over stay empty in the spec (writers render the spill).
   */
  spill(address: string, formula: string, rows: readonly (readonly (Decimal | string | number)[])[], style: StyleName = "calc"): string {
    if (!formula.startsWith("=")) throw new Error(`internal: formula at ${address} must begin with "=": ${formula}`);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const spill = rows.map((r, i) =>
      Array.from({ length: width }, (_, k) => {
        const v = r[k] ?? "";
        return typeof v === "string" || typeof v === "number" ? v : toCellNumber(v, { row: i + 1, address });
      }),
    );
    const [m, col, row] = /^([A-Z]+)([0-9]+)$/.exec(address) ?? [];
    if (m === undefined) throw new Error(`internal: bad address ${address}`);
    for (let i = 0; i < spill.length; i++)
      for (let k = 0; k < width; k++)
        if ((i > 0 || k > 0) && this.cells.has(`${columnLetters(columnIndex(col) + k)}${Number(row) + i}`))
          throw new Error(`internal: the table at ${address} would spill over a written cell`);
    const written = this.put({ address, formula, expected: spill[0][0], spill, style });
    const c0 = columnIndex(col);
    this.spilled.push({ c0, c1: c0 + width - 1, r0: Number(row), r1: Number(row) + spill.length - 1, address });
    return written;
  }

  /** A sheet-scoped defined name; `table`: the part of a table it covers (NameSpec.table), so it grows with the table's rows. */
  name(name: string, ref: string, comment?: string, table?: TablePart): void {
    if (!isValidDefinedName(name)) throw new Error(`internal: invalid defined name ${name}`);
    this.names_.push({ name, ref, ...(comment ? { comment } : {}), ...(table === undefined ? {} : { table }) });
  }

  /**
   * Declares where an input is on the sheet (a cell, or a table's data rows with its column keys): see
   * InputSpec. `table`: the Excel table (`table()`) the rows are read from, rows added or deleted included.
   * `how`: a list, how values are read (dates, words), a new row's hidden keys, the key column (InputSpec).
   */
  input(field: string, ref: string, columns?: readonly string[], table?: string, how: InputHow = {}): void {
    this.inputs.push({ field, ref, ...(columns === undefined ? {} : { columns }), ...(table === undefined ? {} : { table }), ...how });
  }

  /**
   * An Excel table over `ref` (header row and data rows, written already): its columns are the
   * header cells' texts. Built-in style "TableStyleLight1" (thin lines, no fill over the input colours).
   */
  table(name: string, ref: string, style = "TableStyleLight1"): void {
    const [from, to] = ref.split(":");
    const [, c0, r0] = /^([A-Z]+)([0-9]+)$/.exec(from) ?? [];
    const [, c1] = /^([A-Z]+)([0-9]+)$/.exec(to ?? "") ?? [];
    if (c0 === undefined || c1 === undefined) throw new Error(`internal: table ${name} at ${ref} is not a range`);
    const columns: string[] = [];
    for (let k = columnIndex(c0); k <= columnIndex(c1); k++) {
      const v = this.cells.get(`${columnLetters(k)}${r0}`)?.value;
      if (typeof v !== "string") throw new Error(`internal: table ${name}: the header cell ${columnLetters(k)}${r0} holds no text`);
      columns.push(v);
    }
    this.tables.push({ name, ref, columns, style });
  }

  /**
   * A fixed column width (a narrow spacer column). Every other column is fitted to its content
   * when the sheet is built (workbook/layout.ts `fitColumnWidths`).
   */
  column(column: string, width: number): void {
    this.columns.push({ column, width });
  }

  /**
   * One line saying whether every check of the checks block shows OK (written after `checks`):
   * `=IF(COUNTIFS(B40:B45,"OK")=n,"OK","See the checks")` (the range by address, so that a reader
   * tracing references, like the LibreOffice test, sees what it depends on), in the sheet's language.
   */
  checksSummary(row: number, label: string, okText = this.text.checkOk, failText = this.text.checkFailed): void {
    if (this.checkCount === 0) throw new Error("internal: checksSummary before checks");
    this.value(a1("A", row), label, "label");
    this.put({
      address: a1("B", row),
      formula: `=IF(COUNTIFS(${this.checkRange},"${okText}")=${this.checkCount},"${okText}","${failText}")`,
      expected: this.checksOk ? okText : failText,
      style: "total",
    });
  }

  /** Section bands (rows whose column A has the "section" style) run to this column, across the table. */
  bandTo(column: string): void {
    this.band = column;
  }

  /** The defined names so far. */
  names(): readonly NameSpec[] {
    return this.names_;
  }

  /** Cells already written, by address (to copy a value and format into a summary). */
  cellAt(address: string): CellSpec | undefined {
    return this.cells.get(address);
  }

  /**
   * The key-outputs box: a section band `title` at `row`, then one row per output, its label in
   * column A and in column B a formula showing the cell it points at (same value and format).
   * Returns the row after the box. The cells pointed at must already be written.
   */
  keyOutputs(row: number, title: string, outputs: readonly { label: string; ref: string }[]): number {
    this.value(a1("A", row), title, "section");
    let r = row + 1;
    for (const o of outputs) {
      const target = this.cells.get(o.ref);
      if (target === undefined) throw new Error(`internal: key output ${o.label} points at ${o.ref}, which is empty`);
      const expected = target.formula !== undefined ? target.expected : target.value;
      if (typeof expected !== "number" && typeof expected !== "string") throw new Error(`internal: key output ${o.label} at ${o.ref} has no value`);
      this.value(a1("A", r), o.label, "label");
      this.put({ address: a1("B", r), formula: `=${o.ref}`, expected, style: "total", ...(target.format ? { format: target.format } : {}) });
      r++;
    }
    this.keyRange = `A${row}:B${r - 1}`;
    return r;
  }

  /**
   * The checks block: a section band `title` at `row`, then one live check per row: its label in
   * column A and in column B a native formula showing "OK" when the two sides agree (to 1e-9 of
   * the larger, as doubles allow) or else the difference; the engine's two sides (exact) say what
   * the cell shows. Returns the range of the check cells ("B40:B43").
   */
  checks(row: number, title: string, checks: readonly Check[], okText = this.text.checkOk): string {
    this.value(a1("A", row), title, "section");
    let r = row + 1;
    for (const c of checks) {
      this.value(a1("A", r), c.label, "label");
      const diff = c.engine[0].minus(c.engine[1]);
      const tolerance = Decimal.max(1, c.engine[0].abs(), c.engine[1].abs()).times(CHECK_TOLERANCE);
      const expected = diff.abs().lte(tolerance) ? okText : toCellNumber(diff, { check: c.label });
      this.put({
        address: a1("B", r),
        formula: `=IF(ABS((${c.left})-(${c.right}))<=${CHECK_TOLERANCE}*MAX(1,ABS(${c.left}),ABS(${c.right})${c.scale ? `,${c.scale}` : ""}),"${okText}",(${c.left})-(${c.right}))`,
        expected,
        style: "calc",
        ...(c.format ? { format: c.format } : {}),
      });
      r++;
    }
    const range = `B${row + 1}:B${r - 1}`;
    this.checkCount = checks.length;
    this.checkRange = range;
    this.checksOk = checks.every((_, i) => this.cells.get(`B${row + 1 + i}`)?.expected === okText);
    return range;
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

  /**
   * Prints the sheet: the print area from A1 to the section bands' last column (`bandTo`, else the
   * last column written) and the last row written or covered by a chart; rows 1 to `titleRows`
   * repeated on every page; fit to one page wide (two past ONE_PAGE_CHARACTERS, with columns A to
   * `titleColumnsTo` repeated at the left of each page), landscape when the printed columns are
   * wider than a portrait page shows at a readable scale; the footer names the model, the page and the
   * print date (Excel's &D, so the date is the day it is printed).
   */
  printable(title: string, titleRows = 2, titleColumnsTo = "A"): void {
    this.printTitle = title;
    this.printTitleRows = titleRows;
    this.printTitleColumnsTo = titleColumnsTo;
  }

  /** The print area's last column (0-based): the section bands' (`bandTo`), else the last column written. */
  private printLastColumn(cells: readonly CellSpec[]): number {
    if (this.band !== undefined) return columnIndex(this.band);
    let lastCol = 0;
    for (const c of cells) {
      const m = /^([A-Z]+)([0-9]+)$/.exec(c.address)!;
      lastCol = Math.max(lastCol, columnIndex(m[1]) + (c.spill ? c.spill[0].length - 1 : 0));
    }
    return lastCol;
  }

  private printSpec(cells: readonly CellSpec[], columns: readonly ColumnSpec[]): PrintSpec {
    let lastRow = 1;
    let lastCol = 0;
    for (const c of cells) {
      const m = /^([A-Z]+)([0-9]+)$/.exec(c.address)!;
      lastRow = Math.max(lastRow, Number(m[2]) + (c.spill ? c.spill.length - 1 : 0));
      lastCol = Math.max(lastCol, columnIndex(m[1]) + (c.spill ? c.spill[0].length - 1 : 0));
    }
    for (const ch of this.charts) lastRow = Math.max(lastRow, Number(/[0-9]+$/.exec(ch.to)![0]));
    if (this.band !== undefined) lastCol = columnIndex(this.band);
    const width = new Map(columns.map((c) => [columnIndex(c.column), c.width]));
    let chars = 0;
    for (let k = 0; k <= lastCol; k++) chars += width.get(k) ?? 8.43;
    return {
      // A4 / Letter portrait shows about 90 characters of Calibri 11 across at 100%; wider prints landscape.
      orientation: chars > PORTRAIT_CHARACTERS ? "landscape" : "portrait",
      fitToWidth: chars > ONE_PAGE_CHARACTERS ? 2 : 1,
      area: `A1:${columnLetters(lastCol)}${lastRow}`,
      titleRows: { first: 1, last: this.printTitleRows },
      ...(chars > ONE_PAGE_CHARACTERS ? { titleColumns: { first: "A", last: this.printTitleColumnsTo } } : {}),
      footer: { left: this.printTitle!.replace(/&/g, "&&"), center: this.text.footerPage, right: "&D" },
    };
  }

  /** The sheet, cells in reading order (row by row, then column). */
  build(): SheetSpec {
    if (this.note !== undefined && !this.cells.has(this.note.address)) {
      const calling = [...this.cells.values()].filter((c) => c.formula !== undefined && callsAddIn(c.formula)).map((c) => c.address);
      if (calling.length > 0) this.put({ address: this.note.address, value: addInNoteText(calling, this.language), style: this.note.style });
    }
    if (this.band !== undefined) {
      const last = columnIndex(this.band);
      for (const c of [...this.cells.values()]) {
        const m = /^A([0-9]+)$/.exec(c.address);
        if (m === null || c.style !== "section") continue;
        for (let k = 1; k <= last; k++)
          if (!this.cells.has(`${columnLetters(k)}${m[1]}`)) this.put({ address: `${columnLetters(k)}${m[1]}`, value: null, style: "section" });
      }
    }
    const order = (address: string): [number, number] => {
      const m = /^([A-Z]+)([0-9]+)$/.exec(address)!;
      return [Number(m[2]), columnIndex(m[1])];
    };
    const sorted = [...this.cells.values()].sort((x, y) => {
      const [rx, cx] = order(x.address);
      const [ry, cy] = order(y.address);
      return rx - ry || cx - cy;
    });
    const content: SheetSpec = { name: this.sheetName, cells: sorted, names: [...this.names_] };
    const columns = fitColumnWidths(content, this.columns);
    // Long texts wrap rather than widen their columns (a readable print scale, issue 14).
    const { wrapped, merges, rows } = wrapLayout(content, columns, this.printTitle === undefined ? Infinity : this.printLastColumn(sorted));
    const cells = sorted.map((c) => (wrapped.has(c.address) ? { ...c, wrap: true } : c));
    const sheet: SheetSpec = {
      name: this.sheetName,
      cells,
      names: [...this.names_],
      columns,
      ...(rows.length === 0 ? {} : { rows }),
      ...(merges.length === 0 ? {} : { merges }),
      charts: [...this.charts],
      showGridlines: false,
      ...(this.inputs.length === 0 ? {} : { inputs: [...this.inputs] }),
      ...(this.printTitle !== undefined ? { print: this.printSpec(cells, columns) } : {}),
      ...(this.tables.length === 0 ? {} : { tables: [...this.tables] }),
      ...(this.keyRange !== undefined ? { keyOutputs: this.keyRange } : {}),
    };
    checkTables(sheet);
    return sheet;
  }
}
