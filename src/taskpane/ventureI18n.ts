/**
 * The venture forms' words (priced round, exit waterfall), in English and French: labels of fields
 * and table columns (keys as in ventureForm.ts: "preMoney", "instruments.cap"), their hints, the
 * labels of choices ("type.POST_SAFE"), and the names messages use. Kept apart from i18n.ts (the
 * stake-sale form and the shell) so each file stays readable; the same rule applies: the French
 * object has every key of the English one (the type says so).
 */
import { CAP_BASIS_FORM_WORDS, COMPOUNDING_WORDS, INSTRUMENT_WORDS, PARTICIPATION_WORDS, POOL_MODE_WORDS, type Vocabulary } from "../engine";
import { MESSAGES, type Lang } from "./i18n";

type Words = Readonly<Record<string, string>>;

const enLabels: Words = {
  company: "Company",
  currency: "Currency",
  unit: "Amounts in",
  preMoney: "Pre-money valuation",
  optionPool: "Option pool row",
  poolMode: "Option pool top-up",
  poolTarget: "Pool target (post-money, fully diluted)",
  poolIncrease: "Shares added to the pool",
  rounding: "Share rounding",
  exitValue: "Exit enterprise value",
  netDebt: "Net debt at exit",
  transactionCosts: "Transaction costs",
  otherClaims: "Other claims",
  exitValues: "Exit values of the sensitivity",
  "capTable.holder": "Holder",
  "capTable.shares": "Shares",
  "investors.name": "Investor",
  "investors.amount": "Investment",
  "instruments.holder": "Holder",
  "instruments.type": "Type",
  "instruments.amount": "Amount (principal)",
  "instruments.cap": "Valuation cap",
  "instruments.discount": "Discount",
  "instruments.mfn": "MFN (most favoured nation)",
  "instruments.rate": "Interest rate (yearly)",
  "instruments.startDate": "Interest from",
  "instruments.conversionDate": "Converts on",
  "instruments.dayCount": "Day count",
  "instruments.compounding": "Compounding",
  "instruments.capBasis": "Cap basis (what the cap is divided by)",
  "classes.name": "Class",
  "classes.shares": "Shares",
  "classes.invested": "Invested",
  "classes.preference": "Preference",
  "classes.seniority": "Seniority",
  "classes.participation": "Participation",
  "classes.cap": "Participation cap",
  "classes.conversionRatio": "Conversion ratio",
  "classes.strike": "Strike (options, warrants)",
  "holdings.holder": "Holder",
  "holdings.className": "Class",
  "holdings.shares": "Shares",
  "holdings.invested": "Invested (cost)",
};

const frLabels: Words = {
  company: "Société",
  currency: "Devise",
  unit: "Montants en",
  preMoney: "Valorisation pré-money",
  optionPool: "Ligne du pool d’options",
  poolMode: "Complément du pool d’options",
  poolTarget: "Pool cible (post-money, entièrement dilué)",
  poolIncrease: "Actions ajoutées au pool",
  rounding: "Arrondi des actions",
  exitValue: "Valeur d’entreprise de sortie",
  netDebt: "Dette nette à la sortie",
  transactionCosts: "Frais de transaction",
  otherClaims: "Autres engagements",
  exitValues: "Valeurs de sortie de la sensibilité",
  "capTable.holder": "Actionnaire",
  "capTable.shares": "Actions",
  "investors.name": "Investisseur",
  "investors.amount": "Investissement",
  "instruments.holder": "Porteur",
  "instruments.type": "Type",
  "instruments.amount": "Montant (principal)",
  "instruments.cap": "Plafond de valorisation",
  "instruments.discount": "Décote",
  "instruments.mfn": "MFN (clause de la nation la plus favorisée)",
  "instruments.rate": "Taux d’intérêt (annuel)",
  "instruments.startDate": "Intérêts depuis le",
  "instruments.conversionDate": "Conversion le",
  "instruments.dayCount": "Base de calcul",
  "instruments.compounding": "Capitalisation",
  "instruments.capBasis": "Base du plafond (diviseur du plafond)",
  "classes.name": "Catégorie",
  "classes.shares": "Actions",
  "classes.invested": "Montant investi",
  "classes.preference": "Préférence",
  "classes.seniority": "Rang",
  "classes.participation": "Participation",
  "classes.cap": "Plafond de participation",
  "classes.conversionRatio": "Ratio de conversion",
  "classes.strike": "Prix d’exercice (options, BSA)",
  "holdings.holder": "Porteur",
  "holdings.className": "Catégorie",
  "holdings.shares": "Actions",
  "holdings.invested": "Investi (coût)",
};

