/**
 * Formulas in cells, evaluated by a real spreadsheet engine: a workbook of `=CAPTABLE.*` formulas
 * with cell references (the OpCore worked example), computed by HyperFormula with the BUILT bundle
 * registered as a function plugin (../support/hyperformulaCaptable), must give the engine's
 * numbers; the native formulas an analyst would write (`=B2-B3`) must agree; errors show in the
 * cell with their message; tables spill to exactly their size.
 *
 * Expectations are computed with src/engine (decimal.js) and compared after toNumber(), the one
 * conversion the add-in makes at the cell boundary.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from "hyperformula";
import {
  Decimal,
  dec,
  enterpriseValue,
  equityValue,
  evPerUnit,
  impliedEnterpriseValue,
  impliedValuation,
  ownership,
  postMoney,
  pricePerShare,
  primaryIssue,
  primarySharesForTargetStake,
  secondaryTransfer,
  stakeSale,
  ProFormaRow,
} from "../../src/engine";
import { OPCORE } from "../fixtures/opcore";
import {
  CAPTABLE_FUNCTION_IDS,
  CAPTABLE_HF_CONFIG,
  buildCaptableWorkbook,
  readFunctionMetadata,
  registerCaptable,
  settleSpills,
} from "../support/hyperformulaCaptable";

type Row = (string | number | boolean | null)[];

/** A1-style address on sheet `sheet` of `hf`. */
function at(hf: HyperFormula, sheetName: string, a1: string): SimpleCellAddress {
  const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheetName)!);
  if (address === undefined) throw new Error(`bad address ${a1}`);
  return address;
}

function value(hf: HyperFormula, sheetName: string, a1: string): unknown {
  return hf.getCellValue(at(hf, sheetName, a1));
}

function numberAt(hf: HyperFormula, sheetName: string, a1: string): number {
  const v = value(hf, sheetName, a1);
  if (typeof v !== "number")
    throw new Error(`${sheetName}!${a1} is not a number: ${v instanceof DetailedCellError ? `${v.value} ${v.message}` : JSON.stringify(v)}`);
  return v;
}

function errorAt(hf: HyperFormula, sheetName: string, a1: string): { code: string; message: string } {
  const v = value(hf, sheetName, a1);
  if (!(v instanceof DetailedCellError)) throw new Error(`${sheetName}!${a1} is not an error: ${JSON.stringify(v)}`);
  return { code: v.value, message: v.message };
}

/** The block of `rows` x `cols` cells starting at `a1`, as values. */
function block(hf: HyperFormula, sheetName: string, a1: string, rows: number, cols: number): unknown[][] {
  const start = at(hf, sheetName, a1);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => hf.getCellValue({ sheet: start.sheet, row: start.row + r, col: start.col + c })),
  );
}

/**
 * The height and width of the array spilled from `a1`: cells below and to the right that are part
 * of an array, up to the next formula (the corner of another array).
 */
function spillSize(hf: HyperFormula, sheetName: string, a1: string): { rows: number; cols: number } {
  const start = at(hf, sheetName, a1);
  const inSpill = (a: SimpleCellAddress, first: boolean) => hf.isCellPartOfArray(a) && (first || !hf.doesCellHaveFormula(a));
  let rows = 0;
  while (inSpill({ ...start, row: start.row + rows }, rows === 0)) rows++;
  let cols = 0;
  while (inSpill({ ...start, col: start.col + cols }, cols === 0)) cols++;
  return { rows, cols };
}

const n = (d: Decimal): number => d.toNumber();
const proFormaCells = (rows: readonly ProFormaRow[]) => [
  ["Holder", "Shares before", "% before", "Shares after", "% after"],
  ...rows.map((r) => [r.holder, n(r.sharesBefore), n(r.ownershipBefore), n(r.sharesAfter), n(r.ownershipAfter)]),
];

// ---------------------------------------------------------------------------------------------
// The workbook: inputs in column B, CAPTABLE formulas in column E, the native formula an analyst
// would write for the same figure in column F.

