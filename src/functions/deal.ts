/**
 * Adapters of the deal functions (issue 16): read the cells, call src/engine/deal, lay the result out.
 * Flows and dates are read as XIRR reads them: two ranges of the same size, amounts negative when
 * paid and positive when received, dates as Excel's day serial numbers.
 */
import {
  DatedFlow,
  Decimal,
  EngineError,
  FlowColumns,
  COMPOUNDING_WORDS,
  COMP_METRIC_WORDS,
  CROSS_TERM_WORDS,
  buyerIrr,
  multipleStats,
  sensitivityGrid,
  valueBridge,
  TICKER_BASE_WORDS,
  completionAccounts,
  dealReturns,
  disposalGain,
  sourcesAndUses,
  deferredConsiderationPV,
  deferredConsiderationPVAsNumber,
  lockedBoxPrice,
  pikAccrued,
  pikAccruedAsNumber,
  priceSplit,
  xirr,
  xnpv,
  xnpvAsNumber,
} from "../engine";
import { describeCell, isBlank, isBlankRow, readChoice, readNumber, readOptionalNumber, readText, readVector, valueError } from "./cells";
import { CellOutput, toCell } from "./excel";
import { withIgnoredNote } from "./tables";
import { nameCell, numberCell, optionalNumberCell, tableReader } from "./venture";

/**
 * Dated flows from two ranges of one size, in columns (the cells' numbers; see `FlowColumns`):
 * trailing empty pairs are dropped (their 1-based positions go to `skipped`, for a table's "Ignored
 * as empty" note), an empty cell inside is an error.
 */
export function readFlowColumns(flows: unknown, dates: unknown, skipped?: number[]): FlowColumns {
  const amounts = readVector(flows, "flows");
  const days = readVector(dates, "dates");
  if (amounts.length !== days.length) {
    throw new EngineError("num", `flows and dates must have the same number of cells, got ${amounts.length} flows and ${days.length} dates`, "dates");
  }
  let n = amounts.length;
  while (n > 0 && isBlankRow([amounts[n - 1], days[n - 1]])) n--;
  for (let i = n; i < amounts.length; i++) skipped?.push(i + 1);
  const out = { amounts: new Float64Array(n), dates: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const day = days[i];
    if (typeof day !== "number" || !Number.isFinite(day)) {
      throw valueError(`dates must be dates (day serial numbers), got ${describeCell(day)} at position ${i + 1}`, "dates");
    }
    const a = amounts[i];
    // readNumber's own fast path for a finite number (-0 reads as 0), without building the argument's name for every cell (npm run bench);
    // anything else is refused by readNumber with its message.
    out.amounts[i] = typeof a === "number" && Number.isFinite(a) ? (a === 0 ? 0 : a) : readNumber(a, `flows (position ${i + 1})`).toNumber();
    out.dates[i] = day;
  }
  return out;
}

/** Dated flows from two ranges of one size, as a list (see `readFlowColumns`), each amount a Decimal. */
export function readDatedFlows(flows: unknown, dates: unknown, skipped?: number[]): DatedFlow[] {
  const { amounts, dates: days } = readFlowColumns(flows, dates, skipped);
  const out: DatedFlow[] = new Array(amounts.length);
  for (let i = 0; i < amounts.length; i++) out[i] = { amount: new Decimal(amounts[i]), date: days[i] };
  return out;
}

function readGuess(guess: unknown): number {
  return readOptionalNumber(guess, "guess", "amount", false)?.toNumber() ?? 0.1;
}

export function dealIrrCell(flows: unknown, dates: unknown, guess: unknown): number {
  return xirr(readFlowColumns(flows, dates), readGuess(guess));
}

export function dealNpvCell(rate: unknown, flows: unknown, dates: unknown): number {
  const r = readNumber(rate, "rate");
  const columns = readFlowColumns(flows, dates);
  // The decimal result's double, found without a decimal power per flow when certain (xnpvAsNumber).
  return checkedCell(xnpvAsNumber(r, columns)) ?? toCell(xnpv(r, columns));
}

