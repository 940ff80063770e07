/**
 * The exit-waterfall model sheet: the built-in example evaluated by a real spreadsheet engine
 * (HyperFormula, native formulas only: no add-in) equals the
 * engine in every formula cell; the numbers are those of the worked example the venture engine
 * tests cite; references and names are sound; texts stay texts; bad input never builds and the
 * message names the field.
 */
import { ZodError } from "zod";
import { Decimal, payoutsByHolder, waterfall } from "../../src/engine";
import { EXIT_LIMITS, ExitWaterfallInput, toShareClass } from "../../src/model/exitWaterfallInput";
import { buildExitWaterfallModel, exitWaterfallSheetName } from "../../src/model/exitWaterfallModel";
import { builtInTemplate } from "../../src/templates/builtIn";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { RenderedSheet, renderSheet } from "../support/hyperformulaSheet";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems, tokensOf } from "./sheetChecks";

function example(): ExitWaterfallInput {
  const t = builtInTemplate("exit-waterfall")!.template;
  if (t.kind !== "exitWaterfall") throw new Error("exit-waterfall is not an exit waterfall template");
  return t.inputs;
}

function cell(sheet: SheetSpec, address: string): CellSpec {
  const c = sheet.cells.find((x) => x.address === address);
  if (c === undefined) throw new Error(`no cell ${address}`);
  return c;
}

/** The row whose column A holds `label` (a literal, or the expected text of a formula). */
function rowOf(sheet: SheetSpec, label: string, nth = 0): number {
  const rows = sheet.cells.filter((c) => c.address.startsWith("A") && /^A[0-9]+$/.test(c.address) && (c.value === label || c.expected === label));
  if (rows.length <= nth) throw new Error(`no row labelled ${label}`);
  return Number(rows[nth].address.slice(1));
}

/**
 * Reference problems, except the blank optional cells (Cap, Strike) inside the Classes table, which CAPTABLE.WATERFALL reads as
 * "none", and the names of the tables the add-in's functions read (Classes, Holdings, ExitValues): no native formula needs
 * them, the note at the top gives the add-in's calls on them.
 */
function problemsOf(sheet: SheetSpec): string[] {
  return referenceProblems(sheet, NATIVE_FUNCTIONS).filter(
    (p) =>
      !/^defined name Classes covers [GI][0-9]+, which the sheet does not write$/.test(p) &&
      !/^defined name (Classes|Holdings|ExitValues) is never used$/.test(p),
  );
}

function withRender<T>(sheet: SheetSpec, f: (r: RenderedSheet) => T): T {
  // Without the add-in's functions: the sheet needs none.
  const r = renderSheet(sheet);
  try {
    return f(r);
  } finally {
    r.destroy();
  }
}

