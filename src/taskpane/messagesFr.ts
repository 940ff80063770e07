/**
 * The stake-sale warnings in French, and `FIELD_LABELS`, the field names the forms' own parse
 * messages use ("valuation must be a number"). The schemas' rule messages are by rule id:
 * src/model/ruleMessages.ts (English) and src/locales/ruleMessagesFr.ts (French).
 */

import { type StakeSaleWarning, stakeSaleWarningText } from "../engine";
import type { Lang } from "./i18n";
import { sheetText } from "../model/sheetText";

/** Field names in messages, per language (keys of form.FIELD_NAMES). */
export const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    company: "company",
    currency: "currency",
    unit: "unit",
    basis: "basis",
    valuation: "valuation",
    netDebt: "net debt",
    shareholderLoans: "shareholder loans",
    otherClaims: "other claims",
    stake: "stake",
    premium: "premium",
    capacity: "capacity",
    capacityUnit: "capacity unit",
    transaction: "transaction",
    seller: "seller",
    buyer: "buyer",
    primaryInvestment: "primary investment",
    rounding: "rounding",
    formulas: "formulas",
    shares: "shares",
    holder: "holder",
  },
  fr: {
    company: "société",
    currency: "devise",
    unit: "unité",
    basis: "base",
    valuation: "valorisation",
    netDebt: "dette nette",
    shareholderLoans: "comptes courants d’associés",
    otherClaims: "autres ajustements",
    stake: "participation",
    premium: "prime",
    capacity: "capacité",
    capacityUnit: "unité de capacité",
    transaction: "opération",
    seller: "cédant",
    buyer: "acquéreur",
    primaryInvestment: "investissement primaire",
    rounding: "arrondi",
    formulas: "formules",
    shares: "actions",
    holder: "actionnaire",
  },
};

/**
 * An input allowed but that looks wrong (the engine's `stakeSaleWarnings`), as shown beside its
 * field: English in the engine's words (as on the sheet and the command line), French here.
 */
export function stakeSaleWarningMessage(w: StakeSaleWarning, lang: Lang): string {
  return lang === "fr" ? `À vérifier : ${frenchWarning(w)}.` : `Check: ${stakeSaleWarningText(w)}.`;
}

/** The French words of a stake-sale warning: the model sheet's (src/model/sheetText.ts), one French for the sheet and the form. */
function frenchWarning(w: StakeSaleWarning): string {
  return sheetText("fr").stakeSale.warningText(w);
}
