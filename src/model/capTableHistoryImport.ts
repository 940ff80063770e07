/**
 * A replayable history (src/engine/history: an Open Cap Format import, or `toHistory` of a model)
 * as the inputs of a cap-table history model: classes with their terms, plans, and the dated event
 * rows. The reverse of `toHistory` (src/model/capTableHistoryModel.ts): importing the export of a
 * history model gives its inputs back.
 *
 * What the model kind cannot hold is never dropped silently: each is a `skipped` entry naming the
 * object and the reason, and each reading the source does not state (a SAFE's cap basis, a
 * preferred class's participation) is a `notes` entry. A skipped transaction takes the securities
 * it created with it (a transfer skipped leaves the shares with the seller), so the rows kept
 * still replay to one consistent cap table.
 *
 * Readings (each stated in a note when it applies):
 * - Seniority: OCF ranks a higher number first, the model ranks 1 first. A history whose every
 *   seniority is above 80 is the model's own export (`toHistory` writes 101 - rank) and is read
 *   back as 101 - seniority; any other is ranked from its most senior class, which becomes 1.
 * - A preferred class without a participation cap is non-participating (OCF 1.2.0 has no
 *   "participating" field, only `participation_cap_multiple`); common participates fully.
 * - A grant's vesting is held when it is the model's monthly vesting with a cliff (the schedule
 *   rebuilt from months, cliff and start is the same, date for date and share for share);
 *   otherwise the grant is kept and its schedule is skipped (the sheet then counts it vested).
 * - Transfers, repurchases and cancellations of stock, exercises and cancellations of options, and
 *   splits are rows when the model's row means the same: a transfer to other holders of the same
 *   class, an exercise into one class share for option, a closing of the holder's oldest grant
 *   under the plan (the model closes oldest first), a balance left with the same holder and terms.
 *   Others (a reissuance, a release, a return to pool, a transfer to oneself) are skipped with what
 *   they created.
 * - The check of it all: the model's cap table as of the date is compared with the package's,
 *   holder by holder (shares per class, options and vested options per plan); each difference is a
 *   note, so a skipped part's effect is stated, never left to be noticed.
 */
import { Decimal, holderKey } from "../engine";
import {
  type CapTableHistory,
  type Closing,
  type HistoryEvent,
  type Issuance,
  type VestingInstalment,
  capTableAsOf,
  validateHistory,
} from "../engine/history";
import { CapTableHistoryInput, type HistoryClassInput, type HistoryEventInput, historyEvent } from "./capTableHistoryInput";
import { grantVesting, toHistory } from "./capTableHistoryModel";
import type { SheetLanguage } from "./sheetText";

/** Why a part of the source is not in the model. */
export type HistoryImportSkip =
  | "closing"
  | "resultOfSkipped"
  | "warrant"
  | "optionOutsidePlan"
  | "vesting"
  | "stockPrice"
  | "conversionShape"
  | "ratioAdjustment"
  | "authorizedAdjustment"
  | "acceleration"
  | "mfn"
  | "noteInterest"
  | "planRetire";

/** One part of the source the model cannot hold: the object's id, its type, and the reason by code (with its parameter) and in words. */
export interface HistoryImportNote {
  readonly id: string;
  readonly type: string;
  readonly code: HistoryImportSkip;
  /** The reason's parameter, the same in every language: a closing's type (`closing`), the id of what was skipped (`resultOfSkipped`), or "". */
  readonly what: string;
  /** The reason in the import's language (`historyImportSkipText` words it in another). */
  readonly reason: string;
}

/**
 * The readings the importer states (each a note), by id, with parameters that are the same in every
 * language (names as the model spells them, exact decimals as strings). `differs`: a figure of the
 * model's cap table as of the date that is not the package's: a holder's shares of a class, or
 * options and their vested count under a plan (`group` undefined: options outside a plan).
 */
export interface HistoryImportNoteParams {
  preferredParticipation: { readonly cls: string };
  preferredNoPreference: { readonly cls: string; readonly assumed: string };
  safeTiming: { readonly holder: string };
  noTerms: { readonly holder: string };
  seniorityRanked: Record<string, never>;
  nameClash: { readonly name: string; readonly renamed: string };
  inexact: { readonly where: string; readonly exact: string };
  differs: {
    readonly asOf: string;
    readonly holder: string;
    readonly group: string | undefined;
    readonly measure: "shares" | "options" | "vested";
    readonly model: string;
    readonly source: string;
  };
}
export type HistoryImportNoteId = keyof HistoryImportNoteParams;
/** A note by id and parameters. */
export type HistoryImportNoteRule = {
  [K in HistoryImportNoteId]: { readonly id: K; readonly params: HistoryImportNoteParams[K] };
}[HistoryImportNoteId];

