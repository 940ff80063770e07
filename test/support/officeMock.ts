/**
 * A fake Excel workbook behind an Office.js-shaped API, for testing the Office.js writer.
 *
 * The request context is Microsoft's office-addin-mock `OfficeMockObject` (its load/sync model for
 * plain properties), extended with what that library does not model and the writer needs:
 * - batches: property sets and method calls are QUEUED and run only at `context.sync()`, in order,
 *   as Office.js does; a failing operation stops the batch (earlier operations stay done, later
 *   ones are dropped), as in Excel;
 * - loaded properties: reading a property that was not loaded and synced throws, as Office.js does;
 * - collections: worksheets (add, getItem by name or id, getActiveWorksheet, items), sheet-scoped
 *   names, workbook-scoped names (getItemOrNullObject, formulas that follow a sheet through renames
 *   and become #REF! when it is deleted), charts, custom XML parts (add, getItem, getByNamespace, getXml, setXml, delete);
 * - ranges: formulas / numberFormat matrices (dimensions checked), font, fill, bottom borders,
 *   column widths, recorded per cell;
 * - Excel's input parsing: a string written through `formulas` that begins with "=", "+", "-" or "@"
 *   becomes a formula, one that looks like a number becomes a number, and an apostrophe prefix keeps
 *   a text as text (the prefix is not part of the value);
 * - tables: worksheet.tables (add over a range with headers, name and style set, items, getItem,
 *   convertToRange, getDataBodyRange) and workbook.tables; a name taken in the workbook or a range
 *   over another table is refused (ItemAlreadyExists / InvalidOperation), as in Excel, and clearing
 *   the cells leaves the table (the pessimistic case for a rebuild); `addTableRow` and
 *   `deleteTableRow` do what a user does in the sheet (a row typed under the table, a table row deleted);
 * - counting `context.sync()` calls, and failing a chosen sync after a chosen number of operations.
 *
 * office-addin-mock 4 cannot be imported as installed (its `office-addin-manifest` dependency pulls
 * `@microsoft/app-manifest`, which needs `fs-extra` and ESM `node-fetch`); it only uses that
 * dependency's `OfficeApp` enum, so that module is replaced by the enum here.
 */
jest.mock("../../node_modules/office-addin-mock/node_modules/office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnIndex, parseCell, parseRange, rangeAddress, type RangeRef } from "../../src/workbook/a1";

const rangeText = (r: RangeRef) => rangeAddress(r);

export type MockContent =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "text"; readonly value: string; readonly prefixed: boolean }
  | { readonly kind: "formula"; readonly formula: string };

export interface MockCell {
  content: MockContent;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  borderBottom?: { style?: string; weight?: string; color?: string };
}

/** A chart series: its name, values and categories (x-axis values) as ranges of the sheet; no categories = Excel's 1..N. */
export interface MockSeries {
  name?: string;
  values: string;
  categories?: string;
  /** false once its fill is cleared (ChartFill.clear: a football field's low-end series). */
  filled?: boolean;
}

export interface MockChart {
  /** Unique on its sheet ("Chart 1", "Chart 2"...), as Excel names new charts. */
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  /**
   * The series. `charts.add` makes one per column (or row) of its source, as Excel's auto-layout
   * may (a simplification: the real guess depends on the cells); `series.add`, `setValues` and
   * `setXAxisValues` change them as Office.js does.
   */
  series: MockSeries[];
  title?: string;
  from?: string;
  to?: string;
}

export interface MockSheet {
  readonly id: string;
  name: string;
  cells: Map<string, MockCell>;
  names: Map<string, { name: string; ref: string; comment?: string }>;
  charts: MockChart[];
  columnWidths: Map<string, number>;
  /** Row heights set (format.rowHeight), by 1-based row; merged ranges (Range.merge); wrapped cells (format.wrapText). */
  rowHeights?: Map<number, number>;
  merges?: string[];
  wrapped?: Set<string>;
  showGridlines: boolean;
  /** Excel tables on the sheet: name (unique in the workbook), header and data rows, style; `id` stays through renames. */
  tables: MockTable[];
}

export interface MockTable {
  readonly id: string;
  name: string;
  /** Header row and data rows, "A14:B17". */
  ref: string;
  style?: string;
}

/** A workbook-scoped defined name: a reference to a sheet (followed through renames; #REF! once deleted). */
export interface MockWorkbookName {
  name: string;
  sheetId: string | null;
  address: string;
  visible: boolean;
  comment?: string;
}

export interface MockPart {
  readonly id: string;
  xml: string;
}

/** An Office.js-like error (code + message), as OfficeExtension.Error carries. */
export class MockOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

let guid = 0;
const nextGuid = () => `{${(++guid).toString(16).padStart(8, "0")}-0000-4000-8000-${Date.now().toString(16).padStart(12, "0").slice(-12)}}`;

function partNamespace(xml: string): string | undefined {
  const root = /<(?!\?)([A-Za-z_][\w.-]*)(\s[^>]*)?\/?>/.exec(xml);
  if (root === null) return undefined;
  return /\sxmlns="([^"]*)"/.exec(root[2] ?? "")?.[1];
}

/** Excel's parsing of a string entered in a cell (enough of it to tell texts, numbers and formulas apart). */
function parseEntry(input: unknown): MockContent {
  if (input === null || input === undefined || input === "") return { kind: "empty" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new MockOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    return { kind: "number", value: input };
  }
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  if (typeof input !== "string") throw new MockOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
  if (input.startsWith("'")) return { kind: "text", value: input.slice(1), prefixed: true };
  if (/^[=+\-@]/.test(input) && input.length > 1) return { kind: "formula", formula: input };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(input)) return { kind: "number", value: Number(input) };
  if (/^(true|false)$/i.test(input)) return { kind: "boolean", value: input.toLowerCase() === "true" };
  return { kind: "text", value: input, prefixed: false };
}

