/**
 * The Open Cap Format reader's and exporter's message catalogue (issue 17), in the pattern of the engine's
 * (src/engine/engineRules.ts): every error, warning and reason the reader gives, each default the
 * exporter writes and each refusal of an export (src/ocf/write.ts, src/cli/ocf.ts) has an id and its
 * parameters (`OcfRuleParams`); each language has one message function per id (`OcfRuleMessages`,
 * so a language missing an id does not compile).
 *
 * English is written here, once (`OCF_RULES_EN`): the text of `OcfError.message`, of the report's
 * `warnings` and of each note's `reason`, which the command line and the English taskpane show.
 * French is a catalogue of its own (src/locales/ocfMessagesFr.ts), made from the id and the
 * parameters, never from the English text.
 *
 * Small and without zod, so the taskpane's first load can carry it without the reader.
 */
import { type EngineRuleRef } from "../engine/engineRules";
import { engineRuleText } from "../engine/messages";
import { NO_EFFECT_REASONS, type NoEffectType } from "./noEffect";

/** Where an object is: its file, and the object (its type and id) when the fault is in one; `part`: inside its conversion terms. */
export interface OcfWhere {
  readonly file: string;
  readonly objectType?: string;
  readonly id?: string;
  readonly part?: "safeConversion" | "noteConversion";
}

/**
 * What a field of an object breaks, by kind: an OCF number, a date, a currency code, a required
 * field missing, a value of another type, a value not among the allowed ones, a text or number
 * below its minimum, a kind (discriminator) not known, an empty text, an exact decimal not written
 * as a string (the history JSON export-ocf reads), fields the object does not have. `other` carries the schema library's own
 * words for a case none of these names (none is known today).
 */
export type OcfProblem =
  | { readonly code: "ocfNumber" }
  | { readonly code: "isoDate" }
  | { readonly code: "currency" }
  | { readonly code: "missing" }
  | { readonly code: "type"; readonly expected: string }
  | { readonly code: "oneOf"; readonly values: readonly string[] }
  | { readonly code: "tooSmall"; readonly minimum: string }
  | { readonly code: "unknownKind" }
  | { readonly code: "empty" }
  | { readonly code: "decimal"; readonly jsonNumber: boolean }
  | { readonly code: "unknownFields"; readonly keys: readonly string[] }
  | { readonly code: "other"; readonly text: string };

/** What an exported number belongs to: a class, a plan or an event, by its name or id. */
export interface ExportWhere {
  readonly kind: "class" | "plan" | "event";
  readonly name: string;
}

/** One field at fault: its path in the object ("" for the object itself), and what it breaks. */
export interface OcfIssue {
  readonly path: string;
  readonly problem: OcfProblem;
}

