/**
 * The deal-pricing model (issue 16): validated inputs -> the deal engine (src/engine/deal) -> one model
 * sheet described as plain data (`SheetSpec`), which every writer renders (Office.js, .xlsx, tests).
 *
 * Every computed cell is a native Excel formula (XIRR and XNPV included) on the input cells, so the
 * sheet recalculates in Excel or LibreOffice without the add-in (issue 11); every formula cell
 * carries `expected`, the engine's value. The choices that shape the sheet (price mechanism, ticker
 * base, PIK compounding, where the value bridge's cross term goes) are shown as the choice made and
 * changed in the taskpane, never read from a typed word a formula could misread.
 *
 * Its words are the `dealPricing` namespace of src/model/sheetText.ts, in English or French (the
 * `language` build option); a formula that joins words to a cell ("EV per "&CapacityUnit, the comps
 * count) takes the dictionary's pieces, so its cached value is the text the builder shows.
 *
 * Layout (labels in column A, values in column B):
 * 1. title, subtitle, key outputs with the checks summary;
 * 2. inputs: the deal, the mechanism's own inputs (locked box or completion accounts), the loans, the
 *    buyer's funding, the seller's book value, the value bridge; then the positions (holder, shares,
 *    loans, shares sold, loans sold), the dated flows (holder, instrument, date, amount) and the comps;
 * 3. from EV to the equity price at completion: the locked box (equity at the box, ticker, leakage,
 *    loans' PIK) or completion accounts (estimated and final price, true-up against the escrow);
 * 4. shareholder loans with PIK accrued to completion; the price split between loans at accrued face
 *    value and shares, per holder;
 * 5. the buyer's sources and uses, the equity as the plug;
 * 6. returns per holder (XIRR, MOIC) over its dated flows, all its instruments together;
 * 7. the seller's gain on disposal (IFRS 10 B98 when the retained part is remeasured);
 * 8. the value creation bridge; 9. comps statistics and the implied EV range, with a football field;
 * 10. the checks block.
 */
import {
  CROSS_TERM_WORDS,
  COMPOUNDING_WORDS,
  DEAL_MECHANISM_WORDS,
  Decimal,
  ONE,
  TICKER_BASE_WORDS,
  ZERO,
  completionAccounts,
  disposalGain,
  holderKey,
  isoDateToSerial,
  lockedBoxPrice,
  multipleStats,
  pikAccrued,
  priceSplit,
  returnsByHolder,
  sourcesAndUses,
  sum,
  valueBridge,
  xnpv,
  type CompletionAccounts,
  type DisposalGain,
  type HolderFlow,
  type HolderReturns,
  type LockedBoxPrice,
  type MultipleStats,
  type PriceSplit,
  type SourcesAndUses,
  type ValueBridge,
} from "../engine";
import type { InputRead, SheetSpec } from "../workbook/spec";
import { DealPricingInput } from "./dealPricingInput";
import { modelFormats } from "./numberFormats";
import { SheetBuilder, a1, sheetNameFor, type Check } from "./sheetBuilder";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage } from "./sheetText";

/** The English words (the results' labels: sources and uses, the buyer's entry flow). */
const EN = sheetText("en").dealPricing;

/** A flow on the sheet: a holder's flow, with the row of the flows table it comes from (none: the buyer's entry). */
export type SheetFlow = HolderFlow & { readonly row?: number };

/** The engine's results for a deal-pricing model, exact (Decimal). */
export interface DealPricingResults {
  readonly pikFactor: Decimal;
  readonly pikFactorBox: Decimal;
  readonly loansBalance: Decimal;
  readonly loansAtBox: Decimal;
  readonly loansAtCompletion: Decimal;
  readonly lockedBox?: LockedBoxPrice & { readonly equityAtBox: Decimal; readonly loansPik: Decimal };
  readonly completion?: CompletionAccounts;
  /** Equity price at completion, 100%, shares and loans. */
  readonly price: Decimal;
  readonly split: PriceSplit;
  readonly sourcesUses: SourcesAndUses;
  readonly returns: readonly HolderReturns[];
  readonly sellerValue: Decimal;
  readonly sellerProceeds: Decimal;
  readonly fractionSold: Decimal;
  readonly retainedValue: Decimal;
  readonly gain: DisposalGain;
  readonly entryMultiple: Decimal;
  readonly bridge: ValueBridge;
  readonly ebitdaStats?: MultipleStats;
  readonly unitStats?: MultipleStats;
  /** EV / EBITDA and EV per unit of each comp (undefined where it has none, or another capacity basis). */
  readonly compMultiples: readonly { ebitda?: Decimal; unit?: Decimal }[];
}

export interface DealPricingModel {
  readonly kind: "dealPricing";
  readonly schemaVersion: 1;
  readonly input: DealPricingInput;
  readonly sheet: SheetSpec;
  readonly results: DealPricingResults;
}

const d = (n: number) => new Decimal(n);
const basisKey = (b: string | null) => (b ?? "").trim().toLowerCase();

