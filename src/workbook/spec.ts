/**
 * The plain-data description of a model sheet: what to write, where, with which formats and
 * names. Models are computed once into a `SheetSpec`; writers render it:
 * - src/workbook/officeWriter.ts: Excel through Office.js (the taskpane);
 * - src/workbook/xlsxWriter.ts: an .xlsx file (the command line);
 * - test/support/hyperformulaSheet.ts: a spreadsheet engine, in tests.
 *
 * Rules every writer keeps:
 * - `value` is a literal. A text is ALWAYS written as text, even when it begins with "=", "+", "-"
 *   or "@" (Office.js: prefixed with an apostrophe; xlsx: a string cell). Only `formula` is a formula.
 * - `formula` is in Excel's en-US syntax (comma separators, English function names), beginning with "=".
 * - `expected` is the engine's value for a formula cell: written as the cached result in .xlsx,
 *   and compared with what a spreadsheet engine computes in tests.
 * - Addresses are A1 references within the sheet ("B4"); ranges "B4:D9".
 * - A date is a number under a date format (dateSystem.ts `isDateFormat`): a day number of the 1900
 *   date system. A writer into a workbook of the 1904 date system writes `inDateSystem(spec, "1904")`.
 * - A cell formula never names a table: it reads a table through a defined name whose `table` says
 *   which part of the table it is (NameSpec.table), so a writer can give a table a free name
 *   (table names are unique in a workbook) by changing the names alone.
 * No Office, no DOM, no I/O here: this module is data only.
 */

export type CellLiteral = number | string | boolean | null;

/** Named visual roles; each writer maps them to the same look (see STYLES). */
export type StyleName = "title" | "subtitle" | "section" | "header" | "label" | "input" | "calc" | "total" | "note";

export interface CellSpec {
  /** A1 address on the sheet, e.g. "C5". */
  readonly address: string;
  /** A literal value. Mutually exclusive with `formula`. */
  readonly value?: CellLiteral;
  /** An Excel formula (en-US syntax), e.g. "=C5-C6". Mutually exclusive with `value`. */
  readonly formula?: string;
  /** The engine's result for `formula` (number or text), as a JS number at the cell boundary. */
  readonly expected?: number | string;
  /**
   * Set on a formula that returns a table (a dynamic array that spills from `address`): the
   * engine's whole result, rows of cells, top-left first (`expected` is then its top-left value).
   * The cells it spills over are left empty in the spec. Writers render it as Excel stores a
   * spilled formula (.xlsx: array formula with dynamic-array metadata and the cached values over
   * the spill range; Office.js: the formula once, Excel spills it; tests: the engine spills it).
   */
  readonly spill?: readonly (readonly (number | string)[])[];
  /** Excel number format code, e.g. '#,##0.00' or '0.0%'. */
  readonly format?: string;
  readonly style?: StyleName;
  /**
   * The text wraps within its column (Excel's Wrap Text) instead of running over or widening it;
   * the row's height (SheetSpec.rows) shows its lines. Set by the layout (workbook/layout.ts).
   */
  readonly wrap?: boolean;
}

/** A row's height, for a row whose wrapped texts take more than one line. */
export interface RowSpec {
  /** 1-based row number. */
  readonly row: number;
  /** Height in points (Excel's row height unit; 15 is one line of Calibri 11). */
  readonly height: number;
}

export interface NameSpec {
  /**
   * Defined name, e.g. "Stake". Must be a valid Excel name. Names are scoped to the model's sheet
   * (Office.js worksheet.names, xlsx localSheetId), so two models in one workbook never clash and
   * formulas on the sheet can use them.
   */
  readonly name: string;
  /** A1 address or range on this sheet. */
  readonly ref: string;
  readonly comment?: string;
  /**
   * Set when the name covers a part of a table (TableSpec): a writer that renders tables defines
   * the name as that part by a structured reference (tables.ts `structuredReference`), so that it
   * grows and shrinks with the table's rows; `ref` is the range it covers as built (what a writer
   * without tables, the test engine, uses).
   */
  readonly table?: TablePart;
}

/** A part of a table: its data rows (default) or its header and data rows (`all`), every column or `column` (to `lastColumn`). */
export interface TablePart {
  /** The table's name in the spec (TableSpec.name). */
  readonly table: string;
  /** A column, by its place in the table (0: the first); every column when left out. */
  readonly column?: number;
  /** With `column`: the last of a run of columns. */
  readonly lastColumn?: number;
  /** Include the header row. */
  readonly all?: boolean;
}