/** Every rule of the reader, by id, with its parameters. */
export interface OcfRuleParams {
  // The package's size and shape (src/ocf/read.ts, src/ocf/zip.ts, src/cli/ocf.ts)
  tooManyFiles: { count: number; max: number; folder: boolean };
  fileTooLarge: { file: string; bytes: number; max: number };
  packageTooLarge: { bytes: number; max: number; how: "package" | "inflated" | "folder" };
  notZip: Record<string, never>;
  entryTooLarge: { file: string; max: number };
  entryDamaged: { file: string; checksum: boolean };
  entryUnreadable: { file: string; detail: string };
  folderLink: { file: string };
  noManifest: Record<string, never>;
  manyManifests: { count: number; files: readonly string[] };
  versionRefused: { version: string };
  outsidePackage: { path: string };
  notUtf8: { file: string };
  notJson: { file: string; detail: string };
  listedMissing: { file: string; list: string };
  md5Mismatch: { file: string; actual: string; expected: string; refused: boolean };
  fileTypeWrong: { file: string; got: string; expected: string; list: string };
  noItems: { file: string };
  itemNotObject: { file: string };
  tooManyObjects: { max: number };
  // Objects
  objectInvalid: { where: OcfWhere; issues: readonly OcfIssue[]; more: number };
  termsUnknown: { where: OcfWhere; terms: string };
  historyInvalid: { rule: EngineRuleRef };
  // The exporter's extension file (x-captable.json)
  extensionVersion: { file: string; version: string };
  extensionPriceTwice: { file: string; transaction: string };
  extensionUnknownTransaction: { file: string; transaction: string };
  extensionCurrency: { file: string; transaction: string; currency: string; expected: string };
  // Warnings
  md5NotChecked: Record<string, never>;
  noRatio: { className: string };
  noVestingStart: { security: string; issued: string };
  notInManifest: { file: string };
  eventVesting: { security: string; condition: string; terms: string };
  // Why an object is skipped, or read without effect on holdings
  unexpectedType: { objectType: string; list: string };
  laterQuantity: Record<string, never>;
  unknownTransaction: { objectType: string };
  noEffect: { objectType: NoEffectType };
  // The exporter (src/ocf/write.ts): each default written for a field OCF requires and the history does not know
  exportHolderType: { holder: string };
  exportVotes: { className: string };
  exportAuthorized: { className: string };
  exportPlanClasses: { plan: string };
  exportSharePrice: { event: string };
  exportExpiry: { event: string };
  exportWarrantTerms: { event: string };
  exportConversionTerms: { event: string };
  exportExercisePrice: { event: string };
  // The exporter's refusals (src/ocf/write.ts, src/cli/ocf.ts) and the history JSON it reads (src/ocf/historyJson.ts)
  exportDecimals: { where: ExportWhere; value: string };
  exportNeverIssued: { event: string; security: string };
  exportNoTransactionType: { event: string; closing: string; kind: string };
  exportIssuerMissing: { fields: readonly string[] };
  exportCountry: { country: string };
  exportCurrencyCode: { currency: string };
  exportNoCurrency: Record<string, never>;
  exportManyCurrencies: { currencies: readonly string[] };
  exportAsOf: { asOf: string };
  historyNotJson: { line: number; column: number; problem: string };
  historyJsonInvalid: { issues: readonly OcfIssue[]; more: number };
}
export type OcfRuleId = keyof OcfRuleParams;

/** One language's reader messages: a function per rule id (a missing id is a compile error). */
export type OcfRuleMessages = { readonly [K in OcfRuleId]: (p: OcfRuleParams[K]) => string };

/** A rule as the reader reports it. */
export interface OcfRuleRef<K extends OcfRuleId = OcfRuleId> {
  readonly id: K;
  readonly params: OcfRuleParams[K];
}

/** The ids of the reasons an object is skipped. */
export type OcfSkipCode = "unexpectedType" | "laterQuantity" | "unknownTransaction";

/** The place of an object in English: `Transactions.ocf.json, TX_STOCK_ISSUANCE "PS-1"`. */
export function whereEn(w: OcfWhere): string {
  const object = w.objectType !== undefined ? `, ${w.objectType} "${w.id ?? ""}"` : "";
  const part = w.part === "safeConversion" ? ", its SAFE conversion" : w.part === "noteConversion" ? ", its note conversion" : "";
  return `${w.file}${object}${part}`;
}

/** The value types the schemas expect, in words. */
const TYPE_EN: Readonly<Record<string, string | undefined>> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

const problemEn = (p: OcfProblem): string => {
  switch (p.code) {
    case "ocfNumber":
      return "must be an OCF number (digits, at most 10 decimals, as a string)";
    case "isoDate":
      return "must be a date written YYYY-MM-DD";
    case "currency":
      return "must be a 3-letter currency code";
    case "missing":
      return "is required";
    case "type":
      return `must be ${TYPE_EN[p.expected] ?? `of type ${p.expected}`}`;
    case "oneOf":
      return `must be one of ${p.values.join(", ")}`;
    case "tooSmall":
      return `must be at least ${p.minimum}`;
    case "unknownKind":
      return "is of a type this reader does not know";
    case "empty":
      return "must not be empty";
    case "decimal":
      return p.jsonNumber ? 'must be a decimal written as a string ("1250000"), not a JSON number' : "must be a decimal written as a string";
    case "unknownFields":
      return `has ${p.keys.length > 1 ? "fields" : "a field"} this file does not have: ${p.keys.map((k) => `"${k}"`).join(", ")}`;
    case "other":
      return p.text;
  }
};

