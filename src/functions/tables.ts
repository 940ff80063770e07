/**
 * Spilled tables: engine results laid out as rows of cells with a header row, and the one way every
 * table function shows the rows and cells its readers skipped as empty (`withIgnoredNote`).
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

/** Pads rows to a rectangle: Excel spills rectangles only. */
export function rectangle(rows: CellOutput[][]): CellOutput[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<CellOutput>(width - r.length).fill("")]));
}

/**
 * A reader's list of what it left out, for the note a result shows: the 1-based rows (or cells) it
 * skipped as empty and, for a header table (`readHeaderTable`, venture.ts), the columns whose header
 * it does not read, as the note names them (`"Comment" (column 4)`, `column 6 (no header)`).
 */
export type Skipped = number[] & { columns?: string[] };

/** The rows or cells `of` an argument ("classes", "exit_value") a reader skipped as empty, `at` their 1-based positions as its messages number them (and, a header table, its columns not read). */
export interface Ignored {
  readonly unit: "row" | "cell";
  readonly of: string;
  readonly at: readonly number[] & { readonly columns?: readonly string[] };
}

/**
 * The note a result shows for the rows or cells it skipped as empty (blank, or 0 where some Excel
 * builds send 0 for an empty cell: cells.ts), so that none is dropped silently: undefined when none was.
 * Every skipped row is counted, trailing ones too: what an empty cell of a range arrives as is not
 * documented (office-js #4702 and #5262: null on the web and current builds, 0 on others), so a
 * row of blanks cannot be told from a row of zeros, and either is listed.
 */
export function ignoredNote(parts: readonly Ignored[]): string | undefined {
  const said = parts
    .filter((p) => p.at.length > 0)
    .map((p) => {
      const shown = p.at.slice(0, 5).join(", ") + (p.at.length > 5 ? ", …" : "");
      const one = p.at.length === 1;
      return `${p.at.length} ${one ? p.unit : `${p.unit}s`} of ${p.of} (${one ? "number" : "numbers"} ${shown})`;
    });
  return said.length === 0 ? undefined : `Ignored as empty (blank, or 0 as some Excel builds send an empty cell): ${said.join("; ")}`;
}

/** The note a result shows for the columns of its header tables whose header it does not know (`Skipped`): undefined when there are none. */
export function ignoredColumnsNote(parts: readonly Ignored[]): string | undefined {
  const said = parts.filter((p) => p.at.columns !== undefined).map((p) => `${p.at.columns!.join(", ")} of ${p.of}`);
  return said.length === 0 ? undefined : `Columns not read (header not recognised): ${said.join("; ")}`;
}

/**
 * A result table with the "Ignored as empty" note (`ignoredNote`) as a last row when a reader
 * skipped anything, then the "Columns not read" note (`ignoredColumnsNote`) when a header table had
 * columns it does not read; nothing added otherwise; padded to a rectangle. The rows above never
 * move, so INDEX into a result keeps its rows. The one way every table function shows what it left out.
 */
export function withIgnoredNote(rows: CellOutput[][], parts: readonly Ignored[]): CellOutput[][] {
  for (const note of [ignoredNote(parts), ignoredColumnsNote(parts)]) if (note !== undefined) rows.push([note]);
  return rectangle(rows);
}