describe("Exit waterfall: the built-in example", () => {
  const input = example();
  const model = buildExitWaterfallModel(input);
  const sheet = model.sheet;

  test("the worked example's numbers: at 10M EV less 3M net debt and 1M costs, Series B 4M, Series A 1.5M, Seed 0.5M, nothing below", () => {
    expect(model.kind).toBe("exitWaterfall");
    expect(model.schemaVersion).toBe(1);
    const h = model.results.headline;
    expect(h.proceeds.toString()).toBe("6000000");
    const total = (name: string) => h.classes.find((c) => c.name === name)!.total.toFixed(2);
    expect([total("Series B"), total("Series A"), total("Seed"), total("Common"), total("Options")]).toEqual([
      "4000000.00",
      "1500000.00",
      "500000.00",
      "0.00",
      "0.00",
    ]);
    // The same figures in the sheet, in the payout table's Total column.
    const first = rowOf(sheet, "Series B", 0);
    const payoutFirst = sheet.cells.find((c) => c.address.startsWith("A") && c.expected === "Series B")!;
    const pr = Number(payoutFirst.address.slice(1));
    expect(first).toBeLessThan(pr); // the classes table comes before the payout table
    expect([0, 1, 2, 3, 4].map((i) => cell(sheet, `E${pr + i}`).expected)).toEqual([4_000_000, 1_500_000, 500_000, 0, 0]);
    // Multiple on invested capital: 1.0x, 0.5x, 0.5x; "n/a" without invested capital.
    expect([0, 1, 2, 3, 4].map((i) => cell(sheet, `G${pr + i}`).expected)).toEqual([1, 0.5, 0.5, "n/a", "n/a"]);
    expect([0, 1, 2, 3, 4].map((i) => cell(sheet, `H${pr + i}`).expected)).toEqual([
      "Preference",
      "Preference",
      "Preference",
      "Common",
      "Out of the money",
    ]);
  });

  test("the engine's results equal the venture engine called directly, at every exit value of the sensitivity", () => {
    const classes = input.classes.map(toShareClass);
    input.exitValues.forEach((v, k) => {
      const direct = waterfall(classes, {
        enterpriseValue: new Decimal(v),
        netDebt: new Decimal(input.netDebt),
        transactionCosts: new Decimal(input.transactionCosts),
        otherClaims: new Decimal(input.otherClaims),
      });
      const row = model.results.sensitivity[k];
      expect(row.exitValue.toNumber()).toBe(v);
      expect(row.result.classes.map((c) => c.total.toString())).toEqual(direct.classes.map((c) => c.total.toString()));
      expect(row.result.proceeds.toString()).toBe(direct.proceeds.toString());
    });
  });

  test("HyperFormula, without the add-in, gives `expected` in every formula cell; texts stay texts", () => {
    expect(problemsOf(sheet)).toEqual([]);
    withRender(sheet, (r) => {
      expect(mismatches(sheet, r)).toEqual([]);
      expect(textProblems(sheet, r)).toEqual([]);
    });
  });

  test("every formula is native: no CAPTABLE call, only functions Excel, LibreOffice and Google Sheets all have; the subtitle says so", () => {
    const formulas = sheet.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula]));
    expect(formulas.length).toBeGreaterThan(100);
    for (const f of formulas) {
      expect(f).not.toMatch(/CAPTABLE\./);
      for (const fn of tokensOf(f).functions) expect(NATIVE_FUNCTIONS.has(fn)).toBe(true);
      // No dynamic arrays, LET or LAMBDA: the sheet must open in LibreOffice, Google Sheets and Excel 2010 alike.
      expect(f).not.toMatch(/\b(LET|LAMBDA|FILTER|SORT|SORTBY|UNIQUE|SEQUENCE|XLOOKUP|TEXTJOIN|IFS)\(/);
    }
    expect(sheet.cells.some((c) => c.spill !== undefined)).toBe(false);
    expect(String(cell(sheet, "A2").value)).toContain("recalculates without the add-in");
    // The add-in's functions stay one formula away: the note gives the calls on the same named tables.
    expect(String(cell(sheet, "A4").value)).toContain("=CAPTABLE.WATERFALL(Classes,ExitValue,NetDebt,TransactionCosts,Holdings,OtherClaims)");
    expect(sheet.name).toBe(exitWaterfallSheetName(input.company));
  });

  test("the classes table has the header row CAPTABLE.WATERFALL reads, under the sheet-scoped name Classes; each input has a name", () => {
    const names = new Map(sheet.names.map((n) => [n.name, n.ref]));
    expect([...names.keys()].sort()).toEqual([
      "AsConvertedShares",
      "BreakpointCheck",
      "Classes",
      "ExitValue",
      "ExitValues",
      "Holdings",
      "NetDebt",
      "OtherClaims",
      "Proceeds",
      "ResidualPerShare",
      "TotalPreferences",
      "TransactionCosts",
    ]);
    const [from, to] = names.get("Classes")!.replace(/\$/g, "").split(":");
    const header = Number(from.slice(1));
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => cell(sheet, `${c}${header}`).value)).toEqual([
      "Class",
      "Shares",
      "Invested",
      "Preference",
      "Seniority",
      "Participation",
      "Cap",
      "Conversion ratio",
      "Strike",
    ]);
    expect(Number(to.slice(1))).toBe(header + input.classes.length);
    expect(cell(sheet, `A${header + 1}`)).toMatchObject({ value: "Series B", style: "input" });
    expect(cell(sheet, `I${header + 5}`)).toMatchObject({ value: 0.25, style: "input" });
    expect(cell(sheet, names.get("ExitValue")!.replace(/\$/g, "")).value).toBe(10_000_000);
    const [e1, e2] = names.get("ExitValues")!.replace(/\$/g, "").split(":");
    expect(Number(e2.slice(1)) - Number(e1.slice(1)) + 1).toBe(input.exitValues.length);
  });

  test("a stacked column chart of payout by class over the sensitivity table (exit values as categories, one series per class)", () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0];
    expect(chart.type).toBe("stackedColumn");
    expect(chart.seriesBy).toBe("columns");
    const [from, to] = chart.dataRange.split(":");
    expect(cell(sheet, from).value).toBe("Exit value");
    const header = Number(from.slice(1));
    expect(["B", "C", "D", "E", "F"].map((c) => cell(sheet, `${c}${header}`).value)).toEqual(input.classes.map((c) => c.name));
    expect(to).toBe(`F${header + input.exitValues.length}`);
    expect(cell(sheet, `G${header}`).value).toBe("Proceeds to equity"); // next to the chart data, not in it
  });

  test("the breakpoints: Series B's preference, then Series A and Seed's, options in the money, conversions", () => {
    const events = model.results.breakpoints.map((b) => b.event);
    expect(events.length).toBeGreaterThanOrEqual(4);
    // Preferences of 8M in all are paid in full at proceeds of 8M, an exit of 8M + 3M + 1M.
    expect(model.results.breakpoints.some((b) => b.exitValue.eq(12_000_000))).toBe(true);
    const header = rowOf(sheet, "Exit value", 1);
    expect(cell(sheet, `D${header}`).value).toBe("Event");
    model.results.breakpoints.forEach((b, j) => expect(cell(sheet, `D${header + 1 + j}`).expected).toBe(b.event));
  });

  test.each([
    ["a participation word the engine does not know", "F", 0, "PARTICIPATING"],
    ["a strike given to a class with a preference", "I", 0, 1],
    ["a capped class without its cap", "F", 1, "CAPPED"],
  ] as const)("an edit the engine would refuse (%s) turns the payouts into #N/A, never a wrong number", (_, column, k, value) => {
    const [from] = sheet.names
      .find((n) => n.name === "Classes")!
      .ref.replace(/\$/g, "")
      .split(":");
    const classRow = Number(from.slice(1)) + 1 + k;
    const pr = Number(sheet.cells.find((c) => c.address.startsWith("A") && c.expected === "Series B")!.address.slice(1));
    withRender(sheet, (r) => {
      r.set(`${column}${classRow}`, value);
      for (let i = 0; i < input.classes.length; i++) expect(r.read(`E${pr + i}`)).toMatchObject({ error: "#N/A" });
    });
  });

  test("changing an input in the sheet recalculates (native formulas): net debt 0 gives Series B the same 4M at 6M EV", () => {
    const nd = sheet.names.find((n) => n.name === "NetDebt")!.ref.replace(/\$/g, "");
    const ev = sheet.names.find((n) => n.name === "ExitValue")!.ref.replace(/\$/g, "");
    const tc = sheet.names.find((n) => n.name === "TransactionCosts")!.ref.replace(/\$/g, "");
    const pr = Number(sheet.cells.find((c) => c.address.startsWith("A") && c.expected === "Series B")!.address.slice(1));
    withRender(sheet, (r) => {
      r.set(nd, 0);
      r.set(tc, 0);
      r.set(ev, 6_000_000);
      expect(r.read(`E${pr}`)).toBe(4_000_000);
      expect(r.read(`E${pr + 1}`)).toBe(1_500_000);
      expect(r.read(`E${pr + 2}`)).toBe(500_000);
    });
  });
});

