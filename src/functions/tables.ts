/**
 * Spilled tables: engine results laid out as rows of cells with a header row.
 */
import { Bridge, Decimal, ProFormaRow, StakeSale } from "../engine";
import { CellOutput, toCell } from "./excel";

export const DEAL_VIEW_HEADER: readonly string[] = ["", "Company (100%)", "Stake sold", "Stake retained"];

type BridgeLine = readonly [label: string, pick: (b: Bridge) => Decimal];

const BRIDGE_LINES: readonly BridgeLine[] = [
  ["Enterprise value", (b) => b.enterpriseValue],
  ["Net debt", (b) => b.netDebt],
  ["Other claims", (b) => b.otherClaims],
  ["Equity value (incl. shareholder loans)", (b) => b.equityValue],
  ["Shareholder loans", (b) => b.shareholderLoans],
  ["Share equity", (b) => b.shareEquity],
];

/** The equity and debt views of a stake sale: company at 100%, stake sold, stake retained. */
export function dealViewTable(deal: StakeSale): CellOutput[][] {
  const rows: CellOutput[][] = [[...DEAL_VIEW_HEADER]];
  rows.push(["Stake", 1, toCell(deal.stake), toCell(deal.stake.neg().plus(1))]);
  for (const [label, pick] of BRIDGE_LINES) {
    rows.push([label, toCell(pick(deal.company), label), toCell(pick(deal.sold), label), toCell(pick(deal.retained), label)]);
  }
  rows.push(["Price paid for the stake", "", toCell(deal.price.total, "the price"), ""]);
  if (deal.capacity !== undefined && deal.evPerUnit !== undefined) {
    rows.push(["Capacity", toCell(deal.capacity.company), toCell(deal.capacity.sold), toCell(deal.capacity.retained)]);
    const perUnit = toCell(deal.evPerUnit, "EV per capacity unit");
    rows.push(["EV per capacity unit", perUnit, perUnit, perUnit]);
    rows.push([
      "EV per capacity unit implied by the price",
      "",
      deal.impliedEvPerUnit === undefined ? "" : toCell(deal.impliedEvPerUnit, "implied EV per capacity unit"),
      "",
    ]);
  }
  return rows;
}

export const PRO_FORMA_HEADER: readonly string[] = ["Holder", "Shares before", "% before", "Shares after", "% after"];

/** A pro forma cap table: holder, shares and ownership before and after. */
export function proFormaTable(rows: readonly ProFormaRow[]): CellOutput[][] {
  return [
    [...PRO_FORMA_HEADER],
    ...rows.map((r) => [r.holder, toCell(r.sharesBefore), toCell(r.ownershipBefore), toCell(r.sharesAfter), toCell(r.ownershipAfter)]),
  ];
}
