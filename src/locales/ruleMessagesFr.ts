/**
 * The model schemas' rules in French: one message per rule id of the catalogue
 * (src/model/ruleMessages.ts), made from the issue's parameters. `RuleMessages` makes the compiler
 * refuse a missing id; nothing here reads the English text, so a reworded English rule changes
 * nothing here and an added rule does not compile until it has its French.
 */
import { type EngineRuleRef } from "../engine";
import { engineRuleText } from "../engine/messages";
import {
  type FieldName,
  type JsonDocument,
  type ListName,
  type RuleMessages,
  RULES_EN,
  issueRule,
  percentText,
  ruleText,
} from "../model/ruleMessages";
import { ENGINE_RULES_FR } from "./engineMessagesFr";
import { groupedNumberText } from "./numberText";
import type { SheetNameRule } from "../workbook/sheetName";

/** The JSON documents read before a schema, as the subject of a French sentence. */
const WHAT_FR: Readonly<Record<JsonDocument, string>> = { template: "Le modèle", "stored template": "Le modèle enregistré" };

/** The fields' names in French messages. */
export const FIELD_NAMES_FR: Readonly<Record<FieldName, string>> = {
  company: "société",
  currency: "devise",
  unit: "unité",
  basis: "base",
  valuation: "valorisation",
  "net debt": "dette nette",
  "shareholder loans": "comptes courants d’associés",
  "other claims": "autres ajustements",
  stake: "participation",
  premium: "prime",
  capacity: "capacité",
  "capacity unit": "unité de capacité",
  transaction: "opération",
  seller: "cédant",
  buyer: "acquéreur",
  "primary investment": "investissement primaire",
  rounding: "arrondi",
  formulas: "formules",
  shares: "actions",
  holder: "actionnaire",
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
  "enterprise value": "valeur d’entreprise",
  "price mechanism": "mécanisme de prix",
  "completion date": "date de réalisation",
  "debt-like items": "éléments assimilés à de la dette",
  "box date": "date du locked box",
  "net debt at the box": "dette nette au locked box",
  "ticker rate": "taux du ticker",
  "ticker base": "base du ticker",
  leakage: "fuite de valeur",
  "permitted leakage": "fuite de valeur autorisée",
  "target working capital": "BFR cible",
  "estimated net debt": "dette nette estimée",
  "estimated working capital": "BFR estimé",
  "final net debt": "dette nette définitive",
  "final working capital": "BFR définitif",
  escrow: "séquestre",
  "loans date": "date des soldes des prêts",
  "PIK rate": "taux PIK",
  "PIK compounding": "capitalisation PIK",
  loans: "prêts",
  "shares sold": "actions cédées",
  "loans sold": "prêts cédés",
  "acquisition debt": "dette d’acquisition",
  fees: "frais",
  instrument: "instrument",
  "flow date": "date du flux",
  "flow amount": "montant du flux",
  "carrying amount": "valeur comptable",
  "disposal costs": "frais de cession",
  "remeasure retained": "réévaluation de la part conservée",
  "entry EBITDA": "EBITDA d’entrée",
  "exit EBITDA": "EBITDA de sortie",
  "exit multiple": "multiple de sortie",
  "exit net debt": "dette nette de sortie",
  "cash returned": "trésorerie distribuée",
  "cross term": "terme croisé",
  "comp name": "nom du comparable",
  "comp EV": "VE du comparable",
  "comp EBITDA": "EBITDA du comparable",
  "comp capacity": "capacité du comparable",
  "comp basis": "base de capacité du comparable",
  "capacity basis": "base de capacité",
  "note field": "champ de la note",
  note: "note",
  "as of": "date de la table",
  "class kind": "type de catégorie",
  "issue price": "prix d’émission",
  plan: "plan",
  reserved: "actions réservées",
  "event date": "date de l’événement",
  "event type": "type d’événement",
  amount: "montant",
  "vesting months": "durée d’acquisition (mois)",
  "cliff months": "période de blocage (mois)",
  "vesting start": "date de début d’acquisition",
  "to holder": "cessionnaire",
  "split ratio": "rapport de division",
  "round date": "date du tour",
  series: "série",
  source: "source",
  title: "titre",
  description: "description",
  "toFill note": "note « À compléter »",
  "sheet name": "nom de la feuille",
  showGridlines: "quadrillage (showGridlines)",
  chart: "graphique (chart)",
};

