/**
 * Open Cap Format import: an OCF package (its manifest and `*.ocf.json` files, from a zip or a
 * folder) read into a cap-table history (`src/engine/history`) and a report of what was read.
 *
 * Rules (Open Cap Format 1.2.0, /work/shared/ocf and `../shared/research/anchors.md` §1, §7):
 * - Versions 1.x are read (1.2.0 is the latest release; 1.2.1-alpha is main); another major
 *   version is refused: "`$id`s stable within a MAJOR" (`docs/development/versioning.md`).
 * - Numbers are OCF's fixed-point strings (`^[+-]?[0-9]+(\.[0-9]{1,10})?$`) read as decimals,
 *   never through a JS number.
 * - md5: each file the manifest lists carries an md5. A mismatch is reported as a warning and the
 *   file is still read (the official 1.2.0 samples carry stale md5s for unchanged files); with
 *   `requireMd5` it is an error. The md5 is an integrity check, not a signature; every object is
 *   validated either way.
 * - Every object is accounted for: applied to the history, read without effect on holdings (with
 *   the reason: acceptances, legends, valuations...), or, when its type is unknown, skipped with
 *   the reason. Nothing is dropped silently; an object that breaks a rule is an error naming it,
 *   and no partial history is returned.
 */
import { z } from "zod";
import { Decimal } from "../engine/decimal";
import {
  type CapTableHistory,
  type ClosingType,
  type ConvertibleTerms,
  type HistoryClass,
  type HistoryEvent,
  type HistoryHolder,
  type HistoryPlan,
  type Issuance,
  type VestingInstalment,
  isIsoDate,
  validateHistory,
} from "../engine/history/history";
import type { OcfIssuer } from "./historyJson";
import { ALLOCATION_TYPES, type VestingConditionSpec, type VestingTermsSpec, vestingSchedule } from "../engine/history/vesting";
import { isEngineError } from "../engine/errors";
import { NO_EFFECT_TYPES, type NoEffectType } from "./noEffect";
import { EXTENSION_FILE } from "./write";
import { ocfIssues } from "./zodIssues";
import { OcfError, type OcfRuleRef, type OcfSkipCode, type OcfWhere, ocfError, ocfRuleText } from "./ocfRules";

export { OcfError, type OcfSkipCode };

/** Sizes an import reads at most: a company with 10,000 grants and 50 events is far below. */
export const OCF_READ_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxFiles: 1000,
  maxObjects: 1_000_000,
} as const;

const NUMERIC = /^[+-]?[0-9]+(\.[0-9]{1,10})?$/;
// The messages of the reader's own checks are problem codes (OcfProblem), worded by the catalogues (./ocfRules.ts).
const numeric = z.string().regex(NUMERIC, "ocfNumber");
const date = z.string().refine(isIsoDate, "isoDate");
const monetary = z.object({ amount: numeric, currency: z.string().regex(/^[A-Z]{3}$/, "currency") });
const ratio = z.object({ numerator: numeric, denominator: numeric });
const id = z.string().min(1);

const fileRef = z.object({ filepath: z.string().min(1), md5: z.string() });
const FILE_LISTS = [
  "stock_plans_files",
  "stock_legend_templates_files",
  "stock_classes_files",
  "vesting_terms_files",
  "valuations_files",
  "transactions_files",
  "stakeholders_files",
  "financings_files",
  "documents_files",
] as const;
const manifestSchema = z.object({
  ocf_version: z.string(),
  file_type: z.literal("OCF_MANIFEST_FILE"),
  issuer: z
    .object({
      id,
      legal_name: z.string(),
      object_type: z.literal("ISSUER"),
      formation_date: z.string().optional(),
      country_of_formation: z.string().optional(),
    })
    .loose(),
  as_of: date,
  ...Object.fromEntries(FILE_LISTS.map((k) => [k, z.array(fileRef).optional()])),
});

const stakeholder = z
  .object({ id, name: z.object({ legal_name: z.string() }).loose(), stakeholder_type: z.enum(["INDIVIDUAL", "INSTITUTION"]).optional() })
  .loose();
const stockClass = z
  .object({
    id,
    name: z.string(),
    class_type: z.enum(["COMMON", "PREFERRED"]),
    seniority: numeric,
    price_per_share: monetary.optional(),
    liquidation_preference_multiple: numeric.optional(),
    participation_cap_multiple: numeric.optional(),
    initial_shares_authorized: numeric.optional(),
    votes_per_share: numeric.optional(),
    default_id_prefix: z.string().optional(),
    conversion_rights: z
      .array(z.object({ conversion_mechanism: z.object({ type: z.string(), ratio: ratio.optional() }).loose() }).loose())
      .optional(),
  })
  .loose();
