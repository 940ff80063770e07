/**
 * A cap-table history as plain JSON, and back: the file `captable import-ocf -o file.json` writes
 * (its `history` member) and `captable export-ocf` reads.
 *
 * Rules:
 * - Every number is an exact decimal written as a string ("1250000", "0.2"), never a JSON number:
 *   a JSON number is a double, and a share count or price read through one could be silently
 *   rounded. A JSON number where a decimal belongs is an error naming the field.
 * - The issuer (its id, legal name, formation date and country) rides along when known: an OCF
 *   package requires it on export.
 * - Reading checks the shape (every field named in the message) and then the history whole
 *   (`validateHistory`): a history is read whole or not at all.
 */
import { z } from "zod";
import { Decimal } from "../engine/decimal";
import {
  CLOSING_TYPES,
  type CapTableHistory,
  type ConvertibleTerms,
  type HistoryEvent,
  type Issuance,
  isIsoDate,
  validateHistory,
} from "../engine/history/history";
import { isEngineError } from "../engine/errors";
import { ocfError } from "./ocfRules";
import { ZOD_CODE_MESSAGES as CODE, ocfIssues } from "./zodIssues";

export const HISTORY_JSON_FORMAT = "captable-history";
export const HISTORY_JSON_VERSION = 1;

/** The issuer, as an OCF manifest states it. */
export interface OcfIssuer {
  readonly id: string;
  readonly legalName: string;
  readonly formationDate?: string;
  readonly countryOfFormation?: string;
}

export interface HistoryDocument {
  readonly history: CapTableHistory;
  readonly issuer?: OcfIssuer;
}

type Dec = { toFixed(): string } | undefined;
const s = (value: Dec): string | undefined => value?.toFixed();

function termsJson(t: ConvertibleTerms): unknown {
  return {
    mechanism: t.mechanism,
    mfn: t.mfn,
    discount: s(t.discount),
    valuationCap: s(t.valuationCap),
    capCurrency: t.capCurrency,
    timing: t.timing,
    interestRates: t.interestRates?.map((r) => ({ rate: r.rate.toFixed(), from: r.from, to: r.to })),
    dayCount: t.dayCount,
    interestPayout: t.interestPayout,
    accrualPeriod: t.accrualPeriod,
    compounding: t.compounding,
  };
}

function eventJson(e: HistoryEvent): unknown {
  switch (e.type) {
    case "ISSUANCE":
      return {
        ...e,
        quantity: s(e.quantity),
        amount: s(e.amount),
        price: s(e.price),
        // `total` is a lookup cache vestingSchedule fills; it is not part of the schedule.
        vesting: e.vesting?.map((v) => ({ date: v.date, quantity: v.quantity.toFixed() })),
        conversion: e.conversion === undefined ? undefined : termsJson(e.conversion),
      };
    case "SPLIT":
      return { ...e, ratio: e.ratio.toFixed() };
    case "RATIO_ADJUSTMENT":
      return { ...e, conversionRatio: e.conversionRatio.toFixed() };
    case "POOL_ADJUSTMENT":
      return { ...e, reserved: e.reserved.toFixed() };
    case "AUTHORIZED_ADJUSTMENT":
      return { ...e, authorized: e.authorized.toFixed() };
    case "VESTING_ACCELERATION":
      return { ...e, quantity: e.quantity.toFixed() };
    default:
      return { ...e, quantity: s(e.quantity), price: s(e.price) };
  }
}

