/**
 * The inputs of a cap-table history model: a company's share classes with their terms, its option
 * plans, and the dated events that made its cap table (issuances, option grants, SAFEs and notes,
 * their conversion, pool changes), then, optionally, the next priced round and exit values. One zod
 * schema is both the validator (templates, the command line, the form) and the TypeScript type.
 * Plain JSON data: numbers as JS numbers (Decimal in the builder), fractions as fractions.
 *
 * Conventions (the engine's, src/engine/history):
 * - Amounts (SAFE amounts, the round's pre-money and new money, exit values) are in the model's
 *   unit; prices per share (a class's issue price, a grant's strike) are in currency units, as a
 *   term sheet states them.
 * - Events are listed in date order (an event before the one above it is an error, never re-sorted
 *   silently). Each row is one security: an ISSUE of shares of a class, a GRANT of options under a
 *   plan (vesting monthly over `vestingMonths` from `vestingStart` or the grant date, nothing before
 *   the `cliffMonths` cliff; no vesting months: vested at grant), a SAFE (post-money), a PRE_SAFE or a
 *   NOTE (its `amount` is what converts: principal plus any interest already accrued), a CONVERT that
 *   closes every SAFE and note the holder has outstanding and issues it `shares` of the class, and a
 *   POOL that sets a plan's reserved shares. A NOTE with a `rate` accrues simple interest on its
 *   principal (actual/365) from its date to its conversion, and converts principal + interest.
 * - Seniority is the exit waterfall's: 1 is paid first, equal ranks pari passu.
 * - The cap table is taken as of `asOf` (events dated that day count).
 * Holder, class and plan names are matched trimmed and case-insensitive, as the engine does.
 */
import { z } from "zod";
import { CLASS_KIND_WORDS, Decimal, EVENT_TYPE_WORDS, PARTICIPATION_WORDS, ROUNDING_WORDS, holderKey, nameKey, type EventType } from "../engine";
import { amount, choice, list, modelHeader, nonNegative, optionalText, positive, text, fractionBelowOne } from "./fields";
import { InvestorInput, isoDate } from "./pricedRoundInput";
import { seniority } from "./exitWaterfallInput";
import { type FieldName, ruleError, ruleIssue } from "./ruleMessages";

/** Limits of a history (with the shared LIMITS for text and sizes). */
export const HISTORY_LIMITS = { maxClasses: 20, maxPlans: 10, maxEvents: 500, maxExits: 10, maxMonths: 240, maxInvestors: 100 } as const;

export { CLASS_KINDS, CLASS_KIND_WORDS, EVENT_TYPES, EVENT_TYPE_WORDS, type ClassKindInput, type EventType } from "../engine";

export const HistoryClassInput = z.strictObject({
  name: text("class"),
  kind: choice(CLASS_KIND_WORDS, "class kind"),
  /** Original issue price per share, in currency units (the base of the preference); null for common. */
  issuePrice: positive("issue price").nullable(),
  /** Liquidation preference as a multiple of the issue price (0 for common). */
  preference: nonNegative("preference"),
  /** 1 is paid first; equal ranks are pari passu. */
  seniority: seniority(),
  participation: choice(PARTICIPATION_WORDS, "participation"),
  /** For CAPPED: total return cap as a multiple of the issue price; null otherwise. */
  cap: positive("cap").nullable(),
  /** Common shares per share on conversion (1 for common). */
  conversionRatio: positive("conversion ratio"),
});
export type HistoryClassInput = z.infer<typeof HistoryClassInput>;

export const HistoryPlanInput = z.strictObject({
  name: text("plan"),
  /** Shares reserved when the plan is adopted (a POOL event changes it later). */
  reserved: nonNegative("reserved"),
});
export type HistoryPlanInput = z.infer<typeof HistoryPlanInput>;

/** An optional name: null when empty (a blank cell reads back as null, and "" is the same: no name). */
const optionalName = (field: FieldName) =>
  optionalText(field)
    .nullable()
    .transform((v) => (v === "" ? null : v));