const stockPlan = z
  .object({
    id,
    plan_name: z.string(),
    initial_shares_reserved: numeric,
    default_cancellation_behavior: z.string().optional(),
    stock_class_ids: z.array(id).optional(),
    stock_class_id: id.optional(),
  })
  .loose();
const vestingTrigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("VESTING_START_DATE") }).loose(),
  z.object({ type: z.literal("VESTING_SCHEDULE_ABSOLUTE"), date }).loose(),
  z
    .object({
      type: z.literal("VESTING_SCHEDULE_RELATIVE"),
      period: z.object({
        type: z.enum(["MONTHS", "DAYS"]),
        length: z.number().int().min(0),
        occurrences: z.number().int().min(1),
        day_of_month: z.string().optional(),
        cliff_installment: z.number().optional(),
      }),
      relative_to_condition_id: id,
    })
    .loose(),
  z.object({ type: z.literal("VESTING_EVENT") }).loose(),
]);
const vestingTerms = z
  .object({
    id,
    allocation_type: z.enum(ALLOCATION_TYPES),
    vesting_conditions: z.array(
      z
        .object({
          id,
          portion: z.object({ numerator: numeric, denominator: numeric, remainder: z.boolean().optional() }).optional(),
          quantity: numeric.optional(),
          trigger: vestingTrigger,
        })
        .loose(),
    ),
  })
  .loose();

const base = { id, date };
const closing = z
  .object({
    ...base,
    security_id: id,
    quantity: numeric.optional(),
    quantity_converted: numeric.optional(),
    amount: monetary.optional(),
    resulting_security_ids: z.array(id).optional(),
    balance_security_id: id.optional(),
    price: monetary.optional(),
  })
  .loose();
const issuanceBase = { ...base, security_id: id, stakeholder_id: id };
const vestings = z.array(z.object({ date, amount: numeric })).optional();
const stockIssuance = z
  .object({
    ...issuanceBase,
    stock_class_id: id,
    quantity: numeric,
    share_price: monetary,
    stock_plan_id: id.optional(),
    vestings,
    vesting_terms_id: id.optional(),
  })
  .loose();
const equityCompIssuance = z
  .object({
    ...issuanceBase,
    compensation_type: z.string(),
    quantity: numeric,
    exercise_price: monetary.optional(),
    base_price: monetary.optional(),
    stock_plan_id: id.optional(),
    stock_class_id: id.optional(),
    vestings,
    vesting_terms_id: id.optional(),
  })
  .loose();
const warrantIssuance = z
  .object({ ...issuanceBase, quantity: numeric.optional(), exercise_price: monetary.optional(), vestings, vesting_terms_id: id.optional() })
  .loose();
const safeMechanism = z
  .object({
    type: z.literal("SAFE_CONVERSION"),
    conversion_mfn: z.boolean(),
    conversion_discount: numeric.optional(),
    conversion_valuation_cap: monetary.optional(),
    conversion_timing: z.enum(["PRE_MONEY", "POST_MONEY"]).optional(),
  })
  .loose();
const noteMechanism = z
  .object({
    type: z.literal("CONVERTIBLE_NOTE_CONVERSION"),
    interest_rates: z.array(z.object({ rate: numeric, accrual_start_date: date, accrual_end_date: date.optional() })),
    day_count_convention: z.enum(["ACTUAL_365", "30_360"]),
    interest_payout: z.enum(["DEFERRED", "CASH"]),
    interest_accrual_period: z.enum(["DAILY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"]),
    compounding_type: z.enum(["COMPOUNDING", "SIMPLE"]),
    conversion_discount: numeric.optional(),
    conversion_valuation_cap: monetary.optional(),
    conversion_mfn: z.boolean().optional(),
  })
  .loose();
const convertibleIssuance = z
  .object({
    ...issuanceBase,
    convertible_type: z.string(),
    investment_amount: monetary,
    custom_id: z.string().optional(),
    conversion_triggers: z
      .array(z.object({ conversion_right: z.object({ conversion_mechanism: z.object({ type: z.string() }).loose() }).loose() }).loose())
      .optional(),
  })
  .loose();

/**
 * The exporter's extension file (src/ocf/write.ts `EXTENSION_FILE`, version 1): what OCF 1.2.0 has
 * no field for. Today a price per share for a closing transaction other than a repurchase (a
 * transfer's price), by transaction id.
 */
const extensionSchema = z
  .object({
    extension: z.literal("x-captable"),
    version: z.literal(1),
    transferPrices: z
      .array(z.object({ transactionId: id, pricePerShare: numeric, currency: z.string().regex(/^[A-Z]{3}$/, "currency") }).loose())
      .optional(),
  })
  .loose();

