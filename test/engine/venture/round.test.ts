/**
 * Priced rounds, the pool shuffle and SAFEs converting: worked examples from public sources, to the share.
 */
import { RoundHolding, dec, pricedRound, sum } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

/**
 * Y Combinator, "Post-Money Safe User Guide" (Safe Financing Documents, https://www.ycombinator.com/documents),
 * Appendix II, Example 1: 9,250,000 founder shares, 300,000 options outstanding, 350,000 promised options,
 * 100,000 unissued pool = 10,000,000 shares; Investor A $200,000 safe at a $4,000,000 post-money valuation cap,
 * Investor B $800,000 safe at an $8,000,000 post-money valuation cap; Series A: $5,000,000 new money at a
 * $15,000,000 pre-money valuation, option pool increase of 1,695,000 shares.
 * The Guide prints: Company Capitalization 11,764,705; Investor A 588,235 shares; Investor B 1,176,470 shares;
 * Series A price $15,000,000 / (11,764,705 + 1,695,000) = $1.1144.
 */
const YC_HOLDINGS: RoundHolding[] = [
  { holder: "Founders", shares: dec(9_250_000) },
  { holder: "Options outstanding", shares: dec(300_000) },
  { holder: "Promised options", shares: dec(350_000) },
  { holder: "Option pool", shares: dec(100_000), pool: true },
];
const YC_SAFES = [
  { holder: "Investor A", kind: "POST_SAFE" as const, amount: dec(200_000), cap: dec(4_000_000) },
  { holder: "Investor B", kind: "POST_SAFE" as const, amount: dec(800_000), cap: dec(8_000_000) },
];

