/**
 * Exit waterfalls: how the proceeds of a sale are split between share classes.
 *
 * Conventions (as Carta, Pulley and the common spreadsheet templates compute them):
 * - Proceeds to equity = EV - net debt - other claims (the same bridge as the stake-sale model,
 *   `bridge.ts`) - transaction costs, floored at zero. Debt and costs are paid first.
 * - Preferences are paid by seniority: rank 1 first; classes sharing a rank are paid pari passu,
 *   pro rata to their preference amounts. Preference = multiple x invested capital.
 * - What is left (the residual) is shared per as-converted share (shares x conversion ratio) among
 *   common, participating preferred, converted preferred and in-the-money options and warrants.
 * - Participating preferred take their preference and then share the residual; capped participating
 *   stop when preference + participation reaches the cap (a multiple of invested capital).
 * - Non-participating preferred (and capped participating) either keep their preference or convert to
 *   common, whichever pays more. The engine returns the equilibrium: no class would receive more by
 *   switching alone. A class converts exactly when the residual per share exceeds its cap total (its
 *   preference, for non-participating) per as-converted share; a class that is indifferent keeps its
 *   preference.
 * - Options and warrants exercise when the residual per share exceeds their strike; their payout is
 *   net of the strike (cash exercise: the strike is paid in and shared, which is the same split).
 * - Exact: every amount is a Decimal; the residual per share is solved in closed form on the segment
 *   of a piecewise-linear function, so payouts sum to the proceeds to 40 significant digits.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { ventureError } from "../messages/venture";
import { bridge } from "../bridge";
import { check, formatAmount } from "../rules";
import { exceedsShares, sameShareCount } from "../shares";
import { nameKey } from "../text";

export type Participation = "NONE" | "FULL" | "CAPPED";

export interface ShareClass {
  readonly name: string;
  /** Shares (or options, warrants) held in this class. */
  readonly shares: Decimal;
  /** Common shares per share on conversion. Default 1. */
  readonly conversionRatio?: Decimal;
  /** Capital invested in the class (the base of the preference and of the multiple on invested capital). Default 0. */
  readonly invested?: Decimal;
  /** Liquidation preference as a multiple of invested capital. Default 0 (common); 1 for a 1x preference. */
  readonly preferenceMultiple?: Decimal;
  /** Seniority rank: 1 is paid first; equal ranks are pari passu. Default 1. */
  readonly seniority?: number;
  /** "NONE" (non-participating, default), "FULL" (participating) or "CAPPED". */
  readonly participation?: Participation;
  /** For "CAPPED": total return cap (preference + participation) as a multiple of invested capital. */
  readonly capMultiple?: Decimal;
  /** For options and warrants: exercise price per share. A class with a strike has no preference. */
  readonly strike?: Decimal;
}

/** The same class with every default filled in and the derived amounts. */
interface Prepared {
  readonly index: number;
  readonly name: string;
  readonly shares: Decimal;
  /** As-converted shares: shares x conversion ratio. */
  readonly n: Decimal;
  readonly invested: Decimal;
  readonly preference: Decimal;
  readonly seniority: number;
  readonly participation: Participation;
  /** Strike, for options and warrants; undefined otherwise. */
  readonly strike?: Decimal;
  /** Whether the class may convert (non-participating or capped): its cap total, preference + participation. */
  readonly capTotal?: Decimal;
  /** Residual per share at which the participation cap binds (capped and non-participating). */
  readonly capPoint?: Decimal;
  /** Residual per share above which the class converts: cap total / as-converted shares. */
  readonly threshold?: Decimal;
}

export interface ClassPayout {
  readonly name: string;
  readonly shares: Decimal;
  /** Preference paid (0 when converted). */
  readonly preference: Decimal;
  /** Share of the residual (participation, common, as-converted or net option value). */
  readonly participation: Decimal;
  readonly total: Decimal;
  /** Total / shares held (0 for a class without shares). */
  readonly perShare: Decimal;
  /** Total / invested capital; undefined when nothing was invested. */
  readonly moic?: Decimal;
  /** For non-participating and capped classes: whether the class converts to common. */
  readonly converted: boolean;
  /** For options and warrants: whether they are exercised (in the money). */
  readonly exercised: boolean;
  /** For capped participating: whether the cap binds. */
  readonly capped: boolean;
}

