/**
 * The official OCF 1.2.0 JSON schemas (kept unchanged in test/fixtures/ocf-1.2.0-schema), every file
 * registered with ajv 8 so `$ref`s resolve offline. A package is checked as OCF's own tools do: the
 * manifest against its file schema, and each object of each file against the schema of its
 * `object_type` (in 1.2.0 the file schemas' `oneOf` lists lag behind the object schemas).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { isIsoDate } from "../../src/engine/history/history";

const SCHEMA = path.resolve(__dirname, "../fixtures/ocf-1.2.0-schema");

function allSchemas(dir: string): Record<string, unknown>[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) return allSchemas(full);
    return f.endsWith(".schema.json") ? [JSON.parse(readFileSync(full, "utf8")) as Record<string, unknown>] : [];
  });
}

const schemas = allSchemas(SCHEMA);
const ajv = new Ajv({ strict: false, allErrors: true });
// The three formats OCF 1.2.0 uses, checked as RFC 3339 (date, date-time) and a plain address shape.
ajv.addFormat("date", (s: string) => isIsoDate(s));
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
for (const s of schemas) ajv.addSchema(s);

/** object_type -> the $id of its object schema (a const, or each value of an enum of aliases). */
const OBJECT_SCHEMA = new Map<string, string>();
for (const s of schemas) {
  const ot = (s.properties as Record<string, { const?: string; enum?: string[] }> | undefined)?.object_type;
  for (const t of ot?.const !== undefined ? [ot.const] : (ot?.enum ?? [])) OBJECT_SCHEMA.set(t, s.$id as string);
}

const errorsOf = (id: string, value: unknown): string[] => {
  const validate = ajv.getSchema(id);
  if (validate === undefined) throw new Error(`no schema ${id}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

/** Problems of one OCF object against the schema of its object_type (an unknown type is a problem). */
export function objectErrors(item: { object_type?: unknown }): string[] {
  const id = OBJECT_SCHEMA.get(String(item.object_type));
  return id === undefined ? [`no OCF 1.2.0 schema for object_type ${String(item.object_type)}`] : errorsOf(id, item);
}

/** Problems of a manifest against files/OCFManifestFile. */
export function manifestErrors(manifest: unknown): string[] {
  return errorsOf("https://schema.opencaptablecoalition.com/v/1.2.0/files/OCFManifestFile.schema.json", manifest);
}

/**
 * Problems of a whole package (its files by path): the manifest against its schema, each listed
 * file's `file_type` and each object against its object schema, each prefixed with where it is.
 * Files the manifest does not list (the x-captable extension) are not OCF files and are not checked.
 */
export function packageErrors(files: readonly { path: string; bytes: Uint8Array }[]): string[] {
  const json = (f: { bytes: Uint8Array }) => JSON.parse(new TextDecoder().decode(f.bytes)) as Record<string, unknown>;
  const manifestFile = files.find((f) => f.path === "Manifest.ocf.json");
  if (manifestFile === undefined) return ["no Manifest.ocf.json"];
  const manifest = json(manifestFile);
  const out = manifestErrors(manifest).map((e) => `Manifest.ocf.json${e}`);
  for (const [key, value] of Object.entries(manifest)) {
    if (!key.endsWith("_files")) continue;
    for (const ref of value as { filepath: string }[]) {
      const file = files.find((f) => `./${f.path}` === ref.filepath || f.path === ref.filepath);
      if (file === undefined) {
        out.push(`${ref.filepath}: listed but absent`);
        continue;
      }
      const body = json(file) as { file_type?: string; items?: { object_type?: unknown; id?: unknown }[] };
      if (typeof body.file_type !== "string" || !Array.isArray(body.items)) out.push(`${file.path}: no file_type and items`);
      for (const item of body.items ?? []) for (const e of objectErrors(item)) out.push(`${file.path} ${String(item.id)}${e}`);
    }
  }
  return out;
}