const months = (field: "vesting months" | "cliff months") =>
  z
    .number(ruleError("notNumber", { field }))
    .int(ruleError("wholeMonths", { field }))
    .min(0, ruleError("wholeMonths", { field }))
    .max(HISTORY_LIMITS.maxMonths, ruleError("wholeMonths", { field }));

export const HistoryEventInput = z.strictObject({
  date: isoDate("event date"),
  type: choice(EVENT_TYPE_WORDS, "event type"),
  /** The holder (every type but POOL). */
  holder: optionalName("holder"),
  /** ISSUE and CONVERT: the class issued; GRANT: the class the options exercise into (optional). */
  className: optionalName("class"),
  /** GRANT and POOL: the plan. */
  plan: optionalName("plan"),
  /** ISSUE, CONVERT: shares issued; GRANT: options granted; POOL: the plan's reserved shares from this date. */
  shares: nonNegative("shares").nullable(),
  /** GRANT: the strike per share, in currency units. */
  strike: nonNegative("strike").nullable(),
  /** SAFE, PRE_SAFE, NOTE: the amount that converts, in the model's unit. */
  amount: nonNegative("amount").nullable(),
  /** SAFE, PRE_SAFE, NOTE: the valuation cap, in the model's unit (post-money for a SAFE, pre-money otherwise), or null. */
  cap: positive("instrument cap").nullable(),
  /** SAFE, PRE_SAFE, NOTE: discount on the round price (20% = 0.2), or null. */
  discount: fractionBelowOne("instrument discount").nullable(),
  /** GRANT: months of monthly vesting (null or 0: vested at grant). */
  vestingMonths: months("vesting months").nullable(),
  /** GRANT: months before anything vests (the cliff's instalment then vests at once). */
  cliffMonths: months("cliff months").nullable(),
  /** GRANT: the vesting start date when it is not the grant date (it may be before it). */
  vestingStart: isoDate("vesting start").nullable(),
  /** TRANSFER: the holder the shares go to. Absent in files written before it existed: empty. */
  toHolder: optionalName("to holder").default(null),
  /** SPLIT: new shares per old share (2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split). Absent in older files: empty. */
  ratio: positive("split ratio").nullable().default(null),
  /**
   * NOTE: the yearly interest rate (0.06 = 6%), or empty (no interest: the amount is what converts).
   * With a rate the amount is the principal, and simple interest accrues from the note's date on an
   * actual/365 day count (OCF's ACTUAL_365, the engine's `yearFraction` "ACT/365"; domain.md §2.5:
   * a note converts principal + accrued interest) to its conversion: its CONVERT row, or the next
   * round's date. Absent in older files: empty.
   */
  rate: nonNegative("interest rate")
    .refine((n) => n <= 10, ruleError("rateTooHigh", {}))
    .nullable()
    .default(null),
});
export type HistoryEventInput = z.infer<typeof HistoryEventInput>;

/** The next priced round: it starts from the cap table as of `asOf`, its outstanding SAFEs and notes convert, and its new series joins the classes. */
export const NextRoundInput = z.strictObject({
  date: isoDate("round date"),
  /** The new series' name, e.g. "Series B" (a class of its own, with the terms below). */
  series: text("series"),
  preMoney: positive("pre-money"),
  investors: list("investors", InvestorInput, { min: 1, max: HISTORY_LIMITS.maxInvestors }),
  /** Unissued pool after the round as a fraction of post-money fully diluted shares, or null. */
  poolTarget: fractionBelowOne("pool target").nullable(),
  /** A fixed number of shares added to the pool instead of a target, or null. */
  poolIncrease: nonNegative("pool increase").nullable(),
  preference: nonNegative("preference"),
  seniority: HistoryClassInput.shape.seniority,
  participation: choice(PARTICIPATION_WORDS, "participation"),
  cap: positive("cap").nullable(),
});
export type NextRoundInput = z.infer<typeof NextRoundInput>;

