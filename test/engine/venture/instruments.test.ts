/**
 * Convertible notes, single SAFEs, anti-dilution, secondary tenders and the treasury stock method:
 * worked examples from public sources, to the share and to the cent.
 */
import {
  accruedInterest,
  antiDilution,
  convertNote,
  convertSafe,
  dec,
  fullRatchetConversionPrice,
  tenderOffer,
  treasuryStockShares,
  weightedAverageConversionPrice,
  yearFraction,
} from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const JAN_1_2025 = 45658; // Excel serial numbers
const JAN_1_2026 = 46023;
const JAN_1_2024 = 45292;

describe("convertible notes", () => {
  test("FundersClub, 'Numerical Example: $25k convertible note with $5M cap, 20% discount' (cap applies)", () => {
    // https://fundersclub.com/learn/convertible-notes/convertible-notes-numerical-examples/convertible-note-cap-discount/
    // Series A at $10M pre-money and $5.00 a share (2,000,000 pre-money shares): cap price $2.50, 10,000 shares.
    const r = convertNote({
      principal: dec(25_000),
      rate: dec(0),
      startDate: JAN_1_2025,
      conversionDate: JAN_1_2026,
      roundPrice: dec(5),
      cap: dec(5_000_000),
      discount: dec(0.2),
      capitalization: dec(2_000_000),
    });
    expect(r.capPrice!.toString()).toBe("2.5");
    expect(r.discountPrice!.toString()).toBe("4");
    expect(r.term).toBe("CAP");
    expect(r.shares.toString()).toBe("10000");
  });

  test("FundersClub, same note, Series A at $6M pre-money: the discount applies, 6,250 shares", () => {
    const r = convertNote({
      principal: dec(25_000),
      rate: dec(0),
      startDate: JAN_1_2025,
      conversionDate: JAN_1_2026,
      roundPrice: dec(5),
      cap: dec(5_000_000),
      discount: dec(0.2),
      capitalization: dec(1_200_000),
    });
    expect(r.capPrice!.toDecimalPlaces(4).toString()).toBe("4.1667");
    expect(r.term).toBe("DISCOUNT");
    expect(r.price.toString()).toBe("4");
    expect(r.shares.toString()).toBe("6250");
  });

  test("Aparna Gupta, 'Convertible note, part 3': 5% on a $500k note for one year converts $525k (simple, ACT/365)", () => {
    // https://aparanagupta.com/2022/01/13/convertible-note-3.html
    const r = convertNote({ principal: dec(500_000), rate: dec(0.05), startDate: JAN_1_2025, conversionDate: JAN_1_2026, roundPrice: dec(1) });
    expect(r.years.toString()).toBe("1");
    expect(r.interest.toString()).toBe("25000");
    expect(r.convertingAmount.toString()).toBe("525000");
    expect(r.term).toBe("ROUND PRICE");
  });

  test("day counts and compounding, stated and exact", () => {
    // 2024 is a leap year: 366 days.
    expect(yearFraction(JAN_1_2024, JAN_1_2025, "ACT/365").toString()).toBe(dec(366).div(365).toString());
    expect(yearFraction(JAN_1_2024, JAN_1_2025, "ACT/360").toString()).toBe(dec(366).div(360).toString());
    expect(yearFraction(JAN_1_2024, JAN_1_2025, "30/360").toString()).toBe("1");
    // 2025-01-31 (45688) to 2025-03-31 (45747): 30/360 US reads both 31sts as 30ths: 60 days.
    expect(yearFraction(45688, 45747, "30/360").eq(dec(60).div(360))).toBe(true);
    expect(cents(accruedInterest(dec(100_000), dec(0.08), dec(1), "SIMPLE"))).toBe("8000.00");
    expect(cents(accruedInterest(dec(100_000), dec(0.08), dec(2), "ANNUAL"))).toBe("16640.00");
    expect(cents(accruedInterest(dec(100_000), dec(0.12), dec(1), "MONTHLY"))).toBe("12682.50");
    expect(cents(accruedInterest(dec(100_000), dec(0.08), dec(1.5), "ANNUAL"))).toBe("12236.89");
  });

  test("errors name the field", () => {
    expect(errorOf(() => yearFraction(JAN_1_2026, JAN_1_2025)).message).toBe("conversion_date must not be before start_date");
    expect(errorOf(() => yearFraction(1.5, JAN_1_2025)).message).toMatch(/^start_date must be a date/);
    expect(
      errorOf(() =>
        convertNote({ principal: dec(1), rate: dec(0), startDate: JAN_1_2025, conversionDate: JAN_1_2026, roundPrice: dec(1), cap: dec(5) }),
      ).message,
    ).toMatch(/^capitalization is required with a cap/);
  });
});