/** A double found for a cell by a `...AsNumber` fast path, as toCell gives it (never -0), or undefined to take the decimal path. */
export function checkedCell(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value === 0 ? 0 : value;
}

export const DEALRETURNS_ROWS = [
  "IRR (XIRR, actual/365)",
  "Multiple on invested capital",
  "Invested",
  "Distributed",
  "Net gain",
  "Holding period (years, actual/365)",
  "Average cash yield (received before the last date, a year, on invested)",
] as const;

export function dealReturnsCells(flows: unknown, dates: unknown, guess: unknown): CellOutput[][] {
  const skipped: number[] = [];
  const r = dealReturns(readFlowColumns(flows, dates, skipped), readGuess(guess));
  const values = [r.irr, toCell(r.moic), toCell(r.invested), toCell(r.distributed), toCell(r.netGain), toCell(r.years), toCell(r.cashYield)];
  return withIgnoredNote(
    DEALRETURNS_ROWS.map((label, i): CellOutput[] => [label, values[i]]),
    [{ unit: "cell", of: "flows and dates", at: skipped }],
  );
}

/** A date argument: an Excel day serial (a number); text is refused with the rule. */
export function readDate(value: unknown, name: string): number {
  if (typeof value !== "number" && !isBlank(value) && !Array.isArray(value)) {
    throw valueError(`${name} must be a date (a day serial number), got ${describeCell(value)}`, name);
  }
  // readNumber's fast path for a finite number >= 0 (-0 reads as 0), without a Decimal and its text (npm run bench); the rest is refused by readNumber.
  if (typeof value === "number" && value >= 0 && Number.isFinite(value)) return value === 0 ? 0 : value;
  return readNumber(value, name, "nonNegative").toNumber();
}

const column = (rows: readonly (readonly [string, CellOutput])[]): CellOutput[][] => rows.map(([l, v]) => [l, v]);

export function lockedBoxCells(
  equity_at_box: unknown,
  box_date: unknown,
  completion_date: unknown,
  ticker_rate: unknown,
  ticker_per_day: unknown,
  ticker_base: unknown,
  shareholder_loans: unknown,
  leakage: unknown,
  permitted_leakage: unknown,
): CellOutput[][] {
  const tickerRate = readOptionalNumber(ticker_rate, "ticker_rate", "nonNegative", false);
  const base = readChoice(ticker_base, "ticker_base", TICKER_BASE_WORDS.words, "EQUITY");
  if (tickerRate === undefined && !isBlank(ticker_base)) {
    throw valueError(
      "ticker_base is given but ticker_rate is empty: the base applies to a ticker rate; give ticker_rate or leave ticker_base empty",
      "ticker_base",
    );
  }
  const r = lockedBoxPrice({
    equityAtBox: readNumber(equity_at_box, "equity_at_box"),
    boxDate: readDate(box_date, "box_date"),
    completionDate: readDate(completion_date, "completion_date"),
    tickerRate,
    tickerPerDay: readOptionalNumber(ticker_per_day, "ticker_per_day", "nonNegative", false),
    tickerBase: base,
    shareholderLoansAtBox: readOptionalNumber(shareholder_loans, "shareholder_loans", "nonNegative", false),
    leakage: readOptionalNumber(leakage, "leakage", "nonNegative", false),
    permittedLeakage: readOptionalNumber(permitted_leakage, "permitted_leakage", "nonNegative", false),
  });
  const basis = r.tickerBaseAmount === undefined ? (tickerRate === undefined ? "Ticker per day" : "") : TICKER_BASE_WORDS.labels[base].en;
  return column([
    ["Days from box date to completion", r.days],
    ["Ticker accrues on", tickerRate === undefined && r.ticker.isZero() ? "No ticker" : basis],
    ["Ticker base amount", r.tickerBaseAmount === undefined ? "" : toCell(r.tickerBaseAmount)],
    ["Ticker (simple, actual/365)", toCell(r.ticker)],
    ["Leakage refunded (leakage - permitted)", toCell(r.leakageDeducted)],
    ["Price at completion", toCell(r.price)],
  ]);
}

