/**
 * The cap table as of a date against a straightforward reference replay, over generated histories.
 *
 * `capTableAsOf` and `outstandingSharesByDate` take fast paths (events ordered once per history by
 * packed numeric keys, securities in slots, option totals summed as whole numbers in doubles, vesting
 * looked up by day numbers and whole-number counts). The reference below does none of that: it sorts
 * the events with the documented comparison (date, OCF-Tools' order of types, as given), replays
 * into a Map with Decimal arithmetic only, and reads vesting by scanning the instalments. Every
 * figure is compared as its exact decimal text, so an optimisation that changed any result (an order,
 * a sum, a vested count, a warning) fails here.
 *
 * The histories are the OCF round trip's (test/ocf/historyArb.ts), then: events listed in a random
 * order, quantities scaled up to near 10^15 and past it (whole-number counts stop at 10^15, sums at
 * 2^53), schedules in date order or reversed, with a date that is not ISO-shaped, or made by
 * `vestingSchedule` (which carries their day numbers and running totals: whole numbers or decimals), a plan that retires cancelled grants, ratio and authorised-share adjustments, dates moved
 * to the first of their month or year (many types on one date: a history may then break a rule, say a
 * transfer of more than a certificate holds before that day's split, and the engine must refuse it
 * with the same rule at the same event as the reference does). Each
 * history is asked for several dates (before, on and between its events and instalments) in a row,
 * so a cached order or schedule serves the later ones.
 */
import fc from "fast-check";
import { Decimal, ONE, ZERO } from "../../../src/engine/decimal";
import {
  capTableAsOf,
  exactWholeNumber,
  orderEvents,
  outstandingSharesByDate,
  type CapTableAsOf,
  type CapTableHistory,
  type Closing,
  type HistoryEvent,
  type HistoryPlan,
  type Issuance,
  type VestingInstalment,
} from "../../../src/engine/history/history";
import { EngineError } from "../../../src/engine/errors";
import { vestingSchedule, type VestingTermsSpec } from "../../../src/engine/history/vesting";
import { historyArb } from "../../ocf/historyArb";

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

interface RefSecurity {
  issuance: Issuance;
  quantity: Decimal;
  price?: Decimal;
  open: boolean;
  accelerated: Decimal;
}

/** What the reference replay refuses (the engine's rule id and the event at fault): a history replayed whole or not at all. */
class Refused {
  constructor(
    readonly rule: string,
    readonly event: string,
  ) {}
}

/** The result, or the refusal as rule and event: the engine and the reference must agree on which. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    if (error instanceof Refused) return { refused: error.rule, event: error.event };
    if (error instanceof EngineError && error.rule !== undefined) {
      return { refused: error.rule.id, event: (error.rule.params as { event?: string }).event };
    }
    throw error;
  }
}

function referenceOrder(events: readonly HistoryEvent[]): HistoryEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      if (a.event.date !== b.event.date) return a.event.date < b.event.date ? -1 : 1;
      if (a.event.type !== b.event.type) return TYPE_ORDER[a.event.type] - TYPE_ORDER[b.event.type];
      return a.index - b.index;
    })
    .map((e) => e.event);
}

/** Vested by the documented rule: in date order, the running total of the instalments dated on or before the date, plus accelerations, at most the quantity. */
function referenceVested(s: RefSecurity, date: string): Decimal | undefined {
  const schedule = s.issuance.vesting;
  if (schedule === undefined) return undefined;
  let scheduled = ZERO;
  const sorted = [...schedule].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let total = ZERO;
  for (const i of sorted) {
    total = total.add(i.quantity);
    if (i.date <= date) scheduled = total;
  }
  const vested = s.accelerated.isZero() ? scheduled : scheduled.add(s.accelerated);
  return vested.lte(s.quantity) ? vested : s.quantity;
}