const cents = (d: { toDecimalPlaces(n: number): { toFixed(n: number): string } }) => d.toDecimalPlaces(2).toFixed(2);

describe("a single SAFE", () => {
  test("post-money, the YC guide's Company Capitalization (the default): Example 1's 588,235 and 1,176,470 shares", () => {
    // YC Post-Money Safe User Guide, Example 1: Company Capitalization 11,764,705 (10,000,000 + the two SAFEs'
    // 588,235 + 1,176,470). Safe Price = cap / Company Capitalization: $4M / 11,764,705 = $0.34 for
    // Investor A's $200,000 (588,235 shares, 5%), $8M / 11,764,705 = $0.68 for Investor B's $800,000 (1,176,470).
    const a = convertSafe({ amount: dec(200_000), cap: dec(4_000_000), roundPrice: dec(1.1144), capitalization: dec(11_764_705) });
    expect(a.capitalizationBasis).toBe("INCLUDING");
    expect(a.term).toBe("CAP");
    expect(a.shares.toString()).toBe("588235");
    expect(a.ownership.toDecimalPlaces(6).toString()).toBe("0.05");
    const b = convertSafe({ amount: dec(800_000), cap: dec(8_000_000), roundPrice: dec(1.1144), capitalization: dec(11_764_705) });
    expect(b.shares.toString()).toBe("1176470");
    expect(b.capPrice!.toDecimalPlaces(4).toString()).toBe("0.68");
  });

  test("post-money, capitalization EXCLUDING the SAFE's own shares (an explicit choice): the same shares", () => {
    // The other 11,176,470 shares of Company Capitalization (10,000,000 + Investor B's 1,176,470) give 588,235 shares.
    const r = convertSafe({
      amount: dec(200_000),
      cap: dec(4_000_000),
      roundPrice: dec(1.1144),
      capitalization: dec(11_176_470),
      capitalizationBasis: "EXCLUDING",
    });
    expect(r.term).toBe("CAP");
    expect(r.shares.toString()).toBe("588235");
    expect(r.ownership.toDecimalPlaces(6).toString()).toBe("0.05");
    // The guide's figure read as EXCLUDING would give 5.3% too many shares: the basis matters.
    const wrong = convertSafe({
      amount: dec(200_000),
      cap: dec(4_000_000),
      roundPrice: dec(1.1144),
      capitalization: dec(11_764_705),
      capitalizationBasis: "EXCLUDING",
    });
    expect(wrong.shares.div(588_235).minus(1).toDecimalPlaces(3).toString()).toBe("0.053");
  });

  test("pre-money: capitalization INCLUDING this SAFE's shares is the closed form of cap / (C - shares)", () => {
    // 8,000,000 cap, 10,000,000 shares excluding the SAFE: 0.8 a share, 125,000 shares; C including them = 10,125,000.
    const r = convertSafe({
      amount: dec(100_000),
      cap: dec(8_000_000),
      basis: "PRE",
      roundPrice: dec(1),
      capitalization: dec(10_125_000),
      capitalizationBasis: "INCLUDING",
    });
    expect(r.capPrice!.toString()).toBe("0.8");
    expect(r.shares.toString()).toBe("125000");
  });

  test("pre-money: cap price = cap / capitalization; a discount that beats it applies instead", () => {
    const r = convertSafe({
      amount: dec(100_000),
      cap: dec(8_000_000),
      discount: dec(0.2),
      basis: "PRE",
      roundPrice: dec(1),
      capitalization: dec(10_000_000),
    });
    expect(r.capPrice!.toString()).toBe("0.8");
    expect(r.discountPrice!.toString()).toBe("0.8");
    expect(r.term).toBe("DISCOUNT"); // ties go to the discount, then the cap must be strictly lower
    expect(r.shares.toString()).toBe("125000");
    expect(r.capitalizationBasis).toBe("EXCLUDING");
  });
});

