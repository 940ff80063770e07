/**
 * Reads an .xlsx back (Node only): the models stored inside it (custom XML parts, as the add-in
 * and xlsxWriter.ts store them) and its sheets as SheetSpecs (what a spreadsheet engine needs to
 * recalculate them: literals, formulas with their cached results, formats, sheet-scoped names).
 *
 * Files from outside are bounded: the file size, the number of parts and the size of each custom
 * XML part are limited, so a zip bomb is refused instead of filling memory.
 *
 * Its refusals, and the reasons a stored part is skipped, are rules of its catalogue (xlsxRules.ts):
 * an `XlsxReadError` carries the rule's id and parameters, its message the English text.
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read -- ExcelJS objects, not Office.js proxies */
import { createInflateRaw, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { unbindAddInCalls } from "./addInParts";
import { stripFuturePrefixes } from "./futureFunctions";
import { crc32 } from "./crc32";
import { readModelPart, type StoredModel } from "./modelXml";
import { decodeOoxmlString, elementsOf, parseXml, textOf, type XmlElement } from "./xml";
import type { CellSpec, ColumnSpec, NameSpec, RowSpec, SheetSpec, TablePart, TableSpec } from "./spec";
import type { ReadDateSystem } from "./dateSystem";
import { cellAddress, parseRange } from "./a1";
import { type XlsxRuleRef, xlsxError, xlsxRuleOf, xlsxRuleText } from "./xlsxRules";

export const XLSX_READ_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxParts: 5000,
  maxCustomXmlBytes: 2_000_000,
  /** Bytes of xl/workbook.xml and its relationships (read before the sheets). */
  maxWorkbookPartBytes: 8_000_000,
} as const;

export interface XlsxContents {
  /** Our models (parts in the urn:captable:model:1 namespace), in part order. */
  readonly models: StoredModel[];
  /** Every custom XML part's text, in part order (ours and others'). */
  readonly customXml: string[];
  /**
   * The workbook-scoped defined names (no `localSheetId`; Excel's own `_xlnm.` names left out), in
   * file order, formulas with a leading "=" as Office.js shows them: among them the hidden marker
   * of each model's sheet (office/marker.ts).
   */
  readonly workbookNames: WorkbookName[];
  /** The custom XML parts that could not be read, each with why ("customXml/item2.xml: not well-formed XML: line 1, …"). */
  readonly unreadable: string[];
  /** The same, as the rules of the reader's catalogue (xlsxRules.ts), so another language can word them: one per line of `unreadable`. */
  readonly unreadableRules: XlsxRuleRef[];
  /** The workbook's date system (`readDateSystem`): which day numbers its date cells hold. */
  readonly dateSystem: ReadDateSystem;
}

export interface WorkbookName {
  readonly name: string;
  /** The reference, e.g. "='OpCore deal'!$A$1". */
  readonly formula: string;
  readonly comment?: string;
  readonly hidden: boolean;
}

function uncompressedSize(file: JSZip.JSZipObject): number | undefined {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  // JSZip reads the 32-bit size as a signed number: a declared size of 2 GB or more comes out negative.
  return typeof size === "number" ? (size < 0 ? size + 2 ** 32 : size) : undefined;
}

/** What JSZip keeps of an entry it has not inflated: the compressed bytes and the method (JSZip internals, Node only). */
interface RawEntry {
  readonly compressedContent: Uint8Array;
  readonly compression: { readonly magic: string } | null;
  readonly crc32: number;
}

/** ZIP compression methods (APPNOTE.TXT 4.4.5) as JSZip's `magic` spells them: 0 stored, 8 deflated. */
const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

