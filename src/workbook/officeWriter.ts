/**
 * Renders a `SheetSpec` into Excel through Office.js and stores the model with it (one custom XML
 * part per model, see modelXml.ts). Office.js code only: what to write comes from the spec, how
 * it is grouped into ranges from office/plan.ts.
 *
 * Round trips: one `context.sync()` reads what exists (sheet names and ids, the active sheet, this
 * model's stored part and marker, and the content of the model's sheet, to restore it if the write
 * fails), one writes everything (values and formulas per rectangle, number formats, styles, column
 * widths, gridlines, sheet-scoped names, the chart, the stored part), whatever the size of the
 * sheet. See office/parts.ts and `readState` for the cold-session case that needs one extra read.
 *
 * Safety:
 * - A new model gets a new sheet named as the spec asks, or a free variant ("OpCore deal (2)").
 * - A rebuild replaces only the sheet the model can prove is its own: the one its hidden
 *   workbook-scoped marker name points at (office/marker.ts; written by this writer and by the
 *   command line's), which follows that sheet through renames and turns to #REF! when it is
 *   deleted. A renamed sheet keeps the user's name. Without a marker, or once its sheet is deleted,
 *   no sheet is touched, even one that has the name the part records (it may be the user's): a new
 *   sheet is written under a free name, the part and the marker record it, and the result says so
 *   (`notReplaced`).
 * - A rebuild rewrites that sheet in place (issue 11): the same worksheet, cleared and written
 *   again, its sheet-scoped names kept as the same names pointed at their new cells (dropped ones
 *   deleted), its old charts deleted last. Formulas on other sheets that refer to its cells or
 *   names keep working (deleting and re-adding the sheet would turn them into #REF!).
 * - If the write fails, whatever it did is undone (extra syncs, on the failure path only): a sheet
 *   it added is deleted; a sheet rebuilt in place gets back its values, formulas, number formats,
 *   names, charts and gridlines (read in the first round trip; fonts, fills and borders are not
 *   read back, as a cell's format can only be read from ExcelApi 1.9, and come back with the next
 *   rebuild: the message says so); the part gets its XML back, the marker its reference, the user
 *   their active sheet.
 * - Texts are written as texts (apostrophe prefix, see office/plan.ts `literalInput`).
 * - Dates (numbers under a date format, 1900 day numbers in the spec) are written as day numbers of
 *   the workbook's date system, asked in the first round trip (office/dateSystem.ts): a workbook in
 *   the 1904 system gets 1904 day numbers (dateSystem.ts `inDateSystem`), so the sheet shows the
 *   model's dates; a date before 1904-01-01 there, or a system Excel does not tell, is refused before
 *   anything is written.
 * - Tables (spec.ts `TableSpec`) are Excel tables: the header and data cells written first, then
 *   `worksheet.tables.add(range, true)` on a Range of the model's sheet (a string address without a
 *   sheet would be read on the active sheet), then its `name` (set after creating it, as "Work with
 *   tables using the Excel JavaScript API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables,
 *   says) and `style`; a name another sheet's table has gets a free variant (table names are unique in
 *   a workbook), in the names that read it too. The sheet's names on a table are its structured
 *   references (tables.ts), added after the table. A column whose cells hold one formula down the
 *   rows (the stake sale's after-the-deal columns) is written before the table is added over it,
 *   which Excel is reported to take as a calculated column (ClosedXML issue #288: a table recreated
 *   in Excel over such a column fills new rows; the .xlsx writer stores it, tables.ts
 *   `calculatedColumns`); not checked on a device. A rebuild in place first turns the sheet's
 *   tables into plain cells (`Table.convertToRange`, ExcelApi 1.2: clearing the cells leaves a table
 *   behind, and adding one of the same name would fail as a duplicate), then adds them again under
 *   the same names; references elsewhere to the sheet's names keep working (the names are kept). A
 *   failed rebuild turns the tables it added back into cells and adds the old ones again (names,
 *   ranges and styles; each range kept in a name of the write's batch, as a batch is not undone
 *   when one of its operations fails: the operations before it stay done, as the example of
 *   "OfficeExtension.Error class" shows, learn.microsoft.com/javascript/api/office/officeextension.error).
 *   The names are deleted last, after the old charts.
 */
