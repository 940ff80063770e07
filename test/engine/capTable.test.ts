import {
  capitalIncrease,
  dec,
  investorStake,
  ownership,
  postMoney,
  pricePerShare,
  issueShares,
  primaryIssue,
  primarySharesForTargetStake,
  roundShares,
  secondaryTransfer,
  sharesForInvestmentAtPreMoney,
} from "../../src/engine";
import { errorOf } from "../support/engineError";

const table = [
  { holder: "Founder", shares: dec(6_000_000) },
  { holder: "Seed Fund", shares: dec(3_000_000) },
  { holder: "Pool", shares: dec(1_000_000) },
];

describe("ownership", () => {
  test("fractions of the total", () => {
    expect(ownership(table.map((r) => r.shares)).map(String)).toEqual(["0.6", "0.3", "0.1"]);
  });
  test("thirds sum to 1 within the precision", () => {
    const o = ownership([dec(1), dec(1), dec(1)]);
    expect(o[0].toString()).toBe("0.3333333333333333333333333333333333333333");
    expect(
      o
        .reduce((a, b) => a.plus(b))
        .minus(1)
        .abs()
        .lte("1e-39"),
    ).toBe(true);
  });
  test("all zero is an error of kind num (no result for valid inputs)", () => {
    expect(errorOf(() => ownership([dec(0), dec(0)])).kind).toBe("num");
  });
  test("negative shares are rejected", () => {
    expect(errorOf(() => ownership([dec(1), dec(-1)])).message).toBe("shares must not be negative, got -1");
  });
});

describe("capital increase", () => {
  test("price per share, post-money, new shares, investor stake", () => {
    expect(pricePerShare(dec(8_000_000), dec(10_000_000)).toString()).toBe("0.8");
    expect(postMoney(dec(8_000_000), dec(2_000_000)).toString()).toBe("10000000");
    const round = capitalIncrease({
      preMoney: dec(8_000_000),
      investment: dec(2_000_000),
      fullyDilutedShares: dec(10_000_000),
      netDebt: dec(1_000_000),
    });
    expect(round.newShares.toString()).toBe("2500000");
    expect(round.investorStake.toString()).toBe("0.2");
    expect(round.netDebtAtClosing?.toString()).toBe("-1000000");
    expect(round.enterpriseValueAtClosing?.toString()).toBe("9000000");
  });

  test("new shares are rounded down by default and the amount invested follows", () => {
    const round = capitalIncrease({ preMoney: dec(3), investment: dec(1), fullyDilutedShares: dec(7) });
    // price 3/7; 1 / (3/7) = 2.333.. -> 2 shares; paid 6/7.
    expect(round.newShares.toString()).toBe("2");
    expect(round.amountInvested.toSignificantDigits(20).toString()).toBe("0.85714285714285714286");
    expect(capitalIncrease({ preMoney: dec(3), investment: dec(1), fullyDilutedShares: dec(7), rounding: "UP" }).newShares.toString()).toBe("3");
  });

  test("shares for a target stake", () => {
    expect(primarySharesForTargetStake(dec(0.5), dec(1000)).toString()).toBe("1000");
    expect(primarySharesForTargetStake(dec(0.2), dec(1000)).toString()).toBe("250");
    expect(primarySharesForTargetStake(dec(0.3), dec(1000)).toString()).toBe("428");
    expect(primarySharesForTargetStake(dec(0.3), dec(1000), "NEAREST").toString()).toBe("429");
    const exact = primarySharesForTargetStake(dec(0.3), dec(1000), "NONE");
    expect(investorStake(exact, dec(1000)).toSignificantDigits(30).toString()).toBe("0.3");
  });

  test("a whole count stays whole: no share lost to a rounded intermediate quotient", () => {
    // 99.25% of the shares after the issue, 297 shares before: 0.9925 x 297 / 0.0075 = 39303 exactly.
    expect(primarySharesForTargetStake(dec(0.9925), dec(297)).toString()).toBe("39303");
    expect(primarySharesForTargetStake(dec(0.9925), dec(297), "UP").toString()).toBe("39303");
    // 1000 at a pre-money of 1000 for 3 shares (price 333.33...): exactly 3 new shares, whatever the policy.
    expect(sharesForInvestmentAtPreMoney(dec(1000), dec(1000), dec(3)).toString()).toBe("3");
    expect(sharesForInvestmentAtPreMoney(dec(1000), dec(1000), dec(3), "UP").toString()).toBe("3");
    expect(capitalIncrease({ preMoney: dec(1000), investment: dec(1000), fullyDilutedShares: dec(3), rounding: "UP" }).newShares.toString()).toBe(
      "3",
    );
    expect(errorOf(() => sharesForInvestmentAtPreMoney(dec(1), dec(0), dec(3))).argument).toBe("pre_money");
  });

  test("a target of 100% is rejected", () => {
    expect(errorOf(() => primarySharesForTargetStake(dec(1), dec(1000))).message).toBe("target_stake must be at least 0% and below 100%, got 100%");
  });

  test("rounding policies", () => {
    expect(roundShares(dec("2.5"), "DOWN").toString()).toBe("2");
    expect(roundShares(dec("2.5"), "UP").toString()).toBe("3");
    expect(roundShares(dec("2.5"), "NEAREST").toString()).toBe("3");
    expect(roundShares(dec("2.5"), "NONE").toString()).toBe("2.5");
  });
});

