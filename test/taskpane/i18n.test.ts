/** The taskpane's strings: every key in both languages, and the language choice. */
import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import { FIELD_LABELS, MESSAGES, pickLanguage, ruleMessage } from "../../src/taskpane/i18n";
import type { FieldName } from "../../src/model/ruleMessages";
import { PricedRoundInput, YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import { builtInTemplate } from "../../src/templates";
import fs from "fs";
import path from "path";
import * as engine from "../../src/engine";
import { choice, flag } from "../../src/model/fields";

describe("i18n", () => {
  // The forms' words (label, hint, section) are nested: "label.company"; the OCF import's two levels: "ocf.skipReason.laterQuantity".
  const flat = (m: object, prefix = ""): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(m).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? Object.entries(flat(v as object, `${prefix}${k}.`)) : [[`${prefix}${k}`, v]],
      ),
    );
  const en = flat(MESSAGES.en);
  const fr = flat(MESSAGES.fr);

  test("English and French have exactly the same keys", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(FIELD_LABELS.fr).sort()).toEqual(Object.keys(FIELD_LABELS.en).sort());
  });

  test("every string is non-empty, every message function takes the same arguments and returns text", () => {
    for (const key of Object.keys(en)) {
      const e = en[key];
      const f = fr[key];
      expect(typeof f).toBe(typeof e);
      if (typeof e === "string") {
        expect(e.trim()).not.toBe("");
        expect((f as string).trim()).not.toBe("");
      } else {
        const ef = e as (...args: unknown[]) => string;
        const ff = f as (...args: unknown[]) => string;
        expect(ff.length).toBe(ef.length);
        const args = Array.from({ length: ef.length }, (_, i) => (i === 0 ? 2 : "X"));
        expect(typeof ff(...args)).toBe("string");
        expect(ff(...args).trim()).not.toBe("");
      }
    }
    for (const v of [...Object.values(FIELD_LABELS.en), ...Object.values(FIELD_LABELS.fr)]) expect(v.trim()).not.toBe("");
  });

  test("French is really translated (not a copy of the English)", () => {
    const same = Object.keys(en).filter((k) => typeof en[k] === "string" && en[k] === fr[k]);
    // Product names, "Description", "Type", "Participation", "EBITDA", "Instrument", "Date", "Plan" and the day count are the same in both languages.
    expect(same.sort()).toEqual([
      "appTitle",
      "label.classes.participation",
      "label.comps.ebitda",
      "label.events.date",
      "label.events.plan",
      "label.flows.date",
      "label.flows.instrument",
      "label.instruments.type",
      "label.plans.name",
      "modeExcel",
      "templateDescription",
    ]);
  });

  test("language: URL override, then Office, then the browser", () => {
    expect(pickLanguage({ search: "?lang=fr", officeLanguage: "en-US" })).toBe("fr");
    expect(pickLanguage({ search: "?x=1&lang=en", officeLanguage: "fr-FR" })).toBe("en");
    expect(pickLanguage({ search: "?lang=de", officeLanguage: "fr-CA" })).toBe("fr");
    expect(pickLanguage({ officeLanguage: "fr-FR", navigatorLanguage: "en-GB" })).toBe("fr");
    expect(pickLanguage({ officeLanguage: "en-GB", navigatorLanguage: "fr-FR" })).toBe("en");
    expect(pickLanguage({ officeLanguage: null, navigatorLanguage: "fr" })).toBe("fr");
    expect(pickLanguage({ navigatorLanguage: "de-DE" })).toBe("en");
    expect(pickLanguage({})).toBe("en");
    expect(pickLanguage({ navigatorLanguage: "fri" })).toBe("en");
    // The one locale rule (src/functions/functionLocales.ts): French exactly where Excel loads the French functions.
    for (const fr of ["fr-BE", "fr-CA", "fr-CH", "fr-LU", "FR_ca"]) expect(pickLanguage({ officeLanguage: fr })).toBe("fr");
    expect(pickLanguage({ officeLanguage: "fr-MC", navigatorLanguage: "fr-FR" })).toBe("en");
  });
});

/** The issues of a failed parse, each as its English message and the French the taskpane shows. */
function issuesOf(result: { success: boolean; error?: { issues: { message: string; params?: unknown }[] } }): { en: string; fr: string }[] {
  return result.success ? [] : result.error!.issues.map((i) => ({ en: ruleMessage(i, "en"), fr: ruleMessage(i, "fr") }));
}

