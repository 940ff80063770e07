/**
 * The whole-count fast paths of CAPTABLE.TENDER and CAPTABLE.PRICEDROUND (issue 13, item 6;
 * src/functions/wholeCounts.ts, `tenderWhole` and `roundWhole` in src/functions/venture.ts) give the
 * exact paths' cells to the last bit, or their errors word for word, or hand the call over:
 * - `wholeTimesCell(price)(n)` is `toCell(new Decimal(n).times(price))`;
 * - `wholeSharesAt(price, rounding)(a)` is `roundShares(new Decimal(a).div(price), rounding)`, including
 *   amounts whose quotient lands on, or within a hair of, a whole number, a half, or a power of ten
 *   (the cases decided in integers), with prices made as the engine makes them (40-digit quotients);
 * - `ownershipOfCounts(total)(n)` is `ownershipCells(total)(new Decimal(n))`;
 * - TENDER and PRICEDROUND: the fast path against the checked path over generated calls, hostile
 *   cells, edge counts near 10^12 and 2^53 and fractional, negative and zero counts included.
 */
import fc from "fast-check";
import { Decimal, ShareRounding, roundShares } from "../../src/engine";
import { ownershipCells, toCell } from "../../src/functions/excel";
import { roundCells, roundChecked, roundWhole, tenderCells, tenderChecked, tenderWhole } from "../../src/functions/venture";
import { ownershipOfCounts, wholeSharesAt, wholeTimesCell } from "../../src/functions/wholeCounts";

const MAX = Number.MAX_SAFE_INTEGER;

/** What a call gives: its value as JSON (-0 kept apart), its error message, or "checked path" when a fast path hands over. */
function outcome(f: () => unknown): string {
  try {
    const v = f();
    return v === undefined ? "checked path" : JSON.stringify(v, (_, x) => (Object.is(x, -0) ? "-0" : x));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const whole = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 1_000_000_000 }),
  fc.integer({ min: 0, max: MAX }),
  fc.constantFrom(0, 1, 3, 7, 2 ** 52, 2 ** 53 - 2, MAX, 3 ** 33, 1e12 - 1, 1e12, 1e15),
);

/** Prices as cells give them (a double's shortest text) and as the engine makes them (a 40-digit quotient). */
const price = fc.oneof(
  fc.constantFrom("0", "1", "1.5", "1.37", "0.1", "0.0001", "2.857142857142857", "1e-7", "1e9", "123456789.123", "1e300", "9007199254740993"),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => new Decimal(x).toString()),
  fc.double({ min: 1e-12, max: 1e20, noNaN: true }).map((x) => new Decimal(x).toString()),
  fc.tuple(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 1e12 })).map(([a, b]) => new Decimal(a).div(b).toString()),
  fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 12 })).map(([a, k]) => new Decimal(a).div(new Decimal(10).pow(k)).toString()),
);

describe("wholeTimesCell", () => {
  test("n x price is toCell(new Decimal(n).times(price)) to the last bit, or its error", () => {
    fc.assert(
      fc.property(whole, fc.boolean(), price, (n, negative, p) => {
        const count = negative ? -n : n;
        const d = new Decimal(p);
        expect(outcome(() => wholeTimesCell(d)(count))).toBe(outcome(() => toCell(new Decimal(count).times(d))));
      }),
      { numRuns: 5000 },
    );
  });

  test("documented values: exact products in doubles, never -0", () => {
    expect(wholeTimesCell(new Decimal(1.5))(7_500)).toBe(11_250);
    expect(wholeTimesCell(new Decimal(1.1))(3)).toBe(3.3); // 3 x 1.1 in doubles is 3.3000000000000003
    expect(Object.is(wholeTimesCell(new Decimal(0))(-5), 0)).toBe(true);
    expect(wholeTimesCell(new Decimal("0.1"))(-3)).toBe(-0.3);
  });
});

