/**
 * Solvers on exit waterfalls and the venture capital method: the exit value a holder or a class needs
 * to reach a target, and the ownership an investor needs today to reach a target multiple.
 *
 * Conventions:
 * - Payout to a class as a function of proceeds to equity is continuous, non-decreasing and linear
 *   between the waterfall's breakpoints (a preference rank paid in full, an option in the money, a
 *   cap binding, a class converting; see `Waterfall.breakpoints`). The solver evaluates the payout at
 *   each breakpoint, finds the first one at or above the target, and solves linearly inside that
 *   tranche: exact, no iteration. Beyond the last breakpoint the slope is constant (every class with
 *   shares shares the residual). A holder's payout is the sum of its positions (pro rata to the
 *   shares it holds in each class), so it is piecewise linear with the same breakpoints.
 * - "Reaches" means at least the target: the solver returns the smallest exit value at which the
 *   payout is at least the target (a flat tranche, such as a preference held before conversion, is
 *   left at its lowest point). Exit value = proceeds + net debt + other claims + transaction costs.
 * - Target multiple on invested capital: target payout = multiple x invested. A class's invested is
 *   its Invested; a holder's is given, or else its share of each class's Invested pro rata to the
 *   shares it holds (the base the waterfall's multiple per class uses).
 * - Venture capital method (Sahlman and Scherlis, "A Method for Valuing High-Risk, Long-Term
 *   Investments: The 'Venture Capital Method'", Harvard Business School note 9-288-006, 1987):
 *   required ownership at exit = investment x target multiple / exit value; retention ratio = the
 *   fraction of the investor's ownership left at exit after later rounds (1 = no dilution); required
 *   ownership today = required ownership at exit / retention ratio; post-money valuation = investment /
 *   ownership today (= exit value x retention / target multiple); pre-money = post-money - investment.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { type Who } from "../engineRules";
import { ventureError } from "../messages/venture";
import { check, formatAmount, formatPercent } from "../rules";
import { nameKey } from "../text";
import { ExitInput, HolderPosition, ShareClass, Waterfall, WaterfallResult, exitValueForProceeds, payoutsByHolder } from "./waterfall";

/** Whose payout a solver follows: one class, or one holder (every position it holds, see `payoutsByHolder`). */
export type PayoutOf = { readonly className: string } | { readonly holder: string; readonly positions: readonly HolderPosition[] };

/** A target: a payout amount, or a multiple of invested capital (the base may be given for a holder). */
export type PayoutTarget = { readonly payout: Decimal } | { readonly multiple: Decimal; readonly invested?: Decimal };

export interface ExitForTarget {
  /** Smallest exit enterprise value at which the payout reaches the target. */
  readonly exitValue: Decimal;
  /** Proceeds to equity at that exit value. */
  readonly proceeds: Decimal;
  /** The target payout (multiple x invested for a multiple target). */
  readonly payout: Decimal;
  /** The invested capital the multiple is on (undefined for a payout target). */
  readonly invested?: Decimal;
}

const key = nameKey;

/** The payout function of a class or a holder, and its invested capital. */
function follower(classes: readonly ShareClass[], of: PayoutOf): { payout: (r: WaterfallResult) => Decimal; invested: Decimal; who: Who } {
  const classIndex = (name: string) => classes.findIndex((c) => key(c.name) === key(name));
  const investedOf = (i: number) => classes[i].invested ?? ZERO;
  if ("className" in of) {
    const index = classIndex(of.className);
    if (index < 0) throw ventureError("value", "whoNotClass", { className: of.className.trim() }, "who");
    return { who: { className: classes[index].name.trim() }, payout: (r) => r.classes[index].total, invested: investedOf(index) };
  }
  const k = key(of.holder);
  const mine = of.positions.map((p, i) => ({ p, i })).filter(({ p }) => key(p.holder) === k);
  if (mine.length === 0) throw ventureError("value", "whoNotHolder", { holder: of.holder.trim() }, "who");
  return {
    who: { holder: mine[0].p.holder.trim() },
    payout: (r) => {
      const all = payoutsByHolder(r, of.positions);
      return sum(mine.map(({ i }) => all[i].total));
    },
    // The holder's share of each class's invested capital, pro rata to the shares it holds.
    invested: sum(
      mine.map(({ p }) => {
        const index = classIndex(p.className);
        if (index < 0) return ZERO; // payoutsByHolder names the unknown class first
        const shares = classes[index].shares;
        return shares.isZero() ? ZERO : investedOf(index).times(p.shares).div(shares);
      }),
    ),
  };
}

/**
 * The smallest exit value at which a class's or a holder's payout reaches a target payout or a target
 * multiple on invested capital, solved exactly tranche by tranche (see the module conventions).
 */
