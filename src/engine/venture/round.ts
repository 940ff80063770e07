/**
 * Priced rounds: new money at a pre-money valuation, the option-pool top-up counted in the pre-money
 * (the "pool shuffle"), and SAFEs and convertible notes converting in the same round.
 *
 * Conventions (term sheets and Y Combinator's post-money SAFE):
 * - Price per share = pre-money valuation / pre-money fully diluted shares, where the pre-money fully
 *   diluted shares include every existing share, option and unissued pool share, the pool increase and
 *   the shares the SAFEs and notes convert into. Equivalently price = post-money / post-money shares.
 * - Pool target: the unissued (available) pool after the round is a target fraction of the post-money
 *   fully diluted shares; the increase is counted in the pre-money, so it dilutes existing holders and
 *   converting instruments, not the new money. A target below the existing unissued pool adds nothing.
 *   Pool basis "TOTAL" (on request): the target is on the whole pool instead, granted and promised
 *   options (the holdings marked `option`) plus the unissued pool, as some term sheets size it.
 * - Post-money SAFE (YC): shares = purchase amount / conversion price, conversion price = the lower of the
 *   Safe Price (post-money valuation cap / Company Capitalization) and the discount price (round price x
 *   (1 - discount)), never above the round price. Company Capitalization = existing shares, options and
 *   unissued pool + the shares of every converting SAFE and note, excluding the pool increase and the new money.
 * - Pre-money SAFE and convertible note: cap price = cap / (existing shares, options and pool, including the
 *   pool increase, excluding the converting instruments); otherwise the same lower-of rule. A note converts
 *   its principal plus accrued interest.
 * - Cap basis (per instrument, `capBasis`): practice varies on what the cap is divided by, so each
 *   instrument may say it. The cap price is cap / (existing shares, options and unissued pool + the pool
 *   increase when the basis says POOL or ALL + the shares of every converting instrument, its own too,
 *   when it says CONVERTIBLES or ALL). Defaults are the documents' definitions above: CONVERTIBLES for a
 *   post-money SAFE, POOL for a pre-money SAFE and a note. EXISTING counts neither.
 * - MFN: an instrument marked MFN takes, among its own terms and those of the instruments listed after it
 *   (issued later), the terms that give it the most shares.
 * - The definitions are circular (the SAFE shares depend on the price and on each other; the price on the
 *   SAFE shares and the pool). They are linear in two unknowns (post-money shares T, Company
 *   Capitalization B) once each instrument's applicable term is known, so the engine solves them in closed
 *   form and iterates only over which term applies (policy iteration, monotone, finite), then verifies.
 * - Anti-dilution inside the round (optional `antiDilution` classes): see roundAntiDilution.ts; the
 *   adjustment shares join the pre-money fully diluted shares, linear in T, solved in the same closed form.
 * - Share rounding (default: down to whole shares, per instrument and per investor) is applied after the
 *   exact solve; the price is then pre-money / the rounded pre-money fully diluted shares, as a term sheet
 *   states it, and new money shares are amount / that price, rounded.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { ventureError } from "../messages/venture";
import { holderKey } from "../capTable";
import { check } from "../rules";
import { DEFAULT_SHARE_ROUNDING, ShareRounding, roundShares } from "../shares";
import { RoundAdjustment, RoundAntiDilutionClass, roundAntiDilution } from "./roundAntiDilution";

export type InstrumentKind = "POST_SAFE" | "PRE_SAFE" | "NOTE";

/** What a cap is divided by, beyond the existing shares, options and unissued pool (see the module conventions). */
export const CAP_BASES = ["EXISTING", "POOL", "CONVERTIBLES", "ALL"] as const;
export type CapBasis = (typeof CAP_BASES)[number];

/** The documents' own cap basis: a post-money SAFE's Company Capitalization counts the converting instruments, not the pool increase; a pre-money SAFE's (and a note's) the pool increase, not the instruments. */
export function defaultCapBasis(kind: InstrumentKind): CapBasis {
  return kind === "POST_SAFE" ? "CONVERTIBLES" : "POOL";
}