import { messageOf } from "../engine";
import { MODEL_XML_NAMESPACE, serializeModel } from "./modelXml";
import { STYLES, type ChartSpec, type SheetSpec } from "./spec";
import { checkTables, freeTableName, structuredReference } from "./tables";
import { markerKnown, rememberMarker, rememberPart, syncWithLookup, type StoredModelPart } from "./office/parts";
import {
  CHART_TYPES,
  MAX_BATCH_BYTES,
  SERIES_BY,
  cellInput,
  chartSeries,
  estimateBatchBytes,
  freeSheetName,
  planSheet,
  type WritePlan,
} from "./office/plan";
import { parseRange, cellAddress } from "./a1";
import { checkWriteRequest } from "./office/request";
import { MARKER_COMMENT, markedSheet, markerFormula, markerName } from "./office/marker";
import { localizeFormula } from "./office/functionNames";
import { pageLayoutSupported, queuePrint, type PageLayoutLike } from "./office/print";
import { queueDateSystem } from "./office/dateSystem";
import { inDateSystem, isDateFormat, type ReadDateSystem } from "./dateSystem";

/** Whether the spec holds a date (a number under a date format, dateSystem.ts): then the workbook's date system matters. */
const hasDates = (spec: SheetSpec): boolean =>
  spec.cells.some((c) => isDateFormat(c.format) && (typeof c.value === "number" || (c.formula !== undefined && typeof c.expected === "number")));

export interface WriteModelRequest {
  readonly sheet: SheetSpec;
  readonly model: { readonly id: string; readonly kind: string; readonly schemaVersion: number; readonly inputs: unknown };
  /**
   * The custom functions' names in the user's display language (function ID -> name), when Excel
   * loaded translated metadata (src/functions/functionLocales.ts `localizedFunctionNames`): formulas
   * are written with them, as Excel does not translate custom functions in `Range.formulas`
   * (office/functionNames.ts). Omitted: the English names (= the IDs).
   */
  readonly functionNames?: Readonly<Record<string, string>>;
}

export interface WriteModelResult {
  readonly sheetName: string;
  readonly replaced: boolean;
  /**
   * Set when the workbook stores this model but the writer could not prove which sheet is the
   * model's, so it wrote a new sheet (`sheetName`) and touched no other: `recorded` is the sheet
   * name the stored model records; `reason` is "noMarker" (the workbook has no marker name for the
   * model: an older command-line workbook) or "sheetDeleted" (the marker's sheet was deleted).
   */
  readonly notReplaced?: { readonly recorded: string; readonly reason: "noMarker" | "sheetDeleted" };
}

interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

/** What a rebuild in place changes on the model's sheet, read before it writes: restored if the write fails. */
interface OldContent {
  readonly sheetId: string;
  /** The used range: its address on the sheet ("A1:H40"), formulas (and literals) and number formats; undefined for an empty sheet. */
  readonly used?: { readonly address: string; readonly formulas: unknown[][]; readonly values: unknown[][]; readonly numberFormat: unknown[][] };
  readonly names: readonly { readonly name: string; readonly formula: string; readonly comment: string }[];
  readonly charts: readonly string[];
  readonly showGridlines: boolean;
  /** The sheet's tables (name, id and style). */
  readonly tables: readonly { readonly name: string; readonly id: string; readonly style: string }[];
}

interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly activeId: string;
  /** This model's part, if it is stored. */
  readonly part?: StoredModelPart;
  readonly partIds: readonly string[];
  /** The formula and comment of this model's marker name, if the workbook has one. */
  readonly marker?: { readonly formula: string; readonly comment: string };
  /** The content of the sheet the marker points at, when it was read in the same round trip. */
  readonly content?: OldContent;
  /** Every table of the workbook: its name and its sheet's name (table names are unique in a workbook). */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  /** The workbook's date system (office/dateSystem.ts), asked in the same round trip. */
  readonly dateSystem: ReadDateSystem;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Queues the reads of a sheet's content that an in-place rebuild restores on failure. */
