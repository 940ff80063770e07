/**
 * Characters XML 1.0 forbids (U+FFFF, U+FFFE, control characters, lone surrogates) cannot be
 * stored in the workbook's model part: the model schema refuses them with the field named, as
 * template import does (one rule: xmlForbiddenAt in src/workbook/xml.ts).
 */
import { MODEL_INPUT_SCHEMAS, type ModelKind } from "../../src/model/build";
import { builtInTemplate, parseTemplateJson } from "../../src/templates";
import { serializeModel } from "../../src/workbook/modelXml";
import { ruleMessage } from "../../src/taskpane/i18n";

const CASES: readonly [string, ModelKind, (inputs: Record<string, unknown>, bad: string) => void, string][] = [
  ["opcore-stake-sale", "stakeSale", (i, bad) => (i.company = `Op${bad}Core`), "company contains"],
  ["opcore-stake-sale", "stakeSale", (i, bad) => ((i.capTable as { holder: string }[])[0].holder = `Iliad${bad}`), "holder contains"],
  ["exit-waterfall", "exitWaterfall", (i, bad) => ((i.classes as { name: string }[])[0].name = `${bad}Series B`), "class contains"],
  ["priced-round-option-pool", "pricedRound", (i, bad) => (i.company = `YC${bad}`), "company contains"],
];

describe.each(["\uFFFF", "\uFFFE", "\u0001", "\u001B", "\uD800"])("character %j", (bad) => {
  test.each(CASES)("%s (%s): refused with the field named", (id, kind, change, message) => {
    const inputs = structuredClone(builtInTemplate(id)!.template.inputs) as Record<string, unknown>;
    change(inputs, bad);
    const result = MODEL_INPUT_SCHEMAS[kind].safeParse(inputs);
    expect(result.success).toBe(false);
    const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    expect(result.error?.issues.map((i) => i.message)).toContainEqual(expect.stringContaining(`${message} ${code}`));
    // Such a text could not be stored: the writer refuses it too, rather than altering it.
    expect(() => serializeModel({ id: "m-1", sheet: `S${bad}`, kind, schemaVersion: 1, inputs: {} })).toThrow(`cannot write ${code} to XML`);
  });
});

test("tab, line feed, carriage return and astral characters are accepted (XML can hold them)", () => {
  const inputs = structuredClone(builtInTemplate("opcore-stake-sale")!.template.inputs) as Record<string, unknown>;
  inputs.company = "Op\tCore\r\nSA 😀";
  expect(MODEL_INPUT_SCHEMAS.stakeSale.safeParse(inputs).success).toBe(true);
});

test("template import applies the same rule", () => {
  const template = structuredClone(builtInTemplate("opcore-stake-sale")!.template) as unknown as { inputs: Record<string, unknown> };
  template.inputs.company = "Op\uFFFFCore";
  const result = parseTemplateJson(JSON.stringify(template));
  expect(result.ok).toBe(false);
});

test("the message is in French in a French taskpane (the rule's id and parameters, not a translation of the English)", () => {
  const inputs = structuredClone(builtInTemplate("opcore-stake-sale")!.template.inputs) as Record<string, unknown>;
  inputs.company = "Op\uFFFFCore";
  const issue = MODEL_INPUT_SCHEMAS.stakeSale.safeParse(inputs).error!.issues.find((i) => i.path.join(".") === "company")!;
  expect(issue.message).toBe("company contains U+FFFF (character 3), a control or invalid character an Excel file cannot hold");
  expect(ruleMessage(issue, "fr")).toMatch(
    /^Société contient U\+FFFF \(caractère 3\), un caractère de contrôle ou invalide qu’un fichier Excel ne peut pas contenir$/,
  );
});
