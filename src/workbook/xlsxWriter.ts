/**
 * Renders SheetSpecs (spec.ts) as a real .xlsx file, for the command line and for anyone without
 * Excel. Node only (ExcelJS and JSZip); the taskpane uses officeWriter.ts instead.
 *
 * What is written, following spec.ts's rules:
 * - `formula` cells as native formulas, with `expected` (the engine's value) as the cached result,
 *   so a viewer that does not recalculate (a previewer, a mail client) shows the right numbers.
 *   A workbook of native formulas only is flagged to recalculate fully when opened.
 * - A formula calling the add-in (`CAPTABLE.<ID>(…)`) as Excel itself stores a bound call
 *   (addInParts.ts): `_xldudf_CAPTABLE_<ID>(…)` in a dynamic-array cell (`cm="1"`, xl/metadata.xml),
 *   with its cached value; the workbook then names the add-in (xl/webextensions/, so Excel offers
 *   it to whoever opens the file) and is NOT flagged to recalculate on open, and says it was
 *   calculated by the current engine (a full calculation where the add-in is not loaded would
 *   replace every cached value with #NAME?). LibreOffice (7.4, checked by converting to CSV)
 *   recalculates array formulas when it opens a file, whatever the file says, so these cells show
 *   #NAME? there, as they do in the file Excel itself saved; a plain `<f>` would keep its cached value
 *   in LibreOffice, but is not how Excel stores a bound call. LibreOffice users see native formulas only.
 * - A formula with `spill` (a table result) as a dynamic array over its spill range, the engine's
 *   values cached in every cell of the range.
 * - `value` cells as literals: a text is ALWAYS a string cell, even "=HYPERLINK(...)" or "@SUM(1)".
 * - Number formats, the STYLES look, column widths, gridlines.
 * - Dates (a number under a date format) as day numbers of the workbook's date system: the 1900
 *   system unless `dateSystem` says "1904" (dateSystem.ts).
 * - Defined names scoped to their sheet (`localSheetId`), written into xl/workbook.xml directly:
 *   ExcelJS only writes workbook-wide names. For each stored model, the hidden workbook-scoped
 *   marker name the add-in writes too (`CapTable_Model_<id>` -> 'Sheet'!$A$1, office/marker.ts),
 *   commented as written by the command line: the add-in replaces a sheet only when it points at it.
 * - The model stored inside, exactly as the add-in stores it (serializeModel, one custom XML part
 *   per model: customXml/itemN.xml, itemPropsN.xml, _rels/itemN.xml.rels, the workbook
 *   relationship and the content type), so the add-in lists and re-opens it. Extra custom XML parts
 *   (e.g. the template the model came from) are stored the same way.
 * - Charts: ExcelJS cannot write charts, so the column and pie charts are written here as
 *   DrawingML parts (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships and
 *   content types), with the series read from the spec's cells, values cached. A "waterfall"
 *   chart (chartex, Excel 2016+) is not written; `chartsSkipped` says how many were left out.
 * - Tables (spec.ts `TableSpec`) as table parts (ECMA-376 Part 1 §18.5.1.2 table: xl/tables/tableN.xml
 *   with its autoFilter, tableColumns named as the header cells and tableStyleInfo; the sheet's
 *   <tableParts> §18.3.1.95, its relationship and the content type). Table names are unique in the
 *   workbook (`id` and `name` both): a name taken by an earlier sheet's table gets a free variant, in
 *   the defined names that read it too (structured references, tables.ts).
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  CAPTABLE_ADD_IN,
  CT_SHEET_METADATA,
  CT_WEBEXTENSION,
  CT_WEBEXTENSION_TASKPANES,
  REL_SHEET_METADATA,
  REL_WEBEXTENSION_TASKPANES,
  bindAddInCalls,
  dynamicArrayMetadataXml,
  taskPanesRelsXml,
  taskPanesXml,
  webExtensionXml,
  type AddInReference,
} from "./addInParts";
import { columnLetters, parseCell } from "./a1";
import { seriesColumnIndexes } from "./charts";
import { prefixFutureFunctions } from "./futureFunctions";
import { serializeModel, type StoredModel } from "./modelXml";
import { MARKER_COMMENT_CLI, markerFormula, markerName } from "./office/marker";
import { encodeOoxmlString, escapeXml, xmlForbiddenMessage } from "./xml";
import { STYLES, type CellSpec, type ChartSpec, type SheetSpec, type StyleName, type TableSpec } from "./spec";
import { cleanSheetName as cleanName, numberedSheetName } from "./sheetName";
import { calculatedColumns, checkTables, freeTableName, structuredReference } from "./tables";
import { inDateSystem, type DateSystem } from "./dateSystem";

export interface XlsxSheetInput {
  readonly spec: SheetSpec;
  /** The model that built this sheet, stored inside the file; its `sheet` is the name actually used. */
  readonly model?: Omit<StoredModel, "sheet">;
  /** Further custom XML parts to store (already serialized XML documents). */
  readonly parts?: readonly string[];
}

