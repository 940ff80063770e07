/**
 * Where the taskpane's models live: Excel (Office.js) or, in a plain browser, the page itself
 * (preview). The UI talks only to `ModelHost`; the Office.js calls are all here, thin: the model is
 * computed by `buildStakeSaleModel` and written by the workbook's writer, never by the UI.
 */
import { Decimal, type EngineError, isEngineError, messageOf } from "../engine";
import type { InputSpec, SheetSpec } from "../workbook/spec";
import type { StoredModel } from "../workbook/modelXml";
import { ModelWriteError, writeModelSheet, type WriteModelResult } from "../workbook/officeWriter";
import { listModelsWithBinding, readSheetInputs, type ListedModel, type SheetRead } from "../workbook/modelStore";
import { freeSheetName } from "../workbook/office/plan";
import { queueDateSystem } from "../workbook/office/dateSystem";
import { isDateFormat, serialToIsoDate, type ReadDateSystem } from "../workbook/dateSystem";
import { localizedFunctionNames } from "../functions/functionLocales";

/** What Build hands to a host: the built model (see src/model/stakeSaleModel.ts) and its stable id. */
export interface ModelToWrite {
  readonly id: string;
  readonly kind: string;
  readonly schemaVersion: number;
  readonly inputs: unknown;
  readonly sheet: SheetSpec;
}

export interface WriteResult {
  /** The sheet the model is on (the writer may have picked a free name). */
  readonly sheetName: string;
  /** True when an existing model sheet was replaced (a rebuild). */
  readonly replaced: boolean;
  /** Set when the model's sheet could not be proven its own and a new sheet was written (officeWriter.ts `notReplaced`). */
  readonly notReplaced?: WriteModelResult["notReplaced"];
  /** The sheet as written, for the preview (preview host only). */
  readonly sheet?: SheetSpec;
}

export interface ModelHost {
  readonly mode: "excel" | "preview";
  /** The models stored in the workbook (or the page); `unbound` marks one written outside the add-in, to rebuild. */
  listModels(): Promise<ListedModel[]>;
  /** Writes (or, for a known id, replaces) the model's sheet and stores its inputs. */
  writeModel(model: ModelToWrite): Promise<WriteResult>;
  /** The values of the selected cells (Excel only; a bounded block). */
  readSelection?(): Promise<unknown[][]>;
  /** The model's input cells and tables as its sheet holds them (Excel only; undefined when no sheet is provably the model's). */
  readSheetInputs?(id: string, inputs: readonly InputSpec[]): Promise<SheetRead | undefined>;
}

/** The largest selection "Paste from selection" reads (a cap table has at most 500 holders). */
export const MAX_SELECTION = { rows: 1000, columns: 20 } as const;

/** A failed write; `undone` says whether the workbook was left as it was (the writer's rollback worked). */
export class HostWriteError extends Error {
  readonly undone: boolean;
  /** The engine's error behind it, if any, so the UI words its rule in its own language (`engineMessage`). */
  readonly engineError?: EngineError;
  constructor(message: string, undone: boolean, engineError?: EngineError) {
    super(message);
    this.name = "HostWriteError";
    this.undone = undone;
    this.engineError = engineError;
  }
}

/** Whether an Excel number format shows its number as a percentage: a "%" outside quoted text, escapes and [brackets]. */
export function isPercentFormat(format: unknown): boolean {
  return typeof format === "string" && /%/.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
}

/**
 * The selection's values, with each number formatted as a percentage turned into the text Excel
 * shows ("20%" for 0.2). Range.values holds the raw value, Range.numberFormat how it is shown
 * (Microsoft, "Set and get range values, text, or formulas using the Excel JavaScript API"): read
 * raw, a 20% cell would be 0.2 and a percentage column would take it as 0.2%. As a text with its
 * "%", a percentage column reads it as 20% and a number column refuses it, never a silent factor of 100.
 */
export function percentagesAsShown(values: unknown[][], formats: unknown[][] | undefined): unknown[][] {
  if (!Array.isArray(formats)) return values;
  return values.map((row, i) =>
    row.map((v, j) =>
      typeof v === "number" && Number.isFinite(v) && isPercentFormat(formats[i]?.[j])
        ? `${new Decimal(v).times(100).toSignificantDigits(15).toFixed()}%`
        : v,
    ),
  );
}