/**
 * An Excel table (ECMA-376 Part 1 §18.5; Office.js `worksheet.tables.add`) over an input table of the
 * sheet, so that rows can be added and removed in the sheet and read back (InputSpec.table).
 */
export interface TableSpec {
  /**
   * Table name: valid as a defined name, unique among the spec's tables and different from its
   * defined names. Table names are unique in a workbook: a writer uses a free variant ("Name_2")
   * when another sheet's table has it, in the names that refer to it too.
   */
  readonly name: string;
  /** Header row and data rows, "A14:B17" (at least one data row). */
  readonly ref: string;
  /** The header cells' texts, left to right: unique (case-insensitive), equal to the header row's values in `cells`. */
  readonly columns: readonly string[];
  /** A built-in table style ("TableStyleLight1"). */
  readonly style: string;
}

export interface ColumnSpec {
  /** Column letter, e.g. "B". */
  readonly column: string;
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
}

export interface ChartSpec {
  /**
   * "footballField": horizontal stacked bars, one per category, whose first series (the low end of
   * each range) is left unfilled, so each bar runs from its low to its high (the second series).
   */
  readonly type: "clusteredColumn" | "stackedColumn" | "pie" | "waterfall" | "footballField";
  readonly title: string;
  /** Source data range on this sheet, with series names in the first row and categories in the first column. */
  readonly dataRange: string;
  readonly seriesBy: "columns" | "rows";
  /**
   * With `seriesBy: "columns"`: the columns of `dataRange` that are series, by letter ("C", "E"), in
   * order; every column after the first (the categories) when left out. So a chart can plot some
   * columns of an Excel table straight from the table (the stake sale's holders, % before and %
   * after), with no copy of the data beside it: each series and the categories then cover the
   * table's column range (xlsx `c:f` "Sheet!$C$66:$C$68"; Office.js `setValues`/`setXAxisValues` on
   * that range). Excel grows a chart over a table's columns when the table grows (Jon Peltier,
   * "Easy Dynamic Charts Using Lists or Tables", peltiertech.com/tag/lists; Chandoo, "Making a Chart
   * with Dynamic Range of Values", 2009: "when you add or remove rows from the data table, the chart
   * updates automatically"; J. Walkenbach, Excel 2003 Power Programming with VBA, "Creating a
   * self-expanding chart"). A chart part stores a series' source as a plain reference (ISO/IEC
   * 29500-1 §21.2.2.65 `f` in `numRef`/`strRef`: "a book, sheet, and cell reference"), as Excel
   * writes a chart made from a table, so the same holds for the .xlsx writer's charts; and a row
   * inserted inside the range a series covers widens it, as it widens a formula's range. A chart
   * whose range ends at a new buyer's row under the table (the stake sale) covers the blank row
   * between them, where typing adds a row to the table. Not verified in Excel on a device here.
   */
  readonly seriesColumns?: readonly string[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
}

/**
 * Where one of the model's inputs is on the sheet, so that values edited in the sheet can be read
 * back (the taskpane's "Read from sheet"). The cell holds the input's value as stored (a fraction
 * for a percentage, an amount in currency units), never a converted or formatted form.
 */
export interface InputSpec {
  /** The field of the model's inputs: "valuation", a table's "capTable", or a key inside an object ("nextRound.preMoney"). */
  readonly field: string;
  /** A single input cell ("B7"); for a table, its data rows ("A14:B16"), one row per item, no header. */
  readonly ref: string;
  /**
   * For a table: the key each column holds in an item, in order ("holder", "shares"); a dotted key
   * ("interest.rate") is a key inside an object of the item, null when all its keys are empty.
   */
  readonly columns?: readonly string[];
  /**
   * For a table that is an Excel table (TableSpec.name): read from the table's data rows as they are
   * now (rows the user added or deleted included), its first columns.length columns; `ref` is where
   * they were built, read when the sheet has no such table any more.
   */
  readonly table?: string;
  /** A list of plain values (the exit values): every cell of `ref`, one column or one row, in order; an empty cell is no value. */
  readonly list?: boolean;
  /** How a single cell or a list is read when the sheet shows the stored value in another form (InputRead). */
  readonly read?: InputRead;
  /** For a table: how a column is read (by its key) when the sheet shows the stored value in another form. */
  readonly reads?: Readonly<Record<string, InputRead>>;
  /** For a table: the value of each key the sheet does not show, for a row added in the sheet (a note's interest: null). */
  readonly defaults?: Readonly<Record<string, CellLiteral>>;
  /**
   * For a table: the column that names a row (a holder). When items have keys the sheet does not show,
   * rows are matched to the stored items by it where its values are unique, not by position, so that a
   * row inserted in the middle does not shift those keys (sheetInputs.ts).
   */
  readonly key?: string;
}

/**
 * How a cell shows a stored value in another form, read back as the stored form:
 * - "date": an ISO date ("2025-04-04") written as an Excel date (a day number of the workbook's date
 *   system, dateSystem.ts); a date the user types is a day number too, read in the workbook's date
 *   system, and a text typed as an ISO date is read as it is;
 * - "text": an optional text, an empty cell being "" (not null);
 * - "yesNo": a flag shown as YES or NO (any word of the yes-or-no vocabulary);
 * - "instrumentType": an instrument type shown as its sheet word ("SAFE" is POST_SAFE).
 */
export type InputRead = "date" | "text" | "yesNo" | "instrumentType";

/**
 * How the sheet prints: fit to a number of pages wide (any number tall), titles repeated on every
 * page, a print area and a footer. Writers render it as Excel stores it (xlsx: pageSetup,
 * printOptions, headerFooter and the _xlnm.Print_Area / _xlnm.Print_Titles names; Office.js:
 * worksheet.pageLayout, ExcelApi 1.9).
 */
export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
  /** Pages wide the print area is scaled to fit (1); pages tall are as many as needed. */
  readonly fitToWidth: number;
  /** The print area, "A1:H80". */
  readonly area: string;
  /** Rows repeated at the top of every page, 1-based inclusive, e.g. { first: 1, last: 2 }. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /**
   * Columns repeated at the left of every page, by letter ({ first: "A", last: "A" }), where the
   * print area is fit to more than one page wide: the labels stay beside their numbers on each page.
   */
  readonly titleColumns?: { readonly first: string; readonly last: string };
  /**
   * Footer sections, in Excel's header and footer codes (&P page, &N pages, &D print date;
   * a literal "&" doubled): the same codes in .xlsx (ECMA-376 §18.3.1.46 oddFooter) and
   * Office.js (HeaderFooter.leftFooter...).
   */
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
}

