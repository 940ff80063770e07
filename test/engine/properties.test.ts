/**
 * Property tests: the invariants of the ownership and valuation maths, over random inputs.
 */
import fc from "fast-check";
import {
  Decimal,
  bridge,
  dec,
  enterpriseValue,
  equityValue,
  investorStake,
  ownership,
  primaryIssue,
  primarySharesForTargetStake,
  secondaryTransfer,
  stakeSale,
  sum,
} from "../../src/engine";

/** Amounts as users type them: up to 1e12 with cents. */
const amount = fc.integer({ min: -1e14, max: 1e14 }).map((c) => new Decimal(c).div(100));
const positiveShares = fc.integer({ min: 1, max: 1e12 }).map((n) => new Decimal(n));
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(1_000_000));

describe("properties", () => {
  test("EV -> equity -> EV round-trips exactly", () => {
    fc.assert(
      fc.property(amount, amount, amount, (ev, nd, oc) => {
        expect(enterpriseValue(equityValue(ev, nd, oc), nd, oc).eq(ev)).toBe(true);
      }),
    );
  });

  test("ownership sums to 1 (to the 40-digit precision) and is never negative", () => {
    fc.assert(
      fc.property(fc.array(positiveShares, { minLength: 1, maxLength: 60 }), (shares) => {
        const o = ownership(shares);
        expect(sum(o).minus(1).abs().lte(new Decimal(shares.length).times("1e-40"))).toBe(true);
        expect(o.every((f) => f.gte(0) && f.lte(1))).toBe(true);
      }),
    );
  });

  test("a secondary transfer keeps total shares and moves exactly the shares sold", () => {
    fc.assert(
      fc.property(fc.array(positiveShares, { minLength: 1, maxLength: 20 }), fc.nat(), fraction, fc.boolean(), (shares, pick, part, newBuyer) => {
        const table = shares.map((s, i) => ({ holder: `H${i}`, shares: s }));
        const seller = table[pick % table.length];
        const sold = seller.shares.times(part).floor();
        const buyer = newBuyer || table.length === 1 ? "New holder" : table[(pick + 1) % table.length].holder;
        const rows = secondaryTransfer(table, seller.holder, buyer, sold);
        expect(sum(rows.map((r) => r.sharesAfter)).eq(sum(shares))).toBe(true);
        const s = rows.find((r) => r.holder === seller.holder)!;
        expect(s.sharesBefore.minus(s.sharesAfter).eq(sold)).toBe(true);
        const b = rows.find((r) => r.holder === buyer)!;
        expect(b.sharesAfter.minus(b.sharesBefore).eq(sold)).toBe(true);
      }),
    );
  });

  test("a primary issue at a target stake gives exactly that stake (unrounded shares)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }).map((n) => new Decimal(n).div(1_000_000)),
        positiveShares,
        (target, existing) => {
          const issued = primarySharesForTargetStake(target, existing, "NONE");
          expect(investorStake(issued, existing).minus(target).abs().lte("1e-35")).toBe(true);
        },
      ),
    );
  });

  test("rounded down, a primary issue never gives more than the target stake", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }).map((n) => new Decimal(n).div(1_000_000)),
        positiveShares,
        (target, existing) => {
          const issued = primarySharesForTargetStake(target, existing);
          expect(issued.isInteger()).toBe(true);
          expect(investorStake(issued, existing).lte(target)).toBe(true);
          expect(investorStake(issued.plus(1), existing).gt(target)).toBe(true);
        },
      ),
    );
  });

  test("after a primary issue, ownership sums to 1 and total shares grow by the new shares", () => {
    fc.assert(
      fc.property(
        fc.array(positiveShares, { minLength: 1, maxLength: 10 }),
        amount.map((a) => a.abs()),
        amount.map((a) => a.abs().plus(1)),
        (shares, investment, pre) => {
          const table = shares.map((s, i) => ({ holder: `H${i}`, shares: s }));
          const { rows, round } = primaryIssue(table, "Investor", investment, pre);
          expect(sum(rows.map((r) => r.sharesAfter)).eq(sum(shares).plus(round.newShares))).toBe(true);
          expect(
            sum(rows.map((r) => r.ownershipAfter))
              .minus(1)
              .abs()
              .lte("1e-38"),
          ).toBe(true);
        },
      ),
    );
  });

  test("stake sold and stake retained add up to the company, layer by layer", () => {
    fc.assert(
      fc.property(
        fraction,
        amount,
        amount,
        amount.map((a) => a.abs()),
        (stake, ev, nd, shl) => {
          const d = stakeSale({ stake, valuation: ev, basis: "EV", netDebt: nd, shareholderLoans: shl });
          for (const k of ["enterpriseValue", "netDebt", "equityValue", "shareholderLoans", "shareEquity"] as const) {
            expect(d.sold[k].plus(d.retained[k]).eq(d.company[k])).toBe(true);
          }
          expect(d.price.shares.plus(d.price.shareholderLoans).eq(d.price.total)).toBe(true);
          expect(bridge({ valuation: d.company.equityValue, basis: "EQUITY", netDebt: nd, shareholderLoans: shl }).enterpriseValue.eq(ev)).toBe(true);
        },
      ),
    );
  });

  test("dec() keeps a JS number's shortest decimal form", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(dec(x).toNumber()).toBe(x);
      }),
    );
  });
});