export interface XlsxWorkbookInput {
  readonly sheets: readonly XlsxSheetInput[];
  /** Document properties (File > Info in Excel). */
  readonly properties?: { readonly title?: string; readonly description?: string };
  /**
   * The add-in named in the web extension part of a workbook whose sheets call it (addInParts.ts):
   * CAPTABLE_ADD_IN (a sideloaded developer add-in) unless given; a Marketplace or admin-deployed
   * add-in has other `store`/`storeType` values (see AddInReference). `false` writes no part.
   */
  readonly addIn?: AddInReference | false;
  /**
   * The workbook's date system (dateSystem.ts): "1900" (Excel's default) unless given. "1904" writes
   * `<workbookPr date1904="1"/>` (ECMA-376 Part 1 §18.2.28) and every date of the specs (a number
   * under a date format) as its 1904 day number (`inDateSystem`), so the file shows the same dates.
   * The command line writes new workbooks in the 1900 system; "1904" is what a model rebuilt into an
   * old Mac workbook looks like (tests).
   */
  readonly dateSystem?: DateSystem;
}

export interface XlsxResult {
  readonly buffer: Buffer;
  /** The sheet names used, in order (a desired name that was taken or invalid gets a free one). */
  readonly sheetNames: readonly string[];
  /** Charts written into the file. */
  readonly chartsWritten: number;
  /** Charts in the specs that were not written (waterfall charts). */
  readonly chartsSkipped: number;
  /** The cells that call the add-in, as 'Sheet name'!B4 references: they need the add-in to recalculate. */
  readonly addInCells: readonly string[];
}

const CELL = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
/** Names Excel would read as a cell reference ("AB12", "R1C1", "R", "C"). */
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}[0-9]+|[Rr]([0-9]*)?([Cc][0-9]*)?|[Cc][0-9]*)$/;

/** A sheet name Excel accepts, from `desired`: the one rule (./sheetName.ts); "Model" when nothing is left. */
export function cleanSheetName(desired: string): string {
  return cleanName(desired, "Model");
}

/** `desired` made valid, or with " (2)", " (3)"… if a sheet already has that name (names compare case-insensitively). */
export function uniqueSheetName(desired: string, taken: readonly string[]): string {
  const base = cleanSheetName(desired);
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = numberedSheetName(base, n);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name as it appears in a reference: 'OpCore deal'!$B$4 (always quoted, apostrophes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "B4" -> "$B$4", "B4:D9" -> "$B$4:$D$9"; throws on anything else. */
export function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((part, _i, all) => {
      const m = CELL.exec(part.replace(/\$/g, ""));
      if (m === null || all.length > 2) throw new Error(`"${ref}" is not an A1 address or range`);
      return `$${m[1]}$${m[2]}`;
    })
    .join(":");
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: StyleName): void {
  const s = STYLES[style];
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size !== undefined) font.size = s.size;
  if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (s.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.borderBottom) cell.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
}

/**
 * A text as the file stores it (ST_Xstring, xml.ts encodeOoxmlString: a literal `_x003D_` is not
 * read as "=", a carriage return survives); a character no Excel file can hold is an error naming
 * the cell, never dropped (ExcelJS would drop it silently).
 */
function ooxmlText<T>(value: T, where: string): T {
  if (typeof value !== "string") return value;
  const bad = xmlForbiddenMessage(value, `${where}: the text`);
  if (bad !== undefined) throw new Error(bad);
  return encodeOoxmlString(value) as T;
}