export interface ConvertibleInstrument {
  /** The holder the conversion shares are credited to. */
  readonly holder: string;
  readonly kind: InstrumentKind;
  /** Purchase amount (SAFE) or converting amount (note: principal + accrued interest). */
  readonly amount: Decimal;
  /** Valuation cap (post-money for a post-money SAFE, pre-money otherwise). Optional. */
  readonly cap?: Decimal;
  /** Discount on the round price, a fraction (20% = 0.2). Optional. */
  readonly discount?: Decimal;
  /** Most favoured nation: may take the terms of any instrument listed after it. */
  readonly mfn?: boolean;
  /** What the cap is divided by; default `defaultCapBasis(kind)`. */
  readonly capBasis?: CapBasis;
}

export interface RoundHolding {
  readonly holder: string;
  /** Fully diluted shares before the round (preferred as converted, options granted, unissued pool). */
  readonly shares: Decimal;
  /** True for the unissued (available) option pool. */
  readonly pool?: boolean;
  /** True for granted or promised options: part of the whole pool, for a pool target on the "TOTAL" basis. */
  readonly option?: boolean;
}

export interface RoundInvestor {
  readonly name: string;
  readonly amount: Decimal;
}

/** What a pool target is a fraction of post-money of: the unissued pool (default) or the whole pool (granted, promised and unissued). */
export type PoolBasis = "UNISSUED" | "TOTAL";

export type PoolTerms = { readonly target: Decimal; readonly basis?: PoolBasis } | { readonly increase: Decimal };

export interface PricedRoundInput {
  readonly holdings: readonly RoundHolding[];
  readonly preMoney: Decimal;
  readonly investors: readonly RoundInvestor[];
  readonly pool?: PoolTerms;
  readonly instruments?: readonly ConvertibleInstrument[];
  readonly rounding?: ShareRounding;
  /** Name of the pool row created when the holdings have none. Default "Option pool". */
  readonly poolName?: string;
  /** Preferred classes protected against dilution, adjusted inside the round (see roundAntiDilution.ts). */
  readonly antiDilution?: readonly RoundAntiDilutionClass[];
}

export type ConversionTerm = "CAP" | "DISCOUNT" | "ROUND PRICE";

export interface Conversion {
  readonly holder: string;
  readonly kind: InstrumentKind;
  readonly amount: Decimal;
  /** Exact (unrounded) conversion shares from the solve. */
  readonly exactShares: Decimal;
  /** Shares issued, rounded by the policy. */
  readonly shares: Decimal;
  /** Conversion price = amount / exact shares. */
  readonly price: Decimal;
  readonly term: ConversionTerm;
  /** For an MFN instrument that took another's terms: the holder whose terms applied. */
  readonly termsFrom?: string;
  /**
   * Post-money SAFE only: the pro rata right of the YC Pro Rata Side Letter, if the holder has one: the
   * right to buy (conversion shares / Company Capitalization) x the Standard Preferred Stock sold in the
   * round (the new money shares), in shares (rounded by the policy) and in amount at the round price.
   */
  readonly proRataRight?: { readonly shares: Decimal; readonly amount: Decimal };
  /** The cap basis of the terms that applied (that instrument's own, or the default for its kind). */
  readonly capBasis: CapBasis;
}

export interface RoundRow {
  readonly holder: string;
  readonly sharesBefore: Decimal;
  /** Shares issued in the round: conversion, new money or pool increase. */
  readonly sharesIssued: Decimal;
  readonly sharesAfter: Decimal;
  /** Shares after / post-money fully diluted shares (computed when first read). */
  readonly ownershipAfter: Decimal;
  /** Pro rata investment: the holder's pre-money fully diluted ownership x the new money raised (what keeps its stake). */
  readonly proRataInvestment: Decimal;
  readonly isPool: boolean;
}

