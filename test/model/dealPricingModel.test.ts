/**
 * The deal-pricing model sheet (issue 16): the built-in OpCore template evaluated by a spreadsheet
 * engine (HyperFormula, native formulas only, XIRR and XNPV included) equals the engine in every
 * formula cell; references and names are sound; the identities hold (sources = uses, the price split
 * adds up to the price, the value bridge to the gain, each IRR discounts its flows to zero); the
 * gain on disposal is Iliad's reported EUR 466M; bad input never builds and names the field.
 */
import JSZip from "jszip";
import { ZodError } from "zod";
import { Decimal, isoDateToSerial, xnpv } from "../../src/engine";
import { DealPricingInput } from "../../src/model/dealPricingInput";
import { buildDealPricingModel, computeDealPricing } from "../../src/model/dealPricingModel";
import { OPCORE_DEAL_INPUTS, OPCORE_REPORTED_GAIN } from "../../src/templates/opcoreDeal";
import type { SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { renderSheet } from "../support/hyperformulaSheet";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems } from "./sheetChecks";

const DEAL_FUNCTIONS = new Set([...NATIVE_FUNCTIONS, "XIRR", "XNPV", "QUARTILE.INC", "MEDIAN", "AVERAGE", "TRIM"]);

/** The completion-accounts variant of the template: the locked-box fields empty, the completion accounts given. */
function completionAccountsInput(): DealPricingInput {
  return {
    ...OPCORE_DEAL_INPUTS,
    mechanism: "COMPLETION_ACCOUNTS",
    boxDate: null,
    netDebtAtBox: null,
    tickerRate: null,
    tickerBase: null,
    leakage: null,
    permittedLeakage: null,
    targetWorkingCapital: 10,
    estimatedNetDebt: 210,
    estimatedWorkingCapital: 12,
    finalNetDebt: 215,
    finalWorkingCapital: 11,
    escrow: 5,
    capacity: null,
    crossTerm: "EBITDA",
  };
}

function checkSheet(sheet: SheetSpec): void {
  expect(referenceProblems(sheet, DEAL_FUNCTIONS)).toEqual([]);
  const r = renderSheet(sheet);
  try {
    expect(mismatches(sheet, r)).toEqual([]);
    expect(textProblems(sheet, r)).toEqual([]);
  } finally {
    r.destroy();
  }
  // Every check shows OK, and so does the summary line.
  const checks = sheet.cells.filter((c) => c.formula?.startsWith("=IF(ABS(("));
  expect(checks.length).toBeGreaterThan(5);
  for (const c of checks) expect(c.expected).toBe("OK");
  expect(sheet.cells.some((c) => c.formula?.startsWith("=IF(COUNTIFS(") && c.expected === "OK")).toBe(true);
  // Native only: no cell calls the add-in.
  expect(sheet.cells.filter((c) => c.formula?.includes("CAPTABLE."))).toEqual([]);
}

