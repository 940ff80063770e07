/**
 * The one vocabulary of every keyword-like input: for each choice, its canonical values (the
 * tuple the types come from), the label each language shows, and every other word accepted for
 * it, English and French, as data. Every reader goes through it: the custom functions' cells
 * (src/functions), the taskpane forms and their paste (src/taskpane), the model and template
 * schemas (src/model). Adding a word here is the only step to accept it everywhere.
 *
 * Rules kept by construction (`vocabulary()` throws at load otherwise, and
 * test/engine/vocabulary.test.ts loads every vocabulary):
 * - a word stands for one value only: no word of one value is a word of another;
 * - a value's canonical spelling, its labels and its synonyms are all accepted.
 *
 * Matching is forgiving in the ways a spreadsheet user types: case, accents ("PRÊTS" = "PRETS"),
 * typographic apostrophes, hyphens, underscores, commas and repeated spaces do not matter
 * ("Post-money SAFE" = "POST_MONEY SAFE"). `choiceKey` is that normalisation.
 *
 * Pure data, no zod (the functions bundle stays small): the schemas wrap it in src/model/fields.ts.
 */
import { TICKER_BASES, TickerBase } from "./deal/pricing";
import { CROSS_TERMS, CrossTerm } from "./deal/valueBridge";
import { RATCHET_BASES, RatchetBasis } from "./deal/incentives";
import type { ValuationBasis } from "./bridge";
import type { ShareRounding } from "./shares";
import type { AntiDilutionMethod } from "./venture/antiDilution";
import type { Compounding, DayCount, SafeCapitalizationBasis } from "./venture/instruments";
import type { CapBasis, InstrumentKind, PoolBasis } from "./venture/round";
import type { Participation } from "./venture/waterfall";

/** The normalised form of a keyword: upper case, no accents, straight apostrophes, hyphens, underscores and commas as spaces, single spaces. */
export function choiceKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[-_,\u2010-\u2013]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A keyword map: every spelling, normalised by `choiceKey`, to the value it stands for. Throws on a spelling given two values. */
export function keywords<T extends string>(spellings: Record<string, T>): Readonly<Record<string, T>> {
  const map: Record<string, T> = Object.create(null);
  for (const [spelling, value] of Object.entries(spellings)) {
    const key = choiceKey(spelling);
    if (map[key] !== undefined && map[key] !== value) throw new Error(`the keyword "${spelling}" stands for both "${map[key]}" and "${value}"`);
    map[key] = value;
  }
  return Object.freeze(map);
}

/** A label in each language the add-in speaks. */
export interface Labels {
  readonly en: string;
  readonly fr: string;
}

/** One value's words: its labels, and the other words (either language) accepted for it. */
export interface ValueWords extends Labels {
  readonly also?: readonly string[];
}

/** A choice: its canonical values, their labels, and every accepted word. */
export interface Vocabulary<T extends string> {
  /** What the choice is, in messages ("participation"). */
  readonly name: string;
  /** The canonical values, in the order forms list them. */
  readonly values: readonly T[];
  /** The label of each value, per language. */
  readonly labels: Readonly<Record<T, Labels>>;
  /** Every accepted word, normalised by `choiceKey`, to its value: the values themselves, their labels and their synonyms. */
  readonly words: Readonly<Record<string, T>>;
}

/**
 * Builds a vocabulary; throws when a word would stand for two values. The exported vocabularies are
 * built with a `@__PURE__` mark, so the functions bundle drops the ones no cell reads (the history's
 * event types, the deal form's choices); test/engine/vocabulary.test.ts builds every one, so a word
 * standing for two values still fails a test.
 */
