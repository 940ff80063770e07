/**
 * Double-double arithmetic (a value is hi + lo, two doubles, about 32 significant digits), for the
 * few places where a 40-digit decimal.js power is too slow to call once per cell: a discount factor
 * (1 + r)^(-t) or a compound factor (1 + r/m)^(m t) with a fractional exponent costs about 0.5 ms in
 * decimal.js (npm run bench: DEALNPV, DEFERREDPV, PIKACCRUED).
 *
 * It never replaces the decimal result. It only decides which double the decimal result rounds to:
 * the callers compute v in double-double with an error bound e far larger than the real error, and
 * when every value of [v - e, v + e] rounds to the same double, that double is the cell's value
 * (the decimal path's 40-digit result lies in the interval); otherwise they compute in decimals.
 * The algorithms are those of Hida, Li and Bailey's QD library ("Library for double-double and
 * quad-double arithmetic", 2007; https://www.davidhbailey.com/dhbsoftware/): Dekker's error-free
 * sum and product, exp by reduction (k ln 2, then / 512), a Taylor series and nine squarings, and
 * log by one Newton step on exp from the double logarithm. Accuracy about 1e-31 relative for the
 * arguments used here; the callers' bound assumes 2^-90 (8e-28), see `DD_EPSILON`. Speed: a cell
 * of DEALNPV over 5 flows costs about 4 microseconds of CPU instead of about 1 ms.
 *
 * Results are returned in the module's two registers (`dd[HI]`, `dd[LO]`) to avoid allocating an
 * array per operation: read them right after each call.
 */

import type { Decimal } from "./decimal";

/** The result of the last operation: dd[HI] + dd[LO], |dd[LO]| <= ulp(dd[HI]) / 2 (a typed array: writing a double allocates nothing). */
export const dd = new Float64Array(2);
export const HI = 0;
export const LO = 1;

/**
 * The relative error the callers assume per unit of argument size: 2^-90, about 8e-28. The
 * algorithms give about 2^-104 (5e-32) per operation; chained in an exp or a log, the worst error
 * measured against 60-digit decimals is about 1/10,000 of this bound (test/functions/dealFastPaths.test.ts
 * checks it stays under 1/100).
 */
export const DD_EPSILON = 2 ** -90;

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd[HI] = s;
  dd[LO] = a - (s - bb) + (b - bb);
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  dd[HI] = s;
  dd[LO] = b - (s - a);
}

/** Exact product a b = hi + lo (Dekker). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  dd[HI] = p;
  dd[LO] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = dd[HI];
  const sl = dd[LO];
  twoSum(al, bl);
  const th = dd[HI];
  const tl = dd[LO];
  quickTwoSum(sh, sl + th);
  quickTwoSum(dd[HI], dd[LO] + tl);
}

/** (ah + al) x (bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const ph = dd[HI];
  const pl = dd[LO] + (ah * bl + al * bh);
  quickTwoSum(ph, pl);
}

/** (ah + al) / (bh + bl): a quotient digit, its remainder, a second digit, a third. */
export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -dd[HI], -dd[LO]);
  let rh = dd[HI];
  let rl = dd[LO];
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -dd[HI], -dd[LO]);
  rh = dd[HI];
  rl = dd[LO];
  const q3 = rh / bh;
  quickTwoSum(q1, q2);
  ddAdd(dd[HI], dd[LO], q3, 0);
}

const LN2_HI = 6.931471805599452862e-1;
const LN2_LO = 2.319046813846299558e-17;
/** 1/6 and 1/24 as double-doubles (computed once by ddDiv). */
ddDiv(1, 0, 6, 0);
const INVERSE_6_HI = dd[HI];
const INVERSE_6_LO = dd[LO];
ddDiv(1, 0, 24, 0);
const INVERSE_24_HI = dd[HI];
const INVERSE_24_LO = dd[LO];

/**
 * e^a - 1 as m with e^a = (1 + m) 2^k: sets `dd` to m and returns k. With k = 0 (|a| < ln 2 / 2)
 * m is e^a - 1 itself, accurate relative to it (no cancellation against 1). |a| must be below 700.
 */
