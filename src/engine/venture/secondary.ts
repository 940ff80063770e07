/**
 * Secondary sales alongside a round, and fully diluted share counts.
 *
 * Conventions:
 * - A secondary tender moves existing shares from sellers to a buyer at the tender price: no new shares,
 *   total shares unchanged, the money goes to the sellers, not the company.
 * - Premium (+) or discount (-) to the round price = tender price / round price - 1.
 * - Treasury stock method: options and warrants in the money (strike below the share price) are exercised
 *   and the strike proceeds buy back shares at the share price, so each adds 1 - strike / price shares;
 *   options at or out of the money add nothing.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { capTableError } from "../messages/capTable";
import { CapTable, Holding, holderKey, validateCapTable } from "../capTable";
import { check, formatAmount } from "../rules";
import { sameShareCount } from "../shares";

export interface TenderSale {
  readonly seller: string;
  readonly shares: Decimal;
}

export interface TenderRow {
  readonly holder: string;
  readonly sharesBefore: Decimal;
  readonly ownershipBefore: Decimal;
  readonly sharesSold: Decimal;
  readonly sharesBought: Decimal;
  readonly sharesAfter: Decimal;
  readonly ownershipAfter: Decimal;
  /** Cash received (sellers) or paid (the buyer, as a negative) at the tender price. */
  readonly cash: Decimal;
}

export interface Tender {
  readonly rows: TenderRow[];
  readonly sharesMoved: Decimal;
  readonly price: Decimal;
  readonly consideration: Decimal;
  /** Tender price / round price - 1, when a round price is given. */
  readonly premiumToRound?: Decimal;
}

/** Premium (+) or discount (-) of a secondary price to the round price: tender / round - 1. */
export function premiumToRoundPrice(tenderPrice: Decimal, roundPrice: Decimal): Decimal {
  check(roundPrice, "positive", "round_price");
  return tenderPrice.div(roundPrice).minus(ONE);
}

/** A row of a secondary tender without its ownership columns (`tenderMoves`): the shares and the cash. */
export type TenderMove = Omit<TenderRow, "ownershipBefore" | "ownershipAfter">;

/** A secondary tender without the ownership columns (`tenderMoves`), with the total its ownership is a fraction of. */
export interface TenderMoves extends Omit<Tender, "rows"> {
  readonly rows: TenderMove[];
  /** Total shares, the same before and after (no share is created): what each ownership is a fraction of. */
  readonly totalShares: Decimal;
}

/**
 * A secondary tender's moves: shares move from the sellers to the buyer at a price; no shares are
 * created. The same checks and figures as `tenderOffer`, without the ownership columns, which a
 * caller computes only if it shows them (ownership = shares / `totalShares`, see `tenderOffer`).
 */
export function tenderMoves(table: CapTable, sales: readonly TenderSale[], buyer: string, price: Decimal, roundPrice?: Decimal): TenderMoves {
  validateCapTable(table);
  check(price, "nonNegative", "tender_price");
  if (holderKey(buyer) === "") throw capTableError("value", "nameEmpty", { role: "buyer" }, "buyer");
  if (sales.length === 0) throw capTableError("value", "listEmpty", { list: "sellers" }, "sellers");
  // Holders by key, the first of equal keys (as `table.find` would): one pass, not one scan per seller.
  const byKey = new Map<string, Holding>();
  const keys: string[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const key = holderKey(table[i].holder);
    keys[i] = key;
    if (!byKey.has(key)) byKey.set(key, table[i]);
  }
  const buyerKey = holderKey(buyer);
  const sold = new Map<string, Decimal>();
  for (const s of sales) {
    const key = holderKey(s.seller);
    const row = byKey.get(key);
    if (row === undefined) throw capTableError("value", "sellerNotHolder", { seller: s.seller.trim() }, "sellers");
    if (key === buyerKey) throw capTableError("value", "buyerIsSeller", { seller: row.holder.trim(), sellers: true }, "buyer");
    if (s.shares.isNegative()) check(s.shares, "nonNegative", { arg: "shares sold", of: { seller: row.holder.trim() } }); // the name built only to fail (speed)
    const already = sold.get(key);
    let total = already === undefined ? s.shares : already.plus(s.shares);
    // Counts typed as formulas differ from the holding by a few ulps: within the tolerance the seller sells exactly the holding.
    if (sameShareCount(total, row.shares)) total = row.shares;
    if (total.gt(row.shares)) {
      throw capTableError(
        "value",
        "sharesSoldByExceed",
        { seller: row.holder.trim(), held: formatAmount(row.shares), sold: formatAmount(total) },
        "sellers",
      );
    }
    sold.set(key, total);
  }
  const moved = sum([...sold.values()]);
  const totalShares = sum(table.map((r) => r.shares));
  if (totalShares.isZero()) throw capTableError("num", "sharesAllZero", { ownership: false }, "shares");
  const rows: TenderMove[] = table.map((r, i) => {
    const key = keys[i];
    const out = sold.get(key) ?? ZERO;
    const bought = key === buyerKey ? moved : ZERO;
    return {
      holder: r.holder.trim(),
      sharesBefore: r.shares,
      sharesSold: out,
      sharesBought: bought,
      // The same values as shares - out + bought and (out - bought) x price, without a Decimal for a zero term.
      sharesAfter: bought.isZero() ? (out.isZero() ? r.shares : r.shares.minus(out)) : r.shares.minus(out).plus(bought),
      cash: bought.isZero() ? out.times(price) : out.minus(bought).times(price),
    };
  });
  if (!byKey.has(buyerKey)) {
    rows.push({
      holder: buyer.trim(),
      sharesBefore: ZERO,
      sharesSold: ZERO,
      sharesBought: moved,
      sharesAfter: moved,
      cash: moved.times(price).neg(),
    });
  }
  return {
    rows,
    totalShares,
    sharesMoved: moved,
    price,
    consideration: moved.times(price),
    premiumToRound: roundPrice === undefined ? undefined : premiumToRoundPrice(price, roundPrice),
  };
}

