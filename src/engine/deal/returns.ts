/**
 * Dated returns with Excel's XIRR and XNPV conventions (Microsoft, "XIRR function",
 * https://support.microsoft.com/en-us/office/xirr-function-de1242ec-6477-445b-b11b-a303ad9adc9d, and
 * https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.xirr):
 * - dates are day serial numbers, truncated to whole days ("Numbers in dates are truncated to integers");
 * - the first flow's date d1 is the origin, and every flow is discounted on a 365-day year (actual/365):
 *   XNPV(r) = sum of P_i / (1 + r)^((d_i - d1) / 365); XIRR is the r where XNPV(r) = 0;
 * - errors as the document lists them: a date that is not a valid date (#VALUE!); a date before the
 *   first date, flows and dates of different counts, no positive and negative flow, or no result
 *   found (#NUM!). Microsoft's notes on the standard (MS-OI29500 2.1.1070) say Office accepts dates
 *   before the start date; the function's own page says #NUM!: we follow the page, with a message.
 *
 * Numeric policy (differs from the rest of the engine on purpose): a rate is the root of a sum of
 * powers, not an amount. It is found in doubles, as Excel finds it: Newton's method from the guess
 * (0.1 by default, Excel's), which gives Excel's root when the flows have several; when Newton
 * leaves the domain or stalls, a bracketed search on ln(1 + r) finds a root if one exists. A
 * decimal.js power costs about 0.6 ms, so a 10,000-flow IRR in decimals would take seconds.
 * The sums of amounts (invested, distributed, MOIC) stay exact decimals (`NumberSum` for flows in
 * columns: the same Decimal without one per flow). XNPV is a decimal amount (`xnpv`, 40 digits);
 * `xnpvAsNumber` finds the double that decimal rounds to for a cell without its decimal powers, in
 * double-double with a certified bound, else says it cannot (../doubleDouble.ts): same cell either way.
 */
import { Decimal, NumberSum, ZERO } from "../decimal";
import { type ArgName } from "../engineRules";
import { returnsError } from "../messages/returns";
import { DD_EPSILON, HI, LO, certainDouble, dd, ddAdd, ddDiv, ddExp, ddLog, ddMul, ddOfCellNumber, ddOfDecimal, ddPowInt } from "../doubleDouble";

/** Excel's last valid date serial: 31 December 9999 (Excel's date system limits). */
export const LAST_DATE_SERIAL = 2958465;

/** One dated cash flow: negative when paid (invested), positive when received. `date` is an Excel day serial. */
export interface DatedFlow {
  readonly amount: Decimal;
  readonly date: number;
}

/**
 * Dated flows in two columns, as two ranges of cells give them: `amounts[i]` is a cell's number,
 * standing for the decimal `new Decimal(amounts[i])` reads (its shortest round-trip text), and
 * `dates[i]` an Excel day serial. The same flows as `DatedFlow[]` with those Decimals: every function
 * taking `DatedFlows` gives the same result for both (without a Decimal per flow: `npm run bench`).
 */
export interface FlowColumns {
  readonly amounts: Float64Array;
  readonly dates: Float64Array;
}

/** Dated flows, as a list or in columns. */
export type DatedFlows = readonly DatedFlow[] | FlowColumns;

export function isFlowColumns(flows: DatedFlows): flows is FlowColumns {
  return !Array.isArray(flows);
}

/** Dated flows as a list: the columns' amounts as the Decimals they stand for. */
export function flowList(flows: DatedFlows): readonly DatedFlow[] {
  return isFlowColumns(flows) ? Array.from(flows.amounts, (a, i) => ({ amount: new Decimal(a), date: flows.dates[i] })) : flows;
}

/** Day serial -> whole day, as Excel reads dates (truncated); rejects what is not a date. */
export function wholeDay(date: number, name: ArgName = "dates"): number {
  if (!Number.isFinite(date) || date < 0 || date >= LAST_DATE_SERIAL + 1) {
    throw returnsError("value", "notDates", { subject: name, got: date }, name);
  }
  return Math.trunc(date);
}

/** Years from the first date, actual/365 (XIRR's convention); checks Excel's date rules. */
export function yearsFromFirst(dates: ArrayLike<number>, name: ArgName = "dates"): Float64Array {
  const out = new Float64Array(dates.length);
  // Every date is checked to be a date before any is compared with the first (the errors' order).
  for (let i = 0; i < dates.length; i++) out[i] = wholeDay(dates[i], name);
  const origin = out[0];
  for (let i = 0; i < out.length; i++) {
    const day = out[i];
    if (day < origin) {
      throw returnsError("num", "beforeFirstDate", { subject: name, day, origin, position: i + 1 }, name);
    }
    out[i] = (day - origin) / 365;
  }
  return out;
}