export function vocabulary<T extends string>(name: string, values: readonly T[], words: Readonly<Record<T, ValueWords>>): Vocabulary<T> {
  const spellings: [string, T][] = [];
  for (const v of values) {
    const w = words[v];
    for (const s of [v, w.en, w.fr, ...(w.also ?? [])]) spellings.push([s, v]);
  }
  const map: Record<string, T> = Object.create(null);
  for (const [spelling, value] of spellings) {
    const key = choiceKey(spelling);
    if (map[key] !== undefined && map[key] !== value) {
      throw new Error(`${name}: the word "${spelling}" stands for both "${map[key]}" and "${value}"`);
    }
    map[key] = value;
  }
  const labels = Object.fromEntries(values.map((v) => [v, { en: words[v].en, fr: words[v].fr }])) as Record<T, Labels>;
  return Object.freeze({ name, values, labels: Object.freeze(labels), words: Object.freeze(map) });
}

/** The value a word stands for in a vocabulary, or `undefined` for a word it does not know. */
export function readWord<T extends string>(vocab: Vocabulary<T>, text: string): T | undefined {
  const key = choiceKey(text);
  return Object.prototype.hasOwnProperty.call(vocab.words, key) ? vocab.words[key] : undefined;
}

/** The words a message lists as accepted, in a language: each value's label with its canonical spelling ("Participating (FULL)"). */
export function acceptedWords<T extends string>(vocab: Vocabulary<T>, lang: keyof Labels): string[] {
  return vocab.values.map((v) => (choiceKey(vocab.labels[v][lang]) === choiceKey(v) ? v : `${vocab.labels[v][lang]} (${v})`));
}

// ----- Canonical tuples not declared next to their type (checked against it below) ---------------

/** Every value of a union, exactly once: a compile error when the tuple misses one. */
type Exhaustive<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;

export const PARTICIPATIONS = ["NONE", "FULL", "CAPPED"] as const satisfies readonly Participation[];
export const INSTRUMENT_KINDS = ["POST_SAFE", "PRE_SAFE", "NOTE"] as const satisfies readonly InstrumentKind[];
export const ANTIDILUTION_METHODS = ["BROAD", "NARROW", "RATCHET", "NONE"] as const satisfies readonly AntiDilutionMethod[];
export const VALUATION_BASES = ["EQUITY", "EV"] as const satisfies readonly ValuationBasis[];
const SHARE_ROUNDING_VALUES = ["DOWN", "UP", "NEAREST", "NONE"] as const satisfies readonly ShareRounding[];
const DAY_COUNT_VALUES = ["ACT/365", "ACT/360", "30/360"] as const satisfies readonly DayCount[];
const COMPOUNDING_VALUES = ["SIMPLE", "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY", "DAILY"] as const satisfies readonly Compounding[];
const CAP_BASIS_VALUES = ["EXISTING", "POOL", "CONVERTIBLES", "ALL"] as const satisfies readonly CapBasis[];
const SAFE_CAPITALIZATION_VALUES = ["INCLUDING", "EXCLUDING"] as const satisfies readonly SafeCapitalizationBasis[];
// Compile-time: each tuple lists every value of its type.
export type VocabularyTuplesAreExhaustive = [
  Exhaustive<Participation, typeof PARTICIPATIONS>,
  Exhaustive<InstrumentKind, typeof INSTRUMENT_KINDS>,
  Exhaustive<AntiDilutionMethod, typeof ANTIDILUTION_METHODS>,
  Exhaustive<ValuationBasis, typeof VALUATION_BASES>,
  Exhaustive<ShareRounding, typeof SHARE_ROUNDING_VALUES>,
  Exhaustive<DayCount, typeof DAY_COUNT_VALUES>,
  Exhaustive<Compounding, typeof COMPOUNDING_VALUES>,
  Exhaustive<CapBasis, typeof CAP_BASIS_VALUES>,
  Exhaustive<SafeCapitalizationBasis, typeof SAFE_CAPITALIZATION_VALUES>,
];

// ----- The vocabularies ----------------------------------------------------------------------

/** Valuation basis (STAKEVALUE, DEALVIEW, IMPLIEDVALUE; the stake-sale form). */
export const BASIS_WORDS = /* @__PURE__ */ vocabulary<ValuationBasis>("basis", VALUATION_BASES, {
  EQUITY: {
    en: "Equity value",
    fr: "Valeur des capitaux propres",
    also: ["EQUITY VALUE", "CAPITAUX PROPRES", "FONDS PROPRES", "VALEUR DES FONDS PROPRES"],
  },
  EV: { en: "Enterprise value (EV)", fr: "Valeur d’entreprise (VE)", also: ["ENTERPRISE VALUE", "VE", "VALEUR D'ENTREPRISE"] },
});

