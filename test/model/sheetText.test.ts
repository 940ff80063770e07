/**
 * French model sheets (issue 14): the dictionary has every English key in French (the compiler
 * checks `fr: SheetText`; this checks the shape at run time too, arrays included), each built-in
 * template built in French has no English word left in its text, French typography (a no-break
 * space U+00A0 before : ; ? ! % and inside « »), the formulas still give the engine's values, the
 * tables the CAPTABLE functions read keep headers they accept, and the stored model is the same
 * in either language.
 */
import { buildModel, type ModelInputs } from "../../src/model/build";
import { SHEET_TEXT, frenchSpacing, sheetText, type SheetText } from "../../src/model/sheetText";
import { breakpointEventText } from "../../src/model/exitWaterfallModel";
import { builtInTemplates, BUILT_IN_NOTES_FR } from "../../src/templates/builtIn";
import { presentSheet } from "../../src/templates";
import { serializeModel } from "../../src/workbook/modelXml";
import type { SheetSpec } from "../../src/workbook/spec";
import { Waterfall } from "../../src/engine";
import { toShareClass } from "../../src/model/exitWaterfallInput";
import { readClasses, readHoldings, readInstruments } from "../../src/functions/venture";
import { renderSheet } from "../support/hyperformulaSheet";
import { mismatches } from "./sheetChecks";

const templates = builtInTemplates();
const NBSP = "\u00a0";

/** Compile-time: French has the English's shape (a missing or extra key fails `tsc`). */
const _french: SheetText = SHEET_TEXT.fr;
void _french;

/** The shape of a dictionary: key paths, with array lengths and the type of each leaf. */
function shape(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return [`${at}[${value.length}]`, ...value.flatMap((v, i) => shape(v, `${at}[${i}]`))];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => shape(v, at === "" ? k : `${at}.${k}`));
  return [`${at}:${typeof value}`];
}

/** Every text a sheet shows a reader: cell texts (literal or a formula's value), chart titles, the footer, name comments, the sheet name. */
function sheetTexts(sheet: SheetSpec, options: { skipInputs: boolean }): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [{ where: "sheet name", text: sheet.name }];
  for (const c of sheet.cells) {
    // The table CAPTABLE.PRICEDROUND spills is the function's result (its own words), and inputs hold stored values (keywords, names).
    if (c.spill !== undefined) continue;
    if (options.skipInputs && c.style === "input") continue;
    const text = c.formula === undefined ? c.value : c.expected;
    if (typeof text === "string" && text !== "") out.push({ where: c.address, text });
  }
  for (const ch of sheet.charts ?? []) out.push({ where: "chart", text: ch.title });
  if (sheet.print !== undefined) out.push({ where: "footer", text: `${sheet.print.footer.left} ${sheet.print.footer.center}` });
  for (const n of sheet.names) if (n.comment !== undefined) out.push({ where: `name ${n.name}`, text: n.comment });
  return out;
}

/** The names and words a model's inputs hold (a company, holders, classes, keywords): user content, in any language. */
function inputWords(inputs: ModelInputs): string[] {
  const words: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") words.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(inputs);
  return words.filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
}

/** English words that have no business on a French sheet (a small list: finance words and grammar). */
const ENGLISH =
  /\b(the|of|and|with|from|before|after|shares?|price|value|holders?|payouts?|proceeds|stake|deal|loans?|debt|equity|checks?|inputs|outputs|implied|enterprise|round|exit|classes|warning|see|total paid|per share|none|which|cells|call|press|rebuild)\b/i;

const french = (t: (typeof templates)[number]) => {
  const model = buildModel(t.template.inputs, { language: "fr" });
  return { model, sheet: presentSheet(model.sheet, t.template, "fr") };
};