export interface SheetSpec {
  /** Desired sheet name (at most 31 characters, none of : \ / ? * [ ]). Writers pick a free name if taken. */
  readonly name: string;
  readonly cells: readonly CellSpec[];
  readonly names: readonly NameSpec[];
  readonly columns?: readonly ColumnSpec[];
  /** Row heights for the rows whose wrapped texts take more than one line (workbook/layout.ts `wrapLayout`). */
  readonly rows?: readonly RowSpec[];
  /**
   * Ranges of one row merged so that a wrapped text (its first cell, CellSpec.wrap) wraps across
   * them ("C14:G14"); the other cells of a range hold nothing (workbook/layout.ts `wrapLayout`).
   */
  readonly merges?: readonly string[];
  readonly charts?: readonly ChartSpec[];
  /** Hide gridlines, as finance model sheets usually do. */
  readonly showGridlines?: boolean;
  /** The input cells and tables that hold the model's inputs as they are stored (read back by "Read from sheet"). */
  readonly inputs?: readonly InputSpec[];
  /** Page setup for printing (model sheets always have one). */
  readonly print?: PrintSpec;
  /** Excel tables over the input tables (rows can be added in the sheet). */
  readonly tables?: readonly TableSpec[];
  /**
   * The key-outputs box at the top of the sheet ("A5:B9"): its title in the first cell, then one row
   * per output, the label in the first column and the value in the second. Writers need not do
   * anything with it (the cells are in `cells`); the taskpane's preview shows it as a card.
   */
  readonly keyOutputs?: string;
}

/** The look of each style, shared by all writers. Colours are #RRGGBB. */
export const STYLES: Readonly<
  Record<StyleName, { bold?: boolean; italic?: boolean; size?: number; fontColor?: string; fill?: string; borderBottom?: boolean }>
> = {
  title: { bold: true, size: 14, fontColor: "#1F3864" },
  subtitle: { italic: true, fontColor: "#595959" },
  section: { bold: true, fontColor: "#FFFFFF", fill: "#1F3864" },
  header: { bold: true, borderBottom: true },
  label: {},
  // Finance convention: inputs in blue on a light fill, calculations in black.
  input: { fontColor: "#0000FF", fill: "#FFF2CC" },
  calc: { fontColor: "#000000" },
  total: { bold: true, borderBottom: true },
  // Dark enough on white for WCAG AA (5:1), still lighter than the subtitle.
  note: { italic: true, fontColor: "#6F6F6F" },
};
