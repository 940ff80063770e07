/**
 * Rules on single values, written once and used by every boundary (cells, taskpane, templates)
 * and by the engine's own guards. Each rule returns the user-facing message, or undefined when the
 * value is acceptable. Messages name the argument and the rule: "stake must be between 0% and 100%, got 130%".
 */
import { Decimal } from "./decimal";
import { type Subject, subjectEn } from "./engineRules";
import { VALUE_RULES_EN, engineError } from "./messages/common";

export type Rule = (value: Decimal, name: string) => string | undefined;

/** Formats a fraction as a percentage for messages: 1.3 -> "130%". */
export function formatPercent(value: Decimal): string {
  return `${value.times(100).toSignificantDigits(12).toString()}%`;
}

/** Formats an amount for messages, without exponent for everyday sizes. */
export function formatAmount(value: Decimal): string {
  return value.toSignificantDigits(15).toString();
}

/** A rule on one value: when it fails, the value as its message prints it (an amount, or a percentage for fractions). */
interface ValueRule {
  readonly fails: (v: Decimal) => boolean;
  readonly got: (v: Decimal) => string;
}
const percentGot = (v: Decimal): string => formatPercent(v).slice(0, -1);

/** The rules, by id; their English is `VALUE_RULES_EN` (./messages/common.ts), their French the engine's French catalogue. */
const VALUE_RULES: Record<Exclude<RuleName, "amount">, ValueRule> = {
  nonNegative: { fails: (v) => v.isNegative() && !v.isZero(), got: formatAmount },
  positive: { fails: (v) => v.lte(0), got: formatAmount },
  /** A fraction in [0, 1]: 50% is 0.5. */
  fraction: { fails: (v) => v.lt(0) || v.gt(1), got: percentGot },
  /** A fraction in (0, 1]: a stake something can be implied from. */
  positiveFraction: { fails: (v) => v.lte(0) || v.gt(1), got: percentGot },
  /** A fraction in [0, 1): a target stake after a primary issue (100% would need infinitely many shares). */
  fractionBelowOne: { fails: (v) => v.lt(0) || v.gte(1), got: percentGot },
  /** A premium (positive) or discount (negative) above -100%. */
  premium: { fails: (v) => v.lte(-1), got: percentGot },
};

const valueRule =
  (id: Exclude<RuleName, "amount">): Rule =>
  (v, name) =>
    VALUE_RULES[id].fails(v) ? VALUE_RULES_EN[id](name, VALUE_RULES[id].got(v)) : undefined;

export const rules = {
  /** Any finite amount (finiteness is checked at parse time). */
  amount: (() => undefined) as Rule,
  nonNegative: valueRule("nonNegative"),
  positive: valueRule("positive"),
  fraction: valueRule("fraction"),
  positiveFraction: valueRule("positiveFraction"),
  fractionBelowOne: valueRule("fractionBelowOne"),
  premium: valueRule("premium"),
} satisfies Record<string, Rule>;

export type RuleName = "amount" | keyof typeof VALUE_RULES_EN;

/** Throws an `EngineError` of kind "value" (with its rule) when the rule fails. Used by the engine's own guards. */
export function check(value: Decimal, rule: RuleName, subject: Subject): Decimal {
  if (rule !== "amount" && VALUE_RULES[rule].fails(value)) {
    throw engineError("value", rule, { subject, got: VALUE_RULES[rule].got(value) }, subjectEn(subject));
  }
  return value;
}
