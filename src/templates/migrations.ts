/**
 * Migrations of template documents from older format versions to TEMPLATE_VERSION.
 *
 * A migration is a pure function from a document of version N (plain JSON data, already checked
 * by parseSafeJson) to a document of version N + 1; `migrateTemplate` chains them. Each one is
 * kept forever, with a fixture of its version in test/fixtures/templates/vN/, because files of
 * that version may be on someone's disk.
 *
 * Version 1 is the first format that ships, so there is no migration yet: the registry is empty
 * and `migrateTemplate` only checks the version (missing, not a whole number, from a newer
 * CapTable). Adding version 2 means: bump TEMPLATE_VERSION, write `MIGRATIONS[1]` (1 -> 2), keep
 * the version 1 fixtures, and add fixtures of version 2.
 */
import { TEMPLATE_VERSION } from "./schema";
import { type RuleId, type RuleParams, type RuleRef, type WordRule, wordRuleEn } from "../model/ruleMessages";

export type JsonObject = { [key: string]: unknown };
export type Migration = (doc: JsonObject) => JsonObject;

/** MIGRATIONS[n] turns a version n document into a version n + 1 document. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult = { ok: true; doc: JsonObject; from: number } | { ok: false; errors: string[] };

/**
 * Brings a document to `target` (default TEMPLATE_VERSION) through the registry. Pure; never throws.
 * `registry` and `target` are parameters so the chaining itself can be tested.
 */
export function migrateTemplate(
  doc: JsonObject,
  registry: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = TEMPLATE_VERSION,
  word: WordRule = wordRuleEn,
): MigrationResult {
  // The version's rules are the one catalogue's (src/model/ruleMessages.ts), worded by `word`; a broken migration is this code's fault, in English.
  const refused = <K extends RuleId>(id: K, params: RuleParams[K]): MigrationResult => ({ ok: false, errors: [word({ id, params } as RuleRef)] });
  const version = doc.version;
  if (version === undefined) return refused("versionMissing", { target });
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return refused("versionNotWhole", { target, got: JSON.stringify(version) ?? String(version) });
  if (version > target) return refused("versionNewer", { version, target });
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = Object.prototype.hasOwnProperty.call(registry, v) ? registry[v] : undefined;
    if (step === undefined) return { ok: false, errors: [`version ${v} templates cannot be read: no migration from version ${v} to ${v + 1}`] };
    current = step(current);
    if (current.version !== v + 1) return { ok: false, errors: [`the migration from version ${v} did not produce version ${v + 1}`] };
  }
  return { ok: true, doc: current, from: version };
}
