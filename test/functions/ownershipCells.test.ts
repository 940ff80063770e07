/**
 * The shortcuts that make TENDER with 20,000 sellers and PRICEDROUND with 20,000 investors fast
 * (issue 13, item 6; bench/cases/large-inputs.ts) give exactly the figures of the exact paths:
 * - `fractionOfWholeShares` / `ownershipCells`: a whole share count over a whole total in doubles is
 *   `toCell(shares.div(total))` to the last bit, and anything else takes the decimal division;
 * - `sameShareCount`'s whole-count exit answers as its formula does;
 * - TENDER's cells (from `tenderMoves`, ownership by `ownershipCells`) are `tenderOffer`'s figures;
 * - PRICEDROUND's "% after" is the round's own (lazily computed) `ownershipAfter`.
 * Generated: share counts from 0 to 2^53 - 1, fractional and negative counts, totals past 2^53.
 */
import fc from "fast-check";
import { Decimal, SHARE_TOLERANCE, pricedRound, sameShareCount, tenderMoves, tenderOffer } from "../../src/engine";
import { fractionOfWholeShares, ownershipCells, toCell } from "../../src/functions/excel";
import * as f from "../../src/functions/functions";

const MAX = Number.MAX_SAFE_INTEGER;
const whole = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 1_000_000_000 }),
  fc.integer({ min: 0, max: MAX }),
  fc.constantFrom(0, 1, 3, 7, 49, 97, 2 ** 52, 2 ** 53 - 2, MAX, 3 ** 33),
);

