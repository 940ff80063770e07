/**
 * Templates to .xlsx workbooks and back, outside Excel (the command line; Node only).
 *
 * A workbook built from a template holds, besides the model sheet:
 * - the model, stored as the add-in stores it (modelXml.ts), so the add-in lists and re-opens it;
 * - the template it came from (templates/workbookPart.ts), so title, description, the inputs to
 *   fill and the presentation survive the trip. When the two disagree (the model was changed in
 *   Excel afterwards), the model's inputs win: they are what the sheet shows.
 */
import { buildModel, MODEL_SCHEMA_VERSIONS, type BuiltModel } from "../model/build";
import { stakeSaleInputWarnings } from "../model/stakeSaleModel";
import {
  DEFAULT_PRESENTATION,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  inputFromTemplate,
  parseSafeJson,
  readTemplatePart,
  presentSheet,
  serializeTemplatePart,
  templateToJson,
  validateTemplate,
  type IssueMessage,
  type Template,
  type TemplateResult,
} from "../templates";
import { type RuleId, type RuleParams, issueText, ruleIssue } from "../model/ruleMessages";
import { newModelId } from "../workbook/modelXml";
import { type SheetLanguage, sheetText } from "../model/sheetText";
import type { SheetSpec } from "../workbook/spec";
import { writeXlsx } from "../workbook/xlsxWriter";
import { readXlsxContents } from "../workbook/xlsxReader";
import type { XlsxRuleRef } from "../workbook/xlsxRules";

// The builders of every kind live in src/model/build.ts; re-exported for the command line's callers.
export { buildModel, MODEL_SCHEMA_VERSIONS, type BuiltModel };

export interface BuiltWorkbook {
  readonly buffer: Buffer;
  readonly sheetName: string;
  readonly modelId: string;
  /** The sheet as written (after presentation), with the engine's values as `expected`. */
  readonly sheet: SheetSpec;
  /** Charts written into the .xlsx, and charts left out (waterfall charts). */
  readonly chartsWritten: number;
  readonly chartsSkipped: number;
  /** Inputs that are allowed but look wrong, in the sheet's words and language (the sheet shows them too); empty for most models. */
  readonly warnings: readonly string[];
  /** The cells that call the add-in ('Sheet'!B4): they show the cached values until the add-in recalculates them. */
  readonly addInCells: readonly string[];
}

/**
 * Builds the model a template describes and writes it as an .xlsx, with the model and the template
 * stored inside; the sheet's words in `language` (the stored model and template are the same in either).
 */
export async function workbookFromTemplate(
  template: Template,
  modelId: string = newModelId(),
  language: SheetLanguage = "en",
): Promise<BuiltWorkbook> {
  const model = buildModel(inputFromTemplate(template), { language });
  const sheet = presentSheet(model.sheet, template, language);
  const result = await writeXlsx({
    sheets: [
      {
        spec: sheet,
        model: { id: modelId, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
        parts: [serializeTemplatePart(modelId, templateToJson(template))],
      },
    ],
    properties: { title: template.title, description: template.description },
  });
  return {
    warnings: model.input.kind === "stakeSale" ? stakeSaleInputWarnings(model.input).map((w) => sheetText(language).stakeSale.warningText(w)) : [],
    buffer: result.buffer,
    sheetName: result.sheetNames[0],
    modelId,
    sheet,
    chartsWritten: result.chartsWritten,
    chartsSkipped: result.chartsSkipped,
    addInCells: result.addInCells,
  };
}

export interface WorkbookTemplate {
  readonly modelId: string;
  readonly sheet: string;
  readonly kind: string;
  /** The template, or why it could not be made (e.g. a model kind this version does not know). */
  readonly result: TemplateResult;
}

/**
 * The templates of the models stored in an .xlsx, one per model: the stored template part's
 * metadata with the model's own inputs; a model stored without a template (saved by the add-in)
 * gets a template titled after its sheet, with nothing marked to fill.
 */
export async function templatesFromWorkbook(buffer: Uint8Array): Promise<WorkbookTemplate[]> {
  return (await workbookTemplates(buffer)).templates;
}

/**
 * templatesFromWorkbook, with the custom XML parts that could not be read and why (not well-formed
 * XML, a model part with a wrong attribute...), so that a model is never skipped without a word:
 * in English (`unreadable`) and as the reader's rules (`unreadableRules`, src/workbook/xlsxRules.ts).
 * A template's problems are worded by `message`, as parseTemplateJson words them (English by
 * default; the command line's French passes the French rule catalogue's).
 */
export async function workbookTemplates(
  buffer: Uint8Array,
  message?: IssueMessage,
): Promise<{ templates: WorkbookTemplate[]; unreadable: string[]; unreadableRules: XlsxRuleRef[] }> {
  const { models, customXml, unreadable, unreadableRules } = await readXlsxContents(buffer);
  // A rule worded as the schema's issues are (one catalogue), as validateTemplate words the rules it checks before the schema.
  const word = <K extends RuleId>(id: K, params: RuleParams[K]): string =>
    (message ?? issueText)(ruleIssue(id, params, []) as unknown as Parameters<IssueMessage>[0]);
  const stored = new Map<string, string>();
  for (const xml of customXml) {
    let part: { modelId: string; json: string } | undefined;
    try {
      part = readTemplatePart(xml);
    } catch {
      // Already listed in `unreadable` when not well-formed; a template part with a wrong model id matches no model.
      continue;
    }
    if (part !== undefined) stored.set(part.modelId, part.json);
  }
  const templates = models.map((model): WorkbookTemplate => {
    const known = Object.prototype.hasOwnProperty.call(MODEL_SCHEMA_VERSIONS, model.kind)
      ? MODEL_SCHEMA_VERSIONS[model.kind as Template["kind"]]
      : undefined;
    if (known !== undefined && model.schemaVersion !== known) {
      const errors = [word("storedModelVersion", { sheet: model.sheet, version: model.schemaVersion, target: known })];
      return { modelId: model.id, sheet: model.sheet, kind: model.kind, result: { ok: false, errors } };
    }
    const json = stored.get(model.id);
    let meta: Record<string, unknown> = {
      format: TEMPLATE_FORMAT,
      version: TEMPLATE_VERSION,
      title: model.sheet.trim() === "" ? "Model" : model.sheet,
      description: "",
      toFill: [],
      presentation: { ...DEFAULT_PRESENTATION },
    };
    if (json !== undefined) {
      const parsed = parseSafeJson(json, "stored template", (rule) => word(rule.id, rule.params));
      if (!parsed.ok) return { modelId: model.id, sheet: model.sheet, kind: model.kind, result: parsed };
      const stored = validateTemplate(parsed.value, message);
      if (!stored.ok) return { modelId: model.id, sheet: model.sheet, kind: model.kind, result: stored };
      meta = { ...stored.template };
    }
    const result = validateTemplate({ ...meta, kind: model.kind, inputs: model.inputs }, message);
    return { modelId: model.id, sheet: model.sheet, kind: model.kind, result };
  });
  return { templates, unreadable, unreadableRules };
}
