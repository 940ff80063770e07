/** A small, consistent OCF 1.2.0 package written by hand for the import tests: a company from founding to a seed round. */
import { createHash } from "node:crypto";
import type { OcfFile } from "../../src/ocf/read";

export const md5 = (bytes: Uint8Array): string => createHash("md5").update(bytes).digest("hex");

const money = (amount: string) => ({ amount, currency: "EUR" });
const issuance = (id: string, date: string, holder: string, cls: string, quantity: string, price: string) => ({
  object_type: "TX_STOCK_ISSUANCE",
  id,
  security_id: id,
  date,
  stakeholder_id: holder,
  stock_class_id: cls,
  custom_id: id,
  quantity,
  share_price: money(price),
  security_law_exemptions: [],
  stock_legend_ids: [],
});

export function companyFiles(transactions: Record<string, unknown>[] = companyTransactions(), version = "1.2.0"): Record<string, unknown> {
  return {
    "Stakeholders.ocf.json": {
      file_type: "OCF_STAKEHOLDERS_FILE",
      items: [
        { object_type: "STAKEHOLDER", id: "ana", name: { legal_name: "Ana Founder" }, stakeholder_type: "INDIVIDUAL" },
        { object_type: "STAKEHOLDER", id: "ben", name: { legal_name: "Ben Founder" }, stakeholder_type: "INDIVIDUAL" },
        { object_type: "STAKEHOLDER", id: "eve", name: { legal_name: "Eve Engineer" }, stakeholder_type: "INDIVIDUAL" },
        { object_type: "STAKEHOLDER", id: "fund", name: { legal_name: "Seed Fund I" }, stakeholder_type: "INSTITUTION" },
      ],
    },
    "StockClasses.ocf.json": {
      file_type: "OCF_STOCK_CLASSES_FILE",
      items: [
        {
          object_type: "STOCK_CLASS",
          id: "common",
          name: "Common",
          class_type: "COMMON",
          default_id_prefix: "CS-",
          initial_shares_authorized: "20000000",
          votes_per_share: "1",
          seniority: "1",
        },
        {
          object_type: "STOCK_CLASS",
          id: "seed",
          name: "Seed Preferred",
          class_type: "PREFERRED",
          default_id_prefix: "PS-",
          initial_shares_authorized: "5000000",
          votes_per_share: "1",
          seniority: "2",
          price_per_share: money("1.25"),
          liquidation_preference_multiple: "1",
          conversion_rights: [
            {
              conversion_mechanism: {
                type: "RATIO_CONVERSION",
                ratio: { numerator: "1", denominator: "1" },
                conversion_price: money("1.25"),
                rounding_type: "NORMAL",
              },
              converts_to_stock_class_id: "common",
            },
          ],
        },
      ],
    },
    "StockPlans.ocf.json": {
      file_type: "OCF_STOCK_PLANS_FILE",
      items: [
        {
          object_type: "STOCK_PLAN",
          id: "esop",
          plan_name: "2023 Plan",
          initial_shares_reserved: "1000000",
          default_cancellation_behavior: "RETURN_TO_POOL",
          stock_class_ids: ["common"],
        },
      ],
    },
    "VestingTerms.ocf.json": {
      file_type: "OCF_VESTING_TERMS_FILE",
      items: [
        {
          object_type: "VESTING_TERMS",
          id: "4y1y",
          name: "4 years, 1-year cliff",
          description: "25% at one year, then 1/48 monthly",
          allocation_type: "CUMULATIVE_ROUNDING",
          vesting_conditions: [
            { id: "start", quantity: "0", trigger: { type: "VESTING_START_DATE" }, next_condition_ids: ["cliff"] },
            {
              id: "cliff",
              portion: { numerator: "12", denominator: "48" },
              trigger: {
                type: "VESTING_SCHEDULE_RELATIVE",
                period: { length: 12, type: "MONTHS", occurrences: 1, day_of_month: "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" },
                relative_to_condition_id: "start",
              },
              next_condition_ids: ["monthly"],
            },
            {
              id: "monthly",
              portion: { numerator: "1", denominator: "48" },
              trigger: {
                type: "VESTING_SCHEDULE_RELATIVE",
                period: { length: 1, type: "MONTHS", occurrences: 36, day_of_month: "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" },
                relative_to_condition_id: "cliff",
              },
              next_condition_ids: [],
            },
          ],
        },
      ],
    },
    "Transactions.ocf.json": { file_type: "OCF_TRANSACTIONS_FILE", items: transactions },
    "Valuations.ocf.json": { file_type: "OCF_VALUATIONS_FILE", items: [] },
    "StockLegends.ocf.json": { file_type: "OCF_STOCK_LEGEND_TEMPLATES_FILE", items: [] },
    "Manifest.ocf.json": {
      ocf_version: version,
      file_type: "OCF_MANIFEST_FILE",
      issuer: { object_type: "ISSUER", id: "issuer", legal_name: "Example SAS", formation_date: "2023-01-02", country_of_formation: "FR" },
      as_of: "2025-06-30",
      generated_at: "2025-06-30T12:00:00Z",
      stock_plans_files: [{ filepath: "./StockPlans.ocf.json", md5: "" }],
      stock_legend_templates_files: [{ filepath: "./StockLegends.ocf.json", md5: "" }],
      stock_classes_files: [{ filepath: "./StockClasses.ocf.json", md5: "" }],
      vesting_terms_files: [{ filepath: "./VestingTerms.ocf.json", md5: "" }],
      valuations_files: [{ filepath: "./Valuations.ocf.json", md5: "" }],
      transactions_files: [{ filepath: "./Transactions.ocf.json", md5: "" }],
      stakeholders_files: [{ filepath: "./Stakeholders.ocf.json", md5: "" }],
    },
  };
}

