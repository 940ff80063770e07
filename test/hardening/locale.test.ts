/**
 * French (fr-FR): the localized custom-function metadata and the French keywords of text arguments.
 *
 * - scripts/localize-functions.cjs turns functions.json + src/functions/locales/fr-FR.json into
 *   functions.fr-FR.json; a gap in the table is reported (and fails a production build).
 * - The BUILT dist/functions.fr-FR.json (npm test builds first) has exactly the English IDs and
 *   parameter shapes, with French names and help; the manifest points fr-FR at it.
 * - French keywords ("VE", "CAPITAUX PROPRES", "PRÊTS", "BAS", ...) work through the functions, with or
 *   without accents, and are documented in both the English and the French help.
 */
import fs from "fs";
import path from "path";
import * as f from "../../src/functions/functions";
import { BASIS, COMPONENT, ROUNDING, choiceKey } from "../../src/functions/choices";
import { cellError } from "../support/customFunctionsRuntime";
import { loadTables, localizeMetadata, type FunctionsMetadata, type TranslationTable } from "../../scripts/localize-functions.cjs";

const root = path.resolve(__dirname, "../..");
/** The build under test: dist/ (CAPTABLE_DIST may point at another build output). */
const dist = process.env.CAPTABLE_DIST ?? path.join(root, "dist");
const read = (p: string) => JSON.parse(fs.readFileSync(p, "utf8"));

/**
 * Excel's own French function names that are close to our vocabulary (a custom function lives
 * under CAPTABLE., but a French analyst should never wonder whether VALEUR or PRIX is ours).
 */
const EXCEL_FRENCH_BUILTINS = [
  "VALEUR",
  "PRIX",
  "PRIX.TITRE",
  "PRIX.DEC",
  "TAUX",
  "VA",
  "VC",
  "VPM",
  "VAN",
  "VAN.PAQUET",
  "TRI",
  "TRI.PAQUET",
  "TRIM",
  "ARRONDI",
  "ARRONDI.INF",
  "ARRONDI.SUP",
  "ARRONDI.AU.MULTIPLE",
  "SOMME",
  "MOYENNE",
  "NB",
  "RANG",
  "INDEX",
  "EQUIV",
  "RECHERCHEV",
  "RECHERCHEX",
  "ENT",
  "TRONQUE",
  "PRODUIT",
  "QUOTIENT",
  "MOD",
  "ABS",
  "SI",
  "ET",
  "OU",
  "NON",
  "TEXTE",
  "CNUM",
  "DATE",
  "ANNEE",
  "MOIS",
  "JOUR",
  "AMORLIN",
  "INTPER",
  "PRINCPER",
  "RENDEMENT.TITRE",
  "VALEUR.ENCAISSEMENT",
  "VALEUR.NOMINALE",
  "DUREE",
  "CUMUL.INTER",
  "CUMUL.PRINCPER",
  "TAUX.NOMINAL",
  "TAUX.EFFECTIF",
  "TAUX.ESCOMPTE",
];

describe("fr-FR translation table (src/functions/locales/fr-FR.json)", () => {
  const english: FunctionsMetadata = read(path.join(dist, "functions.json"));
  const tables = loadTables();
  const fr = tables.find((t) => t.locale === "fr-FR")!;

  test("there is a French table, and it translates every function and every argument of the built metadata", () => {
    expect(fr).toBeDefined();
    expect(localizeMetadata(english, fr).problems).toEqual([]);
  });

  test("French function names follow Excel's rules, are unique and never an Excel built-in French name", () => {
    const names = Object.values(fr.functions).map((e) => e.name);
    for (const name of names) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/); // upper case, no accents: typed as Excel's own French names are
      expect(EXCEL_FRENCH_BUILTINS).not.toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  test("a missing function, a missing argument and a stale entry are each reported with the file to edit", () => {
    const table: TranslationTable = JSON.parse(JSON.stringify(fr));
    delete table.functions.IMPLIEDEV;
    delete table.functions.POSTMONEY.parameters!.investment;
    table.functions.GONE = { name: "PARTI", description: "x", parameters: {} };
    table.functions.EVPERUNIT.parameters!.old_name = { name: "ancien", description: "x" };
    const { problems, metadata } = localizeMetadata(english, table);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^IMPLIEDEV has no fr-FR translation: .*src\/functions\/locales\/fr-FR\.json$/),
        expect.stringMatching(/^POSTMONEY: the parameter "investment" has no fr-FR name and description/),
        expect.stringMatching(/"GONE" is not a function in functions\.json/),
        expect.stringMatching(/^EVPERUNIT: "old_name" .* is not one of its parameters/),
      ]),
    );
    expect(problems).toHaveLength(4);
    // Untranslated parts fall back to English (a development build still runs).
    expect(metadata.functions.find((m) => m.id === "IMPLIEDEV")!.name).toBe("IMPLIEDEV");
  });

  test("invalid or duplicate French names are reported", () => {
    const table: TranslationTable = JSON.parse(JSON.stringify(fr));
    table.functions.EVPERUNIT.name = "1VE";
    table.functions.IMPLIEDEV.name = table.functions.EQUITYVALUE.name;
    table.functions.POSTMONEY.parameters!.investment.name = "pre_money";
    const { problems } = localizeMetadata(english, table);
    expect(problems.join("\n")).toMatch(/EVPERUNIT: the fr-FR name "1VE" must start with a letter/);
    expect(problems.join("\n")).toMatch(/IMPLIEDEV: the fr-FR name "VALEURFONDSPROPRES" is already the name of EQUITYVALUE/);
    expect(problems.join("\n")).toMatch(/POSTMONEY: two parameters are named "pre_money"/);
  });
});