const DEAL: Row[] = [
  ["Stake sold", "50%", null, "Figure", "CAPTABLE", "Native Excel"],
  ["Enterprise value", OPCORE.enterpriseValue, null, "Equity value", "=CAPTABLE.EQUITYVALUE(B2,B3)", "=B2-B3"],
  ["Net debt", OPCORE.netDebt, null, "Price of the stake", '=CAPTABLE.STAKEVALUE(B1,B2,"EV",B3,B4)', "=B1*(B2-B3)"],
  ["Shareholder loans", OPCORE.shareholderLoans, null, "  of which shares", '=CAPTABLE.STAKEVALUE(B1,B2,"EV",B3,B4,,,"SHARES")', "=F3-B1*B4"],
  ["Capacity (MW)", OPCORE.capacityMw, null, "  of which shareholder loans", '=CAPTABLE.STAKEVALUE(B1,B2,"EV",B3,B4,,,"LOANS")', "=B1*B4"],
  ["Shares before", OPCORE.sharesBefore, null, "Implied EV", '=CAPTABLE.IMPLIEDVALUE(E3,B1,"EV",B3)', "=F3/B1+B3"],
  ["Shares sold", "=B6*B1", null, "Implied equity value", "=CAPTABLE.IMPLIEDVALUE(E3,B1)", "=F3/B1"],
  ["Control premium", null, null, "EV per MW", "=CAPTABLE.EVPERUNIT(B2,B5)", "=B2/B5"],
  [null, null, null, "EV from equity", "=CAPTABLE.ENTERPRISEVALUE(E2,B3)", "=F2+B3"],
  [null, null, null, "EV from EV per MW", "=CAPTABLE.IMPLIEDEV(B5,E8)", "=B5*F8"],
  [null, null, null, "Share equity (from the deal view)", "=INDEX(A20:D31,8,2)", "=F2-B4"],
  [null, null, null, "Buyer's net debt (from the deal view)", "=C23", "=B1*B3"],
  [null, null, null, "Price via INDEX of a nested DEALVIEW", '=INDEX(CAPTABLE.DEALVIEW(B1,B2,"EV",B3,B4,,,B5),9,3)', "=F3"],
];
while (DEAL.length < 19) DEAL.push([]);
DEAL.push(['=CAPTABLE.DEALVIEW(B1,B2,"EV",B3,B4,,,B5)']); // A20: spills 12 rows x 4 columns

/** Cap table: holders in A, shares in B, with blank rows for holders to come. */
const CAP: Row[] = [
  ["Iliad", "=Deal!B6", null, 600, null, "Founders", 8_000_000],
  [null, null, null, null, null, "Seed fund", 2_000_000],
  [null, null, null, 300, null, null, null],
  [null, null, null, null],
  [null, null, null, 100],
  [null, null, null, null],
  [null, null, null, null, null, "Series A investment", 2_500_000],
  [null, null, null, null, null, "Pre-money", 10_000_000],
  [],
  ['=CAPTABLE.SECONDARY(A1:A4,B1:B4,"Iliad","InfraVia",Deal!B7)', null, null, null, null, '=CAPTABLE.PRIMARY(F1:F3,G1:G3,"Series A",G7,G8)'],
  [],
  [],
  [],
  [],
  ["=CAPTABLE.OWNERSHIP(D1:D6)", null, "=SUM(D1:D6)", null, null, "=CAPTABLE.POSTMONEY(G8,G7)", "=G8+G7"],
  [null, null, null, null, null, "=CAPTABLE.PRICEPERSHARE(G8,SUM(G1:G2))", "=G8/SUM(G1:G2)"],
  [null, null, null, null, null, "=CAPTABLE.PRIMARYSHARES(20%,SUM(G1:G2))", "=ROUNDDOWN(0.2/(1-0.2)*SUM(G1:G2),0)"],
  [null, null, null, null, null, '=CAPTABLE.PRIMARYSHARES(0.3,1000,"NEAREST")', "=ROUND(0.3/0.7*1000,0)"],
];

/** Bad input, each in its own cell. */
const ERRORS: Row[] = [
  ['=CAPTABLE.STAKEVALUE(130%,860000000,"EV",Deal!B3)'],
  ['=CAPTABLE.EQUITYVALUE("abc",1)'],
  ["=CAPTABLE.EQUITYVALUE(A10,1)"],
  ["=CAPTABLE.OWNERSHIP(B10:B11)"],
  ['=CAPTABLE.SECONDARY(Cap!A1:A4,Cap!B1:B4,"Iliad","InfraVia",2000000)'],
  ['=CAPTABLE.SECONDARY(Cap!A1:A4,Cap!B1:B4,"Free",  "InfraVia",1)'],
  ["=CAPTABLE.EQUITYVALUE(1/0,1)"],
  ["=CAPTABLE.PRIMARYSHARES(1,1000)"],
  ['=CAPTABLE.STAKEVALUE(0.5,100,"EBITDA")'],
  ["", 0],
  [null, 0],
  ["=CAPTABLE.IMPLIEDEV(B12,B12)", 1e300],
  ["=CAPTABLE.EQUITYVALUE(Cap!D1:D3,1)"],
  ['=CAPTABLE.SECONDARY(Cap!A1:A4,Cap!B1:B3,"Iliad","InfraVia",1)'],
];

