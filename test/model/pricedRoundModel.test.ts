/**
 * The priced-round model sheet: YC's post-money SAFE Example 1 (and variants) evaluated by a real
 * spreadsheet engine (HyperFormula, with the built CAPTABLE functions) equals the engine cell for
 * cell; references and names are sound; texts stay texts; bad input never builds and says which
 * field broke which rule. Needs dist/ (`npm run build`).
 */
import { ZodError } from "zod";
import { buildPricedRoundModel, buildpricedRoundModel, convertingAmount, pricedRoundSheetName } from "../../src/model/pricedRoundModel";
import { isoDateToSerial } from "../../src/engine";
import { PricedRoundInput, YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { renderSheet } from "../support/hyperformulaSheet";
import { CAPTABLE_FUNCTION_IDS } from "../support/hyperformulaCaptable";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems, tokensOf } from "./sheetChecks";

const CAPTABLE_FUNCTIONS = new Set([...NATIVE_FUNCTIONS, ...CAPTABLE_FUNCTION_IDS.map((id) => `CAPTABLE.${id}`)]);

/** The cell in `column` on the row whose column-A label is `label`. */
function byLabel(sheet: SheetSpec, label: string, column = "B"): CellSpec {
  const a = sheet.cells.find((c) => c.address.startsWith("A") && /^A[0-9]+$/.test(c.address) && c.value === label);
  if (a === undefined) throw new Error(`no row labelled ${label}`);
  const cell = sheet.cells.find((c) => c.address === `${column}${a.address.slice(1)}`);
  if (cell === undefined) throw new Error(`no cell ${column}${a.address.slice(1)} (${label})`);
  return cell;
}

/** The post-money cap-table row of a holder: its row in the spilled CAPTABLE.PRICEDROUND table. */
function holderRow(sheet: SheetSpec, holder: string): number {
  const t = sheet.cells.find((c) => c.spill !== undefined);
  const i = t?.spill?.findIndex((r) => r[0] === holder) ?? -1;
  if (t === undefined || i < 0) throw new Error(`no cap-table row for ${holder}`);
  return Number(t.address.slice(1)) + i;
}

/** Reference problems, except blank cells inside the input tables (an instrument without a cap or discount). */
function soundness(sheet: SheetSpec): string[] {
  return referenceProblems(sheet, CAPTABLE_FUNCTIONS).filter((p) => {
    const m = /(?:includes|covers) ([A-Z]+[0-9]+), which the sheet does not write$/.exec(p);
    if (m === null) return true;
    const blank = sheet.cells.find((c) => c.address === m[1]);
    return !(blank !== undefined && blank.value === null && blank.style === "input");
  });
}

function errorMessages(input: unknown): string[] {
  try {
    buildPricedRoundModel(input as PricedRoundInput);
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw e;
  }
  throw new Error("expected the model not to build");
}