/** A convertible's terms from its first conversion right with a SAFE or note mechanism (others: none, and the report says so). */
function convertibleTerms(t: z.infer<typeof convertibleIssuance>, at: OcfWhere): ConvertibleTerms | undefined {
  for (const trigger of t.conversion_triggers ?? []) {
    const m = trigger.conversion_right.conversion_mechanism;
    if (m.type === "SAFE_CONVERSION") {
      const safe = parseWith(safeMechanism, m, { ...at, part: "safeConversion" });
      return {
        mechanism: "SAFE",
        mfn: safe.conversion_mfn,
        discount: safe.conversion_discount !== undefined ? d(safe.conversion_discount) : undefined,
        valuationCap: safe.conversion_valuation_cap ? d(safe.conversion_valuation_cap.amount) : undefined,
        capCurrency: safe.conversion_valuation_cap?.currency,
        timing: safe.conversion_timing,
      };
    }
    if (m.type === "CONVERTIBLE_NOTE_CONVERSION") {
      const note = parseWith(noteMechanism, m, { ...at, part: "noteConversion" });
      return {
        mechanism: "NOTE",
        mfn: note.conversion_mfn ?? false,
        discount: note.conversion_discount !== undefined ? d(note.conversion_discount) : undefined,
        valuationCap: note.conversion_valuation_cap ? d(note.conversion_valuation_cap.amount) : undefined,
        capCurrency: note.conversion_valuation_cap?.currency,
        interestRates: note.interest_rates.map((r) => ({ rate: d(r.rate), from: r.accrual_start_date, to: r.accrual_end_date })),
        dayCount: note.day_count_convention,
        interestPayout: note.interest_payout,
        accrualPeriod: note.interest_accrual_period,
        compounding: note.compounding_type,
      };
    }
  }
  return undefined;
}

/** Transaction types that close a security, by OCF object type. */
const CLOSINGS: Record<string, ClosingType> = {
  TX_STOCK_CANCELLATION: "CANCELLATION",
  TX_STOCK_CONVERSION: "CONVERSION",
  TX_STOCK_REISSUANCE: "REISSUANCE",
  TX_STOCK_REPURCHASE: "REPURCHASE",
  TX_STOCK_RETRACTION: "RETRACTION",
  TX_STOCK_TRANSFER: "TRANSFER",
  TX_EQUITY_COMPENSATION_CANCELLATION: "CANCELLATION",
  TX_EQUITY_COMPENSATION_EXERCISE: "EXERCISE",
  TX_EQUITY_COMPENSATION_RELEASE: "RELEASE",
  TX_EQUITY_COMPENSATION_RETRACTION: "RETRACTION",
  TX_EQUITY_COMPENSATION_TRANSFER: "TRANSFER",
  TX_STOCK_PLAN_RETURN_TO_POOL: "RETURN_TO_POOL",
  TX_WARRANT_CANCELLATION: "CANCELLATION",
  TX_WARRANT_EXERCISE: "EXERCISE",
  TX_WARRANT_RETRACTION: "RETRACTION",
  TX_WARRANT_TRANSFER: "TRANSFER",
  TX_CONVERTIBLE_CANCELLATION: "CANCELLATION",
  TX_CONVERTIBLE_CONVERSION: "CONVERSION",
  TX_CONVERTIBLE_RETRACTION: "RETRACTION",
  TX_CONVERTIBLE_TRANSFER: "TRANSFER",
};