/** The dates of dated flows, as numbers. */
function datesOf(flows: DatedFlows): ArrayLike<number> {
  return isFlowColumns(flows) ? flows.dates : flows.map((f) => f.date);
}

function checkFlows(flows: DatedFlows): { amounts: Float64Array; years: Float64Array } {
  const count = isFlowColumns(flows) ? flows.amounts.length : flows.length;
  if (count < 2) throw returnsError("num", "tooFewFlows", { got: count }, "flows");
  const years = yearsFromFirst(datesOf(flows));
  // new Decimal(x).toNumber() is x again (shortest round-trip text): the columns' amounts are the doubles.
  const amounts = isFlowColumns(flows) ? flows.amounts : Float64Array.from(flows, (f) => f.amount.toNumber());
  let positive = false;
  let negative = false;
  for (let i = 0; i < count; i++) {
    const a = amounts[i];
    if (a > 0) positive = true;
    if (a < 0) negative = true;
  }
  if (years.every((t) => t === 0)) throw returnsError("num", "flowsSameDate", {}, "dates");
  if (!positive || !negative) {
    throw returnsError("num", "flowsOneSign", {}, "flows");
  }
  return { amounts, years };
}

/** XNPV in doubles at x = ln(1 + r): sum of P_i e^(-t_i x), and its derivative in x. */
function npvAt(amounts: Float64Array, years: Float64Array, x: number): [number, number] {
  let f = 0;
  let df = 0;
  for (let i = 0; i < amounts.length; i++) {
    const v = amounts[i] * Math.exp(-years[i] * x);
    f += v;
    df -= years[i] * v;
  }
  return [f, df];
}

/** XNPV = sum of P_i / (1 + rate)^((d_i - d1) / 365), Excel's convention; exact decimals (40 digits). */
export function xnpv(rate: Decimal, flows: DatedFlows): Decimal {
  if (rate.lte(-1)) throw returnsError("num", "aboveMinus100", { subject: "rate", got: rate.times(100).toString() }, "rate");
  const list: readonly DatedFlow[] = isFlowColumns(flows)
    ? Array.from(flows.amounts, (a, i) => ({ amount: new Decimal(a), date: flows.dates[i] }))
    : flows;
  if (list.length === 0) throw returnsError("num", "noFlows", {}, "flows");
  const years = yearsFromFirst(list.map((f) => f.date));
  const base = rate.plus(1);
  let total = ZERO;
  for (let i = 0; i < list.length; i++) {
    const d = Math.round(years[i] * 365);
    total = total.plus(d === 0 ? list[i].amount : list[i].amount.div(base.pow(new Decimal(d).div(365))));
  }
  return total;
}

/** Largest |ln(1 + r) x years| taken in double-double: e^600 stays far inside a double's range. */
const DD_EXPONENT_LIMIT = 600;

/**
 * Sum of P_i / (1 + rate)^(days_i / 365) over the first `count` flows, P_i given as double-doubles in `terms` (hi, lo interleaved),
 * as the double the 40-digit decimal sum rounds to, or undefined when the double-double bound cannot
 * decide it (see ../doubleDouble.ts). Discount factor e^(-ln(1 + rate) days / 365) per flow, or
 * 1 / (1 + rate)^n by repeated squaring on a whole number n of years (at most 12 products); the bound
 * per term is |term| x DD_EPSILON x (1 + |exponent| + years), far above the real error of either.
 */
