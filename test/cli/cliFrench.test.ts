/**
 * The command line in French (`--lang fr`): its usage errors, file errors, a template's input errors
 * (the French rule catalogue, by rule id) and what build-workbook reports come from the French
 * catalogues (src/locales/cliMessages.ts, src/locales/ruleMessagesFr.ts); without --lang, English.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXIT, main } from "../../src/cli/main";
import { CLI_MESSAGES_EN, CLI_MESSAGES_FR } from "../../src/locales/cliMessages";
import { ruleMessage } from "../../src/locales/ruleMessagesFr";
import { builtInTemplate, parseTemplateJson, templateToJson } from "../../src/templates";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-fr-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
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
    expect((await run(["list-templates", "--lang", "fr"])).stderr).toContain("--lang est une option de build-workbook seulement");
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

  test("the French catalogue has every message of the English one (the type checks it; each is worded)", () => {
    expect(Object.keys(CLI_MESSAGES_FR).sort()).toEqual(Object.keys(CLI_MESSAGES_EN).sort());
    expect(Object.keys(CLI_MESSAGES_FR.fsProblem).sort()).toEqual(Object.keys(CLI_MESSAGES_EN.fsProblem).sort());
  });
});
