/**
 * Price mechanics at completion (issue 16; conventions in shared/research/domain.md §2.1 and
 * anchors.md §4, from dealacademy.co.uk "Locked box vs completion accounts", privateequitybro.com
 * "Lock box mechanism", Fieldfisher "Locked box vs completion accounts", wilson-partners.co.uk).
 *
 * - Locked box: the equity price is fixed on the locked-box balance sheet (EV - net debt - debt-like
 *   items at the box date); the buyer owns the economics from the box date, so the seller is paid a
 *   ticker from the box date to completion and refunds leakage euro for euro, except permitted leakage
 *   (already priced in). Ticker = base x rate x days / 365 (simple interest, actual/365), or a daily
 *   amount x days. The sources disagree on the base: the whole equity price (shares and shareholder
 *   loans) or only the shares' part when the loans accrue their own interest to completion (a ticker
 *   on them would pay their interest twice). That is an explicit option (`TickerBase`), shown.
 * - Completion accounts: price = EV - net debt - debt-like items + (working capital - target), first on
 *   estimates at completion, then on the final accounts; the difference is the true-up, settled
 *   against an escrow or holdback first.
 * - Deferred consideration and earn-outs: present value at a stated rate, actual/365 from completion.
 * - Shareholder loans: PIK interest accrued to completion, the price split between the loans at
 *   accrued face value and the shares, holder by holder (loans need not be held pro rata to shares).
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { Compounding, PERIODS_PER_YEAR, accruedInterest } from "../venture/instruments";
import { type ArgName } from "../engineRules";
import { dealError } from "../messages/deal";
import { check, formatAmount } from "../rules";
import { DatedFlow, DatedFlows, discountedSumAsNumber, flowList, isFlowColumns, scratch, wholeDay, xnpv } from "./returns";
import { DD_EPSILON, HI, LO, certainDouble, dd, ddAdd, ddDiv, ddExpm1, ddLog, ddMul, ddOfCellNumber, ddOfDecimal } from "../doubleDouble";

/** Days between two Excel date serials, whole days (dates truncated as Excel does); the end must not be before the start. */
export function daysBetween(start: number, end: number, startName: ArgName, endName: ArgName): number {
  const a = wholeDay(start, startName);
  const b = wholeDay(end, endName);
  if (b < a) throw dealError("value", "dateBefore", { end: endName, start: startName, days: b - a }, endName);
  return b - a;
}

export const TICKER_BASES = ["EQUITY", "SHARES"] as const;
/** What the ticker accrues on: the whole equity price (shares and loans) or the shares' part only. */
export type TickerBase = (typeof TICKER_BASES)[number];

export interface LockedBoxInput {
  /** Equity price at the locked-box date, incl. shareholder loans (EV - net debt - debt-like items at the box). */
  readonly equityAtBox: Decimal;
  readonly boxDate: number;
  readonly completionDate: number;
  /** Annual ticker rate (simple, actual/365). Exclusive with `tickerPerDay`. */
  readonly tickerRate?: Decimal;
  /** Ticker as an amount per day. Exclusive with `tickerRate`. */
  readonly tickerPerDay?: Decimal;
  /** What the rate accrues on (only with `tickerRate`); "SHARES" needs `shareholderLoansAtBox`. */
  readonly tickerBase: TickerBase;
  /** Shareholder loans (face + accrued) at the box date, part of `equityAtBox`. */
  readonly shareholderLoansAtBox?: Decimal;
  /** Value extracted by the seller since the box date (dividends, fees, ...), permitted or not. */
  readonly leakage?: Decimal;
  /** The part of `leakage` the agreement permits (already priced in): not refunded. */
  readonly permittedLeakage?: Decimal;
}

export interface LockedBoxPrice {
  readonly days: number;
  /** The amount the ticker accrues on (see `TickerBase`), or undefined for a daily ticker. */
  readonly tickerBaseAmount?: Decimal;
  /** Ticker = base x rate x days / 365, or per day x days. */
  readonly ticker: Decimal;
  /** Leakage refunded euro for euro = leakage - permitted leakage. */
  readonly leakageDeducted: Decimal;
  /** Price at completion = equity at the box + ticker - leakage deducted. */
  readonly price: Decimal;
}