describe("built dist/functions.fr-FR.json", () => {
  const english: FunctionsMetadata = read(path.join(dist, "functions.json"));
  const french: FunctionsMetadata = read(path.join(dist, "functions.fr-FR.json"));

  test("same IDs, types, shapes and options as functions.json; only names and descriptions differ", () => {
    const without = <T extends object>(o: T): Partial<T> => {
      const copy: Partial<T> & { name?: unknown; description?: unknown } = { ...o };
      delete copy.name;
      delete copy.description;
      return copy;
    };
    const strip = (m: FunctionsMetadata) => m.functions.map((fn) => ({ ...without(fn), parameters: fn.parameters.map(without) }));
    expect(strip(french)).toEqual(strip(english));
    expect(french.allowCustomDataForDataTypeAny).toEqual(english.allowCustomDataForDataTypeAny);
  });

  test("every function and argument has a French name and description", () => {
    for (const [i, fn] of french.functions.entries()) {
      expect(fn.name).not.toBe("");
      expect(fn.description).not.toBe(english.functions[i].description);
      fn.parameters.forEach((p, j) => {
        expect(p.description).toBeTruthy();
        expect(p.description).not.toBe(english.functions[i].parameters[j].description);
      });
    }
    const byId = new Map(french.functions.map((m) => [m.id, m]));
    expect(byId.get("EQUITYVALUE")!.name).toBe("VALEURFONDSPROPRES");
    expect(byId.get("STAKEVALUE")!.parameters.map((p) => p.name)).toEqual([
      "participation",
      "valorisation",
      "base",
      "dette_nette",
      "comptes_courants",
      "autres_ajustements",
      "prime",
      "composante",
    ]);
  });

  test("the manifest points fr-FR at it, on the same origin as the English metadata (and every French locale: manifest.test.ts)", () => {
    const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    expect(manifest).toMatch(
      /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="https:\/\/localhost:3000\/functions\.json">\s*<bt:Override Locale="fr-FR" Value="https:\/\/localhost:3000\/functions\.fr-FR\.json" \/>\s*(<bt:Override Locale="fr-[A-Z]{2}" Value="https:\/\/localhost:3000\/functions\.fr-FR\.json" \/>\s*)*<\/bt:Url>/,
    );
  });
});

