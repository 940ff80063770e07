/**
 * The command line in French (`--lang fr`): its usage errors, file errors, a template's input errors
 * (the French rule catalogue, by rule id) and what build-workbook reports come from the French
 * catalogues (src/locales/cliMessages.ts, src/locales/ruleMessagesFr.ts); without --lang, English.
 * export-ocf takes --lang too: its defaults and refusals are rules of the OCF catalogue
 * (src/ocf/ocfRules.ts, src/locales/ocfMessagesFr.ts), worded by id. So does extract-template: the .xlsx
 * reader's refusals and the stored parts it skips are rules of its catalogue (src/workbook/xlsxRules.ts,
 * src/locales/xlsxMessagesFr.ts), worded by id.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { EXIT, MAX_WORKBOOK_BYTES } from "../../src/cli/main";
import { CLI_MESSAGES_EN, CLI_MESSAGES_FR } from "../../src/locales/cliMessages";
import { ruleMessage } from "../../src/locales/ruleMessagesFr";
import { builtInTemplate, parseTemplateJson, templateToJson } from "../../src/templates";
import { MODEL_XML_NAMESPACE, readModelPart, serializeModel } from "../../src/workbook/modelXml";
import { TEMPLATE_XML_NAMESPACE, readTemplatePart, serializeTemplatePart } from "../../src/templates/workbookPart";
import { XLSX_RULES_EN, type XlsxRuleId, type XlsxRuleParams, xlsxRuleText } from "../../src/workbook/xlsxRules";
import { XLSX_RULES_FR } from "../../src/locales/xlsxMessagesFr";
import { companyFiles, companyPackage, companyTransactions } from "../ocf/ocfFixture";
import { runCli } from "../support/cliRun";
import { englishIn } from "../support/french";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-fr-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

/** The numbers of a text, in order (French groups digits with a no-break space, or a narrow one as the rule catalogue does). */
const numbers = (text: string): string[] => text.replace(/(\d)[\u00a0\u202f](?=\d{3})/g, "$1").match(/\d+(?:\.\d+)?/g) ?? [];

/** The lines of a French output, each checked: no English word once names, paths and options are set aside. */
function expectFrench(text: string): string[] {
  const lines = text.split("\n").filter((l) => l !== "");
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect([line, englishIn(line)]).toEqual([line, []]);
  return lines;
}

/** The same command in English and in French: the French output in French, and none of the English lines in it. */
async function bothLanguages(args: string[]): Promise<{ en: Awaited<ReturnType<typeof run>>; fr: Awaited<ReturnType<typeof run>> }> {
  const en = await run(args);
  const fr = await run([...args, "--lang", "fr"]);
  expect(fr.code).toBe(en.code);
  expectFrench(fr.stderr);
  for (const line of en.stderr.split("\n").filter((l) => l !== "")) expect(fr.stderr).not.toContain(line.replace(/^captable: /, ""));
  return { en, fr };
}