/** Locked-box price at completion = equity at the box + ticker (simple, actual/365) - (leakage - permitted leakage). */
export function lockedBoxPrice(input: LockedBoxInput): LockedBoxPrice {
  const days = daysBetween(input.boxDate, input.completionDate, "box_date", "completion_date");
  const loans = input.shareholderLoansAtBox === undefined ? ZERO : check(input.shareholderLoansAtBox, "nonNegative", "shareholder_loans");
  if (loans.gt(input.equityAtBox)) {
    throw dealError("value", "loansExceedEquityAtBox", { loans: formatAmount(loans), equity: formatAmount(input.equityAtBox) }, "shareholder_loans");
  }
  if (input.shareholderLoansAtBox !== undefined && !(input.tickerRate !== undefined && input.tickerBase === "SHARES")) {
    throw dealError("value", "loansWithoutShareTicker", {}, "shareholder_loans");
  }
  let ticker = ZERO;
  let base: Decimal | undefined;
  if (input.tickerRate !== undefined && input.tickerPerDay !== undefined) {
    throw dealError("value", "tickerBoth", {}, "ticker_per_day");
  }
  if (input.tickerRate !== undefined) {
    if (input.tickerBase === "SHARES" && input.shareholderLoansAtBox === undefined) {
      throw dealError("value", "loansRequiredForShares", {}, "shareholder_loans");
    }
    base = input.tickerBase === "SHARES" ? input.equityAtBox.minus(loans) : input.equityAtBox;
    ticker = base.times(input.tickerRate).times(days).div(365);
  } else if (input.tickerPerDay !== undefined) {
    ticker = input.tickerPerDay.times(days);
  }
  const leakage = check(input.leakage ?? ZERO, "nonNegative", "leakage");
  const permitted = check(input.permittedLeakage ?? ZERO, "nonNegative", "permitted_leakage");
  if (permitted.gt(leakage)) {
    throw dealError("value", "permittedExceedsLeakage", { permitted: formatAmount(permitted), leakage: formatAmount(leakage) }, "permitted_leakage");
  }
  const leakageDeducted = leakage.minus(permitted);
  return { days, tickerBaseAmount: base, ticker, leakageDeducted, price: input.equityAtBox.plus(ticker).minus(leakageDeducted) };
}

export interface CompletionAccountsInput {
  readonly enterpriseValue: Decimal;
  readonly debtLike: Decimal;
  readonly targetWorkingCapital: Decimal;
  readonly estimatedNetDebt: Decimal;
  readonly estimatedWorkingCapital: Decimal;
  readonly finalNetDebt: Decimal;
  readonly finalWorkingCapital: Decimal;
  /** Held back from the estimated price at completion against a true-up owed by the seller. */
  readonly escrow: Decimal;
}

export interface CompletionAccounts {
  /** Estimated price = EV - estimated net debt - debt-like + (estimated working capital - target). */
  readonly estimatedPrice: Decimal;
  /** Final price = EV - final net debt - debt-like + (final working capital - target). */
  readonly finalPrice: Decimal;
  /** True-up = final price - estimated price: the buyer pays it when positive, the seller when negative. */
  readonly trueUp: Decimal;
  /** Paid to the seller at completion = estimated price - escrow. */
  readonly paidAtCompletion: Decimal;
  /** Escrow released to the seller = escrow less the seller's true-up it covers. */
  readonly escrowToSeller: Decimal;
  /** Escrow paid to the buyer = the seller's true-up, up to the escrow. */
  readonly escrowToBuyer: Decimal;
  /** Paid by the buyer after the final accounts = the true-up when positive. */
  readonly buyerPaysAfter: Decimal;
  /** Owed by the seller beyond the escrow = the seller's true-up less the escrow. */
  readonly sellerPaysAfter: Decimal;
}

/** Completion accounts: price = EV - net debt - debt-like + (working capital - target), estimated then final; true-up settled against the escrow first. */
export function completionAccounts(input: CompletionAccountsInput): CompletionAccounts {
  const escrow = check(input.escrow, "nonNegative", "escrow");
  const priceOn = (netDebt: Decimal, workingCapital: Decimal) =>
    input.enterpriseValue.minus(netDebt).minus(input.debtLike).plus(workingCapital.minus(input.targetWorkingCapital));
  const estimatedPrice = priceOn(input.estimatedNetDebt, input.estimatedWorkingCapital);
  const finalPrice = priceOn(input.finalNetDebt, input.finalWorkingCapital);
  if (escrow.gt(estimatedPrice)) {
    throw dealError("value", "escrowExceedsPrice", { escrow: formatAmount(escrow), price: formatAmount(estimatedPrice) }, "escrow");
  }
  const trueUp = finalPrice.minus(estimatedPrice);
  const sellerOwes = trueUp.isNegative() ? trueUp.negated() : ZERO;
  const escrowToBuyer = Decimal.min(escrow, sellerOwes);
  return {
    estimatedPrice,
    finalPrice,
    trueUp,
    paidAtCompletion: estimatedPrice.minus(escrow),
    escrowToSeller: escrow.minus(escrowToBuyer),
    escrowToBuyer,
    buyerPaysAfter: trueUp.isPositive() ? trueUp : ZERO,
    sellerPaysAfter: sellerOwes.minus(escrowToBuyer),
  };
}

