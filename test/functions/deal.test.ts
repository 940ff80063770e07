/**
 * The deal functions called as Excel calls them: ranges as 2-D arrays, null for omitted optionals,
 * errors as CustomFunctions.Error naming the argument and the rule.
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";

// Microsoft's XIRR example (support.microsoft.com, "XIRR function").
const flows = [[-10000], [2750], [4250], [3250], [2750]];
const dates = [[39448], [39508], [39751], [39859], [39904]];

describe("CAPTABLE.DEALIRR, DEALNPV, DEALRETURNS", () => {
  test("Microsoft's examples; a row works as a column; trailing empty rows are dropped", () => {
    expect(f.dealIrrFn(flows, dates)).toBeCloseTo(0.3733625335188315, 14);
    expect(f.dealIrrFn([[-10000, 2750, 4250, 3250, 2750]], [[39448, 39508, 39751, 39859, 39904]], 0.2)).toBeCloseTo(0.3733625335188315, 14);
    expect(f.dealIrrFn([...flows, [null], [0]], [...dates, [null], [0]])).toBeCloseTo(0.3733625335188315, 14);
    expect(f.dealNpvFn(0.09, flows, dates)).toBeCloseTo(2086.647602, 6);
  });

  test("DEALRETURNS lays out IRR, MOIC, invested, distributed, net gain, years, cash yield", () => {
    const t = f.dealReturnsFn([[-100], [5], [5], [130]], [[43831], [44196], [44561], [44926]]);
    expect(t.map((r) => r[0])).toEqual([
      "IRR (XIRR, actual/365)",
      "Multiple on invested capital",
      "Invested",
      "Distributed",
      "Net gain",
      "Holding period (years, actual/365)",
      "Average cash yield (received before the last date, a year, on invested)",
    ]);
    expect(t.slice(1, 6).map((r) => r[1])).toEqual([1.4, 100, 140, 40, 3]);
  });

  test("errors name the argument and the rule (Excel's documented cases)", () => {
    expect(cellError(() => f.dealIrrFn(flows, dates.slice(0, 4))).message).toBe(
      "flows and dates must have the same number of cells, got 5 flows and 4 dates",
    );
    expect(cellError(() => f.dealIrrFn(flows, [[39448], ["1/3/2008"], [39751], [39859], [39904]])).message).toBe(
      'dates must be dates (day serial numbers), got the text "1/3/2008" at position 2',
    );
    expect(cellError(() => f.dealIrrFn([[-10000], [null], [4250]], [[39448], [39508], [39751]])).message).toBe(
      "flows (position 2) is required, got an empty cell",
    );
    expect(cellError(() => f.dealIrrFn([[10000], [2750]], [[39448], [39508]])).message).toBe(
      "flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires",
    );
    expect(cellError(() => f.dealIrrFn([[-10000], [2750]], [[39448], [39400]])).message).toMatch(/^dates must not be before the first date/);
    expect(cellError(() => f.dealIrrFn(flows, dates, "ten")).message).toBe('guess must be a number, got the text "ten"');
    expect(cellError(() => f.dealNpvFn(-1, flows, dates)).message).toBe("rate must be greater than -100%, got -100%");
  });
});

describe("CAPTABLE.LOCKEDBOX, COMPLETIONACCOUNTS, DEFERREDPV, PIKACCRUED, PRICESPLIT", () => {
  test("the option chosen for the ticker is shown; French keywords read", () => {
    const t = f.lockedBoxFn(1000, 45657, 45747, 0.1, null, "actions", 200);
    expect(t[1]).toEqual(["Ticker accrues on", "Shares only"]);
    expect(t[3][1]).toBeCloseTo((800 * 0.1 * 90) / 365, 12);
    expect(f.lockedBoxFn(1000, 45657, 45747, 0.1)[1]).toEqual(["Ticker accrues on", "Equity price (shares and loans)"]);
    expect(f.lockedBoxFn(1000, 45657, 45747)[1]).toEqual(["Ticker accrues on", "No ticker"]);
  });

  test("an argument given then unused is an error, never ignored", () => {
    expect(cellError(() => f.lockedBoxFn(1000, 45657, 45747, null, null, "SHARES")).message).toBe(
      "ticker_base is given but ticker_rate is empty: the base applies to a ticker rate; give ticker_rate or leave ticker_base empty",
    );
    expect(cellError(() => f.lockedBoxFn(1000, 45657, 45747, 0.1, null, null, 200)).message).toMatch(
      /^shareholder_loans is given but the ticker does not accrue on the shares/,
    );
    expect(cellError(() => f.lockedBoxFn(1000, "31/12/2024", 45747)).message).toBe(
      'box_date must be a date (a day serial number), got the text "31/12/2024"',
    );
    expect(cellError(() => f.pikAccruedFn(100, 0.08, 45000, 45500, "WEEKLY")).message).toMatch(/^compounding must be one of "SIMPLE", "ANNUAL"/);
  });

  test("PRICESPLIT reads its table with French headers; DEFERREDPV checks the probabilities", () => {
    const t = f.priceSplitFn(500, [
      ["Détenteur", "Actions", "Prêts", "Actions cédées", "Prêts cédés"],
      ["A", 50, 150, 50, 150],
      ["B", 50, 50, 0, 0],
    ]);
    expect(t[1]).toEqual(["A", 150, 150, 300]);
    expect(cellError(() => f.deferredPvFn(45747, [[10]], [[46112]], 0.1, [[1.5]])).message).toBe(
      "probabilities (position 1) must be between 0% and 100%, got 150%",
    );
  });
});

describe("CAPTABLE.SOURCESUSES and DISPOSALGAIN", () => {
  test("equity alone funds the uses when no source is given; the check row is 0", () => {
    const t = f.sourcesUsesFn([
      ["Emploi", "Montant"],
      ["Prix", 100],
      ["Frais", 3],
    ]);
    expect(t.slice(-3)).toEqual([
      ["Equity (plug)", 103],
      ["Total sources", 103],
      ["Check: sources - uses", 0],
    ]);
    expect(
      cellError(() =>
        f.sourcesUsesFn([
          ["Use", "Amount"],
          ["Price", -5],
        ]),
      ).message,
    ).toBe('uses: Amount of "Price" must not be negative, got -5');
  });

  test("DISPOSALGAIN: the whole sold by default; stake checked", () => {
    expect(f.disposalGainFn(500, 394).map((r) => r[1])).toEqual([394, 106, 0, 106]);
    expect(cellError(() => f.disposalGainFn(500, 394, 1.5)).message).toBe("stake_sold must be greater than 0% and at most 100%, got 150%");
  });
});

describe("CAPTABLE.VALUEBRIDGE, COMPSTATS, IRRGRID", () => {
  const comps = [
    ["Deal", "EV", "EBITDA", "MW", "Basis"],
    ["OpCore", 860, null, 131, "incl. development"],
    ["UltraEdge", 764, 26, 45, "installed"],
    ["Deal D", 1000, 40, 100, "installed"],
  ];

  test("the cross-term option is shown where the cross term went", () => {
    expect(f.valueBridgeFn(100, 10, 150, 12, 600, 400, 50, "EBITDA")[3]).toEqual([
      "Cross term (EBITDA growth x multiple change)",
      "In EBITDA growth (at the exit multiple)",
    ]);
    expect(f.valueBridgeFn(100, 10, 150, 12, 600, 400, 50, "EBITDA")[6][1]).toBe(1050);
  });

  test("COMPSTATS: deals without the metric are left out and counted; mixed capacity bases need a basis", () => {
    expect(f.compStatsFn(comps)[1]).toEqual(["Deals used", 2, "of 3 listed"]);
    expect(cellError(() => f.compStatsFn(comps, "EV/MW")).message).toBe(
      'comps mix capacity bases ("incl. development", "installed"): a per-MW multiple compares one basis at a time; give basis',
    );
    expect(cellError(() => f.compStatsFn(comps, "EV/EBITDA", "installed")).message).toMatch(/^basis is given but metric is "EV\/EBITDA"/);
  });

  test("IRRGRID: exit multiples across, entry EVs down", () => {
    const g = f.irrGridFn([[800], [860]], [[18, 20]], 200, 50, 150, 45748, 47574);
    expect(g[0]).toEqual(["Entry EV \\ exit multiple", 18, 20]);
    expect(g[2][1]).toBe(f.dealIrrFn([[-660], [750]], [[45748], [47574]]));
  });
});

test("IRRGRID refuses more than 10,000 cells (a bounded call)", () => {
  const rows = Array.from({ length: 101 }, (_, i) => [800 + i]);
  const cols = [Array.from({ length: 100 }, (_, i) => 10 + i / 10)];
  expect(cellError(() => f.irrGridFn(rows, cols, 200, 50, 150, 45748, 47574)).message).toBe(
    "the grid must have at most 10000 cells, got 101 entry_evs x 100 exit_multiples",
  );
});

test("a date or a basis that is not one is named in words (fuzz findings)", () => {
  expect(cellError(() => f.dealIrrFn([[-1], [2]], [[40000], [Number.NaN]])).message).toBe(
    "dates must be dates (day serial numbers), got a value that is not a number at position 2",
  );
  const comps = [
    ["Deal", "EV", "EBITDA", "MW", "Basis"],
    ["A", 860, 40, 131, "installed"],
  ];
  expect(cellError(() => f.compStatsFn(comps, "EV/MW", {})).message).toBe("basis must be a text, got a value of an unsupported kind");
});
