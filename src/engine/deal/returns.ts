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
 * The sums of amounts (invested, distributed, MOIC) stay exact decimals.
 */
import { Decimal, ZERO } from "../decimal";
import { type ArgName, engineError } from "../engineRules";

/** Excel's last valid date serial: 31 December 9999 (Excel's date system limits). */
export const LAST_DATE_SERIAL = 2958465;

/** One dated cash flow: negative when paid (invested), positive when received. `date` is an Excel day serial. */
export interface DatedFlow {
  readonly amount: Decimal;
  readonly date: number;
}

/** Day serial -> whole day, as Excel reads dates (truncated); rejects what is not a date. */
export function wholeDay(date: number, name: ArgName = "dates"): number {
  if (!Number.isFinite(date) || date < 0 || date >= LAST_DATE_SERIAL + 1) {
    throw engineError("value", "notDates", { subject: name, got: date }, name);
  }
  return Math.trunc(date);
}

/** Years from the first date, actual/365 (XIRR's convention); checks Excel's date rules. */
export function yearsFromFirst(dates: readonly number[], name: ArgName = "dates"): Float64Array {
  const days = dates.map((d) => wholeDay(d, name));
  const origin = days[0];
  const out = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) {
    if (days[i] < origin) {
      throw engineError("num", "beforeFirstDate", { subject: name, day: days[i], origin, position: i + 1 }, name);
    }
    out[i] = (days[i] - origin) / 365;
  }
  return out;
}

function checkFlows(flows: readonly DatedFlow[]): { amounts: Float64Array; years: Float64Array } {
  if (flows.length < 2) throw engineError("num", "tooFewFlows", { got: flows.length }, "flows");
  const years = yearsFromFirst(flows.map((f) => f.date));
  const amounts = new Float64Array(flows.length);
  let positive = false;
  let negative = false;
  for (let i = 0; i < flows.length; i++) {
    const a = flows[i].amount.toNumber();
    amounts[i] = a;
    if (a > 0) positive = true;
    if (a < 0) negative = true;
  }
  if (years.every((t) => t === 0)) throw engineError("num", "flowsSameDate", {}, "dates");
  if (!positive || !negative) {
    throw engineError("num", "flowsOneSign", {}, "flows");
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
export function xnpv(rate: Decimal, flows: readonly DatedFlow[]): Decimal {
  if (rate.lte(-1)) throw engineError("num", "aboveMinus100", { subject: "rate", got: rate.times(100).toString() }, "rate");
  if (flows.length === 0) throw engineError("num", "noFlows", {}, "flows");
  const years = yearsFromFirst(flows.map((f) => f.date));
  const base = rate.plus(1);
  let total = ZERO;
  for (let i = 0; i < flows.length; i++) {
    const d = Math.round(years[i] * 365);
    total = total.plus(d === 0 ? flows[i].amount : flows[i].amount.div(base.pow(new Decimal(d).div(365))));
  }
  return total;
}

/**
 * XIRR: the rate r with XNPV(r) = 0 (actual/365 from the first date), Newton from `guess` as Excel
 * iterates, then a bracketed search on ln(1 + r) if Newton fails. Converged to the last bits of a double.
 */
export function xirr(flows: readonly DatedFlow[], guess = 0.1): number {
  const r = xirrRoot(flows, guess);
  if (!Number.isFinite(r)) throw engineError("num", "irrTooLarge", {}, "flows");
  return r;
}

function xirrRoot(flows: readonly DatedFlow[], guess: number): number {
  if (!(guess > -1)) throw engineError("value", "aboveMinus100", { subject: "guess", got: String(guess * 100) }, "guess");
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
  throw engineError("num", "noIrr", {}, "flows");
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
export function dealReturns(flows: readonly DatedFlow[], guess = 0.1): DealReturns {
  const irr = xirr(flows, guess);
  let invested = ZERO;
  let distributed = ZERO;
  let first = Infinity;
  let last = -Infinity;
  for (const f of flows) {
    const day = Math.trunc(f.date);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  let running = ZERO;
  for (const f of flows) {
    if (f.amount.isNegative()) invested = invested.minus(f.amount);
    else {
      distributed = distributed.plus(f.amount);
      if (Math.trunc(f.date) < last) running = running.plus(f.amount);
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
