/**
 * Price-based anti-dilution on a down round (the NVCA certificate of incorporation formulas).
 *
 * Conventions:
 * - Weighted average: CP2 = CP1 x (A + B) / (A + C), where CP1 is the conversion price before the issue,
 *   A the shares outstanding before the issue (as converted), B the shares the new money would have bought
 *   at CP1 (money received / CP1) and C the new shares actually issued.
 * - Broad-based: A counts every share as converted, including options, warrants and the unissued pool.
 *   Narrow-based: A counts only the outstanding preferred, as converted. (A may also be given directly,
 *   as the charter defines it.)
 * - Full ratchet: CP2 = the new issue price.
 * - Only a class whose CP1 is above the new issue price is adjusted; CP2 is never above CP1.
 * - Conversion ratio = original issue price / conversion price; as-converted shares = shares x ratio.
 *   The adjusted price is not rounded (a charter may round it to the cent: round it in the sheet).
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { ventureError } from "../messages/venture";
import { check } from "../rules";

export type AntiDilutionMethod = "BROAD" | "NARROW" | "RATCHET" | "NONE";

/** Weighted-average adjusted conversion price: CP2 = CP1 x (A + B) / (A + C), B = money received / CP1. */
export function weightedAverageConversionPrice(cp1: Decimal, sharesOutstanding: Decimal, moneyReceived: Decimal, newShares: Decimal): Decimal {
  check(cp1, "positive", "conversion_price");
  check(sharesOutstanding, "nonNegative", "shares_outstanding");
  check(moneyReceived, "nonNegative", "money_received");
  check(newShares, "nonNegative", "new_shares");
  const denominator = sharesOutstanding.plus(newShares);
  if (denominator.isZero()) throw ventureError("num", "noWeightedAverage", {}, "new_shares");
  return cp1.times(sharesOutstanding.plus(moneyReceived.div(cp1))).div(denominator);
}

/** Full-ratchet conversion price: the new issue price, when lower than CP1. */
export function fullRatchetConversionPrice(cp1: Decimal, newPrice: Decimal): Decimal {
  check(cp1, "positive", "conversion_price");
  check(newPrice, "nonNegative", "new_price");
  return newPrice.lt(cp1) ? newPrice : cp1;
}

/** Conversion ratio = original issue price / conversion price. */
export function conversionRatio(originalIssuePrice: Decimal, conversionPrice: Decimal): Decimal {
  check(originalIssuePrice, "positive", "original_issue_price");
  check(conversionPrice, "positive", "conversion_price");
  return originalIssuePrice.div(conversionPrice);
}

export interface AntiDilutionClass {
  readonly name: string;
  readonly shares: Decimal;
  /** Original issue price; absent for common, options and the pool (not adjusted, ratio 1). */
  readonly originalIssuePrice?: Decimal;
  /** Conversion price before the issue; default: the original issue price. */
  readonly conversionPrice?: Decimal;
}

export interface AntiDilutionRow {
  readonly name: string;
  readonly shares: Decimal;
  readonly conversionPriceBefore?: Decimal;
  readonly conversionPriceAfter?: Decimal;
  readonly ratioBefore: Decimal;
  readonly ratioAfter: Decimal;
  readonly asConvertedBefore: Decimal;
  readonly asConvertedAfter: Decimal;
  readonly adjusted: boolean;
}

export interface AntiDilutionResult {
  readonly method: AntiDilutionMethod;
  /** The A of the formula (shares outstanding as converted, by the method), for weighted average. */
  readonly sharesOutstanding: Decimal;
  readonly moneyReceived: Decimal;
  readonly rows: AntiDilutionRow[];
}

/** Adjusts every preferred class for a new issue at a price with a method (see the module conventions). */
export function antiDilution(
  classes: readonly AntiDilutionClass[],
  newPrice: Decimal,
  newShares: Decimal,
  method: AntiDilutionMethod = "BROAD",
  sharesOutstanding?: Decimal,
): AntiDilutionResult {
  if (classes.length === 0) throw ventureError("value", "listEmpty", { list: "classes" }, "classes");
  check(newPrice, "positive", "new_price");
  check(newShares, "nonNegative", "new_shares");
  const prepared = classes.map((c) => {
    const of = { className: c.name.trim() };
    check(c.shares, "nonNegative", { arg: "shares", of });
    if (c.originalIssuePrice === undefined) {
      if (c.conversionPrice !== undefined) throw ventureError("value", "conversionPriceWithoutOip", { className: c.name.trim() }, "classes");
      return { c, oip: undefined, cp1: undefined, ratio: ONE };
    }
    const oip = check(c.originalIssuePrice, "positive", { arg: "original issue price", of });
    const cp1 = check(c.conversionPrice ?? oip, "positive", { arg: "conversion price", of });
    return { c, oip, cp1, ratio: oip.div(cp1) };
  });
  const A =
    sharesOutstanding !== undefined
      ? check(sharesOutstanding, "nonNegative", "shares_outstanding")
      : method === "NARROW"
        ? sum(prepared.filter((p) => p.oip !== undefined).map((p) => p.c.shares.times(p.ratio)))
        : sum(prepared.map((p) => p.c.shares.times(p.ratio)));
  const money = newPrice.times(newShares);
  const rows = prepared.map(({ c, oip, cp1, ratio }): AntiDilutionRow => {
    const before = c.shares.times(ratio);
    if (oip === undefined || cp1 === undefined || method === "NONE" || !newPrice.lt(cp1)) {
      return {
        name: c.name.trim(),
        shares: c.shares,
        conversionPriceBefore: cp1,
        conversionPriceAfter: cp1,
        ratioBefore: ratio,
        ratioAfter: ratio,
        asConvertedBefore: before,
        asConvertedAfter: before,
        adjusted: false,
      };
    }
    const cp2 = method === "RATCHET" ? fullRatchetConversionPrice(cp1, newPrice) : weightedAverageConversionPrice(cp1, A, money, newShares);
    const ratioAfter = conversionRatio(oip, cp2);
    return {
      name: c.name.trim(),
      shares: c.shares,
      conversionPriceBefore: cp1,
      conversionPriceAfter: cp2,
      ratioBefore: ratio,
      ratioAfter,
      asConvertedBefore: before,
      asConvertedAfter: c.shares.times(ratioAfter),
      adjusted: !cp2.eq(cp1),
    };
  });
  return { method, sharesOutstanding: method === "RATCHET" || method === "NONE" ? ZERO : A, moneyReceived: money, rows };
}
