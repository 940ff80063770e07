/**
 * Stake sales (secondary: the company issues nothing, a holder sells to a buyer) and the valuation
 * a price implies.
 *
 * Conventions:
 * - The stake is a fraction of the whole equity: the same fraction of the shares AND of the
 *   shareholder loans changes hands (a "strip"), as in infrastructure and private-equity deals.
 * - Pro rata price = stake x equity value (incl. shareholder loans).
 * - A premium (control premium, > 0) or discount (minority discount, < 0) applies to the whole
 *   equity ticket: price = pro rata price x (1 + premium).
 * - The price is split with shareholder loans at face value (stake x loans) and the shares taking
 *   the rest, so any premium or discount lands on the shares.
 * - Look-through: a holder of fraction s "looks through" to s of EV, net debt and other claims.
 */
import { Bridge, BridgeInput, bridge, enterpriseValue, equityValue, lookThrough } from "./bridge";
import { Decimal, ONE, ZERO } from "./decimal";
import { check } from "./rules";

export interface StakeSaleInput extends BridgeInput {
  /** Fraction of the equity sold, in [0, 1]. */
  readonly stake: Decimal;
  /** Control premium (> 0) or minority discount (< 0) on the pro rata price; default 0. */
  readonly premium?: Decimal;
  /** Capacity of the business (MW, beds, towers, ...) for per-unit figures; optional. */
  readonly capacity?: Decimal;
}

export interface StakePrice {
  /** Price paid for the stake: shares plus shareholder loans. */
  readonly total: Decimal;
  /** Part of the price paid for the shares. */
  readonly shares: Decimal;
  /** Part of the price paid for the shareholder loans (at face value). */
  readonly shareholderLoans: Decimal;
}

export interface StakeSale {
  readonly stake: Decimal;
  readonly premium: Decimal;
  /** The company at 100%. */
  readonly company: Bridge;
  /** The buyer's look-through view of the stake sold. */
  readonly sold: Bridge;
  /** The seller's look-through view of the stake retained. */
  readonly retained: Bridge;
  readonly price: StakePrice;
  /** Capacity at 100%, sold and retained, when a capacity was given. */
  readonly capacity?: { readonly company: Decimal; readonly sold: Decimal; readonly retained: Decimal };
  /** EV per capacity unit (the same for every holder: it is a property of the company). */
  readonly evPerUnit?: Decimal;
  /** EV per capacity unit implied by the price paid (differs from evPerUnit when a premium applies). */
  readonly impliedEvPerUnit?: Decimal;
}

/** Price of a stake = stake x equity value (incl. shareholder loans) x (1 + premium); loans at face, shares take the rest. */
export function stakePrice(stake: Decimal, whole: Bridge, premium: Decimal = ZERO): StakePrice {
  check(stake, "fraction", "stake");
  check(premium, "premium", "premium");
  const proRata = stake.times(whole.equityValue);
  // x (1 + 0) leaves a result already at the working precision unchanged: skipped (speed).
  const total = premium.isZero() ? proRata : proRata.times(ONE.plus(premium));
  const loans = stake.times(whole.shareholderLoans);
  return { total, shareholderLoans: loans, shares: total.minus(loans) };
}

/**
 * One part of the price of a stake sale = `stakeSale(input).price[part]`, with the same checks in
 * the same order, computing only that part (STAKEVALUE, called once per cell on every recalculation).
 */
export function stakeSalePricePart(input: StakeSaleInput, part: keyof StakePrice): Decimal {
  const stake = check(input.stake, "fraction", "stake");
  const premium = check(input.premium ?? ZERO, "premium", "premium");
  const loans = check(input.shareholderLoans ?? ZERO, "nonNegative", "shareholder_loans");
  if (part === "shareholderLoans") return stake.times(loans);
  const equity = input.basis === "EV" ? equityValue(input.valuation, input.netDebt ?? ZERO, input.otherClaims ?? ZERO) : input.valuation;
  const proRata = stake.times(equity);
  // x (1 + 0) leaves a result already at the working precision unchanged: skipped, as in stakePrice.
  const total = premium.isZero() ? proRata : proRata.times(ONE.plus(premium));
  return part === "total" ? total : total.minus(stake.times(loans));
}

/** The whole stake sale: the company at 100%, the stake sold and the stake retained, the price and per-unit figures. */
export function stakeSale(input: StakeSaleInput): StakeSale {
  const stake = check(input.stake, "fraction", "stake");
  const premium = check(input.premium ?? ZERO, "premium", "premium");
  const company = bridge(input);
  const price = stakePrice(stake, company, premium);
  const result: StakeSale = {
    stake,
    premium,
    company,
    sold: lookThrough(company, stake),
    retained: lookThrough(company, ONE.minus(stake)),
    price,
  };
  if (input.capacity === undefined) return result;
  const capacity = check(input.capacity, "positive", "capacity");
  // A stake of 0% implies nothing (the implied valuation needs a stake above 0%).
  const implied = stake.isZero()
    ? undefined
    : impliedValuation({ price: price.total, stake, netDebt: company.netDebt, otherClaims: company.otherClaims });
  return {
    ...result,
    capacity: { company: capacity, sold: capacity.times(stake), retained: capacity.times(ONE.minus(stake)) },
    evPerUnit: company.enterpriseValue.div(capacity),
    impliedEvPerUnit: implied === undefined ? undefined : implied.enterpriseValue.div(capacity),
  };
}

export interface ImpliedValuationInput {
  /** Price paid for the stake (shares plus shareholder loans). */
  readonly price: Decimal;
  /** Fraction bought, in (0, 1]. */
  readonly stake: Decimal;
  readonly netDebt?: Decimal;
  readonly otherClaims?: Decimal;
  /** Premium (> 0) or discount (< 0) included in the price, removed to get the pro rata value; default 0. */
  readonly premium?: Decimal;
}

export interface ImpliedValuation {
  /** 100% equity value (incl. shareholder loans) = price / (stake x (1 + premium)). */
  readonly equityValue: Decimal;
  /** 100% enterprise value = implied equity value + net debt + other claims. */
  readonly enterpriseValue: Decimal;
}

/** Valuation implied by a price: 100% equity = price / (stake x (1 + premium)); EV = equity + net debt + other claims. */
export function impliedValuation(input: ImpliedValuationInput): ImpliedValuation {
  const stake = check(input.stake, "positiveFraction", "stake");
  const premium = check(input.premium ?? ZERO, "premium", "premium");
  // Without a premium the price is divided by the stake itself (x (1 + 0) would only round a stake
  // of more than 40 significant digits, which no cell holds).
  const equity = input.price.div(premium.isZero() ? stake : stake.times(ONE.plus(premium)));
  return { equityValue: equity, enterpriseValue: enterpriseValue(equity, input.netDebt ?? ZERO, input.otherClaims ?? ZERO) };
}
