/**
 * Open Cap Format export: a cap-table history written as a valid OCF 1.2.0 package (a manifest and
 * one `*.ocf.json` file per list, each listed with its md5).
 *
 * Rules (OCF 1.2.0 schemas; `../shared/research/anchors.md` §7):
 * - Every event is written as the OCF transaction of its security's kind (a stock transfer as
 *   TX_STOCK_TRANSFER, an option exercise as TX_EQUITY_COMPENSATION_EXERCISE...), with its
 *   resulting and balance securities, so the package replays to the same history.
 * - Vesting is written as each grant's explicit `vestings[]` list (date and amount), as OCF #509
 *   settled for bespoke schedules, not as vesting-terms graphs: importing the export gives the same
 *   instalments whatever the original terms were.
 * - A field OCF requires that the history does not know (a class's votes per share, an option's
 *   expiry, a holder's type...) is written with a stated default, and each default is listed in
 *   `warnings` (and as rules of the catalogue, src/ocf/ocfRules.ts, in `warningRules`), never silently.
 * - What OCF has no field for (a transfer's price) goes in `x-captable.json`, a documented
 *   extension file in the package, named in the manifest's `comments` (the manifest forbids
 *   additional properties): never as extra properties on OCF objects.
 */
import { ZERO } from "../engine/decimal";
import type { CapTableHistory, Closing, ConvertibleTerms, HistoryEvent, Issuance, SecurityKind } from "../engine/history/history";
import { type ExportWhere, type OcfRuleId, type OcfRuleParams, type OcfRuleRef, ocfError, ocfRuleText } from "./ocfRules";

export const OCF_EXPORT_VERSION = "1.2.0";
export const EXTENSION_FILE = "x-captable.json";

export interface OcfExportOptions {
  readonly issuer: { readonly id: string; readonly legalName: string; readonly formationDate: string; readonly countryOfFormation: string };
  readonly asOf: string;
  /** ISO date-time the package is generated at. */
  readonly generatedAt: string;
  /** Currency of prices the history does not tag with one. */
  readonly currency: string;
  readonly md5: (bytes: Uint8Array) => string;
}

export interface OcfExport {
  readonly files: { readonly path: string; readonly bytes: Uint8Array }[];
  /** Each default written for a field OCF requires and the history does not know, in English: one line per rule of `warningRules` (same order). */
  readonly warnings: readonly string[];
  /** The defaults as rules of the catalogue (src/ocf/ocfRules.ts), for another language. */
  readonly warningRules: readonly OcfRuleRef[];
}

/** OCF numbers are strings of digits with at most 10 decimals. */
function numeric(value: { toFixed(dp?: number): string; decimalPlaces(): number }, where: ExportWhere): string {
  if (value.decimalPlaces() > 10) throw ocfError("exportDecimals", { where, value: value.toFixed() });
  return value.toFixed();
}

const CLOSING_OBJECT: Record<SecurityKind, Partial<Record<Closing["type"], string>>> = {
  STOCK: {
    CANCELLATION: "TX_STOCK_CANCELLATION",
    CONVERSION: "TX_STOCK_CONVERSION",
    REISSUANCE: "TX_STOCK_REISSUANCE",
    REPURCHASE: "TX_STOCK_REPURCHASE",
    RETRACTION: "TX_STOCK_RETRACTION",
    TRANSFER: "TX_STOCK_TRANSFER",
  },
  OPTION: {
    CANCELLATION: "TX_EQUITY_COMPENSATION_CANCELLATION",
    EXERCISE: "TX_EQUITY_COMPENSATION_EXERCISE",
    RELEASE: "TX_EQUITY_COMPENSATION_RELEASE",
    RETRACTION: "TX_EQUITY_COMPENSATION_RETRACTION",
    TRANSFER: "TX_EQUITY_COMPENSATION_TRANSFER",
    RETURN_TO_POOL: "TX_STOCK_PLAN_RETURN_TO_POOL",
  },
  WARRANT: {
    CANCELLATION: "TX_WARRANT_CANCELLATION",
    EXERCISE: "TX_WARRANT_EXERCISE",
    RETRACTION: "TX_WARRANT_RETRACTION",
    TRANSFER: "TX_WARRANT_TRANSFER",
  },
  CONVERTIBLE: {
    CANCELLATION: "TX_CONVERTIBLE_CANCELLATION",
    CONVERSION: "TX_CONVERTIBLE_CONVERSION",
    RETRACTION: "TX_CONVERTIBLE_RETRACTION",
    TRANSFER: "TX_CONVERTIBLE_TRANSFER",
  },
};

