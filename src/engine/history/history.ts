/**
 * A company's cap table over time: share classes, holders, option plans and a dated list of
 * security events, replayed to give the cap table as of any date.
 *
 * Conventions (the same as Open Cap Format's, `docs/explainers/TraversingTransactions.md`):
 * - A security is one holding (one certificate, one grant, one SAFE) with its own id. An issuance
 *   opens it. A cancellation, transfer, exercise, conversion, repurchase, release, reissuance,
 *   return to pool or retraction CLOSES it, whatever quantity it names; what remains goes on a new
 *   "balance" security, and what a transfer or conversion creates goes on new "resulting"
 *   securities, each opened by its own issuance on the same date.
 * - Dates are ISO calendar dates ("2024-03-31"). Events of one date run in a fixed order of types
 *   (issuances first, then retractions, acceptances, cancellations, conversions, ...), the order
 *   OCF-Tools pins because the standard does not (`ocf_validator/constants/constants.ts`); within
 *   a type, in the order given.
 * - Quantities are exact decimals, never rounded: a split by 3/2 of 1 share gives 1.5 shares.
 * - Anything inconsistent (a security closed twice or never issued, a remainder with no balance
 *   security, resulting securities that loop, a holder or class that does not exist) is an error
 *   naming the event: a history is replayed whole or not at all.
 */
import { Decimal, ONE, ZERO } from "../decimal";
import { type EngineRuleId, type EngineRuleParams } from "../engineRules";
import { historyError } from "../messages/history";
import { dayNumber } from "./dayNumber";
import { producedSchedule } from "./vesting";

export type ClassKind = "COMMON" | "PREFERRED";
export type SecurityKind = "STOCK" | "OPTION" | "WARRANT" | "CONVERTIBLE";

/** A share class with the terms an exit waterfall needs. */
export interface HistoryClass {
  readonly id: string;
  readonly name: string;
  readonly kind: ClassKind;
  /** Higher is paid first (OCF's convention: seniority 2 ranks above 1). */
  readonly seniority: number;
  readonly originalIssuePrice?: Decimal;
  readonly liquidationPreferenceMultiple?: Decimal;
  /** Total return cap as a multiple of the issue price; undefined = no participation stated. */
  readonly participationCapMultiple?: Decimal;
  /** Common shares one share converts into (1 for common). */
  readonly conversionRatio: Decimal;
  readonly authorized?: Decimal;
  /** Votes per share, when the source says (OCF requires it on export). */
  readonly votesPerShare?: Decimal;
  /** Prefix of the class's certificate ids ("CS-"), when the source says. */
  readonly idPrefix?: string;
}

export interface HistoryHolder {
  readonly id: string;
  readonly name: string;
  readonly kind?: "INDIVIDUAL" | "INSTITUTION";
}

/** A SAFE's or a note's conversion terms, as the source states them (numbers as decimals, rates and discounts as fractions). */
export interface ConvertibleTerms {
  readonly mechanism: "SAFE" | "NOTE";
  /** Most-favoured-nation clause. */
  readonly mfn: boolean;
  /** Discount to the round price, as a fraction (0.2 = 20%). */
  readonly discount?: Decimal;
  readonly valuationCap?: Decimal;
  readonly capCurrency?: string;
  /** SAFEs: whether the cap is a pre- or post-money valuation. */
  readonly timing?: "PRE_MONEY" | "POST_MONEY";
  /** Notes: interest, OCF's day count, payout, accrual period and compounding. */
  readonly interestRates?: readonly { readonly rate: Decimal; readonly from: string; readonly to?: string }[];
  readonly dayCount?: "ACTUAL_365" | "30_360";
  readonly interestPayout?: "DEFERRED" | "CASH";
  readonly accrualPeriod?: "DAILY" | "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
  readonly compounding?: "COMPOUNDING" | "SIMPLE";
}

export interface HistoryPlan {
  readonly id: string;
  readonly name: string;
  /** Shares reserved when the plan was adopted (later changed by pool adjustments). */
  readonly reserved: Decimal;
  /** What a cancelled grant does: returns to the pool (the default) or is retired. */
  readonly cancelledGrants: "RETURN_TO_POOL" | "RETIRE";
  /** Classes the plan's grants exercise into, when the source says. */
  readonly classIds?: readonly string[];
}

/** One explicit vesting instalment: `quantity` vests on `date`. */
export interface VestingInstalment {
  readonly date: string;
  readonly quantity: Decimal;
}

