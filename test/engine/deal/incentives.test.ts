/**
 * Preferred cumulative dividends and management ratchets computed from their terms (issue 16,
 * src/engine/deal/incentives.ts): the worked examples of the sources the file header cites, and the
 * identities as properties (the split adds up to the exit equity; management's pay-out never falls as
 * the exit equity rises; on an excess ratchet the investors' never falls either; a hurdle on the
 * investors' return pays them exactly their target at the hurdle).
 */
import fc from "fast-check";
import {
  Decimal,
  EngineError,
  RATCHET_BASES,
  type RatchetTier,
  equityForInvestorProceeds,
  pikAccrued,
  preferredAccrued,
  ratchetSplit,
  tiersFromInvestorHurdles,
} from "../../../src/engine";

const D = (n: number | string) => new Decimal(n);
const JAN_31_2024 = 45322;
const JUL_31_2024 = 45504;

describe("preferredAccrued: cumulative dividend on the issue price", () => {
  test("simple and compounded, actual/365 by default: the same convention as PIKACCRUED", () => {
    expect(preferredAccrued(D(100), D("0.08"), 45000, 45365, "SIMPLE").toString()).toBe("8");
    expect(preferredAccrued(D(100), D("0.08"), 45000, 45730).toString()).toBe(D("1.08").pow(2).minus(1).times(100).toString());
    expect(preferredAccrued(D(100), D("0.1"), 45000, 45500, "QUARTERLY").eq(pikAccrued(D(100), D("0.1"), 45000, 45500, "QUARTERLY"))).toBe(true);
  });

  test("day counts: ACT/360 and 30/360 US (Excel's DAYS360, method FALSE: 31 Jan to 31 Jul is 180 days)", () => {
    expect(preferredAccrued(D(100), D("0.12"), 45000, 45360, "SIMPLE", "ACT/360").toString()).toBe("12");
    expect(preferredAccrued(D(100), D("0.12"), JAN_31_2024, JUL_31_2024, "SIMPLE", "30/360").toString()).toBe("6");
    expect(preferredAccrued(D(100), D("0.12"), JAN_31_2024, JUL_31_2024, "SIMPLE").toNumber()).toBeCloseTo((12 * 182) / 365, 14);
  });

  test("errors name the argument", () => {
    expect(() => preferredAccrued(D(100), D("-0.1"), 45000, 45365)).toThrow("dividend_rate must not be negative, got -0.1");
    expect(() => preferredAccrued(D(100), D("0.1"), 45365, 45000)).toThrow("to_date must not be before issue_date, got -365 days");
    expect(() => preferredAccrued(D(100), D("0.1"), 10, 45000, "SIMPLE", "30/360")).toThrow(/^issue_date must be a date/);
  });
});

