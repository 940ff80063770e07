/**
 * Convertible instruments on their own: a convertible note's accrued interest and conversion, a single
 * SAFE's conversion. (Several instruments converting together with a pool top-up: `pricedRound`.)
 *
 * Conventions:
 * - Dates are Excel serial day numbers (1900 date system: 45658 is 2025-01-01).
 * - Day counts: "ACT/365" (actual days / 365, "Actual/365 Fixed", the default), "ACT/360",
 *   "30/360" (US bond basis: a 31st is read as the 30th, day 31 of the end month as 30 when the start is the 30th or 31st).
 * - Interest: "SIMPLE" (principal x rate x year fraction, the default in US seed notes) or compounded
 *   "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY", "DAILY" (365 a year): principal x ((1 + rate/m)^(m x t) - 1).
 * - Conversion price = the lowest of the cap price (cap / capitalization), the discount price
 *   (round price x (1 - discount)) and the round price; shares = converting amount / conversion price,
 *   rounded by the share rounding policy (default: down).
 */
import { Decimal, ONE, ZERO } from "../decimal";
import { type ArgName } from "../engineRules";
import { ventureError } from "../messages/venture";
import { check } from "../rules";
import { DEFAULT_SHARE_ROUNDING, ShareRounding, roundShares } from "../shares";
import { ConversionTerm, discountPrice } from "./round";

export const DAY_COUNTS = ["ACT/365", "ACT/360", "30/360"] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

export const COMPOUNDINGS = ["SIMPLE", "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY", "DAILY"] as const;
export type Compounding = (typeof COMPOUNDINGS)[number];

/** Compounding periods a year of each compounding (not SIMPLE). */
export const PERIODS_PER_YEAR: Record<Exclude<Compounding, "SIMPLE">, number> = { ANNUAL: 1, SEMIANNUAL: 2, QUARTERLY: 4, MONTHLY: 12, DAILY: 365 };

/** Calendar date of an Excel serial day number (1900 date system, serials from 61 = 1900-03-01). */
export function excelSerialToDate(serial: number): { y: number; m: number; d: number } {
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Excel's day number of an ISO date "YYYY-MM-DD" (1900 date system: 1900-03-01 is 61). */
export function isoDateToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function checkSerial(serial: number, name: ArgName): void {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) {
    throw ventureError("value", "serialDate", { subject: name, got: serial }, name);
  }
}

/** Year fraction between two dates under a day count: ACT/365 = days / 365, ACT/360 = days / 360, 30/360 US. */
export function yearFraction(start: number, end: number, dayCount: DayCount = "ACT/365"): Decimal {
  checkSerial(start, "start_date");
  checkSerial(end, "conversion_date");
  if (end < start) throw ventureError("value", "conversionBeforeStart", {}, "conversion_date");
  switch (dayCount) {
    case "ACT/365":
      return new Decimal(end - start).div(365);
    case "ACT/360":
      return new Decimal(end - start).div(360);
    case "30/360": {
      const a = excelSerialToDate(start);
      const b = excelSerialToDate(end);
      const d1 = a.d === 31 ? 30 : a.d;
      const d2 = b.d === 31 && d1 >= 30 ? 30 : b.d;
      return new Decimal(360 * (b.y - a.y) + 30 * (b.m - a.m) + (d2 - d1)).div(360);
    }
  }
}

/** Accrued interest: simple = principal x rate x t; compounded m times a year = principal x ((1 + rate/m)^(m t) - 1). */
export function accruedInterest(principal: Decimal, rate: Decimal, years: Decimal, compounding: Compounding = "SIMPLE"): Decimal {
  check(principal, "nonNegative", "principal");
  check(rate, "nonNegative", "interest_rate");
  check(years, "nonNegative", "years");
  if (compounding === "SIMPLE") return principal.times(rate).times(years);
  const m = PERIODS_PER_YEAR[compounding];
  return principal.times(ONE.plus(rate.div(m)).pow(years.times(m)).minus(1));
}