export function discountedSumAsNumber(rate: Decimal, terms: Float64Array, days: Float64Array, count: number): number | undefined {
  if (!ddOfDecimal(rate)) return undefined;
  ddAdd(dd[HI], dd[LO], 1, 0);
  const bh = dd[HI];
  const bl = dd[LO];
  if (!(bh > 0)) return undefined;
  /** |ln(1 + r)| in doubles, for the bound and the range checks. */
  const logSize = Math.abs(Math.log(bh));
  // ln(1 + r) in double-double, computed at the first date that is not a whole number of years.
  let lh = NaN;
  let ll = 0;
  let sh = 0;
  let sl = 0;
  let bound = 0;
  for (let i = 0; i < count; i++) {
    const ph = terms[2 * i];
    const pl = terms[2 * i + 1];
    if (ph === 0 && pl === 0) continue;
    const d = days[i];
    let th = ph;
    let tl = pl;
    let size = 1;
    if (d !== 0) {
      const years = d / 365;
      if (!(logSize * years <= DD_EXPONENT_LIMIT)) return undefined;
      size = 1 + logSize * years + years;
      if (Number.isInteger(years) && years <= 64) {
        // A whole number of years (an anniversary): P / (1 + r)^n by repeated squaring, no logarithm.
        ddPowInt(bh, bl, years);
        ddDiv(ph, pl, dd[HI], dd[LO]);
      } else {
        if (Number.isNaN(lh)) {
          ddLog(bh, bl);
          lh = dd[HI];
          ll = dd[LO];
        }
        // exponent = -ln(1 + r) x d / 365
        ddMul(lh, ll, -d, 0);
        ddDiv(dd[HI], dd[LO], 365, 0);
        ddExp(dd[HI], dd[LO]);
        ddMul(ph, pl, dd[HI], dd[LO]);
      }
      th = dd[HI];
      tl = dd[LO];
    }
    ddAdd(sh, sl, th, tl);
    sh = dd[HI];
    sl = dd[LO];
    bound += Math.abs(th) * size;
  }
  // The sum's own rounding: 2^-104 per addition, inside DD_EPSILON's margin once counted per term.
  return certainDouble(sh, sl, bound * DD_EPSILON * (1 + count * 2 ** -14));
}

/**
 * `xnpv(rate, flows).toNumber()` (the cell's value) without a decimal power per flow: the same
 * checks in the same order, then `discountedSumAsNumber`; undefined when that cannot decide the
 * double, or an amount is not a cell's number: the caller then computes `xnpv` in decimals.
 */
export function xnpvAsNumber(rate: Decimal, flows: DatedFlows): number | undefined {
  if (rate.lte(-1)) throw returnsError("num", "aboveMinus100", { subject: "rate", got: rate.times(100).toString() }, "rate");
  const columns = isFlowColumns(flows);
  const count = columns ? flows.amounts.length : flows.length;
  if (count === 0) throw returnsError("num", "noFlows", {}, "flows");
  const { terms, days } = scratch(count);
  // yearsFromFirst's checks, in its order (every date a date, then none before the first), on whole days.
  for (let i = 0; i < count; i++) days[i] = wholeDay(columns ? flows.dates[i] : flows[i].date);
  const origin = days[0];
  for (let i = 0; i < count; i++) {
    const day = days[i];
    if (day < origin) throw returnsError("num", "beforeFirstDate", { subject: "dates", day, origin, position: i + 1 }, "dates");
    days[i] = day - origin;
  }
  for (let i = 0; i < count; i++) {
    if (!(columns ? ddOfCellNumber(flows.amounts[i]) : ddOfDecimal(flows[i].amount))) return undefined;
    terms[2 * i] = dd[HI];
    terms[2 * i + 1] = dd[LO];
  }
  return discountedSumAsNumber(rate, terms, days, count);
}

let scratchTerms = new Float64Array(64);
let scratchDays = new Float64Array(32);
/** Buffers for `discountedSumAsNumber`'s terms and days, reused from call to call (one cell after another). */
export function scratch(count: number): { terms: Float64Array; days: Float64Array } {
  if (scratchDays.length < count) {
    scratchTerms = new Float64Array(2 * count);
    scratchDays = new Float64Array(count);
  }
  return { terms: scratchTerms, days: scratchDays };
}

/**
 * XIRR: the rate r with XNPV(r) = 0 (actual/365 from the first date), Newton from `guess` as Excel
 * iterates, then a bracketed search on ln(1 + r) if Newton fails. Converged to the last bits of a double.
 */
export function xirr(flows: DatedFlows, guess = 0.1): number {
  const r = xirrRoot(flows, guess);
  if (!Number.isFinite(r)) throw returnsError("num", "irrTooLarge", {}, "flows");
  return r;
}

function xirrRoot(flows: DatedFlows, guess: number): number {
  if (!(guess > -1)) throw returnsError("value", "aboveMinus100", { subject: "guess", got: String(guess * 100) }, "guess");
  const { amounts, years } = checkFlows(flows);
  // Newton in x = ln(1 + r): the domain r > -1 is all of x, and the function is smooth in x.
  let x = Math.log1p(guess);
  for (let i = 0; i < 100; i++) {
    // Excel stops after 100 iterations; so does this Newton, before the bracketed search.
    const [f, df] = npvAt(amounts, years, x);
    if (!Number.isFinite(f) || !Number.isFinite(df) || df === 0) break;
    const step = f / df;
    x -= step;
    if (!Number.isFinite(x)) break;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) return Math.expm1(x);
  }
  return Math.expm1(bracketedRoot(amounts, years, Math.log1p(guess)));
}

