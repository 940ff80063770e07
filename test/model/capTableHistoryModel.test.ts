/**
 * The cap-table history model (issue 17): the history replayed to the cap table as of a date on
 * each basis, the next round starting from it, and the exit waterfall on the history's classes and
 * holdings; the sheet's native formulas equal the engine's values; the figures of a public worked
 * example (YC's Post-Money Safe User Guide, Example 1) come out of the history.
 */
import { ZodError } from "zod";
import { Decimal, Waterfall, pricedRound } from "../../src/engine";
import { capTableAsOf, outstandingSharesByDate } from "../../src/engine/history";
import {
  CapTableHistoryInput,
  DELTA_HISTORY_EXAMPLE,
  VENTURE_HISTORY_EXAMPLE,
  YC_HISTORY_EXAMPLE,
  historyEvent,
} from "../../src/model/capTableHistoryInput";
import { buildCapTableHistoryModel, toHistory } from "../../src/model/capTableHistoryModel";
import { computePricedRound } from "../../src/model/pricedRoundModel";
import { YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import { builtInTemplate } from "../../src/templates/builtIn";
import type { SheetSpec } from "../../src/workbook/spec";
import { renderSheet } from "../support/hyperformulaSheet";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems } from "./sheetChecks";

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function checkSheet(sheet: SheetSpec): void {
  expect(referenceProblems(sheet, NATIVE_FUNCTIONS)).toEqual([]);
  const r = renderSheet(sheet);
  try {
    expect(mismatches(sheet, r)).toEqual([]);
    expect(textProblems(sheet, r)).toEqual([]);
  } finally {
    r.destroy();
  }
}

const cellText = (sheet: SheetSpec) => sheet.cells.map((c) => (typeof c.value === "string" ? c.value : "")).join("\n");

