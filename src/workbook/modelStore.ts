/**
 * The models stored in the workbook (one custom XML part per model, see modelXml.ts), through
 * Office.js: list them, load one, delete one. Writing a model (its sheet and its part together)
 * is `writeModelSheet` in officeWriter.ts.
 *
 * Deleting a stored model removes its part only: the sheet it built stays, as a plain sheet that
 * the user owns from then on (it may hold their notes or links).
 */
import type { StoredModel } from "./modelXml";
import { forgetPart, readAllParts, rememberMarker, syncWithLookup } from "./office/parts";
import { markedSheet, markerName, writtenByCli } from "./office/marker";
import type { InputSpec } from "./spec";
import { isTableNamed } from "./tables";
import { queueDateSystem } from "./office/dateSystem";
import type { ReadDateSystem } from "./dateSystem";

export type { StoredModel } from "./modelXml";

/** Every model stored in the workbook, in the workbook's order; a model found twice is listed once. Two syncs. */
export async function listStoredModels(context: Excel.RequestContext): Promise<StoredModel[]> {
  const seen = new Set<string>();
  const out: StoredModel[] = [];
  for (const p of await readAllParts(context)) {
    if (seen.has(p.model.id)) continue;
    seen.add(p.model.id);
    out.push(p.model);
  }
  return out;
}

/** A stored model as the taskpane lists it. */
export interface ListedModel extends StoredModel {
  /**
   * Set on a model written outside the add-in: its marker name (office/marker.ts) says the command
   * line wrote the sheet, or the workbook has no marker for it (a command-line workbook from before
   * the markers). Its add-in cells are not live until the taskpane rewrites the sheet (open the
   * model, press Rebuild): formulas entered through Office.js while the add-in is loaded are bound
   * to it, and the rebuild marks the sheet as the add-in's. Without a marker, Rebuild cannot prove
   * which sheet is the model's and writes a new one (officeWriter.ts).
   */
  readonly unbound?: true;
}

/**
 * Every stored model, as listStoredModels, each flagged `unbound` when its marker name says the
 * command line wrote its sheet, or when there is no marker. Same syncs as listStoredModels: the
 * names are read with the parts.
 */
export async function listModelsWithBinding(context: Excel.RequestContext): Promise<ListedModel[]> {
  const names = context.workbook.names;
  names.load("items/name,items/comment");
  const models = await listStoredModels(context);
  const comments = new Map(names.items.map((n) => [n.name.toUpperCase(), n.comment]));
  for (const m of models) rememberMarker(m.id, comments.has(markerName(m.id).toUpperCase()));
  return models.map((m) => {
    const key = markerName(m.id).toUpperCase();
    return comments.has(key) && !writtenByCli(comments.get(key)) ? m : { ...m, unbound: true };
  });
}

/** The stored model with this id, or undefined. One sync when the session already knows the workbook's parts, else two. */
export async function loadStoredModel(context: Excel.RequestContext, id: string): Promise<StoredModel | undefined> {
  const { parts } = await syncWithLookup(context, id, () => undefined);
  return parts[0]?.model;
}

/**
 * Removes the stored model with this id (every part holding it, and the hidden name that tracks its
 * sheet); true if there was one. Its sheet is left in place.
 */
export async function deleteStoredModel(context: Excel.RequestContext, id: string): Promise<boolean> {
  const { queued: marker, parts } = await syncWithLookup(context, id, () => {
    const item = context.workbook.names.getItemOrNullObject(markerName(id));
    item.load("name");
    return item;
  });
  if (parts.length === 0) return false;
  for (const p of parts) context.workbook.customXmlParts.getItem(p.partId).delete();
  if (!marker.isNullObject) marker.delete();
  await context.sync();
  for (const p of parts) forgetPart(p.partId);
  return true;
}

/** What `readSheetInputs` read: the model's sheet (as it is called now) and, per input field, its range's rows of values. */
export interface SheetRead {
  readonly sheetName: string;
  readonly values: ReadonlyMap<string, unknown[][]>;
  /** The workbook's date system (office/dateSystem.ts): which day numbers its date cells hold; "unknown" when Excel could not tell. */
  readonly dateSystem: ReadDateSystem;
}

/**
 * Reads the model's input cells and tables (`inputs`, from the spec its stored inputs build) from
 * the sheet its marker points at (office/marker.ts); undefined when no sheet is provably the
 * model's (no marker, or its sheet deleted). An input on an Excel table (InputSpec.table) is read
 * from the table's data rows as they are now (`Table.getDataBodyRange`, ExcelApi 1.1): a row the
 * user added is read, a row deleted is gone; the table is found on that sheet by its name, or the
 * free variant the writer gave it (tables.ts `isTableNamed`), and when the sheet has no such table
 * any more, the rows where it was built are read. The workbook's date system is asked with the
 * marker (office/dateSystem.ts), so that a date cell's day number is read as the right date. Two
 * syncs: the marker, the workbook's tables and the date system, then the values.
 */
export async function readSheetInputs(context: Excel.RequestContext, id: string, inputs: readonly InputSpec[]): Promise<SheetRead | undefined> {
  const marker = context.workbook.names.getItemOrNullObject(markerName(id));
  marker.load("formula");
  const withTables = inputs.some((i) => i.table !== undefined);
  const tables = context.workbook.tables;
  if (withTables) tables.load("items/name,items/worksheet/name");
  const dateSystem = queueDateSystem(context);
  await context.sync();
  if (marker.isNullObject) return undefined;
  const sheetName = markedSheet(marker.formula);
  if (typeof sheetName !== "string") return undefined;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const onSheet = withTables ? tables.items.filter((t) => t.worksheet.name.toLowerCase() === sheetName.toLowerCase()).map((t) => t.name) : [];
  const ranges = inputs.map((i) => {
    const wanted = i.table;
    const table =
      wanted === undefined
        ? undefined
        : (onSheet.find((n) => n.toLowerCase() === wanted.toLowerCase()) ?? onSheet.find((n) => isTableNamed(n, wanted)));
    const range = table === undefined ? sheet.getRange(i.ref) : sheet.tables.getItem(table).getDataBodyRange();
    range.load("values");
    return { field: i.field, range, width: table === undefined ? undefined : i.columns?.length };
  });
  await context.sync();
  return {
    sheetName,
    dateSystem: dateSystem(),
    values: new Map(
      ranges.map((r) => {
        const rows = r.range.values as unknown[][];
        return [r.field, r.width === undefined ? rows : rows.map((row) => row.slice(0, r.width))];
      }),
    ),
  };
}
