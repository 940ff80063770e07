/**
 * Every model kind in one place (src/model/build.ts): each kind's builder, and the check a stored
 * model passes before a form opens it (kind known, inputs version the builder writes, inputs valid).
 */
import { MODEL_KINDS, MODEL_SCHEMA_VERSIONS, buildModel, checkStoredModel } from "../../src/model/build";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import { DEAL_PRICING_EXAMPLE, EXIT_WATERFALL_EXAMPLE } from "../../src/taskpane/forms";
import { VENTURE_HISTORY_EXAMPLE } from "../../src/model/capTableHistoryInput";

const EXAMPLES = {
  stakeSale: OPCORE_EXAMPLE,
  pricedRound: YC_EXAMPLE_1,
  exitWaterfall: EXIT_WATERFALL_EXAMPLE,
  dealPricing: DEAL_PRICING_EXAMPLE,
  capTableHistory: VENTURE_HISTORY_EXAMPLE,
} as const;

describe("model kinds", () => {
  test.each(MODEL_KINDS)("%s: built by its builder, with the inputs version the stored-model check reads", (kind) => {
    const model = buildModel(EXAMPLES[kind]);
    expect(model.kind).toBe(kind);
    expect(model.schemaVersion).toBe(MODEL_SCHEMA_VERSIONS[kind]);
    expect(model.sheet.cells.length).toBeGreaterThan(20);
    // Stored as JSON in the workbook and read back: it opens with the same inputs.
    const stored = JSON.parse(JSON.stringify({ kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input }));
    expect(checkStoredModel(stored)).toEqual({ ok: true, input: EXAMPLES[kind] });
  });

  test("another kind, another version or invalid inputs are refused, each with its reason", () => {
    expect(checkStoredModel({ kind: "lbo", schemaVersion: 1, inputs: {} })).toEqual({ ok: false, reason: "kind", kind: "lbo" });
    expect(checkStoredModel({ kind: "stakeSale", schemaVersion: 2, inputs: OPCORE_EXAMPLE })).toEqual({
      ok: false,
      reason: "version",
      version: 2,
      expected: 1,
    });
    // Stored inputs are JSON read back from the workbook: a "__proto__" key arrives as an own key.
    const stored: unknown = JSON.parse(JSON.stringify({ ...OPCORE_EXAMPLE, currency: "euro" }).replace(/^\{/, '{"__proto__":{"x":1},'));
    const bad = checkStoredModel({ kind: "stakeSale", schemaVersion: 1, inputs: stored });
    expect(bad).toMatchObject({
      ok: false,
      reason: "invalid",
      errors: ["currency: currency must be a three-letter code such as EUR", 'Unrecognized key: "__proto__"'],
    });
    // The same issues as zod gives them, for the taskpane to word in its language.
    expect(bad.ok === false && bad.reason === "invalid" ? bad.issues.map((i) => i.path.join(".")) : []).toEqual(["currency", ""]);
    expect(({} as { x?: number }).x).toBeUndefined();
    const round = checkStoredModel({ kind: "pricedRound", schemaVersion: 1, inputs: { ...YC_EXAMPLE_1, preMoney: -1 } });
    expect(round).toMatchObject({ ok: false, reason: "invalid", errors: ["preMoney: pre-money must be greater than 0"] });
  });

  test("a kind name that is an Object property is not a kind", () => {
    expect(checkStoredModel({ kind: "toString", schemaVersion: 1, inputs: {} })).toEqual({ ok: false, reason: "kind", kind: "toString" });
    expect(checkStoredModel({ kind: "__proto__", schemaVersion: 1, inputs: {} })).toEqual({ ok: false, reason: "kind", kind: "__proto__" });
  });
});
