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