export type PriceComponent = "TOTAL" | "SHARES" | "LOANS";

/** Part of a stake's price (STAKEVALUE). */
export const COMPONENT_WORDS = /* @__PURE__ */ vocabulary<PriceComponent>("component", ["TOTAL", "SHARES", "LOANS"], {
  TOTAL: { en: "Total", fr: "Total" },
  SHARES: { en: "Shares", fr: "Actions", also: ["TITRES"] },
  LOANS: {
    en: "Shareholder loans",
    fr: "Comptes courants d’associés",
    also: ["LOANS", "PRÊTS", "COMPTES COURANTS", "COMPTES COURANTS D'ASSOCIÉS", "CCA"],
  },
});

/** Share rounding policy (PRIMARYSHARES, PRIMARY, PRICEDROUND; the models' rounding). */
export const ROUNDING_WORDS = /* @__PURE__ */ vocabulary<ShareRounding>("rounding", SHARE_ROUNDING_VALUES, {
  DOWN: {
    en: "Down to whole shares (as legal documents do)",
    fr: "À l’action entière inférieure (comme les actes juridiques)",
    also: ["BAS", "INFÉRIEUR"],
  },
  UP: { en: "Up to whole shares", fr: "À l’action entière supérieure", also: ["HAUT", "SUPÉRIEUR"] },
  NEAREST: { en: "Nearest whole share", fr: "À l’action entière la plus proche", also: ["PROCHE", "PLUS PROCHE"] },
  NONE: { en: "None (exact fractions)", fr: "Aucun (fractions exactes)", also: ["EXACT", "AUCUN"] },
});

/** Instrument type of a SAFE or note converting in a priced round (PRICEDROUND's instruments; the priced-round form). */
export const INSTRUMENT_WORDS = /* @__PURE__ */ vocabulary<InstrumentKind>("instrument type", INSTRUMENT_KINDS, {
  // YC's SAFE has been post-money since 2018: a plain "SAFE" is the post-money one.
  POST_SAFE: { en: "Post-money SAFE", fr: "SAFE post-money", also: ["SAFE", "POST SAFE", "POST"] },
  // The BSA AIR (France's SAFE) converts on the pre-money valuation of the round (as a pre-money SAFE does).
  PRE_SAFE: { en: "Pre-money SAFE", fr: "SAFE pré-money", also: ["PRE SAFE", "PRE", "BSA AIR"] },
  NOTE: { en: "Convertible note", fr: "Obligation convertible", also: ["NOTE", "OC"] },
});

/** SAFE basis (CONVERTSAFE). */
export const SAFE_BASIS_WORDS = /* @__PURE__ */ vocabulary<"POST" | "PRE">("basis", ["POST", "PRE"], {
  POST: { en: "Post-money", fr: "Post-money" },
  PRE: { en: "Pre-money", fr: "Pré-money" },
});

/**
 * Participation of a share class (WATERFALL and BREAKPOINTS classes; the exit-waterfall form).
 * A column headed "Participating" may say yes or no: YES / OUI is full participation, NO / NON none.
 */
export const PARTICIPATION_WORDS = /* @__PURE__ */ vocabulary<Participation>("participation", PARTICIPATIONS, {
  NONE: { en: "Non-participating", fr: "Non participante", also: ["NO", "NON", "NON PARTICIPATIVE"] },
  FULL: { en: "Participating", fr: "Participante", also: ["YES", "OUI", "PARTICIPATIVE", "FULL PARTICIPATION", "FULLY PARTICIPATING"] },
  CAPPED: { en: "Participating, capped", fr: "Participante plafonnée", also: ["CAPPED PARTICIPATING", "PLAFONNÉE", "PARTICIPATIVE PLAFONNÉE"] },
});