describe("Deal pricing: the built-in OpCore template", () => {
  const model = buildDealPricingModel(OPCORE_DEAL_INPUTS);
  const r = model.results;

  test("HyperFormula computes every formula cell as the engine does; references, names and texts are sound", () => {
    checkSheet(model.sheet);
  });

  test("the gain on disposal is Iliad's reported EUR 466M, from the carrying amount the template sets", () => {
    expect(r.gain.gain.minus(OPCORE_REPORTED_GAIN).abs().lt("1e-9")).toBe(true);
    // IFRS 10 B98 on loss of control: proceeds + fair value retained - carrying amount (whole interest) - costs.
    expect(r.sellerProceeds.plus(r.retainedValue).minus(OPCORE_DEAL_INPUTS.carryingAmount).minus(4).minus(r.gain.gain).abs().lt("1e-9")).toBe(true);
  });

  test("locked box: price = equity at the box + ticker on the shares - leakage not permitted + the loans' PIK from the box", () => {
    const lb = r.lockedBox!;
    expect(lb.equityAtBox.toNumber()).toBeCloseTo(860 - 212.4, 12);
    expect(lb.days).toBe(isoDateToSerial("2025-04-04") - isoDateToSerial("2024-12-31"));
    expect(lb.ticker.toString()).toBe(lb.equityAtBox.minus(r.loansAtBox).times("0.05").times(lb.days).div(365).toString());
    expect(lb.leakageDeducted.toNumber()).toBe(1);
    expect(r.price.toString()).toBe(lb.equityAtBox.plus(lb.ticker).minus(1).plus(r.loansAtCompletion.minus(r.loansAtBox)).toString());
  });

  test("identities: sources = uses, the split adds up to the price, the bridge to the gain, each IRR discounts its flows to zero", () => {
    expect(r.sourcesUses.totalSources.eq(r.sourcesUses.totalUses)).toBe(true);
    const shares = new Decimal(1_000_000);
    expect(r.split.pricePerShare.times(shares).plus(r.loansAtCompletion).minus(r.price).abs().lt("1e-30")).toBe(true);
    // 50% of the shares and 50% of the loans: half the equity price.
    expect(r.split.total.minus(r.price.div(2)).abs().lt("1e-30")).toBe(true);
    const b = r.bridge;
    // Exact to the engine's 40 digits (the entry multiple 860 / 38 is not a finite decimal).
    expect(b.ebitdaGrowth.plus(b.multipleChange).plus(b.crossTerm).plus(b.deleveraging).plus(b.cashReturned).minus(b.gain).abs().lt("1e-30")).toBe(
      true,
    );
    for (const h of r.returns) {
      const npv = xnpv(
        new Decimal(h.returns.irr),
        h.flows.map((f) => ({ amount: f.amount, date: f.date })),
      );
      const scale = h.flows.reduce((acc, f) => acc.plus(f.amount.abs()), new Decimal(0));
      expect(npv.abs().div(scale).lt("1e-12")).toBe(true);
    }
    // One IRR for InfraVia across its shares and its shareholder loan, its entry being its equity at completion.
    expect(r.returns.map((h) => h.holder)).toEqual(["InfraVia"]);
    expect(r.returns[0].flows[0].amount.eq(r.sourcesUses.equity.negated())).toBe(true);
  });

  test("comps: EV per MW only on the target's capacity basis; the USD comp and the installed-MW comp are left out", () => {
    expect(r.unitStats?.count).toBe(3);
    expect(r.ebitdaStats?.count).toBe(5);
    expect(model.sheet.charts?.map((c) => c.type)).toEqual(["footballField"]);
  });

  test("inputs are declared for Read from sheet and every defined input cell holds the stored value", () => {
    const inputs = model.sheet.inputs ?? [];
    const at = new Map(model.sheet.cells.map((c) => [c.address, c]));
    for (const i of inputs) {
      if (i.columns !== undefined) continue;
      const stored = (model.input as Record<string, unknown>)[i.field];
      // A date is written as an Excel date (its day number) and read back as the ISO text stored.
      expect(at.get(i.ref)?.value).toEqual(i.read === "date" ? isoDateToSerial(stored as string) : stored);
    }
    expect(inputs.map((i) => i.field)).toEqual(
      expect.arrayContaining(["enterpriseValue", "positions", "comps", "remeasureRetained", "completionDate", "loansDate", "flows"]),
    );
  });
});

