/**
 * Per-row arithmetic of long tables (CAPTABLE.TENDER, CAPTABLE.PRICEDROUND) on whole share counts
 * and whole amounts, in doubles where that is provably the cell the exact decimal path gives, to the
 * last bit; by that exact path otherwise. A 20,000-row table made 5 or 6 short-lived Decimals per row,
 * and collecting them was 40% of the time (`npm run bench`, large inputs).
 *
 * Each function here equals an expression of the exact path, named in its comment; the proof is in
 * the comment, and test/functions/wholeCounts.test.ts compares both over random and edge inputs.
 * Facts used (IEEE 754 doubles, round to nearest, ties to even):
 * - every integer of magnitude up to 2^53 is a double; a sum, difference or product of such integers
 *   is computed exactly when its exact value is at most 2^53 - 1 in magnitude, and a computed
 *   magnitude at most 2^53 - 1 proves that (rounding is monotonic and 2^53 is a double);
 * - one division of two doubles returns the exact quotient rounded once to the nearest double;
 * - decimal.js's `toNumber` is `+text`, and a decimal text converts to the nearest double (ECMAScript
 *   StringToNumber); its `times` and `div` return the exact result rounded once to 40 significant
 *   digits, half to even (the precision policy, src/engine/decimal.ts).
 */
import { Decimal, ShareRounding, roundShares } from "../engine";
import { toCell } from "./excel";

/** The largest whole count handled here: 2^53 - 1. */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
const MAX_WHOLE_DECIMAL = new Decimal(MAX_WHOLE);

/** 10^0 … 10^22, every one a double exactly (5^22 < 2^53), written as literals (`Math.pow` is not required to be exact). */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** A whole number from 0 to 2^53 - 1 (-0 included: read as 0). */
export const isWholeCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/**
 * n x `price` as a cell, for whole n with |n| <= 2^53 - 1: `toCell(new Decimal(n).times(price))` to the
 * last bit (TENDER's cash column, (sold - bought) x price).
 *
 * Why it is exact. Let price = s / 10^k, s an integer and k its decimal places (computed once). When
 * k <= 22 and |s| <= 2^53 - 1, s and 10^k are doubles exactly. If the computed n x s is at most
 * 2^53 - 1 in magnitude, it is the exact product, an integer; its division by 10^k returns the exact
 * n x price rounded once to the nearest double. The exact path multiplies two numbers of at most 16
 * significant digits each: at most 32 digits, within 40, so its product is exact too, and `toNumber`
 * rounds that same value once to the nearest double. A zero product gives 0, never -0, as `toCell`
 * does. Otherwise (longer prices, larger products) the exact path computes the cell.
 */
export function wholeTimesCell(price: Decimal): (n: number) => number {
  const k = price.decimalPlaces();
  const scaled = k < POWERS_OF_TEN.length ? price.times(POWERS_OF_TEN[k]) : undefined;
  const s = scaled !== undefined && scaled.abs().lte(MAX_WHOLE_DECIMAL) ? scaled.toNumber() : undefined;
  const ten = POWERS_OF_TEN[k];
  return (n) => {
    if (s !== undefined) {
      const product = n * s;
      if (Math.abs(product) <= MAX_WHOLE) {
        const cell = product / ten;
        return cell === 0 ? 0 : cell;
      }
    }
    return toCell(new Decimal(n).times(price));
  };
}

/**
 * The cells of n / `total` (ownership) for whole counts 0 <= n <= total: `ownershipCells(total)` given
 * `new Decimal(n)`, without the Decimal. When the total is whole, positive and at most 2^53 - 1, the
 * cell is n / total in doubles (`fractionOfWholeShares`, which proves it is the exact path's double);
 * otherwise `toCell(new Decimal(n).div(total))`, the exact path itself.
 */
export function ownershipOfCounts(total: Decimal): (n: number) => number {
  const whole = total.isInteger() && total.gt(0) && total.lte(MAX_WHOLE_DECIMAL);
  const t = whole ? total.toNumber() : 0;
  // n <= t: `fractionOfWholeShares(n, t)`, written out (c = 0 gives 0, never -0).
  return (n) => (whole && n <= t ? (n === 0 ? 0 : n / t) : toCell(new Decimal(n).div(total)));
}

/** |y - q| stays below this margin in `wholeSharesAt` (2^-10; the bound proved there is 2.6e-4). */
const MARGIN = 2 ** -10;
/** The largest quotient `wholeSharesAt` decides in doubles: 2^40 (about 1.1e12 shares). */
const MAX_QUOTIENT = 2 ** 40;