/** Anti-dilution method (ANTIDILUTION). */
export const ANTIDILUTION_WORDS = /* @__PURE__ */ vocabulary<AntiDilutionMethod>("method", ANTIDILUTION_METHODS, {
  BROAD: { en: "Broad-based weighted average", fr: "Moyenne pondérée large", also: ["BROAD BASED", "LARGE"] },
  NARROW: { en: "Narrow-based weighted average", fr: "Moyenne pondérée étroite", also: ["NARROW BASED", "ÉTROITE"] },
  RATCHET: { en: "Full ratchet", fr: "Cliquet", also: ["RATCHET", "CLIQUET INTÉGRAL"] },
  NONE: { en: "None", fr: "Aucune", also: ["AUCUN"] },
});

/** Day count of a note's interest (PRICEDROUND's instruments, ACCRUEDINTEREST; the priced-round form). */
export const DAY_COUNT_WORDS = /* @__PURE__ */ vocabulary<DayCount>("day count", DAY_COUNT_VALUES, {
  "ACT/365": { en: "ACT/365", fr: "Exact/365", also: ["ACTUAL/365", "EXACT/365"] },
  "ACT/360": { en: "ACT/360", fr: "Exact/360", also: ["ACTUAL/360", "EXACT/360"] },
  "30/360": { en: "30/360", fr: "30/360" },
});

/** Compounding of a note's interest, and of a shareholder loan's PIK interest (PIKACCRUED). */
export const COMPOUNDING_WORDS = /* @__PURE__ */ vocabulary<Compounding>("compounding", COMPOUNDING_VALUES, {
  SIMPLE: { en: "Simple", fr: "Simple" },
  ANNUAL: { en: "Yearly", fr: "Annuelle", also: ["ANNUAL", "ANNUEL"] },
  SEMIANNUAL: { en: "Half-yearly", fr: "Semestrielle", also: ["SEMI ANNUAL", "SEMESTRIEL"] },
  QUARTERLY: { en: "Quarterly", fr: "Trimestrielle", also: ["TRIMESTRIEL"] },
  MONTHLY: { en: "Monthly", fr: "Mensuelle", also: ["MENSUEL"] },
  DAILY: { en: "Daily", fr: "Quotidienne", also: ["QUOTIDIEN"] },
});

/**
 * Yes or no (a flag: MFN). Excel's TRUE / FALSE and their French VRAI / FAUX, X for a ticked box.
 * There is no third answer: any other word (1 and 0 included) is an error, never "no".
 */
export const YES_NO_WORDS = /* @__PURE__ */ vocabulary<"YES" | "NO">("yes or no", ["YES", "NO"], {
  YES: { en: "Yes", fr: "Oui", also: ["Y", "TRUE", "VRAI", "X"] },
  NO: { en: "No", fr: "Non", also: ["N", "FALSE", "FAUX"] },
});

/** Fully diluted share count method (FDSHARES). */
export const FD_METHOD_WORDS = /* @__PURE__ */ vocabulary<"TSM" | "ALL">("method", ["TSM", "ALL"], {
  TSM: { en: "Treasury stock method", fr: "Méthode du rachat d’actions", also: ["TREASURY STOCK", "RACHAT D'ACTIONS"] },
  ALL: { en: "All-in", fr: "Toutes exercées", also: ["GROSS"] },
});

/** How the priced-round form tops up the option pool. */
export const POOL_MODE_WORDS = /* @__PURE__ */ vocabulary<"target" | "increase" | "none">("option pool top-up", ["target", "increase", "none"], {
  target: { en: "To a target % of post-money", fr: "Jusqu’à un % cible post-money" },
  increase: { en: "By a number of shares", fr: "D’un nombre d’actions" },
  none: { en: "No top-up", fr: "Pas de complément" },
});

export const CURRENCY_UNITS = ["units", "thousands", "millions"] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