describe("YC Post-Money Safe User Guide, Appendix II, Example 1", () => {
  const round = pricedRound({
    holdings: YC_HOLDINGS,
    preMoney: dec(15_000_000),
    investors: [{ name: "Series A investors", amount: dec(5_000_000) }],
    pool: { increase: dec(1_695_000) },
    instruments: YC_SAFES,
  });

  test("Company Capitalization and the safe shares, to the share", () => {
    expect(round.companyCapitalization.toString()).toBe("11764705");
    expect(round.conversions.map((c) => c.shares.toString())).toEqual(["588235", "1176470"]);
    expect(round.conversions.map((c) => c.term)).toEqual(["CAP", "CAP"]);
    // Safe Price = cap / Company Capitalization (exact): 4,000,000 / (200,000,000 / 17) = 0.34.
    expect(round.conversions[0].price.toDecimalPlaces(20).toString()).toBe("0.34");
    expect(round.conversions[1].price.toDecimalPlaces(20).toString()).toBe("0.68");
  });

  test("Series A price per share: $1.1144 as printed", () => {
    expect(round.preMoneyShares.toString()).toBe("13459705");
    expect(round.pricePerShare.toDecimalPlaces(4).toString()).toBe("1.1144");
    // The Guide divides by the price already rounded to $1.1144 (4,486,719 shares); the engine divides by the
    // unrounded price, as the charter's Original Issue Price would: 4,486,568 whole shares.
    expect(round.rows.find((r) => r.holder === "Series A investors")!.sharesIssued.toString()).toBe("4486568");
  });

  test("post-money valuation = pre-money + new money; the value at the round price after rounding down is its own figure", () => {
    expect(round.postMoney.toString()).toBe("20000000");
    expect(round.newMoneyShares.toString()).toBe("4486568");
    expect(round.postMoneyAtRoundPrice.eq(round.pricePerShare.times(round.postMoneyShares))).toBe(true);
    expect(round.postMoneyAtRoundPrice.toDecimalPlaces(2).toString()).toBe("19999999.63");
  });

  test("pro rata right (YC Pro Rata Side Letter): conversion shares / Company Capitalization x the Standard Preferred Stock sold", () => {
    // Investor A: 588,235 / 11,764,705 = 5% (to 1e-7) of 4,486,568 Series A shares = 224,328.3 -> 224,328 shares;
    // Investor B: 1,176,470 / 11,764,705 = 10% -> 448,656 shares. Amounts at the round price.
    const [a, b] = round.conversions;
    expect(a.proRataRight!.shares.toString()).toBe("224328");
    expect(b.proRataRight!.shares.toString()).toBe("448656");
    expect(a.proRataRight!.amount.eq(a.proRataRight!.shares.times(round.pricePerShare))).toBe(true);
    expect(a.proRataRight!.amount.toDecimalPlaces(0).toString()).toBe("250000"); // 5% of the $5,000,000 Series A, to the dollar
  });

  test("ownership after the round sums to 1", () => {
    expect(
      sum(round.rows.map((r) => r.ownershipAfter))
        .minus(1)
        .abs()
        .lte("1e-35"),
    ).toBe(true);
  });

  test("the same round with the Guide's stated 10% pool target, solved exactly (unrounded)", () => {
    const exact = pricedRound({
      holdings: YC_HOLDINGS,
      preMoney: dec(15_000_000),
      investors: [{ name: "Series A", amount: dec(5_000_000) }],
      pool: { target: dec(0.1) },
      instruments: YC_SAFES,
      rounding: "NONE",
    });
    // T = 3,966,000,000 / 221; increase = 374,500,000 / 221: the pool is exactly 10% of T.
    const T = dec(3_966_000_000).div(221);
    expect(exact.postMoneyShares.minus(T).abs().lte("1e-30")).toBe(true);
    expect(exact.poolIncrease.minus(dec(374_500_000).div(221)).abs().lte("1e-30")).toBe(true);
    const pool = exact.rows.find((r) => r.isPool)!;
    expect(pool.ownershipAfter.minus(0.1).abs().lte("1e-35")).toBe(true);
    // A binding post-money cap does not see the pool: Company Capitalization is still 200,000,000 / 17.
    expect(exact.companyCapitalization.minus(dec(200_000_000).div(17)).abs().lte("1e-30")).toBe(true);
    // The new money owns exactly 5 / 20 of the company.
    expect(
      exact.rows
        .find((r) => r.holder === "Series A")!
        .ownershipAfter.minus(0.25)
        .abs()
        .lte("1e-35"),
    ).toBe(true);
  });

  test("YC Quick Start: $1M on a $6.7M post-money cap sells ~15%; $500k on each of $5.5M and $8.3M caps ~15%", () => {
    // Same guide, "Quick Start Guide", examples 1 and 2: ownership sold = amount / post-money cap.
    const one = pricedRound({
      holdings: [{ holder: "Founders", shares: dec(10_000_000) }],
      preMoney: dec(20_000_000),
      investors: [{ name: "A", amount: dec(0) }],
      instruments: [{ holder: "Safe", kind: "POST_SAFE", amount: dec(1_000_000), cap: dec(6_700_000) }],
      rounding: "NONE",
    });
    expect(
      one.rows
        .find((r) => r.holder === "Safe")!
        .ownershipAfter.toDecimalPlaces(2)
        .toString(),
    ).toBe("0.15");
    const two = pricedRound({
      holdings: [{ holder: "Founders", shares: dec(10_000_000) }],
      preMoney: dec(20_000_000),
      investors: [{ name: "A", amount: dec(0) }],
      instruments: [
        { holder: "Cap 1", kind: "POST_SAFE", amount: dec(500_000), cap: dec(5_500_000) },
        { holder: "Cap 2", kind: "POST_SAFE", amount: dec(500_000), cap: dec(8_300_000) },
      ],
      rounding: "NONE",
    });
    const own = (h: string) => two.rows.find((r) => r.holder === h)!.ownershipAfter;
    expect(own("Cap 1").toDecimalPlaces(2).toString()).toBe("0.09");
    expect(own("Cap 2").toDecimalPlaces(2).toString()).toBe("0.06");
    expect(own("Cap 1").plus(own("Cap 2")).toDecimalPlaces(2).toString()).toBe("0.15");
  });
});