/** Writes the history as an OCF 1.2.0 package. Throws OcfError when an event has no OCF form (the message names it). */
export function writeOcfPackage(history: CapTableHistory, options: OcfExportOptions): OcfExport {
  const warningRules: OcfRuleRef[] = [];
  const warn = <K extends OcfRuleId>(id: K, params: OcfRuleParams[K]) => warningRules.push({ id, params } as OcfRuleRef);
  const money = (amount: { toFixed(dp?: number): string; decimalPlaces(): number }, currency: string | undefined, where: ExportWhere) => ({
    amount: numeric(amount, where),
    currency: currency ?? options.currency,
  });
  const issuances = new Map<string, Issuance>();
  for (const e of history.events) if (e.type === "ISSUANCE") issuances.set(e.securityId, e);
  const extension: { transferPrices: { transactionId: string; pricePerShare: string; currency: string }[] } = { transferPrices: [] };

  const stakeholders = history.holders.map((h) => {
    if (h.kind === undefined) warn("exportHolderType", { holder: h.name });
    return { object_type: "STAKEHOLDER", id: h.id, name: { legal_name: h.name }, stakeholder_type: h.kind ?? "INSTITUTION" };
  });
  const stockClasses = history.classes.map((c) => {
    const issued = history.events.filter((e): e is Issuance => e.type === "ISSUANCE" && e.kind === "STOCK" && e.classId === c.id);
    const cls: ExportWhere = { kind: "class", name: c.name };
    if (c.votesPerShare === undefined) warn("exportVotes", { className: c.name });
    if (c.authorized === undefined) warn("exportAuthorized", { className: c.name });
    const everIssued = issued.reduce((sum, e) => sum.add(e.quantity!), ZERO);
    return {
      object_type: "STOCK_CLASS",
      id: c.id,
      name: c.name,
      class_type: c.kind,
      default_id_prefix: c.idPrefix ?? `${c.kind === "COMMON" ? "CS" : "PS"}-`,
      initial_shares_authorized: numeric(c.authorized ?? everIssued, cls),
      votes_per_share: c.votesPerShare !== undefined ? numeric(c.votesPerShare, cls) : "1",
      seniority: String(c.seniority),
      ...(c.originalIssuePrice !== undefined ? { price_per_share: money(c.originalIssuePrice, undefined, cls) } : {}),
      ...(c.liquidationPreferenceMultiple !== undefined ? { liquidation_preference_multiple: numeric(c.liquidationPreferenceMultiple, cls) } : {}),
      ...(c.participationCapMultiple !== undefined ? { participation_cap_multiple: numeric(c.participationCapMultiple, cls) } : {}),
      ...(c.kind === "PREFERRED"
        ? {
            conversion_rights: [
              {
                type: "STOCK_CLASS_CONVERSION_RIGHT",
                conversion_mechanism: {
                  type: "RATIO_CONVERSION",
                  conversion_price: money(c.originalIssuePrice ?? ZERO, undefined, cls),
                  ratio: { numerator: numeric(c.conversionRatio, cls), denominator: "1" },
                  rounding_type: "NORMAL",
                },
                converts_to_future_round: false,
                ...commonTarget(history, c.id),
              },
            ],
          }
        : {}),
    };
  });
  const stockPlans = history.plans.map((p) => {
    const common = history.classes.filter((c) => c.kind === "COMMON").map((c) => c.id);
    if (p.classIds === undefined) warn("exportPlanClasses", { plan: p.name });
    return {
      object_type: "STOCK_PLAN",
      id: p.id,
      plan_name: p.name,
      initial_shares_reserved: numeric(p.reserved, { kind: "plan", name: p.name }),
      default_cancellation_behavior: p.cancelledGrants,
      stock_class_ids: p.classIds ?? common,
    };
  });

  const transactions = history.events.map((e) => transaction(e));
  function transaction(e: HistoryEvent): Record<string, unknown> {
    const where: ExportWhere = { kind: "event", name: e.id };
    switch (e.type) {
      case "ISSUANCE":
        return issuance(e, where);
      case "SPLIT":
        return { object_type: "TX_STOCK_CLASS_SPLIT", id: e.id, date: e.date, stock_class_id: e.classId, split_ratio: ratio(e.ratio, where) };
      case "RATIO_ADJUSTMENT":
        return {
          object_type: "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
          id: e.id,
          date: e.date,
          stock_class_id: e.classId,
          new_ratio_conversion_mechanism: {
            type: "RATIO_CONVERSION",
            conversion_price: money(ZERO, undefined, where),
            ratio: ratio(e.conversionRatio, where),
            rounding_type: "NORMAL",
          },
        };
      case "POOL_ADJUSTMENT":
        return {
          object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
          id: e.id,
          date: e.date,
          stock_plan_id: e.planId,
          shares_reserved: numeric(e.reserved, where),
        };
      case "AUTHORIZED_ADJUSTMENT":
        return e.classId === undefined
          ? {
              object_type: "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
              id: e.id,
              date: e.date,
              issuer_id: options.issuer.id,
              new_shares_authorized: numeric(e.authorized, where),
            }
          : {
              object_type: "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
              id: e.id,
              date: e.date,
              stock_class_id: e.classId,
              new_shares_authorized: numeric(e.authorized, where),
            };
      case "VESTING_ACCELERATION":
        return {
          object_type: "TX_VESTING_ACCELERATION",
          id: e.id,
          date: e.date,
          security_id: e.securityId,
          quantity: numeric(e.quantity, where),
          reason_text: "acceleration",
        };
      default:
        return closing(e, where);
    }
  }

  function issuance(e: Issuance, where: ExportWhere): Record<string, unknown> {
    const common = {
      id: e.id,
      date: e.date,
      security_id: e.securityId,
      custom_id: e.customId ?? e.securityId,
      stakeholder_id: e.holderId,
      security_law_exemptions: [],
    };
    switch (e.kind) {
      case "STOCK":
        if (e.price === undefined) warn("exportSharePrice", { event: e.id });
        return {
          object_type: "TX_STOCK_ISSUANCE",
          ...common,
          stock_class_id: e.classId,
          quantity: numeric(e.quantity!, where),
          share_price: money(e.price ?? ZERO, e.currency, where),
          stock_legend_ids: [],
        };
      case "OPTION":
        if (e.expirationDate === undefined) warn("exportExpiry", { event: e.id });
        return {
          object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
          ...common,
          compensation_type: e.compensationType ?? "OPTION",
          quantity: numeric(e.quantity!, where),
          ...optionPrice(e, where),
          ...(e.planId !== undefined ? { stock_plan_id: e.planId } : {}),
          ...(e.classId !== undefined ? { stock_class_id: e.classId } : {}),
          expiration_date:
            e.expirationDate ?? `${String(Number(e.date.slice(0, 4)) + 10).padStart(4, "0")}${e.date.slice(4)}`.replace(/-02-29$/, "-02-28"),
          termination_exercise_windows: [],
          ...(e.vesting !== undefined ? { vestings: e.vesting.map((v) => ({ date: v.date, amount: numeric(v.quantity, where) })) } : {}),
        };
      case "WARRANT":
        warn("exportWarrantTerms", { event: e.id });
        return {
          object_type: "TX_WARRANT_ISSUANCE",
          ...common,
          quantity: numeric(e.quantity!, where),
          ...(e.price !== undefined ? { exercise_price: money(e.price, e.currency, where) } : {}),
          purchase_price: money(ZERO, e.currency, where),
          exercise_triggers: [],
          ...(e.vesting !== undefined ? { vestings: e.vesting.map((v) => ({ date: v.date, amount: numeric(v.quantity, where) })) } : {}),
        };
      case "CONVERTIBLE":
        if (e.conversion === undefined) warn("exportConversionTerms", { event: e.id });
        return {
          object_type: "TX_CONVERTIBLE_ISSUANCE",
          ...common,
          convertible_type: e.convertibleType ?? "CONVERTIBLE_SECURITY",
          investment_amount: money(e.amount!, e.currency, where),
          conversion_triggers: [
            {
              trigger_id: `${e.securityId}.TRIG.1`,
              type: "UNSPECIFIED",
              conversion_right: {
                type: "CONVERTIBLE_CONVERSION_RIGHT",
                conversion_mechanism: mechanism(e.conversion, e.currency, where),
                converts_to_future_round: true,
              },
            },
          ],
          seniority: 1,
        };
    }
  }

  /** Options need an exercise price in OCF (RSUs and SARs do not: a SAR's is its base price). */
  function optionPrice(e: Issuance, where: ExportWhere): Record<string, unknown> {
    const type = e.compensationType ?? "OPTION";
    if (type === "RSU") return {};
    if (type === "CSAR" || type === "SSAR") return e.price !== undefined ? { base_price: money(e.price, e.currency, where) } : {};
    if (e.price === undefined) warn("exportExercisePrice", { event: e.id });
    return { exercise_price: money(e.price ?? ZERO, e.currency, where) };
  }

  function mechanism(t: ConvertibleTerms | undefined, currency: string | undefined, where: ExportWhere): Record<string, unknown> {
    if (t === undefined) return { type: "CUSTOM_CONVERSION", custom_conversion_description: "Terms not recorded in the exporting model" };
    const cap = t.valuationCap !== undefined ? { conversion_valuation_cap: money(t.valuationCap, t.capCurrency ?? currency, where) } : {};
    const discount = t.discount !== undefined ? { conversion_discount: numeric(t.discount, where) } : {};
    if (t.mechanism === "SAFE") {
      return {
        type: "SAFE_CONVERSION",
        conversion_mfn: t.mfn,
        ...discount,
        ...cap,
        ...(t.timing !== undefined ? { conversion_timing: t.timing } : {}),
      };
    }
    return {
      type: "CONVERTIBLE_NOTE_CONVERSION",
      interest_rates: (t.interestRates ?? []).map((r) => ({
        rate: numeric(r.rate, where),
        accrual_start_date: r.from,
        ...(r.to !== undefined ? { accrual_end_date: r.to } : {}),
      })),
      day_count_convention: t.dayCount ?? "ACTUAL_365",
      interest_payout: t.interestPayout ?? "DEFERRED",
      interest_accrual_period: t.accrualPeriod ?? "DAILY",
      compounding_type: t.compounding ?? "SIMPLE",
      conversion_mfn: t.mfn,
      ...discount,
      ...cap,
    };
  }

  function closing(e: Closing, where: ExportWhere): Record<string, unknown> {
    const origin = issuances.get(e.securityId);
    if (origin === undefined) throw ocfError("exportNeverIssued", { event: e.id, security: e.securityId });
    const objectType = CLOSING_OBJECT[origin.kind][e.type];
    if (objectType === undefined) throw ocfError("exportNoTransactionType", { event: e.id, closing: e.type, kind: origin.kind });
    const base: Record<string, unknown> = { object_type: objectType, id: e.id, date: e.date, security_id: e.securityId };
    const amount = e.quantity ?? undefined;
    if (origin.kind === "CONVERTIBLE") {
      if (amount !== undefined && e.type !== "CONVERSION") base.amount = money(amount, origin.currency, where);
      if (e.type === "CONVERSION") Object.assign(base, { trigger_id: `${e.securityId}.TRIG.1`, reason_text: "conversion" });
    } else if (e.type === "CONVERSION") base.quantity_converted = numeric(amount ?? origin.quantity!, where);
    else if (e.type !== "RETRACTION" && e.type !== "REISSUANCE" && !(origin.kind === "WARRANT" && e.type === "EXERCISE"))
      base.quantity = numeric(amount ?? origin.quantity!, where);
    if (e.type === "RETRACTION" || e.type === "CANCELLATION" || e.type === "RETURN_TO_POOL")
      base.reason_text = e.type === "RETURN_TO_POOL" ? "returned to the pool" : e.type.toLowerCase();
    if (e.type === "RETURN_TO_POOL") base.stock_plan_id = origin.planId;
    if (e.type === "RELEASE") Object.assign(base, { settlement_date: e.date, release_price: money(origin.price ?? ZERO, origin.currency, where) });
    if (e.type === "EXERCISE" && origin.kind === "WARRANT") base.trigger_id = `${e.securityId}.EXERCISE`;
    if (e.resultingSecurityIds.length > 0 || ["TRANSFER", "EXERCISE", "CONVERSION", "REISSUANCE", "RELEASE"].includes(e.type))
      base.resulting_security_ids = [...e.resultingSecurityIds];
    if (e.balanceSecurityId !== undefined) base.balance_security_id = e.balanceSecurityId;
    if (e.price !== undefined) {
      if (e.type === "REPURCHASE") base.price = money(e.price, origin.currency, where);
      else extension.transferPrices.push({ transactionId: e.id, pricePerShare: e.price.toFixed(), currency: origin.currency ?? options.currency });
    }
    return base;
  }

  const encode = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const lists: [key: string, path: string, fileType: string, items: unknown[]][] = [
    ["stakeholders_files", "Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", stakeholders],
    ["stock_classes_files", "StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", stockClasses],
    ["stock_plans_files", "StockPlans.ocf.json", "OCF_STOCK_PLANS_FILE", stockPlans],
    ["stock_legend_templates_files", "StockLegends.ocf.json", "OCF_STOCK_LEGEND_TEMPLATES_FILE", []],
    ["vesting_terms_files", "VestingTerms.ocf.json", "OCF_VESTING_TERMS_FILE", []],
    ["valuations_files", "Valuations.ocf.json", "OCF_VALUATIONS_FILE", []],
    ["transactions_files", "Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", transactions],
  ];
  const files: { path: string; bytes: Uint8Array }[] = [];
  const manifest: Record<string, unknown> = {
    ocf_version: OCF_EXPORT_VERSION,
    file_type: "OCF_MANIFEST_FILE",
    issuer: {
      object_type: "ISSUER",
      id: options.issuer.id,
      legal_name: options.issuer.legalName,
      formation_date: options.issuer.formationDate,
      country_of_formation: options.issuer.countryOfFormation,
    },
    as_of: options.asOf,
    generated_at: options.generatedAt,
  };
  for (const [key, path, fileType, items] of lists) {
    const bytes = encode({ file_type: fileType, items });
    files.push({ path, bytes });
    manifest[key] = [{ filepath: `./${path}`, md5: options.md5(bytes) }];
  }
  if (extension.transferPrices.length > 0) {
    files.push({
      path: EXTENSION_FILE,
      bytes: encode({
        extension: "x-captable",
        version: 1,
        description: "Facts Open Cap Format 1.2.0 has no field for, written by the CapTable add-in.",
        ...extension,
      }),
    });
    manifest.comments = [`${EXTENSION_FILE}: CapTable extension (transfer prices, which OCF 1.2.0 has no field for)`];
  }
  files.unshift({ path: "Manifest.ocf.json", bytes: encode(manifest) });
  return { files, warnings: warningRules.map((r) => ocfRuleText(r)), warningRules };
}

function ratio(value: { toFixed(): string; decimalPlaces(): number }, where: ExportWhere): { numerator: string; denominator: string } {
  return { numerator: numeric(value, where), denominator: "1" };
}

function commonTarget(history: CapTableHistory, classId: string): { converts_to_stock_class_id?: string } {
  const common = history.classes.find((c) => c.kind === "COMMON" && c.id !== classId);
  return common === undefined ? {} : { converts_to_stock_class_id: common.id };
}
