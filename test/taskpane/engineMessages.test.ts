/**
 * The engine's message catalogue (issue 15): every rule the engine checks has an id, parameters, an
 * English message (src/engine/messages/, by area) and a French one (src/locales/engineMessagesFr.ts);
 * an `EngineError` carries its rule, so the French taskpane words an engine failure from the id and
 * the parameters, never from the English text.
 */
import * as fs from "fs";
import * as path from "path";
import { ARG_NAMES, Decimal, type EngineRuleId, type EngineRuleParams, EngineError, capitalIncrease, check } from "../../src/engine";
import { ENGINE_RULES_EN, ENGINE_RULE_AREAS_EN, engineRuleText } from "../../src/engine/messages";
import { YC_EXAMPLE_1, type PricedRoundInput } from "../../src/model/pricedRoundInput";
import { toCellNumber } from "../../src/model/sheetBuilder";
import { ARG_NAMES_FR, ENGINE_RULES_FR, engineMessage } from "../../src/locales/engineMessagesFr";
import { buildInputs } from "../../src/taskpane/forms";
import { HostWriteError } from "../../src/taskpane/host";
import { ruleMessage } from "../../src/locales/ruleMessagesFr";

const at = { event: "e1", date: "2024-01-31" };
const terms = { terms: "4y-1y-cliff" };

/** One set of parameters per rule id: the compiler refuses this table when an id is missing. */
const SAMPLES: { [K in EngineRuleId]: EngineRuleParams[K] } = {
  nonNegative: { subject: { arg: "shares", of: { item: "Alice" } }, got: "-5" },
  positive: { subject: "pre_money", got: "0" },
  fraction: { subject: "stake", got: "130" },
  positiveFraction: { subject: "retention", got: "0" },
  fractionBelowOne: { subject: { arg: "discount", of: { instrument: "Angel" } }, got: "100" },
  premium: { subject: "premium", got: "-100" },
  aboveMinus100: { subject: "rate", got: "-150" },
  tooLargeForCell: { what: { row: 2, address: "B7" }, value: "1.2e+400" },
  listEmpty: { list: "sellers" },
  nameMissing: { list: "antidilutionClasses", row: 2 },
  holderEmpty: { row: 3 },
  notUnique: { list: "classes", name: "A" },
  nameEmpty: { role: "investor" },
  sharesAllZero: { ownership: true },
  sellerNotHolder: { seller: "Bob" },
  buyerIsSeller: { seller: "Bob", sellers: true },
  sharesSoldExceed: { seller: "Bob", held: "10", sold: "12.5" },
  sharesSoldByExceed: { seller: "Bob", held: "10", sold: "12.5" },
  noSharesForStake: {},
  instrumentNoHolder: { row: 1 },
  poolRows: {},
  noSharesBeforeRound: {},
  conversionUnsettled: {},
  roundOverOwned: { antiDilution: true },
  serialDate: { subject: "start_date", got: 12.5 },
  conversionBeforeStart: {},
  capitalizationRequired: { explained: true },
  investmentAtCap: {},
  antidilutionNotHolder: { className: "Series A" },
  antidilutionRowMismatch: { className: "Series A", before: "100", held: "90" },
  noWeightedAverage: {},
  conversionPriceWithoutOip: { className: "Seed" },
  seniorityWhole: { className: "A", got: 1.5 },
  strikeAndPreference: { className: "Options" },
  capMissing: { className: "A" },
  capBelowPreference: { className: "A", got: "0.5" },
  classesNoShares: {},
  residualUnshared: {},
  holdingUnknownClass: { className: "Z" },
  holdingsExceed: { className: "A", held: "12", shares: "10" },
  whoNotClass: { className: "Z" },
  whoNotHolder: { holder: "Nobody" },
  noInvested: { who: { className: "Common" } },
  payoutUnreachable: { who: { holder: "Fund" }, payout: "100", max: "80" },
  ownershipTooHigh: { got: "120" },
  dateBefore: { end: "completion_date", start: "box_date", days: -3 },
  loansExceedEquityAtBox: { loans: "10", equity: "5" },
  loansWithoutShareTicker: {},
  tickerBoth: {},
  loansRequiredForShares: {},
  permittedExceedsLeakage: { permitted: "3", leakage: "2" },
  escrowExceedsPrice: { escrow: "3", price: "2" },
  paymentBeforeCompletion: { payment: 2, days: 10 },
  soldExceeds: { what: "loans", holder: "H", sold: "3", held: "2" },
  holdingsNoShares: {},
  loansExceedPrice: { loans: "3", price: "2" },
  noQuartileValues: {},
  noMultiples: {},
  notDates: { subject: "dates", got: -1 },
  beforeFirstDate: { subject: "dates", day: 45000, origin: 45100, position: 3 },
  tooFewFlows: { got: 1 },
  noFlows: {},
  flowsSameDate: {},
  flowsOneSign: {},
  irrTooLarge: {},
  noIrr: {},
  sourcesExceedUses: { sources: "3", uses: "2" },
  retainedAtFullSale: {},
  asOfDate: { got: "31/01/2024" },
  eventDate: { ...at, got: "2024-02-30" },
  eventIdTwice: at,
  issuedTwice: { ...at, security: "S1" },
  holderUnknown: { ...at, holder: "h9" },
  classUnknown: { ...at, className: "c9" },
  planUnknown: { ...at, plan: "p9" },
  stockNeedsClass: at,
  issuanceNeedsSize: { ...at, convertible: true },
  quantityNegative: { ...at, got: "-1" },
  securityNotIssued: { ...at, security: "S1" },
  securityIssuedLater: { ...at, security: "S1", issued: "2024-03-01" },
  resultNeverIssued: { ...at, security: "S2" },
  resultIssuedOtherDate: { ...at, security: "S2", issued: "2024-03-01" },
  resultsFromItself: { ...at, security: "S1" },
  resultsFromTwo: { ...at, security: "S2" },
  splitRatio: { ...at, got: "0" },
  notOutstanding: { ...at, security: "S1" },
  alreadyClosed: { ...at, security: "S1", by: "e0" },
  actsOnMore: { ...at, quantity: "20", security: "S1", held: "10" },
  noBalanceSecurity: { ...at, quantity: "5", security: "S1", held: "10", remaining: "5" },
  securitiesLoop: { security: "S1" },
  roundBeforeTable: { round: "2023-01-01", table: "2024-01-01" },
  planOverGranted: { plan: "ESOP", excess: "100" },
  conditionUnknown: { ...terms, condition: "c9" },
  conditionCycle: { ...terms, condition: "c1" },
  periodNotWhole: { ...terms, condition: "c1", unit: "MONTHS" },
  occurrencesNotWhole: { ...terms, condition: "c1" },
  occurrencesTooMany: { ...terms, condition: "c1", got: 20000 },
  portionOrQuantity: { ...terms, condition: "c1" },
  tranchesNotMultiples: { ...terms, allocation: "FRONT_LOADED" },
  holderFlows: { holder: "InfraVia", rule: { id: "tooFewFlows", params: { got: 1 } } },
  ratchetHurdlesRise: { position: 2 },
  ratchetShareRange: { position: 2, got: "10", below: "20" },
  ratchetUnreachable: { position: 3 },
};

