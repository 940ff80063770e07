/**
 * Priced-round conventions chosen by an argument: the pool target on the whole pool (granted,
 * promised and unissued) besides the unissued pool; anti-dilution of preferred classes inside a down
 * round, solved with the price. Worked examples from public sources, solved by hand beside them.
 */
import { RoundHolding, dec, pricedRound } from "../../../src/engine";

// YC Post-Money Safe User Guide, Appendix II, Example 1 (see round.test.ts): 9,250,000 founder shares,
// 300,000 options outstanding, 350,000 promised, 100,000 unissued; two post-money SAFEs; $5M at $15M pre.
const YC_HOLDINGS: RoundHolding[] = [
  { holder: "Founders", shares: dec(9_250_000) },
  { holder: "Options outstanding", shares: dec(300_000), option: true },
  { holder: "Promised options", shares: dec(350_000), option: true },
  { holder: "Option pool", shares: dec(100_000), pool: true },
];
const YC_SAFES = [
  { holder: "Investor A", kind: "POST_SAFE" as const, amount: dec(200_000), cap: dec(4_000_000) },
  { holder: "Investor B", kind: "POST_SAFE" as const, amount: dec(800_000), cap: dec(8_000_000) },
];

describe("pool target on the whole pool (granted, promised and unissued)", () => {
  const round = (basis?: "UNISSUED" | "TOTAL") =>
    pricedRound({
      holdings: YC_HOLDINGS,
      preMoney: dec(15_000_000),
      investors: [{ name: "Series A", amount: dec(5_000_000) }],
      pool: { target: dec(0.1), basis },
      instruments: YC_SAFES,
      rounding: "NONE",
    });

  test("10% of post-money on the whole pool: T = 3,745,000,000 / 221, increase = 208,750,000 / 221 (by hand)", () => {
    // Company Capitalization B = 10,000,000 / 0.85 (both caps bind); the new money owns 5/20 of T;
    // whole pool after = 750,000 + increase = 10% of T, so T (1 - 0.25 - 0.1) = B - 750,000.
    const r = round("TOTAL");
    expect(r.postMoneyShares.minus(dec(3_745_000_000).div(221)).abs().lte("1e-30")).toBe(true);
    expect(r.poolIncrease.minus(dec(208_750_000).div(221)).abs().lte("1e-30")).toBe(true);
    expect(r.poolAfter.div(r.postMoneyShares).minus(0.1).abs().lte("1e-35")).toBe(true);
    expect(r.poolBasis).toBe("TOTAL");
  });

  test("the default is unchanged: the unissued pool alone (T = 3,966,000,000 / 221, as in round.test.ts)", () => {
    for (const r of [round(), round("UNISSUED")]) {
      expect(r.postMoneyShares.minus(dec(3_966_000_000).div(221)).abs().lte("1e-30")).toBe(true);
      expect(r.poolBasis).toBe("UNISSUED");
      expect(r.poolAfter.div(r.postMoneyShares).minus(0.1).abs().lte("1e-35")).toBe(true);
    }
  });

  test("a whole-pool target already met by the granted options adds nothing", () => {
    const r = pricedRound({
      holdings: YC_HOLDINGS,
      preMoney: dec(15_000_000),
      investors: [{ name: "Series A", amount: dec(5_000_000) }],
      pool: { target: dec(0.02), basis: "TOTAL" },
      rounding: "NONE",
    });
    expect(r.poolIncrease.toString()).toBe("0");
  });
});