describe("Cap table history: the seed-to-exit example", () => {
  const model = buildCapTableHistoryModel(VENTURE_HISTORY_EXAMPLE);
  const { table, round, exit } = model.results;

  test("the cap table as of the date, on each basis, by hand", () => {
    // Founders 8,000,000 common + Seed 1,000,000 + Series A 357,142 + 571,428 + 2,500,000.
    expect(table.outstandingShares.toString()).toBe("12428570");
    // + options 200,000 + 300,000 + the pool's available 1,500,000 - 500,000 = 1,000,000.
    expect(table.fullyDiluted.toString()).toBe("13928570");
    // The bridge SAFE is outstanding (not in fully diluted).
    expect(table.convertibles.map((c) => c.amount.toString())).toEqual(["1000000"]);
    // Vested as of 2023-01-01: Employee 1 from 2019-07-01, 42 of 48 months (cliff passed) = 175,000;
    // Employee 2 from 2021-05-01, 20 months = 125,000.
    expect(table.derivatives.map((o) => o.vested!.toString())).toEqual(["175000", "125000"]);
  });

  test("every basis is stated on the sheet", () => {
    const text = cellText(model.sheet);
    expect(text).toContain("Basis: outstanding shares");
    expect(text).toContain("Basis: fully diluted (as converted + options outstanding + available pool; convertibles excluded)");
    expect(text).toContain("Basis: fully diluted with convertibles under Series B Preferred on 2023-03-01");
  });

  test("the next round starts from the as-of cap table: the same round as a priced round on that fully diluted table", () => {
    const r = round!.result;
    const direct = pricedRound({
      holdings: [
        { holder: "Founder A", shares: new Decimal(4_000_000) },
        { holder: "Founder B", shares: new Decimal(4_000_000) },
        { holder: "Seed Fund", shares: new Decimal(1_000_000) },
        { holder: "Employee 1", shares: new Decimal(200_000), option: true },
        { holder: "Angel", shares: new Decimal(357_142) },
        { holder: "Accelerator", shares: new Decimal(571_428) },
        { holder: "VC One", shares: new Decimal(2_500_000) },
        { holder: "Employee 2", shares: new Decimal(300_000), option: true },
        { holder: "Equity plan (available)", shares: new Decimal(1_000_000), pool: true },
      ],
      preMoney: new Decimal(40_000_000),
      investors: [
        { name: "Growth Fund", amount: new Decimal(9_000_000) },
        { name: "VC One", amount: new Decimal(1_000_000) },
      ],
      pool: { target: new Decimal(0.1) },
      instruments: [{ holder: "Bridge Investor", kind: "POST_SAFE", amount: new Decimal(1_000_000), cap: new Decimal(30_000_000) }],
      rounding: "DOWN",
    });
    expect(r.pricePerShare.toString()).toBe(direct.pricePerShare.toString());
    expect(r.postMoneyShares.toString()).toBe(direct.postMoneyShares.toString());
    expect(r.conversions[0].shares.toString()).toBe(direct.conversions[0].shares.toString());
  });

  test("the exit takes the history's classes and holdings, the new series with its terms and the SAFE converted in it", () => {
    expect(exit!.classes.map((c) => [c.name, c.shares.toString()])).toEqual([
      ["Common", "8000000"],
      ["Seed Preferred", "1000000"],
      ["Series A Preferred", "3428570"],
      ["Series B Preferred", round!.result.newMoneyShares.toString()],
      ["Series B Preferred (converted SAFEs and notes)", round!.result.conversions[0].shares.toString()],
      ["Options at 0.1", "200000"],
      ["Options at 0.4", "300000"],
    ]);
    // Series A's preference: 3,428,570 shares x $2.00 = 6,857,140 (1x).
    expect(exit!.classes[2].invested!.toString()).toBe("6857140");
    // The same waterfall the exit-waterfall model computes on these classes.
    const direct = new Waterfall(exit!.classes).atExit({ enterpriseValue: new Decimal(60_000_000), transactionCosts: new Decimal(2_000_000) });
    expect(exit!.results[1].classes.map((c) => c.total.toString())).toEqual(direct.classes.map((c) => c.total.toString()));
    // Every payout is attributed to a holder.
    for (let j = 0; j < exit!.results.length; j++) {
      const byClass = exit!.results[j].classes.reduce((s, c) => s.add(c.total), new Decimal(0));
      const byHolder = exit!.byHolder.reduce((s, h) => s.add(h.totals[j]), new Decimal(0));
      expect(byHolder.minus(byClass).abs().lt(1e-6)).toBe(true);
      expect(byClass.minus(exit!.results[j].proceeds).abs().lt(1e-6)).toBe(true);
    }
  });

  test("a change to one round's price flows through to the exit payouts", () => {
    // At a $30M exit ($28M to equity) Series A takes its 1x preference: shares x issue price.
    const at30 = (m: ReturnType<typeof buildCapTableHistoryModel>, holder: string) =>
      m.results.exit!.byHolder.find((h) => h.holder === holder)!.totals[0];
    const dearer = copy(VENTURE_HISTORY_EXAMPLE);
    dearer.classes[2].issuePrice = 2.5;
    const after = buildCapTableHistoryModel(dearer);
    // VC One's 2,500,000 Series A shares: 5,000,000 -> 6,250,000 of preference; the Angel's 357,142: 714,284 -> 892,855.
    expect(at30(model, "Angel").toString()).toBe("714284");
    expect(at30(after, "Angel").toString()).toBe("892855");
    // The extra preference (0.5 x 3,428,570 = 1,714,285) comes out of the junior classes: the total is unchanged.
    const total = (m: typeof model) => m.results.exit!.byHolder.reduce((s, h) => s.add(h.totals[0]), new Decimal(0));
    expect(total(after).minus(total(model)).abs().lt(1e-6)).toBe(true);
    expect(at30(after, "Founder A").lt(at30(model, "Founder A"))).toBe(true);
    // And the next round's pre-money: a higher Series B price means fewer Series B shares and a smaller Series B payout above its preference.
    const richer = copy(VENTURE_HISTORY_EXAMPLE);
    richer.nextRound!.preMoney = 80_000_000;
    const b = buildCapTableHistoryModel(richer);
    expect(b.results.round!.result.pricePerShare.gt(round!.result.pricePerShare)).toBe(true);
    const last = (m: typeof model, holder: string) => m.results.exit!.byHolder.find((h) => h.holder === holder)!.totals[3];
    expect(last(b, "Growth Fund").lt(last(model, "Growth Fund"))).toBe(true);
    expect(last(b, "Founder A").gt(last(model, "Founder A"))).toBe(true);
  });

  test("the sheet: native formulas equal the engine's values, every reference is written, no add-in call", () => {
    checkSheet(model.sheet);
    expect(model.sheet.cells.some((c) => c.formula?.includes("CAPTABLE."))).toBe(false);
    // Every check OK.
    const summary = model.sheet.cells.find((c) => c.formula?.startsWith("=IF(COUNTIFS(B"));
    expect(summary?.expected).toBe("OK");
  });

  test("an edited share count in the sheet breaks the date-by-date reconciliation (native), until rebuilt", () => {
    const sheet = model.sheet;
    const r = renderSheet(sheet);
    try {
      const events = sheet.inputs!.find((i) => i.field === "events")!;
      const firstRow = Number(/^A([0-9]+)/.exec(events.ref)![1]);
      // Founders A and B share a date: the engine's count and the reconciliation are on the date's last row.
      expect(sheet.cells.find((c) => c.address === `T${firstRow}`)?.formula).toBeUndefined();
      r.set(`F${firstRow}`, 4_000_001);
      expect(r.read(`T${firstRow + 1}`)).toBe(1);
      const summary = sheet.cells.find((c) => c.formula?.startsWith("=IF(COUNTIFS(B"))!;
      expect(r.read(summary.address)).toBe("See the checks");
    } finally {
      r.destroy();
    }
  });

  test("Read from sheet: the declared inputs are where the sheet writes them", () => {
    const inputs = model.sheet.inputs!;
    expect(inputs.map((i) => i.field)).toEqual([
      "asOf",
      "rounding",
      "classes",
      "plans",
      "events",
      "nextRound.date",
      "nextRound.series",
      "nextRound.preMoney",
      "nextRound.poolTarget",
      "nextRound.poolIncrease",
      "nextRound.preference",
      "nextRound.seniority",
      "nextRound.participation",
      "nextRound.cap",
      "nextRound.investors",
      "exit.netDebt",
      "exit.transactionCosts",
      "exit.exitValues",
    ]);
    const at = (address: string) => model.sheet.cells.find((c) => c.address === address)?.value;
    const events = inputs.find((i) => i.field === "events")!;
    const [from] = events.ref.split(":");
    const row = Number(from.slice(1));
    expect([at(`A${row}`), at(`B${row}`), at(`C${row}`), at(`F${row}`)]).toEqual(["2019-01-15", "ISSUE", "Founder A", 4_000_000]);
  });
});

