/**
 * The one Decimal constructor the whole product uses.
 *
 * Precision policy: 40 significant digits, round half to even on every intermediate result.
 * Deal amounts (up to 1e15) and share counts (up to 1e13) keep well over 20 exact digits after
 * the decimal point, so nothing is lost before the cell boundary, where a value becomes a JS number.
 * Rounding of shares to whole shares is never implicit: see `roundShares` in `shares.ts`.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -21,
  toExpPos: 21,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Anything the engine accepts where an amount is expected. */
export type DecimalInput = Decimal | number | string;

/** Converts a value to a Decimal; a JS number converts through its shortest round-trip text (0.1 -> "0.1"). */
export function dec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Sum of decimals, exact at the configured precision. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