function checkLiteral(spec: CellSpec, sheet: string): ExcelJS.CellValue {
  const value = spec.value ?? null;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${sheet}!${spec.address}: value must be a finite number, got ${value}`);
  // A string is a string cell (t="s"): ExcelJS never reads "=…" in a string as a formula.
  return ooxmlText(value, `${sheet}!${spec.address}`);
}

/** What a sheet holds that the add-in computes, for the parts written after ExcelJS. */
interface RenderedSheet {
  /** Cells written as dynamic arrays (`cm="1"`): every add-in call and every spilled formula. */
  readonly dynamicArrays: string[];
  /** Cells that call the add-in, e.g. "B4" (anchors of spilled calls included, not the cells they spill over). */
  readonly addInCells: string[];
  /** The bound names (`_xldudf_CAPTABLE_<ID>`) the sheet uses. */
  readonly boundIds: string[];
}

/** "A1" + rows x columns -> the spill range "A1:C9" and the address of every cell in it. */
function spillRange(
  anchor: string,
  spill: readonly (readonly (number | string)[])[],
  where: string,
): { ref: string; cells: Map<string, number | string> } {
  const width = spill[0]?.length ?? 0;
  if (spill.length === 0 || width === 0) throw new Error(`${where}: spill must hold at least one row and one column`);
  const { col, row } = cellPos(anchor);
  const cells = new Map<string, number | string>();
  spill.forEach((values, r) => {
    if (values.length !== width)
      throw new Error(`${where}: spill row ${r + 1} has ${values.length} values, the first row ${width} (a spilled table is rectangular)`);
    values.forEach((v, c) => {
      if (typeof v === "number" && !Number.isFinite(v))
        throw new Error(`${where}: spill value at row ${r + 1}, column ${c + 1} must be a finite number, got ${v}`);
      cells.set(`${colLetters(col + c)}${row + r}`, v);
    });
  });
  const last = `${colLetters(col + width - 1)}${row + spill.length - 1}`;
  return { ref: last === anchor ? anchor : `${anchor}:${last}`, cells };
}

/**
 * The page setup of `spec.print` as Excel stores it: <pageSetup orientation fitToWidth
 * fitToHeight="0"> with <sheetPr><pageSetUpPr fitToPage="1"/> (ECMA-376 Part 1, §18.3.1.63 and
 * §18.3.1.64), <headerFooter><oddFooter> in Excel's &L/&C/&R codes (§18.3.1.46), and the
 * sheet-scoped names _xlnm.Print_Area and _xlnm.Print_Titles (§18.2.5, built-in defined names),
 * which ExcelJS writes from `printArea` and `printTitlesRow`.
 */
function applyPrint(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const p = spec.print;
  if (p === undefined) return;
  ws.pageSetup.orientation = p.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = p.fitToWidth;
  ws.pageSetup.fitToHeight = 0;
  // ExcelJS writes the name as `$<first>:$<last>` (exceljs/lib/xlsx/xform/book/workbook-xform.js),
  // so the rows get their "$" here: "A$1:H$80" is stored as $A$1:$H$80, as Excel stores it.
  ws.pageSetup.printArea = p.area.replace(/([A-Z]+)([0-9]+)/g, "$1$$$2");
  if (p.titleRows !== undefined) ws.pageSetup.printTitlesRow = `${p.titleRows.first}:${p.titleRows.last}`;
  if (p.titleColumns !== undefined) ws.pageSetup.printTitlesColumn = `${p.titleColumns.first}:${p.titleColumns.last}`;
  ws.headerFooter.oddFooter = `&L${p.footer.left}&C${p.footer.center}&R${p.footer.right}`;
}

function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): RenderedSheet {
  ws.views = [{ showGridLines: spec.showGridlines ?? true }];
  applyPrint(ws, spec);
  for (const col of spec.columns ?? []) {
    if (!/^[A-Z]{1,3}$/.test(col.column)) throw new Error(`${spec.name}: column "${col.column}" is not a column letter`);
    if (!(col.width > 0 && col.width <= 255)) throw new Error(`${spec.name}: column ${col.column} width must be between 0 and 255`);
    ws.getColumn(col.column).width = col.width;
  }
  // A row whose wrapped texts take several lines gets its height stored (<row ht customHeight="1">),
  // so that every reader shows the lines without having to refit the row.
  for (const r of spec.rows ?? []) {
    if (!(Number.isInteger(r.row) && r.row >= 1 && r.height > 0 && r.height <= 409))
      throw new Error(`${spec.name}: row ${r.row} height must be between 0 and 409 points`);
    ws.getRow(r.row).height = r.height;
  }
  const rendered: RenderedSheet = { dynamicArrays: [], addInCells: [], boundIds: [] };
  // The cells each spilled formula covers (its cached values), checked before any cell is written.
  const spilled = new Map<string, { value: number | string; anchor: string }>();
  for (const c of spec.cells) {
    if (c.spill === undefined) continue;
    const where = `${spec.name}!${c.address}`;
    if (c.formula === undefined) throw new Error(`${where}: spill is set on a cell without a formula`);
    if (!CELL.test(c.address)) throw new Error(`${spec.name}: "${c.address}" is not an A1 address`);
    const { cells } = spillRange(c.address, c.spill, where);
    const first = c.spill[0][0];
    if (c.expected !== undefined && c.expected !== first)
      throw new Error(`${where}: expected (${c.expected}) is not the spill's top-left value (${first})`);
    for (const [address, value] of cells) {
      const other = spilled.get(address);
      if (other !== undefined) throw new Error(`${where}: its spill range overlaps the spill of ${other.anchor} at ${address}`);
      spilled.set(address, { value, anchor: c.address });
    }
  }
  const seen = new Set<string>();
  for (const c of spec.cells) {
    if (!CELL.test(c.address)) throw new Error(`${spec.name}: "${c.address}" is not an A1 address`);
    if (seen.has(c.address)) throw new Error(`${spec.name}: cell ${c.address} is described twice`);
    seen.add(c.address);
    const where = `${spec.name}!${c.address}`;
    const cell = ws.getCell(c.address);
    const over = spilled.get(c.address);
    if (c.formula !== undefined) {
      if (c.value !== undefined) throw new Error(`${where}: a cell has either a value or a formula, not both`);
      if (!c.formula.startsWith("=")) throw new Error(`${where}: formula must begin with "=", got "${c.formula}"`);
      if (over !== undefined && over.anchor !== c.address)
        throw new Error(`${where}: the cell is in the spill range of ${over.anchor}; a spilled-over cell is left empty`);
      const bound = bindAddInCalls(c.formula.slice(1));
      const ids = bound.ids;
      // Functions added after Excel 2007 under their stored names (`_xlfn.QUARTILE.INC`, [MS-XLSX] 2.2.3: futureFunctions.ts).
      const formula = ooxmlText(prefixFutureFunctions(bound.formula), where);
      const result = ooxmlText(c.spill !== undefined ? c.spill[0][0] : c.expected, where);
      if (ids.length > 0 || c.spill !== undefined) {
        // As Excel stores it: an array formula over its spill range (a single cell for a scalar
        // result), marked dynamic by cm="1" (added after ExcelJS, which cannot write it).
        const ref = c.spill === undefined ? c.address : spillRange(c.address, c.spill, where).ref;
        cell.value = { formula, shareType: "array", ref, ...(result === undefined ? {} : { result }) } as ExcelJS.CellFormulaValue;
        rendered.dynamicArrays.push(c.address);
        if (ids.length > 0) rendered.addInCells.push(c.address);
        for (const id of ids) if (!rendered.boundIds.includes(id)) rendered.boundIds.push(id);
      } else {
        cell.value = result === undefined ? { formula } : ({ formula, result } as ExcelJS.CellFormulaValue);
      }
    } else if (over !== undefined && over.anchor !== c.address) {
      // A spilled-over cell may carry a format and a style; its value is the spill's.
      if (c.value !== undefined && c.value !== null)
        throw new Error(`${where}: the cell is in the spill range of ${over.anchor}; a spilled-over cell is left empty`);
      cell.value = ooxmlText(over.value, where);
    } else {
      cell.value = checkLiteral(c, spec.name);
    }
    if (c.format !== undefined) cell.numFmt = c.format;
    if (c.style !== undefined) applyStyle(cell, c.style);
    // Wrap Text (ECMA-376 Part 1 §18.8.1 alignment wrapText).
    if (c.wrap === true) cell.alignment = { wrapText: true };
  }
  for (const [address, { value, anchor }] of spilled)
    if (address !== anchor && !seen.has(address)) ws.getCell(address).value = ooxmlText(value, `${spec.name}!${address}`);
  // A wrapped text across the empty cells to its right (<mergeCell ref>, ECMA-376 Part 1 §18.3.1.55).
  for (const m of spec.merges ?? []) {
    if (!/^[A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+$/.test(m)) throw new Error(`${spec.name}: merge "${m}" is not a range`);
    ws.mergeCells(m);
  }
  return rendered;
}