describe("Cap table history: a public worked example (YC Post-Money Safe User Guide, Example 1)", () => {
  const model = buildCapTableHistoryModel(YC_HISTORY_EXAMPLE);
  const r = model.results.round!.result;

  test("the Guide's figures: Company Capitalization 11,764,705, SAFE shares 588,235 and 1,176,470, price $1.1144", () => {
    expect(model.results.table.fullyDiluted.toString()).toBe("10000000");
    expect(r.companyCapitalization.toString()).toBe("11764705");
    expect(r.conversions.map((c) => [c.holder, c.shares.toString()])).toEqual([
      ["Investor A", "588235"],
      ["Investor B", "1176470"],
    ]);
    expect(r.pricePerShare.toDecimalPlaces(4).toString()).toBe("1.1144");
    // The same round as the priced-round model on the Guide's flat cap table.
    expect(r.pricePerShare.toString()).toBe(computePricedRound(YC_EXAMPLE_1).round.pricePerShare.toString());
  });

  test("the source is cited on the sheet, and the sheet recalculates", () => {
    expect(cellText(model.sheet)).toContain("Source of the figures: Y Combinator, Post-Money Safe User Guide, Appendix II, Example 1");
    checkSheet(model.sheet);
  });

  test("both are built-in templates", () => {
    expect(builtInTemplate("yc-safe-history")?.template.inputs).toEqual(YC_HISTORY_EXAMPLE);
    expect(builtInTemplate("cap-table-history")?.template.inputs).toEqual(VENTURE_HISTORY_EXAMPLE);
  });
});

/**
 * A public worked history from founding to exit: the "Delta, Inc." course exercise (SolutionInn
 * question 12043652; the figures it prints are in DELTA_HISTORY_EXAMPLE's doc comment). Every
 * share count, percent and value the exercise prints comes out of the history and its next round;
 * the exit is the exercise's stated terms, solved by hand below (its own answer is not public).
 */
