/**
 * Renders a `SheetSpec` into Excel through Office.js and stores the model with it (one custom XML
 * part per model, see modelXml.ts). Office.js code only: what to write comes from the spec, how
 * it is grouped into ranges from office/plan.ts.
 *
 * Round trips: one `context.sync()` reads what exists (sheet names and ids, the active sheet, this
 * model's stored part), one writes everything (values and formulas per rectangle, number formats,
 * styles, column widths, gridlines, sheet-scoped names, the chart, the stored part), whatever the
 * size of the sheet. See office/parts.ts for the one case that needs an extra read.
 *
 * Safety:
 * - A new model gets a new sheet named as the spec asks, or a free variant ("OpCore deal (2)").
 * - A rebuild replaces only the sheet recorded in the model's part, under that recorded name, and
 *   only if it is still the sheet the model built: a hidden workbook-scoped name (office/marker.ts)
 *   follows that sheet through renames and turns to #REF! when it is deleted. If the user renamed
 *   or deleted it, no other sheet is touched, even one the user has since given the recorded name:
 *   a new sheet is written under a free name, and the part and the marker record it.
 * - The new sheet is built under a temporary name; the old sheet is renamed aside, the new one
 *   takes the name, and deleting the old one is the last operation of the batch. If the batch
 *   fails, whatever it did is undone (extra syncs, on the failure path only): the sheets it added
 *   are deleted, the old sheet gets its name back, the part its XML, the user their active sheet.
 * - Texts are written as texts (apostrophe prefix, see office/plan.ts `literalInput`).
 */
import { MODEL_XML_NAMESPACE, serializeModel } from "./modelXml";
import { STYLES, type ChartSpec, type SheetSpec } from "./spec";
import { rememberPart, syncWithLookup, type StoredModelPart } from "./office/parts";
import { CHART_TYPES, MAX_BATCH_BYTES, SERIES_BY, chartSeries, estimateBatchBytes, freeSheetName, planSheet, type WritePlan } from "./office/plan";
import { checkWriteRequest } from "./office/request";
import { markedSheet, markerFormula, markerName } from "./office/marker";
import { localizeFormula } from "./office/functionNames";
import { pageLayoutSupported, queuePrint, type PageLayoutLike } from "./office/print";

const MARKER_COMMENT = "CapTable: the sheet this model built (used when rebuilding it)";

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
}

interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly activeId: string;
  /** This model's part, if it is stored. */
  readonly part?: StoredModelPart;
  readonly partIds: readonly string[];
  /** The formula of this model's marker name, if the workbook has one. */
  readonly marker?: string;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Sync 1: sheet names, ids and positions, the active sheet, this model's stored part and marker. */
async function readState(context: Excel.RequestContext, modelId: string): Promise<WorkbookState> {
  const { queued, parts, partIds } = await syncWithLookup(context, modelId, () => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name,items/position");
    const active = sheets.getActiveWorksheet();
    active.load("id");
    const marker = context.workbook.names.getItemOrNullObject(markerName(modelId));
    marker.load("formula");
    return { sheets, active, marker };
  });
  return {
    sheets: queued.sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position })),
    activeId: queued.active.id,
    part: parts[0],
    partIds,
    ...(queued.marker.isNullObject ? {} : { marker: queued.marker.formula }),
  };
}

/** The sheet a rebuild may replace: the one recorded in the part, if the marker (when there is one) still points at it. */
function ownSheet(state: WorkbookState): SheetInfo | undefined {
  const recorded = state.part?.model.sheet;
  if (recorded === undefined) return undefined;
  const sheet = state.sheets.find((s) => sameName(s.name, recorded));
  if (sheet === undefined || state.marker === undefined) return sheet;
  const marked = markedSheet(state.marker);
  return typeof marked === "string" && sameName(marked, sheet.name) ? sheet : undefined;
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

/** Queues the whole sheet's content: cells, formats, styles, widths, gridlines, names, charts. */
function queueContent(sheet: Excel.Worksheet, spec: SheetSpec, plan: WritePlan, functionNames?: Readonly<Record<string, string>>): void {
  // Names first, so that the formulas using them resolve as they are entered.
  for (const n of spec.names) sheet.names.add(n.name, sheet.getRange(n.ref), n.comment);
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
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(sheet.getRange(s.categories));
  }
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
}

/** A name no sheet has, for building beside the old sheet before taking its name. */
function temporaryName(taken: readonly string[], label: string): string {
  return freeSheetName(`~${label} ${Date.now().toString(36)}`, taken);
}

interface Attempt {
  readonly modelId: string;
  readonly before: WorkbookState;
  /** Names the batch gave to sheets it added. */
  readonly addedNames: readonly string[];
  readonly old?: SheetInfo;
}