export interface WaterfallResult {
  /** Proceeds to equity after debt, other claims and transaction costs (never negative). */
  readonly proceeds: Decimal;
  /** Residual value per as-converted share (0 while preferences are not paid in full). */
  readonly residualPerShare: Decimal;
  readonly classes: ClassPayout[];
}

export interface ExitInput {
  /** Exit enterprise value. */
  readonly enterpriseValue: Decimal;
  readonly netDebt?: Decimal;
  readonly otherClaims?: Decimal;
  readonly transactionCosts?: Decimal;
}

/** Proceeds to equity = max(0, EV - net debt - other claims - transaction costs): debt and costs come first. */
export function exitProceeds(exit: ExitInput): Decimal {
  const costs = check(exit.transactionCosts ?? ZERO, "nonNegative", "transaction_costs");
  const b = bridge({ valuation: exit.enterpriseValue, basis: "EV", netDebt: exit.netDebt, otherClaims: exit.otherClaims });
  const p = b.equityValue.minus(costs);
  return p.isNegative() ? ZERO : p;
}

/** Liquidation preference = multiple x invested capital. */
export function liquidationPreference(invested: Decimal, multiple: Decimal): Decimal {
  return invested.times(multiple);
}

function prepare(classes: readonly ShareClass[]): Prepared[] {
  if (classes.length === 0) throw ventureError("value", "listEmpty", { list: "shareClasses" }, "classes");
  const names = new Set<string>();
  const out = classes.map((c, index): Prepared => {
    const name = c.name.trim();
    const of = { className: name };
    if (name === "") throw ventureError("value", "nameMissing", { list: "classes", row: index + 1 }, "classes");
    const key = nameKey(name);
    if (names.has(key)) throw ventureError("value", "notUnique", { list: "classes", name }, "classes");
    names.add(key);
    check(c.shares, "nonNegative", { arg: "shares", of });
    const ratio = c.conversionRatio ?? ONE;
    check(ratio, "positive", { arg: "conversion ratio", of });
    const invested = check(c.invested ?? ZERO, "nonNegative", { arg: "invested", of });
    const multiple = check(c.preferenceMultiple ?? ZERO, "nonNegative", { arg: "preference multiple", of });
    const seniority = c.seniority ?? 1;
    if (!Number.isInteger(seniority) || seniority < 1) {
      throw ventureError("value", "seniorityWhole", { className: name, got: seniority }, "classes");
    }
    const n = c.shares.times(ratio);
    if (c.strike !== undefined) {
      check(c.strike, "nonNegative", { arg: "strike", of });
      if (!multiple.isZero()) throw ventureError("value", "strikeAndPreference", { className: name }, "classes");
      return { index, name, shares: c.shares, n, invested, preference: ZERO, seniority, participation: "FULL", strike: c.strike };
    }
    const preference = liquidationPreference(invested, multiple);
    const participation = c.participation ?? "NONE";
    if (preference.isZero() || participation === "FULL") {
      // Common, or participating: never better off converting.
      return { index, name, shares: c.shares, n, invested, preference, seniority, participation: "FULL" };
    }
    let capTotal = preference;
    if (participation === "CAPPED") {
      if (c.capMultiple === undefined) throw ventureError("value", "capMissing", { className: name }, "classes");
      capTotal = invested.times(c.capMultiple);
      if (capTotal.lt(preference)) {
        throw ventureError("value", "capBelowPreference", { className: name, got: formatAmount(c.capMultiple) }, "classes");
      }
    }
    if (n.isZero()) {
      // A preference without shares cannot convert: it keeps the preference (cap total = preference).
      return { index, name, shares: c.shares, n, invested, preference, seniority, participation: "NONE" };
    }
    return {
      index,
      name,
      shares: c.shares,
      n,
      invested,
      preference,
      seniority,
      participation,
      capTotal,
      capPoint: capTotal.minus(preference).div(n),
      threshold: capTotal.div(n),
    };
  });
  if (out.every((c) => c.n.isZero())) throw ventureError("num", "classesNoShares", {}, "classes");
  return out;
}