const deal = stakeSale({
  stake: dec(OPCORE.stake),
  valuation: dec(OPCORE.enterpriseValue),
  basis: "EV",
  netDebt: dec(OPCORE.netDebt),
  shareholderLoans: dec(OPCORE.shareholderLoans),
  capacity: dec(OPCORE.capacityMw),
});

describe("the built bundle as a HyperFormula plugin", () => {
  test("every function of dist/functions.json is registered as CAPTABLE.<ID>, with its parameter count", () => {
    const metadata = readFunctionMetadata();
    const names = registerCaptable();
    expect([...names].sort()).toEqual(metadata.map((m) => `CAPTABLE.${m.id.toUpperCase()}`).sort());
    expect([...CAPTABLE_FUNCTION_IDS].sort()).toEqual(metadata.map((m) => m.id.toUpperCase()).sort());
    expect(HyperFormula.getRegisteredFunctionNames("enGB")).toEqual(expect.arrayContaining([...names]));
    // Too many arguments is refused as Excel refuses it; every optional argument may be omitted.
    const hf = HyperFormula.buildFromArray(
      [
        metadata.map(
          (m) =>
            `=CAPTABLE.${m.id}(${Array(m.parameters.length + 1)
              .fill("1")
              .join(",")})`,
        ),
        metadata.map(
          (m) =>
            `=ISERROR(CAPTABLE.${m.id}(${Array(m.parameters.filter((p) => !p.optional).length)
              .fill("1")
              .join(",")}))`,
        ),
      ],
      CAPTABLE_HF_CONFIG,
    );
    metadata.forEach((_m, col) => {
      const tooMany = hf.getCellValue({ sheet: 0, row: 0, col });
      expect(tooMany).toBeInstanceOf(DetailedCellError);
      expect((tooMany as DetailedCellError).value).toBe("#N/A");
      expect(typeof hf.getCellValue({ sheet: 0, row: 1, col })).toBe("boolean"); // evaluated, not #NAME?
    });
    hf.destroy();
  });
});

