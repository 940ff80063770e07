/**
 * The unissued option pool found by its name in a cap table, in English and in French.
 *
 * Conventions:
 * - A row is the pool when its name, compared without case, accents, spaces, hyphens, underscores,
 *   apostrophes, dots and parentheses, is one of `OPTION_POOL_NAMES` ("Unissued Option Pool", the
 *   YC post-money SAFE's own term, matches "UNISSUED OPTION POOL").
 * - Rows of granted options ("Options outstanding", "Promised options", "BSPCE attribués") are not the
 *   pool: only names of the unissued (available, unallocated) reserve are listed.
 * - Callers say which row they took, and refuse to guess between two rows that both look like it.
 */

/** Every accepted name of the unissued pool, as written; compared through `poolNameKey`. */
export const OPTION_POOL_NAMES = [
  // English
  "Option pool",
  "Options pool",
  "Pool",
  "Unissued pool",
  "Unissued option pool",
  "Unissued options pool",
  "Unissued options",
  "Option pool (unissued)",
  "Available pool",
  "Available option pool",
  "Options available for grant",
  "Available for grant",
  "Unallocated pool",
  "Unallocated option pool",
  "Unallocated options",
  "Ungranted options",
  "Ungranted option pool",
  "ESOP",
  "ESOP pool",
  "Unallocated ESOP",
  "Employee pool",
  "Employee option pool",
  "Employee stock option pool",
  "Stock option pool",
  "Equity incentive pool",
  "Equity pool",
  // French
  "Pool d'options",
  "Pool d'options non attribuées",
  "Pool non attribué",
  "Pool BSPCE",
  "Pool de BSPCE",
  "BSPCE",
  "BSPCE non attribués",
  "BSPCE à attribuer",
  "Réserve d'options",
  "Réserve d'options non attribuées",
  "Réserve de BSPCE",
  "Réserve BSPCE",
  "Options non attribuées",
  "Plan d'options non attribué",
] as const;

/** A name compared as a pool name: upper case, no accents, no spaces or punctuation between the words. */
export function poolNameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[\s\-_'\u2018\u2019\u02bc`\u00b4.()]/g, "");
}

const POOL_KEYS = new Set(OPTION_POOL_NAMES.map(poolNameKey));

/** True when the name is one of the usual names of the unissued option pool (see `OPTION_POOL_NAMES`). */
export function isOptionPoolName(name: string): boolean {
  return POOL_KEYS.has(poolNameKey(name));
}
