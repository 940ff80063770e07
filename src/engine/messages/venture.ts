/**
 * English of the venture rules: priced rounds and their instruments, anti-dilution, exit waterfalls
 * and their solvers (src/engine/venture/).
 */
import { type Who, type RuleCatalogue, ruleErrors } from "../engineRules";
import { COMMON_RULES_EN } from "./common";

const whoEn = (w: Who): string => ("className" in w ? `class "${w.className}"` : `holder "${w.holder}"`);

export const VENTURE_RULES_EN = {
  instrumentNoHolder: (p) => `instruments must name a holder (row ${p.row})`,
  poolRows: () => "holders must have at most one unissued pool row",
  noSharesBeforeRound: () => "shares must add up to more than 0 before the round",
  conversionUnsettled: () => "the conversion terms did not settle (please report this case)",
  roundOverOwned: (p) =>
    `the SAFEs and notes, the pool target${p.antiDilution ? ", the anti-dilution adjustments" : ""} and the new money would own 100% or more of the company: lower the amounts or raise the caps or the pre-money`,
  conversionBeforeStart: () => "conversion_date must not be before start_date",
  capitalizationRequired: (p) => `capitalization is required with a cap${p.explained ? ": the cap price is cap / capitalization" : ""}`,
  investmentAtCap: () => "investment must be below the post-money cap (it would own 100% or more)",
  antidilutionNotHolder: (p) => `antidilution: class "${p.className}" must be one of the holders (its row holds the class as converted)`,
  antidilutionRowMismatch: (p) =>
    `antidilution: class "${p.className}" converts into ${p.before} shares before the round, but its holder row holds ${p.held}: the row must hold the class as converted`,
  noWeightedAverage: () => "shares outstanding and new shares are both zero: no weighted average",
  conversionPriceWithoutOip: (p) => `class "${p.className}" has a conversion price but no original issue price`,
  seniorityWhole: (p) => `seniority of class "${p.className}" must be a whole number from 1 (most senior), got ${p.got}`,
  strikeAndPreference: (p) => `class "${p.className}" has a strike and a preference: options and warrants have no preference`,
  capMissing: (p) => `class "${p.className}" is capped participating: give its cap (a multiple of invested capital)`,
  capBelowPreference: (p) => `cap of class "${p.className}" must be at least its preference multiple, got ${p.got}x`,
  classesNoShares: () => "classes must hold some shares: a waterfall needs shares to share the residual",
  residualUnshared: () => "the residual cannot be shared: no class takes part above the last breakpoint",
  holdingUnknownClass: (p) => `holdings name a class that is not in the classes table: "${p.className}"`,
  holdingsExceed: (p) => `holdings of class "${p.className}" add up to ${p.held} shares, more than the class's ${p.shares}`,
  whoNotClass: (p) => `who must be a class of the classes table, got "${p.className}"`,
  whoNotHolder: (p) => `who must be a holder of the holdings table, got "${p.holder}"`,
  noInvested: (p) =>
    `${whoEn(p.who)} has no invested capital, so no multiple on it: give the Invested column (or the invested argument), or a target payout`,
  payoutUnreachable: (p) => `${whoEn(p.who)} cannot reach a payout of ${p.payout}: its payout stops at ${p.max} whatever the exit value`,
  ownershipTooHigh: (p) =>
    `the investor would need ${p.got}% of the company today (100% or more): raise the exit value or the retention, or lower the target multiple or the investment`,
} satisfies RuleCatalogue;

/** Throws this area's rules and the shared ones (./common.ts). */
export const ventureError = /* @__PURE__ */ ruleErrors([COMMON_RULES_EN, VENTURE_RULES_EN]);