describe("priced round without instruments", () => {
  test("pool shuffle: a 10% post-money pool counted in the pre-money dilutes the founders only", () => {
    // $2M at $8M pre, 8,000,000 founder shares, target 10% unissued pool post-money.
    const r = pricedRound({
      holdings: [{ holder: "Founders", shares: dec(8_000_000) }],
      preMoney: dec(8_000_000),
      investors: [{ name: "VC", amount: dec(2_000_000) }],
      pool: { target: dec(0.1) },
      rounding: "NONE",
    });
    // New money owns 20%, the pool 10%, founders 70%: T = 8,000,000 / 0.7.
    const own = (h: string) =>
      r.rows
        .find((x) => x.holder === h)!
        .ownershipAfter.toDecimalPlaces(30)
        .toString();
    expect(own("VC")).toBe("0.2");
    expect(own("Option pool")).toBe("0.1");
    expect(own("Founders")).toBe("0.7");
    expect(r.pricePerShare.times(r.postMoneyShares).toDecimalPlaces(20).toString()).toBe("10000000");
    // Effective pre-money for the founders: price x founder shares = $7M (the $8M headline less the $1M pool).
    expect(r.pricePerShare.times(8_000_000).toDecimalPlaces(20).toString()).toBe("7000000");
  });

  test("several investors in one round get shares at the same price, rounded down each", () => {
    const r = pricedRound({
      holdings: [{ holder: "Founders", shares: dec(3_000_000) }],
      preMoney: dec(3_000_000),
      investors: [
        { name: "Lead", amount: dec(1_000_000.5) },
        { name: "Angel", amount: dec(250_000) },
      ],
    });
    expect(r.pricePerShare.toString()).toBe("1");
    expect(r.rows.map((x) => [x.holder, x.sharesIssued.toString()])).toEqual([
      ["Founders", "0"],
      ["Lead", "1000000"],
      ["Angel", "250000"],
    ]);
    expect(r.rounding).toBe("DOWN");
  });

  test("pro rata check: pre-money ownership x new money", () => {
    const r = pricedRound({
      holdings: [
        { holder: "Founders", shares: dec(7_500_000) },
        { holder: "Seed", shares: dec(2_500_000) },
      ],
      preMoney: dec(20_000_000),
      investors: [{ name: "Series A", amount: dec(5_000_000) }],
    });
    expect(r.rows.find((x) => x.holder === "Seed")!.proRataInvestment.toString()).toBe("1250000");
    // Buying that check at the round price keeps Seed's 25%: (2.5M + 1.25M / 2) / (10M + 2.5M) = 25%.
    const keep = dec(2_500_000).plus(dec(1_250_000).div(r.pricePerShare)).div(r.postMoneyShares);
    expect(keep.toString()).toBe("0.25");
  });

  test("a target below the existing pool adds nothing", () => {
    const r = pricedRound({
      holdings: [
        { holder: "Founders", shares: dec(8_000_000) },
        { holder: "Pool", shares: dec(2_000_000), pool: true },
      ],
      preMoney: dec(10_000_000),
      investors: [{ name: "VC", amount: dec(2_500_000) }],
      pool: { target: dec(0.1) },
    });
    expect(r.poolIncrease.toString()).toBe("0");
    expect(r.pricePerShare.toString()).toBe("1");
  });
});