describe("the schema's rule messages in French (issue 15: from the rule's id and parameters, never from the English)", () => {
  test.each([
    [{ ...OPCORE_EXAMPLE, company: "" }, "company is required", "Société est obligatoire"],
    [{ ...OPCORE_EXAMPLE, netDebt: 2e15 }, "net debt must be at most 1e15 in size", "Dette nette doit être au plus 1e15 en valeur absolue"],
    [{ ...OPCORE_EXAMPLE, capTable: [{ holder: "Iliad", shares: -1 }] }, "shares must not be negative", "Actions ne doit pas être négatif"],
    [
      { ...OPCORE_EXAMPLE, stake: 1.125 },
      "stake must be between 0% and 100%, got 112.5%",
      "La participation doit être comprise entre 0 % et 100 %, reçu 112,5 %",
    ],
    [
      { ...OPCORE_EXAMPLE, capTable: [...OPCORE_EXAMPLE.capTable, { holder: "iliad", shares: 1 }] },
      'holder "iliad" appears more than once',
      "L’actionnaire « iliad » apparaît plusieurs fois",
    ],
    [
      { ...OPCORE_EXAMPLE, capTable: Array.from({ length: 501 }, (_, i) => ({ holder: `H${i}`, shares: 1 })), seller: "H0" },
      "cap table must have at most 500 holders",
      "La table de capitalisation doit compter au plus 500 actionnaires",
    ],
    [{ ...OPCORE_EXAMPLE, buyer: "Iliad" }, "buyer must differ from the seller", "L’acquéreur doit être différent du cédant"],
  ])("%#: %s", (input, en, fr) => {
    const issues = issuesOf(StakeSaleInput.safeParse(input));
    expect(issues).toContainEqual({ en, fr });
  });

  test("zod's own issue (an unknown field) reads as its rule in both languages; a message without any rule stays in English rather than being lost", () => {
    const issues = issuesOf(StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, extra: 1 }));
    expect(issues).toEqual([{ en: 'unknown field "extra"', fr: "champ inconnu « extra »" }]);
    expect(ruleMessage({ message: "something new the schema says" }, "fr")).toBe("something new the schema says");
  });

  test("a reworded English message changes nothing in French: French is made from the rule, not the text", () => {
    const [issue] = (StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, company: "" }) as { error: { issues: { message: string; params?: unknown }[] } })
      .error.issues;
    expect(ruleMessage({ ...issue, message: "the company's name is missing" }, "fr")).toBe("Société est obligatoire");
  });

  test("every rule message of the schema for the OpCore form has a French translation", () => {
    // Messages the form can produce for typical mistakes, taken from the schema itself.
    const messages = [
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, company: "", currency: "eu", stake: 2, premium: -2, capacity: 0, shareholderLoans: -1 }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, capTable: [] }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, seller: "X", buyer: "X" }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, transaction: "primary", stake: 1 }),
    ].flatMap(issuesOf);
    expect(messages.length).toBeGreaterThan(6);
    for (const m of messages) expect(m.fr).not.toBe(m.en);
  });
});

describe("the venture models' rule messages in French", () => {
  test.each([
    [
      PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, preMoney: 0 }),
      "pre-money must be greater than 0",
      "Valorisation pré-money doit être supérieur à 0",
    ],
    [
      PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, currency: "usd" }),
      "currency must be a three-letter code such as EUR",
      "La devise doit être un code à trois lettres comme EUR",
    ],
  ])("%#: %s", (result, en, fr) => {
    expect(issuesOf(result)).toContainEqual({ en, fr });
  });

  test.each([
    ["exit values must list at least 2 values", "Indiquez au moins 2 valeurs de sortie", { exitValues: [1] }],
    ["exit value must be a number", "Valeur de sortie doit être un nombre", { exitValue: "x" }],
    ["exit values must be at most 1e15 in size", "Valeurs de sortie doit être au plus 1e15 en valeur absolue", { exitValues: [1, 2e15] }],
  ])("%s", (en, fr, change) => {
    const exit = builtInTemplate("exit-waterfall")?.template.inputs as ExitWaterfallInput;
    expect(issuesOf(ExitWaterfallInput.safeParse({ ...exit, ...change }))).toContainEqual({ en, fr });
  });

  test("a cap below the preference: the multiple in French notation", () => {
    const exit = builtInTemplate("exit-waterfall")?.template.inputs as ExitWaterfallInput;
    const classes = [{ ...exit.classes[0], name: "Series A", participation: "CAPPED", preference: 1.5, cap: 1.2 }, ...exit.classes.slice(1)];
    expect(issuesOf(ExitWaterfallInput.safeParse({ ...exit, classes }))).toContainEqual({
      en: 'cap of class "Series A" must be at least its preference multiple (1.5x)',
      fr: "Le plafond de la catégorie « Series A » doit être au moins son multiple de préférence (1,5x)",
    });
  });

  test("the rules the venture forms meet most have a French translation", () => {
    const round = YC_EXAMPLE_1;
    const exit = builtInTemplate("exit-waterfall")?.template.inputs as ExitWaterfallInput;
    const note = {
      holder: "A",
      type: "NOTE",
      amount: 1,
      cap: null,
      discount: 2,
      mfn: false,
      interest: { rate: 20, startDate: "2025-02-30", conversionDate: "2024-13-01", dayCount: "ACT/365", compounding: "SIMPLE" },
    };
    const messages = [
      PricedRoundInput.safeParse({ ...round, company: "", preMoney: 0, poolTarget: 1.2, poolIncrease: null, optionPool: "ESOP", investors: [] }),
      PricedRoundInput.safeParse({
        ...round,
        investors: [
          { name: "X", amount: 1 },
          { name: "x", amount: -1 },
        ],
        instruments: [note],
      }),
      PricedRoundInput.safeParse({
        ...round,
        instruments: [{ ...note, interest: { ...note.interest, rate: 0.1, startDate: "2025-01-01", conversionDate: "2024-01-01" } }],
      }),
      ExitWaterfallInput.safeParse({ ...exit, classes: [], exitValues: [1] }),
      ExitWaterfallInput.safeParse({
        ...exit,
        classes: [
          { ...exit.classes[0], participation: "CAPPED", cap: null, seniority: 0 },
          { ...exit.classes[1], name: exit.classes[0].name, cap: 0.5, participation: "CAPPED" },
          { ...exit.classes[4], preference: 1 },
        ],
        holdings: [{ holder: "H", className: "Nope", shares: 1, invested: null }],
      }),
    ].flatMap(issuesOf);
    expect(messages.length).toBeGreaterThan(15);
    expect(messages.filter((m) => m.fr === m.en)).toEqual([]);
  });
});

