/**
 * Anti-dilution inside a priced round: in a down round, preferred classes' conversion prices fall, so
 * their as-converted shares grow, which grows the pre-money fully diluted shares and lowers the price,
 * which the conversion prices depend on. `pricedRound` solves the loop exactly with these terms.
 *
 * Conventions (the NVCA model certificate of incorporation's formulas, as `antiDilution.ts`):
 * - The round's new money is the dilutive issue: money received M = the new money, new shares C = the
 *   new money's shares; the round's price is the new issue price. SAFE and note conversion shares and
 *   the pool increase are not issues for anti-dilution (they are not sold for new money).
 * - Weighted average: CP2 = CP1 x (A + M / CP1) / (A + C). Broad-based: A = every share before the
 *   round as the holders table lists it (fully diluted, unissued pool included, before any adjustment);
 *   narrow-based: A = the listed preferred classes as converted before the round. Full ratchet: CP2 = the
 *   round price. Only a class whose CP1 is above the round price is adjusted; none without new money.
 * - Each class's holder row (named like the class) holds it as converted before the round (to the
 *   share; anything else is an error).
 * - The adjustment shares (shares x original issue price / CP2 - the class as converted before) are
 *   counted in the pre-money fully diluted shares, so they dilute the existing holders, not the new
 *   money, and they are credited to the holder row named like the class. They are not in the post-money
 *   SAFE's Company Capitalization or the pre-money SAFE's capitalization (both measured before the round).
 * - Exact solve: with price = (pre-money + new money) / post-money shares T and C = new money / price, the
 *   adjusted shares are linear in T (weighted average: shares x OIP x (A + qT) / (CP1 A + M), q = new money
 *   / post-money; ratchet: shares x OIP x T / (pre-money + new money)). So each set of adjusted classes
 *   gives T in closed form; `pricedRound` iterates only over which classes are adjusted (a class is
 *   adjusted when the price is below its CP1; more adjustment lowers the price, so the set only grows:
 *   at most one pass per class), and stops when the set repeats.
 * - CP2 and the ratios are those of the exact solve (before share rounding); the shares added are
 *   rounded by the round's share rounding policy.
 */
import { Decimal, ZERO, sum } from "../decimal";
import { ventureError } from "../messages/venture";
import { holderKey } from "../capTable";
import { check, formatAmount } from "../rules";
import { ShareRounding, roundShares } from "../shares";
import type { AntiDilutionMethod } from "./antiDilution";

/** A preferred class protected against dilution, as the CAPTABLE.ANTIDILUTION table lists it, with its method. */
export interface RoundAntiDilutionClass {
  /** The class; its holder row in the round's holdings holds it as converted. */
  readonly name: string;
  /** Preferred shares of the class (not as converted). */
  readonly shares: Decimal;
  readonly originalIssuePrice: Decimal;
  /** Conversion price before the round; default: the original issue price. */
  readonly conversionPrice?: Decimal;
  /** BROAD or NARROW (weighted average), RATCHET (full ratchet) or NONE. */
  readonly method: AntiDilutionMethod;
}

export interface RoundAdjustment {
  readonly name: string;
  readonly method: AntiDilutionMethod;
  readonly conversionPriceBefore: Decimal;
  readonly conversionPriceAfter: Decimal;
  readonly ratioBefore: Decimal;
  readonly ratioAfter: Decimal;
  /** Exact adjustment shares: as converted after - as converted before. */
  readonly exactShares: Decimal;
  /** Adjustment shares issued (credited to the class's row), rounded by the policy. */
  readonly shares: Decimal;
  readonly adjusted: boolean;
}

/** The adjustment terms of `pricedRound`: adjustment shares = a x T + b for the adjusted classes. */
export interface RoundAntiDilutionTerms {
  readonly none: boolean[];
  terms(adjusted: readonly boolean[]): { a: Decimal; b: Decimal };
  /** Which classes are adjusted at post-money shares T (price = W / T below CP1, and new money raised). */
  adjustedAt(T: Decimal): boolean[];
  result(T: Decimal, adjusted: readonly boolean[], rounding: ShareRounding): RoundAdjustment[];
}

