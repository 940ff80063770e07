/**
 * The `captable` command, run as users run it: a child process of bin/captable.cjs (the "bin" of
 * package.json), in a scratch directory. Checks outputs, messages and exit codes. The long tables
 * of wrong command lines and bad files run `main` in-process (same code, same streams and exit
 * codes, without a second of start-up per case); each kind also has a child-process case.
 */
import { execFile } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { templatesFromWorkbook } from "../../src/cli/workbook";
import { builtInTemplate, builtInTemplates, parseTemplateJson, templateToJson } from "../../src/templates";
import { readSheetSpecs, readStoredModels } from "../../src/workbook/xlsxReader";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "captable.cjs");
const HOSTILE = path.join(ROOT, "test", "fixtures", "templates", "hostile");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function captable(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: "" } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function inProcess(args: string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-cli-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("captable (child process)", () => {
  test("package.json names the command", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ captable: "bin/captable.cjs" });
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  test("--help", async () => {
    const r = await captable(["--help"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: captable <command> [options]");
    for (const c of ["list-templates", "export-template", "build-workbook", "extract-template", "validate-template"]) expect(r.stdout).toContain(c);
  });

  test("build-workbook writes the OpCore workbook from its exported template; the file opens and holds the model", async () => {
    const exported = await captable(["export-template", "opcore-stake-sale", "-o", "opcore.json"], dir);
    expect(exported).toMatchObject({ code: 0, stdout: "" });
    expect(exported.stderr).toBe('Wrote template "opcore-stake-sale" to opcore.json\n');
    const r = await captable(["build-workbook", "opcore.json", "-o", "opcore.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Wrote opcore\.xlsx: sheet "OpCore deal" \(Stake sale: 50% of OpCore at EUR 860M EV\), model m-[a-z0-9-]+ stored inside\.\n/,
    );
    expect(r.stderr).toContain('To fill in with your own figures: net debt, shareholder loans (see the "To fill" notes on the sheet).');
    expect(r.stderr).not.toContain("left out");
    const buffer = readFileSync(path.join(dir, "opcore.xlsx"));
    const [model] = await readStoredModels(buffer);
    expect(model).toMatchObject({
      sheet: "OpCore deal",
      kind: "stakeSale",
      schemaVersion: 1,
      inputs: builtInTemplate("opcore-stake-sale")!.template.inputs,
    });
    const [sheet] = await readSheetSpecs(buffer);
    const price = sheet.cells.find((c) => /^=Stake\*B[0-9]+\*\(1\+Premium\)$/.test(c.formula ?? ""));
    expect(price?.expected).toBe(323_781_240.32);
    expect(await templatesFromWorkbook(buffer)).toMatchObject([{ result: { ok: true, template: builtInTemplate("opcore-stake-sale")!.template } }]);
  });

  test("build-workbook also takes a built-in id; extract-template gives the template back", async () => {
    const r = await captable(["build-workbook", "jv-look-through", "-o", "jv.xlsx"], dir);
    expect(r.code).toBe(0);
    const back = await captable(["extract-template", "jv.xlsx"], dir);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(templateToJson(builtInTemplate("jv-look-through")!.template));
  });

  test("build-workbook --lang fr writes the sheet in French; the model and template stored inside are the English build's", async () => {
    const r = await captable(["build-workbook", "opcore-stake-sale", "-o", "opcore-fr.xlsx", "--lang", "fr"], dir);
    expect(r.code).toBe(0);
    // Its report in French too (src/locales/cliMessages.ts; test/cli/cliFrench.test.ts).
    expect(r.stderr).toContain("feuille « OpCore cession »");
    const en = await inProcess(["build-workbook", "opcore-stake-sale", "-o", "opcore-en.xlsx"], dir);
    expect(en.code).toBe(0);
    const fr = readFileSync(path.join(dir, "opcore-fr.xlsx"));
    const [sheet] = await readSheetSpecs(fr);
    expect(sheet.name).toBe("OpCore cession");
    expect(sheet.cells.find((c) => c.address === "A1")?.value).toBe("OpCore\u00a0: cession de participation");
    // The stored model: the same inputs, kind and version as the English build (only the sheet's name differs).
    const [storedFr] = await readStoredModels(fr);
    const [storedEn] = await readStoredModels(readFileSync(path.join(dir, "opcore-en.xlsx")));
    expect({ ...storedFr, id: "", sheet: "" }).toEqual({ ...storedEn, id: "", sheet: "" });
    expect(await templatesFromWorkbook(fr)).toMatchObject([{ result: { ok: true, template: builtInTemplate("opcore-stake-sale")!.template } }]);
    const eq = await inProcess(["build-workbook", "opcore-stake-sale", "-o", "opcore-fr2.xlsx", "--lang=fr"], dir);
    expect(eq.code).toBe(0);
  });

  test("build-workbook prints the model's warnings (the engine's words, as on the sheet) and still writes the file", async () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    const odd = { ...t, inputs: { ...t.inputs, netDebt: 900_000_000 } };
    writeFileSync(path.join(dir, "odd.json"), templateToJson(odd as typeof t));
    const r = await inProcess(["build-workbook", "odd.json", "-o", "odd.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, "odd.xlsx"))).toBe(true);
    expect(r.stderr).toContain(
      "Warning: net debt and other claims (900000000) exceed the enterprise value (860000000): the equity value is negative (-40000000), and so is the price of the stake.\n",
    );
  });

  test("build-workbook says when cells call the add-in, and how to make them live", async () => {
    const r = await inProcess(["build-workbook", "priced-round-option-pool", "-o", "round-addin.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /\nNote: \d+ cell\(s\) call the CapTable add-in and hold the values computed now; open the file in Excel with the add-in and press Rebuild in its taskpane to make them live \(the sheet lists them\)\.\n/,
    );
    const opcore = await inProcess(["build-workbook", "opcore-stake-sale", "-o", "opcore-native.xlsx"], dir);
    expect(opcore.stderr).not.toContain("call the CapTable add-in");
  });

  test("list-templates and export-template to stdout", async () => {
    const list = await captable(["list-templates"], dir);
    expect(list.code).toBe(0);
    for (const b of builtInTemplates()) {
      expect(list.stdout).toContain(b.id);
      expect(list.stdout).toContain(b.title);
    }
    const exported = await captable(["export-template", "capital-increase"], dir);
    expect(exported.code).toBe(0);
    const parsed = parseTemplateJson(exported.stdout);
    expect(parsed.ok && parsed.template).toEqual(builtInTemplate("capital-increase")!.template);
  });

  test("a hostile template file: exit code 1 and every problem listed; no workbook written", async () => {
    const r = await captable(["build-workbook", path.join(HOSTILE, "proto-key.json"), "-o", "evil.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `captable: ${path.join(HOSTILE, "proto-key.json")} is not a valid template:\n  - __proto__: the field name "__proto__" is not allowed\n`,
    );
    expect(existsSync(path.join(dir, "evil.xlsx"))).toBe(false);
    const v = await inProcess(["validate-template", path.join(HOSTILE, "newer-version.json")], dir);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("version 99 is newer than this CapTable reads (up to 1): update CapTable to open this template");
  });

  test("files that are missing, not JSON, or not a workbook: exit code 1 with the reason", async () => {
    writeFileSync(path.join(dir, "notes.json"), "these are my notes");
    writeFileSync(path.join(dir, "fake.xlsx"), "not a zip");
    const cases: [string[], RegExp][] = [
      [
        ["build-workbook", "missing.json", "-o", "x.xlsx"],
        /^captable: missing\.json: no such file, and no built-in template of that id \(built-in: opcore-stake-sale, capital-increase, jv-look-through(, [a-z-]+)*\)\n$/,
      ],
      [
        ["build-workbook", "notes.json", "-o", "x.xlsx"],
        /^captable: notes\.json is not a valid template:\n {2}- template is not valid JSON: line 1, column 1: a value was expected, not "t"\n$/,
      ],
      [
        ["export-template", "nope"],
        /^captable: no built-in template "nope"; the built-in templates are: opcore-stake-sale, capital-increase, jv-look-through(, [a-z-]+)*\n$/,
      ],
      [["extract-template", "fake.xlsx"], /^captable: fake\.xlsx: not an \.xlsx workbook\n$/],
      [["extract-template", "missing.xlsx"], /^captable: missing\.xlsx: no such file\n$/],
      [["validate-template", "."], /^captable: \.: is a directory, not a template file\n$/],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(args, dir);
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect(r.stderr).toMatch(message);
    }
    const child = await captable(cases[0][0], dir);
    expect(child.code).toBe(1);
    expect(child.stderr).toMatch(cases[0][1]);
  });

  test("an existing output is not overwritten without --force", async () => {
    writeFileSync(path.join(dir, "keep.xlsx"), "precious");
    const r = await inProcess(["build-workbook", "opcore-stake-sale", "-o", "keep.xlsx"], dir);
    expect(r).toMatchObject({ code: 1, stderr: "captable: keep.xlsx already exists: choose another name or add --force to overwrite it\n" });
    expect(readFileSync(path.join(dir, "keep.xlsx"), "utf8")).toBe("precious");
    const forced = await inProcess(["build-workbook", "opcore-stake-sale", "-o", "keep.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, "keep.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  test("-o naming a symbolic link is refused, even a link to nothing yet, with or without --force (issue 13)", async () => {
    // Before: a dangling link made the output land at the link's target, wherever it pointed.
    const target = path.join(dir, "elsewhere", "target.xlsx");
    mkdirSync(path.dirname(target), { recursive: true });
    for (const [link, to] of [
      ["dangling.xlsx", target],
      ["dangling.captable.json", path.join(dir, "elsewhere", "t.json")],
      ["existing.xlsx", path.join(dir, "kept.xlsx")],
    ]) {
      if (link === "existing.xlsx") writeFileSync(to, "precious");
      symlinkSync(to, path.join(dir, link));
      const args = link.endsWith(".xlsx")
        ? ["build-workbook", "opcore-stake-sale", "-o", link]
        : ["export-template", "opcore-stake-sale", "-o", link];
      for (const force of [[], ["--force"]]) {
        const r = await inProcess([...args, ...force], dir);
        expect(r).toMatchObject({
          code: 1,
          stderr: `captable: ${link} is a symbolic link: the output is never written through a link; give the path of a new file\n`,
        });
      }
      expect(lstatSync(path.join(dir, link)).isSymbolicLink()).toBe(true);
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(path.join(dir, "elsewhere", "t.json"))).toBe(false);
    expect(readFileSync(path.join(dir, "kept.xlsx"), "utf8")).toBe("precious");
  });

  test("a wrong command line: exit code 2 and a pointer to --help", async () => {
    const cases: [string[], string][] = [
      [[], "Usage: captable <command> [options]"],
      [["frobnicate"], 'captable: unknown command "frobnicate"'],
      [["build-workbook", "opcore-stake-sale"], "captable: build-workbook needs -o <file.xlsx>"],
      [["build-workbook", "opcore-stake-sale", "-o", "x.pdf"], 'captable: the output of build-workbook must be an .xlsx file, got "x.pdf"'],
      [["build-workbook", "-o", "x.xlsx"], "captable: build-workbook needs a template file (or the id of a built-in template)"],
      [["export-template"], "captable: export-template needs the id of a built-in template"],
      [["export-template", "a", "b"], 'captable: export-template takes the id of a built-in template, got also "b"'],
      [["list-templates", "--verbose"], 'captable: unknown option "--verbose"'],
      [["export-template", "opcore-stake-sale", "-o"], "captable: -o needs a file name"],
      [["build-workbook", "opcore-stake-sale", "-o", "x.xlsx", "--lang", "de"], 'captable: --lang must be "en" or "fr", got "de"'],
      [["build-workbook", "opcore-stake-sale", "-o", "x.xlsx", "--lang"], "captable: --lang needs a language (en or fr)"],
      // With a valid --lang fr on the line, the messages are French (the first valid --lang chooses).
      [["build-workbook", "opcore-stake-sale", "-o", "x.xlsx", "--lang", "fr", "--lang=en"], "captable: --lang est donnée deux fois"],
      [
        ["list-templates", "--lang", "fr"],
        "captable: --lang est une option de export-template, build-workbook, extract-template, validate-template, import-ocf et export-ocf seulement",
      ],
      [["build-workbook", "opcore-stake-sale", "-o", "x.xlsx", "--lang", "en", "--lang=fr"], "captable: --lang is given twice"],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(args, dir);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe("");
    }
    const child = await captable(["frobnicate"], dir);
    expect(child).toEqual({ code: 2, stdout: "", stderr: 'captable: unknown command "frobnicate"\nRun "captable --help" for usage.\n' });
  });
});
