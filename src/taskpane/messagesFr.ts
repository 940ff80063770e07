/**
 * The schema's rule messages in French (English -> French after the fact) and the stake-sale warnings in
 * French. Moved here unchanged from i18n.ts so the taskpane dictionary (i18n.ts) and the message
 * catalogue can change apart; `FIELD_LABELS` are the field names these messages use.
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

/** French names of the fields as the schema's messages name them (English name -> French), the venture models' too. */
const FR_FIELD_BY_EN: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(FIELD_LABELS.en).map(([key, en]) => [en, FIELD_LABELS.fr[key]])),
  "cap table": "table de capitalisation",
  "pre-money": "valorisation pré-money",
  "option pool": "pool d’options",
  "pool target": "pool cible",
  "pool increase": "complément du pool",
  "investor name": "nom de l’investisseur",
  "investor amount": "investissement",
  "instrument holder": "porteur de l’instrument",
  "instrument amount": "montant de l’instrument",
  "instrument cap": "plafond de valorisation",
  "instrument discount": "décote",
  "interest rate": "taux d’intérêt",
  "interest start date": "date de début des intérêts",
  "interest conversion date": "date de conversion",
  "interest day count": "base de calcul des intérêts",
  "interest compounding": "capitalisation des intérêts",
  "instrument type": "type d’instrument",
  "instrument cap basis": "base du plafond de l’instrument",
  "instrument mfn": "clause NPF de l’instrument",
  participation: "participation",
  class: "catégorie",
  invested: "montant investi",
  preference: "préférence",
  seniority: "rang",
  cap: "plafond",
  "conversion ratio": "ratio de conversion",
  strike: "prix d’exercice",
  "transaction costs": "frais de transaction",
  "exit value": "valeur de sortie",
  "exit values": "valeurs de sortie",
};

/** Any field name above, longest first so that "exit values" is not read as "exit value" + "s". */
const FIELD_PATTERN = `(${Object.keys(FR_FIELD_BY_EN)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"))
  .join("|")})`;

