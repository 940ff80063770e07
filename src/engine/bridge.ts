/**
 * The enterprise value to equity value bridge.
 *
 * Conventions, used everywhere in the product:
 * - Enterprise value (EV): the value of the operations to all capital providers.
 * - Net debt: third-party financial debt less cash and equivalents. It EXCLUDES shareholder loans.
 * - Other claims: every other claim ranking ahead of shareholders (minority interests, preferred
 *   equity held by third parties, debt-like items such as pension deficits), net of non-operating
 *   assets; positive reduces equity.
 * - Equity value: EV - net debt - other claims. It is the value of everything shareholders hold,
 *   that is shares AND shareholder loans ("whole equity", "equity ticket").
 * - Share equity: equity value - shareholder loans, shareholder loans being valued at face value.
 */
import { Decimal, ZERO } from "./decimal";
import { check } from "./rules";

/** Equity value (incl. shareholder loans) = EV - net debt - other claims. */
export function equityValue(enterpriseValue: Decimal, netDebt: Decimal, otherClaims: Decimal = ZERO): Decimal {
  const afterNetDebt = enterpriseValue.minus(netDebt);
  // Subtracting 0 from a result already at the working precision changes nothing: skipped (speed).
  return otherClaims.isZero() ? afterNetDebt : afterNetDebt.minus(otherClaims);
}

/** Enterprise value = equity value (incl. shareholder loans) + net debt + other claims. */
export function enterpriseValue(equity: Decimal, netDebt: Decimal, otherClaims: Decimal = ZERO): Decimal {
  const withNetDebt = equity.plus(netDebt);
  return otherClaims.isZero() ? withNetDebt : withNetDebt.plus(otherClaims);
}

/** Share equity = equity value (incl. shareholder loans) - shareholder loans at face value. */
export function shareEquity(equity: Decimal, shareholderLoans: Decimal): Decimal {
  return equity.minus(shareholderLoans);
}

export type ValuationBasis = "EV" | "EQUITY";

export interface BridgeInput {
  /** The headline valuation, read according to `basis`. */
  readonly valuation: Decimal;
  /** "EV": valuation is an enterprise value; "EQUITY": an equity value incl. shareholder loans. */
  readonly basis: ValuationBasis;
  readonly netDebt?: Decimal;
  readonly otherClaims?: Decimal;
  readonly shareholderLoans?: Decimal;
}

/** Every layer of the bridge at 100%. */
export interface Bridge {
  readonly enterpriseValue: Decimal;
  readonly netDebt: Decimal;
  readonly otherClaims: Decimal;
  /** Equity value incl. shareholder loans. */
  readonly equityValue: Decimal;
  readonly shareholderLoans: Decimal;
  /** Equity value less shareholder loans: what the shares alone are worth. */
  readonly shareEquity: Decimal;
}

/** Builds the whole bridge at 100% from a headline valuation on either basis. Shareholder loans must not be negative. */
export function bridge(input: BridgeInput): Bridge {
  const netDebt = input.netDebt ?? ZERO;
  const otherClaims = input.otherClaims ?? ZERO;
  const shareholderLoans = check(input.shareholderLoans ?? ZERO, "nonNegative", "shareholder_loans");
  const ev = input.basis === "EV" ? input.valuation : enterpriseValue(input.valuation, netDebt, otherClaims);
  const equity = input.basis === "EV" ? equityValue(input.valuation, netDebt, otherClaims) : input.valuation;
  return {
    enterpriseValue: ev,
    netDebt,
    otherClaims,
    equityValue: equity,
    shareholderLoans,
    shareEquity: shareEquity(equity, shareholderLoans),
  };
}

/** Scales every layer of a bridge by a stake: the look-through view of a holder of that fraction. */
export function lookThrough(whole: Bridge, stake: Decimal): Bridge {
  return {
    enterpriseValue: whole.enterpriseValue.times(stake),
    netDebt: whole.netDebt.times(stake),
    otherClaims: whole.otherClaims.times(stake),
    equityValue: whole.equityValue.times(stake),
    shareholderLoans: whole.shareholderLoans.times(stake),
    shareEquity: whole.shareEquity.times(stake),
  };
}