describe("Cap table history: a public worked history from founding to exit (Delta, Inc.)", () => {
  const model = buildCapTableHistoryModel(DELTA_HISTORY_EXAMPLE);
  const { table, round, exit } = model.results;
  const history = toHistory(CapTableHistoryInput.parse(DELTA_HISTORY_EXAMPLE));
  const pct = (shares: Decimal, total: Decimal, places: number) => shares.div(total).mul(100).toDecimalPlaces(places).toString();
  const held = (t: ReturnType<typeof capTableAsOf>, name: string) => {
    const id = history.holders.find((h) => h.name === name)!.id;
    return Decimal.sum(
      0,
      ...t.stock.filter((s) => s.holderId === id).map((s) => s.shares),
      ...t.derivatives.filter((o) => o.holderId === id).map((o) => o.quantity),
    );
  };

  test("before investment, as printed: Founder 5,400,000 (90%), Options 600,000 (10%)", () => {
    const before = capTableAsOf(history, "2020-12-31");
    expect(before.fullyDiluted.toString()).toBe("6000000");
    expect(["Founder", "Options"].map((h) => [held(before, h).toString(), pct(held(before, h), before.fullyDiluted, 1)])).toEqual([
      ["5400000", "90"],
      ["600000", "10"],
    ]);
  });

  test("after the Series A, as printed: 67.5% / 25.0% / 7.5% of 8,000,000 shares, $8,000,000 at $1.00", () => {
    expect(table.fullyDiluted.toString()).toBe("8000000");
    expect(["Founder", "Investor A", "Options"].map((h) => [held(table, h).toString(), pct(held(table, h), table.fullyDiluted, 1)])).toEqual([
      ["5400000", "67.5"],
      ["2000000", "25"],
      ["600000", "7.5"],
    ]);
    // Value of all shares held at the Series A price ($1.00, the class's issue price): $8,000,000.
    expect(table.fullyDiluted.mul(DELTA_HISTORY_EXAMPLE.classes[1].issuePrice!).toString()).toBe("8000000");
  });

  test("after the Series B, as printed: 11,250,000 shares at $2.00 = $22,500,000; 48% / 20% / 26.7% / 5.3%; the values", () => {
    const r = round!.result;
    expect(r.pricePerShare.toString()).toBe("2");
    expect(r.postMoneyShares.toString()).toBe("11250000");
    expect(r.postMoney.toString()).toBe("22500000");
    const after = (h: string) => {
      const row = r.rows.find((x) => x.holder === h)!;
      const shares = row.sharesBefore.add(row.sharesIssued);
      return [shares.toString(), row.ownershipAfter.mul(100).toDecimalPlaces(1).toString(), shares.mul(r.pricePerShare).toString()];
    };
    expect(["Founder", "Investor A", "Investor B", "Options"].map(after)).toEqual([
      ["5400000", "48", "10800000"],
      ["2250000", "20", "4500000"],
      ["3000000", "26.7", "6000000"],
      ["600000", "5.3", "1200000"],
    ]);
  });

  test("the exit at $100,000,000 on the exercise's terms, by hand: the Founder takes away $42,960,000", () => {
    // Preferences first: Series A 2x of $2,000,000 = $4,000,000; Series B 1x of 3,250,000 x $2.00 = $6,500,000.
    // Both participate: the $89,500,000 left is shared over all 11,250,000 shares ($7.9555... a share).
    // Founder 48% x 89.5M = 42,960,000. Investor A 4,000,000 + 500,000 + 20% x 89.5M = 22,400,000.
    // Investor B 6,000,000 + 3,000,000 / 11,250,000 x 89.5M = 29,866,666.67. Options 600,000 / 11,250,000 x 89.5M = 4,773,333.33.
    const byHolder = Object.fromEntries(exit!.byHolder.map((h) => [h.holder, h.totals[0].toDecimalPlaces(2).toString()]));
    expect(byHolder).toEqual({ Founder: "42960000", "Investor A": "22400000", "Investor B": "29866666.67", Options: "4773333.33" });
    expect(Decimal.sum(...exit!.byHolder.map((h) => h.totals[0])).toString()).toBe("100000000");
    expect(exit!.classes.map((c) => [c.name, c.shares.toString(), (c.invested ?? new Decimal(0)).toString()])).toEqual([
      ["Common", "5400000", "0"],
      ["Series A", "2000000", "2000000"],
      ["Series B", "3250000", "6500000"],
      ["Options at 0", "600000", "0"],
    ]);
  });

  test("the source is cited on the sheet, the sheet recalculates, and it is a built-in template", () => {
    expect(cellText(model.sheet)).toContain("Source of the figures: Delta, Inc. course exercise, SolutionInn question 12043652");
    checkSheet(model.sheet);
    expect(builtInTemplate("delta-history")?.template.inputs).toEqual(DELTA_HISTORY_EXAMPLE);
  });

  test("a change to the Series A's terms flows through to the exit: a 1x preference gives the Founder 48% of $91,500,000", () => {
    const changed = copy(DELTA_HISTORY_EXAMPLE);
    changed.classes[1].preference = 1;
    const founder = buildCapTableHistoryModel(changed).results.exit!.byHolder.find((h) => h.holder === "Founder")!;
    expect(founder.totals[0].toString()).toBe("43920000");
  });
});