/**
 * Dates read as Excel shows them: a number in a cell formatted as a date (`isDateFormat`) is its day
 * number in the workbook's date system, so it becomes that date as ISO text ("2025-01-01"), which the
 * form's date fields hold. When the system is unknown (Excel did not say), or the number is no whole
 * day of it, the number is kept: a date column then refuses it, never reads it as another date.
 */
export function datesAsShown(values: unknown[][], formats: unknown[][] | undefined, system: ReadDateSystem): unknown[][] {
  if (!Array.isArray(formats) || system === "unknown") return values;
  return values.map((row, i) =>
    row.map((v, j) => {
      const format = formats[i]?.[j];
      if (typeof v !== "number" || typeof format !== "string" || !isDateFormat(format)) return v;
      return serialToIsoDate(v, system) ?? v;
    }),
  );
}

/**
 * Excel through Office.js. `displayLanguage` (Office.context.displayLanguage) picks the custom
 * functions' names the writer uses in formulas: the ones Excel loaded for that language
 * (src/functions/functionLocales.ts).
 */
export function excelHost(options: { displayLanguage?: string | null } = {}): ModelHost {
  const functionNames = localizedFunctionNames(options.displayLanguage);
  return {
    mode: "excel",
    listModels: () => Excel.run((context) => listModelsWithBinding(context)),
    async writeModel(model) {
      try {
        const result = await Excel.run((context) =>
          writeModelSheet(context, {
            sheet: model.sheet,
            model: { id: model.id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.inputs },
            ...(functionNames === undefined ? {} : { functionNames }),
          }),
        );
        return result;
      } catch (error) {
        throw new HostWriteError(messageOf(error), error instanceof ModelWriteError ? error.undone : true, isEngineError(error) ? error : undefined);
      }
    },
    readSheetInputs: (id, inputs) =>
      Excel.run((context) => readSheetInputs(context, id, inputs)).catch((error: unknown) => {
        throw new Error(messageOf(error));
      }),
    readSelection: () =>
      Excel.run(async (context) => {
        // Clip a whole-column selection to the used cells before reading any value.
        const selected = context.workbook.getSelectedRange();
        const used = selected.getUsedRangeOrNullObject(true);
        used.load("rowCount,columnCount");
        await context.sync();
        if (used.isNullObject) return [];
        if (used.rowCount > MAX_SELECTION.rows || used.columnCount > MAX_SELECTION.columns) {
          throw new Error(
            `select at most ${MAX_SELECTION.rows} rows and ${MAX_SELECTION.columns} columns (got ${used.rowCount} x ${used.columnCount})`,
          );
        }
        used.load("values,numberFormat");
        // The workbook's date system, asked in the same round trip (a date cell holds a day number of it).
        const dateSystem = queueDateSystem(context);
        await context.sync();
        const formats = used.numberFormat as unknown[][] | undefined;
        return datesAsShown(percentagesAsShown(used.values as unknown[][], formats), formats, dateSystem());
      }).catch((error: unknown) => {
        throw new Error(messageOf(error));
      }),
  };
}

/** The preview: models kept in memory, in this page, with the same replace-only-my-sheet rule. */
export function previewHost(): ModelHost & { sheetOf(id: string): SheetSpec | undefined } {
  const models = new Map<string, { stored: StoredModel; sheet: SheetSpec }>();
  return {
    mode: "preview",
    listModels: async () => [...models.values()].map((m) => m.stored),
    async writeModel(model) {
      const previous = models.get(model.id);
      const taken = new Set([...models.values()].filter((m) => m.stored.id !== model.id).map((m) => m.stored.sheet));
      const sheetName =
        previous !== undefined && previous.stored.sheet !== "" && !taken.has(previous.stored.sheet)
          ? previous.stored.sheet
          : freeSheetName(model.sheet.name, taken);
      const sheet: SheetSpec = { ...model.sheet, name: sheetName };
      // Stored as JSON text and read back, as a workbook would: nothing shared with the form's state.
      const inputs: unknown = JSON.parse(JSON.stringify(model.inputs));
      models.set(model.id, { stored: { id: model.id, sheet: sheetName, kind: model.kind, schemaVersion: model.schemaVersion, inputs }, sheet });
      return { sheetName, sheet, replaced: previous !== undefined };
    },
    sheetOf: (id) => models.get(id)?.sheet,
  };
}