export interface PricedRound {
  readonly pricePerShare: Decimal;
  readonly preMoney: Decimal;
  readonly newMoney: Decimal;
  /** Post-money valuation = pre-money + new money (the headline a term sheet states). */
  readonly postMoney: Decimal;
  /** Value at the round price = price x post-money fully diluted shares after rounding (a little below postMoney when shares are rounded down). */
  readonly postMoneyAtRoundPrice: Decimal;
  /** Shares issued for the new money (the round's Standard Preferred Stock, in the YC SAFE's words). */
  readonly newMoneyShares: Decimal;
  readonly preMoneyShares: Decimal;
  readonly postMoneyShares: Decimal;
  readonly poolIncrease: Decimal;
  /** Company Capitalization as the post-money SAFE defines it (rounded shares). */
  readonly companyCapitalization: Decimal;
  readonly conversions: Conversion[];
  readonly rows: RoundRow[];
  readonly rounding: ShareRounding;
  /** The anti-dilution adjustments, one per class given (empty without `antiDilution`). */
  readonly antiDilution: RoundAdjustment[];
  /** What the pool target was measured on ("UNISSUED" unless the pool terms said "TOTAL"). */
  readonly poolBasis: PoolBasis;
  /** The pool on that basis after the round (rounded shares): unissued, plus granted and promised options on "TOTAL". */
  readonly poolAfter: Decimal;
  /** Number of term assignments tried before the circular definitions settled. */
  readonly iterations: number;
}

/** One candidate share formula: shares = alpha x T + beta x B + gamma. */
interface Formula {
  readonly alpha: Decimal;
  readonly beta: Decimal;
  readonly gamma: Decimal;
  readonly term: ConversionTerm;
  readonly from: number;
}

/** Safe Price = post-money valuation cap / Company Capitalization. */
export function safeCapPrice(cap: Decimal, companyCapitalization: Decimal): Decimal {
  return cap.div(companyCapitalization);
}

/** Discount price = round price x (1 - discount). */
export function discountPrice(roundPrice: Decimal, discount: Decimal): Decimal {
  return roundPrice.times(ONE.minus(discount));
}

function validateInstrument(x: ConvertibleInstrument, i: number): void {
  if (holderKey(x.holder) === "") throw ventureError("value", "instrumentNoHolder", { row: i + 1 }, "instruments");
  check(x.amount, "nonNegative", { arg: "amount", of: { instrument: x.holder.trim() } });
  if (x.cap !== undefined) check(x.cap, "positive", { arg: "cap", of: { instrument: x.holder.trim() } });
  if (x.discount !== undefined) check(x.discount, "fractionBelowOne", { arg: "discount", of: { instrument: x.holder.trim() } });
}

/**
 * A priced round with option-pool top-up and converting SAFEs and notes, solved exactly
 * (see the module conventions).
 */