function queueContentRead(sheet: Excel.Worksheet): () => OldContent {
  sheet.load("id,showGridlines");
  const used = sheet.getUsedRangeOrNullObject();
  used.load("address,formulas,values,numberFormat");
  sheet.names.load("items/name,items/formula,items/comment");
  sheet.charts.load("items/name");
  sheet.tables.load("items/name,items/id,items/style");
  // Read by the caller after its context.sync() (the closure runs then).
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return () => ({
    sheetId: sheet.id,
    ...(used.isNullObject
      ? {}
      : {
          used: {
            address: used.address.replace(/^.*!/, ""),
            formulas: used.formulas as unknown[][],
            values: used.values as unknown[][],
            numberFormat: used.numberFormat as unknown[][],
          },
        }),
    names: sheet.names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? "" })),
    charts: sheet.charts.items.map((c) => c.name),
    showGridlines: sheet.showGridlines,
    tables: sheet.tables.items.map((t) => ({ name: t.name, id: t.id, style: t.style })),
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/**
 * Sync 1: sheet names, ids and positions, the active sheet, this model's stored part and marker,
 * and, when this session knows the model has a marker (the taskpane lists the models first), the
 * content of the marked sheet (for the undo). A marker not known yet costs one more read, once.
 */
async function readState(context: Excel.RequestContext, modelId: string): Promise<WorkbookState> {
  const withContent = markerKnown(modelId);
  try {
    return await readOnce(context, modelId, withContent);
  } catch (error) {
    // The marker was deleted since the session saw it (reading its sheet then fails): read again without it.
    if (!withContent) throw error;
    rememberMarker(modelId, false);
    return readOnce(context, modelId, false);
  }
}

async function readOnce(context: Excel.RequestContext, modelId: string, withContent: boolean): Promise<WorkbookState> {
  let late: (() => OldContent) | undefined;
  const { queued, parts, partIds } = await syncWithLookup(
    context,
    modelId,
    () => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name,items/position");
      const active = sheets.getActiveWorksheet();
      active.load("id");
      const marker = context.workbook.names.getItemOrNullObject(markerName(modelId));
      marker.load("formula,comment");
      const content = withContent ? queueContentRead(context.workbook.names.getItem(markerName(modelId)).getRange().worksheet) : undefined;
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const dateSystem = queueDateSystem(context);
      return { sheets, active, marker, content, tables, dateSystem };
    },
    (q) => {
      // A marker this session had not seen: its sheet's content is read in the next round trip.
      if (q.content !== undefined || q.marker.isNullObject) return false;
      const name = markedSheet(q.marker.formula);
      const own = typeof name === "string" ? q.sheets.items.find((s) => s.name === name) : undefined;
      if (own === undefined) return false;
      late = queueContentRead(context.workbook.worksheets.getItem(own.id));
      return true;
    },
  );
  rememberMarker(modelId, !queued.marker.isNullObject);
  const content = queued.content ?? late;
  return {
    sheets: queued.sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position })),
    activeId: queued.active.id,
    part: parts[0],
    partIds,
    ...(queued.marker.isNullObject ? {} : { marker: { formula: queued.marker.formula, comment: queued.marker.comment } }),
    ...(content === undefined ? {} : { content: content() }),
    tables: queued.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    dateSystem: queued.dateSystem(),
  };
}

/**
 * The sheet a rebuild may replace: the one the model's marker name points at, whatever it is called
 * now (Excel reports the marker's formula with the sheet's current name, unique in the workbook).
 * Never a sheet found by the name the part records: that may be a sheet the user made since (issue 13).
 */
function ownSheet(state: WorkbookState): SheetInfo | undefined {
  if (state.marker === undefined) return undefined;
  const marked = markedSheet(state.marker.formula);
  return typeof marked === "string" ? state.sheets.find((s) => s.name === marked) : undefined;
}

/** Font, fill and bottom border of a style, applied to a whole rectangle at once. */
function applyStyle(range: Excel.Range, style: (typeof STYLES)[keyof typeof STYLES], rows: number): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.size !== undefined) font.size = style.size;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.borderBottom === true) {
    // Every cell of the rectangle gets its bottom edge: the range's bottom edge, and the
    // horizontal lines inside it when it spans several rows.
    // (String values rather than the Excel.* enums: the same values, without needing the global.)
    const edges: ("EdgeBottom" | "InsideHorizontal")[] = rows > 1 ? ["EdgeBottom", "InsideHorizontal"] : ["EdgeBottom"];
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
}

