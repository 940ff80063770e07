/**
 * OCF export: the package validates against the official OCF 1.2.0 JSON schemas (kept unchanged in
 * test/fixtures/ocf-1.2.0-schema, every file registered so $refs resolve offline), and importing
 * the export gives the same history: holdings, strikes, vesting, convertible terms.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { Decimal } from "../../src/engine/decimal";
import { capTableAsOf, isIsoDate, type CapTableHistory } from "../../src/engine/history/history";
import { readOcfPackage } from "../../src/ocf/read";
import { EXTENSION_FILE, writeOcfPackage } from "../../src/ocf/write";
import { OCF_RULES_EN, OcfError, type OcfRuleParams, type OcfRuleRef } from "../../src/ocf/ocfRules";
import { OCF_RULES_FR, ocfRuleMessage } from "../../src/locales/ocfMessagesFr";
import { englishIn } from "../support/french";
import { companyPackage, companyTransactions, companyFiles, md5 } from "./ocfFixture";

const SCHEMA = path.resolve(__dirname, "../fixtures/ocf-1.2.0-schema");

function allSchemas(dir: string): Record<string, unknown>[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) return allSchemas(full);
    return f.endsWith(".schema.json") ? [JSON.parse(readFileSync(full, "utf8")) as Record<string, unknown>] : [];
  });
}

const ajv = new Ajv({ strict: false, allErrors: true });
// The three formats OCF 1.2.0 uses, checked as RFC 3339 (date, date-time) and a plain address shape.
ajv.addFormat("date", (s: string) => isIsoDate(s));
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
for (const s of allSchemas(SCHEMA)) ajv.addSchema(s);
const FILE_SCHEMA: Record<string, string> = {
  OCF_MANIFEST_FILE: "files/OCFManifestFile",
  OCF_STAKEHOLDERS_FILE: "files/StakeholdersFile",
  OCF_STOCK_CLASSES_FILE: "files/StockClassesFile",
  OCF_STOCK_PLANS_FILE: "files/StockPlansFile",
  OCF_STOCK_LEGEND_TEMPLATES_FILE: "files/StockLegendTemplatesFile",
  OCF_VESTING_TERMS_FILE: "files/VestingTermsFile",
  OCF_VALUATIONS_FILE: "files/ValuationsFile",
  OCF_TRANSACTIONS_FILE: "files/TransactionsFile",
};

function validateFile(body: { file_type: string }): string[] {
  const id = `https://schema.opencaptablecoalition.com/v/1.2.0/${FILE_SCHEMA[body.file_type]}.schema.json`;
  const validate = ajv.getSchema(id);
  if (validate === undefined) throw new Error(`no schema ${id}`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const options = {
  issuer: { id: "issuer", legalName: "Example SAS", formationDate: "2023-01-02", countryOfFormation: "FR" },
  asOf: "2025-06-30",
  generatedAt: "2025-06-30T12:00:00Z",
  currency: "EUR",
  md5,
};

function summary(history: CapTableHistory, date: string) {
  const t = capTableAsOf(history, date);
  return {
    stock: t.stock.map((s) => `${s.holderId}/${s.classId}=${s.shares.toString()}`).sort(),
    derivatives: t.derivatives
      .map((d) => `${d.securityId}:${d.holderId}:${d.quantity.toString()}@${d.exercisePrice?.toString()}:vested ${d.vested?.toString()}`)
      .sort(),
    convertibles: t.convertibles.map((c) => `${c.securityId}:${c.amount.toString()}`).sort(),
    plans: t.plans.map((p) => `${p.planId}:${p.reserved.toString()}/${p.available.toString()}`),
    fullyDiluted: t.fullyDiluted.toString(),
  };
}

describe("OCF export", () => {
  const safe = {
    object_type: "TX_CONVERTIBLE_ISSUANCE",
    id: "SAFE-1",
    security_id: "SAFE-1",
    date: "2024-02-01",
    stakeholder_id: "fund",
    custom_id: "SAFE-1",
    convertible_type: "SAFE",
    investment_amount: { amount: "250000", currency: "EUR" },
    security_law_exemptions: [],
    seniority: 1,
    conversion_triggers: [
      {
        trigger_id: "SAFE-1.T",
        type: "UNSPECIFIED",
        conversion_right: {
          type: "CONVERTIBLE_CONVERSION_RIGHT",
          converts_to_future_round: true,
          conversion_mechanism: {
            type: "SAFE_CONVERSION",
            conversion_mfn: false,
            conversion_discount: "0.2",
            conversion_valuation_cap: { amount: "8000000", currency: "EUR" },
            conversion_timing: "POST_MONEY",
          },
        },
      },
    ],
  };
  const original = readOcfPackage(companyPackage(companyFiles([...companyTransactions(), safe])), { md5 });
  const exported = writeOcfPackage(original.history, options);

  it("every file validates against the OCF 1.2.0 schemas", () => {
    for (const f of exported.files) {
      if (f.path === EXTENSION_FILE) continue;
      const body = JSON.parse(new TextDecoder().decode(f.bytes)) as { file_type: string };
      expect({ file: f.path, errors: validateFile(body) }).toEqual({ file: f.path, errors: [] });
    }
  });

  it("importing the export gives the same holdings, strikes, vesting and convertible terms", () => {
    const again = readOcfPackage(exported.files, { md5, requireMd5: true });
    for (const date of ["2023-06-30", "2024-03-01", "2024-09-01", "2027-12-31"])
      expect(summary(again.history, date)).toEqual(summary(original.history, date));
    const terms = (h: CapTableHistory) => h.events.find((e) => e.id === "SAFE-1");
    expect(terms(again.history)).toEqual(terms(original.history));
    expect(again.report.skipped).toEqual([]);
  });

  it("says which required fields it had to fill with a default, and only those", () => {
    expect(exported.warnings).toEqual([]); // the imported package stated them all
    const bare: CapTableHistory = {
      classes: [{ id: "c", name: "Common", kind: "COMMON", seniority: 1, conversionRatio: new Decimal(1) }],
      holders: [{ id: "h", name: "Ana" }],
      plans: [],
      events: [{ type: "ISSUANCE", id: "i", date: "2024-02-29", securityId: "O-1", kind: "OPTION", holderId: "h", quantity: new Decimal(10) }],
    };
    const out = writeOcfPackage(bare, options);
    expect(out.warnings).toEqual([
      'stakeholder "Ana": its type is not known; written as INSTITUTION',
      'class "Common": votes per share not known; written as 1',
      'class "Common": authorized shares not known; written as the shares ever issued',
      'event "i": the option\'s expiry is not known; written as ten years after the grant',
      'event "i": the option\'s exercise price is not known; written as 0',
    ]);
    const tx = JSON.parse(new TextDecoder().decode(out.files.find((f) => f.path === "Transactions.ocf.json")!.bytes)) as {
      items: { expiration_date: string }[];
    };
    // The same defaults as rules of the catalogue, for another language.
    expect(out.warningRules.map((r) => r.id)).toEqual(["exportHolderType", "exportVotes", "exportAuthorized", "exportExpiry", "exportExercisePrice"]);
    expect(out.warnings).toEqual(out.warningRules.map((r) => ocfRuleMessage(r, "en")));
    expect(out.warningRules.map((r) => ocfRuleMessage(r, "fr"))).toEqual([
      "actionnaire « Ana » : son type n’est pas connu ; écrit INSTITUTION",
      "catégorie « Common » : le nombre de voix par action n’est pas connu ; écrit 1",
      "catégorie « Common » : le nombre d’actions autorisées n’est pas connu ; écrit comme le total des actions émises",
      "événement « i » : l’échéance de l’option n’est pas connue ; écrite dix ans après l’attribution",
      "événement « i » : le prix d’exercice de l’option n’est pas connu ; écrit 0",
    ]);
    expect(tx.items[0].expiration_date).toBe("2034-02-28");
    for (const f of out.files) expect(validateFile(JSON.parse(new TextDecoder().decode(f.bytes)) as { file_type: string })).toEqual([]);
  });

  it("a transfer's price, which OCF has no field for, goes in the extension file named in the manifest", () => {
    const h = original.history;
    const priced: CapTableHistory = { ...h, events: h.events.map((e) => (e.id === "T-1" ? { ...e, price: new Decimal("1.5") } : e)) };
    const out = writeOcfPackage(priced, options);
    const ext = out.files.find((f) => f.path === EXTENSION_FILE);
    expect(JSON.parse(new TextDecoder().decode(ext!.bytes))).toMatchObject({
      extension: "x-captable",
      transferPrices: [{ transactionId: "T-1", pricePerShare: "1.5", currency: "EUR" }],
    });
    const manifest = JSON.parse(new TextDecoder().decode(out.files[0].bytes)) as { comments: string[] };
    expect(manifest.comments[0]).toMatch(/^x-captable.json: CapTable extension/);
    expect(validateFile(manifest as unknown as { file_type: string })).toEqual([]);
  });
});

/** The exporter's rules (defaults written, refusals) and the history JSON reader's: one sample of each id; a new id must be added here (the type says so). */
type ExportRuleId = Exclude<Extract<keyof OcfRuleParams, `export${string}` | `history${string}`>, "historyInvalid">;
const EXPORT_SAMPLES: { [K in ExportRuleId]: readonly OcfRuleParams[K][] } = {
  exportHolderType: [{ holder: "Ana" }],
  exportVotes: [{ className: "Seed" }],
  exportAuthorized: [{ className: "Seed" }],
  exportPlanClasses: [{ plan: "ESOP" }],
  exportSharePrice: [{ event: "CS-1" }],
  exportExpiry: [{ event: "OPT-1" }],
  exportWarrantTerms: [{ event: "W-1" }],
  exportConversionTerms: [{ event: "SAFE-1" }],
  exportExercisePrice: [{ event: "OPT-1" }],
  exportDecimals: [
    { where: { kind: "class", name: "Seed" }, value: "0.12345678901" },
    { where: { kind: "plan", name: "ESOP" }, value: "0.12345678901" },
    { where: { kind: "event", name: "CS-1" }, value: "0.12345678901" },
  ],
  exportNeverIssued: [{ event: "T-1", security: "CS-9" }],
  exportNoTransactionType: [{ event: "T-1", closing: "REPURCHASE", kind: "OPTION" }],
  exportIssuerMissing: [{ fields: ["formationDate", "countryOfFormation"] }],
  exportCountry: [{ country: "France" }],
  exportCurrencyCode: [{ currency: "usd" }],
  exportNoCurrency: [{}],
  exportManyCurrencies: [{ currencies: ["EUR", "USD"] }],
  exportAsOf: [{ asOf: "2025-02-30" }],
  historyNotJson: [{ line: 3, column: 1, problem: "a comma before } (remove it)" }],
  historyJsonInvalid: [
    {
      issues: [
        { path: "events.0.quantity", problem: { code: "decimal", jsonNumber: true } },
        { path: "events.1.quantity", problem: { code: "decimal", jsonNumber: false } },
        { path: "holders.0", problem: { code: "unknownFields", keys: ["nickname", "age"] } },
      ],
      more: 2,
    },
    { issues: [{ path: "issuer.id", problem: { code: "empty" } }], more: 0 },
    { issues: [{ path: "", problem: { code: "type", expected: "object" } }], more: 0 },
  ],
};