describe("captable --lang fr speaks French", () => {
  test("usage errors, and the hint after them", async () => {
    const r = await run(["build-workbook", "opcore-stake-sale", "--lang", "fr"]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toBe("captable: build-workbook attend -o <fichier.xlsx>\nLancez « captable --help » pour l’aide.\n");
    expect((await run(["build-workbook", "opcore-stake-sale", "-o", "x.pdf", "--lang=fr"])).stderr).toContain(
      "la sortie de build-workbook doit être un fichier .xlsx, reçu « x.pdf »",
    );
    // An error found while reading the options is in French too, wherever --lang stands.
    expect((await run(["--lang", "fr", "build-workbook", "--frobnicate"])).stderr).toContain("option inconnue « --frobnicate »");
    expect((await run(["build-workbook", "a", "b", "-o", "x.xlsx", "--lang", "fr"])).stderr).toContain(
      "build-workbook attend un fichier de modèle (ou l’identifiant d’un modèle intégré), reçu en plus « b »",
    );
    expect((await run(["list-templates", "--lang", "fr"])).stderr).toContain(
      "--lang est une option de export-template, build-workbook, extract-template, validate-template, import-ocf et export-ocf seulement",
    );
  });

  test("file errors", async () => {
    const missing = await run(["build-workbook", "missing.json", "-o", "x.xlsx", "--lang", "fr"]);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/^captable: missing\.json : ni fichier ni modèle intégré de cet identifiant \(modèles intégrés : /);
    mkdirSync(path.join(dir, "folder.json"));
    expect((await run(["build-workbook", "folder.json", "-o", "x.xlsx", "--lang", "fr"])).stderr).toBe(
      "captable: folder.json : est un dossier, pas un fichier de modèle\n",
    );
    writeFileSync(path.join(dir, "taken.xlsx"), "");
    expect((await run(["build-workbook", "opcore-stake-sale", "-o", "taken.xlsx", "--lang", "fr"])).stderr).toBe(
      "captable: taken.xlsx existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer\n",
    );
  });

  test("a template's input errors: the French rule messages, each with its place in the file", async () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    const bad = templateToJson({ ...t, inputs: { ...t.inputs, stake: 1.5, netDebt: "lots" } } as unknown as typeof t);
    writeFileSync(path.join(dir, "bad.json"), bad);
    const r = await run(["build-workbook", "bad.json", "-o", "bad.xlsx", "--lang", "fr"]);
    expect(r.code).toBe(EXIT.failed);
    const fr = parseTemplateJson(bad, (issue) => ruleMessage(issue, "fr"));
    const en = parseTemplateJson(bad);
    expect(fr.ok || en.ok).toBe(false);
    if (fr.ok || en.ok) return;
    expect(fr.errors.length).toBe(2);
    expect(r.stderr.startsWith("captable: bad.json n’est pas un modèle valide :\n")).toBe(true);
    for (const e of fr.errors) {
      const [, where, message] = /^([^:]+): (.*)$/s.exec(e)!;
      expect(r.stderr).toContain(`  - ${message} (${where})`);
    }
    // Not the English words: each rule's French text, from its id.
    for (const e of en.errors) expect(r.stderr).not.toContain(e.replace(/^[^:]+: /, ""));
    expect(r.stderr).toMatch(/participation/);
    // The same file in English keeps the English messages.
    expect((await run(["build-workbook", "bad.json", "-o", "bad.xlsx"])).stderr).toContain("bad.json is not a valid template:");
  });

  test("export-template --lang fr: its messages in French, the same JSON", async () => {
    await bothLanguages(["export-template", "no-such-id"]);
    await bothLanguages(["export-template"]);
    const fr = await run(["export-template", "opcore-stake-sale", "-o", "exported-fr.json", "--lang", "fr"]);
    expect(fr).toMatchObject({ code: EXIT.ok, stderr: "Modèle « opcore-stake-sale » écrit dans exported-fr.json\n" });
    expect(readFileSync(path.join(dir, "exported-fr.json"), "utf8")).toBe(templateToJson(builtInTemplate("opcore-stake-sale")!.template));
  });

  test("validate-template --lang fr: the same French problems, and the verdict", async () => {
    const r = await run(["validate-template", "bad.json", "--lang", "fr"]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr.startsWith("captable: bad.json n’est pas un modèle valide :\n")).toBe(true);
    expect(r.stderr).toMatch(/participation/);
    writeFileSync(path.join(dir, "good.json"), templateToJson(builtInTemplate("opcore-stake-sale")!.template));
    const ok = await run(["validate-template", "good.json", "--lang", "fr"]);
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.stdout).toMatch(/^good\.json : modèle valide « .+ » \(stakeSale, version 1\)\n$/);
    expect((await run(["validate-template", "good.json"])).stdout).toMatch(/^good\.json: valid template "/);
    expect((await run(["validate-template", "--lang", "fr"])).stderr).toContain("validate-template attend un fichier de modèle");
  });

  test("the summary build-workbook prints once the file is written", async () => {
    const r = await run(["build-workbook", "opcore-stake-sale", "-o", "opcore-fr.xlsx", "--lang", "fr"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/^opcore-fr\.xlsx écrit : feuille « [^»]+ » \(.+\), modèle \S+ enregistré dans le fichier\.\n/);
    expect(r.stderr).toContain(
      "À compléter avec vos chiffres : dette nette, comptes courants d’associés (voir les notes « À compléter » de la feuille).",
    );
    expect(r.stderr).not.toMatch(/Wrote|To fill in/);
    const en = await run(["build-workbook", "opcore-stake-sale", "-o", "opcore-en.xlsx"]);
    expect(en.stderr).toMatch(/^Wrote opcore-en\.xlsx: sheet "/);
  });

  test("export-ocf --lang fr: the summary and each default written, from the OCF catalogue's French", async () => {
    mkdirSync(path.join(dir, "pkg"));
    for (const f of companyPackage()) writeFileSync(path.join(dir, "pkg", f.path), f.bytes);
    expect((await run(["import-ocf", "pkg", "--cap-table", "-o", "history.json"])).code).toBe(EXIT.ok);
    const history = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8")).history;
    // A history that does not say a holder's type, a class's votes and authorized shares, an option's expiry: each written with a default.
    const bare = {
      ...history,
      holders: history.holders.map((h: Record<string, unknown>) => ({ ...h, kind: undefined })),
      classes: history.classes.map((c: Record<string, unknown>) => ({ ...c, votesPerShare: undefined, authorized: undefined })),
      plans: history.plans.map((p: Record<string, unknown>) => ({ ...p, classIds: undefined })),
      events: history.events.map((e: Record<string, unknown>) => ({ ...e, expirationDate: undefined })),
    };
    writeFileSync(path.join(dir, "bare.json"), JSON.stringify(bare));
    const en = await run(["export-ocf", "bare.json", "-o", "en.ocf.zip"]);
    const fr = await run(["export-ocf", "bare.json", "-o", "fr.ocf.zip", "--lang", "fr"]);
    expect([en.code, fr.code]).toEqual([EXIT.ok, EXIT.ok]);
    const lines = expectFrench(fr.stderr);
    expect(lines[0]).toMatch(
      /^Paquet OCF 1\.2\.0 au \d{4}-\d{2}-\d{2} écrit dans fr\.ocf\.zip \(\d+ fichiers ; les prix sans devise indiquée sont en EUR\)\.$/,
    );
    const defaults = lines.slice(1);
    // One French line per English default, in the same order, each from its rule id.
    const enDefaults = en.stderr.split("\n").filter((l) => l.startsWith("Default written: "));
    expect(enDefaults.length).toBeGreaterThanOrEqual(6);
    expect(defaults.length).toBe(enDefaults.length);
    for (const d of defaults) expect(d).toMatch(/^Valeur par défaut écrite : /);
    expect(defaults).toContain("Valeur par défaut écrite : actionnaire « Ana Founder » : son type n’est pas connu ; écrit INSTITUTION");
    for (const line of en.stderr.split("\n").filter((l) => l !== "")) expect(fr.stderr).not.toContain(line);
  });

  test("export-ocf --lang fr: the refusals (a history that is not one, what OCF requires, the command line) in French", async () => {
    const history = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8")).history;
    writeFileSync(path.join(dir, "no-issuer.json"), JSON.stringify({ ...history, issuer: undefined }));
    const noIssuer = await bothLanguages(["export-ocf", "no-issuer.json", "-o", "x.ocf.zip"]);
    expect(noIssuer.fr.stderr).toMatch(/^captable: no-issuer\.json : un manifeste OCF exige de la société id, legalName/);
    const asNumber = {
      ...history,
      events: history.events.map((e: Record<string, unknown>, i: number) => (i === 0 ? { ...e, quantity: 5000000 } : e)),
    };
    writeFileSync(path.join(dir, "number.json"), JSON.stringify(asNumber));
    expect((await bothLanguages(["export-ocf", "number.json", "-o", "x.ocf.zip"])).fr.stderr).toContain(
      "ce n’est pas un historique de table de capitalisation : le champ events.0.quantity doit être un nombre décimal écrit comme un texte (« 1250000 »), pas un nombre JSON",
    );
    // A field the file does not have: named, in French (zod's own issue, worded from its code).
    writeFileSync(
      path.join(dir, "extra.json"),
      JSON.stringify({ ...history, holders: [{ ...history.holders[0], nickname: "A" }, ...history.holders.slice(1)] }),
    );
    expect((await bothLanguages(["export-ocf", "extra.json", "-o", "x.ocf.zip"])).fr.stderr).toContain(
      "le champ holders.0 contient un champ que ce fichier n’a pas : « nickname »",
    );
    writeFileSync(path.join(dir, "not-json.json"), "{");
    expect((await bothLanguages(["export-ocf", "not-json.json", "-o", "x.ocf.zip"])).fr.stderr).toMatch(
      /^captable: not-json\.json : ce n’est pas un JSON valide/,
    );
    // The engine's rule the history breaks, in the engine's French.
    const dangling = {
      ...history,
      events: history.events.map((e: Record<string, unknown>, i: number) => (i === 0 ? { ...e, holderId: "ghost" } : e)),
    };
    writeFileSync(path.join(dir, "dangling.json"), JSON.stringify(dangling));
    expect((await bothLanguages(["export-ocf", "dangling.json", "-o", "x.ocf.zip"])).fr.stderr).toContain("ghost");
    const noCurrency = {
      ...history,
      classes: history.classes.map((c: Record<string, unknown>) => ({ ...c, originalIssuePrice: undefined })),
      events: history.events
        .filter((e: { kind?: string }) => e.kind !== "CONVERTIBLE")
        .map((e: Record<string, unknown>) => ({ ...e, currency: undefined })),
    };
    writeFileSync(path.join(dir, "no-currency.json"), JSON.stringify(noCurrency));
    await bothLanguages(["export-ocf", "no-currency.json", "-o", "x.ocf.zip"]);
    await bothLanguages(["export-ocf", "no-currency.json", "-o", "x.ocf.zip", "--currency", "usd"]);
    await bothLanguages(["export-ocf", "history.json", "-o", "x.ocf.zip", "--as-of", "2025-02-30"]);
    // The command line and the output.
    await bothLanguages(["export-ocf", "history.json"]);
    await bothLanguages(["export-ocf", "history.json", "-o", "-"]);
    await bothLanguages(["export-ocf", "history.json", "-o", "x.json"]);
    await bothLanguages(["export-ocf", "missing.json", "-o", "x.ocf.zip"]);
    writeFileSync(path.join(dir, "taken.ocf.zip"), "");
    await bothLanguages(["export-ocf", "history.json", "-o", "taken.ocf.zip"]);
    mkdirSync(path.join(dir, "taken-folder"));
    await bothLanguages(["export-ocf", "history.json", "--dir", "-o", "taken-folder"]);
    writeFileSync(path.join(dir, "taken-folder", "Old.ocf.json"), "{}");
    await bothLanguages(["export-ocf", "history.json", "--dir", "-o", "taken-folder", "--force"]);
  });

  test("a cap-table history model (as import-ocf writes it) with wrong rows: every problem in French, zod's own issues included", async () => {
    // The model import-ocf writes from a package, then broken by hand: a field a row does not have, a row and a section that are not objects.
    mkdirSync(path.join(dir, "pkg-model"));
    for (const f of companyPackage()) writeFileSync(path.join(dir, "pkg-model", f.path), f.bytes);
    expect((await run(["import-ocf", "pkg-model", "-o", "model.json"])).code).toBe(EXIT.ok);
    expect((await run(["build-workbook", "model.json", "-o", "model.xlsx", "--lang", "fr"])).code).toBe(EXIT.ok);
    const model = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8"));
    model.inputs.events[0].note = "founders";
    model.inputs.events[1] = 5;
    model.inputs.nextRound = "soon";
    model.inputs.classes[0].seniority = 0;
    model.inputs.color = "blue";
    writeFileSync(path.join(dir, "bad-model.json"), JSON.stringify(model, null, 2));
    const { en, fr } = await bothLanguages(["build-workbook", "bad-model.json", "-o", "bad-model.xlsx"]);
    expect(fr.code).toBe(EXIT.failed);
    expect(en.stderr).toContain('unknown field "note" (inputs.events[0])');
    expect(fr.stderr).toContain("  - champ inconnu « note » (inputs.events[0])\n");
    expect(fr.stderr).toContain("  - champ inconnu « color » (inputs)\n");
    expect(fr.stderr).toContain("  - doit être un objet de champs nommés ({ … }) (inputs.events[1])\n");
    expect(fr.stderr).toContain("  - doit être un objet de champs nommés ({ … }) (inputs.nextRound)\n");
    expect(fr.stderr).toMatch(/ {2}- Le rang doit être un nombre entier à partir de 1 .*\(inputs\.classes\[0\]\.seniority\)\n/);
  });

  test("the template around the inputs (title, to-fill list, presentation): its rules in French too", async () => {
    const t = JSON.parse(templateToJson(builtInTemplate("cap-table-history")!.template));
    t.title = "";
    t.description = 5;
    t.toFill = [{ field: "nope", note: "" }];
    t.presentation = { sheetName: "a/b", showGridlines: "yes", chart: true };
    writeFileSync(path.join(dir, "bad-template.json"), JSON.stringify(t));
    const { en, fr } = await bothLanguages(["build-workbook", "bad-template.json", "-o", "bad-template.xlsx"]);
    expect(en.stderr).toContain("title: title is required");
    expect(en.stderr).toContain("sheet name must not contain any of : \\ / ? * [ ]");
    const lines = fr.stderr.split("\n").filter((l) => l.startsWith("  - "));
    expect([...lines].sort()).toEqual(
      [
        "  - Titre est obligatoire (title)",
        "  - Description doit être un texte (description)",
        '  - Le champ « À compléter » doit être l’une des entrées du modèle (company, currency, unit, source, asOf, classes, plans, events, nextRound, exit, rounding), reçu "nope" (toFill[0].field)',
        "  - Le nom de la feuille ne doit contenir aucun des caractères : \\ / ? * [ ] (presentation.sheetName)",
        "  - Quadrillage (showGridlines) doit être vrai ou faux (presentation.showGridlines)",
      ].sort(),
    );
    t.title = "History";
    t.description = "";
    t.toFill = [
      { field: "asOf", note: "" },
      { field: "asOf", note: "" },
    ];
    t.presentation = { sheetName: null, showGridlines: false, chart: true };
    writeFileSync(path.join(dir, "twice.json"), JSON.stringify(t));
    // What is checked before the schema: a JSON object, its format and its kind.
    writeFileSync(path.join(dir, "list.json"), "[]");
    expect((await bothLanguages(["build-workbook", "list.json", "-o", "list.xlsx"])).fr.stderr).toContain("  - Un modèle doit être un objet JSON\n");
    writeFileSync(path.join(dir, "other-format.json"), JSON.stringify({ ...t, format: "zz" }));
    expect((await bothLanguages(["build-workbook", "other-format.json", "-o", "x.xlsx"])).fr.stderr).toContain(
      '  - Ce n’est pas un modèle CapTable (attendu "format": "captable-template", reçu "zz") (format)\n',
    );
    // The text and the version, before the schema.
    writeFileSync(path.join(dir, "comma.json"), '{\n  "format": "captable-template",\n}');
    const comma = await bothLanguages(["build-workbook", "comma.json", "-o", "x.xlsx"]);
    expect(comma.en.stderr).toContain("template is not valid JSON: line 3, column 1: a comma before }");
    expect(comma.fr.stderr).toContain("  - Le modèle n’est pas un JSON valide : ligne 3, colonne 1\n");
    writeFileSync(path.join(dir, "empty.json"), " ");
    expect((await bothLanguages(["build-workbook", "empty.json", "-o", "x.xlsx"])).fr.stderr).toContain("  - Le modèle est vide\n");
    writeFileSync(path.join(dir, "newer.json"), JSON.stringify({ ...t, version: 9 }));
    expect((await bothLanguages(["build-workbook", "newer.json", "-o", "x.xlsx"])).fr.stderr).toContain(
      "  - La version 9 est plus récente que celles que lit ce CapTable (jusqu’à 1) : mettez CapTable à jour pour ouvrir ce modèle\n",
    );
    writeFileSync(path.join(dir, "no-version.json"), JSON.stringify({ ...t, version: undefined }));
    await bothLanguages(["build-workbook", "no-version.json", "-o", "x.xlsx"]);
    writeFileSync(path.join(dir, "half-version.json"), JSON.stringify({ ...t, version: 1.5 }));
    await bothLanguages(["build-workbook", "half-version.json", "-o", "x.xlsx"]);
    writeFileSync(path.join(dir, "other-kind.json"), JSON.stringify({ ...t, kind: "zz" }));
    expect((await bothLanguages(["build-workbook", "other-kind.json", "-o", "x.xlsx"])).fr.stderr).toMatch(
      / {2}- Le type de modèle doit être l’un de « stakeSale », .*, reçu "zz" \(kind\)\n/,
    );
    const twice = await bothLanguages(["build-workbook", "twice.json", "-o", "twice.xlsx"]);
    expect(twice.en.stderr).toContain('toFill lists "asOf" more than once');
    expect(twice.fr.stderr).toContain("  - La liste « À compléter » cite « asOf » plus d’une fois (toFill[1].field)\n");
  });

  test("the limits on a template's value (a text too long, a list too long, a forbidden field name): in French too", async () => {
    const t = JSON.parse(templateToJson(builtInTemplate("opcore-stake-sale")!.template));
    t.inputs.company = "c".repeat(5001);
    t.inputs.capTable = Array.from({ length: 1001 }, () => ({ holder: "A", shares: 1 }));
    writeFileSync(
      path.join(dir, "limits.json"),
      JSON.stringify(t).replace('"kind":"stakeSale","title"', '"__proto__":{},"kind":"stakeSale","title"'),
    );
    const { en, fr } = await bothLanguages(["validate-template", "limits.json"]);
    expect(en.stderr).toContain('  - __proto__: the field name "__proto__" is not allowed\n');
    expect(en.stderr).toContain("  - company: text is too long: 5001 characters, at most 5000 allowed (inputs.company)\n");
    expect(fr.stderr).toContain("  - Le nom de champ « __proto__ » n’est pas admis (__proto__)\n");
    expect(fr.stderr).toContain("  - Le texte est trop long : 5\u202f001 caractères, au plus 5\u202f000 admis (inputs.company)\n");
    expect(fr.stderr).toContain("  - La liste est trop longue : 1\u202f001 éléments, au plus 1\u202f000 admis (inputs.capTable)\n");
    expect(fr.stderr.split("\n").length).toBe(en.stderr.split("\n").length);
  });

  test("build-workbook: the engine's refusal and the stake sale's warnings in French", async () => {
    const history = JSON.parse(templateToJson(builtInTemplate("cap-table-history")!.template));
    history.inputs.nextRound.poolTarget = 0.99;
    writeFileSync(path.join(dir, "over-owned.json"), JSON.stringify(history));
    const refused = await bothLanguages(["build-workbook", "over-owned.json", "-o", "over-owned.xlsx"]);
    expect(refused.fr.code).toBe(EXIT.failed);
    expect(refused.fr.stderr).toMatch(/^captable: le modèle n’a pas pu être construit : /);
    const sale = JSON.parse(templateToJson(builtInTemplate("opcore-stake-sale")!.template));
    sale.inputs.stake = 0;
    writeFileSync(path.join(dir, "zero-stake.json"), JSON.stringify(sale));
    const en = await run(["build-workbook", "zero-stake.json", "-o", "zero-en.xlsx"]);
    const fr = await run(["build-workbook", "zero-stake.json", "-o", "zero-fr.xlsx", "--lang", "fr"]);
    expect([en.code, fr.code]).toEqual([EXIT.ok, EXIT.ok]);
    expect(en.stderr).toContain("Warning: the stake is 0%");
    // The sheet's French typography: no-break spaces before ":" and "%".
    expect(fr.stderr.replace(/\u00a0/g, " ")).toContain(
      "Avertissement : la participation est de 0 % : rien ne change de mains et aucune valorisation n’en découle.\n",
    );
    // The template's title is the file's own data (English here), not a message.
    expectFrench(fr.stderr.replace(` (${sale.title})`, ""));
  });

  describe("import-ocf --lang fr: the whole report in French, the same figures", () => {
    beforeAll(() => {
      mkdirSync(path.join(dir, "ocf-fr"));
      for (const f of companyPackage()) writeFileSync(path.join(dir, "ocf-fr", f.path), f.bytes);
      // The same company with stale md5s (read anyway, each a warning) and a transaction type the reader does not know (skipped, with the reason).
      mkdirSync(path.join(dir, "ocf-fr-odd"));
      const odd = companyFiles([...companyTransactions(), { object_type: "TX_BRAND_NEW", id: "NEW-1", security_id: "CS-1", date: "2024-10-01" }]);
      for (const f of companyPackage(odd, true)) writeFileSync(path.join(dir, "ocf-fr-odd", f.path), f.bytes);
    });

    test.each([
      ["the project's company package", () => "ocf-fr"],
      ["the same with stale md5s and an unknown transaction", () => "ocf-fr-odd"],
    ])("%s, as a history model (-o model.json)", async (_name, source) => {
      const en = await run(["import-ocf", source(), "-o", "en-model.json", "--currency", "USD", "--force"]);
      const fr = await run(["import-ocf", source(), "-o", "fr-model.json", "--currency", "USD", "--force", "--lang", "fr"]);
      expect([en.code, fr.code]).toEqual([EXIT.ok, EXIT.ok]);
      const lines = expectFrench(fr.stderr);
      expect(lines[0]).toMatch(/^Modèle d’historique de la table de capitalisation de .+ \(au \d{4}-\d{2}-\d{2}\) écrit dans fr-model\.json ; /);
      // Line for line the English report, in French: the same count of lines, the same figures, none of the English.
      const enLines = en.stderr.split("\n").filter((l) => l !== "");
      expect(lines.length).toBe(enLines.length);
      expect(lines.length).toBeGreaterThan(1);
      expect(numbers(fr.stderr)).toEqual(numbers(en.stderr));
      for (const line of enLines) expect(fr.stderr).not.toContain(line);
      // The model written is the same in either language.
      expect(readFileSync(path.join(dir, "fr-model.json"), "utf8")).toBe(readFileSync(path.join(dir, "en-model.json"), "utf8"));
    });

    test("the importer's notes and reasons, and the reader's, each from its catalogue by id", async () => {
      const fr = await run(["import-ocf", "ocf-fr-odd", "-o", "fr-model.json", "--force", "--lang", "fr"]);
      expect(fr.code).toBe(EXIT.ok);
      const lines = fr.stderr.split("\n");
      expect(lines.filter((l) => l.startsWith("Avertissement : ")).length).toBeGreaterThan(0);
      expect(lines.filter((l) => l.startsWith("Hors du modèle : ")).length).toBeGreaterThan(0);
      expect(lines.filter((l) => l.startsWith("Ignoré par le lecteur : TX_BRAND_NEW « NEW-1 »")).length).toBe(1);
      expect(lines.filter((l) => l.startsWith("Remarque : ")).length).toBeGreaterThan(0);
      expect(fr.stderr).toContain(
        "Remarque : Rang : OCF paie d’abord le plus grand nombre ; le modèle paie d’abord le rang 1, donc la catégorie la plus senior est au rang 1.",
      );
    });

    test.each([
      ["the project's company package", () => "ocf-fr"],
      ["the same with stale md5s and an unknown transaction", () => "ocf-fr-odd"],
    ])("%s, as a cap table (--cap-table -o)", async (_name, source) => {
      const en = await run(["import-ocf", source(), "--cap-table", "-o", "en-table.json", "--force"]);
      const fr = await run(["import-ocf", source(), "--cap-table", "-o", "fr-table.json", "--force", "--lang", "fr"]);
      expect([en.code, fr.code]).toEqual([EXIT.ok, EXIT.ok]);
      const lines = expectFrench(fr.stderr);
      expect(lines[0]).toMatch(/^Table de capitalisation de .+ au \d{4}-\d{2}-\d{2} écrite dans fr-table\.json$/);
      expect(lines.length).toBe(en.stderr.split("\n").filter((l) => l !== "").length);
      expect(numbers(fr.stderr)).toEqual(numbers(en.stderr));
      for (const line of en.stderr.split("\n").filter((l) => l !== "")) expect(fr.stderr).not.toContain(line);
      expect(readFileSync(path.join(dir, "fr-table.json"), "utf8")).toBe(readFileSync(path.join(dir, "en-table.json"), "utf8"));
    });

    test.each([
      ["the project's company package", () => "ocf-fr"],
      ["the same with stale md5s and an unknown transaction", () => "ocf-fr-odd"],
    ])("%s, as the cap table printed (no -o)", async (_name, source) => {
      const en = await run(["import-ocf", source(), "--as-of", "2024-12-31"]);
      const fr = await run(["import-ocf", source(), "--as-of", "2024-12-31", "--lang", "fr"]);
      expect([en.code, fr.code, en.stderr, fr.stderr]).toEqual([EXIT.ok, EXIT.ok, "", ""]);
      // The holders' and classes' names are the package's own data.
      const lines = expectFrench(fr.stdout.replace(/Ben Founder|Ana Founder|Eve Engineer|Seed Fund I|Seed Preferred|Example SAS/g, ""));
      expect(lines[0]).toBe(" : paquet OCF 1.2.0 au 2025-06-30.");
      expect(fr.stdout).toContain("Table de capitalisation au 2024-12-31\nPorteur\tCatégorie\tActions\n");
      expect(lines.length).toBe(en.stdout.split("\n").filter((l) => l !== "").length);
      expect(numbers(fr.stdout)).toEqual(numbers(en.stdout));
      for (const line of en.stdout.split("\n").filter((l) => /[a-z]{3} [a-z]{3}/.test(l))) expect(fr.stdout).not.toContain(line);
    });

    test("its refusals: a package that is not one, a model without a currency, the command line", async () => {
      writeFileSync(path.join(dir, "not-a-zip.ocf.zip"), "hello");
      expect((await bothLanguages(["import-ocf", "not-a-zip.ocf.zip", "-o", "m.json"])).fr.stderr).toContain("ce n’est pas un fichier zip");
      await bothLanguages(["import-ocf", "missing.ocf.zip", "-o", "m.json"]);
      await bothLanguages(["import-ocf", "ocf-fr", "-o", "m.xlsx"]);
      await bothLanguages(["import-ocf", "ocf-fr", "--as-of", "2024-02-30", "-o", "m.json"]);
      await bothLanguages(["import-ocf"]);
      // A package naming two currencies: the model's is the user's to give.
      mkdirSync(path.join(dir, "ocf-fr-nocur"));
      const files = companyFiles();
      const tx = files["Transactions.ocf.json"] as { items: Record<string, unknown>[] };
      tx.items = tx.items.map((t) => (t.id === "PS-1" ? { ...t, share_price: { amount: "1.25", currency: "USD" } } : t));
      for (const f of companyPackage(files)) writeFileSync(path.join(dir, "ocf-fr-nocur", f.path), f.bytes);
      const r = await bothLanguages(["import-ocf", "ocf-fr-nocur", "-o", "m.json"]);
      expect(r.fr.stderr).toContain("le paquet nomme plusieurs devises (EUR, USD)");
    });
  });

  test("a file too large: its size in French words too", async () => {
    writeFileSync(path.join(dir, "huge.json"), " ".repeat(256 * 1024 * 4 + 1));
    const { fr } = await bothLanguages(["validate-template", "huge.json"]);
    expect(fr.stderr).toContain("huge.json : le modèle est trop volumineux : 1048577 octets, au plus 262144 caractères admis");
  });

  describe("extract-template --lang fr: the reader's refusals, the parts it skips and the command's own lines in French", () => {
    /** The same extract in English and in French: the same exit code, line for line the same report with the same figures, none of it English. */
    async function sameReport(
      args: string[],
      frArgs: string[] = args,
    ): Promise<{ en: Awaited<ReturnType<typeof run>>; fr: Awaited<ReturnType<typeof run>> }> {
      const en = await run(args);
      const fr = await run([...frArgs, "--lang", "fr"]);
      expect(fr.code).toBe(en.code);
      const lines = expectFrench(fr.stderr);
      const enLines = en.stderr.split("\n").filter((l) => l !== "");
      expect(lines.length).toBe(enLines.length);
      expect(numbers(fr.stderr)).toEqual(numbers(en.stderr));
      for (const line of enLines) expect(fr.stderr).not.toContain(line.replace(/^captable: /, ""));
      return { en, fr };
    }

    /** A copy of the built workbook with `change` made to its parts. */
    async function variant(name: string, change: (zip: JSZip, modelPart: string, modelXml: string) => Promise<void> | void): Promise<Buffer> {
      const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "extract.xlsx")));
      const parts = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p));
      let modelPart = "";
      let modelXml = "";
      for (const p of parts) {
        const xml = await zip.file(p)!.async("string");
        if (xml.includes(MODEL_XML_NAMESPACE)) [modelPart, modelXml] = [p, xml];
      }
      await change(zip, modelPart, modelXml);
      const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
      writeFileSync(path.join(dir, name), bytes);
      return bytes;
    }

    beforeAll(async () => {
      expect((await run(["build-workbook", "opcore-stake-sale", "-o", "extract.xlsx"])).code).toBe(EXIT.ok);
    });

    test("a good workbook: the summary in French, the same template (to a file or to stdout)", async () => {
      const { en, fr } = await sameReport(
        ["extract-template", "extract.xlsx", "-o", "extract-en.json"],
        ["extract-template", "extract.xlsx", "-o", "extract-fr.json"],
      );
      expect(en).toMatchObject({ code: EXIT.ok, stderr: 'Wrote the template of sheet "OpCore deal" to extract-en.json\n' });
      expect(fr).toMatchObject({ code: EXIT.ok, stderr: "Modèle de la feuille « OpCore deal » écrit dans extract-fr.json\n" });
      expect(readFileSync(path.join(dir, "extract-fr.json"))).toEqual(readFileSync(path.join(dir, "extract-en.json")));
      const [toEn, toFr] = [await run(["extract-template", "extract.xlsx"]), await run(["extract-template", "extract.xlsx", "--lang", "fr"])];
      expect([toFr.code, toFr.stderr, toFr.stdout]).toEqual([EXIT.ok, "", toEn.stdout]);
      expect(toEn.stdout).toBe(readFileSync(path.join(dir, "extract-en.json"), "utf8"));
    });

    test("a file that is not a workbook, no file, a folder, a file too large", async () => {
      writeFileSync(path.join(dir, "fake.xlsx"), "PK\x03\x04 and then nothing a zip reader would want");
      const fake = await sameReport(["extract-template", "fake.xlsx"]);
      expect(fake.en.stderr).toBe("captable: fake.xlsx: not an .xlsx workbook\n");
      expect(fake.fr.stderr).toBe("captable: fake.xlsx : ce n’est pas un classeur .xlsx\n");
      await sameReport(["extract-template", "missing.xlsx"]);
      mkdirSync(path.join(dir, "folder.xlsx"));
      await sameReport(["extract-template", "folder.xlsx"]);
      // Refused by its size, before anything is read (a sparse file).
      writeFileSync(path.join(dir, "huge.xlsx"), "");
      truncateSync(path.join(dir, "huge.xlsx"), MAX_WORKBOOK_BYTES + 1);
      const huge = await sameReport(["extract-template", "huge.xlsx"]);
      expect(huge.en.stderr).toBe(
        `captable: huge.xlsx: the workbook is too large: ${MAX_WORKBOOK_BYTES + 1} bytes, at most ${MAX_WORKBOOK_BYTES} read\n`,
      );
      await sameReport(["extract-template"]);
    });

    test("a workbook with no model, and one whose only model part cannot be read", async () => {
      await variant("no-model.xlsx", (zip, modelPart) => void zip.remove(modelPart));
      const none = await sameReport(["extract-template", "no-model.xlsx", "-o", "none.json"]);
      expect(none.en.stderr).toBe("captable: no-model.xlsx holds no CapTable model\n");
      expect(none.fr.stderr).toBe("captable: no-model.xlsx ne contient aucun modèle CapTable\n");
      await variant("broken-model.xlsx", (zip, modelPart, xml) => void zip.file(modelPart, xml.replace("</captableModel>", "")));
      const broken = await sameReport(["extract-template", "broken-model.xlsx", "-o", "none.json"]);
      expect(broken.en.stderr).toMatch(
        /^captable: broken-model\.xlsx holds no CapTable model; these stored parts could not be read:\n {2}- customXml\/item\d\.xml: not well-formed XML: line 1, column \d+: /,
      );
      expect(broken.fr.stderr).toMatch(
        /^captable: broken-model\.xlsx ne contient aucun modèle CapTable ; ces parties enregistrées n’ont pas pu être lues :\n {2}- customXml\/item\d\.xml : XML mal formé : ligne 1, colonne \d+\n$/,
      );
    });

    test("hostile and damaged parts beside the model: each skipped with its reason, two models, the first written", async () => {
      const NS = MODEL_XML_NAMESPACE;
      await variant("hostile.xlsx", (zip, _part, xml) => {
        const model = readModelPart(xml)!;
        zip.file("customXml/item4.xml", serializeModel({ ...model, id: "m-second", sheet: "Second" }));
        zip.file("customXml/item5.xml", `<captableModel xmlns="${NS}" id="bad id!" kind="stakeSale" schemaVersion="1">{}</captableModel>`);
        zip.file("customXml/item6.xml", `<captableModel xmlns="${NS}" id="m-6" kind="stakeSale" schemaVersion="one">{}</captableModel>`);
        zip.file("customXml/item7.xml", `<captableModel xmlns="${NS}" id="m-7" kind="stakeSale" schemaVersion="1">{ not json</captableModel>`);
        zip.file("customXml/item8.xml", `<captableModel xmlns="${NS}" id="m-8" kind="stakeSale" schemaVersion="1"><x/></captableModel>`);
        // More characters than a stored part may hold, and more bytes than are inflated.
        zip.file("customXml/item9.xml", `<a>${"x".repeat(2_100_000)}</a>`);
        zip.file("customXml/item10.xml", " ".repeat(5_000_000));
      });
      const { en, fr } = await sameReport(
        ["extract-template", "hostile.xlsx", "-o", "hostile-en.json"],
        ["extract-template", "hostile.xlsx", "-o", "hostile-fr.json"],
      );
      expect(en.code).toBe(EXIT.ok);
      expect(en.stderr).toBe(
        [
          "Warning: hostile.xlsx: these stored parts could not be read and were skipped:",
          '  - customXml/item5.xml: the stored model\'s id must be 1-64 letters, digits, "-" or "_", got "bad id!"',
          '  - customXml/item6.xml: the stored model\'s schemaVersion must be a whole number from 1, got "one"',
          '  - customXml/item7.xml: the stored model "m-7" does not hold valid JSON inputs',
          "  - customXml/item8.xml: the stored model <captableModel> must hold only its JSON text, not elements",
          "  - customXml/item9.xml: 2100007 characters, more than the 2000000 read",
          "  - customXml/item10.xml inflates to more than the 4000000 bytes read",
          'hostile.xlsx holds 2 models; writing the first (sheet "OpCore deal")',
          'Wrote the template of sheet "OpCore deal" to hostile-en.json',
          "",
        ].join("\n"),
      );
      expect(fr.stderr).toContain("  - customXml/item10.xml décompressé dépasse les 4\u00a0000\u00a0000 octets lus\n");
      expect(fr.stderr).toContain("hostile.xlsx contient 2 modèles ; seul le premier est écrit (feuille « OpCore deal »)\n");
      expect(readFileSync(path.join(dir, "hostile-fr.json"))).toEqual(readFileSync(path.join(dir, "hostile-en.json")));
      // Damaged compressed data (the bytes of a part overwritten), as test/workbook/zipLimits.test.ts damages it.
      const damaged = await variant("damaged.xlsx", (zip) => void zip.file("customXml/item8.xml", "<a>" + "x".repeat(100_000) + "</a>"));
      const at = damaged.indexOf(Buffer.from("customXml/item8.xml")) + 40;
      damaged.fill(0xff, at, at + 64);
      writeFileSync(path.join(dir, "damaged.xlsx"), damaged);
      const hurt = await sameReport(
        ["extract-template", "damaged.xlsx", "-o", "damaged-en.json"],
        ["extract-template", "damaged.xlsx", "-o", "damaged-fr.json"],
      );
      expect(hurt.en.stderr).toMatch(
        /^Warning: damaged\.xlsx: these stored parts could not be read and were skipped:\n {2}- customXml\/item8\.xml: the (compressed data|part) is damaged/,
      );
      expect(hurt.fr.stderr).toMatch(
        /^Avertissement : damaged\.xlsx : ces parties enregistrées n’ont pas pu être lues et ont été ignorées :\n {2}- customXml\/item8\.xml : (les données compressées sont endommagées|la partie est endommagée)/,
      );
    });

    test("a model that is not a valid template, or of inputs this CapTable does not read: the problems in French", async () => {
      await variant("bad-inputs.xlsx", (zip, part, xml) => {
        const model = readModelPart(xml)!;
        zip.file(part, serializeModel({ ...model, inputs: { ...(model.inputs as object), stake: 1.5, netDebt: "lots" } }));
      });
      const bad = await sameReport(["extract-template", "bad-inputs.xlsx"]);
      expect(bad.en.stderr).toMatch(/^captable: the model on sheet "OpCore deal" is not a valid template:\n {2}- /);
      expect(bad.fr.stderr).toMatch(/^captable: le modèle de la feuille « OpCore deal » ne donne pas un modèle valide :\n {2}- /);
      expect(bad.fr.stderr).toMatch(/participation/);
      await variant("newer.xlsx", (zip, part, xml) => void zip.file(part, serializeModel({ ...readModelPart(xml)!, schemaVersion: 7 })));
      const newer = await sameReport(["extract-template", "newer.xlsx"]);
      expect(newer.en.stderr).toContain(
        '  - the model on sheet "OpCore deal" has inputs of version 7; this CapTable reads version 1: update CapTable\n',
      );
      expect(newer.fr.stderr).toContain(
        "  - Le modèle de la feuille « OpCore deal » a des entrées de version 7 ; ce CapTable lit la version 1 : mettez CapTable à jour\n",
      );
    });

    test("a stored template beyond the limits on a JSON value: its problems in French too", async () => {
      await variant("long-text.xlsx", async (zip) => {
        for (const p of Object.keys(zip.files).filter((f) => /^customXml\/item\d+\.xml$/.test(f))) {
          const xml = await zip.file(p)!.async("string");
          if (!xml.includes(TEMPLATE_XML_NAMESPACE)) continue;
          const { modelId, json } = readTemplatePart(xml)!;
          zip.file(p, serializeTemplatePart(modelId, JSON.stringify({ ...JSON.parse(json), description: "d".repeat(6000) })));
        }
      });
      const { en, fr } = await sameReport(["extract-template", "long-text.xlsx"]);
      expect(en.stderr).toContain("  - description: text is too long: 6000 characters, at most 5000 allowed\n");
      expect(fr.stderr).toContain("  - Le texte est trop long : 6\u202f000 caractères, au plus 5\u202f000 admis (description)\n");
    });

    test("the reader's French catalogue: every rule, in French, from its parameters", () => {
      const SAMPLES: { [K in XlsxRuleId]: XlsxRuleParams[K] } = {
        partUnreadable: { part: "customXml/item2.xml" },
        unknownCompression: { part: "customXml/item2.xml" },
        partTooLarge: { part: "customXml/item2.xml", bytes: 5000000, max: 4000000 },
        partInflatesTooMuch: { part: "customXml/item2.xml", max: 4000000 },
        compressedDamaged: { part: "customXml/item2.xml" },
        checksum: { part: "customXml/item2.xml" },
        workbookTooLarge: { bytes: 60000000, max: 52428800 },
        notXlsx: {},
        tooManyParts: { max: 5000 },
        workbookInflatesTooMuch: { bytes: 600000000, max: 524288000 },
        declaredSize: { part: "xl/worksheets/sheet1.xml", declared: 100 },
        partTooLong: { part: "customXml/item2.xml", chars: 2100000, max: 2000000 },
        inPart: { part: "xl/workbook.xml", rule: { id: "notWellFormed", params: { line: 3, column: 7, detail: "<workbook> is not closed" } } },
        notWellFormed: { line: 3, column: 7, detail: "<workbook> is not closed" },
        modelElements: {},
        modelAttribute: { name: "kind", got: "a b" },
        modelSchemaVersion: { got: "one" },
        modelJson: { id: "m-1" },
        unsupportedCell: { sheet: "Sheet1", cell: "B4" },
        other: { text: "a library's own words" },
      };
      expect(Object.keys(XLSX_RULES_FR).sort()).toEqual(Object.keys(XLSX_RULES_EN).sort());
      for (const id of Object.keys(SAMPLES) as XlsxRuleId[]) {
        if (id === "other") continue;
        const rule = { id, params: SAMPLES[id] } as Parameters<typeof xlsxRuleText>[0];
        const [en, fr] = [xlsxRuleText(rule), xlsxRuleText(rule, XLSX_RULES_FR)];
        expect(fr).not.toBe(en);
        expect([id, fr, englishIn(fr.replace(/\S+\.xml\b/g, ""))]).toEqual([id, fr, []]);
      }
    });
  });

  test("the French catalogue has every message of the English one (the type checks it; each is worded)", () => {
    expect(Object.keys(CLI_MESSAGES_FR).sort()).toEqual(Object.keys(CLI_MESSAGES_EN).sort());
    expect(Object.keys(CLI_MESSAGES_FR.fsProblem).sort()).toEqual(Object.keys(CLI_MESSAGES_EN.fsProblem).sort());
  });
});