describe("SAFEs and notes converting together", () => {
  const base = {
    holdings: [{ holder: "Founders", shares: dec(8_000_000) }],
    preMoney: dec(12_000_000),
    investors: [{ name: "New", amount: dec(3_000_000) }],
    rounding: "NONE" as const,
  };

  test("a discount-only SAFE: T = 480M / 43, price $43/32 (closed form)", () => {
    const r = pricedRound({ ...base, instruments: [{ holder: "D", kind: "POST_SAFE", amount: dec(1_000_000), discount: dec(0.2) }] });
    expect(r.postMoneyShares.minus(dec(480_000_000).div(43)).abs().lte("1e-30")).toBe(true);
    expect(r.pricePerShare.minus(dec(43).div(32)).abs().lte("1e-35")).toBe(true);
    expect(r.conversions[0].term).toBe("DISCOUNT");
    expect(r.conversions[0].price.minus(dec(43).div(32).times(0.8)).abs().lte("1e-35")).toBe(true);
  });

  test("a discount SAFE sits in a capped post-money SAFE's Company Capitalization", () => {
    const r = pricedRound({
      ...base,
      instruments: [
        { holder: "D", kind: "POST_SAFE", amount: dec(1_000_000), discount: dec(0.2) },
        { holder: "C", kind: "POST_SAFE", amount: dec(1_000_000), cap: dec(10_000_000) },
      ],
    });
    // The capped SAFE holds exactly amount / cap = 10% of its Company Capitalization.
    const c = r.conversions[1];
    expect(c.term).toBe("CAP");
    expect(c.exactShares.div(r.companyCapitalization).minus(0.1).abs().lte("1e-35")).toBe(true);
    expect(r.postMoneyShares.minus(dec(2_400_000_000).div(191)).abs().lte("1e-28")).toBe(true);
  });

  test("a cap above the round valuation: the SAFE converts at the round price", () => {
    const r = pricedRound({ ...base, instruments: [{ holder: "S", kind: "POST_SAFE", amount: dec(1_000_000), cap: dec(50_000_000) }] });
    expect(r.conversions[0].term).toBe("ROUND PRICE");
    expect(r.conversions[0].price.minus(r.pricePerShare).abs().lte("1e-35")).toBe(true);
  });

  test("MFN: an uncapped MFN SAFE takes a later SAFE's cap", () => {
    const r = pricedRound({
      ...base,
      instruments: [
        { holder: "Early", kind: "POST_SAFE", amount: dec(500_000), mfn: true },
        { holder: "Later", kind: "POST_SAFE", amount: dec(1_000_000), cap: dec(10_000_000) },
      ],
    });
    expect(r.conversions[0].term).toBe("CAP");
    expect(r.conversions[0].termsFrom).toBe("Later");
    // Both at the same Safe Price.
    expect(r.conversions[0].price.minus(r.conversions[1].price).abs().lte("1e-35")).toBe(true);
  });

  test("a pre-money SAFE and a note: cap price = cap / pre-money capitalization including the pool increase", () => {
    const r = pricedRound({
      holdings: [{ holder: "Founders", shares: dec(9_000_000) }],
      preMoney: dec(20_000_000),
      investors: [{ name: "New", amount: dec(5_000_000) }],
      pool: { target: dec(0.1) },
      instruments: [
        { holder: "Pre", kind: "PRE_SAFE", amount: dec(500_000), cap: dec(5_000_000) },
        { holder: "Note", kind: "NOTE", amount: dec(1_080_000), cap: dec(6_000_000), discount: dec(0.2) },
      ],
      rounding: "NONE",
    });
    const capBase = dec(9_000_000).plus(r.poolIncrease);
    expect(r.conversions[0].term).toBe("CAP");
    expect(r.conversions[0].price.minus(dec(5_000_000).div(capBase)).abs().lte("1e-30")).toBe(true);
    expect(r.conversions[1].term).toBe("CAP");
    expect(r.conversions[1].price.minus(dec(6_000_000).div(capBase)).abs().lte("1e-30")).toBe(true);
    expect(
      r.rows
        .find((x) => x.isPool)!
        .ownershipAfter.minus(0.1)
        .abs()
        .lte("1e-35"),
    ).toBe(true);
  });

  test("20 SAFEs mixing caps and discounts settle, and every one converts at its lowest price", () => {
    const instruments = Array.from({ length: 20 }, (_, i) => ({
      holder: `S${i}`,
      kind: (i % 3 === 0 ? "PRE_SAFE" : "POST_SAFE") as "PRE_SAFE" | "POST_SAFE",
      amount: dec(100_000 + 25_000 * i),
      cap: i % 4 === 1 ? undefined : dec(6_000_000 + 1_000_000 * i),
      discount: i % 2 === 0 ? dec(0.15 + i / 200) : undefined,
      mfn: i === 1,
    }));
    const r = pricedRound({
      holdings: [
        { holder: "Founders", shares: dec(10_000_000) },
        { holder: "Option pool", shares: dec(500_000), pool: true },
      ],
      preMoney: dec(30_000_000),
      investors: [{ name: "A", amount: dec(8_000_000) }],
      pool: { target: dec(0.12) },
      instruments,
      rounding: "NONE",
    });
    expect(
      sum(r.rows.map((x) => x.ownershipAfter))
        .minus(1)
        .abs()
        .lte("1e-35"),
    ).toBe(true);
    for (const c of r.conversions) {
      expect(c.price.lte(r.pricePerShare.plus("1e-30"))).toBe(true);
    }
    expect(r.iterations).toBeLessThan(30);
  });

  test("instruments that would own everything are an error of kind num", () => {
    const e = errorOf(() =>
      pricedRound({
        ...base,
        instruments: [
          { holder: "X", kind: "POST_SAFE", amount: dec(9_000_000), cap: dec(10_000_000) },
          { holder: "Y", kind: "POST_SAFE", amount: dec(2_000_000), cap: dec(10_000_000) },
        ],
      }),
    );
    expect(e.kind).toBe("num");
    expect(e.message).toMatch(/100% or more/);
  });

  test("bad inputs name the field", () => {
    expect(errorOf(() => pricedRound({ ...base, preMoney: dec(0) })).message).toBe("pre_money must be greater than 0, got 0");
    expect(
      errorOf(() => pricedRound({ ...base, instruments: [{ holder: "X", kind: "POST_SAFE", amount: dec(1), discount: dec(1) }] })).message,
    ).toMatch(/^discount of instrument "X" must be at least 0% and below 100%/);
    expect(errorOf(() => pricedRound({ ...base, pool: { target: dec(1) } })).message).toBe(
      "pool_target must be at least 0% and below 100%, got 100%",
    );
  });
});

