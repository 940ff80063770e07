/**
 * How many custom-function calls a model sheet costs per recalculation: every built-in template's
 * sheet, evaluated by HyperFormula with the built CAPTABLE functions (needs dist/ from `npm run
 * build`), invokes the add-in's functions at most once per table the sheet holds (a spilled
 * `CAPTABLE.*` formula), on a full recalculation and on an edit of an input. The exit waterfall
 * holds none (native formulas only: it used to make 220 calls), the priced round one.
 */
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import { countCustomFunctionCalls } from "../support/hyperformulaCaptable";
import { renderSheet } from "../support/hyperformulaSheet";
import { mismatches } from "./sheetChecks";

/** An input every result depends on, by model kind: its defined name and its field in the inputs. */
const INPUT_BY_KIND: Record<string, [string, string]> = {
  exitWaterfall: ["NetDebt", "netDebt"],
  pricedRound: ["PreMoney", "preMoney"],
};

describe.each(builtInTemplates().map((b) => [b.id, b] as const))("built-in template %s", (_, b) => {
  const model = buildModel(b.template.inputs);
  const sheet = model.sheet;
  const tables = sheet.cells.filter((c) => c.spill !== undefined).length;

  test("at most one custom-function call per table on an edit and on a full recalculation; after the edit the values are the engine's", () => {
    const r = renderSheet(sheet, { captable: true });
    try {
      const input = INPUT_BY_KIND[model.kind];
      if (input !== undefined) {
        const [name, field] = input;
        const ref = sheet.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");
        const value = (sheet.cells.find((c) => c.address === ref)!.value as number) + 1_000_000;
        const edit = countCustomFunctionCalls(() => r.set(ref, value));
        expect(edit.total).toBeLessThanOrEqual(tables);
        // The counter counts: a sheet with a table calls the add-in when an input changes.
        if (tables > 0) expect(edit.total).toBeGreaterThan(0);
        const edited = buildModel({ ...b.template.inputs, [field]: value } as typeof b.template.inputs);
        expect(mismatches(edited.sheet, r)).toEqual([]);
      }
      const full = countCustomFunctionCalls(() => r.hf.rebuildAndRecalculate());
      expect(full.total).toBeLessThanOrEqual(tables);
    } finally {
      r.destroy();
    }
  });

  if (model.kind === "exitWaterfall") test("the exit waterfall holds no CAPTABLE formula", () => expect(tables).toBe(0));
  if (model.kind === "pricedRound") test("the priced round holds one table, CAPTABLE.PRICEDROUND", () => expect(tables).toBe(1));
});