export function ddExpParts(ah: number, al: number): number {
  const k = Math.round(ah / LN2_HI);
  // r = (a - k ln 2) / 512
  twoProd(k, LN2_HI);
  const ph = dd[HI];
  const pl = dd[LO] + k * LN2_LO;
  ddAdd(ah, al, -ph, -pl);
  const rh = dd[HI] / 512;
  const rl = dd[LO] / 512;
  // e^r - 1 = r + r^2/2 + r^3/3! + r^4/4! + tail, |r| < 7e-4. The terms up to r^4/4! in double-double; the
  // tail r^5/5! (1 + r/6 (1 + r/7 (1 + r/8 (1 + r/9)))) is below 2e-15 of r, so a double's rounding of it
  // is below 3e-31 of r, and the first term left out, r^10/10!, below 1e-37 of r.
  ddMul(rh, rl, rh, rl);
  const r2h = dd[HI];
  const r2l = dd[LO];
  ddMul(r2h, r2l, rh, rl);
  const r3h = dd[HI];
  const r3l = dd[LO];
  ddMul(r3h, r3l, rh, rl);
  const r4h = dd[HI];
  const r4l = dd[LO];
  const tail = ((r4h * rh) / 120) * (1 + (rh / 6) * (1 + (rh / 7) * (1 + (rh / 8) * (1 + rh / 9))));
  ddMul(r4h, r4l, INVERSE_24_HI, INVERSE_24_LO);
  ddAdd(dd[HI], dd[LO], tail, 0);
  const t4h = dd[HI];
  const t4l = dd[LO];
  ddMul(r3h, r3l, INVERSE_6_HI, INVERSE_6_LO);
  ddAdd(dd[HI], dd[LO], t4h, t4l);
  ddAdd(dd[HI], dd[LO], r2h * 0.5, r2l * 0.5);
  ddAdd(dd[HI], dd[LO], rh, rl);
  let sh = dd[HI];
  let sl = dd[LO];
  // Nine squarings: e^(2x) - 1 = m (m + 2) with m = e^x - 1.
  for (let i = 0; i < 9; i++) {
    ddAdd(sh, sl, 2, 0);
    ddMul(sh, sl, dd[HI], dd[LO]);
    sh = dd[HI];
    sl = dd[LO];
  }
  dd[HI] = sh;
  dd[LO] = sl;
  return k;
}

/** (ah + al)^n for a whole n >= 1, by repeated squaring (at most 2 log2(n) products). Sets `dd`. */
export function ddPowInt(ah: number, al: number, n: number): void {
  let rh = 1;
  let rl = 0;
  let xh = ah;
  let xl = al;
  for (let e = n; ;) {
    if (e % 2 === 1) {
      ddMul(rh, rl, xh, xl);
      rh = dd[HI];
      rl = dd[LO];
    }
    e = Math.floor(e / 2);
    if (e === 0) break;
    ddMul(xh, xl, xh, xl);
    xh = dd[HI];
    xl = dd[LO];
  }
  dd[HI] = rh;
  dd[LO] = rl;
}

/** e^a: sets `dd`. |a| must be below 700. */
export function ddExp(ah: number, al: number): void {
  const k = ddExpParts(ah, al);
  ddAdd(dd[HI], dd[LO], 1, 0);
  const scale = 2 ** k;
  dd[HI] *= scale;
  dd[LO] *= scale;
}

/** e^a - 1: sets `dd`. |a| must be below 700. */
export function ddExpm1(ah: number, al: number): void {
  const k = ddExpParts(ah, al);
  if (k === 0) return;
  const mh = dd[HI];
  const ml = dd[LO];
  ddAdd(mh, ml, 1, 0);
  const scale = 2 ** k;
  ddAdd(dd[HI] * scale, dd[LO] * scale, -1, 0);
}

