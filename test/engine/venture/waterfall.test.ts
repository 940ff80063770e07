/**
 * Exit waterfalls: published examples, breakpoints and the convert-or-keep decision.
 */
import { Decimal, ShareClass, Waterfall, dec, exitProceeds, payoutsByHolder, waterfall } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const cents = (d: Decimal) => d.toDecimalPlaces(2).toFixed(2);
const dollars = (d: Decimal) => d.toDecimalPlaces(0).toFixed(0);
const byName = <C extends { name: string }>(r: { classes: C[] }, name: string): C => r.classes.find((c) => c.name === name)!;

describe("1x non-participating preferred (Brad Feld on The Full Ratchet, ep. 10 'The Term Sheet')", () => {
  // http://fullratchet.net/episode-10-the-term-sheet-feat-brad-feld/ : $10M raised for 50% of the equity,
  // 1x liquidation preference, no participation: investors take $10M or 50% of the sale, whichever is more.
  const classes: ShareClass[] = [
    { name: "Common", shares: dec(1_000_000) },
    { name: "Preferred", shares: dec(1_000_000), invested: dec(10_000_000), preferenceMultiple: dec(1) },
  ];
  const w = new Waterfall(classes);

  test("a $14M sale: the investors keep their $10M preference, common gets $4M", () => {
    const r = w.atProceeds(dec(14_000_000));
    expect(cents(byName(r, "Preferred").total)).toBe("10000000.00");
    expect(cents(byName(r, "Common").total)).toBe("4000000.00");
    expect(r.classes[1].converted).toBe(false);
  });

  test("a $30M sale: the investors convert and take 50%", () => {
    const r = w.atProceeds(dec(30_000_000));
    expect(cents(byName(r, "Preferred").total)).toBe("15000000.00");
    expect(r.classes[1].converted).toBe(true);
    expect(r.classes[1].moic!.toString()).toBe("1.5");
  });

  test("the conversion breakpoint is at $20M, where 50% equals the preference", () => {
    expect(w.breakpoints().map((b) => [dollars(b.proceeds), b.kind])).toEqual([
      ["10000000", "PREFERENCE"],
      ["20000000", "CONVERSION"],
    ]);
    const at = w.atProceeds(dec(20_000_000));
    expect(cents(byName(at, "Preferred").total)).toBe("10000000.00");
  });
});

describe("Venture South, 'Back to basics: liquidation preferences pop quiz' (http://venturesouth.vc/blog/liquidation-preference-quiz)", () => {
  // $500,000 invested for 1/6 of the company; the founders hold the other 5/6. Answers to the nearest dollar.
  const investor = (extra: Partial<ShareClass>): ShareClass[] => [
    { name: "Founders", shares: dec(5_000_000) },
    { name: "Investor", shares: dec(1_000_000), invested: dec(500_000), ...extra },
  ];

  test("Q1: 1x non-participating, sold for $10M: $1,666,667 (converts)", () => {
    const r = waterfall(investor({ preferenceMultiple: dec(1) }), { enterpriseValue: dec(10_000_000) });
    expect(dollars(byName(r, "Investor").total)).toBe("1666667");
    expect(byName(r, "Investor").converted).toBe(true);
  });

  test("Q2: 2x participating, sold for $10M: $1,000,000 + 1/6 of $9,000,000 = $2,500,000", () => {
    const r = waterfall(investor({ preferenceMultiple: dec(2), participation: "FULL" }), { enterpriseValue: dec(10_000_000) });
    expect(dollars(byName(r, "Investor").total)).toBe("2500000");
    expect(dollars(byName(r, "Founders").total)).toBe("7500000");
  });

  test("Q3: 4x non-participating, sold for $1.75M: the whole $1,750,000", () => {
    const r = waterfall(investor({ preferenceMultiple: dec(4) }), { enterpriseValue: dec(1_750_000) });
    expect(dollars(byName(r, "Investor").total)).toBe("1750000");
    expect(dollars(byName(r, "Founders").total)).toBe("0");
  });

  test("Q4: no preference, fire sale at $1M: investor $166,667, founders $833,333", () => {
    const r = waterfall(investor({}), { enterpriseValue: dec(1_000_000) });
    expect(dollars(byName(r, "Investor").total)).toBe("166667");
    expect(dollars(byName(r, "Founders").total)).toBe("833333");
  });
});

describe("capped participating preferred: 2x preference, participation capped at 4x", () => {
  // Published example (http://www.plnmw.com/CompanyRegistration/hxjcqxwter.html): $5M for 1/3 (5M of 15M shares),
  // 2x preference ($10M), cap 4x ($20M): below $10M the investor takes everything; from $40M the cap binds;
  // above $60M it converts (1/3 of $60M = $20M).
  const w = new Waterfall([
    { name: "Common", shares: dec(10_000_000) },
    { name: "Series A", shares: dec(5_000_000), invested: dec(5_000_000), preferenceMultiple: dec(2), participation: "CAPPED", capMultiple: dec(4) },
  ]);

  test("breakpoints at $10M, $40M and $60M", () => {
    expect(w.breakpoints().map((b) => [dollars(b.proceeds), b.kind])).toEqual([
      ["10000000", "PREFERENCE"],
      ["40000000", "CAP"],
      ["60000000", "CONVERSION"],
    ]);
  });

  test("payouts along the way", () => {
    const a = (p: number) => cents(byName(w.atProceeds(dec(p)), "Series A").total);
    expect(a(8_000_000)).toBe("8000000.00");
    expect(a(25_000_000)).toBe("15000000.00"); // 10M + 1/3 of 15M
    expect(a(50_000_000)).toBe("20000000.00"); // capped
    expect(a(90_000_000)).toBe("30000000.00"); // converted: 1/3
    expect(w.atProceeds(dec(50_000_000)).classes[1].capped).toBe(true);
  });
});