describe("YC post-money SAFE user guide, Example 1, as a model sheet", () => {
  const model = buildPricedRoundModel(YC_EXAMPLE_1);
  const sheet = model.sheet;

  test("the exported shape and the engine's figures as the Guide prints them", () => {
    expect(buildpricedRoundModel).toBe(buildPricedRoundModel);
    expect(model.kind).toBe("pricedRound");
    expect(model.schemaVersion).toBe(1);
    expect(model.input).toEqual(YC_EXAMPLE_1);
    expect(sheet.name).toBe("YC Example 1 round");
    const round = model.results.round;
    expect(round.companyCapitalization.toString()).toBe("11764705");
    expect(round.conversions.map((c) => c.shares.toString())).toEqual(["588235", "1176470"]);
    expect(round.pricePerShare.toDecimalPlaces(4).toString()).toBe("1.1144");
    expect(round.poolIncrease.toString()).toBe("1695000");
  });

  test("one CAPTABLE.PRICEDROUND call, spilled (the whole table); every other formula is native, on its cells; references and names are sound", () => {
    const call = "CAPTABLE.PRICEDROUND(Holders,Shares,PreMoney,Investors,,Instruments,Rounding,PoolRow,PoolIncrease)";
    const calls = sheet.cells.filter((c) => c.formula?.includes("CAPTABLE."));
    expect(calls.map((c) => c.formula)).toEqual([`=${call}`]);
    expect(calls[0].spill).toHaveLength(model.results.round.rows.length + 2 + 11);
    expect(calls[0].spill![0][0]).toBe("Holder");
    for (const c of sheet.cells)
      if (c.formula !== undefined && c !== calls[0]) for (const fn of tokensOf(c.formula).functions) expect(NATIVE_FUNCTIONS.has(fn)).toBe(true);
    // The price per share reads the table's summary block; the post-money valuation is native arithmetic on it.
    const top = Number(calls[0].address.slice(1));
    expect(byLabel(sheet, "Price per share (USD)").formula).toBe(`=B${top + model.results.round.rows.length + 2}`);
    expect(byLabel(sheet, "Post-money valuation (USD) = pre-money + new money").formula).toBe("=PreMoney+SUM(NewMoneyAmounts)");
    expect(byLabel(sheet, "Post-money value at the round price (USD) = price x post-money shares, after rounding").formula).toMatch(
      /^=B[0-9]+\*B[0-9]+$/,
    );
    expect(soundness(sheet)).toEqual([]);
    expect(String(sheet.cells.find((c) => c.address === "A2")!.value)).toContain("needs the CapTable add-in to recalculate");
    expect(sheet.charts).toEqual([
      expect.objectContaining({ type: "clusteredColumn", title: "Ownership before and after the round", seriesBy: "columns" }),
    ]);
  });

  test("HyperFormula with the built CAPTABLE functions computes every cell's expected value", () => {
    const r = renderSheet(sheet, { captable: true });
    try {
      expect(mismatches(sheet, r)).toEqual([]);
      expect(textProblems(sheet, r)).toEqual([]);
      expect(r.read(byLabel(sheet, "Company capitalization (post-money SAFE)").address)).toBe(11_764_705);
      expect(r.read(byLabel(sheet, "Option pool increase (shares)").address)).toBe(1_695_000);
      expect(r.read(byLabel(sheet, "Price per share (USD)").address)).toBeCloseTo(1.1144, 4);
      expect(r.read(byLabel(sheet, "Share rounding used").address)).toBe("DOWN");
      expect(r.read(`D${holderRow(sheet, "Investor A")}`)).toBe(588_235);
      expect(r.read(`D${holderRow(sheet, "Investor B")}`)).toBe(1_176_470);
      expect(r.read(`H${holderRow(sheet, "Investor A")}`)).toBe("CAP");
      expect(r.read(`C${holderRow(sheet, "Series A investors")}`)).toBe(4_486_568);
      expect(r.read(`D${holderRow(sheet, "Option pool")}`)).toBe(1_795_000);
      // Post-money valuation is pre-money + new money; price x rounded shares has its own, labelled line.
      expect(r.read(byLabel(sheet, "Post-money valuation (USD) = pre-money + new money").address)).toBe(20_000_000);
      const atPrice = r.read(byLabel(sheet, "Post-money value at the round price (USD) = price x post-money shares, after rounding").address);
      expect(atPrice).toBeCloseTo(19_999_999.63, 2);
      expect(r.read(byLabel(sheet, "Option pool row (the unissued pool topped up)").address)).toBe("Option pool");
      // The pro rata investment (F) and the YC side letter's pro rata right (J shares, K amount), labelled apart.
      const header = holderRow(sheet, "Founders") - 1;
      expect(r.read(`F${header}`)).toBe("Pro rata investment");
      expect(r.read(`J${header}`)).toBe("Pro rata right (shares)");
      expect(r.read(`J${holderRow(sheet, "Investor A")}`)).toBe(224_328);
      expect(r.read(`K${holderRow(sheet, "Investor A")}`)).toBeCloseTo(250_000, -1);
      expect(r.read(`I${holderRow(sheet, "Investor B")}`)).toBe("CONVERTIBLES");
    } finally {
      r.destroy();
    }
  });

  test("the sheet recalculates from its inputs through CAPTABLE.PRICEDROUND (pre-money changed in the cell)", () => {
    const r = renderSheet(sheet, { captable: true });
    try {
      const pre = sheet.names.find((n) => n.name === "PreMoney")!.ref;
      r.set(pre, 30_000_000);
      const changed = buildPricedRoundModel({ ...YC_EXAMPLE_1, preMoney: 30_000_000 });
      const price = byLabel(changed.sheet, "Price per share (USD)");
      expect(r.read(price.address)).toBeCloseTo(price.expected as number, 12);
      expect(r.read(price.address)).not.toBeCloseTo(byLabel(sheet, "Price per share (USD)").expected as number, 4);
    } finally {
      r.destroy();
    }
  });
});