/** The schema's rule messages (src/model/stakeSaleInput.ts) in French; a message not listed stays in English. */
const FR_RULES: readonly [RegExp, (m: RegExpExecArray, f: (en: string) => string) => string][] = [
  [new RegExp(`^${FIELD_PATTERN} is required$`), (m, f) => `${cap(f(m[1]))} est obligatoire`],
  [new RegExp(`^${FIELD_PATTERN} must be a text$`), (m, f) => `${cap(f(m[1]))} doit être un texte`],
  [new RegExp(`^${FIELD_PATTERN} must be at most (\\d+) characters$`), (m, f) => `${cap(f(m[1]))} doit faire au plus ${m[2]} caractères`],
  [new RegExp(`^${FIELD_PATTERN} must be a (?:finite )?number$`), (m, f) => `${cap(f(m[1]))} doit être un nombre`],
  [new RegExp(`^${FIELD_PATTERN} must be at most 1e15 in size$`), (m, f) => `${cap(f(m[1]))} doit être au plus 1e15 en valeur absolue`],
  [new RegExp(`^${FIELD_PATTERN} must not be negative$`), (m, f) => `${cap(f(m[1]))} ne doit pas être négatif`],
  [/^currency must be a three-letter code such as (EUR|USD)$/, (m) => `La devise doit être un code à trois lettres comme ${m[1]}`],
  [/^stake must be between 0% and 100%, got (.+)%$/, (m) => `La participation doit être comprise entre 0 % et 100 %, reçu ${frNumber(m[1])} %`],
  [/^premium must be greater than -100%$/, () => "La prime doit être supérieure à -100 %"],
  [/^capacity must be greater than 0$/, () => "La capacité doit être supérieure à 0"],
  [/^cap table must list at least one holder$/, () => "La table de capitalisation doit compter au moins un actionnaire"],
  [/^cap table must have at most (\d+) holders$/, (m) => `La table de capitalisation doit compter au plus ${m[1]} actionnaires`],
  [/^cap table must have some shares$/, () => "La table de capitalisation doit compter des actions"],
  [/^holder "(.*)" appears more than once$/s, (m) => `L’actionnaire « ${m[1]} » apparaît plusieurs fois`],
  [/^seller "(.*)" must be one of the holders$/s, (m) => `Le cédant « ${m[1]} » doit être l’un des actionnaires`],
  [/^buyer must differ from the seller$/, () => "L’acquéreur doit être différent du cédant"],
  [/^stake after a primary issue must be below 100%$/, () => "La participation après une augmentation de capital doit être inférieure à 100 %"],
  [
    /^primary investment applies only when transaction is "both" \(a (primary issue is sized by the stake|secondary sale invests nothing)\): set it to 0 or choose "both"$/,
    (m) =>
      `L’investissement primaire ne s’applique qu’à l’opération « Les deux » (cession et augmentation de capital) : ${m[1].startsWith("primary") ? "une augmentation de capital est dimensionnée par la participation" : "une cession secondaire n’investit rien"} ; mettez-le à 0 ou choisissez « Les deux »`,
  ],
  [
    /^stake of (.+)% is (\S+) shares but seller "(.*)" holds (\S+)$/s,
    (m) =>
      `Une participation de ${frNumber(m[1])} % représente ${frNumber(m[2])} actions, mais le cédant « ${m[3]} » n’en détient que ${frNumber(m[4])}`,
  ],
  // The venture models (src/model/pricedRoundInput.ts, exitWaterfallInput.ts).
  [/^pool target must be at least 0% and below 100%$/, () => "Le pool cible doit être d’au moins 0 % et inférieur à 100 %"],
  [/^instrument discount must be at least 0% and below 100%$/, () => "La décote doit être d’au moins 0 % et inférieure à 100 %"],
  [/^interest rate must be at most 1000%$/, () => "Le taux d’intérêt doit être d’au plus 1000 %"],
  [
    /^option pool "(.*)" must be one of the holders \("(.*)" looks like the pool\)$/s,
    (m) => `Le pool d’options « ${m[1]} » doit être l’un des actionnaires (« ${m[2]} » ressemble au pool)`,
  ],
  [/^option pool "(.*)" must be one of the holders$/s, (m) => `Le pool d’options « ${m[1]} » doit être l’un des actionnaires`],
  [/^investors must list at least one investor$/, () => "Indiquez au moins un investisseur"],
  [/^investor "(.*)" appears more than once$/s, (m) => `L’investisseur « ${m[1]} » apparaît plusieurs fois`],
  [
    /^interest (start|conversion) date must be a date YYYY-MM-DD$/,
    (m) => `La date ${m[1] === "start" ? "de début des intérêts" : "de conversion"} doit être une date AAAA-MM-JJ`,
  ],
  [
    /^interest (start|conversion) date must be a real date from 1900-03-01 on$/,
    (m) => `La date ${m[1] === "start" ? "de début des intérêts" : "de conversion"} doit être une date réelle, à partir du 1900-03-01`,
  ],
  [/^interest conversion date must not be before the start date$/, () => "La date de conversion ne doit pas précéder la date de début des intérêts"],
  [/^classes must list at least one share class$/, () => "Indiquez au moins une catégorie d’actions"],
  [/^classes must hold some shares$/, () => "Les catégories doivent compter des actions"],
  [/^class "(.*)" appears more than once$/s, (m) => `La catégorie « ${m[1]} » apparaît plusieurs fois`],
  [/^exit values must list at least (\d+) values$/, (m) => `Indiquez au moins ${m[1]} valeurs de sortie`],
  [/^exit values must list at most (\d+) values$/, (m) => `Indiquez au plus ${m[1]} valeurs de sortie`],
  [/^seniority must be a whole number from 1 \(most senior\)$/, () => "Le rang doit être un nombre entier à partir de 1 (le plus prioritaire)"],
  [
    /^cap of class "(.*)" is required: it is capped participating$/s,
    (m) => `Le plafond de la catégorie « ${m[1]} » est obligatoire : elle est participante plafonnée`,
  ],
  [
    /^cap of class "(.*)" must be at least its preference multiple \((.*)x\)$/s,
    (m) => `Le plafond de la catégorie « ${m[1]} » doit être au moins son multiple de préférence (${frNumber(m[2])}x)`,
  ],
  [
    /^preference of class "(.*)" must be 0: it has a strike/s,
    (m) => `La préférence de la catégorie « ${m[1]} » doit être 0 : elle a un prix d’exercice (options et BSA n’ont pas de préférence)`,
  ],
  [
    /^holdings row (\d+) \("(.*)"\) names a class that is not in the classes table: "(.*)"$/s,
    (m) => `Détention ligne ${m[1]} (« ${m[2]} ») : la catégorie « ${m[3]} » n’est pas dans la table des catégories`,
  ],
  [
    /^holdings row (\d+): "(.*)" already holds class "(.*)" in row (\d+) \(one row per holder and class\)$/s,
    (m) => `Détention ligne ${m[1]} : « ${m[2]} » détient déjà la catégorie « ${m[3]} » ligne ${m[4]} (une ligne par porteur et catégorie)`,
  ],
  [
    /^valuation leaves nothing for the shares/,
    () => "La valorisation ne laisse rien aux actions : l’émission exige des capitaux propres × (1 + prime) supérieurs aux prêts d’actionnaires",
  ],
  // A list argument that is not a list (a template edited by hand).
  [/^cap table must be a list of holders$/, () => "La table de capitalisation doit être une liste d’actionnaires"],
  [/^investors must be a list$/, () => "Les investisseurs doivent être une liste"],
  [/^instruments must be a list$/, () => "Les instruments doivent être une liste"],
  [/^classes must be a list of share classes$/, () => "Les catégories doivent être une liste de catégories d’actions"],
  [/^exit values must be a list of numbers$/, () => "Les valeurs de sortie doivent être une liste de nombres"],
  [
    /^holdings must be a list of holdings \(holder, class, shares\)$/,
    () => "La détention doit être une liste de lignes (porteur, catégorie, actions)",
  ],
  // A choice or a yes-or-no (src/model/fields.ts `choice`, `flag`): the canonical words, which every reader accepts in French too.
  [
    new RegExp(`^${FIELD_PATTERN} must be ((?:"[^"]*", )*"[^"]*") or ("[^"]*")$`),
    (m, f) =>
      `${cap(f(m[1]))} doit être ${[...m[2].matchAll(/"([^"]*)"/g), ...m[3].matchAll(/"([^"]*)"/g)]
        .map((w) => `« ${w[1]} »`)
        .join(", ")
        .replace(/, (« [^«]* »)$/, " ou $1")}`,
  ],
  [new RegExp(`^${FIELD_PATTERN} must be true or false$`), (m, f) => `${cap(f(m[1]))} doit être vrai ou faux`],
  // After the specific rules above (e.g. capacity's, worded with its article).
  [new RegExp(`^${FIELD_PATTERN} must be greater than 0$`), (m, f) => `${cap(f(m[1]))} doit être supérieur à 0`],
];

function cap(text: string): string {
  const s = String(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function frNumber(text: string): string {
  return text.replace(".", ",");
}

/** A rule message from the model's schema in the UI language (English messages are the schema's own). */
export function translateRule(message: string, lang: Lang): string {
  if (lang === "en") return message;
  const f = (en: string) => FR_FIELD_BY_EN[en] ?? en;
  for (const [pattern, render] of FR_RULES) {
    const m = pattern.exec(message);
    if (m !== null) return render(m, f);
  }
  return message;
}

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
