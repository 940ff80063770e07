/**
 * The exit-waterfall model: validated inputs -> the venture engine's waterfall (Decimal) -> one
 * model sheet described as plain data (`SheetSpec`), which every writer renders.
 *
 * Every result cell is a NATIVE formula (functions Excel, LibreOffice and Google Sheets all have:
 * SUM, SUMIF, SUMPRODUCT, COUNTIFS, MIN, MAX, IF, INDEX, MATCH; no LET, LAMBDA or dynamic arrays), so
 * the sheet recalculates and can be audited without the add-in. The engine's maths has a closed form:
 * - preferences by seniority: a class is paid its share (pro rata to preference within its rank) of
 *   MIN(MAX(proceeds - the senior ranks' preferences, 0), its rank's preferences);
 * - above the preferences every payout is a function of the residual per as-converted share x:
 *   n·x (common, participating), n·MAX(x - strike, 0) (options), n·(MIN(x, cap point) +
 *   MAX(x - cap total / n, 0)) (non-participating and capped: they convert once x passes cap total / n;
 *   the equilibrium the engine finds is that threshold, which depends on the class's own terms only);
 * - x at given proceeds: the breakpoints (events numbered in order by SUMPRODUCT counts, their proceeds
 *   the sum of the class payouts there) cut the proceeds in tranches on which x is linear.
 * The breakpoints table has the rows of the classes as built; a check cell turns the results into #N/A
 * when edited terms bring more breakpoints (never a wrong number). Every formula cell carries
 * `expected`: the engine's value, exact in Decimal, a JS number at the end.
 *
 * Layout (top to bottom, labels in column A):
 * 1. title, subtitle (company, currency, unit, "built by CapTable", recalculates without the add-in),
 *    a note, and the add-in's calls on the same named tables (a cross-check);
 * 2. inputs: ExitValue, NetDebt, TransactionCosts, OtherClaims (one named input cell each);
 * 3. the share classes table, header row as CAPTABLE.WATERFALL reads it (`Classes`, header included);
 *    with holdings, the holdings table after it (Holder, Class, Shares: `Holdings`, header included);
 * 4. the payout per class at the exit value (preference, participation, total, per share,
 *    multiple on invested capital, decision), totals, proceeds to equity, residual per share;
 *    with holdings, the payout per holder at the exit value: one row per holding (the class's payout pro rata to the shares held; per share; share of proceeds),
 *    what the listed holders hold in all and what is not attributed to one, and, when a holder holds
 *    several classes, the total per holder (the sum of its rows);
 * 5. the sensitivity: one row per exit value (inputs, `ExitValues`), one column per class, then the
 *    proceeds to equity and the residual per share, and a stacked column chart of
 *    the payout by class over it;
 * 6. the breakpoints: the exit values where the split changes, each class's payout there;
 * 7. the workings: each class's terms (as-converted shares, preference, senior preferences, its
 *    rank's preferences, treatment, cap total, cap point, conversion threshold), then the breakpoint
 *    events (four blocks of one row per class), which apply and their order.
 */
import {
  Breakpoint,
  Decimal,
  HolderPayout,
  Waterfall,
  WaterfallResult,
  exitValueForProceeds,
  holderKey,
  payoutsByHolder,
  sum,
  classOutcome,
  liquidationPreference,
  ZERO,
} from "../engine";
import type { SheetSpec } from "../workbook/spec";
import { type Check, SheetBuilder, a1, columnLetters, sheetNameFor } from "./sheetBuilder";
import { ExitWaterfallInput, type ExitWaterfallInputData, toHolderPosition, toShareClass } from "./exitWaterfallInput";
import { modelFormats } from "./numberFormats";
import { formatAmount } from "../engine/rules";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage, type SheetText } from "./sheetText";

/** One row of the sensitivity: the waterfall at one exit value. */
export interface SensitivityRow {
  readonly exitValue: Decimal;
  readonly result: WaterfallResult;
}

/** A breakpoint with the exit value that brings it (exit value = proceeds + net debt + other claims + costs). */
export interface ExitBreakpoint extends Breakpoint {
  readonly exitValue: Decimal;
}

/** The engine's results for an exit-waterfall model, exact (Decimal). */
export interface ExitWaterfallResults {
  /** The waterfall at the headline exit value. */
  readonly headline: WaterfallResult;
  /** The payout per holding at the headline exit value, in the order of the holdings (none without holdings). */
  readonly holders: readonly HolderPayout[];
  readonly sensitivity: readonly SensitivityRow[];
  readonly breakpoints: readonly ExitBreakpoint[];
}

export interface ExitWaterfallModel {
  readonly kind: "exitWaterfall";
  readonly schemaVersion: 1;
  readonly input: ExitWaterfallInput;
  readonly sheet: SheetSpec;
  readonly results: ExitWaterfallResults;
}

/** The engine's results for validated inputs. */
export function computeExitWaterfall(input: ExitWaterfallInput): ExitWaterfallResults {
  const d = (n: number) => new Decimal(n);
  const w = new Waterfall(input.classes.map(toShareClass));
  const costs = { netDebt: d(input.netDebt), transactionCosts: d(input.transactionCosts), otherClaims: d(input.otherClaims) };
  const headline = w.atExit({ enterpriseValue: d(input.exitValue), ...costs });
  return {
    headline,
    holders: payoutsByHolder(headline, input.holdings.map(toHolderPosition)),
    sensitivity: input.exitValues.map((v) => ({ exitValue: d(v), result: w.atExit({ enterpriseValue: d(v), ...costs }) })),
    breakpoints: w.breakpoints().map((b) => ({ ...b, exitValue: exitValueForProceeds(b.proceeds, costs) })),
  };
}