const notLoaded = (property: string) =>
  new Error(
    `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function wanted(spec: string | undefined, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const p of (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0))
    out.add(prefix !== "" && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  return out;
}

/** The fake workbook: state, the batch queue, sync counting and failure injection. */
export class MockWorkbook {
  sheets: MockSheet[] = [];
  activeId = "";
  parts: MockPart[] = [];
  /** Workbook-scoped names, by upper-case name. */
  names = new Map<string, MockWorkbookName>();
  /** Number of context.sync() calls so far. */
  syncs = 0;
  /** Operations queued and run at each sync (for tests that count them). */
  readonly batchSizes: number[] = [];
  /**
   * The workbook's date system (Excel: File > Options > Advanced, "Use 1904 date system"):
   * `workbook.functions.date` answers in it, as Excel evaluates DATE in the workbook's system.
   */
  dateSystem: "1900" | "1904" = "1900";
  /** Set to make `workbook.functions.date` answer this instead (an error value, or an odd number), as a host might. */
  dateAnswer?: { readonly value?: unknown; readonly error?: string };
  /** Set to model a host without `workbook.functions`. */
  noFunctions = false;
  private queue: (() => void)[] = [];
  private failure?: { sync: number; afterOps: number; message: string };

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeId = this.sheets[0]?.id ?? "";
  }

  /** Makes sync number `sync` (1-based, counted from now on) fail after running `afterOps` of its operations. */
  failOnSync(sync: number, afterOps: number, message = "The operation failed (simulated)."): void {
    this.failure = { sync: this.syncs + sync, afterOps, message };
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    const ops = this.queue;
    this.queue = [];
    this.batchSizes.push(ops.length);
    const failure = this.failure?.sync === this.syncs ? this.failure : undefined;
    if (failure !== undefined) this.failure = undefined;
    for (let i = 0; i < ops.length; i++) {
      if (failure !== undefined && i === failure.afterOps) throw new MockOfficeError("GeneralException", failure.message);
      ops[i]();
    }
    if (failure !== undefined) throw new MockOfficeError("GeneralException", failure.message);
  }

  addSheet(name: string): MockSheet {
    this.checkSheetName(name, undefined);
    const sheet: MockSheet = {
      id: nextGuid(),
      name,
      cells: new Map(),
      names: new Map(),
      charts: [],
      columnWidths: new Map(),
      showGridlines: true,
      tables: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  addPart(xml: string): MockPart {
    const part = { id: nextGuid(), xml };
    this.parts.push(part);
    return part;
  }

  checkSheetName(name: string, self: MockSheet | undefined): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new MockOfficeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
      throw new MockOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  sheetByKey(key: string): MockSheet {
    const s = this.sheets.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
    if (s === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet "${key}").`);
    return s;
  }

  /** A workbook name's formula as Excel shows it: ='Sheet'!$A$1, or =#REF!$A$1 once the sheet is gone. */
  nameFormula(n: MockWorkbookName): string {
    const sheet = n.sheetId === null ? undefined : this.sheets.find((s) => s.id === n.sheetId);
    const abs = n.address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    return sheet === undefined ? `=#REF!${abs}` : `='${sheet.name.replace(/'/g, "''")}'!${abs}`;
  }

  /** Resolves a reference formula ('Sheet'!A1, Sheet!A1 or #REF!A1) as Excel would when a name is set to it. */
  parseReference(formula: string): { sheetId: string | null; address: string } {
    const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(formula);
    if (m === null) throw new MockOfficeError("InvalidArgument", `The reference "${formula}" is not valid.`);
    const address = `${m[3]}${m[4]}`;
    if (m[2] === "#REF") return { sheetId: null, address };
    return { sheetId: this.sheetByKey(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).id, address };
  }

  /** What Excel does to formulas elsewhere that refer to a deleted sheet: their references become #REF!. */
  breakReferencesTo(sheetName: string): void {
    const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
    for (const s of this.sheets)
      for (const c of s.cells.values())
        if (c.content.kind === "formula") {
          let f = c.content.formula.split(quoted).join("#REF!");
          if (/^[A-Za-z_][\w.]*$/.test(sheetName)) f = f.replace(new RegExp(`(^|[^\\w.'])${sheetName}!`, "gi"), "$1#REF!");
          c.content = { kind: "formula", formula: f };
        }
  }

  /** Adds a workbook-scoped name as Excel does when it opens a file that defines it (formula "='Sheet'!$A$1"). */
  addName(name: string, formula: string, options: { comment?: string; visible?: boolean } = {}): void {
    const target = this.parseReference(formula);
    this.names.set(name.toUpperCase(), {
      name,
      ...target,
      visible: options.visible ?? true,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    });
  }

  /** Deletes a sheet as the user would (Excel then activates another one). */
  removeSheet(name: string): void {
    const s = this.sheetByKey(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeId === s.id) this.activeId = this.sheets[0].id;
  }

  sheet(name: string): MockSheet {
    return this.sheetByKey(name);
  }

  cell(sheetName: string, address: string): MockCell | undefined {
    return this.sheet(sheetName).cells.get(address);
  }

  /** The table of that name, anywhere in the workbook (names compare case-insensitively), with its sheet. */
  table(name: string): { sheet: MockSheet; table: MockTable } {
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table !== undefined) return { sheet, table };
    }
    throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (table "${name}").`);
  }

  /**
   * A user types a row under the table: Excel's AutoCorrect takes the row into the table (the cells
   * under it must be empty here, as Excel needs to extend it so).
   */
  addTableRow(name: string, values: readonly (string | number | null)[]): void {
    const { sheet, table } = this.table(name);
    const r = parseRange(table.ref)!;
    if (values.length !== r.right - r.left + 1) throw new Error(`addTableRow: ${values.length} values for ${r.right - r.left + 1} columns`);
    const row = r.bottom + 1;
    for (let c = r.left; c <= r.right; c++)
      if ((sheet.cells.get(cellAddress(row, c))?.content.kind ?? "empty") !== "empty")
        throw new Error(`addTableRow: ${cellAddress(row, c)} is not empty`);
    values.forEach((v, k) => sheet.cells.set(cellAddress(row, r.left + k), { content: parseEntry(v) }));
    table.ref = rangeText({ ...r, bottom: row });
  }

  /** A user deletes data row `index` (0-based) of the table: the table's rows below move up within its columns; the table ends a row higher. */
  deleteTableRow(name: string, index: number): void {
    const { sheet, table } = this.table(name);
    const r = parseRange(table.ref)!;
    const first = r.top + 1 + index;
    if (first > r.bottom || r.bottom - r.top < 2) throw new Error(`deleteTableRow: no data row ${index} to delete (a table keeps one)`);
    for (let row = first; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) {
        const below = sheet.cells.get(cellAddress(row + 1, c));
        if (row < r.bottom && below !== undefined) sheet.cells.set(cellAddress(row, c), below);
        else sheet.cells.delete(cellAddress(row, c));
      }
    table.ref = rangeText({ ...r, bottom: r.bottom - 1 });
  }

  /** A deep copy of everything observable, to compare before and after. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => ({ ...s, cells: [...s.cells], names: [...s.names], columnWidths: [...s.columnWidths] })),
        activeId: this.activeId,
        parts: this.parts,
        names: [...this.names],
      }),
    );
  }

  /**
   * The snapshot without what a failed in-place rebuild cannot restore (fonts, fills, borders,
   * column widths: a cell's format is read back only from ExcelApi 1.9): every sheet's order, cells
   * holding a value or a number format, names, charts, gridlines; the parts, workbook names and the active sheet.
   */
  contentSnapshot(): unknown {
    const snap = this.snapshot() as {
      sheets: { id: string; name: string; showGridlines: boolean; cells: [string, MockCell][]; names: unknown; charts: unknown }[];
    };
    return {
      ...snap,
      sheets: snap.sheets.map((sh) => ({
        id: sh.id,
        name: sh.name,
        showGridlines: sh.showGridlines,
        names: sh.names,
        charts: sh.charts,
        cells: sh.cells
          .filter(([, c]) => c.content.kind !== "empty" || (c.numberFormat ?? "General") !== "General")
          .map(([a, c]) => [a, c.content, c.numberFormat ?? "General"])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      })),
    };
  }

  /** An Excel.RequestContext for this workbook (office-addin-mock's object, extended). */
  context(): Excel.RequestContext {
    const ctx = new OfficeMockObject({ host: "excel" }) as unknown as Record<string, unknown>;
    ctx.workbook = new WorkbookProxy(this);
    ctx.sync = () => this.sync();
    return ctx as unknown as Excel.RequestContext;
  }
}

class ClientResultProxy<T> {
  private loaded = false;
  private v?: T;
  set(v: T) {
    this.v = v;
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) throw notLoaded("value");
    return this.v as T;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  readonly names: WorkbookNamesProxy;
  readonly tables: TableCollectionProxy;
  readonly functions?: FunctionsProxy;
  constructor(wb: MockWorkbook) {
    this.worksheets = new WorksheetCollectionProxy(wb);
    this.customXmlParts = new CustomXmlPartCollectionProxy(wb);
    this.names = new WorkbookNamesProxy(wb);
    this.tables = new TableCollectionProxy(wb, undefined);
    if (!wb.noFunctions) this.functions = new FunctionsProxy(wb);
  }
}

/** A FunctionResult (Excel.Functions, ExcelApi 1.2): `value` and `error`, loaded and read after a sync. */
class FunctionResultProxy {
  private result?: { value?: unknown; error?: string };
  constructor(
    private readonly wb: MockWorkbook,
    private readonly evaluate: () => { value?: unknown; error?: string },
  ) {}
  load(): this {
    this.wb.enqueue(() => void (this.result = this.evaluate()));
    return this;
  }
  get value(): unknown {
    if (this.result === undefined) throw notLoaded("value");
    return this.result.value;
  }
  get error(): string | undefined {
    if (this.result === undefined) throw notLoaded("error");
    return this.result.error;
  }
}

/** workbook.functions: DATE only, evaluated in the workbook's date system (1904-01-01 is day 1,462 of the 1900 system, day 0 of the 1904 system). */
class FunctionsProxy {
  constructor(private readonly wb: MockWorkbook) {}
  date(year: number, month: number, day: number): FunctionResultProxy {
    return new FunctionResultProxy(this.wb, () => {
      if (this.wb.dateAnswer !== undefined) return this.wb.dateAnswer;
      const serial1900 = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      const serial = this.wb.dateSystem === "1904" ? serial1900 - 1462 : serial1900;
      return serial < 0 ? { error: "#NUM!" } : { value: serial };
    });
  }
}

/** A loaded table: its name, id and worksheet's name (what `load("items/name,items/id,items/worksheet/name")` gives). */
interface LoadedTable {
  name: string;
  id: string;
  style: string;
  worksheet: { name: string };
}

/** Every worksheet.tables.add call (address, hasHeaders), for tests; `tableAdds.length = 0` to reset. */
export const tableAdds: { address: string; hasHeaders: boolean }[] = [];

/** worksheet.tables (a sheet given) or workbook.tables (none). */
class TableCollectionProxy {
  private loadedItems?: LoadedTable[];
  constructor(
    private readonly wb: MockWorkbook,
    private readonly sheet: (() => MockSheet) | undefined,
  ) {}

  private scope(): { sheet: MockSheet; table: MockTable }[] {
    const sheets = this.sheet === undefined ? this.wb.sheets : [this.sheet()];
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  load(): this {
    this.wb.enqueue(() => {
      this.loadedItems = this.scope().map(({ sheet, table }) => ({
        name: table.name,
        id: table.id,
        style: table.style ?? "TableStyleMedium2",
        worksheet: { name: sheet.name },
      }));
    });
    return this;
  }

  get items(): LoadedTable[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.wb, () => {
      const found = this.scope().find((x) => x.table.name.toLowerCase() === name.toLowerCase());
      if (found === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (table "${name}").`);
      return found;
    });
  }

  /** A table over `address` (a range of this sheet), named "TableN" as Excel names a new one; the header row must hold its texts. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const sheetOf = this.sheet;
    if (sheetOf === undefined) throw new MockOfficeError("NotImplemented", "workbook.tables.add is not modelled: add on the worksheet");
    let made: { sheet: MockSheet; table: MockTable } | undefined;
    this.wb.enqueue(() => {
      const sheet = sheetOf();
      const ref = typeof address === "string" ? address.replace(/^.*!/, "") : address.address;
      tableAdds.push({ address: ref, hasHeaders });
      const r = parseRange(ref);
      if (r === undefined || r.bottom <= r.top) throw new MockOfficeError("InvalidArgument", `A table needs a header row and a data row: "${ref}".`);
      if (!hasHeaders) throw new MockOfficeError("NotImplemented", "the mock models tables with a header row only");
      for (const t of sheet.tables) {
        const o = parseRange(t.ref)!;
        if (r.left <= o.right && o.left <= r.right && r.top <= o.bottom && o.top <= r.bottom)
          throw new MockOfficeError("InvalidOperation", `A table can't overlap another table (${t.name}).`);
      }
      const headers = new Set<string>();
      for (let c = r.left; c <= r.right; c++) {
        const content = sheet.cells.get(cellAddress(r.top, c))?.content;
        if (content?.kind !== "text" || headers.has(content.value.toLowerCase()))
          throw new MockOfficeError("InvalidArgument", `The header cell ${cellAddress(r.top, c)} must hold a unique text in this test.`);
        headers.add(content.value.toLowerCase());
      }
      const taken = new Set(this.wb.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
      let n = 1;
      while (taken.has(`table${n}`)) n++;
      const table: MockTable = { id: nextGuid(), name: `Table${n}`, ref: rangeText(r) };
      sheet.tables.push(table);
      made = { sheet, table };
    });
    return new TableProxy(this.wb, () => {
      if (made === undefined || !made.sheet.tables.includes(made.table))
        throw new MockOfficeError("ItemNotFound", "The requested resource doesn't exist (added table).");
      return made;
    });
  }
}

class TableProxy {
  constructor(
    private readonly wb: MockWorkbook,
    private readonly target: () => { sheet: MockSheet; table: MockTable },
  ) {}
  set name(v: string) {
    this.wb.enqueue(() => {
      const { table } = this.target();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v)) throw new MockOfficeError("InvalidArgument", `The table name "${v}" is not valid.`);
      if (this.wb.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase())))
        throw new MockOfficeError("ItemAlreadyExists", `A table named "${v}" already exists.`);
      table.name = v;
    });
  }
  set style(v: string) {
    this.wb.enqueue(() => void (this.target().table.style = v));
  }
  /** The table becomes plain cells (values and formats stay). */
  convertToRange(): void {
    this.wb.enqueue(() => {
      const { sheet, table } = this.target();
      sheet.tables = sheet.tables.filter((t) => t !== table);
    });
  }
  /** The header and data rows, as they are when the operation runs. */
  getRange(): RangeProxy {
    let where = "";
    this.wb.enqueue(() => {
      where = this.target().table.ref;
    });
    return new RangeProxy(
      this.wb,
      () => this.target().sheet,
      () => where,
    );
  }
  /** The data rows, as they are when the operation runs. */
  getDataBodyRange(): RangeProxy {
    let where = "";
    this.wb.enqueue(() => {
      const r = parseRange(this.target().table.ref)!;
      where = rangeText({ ...r, top: r.top + 1 });
    });
    return new RangeProxy(
      this.wb,
      () => this.target().sheet,
      () => where,
    );
  }
}

