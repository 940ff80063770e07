/**
 * The one message catalogue (issue 15): every rule of the model schemas has an id, parameters, an
 * English message and a French one; issues carry the rule, so French is made from it and never
 * recovered from the English text.
 */
import { z } from "zod";
import { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import { PricedRoundInput, YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import {
  FIELD_NAMES,
  RULES_EN,
  type RuleId,
  type RuleParams,
  issueRule,
  issueText,
  ruleError,
  ruleIssue,
  ruleOf,
  ruleText,
  zodRule,
} from "../../src/model/ruleMessages";
import { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import { FIELD_NAMES_FR, RULES_FR, ruleMessage } from "../../src/locales/ruleMessagesFr";
import { englishIn } from "../support/french";
import { builtInTemplate } from "../../src/templates";

/** One set of parameters per rule id: the compiler refuses this table when an id is missing. */
const SAMPLES: { [K in RuleId]: RuleParams[K] } = {
  required: { field: "company" },
  notText: { field: "buyer" },
  tooLong: { field: "seller", max: 100 },
  forbiddenChar: { field: "company", char: "U+FFFF", position: 3 },
  notNumber: { field: "valuation" },
  notFinite: { field: "net debt" },
  tooBig: { field: "exit value" },
  negative: { field: "shares" },
  notPositive: { field: "pre-money" },
  choice: { field: "rounding", values: ["DOWN", "UP"] },
  flag: { field: "instrument mfn" },
  currency: { example: "EUR" },
  notList: { list: "holdings" },
  emptyList: { list: "instruments" },
  tooFew: { list: "exitValues", min: 2 },
  tooMany: { list: "classes", max: 20 },
  duplicate: { list: "investors", name: "Fund" },
  noShares: { list: "classes" },
  stakeRange: { got: 1.3 },
  premiumRange: {},
  capacityPositive: {},
  sellerNotHolder: { seller: "X" },
  buyerIsSeller: {},
  primaryInvestmentUnused: { transaction: "secondary" },
  primaryStakeTooBig: {},
  sellerShort: { stake: 0.5, needed: "10.5", seller: "X", held: "3" },
  nothingForShares: {},
  dateNotText: { field: "interest start date" },
  dateFormat: { field: "interest conversion date" },
  dateReal: { field: "interest start date" },
  rateTooHigh: {},
  conversionBeforeStart: {},
  fractionBelowOne: { field: "pool target" },
  optionPoolNotHolder: { pool: "Pool", lookalike: "ESOP" },
  poolIncreaseWithTarget: {},
  interestNotNote: {},
  seniorityWhole: {},
  seniorityTooBig: { max: 100 },
  capRequired: { className: "A" },
  capUnlessCapped: { className: "A" },
  capBelowPreference: { className: "A", preference: 1.5 },
  preferenceWithStrike: { className: "Options" },
  holdingUnknownClass: { row: 2, holder: "H", className: "Z" },
  holdingTwice: { row: 3, holder: "H", className: "A", firstRow: 1 },
  holdingsExceed: { className: "A", held: "12", shares: "10", excess: "2", rows: [1, 2] },
  mechanismField: { field: "escrow", mechanism: "LOCKED_BOX", used: false },
  dateNotBefore: { field: "completion date", other: "box date" },
  soldExceedsHeld: { holder: "Iliad", what: "loans" },
  flowsSigns: { holder: "InfraVia", buyer: true },
  flowBeforeCompletion: { holder: "InfraVia", row: 2 },
  permittedExceedsLeakage: {},
  wholeMonths: { field: "vesting months" },
  preferenceNeedsPrice: { className: "Series A" },
  eventsOutOfOrder: { row: 3, date: "2020-01-01", previous: "2021-01-01" },
  eventNeeds: { row: 2, type: "GRANT", column: "plan" },
  eventIgnores: { row: 2, type: "ISSUE", column: "strike" },
  eventUnknown: { row: 4, list: "plans", name: "ESOP" },
  cliffOverVesting: { row: 5 },
  nothingToConvert: { row: 6, holder: "Angel" },
  notEnoughHeld: { row: 8, holder: "Ben", held: 100, what: "shares", name: "Common", shares: 500 },
  cancelClassOrPlan: { row: 9 },
  splitLastOfDate: { row: 10 },
  roundBeforeAsOf: { date: "2020-01-01", asOf: "2021-01-01" },
  eventAfterAsOf: { row: 7, date: "2022-01-01", asOf: "2021-01-01" },
  unknownFields: { keys: ["nickname", "age"] },
  notObject: {},
  notLiteral: { value: "capTableHistory" },
  toFillField: { fields: ["company", "asOf"], got: '"nope"' },
  toFillTwice: { field: "asOf" },
  sheetName: { rule: { code: "tooLong", length: 40, max: 31 } },
  notTemplateObject: {},
  templateFormat: { expected: "captable-template", got: '"zz"' },
  templateKind: { kinds: ["stakeSale", "capTableHistory"], got: '"zz"' },
  jsonNotText: { what: "template" },
  jsonTooLarge: { what: "template", chars: 300000, max: 262144 },
  jsonEmpty: { what: "stored template" },
  jsonTooDeep: { what: "template", depth: 13, max: 12 },
  jsonSyntax: { what: "template", line: 3, column: 1, problem: "a comma before } (remove it)" },
  versionMissing: { target: 1 },
  versionNotWhole: { target: 1, got: "1.5" },
  versionNewer: { version: 9, target: 1 },
  storedModelVersion: { sheet: "OpCore deal", version: 2, target: 1 },
  jsonValueTooDeep: { max: 12 },
  jsonTextTooLong: { length: 5001, max: 5000 },
  jsonTextBadChars: {},
  jsonNumberTooLarge: { value: "-2000000000000000" },
  jsonListTooLong: { length: 5000, max: 1000 },
  jsonTooManyFields: { count: 150, max: 100 },
  jsonForbiddenKey: { key: "__proto__" },
  jsonBadFieldName: {},
  jsonNotValue: { type: "function" },
};

describe("the catalogue", () => {
  test.each(Object.keys(SAMPLES) as RuleId[])("%s has an English and a French message, and they differ", (id) => {
    const en = ruleText(id, SAMPLES[id]);
    const fr = ruleText(id, SAMPLES[id], RULES_FR);
    expect(en).toMatch(/\S/);
    expect(fr).toMatch(/\S/);
    expect(fr).not.toBe(en);
    expect(fr).not.toMatch(/undefined|\[object/);
  });

  test("every field has a French name, and every language the same rule ids", () => {
    expect(Object.keys(FIELD_NAMES_FR).sort()).toEqual([...FIELD_NAMES].sort());
    expect(Object.keys(RULES_FR).sort()).toEqual(Object.keys(RULES_EN).sort());
  });

  test("numbers in French messages take a decimal comma", () => {
    expect(ruleText("stakeRange", { got: 1.125 }, RULES_FR)).toBe("La participation doit être comprise entre 0 % et 100 %, reçu 112,5 %");
    expect(ruleText("stakeRange", { got: 1.125 })).toBe("stake must be between 0% and 100%, got 112.5%");
  });
});

describe("issues carry their rule", () => {
  test("ruleError: zod keeps the id and parameters on the issue (node_modules/zod finalizeIssue copies the raw issue's keys)", () => {
    const r = z
      .number()
      .refine(
        (n) => n < 1,
        ruleError("stakeRange", (input) => ({ got: input as number })),
      )
      .safeParse(1.5);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe("stake must be between 0% and 100%, got 150%");
    expect(ruleOf(r.error!.issues[0])).toEqual({ id: "stakeRange", params: { got: 1.5 } });
    const t = z.string(ruleError("notText", { field: "company" })).safeParse(3);
    expect(ruleOf(t.error!.issues[0])).toEqual({ id: "notText", params: { field: "company" } });
  });

  test("ruleIssue: a custom issue with the rule on params", () => {
    const r = z
      .number()
      .superRefine((_, ctx) => ctx.addIssue(ruleIssue("buyerIsSeller", {}, ["buyer"])))
      .safeParse(1);
    expect(r.error!.issues[0]).toMatchObject({ path: ["buyer"], message: "buyer must differ from the seller" });
    expect(ruleOf(r.error!.issues[0])?.id).toBe("buyerIsSeller");
  });

  test("every issue the model schemas raise for bad inputs has a rule (only zod's unknown key and the engine's words have none)", () => {
    const exit = builtInTemplate("exit-waterfall")!.template.inputs as ExitWaterfallInput;
    const results = [
      StakeSaleInput.safeParse({
        ...OPCORE_EXAMPLE,
        company: "",
        currency: "eu",
        stake: 2,
        premium: -2,
        capacity: 0,
        shareholderLoans: -1,
        unit: "x",
      }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, capTable: "x", seller: 3, formulas: "x", basis: 1 }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, seller: "X", buyer: "X", primaryInvestment: 1, valuation: "1" }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, stake: 0.9, capTable: [...OPCORE_EXAMPLE.capTable, { holder: "B", shares: 1e6 }] }),
      StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, transaction: "primary", stake: 1, valuation: 0 }),
      PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, investors: "x", instruments: "x", poolTarget: 2, optionPool: "Nope" }),
      PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, investors: [], poolTarget: 0.1, poolIncrease: 1 }),
      PricedRoundInput.safeParse({
        ...YC_EXAMPLE_1,
        instruments: [
          {
            holder: "",
            type: "SAFE?",
            amount: -1,
            cap: 0,
            discount: 1,
            mfn: "maybe",
            interest: { rate: 20, startDate: 1, conversionDate: "2024-02-30", dayCount: "x", compounding: "x" },
          },
          {
            holder: "A",
            type: "POST_SAFE",
            amount: 1,
            cap: null,
            discount: null,
            mfn: false,
            interest: { rate: 0, startDate: "2025-01-01", conversionDate: "2024-01-01", dayCount: "ACT/365", compounding: "SIMPLE" },
          },
        ],
      }),
      ExitWaterfallInput.safeParse({ ...exit, classes: "x", exitValues: "x", holdings: "x" }),
      ExitWaterfallInput.safeParse({ ...exit, classes: [], exitValues: [1], holdings: [] }),
      ExitWaterfallInput.safeParse({
        ...exit,
        classes: [
          { ...exit.classes[0], participation: "CAPPED", cap: null, seniority: 0.5 },
          { ...exit.classes[1], name: exit.classes[0].name, cap: 0.5, participation: "NONE", seniority: 1000 },
          { ...exit.classes[2], strike: 1, preference: 1, participation: "CAPPED", cap: 0.5 },
        ],
        holdings: [
          { holder: "H", className: "Nope", shares: 1, invested: null },
          { holder: "H", className: exit.classes[0].name, shares: 1, invested: null },
          { holder: "h", className: exit.classes[0].name, shares: 1, invested: null },
        ],
      }),
      ExitWaterfallInput.safeParse({
        ...exit,
        holdings: [{ holder: "H", className: exit.classes[0].name, shares: exit.classes[0].shares + 1, invested: null }],
      }),
    ];
    const issues = results.flatMap((r) => (r.success ? [] : r.error.issues));
    const ids = new Set(issues.map((i) => ruleOf(i)?.id));
    expect(issues.filter((i) => ruleOf(i) === undefined).map((i) => i.message)).toEqual([]);
    // The battery reaches most of the catalogue (the rest is covered by the samples above).
    expect(ids.size).toBeGreaterThan(25);
  });
});

