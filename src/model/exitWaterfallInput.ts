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
import { currencyUnit, LIMITS, amount, choice, nonNegative, text } from "./fields";

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

const positive = (field: string) => amount(field).refine((n) => n > 0, { error: `${field} must be greater than 0` });

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
  seniority: z
    .number({ error: "seniority must be a number" })
    .int({ error: "seniority must be a whole number from 1 (most senior)" })
    .min(1, { error: "seniority must be a whole number from 1 (most senior)" })
    .max(EXIT_LIMITS.maxSeniority, { error: `seniority must be at most ${EXIT_LIMITS.maxSeniority}` }),
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
    kind: z.literal("exitWaterfall"),
    company: text("company"),
    /** ISO 4217 code, e.g. "USD". */
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "currency must be a three-letter code such as EUR" }),
    unit: currencyUnit(),
    classes: z
      .array(ShareClassInput, { error: "classes must be a list of share classes" })
      .min(1, { error: "classes must list at least one share class" })
      .max(EXIT_LIMITS.maxClasses, { error: `classes must have at most ${EXIT_LIMITS.maxClasses} share classes` }),
    /** Net debt repaid at exit (third-party debt less cash). */
    netDebt: amount("net debt"),
    transactionCosts: nonNegative("transaction costs"),
    otherClaims: amount("other claims"),
    /** The headline exit enterprise value. */
    exitValue: amount("exit value"),
    /** Exit enterprise values of the sensitivity table, one row each. */
    exitValues: z
      .array(amount("exit values"), { error: "exit values must be a list of numbers" })
      .min(EXIT_LIMITS.minExits, { error: `exit values must list at least ${EXIT_LIMITS.minExits} values` })
      .max(EXIT_LIMITS.maxExits, { error: `exit values must list at most ${EXIT_LIMITS.maxExits} values` }),
    /** Who holds the classes (optional: a model stored before holdings existed has none). */
    holdings: z
      .array(ClassHoldingInput, { error: "holdings must be a list of holdings (holder, class, shares)" })
      .max(EXIT_LIMITS.maxHoldings, { error: `holdings must have at most ${EXIT_LIMITS.maxHoldings} rows` })
      .default([]),
  })
  .superRefine((m, ctx) => {
    const before = ctx.issues.length;
    const keys = new Map<string, number>();
    m.classes.forEach((c, i) => {
      const key = classKey(c.name);
      if (keys.has(key)) ctx.addIssue({ code: "custom", path: ["classes", i, "name"], message: `class "${c.name}" appears more than once` });
      keys.set(key, i);
      if (c.participation === "CAPPED" && c.cap === null) {
        ctx.addIssue({ code: "custom", path: ["classes", i, "cap"], message: `cap of class "${c.name}" is required: it is capped participating` });
      }
      if (c.participation !== "CAPPED" && c.cap !== null) {
        ctx.addIssue({
          code: "custom",
          path: ["classes", i, "cap"],
          message: `cap of class "${c.name}" must be empty unless its participation is "CAPPED"`,
        });
      }
      if (c.cap !== null && c.cap < c.preference) {
        ctx.addIssue({
          code: "custom",
          path: ["classes", i, "cap"],
          message: `cap of class "${c.name}" must be at least its preference multiple (${c.preference}x)`,
        });
      }
      if (c.strike !== null && c.preference !== 0) {
        ctx.addIssue({
          code: "custom",
          path: ["classes", i, "preference"],
          message: `preference of class "${c.name}" must be 0: it has a strike (options and warrants have no preference)`,
        });
      }
    });
    if (m.classes.every((c) => c.shares === 0)) ctx.addIssue({ code: "custom", path: ["classes"], message: "classes must hold some shares" });
    checkHoldings(m, keys, ctx);
    if (ctx.issues.length > before) return;
    // Whatever else the engine refuses, said in its own words (it names the class and the rule).
    try {
      new Waterfall(m.classes.map(toShareClass));
    } catch (e) {
      if (!isEngineError(e)) throw e;
      ctx.addIssue({ code: "custom", path: ["classes"], message: e.message });
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
      ctx.addIssue({
        code: "custom",
        path: ["holdings", i, "className"],
        message: `holdings row ${i + 1} ("${h.holder}") names a class that is not in the classes table: "${h.className}"`,
      });
      return;
    }
    const pair = `${holderKey(h.holder)}\u0000${c}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["holdings", i, "holder"],
        message: `holdings row ${i + 1}: "${h.holder}" already holds class "${m.classes[c].name}" in row ${first + 1} (one row per holder and class)`,
      });
    } else pairs.set(pair, i);
    rowsOf.set(c, [...(rowsOf.get(c) ?? []), i]);
  });
  for (const [c, rows] of rowsOf) {
    const cls = m.classes[c];
    const held = sum(rows.map((i) => new Decimal(m.holdings[i].shares)));
    const excess = held.minus(cls.shares);
    // Within the tolerance for counts typed as doubles, the holdings are the whole class (see SHARE_TOLERANCE).
    if (exceedsShares(held, new Decimal(cls.shares))) {
      ctx.addIssue({
        code: "custom",
        path: ["holdings", rows[rows.length - 1], "shares"],
        message:
          `holdings of class "${cls.name}" add up to ${formatAmount(held)} shares, more than the class's ${formatAmount(new Decimal(cls.shares))} ` +
          `by ${formatAmount(excess)} (rows ${rows.map((i) => i + 1).join(", ")})`,
      });
    }
  }
}