const enHints: Words = {
  currency: "Three-letter code, e.g. USD",
  preMoney: "Includes the pool top-up and the converting SAFEs and notes",
  optionPool: "The cap-table row that is the unissued option pool",
  poolTarget: "Unissued pool after the round, e.g. 10",
  poolIncrease: "A fixed number of new pool shares",
  exitValues: "One per line (or separated by ;). Each gives a row of the sensitivity table and a column of the chart.",
  netDebt: "Repaid before the shareholders; empty = 0",
  transactionCosts: "Empty = 0",
  otherClaims: "Ahead of the shareholders; empty = 0",
  "instruments.cap": "Post-money for a post-money SAFE, pre-money otherwise; empty = none",
  "instruments.discount": "On the round price, e.g. 20; empty = none",
  "instruments.rate": "Empty when the amount already includes the interest",
  "classes.preference": "Multiple of invested capital (1 = 1x); 0 for common",
  "classes.seniority": "1 is paid first; equal ranks are pari passu",
  "classes.cap": "Total return cap, multiple of invested capital",
  "classes.strike": "Per share; empty for shares",
};

const frHints: Words = {
  currency: "Code à trois lettres, par ex. USD",
  preMoney: "Inclut le complément du pool et les BSA-AIR et obligations convertibles qui se convertissent",
  optionPool: "La ligne de la table qui est le pool d’options non attribuées",
  poolTarget: "Pool non attribué après le tour, par ex. 10",
  poolIncrease: "Un nombre fixe d’actions nouvelles du pool",
  exitValues: "Une par ligne (ou séparées par ;). Chacune donne une ligne de la sensibilité et une colonne du graphique.",
  netDebt: "Remboursée avant les actionnaires ; vide = 0",
  transactionCosts: "Vide = 0",
  otherClaims: "Avant les actionnaires ; vide = 0",
  "instruments.cap": "Post-money pour un SAFE post-money, pré-money sinon ; vide = aucun",
  "instruments.discount": "Sur le prix du tour, par ex. 20 ; vide = aucune",
  "instruments.rate": "Vide si le montant inclut déjà les intérêts",
  "classes.preference": "Multiple du montant investi (1 = 1x) ; 0 pour les ordinaires",
  "classes.seniority": "1 est payé en premier ; rangs égaux = pari passu",
  "classes.cap": "Plafond du rendement total, multiple du montant investi",
  "classes.strike": "Par action ; vide pour des actions",
};

/** The choices' labels ("participation.FULL"), from the one vocabulary (src/engine/vocabulary.ts): the words shown are words every reader accepts. */
const CHOICES: Readonly<Record<string, Vocabulary<string>>> = {
  poolMode: POOL_MODE_WORDS,
  type: INSTRUMENT_WORDS,
  participation: PARTICIPATION_WORDS,
  compounding: COMPOUNDING_WORDS,
  capBasis: CAP_BASIS_FORM_WORDS,
} as unknown as Readonly<Record<string, Vocabulary<string>>>;

function optionLabels(lang: Lang): Words {
  const out: Record<string, string> = {};
  for (const [key, words] of Object.entries(CHOICES)) for (const v of words.values) out[`${key}.${v}`] = words.labels[v][lang];
  return out;
}

const enOptions: Words = optionLabels("en");
const frOptions: Words = optionLabels("fr");