/** A class payout; per share and multiple are divided only when read (a sensitivity needs totals only). */
class Payout implements ClassPayout {
  readonly total: Decimal;
  private perShareValue?: Decimal;
  constructor(
    readonly name: string,
    readonly shares: Decimal,
    private readonly invested: Decimal,
    readonly preference: Decimal,
    readonly participation: Decimal,
    readonly converted: boolean,
    readonly exercised: boolean,
    readonly capped: boolean,
  ) {
    this.total = preference.isZero() ? participation : participation.isZero() ? preference : preference.plus(participation);
  }
  get perShare(): Decimal {
    return (this.perShareValue ??= this.shares.isZero() ? ZERO : this.total.div(this.shares));
  }
  get moic(): Decimal | undefined {
    return this.invested.isZero() ? undefined : this.total.div(this.invested);
  }
}

/** One segment start of the proceeds function G(x) of the residual per share x. */
export interface Knot {
  readonly x: Decimal;
  /** G(x): total paid when the residual per share is x. */
  readonly g: Decimal;
  /** dG/dx on [x, next knot). */
  readonly slope: Decimal;
}

/**
 * A waterfall structure prepared once and evaluated at many exits: the residual per share is found by
 * binary search over the precomputed knots of G, then one exact linear solve.
 */
/** Relative gap below which two proceeds at 40 significant digits are the same point (rounding of quotients). */
const SAME_PROCEEDS = new Decimal("1e-30");

export class Waterfall {
  private readonly cls: Prepared[];
  private readonly totalPreference: Decimal;
  private readonly ranks: { rank: number; members: Prepared[]; total: Decimal }[];
  /** The segments of G, by increasing residual per share (public for tests: their slopes are swept, see `sweptSlopes`). */
  readonly knots: readonly Knot[];

  constructor(classes: readonly ShareClass[]) {
    this.cls = prepare(classes);
    this.totalPreference = sum(this.cls.map((c) => c.preference));
    const byRank = new Map<number, Prepared[]>();
    for (const c of this.cls) {
      if (c.preference.isZero()) continue;
      const members = byRank.get(c.seniority);
      if (members === undefined) byRank.set(c.seniority, [c]);
      else members.push(c);
    }
    this.ranks = [...byRank.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([rank, members]) => ({ rank, members, total: sum(members.map((m) => m.preference)) }));
    this.knots = this.buildKnots();
  }

  /** The classes' names in input order. */
  get classNames(): string[] {
    return this.cls.map((c) => c.name);
  }

  /** Residual per share points where the slope of G changes: strikes, cap points, conversion thresholds. */
  private events(): Decimal[] {
    const xs: Decimal[] = [ZERO];
    for (const c of this.cls) {
      if (c.strike !== undefined) xs.push(c.strike);
      if (c.capPoint !== undefined) xs.push(c.capPoint);
      if (c.threshold !== undefined) xs.push(c.threshold);
    }
    xs.sort((a, b) => a.cmp(b));
    return xs.filter((x, i) => i === 0 || !x.eq(xs[i - 1]));
  }

  /** Whether class c shares one more unit of residual per share just above x (its as-converted shares count in the slope of G). */
  private static sharesAbove(c: Prepared, x: Decimal): boolean {
    if (c.n.isZero()) return false;
    if (c.strike !== undefined) return x.gte(c.strike);
    if (c.threshold === undefined) return c.participation === "FULL";
    return x.gte(c.threshold) || x.lt(c.capPoint!);
  }

  /**
   * Slope of G just above x: the as-converted shares sharing one more unit of residual per share,
   * summed over every class in class order (the reference `sweptSlopes` is tested against).
   */
  slopeAbove(x: Decimal): Decimal {
    let s = ZERO;
    for (const c of this.cls) if (Waterfall.sharesAbove(c, x)) s = s.plus(c.n);
    return s;
  }

