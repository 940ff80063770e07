/**
 * Input tables grow in LibreOffice too (issue 11): a workbook whose tables have one more row than
 * the model was built with (as Excel stores it after a user adds a row: the table part's range one
 * row longer, the row's cells filled), opened in LibreOffice Calc headless with recalculation on
 * load forced (the same profile setting as templates.libreoffice.test.ts, which explains it):
 * - priced round: an investor row added under the new-money table is counted by the new money and
 *   the post-money valuation (the NewMoneyAmounts name is the structured reference
 *   RoundInvestors[[Amount (USD)]]);
 * - exit waterfall: a class row added to the classes table turns the results into #N/A (the row
 *   check in BreakpointCheck), never a waterfall that leaves the new class out;
 * - stake sale (a capital increase with a new buyer, the OpCore secondary sale): a holder
 *   added to the cap table (holder and shares typed, its calculated columns filled down as a
 *   calculated column is) is counted by the shares before, the new shares, the shares after, the
 *   buyer's ownership and the totals under the table, as the engine counts a cap table with that
 *   holder; its look-through columns (its share of the enterprise value, net debt, equity value and
 *   shareholder loans after the deal, calculated columns of the table) and their totals equal the
 *   engine's look-through with that holder; every check still holds.
 * Needs soffice (LIBREOFFICE_PATH overrides /usr/bin/soffice). Nothing here asserts a duration.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { CAP_TABLE, LOOK_THROUGH_LAYERS, LOOK_THROUGH_NAMES, buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";
import { builtInTemplate } from "../../src/templates";
import { parseRange } from "../../src/workbook/a1";
import type { SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { parseAddress } from "../support/hyperformulaSheet";
import { convertToCsv, parseCsv, recalcProfile, requireSoffice } from "../support/libreoffice";
import { withCalculatedRow, withRow } from "../support/tableRows";

const ROUND = buildModel(builtInTemplate("priced-round-option-pool")!.template.inputs as ModelInputs);
const EXIT = buildModel(builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs);
const stakeSale = (id: string) => builtInTemplate(id)!.template.inputs as StakeSaleInput;
const INCREASE = buildModel(stakeSale("capital-increase"));
const OPCORE = buildModel(stakeSale("opcore-stake-sale"));
const ADDED = { holder: "Late angel", shares: 100_000 };
/** The model built with the added holder as the last holder before the deal: what the grown table must show. */
const grown = (id: string) => buildStakeSaleModel({ ...stakeSale(id), capTable: [...stakeSale(id).capTable, ADDED] });
const byLabel = (sheet: SheetSpec, label: string) => {
  const a = sheet.cells.find((c) => c.value === label)!.address;
  return sheet.cells.find((c) => c.address === a.replace(/^A/, "B"))!;
};

