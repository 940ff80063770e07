/**
 * Renders SheetSpecs (spec.ts) as a real .xlsx file, for the command line and for anyone without
 * Excel. Node only (ExcelJS and JSZip); the taskpane uses officeWriter.ts instead.
 *
 * What is written, following spec.ts's rules:
 * - `formula` cells as native formulas, with `expected` (the engine's value) as the cached result,
 *   so a viewer that does not recalculate (a previewer, a mail client) shows the right numbers;
 *   the workbook is also flagged to recalculate fully when Excel opens it.
 * - `value` cells as literals: a text is ALWAYS a string cell, even "=HYPERLINK(...)" or "@SUM(1)".
 * - Number formats, the STYLES look, column widths, gridlines.
 * - Defined names scoped to their sheet (`localSheetId`), written into xl/workbook.xml directly:
 *   ExcelJS only writes workbook-wide names.
 * - The model stored inside, exactly as the add-in stores it (serializeModel, one custom XML part
 *   per model: customXml/itemN.xml, itemPropsN.xml, _rels/itemN.xml.rels, the workbook
 *   relationship and the content type), so the add-in lists and re-opens it. Extra custom XML parts
 *   (e.g. the template the model came from) are stored the same way.
 * - Charts: NOT written. ExcelJS cannot write charts; the chart is left out of the file (the
 *   taskpane draws it in Excel). `chartsSkipped` in the result says how many were left out.
 */
/* global Buffer */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { serializeModel, type StoredModel } from "./modelXml";
import { STYLES, type CellSpec, type SheetSpec, type StyleName } from "./spec";

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
}

export interface XlsxResult {
  readonly buffer: Buffer;
  /** The sheet names used, in order (a desired name that was taken or invalid gets a free one). */
  readonly sheetNames: readonly string[];
  /** Charts in the specs that were not written (ExcelJS cannot write charts). */
  readonly chartsSkipped: number;
}

const CELL = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
/** Names Excel would read as a cell reference ("AB12", "R1C1", "R", "C"). */
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}[0-9]+|[Rr]([0-9]*)?([Cc][0-9]*)?|[Cc][0-9]*)$/;

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export function cleanSheetName(desired: string): string {
  const cleaned = desired
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === "" || cleaned.toLowerCase() === "history" ? "Model" : cleaned;
}

/** `desired` made valid, or with " (2)", " (3)"… if a sheet already has that name (names compare case-insensitively). */
export function uniqueSheetName(desired: string, taken: readonly string[]): string {
  const base = cleanSheetName(desired);
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
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

function cellValue(spec: CellSpec, sheet: string): ExcelJS.CellValue {
  if (spec.formula !== undefined) {
    if (spec.value !== undefined) throw new Error(`${sheet}!${spec.address}: a cell has either a value or a formula, not both`);
    if (!spec.formula.startsWith("=")) throw new Error(`${sheet}!${spec.address}: formula must begin with "=", got "${spec.formula}"`);
    const formula = spec.formula.slice(1);
    return spec.expected === undefined ? { formula } : ({ formula, result: spec.expected } as ExcelJS.CellFormulaValue);
  }
  const value = spec.value ?? null;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${sheet}!${spec.address}: value must be a finite number, got ${value}`);
  // A string is a string cell (t="s"): ExcelJS never reads "=…" in a string as a formula.
  return value;
}

function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  ws.views = [{ showGridLines: spec.showGridlines ?? true }];
  for (const col of spec.columns ?? []) {
    if (!/^[A-Z]{1,3}$/.test(col.column)) throw new Error(`${spec.name}: column "${col.column}" is not a column letter`);
    if (!(col.width > 0 && col.width <= 255)) throw new Error(`${spec.name}: column ${col.column} width must be between 0 and 255`);
    ws.getColumn(col.column).width = col.width;
  }
  const seen = new Set<string>();
  for (const c of spec.cells) {
    if (!CELL.test(c.address)) throw new Error(`${spec.name}: "${c.address}" is not an A1 address`);
    if (seen.has(c.address)) throw new Error(`${spec.name}: cell ${c.address} is described twice`);
    seen.add(c.address);
    const cell = ws.getCell(c.address);
    cell.value = cellValue(c, spec.name);
    if (c.format !== undefined) cell.numFmt = c.format;
    if (c.style !== undefined) applyStyle(cell, c.style);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Adds sheet-scoped defined names to xl/workbook.xml. */
function addDefinedNames(workbookXml: string, names: readonly { name: string; sheetIndex: number; ref: string; comment?: string }[]): string {
  if (names.length === 0) return workbookXml;
  const xml = names
    .map((n) => `<definedName name="${escapeXml(n.name)}" localSheetId="${n.sheetIndex}"${n.comment ? ` comment="${escapeXml(n.comment)}"` : ""}>${escapeXml(n.ref)}</definedName>`)
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

/** Writes the workbook. Throws an Error naming the sheet and cell for a spec that breaks spec.ts's rules. */
export async function writeXlsx(input: XlsxWorkbookInput): Promise<XlsxResult> {
  if (input.sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const wb = new ExcelJS.Workbook();
  wb.creator = "CapTable";
  wb.title = input.properties?.title ?? "";
  wb.description = input.properties?.description ?? "";
  wb.calcProperties.fullCalcOnLoad = true;

  const sheetNames: string[] = [];
  const names: { name: string; sheetIndex: number; ref: string; comment?: string }[] = [];
  const parts: string[] = [];
  let chartsSkipped = 0;
  input.sheets.forEach((sheet, sheetIndex) => {
    const name = uniqueSheetName(sheet.spec.name, sheetNames);
    sheetNames.push(name);
    renderSheet(wb.addWorksheet(name), sheet.spec);
    chartsSkipped += sheet.spec.charts?.length ?? 0;
    const local = new Set<string>();
    for (const n of sheet.spec.names) {
      if (!NAME.test(n.name) || LOOKS_LIKE_REF.test(n.name)) throw new Error(`${name}: "${n.name}" is not a valid Excel name`);
      if (local.has(n.name.toLowerCase())) throw new Error(`${name}: the name "${n.name}" is defined twice`);
      local.add(n.name.toLowerCase());
      names.push({ name: n.name, sheetIndex, ref: `${quoteSheetName(name)}!${absoluteRef(n.ref)}`, comment: n.comment });
    }
    if (sheet.model !== undefined) parts.push(serializeModel({ ...sheet.model, sheet: name }));
    parts.push(...(sheet.parts ?? []));
  });

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  if (workbookXml === undefined) throw new Error("the workbook written by ExcelJS has no xl/workbook.xml");
  zip.file("xl/workbook.xml", addDefinedNames(workbookXml, names));
  await addCustomXmlParts(zip, parts);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { buffer, sheetNames, chartsSkipped };
}