  private buildKnots(): Knot[] {
    const xs = this.events();
    // A few classes: summing them at each event costs less than setting up the sweep.
    const slopes = this.cls.length > 16 && this.sumsAreExact() ? this.sweptSlopes(xs) : xs.map((x) => this.slopeAbove(x));
    const knots: Knot[] = [];
    let g = this.totalPreference;
    xs.forEach((x, i) => {
      if (i > 0) {
        const prev = knots[i - 1];
        g = prev.g.plus(prev.slope.times(x.minus(prev.x)));
      }
      knots.push({ x, g, slope: slopes[i] });
    });
    return knots;
  }

  /**
   * Whether every sum of as-converted share counts, in any order, is exact at the configured precision:
   * the digits from the total's leading digit down to the finest decimal place of any count fit in it.
   * Then the slopes can be updated event by event (`sweptSlopes`) and give the same digits as summing
   * every class at every event (`slopeAbove`); otherwise (counts spanning more than 40 digits) the
   * slower sums are used, so that no result depends on the method.
   */
  private sumsAreExact(): boolean {
    let total = ZERO;
    let places = 0;
    for (const c of this.cls) {
      total = total.plus(c.n);
      places = Math.max(places, c.n.decimalPlaces());
    }
    // A total rounded on the way has a leading digit at least as high as the exact one: the test still fails.
    return (total.isZero() ? 0 : total.e + 1) + places <= Decimal.precision;
  }

  /**
   * The slope of G above every event, by one sweep: a class's part in the slope changes only at its own
   * strike, cap point or conversion threshold, so each event updates the classes whose points it is
   * (n log n instead of classes x events). Used only when the sums are exact (`sumsAreExact`).
   */
  private sweptSlopes(xs: readonly Decimal[]): Decimal[] {
    // Events by value: Decimal keeps no trailing zeros, so equal values have equal texts.
    const at = new Map(xs.map((x, i) => [x.toString(), i]));
    const changing: Prepared[][] = xs.map(() => []);
    for (const c of this.cls) for (const p of [c.strike, c.capPoint, c.threshold]) if (p !== undefined) changing[at.get(p.toString())!].push(c);
    const on = this.cls.map((c) => Waterfall.sharesAbove(c, xs[0]));
    let s = this.slopeAbove(xs[0]);
    return xs.map((x, i) => {
      for (const c of i > 0 ? changing[i] : []) {
        const now = Waterfall.sharesAbove(c, x);
        if (now !== on[c.index]) {
          on[c.index] = now;
          s = now ? s.plus(c.n) : s.minus(c.n);
        }
      }
      return s;
    });
  }

