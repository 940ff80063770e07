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
