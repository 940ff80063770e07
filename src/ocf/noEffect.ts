/**
 * The Open Cap Format objects read without effect on holdings, and why, in English: one list for the
 * reader's report (read.ts) and the English taskpane (i18n.ts). Small and separate so the taskpane's
 * first load does not carry the reader, which it loads only when a package is picked.
 */
export const NO_EFFECT_TYPES = [
  "TX_STOCK_ACCEPTANCE",
  "TX_EQUITY_COMPENSATION_ACCEPTANCE",
  "TX_WARRANT_ACCEPTANCE",
  "TX_CONVERTIBLE_ACCEPTANCE",
  "TX_VESTING_EVENT",
  "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
  "STOCK_LEGEND_TEMPLATE",
  "VALUATION",
  "FINANCING",
  "DOCUMENT",
  "TX_VESTING_START",
] as const;
export type NoEffectType = (typeof NO_EFFECT_TYPES)[number];

/** Why each is read without effect on holdings. */
export const NO_EFFECT_REASONS: Readonly<Record<NoEffectType, string>> = {
  TX_STOCK_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
  TX_EQUITY_COMPENSATION_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
  TX_WARRANT_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
  TX_CONVERTIBLE_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
  TX_VESTING_EVENT: "an event-triggered vesting condition was met; vested quantities come from the schedule and accelerations",
  TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: "the issuer's authorized shares do not change holdings",
  STOCK_LEGEND_TEMPLATE: "legends are document text",
  VALUATION: "a 409A valuation is a fair-market value, not a transaction",
  FINANCING: "a financing groups issuances; the issuances themselves are read",
  DOCUMENT: "documents are not cap-table data",
  TX_VESTING_START: "a vesting start dates the grant's schedule (read into its vesting)",
};
