/**
 * Worked example: Iliad sells 50% of OpCore to InfraVia at an EV of EUR 860M.
 * Net debt and shareholder loans are illustrative assumptions (see fixtures/opcore.ts).
 */
import { dec, evPerUnit, impliedValuation, secondaryTransfer, stakeSale } from "../../src/engine";
import { OPCORE, OPCORE_EXPECTED } from "../fixtures/opcore";

describe("OpCore: 50% at EUR 860M EV", () => {
  const deal = stakeSale({
    stake: dec(OPCORE.stake),
    valuation: dec(OPCORE.enterpriseValue),
    basis: "EV",
    netDebt: dec(OPCORE.netDebt),
    shareholderLoans: dec(OPCORE.shareholderLoans),
    capacity: dec(OPCORE.capacityMw),
  });

  test("equity after net debt, and share equity after shareholder loans, to the cent", () => {
    expect(deal.company.equityValue.toFixed(2)).toBe("647562480.64");
    expect(deal.company.equityValue.toString()).toBe(OPCORE_EXPECTED.equityValue);
    expect(deal.company.shareEquity.toString()).toBe(OPCORE_EXPECTED.shareEquity);
  });

  test("price paid for the stake, split into shares and shareholder loans", () => {
    expect(deal.price.total.toString()).toBe(OPCORE_EXPECTED.price);
    expect(deal.price.shares.toString()).toBe(OPCORE_EXPECTED.priceShares);
    expect(deal.price.shareholderLoans.toString()).toBe(OPCORE_EXPECTED.priceLoans);
    expect(deal.price.shares.plus(deal.price.shareholderLoans).toString()).toBe(OPCORE_EXPECTED.price);
  });

  test("each party looks through to half of the net debt and of the EV", () => {
    expect(deal.sold.netDebt.toString()).toBe(OPCORE_EXPECTED.netDebtEach);
    expect(deal.retained.netDebt.toString()).toBe(OPCORE_EXPECTED.netDebtEach);
    expect(deal.sold.enterpriseValue.toString()).toBe(OPCORE_EXPECTED.evEach);
    expect(deal.retained.enterpriseValue.toString()).toBe(OPCORE_EXPECTED.evEach);
    expect(deal.sold.netDebt.plus(deal.retained.netDebt).toString()).toBe(dec(OPCORE.netDebt).toString());
  });

  test("EV per MW", () => {
    expect(deal.evPerUnit?.toString()).toBe(OPCORE_EXPECTED.evPerMw);
    expect(evPerUnit(dec(860_000_000), dec(131)).toFixed(2)).toBe("6564885.50");
    expect(deal.capacity?.sold.toString()).toBe("65.5");
    // No premium: the price implies the headline EV per MW.
    expect(deal.impliedEvPerUnit?.toString()).toBe(OPCORE_EXPECTED.evPerMw);
  });

  test("the price implies back the headline EV", () => {
    const implied = impliedValuation({ price: deal.price.total, stake: dec(0.5), netDebt: dec(OPCORE.netDebt) });
    expect(implied.enterpriseValue.toString()).toBe("860000000");
    expect(implied.equityValue.toString()).toBe(OPCORE_EXPECTED.equityValue);
  });

  test("cap table before and after: Iliad 100% -> Iliad 50% / InfraVia 50%", () => {
    const rows = secondaryTransfer([{ holder: "Iliad", shares: dec(OPCORE.sharesBefore) }], "Iliad", "InfraVia", dec(500_000));
    expect(
      rows.map((r) => [r.holder, r.sharesBefore.toString(), r.ownershipBefore.toString(), r.sharesAfter.toString(), r.ownershipAfter.toString()]),
    ).toEqual([
      ["Iliad", "1000000", "1", "500000", "0.5"],
      ["InfraVia", "0", "0", "500000", "0.5"],
    ]);
  });
});
