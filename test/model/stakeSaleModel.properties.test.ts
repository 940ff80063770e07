/**
 * Randomized deals (fast-check): valuations, debts, loans, other claims, stakes, premiums,
 * capacities, units, cap tables of 1-20 holders, each transaction type and each share rounding.
 * For every deal the sheet's formulas, evaluated by HyperFormula, equal the engine; every
 * reference and defined name is sound; every text reads back as text.
 */
import fc from "fast-check";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { StakeSaleInput } from "../../src/model/stakeSaleInput";
import { Decimal, SHARE_ROUNDINGS, holderKey, sum } from "../../src/engine";
import type { CellSpec } from "../../src/workbook/spec";
import { renderSheet } from "../support/hyperformulaSheet";
import { CAPTABLE_FUNCTION_IDS } from "../support/hyperformulaCaptable";
import { NATIVE_FUNCTIONS, mismatches, referenceProblems, textProblems } from "./sheetChecks";

const CAPTABLE_FUNCTIONS = new Set([...NATIVE_FUNCTIONS, ...CAPTABLE_FUNCTION_IDS.map((id) => `CAPTABLE.${id}`)]);

/** Amounts as typed: cents, up to `max` in size. */
const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => c / 100);
/** A fraction with up to 4 decimals in [min, max]. */
const fraction = (min: number, max: number) => fc.integer({ min: Math.round(min * 10_000), max: Math.round(max * 10_000) }).map((n) => n / 10_000);

const holderName = fc.oneof(
  fc.constantFrom("Iliad", "InfraVia", "Founder", "Seed Fund", "Pool", "=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-1", "Énergie SA", "2024"),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""),
);

/** A deal the schema accepts (the arbitrary steers toward valid inputs; the rest are discarded). */
const deal = (formulas: "native" | "captable") =>
  fc
    .record({
      unit: fc.constantFrom("units", "thousands", "millions" as const),
      basis: fc.constantFrom("EV", "EQUITY" as const),
      valuation: cents(1, 1e10),
      netDebt: cents(-1e9, 5e9),
      loanShare: fraction(0, 0.9),
      otherClaims: cents(-1e8, 1e9),
      stakeShare: fraction(0, 1),
      premium: fraction(-0.5, 0.5),
      capacity: fc.option(
        fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10),
        { nil: null },
      ),
      holders: fc.uniqueArray(holderName, { minLength: 1, maxLength: 20, selector: (s) => s.trim().toLocaleUpperCase("en-US") }),
      shares: fc.array(fc.oneof(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 1000 })), { minLength: 20, maxLength: 20 }),
      seller: fc.nat(),
      newBuyer: fc.boolean(),
      buyerPick: fc.nat(),
      transaction: fc.constantFrom("secondary", "primary", "both" as const),
      rounding: fc.constantFrom(...SHARE_ROUNDINGS),
      /** The primary investment, as a multiple of what the shares are worth before it. */
      investmentShare: fraction(0, 3),
    })
    .map((g): unknown => {
      const capTable = g.holders.map((holder, i) => ({ holder, shares: g.shares[i] + (i === 0 ? 1 : 0) }));
      const total = capTable.reduce((t, h) => t + h.shares, 0);
      const seller = capTable[g.seller % capTable.length];
      const others = capTable.filter((h) => h !== seller);
      const buyer = g.newBuyer || others.length === 0 ? "New Buyer Ltd" : others[g.buyerPick % others.length].holder;
      // A secondary stake the seller can deliver: a part of its ownership, with 4 decimals.
      const stake = g.transaction === "primary" ? Math.min(g.stakeShare, 0.95) : Math.floor(g.stakeShare * (seller.shares / total) * 10_000) / 10_000;
      const equity = g.basis === "EV" ? g.valuation - g.netDebt - g.otherClaims : g.valuation;
      const loans = Math.round(Math.max(0, equity) * g.loanShare * 100) / 100;
      const sharesValue = Math.max(0, equity * (1 + g.premium) - loans);
      return {
        kind: "stakeSale",
        company: "Random Co",
        currency: "EUR",
        unit: g.unit,
        basis: g.basis,
        valuation: g.valuation,
        netDebt: g.netDebt,
        shareholderLoans: loans,
        otherClaims: g.otherClaims,
        stake,
        premium: g.premium,
        capacity: g.capacity,
        capacityUnit: "MW",
        capTable,
        transaction: g.transaction,
        seller: seller.holder,
        buyer,
        primaryInvestment: g.transaction === "both" ? Math.round(sharesValue * g.investmentShare * 100) / 100 : 0,
        rounding: g.rounding,
        formulas,
      };
    });