/** The exit: enterprise values, and what is paid before the shareholders. */
export const HistoryExitInput = z.strictObject({
  exitValues: list("exitValues", amount("exit values"), { min: 1, max: HISTORY_LIMITS.maxExits }),
  netDebt: amount("net debt"),
  transactionCosts: nonNegative("transaction costs"),
});
export type HistoryExitInput = z.infer<typeof HistoryExitInput>;

/** Which columns each event type needs, and which it must leave empty (an argument given then ignored is an error). */
export const EVENT_COLUMNS: Readonly<Record<EventType, { readonly needs: readonly EventColumn[]; readonly allows: readonly EventColumn[] }>> = {
  ISSUE: { needs: ["holder", "className", "shares"], allows: [] },
  GRANT: { needs: ["holder", "plan", "shares"], allows: ["className", "strike", "vestingMonths", "cliffMonths", "vestingStart"] },
  SAFE: { needs: ["holder", "amount"], allows: ["cap", "discount"] },
  PRE_SAFE: { needs: ["holder", "amount"], allows: ["cap", "discount"] },
  NOTE: { needs: ["holder", "amount"], allows: ["cap", "discount", "rate"] },
  CONVERT: { needs: ["holder", "className", "shares"], allows: [] },
  POOL: { needs: ["plan", "shares"], allows: [] },
  TRANSFER: { needs: ["holder", "toHolder", "className", "shares"], allows: [] },
  // A class (shares cancelled) or a plan (options cancelled, back to the pool): one of the two (checked below).
  CANCEL: { needs: ["holder", "shares"], allows: ["className", "plan"] },
  EXERCISE: { needs: ["holder", "plan", "className", "shares"], allows: [] },
  REPURCHASE: { needs: ["holder", "className", "shares"], allows: [] },
  SPLIT: { needs: ["className", "ratio"], allows: [] },
};
export type EventColumn = Exclude<keyof HistoryEventInput, "date" | "type">;

/**
 * Where each row type replays among a date's events: the engine's order of OCF transaction types
 * (issuances first, then cancellations, conversions, repurchases, transfers, exercises, splits, pool
 * changes; src/engine/history/history.ts TYPE_ORDER). A CONVERT issues its shares as an issuance.
 */
const REPLAY_RANK: Readonly<Record<EventType, number>> = {
  ISSUE: 0,
  GRANT: 0,
  SAFE: 0,
  PRE_SAFE: 0,
  NOTE: 0,
  CONVERT: 0,
  CANCEL: 2,
  REPURCHASE: 5,
  TRANSFER: 6,
  EXERCISE: 7,
  SPLIT: 10,
  POOL: 12,
};

/** The rows' indices in the order the engine replays them: by date, then by type as above, then as listed. */
export function replayOrder(events: readonly Pick<HistoryEventInput, "date" | "type">[]): number[] {
  return events
    .map((_, i) => i)
    .sort((a, b) => {
      const x = events[a];
      const y = events[b];
      return x.date < y.date ? -1 : x.date > y.date ? 1 : REPLAY_RANK[x.type] - REPLAY_RANK[y.type] || a - b;
    });
}
export const EVENT_COLUMN_KEYS: readonly EventColumn[] = [
  "holder",
  "className",
  "plan",
  "shares",
  "strike",
  "amount",
  "cap",
  "discount",
  "vestingMonths",
  "cliffMonths",
  "vestingStart",
  "toHolder",
  "ratio",
  "rate",
];
/** Each column's name in messages. */
const COLUMN_FIELD: Readonly<Record<EventColumn, FieldName>> = {
  holder: "holder",
  className: "class",
  plan: "plan",
  shares: "shares",
  strike: "strike",
  amount: "amount",
  cap: "instrument cap",
  discount: "instrument discount",
  vestingMonths: "vesting months",
  cliffMonths: "cliff months",
  vestingStart: "vesting start",
  toHolder: "to holder",
  ratio: "split ratio",
  rate: "interest rate",
};
const isEmpty = (v: unknown) => v === null || v === "";
const CONVERTIBLE_TYPES: readonly EventType[] = ["SAFE", "PRE_SAFE", "NOTE"];