/** A defined name for xl/workbook.xml: scoped to a sheet (`sheetIndex`) or to the workbook (none), hidden or not. */
interface DefinedName {
  readonly name: string;
  readonly sheetIndex?: number;
  readonly ref: string;
  readonly comment?: string;
  readonly hidden?: boolean;
}

/** Adds defined names to xl/workbook.xml (ECMA-376 Part 1, 18.2.5 definedName: `localSheetId`, `hidden`, `comment`). */
function addDefinedNames(workbookXml: string, names: readonly DefinedName[]): string {
  if (names.length === 0) return workbookXml;
  const xml = names
    .map(
      (n) =>
        `<definedName name="${escapeXml(n.name)}"${n.sheetIndex === undefined ? "" : ` localSheetId="${n.sheetIndex}"`}` +
        `${n.hidden === true ? ` hidden="1"` : ""}${n.comment ? ` comment="${escapeXml(n.comment)}"` : ""}>${escapeXml(n.ref)}</definedName>`,
    )
    .join("");
  if (workbookXml.includes("</definedNames>")) return workbookXml.replace("</definedNames>", `${xml}</definedNames>`);
  if (workbookXml.includes("<definedNames/>")) return workbookXml.replace("<definedNames/>", `<definedNames>${xml}</definedNames>`);
  if (!workbookXml.includes("</sheets>")) throw new Error("xl/workbook.xml has no <sheets> element");
  return workbookXml.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`);
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** Stores custom XML parts as Excel does (and as Office.js customXmlParts.add does). */
async function addCustomXmlParts(zip: JSZip, parts: readonly string[]): Promise<void> {
  if (parts.length === 0) return;
  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = await zip.file(relsPath)?.async("string");
  let types = await zip.file("[Content_Types].xml")?.async("string");
  if (rels === undefined || types === undefined) throw new Error("the workbook written by ExcelJS has no relationships or content types");
  if (!/<Default Extension="xml"/.test(types)) {
    types = types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  }
  let relXml = "";
  let typeXml = "";
  parts.forEach((xml, i) => {
    const n = i + 1;
    const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1];
    zip.file(`customXml/item${n}.xml`, xml);
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
        `<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
        (namespace ? `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeXml(namespace)}"/></ds:schemaRefs>` : `<ds:schemaRefs/>`) +
        `</ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    relXml += `<Relationship Id="rIdCustomXml${n}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`;
    typeXml += `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_CUSTOM_XML_PROPS}"/>`;
  });
  rels = rels.replace("</Relationships>", `${relXml}</Relationships>`);
  types = types.replace("</Types>", `${typeXml}</Types>`);
  zip.file(relsPath, rels);
  zip.file("[Content_Types].xml", types);
}

