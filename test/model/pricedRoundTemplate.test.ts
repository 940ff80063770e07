/**
 * The "Priced round with option pool" built-in template (YC post-money SAFE guide, Example 1): valid,
 * illustrative figures marked to fill, builds through the command line's path into an .xlsx holding
 * the model and the template, and comes back out unchanged; pricedRound templates with bad inputs
 * are refused with messages naming the field.
 */
import { buildModel, templatesFromWorkbook, workbookFromTemplate } from "../../src/cli/workbook";
import { YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import {
  PRICED_ROUND_FIELDS,
  TEMPLATE_KINDS,
  builtInTemplate,
  parseTemplateJson,
  templateFromInput,
  templateToJson,
  validateTemplate,
} from "../../src/templates";
import { readSheetSpecs } from "../../src/workbook/xlsxReader";
import { renderSheet } from "../support/hyperformulaSheet";
import { Mismatch, mismatches } from "./sheetChecks";

const ID = "priced-round-option-pool";

type Built = Awaited<ReturnType<typeof workbookFromTemplate>>;

/** The built sheet as read back from its .xlsx, evaluated in HyperFormula (CAPTABLE functions of dist/): the formula cells off the engine's values. */
function offEngine(built: Built, sheet: Built["sheet"]): Mismatch[] {
  const r = renderSheet(sheet, { captable: true });
  try {
    return mismatches(built.sheet, r);
  } finally {
    r.destroy();
  }
}

describe("built-in template: Priced round with option pool", () => {
  const b = builtInTemplate(ID)!;

  test("is a valid pricedRound template with YC Example 1's figures, cited, marked to fill", () => {
    expect(TEMPLATE_KINDS).toContain("pricedRound");
    expect(b.title).toBe("Priced round with option pool");
    expect(b.template.kind).toBe("pricedRound");
    expect(b.template.inputs).toEqual(YC_EXAMPLE_1);
    expect(b.description).toContain("Post-Money Safe User Guide");
    expect(b.description).toContain("https://www.ycombinator.com/documents");
    expect(b.template.toFill.map((t) => t.field)).toEqual(["capTable", "preMoney", "investors", "poolIncrease", "instruments"]);
    const json = templateToJson(b.template);
    const back = parseTemplateJson(json);
    expect(back).toEqual({ ok: true, template: b.template });
  });

  test("the CLI's builder dispatches the kind to the priced-round model", () => {
    const model = buildModel(b.template.inputs);
    expect(model.kind).toBe("pricedRound");
    expect(model.schemaVersion).toBe(1);
    expect(model.sheet.name).toBe("YC Example 1 round");
  });

  test("builds an .xlsx (chart written) that reads back cell for cell, evaluates to the engine's values, and yields the template", async () => {
    const built = await workbookFromTemplate(b.template, "m-yc-1");
    expect(built.sheetName).toBe("YC Example 1 round");
    expect(built.chartsWritten).toBe(1);
    const [sheet] = await readSheetSpecs(built.buffer);
    expect(built.sheet.cells.filter((c) => c.formula !== undefined).length).toBeGreaterThan(25);
    expect(offEngine(built, sheet)).toEqual([]);
    const [back] = await templatesFromWorkbook(built.buffer);
    expect(back).toMatchObject({ modelId: "m-yc-1", kind: "pricedRound", result: { ok: true, template: b.template } });
  });
});

test("a round with notes accruing interest (date columns) round-trips through .xlsx and evaluates to the engine's values", async () => {
  const inputs = {
    ...YC_EXAMPLE_1,
    poolIncrease: null,
    poolTarget: 0.1,
    instruments: [
      YC_EXAMPLE_1.instruments[0],
      {
        holder: "Noteholder",
        type: "NOTE" as const,
        amount: 300_000,
        cap: 6_000_000,
        discount: 0.2,
        mfn: false,
        interest: {
          rate: 0.06,
          startDate: "2024-02-29",
          conversionDate: "2025-06-30",
          dayCount: "ACT/360" as const,
          compounding: "QUARTERLY" as const,
        },
      },
    ],
  };
  const template = templateFromInput(inputs, { title: "Notes" });
  const built = await workbookFromTemplate(template, "m-notes");
  const [sheet] = await readSheetSpecs(built.buffer);
  const dates = sheet.cells.filter((c) => c.format === "yyyy-mm-dd");
  expect(dates.map((c) => c.value)).toEqual([45351, 45838]);
  expect(offEngine(built, sheet)).toEqual([]);
});

describe("pricedRound templates with bad inputs are refused, naming the field", () => {
  const base = () => JSON.parse(templateToJson(builtInTemplate(ID)!.template)) as Record<string, any>;

  test.each<[string, (t: Record<string, any>) => void, string]>([
    ["pool row not a holder", (t) => (t.inputs.optionPool = "ESOP"), 'inputs.optionPool: option pool "ESOP" must be one of the holders'],
    ["unknown input field", (t) => (t.inputs.valuation = 1), 'inputs: unknown field "valuation"'],
    [
      "instrument type",
      (t) => (t.inputs.instruments[0].type = "WARRANT"),
      'inputs.instruments[0].type: instrument type must be "POST_SAFE", "PRE_SAFE" or "NOTE"',
    ],
    [
      "toFill of another kind's field",
      (t) => (t.toFill = [{ field: "netDebt", note: "" }]),
      `toFill field must be one of the inputs (${PRICED_ROUND_FIELDS.join(", ")}), got "netDebt"`,
    ],
  ])("%s", (_name, change, message) => {
    const t = base();
    change(t);
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.join("\n")).toContain(message);
  });
});
