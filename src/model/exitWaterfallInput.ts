/**
 * The inputs of an exit-waterfall model: one zod schema that is both the validator (templates, the
 * command line) and the TypeScript type. Plain JSON data: numbers as JS numbers (converted to
 * Decimal by the model builder); multiples as multiples (a 1x preference = 1).
 *
 * - `classes`: the share classes as CAPTABLE.WATERFALL reads them (Class, Shares, Invested,
 *   Preference, Seniority, Participation, Cap, Conversion ratio, Strike). A class with a strike is
 *   an option or warrant pool (no preference); a capped class gives its cap (a multiple of invested
 *   capital, at least its preference multiple); a cap is refused on a class that is not capped.
 * - `netDebt`, `transactionCosts`, `otherClaims`: paid before the shareholders, as the engine's
 *   exit bridge does: proceeds to equity = max(0, exit value - net debt - other claims - costs).
 * - `exitValue`: the headline exit enterprise value; `exitValues`: the sensitivity (2 to 40 values).
 * - `holdings` (optional, default none): who holds the classes, one row per holder and class (Holder,
 *   Class, Shares, as CAPTABLE.WATERFALL's `holdings` reads them); a holder may hold several classes.
 *   Each holder takes its class's payout pro rata to the shares it holds (`payoutsByHolder`). The
 *   holdings of a class must not exceed its shares; shares not listed are simply not attributed.
 * Class and holder names are matched trimmed and case-insensitive, as the engine does.
 */
import { z } from "zod";
import {
  Decimal,
  PARTICIPATION_WORDS,
  Waterfall,
  exceedsShares,
  formatAmount,
  holderKey,
  nameKey,
  isEngineError,
  sum,
  type HolderPosition,
  type ShareClass,
} from "../engine";
import { LIMITS, amount, choice, list, modelHeader, nonNegative, positive, text } from "./fields";
import { ruleError, ruleIssue } from "./ruleMessages";

/** Limits that keep a model a model (and an imported file harmless). */
export const EXIT_LIMITS = {
  maxClasses: 20,
  minExits: 2,
  maxExits: 40,
  maxText: LIMITS.maxText,
  maxAbs: LIMITS.maxAbs,
  maxSeniority: 100,
  maxHoldings: LIMITS.maxHolders,
} as const;

/** A class's seniority: a whole number from 1 (paid first; equal ranks pari passu) to EXIT_LIMITS.maxSeniority. One rule for every class table. */
export const seniority = () =>
  z
    .number(ruleError("notNumber", { field: "seniority" }))
    .int(ruleError("seniorityWhole", {}))
    .min(1, ruleError("seniorityWhole", {}))
    .max(EXIT_LIMITS.maxSeniority, ruleError("seniorityTooBig", { max: EXIT_LIMITS.maxSeniority }));

export { PARTICIPATIONS } from "../engine";

export const ShareClassInput = z.strictObject({
  /** Class name, e.g. "Series A". */
  name: text("class"),
  shares: nonNegative("shares"),
  /** Capital invested in the class (base of the preference and of the multiple on invested capital). */
  invested: nonNegative("invested"),
  /** Liquidation preference as a multiple of invested capital (0 for common and options). */
  preference: nonNegative("preference"),
  /** 1 is paid first; equal ranks are pari passu. */
  seniority: seniority(),
  participation: choice(PARTICIPATION_WORDS, "participation"),
  /** For "CAPPED": total return cap (preference + participation) as a multiple of invested capital; null otherwise. */
  cap: positive("cap").nullable(),
  /** Common shares per share on conversion (1 for common). */
  conversionRatio: positive("conversion ratio"),
  /** Exercise price per share for options and warrants; null for shares. */
  strike: nonNegative("strike").nullable(),
});
export type ShareClassInput = z.infer<typeof ShareClassInput>;

/** The engine's share class of an input row. */
export function toShareClass(c: ShareClassInput): ShareClass {
  const d = (n: number) => new Decimal(n);
  return {
    name: c.name,
    shares: d(c.shares),
    invested: d(c.invested),
    preferenceMultiple: d(c.preference),
    seniority: c.seniority,
    participation: c.participation,
    capMultiple: c.cap === null ? undefined : d(c.cap),
    conversionRatio: d(c.conversionRatio),
    strike: c.strike === null ? undefined : d(c.strike),
  };
}

/** One holding: a holder's shares of one class (a holder of several classes has one row per class). */
export const ClassHoldingInput = z.strictObject({
  holder: text("holder"),
  /** The class held, one of the classes' names (matched trimmed, case-insensitive). */
  className: text("class"),
  shares: nonNegative("shares"),
  /** What the holder paid for these shares (its cost), for its multiple on invested capital; null (or left out) when not known. */
  invested: nonNegative("invested").nullable().default(null),
});
export type ClassHoldingInput = z.infer<typeof ClassHoldingInput>;

/** The engine's position of a holding row. */
export function toHolderPosition(h: ClassHoldingInput): HolderPosition {
  return { holder: h.holder, className: h.className, shares: new Decimal(h.shares) };
}