describe("OpCore in cells, evaluated by HyperFormula", () => {
  let hf: HyperFormula;
  beforeAll(() => {
    hf = buildCaptableWorkbook({ Deal: DEAL, Cap: CAP, Errors: ERRORS });
  });
  afterAll(() => hf.destroy());

  test("the workbook calls each of the issue's functions from a cell", () => {
    const formulas = hf
      .getSheetNames()
      .flatMap((s) => hf.getSheetSerialized(hf.getSheetId(s)!).flat())
      .filter((c): c is string => typeof c === "string" && c.startsWith("="))
      .join(" ");
    for (const id of [
      "EQUITYVALUE",
      "ENTERPRISEVALUE",
      "STAKEVALUE",
      "IMPLIEDVALUE",
      "DEALVIEW",
      "OWNERSHIP",
      "PRIMARYSHARES",
      "POSTMONEY",
      "PRICEPERSHARE",
      "SECONDARY",
      "PRIMARY",
      "EVPERUNIT",
      "IMPLIEDEV",
    ]) {
      expect(formulas).toContain(`CAPTABLE.${id}(`);
    }
  });

  test("scalar figures equal the engine's, to the double", () => {
    const ev = dec(OPCORE.enterpriseValue);
    const nd = dec(OPCORE.netDebt);
    const stake = dec(OPCORE.stake);
    const equity = equityValue(ev, nd);
    expect(numberAt(hf, "Deal", "E2")).toBe(n(equity));
    expect(numberAt(hf, "Deal", "E2")).toBe(647562480.64);
    expect(numberAt(hf, "Deal", "E3")).toBe(n(deal.price.total));
    expect(numberAt(hf, "Deal", "E3")).toBe(323781240.32);
    expect(numberAt(hf, "Deal", "E4")).toBe(n(deal.price.shares));
    expect(numberAt(hf, "Deal", "E5")).toBe(n(deal.price.shareholderLoans));
    expect(numberAt(hf, "Deal", "E6")).toBe(n(impliedValuation({ price: deal.price.total, stake, netDebt: nd }).enterpriseValue));
    expect(numberAt(hf, "Deal", "E6")).toBe(860_000_000);
    expect(numberAt(hf, "Deal", "E7")).toBe(n(impliedValuation({ price: deal.price.total, stake }).equityValue));
    expect(numberAt(hf, "Deal", "E8")).toBe(n(evPerUnit(ev, dec(OPCORE.capacityMw))));
    expect(numberAt(hf, "Deal", "E9")).toBe(n(enterpriseValue(equity, nd)));
    expect(numberAt(hf, "Deal", "E10")).toBe(n(impliedEnterpriseValue(dec(OPCORE.capacityMw), dec(numberAt(hf, "Deal", "E8")))));
    expect(numberAt(hf, "Deal", "E11")).toBe(n(deal.company.shareEquity));
    expect(numberAt(hf, "Deal", "E12")).toBe(n(deal.sold.netDebt));
    expect(numberAt(hf, "Deal", "E13")).toBe(n(deal.price.total));

    const pre = dec(10_000_000);
    const fd = dec(10_000_000);
    expect(numberAt(hf, "Cap", "F15")).toBe(n(postMoney(pre, dec(2_500_000))));
    expect(numberAt(hf, "Cap", "F16")).toBe(n(pricePerShare(pre, fd)));
    expect(numberAt(hf, "Cap", "F17")).toBe(n(primarySharesForTargetStake(dec(0.2), fd)));
    expect(numberAt(hf, "Cap", "F18")).toBe(n(primarySharesForTargetStake(dec(0.3), dec(1000), "NEAREST")));
  });

  test("the native Excel formulas give the same numbers (to 12 significant digits: they are computed in binary floating point)", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 12 }, (_, i) => [`Deal!E${i + 2}`, `Deal!F${i + 2}`] as [string, string]),
      ["Cap!F15", "Cap!G15"],
      ["Cap!F16", "Cap!G16"],
      ["Cap!F17", "Cap!G17"],
      ["Cap!F18", "Cap!G18"],
    ];
    for (const [a, b] of pairs) {
      const [sa, ca] = a.split("!");
      const [sb, cb] = b.split("!");
      const x = numberAt(hf, sa, ca);
      const y = numberAt(hf, sb, cb);
      expect({ cell: a, value: Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y)) ? y : x }).toEqual({ cell: a, value: y });
    }
  });

  test("DEALVIEW spills 12 rows x 4 columns at A20: the equity and debt views of the engine", () => {
    expect(spillSize(hf, "Deal", "A20")).toEqual({ rows: 12, cols: 4 });
    const views = [deal.company, deal.sold, deal.retained];
    const line = (label: string, pick: (b: typeof deal.company) => Decimal) => [label, ...views.map((b) => n(pick(b)))];
    expect(block(hf, "Deal", "A20", 12, 4)).toEqual([
      ["", "Company (100%)", "Stake sold", "Stake retained"],
      ["Stake", 1, n(deal.stake), n(dec(1).minus(deal.stake))],
      line("Enterprise value", (b) => b.enterpriseValue),
      line("Net debt", (b) => b.netDebt),
      line("Other claims", (b) => b.otherClaims),
      line("Equity value (incl. shareholder loans)", (b) => b.equityValue),
      line("Shareholder loans", (b) => b.shareholderLoans),
      line("Share equity", (b) => b.shareEquity),
      ["Price paid for the stake", "", n(deal.price.total), ""],
      ["Capacity", n(deal.capacity!.company), n(deal.capacity!.sold), n(deal.capacity!.retained)],
      ["EV per capacity unit", n(deal.evPerUnit!), n(deal.evPerUnit!), n(deal.evPerUnit!)],
      ["EV per capacity unit implied by the price", "", n(deal.impliedEvPerUnit!), ""],
    ]);
    // Nothing outside the spill.
    expect(value(hf, "Deal", "A32")).toBeNull();
    expect(value(hf, "Deal", "E20")).toBeNull();
  });

  test("SECONDARY and PRIMARY spill the pro forma cap tables of the engine; blank rows are skipped", () => {
    const sold = secondaryTransfer(
      [{ holder: "Iliad", shares: dec(OPCORE.sharesBefore) }],
      "Iliad",
      "InfraVia",
      dec(OPCORE.sharesBefore).times(OPCORE.stake),
    );
    // The blank rows of the holders range are skipped and named in a last row (never silently).
    expect(spillSize(hf, "Cap", "A10")).toEqual({ rows: 4, cols: 5 });
    expect(block(hf, "Cap", "A10", 3, 5)).toEqual(proFormaCells(sold));
    expect(block(hf, "Cap", "A10", 3, 5)[2]).toEqual(["InfraVia", 0, 0, 500_000, 0.5]);
    expect(String(block(hf, "Cap", "A10", 4, 5)[3][0])).toMatch(
      /^Ignored as empty \(blank, or 0 as some Excel builds send an empty cell\): \d+ rows? of holders/,
    );

    const issue = primaryIssue(
      [
        { holder: "Founders", shares: dec(8_000_000) },
        { holder: "Seed fund", shares: dec(2_000_000) },
      ],
      "Series A",
      dec(2_500_000),
      dec(10_000_000),
    );
    expect(spillSize(hf, "Cap", "F10")).toEqual({ rows: 5, cols: 5 });
    expect(block(hf, "Cap", "F10", 4, 5)).toEqual(proFormaCells(issue.rows));
    expect(block(hf, "Cap", "F10", 4, 5)[3]).toEqual(["Series A", 0, 0, 2_500_000, 0.2]);
    expect(String(block(hf, "Cap", "F10", 5, 5)[4][0])).toMatch(
      /^Ignored as empty \(blank, or 0 as some Excel builds send an empty cell\): \d+ rows? of holders/,
    );
  });

  test("OWNERSHIP of a column with blanks: same shape, blanks stay blank, fractions of the engine", () => {
    expect(spillSize(hf, "Cap", "A15")).toEqual({ rows: 6, cols: 1 });
    const fractions = ownership([dec(600), dec(300), dec(100)]).map(n);
    expect(block(hf, "Cap", "A15", 6, 1).flat()).toEqual([fractions[0], "", fractions[1], "", fractions[2], ""]);
    expect(numberAt(hf, "Cap", "C15")).toBe(1000);
  });

  test("errors show in the cell with the message naming the argument and the rule", () => {
    expect(errorAt(hf, "Errors", "A1")).toEqual({ code: "#VALUE!", message: "stake must be between 0% and 100%, got 130%" });
    expect(errorAt(hf, "Errors", "A2")).toEqual({ code: "#VALUE!", message: 'enterprise_value must be a number, got the text "abc"' });
    expect(errorAt(hf, "Errors", "A3")).toEqual({ code: "#VALUE!", message: "enterprise_value is required, got an empty cell" });
    expect(errorAt(hf, "Errors", "A4")).toEqual({ code: "#VALUE!", message: "shares must not all be zero: ownership needs a positive total" });
    expect(errorAt(hf, "Errors", "A5")).toEqual({
      code: "#VALUE!",
      message: 'shares_sold must not exceed the seller\'s holding: "Iliad" holds 1000000, got 2000000',
    });
    expect(errorAt(hf, "Errors", "A6")).toEqual({ code: "#VALUE!", message: 'seller "Free" is not one of the holders' });
    expect(errorAt(hf, "Errors", "A7").code).toBe("#DIV/0!"); // an error in an argument propagates
    expect(errorAt(hf, "Errors", "A8")).toEqual({ code: "#VALUE!", message: "target_stake must be at least 0% and below 100%, got 100%" });
    expect(errorAt(hf, "Errors", "A9").message).toMatch(/^basis must be one of .*"EQUITY".*"EV".*got the text "EBITDA"$/);
    expect(errorAt(hf, "Errors", "A12").code).toBe("#VALUE!"); // beyond a double: never Infinity, and the message shows
    expect(errorAt(hf, "Errors", "A13")).toEqual({ code: "#VALUE!", message: "enterprise_value must be a single cell, got a range" });
    expect(errorAt(hf, "Errors", "A14").message).toMatch(/^holders and shares must be ranges of the same size/);
    // An error result occupies one cell, as in Excel.
    expect(hf.isCellPartOfArray(at(hf, "Errors", "A6"))).toBe(false);
    for (let row = 1; row <= 14; row++) {
      const v = value(hf, "Errors", `A${row}`);
      if (v instanceof DetailedCellError) expect(v.message).not.toMatch(/^not a CustomFunctions\.Error/);
    }
  });

  test("dependents recompute: a change of input flows through CAPTABLE formulas and their spills", () => {
    hf.setCellContents(at(hf, "Deal", "B1"), [["40%"]]);
    settleSpills(hf);
    const at40 = stakeSale({ ...dealInput(), stake: dec(0.4) });
    expect(numberAt(hf, "Deal", "E3")).toBe(n(at40.price.total));
    expect(numberAt(hf, "Deal", "C28")).toBe(n(at40.price.total));
    // Shares sold (B7 = B6 x B1) feed the cap table: Iliad 60% / InfraVia 40%.
    expect(block(hf, "Cap", "A12", 1, 5)).toEqual([["InfraVia", 0, 0, 400_000, 0.4]]);
    hf.setCellContents(at(hf, "Deal", "B1"), [["50%"]]);
    settleSpills(hf);
    expect(numberAt(hf, "Deal", "E3")).toBe(323781240.32);
  });
});

