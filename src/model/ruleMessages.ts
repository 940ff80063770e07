/**
 * The one message catalogue of the model schemas' rules (as zod's locales do it: an issue carries
 * a rule id and its parameters, and each language has one message function per id).
 *
 * - Every rule a model or template schema checks has an id in `RuleParams`, with its parameters.
 * - English is written here, once (`RULES_EN`): the text zod puts in `issue.message`, which the
 *   command line, the template import and the English taskpane show as it is. The custom functions'
 *   cell errors do not come from here (src/engine/rules.ts and src/functions/cells.ts; English, as
 *   Excel shows them), and this module is not part of the functions bundle.
 * - Every other language is a `RuleMessages` object of its own (French: src/locales/ruleMessagesFr.ts),
 *   so the compiler refuses a language that misses an id, and a French message is rendered from the
 *   id and the parameters, never recovered from the English text: a reworded English rule cannot
 *   silently stay English in French.
 * - `ruleError` (zod's `error` option) and `ruleIssue` (a custom issue of a `superRefine`) are the
 *   only ways the schemas word a rule; both leave `{ id, params }` on the issue (`ruleOf` reads it).
 *
 * Field names are a closed list (`FIELD_NAMES`), so that each has its name in every language.
 */
import { type SheetNameRule, sheetNameRuleText } from "../workbook/sheetName";
/** The fields the rules name, in the English the messages use. */
export const FIELD_NAMES = [
  "company",
  "currency",
  "unit",
  "basis",
  "valuation",
  "net debt",
  "shareholder loans",
  "other claims",
  "stake",
  "premium",
  "capacity",
  "capacity unit",
  "transaction",
  "seller",
  "buyer",
  "primary investment",
  "rounding",
  "formulas",
  "shares",
  "holder",
  "cap table",
  "pre-money",
  "option pool",
  "pool target",
  "pool increase",
  "investor name",
  "investor amount",
  "instrument holder",
  "instrument amount",
  "instrument cap",
  "instrument discount",
  "interest rate",
  "interest start date",
  "interest conversion date",
  "interest day count",
  "interest compounding",
  "instrument type",
  "instrument cap basis",
  "instrument mfn",
  "participation",
  "class",
  "invested",
  "preference",
  "seniority",
  "cap",
  "conversion ratio",
  "strike",
  "transaction costs",
  "exit value",
  "exit values",
  // Deal pricing and returns (src/model/dealPricingInput.ts)
  "enterprise value",
  "price mechanism",
  "completion date",
  "debt-like items",
  "box date",
  "net debt at the box",
  "ticker rate",
  "ticker base",
  "leakage",
  "permitted leakage",
  "target working capital",
  "estimated net debt",
  "estimated working capital",
  "final net debt",
  "final working capital",
  "escrow",
  "loans date",
  "PIK rate",
  "PIK compounding",
  "loans",
  "shares sold",
  "loans sold",
  "acquisition debt",
  "fees",
  "instrument",
  "flow date",
  "flow amount",
  "carrying amount",
  "disposal costs",
  "remeasure retained",
  "entry EBITDA",
  "exit EBITDA",
  "exit multiple",
  "exit net debt",
  "cash returned",
  "cross term",
  "comp name",
  "comp EV",
  "comp EBITDA",
  "comp capacity",
  "comp basis",
  "capacity basis",
  "note field",
  "note",
  "as of",
  "class kind",
  "issue price",
  "plan",
  "reserved",
  "event date",
  "event type",
  "amount",
  "vesting months",
  "cliff months",
  "vesting start",
  "to holder",
  "split ratio",
  "round date",
  "series",
  "source",
  // The template around a model's inputs (src/templates/schema.ts)
  "title",
  "description",
  "toFill note",
  "sheet name",
  "showGridlines",
  "chart",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** The lists of a model (arrays of rows or values), as rules about a whole list name them. */
export type ListName =
  | "capTable"
  | "investors"
  | "instruments"
  | "classes"
  | "exitValues"
  | "holdings"
  | "positions"
  | "flows"
  | "comps"
  | "notes"
  | "plans"
  | "events"
  | "toFill";

/** Every rule of the model schemas, by id, with its parameters. Numbers are JS numbers or exact decimal strings ("1234.5"). */
export interface RuleParams {
  // Any field (src/model/fields.ts)
  required: { field: FieldName };
  notText: { field: FieldName };
  tooLong: { field: FieldName; max: number };
  forbiddenChar: { field: FieldName; char: string; position: number };
  notNumber: { field: FieldName };
  notFinite: { field: FieldName };
  tooBig: { field: FieldName };
  negative: { field: FieldName };
  notPositive: { field: FieldName };
  choice: { field: FieldName; values: readonly string[] };
  flag: { field: FieldName };
  currency: { example: string };
  // Lists
  notList: { list: ListName };
  emptyList: { list: ListName };
  tooFew: { list: ListName; min: number };
  tooMany: { list: ListName; max: number };
  duplicate: { list: ListName; name: string };
  noShares: { list: ListName };
  // Stake sale (src/model/stakeSaleInput.ts)
  stakeRange: { got: number };
  premiumRange: Record<string, never>;
  capacityPositive: Record<string, never>;
  sellerNotHolder: { seller: string };
  buyerIsSeller: Record<string, never>;
  primaryInvestmentUnused: { transaction: "primary" | "secondary" };
  primaryStakeTooBig: Record<string, never>;
  sellerShort: { stake: number; needed: string; seller: string; held: string };
  nothingForShares: Record<string, never>;
  // Priced round (src/model/pricedRoundInput.ts)
  dateNotText: { field: FieldName };
  dateFormat: { field: FieldName };
  dateReal: { field: FieldName };
  rateTooHigh: Record<string, never>;
  conversionBeforeStart: Record<string, never>;
  fractionBelowOne: { field: FieldName };
  optionPoolNotHolder: { pool: string; lookalike: string | null };
  poolIncreaseWithTarget: Record<string, never>;
  interestNotNote: Record<string, never>;
  // Exit waterfall (src/model/exitWaterfallInput.ts)
  seniorityWhole: Record<string, never>;
  seniorityTooBig: { max: number };
  capRequired: { className: string };
  capUnlessCapped: { className: string };
  capBelowPreference: { className: string; preference: number };
  preferenceWithStrike: { className: string };
  holdingUnknownClass: { row: number; holder: string; className: string };
  holdingTwice: { row: number; holder: string; className: string; firstRow: number };
  holdingsExceed: { className: string; held: string; shares: string; excess: string; rows: readonly number[] };
  // Deal pricing and returns (src/model/dealPricingInput.ts)
  mechanismField: { field: FieldName; mechanism: "LOCKED_BOX" | "COMPLETION_ACCOUNTS"; used: boolean };
  dateNotBefore: { field: FieldName; other: FieldName };
  soldExceedsHeld: { holder: string; what: "shares" | "loans" };
  flowsSigns: { holder: string; buyer: boolean };
  flowBeforeCompletion: { holder: string; row: number };
  permittedExceedsLeakage: Record<string, never>;
  // Cap-table history (src/model/capTableHistoryInput.ts)
  wholeMonths: { field: FieldName };
  preferenceNeedsPrice: { className: string };
  eventsOutOfOrder: { row: number; date: string; previous: string };
  eventNeeds: { row: number; type: string; column: FieldName };
  eventIgnores: { row: number; type: string; column: FieldName };
  eventUnknown: { row: number; list: "classes" | "plans"; name: string };
  cliffOverVesting: { row: number };
  nothingToConvert: { row: number; holder: string };
  notEnoughHeld: { row: number; holder: string; held: number; what: "shares" | "options"; name: string; shares: number };
  cancelClassOrPlan: { row: number };
  splitLastOfDate: { row: number };
  roundBeforeAsOf: { date: string; asOf: string };
  eventAfterAsOf: { row: number; date: string; asOf: string };
  // zod's own issues, which carry no rule of ours (`zodRule`): the message comes after the place in the file
  unknownFields: { keys: readonly string[] };
  notObject: Record<string, never>;
  notLiteral: { value: string };
  // The template around a model's inputs (src/templates/schema.ts)
  toFillField: { fields: readonly string[]; got: string };
  toFillTwice: { field: string };
  sheetName: { rule: SheetNameRule };
  notTemplateObject: Record<string, never>;
  templateFormat: { expected: string; got: string };
  templateKind: { kinds: readonly string[]; got: string };
  // A template's text and version, before its schema (src/templates/safeJson.ts, migrations.ts)
  jsonNotText: { what: JsonDocument };
  jsonTooLarge: { what: JsonDocument; chars: number; max: number };
  jsonEmpty: { what: JsonDocument };
  jsonTooDeep: { what: JsonDocument; depth: number; max: number };
  /** `problem`: the JSON syntax checker's English words (src/templates/safeJson.ts `jsonSyntaxError`); French gives the place alone. */
  jsonSyntax: { what: JsonDocument; line: number | null; column: number | null; problem: string | null };
  versionMissing: { target: number };
  versionNotWhole: { target: number; got: string };
  versionNewer: { version: number; target: number };
  // The limits on a template's JSON value (src/templates/safeJson.ts, checkJsonValue): the message comes after the place in the file
  jsonValueTooDeep: { max: number };
  jsonTextTooLong: { length: number; max: number };
  jsonTextBadChars: Record<string, never>;
  /** `value`: the number as JavaScript writes it ("-2000000000000000", "1e+300"). */
  jsonNumberTooLarge: { value: string };
  jsonListTooLong: { length: number; max: number };
  jsonTooManyFields: { count: number; max: number };
  jsonForbiddenKey: { key: string };
  jsonBadFieldName: Record<string, never>;
  /** `type`: JavaScript's `typeof` of a value that is not JSON (a value not parsed from text). */
  jsonNotValue: { type: string };
  /** A model stored in a workbook (`captable extract-template`) whose inputs are of another schema version than this CapTable reads. */
  storedModelVersion: { sheet: string; version: number; target: number };
}

/** The JSON documents read before a schema: a template file, or the template stored in a workbook. */
export type JsonDocument = "template" | "stored template";
export type RuleId = keyof RuleParams;

/** One language's messages: a function per rule id (a missing id is a compile error). */
export type RuleMessages = { readonly [K in RuleId]: (p: RuleParams[K]) => string };

/** A rule as an issue carries it: the id and the parameters the message is made of. */
export interface RuleRef<K extends RuleId = RuleId> {
  readonly id: K;
  readonly params: RuleParams[K];
}

/** A fraction as a percentage number, as messages print it: 0.125 -> "12.5". */
export const percentText = (n: number): string => String(Number((n * 100).toPrecision(12)));

/** "A", "B" or "C": the accepted values as a message lists them. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

const LIST_EN: Readonly<Record<ListName, { name: string; notList: string; empty: string; item: string }>> = {
  capTable: { name: "cap table", notList: "a list of holders", empty: "list at least one holder", item: "holders" },
  investors: { name: "investors", notList: "a list", empty: "list at least one investor", item: "entries" },
  instruments: { name: "instruments", notList: "a list", empty: "list at least one instrument", item: "entries" },
  classes: { name: "classes", notList: "a list of share classes", empty: "list at least one share class", item: "share classes" },
  exitValues: { name: "exit values", notList: "a list of numbers", empty: "list at least one value", item: "values" },
  holdings: { name: "holdings", notList: "a list of holdings (holder, class, shares)", empty: "list at least one holding", item: "rows" },
  positions: {
    name: "positions",
    notList: "a list of positions (holder, shares, loans, shares sold, loans sold)",
    empty: "list at least one holder",
    item: "holders",
  },
  flows: { name: "flows", notList: "a list of dated flows (holder, instrument, date, amount)", empty: "list at least one flow", item: "flows" },
  notes: { name: "notes", notList: "a list of notes (field, note)", empty: "list at least one note", item: "notes" },
  comps: { name: "comps", notList: "a list of comparable deals (name, EV, EBITDA, capacity, basis)", empty: "list at least one comp", item: "comps" },
  plans: { name: "plans", notList: "a list of option plans", empty: "list at least one option plan", item: "plans" },
  events: { name: "events", notList: "a list of dated events", empty: "list at least one event", item: "events" },
  toFill: { name: "toFill", notList: "a list", empty: "list at least one entry", item: "entries" },
};

/** What a duplicate is called in each list ("holder", "investor", "class"). */
const ITEM_EN: Readonly<Record<ListName, string>> = {
  capTable: "holder",
  investors: "investor",
  instruments: "instrument",
  classes: "class",
  exitValues: "exit value",
  holdings: "holding",
  positions: "holder",
  flows: "flow",
  comps: "comp",
  notes: "note for the field",
  plans: "plan",
  events: "event",
  toFill: "toFill entry",
};

/** The English messages: the products' one wording of each rule. */
export const RULES_EN: RuleMessages = {
  required: (p) => `${p.field} is required`,
  notText: (p) => `${p.field} must be a text`,
  tooLong: (p) => `${p.field} must be at most ${p.max} characters`,
  forbiddenChar: (p) => `${p.field} contains ${p.char} (character ${p.position}), a control or invalid character an Excel file cannot hold`,
  notNumber: (p) => `${p.field} must be a number`,
  notFinite: (p) => `${p.field} must be a finite number`,
  tooBig: (p) => `${p.field} must be at most 1e15 in size`,
  negative: (p) => `${p.field} must not be negative`,
  notPositive: (p) => `${p.field} must be greater than 0`,
  choice: (p) => `${p.field} must be ${orList(p.values)}`,
  flag: (p) => `${p.field} must be true or false`,
  currency: (p) => `currency must be a three-letter code such as ${p.example}`,

  notList: (p) => `${LIST_EN[p.list].name} must be ${LIST_EN[p.list].notList}`,
  emptyList: (p) => `${LIST_EN[p.list].name} must ${LIST_EN[p.list].empty}`,
  tooFew: (p) => `${LIST_EN[p.list].name} must list at least ${p.min} ${LIST_EN[p.list].item}`,
  tooMany: (p) =>
    p.list === "exitValues"
      ? `exit values must list at most ${p.max} values`
      : `${LIST_EN[p.list].name} must have at most ${p.max} ${LIST_EN[p.list].item}`,
  duplicate: (p) => `${ITEM_EN[p.list]} "${p.name}" appears more than once`,
  noShares: (p) => (p.list === "classes" ? "classes must hold some shares" : `${LIST_EN[p.list].name} must have some shares`),

  stakeRange: (p) => `stake must be between 0% and 100%, got ${percentText(p.got)}%`,
  premiumRange: () => "premium must be greater than -100%",
  capacityPositive: () => "capacity must be greater than 0",
  sellerNotHolder: (p) => `seller "${p.seller}" must be one of the holders`,
  buyerIsSeller: () => "buyer must differ from the seller",
  primaryInvestmentUnused: (p) =>
    `primary investment applies only when transaction is "both" (a ${p.transaction === "primary" ? "primary issue is sized by the stake" : "secondary sale invests nothing"}): set it to 0 or choose "both"`,
  primaryStakeTooBig: () => "stake after a primary issue must be below 100%",
  sellerShort: (p) => `stake of ${percentText(p.stake)}% is ${p.needed} shares but seller "${p.seller}" holds ${p.held}`,
  nothingForShares: () => "valuation leaves nothing for the shares: new shares need equity value x (1 + premium) above the shareholder loans",

  dateNotText: (p) => `${p.field} must be a date text YYYY-MM-DD`,
  dateFormat: (p) => `${p.field} must be a date YYYY-MM-DD`,
  dateReal: (p) => `${p.field} must be a real date from 1900-03-01 on`,
  rateTooHigh: () => "interest rate must be at most 1000%",
  conversionBeforeStart: () => "interest conversion date must not be before the start date",
  fractionBelowOne: (p) => `${p.field} must be at least 0% and below 100%`,
  optionPoolNotHolder: (p) =>
    `option pool "${p.pool}" must be one of the holders${p.lookalike === null ? "" : ` ("${p.lookalike}" looks like the pool)`}`,
  poolIncreaseWithTarget: () => "pool increase must be null when a pool target is given: give one or the other",
  interestNotNote: () => 'instrument interest is for a convertible note: type must be "NOTE"',

  seniorityWhole: () => "seniority must be a whole number from 1 (most senior)",
  seniorityTooBig: (p) => `seniority must be at most ${p.max}`,
  capRequired: (p) => `cap of class "${p.className}" is required: it is capped participating`,
  capUnlessCapped: (p) => `cap of class "${p.className}" must be empty unless its participation is "CAPPED"`,
  capBelowPreference: (p) => `cap of class "${p.className}" must be at least its preference multiple (${p.preference}x)`,
  preferenceWithStrike: (p) => `preference of class "${p.className}" must be 0: it has a strike (options and warrants have no preference)`,
  holdingUnknownClass: (p) => `holdings row ${p.row} ("${p.holder}") names a class that is not in the classes table: "${p.className}"`,
  holdingTwice: (p) =>
    `holdings row ${p.row}: "${p.holder}" already holds class "${p.className}" in row ${p.firstRow} (one row per holder and class)`,
  holdingsExceed: (p) =>
    `holdings of class "${p.className}" add up to ${p.held} shares, more than the class's ${p.shares} by ${p.excess} (rows ${p.rows.join(", ")})`,

  mechanismField: (p) =>
    p.used
      ? `${p.field} is required with ${p.mechanism === "LOCKED_BOX" ? "a locked box" : "completion accounts"}`
      : `${p.field} must be empty with ${p.mechanism === "LOCKED_BOX" ? "a locked box" : "completion accounts"}: it is not used`,
  dateNotBefore: (p) => `${p.field} must not be before the ${p.other}`,
  soldExceedsHeld: (p) => `${p.what} sold by "${p.holder}" must not exceed its ${p.what}`,
  flowsSigns: (p) =>
    p.buyer
      ? `flows of the buyer "${p.holder}" must include a positive amount (received): its entry at completion is the paid amount`
      : `flows of "${p.holder}" must include a negative (paid) and a positive (received) amount, as XIRR requires`,
  flowBeforeCompletion: (p) => `flows row ${p.row}: a flow of the buyer "${p.holder}" must not be before the completion date (its entry)`,
  permittedExceedsLeakage: () => "permitted leakage must not exceed leakage: it is the permitted part of it",
  wholeMonths: (p) => `${p.field} must be a whole number of months from 0 to 240`,
  preferenceNeedsPrice: (p) => `issue price of class "${p.className}" is required: its preference is a multiple of it`,
  eventsOutOfOrder: (p) => `events row ${p.row} is dated ${p.date}, before the row above it (${p.previous}): list the events in date order`,
  eventNeeds: (p) => `events row ${p.row} (${p.type}) needs its ${p.column}`,
  eventIgnores: (p) => `events row ${p.row} (${p.type}) has a ${p.column}, which ${p.type} rows do not use: leave it empty`,
  eventUnknown: (p) => `events row ${p.row} names ${p.list === "classes" ? "a class" : "a plan"} that is not in the ${p.list} table: "${p.name}"`,
  cliffOverVesting: (p) => `events row ${p.row}: cliff months must not exceed vesting months`,
  nothingToConvert: (p) => `events row ${p.row}: "${p.holder}" has no SAFE or note outstanding to convert`,
  notEnoughHeld: (p) =>
    `events row ${p.row}: "${p.holder}" holds ${p.held} ${p.what === "shares" ? `shares of "${p.name}"` : `options under "${p.name}"`} then, fewer than the ${p.shares} the row takes`,
  cancelClassOrPlan: (p) => `events row ${p.row} (CANCEL) names a class (shares cancelled) or a plan (options cancelled): one of the two`,
  splitLastOfDate: (p) => `events row ${p.row}: a split comes after the other events of its date (they are replayed before it): move it last`,
  roundBeforeAsOf: (p) => `round date ${p.date} must not be before the cap table's date (as of ${p.asOf})`,
  eventAfterAsOf: (p) =>
    `events row ${p.row} is dated ${p.date}, after the cap table's date (as of ${p.asOf}) the next round starts from: move the date, or remove the next round`,
  unknownFields: (p) => `unknown field${p.keys.length > 1 ? "s" : ""} ${p.keys.map((k) => `"${k}"`).join(", ")}`,
  notObject: () => "must be an object of named fields ({ ... })",
  notLiteral: (p) => `must be "${p.value}"`,
  toFillField: (p) => `toFill field must be one of the inputs (${p.fields.join(", ")}), got ${p.got}`,
  toFillTwice: (p) => `toFill lists "${p.field}" more than once`,
  sheetName: (p) => `sheet name ${sheetNameRuleText(p.rule)}`,
  notTemplateObject: () => "a template must be a JSON object",
  templateFormat: (p) => `this is not a CapTable template (expected "format": "${p.expected}", got ${p.got})`,
  templateKind: (p) => `must be one of ${p.kinds.map((k) => `"${k}"`).join(", ")}, got ${p.got}`,
  jsonNotText: (p) => `${p.what} must be JSON text`,
  jsonTooLarge: (p) => `${p.what} is too large: ${p.chars} characters, at most ${p.max} allowed`,
  jsonEmpty: (p) => `${p.what} is empty`,
  jsonTooDeep: (p) => `${p.what} is nested too deeply: ${p.depth} levels, at most ${p.max} allowed`,
  jsonSyntax: (p) => `${p.what} is not valid JSON${p.line === null ? "" : `: line ${p.line}, column ${p.column}: ${p.problem}`}`,
  versionMissing: (p) => `version is missing: a template states its format version, e.g. "version": ${p.target}`,
  versionNotWhole: (p) => `version must be a whole number from 1 to ${p.target}, got ${p.got}`,
  versionNewer: (p) => `version ${p.version} is newer than this CapTable reads (up to ${p.target}): update CapTable to open this template`,
  jsonValueTooDeep: (p) => `nested too deeply, at most ${p.max} levels allowed`,
  jsonTextTooLong: (p) => `text is too long: ${p.length} characters, at most ${p.max} allowed`,
  jsonTextBadChars: () => "text contains a control character or an invalid character",
  jsonNumberTooLarge: (p) => `number ${p.value} is beyond the limit of 1e15 in size`,
  jsonListTooLong: (p) => `list is too long: ${p.length} items, at most ${p.max} allowed`,
  jsonTooManyFields: (p) => `too many fields: ${p.count}, at most ${p.max} allowed`,
  jsonForbiddenKey: (p) => `the field name "${p.key}" is not allowed`,
  jsonBadFieldName: () => "a field name is too long or contains a control character",
  jsonNotValue: (p) => `${p.type} is not a JSON value`,
  storedModelVersion: (p) =>
    `the model on sheet "${p.sheet}" has inputs of version ${p.version}; this CapTable reads version ${p.target}${p.version > p.target ? ": update CapTable" : ""}`,
};

/** The text of a rule in a language's messages (English by default). */
export function ruleText<K extends RuleId>(id: K, params: RuleParams[K], messages: RuleMessages = RULES_EN): string {
  return (messages[id] as (p: RuleParams[K]) => string)(params);
}

/** What zod hands an error map: the raw issue, with the value at fault as `input`. */
interface RawIssue {
  input?: unknown;
  params?: Record<string, unknown>;
}

/**
 * zod's `error` option for a rule: the English message, and `{ id, params }` left on the issue's
 * `params.rule` (zod copies the raw issue's keys into the final issue after asking for the message,
 * node_modules/zod/v4/core/util.js `finalizeIssue`; test/model/ruleMessages.test.ts checks it
 * stays so). `params` may be computed from the value at fault.
 */
export function ruleError<K extends RuleId>(
  id: K,
  params: RuleParams[K] | ((input: unknown) => RuleParams[K]),
): { error: (iss: RawIssue) => string } {
  return {
    error: (iss) => {
      const p = typeof params === "function" ? params(iss.input) : params;
      iss.params = { ...iss.params, rule: { id, params: p } satisfies RuleRef<K> };
      return ruleText(id, p);
    },
  };
}

/** A custom issue for `ctx.addIssue` in a `superRefine`: the English message, with the rule on `params.rule`. */
export function ruleIssue<K extends RuleId>(
  id: K,
  params: RuleParams[K],
  path: PropertyKey[],
): { code: "custom"; path: PropertyKey[]; message: string; params: { rule: RuleRef<K> } } {
  return { code: "custom", path, message: ruleText(id, params), params: { rule: { id, params } } };
}

/** The rule an issue carries (see `ruleError`, `ruleIssue`), or undefined for zod's own issues (an unknown key: see `zodRule`) and the engine's words. */
export function ruleOf(issue: object): RuleRef | undefined {
  const rule = (issue as { params?: { rule?: RuleRef } }).params?.rule;
  return rule !== undefined && typeof rule === "object" && Object.prototype.hasOwnProperty.call(RULES_EN, rule.id) ? rule : undefined;
}

/** What zod's own issues hold that a rule needs (its issue objects, without importing zod here). */
interface ZodOwnIssue {
  readonly code?: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
}

/**
 * zod's own issues as rules of the catalogue, so that they read in every language as the schemas'
 * rules do (zod's words are English, node_modules/zod/v4/locales/en.js): a field the object does not
 * have (every model object is strict), a row or section that is not an object, a value other than
 * the one a literal allows (a model's `kind`). Undefined for an issue with a rule of ours, or one
 * the schemas cannot give.
 */
export function zodRule(issue: object): RuleRef | undefined {
  if (ruleOf(issue) !== undefined) return undefined;
  const i = issue as ZodOwnIssue;
  if (i.code === "unrecognized_keys" && Array.isArray(i.keys)) return { id: "unknownFields", params: { keys: i.keys.map(String) } };
  if (i.code === "invalid_type" && i.expected === "object") return { id: "notObject", params: {} };
  if (i.code === "invalid_value" && Array.isArray(i.values) && i.values.length === 1)
    return { id: "notLiteral", params: { value: String(i.values[0]) } };
  return undefined;
}

/** The rule of any issue: its own (`ruleOf`), or zod's issue as a rule (`zodRule`). */
export function issueRule(issue: object): RuleRef | undefined {
  return ruleOf(issue) ?? zodRule(issue);
}

/** An issue's English text: its rule's (zod's own issues included), else its message. */
export function issueText(issue: { readonly message: string }): string {
  const rule = zodRule(issue);
  return rule === undefined ? issue.message : ruleText(rule.id, rule.params);
}

/** A rule worded in a language: the English catalogue's by default (the readers before a schema take one, src/templates). */
export type WordRule = (rule: RuleRef) => string;
export const wordRuleEn: WordRule = (rule) => ruleText(rule.id, rule.params);