export interface Issuance {
  readonly type: "ISSUANCE";
  readonly id: string;
  readonly date: string;
  readonly securityId: string;
  readonly kind: SecurityKind;
  readonly holderId: string;
  /** Stock: its class. Options and warrants: the class they exercise into, when known. */
  readonly classId?: string;
  /** Options granted under a plan. */
  readonly planId?: string;
  /** Shares (stock) or shares under option (options, warrants). Absent for convertibles. */
  readonly quantity?: Decimal;
  /** Convertibles: the amount invested. */
  readonly amount?: Decimal;
  /** Stock: price paid per share. Options and warrants: the exercise price. */
  readonly price?: Decimal;
  readonly currency?: string;
  /** Convertibles: NOTE, SAFE or another type as the source names it. */
  readonly convertibleType?: string;
  /** Options: the vesting schedule, already resolved to dated instalments; undefined = not known. */
  readonly vesting?: readonly VestingInstalment[];
  /** The holder's certificate or grant number, when the source gives one. */
  readonly customId?: string;
  /** Options: OPTION_ISO, OPTION_NSO, OPTION, RSU, CSAR, SSAR as the source names it. */
  readonly compensationType?: string;
  readonly expirationDate?: string;
  /** Convertibles: conversion terms, when the source gives them. */
  readonly conversion?: ConvertibleTerms;
}

export const CLOSING_TYPES = [
  "RETRACTION",
  "CANCELLATION",
  "CONVERSION",
  "REISSUANCE",
  "REPURCHASE",
  "TRANSFER",
  "EXERCISE",
  "RELEASE",
  "RETURN_TO_POOL",
] as const;
export type ClosingType = (typeof CLOSING_TYPES)[number];

export interface Closing {
  readonly type: ClosingType;
  readonly id: string;
  readonly date: string;
  readonly securityId: string;
  /** The quantity (or, for convertibles, amount) the event acts on; undefined = all of it. */
  readonly quantity?: Decimal;
  readonly resultingSecurityIds: readonly string[];
  readonly balanceSecurityId?: string;
  /** Repurchases: the price per share paid back. */
  readonly price?: Decimal;
}

export interface ClassSplit {
  readonly type: "SPLIT";
  readonly id: string;
  readonly date: string;
  readonly classId: string;
  /** New shares per old share (numerator / denominator): 2 for a 2-for-1 split. */
  readonly ratio: Decimal;
}

export interface RatioAdjustment {
  readonly type: "RATIO_ADJUSTMENT";
  readonly id: string;
  readonly date: string;
  readonly classId: string;
  readonly conversionRatio: Decimal;
}

export interface PoolAdjustment {
  readonly type: "POOL_ADJUSTMENT";
  readonly id: string;
  readonly date: string;
  readonly planId: string;
  readonly reserved: Decimal;
}

export interface AuthorizedAdjustment {
  readonly type: "AUTHORIZED_ADJUSTMENT";
  readonly id: string;
  readonly date: string;
  /** Undefined: the issuer's total. */
  readonly classId?: string;
  readonly authorized: Decimal;
}

export interface VestingAcceleration {
  readonly type: "VESTING_ACCELERATION";
  readonly id: string;
  readonly date: string;
  readonly securityId: string;
  readonly quantity: Decimal;
}

export type HistoryEvent = Issuance | Closing | ClassSplit | RatioAdjustment | PoolAdjustment | AuthorizedAdjustment | VestingAcceleration;

export interface CapTableHistory {
  readonly classes: readonly HistoryClass[];
  readonly holders: readonly HistoryHolder[];
  readonly plans: readonly HistoryPlan[];
  readonly events: readonly HistoryEvent[];
}

/** Same-day order of event types: OCF-Tools' order (issuance first, then retraction, acceptance, cancellation, conversion, ...). */
const TYPE_ORDER: Record<HistoryEvent["type"], number> = {
  ISSUANCE: 0,
  RETRACTION: 1,
  CANCELLATION: 2,
  CONVERSION: 3,
  REISSUANCE: 4,
  REPURCHASE: 5,
  TRANSFER: 6,
  EXERCISE: 7,
  RELEASE: 8,
  RETURN_TO_POOL: 9,
  SPLIT: 10,
  RATIO_ADJUSTMENT: 11,
  POOL_ADJUSTMENT: 12,
  AUTHORIZED_ADJUSTMENT: 13,
  VESTING_ACCELERATION: 14,
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date written YYYY-MM-DD (Gregorian leap years). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || !ISO_DATE.test(text)) return false;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** A security's state during the replay. */
interface OpenSecurity {
  readonly issuance: Issuance;
  quantity: Decimal;
  /** `quantity` as `exactWholeNumber` gives it, or NaN: not a whole number below 10^15, or changed by a split. */
  count: number;
  price?: Decimal;
  closedBy?: string;
  accelerated: Decimal;
}

/** One holder's shares of one class at the date. */
export interface StockPosition {
  readonly holderId: string;
  readonly classId: string;
  readonly shares: Decimal;
}