describe("anti-dilution", () => {
  // Gust Equity Management, "Anti-Dilution" (https://docs.equity.gust.com/article/71-anti-dilution): 1,500,000
  // common, 2,500,000 Series A at $1, 2,000,000 Series B at $2, 1,000,000 options = 7,000,000; Series C: 2,000,000
  // shares at $0.50 ($1,000,000). Series A: $1.00 x (7,000,000 + 1,000,000) / (7,000,000 + 2,000,000) = 8/9
  // (the page truncates to $0.88), 2,812,500 shares as converted, conversion rate 1.125:1.
  const classes = [
    { name: "Common", shares: dec(1_500_000) },
    { name: "Series A", shares: dec(2_500_000), originalIssuePrice: dec(1) },
    { name: "Series B", shares: dec(2_000_000), originalIssuePrice: dec(2) },
    { name: "Options", shares: dec(1_000_000) },
  ];

  test("broad-based weighted average, Gust's example to the share", () => {
    const r = antiDilution(classes, dec(0.5), dec(2_000_000), "BROAD");
    expect(r.sharesOutstanding.toString()).toBe("7000000");
    const a = r.rows[1];
    expect(a.conversionPriceAfter!.minus(dec(8).div(9)).abs().lte("1e-39")).toBe(true);
    expect(a.ratioAfter.toString()).toBe("1.125");
    expect(a.asConvertedAfter.toString()).toBe("2812500");
    // Series B: $2.00 x (7,000,000 + 500,000) / 9,000,000 = $5/3, ratio 1.2.
    const b = r.rows[2];
    expect(b.conversionPriceAfter!.minus(dec(5).div(3)).abs().lte("1e-39")).toBe(true);
    expect(b.ratioAfter.toDecimalPlaces(30).toString()).toBe("1.2");
    expect(b.asConvertedAfter.toDecimalPlaces(20).toString()).toBe("2400000");
    expect(r.rows[0].adjusted).toBe(false);
  });

  test("narrow-based counts only the preferred: a larger adjustment", () => {
    const r = antiDilution(classes, dec(0.5), dec(2_000_000), "NARROW");
    expect(r.sharesOutstanding.toString()).toBe("4500000");
    // $1 x (4,500,000 + 1,000,000) / (4,500,000 + 2,000,000) = 11/13.
    expect(r.rows[1].conversionPriceAfter!.minus(dec(11).div(13)).abs().lte("1e-39")).toBe(true);
    expect(r.rows[1].conversionPriceAfter!.lt(dec(8).div(9))).toBe(true);
  });

  test("full ratchet: down to the new price", () => {
    const r = antiDilution(classes, dec(0.5), dec(2_000_000), "RATCHET");
    expect(r.rows[1].conversionPriceAfter!.toString()).toBe("0.5");
    expect(r.rows[1].asConvertedAfter.toString()).toBe("5000000");
    expect(r.rows[2].asConvertedAfter.toString()).toBe("8000000");
    expect(fullRatchetConversionPrice(dec(1), dec(2)).toString()).toBe("1");
  });

  test("the formula on its own, and no adjustment on an up round", () => {
    expect(weightedAverageConversionPrice(dec(1), dec(7_000_000), dec(1_000_000), dec(2_000_000)).times(9).toDecimalPlaces(30).toString()).toBe("8");
    const up = antiDilution(classes, dec(3), dec(1_000_000), "BROAD");
    expect(up.rows.every((x) => !x.adjusted)).toBe(true);
  });
});

describe("secondary tender and the treasury stock method", () => {
  test("a tender moves shares at its own price; total unchanged; premium to the round price", () => {
    const t = tenderOffer(
      [
        { holder: "Founder", shares: dec(6_000_000) },
        { holder: "Angel", shares: dec(1_000_000) },
        { holder: "Series A", shares: dec(3_000_000) },
      ],
      [
        { seller: "founder", shares: dec(200_000) },
        { seller: "Angel", shares: dec(100_000) },
      ],
      "Series B",
      dec(1.6),
      dec(2),
    );
    expect(t.sharesMoved.toString()).toBe("300000");
    expect(t.consideration.toString()).toBe("480000");
    expect(t.premiumToRound!.toString()).toBe("-0.2");
    expect(t.rows.map((r) => [r.holder, r.sharesAfter.toString(), r.cash.toString()])).toEqual([
      ["Founder", "5800000", "320000"],
      ["Angel", "900000", "160000"],
      ["Series A", "3000000", "0"],
      ["Series B", "300000", "-480000"],
    ]);
    expect(errorOf(() => tenderOffer([{ holder: "A", shares: dec(1) }], [{ seller: "A", shares: dec(2) }], "B", dec(1))).message).toBe(
      'shares sold by "A" must not exceed its holding of 1, got 2',
    );
  });

  test("treasury stock method: in-the-money options net of the shares their strike buys back", () => {
    // 10,000,000 basic; 1,000,000 options at $2 and 500,000 at $12; share price $10:
    // 1,000,000 x (1 - 2/10) = 800,000 added; the $12 options are out of the money.
    const fd = treasuryStockShares(
      dec(10_000_000),
      [
        { count: dec(1_000_000), strike: dec(2) },
        { count: dec(500_000), strike: dec(12) },
      ],
      dec(10),
    );
    expect(fd.treasuryStock.toString()).toBe("10800000");
    expect(fd.allIn.toString()).toBe("11500000");
    expect(fd.inTheMoney.toString()).toBe("1000000");
  });
});