/** The history (and its issuer when known) as plain JSON data, every number a decimal string. */
export function historyToJson(history: CapTableHistory, issuer?: OcfIssuer): unknown {
  return {
    format: HISTORY_JSON_FORMAT,
    version: HISTORY_JSON_VERSION,
    ...(issuer !== undefined ? { issuer } : {}),
    classes: history.classes.map((c) => ({
      ...c,
      originalIssuePrice: s(c.originalIssuePrice),
      liquidationPreferenceMultiple: s(c.liquidationPreferenceMultiple),
      participationCapMultiple: s(c.participationCapMultiple),
      conversionRatio: c.conversionRatio.toFixed(),
      authorized: s(c.authorized),
      votesPerShare: s(c.votesPerShare),
    })),
    holders: history.holders,
    plans: history.plans.map((p) => ({ ...p, reserved: p.reserved.toFixed() })),
    events: history.events.map(eventJson),
  };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// The messages are problem codes (./zodIssues.ts), worded by the catalogues (./ocfRules.ts, src/locales/ocfMessagesFr.ts).
const dec = z
  .string({ error: (i) => (typeof i.input === "number" ? CODE.jsonNumber : undefined) })
  .regex(DECIMAL, CODE.decimal)
  .transform((t) => new Decimal(t));
const date = z.string().refine(isIsoDate, CODE.isoDate);
const id = z.string().min(1, CODE.empty);
const currency = z.string().regex(/^[A-Z]{3}$/, CODE.currency);

const terms = z.strictObject({
  mechanism: z.enum(["SAFE", "NOTE"]),
  mfn: z.boolean(),
  discount: dec.optional(),
  valuationCap: dec.optional(),
  capCurrency: currency.optional(),
  timing: z.enum(["PRE_MONEY", "POST_MONEY"]).optional(),
  interestRates: z.array(z.strictObject({ rate: dec, from: date, to: date.optional() })).optional(),
  dayCount: z.enum(["ACTUAL_365", "30_360"]).optional(),
  interestPayout: z.enum(["DEFERRED", "CASH"]).optional(),
  accrualPeriod: z.enum(["DAILY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"]).optional(),
  compounding: z.enum(["COMPOUNDING", "SIMPLE"]).optional(),
});

const issuance = z.strictObject({
  type: z.literal("ISSUANCE"),
  id,
  date,
  securityId: id,
  kind: z.enum(["STOCK", "OPTION", "WARRANT", "CONVERTIBLE"]),
  holderId: id,
  classId: id.optional(),
  planId: id.optional(),
  quantity: dec.optional(),
  amount: dec.optional(),
  price: dec.optional(),
  currency: currency.optional(),
  convertibleType: z.string().optional(),
  vesting: z.array(z.strictObject({ date, quantity: dec })).optional(),
  customId: z.string().optional(),
  compensationType: z.string().optional(),
  expirationDate: date.optional(),
  conversion: terms.optional(),
});
const closing = z.strictObject({
  type: z.enum(CLOSING_TYPES),
  id,
  date,
  securityId: id,
  quantity: dec.optional(),
  resultingSecurityIds: z.array(id),
  balanceSecurityId: id.optional(),
  price: dec.optional(),
});
const event = z.discriminatedUnion("type", [
  issuance,
  closing,
  z.strictObject({ type: z.literal("SPLIT"), id, date, classId: id, ratio: dec }),
  z.strictObject({ type: z.literal("RATIO_ADJUSTMENT"), id, date, classId: id, conversionRatio: dec }),
  z.strictObject({ type: z.literal("POOL_ADJUSTMENT"), id, date, planId: id, reserved: dec }),
  z.strictObject({ type: z.literal("AUTHORIZED_ADJUSTMENT"), id, date, classId: id.optional(), authorized: dec }),
  z.strictObject({ type: z.literal("VESTING_ACCELERATION"), id, date, securityId: id, quantity: dec }),
]);

const document = z.object({
  format: z.literal(HISTORY_JSON_FORMAT),
  version: z.literal(HISTORY_JSON_VERSION),
  issuer: z.strictObject({ id, legalName: id, formationDate: date.optional(), countryOfFormation: z.string().optional() }).optional(),
  classes: z.array(
    z.strictObject({
      id,
      name: z.string(),
      kind: z.enum(["COMMON", "PREFERRED"]),
      seniority: z.number().int(),
      originalIssuePrice: dec.optional(),
      liquidationPreferenceMultiple: dec.optional(),
      participationCapMultiple: dec.optional(),
      conversionRatio: dec,
      authorized: dec.optional(),
      votesPerShare: dec.optional(),
      idPrefix: z.string().optional(),
    }),
  ),
  holders: z.array(z.strictObject({ id, name: z.string(), kind: z.enum(["INDIVIDUAL", "INSTITUTION"]).optional() })),
  plans: z.array(
    z.strictObject({
      id,
      name: z.string(),
      reserved: dec,
      cancelledGrants: z.enum(["RETURN_TO_POOL", "RETIRE"]),
      classIds: z.array(id).optional(),
    }),
  ),
  events: z.array(event),
});

/** Drops the members a JSON round trip leaves as undefined, so the history equals the one written. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads a history document: the JSON `historyToJson` writes, or the file `captable import-ocf -o`
 * writes (its `history` member). Throws OcfError naming the fields at fault (`historyJsonInvalid`), or
 * the engine's rule the history breaks (`historyInvalid`).
 */
export function parseHistoryJson(value: unknown): HistoryDocument {
  const inner =
    value !== null && typeof value === "object" && !Array.isArray(value) && "history" in value && !("format" in value)
      ? (value as { history: unknown }).history
      : value;
  const r = document.safeParse(inner);
  if (!r.success) throw ocfError("historyJsonInvalid", ocfIssues(r.error, inner));
  const h = r.data;
  const history: CapTableHistory = {
    classes: h.classes.map(defined),
    holders: h.holders.map(defined),
    plans: h.plans.map(defined),
    events: h.events.map((e) => {
      if (e.type !== "ISSUANCE") return defined(e) as HistoryEvent;
      const i = e as Issuance & { conversion?: ConvertibleTerms };
      return defined({
        ...i,
        vesting: i.vesting?.map((v) => ({ date: v.date, quantity: v.quantity })),
        conversion: i.conversion === undefined ? undefined : defined(i.conversion),
      }) as Issuance;
    }),
  };
  try {
    validateHistory(history);
  } catch (error) {
    // The history's rules are the engine's (each EngineError carries its rule); anything else is a fault of this code, thrown as it is.
    if (isEngineError(error) && error.rule !== undefined) throw ocfError("historyInvalid", { rule: error.rule });
    throw error;
  }
  return { history, ...(h.issuer !== undefined ? { issuer: defined(h.issuer) } : {}) };
}
