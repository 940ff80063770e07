import { dec, impliedValuation, stakePrice, stakeSale, bridge } from "../../src/engine";
import { errorOf } from "../support/engineError";

describe("stake sale", () => {
  const base = { valuation: dec(1000), basis: "EV" as const, netDebt: dec(400), shareholderLoans: dec(100) };

  test("pro rata price on an EV basis", () => {
    const d = stakeSale({ ...base, stake: dec(0.25) });
    expect(d.company.equityValue.toString()).toBe("600");
    expect(d.price.total.toString()).toBe("150");
    expect(d.price.shareholderLoans.toString()).toBe("25");
    expect(d.price.shares.toString()).toBe("125");
  });

  test("control premium applies to the whole ticket; loans stay at face, shares take the premium", () => {
    const d = stakeSale({ ...base, stake: dec(0.5), premium: dec(0.2) });
    expect(d.price.total.toString()).toBe("360"); // 0.5 x 600 x 1.2
    expect(d.price.shareholderLoans.toString()).toBe("50");
    expect(d.price.shares.toString()).toBe("310");
  });

  test("minority discount", () => {
    const d = stakeSale({ ...base, stake: dec(0.1), premium: dec(-0.25) });
    expect(d.price.total.toString()).toBe("45");
  });

  test("implied EV per unit reflects the premium", () => {
    const d = stakeSale({ ...base, stake: dec(0.5), premium: dec(0.2), capacity: dec(10) });
    expect(d.evPerUnit?.toString()).toBe("100");
    // implied equity = 360 / 0.5 = 720; EV = 720 + 400 = 1120; per unit 112.
    expect(d.impliedEvPerUnit?.toString()).toBe("112");
  });

  test("stakes of 0% and 100%", () => {
    expect(stakeSale({ ...base, stake: dec(0) }).price.total.toString()).toBe("0");
    const all = stakeSale({ ...base, stake: dec(1) });
    expect(all.price.total.toString()).toBe("600");
    expect(all.retained.equityValue.toString()).toBe("0");
  });

  test("a stake of 0% with a capacity: EV per unit, and no implied EV per unit (instead of an error)", () => {
    const none = stakeSale({ ...base, stake: dec(0), capacity: dec(10) });
    expect(none.evPerUnit?.toString()).toBe("100");
    expect(none.impliedEvPerUnit).toBeUndefined();
  });

  test("stake outside 0%..100% names the argument and the rule", () => {
    expect(errorOf(() => stakeSale({ ...base, stake: dec(1.3) })).message).toBe("stake must be between 0% and 100%, got 130%");
    expect(errorOf(() => stakeSale({ ...base, stake: dec(-0.1) })).message).toBe("stake must be between 0% and 100%, got -10%");
  });

  test("a discount of 100% or more is rejected", () => {
    const e = errorOf(() => stakePrice(dec(0.5), bridge(base), dec(-1)));
    expect(e.argument).toBe("premium");
    expect(e.message).toMatch(/^premium must be greater than -100%/);
  });

  test("capacity must be positive", () => {
    expect(errorOf(() => stakeSale({ ...base, stake: dec(0.5), capacity: dec(0) })).message).toBe("capacity must be greater than 0, got 0");
  });
});

describe("implied valuation", () => {
  test("100% equity = price / stake; EV adds net debt and other claims", () => {
    const v = impliedValuation({ price: dec(300), stake: dec(0.5), netDebt: dec(400), otherClaims: dec(50) });
    expect(v.equityValue.toString()).toBe("600");
    expect(v.enterpriseValue.toString()).toBe("1050");
  });

  test("a premium in the price is removed first", () => {
    expect(impliedValuation({ price: dec(360), stake: dec(0.5), premium: dec(0.2) }).equityValue.toString()).toBe("600");
  });

  test("a stake of 0% implies nothing", () => {
    expect(errorOf(() => impliedValuation({ price: dec(1), stake: dec(0) })).message).toBe("stake must be greater than 0% and at most 100%, got 0%");
  });
});
