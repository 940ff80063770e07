import { Decimal } from "../../../src/engine/decimal";
import { capTableAsOf, type CapTableHistory, type HistoryEvent, type Issuance } from "../../../src/engine/history/history";
import { vestingSchedule } from "../../../src/engine/history/vesting";

const d = (x: string | number) => new Decimal(x);

const base: Omit<CapTableHistory, "events"> = {
  classes: [
    { id: "common", name: "Common", kind: "COMMON", seniority: 1, conversionRatio: d(1) },
    {
      id: "seed",
      name: "Seed Preferred",
      kind: "PREFERRED",
      seniority: 2,
      originalIssuePrice: d(2),
      liquidationPreferenceMultiple: d(1),
      conversionRatio: d(1),
    },
  ],
  holders: [
    { id: "ana", name: "Ana" },
    { id: "ben", name: "Ben" },
    { id: "fund", name: "Fund" },
  ],
  plans: [{ id: "esop", name: "2024 ESOP", reserved: d(1000), cancelledGrants: "RETURN_TO_POOL" }],
};

const events: HistoryEvent[] = [
  { type: "ISSUANCE", id: "i1", date: "2024-01-01", securityId: "CS-1", kind: "STOCK", holderId: "ana", classId: "common", quantity: d(6000) },
  { type: "ISSUANCE", id: "i2", date: "2024-01-01", securityId: "CS-2", kind: "STOCK", holderId: "ben", classId: "common", quantity: d(4000) },
  {
    type: "ISSUANCE",
    id: "o1",
    date: "2024-02-01",
    securityId: "OPT-1",
    kind: "OPTION",
    holderId: "ben",
    planId: "esop",
    quantity: d(400),
    price: d("0.5"),
    vesting: [
      { date: "2024-08-01", quantity: d(100) },
      { date: "2025-02-01", quantity: d(300) },
    ],
  },
  {
    type: "ISSUANCE",
    id: "safe",
    date: "2024-03-01",
    securityId: "SAFE-1",
    kind: "CONVERTIBLE",
    holderId: "fund",
    amount: d(500000),
    convertibleType: "SAFE",
  },
  // Ana sells 1,000 to the fund: CS-1 closes, CS-3 (fund) and CS-4 (Ana's balance) open the same day.
  {
    type: "TRANSFER",
    id: "t1",
    date: "2024-06-01",
    securityId: "CS-1",
    quantity: d(1000),
    resultingSecurityIds: ["CS-3"],
    balanceSecurityId: "CS-4",
  },
  { type: "ISSUANCE", id: "i3", date: "2024-06-01", securityId: "CS-3", kind: "STOCK", holderId: "fund", classId: "common", quantity: d(1000) },
  { type: "ISSUANCE", id: "i4", date: "2024-06-01", securityId: "CS-4", kind: "STOCK", holderId: "ana", classId: "common", quantity: d(5000) },
  { type: "SPLIT", id: "s1", date: "2024-09-01", classId: "common", ratio: d(2) },
  { type: "POOL_ADJUSTMENT", id: "p1", date: "2024-10-01", planId: "esop", reserved: d(2000) },
];

const history: CapTableHistory = { ...base, events };