export interface HistoryImport {
  /** The model's inputs (not yet validated: `CapTableHistoryInput.parse` checks them; the currency is "" when the source names none or several). */
  readonly input: CapTableHistoryInput;
  readonly skipped: readonly HistoryImportNote[];
  /** Readings the source does not state, in words (in the import's language; `noteRules`' text, same order). */
  readonly notes: readonly string[];
  /** The same readings by id and parameters, for another language (`historyImportNoteText`). */
  readonly noteRules: readonly HistoryImportNoteRule[];
  /** The currencies the source's issuances name (sorted). */
  readonly currencies: readonly string[];
}

export interface HistoryImportOptions {
  readonly company: string;
  readonly asOf: string;
  /** The model's currency; default: the one currency the source names. */
  readonly currency?: string;
  readonly language?: SheetLanguage;
}

/** One language's words of the importer: a reason per skip code, a note per note id (a missing one is a compile error). */
type Words = {
  readonly skip: { readonly [K in HistoryImportSkip]: (what: string) => string };
  readonly notePreferredParticipation: (cls: string) => string;
  readonly notePreferredNoPreference: (cls: string, assumed: string) => string;
  readonly noteSafeTiming: (holder: string) => string;
  readonly noteNoTerms: (holder: string) => string;
  readonly noteSeniorityRanked: () => string;
  readonly noteNameClash: (name: string, renamed: string) => string;
  readonly noteInexact: (where: string, exact: string) => string;
  readonly noteDiffers: (asOf: string, what: string, model: string, source: string) => string;
  readonly options: string;
  readonly vested: string;
  readonly closing: "en" | "fr";
};

const EN: Words = {
  skip: {
    closing: (type) => `the history model has no ${type} row: the securities it closes stay as they were`,
    resultOfSkipped: (id) => `created by ${id}, which is skipped`,
    warrant: () => "the history model holds option grants under a plan, not warrants",
    optionOutsidePlan: () => "an option granted outside a plan: the model's grants are under a plan",
    vesting: () => "its vesting is not monthly with a cliff, as the model's grant states it: the grant is kept and counted vested",
    stockPrice: () => "the model's share issue row holds no price per share (the class's issue price is the preference base)",
    conversionShape: () =>
      "the model's conversion converts all of a holder's SAFEs and notes into shares of one class: this conversion does not (partial, into several classes or holders, or of stock or options)",
    ratioAdjustment: () => "the model's class has one conversion ratio: the later ratio is not applied",
    authorizedAdjustment: () => "the model does not hold authorized shares (they change no holding)",
    acceleration: () => "the model's grant has no acceleration: the accelerated shares vest on the schedule",
    mfn: () => "the model's SAFE has no most-favoured-nation clause",
    noteInterest: () =>
      "the model's note accrues one simple rate on an actual/365 day count from its date, paid at conversion: this note's interest is not that (its amount converts without interest)",
    planRetire: () => "the model's plan returns cancelled grants to the pool; this plan retires them",
  },
  notePreferredParticipation: (cls) => `Class "${cls}" states no participation cap: read as non-participating (OCF has no participation field).`,
  notePreferredNoPreference: (cls, assumed) => `Class "${cls}" states no liquidation preference: read as ${assumed}x.`,
  noteSafeTiming: (holder) => `${holder}'s SAFE does not say whether its cap is pre- or post-money: read as a pre-money SAFE.`,
  noteNoTerms: (holder) => `${holder}'s convertible states no conversion terms: read as a pre-money SAFE without cap or discount.`,
  noteSeniorityRanked: () => "Seniority: OCF ranks a higher number first; the model ranks 1 first, so the most senior class is 1.",
  noteNameClash: (name, renamed) => `Two holders or classes are named "${name}": one is named "${renamed}" (the model matches names).`,
  noteInexact: (where, exact) => `${where}: ${exact} has more digits than a spreadsheet number holds; rounded to the nearest one.`,
  noteDiffers: (asOf, what, model, source) => `As of ${asOf}, ${what}: ${model} in the model, ${source} in the package.`,
  options: "options",
  vested: "vested",
  closing: "en",
};

