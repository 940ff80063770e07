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

describe("anti-dilution inside a down round, solved with the price (NVCA weighted average and full ratchet)", () => {
  // Founders 6,000,000 common; Series A 4,000,000 preferred at $1.00 (CP1 $1.00). $5M new money at a $5M
  // pre-money: $0.50 a share before any adjustment, a down round for Series A.
  const base = (method: "BROAD" | "NARROW" | "RATCHET" | "NONE") =>
    pricedRound({
      holdings: [
        { holder: "Founders", shares: dec(6_000_000) },
        { holder: "Series A", shares: dec(4_000_000) },
      ],
      preMoney: dec(5_000_000),
      investors: [{ name: "Series B", amount: dec(5_000_000) }],
      antiDilution: [{ name: "Series A", shares: dec(4_000_000), originalIssuePrice: dec(1), method }],
      rounding: "NONE",
    });
  const close = (x: { minus(y: unknown): { abs(): { lte(z: string): boolean } } }, y: unknown) => x.minus(y).abs().lte("1e-30");

  test("narrow-based: A = 4,000,000, so CP2 = $0.50, ratio 2, price $5/14, T = 28,000,000 (by hand)", () => {
    // Adjustment = 4M x ((4M + T/2) / 9M - 1) = (2/9) T - 20M/9; T = 10M + adjustment + T/2 gives T = 28M.
    const r = base("NARROW");
    expect(close(r.postMoneyShares, 28_000_000)).toBe(true);
    expect(close(r.pricePerShare, dec(5).div(14))).toBe(true);
    const a = r.antiDilution[0];
    expect(close(a.conversionPriceAfter, 0.5)).toBe(true);
    expect(close(a.ratioAfter, 2)).toBe(true);
    expect(close(a.shares, 4_000_000)).toBe(true);
    expect(close(r.rows.find((x) => x.holder === "Series A")!.sharesAfter, 8_000_000)).toBe(true);
  });

  test("broad-based: A = 10,000,000: T = 260M / 11, price $11/26, CP2 = $0.6875 (by hand)", () => {
    const r = base("BROAD");
    expect(close(r.postMoneyShares, dec(260_000_000).div(11))).toBe(true);
    expect(close(r.pricePerShare, dec(11).div(26))).toBe(true);
    expect(close(r.antiDilution[0].conversionPriceAfter, 0.6875)).toBe(true);
  });

  test("full ratchet: CP2 = the round price; the new money still gets half: T = 60,000,000, price $1/6", () => {
    const r = base("RATCHET");
    expect(close(r.postMoneyShares, 60_000_000)).toBe(true);
    expect(close(r.pricePerShare, dec(1).div(6))).toBe(true);
    expect(close(r.antiDilution[0].conversionPriceAfter, r.pricePerShare)).toBe(true);
    expect(close(r.rows.find((x) => x.holder === "Series B")!.ownershipAfter, 0.5)).toBe(true);
  });

  test("NONE, or a price above CP1: nothing changes", () => {
    const r = base("NONE");
    expect(r.pricePerShare.toString()).toBe("0.5");
    expect(r.antiDilution[0].adjusted).toBe(false);
    const up = pricedRound({
      holdings: [
        { holder: "Founders", shares: dec(6_000_000) },
        { holder: "Series A", shares: dec(4_000_000) },
      ],
      preMoney: dec(20_000_000),
      investors: [{ name: "Series B", amount: dec(5_000_000) }],
      antiDilution: [{ name: "Series A", shares: dec(4_000_000), originalIssuePrice: dec(1), method: "BROAD" }],
    });
    expect(up.pricePerShare.toString()).toBe("2");
    expect(up.antiDilution[0].shares.toString()).toBe("0");
  });

  test("Gust's published example: at the solved price of $0.50, Series A converts at $0.888… into 2,812,500, Series B into 2,400,000", () => {
    // docs.equity.gust.com/article/71-anti-dilution: 1,500,000 common, 2,500,000 Series A at $1, 2,000,000 Series B
    // at $2, 1,000,000 options (7,000,000); 2,000,000 Series C at $0.50 ($1,000,000). Broad-based: Series A
    // CP2 = $1 x 8/9. Inside the round the adjustment shares (312,500 + 400,000) join the pre-money, so the pre-money
    // giving a $0.50 price is 0.50 x 9,712,500 - 1,000,000 = $3,856,250.
    const r = pricedRound({
      holdings: [
        { holder: "Common", shares: dec(1_500_000) },
        { holder: "Series A", shares: dec(2_500_000) },
        { holder: "Series B", shares: dec(2_000_000) },
        { holder: "Options", shares: dec(1_000_000) },
      ],
      preMoney: dec(3_856_250),
      investors: [{ name: "Series C", amount: dec(1_000_000) }],
      antiDilution: [
        { name: "Series A", shares: dec(2_500_000), originalIssuePrice: dec(1), method: "BROAD" },
        { name: "Series B", shares: dec(2_000_000), originalIssuePrice: dec(2), method: "BROAD" },
      ],
    });
    expect(r.pricePerShare.toString()).toBe("0.5");
    expect(r.rows.find((x) => x.holder === "Series C")!.sharesIssued.toString()).toBe("2000000");
    expect(close(r.antiDilution[0].conversionPriceAfter, dec(8).div(9))).toBe(true);
    expect(r.rows.find((x) => x.holder === "Series A")!.sharesAfter.toString()).toBe("2812500");
    expect(r.rows.find((x) => x.holder === "Series B")!.sharesAfter.toString()).toBe("2400000");
  });

  test("fixed point: the solved round's CP2 is what CAPTABLE.ANTIDILUTION's formula gives at the round's price and new shares", () => {
    const r = base("BROAD");
    const C = r.rows.find((x) => x.holder === "Series B")!.sharesIssued;
    // CP2 = CP1 (A + B) / (A + C), A = 10M, B = 5M / CP1.
    const cp2 = dec(1).times(dec(10_000_000).plus(5_000_000)).div(dec(10_000_000).plus(C));
    expect(r.antiDilution[0].conversionPriceAfter.minus(cp2).abs().lte("1e-25")).toBe(true);
  });
});