/** Present value at completion of deferred or earn-out payments = sum of amount x probability / (1 + rate)^(days from completion / 365). */
export function deferredConsiderationPV(completionDate: number, payments: DatedFlows, rate: Decimal, probabilities?: readonly Decimal[]): Decimal {
  const start = wholeDay(completionDate, "completion_date");
  const flows: DatedFlow[] = [{ amount: ZERO, date: start }];
  flowList(payments).forEach((p, i) => {
    if (wholeDay(p.date, "dates") < start) {
      throw dealError("value", "paymentBeforeCompletion", { payment: i + 1, days: start - Math.trunc(p.date) }, "dates");
    }
    const probability = probabilities === undefined ? ONE : check(probabilities[i], "fraction", "probabilities");
    flows.push({ amount: p.amount.times(probability), date: p.date });
  });
  return xnpv(rate, flows);
}

/**
 * `deferredConsiderationPV(...).toNumber()` (the cell's value) without a decimal power per payment:
 * the same checks in the same order, then the discounted sum in double-double (`discountedSumAsNumber`);
 * undefined when that cannot decide the double: the caller then computes in decimals.
 */
export function deferredConsiderationPVAsNumber(
  completionDate: number,
  payments: DatedFlows,
  rate: Decimal,
  probabilities?: readonly Decimal[],
): number | undefined {
  const start = wholeDay(completionDate, "completion_date");
  const columns = isFlowColumns(payments);
  const count = columns ? payments.amounts.length : payments.length;
  const { terms, days } = scratch(count);
  let exact = true;
  for (let i = 0; i < count; i++) {
    const date = columns ? payments.dates[i] : payments[i].date;
    const day = wholeDay(date, "dates");
    if (day < start) throw dealError("value", "paymentBeforeCompletion", { payment: i + 1, days: start - Math.trunc(date) }, "dates");
    if (probabilities !== undefined) check(probabilities[i], "fraction", "probabilities");
    if (!exact || !(columns ? ddOfCellNumber(payments.amounts[i]) : ddOfDecimal(payments[i].amount))) {
      exact = false;
      continue;
    }
    if (probabilities !== undefined) {
      const ah = dd[HI];
      const al = dd[LO];
      if (!ddOfDecimal(probabilities[i])) {
        exact = false;
        continue;
      }
      ddMul(ah, al, dd[HI], dd[LO]);
    }
    terms[2 * i] = dd[HI];
    terms[2 * i + 1] = dd[LO];
    days[i] = day - start;
  }
  // xnpv's own check on the rate comes after the payments' (as in deferredConsiderationPV).
  if (rate.lte(-1)) throw dealError("num", "aboveMinus100", { subject: "rate", got: rate.times(100).toString() }, "rate");
  return exact ? discountedSumAsNumber(rate, terms, days, count) : undefined;
}

/** PIK interest accrued from `start` to `end`, actual/365, as a note's interest (`accruedInterest`): simple = principal x r x t; compounded m times a year = principal x ((1 + r / m)^(m t) - 1). */
export function pikAccrued(principal: Decimal, rate: Decimal, start: number, end: number, compounding: Compounding): Decimal {
  const days = daysBetween(start, end, "start_date", "completion_date");
  return accruedInterest(principal, rate, new Decimal(days).div(365), compounding);
}

/**
 * `pikAccrued(...).toNumber()` (the cell's value) without a decimal power: the same checks in the same
 * order, then principal x ((1 + r/m)^(m days / 365) - 1) in double-double as e^(m days / 365 x
 * ln(1 + r/m)) - 1 (no cancellation against 1 for short periods); undefined when the bound (see
 * ../doubleDouble.ts) cannot decide the double, and for simple interest (no power: the decimals are fast).
 */
export function pikAccruedAsNumber(principal: Decimal, rate: Decimal, start: number, end: number, compounding: Compounding): number | undefined {
  const days = daysBetween(start, end, "start_date", "completion_date");
  check(principal, "nonNegative", "principal");
  check(rate, "nonNegative", "interest_rate");
  return compoundAccruedAsNumber(principal, rate, days, compounding, 365);
}