describe("stacked and pari passu seniority", () => {
  const classes: ShareClass[] = [
    { name: "Common", shares: dec(8_000_000) },
    { name: "Seed", shares: dec(1_000_000), invested: dec(1_000_000), preferenceMultiple: dec(1), seniority: 2 },
    { name: "Series A", shares: dec(2_571_428), invested: dec(3_000_000), preferenceMultiple: dec(1), seniority: 2 },
    { name: "Series B", shares: dec(8_571_428), invested: dec(4_000_000), preferenceMultiple: dec(1), seniority: 1 },
  ];

  test("$6M: Series B first in full, then Series A and Seed pari passu on the $2M left (3:1)", () => {
    const r = waterfall(classes, { enterpriseValue: dec(6_000_000) });
    expect(cents(byName(r, "Series B").total)).toBe("4000000.00");
    expect(cents(byName(r, "Series A").total)).toBe("1500000.00");
    expect(cents(byName(r, "Seed").total)).toBe("500000.00");
    expect(cents(byName(r, "Common").total)).toBe("0.00");
  });

  test("the same with every class pari passu: $6M split 4:3:1", () => {
    const flat = classes.map((c) => ({ ...c, seniority: 1 }));
    const r = waterfall(flat, { enterpriseValue: dec(6_000_000) });
    expect(cents(byName(r, "Series B").total)).toBe("3000000.00");
    expect(cents(byName(r, "Series A").total)).toBe("2250000.00");
    expect(cents(byName(r, "Seed").total)).toBe("750000.00");
  });

  test("debt and transaction costs come first, through the EV bridge", () => {
    expect(exitProceeds({ enterpriseValue: dec(10_000_000), netDebt: dec(3_000_000), transactionCosts: dec(1_000_000) }).toString()).toBe("6000000");
    const r = waterfall(classes, { enterpriseValue: dec(10_000_000), netDebt: dec(3_000_000), transactionCosts: dec(1_000_000) });
    expect(cents(byName(r, "Series B").total)).toBe("4000000.00");
    expect(exitProceeds({ enterpriseValue: dec(1_000_000), netDebt: dec(3_000_000) }).toString()).toBe("0");
  });
});

describe("options and warrants", () => {
  const w = new Waterfall([
    { name: "Common", shares: dec(900_000) },
    { name: "Options", shares: dec(100_000), strike: dec(2) },
  ]);

  test("out of the money below the strike: common takes everything", () => {
    const r = w.atProceeds(dec(1_350_000)); // $1.50 a share
    expect(r.classes[1].exercised).toBe(false);
    expect(cents(byName(r, "Common").total)).toBe("1350000.00");
  });

  test("in the money: exercised, paid net of the strike (cash exercise)", () => {
    // $4,800,000 + $200,000 strike paid in = $5,000,000 over 1,000,000 shares = $5; options net $3.
    const r = w.atProceeds(dec(4_800_000));
    expect(r.residualPerShare.toString()).toBe("5");
    expect(cents(byName(r, "Options").total)).toBe("300000.00");
    expect(cents(byName(r, "Common").total)).toBe("4500000.00");
  });

  test("the in-the-money breakpoint is at strike x common shares", () => {
    expect(w.breakpoints().map((b) => [dollars(b.proceeds), b.kind])).toEqual([["1800000", "IN_THE_MONEY"]]);
  });
});

describe("payouts per holder and errors", () => {
  test("holders take their class payout pro rata", () => {
    const r = waterfall(
      [
        { name: "Common", shares: dec(3_000) },
        { name: "A", shares: dec(1_000), invested: dec(1_000), preferenceMultiple: dec(1) },
      ],
      { enterpriseValue: dec(2_000) },
    );
    const h = payoutsByHolder(r, [
      { holder: "Ann", className: "Common", shares: dec(2_000) },
      { holder: "Bob", className: "common", shares: dec(1_000) },
      { holder: "Fund", className: "A", shares: dec(1_000) },
    ]);
    expect(h.map((x) => [x.holder, cents(x.total)])).toEqual([
      ["Ann", "666.67"],
      ["Bob", "333.33"],
      ["Fund", "1000.00"],
    ]);
    expect(errorOf(() => payoutsByHolder(r, [{ holder: "X", className: "B", shares: dec(1) }])).message).toBe(
      'holdings name a class that is not in the classes table: "B"',
    );
  });

  test("messages name the class and the rule", () => {
    expect(errorOf(() => new Waterfall([])).message).toBe("classes must list at least one share class");
    expect(errorOf(() => new Waterfall([{ name: "A", shares: dec(-1) }])).message).toBe('shares of class "A" must not be negative, got -1');
    expect(
      errorOf(() => new Waterfall([{ name: "A", shares: dec(1), invested: dec(1), preferenceMultiple: dec(1), participation: "CAPPED" }])).message,
    ).toMatch(/give its cap/);
    expect(
      errorOf(
        () =>
          new Waterfall([{ name: "A", shares: dec(1), invested: dec(1), preferenceMultiple: dec(2), participation: "CAPPED", capMultiple: dec(1) }]),
      ).message,
    ).toMatch(/must be at least its preference multiple/);
    expect(errorOf(() => new Waterfall([{ name: "A", shares: dec(0) }])).kind).toBe("num");
    expect(
      errorOf(
        () =>
          new Waterfall([
            { name: "A", shares: dec(1) },
            { name: " a ", shares: dec(1) },
          ]),
      ).message,
    ).toBe('classes must be unique: "a" appears more than once');
  });
});