// ---------------------------------------------------------------------------------------------
// Charts (DrawingML), after the structure Excel itself writes; element order follows the schema.

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** 1-based column number to letters: this writer counts columns from 1 (1 -> "A"), the A1 module from 0. */
const colLetters = (n: number): string => columnLetters(n - 1);

/** An A1 address ("$C$5" too) as a 1-based column and row. */
function cellPos(address: string): { col: number; row: number } {
  const at = parseCell(address);
  if (at === undefined) throw new Error(`"${address}" is not an A1 address`);
  return { col: at.col + 1, row: at.row + 1 };
}

interface ChartSeries {
  readonly name: { ref: string; text: string };
  readonly categories: { ref: string; texts: string[] };
  readonly values: { ref: string; numbers: (number | undefined)[]; format: string };
}

/** The series of a chart's data range: series names in the first row, categories in the first column (or transposed). */
function chartSeries(spec: SheetSpec, chart: ChartSpec, sheetRef: string): ChartSeries[] {
  const [a, b] = chart.dataRange.split(":");
  if (b === undefined) throw new Error(`${spec.name}: chart data range "${chart.dataRange}" must be a range`);
  const from = cellPos(a);
  const to = cellPos(b);
  const byAddress = new Map(spec.cells.map((c) => [c.address, c]));
  const display = (col: number, row: number): CellSpec | undefined => byAddress.get(`${colLetters(col)}${row}`);
  const text = (c: CellSpec | undefined) => String(c?.value ?? c?.expected ?? "");
  const num = (c: CellSpec | undefined) => {
    const v = c?.formula !== undefined ? c.expected : c?.value;
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  };
  const ref = (c1: number, r1: number, c2: number, r2: number) =>
    `${sheetRef}!$${colLetters(c1)}$${r1}${c1 === c2 && r1 === r2 ? "" : `:$${colLetters(c2)}$${r2}`}`;
  const series: ChartSeries[] = [];
  // seriesColumnIndexes counts columns from 0; cellPos from 1.
  const columns = seriesColumnIndexes(chart).map((c) => c + 1);
  if (chart.seriesBy === "columns") {
    for (const col of columns) {
      const rows = Array.from({ length: to.row - from.row }, (_, i) => from.row + 1 + i);
      series.push({
        name: { ref: ref(col, from.row, col, from.row), text: text(display(col, from.row)) },
        categories: { ref: ref(from.col, from.row + 1, from.col, to.row), texts: rows.map((r) => text(display(from.col, r))) },
        values: {
          ref: ref(col, from.row + 1, col, to.row),
          numbers: rows.map((r) => num(display(col, r))),
          format: display(col, from.row + 1)?.format ?? "General",
        },
      });
    }
  } else {
    for (let row = from.row + 1; row <= to.row; row++) {
      const cols = Array.from({ length: to.col - from.col }, (_, i) => from.col + 1 + i);
      series.push({
        name: { ref: ref(from.col, row, from.col, row), text: text(display(from.col, row)) },
        categories: { ref: ref(from.col + 1, from.row, to.col, from.row), texts: cols.map((c) => text(display(c, from.row))) },
        values: {
          ref: ref(from.col + 1, row, to.col, row),
          numbers: cols.map((c) => num(display(c, row))),
          format: display(from.col + 1, row)?.format ?? "General",
        },
      });
    }
  }
  if (series.length === 0 || series[0].values.numbers.length === 0)
    throw new Error(`${spec.name}: chart data range "${chart.dataRange}" has no data below and right of its headers`);
  return series;
}

