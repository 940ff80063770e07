/**
 * Returns per holder when a holder has several instruments (issue 16): shares, shareholder loans,
 * preferred with cumulative dividends, management equity with a hurdle or ratchet. Whatever each
 * instrument pays, a holder's return is the return of its cash: every flow on every instrument it
 * holds, paid (negative) or received (positive), in one XIRR (actual/365 from its first flow) and one
 * MOIC. That is how a sponsor reports a strip of loans and shares (one IRR, one multiple per fund,
 * e.g. Macabacus's "IRR and cash-on-cash per investor", shared/research/domain.md §1.2).
 *
 * Holders are matched as everywhere in the engine (`holderKey`: trimmed, case-insensitive), listed in
 * the order they first appear; a holder's flows are sorted by date (stable), XIRR's origin being its
 * first flow. A holder whose flows cannot give an IRR (no paid or no received amount, all on one day)
 * is an error naming the holder.
 */
import { Decimal, sum } from "../decimal";
import { EngineError } from "../errors";
import { dealError } from "../messages/deal";
import { isReturnsRule } from "../messages/returns";
import { holderKey } from "../capTable";
import { DatedFlow, DealReturns, dealReturns } from "./returns";

/** One dated flow of a holder, on one of its instruments ("Shares", "Shareholder loan", "Preferred"…). */
export interface HolderFlow extends DatedFlow {
  readonly holder: string;
  readonly instrument: string;
}

export interface HolderReturns {
  /** The holder's name as first given. */
  readonly holder: string;
  /** The instruments it holds, in the order they first appear. */
  readonly instruments: readonly string[];
  /** Its flows on every instrument, sorted by date. */
  readonly flows: readonly HolderFlow[];
  /** IRR (XIRR) and MOIC of all its flows together. */
  readonly returns: DealReturns;
  /** Net cash per instrument (received - paid), in `instruments` order: what each instrument contributed. */
  readonly netByInstrument: readonly Decimal[];
}

/** One IRR and one MOIC per holder over all its flows, whatever instruments they are on (holders in order of first appearance). */
export function returnsByHolder(flows: readonly HolderFlow[], guess = 0.1): HolderReturns[] {
  const order: string[] = [];
  const byHolder = new Map<string, HolderFlow[]>();
  for (const f of flows) {
    const key = holderKey(f.holder);
    let list = byHolder.get(key);
    if (list === undefined) {
      list = [];
      byHolder.set(key, list);
      order.push(key);
    }
    list.push(f);
  }
  return order.map((key) => {
    const own = byHolder.get(key)!;
    const sorted = own.map((f, i) => ({ f, i })).sort((a, b) => Math.trunc(a.f.date) - Math.trunc(b.f.date) || a.i - b.i);
    const list = sorted.map((x) => x.f);
    const instruments: string[] = [];
    for (const f of own) if (!instruments.includes(f.instrument)) instruments.push(f.instrument);
    let returns: DealReturns;
    try {
      returns = dealReturns(list, guess);
    } catch (e) {
      // dealReturns throws only the rules of dated returns (returnsError); the check keeps the type honest.
      if (e instanceof EngineError && e.rule !== undefined && isReturnsRule(e.rule))
        throw dealError(e.kind, "holderFlows", { holder: own[0].holder, rule: e.rule }, "flows");
      throw e;
    }
    return {
      holder: own[0].holder,
      instruments,
      flows: list,
      returns,
      netByInstrument: instruments.map((name) => sum(own.filter((f) => f.instrument === name).map((f) => f.amount))),
    };
  });
}