/** After a failed batch: removes what it added and restores what it changed. */
async function undo(context: Excel.RequestContext, attempt: Attempt): Promise<void> {
  const { before, addedNames, old } = attempt;
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  const scoped = context.workbook.customXmlParts.getByNamespace(MODEL_XML_NAMESPACE);
  scoped.load("items/id");
  const key = markerName(attempt.modelId);
  const marker = context.workbook.names.getItemOrNullObject(key);
  marker.load("formula");
  await context.sync();

  const existed = new Set(before.sheets.map((s) => s.id));
  for (const s of sheets.items) {
    if (!existed.has(s.id) && addedNames.some((n) => sameName(n, s.name))) s.delete();
  }
  if (old !== undefined) {
    const o = sheets.items.find((s) => s.id === old.id);
    if (o !== undefined && o.name !== old.name) o.name = old.name;
  }
  const partsBefore = new Set(before.partIds);
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded above, as "items/id"
  const partsNow = scoped.items;
  for (const p of partsNow) if (!partsBefore.has(p.id)) p.delete();
  if (before.part !== undefined && partsNow.some((p) => p.id === before.part?.partId)) {
    context.workbook.customXmlParts.getItem(before.part.partId).setXml(before.part.xml);
  }
  // After the old sheet has its name back, so that the restored reference finds it.
  if (before.marker === undefined) {
    if (!marker.isNullObject) marker.delete();
  } else if (marker.isNullObject) {
    context.workbook.names.add(key, before.marker, MARKER_COMMENT).visible = false;
  } else {
    // Always: the text may read the same while it points at the new sheet under the old name.
    marker.formula = before.marker;
  }
  if (sheets.items.some((s) => s.id === before.activeId)) sheets.getItem(before.activeId).activate();
  await context.sync();
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, "");

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

/** Writes (or rebuilds) a model sheet and stores the model; at most 2 context.sync() calls on success. */
export async function writeModelSheet(context: Excel.RequestContext, request: WriteModelRequest): Promise<WriteModelResult> {
  const { sheet: spec, functionNames } = checkWriteRequest(request);
  const plan = planSheet(spec);
  const bytes = estimateBatchBytes(plan, spec, JSON.stringify(request.model.inputs).length * 2);
  if (bytes > MAX_BATCH_BYTES) {
    throw new ModelWriteError(
      `The model sheet "${spec.name}" is too large to write in one request (about ${(bytes / 1e6).toFixed(1)} MB; Excel accepts at most 5 MB). Nothing was changed.`,
      undefined,
      true,
    );
  }

  let before: WorkbookState;
  try {
    before = await readState(context, request.model.id);
  } catch (error) {
    throw new ModelWriteError(
      `Could not read the workbook to write the model sheet "${spec.name}": ${messageOf(error)}. Nothing was changed.`,
      error,
      true,
    );
  }
  const taken = before.sheets.map((s) => s.name);
  const old = ownSheet(before);
  const finalName = old !== undefined ? old.name : freeSheetName(spec.name, taken);
  const buildName = old !== undefined ? temporaryName(taken, "building") : finalName;
  const asideName = old !== undefined ? temporaryName([...taken, buildName], "replaced") : undefined;
  const xml = serializeModel({
    id: request.model.id,
    kind: request.model.kind,
    schemaVersion: request.model.schemaVersion,
    inputs: request.model.inputs,
    sheet: finalName,
  });

  // Sync 2: the whole write, in an order where the only step that cannot be undone comes last.
  const worksheets = context.workbook.worksheets;
  const sheet = worksheets.add(buildName);
  queueContent(sheet, spec, plan, functionNames);
  if (old !== undefined) sheet.position = old.position;
  // The marker follows the new sheet from here on, through the renames below.
  const key = markerName(request.model.id);
  if (before.marker !== undefined) context.workbook.names.getItem(key).formula = markerFormula(buildName);
  else context.workbook.names.add(key, sheet.getRange("A1"), MARKER_COMMENT).visible = false;
  const part = before.part !== undefined ? context.workbook.customXmlParts.getItem(before.part.partId) : context.workbook.customXmlParts.add(xml);
  if (before.part !== undefined) part.setXml(xml);
  part.load("id");
  const oldSheet = old !== undefined ? worksheets.getItem(old.id) : undefined;
  if (oldSheet !== undefined && asideName !== undefined) {
    oldSheet.name = asideName;
    sheet.name = finalName;
  }
  sheet.activate();
  oldSheet?.delete();

  try {
    await context.sync();
  } catch (error) {
    const what = `Could not write the model sheet "${finalName}": ${messageOf(error)}`;
    try {
      await undo(context, { modelId: request.model.id, before, addedNames: [buildName, finalName], old });
    } catch (undoError) {
      throw new ModelWriteError(
        `${what}. Undoing the partial write also failed (${messageOf(undoError)}): check the workbook for a sheet named "${buildName}".`,
        error,
        false,
      );
    }
    throw new ModelWriteError(`${what}. The workbook was left as it was.`, error, true);
  }
  rememberPart(part.id, request.model.id);
  return { sheetName: finalName, replaced: old !== undefined };
}