function checkDeal(raw: unknown): void {
  const parsed = StakeSaleInput.safeParse(raw);
  fc.pre(parsed.success);
  const input = parsed.data as StakeSaleInput;
  const model = buildStakeSaleModel(input);
  const captable = input.formulas === "captable";
  expect(referenceProblems(model.sheet, captable ? CAPTABLE_FUNCTIONS : NATIVE_FUNCTIONS)).toEqual([]);
  const r = renderSheet(model.sheet, { captable });
  try {
    expect(mismatches(model.sheet, r)).toEqual([]);
    expect(textProblems(model.sheet, r)).toEqual([]);
  } finally {
    r.destroy();
  }
  // Invariants of the deal (in Decimal): shares move or are added, never lost; the look-through
  // adds up to the company after the deal; the buyer gets what it paid for. Whole shares add up
  // exactly; fractional ones ("NONE") and fractions to the 40-digit precision.
  const res = model.results;
  const total = (pick: (h: (typeof res.capTable)[number]) => Decimal) => sum(res.capTable.map(pick));
  const same = (a: Decimal, b: Decimal) =>
    a
      .minus(b)
      .abs()
      .lte(Decimal.max(a.abs(), b.abs(), 1).times("1e-35"));
  expect(total((h) => h.sharesBefore).eq(res.totalSharesBefore)).toBe(true);
  expect(
    same(
      total((h) => h.sharesAfter),
      res.totalSharesBefore.plus(res.newShares),
    ),
  ).toBe(true);
  if (input.rounding !== "NONE") expect(total((h) => h.sharesAfter).eq(res.totalSharesBefore.plus(res.newShares))).toBe(true);
  expect(
    same(
      total((h) => h.ownershipAfter),
      new Decimal(1),
    ),
  ).toBe(true);
  const buyer = res.capTable.find((h) => holderKey(h.holder) === holderKey(input.buyer))!;
  expect(same(buyer.sharesAfter.minus(buyer.sharesBefore), res.sharesTransferred.plus(res.newShares))).toBe(true);
  expect(same(sum(res.lookThrough.map((h) => h.view.enterpriseValue)), res.after.enterpriseValue)).toBe(true);
  // The other formula style lays out the same cells with the same engine values.
  const other = buildStakeSaleModel({ ...input, formulas: captable ? "native" : "captable" });
  const layout = (cells: readonly CellSpec[]) => cells.map((c) => [c.address, c.value ?? null, c.expected === "" ? "n/a" : (c.expected ?? null)]);
  expect(layout(other.sheet.cells)).toEqual(layout(model.sheet.cells));
  expect(other.sheet.names).toEqual(model.sheet.names);
  expect(res.after.netDebt.eq(res.deal.company.netDebt.minus(res.cashRaised))).toBe(true);
}

describe("randomized deals: HyperFormula equals the engine", () => {
  // RUNS=1000 npx jest test/model runs more deals; time limits are generous (results are asserted, not speed).
  const runs = Number(process.env.RUNS ?? 100);

  test("native formulas (each transaction, each rounding, 1-20 holders)", () => {
    fc.assert(fc.property(deal("native"), checkDeal), { numRuns: runs });
  }, 300_000);

  test("=CAPTABLE.* formulas, evaluated with the built bundle", () => {
    fc.assert(fc.property(deal("captable"), checkDeal), { numRuns: Math.ceil(runs / 2.5) });
  }, 300_000);
});
