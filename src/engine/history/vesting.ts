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
 * The instalment arrays `vestingSchedule` produced: in date order (tranches sorted by date before
 * allocation, which keeps their order), each with its running total, new arrays each call, typed
 * readonly. The first as-of of a history skips re-reading their order; any other array (an OCF
 * import's copy, a slice) is still checked.
 */
const producedInOrder = /* @__PURE__ */ new WeakSet<readonly VestingInstalment[]>();

/** True when `schedule` is an array `vestingSchedule` produced (in date order, totals set). */
export function isProducedSchedule(schedule: readonly VestingInstalment[]): boolean {
  return producedInOrder.has(schedule);
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

/** The dated tranches of a grant of `quantity` under `terms`, vesting from `startDate`, in whole shares by the allocation type. */
export function vestingSchedule(terms: VestingTermsSpec, quantity: Decimal, startDate: string): VestingSchedule {
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
  const dated: { date: string; condition: VestingConditionSpec }[] = [];
  const unscheduled: string[] = [];
  for (const c of terms.conditions) {
    if ((c.portion === undefined) === (c.quantity === undefined)) termsError(terms, "portionOrQuantity", { condition: c.id });
    const dates = occurrences(c);
    if (dates === null) {
      const each = c.portion !== undefined ? c.portion : c.quantity!;
      if (!each.isZero()) unscheduled.push(c.id);
      continue;
    }
    for (const date of dates) dated.push({ date, condition: c });
  }
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const tranches: { date: string; exact: Decimal; units?: Decimal }[] = [];
  let vestedSoFar = ZERO;
  for (const { date, condition: c } of dated) {
    const exact = c.portion === undefined ? c.quantity! : c.remainder ? quantity.sub(vestedSoFar).mul(c.portion) : quantity.mul(c.portion);
    vestedSoFar = vestedSoFar.add(exact);
    if (!exact.isZero()) tranches.push({ date, exact, units: c.remainder ? undefined : c.portion });
  }
  let total = ZERO;
  const instalments = allocate(terms, quantity, tranches).map((i) => ({ ...i, total: (total = total.add(i.quantity)) }));
  producedInOrder.add(instalments);
  return { instalments, unscheduled };
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
      let unitIndex = 0;
      return tranches.map((t, i) => {
        let q = ZERO;
        for (let k = 0; k < counts[i].toNumber(); k++, unitIndex++) {
          const position = front ? unitIndex : totalUnits - 1 - unitIndex;
          const extra = single ? (position === 0 ? remainder : 0) : position < remainder ? 1 : 0;
          q = q.add(base).add(extra);
        }
        return { date: t.date, quantity: q };
      });
    }
  }
}
