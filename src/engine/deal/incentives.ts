/**
 * Instruments whose pay-out follows from their terms (issue 16): preferred shares with a cumulative
 * dividend, and management equity with a ratchet or a hurdle. Pure engine.
 *
 * Preferred cumulative dividend. The dividend accrues on the issue price (the principal) from the
 * issue date, whether or not declared, and what is unpaid accumulates. The agreements disagree on the
 * day count and on compounding, so both are explicit options:
 * - "accrue during such period on a daily basis computed on the basis of a 365-day year and compounded
 *   quarterly" (Law Insider, "Dividend End Date" examples); "calculated on the basis of a 360-day year
 *   consisting of twelve 30-day months" (Law Insider, "Cumulative Dividend" sample clauses); unpaid
 *   dividends that "accrue additional dividends ... compounded annually" (Law Insider, "Dividend
 *   Provisions"); "the actual number of days elapsed over a 360-day year" (Justia, "Dividends Accrued").
 * - Day count: "ACT/365" (default: the deal functions' actual/365, as XIRR), "ACT/360", "30/360" (US,
 *   as Excel's DAYS360 with method FALSE), the same three as CAPTABLE.CONVERTNOTE (`yearFraction`).
 * - Compounding: "SIMPLE" (principal x rate x t) or compounded m times a year (principal x ((1 + rate /
 *   m)^(m t) - 1)), default "ANNUAL", as PIKACCRUED (`accruedInterest`).
 *
 * Management ratchet. Management's share of the ordinary equity at exit rises from a base share when the
 * investors reach return hurdles (a multiple of money or an IRR). Liberty Corporate Finance, "Ratchets in
 * Management Incentive Plans" (2025): "The most common form of ratchets in the market are either 'excess
 * equity' or 'total equity'"; in an excess equity ratchet "the increase in the MIP pot applies only to
 * the ordinary equity value in excess of the performance hurdle", in a total equity ratchet the higher
 * share applies to all the equity once the hurdle is met. Both are offered (`RatchetBasis`), and shown:
 * - EXCESS: management = base x E + sum over tiers met of (share_k - share_(k-1)) x (E - hurdle_k).
 *   Continuous; management's and the investors' pay-outs both rise with the exit equity E.
 * - TOTAL: management = share_j x E, j the highest tier met (E >= hurdle_j). Management's pay-out rises
 *   with E; the investors' falls at each hurdle (the "cliff" of a total ratchet).
 * A hurdle on the investors' return is turned into an exit equity: the first E at which the investors'
 * proceeds (E - management, under the tiers below) reach invested x multiple, or invested x (1 + IRR)^
 * (days / 365) for an IRR (one entry, one exit: XIRR's actual/365). FE Training, "LBO management
 * incentives: ratchet mechanisms - profit share": a fund with 80% that invested 80, a 25% IRR hurdle
 * over 4 years (80 x 1.25^4 = 195 to the fund, 244 of equity) and the excess over it shared 50/50 at an
 * exit of 350 gives the fund 248 and management 102; that is EXCESS with a 20% base and a 50% tier.
 * A hurdle (growth) share, management taking s of the equity above a value H, is the same with a 0 base
 * and one tier (H, s).
 */
import { Decimal, ONE, ZERO } from "../decimal";
import { dealError } from "../messages/deal";
import { check, formatAmount } from "../rules";
import { type Compounding, type DayCount, accruedInterest, yearFraction } from "../venture/instruments";
import { compoundAccruedAsNumber, daysBetween } from "./pricing";

/** Excel's first day serial the 30/360 count reads (1 March 1900: the 1900 system's serials before it are off by its phantom 29 February). */
const FIRST_30_360_SERIAL = 61;

/**
 * Cumulative preferred dividend accrued (and unpaid) from `issueDate` to `toDate` on `principal`: simple =
 * principal x rate x t; compounded m times a year = principal x ((1 + rate / m)^(m t) - 1); t by `dayCount`
 * (ACT/365 = days / 365, ACT/360 = days / 360, 30/360 US). A dividend paid restarts the accrual: start from its date.
 */