/**
 * Shares bought for a whole amount a (0 <= a <= 2^53 - 1) at `price`, rounded by the policy, as a whole
 * number: the value of `roundShares(new Decimal(a).div(price), rounding)` (PRICEDROUND's new money
 * shares), or undefined when that is more than 2^53 - 1 or the rounding is "NONE" (the caller then
 * takes the exact path). `price` must be greater than 0.
 *
 * Why it is exact. Let x = a / price exactly, y = x rounded to 40 significant digits (the exact path's
 * quotient), and q = a / p in doubles, p the price's nearest double. Both p and q are rounded once
 * (relative error at most u = 2^-53 each), so |q - x| <= x 2u / (1 - u); with q < 2^40 that is below
 * 2.6e-4, and |y - x| <= 5e-40 x adds nothing visible: |y - q| < 2.6e-4 < 2^-10. With n = floor(q) and
 * f = q - n (exact: Sterbenz), when f is at least 2^-10 away from the value where the rounding changes
 * (an integer for "DOWN" and "UP", n + 1/2 for "NEAREST", half up), y lies on the same side as q: the
 * result is n, n + 1, or n or n + 1 by the side of 1/2. Otherwise y is within 0.0013 of that threshold
 * c (n, n + 1 or n + 1/2), and only the side of c it lands on is left to decide, exactly, in integers
 * (`sideOf`): y >= c exactly when x >= c - h, h half the 40-digit step just below c, and y <= c exactly
 * when x <= c + h', h' half the step just above c (a tie would go to c, whose 40th digit is an even 0;
 * with whole amounts up to 2^53 none arises).
 * Quotients of 2^40 and more are left to the exact path.
 */
export function wholeSharesAt(price: Decimal, rounding: ShareRounding): (a: number) => number | undefined {
  const p = price.toNumber();
  const usable = rounding !== "NONE" && p >= 2 ** -1000 && p < Infinity;
  const side = usable ? sideOf(price) : undefined;
  const exact = (a: number): number | undefined => {
    const d = roundShares(new Decimal(a).div(price), rounding);
    return d.lte(MAX_WHOLE_DECIMAL) && d.isInteger() ? d.toNumber() : undefined;
  };
  return (a) => {
    if (side === undefined) return exact(a);
    if (a === 0) return 0;
    const q = a / p;
    if (!(q < MAX_QUOTIENT)) return exact(a);
    const n = Math.floor(q);
    const f = q - n;
    if (rounding === "NEAREST") {
      if (f <= 0.5 - MARGIN) return n;
      if (f >= 0.5 + MARGIN) return n + 1;
      // y within 0.0013 of n + 1/2: half up gives n + 1 exactly when y >= n + 1/2.
      return side.atLeast(a, 2 * n + 1) ? n + 1 : n;
    }
    if (f >= MARGIN && f <= 1 - MARGIN) return rounding === "DOWN" ? n : n + 1;
    // y within 0.0013 of the whole number c.
    const c = f < MARGIN ? n : n + 1;
    if (rounding === "DOWN") return c === 0 || side.atLeast(a, 2 * c) ? c : c - 1; // y < 1 when c = 0
    return c === 0 ? 1 : side.atMost(a, 2 * c) ? c : c + 1; // "UP"; a > 0, so y > 0: ceil is 1 when c = 0
  };
}

/** 10^i as BigInts, made when first needed. */
const BIG_POWERS: bigint[] = [];
function bigPowerOfTen(i: number): bigint {
  for (let j = BIG_POWERS.length; j <= i; j++) BIG_POWERS.push(j === 0 ? 1n : BIG_POWERS[j - 1] * 10n);
  return BIG_POWERS[i];
}

/**
 * Which side of a threshold c = c2 / 2 (c2 a positive whole number below 2^42) the 40-digit quotient
 * y = round(a / price) lands on, decided in integers. price = m / 10^k exactly (m an integer of at most
 * 40 digits). With E = floor(log10 c), the 40-digit step is 10^(E - 39) just above c, and just below c
 * too unless c = 10^E (then 10^(E - 40)); h = half of it = 5 x 10^-j. Then
 *   y >= c  <=>  a / price >= c - h  <=>  2 a 10^(k + j) >= m (c2 10^j - 10),
 *   y <= c  <=>  a / price <= c + h  <=>  2 a 10^(k + j) <= m (c2 10^j + 10).
 */
function sideOf(price: Decimal): { atLeast(a: number, c2: number): boolean; atMost(a: number, c2: number): boolean } {
  const k = price.decimalPlaces();
  const m = BigInt(price.times(new Decimal(10).pow(k)).toFixed(0));
  /** floor(log10(c2 / 2)) for c2 >= 1: the largest E with 10^E <= c2 / 2. */
  const exponent = (c2: number): number => {
    let e = -1;
    while (e + 1 < POWERS_OF_TEN.length && 2 * POWERS_OF_TEN[e + 1] <= c2) e++;
    return e;
  };
  const compare = (a: number, c2: number, below: boolean): number => {
    const e = exponent(c2);
    const powerOfTen = e >= 0 && c2 === 2 * POWERS_OF_TEN[e];
    const j = below && powerOfTen ? 41 - e : 40 - e; // h = 5 x 10^-j
    const left = 2n * BigInt(a) * bigPowerOfTen(k + j);
    const right = m * (BigInt(c2) * bigPowerOfTen(j) + (below ? -10n : 10n));
    return left < right ? -1 : left > right ? 1 : 0;
  };
  return {
    atLeast: (a, c2) => compare(a, c2, true) >= 0,
    atMost: (a, c2) => compare(a, c2, false) <= 0,
  };
}