function dealInput() {
  return {
    stake: dec(OPCORE.stake),
    valuation: dec(OPCORE.enterpriseValue),
    basis: "EV" as const,
    netDebt: dec(OPCORE.netDebt),
    shareholderLoans: dec(OPCORE.shareholderLoans),
    capacity: dec(OPCORE.capacityMw),
  };
}

describe("spills are sized by the result, as Excel sizes them", () => {
  const sheet = (): Row[] => [["50%", 860_000_000, 212_437_519.36, 148_250_000, 131], ['=CAPTABLE.DEALVIEW(A1,B1,"EV",C1,D1,,,E1)']];

  test("DEALVIEW loses its 3 capacity rows when the capacity cell is emptied, and gets them back", () => {
    const hf = buildCaptableWorkbook({ S: sheet() });
    expect(spillSize(hf, "S", "A2")).toEqual({ rows: 12, cols: 4 });
    hf.setCellContents(at(hf, "S", "E1"), [[null]]);
    settleSpills(hf);
    expect(spillSize(hf, "S", "A2")).toEqual({ rows: 9, cols: 4 });
    expect(value(hf, "S", "A10")).toBe("Price paid for the stake");
    expect(value(hf, "S", "A11")).toBeNull();
    hf.setCellContents(at(hf, "S", "E1"), [[131]]);
    expect(settleSpills(hf)).toBe(1);
    expect(spillSize(hf, "S", "A2")).toEqual({ rows: 12, cols: 4 });
    expect(value(hf, "S", "A13")).toBe("EV per capacity unit implied by the price");
    hf.destroy();
  });

  test("a spill onto a non-empty cell is #SPILL!, and spills once the cell is cleared", () => {
    const rows = sheet();
    while (rows.length < 8) rows.push([]);
    rows.push([null, null, "in the way"]); // C9, inside the spill range
    const hf = buildCaptableWorkbook({ S: rows });
    expect(errorAt(hf, "S", "A2").code).toBe("#SPILL!");
    hf.setCellContents(at(hf, "S", "C9"), [[null]]);
    settleSpills(hf);
    expect(value(hf, "S", "A2")).toBe("");
    expect(value(hf, "S", "C9")).toBe(n(deal.company.shareEquity.times(OPCORE.stake)));
    hf.destroy();
  });

  test("SECONDARY grows by one row when the buyer is new, not when the buyer already holds shares", () => {
    const hf = buildCaptableWorkbook({
      S: [["Iliad", 1_000_000, null, null, null, null, "InfraVia"], ["InfraVia", 0], ['=CAPTABLE.SECONDARY(A1:A2,B1:B2,"Iliad",G1,500000)']],
    });
    expect(spillSize(hf, "S", "A3")).toEqual({ rows: 3, cols: 5 });
    hf.setCellContents(at(hf, "S", "G1"), [["Another fund"]]);
    settleSpills(hf);
    expect(spillSize(hf, "S", "A3")).toEqual({ rows: 4, cols: 5 });
    expect(block(hf, "S", "A6", 1, 5)).toEqual([["Another fund", 0, 0, 500_000, 0.5]]);
    hf.destroy();
  });
});