describe("wholeSharesAt", () => {
  const roundings: ShareRounding[] = ["DOWN", "UP", "NEAREST", "NONE"];
  /** The exact path's figure: the rounded 40-digit quotient, when a whole number up to 2^53 - 1. */
  const exact = (a: number, p: Decimal, r: ShareRounding): string =>
    outcome(() => {
      const d = roundShares(new Decimal(a).div(p), r);
      return d.isInteger() && d.lte(MAX) ? d.toNumber() : undefined;
    });
  /** A positive price: a double's text or an engine quotient (pre-money / pre-money shares). */
  const positivePrice = fc.oneof(
    price.filter((p) => new Decimal(p).gt(0)),
    fc.tuple(fc.integer({ min: 1, max: 1e11 }), fc.integer({ min: 1, max: 1e9 })).map(([v, s]) => new Decimal(v).div(s).toString()),
  );
  /** Amounts whose quotient is c x price away from a threshold c (whole, half or a power of ten), by a few units or not at all. */
  const near = fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11)),
      fc.boolean(),
      fc.integer({ min: -2, max: 2 }),
    )
    .map(([c, half, by]) => ({ c: half ? c + 0.5 : c, by }));

  test("is roundShares(amount / price) for random amounts and prices, every rounding", () => {
    fc.assert(
      fc.property(whole, positivePrice, fc.constantFrom(...roundings), (a, p, r) => {
        const d = new Decimal(p);
        expect(outcome(() => wholeSharesAt(d, r)(a))).toBe(exact(a, d, r));
      }),
      { numRuns: 5000 },
    );
  });

  test("is roundShares(amount / price) where the quotient is on or next to a whole number, a half or a power of ten", () => {
    fc.assert(
      fc.property(near, positivePrice, fc.constantFrom(...roundings), ({ c, by }, p, r) => {
        const d = new Decimal(p);
        // The whole amounts nearest to c x price, moved by a few units: quotients within a hair of c.
        const a = new Decimal(c).times(d).round().plus(by);
        if (a.lt(0) || a.gt(MAX)) return;
        const amount = a.toNumber();
        expect(outcome(() => wholeSharesAt(d, r)(amount))).toBe(exact(amount, d, r));
      }),
      { numRuns: 5_000 },
    );
  });

  test("is roundShares(amount / price) for prices a / c rounded up or down at 40 digits: quotients a hair either side of c", () => {
    // a / price is then within one 40-digit step of the threshold c (whole, half, or a power of ten,
    // where the step below is ten times finer): both sides of it, and inside and outside the half step.
    const Wide = Decimal.clone({ precision: 80 });
    const threshold = fc.oneof(
      fc.integer({ min: 1, max: 2 ** 40 - 1 }),
      fc.integer({ min: 0, max: 12 }).map((e) => 10 ** e),
      fc.integer({ min: 0, max: 1e9 }).map((n) => n + 0.5),
    );
    fc.assert(
      fc.property(threshold, fc.integer({ min: 1, max: MAX }), fc.integer({ min: -300, max: 300 }), fc.boolean(), (c, a, by, up) => {
        // price = a / c x (1 + by 10^-41), at 40 digits: a / price is c less about c by 10^-41 (a / c alone often has few digits).
        const wide = new Wide(a)
          .div(c)
          .times(new Wide(by).times("1e-41").plus(1))
          .toSignificantDigits(40, up ? Wide.ROUND_UP : Wide.ROUND_DOWN);
        const p = new Decimal(wide.toString());
        for (const r of roundings) expect(outcome(() => wholeSharesAt(p, r)(a))).toBe(exact(a, p, r));
      }),
      { numRuns: 5_000 },
    );
  });

  test("quotients that are whole or half exactly, and those one 40-digit step away", () => {
    // 20/7 at 40 digits is a little below 20/7: 20 x k / price is a little above k, rounded to 40 digits.
    const sevenths = new Decimal(20).div(7);
    for (const r of roundings) {
      for (const a of [20, 40, 7_000, 10_000, 10_010, 1_000_000_000, 3_500_000_000_000]) {
        expect(outcome(() => wholeSharesAt(sevenths, r)(a))).toBe(exact(a, sevenths, r));
      }
      for (const p of [new Decimal(2), new Decimal("0.5"), new Decimal("0.004"), new Decimal("1.000000000000000000000000000000000000001")]) {
        for (const a of [1, 3, 5, 999, 1000, 1001, 10 ** 9 - 1, 10 ** 9, 10 ** 12 + 1, 2 ** 45 + 1, MAX]) {
          expect(outcome(() => wholeSharesAt(p, r)(a))).toBe(exact(a, p, r));
        }
      }
    }
    expect(wholeSharesAt(new Decimal(2), "NEAREST")(5)).toBe(3); // 2.5, half up
    expect(wholeSharesAt(new Decimal(2), "DOWN")(5)).toBe(2);
    expect(wholeSharesAt(new Decimal(2), "UP")(5)).toBe(3);
    expect(wholeSharesAt(new Decimal(2), "NONE")(5)).toBeUndefined(); // not whole: the caller takes the exact path
  });
});