/** A secondary tender: shares move from the sellers to the buyer at a price; no shares are created. Ownership = shares / total shares, before and after. */
export function tenderOffer(table: CapTable, sales: readonly TenderSale[], buyer: string, price: Decimal, roundPrice?: Decimal): Tender {
  const { totalShares, rows, ...rest } = tenderMoves(table, sales, buyer, price, roundPrice);
  return {
    ...rest,
    rows: rows.map((r) => ({
      ...r,
      ownershipBefore: r.sharesBefore.div(totalShares),
      ownershipAfter: r.sharesAfter.div(totalShares),
    })),
  };
}

export interface OptionGrant {
  readonly count: Decimal;
  readonly strike: Decimal;
}

export interface FullyDilutedCount {
  readonly basic: Decimal;
  /** Basic + every option and warrant, exercised or not (the "all-in" count a cap table shows). */
  readonly allIn: Decimal;
  /** Basic + in-the-money options net of the shares their strike buys back (treasury stock method). */
  readonly treasuryStock: Decimal;
  /** Options and warrants in the money (strike below the price). */
  readonly inTheMoney: Decimal;
}

/** Checks one grant; names are built only when a rule fails (this runs once per grant on every recalculation). */
function checkGrant(g: OptionGrant, i: number): void {
  if (g.count.isNegative() || g.strike.isNegative()) {
    check(g.count, "nonNegative", { arg: "options", of: { row: i + 1 } });
    check(g.strike, "nonNegative", { arg: "strikes", of: { row: i + 1 } });
  }
}

/** One in-the-money grant's shares under the treasury stock method: count x (1 - strike / price). */
function netExercisedShares(g: OptionGrant, sharePrice: Decimal): Decimal {
  return g.count.times(ONE.minus(g.strike.div(sharePrice)));
}

/** Treasury stock method: fully diluted = basic + sum over in-the-money grants of count x (1 - strike / price). */
export function treasuryStockShares(basic: Decimal, grants: readonly OptionGrant[], sharePrice: Decimal): FullyDilutedCount {
  check(basic, "nonNegative", "basic_shares");
  check(sharePrice, "positive", "share_price");
  let tsm = basic;
  let itm = ZERO;
  let all = basic;
  grants.forEach((g, i) => {
    checkGrant(g, i);
    all = all.plus(g.count);
    if (g.strike.lt(sharePrice)) {
      itm = itm.plus(g.count);
      tsm = tsm.plus(netExercisedShares(g, sharePrice));
    }
  });
  return { basic, allIn: all, treasuryStock: tsm, inTheMoney: itm };
}

/**
 * Treasury stock method, the count alone: `treasuryStockShares(...).treasuryStock`, the same operations
 * in the same order (so the same digits), without the all-in and in-the-money sums (CAPTABLE.FDSHARES).
 */
export function treasuryStockMethodShares(basic: Decimal, grants: readonly OptionGrant[], sharePrice: Decimal): Decimal {
  check(basic, "nonNegative", "basic_shares");
  check(sharePrice, "positive", "share_price");
  let tsm = basic;
  for (let i = 0; i < grants.length; i++) {
    const g = grants[i];
    checkGrant(g, i);
    if (g.strike.lt(sharePrice)) tsm = tsm.plus(netExercisedShares(g, sharePrice));
  }
  return tsm;
}

/** All-in fully diluted shares: basic + every option and warrant, exercised or not; `treasuryStockShares(...).allIn`, same digits. */
export function allInShares(basic: Decimal, grants: readonly OptionGrant[]): Decimal {
  check(basic, "nonNegative", "basic_shares");
  let all = basic;
  for (let i = 0; i < grants.length; i++) {
    checkGrant(grants[i], i);
    all = all.plus(grants[i].count);
  }
  return all;
}
