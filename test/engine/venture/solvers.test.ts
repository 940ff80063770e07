/**
 * Solvers: the exit value for a target (published waterfall examples read backwards, and a property:
 * the waterfall at the solved exit pays the target, and a little less exit pays less), and the
 * venture capital method (Sahlman's definitions, a published worked example).
 */
import fc from "fast-check";
import { Decimal, ShareClass, Waterfall, dec, exitForTarget, payoutsByHolder, vcMethod } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const dollars = (d: Decimal) => d.toDecimalPlaces(0).toFixed(0);

describe("exit value for a target: the published waterfall examples, read backwards", () => {
  // Brad Feld (The Full Ratchet, ep. 10; see waterfall.test.ts): $10M for 50%, 1x non-participating.
  const feld: ShareClass[] = [
    { name: "Common", shares: dec(1_000_000) },
    { name: "Preferred", shares: dec(1_000_000), invested: dec(10_000_000), preferenceMultiple: dec(1) },
  ];

  test("1x comes back at a $10M sale; 1.5x needs $30M (the investors convert at $20M, then take 50%)", () => {
    expect(dollars(exitForTarget(feld, { className: "Preferred" }, { multiple: dec(1) }).exitValue)).toBe("10000000");
    expect(dollars(exitForTarget(feld, { className: "Preferred" }, { multiple: dec(1.5) }).exitValue)).toBe("30000000");
    // Common gets $4M at a $14M sale (the same source).
    expect(exitForTarget(feld, { className: "Common" }, { payout: dec(4_000_000) }).exitValue.toString()).toBe("14000000");
  });

  test("a flat tranche is left at its lowest point: 1x is reached at $10M, not anywhere up to the $20M conversion", () => {
    const r = exitForTarget(feld, { className: "Preferred" }, { payout: dec(10_000_000) });
    expect(r.exitValue.toString()).toBe("10000000");
    expect(r.payout.toString()).toBe("10000000");
  });

  // Capped participating, 2x preference, cap 4x (the published example of waterfall.test.ts): breakpoints $10M, $40M, $60M.
  const capped: ShareClass[] = [
    { name: "Common", shares: dec(10_000_000) },
    { name: "Series A", shares: dec(5_000_000), invested: dec(5_000_000), preferenceMultiple: dec(2), participation: "CAPPED", capMultiple: dec(4) },
  ];

  test("capped participating: 3x at $25M (10M + 1/3 of 15M), the 4x cap at $40M, 5x only after converting: $75M", () => {
    // Exact to the 30th significant digit (a slope of 1/3 is a rounded Decimal at 40 digits).
    const at = (m: number) =>
      exitForTarget(capped, { className: "Series A" }, { multiple: dec(m) })
        .exitValue.toSignificantDigits(30)
        .toString();
    expect(at(3)).toBe("25000000");
    expect(at(4)).toBe("40000000");
    expect(at(5)).toBe("75000000");
    expect(at(1.6)).toBe("8000000"); // inside the preference tranche: all of it goes to Series A
  });

  test("net debt, other claims and costs come on top: exit value = proceeds + net debt + other claims + costs", () => {
    const r = exitForTarget(
      capped,
      { className: "Series A" },
      { multiple: dec(3) },
      { netDebt: dec(5_000_000), otherClaims: dec(1), transactionCosts: dec(2) },
    );
    expect(r.proceeds.toString()).toBe("25000000");
    expect(r.exitValue.toString()).toBe("30000003");
  });

  test("a holder: the sum of its positions; its invested capital pro rata to its shares unless given", () => {
    const positions = [
      { holder: "Fund", className: "Series A", shares: dec(2_500_000) },
      { holder: "Fund", className: "Common", shares: dec(1_000_000) },
      { holder: "Founder", className: "Common", shares: dec(9_000_000) },
    ];
    // Fund holds half of Series A, so half its $5M invested: 2x is $5M, half the $10M preference, paid in full at $10M.
    const r = exitForTarget(capped, { holder: "fund", positions }, { multiple: dec(2) });
    expect(r.invested!.toString()).toBe("2500000");
    const paid = payoutsByHolder(new Waterfall(capped).atProceeds(r.proceeds), positions);
    expect(paid[0].total.plus(paid[1].total).toString()).toBe("5000000");
    expect(r.exitValue.toString()).toBe("10000000"); // half the preference ($5M) is reached when the preference is paid in full
    const given = exitForTarget(capped, { holder: "Fund", positions }, { multiple: dec(2), invested: dec(3_000_000) });
    expect(given.payout.toString()).toBe("6000000");
  });

  test("clear errors: unreachable, no invested capital, unknown names", () => {
    expect(errorOf(() => exitForTarget(feld, { className: "Preferred" }, { payout: dec(0) }))).toMatchObject({
      kind: "value",
      argument: "target",
      message: "target must be greater than 0, got 0",
    });
    expect(errorOf(() => exitForTarget(feld, { className: "Common" }, { multiple: dec(2) })).message).toBe(
      'class "Common" has no invested capital, so no multiple on it: give the Invested column (or the invested argument), or a target payout',
    );
    expect(errorOf(() => exitForTarget(feld, { className: "Series Z" }, { multiple: dec(2) })).message).toBe(
      'who must be a class of the classes table, got "Series Z"',
    );
    // A preference held by a class without shares never grows: it cannot reach more than its preference.
    const noShares: ShareClass[] = [
      { name: "Common", shares: dec(100) },
      { name: "Note", shares: dec(0), invested: dec(1_000), preferenceMultiple: dec(1.2) },
    ];
    expect(errorOf(() => exitForTarget(noShares, { className: "Note" }, { multiple: dec(1.5) }))).toMatchObject({
      kind: "num",
      argument: "target",
      message: 'class "Note" cannot reach a payout of 1500: its payout stops at 1200 whatever the exit value',
    });
    expect(exitForTarget(noShares, { className: "Note" }, { multiple: dec(1.2) }).exitValue.toString()).toBe("1200");
  });

  test("beyond the last breakpoint on large proceeds: exact to 30 digits (found by the property below)", () => {
    // One preferred share with a 10,000.5 preference against 500,000 common: it converts at about $5bn.
    const classes: ShareClass[] = [
      { name: "Common", shares: dec(500_000) },
      { name: "P0", shares: dec(1), invested: dec(6667), preferenceMultiple: dec(1.5) },
    ];
    const r = exitForTarget(classes, { className: "P0" }, { multiple: dec("3.0000900053850175") });
    const paid = new Waterfall(classes).atProceeds(r.proceeds).classes[1].total;
    expect(paid.minus(r.payout).abs().lte(r.payout.times("1e-30"))).toBe(true);
  });

  test("property: the waterfall at the solved exit pays the target exactly, and a slightly smaller exit pays less", () => {
    const cls = fc.record({
      shares: fc.integer({ min: 1, max: 1_000_000 }),
      invested: fc.integer({ min: 1, max: 1_000_000 }),
      pref: fc.constantFrom(0, 1, 1.5, 2),
      seniority: fc.integer({ min: 1, max: 3 }),
      participation: fc.constantFrom("NONE", "FULL", "CAPPED") as fc.Arbitrary<"NONE" | "FULL" | "CAPPED">,
      cap: fc.constantFrom(2, 3, 5),
    });
    fc.assert(
      fc.property(
        fc.array(cls, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        (rows, pick, m) => {
          const classes: ShareClass[] = [
            { name: "Common", shares: dec(500_000) },
            ...rows.map((r, i) => ({
              name: `P${i}`,
              shares: dec(r.shares),
              invested: dec(r.invested),
              preferenceMultiple: dec(r.pref),
              seniority: r.seniority,
              participation: r.participation,
              capMultiple: dec(Math.max(r.cap, r.pref)),
            })),
          ];
          const name = `P${pick % rows.length}`;
          const w = new Waterfall(classes);
          const r = exitForTarget(classes, { className: name }, { multiple: dec(m) });
          const total = (p: Decimal) => w.atProceeds(p).classes.find((c) => c.name === name)!.total;
          expect(total(r.proceeds).minus(r.payout).abs().lte(r.payout.times("1e-30"))).toBe(true);
          const less = r.proceeds.times(1 - 1e-9);
          expect(total(less).lt(r.payout)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the venture capital method (Sahlman and Scherlis, HBS 9-288-006)", () => {
  test("definitions: post-money = exit value x retention / multiple, ownership = investment / post-money", () => {
    const r = vcMethod({ exitValue: dec(100_000_000), targetMultiple: dec(10), investment: dec(2_000_000) });
    expect(r.postMoney.toString()).toBe("10000000");
    expect(r.preMoney.toString()).toBe("8000000");
    expect(r.ownershipToday.toString()).toBe("0.2");
    expect(r.ownershipAtExit.toString()).toBe("0.2");
    expect(r.valueAtExit.toString()).toBe("20000000");
    const diluted = vcMethod({ exitValue: dec(100_000_000), targetMultiple: dec(10), investment: dec(2_000_000), retention: dec(0.8) });
    expect(diluted.ownershipToday.toString()).toBe("0.25");
    expect(diluted.postMoney.toString()).toBe("8000000");
    expect(diluted.preMoney.toString()).toBe("6000000");
  });

  test("Caselli, Private Equity and Venture Capital in Europe, ch. 10: $2M for 4 years at a 55% IRR, terminal value $30M", () => {
    // The book: future value 11.54 million (2 x 1.55^4 = 11.544), percentage of shares 38.46% (printed from the
    // rounded 11.54 / 30; unrounded 38.48%): both agree to the book's precision.
    const multiple = dec(1.55).pow(4);
    const r = vcMethod({ exitValue: dec(30_000_000), targetMultiple: multiple, investment: dec(2_000_000) });
    expect(r.valueAtExit.div(10_000).toDecimalPlaces(0).toString()).toBe("1154");
    expect(r.ownershipToday.toDecimalPlaces(3).toString()).toBe("0.385");
  });

  test("retention: 30% dilution to come (retention 70%) needs 1/0.7 = 1.43x the ownership at exit", () => {
    const r = vcMethod({ exitValue: dec(50_000_000), targetMultiple: dec(5), investment: dec(1_000_000), retention: dec(0.7) });
    expect(r.ownershipToday.div(r.ownershipAtExit).toDecimalPlaces(2).toString()).toBe("1.43");
  });

  test("errors: 100% or more of the company, a retention outside (0%, 100%]", () => {
    expect(errorOf(() => vcMethod({ exitValue: dec(10), targetMultiple: dec(10), investment: dec(1) }))).toMatchObject({
      kind: "num",
      argument: "investment",
      message:
        "the investor would need 100% of the company today (100% or more): raise the exit value or the retention, or lower the target multiple or the investment",
    });
    expect(errorOf(() => vcMethod({ exitValue: dec(100), targetMultiple: dec(2), investment: dec(1), retention: dec(1.2) })).message).toBe(
      "retention must be greater than 0% and at most 100%, got 120%",
    );
  });
});
