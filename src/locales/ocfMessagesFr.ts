/**
 * The Open Cap Format reader's and exporter's rules in French: one message per rule id of the catalogue
 * (src/ocf/ocfRules.ts), made from the parameters, never from the English text; `OcfRuleMessages`
 * makes the compiler refuse a missing id. The taskpane's import report uses it (src/taskpane/i18n.ts,
 * `ocf.rule`), and `captable export-ocf --lang fr` (src/cli/main.ts). Typography as the other French catalogues: a space before ":" and ";", names in « ».
 * OCF's own words (object and file types, field paths, file names) stay as the package spells them.
 */
import type { NoEffectType } from "../ocf/noEffect";
import { type ExportWhere, OcfError, type OcfProblem, type OcfRuleMessages, type OcfRuleRef, type OcfWhere, ocfRuleText } from "../ocf/ocfRules";
import { ENGINE_RULES_FR, engineMessage } from "./engineMessagesFr";
import { engineRuleText } from "../engine/messages";

const q = (name: string): string => `« ${name} »`;

/** A count as French writes it: digits grouped by a no-break space ("52 428 800"). */
const frCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** The place of an object: `Transactions.ocf.json, TX_STOCK_ISSUANCE « PS-1 »`. */
function whereFr(w: OcfWhere): string {
  const object = w.objectType !== undefined ? `, ${w.objectType} ${q(w.id ?? "")}` : "";
  const part = w.part === "safeConversion" ? ", sa conversion de SAFE" : w.part === "noteConversion" ? ", sa conversion d’obligation" : "";
  return `${w.file}${object}${part}`;
}

const TYPE_FR: Readonly<Record<string, string | undefined>> = {
  string: "un texte",
  number: "un nombre",
  int: "un nombre entier",
  boolean: "vrai ou faux",
  array: "une liste",
  object: "un objet",
};

function problemFr(p: OcfProblem): string {
  switch (p.code) {
    case "ocfNumber":
      return "doit être un nombre OCF (des chiffres, au plus 10 décimales, écrit comme un texte)";
    case "isoDate":
      return "doit être une date écrite AAAA-MM-JJ";
    case "currency":
      return "doit être un code de devise de 3 lettres";
    case "missing":
      return "est obligatoire";
    case "type":
      return `doit être ${TYPE_FR[p.expected] ?? `de type ${p.expected}`}`;
    case "oneOf":
      return `doit être l’une des valeurs ${p.values.join(", ")}`;
    case "tooSmall":
      return `doit valoir au moins ${p.minimum}`;
    case "unknownKind":
      return "est d’un type que ce lecteur ne connaît pas";
    case "empty":
      return "ne doit pas être vide";
    case "decimal":
      return p.jsonNumber
        ? "doit être un nombre décimal écrit comme un texte (« 1250000 »), pas un nombre JSON"
        : "doit être un nombre décimal écrit comme un texte";
    case "unknownFields":
      return `contient ${p.keys.length > 1 ? "des champs" : "un champ"} que ce fichier n’a pas : ${p.keys.map(q).join(", ")}`;
    case "other":
      return p.text;
  }
}

/** What an exported number belongs to: `catégorie « Seed »`. */
const exportWhereFr = (w: ExportWhere): string => `${w.kind === "class" ? "catégorie" : w.kind === "plan" ? "plan" : "événement"} ${q(w.name)}`;

/** Why each object is read without effect on holdings. */
const NO_EFFECT_FR: Readonly<Record<NoEffectType, string>> = {
  TX_STOCK_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
  TX_EQUITY_COMPENSATION_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
  TX_WARRANT_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
  TX_CONVERTIBLE_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
  TX_VESTING_EVENT:
    "une condition d’acquisition liée à un événement est remplie ; les quantités acquises viennent du calendrier et des accélérations",
  TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: "le nombre d’actions autorisées de la société ne change pas les détentions",
  STOCK_LEGEND_TEMPLATE: "les mentions légales sont du texte de document",
  VALUATION: "une évaluation 409A est une juste valeur, pas une opération",
  FINANCING: "un financement regroupe des émissions ; les émissions elles-mêmes sont lues",
  DOCUMENT: "les documents ne sont pas des données de la table",
  TX_VESTING_START: "un début d’acquisition date le calendrier de l’attribution (lu dans son calendrier)",
};

