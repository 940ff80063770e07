/**
 * Vesting schedules: a grant's vesting terms and its vesting start date give dated instalments.
 *
 * Conventions (Open Cap Format 1.2.0, `types/vesting/*`, `enums/AllocationType`):
 * - A condition vests `portion` of the grant (or a fixed `quantity`) at EACH occurrence of its
 *   trigger: the start date, an absolute date, or every `length` months (or days) after the
 *   condition it is relative to, `occurrences` times. A 4-year monthly schedule with a 1-year
 *   cliff is: start -> cliff (12 months, 1 occurrence, 12/48) -> monthly (1 month, 36 x 1/48).
 * - Month steps land on a day of month: a fixed day 01-28, day 29/30/31 or the month's last day,
 *   or the vesting start's day (the last day of shorter months).
 * - Whole shares, by the terms' allocation type (OCF's example: 18 shares over 4 tranches):
 *   CUMULATIVE_ROUNDING 5-4-5-4 (cumulative amount rounded half up), CUMULATIVE_ROUND_DOWN 4-5-4-5,
 *   FRONT_LOADED 5-5-4-4, BACK_LOADED 4-4-5-5, FRONT_LOADED_TO_SINGLE_TRANCHE 6-4-4-4,
 *   BACK_LOADED_TO_SINGLE_TRANCHE 4-4-4-6, FRACTIONAL 4.5 each. The four "loaded" types split the
 *   grant into equal units first, so each tranche's portion must be a whole number of the smallest.
 * - Event triggers (an exit, a milestone) have no date: they vest nothing until an acceleration
 *   says so, and `unscheduled` lists them so the caller can say so.
 */
import { Decimal, ZERO } from "../decimal";
import { type EngineRuleId, type EngineRuleParams } from "../engineRules";
import { historyError } from "../messages/history";
import { dayNumber } from "./dayNumber";
import type { VestingInstalment } from "./history";

export const ALLOCATION_TYPES = [
  "CUMULATIVE_ROUNDING",
  "CUMULATIVE_ROUND_DOWN",
  "FRONT_LOADED",
  "BACK_LOADED",
  "FRONT_LOADED_TO_SINGLE_TRANCHE",
  "BACK_LOADED_TO_SINGLE_TRANCHE",
  "FRACTIONAL",
] as const;
export type AllocationType = (typeof ALLOCATION_TYPES)[number];

export type VestingTrigger =
  | { readonly type: "START" }
  | { readonly type: "ABSOLUTE"; readonly date: string }
  | {
      readonly type: "RELATIVE";
      readonly unit: "MONTHS" | "DAYS";
      readonly length: number;
      readonly occurrences: number;
      /** "01".."28", "29_OR_LAST_DAY_OF_MONTH".., "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" (months only). */
      readonly dayOfMonth?: string;
      readonly relativeTo: string;
    }
  | { readonly type: "EVENT" };

export interface VestingConditionSpec {
  readonly id: string;
  /** Fraction of the grant vesting at each occurrence. */
  readonly portion?: Decimal;
  /** Shares vesting at each occurrence (instead of a portion). */
  readonly quantity?: Decimal;
  /** The portion applies to what has not vested yet at that date, not to the whole grant. */
  readonly remainder?: boolean;
  readonly trigger: VestingTrigger;
}

export interface VestingTermsSpec {
  readonly id: string;
  readonly allocation: AllocationType;
  readonly conditions: readonly VestingConditionSpec[];
}

/**
 * What a schedule `vestingSchedule` produced carries beside its instalments, for the as-of lookups:
 * its dates' day numbers (`dayNumber`; undefined when a date is not ISO-shaped) and its running
 * totals, as exact whole numbers (`counts`, the whole-number path) or as decimals (`totals`, the
 * decimal path). Its instalments are in date order (tranches sorted by date before allocation,
 * which keeps their order).
 */
export interface ProducedSchedule {
  readonly days: readonly number[] | undefined;
  readonly counts?: readonly number[];
  readonly totals?: readonly Decimal[];
}

