/**
 * The command line's messages: fields named as a person reads them, bad JSON located by line and
 * column, and no library's text (src/cli/words.ts, jsonSyntaxError in src/templates/safeJson.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fieldList, fieldWords, placeInWords, readableProblem } from "../../src/cli/words";
import { builtInTemplate, jsonSyntaxError, parseSafeJson, templateToJson } from "../../src/templates";
import { runCli } from "../support/cliRun";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-messages-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

describe("field names as a person reads them", () => {
  test.each([
    ["netDebt", "net debt"],
    ["shareholderLoans", "shareholder loans"],
    ["capTable", "cap table"],
    ["preMoney", "pre-money valuation"],
    ["transactionCosts", "transaction costs"],
    ["valuation", "valuation"],
    ["__proto__", "__proto__"],
  ])("%s -> %s", (field, words) => expect(fieldWords(field)).toBe(words));

  test("places and problems", () => {
    expect(fieldList(["netDebt", "shareholderLoans"])).toBe("net debt, shareholder loans");
    expect(placeInWords("inputs.capTable[0].shares")).toBe("cap table, row 1, shares");
    expect(placeInWords("toFill[3].field")).toBe("to fill, entry 4, field");
    expect(readableProblem("inputs.netDebt: net debt must be a number")).toBe("net debt must be a number (inputs.netDebt)");
    expect(readableProblem("inputs.capTable[0].shares: shares must not be negative")).toBe(
      "cap table, row 1, shares: shares must not be negative (inputs.capTable[0].shares)",
    );
    expect(readableProblem('__proto__: the field name "__proto__" is not allowed')).toBe('__proto__: the field name "__proto__" is not allowed');
    expect(readableProblem("version 99 is newer than this CapTable reads")).toBe("version 99 is newer than this CapTable reads");
  });

  test("a template with wrong inputs: each problem names the field in words, then where it is in the file", async () => {
    const t = JSON.parse(templateToJson(builtInTemplate("opcore-stake-sale")!.template));
    t.inputs.netDebt = "abc";
    t.inputs.capTable[0].shares = -1;
    writeFileSync(path.join(dir, "wrong.json"), JSON.stringify(t, null, 2));
    const r = await run(["validate-template", "wrong.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "captable: wrong.json is not a valid template:\n" +
        "  - net debt must be a number (inputs.netDebt)\n" +
        "  - cap table, row 1, shares: shares must not be negative (inputs.capTable[0].shares)\n",
    );
  });

  test("build-workbook lists what to fill in words, without calling the figures placeholders", async () => {
    const r = await run(["build-workbook", "priced-round-option-pool", "-o", "round.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("To fill in with your own figures: cap table, pre-money valuation, investors, pool increase, instruments");
    expect(r.stderr).not.toMatch(/placeholder|netDebt|capTable/);
  });
});

describe("bad JSON: line and column, in our words", () => {
  test.each([
    ['{\n  "title": "x",\n}\n', 3, 1, "a comma before } (remove it)"],
    ["{\n  'title': 1\n}", 2, 3, "a field name in double quotes was expected, not a single quote (JSON texts and field names need double quotes)"],
    ['{"a": [1, 2,]}', 1, 13, "a comma before ] (remove it)"],
    ['{"a" 1}', 1, 6, 'a colon (:) was expected after the field name, not "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'a comma or } was expected, not """'],
    ['{"a": "open', 1, 12, "a text in double quotes is not closed"],
    ['{"a": 01}', 1, 7, "a number is written wrongly (JSON numbers have no leading zero, no trailing point, no thousands separator)"],
    ['{"a": tru}', 1, 7, 'a value was expected, not "t"'],
    ['{"a": 1}\n{"b": 2}', 2, 1, 'the JSON ends before "{" (one value per file)'],
    ['{"a": "x\\q"}', 1, 9, "\\q is not a JSON escape (use \\\\ for a backslash)"],
    ['{"a": ', 1, 7, "the text ends where a value was expected"],
  ])("%j", (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxError(text)).toEqual({ line, column, problem });
  });

  test("valid JSON has no syntax error", () => {
    for (const text of [
      '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}',
      "[]",
      " 0 ",
      templateToJson(builtInTemplate("opcore-stake-sale")!.template),
    ])
      expect(jsonSyntaxError(text)).toBeUndefined();
  });

  test("parseSafeJson gives the place, not the engine's message", () => {
    expect(parseSafeJson('{\n  "format": "captable-template",\n  "title": "x",\n}')).toEqual({
      ok: false,
      errors: ["template is not valid JSON: line 4, column 1: a comma before } (remove it)"],
    });
  });
});

describe("no library's text", () => {
  test("a file that is not a zip: 'not an .xlsx workbook' alone", async () => {
    writeFileSync(path.join(dir, "zipless.xlsx"), "PK\x03\x04 and then nothing a zip reader would want");
    const r = await run(["extract-template", "zipless.xlsx"]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "captable: zipless.xlsx: not an .xlsx workbook\n" });
  });

  test("a folder where a file is expected, and an output in a folder that is a file: the problem in words", async () => {
    writeFileSync(path.join(dir, "plain"), "x");
    const r = await run(["export-template", "opcore-stake-sale", "-o", path.join("plain", "t.json")]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: `captable: ${path.join("plain", "t.json")}: a folder in the path is a file\n` });
  });
});