describe("Cap table history: bad input is an error naming the row and the rule", () => {
  const issues = (input: unknown) => {
    const r = CapTableHistoryInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  test("events out of date order, a column the type does not use, a missing one, an unknown class", () => {
    const bad = copy(VENTURE_HISTORY_EXAMPLE);
    bad.events[1].date = "2018-01-01";
    bad.events[2].strike = 1;
    bad.events[3].plan = "";
    bad.events[0].className = "Class Z";
    expect(issues(bad)).toEqual([
      'events.0.className: events row 1 names a class that is not in the classes table: "Class Z"',
      "events.1.date: events row 2 is dated 2018-01-01, before the row above it (2019-01-15): list the events in date order",
      "events.2.strike: events row 3 (ISSUE) has a strike, which ISSUE rows do not use: leave it empty",
      "events.3.plan: events row 4 (GRANT) needs its plan",
    ]);
  });

  test("a conversion with nothing to convert, a round before the cap table's date", () => {
    const bad = copy(VENTURE_HISTORY_EXAMPLE);
    bad.events.push(historyEvent({ date: "2022-06-01", type: "CONVERT", holder: "Angel", className: "Series A Preferred", shares: 1 }));
    bad.nextRound!.date = "2022-12-31";
    expect(issues(bad)).toEqual([
      'events.12.holder: events row 13: "Angel" has no SAFE or note outstanding to convert',
      "nextRound.date: round date 2022-12-31 must not be before the cap table's date (as of 2023-01-01)",
    ]);
  });

  test("the builder refuses what the schema refuses (ZodError)", () => {
    expect(() => buildCapTableHistoryModel({ ...VENTURE_HISTORY_EXAMPLE, asOf: "2023-02-30" })).toThrow(ZodError);
  });

  test("the engine's history is the one the model replays (OCF ids, conversions closing the SAFEs); one replay gives the count at every date", () => {
    const h = toHistory(CapTableHistoryInput.parse(VENTURE_HISTORY_EXAMPLE));
    expect(h.events.flatMap((e) => (e.type === "CONVERSION" ? [e.securityId] : []))).toEqual(["S5", "S6"]);
    expect(capTableAsOf(h, "2021-01-31").convertibles).toHaveLength(2);
    expect(capTableAsOf(h, "2021-02-01").convertibles).toHaveLength(0);
    const byDate = outstandingSharesByDate(h);
    expect([...byDate.keys()]).toEqual([...new Set(VENTURE_HISTORY_EXAMPLE.events.map((e) => e.date))]);
    for (const [date, shares] of byDate) expect([date, shares.toString()]).toEqual([date, capTableAsOf(h, date).outstandingShares.toString()]);
  });
});

describe("Cap table history: what is left out is said", () => {
  test("with a next round, an event after the cap table's date is an error (the round would leave it out)", () => {
    const bad = copy(VENTURE_HISTORY_EXAMPLE);
    bad.asOf = "2022-01-01";
    bad.nextRound!.date = "2022-01-01";
    const r = CapTableHistoryInput.safeParse(bad);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
      "events row 12 is dated 2022-05-01, after the cap table's date (as of 2022-01-01) the next round starts from: move the date, or remove the next round",
    ]);
  });

  test("an exit without a next round says which SAFEs and notes are not in the waterfall", () => {
    const noRound = { ...copy(VENTURE_HISTORY_EXAMPLE), nextRound: null };
    const model = buildCapTableHistoryModel(noRound);
    expect(cellText(model.sheet)).toContain(
      "Not in the waterfall: 1 SAFE(s) or note(s) outstanding (1,000,000 USD), not converted (their terms at a liquidity event are not modelled): add a next round to convert them first.",
    );
    expect(model.results.exit!.classes.map((c) => c.name)).not.toContain("Series B Preferred");
    checkSheet(model.sheet);
  });
});

