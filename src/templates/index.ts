/**
 * Templates: versioned, shareable, safe documents that describe a model (see schema.ts for the
 * format). The taskpane (gallery, "Save as template", "Import template") and the command line
 * both use this API. No Office, no DOM, no I/O.
 */
import { z } from "zod";
import { checkJsonValue, formatPath, parseSafeJson } from "./safeJson";
import { migrateTemplate, type JsonObject } from "./migrations";
import { type RuleId, type RuleParams, issueText, ruleIssue } from "../model/ruleMessages";
import {
  DEFAULT_PRESENTATION,
  TEMPLATE_FORMAT,
  TEMPLATE_KINDS,
  TEMPLATE_VERSION,
  Template,
  type Presentation,
  type TemplateInputs,
  type ToFill,
} from "./schema";

/** A deep copy of plain JSON data (templates are JSON by construction; no structuredClone, which older Mac web views lack). */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export * from "./schema";
export { builtInTemplates, builtInTemplate, type BuiltInTemplate } from "./builtIn";
export { JSON_LIMITS, FORBIDDEN_KEYS, parseSafeJson, checkJsonValue, jsonSyntaxError, type JsonSyntaxError } from "./safeJson";
export { MIGRATIONS, migrateTemplate, type Migration } from "./migrations";
export { serializeTemplatePart, parseTemplatePart, readTemplatePart, TEMPLATE_XML_NAMESPACE } from "./workbookPart";
export { presentSheet, toFillNotes, TO_FILL_PREFIX } from "./presentation";

export type TemplateResult = { ok: true; template: Template } | { ok: false; errors: string[] };

/** Raised by templateFromInput when the inputs or the metadata break a rule; `errors` lists each. */
export class TemplateError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(errors.join("; "));
    this.name = "TemplateError";
    this.errors = errors;
  }
}

/**
 * How an issue is worded: in English by default (its own message, or for zod's own issues, such as
 * an unknown field, the rule catalogue's: `issueText`); the command line's French passes the French
 * rule catalogue's (`ruleMessage`, src/locales/ruleMessagesFr.ts).
 */
export type IssueMessage = (issue: z.core.$ZodIssue) => string;

/** One message per zod issue, naming the field: "inputs.stake: stake must be between 0% and 100%, got 130%". */
export function formatIssues(error: z.ZodError, message: IssueMessage = issueText): string[] {
  return error.issues.slice(0, 20).map((issue) => `${formatPath(issue.path)}: ${message(issue)}`);
}

/** Validates a value already parsed from JSON (checks the limits, migrates, applies the schema). Never throws. */
export function validateTemplate(value: unknown, message: IssueMessage = issueText): TemplateResult {
  // A rule the template breaks before its schema applies, worded as the schema's issues are (one catalogue).
  const refused = <K extends RuleId>(id: K, params: RuleParams[K], path: string[]): TemplateResult => {
    const text = message(ruleIssue(id, params, path) as unknown as z.core.$ZodIssue);
    return { ok: false, errors: [path.length > 0 ? `${formatPath(path)}: ${text}` : text] };
  };
  try {
    const limits = checkJsonValue(value, (rule) => message(ruleIssue(rule.id, rule.params, []) as unknown as z.core.$ZodIssue));
    if (limits.length > 0) return { ok: false, errors: limits };
    if (value === null || typeof value !== "object" || Array.isArray(value)) return refused("notTemplateObject", {}, []);
    const doc = value as JsonObject;
    if (doc.format !== TEMPLATE_FORMAT)
      return refused("templateFormat", { expected: TEMPLATE_FORMAT, got: JSON.stringify(doc.format) ?? "nothing" }, ["format"]);
    const migrated = migrateTemplate(doc, undefined, undefined, (rule) =>
      message(ruleIssue(rule.id, rule.params, []) as unknown as z.core.$ZodIssue),
    );
    if (!migrated.ok) return migrated;
    const kind = migrated.doc.kind;
    if (!(TEMPLATE_KINDS as readonly unknown[]).includes(kind))
      return refused("templateKind", { kinds: TEMPLATE_KINDS, got: JSON.stringify(kind) ?? "nothing" }, ["kind"]);
    const parsed = Template.safeParse(migrated.doc);
    return parsed.success ? { ok: true, template: parsed.data } : { ok: false, errors: formatIssues(parsed.error, message) };
  } catch (error) {
    // Defensive: nothing above should throw, but an import must never crash the caller.
    return { ok: false, errors: [`template could not be read: ${(error as Error).message}`] };
  }
}

/** Reads a template file's text: size, nesting, keys, version, schema. Never throws. */
export function parseTemplateJson(text: string, message?: IssueMessage): TemplateResult {
  const json = parseSafeJson(text, "template", (rule) => (message ?? issueText)(ruleIssue(rule.id, rule.params, []) as unknown as z.core.$ZodIssue));
  return json.ok ? validateTemplate(json.value, message) : json;
}

/** The canonical JSON text of a template (fields in schema order, two-space indent, final newline). */
export function templateToJson(t: Template): string {
  const ordered = {
    format: t.format,
    version: t.version,
    kind: t.kind,
    title: t.title,
    description: t.description,
    inputs: t.inputs,
    toFill: t.toFill,
    presentation: { sheetName: t.presentation.sheetName, showGridlines: t.presentation.showGridlines, chart: t.presentation.chart },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export interface TemplateMeta {
  readonly title: string;
  readonly description?: string;
  /** Inputs that are unknowns for whoever starts from the template. */
  readonly toFill?: ToFill;
  readonly presentation?: Partial<Presentation>;
}

/**
 * A template from a model's inputs ("Save as template"). Throws TemplateError (listing every broken
 * rule) if the inputs or the metadata are invalid.
 */
export function templateFromInput(input: TemplateInputs, meta: TemplateMeta): Template {
  const result = validateTemplate({
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    kind: input.kind,
    title: meta.title,
    description: meta.description ?? "",
    inputs: copyJson(input),
    toFill: copyJson(meta.toFill ?? []),
    // Options left undefined keep their default.
    presentation: { ...DEFAULT_PRESENTATION, ...Object.fromEntries(Object.entries(meta.presentation ?? {}).filter(([, v]) => v !== undefined)) },
  });
  if (!result.ok) throw new TemplateError(result.errors);
  return result.template;
}

/** The model inputs a template describes (a fresh copy), ready for the model builder. */
export function inputFromTemplate(t: Template): TemplateInputs {
  return copyJson(t.inputs);
}