/** One outstanding option or warrant at the date. */
export interface DerivativePosition {
  readonly securityId: string;
  readonly kind: "OPTION" | "WARRANT";
  readonly holderId: string;
  readonly planId?: string;
  readonly classId?: string;
  readonly quantity: Decimal;
  readonly exercisePrice?: Decimal;
  /** Vested at the date; undefined when the history carries no schedule for it. */
  readonly vested?: Decimal;
}

export interface ConvertiblePosition {
  readonly securityId: string;
  readonly holderId: string;
  readonly convertibleType: string;
  readonly amount: Decimal;
  readonly currency?: string;
}

export interface PlanPosition {
  readonly planId: string;
  readonly reserved: Decimal;
  /** Options outstanding under the plan. */
  readonly granted: Decimal;
  /** Shares issued on exercise (or release) of the plan's grants: no longer in the pool. */
  readonly exercised: Decimal;
  /** reserved - granted - exercised (cancelled grants return to the pool unless the plan retires them). */
  readonly available: Decimal;
}

/** The cap table at a date, on every basis the product states. */
export interface CapTableAsOf {
  readonly date: string;
  readonly stock: readonly StockPosition[];
  readonly derivatives: readonly DerivativePosition[];
  readonly convertibles: readonly ConvertiblePosition[];
  readonly plans: readonly PlanPosition[];
  /** Shares issued and outstanding, each class in its own shares. */
  readonly outstandingShares: Decimal;
  /** Outstanding shares as converted to common (each class times its conversion ratio). */
  readonly outstandingAsConverted: Decimal;
  /**
   * Fully diluted: outstanding as converted + options and warrants outstanding (vested or not) +
   * the plans' available pool. Convertibles (SAFEs, notes) are NOT included: their shares depend on
   * a future round's price, which a history does not know.
   */
  readonly fullyDiluted: Decimal;
  /** Each class's terms as they stand at the date (after splits and ratio adjustments). */
  readonly classes: readonly HistoryClass[];
  /** What the figures above had to decide, in English (`historyWarningText` of each of `warningRules`, same order). */
  readonly warnings: readonly string[];
  /** The same warnings by id and parameters, for another language (the history sheet's French: src/model/sheetText.ts). */
  readonly warningRules: readonly HistoryWarning[];
}

/**
 * What a cap table as of a date had to decide, by id and parameters (a warning, not an error: the
 * figures are still given). `poolOverGranted`: a plan granting more than it reserves counts 0
 * available in fully diluted (never a negative pool).
 */
export interface HistoryWarningParams {
  poolOverGranted: { plan: string; excess: string };
}
export type HistoryWarningId = keyof HistoryWarningParams;
export type HistoryWarning = { [K in HistoryWarningId]: { readonly id: K; readonly params: HistoryWarningParams[K] } }[HistoryWarningId];
/** One language's history warnings: a function per id (a missing id is a compile error). */
export type HistoryWarningMessages = { readonly [K in HistoryWarningId]: (p: HistoryWarningParams[K]) => string };

/** The English of the history's warnings, written once. */
export const HISTORY_WARNINGS_EN: HistoryWarningMessages = {
  poolOverGranted: (p) => `plan "${p.plan}" has granted ${p.excess} shares more than it reserves: its available pool counts as 0 in fully diluted`,
};

/** A history warning in a language's words (English by default). */
export function historyWarningText(w: HistoryWarning, messages: HistoryWarningMessages = HISTORY_WARNINGS_EN): string {
  return (messages[w.id] as (p: HistoryWarningParams[HistoryWarningId]) => string)(w.params);
}

/** The rules that name the event at fault first: their parameters besides the event and its date. */
type EventRule = { [K in EngineRuleId]: EngineRuleParams[K] extends { event: string; date: string } ? K : never }[EngineRuleId];

function fail<K extends EventRule>(event: { id: string; date: string }, id: K, params: Omit<EngineRuleParams[K], "event" | "date">): never {
  throw historyError("value", id, { ...params, event: event.id, date: event.date } as EngineRuleParams[K], "history");
}

/** Events in replay order: by date, then by type as OCF-Tools orders them, then as given. */
export function orderEvents(events: readonly HistoryEvent[]): HistoryEvent[] {
  return replayOrder(events).map((k) => events[k]);
}

/** 2^21: events a history can have for `replayOrder`'s packed keys (more: the comparison sort). */
const PACKED_INDEX = 2 ** 21;

/**
 * The indices of `events` in replay order (date, then OCF-Tools' order of types, then as given).
 * Fast path: each event is one number, (dayNumber(date) x 16 + type order) x 2^21 + index, at most
 * (99,999,999 x 16 + 15) x 2^21 + 2^21 - 1 < 3.4e15 < 2^53, so every key is an exact integer in a
 * double and distinct (the index is in it); a numeric sort of the keys is the comparison sort's order
 * (dayNumber keeps the dates' string order, the type order is below 16, the index breaks ties), and
 * the index is the key modulo 2^21 (exact: % on integer doubles). A date that is not ISO-shaped, an
 * unknown type or 2^21 events or more take the comparison sort.
 */
