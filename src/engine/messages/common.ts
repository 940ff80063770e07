/**
 * English of the rules every area of the engine shares: single values (src/engine/rules.ts), dates,
 * lists and names, and a result too large for a cell. `engineError` throws them; every area's maker
 * (./capTable.ts, ./venture.ts, ...) words them too. The whole catalogue is ./index.ts.
 */
import { type CellWhat, type EngineList, type RuleCatalogue, ruleErrors, subjectEn } from "../engineRules";

const cellWhatEn = (w: CellWhat): string =>
  "result" in w
    ? "a result"
    : "check" in w
      ? `check ${w.check}`
      : "row" in w
        ? `the value at row ${w.row} of the table at ${w.address}`
        : `the value at ${w.address}`;

/** The English of the single-value rules, by the name as text: also used by the cells' readers with their own argument names. */
export const VALUE_RULES_EN = {
  nonNegative: (name: string, got: string) => `${name} must not be negative, got ${got}`,
  positive: (name: string, got: string) => `${name} must be greater than 0, got ${got}`,
  fraction: (name: string, got: string) => `${name} must be between 0% and 100%, got ${got}%`,
  positiveFraction: (name: string, got: string) => `${name} must be greater than 0% and at most 100%, got ${got}%`,
  fractionBelowOne: (name: string, got: string) => `${name} must be at least 0% and below 100%, got ${got}%`,
  premium: (name: string, got: string) => `${name} must be greater than -100% (a discount of 100% or more leaves nothing to pay), got ${got}%`,
};

const LIST_EN: Readonly<Record<EngineList, { name: string; item: string }>> = {
  holders: { name: "holders", item: "holder" },
  holdings: { name: "holdings", item: "holder" },
  sellers: { name: "sellers", item: "seller" },
  classes: { name: "classes", item: "class" },
  shareClasses: { name: "classes", item: "share class" },
  investors: { name: "investors", item: "investor" },
  antidilutionClasses: { name: "antidilution classes", item: "class" },
};

export const COMMON_RULES_EN = {
  nonNegative: (p) => VALUE_RULES_EN.nonNegative(subjectEn(p.subject), p.got),
  positive: (p) => VALUE_RULES_EN.positive(subjectEn(p.subject), p.got),
  fraction: (p) => VALUE_RULES_EN.fraction(subjectEn(p.subject), p.got),
  positiveFraction: (p) => VALUE_RULES_EN.positiveFraction(subjectEn(p.subject), p.got),
  fractionBelowOne: (p) => VALUE_RULES_EN.fractionBelowOne(subjectEn(p.subject), p.got),
  premium: (p) => VALUE_RULES_EN.premium(subjectEn(p.subject), p.got),
  serialDate: (p) => `${subjectEn(p.subject)} must be a date (a whole Excel day number from 1900-03-01 to 9999-12-31), got ${p.got}`,
  tooLargeForCell: (p) => `${cellWhatEn(p.what)} is too large for a cell (${p.value})`,
  listEmpty: (p) => `${LIST_EN[p.list].name} must list at least one ${LIST_EN[p.list].item}`,
  nameMissing: (p) => `${LIST_EN[p.list].name} must have a name (row ${p.row})`,
  holderEmpty: (p) => `holders must not be empty (row ${p.row})`,
  notUnique: (p) => `${LIST_EN[p.list].name} must be unique: "${p.name}" appears more than once`,
  nameEmpty: (p) => `${p.role} must be a holder's name, got an empty text`,
  sharesAllZero: (p) => (p.ownership ? "shares must not all be zero: ownership needs a positive total" : "shares must not all be zero"),
} satisfies RuleCatalogue;

/** Throws the shared rules (the model's sheets use it for a result too large for a cell). */
export const engineError = /* @__PURE__ */ ruleErrors([COMMON_RULES_EN]);
