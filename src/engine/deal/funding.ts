/**
 * Sources and uses at closing, and the seller's gain on disposal.
 *
 * Sources and uses (dealacademy.co.uk "Sources and uses in an LBO", wallstreetprep.com "Sources and
 * uses table"; anchors.md §4): uses = price paid (equity or EV) + refinanced debt + fees + minimum
 * cash; sources = debt + rollover + seller note + cash on balance sheet + equity, the equity being the
 * plug that makes sources equal uses. The check (sources - uses = 0) is part of the result.
 *
 * Gain on disposal (domain.md §2.4, IFRS 10 B97-B99 on loss of control): gain = proceeds + fair value
 * of the interest retained - carrying amount of the net assets (100%) - costs. Shown in two parts:
 * the gain on the part sold (proceeds - stake x carrying amount - costs) and the remeasurement of the
 * part retained (fair value - (1 - stake) x carrying amount), the latter only when a fair value is given.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { dealError } from "../messages/deal";
import { check, formatAmount } from "../rules";

export interface LabelledAmount {
  readonly label: string;
  readonly amount: Decimal;
}

export interface SourcesAndUses {
  readonly uses: readonly LabelledAmount[];
  readonly totalUses: Decimal;
  /** The sources given, then the equity plug last. */
  readonly sources: readonly LabelledAmount[];
  /** Equity (plug) = total uses - the other sources. */
  readonly equity: Decimal;
  readonly totalSources: Decimal;
  /** Sources - uses: 0 by construction, on the sheet as the check. */
  readonly check: Decimal;
}

/** Sources and uses with the equity as the plug: equity = total uses - other sources; check = sources - uses = 0. */
export function sourcesAndUses(uses: readonly LabelledAmount[], sources: readonly LabelledAmount[], equityLabel: string): SourcesAndUses {
  for (const u of uses) check(u.amount, "nonNegative", { arg: "uses: Amount", of: { item: u.label } });
  for (const s of sources) check(s.amount, "nonNegative", { arg: "sources: Amount", of: { item: s.label } });
  const totalUses = sum(uses.map((u) => u.amount));
  const others = sum(sources.map((s) => s.amount));
  const equity = totalUses.minus(others);
  if (equity.isNegative()) {
    throw dealError("num", "sourcesExceedUses", { sources: formatAmount(others), uses: formatAmount(totalUses) }, "sources");
  }
  const all = [...sources, { label: equityLabel, amount: equity }];
  const totalSources = sum(all.map((s) => s.amount));
  return { uses, totalUses, sources: all, equity, totalSources, check: totalSources.minus(totalUses) };
}

export interface DisposalGainInput {
  /** Consideration received for the stake sold (fair value). */
  readonly proceeds: Decimal;
  /** Carrying amount (book value) of the net assets at 100%, as consolidated. */
  readonly carryingAmount: Decimal;
  /** Fraction sold; 100% when the whole is sold. */
  readonly stakeSold: Decimal;
  /** Fair value of the interest retained (loss of control, IFRS 10 B98); undefined: the part retained stays at its carrying amount. */
  readonly retainedFairValue?: Decimal;
  readonly costs: Decimal;
}

export interface DisposalGain {
  /** Carrying amount of the part sold = stake x carrying amount. */
  readonly carryingSold: Decimal;
  /** Gain on the part sold = proceeds - carrying amount of the part sold - costs. */
  readonly gainOnSale: Decimal;
  /** Remeasurement of the part retained = fair value retained - (1 - stake) x carrying amount (0 without a fair value). */
  readonly remeasurement: Decimal;
  /** Gain on disposal = gain on the part sold + remeasurement. */
  readonly gain: Decimal;
}

/** Gain on disposal = proceeds + fair value retained - carrying amount (100%) - costs (IFRS 10 B98 on loss of control); without a fair value, proceeds - stake x carrying amount - costs. */
export function disposalGain(input: DisposalGainInput): DisposalGain {
  check(input.stakeSold, "positiveFraction", "stake_sold");
  check(input.costs, "nonNegative", "costs");
  if (input.retainedFairValue !== undefined) {
    check(input.retainedFairValue, "nonNegative", "retained_fair_value");
    if (input.stakeSold.eq(ONE) && !input.retainedFairValue.isZero()) {
      throw dealError("value", "retainedAtFullSale", {}, "retained_fair_value");
    }
  }
  const carryingSold = input.carryingAmount.times(input.stakeSold);
  const gainOnSale = input.proceeds.minus(carryingSold).minus(input.costs);
  const remeasurement = input.retainedFairValue === undefined ? ZERO : input.retainedFairValue.minus(input.carryingAmount.minus(carryingSold));
  return { carryingSold, gainOnSale, remeasurement, gain: gainOnSale.plus(remeasurement) };
}

/** Carrying amount implied by a reported gain = proceeds + fair value retained - costs - gain (the inverse of `disposalGain` on loss of control). */
export function impliedCarryingAmount(proceeds: Decimal, retainedFairValue: Decimal, costs: Decimal, gain: Decimal): Decimal {
  return proceeds.plus(retainedFairValue).minus(costs).minus(gain);
}