const en = {
  labels: enLabels,
  hints: enHints,
  options: enOptions,
  kindLabel: "Model type",
  kind_stakeSale: "Stake sale (EV to equity)",
  kind_pricedRound: "Priced round (SAFEs, notes, option pool)",
  kind_exitWaterfall: "Exit waterfall",
  subtitle_stakeSale: "Stake sale model",
  subtitle_pricedRound: "Priced round model",
  subtitle_exitWaterfall: "Exit waterfall model",
  loadExample_pricedRound: "Load the YC SAFE example",
  loadExample_exitWaterfall: "Load an example exit",
  exampleLoaded_pricedRound:
    "YC Post-Money Safe User Guide, Example 1 loaded: two SAFEs convert in a $5M Series A at a $15M pre-money with 1,695,000 new pool shares.",
  exampleLoaded_exitWaterfall:
    "Example exit loaded: a Series B senior to a Series A and Seed (pari passu), common and options, with illustrative holders. Replace them with your classes.",
  section_company: "Company",
  section_round: "Round",
  section_capTable: "Cap table before the round (fully diluted, with the unissued pool)",
  section_investors: "New money",
  section_instruments: "SAFEs and convertible notes",
  section_exit: "Exit",
  section_classes: "Share classes",
  section_holdings: "Who holds the classes (optional: adds the payout per holder; with what each paid, its multiple)",
  add_holdings: "Add holding",
  instrumentsEmpty: "No SAFE or note converts in this round.",
  spreadExitValues: "Spread around the exit value (0.25x to 3x)",
  rowTitle_instruments: (n: number) => `Instrument ${n}`,
  rowTitle_classes: (n: number) => `Class ${n}`,
  add_capTable: "Add holder",
  add_investors: "Add investor",
  add_instruments: "Add a SAFE or note",
  add_classes: "Add class",
  remove: (n: number) => `Remove row ${n}`,
  cell: (label: string, n: number) => `${label}, row ${n}`,
  pasteRows: "Paste rows",
  pasteSelection: "Paste from selection",
  pasteRowsLabel: (columns: string) => `Rows to paste, columns separated by a tab: ${columns}`,
  pasteApply: "Replace the rows",
  pasteDone: (n: number) => `${n} row${n === 1 ? "" : "s"} pasted.`,
  pasteNothing: "Nothing to paste: the block has no line below its header.",
  pasteRejected: (lines: number) =>
    `Nothing was pasted: ${lines} line${lines === 1 ? "" : "s"} could not be read, and the table is unchanged. Correct ${lines === 1 ? "it" : "them"} and paste again.`,
  pasteHeaderSkipped: (line: number) => `Line ${line} was read as a header and skipped.`,
  pasteLine: (line: number, column: string | undefined, reason: string) => `Line ${line}${column === undefined ? "" : `, ${column}`}: ${reason}`,
  pasteRequired: "empty; a name is required",
  pasteNotANumber: (text: string) => `"${text}" is not a number`,
  pasteNotAPercent: (text: string) => `"${text}" is not a percentage`,
  pasteUnknownWord: (text: string, accepted: string) => `"${text}" is not one of ${accepted}`,
  pasteTooMany: (max: number) => `beyond the table's limit of ${max} rows`,
  unknownWord: (field: string, text: string, accepted: readonly string[]) => `${field}: "${text}" is not one of ${accepted.join(", ")}`,
  pasteFailed: (reason: string) => `The selection could not be read: ${reason}`,
  listNotANumber: (field: string, text: string) => `${field}: "${text}" is not a number (one value per line, or separated by ;)`,
};

export type VentureText = typeof en & {
  required: (field: string) => string;
  notANumber: (field: string, text: string) => string;
  notAPercent: (field: string, text: string) => string;
  /** The name of a field or column in a message ("pre-money valuation"). */
  fieldName: (key: string) => string;
};