export function preferredAccrued(
  principal: Decimal,
  rate: Decimal,
  issueDate: number,
  toDate: number,
  compounding: Compounding = "ANNUAL",
  dayCount: DayCount = "ACT/365",
): Decimal {
  check(principal, "nonNegative", "principal");
  check(rate, "nonNegative", "dividend_rate");
  const days = daysBetween(issueDate, toDate, "issue_date", "to_date");
  let years: Decimal;
  if (dayCount === "30/360") {
    const start = Math.trunc(issueDate);
    const end = Math.trunc(toDate);
    for (const [serial, name] of [
      [start, "issue_date"],
      [end, "to_date"],
    ] as const) {
      if (serial < FIRST_30_360_SERIAL) throw dealError("value", "serialDate", { subject: name, got: serial }, name);
    }
    years = yearFraction(start, end, "30/360");
  } else years = new Decimal(days).div(dayCount === "ACT/360" ? 360 : 365);
  return accruedInterest(principal, rate, years, compounding);
}

/**
 * `preferredAccrued(...).toNumber()` (the cell's value) without a decimal power where the
 * double-double bound decides it: the same checks in the same order, then PIKACCRUED's compound
 * growth over days / 365 or days / 360; undefined for 30/360, simple dividends or an undecided
 * bound (the caller then takes `preferredAccrued`, which gives the same value).
 */
export function preferredAccruedAsNumber(
  principal: Decimal,
  rate: Decimal,
  issueDate: number,
  toDate: number,
  compounding: Compounding = "ANNUAL",
  dayCount: DayCount = "ACT/365",
): number | undefined {
  check(principal, "nonNegative", "principal");
  check(rate, "nonNegative", "dividend_rate");
  const days = daysBetween(issueDate, toDate, "issue_date", "to_date");
  if (dayCount === "30/360") return undefined;
  return compoundAccruedAsNumber(principal, rate, days, compounding, dayCount === "ACT/360" ? 360 : 365);
}

export const RATCHET_BASES = ["EXCESS", "TOTAL"] as const;
/** What a ratchet's higher share applies to once a hurdle is met: the equity above the hurdle (EXCESS) or all of it (TOTAL). */
export type RatchetBasis = (typeof RATCHET_BASES)[number];
export const DEFAULT_RATCHET_BASIS: RatchetBasis = "EXCESS";

/** One step of a ratchet: from an exit equity of `hurdle`, management's share is `share`. */
export interface RatchetTier {
  readonly hurdle: Decimal;
  readonly share: Decimal;
}

export interface RatchetSplit {
  /** Management's pay-out from the exit equity. */
  readonly management: Decimal;
  /** The investors' pay-out: the exit equity less management's. */
  readonly investors: Decimal;
  /** Management's pay-out over the exit equity (the base share when the exit equity is 0). */
  readonly share: Decimal;
  /** How many tiers are met (exit equity >= their hurdle). */
  readonly tiersMet: number;
}

/** Checks the base share and the tiers: hurdles >= 0 and rising, shares from the base to 100% and never falling. */
function checkTiers(baseShare: Decimal, tiers: readonly RatchetTier[]): void {
  check(baseShare, "fraction", "management_share");
  let share = baseShare;
  tiers.forEach((t, i) => {
    check(t.hurdle, "nonNegative", "tiers");
    if (i > 0 && t.hurdle.lte(tiers[i - 1].hurdle)) throw dealError("value", "ratchetHurdlesRise", { position: i + 1 }, "tiers");
    if (t.share.lt(share) || t.share.gt(1)) {
      throw dealError(
        "value",
        "ratchetShareRange",
        { position: i + 1, got: formatAmount(t.share.times(100)), below: formatAmount(share.times(100)) },
        "tiers",
      );
    }
    share = t.share;
  });
}

/** Management's pay-out at exit equity E, the tiers already checked (see the file header for the two bases). */
function managementAt(equity: Decimal, baseShare: Decimal, tiers: readonly RatchetTier[], basis: RatchetBasis): Decimal {
  if (basis === "TOTAL") {
    let share = baseShare;
    for (const t of tiers) if (equity.gte(t.hurdle)) share = t.share;
    return share.times(equity);
  }
  let out = baseShare.times(equity);
  let below = baseShare;
  for (const t of tiers) {
    if (equity.gt(t.hurdle)) out = out.plus(t.share.minus(below).times(equity.minus(t.hurdle)));
    below = t.share;
  }
  return out;
}

