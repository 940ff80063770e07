/**
 * The taskpane's pure logic: reading numbers and percentages as typed, the form -> schema input,
 * zod issue paths -> the field a message is shown next to, and pasting a cap table.
 */
import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import { parseNumber, parsePercent } from "../../src/locales/numberText";
import {
  CAP_TABLE_SPEC,
  emptyForm,
  formFromInput,
  formToCandidate,
  formWarnings,
  keyForPath,
  newGridRow,
  rowsFromGrid,
  rowsFromTsv,
  stillToFill,
  tableSpec,
  validateForm,
  type FormErrors,
  type GridRow,
  type ModelForm,
} from "../../src/taskpane/forms";
import { builtInTemplates } from "../../src/templates";

const opcoreForm = (lang: "en" | "fr" = "en"): ModelForm => formFromInput(OPCORE_EXAMPLE, lang);
/** The OpCore form (its numbers shown in the language's notation) with some fields (texts) or its cap table (rows) changed. */
const set = (
  { capTable, ...fields }: { capTable?: GridRow[]; [field: string]: string | GridRow[] | undefined },
  lang: "en" | "fr" = "en",
): ModelForm => {
  const form = opcoreForm(lang);
  return { ...form, fields: { ...form.fields, ...(fields as Record<string, string>) }, tables: capTable === undefined ? form.tables : { capTable } };
};
type StakeValidation = { ok: true; input: StakeSaleInput; errors: FormErrors } | { ok: false; errors: FormErrors };
/** The stake-sale form's validation (its input is a stake sale). */
const validate = (form: ModelForm, lang: "en" | "fr"): StakeValidation => validateForm(form, lang) as StakeValidation;
const holderRow = (holder = "", shares = ""): GridRow => newGridRow(tableSpec("stakeSale", "capTable"), { holder, shares });