class WorkbookNamesProxy {
  private loadedItems?: { name: string; comment: string; formula: string; visible: boolean }[];
  constructor(private readonly wb: MockWorkbook) {}

  /** Loads the workbook-scoped names (hidden ones included, as Office.js lists them): name, comment ("" when none), formula, visible. */
  load(): this {
    this.wb.enqueue(() => {
      this.loadedItems = [...this.wb.names.values()].map((n) => ({
        name: n.name,
        comment: n.comment ?? "",
        formula: this.wb.nameFormula(n),
        visible: n.visible,
      }));
    });
    return this;
  }

  get items(): { name: string; comment: string; formula: string; visible: boolean }[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.wb.enqueue(() => {
      if (this.wb.names.has(name.toUpperCase())) throw new MockOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const target =
        typeof reference === "string" ? this.wb.parseReference(reference) : { sheetId: reference.sheet().id, address: reference.address };
      this.wb.names.set(name.toUpperCase(), { name, ...target, visible: true, ...(comment === undefined ? {} : { comment }) });
    });
    return new NamedItemProxy(this.wb, name, false);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.wb, name, false);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.wb, name, true);
  }
}

type NamedItemProperty = "isNullObject" | "formula" | "visible" | "name" | "comment";

class NamedItemProxy {
  private loaded: Partial<Record<NamedItemProperty, unknown>> = {};
  constructor(
    private readonly wb: MockWorkbook,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {}

  private item(): MockWorkbookName {
    const n = this.wb.names.get(this.key.toUpperCase());
    if (n === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (name "${this.key}").`);
    return n;
  }

  load(spec?: string): this {
    const props = wanted(spec);
    this.wb.enqueue(() => {
      const n = this.wb.names.get(this.key.toUpperCase());
      if (n === undefined && !this.orNull) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (name "${this.key}").`);
      this.loaded = { isNullObject: n === undefined };
      if (n !== undefined && (props.size === 0 || props.has("formula"))) this.loaded.formula = this.wb.nameFormula(n);
      if (n !== undefined && (props.size === 0 || props.has("visible"))) this.loaded.visible = n.visible;
      if (n !== undefined && (props.size === 0 || props.has("name"))) this.loaded.name = n.name;
      if (n !== undefined && (props.size === 0 || props.has("comment"))) this.loaded.comment = n.comment ?? "";
    });
    return this;
  }

  private read(p: NamedItemProperty): unknown {
    if (!(p in this.loaded)) throw notLoaded(p);
    return this.loaded[p];
  }

  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get formula(): string {
    return this.read("formula") as string;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set formula(v: string) {
    this.wb.enqueue(() => Object.assign(this.item(), this.wb.parseReference(v)));
  }
  get visible(): boolean {
    return this.read("visible") as boolean;
  }
  get comment(): string {
    return this.read("comment") as string;
  }
  set comment(v: string) {
    this.wb.enqueue(() => {
      const n = this.item();
      if (v === "") delete n.comment;
      else n.comment = v;
    });
  }
  set visible(v: boolean) {
    this.wb.enqueue(() => {
      this.item().visible = v;
    });
  }
  delete(): void {
    this.wb.enqueue(() => {
      this.item();
      this.wb.names.delete(this.key.toUpperCase());
    });
  }
  /** The range the name refers to (an error when the name or its sheet is gone). */
  getRange(): RangeProxy {
    const sheet = () => {
      const n = this.item();
      const s = n.sheetId === null ? undefined : this.wb.sheets.find((x) => x.id === n.sheetId);
      if (s === undefined) throw new MockOfficeError("InvalidReference", `The name "${this.key}" does not refer to a range.`);
      return s;
    };
    return new RangeProxy(this.wb, sheet, this.wb.names.get(this.key.toUpperCase())?.address ?? "A1");
  }
}