/** A key of the table itself, not one inherited ("constructor", "toString" are object types a hostile package can name). */
const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** Objects read that change nothing in holdings (a vesting start is read into its grant's vesting instead, and noted apart). */
const isNoEffect = (type: string): type is NoEffectType => type !== "TX_VESTING_START" && (NO_EFFECT_TYPES as readonly string[]).includes(type);

export interface OcfObjectNote {
  readonly file: string;
  readonly id: string;
  readonly objectType: string;
  /** Why, in English (`ocfRuleText(rule)`). */
  readonly reason: string;
  /**
   * Why, as a rule of the reader's catalogue (src/ocf/ocfRules.ts), for another language: a skipped
   * object's id is one of `OcfSkipCode`; an object without effect's is `noEffect`, by its type.
   */
  readonly rule: OcfRuleRef;
  /** Skipped objects: why, as an id (the rule's). */
  readonly code?: OcfSkipCode;
}

export { NO_EFFECT_TYPES };

export interface OcfReport {
  readonly ocfVersion: string;
  readonly issuer: string;
  readonly asOf: string;
  /** Objects applied to the history, by OCF object type. */
  readonly applied: Readonly<Record<string, number>>;
  /** Objects read that change no holding, each with the reason. */
  readonly noEffect: readonly OcfObjectNote[];
  /** Objects of a type this reader does not know, each with the reason: never applied, never silent. */
  readonly skipped: readonly OcfObjectNote[];
  /** In English, one line per rule of `warningRules` (same order). */
  readonly warnings: readonly string[];
  /** The warnings as rules of the reader's catalogue (src/ocf/ocfRules.ts), for another language. */
  readonly warningRules: readonly OcfRuleRef[];
  /** The files whose md5 does not match the manifest's (each also in `warnings`, in words). */
  readonly md5Mismatches: readonly { readonly file: string; readonly actual: string; readonly expected: string }[];
}

export interface OcfImport {
  readonly history: CapTableHistory;
  readonly report: OcfReport;
  /** The manifest's issuer (an export needs it back). */
  readonly issuer: OcfIssuer;
}

export interface OcfFile {
  /** Path inside the package, with "/" separators ("Manifest.ocf.json", "data/Transactions.ocf.json"). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface OcfReadOptions {
  /** md5 of bytes as 32 lowercase hex digits; absent: md5s are not checked (and a warning says so). */
  readonly md5?: (bytes: Uint8Array) => string;
  /** A wrong md5 is an error instead of a warning. */
  readonly requireMd5?: boolean;
  /**
   * Check the history's references (every security closed was issued, resulting securities exist,
   * no loops) before returning it; on by default. Off only to read a catalogue of unrelated
   * examples (OCF's own samples) object by object.
   */
  readonly validate?: boolean;
}

/** An object breaking the schema: its first three fields at fault, and how many more. */
function invalid(error: z.ZodError, value: unknown, where: OcfWhere): OcfError {
  return ocfError("objectInvalid", { where, ...ocfIssues(error, value) });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: OcfWhere): T {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error, value, where);
  return r.data;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.replace(/\\/g, "/").split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (parts.length === 0) throw ocfError("outsidePackage", { path });
      parts.pop();
    } else parts.push(p);
  }
  return parts.join("/");
}

function decodeJson(file: OcfFile): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, "");
  } catch {
    throw ocfError("notUtf8", { file: file.path });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    // The detail is the JSON parser's own words (the runtime's, in English).
    throw ocfError("notJson", { file: file.path, detail: e instanceof Error ? e.message : String(e) });
  }
}

const d = (text: string): Decimal => new Decimal(text);

/** The manifest among the files: the one whose file_type is OCF_MANIFEST_FILE (usually Manifest.ocf.json). */
function findManifest(files: readonly OcfFile[]): OcfFile {
  const named = files.filter((f) => /(^|\/)manifest\.ocf\.json$/i.test(f.path));
  const candidates = named.length > 0 ? named : files.filter((f) => f.path.endsWith(".ocf.json"));
  const manifests = candidates.filter((f) => {
    try {
      return (decodeJson(f) as { file_type?: unknown })?.file_type === "OCF_MANIFEST_FILE";
    } catch {
      return false;
    }
  });
  if (manifests.length === 0) throw ocfError("noManifest", {});
  if (manifests.length > 1) throw ocfError("manyManifests", { count: manifests.length, files: manifests.map((m) => m.path) });
  return manifests[0];
}