export function completionAccountsCells(
  enterprise_value: unknown,
  debt_like: unknown,
  target_working_capital: unknown,
  estimated_net_debt: unknown,
  estimated_working_capital: unknown,
  final_net_debt: unknown,
  final_working_capital: unknown,
  escrow: unknown,
): CellOutput[][] {
  const r = completionAccounts({
    enterpriseValue: readNumber(enterprise_value, "enterprise_value"),
    debtLike: readNumber(debt_like, "debt_like"),
    targetWorkingCapital: readNumber(target_working_capital, "target_working_capital"),
    estimatedNetDebt: readNumber(estimated_net_debt, "estimated_net_debt"),
    estimatedWorkingCapital: readNumber(estimated_working_capital, "estimated_working_capital"),
    finalNetDebt: readNumber(final_net_debt, "final_net_debt"),
    finalWorkingCapital: readNumber(final_working_capital, "final_working_capital"),
    escrow: readOptionalNumber(escrow, "escrow", "nonNegative", false) ?? new Decimal(0),
  });
  return column([
    ["Estimated price", toCell(r.estimatedPrice)],
    ["Final price", toCell(r.finalPrice)],
    ["True-up (final - estimated)", toCell(r.trueUp)],
    ["Paid at completion (estimated - escrow)", toCell(r.paidAtCompletion)],
    ["Escrow released to the seller", toCell(r.escrowToSeller)],
    ["Escrow paid to the buyer", toCell(r.escrowToBuyer)],
    ["Paid by the buyer after the final accounts", toCell(r.buyerPaysAfter)],
    ["Owed by the seller beyond the escrow", toCell(r.sellerPaysAfter)],
  ]);
}

export function deferredPvCell(completion_date: unknown, payments: unknown, dates: unknown, rate: unknown, probabilities: unknown): number {
  const flows = readFlowColumns(payments, dates);
  const count = flows.amounts.length;
  let probs: Decimal[] | undefined;
  if (!isBlank(probabilities)) {
    const cells = readVector(probabilities, "probabilities");
    if (cells.length === count) probs = Array.from(flows.amounts, (_, i) => readNumber(cells[i], `probabilities (position ${i + 1})`, "fraction"));
    else if (cells.length === 1) {
      // One probability for every payment (100% typed as the default reads as omitting it).
      const p = readNumber(cells[0], "probabilities", "fraction");
      probs = Array.from(flows.amounts, () => p);
    } else {
      throw valueError(`probabilities must have one cell per payment, or one for all, got ${cells.length} for ${count} payments`, "probabilities");
    }
  }
  const completion = readDate(completion_date, "completion_date");
  const r = readNumber(rate, "rate");
  return checkedCell(deferredConsiderationPVAsNumber(completion, flows, r, probs)) ?? toCell(deferredConsiderationPV(completion, flows, r, probs));
}

export function pikAccruedCell(
  principal: unknown,
  interest_rate: unknown,
  start_date: unknown,
  completion_date: unknown,
  compounding: unknown,
): number {
  const p = readNumber(principal, "principal", "nonNegative");
  const r = readNumber(interest_rate, "interest_rate", "nonNegative");
  const start = readDate(start_date, "start_date");
  const end = readDate(completion_date, "completion_date");
  const c = readChoice(compounding, "compounding", COMPOUNDING_WORDS.words, "ANNUAL");
  return checkedCell(pikAccruedAsNumber(p, r, start, end, c)) ?? toCell(pikAccrued(p, r, start, end, c));
}