/** The key a class name is matched by: trimmed and case-insensitive, as the engine matches it. */
export const classKey = (name: string): string => nameKey(name);

export const ExitWaterfallInput = z
  .strictObject({
    ...modelHeader("exitWaterfall"),
    classes: list("classes", ShareClassInput, { min: 1, max: EXIT_LIMITS.maxClasses }),
    /** Net debt repaid at exit (third-party debt less cash). */
    netDebt: amount("net debt"),
    transactionCosts: nonNegative("transaction costs"),
    otherClaims: amount("other claims"),
    /** The headline exit enterprise value. */
    exitValue: amount("exit value"),
    /** Exit enterprise values of the sensitivity table, one row each. */
    exitValues: list("exitValues", amount("exit values"), { min: EXIT_LIMITS.minExits, max: EXIT_LIMITS.maxExits }),
    /** Who holds the classes (optional: a model stored before holdings existed has none). */
    holdings: list("holdings", ClassHoldingInput, { max: EXIT_LIMITS.maxHoldings }).default([]),
  })
  .superRefine((m, ctx) => {
    const before = ctx.issues.length;
    const keys = new Map<string, number>();
    m.classes.forEach((c, i) => {
      const key = classKey(c.name);
      if (keys.has(key)) ctx.addIssue(ruleIssue("duplicate", { list: "classes", name: c.name }, ["classes", i, "name"]));
      keys.set(key, i);
      if (c.participation === "CAPPED" && c.cap === null) {
        ctx.addIssue(ruleIssue("capRequired", { className: c.name }, ["classes", i, "cap"]));
      }
      if (c.participation !== "CAPPED" && c.cap !== null) {
        ctx.addIssue(ruleIssue("capUnlessCapped", { className: c.name }, ["classes", i, "cap"]));
      }
      if (c.cap !== null && c.cap < c.preference) {
        ctx.addIssue(ruleIssue("capBelowPreference", { className: c.name, preference: c.preference }, ["classes", i, "cap"]));
      }
      if (c.strike !== null && c.preference !== 0) {
        ctx.addIssue(ruleIssue("preferenceWithStrike", { className: c.name }, ["classes", i, "preference"]));
      }
    });
    if (m.classes.every((c) => c.shares === 0)) ctx.addIssue(ruleIssue("noShares", { list: "classes" }, ["classes"]));
    checkHoldings(m, keys, ctx);
    if (ctx.issues.length > before) return;
    // Whatever else the engine refuses, said in its own words (it names the class and the rule).
    try {
      new Waterfall(m.classes.map(toShareClass));
    } catch (e) {
      if (!isEngineError(e)) throw e;
      ctx.addIssue({ code: "custom", path: ["classes"], message: e.message, params: { engineRule: e.rule } });
    }
  });
export type ExitWaterfallInput = z.infer<typeof ExitWaterfallInput>;
/** The inputs as given, before defaults: `holdings` may be left out. */
export type ExitWaterfallInputData = z.input<typeof ExitWaterfallInput>;

/**
 * The rules of the holdings, in the engine's words (payoutsByHolder) with the row: each names a class
 * of the classes table; one row per holder and class; a class's holdings add up to at most its shares.
 */
function checkHoldings(m: Pick<ExitWaterfallInput, "classes" | "holdings">, classIndex: ReadonlyMap<string, number>, ctx: z.RefinementCtx): void {
  const pairs = new Map<string, number>();
  const rowsOf = new Map<number, number[]>();
  m.holdings.forEach((h, i) => {
    const c = classIndex.get(classKey(h.className));
    if (c === undefined) {
      ctx.addIssue(ruleIssue("holdingUnknownClass", { row: i + 1, holder: h.holder, className: h.className }, ["holdings", i, "className"]));
      return;
    }
    const pair = `${holderKey(h.holder)}\u0000${c}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      const twice = { row: i + 1, holder: h.holder, className: m.classes[c].name, firstRow: first + 1 };
      ctx.addIssue(ruleIssue("holdingTwice", twice, ["holdings", i, "holder"]));
    } else pairs.set(pair, i);
    rowsOf.set(c, [...(rowsOf.get(c) ?? []), i]);
  });
  for (const [c, rows] of rowsOf) {
    const cls = m.classes[c];
    const held = sum(rows.map((i) => new Decimal(m.holdings[i].shares)));
    const excess = held.minus(cls.shares);
    // Within the tolerance for counts typed as doubles, the holdings are the whole class (see SHARE_TOLERANCE).
    if (exceedsShares(held, new Decimal(cls.shares))) {
      const exceed = {
        className: cls.name,
        held: formatAmount(held),
        shares: formatAmount(new Decimal(cls.shares)),
        excess: formatAmount(excess),
        rows: rows.map((i) => i + 1),
      };
      ctx.addIssue(ruleIssue("holdingsExceed", exceed, ["holdings", rows[rows.length - 1], "shares"]));
    }
  }
}