describe("capTableAsOf", () => {
  it("replays issuances, a transfer with its balance, a split and a pool top-up", () => {
    const t = capTableAsOf(history, "2024-12-31");
    const shares = Object.fromEntries(t.stock.map((s) => [s.holderId, s.shares.toString()]));
    expect(shares).toEqual({ ben: "8000", ana: "10000", fund: "2000" });
    expect(t.outstandingShares.toString()).toBe("20000");
    expect(t.plans[0]).toMatchObject({ reserved: d(2000), granted: d(400), available: d(1600) });
    expect(t.fullyDiluted.toString()).toBe("22000"); // 20,000 + 400 options + 1,600 pool; the SAFE is not counted
    expect(t.convertibles).toEqual([expect.objectContaining({ holderId: "fund", amount: d(500000), convertibleType: "SAFE" })]);
    expect(t.derivatives[0].vested?.toString()).toBe("100");
  });
  it("gives the cap table as of an earlier date: events after it do not count, events on it do", () => {
    const t = capTableAsOf(history, "2024-06-01");
    expect(Object.fromEntries(t.stock.map((s) => [s.holderId, s.shares.toString()]))).toEqual({ ben: "4000", fund: "1000", ana: "5000" });
    expect(capTableAsOf(history, "2023-12-31").stock).toEqual([]);
  });
  it("an exercise takes the shares out of the pool; a cancellation returns them", () => {
    const more: HistoryEvent[] = [
      ...events,
      {
        type: "EXERCISE",
        id: "x1",
        date: "2025-03-01",
        securityId: "OPT-1",
        quantity: d(100),
        resultingSecurityIds: ["CS-5"],
        balanceSecurityId: "OPT-2",
      },
      { type: "ISSUANCE", id: "i5", date: "2025-03-01", securityId: "CS-5", kind: "STOCK", holderId: "ben", classId: "common", quantity: d(100) },
      {
        type: "ISSUANCE",
        id: "o2",
        date: "2025-03-01",
        securityId: "OPT-2",
        kind: "OPTION",
        holderId: "ben",
        planId: "esop",
        quantity: d(300),
        price: d("0.5"),
      },
      { type: "CANCELLATION", id: "c1", date: "2025-04-01", securityId: "OPT-2", resultingSecurityIds: [] },
    ];
    const t = capTableAsOf({ ...history, events: more }, "2025-12-31");
    expect(t.plans[0]).toMatchObject({ granted: d(0), exercised: d(100), available: d(1900) });
    expect(t.derivatives).toEqual([]);
  });
  it("a plan granting more than it reserves counts 0 available in fully diluted, and says so", () => {
    const over = { ...history, plans: [{ ...history.plans[0], reserved: d(100) }], events: events.filter((e) => e.type !== "POOL_ADJUSTMENT") };
    const t = capTableAsOf(over, "2024-12-31");
    expect(t.plans[0].available.toString()).toBe("-300");
    expect(t.fullyDiluted.toString()).toBe("20400"); // 20,000 + 400 options + 0 pool
    expect(t.warnings).toEqual(['plan "2024 ESOP" has granted 300 shares more than it reserves: its available pool counts as 0 in fully diluted']);
    expect(t.warningRules).toEqual([{ id: "poolOverGranted", params: { plan: "2024 ESOP", excess: "300" } }]);
    expect(capTableAsOf(history, "2024-12-31").warnings).toEqual([]);
  });

  it("refuses a closing with no balance security for what remains", () => {
    const bad: HistoryEvent[] = [
      events[0],
      { type: "CANCELLATION", id: "c", date: "2024-02-01", securityId: "CS-1", quantity: d(10), resultingSecurityIds: [] },
    ];
    expect(() => capTableAsOf({ ...history, events: bad }, "2024-12-31")).toThrow(/names no balance security for the remaining 5990/);
  });
  it("refuses dangling and looping securities, and a security closed twice", () => {
    const dangling: HistoryEvent[] = [{ type: "CANCELLATION", id: "c", date: "2024-02-01", securityId: "nope", resultingSecurityIds: [] }];
    expect(() => capTableAsOf({ ...history, events: dangling }, "2024-12-31")).toThrow(/"nope" is not issued/);
    const twice: HistoryEvent[] = [
      events[0],
      { type: "RETRACTION", id: "r1", date: "2024-02-01", securityId: "CS-1", resultingSecurityIds: [] },
      { type: "RETRACTION", id: "r2", date: "2024-02-02", securityId: "CS-1", resultingSecurityIds: [] },
    ];
    expect(() => capTableAsOf({ ...history, events: twice }, "2024-12-31")).toThrow(/already closed by "r1"/);
    const loop: HistoryEvent[] = [
      { type: "ISSUANCE", id: "a", date: "2024-01-01", securityId: "A", kind: "STOCK", holderId: "ana", classId: "common", quantity: d(1) },
      { type: "ISSUANCE", id: "b", date: "2024-01-01", securityId: "B", kind: "STOCK", holderId: "ana", classId: "common", quantity: d(1) },
      { type: "TRANSFER", id: "ta", date: "2024-01-01", securityId: "A", resultingSecurityIds: ["B"] },
      { type: "TRANSFER", id: "tb", date: "2024-01-01", securityId: "B", resultingSecurityIds: ["A"] },
    ];
    expect(() => capTableAsOf({ ...history, events: loop }, "2024-12-31")).toThrow(/loop/);
  });
  it("refuses a resulting security issued on another date, unknown holders and bad dates", () => {
    const moved = { ...(events[5] as Issuance), date: "2024-06-02" };
    const late: HistoryEvent[] = [events[0], events[4], moved, events[6]];
    expect(() => capTableAsOf({ ...history, events: late }, "2024-12-31")).toThrow(/issued on 2024-06-02, not on the date/);
    const stranger: HistoryEvent[] = [{ ...(events[0] as Issuance), holderId: "zed" }];
    expect(() => capTableAsOf({ ...history, events: stranger }, "2024-12-31")).toThrow(/holder "zed"/);
    expect(() => capTableAsOf(history, "2024-02-30")).toThrow(/as_of must be a calendar date/);
  });
});