class WorksheetCollectionProxy {
  private loadedItems?: WorksheetProxy[];
  constructor(private readonly wb: MockWorkbook) {}

  get items(): WorksheetProxy[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }

  load(spec?: string): this {
    const props = wanted(spec, "items/");
    this.wb.enqueue(() => {
      this.loadedItems = this.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.wb, () => s);
        p.fill(s, props);
        return p;
      });
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    let created: MockSheet | undefined;
    const proxy = new WorksheetProxy(this.wb, () => {
      if (created === undefined || !this.wb.sheets.includes(created))
        throw new MockOfficeError("ItemNotFound", "The requested resource doesn't exist (added worksheet).");
      return created;
    });
    this.wb.enqueue(() => {
      created = this.wb.addSheet(name ?? `Sheet${this.wb.sheets.length + 1}`);
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.wb, () => this.wb.sheetByKey(key));
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.wb, () => this.wb.sheetByKey(this.wb.activeId));
  }
}

class WorksheetProxy {
  private values: Partial<Record<"id" | "name" | "position" | "showGridlines", unknown>> = {};
  readonly names: NameCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly tables: TableCollectionProxy;

  constructor(
    private readonly wb: MockWorkbook,
    readonly target: () => MockSheet,
  ) {
    this.names = new NameCollectionProxy(wb, target);
    this.charts = new ChartCollectionProxy(wb, target);
    this.tables = new TableCollectionProxy(wb, target);
  }