describe("ownership of whole share counts in doubles", () => {
  test("fractionOfWholeShares(c, t) is toCell(c / t) at 40 digits, for every 0 <= c <= t < 2^53", () => {
    fc.assert(
      fc.property(whole, whole, (a, b) => {
        const [c, t] = a <= b ? [a, b] : [b, a];
        if (t === 0) return;
        const fast = fractionOfWholeShares(c, t);
        expect(fast).toBe(toCell(new Decimal(c).div(t)));
        expect(Object.is(fast, -0)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test("hard quotients: 1 over a total near 2^53, thirds, sevenths, neighbours of powers of two", () => {
    const pairs: [number, number][] = [
      [1, MAX],
      [MAX - 1, MAX],
      [1, 3],
      [2, 3],
      [1, 7],
      [2 ** 52 + 1, 2 ** 53 - 1],
      [2 ** 52 - 1, 2 ** 52 + 1],
      [123456789, 987654321],
      [0, 5],
    ];
    for (const [c, t] of pairs) expect(fractionOfWholeShares(c, t)).toBe(toCell(new Decimal(c).div(t)));
  });

  test("ownershipCells gives toCell(shares / total) for any shares and total, whole or not", () => {
    const anyCount = fc.oneof(
      whole.map((n) => new Decimal(n)),
      fc.double({ min: -1e6, max: 1e16, noNaN: true }).map((n) => new Decimal(n)),
      fc.constantFrom(new Decimal("1e20"), new Decimal("9007199254740993"), new Decimal("0.5"), new Decimal(-3), new Decimal("1234.000001")),
    );
    fc.assert(
      fc.property(anyCount, anyCount, (shares, total) => {
        if (total.isZero()) return;
        let exact: number | string;
        try {
          exact = toCell(shares.div(total));
        } catch (e) {
          exact = String(e);
        }
        let fast: number | string;
        try {
          fast = ownershipCells(total)(shares);
        } catch (e) {
          fast = String(e);
        }
        expect(fast).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("sameShareCount's whole-count exit", () => {
  /** The formula, written out: |a - b| <= 1e-12 x max(|a|, |b|). */
  const formula = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(Decimal.max(a.abs(), b.abs()).times(SHARE_TOLERANCE));
  const near = fc.oneof(
    fc.integer({ min: -1e12 + 2, max: 1e12 - 2 }),
    fc.constantFrom(999_999_999_999, -999_999_999_999, 1e12, -1e12, 1e12 + 1, 2 ** 53 - 1, 0),
    fc.integer({ min: 1e12 - 5, max: 1e12 + 5 }),
  );

  test("answers as the formula for whole counts on both sides of 10^12, and for counts close to each other", () => {
    fc.assert(
      fc.property(near, fc.integer({ min: -3, max: 3 }), near, fc.boolean(), (a, d, b, close) => {
        const x = new Decimal(a);
        const y = new Decimal(close ? a + d : b);
        expect(sameShareCount(x, y)).toBe(formula(x, y));
      }),
      { numRuns: 3000 },
    );
  });

  test("within the tolerance above 10^12 one share apart is the same count; below it never", () => {
    expect(sameShareCount(new Decimal(2e12), new Decimal(2e12 + 1))).toBe(true);
    expect(sameShareCount(new Decimal(999_999_999_998), new Decimal(999_999_999_999))).toBe(false);
    expect(sameShareCount(new Decimal("100.0000000000001"), new Decimal(100))).toBe(true);
  });
});

describe("TENDER and PRICEDROUND give the exact paths' figures", () => {
  const holding = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.double({ min: 0.001, max: 1e7, noNaN: true }),
    fc.constantFrom(1, 3, 7, 2 ** 40),
  );

  test("TENDER's cells are tenderOffer's figures, to the last bit", () => {
    fc.assert(
      fc.property(
        fc.array(holding, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0, 1, 1.5, 0.1, 3.3333),
        fc.boolean(),
        (shares, picks, price, newBuyer) => {
          if (shares.every((s) => s === 0)) return;
          const holders = shares.map((_, i) => `H${i + 1}`);
          const buyer = newBuyer ? "Buyer" : holders[holders.length - 1];
          const sellers = [...new Set(picks.map(([i]) => i % shares.length))].filter((i) => holders[i] !== buyer);
          if (sellers.length === 0) return;
          const sold = sellers.map((i) => Math.floor(shares[i] * picks[0][1]));
          const cells = f.tenderFn(
            holders.map((h) => [h]),
            shares.map((s) => [s]),
            sellers.map((i) => [holders[i]]),
            sold.map((s) => [s]),
            buyer,
            price,
          ) as unknown[][];
          const exact = tenderOffer(
            holders.map((h, i) => ({ holder: h, shares: new Decimal(shares[i]) })),
            sellers.map((i, k) => ({ seller: holders[i], shares: new Decimal(sold[k]) })),
            buyer,
            new Decimal(price),
          );
          const expected = exact.rows.map((x) => [
            x.holder,
            toCell(x.sharesBefore),
            toCell(x.ownershipBefore),
            toCell(x.sharesSold),
            toCell(x.sharesBought),
            toCell(x.sharesAfter),
            toCell(x.ownershipAfter),
            toCell(x.cash),
          ]);
          expect(cells.slice(1, 1 + expected.length)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("tenderOffer is tenderMoves plus ownership = shares / total shares", () => {
    const table = [
      { holder: "A", shares: new Decimal(700) },
      { holder: "B", shares: new Decimal("300.5") },
    ];
    const sales = [{ seller: "A", shares: new Decimal(100) }];
    const moves = tenderMoves(table, sales, "C", new Decimal(2));
    const offer = tenderOffer(table, sales, "C", new Decimal(2));
    expect(moves.totalShares.toString()).toBe("1000.5");
    expect(offer.rows.map((r) => r.ownershipAfter.toString())).toEqual(moves.rows.map((r) => r.sharesAfter.div("1000.5").toString()));
    expect(offer.rows.map((r) => ({ ...r, ownershipBefore: undefined, ownershipAfter: undefined }))).toEqual(moves.rows);
  });

  test("PRICEDROUND's % after is the round's ownershipAfter, for whole and fractional share counts", () => {
    fc.assert(
      fc.property(
        fc.array(holding, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("DOWN", "NONE", "NEAREST"),
        (shares, amounts, rounding) => {
          if (shares.every((s) => s === 0)) return;
          const holders = shares.map((_, i) => `H${i + 1}`);
          const investors = [["Investor", "Amount"], ...amounts.map((a, i) => [`I${i + 1}`, a])];
          const cells = f.pricedRoundFn(
            holders.map((h) => [h]),
            shares.map((s) => [s]),
            30_000_000,
            investors,
            null,
            undefined,
            rounding,
          ) as unknown[][];
          const round = pricedRound({
            holdings: holders.map((h, i) => ({ holder: h, shares: new Decimal(shares[i]) })),
            preMoney: new Decimal(30_000_000),
            investors: amounts.map((a, i) => ({ name: `I${i + 1}`, amount: new Decimal(a) })),
            rounding: rounding as "DOWN" | "NONE" | "NEAREST",
          });
          expect(cells.slice(1, 1 + round.rows.length).map((r) => r[4])).toEqual(round.rows.map((r) => toCell(r.ownershipAfter)));
          round.rows.forEach((r) => expect(r.ownershipAfter.eq(r.sharesAfter.div(round.postMoneyShares))).toBe(true));
        },
      ),
      { numRuns: 200 },
    );
  });
});