/** The engine's results for validated inputs. */
export function computeDealPricing(input: DealPricingInput): DealPricingResults {
  const completion = isoDateToSerial(input.completionDate);
  const loansDate = isoDateToSerial(input.loansDate);
  const rate = d(input.pikRate);
  const pikFactor = pikAccrued(ONE, rate, loansDate, completion, input.pikCompounding);
  const loansBalance = sum(input.positions.map((p) => d(p.loans)));
  const loansAtCompletion = loansBalance.times(ONE.plus(pikFactor));
  let pikFactorBox = ZERO;
  let loansAtBox = loansBalance;
  let lockedBox: DealPricingResults["lockedBox"];
  let completionResult: CompletionAccounts | undefined;
  let price: Decimal;
  const ev = d(input.enterpriseValue);
  if (input.mechanism === "LOCKED_BOX") {
    const boxDate = isoDateToSerial(input.boxDate!);
    pikFactorBox = pikAccrued(ONE, rate, loansDate, boxDate, input.pikCompounding);
    loansAtBox = loansBalance.times(ONE.plus(pikFactorBox));
    const equityAtBox = ev.minus(d(input.netDebtAtBox!)).minus(d(input.debtLike));
    const shares = input.tickerBase === "SHARES";
    const lb = lockedBoxPrice({
      equityAtBox,
      boxDate,
      completionDate: completion,
      tickerRate: d(input.tickerRate!),
      tickerBase: input.tickerBase!,
      ...(shares ? { shareholderLoansAtBox: loansAtBox } : {}),
      leakage: d(input.leakage!),
      permittedLeakage: d(input.permittedLeakage!),
    });
    const loansPik = shares ? loansAtCompletion.minus(loansAtBox) : ZERO;
    lockedBox = { ...lb, equityAtBox, loansPik };
    price = lb.price.plus(loansPik);
  } else {
    completionResult = completionAccounts({
      enterpriseValue: ev,
      debtLike: d(input.debtLike),
      targetWorkingCapital: d(input.targetWorkingCapital!),
      estimatedNetDebt: d(input.estimatedNetDebt!),
      estimatedWorkingCapital: d(input.estimatedWorkingCapital!),
      finalNetDebt: d(input.finalNetDebt!),
      finalWorkingCapital: d(input.finalWorkingCapital!),
      escrow: d(input.escrow!),
    });
    price = completionResult.finalPrice;
  }
  const accrued = ONE.plus(pikFactor);
  const split = priceSplit(
    price,
    input.positions.map((p) => ({
      holder: p.holder,
      shares: d(p.shares),
      loans: d(p.loans).times(accrued),
      sharesSold: d(p.sharesSold),
      loansSold: d(p.loansSold).times(accrued),
    })),
  );
  const sourcesUses = sourcesAndUses(
    [
      { label: EN.usePrice, amount: split.total },
      { label: EN.useFees, amount: d(input.fees) },
    ],
    [{ label: EN.sourceDebt, amount: d(input.acquisitionDebt) }],
    EN.sourceEquity,
  );

  // Returns: one IRR per holder over all its flows, whatever its instruments (engine: returnsByHolder);
  // the buyer first, its entry at completion being its equity in the sources and uses.
  const entry: SheetFlow = { holder: input.buyer, instrument: EN.entryFlow, date: completion, amount: sourcesUses.equity.negated() };
  const returns = returnsByHolder([
    entry,
    ...input.flows.map((f, i): SheetFlow => ({
      holder: f.holder,
      instrument: f.instrument,
      date: isoDateToSerial(f.date),
      amount: d(f.amount),
      row: i,
    })),
  ]);

  // The seller's gain: what it sold of its position, by value at the deal price.
  const sellerIndex = input.positions.findIndex((p) => holderKey(p.holder) === holderKey(input.seller));
  const seller = input.positions[sellerIndex];
  const sellerValue = split.pricePerShare.times(d(seller.shares)).plus(d(seller.loans).times(accrued));
  const sellerProceeds = split.rows[sellerIndex].total;
  const fractionSold = sellerValue.isZero() ? ZERO : sellerProceeds.div(sellerValue);
  const retainedValue = input.remeasureRetained ? sellerValue.minus(sellerProceeds) : ZERO;
  const gain = disposalGain({
    proceeds: sellerProceeds,
    carryingAmount: d(input.carryingAmount),
    stakeSold: fractionSold,
    ...(input.remeasureRetained ? { retainedFairValue: retainedValue } : {}),
    costs: d(input.disposalCosts),
  });

  const entryMultiple = ev.div(d(input.entryEbitda));
  const bridge = valueBridge({
    entryEbitda: d(input.entryEbitda),
    entryMultiple,
    exitEbitda: d(input.exitEbitda),
    exitMultiple: d(input.exitMultiple),
    entryNetDebt: ev.minus(price),
    exitNetDebt: d(input.exitNetDebt),
    cashReturned: d(input.cashReturned),
    crossTerm: input.crossTerm,
  });

  const target = basisKey(input.capacityBasis);
  const compMultiples = input.comps.map((c) => ({
    ebitda: c.ebitda === null ? undefined : d(c.ev).div(d(c.ebitda)),
    unit: c.capacity === null || input.capacity === null || basisKey(c.basis) !== target ? undefined : d(c.ev).div(d(c.capacity)),
  }));
  const ebitdaValues = compMultiples.flatMap((m) => (m.ebitda === undefined ? [] : [m.ebitda]));
  const unitValues = compMultiples.flatMap((m) => (m.unit === undefined ? [] : [m.unit]));
  return {
    pikFactor,
    pikFactorBox,
    loansBalance,
    loansAtBox,
    loansAtCompletion,
    lockedBox,
    completion: completionResult,
    price,
    split,
    sourcesUses,
    returns,
    sellerValue,
    sellerProceeds,
    fractionSold,
    retainedValue,
    gain,
    entryMultiple,
    bridge,
    ebitdaStats: ebitdaValues.length === 0 ? undefined : multipleStats(ebitdaValues),
    unitStats: unitValues.length === 0 ? undefined : multipleStats(unitValues),
    compMultiples,
  };
}

/** The model sheet's default name: "<company> pricing" ("<company> prix" in French), at most 31 characters. */
export function dealPricingSheetName(company: string, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  const t = sheetText(language).dealPricing;
  return sheetNameFor(company, t.sheetSuffix, t.sheetFallback);
}

/** Builds the deal-pricing model: validates (throws ZodError naming each field), computes, lays out the sheet (in `language`, English by default). */
export function buildDealPricingModel(raw: DealPricingInput, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): DealPricingModel {
  const input = DealPricingInput.parse(raw);
  const results = computeDealPricing(input);
  return { kind: "dealPricing", schemaVersion: 1, input, sheet: dealPricingSheet(input, results, language), results };
}