  fill(s: MockSheet, props: Set<string>) {
    const all = props.size === 0;
    if (all || props.has("id")) this.values.id = s.id;
    if (all || props.has("name")) this.values.name = s.name;
    if (all || props.has("position")) this.values.position = this.wb.sheets.indexOf(s);
    if (all || props.has("showGridlines")) this.values.showGridlines = s.showGridlines;
  }

  private read(p: "id" | "name" | "position" | "showGridlines"): never | unknown {
    if (!(p in this.values)) throw notLoaded(p);
    return this.values[p];
  }

  load(spec?: string): this {
    const props = wanted(spec);
    this.wb.enqueue(() => this.fill(this.target(), props));
    return this;
  }

  get id(): string {
    return this.read("id") as string;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.wb.enqueue(() => {
      const s = this.target();
      this.wb.checkSheetName(v, s);
      s.name = v;
    });
  }
  get position(): number {
    return this.read("position") as number;
  }
  set position(v: number) {
    this.wb.enqueue(() => {
      const s = this.target();
      const list = this.wb.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.wb.sheets = list;
    });
  }
  get showGridlines(): boolean {
    return this.read("showGridlines") as boolean;
  }
  set showGridlines(v: boolean) {
    this.wb.enqueue(() => {
      this.target().showGridlines = v;
    });
  }

  activate(): void {
    this.wb.enqueue(() => {
      this.wb.activeId = this.target().id;
    });
  }

  delete(): void {
    this.wb.enqueue(() => {
      const s = this.target();
      if (this.wb.sheets.length === 1) throw new MockOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
      if (this.wb.activeId === s.id) this.wb.activeId = this.wb.sheets[0].id;
      this.wb.breakReferencesTo(s.name);
    });
  }

  /** A range of the sheet; no address: the whole sheet. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.wb, this.target, address ?? WHOLE_SHEET);
  }

  /** The bounding rectangle of the cells holding a value or a format; a null object when there is none. */
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.wb, this.target, USED_RANGE);
  }
}

/** Cells of an A1 range, or the columns of a column range ("B:D"). */
function rangeOf(address: string): { cells?: RangeRef; columns?: [number, number] } {
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(address);
  if (cols !== null) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    if (a === undefined || b === undefined) throw new MockOfficeError("InvalidArgument", `Bad range "${address}".`);
    return { columns: [Math.min(a, b), Math.max(a, b)] };
  }
  const r = parseRange(address);
  if (r === undefined) throw new MockOfficeError("InvalidArgument", `Bad range "${address}".`);
  return { cells: r };
}

const WHOLE_SHEET = "A1:XFD1048576";
const USED_RANGE = "(used range)";

