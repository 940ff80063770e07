/**
 * The engine's rules in French: one message per rule id of the engine's catalogue
 * (src/engine/engineRules.ts), made from the error's parameters. `EngineRuleMessages` makes the
 * compiler refuse a missing id; nothing here reads the English text, so a reworded English rule
 * changes nothing here and an added rule does not compile until it has its French. The taskpane
 * uses it (src/locales: the French catalogues, below the taskpane); the functions bundle shows the
 * engine's English in cells and never imports it.
 */
import {
  ARG_NAMES,
  type ArgName,
  type CellWhat,
  type EngineList,
  type EngineRuleMessages,
  type Owner,
  type Subject,
  type Who,
  isEngineError,
  messageOf,
} from "../engine";
import { engineRuleText } from "../engine/messages";

/** The arguments' names in French messages (the functions' argument names, said in words). */
export const ARG_NAMES_FR: Readonly<Record<ArgName, string>> = {
  amount: "le montant",
  as_of: "la date de situation",
  basic_shares: "le nombre d’actions de base",
  box_date: "la date du bilan de référence",
  cap: "le plafond de valorisation",
  capacity: "la capacité",
  capitalization: "la capitalisation",
  completion_date: "la date de réalisation",
  "conversion ratio": "le ratio de conversion",
  "conversion price": "le prix de conversion",
  conversion_date: "la date de conversion",
  conversion_price: "le prix de conversion",
  costs: "les frais",
  dates: "les dates",
  dividend_rate: "le taux de dividende",
  discount: "la décote",
  ebitda: "l’EBITDA",
  escrow: "le séquestre",
  exit_equity: "les fonds propres à la sortie",
  entry_date: "la date d’entrée",
  exit_date: "la date de sortie",
  exit_value: "la valeur de sortie",
  fully_diluted_shares: "le nombre d’actions totalement dilué",
  guess: "l’estimation",
  interest_rate: "le taux d’intérêt",
  issue_date: "la date d’émission",
  invested: "le montant investi",
  investment: "l’investissement",
  leakage: "les fuites de valeur",
  Loans: "les prêts",
  management_share: "la part du management",
  "Loans sold": "les prêts cédés",
  money_received: "le montant reçu",
  new_price: "le nouveau prix",
  new_shares: "le nombre d’actions nouvelles",
  options: "le nombre d’options",
  "original issue price": "le prix d’émission initial",
  original_issue_price: "le prix d’émission initial",
  ownership: "la participation",
  permitted_leakage: "les fuites autorisées",
  pool_increase: "le complément du pool",
  pool_target: "le pool cible",
  pre_money: "la valorisation pré-money",
  "preference multiple": "le multiple de préférence",
  premium: "la prime",
  price_per_share: "le prix par action",
  principal: "le principal",
  probabilities: "les probabilités",
  rate: "le taux",
  retained_fair_value: "la juste valeur conservée",
  retention: "le taux de rétention",
  round_price: "le prix du tour",
  round_size: "le montant du tour",
  share_price: "le cours de l’action",
  shareholder_loans: "les prêts d’actionnaires",
  shares: "le nombre d’actions",
  Shares: "le nombre d’actions",
  "shares sold": "le nombre d’actions cédées",
  "Shares sold": "le nombre d’actions cédées",
  shares_outstanding: "le nombre d’actions en circulation",
  shares_sold: "le nombre d’actions cédées",
  "sources: Amount": "le montant de la ressource",
  stake: "la participation",
  stake_sold: "la participation cédée",
  start_date: "la date de début",
  strike: "le prix d’exercice",
  strikes: "le prix d’exercice",
  target: "la cible",
  target_multiple: "le multiple cible",
  target_stake: "la participation cible",
  tender_price: "le prix de l’offre",
  tiers: "les paliers",
  to_date: "la date d’arrêté",
  transaction_costs: "les frais de transaction",
  "uses: Amount": "le montant de l’emploi",
  years: "la durée en années",
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A number in French notation: a decimal comma ("12,5"). */
const frNumber = (text: string | number): string => String(text).replace(".", ",");

/** A name as French messages quote it. */
const q = (name: string): string => `« ${name} »`;

function ownerFr(of: Owner): string {
  if ("item" in of) return `de ${q(of.item)}`;
  if ("className" in of) return `de la catégorie ${q(of.className)}`;
  if ("instrument" in of) return `de l’instrument de ${q(of.instrument)}`;
  if ("investor" in of) return `de l’investisseur ${q(of.investor)}`;
  if ("seller" in of) return `par ${q(of.seller)}`;
  return `(ligne ${of.row})`;
}

/** An argument's French name; one the list does not know (none today) keeps its own. */
const argFr = (arg: ArgName): string => (ARG_NAMES.includes(arg) ? ARG_NAMES_FR[arg] : arg);

/** A subject in French, opening a sentence: "Le nombre d’actions de « Alice »". */
function subjectFr(s: Subject): string {
  return capitalise(typeof s === "string" ? argFr(s) : `${argFr(s.arg)} ${ownerFr(s.of)}`);
}

/** The feminine names among those elided ("l’estimation"); "la …" and "les …" say their own. */
const FEMININE_ELIDED: ReadonlySet<ArgName> = new Set<ArgName>(["guess"]);
/** The plural feminine names ("les dates"). */
const FEMININE_PLURAL: ReadonlySet<ArgName> = new Set<ArgName>(["dates", "leakage", "permitted_leakage", "probabilities"]);

/** How a subject's verb and adjectives agree with its name: "doit" or "doivent", and the ending ("", "e", "s", "es"). */
function agreement(s: Subject): { readonly must: string; readonly mustNot: string; readonly e: "" | "e" | "s" | "es" } {
  const arg = typeof s === "string" ? s : s.arg;
  const name = argFr(arg);
  const plural = name.startsWith("les ");
  const feminine = plural ? FEMININE_PLURAL.has(arg) : name.startsWith("la ") || FEMININE_ELIDED.has(arg);
  return {
    must: plural ? "doivent" : "doit",
    mustNot: plural ? "ne doivent pas" : "ne doit pas",
    e: `${feminine ? "e" : ""}${plural ? "s" : ""}` as "" | "e" | "s" | "es",
  };
}

/** "négatif" agreed with its subject: négative, négatifs, négatives. */
const negative = (e: string): string => (e === "" ? "négatif" : e === "e" ? "négative" : e === "s" ? "négatifs" : "négatives");

/** A subject and its verb: "La participation doit", "Les dates doivent". */
function subjectMust(s: Subject): { readonly head: string; readonly must: string; readonly mustNot: string; readonly e: string } {
  return { head: subjectFr(s), ...agreement(s) };
}

const whoFr = (w: Who): string => ("className" in w ? `la catégorie ${q(w.className)}` : `l’actionnaire ${q(w.holder)}`);

const cellWhatFr = (w: CellWhat): string =>
  "result" in w
    ? "Un résultat"
    : "check" in w
      ? `Le contrôle ${w.check}`
      : "row" in w
        ? `La valeur ligne ${w.row} du tableau en ${w.address}`
        : `La valeur en ${w.address}`;

const LIST_FR: Readonly<Record<EngineList, { subject: string; one: string }>> = {
  holders: { subject: "Les actionnaires", one: "un actionnaire" },
  holdings: { subject: "Les détentions", one: "un actionnaire" },
  sellers: { subject: "Les cédants", one: "un cédant" },
  classes: { subject: "Les catégories", one: "une catégorie" },
  shareClasses: { subject: "Les catégories", one: "une catégorie d’actions" },
  investors: { subject: "Les investisseurs", one: "un investisseur" },
  antidilutionClasses: { subject: "Les catégories protégées contre la dilution", one: "une catégorie" },
};

const atEvent = (p: { event: string; date: string }): string => `Événement ${q(p.event)} (${p.date}) : `;
const atTerms = (p: { terms: string }): string => `Conditions d’acquisition ${q(p.terms)} : `;

const UNIT_FR: Readonly<Record<"MONTHS" | "DAYS", string>> = { DAYS: "jours", MONTHS: "mois" };

export const ENGINE_RULES_FR: EngineRuleMessages = {
  nonNegative: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.mustNot} être ${negative(s.e)}, reçu ${frNumber(p.got)}`;
  },
  positive: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être supérieur${s.e} à 0, reçu ${frNumber(p.got)}`;
  },
  fraction: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être compris${s.e === "s" ? "" : s.e} entre 0 % et 100 %, reçu ${frNumber(p.got)} %`;
  },
  positiveFraction: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être supérieur${s.e} à 0 % et d’au plus 100 %, reçu ${frNumber(p.got)} %`;
  },
  fractionBelowOne: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être d’au moins 0 % et inférieur${s.e} à 100 %, reçu ${frNumber(p.got)} %`;
  },
  premium: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être supérieur${s.e} à -100 % (une décote de 100 % ou plus ne laisse rien à payer), reçu ${frNumber(p.got)} %`;
  },
  aboveMinus100: (p) => {
    const s = subjectMust(p.subject);
    return `${s.head} ${s.must} être supérieur${s.e} à -100 %, reçu ${frNumber(p.got)} %`;
  },
  tooLargeForCell: (p) => `${cellWhatFr(p.what)} est trop ${"address" in p.what ? "grande" : "grand"} pour une cellule (${frNumber(p.value)})`,

  listEmpty: (p) => `${LIST_FR[p.list].subject} doivent compter au moins ${LIST_FR[p.list].one}`,
  nameMissing: (p) => `${LIST_FR[p.list].subject} doivent avoir un nom (ligne ${p.row})`,
  holderEmpty: (p) => `Le nom de l’actionnaire ne doit pas être vide (ligne ${p.row})`,
  notUnique: (p) => `${LIST_FR[p.list].subject} doivent être uniques : ${q(p.name)} apparaît plusieurs fois`,
  nameEmpty: (p) => `${p.role === "buyer" ? "L’acquéreur" : "L’investisseur"} doit être le nom d’un actionnaire, reçu un texte vide`,
  sharesAllZero: (p) =>
    p.ownership
      ? "Les actions ne doivent pas toutes être nulles : la détention exige un total positif"
      : "Les actions ne doivent pas toutes être nulles",

  sellerNotHolder: (p) => `Le cédant ${q(p.seller)} n’est pas l’un des actionnaires`,
  buyerIsSeller: (p) => `L’acquéreur doit être différent ${p.sellers ? "des cédants" : "du cédant"} : les deux sont ${q(p.seller)}`,
  sharesSoldExceed: (p) =>
    `Les actions cédées ne doivent pas dépasser la détention du cédant : ${q(p.seller)} détient ${frNumber(p.held)}, reçu ${frNumber(p.sold)}`,
  sharesSoldByExceed: (p) =>
    `Les actions cédées par ${q(p.seller)} ne doivent pas dépasser sa détention de ${frNumber(p.held)}, reçu ${frNumber(p.sold)}`,
  noSharesForStake: () => "Il n’y a aucune action avant ni après l’émission : aucune participation ne peut être calculée",

  instrumentNoHolder: (p) => `Les instruments doivent nommer un porteur (ligne ${p.row})`,
  poolRows: () => "Les actionnaires doivent compter au plus une ligne de pool non attribué",
  noSharesBeforeRound: () => "Le total des actions avant le tour doit être supérieur à 0",
  conversionUnsettled: () => "Les conditions de conversion ne se sont pas stabilisées (merci de signaler ce cas)",
  roundOverOwned: (p) =>
    `Les BSA AIR et obligations convertibles, le pool cible${p.antiDilution ? ", les ajustements anti-dilution" : ""} et l’argent frais détiendraient 100 % ou plus de la société : réduisez les montants, ou relevez les plafonds ou la valorisation pré-money`,
  serialDate: (p) =>
    `${subjectMust(p.subject).head} ${subjectMust(p.subject).must} être une date (un numéro de jour Excel entier du 1900-03-01 au 9999-12-31), reçu ${p.got}`,
  conversionBeforeStart: () => "La date de conversion ne doit pas précéder la date de début",
  capitalizationRequired: (p) =>
    `La capitalisation est obligatoire avec un plafond${p.explained ? " : le prix plafond est plafond / capitalisation" : ""}`,
  investmentAtCap: () => "L’investissement doit être inférieur au plafond post-money (il détiendrait 100 % ou plus)",
  antidilutionNotHolder: (p) =>
    `Anti-dilution : la catégorie ${q(p.className)} doit être l’un des actionnaires (sa ligne détient la catégorie convertie)`,
  antidilutionRowMismatch: (p) =>
    `Anti-dilution : la catégorie ${q(p.className)} se convertit en ${frNumber(p.before)} actions avant le tour, mais sa ligne d’actionnaire en détient ${frNumber(p.held)} : la ligne doit détenir la catégorie convertie`,

  noWeightedAverage: () => "Les actions en circulation et les actions nouvelles sont toutes deux nulles : pas de moyenne pondérée",
  conversionPriceWithoutOip: (p) => `La catégorie ${q(p.className)} a un prix de conversion mais pas de prix d’émission initial`,

  seniorityWhole: (p) =>
    `Le rang de la catégorie ${q(p.className)} doit être un nombre entier à partir de 1 (le plus prioritaire), reçu ${frNumber(p.got)}`,
  strikeAndPreference: (p) => `La catégorie ${q(p.className)} a un prix d’exercice et une préférence : options et BSA n’ont pas de préférence`,
  capMissing: (p) => `La catégorie ${q(p.className)} est participante plafonnée : indiquez son plafond (un multiple du montant investi)`,
  capBelowPreference: (p) => `Le plafond de la catégorie ${q(p.className)} doit être au moins son multiple de préférence, reçu ${frNumber(p.got)}x`,
  classesNoShares: () => "Les catégories doivent compter des actions : une cascade a besoin d’actions pour répartir le solde",
  residualUnshared: () => "Le solde ne peut pas être réparti : aucune catégorie ne participe au-delà du dernier point de rupture",
  holdingUnknownClass: (p) => `La détention nomme une catégorie absente de la table des catégories : ${q(p.className)}`,
  holdingsExceed: (p) =>
    `Les détentions de la catégorie ${q(p.className)} totalisent ${frNumber(p.held)} actions, plus que les ${frNumber(p.shares)} actions de la catégorie`,
  whoNotClass: (p) => `Le bénéficiaire doit être une catégorie de la table des catégories, reçu ${q(p.className)}`,
  whoNotHolder: (p) => `Le bénéficiaire doit être un porteur de la table de détention, reçu ${q(p.holder)}`,
  noInvested: (p) =>
    `${capitalise(whoFr(p.who))} n’a pas de montant investi, donc pas de multiple : indiquez la colonne Investi (ou l’argument invested), ou un produit cible`,
  payoutUnreachable: (p) =>
    `${capitalise(whoFr(p.who))} ne peut pas atteindre un produit de ${frNumber(p.payout)} : son produit plafonne à ${frNumber(p.max)} quelle que soit la valeur de sortie`,
  ownershipTooHigh: (p) =>
    `L’investisseur devrait détenir ${frNumber(p.got)} % de la société aujourd’hui (100 % ou plus) : relevez la valeur de sortie ou le taux de rétention, ou baissez le multiple cible ou l’investissement`,

  dateBefore: (p) => `${capitalise(argFr(p.end))} ${agreement(p.end).mustNot} précéder ${argFr(p.start)}, reçu ${p.days} jours`,
  loansExceedEquityAtBox: (p) =>
    `Les prêts d’actionnaires (${frNumber(p.loans)}) ne doivent pas dépasser le prix des titres à la date du bilan de référence (${frNumber(p.equity)}), qui les inclut`,
  loansWithoutShareTicker: () =>
    "Les prêts d’actionnaires sont indiqués mais le ticker ne court pas sur les actions : ils ne servent qu’avec ticker_rate et ticker_base « SHARES » ; indiquez-les ou laissez shareholder_loans vide",
  tickerBoth: () => "ticker_per_day doit être vide quand ticker_rate est indiqué : le ticker est un taux ou un montant par jour, pas les deux",
  loansRequiredForShares: () =>
    "Les prêts d’actionnaires sont obligatoires quand ticker_base est « SHARES » : le ticker court alors sur le prix des titres moins les prêts",
  permittedExceedsLeakage: (p) =>
    `Les fuites autorisées (${frNumber(p.permitted)}) ne doivent pas dépasser les fuites de valeur (${frNumber(p.leakage)}) : elles en sont la part autorisée`,
  escrowExceedsPrice: (p) => `Le séquestre (${frNumber(p.escrow)}) ne doit pas dépasser le prix estimé (${frNumber(p.price)})`,
  paymentBeforeCompletion: (p) => `Les dates ne doivent pas précéder la date de réalisation (le paiement ${p.payment} tombe ${p.days} jours avant)`,
  soldExceeds: (p) =>
    p.what === "shares"
      ? `Les actions cédées de ${q(p.holder)} (${frNumber(p.sold)}) ne doivent pas dépasser ses actions (${frNumber(p.held)})`
      : `Les prêts cédés de ${q(p.holder)} (${frNumber(p.sold)}) ne doivent pas dépasser ses prêts (${frNumber(p.held)})`,
  holdingsNoShares: () => "La détention doit compter des actions : le prix par action se divise par elles",
  loansExceedPrice: (p) =>
    `Les prêts à leur valeur nominale capitalisée (${frNumber(p.loans)}) dépassent le prix des titres (${frNumber(p.price)}) : les prêts ne valent pas leur nominal, ce partage ne s’applique pas`,
  noQuartileValues: () => "Aucune valeur dont prendre un quartile",
  noMultiples: () => "Les comparables doivent donner au moins un multiple",
  notDates: (p) => `${capitalise(argFr(p.subject))} doivent être des dates (numéros de jour de 0 à 2958465, 31/12/9999), reçu ${p.got}`,
  beforeFirstDate: (p) =>
    `${capitalise(argFr(p.subject))} ne doivent pas précéder la première date (l’origine de l’actualisation), reçu ${p.day} avant ${p.origin} en position ${p.position}`,
  tooFewFlows: (p) => `Les flux doivent compter au moins deux flux datés, reçu ${p.got}`,
  noFlows: () => "Les flux doivent compter au moins un flux daté",
  flowsSameDate: () => "Les flux ne doivent pas tous tomber à la même date : aucun taux ne les actualise",
  flowsOneSign: () => "Les flux doivent compter au moins un montant négatif (payé) et un positif (reçu), comme TRI.PAIEMENTS l’exige",
  irrTooLarge: () => "Le TRI est trop grand pour une cellule : les flux croissent au-delà de tout nombre entre leurs dates",
  noIrr: () => "Aucun taux n’actualise ces flux à zéro (TRI.PAIEMENTS afficherait #NOMBRE!) : vérifiez les signes et les dates des flux",
  sourcesExceedUses: (p) =>
    `Les ressources (${frNumber(p.sources)}) dépassent les emplois (${frNumber(p.uses)}) avant tout apport en fonds propres : l’apport serait négatif ; réduisez une ressource ou ajoutez un emploi`,
  retainedAtFullSale: () => "retained_fair_value doit être vide ou 0 quand stake_sold vaut 100 % : rien n’est conservé",

  asOfDate: (p) => `La date de situation doit être une date écrite AAAA-MM-JJ, reçu ${q(p.got)}`,
  eventDate: (p) => `${atEvent(p)}la date doit être une date écrite AAAA-MM-JJ, reçu ${q(p.got)}`,
  eventIdTwice: (p) => `${atEvent(p)}le même identifiant d’événement apparaît deux fois`,
  issuedTwice: (p) => `${atEvent(p)}le titre ${q(p.security)} est émis deux fois`,
  holderUnknown: (p) => `${atEvent(p)}le porteur ${q(p.holder)} n’est pas parmi les parties prenantes`,
  classUnknown: (p) => `${atEvent(p)}la catégorie ${q(p.className)} n’est pas parmi les catégories d’actions`,
  planUnknown: (p) => `${atEvent(p)}le plan ${q(p.plan)} n’est pas parmi les plans d’attribution`,
  stockNeedsClass: (p) => `${atEvent(p)}une émission d’actions exige sa catégorie`,
  issuanceNeedsSize: (p) => `${atEvent(p)}${p.convertible ? "une émission convertible exige son montant" : "une émission exige sa quantité"}`,
  quantityNegative: (p) => `${atEvent(p)}la quantité ne doit pas être négative, reçu ${frNumber(p.got)}`,
  securityNotIssued: (p) => `${atEvent(p)}le titre ${q(p.security)} n’est pas émis à cette date ou avant`,
  securityIssuedLater: (p) => `${atEvent(p)}le titre ${q(p.security)} est émis plus tard, le ${p.issued}`,
  resultNeverIssued: (p) => `${atEvent(p)}le titre résultant ${q(p.security)} n’est jamais émis`,
  resultIssuedOtherDate: (p) => `${atEvent(p)}le titre résultant ${q(p.security)} est émis le ${p.issued}, pas à la date de l’événement qui le crée`,
  resultsFromItself: (p) => `${atEvent(p)}le titre ${q(p.security)} résulte de lui-même`,
  resultsFromTwo: (p) => `${atEvent(p)}le titre ${q(p.security)} résulte de deux événements`,
  splitRatio: (p) => `${atEvent(p)}le ratio de division doit être supérieur à 0, reçu ${frNumber(p.got)}`,
  notOutstanding: (p) => `${atEvent(p)}le titre ${q(p.security)} n’est pas en circulation`,
  alreadyClosed: (p) => `${atEvent(p)}le titre ${q(p.security)} a déjà été clos par ${q(p.by)}`,
  actsOnMore: (p) => `${atEvent(p)}porte sur ${frNumber(p.quantity)} mais le titre ${q(p.security)} en compte ${frNumber(p.held)}`,
  noBalanceSecurity: (p) =>
    `${atEvent(p)}porte sur ${frNumber(p.quantity)} des ${frNumber(p.held)} du titre ${q(p.security)}, sans titre de solde pour les ${frNumber(p.remaining)} restants`,
  securitiesLoop: (p) => `Boucle de titres : ${q(p.security)} résulte, par d’autres, de lui-même`,
  roundBeforeTable: (p) => `La date du tour ${p.round} précède la date de la table de capitalisation ${p.table}`,
  planOverGranted: (p) => `Le plan ${q(p.plan)} a attribué ${frNumber(p.excess)} actions de plus qu’il n’en réserve`,
  conditionUnknown: (p) => `${atTerms(p)}une condition est relative à ${q(p.condition)}, qui n’existe pas`,
  conditionCycle: (p) => `${atTerms(p)}la condition ${q(p.condition)} est relative à elle-même par d’autres`,
  periodNotWhole: (p) => `${atTerms(p)}condition ${q(p.condition)} : la durée de la période doit être un nombre entier de ${UNIT_FR[p.unit]}`,
  occurrencesNotWhole: (p) => `${atTerms(p)}condition ${q(p.condition)} : le nombre d’échéances doit être un entier à partir de 1`,
  occurrencesTooMany: (p) => `${atTerms(p)}condition ${q(p.condition)} : ${p.got} échéances, plus que les 10 000 lues`,
  portionOrQuantity: (p) => `${atTerms(p)}la condition ${q(p.condition)} doit donner soit une fraction, soit une quantité`,
  tranchesNotMultiples: (p) =>
    `${atTerms(p)}${p.allocation} exige des tranches multiples entières de la plus petite ; utilisez une allocation cumulative pour ces fractions`,
  holderFlows: (p) => `flux de « ${p.holder} » : ${engineRuleText(p.rule.id, p.rule.params, ENGINE_RULES_FR)}`,
  ratchetHurdlesRise: (p) =>
    `paliers : le seuil du palier ${p.position} doit dépasser celui du palier précédent (les seuils montent de palier en palier)`,
  ratchetShareRange: (p) =>
    `paliers : la part du management au palier ${p.position} doit aller de ${frNumber(p.below)} % (la part en dessous : un ratchet ne la baisse jamais) à 100 %, reçu ${frNumber(p.got)} %`,
  ratchetUnreachable: (p) =>
    `paliers : les investisseurs n’atteignent jamais le seuil du palier ${p.position} : le management prend 100 % des fonds propres au-delà d’un seuil inférieur`,
};

/**
 * What failed, in the UI language: an engine error in its rule's words (French from the rule's id
 * and parameters), also when it is carried by another error (`engineError`, the taskpane host's
 * write error); anything else (an error of a cell reader, of Office) as its own message.
 */
export function engineMessage(error: unknown, lang: "en" | "fr"): string {
  const carried = error instanceof Error && "engineError" in error ? (error as { engineError?: unknown }).engineError : undefined;
  const engine = isEngineError(error) ? error : isEngineError(carried) ? carried : undefined;
  if (lang === "fr" && engine?.rule !== undefined) return engineRuleText(engine.rule.id, engine.rule.params, ENGINE_RULES_FR);
  return messageOf(error);
}