describe("the exporter's messages, by rule id, in English and in French", () => {
  test("every id of the catalogue has its French (the compiler checks it; here, each is present)", () => {
    expect(Object.keys(OCF_RULES_FR).sort()).toEqual(Object.keys(OCF_RULES_EN).sort());
  });

  test.each(Object.entries(EXPORT_SAMPLES))("%s: the French is worded from the parameters, with no English left", (id, samples) => {
    for (const params of samples as readonly unknown[]) {
      const rule = { id, params } as OcfRuleRef;
      const en = ocfRuleMessage(rule, "en");
      const fr = ocfRuleMessage(rule, "fr");
      expect(fr.length).toBeGreaterThan(10);
      expect(fr).not.toBe(en);
      expect([fr, englishIn(fr)]).toEqual([fr, []]);
    }
  });

  test("an export refused throws the rule (OcfError), never a bare English message", () => {
    const h: CapTableHistory = {
      classes: [{ id: "c", name: "Seed", kind: "PREFERRED", seniority: 1, conversionRatio: new Decimal("0.12345678901") }],
      holders: [{ id: "h", name: "Ana", kind: "INDIVIDUAL" }],
      plans: [],
      events: [],
    };
    const caught = (() => {
      try {
        writeOcfPackage(h, options);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(caught).toBeInstanceOf(OcfError);
    expect((caught as OcfError).rule).toEqual({ id: "exportDecimals", params: { where: { kind: "class", name: "Seed" }, value: "0.12345678901" } });
    expect((caught as OcfError).message).toBe('class "Seed": 0.12345678901 has more than the 10 decimals OCF numbers hold');
    expect(ocfRuleMessage((caught as OcfError).rule, "fr")).toBe(
      "catégorie « Seed » : 0.12345678901 a plus des 10 décimales que tiennent les nombres OCF",
    );
  });
});
