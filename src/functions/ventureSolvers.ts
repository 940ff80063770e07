/**
 * Adapters of the venture solvers (CAPTABLE.EXITFORTARGET, CAPTABLE.VCMETHOD): read the cells, call
 * src/engine/venture/solvers.ts, lay the result out. The tables are read as CAPTABLE.WATERFALL reads
 * them (./venture.ts), so one classes table feeds the waterfall, its breakpoints and its solver.
 */
import { PayoutOf, exitForTarget, nameKey, vcMethod } from "../engine";
import { isBlank, readChoice, readNumber, readOptionalNumber, readText, readVector, valueError } from "./cells";
import { TARGET_KIND } from "./choices";
import { CellOutput, toCell } from "./excel";
import { readClasses, readExitCosts, readHoldings } from "./venture";

/** A name given as one cell, or as the first cell of a range. */
function readName(value: unknown, name: string): string {
  if (isBlank(value)) throw valueError(`${name} is required, got an empty cell`, name);
  return readText(Array.isArray(value) ? readVector(value, name)[0] : value, name);
}

export function exitForTargetCell(
  classes: any,
  who: any,
  target: any,
  target_type: any,
  holdings: any,
  net_debt: any,
  transaction_costs: any,
  other_claims: any,
  invested: any,
): number {
  const cls = readClasses(classes);
  const name = readName(who, "who");
  const kind = readChoice(target_type, "target_type", TARGET_KIND, "MULTIPLE");
  const value = readNumber(target, "target", "positive");
  const base = readOptionalNumber(invested, "invested", "positive");
  if (base !== undefined && kind === "PAYOUT") {
    throw valueError('invested must be empty when target_type is "PAYOUT": it is the base of a multiple', "invested");
  }
  const positions = isBlank(holdings) ? undefined : readHoldings(holdings);
  const key = nameKey(name);
  const isClass = cls.some((c) => nameKey(c.name) === key);
  const isHolder = positions?.some((p) => nameKey(p.holder) === key) ?? false;
  if (isClass && isHolder) {
    throw valueError(`who names both a class and a holder ("${name}"): leave holdings empty to follow the class`, "who");
  }
  let of: PayoutOf;
  if (isHolder) of = { holder: name, positions: positions! };
  else if (isClass || positions === undefined) of = { className: name };
  else throw valueError(`who must be a class of the classes table or a holder of the holdings table, got "${name}"`, "who");
  if (base !== undefined && "className" in of) {
    throw valueError("invested must be empty when who is a class: the class's Invested column is the base of its multiple", "invested");
  }
  const r = exitForTarget(
    cls,
    of,
    kind === "PAYOUT" ? { payout: value } : { multiple: value, invested: base },
    readExitCosts(net_debt, transaction_costs, other_claims),
  );
  return toCell(r.exitValue);
}

export const VCMETHOD_ROWS = [
  "Post-money valuation",
  "Pre-money valuation",
  "Ownership needed today",
  "Ownership needed at exit",
  "Retention ratio",
  "Value of the stake at exit",
] as const;

export function vcMethodCells(exit_value: any, target_multiple: any, investment: any, retention: any): CellOutput[][] {
  const r = vcMethod({
    exitValue: readNumber(exit_value, "exit_value", "positive"),
    targetMultiple: readNumber(target_multiple, "target_multiple", "positive"),
    investment: readNumber(investment, "investment", "positive"),
    retention: readOptionalNumber(retention, "retention", "positiveFraction"),
  });
  const values = [r.postMoney, r.preMoney, r.ownershipToday, r.ownershipAtExit, r.retention, r.valueAtExit];
  return [["", "VC method"], ...VCMETHOD_ROWS.map((label, i): CellOutput[] => [label, toCell(values[i])])];
}
