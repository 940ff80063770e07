/**
 * The "Exit waterfall" built-in template: valid, illustrative figures marked to fill, the figures of
 * the worked example the venture engine tests cite; `captable build-workbook exit-waterfall` writes
 * an .xlsx holding the sheet (stacked chart written), the model and the template, which evaluates to
 * the engine's values and comes back out unchanged; exitWaterfall templates with bad inputs are
 * refused with messages naming the field.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { buildModel, templatesFromWorkbook, workbookFromTemplate } from "../../src/cli/workbook";
import {
  EXIT_WATERFALL_FIELDS,
  TEMPLATE_KINDS,
  type Template,
  builtInTemplate,
  parseTemplateJson,
  templateToJson,
  validateTemplate,
} from "../../src/templates";
import type { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import { readSheetSpecs, readStoredModels } from "../../src/workbook/xlsxReader";
import { renderSheet } from "../support/hyperformulaSheet";
import { mismatches } from "../model/sheetChecks";

const ID = "exit-waterfall";

function inputsOf(b: { template: Template }): ExitWaterfallInput {
  if (b.template.kind !== "exitWaterfall") throw new Error("not an exit waterfall template");
  return b.template.inputs;
}

describe("built-in template: Exit waterfall", () => {
  const b = builtInTemplate(ID)!;

  test("is a valid exitWaterfall template: Series A/B, seed, common and options, illustrative figures marked to fill", () => {
    expect(TEMPLATE_KINDS).toContain("exitWaterfall");
    expect(b.title).toBe("Exit waterfall");
    expect(b.template.kind).toBe("exitWaterfall");
    if (b.template.kind !== "exitWaterfall") return;
    const inputs = b.template.inputs;
    expect(inputs.classes.map((c) => c.name)).toEqual(["Series B", "Series A", "Seed", "Common", "Options"]);
    expect(inputs.classes.find((c) => c.name === "Options")!.strike).toBe(0.25);
    expect(inputs.exitValues.length).toBeGreaterThanOrEqual(10);
    expect(inputs.exitValues.length).toBeLessThanOrEqual(40);
    expect(b.template.toFill.map((t) => t.field)).toEqual(["classes", "holdings", "netDebt", "transactionCosts", "exitValue"]);
    // Illustrative holders: a holder of several classes (the seed fund followed on in Series A), every class held at most in full.
    expect(inputs.holdings.map((h) => h.holder)).toEqual([
      "Founder 1",
      "Founder 2",
      "Early employee",
      "Early employee",
      "Angel",
      "Seed Fund",
      "Seed Fund",
      "Series A Fund",
      "Series B Fund",
    ]);
    for (const c of inputs.classes) {
      const held = inputs.holdings.filter((h) => h.className === c.name).reduce((t, h) => t + h.shares, 0);
      expect(held).toBeLessThanOrEqual(c.shares);
    }
    expect(b.description).toMatch(/Illustrative/);
    const json = templateToJson(b.template);
    expect(parseTemplateJson(json)).toEqual({ ok: true, template: b.template });
  });

  test("the CLI's builder dispatches the kind to the exit-waterfall model", () => {
    const model = buildModel(b.template.inputs);
    expect(model.kind).toBe("exitWaterfall");
    expect(model.schemaVersion).toBe(1);
    expect(model.sheet.name).toBe("Venture company exit");
  });

  test("builds an .xlsx (stacked chart written) that reads back, evaluates to the engine's values, and yields the template", async () => {
    const built = await workbookFromTemplate(b.template, "m-exit-1");
    expect(built.sheetName).toBe("Venture company exit");
    expect(built.chartsWritten).toBe(1);
    expect(built.chartsSkipped).toBe(0);
    const [sheet] = await readSheetSpecs(built.buffer);
    expect(sheet.cells.filter((c) => c.formula !== undefined).length).toBe(built.sheet.cells.filter((c) => c.formula !== undefined).length);
    // Native formulas: evaluated without the add-in's functions.
    const r = renderSheet(sheet);
    try {
      expect(mismatches(built.sheet, r)).toEqual([]);
    } finally {
      r.destroy();
    }
    // The holdings come back: the Holdings table and name in the sheet, the per-holder block evaluated from the file, the template's holdings.
    expect(sheet.names.find((n) => n.name === "Holdings")?.ref.replace(/\$/g, "")).toBe(
      built.sheet.names.find((n) => n.name === "Holdings")!.ref.replace(/\$/g, ""),
    );
    const holderCells = built.sheet.cells.filter((c) => c.formula?.includes("MATCH(TRIM("));
    expect(holderCells.length).toBe(2 * inputsOf(b).holdings.length); // the class held and the payout, per holding
    const rr = renderSheet(sheet);
    try {
      for (const c of holderCells) {
        const got = rr.read(c.address);
        if (typeof c.expected === "number") expect(Math.abs((got as number) - c.expected)).toBeLessThan(1e-6);
        else expect(got).toBe(c.expected);
      }
    } finally {
      rr.destroy();
    }
    const [back] = await templatesFromWorkbook(built.buffer);
    expect(back).toMatchObject({ modelId: "m-exit-1", kind: "exitWaterfall", result: { ok: true, template: b.template } });
    if (!back.result.ok || back.result.template.kind !== "exitWaterfall") throw new Error("the template did not come back");
    expect(back.result.template.inputs.holdings).toEqual(inputsOf(b).holdings);
    expect(back.result.template.inputs.holdings).toHaveLength(9);
  });

  test("captable build-workbook exit-waterfall -o exit.xlsx writes the workbook with the model stored inside", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "captable-exit-"));
    try {
      let stderr = "";
      const code = await main(["build-workbook", ID, "-o", "exit.xlsx"], { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: dir });
      if (code !== 0) throw new Error(`exit code ${code}: ${stderr}`);
      const buffer = readFileSync(path.join(dir, "exit.xlsx"));
      const models = await readStoredModels(buffer);
      expect(models).toHaveLength(1);
      expect(models[0]).toMatchObject({ kind: "exitWaterfall", schemaVersion: 1, sheet: "Venture company exit" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an exitWaterfall template written before holdings existed", () => {
  test("still validates, with no holdings, and builds the sheet of a model without holdings", () => {
    const t = JSON.parse(templateToJson(builtInTemplate(ID)!.template)) as Record<string, any>;
    delete t.inputs.holdings;
    t.toFill = t.toFill.filter((x: { field: string }) => x.field !== "holdings");
    const r = validateTemplate(t);
    expect(r.ok).toBe(true);
    if (!r.ok || r.template.kind !== "exitWaterfall") throw new Error("not valid");
    expect(r.template.inputs.holdings).toEqual([]);
    const model = buildModel(r.template.inputs);
    expect(model.sheet.names.map((n) => n.name)).not.toContain("Holdings");
    expect(model.sheet.cells.some((c) => c.formula?.includes("Holdings"))).toBe(false);
  });
});

describe("exitWaterfall templates with bad inputs are refused, naming the field", () => {
  const base = () => JSON.parse(templateToJson(builtInTemplate(ID)!.template)) as Record<string, any>;

  test.each<[string, (t: Record<string, any>) => void, string]>([
    [
      "capped class without a cap",
      (t) => (t.inputs.classes[0].participation = "CAPPED"),
      'inputs.classes[0].cap: cap of class "Series B" is required',
    ],
    ["unknown class field", (t) => (t.inputs.classes[1].liquidation = 2), 'inputs.classes[1]: unknown field "liquidation"'],
    ["seniority as text", (t) => (t.inputs.classes[2].seniority = "first"), "inputs.classes[2].seniority: seniority must be a number"],
    ["one exit value", (t) => (t.inputs.exitValues = [1]), "inputs.exitValues: exit values must list at least 2 values"],
    ["a stake-sale field", (t) => (t.inputs.valuation = 1), 'inputs: unknown field "valuation"'],
    [
      "a holding of an unknown class",
      (t) => (t.inputs.holdings[0].className = "Preferred"),
      'inputs.holdings[0].className: holdings row 1 ("Founder 1") names a class that is not in the classes table: "Preferred"',
    ],
    ["a holding with a share count as text", (t) => (t.inputs.holdings[1].shares = "many"), "inputs.holdings[1].shares: shares must be a number"],
    [
      "toFill of another kind's field",
      (t) => (t.toFill = [{ field: "shareholderLoans", note: "" }]),
      `toFill field must be one of the inputs (${EXIT_WATERFALL_FIELDS.join(", ")}), got "shareholderLoans"`,
    ],
  ])("%s", (_name, change, message) => {
    const t = base();
    change(t);
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.join("\n")).toContain(message);
  });
});