/**
 * `accruedInterest(principal, rate, days / yearDays, compounding).toNumber()` for checked inputs,
 * without a decimal power: principal x ((1 + r/m)^(m days / yearDays) - 1) in double-double, the
 * double only where the error bound decides it (see ../doubleDouble.ts); undefined otherwise and for
 * simple interest, so the caller takes the decimal path. Shared by PIKACCRUED (ACT/365) and
 * PREFACCRUED (ACT/365 or ACT/360).
 */
export function compoundAccruedAsNumber(
  principal: Decimal,
  rate: Decimal,
  days: number,
  compounding: Compounding,
  yearDays: 360 | 365,
): number | undefined {
  if (compounding === "SIMPLE" || !ddOfDecimal(rate)) return undefined;
  const m = PERIODS_PER_YEAR[compounding];
  ddDiv(dd[HI], dd[LO], m, 0);
  ddAdd(dd[HI], dd[LO], 1, 0);
  ddLog(dd[HI], dd[LO]);
  // exponent = ln(1 + r/m) x m days / yearDays
  ddMul(dd[HI], dd[LO], m * days, 0);
  ddDiv(dd[HI], dd[LO], yearDays, 0);
  const eh = dd[HI];
  const el = dd[LO];
  if (!(Math.abs(eh) <= 600) || !ddOfDecimal(principal)) return undefined;
  const ph = dd[HI];
  const pl = dd[LO];
  ddExpm1(eh, el);
  const gh = dd[HI];
  ddMul(ph, pl, gh, dd[LO]);
  // Error of e^x - 1 relative to e^x (not to the growth: a short period's growth is small), per unit of exponent and periods.
  const bound = Math.abs(ph) * (1 + Math.abs(gh)) * (1 + eh + (m * days) / yearDays) * DD_EPSILON;
  return certainDouble(dd[HI], dd[LO], bound);
}

/** One holder's position in the company and what it sells: shares (count) and shareholder loans (accrued face value). */
export interface SaleHolding {
  readonly holder: string;
  readonly shares: Decimal;
  readonly loans: Decimal;
  readonly sharesSold: Decimal;
  readonly loansSold: Decimal;
}

export interface PriceSplitRow {
  readonly holder: string;
  /** Price for the shares sold = (equity price - all loans) x shares sold / all shares. */
  readonly sharesPrice: Decimal;
  /** Price for the loans sold = their accrued face value. */
  readonly loansPrice: Decimal;
  readonly total: Decimal;
}

export interface PriceSplit {
  /** Share equity = equity price (100%, incl. loans) - all loans at accrued face value. */
  readonly shareEquity: Decimal;
  readonly pricePerShare: Decimal;
  readonly rows: readonly PriceSplitRow[];
  readonly total: Decimal;
}

/** Price split: loans at accrued face value, shares at (equity price - all loans) / all shares; per holder, for what it sells. */
export function priceSplit(equityPrice: Decimal, positions: readonly SaleHolding[]): PriceSplit {
  if (positions.length === 0) throw dealError("value", "listEmpty", { list: "holdings" }, "holdings");
  for (const p of positions) {
    for (const [v, name] of [
      [p.shares, "Shares"],
      [p.loans, "Loans"],
      [p.sharesSold, "Shares sold"],
      [p.loansSold, "Loans sold"],
    ] as const) {
      check(v, "nonNegative", { arg: name, of: { item: p.holder } });
    }
    if (p.sharesSold.gt(p.shares))
      throw dealError(
        "value",
        "soldExceeds",
        { what: "shares", holder: p.holder, sold: formatAmount(p.sharesSold), held: formatAmount(p.shares) },
        "holdings",
      );
    if (p.loansSold.gt(p.loans))
      throw dealError(
        "value",
        "soldExceeds",
        { what: "loans", holder: p.holder, sold: formatAmount(p.loansSold), held: formatAmount(p.loans) },
        "holdings",
      );
  }
  const allShares = sum(positions.map((p) => p.shares));
  if (allShares.isZero()) throw dealError("num", "holdingsNoShares", {}, "holdings");
  const allLoans = sum(positions.map((p) => p.loans));
  const shareEquity = equityPrice.minus(allLoans);
  if (shareEquity.isNegative()) {
    throw dealError("num", "loansExceedPrice", { loans: formatAmount(allLoans), price: formatAmount(equityPrice) }, "equity_price");
  }
  const pricePerShare = shareEquity.div(allShares);
  const rows = positions.map((p) => {
    const sharesPrice = pricePerShare.times(p.sharesSold);
    return { holder: p.holder, sharesPrice, loansPrice: p.loansSold, total: sharesPrice.plus(p.loansSold) };
  });
  return { shareEquity, pricePerShare, rows, total: sum(rows.map((r) => r.total)) };
}
