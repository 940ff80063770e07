/**
 * Warnings on stake-sale inputs: allowed (the model builds) but looking wrong. The engine gives ids,
 * the field and params; the form, the sheet and the command line word them from the same data.
 */
import { dec, stakeSaleWarningText, stakeSaleWarnings } from "../../src/engine";

describe("stakeSaleWarnings", () => {
  const base = { valuation: dec(1000), basis: "EV" as const, netDebt: dec(400), shareholderLoans: dec(100), stake: dec(0.5) };

  test("a sensible deal has none", () => {
    expect(stakeSaleWarnings(base)).toEqual([]);
    expect(stakeSaleWarnings({ ...base, transaction: "both", primaryInvestment: dec(10) })).toEqual([]);
  });

  test("net debt larger than the EV: negative equity, shown beside net debt (EV basis) or the valuation (equity basis)", () => {
    const w = stakeSaleWarnings({ ...base, netDebt: dec(1100), otherClaims: dec(50) });
    expect(w).toEqual([{ id: "negativeEquity", field: "netDebt", params: { equityValue: "-150", enterpriseValue: "1000", claims: "1150" } }]);
    expect(stakeSaleWarningText(w[0])).toBe(
      "net debt and other claims (1150) exceed the enterprise value (1000): the equity value is negative (-150), and so is the price of the stake",
    );
    expect(stakeSaleWarnings({ ...base, basis: "EQUITY", valuation: dec(-5) })[0]).toMatchObject({ id: "negativeEquity", field: "valuation" });
  });

  test("shareholder loans above the equity value: the shares are worth less than nothing", () => {
    const w = stakeSaleWarnings({ ...base, shareholderLoans: dec(700) });
    expect(w).toEqual([
      { id: "negativeShareEquity", field: "shareholderLoans", params: { shareEquity: "-100", equityValue: "600", shareholderLoans: "700" } },
    ]);
  });

  test("a negative EV, a 0% stake, a 'both' deal with no investment", () => {
    expect(stakeSaleWarnings({ ...base, valuation: dec(-10), netDebt: dec(-20), shareholderLoans: dec(0) }).map((w) => w.id)).toEqual([
      "negativeEnterpriseValue",
    ]);
    expect(stakeSaleWarnings({ ...base, stake: dec(0) })).toEqual([{ id: "zeroStake", field: "stake", params: {} }]);
    expect(stakeSaleWarnings({ ...base, transaction: "both", primaryInvestment: dec(0) })).toEqual([
      { id: "noPrimaryInvestment", field: "primaryInvestment", params: {} },
    ]);
  });
});