export const CapTableHistoryInput = z
  .strictObject({
    ...modelHeader("capTableHistory"),
    /** Where the figures come from, shown under the title ("" when they are the user's own). */
    source: optionalText("source"),
    /** The date of the cap table the sheet shows (and the next round starts from). */
    asOf: isoDate("as of"),
    classes: list("classes", HistoryClassInput, { min: 1, max: HISTORY_LIMITS.maxClasses }),
    plans: list("plans", HistoryPlanInput, { max: HISTORY_LIMITS.maxPlans }),
    events: list("events", HistoryEventInput, { min: 1, max: HISTORY_LIMITS.maxEvents }),
    /** The next priced round, or null. */
    nextRound: NextRoundInput.nullable(),
    /** The exit, or null. */
    exit: HistoryExitInput.nullable(),
    rounding: choice(ROUNDING_WORDS, "rounding"),
  })
  .superRefine((m, ctx) => {
    const classes = new Set<string>();
    m.classes.forEach((c, i) => {
      if (classes.has(nameKey(c.name))) ctx.addIssue(ruleIssue("duplicate", { list: "classes", name: c.name }, ["classes", i, "name"]));
      classes.add(nameKey(c.name));
      if (c.participation === "CAPPED" && c.cap === null) ctx.addIssue(ruleIssue("capRequired", { className: c.name }, ["classes", i, "cap"]));
      if (c.participation !== "CAPPED" && c.cap !== null) ctx.addIssue(ruleIssue("capUnlessCapped", { className: c.name }, ["classes", i, "cap"]));
      if (c.cap !== null && c.cap < c.preference)
        ctx.addIssue(ruleIssue("capBelowPreference", { className: c.name, preference: c.preference }, ["classes", i, "cap"]));
      if (c.preference > 0 && c.issuePrice === null)
        ctx.addIssue(ruleIssue("preferenceNeedsPrice", { className: c.name }, ["classes", i, "issuePrice"]));
    });
    const plans = new Set<string>();
    m.plans.forEach((p, i) => {
      if (plans.has(nameKey(p.name))) ctx.addIssue(ruleIssue("duplicate", { list: "plans", name: p.name }, ["plans", i, "name"]));
      plans.add(nameKey(p.name));
    });
    const openConvertibles = new Map<string, number>();
    m.events.forEach((e, i) => {
      const row = i + 1;
      const holder = holderKey(e.holder ?? "");
      if (CONVERTIBLE_TYPES.includes(e.type)) openConvertibles.set(holder, (openConvertibles.get(holder) ?? 0) + 1);
      if (e.type === "CONVERT" && e.holder !== null) {
        if ((openConvertibles.get(holder) ?? 0) === 0)
          ctx.addIssue(ruleIssue("nothingToConvert", { row, holder: e.holder }, ["events", i, "holder"]));
        openConvertibles.set(holder, 0);
      }
      if (i > 0 && e.date < m.events[i - 1].date)
        ctx.addIssue(ruleIssue("eventsOutOfOrder", { row, date: e.date, previous: m.events[i - 1].date }, ["events", i, "date"]));
      const { needs, allows } = EVENT_COLUMNS[e.type];
      for (const key of EVENT_COLUMN_KEYS) {
        const empty = isEmpty(e[key]);
        if (needs.includes(key) && empty) ctx.addIssue(ruleIssue("eventNeeds", { row, type: e.type, column: COLUMN_FIELD[key] }, ["events", i, key]));
        if (!needs.includes(key) && !allows.includes(key) && !empty)
          ctx.addIssue(ruleIssue("eventIgnores", { row, type: e.type, column: COLUMN_FIELD[key] }, ["events", i, key]));
      }
      if (e.className !== null && !classes.has(nameKey(e.className)))
        ctx.addIssue(ruleIssue("eventUnknown", { row, list: "classes", name: e.className }, ["events", i, "className"]));
      if (e.plan !== null && !plans.has(nameKey(e.plan)))
        ctx.addIssue(ruleIssue("eventUnknown", { row, list: "plans", name: e.plan }, ["events", i, "plan"]));
      if (e.cliffMonths !== null && (e.vestingMonths ?? 0) < e.cliffMonths)
        ctx.addIssue(ruleIssue("cliffOverVesting", { row }, ["events", i, "cliffMonths"]));
      if (e.type === "CANCEL" && (e.className === null) === (e.plan === null))
        ctx.addIssue(ruleIssue("cancelClassOrPlan", { row }, ["events", i, e.className === null ? "className" : "plan"]));
      const next = m.events[i + 1];
      if (e.type === "SPLIT" && next !== undefined && next.date === e.date && next.type !== "SPLIT")
        ctx.addIssue(ruleIssue("splitLastOfDate", { row }, ["events", i, "type"]));
    });
    // What a transfer, cancellation, exercise or repurchase takes must be held then (in the engine's replay order).
    if (!ctx.issues.some((x) => x.path?.[0] === "events")) {
      const stock = new Map<string, Decimal>();
      const options = new Map<string, Decimal>();
      const at = (map: Map<string, Decimal>, k: string) => map.get(k) ?? new Decimal(0);
      for (const i of replayOrder(m.events)) {
        const e = m.events[i];
        const shares = new Decimal(e.shares ?? 0);
        const h = holderKey(e.holder ?? "");
        const sk = `${h}\u0000${nameKey(e.className ?? "")}`;
        const ok = `${h}\u0000${nameKey(e.plan ?? "")}`;
        const take = (map: Map<string, Decimal>, k: string, what: "shares" | "options", name: string): boolean => {
          if (at(map, k).lt(shares)) {
            ctx.addIssue(
              ruleIssue("notEnoughHeld", { row: i + 1, holder: e.holder!, held: at(map, k).toNumber(), what, name, shares: e.shares! }, [
                "events",
                i,
                "shares",
              ]),
            );
            return false;
          }
          map.set(k, at(map, k).sub(shares));
          return true;
        };
        switch (e.type) {
          case "ISSUE":
          case "CONVERT":
            stock.set(sk, at(stock, sk).add(shares));
            break;
          case "GRANT":
            options.set(ok, at(options, ok).add(shares));
            break;
          case "TRANSFER": {
            const to = `${holderKey(e.toHolder!)}\u0000${nameKey(e.className!)}`;
            if (take(stock, sk, "shares", e.className!)) stock.set(to, at(stock, to).add(shares));
            break;
          }
          case "REPURCHASE":
            take(stock, sk, "shares", e.className!);
            break;
          case "CANCEL":
            if (e.className !== null) take(stock, sk, "shares", e.className);
            else take(options, ok, "options", e.plan!);
            break;
          case "EXERCISE":
            if (take(options, ok, "options", e.plan!)) stock.set(sk, at(stock, sk).add(shares));
            break;
          case "SPLIT":
            for (const [k, v] of stock) if (k.endsWith(`\u0000${nameKey(e.className!)}`)) stock.set(k, v.mul(e.ratio!));
            break;
          default:
            break;
        }
      }
    }
    const r = m.nextRound;
    if (r !== null) {
      if (r.poolTarget !== null && r.poolIncrease !== null) ctx.addIssue(ruleIssue("poolIncreaseWithTarget", {}, ["nextRound", "poolIncrease"]));
      // The round starts from the cap table as of asOf: an event after it would be left out of the round, never silently.
      m.events.forEach((e, i) => {
        if (e.date > m.asOf) ctx.addIssue(ruleIssue("eventAfterAsOf", { row: i + 1, date: e.date, asOf: m.asOf }, ["events", i, "date"]));
      });
      if (r.date < m.asOf) ctx.addIssue(ruleIssue("roundBeforeAsOf", { date: r.date, asOf: m.asOf }, ["nextRound", "date"]));
      if (classes.has(nameKey(r.series))) ctx.addIssue(ruleIssue("duplicate", { list: "classes", name: r.series }, ["nextRound", "series"]));
      if (r.participation === "CAPPED" && r.cap === null) ctx.addIssue(ruleIssue("capRequired", { className: r.series }, ["nextRound", "cap"]));
      if (r.participation !== "CAPPED" && r.cap !== null) ctx.addIssue(ruleIssue("capUnlessCapped", { className: r.series }, ["nextRound", "cap"]));
      const investors = new Set<string>();
      r.investors.forEach((v, i) => {
        if (investors.has(holderKey(v.name)))
          ctx.addIssue(ruleIssue("duplicate", { list: "investors", name: v.name }, ["nextRound", "investors", i, "name"]));
        investors.add(holderKey(v.name));
      });
    }
  });
