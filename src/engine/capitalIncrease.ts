/**
 * Capital increases (primary: the company issues new shares for cash).
 *
 * Conventions:
 * - Pre-money is the equity value of the shares before the new money; post-money = pre-money + investment.
 * - Price per share = pre-money / fully diluted shares before the round (no rounding of the price).
 * - New shares = investment / price per share, rounded by the share rounding policy (default: down).
 * - The cash raised stays in the company: net debt at closing = net debt before - investment,
 *   so EV at closing is unchanged and equity value at closing = pre-money + investment.
 */
import { Decimal, ONE } from "./decimal";
import { capTableError } from "./messages/capTable";
import { check } from "./rules";
import { DEFAULT_SHARE_ROUNDING, ShareRounding, roundShares } from "./shares";

/** Post-money valuation = pre-money + investment. */
export function postMoney(preMoney: Decimal, investment: Decimal): Decimal {
  return preMoney.plus(investment);
}

/** Price per share = pre-money / fully diluted shares before the round; unrounded. */
export function pricePerShare(preMoney: Decimal, fullyDilutedShares: Decimal): Decimal {
  check(preMoney, "positive", "pre_money");
  check(fullyDilutedShares, "positive", "fully_diluted_shares");
  return preMoney.div(fullyDilutedShares);
}

/** New shares bought by an investment at a price per share, rounded by the policy (default: down to whole shares). */
export function sharesForInvestment(investment: Decimal, price: Decimal, rounding: ShareRounding = DEFAULT_SHARE_ROUNDING): Decimal {
  check(investment, "nonNegative", "investment");
  check(price, "positive", "price_per_share");
  return roundShares(investment.div(price), rounding);
}

/**
 * New shares bought by an investment at a pre-money valuation = investment x fully diluted shares
 * / pre-money, rounded by the policy (default: down). Multiplying before dividing keeps a whole
 * count whole: dividing by a price per share that was itself rounded to 40 digits can land a
 * hair below it (2999.999...) and lose a share.
 */
export function sharesForInvestmentAtPreMoney(
  investment: Decimal,
  preMoney: Decimal,
  fullyDilutedShares: Decimal,
  rounding: ShareRounding = DEFAULT_SHARE_ROUNDING,
): Decimal {
  check(investment, "nonNegative", "investment");
  check(preMoney, "positive", "pre_money");
  check(fullyDilutedShares, "positive", "fully_diluted_shares");
  return roundShares(investment.times(fullyDilutedShares).div(preMoney), rounding);
}

/** Investor's post-money stake = new shares / (existing shares + new shares). */
export function investorStake(newShares: Decimal, existingShares: Decimal): Decimal {
  const total = existingShares.plus(newShares);
  if (total.isZero()) throw capTableError("num", "noSharesForStake", {});
  return newShares.div(total);
}

/**
 * Shares to issue so the new holder owns a target stake: target / (1 - target) x existing shares,
 * rounded by the policy. Computed as target x shares / (1 - target), multiplying first, so that a
 * whole count stays whole (99.25% of 297 shares: 39303, not 39302.999...).
 */
export function primarySharesForTargetStake(
  targetStake: Decimal,
  sharesOutstanding: Decimal,
  rounding: ShareRounding = DEFAULT_SHARE_ROUNDING,
): Decimal {
  check(targetStake, "fractionBelowOne", "target_stake");
  check(sharesOutstanding, "positive", "shares_outstanding");
  return roundShares(targetStake.times(sharesOutstanding).div(ONE.minus(targetStake)), rounding);
}

export interface CapitalIncreaseInput {
  readonly preMoney: Decimal;
  readonly investment: Decimal;
  /** Fully diluted shares before the round. */
  readonly fullyDilutedShares: Decimal;
  readonly rounding?: ShareRounding;
  /** Enterprise value and net debt before the round, to show the closing bridge. Optional. */
  readonly netDebt?: Decimal;
}

export interface CapitalIncrease {
  readonly preMoney: Decimal;
  readonly pricePerShare: Decimal;
  readonly newShares: Decimal;
  readonly rounding: ShareRounding;
  /** Cash actually paid: new shares x price (less than the investment when shares are rounded down). */
  readonly amountInvested: Decimal;
  /** Post-money = pre-money + amount invested. */
  readonly postMoney: Decimal;
  readonly sharesAfter: Decimal;
  readonly investorStake: Decimal;
  /** Net debt at closing = net debt before - amount invested (the cash stays in the company). */
  readonly netDebtAtClosing?: Decimal;
  /** EV at closing: unchanged by the cash coming in (= pre-money + net debt before). */
  readonly enterpriseValueAtClosing?: Decimal;
}

/** A priced capital increase: price per share from pre-money, new shares (rounded by the policy), post-money and the investor's stake. */
export function capitalIncrease(input: CapitalIncreaseInput): CapitalIncrease {
  const rounding = input.rounding ?? DEFAULT_SHARE_ROUNDING;
  const price = pricePerShare(input.preMoney, input.fullyDilutedShares);
  const newShares = sharesForInvestmentAtPreMoney(input.investment, input.preMoney, input.fullyDilutedShares, rounding);
  const amountInvested = newShares.times(price);
  const sharesAfter = input.fullyDilutedShares.plus(newShares);
  const result: CapitalIncrease = {
    preMoney: input.preMoney,
    pricePerShare: price,
    newShares,
    rounding,
    amountInvested,
    postMoney: postMoney(input.preMoney, amountInvested),
    sharesAfter,
    investorStake: investorStake(newShares, input.fullyDilutedShares),
  };
  if (input.netDebt === undefined) return result;
  return {
    ...result,
    netDebtAtClosing: input.netDebt.minus(amountInvested),
    enterpriseValueAtClosing: input.preMoney.plus(input.netDebt),
  };
}