describe("the engine's catalogue", () => {
  test.each(Object.keys(SAMPLES) as EngineRuleId[])("%s has an English and a French message, and they differ", (id) => {
    const en = engineRuleText(id, SAMPLES[id]);
    const fr = engineRuleText(id, SAMPLES[id], ENGINE_RULES_FR);
    expect(en).toMatch(/\S/);
    expect(fr).toMatch(/\S/);
    expect(fr).not.toBe(en);
    expect(`${en} ${fr}`).not.toMatch(/undefined|\[object|NaN/);
  });

  test("every language has the same rule ids, and every argument a French name", () => {
    expect(Object.keys(ENGINE_RULES_FR).sort()).toEqual(Object.keys(ENGINE_RULES_EN).sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(ENGINE_RULES_EN).sort());
    expect(Object.keys(ARG_NAMES_FR).sort()).toEqual([...ARG_NAMES].sort());
  });

  test("the English is written by area (src/engine/messages/), each rule in exactly one area, and the areas join into the catalogue", () => {
    const areas = Object.values(ENGINE_RULE_AREAS_EN).map((area) => Object.keys(area));
    const ids = areas.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(ENGINE_RULES_EN).sort());
    for (const [name, area] of Object.entries(ENGINE_RULE_AREAS_EN)) {
      for (const [id, en] of Object.entries(area)) expect([name, id, ENGINE_RULES_EN[id as EngineRuleId]]).toEqual([name, id, en]);
    }
  });

  test("the English is the engine's wording, unchanged: a field of a row, a percentage", () => {
    expect(() => check(new Decimal(-5), "nonNegative", { arg: "shares", of: { item: "Alice" } })).toThrow(
      'shares of "Alice" must not be negative, got -5',
    );
    expect(() => check(new Decimal(1.3), "fraction", "stake")).toThrow("stake must be between 0% and 100%, got 130%");
    expect(engineRuleText("fraction", { subject: "stake", got: "112.5" }, ENGINE_RULES_FR)).toBe(
      "La participation doit être comprise entre 0 % et 100 %, reçu 112,5 %",
    );
  });

  test("French agrees the verb and the adjective with the argument's name", () => {
    const fr = <K extends EngineRuleId>(id: K, p: EngineRuleParams[K]) => engineRuleText(id, p, ENGINE_RULES_FR);
    expect(fr("positive", { subject: "pre_money", got: "0" })).toBe("La valorisation pré-money doit être supérieure à 0, reçu 0");
    expect(fr("positive", { subject: "capacity", got: "-1" })).toBe("La capacité doit être supérieure à 0, reçu -1");
    expect(fr("nonNegative", { subject: "leakage", got: "-1" })).toBe("Les fuites de valeur ne doivent pas être négatives, reçu -1");
    expect(fr("nonNegative", { subject: "costs", got: "-1" })).toBe("Les frais ne doivent pas être négatifs, reçu -1");
    expect(fr("nonNegative", { subject: { arg: "shares", of: { item: "Alice" } }, got: "-5" })).toBe(
      "Le nombre d’actions de « Alice » ne doit pas être négatif, reçu -5",
    );
    expect(fr("fraction", { subject: "probabilities", got: "150" })).toBe("Les probabilités doivent être comprises entre 0 % et 100 %, reçu 150 %");
    expect(fr("aboveMinus100", { subject: "guess", got: "-200" })).toBe("L’estimation doit être supérieure à -100 %, reçu -200 %");
  });

  test("every error the engine throws is made by an area's maker (ruleErrors), so it carries its rule (no `new EngineError` in src/engine but the factory)", () => {
    const root = path.join(__dirname, "../../src/engine");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith(".ts") && !file.endsWith("engineRules.ts") && /new EngineError\(/.test(fs.readFileSync(file, "utf8")))
          offenders.push(file);
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });

  test("an engine error carries its rule; engineMessage words it in French, and anything else as its own message", () => {
    let caught: unknown;
    try {
      capitalIncrease({ preMoney: new Decimal(0), investment: new Decimal(1), fullyDilutedShares: new Decimal(10) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).rule).toEqual({ id: "positive", params: { subject: "pre_money", got: "0" } });
    expect(engineMessage(caught, "en")).toBe("pre_money must be greater than 0, got 0");
    expect(engineMessage(caught, "fr")).toBe("La valorisation pré-money doit être supérieure à 0, reçu 0");
    expect(engineMessage(new Error("the sheet is protected"), "fr")).toBe("the sheet is protected");
    // Carried by the host's write error (the Excel writer refused a value): still the rule, in French.
    const written = new HostWriteError(engineMessage(caught, "en"), true, caught as EngineError);
    expect(engineMessage(written, "fr")).toBe("La valorisation pré-money doit être supérieure à 0, reçu 0");
    expect(engineMessage(written, "en")).toBe("pre_money must be greater than 0, got 0");
    expect(() => toCellNumber(new Decimal("1e400"), { check: "Total" })).toThrow("check Total is too large for a cell (1e+400)");
  });
});

describe("engine failures reached through the taskpane's build path", () => {
  /** Valid inputs (every schema rule holds) that the maths refuses. */
  const overOwned: PricedRoundInput = {
    ...YC_EXAMPLE_1,
    instruments: [{ holder: "Investor A", type: "POST_SAFE", amount: 9_000_000, cap: 4_000_000, discount: null, mfn: false, interest: null }],
  };

  test.each([["en"], ["fr"]] as const)("%s: the engine's rule, in the UI language", (lang) => {
    const built = buildInputs(overOwned, lang);
    expect(built.ok).toBe(false);
    const message = built.ok ? "" : built.message;
    const params = { antiDilution: false };
    expect(message).toBe(engineRuleText("roundOverOwned", params, lang === "fr" ? ENGINE_RULES_FR : ENGINE_RULES_EN));
  });

  test("in French no engine failure of the build path stays English", () => {
    const tinyPreMoney: PricedRoundInput = { ...YC_EXAMPLE_1, instruments: [], preMoney: 1e-300, investors: [{ name: "X", amount: 1e15 }] };
    for (const input of [overOwned, tinyPreMoney]) {
      const fr = buildInputs(input, "fr");
      const en = buildInputs(input, "en");
      expect(fr.ok || en.ok).toBe(false);
      const [frText, enText] = [fr.ok ? "" : fr.message, en.ok ? "" : en.message];
      expect(frText).toMatch(/^Les BSA AIR et obligations convertibles, le pool cible et l’argent frais détiendraient 100 % ou plus/);
      expect(enText).toMatch(/^the SAFEs and notes/);
    }
    expect(buildInputs(YC_EXAMPLE_1, "fr").ok).toBe(true);
  });

  test("a schema issue passing the engine's refusal on (the exit waterfall's classes) is shown in French from the engine's rule", () => {
    const rule = { id: "capMissing" as const, params: { className: "A" } };
    const issue = { message: ENGINE_RULES_EN.capMissing(rule.params), params: { engineRule: rule } };
    expect(ruleMessage(issue, "en")).toBe('class "A" is capped participating: give its cap (a multiple of invested capital)');
    expect(ruleMessage(issue, "fr")).toBe(ENGINE_RULES_FR.capMissing(rule.params));
  });
});
