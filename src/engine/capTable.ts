/**
 * Cap tables: who holds how many shares, and how that changes in a secondary transfer or a
 * primary issue.
 *
 * Conventions:
 * - Ownership = a holder's shares / total shares in the table (the table is taken as fully diluted:
 *   list options and warrants as holders to count them).
 * - Holders are matched by name, trimmed and case-insensitive, as Excel's lookups do.
 * - A secondary transfer moves shares; the total never changes. A primary issue adds shares.
 */
import { Decimal, ZERO, sum } from "./decimal";
import { capTableError } from "./messages/capTable";
import { check, formatAmount } from "./rules";
import { CapitalIncrease, capitalIncrease } from "./capitalIncrease";
import { ShareRounding } from "./shares";
import { nameKey } from "./text";

export interface Holding {
  readonly holder: string;
  readonly shares: Decimal;
}

export type CapTable = readonly Holding[];

/** A row of a pro forma table: before and after a transaction. */
export interface ProFormaRow {
  readonly holder: string;
  readonly sharesBefore: Decimal;
  readonly ownershipBefore: Decimal;
  readonly sharesAfter: Decimal;
  readonly ownershipAfter: Decimal;
}

/** Ownership of each holding = shares / total shares; the fractions sum to 1 (to 40 significant digits). */
export function ownership(shares: readonly Decimal[]): Decimal[] {
  for (const s of shares) check(s, "nonNegative", "shares");
  const total = sum(shares);
  if (total.isZero()) throw capTableError("num", "sharesAllZero", { ownership: true }, "shares");
  return shares.map((s) => s.div(total));
}

/** The key a holder name is matched by: trimmed and case-insensitive as Excel's lookups are (`nameKey`, ./text.ts). */
export function holderKey(name: string): string {
  return nameKey(name);
}

/** Checks a cap table: names present and unique, share counts not negative. */
export function validateCapTable(table: CapTable): CapTable {
  const seen = new Set<string>();
  table.forEach((row, i) => {
    const key = holderKey(row.holder);
    if (key === "") throw capTableError("value", "holderEmpty", { row: i + 1 }, "holders");
    if (seen.has(key)) throw capTableError("value", "notUnique", { list: "holders", name: row.holder.trim() }, "holders");
    seen.add(key);
    check(row.shares, "nonNegative", { arg: "shares", of: { item: row.holder.trim() } });
  });
  return table;
}

function indexOfHolder(table: CapTable, name: string): number {
  const key = holderKey(name);
  return table.findIndex((row) => holderKey(row.holder) === key);
}

function proForma(before: CapTable, after: CapTable): ProFormaRow[] {
  const ownBefore = ownership(before.map((r) => r.shares));
  const ownAfter = ownership(after.map((r) => r.shares));
  return after.map((row, i) => ({
    holder: row.holder,
    sharesBefore: i < before.length ? before[i].shares : ZERO,
    ownershipBefore: i < before.length ? ownBefore[i] : ZERO,
    sharesAfter: row.shares,
    ownershipAfter: ownAfter[i],
  }));
}

/** Adds shares to a holder, appending the holder at the end when absent. */
function credit(table: CapTable, name: string, shares: Decimal): Holding[] {
  const i = indexOfHolder(table, name);
  if (i < 0) return [...table, { holder: name.trim(), shares }];
  return table.map((row, j) => (j === i ? { holder: row.holder, shares: row.shares.plus(shares) } : row));
}

/** Secondary transfer: the seller's shares move to the buyer (added when absent); total shares are unchanged. */
export function secondaryTransfer(table: CapTable, seller: string, buyer: string, sharesSold: Decimal): ProFormaRow[] {
  validateCapTable(table);
  check(sharesSold, "nonNegative", "shares_sold");
  const s = indexOfHolder(table, seller);
  if (s < 0) throw capTableError("value", "sellerNotHolder", { seller: seller.trim() }, "seller");
  if (holderKey(buyer) === "") throw capTableError("value", "nameEmpty", { role: "buyer" }, "buyer");
  if (holderKey(buyer) === holderKey(seller)) throw capTableError("value", "buyerIsSeller", { seller: seller.trim(), sellers: false }, "buyer");
  const held = table[s].shares;
  if (sharesSold.gt(held)) {
    throw capTableError(
      "value",
      "sharesSoldExceed",
      { seller: table[s].holder.trim(), held: formatAmount(held), sold: formatAmount(sharesSold) },
      "shares_sold",
    );
  }
  const debited = table.map((row, j) => (j === s ? { holder: row.holder, shares: row.shares.minus(sharesSold) } : row));
  return proForma(table, credit(debited, buyer, sharesSold));
}

/** Primary issue of a given number of new shares to a holder (added at the end when absent); the others keep their shares. */
export function issueShares(table: CapTable, investor: string, newShares: Decimal): ProFormaRow[] {
  validateCapTable(table);
  if (holderKey(investor) === "") throw capTableError("value", "nameEmpty", { role: "investor" }, "investor");
  check(newShares, "nonNegative", "new_shares");
  return proForma(table, credit(table, investor, newShares));
}

export interface PrimaryIssue {
  readonly rows: ProFormaRow[];
  readonly round: CapitalIncrease;
}

/** Primary issue: new shares at pre-money / total shares before, credited to the investor (added when absent). */
export function primaryIssue(table: CapTable, investor: string, investment: Decimal, preMoney: Decimal, rounding?: ShareRounding): PrimaryIssue {
  validateCapTable(table);
  if (holderKey(investor) === "") throw capTableError("value", "nameEmpty", { role: "investor" }, "investor");
  const round = capitalIncrease({ preMoney, investment, fullyDilutedShares: sum(table.map((r) => r.shares)), rounding });
  return { rows: proForma(table, credit(table, investor, round.newShares)), round };
}