export type CapTableHistoryInput = z.infer<typeof CapTableHistoryInput>;

/** An event row with every column empty but the ones given. */
export function historyEvent(e: Partial<HistoryEventInput> & Pick<HistoryEventInput, "date" | "type">): HistoryEventInput {
  const { date, type, ...rest } = e;
  return {
    date,
    type,
    holder: null,
    className: null,
    plan: null,
    shares: null,
    strike: null,
    amount: null,
    cap: null,
    discount: null,
    vestingMonths: null,
    cliffMonths: null,
    vestingStart: null,
    toHolder: null,
    ratio: null,
    rate: null,
    ...rest,
  };
}

/**
 * Y Combinator, "Post-Money Safe User Guide" (https://www.ycombinator.com/documents), Appendix II,
 * Example 1, told as a history: 9,250,000 founder shares, a plan of 750,000 (300,000 options
 * outstanding, 350,000 promised, 100,000 unissued), Investor A's $200,000 SAFE at a $4,000,000
 * post-money cap and Investor B's $800,000 at $8,000,000, then the Series A: $5,000,000 at a
 * $15,000,000 pre-money with a pool increase of 1,695,000 shares. The Guide prints Company
 * Capitalization 11,764,705, SAFE shares 588,235 and 1,176,470 and a price of $1.1144. The Guide
 * gives no dates (these are placeholders) and no exit.
 */