function rawEntry(file: JSZip.JSZipObject, path: string): { data: Uint8Array; method: string; crc: number | undefined } {
  const raw = (file as unknown as { _data?: Partial<RawEntry> })._data;
  const data = raw?.compressedContent;
  const method = raw?.compression?.magic;
  if (!(data instanceof Uint8Array) || typeof method !== "string") throw xlsxError("partUnreadable", { part: path });
  if (method !== STORED && method !== DEFLATED) throw xlsxError("unknownCompression", { part: path });
  return { data, method, crc: typeof raw?.crc32 === "number" ? raw.crc32 >>> 0 : undefined };
}

/**
 * The bytes of a part, inflating at most `cap` bytes whatever size the zip declares: a part that
 * inflates to more is refused as soon as the inflater passes the cap (zlib's maxOutputLength), so
 * a small file that claims 1 KB and inflates to 1 GB never fills memory.
 */
export function readPartBytes(zip: JSZip, path: string, cap: number): Uint8Array | undefined {
  const file = zip.files[path];
  if (file === undefined || file.dir) return undefined;
  const { data, method, crc } = rawEntry(file, path);
  let bytes: Uint8Array;
  if (method === STORED) {
    if (data.byteLength > cap) throw xlsxError("partTooLarge", { part: path, bytes: data.byteLength, max: cap });
    bytes = data;
  } else {
    try {
      bytes = inflateRawSync(data, { maxOutputLength: cap });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
        throw xlsxError("partInflatesTooMuch", { part: path, max: cap });
      throw xlsxError("compressedDamaged", { part: path });
    }
  }
  // Damaged data can still inflate to something: the checksum tells (JSZip does not check it by default).
  if (crc !== undefined && crc32(bytes) !== crc) throw xlsxError("checksum", { part: path });
  return bytes;
}

/** How many bytes a part really inflates to, counted as it streams (nothing kept); stops past `cap`. */
function inflatedSize(data: Uint8Array, cap: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let total = 0;
    inflater.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > cap) {
        inflater.destroy();
        resolve(total);
      }
    });
    inflater.on("end", () => resolve(total));
    inflater.on("error", () => reject(xlsxError("compressedDamaged", { part: path })));
    inflater.end(data);
  });
}

async function openZip(buffer: Uint8Array): Promise<JSZip> {
  if (buffer.byteLength > XLSX_READ_LIMITS.maxFileBytes) {
    throw xlsxError("workbookTooLarge", { bytes: buffer.byteLength, max: XLSX_READ_LIMITS.maxFileBytes });
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    // JSZip's own text ("Corrupted zip: can't find end of central directory") means nothing to the
    // person who picked the file; what matters is that it is not a workbook.
    throw xlsxError("notXlsx", {});
  }
  const files = Object.values(zip.files);
  if (files.length > XLSX_READ_LIMITS.maxParts) throw xlsxError("tooManyParts", { max: XLSX_READ_LIMITS.maxParts });
  const inflated = files.reduce((total, f) => total + (uncompressedSize(f) ?? 0), 0);
  if (inflated > XLSX_READ_LIMITS.maxUncompressedBytes) {
    throw xlsxError("workbookInflatesTooMuch", { bytes: inflated, max: XLSX_READ_LIMITS.maxUncompressedBytes });
  }
  return zip;
}

/**
 * Checks that no part inflates to more than the size the zip declares for it (counted while
 * streaming, stopped at the declared size), so that the total checked by openZip is the real one
 * before a library (ExcelJS) inflates every part in full.
 */
async function checkDeclaredSizes(zip: JSZip): Promise<void> {
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const declared = uncompressedSize(file) ?? 0;
    const { data, method } = rawEntry(file, path);
    const real = method === STORED ? data.byteLength : await inflatedSize(data, declared, path);
    if (real > declared) throw xlsxError("declaredSize", { part: path, declared });
  }
}

/** A part as text (UTF-8), at most `cap` bytes inflated. */
function readPartText(zip: JSZip, path: string, cap: number): string | undefined {
  const bytes = readPartBytes(zip, path, cap);
  return bytes === undefined ? undefined : new TextDecoder("utf-8").decode(bytes);
}