/** The English messages: the reader's one wording of each rule. */
export const OCF_RULES_EN: OcfRuleMessages = {
  tooManyFiles: (p) => `the ${p.folder ? "folder" : "package"} holds ${p.count} files, more than the ${p.max} read`,
  fileTooLarge: (p) => `${p.file} is ${p.bytes} bytes, more than the ${p.max} read`,
  packageTooLarge: (p) =>
    p.how === "inflated"
      ? `the package inflates to more than ${p.max} bytes, the most read`
      : p.how === "folder"
        ? `the folder holds more than ${p.max} bytes, the most read`
        : `the package is ${p.bytes} bytes, more than the ${p.max} read`,
  notZip: () => "not a zip file (an OCF package is a .ocf.zip or a folder)",
  entryTooLarge: (p) => `${p.file} inflates to more than the ${p.max} bytes read`,
  entryDamaged: (p) => (p.checksum ? `${p.file}: the file is damaged (its checksum does not match)` : `${p.file}: the compressed data is damaged`),
  entryUnreadable: (p) => `${p.file}: ${p.detail}`,
  folderLink: (p) => `${p.file} is a link; an OCF folder is read without following links`,
  noManifest: () => "no OCF manifest (a file with file_type OCF_MANIFEST_FILE) in the package",
  manyManifests: (p) => `the package holds ${p.count} manifests (${p.files.join(", ")}); one is read`,
  versionRefused: (p) => `OCF version "${p.version}" is not read: this reader reads versions 1.x (1.2.0 and its successors)`,
  outsidePackage: (p) => `the manifest refers to "${p.path}", outside the package`,
  notUtf8: (p) => `${p.file} is not UTF-8 text`,
  notJson: (p) => `${p.file} is not valid JSON (${p.detail})`,
  listedMissing: (p) => `the manifest lists ${p.file} (${p.list}), which is not in the package`,
  md5Mismatch: (p) => `${p.file}: md5 is ${p.actual}, the manifest says ${p.expected}${p.refused ? "" : " (read anyway)"}`,
  fileTypeWrong: (p) => `${p.file} has file_type ${p.got}, not ${p.expected} as ${p.list} requires`,
  noItems: (p) => `${p.file} has no items list`,
  itemNotObject: (p) => `${p.file}: every item must be an object`,
  tooManyObjects: (p) => `the package holds more than ${p.max} objects`,
  objectInvalid: (p) =>
    `${whereEn(p.where)}: ${p.issues.map((i) => `${i.path !== "" ? i.path : "the object"} ${problemEn(i.problem)}`).join("; ")}${
      p.more > 0 ? ` (and ${p.more} more)` : ""
    }`,
  termsUnknown: (p) => `${whereEn(p.where)}: vesting terms "${p.terms}" are not among the package's vesting terms`,
  historyInvalid: (p) => engineRuleText(p.rule.id, p.rule.params),
  extensionVersion: (p) => `${p.file}: extension version ${p.version} is not read (this reader reads version 1)`,
  extensionPriceTwice: (p) =>
    `${p.file}: transaction "${p.transaction}" is given a price twice (in the extension and in OCF, or twice in the extension)`,
  extensionUnknownTransaction: (p) =>
    `${p.file}: a price is given for transaction "${p.transaction}", which is not a transfer, exercise, conversion or other closing transaction of the package`,
  extensionCurrency: (p) => `${p.file}: the price of transaction "${p.transaction}" is in ${p.currency}, its security's in ${p.expected}`,
  md5NotChecked: () => "md5 checksums were not checked",
  noRatio: (p) => `class "${p.className}" states no ratio conversion into common: counted one common share per share (as converted, fully diluted)`,
  noVestingStart: (p) => `${p.security}: no vesting start transaction; its schedule starts on the issue date ${p.issued}`,
  notInManifest: (p) => `${p.file} is in the package but the manifest does not list it; not read`,
  eventVesting: (p) => `${p.security}: condition "${p.condition}" of "${p.terms}" vests on an event, so nothing vests from it until an acceleration`,
  unexpectedType: (p) => `object type ${p.objectType} is not expected in ${p.list}`,
  laterQuantity: () => "a warrant whose number of shares is set later (no quantity: it depends on a future price) is not counted in the cap table",
  unknownTransaction: (p) => `transaction type ${p.objectType} is not one this reader knows (OCF 1.2.0 TransactionsFile types are read)`,
  noEffect: (p) => NO_EFFECT_REASONS[p.objectType],
  exportHolderType: (p) => `stakeholder "${p.holder}": its type is not known; written as INSTITUTION`,
  exportVotes: (p) => `class "${p.className}": votes per share not known; written as 1`,
  exportAuthorized: (p) => `class "${p.className}": authorized shares not known; written as the shares ever issued`,
  exportPlanClasses: (p) => `plan "${p.plan}": the classes its grants exercise into are not known; written as the common class(es)`,
  exportSharePrice: (p) => `event "${p.event}": the price paid per share is not known; written as 0`,
  exportExpiry: (p) => `event "${p.event}": the option's expiry is not known; written as ten years after the grant`,
  exportWarrantTerms: (p) => `event "${p.event}": a warrant's exercise triggers and purchase price are not kept; written as none and 0`,
  exportConversionTerms: (p) =>
    `event "${p.event}": the convertible's conversion terms are not known; written as an unspecified trigger with a custom mechanism`,
  exportExercisePrice: (p) => `event "${p.event}": the option's exercise price is not known; written as 0`,
  exportDecimals: (p) => `${p.where.kind} "${p.where.name}": ${p.value} has more than the 10 decimals OCF numbers hold`,
  exportNeverIssued: (p) => `event "${p.event}": security "${p.security}" is never issued`,
  exportNoTransactionType: (p) => `event "${p.event}": a ${p.closing.toLowerCase()} of a ${p.kind.toLowerCase()} has no OCF transaction type`,
  exportIssuerMissing: (p) =>
    `an OCF manifest requires the issuer's ${p.fields.join(", ")}: add them to the history's "issuer" member ({"id", "legalName", "formationDate": "YYYY-MM-DD", "countryOfFormation": "FR"})`,
  exportCountry: (p) => `issuer.countryOfFormation must be a 2-letter ISO 3166-1 country code, got "${p.country}"`,
  exportCurrencyCode: (p) => `--currency must be a 3-letter currency code (EUR, USD), got "${p.currency}"`,
  exportNoCurrency: () => "the history names no currency, and OCF prices need one: give --currency (EUR, USD...)",
  exportManyCurrencies: (p) =>
    `the history names several currencies (${p.currencies.join(", ")}); a class's issue price carries none: give --currency for the prices that do not say`,
  exportAsOf: (p) => `--as-of must be a calendar date written YYYY-MM-DD, got "${p.asOf}"`,
  historyNotJson: (p) => `not valid JSON: line ${p.line}, column ${p.column}: ${p.problem}`,
  historyJsonInvalid: (p) =>
    `not a cap-table history: ${p.issues.map((i) => `${i.path !== "" ? i.path : "the file"} ${problemEn(i.problem)}`).join("; ")}${
      p.more > 0 ? ` (and ${p.more} more)` : ""
    }`,
};

/** The text of a reader rule in a language's messages (English by default). */
export function ocfRuleText<K extends OcfRuleId>(rule: OcfRuleRef<K>, messages: OcfRuleMessages = OCF_RULES_EN): string {
  return (messages[rule.id] as (p: OcfRuleParams[K]) => string)(rule.params);
}

/** An Open Cap Format package refused: the English message, the rule on `error.rule`. */
export class OcfError extends Error {
  readonly rule: OcfRuleRef;

  constructor(rule: OcfRuleRef) {
    super(ocfRuleText(rule));
    this.name = "OcfError";
    this.rule = rule;
  }
}

/** An `OcfError` for a rule: the one way the reader words a refusal. */
export function ocfError<K extends OcfRuleId>(id: K, params: OcfRuleParams[K]): OcfError {
  return new OcfError({ id, params } as OcfRuleRef);
}