describe("a row added to an input table, in LibreOffice", () => {
  let dir: string;
  const csv = new Map<string, string[][]>();
  let soffice = "";

  beforeAll(async () => {
    requireSoffice();
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-lo-tables-"));
    const profile = recalcProfile(dir);
    // The exit waterfall's row under the classes table is a note: as Excel inserts a table row, it moves down; here it is left out.
    const books: [string, SheetSpec][] = [
      ["round", withRow(ROUND.sheet, "RoundInvestors", ["Late fund", 250_000])],
      ["exit", withRow(EXIT.sheet, "ExitClasses", ["Series C", 1_000, 1_000, 1, 1, "NONE", null, 1, null])],
      ["increase", withCalculatedRow(INCREASE.sheet, CAP_TABLE, [ADDED.holder, ADDED.shares])],
      ["opcore", withCalculatedRow(OPCORE.sheet, CAP_TABLE, [ADDED.holder, ADDED.shares])],
    ];
    for (const [name, spec] of books) writeFileSync(path.join(dir, `${name}.xlsx`), (await writeXlsx({ sheets: [{ spec }], addIn: false })).buffer);
    soffice = await convertToCsv(
      profile,
      books.map(([name]) => path.join(dir, `${name}.xlsx`)),
      dir,
    );
    for (const [name, spec] of books) {
      const file = path.join(dir, `${name}-${spec.name}.csv`);
      if (existsSync(file)) csv.set(name, parseCsv(readFileSync(file, "utf8")));
    }
  }, 10 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const at = (name: string, address: string) => {
    const rows = csv.get(name);
    if (rows === undefined) throw new Error(`LibreOffice wrote no CSV for ${name}:\n${soffice}`);
    const { row, col } = parseAddress(address);
    return rows[row]?.[col] ?? "";
  };

  test("priced round: the new money and the post-money valuation count the added investor", () => {
    const newMoney = byLabel(ROUND.sheet, "New money (USD)");
    const postMoney = byLabel(ROUND.sheet, "Post-money valuation (USD) = pre-money + new money");
    expect(Number(at("round", newMoney.address))).toBeCloseTo((newMoney.expected as number) + 250_000, 6);
    expect(Number(at("round", postMoney.address))).toBeCloseTo((postMoney.expected as number) + 250_000, 6);
  });

  test("exit waterfall: a class row added turns the row check and the results into #N/A, never a waterfall without it", () => {
    const check = EXIT.sheet.names.find((n) => n.name === "BreakpointCheck")!.ref.replace(/\$/g, "");
    expect(at("exit", check)).toBe("#N/A");
    const residual = EXIT.sheet.names.find((n) => n.name === "ResidualPerShare")!.ref.replace(/\$/g, "");
    expect(at("exit", residual)).toBe("#N/A");
  });

  /** The cell of the sheet whose formula starts with `start`. */
  const formulaCell = (sheet: SheetSpec, start: string) => sheet.cells.find((c) => c.formula?.startsWith(start) === true)!;
  /** A number of the CSV: LibreOffice writes a percentage with its sign ("45%"). */
  const number = (name: string, address: string) => {
    const v = at(name, address);
    return v.endsWith("%") ? Number(v.slice(0, -1)) / 100 : Number(v);
  };

  test.each([
    ["increase", "capital-increase", INCREASE.sheet],
    ["opcore", "opcore-stake-sale", OPCORE.sheet],
  ] as const)("stake sale (%s): a holder added to the cap table moves every total as the engine's cap table with that holder", (name, id, sheet) => {
    const want = grown(id);
    const r = want.results;
    const sumAfter = r.capTable.reduce((a, h) => a + h.sharesAfter.toNumber(), 0);
    expect(number(name, formulaCell(sheet, "=SUM(SharesBefore)").address)).toBeCloseTo(r.totalSharesBefore.toNumber(), 6);
    expect(number(name, formulaCell(sheet, "=SUM(SharesAfter)").address)).toBeCloseTo(sumAfter, 6);
    expect(number(name, formulaCell(sheet, "=SUM(OwnershipBefore)").address)).toBeCloseTo(1, 12);
    expect(number(name, formulaCell(sheet, "=SUM(OwnershipAfter)").address)).toBeCloseTo(1, 12);
    // The added row's own columns: % before, shares after (not the seller, not the buyer), % after.
    const row = parseRange(sheet.tables!.find((t) => t.name === CAP_TABLE)!.ref)!.bottom + 2; // the added row (parseRange counts from 0)
    const added = r.capTable.find((h) => h.holder === ADDED.holder)!;
    expect(number(name, `C${row}`)).toBeCloseTo(added.ownershipBefore.toNumber(), 12);
    expect(number(name, `D${row}`)).toBeCloseTo(added.sharesAfter.toNumber(), 6);
    expect(number(name, `E${row}`)).toBeCloseTo(added.ownershipAfter.toNumber(), 12);
    // The buyer's ownership after the deal, on its row of the cap table.
    const buyer = r.capTable.find((h) => h.holder.toLowerCase() === want.input.buyer.toLowerCase())!;
    const buyerRow = sheet.cells.find((c) => /^A[0-9]+$/.test(c.address) && c.value === buyer.holder && c.style !== "note")!.address.slice(1);
    expect(number(name, `E${buyerRow}`)).toBeCloseTo(buyer.ownershipAfter.toNumber(), 12);
    // The look-through: the added holder's share of each layer of the company after the deal, the
    // buyer's, and the totals (names on the table's look-through columns, plus a new buyer's row).
    const layerColumn = (layer: (typeof LOOK_THROUGH_LAYERS)[number]) =>
      sheet.names
        .find((n) => n.name === LOOK_THROUGH_NAMES[layer])!
        .ref.replace(/[$0-9:]/g, "")
        .slice(0, 1);
    const addedLook = r.lookThrough.find((h) => h.holder === ADDED.holder)!.view;
    const buyerLook = r.lookThrough.find((h) => h.holder === buyer.holder)!.view;
    for (const layer of LOOK_THROUGH_LAYERS) {
      const col = layerColumn(layer);
      expect(number(name, `${col}${row}`)).toBeCloseTo(addedLook[layer].toNumber(), 2);
      expect(number(name, `${col}${buyerRow}`)).toBeCloseTo(buyerLook[layer].toNumber(), 2);
      const total = formulaCell(sheet, `=SUM(${LOOK_THROUGH_NAMES[layer]})`);
      const want = r.lookThrough.reduce((a, h) => a + h.view[layer].toNumber(), 0);
      expect(number(name, total.address)).toBeCloseTo(want, 2);
      expect(want).toBeCloseTo(r.after[layer].toNumber(), 2);
    }
    // Every check still shows OK, the look-through's included (it adds up to the company after).
    const ok = sheet.cells.find((c) => c.formula?.includes("COUNTIFS(") === true)!;
    expect(ok.expected).toBe("OK");
    expect(at(name, ok.address)).toBe("OK");
    const checks = sheet.cells.filter((c) => c.formula?.startsWith("=IF(ABS((") === true);
    expect(checks.length).toBeGreaterThanOrEqual(5);
    for (const c of checks) expect(at(name, c.address)).toBe("OK");
    // No error cell anywhere.
    expect(
      csv
        .get(name)!
        .flat()
        .filter((v) => /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!)$/.test(v) || v === "Err:502"),
    ).toEqual([]);
  });
});