function partNumber(path: string): number {
  return Number(/(\d+)\.xml$/.exec(path)?.[1] ?? 0);
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

/** A part's text: UTF-8, or UTF-16 when it begins with a byte order mark (Office may save custom XML so). */
function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/**
 * The custom XML data parts of a package, whatever their numbers: the targets of the workbook's
 * customXml relationships, and any other XML file in customXml/ that is not a properties part.
 * Excel renumbers these parts when it saves (item1 may become item3), adds its own (cover-page and
 * other properties, each with an itemProps part) and rewrites the relationships; our parts are then
 * found by their namespace, never by number. Sorted by number, then name.
 */
async function customXmlPaths(zip: JSZip): Promise<string[]> {
  const found = new Set<string>();
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = readPartText(zip, relsPath, XLSX_READ_LIMITS.maxWorkbookPartBytes);
  for (const r of rels === undefined ? [] : elementsOf(readPartXml(rels, relsPath))) {
    const { Type: type, Target: target, TargetMode: mode } = r.attributes;
    if (r.local !== "Relationship" || type !== REL_CUSTOM_XML || target === undefined || mode === "External") continue;
    // Targets are relative to xl/ ("../customXml/item1.xml") or absolute from the package root ("/customXml/item1.xml").
    const resolved: string[] = [];
    for (const p of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
      if (p === "..") resolved.pop();
      else if (p !== "." && p !== "") resolved.push(p);
    }
    found.add(resolved.join("/"));
  }
  for (const path of Object.keys(zip.files)) {
    if (/^customXml\/[^/]+\.xml$/i.test(path) && !/^customXml\/itemProps[^/]*\.xml$/i.test(path)) found.add(path);
  }
  return [...found]
    .filter((p) => zip.files[p] !== undefined && !zip.files[p].dir)
    .sort((a, b) => partNumber(a) - partNumber(b) || a.localeCompare(b));
}

/** A package part parsed as XML (xml.ts: linear, no DTD); a part that is not well-formed is a clear error naming it. */
function readPartXml(xml: string, path: string): XmlElement {
  try {
    return parseXml(xml);
  } catch (error) {
    throw xlsxError("inPart", { part: path, rule: xlsxRuleOf(error) });
  }
}

/** The custom XML parts of an .xlsx and the models among them. Throws a clear Error for a file that is not an .xlsx. */
export async function readXlsxContents(buffer: Uint8Array): Promise<XlsxContents> {
  const zip = await openZip(buffer);
  const customXml: string[] = [];
  const models: StoredModel[] = [];
  const unreadableRules: XlsxRuleRef[] = [];
  for (const path of await customXmlPaths(zip)) {
    // Ours are small; UTF-16 doubles the bytes of the same text. The cap holds whatever size the zip declares.
    let bytes: Uint8Array;
    try {
      bytes = readPartBytes(zip, path, XLSX_READ_LIMITS.maxCustomXmlBytes * 2) as Uint8Array;
    } catch (error) {
      unreadableRules.push(xlsxRuleOf(error));
      continue;
    }
    const xml = decodePart(bytes);
    if (xml.length > XLSX_READ_LIMITS.maxCustomXmlBytes) {
      unreadableRules.push({ id: "partTooLong", params: { part: path, chars: xml.length, max: XLSX_READ_LIMITS.maxCustomXmlBytes } });
      continue;
    }
    customXml.push(xml);
    try {
      const model = readModelPart(xml);
      if (model !== undefined) models.push(model);
    } catch (error) {
      unreadableRules.push({ id: "inPart", params: { part: path, rule: xlsxRuleOf(error) } });
    }
  }
  const workbookXml = readPartText(zip, "xl/workbook.xml", XLSX_READ_LIMITS.maxWorkbookPartBytes) ?? "";
  return {
    models,
    customXml,
    unreadable: unreadableRules.map((rule) => xlsxRuleText(rule)),
    unreadableRules,
    workbookNames: readWorkbookNames(workbookXml),
    dateSystem: readDateSystem(workbookXml),
  };
}

/**
 * The date system of a workbook from its xl/workbook.xml: "1904" when `<workbookPr date1904>` is true,
 * "1900" when it is false or absent (the default), "unknown" for a value that is not a boolean.
 * ECMA-376 Part 1, §18.2.28 workbookPr: date1904 "A value of 1 or true indicates the workbook uses
 * the 1904 backward compatibility date system"; its type is xsd:boolean ("true", "false", "1", "0",
 * surrounding spaces collapsed: XML Schema Part 2 §3.2.2), default false; §18.17.4.1 gives each
 * system's day numbers (dateSystem.ts); [MS-XLS] 2.4.77 Date1904 defines the same flag of the
 * binary format ("The first date of the 1904 date system is … January 1, 1904, specified by a serial
 * value of 0"). ExcelJS reads only "1" (lib/xlsx/xform/book/workbook-properties-xform.js), so a file
 * saying "true" is read here.
 */
export function readDateSystem(workbookXml: string): ReadDateSystem {
  if (workbookXml === "") return "1900";
  const props = elementsOf(readPartXml(workbookXml, "xl/workbook.xml")).find((e) => e.local === "workbookPr");
  const flag = props?.attributes.date1904?.trim();
  if (flag === undefined || flag === "false" || flag === "0") return "1900";
  if (flag === "true" || flag === "1") return "1904";
  return "unknown";
}

/** The models stored in an .xlsx (as the add-in lists them). */
export async function readStoredModels(buffer: Uint8Array): Promise<StoredModel[]> {
  return (await readXlsxContents(buffer)).models;
}

/** Workbook-scoped defined names from xl/workbook.xml (see XlsxContents.workbookNames). */
function readWorkbookNames(workbookXml: string): WorkbookName[] {
  const out: WorkbookName[] = [];
  if (workbookXml === "") return out;
  for (const group of elementsOf(readPartXml(workbookXml, "xl/workbook.xml"))) {
    if (group.local !== "definedNames") continue;
    for (const n of elementsOf(group)) {
      const { name, localSheetId, comment, hidden } = n.attributes;
      if (n.local !== "definedName" || name === undefined || localSheetId !== undefined || name.startsWith("_xlnm.")) continue;
      out.push({ name, formula: `=${textOf(n)}`, ...(comment === undefined ? {} : { comment }), hidden: hidden === "1" || hidden === "true" });
    }
  }
  return out;
}

/** A relationship's target from the part that holds it: ("xl/worksheets/sheet1.xml", "../tables/table1.xml") -> "xl/tables/table1.xml". */
function resolveTarget(from: string, target: string): string {
  const parts = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const p of (target.startsWith("/") ? target.slice(1) : target).split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** The targets of a part's relationships of one type. */
function relationshipTargets(zip: JSZip, part: string, type: string): Map<string, string> {
  const relsPath = `${part.split("/").slice(0, -1).join("/")}/_rels/${part.split("/").pop()}.rels`;
  const out = new Map<string, string>();
  const rels = readPartText(zip, relsPath, XLSX_READ_LIMITS.maxWorkbookPartBytes);
  for (const r of rels === undefined ? [] : elementsOf(readPartXml(rels, relsPath))) {
    const { Id: id, Type: t, Target: target, TargetMode: mode } = r.attributes;
    if (r.local === "Relationship" && t === type && id !== undefined && target !== undefined && mode !== "External")
      out.set(id, resolveTarget(part, target));
  }
  return out;
}

const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

/**
 * The tables of each sheet, by sheet index in the workbook's order (ECMA-376 Part 1 §18.5.1.2):
 * workbook.xml's sheets -> their parts -> each sheet's table parts. A table without a header row
 * (headerRowCount="0") is left out: a TableSpec has one.
 */
function readTables(zip: JSZip, workbookXml: string): Map<number, TableSpec[]> {
  const out = new Map<number, TableSpec[]>();
  if (workbookXml === "") return out;
  const sheetParts = relationshipTargets(zip, "xl/workbook.xml", REL_WORKSHEET);
  const sheets = elementsOf(readPartXml(workbookXml, "xl/workbook.xml")).find((e) => e.local === "sheets");
  if (sheets === undefined) return out;
  elementsOf(sheets).forEach((sheet, index) => {
    const rid = Object.entries(sheet.attributes).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const part = rid === undefined ? undefined : sheetParts.get(rid);
    if (part === undefined) return;
    for (const path of relationshipTargets(zip, part, REL_TABLE).values()) {
      const xml = readPartText(zip, path, XLSX_READ_LIMITS.maxWorkbookPartBytes);
      if (xml === undefined) continue;
      const table = readPartXml(xml, path);
      const { name, ref, headerRowCount } = table.attributes;
      if (name === undefined || ref === undefined || headerRowCount === "0") continue;
      const children = elementsOf(table);
      const columns = elementsOf(children.find((e) => e.local === "tableColumns") ?? table)
        .filter((e) => e.local === "tableColumn")
        .map((e) => decodeOoxmlString(e.attributes.name ?? ""));
      const style = children.find((e) => e.local === "tableStyleInfo")?.attributes.name ?? "";
      out.set(index, [...(out.get(index) ?? []), { name, ref, columns, style }]);
    }
  });
  return out;
}

/** The bracketed items of a structured reference's inside ("[#All],[A]:[B]" -> ["#All", ",", "A", ":", "B"]), ' escapes undone. */
function structuredItems(inside: string): string[] | undefined {
  if (!inside.startsWith("[")) return [inside.replace(/'(.)/g, "$1")];
  const items: string[] = [];
  let i = 0;
  while (i < inside.length) {
    const ch = inside[i];
    if (ch === "," || ch === ":") {
      items.push(ch);
      i++;
      continue;
    }
    if (ch !== "[") return undefined;
    let text = "";
    i++;
    while (i < inside.length && inside[i] !== "]") {
      if (inside[i] === "'") i++;
      text += inside[i] ?? "";
      i++;
    }
    if (inside[i] !== "]") return undefined;
    items.push(text);
    i++;
  }
  return items;
}

/**
 * A defined name's structured reference to one of the sheet's tables ("T[Shares]", "T[[#All],[A]:[B]]",
 * "T[#All]", "T[#Data]") as the part of the table and the range it covers now; undefined when it is not one.
 */
function tableReference(text: string, tables: readonly TableSpec[]): { ref: string; table: TablePart } | undefined {
  const m = /^([A-Za-z_\\][A-Za-z0-9_.\\]*)\[(.*)\]$/.exec(text.trim());
  const table = m === null ? undefined : tables.find((t) => t.name.toLowerCase() === m[1].toLowerCase());
  const rect = table === undefined ? undefined : parseRange(table.ref);
  const items = m === null ? undefined : structuredItems(m[2]);
  if (table === undefined || rect === undefined || items === undefined) return undefined;
  let all = false;
  const columns: number[] = [];
  for (const item of items) {
    if (item === "," || item === ":") continue;
    if (item.toLowerCase() === "#all") all = true;
    else if (item.toLowerCase() === "#data") all = false;
    else {
      const k = table.columns.findIndex((c) => c.toLowerCase() === item.toLowerCase());
      if (k < 0) return undefined;
      columns.push(k);
    }
  }
  // Every column (T[#All], or the run of all of them): no column, as a TableSpec part says it.
  const every = columns.length === 0 || (columns.length === 2 && columns[0] === 0 && columns[1] === table.columns.length - 1);
  const first = every ? undefined : columns[0];
  const last = every ? undefined : columns[columns.length - 1];
  const part: TablePart = {
    table: table.name,
    ...(first === undefined ? {} : { column: first }),
    ...(last === undefined || last === first ? {} : { lastColumn: last }),
    ...(all ? { all: true } : {}),
  };
  // Always "from:to", as a part of a table is a range even when it is one cell.
  const ref = `${cellAddress(all ? rect.top : rect.top + 1, first === undefined ? rect.left : rect.left + first)}:${cellAddress(
    rect.bottom,
    rect.left + (last ?? first ?? rect.right - rect.left),
  )}`;
  return { ref, table: part };
}

/**
 * Sheet-scoped defined names from xl/workbook.xml, by sheet index, with the sheet prefix and "$"
 * removed; a name on a part of one of the sheet's tables (a structured reference) with its `table`
 * and the range the table gives it now.
 */
function readDefinedNames(workbookXml: string, tables: ReadonlyMap<number, readonly TableSpec[]> = new Map()): Map<number, NameSpec[]> {
  const bySheet = new Map<number, NameSpec[]>();
  if (workbookXml === "") return bySheet;
  const workbook = readPartXml(workbookXml, "xl/workbook.xml");
  for (const group of elementsOf(workbook)) {
    if (group.local !== "definedNames") continue;
    for (const n of elementsOf(group)) {
      const { name, localSheetId, comment } = n.attributes;
      if (n.local !== "definedName" || name === undefined || localSheetId === undefined || name.startsWith("_xlnm.")) continue;
      const index = Number(localSheetId);
      const text = textOf(n);
      const onTable = text.includes("!") ? undefined : tableReference(text, tables.get(index) ?? []);
      const ref = onTable?.ref ?? text.slice(text.lastIndexOf("!") + 1).replace(/\$/g, "");
      const list = bySheet.get(index) ?? [];
      list.push({ name, ref, ...(comment === undefined ? {} : { comment }), ...(onTable === undefined ? {} : { table: onTable.table }) });
      bySheet.set(index, list);
    }
  }
  return bySheet;
}

/**
 * The day number a Date from ExcelJS stands for, as the file stores it: ExcelJS turns a number under
 * a date format into a Date with the offset of the date system it read (`excel1904`: it reads
 * `date1904="1"` only), undone here, so a cell reads back as its stored number in either system.
 */
const storedSerial = (d: Date, excel1904: boolean): number => d.getTime() / 86_400_000 + 25_569 - (excel1904 ? 1462 : 0);

function readCell(cell: ExcelJS.Cell, excel1904: boolean): CellSpec | undefined {
  // A cell merged into another holds nothing of its own (ExcelJS hands it the first cell's value).
  if (cell.isMerged && cell.master.address !== cell.address) return undefined;
  const v = cell.value;
  const format = {
    ...(cell.numFmt && cell.numFmt !== "General" ? { format: cell.numFmt } : {}),
    ...(cell.alignment?.wrapText === true ? { wrap: true as const } : {}),
  };
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { address: cell.address, value: v, ...format };
  if (typeof v === "object" && "formula" in v && typeof v.formula === "string") {
    // The cell's model, not its value: ExcelJS's value getter drops a cached result of 0, "" or false.
    // ExcelJS decodes the ST_Xstring escapes (`_xHHHH_`, xml.ts) of shared strings only: a formula
    // and its cached text result are decoded here.
    const result = (cell.model as { result?: unknown }).result;
    // A cached number under a date format comes as a Date (UTC), as a literal does below: Excel's day number.
    const expected =
      typeof result === "number"
        ? { expected: result }
        : result instanceof Date
          ? { expected: storedSerial(result, excel1904) }
          : typeof result === "string"
            ? { expected: decodeOoxmlString(result) }
            : {};
    // A call bound to the add-in is stored as _xldudf_CAPTABLE_<ID>( (by Excel and by xlsxWriter.ts).
    // A function added after Excel 2007 is stored with its prefix (`_xlfn.QUARTILE.INC`, futureFunctions.ts): read as typed.
    return { address: cell.address, formula: `=${stripFuturePrefixes(unbindAddInCalls(decodeOoxmlString(v.formula)))}`, ...expected, ...format };
  }
  // A number under a date format: ExcelJS hands a Date (UTC); the cell holds Excel's day number.
  if (v instanceof Date) return { address: cell.address, value: storedSerial(v, excel1904), ...format };
  if (typeof v === "object" && "richText" in v) return { address: cell.address, value: v.richText.map((r) => r.text).join(""), ...format };
  throw xlsxError("unsupportedCell", { sheet: cell.worksheet.name, cell: cell.address });
}

/** The cached value of a cell inside a spill range (a literal as Excel stores it), as a spill value. */
function spilledValue(cell: ExcelJS.Cell, excel1904: boolean): number | string {
  const read = readCell(cell, excel1904);
  const v = read?.formula !== undefined ? read.expected : read?.value;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

/**
 * The sheets of an .xlsx as SheetSpecs: every non-empty cell (literal, or formula with its cached
 * result as `expected`), number formats, column widths, gridlines and the sheet-scoped names.
 * A formula stored over a spill range (`<f t="array" ref="A1:C9">`, a dynamic array) gets `spill`,
 * the cached values of its range, and the cells it spills over are left out, as spec.ts describes.
 * Tables come back as TableSpecs (their parts), and names on them with their `table`.
 * Styles and charts are not read back. A date cell holds its day number as the file stores it, in
 * the workbook's date system (`readXlsxContents(...).dateSystem`; a 1904 workbook's are 1,462 smaller).
 */
export async function readSheetSpecs(buffer: Uint8Array): Promise<SheetSpec[]> {
  const zip = await openZip(buffer);
  await checkDeclaredSizes(zip);
  const workbookXml = readPartText(zip, "xl/workbook.xml", XLSX_READ_LIMITS.maxWorkbookPartBytes) ?? "";
  const tables = readTables(zip, workbookXml);
  const names = readDefinedNames(workbookXml, tables);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const excel1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return wb.worksheets.map((ws, index) => {
    const cells: CellSpec[] = [];
    const spilledOver = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const spec = readCell(cell, excel1904);
        if (spec === undefined) return;
        const model = cell.model as { shareType?: string; ref?: string };
        const range = model.shareType === "array" && spec.formula !== undefined ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(model.ref ?? "") : null;
        if (range === null) {
          cells.push(spec);
          return;
        }
        const spill: (number | string)[][] = [];
        for (let r = Number(range[2]); r <= Number(range[4]); r++) {
          const values: (number | string)[] = [];
          for (let c = ws.getColumn(range[1]).number; c <= ws.getColumn(range[3]).number; c++) {
            const over = ws.getCell(r, c);
            if (over.address !== cell.address) spilledOver.add(over.address);
            values.push(over.address === cell.address ? (spec.expected ?? "") : spilledValue(over, excel1904));
          }
          spill.push(values);
        }
        cells.push({ ...spec, spill });
      });
    });
    const columns: ColumnSpec[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.width !== undefined) columns.push({ column: col.letter, width: col.width });
    }
    const rows: RowSpec[] = [];
    // A row's stored height (<row ht>; ExcelJS reads no other).
    ws.eachRow({ includeEmpty: true }, (row) => {
      if (row.height !== undefined && row.height > 0) rows.push({ row: row.number, height: row.height });
    });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    const view = ws.views[0] as { showGridLines?: boolean } | undefined;
    return {
      name: ws.name,
      cells: cells.filter((c) => !spilledOver.has(c.address)),
      names: names.get(index) ?? [],
      columns,
      ...(rows.length === 0 ? {} : { rows }),
      ...(merges.length === 0 ? {} : { merges: [...merges] }),
      showGridlines: view?.showGridLines ?? true,
      ...(tables.has(index) ? { tables: tables.get(index) } : {}),
    };
  });
}