/** The unit a model's amounts are entered in. */
export const UNIT_WORDS = /* @__PURE__ */ vocabulary<CurrencyUnit>("unit", CURRENCY_UNITS, {
  units: { en: "Units", fr: "Unités" },
  thousands: { en: "Thousands", fr: "Milliers", also: ["K", "THOUSAND"] },
  millions: { en: "Millions", fr: "Millions", also: ["M", "MILLION", "MN"] },
});

/** The stake-sale form's transaction. */
export const TRANSACTION_WORDS = /* @__PURE__ */ vocabulary<"secondary" | "primary" | "both">("transaction", ["secondary", "primary", "both"], {
  secondary: { en: "Secondary sale", fr: "Cession secondaire" },
  primary: { en: "Primary issue", fr: "Augmentation de capital" },
  both: { en: "Both", fr: "Les deux" },
});

const CAP_BASIS_LABELS: Readonly<Record<CapBasis, ValueWords>> = {
  EXISTING: {
    en: "Existing shares, options and pool only",
    fr: "Actions, options et pool existants seulement",
    also: ["EXISTING SHARES", "EXISTANT", "ACTIONS EXISTANTES"],
  },
  POOL: {
    en: "With the pool increase",
    fr: "Avec le complément du pool",
    also: ["WITH POOL", "POOL INCREASE", "WITH POOL INCREASE", "PRE-MONEY SAFE", "AVEC POOL"],
  },
  CONVERTIBLES: {
    en: "With the converting instruments' shares",
    fr: "Avec les actions des instruments convertis",
    also: ["WITH CONVERTIBLES", "COMPANY CAPITALIZATION", "POST-MONEY SAFE", "AVEC CONVERTIBLES"],
  },
  ALL: {
    en: "With the pool increase and the converting shares",
    fr: "Avec le complément du pool et les actions converties",
    also: ["POOL AND CONVERTIBLES", "POOL + CONVERTIBLES", "TOUT", "POOL ET CONVERTIBLES"],
  },
};

/** What a SAFE's or note's cap is divided by (PRICEDROUND's instruments "Cap basis" column; the model's capBasis). */
export const CAP_BASIS_WORDS = /* @__PURE__ */ vocabulary<CapBasis>("cap basis", CAP_BASIS_VALUES, CAP_BASIS_LABELS);

/** The priced-round form's cap basis: DEFAULT (the document's definition for the instrument type, capBasis left out) or a basis. */
export const CAP_BASIS_FORM_WORDS = /* @__PURE__ */ vocabulary<"DEFAULT" | CapBasis>("cap basis", ["DEFAULT", ...CAP_BASIS_VALUES], {
  DEFAULT: {
    en: "As the document defines it (post-money SAFE: with the converting shares; pre-money SAFE, note: with the pool increase)",
    fr: "Selon le document (SAFE post-money : avec les actions converties ; SAFE pre-money, obligation : avec le complément du pool)",
    also: ["AS THE DOCUMENT DEFINES IT", "SELON LE DOCUMENT"],
  },
  ...CAP_BASIS_LABELS,
});

/** What CONVERTSAFE's capitalization includes: this SAFE's own shares or not. */
export const SAFE_CAPITALIZATION_WORDS = /* @__PURE__ */ vocabulary<SafeCapitalizationBasis>("capitalization basis", SAFE_CAPITALIZATION_VALUES, {
  INCLUDING: {
    en: "Including this SAFE",
    fr: "Y compris ce SAFE",
    also: ["INCLUDING THIS SAFE", "WITH THIS SAFE", "COMPANY CAPITALIZATION", "Y COMPRIS", "AVEC CE SAFE"],
  },
  EXCLUDING: { en: "Excluding this SAFE", fr: "Hors ce SAFE", also: ["EXCLUDING THIS SAFE", "WITHOUT THIS SAFE", "HORS", "SANS CE SAFE"] },
});

export type TargetKind = "MULTIPLE" | "PAYOUT";