/** Reads an OCF package into a history and a report. Throws OcfError naming the file and object at fault. */
export function readOcfPackage(files: readonly OcfFile[], options: OcfReadOptions = {}): OcfImport {
  if (files.length > OCF_READ_LIMITS.maxFiles) throw ocfError("tooManyFiles", { count: files.length, max: OCF_READ_LIMITS.maxFiles, folder: false });
  let total = 0;
  for (const f of files) {
    if (f.bytes.byteLength > OCF_READ_LIMITS.maxFileBytes)
      throw ocfError("fileTooLarge", { file: f.path, bytes: f.bytes.byteLength, max: OCF_READ_LIMITS.maxFileBytes });
    total += f.bytes.byteLength;
  }
  if (total > OCF_READ_LIMITS.maxTotalBytes) throw ocfError("packageTooLarge", { bytes: total, max: OCF_READ_LIMITS.maxTotalBytes, how: "package" });

  const manifestFile = findManifest(files);
  const rawManifest = decodeJson(manifestFile) as { ocf_version?: unknown };
  const version = typeof rawManifest?.ocf_version === "string" ? rawManifest.ocf_version : "";
  const major = /^(\d+)\.\d+\.\d+/.exec(version)?.[1];
  if (major !== "1") throw ocfError("versionRefused", { version });
  const manifest = parseWith(manifestSchema, rawManifest, { file: manifestFile.path });

  const byPath = new Map(files.map((f) => [normalise(f.path), f]));
  const root = manifestFile.path.includes("/") ? manifestFile.path.slice(0, manifestFile.path.lastIndexOf("/") + 1) : "";
  const warningRules: OcfRuleRef[] = [];
  const warn = <K extends OcfRuleRef["id"]>(id: K, params: OcfRuleRef<K>["params"]) => warningRules.push({ id, params } as OcfRuleRef);
  const md5Mismatches: { file: string; actual: string; expected: string }[] = [];
  if (options.md5 === undefined) warn("md5NotChecked", {});
  const seenFiles = new Set<string>([normalise(manifestFile.path)]);

  const objectsOf = (list: (typeof FILE_LISTS)[number], fileType: string): { file: string; item: Record<string, unknown> }[] => {
    const refs = (manifest as Record<string, unknown>)[list] as { filepath: string; md5: string }[] | undefined;
    const out: { file: string; item: Record<string, unknown> }[] = [];
    for (const ref of refs ?? []) {
      const path = normalise(root + ref.filepath);
      const file = byPath.get(path);
      if (file === undefined) throw ocfError("listedMissing", { file: ref.filepath, list });
      seenFiles.add(path);
      if (options.md5 !== undefined) {
        const actual = options.md5(file.bytes);
        if (actual.toLowerCase() !== ref.md5.toLowerCase()) {
          const mismatch = { file: ref.filepath, actual, expected: ref.md5 };
          if (options.requireMd5) throw ocfError("md5Mismatch", { ...mismatch, refused: true });
          warn("md5Mismatch", { ...mismatch, refused: false });
          md5Mismatches.push({ file: ref.filepath, actual, expected: ref.md5 });
        }
      }
      const body = decodeJson(file) as { file_type?: unknown; items?: unknown };
      if (body?.file_type !== fileType)
        throw ocfError("fileTypeWrong", { file: ref.filepath, got: String(body?.file_type), expected: fileType, list });
      if (!Array.isArray(body.items)) throw ocfError("noItems", { file: ref.filepath });
      for (const item of body.items) {
        if (typeof item !== "object" || item === null || Array.isArray(item)) throw ocfError("itemNotObject", { file: ref.filepath });
        out.push({ file: ref.filepath, item: item as Record<string, unknown> });
      }
      if (out.length > OCF_READ_LIMITS.maxObjects) throw ocfError("tooManyObjects", { max: OCF_READ_LIMITS.maxObjects });
    }
    return out;
  };

  const applied: Record<string, number> = {};
  const noEffect: OcfObjectNote[] = [];
  const skipped: OcfObjectNote[] = [];
  const count = (type: string) => (applied[type] = (applied[type] ?? 0) + 1);
  const noteOf = (file: string, item: Record<string, unknown>, rule: OcfRuleRef): OcfObjectNote => ({
    file,
    id: String(item.id ?? "(no id)"),
    objectType: String(item.object_type ?? "(no object_type)"),
    reason: ocfRuleText(rule),
    rule,
    ...(rule.id === "unexpectedType" || rule.id === "laterQuantity" || rule.id === "unknownTransaction" ? { code: rule.id } : {}),
  });
  const where = (file: string, item: Record<string, unknown>): OcfWhere => ({ file, objectType: String(item.object_type), id: String(item.id) });

  const holders: HistoryHolder[] = [];
  for (const { file, item } of objectsOf("stakeholders_files", "OCF_STAKEHOLDERS_FILE")) {
    const s = parseWith(stakeholder, item, where(file, item));
    holders.push({ id: s.id, name: s.name.legal_name, kind: s.stakeholder_type });
    count("STAKEHOLDER");
  }
  const classes: HistoryClass[] = [];
  for (const { file, item } of objectsOf("stock_classes_files", "OCF_STOCK_CLASSES_FILE")) {
    const c = parseWith(stockClass, item, where(file, item));
    const ratioRight = c.conversion_rights?.find((r) => r.conversion_mechanism.type === "RATIO_CONVERSION")?.conversion_mechanism.ratio;
    if (ratioRight === undefined && c.class_type === "PREFERRED") warn("noRatio", { className: c.name });
    classes.push({
      id: c.id,
      name: c.name,
      kind: c.class_type,
      seniority: Number(c.seniority),
      originalIssuePrice: c.price_per_share ? d(c.price_per_share.amount) : undefined,
      liquidationPreferenceMultiple: c.liquidation_preference_multiple ? d(c.liquidation_preference_multiple) : undefined,
      participationCapMultiple: c.participation_cap_multiple ? d(c.participation_cap_multiple) : undefined,
      conversionRatio: ratioRight ? d(ratioRight.numerator).div(d(ratioRight.denominator)) : new Decimal(1),
      authorized: c.initial_shares_authorized !== undefined ? d(c.initial_shares_authorized) : undefined,
      votesPerShare: c.votes_per_share !== undefined ? d(c.votes_per_share) : undefined,
      idPrefix: c.default_id_prefix,
    });
    count("STOCK_CLASS");
  }
  const plans: HistoryPlan[] = [];
  for (const { file, item } of objectsOf("stock_plans_files", "OCF_STOCK_PLANS_FILE")) {
    const p = parseWith(stockPlan, item, where(file, item));
    plans.push({
      id: p.id,
      name: p.plan_name,
      reserved: d(p.initial_shares_reserved),
      cancelledGrants: p.default_cancellation_behavior === "RETIRE" ? "RETIRE" : "RETURN_TO_POOL",
      classIds: p.stock_class_ids ?? (p.stock_class_id !== undefined ? [p.stock_class_id] : undefined),
    });
    count("STOCK_PLAN");
  }
  const terms = new Map<string, VestingTermsSpec>();
  for (const { file, item } of objectsOf("vesting_terms_files", "OCF_VESTING_TERMS_FILE")) {
    const t = parseWith(vestingTerms, item, where(file, item));
    terms.set(t.id, {
      id: t.id,
      allocation: t.allocation_type,
      conditions: t.vesting_conditions.map((c): VestingConditionSpec => {
        const tr = c.trigger;
        return {
          id: c.id,
          portion: c.portion ? d(c.portion.numerator).div(d(c.portion.denominator)) : undefined,
          quantity: c.quantity !== undefined ? d(c.quantity) : undefined,
          remainder: c.portion?.remainder === true,
          trigger:
            tr.type === "VESTING_START_DATE"
              ? { type: "START" }
              : tr.type === "VESTING_SCHEDULE_ABSOLUTE"
                ? { type: "ABSOLUTE", date: tr.date }
                : tr.type === "VESTING_EVENT"
                  ? { type: "EVENT" }
                  : {
                      type: "RELATIVE",
                      unit: tr.period.type,
                      length: tr.period.length,
                      occurrences: tr.period.occurrences,
                      dayOfMonth: tr.period.day_of_month,
                      relativeTo: tr.relative_to_condition_id,
                    },
        };
      }),
    });
    count("VESTING_TERMS");
  }
  for (const list of ["stock_legend_templates_files", "valuations_files", "financings_files", "documents_files"] as const) {
    const fileType = {
      stock_legend_templates_files: "OCF_STOCK_LEGEND_TEMPLATES_FILE",
      valuations_files: "OCF_VALUATIONS_FILE",
      financings_files: "OCF_FINANCINGS_FILE",
      documents_files: "OCF_DOCUMENTS_FILE",
    }[list];
    for (const { file, item } of objectsOf(list, fileType)) {
      const objectType = String(item.object_type);
      if (isNoEffect(objectType)) noEffect.push(noteOf(file, item, { id: "noEffect", params: { objectType } }));
      else skipped.push(noteOf(file, item, { id: "unexpectedType", params: { objectType, list } }));
    }
  }

  // The exporter's extension file, next to the manifest: read, its prices applied to their transactions below.
  const extensionPath = normalise(root + EXTENSION_FILE);
  const extensionFile = byPath.get(extensionPath);
  const extensionPrices = new Map<string, { price: Decimal; currency: string }>();
  if (extensionFile !== undefined) {
    seenFiles.add(extensionPath);
    const raw = decodeJson(extensionFile) as { version?: unknown } | null;
    if (raw?.version !== 1) throw ocfError("extensionVersion", { file: extensionFile.path, version: JSON.stringify(raw?.version) ?? "none" });
    const ext = parseWith(extensionSchema, raw, { file: extensionFile.path });
    for (const p of ext.transferPrices ?? []) {
      if (extensionPrices.has(p.transactionId)) throw ocfError("extensionPriceTwice", { file: extensionFile.path, transaction: p.transactionId });
      extensionPrices.set(p.transactionId, { price: d(p.pricePerShare), currency: p.currency });
    }
  }
  const pricedFromExtension = new Map<string, string>();

  // Transactions: vesting starts first (they date the grants' schedules), then every event.
  const transactions = objectsOf("transactions_files", "OCF_TRANSACTIONS_FILE");
  const vestingStart = new Map<string, string>();
  for (const { file, item } of transactions) {
    if (item.object_type !== "TX_VESTING_START") continue;
    const v = parseWith(z.object({ ...base, security_id: id }).loose(), item, where(file, item));
    vestingStart.set(v.security_id, v.date);
    noEffect.push(noteOf(file, item, { id: "noEffect", params: { objectType: "TX_VESTING_START" } }));
  }
  const events: HistoryEvent[] = [];
  const unscheduled: OcfRuleRef[] = [];
  const scheduleOf = (
    file: string,
    item: Record<string, unknown>,
    quantity: Decimal,
    explicit: { date: string; amount: string }[] | undefined,
    termsId: string | undefined,
    securityId: string,
    issued: string,
  ): readonly VestingInstalment[] | undefined => {
    if (explicit !== undefined) return explicit.map((v) => ({ date: v.date, quantity: d(v.amount) }));
    if (termsId === undefined) return undefined;
    const t = terms.get(termsId);
    if (t === undefined) throw ocfError("termsUnknown", { where: where(file, item), terms: termsId });
    const start = vestingStart.get(securityId) ?? issued;
    if (!vestingStart.has(securityId)) warn("noVestingStart", { security: String(item.id), issued });
    const s = vestingSchedule(t, quantity, start);
    for (const c of s.unscheduled) unscheduled.push({ id: "eventVesting", params: { security: String(item.id), condition: c, terms: termsId } });
    return s.instalments;
  };

  for (const { file, item } of transactions) {
    const type = String(item.object_type);
    const at = where(file, item);
    if (type === "TX_VESTING_START") continue;
    if (type === "TX_STOCK_ISSUANCE") {
      const t = parseWith(stockIssuance, item, at);
      events.push({
        type: "ISSUANCE",
        id: t.id,
        date: t.date,
        securityId: t.security_id,
        kind: "STOCK",
        holderId: t.stakeholder_id,
        classId: t.stock_class_id,
        quantity: d(t.quantity),
        price: d(t.share_price.amount),
        currency: t.share_price.currency,
        customId: typeof item.custom_id === "string" ? item.custom_id : undefined,
      });
    } else if (type === "TX_EQUITY_COMPENSATION_ISSUANCE" || type === "TX_WARRANT_ISSUANCE") {
      const t = type === "TX_WARRANT_ISSUANCE" ? parseWith(warrantIssuance, item, at) : parseWith(equityCompIssuance, item, at);
      if (t.quantity === undefined) {
        skipped.push(noteOf(file, item, { id: "laterQuantity", params: {} }));
        continue;
      }
      const quantity = d(t.quantity);
      const price = (t.exercise_price ?? ("base_price" in t ? t.base_price : undefined)) as { amount: string; currency: string } | undefined;
      const issuance: Issuance = {
        type: "ISSUANCE",
        id: t.id,
        date: t.date,
        securityId: t.security_id,
        kind: type === "TX_WARRANT_ISSUANCE" ? "WARRANT" : "OPTION",
        holderId: t.stakeholder_id,
        planId: "stock_plan_id" in t ? (t.stock_plan_id as string | undefined) : undefined,
        classId: "stock_class_id" in t ? (t.stock_class_id as string | undefined) : undefined,
        quantity,
        price: price ? d(price.amount) : undefined,
        currency: price?.currency,
        vesting: scheduleOf(file, item, quantity, t.vestings, t.vesting_terms_id, t.security_id, t.date),
        customId: typeof item.custom_id === "string" ? item.custom_id : undefined,
        compensationType: typeof item.compensation_type === "string" ? item.compensation_type : undefined,
        expirationDate: typeof item.expiration_date === "string" ? item.expiration_date : undefined,
      };
      events.push(issuance);
    } else if (type === "TX_CONVERTIBLE_ISSUANCE") {
      const t = parseWith(convertibleIssuance, item, at);
      events.push({
        type: "ISSUANCE",
        id: t.id,
        date: t.date,
        securityId: t.security_id,
        kind: "CONVERTIBLE",
        holderId: t.stakeholder_id,
        amount: d(t.investment_amount.amount),
        currency: t.investment_amount.currency,
        convertibleType: t.convertible_type,
        customId: t.custom_id,
        conversion: convertibleTerms(t, at),
      });
    } else if (own(CLOSINGS, type)) {
      const t = parseWith(closing, item, at);
      const quantity = t.quantity ?? t.quantity_converted ?? t.amount?.amount;
      const extra = extensionPrices.get(t.id);
      if (extra !== undefined) {
        if (t.price !== undefined) throw ocfError("extensionPriceTwice", { file: extensionFile!.path, transaction: t.id });
        pricedFromExtension.set(t.id, t.security_id);
      }
      events.push({
        type: CLOSINGS[type],
        id: t.id,
        date: t.date,
        securityId: t.security_id,
        quantity: quantity !== undefined ? d(quantity) : undefined,
        resultingSecurityIds: t.resulting_security_ids ?? [],
        balanceSecurityId: t.balance_security_id,
        price: t.price ? d(t.price.amount) : extra?.price,
      });
    } else if (type === "TX_STOCK_CLASS_SPLIT") {
      const t = parseWith(z.object({ ...base, stock_class_id: id, split_ratio: ratio }).loose(), item, at);
      events.push({
        type: "SPLIT",
        id: t.id,
        date: t.date,
        classId: t.stock_class_id,
        ratio: d(t.split_ratio.numerator).div(d(t.split_ratio.denominator)),
      });
    } else if (type === "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT") {
      const t = parseWith(z.object({ ...base, stock_class_id: id, new_ratio_conversion_mechanism: z.object({ ratio }).loose() }).loose(), item, at);
      const r = t.new_ratio_conversion_mechanism.ratio;
      events.push({
        type: "RATIO_ADJUSTMENT",
        id: t.id,
        date: t.date,
        classId: t.stock_class_id,
        conversionRatio: d(r.numerator).div(d(r.denominator)),
      });
    } else if (type === "TX_STOCK_PLAN_POOL_ADJUSTMENT") {
      const t = parseWith(z.object({ ...base, stock_plan_id: id, shares_reserved: numeric }).loose(), item, at);
      events.push({ type: "POOL_ADJUSTMENT", id: t.id, date: t.date, planId: t.stock_plan_id, reserved: d(t.shares_reserved) });
    } else if (type === "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT") {
      const t = parseWith(z.object({ ...base, stock_class_id: id, new_shares_authorized: numeric }).loose(), item, at);
      events.push({ type: "AUTHORIZED_ADJUSTMENT", id: t.id, date: t.date, classId: t.stock_class_id, authorized: d(t.new_shares_authorized) });
    } else if (type === "TX_VESTING_ACCELERATION") {
      const t = parseWith(z.object({ ...base, security_id: id, quantity: numeric }).loose(), item, at);
      events.push({ type: "VESTING_ACCELERATION", id: t.id, date: t.date, securityId: t.security_id, quantity: d(t.quantity) });
    } else if (isNoEffect(type)) {
      noEffect.push(noteOf(file, item, { id: "noEffect", params: { objectType: type } }));
      continue;
    } else {
      skipped.push(noteOf(file, item, { id: "unknownTransaction", params: { objectType: type } }));
      continue;
    }
    count(type);
  }

  // Every price of the extension file names a closing transaction of the package, in its security's currency.
  for (const [transaction, price] of extensionPrices) {
    const security = pricedFromExtension.get(transaction);
    if (security === undefined) throw ocfError("extensionUnknownTransaction", { file: extensionFile!.path, transaction });
    const issuance = events.find((e): e is Issuance => e.type === "ISSUANCE" && e.securityId === security);
    if (issuance?.currency !== undefined && issuance.currency !== price.currency)
      throw ocfError("extensionCurrency", { file: extensionFile!.path, transaction, currency: price.currency, expected: issuance.currency });
    count("X_CAPTABLE_TRANSFER_PRICE");
  }

  for (const f of files) {
    const path = normalise(f.path);
    if (!seenFiles.has(path)) warn("notInManifest", { file: f.path });
  }
  for (const w of unscheduled) warningRules.push(w);

  const history: CapTableHistory = { classes, holders, plans, events };
  try {
    if (options.validate !== false) validateHistory(history);
  } catch (e) {
    // The history's rules are the engine's (each EngineError carries its rule); anything else is a fault of this code, thrown as it is.
    if (isEngineError(e) && e.rule !== undefined) throw ocfError("historyInvalid", { rule: e.rule });
    throw e;
  }
  const { id: issuerId, legal_name: legalName, formation_date: formationDate, country_of_formation: countryOfFormation } = manifest.issuer;
  return {
    history,
    issuer: {
      id: issuerId,
      legalName,
      ...(formationDate !== undefined ? { formationDate } : {}),
      ...(countryOfFormation !== undefined ? { countryOfFormation } : {}),
    },
    report: {
      ocfVersion: manifest.ocf_version,
      issuer: manifest.issuer.legal_name,
      asOf: manifest.as_of,
      applied,
      noEffect,
      skipped,
      warnings: warningRules.map((r) => ocfRuleText(r)),
      warningRules,
      md5Mismatches,
    },
  };
}