describe("variants evaluated by HyperFormula equal the engine", () => {
  const variants: [string, PricedRoundInput][] = [
    ["10% pool target, exact shares", { ...YC_EXAMPLE_1, poolTarget: 0.1, poolIncrease: null, rounding: "NONE" }],
    [
      "no pool top-up, no instruments, two investors (one existing)",
      {
        ...YC_EXAMPLE_1,
        poolIncrease: null,
        instruments: [],
        investors: [
          { name: "Lead", amount: 4_000_000 },
          { name: "Founders", amount: 250_000 },
        ],
      },
    ],
    [
      "a pre-money SAFE with a discount, a note and an MFN SAFE without cap",
      {
        ...YC_EXAMPLE_1,
        poolIncrease: null,
        poolTarget: 0.12,
        rounding: "NEAREST",
        instruments: [
          { holder: "MFN angel", type: "POST_SAFE", amount: 100_000, cap: null, discount: null, mfn: true, interest: null },
          { holder: "Pre SAFE", type: "PRE_SAFE", amount: 300_000, cap: 6_000_000, discount: 0.2, mfn: false, interest: null },
          { holder: "Noteholder", type: "NOTE", amount: 525_000, cap: 9_000_000, discount: 0.15, mfn: false, interest: null },
        ],
      },
    ],
    [
      "a cap basis per instrument (a note on existing shares only, a pre-money SAFE with the converting shares; one left to its default)",
      {
        ...YC_EXAMPLE_1,
        rounding: "NONE",
        instruments: [
          { holder: "Noteholder", type: "NOTE", amount: 500_000, cap: 6_000_000, discount: null, mfn: false, interest: null, capBasis: "EXISTING" },
          {
            holder: "Pre SAFE",
            type: "PRE_SAFE",
            amount: 300_000,
            cap: 6_000_000,
            discount: null,
            mfn: false,
            interest: null,
            capBasis: "CONVERTIBLES",
          },
          { holder: "Investor B", type: "POST_SAFE", amount: 800_000, cap: 8_000_000, discount: null, mfn: false, interest: null, capBasis: null },
        ],
      },
    ],
    [
      "notes accruing interest (simple ACT/365, monthly 30/360) beside a SAFE",
      {
        ...YC_EXAMPLE_1,
        instruments: [
          YC_EXAMPLE_1.instruments[0],
          {
            holder: "Note 1",
            type: "NOTE",
            amount: 400_000,
            cap: 7_000_000,
            discount: 0.2,
            mfn: false,
            interest: { rate: 0.05, startDate: "2024-01-15", conversionDate: "2025-06-30", dayCount: "ACT/365", compounding: "SIMPLE" },
          },
          {
            holder: "Note 2",
            type: "NOTE",
            amount: 250_000,
            cap: null,
            discount: 0.1,
            mfn: false,
            interest: { rate: 0.08, startDate: "2023-03-31", conversionDate: "2025-06-30", dayCount: "30/360", compounding: "MONTHLY" },
          },
        ],
      },
    ],
  ];
  test.each(variants)("%s", (_name, input) => {
    const model = buildPricedRoundModel(input);
    expect(soundness(model.sheet)).toEqual([]);
    const r = renderSheet(model.sheet, { captable: true });
    try {
      expect(mismatches(model.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
  });

  test("cap basis: the sheet's Instruments table has a Cap basis column only when an instrument says one; the result shows the basis used", () => {
    const input = variants.find(([name]) => name.startsWith("a cap basis"))![1];
    const model = buildPricedRoundModel(input);
    const round = model.results.round;
    expect(round.conversions.map((c) => c.capBasis)).toEqual(["EXISTING", "CONVERTIBLES", "CONVERTIBLES"]);
    // The note on existing shares only: 500,000 x 10,000,000 / 6,000,000.
    expect(round.conversions[0].exactShares.toDecimalPlaces(6).toString()).toBe("833333.333333");
    const header = model.sheet.cells.find((c) => c.value === "Cap basis" && c.style === "header");
    expect(header).toBeDefined();
    const r = renderSheet(model.sheet, { captable: true });
    try {
      expect(r.read(`I${holderRow(model.sheet, "Noteholder")}`)).toBe("EXISTING");
    } finally {
      r.destroy();
    }
    // Without a cap basis in the inputs, the only "Cap basis" is the header of the spilled result table.
    expect(buildPricedRoundModel(YC_EXAMPLE_1).sheet.cells.filter((c) => c.value === "Cap basis")).toHaveLength(0);
  });

  test("a note's converting amount: principal plus interest, as the engine's accruedInterest gives it", () => {
    const note = { holder: "N", type: "NOTE" as const, amount: 100_000, cap: null, discount: 0.2, mfn: false };
    expect(convertingAmount({ ...note, interest: null }).toString()).toBe("100000");
    // 2024-01-01 to 2025-01-01 is 366 days: 100,000 x 10% x 366 / 365.
    const simple = convertingAmount({
      ...note,
      interest: { rate: 0.1, startDate: "2024-01-01", conversionDate: "2025-01-01", dayCount: "ACT/365", compounding: "SIMPLE" },
    });
    expect(simple.toDecimalPlaces(10).toString()).toBe("110027.397260274");
    expect(isoDateToSerial("2024-01-01")).toBe(45292);
  });

  test("a long company name gives a valid sheet name", () => {
    expect(pricedRoundSheetName("A".repeat(60))).toHaveLength(31);
    expect(pricedRoundSheetName("[]:*?/\\")).toBe("Priced round");
  });
});

describe("invalid input is refused with messages naming the field", () => {
  test.each<[string, unknown, string]>([
    ["unknown field", { ...YC_EXAMPLE_1, valuation: 1 }, 'Unrecognized key: "valuation"'],
    ["pre-money zero", { ...YC_EXAMPLE_1, preMoney: 0 }, "preMoney: pre-money must be greater than 0"],
    ["pool row not a holder", { ...YC_EXAMPLE_1, optionPool: "ESOP" }, 'optionPool: option pool "ESOP" must be one of the holders'],
    ["target and increase", { ...YC_EXAMPLE_1, poolTarget: 0.1 }, "poolIncrease: pool increase must be null when a pool target is given"],
    ["pool target 100%", { ...YC_EXAMPLE_1, poolTarget: 1, poolIncrease: null }, "poolTarget: pool target must be at least 0% and below 100%"],
    ["negative investment", { ...YC_EXAMPLE_1, investors: [{ name: "X", amount: -1 }] }, "investors.0.amount: investor amount must not be negative"],
    ["no investors", { ...YC_EXAMPLE_1, investors: [] }, "investors: investors must list at least one investor"],
    [
      "duplicate investor",
      {
        ...YC_EXAMPLE_1,
        investors: [
          { name: "X", amount: 1 },
          { name: " x ", amount: 2 },
        ],
      },
      'investors.1.name: investor "x" appears more than once',
    ],
    [
      "duplicate holder",
      { ...YC_EXAMPLE_1, capTable: [...YC_EXAMPLE_1.capTable, { holder: "founders", shares: 1 }] },
      'capTable.4.holder: holder "founders" appears more than once',
    ],
    [
      "bad instrument type",
      { ...YC_EXAMPLE_1, instruments: [{ ...YC_EXAMPLE_1.instruments[0], type: "WARRANT" }] },
      'instruments.0.type: instrument type must be "POST_SAFE", "PRE_SAFE" or "NOTE"',
    ],
    [
      "discount 100%",
      { ...YC_EXAMPLE_1, instruments: [{ ...YC_EXAMPLE_1.instruments[0], discount: 1 }] },
      "instruments.0.discount: instrument discount must be at least 0% and below 100%",
    ],
    [
      "cap zero",
      { ...YC_EXAMPLE_1, instruments: [{ ...YC_EXAMPLE_1.instruments[0], cap: 0 }] },
      "instruments.0.cap: instrument cap must be greater than 0",
    ],
    ["currency", { ...YC_EXAMPLE_1, currency: "usd" }, "currency: currency must be a three-letter code such as EUR"],
    ["rounding", { ...YC_EXAMPLE_1, rounding: "HALF" }, 'rounding: rounding must be "DOWN", "UP", "NEAREST" or "NONE"'],
    ["huge amount", { ...YC_EXAMPLE_1, preMoney: 1e16 }, "preMoney: pre-money must be at most 1e15 in size"],
    [
      "interest on a SAFE",
      {
        ...YC_EXAMPLE_1,
        instruments: [
          {
            ...YC_EXAMPLE_1.instruments[0],
            interest: { rate: 0.05, startDate: "2024-01-01", conversionDate: "2025-01-01", dayCount: "ACT/365", compounding: "SIMPLE" },
          },
        ],
      },
      'instruments.0.interest: instrument interest is for a convertible note: type must be "NOTE"',
    ],
    [
      "interest dates reversed",
      {
        ...YC_EXAMPLE_1,
        instruments: [
          {
            ...YC_EXAMPLE_1.instruments[0],
            type: "NOTE",
            interest: { rate: 0.05, startDate: "2025-01-01", conversionDate: "2024-01-01", dayCount: "ACT/365", compounding: "SIMPLE" },
          },
        ],
      },
      "instruments.0.interest.conversionDate: interest conversion date must not be before the start date",
    ],
    [
      "not a real date",
      {
        ...YC_EXAMPLE_1,
        instruments: [
          {
            ...YC_EXAMPLE_1.instruments[0],
            type: "NOTE",
            interest: { rate: 0.05, startDate: "2025-02-30", conversionDate: "2026-01-01", dayCount: "ACT/365", compounding: "SIMPLE" },
          },
        ],
      },
      "instruments.0.interest.startDate: interest start date must be a real date from 1900-03-01 on",
    ],
  ])("%s", (_name, input, message) => {
    expect(errorMessages(input).join("\n")).toContain(message);
  });

  test("text that looks like a formula stays text in the sheet", () => {
    const model = buildPricedRoundModel({ ...YC_EXAMPLE_1, company: "=HYPERLINK(1)", investors: [{ name: "=1+1", amount: 1_000_000 }] });
    const r = renderSheet(model.sheet, { captable: true });
    try {
      expect(textProblems(model.sheet, r)).toEqual([]);
      expect(mismatches(model.sheet, r)).toEqual([]);
      expect(r.read(`A${holderRow(model.sheet, "=1+1")}`)).toBe("=1+1");
    } finally {
      r.destroy();
    }
  });
});
