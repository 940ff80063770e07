/**
 * The one sheet-name rule (src/workbook/sheetName.ts), used by the model sheets' names, the templates,
 * the write requests and both writers (issue 13, items 7 and 9): a tab or line feed in a sheet name
 * broke every defined name and chart series (the workbook's XML reads an attribute's tab back as a
 * space), and a cut inside a surrogate pair left a lone half, shown as U+FFFD.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { builtInTemplates } from "../../src/templates/builtIn";
import { templateToJson, parseTemplateJson } from "../../src/templates";
import { exitWaterfallSheetName } from "../../src/model/exitWaterfallModel";
import { pricedRoundSheetName } from "../../src/model/pricedRoundModel";
import { stakeSaleSheetName } from "../../src/model/stakeSaleModel";
import { freeSheetName } from "../../src/workbook/office/plan";
import { sheetNameProblem as requestSheetNameProblem } from "../../src/workbook/office/request";
import { MAX_SHEET_NAME, cleanSheetName, isValidSheetName, numberedSheetName, sheetNameProblem } from "../../src/workbook/sheetName";
import { uniqueSheetName, writeXlsx } from "../../src/workbook/xlsxWriter";
import type { SheetSpec } from "../../src/workbook/spec";

/** Controls of every kind: C0 (tab, line feed, carriage return, NUL…), DEL and C1. */
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,8}[A-Za-z0-9]$/);
/** A character beyond U+FFFF: two UTF-16 code units. */
const astral = fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c));
const hasLoneSurrogate = (s: string) => /[\uD800-\uDFFF]/u.test(s);

describe("control characters in a sheet name (item 7)", () => {
  test("refused where a name is given: the rule, templates and write requests say so", () => {
    fc.assert(
      fc.property(word, control, word, (a, c, b) => {
        const name = `${a}${c}${b}`;
        expect(sheetNameProblem(name)).toBe("must not contain a tab, a line break or another control character");
        expect(requestSheetNameProblem(name)).toBe(sheetNameProblem(name));
        expect(isValidSheetName(name)).toBe(false);
      }),
    );
    const template = JSON.parse(templateToJson(builtInTemplates()[0].template));
    template.presentation.sheetName = "Deal\tA";
    const parsed = parseTemplateJson(JSON.stringify(template));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors).toContain("presentation.sheetName: sheet name must not contain a tab, a line break or another control character");
  });

  test("cleaned the same way where a name is derived (company names, the writers): a space, never kept", () => {
    fc.assert(
      fc.property(word, control, word, (a, c, b) => {
        for (const name of [
          cleanSheetName(`${a}${c}${b}`),
          stakeSaleSheetName(`${a}${c}${b}`),
          pricedRoundSheetName(`${a}${c}${b}`),
          exitWaterfallSheetName(`${a}${c}${b}`),
          uniqueSheetName(`${a}${c}${b}`, []),
        ]) {
          expect(isValidSheetName(name)).toBe(true);
          expect(name.startsWith(`${a} ${b}`.replace(/\s+/g, " ").slice(0, 20))).toBe(true);
        }
      }),
    );
  });

  test("the .xlsx writer: the sheet, its defined names and its chart series name one sheet", async () => {
    const spec: SheetSpec = {
      name: "Deal\tA\nB",
      cells: [
        { address: "A1", value: "Year" },
        { address: "B1", value: 2025 },
        { address: "A2", value: "Value" },
        { address: "B2", value: 1 },
      ],
      names: [{ name: "Value", ref: "B2" }],
      charts: [{ type: "clusteredColumn", title: "Values", dataRange: "A1:B2", seriesBy: "rows", from: "D1", to: "H10" }],
    };
    const result = await writeXlsx({ sheets: [{ spec }] });
    expect(result.sheetNames).toEqual(["Deal A B"]);
    const zip = await JSZip.loadAsync(result.buffer);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(/<sheet [^>]*name="Deal A B"/);
    expect(workbook).toContain(">&apos;Deal A B&apos;!$B$2<");
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toMatch(/(&apos;|')Deal A B(&apos;|')!/);
    expect(chart).not.toMatch(/Deal[\t\n]/);
  });
});

describe("cuts never split a surrogate pair (item 9)", () => {
  test("a company name ending in emoji: the sheet name keeps whole characters, within 31 code units", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 20, maxLength: 40 }).map((s) => s.replace(/[^A-Za-z ]/g, "x")),
        fc.array(astral, { minLength: 1, maxLength: 8 }),
        (head, tail) => {
          const company = head + tail.join("");
          for (const name of [
            stakeSaleSheetName(company),
            pricedRoundSheetName(company),
            exitWaterfallSheetName(company),
            cleanSheetName(company),
            uniqueSheetName(company, [cleanSheetName(company)]),
            freeSheetName(cleanSheetName(company), [cleanSheetName(company)]),
            numberedSheetName(company, 12),
          ]) {
            expect(hasLoneSurrogate(name)).toBe(false);
            expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
            expect(isValidSheetName(name)).toBe(true);
          }
        },
      ),
    );
    // Exactly at the boundary: 26 letters, then an emoji whose second half would be unit 32 - " deal".length.
    expect(stakeSaleSheetName(`${"a".repeat(25)}😀`)).toBe(`${"a".repeat(25)} deal`);
    expect(cleanSheetName(`${"a".repeat(30)}😀`)).toBe("a".repeat(30));
  });

  test("a lone surrogate is refused in a given name", () => {
    expect(sheetNameProblem("Deal \uD83D")).toMatch(/control character/);
    expect(sheetNameProblem("Deal 😀")).toBeUndefined();
  });
});
