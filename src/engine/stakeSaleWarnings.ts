/**
 * Warnings on a stake sale: inputs that are allowed (a legitimate deal can have them) but that
 * usually mean a typing mistake or a deal the conventions price oddly. A warning never stops a
 * model from building; it is shown beside the field (taskpane), in a note near the inputs (model
 * sheet) and on the command line, from the same ids and params, so every reader says the same.
 *
 * Pure: ids and params here, English words in `stakeSaleWarningText`; the taskpane has the French.
 * Inputs that can never make sense (a stake above 100%, a premium of -100% or less, a capacity of
 * 0, a stake larger than the seller holds) are errors, not warnings: see ./rules and the schemas.
 */
import { BridgeInput, bridge } from "./bridge";
import { Decimal } from "./decimal";
import { formatAmount } from "./rules";

export const STAKE_SALE_WARNING_IDS = [
  "negativeEnterpriseValue",
  "negativeEquity",
  "negativeShareEquity",
  "zeroStake",
  "noPrimaryInvestment",
] as const;
export type StakeSaleWarningId = (typeof STAKE_SALE_WARNING_IDS)[number];

/** The input field a warning is shown beside (the model input's field names). */
export type StakeSaleWarningField = "valuation" | "netDebt" | "shareholderLoans" | "stake" | "primaryInvestment";

export interface StakeSaleWarning {
  readonly id: StakeSaleWarningId;
  readonly field: StakeSaleWarningField;
  /** Amounts formatted for messages (plain digits, no grouping), by name. */
  readonly params: Readonly<Record<string, string>>;
}

export interface StakeSaleWarningInput extends BridgeInput {
  readonly stake: Decimal;
  readonly transaction?: "secondary" | "primary" | "both";
  readonly primaryInvestment?: Decimal;
}

/** The warnings of a stake sale's inputs, in a fixed order (empty when nothing looks odd). */
export function stakeSaleWarnings(input: StakeSaleWarningInput): StakeSaleWarning[] {
  const out: StakeSaleWarning[] = [];
  const b = bridge(input);
  const claims = b.netDebt.plus(b.otherClaims);
  if (b.enterpriseValue.isNegative() && !b.enterpriseValue.isZero()) {
    out.push({ id: "negativeEnterpriseValue", field: "valuation", params: { enterpriseValue: formatAmount(b.enterpriseValue) } });
  }
  if (b.equityValue.isNegative() && !b.equityValue.isZero()) {
    // On the EV basis the net debt (with other claims) is what exceeds the EV; on the equity basis the valuation itself is negative.
    out.push({
      id: "negativeEquity",
      field: input.basis === "EV" ? "netDebt" : "valuation",
      params: { equityValue: formatAmount(b.equityValue), enterpriseValue: formatAmount(b.enterpriseValue), claims: formatAmount(claims) },
    });
  } else if (b.shareEquity.isNegative() && !b.shareEquity.isZero()) {
    out.push({
      id: "negativeShareEquity",
      field: "shareholderLoans",
      params: {
        shareEquity: formatAmount(b.shareEquity),
        equityValue: formatAmount(b.equityValue),
        shareholderLoans: formatAmount(b.shareholderLoans),
      },
    });
  }
  if (input.stake.isZero()) out.push({ id: "zeroStake", field: "stake", params: {} });
  if (input.transaction === "both" && input.primaryInvestment !== undefined && input.primaryInvestment.isZero()) {
    out.push({ id: "noPrimaryInvestment", field: "primaryInvestment", params: {} });
  }
  return out;
}

/** The English text of a warning (the model sheet's note, the command line, the English taskpane). */
export function stakeSaleWarningText(w: StakeSaleWarning): string {
  const p = w.params;
  switch (w.id) {
    case "negativeEnterpriseValue":
      return `the enterprise value is negative (${p.enterpriseValue}): check the valuation and its basis`;
    case "negativeEquity":
      return `net debt and other claims (${p.claims}) exceed the enterprise value (${p.enterpriseValue}): the equity value is negative (${p.equityValue}), and so is the price of the stake`;
    case "negativeShareEquity":
      return `shareholder loans (${p.shareholderLoans}) exceed the equity value (${p.equityValue}): the shares are worth less than nothing (${p.shareEquity}) with the loans at face value`;
    case "zeroStake":
      return "the stake is 0%: nothing changes hands and no valuation is implied";
    case "noPrimaryInvestment":
      return "the primary investment is 0: the buyer invests nothing in new shares (choose a secondary sale, or enter the investment)";
  }
}
