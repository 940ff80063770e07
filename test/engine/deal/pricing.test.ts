/**
 * Price mechanics at completion: the formulas of shared/research/domain.md §2.1 (sources there:
 * dealacademy.co.uk, privateequitybro.com, Fieldfisher, wilson-partners.co.uk). No public source in
 * the stored corpus gives a numbered locked-box or completion-accounts example, so the examples are
 * built on the OpCore deal with illustrative figures (net debt and loans are not public), each figure
 * computed by hand below; identities are property tests.
 */
import fc from "fast-check";
import { Decimal, completionAccounts, deferredConsiderationPV, lockedBoxPrice, pikAccrued, priceSplit } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const d = (v: number | string) => new Decimal(v);
const BOX = 45657; // 31/12/2024
const COMPLETION = 45747; // 31/3/2025: 90 days later

describe("locked box", () => {
  // OpCore, illustrative: EV 860M less net debt 212,437,519.36 = 647,562,480.64 at the box, of which loans 148.25M.
  const equityAtBox = d("647562480.64");

  test("ticker on the whole equity price: 647,562,480.64 x 5% x 90 / 365 = 7,983,647.02", () => {
    const r = lockedBoxPrice({ equityAtBox, boxDate: BOX, completionDate: COMPLETION, tickerRate: d(0.05), tickerBase: "EQUITY" });
    expect(r.days).toBe(90);
    expect(r.ticker.toFixed(6)).toBe("7983647.021589");
    expect(r.price.toFixed(2)).toBe("655546127.66");
  });

  test("ticker on the shares only (the loans accrue their own interest): (647.56M - 148.25M) x 5% x 90 / 365", () => {
    const r = lockedBoxPrice({
      equityAtBox,
      boxDate: BOX,
      completionDate: COMPLETION,
      tickerRate: d(0.05),
      tickerBase: "SHARES",
      shareholderLoansAtBox: d(148250000),
    });
    expect(r.tickerBaseAmount!.toString()).toBe("499312480.64");
    expect(r.ticker.toFixed(6)).toBe("6155907.295562");
  });

  test("leakage is refunded euro for euro, except the permitted part; a daily ticker", () => {
    const r = lockedBoxPrice({
      equityAtBox: d(1000),
      boxDate: BOX,
      completionDate: COMPLETION,
      tickerPerDay: d(0.5),
      tickerBase: "EQUITY",
      leakage: d(30),
      permittedLeakage: d(10),
    });
    expect([r.ticker.toString(), r.leakageDeducted.toString(), r.price.toString()]).toEqual(["45", "20", "1025"]);
  });

  test("errors name the argument and the rule", () => {
    const base = { equityAtBox: d(1000), boxDate: BOX, completionDate: COMPLETION, tickerBase: "EQUITY" as const };
    expect(errorOf(() => lockedBoxPrice({ ...base, completionDate: BOX - 1 })).message).toBe(
      "completion_date must not be before box_date, got -1 days",
    );
    expect(errorOf(() => lockedBoxPrice({ ...base, leakage: d(5), permittedLeakage: d(6) })).message).toBe(
      "permitted_leakage (6) must not exceed leakage (5): it is the permitted part of it",
    );
    expect(errorOf(() => lockedBoxPrice({ ...base, tickerRate: d(0.05), tickerBase: "SHARES" })).argument).toBe("shareholder_loans");
    expect(errorOf(() => lockedBoxPrice({ ...base, tickerRate: d(0.05), tickerPerDay: d(1) })).argument).toBe("ticker_per_day");
  });
});