const readSaleHoldings = tableReader(
  "holdings",
  {
    holder: { headers: ["Holder", "Détenteur"], required: true, read: nameCell },
    shares: { headers: ["Shares", "Actions"], required: true, read: numberCell("nonNegative") },
    loans: { headers: ["Loans", "Prêts"], read: optionalNumberCell("nonNegative", false) },
    sharesSold: { headers: ["Shares sold", "Actions cédées"], read: optionalNumberCell("nonNegative", false) },
    loansSold: { headers: ["Loans sold", "Prêts cédés"], read: optionalNumberCell("nonNegative", false) },
  },
  "holder",
  (row) => {
    const zero = new Decimal(0);
    return {
      holder: row.get("holder"),
      shares: row.get("shares"),
      loans: row.get("loans") ?? zero,
      sharesSold: row.get("sharesSold") ?? zero,
      loansSold: row.get("loansSold") ?? zero,
    };
  },
);

export function priceSplitCells(equity_price: unknown, holdings: unknown): CellOutput[][] {
  const skipped: number[] = [];
  const r = priceSplit(readNumber(equity_price, "equity_price"), readSaleHoldings(holdings, skipped));
  const rows: CellOutput[][] = [
    ["Holder", "Price for shares", "Price for loans", "Total"],
    ...r.rows.map((row): CellOutput[] => [row.holder, toCell(row.sharesPrice), toCell(row.loansPrice), toCell(row.total)]),
    [
      "Total",
      toCell(r.rows.reduce((a, x) => a.plus(x.sharesPrice), new Decimal(0))),
      toCell(r.rows.reduce((a, x) => a.plus(x.loansPrice), new Decimal(0))),
      toCell(r.total),
    ],
    ["Price per share (share equity / all shares)", toCell(r.pricePerShare), "", ""],
  ];
  return withIgnoredNote(rows, [{ unit: "row", of: "holdings", at: skipped }]);
}

const labelledTable = (name: string, label: string, french: string) =>
  tableReader(
    name,
    {
      label: { headers: [label, french], required: true, read: nameCell },
      amount: { headers: ["Amount", "Montant"], required: true, read: numberCell("nonNegative") },
    },
    "label",
    (row) => ({ label: row.get("label"), amount: row.get("amount") }),
  );
const readUses = labelledTable("uses", "Use", "Emploi");
const readSources = labelledTable("sources", "Source", "Ressource");

export function sourcesUsesCells(uses: unknown, sources: unknown, equity_label: unknown): CellOutput[][] {
  const skippedUses: number[] = [];
  const skippedSources: number[] = [];
  const otherSources = isBlank(sources) ? [] : readSources(sources, skippedSources);
  const label = isBlank(equity_label) ? "Equity (plug)" : readText(equity_label, "equity_label");
  const r = sourcesAndUses(readUses(uses, skippedUses), otherSources, label);
  const rows: CellOutput[][] = [
    ["Uses", "Amount"],
    ...r.uses.map((u): CellOutput[] => [u.label, toCell(u.amount)]),
    ["Total uses", toCell(r.totalUses)],
    ["Sources", "Amount"],
    ...r.sources.map((u): CellOutput[] => [u.label, toCell(u.amount)]),
    ["Total sources", toCell(r.totalSources)],
    ["Check: sources - uses", toCell(r.check)],
  ];
  return withIgnoredNote(rows, [
    { unit: "row", of: "uses", at: skippedUses },
    { unit: "row", of: "sources", at: skippedSources },
  ]);
}

export function disposalGainCells(
  proceeds: unknown,
  carrying_amount: unknown,
  stake_sold: unknown,
  retained_fair_value: unknown,
  costs: unknown,
): CellOutput[][] {
  const stake = readOptionalNumber(stake_sold, "stake_sold", "positiveFraction") ?? new Decimal(1);
  const r = disposalGain({
    proceeds: readNumber(proceeds, "proceeds"),
    carryingAmount: readNumber(carrying_amount, "carrying_amount"),
    stakeSold: stake,
    retainedFairValue: readOptionalNumber(retained_fair_value, "retained_fair_value", "nonNegative", false),
    costs: readOptionalNumber(costs, "costs", "nonNegative", false) ?? new Decimal(0),
  });
  return column([
    ["Carrying amount of the part sold", toCell(r.carryingSold)],
    ["Gain on the part sold (proceeds - carrying amount sold - costs)", toCell(r.gainOnSale)],
    ["Remeasurement of the part retained (fair value - carrying amount)", toCell(r.remeasurement)],
    ["Gain on disposal", toCell(r.gain)],
  ]);
}