  /** Residual per share x with G(x) = proceeds, the smallest such x; proceeds must be at least the total preference. */
  private residualPerShare(proceeds: Decimal): Decimal {
    const k = this.knots;
    // Knots' proceeds are sums of quotients at 40 significant digits: two that are equal in exact
    // arithmetic may differ in the last digits. Proceeds that close are the same point.
    const same = (a: Decimal, b: Decimal) =>
      a
        .minus(b)
        .abs()
        .lte(Decimal.max(a.abs(), b.abs(), ONE).times(SAME_PROCEEDS));
    let lo = 0;
    let hi = k.length - 1;
    // Last knot with g <= proceeds.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (k[mid].g.lte(proceeds) || same(k[mid].g, proceeds)) lo = mid;
      else hi = mid - 1;
    }
    // Several knots may share g (flat segments): take the first, the smallest x.
    while (lo > 0 && same(k[lo - 1].g, k[lo].g) && same(k[lo].g, proceeds)) lo--;
    const knot = k[lo];
    const extra = proceeds.minus(knot.g);
    if (extra.isZero() || same(knot.g, proceeds)) return knot.x;
    if (knot.slope.isZero()) {
      // Only reachable after the last knot with nobody sharing: impossible, every class holding shares shares above its threshold.
      throw ventureError("num", "residualUnshared", {});
    }
    return knot.x.plus(extra.div(knot.slope));
  }

  /** The split of given proceeds to equity (after debt and costs). */
  atProceeds(proceeds: Decimal): WaterfallResult {
    if (proceeds.isNegative()) proceeds = ZERO;
    if (proceeds.lte(this.totalPreference)) return { proceeds, residualPerShare: ZERO, classes: this.stack(proceeds) };
    const x = this.residualPerShare(proceeds);
    const classes = this.cls.map((c): ClassPayout => {
      let preference = ZERO;
      let participation = ZERO;
      let converted = false;
      let exercised = false;
      let capped = false;
      if (c.strike !== undefined) {
        exercised = x.gt(c.strike);
        if (exercised) participation = c.n.times(x.minus(c.strike));
      } else if (c.threshold === undefined) {
        preference = c.preference;
        participation = c.participation === "FULL" ? c.n.times(x) : ZERO;
      } else if (x.gt(c.threshold)) {
        converted = true;
        participation = c.n.times(x);
      } else {
        preference = c.preference;
        const room = c.capTotal!.minus(c.preference);
        const share = c.n.times(x);
        capped = share.gte(room) && c.participation === "CAPPED";
        participation = share.lt(room) ? share : room;
      }
      return this.payout(c, preference, participation, converted, exercised, capped);
    });
    return { proceeds, residualPerShare: x, classes };
  }

  /** Proceeds below the total preference: paid by seniority, pari passu within a rank pro rata to preferences. */
  private stack(proceeds: Decimal): ClassPayout[] {
    const paid = new Map<number, Decimal>();
    let left = proceeds;
    for (const r of this.ranks) {
      if (left.gte(r.total)) {
        for (const m of r.members) paid.set(m.index, m.preference);
        left = left.minus(r.total);
      } else {
        for (const m of r.members) paid.set(m.index, left.times(m.preference).div(r.total));
        left = ZERO;
      }
    }
    return this.cls.map((c) => this.payout(c, paid.get(c.index) ?? ZERO, ZERO, false, false, false));
  }

  private payout(c: Prepared, preference: Decimal, participation: Decimal, converted: boolean, exercised: boolean, capped: boolean): ClassPayout {
    return new Payout(c.name, c.shares, c.invested, preference, participation, converted, exercised, capped);
  }

  /** The split at an exit enterprise value, after debt, other claims and transaction costs. */
  atExit(exit: ExitInput): WaterfallResult {
    return this.atProceeds(exitProceeds(exit));
  }

  /**
   * Breakpoints: the proceeds at which the split changes (a preference rank paid in full, an option
   * coming into the money, a participation cap binding, a class converting), in increasing order.
   */
  breakpoints(): Breakpoint[] {
    const out: Breakpoint[] = [];
    let cumulative = ZERO;
    for (const r of this.ranks) {
      cumulative = cumulative.plus(r.total);
      const names = r.members.map((m) => m.name).join(", ");
      out.push({
        proceeds: cumulative,
        residualPerShare: ZERO,
        event: `Preference paid in full: ${names}`,
        kind: "PREFERENCE",
        classes: r.members.map((m) => m.name),
      });
    }
    const g = (x: Decimal): Decimal => {
      // The last knot at or below x (the first knot when none is), by binary search: knots' x increase.
      let lo = 0;
      let hi = this.knots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.knots[mid].x.gt(x)) hi = mid - 1;
        else lo = mid;
      }
      const k = this.knots[lo];
      return k.g.plus(k.slope.times(x.minus(k.x)));
    };
    const add = (x: Decimal, kind: BreakpointKind, c: Prepared, event: string) => {
      out.push({ proceeds: g(x), residualPerShare: x, event, kind, classes: [c.name] });
    };
    for (const c of this.cls) {
      if (c.strike !== undefined && c.strike.gt(0)) add(c.strike, "IN_THE_MONEY", c, `${c.name} in the money (strike ${formatAmount(c.strike)})`);
      if (c.threshold !== undefined) {
        if (c.participation === "CAPPED") add(c.capPoint!, "CAP", c, `${c.name} participation cap reached`);
        add(c.threshold, "CONVERSION", c, `${c.name} converts to common`);
      }
    }
    const order: Record<BreakpointKind, number> = { PREFERENCE: 0, IN_THE_MONEY: 1, CAP: 2, CONVERSION: 3 };
    return out.sort((a, b) => a.proceeds.cmp(b.proceeds) || a.residualPerShare.cmp(b.residualPerShare) || order[a.kind] - order[b.kind]);
  }
}