function replayOrder(events: readonly HistoryEvent[]): number[] {
  const n = events.length;
  const keys = new Float64Array(n);
  let packed = n < PACKED_INDEX;
  for (let k = 0; packed && k < n; k++) {
    const day = dayNumber(events[k].date);
    const type: unknown = TYPE_ORDER[events[k].type];
    if (day < 0 || typeof type !== "number") packed = false;
    else keys[k] = (day * 16 + type) * PACKED_INDEX + k;
  }
  if (packed) {
    keys.sort();
    const order = new Array<number>(n);
    for (let k = 0; k < n; k++) order[k] = keys[k] % PACKED_INDEX;
    return order;
  }
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : TYPE_ORDER[a.event.type] - TYPE_ORDER[b.event.type] || a.index - b.index,
    )
    .map((e) => e.index);
}

/**
 * Checks a whole history once: dates, references, unique security ids, and resulting and balance
 * securities that are issued on the closing date, by one event each, without loops.
 */
export function validateHistory(history: CapTableHistory): void {
  const classes = new Set(history.classes.map((c) => c.id));
  const holders = new Set(history.holders.map((h) => h.id));
  const plans = new Set(history.plans.map((p) => p.id));
  const issued = new Map<string, Issuance>();
  const ids = new Set<string>();
  for (const event of history.events) {
    if (!isIsoDate(event.date)) fail(event, "eventDate", { got: event.date });
    if (ids.has(event.id)) fail(event, "eventIdTwice", {});
    ids.add(event.id);
    if (event.type === "ISSUANCE") {
      if (issued.has(event.securityId)) fail(event, "issuedTwice", { security: event.securityId });
      issued.set(event.securityId, event);
      if (!holders.has(event.holderId)) fail(event, "holderUnknown", { holder: event.holderId });
      if (event.classId !== undefined && !classes.has(event.classId)) fail(event, "classUnknown", { className: event.classId });
      if (event.planId !== undefined && !plans.has(event.planId)) fail(event, "planUnknown", { plan: event.planId });
      if (event.kind === "STOCK" && event.classId === undefined) fail(event, "stockNeedsClass", {});
      if (event.kind === "CONVERTIBLE" ? event.amount === undefined : event.quantity === undefined) {
        fail(event, "issuanceNeedsSize", { convertible: event.kind === "CONVERTIBLE" });
      }
      const size = event.kind === "CONVERTIBLE" ? event.amount : event.quantity;
      if (size !== undefined && size.isNegative()) fail(event, "quantityNegative", { got: size.toString() });
    } else if ("classId" in event && event.classId !== undefined && !classes.has(event.classId)) {
      fail(event, "classUnknown", { className: event.classId });
    } else if (event.type === "POOL_ADJUSTMENT" && !plans.has(event.planId)) {
      fail(event, "planUnknown", { plan: event.planId });
    }
  }
  // Resulting and balance securities: issued on the closing's date, each the product of one closing, no loops.
  const parent = new Map<string, string>();
  for (const event of history.events) {
    if (event.type === "VESTING_ACCELERATION" || isClosing(event)) {
      const origin = issued.get(event.securityId);
      if (origin === undefined) fail(event, "securityNotIssued", { security: event.securityId });
      if (origin.date > event.date) fail(event, "securityIssuedLater", { security: event.securityId, issued: origin.date });
    }
    if (!isClosing(event)) continue;
    for (const child of [...event.resultingSecurityIds, ...(event.balanceSecurityId === undefined ? [] : [event.balanceSecurityId])]) {
      const issuance = issued.get(child);
      if (issuance === undefined) fail(event, "resultNeverIssued", { security: child });
      if (issuance.date !== event.date) fail(event, "resultIssuedOtherDate", { security: child, issued: issuance.date });
      if (child === event.securityId) fail(event, "resultsFromItself", { security: child });
      if (parent.has(child)) fail(event, "resultsFromTwo", { security: child });
      parent.set(child, event.securityId);
    }
  }
  // Each security is walked once: a walk stops at a security already known to lead to an issuance.
  const leadsToIssuance = new Set<string>();
  for (const start of parent.keys()) {
    const path = new Set<string>([start]);
    let at = parent.get(start);
    while (at !== undefined && !leadsToIssuance.has(at)) {
      if (path.has(at)) throw historyError("value", "securitiesLoop", { security: start }, "history");
      path.add(at);
      at = parent.get(at);
    }
    for (const id of path) leadsToIssuance.add(id);
  }
  validated.add(history);
}

/** Histories already checked whole (a history is read-only data): the cap table as of each date does not check it again. */
const validated = /* @__PURE__ */ new WeakSet<CapTableHistory>();