function strCache(texts: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(encodeOoxmlString(t))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function seriesXml(s: ChartSeries, i: number, bar: boolean): string {
  const points = s.values.numbers.map((n, j) => (n === undefined ? "" : `<c:pt idx="${j}"><c:v>${n}</c:v></c:pt>`)).join("");
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>` +
    (bar ? `<c:invertIfNegative val="0"/>` : "") +
    `<c:cat><c:strRef><c:f>${escapeXml(s.categories.ref)}</c:f>${strCache(s.categories.texts)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f><c:numCache><c:formatCode>${escapeXml(s.values.format)}</c:formatCode>` +
    `<c:ptCount val="${s.values.numbers.length}"/>${points}</c:numCache></c:numRef></c:val></c:ser>`
  );
}

/** The chart part (xl/charts/chartN.xml) of a column or pie chart. */
function chartXml(chart: ChartSpec, series: readonly ChartSeries[]): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  let plot: string;
  if (chart.type === "pie") {
    plot = `<c:pieChart><c:varyColors val="1"/>${series.map((s, i) => seriesXml(s, i, false)).join("")}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const football = chart.type === "footballField";
    const stacked = chart.type === "stackedColumn" || football;
    const format = escapeXml(series[0].values.format);
    // A football field: horizontal bars (barDir "bar", DrawingML CT_BarDir), the first series (the low end) with no fill.
    const seriesParts = series.map((s, i) => {
      const xml = seriesXml(s, i, true);
      return football && i === 0 ? xml.replace(/(<c:tx>.*?<\/c:tx>)/, "$1<c:spPr><a:noFill/></c:spPr>") : xml;
    });
    plot =
      `<c:barChart><c:barDir val="${football ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
      seriesParts.join("") +
      `<c:gapWidth val="150"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
      `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${football ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${football ? "l" : "b"}"/>` +
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
      `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${football ? "b" : "l"}"/><c:majorGridlines/>` +
      `<c:numFmt formatCode="${format}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

function anchorXml(chart: ChartSpec, id: number, relId: string): string {
  const from = cellPos(chart.from);
  const to = cellPos(chart.to);
  const marker = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from)}${marker("to", { col: to.col + 1, row: to.row + 1 })}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Elements that come after <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
];

/** Adds the charts of each sheet as DrawingML parts. Returns how many were written. */
async function addCharts(zip: JSZip, sheets: readonly { spec: SheetSpec; name: string; index: number }[]): Promise<number> {
  let chartCount = 0;
  let drawingCount = 0;
  let typeXml = "";
  for (const sheet of sheets) {
    const charts = (sheet.spec.charts ?? []).filter((c) => c.type !== "waterfall");
    if (charts.length === 0) continue;
    const sheetPath = `xl/worksheets/sheet${sheet.index + 1}.xml`;
    const sheetXml = await zip.file(sheetPath)?.async("string");
    if (sheetXml === undefined) throw new Error(`the workbook written by ExcelJS has no ${sheetPath}`);
    if (sheetXml.includes("<drawing ")) throw new Error(`${sheet.name}: the sheet already has a drawing`);
    const drawingN = ++drawingCount;
    let anchors = "";
    let drawingRels = "";
    charts.forEach((chart, i) => {
      const chartN = ++chartCount;
      zip.file(`xl/charts/chart${chartN}.xml`, chartXml(chart, chartSeries(sheet.spec, chart, quoteSheetName(sheet.name))));
      typeXml += `<Override PartName="/xl/charts/chart${chartN}.xml" ContentType="${CT_CHART}"/>`;
      anchors += anchorXml(chart, i + 1, `rId${i + 1}`);
      drawingRels += `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${chartN}.xml"/>`;
    });
    zip.file(
      `xl/drawings/drawing${drawingN}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingN}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels}</Relationships>`,
    );
    typeXml += `<Override PartName="/xl/drawings/drawing${drawingN}.xml" ContentType="${CT_DRAWING}"/>`;
    const relsPath = `xl/worksheets/_rels/sheet${sheet.index + 1}.xml.rels`;
    const rels =
      (await zip.file(relsPath)?.async("string")) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const relId = "rIdCapTableDrawing1";
    zip.file(
      relsPath,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingN}.xml"/></Relationships>`,
      ),
    );
    const drawing = `<drawing r:id="${relId}"/>`;
    const next = AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0);
    const at = next.length > 0 ? next.reduce((a, b) => Math.min(a, b)) : sheetXml.lastIndexOf("</worksheet>");
    zip.file(sheetPath, `${sheetXml.slice(0, at)}${drawing}${sheetXml.slice(at)}`);
  }
  if (typeXml !== "") {
    const types = await zip.file("[Content_Types].xml")?.async("string");
    if (types === undefined) throw new Error("the workbook written by ExcelJS has no content types");
    zip.file("[Content_Types].xml", types.replace("</Types>", `${typeXml}</Types>`));
  }
  return chartCount;
}

const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** A table as written: its sheet, its spec and the name it got (unique in the workbook). */
interface WrittenTable {
  readonly sheetIndex: number;
  readonly spec: TableSpec;
  readonly name: string;
  /** Each column's calculated-column formula (tables.ts `calculatedColumns`), undefined for a column of values. */
  readonly calculated?: readonly (string | undefined)[];
}

/**
 * A table part (ECMA-376 Part 1 §18.5.1.2): `id` unique in the workbook, `name` and `displayName`
 * the table's name, `ref` header and data rows, no totals row (`totalsRowShown="0"`, as Excel writes
 * a table without one), an autoFilter over it (the header's filter buttons), one tableColumn per
 * header (its `name` is the header cell's text, §18.5.1.3; a column of one formula down the rows
 * holds it as its `calculatedColumnFormula`, §18.5.1.1, so that Excel fills it into an added row)
 * and the style.
 */