/**
 * The instalment arrays `vestingSchedule` produced (new arrays each call, typed readonly), with their
 * day numbers and running totals: the first as-of of a history then reads neither their order, their
 * dates nor their amounts. Any other array (a copy, a slice, an OCF import's explicit schedule) is
 * read and checked as given.
 */
const produced = /* @__PURE__ */ new WeakMap<readonly VestingInstalment[], ProducedSchedule>();

/** The day numbers and running totals of a schedule `vestingSchedule` produced; undefined for any other array. */
export function producedSchedule(schedule: readonly VestingInstalment[]): ProducedSchedule | undefined {
  return produced.get(schedule);
}

/** True when `schedule` is an array `vestingSchedule` produced (in date order, totals set). */
export function isProducedSchedule(schedule: readonly VestingInstalment[]): boolean {
  return produced.has(schedule);
}

export interface VestingSchedule {
  readonly instalments: readonly VestingInstalment[];
  /** Conditions with an event trigger: no date, nothing vests from them until accelerated. */
  readonly unscheduled: readonly string[];
}

/** The rules that name the vesting terms at fault first: their parameters besides the terms. */
type TermsRule = { [K in EngineRuleId]: EngineRuleParams[K] extends { terms: string } ? K : never }[EngineRuleId];

function termsError<K extends TermsRule>(terms: VestingTermsSpec, id: K, params: Omit<EngineRuleParams[K], "terms">): never {
  throw historyError("value", id, { ...params, terms: terms.id } as EngineRuleParams[K], "vesting_terms");
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

/** `base` plus `months` months, landing on the day the rule gives (the month's last day when shorter). */
export function addMonths(base: string, months: number, dayOfMonth: string | undefined, startDay: number): string {
  const [y, m] = parts(base);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const rule = dayOfMonth ?? "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH";
  const wanted = rule === "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" ? startDay : Number.parseInt(rule.slice(0, 2), 10);
  return iso(year, month, Math.min(wanted, daysInMonth(year, month)));
}

function addDays(base: string, days: number): string {
  const [y, m, d] = parts(base);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A grant's tranches under one terms and one vesting start: dated conditions in date order, and the event-triggered ones. */
interface Dated {
  readonly tranches: readonly { readonly date: string; readonly condition: VestingConditionSpec }[];
  readonly unscheduled: readonly string[];
  /** The whole-number plan (`wholeNumberPlan`), made when first asked; null: these terms take the decimal path. */
  plan?: WholeNumberPlan | null;
}

/**
 * Dated tranches per terms object and start date, made once: a company's grants share a few terms
 * and start dates. Terms are read-only data (as histories are), so a terms object is read once per date.
 */
const datedCache = /* @__PURE__ */ new WeakMap<VestingTermsSpec, Map<string, Dated>>();

/** The dated tranches of a grant of `quantity` under `terms`, vesting from `startDate`, in whole shares by the allocation type. */
export function vestingSchedule(terms: VestingTermsSpec, quantity: Decimal, startDate: string): VestingSchedule {
  const dated = datedTranches(terms, startDate);
  const plan = (dated.plan ??= wholeNumberPlan(terms, dated));
  const fast = plan === null ? undefined : wholeNumberInstalments(plan, quantity);
  if (fast !== undefined) {
    produced.set(fast.instalments, { days: plan!.days, counts: fast.counts });
    return { instalments: fast.instalments, unscheduled: dated.unscheduled };
  }
  const instalments = decimalInstalments(terms, quantity, dated.tranches);
  let total = ZERO;
  const totals = instalments.map((i) => (total = total.add(i.quantity)));
  produced.set(instalments, { days: isoDays(instalments.map((i) => i.date)), totals });
  return { instalments, unscheduled: dated.unscheduled };
}

/**
 * The same schedule as `vestingSchedule`, every amount computed in Decimal: the reference the
 * whole-number path is tested against (test/engine/history/vesting.property.test.ts).
 */
export function vestingScheduleInDecimals(terms: VestingTermsSpec, quantity: Decimal, startDate: string): VestingSchedule {
  const dated = datedTranches(terms, startDate);
  return { instalments: decimalInstalments(terms, quantity, dated.tranches), unscheduled: dated.unscheduled };
}

function isoDays(dates: readonly string[]): number[] | undefined {
  const days = dates.map(dayNumber);
  return days.includes(-1) ? undefined : days;
}

function datedTranches(terms: VestingTermsSpec, startDate: string): Dated {
  let byStart = datedCache.get(terms);
  if (byStart === undefined) datedCache.set(terms, (byStart = new Map()));
  const known = byStart.get(startDate);
  if (known !== undefined) return known;
  const byId = new Map(terms.conditions.map((c) => [c.id, c]));
  const startDay = parts(startDate)[2];
  const lastDate = new Map<string, string | null>();
  const visiting = new Set<string>();
  /** The date of a condition's last occurrence (null: an event, never dated). */
  const last = (id: string): string | null => {
    const known = lastDate.get(id);
    if (known !== undefined) return known;
    const c = byId.get(id);
    if (c === undefined) termsError(terms, "conditionUnknown", { condition: id });
    if (visiting.has(id)) termsError(terms, "conditionCycle", { condition: id });
    visiting.add(id);
    const dates = occurrences(c);
    visiting.delete(id);
    const result = dates === null ? null : (dates[dates.length - 1] ?? null);
    lastDate.set(id, result);
    return result;
  };
  const occurrences = (c: VestingConditionSpec): string[] | null => {
    const t = c.trigger;
    switch (t.type) {
      case "START":
        return [startDate];
      case "ABSOLUTE":
        return [t.date];
      case "EVENT":
        return null;
      case "RELATIVE": {
        if (!Number.isInteger(t.length) || t.length < 0) termsError(terms, "periodNotWhole", { condition: c.id, unit: t.unit });
        if (!Number.isInteger(t.occurrences) || t.occurrences < 1) termsError(terms, "occurrencesNotWhole", { condition: c.id });
        if (t.occurrences > 10_000) termsError(terms, "occurrencesTooMany", { condition: c.id, got: t.occurrences });
        const base = last(t.relativeTo);
        if (base === null) return null;
        const dates: string[] = [];
        for (let k = 1; k <= t.occurrences; k++) {
          dates.push(t.unit === "MONTHS" ? addMonths(base, k * t.length, t.dayOfMonth, startDay) : addDays(base, k * t.length));
        }
        return dates;
      }
    }
  };

  // Every condition's tranches, in date order.
  const tranches: { date: string; condition: VestingConditionSpec }[] = [];
  const unscheduled: string[] = [];
  for (const c of terms.conditions) {
    if ((c.portion === undefined) === (c.quantity === undefined)) termsError(terms, "portionOrQuantity", { condition: c.id });
    const dates = occurrences(c);
    if (dates === null) {
      const each = c.portion !== undefined ? c.portion : c.quantity!;
      if (!each.isZero()) unscheduled.push(c.id);
      continue;
    }
    for (const date of dates) tranches.push({ date, condition: c });
  }
  tranches.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dated: Dated = { tranches, unscheduled };
  byStart.set(startDate, dated);
  return dated;
}

/** The decimal path: each tranche's amount in Decimal, then whole shares by the allocation type. */
function decimalInstalments(
  terms: VestingTermsSpec,
  quantity: Decimal,
  dated: readonly { readonly date: string; readonly condition: VestingConditionSpec }[],
): VestingInstalment[] {
  const tranches: { date: string; exact: Decimal; units?: Decimal }[] = [];
  let vestedSoFar = ZERO;
  for (const { date, condition: c } of dated) {
    const exact = c.portion === undefined ? c.quantity! : c.remainder ? quantity.sub(vestedSoFar).mul(c.portion) : quantity.mul(c.portion);
    vestedSoFar = vestedSoFar.add(exact);
    if (!exact.isZero()) tranches.push({ date, exact, units: c.remainder ? undefined : c.portion });
  }
  return allocate(terms, quantity, tranches);
}

/** The largest denominator the whole-number path takes: portions are fractions such as 1/48 or 1/36. */
const MAX_DENOMINATOR = 1_000_000;

/**
 * A terms' tranches for one start date as whole numbers: each tranche's portion is `numerators[k] /
 * denominator` exactly (the portion is that fraction's 40-digit decimal), so a grant's amounts are
 * whole-number ratios and its whole shares come from integer division, not from Decimal.
 */
interface WholeNumberPlan {
  readonly allocation: AllocationType;
  readonly dates: readonly string[];
  readonly days: readonly number[] | undefined;
  readonly denominator: number;
  /** Cumulative allocations: each tranche's running numerator (the portions so far, over `denominator`). */
  readonly running: readonly number[];
  /** Loaded allocations: each tranche's count of equal units, the unit's numerator and the count of units in all. */
  readonly units: readonly number[];
  readonly unit: number;
  readonly totalUnits: number;
  /** Each tranche's shared instalment objects by whole-share amount (`sharedFor` its date). */
  readonly shared: readonly Map<number, VestingInstalment>[];
}

/** `portion` as the fraction n/d (d at most MAX_DENOMINATOR) whose 40-digit decimal it is; undefined when it is no such fraction. */
function fractionOf(portion: Decimal): [number, number] | undefined {
  if (portion.isNeg()) return undefined;
  if (portion.isZero()) return [0, 1];
  const [n, d] = portion.toFraction(MAX_DENOMINATOR);
  if (!new Decimal(n).div(d).eq(portion)) return undefined;
  return [n.toNumber(), d.toNumber()];
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The whole-number plan of a terms for one start date, or null: the decimal path then gives the
 * schedule. Taken when every dated condition is a portion of the whole grant (not of the remainder)
 * that is a fraction with a denominator up to 10^6, or a quantity of 0, and the allocation gives
 * whole shares (not FRACTIONAL); a loaded allocation's portions must be whole numbers of the
 * smallest (else the decimal path refuses the terms, as it always did).
 */
function wholeNumberPlan(terms: VestingTermsSpec, dated: Dated): WholeNumberPlan | null {
  if (terms.allocation === "FRACTIONAL") return null;
  const fractions = new Map<VestingConditionSpec, [number, number]>();
  let denominator = 1;
  for (const { condition: c } of dated.tranches) {
    if (fractions.has(c)) continue;
    let f: [number, number] | undefined;
    if (c.portion === undefined) f = c.quantity!.isZero() ? [0, 1] : undefined;
    else f = c.remainder && !c.portion.isZero() ? undefined : fractionOf(c.portion);
    if (f === undefined) return null;
    fractions.set(c, f);
    denominator = (denominator / gcd(denominator, f[1])) * f[1];
    if (denominator > MAX_DENOMINATOR) return null;
  }
  const dates: string[] = [];
  const numerators: number[] = [];
  for (const { date, condition } of dated.tranches) {
    const [n, d] = fractions.get(condition)!;
    if (n === 0) continue; // a tranche of nothing, as the decimal path drops it
    dates.push(date);
    numerators.push(n * (denominator / d));
  }
  const running: number[] = [];
  let sum = 0;
  for (const n of numerators) running.push((sum += n));
  let unit = 0;
  let units: number[] = [];
  if (terms.allocation !== "CUMULATIVE_ROUNDING" && terms.allocation !== "CUMULATIVE_ROUND_DOWN" && numerators.length > 0) {
    unit = numerators.reduce((min, n) => Math.min(min, n));
    units = numerators.map((n) => n / unit);
    if (units.some((k) => !Number.isInteger(k))) return null;
  }
  const totalUnits = units.reduce((s, k) => s + k, 0);
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(unit * totalUnits)) return null;
  const shared = dates.map(sharedFor);
  return { allocation: terms.allocation, dates, days: isoDays(dates), denominator, running, units, unit, totalUnits, shared };
}

/**
 * Instalment objects by date and whole-share amount, shared by every grant that vests that amount on
 * that date (instalments are read-only data): a company's grants vest a few hundred amounts on each
 * of a few hundred dates, so 10,000 grants share tens of thousands of objects rather than making
 * hundreds of thousands. At most SHARED_PER_DATE amounts a date (a cliff's amounts, one per grant
 * size, are seldom shared) and SHARED_MOST in all are kept (about 130 bytes each: 6.5 MB at most);
 * past that, each is new.
 */
const sharedByDate = /* @__PURE__ */ new Map<string, Map<number, VestingInstalment>>();
const SHARED_PER_DATE = 256;
const SHARED_MOST = 50_000;
let sharedCount = 0;

/** The most dates with shared instalments (every date of 50 years is about 18,000). */
const SHARED_DATES = 20_000;

/** Past SHARED_DATES: the dates whose instalments are not shared (never written). */
const NOT_SHARED = /* @__PURE__ */ new Map<number, VestingInstalment>();

function sharedFor(date: string): Map<number, VestingInstalment> {
  let byStep = sharedByDate.get(date);
  if (byStep === undefined) {
    if (sharedByDate.size >= SHARED_DATES) return NOT_SHARED;
    sharedByDate.set(date, (byStep = new Map()));
  }
  return byStep;
}

/** The instalment of `step` shares at tranche `k` of `plan`. */
function instalment(plan: WholeNumberPlan, k: number, step: number): VestingInstalment {
  const byStep = plan.shared[k];
  const known = byStep.get(step);
  if (known !== undefined) return known;
  const made = { date: plan.dates[k], quantity: new Decimal(step) };
  if (byStep !== NOT_SHARED && sharedCount < SHARED_MOST && byStep.size < SHARED_PER_DATE) {
    byStep.set(step, made);
    sharedCount += 1;
  }
  return made;
}

/** `a / d` rounded down (`halfUp`: half up), for whole numbers 0 <= a <= 2^53 - 1 and 0 < d: exact, whatever the doubles' division rounds to. */
function divide(a: number, d: number, halfUp: boolean): number {
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return halfUp && 2 * r >= d ? q + 1 : q;
}

/**
 * The whole-number path: the same instalments as the decimal path, for a grant of a whole number of
 * shares whose products stay exact in doubles (undefined otherwise). Why the same: the decimal path
 * rounds a tranche's true amount x = quantity x n / denominator (it settles its 40-digit value to 30
 * significant digits first, see `settled`). When x is a whole or half number (below 2^53, so at most
 * 16 digits) settling gives x itself; otherwise x is at least 1 / (2 x 10^6) from every whole or half
 * number while its settled value is within x x 10^-29 < 10^-13 of x, so both round the same way.
 */
function wholeNumberInstalments(plan: WholeNumberPlan, quantity: Decimal): { instalments: VestingInstalment[]; counts: number[] } | undefined {
  const q = exactCount(quantity);
  if (q === undefined) return undefined;
  const { dates, denominator } = plan;
  const out: VestingInstalment[] = new Array<VestingInstalment>(dates.length);
  const counts: number[] = new Array<number>(dates.length);
  if (plan.allocation === "CUMULATIVE_ROUNDING" || plan.allocation === "CUMULATIVE_ROUND_DOWN") {
    const running = plan.running;
    if (running.length > 0 && q * running[running.length - 1] > Number.MAX_SAFE_INTEGER - denominator) return undefined;
    const halfUp = plan.allocation === "CUMULATIVE_ROUNDING";
    let given = 0;
    for (let k = 0; k < dates.length; k++) {
      const total = divide(q * running[k], denominator, halfUp);
      out[k] = instalment(plan, k, total - given);
      counts[k] = total;
      given = total;
    }
    return { instalments: out, counts };
  }
  // Loaded: equal units, the remainder's extra shares on the first (or last) units, or all on one.
  const { units, totalUnits } = plan;
  if (dates.length === 0) return { instalments: out, counts };
  if (q * plan.unit * totalUnits > Number.MAX_SAFE_INTEGER - denominator) return undefined;
  const covered = divide(q * plan.unit * totalUnits, denominator, false);
  const base = Math.floor(covered / totalUnits);
  const remainder = covered - base * totalUnits;
  const front = plan.allocation.startsWith("FRONT");
  const single = plan.allocation.endsWith("SINGLE_TRANCHE");
  let first = 0;
  let total = 0;
  for (let k = 0; k < dates.length; k++) {
    const step = base * units[k] + loadedExtra(first, units[k], totalUnits, remainder, front, single);
    first += units[k];
    total += step;
    out[k] = instalment(plan, k, step);
    counts[k] = total;
  }
  return { instalments: out, counts };
}

/** A grant's quantity as a whole number from 1 to 2^53 - 1, or undefined. */
function exactCount(quantity: Decimal): number | undefined {
  if (!quantity.isInteger() || quantity.isNeg() || quantity.isZero()) return undefined;
  const q = quantity.toNumber();
  return Number.isSafeInteger(q) ? q : undefined;
}

/**
 * A share amount or a count of units settled before it is rounded to whole shares: rounded to 30
 * significant digits (half even). A portion arrives as a 40-digit decimal of a fraction (1/48 =
 * 0.02083...3), so 24 x 1/48 is 0.4999...9, not 0.5: without settling, an exact half share would
 * round down under "half up", an exact whole share (48 x 1/48) would floor to one less, and a cliff
 * of 12/48 would not be a whole number of 1/48 units. The error of 40 digits is below 1e-38 of the
 * amount (times the number of tranches), far under the 1e-30 settled away; a true amount within
 * 1e-30 of a half or a whole, and not on it, would need a portion with a denominator near 1e30 / shares.
 */
function settled(x: Decimal): Decimal {
  return x.toSignificantDigits(30, Decimal.ROUND_HALF_EVEN);
}

function allocate(terms: VestingTermsSpec, quantity: Decimal, tranches: { date: string; exact: Decimal; units?: Decimal }[]): VestingInstalment[] {
  switch (terms.allocation) {
    case "FRACTIONAL":
      return tranches.map((t) => ({ date: t.date, quantity: t.exact }));
    case "CUMULATIVE_ROUNDING":
    case "CUMULATIVE_ROUND_DOWN": {
      const mode = terms.allocation === "CUMULATIVE_ROUNDING" ? Decimal.ROUND_HALF_UP : Decimal.ROUND_DOWN;
      let exact = ZERO;
      let given = ZERO;
      return tranches.map((t) => {
        exact = exact.add(t.exact);
        const whole = settled(exact).toDecimalPlaces(0, mode);
        const step = whole.sub(given);
        given = whole;
        return { date: t.date, quantity: step };
      });
    }
    default: {
      // Equal units: each tranche is a whole number of the smallest portion.
      if (tranches.length === 0) return [];
      const portions = tranches.map((t) => t.units ?? t.exact.div(quantity));
      const unit = portions.reduce((min, p) => Decimal.min(min, p));
      const counts = portions.map((p) => settled(p.div(unit)));
      if (counts.some((k) => !k.isInteger())) {
        termsError(terms, "tranchesNotMultiples", { allocation: terms.allocation });
      }
      const totalUnits = counts.reduce((s, k) => s + k.toNumber(), 0);
      const covered = settled(quantity.mul(unit).mul(totalUnits)).toDecimalPlaces(0, Decimal.ROUND_DOWN);
      const base = covered.div(totalUnits).toDecimalPlaces(0, Decimal.ROUND_DOWN);
      const remainder = covered.sub(base.mul(totalUnits)).toNumber();
      const front = terms.allocation.startsWith("FRONT");
      const single = terms.allocation.endsWith("SINGLE_TRANCHE");
      let first = 0;
      return tranches.map((t, i) => {
        const count = counts[i].toNumber();
        const q = base.mul(count).add(loadedExtra(first, count, totalUnits, remainder, front, single));
        first += count;
        return { date: t.date, quantity: q };
      });
    }
  }
}

/**
 * A loaded allocation's extra shares in the tranche made of units `first` to `first + count - 1`
 * (of `totalUnits`, each worth the base): the remainder's shares go one each to the first
 * `remainder` units (FRONT_LOADED) or the last (BACK_LOADED), or all to the first or last unit
 * (..._TO_SINGLE_TRANCHE). Counted, not looped, so terms with millions of units cost nothing more.
 */
export function loadedExtra(first: number, count: number, totalUnits: number, remainder: number, front: boolean, single: boolean): number {
  // The tranche's positions, counted from the end that takes the extra shares: [lo, lo + count).
  const lo = front ? first : totalUnits - first - count;
  if (single) return lo === 0 && count > 0 ? remainder : 0;
  return Math.max(0, Math.min(lo + count, remainder) - lo);
}