describe("numbers as typed", () => {
  test.each([
    ["860000000", 860_000_000],
    ["860,000,000", 860_000_000],
    [" 860 000 000 ", 860_000_000],
    ["212437519.36", 212_437_519.36],
    ["-1,234.5", -1234.5],
    ["1e6", 1_000_000],
    [".5", 0.5],
    ["1'000", 1000],
  ])("en: %s -> %d", (text, value) => {
    expect(parseNumber(text, "en")).toEqual({ ok: true, value });
  });

  test.each([
    ["860\u202f000\u202f000", 860_000_000],
    ["212 437 519,36", 212_437_519.36],
    ["212437519.36", 212_437_519.36],
    ["\u22125,5", -5.5],
  ])("fr: %s -> %d", (text, value) => {
    expect(parseNumber(text, "fr")).toEqual({ ok: true, value });
  });

  test.each(["abc", "12abc", "1.2.3", "1,00", "1,2,3", "--1", "NaN", "Infinity", "1e999"])("en rejects %s", (text) => {
    expect(parseNumber(text, "en")).toEqual({ ok: false, reason: "notANumber" });
  });

  test("fr rejects two decimal marks", () => {
    expect(parseNumber("1,2,3", "fr")).toEqual({ ok: false, reason: "notANumber" });
    expect(parseNumber("1.2,3", "fr")).toEqual({ ok: false, reason: "notANumber" });
  });

  test("empty is reported as empty, not as zero", () => {
    expect(parseNumber("  ", "en")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("percent entry: typed as a percentage, stored as a fraction", () => {
  test.each([
    ["40", 0.4],
    ["40%", 0.4],
    ["40 %", 0.4],
    ["12.5", 0.125],
    ["33.3", 0.333],
    ["0.1", 0.001],
    ["-10", -0.1],
    ["100", 1],
  ])("%s -> %d (exact, no float noise)", (text, fraction) => {
    expect(parsePercent(text, "en")).toEqual({ ok: true, value: fraction });
  });

  test("French decimal comma", () => {
    expect(parsePercent("12,5 %", "fr")).toEqual({ ok: true, value: 0.125 });
  });

  test("a fraction shows back as the percentage typed", () => {
    const form = formFromInput({ ...OPCORE_EXAMPLE, stake: 0.333, premium: -0.125 });
    expect(form.fields.stake).toBe("33.3");
    expect(form.fields.premium).toBe("-12.5");
    expect(formFromInput({ ...OPCORE_EXAMPLE, stake: 0.125 }, "fr").fields.stake).toBe("12,5");
  });

  test("a percentage is shown grouped as a number is (same separators), and the form reads it back exactly", () => {
    // 1,250% is out of range for a stake but shows the grouping; the premium has no upper bound.
    const form = formFromInput({ ...OPCORE_EXAMPLE, premium: 12.5 });
    expect(form.fields.premium).toBe("1,250");
    const fr = formFromInput({ ...OPCORE_EXAMPLE, premium: 12.5 }, "fr");
    expect(fr.fields.premium).toBe("1\u202f250");
    expect(validate(form, "en")).toEqual({ ok: true, input: { ...OPCORE_EXAMPLE, premium: 12.5 }, errors: {} });
    expect(validate(fr, "fr")).toEqual({ ok: true, input: { ...OPCORE_EXAMPLE, premium: 12.5 }, errors: {} });
  });
});

describe("form -> model input", () => {
  test("the OpCore example round-trips through the form exactly", () => {
    const v = validate(opcoreForm(), "en");
    expect(v).toEqual({ ok: true, input: OPCORE_EXAMPLE, errors: {} });
  });

  test("the OpCore example round-trips through the French form", () => {
    const form = formFromInput(OPCORE_EXAMPLE, "fr");
    // Shown as a field shows a number once left: grouped by three (a narrow no-break space), a decimal comma.
    expect(form.fields.netDebt).toBe("212\u202f437\u202f519,36");
    expect(validate(form, "fr")).toEqual({ ok: true, input: OPCORE_EXAMPLE, errors: {} });
  });

  test("stake typed as 40 becomes 0.4", () => {
    const v = validate(set({ stake: "40" }), "en");
    expect(v.ok && v.input.stake).toBe(0.4);
  });

  test("blank cap-table rows are ignored; empty premium and other claims are zero; empty capacity is none", () => {
    const v = validate(set({ premium: "", otherClaims: " ", capacity: "", capTable: [holderRow("Iliad", "1000000"), holderRow()] }), "en");
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.input.premium).toBe(0);
      expect(v.input.otherClaims).toBe(0);
      expect(v.input.capacity).toBeNull();
      expect(v.input.capTable).toEqual([{ holder: "Iliad", shares: 1_000_000 }]);
    }
  });

  test("a text that is not a number gets a message naming the field, with what was typed", () => {
    const v = validate(set({ valuation: "860M", stake: "half" }), "en");
    expect(v.ok).toBe(false);
    expect(v.errors.valuation).toBe('valuation must be a number, got "860M"');
    expect(v.errors.stake).toBe('stake must be a percentage such as 50 or 12.5%, got "half"');
  });

  test("messages are in French in the French UI", () => {
    const v = validate(set({ valuation: "", netDebt: "beaucoup" }, "fr"), "fr");
    expect(v.errors.valuation).toBe("Valorisation est obligatoire");
    expect(v.errors.netDebt).toBe("Dette nette doit être un nombre, reçu « beaucoup »");
  });

  test("the schema's rules are shown next to their field", () => {
    const v = validate(set({ stake: "130", currency: "euro", seller: "Bouygues", company: " " }), "en");
    expect(v.ok).toBe(false);
    expect(v.errors.stake).toBe("stake must be between 0% and 100%, got 130%");
    expect(v.errors.currency).toBe("currency must be a three-letter code such as EUR");
    expect(v.errors.seller).toBe('seller "Bouygues" must be one of the holders');
    expect(v.errors.company).toBe("company is required");
  });

  test("a cap-table message lands on the row the user sees, even after blank rows", () => {
    const capTable = [holderRow("Iliad", "600000"), holderRow(), holderRow("iliad", "400000"), holderRow("Fund", "-5")];
    const v = validate(set({ capTable }), "en");
    expect(v.errors["capTable.2.holder"]).toBe('holder "iliad" appears more than once');
    expect(v.errors["capTable.3.shares"]).toBe("shares must not be negative");
    expect(v.errors["capTable.1.holder"]).toBeUndefined();
  });

  test("a row with a holder but no shares, and a table with no shares at all", () => {
    expect(validate(set({ capTable: [holderRow("Iliad", "")] }), "en").errors["capTable.0.shares"]).toBe("shares are required");
    expect(validate(set({ capTable: [holderRow("Iliad", "0")] }), "en").errors.capTable).toBe("cap table must have some shares");
    expect(validate(set({ capTable: [holderRow()] }), "en").errors.capTable).toBe("cap table must list at least one holder");
  });

  test("primary issue: no seller needed, primary investment only read for 'both'", () => {
    const v = validate(set({ transaction: "primary", seller: "", stake: "20", primaryInvestment: "not read" }), "en");
    expect(v.ok).toBe(true);
    // The seller field is hidden for a primary issue: no seller is sent (not the buyer's name, nor a seller kept from a secondary).
    expect(formToCandidate(set({ transaction: "primary", seller: "", stake: "20" }), "en").input.seller).toBe("");
    expect(formToCandidate(set({ transaction: "primary", seller: "Iliad", stake: "20" }), "en").input.seller).toBe("");
    const both = validate(set({ transaction: "both", primaryInvestment: "abc" }), "en");
    expect(both.errors.primaryInvestment).toBe('primary investment must be a number, got "abc"');
  });

  test("an empty form is invalid, with a message for each required field", () => {
    const v = validate(emptyForm("stakeSale"), "en");
    expect(v.ok).toBe(false);
    expect(Object.keys(v.errors).sort()).toEqual(expect.arrayContaining(["company", "valuation", "stake", "buyer", "capTable"]));
  });

  test("the candidate is plain JSON for the schema", () => {
    const { input } = formToCandidate(opcoreForm(), "en");
    expect(StakeSaleInput.safeParse(input).success).toBe(true);
  });
});

test("the schema's rules are shown in French in the French UI", () => {
  const v = validate(set({ stake: "130", company: "", seller: "Bouygues", capacity: "-1" }, "fr"), "fr");
  expect(v.errors.stake).toBe("La participation doit être comprise entre 0 % et 100 %, reçu 130 %");
  expect(v.errors.company).toBe("Société est obligatoire");
  expect(v.errors.seller).toBe("Le cédant « Bouygues » doit être l’un des actionnaires");
  expect(v.errors.capacity).toBe("La capacité doit être supérieure à 0");
  const sold = validate(set({ capTable: [holderRow("Iliad", "100"), holderRow("Fonds", "900")] }, "fr"), "fr");
  expect(sold.errors.stake).toBe("Une participation de 50 % représente 500 actions, mais le cédant « Iliad » n’en détient que 100");
});

describe("zod issue path -> field", () => {
  test.each<[PropertyKey[], string]>([
    [["stake"], "stake"],
    [["netDebt"], "netDebt"],
    [["capTable"], "capTable"],
    [["capTable", 0], "capTable"],
    [["capTable", 1, "shares"], "capTable.1.shares"],
    [["capTable", 0, "holder"], "capTable.0.holder"],
    [[], "form"],
    [["kind"], "form"],
    [["somethingElse"], "form"],
  ])("%j -> %s", (path, field) => {
    expect(keyForPath("stakeSale", path)).toBe(field);
  });

  test("row indices map through the rows actually sent", () => {
    expect(keyForPath("stakeSale", ["capTable", 1, "shares"], { capTable: [0, 3] })).toBe("capTable.3.shares");
  });
});

describe("pasting a cap table (the table editor's reader on the cap-table columns)", () => {
  const tsv = (text: string, lang: "en" | "fr" = "en") => rowsFromTsv(CAP_TABLE_SPEC, text, lang);
  const cells = (p: { rows: { cells: Readonly<Record<string, string>> }[] }) => p.rows.map((r) => r.cells);

  test("tab-separated rows copied from Excel, with a header and thousands separators", () => {
    const pasted = tsv("Holder\tShares\r\nIliad\t600,000\r\nInfraVia\t400000\r\n\r\n");
    expect(cells(pasted)).toEqual([
      { holder: "Iliad", shares: "600,000" },
      { holder: "InfraVia", shares: "400000" },
    ]);
    expect([pasted.problems, pasted.skippedHeader]).toEqual([[], true]);
  });

  test("semicolon-separated lines and French numbers", () => {
    expect(cells(tsv("Iliad;600 000,5\nFonds;10", "fr"))).toEqual([
      { holder: "Iliad", shares: "600 000,5" },
      { holder: "Fonds", shares: "10" },
    ]);
  });

  test("a line without a holder, or with text for shares: nothing is pasted, each cell is reported with its line and column", () => {
    const pasted = tsv("Iliad\t100\nFund\tlots\n\t5");
    expect(cells(pasted)).toEqual([]);
    expect(pasted.problems).toEqual([
      { line: 2, column: "shares", reason: "notANumber", text: "lots" },
      { line: 3, column: "holder", reason: "required" },
    ]);
  });

  test("the Excel selection's values: numbers as numbers, a blank column in the selection skipped", () => {
    const pasted = rowsFromGrid(
      CAP_TABLE_SPEC,
      [
        ["Holder", "", "Shares"],
        ["Iliad", "", 600000],
        ["InfraVia", null, 400000.5],
        ["", "", ""],
      ],
      "en",
    );
    expect(cells(pasted)).toEqual([
      { holder: "Iliad", shares: "600000" },
      { holder: "InfraVia", shares: "400000.5" },
    ]);
    expect(pasted.skippedHeader).toBe(true);
  });

  test("at most 500 holders: a longer block is not pasted, and the lines beyond are reported", () => {
    const grid = Array.from({ length: 502 }, (_, i) => [`H${i}`, 1]);
    expect(rowsFromGrid(CAP_TABLE_SPEC, grid.slice(0, 500), "en").rows).toHaveLength(500);
    const pasted = rowsFromGrid(CAP_TABLE_SPEC, grid, "en");
    expect(pasted.rows).toHaveLength(0);
    expect(pasted.problems.map((p) => [p.line, p.reason])).toEqual([
      [501, "tooMany"],
      [502, "tooMany"],
    ]);
  });

  test("pasted rows validate as a cap table", () => {
    const pasted = tsv("Iliad\t500000\nInfraVia\t500,000");
    const v = validate(set({ capTable: pasted.rows }), "en");
    expect(v.ok && v.input.capTable).toEqual([
      { holder: "Iliad", shares: 500000 },
      { holder: "InfraVia", shares: 500000 },
    ]);
  });
});

describe("template notes", () => {
  test('a "to fill" note stays only while the value is still the template\'s', () => {
    const template = builtInTemplates().find((b) => b.id === "opcore-stake-sale")!.template;
    const fields = (input: StakeSaleInput) => stillToFill(template, input).map((e) => e.field);
    expect(fields(OPCORE_EXAMPLE)).toEqual(["netDebt", "shareholderLoans"]);
    expect(fields({ ...OPCORE_EXAMPLE, netDebt: 250_000_000 })).toEqual(["shareholderLoans"]);
    expect(fields({ ...OPCORE_EXAMPLE, netDebt: 250_000_000, shareholderLoans: 0 })).toEqual([]);
  });
});

describe("warnings beside the fields: allowed inputs that look wrong, never blocking Build", () => {
  test("net debt larger than the EV: the form still validates, with a warning beside net debt, in English and French", () => {
    const form = set({ netDebt: "900000000" });
    const en = validate(form, "en");
    expect(en.ok).toBe(true);
    if (!en.ok) return;
    expect(formWarnings(en.input, "en")).toEqual({
      netDebt:
        "Check: net debt and other claims (900000000) exceed the enterprise value (860000000): the equity value is negative (-40000000), and so is the price of the stake.",
    });
    expect(formWarnings(en.input, "fr").netDebt).toBe(
      // The sheet's French (src/model/sheetText.ts): a no-break space before ":".
      "À vérifier : la dette nette et les autres ajustements (900000000) dépassent la valeur d’entreprise (860000000)\u00a0: la valeur des capitaux propres est négative (-40000000), et le prix de la participation aussi.",
    );
  });

  test("a 0% stake and loans above the equity value", () => {
    const v = validate(set({ stake: "0", shareholderLoans: "700000000" }, "fr"), "fr");
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const w = formWarnings(v.input, "fr");
    expect(Object.keys(w).sort()).toEqual(["shareholderLoans", "stake"]);
    expect(w.stake).toBe("À vérifier : la participation est de 0\u00a0%\u00a0: rien ne change de mains et aucune valorisation n’en découle.");
    expect(w.shareholderLoans).toMatch(/^À vérifier : les comptes courants d’associés \(700000000\) dépassent la valeur des capitaux propres/);
  });

  test("the OpCore example has none", () => {
    expect(formWarnings(OPCORE_EXAMPLE, "en")).toEqual({});
  });
});
