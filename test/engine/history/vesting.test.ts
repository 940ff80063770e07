import { Decimal } from "../../../src/engine/decimal";
import {
  addMonths,
  isProducedSchedule,
  loadedExtra,
  vestingSchedule,
  type AllocationType,
  type VestingTermsSpec,
} from "../../../src/engine/history/vesting";

const d = (x: string | number) => new Decimal(x);

function fourTranches(allocation: AllocationType): VestingTermsSpec {
  return {
    id: "t",
    allocation,
    conditions: [
      { id: "start", quantity: d(0), trigger: { type: "START" } },
      { id: "q", portion: d(1).div(4), trigger: { type: "RELATIVE", unit: "MONTHS", length: 3, occurrences: 4, relativeTo: "start" } },
    ],
  };
}

describe("vestingSchedule: OCF's AllocationType example (18 shares over 4 tranches)", () => {
  const cases: [AllocationType, string[]][] = [
    ["CUMULATIVE_ROUNDING", ["5", "4", "5", "4"]],
    ["CUMULATIVE_ROUND_DOWN", ["4", "5", "4", "5"]],
    ["FRONT_LOADED", ["5", "5", "4", "4"]],
    ["BACK_LOADED", ["4", "4", "5", "5"]],
    ["FRONT_LOADED_TO_SINGLE_TRANCHE", ["6", "4", "4", "4"]],
    ["BACK_LOADED_TO_SINGLE_TRANCHE", ["4", "4", "4", "6"]],
    ["FRACTIONAL", ["4.5", "4.5", "4.5", "4.5"]],
  ];
  it.each(cases)("%s gives %j", (allocation, expected) => {
    const s = vestingSchedule(fourTranches(allocation), d(18), "2024-01-15");
    expect(s.instalments.map((i) => i.quantity.toString())).toEqual(expected);
    expect(s.instalments.map((i) => i.date)).toEqual(["2024-04-15", "2024-07-15", "2024-10-15", "2025-01-15"]);
  });
});

describe("vestingSchedule: 4 years monthly with a 1-year cliff (OCF sample 4yr-1yr-cliff-schedule)", () => {
  const terms: VestingTermsSpec = {
    id: "4yr-1yr-cliff-schedule",
    allocation: "CUMULATIVE_ROUNDING",
    conditions: [
      { id: "vesting-start", quantity: d(0), trigger: { type: "START" } },
      { id: "cliff", portion: d(12).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 12, occurrences: 1, relativeTo: "vesting-start" } },
      { id: "monthly", portion: d(1).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 1, occurrences: 36, relativeTo: "cliff" } },
    ],
  };
  it("vests a quarter at the cliff, then 1/48 a month, all by the fourth anniversary, on the start's day or the month's last", () => {
    const s = vestingSchedule(terms, d(4800), "2023-01-31");
    expect(s.instalments).toHaveLength(37);
    expect(s.instalments[0]).toEqual({ date: "2024-01-31", quantity: d(1200) });
    expect(s.instalments[1].date).toBe("2024-02-29"); // leap year, last day of a shorter month
    expect(s.instalments[2].date).toBe("2024-03-31"); // back to the start's day
    expect(s.instalments[36].date).toBe("2027-01-31");
    expect(s.instalments.reduce((t, i) => t.add(i.quantity), d(0)).toString()).toBe("4800");
  });
  it("cumulative rounding keeps whole shares that add up to the grant", () => {
    const s = vestingSchedule(terms, d(1001), "2023-05-10");
    expect(s.instalments.every((i) => i.quantity.isInteger())).toBe(true);
    expect(s.instalments.reduce((t, i) => t.add(i.quantity), d(0)).toString()).toBe("1001");
    expect(s.instalments[0].quantity.toString()).toBe("250"); // 1001 x 12/48 = 250.25
  });
});

describe("vestingSchedule: rules", () => {
  it("an event trigger (an exit) has no date and is listed as unscheduled", () => {
    const s = vestingSchedule(
      { id: "e", allocation: "FRACTIONAL", conditions: [{ id: "exit", portion: d(1), trigger: { type: "EVENT" } }] },
      d(10),
      "2024-01-01",
    );
    expect(s.instalments).toEqual([]);
    expect(s.unscheduled).toEqual(["exit"]);
  });
  it("refuses conditions that are relative to themselves or to nothing", () => {
    const loop: VestingTermsSpec = {
      id: "loop",
      allocation: "FRACTIONAL",
      conditions: [
        { id: "a", portion: d("0.5"), trigger: { type: "RELATIVE", unit: "DAYS", length: 1, occurrences: 1, relativeTo: "b" } },
        { id: "b", portion: d("0.5"), trigger: { type: "RELATIVE", unit: "DAYS", length: 1, occurrences: 1, relativeTo: "a" } },
      ],
    };
    expect(() => vestingSchedule(loop, d(10), "2024-01-01")).toThrow(/relative to itself/);
    const dangling: VestingTermsSpec = { ...loop, conditions: [loop.conditions[0]] };
    expect(() => vestingSchedule(dangling, d(10), "2024-01-01")).toThrow(/"b", which does not exist/);
  });
  it("loaded allocations refuse tranches that are not whole multiples of the smallest", () => {
    const odd: VestingTermsSpec = {
      id: "odd",
      allocation: "FRONT_LOADED",
      conditions: [
        { id: "s", quantity: d(0), trigger: { type: "START" } },
        { id: "a", portion: d(2).div(5), trigger: { type: "ABSOLUTE", date: "2024-06-01" } },
        { id: "b", portion: d(3).div(5), trigger: { type: "ABSOLUTE", date: "2025-06-01" } },
      ],
    };
    expect(() => vestingSchedule(odd, d(10), "2024-01-01")).toThrow(/whole multiples/);
  });
  it("addMonths lands on fixed days and on the month's last day", () => {
    expect(addMonths("2024-01-31", 1, "31_OR_LAST_DAY_OF_MONTH", 31)).toBe("2024-02-29");
    expect(addMonths("2024-01-15", 13, "03", 15)).toBe("2025-02-03");
    expect(addMonths("2024-11-30", 3, undefined, 30)).toBe("2025-02-28");
  });
});

