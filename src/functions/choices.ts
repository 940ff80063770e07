/**
 * The keywords text arguments accept, in English and in French. Each map lists every accepted
 * spelling and the canonical value it stands for. Adding a spelling here is the only step to
 * accept it in cells.
 *
 * Matching is forgiving in the ways a spreadsheet user types: case, accents ("PRÊTS" = "PRETS"),
 * typographic apostrophes ("D’ENTREPRISE" = "D'ENTREPRISE") and repeated spaces do not matter.
 * `choiceKey` is that normalisation; every key below goes through it too.
 */
import type { PoolBasis, ShareRounding, ValuationBasis } from "../engine";

/** The normalised form of a keyword: upper case, no accents, straight apostrophes, single spaces. */
export function choiceKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** A keyword map: every spelling, normalised by `choiceKey`, to the value it stands for. */
export function keywords<T extends string>(spellings: Record<string, T>): Readonly<Record<string, T>> {
  const map: Record<string, T> = Object.create(null);
  for (const [spelling, value] of Object.entries(spellings)) map[choiceKey(spelling)] = value;
  return Object.freeze(map);
}

/** Valuation basis (STAKEVALUE, DEALVIEW) and output (IMPLIEDVALUE). */
export const BASIS: Readonly<Record<string, ValuationBasis>> = keywords<ValuationBasis>({
  EQUITY: "EQUITY",
  "EQUITY VALUE": "EQUITY",
  EV: "EV",
  "ENTERPRISE VALUE": "EV",
  // French
  "CAPITAUX PROPRES": "EQUITY",
  "FONDS PROPRES": "EQUITY",
  "VALEUR DES FONDS PROPRES": "EQUITY",
  "VALEUR DES CAPITAUX PROPRES": "EQUITY",
  VE: "EV",
  "VALEUR D'ENTREPRISE": "EV",
});

export type PriceComponent = "TOTAL" | "SHARES" | "LOANS";

/** Part of a stake's price (STAKEVALUE). */
export const COMPONENT: Readonly<Record<string, PriceComponent>> = keywords<PriceComponent>({
  TOTAL: "TOTAL",
  SHARES: "SHARES",
  LOANS: "LOANS",
  "SHAREHOLDER LOANS": "LOANS",
  // French (TOTAL is the same word)
  ACTIONS: "SHARES",
  TITRES: "SHARES",
  PRÊTS: "LOANS",
  "PRÊTS D'ACTIONNAIRES": "LOANS",
  "COMPTES COURANTS": "LOANS",
  "COMPTES COURANTS D'ASSOCIÉS": "LOANS",
  CCA: "LOANS",
});

/** Share rounding policy (PRIMARYSHARES, PRIMARY). */
export const ROUNDING: Readonly<Record<string, ShareRounding>> = keywords<ShareRounding>({
  DOWN: "DOWN",
  UP: "UP",
  NEAREST: "NEAREST",
  NONE: "NONE",
  EXACT: "NONE",
  // French
  BAS: "DOWN",
  INFÉRIEUR: "DOWN",
  HAUT: "UP",
  SUPÉRIEUR: "UP",
  PROCHE: "NEAREST",
  "PLUS PROCHE": "NEAREST",
  AUCUN: "NONE",
});

export type TargetKind = "MULTIPLE" | "PAYOUT";

/** What a target is (EXITFORTARGET): a multiple on invested capital or a payout amount. */
export const TARGET_KIND: Readonly<Record<string, TargetKind>> = keywords<TargetKind>({
  MULTIPLE: "MULTIPLE",
  MOIC: "MULTIPLE",
  "MULTIPLE ON INVESTED": "MULTIPLE",
  "MULTIPLE ON INVESTED CAPITAL": "MULTIPLE",
  PAYOUT: "PAYOUT",
  AMOUNT: "PAYOUT",
  // French (MULTIPLE is the same word)
  "MULTIPLE DU CAPITAL INVESTI": "MULTIPLE",
  MONTANT: "PAYOUT",
  PAIEMENT: "PAYOUT",
});

/** What a pool target is measured on (PRICEDROUND): the unissued pool, or the whole pool (granted, promised and unissued). */
export const POOL_BASIS: Readonly<Record<string, PoolBasis>> = keywords<PoolBasis>({
  UNISSUED: "UNISSUED",
  AVAILABLE: "UNISSUED",
  UNALLOCATED: "UNISSUED",
  "UNISSUED POOL": "UNISSUED",
  TOTAL: "TOTAL",
  WHOLE: "TOTAL",
  "WHOLE POOL": "TOTAL",
  "TOTAL POOL": "TOTAL",
  // French (TOTAL is the same word)
  "NON ATTRIBUE": "UNISSUED",
  "NON ATTRIBUES": "UNISSUED",
  DISPONIBLE: "UNISSUED",
  "POOL TOTAL": "TOTAL",
  ENSEMBLE: "TOTAL",
});