describe("cap basis per instrument: what the cap is divided by", () => {
  // 9,000,000 shares and a 1,000,000 pool, a fixed pool increase of 500,000; a $1,000,000 pre-money SAFE or
  // note at a $10,000,000 cap; $5,000,000 new money at $20,000,000 pre-money; exact shares (NONE).
  const holdings: RoundHolding[] = [
    { holder: "Founders", shares: dec(9_000_000) },
    { holder: "Option pool", shares: dec(1_000_000), pool: true },
  ];
  const run = (kind: "PRE_SAFE" | "NOTE" | "POST_SAFE", capBasis?: "EXISTING" | "POOL" | "CONVERTIBLES" | "ALL") =>
    pricedRound({
      holdings,
      preMoney: dec(20_000_000),
      investors: [{ name: "Lead", amount: dec(5_000_000) }],
      pool: { increase: dec(500_000) },
      instruments: [{ holder: "Angel", kind, amount: dec(1_000_000), cap: dec(10_000_000), capBasis }],
      rounding: "NONE",
    }).conversions[0];

  test.each([
    // POOL (the pre-money SAFE's and the note's default): 1M x (10M + 0.5M) / 10M.
    ["PRE_SAFE", undefined, "POOL", "1050000"],
    ["NOTE", undefined, "POOL", "1050000"],
    ["NOTE", "EXISTING", "EXISTING", "1000000"],
    // CONVERTIBLES: S = 0.1 x (10M + S), S = 1M / 0.9.
    ["NOTE", "CONVERTIBLES", "CONVERTIBLES", "1111111.11"],
    // ALL: S = 0.1 x (10.5M + S), S = 1.05M / 0.9.
    ["PRE_SAFE", "ALL", "ALL", "1166666.67"],
    // CONVERTIBLES is the post-money SAFE's default (its Company Capitalization).
    ["POST_SAFE", undefined, "CONVERTIBLES", "1111111.11"],
  ] as const)("%s with cap basis %s converts on %s: %s shares", (kind, basis, used, shares) => {
    const c = run(kind, basis);
    expect(c.term).toBe("CAP");
    expect(c.capBasis).toBe(used);
    expect(c.exactShares.toDecimalPlaces(2).toString()).toBe(shares);
  });
});

describe('pro rata right, Pulley\'s worked example (help.pulley.com, "How does Pro-Rata affect my dilution?")', () => {
  // A $1,000,000 post-money SAFE at a $10,000,000 cap owns 10% before the equity round; the round takes $5,000,000
  // at $20,000,000 pre-money; the investor "maintains her 10% ownership by purchasing 10% of the shares in the
  // equity round". 9,000,000 founder shares, no pool: Company Capitalization 10,000,000, price $2.00.
  const round = pricedRound({
    holdings: [{ holder: "Founders", shares: dec(9_000_000) }],
    preMoney: dec(20_000_000),
    investors: [{ name: "Series A", amount: dec(5_000_000) }],
    instruments: [{ holder: "Investor A", kind: "POST_SAFE", amount: dec(1_000_000), cap: dec(10_000_000) }],
  });

  test("10% of the 2,500,000 Series A shares, $500,000; exercised, it restores the 10% stake", () => {
    expect(round.companyCapitalization.toString()).toBe("10000000");
    expect(round.pricePerShare.toString()).toBe("2");
    expect(round.newMoneyShares.toString()).toBe("2500000");
    const right = round.conversions[0].proRataRight!;
    expect(right.shares.toString()).toBe("250000");
    expect(right.amount.toString()).toBe("500000");
    // Without it the SAFE is diluted to 8%; with it (bought in the round) back to 10% of the post-money shares.
    expect(round.rows.find((r) => r.holder === "Investor A")!.ownershipAfter.toString()).toBe("0.08");
    expect(round.conversions[0].shares.plus(right.shares).div(round.postMoneyShares).toString()).toBe("0.1");
    // The pro rata investment (pre-money stake x new money) is the same $500,000 here, as the SAFE's stake is 10% of the pre-money shares.
    expect(round.rows.find((r) => r.holder === "Investor A")!.proRataInvestment.toString()).toBe("500000");
  });
});