/** A PIK accrual per unit of balance as a native formula: simple r x t, or (1 + r/m)^(m t) - 1. */
function pikFormula(compounding: DealPricingInput["pikCompounding"], days: string): string {
  const m = { SIMPLE: 0, ANNUAL: 1, SEMIANNUAL: 2, QUARTERLY: 4, MONTHLY: 12, DAILY: 365 }[compounding];
  return m === 0 ? `=PikRate*${days}/365` : `=(1+PikRate/${m})^(${m}*${days}/365)-1`;
}

function dealPricingSheet(input: DealPricingInput, r: DealPricingResults, language: SheetLanguage): SheetSpec {
  const T = sheetText(language).dealPricing;
  const f = modelFormats(input.currency, input.unit, "NONE", language);
  const s = new SheetBuilder(dealPricingSheetName(input.company, language), language);
  const cu = f.currencyLabel;
  const lockedBox = input.mechanism === "LOCKED_BOX";
  const hasCapacity = input.capacity !== null;
  const unit = input.capacityUnit;
  const label = (row: number, text: string, style: "label" | "total" | "note" = "label") => s.value(a1("A", row), text, style);
  const section = (row: number, text: string) => s.value(a1("A", row), text, "section");
  /** The row of each input on the sheet, for the notes beside it (a table's: the blank row under it). */
  const rowOf = new Map<string, { row: number; column: string }>();
  const at = (field: string, row: number, column = "C") => rowOf.set(field, { row, column });
  /** An input cell in column B with its defined name (the field capitalised) and its declaration for "Read from sheet". */
  const inputCell = (
    row: number,
    text: string,
    field: string,
    value: number | string | boolean | null,
    format?: string,
    named = true,
    read?: InputRead,
  ) => {
    label(row, text);
    const address = s.value(a1("B", row), value, "input", format);
    if (named) s.name(field.charAt(0).toUpperCase() + field.slice(1), address);
    s.input(field, address, undefined, undefined, read === undefined ? {} : { read });
    at(field, row);
    return address;
  };
  /** A choice that shapes the sheet: shown as the choice made (its label), changed in the taskpane. */
  const shownChoice = (row: number, text: string, field: string, value: string) => {
    label(row, text);
    at(field, row);
    s.value(a1("B", row), value, "calc");
  };
  const serial = (iso: string) => isoDateToSerial(iso);

  s.value("A1", T.title(input.company), "title");
  s.value("A2", T.subtitle(cu), "subtitle");
  // The key outputs from row 3 (the sheet calls no add-in: no note under the title), the checks summary within the first screen.
  const keyRow = 3;
  const keyCount = 6 + (hasCapacity ? 1 : 0);
  let row = keyRow + 1 + keyCount + 1 + 1;

  // ---- Inputs ------------------------------------------------------------------------------
  section(row++, T.inputs);
  inputCell(row++, T.seller, "seller", input.seller);
  inputCell(row++, T.buyer, "buyer", input.buyer);
  inputCell(row++, T.enterpriseValue, "enterpriseValue", input.enterpriseValue, f.amount);
  if (hasCapacity) inputCell(row++, T.capacity(unit), "capacity", input.capacity, f.capacity);
  else {
    label(row, T.capacity(unit));
    at("capacity", row);
    s.value(a1("B", row++), T.none, "note");
  }
  inputCell(row++, T.capacityUnit, "capacityUnit", input.capacityUnit, undefined, hasCapacity);
  inputCell(row++, T.capacityBasis, "capacityBasis", input.capacityBasis, undefined, hasCapacity);
  shownChoice(row++, T.mechanism, "mechanism", DEAL_MECHANISM_WORDS.labels[input.mechanism][language]);
  // Dates are written as Excel dates (day numbers), read back as the ISO texts the inputs store.
  inputCell(row++, T.completionDate, "completionDate", serial(input.completionDate), f.date, true, "date");
  inputCell(row++, T.debtLike, "debtLike", input.debtLike, f.amount);
  row++;
  if (lockedBox) {
    section(row++, T.lockedBoxInputs);
    inputCell(row++, T.boxDate, "boxDate", serial(input.boxDate!), f.date, true, "date");
    inputCell(row++, T.netDebtAtBox, "netDebtAtBox", input.netDebtAtBox, f.amount);
    inputCell(row++, T.tickerRate, "tickerRate", input.tickerRate, f.percent);
    shownChoice(row++, T.tickerBase, "tickerBase", TICKER_BASE_WORDS.labels[input.tickerBase!][language]);
    inputCell(row++, T.leakage, "leakage", input.leakage, f.amount);
    inputCell(row++, T.permittedLeakage, "permittedLeakage", input.permittedLeakage, f.amount);
  } else {
    section(row++, T.completionInputs);
    inputCell(row++, T.targetWorkingCapital, "targetWorkingCapital", input.targetWorkingCapital, f.amount);
    inputCell(row++, T.estimatedNetDebt, "estimatedNetDebt", input.estimatedNetDebt, f.amount);
    inputCell(row++, T.estimatedWorkingCapital, "estimatedWorkingCapital", input.estimatedWorkingCapital, f.amount);
    inputCell(row++, T.finalNetDebt, "finalNetDebt", input.finalNetDebt, f.amount);
    inputCell(row++, T.finalWorkingCapital, "finalWorkingCapital", input.finalWorkingCapital, f.amount);
    inputCell(row++, T.escrow, "escrow", input.escrow, f.amount);
  }
  row++;
  section(row++, T.loansInputs);
  inputCell(row++, T.loansDate, "loansDate", serial(input.loansDate), f.date, true, "date");
  inputCell(row++, T.pikRate, "pikRate", input.pikRate, f.percent);
  shownChoice(row++, T.pikCompounding, "pikCompounding", COMPOUNDING_WORDS.labels[input.pikCompounding][language]);
  row++;
  section(row++, T.fundingInputs);
  inputCell(row++, T.acquisitionDebt, "acquisitionDebt", input.acquisitionDebt, f.amount);
  inputCell(row++, T.fees, "fees", input.fees, f.amount);
  inputCell(row++, T.carryingAmount, "carryingAmount", input.carryingAmount, f.amount);
  inputCell(row++, T.disposalCosts, "disposalCosts", input.disposalCosts, f.amount);
  inputCell(row++, T.remeasureRetained, "remeasureRetained", input.remeasureRetained);
  row++;
  section(row++, T.bridgeInputs);
  inputCell(row++, T.entryEbitda, "entryEbitda", input.entryEbitda, f.amount);
  inputCell(row++, T.exitEbitda, "exitEbitda", input.exitEbitda, f.amount);
  inputCell(row++, T.exitMultiple, "exitMultiple", input.exitMultiple, f.multiple);
  inputCell(row++, T.exitNetDebt, "exitNetDebt", input.exitNetDebt, f.amount);
  inputCell(row++, T.cashReturned, "cashReturned", input.cashReturned, f.amount);
  shownChoice(row++, T.crossTerm, "crossTerm", CROSS_TERM_WORDS.labels[input.crossTerm][language]);
  row++;

  // Positions
  section(row++, T.positions);
  T.positionHeaders.forEach((h, i) => s.value(a1("ABCDE"[i], row), h, "header"));
  row++;
  const posFirst = row;
  for (const p of input.positions) {
    s.value(a1("A", row), p.holder, "input");
    s.value(a1("B", row), p.shares, "input", f.shares);
    s.value(a1("C", row), p.loans, "input", f.amount);
    s.value(a1("D", row), p.sharesSold, "input", f.shares);
    s.value(a1("E", row), p.loansSold, "input", f.amount);
    row++;
  }
  const posLast = row - 1;
  s.input("positions", `A${posFirst}:E${posLast}`, ["holder", "shares", "loans", "sharesSold", "loansSold"]);
  s.name("PositionShares", `B${posFirst}:B${posLast}`, T.positionSharesComment);
  s.name("PositionLoans", `C${posFirst}:C${posLast}`, T.positionLoansComment);
  at("positions", row++, "A");

  // Flows (dates are Excel dates, read back as ISO texts; an empty instrument is "")
  section(row++, T.flows);
  T.flowHeaders.forEach((h, i) => s.value(a1("ABCD"[i], row), h, "header"));
  row++;
  const flowFirst = row;
  for (const fl of input.flows) {
    s.value(a1("A", row), fl.holder, "input");
    s.value(a1("B", row), fl.instrument, "input");
    s.value(a1("C", row), serial(fl.date), "input", f.date);
    s.value(a1("D", row), fl.amount, "input", f.amount);
    row++;
  }
  s.input("flows", `A${flowFirst}:D${row - 1}`, ["holder", "instrument", "date", "amount"], undefined, {
    reads: { instrument: "text", date: "date" },
  });
  s.name("FlowAmounts", `D${flowFirst}:D${row - 1}`, T.flowAmountsComment);
  at("flows", row++, "A");

  // Comps, with each comp's multiples
  section(row++, T.comps);
  const compHeaders = hasCapacity ? T.compHeaders : T.compHeaders.slice(0, 6);
  compHeaders.forEach((h, i) => s.value(a1("ABCDEFG"[i], row), h, "header"));
  row++;
  const compFirst = row;
  input.comps.forEach((c, i) => {
    s.value(a1("A", row), c.name, "input");
    s.value(a1("B", row), c.ev, "input", f.amount);
    s.value(a1("C", row), c.ebitda, "input", f.amount);
    s.value(a1("D", row), c.capacity, "input", f.capacity);
    s.value(a1("E", row), c.basis, "input");
    const m = r.compMultiples[i];
    s.formula(a1("F", row), `=IF(ISNUMBER(C${row}),B${row}/C${row},"${T.na}")`, m.ebitda ?? T.na, f.multiple);
    if (hasCapacity)
      s.formula(a1("G", row), `=IF(AND(ISNUMBER(D${row}),TRIM(E${row})=TRIM(CapacityBasis)),B${row}/D${row},"${T.na}")`, m.unit ?? T.na, f.perUnit);
    row++;
  });
  const compLast = row - 1;
  s.input("comps", `A${compFirst}:E${compLast}`, ["name", "ev", "ebitda", "capacity", "basis"]);
  s.name("CompEv", `B${compFirst}:B${compLast}`, T.compEvComment);
  at("comps", row++, "A");

  // ---- Loans: PIK to completion ------------------------------------------------------------
  section(row++, T.loansSection);
  label(row, T.loansBalance);
  const loansBalance = s.formula(a1("B", row++), "=SUM(PositionLoans)", r.loansBalance, f.amount);
  label(row, T.daysLoans);
  const daysLoans = s.formula(
    a1("B", row++),
    "=CompletionDate-LoansDate",
    d(isoDateToSerial(input.completionDate) - isoDateToSerial(input.loansDate)),
    f.count,
  );
  label(row, T.pikFactor);
  const pikFactor = s.formula(a1("B", row++), pikFormula(input.pikCompounding, daysLoans), r.pikFactor, f.workingRate);
  label(row, T.loansAtCompletion, "total");
  const loansAtCompletion = s.formula(a1("B", row++), `=${loansBalance}*(1+${pikFactor})`, r.loansAtCompletion, f.amount, "total");
  let loansAtBox = "";
  if (lockedBox) {
    label(row, T.daysLoansBox);
    const daysBox = s.formula(a1("B", row++), "=BoxDate-LoansDate", d(isoDateToSerial(input.boxDate!) - isoDateToSerial(input.loansDate)), f.count);
    label(row, T.pikFactorBox);
    const factorBox = s.formula(a1("B", row++), pikFormula(input.pikCompounding, daysBox), r.pikFactorBox, f.workingRate);
    label(row, T.loansAtBox);
    loansAtBox = s.formula(a1("B", row++), `=${loansBalance}*(1+${factorBox})`, r.loansAtBox, f.amount);
  }
  row++;

  // ---- EV to the equity price at completion ------------------------------------------------
  section(row++, T.priceSection(cu));
  label(row, T.evLine);
  const ev = s.formula(a1("B", row++), "=EnterpriseValue", d(input.enterpriseValue), f.amount);
  let evPerUnit: string | undefined;
  if (hasCapacity) {
    s.formula(a1("A", row), `="${T.evPer}"&CapacityUnit&" (${cu})"`, T.keyEvPerUnit(`${unit} (${cu})`), undefined, "label");
    evPerUnit = s.formula(a1("B", row++), "=EnterpriseValue/Capacity", d(input.enterpriseValue).div(d(input.capacity!)), f.perUnit);
  }
  let price: string;
  if (lockedBox) {
    const lb = r.lockedBox!;
    const shares = input.tickerBase === "SHARES";
    label(row, T.lessNetDebtAtBox);
    s.formula(a1("B", row++), "=NetDebtAtBox", d(input.netDebtAtBox!), f.amount);
    label(row, T.lessDebtLike);
    s.formula(a1("B", row++), "=DebtLike", d(input.debtLike), f.amount);
    label(row, T.equityAtBox, "total");
    const equityAtBox = s.formula(a1("B", row++), `=${ev}-NetDebtAtBox-DebtLike`, lb.equityAtBox, f.amount, "total");
    label(row, T.days);
    const days = s.formula(a1("B", row++), "=CompletionDate-BoxDate", d(lb.days), f.count);
    label(row, T.tickerBaseAmount(TICKER_BASE_WORDS.labels[input.tickerBase!][language]));
    const base = s.formula(a1("B", row++), shares ? `=${equityAtBox}-${loansAtBox}` : `=${equityAtBox}`, lb.tickerBaseAmount!, f.amount);
    label(row, T.ticker);
    const ticker = s.formula(a1("B", row++), `=${base}*TickerRate*${days}/365`, lb.ticker, f.amount);
    label(row, T.leakageRefunded);
    const leak = s.formula(a1("B", row++), "=Leakage-PermittedLeakage", lb.leakageDeducted, f.amount);
    label(row, shares ? T.loansPikToCompletion : T.loansPikInTicker);
    const pik = shares
      ? s.formula(a1("B", row++), `=${loansAtCompletion}-${loansAtBox}`, lb.loansPik, f.amount)
      : s.value(a1("B", row++), 0, "calc", f.amount);
    label(row, T.priceAtCompletion, "total");
    price = s.formula(a1("B", row++), `=${equityAtBox}+${ticker}-${leak}+${pik}`, r.price, f.amount, "total");
  } else {
    const ca = r.completion!;
    label(row, T.estimatedPrice);
    const est = s.formula(
      a1("B", row++),
      `=${ev}-EstimatedNetDebt-DebtLike+(EstimatedWorkingCapital-TargetWorkingCapital)`,
      ca.estimatedPrice,
      f.amount,
    );
    label(row, T.finalPrice);
    const fin = s.formula(a1("B", row++), `=${ev}-FinalNetDebt-DebtLike+(FinalWorkingCapital-TargetWorkingCapital)`, ca.finalPrice, f.amount);
    label(row, T.trueUp);
    const trueUp = s.formula(a1("B", row++), `=${fin}-${est}`, ca.trueUp, f.amount);
    label(row, T.paidAtCompletion);
    s.formula(a1("B", row++), `=${est}-Escrow`, ca.paidAtCompletion, f.amount);
    label(row, T.escrowToBuyer);
    const toBuyer = s.formula(a1("B", row++), `=MIN(Escrow,MAX(0,-${trueUp}))`, ca.escrowToBuyer, f.amount);
    label(row, T.escrowToSeller);
    s.formula(a1("B", row++), `=Escrow-${toBuyer}`, ca.escrowToSeller, f.amount);
    label(row, T.buyerPaysAfter);
    s.formula(a1("B", row++), `=MAX(0,${trueUp})`, ca.buyerPaysAfter, f.amount);
    label(row, T.sellerPaysAfter);
    s.formula(a1("B", row++), `=MAX(0,-${trueUp})-${toBuyer}`, ca.sellerPaysAfter, f.amount);
    label(row, T.priceAtCompletion, "total");
    price = s.formula(a1("B", row++), `=${fin}`, r.price, f.amount, "total");
    label(row++, T.finalNote, "note");
  }
  row++;

  // ---- Price split -------------------------------------------------------------------------
  section(row++, T.splitSection);
  label(row, T.shareEquity);
  const shareEquity = s.formula(a1("B", row++), `=${price}-${loansAtCompletion}`, r.split.shareEquity, f.amount);
  label(row, T.totalShares);
  const totalShares = s.formula(a1("B", row++), "=SUM(PositionShares)", sum(input.positions.map((p) => d(p.shares))), f.shares);
  label(row, T.pricePerShare(f.perShareLabel));
  const pps = s.formula(
    a1("B", row++),
    `=${shareEquity}*${f.perShareFactor}/${totalShares}`,
    r.split.pricePerShare.times(f.perShareFactor),
    f.pricePerShare,
  );
  T.splitHeaders.forEach((h, i) => s.value(a1("ABCDE"[i], row), h, "header"));
  row++;
  const splitFirst = row;
  r.split.rows.forEach((x, i) => {
    const p = posFirst + i;
    s.formula(a1("A", row), `=A${p}`, x.holder);
    s.formula(a1("B", row), `=D${p}`, d(input.positions[i].sharesSold), f.shares);
    s.formula(a1("C", row), `=B${row}*${shareEquity}/${totalShares}`, x.sharesPrice, f.amount);
    s.formula(a1("D", row), `=E${p}*(1+${pikFactor})`, x.loansPrice, f.amount);
    s.formula(a1("E", row), `=C${row}+D${row}`, x.total, f.amount);
    row++;
  });
  const splitLast = row - 1;
  label(row, T.total, "total");
  s.formula(a1("B", row), `=SUM(B${splitFirst}:B${splitLast})`, sum(input.positions.map((p) => d(p.sharesSold))), f.shares, "total");
  const sharesPaid = s.formula(a1("C", row), `=SUM(C${splitFirst}:C${splitLast})`, sum(r.split.rows.map((x) => x.sharesPrice)), f.amount, "total");
  const loansPaid = s.formula(a1("D", row), `=SUM(D${splitFirst}:D${splitLast})`, sum(r.split.rows.map((x) => x.loansPrice)), f.amount, "total");
  const paid = s.formula(a1("E", row), `=SUM(E${splitFirst}:E${splitLast})`, r.split.total, f.amount, "total");
  row += 2;

  // ---- Sources and uses --------------------------------------------------------------------
  const su = r.sourcesUses;
  section(row++, T.suSection(cu));
  s.value(a1("A", row++), T.uses, "header");
  label(row, T.usePrice);
  const usePrice = s.formula(a1("B", row++), `=${paid}`, su.uses[0].amount, f.amount);
  label(row, T.useFees);
  const useFees = s.formula(a1("B", row++), "=Fees", su.uses[1].amount, f.amount);
  label(row, T.totalUses, "total");
  const totalUses = s.formula(a1("B", row++), `=${usePrice}+${useFees}`, su.totalUses, f.amount, "total");
  s.value(a1("A", row++), T.sources, "header");
  label(row, T.sourceDebt);
  const debt = s.formula(a1("B", row++), "=AcquisitionDebt", d(input.acquisitionDebt), f.amount);
  label(row, T.sourceEquity);
  const equity = s.formula(a1("B", row++), `=${totalUses}-${debt}`, su.equity, f.amount);
  label(row, T.totalSources, "total");
  const totalSources = s.formula(a1("B", row++), `=${debt}+${equity}`, su.totalSources, f.amount, "total");
  row++;

  // ---- Returns per holder ------------------------------------------------------------------
  section(row++, T.returnsSection);
  T.returnsHeaders.forEach((h, i) => s.value(a1("ABCDEFG"[i], row), h, "header"));
  row++;
  const summaryFirst = row;
  row += r.returns.length + 2;
  section(row++, T.flowsByHolder);
  const blocks: { first: number; last: number }[] = [];
  for (const h of r.returns) {
    s.value(a1("A", row++), T.holderFlows(h.holder), "header");
    const first = row;
    for (const fl of h.flows as readonly SheetFlow[]) {
      if (fl.row === undefined) {
        s.value(a1("A", row), T.entryFlow, "label");
        s.formula(a1("B", row), "=CompletionDate", d(fl.date), f.date);
        s.formula(a1("C", row), `=-${equity}`, fl.amount, f.amount);
      } else {
        const src = flowFirst + fl.row;
        s.formula(a1("A", row), `=B${src}`, fl.instrument);
        s.formula(a1("B", row), `=C${src}`, d(fl.date), f.date);
        s.formula(a1("C", row), `=D${src}`, fl.amount, f.amount);
      }
      row++;
    }
    blocks.push({ first, last: row - 1 });
  }
  label(summaryFirst + r.returns.length, T.flowCount);
  s.formula(a1("B", summaryFirst + r.returns.length), "=COUNT(FlowAmounts)", d(input.flows.length), f.count);
  r.returns.forEach((h, i) => {
    const rr = summaryFirst + i;
    const { first, last } = blocks[i];
    const amounts = `C${first}:C${last}`;
    const dates = `B${first}:B${last}`;
    if (i === 0) s.formula(a1("A", rr), "=Buyer", h.holder, undefined, "label");
    else s.value(a1("A", rr), h.holder, "label");
    s.formula(a1("B", rr), `=-SUMIF(${amounts},"<0")`, h.returns.invested, f.amount);
    s.formula(a1("C", rr), `=SUMIF(${amounts},">0")`, h.returns.distributed, f.amount);
    s.formula(a1("D", rr), `=C${rr}-B${rr}`, h.returns.netGain, f.amount);
    s.formula(a1("E", rr), `=C${rr}/B${rr}`, h.returns.moic, f.multiple);
    s.formula(a1("F", rr), `=XIRR(${amounts},${dates})`, d(h.returns.irr), f.percent);
    s.formula(a1("G", rr), `=(MAX(${dates})-MIN(${dates}))/365`, h.returns.years, f.ratio);
  });
  row++;

  // ---- The seller's gain on disposal -------------------------------------------------------
  const g = r.gain;
  section(row++, T.gainSection(input.seller));
  label(row, T.proceeds);
  const proceeds = s.formula(
    a1("B", row++),
    `=INDEX(E${splitFirst}:E${splitLast},MATCH(Seller,A${splitFirst}:A${splitLast},0))`,
    r.sellerProceeds,
    f.amount,
  );
  label(row, T.positionValue);
  const value = s.formula(
    a1("B", row++),
    `=INDEX(PositionShares,MATCH(Seller,A${posFirst}:A${posLast},0))*${shareEquity}/${totalShares}+INDEX(PositionLoans,MATCH(Seller,A${posFirst}:A${posLast},0))*(1+${pikFactor})`,
    r.sellerValue,
    f.amount,
  );
  label(row, T.fractionSold);
  const fraction = s.formula(a1("B", row++), `=IF(${value}=0,0,${proceeds}/${value})`, r.fractionSold, f.percent);
  label(row, T.carrying);
  const carrying = s.formula(a1("B", row++), "=CarryingAmount", d(input.carryingAmount), f.amount);
  label(row, T.carryingSold);
  const carryingSold = s.formula(a1("B", row++), `=${fraction}*${carrying}`, g.carryingSold, f.amount);
  label(row, T.costs);
  const costs = s.formula(a1("B", row++), "=DisposalCosts", d(input.disposalCosts), f.amount);
  label(row, T.gainOnSale);
  const gainOnSale = s.formula(a1("B", row++), `=${proceeds}-${carryingSold}-${costs}`, g.gainOnSale, f.amount);
  label(row, T.retainedValue);
  const retained = s.formula(a1("B", row++), `=IF(RemeasureRetained,${value}-${proceeds},0)`, r.retainedValue, f.amount);
  label(row, T.remeasurement);
  const remeasurement = s.formula(a1("B", row++), `=IF(RemeasureRetained,${retained}-(${carrying}-${carryingSold}),0)`, g.remeasurement, f.amount);
  label(row, T.gain, "total");
  const gainCell = s.formula(a1("B", row++), `=${gainOnSale}+${remeasurement}`, g.gain, f.amount, "total");
  row++;

  // ---- Value creation bridge ---------------------------------------------------------------
  const b = r.bridge;
  section(row++, T.bridgeSection(cu));
  label(row, T.entryMultiple);
  const entryMultiple = s.formula(a1("B", row++), "=EnterpriseValue/EntryEbitda", r.entryMultiple, f.multiple);
  label(row, T.entryEquity);
  const entryEquity = s.formula(a1("B", row++), `=${price}`, b.entryEquity, f.amount);
  label(row, T.entryNetDebt);
  const entryNetDebt = s.formula(a1("B", row++), `=EnterpriseValue-${price}`, d(input.enterpriseValue).minus(r.price), f.amount);
  label(row, T.exitEquity);
  const exitEquity = s.formula(a1("B", row++), "=ExitMultiple*ExitEbitda-ExitNetDebt", b.exitEquity, f.amount);
  const growthMultiple = input.crossTerm === "EBITDA" ? "ExitMultiple" : entryMultiple;
  const changeEbitda = input.crossTerm === "MULTIPLE" ? "ExitEbitda" : "EntryEbitda";
  label(row, T.ebitdaGrowth);
  const growth = s.formula(a1("B", row++), `=(ExitEbitda-EntryEbitda)*${growthMultiple}`, b.ebitdaGrowth, f.amount);
  label(row, T.multipleChange);
  const change = s.formula(a1("B", row++), `=(ExitMultiple-${entryMultiple})*${changeEbitda}`, b.multipleChange, f.amount);
  label(row, T.crossTermLine);
  const cross =
    input.crossTerm === "SEPARATE"
      ? s.formula(a1("B", row++), `=(ExitEbitda-EntryEbitda)*(ExitMultiple-${entryMultiple})`, b.crossTerm, f.amount)
      : s.value(a1("B", row++), 0, "calc", f.amount);
  label(row, T.deleveraging);
  const delev = s.formula(a1("B", row++), `=${entryNetDebt}-ExitNetDebt`, b.deleveraging, f.amount);
  label(row, T.cash);
  const cash = s.formula(a1("B", row++), "=CashReturned", b.cashReturned, f.amount);
  label(row, T.bridgeGain, "total");
  const bridgeGain = s.formula(a1("B", row++), `=${growth}+${change}+${cross}+${delev}+${cash}`, b.gain, f.amount, "total");
  row++;

  // ---- Comps statistics, implied EV and the football field --------------------------------
  section(row++, T.compsSection);
  const statHeaders = hasCapacity ? T.statsHeaders(unit) : T.statsHeaders(unit).filter((_, i) => i !== 2 && i !== 4);
  statHeaders.forEach((h, i) => s.value(a1("ABCDE"[i], row), h, "header"));
  row++;
  const ebitdaRange = `F${compFirst}:F${compLast}`;
  const unitRange = `G${compFirst}:G${compLast}`;
  // QUARTILE.INC, the name the sheet's labels and COMPSTATS use; the .xlsx writer stores it as
  // _xlfn.QUARTILE.INC ([MS-XLSX] 2.2.3, src/workbook/futureFunctions.ts), which LibreOffice reads
  // (test/libreoffice/futureFunctions.libreoffice.test.ts), and Office.js takes it as typed.
  const statFormula = (range: string, k: number) =>
    [`MIN(${range})`, `QUARTILE.INC(${range},1)`, `MEDIAN(${range})`, `AVERAGE(${range})`, `QUARTILE.INC(${range},3)`, `MAX(${range})`][k];
  const statValue = (st: MultipleStats | undefined, k: number) =>
    st === undefined ? undefined : [st.min, st.q1, st.median, st.mean, st.q3, st.max][k];
  const statRows: number[] = [];
  const columns = hasCapacity
    ? [
        {
          stat: "B",
          implied: "D",
          range: ebitdaRange,
          stats: r.ebitdaStats,
          metric: "EntryEbitda",
          metricValue: d(input.entryEbitda),
          fmt: f.multiple,
        },
        { stat: "C", implied: "E", range: unitRange, stats: r.unitStats, metric: "Capacity", metricValue: d(input.capacity ?? 0), fmt: f.perUnit },
      ]
    : [
        {
          stat: "B",
          implied: "C",
          range: ebitdaRange,
          stats: r.ebitdaStats,
          metric: "EntryEbitda",
          metricValue: d(input.entryEbitda),
          fmt: f.multiple,
        },
      ];
  T.stats.forEach((name, k) => {
    label(row, name);
    for (const c of columns) {
      const v = statValue(c.stats, k);
      s.formula(a1(c.stat, row), `=IF(COUNT(${c.range})>0,${statFormula(c.range, k)},"${T.na}")`, v ?? T.na, c.fmt);
      s.formula(
        a1(c.implied, row),
        `=IF(ISNUMBER(${c.stat}${row}),${c.stat}${row}*${c.metric},"${T.na}")`,
        v === undefined ? T.na : v.times(c.metricValue),
        f.amount,
      );
    }
    statRows.push(row);
    row++;
  });
  label(row, T.count);
  s.formula(a1("A", row + 1), `="${T.compsOf}"&COUNT(CompEv)&"${T.compsInTableAfter}"`, T.compsInTable(input.comps.length), undefined, "note");
  for (const c of columns) s.formula(a1(c.stat, row), `=COUNT(${c.range})`, d(c.stats?.count ?? 0), f.count);
  row += 3;

  // Football field: one bar per method from its low to its high (the low bar is left unfilled).
  section(row++, T.footballSection);
  const ffHeader = row;
  T.footballHeaders.forEach((h, i) => s.value(a1("ABC"[i], row), h, "header"));
  row++;
  const methods: { name: string; column: (typeof columns)[number]; lo: number; hi: number }[] = [];
  const [ebitdaCol, unitCol] = columns;
  if (r.ebitdaStats !== undefined) {
    methods.push({ name: T.methodEbitdaIq, column: ebitdaCol, lo: 1, hi: 4 });
    methods.push({ name: T.methodEbitdaRange, column: ebitdaCol, lo: 0, hi: 5 });
  }
  if (unitCol !== undefined && r.unitStats !== undefined) {
    methods.push({ name: T.methodUnitIq(unit), column: unitCol, lo: 1, hi: 4 });
    methods.push({ name: T.methodUnitRange(unit), column: unitCol, lo: 0, hi: 5 });
  }
  for (const m of methods) {
    const lo = statValue(m.column.stats, m.lo)!.times(m.column.metricValue);
    const hi = statValue(m.column.stats, m.hi)!.times(m.column.metricValue);
    s.value(a1("A", row), m.name, "label");
    s.formula(a1("B", row), `=${m.column.implied}${statRows[m.lo]}`, lo, f.amount);
    s.formula(a1("C", row), `=${m.column.implied}${statRows[m.hi]}-${m.column.implied}${statRows[m.lo]}`, hi.minus(lo), f.amount);
    row++;
  }
  const ffLast = row - 1;
  row++;
  if (methods.length > 0) {
    // The deal EV as written in the sheet's language (French: decimal comma).
    const evText = new Decimal(input.enterpriseValue).toString().replace(".", language === "fr" ? "," : ".");
    s.chart({
      type: "footballField",
      title: T.footballTitle(`${evText} ${cu}`),
      dataRange: `A${ffHeader}:C${ffLast}`,
      seriesBy: "columns",
      from: `A${row}`,
      to: `D${row + 14}`,
    });
    row += 16;
  }

  // ---- Checks ------------------------------------------------------------------------------
  const abs = (range: string) => `SUMIF(${range},">0")-SUMIF(${range},"<0")`;
  const checks: Check[] = [
    { label: T.checkSources, left: totalSources, right: totalUses, engine: [su.totalSources, su.totalUses], format: f.amount },
    {
      label: T.checkSplit,
      left: `${totalShares}*${pps}/${f.perShareFactor}+${loansAtCompletion}`,
      right: price,
      engine: [r.split.pricePerShare.times(sum(input.positions.map((p) => d(p.shares)))).plus(r.loansAtCompletion), r.price],
      format: f.amount,
    },
    {
      label: T.checkSplitRows,
      left: paid,
      right: `${sharesPaid}+${loansPaid}`,
      engine: [r.split.total, sum(r.split.rows.map((x) => x.sharesPrice.plus(x.loansPrice)))],
      format: f.amount,
    },
    {
      label: T.checkBridge,
      left: bridgeGain,
      right: `${exitEquity}+CashReturned-${entryEquity}`,
      scale: `ABS(${growth})+ABS(${change})+ABS(${cross})+ABS(${delev})+ABS(${cash})`,
      engine: [b.ebitdaGrowth.plus(b.multipleChange).plus(b.crossTerm).plus(b.deleveraging).plus(b.cashReturned), b.gain],
      format: f.amount,
    },
    ...r.returns.map((h, i): Check => {
      const { first, last } = blocks[i];
      const amounts = `C${first}:C${last}`;
      return {
        label: T.checkIrr(h.holder),
        left: `XNPV(F${summaryFirst + i},${amounts},B${first}:B${last})`,
        right: "0",
        scale: abs(amounts),
        engine: [
          xnpv(
            d(h.returns.irr),
            h.flows.map((x) => ({ amount: x.amount, date: x.date })),
          ),
          ZERO,
        ],
        format: f.amount,
      };
    }),
    {
      label: T.checkGain,
      left: gainCell,
      right: `${proceeds}+${retained}-IF(RemeasureRetained,${carrying},${carryingSold})-${costs}`,
      engine: [
        g.gain,
        r.sellerProceeds
          .plus(r.retainedValue)
          .minus(input.remeasureRetained ? d(input.carryingAmount) : g.carryingSold)
          .minus(d(input.disposalCosts)),
      ],
      format: f.amount,
    },
  ];
  s.checks(row, T.checks, checks);
  row += checks.length + 2;

  // ---- Notes beside the inputs (sources, illustrative figures); the others in a list at the end
  const unplaced: string[] = [];
  for (const n of input.notes) {
    const place = rowOf.get(n.field);
    if (place === undefined) unplaced.push(T.unplacedNote(n.field, n.note));
    else s.value(a1(place.column, place.row), n.note, "note");
  }
  if (unplaced.length > 0) {
    section(row++, T.notes);
    for (const text of unplaced) s.value(a1("A", row++), text, "note");
  }

  // ---- Key outputs -------------------------------------------------------------------------
  const buyer = summaryFirst;
  const keyEnd = s.keyOutputs(keyRow, T.keyOutputs(cu), [
    { label: T.keyPrice, ref: price },
    { label: T.keyPaid, ref: paid },
    { label: T.keyEquity, ref: equity },
    { label: T.keyIrr(input.buyer), ref: `F${buyer}` },
    { label: T.keyMoic(input.buyer), ref: `E${buyer}` },
    { label: T.keyGain(input.seller), ref: gainCell },
    ...(evPerUnit === undefined ? [] : [{ label: T.keyEvPerUnit(unit), ref: evPerUnit }]),
  ]);
  s.checksSummary(keyEnd, T.checksLine);

  s.bandTo("G");
  s.printable(T.printTitle(input.company));
  return s.build();
}