export function pricedRound(input: PricedRoundInput): PricedRound {
  const rounding = input.rounding ?? DEFAULT_SHARE_ROUNDING;
  const instruments = input.instruments ?? [];
  check(input.preMoney, "positive", "pre_money");
  if (input.holdings.length === 0) throw ventureError("value", "listEmpty", { list: "holders" }, "holders");
  const seen = new Set<string>();
  input.holdings.forEach((h, i) => {
    const key = holderKey(h.holder);
    if (key === "") throw ventureError("value", "holderEmpty", { row: i + 1 }, "holders");
    if (seen.has(key)) throw ventureError("value", "notUnique", { list: "holders", name: h.holder.trim() }, "holders");
    seen.add(key);
    if (h.shares.isNegative()) check(h.shares, "nonNegative", { arg: "shares", of: { item: h.holder.trim() } }); // the name built only to fail (speed)
  });
  if (input.holdings.filter((h) => h.pool).length > 1) throw ventureError("value", "poolRows", {}, "holders");
  // Each investor's key, computed once (a round may list thousands of investors).
  const investorKeyList = input.investors.map((v) => holderKey(v.name));
  input.investors.forEach((v, i) => {
    if (investorKeyList[i] === "") throw ventureError("value", "nameMissing", { list: "investors", row: i + 1 }, "investors");
    if (v.amount.isNegative()) check(v.amount, "nonNegative", { arg: "amount", of: { investor: v.name.trim() } }); // the name built only to fail (speed)
  });
  instruments.forEach(validateInstrument);

  const F = sum(input.holdings.map((h) => h.shares));
  if (F.lte(0)) throw ventureError("value", "noSharesBeforeRound", {}, "shares");
  const E = sum(input.holdings.filter((h) => h.pool).map((h) => h.shares));
  // The pool the target is measured on, before the round: the unissued pool, plus granted and promised options on the "TOTAL" basis.
  const poolBasis: PoolBasis = input.pool !== undefined && "target" in input.pool ? (input.pool.basis ?? "UNISSUED") : "UNISSUED";
  const poolBefore = poolBasis === "TOTAL" ? E.plus(sum(input.holdings.filter((h) => h.option && !h.pool).map((h) => h.shares))) : E;
  const newMoney = sum(input.investors.map((v) => v.amount));
  const W = input.preMoney.plus(newMoney);
  const q = newMoney.div(W);

  let poolTarget: Decimal | undefined;
  let poolFixed = ZERO;
  if (input.pool !== undefined) {
    if ("target" in input.pool) poolTarget = check(input.pool.target, "fractionBelowOne", "pool_target");
    else poolFixed = check(input.pool.increase, "nonNegative", "pool_increase");
  }

  // Pool branch: inc = p * T + c.
  const poolBranch = (active: boolean) => (poolTarget !== undefined && active ? { p: poolTarget, c: poolBefore.neg() } : { p: ZERO, c: poolFixed });

  /** Candidate share formulas of instrument i under a pool branch. */
  const candidates = (i: number, pool: { p: Decimal; c: Decimal }): Formula[] => {
    const own = instruments[i];
    const a = own.amount;
    const sources = own.mfn ? instruments.map((_, j) => j).filter((j) => j >= i) : [i];
    const out: Formula[] = [{ alpha: a.div(W), beta: ZERO, gamma: ZERO, term: "ROUND PRICE", from: i }];
    for (const j of sources) {
      const t = instruments[j];
      const kind = t.kind;
      if (t.discount !== undefined && t.discount.gt(0)) {
        out.push({ alpha: a.div(ONE.minus(t.discount).times(W)), beta: ZERO, gamma: ZERO, term: "DISCOUNT", from: j });
      }
      if (t.cap !== undefined) {
        // shares = amount / cap x (F [+ pool increase p T + c] [+ converting shares B - F]).
        const basis = t.capBasis ?? defaultCapBasis(kind);
        const withPool = basis === "POOL" || basis === "ALL";
        const withConvertibles = basis === "CONVERTIBLES" || basis === "ALL";
        const k = a.div(t.cap);
        out.push({
          alpha: withPool ? k.times(pool.p) : ZERO,
          beta: withConvertibles ? k : ZERO,
          gamma: k.times((withConvertibles ? ZERO : F).plus(withPool ? pool.c : ZERO)),
          term: "CAP",
          from: j,
        });
      }
    }
    return out;
  };

  // The candidates depend only on the pool branch: build each list once.
  const cache = new Map<boolean, Formula[][]>();
  const candidatesFor = (active: boolean): Formula[][] => {
    let lists = cache.get(active);
    if (lists === undefined) {
      const pool = poolBranch(active);
      lists = instruments.map((_, i) => candidates(i, pool));
      cache.set(active, lists);
    }
    return lists;
  };

  const evaluate = (f: Formula, T: Decimal, B: Decimal) => f.alpha.times(T).plus(f.beta.times(B)).plus(f.gamma);

  const ad = roundAntiDilution(input.antiDilution ?? [], input.holdings, F, W, newMoney);
  let adjusted = ad.none;
  let choice = instruments.map(() => 0);
  let poolActive = false;
  let T = ZERO;
  let B = ZERO;
  let iterations = 0;
  const limit = 4 * (instruments.length + 2) * (instruments.length + 2) * (adjusted.length + 1);
  for (;;) {
    iterations++;
    if (iterations > limit) throw ventureError("num", "conversionUnsettled", {});
    const pool = poolBranch(poolActive);
    const lists = candidatesFor(poolActive);
    const chosen = instruments.map((_, i) => lists[i][choice[i]]);
    const At = sum(chosen.map((f) => f.alpha));
    const Ab = sum(chosen.map((f) => f.beta));
    const G = sum(chosen.map((f) => f.gamma));
    const oneMinusAb = ONE.minus(Ab);
    const adj = ad.terms(adjusted);
    const denominator = ONE.minus(q).minus(pool.p).minus(adj.a).times(oneMinusAb).minus(At);
    if (oneMinusAb.lte(0) || denominator.lte(0)) {
      throw ventureError("num", "roundOverOwned", { antiDilution: adjusted.some((x) => x) });
    }
    T = F.plus(G).plus(pool.c.plus(adj.b).times(oneMinusAb)).div(denominator);
    B = F.plus(G).plus(At.times(T)).div(oneMinusAb);
    // Best term for each instrument at this solution; pool active when the target needs an increase.
    const nextPoolActive = poolTarget !== undefined && poolTarget.times(T).gt(poolBefore);
    const nextLists = candidatesFor(nextPoolActive);
    const nextChoice = instruments.map((_, i) => {
      const cs = nextLists[i];
      let best = choice[i] < cs.length ? choice[i] : 0;
      cs.forEach((f, k) => {
        if (evaluate(f, T, B).gt(evaluate(cs[best], T, B))) best = k;
      });
      return best;
    });
    const nextAdjusted = ad.adjustedAt(T);
    if (nextPoolActive === poolActive && nextChoice.every((c, i) => c === choice[i]) && nextAdjusted.every((x, k) => x === adjusted[k])) break;
    choice = nextChoice;
    poolActive = nextPoolActive;
    adjusted = nextAdjusted;
  }

  const pool = poolBranch(poolActive);
  const exactIncrease = pool.p.times(T).plus(pool.c);
  const poolIncrease = roundShares(exactIncrease, rounding);
  const conversions: Conversion[] = instruments.map((x, i) => {
    const f = candidatesFor(poolActive)[i][choice[i]];
    const exactShares = evaluate(f, T, B);
    return {
      holder: x.holder.trim(),
      kind: x.kind,
      amount: x.amount,
      exactShares,
      shares: roundShares(exactShares, rounding),
      price: exactShares.isZero() ? ZERO : x.amount.div(exactShares),
      term: f.term,
      termsFrom: f.from === i ? undefined : instruments[f.from].holder.trim(),
      capBasis: instruments[f.from].capBasis ?? defaultCapBasis(instruments[f.from].kind),
    };
  });
  const conversionShares = sum(conversions.map((c) => c.shares));
  const adjustments = ad.result(T, adjusted, rounding);
  const preMoneyShares = F.plus(poolIncrease)
    .plus(conversionShares)
    .plus(sum(adjustments.map((a) => a.shares)));
  const price = input.preMoney.div(preMoneyShares);
  const investorShares = input.investors.map((v) => roundShares(v.amount.div(price), rounding));
  const newMoneyShares = sum(investorShares);
  const postMoneyShares = preMoneyShares.plus(newMoneyShares);
  const companyCapitalization = F.plus(conversionShares);

  // The table: existing holders, then new names (instrument holders, investors), then the pool row when created.
  // Each row keeps its holder's key (`holderKey`), computed once, and the new money shares it was credited (`invested`).
  type Acc = { holder: string; key: string; before: Decimal; issued: Decimal; isPool: boolean; invested?: Decimal };
  const rows: Acc[] = input.holdings.map((h) => ({
    holder: h.holder.trim(),
    key: holderKey(h.holder),
    before: h.shares,
    issued: ZERO,
    isPool: Boolean(h.pool),
  }));
  // Rows by key, the first of equal keys (as a scan would find): one lookup per credit, not one scan of every row.
  const rowByKey = new Map<string, Acc>();
  for (const r of rows) if (!rowByKey.has(r.key)) rowByKey.set(r.key, r);
  const credit = (name: string, shares: Decimal, key = holderKey(name)): Acc => {
    const row = rowByKey.get(key);
    if (row !== undefined) {
      // The same value either way; no new Decimal when one side is zero (a long round allocates less).
      row.issued = row.issued.isZero() ? shares : row.issued.plus(shares);
      return row;
    }
    const added: Acc = { holder: name.trim(), key, before: ZERO, issued: shares, isPool: false };
    rows.push(added);
    rowByKey.set(key, added);
    return added;
  };
  conversions.forEach((c) => credit(c.holder, c.shares));
  adjustments.forEach((a) => credit(a.name, a.shares));
  input.investors.forEach((v, i) => {
    const row = credit(v.name, investorShares[i], investorKeyList[i]);
    row.invested = row.invested === undefined ? investorShares[i] : row.invested.plus(investorShares[i]);
  });
  if (!poolIncrease.isZero() || (poolTarget !== undefined && E.isZero())) {
    const poolRow = rows.find((r) => r.isPool);
    if (poolRow !== undefined) poolRow.issued = poolRow.issued.plus(poolIncrease);
    else {
      const holder = input.poolName ?? "Option pool";
      rows.push({ holder, key: holderKey(holder), before: ZERO, issued: poolIncrease, isPool: true });
    }
  }
  const optionKeys = new Set(poolBasis === "TOTAL" ? input.holdings.filter((h) => h.option).map((h) => holderKey(h.holder)) : []);
  const result: RoundRow[] = rows.map((r) => {
    const after = r.issued.isZero() ? r.before : r.before.isZero() ? r.issued : r.before.plus(r.issued);
    // Pre-money fully diluted position: everything but the new money shares.
    const preMoneyPosition = r.invested === undefined ? after : r.invested.eq(after) ? ZERO : after.minus(r.invested);
    let ownershipAfter: Decimal | undefined;
    return {
      holder: r.holder,
      sharesBefore: r.before,
      sharesIssued: r.issued,
      sharesAfter: after,
      // Computed when first read (a 40-digit division per row, most of the time of a long round): CAPTABLE.PRICEDROUND shows it from the shares.
      get ownershipAfter(): Decimal {
        return (ownershipAfter ??= after.div(postMoneyShares));
      },
      // 0 / x x y is 0 (skipped for speed: a new investor has no pre-money position).
      proRataInvestment: r.isPool || preMoneyPosition.isZero() ? ZERO : preMoneyPosition.div(preMoneyShares).times(newMoney),
      isPool: r.isPool,
    };
  });

  return {
    pricePerShare: price,
    preMoney: input.preMoney,
    newMoney,
    postMoney: W,
    postMoneyAtRoundPrice: price.times(postMoneyShares),
    newMoneyShares,
    preMoneyShares,
    postMoneyShares,
    poolIncrease,
    companyCapitalization,
    conversions: conversions.map((c) => {
      if (c.kind !== "POST_SAFE") return c;
      const shares = roundShares(c.shares.div(companyCapitalization).times(newMoneyShares), rounding);
      return { ...c, proRataRight: { shares, amount: shares.times(price) } };
    }),
    rows: result,
    rounding,
    iterations,
    antiDilution: adjustments,
    poolBasis,
    poolAfter: sum(result.filter((r, i) => r.isPool || optionKeys.has(rows[i].key)).map((r) => r.sharesAfter)),
  };
}