export const YC_HISTORY_EXAMPLE: CapTableHistoryInput = {
  kind: "capTableHistory",
  company: "YC Example 1",
  currency: "USD",
  unit: "units",
  source: "Y Combinator, Post-Money Safe User Guide, Appendix II, Example 1",
  asOf: "2020-12-31",
  classes: [{ name: "Common", kind: "COMMON", issuePrice: null, preference: 0, seniority: 2, participation: "FULL", cap: null, conversionRatio: 1 }],
  plans: [{ name: "Equity plan", reserved: 750_000 }],
  events: [
    historyEvent({ date: "2020-01-01", type: "ISSUE", holder: "Founders", className: "Common", shares: 9_250_000 }),
    historyEvent({ date: "2020-02-01", type: "GRANT", holder: "Options outstanding", plan: "Equity plan", shares: 300_000 }),
    historyEvent({ date: "2020-02-01", type: "GRANT", holder: "Promised options", plan: "Equity plan", shares: 350_000 }),
    historyEvent({ date: "2020-03-01", type: "SAFE", holder: "Investor A", amount: 200_000, cap: 4_000_000 }),
    historyEvent({ date: "2020-04-01", type: "SAFE", holder: "Investor B", amount: 800_000, cap: 8_000_000 }),
  ],
  nextRound: {
    date: "2021-01-15",
    series: "Series A",
    preMoney: 15_000_000,
    investors: [{ name: "Series A investors", amount: 5_000_000 }],
    poolTarget: null,
    poolIncrease: 1_695_000,
    preference: 1,
    seniority: 1,
    participation: "NONE",
    cap: null,
  },
  exit: null,
  rounding: "DOWN",
};