describe("ownershipOfCounts", () => {
  test("is ownershipCells(total) of the count, whole totals or not", () => {
    const total = fc.oneof(
      whole.filter((t) => t > 0).map((t) => new Decimal(t)),
      fc.constantFrom(new Decimal(2).pow(53), new Decimal("1e20"), new Decimal("1000.5"), new Decimal("0.3")),
    );
    fc.assert(
      fc.property(whole, total, (n, t) => {
        const c = n > t.toNumber() ? Math.floor(t.toNumber()) : n;
        expect(outcome(() => ownershipOfCounts(t)(c))).toBe(outcome(() => ownershipCells(t)(new Decimal(c))));
      }),
      { numRuns: 3000 },
    );
  });
});

/** A hostile or unusual cell now and then. */
const hostile = fc.constantFrom(null, undefined, "", "  ", "7", true, NaN, Infinity, -1, -0.5, -0, 0, 0.5, 1e12, 1e12 - 1, 2 ** 53, MAX, 1e300);
/** A share count: whole most of the time, at the edges sometimes. */
const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1e12 - 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 999_999_999_999, 1e12, 2 ** 53 - 1, 2.5, 1 / 3) },
  { weight: 1, arbitrary: hostile },
);
/** A vector laid out as a column, a row, or now and then not a vector. */
const laidOut = (cells: unknown[], asRow: boolean, spoil: number): unknown => {
  if (spoil === 1) return [cells, cells];
  if (spoil === 2) return cells[0];
  return asRow ? [cells] : cells.map((c) => [c]);
};
const spoil = fc.oneof({ weight: 15, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) });
const names = ["Founder", "founder ", "Angel", "Fund I", "Straße", "STRASSE", "Option pool", "ESOP", "Buyer", "Lead"];
const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostile });

describe("TENDER's whole-count fast path", () => {
  const args = fc
    .tuple(
      // Holders unique by their key; a duplicate (an error) is added now and then below.
      fc.uniqueArray(fc.tuple(name, count), {
        minLength: 1,
        maxLength: 7,
        selector: ([n]) => (typeof n === "string" ? n.trim().toUpperCase() : n),
      }),
      fc.array(
        fc.tuple(fc.nat(), fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: hostile })),
        {
          minLength: 1,
          maxLength: 7,
        },
      ),
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom("Buyer", "Lead", " Angel ", "Founder") }, { weight: 1, arbitrary: hostile }),
      fc.oneof({ weight: 6, arbitrary: price.map(Number) }, { weight: 1, arbitrary: hostile }),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: price.map(Number) }, { weight: 1, arbitrary: hostile }),
      fc.tuple(fc.boolean(), fc.boolean(), spoil, spoil),
      fc.boolean(),
      fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([holding, picks, buyer, p, roundPrice, [hRow, sRow, hSpoil, sSpoil], anyName, duplicate]) => {
      if (duplicate) holding.push([` ${String(holding[0][0]).toLowerCase()}`, 5]);
      const hs = holding.map(([n]) => n);
      const ss = holding.map(([, s]) => s);
      // Sellers are mostly holders (a fraction of their holding), now and then anyone.
      const sellers = picks.map(([i]) => (anyName && i % 5 === 0 ? names[i % names.length] : hs[i % hs.length]));
      const sold = picks.map(([i, f]) => {
        const held = ss[i % ss.length];
        return typeof f === "number" && f >= 0 && f <= 1 && typeof held === "number" && Number.isFinite(held) ? Math.floor(held * f) : f;
      });
      return [laidOut(hs, hRow, hSpoil), laidOut(ss, hRow, 0), laidOut(sellers, sRow, sSpoil), laidOut(sold, sRow, 0), buyer, p, roundPrice] as const;
    });

  test("gives the checked path's cells to the last bit, or its error word for word, or hands over; it is taken for everyday calls", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(args, (a) => {
        runs++;
        const f = outcome(() => tenderWhole(...a));
        const c = outcome(() => tenderChecked(...a));
        if (f !== "checked path") {
          fast++;
          expect(f).toBe(c);
        }
        expect(outcome(() => tenderCells(...a))).toBe(c);
      }),
      { numRuns: 4000 },
    );
    expect(fast / runs).toBeGreaterThan(0.1);
  });

  test("a long tender with whole counts takes the fast path and gives the checked path's table", () => {
    const n = 3_000;
    const holders = Array.from({ length: n }, (_, i) => [`Holder ${i + 1}`]);
    const shares = Array.from({ length: n }, (_, i) => [10_000 + i]);
    const sold = Array.from({ length: n }, (_, i) => [Math.floor((10_000 + i) / 4)]);
    for (const p of [1.5, 1.37, 0.1, 12.345678]) {
      const fast = tenderWhole(holders, shares, holders, sold, "Buyer", p, 2);
      expect(fast).toBeDefined();
      expect(outcome(() => fast)).toBe(outcome(() => tenderChecked(holders, shares, holders, sold, "Buyer", p, 2)));
    }
  });

  test("edge cases are handed over: counts from 10^12, fractional or negative counts, a seller selling more than held", () => {
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    const h = col(["A", "B"]);
    expect(tenderWhole(h, col([1e12, 5]), col(["A"]), col([1]), "C", 1, null)).toBeUndefined();
    expect(tenderWhole(h, col([10.5, 5]), col(["A"]), col([1]), "C", 1, null)).toBeUndefined();
    expect(tenderWhole(h, col([10, -5]), col(["A"]), col([1]), "C", 1, null)).toBeUndefined();
    expect(tenderWhole(h, col([10, 5]), col(["A", "A"]), col([6, 5]), "C", 1, null)).toBeUndefined();
    expect(tenderWhole(h, col([10, 5]), col(["A"]), col([1]), "B", 1, null)).toBeDefined();
    expect(tenderWhole(h, col([10, 5]), col(["B"]), col([1]), "B", 1, null)).toBeUndefined(); // the buyer sells: an error, worded by the checked path
  });
});