describe("Cap table history in French (issue 14)", () => {
  const en = buildCapTableHistoryModel(VENTURE_HISTORY_EXAMPLE);
  const fr = buildCapTableHistoryModel(VENTURE_HISTORY_EXAMPLE, "fr");
  const text = (m: typeof en) => m.sheet.cells.map((c) => (c.formula === undefined ? c.value : c.expected)).filter((v) => typeof v === "string");

  test("the round's pool row and the exit's classes of options and converted SAFEs are in French; the figures are the English ones", () => {
    expect(text(en)).toContain("Equity plan (available)");
    expect(text(fr)).toContain("Equity plan (solde disponible)");
    expect(text(fr)).not.toContain("Equity plan (available)");
    expect(fr.results.exit!.classes.map((c) => c.name)).toEqual(
      en.results.exit!.classes.map((c) =>
        c.name
          .replace(/^Options at (.*)$/, (_, s: string) => `Options (prix d’exercice ${s.replace(".", ",")})`)
          .replace("(converted SAFEs and notes)", "(SAFE et obligations convertibles convertis)"),
      ),
    );
    expect(fr.results.exit!.results.map((r) => r.proceeds.toString())).toEqual(en.results.exit!.results.map((r) => r.proceeds.toString()));
    expect(fr.sheet.name).toBe("Venture company historique");
    checkSheet(fr.sheet);
  });

  test("a warning of the cap table as of the date is in the sheet's language, from its id (no English left)", () => {
    const over = { ...copy(VENTURE_HISTORY_EXAMPLE), nextRound: null, exit: null };
    over.plans[0].reserved = 1;
    over.events = over.events.filter((e) => e.type !== "POOL");
    const enOver = buildCapTableHistoryModel(over);
    const frOver = buildCapTableHistoryModel(over, "fr");
    expect(enOver.results.table.warningRules).toEqual([{ id: "poolOverGranted", params: { plan: "Equity plan", excess: expect.any(String) } }]);
    const excess = enOver.results.table.warningRules[0].params.excess;
    expect(text(enOver)).toContain(
      `plan "Equity plan" has granted ${excess} shares more than it reserves: its available pool counts as 0 in fully diluted`,
    );
    const line = `le plan « Equity plan » a attribué ${excess} actions de plus qu’il n’en réserve : son solde disponible compte pour 0 dans l’entièrement dilué`;
    // French typography: the sheet's no-break spaces before ":" and inside « ».
    expect(text(frOver)).toContain(line.replace(/ ([:»])/g, "\u00a0$1").replace(/« /g, "«\u00a0"));
    expect(text(frOver).join("\n")).not.toMatch(/more than it reserves/);
    checkSheet(frOver.sheet);
  });
});