function isClosing(event: HistoryEvent): event is Closing {
  return (CLOSING_TYPES as readonly string[]).includes(event.type);
}

/**
 * The cap table as of `date` (inclusive: events dated `date` count): every event up to the date
 * replayed in order. Throws on the first inconsistent event, naming it.
 */
export function capTableAsOf(history: CapTableHistory, date: string): CapTableAsOf {
  if (!isIsoDate(date)) throw historyError("value", "asOfDate", { got: date }, "as_of");
  if (!validated.has(history)) validateHistory(history);
  const prepared = prepare(history.events);
  const { classes, plans, securities, issued } = replay(history, prepared, date);
  return summarise(date, history, classes, plans, securities, issued, prepared.vesting);
}

/**
 * Shares issued and outstanding after each date's events, for every date an event is on: what
 * `capTableAsOf(history, date).outstandingShares` gives at each of those dates, from one replay
 * (a history's events of one date are replayed together, in OCF-Tools' order of types).
 */
export function outstandingSharesByDate(history: CapTableHistory): Map<string, Decimal> {
  if (!validated.has(history)) validateHistory(history);
  const out = new Map<string, Decimal>();
  const prepared = prepare(history.events);
  const events = prepared.ordered;
  if (events.length === 0) return out;
  replay(history, prepared, events[events.length - 1].date, (date, securities, issued) => {
    let total = ZERO;
    for (let k = 0; k < issued; k++) {
      const s = securities[k];
      if (s.closedBy === undefined && s.issuance.kind === "STOCK") total = total.add(s.quantity);
    }
    out.set(date, total);
  });
  return out;
}

/** 10^0, 10^7, 10^14: the place values of decimal.js's base-10^7 words in a whole number below 10^15 (each exact in doubles). */
const WORD_PLACES = [1, 1e7, 1e14];

/**
 * `value` as a JS number when it is a whole number below 10^15 in magnitude (a share count), else
 * NaN; the same number as `value.toNumber()`, without its text. It reads decimal.js's digits,
 * documented read-only (decimal.js README: `d` digits in base 10^7, `e` the base-10 exponent, `s`
 * the sign): the words of `d` are aligned on the decimal point, so a whole number with e <= 14 has at
 * most w + 1 words, w = floor(e / 7) <= 2, the first worth 10^(7w), trailing zero words dropped. Each
 * term d[i] x 10^(7(w - i)) and each partial sum is then a whole number below 10^15 < 2^53: exact in
 * doubles, so the result is the value itself.
 */
export function exactWholeNumber(value: Decimal): number {
  if (!value.isInteger() || value.e > 14) return NaN;
  const words = value.d;
  const w = Math.floor(value.e / 7);
  let n = 0;
  for (let i = 0; i < words.length; i++) n += words[i] * WORD_PLACES[w - i];
  return value.s < 0 ? -n : n;
}

/**
 * What every replay of one list of events needs, derived once per list (a history is read-only
 * data, as `validated` already assumes): the events in replay order with their days, each issuance's
 * size as an exact count, and a slot per security (its issuances numbered in replay order), so that a
 * replay keeps its securities in an array, in the order a Map would list them.
 */
interface Prepared {
  readonly ordered: readonly HistoryEvent[];
  /** `dayNumber` of each ordered event's date (ISO dates: `validateHistory` checked them). */
  readonly days: Float64Array;
  /** Issuances: the size (quantity, or amount for convertibles) as `exactWholeNumber` gives it; other events: NaN. */
  readonly counts: Float64Array;
  /** The slot of the security each ordered event acts on (issuances, closings, accelerations); -1 when none or never issued. */
  readonly slotOf: Int32Array;
  /** Securities issued: slots 0 to slots - 1. */
  readonly slots: number;
  /** Each slot's vesting schedule as `cumulative` gives it, filled when first needed. */
  readonly vesting: (Cumulative | undefined)[];
}

const preparedCache = /* @__PURE__ */ new WeakMap<readonly HistoryEvent[], Prepared>();

function prepare(events: readonly HistoryEvent[]): Prepared {
  let p = preparedCache.get(events);
  if (p !== undefined) return p;
  const order = replayOrder(events);
  const n = order.length;
  const ordered = order.map((k) => events[k]);
  const days = new Float64Array(n);
  const counts = new Float64Array(n).fill(NaN);
  const slotOf = new Int32Array(n).fill(-1);
  const slot = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const event = ordered[k];
    days[k] = dayNumber(event.date);
    if (event.type === "ISSUANCE") {
      const size = event.kind === "CONVERTIBLE" ? event.amount : event.quantity;
      counts[k] = size === undefined ? 0 : exactWholeNumber(size);
      if (!slot.has(event.securityId)) slot.set(event.securityId, slot.size);
    }
  }
  for (let k = 0; k < n; k++) {
    const event = ordered[k];
    if ("securityId" in event) slotOf[k] = slot.get(event.securityId) ?? -1;
  }
  p = { ordered, days, counts, slotOf, slots: slot.size, vesting: new Array<Cumulative | undefined>(slot.size).fill(undefined) };
  preparedCache.set(events, p);
  return p;
}