function referenceReplay(history: CapTableHistory, date: string, dayEnd?: (date: string, securities: Map<string, RefSecurity>) => void) {
  const classes = new Map(history.classes.map((c) => [c.id, { ...c }]));
  const plans = new Map<string, HistoryPlan & { exercised: Decimal }>(history.plans.map((p) => [p.id, { ...p, exercised: ZERO }]));
  const securities = new Map<string, RefSecurity>();
  const ordered = referenceOrder(history.events);
  ordered.forEach((event, k) => {
    if (event.date > date) return;
    if (event.type === "ISSUANCE") {
      const size = event.kind === "CONVERTIBLE" ? (event.amount ?? ZERO) : (event.quantity ?? ZERO);
      securities.set(event.securityId, { issuance: event, quantity: size, price: event.price, open: true, accelerated: ZERO });
    } else if (event.type === "SPLIT") {
      if (!event.ratio.isPositive()) throw new Refused("splitRatio", event.id);
      for (const s of securities.values()) {
        if (s.open && s.issuance.kind === "STOCK" && s.issuance.classId === event.classId) {
          s.quantity = s.quantity.mul(event.ratio);
          if (s.price !== undefined) s.price = s.price.div(event.ratio);
        }
      }
      const c = classes.get(event.classId)!;
      if (c.originalIssuePrice !== undefined) classes.set(c.id, { ...c, originalIssuePrice: c.originalIssuePrice.div(event.ratio) });
    } else if (event.type === "RATIO_ADJUSTMENT") {
      classes.set(event.classId, { ...classes.get(event.classId)!, conversionRatio: event.conversionRatio });
    } else if (event.type === "POOL_ADJUSTMENT") {
      plans.set(event.planId, { ...plans.get(event.planId)!, reserved: event.reserved });
    } else if (event.type === "AUTHORIZED_ADJUSTMENT") {
      if (event.classId !== undefined) classes.set(event.classId, { ...classes.get(event.classId)!, authorized: event.authorized });
    } else if (event.type === "VESTING_ACCELERATION") {
      const s = securities.get(event.securityId);
      if (s === undefined || !s.open) throw new Refused("notOutstanding", event.id);
      s.accelerated = s.accelerated.add(event.quantity);
    } else {
      const closing: Closing = event;
      const s = securities.get(closing.securityId);
      if (s === undefined) throw new Refused("securityNotIssued", event.id);
      if (!s.open) throw new Refused("alreadyClosed", event.id);
      const quantity = closing.quantity ?? s.quantity;
      if (quantity.isNegative()) throw new Refused("quantityNegative", event.id);
      if (quantity.gt(s.quantity)) throw new Refused("actsOnMore", event.id);
      if (quantity.lt(s.quantity) && closing.balanceSecurityId === undefined && closing.type !== "RETRACTION")
        throw new Refused("noBalanceSecurity", event.id);
      s.open = false;
      const planId = s.issuance.planId;
      if (planId !== undefined) {
        const plan = plans.get(planId)!;
        if (closing.type === "EXERCISE" || closing.type === "RELEASE") plans.set(planId, { ...plan, exercised: plan.exercised.add(quantity) });
        if (closing.type === "CANCELLATION" && plan.cancelledGrants === "RETIRE")
          plans.set(planId, { ...plan, reserved: plan.reserved.sub(quantity) });
      }
    }
    if (dayEnd !== undefined && (k + 1 === ordered.length || ordered[k + 1].date !== event.date)) dayEnd(event.date, securities);
  });
  return { classes, plans, securities };
}