/**
 * Prepares the classes for the round (see the module conventions): F the shares before the round, W =
 * pre-money + new money, M the new money.
 */
export function roundAntiDilution(
  classes: readonly RoundAntiDilutionClass[],
  holdings: readonly { holder: string; shares: Decimal; pool?: boolean }[],
  F: Decimal,
  W: Decimal,
  M: Decimal,
): RoundAntiDilutionTerms {
  const seen = new Set<string>();
  const prepared = classes.map((c, i) => {
    const name = c.name.trim();
    const of = { className: name };
    const key = holderKey(name);
    if (key === "") throw ventureError("value", "nameMissing", { list: "antidilutionClasses", row: i + 1 }, "antidilution");
    if (seen.has(key)) throw ventureError("value", "notUnique", { list: "antidilutionClasses", name }, "antidilution");
    seen.add(key);
    const holding = holdings.find((h) => holderKey(h.holder) === key);
    if (holding === undefined || holding.pool) {
      throw ventureError("value", "antidilutionNotHolder", { className: name }, "antidilution");
    }
    check(c.shares, "nonNegative", { arg: "shares", of });
    const oip = check(c.originalIssuePrice, "positive", { arg: "original issue price", of });
    const cp1 = check(c.conversionPrice ?? oip, "positive", { arg: "conversion price", of });
    const before = c.shares.times(oip).div(cp1);
    // The row must hold the class as converted (to the share: the table may round it), or A and the price would count it wrong.
    if (holding.shares.minus(before).abs().gte(1)) {
      throw ventureError(
        "value",
        "antidilutionRowMismatch",
        { className: name, before: formatAmount(before), held: formatAmount(holding.shares) },
        "antidilution",
      );
    }
    return { name, method: c.method, s: c.shares, oip, cp1, before };
  });
  const narrowA = sum(prepared.map((p) => p.before));
  const q = M.div(W);
  /** Coefficients of the adjustment shares of class k: a x T + b. */
  const coefficients = prepared.map((p) => {
    const so = p.s.times(p.oip);
    if (p.method === "RATCHET") return { a: so.div(W), b: so.div(p.cp1).neg() };
    const A = p.method === "NARROW" ? narrowA : F;
    const d = p.cp1.times(A).plus(M);
    return { a: so.times(q).div(d), b: so.times(A).div(d).minus(so.div(p.cp1)) };
  });
  const none = prepared.map(() => false);
  return {
    none,
    terms: (adjusted) => ({
      a: sum(coefficients.filter((_, k) => adjusted[k]).map((c) => c.a)),
      b: sum(coefficients.filter((_, k) => adjusted[k]).map((c) => c.b)),
    }),
    adjustedAt: (T) => prepared.map((p) => p.method !== "NONE" && M.gt(0) && T.times(p.cp1).gt(W)),
    result: (T, adjusted, rounding) =>
      prepared.map((p, k): RoundAdjustment => {
        const ratioBefore = p.oip.div(p.cp1);
        if (!adjusted[k]) {
          return {
            name: p.name,
            method: p.method,
            conversionPriceBefore: p.cp1,
            conversionPriceAfter: p.cp1,
            ratioBefore,
            ratioAfter: ratioBefore,
            exactShares: ZERO,
            shares: ZERO,
            adjusted: false,
          };
        }
        const exactShares = coefficients[k].a.times(T).plus(coefficients[k].b);
        // CP2 from the formula at the solved round: ratchet = price W / T; weighted average = CP1 (A + M / CP1) / (A + qT).
        const A = p.method === "NARROW" ? narrowA : F;
        const cp2 = p.method === "RATCHET" ? W.div(T) : p.cp1.times(A.plus(M.div(p.cp1))).div(A.plus(q.times(T)));
        return {
          name: p.name,
          method: p.method,
          conversionPriceBefore: p.cp1,
          conversionPriceAfter: cp2,
          ratioBefore,
          ratioAfter: p.oip.div(cp2),
          exactShares,
          shares: roundShares(exactShares, rounding),
          adjusted: true,
        };
      }),
  };
}