describe("French keywords in text arguments, through the functions", () => {
  const OPCORE = { stake: 0.5, ev: 860e6, netDebt: 212437519.36, loans: 148250000 };

  test("basis: VE, VALEUR D'ENTREPRISE (typographic apostrophe too), CAPITAUX PROPRES, FONDS PROPRES", () => {
    const { stake, ev, netDebt, loans } = OPCORE;
    const english = f.stakeValueFn(stake, ev, "EV", netDebt, loans, null, null, null);
    expect(english).toBe(323781240.32);
    for (const basis of ["VE", "ve", " Ve ", "VALEUR D'ENTREPRISE", "valeur d’entreprise", "Valeur  d'Entreprise"]) {
      expect(f.stakeValueFn(stake, ev, basis, netDebt, loans, null, null, null)).toBe(english);
    }
    for (const basis of ["CAPITAUX PROPRES", "capitaux propres", "FONDS PROPRES", "Fonds Propres"]) {
      expect(f.stakeValueFn(0.5, 600, basis)).toBe(300);
    }
    expect(f.impliedValueFn(323781240.32, 0.5, "VE", netDebt)).toBe(860e6);
    expect(f.impliedValueFn(323781240.32, 0.5, "CAPITAUX PROPRES")).toBe(647562480.64);
    const view = f.dealViewFn(0.5, 860e6, "valeur d'entreprise", netDebt, loans, null, null, 131);
    expect(view).toEqual(f.dealViewFn(0.5, 860e6, "EV", netDebt, loans, null, null, 131));
  });

  test("component: TOTAL, ACTIONS, PRÊTS / PRETS, COMPTES COURANTS", () => {
    const { stake, ev, netDebt, loans } = OPCORE;
    const price = (component: string) => f.stakeValueFn(stake, ev, "VE", netDebt, loans, null, null, component);
    expect(price("TOTAL")).toBe(323781240.32);
    expect(price("ACTIONS")).toBe(249656240.32);
    expect(price("actions")).toBe(price("SHARES"));
    for (const loansWord of ["PRÊTS", "PRETS", "prêts", "COMPTES COURANTS", "Comptes courants d'associés", "comptes courants d'associes", "CCA"]) {
      expect(price(loansWord)).toBe(74125000);
    }
  });

  test("rounding: BAS / INFÉRIEUR, HAUT / SUPÉRIEUR, PROCHE, AUCUN (accents optional)", () => {
    // 0.3 / 0.7 x 1000 = 428.571...
    const shares = (rounding: string) => f.primarySharesFn(0.3, 1000, rounding);
    for (const w of ["BAS", "bas", "INFÉRIEUR", "INFERIEUR", "inférieur"]) expect(shares(w)).toBe(428);
    for (const w of ["HAUT", "SUPÉRIEUR", "superieur"]) expect(shares(w)).toBe(429);
    for (const w of ["PROCHE", "plus proche"]) expect(shares(w)).toBe(429);
    for (const w of ["AUCUN", "aucun", "EXACT"]) expect(shares(w)).toBeCloseTo(428.5714285714286, 12);
    const table = f.primaryFn([["Fondateurs"]], [[1000]], "Fonds", 300, 700, "HAUT") as unknown[][];
    expect(table[2]).toEqual(["Fonds", 0, 0, 429, 429 / 1429]);
  });

  test("an unknown word still gets a message naming the argument and the accepted values", () => {
    expect(cellError(() => f.stakeValueFn(0.5, 600, "VALEUR"))).toEqual({
      code: "#VALUE!",
      message: 'basis must be one of "EQUITY", "EV", got the text "VALEUR"',
    });
    expect(cellError(() => f.primarySharesFn(0.3, 1000, "ARRONDI")).message).toBe(
      'rounding must be one of "DOWN", "UP", "NEAREST", "NONE", got the text "ARRONDI"',
    );
  });

  test("every keyword is stored in its normalised form, and normalisation is idempotent", () => {
    for (const map of [BASIS, COMPONENT, ROUNDING]) {
      for (const key of Object.keys(map)) expect(choiceKey(key)).toBe(key);
    }
    expect(choiceKey("  Prêts  d’actionnaires ")).toBe("PRETS D'ACTIONNAIRES");
  });

  test("the French keywords are documented in the English and the French help of each argument", () => {
    const english: FunctionsMetadata = read(path.join(dist, "functions.json"));
    const french: FunctionsMetadata = read(path.join(dist, "functions.fr-FR.json"));
    const help = (m: FunctionsMetadata, id: string, index: number) => m.functions.find((x) => x.id === id)!.parameters[index].description!;
    const documented: [string, number, string[]][] = [
      ["STAKEVALUE", 2, ['"CAPITAUX PROPRES"', '"VE"', '"EQUITY"', '"EV"']],
      ["STAKEVALUE", 7, ['"ACTIONS"', '"COMPTES COURANTS"', '"SHARES"', '"LOANS"']],
      ["IMPLIEDVALUE", 2, ['"CAPITAUX PROPRES"', '"VE"']],
      ["DEALVIEW", 2, ['"CAPITAUX PROPRES"', '"VE"']],
      ["PRIMARYSHARES", 2, ['"BAS"', '"HAUT"', '"PROCHE"', '"AUCUN"', '"DOWN"', '"NONE"']],
      ["PRIMARY", 5, ['"BAS"', '"HAUT"', '"PROCHE"', '"AUCUN"', '"DOWN"', '"NONE"']],
    ];
    for (const [id, index, words] of documented) {
      for (const w of words) {
        expect(help(english, id, index)).toContain(w);
        expect(help(french, id, index)).toContain(w);
      }
    }
    // Every word the help shows is accepted.
    const shown = (s: string) => [...s.matchAll(/"([^"]+)"/g)].map((m) => choiceKey(m[1]));
    for (const [id, index] of documented) {
      const map = id === "STAKEVALUE" && index === 7 ? COMPONENT : id.startsWith("PRIMARY") ? ROUNDING : BASIS;
      for (const w of [...shown(help(english, id, index)), ...shown(help(french, id, index))]) expect(Object.keys(map)).toContain(w);
    }
  });
});