const fr: typeof en = {
  labels: frLabels,
  hints: frHints,
  options: frOptions,
  kindLabel: "Type de modèle",
  kind_stakeSale: "Cession de participation (VE vers capitaux propres)",
  kind_pricedRound: "Tour de financement (SAFE, convertibles, pool d’options)",
  kind_exitWaterfall: "Répartition du prix de sortie (waterfall)",
  subtitle_stakeSale: "Modèle de cession de participation",
  subtitle_pricedRound: "Modèle de tour de financement",
  subtitle_exitWaterfall: "Modèle de répartition à la sortie",
  loadExample_pricedRound: "Charger l’exemple SAFE de YC",
  loadExample_exitWaterfall: "Charger un exemple de sortie",
  exampleLoaded_pricedRound:
    "Exemple 1 du guide YC des SAFE post-money chargé : deux SAFE se convertissent dans une série A de 5 M$ sur 15 M$ pré-money, avec 1 695 000 actions nouvelles au pool.",
  exampleLoaded_exitWaterfall:
    "Exemple de sortie chargé : une série B prioritaire sur une série A et un Seed (pari passu), des ordinaires et des options, avec des porteurs fictifs. Remplacez-les par vos catégories.",
  section_company: "Société",
  section_round: "Tour",
  section_capTable: "Table de capitalisation avant le tour (entièrement diluée, pool non attribué compris)",
  section_investors: "Argent frais",
  section_instruments: "SAFE et obligations convertibles",
  section_exit: "Sortie",
  section_classes: "Catégories d’actions",
  section_holdings: "Qui détient les catégories (facultatif : ajoute la répartition par porteur ; avec ce que chacun a payé, son multiple)",
  add_holdings: "Ajouter une détention",
  instrumentsEmpty: "Aucun SAFE ni obligation convertible ne se convertit dans ce tour.",
  spreadExitValues: "Répartir autour de la valeur de sortie (0,25x à 3x)",
  rowTitle_instruments: (n: number) => `Instrument ${n}`,
  rowTitle_classes: (n: number) => `Catégorie ${n}`,
  add_capTable: "Ajouter un actionnaire",
  add_investors: "Ajouter un investisseur",
  add_instruments: "Ajouter un SAFE ou une obligation",
  add_classes: "Ajouter une catégorie",
  remove: (n: number) => `Supprimer la ligne ${n}`,
  cell: (label: string, n: number) => `${label}, ligne ${n}`,
  pasteRows: "Coller des lignes",
  pasteSelection: "Coller depuis la sélection",
  pasteRowsLabel: (columns: string) => `Lignes à coller, colonnes séparées par une tabulation : ${columns}`,
  pasteApply: "Remplacer les lignes",
  pasteDone: (n: number) => `${n} ligne${n === 1 ? "" : "s"} collée${n === 1 ? "" : "s"}.`,
  pasteNothing: "Rien à coller : le bloc n’a aucune ligne sous son en-tête.",
  pasteRejected: (lines: number) =>
    `Rien n’a été collé : ${lines} ligne${lines === 1 ? " n’a" : "s n’ont"} pas pu être lue${lines === 1 ? "" : "s"}, et la table est inchangée. Corrigez-${lines === 1 ? "la" : "les"} et collez à nouveau.`,
  pasteHeaderSkipped: (line: number) => `La ligne ${line} a été lue comme un en-tête et ignorée.`,
  pasteLine: (line: number, column: string | undefined, reason: string) => `Ligne ${line}${column === undefined ? "" : `, ${column}`} : ${reason}`,
  pasteRequired: "vide ; un nom est obligatoire",
  pasteNotANumber: (text: string) => `« ${text} » n’est pas un nombre`,
  pasteNotAPercent: (text: string) => `« ${text} » n’est pas un pourcentage`,
  pasteUnknownWord: (text: string, accepted: string) => `« ${text} » n’est pas l’une des valeurs ${accepted}`,
  pasteTooMany: (max: number) => `au-delà de la limite de ${max} lignes de la table`,
  unknownWord: (field: string, text: string, accepted: readonly string[]) =>
    `${field} : « ${text} » n’est pas l’une des valeurs ${accepted.join(", ")}`,
  pasteFailed: (reason: string) => `La sélection n’a pas pu être lue : ${reason}`,
  listNotANumber: (field: string, text: string) => `${field} : « ${text} » n’est pas un nombre (une valeur par ligne, ou séparées par ;)`,
};

function withMessages(lang: Lang, words: typeof en): VentureText {
  const m = MESSAGES[lang];
  return {
    ...words,
    required: m.required,
    notANumber: m.notANumber,
    notAPercent: m.notAPercent,
    // Messages name a field by its label, as the user sees it: "Pre-money valuation is required".
    fieldName: (key) => words.labels[key] ?? key,
  };
}

const TEXTS: Readonly<Record<Lang, VentureText>> = { en: withMessages("en", en), fr: withMessages("fr", fr) };

/** The venture forms' words in a language. */
export function ventureText(lang: Lang): VentureText {
  return TEXTS[lang];
}

/** Every key of the English words, for the test that the French has them all. */
export const VENTURE_TEXT_KEYS = { labels: Object.keys(enLabels), hints: Object.keys(enHints), options: Object.keys(enOptions) };
export const VENTURE_WORDS = { en, fr };