/**
 * Sign of the XNPV at x = ln(1 + r), scaled so no power overflows: e^(t_ref x) > 0 times the sum, with
 * t_ref the latest time when x < 0 and 0 when x >= 0, so every exponent is <= 0.
 */
function scaledSign(amounts: Float64Array, years: Float64Array, x: number): number {
  let tRef = 0;
  if (x < 0) for (const t of years) if (t > tRef) tRef = t;
  let f = 0;
  for (let i = 0; i < amounts.length; i++) f += amounts[i] * Math.exp(-(years[i] - tRef) * x);
  return Math.sign(f);
}

/** A root of sum P_i e^(-t_i x) found by scanning outward from x0 for a sign change, then bisection. */
function bracketedRoot(amounts: Float64Array, years: Float64Array, x0: number): number {
  const sign = (x: number) => scaledSign(amounts, years, x);
  const s0 = sign(x0);
  if (s0 === 0) return x0;
  // Steps in ln(1 + r) from 0.01, growing by half each time, out to |x| = 1e6 (r from -100% to beyond any double: a root is always reached when one exists).
  const LIMIT = 1e6;
  let lo = x0;
  let hi = x0;
  for (let step = 0.01; lo > -LIMIT || hi < LIMIT; step *= 1.5) {
    const nextLo = Math.max(-LIMIT, lo - step);
    if (sign(nextLo) !== s0) return bisect(sign, nextLo, lo);
    lo = nextLo;
    const nextHi = Math.min(LIMIT, hi + step);
    if (sign(nextHi) !== s0) return bisect(sign, hi, nextHi);
    hi = nextHi;
  }
  throw returnsError("num", "noIrr", {}, "flows");
}

/** Bisection of a sign change in [lo, hi] down to adjacent doubles. */
function bisect(sign: (x: number) => number, lo: number, hi: number): number {
  const sLo = sign(lo);
  for (let i = 0; i < 2200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    const s = sign(mid);
    if (s === 0) return mid;
    if (s === sLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface DealReturns {
  /** XIRR of the flows (see `xirr`). */
  readonly irr: number;
  /** Sum of the amounts paid (negative flows), as a positive amount. */
  readonly invested: Decimal;
  /** Sum of the amounts received (positive flows). */
  readonly distributed: Decimal;
  /** Multiple on invested capital = distributed / invested (gross, undiscounted). */
  readonly moic: Decimal;
  /** Net gain = distributed - invested. */
  readonly netGain: Decimal;
  /** Holding period in years = (last date - first date) / 365. */
  readonly years: Decimal;
  /** Average cash yield = amounts received before the last date / invested / holding years (the last date is the exit). */
  readonly cashYield: Decimal;
}

/** IRR (XIRR), MOIC, net gain, holding period and average cash yield of one holder's dated flows. */
export function dealReturns(flows: DatedFlows, guess = 0.1): DealReturns {
  const irr = xirr(flows, guess);
  const dates = datesOf(flows);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const day = Math.trunc(dates[i]);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  let invested: Decimal;
  let distributed: Decimal;
  let running: Decimal;
  if (isFlowColumns(flows)) {
    // The same exact sums as below, without a Decimal per flow (see NumberSum).
    const paid = new NumberSum();
    const received = new NumberSum();
    const beforeLast = new NumberSum();
    for (let i = 0; i < flows.amounts.length; i++) {
      const a = flows.amounts[i];
      if (a < 0) paid.add(-a);
      else {
        received.add(a);
        if (Math.trunc(flows.dates[i]) < last) beforeLast.add(a);
      }
    }
    invested = paid.total();
    distributed = received.total();
    running = beforeLast.total();
  } else {
    invested = ZERO;
    distributed = ZERO;
    running = ZERO;
    for (const f of flows) {
      if (f.amount.isNegative()) invested = invested.minus(f.amount);
      else {
        distributed = distributed.plus(f.amount);
        if (Math.trunc(f.date) < last) running = running.plus(f.amount);
      }
    }
  }
  const years = new Decimal(last - first).div(365);
  return {
    irr,
    invested,
    distributed,
    moic: distributed.div(invested),
    netGain: distributed.minus(invested),
    years,
    cashYield: running.div(invested).div(years),
  };
}
