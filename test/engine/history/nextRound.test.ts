import { Decimal } from "../../../src/engine/decimal";
import { capTableAsOf } from "../../../src/engine/history/history";
import { fullyDilutedUnderRound, nextRoundFromHistory, noteInterestToDate } from "../../../src/engine/history/nextRound";
import { pricedRound } from "../../../src/engine/venture/round";
import { readOcfPackage } from "../../../src/ocf/read";
import { companyFiles, companyPackage, companyTransactions, md5 } from "../../ocf/ocfFixture";

const d = (x: string | number) => new Decimal(x);

const safe = (id: string, amount: string, mechanism: Record<string, unknown>) => ({
  object_type: "TX_CONVERTIBLE_ISSUANCE",
  id,
  security_id: id,
  date: "2025-01-15",
  stakeholder_id: "fund",
  custom_id: id,
  convertible_type: mechanism.type === "SAFE_CONVERSION" ? "SAFE" : "NOTE",
  investment_amount: { amount, currency: "EUR" },
  security_law_exemptions: [],
  seniority: 1,
  conversion_triggers: [
    {
      trigger_id: `${id}.T`,
      type: "UNSPECIFIED",
      conversion_right: { type: "CONVERTIBLE_CONVERSION_RIGHT", converts_to_future_round: true, conversion_mechanism: mechanism },
    },
  ],
});

const { history } = readOcfPackage(
  companyPackage(
    companyFiles([
      ...companyTransactions(),
      safe("SAFE-1", "1000000", {
        type: "SAFE_CONVERSION",
        conversion_mfn: false,
        conversion_valuation_cap: { amount: "20000000", currency: "EUR" },
        conversion_timing: "POST_MONEY",
      }),
      safe("NOTE-1", "500000", {
        type: "CONVERTIBLE_NOTE_CONVERSION",
        interest_rates: [{ rate: "0.08", accrual_start_date: "2025-01-15" }],
        day_count_convention: "ACTUAL_365",
        interest_payout: "DEFERRED",
        interest_accrual_period: "ANNUAL",
        compounding_type: "SIMPLE",
        conversion_discount: "0.2",
      }),
    ]),
  ),
  { md5 },
);

describe("the next round from a history", () => {
  const table = capTableAsOf(history, "2025-06-30");
  const terms = { date: "2026-01-15", preMoney: d(30_000_000), investors: [{ name: "Series A Lead", amount: d(6_000_000) }] };

  it("starts from the fully diluted cap table: stock as converted, options, the available pool", () => {
    const { input, assumptions } = nextRoundFromHistory(history, table, terms);
    expect(assumptions).toEqual([]);
    const rows = Object.fromEntries(input.holdings.map((h) => [h.holder, h.shares.toString()]));
    expect(rows).toEqual({
      "Ana Founder": "6000000",
      "Seed Fund I": "2500000",
      "Ben Founder": "3500000",
      "Eve Engineer": "480000",
      "2023 Plan (available)": "520000",
    });
    expect(input.holdings.find((h) => h.holder === "2023 Plan (available)")?.pool).toBe(true);
    expect(input.holdings.find((h) => h.holder === "Eve Engineer")?.option).toBe(true);
  });

  it("converts a post-money SAFE and a note with a year of simple interest at ACT/365", () => {
    const { input } = nextRoundFromHistory(history, table, terms);
    expect(input.instruments).toEqual([
      expect.objectContaining({ holder: "Seed Fund I", kind: "POST_SAFE", amount: d(1_000_000), cap: d(20_000_000) }),
      expect.objectContaining({ holder: "Seed Fund I", kind: "NOTE", amount: d(540_000), discount: d("0.2") }),
    ]);
    expect(
      noteInterestToDate(
        d(500_000),
        { mechanism: "NOTE", mfn: false, interestRates: [{ rate: d("0.08"), from: "2025-01-15" }] },
        "2026-01-15",
      ).toString(),
    ).toBe("40000");
    const { round } = fullyDilutedUnderRound(history, table, terms);
    expect(round).toEqual(pricedRound(input));
    expect(round.rows.some((r) => r.holder === "Series A Lead")).toBe(true);
  });

  it("refuses a round dated before the cap table", () => {
    expect(() => nextRoundFromHistory(history, table, { ...terms, date: "2025-01-01" })).toThrow(/before the cap table's date/);
  });
});