describe("PRICEDROUND's whole-count fast path", () => {
  const amount = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e15, 2 ** 53 - 1, 1234.56) },
    { weight: 1, arbitrary: hostile },
  );
  const investorName = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 40 }).map((i) => `Investor ${i}`) },
    { weight: 1, arbitrary: fc.constantFrom("Founder", "investor 1", "Option pool", "ESOP", "Lead", "Lead ") },
    { weight: 1, arbitrary: hostile },
  );
  const holder = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom("Founder", "Angel", "Fund I", "Option pool", "ESOP") },
    { weight: 1, arbitrary: hostile },
  );
  const args = fc
    .tuple(
      fc.array(fc.tuple(holder, count), { minLength: 1, maxLength: 4 }),
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 1e10 }) },
        { weight: 2, arbitrary: price.map(Number) },
        { weight: 1, arbitrary: hostile },
      ),
      fc.array(fc.tuple(investorName, amount), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(null, "header", "Amount (EUR)", "blankRow"),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(0.1, 0.15, 0, 2, "10%") }),
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(1000, 0, -5) }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.constantFrom("DOWN", "UP", "NEAREST", "NONE", "nearest", " up ", "AWAY") },
      ),
      fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("ESOP", "Founder", "Nobody") }),
      fc.oneof(
        { weight: 12, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.constant([
            ["Holder", "Type", "Amount", "Cap"],
            ["SAFE 1", "POST_SAFE", 500_000, 10_000_000],
          ]),
        },
      ),
      fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant("TOTAL") }),
    )
    .map(([holding, preMoney, rows, head, target, increase, rounding, poolRow, instruments, poolBasis]) => {
      const investors: unknown[][] = rows.map(([n, a]) => [n, a]);
      if (head === "header") investors.unshift(["Investor", "Amount"]);
      if (head === "Amount (EUR)") investors.unshift([null, "Amount (EUR)"]);
      if (head === "blankRow") investors.splice(1, 0, [null, 0]);
      return [
        holding.map(([h]) => [h]),
        holding.map(([, s]) => [s]),
        preMoney,
        investors,
        target,
        instruments,
        rounding,
        poolRow,
        increase,
        poolBasis,
        null,
        null,
      ] as const;
    });

  test("gives the checked path's cells to the last bit, or its error word for word, or hands over; it is taken for everyday calls", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(args, (a) => {
        runs++;
        const f = outcome(() => roundWhole(...a));
        const c = outcome(() => roundChecked(...a));
        if (f !== "checked path") {
          fast++;
          expect(f).toBe(c);
        }
        expect(outcome(() => roundCells(...a))).toBe(c);
      }),
      { numRuns: 3000 },
    );
    expect(fast / runs).toBeGreaterThan(0.1);
  });

  test("a long round with whole amounts takes the fast path and gives the checked path's table, for every rounding and a pool top-up", () => {
    const n = 3_000;
    const investors = [["Investor", "Amount"], ...Array.from({ length: n }, (_, i) => [`Investor ${i + 1}`, 10_000 + 10 * i])];
    const holders = [["Founders"], ["Option pool"]];
    const shares = [[10_000_000], [500_000]];
    for (const rounding of [null, "UP", "NEAREST"]) {
      for (const [target, increase] of [
        [null, null],
        [0.1, null],
        [null, 123_456],
      ]) {
        const a = [holders, shares, 30_000_000, investors, target, null, rounding, null, increase] as const;
        const fast = roundWhole(...a);
        expect(fast).toBeDefined();
        expect(outcome(() => fast)).toBe(outcome(() => roundChecked(...a)));
      }
    }
  });

  test("instruments, anti-dilution, a pool basis, rounding NONE, fractional amounts and an investor who is a holder are handed over", () => {
    const h = [["Founder"], ["ESOP"]];
    const s = [[1_000_000], [100_000]];
    const inv = [["Lead", 1_000_000]];
    expect(roundWhole(h, s, 9_000_000, inv, null, null, null, null, null)).toBeDefined();
    expect(roundWhole(h, s, 9_000_000, inv, null, null, "NONE", null, null)).toBeUndefined();
    expect(roundWhole(h, s, 9_000_000, [["Lead", 1_000.5]], null, null, null, null, null)).toBeUndefined();
    expect(roundWhole(h, s, 9_000_000, [["founder", 1_000]], null, null, null, null, null)).toBeUndefined();
    expect(
      roundWhole(
        h,
        s,
        9_000_000,
        [
          ["Lead", 1_000],
          ["LEAD", 5],
        ],
        null,
        null,
        null,
        null,
        null,
      ),
    ).toBeUndefined();
    expect(roundWhole(h, s, 9_000_000, inv, 0.1, null, null, null, null, "TOTAL", [["Founder"]])).toBeUndefined();
    expect(
      roundWhole(
        h,
        s,
        9_000_000,
        inv,
        null,
        [
          ["Holder", "Amount"],
          ["S", 5],
        ],
        null,
        null,
        null,
      ),
    ).toBeUndefined();
  });
});