describe("every choice and yes-or-no rule of the model schemas in French", () => {
  // Read from the schemas' source, so that a choice added to a model (as the instrument cap basis was) is checked here.
  const dir = path.resolve(__dirname, "../../src/model");
  const source = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const choices = [...source.matchAll(/\bchoice\((\w+), "([^"]+)"\)/g)].map((m) => [m[1], m[2] as FieldName] as const);
  const flags = [...source.matchAll(/\bflag\("([^"]+)"\)/g)].map((m) => m[1] as FieldName);

  test("the model schemas have choices (the source is read)", () => {
    expect(choices.map(([, field]) => field)).toEqual(expect.arrayContaining(["instrument cap basis", "rounding", "participation"]));
    expect(flags).toContain("instrument mfn");
  });

  test.each([
    [
      choice(engine.CAP_BASIS_WORDS, "instrument cap basis"),
      'instrument cap basis must be "EXISTING", "POOL", "CONVERTIBLES" or "ALL"',
      "Base du plafond de l’instrument doit être « EXISTING », « POOL », « CONVERTIBLES » ou « ALL »",
    ],
    [flag("instrument mfn"), "instrument mfn must be true or false", "Clause NPF de l’instrument doit être vrai ou faux"],
  ])("%#: %s", (schema, en, fr) => {
    expect(issuesOf(schema.safeParse("not a word"))).toEqual([{ en, fr }]);
  });

  test("no rule message is written in the model schemas outside the catalogue (src/model/ruleMessages.ts)", () => {
    // A literal `error: "…"` or `message: "…"` would reach French untranslated: every rule goes through ruleError / ruleIssue.
    const inputs = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith("Input.ts") || f === "fields.ts")
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    expect(inputs).toMatch(/ruleError\(/);
    expect([...inputs.matchAll(/\b(?:error|message): *(?:"|`|'|\()/g)].map((m) => m[0])).toEqual([]);
  });

  test("every choice's and yes-or-no's message has a French translation", () => {
    const vocabularies = engine as unknown as Record<string, engine.Vocabulary<string>>;
    const messages = [
      ...choices.flatMap(([vocab, field]) => {
        expect(vocabularies[vocab]?.values).toBeDefined();
        return issuesOf(choice(vocabularies[vocab], field).safeParse("not a word"));
      }),
      ...flags.flatMap((field) => issuesOf(flag(field).safeParse("not a word"))),
    ];
    expect(messages).toHaveLength(choices.length + flags.length);
    expect(messages.filter((m) => m.fr === m.en)).toEqual([]);
  });
});

describe("one French word per field, in the form and on the sheet", () => {
  test("other claims: the form's label, the field's name in messages and the sheet's rows say the same words", async () => {
    const { sheetText } = await import("../../src/model/sheetText");
    const fr = sheetText("fr");
    const word = fr.stakeSale.otherClaims.toLowerCase();
    expect(fr.exitWaterfall.otherClaims.toLowerCase()).toBe(word);
    expect((MESSAGES.fr.label as Record<string, string>).otherClaims.toLowerCase()).toBe(word);
    expect(
      ruleMessage({ message: "x", params: { rule: { id: "required", params: { field: "other claims" } } } } as never, "fr").toLowerCase(),
    ).toContain(word);
  });
});
