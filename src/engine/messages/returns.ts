/**
 * English of the rules of dated returns (src/engine/deal/returns.ts: XIRR, XNPV and their flows).
 * Returns per holder (src/engine/deal/holders.ts) wrap them in `holderFlows`, naming the holder.
 */
import { type EngineRuleMessages, type EngineRuleRef, type ReturnsRuleId, ruleErrors, subjectEn } from "../engineRules";

export const RETURNS_RULES_EN = {
  aboveMinus100: (p) => `${subjectEn(p.subject)} must be greater than -100%, got ${p.got}%`,
  notDates: (p) => `${p.subject} must be dates (day serial numbers from 0 to 2958465, 31/12/9999), got ${p.got}`,
  beforeFirstDate: (p) =>
    `${p.subject} must not be before the first date (the origin of the discounting), got ${p.day} before ${p.origin} at position ${p.position}`,
  tooFewFlows: (p) => `flows must have at least two dated cash flows, got ${p.got}`,
  noFlows: () => "flows must have at least one dated cash flow",
  flowsSameDate: () => "flows must not all fall on the same date: no rate discounts them",
  flowsOneSign: () => "flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires",
  irrTooLarge: () => "the IRR is too large for a cell: the flows grow beyond any double in the time between their dates",
  noIrr: () => "no rate discounts these flows to zero (XIRR would show #NUM!): check the signs and dates of the flows",
} satisfies Pick<EngineRuleMessages, ReturnsRuleId>;

/** Throws the rules of dated returns (and no other: `holderFlows` wraps only these). */
export const returnsError = /* @__PURE__ */ ruleErrors([RETURNS_RULES_EN]);

/** Whether a rule is one of dated returns. */
export function isReturnsRule(rule: EngineRuleRef): rule is EngineRuleRef<ReturnsRuleId> {
  return Object.prototype.hasOwnProperty.call(RETURNS_RULES_EN, rule.id);
}

/** The English of a rule of dated returns. */
export function returnsRuleText(rule: EngineRuleRef<ReturnsRuleId>): string {
  return (RETURNS_RULES_EN[rule.id] as (p: typeof rule.params) => string)(rule.params);
}