export interface ConversionPrices {
  readonly roundPrice: Decimal;
  readonly capPrice?: Decimal;
  readonly discountPrice?: Decimal;
  /** The lowest of the three. */
  readonly price: Decimal;
  readonly term: ConversionTerm;
}

/** Conversion price = the lowest of round price, discount price and cap price (ties: round price, then discount, then cap). */
export function conversionPrice(roundPrice: Decimal, capPrice?: Decimal, discount?: Decimal): ConversionPrices {
  check(roundPrice, "positive", "round_price");
  let price = roundPrice;
  let term: ConversionTerm = "ROUND PRICE";
  const dp = discount !== undefined && discount.gt(0) ? discountPrice(roundPrice, discount) : undefined;
  if (dp !== undefined && dp.lt(price)) {
    price = dp;
    term = "DISCOUNT";
  }
  if (capPrice !== undefined && capPrice.lt(price)) {
    price = capPrice;
    term = "CAP";
  }
  return { roundPrice, capPrice, discountPrice: dp, price, term };
}

function checkDiscount(discount: Decimal | undefined): void {
  if (discount !== undefined) check(discount, "fractionBelowOne", "discount");
}

export interface NoteInput {
  readonly principal: Decimal;
  readonly rate: Decimal;
  readonly startDate: number;
  readonly conversionDate: number;
  readonly dayCount?: DayCount;
  readonly compounding?: Compounding;
  readonly cap?: Decimal;
  readonly discount?: Decimal;
  readonly roundPrice: Decimal;
  /** Shares the cap is divided by (pre-money fully diluted capitalization). Needed with a cap. */
  readonly capitalization?: Decimal;
  readonly rounding?: ShareRounding;
}

export interface NoteConversion extends ConversionPrices {
  readonly years: Decimal;
  readonly interest: Decimal;
  /** Principal + accrued interest. */
  readonly convertingAmount: Decimal;
  readonly shares: Decimal;
  readonly rounding: ShareRounding;
  readonly dayCount: DayCount;
  readonly compounding: Compounding;
}

/** A convertible note converting: principal + accrued interest, at the lowest of cap price, discount price and round price. */
export function convertNote(input: NoteInput): NoteConversion {
  const dayCount = input.dayCount ?? "ACT/365";
  const compounding = input.compounding ?? "SIMPLE";
  const rounding = input.rounding ?? DEFAULT_SHARE_ROUNDING;
  checkDiscount(input.discount);
  const years = yearFraction(input.startDate, input.conversionDate, dayCount);
  const interest = accruedInterest(input.principal, input.rate, years, compounding);
  const convertingAmount = input.principal.plus(interest);
  let capPrice: Decimal | undefined;
  if (input.cap !== undefined) {
    check(input.cap, "positive", "cap");
    if (input.capitalization === undefined) throw ventureError("value", "capitalizationRequired", { explained: true }, "capitalization");
    capPrice = input.cap.div(check(input.capitalization, "positive", "capitalization"));
  }
  const prices = conversionPrice(input.roundPrice, capPrice, input.discount);
  return {
    ...prices,
    years,
    interest,
    convertingAmount,
    shares: roundShares(convertingAmount.div(prices.price), rounding),
    rounding,
    dayCount,
    compounding,
  };
}

/**
 * What the `capitalization` given for a SAFE includes:
 * - "INCLUDING": this SAFE's own conversion shares are in the figure. A post-money SAFE's "Company
 *   Capitalization" (YC post-money SAFE) includes the shares of every converting SAFE, this one too, and
 *   the unissued pool: the figure the YC guide prints (Example 1: 11,764,705). The post-money default.
 * - "EXCLUDING": the figure leaves this SAFE's shares out (the YC guide's 11,764,705 - 588,235 =
 *   11,176,470). A pre-money SAFE's "Company Capitalization" excludes every SAFE: the pre-money default.
 * The definition of the cap price stays the document's; the basis only says which figure was given.
 */
