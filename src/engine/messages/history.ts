/**
 * English of the cap-table history's rules: events, securities, vesting terms and the next round
 * (src/engine/history/). The custom functions replay no history, so their bundle carries none of these.
 */
import { type AtEvent, type AtTerms, type RuleCatalogue, ruleErrors } from "../engineRules";
import { COMMON_RULES_EN } from "./common";

const atEvent = (p: AtEvent): string => `event "${p.event}" (${p.date}): `;
const atTerms = (p: AtTerms): string => `vesting terms "${p.terms}": `;

export const HISTORY_RULES_EN = {
  asOfDate: (p) => `as_of must be a calendar date written YYYY-MM-DD, got "${p.got}"`,
  eventDate: (p) => `${atEvent(p)}date must be a calendar date written YYYY-MM-DD, got "${p.got}"`,
  eventIdTwice: (p) => `${atEvent(p)}the same event id appears twice`,
  issuedTwice: (p) => `${atEvent(p)}security "${p.security}" is issued twice`,
  holderUnknown: (p) => `${atEvent(p)}holder "${p.holder}" is not among the stakeholders`,
  classUnknown: (p) => `${atEvent(p)}class "${p.className}" is not among the stock classes`,
  planUnknown: (p) => `${atEvent(p)}plan "${p.plan}" is not among the stock plans`,
  stockNeedsClass: (p) => `${atEvent(p)}a stock issuance needs its class`,
  issuanceNeedsSize: (p) => `${atEvent(p)}${p.convertible ? "a convertible issuance needs its amount" : "an issuance needs its quantity"}`,
  quantityNegative: (p) => `${atEvent(p)}the quantity must not be negative, got ${p.got}`,
  securityNotIssued: (p) => `${atEvent(p)}security "${p.security}" is not issued on or before this date`,
  securityIssuedLater: (p) => `${atEvent(p)}security "${p.security}" is issued later, on ${p.issued}`,
  resultNeverIssued: (p) => `${atEvent(p)}resulting security "${p.security}" is never issued`,
  resultIssuedOtherDate: (p) =>
    `${atEvent(p)}resulting security "${p.security}" is issued on ${p.issued}, not on the date of the event that creates it`,
  resultsFromItself: (p) => `${atEvent(p)}security "${p.security}" results from itself`,
  resultsFromTwo: (p) => `${atEvent(p)}security "${p.security}" results from two events`,
  splitRatio: (p) => `${atEvent(p)}the split ratio must be above 0, got ${p.got}`,
  notOutstanding: (p) => `${atEvent(p)}security "${p.security}" is not outstanding`,
  alreadyClosed: (p) => `${atEvent(p)}security "${p.security}" was already closed by "${p.by}"`,
  actsOnMore: (p) => `${atEvent(p)}acts on ${p.quantity} but security "${p.security}" holds ${p.held}`,
  noBalanceSecurity: (p) =>
    `${atEvent(p)}acts on ${p.quantity} of the ${p.held} security "${p.security}" holds, and names no balance security for the remaining ${p.remaining}`,
  securitiesLoop: (p) => `securities loop: "${p.security}" results, through others, from itself`,
  roundBeforeTable: (p) => `the round's date ${p.round} is before the cap table's date ${p.table}`,
  planOverGranted: (p) => `plan "${p.plan}" has granted ${p.excess} shares more than it reserves`,
  conditionUnknown: (p) => `${atTerms(p)}a condition is relative to "${p.condition}", which does not exist`,
  conditionCycle: (p) => `${atTerms(p)}condition "${p.condition}" is relative to itself through others`,
  periodNotWhole: (p) => `${atTerms(p)}condition "${p.condition}": the period length must be a whole number of ${p.unit.toLowerCase()}`,
  occurrencesNotWhole: (p) => `${atTerms(p)}condition "${p.condition}": occurrences must be a whole number from 1`,
  occurrencesTooMany: (p) => `${atTerms(p)}condition "${p.condition}": ${p.got} occurrences is more than the 10,000 read`,
  portionOrQuantity: (p) => `${atTerms(p)}condition "${p.condition}" must give either a portion or a quantity`,
  tranchesNotMultiples: (p) =>
    `${atTerms(p)}${p.allocation} needs tranches that are whole multiples of the smallest one; use a cumulative allocation for these portions`,
} satisfies RuleCatalogue;

/** Throws this area's rules and the shared ones (./common.ts). */
export const historyError = /* @__PURE__ */ ruleErrors([COMMON_RULES_EN, HISTORY_RULES_EN]);
