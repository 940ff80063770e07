/**
 * The stake-sale model sheet: the OpCore example evaluated by a real spreadsheet engine
 * (HyperFormula) equals the engine to the cent, with native formulas and with =CAPTABLE.* calls;
 * references and names are sound; texts stay texts; bad input never builds.
 */
import { ZodError } from "zod";
import {
  CAP_TABLE,
  LOOK_THROUGH_LAYERS,
  LOOK_THROUGH_NAMES,
  SELLER_NOT_USED,
  buildStakeSaleModel,
  stakeSaleSheetName,
} from "../../src/model/stakeSaleModel";
import { parseRange } from "../../src/workbook/a1";
import { calculatedColumns } from "../../src/workbook/tables";
import { withCalculatedRow } from "../support/tableRows";
import { isValidDefinedName, isValidSheetName } from "../../src/model/sheetBuilder";
import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { OPCORE_EXPECTED } from "../fixtures/opcore";
import { RenderedSheet, renderSheet } from "../support/hyperformulaSheet";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems, tokensOf } from "./sheetChecks";
import { CAPTABLE_FUNCTION_IDS } from "../support/hyperformulaCaptable";
import { builtInTemplate } from "../../src/templates";
import { ruleMessage } from "../../src/taskpane/i18n";

const CAPTABLE_FUNCTIONS = new Set([...NATIVE_FUNCTIONS, ...CAPTABLE_FUNCTION_IDS.map((id) => `CAPTABLE.${id}`)]);

/** The cell whose label (column A) is `label`, in `column`. */
function byLabel(sheet: SheetSpec, label: string | RegExp, column = "B", nth = 0): CellSpec {
  const rows = sheet.cells.filter((c) => c.address.startsWith("A") && (typeof label === "string" ? c.value === label : label.test(String(c.value))));
  if (rows.length <= nth) throw new Error(`no row labelled ${String(label)}`);
  const row = rows[nth].address.slice(1);
  const cell = sheet.cells.find((c) => c.address === `${column}${row}`);
  if (cell === undefined) throw new Error(`no cell ${column}${row} (${String(label)})`);
  return cell;
}

function render(sheet: SheetSpec, captable = false): RenderedSheet {
  return renderSheet(sheet, { captable });
}

function errorMessages(input: unknown): string[] {
  try {
    buildStakeSaleModel(input as StakeSaleInput);
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => i.message);
    throw e;
  }
  throw new Error("expected the model not to build");
}