/** Per list: the list as a subject ("La table de capitalisation"), what it must be, and its items ("actionnaires"). */
const LIST_FR: Readonly<Record<ListName, { subject: string; notList: string; one: string; items: string; duplicate: string }>> = {
  capTable: {
    subject: "La table de capitalisation",
    notList: "La table de capitalisation doit être une liste d’actionnaires",
    one: "un actionnaire",
    items: "actionnaires",
    duplicate: "L’actionnaire",
  },
  investors: {
    subject: "Les investisseurs",
    notList: "Les investisseurs doivent être une liste",
    one: "un investisseur",
    items: "investisseurs",
    duplicate: "L’investisseur",
  },
  instruments: {
    subject: "Les instruments",
    notList: "Les instruments doivent être une liste",
    one: "un instrument",
    items: "instruments",
    duplicate: "L’instrument",
  },
  classes: {
    subject: "Les catégories",
    notList: "Les catégories doivent être une liste de catégories d’actions",
    one: "une catégorie d’actions",
    items: "catégories d’actions",
    duplicate: "La catégorie",
  },
  exitValues: {
    subject: "Les valeurs de sortie",
    notList: "Les valeurs de sortie doivent être une liste de nombres",
    one: "une valeur de sortie",
    items: "valeurs de sortie",
    duplicate: "La valeur de sortie",
  },
  positions: {
    subject: "Les positions",
    notList: "Les positions doivent être une liste de lignes (porteur, actions, prêts, actions cédées, prêts cédés)",
    one: "un porteur",
    items: "porteurs",
    duplicate: "Le porteur",
  },
  flows: {
    subject: "Les flux",
    notList: "Les flux doivent être une liste de flux datés (porteur, instrument, date, montant)",
    one: "un flux",
    items: "flux",
    duplicate: "Le flux",
  },
  notes: {
    subject: "Les notes",
    notList: "Les notes doivent être une liste (champ, note)",
    one: "une note",
    items: "notes",
    duplicate: "La note du champ",
  },
  comps: {
    subject: "Les comparables",
    notList: "Les comparables doivent être une liste de transactions (nom, VE, EBITDA, capacité, base)",
    one: "un comparable",
    items: "comparables",
    duplicate: "Le comparable",
  },
  holdings: {
    subject: "La détention",
    notList: "La détention doit être une liste de lignes (porteur, catégorie, actions)",
    one: "une ligne de détention",
    items: "lignes de détention",
    duplicate: "La ligne de détention",
  },
  plans: {
    subject: "Les plans d’options",
    notList: "Les plans d’options doivent être une liste",
    one: "un plan d’options",
    items: "plans d’options",
    duplicate: "Le plan",
  },
  events: {
    subject: "Les événements",
    notList: "Les événements doivent être une liste d’événements datés",
    one: "un événement",
    items: "événements",
    duplicate: "L’événement",
  },
  toFill: {
    subject: "La liste « À compléter » (toFill)",
    notList: "La liste « À compléter » (toFill) doit être une liste",
    one: "une entrée",
    items: "entrées",
    duplicate: "L’entrée « À compléter »",
  },
};

/** A broken sheet-name rule in French ("ne doit pas …"), as sheetNameRuleText words it in English (src/workbook/sheetName.ts). */
function sheetNameFr(rule: SheetNameRule): string {
  switch (rule.code) {
    case "empty":
      return "ne doit pas être vide";
    case "tooLong":
      return `doit faire au plus ${rule.max} caractères, reçu ${rule.length}`;
    case "forbidden":
      return "ne doit contenir aucun des caractères : \\ / ? * [ ]";
    case "control":
      return "ne doit contenir ni tabulation, ni saut de ligne, ni autre caractère de contrôle";
    case "apostrophe":
      return "ne doit ni commencer ni finir par une apostrophe";
    case "reserved":
      return "ne doit pas être « History » (réservé par Excel)";
  }
}

