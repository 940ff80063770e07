import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import {
  DEFAULT_PRESENTATION,
  STAKE_SALE_FIELDS,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  TemplateError,
  builtInTemplate,
  builtInTemplates,
  inputFromTemplate,
  parseTemplateJson,
  templateFromInput,
  templateToJson,
  Template,
} from "../../src/templates";

function ok(text: string): Template {
  const r = parseTemplateJson(text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.template;
}

describe("built-in templates", () => {
  const all = builtInTemplates();

  test("the gallery: OpCore, capital increase, joint venture look-through", () => {
    expect(all.map((b) => b.id).slice(0, 3)).toEqual(["opcore-stake-sale", "capital-increase", "jv-look-through"]);
    expect(all.map((b) => b.title).slice(0, 3)).toEqual([
      "Stake sale: 50% of OpCore at EUR 860M EV",
      "Capital increase for a target stake",
      "Joint venture look-through (equity and debt per partner)",
    ]);
    for (const b of all) {
      expect(b.description.length).toBeGreaterThan(40);
      expect(b.template.title).toBe(b.title);
      expect(b.template.description).toBe(b.description);
    }
  });

  test.each(builtInTemplates().map((b) => [b.id, b] as const))("%s is valid and survives JSON unchanged", (_id, b) => {
    const json = templateToJson(b.template);
    expect(ok(json)).toEqual(b.template);
    expect(templateToJson(ok(json))).toBe(json);
    expect(Template.safeParse({ ...b.template, inputs: inputFromTemplate(b.template) }).success).toBe(true);
  });

  test("OpCore: the public figures, and net debt and shareholder loans marked to fill with OPCORE_EXAMPLE's illustrative values", () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    expect(t.inputs).toEqual(OPCORE_EXAMPLE);
    expect(t.inputs).toMatchObject({
      company: "OpCore",
      stake: 0.5,
      valuation: 860_000_000,
      basis: "EV",
      capacity: 131,
      capacityUnit: "MW",
      seller: "Iliad",
      buyer: "InfraVia",
    });
    expect(t.toFill.map((f) => f.field)).toEqual(["netDebt", "shareholderLoans"]);
    for (const f of t.toFill) expect(f.note).toMatch(/^Not public/);
    expect(t.description).toMatch(/131 MW/);
  });

  test("capital increase is a primary issue; the joint venture has several partners", () => {
    expect((builtInTemplate("capital-increase")!.template.inputs as StakeSaleInput).transaction).toBe("primary");
    const jv = builtInTemplate("jv-look-through")!.template.inputs as StakeSaleInput;
    expect(jv.capTable.length).toBeGreaterThanOrEqual(3);
    expect(jv.transaction).toBe("secondary");
  });

  test("callers get fresh copies", () => {
    const a = builtInTemplates()[0];
    (a.template.inputs as StakeSaleInput).capTable[0].shares = 1;
    a.template.toFill.length = 0;
    expect((builtInTemplates()[0].template.inputs as StakeSaleInput).capTable[0].shares).toBe(1_000_000);
    expect(builtInTemplates()[0].template.toFill).toHaveLength(2);
    expect(builtInTemplate("no-such-template")).toBeUndefined();
  });
});

describe("templates from and to model inputs", () => {
  test("templateFromInput -> JSON -> parseTemplateJson -> inputFromTemplate gives the inputs back", () => {
    const t = templateFromInput(OPCORE_EXAMPLE, {
      title: "My deal",
      toFill: [{ field: "netDebt", note: "from the data room" }],
      presentation: { showGridlines: true },
    });
    expect(t).toMatchObject({ format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: "stakeSale", title: "My deal", description: "" });
    expect(t.presentation).toEqual({ ...DEFAULT_PRESENTATION, showGridlines: true });
    expect(templateFromInput(OPCORE_EXAMPLE, { title: "x", presentation: { sheetName: undefined, chart: false } }).presentation).toEqual({
      ...DEFAULT_PRESENTATION,
      chart: false,
    });
    expect(inputFromTemplate(ok(templateToJson(t)))).toEqual(OPCORE_EXAMPLE);
  });

  test("the template does not share objects with the inputs it came from", () => {
    const input = structuredClone(OPCORE_EXAMPLE);
    const t = templateFromInput(input, { title: "x" });
    input.capTable[0].holder = "Changed";
    expect((t.inputs as StakeSaleInput).capTable[0].holder).toBe("Iliad");
    const back = inputFromTemplate(t) as StakeSaleInput;
    back.capTable[0].holder = "Changed again";
    expect((t.inputs as StakeSaleInput).capTable[0].holder).toBe("Iliad");
  });

  test("invalid metadata or inputs throw a TemplateError listing every rule broken", () => {
    let error: unknown;
    try {
      templateFromInput(
        { ...OPCORE_EXAMPLE, stake: 2 },
        {
          title: "",
          toFill: [
            { field: "stake", note: "" },
            { field: "stake", note: "" },
          ],
        },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).errors).toEqual(
      expect.arrayContaining([
        "title: title is required",
        "inputs.stake: stake must be between 0% and 100%, got 200%",
        'toFill[1].field: toFill lists "stake" more than once',
      ]),
    );
  });

  test("every input of a stake sale can be marked to fill, and nothing else", () => {
    expect(STAKE_SALE_FIELDS).toEqual(Object.keys(StakeSaleInput.shape).filter((k) => k !== "kind"));
    const all = STAKE_SALE_FIELDS.map((field) => ({ field, note: "" }));
    expect(templateFromInput(OPCORE_EXAMPLE, { title: "x", toFill: all }).toFill).toHaveLength(STAKE_SALE_FIELDS.length);
    expect(() => templateFromInput(OPCORE_EXAMPLE, { title: "x", toFill: [{ field: "kind" as never, note: "" }] })).toThrow(
      /toFill field must be one of the inputs/,
    );
  });

  test("texts are trimmed; a sheet name must be one Excel accepts", () => {
    const t = ok(templateToJson({ ...templateFromInput(OPCORE_EXAMPLE, { title: "x" }), title: "  Deal  " }));
    expect(t.title).toBe("Deal");
    for (const [name, message] of [
      ["History", 'sheet name must not be "History" (reserved by Excel)'],
      ["'Deal'", "sheet name must not begin or end with an apostrophe"],
      ["x".repeat(32), "sheet name must be at most 31 characters"],
      ["a:b", "sheet name must not contain any of : \\ / ? * [ ]"],
    ]) {
      expect(() => templateFromInput(OPCORE_EXAMPLE, { title: "x", presentation: { sheetName: name } })).toThrow(
        `presentation.sheetName: ${message}`,
      );
    }
  });

  test("parseTemplateJson never throws, whatever it is given", () => {
    for (const input of [undefined, null, 42, {}, [], "null", "42", '"text"', "{", "\uFEFF{}"] as unknown[]) {
      const r = parseTemplateJson(input as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
    const bom = parseTemplateJson(`\uFEFF${templateToJson(builtInTemplates()[0].template)}`);
    expect(bom.ok).toBe(true);
  });
});