/** The split of the exit equity between management (base share, raised by the tiers met, on `basis`) and the investors; the two add up to the exit equity. */
export function ratchetSplit(
  exitEquity: Decimal,
  baseShare: Decimal,
  tiers: readonly RatchetTier[],
  basis: RatchetBasis = DEFAULT_RATCHET_BASIS,
): RatchetSplit {
  check(exitEquity, "nonNegative", "exit_equity");
  checkTiers(baseShare, tiers);
  const management = managementAt(exitEquity, baseShare, tiers, basis);
  return {
    management,
    investors: exitEquity.minus(management),
    share: exitEquity.isZero() ? baseShare : management.div(exitEquity),
    tiersMet: tiers.filter((t) => exitEquity.gte(t.hurdle)).length,
  };
}

/**
 * The first exit equity at which the investors' pay-out (exit equity - management's, under `tiers`)
 * reaches `target`: the hurdle, as an exit equity, of the next tier. Exact: the pay-out is linear between
 * hurdles (slope 1 - share), so each segment is solved in closed form. `position` (1-based) names the
 * tier in the error when the target is never reached (management takes 100% above a lower hurdle).
 */
export function equityForInvestorProceeds(
  target: Decimal,
  baseShare: Decimal,
  tiers: readonly RatchetTier[],
  basis: RatchetBasis,
  position = tiers.length + 1,
): Decimal {
  check(target, "nonNegative", "target");
  checkTiers(baseShare, tiers);
  const starts = [ZERO, ...tiers.map((t) => t.hurdle)];
  const shares = [baseShare, ...tiers.map((t) => t.share)];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1] : undefined;
    const slope = ONE.minus(shares[k]);
    const atFrom = from.minus(managementAt(from, baseShare, tiers, basis));
    if (atFrom.gte(target)) return from;
    if (slope.isZero()) continue;
    // Linear on [from, to): EXCESS pays the investors atFrom + slope x (E - from); TOTAL pays slope x E.
    const e = basis === "TOTAL" ? target.div(slope) : from.plus(target.minus(atFrom).div(slope));
    if (to === undefined || e.lt(to)) return e;
  }
  throw dealError("value", "ratchetUnreachable", { position }, "tiers");
}

/**
 * A hurdle on the investors' return: a multiple of what they invested, an IRR over a number of days
 * (actual/365, one entry and one exit as in XIRR), or both ("MoM and/or IRR", Liberty Corporate Finance):
 * with both, both must be met.
 */
export interface InvestorHurdle {
  readonly multiple?: Decimal;
  readonly irr?: { readonly rate: Decimal; readonly days: number };
}

/** What the investors must receive to meet a hurdle: invested x multiple, invested x (1 + IRR)^(days / 365), the larger of the two when both are given. */
export function investorTarget(invested: Decimal, hurdle: InvestorHurdle): Decimal {
  check(invested, "positive", "invested");
  let target = ZERO;
  if (hurdle.multiple !== undefined) target = invested.times(check(hurdle.multiple, "nonNegative", "tiers"));
  if (hurdle.irr !== undefined) {
    const byIrr = invested.times(check(hurdle.irr.rate, "premium", "tiers").plus(1).pow(new Decimal(hurdle.irr.days).div(365)));
    if (byIrr.gt(target)) target = byIrr;
  }
  return target;
}

/**
 * Ratchet tiers from hurdles on the investors' return: tier k's hurdle is the first exit equity at which
 * the investors, under the tiers before it, receive their target (`investorTarget`). Targets must rise.
 */
export function tiersFromInvestorHurdles(
  invested: Decimal,
  baseShare: Decimal,
  hurdles: readonly { readonly hurdle: InvestorHurdle; readonly share: Decimal }[],
  basis: RatchetBasis = DEFAULT_RATCHET_BASIS,
): RatchetTier[] {
  const tiers: RatchetTier[] = [];
  let last: Decimal | undefined;
  hurdles.forEach((h, i) => {
    const target = investorTarget(invested, h.hurdle);
    if (last !== undefined && target.lte(last)) throw dealError("value", "ratchetHurdlesRise", { position: i + 1 }, "tiers");
    last = target;
    tiers.push({ hurdle: equityForInvestorProceeds(target, baseShare, tiers, basis, i + 1), share: h.share });
  });
  checkTiers(baseShare, tiers);
  return tiers;
}