describe("the dictionary", () => {
  test("French has every English key, and every list the same length", () => {
    expect(shape(SHEET_TEXT.fr)).toEqual(shape(SHEET_TEXT.en));
  });

  test("English event texts are the engine's (so the French ones come from the same parts)", () => {
    const t = templates.find((x) => x.template.kind === "exitWaterfall")!;
    const inputs = t.template.inputs as Extract<ModelInputs, { kind: "exitWaterfall" }>;
    const classes = inputs.classes.map(toShareClass);
    const points = new Waterfall(classes).breakpoints();
    expect(points.length).toBeGreaterThan(2);
    expect(new Set(points.map((b) => b.kind)).size).toBeGreaterThan(1);
    for (const b of points)
      expect(breakpointEventText(b, (n) => classes.find((c) => c.name === n)?.strike, sheetText("en").exitWaterfall)).toBe(b.event);
  });

  test("every built-in template's to-fill note has its French", () => {
    for (const t of templates)
      for (const e of t.template.toFill) expect([t.id, e.note, BUILT_IN_NOTES_FR[e.note]]).toEqual([t.id, e.note, expect.any(String)]);
  });

  test("the English sheet is the English dictionary: building without a language is building in English", () => {
    for (const t of templates) expect(buildModel(t.template.inputs).sheet).toEqual(buildModel(t.template.inputs, { language: "en" }).sheet);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))("built-in template %s in French", (_, t) => {
  const { model, sheet } = french(t);
  const english = buildModel(t.template.inputs).sheet;

  test("no English word left in the sheet's text (user content and the add-in's spilled table aside)", () => {
    const own = inputWords(model.input);
    const left = sheetTexts(sheet, { skipInputs: true })
      .map(({ where, text }) => ({ where, text: own.reduce((s, w) => s.split(w).join(" "), text) }))
      // Keywords the cells and functions read (EQUITY, NONE, DOWN...) and formulas quoted in a note are not prose.
      .map(({ where, text }) => ({ where, text: text.replace(/=CAPTABLE\.[A-Z]+\([^)]*\)/g, " ").replace(/\b[A-Z]{2,}\b/g, " ") }))
      // French compounds that hold an English word ("plus-value de cession": a disposal gain) are French.
      .map(({ where, text }) => ({ where, text: text.replace(/\b(plus|moins)-values?\b/gi, " ") }))
      .filter(({ text }) => ENGLISH.test(text))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(left).toEqual([]);
  });

  test("it is not the English sheet: titles, sections, sheet name, chart and footer are French", () => {
    expect(sheet.name).not.toBe(english.name);
    expect(sheet.cells.find((c) => c.address === "A1")!.value).toMatch(new RegExp(`${NBSP}: `));
    // A sheet without a chart (the cap-table history) has no chart title to translate.
    if ((english.charts ?? []).length > 0) expect((sheet.charts ?? []).map((c) => c.title)).not.toEqual((english.charts ?? []).map((c) => c.title));
    expect(sheet.print!.footer.center).toBe("Page &P sur &N");
    expect(sheet.cells.some((c) => c.value === "Contrôles" && c.style === "section")).toBe(true);
  });

  test("French typography: a no-break space before : ; ? ! % and inside « », never an ordinary space or none", () => {
    const bad: string[] = [];
    // User content (names, instruments, the notes a model's inputs carry) is shown as written, in its own typography.
    const own = inputWords(model.input);
    for (const { where, text: shown } of sheetTexts(sheet, { skipInputs: true })) {
      const text = own.reduce((s, w) => s.split(w).join(" "), shown);
      // A colon between cell addresses ("B4:C6") or in a formula quoted in a note is not punctuation.
      const prose = text.replace(/\$?[A-Z]{1,3}\$?[0-9]+:\$?[A-Z]{1,3}\$?[0-9]+/g, "").replace(/=CAPTABLE\.[A-Z]+\([^)]*\)/g, "");
      if (/ [:;?!%»]/.test(prose) || /« /.test(prose)) bad.push(`${where} (ordinary space): ${text}`);
      if (/[^\s\u00a0(][:;?!»]/.test(prose) || /[0-9]%/.test(prose) || /«[^\u00a0]/.test(prose)) bad.push(`${where} (no space): ${text}`);
    }
    expect(bad).toEqual([]);
  });

  test("same cells, names, charts and formats as the English sheet: only the words change", () => {
    const layout = (s: SheetSpec) => ({
      cells: s.cells.map((c) => [c.address, c.style, c.format, typeof (c.formula === undefined ? c.value : c.expected)]),
      names: s.names.map((n) => [n.name, n.ref]),
      charts: (s.charts ?? []).map((c) => [c.type, c.dataRange, c.from, c.to]),
      inputs: s.inputs,
      print: s.print === undefined ? undefined : { ...s.print, footer: undefined },
    });
    expect(layout(model.sheet)).toEqual(layout(english));
    // Input cells hold the stored values in either language.
    const inputs = (s: SheetSpec) => s.cells.filter((c) => c.style === "input").map((c) => [c.address, c.value]);
    expect(inputs(model.sheet)).toEqual(inputs(english));
  });

  test("the formulas give the engine's values (HyperFormula with the built CAPTABLE functions)", () => {
    const r = renderSheet(model.sheet, { captable: true });
    try {
      expect(mismatches(model.sheet, r)).toEqual([]);
    } finally {
      r.hf.destroy();
    }
  });

  test("the stored model is the same in either language (inputs, kind, version: the same XML)", () => {
    const en = buildModel(t.template.inputs);
    expect(model.input).toEqual(en.input);
    const xml = (m: typeof en) => serializeModel({ id: "m-1", kind: m.kind, schemaVersion: m.schemaVersion, inputs: m.input, sheet: "Model" });
    expect(xml(model)).toBe(xml(en));
  });
});

describe("the tables the CAPTABLE functions read keep headers they accept, in French", () => {
  const values = (sheet: SheetSpec, ref: string): unknown[][] => {
    const m = /^\$?([A-Z]+)\$?([0-9]+):\$?([A-Z]+)\$?([0-9]+)$/.exec(ref)!;
    const col = (s: string) => s.charCodeAt(0) - 65;
    const rows: unknown[][] = [];
    for (let r = Number(m[2]); r <= Number(m[4]); r++) {
      const row: unknown[] = [];
      for (let c = col(m[1]); c <= col(m[3]); c++) {
        const cell = sheet.cells.find((x) => x.address === `${String.fromCharCode(65 + c)}${r}`);
        row.push(cell === undefined ? null : cell.formula === undefined ? cell.value : cell.expected);
      }
      rows.push(row);
    }
    return rows;
  };
  const ref = (sheet: SheetSpec, name: string) => sheet.names.find((n) => n.name === name)!.ref;

  test("exit waterfall: Classes and Holdings read as in English", () => {
    const t = templates.find((x) => x.template.kind === "exitWaterfall")!;
    const fr = french(t).model.sheet;
    const en = buildModel(t.template.inputs).sheet;
    expect(values(fr, ref(fr, "Classes"))[0]).not.toEqual(values(en, ref(en, "Classes"))[0]);
    expect(readClasses(values(fr, ref(fr, "Classes")))).toEqual(readClasses(values(en, ref(en, "Classes"))));
    expect(readHoldings(values(fr, ref(fr, "Holdings")))).toEqual(readHoldings(values(en, ref(en, "Holdings"))));
  });

  test("priced round: Instruments read as in English", () => {
    const t = templates.find((x) => x.template.kind === "pricedRound")!;
    const fr = french(t).model.sheet;
    const en = buildModel(t.template.inputs).sheet;
    expect(readInstruments(values(fr, ref(fr, "Instruments")))).toEqual(readInstruments(values(en, ref(en, "Instruments"))));
  });
});

describe("French spacing", () => {
  test("an ordinary space before : ; ? ! % » and after « becomes a no-break space; nothing else changes", () => {
    expect(frenchSpacing("Aperçu : 50 % ; « EV » ? oui !")).toBe(`Aperçu${NBSP}: 50${NBSP}%${NBSP}; «${NBSP}EV${NBSP}»${NBSP}? oui${NBSP}!`);
    expect(frenchSpacing("B4:C6")).toBe("B4:C6");
    expect(sheetText("fr").common.percent(0.125)).toBe(`12,5${NBSP}%`);
    expect(sheetText("fr").stakeSale.lessNetDebt).toBe(`Moins${NBSP}: dette nette`);
  });
});