/** Pro rata investment: the investment that keeps a holder's stake in a round = ownership x round size (not the YC side letter's pro rata right: see `Conversion.proRataRight`). */
export function proRataInvestment(ownership: Decimal, roundSize: Decimal): Decimal {
  check(ownership, "fraction", "ownership");
  check(roundSize, "nonNegative", "round_size");
  return ownership.times(roundSize);
}

/** The header of the round's table (CAPTABLE.PRICEDROUND's first row). */
export const ROUND_TABLE_HEADER = [
  "Holder",
  "Shares before",
  "Shares issued",
  "Shares after",
  "% after",
  "Pro rata investment",
  "Conversion price",
  "Converts at",
  "Cap basis",
  "Pro rata right (shares)",
  "Pro rata right (amount)",
] as const;

/** The rows of the round's summary block, below the table, in order (label, value). */
export const ROUND_SUMMARY_LABELS = [
  "Price per share",
  "Pre-money valuation",
  "New money",
  "Post-money valuation",
  "Pre-money fully diluted shares",
  "Post-money fully diluted shares",
  "Option pool increase",
  "Company capitalization (post-money SAFE)",
  "Share rounding",
  // Lines added since the first layout go last, so that INDEX(…, row, 2) cells of existing sheets keep their rows.
  "Option pool row",
  "Post-money value at the round price (rounded shares)",
] as const;