/**
 * A course exercise published on the web, "Delta, Inc." (SolutionInn, question 12043652,
 * https://solutioninn.com/study-help/questions/these-are-the-cap-tables-for-delta-inc-after-two-12043652),
 * told as a history from founding to exit. The exercise prints the cap tables before investment,
 * after the Series A and after the Series B (shares, percent, value of all shares held), then
 * states the exit: the company sells for $100,000,000, the Series A has a 2x participating
 * preference, the Series B a 1x participating preference, the founder's shares are fully vested.
 *
 * The printed figures: before investment, Founder 5,400,000 shares (90%), Options 600,000 (10%).
 * After the Series A: Founder 5,400,000 (67.5%, $5,400,000), Investor A 2,000,000 (25.0%,
 * $2,000,000), Options 600,000 (7.5%, $600,000), total 8,000,000 and $8,000,000, so $1.00 a share.
 * After the Series B: Founder 5,400,000 (48%, $10,800,000), Investor A 2,250,000 (20%,
 * $4,500,000), Investor B 3,000,000 (26.7%, $6,000,000), Options 600,000 (5.3%, $1,200,000), total
 * 11,250,000 and $22,500,000, so $2.00 a share: Investor A bought 250,000 of the Series B shares.
 *
 * Read as: the Series B is the next round, at a $16,000,000 pre-money (8,000,000 fully diluted
 * shares at $2.00), Investor A putting in $500,000 and Investor B $6,000,000. The options are
 * valued in the exercise's own tables at the full share price, so they are granted options with no
 * strike (the exercise states none; the model counts an empty strike as 0), vested at grant; the
 * plan is fully granted (no unissued pool). The exercise gives no
 * dates (the dates here are placeholders) and no seniority: at $100,000,000 every preference is
 * paid in full, so the order cannot change a payout (here the later series is senior, the usual
 * term). The exercise's own answer is not public; the payouts are derived by hand from its terms
 * in test/model/capTableHistoryModel.test.ts.
 */
export const DELTA_HISTORY_EXAMPLE: CapTableHistoryInput = {
  kind: "capTableHistory",
  company: "Delta, Inc.",
  currency: "USD",
  unit: "units",
  source: "Delta, Inc. course exercise, SolutionInn question 12043652",
  asOf: "2021-12-31",
  classes: [
    { name: "Common", kind: "COMMON", issuePrice: null, preference: 0, seniority: 3, participation: "FULL", cap: null, conversionRatio: 1 },
    { name: "Series A", kind: "PREFERRED", issuePrice: 1, preference: 2, seniority: 2, participation: "FULL", cap: null, conversionRatio: 1 },
  ],
  plans: [{ name: "Option plan", reserved: 600_000 }],
  events: [
    historyEvent({ date: "2020-01-01", type: "ISSUE", holder: "Founder", className: "Common", shares: 5_400_000 }),
    historyEvent({ date: "2020-01-01", type: "GRANT", holder: "Options", plan: "Option plan", shares: 600_000 }),
    historyEvent({ date: "2021-01-01", type: "ISSUE", holder: "Investor A", className: "Series A", shares: 2_000_000 }),
  ],
  nextRound: {
    date: "2022-01-01",
    series: "Series B",
    preMoney: 16_000_000,
    investors: [
      { name: "Investor A", amount: 500_000 },
      { name: "Investor B", amount: 6_000_000 },
    ],
    poolTarget: null,
    poolIncrease: null,
    preference: 1,
    seniority: 1,
    participation: "FULL",
    cap: null,
  },
  exit: { exitValues: [100_000_000], netDebt: 0, transactionCosts: 0 },
  rounding: "DOWN",
};