/**
 * Queues the whole sheet's content: cells, formats, styles, widths, gridlines, names, charts.
 * `inPlace.names` (upper case): names the sheet already has, which are pointed at their new cells
 * rather than added again, so that formulas elsewhere that use them keep working.
 */
function queueContent(
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  plan: WritePlan,
  tableNames: ReadonlyMap<string, string>,
  functionNames?: Readonly<Record<string, string>>,
  inPlace?: { readonly sheetName: string; readonly names: ReadonlySet<string> },
): void {
  // Tables first (their cells, then the table), so that the names on them can be defined.
  const cells = new Map(spec.cells.map((c) => [c.address, c]));
  for (const t of spec.tables ?? []) {
    const r = parseRange(t.ref)!;
    const range = sheet.getRange(t.ref);
    const rows: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = cells.get(cellAddress(row, col));
        line.push(c === undefined ? "" : cellInput(c));
      }
      rows.push(line);
    }
    range.formulas = rows;
    const table = sheet.tables.add(range, true);
    table.name = tableNames.get(t.name.toLowerCase()) ?? t.name;
    table.style = t.style;
  }
  // Names next, so that the formulas using them resolve as they are entered.
  for (const n of spec.names) {
    const onTable = n.table === undefined ? undefined : spec.tables?.find((t) => t.name.toLowerCase() === n.table?.table.toLowerCase());
    const structured =
      n.table !== undefined && onTable !== undefined
        ? `=${structuredReference(n.table, onTable, tableNames.get(onTable.name.toLowerCase()))}`
        : undefined;
    if (inPlace?.names.has(n.name.toUpperCase()) === true) {
      const item = sheet.names.getItem(n.name);
      // A reference with its sheet, as Office.js gives and takes a name's formula (ExcelApi 1.7).
      item.formula = structured ?? `${markerFormula(inPlace.sheetName).replace(/!\$A\$1$/, "")}!${absolute(n.ref)}`;
      item.comment = n.comment ?? "";
    } else if (structured !== undefined) sheet.names.add(n.name, structured, n.comment);
    else sheet.names.add(n.name, sheet.getRange(n.ref), n.comment);
  }
  for (const block of plan.blocks) {
    const range = sheet.getRange(block.address);
    range.formulas =
      functionNames === undefined
        ? block.formulas
        : block.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? localizeFormula(f, functionNames) : f)));
    if (block.numberFormats !== undefined) range.numberFormat = block.numberFormats;
  }
  for (const s of plan.styles) applyStyle(sheet.getRange(s.address), STYLES[s.style], s.rows);
  for (const c of plan.columns) sheet.getRange(c.address).format.columnWidth = c.points;
  // Wrapped texts, the ranges they wrap across and the heights of their rows (Excel.RangeFormat
  // wrapText and rowHeight, ExcelApi 1.1; Range.merge(across), ExcelApi 1.2).
  for (const m of plan.merges) sheet.getRange(m).merge(false);
  for (const a of plan.wraps) sheet.getRange(a).format.wrapText = true;
  for (const r of plan.rows) sheet.getRange(r.address).format.rowHeight = r.points;
  if (spec.showGridlines !== undefined) sheet.showGridlines = spec.showGridlines;
  for (const c of spec.charts ?? []) queueChart(sheet, spec, c);
  if (spec.print !== undefined && pageLayoutSupported()) queuePrint(sheet.pageLayout as unknown as PageLayoutLike, spec.print);
}

/**
 * A chart whose series and categories are set explicitly, never guessed. `charts.add` on the whole
 * data range lets Excel's auto-layout decide what is a series: a first column of numbers under a
 * header (the exit values of the exit waterfall) becomes one more series and the categories 1..N
 * (Jon Peltier, "Prepare your data", peltiertech.com; the .xlsx writer and the preview always take
 * the first column as categories). So the chart is added on the first series' values alone (one
 * column or row: one series, nothing to guess), then each series gets its name, values
 * (`ChartSeries.setValues`) and categories (`setXAxisValues`), ExcelApi 1.7, within the manifest's
 * ExcelApi 1.8 (`[Api set: ExcelApi 1.7]` on ChartSeriesCollection.add, ChartSeries.setValues and
 * setXAxisValues in @types/office-js).
 */
