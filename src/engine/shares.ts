/**
 * Share rounding policy. Share counts are never rounded implicitly: every function that creates
 * shares takes a `ShareRounding` and reports the count it used.
 *
 * - "DOWN" (default): whole shares, rounded toward zero, as share purchase agreements and
 *   subscription documents do (nobody is issued a share they did not pay for in full);
 * - "UP", "NEAREST" (half away from zero): whole shares;
 * - "NONE": the exact fractional count, for analysis.
 */
import { Decimal } from "./decimal";

export const SHARE_ROUNDINGS = ["DOWN", "UP", "NEAREST", "NONE"] as const;
export type ShareRounding = (typeof SHARE_ROUNDINGS)[number];
export const DEFAULT_SHARE_ROUNDING: ShareRounding = "DOWN";

/** Rounds a share count by the policy; "NONE" returns it unchanged. */
export function roundShares(shares: Decimal, rounding: ShareRounding = DEFAULT_SHARE_ROUNDING): Decimal {
  switch (rounding) {
    case "DOWN":
      return shares.toDecimalPlaces(0, Decimal.ROUND_DOWN);
    case "UP":
      return shares.toDecimalPlaces(0, Decimal.ROUND_UP);
    case "NEAREST":
      return shares.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case "NONE":
      return shares;
  }
}

/**
 * Relative tolerance for comparing share counts that were typed into cells as doubles: 1e-12.
 *
 * A double carries about 16 significant digits (one ulp is 2.2e-16 of the value), and Excel computes
 * formulas such as `=20000000/price` in doubles, so each typed quotient is off by up to half an ulp.
 * Holdings typed as `=20000000/price`, `=10000000/price`, `=3000000/price` then add up to a class of
 * `=33000000/price` only within a few ulps. A sum of n such counts is off by at most about n ulps of
 * the largest; 1e-12 is about 4,500 ulps, enough for thousands of rows, and still below a thousandth
 * of a share for any count under a billion shares: it never hides a real excess of one whole share
 * on any count below 1e12 shares.
 */
export const SHARE_TOLERANCE = new Decimal("1e-12");

/** Whole counts strictly between -10^12 and 10^12 are compared exactly by `sameShareCount` (see there). */
const TRILLION = new Decimal(1e12);
const MINUS_TRILLION = TRILLION.neg();
const isWholeBelowTrillion = (d: Decimal): boolean => d.isInteger() && d.lt(TRILLION) && d.gt(MINUS_TRILLION);

/**
 * Same share count, within SHARE_TOLERANCE of the larger: |a - b| <= 1e-12 x max(|a|, |b|).
 * Whole counts below 10^12 in size (the everyday case, checked first for speed): the tolerance is
 * then below one share while two different whole counts are at least one share apart, and both
 * sides are computed exactly at 40 digits, so they are the same count only when equal.
 */
export function sameShareCount(a: Decimal, b: Decimal): boolean {
  if (isWholeBelowTrillion(a) && isWholeBelowTrillion(b)) return a.eq(b);
  return a.minus(b).abs().lte(Decimal.max(a.abs(), b.abs()).times(SHARE_TOLERANCE));
}

/** More shares than `limit`, beyond the tolerance for typed doubles (see `sameShareCount`). */
export function exceedsShares(shares: Decimal, limit: Decimal): boolean {
  return shares.gt(limit) && !sameShareCount(shares, limit);
}
