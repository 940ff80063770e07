/**
 * Rules on single values, written once and used by every boundary (cells, taskpane, templates)
 * and by the engine's own guards. Each rule returns the user-facing message, or undefined when the
 * value is acceptable. Messages name the argument and the rule: "stake must be between 0% and 100%, got 130%".
 */
import { Decimal } from "./decimal";
import { EngineError } from "./errors";

export type Rule = (value: Decimal, name: string) => string | undefined;

/** Formats a fraction as a percentage for messages: 1.3 -> "130%". */
export function formatPercent(value: Decimal): string {
  return `${value.times(100).toSignificantDigits(12).toString()}%`;
}

/** Formats an amount for messages, without exponent for everyday sizes. */
export function formatAmount(value: Decimal): string {
  return value.toSignificantDigits(15).toString();
}

export const rules = {
  /** Any finite amount (finiteness is checked at parse time). */
  amount: (() => undefined) as Rule,
  nonNegative: ((v, name) => (v.isNegative() && !v.isZero() ? `${name} must not be negative, got ${formatAmount(v)}` : undefined)) as Rule,
  positive: ((v, name) => (v.lte(0) ? `${name} must be greater than 0, got ${formatAmount(v)}` : undefined)) as Rule,
  /** A fraction in [0, 1]: 50% is 0.5. */
  fraction: ((v, name) => (v.lt(0) || v.gt(1) ? `${name} must be between 0% and 100%, got ${formatPercent(v)}` : undefined)) as Rule,
  /** A fraction in (0, 1]: a stake something can be implied from. */
  positiveFraction: ((v, name) =>
    v.lte(0) || v.gt(1) ? `${name} must be greater than 0% and at most 100%, got ${formatPercent(v)}` : undefined) as Rule,
  /** A fraction in [0, 1): a target stake after a primary issue (100% would need infinitely many shares). */
  fractionBelowOne: ((v, name) => (v.lt(0) || v.gte(1) ? `${name} must be at least 0% and below 100%, got ${formatPercent(v)}` : undefined)) as Rule,
  /** A premium (positive) or discount (negative) above -100%. */
  premium: ((v, name) =>
    v.lte(-1) ? `${name} must be greater than -100% (a discount of 100% or more leaves nothing to pay), got ${formatPercent(v)}` : undefined) as Rule,
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

/** Throws an `EngineError` of kind "value" when the rule fails. Used by the engine's own guards. */
export function check(value: Decimal, rule: RuleName, name: string): Decimal {
  const message = rules[rule](value, name);
  if (message !== undefined) throw new EngineError("value", message, name);
  return value;
}