describe("secondary transfer", () => {
  test("shares move from seller to an existing buyer; totals unchanged", () => {
    const rows = secondaryTransfer(table, "founder", "seed fund", dec(1_000_000));
    expect(rows.map((r) => [r.holder, r.sharesAfter.toString(), r.ownershipAfter.toString()])).toEqual([
      ["Founder", "5000000", "0.5"],
      ["Seed Fund", "4000000", "0.4"],
      ["Pool", "1000000", "0.1"],
    ]);
  });

  test("a new buyer is added at the end", () => {
    const rows = secondaryTransfer(table, "Founder", "Growth LP", dec(600_000));
    expect(rows[3]).toMatchObject({ holder: "Growth LP" });
    expect(rows[3].sharesBefore.toString()).toBe("0");
    expect(rows[3].ownershipAfter.toString()).toBe("0.06");
  });

  test("errors name the argument and the rule", () => {
    expect(errorOf(() => secondaryTransfer(table, "Nobody", "X", dec(1))).message).toBe('seller "Nobody" is not one of the holders');
    expect(errorOf(() => secondaryTransfer(table, "Pool", "X", dec(2_000_000))).message).toBe(
      'shares_sold must not exceed the seller\'s holding: "Pool" holds 1000000, got 2000000',
    );
    expect(errorOf(() => secondaryTransfer(table, "Pool", "pool", dec(1))).argument).toBe("buyer");
    expect(errorOf(() => secondaryTransfer([...table, { holder: " founder ", shares: dec(1) }], "Pool", "X", dec(1))).message).toBe(
      'holders must be unique: "founder" appears more than once',
    );
  });
});

describe("primary issue", () => {
  test("investor added, existing holders diluted", () => {
    const { rows, round } = primaryIssue(table, "Series A", dec(2_500_000), dec(10_000_000));
    expect(round.pricePerShare.toString()).toBe("1");
    expect(round.newShares.toString()).toBe("2500000");
    expect(rows.map((r) => [r.holder, r.sharesAfter.toString(), r.ownershipAfter.toString()])).toEqual([
      ["Founder", "6000000", "0.48"],
      ["Seed Fund", "3000000", "0.24"],
      ["Pool", "1000000", "0.08"],
      ["Series A", "2500000", "0.2"],
    ]);
  });

  test("an existing holder investing is topped up", () => {
    const { rows } = primaryIssue(table, "Seed Fund", dec(1_000_000), dec(10_000_000));
    expect(rows).toHaveLength(3);
    expect(rows[1].sharesAfter.toString()).toBe("4000000");
  });
});

describe("issue of a given number of shares", () => {
  test("new holder appended, existing holder topped up, others unchanged", () => {
    const added = issueShares(table, "Series A", dec(2_500_000));
    expect(added.map((r) => [r.holder, r.sharesBefore.toString(), r.sharesAfter.toString(), r.ownershipAfter.toString()])).toEqual([
      ["Founder", "6000000", "6000000", "0.48"],
      ["Seed Fund", "3000000", "3000000", "0.24"],
      ["Pool", "1000000", "1000000", "0.08"],
      ["Series A", "0", "2500000", "0.2"],
    ]);
    const topped = issueShares(table, " seed fund ", dec(1_000_000));
    expect(topped).toHaveLength(3);
    expect(topped[1].sharesAfter.toString()).toBe("4000000");
    expect(topped[1].ownershipBefore.toString()).toBe("0.3");
  });

  test("negative share counts and empty names are refused, naming the argument", () => {
    expect(errorOf(() => issueShares(table, "X", dec(-1))).argument).toBe("new_shares");
    expect(errorOf(() => issueShares(table, "  ", dec(1))).argument).toBe("investor");
  });
});
