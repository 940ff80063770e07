/**
 * A corpus of hostile templates: each file in test/fixtures/templates/hostile/ is refused with the
 * message listed for it in expected.json (and every file has one); larger attacks are generated
 * here. Formula-looking texts are not refused: they are neutralised (kept as text), which
 * test/workbook/xlsxRoundTrip.test.ts proves through the .xlsx.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { JSON_LIMITS, builtInTemplate, parseTemplateJson, templateToJson } from "../../src/templates";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";

const HOSTILE = path.join(__dirname, "..", "fixtures", "templates", "hostile");
const expected: Record<string, string> = JSON.parse(readFileSync(path.join(HOSTILE, "expected.json"), "utf8"));
const files = readdirSync(HOSTILE).filter((f) => f.endsWith(".json") && f !== "expected.json");

function errorsOf(text: string): string[] {
  const r = parseTemplateJson(text);
  if (r.ok) throw new Error("accepted a hostile template");
  return r.errors;
}

const base = () => JSON.parse(templateToJson(builtInTemplate("opcore-stake-sale")!.template));

describe("hostile templates are refused with a clear message", () => {
  test("every file of the corpus has an expected message, and every message a file", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  test.each(files)("%s", (file) => {
    const errors = errorsOf(readFileSync(path.join(HOSTILE, file), "utf8"));
    const want = expected[file.replace(/\.json$/, "")];
    expect(errors.some((e) => e.startsWith(want))).toBe(true);
  });

  test("prototype keys do not reach any prototype", () => {
    errorsOf(readFileSync(path.join(HOSTILE, "proto-key.json"), "utf8"));
    errorsOf(readFileSync(path.join(HOSTILE, "constructor-key.json"), "utf8"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a file larger than the limit is refused before it is parsed", () => {
    const t = base();
    t.description = "x".repeat(JSON_LIMITS.maxChars);
    expect(errorsOf(JSON.stringify(t))).toEqual([
      `template is too large: ${JSON.stringify(t).length} characters, at most ${JSON_LIMITS.maxChars} allowed`,
    ]);
  });

  test("a huge list is refused by the walk; a long cap table by the schema", () => {
    const t = base();
    t.inputs.capTable = Array.from({ length: 5000 }, () => 0);
    expect(errorsOf(JSON.stringify(t))).toEqual(["inputs.capTable: list is too long: 5000 items, at most 1000 allowed"]);
    t.inputs.capTable = Array.from({ length: 501 }, (_, i) => ({ holder: `H${i}`, shares: 1 }));
    t.inputs.seller = "H0";
    expect(errorsOf(JSON.stringify(t))).toEqual(["inputs.capTable: cap table must have at most 500 holders"]);
  });

  test("a long text is refused by the walk, a text over its field's limit by the schema", () => {
    const t = base();
    t.inputs.company = "x".repeat(JSON_LIMITS.maxString + 1);
    expect(errorsOf(JSON.stringify(t))).toEqual([
      `inputs.company: text is too long: ${JSON_LIMITS.maxString + 1} characters, at most ${JSON_LIMITS.maxString} allowed`,
    ]);
    t.inputs.company = "x".repeat(101);
    expect(errorsOf(JSON.stringify(t))).toEqual(["inputs.company: company must be at most 100 characters"]);
  });

  test("an object with too many fields; nesting deeper than the limit in objects", () => {
    const t = base();
    t.presentation = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    expect(errorsOf(JSON.stringify(t))).toEqual(["presentation: too many fields: 150, at most 100 allowed"]);
    // 40,000 levels: refused from the raw text, before JSON.parse could recurse.
    const text = `${'{"a":'.repeat(40_000)}1${"}".repeat(40_000)}`;
    expect(errorsOf(text)).toEqual(["template is nested too deeply: 40000 levels, at most 12 allowed"]);
    // Brackets inside strings are text, not nesting.
    const t2 = base();
    t2.description = '[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{{{ \\" [[[[[[[[[[[[[[';
    const r = parseTemplateJson(JSON.stringify(t2));
    expect(r.ok && r.template.description).toBe(t2.description);
  });

  test("numbers beyond 1e15 anywhere, even in a field the schema would refuse anyway", () => {
    const t = base();
    t.inputs.capTable[0].shares = -2e15;
    t.presentation.chart = 1e16;
    expect(errorsOf(JSON.stringify(t))).toEqual([
      "inputs.capTable[0].shares: number -2000000000000000 is beyond the limit of 1e15 in size",
      "presentation.chart: number 10000000000000000 is beyond the limit of 1e15 in size",
    ]);
  });

  test("several problems are all listed (up to 20)", () => {
    const t = base();
    t.inputs.stake = 2;
    t.inputs.currency = "euro";
    t.inputs.extra = 1;
    const errors = errorsOf(JSON.stringify(t));
    expect(errors).toEqual(
      expect.arrayContaining([
        "inputs.currency: currency must be a three-letter code such as EUR",
        "inputs.stake: stake must be between 0% and 100%, got 200%",
        'inputs: unknown field "extra"',
      ]),
    );
    const many = base();
    many.inputs.capTable = Array.from({ length: 40 }, () => ({ holder: "", shares: -1 }));
    expect(errorsOf(JSON.stringify(many)).length).toBeLessThanOrEqual(20);
  });

  test("surrogate pairs (emoji, rare CJK) are text; a lone surrogate at either end is not", () => {
    const t = base();
    t.inputs.company = "OpCore \u{1F4A1} \u{20BB7}";
    const r = parseTemplateJson(JSON.stringify(t));
    expect(r.ok && r.template.inputs.company).toBe("OpCore \u{1F4A1} \u{20BB7}");
    for (const bad of ["\uD83D", "x\uDCA1", "\uDCA1\uD83D", "tab\tok\u0007"]) {
      t.inputs.company = bad;
      expect(errorsOf(JSON.stringify(t))).toEqual(["inputs.company: text contains a control character or an invalid character"]);
    }
  });

  test("formula-looking texts are accepted as text (neutralised, not refused)", () => {
    const r = parseTemplateJson(readFileSync(path.join(HOSTILE, "..", "injection-neutralised.json"), "utf8"));
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.template.inputs.company).toBe('=HYPERLINK("http://evil.example","OpCore")');
    expect((r.template.inputs as StakeSaleInput).capTable.map((h) => h.holder)).toEqual(["@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3"]);
  });
});

describe("whatever the text, import answers (property-based)", () => {
  const check = (text: string) => {
    const r = parseTemplateJson(text);
    if (r.ok) {
      // Anything accepted is a template that writes and reads back to itself.
      expect(parseTemplateJson(templateToJson(r.template))).toEqual(r);
    } else {
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.length).toBeLessThanOrEqual(20);
      for (const e of r.errors) expect(typeof e).toBe("string");
    }
  };

  test("random text and random JSON never throw", () => {
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
  });

  test("a valid template with one field replaced by any JSON value: refused with a message, or still a valid template", () => {
    const paths: (string | number)[][] = [
      ["version"],
      ["kind"],
      ["title"],
      ["toFill"],
      ["presentation", "sheetName"],
      ["presentation", "chart"],
      ["inputs", "stake"],
      ["inputs", "capTable"],
      ["inputs", "capTable", 0, "holder"],
      ["inputs", "capTable", 0, "shares"],
      ["inputs", "formulas"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (where, value) => {
        const doc = base();
        let target = doc;
        for (const key of where.slice(0, -1)) target = target[key];
        target[where[where.length - 1]] = value;
        check(JSON.stringify(doc));
      }),
      { numRuns: 400 },
    );
  });
});