export function exitForTarget(
  classes: readonly ShareClass[],
  of: PayoutOf,
  target: PayoutTarget,
  costs: Omit<ExitInput, "enterpriseValue"> = {},
): ExitForTarget {
  const w = new Waterfall(classes);
  const f = follower(classes, of);
  if (!("className" in of)) payoutsByHolder(w.atProceeds(ZERO), of.positions); // checks the holdings against the classes
  let payout: Decimal;
  let invested: Decimal | undefined;
  if ("payout" in target) {
    payout = check(target.payout, "positive", "target");
  } else {
    check(target.multiple, "positive", "target");
    invested = target.invested !== undefined ? check(target.invested, "positive", "invested") : f.invested;
    if (invested.isZero()) {
      throw ventureError("value", "noInvested", { who: f.who }, "target");
    }
    payout = target.multiple.times(invested);
  }
  // Tranche ends: proceeds 0 and every breakpoint, in increasing order, without repeats.
  const ends: Decimal[] = [ZERO];
  for (const b of w.breakpoints()) if (b.proceeds.gt(ends[ends.length - 1])) ends.push(b.proceeds);
  const at = (p: Decimal) => f.payout(w.atProceeds(p));
  let prevP = ZERO;
  let prevY = at(ZERO);
  let proceeds: Decimal | undefined;
  if (prevY.gte(payout)) proceeds = ZERO;
  for (let i = 1; proceeds === undefined && i < ends.length; i++) {
    const p = ends[i];
    const y = at(p);
    if (y.gte(payout)) proceeds = prevP.plus(payout.minus(prevY).times(p.minus(prevP)).div(y.minus(prevY)));
    prevP = p;
    prevY = y;
  }
  if (proceeds === undefined) {
    // Beyond the last breakpoint: one straight line. Its slope is read over a step as large as the
    // proceeds so far (a step of 1 on large proceeds would lose digits), then one secant step on the
    // same line from the estimate restores the last digits.
    const step = prevP.gt(ONE) ? prevP : ONE;
    const slope = at(prevP.plus(step)).minus(prevY).div(step);
    if (!slope.gt(0)) {
      throw ventureError("num", "payoutUnreachable", { who: f.who, payout: formatAmount(payout), max: formatAmount(prevY) }, "target");
    }
    const estimate = prevP.plus(payout.minus(prevY).div(slope));
    const y = at(estimate);
    proceeds = y.eq(prevY) ? estimate : prevP.plus(payout.minus(prevY).times(estimate.minus(prevP)).div(y.minus(prevY)));
  }
  return { exitValue: exitValueForProceeds(proceeds, costs), proceeds, payout, invested };
}

export interface VcMethodInput {
  /** Exit (terminal) value of the company, equity, at the exit date. */
  readonly exitValue: Decimal;
  /** Target multiple on the investment at exit (e.g. 10 for 10x). */
  readonly targetMultiple: Decimal;
  /** Investment today. */
  readonly investment: Decimal;
  /** Fraction of today's ownership still held at exit, after later rounds; default 1 (no dilution). */
  readonly retention?: Decimal;
}

export interface VcMethod {
  /** Post-money valuation today = investment / ownership today = exit value x retention / target multiple. */
  readonly postMoney: Decimal;
  /** Pre-money valuation today = post-money - investment. */
  readonly preMoney: Decimal;
  /** Ownership needed today = ownership at exit / retention. */
  readonly ownershipToday: Decimal;
  /** Ownership needed at exit = investment x target multiple / exit value. */
  readonly ownershipAtExit: Decimal;
  readonly retention: Decimal;
  /** Value of the stake at exit = investment x target multiple. */
  readonly valueAtExit: Decimal;
}

/** The venture capital method (Sahlman): ownership needed today for a target multiple at an exit value, and the implied valuations. */
export function vcMethod(input: VcMethodInput): VcMethod {
  const exit = check(input.exitValue, "positive", "exit_value");
  const multiple = check(input.targetMultiple, "positive", "target_multiple");
  const investment = check(input.investment, "positive", "investment");
  const retention = check(input.retention ?? ONE, "positiveFraction", "retention");
  const valueAtExit = investment.times(multiple);
  const ownershipAtExit = valueAtExit.div(exit);
  const ownershipToday = ownershipAtExit.div(retention);
  if (ownershipToday.gte(1)) {
    throw ventureError("num", "ownershipTooHigh", { got: formatPercent(ownershipToday).slice(0, -1) }, "investment");
  }
  const postMoney = investment.div(ownershipToday);
  return { postMoney, preMoney: postMoney.minus(investment), ownershipToday, ownershipAtExit, retention, valueAtExit };
}
