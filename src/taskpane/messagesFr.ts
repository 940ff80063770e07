/**
 * The stake-sale warnings in French, and `FIELD_LABELS`, the field names the forms' own parse
 * messages use ("valuation must be a number"). The schemas' rule messages are by rule id:
 * src/model/ruleMessages.ts (English) and src/locales/ruleMessagesFr.ts (French).
 */

import { type StakeSaleWarning, stakeSaleWarningText } from "../engine";
import type { Lang } from "./i18n";

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
    shareholderLoans: "prêts d’actionnaires",
    otherClaims: "autres engagements",
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

/** The French words of a stake-sale warning (the English ones are the engine's `stakeSaleWarningText`). */
function frenchWarning(w: StakeSaleWarning): string {
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(w.params)) p[k] = v.replace(".", ",");
  switch (w.id) {
    case "negativeEnterpriseValue":
      return `la valeur d’entreprise est négative (${p.enterpriseValue}) : vérifiez la valorisation et sa base`;
    case "negativeEquity":
      return `la dette nette et les autres ajustements (${p.claims}) dépassent la valeur d’entreprise (${p.enterpriseValue}) : la valeur des fonds propres est négative (${p.equityValue}), et le prix de la participation aussi`;
    case "negativeShareEquity":
      return `les comptes courants (${p.shareholderLoans}) dépassent la valeur des fonds propres (${p.equityValue}) : les actions valent moins que rien (${p.shareEquity}) avec les comptes courants à leur valeur nominale`;
    case "zeroStake":
      return "la participation est de 0 % : rien ne change de mains et aucune valorisation n’en découle";
    case "noPrimaryInvestment":
      return "l’investissement primaire est nul : l’acquéreur ne souscrit aucune action nouvelle (choisissez une cession secondaire, ou saisissez l’investissement)";
  }
}