/** The reader's messages in French. */
export const OCF_RULES_FR: OcfRuleMessages = {
  tooManyFiles: (p) => `${p.folder ? "le dossier" : "le paquet"} contient ${frCount(p.count)} fichiers, plus que les ${frCount(p.max)} lus`,
  fileTooLarge: (p) => `${p.file} fait ${frCount(p.bytes)} octets, plus que les ${frCount(p.max)} lus`,
  packageTooLarge: (p) =>
    p.how === "inflated"
      ? `le paquet décompressé dépasse ${frCount(p.max)} octets, le plus qui soit lu`
      : p.how === "folder"
        ? `le dossier dépasse ${frCount(p.max)} octets, le plus qui soit lu`
        : `le paquet fait ${frCount(p.bytes)} octets, plus que les ${frCount(p.max)} lus`,
  notZip: () => "ce n’est pas un fichier zip (un paquet OCF est un .ocf.zip ou un dossier)",
  entryTooLarge: (p) => `${p.file} décompressé dépasse les ${frCount(p.max)} octets lus`,
  entryDamaged: (p) =>
    p.checksum
      ? `${p.file} : le fichier est endommagé (sa somme de contrôle ne correspond pas)`
      : `${p.file} : les données compressées sont endommagées`,
  entryUnreadable: (p) => `${p.file} : illisible (${p.detail})`,
  folderLink: (p) => `${p.file} est un lien ; un dossier OCF est lu sans suivre les liens`,
  noManifest: () => "aucun manifeste OCF (un fichier de file_type OCF_MANIFEST_FILE) dans le paquet",
  manyManifests: (p) => `le paquet contient ${p.count} manifestes (${p.files.join(", ")}) ; un seul est lu`,
  versionRefused: (p) => `la version OCF ${q(p.version)} n’est pas lue : ce lecteur lit les versions 1.x (1.2.0 et ses suivantes)`,
  outsidePackage: (p) => `le manifeste renvoie à ${q(p.path)}, hors du paquet`,
  notUtf8: (p) => `${p.file} n’est pas un texte UTF-8`,
  notJson: (p) => `${p.file} n’est pas un JSON valide (${p.detail})`,
  listedMissing: (p) => `le manifeste liste ${p.file} (${p.list}), qui n’est pas dans le paquet`,
  md5Mismatch: (p) => `${p.file} : son md5 est ${p.actual}, le manifeste indique ${p.expected}${p.refused ? "" : " (lu quand même)"}`,
  fileTypeWrong: (p) => `${p.file} a le file_type ${p.got}, pas ${p.expected} comme ${p.list} l’exige`,
  noItems: (p) => `${p.file} n’a pas de liste items`,
  itemNotObject: (p) => `${p.file} : chaque élément doit être un objet`,
  tooManyObjects: (p) => `le paquet contient plus de ${frCount(p.max)} objets`,
  objectInvalid: (p) =>
    `${whereFr(p.where)} : ${p.issues.map((i) => `${i.path !== "" ? `le champ ${i.path}` : "l’objet"} ${problemFr(i.problem)}`).join(" ; ")}${
      p.more > 0 ? ` (et ${p.more} de plus)` : ""
    }`,
  termsUnknown: (p) => `${whereFr(p.where)} : les conditions d’acquisition ${q(p.terms)} ne sont pas parmi celles du paquet`,
  historyInvalid: (p) => engineRuleText(p.rule.id, p.rule.params, ENGINE_RULES_FR),
  extensionVersion: (p) => `${p.file} : la version d’extension ${p.version} n’est pas lue (ce lecteur lit la version 1)`,
  extensionPriceTwice: (p) =>
    `${p.file} : l’opération ${q(p.transaction)} reçoit deux prix (dans l’extension et dans OCF, ou deux fois dans l’extension)`,
  extensionUnknownTransaction: (p) =>
    `${p.file} : un prix est donné pour l’opération ${q(p.transaction)}, qui n’est ni une cession, ni un exercice, ni une conversion, ni une autre opération de clôture du paquet`,
  extensionCurrency: (p) => `${p.file} : le prix de l’opération ${q(p.transaction)} est en ${p.currency}, son titre en ${p.expected}`,
  md5NotChecked: () => "les sommes md5 n’ont pas été vérifiées",
  noRatio: (p) =>
    `la catégorie ${q(p.className)} ne donne pas de ratio de conversion en actions ordinaires : une action ordinaire est comptée par action (converti, entièrement dilué)`,
  noVestingStart: (p) => `${p.security} : pas d’opération de début d’acquisition ; son calendrier part de la date d’émission, le ${p.issued}`,
  notInManifest: (p) => `${p.file} est dans le paquet mais le manifeste ne le liste pas ; non lu`,
  eventVesting: (p) =>
    `${p.security} : la condition ${q(p.condition)} de ${q(p.terms)} s’acquiert sur un événement ; rien n’en est acquis avant une accélération`,
  unexpectedType: (p) => `le type d’objet ${p.objectType} n’est pas attendu dans ${p.list}`,
  laterQuantity: () => "un BSA dont le nombre d’actions sera fixé plus tard (il dépend d’un prix futur) n’est pas compté dans la table",
  unknownTransaction: (p) => `le type d’opération ${p.objectType} n’est pas connu de ce lecteur (les types d’opération d’OCF 1.2.0 sont lus)`,
  noEffect: (p) => NO_EFFECT_FR[p.objectType],
  exportHolderType: (p) => `actionnaire ${q(p.holder)} : son type n’est pas connu ; écrit INSTITUTION`,
  exportVotes: (p) => `catégorie ${q(p.className)} : le nombre de voix par action n’est pas connu ; écrit 1`,
  exportAuthorized: (p) => `catégorie ${q(p.className)} : le nombre d’actions autorisées n’est pas connu ; écrit comme le total des actions émises`,
  exportPlanClasses: (p) =>
    `plan ${q(p.plan)} : les catégories dans lesquelles ses options s’exercent ne sont pas connues ; écrites comme la ou les catégories ordinaires`,
  exportSharePrice: (p) => `événement ${q(p.event)} : le prix payé par action n’est pas connu ; écrit 0`,
  exportExpiry: (p) => `événement ${q(p.event)} : l’échéance de l’option n’est pas connue ; écrite dix ans après l’attribution`,
  exportWarrantTerms: (p) =>
    `événement ${q(p.event)} : les conditions d’exercice et le prix de souscription d’un BSA ne sont pas conservés ; écrits vides et 0`,
  exportConversionTerms: (p) =>
    `événement ${q(p.event)} : les conditions de conversion du titre convertible ne sont pas connues ; écrites comme un déclencheur non précisé avec un mécanisme libre`,
  exportExercisePrice: (p) => `événement ${q(p.event)} : le prix d’exercice de l’option n’est pas connu ; écrit 0`,
  exportDecimals: (p) => `${exportWhereFr(p.where)} : ${p.value} a plus des 10 décimales que tiennent les nombres OCF`,
  exportNeverIssued: (p) => `événement ${q(p.event)} : le titre ${q(p.security)} n’est jamais émis`,
  exportNoTransactionType: (p) => `événement ${q(p.event)} : une opération ${p.closing} sur un titre ${p.kind} n’a pas de type d’opération OCF`,
  exportIssuerMissing: (p) =>
    `un manifeste OCF exige de la société ${p.fields.join(", ")} : ajoutez-les au membre « issuer » de l’historique ({"id", "legalName", "formationDate": "AAAA-MM-JJ", "countryOfFormation": "FR"})`,
  exportCountry: (p) => `issuer.countryOfFormation doit être un code de pays ISO 3166-1 de 2 lettres, reçu ${q(p.country)}`,
  exportCurrencyCode: (p) => `--currency doit être un code de devise de 3 lettres (EUR, USD), reçu ${q(p.currency)}`,
  exportNoCurrency: () => "l’historique ne nomme aucune devise, et les prix OCF en exigent une : donnez --currency (EUR, USD…)",
  exportManyCurrencies: (p) =>
    `l’historique nomme plusieurs devises (${p.currencies.join(", ")}) ; le prix d’émission d’une catégorie n’en porte pas : donnez --currency pour les prix qui n’en disent rien`,
  exportAsOf: (p) => `--as-of doit être une date du calendrier écrite AAAA-MM-JJ, reçu ${q(p.asOf)}`,
  // The problem is the JSON syntax checker's English words (src/templates/safeJson.ts): the place alone is given.
  historyNotJson: (p) => `ce n’est pas un JSON valide : ligne ${p.line}, colonne ${p.column}`,
  historyJsonInvalid: (p) =>
    `ce n’est pas un historique de table de capitalisation : ${p.issues
      .map((i) => `${i.path !== "" ? `le champ ${i.path}` : "le fichier"} ${problemFr(i.problem)}`)
      .join(" ; ")}${p.more > 0 ? ` (et ${p.more} de plus)` : ""}`,
};

/** A rule of the reader in the UI language. */
export function ocfRuleMessage(rule: OcfRuleRef, lang: "en" | "fr"): string {
  return ocfRuleText(rule, lang === "fr" ? OCF_RULES_FR : undefined);
}

/**
 * What failed in an import, in the UI language: the reader's refusal in its rule's words, an
 * engine error in its rule's; anything else (a fault of the browser's zip reader) as its own message.
 */
export function ocfErrorMessage(error: unknown, lang: "en" | "fr"): string {
  return error instanceof OcfError ? ocfRuleMessage(error.rule, lang) : engineMessage(error, lang);
}