describe("OpCore: the model sheet", () => {
  const model = buildStakeSaleModel(OPCORE_EXAMPLE);
  const sheet = model.sheet;

  test("the exported shape: kind, schema version, validated input, sheet, results", () => {
    expect(model.kind).toBe("stakeSale");
    expect(model.schemaVersion).toBe(1);
    expect(model.input).toEqual(OPCORE_EXAMPLE);
    expect(sheet.name).toBe("OpCore deal");
    expect(sheet.showGridlines).toBe(false);
    expect(model.results.deal.company.equityValue.toString()).toBe(OPCORE_EXPECTED.equityValue);
    expect(model.results.deal.price.total.toString()).toBe(OPCORE_EXPECTED.price);
    expect(model.results.evPerUnit?.toString()).toBe(OPCORE_EXPECTED.evPerMw);
    expect(model.results.sharesTransferred.toString()).toBe("500000");
  });

  test("formulas evaluated by HyperFormula equal the engine to the cent (native formulas)", () => {
    const r = render(sheet);
    try {
      expect(mismatches(sheet, r)).toEqual([]);
      expect(r.read(byLabel(sheet, "Equity value (incl. shareholder loans)").address)).toBeCloseTo(647_562_480.64, 2);
      expect(r.read(byLabel(sheet, "Share equity").address)).toBeCloseTo(499_312_480.64, 2);
      const price = sheet.cells.find((c) => /^=Stake\*B\d+\*\(1\+Premium\)$/.test(c.formula ?? ""))!;
      expect(r.read(price.address)).toBeCloseTo(323_781_240.32, 2);
      expect(r.read(byLabel(sheet, "  of which shares").address)).toBeCloseTo(249_656_240.32, 2);
      expect(r.read(byLabel(sheet, "  of which shareholder loans (face value)").address)).toBeCloseTo(74_125_000, 2);
      expect(r.read(byLabel(sheet, /^EV per MW \(EUR per MW\)$/, "B", 1).address)).toBeCloseTo(6_564_885.4962, 4);
      expect(r.read(byLabel(sheet, "Net debt", "C").address)).toBeCloseTo(106_218_759.68, 2);
      expect(r.read(byLabel(sheet, "Net debt", "D").address)).toBeCloseTo(106_218_759.68, 2);
      // Cap table: Iliad 100% -> Iliad 50% / InfraVia 50%.
      expect([r.read(byLabel(sheet, "Iliad", "D").address), r.read(byLabel(sheet, "InfraVia", "D").address)]).toEqual([500_000, 500_000]);
      expect(r.read(byLabel(sheet, "InfraVia", "E").address)).toBe(0.5);
    } finally {
      r.destroy();
    }
  });

  test("the sheet recalculates from its input cells (it does not need the add-in)", () => {
    const r = render(sheet);
    try {
      const stake = sheet.names.find((n) => n.name === "Stake")!.ref.replace(/\$/g, "");
      r.set(stake, 0.25);
      const buyerAfter = byLabel(sheet, "InfraVia", "D").address;
      expect(r.read(buyerAfter)).toBe(250_000);
      const price = sheet.cells.find((c) => /^=Stake\*B\d+\*\(1\+Premium\)$/.test(c.formula ?? ""))!;
      expect(r.read(price.address)).toBeCloseTo(161_890_620.16, 2);
      const basis = sheet.names.find((n) => n.name === "Basis")!.ref.replace(/\$/g, "");
      const valuation = sheet.names.find((n) => n.name === "Valuation")!.ref.replace(/\$/g, "");
      r.set(basis, "EQUITY");
      r.set(valuation, 647_562_480.64);
      expect(r.read(byLabel(sheet, "Enterprise value").address)).toBeCloseTo(860_000_000, 2);
    } finally {
      r.destroy();
    }
  });

  test('with formulas: "captable", CAPTABLE calls compute the same numbers (built bundle in HyperFormula)', () => {
    const cap = buildStakeSaleModel({ ...OPCORE_EXAMPLE, formulas: "captable" });
    const formulas = cap.sheet.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula]));
    expect(formulas.some((f) => f.includes("CAPTABLE.EQUITYVALUE(Valuation,NetDebt,OtherClaims)"))).toBe(true);
    expect(formulas.some((f) => f.includes("CAPTABLE.STAKEVALUE("))).toBe(true);
    expect(formulas.some((f) => f.includes("CAPTABLE.DEALVIEW("))).toBe(true);
    expect(formulas.some((f) => f.includes("CAPTABLE.EVPERUNIT("))).toBe(true);
    expect(formulas.some((f) => f.includes("CAPTABLE.OWNERSHIP("))).toBe(true);
    expect(referenceProblems(cap.sheet, CAPTABLE_FUNCTIONS)).toEqual([]);
    const r = render(cap.sheet, true);
    try {
      expect(mismatches(cap.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
    // Same cells, same expected values as the native sheet.
    const expected = (s: SheetSpec) => s.cells.map((c) => [c.address, c.expected]);
    expect(expected(cap.sheet)).toEqual(expected(sheet));
  });

  test("native formulas use no CAPTABLE function; every reference and name is sound", () => {
    expect(referenceProblems(sheet, NATIVE_FUNCTIONS)).toEqual([]);
    expect(sheet.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["Basis", "Valuation", "NetDebt", "ShareholderLoans", "OtherClaims", "Stake", "Premium", "Capacity", "SharesBefore"]),
    );
    for (const n of sheet.names) expect(isValidDefinedName(n.name)).toBe(true);
  });

  test("every input has its own cell, styled as an input, with a defined name", () => {
    for (const n of sheet.names.filter((n) => !n.ref.includes(":"))) {
      const cell = sheet.cells.find((c) => c.address === n.ref.replace(/\$/g, ""))!;
      expect(cell.style).toBe("input");
      expect(cell.formula).toBeUndefined();
      const label = sheet.cells.find((c) => c.address === `A${cell.address.slice(1)}`);
      expect(typeof label?.value).toBe("string");
    }
    const valuation = sheet.cells.find((c) => c.address === sheet.names.find((n) => n.name === "Valuation")!.ref.replace(/\$/g, ""))!;
    expect(valuation.value).toBe(860_000_000);
  });

  test("formats fit the unit: EUR in units, percentages 0.00%, whole shares", () => {
    expect(sheet.cells.find((c) => c.value === "OpCore · EUR · amounts in EUR · built by CapTable")).toBeDefined();
    expect(byLabel(sheet, "Equity value (incl. shareholder loans)").format).toBe("#,##0_);(#,##0)");
    expect(sheet.cells.find((c) => c.formula === "=Stake")!.format).toBe("0.00%_);(0.00%)");
    expect(byLabel(sheet, /^Shares transferred/).format).toBe("#,##0_);(#,##0)");
  });

  test("one clustered column chart of ownership before and after, over the cap table's own columns", () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0];
    expect(chart.type).toBe("clusteredColumn");
    expect(chart.seriesBy).toBe("columns");
    expect(chart.seriesColumns).toEqual(["C", "E"]);
    const table = sheet.tables!.find((t) => t.name === CAP_TABLE)!;
    const [tableFrom, tableTo] = table.ref.split(":");
    const [from, to] = chart.dataRange.split(":");
    // From the table's header row (holder, % before, % after) down to the new buyer's row, the
    // blank row between them included: a holder typed there joins the table and the chart.
    expect(from).toBe(tableFrom);
    expect(sheet.cells.find((c) => c.address === from)!.value).toBe("Holder");
    const header = Number(from.slice(1));
    expect(sheet.cells.find((c) => c.address === `C${header}`)!.value).toBe("% before");
    expect(sheet.cells.find((c) => c.address === `E${header}`)!.value).toBe("% after");
    expect(Number(to.slice(1))).toBe(Number(tableTo.replace(/[A-Z]+/, "")) + 2);
    expect(sheet.cells.find((c) => c.address === `A${header + 3}`)!.value).toBe("InfraVia");
    expect(to).toBe(`E${header + 3}`);
    // No copy of the chart's data beside the table any more.
    expect(sheet.cells.filter((c) => /^[J-L][0-9]+$/.test(c.address))).toEqual([]);
  });

  test("the look-through is part of the cap table: calculated columns (ownership after x each layer after the deal), totals by name", () => {
    const table = sheet.tables!.find((t) => t.name === CAP_TABLE)!;
    expect(table.columns).toEqual([
      "Holder",
      "Shares before",
      "% before",
      "Shares after",
      "% after",
      "Enterprise value",
      "Net debt",
      "Equity value",
      "Shareholder loans",
    ]);
    // One formula down each look-through column: Excel fills it into a row added to the table.
    const calculated = calculatedColumns(sheet, table);
    expect(calculated.slice(5)).toEqual([
      "DealCapTable[[#This Row],[% after]]*$B$28",
      "DealCapTable[[#This Row],[% after]]*$B$29",
      "DealCapTable[[#This Row],[% after]]*$B$31",
      "DealCapTable[[#This Row],[% after]]*$B$32",
    ]);
    expect(byLabel(sheet, "Enterprise value").formula).toMatch(/^=IF\(Basis="EV"/);
    expect(sheet.cells.find((c) => c.address === "B28")!.expected).toBe(860_000_000);
    // Each holder's figures are the engine's look-through; the totals read the table's columns by name.
    const r = model.results;
    for (const [i, h] of r.lookThrough.entries()) {
      const row = sheet.cells.find((c) => /^A[0-9]+$/.test(c.address) && c.value === h.holder && c.style !== "note")!.address.slice(1);
      LOOK_THROUGH_LAYERS.forEach((layer, k) => {
        const cell = sheet.cells.find((c) => c.address === `${String.fromCharCode(70 + k)}${row}`)!;
        expect([i, layer, cell.expected]).toEqual([i, layer, h.view[layer].toNumber()]);
      });
    }
    for (const layer of LOOK_THROUGH_LAYERS) {
      const name = sheet.names.find((n) => n.name === LOOK_THROUGH_NAMES[layer])!;
      expect(name.table).toEqual({ table: CAP_TABLE, column: 5 + LOOK_THROUGH_LAYERS.indexOf(layer) });
      const total = sheet.cells.find((c) => c.formula?.startsWith(`=SUM(${name.name})`) === true)!;
      expect(total.expected).toBe(r.after[layer].toNumber());
    }
    const r2 = render(sheet);
    try {
      expect(mismatches(sheet, r2)).toEqual([]);
    } finally {
      r2.destroy();
    }
  });

  test("no check row asks to read the sheet and rebuild for a row added: the look-through and the chart follow the table", () => {
    expect(sheet.cells.filter((c) => typeof c.value === "string" && /Read from sheet|Rebuild/.test(c.value))).toEqual([]);
    expect(sheet.cells.filter((c) => c.formula?.includes("COUNTBLANK(") === true)).toEqual([]);
  });

  test.each<[string, StakeSaleInput]>([
    ["a new buyer (OpCore)", OPCORE_EXAMPLE],
    ["a buyer already a holder", { ...OPCORE_EXAMPLE, capTable: [...OPCORE_EXAMPLE.capTable, { holder: "InfraVia", shares: 200_000 }] }],
    ["a capital increase", builtInTemplate("capital-increase")!.template.inputs as StakeSaleInput],
  ])("HyperFormula: a holder added to the table (%s) flows into the look-through and its totals, as the engine's", (_, input) => {
    const added = { holder: "Late angel", shares: 100_000 };
    const built = buildStakeSaleModel(input);
    const want = buildStakeSaleModel({ ...input, capTable: [...input.capTable, added] }).results;
    const grown = withCalculatedRow(built.sheet, CAP_TABLE, [added.holder, added.shares]);
    const r = render(grown);
    try {
      const rowOf = (holder: string) =>
        Number(grown.cells.find((c) => /^A[0-9]+$/.test(c.address) && c.value === holder && c.style !== "note")!.address.slice(1));
      for (const h of want.lookThrough) {
        const row = rowOf(h.holder);
        expect(r.read(`E${row}`)).toBeCloseTo(h.ownership.toNumber(), 12);
        LOOK_THROUGH_LAYERS.forEach((layer, k) => expect(r.read(`${String.fromCharCode(70 + k)}${row}`)).toBeCloseTo(h.view[layer].toNumber(), 4));
      }
      for (const layer of LOOK_THROUGH_LAYERS) {
        const total = grown.cells.find((c) => c.formula?.startsWith(`=SUM(${LOOK_THROUGH_NAMES[layer]})`) === true)!;
        expect(r.read(total.address)).toBeCloseTo(want.after[layer].toNumber(), 4);
      }
      // Every check, the look-through's included, still shows OK.
      const checks = grown.cells.filter((c) => c.formula?.startsWith("=IF(ABS((") === true);
      expect(checks.map((c) => r.read(c.address))).toEqual(checks.map(() => "OK"));
      // The chart covers the added row: with a new buyer its range runs to the buyer's row, over the
      // blank row under the table where the row is added; otherwise it is exactly the table's rows as
      // built, which Excel grows with the table (spec.ts ChartSpec.seriesColumns).
      const chart = parseRange(built.sheet.charts![0].dataRange)!;
      const table = parseRange(built.sheet.tables!.find((t) => t.name === CAP_TABLE)!.ref)!;
      if (built.results.capTable.length > input.capTable.length) expect(chart.bottom + 1).toBeGreaterThan(rowOf(added.holder));
      else expect(chart).toEqual({ ...table, right: 4 });
    } finally {
      r.destroy();
    }
  });
});