/** ln a for a > 0: the double logarithm x, then one Newton step x + a e^(-x) - 1 (QD's log). Sets `dd`. */
export function ddLog(ah: number, al: number): void {
  const x = Math.log(ah);
  // a e^(-x) - 1 = a (e^(-x) - 1) + (a - 1), each part without cancellation when a is near 1.
  const k = ddExpParts(-x, 0);
  if (k === 0) {
    const mh = dd[HI];
    const ml = dd[LO];
    ddMul(ah, al, mh, ml);
    const th = dd[HI];
    const tl = dd[LO];
    ddAdd(ah, al, -1, 0);
    ddAdd(th, tl, dd[HI], dd[LO]);
  } else {
    ddAdd(dd[HI], dd[LO], 1, 0);
    const scale = 2 ** k;
    ddMul(ah, al, dd[HI] * scale, dd[LO] * scale);
    ddAdd(dd[HI], dd[LO], -1, 0);
  }
  ddAdd(x, 0, dd[HI], dd[LO]);
}

/** 2^51: below it a scaled integer stands for one decimal only (see NumberSum in ./decimal.ts). */
const SCALED_LIMIT = 2 ** 51;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The double-double of the decimal a cell's number x stands for (its shortest round-trip text, as
 * `new Decimal(x)` reads it: 0.1 is the decimal 0.1, not the double's binary value): x = n / 10^k
 * exactly with |n| < 2^51 (the argument of NumberSum, ./decimal.ts), then n / 10^k in double-double.
 * Returns false (registers unset) when x has more decimals than that: the caller takes the decimal path.
 */
export function ddOfCellNumber(x: number): boolean {
  for (let k = 0; k < POWERS_OF_TEN.length; k++) {
    const n = Math.round(x * POWERS_OF_TEN[k]);
    if (Math.abs(n) >= SCALED_LIMIT) return false;
    if (n / POWERS_OF_TEN[k] !== x) continue;
    if (k === 0) {
      dd[HI] = n;
      dd[LO] = 0;
    } else ddDiv(n, 0, POWERS_OF_TEN[k], 0);
    return true;
  }
  return false;
}

/**
 * The decimal value of a Decimal in double-double (relative error about 2^-104): sets `dd` and returns
 * true when it is n / 10^k with |n| < 2^51 and k <= 22 (every cell amount, rate and probability);
 * false otherwise (a computed 40-digit Decimal): the caller then takes the decimal path. Reads the
 * Decimal's digits (`d`, base 10^7 words) and exponent (`e`), decimal.js's documented read-only
 * properties (its README, "x.d // [ 12345, 6700000 ] digits (base 10000000)"), with no text conversion.
 */
export function ddOfDecimal(value: Decimal): boolean {
  const words = value.d as readonly number[] | null; // null for NaN and infinities
  if (words === null) return false;
  if (words.length === 0 || words[0] === 0) {
    dd[HI] = 0;
    dd[LO] = 0;
    return true;
  }
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    n = n * 1e7 + words[i];
    if (n >= SCALED_LIMIT) return false;
  }
  const first = words[0];
  const firstDigits = first >= 1e6 ? 7 : first >= 1e5 ? 6 : first >= 1e4 ? 5 : first >= 1e3 ? 4 : first >= 100 ? 3 : first >= 10 ? 2 : 1;
  // value = s x n x 10^(e - digits + 1)
  const exponent = value.e - (firstDigits + 7 * (words.length - 1)) + 1;
  n *= value.s;
  if (exponent >= 0) {
    if (exponent > 15) return false;
    n *= 10 ** exponent;
    if (Math.abs(n) >= SCALED_LIMIT) return false;
    dd[HI] = n;
    dd[LO] = 0;
    return true;
  }
  if (exponent < -22) return false;
  ddDiv(n, 0, 10 ** -exponent, 0);
  return true;
}

/**
 * The double every value of [v - e, v + e] rounds to (v = vh + vl), or undefined when two doubles
 * share the interval. A double-double's nearest double is hi + lo in one rounded addition (Decimal's
 * toNumber rounds to nearest too, ties to even, as IEEE addition does).
 */
export function certainDouble(vh: number, vl: number, e: number): number | undefined {
  twoSum(vh, -e);
  const low = dd[HI] + (dd[LO] + vl);
  twoSum(vh, e);
  const high = dd[HI] + (dd[LO] + vl);
  return low === high && Number.isFinite(low) ? low : undefined;
}
