/**
 * From a cap table as of a date to the next priced round: the round's holdings, its converting
 * SAFEs and notes, and so the cap table "fully diluted with convertibles under a stated round".
 *
 * Conventions:
 * - Holdings are fully diluted before the round: each holder's shares as converted to common
 *   (preferred x its conversion ratio), plus its options and warrants outstanding (vested or not),
 *   plus one row for each plan's available pool. Holder names label the rows; two holders whose
 *   names compare equal get their id added, so no two rows merge.
 * - SAFEs convert as post-money SAFEs when their terms say POST_MONEY, as pre-money SAFEs otherwise
 *   (the YC pre-money form; a SAFE without stated timing is read so, and `assumptions` says so).
 * - Notes convert principal + interest accrued to the round date: OCF's ACTUAL_365 is actual days
 *   / 365, 30_360 is the US 30/360 basis; SIMPLE interest, or COMPOUNDING at the accrual period.
 *   Several rates apply each over its own dates.
 * - A convertible with no terms at all (no cap, no discount) converts at the round price.
 */
import { Decimal, ZERO } from "../decimal";
import { historyError } from "../messages/history";
import { type Compounding, accruedInterest, isoDateToSerial, yearFraction } from "../venture/instruments";
import { type ConvertibleInstrument, type PricedRound, type PricedRoundInput, type RoundHolding, pricedRound } from "../venture/round";
import { holderKey as nameKey } from "../capTable";
import type { CapTableAsOf, CapTableHistory, ConvertibleTerms } from "./history";

export interface NextRoundTerms {
  /** The round's date: notes accrue interest up to it. */
  readonly date: string;
  readonly preMoney: Decimal;
  readonly investors: PricedRoundInput["investors"];
  readonly pool?: PricedRoundInput["pool"];
}

export interface NextRoundFromHistory {
  readonly input: PricedRoundInput;
  /** Each reading the conversion needed that the package does not state, in words. */
  readonly assumptions: readonly string[];
}

const COMPOUNDING: Record<NonNullable<ConvertibleTerms["accrualPeriod"]>, Compounding> = {
  DAILY: "DAILY",
  MONTHLY: "MONTHLY",
  QUARTERLY: "QUARTERLY",
  SEMI_ANNUAL: "SEMIANNUAL",
  ANNUAL: "ANNUAL",
};

/** A note's interest from each rate's start (or the issue date) to its end or the round date, whichever is first. */
export function noteInterestToDate(principal: Decimal, terms: ConvertibleTerms, roundDate: string): Decimal {
  let interest = ZERO;
  for (const r of terms.interestRates ?? []) {
    const end = r.to !== undefined && r.to < roundDate ? r.to : roundDate;
    if (end <= r.from) continue;
    const years = yearFraction(isoDateToSerial(r.from), isoDateToSerial(end), terms.dayCount === "30_360" ? "30/360" : "ACT/365");
    const compounding: Compounding = terms.compounding === "COMPOUNDING" ? COMPOUNDING[terms.accrualPeriod ?? "ANNUAL"] : "SIMPLE";
    interest = interest.add(accruedInterest(principal, r.rate, years, compounding));
  }
  return interest;
}

/** The priced-round input that starts from the cap table as of a date. */
export function nextRoundFromHistory(history: CapTableHistory, table: CapTableAsOf, terms: NextRoundTerms): NextRoundFromHistory {
  if (terms.date < table.date) throw historyError("value", "roundBeforeTable", { round: terms.date, table: table.date }, "round_date");
  const assumptions: string[] = [];
  const names = new Map(history.holders.map((h) => [h.id, h.name]));
  const seen = new Map<string, number>();
  for (const h of history.holders) seen.set(nameKey(h.name), (seen.get(nameKey(h.name)) ?? 0) + 1);
  const label = (id: string) => {
    const name = names.get(id) ?? id;
    return (seen.get(nameKey(name)) ?? 0) > 1 ? `${name} (${id})` : name;
  };
  const ratio = new Map(table.classes.map((c) => [c.id, c.conversionRatio]));

  const rows = new Map<string, { shares: Decimal; option: boolean }>();
  const add = (holder: string, shares: Decimal, option: boolean) => {
    const row = rows.get(holder);
    rows.set(holder, { shares: (row?.shares ?? ZERO).add(shares), option: (row?.option ?? true) && option });
  };
  for (const s of table.stock) add(label(s.holderId), s.shares.mul(ratio.get(s.classId) ?? 1), false);
  for (const d of table.derivatives) add(label(d.holderId), d.quantity, true);
  const holdings: RoundHolding[] = [...rows].map(([holder, r]) => ({ holder, shares: r.shares, ...(r.option ? { option: true } : {}) }));
  const planNames = new Map(history.plans.map((p) => [p.id, p.name]));
  for (const p of table.plans) {
    if (p.available.isNegative())
      throw historyError("value", "planOverGranted", { plan: String(planNames.get(p.planId)), excess: p.available.neg().toString() }, "history");
    if (p.available.gt(0)) holdings.push({ holder: `${planNames.get(p.planId) ?? p.planId} (available)`, shares: p.available, pool: true });
  }

  const instruments: ConvertibleInstrument[] = table.convertibles.map((c) => {
    const issuance = history.events.find((e) => e.type === "ISSUANCE" && e.securityId === c.securityId);
    const t = issuance !== undefined && issuance.type === "ISSUANCE" ? issuance.conversion : undefined;
    const holder = label(c.holderId);
    if (t === undefined) {
      assumptions.push(
        `${holder}'s ${c.convertibleType} (${c.securityId}) states no conversion terms: it converts at the round price as a pre-money SAFE`,
      );
      return { holder, kind: "PRE_SAFE", amount: c.amount };
    }
    if (t.mechanism === "NOTE") {
      const interest = noteInterestToDate(c.amount, t, terms.date);
      return { holder, kind: "NOTE", amount: c.amount.add(interest), cap: t.valuationCap, discount: t.discount, mfn: t.mfn };
    }
    if (t.timing === undefined)
      assumptions.push(`${holder}'s SAFE (${c.securityId}) does not say whether its cap is pre- or post-money: read as pre-money`);
    return {
      holder,
      kind: t.timing === "POST_MONEY" ? "POST_SAFE" : "PRE_SAFE",
      amount: c.amount,
      cap: t.valuationCap,
      discount: t.discount,
      mfn: t.mfn,
    };
  });

  return {
    input: { holdings, preMoney: terms.preMoney, investors: terms.investors, pool: terms.pool, instruments },
    assumptions,
  };
}

/** The cap table fully diluted with convertibles under a stated round: the round computed from the history's cap table. */
export function fullyDilutedUnderRound(
  history: CapTableHistory,
  table: CapTableAsOf,
  terms: NextRoundTerms,
): { round: PricedRound; assumptions: readonly string[] } {
  const { input, assumptions } = nextRoundFromHistory(history, table, terms);
  return { round: pricedRound(input), assumptions };
}