describe("completion accounts", () => {
  test("estimated 67, final 61: the seller's true-up of 6 takes the escrow of 3, then 3 more", () => {
    const r = completionAccounts({
      enterpriseValue: d(100),
      debtLike: d(5),
      targetWorkingCapital: d(20),
      estimatedNetDebt: d(30),
      estimatedWorkingCapital: d(22),
      finalNetDebt: d(32),
      finalWorkingCapital: d(18),
      escrow: d(3),
    });
    expect(
      [r.estimatedPrice, r.finalPrice, r.trueUp, r.paidAtCompletion, r.escrowToSeller, r.escrowToBuyer, r.buyerPaysAfter, r.sellerPaysAfter].map(
        String,
      ),
    ).toEqual(["67", "61", "-6", "64", "0", "3", "0", "3"]);
  });

  test("property: what the seller receives in the end is the final price", () => {
    const amount = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        fc.integer({ min: 0, max: 100_000 }),
        (ev, dl, t, end, enwc, fnd, fnwc, esc) => {
          const input = {
            enterpriseValue: d(ev + 3_000_000),
            debtLike: d(dl),
            targetWorkingCapital: d(t),
            estimatedNetDebt: d(end),
            estimatedWorkingCapital: d(enwc),
            finalNetDebt: d(fnd),
            finalWorkingCapital: d(fnwc),
            escrow: d(esc),
          };
          const r = completionAccounts(input);
          expect(r.paidAtCompletion.plus(r.escrowToSeller).plus(r.buyerPaysAfter).minus(r.sellerPaysAfter).eq(r.finalPrice)).toBe(true);
          expect(r.escrowToSeller.plus(r.escrowToBuyer).eq(input.escrow)).toBe(true);
        },
      ),
    );
  });
});

describe("deferred consideration and PIK loans", () => {
  test("10M a year after completion at 10%: 9,090,909.09; an earn-out at 50% probability: half", () => {
    expect(deferredConsiderationPV(COMPLETION, [{ amount: d(10_000_000), date: COMPLETION + 365 }], d(0.1)).toFixed(6)).toBe("9090909.090909");
    expect(deferredConsiderationPV(COMPLETION, [{ amount: d(10_000_000), date: COMPLETION + 365 }], d(0.1), [d(0.5)]).toFixed(6)).toBe(
      "4545454.545455",
    );
    expect(errorOf(() => deferredConsiderationPV(COMPLETION, [{ amount: d(1), date: COMPLETION - 2 }], d(0.1))).message).toBe(
      "dates must not be before completion_date (payment 1 is 2 days before)",
    );
  });

  test("PIK at 8% over 500 days, as a note's interest: simple 100 x 8% x 500/365, yearly 100 x (1.08^(500/365) - 1)", () => {
    expect(pikAccrued(d(100), d(0.08), 45000, 45500, "SIMPLE").toFixed(10)).toBe("10.9589041096");
    expect(pikAccrued(d(100), d(0.08), 45000, 45500, "ANNUAL").toFixed(10)).toBe(d(1.08).pow(d(500).div(365)).minus(1).times(100).toFixed(10));
    expect(pikAccrued(d(100), d(0.08), 45000, 45500, "ANNUAL").toFixed(6)).toBe("11.118397");
    expect(pikAccrued(d(100), d(0.08), 45000, 45365, "ANNUAL").toString()).toBe("8");
  });
});

describe("price split between loans at accrued face value and shares", () => {
  // Equity price 500; A holds 50 shares and 150 of loans, B 50 shares and 50 of loans (not pro rata).
  const positions = [
    { holder: "A", shares: d(50), loans: d(150), sharesSold: d(50), loansSold: d(150) },
    { holder: "B", shares: d(50), loans: d(50), sharesSold: d(25), loansSold: d(25) },
  ];

  test("share equity 300, 3 a share; A sells all (300), B half (125)", () => {
    const r = priceSplit(d(500), positions);
    expect([r.shareEquity.toString(), r.pricePerShare.toString()]).toEqual(["300", "3"]);
    expect(r.rows.map((x) => [x.holder, x.sharesPrice.toString(), x.loansPrice.toString(), x.total.toString()])).toEqual([
      ["A", "150", "150", "300"],
      ["B", "75", "25", "100"],
    ]);
  });

  test("property: when every holder sells everything, the split adds up to the price", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (holders, extra) => {
          const ps = holders.map(([s, l], i) => ({ holder: `H${i}`, shares: d(s), loans: d(l), sharesSold: d(s), loansSold: d(l) }));
          const price = d(holders.reduce((a, [, l]) => a + l, 0) + extra);
          expect(priceSplit(price, ps).total.minus(price).abs().lte(d("1e-25"))).toBe(true);
        },
      ),
    );
  });

  test("errors: more sold than held, loans above the price", () => {
    expect(errorOf(() => priceSplit(d(500), [{ ...positions[0], sharesSold: d(60) }])).message).toBe(
      'Shares sold of "A" (60) must not exceed its shares (50)',
    );
    expect(errorOf(() => priceSplit(d(100), positions)).message).toBe(
      "the loans at accrued face value (200) exceed the equity price (100): the loans are not worth face value, so this split does not apply",
    );
  });
});