export function tablePartXml(id: number, name: string, spec: TableSpec, calculated: readonly (string | undefined)[] = []): string {
  const columns = spec.columns
    .map((c, i) => {
      const open = `<tableColumn id="${i + 1}" name="${escapeXml(encodeOoxmlString(c))}"`;
      const f = calculated[i];
      return f === undefined ? `${open}/>` : `${open}><calculatedColumnFormula>${escapeXml(f)}</calculatedColumnFormula></tableColumn>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${spec.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${spec.ref}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(spec.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Adds the table parts, each sheet's <tableParts> (last before <extLst>, CT_Worksheet's sequence) and relationships, and the content types. */
async function addTables(zip: JSZip, tables: readonly WrittenTable[]): Promise<void> {
  if (tables.length === 0) return;
  let typeXml = "";
  const bySheet = new Map<number, { n: number; table: WrittenTable }[]>();
  tables.forEach((table, i) => {
    const n = i + 1;
    zip.file(`xl/tables/table${n}.xml`, tablePartXml(n, table.name, table.spec, table.calculated));
    typeXml += `<Override PartName="/xl/tables/table${n}.xml" ContentType="${CT_TABLE}"/>`;
    bySheet.set(table.sheetIndex, [...(bySheet.get(table.sheetIndex) ?? []), { n, table }]);
  });
  for (const [index, list] of bySheet) {
    const sheetPath = `xl/worksheets/sheet${index + 1}.xml`;
    const sheetXml = await zip.file(sheetPath)?.async("string");
    if (sheetXml === undefined) throw new Error(`the workbook written by ExcelJS has no ${sheetPath}`);
    if (sheetXml.includes("<tableParts")) throw new Error(`${sheetPath}: the sheet already has table parts`);
    const relsPath = `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;
    let rels =
      (await zip.file(relsPath)?.async("string")) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const parts = list.map(({ n }) => {
      const relId = `rIdCapTableTable${n}`;
      rels = rels.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL_TABLE}" Target="../tables/table${n}.xml"/></Relationships>`);
      return `<tablePart r:id="${relId}"/>`;
    });
    zip.file(relsPath, rels);
    const at = sheetXml.includes("<extLst") ? sheetXml.indexOf("<extLst") : sheetXml.lastIndexOf("</worksheet>");
    zip.file(sheetPath, `${sheetXml.slice(0, at)}<tableParts count="${parts.length}">${parts.join("")}</tableParts>${sheetXml.slice(at)}`);
  }
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (types === undefined) throw new Error("the workbook written by ExcelJS has no content types");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${typeXml}</Types>`));
}

/** Marks the dynamic-array anchors of a worksheet part with cell metadata 1 (`cm="1"`, xl/metadata.xml). */
function markDynamicArrays(sheetXml: string, addresses: readonly string[], sheet: string): string {
  let xml = sheetXml;
  for (const address of addresses) {
    const open = new RegExp(`<c r="${address}"([^>]*)>`);
    const m = open.exec(xml);
    if (m === null || !xml.slice(m.index).startsWith(`${m[0]}<f t="array"`))
      throw new Error(`${sheet}!${address}: ExcelJS did not write the array formula`);
    xml = xml.replace(open, `<c r="${address}"${m[1]} cm="1">`);
  }
  return xml;
}

/** Adds a part with its relationship from the workbook (or the package when `rels` is "_rels/.rels") and its content type. */
async function addPart(
  zip: JSZip,
  part: { path: string; xml: string; relsPath: string; target: string; relType: string; relId: string; contentType: string },
): Promise<void> {
  const rels = await zip.file(part.relsPath)?.async("string");
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (rels === undefined || types === undefined) throw new Error(`the workbook written by ExcelJS has no ${part.relsPath} or content types`);
  zip.file(part.path, part.xml);
  zip.file(
    part.relsPath,
    rels.replace("</Relationships>", `<Relationship Id="${part.relId}" Type="${part.relType}" Target="${part.target}"/></Relationships>`),
  );
  zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/${part.path}" ContentType="${part.contentType}"/></Types>`));
}

/**
 * The calculation engine id Excel 365 writes in calcPr (the evidence file in addInParts.ts, Excel
 * 16.107). Excel fully recalculates, on open, a workbook last calculated by an older engine (ECMA-376
 * Part 1, 18.2.2 calcPr `calcId`); ExcelJS writes 171027 (Excel 2016). A full calculation without the
 * add-in turns its cells to #NAME?, losing the cached values: a workbook with add-in calls says it
 * was calculated by the current engine.
 */
const CURRENT_CALC_ID = 191029;