/**
 * Replays the events up to `date` (inclusive); `dayEnd` sees the securities after each date's last
 * event. Securities are issued in slot order, so those issued so far are slots 0 to `issued` - 1.
 */
function replay(
  history: CapTableHistory,
  prepared: Prepared,
  date: string,
  dayEnd?: (date: string, securities: readonly OpenSecurity[], issued: number) => void,
): { classes: Map<string, HistoryClass>; plans: Map<string, HistoryPlan & { exercised: Decimal }>; securities: OpenSecurity[]; issued: number } {
  const classes = new Map(history.classes.map((c) => [c.id, { ...c }]));
  const plans = new Map(history.plans.map((p) => [p.id, { ...p, exercised: ZERO }]));
  const { ordered, days, counts, slotOf } = prepared;
  const securities = new Array<OpenSecurity>(prepared.slots);
  let issued = 0;
  const until = dayNumber(date);
  for (let k = 0; k < ordered.length; k++) {
    if (days[k] > until) break;
    const event = ordered[k];
    switch (event.type) {
      case "ISSUANCE": {
        const size = event.kind === "CONVERTIBLE" ? (event.amount ?? ZERO) : (event.quantity ?? ZERO);
        const slot = slotOf[k];
        securities[slot] = { issuance: event, quantity: size, count: counts[k], price: event.price, accelerated: ZERO };
        if (slot >= issued) issued = slot + 1;
        break;
      }
      case "SPLIT": {
        if (!event.ratio.isPositive()) fail(event, "splitRatio", { got: event.ratio.toString() });
        for (let j = 0; j < issued; j++) {
          const s = securities[j];
          if (s.closedBy === undefined && s.issuance.kind === "STOCK" && s.issuance.classId === event.classId) {
            s.quantity = s.quantity.mul(event.ratio);
            s.count = NaN;
            if (s.price !== undefined) s.price = s.price.div(event.ratio);
          }
        }
        const c = classes.get(event.classId)!;
        if (c.originalIssuePrice !== undefined) classes.set(c.id, { ...c, originalIssuePrice: c.originalIssuePrice.div(event.ratio) });
        break;
      }
      case "RATIO_ADJUSTMENT":
        classes.set(event.classId, { ...classes.get(event.classId)!, conversionRatio: event.conversionRatio });
        break;
      case "POOL_ADJUSTMENT":
        plans.set(event.planId, { ...plans.get(event.planId)!, reserved: event.reserved });
        break;
      case "AUTHORIZED_ADJUSTMENT":
        if (event.classId !== undefined) classes.set(event.classId, { ...classes.get(event.classId)!, authorized: event.authorized });
        break;
      case "VESTING_ACCELERATION": {
        const s = slotOf[k] < 0 ? undefined : securities[slotOf[k]];
        if (s === undefined || s.closedBy !== undefined) fail(event, "notOutstanding", { security: event.securityId });
        s.accelerated = s.accelerated.add(event.quantity);
        break;
      }
      default:
        close(event, slotOf[k] < 0 ? undefined : securities[slotOf[k]], plans);
    }
    if (dayEnd !== undefined && (k + 1 === ordered.length || ordered[k + 1].date !== event.date)) dayEnd(event.date, securities, issued);
  }
  return { classes, plans, securities, issued };
}

function close(event: Closing, s: OpenSecurity | undefined, plans: Map<string, HistoryPlan & { exercised: Decimal }>): void {
  if (s === undefined) fail(event, "securityNotIssued", { security: event.securityId });
  if (s.closedBy !== undefined) fail(event, "alreadyClosed", { security: event.securityId, by: s.closedBy });
  const quantity = event.quantity ?? s.quantity;
  if (quantity.isNegative()) fail(event, "quantityNegative", { got: quantity.toString() });
  if (quantity.gt(s.quantity)) fail(event, "actsOnMore", { quantity: quantity.toString(), security: event.securityId, held: s.quantity.toString() });
  if (quantity.lt(s.quantity) && event.balanceSecurityId === undefined && event.type !== "RETRACTION") {
    fail(event, "noBalanceSecurity", {
      quantity: quantity.toString(),
      held: s.quantity.toString(),
      security: event.securityId,
      remaining: s.quantity.sub(quantity).toString(),
    });
  }
  s.closedBy = event.id;
  const planId = s.issuance.planId;
  if (planId !== undefined && (event.type === "EXERCISE" || event.type === "RELEASE")) {
    const plan = plans.get(planId)!;
    plans.set(planId, { ...plan, exercised: plan.exercised.add(quantity) });
  }
  if (planId !== undefined && event.type === "CANCELLATION" && plans.get(planId)!.cancelledGrants === "RETIRE") {
    const plan = plans.get(planId)!;
    plans.set(planId, { ...plan, reserved: plan.reserved.sub(quantity) });
  }
}