describe("zod's own issues are rules too (issueRule), so they read in French", () => {
  test("the cap-table history: a field a row does not have, a row or section that is not an object, another kind", () => {
    const history = builtInTemplate("cap-table-history")!.template.inputs as CapTableHistoryInput;
    const r = CapTableHistoryInput.safeParse({
      ...history,
      kind: "stakeSale",
      nickname: "x",
      classes: ["Common", ...history.classes.slice(1)],
      events: [{ ...history.events[0], note: "x", memo: "y" }, 5, ...history.events.slice(2)],
      nextRound: "soon",
      exit: 3,
    });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues;
    // Every issue has a rule: none is left to zod's English words.
    expect(issues.filter((i) => issueRule(i) === undefined).map((i) => i.message)).toEqual([]);
    const own = issues.filter((i) => ruleOf(i) === undefined);
    expect(own.map((i) => [i.path.join("."), zodRule(i)])).toEqual([
      ["kind", { id: "notLiteral", params: { value: "capTableHistory" } }],
      ["classes.0", { id: "notObject", params: {} }],
      ["events.0", { id: "unknownFields", params: { keys: ["note", "memo"] } }],
      ["events.1", { id: "notObject", params: {} }],
      ["nextRound", { id: "notObject", params: {} }],
      ["exit", { id: "notObject", params: {} }],
      ["", { id: "unknownFields", params: { keys: ["nickname"] } }],
    ]);
    expect(own.map((i) => issueText(i))).toContain('unknown fields "note", "memo"');
    for (const i of own) {
      const fr = ruleMessage(i, "fr");
      expect([fr, englishIn(fr)]).toEqual([fr, []]);
      expect(fr).not.toBe(issueText(i));
    }
    expect(own.map((i) => ruleMessage(i, "fr"))).toContain("champs inconnus « note », « memo »");
  });

  test("an issue with a rule of ours is not read as zod's", () => {
    const t = z.strictObject({ a: z.string(ruleError("notText", { field: "company" })) }).safeParse({ a: 1 });
    expect(zodRule(t.error!.issues[0])).toBeUndefined();
    expect(issueRule(t.error!.issues[0])).toEqual({ id: "notText", params: { field: "company" } });
    expect(issueText(t.error!.issues[0])).toBe("company must be a text");
  });
});