class RangeProxy {
  readonly format: RangeFormatProxy;
  private loaded: Partial<Record<"address" | "formulas" | "values" | "numberFormat" | "isNullObject", unknown>> = {};
  constructor(
    private readonly wb: MockWorkbook,
    readonly sheet: () => MockSheet,
    private readonly whereOf: string | (() => string),
  ) {
    this.format = new RangeFormatProxy(
      wb,
      (f) => this.eachCell(f),
      (f) => this.eachColumn(f),
      () => this.rect(),
      sheet,
    );
  }

  /** Merges the range (Range.merge, ExcelApi 1.2): recorded on the sheet. */
  merge(across = false): void {
    if (across) throw new MockOfficeError("NotImplemented", "merge(across) is not modelled by the mock");
    this.wb.enqueue(() => (this.sheet().merges ??= []).push(this.where));
  }

  /** The address given, or worked out when an operation runs (a table's data rows). */
  private get where(): string {
    return typeof this.whereOf === "function" ? this.whereOf() : this.whereOf;
  }

  /** The A1 address (the used range's is worked out when the operation runs). */
  get address(): string {
    if (this.where !== USED_RANGE) return this.where;
    if ("address" in this.loaded) return String(this.loaded.address).replace(/^.*!/, "");
    const used = this.usedRect();
    if (used === undefined) throw new MockOfficeError("ItemNotFound", "The sheet has no used range.");
    return rangeText(used);
  }

  private usedRect(): RangeRef | undefined {
    let r: RangeRef | undefined;
    for (const a of this.sheet().cells.keys()) {
      const c = parseCell(a);
      if (c === undefined) continue;
      r =
        r === undefined
          ? { top: c.row, bottom: c.row, left: c.col, right: c.col }
          : { top: Math.min(r.top, c.row), bottom: Math.max(r.bottom, c.row), left: Math.min(r.left, c.col), right: Math.max(r.right, c.col) };
    }
    return r;
  }

  /** The worksheet the range is on. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.wb, this.sheet);
  }

  /** Loads address (with the sheet's name, as Office.js gives it), formulas, values (a formula's value is not computed: null) and numberFormat. */
  load(spec?: string): this {
    const props = wanted(spec);
    this.wb.enqueue(() => {
      if (this.where === USED_RANGE && this.usedRect() === undefined) {
        this.loaded = { isNullObject: true };
        return;
      }
      const r = this.rect();
      const s = this.sheet();
      const rows: MockCell[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: MockCell[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(s.cells.get(cellAddress(row, col)) ?? { content: { kind: "empty" } });
        rows.push(line);
      }
      const formula = (c: MockCell): unknown =>
        c.content.kind === "empty" ? "" : c.content.kind === "formula" ? c.content.formula : c.content.value;
      const value = (c: MockCell): unknown => (c.content.kind === "empty" ? "" : c.content.kind === "formula" ? null : c.content.value);
      this.loaded = { isNullObject: false };
      const all = props.size === 0;
      if (all || props.has("address")) this.loaded.address = `'${s.name.replace(/'/g, "''")}'!${rangeText(r)}`;
      if (all || props.has("formulas")) this.loaded.formulas = rows.map((l) => l.map(formula));
      if (all || props.has("values")) this.loaded.values = rows.map((l) => l.map(value));
      if (all || props.has("numberFormat")) this.loaded.numberFormat = rows.map((l) => l.map((c) => c.numberFormat ?? "General"));
    });
    return this;
  }

  private read(p: "formulas" | "values" | "numberFormat" | "isNullObject"): unknown {
    if (!(p in this.loaded)) throw notLoaded(p);
    return this.loaded[p];
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }

  /** Clears contents and formats (the cells are removed from the mock's map). */
  clear(): void {
    this.wb.enqueue(() => {
      const r = this.rect();
      const s = this.sheet();
      for (const a of [...s.cells.keys()]) {
        const c = parseCell(a);
        if (c !== undefined && c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right) s.cells.delete(a);
      }
    });
  }

  rect(): RangeRef {
    if (this.where === USED_RANGE) {
      const used = this.usedRect();
      if (used === undefined) throw new MockOfficeError("ItemNotFound", "The sheet has no used range.");
      return used;
    }
    const r = rangeOf(this.address).cells;
    if (r === undefined) throw new MockOfficeError("InvalidArgument", `"${this.address}" is not a cell range.`);
    return r;
  }

  eachCell(f: (cell: MockCell, row: number, col: number) => void): void {
    const r = this.rect();
    const s = this.sheet();
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const a = cellAddress(row, col);
        let c = s.cells.get(a);
        if (c === undefined) {
          c = { content: { kind: "empty" } };
          s.cells.set(a, c);
        }
        f(c, row - r.top, col - r.left);
      }
  }

  eachColumn(f: (letter: string) => void): void {
    const cols = rangeOf(this.address).columns;
    if (cols === undefined) {
      const r = this.rect();
      for (let c = r.left; c <= r.right; c++) f(cellAddress(0, c).replace(/\d+$/, ""));
    } else for (let c = cols[0]; c <= cols[1]; c++) f(cellAddress(0, c).replace(/\d+$/, ""));
  }

