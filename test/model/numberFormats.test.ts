/**
 * Banker's number formats on every model sheet (issue 14), checked on the write plan (the
 * rectangles of values and formats the Office.js writer sends, office/plan.ts) and shown through
 * the preview's formatter (what a format code displays):
 * - every number on every built-in template's sheet has a format, and a negative shows in parentheses;
 * - a price per share shows 4 decimals, in currency units even when amounts are in millions;
 * - multiples show as 0.00x, percentages to 1 or 2 decimals.
 */
import { buildModel } from "../../src/model/build";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { modelFormats } from "../../src/model/numberFormats";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { builtInTemplates } from "../../src/templates/builtIn";
import { planSheet } from "../../src/workbook/office/plan";
import type { SheetSpec } from "../../src/workbook/spec";
import { formatCell } from "../../src/taskpane/numberFormat";

/** Every number cell of the plan with its format: [address, value shown by the engine, format]. */
function plannedNumbers(sheet: SheetSpec): { address: string; value: number; format: string }[] {
  const plan = planSheet(sheet);
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  const out: { address: string; value: number; format: string }[] = [];
  for (const b of plan.blocks) {
    const [first] = b.address.split(":");
    const m = /^([A-Z]+)([0-9]+)$/.exec(first)!;
    const col0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    b.formulas.forEach((row, i) =>
      row.forEach((_, k) => {
        let n = col0 + k + 1;
        let letters = "";
        while (n > 0) {
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
          n = Math.floor((n - 1) / 26);
        }
        const address = `${letters}${Number(m[2]) + i}`;
        const cell = byAddress.get(address);
        const value = cell?.formula !== undefined ? cell.expected : cell?.value;
        if (typeof value === "number" && cell?.spill === undefined) out.push({ address, value, format: b.numberFormats?.[i][k] ?? "General" });
      }),
    );
  }
  return out;
}

const label = (sheet: SheetSpec, address: string) => String(sheet.cells.find((c) => c.address === `A${/[0-9]+$/.exec(address)![0]}`)?.value ?? "");

describe("number formats on the sheet plan", () => {
  const f = modelFormats("EUR", "millions", "DOWN");

  test.each([
    ["amount", f.amount, -1234.56, "(1,234.6)"],
    ["amount", f.amount, 1234.56, "1,234.6 "],
    ["price per share", f.pricePerShare, 1.1144375, "1.1144 "],
    ["price per share, negative", f.pricePerShare, -0.5, "(0.5000)"],
    ["shares", f.shares, -900_000, "(900,000)"],
    ["percent", f.percent, 0.123456, "12.35% "],
    ["percent, negative", f.percent, -0.05, "(5.00%)"],
    ["premium (1 decimal)", f.percent1, -0.1, "(10.0%)"],
    ["multiple", f.multiple, 2.5, "2.50x "],
    ["multiple, negative", f.multiple, -1, "(1.00x)"],
    ["EV per unit", f.perUnit, 6.56488549, "6.56 "],
    ["capacity", f.capacity, 131, "131.0 "],
    ["conversion ratio", f.ratio, 1.5, "1.50 "],
  ])("%s: %s shows %p as %p", (_, format, value, shown) => {
    expect(formatCell(value, format, "en")).toBe(shown);
  });

  test.each(builtInTemplates().map((t) => [t.id, t] as const))("%s: every number has a format and a negative in parentheses", (_, t) => {
    const sheet = buildModel(t.template.inputs).sheet;
    const numbers = plannedNumbers(sheet);
    expect(numbers.length).toBeGreaterThan(10);
    const counts = new Set([modelFormats("EUR", "units", "DOWN").count, modelFormats("EUR", "units", "DOWN").date]);
    const bad = numbers.filter((n) => !counts.has(n.format) && !/^[^;]+_\);\([^;]+\)$/.test(n.format));
    expect(bad.map((n) => `${n.address} ${n.format} (${label(sheet, n.address)})`)).toEqual([]);
    // Anything labelled per share is a price per share: 4 decimals, never in thousands or millions per share.
    const perShare = numbers.filter((n) => /^Price per (new )?share/i.test(label(sheet, n.address)));
    if (t.template.inputs.kind !== "exitWaterfall") expect(perShare.length).toBeGreaterThan(0);
    for (const n of perShare) {
      expect(n.format).toMatch(/0\.0000_\)/);
      expect(label(sheet, n.address)).not.toMatch(/\b(k|m)\)/);
    }
  });

  test("amounts in millions: a price per share is in currency units, labelled so (not 'EUR m' at 0.000499)", () => {
    const m = buildStakeSaleModel({
      ...OPCORE_EXAMPLE,
      unit: "millions",
      valuation: 860,
      netDebt: 212.43751936,
      shareholderLoans: 148.25,
    });
    const row = m.sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Price per share transferred"))!;
    expect(row.value).toBe("Price per share transferred (EUR)");
    const price = m.sheet.cells.find((c) => c.address === `B${/[0-9]+$/.exec(row.address)![0]}`)!;
    // 249,656,240.32 / 500,000 shares = EUR 499.31248064 a share.
    expect(price.expected).toBeCloseTo(499.31248064, 8);
    expect(formatCell(price.expected as number, price.format, "en")).toBe("499.3125 ");
  });

  test("a primary issue in millions: price per new share in currency, and the shares and cash it gives unchanged", () => {
    const base = { ...OPCORE_EXAMPLE, transaction: "primary" as const, seller: "" };
    const units = buildStakeSaleModel(base);
    const millions = buildStakeSaleModel({ ...base, unit: "millions", valuation: 860, netDebt: 212.43751936, shareholderLoans: 148.25 });
    const find = (s: SheetSpec, prefix: string) => {
      const l = s.cells.find((c) => typeof c.value === "string" && c.value.startsWith(prefix))!;
      return s.cells.find((c) => c.address === `B${/[0-9]+$/.exec(l.address)![0]}`)!;
    };
    expect(find(millions.sheet, "Price per new share (EUR)").expected).toBeCloseTo(
      find(units.sheet, "Price per new share (EUR)").expected as number,
      6,
    );
    expect(find(millions.sheet, "New shares issued").expected).toBe(find(units.sheet, "New shares issued").expected);
    expect(millions.results.newShares.eq(units.results.newShares)).toBe(true);
  });
});