describe("Cap table history: transfers, repurchases, exercises, cancellations and splits", () => {
  const base: CapTableHistoryInput = {
    ...copy(VENTURE_HISTORY_EXAMPLE),
    company: "Split Co",
    asOf: "2020-12-31",
    classes: [
      { name: "Common", kind: "COMMON", issuePrice: null, preference: 0, seniority: 2, participation: "FULL", cap: null, conversionRatio: 1 },
      { name: "Seed", kind: "PREFERRED", issuePrice: 1, preference: 1, seniority: 1, participation: "NONE", cap: null, conversionRatio: 1 },
    ],
    plans: [{ name: "ESOP", reserved: 1000 }],
    events: [
      historyEvent({ date: "2020-01-01", type: "ISSUE", holder: "Ana", className: "Common", shares: 6000 }),
      historyEvent({ date: "2020-01-01", type: "ISSUE", holder: "Ben", className: "Common", shares: 4000 }),
      historyEvent({ date: "2020-02-01", type: "GRANT", holder: "Eve", plan: "ESOP", shares: 600, strike: 0.1, vestingMonths: 12 }),
      historyEvent({ date: "2020-03-01", type: "ISSUE", holder: "Fund", className: "Seed", shares: 2000 }),
      historyEvent({ date: "2020-06-01", type: "TRANSFER", holder: "Ben", toHolder: "Fund", className: "Common", shares: 1000 }),
      historyEvent({ date: "2020-07-01", type: "REPURCHASE", holder: "Ana", className: "Common", shares: 500 }),
      historyEvent({ date: "2020-08-01", type: "EXERCISE", holder: "Eve", plan: "ESOP", className: "Common", shares: 200 }),
      historyEvent({ date: "2020-09-01", type: "CANCEL", holder: "Eve", plan: "ESOP", shares: 100 }),
      historyEvent({ date: "2020-10-01", type: "CANCEL", holder: "Ben", className: "Common", shares: 500 }),
      historyEvent({ date: "2020-12-01", type: "SPLIT", className: "Common", ratio: 2 }),
    ],
    nextRound: null,
    exit: { exitValues: [50_000], netDebt: 0, transactionCosts: 0 },
  };
  const model = buildCapTableHistoryModel(base);
  const { table } = model.results;
  const shares = (holder: string, cls: string) => {
    const h = model.results.history.holders.find((x) => x.name === holder)!.id;
    const c = model.results.history.classes.find((x) => x.name === cls)!.id;
    return table.stock.find((s) => s.holderId === h && s.classId === c)?.shares.toString() ?? "0";
  };

  test("the cap table as of the date, by hand", () => {
    // Common before the 2-for-1 split: Ana 6,000 - 500 repurchased; Ben 4,000 - 1,000 sold - 500 cancelled; Fund 1,000 bought; Eve 200 exercised.
    expect([shares("Ana", "Common"), shares("Ben", "Common"), shares("Fund", "Common"), shares("Eve", "Common")]).toEqual([
      "11000",
      "5000",
      "2000",
      "400",
    ]);
    expect(shares("Fund", "Seed")).toBe("2000"); // another class: not split
    expect(table.outstandingShares.toString()).toBe("20400");
    // Eve's 600 options: 200 exercised (vested first), 100 cancelled (unvested first); the 300 left are the July-December instalments, all vested.
    expect(table.derivatives.map((o) => [o.quantity.toString(), o.vested?.toString()])).toEqual([["300", "300"]]);
    // The plan: 1,000 reserved, 300 granted and outstanding, 200 exercised; the cancelled 100 return to the pool.
    expect(table.plans.map((p) => [p.granted.toString(), p.exercised.toString(), p.available.toString()])).toEqual([["300", "200", "500"]]);
    expect(table.fullyDiluted.toString()).toBe("21200");
  });

  test("the sheet's native running count handles every type (a split adds its class's shares above times ratio - 1) and equals the engine's", () => {
    checkSheet(model.sheet);
    const summary = model.sheet.cells.find((c) => c.formula?.startsWith("=IF(COUNTIFS(B"));
    expect(summary?.expected).toBe("OK");
    const events = model.sheet.inputs!.find((i) => i.field === "events")!;
    expect(events.ref).toMatch(/^A\d+:P\d+$/);
    const first = Number(/^A([0-9]+)/.exec(events.ref)![1]);
    const net = (k: number) => model.sheet.cells.find((c) => c.address === `Q${first + k}`)!.expected;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(net)).toEqual([6000, 4000, 0, 2000, 0, -500, 200, 0, -500, 9200]);
    // After the split the class's issue price is halved: the exit's invested amount for Seed is unchanged, common has none.
    expect(model.results.exit!.classes.find((c) => c.name === "Seed")!.invested!.toString()).toBe("2000");
  });

  const issues = (input: unknown) => {
    const r = CapTableHistoryInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  test("each column a type does not use must be empty; one of class or plan for a cancellation; a split last on its date", () => {
    const bad = copy(base);
    bad.events[4].strike = 1;
    bad.events[7].className = "Common";
    bad.events.push(historyEvent({ date: "2020-12-01", type: "ISSUE", holder: "Zoe", className: "Seed", shares: 1 }));
    expect(issues(bad)).toEqual([
      "events.4.strike: events row 5 (TRANSFER) has a strike, which TRANSFER rows do not use: leave it empty",
      "events.7.plan: events row 8 (CANCEL) names a class (shares cancelled) or a plan (options cancelled): one of the two",
      "events.9.type: events row 10: a split comes after the other events of its date (they are replayed before it): move it last",
    ]);
    const missing = copy(base);
    missing.events[4].toHolder = null;
    missing.events[9].ratio = null;
    expect(issues(missing)).toEqual([
      "events.4.toHolder: events row 5 (TRANSFER) needs its to holder",
      "events.9.ratio: events row 10 (SPLIT) needs its split ratio",
    ]);
  });

  test("what a row takes must be held then", () => {
    const bad = copy(base);
    bad.events[4].shares = 5000;
    bad.events[6].shares = 700;
    expect(issues(bad)).toEqual([
      'events.4.shares: events row 5: "Ben" holds 4000 shares of "Common" then, fewer than the 5000 the row takes',
      'events.6.shares: events row 7: "Eve" holds 600 options under "ESOP" then, fewer than the 700 the row takes',
    ]);
  });

  test("files written before the transfer and split columns read them as empty", () => {
    const old = copy(VENTURE_HISTORY_EXAMPLE) as unknown as { events: Record<string, unknown>[] };
    for (const e of old.events) {
      delete e.toHolder;
      delete e.ratio;
    }
    expect(CapTableHistoryInput.parse(old).events[0]).toMatchObject({ toHolder: null, ratio: null });
  });
});