/**
 * A schedule's instalments in date order with their running totals (vested to date, that instalment
 * included), and each date's `dayNumber` for the lookup (undefined when a date is not ISO-shaped: the
 * lookup then compares the texts). A schedule `vestingSchedule` produced gives all of it as it is
 * (`producedSchedule`); any other is sorted once (when out of order), and its totals summed as far as
 * lookups reach.
 */
interface Cumulative {
  readonly instalments: readonly VestingInstalment[];
  readonly days: readonly number[] | undefined;
  /** Each running total as a decimal: given, summed, or made from its count when a lookup reaches it (NaN counts always have one). */
  readonly totals: (Decimal | undefined)[];
  /** Each running total as `exactWholeNumber` gives it: given, summed, or filled as lookups reach it (a lookup then compares numbers, not decimals). */
  readonly counts: (number | undefined)[];
  /** Entries below this index have a count or a total (every one, for a produced schedule). */
  summed: number;
}

/** Each schedule's running totals, computed once per schedule (histories are not mutated). */
const cumulativeCache = /* @__PURE__ */ new WeakMap<readonly VestingInstalment[], Cumulative>();

function cumulative(schedule: readonly VestingInstalment[]): Cumulative {
  const known = cumulativeCache.get(schedule);
  if (known !== undefined) return known;
  let c: Cumulative;
  const produced = producedSchedule(schedule);
  if (produced !== undefined) {
    // The schedule's own arrays: every entry is there, so a lookup never writes to them.
    const counts = (produced.counts as number[] | undefined) ?? [];
    const totals = (produced.totals as Decimal[] | undefined) ?? [];
    c = { instalments: schedule, days: produced.days, totals, counts, summed: schedule.length };
  } else {
    // In date order (compared by day numbers where both dates are ISO-shaped: the same order)? Else sorted, stably.
    let days = schedule.map((i) => dayNumber(i.date));
    let inOrder = true;
    for (let k = 1; k < schedule.length && inOrder; k++) {
      inOrder = days[k - 1] >= 0 && days[k] >= 0 ? days[k - 1] <= days[k] : schedule[k - 1].date <= schedule[k].date;
    }
    let instalments = schedule;
    if (!inOrder) {
      instalments = schedule.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      days = instalments.map((i) => dayNumber(i.date));
    }
    c = { instalments, days: days.includes(-1) ? undefined : days, totals: [], counts: [], summed: 0 };
  }
  cumulativeCache.set(schedule, c);
  return c;
}

/** The running total at `k` as a decimal (its count when it has none). */
function totalAt(c: Cumulative, k: number): Decimal {
  return (c.totals[k] ??= new Decimal(c.counts[k]!));
}

/**
 * Sums the running totals up to `k`: as exact whole numbers while every quantity is one
 * (`exactWholeNumber`) and the sum stays within 2^53 - 1 (then exact in doubles, and equal to the
 * Decimal sum, exact at 40 digits), else in Decimal (its count NaN).
 */
function sumTo(c: Cumulative, k: number): void {
  for (let i = c.summed; i <= k; i++) {
    const quantity = c.instalments[i].quantity;
    const sum = (i === 0 ? 0 : c.counts[i - 1]!) + exactWholeNumber(quantity);
    if (Number.isSafeInteger(sum)) c.counts[i] = sum;
    else {
      c.counts[i] = NaN;
      c.totals[i] = i === 0 ? quantity : totalAt(c, i - 1).add(quantity);
    }
  }
  if (k >= c.summed) c.summed = k + 1;
}

/** Vested at the date (`day` its `dayNumber`): instalments dated on or before it, plus accelerations, at most the quantity held. */
function vestedAt(s: OpenSecurity, schedule: Cumulative, date: string, day: number): Decimal {
  const { instalments, days } = schedule;
  // The last instalment dated on or before `date` (binary search; day numbers order as the dates do).
  let lo = 0;
  let hi = instalments.length;
  if (days !== undefined) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
  } else {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (instalments[mid].date <= date) lo = mid + 1;
      else hi = mid;
    }
  }
  if (lo === 0) return s.accelerated.isZero() || s.accelerated.lte(s.quantity) ? s.accelerated : s.quantity;
  const k = lo - 1;
  if (k >= schedule.summed) sumTo(schedule, k);
  // Counts stand for the decimals exactly (`exactWholeNumber`), so comparing them is comparing those; NaN: the decimals decide.
  const count = (schedule.counts[k] ??= exactWholeNumber(schedule.totals[k]!));
  if (s.accelerated.isZero() && count <= s.count) return totalAt(schedule, k);
  if (s.accelerated.isZero() && count > s.count) return s.quantity;
  const scheduled = totalAt(schedule, k);
  const vested = s.accelerated.isZero() ? scheduled : scheduled.add(s.accelerated);
  return vested.lte(s.quantity) ? vested : s.quantity;
}