  private matrix(v: unknown, what: string): unknown[][] {
    const r = this.rect();
    const h = r.bottom - r.top + 1;
    const w = r.right - r.left + 1;
    if (!Array.isArray(v) || v.length !== h || v.some((row) => !Array.isArray(row) || row.length !== w)) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range ${this.address}.`,
      );
    }
    return v as unknown[][];
  }

  set formulas(v: unknown[][]) {
    this.wb.enqueue(() => {
      const m = this.matrix(v, "formulas");
      this.eachCell((c, i, j) => {
        c.content = parseEntry(m[i][j]);
      });
    });
  }

  set numberFormat(v: unknown[][]) {
    this.setNumberFormat(v);
  }
  private setNumberFormat(v: unknown[][]): void {
    this.wb.enqueue(() => {
      const m = this.matrix(v, "numberFormat");
      this.eachCell((c, i, j) => {
        c.numberFormat = String(m[i][j]);
      });
    });
  }
}

class RangeFormatProxy {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem(edge: string): Record<string, unknown> };

  constructor(
    private readonly wb: MockWorkbook,
    each: (f: (c: MockCell, row: number, col: number) => void) => void,
    private readonly eachColumn: (f: (letter: string) => void) => void,
    private readonly rect: () => RangeRef,
    private readonly sheetOf: () => MockSheet,
  ) {
    const setter = (apply: (c: MockCell, v: unknown) => void) => (v: unknown) => wb.enqueue(() => each((c) => apply(c, v)));
    this.font = Object.defineProperties(
      {},
      {
        bold: { set: setter((c, v) => (c.bold = v as boolean)) },
        italic: { set: setter((c, v) => (c.italic = v as boolean)) },
        size: { set: setter((c, v) => (c.size = v as number)) },
        color: { set: setter((c, v) => (c.fontColor = v as string)) },
      },
    );
    this.fill = Object.defineProperties({}, { color: { set: setter((c, v) => (c.fill = v as string)) } });
    this.borders = {
      getItem: (edge: string) => {
        // EdgeBottom: the bottom row's bottom edges; InsideHorizontal: the bottom edges of the other rows.
        const applies = (row: number) => {
          const r = this.rect();
          const last = r.bottom - r.top;
          if (edge === "EdgeBottom") return row === last;
          if (edge === "InsideHorizontal") return row < last;
          throw new MockOfficeError("NotImplemented", `border ${edge} is not modelled by the mock`);
        };
        const set = (key: "style" | "weight" | "color") => (v: unknown) =>
          wb.enqueue(() =>
            each((c, row) => {
              if (applies(row)) c.borderBottom = { ...c.borderBottom, [key]: v as string };
            }),
          );
        return Object.defineProperties({}, { style: { set: set("style") }, weight: { set: set("weight") }, color: { set: set("color") } });
      },
    };
  }

  set columnWidth(points: number) {
    this.wb.enqueue(() => {
      const s = this.sheetOf();
      this.eachColumn((letter) => s.columnWidths.set(letter, points));
    });
  }

  set rowHeight(points: number) {
    this.wb.enqueue(() => {
      const s = this.sheetOf();
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++) (s.rowHeights ??= new Map()).set(row + 1, points);
    });
  }

  set wrapText(on: boolean) {
    this.wb.enqueue(() => {
      const s = this.sheetOf();
      const r = this.rect();
      if (on) (s.wrapped ??= new Set()).add(rangeText(r));
    });
  }
}

/** The reference of a sheet-scoped name's formula ("='Sheet'!$B$6" -> "$B$6"), kept as written (the mock does not normalise "$"). */
function refOfFormula(formula: string): string {
  return formula.replace(/^=(?:'(?:[^']|'')+'|[^'!]+)!/, "").replace(/^=/, "");
}

class NameCollectionProxy {
  private loadedItems?: { name: string; formula: string; comment: string }[];
  constructor(
    private readonly wb: MockWorkbook,
    private readonly sheet: () => MockSheet,
  ) {}
  /** Loads the sheet-scoped names: name, formula ("='Sheet'!$B$6"), comment ("" when none). */
  load(): this {
    this.wb.enqueue(() => {
      const s = this.sheet();
      this.loadedItems = [...s.names.values()].map((n) => ({
        name: n.name,
        formula: `='${s.name.replace(/'/g, "''")}'!${n.ref}`,
        comment: n.comment ?? "",
      }));
    });
    return this;
  }
  get items(): { name: string; formula: string; comment: string }[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }
  /** A sheet-scoped name: its formula and comment can be set (the name keeps its identity), or it can be deleted. */
  getItem(name: string): { formula: string; comment: string; delete(): void } {
    const item = () => {
      const n = this.sheet().names.get(name.toUpperCase());
      if (n === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (name "${name}").`);
      return n;
    };
    const wb = this.wb;
    const sheet = this.sheet;
    return Object.defineProperties({} as { formula: string; comment: string; delete(): void }, {
      formula: {
        set: (v: string) => {
          wb.enqueue(() => {
            item().ref = refOfFormula(v);
          });
        },
      },
      comment: {
        set: (v: string) => {
          wb.enqueue(() => {
            const n = item();
            if (v === "") delete n.comment;
            else n.comment = v;
          });
        },
      },
      delete: {
        value: () =>
          wb.enqueue(() => {
            item();
            sheet().names.delete(name.toUpperCase());
          }),
      },
    });
  }
  add(name: string, reference: RangeProxy | string, comment?: string): void {
    this.wb.enqueue(() => {
      const s = this.sheet();
      if (s.names.has(name.toUpperCase())) throw new MockOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const ref = typeof reference === "string" ? refOfFormula(reference) : reference.address;
      if (typeof reference !== "string" && reference.sheet() !== s)
        throw new MockOfficeError("InvalidArgument", "A sheet-scoped name must refer to its own sheet in this test.");
      s.names.set(name.toUpperCase(), comment === undefined ? { name, ref } : { name, ref, comment });
    });
  }
}

class ChartCollectionProxy {
  private loadedItems?: { name: string; delete(): void }[];
  constructor(
    private readonly wb: MockWorkbook,
    private readonly sheet: () => MockSheet,
  ) {}
  /** Loads the charts' names (whatever is asked); each item can be deleted. */
  load(): this {
    this.wb.enqueue(() => {
      this.loadedItems = this.sheet().charts.map((c) => ({ name: c.name, delete: () => this.deleteChart(c) }));
    });
    return this;
  }
  get items(): { name: string; delete(): void }[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.wb.enqueue(() => {
          const c = this.sheet().charts.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (c === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (chart "${name}").`);
          this.sheet().charts = this.sheet().charts.filter((x) => x !== c);
        }),
    };
  }
  private deleteChart(c: MockChart): void {
    this.wb.enqueue(() => {
      const s = this.sheet();
      if (!s.charts.includes(c)) throw new MockOfficeError("ItemNotFound", "The requested resource doesn't exist (chart).");
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let chart: MockChart | undefined;
    this.wb.enqueue(() => {
      const r = source.rect();
      const by = seriesBy ?? "Auto";
      const series: MockSeries[] = [];
      if (by === "Rows") for (let row = r.top; row <= r.bottom; row++) series.push({ values: rangeText({ ...r, top: row, bottom: row }) });
      else for (let col = r.left; col <= r.right; col++) series.push({ values: rangeText({ ...r, left: col, right: col }) });
      const taken = new Set(this.sheet().charts.map((c) => c.name));
      let n = 1;
      while (taken.has(`Chart ${n}`)) n++;
      chart = { name: `Chart ${n}`, type, source: source.address, seriesBy: by, series };
      this.sheet().charts.push(chart);
    });
    const get = () => {
      if (chart === undefined) throw new MockOfficeError("ItemNotFound", "chart");
      return chart;
    };
    return new ChartProxy(this.wb, get);
  }
}

class ChartSeriesProxy {
  constructor(
    private readonly wb: MockWorkbook,
    private readonly item: () => MockSeries,
  ) {}
  set name(v: string) {
    this.wb.enqueue(() => void (this.item().name = v));
  }
  setValues(range: RangeProxy): void {
    this.wb.enqueue(() => void (this.item().values = rangeText(range.rect())));
  }
  setXAxisValues(range: RangeProxy): void {
    this.wb.enqueue(() => void (this.item().categories = rangeText(range.rect())));
  }
  get format(): { fill: { clear: () => void } } {
    return { fill: { clear: () => this.wb.enqueue(() => void (this.item().filled = false)) } };
  }
}

class ChartSeriesCollectionProxy {
  constructor(
    private readonly wb: MockWorkbook,
    private readonly chart: () => MockChart,
  ) {}
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.wb, () => {
      const s = this.chart().series[index];
      if (s === undefined) throw new MockOfficeError("ItemNotFound", `The chart has no series ${index}.`);
      return s;
    });
  }
  add(name?: string): ChartSeriesProxy {
    let item: MockSeries | undefined;
    this.wb.enqueue(() => {
      item = { values: "", ...(name === undefined ? {} : { name }) };
      this.chart().series.push(item);
    });
    return new ChartSeriesProxy(this.wb, () => {
      if (item === undefined) throw new MockOfficeError("ItemNotFound", "series");
      return item;
    });
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly series: ChartSeriesCollectionProxy;
  constructor(
    private readonly wb: MockWorkbook,
    private readonly chart: () => MockChart,
  ) {
    this.series = new ChartSeriesCollectionProxy(wb, chart);
    this.title = Object.defineProperties({} as { text: string }, {
      text: {
        set: (v: string) => {
          wb.enqueue(() => void (chart().title = v));
        },
      },
    });
  }
  setPosition(from: string, to?: string): void {
    this.wb.enqueue(() => {
      if (parseCell(from) === undefined || (to !== undefined && parseCell(to) === undefined))
        throw new MockOfficeError("InvalidArgument", "Bad chart position.");
      const c = this.chart();
      c.from = from;
      c.to = to;
    });
  }
}