export function valueBridgeCells(
  entry_ebitda: unknown,
  entry_multiple: unknown,
  exit_ebitda: unknown,
  exit_multiple: unknown,
  entry_net_debt: unknown,
  exit_net_debt: unknown,
  cash_returned: unknown,
  cross_term: unknown,
): CellOutput[][] {
  const option = readChoice(cross_term, "cross_term", CROSS_TERM_WORDS.words, "SEPARATE");
  const r = valueBridge({
    entryEbitda: readNumber(entry_ebitda, "entry_ebitda"),
    entryMultiple: readNumber(entry_multiple, "entry_multiple"),
    exitEbitda: readNumber(exit_ebitda, "exit_ebitda"),
    exitMultiple: readNumber(exit_multiple, "exit_multiple"),
    entryNetDebt: readNumber(entry_net_debt, "entry_net_debt"),
    exitNetDebt: readNumber(exit_net_debt, "exit_net_debt"),
    cashReturned: readOptionalNumber(cash_returned, "cash_returned", "amount", false) ?? new Decimal(0),
    crossTerm: option,
  });
  return column([
    ["Entry equity value (multiple x EBITDA - net debt)", toCell(r.entryEquity)],
    ["EBITDA growth", toCell(r.ebitdaGrowth)],
    ["Multiple change", toCell(r.multipleChange)],
    ["Cross term (EBITDA growth x multiple change)", option === "SEPARATE" ? toCell(r.crossTerm) : CROSS_TERM_WORDS.labels[option].en],
    ["Deleveraging (entry - exit net debt)", toCell(r.deleveraging)],
    ["Cash returned", toCell(r.cashReturned)],
    ["Gain (exit equity + cash returned - entry equity)", toCell(r.gain)],
    ["Exit equity value", toCell(r.exitEquity)],
  ]);
}

const readComps = tableReader(
  "comps",
  {
    deal: { headers: ["Deal", "Opération"], required: true, read: nameCell },
    ev: { headers: ["EV", "Enterprise value", "VE"], required: true, read: numberCell("positive") },
    ebitda: { headers: ["EBITDA"], read: optionalNumberCell("positive", false) },
    mw: { headers: ["MW", "Capacity", "Capacité"], read: optionalNumberCell("positive", false) },
    basis: { headers: ["Basis", "Base"], read: (v, at) => (isBlank(v) ? "" : nameCell(v, at)) },
  },
  "deal",
  (row) => ({ deal: row.get("deal"), ev: row.get("ev"), ebitda: row.get("ebitda"), mw: row.get("mw"), basis: row.get("basis") }),
);

