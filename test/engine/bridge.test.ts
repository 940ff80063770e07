import { Decimal, bridge, dec, enterpriseValue, equityValue, isEngineError, lookThrough, shareEquity } from "../../src/engine";

describe("EV to equity bridge", () => {
  test("equity value = EV - net debt - other claims", () => {
    expect(equityValue(dec(860), dec(200), dec(10)).toString()).toBe("650");
    expect(equityValue(dec(860), dec(200)).toString()).toBe("660");
  });

  test("enterprise value = equity + net debt + other claims", () => {
    expect(enterpriseValue(dec(650), dec(200), dec(10)).toString()).toBe("860");
  });

  test("decimal inputs stay exact where doubles would not", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in doubles.
    expect(enterpriseValue(dec(0.1), dec(0.2)).toString()).toBe("0.3");
    expect(equityValue(dec(0.3), dec(0.1), dec(0.2)).toString()).toBe("0");
  });

  test("share equity excludes shareholder loans", () => {
    expect(shareEquity(dec(650), dec(150)).toString()).toBe("500");
  });

  test("bridge on an EV basis and on an equity basis agree", () => {
    const fromEv = bridge({ valuation: dec(860), basis: "EV", netDebt: dec(200), otherClaims: dec(10), shareholderLoans: dec(150) });
    const fromEquity = bridge({ valuation: dec(650), basis: "EQUITY", netDebt: dec(200), otherClaims: dec(10), shareholderLoans: dec(150) });
    for (const k of Object.keys(fromEv) as (keyof typeof fromEv)[]) expect(fromEv[k].toString()).toBe(fromEquity[k].toString());
    expect(fromEv.shareEquity.toString()).toBe("500");
  });

  test("negative shareholder loans are rejected with the argument named", () => {
    try {
      bridge({ valuation: dec(1), basis: "EV", shareholderLoans: dec(-1) });
      throw new Error("expected an error");
    } catch (e) {
      expect(isEngineError(e)).toBe(true);
      expect((e as Error).message).toBe("shareholder_loans must not be negative, got -1");
    }
  });

  test("look-through scales every layer", () => {
    const b = bridge({ valuation: dec(860), basis: "EV", netDebt: dec(200) });
    const half = lookThrough(b, new Decimal("0.5"));
    expect(half.enterpriseValue.toString()).toBe("430");
    expect(half.netDebt.toString()).toBe("100");
    expect(half.equityValue.toString()).toBe("330");
  });
});