export type BreakpointKind = "PREFERENCE" | "IN_THE_MONEY" | "CAP" | "CONVERSION";

export interface Breakpoint {
  /** Proceeds to equity at which the event happens. */
  readonly proceeds: Decimal;
  /** Residual per as-converted share at that point. */
  readonly residualPerShare: Decimal;
  readonly kind: BreakpointKind;
  readonly event: string;
  readonly classes: string[];
}

/**
 * What a class did at this exit, in a word a term sheet uses: an option or warrant pool "Exercised"
 * (in the money) or "Out of the money"; preferred that "Converts" to common, or takes its
 * "Preference", "Preference + participation" or "Preference + participation (capped)"; "Common".
 */
export function classOutcome(c: ClassPayout, cls: ShareClass): string {
  if (cls.strike !== undefined) return c.exercised ? "Exercised" : "Out of the money";
  if (c.converted) return "Converts";
  if (c.capped) return "Preference + participation (capped)";
  if (c.preference.gt(0) || (cls.preferenceMultiple?.gt(0) ?? false)) {
    return cls.participation === "FULL" || cls.participation === "CAPPED" ? "Preference + participation" : "Preference";
  }
  return "Common";
}

/** The split of an exit between share classes (see the module conventions). */
export function waterfall(classes: readonly ShareClass[], exit: ExitInput): WaterfallResult {
  return new Waterfall(classes).atExit(exit);
}

/** Exit enterprise value at which proceeds to equity reach a level: proceeds + net debt + other claims + costs. */
export function exitValueForProceeds(proceeds: Decimal, exit: Omit<ExitInput, "enterpriseValue">): Decimal {
  return proceeds
    .plus(exit.netDebt ?? ZERO)
    .plus(exit.otherClaims ?? ZERO)
    .plus(exit.transactionCosts ?? ZERO);
}

export interface HolderPosition {
  readonly holder: string;
  readonly className: string;
  readonly shares: Decimal;
}

export interface HolderPayout {
  readonly holder: string;
  readonly className: string;
  readonly shares: Decimal;
  readonly total: Decimal;
}

/**
 * Payout per holder: each holder takes its class's payout pro rata to the shares it holds in the class.
 * Holdings may add up to less than the class (the rest is unlisted); they may exceed it only within
 * SHARE_TOLERANCE (counts typed as formulas), and are then treated as the whole class.
 */
export function payoutsByHolder(result: WaterfallResult, positions: readonly HolderPosition[]): HolderPayout[] {
  const byClass = new Map(result.classes.map((c) => [nameKey(c.name), c]));
  const held = new Map<string, Decimal>();
  for (const p of positions) {
    const key = nameKey(p.className);
    if (!byClass.has(key)) throw ventureError("value", "holdingUnknownClass", { className: p.className.trim() }, "holdings");
    check(p.shares, "nonNegative", { arg: "shares", of: { item: p.holder.trim() } });
    held.set(key, (held.get(key) ?? ZERO).plus(p.shares));
  }
  for (const [key, shares] of held) {
    const c = byClass.get(key)!;
    // Holdings typed as formulas (=20000000/price) may add up to the class only within a few ulps: compare with the tolerance.
    if (exceedsShares(shares, c.shares)) {
      throw ventureError("value", "holdingsExceed", { className: c.name, held: formatAmount(shares), shares: formatAmount(c.shares) }, "holdings");
    }
  }
  return positions.map((p) => {
    const key = nameKey(p.className);
    const c = byClass.get(key)!;
    // Holdings equal to the class within the tolerance share the class's payout exactly (divided by what they add up to).
    const classHeld = held.get(key)!;
    const base = sameShareCount(classHeld, c.shares) ? classHeld : c.shares;
    return { holder: p.holder.trim(), className: c.name, shares: p.shares, total: base.isZero() ? ZERO : c.total.times(p.shares).div(base) };
  });
}
