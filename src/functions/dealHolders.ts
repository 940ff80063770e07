/**
 * Adapter of CAPTABLE.HOLDERRETURNS (issue 16): returns per holder over all its instruments. Reads a
 * table Holder | Instrument | Date | Amount (a header row, columns in any order, English or French
 * headers), calls `returnsByHolder` (src/engine/deal/holders.ts) and spills one row per holder.
 * Messages name the argument (`flows`) and the rows of the range (1-based, the header is row 1).
 */
import { EngineError, type EngineRuleRef, HolderFlow, HolderReturns, LAST_DATE_SERIAL, returnsByHolder, holderKey } from "../engine";
import { returnsRuleText } from "../engine/messages/returns";
import { describeCell, isBlankCell, readOptionalNumber, valueError } from "./cells";
import { CellOutput, toCell } from "./excel";
import { withIgnoredNote } from "./tables";
import { type CellReader, nameCell, numberCell, readHeaderTable } from "./venture";

/** A date cell of a table: an Excel day serial from 0 to 31/12/9999 (XIRR's rule), never text or empty. */
export const dateCell: CellReader<number> = (v, at) => {
  if (isBlankCell(v, "number")) throw valueError(`${at.table}: ${at.column} must not be empty (row ${at.row})`, at.table);
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v >= LAST_DATE_SERIAL + 1) {
    throw valueError(
      `${at.table}: ${at.column} must be a date (a day serial number from 0 to ${LAST_DATE_SERIAL}, 31/12/9999), got ${describeCell(v)} (row ${at.row})`,
      at.table,
    );
  }
  return v;
};

const HOLDER_FLOW_COLUMNS = {
  holder: { headers: ["Holder", "Détenteur", "Investor", "Investisseur"], required: true, read: nameCell },
  instrument: { headers: ["Instrument", "Security", "Titre"], required: true, read: nameCell },
  date: { headers: ["Date"], required: true, read: dateCell },
  amount: { headers: ["Amount", "Flow", "Cash flow", "Montant", "Flux"], required: true, read: numberCell("amount") },
} as const;

/** The header of HOLDERRETURNS' table: one row per holder below it. */
export const HOLDERRETURNS_HEADER = [
  "Holder",
  "IRR (XIRR, actual/365)",
  "Multiple on invested capital",
  "Average cash yield",
  "Invested (paid in)",
  "Distributed (received)",
  "Net gain",
  "Holding period (years)",
  "Instruments",
] as const;

/** The rows of `flows` each holder's flows come from (1-based, as the range numbers them), by holder key. */
function rowsByHolder(flows: readonly HolderFlow[], rows: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  flows.forEach((f, i) => {
    const key = holderKey(f.holder);
    const list = out.get(key);
    if (list === undefined) out.set(key, [rows[i]]);
    else list.push(rows[i]);
  });
  return out;
}

const listRows = (rows: readonly number[]): string =>
  rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, 5).join(", ")}${rows.length > 5 ? ", …" : ""}`;

export function holderReturnsCells(flows: unknown, guess: unknown): CellOutput[][] {
  const skipped: number[] = [];
  const rows = readHeaderTable(flows, "flows", HOLDER_FLOW_COLUMNS, undefined, skipped);
  const read: HolderFlow[] = rows.map((r) => ({
    holder: r.get("holder"),
    instrument: r.get("instrument"),
    date: r.get("date"),
    amount: r.get("amount"),
  }));
  const g = readOptionalNumber(guess, "guess", "amount", false)?.toNumber() ?? 0.1;
  let result: HolderReturns[];
  try {
    result = returnsByHolder(read, g);
  } catch (e) {
    // The engine names the holder; the sheet also needs the rows to look at.
    if (e instanceof EngineError && e.rule?.id === "holderFlows") {
      const p = (e.rule as EngineRuleRef<"holderFlows">).params;
      const at =
        rowsByHolder(
          read,
          rows.map((r) => r.row),
        ).get(holderKey(p.holder)) ?? [];
      throw new EngineError(e.kind, `flows of "${p.holder}" (${listRows(at)}): ${returnsRuleText(p.rule)}`, "flows", e.rule);
    }
    throw e;
  }
  const table: CellOutput[][] = [
    [...HOLDERRETURNS_HEADER],
    ...result.map((h): CellOutput[] => [
      h.holder,
      h.returns.irr,
      toCell(h.returns.moic),
      toCell(h.returns.cashYield),
      toCell(h.returns.invested),
      toCell(h.returns.distributed),
      toCell(h.returns.netGain),
      toCell(h.returns.years),
      h.instruments.join(", "),
    ]),
  ];
  return withIgnoredNote(table, [{ unit: "row", of: "flows", at: skipped }]);
}