function queueChart(sheet: Excel.Worksheet, spec: SheetSpec, c: ChartSpec): void {
  const [first, ...rest] = chartSeries(spec, c);
  const chart = sheet.charts.add(CHART_TYPES[c.type] as Excel.ChartType, sheet.getRange(first.values), SERIES_BY[c.seriesBy] as Excel.ChartSeriesBy);
  const series0 = chart.series.getItemAt(0);
  series0.name = first.name;
  series0.setXAxisValues(sheet.getRange(first.categories));
  // A football field's first series is the low end of each bar: no fill, so each bar runs from low to high (ChartFill.clear, ExcelApi 1.1).
  if (c.type === "footballField") series0.format.fill.clear();
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(sheet.getRange(s.categories));
  }
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
}

/** "B4" -> "$B$4", "B4:D9" -> "$B$4:$D$9". */
function absolute(ref: string): string {
  return ref.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

interface Attempt {
  readonly modelId: string;
  readonly before: WorkbookState;
  /** Names the batch gave to sheets it added. */
  readonly addedNames: readonly string[];
  /** The sheet rebuilt in place, with what it held before. */
  readonly inPlace?: OldContent;
}

/**
 * A literal as Range.formulas must be given it to come back the same: a text that Excel would read
 * as a formula or a number keeps its apostrophe (Range.formulas gives a text cell's text; the value
 * equals it only for a text).
 */
function restorable(formula: unknown, value: unknown): unknown {
  return typeof value === "string" && typeof formula === "string" && formula === value && value !== "" ? `'${value}` : formula;
}

/** The sheet-scoped name that keeps the range of the sheet's i-th old table during a rebuild in place (deleted in the same batch). */
const oldTableName = (i: number) => `CapTable_OldTable_${i + 1}`;

/** After a failed batch: removes what it added and restores what it changed. */
async function undo(context: Excel.RequestContext, attempt: Attempt): Promise<void> {
  const { before, addedNames, inPlace } = attempt;
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  const scoped = context.workbook.customXmlParts.getByNamespace(MODEL_XML_NAMESPACE);
  scoped.load("items/id");
  const key = markerName(attempt.modelId);
  const marker = context.workbook.names.getItemOrNullObject(key);
  marker.load("formula");
  const own = inPlace === undefined ? undefined : sheets.getItem(inPlace.sheetId);
  own?.names.load("items/name,items/formula");
  own?.charts.load("items/name");
  own?.tables.load("items/name,items/id");
  await context.sync();

  const existed = new Set(before.sheets.map((s) => s.id));
  for (const s of sheets.items) {
    if (!existed.has(s.id) && addedNames.some((n) => sameName(n, s.name))) s.delete();
  }
  if (own !== undefined && inPlace !== undefined) {
    // The sheet's values, formulas, number formats, names, charts and gridlines as they were. Fonts,
    // fills, borders and widths are not read back (a cell's format needs ExcelApi 1.9): the next
    // rebuild writes them again. The failed write's tables become cells; the old tables it had turned
    // into cells are added again over the ranges their restore names kept (`OLD_TABLE_NAME`), with
    // their names and styles, before the names that refer to them are restored.
    const oldTables = new Set(inPlace.tables.map((t) => t.id));
    const tablesNow = new Set(own.tables.items.map((t) => t.id));
    for (const t of own.tables.items) if (!oldTables.has(t.id)) own.tables.getItem(t.name).convertToRange();
    own.getRange().clear();
    if (inPlace.used !== undefined) {
      const range = own.getRange(inPlace.used.address);
      const { formulas, values } = inPlace.used;
      range.formulas = formulas.map((row, i) => row.map((f, j) => restorable(f, values[i]?.[j])));
      range.numberFormat = inPlace.used.numberFormat;
    }
    const nowNames = own.names.items;
    inPlace.tables.forEach((t, i) => {
      if (tablesNow.has(t.id)) return;
      const kept = nowNames.find((n) => sameName(n.name, oldTableName(i)));
      // The write turns a table into cells only after naming its range: no name, no conversion.
      if (kept === undefined) return;
      const table = own.tables.add(own.getRange(kept.formula.replace(/^.*!/, "").replace(/\$/g, "")), true);
      table.name = t.name;
      table.style = t.style;
    });
    const old = new Map(inPlace.names.map((n) => [n.name.toUpperCase(), n]));
    for (const n of nowNames) if (!old.has(n.name.toUpperCase())) own.names.getItem(n.name).delete();
    const present = new Set(nowNames.map((n) => n.name.toUpperCase()));
    for (const n of inPlace.names) {
      if (present.has(n.name.toUpperCase())) {
        const item = own.names.getItem(n.name);
        item.formula = n.formula;
        item.comment = n.comment;
      } else own.names.add(n.name, n.formula, n.comment);
    }
    const oldCharts = new Set(inPlace.charts);
    for (const c of own.charts.items) if (!oldCharts.has(c.name)) c.delete();
    own.showGridlines = inPlace.showGridlines;
  }
  const partsBefore = new Set(before.partIds);
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded above, as "items/id"
  const partsNow = scoped.items;
  for (const p of partsNow) if (!partsBefore.has(p.id)) p.delete();
  if (before.part !== undefined && partsNow.some((p) => p.id === before.part?.partId)) {
    context.workbook.customXmlParts.getItem(before.part.partId).setXml(before.part.xml);
  }
  if (before.marker === undefined) {
    if (!marker.isNullObject) marker.delete();
  } else if (marker.isNullObject) {
    context.workbook.names.add(key, before.marker.formula, before.marker.comment).visible = false;
  } else {
    marker.formula = before.marker.formula;
    marker.comment = before.marker.comment;
  }
  if (sheets.items.some((s) => s.id === before.activeId)) sheets.getItem(before.activeId).activate();
  await context.sync();
}

/** A thrown value's message without its final full stop, to go inside a sentence. */
const reasonOf = (e: unknown) => messageOf(e).replace(/\.\s*$/, "");

/** A write that failed; `cause` is Office.js's error. `undone` says whether the workbook was restored. */
export class ModelWriteError extends Error {
  readonly cause: unknown;
  readonly undone: boolean;

  constructor(message: string, cause: unknown, undone: boolean) {
    super(message);
    this.name = "ModelWriteError";
    this.cause = cause;
    this.undone = undone;
  }
}

/**
 * Writes (or rebuilds) a model sheet and stores the model; at most 2 context.sync() calls on
 * success (3 the first time a session meets a stored model it has not listed, see readState).
 */
export async function writeModelSheet(context: Excel.RequestContext, request: WriteModelRequest): Promise<WriteModelResult> {
  const { sheet: given, functionNames } = checkWriteRequest(request);
  checkTables(given);
  let plan = planSheet(given);
  const bytes = estimateBatchBytes(plan, given, JSON.stringify(request.model.inputs).length * 2);
  if (bytes > MAX_BATCH_BYTES) {
    throw new ModelWriteError(
      `The model sheet "${given.name}" is too large to write in one request (about ${(bytes / 1e6).toFixed(1)} MB; Excel accepts at most 5 MB). Nothing was changed.`,
      undefined,
      true,
    );
  }

  let before: WorkbookState;
  try {
    before = await readState(context, request.model.id);
  } catch (error) {
    throw new ModelWriteError(
      `Could not read the workbook to write the model sheet "${given.name}": ${reasonOf(error)}. Nothing was changed.`,
      error,
      true,
    );
  }
  // The spec's dates are 1900 day numbers (spec.ts): a 1904 workbook gets its own (dateSystem.ts), so
  // that the sheet shows the same dates; a workbook whose system Excel could not tell gets none.
  let spec = given;
  if (hasDates(given)) {
    if (before.dateSystem === "unknown")
      throw new ModelWriteError(
        `Excel did not say whether this workbook uses the 1900 or the 1904 date system, so the dates of "${given.name}" could not be written. Nothing was changed.`,
        undefined,
        true,
      );
    try {
      spec = inDateSystem(given, before.dateSystem);
    } catch (error) {
      throw new ModelWriteError(`${reasonOf(error)}. Nothing was changed.`, error, true);
    }
    if (spec !== given) plan = planSheet(spec);
  }
  const taken = before.sheets.map((s) => s.name);
  const old = ownSheet(before);
  const content = old !== undefined && before.content?.sheetId === old.id ? before.content : undefined;
  const finalName = old !== undefined && content !== undefined ? old.name : freeSheetName(spec.name, taken);
  // Table names free in the workbook; those of the sheet rebuilt in place are its own (turned into cells first).
  const takenTables = before.tables.filter((t) => content === undefined || !sameName(t.sheet, finalName)).map((t) => t.name);
  const tableNames = new Map<string, string>();
  for (const t of spec.tables ?? []) {
    const name = freeTableName(t.name, [...takenTables, ...tableNames.values()]);
    tableNames.set(t.name.toLowerCase(), name);
  }
  const xml = serializeModel({
    id: request.model.id,
    kind: request.model.kind,
    schemaVersion: request.model.schemaVersion,
    inputs: request.model.inputs,
    sheet: finalName,
  });

  // Sync 2: the whole write. A rebuild rewrites the model's own sheet in place: the same worksheet,
  // so references to its cells and names from other sheets and workbooks stay valid (deleting a
  // sheet turns them into #REF!); its old charts are deleted last.
  const worksheets = context.workbook.worksheets;
  const key = markerName(request.model.id);
  let sheet: Excel.Worksheet;
  if (old !== undefined && content !== undefined) {
    sheet = worksheets.getItem(content.sheetId);
    const wanted = new Set(spec.names.map((n) => n.name.toUpperCase()));
    for (const n of content.names) if (!wanted.has(n.name.toUpperCase())) sheet.names.getItem(n.name).delete();
    // Each old table's range is kept in a name before the table turns into cells, so that an undo
    // can add it again (the range of a table is not read in the first round trip: it is a method,
    // Table.getRange, not a property); the names are deleted at the end of this batch.
    content.tables.forEach((t, i) => {
      const table = sheet.tables.getItem(t.name);
      sheet.names.add(oldTableName(i), table.getRange());
      table.convertToRange();
    });
    sheet.getRange().clear();
    queueContent(sheet, spec, plan, tableNames, functionNames, {
      sheetName: old.name,
      names: new Set(content.names.map((n) => n.name.toUpperCase())),
    });
    // Written by the add-in from now on (a command-line marker said otherwise: modelStore's `unbound`).
    context.workbook.names.getItem(key).comment = MARKER_COMMENT;
  } else {
    sheet = worksheets.add(finalName);
    queueContent(sheet, spec, plan, tableNames, functionNames);
    if (before.marker !== undefined) {
      const item = context.workbook.names.getItem(key);
      item.formula = markerFormula(finalName);
      item.comment = MARKER_COMMENT;
    } else context.workbook.names.add(key, sheet.getRange("A1"), MARKER_COMMENT).visible = false;
  }
  const part = before.part !== undefined ? context.workbook.customXmlParts.getItem(before.part.partId) : context.workbook.customXmlParts.add(xml);
  if (before.part !== undefined) part.setXml(xml);
  part.load("id");
  sheet.activate();
  if (content !== undefined) for (const c of content.charts) sheet.charts.getItem(c).delete();
  content?.tables.forEach((_, i) => sheet.names.getItem(oldTableName(i)).delete());

  try {
    await context.sync();
  } catch (error) {
    const what = `Could not write the model sheet "${finalName}": ${reasonOf(error)}`;
    try {
      await undo(context, { modelId: request.model.id, before, addedNames: content === undefined ? [finalName] : [], inPlace: content });
    } catch (undoError) {
      throw new ModelWriteError(
        `${what}. Undoing the partial write also failed (${reasonOf(undoError)}): check the workbook for the sheet "${finalName}".`,
        error,
        false,
      );
    }
    const restored =
      content === undefined
        ? "The workbook was left as it was."
        : `The sheet's values, formulas, number formats, names${content.tables.length > 0 ? ", tables" : ""} and charts were restored (its colours and borders come back with the next Rebuild).`;
    throw new ModelWriteError(`${what}. ${restored}`, error, true);
  }
  rememberPart(part.id, request.model.id);
  rememberMarker(request.model.id, true);
  const recorded = before.part?.model.sheet;
  if (old === undefined && recorded !== undefined) {
    const reason = before.marker === undefined ? "noMarker" : "sheetDeleted";
    return { sheetName: finalName, replaced: false, notReplaced: { recorded, reason } };
  }
  return { sheetName: finalName, replaced: content !== undefined };
}