/** What a target is (EXITFORTARGET): a multiple on invested capital or a payout amount. */
export const TARGET_KIND_WORDS = /* @__PURE__ */ vocabulary<TargetKind>("target type", ["MULTIPLE", "PAYOUT"], {
  MULTIPLE: {
    en: "Multiple",
    fr: "Multiple",
    also: ["MOIC", "MULTIPLE ON INVESTED", "MULTIPLE ON INVESTED CAPITAL", "MULTIPLE DU CAPITAL INVESTI"],
  },
  PAYOUT: { en: "Payout", fr: "Montant", also: ["AMOUNT", "PAIEMENT"] },
});

/** What a pool target is measured on (PRICEDROUND): the unissued pool, or the whole pool (granted, promised and unissued). */
export const POOL_BASIS_WORDS = /* @__PURE__ */ vocabulary<PoolBasis>("pool basis", ["UNISSUED", "TOTAL"], {
  UNISSUED: {
    en: "Unissued pool",
    fr: "Pool non attribué",
    also: ["AVAILABLE", "UNALLOCATED", "NON ATTRIBUE", "NON ATTRIBUES", "DISPONIBLE"],
  },
  TOTAL: { en: "Whole pool", fr: "Pool total", also: ["WHOLE", "WHOLE POOL", "TOTAL POOL", "ENSEMBLE"] },
});

/** What a locked-box ticker accrues on (LOCKEDBOX): the whole equity price, or the shares' part when the loans accrue their own interest. */
export const TICKER_BASE_WORDS = /* @__PURE__ */ vocabulary<TickerBase>("ticker base", TICKER_BASES, {
  EQUITY: {
    en: "Equity price (shares and loans)",
    fr: "Prix des fonds propres (actions et prêts)",
    also: ["WHOLE EQUITY", "FONDS PROPRES", "TOTAL"],
  },
  SHARES: { en: "Shares only", fr: "Actions seules", also: ["SHARE EQUITY", "ACTIONS", "TITRES"] },
});

export const DEAL_MECHANISMS = ["LOCKED_BOX", "COMPLETION_ACCOUNTS"] as const;
/** How the price at completion is set (the deal-pricing model): a locked box or completion accounts. */
export type DealMechanism = (typeof DEAL_MECHANISMS)[number];

/** The price mechanism of a deal (the deal-pricing model). */
export const DEAL_MECHANISM_WORDS = /* @__PURE__ */ vocabulary<DealMechanism>("price mechanism", DEAL_MECHANISMS, {
  LOCKED_BOX: { en: "Locked box", fr: "Locked box (prix fixe)", also: ["LOCKBOX", "LOCK BOX", "COFFRE"] },
  COMPLETION_ACCOUNTS: {
    en: "Completion accounts",
    fr: "Comptes de clôture (ajustement de prix)",
    also: ["CLOSING ACCOUNTS", "COMPTES DE CLOTURE", "AJUSTEMENT DE PRIX"],
  },
});

/** Where a value bridge puts the cross term, EBITDA growth x multiple change (VALUEBRIDGE). */
export const CROSS_TERM_WORDS = /* @__PURE__ */ vocabulary<CrossTerm>("cross term", CROSS_TERMS, {
  SEPARATE: { en: "Cross term on its own row", fr: "Terme croisé à part", also: ["OWN ROW", "A PART", "SEPARE"] },
  EBITDA: {
    en: "In EBITDA growth (at the exit multiple)",
    fr: "Dans la croissance de l'EBITDA (au multiple de sortie)",
    also: ["EBITDA GROWTH", "CROISSANCE EBITDA"],
  },
  MULTIPLE: {
    en: "In multiple change (on the exit EBITDA)",
    fr: "Dans la variation du multiple (sur l'EBITDA de sortie)",
    also: ["MULTIPLE CHANGE", "VARIATION MULTIPLE"],
  },
});

