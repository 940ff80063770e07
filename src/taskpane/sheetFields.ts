/**
 * Which fields of a model's form "Read from sheet" cannot read (issue 11): the form shows them, but
 * no input the model's sheet declares (SheetSpec.inputs) holds them, so an edit of them in the sheet
 * (if the sheet shows them at all) is not read back. SheetSync.tsx lists them in a sentence instead
 * of ignoring them silently. Pure.
 *
 * Form keys and input keys differ (the history form flattens `nextRound.*` and `exit.*`; the
 * instruments' interest columns are `interest.*` in the inputs): each input value's path is mapped to
 * the form key it is shown in by the form's own map (forms.ts `keyForPath`, with `keyOf` and
 * `columnOf`), the one the schema's messages use, so there is no second map to keep in step.
 */
import type { ModelInputs } from "../model/build";
import type { InputSpec } from "../workbook/spec";
import { FORMS, formFromInput, keyForPath } from "./forms";
import { labelOf, MESSAGES, type Lang } from "./i18n";

/** Every value's path in the inputs: a leaf, null, or a list of plain values (the exit values) as one value. */
function leafPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v !== "object" || v === null)) return [path];
    return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  }
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([k, v]) => (path.length === 0 && k === "kind" ? [] : leafPaths(v, [...path, k])));
  return [path];
}

/** True when a declared input holds the value at `path`: its cell, its list, or a column of its table. */
export function isReadFromSheet(specs: readonly InputSpec[], path: readonly PropertyKey[]): boolean {
  const parts = path.map(String);
  return specs.some((spec) => {
    const field = spec.field.split(".");
    if (field.some((f, i) => parts[i] !== f)) return false;
    const rest = parts.slice(field.length);
    if (spec.columns === undefined) return rest.length === 0 || (spec.list === true && rest.length === 1);
    if (rest.length < 2) return false;
    const key = rest.slice(1).join(".");
    return spec.columns.some((c) => c === key || key.startsWith(`${c}.`) || c.startsWith(`${key}.`));
  });
}

/**
 * The form keys ("company", "instruments.capBasis", a table "instruments") shown in the form of
 * `input` that Read from sheet does not read, in the form's order: a field or table column none of
 * whose values is on the sheet, or a whole table when none of its columns is.
 */
export function formKeysNotRead(input: ModelInputs, specs: readonly InputSpec[]): string[] {
  const form = FORMS[input.kind];
  const texts = formFromInput(input);
  const read = new Map<string, boolean>();
  for (const path of leafPaths(input)) {
    // "instruments.2.rate" -> "instruments.rate": a column, whatever the row.
    const key = keyForPath(input.kind, path).replace(/^([^.]+)\.[0-9]+\./, "$1.");
    read.set(key, (read.get(key) ?? false) || isReadFromSheet(specs, path));
  }
  const notRead: string[] = [];
  for (const f of form.fields) {
    if (f.when !== undefined && !f.when(texts.fields)) continue;
    if (read.get(f.key) !== true) notRead.push(f.key);
  }
  for (const t of form.tables) {
    const rows = texts.tables[t.name] ?? [];
    const shown = t.columns.filter((c) => c.when === undefined || rows.some((r) => c.when!(r.cells)));
    const columns = shown.filter((c) => read.get(`${t.name}.${c.key}`) !== true).map((c) => `${t.name}.${c.key}`);
    if (columns.length === shown.length) notRead.push(t.name);
    else for (const c of columns) notRead.push(c);
  }
  return notRead;
}

/** The labels of those keys in the UI language, as the form shows them: a table by its section's title. */
export function formKeyLabels(kind: ModelInputs["kind"], keys: readonly string[], lang: Lang): string[] {
  const t = MESSAGES[lang];
  const form = FORMS[kind];
  return keys.map((key) => {
    const section = form.sections.find((s) => "table" in s && s.table === key);
    return section !== undefined ? t.section[section.title] : labelOf(t, kind, key);
  });
}