describe("other class structures", () => {
  const base = example();

  test.each([
    [
      "capped participating, pari passu, a conversion ratio, thousands",
      {
        ...base,
        unit: "thousands" as const,
        classes: [
          {
            name: "Series A",
            shares: 1_000,
            invested: 5_000,
            preference: 2,
            seniority: 1,
            participation: "CAPPED" as const,
            cap: 4,
            conversionRatio: 1.5,
            strike: null,
          },
          {
            name: "Series B",
            shares: 500,
            invested: 3_000,
            preference: 1,
            seniority: 1,
            participation: "FULL" as const,
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Common",
            shares: 4_000,
            invested: 0,
            preference: 0,
            seniority: 2,
            participation: "NONE" as const,
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Warrants",
            shares: 200,
            invested: 0,
            preference: 0,
            seniority: 2,
            participation: "NONE" as const,
            cap: null,
            conversionRatio: 1,
            strike: 3,
          },
        ],
        netDebt: -2_000,
        transactionCosts: 500,
        otherClaims: 1_000,
        exitValue: 45_000,
        exitValues: [0, 5_000, 13_000, 20_000, 40_000, 60_000, 90_000],
        holdings: [
          { holder: "Fund I", className: "Series A", shares: 600 },
          { holder: "Fund I", className: "Series B", shares: 125.5 },
          { holder: "Fund II", className: "series a ", shares: 400 },
          { holder: "Founder", className: "Common", shares: 3_000 },
          { holder: "Lender", className: "Warrants", shares: 200 },
        ],
      },
    ],
    [
      "common only: no breakpoint",
      {
        ...base,
        classes: [
          {
            name: "Founders",
            shares: 700,
            invested: 0,
            preference: 0,
            seniority: 1,
            participation: "NONE" as const,
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Angels",
            shares: 300,
            invested: 100,
            preference: 0,
            seniority: 1,
            participation: "NONE" as const,
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
        ],
        exitValues: [1_000_000, 2_000_000],
        holdings: [],
      },
    ],
  ])("%s: HyperFormula equals the engine in every formula cell", (_, input) => {
    const model = buildExitWaterfallModel(input);
    expect(problemsOf(model.sheet)).toEqual([]);
    withRender(model.sheet, (r) => expect(mismatches(model.sheet, r)).toEqual([]));
    const sum = model.results.headline.classes.reduce((t, c) => t.plus(c.total), new Decimal(0));
    expect(sum.minus(model.results.headline.proceeds).abs().lt(1e-20)).toBe(true);
  });

  test("hostile class and company names are written as text and read back unchanged", () => {
    const input: ExitWaterfallInput = {
      ...base,
      company: '=HYPERLINK("http://x","y")',
      classes: base.classes.map((c, i) => (i === 0 ? { ...c, name: "=1+1" } : i === 1 ? { ...c, name: "@SUM(A1)" } : c)),
      holdings: base.holdings.map((h) =>
        h.className === "Series B"
          ? { ...h, holder: "+HOLDER", className: "=1+1" }
          : h.className === "Series A"
            ? { ...h, className: "@SUM(A1)" }
            : h,
      ),
    };
    const model = buildExitWaterfallModel(input);
    expect(model.sheet.cells.filter((c) => c.value === "=1+1").length).toBeGreaterThanOrEqual(2); // classes table and sensitivity header
    withRender(model.sheet, (r) => {
      expect(textProblems(model.sheet, r)).toEqual([]);
      expect(mismatches(model.sheet, r)).toEqual([]);
    });
  });
});

describe("invalid input never builds, and the message names the field", () => {
  const base = example();
  const messages = (input: unknown): string[] => {
    try {
      buildExitWaterfallModel(input as ExitWaterfallInput);
    } catch (e) {
      if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw e;
    }
    throw new Error("built");
  };
  const withClass = (i: number, patch: Record<string, unknown>) => ({
    ...base,
    classes: base.classes.map((c, k) => (k === i ? { ...c, ...patch } : c)),
  });
  const withHolding = (i: number, patch: Record<string, unknown>) => ({
    ...base,
    holdings: base.holdings.map((h, k) => (k === i ? { ...h, ...patch } : h)),
  });

  test.each([
    [
      "a duplicate class",
      { ...base, classes: [...base.classes, { ...base.classes[0], name: " series b " }] },
      'classes.5.name: class "series b" appears more than once',
    ],
    [
      "capped without a cap",
      withClass(0, { participation: "CAPPED" }),
      'classes.0.cap: cap of class "Series B" is required: it is capped participating',
    ],
    [
      "a cap on a non-participating class",
      withClass(0, { cap: 3 }),
      'classes.0.cap: cap of class "Series B" must be empty unless its participation is "CAPPED"',
    ],
    [
      "a cap below the preference",
      withClass(0, { participation: "CAPPED", preference: 2, cap: 1.5 }),
      'classes.0.cap: cap of class "Series B" must be at least its preference multiple (2x)',
    ],
    ["options with a preference", withClass(4, { preference: 1 }), 'classes.4.preference: preference of class "Options" must be 0: it has a strike'],
    ["negative shares", withClass(1, { shares: -1 }), "classes.1.shares: shares must not be negative"],
    ["seniority 0", withClass(1, { seniority: 0 }), "classes.1.seniority: seniority must be a whole number from 1 (most senior)"],
    ["seniority 1.5", withClass(1, { seniority: 1.5 }), "classes.1.seniority: seniority must be a whole number from 1 (most senior)"],
    [
      "an unknown participation",
      withClass(1, { participation: "MAYBE" }),
      'classes.1.participation: participation must be "NONE", "FULL" or "CAPPED"',
    ],
    ["a zero conversion ratio", withClass(1, { conversionRatio: 0 }), "classes.1.conversionRatio: conversion ratio must be greater than 0"],
    ["no shares at all", { ...base, classes: base.classes.map((c) => ({ ...c, shares: 0 })) }, "classes: classes must hold some shares"],
    ["no classes", { ...base, classes: [] }, "classes: classes must list at least one share class"],
    ["negative transaction costs", { ...base, transactionCosts: -1 }, "transactionCosts: transaction costs must not be negative"],
    ["an exit value as text", { ...base, exitValue: "10M" }, "exitValue: exit value must be a number"],
    ["one exit value", { ...base, exitValues: [1] }, "exitValues: exit values must list at least 2 values"],
    ["41 exit values", { ...base, exitValues: Array.from({ length: 41 }, (_, i) => i) }, "exitValues: exit values must list at most 40 values"],
    ["an infinite exit value in the list", { ...base, exitValues: [1, Infinity] }, "exitValues.1: exit values must be a"],
    ["an unknown field", { ...base, discount: 0.1 }, ""],
    ["a bad currency", { ...base, currency: "usd" }, "currency: currency must be a three-letter code such as EUR"],
    [
      "a holding of a class not in the table",
      withHolding(2, { className: "Series C" }),
      'holdings.2.className: holdings row 3 ("Early employee") names a class that is not in the classes table: "Series C"',
    ],
    [
      "the same holder and class twice (matched trimmed, case-insensitive)",
      { ...base, holdings: [...base.holdings, { holder: " founder 1 ", className: "COMMON", shares: 1 }] },
      `holdings.${base.holdings.length}.holder: holdings row ${base.holdings.length + 1}: "founder 1" already holds class "Common" in row 1 (one row per holder and class)`,
    ],
    [
      "holdings of a class above its shares",
      withHolding(5, { shares: 1_000_000 }),
      'holdings.5.shares: holdings of class "Seed" add up to 1100000 shares, more than the class\'s 1000000 by 100000 (rows 5, 6)',
    ],
    ["negative shares held", withHolding(0, { shares: -1 }), "holdings.0.shares: shares must not be negative"],
    ["shares held as text", withHolding(0, { shares: "1M" }), "holdings.0.shares: shares must be a number"],
    ["a holding without a holder", withHolding(1, { holder: "  " }), "holdings.1.holder: holder is required"],
    ["a holding without a class", withHolding(1, { className: "" }), "holdings.1.className: class is required"],
    ["an unknown holding field", withHolding(1, { class: "Common" }), "holdings.1: "],
    ["holdings not a list", { ...base, holdings: { holder: "A" } }, "holdings: holdings must be a list of holdings (holder, class, shares)"],
    [
      "501 holdings",
      { ...base, holdings: Array.from({ length: 501 }, (_, i) => ({ holder: `H${i}`, className: "Common", shares: 1 })) },
      "holdings: holdings must have at most 500 rows",
    ],
  ])("%s", (_, input, message) => {
    const got = messages(input);
    if (message === "") expect(got.join("\n")).toMatch(/discount/);
    else expect(got.some((m) => m.startsWith(message))).toBe(true);
  });
});

describe("holdings: optional, matched as the engine matches them", () => {
  const base = example();
  const withoutHoldings = { ...base } as Omit<ExitWaterfallInput, "holdings"> & Partial<Pick<ExitWaterfallInput, "holdings">>;
  delete withoutHoldings.holdings;

  test("inputs without holdings (a model or template written before holdings existed) parse, with no holdings", () => {
    expect("holdings" in withoutHoldings).toBe(false);
    const parsed = ExitWaterfallInput.parse(withoutHoldings);
    expect(parsed.holdings).toEqual([]);
    expect(parsed).toEqual({ ...withoutHoldings, holdings: [] });
  });

  test("a stored model written before holdings existed (its inputs as JSON) is still read, and builds the same sheet as with no holdings", () => {
    const stored = JSON.parse(JSON.stringify(withoutHoldings)) as unknown;
    const read = ExitWaterfallInput.safeParse(stored);
    expect(read.success).toBe(true);
    if (!read.success) return;
    expect(read.data).toEqual({ ...withoutHoldings, holdings: [] });
    expect(buildExitWaterfallModel(read.data).sheet).toEqual(buildExitWaterfallModel({ ...withoutHoldings, holdings: [] }).sheet);
    expect(buildExitWaterfallModel(withoutHoldings).input.holdings).toEqual([]);
  });

  test("a holder may hold several classes; class names match trimmed and case-insensitive; zero shares held is allowed", () => {
    const parsed = ExitWaterfallInput.parse({
      ...base,
      holdings: [
        { holder: "Seed Fund", className: " seed ", shares: 900_000 },
        { holder: "Seed Fund", className: "SERIES A", shares: 571_428 },
        { holder: "Seed Fund", className: "Common", shares: 0 },
        { holder: "Angel", className: "Seed", shares: 100_000 }, // Seed held in full: 900,000 + 100,000
      ],
    });
    expect(parsed.holdings.map((h) => h.className)).toEqual(["seed", "SERIES A", "Common", "Seed"]);
    expect(EXIT_LIMITS.maxHoldings).toBe(500);
  });

  test("holdings typed as quotients of doubles (=20000000/price) that add up to their class are accepted (SHARE_TOLERANCE)", () => {
    const price = 1.1144;
    const classes = base.classes.map((c) => (c.name === "Seed" ? { ...c, shares: 33_000_000 / price } : c));
    const holdings = [20_000_000, 10_000_000, 3_000_000].map((a, i) => ({ holder: `Fund ${i + 1}`, className: "Seed", shares: a / price }));
    expect(ExitWaterfallInput.safeParse({ ...base, classes, holdings }).success).toBe(true);
    const more = holdings.map((h, i) => (i === 2 ? { ...h, shares: h.shares + 1 } : h));
    expect(ExitWaterfallInput.safeParse({ ...base, classes, holdings: more }).success).toBe(false);
  });
});

/** The rows of the "Payout per holder" block: its first row and one row per holding. */
function holderRows(sheet: SheetSpec): number[] {
  const header = rowOf(sheet, "Payout per holder at the exit value (USD)") + 1;
  expect(["A", "B", "C", "D", "E", "F"].map((c) => cell(sheet, `${c}${header}`).value)).toEqual([
    "Holder",
    "Class",
    "Shares",
    "Total",
    "Per share",
    "Share of proceeds",
  ]);
  const out: number[] = [];
  for (let row = header + 1; sheet.cells.some((c) => c.address === `A${row}` && c.formula !== undefined); row++) out.push(row);
  return out;
}

describe("payout per holder", () => {
  const base = example();
  const at = (exitValue: number): ExitWaterfallInput => ({ ...base, exitValue });
  const holders = (input: ExitWaterfallInput) =>
    payoutsByHolder(
      waterfall(input.classes.map(toShareClass), {
        enterpriseValue: new Decimal(input.exitValue),
        netDebt: new Decimal(input.netDebt),
        transactionCosts: new Decimal(input.transactionCosts),
        otherClaims: new Decimal(input.otherClaims),
      }),
      input.holdings.map((h) => ({ holder: h.holder, className: h.className, shares: new Decimal(h.shares) })),
    );

  test("a holding's cost (invested) is optional: left out it is null; negative it is refused on its cell", () => {
    const { invested: _omitted, ...bare } = base.holdings[4];
    void _omitted;
    const parsed = ExitWaterfallInput.parse({ ...base, holdings: [bare] });
    expect(parsed.holdings[0].invested).toBeNull();
    const bad = ExitWaterfallInput.safeParse({ ...base, holdings: [{ ...bare, invested: -1 }] });
    expect(bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "holdings.0.invested: invested must not be negative",
    ]);
  });

  test("the multiple on invested capital per holding and per holder: payout / what was paid, n/a without a cost; HyperFormula agrees", () => {
    const input = at(60_000_000);
    const model = buildExitWaterfallModel(input);
    const payouts = holders(input);
    const rows = holderRows(model.sheet);
    expect(cell(model.sheet, `G${rows[0] - 1}`).value).toBe("Multiple (MOIC)");
    input.holdings.forEach((h, k) => {
      const moic = cell(model.sheet, `G${rows[k]}`);
      expect([h.holder, h.className, moic.expected]).toEqual([
        h.holder,
        h.className,
        h.invested === null ? "n/a" : payouts[k].total.div(h.invested).toNumber(),
      ]);
    });
    // The Series B fund holds the whole class: its multiple is the class's.
    const seriesB = input.holdings.findIndex((h) => h.className === "Series B");
    const classB = model.results.headline.classes.find((c) => c.name === "Series B");
    expect(cell(model.sheet, `G${rows[seriesB]}`).expected).toBe(classB?.moic?.toNumber());
    // The seed fund holds Seed and Series A: its multiple is on both costs together.
    const seedRows = input.holdings.flatMap((h, k) => (h.holder === "Seed Fund" ? [k] : []));
    const seedTotal = seedRows.reduce((acc, k) => acc.plus(payouts[k].total), new Decimal(0));
    const seedCost = seedRows.reduce((acc, k) => acc + (input.holdings[k].invested ?? 0), 0);
    const totals = model.sheet.cells.filter((c) => c.address.startsWith("G") && typeof c.formula === "string" && c.formula.includes("COUNT("));
    const seedCell = totals.find((c) => {
      const row = Number(c.address.slice(1));
      return model.sheet.cells.some((x) => x.address === `A${row}` && x.formula !== undefined && x.formula === `=A${rows[seedRows[0]]}`);
    });
    expect(seedCell?.expected).toBe(seedTotal.div(seedCost).toNumber());
    // The early employee's two holdings have no cost: n/a.
    const staff = totals.find((c) => {
      const row = Number(c.address.slice(1));
      return model.sheet.cells.some(
        (x) => x.address === `A${row}` && x.formula === `=A${rows[input.holdings.findIndex((h) => h.holder === "Early employee")]}`,
      );
    });
    expect(staff?.expected).toBe("n/a");
    withRender(model.sheet, (r) => {
      expect(mismatches(model.sheet, r)).toEqual([]);
      // A cost typed into the blank Invested cell of founder 1 gives the multiple live.
      const holdingsFrom = Number((model.sheet.names.find((n) => n.name === "Holdings")?.ref ?? "").replace(/^\$A\$(\d+):.*$/, "$1")) + 1;
      r.set(`D${holdingsFrom}`, 1_000);
      expect(r.read(`G${rows[0]}`)).toBeCloseTo(payouts[0].total.div(1_000).toNumber(), 9);
    });
  });

  test("the holdings table: header row as CAPTABLE.WATERFALL reads it, under the sheet-scoped name Holdings; inputs styled as inputs, names as text", () => {
    const sheet = buildExitWaterfallModel(base).sheet;
    const ref = sheet.names.find((n) => n.name === "Holdings")!.ref.replace(/\$/g, "");
    const [from, to] = ref.split(":");
    const header = Number(from.slice(1));
    expect(from.startsWith("A") && to.startsWith("C")).toBe(true);
    expect(["A", "B", "C"].map((c) => cell(sheet, `${c}${header}`).value)).toEqual(["Holder", "Class", "Shares"]);
    expect(Number(to.slice(1))).toBe(header + base.holdings.length);
    base.holdings.forEach((h, k) => {
      expect(cell(sheet, `A${header + 1 + k}`)).toMatchObject({ value: h.holder, style: "input" });
      expect(cell(sheet, `B${header + 1 + k}`)).toMatchObject({ value: h.className, style: "input" });
      expect(cell(sheet, `C${header + 1 + k}`)).toMatchObject({ value: h.shares, style: "input", format: "#,##0_);(#,##0)" });
    });
    // After the classes table, before the payout per class.
    expect(header).toBeGreaterThan(
      Number(
        sheet.names
          .find((n) => n.name === "Classes")!
          .ref.split(":")[1]
          .replace(/\D/g, ""),
      ),
    );
    expect(header).toBeLessThan(rowOf(sheet, "Payout per class at the exit value (USD)"));
  });

  test.each([10_000_000, 25_000_000, 60_000_000, 100_000_000])(
    "at an exit of %d: each holder's payout is the engine's payoutsByHolder to the cent, the holders of a class share its payout, and the sheet says so",
    (ev) => {
      const input = at(ev);
      const model = buildExitWaterfallModel(input);
      const expected = holders(input);
      expect(model.results.holders.map((p) => p.total.toString())).toEqual(expected.map((p) => p.total.toString()));
      // Per class: the holders' payouts add up to the class payout x the share of the class they hold (all of it, where fully held).
      for (const c of model.results.headline.classes) {
        const rows = expected.filter((p) => p.className === c.name);
        const held = rows.reduce((t, p) => t.plus(p.shares), new Decimal(0));
        const paid = rows.reduce((t, p) => t.plus(p.total), new Decimal(0));
        const due = c.shares.isZero() ? new Decimal(0) : c.total.times(held).div(c.shares);
        expect(paid.minus(due).abs().lt(1e-20)).toBe(true);
        if (held.eq(c.shares)) expect(paid.toFixed(2)).toBe(c.total.toFixed(2));
      }
      const rows = holderRows(model.sheet);
      expect(rows).toHaveLength(input.holdings.length);
      rows.forEach((row, k) => {
        const p = expected[k];
        expect(cell(model.sheet, `A${row}`).expected).toBe(p.holder);
        expect(cell(model.sheet, `B${row}`).expected).toBe(p.className);
        expect(cell(model.sheet, `C${row}`).expected).toBe(p.shares.toNumber());
        expect((cell(model.sheet, `D${row}`).expected as number).toFixed(2)).toBe(p.total.toFixed(2));
        expect(cell(model.sheet, `E${row}`).expected).toBe(p.total.div(p.shares).toNumber());
        expect(cell(model.sheet, `F${row}`).expected).toBe(p.total.div(model.results.headline.proceeds).toNumber());
      });
      // Held + not attributed = proceeds to equity.
      const heldRow = rowOf(model.sheet, "Held by the holders listed");
      const heldTotal = expected.reduce((t, p) => t.plus(p.total), new Decimal(0));
      expect(cell(model.sheet, `D${heldRow}`).expected).toBe(heldTotal.toNumber());
      const rest = rowOf(model.sheet, "Not attributed to a listed holder");
      expect(cell(model.sheet, `D${rest}`).expected).toBe(model.results.headline.proceeds.minus(heldTotal).toNumber());
      // HyperFormula, computing CAPTABLE.WATERFALL with the Holdings table, gives those values.
      expect(problemsOf(model.sheet)).toEqual([]);
      withRender(model.sheet, (r) => {
        expect(mismatches(model.sheet, r)).toEqual([]);
        expect(textProblems(model.sheet, r)).toEqual([]);
        rows.forEach((row, k) => expect(Math.abs((r.read(`D${row}`) as number) - expected[k].total.toNumber())).toBeLessThan(0.005));
      });
    },
  );

  test("at 60M: the common holders are paid, Series B converts; the numbers of the example", () => {
    const model = buildExitWaterfallModel(at(60_000_000));
    const by = (holder: string, cls: string) => model.results.holders.find((p) => p.holder === holder && p.className === cls)!;
    const h = model.results.headline;
    // Proceeds 56M > preferences: everyone converts or is in the money; residual per as-converted share x.
    expect(h.proceeds.toString()).toBe("56000000");
    const x = h.residualPerShare;
    expect(by("Founder 1", "Common").total.toFixed(10)).toBe(x.times(3_500_000).toFixed(10));
    expect(by("Early employee", "Options").total.toFixed(10)).toBe(x.minus("0.25").times(250_000).toFixed(10));
    expect(by("Series B Fund", "Series B").total.toFixed(10)).toBe(h.classes[0].total.toFixed(10));
  });

  test("a holder of several classes gets a total per holder: the sum of its rows, live in the sheet", () => {
    const model = buildExitWaterfallModel(at(60_000_000));
    const sheet = model.sheet;
    const rows = holderRows(sheet);
    const header = rowOf(sheet, "Total per holder at the exit value (USD)") + 1;
    expect(cell(sheet, `A${header}`).value).toBe("Holder");
    // One row per distinct holder, in order of first appearance.
    const names = ["Founder 1", "Founder 2", "Early employee", "Angel", "Seed Fund", "Series A Fund", "Series B Fund"];
    names.forEach((n, j) => expect(cell(sheet, `A${header + 1 + j}`).expected).toBe(n));
    const seed = header + 1 + names.indexOf("Seed Fund");
    const seedRows = rows.filter((_, k) => base.holdings[k].holder === "Seed Fund");
    expect(cell(sheet, `D${seed}`).formula).toBe(`=${seedRows.map((r) => `D${r}`).join("+")}`);
    expect(cell(sheet, `B${seed}`).value).toBe(2);
    const seedTotal = model.results.holders.filter((p) => p.holder === "Seed Fund").reduce((t, p) => t.plus(p.total), new Decimal(0));
    expect(cell(sheet, `D${seed}`).expected).toBe(seedTotal.toNumber());
    const totals = names.map((_, j) => cell(sheet, `D${header + 1 + j}`).expected as number);
    const held = cell(sheet, `D${rowOf(sheet, "Held by the holders listed")}`).expected as number;
    expect(Math.abs(totals.reduce((a, b) => a + b, 0) - held)).toBeLessThan(1e-6);
    withRender(sheet, (r) => expect(mismatches(sheet, r)).toEqual([]));
  });

  test("without a holder of several classes there is no total per holder; without holdings no holdings table or per-holder block at all", () => {
    const single = buildExitWaterfallModel({ ...base, holdings: base.holdings.filter((h) => !["Seed Fund", "Early employee"].includes(h.holder)) });
    expect(holderRows(single.sheet)).toHaveLength(5);
    expect(() => rowOf(single.sheet, "Total per holder at the exit value (USD)")).toThrow();
    const none = buildExitWaterfallModel({ ...base, holdings: [] });
    expect(none.results.holders).toEqual([]);
    expect(none.sheet.names.map((n) => n.name)).not.toContain("Holdings");
    expect(() => rowOf(none.sheet, "Payout per holder at the exit value (USD)")).toThrow();
    expect(() => rowOf(none.sheet, "Holdings")).toThrow();
    expect(none.sheet.cells.some((c) => (c.formula ?? "").includes("Holdings"))).toBe(false);
    // The sheet without holdings is the sheet of before: the payout per class starts 2 rows after the classes' note.
    const note = none.sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Preference and Cap are multiples"))!;
    expect(rowOf(none.sheet, "Payout per class at the exit value (USD)")).toBe(Number(note.address.slice(1)) + 2);
  });

  test("changing a holding in the sheet recalculates the holder's payout (native formulas)", () => {
    const model = buildExitWaterfallModel(at(60_000_000));
    const sheet = model.sheet;
    const rows = holderRows(sheet);
    const holdingsFrom =
      Number(
        sheet.names
          .find((n) => n.name === "Holdings")!
          .ref.split(":")[0]
          .replace(/\D/g, ""),
      ) + 1;
    const founder = model.results.holders[0];
    withRender(sheet, (r) => {
      r.set(`C${holdingsFrom}`, 1_750_000); // Founder 1 holds half as much common
      expect(Math.abs((r.read(`D${rows[0]}`) as number) - founder.total.div(2).toNumber())).toBeLessThan(1e-6);
      expect(r.read(`C${rows[0]}`)).toBe(1_750_000);
      r.set(`C${holdingsFrom}`, 0); // no shares: no per share
      expect(r.read(`D${rows[0]}`)).toBe(0);
      expect(r.read(`E${rows[0]}`)).toBe("n/a");
    });
  });

  test("no proceeds (the exit does not cover the debt): share of proceeds n/a; a holding of no shares: per share n/a; HyperFormula agrees", () => {
    const input: ExitWaterfallInput = {
      ...at(2_000_000),
      holdings: [...base.holdings, { holder: "Advisor", className: "Common", shares: 0, invested: null }],
    };
    const model = buildExitWaterfallModel(input);
    expect(model.results.headline.proceeds.toString()).toBe("0");
    const rows = holderRows(model.sheet);
    expect(cell(model.sheet, `F${rows[0]}`).expected).toBe("n/a");
    expect(cell(model.sheet, `E${rows[rows.length - 1]}`).expected).toBe("n/a");
    expect(cell(model.sheet, `E${rows[0]}`).expected).toBe(0);
    withRender(model.sheet, (r) => expect(mismatches(model.sheet, r)).toEqual([]));
  });
});