/** The reference cap table, as plain text (every decimal as its exact text). */
function referenceAsOf(history: CapTableHistory, date: string): unknown {
  const { classes, plans, securities } = referenceReplay(history, date);
  const stock = new Map<string, { holderId: string; classId: string; shares: Decimal }>();
  const derivatives: unknown[] = [];
  const convertibles: unknown[] = [];
  let outstandingShares = ZERO;
  let outstandingAsConverted = ZERO;
  let options = ZERO;
  const granted = new Map<string, Decimal>();
  for (const s of securities.values()) {
    if (!s.open) continue;
    const i = s.issuance;
    if (i.kind === "STOCK") {
      const key = `${i.holderId}|${i.classId}`;
      const before = stock.get(key)?.shares ?? ZERO;
      stock.set(key, { holderId: i.holderId, classId: i.classId!, shares: before.add(s.quantity) });
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
        vested: referenceVested(s, date),
      });
      options = options.add(s.quantity);
      if (i.planId !== undefined) granted.set(i.planId, (granted.get(i.planId) ?? ZERO).add(s.quantity));
    }
  }
  const planPositions = history.plans.map((p) => {
    const plan = plans.get(p.id)!;
    const g = granted.get(p.id) ?? ZERO;
    return { planId: p.id, reserved: plan.reserved, granted: g, exercised: plan.exercised, available: plan.reserved.sub(g).sub(plan.exercised) };
  });
  const warnings = planPositions
    .filter((p) => p.available.isNegative())
    .map((p) => ({
      id: "poolOverGranted",
      params: { plan: history.plans.find((x) => x.id === p.planId)!.name, excess: p.available.neg().toString() },
    }));
  const pool = planPositions.reduce((sum, p) => sum.add(p.available.isNegative() ? ZERO : p.available), ZERO);
  return plain({
    date,
    stock: [...stock.values()],
    derivatives,
    convertibles,
    plans: planPositions,
    outstandingShares,
    outstandingAsConverted,
    fullyDiluted: outstandingAsConverted.add(options).add(pool),
    classes: history.classes.map((c) => classes.get(c.id)!),
    warningRules: warnings,
  });
}

function referenceOutstandingByDate(history: CapTableHistory): [string, string][] {
  const out = new Map<string, string>();
  referenceReplay(history, "9999-12-31", (date, securities) => {
    let total = ZERO;
    for (const s of securities.values()) if (s.open && s.issuance.kind === "STOCK") total = total.add(s.quantity);
    out.set(date, total.toString());
  });
  return [...out];
}