export function compStatsCells(comps: unknown, metric: unknown, basis: unknown, target_metric: unknown): CellOutput[][] {
  const m = readChoice(metric, "metric", COMP_METRIC_WORDS.words, "EBITDA");
  const skipped: number[] = [];
  const rows = readComps(comps, skipped);
  const wanted = isBlank(basis) ? undefined : readText(basis, "basis");
  if (wanted !== undefined && m !== "MW")
    throw valueError(
      'basis is given but metric is "EV/EBITDA": a capacity basis applies to EV/MW; set metric to "EV/MW" or leave basis empty',
      "basis",
    );
  let used = rows;
  if (m === "MW") {
    if (wanted === undefined) {
      const bases = [...new Set(rows.map((r) => r.basis))];
      if (bases.length > 1) {
        throw valueError(
          `comps mix capacity bases (${bases.map((b) => `"${b}"`).join(", ")}): a per-MW multiple compares one basis at a time; give basis`,
          "basis",
        );
      }
    } else used = rows.filter((r) => r.basis.toLowerCase() === wanted.toLowerCase());
  }
  // Deals without the metric (EBITDA not disclosed) are left out, and counted on the "Deals used" row.
  const multiples: Decimal[] = [];
  for (const r of used) {
    const denominator = m === "MW" ? r.mw : r.ebitda;
    if (denominator !== undefined) multiples.push(r.ev.div(denominator));
  }
  if (multiples.length === 0) {
    throw valueError(`comps has no deal with ${m === "MW" ? "MW" : "EBITDA"}${wanted === undefined ? "" : ` on basis "${wanted}"`}`, "comps");
  }
  const s = multipleStats(multiples);
  const target = readOptionalNumber(target_metric, "target_metric", "positive");
  const stats: [string, Decimal][] = [
    ["Min", s.min],
    ["First quartile (QUARTILE.INC)", s.q1],
    ["Median", s.median],
    ["Mean", s.mean],
    ["Third quartile (QUARTILE.INC)", s.q3],
    ["Max", s.max],
  ];
  const label = `${COMP_METRIC_WORDS.labels[m].en}${m === "MW" && wanted !== undefined ? ` (${wanted})` : ""}`;
  return withIgnoredNote(
    [
      ["Statistic", label, target === undefined ? "" : "Implied EV"],
      ["Deals used", multiples.length, `of ${rows.length} listed`],
      ...stats.map(([name, v]): CellOutput[] => [name, toCell(v), target === undefined ? "" : toCell(v.times(target))]),
    ],
    [{ unit: "row", of: "comps", at: skipped }],
  );
}

/** Most cells of one IRRGRID (an IRR each): 100 x 100, a bounded call. */
const GRID_CELLS = 10_000;

/** Numbers of one axis (a row or a column of cells, none blank). */
function readAxis(value: unknown, name: string): Decimal[] {
  return readVector(value, name).map((c, i) => readNumber(c, `${name} (position ${i + 1})`));
}

export function irrGridCells(
  entry_evs: unknown,
  exit_multiples: unknown,
  entry_net_debt: unknown,
  exit_ebitda: unknown,
  exit_net_debt: unknown,
  entry_date: unknown,
  exit_date: unknown,
  interim_flows: unknown,
  interim_dates: unknown,
): CellOutput[][] {
  const skipped: number[] = [];
  const evs = readAxis(entry_evs, "entry_evs");
  const multiples = readAxis(exit_multiples, "exit_multiples");
  if (evs.length * multiples.length > GRID_CELLS) {
    throw valueError(
      `the grid must have at most ${GRID_CELLS} cells, got ${evs.length} entry_evs x ${multiples.length} exit_multiples`,
      "exit_multiples",
    );
  }
  const deal = {
    entryNetDebt: readNumber(entry_net_debt, "entry_net_debt"),
    exitEbitda: readNumber(exit_ebitda, "exit_ebitda"),
    exitNetDebt: readNumber(exit_net_debt, "exit_net_debt"),
    entryDate: readDate(entry_date, "entry_date"),
    exitDate: readDate(exit_date, "exit_date"),
    interim: isBlank(interim_flows) && isBlank(interim_dates) ? [] : readDatedFlows(interim_flows, interim_dates, skipped),
  };
  const grid = sensitivityGrid(evs, multiples, (ev, mult) => buyerIrr(deal, ev, mult));
  return withIgnoredNote(
    [
      ["Entry EV \\ exit multiple", ...multiples.map((m) => toCell(m))],
      ...grid.map((row, i): CellOutput[] => [toCell(evs[i]), ...row.map((v) => (typeof v === "number" ? v : `#NUM! ${v.message}`))]),
    ],
    [{ unit: "cell", of: "interim_flows and interim_dates", at: skipped }],
  );
}