describe("other deal structures, units and roundings", () => {
  const table = [
    { holder: "Founder", shares: 6_000_000 },
    { holder: "Seed Fund", shares: 3_000_000 },
    { holder: "Pool", shares: 1_000_000 },
  ];
  const base: StakeSaleInput = {
    ...OPCORE_EXAMPLE,
    company: "Acme Towers",
    unit: "millions",
    valuation: 860,
    netDebt: 212.43751936,
    shareholderLoans: 148.25,
    otherClaims: 12.5,
    premium: 0.15,
    capTable: table,
    seller: "Founder",
    buyer: "Infra Fund",
    stake: 0.3,
  };

  test.each([
    ["secondary", "native"],
    ["secondary", "captable"],
    ["primary", "native"],
    ["primary", "captable"],
    ["both", "native"],
    ["both", "captable"],
  ] as const)("%s deal, %s formulas: HyperFormula equals the engine", (transaction, formulas) => {
    const model = buildStakeSaleModel({ ...base, transaction, formulas, primaryInvestment: transaction === "both" ? 100 : 0 });
    expect(referenceProblems(model.sheet, formulas === "captable" ? CAPTABLE_FUNCTIONS : NATIVE_FUNCTIONS)).toEqual([]);
    const r = render(model.sheet, formulas === "captable");
    try {
      expect(mismatches(model.sheet, r)).toEqual([]);
      expect(textProblems(model.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
  });

  test.each(["secondary", "both"] as const)(
    "%s on the EQUITY basis with net debt, CAPTABLE formulas: STAKEVALUE gets the equity value, never a net debt it would refuse",
    (transaction) => {
      const model = buildStakeSaleModel({
        ...base,
        basis: "EQUITY",
        valuation: 640,
        transaction,
        formulas: "captable",
        primaryInvestment: transaction === "both" ? 100 : 0,
      });
      const calls = model.sheet.cells.flatMap((c) => (c.formula?.includes("CAPTABLE.STAKEVALUE(") ? [c.formula] : []));
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call).toMatch(/CAPTABLE\.STAKEVALUE\(Stake,B\d+,"EQUITY"(,,ShareholderLoans,,Premium(,"[A-Z]+")?)?\)/);
      const r = render(model.sheet, true);
      try {
        expect(mismatches(model.sheet, r)).toEqual([]);
      } finally {
        r.destroy();
      }
    },
  );

  test("primary: the buyer owns the stake after the issue and the cash reduces net debt", () => {
    const model = buildStakeSaleModel({ ...base, transaction: "primary", rounding: "NONE" });
    const res = model.results;
    const buyer = res.capTable.find((h) => h.holder === "Infra Fund")!;
    expect(buyer.ownershipAfter.toSignificantDigits(30).toString()).toBe("0.3");
    expect(res.after.netDebt.toString()).toBe(res.deal.company.netDebt.minus(res.cashRaised).toString());
    expect(res.after.enterpriseValue.toString()).toBe(res.deal.company.enterpriseValue.toString());
    // No premium: the price per new share is share equity / shares.
    const plain = buildStakeSaleModel({ ...base, transaction: "primary", premium: 0 }).results;
    expect(plain.pricePerNewShare!.toString()).toBe(plain.deal.company.shareEquity.div(10_000_000).toString());
    expect(byLabel(model.sheet, /^New shares issued/).format).toBe("#,##0.00_);(#,##0.00)");
  });

  test("both: the buyer buys from the seller and invests; totals add up", () => {
    const model = buildStakeSaleModel({ ...base, transaction: "both", primaryInvestment: 100 });
    const res = model.results;
    expect(res.sharesTransferred.toString()).toBe("3000000");
    expect(res.totalPaid.toString()).toBe(res.deal.price.total.plus(res.cashRaised).toString());
    const after = res.capTable.map((h) => h.sharesAfter);
    expect(after.reduce((a, b) => a.plus(b)).toString()).toBe(res.newShares.plus(10_000_000).toString());
    expect(res.capTable.map((h) => h.holder)).toEqual(["Founder", "Seed Fund", "Pool", "Infra Fund"]);
  });

  test("amounts in millions: EUR m in headers, one decimal; per-unit figures with two", () => {
    const model = buildStakeSaleModel(base);
    expect(model.sheet.cells.some((c) => c.value === "EUR m")).toBe(true);
    expect(byLabel(model.sheet, "Enterprise value").format).toBe("#,##0.0_);(#,##0.0)");
    expect(byLabel(model.sheet, /^EV per MW \(EUR m per MW\)$/, "B", 1).format).toBe("#,##0.00_);(#,##0.00)");
  });

  test("each rounding policy writes its Excel function", () => {
    const pick = (rounding: StakeSaleInput["rounding"]) => byLabel(buildStakeSaleModel({ ...base, rounding }).sheet, /^Shares transferred/).formula;
    expect(pick("DOWN")).toMatch(/^=ROUNDDOWN\(Stake\*B\d+\*1\.00000000000001,0\)$/);
    expect(pick("UP")).toMatch(/^=ROUNDUP\(Stake\*B\d+\*0\.99999999999999,0\)$/);
    expect(pick("NEAREST")).toMatch(/^=ROUND\(Stake\*B\d+\*1\.00000000000001,0\)$/);
    expect(pick("NONE")).toMatch(/^=Stake\*B\d+$/);
  });

  test("a stake of 0%: no implied valuation, shown as n/a rather than an error", () => {
    const model = buildStakeSaleModel({ ...base, stake: 0 });
    expect(model.results.implied).toBeUndefined();
    const r = render(model.sheet);
    try {
      expect(mismatches(model.sheet, r)).toEqual([]);
      expect(r.read(byLabel(model.sheet, "Equity value (100%) implied by the price of the stake").address)).toBe("n/a");
    } finally {
      r.destroy();
    }
  });

  test("no capacity: no capacity rows and no Capacity name", () => {
    const model = buildStakeSaleModel({ ...base, capacity: null });
    expect(model.sheet.names.map((n) => n.name)).not.toContain("Capacity");
    expect(model.sheet.cells.some((c) => /Capacity/.test(c.formula ?? ""))).toBe(false);
    expect(referenceProblems(model.sheet, NATIVE_FUNCTIONS)).toEqual([]);
    const cap = buildStakeSaleModel({ ...base, capacity: null, formulas: "captable" });
    const r = render(cap.sheet, true);
    try {
      expect(mismatches(cap.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
  });
});

describe("capital increase: one view of the buyer's stake, post-money", () => {
  /** A cell of the views block: the layers follow the stake row, in DEALVIEW's order. */
  const viewCell = (sheet: SheetSpec, layer: string, column: string) => {
    const stakeRow = Number(byLabel(sheet, "Stake (ownership after the issue)").address.slice(1));
    const row = stakeRow + 1 + LAYERS.indexOf(layer);
    expect(sheet.cells.find((c) => c.address === `A${row}`)!.value).toBe(layer);
    return `${column}${row}`;
  };
  const template = builtInTemplate("capital-increase")!.template.inputs as StakeSaleInput;
  const LAYERS = ["Enterprise value", "Net debt", "Other claims", "Equity value (incl. shareholder loans)", "Shareholder loans", "Share equity"];
  /** The buyer's look-through columns of the cap table (its other claims and share equity follow from them, as the note says). */
  const LT_COLUMN: Readonly<Record<string, string>> = {
    "Enterprise value": "F",
    "Net debt": "G",
    "Equity value (incl. shareholder loans)": "H",
    "Shareholder loans": "I",
  };

  test.each([
    ["the built-in template", "native", template],
    ["the built-in template", "captable", template],
    [
      "rounded shares, loans, other claims and a capacity",
      "native",
      { ...template, stake: 0.2371, shareholderLoans: 3e6, otherClaims: 1e6, capacity: 12, premium: 0.1 },
    ],
    [
      "rounded shares, loans, other claims and a capacity",
      "captable",
      { ...template, stake: 0.2371, shareholderLoans: 3e6, otherClaims: 1e6, capacity: 12, premium: 0.1 },
    ],
  ] as const)(
    "%s (%s formulas): stake column = buyer's look-through; EV = equity + net debt + other claims in every column",
    (_name, formulas, input) => {
      const model = buildStakeSaleModel({ ...(input as StakeSaleInput), formulas });
      const sheet = model.sheet;
      const r = render(sheet, formulas === "captable");
      try {
        expect(mismatches(sheet, r)).toEqual([]);
        // The buyer's row of the cap table: its ownership after (E) and its look-through columns.
        const buyerLine = (column: string) => r.read(byLabel(sheet, template.buyer, column, 0).address) as number;
        expect(r.read(byLabel(sheet, "Stake (ownership after the issue)", "C").address)).toBe(buyerLine("E"));
        const derived: Readonly<Record<string, () => number>> = {
          "Other claims": () => buyerLine("F") - buyerLine("G") - buyerLine("H"),
          "Share equity": () => buyerLine("H") - buyerLine("I"),
        };
        for (const layer of LAYERS) {
          const line = LT_COLUMN[layer] === undefined ? derived[layer]() : buyerLine(LT_COLUMN[layer]);
          expect(r.read(viewCell(sheet, layer, "C"))).toBeCloseTo(line, 6);
        }
        for (const column of ["B", "C", "D"]) {
          const at = (layer: string) => r.read(viewCell(sheet, layer, column)) as number;
          expect(at("Enterprise value")).toBeCloseTo(at("Equity value (incl. shareholder loans)") + at("Net debt") + at("Other claims"), 6);
        }
      } finally {
        r.destroy();
      }
    },
  );

  test("the template's figures: 20% of post-money equity 50,000,000 and of net debt -5,000,000, not of the pre-money", () => {
    const model = buildStakeSaleModel(template);
    const sheet = model.sheet;
    const r = render(sheet);
    try {
      const at = (layer: string, column: string) => r.read(viewCell(sheet, layer, column));
      expect(sheet.cells.find((c) => c.value === "Company after the issue (100%)")).toBeDefined();
      expect(at("Equity value (incl. shareholder loans)", "B")).toBe(50_000_000);
      expect(at("Equity value (incl. shareholder loans)", "C")).toBe(10_000_000);
      expect(at("Net debt", "C")).toBe(-1_000_000);
      expect(at("Enterprise value", "C")).toBe(9_000_000);
      expect(at("Equity value (incl. shareholder loans)", "D")).toBe(40_000_000);
      expect(model.results.views.stakeView.equityValue.toString()).toBe("10000000");
    } finally {
      r.destroy();
    }
  });
});

describe("warnings: inputs allowed but looking wrong build, with a visible note near the inputs", () => {
  test("net debt larger than the EV: the model builds, the sheet says why the price is negative, under the inputs", () => {
    const model = buildStakeSaleModel({ ...OPCORE_EXAMPLE, netDebt: 900_000_000 });
    expect(model.warnings.map((w) => w.id)).toEqual(["negativeEquity"]);
    const note = model.sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Warning: "))!;
    expect(note.value).toBe(
      "Warning: net debt and other claims (900000000) exceed the enterprise value (860000000): the equity value is negative (-40000000), and so is the price of the stake.",
    );
    expect(note.style).toBe("note");
    expect(note.address.startsWith("A")).toBe(true);
    // Near the inputs: after the last input row, before the bridge.
    const row = (c: CellSpec) => Number(c.address.slice(1));
    expect(row(note)).toBeGreaterThan(row(byLabel(model.sheet, "Share rounding")));
    expect(row(note)).toBeLessThan(row(byLabel(model.sheet, "Enterprise value")));
    const r = render(model.sheet);
    try {
      expect(mismatches(model.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
  });

  test("a sensible deal has no warning row", () => {
    const model = buildStakeSaleModel(OPCORE_EXAMPLE);
    expect(model.warnings).toEqual([]);
    expect(model.sheet.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Warning: "))).toBe(false);
  });
});

describe("an input given and then ignored is refused", () => {
  test('a primary investment outside a "both" deal (it was silently ignored)', () => {
    const secondary = errorMessages({ ...OPCORE_EXAMPLE, primaryInvestment: 5_000_000 });
    expect(secondary).toEqual([
      'primary investment applies only when transaction is "both" (a secondary sale invests nothing): set it to 0 or choose "both"',
    ]);
    const template = builtInTemplate("capital-increase")!.template.inputs as StakeSaleInput;
    const primary = errorMessages({ ...template, primaryInvestment: 1 });
    expect(primary).toEqual([
      'primary investment applies only when transaction is "both" (a primary issue is sized by the stake): set it to 0 or choose "both"',
    ]);
    const primaryIssue = StakeSaleInput.safeParse({ ...template, primaryInvestment: 1 }).error!.issues[0];
    expect(ruleMessage(primaryIssue, "fr")).toBe(
      "L’investissement primaire ne s’applique qu’à l’opération « Les deux » (cession et augmentation de capital) : une augmentation de capital est dimensionnée par la participation ; mettez-le à 0 ou choisissez « Les deux »",
    );
    expect(() => buildStakeSaleModel({ ...OPCORE_EXAMPLE, transaction: "both", primaryInvestment: 5_000_000 })).not.toThrow();
  });
});

describe("the seller of a primary issue (issue 12: required, then ignored)", () => {
  const template = builtInTemplate("capital-increase")!.template.inputs as StakeSaleInput;

  test('the capital-increase template\'s seller "Founders" is shown on the sheet as not used, not silently ignored', () => {
    expect(template.seller).toBe("Founders");
    const sheet = buildStakeSaleModel(template).sheet;
    expect(byLabel(sheet, "Seller").value).toBe("Founders");
    expect(byLabel(sheet, "Seller", "C").value).toBe(SELLER_NOT_USED);
  });

  test("a primary issue needs no seller, and then shows none", () => {
    const sheet = buildStakeSaleModel({ ...template, seller: "" }).sheet;
    expect(() => byLabel(sheet, "Seller")).toThrow(/no row labelled Seller/);
    // The figures do not depend on it.
    const withSeller = buildStakeSaleModel(template).results;
    const without = buildStakeSaleModel({ ...template, seller: "" }).results;
    expect(without.deal.price.total.toString()).toBe(withSeller.deal.price.total.toString());
  });

  test("a name that is not a holder is shown too, never refused: stored templates keep loading", () => {
    // The taskpane used to store the buyer's name as the seller of a primary issue.
    const sheet = buildStakeSaleModel({ ...template, seller: template.buyer }).sheet;
    expect(byLabel(sheet, "Seller").value).toBe("New investor");
    expect(byLabel(sheet, "Seller", "C").value).toBe(SELLER_NOT_USED);
  });

  test("a secondary sale still requires its seller, one of the holders", () => {
    expect(errorMessages({ ...OPCORE_EXAMPLE, seller: "" })).toEqual(["seller is required"]);
    expect(errorMessages({ ...OPCORE_EXAMPLE, seller: " " })).toEqual(["seller is required"]);
    expect(errorMessages({ ...OPCORE_EXAMPLE, transaction: "both", primaryInvestment: 1, seller: "" })).toEqual(["seller is required"]);
    expect(ruleMessage(StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, seller: "" }).error!.issues[0], "fr")).toBe("Cédant est obligatoire");
  });
});

describe("texts are always texts", () => {
  const hostile = ["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", '=HYPERLINK("http://x","y")', "'quoted", "1e5", "TRUE"];

  test.each(["native", "captable"] as const)("hostile holder and company names are written as values and read back unchanged (%s)", (formulas) => {
    const input: StakeSaleInput = {
      ...OPCORE_EXAMPLE,
      company: "=cmd|' /C calc'!A0",
      capacityUnit: "@MW",
      capTable: hostile.map((holder, i) => ({ holder, shares: 1000 * (i + 1) })),
      seller: hostile[hostile.length - 1],
      buyer: "=2+2",
      stake: 0.1,
      formulas,
    };
    const model = buildStakeSaleModel(input);
    const names = [...hostile, "=2+2"];
    for (const name of names) {
      const cells = model.sheet.cells.filter((c) => c.value === name);
      expect(cells.length).toBeGreaterThanOrEqual(1); // the cap table (its look-through columns and the chart read its cells)
    }
    for (const c of model.sheet.cells) {
      if (c.formula === undefined) continue;
      for (const name of names) expect(c.formula).not.toContain(name.length > 3 ? name : `"${name}"`);
    }
    const r = render(model.sheet, formulas === "captable");
    try {
      expect(textProblems(model.sheet, r)).toEqual([]);
      expect(mismatches(model.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
    expect(isValidSheetName(model.sheet.name)).toBe(true);
  });
});

describe("sheet names", () => {
  test("derived from the company, at most 31 characters, none of : \\ / ? * [ ]", () => {
    expect(stakeSaleSheetName("OpCore")).toBe("OpCore deal");
    expect(stakeSaleSheetName("A/B: [Holdings]*?")).toBe("A B Holdings deal");
    const long = stakeSaleSheetName("Compagnie Financière des Datacenters Européens");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(" deal")).toBe(true);
    expect(stakeSaleSheetName("'quoted'")).toBe("quoted deal");
    expect(stakeSaleSheetName("[]*")).toBe("Stake sale");
    for (const name of ["OpCore deal", long, stakeSaleSheetName("=1+1"), stakeSaleSheetName("x".repeat(100))])
      expect(isValidSheetName(name)).toBe(true);
  });
});

describe("invalid input never builds, and the message names the field", () => {
  const cases: [string, unknown, RegExp][] = [
    ["stake above 100%", { ...OPCORE_EXAMPLE, stake: 1.3 }, /^stake must be between 0% and 100%, got 130%$/],
    ["negative shareholder loans", { ...OPCORE_EXAMPLE, shareholderLoans: -1 }, /^shareholder loans must not be negative$/],
    ["a seller who is not a holder", { ...OPCORE_EXAMPLE, seller: "Orange" }, /^seller "Orange" must be one of the holders$/],
    ["buyer = seller", { ...OPCORE_EXAMPLE, buyer: " iliad " }, /^buyer must differ from the seller$/],
    [
      "a stake larger than the seller's holding",
      {
        ...OPCORE_EXAMPLE,
        capTable: [
          { holder: "Iliad", shares: 400 },
          { holder: "Free", shares: 600 },
        ],
        stake: 0.5,
      },
      /^stake of 50% is 500 shares but seller "Iliad" holds 400$/,
    ],
    [
      "duplicate holders",
      {
        ...OPCORE_EXAMPLE,
        capTable: [
          { holder: "Iliad", shares: 1 },
          { holder: "ILIAD ", shares: 1 },
        ],
      },
      /^holder "ILIAD" appears more than once$/,
    ],
    ["no shares at all", { ...OPCORE_EXAMPLE, capTable: [{ holder: "Iliad", shares: 0 }] }, /^cap table must have some shares$/],
    [
      "a primary where the loans exceed the equity",
      { ...OPCORE_EXAMPLE, transaction: "primary", shareholderLoans: 700_000_000 },
      /^valuation leaves nothing for the shares/,
    ],
    ["a primary of 100%", { ...OPCORE_EXAMPLE, transaction: "primary", stake: 1 }, /^stake after a primary issue must be below 100%$/],
    ["a lower-case currency", { ...OPCORE_EXAMPLE, currency: "eur" }, /^currency must be a three-letter code/],
    ["an infinite valuation", { ...OPCORE_EXAMPLE, valuation: Infinity }, /^valuation must be/],
    ["a text where a number belongs", { ...OPCORE_EXAMPLE, netDebt: "212m" }, /^net debt must be a number$/],
    ["an unknown field", { ...OPCORE_EXAMPLE, extra: 1 }, /extra/],
    ["a premium of -100%", { ...OPCORE_EXAMPLE, premium: -1 }, /^premium must be greater than -100%$/],
    ["no cap table", { ...OPCORE_EXAMPLE, capTable: [] }, /^cap table must list at least one holder$/],
    ["an unknown rounding", { ...OPCORE_EXAMPLE, rounding: "HALF" }, /^rounding must be "DOWN", "UP", "NEAREST" or "NONE"$/],
  ];
  test.each(cases)("%s", (_, input, message) => {
    const messages = errorMessages(input);
    expect(messages.some((m) => message.test(m))).toBe(true);
  });
});

describe("formula token reader (used by the checks above)", () => {
  test("reads cells, ranges, names and functions, not the inside of strings", () => {
    const t = tokensOf('=IF(Stake>0,INDEX(CAPTABLE.OWNERSHIP(B59:B60),1,1)+$B$21,"n/a B7 Foo")');
    expect(t.cells).toEqual(["B21"]);
    expect(t.ranges).toEqual([["B59", "B60"]]);
    expect(t.names).toEqual(["Stake"]);
    expect(t.functions).toEqual(["IF", "INDEX", "CAPTABLE.OWNERSHIP"]);
  });

  test("a broken reference is reported", () => {
    const sheet: SheetSpec = {
      name: "T",
      cells: [
        { address: "A1", value: 1 },
        { address: "A2", formula: "=A1+A3+Missing", expected: 1 },
      ],
      names: [{ name: "Unused", ref: "$A$1" }],
    };
    expect(referenceProblems(sheet, NATIVE_FUNCTIONS)).toEqual([
      "A2: =A1+A3+Missing references A3, which the sheet does not write",
      "A2: =A1+A3+Missing uses Missing, which is not a defined name",
      "defined name Unused is never used",
    ]);
  });
});

describe("share counts in the sheet are exact where a plain ROUNDDOWN in doubles would lose a share", () => {
  test("50.25% after an issue on 199 shares: 201 new shares (0.5025 x 199 / (1 - 0.5025) is 200.99999999999994 in doubles)", () => {
    const model = buildStakeSaleModel({ ...OPCORE_EXAMPLE, transaction: "primary", stake: 0.5025, capTable: [{ holder: "Iliad", shares: 199 }] });
    expect(model.results.newShares.toString()).toBe("201");
    const cell = byLabel(model.sheet, /^New shares issued/);
    const r = render(model.sheet);
    try {
      expect(r.read(cell.address)).toBe(201);
      // Without the nudge, the spreadsheet's double arithmetic loses the share.
      r.set(cell.address, cell.formula!.replace("*1.00000000000001", ""));
      expect(r.read(cell.address)).toBe(200);
    } finally {
      r.destroy();
    }
  });
});