describe("ratchetSplit: management's share rises with the investors' return", () => {
  test("FE Training's profit-share ratchet: 25% IRR hurdle over 4 years on 80, excess shared 50/50, exit 350 -> fund 248, management 102", () => {
    const [tier] = tiersFromInvestorHurdles(D(80), D("0.2"), [{ hurdle: { irr: { rate: D("0.25"), days: 4 * 365 } }, share: D("0.5") }]);
    expect(tier.hurdle.toString()).toBe("244.140625"); // 80 x 1.25^4 = 195.3125 to the fund at 80%
    const split = ratchetSplit(D(350), D("0.2"), [tier], "EXCESS");
    expect(split.investors.toString()).toBe("248.2421875");
    expect(split.management.toString()).toBe("101.7578125");
    expect(split.tiersMet).toBe(1);
    // A multiple and an IRR on one tier: both must be met, so the larger target sets the hurdle.
    const both = tiersFromInvestorHurdles(D(80), D("0.2"), [
      { hurdle: { multiple: D(2), irr: { rate: D("0.25"), days: 4 * 365 } }, share: D("0.5") },
    ]);
    expect(both[0].hurdle.toString()).toBe("244.140625");
    const multipleLarger = tiersFromInvestorHurdles(D(80), D("0.2"), [
      { hurdle: { multiple: D(3), irr: { rate: D("0.25"), days: 4 * 365 } }, share: D("0.5") },
    ]);
    expect(multipleLarger[0].hurdle.toString()).toBe("300");
  });

  test("TOTAL applies the higher share to all the equity: the investors fall at the hurdle (the cliff), management rises", () => {
    const tiers = [{ hurdle: D(200), share: D("0.3") }];
    const below = ratchetSplit(D("199.99"), D("0.1"), tiers, "TOTAL");
    const at = ratchetSplit(D(200), D("0.1"), tiers, "TOTAL");
    expect(below.management.toString()).toBe("19.999");
    expect(at.management.toString()).toBe("60");
    expect(at.investors.lt(below.investors)).toBe(true);
    expect(ratchetSplit(D(200), D("0.1"), tiers, "EXCESS").management.toString()).toBe("20");
  });

  test("a hurdle (growth) share is a ratchet with no base share and one tier", () => {
    const tiers = [{ hurdle: D(500), share: D("0.1") }];
    expect(ratchetSplit(D(400), D(0), tiers).management.toString()).toBe("0");
    expect(ratchetSplit(D(800), D(0), tiers).management.toString()).toBe("30");
  });

  test("bad tiers are errors naming tiers and the tier", () => {
    expect(() =>
      ratchetSplit(D(100), D("0.1"), [
        { hurdle: D(50), share: D("0.2") },
        { hurdle: D(50), share: D("0.3") },
      ]),
    ).toThrow("tiers: the hurdle of tier 2 must be above the one of the tier before (hurdles rise tier by tier)");
    expect(() => ratchetSplit(D(100), D("0.2"), [{ hurdle: D(50), share: D("0.1") }])).toThrow(
      "tiers: the management share of tier 1 must be from 20% (the share below it: a ratchet never lowers it) to 100%, got 10%",
    );
    expect(() => ratchetSplit(D(100), D("1.2"), [])).toThrow("management_share must be between 0% and 100%, got 120%");
    expect(() => equityForInvestorProceeds(D(100), D("0.2"), [{ hurdle: D(50), share: D(1) }], "EXCESS")).toThrow(
      "tiers: the investors never reach the hurdle of tier 2: management takes 100% of the equity above a lower hurdle",
    );
    expect(() =>
      tiersFromInvestorHurdles(D(80), D("0.2"), [
        { hurdle: { multiple: D(3) }, share: D("0.3") },
        { hurdle: { multiple: D(2) }, share: D("0.4") },
      ]),
    ).toThrow(EngineError);
  });
});

describe("properties", () => {
  /** A base share and 0 to 4 tiers with rising hurdles and shares (in hundredths, so the sums are exact). */
  const ratchet = fc
    .record({
      base: fc.integer({ min: 0, max: 50 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 500 }), rise: fc.integer({ min: 0, max: 15 }) }), { maxLength: 4 }),
      basis: fc.constantFrom(...RATCHET_BASES),
    })
    .map(({ base, steps, basis }) => {
      let hurdle = 0;
      let share = base;
      const tiers: RatchetTier[] = steps.map((s) => {
        hurdle += s.gap;
        share = Math.min(100, share + s.rise);
        return { hurdle: D(hurdle), share: D(share).div(100) };
      });
      return { base: D(base).div(100), tiers, basis };
    });
  const equity = fc.integer({ min: 0, max: 3000 }).map((n) => D(n).div(2));

  test("the split adds up to the exit equity, and management's pay-out is monotone in it", () => {
    fc.assert(
      fc.property(ratchet, equity, equity, ({ base, tiers, basis }, a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        const x = ratchetSplit(lo, base, tiers, basis);
        const y = ratchetSplit(hi, base, tiers, basis);
        expect(x.management.plus(x.investors).eq(lo)).toBe(true);
        expect(y.management.plus(y.investors).eq(hi)).toBe(true);
        expect(x.management.lte(y.management)).toBe(true);
        expect(x.management.gte(0) && x.investors.gte(0)).toBe(true);
        if (basis === "EXCESS") expect(x.investors.lte(y.investors)).toBe(true);
      }),
    );
  });

  test("a hurdle on the investors' multiple pays them exactly their target at the hurdle (under the tiers below it)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.record({ step: fc.integer({ min: 1, max: 100 }), rise: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...RATCHET_BASES),
        (base, steps, basis) => {
          let multiple = 100;
          let share = base;
          const hurdles = steps.map((s) => {
            multiple += s.step;
            share = Math.min(99, share + s.rise);
            return { hurdle: { multiple: D(multiple).div(100) }, share: D(share).div(100) };
          });
          const invested = D(80);
          const tiers = tiersFromInvestorHurdles(invested, D(base).div(100), hurdles, basis);
          tiers.forEach((t, k) => {
            const paid = ratchetSplit(t.hurdle, D(base).div(100), tiers.slice(0, k), basis).investors;
            expect(paid.minus(invested.times(hurdles[k].hurdle.multiple)).abs().lt("1e-30")).toBe(true);
          });
        },
      ),
    );
  });
});