/**
 * The round as one table, as CAPTABLE.PRICEDROUND spills it and the model sheet reads it: the header,
 * one row per holder (shares before, issued, after, % after, pro rata investment, conversion price, the
 * term it converts at, the cap basis, the YC pro rata right in shares and amount; "" where nothing
 * applies), the total, then the summary block (label, value; with `pool`, the pool row as the caller
 * found it and how, in a third cell). Rows are not padded: a spill pads them to the widest.
 * `ownership` gives a row's "% after" from its shares after (default: `ownershipAfter`, shares after /
 * post-money shares); CAPTABLE.PRICEDROUND gives the same figure as a cell, faster (`ownershipCells`).
 */
export function pricedRoundTable(
  round: PricedRound,
  pool?: { readonly holder: string; readonly how: string },
  ownership: (shares: Decimal, row: RoundRow) => Decimal | number = (_, r) => r.ownershipAfter,
): (Decimal | string | number)[][] {
  const byHolder = new Map(round.conversions.map((c) => [holderKey(c.holder), c]));
  const rows: (Decimal | string | number)[][] = [[...ROUND_TABLE_HEADER]];
  for (const r of round.rows) {
    const c = byHolder.size === 0 ? undefined : byHolder.get(holderKey(r.holder));
    rows.push([
      r.holder,
      r.sharesBefore,
      r.sharesIssued,
      r.sharesAfter,
      ownership(r.sharesAfter, r),
      r.isPool ? "" : r.proRataInvestment,
      c === undefined ? "" : c.price,
      c === undefined ? "" : c.termsFrom === undefined ? c.term : `${c.term} (MFN: ${c.termsFrom})`,
      c === undefined ? "" : c.capBasis,
      c?.proRataRight === undefined ? "" : c.proRataRight.shares,
      c?.proRataRight === undefined ? "" : c.proRataRight.amount,
    ]);
  }
  const before = sum(round.rows.map((r) => r.sharesBefore));
  rows.push(["Total", before, round.postMoneyShares.minus(before), round.postMoneyShares, 1]);
  const values: (Decimal | string)[] = [
    round.pricePerShare,
    round.preMoney,
    round.newMoney,
    round.postMoney,
    round.preMoneyShares,
    round.postMoneyShares,
    round.poolIncrease,
    round.companyCapitalization,
    round.rounding,
    pool?.holder ?? round.rows.find((r) => r.isPool)?.holder ?? "(none)",
    round.postMoneyAtRoundPrice,
  ];
  ROUND_SUMMARY_LABELS.forEach((label, i) => rows.push([label, values[i]]));
  if (pool !== undefined) rows[rows.length - 2].push(pool.how);
  return rows;
}