/** Decimals as their exact text (sign of zero included), undefined fields dropped: what a comparison of results needs. */
function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return `${value.isNegative() ? "-" : ""}${value.abs().toString()}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

function engineAsOf(history: CapTableHistory, date: string): unknown {
  const t: CapTableAsOf = capTableAsOf(history, date);
  const { warnings, ...rest } = t;
  expect(warnings).toHaveLength(t.warningRules.length);
  return plain(rest);
}

/** Every quantity, amount and reserve times `factor` (a consistent history stays consistent). */
function scaled(history: CapTableHistory, factor: Decimal): CapTableHistory {
  const times = (x: Decimal | undefined) => (x === undefined ? undefined : x.mul(factor));
  const vesting = (v: readonly VestingInstalment[] | undefined) => v?.map((i) => ({ ...i, quantity: i.quantity.mul(factor) }));
  return {
    ...history,
    plans: history.plans.map((p) => ({ ...p, reserved: p.reserved.mul(factor) })),
    events: history.events.map((e): HistoryEvent => {
      switch (e.type) {
        case "ISSUANCE":
          return { ...e, quantity: times(e.quantity), amount: times(e.amount), vesting: vesting(e.vesting) };
        case "SPLIT":
        case "RATIO_ADJUSTMENT":
        case "AUTHORIZED_ADJUSTMENT":
          return e;
        case "POOL_ADJUSTMENT":
          return { ...e, reserved: e.reserved.mul(factor) };
        case "VESTING_ACCELERATION":
          return { ...e, quantity: e.quantity.mul(factor) };
        default:
          return { ...e, quantity: times(e.quantity) };
      }
    }),
  };
}

/** Quarterly vesting over a year, in whole shares (vestingSchedule's whole-number path for a whole grant). */
const QUARTERS: VestingTermsSpec = {
  id: "quarters",
  allocation: "CUMULATIVE_ROUNDING",
  conditions: [
    { id: "q", portion: new Decimal(1).div(4), trigger: { type: "RELATIVE", unit: "MONTHS", length: 3, occurrences: 4, relativeTo: "start" } },
    { id: "start", quantity: ZERO, trigger: { type: "START" } },
  ],
};
/** The same in fractional shares (vestingSchedule's decimal path). */
const QUARTERS_FRACTIONAL: VestingTermsSpec = { ...QUARTERS, id: "quarters-fractional", allocation: "FRACTIONAL" };

/**
 * The schedule as the variant says: as given, reversed, with one date that is not ISO-shaped, or one
 * `vestingSchedule` produced for the grant from its date (its day numbers and running totals then
 * come with it: whole numbers, or decimals).
 */
function reshaped(v: readonly VestingInstalment[], variant: number, grant: Issuance): readonly VestingInstalment[] {
  switch (variant) {
    case 1:
      return grant.quantity === undefined ? v : vestingSchedule(QUARTERS, grant.quantity, grant.date).instalments;
    case 2:
      return [...v].reverse();
    case 3:
      return v.map((i, k) => (k === 0 ? { ...i, date: `${i.date}T00` } : i));
    case 4:
      return grant.quantity === undefined ? [...v].reverse() : vestingSchedule(QUARTERS_FRACTIONAL, grant.quantity, grant.date).instalments;
    default:
      return v;
  }
}

const variantArb = fc.record({
  factor: fc.constantFrom("1", "1", "3", "123456789", "99999999.7", "1000000000", "190000000000"),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  schedules: fc.integer({ min: 0, max: 4 }),
  retire: fc.boolean(),
  adjust: fc.boolean(),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  /** Events moved to the first day of their month or year: many types on one date, so the order of types decides. */
  dates: fc.constantFrom("day", "month", "year"),
});

type Variant = typeof variantArb extends fc.Arbitrary<infer T> ? T : never;

function variant(history: CapTableHistory, v: Variant): CapTableHistory {
  const big = scaled(history, new Decimal(v.factor));
  let k = 0;
  // A monotone map of dates keeps the history consistent (issued on or before closing, results on the closing's date).
  const coarse = (date: string) => (v.dates === "day" ? date : v.dates === "month" ? `${date.slice(0, 7)}-01` : `${date.slice(0, 4)}-01-01`);
  const events = big.events.map((e) => {
    const moved = { ...e, date: coarse(e.date) } as HistoryEvent;
    return moved.type === "ISSUANCE" && moved.vesting !== undefined
      ? { ...moved, vesting: reshaped(moved.vesting, (v.schedules + k++) % 5, moved) }
      : moved;
  });
  const dates = events.map((e) => e.date).sort();
  if (v.adjust && dates.length > 0) {
    const mid = dates[dates.length >> 1];
    events.push(
      { type: "RATIO_ADJUSTMENT", id: "ratio-adj", date: mid, classId: "common", conversionRatio: new Decimal("1.5") },
      { type: "AUTHORIZED_ADJUSTMENT", id: "auth-adj", date: mid, classId: "common", authorized: new Decimal(2e9) },
    );
  }
  // A random order of the list (Fisher-Yates on a small generator): the replay order must not depend on it.
  let seed = v.seed;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  return {
    ...big,
    plans: big.plans.map((p) => ({ ...p, cancelledGrants: v.retire ? ("RETIRE" as const) : p.cancelledGrants })),
    events,
  };
}

/** Dates to ask: each event's and each instalment's (boundaries), the day before the first, and long after the last. */
function candidateDates(history: CapTableHistory): string[] {
  const set = new Set<string>(["2019-12-31", "2099-12-31"]);
  for (const e of history.events) {
    set.add(e.date);
    if (e.type === "ISSUANCE") for (const i of e.vesting ?? []) if (/^\d{4}-\d{2}-\d{2}$/.test(i.date)) set.add(i.date);
  }
  return [...set].sort();
}

describe("capTableAsOf against a reference replay", () => {
  it("gives the reference's cap table, to the last digit, for random histories, orders, scales and schedules", () => {
    fc.assert(
      fc.property(historyArb, variantArb, (generated, v) => {
        const history = variant(generated, v);
        const dates = candidateDates(history);
        for (const p of v.picks) {
          const date = dates[p % dates.length];
          expect(outcome(() => engineAsOf(history, date))).toEqual(outcome(() => referenceAsOf(history, date)));
        }
        expect(outcome(() => [...outstandingSharesByDate(history)].map(([d, x]) => [d, x.toString()]))).toEqual(
          outcome(() => referenceOutstandingByDate(history)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("options whose counts are whole but sum past 2^53 total exactly (the Decimal path), as do counts past 10^15", () => {
    const holders = [{ id: "h", name: "H" }];
    const plans = [{ id: "esop", name: "Plan", reserved: new Decimal("1e17"), cancelledGrants: "RETURN_TO_POOL" as const }];
    const grant = (n: number, quantity: string): Issuance => ({
      type: "ISSUANCE",
      id: `o${n}`,
      date: "2024-01-01",
      securityId: `O-${n}`,
      kind: "OPTION",
      holderId: "h",
      planId: "esop",
      quantity: new Decimal(quantity),
      vesting: [{ date: "2024-06-01", quantity: new Decimal(quantity) }],
    });
    // 11 x (10^15 - 1) = 10,999,999,999,999,989: odd and past 2^53, so no double holds it.
    for (const quantities of [Array(11).fill("999999999999999"), ["1000000000000000", "1"], ["4503599627370497", "4503599627370496"], ["0.5", "1"]]) {
      const history: CapTableHistory = { classes: [], holders, plans, events: quantities.map((q, n) => grant(n, q)) };
      const t = capTableAsOf(history, "2024-12-31");
      const total = quantities.reduce((s, q) => s.add(q), ZERO);
      expect(t.plans[0].granted.toString()).toBe(total.toString());
      expect(t.fullyDiluted.toString()).toBe(total.add(new Decimal("1e17").sub(total)).toString());
      expect(t.derivatives.map((x) => x.vested!.toString())).toEqual(quantities.map((q) => new Decimal(q).toString()));
      expect(engineAsOf(history, "2024-03-01")).toEqual(referenceAsOf(history, "2024-03-01"));
    }
  });
});

describe("orderEvents", () => {
  it("is the documented order (date as text, OCF-Tools' order of types, as given), ISO dates or not", () => {
    const types = Object.keys(TYPE_ORDER) as HistoryEvent["type"][];
    const date = fc.oneof(
      fc.constantFrom("2024-01-01", "2024-01-02", "2024-02-01", "2023-12-31", "0999-01-01", "9999-12-31"),
      // Not ISO-shaped; "2024-01-:9" sorts before "2024-02-01" as text, after it if its ":" were read as a digit (10).
      fc.constantFrom("2024-1-05", "2024-01-01T00", "", "2024/01/01", "2024-01-0x", "2024-01-:9"),
    );
    const eventArb = fc.record({ date, type: fc.constantFrom(...types) });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (list) => {
        const events = list.map((e, i) => ({ ...e, id: `e${i}` }) as unknown as HistoryEvent);
        expect(orderEvents(events).map((e) => e.id)).toEqual(referenceOrder(events).map((e) => e.id));
      }),
      { numRuns: 300 },
    );
  });
});

describe("exactWholeNumber", () => {
  it("is toNumber for whole numbers below 10^15 and NaN for anything else", () => {
    const text = fc.oneof(
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map(String),
      fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }).map(String),
      fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 1, max: 20 })).map(([n, k]) => `${n}e-${k}`),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 16 })).map(([n, k]) => `${n}e${k}`),
      fc.constantFrom("0", "-0", "1e14", "999999999999999", "1000000000000000", "-999999999999999", "9999999", "10000000", "0.5", "1e-30"),
    );
    fc.assert(
      fc.property(text, (t) => {
        const x = new Decimal(t);
        const expected = x.isInteger() && x.abs().lt("1e15") ? x.toNumber() : NaN;
        expect(Object.is(exactWholeNumber(x), expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