export function companyTransactions(): Record<string, unknown>[] {
  return [
    issuance("CS-1", "2023-01-02", "ana", "common", "6000000", "0.0001"),
    issuance("CS-2", "2023-01-02", "ben", "common", "4000000", "0.0001"),
    {
      object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
      id: "OPT-1",
      security_id: "OPT-1",
      date: "2023-03-15",
      stakeholder_id: "eve",
      custom_id: "O-1",
      compensation_type: "OPTION_ISO",
      quantity: "480000",
      exercise_price: money("0.10"),
      stock_plan_id: "esop",
      vesting_terms_id: "4y1y",
      expiration_date: "2033-03-15",
      termination_exercise_windows: [],
      security_law_exemptions: [],
    },
    { object_type: "TX_VESTING_START", id: "OPT-1-start", security_id: "OPT-1", vesting_condition_id: "start", date: "2023-03-01" },
    issuance("PS-1", "2024-06-30", "fund", "seed", "2000000", "1.25"),
    { object_type: "TX_STOCK_ACCEPTANCE", id: "PS-1-accept", security_id: "PS-1", date: "2024-07-01" },
    // Ben sells 500,000 common to the fund; his remaining 3,500,000 go on CS-4.
    {
      object_type: "TX_STOCK_TRANSFER",
      id: "T-1",
      security_id: "CS-2",
      date: "2024-09-01",
      quantity: "500000",
      resulting_security_ids: ["CS-3"],
      balance_security_id: "CS-4",
    },
    issuance("CS-3", "2024-09-01", "fund", "common", "500000", "1.00"),
    issuance("CS-4", "2024-09-01", "ben", "common", "3500000", "0.0001"),
  ];
}

/** The package's files as bytes, with correct md5s in the manifest unless `staleMd5`. */
export function companyPackage(files = companyFiles(), staleMd5 = false): OcfFile[] {
  const encoded = new Map(Object.entries(files).map(([path, body]) => [path, new TextEncoder().encode(JSON.stringify(body))]));
  const manifest = files["Manifest.ocf.json"] as Record<string, unknown>;
  for (const [key, refs] of Object.entries(manifest)) {
    if (!key.endsWith("_files")) continue;
    for (const ref of refs as { filepath: string; md5: string }[]) {
      const bytes = encoded.get(ref.filepath.replace(/^\.\//, ""));
      ref.md5 = bytes === undefined || staleMd5 ? "0".repeat(32) : md5(bytes);
    }
  }
  encoded.set("Manifest.ocf.json", new TextEncoder().encode(JSON.stringify(manifest)));
  return [...encoded].map(([path, bytes]) => ({ path, bytes }));
}
