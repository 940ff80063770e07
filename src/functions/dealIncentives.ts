/**
 * Adapters of CAPTABLE.PREFACCRUED and CAPTABLE.RATCHET (issue 16): preferred cumulative dividends and
 * management ratchets computed from their terms (src/engine/deal/incentives.ts, whose header cites the
 * conventions). Each option's value in use is shown (the ratchet's basis on its first row).
 */
import {
  COMPOUNDING_WORDS,
  DAY_COUNT_WORDS,
  Decimal,
  type InvestorHurdle,
  RATCHET_BASIS_WORDS,
  type RatchetTier,
  daysBetween,
  preferredAccrued,
  preferredAccruedAsNumber,
  ratchetSplit,
  tiersFromInvestorHurdles,
} from "../engine";
import { isBlank, readChoice, readNumber, readOptionalNumber, valueError } from "./cells";
import { checkedCell, readDate } from "./deal";
import { CellOutput, toCell } from "./excel";
import { inWorkbookDateSystem } from "./dateSystem";
import { withIgnoredNote } from "./tables";
import { numberCell, optionalNumberCell, readHeaderTable } from "./venture";

/** CAPTABLE.PREFACCRUED; with a 30/360 count, its dates in the workbook's date system (./dateSystem). */
export function prefAccruedCell(
  principal: unknown,
  dividend_rate: unknown,
  issue_date: unknown,
  to_date: unknown,
  compounding: unknown,
  day_count: unknown,
): number | Promise<number> {
  return inWorkbookDateSystem((reading) => {
    const p = readNumber(principal, "principal", "nonNegative");
    const r = readNumber(dividend_rate, "dividend_rate", "nonNegative");
    const from = reading.day(readDate(issue_date, "issue_date"));
    const to = reading.day(readDate(to_date, "to_date"));
    const c = readChoice(compounding, "compounding", COMPOUNDING_WORDS.words, "ANNUAL");
    const basis = readChoice(day_count, "day_count", DAY_COUNT_WORDS.words, "ACT/365");
    if (basis === "30/360") reading.calendarDays = true;
    return checkedCell(preferredAccruedAsNumber(p, r, from, to, c, basis)) ?? toCell(preferredAccrued(p, r, from, to, c, basis));
  }, "issue_date and to_date");
}

/** The tiers table: a hurdle per row (an exit equity, or the investors' multiple and/or IRR) and management's share from it. */
const TIER_COLUMNS = {
  equity: { headers: ["Exit equity", "Equity value", "Fonds propres", "Fonds propres de sortie"], read: optionalNumberCell("nonNegative", false) },
  multiple: { headers: ["Multiple", "MOIC", "Money multiple", "Multiple of money"], read: optionalNumberCell("nonNegative", false) },
  irr: { headers: ["IRR", "TRI"], read: optionalNumberCell("premium", false) },
  share: { headers: ["Management share", "Share", "Part du management", "Part"], required: true, read: numberCell("fraction") },
} as const;

/** Most tiers of one RATCHET: each hurdle on a return is solved over the tiers below it (quadratic work), so the call stays bounded; real ratchets have a few. */
const MAX_TIERS = 100;

const percent = (d: Decimal): string => `${d.times(100).toSignificantDigits(10).toString()}%`;

