/**
 * English of the deal rules: price mechanics at completion, loans, sources and uses, comps, returns
 * per holder and ratchets (src/engine/deal/). The rules of dated returns are ./returns.ts.
 */
import { type RuleCatalogue, ruleErrors } from "../engineRules";
import { COMMON_RULES_EN } from "./common";
import { RETURNS_RULES_EN, returnsRuleText } from "./returns";

export const DEAL_RULES_EN = {
  dateBefore: (p) => `${p.end} must not be before ${p.start}, got ${p.days} days`,
  loansExceedEquityAtBox: (p) => `shareholder_loans (${p.loans}) must not exceed the equity price at the box (${p.equity}), which includes them`,
  loansWithoutShareTicker: () =>
    'shareholder_loans is given but the ticker does not accrue on the shares: the loans are used only with ticker_rate and ticker_base "SHARES"; set them or leave shareholder_loans empty',
  tickerBoth: () => "ticker_per_day must be empty when ticker_rate is given: the ticker is a rate or an amount per day, not both",
  loansRequiredForShares: () =>
    'shareholder_loans is required when ticker_base is "SHARES": the ticker then accrues on the equity price less the loans',
  permittedExceedsLeakage: (p) => `permitted_leakage (${p.permitted}) must not exceed leakage (${p.leakage}): it is the permitted part of it`,
  escrowExceedsPrice: (p) => `escrow (${p.escrow}) must not exceed the estimated price (${p.price})`,
  paymentBeforeCompletion: (p) => `dates must not be before completion_date (payment ${p.payment} is ${p.days} days before)`,
  soldExceeds: (p) =>
    p.what === "shares"
      ? `Shares sold of "${p.holder}" (${p.sold}) must not exceed its shares (${p.held})`
      : `Loans sold of "${p.holder}" (${p.sold}) must not exceed its loans (${p.held})`,
  holdingsNoShares: () => "holdings must hold some shares: the price per share divides by them",
  loansExceedPrice: (p) =>
    `the loans at accrued face value (${p.loans}) exceed the equity price (${p.price}): the loans are not worth face value, so this split does not apply`,
  noQuartileValues: () => "no values to take a quartile of",
  noMultiples: () => "comps must give at least one multiple",
  sourcesExceedUses: (p) =>
    `the sources (${p.sources}) exceed the uses (${p.uses}) before any equity: the equity plug would be negative; reduce a source or add a use`,
  retainedAtFullSale: () => "retained_fair_value must be empty or 0 when stake_sold is 100%: nothing is retained",
  holderFlows: (p) => `flows of "${p.holder}": ${returnsRuleText(p.rule)}`,
  ratchetHurdlesRise: (p) => `tiers: the hurdle of tier ${p.position} must be above the one of the tier before (hurdles rise tier by tier)`,
  ratchetShareRange: (p) =>
    `tiers: the management share of tier ${p.position} must be from ${p.below}% (the share below it: a ratchet never lowers it) to 100%, got ${p.got}%`,
  ratchetUnreachable: (p) =>
    `tiers: the investors never reach the hurdle of tier ${p.position}: management takes 100% of the equity above a lower hurdle`,
} satisfies RuleCatalogue;

/** Throws the deal rules, the rules of dated returns and the shared ones. */
export const dealError = /* @__PURE__ */ ruleErrors([COMMON_RULES_EN, RETURNS_RULES_EN, DEAL_RULES_EN]);
