/**
 * Reading a cap table from two ranges laid out as users do: holder names in one column (or row),
 * share counts beside them. Rows where both cells are empty (or 0, as some Excel builds send empty
 * cells: cells.ts) are skipped, so a range may include blank rows for holders to come; the skipped
 * rows' numbers go to `skipped`, for the result's "Ignored as empty" note (tables.ts, `withIgnoredNote`).
 */
import { CapTable, Decimal, rules } from "../engine";
import { describeCell, isBlankCell, isBlankRow, readVector, valueError } from "./cells";

export function readCapTable(holdersRange: unknown, sharesRange: unknown, skipped?: number[]): CapTable {
  const holders = readVector(holdersRange, "holders");
  const shares = readVector(sharesRange, "shares");
  if (holders.length !== shares.length) {
    throw valueError(`holders and shares must be ranges of the same size, got ${holders.length} holders and ${shares.length} share counts`, "shares");
  }
  const table: { holder: string; shares: Decimal }[] = [];
  holders.forEach((h, i) => {
    const s = shares[i];
    if (isBlankRow([h, s])) {
      skipped?.push(i + 1); // also (0, 0): an empty row on Excel builds that send 0 (cells.ts)
      return;
    }
    const row = i + 1;
    if (isBlankCell(h, "name")) throw valueError(`holders must not be empty where shares are given (row ${row})`, "holders");
    if (typeof h !== "string" && !(typeof h === "number" && Number.isFinite(h))) {
      throw valueError(`holders must be names, got ${describeCell(h)} (row ${row})`, "holders");
    }
    const name = String(h).trim();
    if (typeof s !== "number" || !Number.isFinite(s)) {
      throw valueError(`shares must be numbers, got ${describeCell(s)} for "${name}" (row ${row})`, "shares");
    }
    const d = new Decimal(Object.is(s, -0) ? 0 : s);
    const message = rules.nonNegative(d, `shares of "${name}"`);
    if (message !== undefined) throw valueError(message, "shares");
    table.push({ holder: name, shares: d });
  });
  if (table.length === 0) throw valueError("holders must list at least one holder", "holders");
  return table;
}
