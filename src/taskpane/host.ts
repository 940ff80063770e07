/**
 * Where the taskpane's models live: Excel (Office.js) or, in a plain browser, the page itself
 * (preview). The UI talks only to `ModelHost`; the Office.js calls are all here, thin: the model is
 * computed by `buildStakeSaleModel` and written by the workbook's writer, never by the UI.
 */
import type { SheetSpec } from "../workbook/spec";
import type { StoredModel } from "../workbook/modelXml";
import { ModelWriteError, writeModelSheet } from "../workbook/officeWriter";
import { listModelsWithBinding, type ListedModel } from "../workbook/modelStore";
import { freeSheetName } from "../workbook/office/plan";
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
}

/** The largest selection "Paste from selection" reads (a cap table has at most 500 holders). */
export const MAX_SELECTION = { rows: 1000, columns: 20 } as const;

/** A failed write; `undone` says whether the workbook was left as it was (the writer's rollback worked). */
export class HostWriteError extends Error {
  readonly undone: boolean;
  constructor(message: string, undone: boolean) {
    super(message);
    this.name = "HostWriteError";
    this.undone = undone;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
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
        return { sheetName: result.sheetName, replaced: result.replaced };
      } catch (error) {
        throw new HostWriteError(messageOf(error), error instanceof ModelWriteError ? error.undone : true);
      }
    },
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
        used.load("values");
        await context.sync();
        return used.values as unknown[][];
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