export function ratchetCells(
  exit_equity: unknown,
  management_share: unknown,
  tiers: unknown,
  basis: unknown,
  invested: unknown,
  entry_date: unknown,
  exit_date: unknown,
): CellOutput[][] {
  const equity = readNumber(exit_equity, "exit_equity", "nonNegative");
  const base = readNumber(management_share, "management_share", "fraction");
  const b = readChoice(basis, "basis", RATCHET_BASIS_WORDS.words, "EXCESS");
  const paid = readOptionalNumber(invested, "invested", "positive");
  const datesGiven = !isBlank(entry_date) || !isBlank(exit_date);
  if (datesGiven && (isBlank(entry_date) || isBlank(exit_date))) {
    const missing = isBlank(entry_date) ? "entry_date" : "exit_date";
    throw valueError(`${missing} is required with ${missing === "entry_date" ? "exit_date" : "entry_date"}: an IRR needs both dates`, missing);
  }
  const days = datesGiven ? daysBetween(readDate(entry_date, "entry_date"), readDate(exit_date, "exit_date"), "entry_date", "exit_date") : undefined;
  if (days !== undefined && paid === undefined) {
    throw valueError("invested is required with entry_date and exit_date: the dates time the investors' IRR on what they invested", "invested");
  }

  const skipped: number[] = [];
  const rows = readHeaderTable(tiers, "tiers", TIER_COLUMNS, undefined, skipped).map((r) => ({
    row: r.row,
    equity: r.get("equity"),
    multiple: r.get("multiple"),
    irr: r.get("irr"),
    share: r.get("share"),
  }));
  if (rows.length > MAX_TIERS) throw valueError(`tiers must have at most ${MAX_TIERS} rows, got ${rows.length}`, "tiers");
  const byEquity = rows.filter((r) => r.equity !== undefined);
  for (const r of rows) {
    const onReturn = r.multiple !== undefined || r.irr !== undefined;
    if (onReturn === (r.equity !== undefined)) {
      throw valueError(
        `tiers: row ${r.row} must give its hurdle either as an Exit equity or as the investors' Multiple and/or IRR, ${onReturn ? "not both" : "got none"}`,
        "tiers",
      );
    }
  }
  if (byEquity.length > 0 && byEquity.length < rows.length) {
    throw valueError("tiers must give every hurdle the same way: all as an Exit equity, or all as the investors' Multiple and/or IRR", "tiers");
  }

  let steps: RatchetTier[];
  if (byEquity.length > 0) steps = rows.map((r) => ({ hurdle: r.equity!, share: r.share }));
  else {
    if (paid === undefined)
      throw valueError(
        "invested is required: the tiers' hurdles are on the investors' return, a multiple or an IRR of what they invested",
        "invested",
      );
    const withIrr = rows.find((r) => r.irr !== undefined);
    if (withIrr !== undefined && days === undefined) {
      throw valueError(`entry_date and exit_date are required: tiers row ${withIrr.row} has an IRR hurdle, timed from entry to exit`, "entry_date");
    }
    const hurdles = rows.map((r): { hurdle: InvestorHurdle; share: Decimal } => ({
      hurdle: { multiple: r.multiple, irr: r.irr === undefined ? undefined : { rate: r.irr, days: days! } },
      share: r.share,
    }));
    steps = tiersFromInvestorHurdles(paid, base, hurdles, b);
  }

  const split = ratchetSplit(equity, base, steps, b);
  const describe = (k: number): string => {
    const r = rows[k];
    if (r.equity !== undefined) return `Tier ${k + 1}: from an exit equity of`;
    const on = [r.multiple === undefined ? "" : `a multiple of ${r.multiple.toString()}x`, r.irr === undefined ? "" : `an IRR of ${percent(r.irr)}`]
      .filter((x) => x !== "")
      .join(" and ");
    return `Tier ${k + 1}: from the exit equity giving the investors ${on}`;
  };
  const table: CellOutput[][] = [
    ["Ratchet applies to", RATCHET_BASIS_WORDS.labels[b].en, "Management share"],
    ["Base: management share below the first hurdle", "", toCell(base)],
    ...steps.map((t, k): CellOutput[] => [describe(k), toCell(t.hurdle), toCell(t.share)]),
    ["Tiers met", split.tiersMet, ""],
    ["Management's pay-out (and share of the exit equity)", toCell(split.management), toCell(split.share)],
    ["Investors' pay-out (exit equity - management)", toCell(split.investors), ""],
  ];
  if (paid !== undefined) {
    const multiple = split.investors.div(paid);
    table.push(["Investors' multiple (pay-out / invested)", toCell(multiple), ""]);
    // One entry and one exit: XIRR's root in closed form, multiple^(365 / days) - 1; none without a pay-out (XIRR's #NUM!).
    if (days !== undefined && days > 0) {
      table.push([
        "Investors' IRR (actual/365, entry to exit)",
        multiple.gt(0) ? Math.pow(multiple.toNumber(), 365 / days) - 1 : "none: no pay-out",
        "",
      ]);
    }
  }
  return withIgnoredNote(table, [{ unit: "row", of: "tiers", at: skipped }]);
}
