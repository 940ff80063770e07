/**
 * The custom functions called as Excel calls them: cell-shaped arguments (numbers, text, null for
 * an omitted optional, 2-D arrays for ranges), errors as CustomFunctions.Error with a message.
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";
import { OPCORE } from "../fixtures/opcore";

describe("scalar functions", () => {
  test("EQUITYVALUE and ENTERPRISEVALUE", () => {
    expect(f.equityValueFn(860, 212, null)).toBe(648);
    expect(f.equityValueFn(860, 212, 8)).toBe(640);
    expect(f.enterpriseValueFn(640, 212, 8)).toBe(860);
    expect(f.enterpriseValueFn(0.1, 0.2)).toBe(0.3); // exact, not 0.30000000000000004
  });

  test("STAKEVALUE on both bases and components", () => {
    const { stake, enterpriseValue, netDebt, shareholderLoans } = OPCORE;
    expect(f.stakeValueFn(stake, enterpriseValue, "EV", netDebt, shareholderLoans, null, null, null)).toBe(323781240.32);
    expect(f.stakeValueFn(stake, enterpriseValue, "ev", netDebt, shareholderLoans, null, null, "shares")).toBe(249656240.32);
    expect(f.stakeValueFn(stake, enterpriseValue, "EV", netDebt, shareholderLoans, null, null, "LOANS")).toBe(74125000);
    expect(f.stakeValueFn(0.5, 600)).toBe(300);
    expect(f.stakeValueFn(0.5, 600, null, null, null, null, 0.1)).toBe(330);
  });

  test("IMPLIEDVALUE", () => {
    expect(f.impliedValueFn(323781240.32, 0.5)).toBe(647562480.64);
    expect(f.impliedValueFn(323781240.32, 0.5, "EV", OPCORE.netDebt)).toBe(860000000);
  });

  test("PRIMARYSHARES, POSTMONEY, PRICEPERSHARE, EVPERUNIT, IMPLIEDEV", () => {
    expect(f.primarySharesFn(0.3, 1000)).toBe(428);
    expect(f.primarySharesFn(0.3, 1000, "NEAREST")).toBe(429);
    expect(f.postMoneyFn(8e6, 2e6)).toBe(1e7);
    expect(f.pricePerShareFn(8e6, 1e7)).toBe(0.8);
    expect(f.evPerUnitFn(860e6, 131)).toBeCloseTo(6564885.4961832, 6);
    expect(f.impliedEvFn(50, 12.5)).toBe(625);
  });

  test("a 1x1 range is accepted where a single cell is expected", () => {
    expect(f.equityValueFn([[860]], [[212]])).toBe(648);
  });
});

describe("basis, net debt and other claims: never given and ignored, never a blank read as 0", () => {
  const { stake, enterpriseValue, netDebt, shareholderLoans } = OPCORE;
  const ignoredOnEquity = (name: string, what: string) =>
    `${name} is given but basis is "EQUITY" (the default): the valuation is then an equity value and ${what}; set basis to "EV" or leave ${name} empty`;
  const requiredOnEv =
    'net_debt is required when basis is "EV": equity value = EV - net debt - other claims, and an empty cell is not read as 0: type 0 if the company has no net debt';

  test("STAKEVALUE: net debt on the default equity basis is an error, not a price of 430,000,000", () => {
    expect(cellError(() => f.stakeValueFn(0.5, 860000000, null, 212437519.36, 148250000))).toEqual({
      code: "#VALUE!",
      message: ignoredOnEquity("net_debt", "net debt does not apply"),
    });
    expect(cellError(() => f.stakeValueFn(0.5, 860000000, "EQUITY", 212437519.36)).message).toBe(
      'net_debt is given but basis is "EQUITY": the valuation is then an equity value and net debt does not apply; set basis to "EV" or leave net_debt empty',
    );
    expect(cellError(() => f.stakeValueFn(0.5, 600, null, null, null, 8)).message).toBe(ignoredOnEquity("other_claims", "other claims do not apply"));
    // A 0 changes nothing on either reading: accepted.
    expect(f.stakeValueFn(0.5, 600, null, 0, null, 0)).toBe(300);
    // On the EV basis the same arguments give the OpCore price.
    expect(f.stakeValueFn(0.5, 860000000, "EV", 212437519.36, 148250000)).toBe(323781240.32);
  });

  test("STAKEVALUE: the EV basis needs net debt (an empty cell is not 0; a typed 0 is)", () => {
    expect(cellError(() => f.stakeValueFn(0.5, 860000000, "EV"))).toEqual({ code: "#VALUE!", message: requiredOnEv });
    expect(cellError(() => f.stakeValueFn(stake, enterpriseValue, "EV", null, shareholderLoans, null, null, "LOANS")).message).toBe(requiredOnEv);
    expect(f.stakeValueFn(0.5, 860000000, "EV", 0)).toBe(430000000);
  });

  test("IMPLIEDVALUE: output, then net debt and other claims, under the same rule", () => {
    expect(f.impliedValueFn(323781240.32, 0.5, "EV", netDebt)).toBe(860000000);
    expect(f.impliedValueFn(100, 0.5, "EV", 10, 5)).toBe(215);
    expect(f.impliedValueFn(100, 0.5, "EV", 0)).toBe(200);
    expect(cellError(() => f.impliedValueFn(100, 0.5, "EV")).message).toBe(
      'net_debt is required when output is "EV": EV = implied equity value + net debt + other claims, and an empty cell is not read as 0: type 0 if the company has no net debt',
    );
    expect(cellError(() => f.impliedValueFn(323781240.32, 0.5, null, netDebt)).message).toBe(
      'net_debt is given but output is "EQUITY" (the default): the implied equity value does not use net debt; set output to "EV" or leave net_debt empty',
    );
    expect(cellError(() => f.impliedValueFn(100, 0.5, "EQUITY", null, 5)).message).toBe(
      'other_claims is given but output is "EQUITY": the implied equity value does not use other claims; set output to "EV" or leave other_claims empty',
    );
    expect(f.impliedValueFn(100, 0.5, "EQUITY", 0, 0, 0.25)).toBe(160);
  });

  test("DEALVIEW: net debt is required on both bases (it shows EV and equity value); other claims and premium before capacity", () => {
    const message =
      "net_debt is required by DEALVIEW: its table shows both the enterprise value and the equity value, which differ by net debt, and an empty cell is not read as 0: type 0 if the company has no net debt";
    expect(cellError(() => f.dealViewFn(0.5, 600)).message).toBe(message);
    expect(cellError(() => f.dealViewFn(0.5, 860e6, "EV", null, shareholderLoans)).message).toBe(message);
    const t = f.dealViewFn(0.5, 600, "EQUITY", 100, 50, 20, 0.1, 12);
    const row = (label: string) => t.find((r) => r[0] === label)!;
    expect(row("Enterprise value")).toEqual(["Enterprise value", 720, 360, 360]);
    expect(row("Other claims")).toEqual(["Other claims", 20, 10, 10]);
    expect(row("Price paid for the stake")).toEqual(["Price paid for the stake", "", 330, ""]);
    expect(row("Capacity")).toEqual(["Capacity", 12, 6, 6]);
  });
});

describe("odd but computable results are returned, as documented (the model sheets warn)", () => {
  test("net debt above the EV: a negative price; a 0% stake: 0", () => {
    expect(f.stakeValueFn(0.5, 100, "EV", 120)).toBe(-10);
    expect(f.equityValueFn(100, 120)).toBe(-20);
    expect(f.stakeValueFn(0, 860e6, "EV", 212437519.36)).toBe(0);
  });
});

describe("errors a user understands", () => {
  test("stake outside 0..100%", () => {
    expect(cellError(() => f.stakeValueFn(1.3, 100))).toEqual({ code: "#VALUE!", message: "stake must be between 0% and 100%, got 130%" });
  });
  test("text where a number belongs", () => {
    expect(cellError(() => f.equityValueFn("abc", 1))).toEqual({ code: "#VALUE!", message: 'enterprise_value must be a number, got the text "abc"' });
    expect(cellError(() => f.equityValueFn(true, 1)).message).toBe("enterprise_value must be a number, got the logical value TRUE");
  });
  test("a required argument left empty", () => {
    expect(cellError(() => f.equityValueFn(860, null)).message).toBe("net_debt is required, got an empty cell");
  });
  test("an unknown keyword lists the accepted ones", () => {
    expect(cellError(() => f.stakeValueFn(0.5, 100, "EBITDA")).message).toBe('basis must be one of "EQUITY", "EV", got the text "EBITDA"');
  });
  test("a range where a single cell belongs", () => {
    expect(cellError(() => f.equityValueFn([[1, 2]], 1)).message).toBe("enterprise_value must be a single cell, got a range");
  });
  test("results beyond a double are an error with a message (#VALUE!: Excel shows no message on #NUM!), never Infinity", () => {
    expect(cellError(() => f.impliedEvFn(1e300, 1e300))).toEqual({ code: "#VALUE!", message: "the result is too large for a cell (1e+600)" });
  });
  test("NaN and Infinity inputs are rejected", () => {
    expect(cellError(() => f.equityValueFn(NaN, 1)).message).toBe("enterprise_value must be a finite number, got a value that is not a number");
    expect(cellError(() => f.equityValueFn(Infinity, 1)).message).toBe("enterprise_value must be a finite number, got Infinity");
  });
  test("negative zero comes back as zero", () => {
    expect(Object.is(f.equityValueFn(-0, 0), 0)).toBe(true);
  });
});

describe("spilled tables", () => {
  test("DEALVIEW: the OpCore equity and debt views", () => {
    const t = f.dealViewFn(0.5, 860e6, "EV", OPCORE.netDebt, OPCORE.shareholderLoans, null, null, 131);
    expect(t[0]).toEqual(["", "Company (100%)", "Stake sold", "Stake retained"]);
    const row = (label: string) => t.find((r) => r[0] === label)!;
    expect(row("Stake")).toEqual(["Stake", 1, 0.5, 0.5]);
    expect(row("Enterprise value")).toEqual(["Enterprise value", 860e6, 430e6, 430e6]);
    expect(row("Net debt")).toEqual(["Net debt", 212437519.36, 106218759.68, 106218759.68]);
    expect(row("Equity value (incl. shareholder loans)")).toEqual([
      "Equity value (incl. shareholder loans)",
      647562480.64,
      323781240.32,
      323781240.32,
    ]);
    expect(row("Shareholder loans")).toEqual(["Shareholder loans", 148250000, 74125000, 74125000]);
    expect(row("Share equity")).toEqual(["Share equity", 499312480.64, 249656240.32, 249656240.32]);
    expect(row("Price paid for the stake")).toEqual(["Price paid for the stake", "", 323781240.32, ""]);
    expect(row("Capacity")).toEqual(["Capacity", 131, 65.5, 65.5]);
    expect(row("EV per capacity unit")[1]).toBeCloseTo(6564885.496, 3);
    expect(t.every((r) => r.length === 4)).toBe(true);
  });

  test("DEALVIEW without capacity has no per-unit rows", () => {
    const t = f.dealViewFn(0.5, 600, null, 0);
    expect(t.map((r) => r[0])).not.toContain("Capacity");
  });

  test("OWNERSHIP keeps the shape and leaves empty cells empty", () => {
    expect(f.ownershipFn([[600], [300], [null], [100]])).toEqual([[0.6], [0.3], [""], [0.1]]);
    expect(f.ownershipFn([[1, 1, 2]])).toEqual([[0.25, 0.25, 0.5]]);
  });

  test("OWNERSHIP errors", () => {
    expect(cellError(() => f.ownershipFn([[1], ["x"]])).message).toBe('shares (row 2, column 1) must be a number, got the text "x"');
    expect(cellError(() => f.ownershipFn([[0], [0]])).code).toBe("#VALUE!");
    expect(cellError(() => f.ownershipFn([[1, 2], [3]])).message).toBe("shares must be a rectangular range");
  });

  test("SECONDARY: OpCore cap table before and after", () => {
    expect(f.secondaryFn([["Iliad"]], [[1_000_000]], "Iliad", "InfraVia", 500_000)).toEqual([
      ["Holder", "Shares before", "% before", "Shares after", "% after"],
      ["Iliad", 1_000_000, 1, 500_000, 0.5],
      ["InfraVia", 0, 0, 500_000, 0.5],
    ]);
  });

  test("SECONDARY skips blank rows, says so in a last row, and accepts a row layout", () => {
    const t = f.secondaryFn([["A", "B", null]], [[60, 40, null]], "A", "B", 10);
    expect(t.slice(1)).toEqual([
      ["A", 60, 0.6, 50, 0.5],
      ["B", 40, 0.4, 50, 0.5],
      ["Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 row of holders (number 3)", "", "", "", ""],
    ]);
  });

  test("SECONDARY errors", () => {
    expect(cellError(() => f.secondaryFn([["A"], ["B"]], [[1]], "A", "B", 1)).message).toBe(
      "holders and shares must be ranges of the same size, got 2 holders and 1 share counts",
    );
    expect(cellError(() => f.secondaryFn([["A"]], [[10]], "A", "B", 11)).message).toBe(
      'shares_sold must not exceed the seller\'s holding: "A" holds 10, got 11',
    );
    expect(cellError(() => f.secondaryFn([["A"]], [[10]], "Z", "B", 1)).message).toBe('seller "Z" is not one of the holders');
  });

  test("PRIMARY: investor added, price from pre-money", () => {
    expect(f.primaryFn([["Founder"], ["Seed"]], [[600], [400]], "Series A", 250, 1000)).toEqual([
      ["Holder", "Shares before", "% before", "Shares after", "% after"],
      ["Founder", 600, 0.6, 600, 0.48],
      ["Seed", 400, 0.4, 400, 0.32],
      ["Series A", 0, 0, 250, 0.2],
    ]);
  });
});