/** A field's French name, capitalised to open a sentence. */
const subject = (field: FieldName): string => capitalise(FIELD_NAMES_FR[field]);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A number in French notation, as the forms show it: grouped by three, a decimal comma ("900 000", "12,5"). */
const frNumber = (text: string | number): string => groupedNumberText(String(text), "fr") ?? String(text).replace(".", ",");

/** A number in a message in English, as the forms show it: "900,000 shares". */
const enNumber = (text: string | number): string => groupedNumberText(String(text), "en") ?? String(text);

/** The fields whose name is a plural ("shareholder loans are required"), in both languages' messages. */
const PLURAL_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  "shareholder loans",
  "other claims",
  "shares",
  "formulas",
  "transaction costs",
  "exit values",
]);

/** « A », « B » ou « C ». */
function ouList(values: readonly string[]): string {
  const quoted = values.map((v) => `« ${v} »`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} ou ${quoted[quoted.length - 1]}`;
}

/** A fraction field's rule, with its article and agreement where the field is known. */
const FRACTION_BELOW_ONE: Partial<Record<FieldName, string>> = {
  "pool target": "Le pool cible doit être d’au moins 0 % et inférieur à 100 %",
  "instrument discount": "La décote doit être d’au moins 0 % et inférieure à 100 %",
};

export const RULES_FR: RuleMessages = {
  required: (p) => `${subject(p.field)} ${PLURAL_FIELDS.has(p.field) ? "sont obligatoires" : "est obligatoire"}`,
  notText: (p) => `${subject(p.field)} doit être un texte`,
  tooLong: (p) => `${subject(p.field)} doit faire au plus ${p.max} caractères`,
  forbiddenChar: (p) =>
    `${subject(p.field)} contient ${p.char} (caractère ${p.position}), un caractère de contrôle ou invalide qu’un fichier Excel ne peut pas contenir`,
  notNumber: (p) => `${subject(p.field)} doit être un nombre`,
  notFinite: (p) => `${subject(p.field)} doit être un nombre`,
  tooBig: (p) => `${subject(p.field)} doit être au plus 1e15 en valeur absolue`,
  negative: (p) => `${subject(p.field)} ne doit pas être négatif`,
  notPositive: (p) => `${subject(p.field)} doit être supérieur à 0`,
  choice: (p) => `${subject(p.field)} doit être ${ouList(p.values)}`,
  flag: (p) => `${subject(p.field)} doit être vrai ou faux`,
  currency: (p) => `La devise doit être un code à trois lettres comme ${p.example}`,

  notList: (p) => LIST_FR[p.list].notList,
  emptyList: (p) =>
    p.list === "capTable" ? "La table de capitalisation doit compter au moins un actionnaire" : `Indiquez au moins ${LIST_FR[p.list].one}`,
  tooFew: (p) => `Indiquez au moins ${p.min} ${LIST_FR[p.list].items}`,
  tooMany: (p) =>
    p.list === "capTable"
      ? `La table de capitalisation doit compter au plus ${p.max} actionnaires`
      : `Indiquez au plus ${p.max} ${LIST_FR[p.list].items}`,
  duplicate: (p) => `${LIST_FR[p.list].duplicate} « ${p.name} » apparaît plusieurs fois`,
  noShares: (p) =>
    p.list === "capTable" ? "La table de capitalisation doit compter des actions" : `${LIST_FR[p.list].subject} doivent compter des actions`,

  stakeRange: (p) => `La participation doit être comprise entre 0 % et 100 %, reçu ${frNumber(percentText(p.got))} %`,
  premiumRange: () => "La prime doit être supérieure à -100 %",
  capacityPositive: () => "La capacité doit être supérieure à 0",
  sellerNotHolder: (p) => `Le cédant « ${p.seller} » doit être l’un des actionnaires`,
  buyerIsSeller: () => "L’acquéreur doit être différent du cédant",
  primaryInvestmentUnused: (p) =>
    `L’investissement primaire ne s’applique qu’à l’opération « Les deux » (cession et augmentation de capital) : ${p.transaction === "primary" ? "une augmentation de capital est dimensionnée par la participation" : "une cession secondaire n’investit rien"} ; mettez-le à 0 ou choisissez « Les deux »`,
  primaryStakeTooBig: () => "La participation après une augmentation de capital doit être inférieure à 100 %",
  sellerShort: (p) =>
    `Une participation de ${frNumber(percentText(p.stake))} % représente ${frNumber(p.needed)} actions, mais le cédant « ${p.seller} » n’en détient que ${frNumber(p.held)}`,
  nothingForShares: () =>
    "La valorisation ne laisse rien aux actions : l’émission exige des capitaux propres × (1 + prime) supérieurs aux comptes courants d’associés",

  dateNotText: (p) => `La ${FIELD_NAMES_FR[p.field]} doit être un texte de date AAAA-MM-JJ`,
  dateFormat: (p) => `La ${FIELD_NAMES_FR[p.field]} doit être une date AAAA-MM-JJ`,
  dateReal: (p) => `La ${FIELD_NAMES_FR[p.field]} doit être une date réelle, à partir du 1900-03-01`,
  rateTooHigh: () => "Le taux d’intérêt doit être d’au plus 1000 %",
  conversionBeforeStart: () => "La date de conversion ne doit pas précéder la date de début des intérêts",
  fractionBelowOne: (p) => FRACTION_BELOW_ONE[p.field] ?? `${subject(p.field)} doit être d’au moins 0 % et inférieur à 100 %`,
  optionPoolNotHolder: (p) =>
    `Le pool d’options « ${p.pool} » doit être l’un des actionnaires${p.lookalike === null ? "" : ` (« ${p.lookalike} » ressemble au pool)`}`,
  poolIncreaseWithTarget: () => "Le complément du pool doit être vide quand un pool cible est indiqué : indiquez l’un ou l’autre",
  interestNotNote: () => "Les intérêts sont réservés aux obligations convertibles : le type doit être « NOTE »",

  seniorityWhole: () => "Le rang doit être un nombre entier à partir de 1 (le plus prioritaire)",
  seniorityTooBig: (p) => `Le rang doit être au plus ${p.max}`,
  capRequired: (p) => `Le plafond de la catégorie « ${p.className} » est obligatoire : elle est participante plafonnée`,
  capUnlessCapped: (p) => `Le plafond de la catégorie « ${p.className} » doit être vide sauf si sa participation est « CAPPED »`,
  capBelowPreference: (p) =>
    `Le plafond de la catégorie « ${p.className} » doit être au moins son multiple de préférence (${frNumber(p.preference)}x)`,
  preferenceWithStrike: (p) =>
    `La préférence de la catégorie « ${p.className} » doit être 0 : elle a un prix d’exercice (options et BSA n’ont pas de préférence)`,
  holdingUnknownClass: (p) => `Détention ligne ${p.row} (« ${p.holder} ») : la catégorie « ${p.className} » n’est pas dans la table des catégories`,
  holdingTwice: (p) =>
    `Détention ligne ${p.row} : « ${p.holder} » détient déjà la catégorie « ${p.className} » ligne ${p.firstRow} (une ligne par porteur et catégorie)`,
  holdingsExceed: (p) =>
    `Les détentions de la catégorie « ${p.className} » totalisent ${frNumber(p.held)} actions, soit ${frNumber(p.excess)} de plus que les ${frNumber(p.shares)} actions de la catégorie (lignes ${p.rows.join(", ")})`,

  mechanismField: (p) =>
    p.used
      ? `${subject(p.field)} : champ obligatoire avec ${p.mechanism === "LOCKED_BOX" ? "un locked box" : "des comptes de clôture"}`
      : `${subject(p.field)} : doit être vide avec ${p.mechanism === "LOCKED_BOX" ? "un locked box" : "des comptes de clôture"}, elle n’est pas utilisée`,
  dateNotBefore: (p) => `${subject(p.field)} ne doit pas précéder la ${FIELD_NAMES_FR[p.other]}`,
  soldExceedsHeld: (p) =>
    p.what === "shares"
      ? `Les actions cédées par « ${p.holder} » ne doivent pas dépasser ses actions`
      : `Les prêts cédés par « ${p.holder} » ne doivent pas dépasser ses prêts`,
  flowsSigns: (p) =>
    p.buyer
      ? `Les flux de l’acquéreur « ${p.holder} » doivent comprendre un montant positif (reçu) : son entrée à la réalisation est le montant payé`
      : `Les flux de « ${p.holder} » doivent comprendre un montant négatif (payé) et un montant positif (reçu), comme l’exige TRI.PAIEMENTS`,
  flowBeforeCompletion: (p) =>
    `Flux ligne ${p.row} : un flux de l’acquéreur « ${p.holder} » ne doit pas précéder la date de réalisation (son entrée)`,
  permittedExceedsLeakage: () => "La fuite de valeur autorisée ne doit pas dépasser la fuite de valeur : elle en est la partie autorisée",
  wholeMonths: (p) => `${subject(p.field)} doit être un nombre entier de mois de 0 à 240`,
  preferenceNeedsPrice: (p) => `Le prix d’émission de la catégorie « ${p.className} » est obligatoire : sa préférence en est un multiple`,
  eventsOutOfOrder: (p) =>
    `Événements ligne ${p.row} : datée du ${p.date}, avant la ligne précédente (${p.previous}) ; classez les événements par date`,
  eventNeeds: (p) => `Événements ligne ${p.row} (${p.type}) : indiquez ${FIELD_NAMES_FR[p.column]}`,
  eventIgnores: (p) => `Événements ligne ${p.row} (${p.type}) : ${FIELD_NAMES_FR[p.column]} ne sert pas à ce type d’événement ; laissez-la vide`,
  eventUnknown: (p) =>
    `Événements ligne ${p.row} : ${p.list === "classes" ? "la catégorie" : "le plan"} « ${p.name} » n’est pas dans la table des ${p.list === "classes" ? "catégories" : "plans"}`,
  cliffOverVesting: (p) => `Événements ligne ${p.row} : la période de blocage ne doit pas dépasser la durée d’acquisition`,
  nothingToConvert: (p) => `Événements ligne ${p.row} : « ${p.holder} » n’a ni SAFE ni obligation convertible à convertir`,
  notEnoughHeld: (p) =>
    `Événements ligne ${p.row} : « ${p.holder} » détient alors ${p.held} ${p.what === "shares" ? `actions « ${p.name} »` : `options du plan « ${p.name} »`}, moins que les ${p.shares} de la ligne`,
  cancelClassOrPlan: (p) =>
    `Événements ligne ${p.row} (annulation) : indiquez une catégorie (actions annulées) ou un plan (options annulées), l’un des deux`,
  splitLastOfDate: (p) =>
    `Événements ligne ${p.row} : une division vient après les autres événements de sa date (ils sont rejoués avant) ; placez-la en dernier`,
  roundBeforeAsOf: (p) => `La date du tour (${p.date}) ne doit pas précéder la date de la table (${p.asOf})`,
  eventAfterAsOf: (p) =>
    `Événements ligne ${p.row} : datée du ${p.date}, après la date de la table (${p.asOf}) dont part le prochain tour ; changez la date ou retirez le prochain tour`,
  unknownFields: (p) => `${p.keys.length > 1 ? "champs inconnus" : "champ inconnu"} ${p.keys.map((k) => `« ${k} »`).join(", ")}`,
  notObject: () => "doit être un objet de champs nommés ({ … })",
  notLiteral: (p) => `doit valoir « ${p.value} »`,
  toFillField: (p) => `Le champ « À compléter » doit être l’une des entrées du modèle (${p.fields.join(", ")}), reçu ${p.got}`,
  toFillTwice: (p) => `La liste « À compléter » cite « ${p.field} » plus d’une fois`,
  sheetName: (p) => `Le nom de la feuille ${sheetNameFr(p.rule)}`,
  notTemplateObject: () => "Un modèle doit être un objet JSON",
  templateFormat: (p) => `Ce n’est pas un modèle CapTable (attendu "format": "${p.expected}", reçu ${p.got})`,
  templateKind: (p) => `Le type de modèle doit être l’un de ${p.kinds.map((k) => `« ${k} »`).join(", ")}, reçu ${p.got}`,
  jsonNotText: (p) => `${WHAT_FR[p.what]} doit être un texte JSON`,
  jsonTooLarge: (p) => `${WHAT_FR[p.what]} est trop volumineux : ${frNumber(p.chars)} caractères, au plus ${frNumber(p.max)} admis`,
  jsonEmpty: (p) => `${WHAT_FR[p.what]} est vide`,
  jsonTooDeep: (p) => `${WHAT_FR[p.what]} est trop imbriqué : ${p.depth} niveaux, au plus ${p.max} admis`,
  jsonSyntax: (p) => `${WHAT_FR[p.what]} n’est pas un JSON valide${p.line === null ? "" : ` : ligne ${p.line}, colonne ${p.column}`}`,
  versionMissing: (p) => `La version manque : un modèle indique la version de son format, par exemple "version": ${p.target}`,
  versionNotWhole: (p) => `La version doit être un nombre entier de 1 à ${p.target}, reçu ${p.got}`,
  versionNewer: (p) =>
    `La version ${p.version} est plus récente que celles que lit ce CapTable (jusqu’à ${p.target}) : mettez CapTable à jour pour ouvrir ce modèle`,
  jsonValueTooDeep: (p) => `Trop imbriqué : au plus ${p.max} niveaux admis`,
  jsonTextTooLong: (p) => `Le texte est trop long : ${frNumber(p.length)} caractères, au plus ${frNumber(p.max)} admis`,
  jsonTextBadChars: () => "Le texte contient un caractère de contrôle ou un caractère non valide",
  jsonNumberTooLarge: (p) => `Le nombre ${/e/i.test(p.value) ? p.value : frNumber(p.value)} dépasse la limite de 1e15 en valeur absolue`,
  jsonListTooLong: (p) => `La liste est trop longue : ${frNumber(p.length)} éléments, au plus ${frNumber(p.max)} admis`,
  jsonTooManyFields: (p) => `Trop de champs : ${p.count}, au plus ${p.max} admis`,
  jsonForbiddenKey: (p) => `Le nom de champ « ${p.key} » n’est pas admis`,
  jsonBadFieldName: () => "Un nom de champ est trop long ou contient un caractère de contrôle",
  jsonNotValue: (p) => `Une valeur de type ${p.type} n’est pas une valeur JSON`,
  storedModelVersion: (p) =>
    `Le modèle de la feuille « ${p.sheet} » a des entrées de version ${p.version} ; ce CapTable lit la version ${p.target}${p.version > p.target ? " : mettez CapTable à jour" : ""}`,
};

/**
 * A model schema's issue in the UI language: the message of its rule (`issueRule`: the schema's own,
 * or zod's own issue as a rule: an unknown field, a row that is not an object), or of the engine's
 * rule when the schema passes the engine's refusal on (`params.engineRule`,
 * src/model/exitWaterfallInput.ts); any other issue in its own (English) message.
 */
export function ruleMessage(issue: { readonly message: string }, lang: "en" | "fr"): string {
  const rule = issueRule(issue);
  if (rule !== undefined) return ruleText(rule.id, rule.params, lang === "en" ? RULES_EN_FORMS : RULES_FR);
  if (lang === "en") return issue.message;
  const engine = (issue as { params?: { engineRule?: EngineRuleRef } }).params?.engineRule;
  return engine === undefined ? issue.message : engineRuleText(engine.id, engine.params, ENGINE_RULES_FR);
}

/**
 * The English rules as the taskpane shows them: the catalogue's words (src/model/ruleMessages.ts, as
 * the command line prints them), with a plural field's verb agreeing ("shareholder loans are
 * required") and share counts grouped as the forms show numbers ("900,000 shares"). The view
 * writes each as a sentence (`asSentence`, i18n.ts).
 */
const RULES_EN_FORMS: RuleMessages = {
  ...RULES_EN,
  required: (p) => (PLURAL_FIELDS.has(p.field) ? `${p.field} are required` : RULES_EN.required(p)),
  sellerShort: (p) => RULES_EN.sellerShort({ ...p, needed: enNumber(p.needed), held: enNumber(p.held) }),
  holdingsExceed: (p) => RULES_EN.holdingsExceed({ ...p, held: enNumber(p.held), shares: enNumber(p.shares), excess: enNumber(p.excess) }),
};