/** Writes the workbook. Throws an Error naming the sheet and cell for a spec that breaks spec.ts's rules. */
export async function writeXlsx(given: XlsxWorkbookInput): Promise<XlsxResult> {
  if (given.sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const dateSystem = given.dateSystem ?? "1900";
  // Every cell, chart cache and table of the file from the specs as the date system holds them.
  const input = { ...given, sheets: given.sheets.map((sheet) => ({ ...sheet, spec: inDateSystem(sheet.spec, dateSystem) })) };
  const wb = new ExcelJS.Workbook();
  // ExcelJS writes <workbookPr date1904="1"/> (lib/xlsx/xform/book/workbook-properties-xform.js); numbers are written as given.
  if (dateSystem === "1904") (wb.properties as { date1904?: boolean }).date1904 = true;
  wb.creator = "CapTable";
  wb.title = input.properties?.title ?? "";
  wb.description = input.properties?.description ?? "";

  const sheetNames: string[] = [];
  const names: DefinedName[] = [];
  const parts: string[] = [];
  const rendered: RenderedSheet[] = [];
  const tables: WrittenTable[] = [];
  let chartsSkipped = 0;
  input.sheets.forEach((sheet, sheetIndex) => {
    const name = uniqueSheetName(sheet.spec.name, sheetNames);
    sheetNames.push(name);
    rendered.push(renderSheet(wb.addWorksheet(name), sheet.spec));
    chartsSkipped += (sheet.spec.charts ?? []).filter((c) => c.type === "waterfall").length;
    checkTables(sheet.spec);
    const tableNames = new Map<string, string>();
    for (const t of sheet.spec.tables ?? []) {
      const final = freeTableName(
        t.name,
        tables.map((x) => x.name),
      );
      tableNames.set(t.name.toLowerCase(), final);
      tables.push({ sheetIndex, spec: t, name: final, calculated: calculatedColumns(sheet.spec, t, final) });
    }
    const local = new Set<string>();
    for (const n of sheet.spec.names) {
      if (!NAME.test(n.name) || LOOKS_LIKE_REF.test(n.name)) throw new Error(`${name}: "${n.name}" is not a valid Excel name`);
      if (local.has(n.name.toLowerCase())) throw new Error(`${name}: the name "${n.name}" is defined twice`);
      local.add(n.name.toLowerCase());
      const table = n.table === undefined ? undefined : sheet.spec.tables?.find((t) => t.name.toLowerCase() === n.table?.table.toLowerCase());
      const ref =
        n.table !== undefined && table !== undefined
          ? structuredReference(n.table, table, tableNames.get(table.name.toLowerCase()))
          : `${quoteSheetName(name)}!${absoluteRef(n.ref)}`;
      names.push({ name: n.name, sheetIndex, ref, comment: n.comment });
    }
    if (sheet.model !== undefined) {
      parts.push(serializeModel({ ...sheet.model, sheet: name }));
      // The marker the add-in looks for before it replaces a sheet (office/marker.ts): it follows this
      // sheet through renames, and its comment says the command line wrote it.
      const marker = markerName(sheet.model.id);
      if (names.some((n) => n.sheetIndex === undefined && n.name.toLowerCase() === marker.toLowerCase()))
        throw new Error(`${name}: the model "${sheet.model.id}" is stored on another sheet already (a model id is unique in a workbook)`);
      names.push({ name: marker, ref: markerFormula(name).slice(1), comment: MARKER_COMMENT_CLI, hidden: true });
    }
    for (const part of sheet.parts ?? []) parts.push(part);
  });
  const addInCells = rendered.flatMap((r, i) => r.addInCells.map((a) => `${quoteSheetName(sheetNames[i])}!${a}`));
  const boundIds = [...new Set(rendered.flatMap((r) => r.boundIds))];
  // Recalculate on open only a workbook of native formulas (the opening application then shows its
  // own results). With add-in calls, a full calculation where the add-in is not loaded (Excel
  // without it, Google Sheets, LibreOffice) would replace the cached engine values with #NAME?.
  if (addInCells.length === 0) wb.calcProperties.fullCalcOnLoad = true;

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  if (workbookXml === undefined) throw new Error("the workbook written by ExcelJS has no xl/workbook.xml");
  let workbook = addDefinedNames(workbookXml, names);
  if (addInCells.length > 0) workbook = workbook.replace(/<calcPr calcId="\d+"/, `<calcPr calcId="${CURRENT_CALC_ID}"`);
  zip.file("xl/workbook.xml", workbook);
  await addCustomXmlParts(zip, parts);
  for (const [index, r] of rendered.entries()) {
    if (r.dynamicArrays.length === 0) continue;
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    const xml = await zip.file(path)?.async("string");
    if (xml === undefined) throw new Error(`the workbook written by ExcelJS has no ${path}`);
    zip.file(path, markDynamicArrays(xml, r.dynamicArrays, sheetNames[index]));
  }
  if (rendered.some((r) => r.dynamicArrays.length > 0)) {
    await addPart(zip, {
      path: "xl/metadata.xml",
      xml: dynamicArrayMetadataXml(),
      relsPath: "xl/_rels/workbook.xml.rels",
      target: "metadata.xml",
      relType: REL_SHEET_METADATA,
      relId: "rIdCapTableMetadata",
      contentType: CT_SHEET_METADATA,
    });
  }
  const addIn = input.addIn ?? CAPTABLE_ADD_IN;
  if (addInCells.length > 0 && addIn !== false) {
    zip.file("xl/webextensions/webextension1.xml", webExtensionXml(addIn, boundIds, `{${randomUUID().toUpperCase()}}`));
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels", taskPanesRelsXml());
    const types = await zip.file("[Content_Types].xml")?.async("string");
    if (types === undefined) throw new Error("the workbook written by ExcelJS has no content types");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="${CT_WEBEXTENSION}"/></Types>`),
    );
    await addPart(zip, {
      path: "xl/webextensions/taskpanes.xml",
      xml: taskPanesXml(addIn),
      relsPath: "_rels/.rels",
      target: "xl/webextensions/taskpanes.xml",
      relType: REL_WEBEXTENSION_TASKPANES,
      relId: "rIdCapTableTaskpanes",
      contentType: CT_WEBEXTENSION_TASKPANES,
    });
  }
  const chartsWritten = await addCharts(
    zip,
    input.sheets.map((sheet, index) => ({ spec: sheet.spec, name: sheetNames[index], index })),
  );
  await addTables(zip, tables);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { buffer, sheetNames, chartsWritten, chartsSkipped, addInCells };
}