describe("Cap table history: a note's interest accrues to its conversion (simple, actual/365)", () => {
  // A $100,000 note at 8% from 2022-01-01; the Series B on 2023-03-01 (424 days later) converts principal + interest.
  const input: CapTableHistoryInput = {
    ...copy(VENTURE_HISTORY_EXAMPLE),
    events: [
      ...copy(VENTURE_HISTORY_EXAMPLE).events.slice(0, 11),
      historyEvent({ date: "2022-01-01", type: "NOTE", holder: "Lender", amount: 100_000, cap: 30_000_000, rate: 0.08 }),
      historyEvent({ date: "2022-05-01", type: "SAFE", holder: "Bridge Investor", amount: 1_000_000, cap: 30_000_000 }),
    ],
  };
  const model = buildCapTableHistoryModel(input);

  test("interest = principal x rate x days / 365, to the next round's date; the round converts principal + interest", () => {
    // 2022-01-01 to 2023-03-01: 365 + 59 = 424 days; 100,000 x 8% x 424 / 365 = 9,293.150684931506849...
    const interest = new Decimal(100_000).mul(0.08).mul(424).div(365);
    const conversion = model.results.round!.result.conversions.find((c) => c.holder === "Lender")!;
    expect(conversion.amount.toString()).toBe(new Decimal(100_000).add(interest).toString());
    checkSheet(model.sheet);
    const text = cellText(model.sheet);
    expect(text).toContain("Note interest: simple, actual/365, from the note's date to its conversion");
    const days = model.sheet.cells.find((c) => c.value === 424);
    expect(days).toBeDefined();
    const total = model.sheet.cells.find((c) => c.formula === `=B${Number(days!.address.slice(1))}+G${Number(days!.address.slice(1))}`)!;
    expect(total.expected).toBeCloseTo(109_293.150684931, 6);
  });

  test("a note converted by a CONVERT row accrues to that row's date; a rate on another type is refused", () => {
    const converted: CapTableHistoryInput = {
      ...input,
      nextRound: null,
      exit: null,
      events: [
        ...input.events.slice(0, 11),
        historyEvent({ date: "2022-01-01", type: "NOTE", holder: "Lender", amount: 100_000, rate: 0.05 }),
        historyEvent({ date: "2022-12-31", type: "CONVERT", holder: "Lender", className: "Series A Preferred", shares: 52_500 }),
      ],
    };
    const m = buildCapTableHistoryModel(converted);
    checkSheet(m.sheet);
    const row = m.sheet.cells.find((c) => c.value === 364)!;
    const r = Number(row.address.slice(1));
    expect(m.sheet.cells.find((c) => c.address === `G${r}`)!.expected).toBeCloseTo((100_000 * 0.05 * 364) / 365, 8);
    const bad = copy(converted);
    bad.events[0].rate = 0.05;
    expect(CapTableHistoryInput.safeParse(bad).error?.issues.map((i) => i.message)).toEqual([
      "events row 1 (ISSUE) has a interest rate, which ISSUE rows do not use: leave it empty",
    ]);
  });
});