/** The name of the sheet a model of this company asks for: "Acme exit" ("Acme sortie" in French). */
export function exitWaterfallSheetName(company: string, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  const t = sheetText(language).exitWaterfall;
  return sheetNameFor(company, t.sheetSuffix, t.sheetFallback);
}

/** Builds the exit-waterfall model: validates the inputs (`holdings` may be left out), runs the engine, describes the sheet (in `language`, English by default). */
export function buildExitWaterfallModel(input: ExitWaterfallInputData, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): ExitWaterfallModel {
  const valid = ExitWaterfallInput.parse(input);
  const results = computeExitWaterfall(valid);
  return { kind: "exitWaterfall", schemaVersion: 1, input: valid, sheet: describeSheet(valid, results, language), results };
}

/**
 * A breakpoint's event in the sheet's words, from its kind and classes (the engine's `event` is
 * the English; the English built here equals it, test/model/sheetText.test.ts).
 */
export function breakpointEventText(
  b: Pick<Breakpoint, "kind" | "classes">,
  strikeOf: (className: string) => Decimal | undefined,
  t: SheetText["exitWaterfall"],
): string {
  const name = b.classes[0];
  switch (b.kind) {
    case "PREFERENCE":
      return `${t.eventPreferencePaid}${b.classes.join(", ")}`;
    case "IN_THE_MONEY":
      return `${name}${t.eventInTheMoney}${formatAmount(strikeOf(name) ?? ZERO)})`;
    case "CAP":
      return `${name}${t.eventCapReached}`;
    case "CONVERSION":
      return `${name}${t.eventConverts}`;
  }
}

/** What a class did at the exit (the engine's `classOutcome`, one of its words) in the sheet's words. */
function outcomeText(outcome: string, t: SheetText["exitWaterfall"]): string {
  const words = t.outcome as Readonly<Record<string, string>>;
  if (!Object.prototype.hasOwnProperty.call(words, outcome)) throw new Error(`internal: no sheet words for the class outcome "${outcome}"`);
  return words[outcome];
}

/** The same builder under the name the task list gives it. */
export const buildexitWaterfallModel = buildExitWaterfallModel;