/**
 * A company from founding to exit (illustrative figures, not a public case): founders' common, a
 * seed preferred round at $0.50, an option plan with four-year grants and a one-year cliff, two
 * post-money SAFEs converting into the Series A at $2.00, a bridge SAFE, then the Series B as the
 * next round ($40M pre-money, 10% pool target; the bridge SAFE converts in it) and an exit at four
 * values. Seniority: Series B first, then Series A, then Seed, all 1x non-participating.
 */
export const VENTURE_HISTORY_EXAMPLE: CapTableHistoryInput = {
  kind: "capTableHistory",
  company: "Venture company",
  currency: "USD",
  unit: "units",
  source: "",
  asOf: "2023-01-01",
  classes: [
    { name: "Common", kind: "COMMON", issuePrice: null, preference: 0, seniority: 4, participation: "FULL", cap: null, conversionRatio: 1 },
    { name: "Seed Preferred", kind: "PREFERRED", issuePrice: 0.5, preference: 1, seniority: 3, participation: "NONE", cap: null, conversionRatio: 1 },
    {
      name: "Series A Preferred",
      kind: "PREFERRED",
      issuePrice: 2,
      preference: 1,
      seniority: 2,
      participation: "NONE",
      cap: null,
      conversionRatio: 1,
    },
  ],
  plans: [{ name: "Equity plan", reserved: 1_000_000 }],
  events: [
    historyEvent({ date: "2019-01-15", type: "ISSUE", holder: "Founder A", className: "Common", shares: 4_000_000 }),
    historyEvent({ date: "2019-01-15", type: "ISSUE", holder: "Founder B", className: "Common", shares: 4_000_000 }),
    historyEvent({ date: "2019-06-01", type: "ISSUE", holder: "Seed Fund", className: "Seed Preferred", shares: 1_000_000 }),
    historyEvent({
      date: "2019-07-01",
      type: "GRANT",
      holder: "Employee 1",
      plan: "Equity plan",
      shares: 200_000,
      strike: 0.1,
      vestingMonths: 48,
      cliffMonths: 12,
    }),
    historyEvent({ date: "2020-03-01", type: "SAFE", holder: "Angel", amount: 250_000, cap: 8_000_000 }),
    historyEvent({ date: "2020-04-01", type: "SAFE", holder: "Accelerator", amount: 500_000, cap: 10_000_000, discount: 0.2 }),
    historyEvent({ date: "2021-02-01", type: "POOL", plan: "Equity plan", shares: 1_500_000 }),
    historyEvent({ date: "2021-02-01", type: "CONVERT", holder: "Angel", className: "Series A Preferred", shares: 357_142 }),
    historyEvent({ date: "2021-02-01", type: "CONVERT", holder: "Accelerator", className: "Series A Preferred", shares: 571_428 }),
    historyEvent({ date: "2021-02-01", type: "ISSUE", holder: "VC One", className: "Series A Preferred", shares: 2_500_000 }),
    historyEvent({
      date: "2021-06-01",
      type: "GRANT",
      holder: "Employee 2",
      plan: "Equity plan",
      shares: 300_000,
      strike: 0.4,
      vestingMonths: 48,
      cliffMonths: 12,
      vestingStart: "2021-05-01",
    }),
    historyEvent({ date: "2022-05-01", type: "SAFE", holder: "Bridge Investor", amount: 1_000_000, cap: 30_000_000 }),
  ],
  nextRound: {
    date: "2023-03-01",
    series: "Series B Preferred",
    preMoney: 40_000_000,
    investors: [
      { name: "Growth Fund", amount: 9_000_000 },
      { name: "VC One", amount: 1_000_000 },
    ],
    poolTarget: 0.1,
    poolIncrease: null,
    preference: 1,
    seniority: 1,
    participation: "NONE",
    cap: null,
  },
  exit: { exitValues: [30_000_000, 60_000_000, 120_000_000, 250_000_000], netDebt: 0, transactionCosts: 2_000_000 },
  rounding: "DOWN",
};