/** What a management ratchet's higher share applies to once a hurdle is met (RATCHET): the equity above the hurdle, or all of it. */
export const RATCHET_BASIS_WORDS = /* @__PURE__ */ vocabulary<RatchetBasis>("ratchet basis", RATCHET_BASES, {
  EXCESS: {
    en: "The equity above each hurdle (excess equity ratchet)",
    fr: "Les fonds propres au-delà de chaque seuil (ratchet sur l'excédent)",
    also: ["EXCESS EQUITY", "ABOVE", "EXCEDENT", "AU DELA"],
  },
  TOTAL: {
    en: "All the equity once a hurdle is met (total equity ratchet)",
    fr: "Tous les fonds propres dès qu'un seuil est atteint (ratchet sur le total)",
    also: ["TOTAL EQUITY", "ALL", "TOUT", "TOUS"],
  },
});

export type CompMetric = "EBITDA" | "MW";
export const COMP_METRICS = ["EBITDA", "MW"] as const satisfies readonly CompMetric[];

/** The multiple comparable deals are read on (COMPSTATS): EV / EBITDA, or EV per MW of capacity. Its labels head the result. */
export const COMP_METRIC_WORDS = /* @__PURE__ */ vocabulary<CompMetric>("metric", COMP_METRICS, {
  EBITDA: { en: "EV/EBITDA", fr: "VE/EBITDA" },
  MW: { en: "EV/MW", fr: "VE/MW" },
});

// ----- Cap-table history (src/model/capTableHistoryInput.ts) -----

/** Kinds of a share class in a cap-table history. */
export const CLASS_KINDS = ["COMMON", "PREFERRED"] as const;
export type ClassKindInput = (typeof CLASS_KINDS)[number];
/** A class's kind: common or preferred (its words in English and French). */
export const CLASS_KIND_WORDS = /* @__PURE__ */ vocabulary<ClassKindInput>("class kind", CLASS_KINDS, {
  COMMON: { en: "Common", fr: "Ordinaire", also: ["ORDINARY", "ORDINAIRES", "ACTIONS ORDINAIRES"] },
  PREFERRED: { en: "Preferred", fr: "Préférence", also: ["PREF", "PREFERENCE", "ADP", "ACTIONS DE PRÉFÉRENCE"] },
});

/** The event rows of a cap-table history model. */
export const EVENT_TYPES = [
  "ISSUE",
  "GRANT",
  "SAFE",
  "PRE_SAFE",
  "NOTE",
  "CONVERT",
  "POOL",
  "TRANSFER",
  "CANCEL",
  "EXERCISE",
  "REPURCHASE",
  "SPLIT",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** What an event row is (its words in English and French). */
export const EVENT_TYPE_WORDS = /* @__PURE__ */ vocabulary<EventType>("event type", EVENT_TYPES, {
  ISSUE: { en: "Share issue", fr: "Émission d’actions", also: ["ISSUANCE", "EMISSION", "ÉMISSION"] },
  GRANT: { en: "Option grant", fr: "Attribution d’options", also: ["OPTION", "OPTIONS", "ATTRIBUTION", "BSPCE"] },
  SAFE: { en: "Post-money SAFE", fr: "SAFE post-money", also: ["POST_SAFE", "POST SAFE"] },
  PRE_SAFE: { en: "Pre-money SAFE", fr: "SAFE pré-money", also: ["PRE SAFE", "BSA AIR"] },
  NOTE: { en: "Convertible note", fr: "Obligation convertible", also: ["OC"] },
  CONVERT: { en: "Conversion", fr: "Conversion", also: ["CONVERSION"] },
  POOL: { en: "Pool size", fr: "Taille du pool", also: ["POOL ADJUSTMENT", "POOL SIZE"] },
  TRANSFER: { en: "Share transfer", fr: "Cession d’actions", also: ["TRANSFER", "CESSION", "TRANSFERT"] },
  CANCEL: { en: "Cancellation", fr: "Annulation", also: ["CANCELLATION", "ANNULATION", "CANCELLED"] },
  EXERCISE: { en: "Option exercise", fr: "Exercice d’options", also: ["EXERCICE", "EXERCISED"] },
  REPURCHASE: { en: "Repurchase", fr: "Rachat d’actions", also: ["BUYBACK", "BUY-BACK", "RACHAT"] },
  SPLIT: { en: "Stock split", fr: "Division d’actions", also: ["SPLIT", "DIVISION", "STOCK SPLIT"] },
});
