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

/** 2^51: a scaled integer below this keeps the decimal it stands for unique among doubles (see `NumberSum`). */
const SCALED_LIMIT = 2 ** 51;
/** 2^52: partial sums of scaled integers below this are exact in doubles (every integer up to 2^53 is one). */
const SUM_LIMIT = 2 ** 52;
/** Powers of ten exact in doubles, the scales `NumberSum` tries (up to 10^15: a cell keeps 15 significant digits). */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Sum of JS numbers read as decimals, each exactly as `new Decimal(x)` reads it (its shortest
 * round-trip text: 0.1 is "0.1"): `total()` equals `sum(values.map((x) => new Decimal(x)))`, the
 * same Decimal, but without a Decimal per value (a range of 10,000 cell amounts, `npm run bench`).
 *
 * Fast path: the values are held as integers n in units of 10^-k (k the fewest decimals that fit
 * every value so far: 0 for whole amounts, 2 for cents), summed in doubles while every partial sum
 * stays below 2^52, where integer addition in doubles is exact. A value x is taken as n = round(x 10^k)
 * only when n / 10^k === x (IEEE division, rounded once) and |n| < 2^51. Why that is new Decimal(x):
 * n / 10^k then lies in x's rounding interval, whose width is at most ulp(x) <= |x| 2^-52 < 10^-k, so
 * n / 10^k is the only decimal of at most k decimals there; the shortest round-trip text of x lies in
 * the same interval with at most as many significant digits, hence (same magnitude) at most k
 * decimals, so it is n / 10^k. (test/functions/dealFastPaths.test.ts checks it against new Decimal(x)
 * over random and edge values.) Otherwise (more decimals than fit, sums beyond 2^52) the sum continues in
 * Decimal from the exact partial sum: the result is the same either way.
 */
export class NumberSum {
  /** The sum so far in units of 10^-k (an integer below 2^52 in magnitude), while `slow` is undefined. */
  private scaled = 0;
  private k = 0;
  /** The sum once the fast path no longer holds it. */
  private slow: Decimal | undefined;

  add(x: number): void {
    if (this.slow !== undefined) {
      this.slow = this.slow.plus(new Decimal(x));
      return;
    }
    let n = x * POWERS_OF_TEN[this.k];
    if (!(Number.isInteger(n) && n / POWERS_OF_TEN[this.k] === x && Math.abs(n) < SCALED_LIMIT)) {
      n = this.rescaleFor(x);
      if (Number.isNaN(n)) {
        this.slow = this.total().plus(new Decimal(x));
        return;
      }
    }
    const next = this.scaled + n;
    if (Math.abs(next) >= SUM_LIMIT) this.slow = this.total().plus(new Decimal(x));
    else this.scaled = next;
  }

  /** Finds the fewest decimals k' >= k that fit x, rescales the sum to it; x in units of 10^-k', or NaN when none fits. */
  private rescaleFor(x: number): number {
    for (let k = this.k; k < POWERS_OF_TEN.length; k++) {
      const n = Math.round(x * POWERS_OF_TEN[k]);
      if (Math.abs(n) >= SCALED_LIMIT) return NaN;
      if (n / POWERS_OF_TEN[k] !== x) continue;
      const rescaled = this.scaled * POWERS_OF_TEN[k - this.k];
      if (Math.abs(rescaled) >= SUM_LIMIT) return NaN;
      this.scaled = rescaled;
      this.k = k;
      return n;
    }
    return NaN;
  }

  /** The exact sum, as `sum` of the values' Decimals gives it. */
  total(): Decimal {
    return this.slow ?? (this.k === 0 ? new Decimal(this.scaled) : new Decimal(this.scaled).div(POWERS_OF_TEN[this.k]));
  }
}