describe("validateHistory on long chains", () => {
  it("a security transferred 5,000 times in a row is checked in one pass, and a loop at its end is still found", () => {
    const chain: HistoryEvent[] = [
      { type: "ISSUANCE", id: "i0", date: "2024-01-01", securityId: "S0", kind: "STOCK", holderId: "ana", classId: "common", quantity: d(1) },
    ];
    for (let k = 1; k <= 5000; k++) {
      chain.push({ type: "TRANSFER", id: `t${k}`, date: "2024-01-01", securityId: `S${k - 1}`, resultingSecurityIds: [`S${k}`] });
      chain.push({
        type: "ISSUANCE",
        id: `i${k}`,
        date: "2024-01-01",
        securityId: `S${k}`,
        kind: "STOCK",
        holderId: k % 2 ? "ben" : "ana",
        classId: "common",
        quantity: d(1),
      });
    }
    const t = capTableAsOf({ ...base, events: chain }, "2024-12-31");
    expect(t.stock).toEqual([{ holderId: "ana", classId: "common", shares: d(1) }]);
    const looped: HistoryEvent[] = [
      ...chain,
      { type: "TRANSFER", id: "back", date: "2024-01-01", securityId: "S5000", resultingSecurityIds: ["S1"] },
    ];
    expect(() => capTableAsOf({ ...base, events: looped }, "2024-12-31")).toThrow(/results from two events|loop/);
  });
});

describe("capTableAsOf: a schedule vestingSchedule produced and a reordered copy give the same vested count", () => {
  it("the copy (as an OCF import gives it) is still checked and sorted", () => {
    const terms = {
      id: "t",
      allocation: "CUMULATIVE_ROUNDING" as const,
      conditions: [
        { id: "start", quantity: new Decimal(0), trigger: { type: "START" as const } },
        {
          id: "q",
          portion: new Decimal(1).div(4),
          trigger: { type: "RELATIVE" as const, unit: "MONTHS" as const, length: 3, occurrences: 4, relativeTo: "start" },
        },
      ],
    };
    const produced = vestingSchedule(terms, new Decimal(18), "2024-01-15").instalments;
    const copy = [...produced].reverse();
    const make = (vesting: Issuance["vesting"]): CapTableHistory => ({
      classes: [{ id: "common", name: "Common", kind: "COMMON", seniority: 1, conversionRatio: new Decimal(1) }],
      holders: [{ id: "h", name: "H" }],
      plans: [{ id: "esop", name: "Plan", reserved: new Decimal(100), cancelledGrants: "RETURN_TO_POOL" }],
      events: [
        {
          type: "ISSUANCE",
          id: "o",
          date: "2024-01-15",
          securityId: "O",
          kind: "OPTION",
          holderId: "h",
          planId: "esop",
          quantity: new Decimal(18),
          price: new Decimal(1),
          vesting,
        },
      ],
    });
    for (const vesting of [produced, copy]) {
      expect(capTableAsOf(make(vesting), "2024-10-15").derivatives[0].vested?.toString()).toBe("14");
      expect(capTableAsOf(make(vesting), "2024-07-14").derivatives[0].vested?.toString()).toBe("5");
    }
  });
});

describe("capTableAsOf: an explicit schedule's running totals", () => {
  const grant = (quantity: Decimal, vesting: Issuance["vesting"]): CapTableHistory => ({
    classes: [{ id: "common", name: "Common", kind: "COMMON", seniority: 1, conversionRatio: new Decimal(1) }],
    holders: [{ id: "h", name: "H" }],
    plans: [{ id: "esop", name: "Plan", reserved: new Decimal("1e20"), cancelledGrants: "RETURN_TO_POOL" }],
    events: [
      {
        type: "ISSUANCE",
        id: "o",
        date: "2024-01-01",
        securityId: "O",
        kind: "OPTION",
        holderId: "h",
        planId: "esop",
        quantity,
        price: d(1),
        vesting,
      },
    ],
  });

  it("are exact past 2^53 (whole-number sums stop there; the rest is summed in Decimal)", () => {
    // Nine instalments of 10^15 - 1 sum to 8,999,999,999,999,991 (below 2^53); the tenth and a last share pass it, to an odd total no double holds.
    const vesting = Array.from({ length: 10 }, (_, k) => ({ date: `2025-${String(k + 1).padStart(2, "0")}-01`, quantity: d("999999999999999") }));
    vesting.push({ date: "2025-11-01", quantity: d(1) });
    const history = grant(d("1e17"), vesting);
    expect(capTableAsOf(history, "2025-09-30").derivatives[0].vested?.toString()).toBe("8999999999999991");
    expect(capTableAsOf(history, "2025-10-31").derivatives[0].vested?.toString()).toBe("9999999999999990");
    expect(capTableAsOf(history, "2025-12-31").derivatives[0].vested?.toString()).toBe("9999999999999991");
  });

  it("follow the dates' order when a date is not ISO-shaped and the texts are out of order", () => {
    const history = grant(d(15), [
      { date: "2024-06-01T00", quantity: d(5) },
      { date: "2024-01-01", quantity: d(10) },
    ]);
    expect(capTableAsOf(history, "2024-03-01").derivatives[0].vested?.toString()).toBe("10");
    expect(capTableAsOf(history, "2024-12-31").derivatives[0].vested?.toString()).toBe("15");
  });
});