export const SAFE_CAPITALIZATION_BASES = ["INCLUDING", "EXCLUDING"] as const;
export type SafeCapitalizationBasis = (typeof SAFE_CAPITALIZATION_BASES)[number];

export interface SafeInput {
  readonly amount: Decimal;
  readonly cap?: Decimal;
  readonly discount?: Decimal;
  /** "POST" (post-money valuation cap, default) or "PRE". */
  readonly basis?: "POST" | "PRE";
  readonly roundPrice: Decimal;
  /**
   * The capitalization the cap is divided by; `capitalizationBasis` says whether it includes this SAFE's
   * own shares (default: as the SAFE defines it, including them post-money, excluding them pre-money).
   */
  readonly capitalization?: Decimal;
  readonly capitalizationBasis?: SafeCapitalizationBasis;
  readonly rounding?: ShareRounding;
}

export interface SafeConversion extends ConversionPrices {
  readonly shares: Decimal;
  /** Shares / the capitalization including them: the SAFE's stake (post-money: amount / cap when the cap applies). */
  readonly ownership: Decimal;
  /** What the capitalization given included (the default when none was said). */
  readonly capitalizationBasis: SafeCapitalizationBasis;
  readonly rounding: ShareRounding;
}

/** The document's own definition: a post-money SAFE's Company Capitalization includes its shares, a pre-money SAFE's excludes them. */
export function defaultSafeCapitalizationBasis(basis: "POST" | "PRE"): SafeCapitalizationBasis {
  return basis === "POST" ? "INCLUDING" : "EXCLUDING";
}

/**
 * One SAFE converting, at the lowest of the cap price, the discount price and the round price.
 * Post-money (YC): Safe Price = cap / Company Capitalization, which includes the SAFE's own shares; given
 * a capitalization EXCLUDING them (C), the closed form of cap / (C + shares) is (cap - amount) / C, and at
 * the cap the SAFE owns exactly amount / cap. Pre-money: cap / capitalization excluding the SAFEs; given
 * one INCLUDING this SAFE's shares (C), the closed form of cap / (C - shares) is (cap + amount) / C.
 */
export function convertSafe(input: SafeInput): SafeConversion {
  const rounding = input.rounding ?? DEFAULT_SHARE_ROUNDING;
  const basis = input.basis ?? "POST";
  const capitalizationBasis = input.capitalizationBasis ?? defaultSafeCapitalizationBasis(basis);
  check(input.amount, "nonNegative", "investment");
  checkDiscount(input.discount);
  let capPrice: Decimal | undefined;
  if (input.cap !== undefined) {
    check(input.cap, "positive", "cap");
    if (input.capitalization === undefined) throw ventureError("value", "capitalizationRequired", { explained: false }, "capitalization");
    const c = check(input.capitalization, "positive", "capitalization");
    const ownSharesIn = capitalizationBasis === "INCLUDING";
    if (basis === "POST" && input.amount.gte(input.cap)) throw ventureError("value", "investmentAtCap", {}, "investment");
    if (basis === "POST" && !ownSharesIn) {
      capPrice = input.cap.minus(input.amount).div(c);
    } else if (basis === "PRE" && ownSharesIn) {
      capPrice = input.cap.plus(input.amount).div(c);
    } else {
      capPrice = input.cap.div(c);
    }
  }
  const prices = conversionPrice(input.roundPrice, capPrice, input.discount);
  const shares = roundShares(input.amount.div(prices.price), rounding);
  const given = input.capitalization ?? ZERO;
  const base = capitalizationBasis === "INCLUDING" && input.capitalization !== undefined ? given : given.plus(shares);
  return { ...prices, shares, ownership: base.isZero() ? ZERO : shares.div(base), capitalizationBasis, rounding };
}