const FR: Words = {
  skip: {
    closing: (type) => `le modèle d’historique n’a pas de ligne ${type} : les titres qu’elle clôt restent tels quels`,
    resultOfSkipped: (id) => `créé par ${id}, qui est ignoré`,
    warrant: () => "le modèle d’historique tient des attributions d’options sous un plan, pas des BSA",
    optionOutsidePlan: () => "une option attribuée hors plan : les attributions du modèle sont sous un plan",
    vesting: () =>
      "son acquisition n’est pas mensuelle avec une période initiale (cliff), comme le modèle l’écrit : l’attribution est gardée et comptée acquise",
    stockPrice: () =>
      "la ligne d’émission d’actions du modèle n’a pas de prix par action (le prix d’émission de la catégorie est la base de la préférence)",
    conversionShape: () =>
      "la conversion du modèle convertit tous les SAFE et obligations d’un porteur en actions d’une catégorie : celle-ci non (partielle, en plusieurs catégories ou porteurs, ou d’actions ou d’options)",
    ratioAdjustment: () => "la catégorie du modèle a une parité de conversion : la parité ultérieure n’est pas appliquée",
    authorizedAdjustment: () => "le modèle ne tient pas les actions autorisées (elles ne changent aucune détention)",
    acceleration: () => "l’attribution du modèle n’a pas d’accélération : les actions accélérées s’acquièrent au calendrier",
    mfn: () => "le SAFE du modèle n’a pas de clause de la nation la plus favorisée",
    noteInterest: () =>
      "l’obligation du modèle porte un taux simple sur une base exact/365 depuis sa date, payé à la conversion : pas celle-ci (son montant se convertit sans intérêts)",
    planRetire: () => "le plan du modèle remet les attributions annulées dans le pool ; ce plan les retire",
  },
  notePreferredParticipation: (cls) =>
    `La catégorie « ${cls} » n’indique pas de plafond de participation : lue non participative (OCF n’a pas de champ de participation).`,
  notePreferredNoPreference: (cls, assumed) => `La catégorie « ${cls} » n’indique pas de préférence de liquidation : lue ${assumed}x.`,
  noteSafeTiming: (holder) => `Le SAFE de ${holder} ne dit pas si son plafond est pré- ou post-money : lu comme un SAFE pré-money.`,
  noteNoTerms: (holder) => `Le titre convertible de ${holder} n’indique pas de conditions : lu comme un SAFE pré-money sans plafond ni décote.`,
  noteSeniorityRanked: () =>
    "Rang : OCF paie d’abord le plus grand nombre ; le modèle paie d’abord le rang 1, donc la catégorie la plus senior est au rang 1.",
  noteNameClash: (name, renamed) =>
    `Deux porteurs ou catégories s’appellent « ${name} » : l’un est nommé « ${renamed} » (le modèle rapproche les noms).`,
  noteInexact: (where, exact) => `${where} : ${exact} a plus de chiffres qu’un nombre de tableur n’en tient ; arrondi au plus proche.`,
  noteDiffers: (asOf, what, model, source) => `Au ${asOf}, ${what} : ${model} dans le modèle, ${source} dans le paquet.`,
  options: "options",
  vested: "acquises",
  closing: "fr",
};

/** An event type's name as the skip reason states it. */
const CLOSING_NAMES: Record<Closing["type"], { en: string; fr: string }> = {
  RETRACTION: { en: "retraction", fr: "rétractation" },
  CANCELLATION: { en: "cancellation", fr: "annulation" },
  CONVERSION: { en: "conversion", fr: "conversion" },
  REISSUANCE: { en: "reissuance", fr: "réémission" },
  REPURCHASE: { en: "repurchase", fr: "rachat" },
  TRANSFER: { en: "transfer", fr: "cession" },
  EXERCISE: { en: "exercise", fr: "exercice" },
  RELEASE: { en: "release", fr: "livraison" },
  RETURN_TO_POOL: { en: "return to pool", fr: "retour au pool" },
};

const wordsOf = (lang: SheetLanguage | undefined): Words => (lang === "fr" ? FR : EN);

/** Why a part of the source is not in the model, in a language (the same words as `reason` in an import of that language). */
export function historyImportSkipText(note: Pick<HistoryImportNote, "code" | "what">, lang: SheetLanguage = "en"): string {
  const w = wordsOf(lang);
  const what =
    note.code === "closing" && Object.prototype.hasOwnProperty.call(CLOSING_NAMES, note.what)
      ? CLOSING_NAMES[note.what as Closing["type"]][w.closing]
      : note.what;
  return w.skip[note.code](what);
}

/** A note of the importer in a language. */
export function historyImportNoteText(rule: HistoryImportNoteRule, lang: SheetLanguage = "en"): string {
  const w = wordsOf(lang);
  switch (rule.id) {
    case "preferredParticipation":
      return w.notePreferredParticipation(rule.params.cls);
    case "preferredNoPreference":
      return w.notePreferredNoPreference(rule.params.cls, rule.params.assumed);
    case "safeTiming":
      return w.noteSafeTiming(rule.params.holder);
    case "noTerms":
      return w.noteNoTerms(rule.params.holder);
    case "seniorityRanked":
      return w.noteSeniorityRanked();
    case "nameClash":
      return w.noteNameClash(rule.params.name, rule.params.renamed);
    case "inexact":
      return w.noteInexact(rule.params.where, rule.params.exact);
    case "differs": {
      const p = rule.params;
      const what =
        p.measure === "shares"
          ? `${p.holder}, ${p.group ?? ""}`
          : `${p.holder}, ${p.group ?? w.options} (${p.measure === "options" ? w.options : w.vested})`;
      return w.noteDiffers(p.asOf, what, p.model, p.source);
    }
  }
}

