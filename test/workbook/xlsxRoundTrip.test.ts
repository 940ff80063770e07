/**
 * Templates -> .xlsx -> back, through the file: every built-in template (and the version 1
 * fixtures) builds; the workbook READ BACK from the file (ExcelJS) is the sheet that was written,
 * cell for cell; a real spreadsheet engine (HyperFormula) recalculating what was read back gives
 * the engine's numbers, cell for cell; the model and the template come back out of the file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { templatesFromWorkbook, workbookFromTemplate } from "../../src/cli/workbook";
import { builtInTemplates, parseTemplateJson, type Template } from "../../src/templates";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { readSheetSpecs, readStoredModels } from "../../src/workbook/xlsxReader";
import { renderSheet } from "../support/hyperformulaSheet";

const FIXTURES = path.join(__dirname, "..", "fixtures", "templates");

function fixture(file: string): Template {
  const r = parseTemplateJson(readFileSync(path.join(FIXTURES, file), "utf8"));
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.template;
}

const CASES: [string, Template][] = [
  ...builtInTemplates().map((b) => [b.id, b.template] as [string, Template]),
  ["v1/custom-presentation.json", fixture("v1/custom-presentation.json")],
  ["injection-neutralised.json", fixture("injection-neutralised.json")],
];

/** Equal as numbers to 1e-9 relative (doubles in a spreadsheet vs Decimal rounded to a double), or equal as texts. */
function sameValue(actual: unknown, expected: number | string): boolean {
  if (typeof expected === "string") return actual === expected;
  return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe.each(CASES)("%s: template -> .xlsx -> template", (_name, template) => {
  let built: Awaited<ReturnType<typeof workbookFromTemplate>>;
  let readBack: SheetSpec;
  beforeAll(async () => {
    built = await workbookFromTemplate(template, "m-roundtrip-1");
    const sheets = await readSheetSpecs(built.buffer);
    expect(sheets).toHaveLength(1);
    readBack = sheets[0];
  });

  test("the presentation options are applied", () => {
    expect(readBack.name).toBe(template.presentation.sheetName ?? built.sheet.name);
    expect(readBack.showGridlines).toBe(template.presentation.showGridlines);
    expect(built.chartsSkipped).toBe(0);
    expect(built.chartsWritten).toBe(template.presentation.chart ? (built.sheet.charts?.length ?? 0) : 0);
  });

  test("the file holds the sheet that was written, cell for cell (values, formulas, cached values, formats) and its names", () => {
    const written = built.sheet.cells.filter((c) => (c.value !== null && c.value !== undefined) || c.formula !== undefined);
    const strip = (c: CellSpec): CellSpec => {
      const copy = { ...c };
      delete copy.style;
      // A spilled table (the priced round's CAPTABLE.PRICEDROUND) comes back whole: formula, cached values over its range.
      return copy;
    };
    const byAddress = (a: CellSpec, b: CellSpec) => a.address.localeCompare(b.address);
    expect([...readBack.cells].sort(byAddress)).toEqual(written.map(strip).sort(byAddress));
    expect(written.filter((c) => c.formula !== undefined).length).toBeGreaterThan(20);
    expect(readBack.names).toEqual(built.sheet.names.map((n) => ({ ...n, ref: n.ref.replace(/\$/g, "") })));
    expect(readBack.columns).toEqual(built.sheet.columns ?? []);
    // Long texts wrap (CellSpec.wrap, compared above), in rows as tall as their lines, across their merged ranges.
    expect(readBack.rows ?? []).toEqual(built.sheet.rows ?? []);
    expect([...(readBack.merges ?? [])].sort()).toEqual([...(built.sheet.merges ?? [])].sort());
  });

  test("HyperFormula, recalculating what was read back, gives the engine's numbers in every formula cell", () => {
    const sheet = renderSheet(readBack, { captable: template.kind !== "stakeSale" || template.inputs.formulas === "captable" });
    try {
      const mismatches: string[] = [];
      let checked = 0;
      for (const cell of built.sheet.cells) {
        if (cell.formula === undefined) continue;
        expect(cell.expected).toBeDefined();
        const actual = sheet.read(cell.address);
        checked++;
        if (!sameValue(actual, cell.expected!))
          mismatches.push(`${cell.address} ${cell.formula}: HyperFormula ${JSON.stringify(actual)}, engine ${cell.expected}`);
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    } finally {
      sheet.destroy();
    }
  });

  test("texts stay texts: no literal becomes a formula, in the file or in the spreadsheet engine", async () => {
    const zip = await JSZip.loadAsync(built.buffer);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulaCells = new Set([...xml.matchAll(/<c r="([A-Z]+[0-9]+)"[^>]*><f[ >]/g)].map((m) => m[1]));
    expect([...formulaCells].sort()).toEqual(
      built.sheet.cells
        .filter((c) => c.formula !== undefined)
        .map((c) => c.address)
        .sort(),
    );
    const sheet = renderSheet(readBack, { captable: template.kind !== "stakeSale" || template.inputs.formulas === "captable" });
    try {
      for (const cell of built.sheet.cells.filter((c) => typeof c.value === "string")) {
        expect(sheet.isFormula(cell.address)).toBe(false);
        expect(sheet.read(cell.address)).toBe(cell.value);
      }
    } finally {
      sheet.destroy();
    }
  });

  test("the model is stored inside, and the template comes back out unchanged", async () => {
    expect(await readStoredModels(built.buffer)).toEqual([
      { id: "m-roundtrip-1", sheet: readBack.name, kind: template.kind, schemaVersion: 1, inputs: template.inputs },
    ]);
    const back = await templatesFromWorkbook(built.buffer);
    expect(back).toHaveLength(1);
    expect(back[0].result).toEqual({ ok: true, template });
  });
});

describe("formula-looking texts from a template, through the .xlsx", () => {
  test("every one of them is in the file as a string cell", async () => {
    const t = fixture("injection-neutralised.json");
    const built = await workbookFromTemplate(t);
    const [sheet] = await readSheetSpecs(built.buffer);
    const texts = sheet.cells.filter((c) => typeof c.value === "string").map((c) => c.value as string);
    for (const hostile of ["@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "=1+1"]) expect(texts).toContain(hostile);
    expect(texts.some((s) => s.includes('=HYPERLINK("http://evil.example","OpCore")'))).toBe(true);
    expect(sheet.cells.filter((c) => c.formula !== undefined).every((c) => !/HYPERLINK|cmd\||SUM\(1\+1\)/.test(c.formula!))).toBe(true);
    expect(sheet.name).toBe("=Deal");
  });
});

describe("models stored without a template, or changed after", () => {
  test("a model saved by the add-in alone gives a template named after its sheet; the model's inputs win over a stale template part", async () => {
    const [opcore] = builtInTemplates();
    const built = await workbookFromTemplate(opcore.template, "m-a");
    // Rewrite the stored model's inputs (as the add-in does when the user changes the deal) and drop nothing else.
    const zip = await JSZip.loadAsync(built.buffer);
    const item = await zip.file("customXml/item1.xml")!.async("string");
    zip.file("customXml/item1.xml", item.replace("&quot;stake&quot;:0.5", "&quot;stake&quot;:0.4"));
    const changed = await templatesFromWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(changed[0].result.ok && (changed[0].result.template.inputs as StakeSaleInput).stake).toBe(0.4);
    expect(changed[0].result.ok && changed[0].result.template.title).toBe(opcore.title);

    zip.remove("customXml/item2.xml");
    const alone = await templatesFromWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(alone[0].result.ok && alone[0].result.template).toMatchObject({ title: "OpCore deal", description: "", toFill: [], kind: "stakeSale" });
  });

  test("a stored model of a newer input version, or of a kind this version does not know, is not read as a template", async () => {
    const [opcore] = builtInTemplates();
    const built = await workbookFromTemplate(opcore.template, "m-c");
    const zip = await JSZip.loadAsync(built.buffer);
    const item = await zip.file("customXml/item1.xml")!.async("string");
    zip.file("customXml/item1.xml", item.replace('schemaVersion="1"', 'schemaVersion="2"'));
    const newer = await templatesFromWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(newer[0].result).toEqual({
      ok: false,
      errors: ['the model on sheet "OpCore deal" has inputs of version 2; this CapTable reads version 1: update CapTable'],
    });
    zip.file("customXml/item1.xml", item.replace('kind="stakeSale"', 'kind="laterKind"'));
    zip.remove("customXml/item2.xml");
    const unknown = await templatesFromWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(unknown[0]).toMatchObject({
      kind: "laterKind",
      result: { ok: false, errors: [expect.stringMatching(/^kind: must be one of "stakeSale", .*got "laterKind"$/)] },
    });
  });

  test("a stored model that breaks the rules comes back as errors, not as a template", async () => {
    const [opcore] = builtInTemplates();
    const built = await workbookFromTemplate(opcore.template, "m-b");
    const zip = await JSZip.loadAsync(built.buffer);
    const item = await zip.file("customXml/item1.xml")!.async("string");
    zip.file("customXml/item1.xml", item.replace("&quot;stake&quot;:0.5", "&quot;stake&quot;:7"));
    const back = await templatesFromWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
    expect(back[0].result.ok).toBe(false);
    expect(!back[0].result.ok && back[0].result.errors).toContain("inputs.stake: stake must be between 0% and 100%, got 700%");
  });
});