/** The holdings grouped by holder (matched trimmed, case-insensitive), in order of first appearance: the holding indexes of each. */
export function holdingsByHolder(holdings: readonly { holder: string }[]): number[][] {
  const groups = new Map<string, number[]>();
  holdings.forEach((h, i) => {
    const key = holderKey(h.holder);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

function describeSheet(input: ExitWaterfallInput, r: ExitWaterfallResults, language: SheetLanguage): SheetSpec {
  const text = sheetText(language);
  const tx = text.exitWaterfall;
  const common = text.common;
  const NA = common.na;
  const { classHeaders: CLASS_HEADERS, payoutHeaders: PAYOUT_HEADERS, breakpointHeaders: BREAKPOINT_HEADERS } = tx;
  const {
    workingHeaders: WORKING_HEADERS,
    eventHeaders: EVENT_HEADERS,
    holdingHeaders: HOLDING_HEADERS,
    holderPayoutHeaders: HOLDER_PAYOUT_HEADERS,
  } = tx;
  const TREAT = tx.treatment;
  const f = modelFormats(input.currency, input.unit, "DOWN", language);
  const cu = f.currencyLabel;
  const s = new SheetBuilder(exitWaterfallSheetName(input.company, language), language);
  const n = input.classes.length;
  const classes = input.classes.map(toShareClass);

  const section = (row: number, title: string, lastColumn: number, unitText?: string) => {
    s.value(a1("A", row), title, "section");
    for (let c = 1; c <= lastColumn; c++) s.value(a1(columnLetters(c), row), c === 1 && unitText ? unitText : null, "section");
  };
  const headers = (row: number, texts: readonly string[], first = 0) =>
    texts.forEach((h, i) => s.value(a1(columnLetters(first + i), row), h, "header"));

  // ---- Title ----------------------------------------------------------------------------
  s.value("A1", tx.title(input.company), "title");
  s.value("A2", tx.subtitle(input.company, input.currency, cu), "subtitle");
  s.value("A3", tx.intro, "note");
  const and = language === "fr" ? "et" : "and";
  s.value(
    "A4",
    tx.crossCheck(
      `=CAPTABLE.WATERFALL(Classes,ExitValue,NetDebt,TransactionCosts,${input.holdings.length > 0 ? "Holdings" : ""},OtherClaims), =CAPTABLE.WATERFALL(Classes,ExitValues,NetDebt,TransactionCosts,,OtherClaims) ${and} =CAPTABLE.BREAKPOINTS(Classes,NetDebt,TransactionCosts,OtherClaims)`,
    ),
    "note",
  );

  // ---- Inputs ---------------------------------------------------------------------------
  // The key-outputs box (rows 5 on) is written last, once the cells it shows are: rows reserved here.
  const keyRow = 5;
  const keyCount = 4;
  let row = keyRow + 1 + keyCount + 1;
  section(row, common.inputs, 4, cu);
  row++;
  const input_ = (name: string, text: string, value: number, note: string, comment: string) => {
    s.value(a1("A", row), text, "label");
    s.value(a1("B", row), value, "input", f.amount);
    s.value(a1("C", row), note, "note");
    s.name(name, `$B$${row}`, comment);
    // The input's field is the name in lower camel case (ExitValue -> exitValue), read back by "Read from sheet".
    s.input(`${name.charAt(0).toLowerCase()}${name.slice(1)}`, `B${row}`);
    row++;
  };
  input_("ExitValue", tx.exitValue, input.exitValue, tx.exitValueNote, tx.exitValueComment);
  input_("NetDebt", tx.netDebt, input.netDebt, tx.netDebtNote, tx.netDebtComment);
  input_("TransactionCosts", tx.transactionCosts, input.transactionCosts, tx.transactionCostsNote, tx.transactionCostsComment);
  input_("OtherClaims", tx.otherClaims, input.otherClaims, tx.otherClaimsNote, tx.otherClaimsComment);

  // ---- Share classes --------------------------------------------------------------------
  row++;
  section(row, tx.classes, CLASS_HEADERS.length - 1);
  row++;
  const classHeader = row;
  headers(row, CLASS_HEADERS);
  row++;
  const classFirst = row;
  input.classes.forEach((c) => {
    const cells: (number | string | null)[] = [
      c.name,
      c.shares,
      c.invested,
      c.preference,
      c.seniority,
      c.participation,
      c.cap,
      c.conversionRatio,
      c.strike,
    ];
    const formats = ["", f.shares, f.amount, f.multiple, f.count, "", f.multiple, f.ratio, f.perShareInAmountUnit];
    cells.forEach((v, i) => s.value(a1(columnLetters(i), row), v, "input", formats[i] === "" ? undefined : formats[i]));
    row++;
  });
  const classLast = row - 1;
  // An Excel table (classes can be added in the sheet, then Read from sheet and Rebuild); the name reads all of it.
  s.table("ExitClasses", `A${classHeader}:I${classLast}`);
  s.name("Classes", `$A$${classHeader}:$I$${classLast}`, tx.classesComment, {
    table: "ExitClasses",
    all: true,
  });
  s.input(
    "classes",
    `A${classFirst}:I${classLast}`,
    ["name", "shares", "invested", "preference", "seniority", "participation", "cap", "conversionRatio", "strike"],
    "ExitClasses",
  );
  s.value(a1("A", row), tx.classesNote, "note");
  row += 2;

  // ---- Holdings (only when given) ---------------------------------------------------------
  const holdings = input.holdings;
  let holdingFirst = 0;
  if (holdings.length > 0) {
    section(row, tx.holdings, HOLDING_HEADERS.length - 1);
    row++;
    const holdingHeader = row;
    headers(row, HOLDING_HEADERS);
    row++;
    holdingFirst = row;
    holdings.forEach((hd) => {
      s.value(a1("A", row), hd.holder, "input");
      s.value(a1("B", row), hd.className, "input");
      s.value(a1("C", row), hd.shares, "input", f.shares);
      // Left blank when not known: the multiple then says "n/a".
      s.value(a1("D", row), hd.invested, "input", f.amount);
      row++;
    });
    s.table("ExitHoldings", `A${holdingHeader}:D${row - 1}`);
    s.name("Holdings", `$A$${holdingHeader}:$C$${row - 1}`, tx.holdingsComment, { table: "ExitHoldings", all: true, column: 0, lastColumn: 2 });
    s.input("holdings", `A${holdingFirst}:D${row - 1}`, ["holder", "className", "shares", "invested"], "ExitHoldings");
    s.value(a1("A", row), tx.holdingsNote, "note");
    row += 2;
  }

  // ---- The waterfall in native formulas -------------------------------------------------
  // Every result is a native formula (functions Excel, LibreOffice and Google Sheets all have), on
  // the workings at the bottom of the sheet; the formulas are written once those rows are known.
  const later: (() => void)[] = [];
  const fx = (address: string, formula: () => string, expected: Decimal | string, format?: string, style?: "calc" | "total") =>
    later.push(() => s.formula(address, formula(), expected, format, style));
  // Workings rows, set when the workings are laid out (below the breakpoints).
  const wk = { first: 0, events: 0, bpFirst: 0, bpLast: 0 };
  const W = (col: string, i: number) => `$${col}$${wk.first + i}`;
  const IN = (col: string, i: number) => `$${col}$${classFirst + i}`;
  const range = (col: string, from: number, to: number) => `$${col}$${from}:$${col}$${to}`;
  /** Preference paid at proceeds P: the class's share of its rank, pro rata to preference, of what reaches the rank. */
  const prefPaid = (i: number, p: string) => `IF(${W("E", i)}>0,${W("C", i)}/${W("E", i)}*MIN(MAX(${p}-${W("D", i)},0),${W("E", i)}),0)`;
  /** What the class takes of the residual at x per as-converted share (beyond a preference it keeps). */
  const part = (i: number, x: string) =>
    `${W("B", i)}*IF(${W("F", i)}="${TREAT.option}",MAX(${x}-${IN("I", i)},0),IF(${W("F", i)}="${TREAT.convertible}",MIN(${x},${W("H", i)})+MAX(${x}-${W("I", i)},0),${x}))`;
  const total = (i: number, p: string, x: string) => `${prefPaid(i, p)}+${part(i, x)}`;
  const nb = r.breakpoints.length;
  /** Residual per as-converted share at proceeds P: 0 until the preferences are paid, then linear on each tranche. */
  const residualAt = (p: string) => {
    if (nb === 0) return `IF(${p}<=TotalPreferences,0,(${p}-TotalPreferences)/AsConvertedShares)+BreakpointCheck`;
    const bpP = range("B", wk.bpFirst, wk.bpLast);
    const k = `MATCH(${p},${bpP},1)`;
    const bpX = range("C", wk.bpFirst, wk.bpLast);
    // Exactly at a breakpoint's proceeds: the first breakpoint there (the smallest residual per share, as the engine takes).
    return (
      // Below the first breakpoint (no preference at all): x grows linearly from 0 at the preferences to the first breakpoint.
      `IF(${p}<=TotalPreferences,0,IF(${p}<INDEX(${bpP},1),(${p}-TotalPreferences)*INDEX(${bpX},1)/(INDEX(${bpP},1)-TotalPreferences),` +
      `IF(${p}=INDEX(${bpP},${k}),INDEX(${bpX},MATCH(${p},${bpP},0)),` +
      `INDEX(${bpX},${k})+(${p}-INDEX(${bpP},${k}))*INDEX(${range(columnLetters(n + 5), wk.bpFirst, wk.bpLast)},${k}))))+BreakpointCheck`
    );
  };
  const wf = new Waterfall(classes);
  const O = tx.outcome;
  const strikeOf = (name: string) => classes.find((c) => c.name === name)?.strike;
  const eventText = (b: Pick<Breakpoint, "kind" | "classes">) => breakpointEventText(b, strikeOf, tx);
  const stack = (proceeds: Decimal) => wf.atProceeds(proceeds);
  const treatment = (c: (typeof classes)[number], n_: Decimal) =>
    c.strike !== undefined
      ? TREAT.option
      : liquidationPreference(c.invested ?? ZERO, c.preferenceMultiple ?? ZERO).gt(0) && c.participation !== "FULL" && n_.gt(0)
        ? TREAT.convertible
        : TREAT.residual;

  // ---- Payout per class at the exit value -----------------------------------------------
  const h = r.headline;
  section(row, tx.payout(cu), PAYOUT_HEADERS.length - 1);
  row++;
  headers(row, PAYOUT_HEADERS);
  row++;
  const payoutFirst = row;
  h.classes.forEach((c, i) => {
    const at = row;
    const converted = () => `AND(${W("F", i)}="${TREAT.convertible}",ResidualPerShare>${W("I", i)})`;
    fx(a1("A", at), () => `=${W("A", i)}`, c.name);
    fx(a1("B", at), () => `=${IN("B", i)}`, c.shares, f.shares);
    fx(a1("C", at), () => `=IF(${converted()},0,${prefPaid(i, "Proceeds")})`, c.preference, f.amount);
    fx(a1("D", at), () => `=E${at}-C${at}`, c.participation, f.amount);
    fx(a1("E", at), () => `=${total(i, "Proceeds", "ResidualPerShare")}`, c.total, f.amount);
    fx(a1("F", at), () => `=IF(B${at}>0,E${at}/B${at},0)`, c.perShare, f.perShareInAmountUnit);
    fx(a1("G", at), () => `=IF(${IN("C", i)}>0,E${at}/${IN("C", i)},"${NA}")`, c.moic ?? NA, f.multiple);
    fx(
      a1("H", at),
      () =>
        `=IF(${W("F", i)}="${TREAT.option}",IF(ResidualPerShare>${IN("I", i)},"${O.Exercised}","${O["Out of the money"]}"),IF(${converted()},"${O.Converts}",` +
        `IF(AND(${W("F", i)}="${TREAT.convertible}",${IN("F", i)}="CAPPED",Proceeds>TotalPreferences,ResidualPerShare>=${W("H", i)}),"${O["Preference + participation (capped)"]}",` +
        `IF(OR(C${at}>0,${IN("D", i)}>0),IF(OR(${IN("F", i)}="FULL",${IN("F", i)}="CAPPED"),"${O["Preference + participation"]}","${O.Preference}"),"${O.Common}"))))`,
      outcomeText(classOutcome(c, classes[i]), tx),
    );
    row++;
  });
  const payoutLast = row - 1;
  s.value(a1("A", row), common.total, "total");
  for (const [col, v] of [
    ["C", sum(h.classes.map((c) => c.preference))],
    ["D", sum(h.classes.map((c) => c.participation))],
    ["E", sum(h.classes.map((c) => c.total))],
  ] as const)
    s.formula(a1(col, row), `=SUM(${col}${payoutFirst}:${col}${payoutLast})`, v, f.amount, "total");
  row++;
  s.value(a1("A", row), tx.proceeds, "label");
  const proceedsRow = row;
  s.formula(a1("E", row), "=MAX(0,ExitValue-NetDebt-OtherClaims-TransactionCosts)", h.proceeds, f.amount);
  s.name("Proceeds", `$E$${row}`, tx.proceedsComment);
  s.value(a1("F", row), tx.proceedsNote, "note");
  row++;
  s.value(a1("A", row), tx.residual, "label");
  const residualRow = row;
  fx(a1("E", row), () => `=${residualAt("Proceeds")}`, h.residualPerShare, f.perShareInAmountUnit);
  s.name("ResidualPerShare", `$E$${residualRow}`, tx.residualComment);
  s.value(a1("F", row), tx.residualNote, "note");
  row += 2;

  // ---- Payout per holder at the exit value (only with holdings) -------------------------
  if (holdings.length > 0) {
    const proceeds = `E${proceedsRow}`;
    const shareOf = (t: Decimal, cell: string) => ({
      formula: `=IF(${proceeds}>0,${cell}/${proceeds},"${NA}")`,
      expected: h.proceeds.gt(0) ? t.div(h.proceeds) : NA,
    });
    const share = (at_: number, t: Decimal, style?: "total") => {
      const x = shareOf(t, `D${at_}`);
      s.formula(a1("F", at_), x.formula, x.expected, f.percent1, style);
    };
    const names = `$A$${payoutFirst}:$A$${payoutLast}`;
    section(row, tx.holderPayout(cu), HOLDER_PAYOUT_HEADERS.length - 1);
    row++;
    headers(row, HOLDER_PAYOUT_HEADERS);
    row++;
    const first = row;
    r.holders.forEach((p, k) => {
      const hin = holdingFirst + k;
      // The class held, matched trimmed and case-insensitive (MATCH ignores case), as the engine matches it.
      const m = `MATCH(TRIM(B${hin}),${names},0)`;
      s.formula(a1("A", row), `=A${hin}`, p.holder);
      s.formula(a1("B", row), `=INDEX(${names},${m})`, p.className);
      s.formula(a1("C", row), `=C${hin}`, p.shares, f.shares);
      // The class's payout pro rata to the shares held.
      s.formula(
        a1("D", row),
        `=IF(INDEX($B$${payoutFirst}:$B$${payoutLast},${m})>0,INDEX($E$${payoutFirst}:$E$${payoutLast},${m})*C${row}/INDEX($B$${payoutFirst}:$B$${payoutLast},${m}),0)`,
        p.total,
        f.amount,
      );
      // Per share of the class held; "n/a" for a holding of no shares.
      s.formula(a1("E", row), `=IF(C${row}>0,D${row}/C${row},"${NA}")`, p.shares.gt(0) ? p.total.div(p.shares) : NA, f.perShareInAmountUnit);
      share(row, p.total);
      // The multiple on what this holder paid (Invested in the holdings table); "n/a" when not given or 0.
      const invested = holdings[k].invested;
      s.formula(a1("G", row), `=IF(D${hin}>0,D${row}/D${hin},"${NA}")`, invested !== null && invested > 0 ? p.total.div(invested) : NA, f.multiple);
      row++;
    });
    const last = row - 1;
    const held = sum(r.holders.map((p) => p.total));
    s.value(a1("A", row), tx.heldByListed, "total");
    s.formula(a1("D", row), `=SUM(D${first}:D${last})`, held, f.amount, "total");
    share(row, held, "total");
    const heldRow = row;
    row++;
    s.value(a1("A", row), tx.notAttributed, "label");
    s.formula(a1("D", row), `=${proceeds}-D${heldRow}`, h.proceeds.minus(held), f.amount);
    share(row, h.proceeds.minus(held));
    s.value(a1("H", row), tx.notAttributedNote, "note");
    row++;
    const groups = holdingsByHolder(holdings);
    if (groups.some((g) => g.length > 1)) {
      row++;
      section(row, tx.totalPerHolder(cu), HOLDER_PAYOUT_HEADERS.length - 1);
      row++;
      s.value(a1("A", row), HOLDER_PAYOUT_HEADERS[0], "header");
      s.value(a1("B", row), tx.classesHeld, "header");
      s.value(a1("D", row), common.total, "header");
      s.value(a1("F", row), tx.shareOfProceeds, "header");
      s.value(a1("G", row), tx.moic, "header");
      row++;
      for (const g of groups) {
        const t = sum(g.map((k) => r.holders[k].total));
        s.formula(a1("A", row), `=A${first + g[0]}`, r.holders[g[0]].holder);
        s.value(a1("B", row), g.length, "calc", "0");
        s.formula(a1("D", row), `=${g.map((k) => `D${first + k}`).join("+")}`, t, f.amount);
        share(row, t);
        // The multiple on everything the holder paid, when the cost of every holding is given.
        const cells = g.map((k) => `D${holdingFirst + k}`);
        const costs = g.map((k) => holdings[k].invested);
        const cost = costs.every((c) => c !== null) ? sum(costs.map((c) => new Decimal(c as number))) : undefined;
        s.formula(
          a1("G", row),
          `=IF(AND(COUNT(${cells.join(",")})=${g.length},${cells.join("+")}>0),D${row}/(${cells.join("+")}),"${NA}")`,
          cost !== undefined && cost.gt(0) ? t.div(cost) : NA,
          f.multiple,
        );
        row++;
      }
      s.value(a1("A", row), tx.severalClassesNote, "note");
      row++;
    }
    row++;
  }

  // ---- Sensitivity ----------------------------------------------------------------------
  const proceedsColumn = columnLetters(n + 1);
  const residualColumn = columnLetters(n + 2);
  section(row, tx.sensitivity(cu), n + 2);
  row++;
  const sensHeader = row;
  s.value(a1("A", row), tx.exitValueHeader, "header");
  input.classes.forEach((c, i) => s.value(a1(columnLetters(i + 1), row), c.name, "header"));
  s.value(a1(proceedsColumn, row), tx.proceeds, "header");
  s.value(a1(residualColumn, row), tx.residualPerShare, "header");
  row++;
  const sensFirst = row;
  r.sensitivity.forEach((x, k) => {
    const at = row;
    const p = `${proceedsColumn}${at}`;
    const xr = `${residualColumn}${at}`;
    s.value(a1("A", at), input.exitValues[k], "input", f.amount);
    x.result.classes.forEach((c, i) => fx(a1(columnLetters(i + 1), at), () => `=${total(i, p, xr)}`, c.total, f.amount));
    s.formula(p, `=MAX(0,A${at}-NetDebt-OtherClaims-TransactionCosts)`, x.result.proceeds, f.amount);
    fx(xr, () => `=${residualAt(p)}`, x.result.residualPerShare, f.perShareInAmountUnit);
    row++;
  });
  const sensLast = row - 1;
  s.name("ExitValues", `$A$${sensFirst}:$A$${sensLast}`, tx.exitValuesComment);
  s.input("exitValues", `A${sensFirst}:A${sensLast}`, undefined, undefined, { list: true });
  s.value(a1("A", row), tx.sensitivityNote, "note");
  const chart = {
    type: "stackedColumn" as const,
    title: tx.chartTitle,
    dataRange: `A${sensHeader}:${columnLetters(n)}${sensLast}`,
    seriesBy: "columns" as const,
  };
  row += 2;

  // ---- Breakpoints ----------------------------------------------------------------------
  // One row per breakpoint, in order: the proceeds at which the split changes, and each class's payout there.
  section(row, tx.breakpoints(cu), n + 5);
  row++;
  headers(row, BREAKPOINT_HEADERS);
  input.classes.forEach((c, i) => s.value(a1(columnLetters(4 + i), row), c.name, "header"));
  s.value(a1(columnLetters(n + 4), row), tx.eventRow, "header");
  s.value(a1(columnLetters(n + 5), row), tx.ratePerUnit, "header");
  row++;
  wk.bpFirst = row;
  wk.bpLast = row + nb - 1;
  const slotOf = (b: ExitBreakpoint): number => {
    const i = input.classes.findIndex((c) => c.name === b.classes[0]);
    const block = { PREFERENCE: 0, IN_THE_MONEY: 1, CAP: 2, CONVERSION: 3 }[b.kind];
    return block * n + i + 1;
  };
  if (nb === 0) {
    s.value(a1("D", row), tx.noBreakpoint, "calc");
    row++;
  }
  const totalN = sum(classes.map((c) => c.shares.times(c.conversionRatio ?? 1)));
  r.breakpoints.forEach((b, j) => {
    const at = row;
    const slot = `${columnLetters(n + 4)}${at}`;
    const isPref = `${slot}<=${n}`;
    const atB = stack(b.proceeds);
    s.formula(a1("A", at), `=B${at}+NetDebt+OtherClaims+TransactionCosts`, b.exitValue, f.amount);
    s.formula(a1("B", at), `=SUM(${columnLetters(4)}${at}:${columnLetters(n + 3)}${at})`, b.proceeds, f.amount);
    fx(
      a1("C", at),
      () => `=IF(${isPref},0,INDEX(${range("C", wk.events, wk.events + 4 * n - 1)},${slot}))`,
      b.residualPerShare,
      f.perShareInAmountUnit,
    );
    fx(a1("D", at), () => `=INDEX(${range("B", wk.events, wk.events + 4 * n - 1)},${slot})`, eventText(b));
    atB.classes.forEach((c, i) =>
      fx(
        a1(columnLetters(4 + i), at),
        () => `=IF(${isPref},${prefPaid(i, `INDEX(${range("D", wk.events, wk.events + n - 1)},${slot})`)},${W("C", i)}+${part(i, `C${at}`)})`,
        c.total,
        f.amount,
      ),
    );
    fx(slot, () => `=MATCH(${j + 1},${range("F", wk.events, wk.events + 4 * n - 1)},0)`, new Decimal(slotOf(b)), "0");
    const next = r.breakpoints[j + 1];
    const rate =
      next === undefined
        ? new Decimal(1).div(totalN)
        : next.proceeds.gt(b.proceeds)
          ? next.residualPerShare.minus(b.residualPerShare).div(next.proceeds.minus(b.proceeds))
          : ZERO;
    s.formula(
      a1(columnLetters(n + 5), at),
      next === undefined ? "=1/AsConvertedShares" : `=IF(B${at + 1}>B${at},(C${at + 1}-C${at})/(B${at + 1}-B${at}),0)`,
      rate,
      f.workingRate,
    );
    row++;
  });
  s.value(a1("A", row), tx.breakpointsMissing, "label");
  const eventsOrder = () => range("F", wk.events, wk.events + 4 * n - 1);
  // Also #N/A when the classes or holdings tables have more or fewer rows than the sheet was built for
  // (a row added in the sheet): never a result that leaves a row out; Read from sheet, then Rebuild.
  // The tables' size counted as cells (COUNTA + COUNTBLANK = rows x columns), which every engine evaluates on a name.
  const cellsOf = (name: string, rows: number, columns: number) => `COUNTA(${name})+COUNTBLANK(${name})=${rows * columns}`;
  const sameRows = `${cellsOf("Classes", n + 1, CLASS_HEADERS.length)}${holdings.length > 0 ? `,${cellsOf("Holdings", holdings.length + 1, 3)}` : ""}`;
  fx(a1("B", row), () => `=IF(AND(COUNT(${eventsOrder()})=${nb},${sameRows}),0,NA())`, ZERO, "0");
  s.name("BreakpointCheck", `$B$${row}`, tx.breakpointCheckComment);
  s.value(a1("C", row), tx.breakpointCheckNote, "note");
  row++;
  s.value(a1("A", row), tx.breakpointsNote, "note");
  row += 2;

  // ---- Workings: each class's terms -------------------------------------------------------
  section(row, tx.workings, WORKING_HEADERS.length - 1);
  row++;
  headers(row, WORKING_HEADERS);
  row++;
  wk.first = row;
  const seniorities = range("E", classFirst, classLast);
  const prefs = range("C", wk.first, wk.first + n - 1);
  classes.forEach((c, i) => {
    const at = row;
    const nConv = c.shares.times(c.conversionRatio ?? 1);
    const pref = c.strike !== undefined ? ZERO : liquidationPreference(c.invested ?? ZERO, c.preferenceMultiple ?? ZERO);
    const before = sum(
      classes.map((o) =>
        o.strike === undefined && (o.seniority ?? 1) < (c.seniority ?? 1)
          ? liquidationPreference(o.invested ?? ZERO, o.preferenceMultiple ?? ZERO)
          : ZERO,
      ),
    );
    const rank = sum(
      classes.map((o) =>
        o.strike === undefined && (o.seniority ?? 1) === (c.seniority ?? 1)
          ? liquidationPreference(o.invested ?? ZERO, o.preferenceMultiple ?? ZERO)
          : ZERO,
      ),
    );
    const t = treatment(c, nConv);
    const capTotal = c.participation === "CAPPED" ? (c.invested ?? ZERO).times(c.capMultiple ?? ZERO) : pref;
    s.formula(a1("A", at), `=${IN("A", i)}`, c.name);
    s.formula(a1("B", at), `=${IN("B", i)}*${IN("H", i)}`, nConv, f.shares);
    // Never silently wrong after an edit in the sheet: a strike with a preference, a participation word other than
    // NONE, FULL or CAPPED, a capped class without its cap or with a cap below its preference give #N/A, as the engine refuses them.
    s.formula(a1("C", at), `=IF(ISNUMBER(${IN("I", i)}),IF(${IN("D", i)}>0,NA(),0),${IN("C", i)}*${IN("D", i)})`, pref, f.amount);
    s.formula(a1("D", at), `=SUMIF(${seniorities},"<"&${IN("E", i)},${prefs})`, before, f.amount);
    s.formula(a1("E", at), `=SUMIF(${seniorities},${IN("E", i)},${prefs})`, rank, f.amount);
    s.formula(
      a1("F", at),
      `=IF(AND(${IN("F", i)}<>"NONE",${IN("F", i)}<>"FULL",${IN("F", i)}<>"CAPPED"),NA(),` +
        `IF(ISNUMBER(${IN("I", i)}),"${TREAT.option}",IF(AND(C${at}>0,${IN("F", i)}<>"FULL",B${at}>0),"${TREAT.convertible}","${TREAT.residual}")))`,
      t,
    );
    s.formula(
      a1("G", at),
      `=IF(${IN("F", i)}="CAPPED",IF(ISNUMBER(${IN("G", i)}),IF(${IN("G", i)}<${IN("D", i)},NA(),${IN("C", i)}*${IN("G", i)}),NA()),C${at})`,
      capTotal,
      f.amount,
    );
    s.formula(
      a1("H", at),
      `=IF(F${at}="${TREAT.convertible}",(G${at}-C${at})/B${at},"${NA}")`,
      t === TREAT.convertible ? capTotal.minus(pref).div(nConv) : NA,
      f.perShareInAmountUnit,
    );
    s.formula(
      a1("I", at),
      `=IF(F${at}="${TREAT.convertible}",G${at}/B${at},"${NA}")`,
      t === TREAT.convertible ? capTotal.div(nConv) : NA,
      f.perShareInAmountUnit,
    );
    row++;
  });
  const wLast = row - 1;
  s.value(a1("A", row), common.total, "total");
  s.formula(a1("B", row), `=SUM(B${wk.first}:B${wLast})`, totalN, f.shares, "total");
  s.name("AsConvertedShares", `$B$${row}`, tx.asConvertedComment);
  const totalPref = sum(
    classes.map((c) => (c.strike !== undefined ? ZERO : liquidationPreference(c.invested ?? ZERO, c.preferenceMultiple ?? ZERO))),
  );
  s.formula(a1("C", row), `=SUM(C${wk.first}:C${wLast})`, totalPref, f.amount, "total");
  s.name("TotalPreferences", `$C$${row}`, tx.totalPreferencesComment);
  row++;
  s.value(a1("A", row), tx.workingsNote, "note");
  row += 2;

  // ---- Workings: breakpoint events --------------------------------------------------------
  // Four blocks of one row per class (preference rank paid, in the money, cap reached, conversion):
  // the events that apply are numbered in order (preferences by proceeds, then the others by residual
  // per share; ties in block order, then class order, as the engine sorts them).
  section(row, tx.events, EVENT_HEADERS.length - 1);
  row++;
  headers(row, EVENT_HEADERS);
  row++;
  wk.events = row;
  const ev = wk.events;
  const applies = (block: number) => range("E", ev + block * n, ev + block * n + n - 1);
  const xApplies = range("E", ev + n, ev + 4 * n - 1);
  const xValues = range("C", ev + n, ev + 4 * n - 1);
  const orderOf = new Map(r.breakpoints.map((b, j) => [slotOf(b), j + 1]));
  const prepared = wf.breakpoints();
  const textOf = new Map(prepared.map((b) => [slotOf({ ...b, exitValue: ZERO }), eventText(b)]));
  for (let block = 0; block < 4; block++) {
    classes.forEach((c, i) => {
      const at = row;
      const slot = block * n + i + 1;
      const wRow = wk.first + i;
      const nConv = c.shares.times(c.conversionRatio ?? 1);
      const t = treatment(c, nConv);
      const pref = c.strike !== undefined ? ZERO : liquidationPreference(c.invested ?? ZERO, c.preferenceMultiple ?? ZERO);
      const capTotal = c.participation === "CAPPED" ? (c.invested ?? ZERO).times(c.capMultiple ?? ZERO) : pref;
      const order = orderOf.get(slot);
      // "n/a" rather than an empty text where nothing applies: an .xlsx keeps no cached empty text.
      const text = textOf.get(slot) ?? NA;
      s.formula(a1("A", at), `=A${wRow}`, c.name);
      if (block === 0) {
        // The first class of its seniority rank (with a preference) stands for the rank; the text names every class of the rank.
        const others = classes.map((_, j) => j).filter((j) => j > i);
        const chain = others.map((j) => `IF(AND(${IN("E", j)}=${IN("E", i)},C${wk.first + j}>0),", "&A${wk.first + j},"")`).join("&");
        s.formula(a1("B", at), `=IF(E${at}=1,"${tx.eventPreferencePaid}"&A${wRow}${chain ? "&" + chain : ""},"${NA}")`, text);
        s.value(a1("C", at), 0, "calc", f.perShareInAmountUnit);
        s.formula(
          a1("D", at),
          `=D${wRow}+E${wRow}`,
          sum(
            classes.map((o) =>
              o.strike === undefined && (o.seniority ?? 1) <= (c.seniority ?? 1)
                ? liquidationPreference(o.invested ?? ZERO, o.preferenceMultiple ?? ZERO)
                : ZERO,
            ),
          ),
          f.amount,
        );
        const above =
          i === 0 ? "" : `,COUNTIFS(${range("E", classFirst, classFirst + i - 1)},${IN("E", i)},${range("C", wk.first, wk.first + i - 1)},">0")=0`;
        s.formula(a1("E", at), `=IF(AND(C${wRow}>0${above}),1,0)`, new Decimal(order !== undefined ? 1 : 0), "0");
        s.formula(
          a1("F", at),
          `=IF(E${at}=1,SUMPRODUCT(${applies(0)}*(${range("D", ev, ev + n - 1)}<D${at}))+1,"${NA}")`,
          order !== undefined ? new Decimal(order) : NA,
          "0",
        );
      } else {
        const [text_, value, cond] =
          block === 1
            ? [`A${wRow}&"${tx.eventInTheMoney}"&${IN("I", i)}&")"`, IN("I", i), `AND(F${wRow}="${TREAT.option}",${IN("I", i)}>0)`]
            : block === 2
              ? [`A${wRow}&"${tx.eventCapReached}"`, `H${wRow}`, `AND(F${wRow}="${TREAT.convertible}",${IN("F", i)}="CAPPED")`]
              : [`A${wRow}&"${tx.eventConverts}"`, `I${wRow}`, `F${wRow}="${TREAT.convertible}"`];
        const x =
          block === 1
            ? c.strike !== undefined && c.strike.gt(0)
              ? c.strike
              : ZERO
            : t !== TREAT.convertible || (block === 2 && c.participation !== "CAPPED")
              ? ZERO
              : block === 2
                ? capTotal.minus(pref).div(nConv)
                : capTotal.div(nConv);
        s.formula(a1("B", at), `=IF(E${at}=1,${text_},"${NA}")`, text);
        s.formula(a1("C", at), `=IF(E${at}=1,${value},0)`, x, f.perShareInAmountUnit);
        s.formula(a1("E", at), `=IF(${cond},1,0)`, new Decimal(order !== undefined ? 1 : 0), "0");
        const tie = at === ev + n ? "" : `+SUMPRODUCT(${range("E", ev + n, at - 1)}*(${range("C", ev + n, at - 1)}=C${at}))`;
        s.formula(
          a1("F", at),
          `=IF(E${at}=1,COUNT(${range("F", ev, ev + n - 1)})+SUMPRODUCT(${xApplies}*(${xValues}<C${at}))${tie}+1,"${NA}")`,
          order !== undefined ? new Decimal(order) : NA,
          "0",
        );
      }
      row++;
    });
  }
  s.value(a1("A", row), tx.eventsNote, "note");
  row++;
  later.forEach((write) => write());

  // ---- Checks ---------------------------------------------------------------------------
  row += 1;
  const payoutTotal = sum(h.classes.map((c) => c.total));
  const checks: Check[] = [
    {
      label: tx.checkPayouts,
      left: `E${payoutLast + 1}`,
      right: `E${proceedsRow}`,
      engine: [payoutTotal, h.proceeds],
      format: f.amount,
    },
    {
      label: tx.checkTotal,
      left: `C${payoutLast + 1}+D${payoutLast + 1}`,
      right: `E${payoutLast + 1}`,
      engine: [sum(h.classes.map((c) => c.preference.plus(c.participation))), payoutTotal],
      format: f.amount,
    },
    {
      label: tx.checkProceeds,
      left: `E${proceedsRow}`,
      right: "MAX(0,ExitValue-NetDebt-OtherClaims-TransactionCosts)",
      scale: "ABS(ExitValue)+ABS(NetDebt)+ABS(OtherClaims)+ABS(TransactionCosts)",
      engine: [h.proceeds, Decimal.max(0, new Decimal(input.exitValue).minus(input.netDebt).minus(input.otherClaims).minus(input.transactionCosts))],
      format: f.amount,
    },
  ];
  s.checks(row, common.checks, checks);
  row += 1 + checks.length + 1;

  // ---- Key outputs (top of the sheet) ---------------------------------------------------
  const keyEnd = s.keyOutputs(keyRow, common.keyOutputs(cu), [
    {
      label: tx.keyExitValue,
      ref: s
        .names()
        .find((x) => x.name === "ExitValue")!
        .ref.replace(/\$/g, ""),
    },
    { label: tx.keyProceeds, ref: `E${proceedsRow}` },
    { label: tx.keyResidual, ref: `E${residualRow}` },
  ]);
  s.checksSummary(keyEnd, common.checksBelow);
  if (keyEnd !== keyRow + keyCount) throw new Error("internal: key outputs size");

  // The chart under the checks, inside the printed columns.
  s.chart({ ...chart, from: `A${row}`, to: `D${row + 18}` });

  // ---- Columns: fitted to the content when built ------------------------------------------
  s.bandTo(columnLetters(Math.max(7, n + 5)));
  s.printable(tx.footer(input.company));
  return s.build();
}