/** Months of monthly vesting, cliff and start that rebuild `schedule` exactly, or undefined. */
export function monthlyVesting(
  grant: { date: string; shares: number },
  schedule: readonly VestingInstalment[],
): { vestingMonths: number | null; cliffMonths: number | null; vestingStart: string | null } | undefined {
  const steps = [...schedule].filter((i) => !i.quantity.isZero()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (steps.length === 0) return undefined;
  const same = (months: number, cliff: number, start: string | null): boolean => {
    const built = grantVesting(
      historyEvent({ date: grant.date, type: "GRANT", shares: grant.shares, vestingMonths: months, cliffMonths: cliff, vestingStart: start }),
    ).filter((i) => !i.quantity.isZero());
    return built.length === steps.length && built.every((b, k) => b.date === steps[k].date && b.quantity.eq(steps[k].quantity));
  };
  if (same(0, 0, null)) return { vestingMonths: null, cliffMonths: null, vestingStart: null };
  const total = steps.reduce((s, i) => s.add(i.quantity), new Decimal(0));
  const n = steps.length;
  // The first instalment is the cliff's (c monthly portions at once) or the first month's.
  const candidates = new Set<number>([0]);
  if (n > 1 && total.gt(steps[0].quantity)) {
    const c = steps[0].quantity
      .mul(n - 1)
      .div(total.sub(steps[0].quantity))
      .round()
      .toNumber();
    for (const k of [c - 1, c, c + 1]) if (k >= 1) candidates.add(k);
  }
  if (n === 1) candidates.add(1);
  const [fy, fm, fd] = steps[0].date.split("-").map(Number);
  for (const cliff of candidates) {
    const months = cliff === 0 ? n : cliff + n - 1;
    if (months > 240 || cliff > months) continue;
    const back = cliff === 0 ? 1 : cliff;
    const index = fy * 12 + (fm - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const days = new Set([Math.min(fd, last)]);
    // A start on a month's last days lands on a shorter month's last day: each of those is a candidate.
    if (fd === new Date(Date.UTC(fy, fm, 0)).getUTCDate()) for (let day = fd; day <= last; day++) days.add(day);
    for (const day of days) {
      const start = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const vestingStart = start === grant.date ? null : start;
      if (same(months, cliff, vestingStart)) return { vestingMonths: months, cliffMonths: cliff === 0 ? null : cliff, vestingStart };
    }
  }
  return undefined;
}

/** The model's inputs of a history; see the file header for what is read how. */
export function historyInputFromEngine(history: CapTableHistory, options: HistoryImportOptions): HistoryImport {
  // A history is imported whole or not at all: a dangling or looping reference is the engine's error, naming the event.
  validateHistory(history);
  const lang = options.language ?? "en";
  const skipped: HistoryImportNote[] = [];
  const noteRules: HistoryImportNoteRule[] = [];
  const note = <K extends HistoryImportNoteId>(id: K, params: HistoryImportNoteParams[K]) => noteRules.push({ id, params } as HistoryImportNoteRule);
  const skip = (id: string, type: string, code: HistoryImportSkip, what = "") =>
    skipped.push({ id, type, code, what, reason: historyImportSkipText({ code, what }, lang) });
  const num = (x: Decimal, where: string): number => {
    const n = x.toNumber();
    if (!new Decimal(n).eq(x)) note("inexact", { where, exact: x.toFixed() });
    return n;
  };

  // Names: unique by the model's matching (trimmed, case-insensitive), or renamed with the id, said.
  const taken = new Set<string>();
  const uniqueName = (name: string, id: string): string => {
    let out = name.trim() === "" ? id : name;
    if (taken.has(holderKey(out))) {
      const renamed = `${out} (${id})`;
      note("nameClash", { name: out, renamed });
      out = renamed;
    }
    taken.add(holderKey(out));
    return out;
  };
  const className = new Map(history.classes.map((c) => [c.id, uniqueName(c.name, c.id)]));
  taken.clear();
  const holderName = new Map(history.holders.map((h) => [h.id, uniqueName(h.name, h.id)]));
  taken.clear();
  const planName = new Map(history.plans.map((p) => [p.id, uniqueName(p.name, p.id)]));

  // ---- Classes -----------------------------------------------------------------------------------
  const seniorities = history.classes.map((c) => c.seniority);
  const ownExport = seniorities.every((s) => Number.isInteger(s) && s > 80 && s <= 100);
  const ranks = [...new Set(seniorities)].sort((a, b) => b - a);
  if (!ownExport && history.classes.length > 0) note("seniorityRanked", {});
  const classes: HistoryClassInput[] = history.classes.map((c) => {
    const name = className.get(c.id)!;
    const price = c.originalIssuePrice !== undefined && c.originalIssuePrice.gt(0) ? num(c.originalIssuePrice, name) : null;
    let preference = c.liquidationPreferenceMultiple !== undefined ? num(c.liquidationPreferenceMultiple, name) : 0;
    if (c.kind === "PREFERRED" && c.liquidationPreferenceMultiple === undefined) {
      preference = price === null ? 0 : 1;
      note("preferredNoPreference", { cls: name, assumed: String(preference) });
    }
    const capped = c.participationCapMultiple !== undefined;
    if (c.kind === "PREFERRED" && !capped && !ownExport) note("preferredParticipation", { cls: name });
    return {
      name,
      kind: c.kind,
      issuePrice: price,
      preference,
      seniority: ownExport ? 101 - c.seniority : ranks.indexOf(c.seniority) + 1,
      participation: capped ? "CAPPED" : c.kind === "COMMON" ? "FULL" : "NONE",
      cap: capped ? num(c.participationCapMultiple!, name) : null,
      conversionRatio: num(c.conversionRatio, name),
    };
  });
  const plans = history.plans.map((p) => {
    if (p.cancelledGrants === "RETIRE") skip(p.id, "STOCK_PLAN", "planRetire");
    return { name: planName.get(p.id)!, reserved: num(p.reserved, planName.get(p.id)!) };
  });

  // ---- Which transactions the rows hold ------------------------------------------------------------
  // Rows in date order, a date's events in the source's order (the engine replays a date's events in OCF-Tools' order of types whatever the rows' order).
  const ordered = history.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index))
    .map((e) => e.event);
  const issuance = new Map<string, Issuance>();
  for (const e of ordered) if (e.type === "ISSUANCE") issuance.set(e.securityId, e);
  /** Securities created by a closing, to the closing. */
  const createdBy = new Map<string, Closing>();
  for (const e of ordered)
    if (e.type !== "ISSUANCE" && "resultingSecurityIds" in e)
      for (const id of [...e.resultingSecurityIds, ...(e.balanceSecurityId === undefined ? [] : [e.balanceSecurityId])]) createdBy.set(id, e);
  /** Securities dropped (with the closing that made them, or never imported): what acts on them is dropped too. */
  const dropped = new Set<string>();
  const droppedClosings = new Set<string>();
  /** Conversions kept, grouped: the CONVERT row they make, at the group's first conversion. */
  const convertRows = new Map<string, HistoryEventInput>();
  const convertMembers = new Set<string>();
  const openConvertibles = new Map<string, Set<string>>();
  const events: HistoryEventInput[] = [];
  const decided = new Set<string>();
  const closingDecided = new Map<string, HistoryEventInput[] | undefined>();
  const emitted = new Set<string>();
  /** Each holder's open grants per plan, oldest first (as the model's replay closes them). */
  const grantsOpen = new Map<string, string[]>();

  const dropClosing = (e: Closing, code: HistoryImportSkip, what = "") => {
    skip(e.id, e.type, code, what);
    droppedClosings.add(e.id);
  };

  // Conversions of one date and holder form one CONVERT row when they close all the holder's convertibles into stock of one class, held by the holder.
  const conversionGroups = new Map<string, Closing[]>();
  for (const e of ordered) {
    if (e.type !== "CONVERSION") continue;
    const from = issuance.get(e.securityId);
    if (from === undefined) continue;
    const k = `${e.date}\u0000${from.holderId}`;
    conversionGroups.set(k, [...(conversionGroups.get(k) ?? []), e]);
  }

  for (let i = 0; i < ordered.length; i++) {
    const e: HistoryEvent = ordered[i];
    switch (e.type) {
      case "ISSUANCE": {
        const parent = createdBy.get(e.securityId);
        if (parent !== undefined && convertMembers.has(parent.id)) break; // the CONVERT row issues it
        if (parent !== undefined && parent.type === "CONVERSION" && !droppedClosings.has(parent.id) && !decided.has(parent.id)) decide(parent);
        if (parent !== undefined && convertMembers.has(parent.id)) break;
        if (parent !== undefined && parent.type !== "CONVERSION" && !droppedClosings.has(parent.id)) {
          // What a transfer, cancellation, exercise or repurchase row creates is the row's: not an issuance of its own.
          if (closingRows(parent) !== undefined) break;
        }
        if (parent !== undefined && droppedClosings.has(parent.id)) {
          skip(e.id, "ISSUANCE", "resultOfSkipped", parent.id);
          dropped.add(e.securityId);
          break;
        }
        const holder = holderName.get(e.holderId)!;
        if (e.kind === "STOCK") {
          // A price of 0 says nothing (the model's own export writes 0 for "not known"), and the class's issue price is held by the class.
          const classPrice = history.classes.find((c) => c.id === e.classId)?.originalIssuePrice;
          if (e.price !== undefined && !e.price.isZero() && (classPrice === undefined || !classPrice.eq(e.price)))
            skip(e.id, "STOCK_ISSUANCE", "stockPrice");
          events.push(historyEvent({ date: e.date, type: "ISSUE", holder, className: className.get(e.classId!)!, shares: num(e.quantity!, e.id) }));
        } else if (e.kind === "WARRANT") {
          skip(e.id, "WARRANT_ISSUANCE", "warrant");
          dropped.add(e.securityId);
        } else if (e.kind === "OPTION") {
          if (e.planId === undefined) {
            skip(e.id, "EQUITY_COMPENSATION_ISSUANCE", "optionOutsidePlan");
            dropped.add(e.securityId);
            break;
          }
          const shares = num(e.quantity!, e.id);
          let vesting: ReturnType<typeof monthlyVesting> = { vestingMonths: null, cliffMonths: null, vestingStart: null };
          if (e.vesting !== undefined) {
            const found = monthlyVesting({ date: e.date, shares }, e.vesting);
            if (found === undefined) skip(e.id, "EQUITY_COMPENSATION_ISSUANCE", "vesting");
            else vesting = found;
          }
          grantsOpen.set(`${e.holderId}\u0000${e.planId}`, [...(grantsOpen.get(`${e.holderId}\u0000${e.planId}`) ?? []), e.securityId]);
          events.push(
            historyEvent({
              date: e.date,
              type: "GRANT",
              holder,
              plan: planName.get(e.planId)!,
              className: e.classId === undefined ? null : className.get(e.classId)!,
              shares,
              // A strike of 0 is the model's empty strike (both count as 0 at the exit; the model's export writes 0 for none).
              strike: e.price === undefined || e.price.isZero() ? null : num(e.price, e.id),
              ...vesting,
            }),
          );
        } else {
          const t = e.conversion;
          let type: HistoryEventInput["type"] = "PRE_SAFE";
          if (t === undefined) note("noTerms", { holder });
          else if (t.mechanism === "NOTE") type = "NOTE";
          else if (t.timing === "POST_MONEY") type = "SAFE";
          else if (t.timing === undefined) note("safeTiming", { holder });
          if (t?.mfn === true) skip(e.id, "CONVERTIBLE_ISSUANCE", "mfn");
          // One rate from the note's date, simple, actual/365, paid at conversion: the model's rate column; any other interest is not held.
          const rates = t?.mechanism === "NOTE" ? (t.interestRates ?? []).filter((r) => !r.rate.isZero()) : [];
          const simple =
            rates.length === 1 &&
            rates[0].from === e.date &&
            rates[0].to === undefined &&
            (t!.dayCount ?? "ACTUAL_365") === "ACTUAL_365" &&
            (t!.compounding ?? "SIMPLE") === "SIMPLE" &&
            t!.interestPayout !== "CASH";
          if (rates.length > 0 && !simple) skip(e.id, "CONVERTIBLE_ISSUANCE", "noteInterest");
          events.push(
            historyEvent({
              date: e.date,
              type,
              holder,
              amount: num(e.amount!, e.id),
              cap: t?.valuationCap !== undefined && t.valuationCap.gt(0) ? num(t.valuationCap, e.id) : null,
              discount: t?.discount !== undefined && !t.discount.isZero() ? num(t.discount, e.id) : null,
              rate: simple ? num(rates[0].rate, e.id) : null,
            }),
          );
          const k = holderKey(holder);
          openConvertibles.set(k, new Set([...(openConvertibles.get(k) ?? []), e.securityId]));
        }
        break;
      }
      case "CONVERSION": {
        if (dropped.has(e.securityId)) {
          dropClosing(e, "resultOfSkipped", `${e.securityId}`);
          break;
        }
        if (!decided.has(e.id)) decide(e);
        const row = convertRows.get(e.id);
        if (row !== undefined) events.push(row);
        break;
      }
      case "POOL_ADJUSTMENT":
        events.push(historyEvent({ date: e.date, type: "POOL", plan: planName.get(e.planId)!, shares: num(e.reserved, e.id) }));
        break;
      case "SPLIT":
        events.push(historyEvent({ date: e.date, type: "SPLIT", className: className.get(e.classId)!, ratio: num(e.ratio, e.id) }));
        break;
      case "RATIO_ADJUSTMENT":
        skip(e.id, "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT", "ratioAdjustment");
        break;
      case "AUTHORIZED_ADJUSTMENT":
        skip(e.id, "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", "authorizedAdjustment");
        break;
      case "VESTING_ACCELERATION":
        skip(e.id, "TX_VESTING_ACCELERATION", "acceleration");
        break;
      default: {
        if (droppedClosings.has(e.id)) break;
        const rows = closingRows(e);
        if (rows !== undefined && !emitted.has(e.id)) {
          emitted.add(e.id);
          for (const row of rows) events.push(row);
        }
      }
    }
  }

  /**
   * The rows of a transfer, cancellation, exercise or repurchase, decided once (in source order:
   * the option ledger follows the grants as the model's replay does), or undefined when the model
   * cannot hold it (the closing and what it created are then skipped, with the reason).
   */
  function closingRows(e: Closing): HistoryEventInput[] | undefined {
    if (closingDecided.has(e.id)) return closingDecided.get(e.id);
    const rows = closingShape(e);
    closingDecided.set(e.id, rows);
    if (rows === undefined) {
      if (!droppedClosings.has(e.id)) {
        if (dropped.has(e.securityId)) dropClosing(e, "resultOfSkipped", e.securityId);
        else dropClosing(e, "closing", e.type);
      }
    }
    return rows;
  }

  function closingShape(e: Closing): HistoryEventInput[] | undefined {
    if (dropped.has(e.securityId)) return undefined;
    const from = issuance.get(e.securityId)!;
    const held = from.quantity;
    if (held === undefined) return undefined;
    const quantity = e.quantity ?? held;
    const holder = holderName.get(from.holderId)!;
    const made = e.resultingSecurityIds.map((id) => issuance.get(id)!);
    const balance = e.balanceSecurityId === undefined ? undefined : issuance.get(e.balanceSecurityId)!;
    // The balance: the same holder, class or plan, strike, and the rest of the quantity.
    if (
      balance !== undefined &&
      (balance.holderId !== from.holderId ||
        balance.kind !== from.kind ||
        balance.classId !== from.classId ||
        balance.planId !== from.planId ||
        !balance.quantity?.eq(held.sub(quantity)) ||
        !(balance.price ?? new Decimal(0)).eq(from.price ?? new Decimal(0)))
    )
      return undefined;
    const date = e.date;
    if (from.kind === "STOCK") {
      const cls = className.get(from.classId!)!;
      if (e.type === "TRANSFER") {
        const total = made.reduce((t, m) => t.add(m.quantity ?? 0), new Decimal(0));
        if (
          made.length === 0 ||
          !total.eq(quantity) ||
          made.some((m) => m.kind !== "STOCK" || m.classId !== from.classId || m.holderId === from.holderId)
        )
          return undefined;
        return made.map((m) =>
          historyEvent({ date, type: "TRANSFER", holder, toHolder: holderName.get(m.holderId)!, className: cls, shares: num(m.quantity!, e.id) }),
        );
      }
      if ((e.type === "REPURCHASE" || e.type === "CANCELLATION") && made.length === 0)
        return [historyEvent({ date, type: e.type === "REPURCHASE" ? "REPURCHASE" : "CANCEL", holder, className: cls, shares: num(quantity, e.id) })];
      return undefined;
    }
    if (from.kind !== "OPTION" || from.planId === undefined) return undefined;
    // Options: the model closes a holder's oldest grant under the plan first; a closing of another grant is not one of its rows.
    const k = `${from.holderId}\u0000${from.planId}`;
    const open = grantsOpen.get(k) ?? [];
    if (open[0] !== from.securityId) return undefined;
    const plan = planName.get(from.planId)!;
    let row: HistoryEventInput | undefined;
    if (e.type === "CANCELLATION" && made.length === 0) row = historyEvent({ date, type: "CANCEL", holder, plan, shares: num(quantity, e.id) });
    if (e.type === "EXERCISE") {
      const stock = made[0];
      if (made.length === 1 && stock.kind === "STOCK" && stock.holderId === from.holderId && stock.quantity!.eq(quantity))
        row = historyEvent({ date, type: "EXERCISE", holder, plan, className: className.get(stock.classId!)!, shares: num(quantity, e.id) });
    }
    if (row === undefined) return undefined;
    if (balance === undefined) open.shift();
    else open[0] = balance.securityId;
    return [row];
  }

  /** Decides a conversion's group once: one CONVERT row, or every member dropped with the reason. */
  function decide(first: Closing): void {
    const from = issuance.get(first.securityId)!;
    const group = conversionGroups.get(`${first.date}\u0000${from.holderId}`) ?? [first];
    for (const g of group) decided.add(g.id);
    const holder = holderName.get(from.holderId)!;
    const open = openConvertibles.get(holderKey(holder)) ?? new Set<string>();
    const results = group.flatMap((g) => [...g.resultingSecurityIds, ...(g.balanceSecurityId === undefined ? [] : [g.balanceSecurityId])]);
    const made = results.map((id) => issuance.get(id)!);
    const classIds = new Set(made.map((m) => m.classId));
    const fits =
      group.every((g) => {
        const s = issuance.get(g.securityId)!;
        return s.kind === "CONVERTIBLE" && g.balanceSecurityId === undefined && (g.quantity === undefined || g.quantity.eq(s.amount!));
      }) &&
      group.length === open.size &&
      group.every((g) => open.has(g.securityId)) &&
      made.length > 0 &&
      made.every((m) => m.kind === "STOCK" && m.holderId === from.holderId) &&
      classIds.size === 1;
    if (!fits) {
      for (const g of group) dropClosing(g, "conversionShape");
      return;
    }
    for (const g of group) convertMembers.add(g.id);
    openConvertibles.set(holderKey(holder), new Set());
    const shares = made.reduce((s, m) => s.add(m.quantity!), new Decimal(0));
    convertRows.set(
      group[0].id,
      historyEvent({ date: first.date, type: "CONVERT", holder, className: className.get([...classIds][0]!)!, shares: num(shares, first.id) }),
    );
  }

  // Closings that follow one another on one date with the same holder, type, class, plan and buyer are one row (the model closes oldest first, as they did).
  const merged: HistoryEventInput[] = [];
  for (const row of events) {
    const last = merged[merged.length - 1];
    const same =
      last !== undefined &&
      ["TRANSFER", "CANCEL", "EXERCISE", "REPURCHASE"].includes(row.type) &&
      (["date", "type", "holder", "toHolder", "className", "plan"] as const).every((k) => last[k] === row[k]);
    if (same) merged[merged.length - 1] = { ...last, shares: num(new Decimal(last.shares!).add(row.shares!), row.date) };
    else merged.push(row);
  }
  // A split is the last row of its date (the engine replays it after the date's other events).
  merged.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : Number(a.type === "SPLIT") - Number(b.type === "SPLIT")));
  const { currency: found, list } = currencyOf(history);
  const input: CapTableHistoryInput = {
    kind: "capTableHistory",
    company: options.company,
    currency: options.currency ?? found,
    unit: "units",
    source: "",
    asOf: options.asOf,
    classes,
    plans,
    events: merged,
    nextRound: null,
    exit: null,
    rounding: "DOWN",
  };
  // The check of it all: the model's cap table as of the date against the package's, holder by holder; each difference is a note.
  const parsed = CapTableHistoryInput.safeParse(input);
  if (parsed.success) {
    const mine = capTableAsOf(toHistory(parsed.data), options.asOf);
    const theirs = capTableAsOf(history, options.asOf);
    const modelHolders = new Map(toHistory(parsed.data).holders.map((h) => [h.id, h.name]));
    const modelClasses = new Map(parsed.data.classes.map((c, i) => [`C${i + 1}`, c.name]));
    const modelPlans = new Map(parsed.data.plans.map((p, i) => [`P${i + 1}`, p.name]));
    // Each figure by a key (the same in every language, so the notes come in one order), with its place.
    type Place = Pick<HistoryImportNoteParams["differs"], "holder" | "group" | "measure">;
    const figures = (
      table: ReturnType<typeof capTableAsOf>,
      holderOf: (id: string) => string,
      classOf: (id: string) => string,
      planOf: (id: string) => string,
    ) => {
      const out = new Map<string, { place: Place; value: Decimal }>();
      const add = (place: Place, v: Decimal) => {
        const k = `${place.holder}, ${place.group ?? EN.options}${place.measure === "shares" ? "" : ` (${place.measure})`}`;
        out.set(k, { place, value: (out.get(k)?.value ?? new Decimal(0)).add(v) });
      };
      for (const p of table.stock) add({ holder: holderOf(p.holderId), group: classOf(p.classId), measure: "shares" }, p.shares);
      for (const o of table.derivatives) {
        const holder = holderOf(o.holderId);
        const group = o.planId === undefined ? undefined : planOf(o.planId);
        add({ holder, group, measure: "options" }, o.quantity);
        add({ holder, group, measure: "vested" }, o.vested ?? o.quantity);
      }
      return out;
    };
    const a = figures(
      mine,
      (id) => modelHolders.get(id)!,
      (id) => modelClasses.get(id)!,
      (id) => modelPlans.get(id)!,
    );
    const b = figures(
      theirs,
      (id) => holderName.get(id)!,
      (id) => className.get(id)!,
      (id) => planName.get(id)!,
    );
    for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(k)?.value ?? new Decimal(0);
      const y = b.get(k)?.value ?? new Decimal(0);
      if (!x.eq(y)) note("differs", { asOf: options.asOf, ...(a.get(k) ?? b.get(k))!.place, model: x.toFixed(), source: y.toFixed() });
    }
  }
  const notes = noteRules.map((r) => historyImportNoteText(r, lang));
  return { input, skipped, notes, noteRules, currencies: list };
}

function currencyOf(history: CapTableHistory): { currency: string; list: string[] } {
  const found = new Set<string>();
  for (const e of history.events) if (e.type === "ISSUANCE" && e.currency !== undefined) found.add(e.currency);
  const list = [...found].sort();
  return { currency: list.length === 1 ? list[0] : "", list };
}
