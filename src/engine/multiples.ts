/**
 * Valuation multiples. A multiple is always "enterprise value over a metric of the whole business"
 * (capacity in MW, EBITDA, revenue, ...): both sides at 100%, so a stake does not change it.
 */
import { Decimal } from "./decimal";
import { check } from "./rules";

/** EV per capacity unit = enterprise value / capacity (e.g. EUR per MW). Capacity must be positive. */
export function evPerUnit(enterpriseValue: Decimal, capacity: Decimal): Decimal {
  check(capacity, "positive", "capacity");
  return enterpriseValue.div(capacity);
}

/** EV / EBITDA multiple; EBITDA must be positive (a multiple of a loss means nothing). */
export function evToEbitda(enterpriseValue: Decimal, ebitda: Decimal): Decimal {
  check(ebitda, "positive", "ebitda");
  return enterpriseValue.div(ebitda);
}

/** Implied EV = metric x multiple (e.g. EBITDA x EV/EBITDA, MW x EV per MW). */
export function impliedEnterpriseValue(metric: Decimal, multiple: Decimal): Decimal {
  return metric.times(multiple);
}