describe("Deal pricing: the football field in the .xlsx", () => {
  test("horizontal stacked bars (barDir bar), the first series (the low end) without fill, categories top down", async () => {
    const sheet = buildDealPricingModel(OPCORE_DEAL_INPUTS).sheet;
    const written = await writeXlsx({ sheets: [{ spec: sheet }] });
    expect(written.chartsWritten).toBe(1);
    const zip = await JSZip.loadAsync(written.buffer);
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    const series = xml.split("<c:ser>").slice(1);
    expect(series).toHaveLength(2);
    expect(series[0]).toMatch(/<\/c:tx><c:spPr><a:noFill\/><\/c:spPr>/);
    expect(series[1]).not.toContain("noFill");
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    // The comps quartiles are QUARTILE.INC, stored under the name Excel and LibreOffice read ([MS-XLSX] 2.2.3).
    const cellsXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(cellsXml).toMatch(/,_xlfn\.QUARTILE\.INC\(F\d+:F\d+,1\),/);
    expect(cellsXml).not.toMatch(/[^.]QUARTILE\.INC\(/);
  });
});

describe("Deal pricing: completion accounts", () => {
  test("built and computed natively as the engine does; the price is the final price", () => {
    const model = buildDealPricingModel(completionAccountsInput());
    checkSheet(model.sheet);
    const ca = model.results.completion!;
    expect(ca.finalPrice.toNumber()).toBeCloseTo(860 - 215 + (11 - 10), 12);
    expect(ca.trueUp.toNumber()).toBeCloseTo(-6, 12);
    expect(ca.escrowToBuyer.toNumber()).toBe(5);
    expect(ca.sellerPaysAfter.toNumber()).toBeCloseTo(1, 12);
    expect(model.results.price.eq(ca.finalPrice)).toBe(true);
  });
});

describe("Deal pricing: bad input never builds, and the message names the field", () => {
  const bad = (change: Partial<DealPricingInput>) => {
    try {
      buildDealPricingModel({ ...OPCORE_DEAL_INPUTS, ...change });
    } catch (e) {
      if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw e;
    }
    return [];
  };
  test("a field of the other mechanism given, and one of this mechanism missing", () => {
    expect(bad({ escrow: 3 })).toEqual(["escrow: escrow must be empty with a locked box: it is not used"]);
    expect(bad({ tickerRate: null })).toEqual(["tickerRate: ticker rate is required with a locked box"]);
  });
  test("more sold than held, a seller who holds nothing, flows without a received amount, a buyer's flow before completion", () => {
    expect(bad({ positions: [{ holder: "Iliad", shares: 10, loans: 0, sharesSold: 11, loansSold: 0 }] })).toEqual([
      'positions.0.sharesSold: shares sold by "Iliad" must not exceed its shares',
    ]);
    expect(bad({ seller: "Free" })).toEqual(['seller: seller "Free" must be one of the holders']);
    expect(bad({ flows: [{ holder: "InfraVia", instrument: "", date: "2030-01-01", amount: -5 }] })).toEqual([
      'flows: flows of the buyer "InfraVia" must include a positive amount (received): its entry at completion is the paid amount',
    ]);
    expect(bad({ flows: [{ holder: "InfraVia", instrument: "", date: "2025-01-01", amount: 500 }] })).toEqual([
      'flows.0.date: flows row 1: a flow of the buyer "InfraVia" must not be before the completion date (its entry)',
    ]);
  });
  test("the carrying amount the template sets is the one computeDealPricing implies", () => {
    const r = computeDealPricing(OPCORE_DEAL_INPUTS);
    expect(r.gain.gain.toNumber()).toBeCloseTo(466, 9);
  });
});

describe("Deal pricing in French (issue 14)", () => {
  test.each([
    ["locked box", OPCORE_DEAL_INPUTS],
    ["completion accounts, no capacity", completionAccountsInput()],
  ])("%s: the French sheet computes as the engine does, with the English sheet's layout and French words", (_, input) => {
    const fr = buildDealPricingModel(input, "fr").sheet;
    const en = buildDealPricingModel(input).sheet;
    checkSheet(fr);
    const layout = (s: SheetSpec) => s.cells.map((c) => [c.address, c.style, c.formula === undefined]);
    expect(layout(fr)).toEqual(layout(en));
    expect(fr.name).toBe(`${input.company} prix`);
    const text = (s: SheetSpec, address: string) => s.cells.find((c) => c.address === address)?.value;
    expect(text(fr, "A1")).toBe(`${input.company}\u00a0: prix de l’opération et rentabilité`);
    // The words a formula joins (the comps count) are the dictionary's: the cached value is what Excel shows.
    const count = fr.cells.find((c) => c.formula?.includes("COUNT(CompEv)"))!;
    expect(count.expected).toBe(`sur ${input.comps.length} comparables du tableau`);
  });
});