class CustomXmlPartCollectionProxy {
  constructor(private readonly wb: MockWorkbook) {}
  add(xml: string): CustomXmlPartProxy {
    let part: MockPart | undefined;
    this.wb.enqueue(() => {
      if (partNamespace(xml) === undefined && !/^\s*(<\?xml[^>]*\?>)?\s*</.test(xml))
        throw new MockOfficeError("InvalidArgument", "The XML is not valid.");
      part = this.wb.addPart(xml);
    });
    return new CustomXmlPartProxy(this.wb, () => {
      if (part === undefined || !this.wb.parts.includes(part)) throw new MockOfficeError("ItemNotFound", "custom XML part");
      return part;
    });
  }
  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.wb, () => {
      const p = this.wb.parts.find((x) => x.id === id);
      if (p === undefined) throw new MockOfficeError("ItemNotFound", `The requested resource doesn't exist (custom XML part ${id}).`);
      return p;
    });
  }
  getByNamespace(ns: string): ScopedPartsProxy {
    return new ScopedPartsProxy(this.wb, ns);
  }
}

class ScopedPartsProxy {
  private loadedItems?: CustomXmlPartProxy[];
  constructor(
    private readonly wb: MockWorkbook,
    private readonly ns: string,
  ) {}
  get items(): CustomXmlPartProxy[] {
    if (this.loadedItems === undefined) throw notLoaded("items");
    return this.loadedItems;
  }
  load(spec?: string): this {
    void spec;
    this.wb.enqueue(() => {
      this.loadedItems = this.wb.parts
        .filter((p) => partNamespace(p.xml) === this.ns)
        .map((p) => {
          const proxy = new CustomXmlPartProxy(this.wb, () => {
            if (!this.wb.parts.includes(p)) throw new MockOfficeError("ItemNotFound", "custom XML part");
            return p;
          });
          proxy.loadedId = p.id;
          return proxy;
        });
    });
    return this;
  }
}

class CustomXmlPartProxy {
  loadedId?: string;
  constructor(
    private readonly wb: MockWorkbook,
    private readonly part: () => MockPart,
  ) {}
  get id(): string {
    if (this.loadedId === undefined) throw notLoaded("id");
    return this.loadedId;
  }
  load(spec?: string): this {
    void spec;
    this.wb.enqueue(() => {
      this.loadedId = this.part().id;
    });
    return this;
  }
  getXml(): ClientResultProxy<string> {
    const r = new ClientResultProxy<string>();
    this.wb.enqueue(() => r.set(this.part().xml));
    return r;
  }
  setXml(xml: string): void {
    this.wb.enqueue(() => {
      this.part().xml = xml;
    });
  }
  delete(): void {
    this.wb.enqueue(() => {
      const p = this.part();
      this.wb.parts = this.wb.parts.filter((x) => x !== p);
    });
  }
}