describe("vestingSchedule: its arrays are known to be in order (the first as-of skips re-reading them)", () => {
  it("marks the array it produced, not a copy", () => {
    const s = vestingSchedule(fourTranches("CUMULATIVE_ROUNDING"), d(18), "2024-01-15");
    expect(isProducedSchedule(s.instalments)).toBe(true);
    expect(isProducedSchedule(s.instalments.slice())).toBe(false);
    expect(isProducedSchedule([...s.instalments].reverse())).toBe(false);
  });
});

/**
 * Portions that are fractions with no exact decimal (1/48) arrive as 40-digit decimals; whole-share
 * allocation must round the fraction's true amount, not its decimal's error (found in session 7:
 * 24 shares over 48 months vested 0, 1, 1, 0 under "cumulative, half up" instead of 1, 0, 1, 0).
 */
describe("whole shares from portions with no exact decimal (1/48)", () => {
  const monthly = (allocation: AllocationType): VestingTermsSpec => ({
    id: "t",
    allocation,
    conditions: [
      { id: "start", quantity: d(0), trigger: { type: "START" } },
      { id: "m", portion: d(1).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 1, occurrences: 48, relativeTo: "start" } },
    ],
  });
  const first = (allocation: AllocationType, shares: number, n: number) =>
    vestingSchedule(monthly(allocation), d(shares), "2024-01-15")
      .instalments.slice(0, n)
      .map((i) => i.quantity.toNumber());

  test("cumulative half up: 24 shares over 48 months vest 1, 0, 1, 0 (0.5, 1, 1.5, 2 rounded half up)", () => {
    expect(first("CUMULATIVE_ROUNDING", 24, 4)).toEqual([1, 0, 1, 0]);
  });
  test("cumulative round down: 24 shares over 48 months vest 0, 1, 0, 1 (a whole share on the second month)", () => {
    expect(first("CUMULATIVE_ROUND_DOWN", 24, 4)).toEqual([0, 1, 0, 1]);
  });
  test("front loaded: 48 units of 1/48 cover all 24 shares, one each on the first 24 months", () => {
    const s = vestingSchedule(monthly("FRONT_LOADED"), d(24), "2024-01-15").instalments.map((i) => i.quantity.toNumber());
    expect(s).toEqual([...Array<number>(24).fill(1), ...Array<number>(24).fill(0)]);
  });
  test("a 12/48 cliff then 36 x 1/48 is a whole number of units under a loaded allocation: 4,800 shares, 1,200 at the cliff then 100 a month", () => {
    const terms: VestingTermsSpec = {
      id: "t",
      allocation: "BACK_LOADED",
      conditions: [
        { id: "vesting-start", quantity: d(0), trigger: { type: "START" } },
        {
          id: "cliff",
          portion: d(12).div(48),
          trigger: { type: "RELATIVE", unit: "MONTHS", length: 12, occurrences: 1, relativeTo: "vesting-start" },
        },
        { id: "monthly", portion: d(1).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 1, occurrences: 36, relativeTo: "cliff" } },
      ],
    };
    const s = vestingSchedule(terms, d(4800), "2023-01-31").instalments.map((i) => i.quantity.toNumber());
    expect(s[0]).toBe(1200);
    expect(new Set(s.slice(1))).toEqual(new Set([100]));
    expect(s.reduce((a, b) => a + b, 0)).toBe(4800);
  });
});

describe("loadedExtra: the remainder's extra shares of a loaded tranche, counted", () => {
  /** The definition, unit by unit: each unit's position from the end that takes the extra shares. */
  function byUnits(first: number, count: number, totalUnits: number, remainder: number, front: boolean, single: boolean): number {
    let extra = 0;
    for (let u = first; u < first + count; u++) {
      const position = front ? u : totalUnits - 1 - u;
      extra += single ? (position === 0 ? remainder : 0) : position < remainder ? 1 : 0;
    }
    return extra;
  }
  it("matches the unit-by-unit count for every tranche split of up to 12 units", () => {
    for (let totalUnits = 1; totalUnits <= 12; totalUnits++)
      for (let remainder = 0; remainder < totalUnits; remainder++)
        for (let first = 0; first < totalUnits; first++)
          for (let count = 1; first + count <= totalUnits; count++)
            for (const front of [true, false])
              for (const single of [true, false])
                expect([first, count, totalUnits, remainder, front, single, loadedExtra(first, count, totalUnits, remainder, front, single)]).toEqual(
                  [first, count, totalUnits, remainder, front, single, byUnits(first, count, totalUnits, remainder, front, single)],
                );
  });
  it("gives a tranche of millions of units at once (terms with a tiny smallest portion)", () => {
    const terms: VestingTermsSpec = {
      id: "tiny",
      allocation: "FRONT_LOADED",
      conditions: [
        { id: "start", portion: d(1).div(999_983), trigger: { type: "START" } },
        {
          id: "rest",
          portion: d(999_982).div(999_983),
          trigger: { type: "RELATIVE", unit: "MONTHS", length: 12, occurrences: 1, relativeTo: "start" },
        },
      ],
    };
    const s = vestingSchedule(terms, d(2_000_000), "2024-01-01");
    expect(s.instalments.map((i) => i.quantity.toString())).toEqual(["3", "1999997"]);
  });
});
