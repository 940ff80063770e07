/**
 * The keywords text arguments accept, in English and in French: the functions' view of the one
 * vocabulary (src/engine/vocabulary.ts), where every accepted spelling and the canonical value it
 * stands for are listed once for every reader (cells, forms, paste, templates). Adding a spelling
 * there is the only step to accept it here.
 *
 * Matching is forgiving in the ways a spreadsheet user types: case, accents ("PRÊTS" = "PRETS"),
 * typographic apostrophes ("D’ENTREPRISE" = "D'ENTREPRISE"), hyphens and repeated spaces do not
 * matter. `choiceKey` is that normalisation; every key below went through it.
 */
import {
  BASIS_WORDS,
  COMPONENT_WORDS,
  POOL_BASIS_WORDS,
  ROUNDING_WORDS,
  TARGET_KIND_WORDS,
  choiceKey,
  keywords,
  type PoolBasis,
  type PriceComponent,
  type ShareRounding,
  type TargetKind,
  type ValuationBasis,
} from "../engine";

export { choiceKey, keywords, type PriceComponent, type TargetKind };

/** Valuation basis (STAKEVALUE, DEALVIEW) and output (IMPLIEDVALUE). */
export const BASIS: Readonly<Record<string, ValuationBasis>> = BASIS_WORDS.words;

/** Part of a stake's price (STAKEVALUE). */
export const COMPONENT: Readonly<Record<string, PriceComponent>> = COMPONENT_WORDS.words;

/** Share rounding policy (PRIMARYSHARES, PRIMARY, PRICEDROUND). */
export const ROUNDING: Readonly<Record<string, ShareRounding>> = ROUNDING_WORDS.words;

/** What a target is (EXITFORTARGET): a multiple on invested capital or a payout amount. */
export const TARGET_KIND: Readonly<Record<string, TargetKind>> = TARGET_KIND_WORDS.words;

/** What a pool target is measured on (PRICEDROUND): the unissued pool, or the whole pool (granted, promised and unissued). */
export const POOL_BASIS: Readonly<Record<string, PoolBasis>> = POOL_BASIS_WORDS.words;