function summarise(
  date: string,
  history: CapTableHistory,
  classes: Map<string, HistoryClass>,
  plans: Map<string, HistoryPlan & { exercised: Decimal }>,
  securities: readonly OpenSecurity[],
  issued: number,
  vesting: (Cumulative | undefined)[],
): CapTableAsOf {
  const day = dayNumber(date);
  const stockByKey = new Map<string, StockPosition>();
  const derivatives: DerivativePosition[] = [];
  const convertibles: ConvertiblePosition[] = [];
  let outstandingShares = ZERO;
  let outstandingAsConverted = ZERO;
  // Options and warrants outstanding, in all and per plan: summed as exact counts while every one is
  // a whole number (`exactWholeNumber`) and the total stays within 2^53 - 1 (every partial sum, the
  // plans' included, is then a whole number within 2^53 - 1, so exact in doubles), else in Decimal as
  // before. Both give the same decimals: the Decimal sums of whole numbers below 2^53 (16 digits) are
  // exact too at 40 significant digits.
  let optionCount = 0;
  let exact = true;
  const grantedCount = new Map<string, number>();
  for (let k = 0; k < issued; k++) {
    const s = securities[k];
    if (s.closedBy !== undefined) continue;
    const i = s.issuance;
    if (i.kind === "STOCK") {
      const key = `${i.holderId}\u0000${i.classId}`;
      const before = stockByKey.get(key)?.shares ?? ZERO;
      stockByKey.set(key, { holderId: i.holderId, classId: i.classId!, shares: before.add(s.quantity) });
      outstandingShares = outstandingShares.add(s.quantity);
      outstandingAsConverted = outstandingAsConverted.add(s.quantity.mul(classes.get(i.classId!)?.conversionRatio ?? ONE));
    } else if (i.kind === "CONVERTIBLE") {
      convertibles.push({
        securityId: i.securityId,
        holderId: i.holderId,
        convertibleType: i.convertibleType ?? "CONVERTIBLE",
        amount: s.quantity,
        currency: i.currency,
      });
    } else {
      derivatives.push({
        securityId: i.securityId,
        kind: i.kind,
        holderId: i.holderId,
        planId: i.planId,
        classId: i.classId,
        quantity: s.quantity,
        exercisePrice: s.price,
        vested: i.vesting === undefined ? undefined : vestedAt(s, (vesting[k] ??= cumulative(i.vesting)), date, day),
      });
      if (exact) {
        const next = optionCount + s.count;
        if (s.count >= 0 && next <= Number.MAX_SAFE_INTEGER) {
          optionCount = next;
          if (i.planId !== undefined) grantedCount.set(i.planId, (grantedCount.get(i.planId) ?? 0) + s.count);
        } else exact = false;
      }
    }
  }
  let options = ZERO;
  const granted = new Map<string, Decimal>();
  if (exact) {
    if (optionCount !== 0) options = new Decimal(optionCount);
    for (const [planId, count] of grantedCount) granted.set(planId, new Decimal(count));
  } else {
    for (const p of derivatives) {
      options = options.add(p.quantity);
      if (p.planId !== undefined) granted.set(p.planId, (granted.get(p.planId) ?? ZERO).add(p.quantity));
    }
  }
  const planPositions: PlanPosition[] = history.plans.map((p) => {
    const plan = plans.get(p.id)!;
    const g = granted.get(p.id) ?? ZERO;
    return { planId: p.id, reserved: plan.reserved, granted: g, exercised: plan.exercised, available: plan.reserved.sub(g).sub(plan.exercised) };
  });
  // A plan that has granted more than it reserves adds nothing to fully diluted (never a negative pool): said, not silent.
  const warningRules: HistoryWarning[] = [];
  for (const p of planPositions) {
    if (p.available.isNegative())
      warningRules.push({
        id: "poolOverGranted",
        params: { plan: history.plans.find((x) => x.id === p.planId)!.name, excess: p.available.neg().toString() },
      });
  }
  const pool = planPositions.reduce((sum, p) => sum.add(Decimal.max(p.available, ZERO)), ZERO);
  return {
    date,
    stock: [...stockByKey.values()],
    derivatives,
    convertibles,
    plans: planPositions,
    outstandingShares,
    outstandingAsConverted,
    fullyDiluted: outstandingAsConverted.add(options).add(pool),
    classes: history.classes.map((c) => classes.get(c.id)!),
    warnings: warningRules.map((w) => historyWarningText(w)),
    warningRules,
  };
}
