/**
 * The exit-waterfall model: validated inputs -> the venture engine's waterfall (Decimal) -> one
 * model sheet described as plain data (`SheetSpec`), which every writer renders.
 *
 * The venture maths (preferences by seniority, participation and caps, conversion decided in
 * equilibrium, options exercised in the money) has no sensible native-formula form, so every result
 * cell is a `=CAPTABLE.*` call on the input tables of the sheet: the sheet needs the CapTable add-in
 * to recalculate (its subtitle says so). A SheetSpec cell holds one formula and one value, so each
 * result cell reads one cell of the function's table with INDEX; every formula cell carries
 * `expected`: the engine's value, exact in Decimal, a JS number at the end.
 *
 * Layout (top to bottom, labels in column A):
 * 1. title, subtitle (company, currency, unit, "built by CapTable", needs the add-in), a note;
 * 2. inputs: ExitValue, NetDebt, TransactionCosts, OtherClaims (one named input cell each);
 * 3. the share classes table, header row as CAPTABLE.WATERFALL reads it (`Classes`, header included);
 *    with holdings, the holdings table after it (Holder, Class, Shares: `Holdings`, header included);
 * 4. the payout per class at the exit value: CAPTABLE.WATERFALL's table (payout, per share,
 *    multiple on invested capital, decision), totals, proceeds to equity, residual per share;
 *    with holdings, the payout per holder at the exit value: one row per holding (CAPTABLE.WATERFALL
 *    with Holdings: the class's payout pro rata to the shares held; per share; share of proceeds),
 *    what the listed holders hold in all and what is not attributed to one, and, when a holder holds
 *    several classes, the total per holder (the sum of its rows);
 * 5. the sensitivity: one row per exit value (inputs, `ExitValues`), one column per class, then the
 *    proceeds to equity (CAPTABLE.WATERFALL over several exit values), and a stacked column chart of
 *    the payout by class over it;
 * 6. the breakpoints (CAPTABLE.BREAKPOINTS): the exit values where the split changes.
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
} from "../engine";
import type { SheetSpec } from "../workbook/spec";
import { SheetBuilder, a1, columnLetter, sheetNameFor } from "./sheetBuilder";
import { ExitWaterfallInput, type ExitWaterfallInputData, toHolderPosition, toShareClass } from "./exitWaterfallInput";
import { modelFormats } from "./stakeSaleModel";

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

/** The name of the sheet a model of this company asks for: "Acme exit". */
export function exitWaterfallSheetName(company: string): string {
  return sheetNameFor(company, " exit", "Exit waterfall");
}

/** Builds the exit-waterfall model: validates the inputs (`holdings` may be left out), runs the engine, describes the sheet. */
export function buildExitWaterfallModel(input: ExitWaterfallInputData): ExitWaterfallModel {
  const valid = ExitWaterfallInput.parse(input);
  const results = computeExitWaterfall(valid);
  return { kind: "exitWaterfall", schemaVersion: 1, input: valid, sheet: describeSheet(valid, results), results };
}

/** The same builder under the name the task list gives it. */
export const buildexitWaterfallModel = buildExitWaterfallModel;

const CLASS_HEADERS = ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"];
const PAYOUT_HEADERS = ["Class", "Shares", "Preference", "Participation", "Total", "Per share", "Multiple on invested", "Decision"];
const BREAKPOINT_HEADERS = ["Exit value", "Proceeds to equity", "Residual per share", "Event"];
const HOLDING_HEADERS = ["Holder", "Class", "Shares", "Invested"];
const HOLDER_PAYOUT_HEADERS = ["Holder", "Class", "Shares", "Total", "Per share", "Share of proceeds", "Multiple (MOIC)"];
const MULTIPLE = '0.00"x"';
const PERCENT = "0.0%";

/** The holdings grouped by holder (matched trimmed, case-insensitive), in order of first appearance: the holding indexes of each. */
export function holdingsByHolder(holdings: readonly { holder: string }[]): number[][] {
  const groups = new Map<string, number[]>();
  holdings.forEach((h, i) => {
    const key = holderKey(h.holder);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

function describeSheet(input: ExitWaterfallInput, r: ExitWaterfallResults): SheetSpec {
  const f = modelFormats(input.currency, input.unit, "DOWN");
  const cu = f.currencyLabel;
  const s = new SheetBuilder(exitWaterfallSheetName(input.company));
  const n = input.classes.length;
  const classes = input.classes.map(toShareClass);

  const section = (row: number, title: string, lastColumn: number, unitText?: string) => {
    s.value(a1("A", row), title, "section");
    for (let c = 1; c <= lastColumn; c++) s.value(a1(columnLetter(c), row), c === 1 && unitText ? unitText : null, "section");
  };
  const headers = (row: number, texts: readonly string[], first = 0) =>
    texts.forEach((h, i) => s.value(a1(columnLetter(first + i), row), h, "header"));

  // ---- Title ----------------------------------------------------------------------------
  s.value("A1", `${input.company}: exit waterfall`, "title");
  s.value("A2", `${input.company} · ${input.currency} · amounts in ${cu} · built by CapTable · needs the CapTable add-in to recalculate`, "subtitle");
  s.value(
    "A3",
    "Results are CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS calls on the tables below: debt and costs first, preferences by seniority, then the residual per as-converted share. Blue cells are inputs.",
    "note",
  );
  // Which cells need the add-in, in words (filled when the sheet is built).
  s.addInNote("A4");

  // ---- Inputs ---------------------------------------------------------------------------
  let row = 5;
  section(row, "Inputs", 4, cu);
  row++;
  const input_ = (name: string, text: string, value: number, note: string, comment: string) => {
    s.value(a1("A", row), text, "label");
    s.value(a1("B", row), value, "input", f.amount);
    s.value(a1("C", row), note, "note");
    s.name(name, `$B$${row}`, comment);
    row++;
  };
  input_("ExitValue", "Exit value (EV)", input.exitValue, "Headline exit enterprise value", "Headline exit enterprise value");
  input_("NetDebt", "Net debt", input.netDebt, "Repaid at exit, before the shareholders", "Net debt repaid at exit");
  input_("TransactionCosts", "Transaction costs", input.transactionCosts, "Paid at exit, before the shareholders", "Transaction costs paid at exit");
  input_("OtherClaims", "Other claims", input.otherClaims, "Ahead of the shareholders", "Other claims ahead of the shareholders");

  // ---- Share classes --------------------------------------------------------------------
  row++;
  section(row, "Share classes", CLASS_HEADERS.length - 1);
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
    const formats = ["", "#,##0", f.amount, MULTIPLE, "0", "", MULTIPLE, "0.00", f.pricePerShare];
    cells.forEach((v, i) => s.value(a1(columnLetter(i), row), v, "input", formats[i] === "" ? undefined : formats[i]));
    row++;
  });
  const classLast = row - 1;
  s.name("Classes", `$A$${classHeader}:$I$${classLast}`, "The share classes with their header row, as CAPTABLE.WATERFALL reads them");
  s.value(
    a1("A", row),
    "Preference and Cap are multiples of invested capital; Seniority 1 is paid first (equal ranks pari passu); Participation NONE, FULL or CAPPED; Strike for options and warrants.",
    "note",
  );
  row += 2;

  // ---- Holdings (only when given) ---------------------------------------------------------
  const holdings = input.holdings;
  let holdingFirst = 0;
  if (holdings.length > 0) {
    section(row, "Holdings", HOLDING_HEADERS.length - 1);
    row++;
    const holdingHeader = row;
    headers(row, HOLDING_HEADERS);
    row++;
    holdingFirst = row;
    holdings.forEach((hd) => {
      s.value(a1("A", row), hd.holder, "input");
      s.value(a1("B", row), hd.className, "input");
      s.value(a1("C", row), hd.shares, "input", "#,##0");
      // Left blank when not known: the multiple then says "n/a".
      s.value(a1("D", row), hd.invested, "input", f.amount);
      row++;
    });
    s.name(
      "Holdings",
      `$A$${holdingHeader}:$C$${row - 1}`,
      "Who holds the classes (Holder, Class, Shares) with the header row, as CAPTABLE.WATERFALL reads them",
    );
    s.value(
      a1("A", row),
      "One row per holder and class; a holder may hold several classes. Each holder takes its class's payout pro rata to the shares it holds.",
      "note",
    );
    row += 2;
  }

  // ---- Payout per class at the exit value -----------------------------------------------
  const h = r.headline;
  const W = "CAPTABLE.WATERFALL(Classes,ExitValue,NetDebt,TransactionCosts,,OtherClaims)";
  const at = (rr: number, c: number) => `=INDEX(${W},${rr},${c})`;
  section(row, `Payout per class at the exit value (${cu})`, PAYOUT_HEADERS.length - 1);
  row++;
  headers(row, PAYOUT_HEADERS);
  row++;
  h.classes.forEach((c, i) => {
    const rr = i + 2;
    s.formula(a1("A", row), at(rr, 1), c.name);
    s.formula(a1("B", row), at(rr, 2), c.shares, "#,##0");
    s.formula(a1("C", row), at(rr, 3), c.preference, f.amount);
    s.formula(a1("D", row), at(rr, 4), c.participation, f.amount);
    s.formula(a1("E", row), at(rr, 5), c.total, f.amount);
    s.formula(a1("F", row), at(rr, 6), c.perShare, f.pricePerShare);
    // CAPTABLE.WATERFALL leaves the multiple blank without invested capital; the sheet says "n/a" (a blank result is no value to check).
    s.formula(a1("G", row), `=IF(C${classFirst + i}>0,${at(rr, 7).slice(1)},"n/a")`, c.moic ?? "n/a", MULTIPLE);
    s.formula(a1("H", row), at(rr, 8), classOutcome(c, classes[i]));
    row++;
  });
  s.value(a1("A", row), "Total", "total");
  s.formula(a1("C", row), at(n + 2, 3), sum(h.classes.map((c) => c.preference)), f.amount, "total");
  s.formula(a1("D", row), at(n + 2, 4), sum(h.classes.map((c) => c.participation)), f.amount, "total");
  s.formula(a1("E", row), at(n + 2, 5), h.proceeds, f.amount, "total");
  row++;
  s.value(a1("A", row), "Proceeds to equity", "label");
  const proceedsRow = row;
  s.formula(a1("E", row), at(n + 3, 5), h.proceeds, f.amount);
  s.value(a1("F", row), "= exit value - net debt - other claims - transaction costs, never below 0", "note");
  row++;
  s.value(a1("A", row), "Residual per as-converted share", "label");
  s.formula(a1("E", row), at(n + 4, 5), h.residualPerShare, f.pricePerShare);
  row += 2;

  // ---- Payout per holder at the exit value (only with holdings) -------------------------
  if (holdings.length > 0) {
    // CAPTABLE.WATERFALL with holdings adds, below its class table (n + 4 rows), a header row and one row per holding.
    const WH = "CAPTABLE.WATERFALL(Classes,ExitValue,NetDebt,TransactionCosts,Holdings,OtherClaims)";
    const ath = (k: number, c: number) => `INDEX(${WH},${n + 6 + k},${c})`;
    const proceeds = `E${proceedsRow}`;
    const shareOf = (total: Decimal, cell: string) => ({
      formula: `=IF(${proceeds}>0,${cell}/${proceeds},"n/a")`,
      expected: h.proceeds.gt(0) ? total.div(h.proceeds) : "n/a",
    });
    const share = (at_: number, total: Decimal, style?: "total") => {
      const x = shareOf(total, `D${at_}`);
      s.formula(a1("F", at_), x.formula, x.expected, PERCENT, style);
    };
    section(row, `Payout per holder at the exit value (${cu})`, HOLDER_PAYOUT_HEADERS.length - 1);
    row++;
    headers(row, HOLDER_PAYOUT_HEADERS);
    row++;
    const first = row;
    r.holders.forEach((p, k) => {
      s.formula(a1("A", row), `=${ath(k, 1)}`, p.holder);
      s.formula(a1("B", row), `=${ath(k, 3)}`, p.className);
      s.formula(a1("C", row), `=${ath(k, 2)}`, p.shares, "#,##0");
      s.formula(a1("D", row), `=${ath(k, 5)}`, p.total, f.amount);
      // Per share of the class held; "n/a" for a holding of no shares.
      s.formula(a1("E", row), `=IF(C${holdingFirst + k}>0,${ath(k, 6)},"n/a")`, p.shares.gt(0) ? p.total.div(p.shares) : "n/a", f.pricePerShare);
      share(row, p.total);
      // The multiple on what this holder paid (Invested in the holdings table); "n/a" when not given or 0.
      const invested = holdings[k].invested;
      s.formula(
        a1("G", row),
        `=IF(D${holdingFirst + k}>0,D${row}/D${holdingFirst + k},"n/a")`,
        invested !== null && invested > 0 ? p.total.div(invested) : "n/a",
        MULTIPLE,
      );
      row++;
    });
    const last = row - 1;
    const held = sum(r.holders.map((p) => p.total));
    s.value(a1("A", row), "Held by the holders listed", "total");
    s.formula(a1("D", row), `=SUM(D${first}:D${last})`, held, f.amount, "total");
    share(row, held, "total");
    const heldRow = row;
    row++;
    s.value(a1("A", row), "Not attributed to a listed holder", "label");
    s.formula(a1("D", row), `=${proceeds}-D${heldRow}`, h.proceeds.minus(held), f.amount);
    share(row, h.proceeds.minus(held));
    s.value(a1("H", row), "= proceeds to equity - held by the holders listed: the shares of a class no holder above holds", "note");
    row++;
    const groups = holdingsByHolder(holdings);
    if (groups.some((g) => g.length > 1)) {
      row++;
      section(row, `Total per holder at the exit value (${cu})`, HOLDER_PAYOUT_HEADERS.length - 1);
      row++;
      s.value(a1("A", row), "Holder", "header");
      s.value(a1("B", row), "Classes held", "header");
      s.value(a1("D", row), "Total", "header");
      s.value(a1("F", row), "Share of proceeds", "header");
      s.value(a1("G", row), "Multiple (MOIC)", "header");
      row++;
      for (const g of groups) {
        const total = sum(g.map((k) => r.holders[k].total));
        s.formula(a1("A", row), `=A${first + g[0]}`, r.holders[g[0]].holder);
        s.value(a1("B", row), g.length, "calc", "0");
        s.formula(a1("D", row), `=${g.map((k) => `D${first + k}`).join("+")}`, total, f.amount);
        share(row, total);
        // The multiple on everything the holder paid, when the cost of every holding is given.
        const cells = g.map((k) => `D${holdingFirst + k}`);
        const costs = g.map((k) => holdings[k].invested);
        const cost = costs.every((c) => c !== null) ? sum(costs.map((c) => new Decimal(c as number))) : undefined;
        s.formula(
          a1("G", row),
          `=IF(AND(COUNT(${cells.join(",")})=${g.length},${cells.join("+")}>0),D${row}/(${cells.join("+")}),"n/a")`,
          cost !== undefined && cost.gt(0) ? total.div(cost) : "n/a",
          MULTIPLE,
        );
        row++;
      }
      s.value(
        a1("A", row),
        "A holder of several classes: the sum of its rows above; the multiple when the cost of each of its holdings is given.",
        "note",
      );
      row++;
    }
    row++;
  }

  // ---- Sensitivity ----------------------------------------------------------------------
  const proceedsColumn = columnLetter(n + 1);
  section(row, `Payout by class across exit values (${cu})`, n + 1);
  row++;
  const sensHeader = row;
  s.value(a1("A", row), "Exit value", "header");
  input.classes.forEach((c, i) => s.value(a1(columnLetter(i + 1), row), c.name, "header"));
  s.value(a1(proceedsColumn, row), "Proceeds to equity", "header");
  row++;
  const sensFirst = row;
  const S = "CAPTABLE.WATERFALL(Classes,ExitValues,NetDebt,TransactionCosts,,OtherClaims)";
  r.sensitivity.forEach((x, k) => {
    s.value(a1("A", row), input.exitValues[k], "input", f.amount);
    x.result.classes.forEach((c, i) => s.formula(a1(columnLetter(i + 1), row), `=INDEX(${S},${k + 2},${i + 3})`, c.total, f.amount));
    s.formula(a1(proceedsColumn, row), `=INDEX(${S},${k + 2},2)`, x.result.proceeds, f.amount);
    row++;
  });
  const sensLast = row - 1;
  s.name("ExitValues", `$A$${sensFirst}:$A$${sensLast}`, "Exit enterprise values of the sensitivity, one row each");
  s.value(a1("A", row), "One row per exit value (inputs in column A); each class's total payout; the chart stacks them.", "note");
  const chartFrom = sensHeader;
  s.chart({
    type: "stackedColumn",
    title: "Payout by class across exit values",
    dataRange: `A${sensHeader}:${columnLetter(n)}${sensLast}`,
    seriesBy: "columns",
    from: `${columnLetter(n + 3)}${chartFrom}`,
    to: `${columnLetter(n + 11)}${chartFrom + 18}`,
  });
  row += 2;

  // ---- Breakpoints ----------------------------------------------------------------------
  const B = "CAPTABLE.BREAKPOINTS(Classes,NetDebt,TransactionCosts,OtherClaims)";
  section(row, `Breakpoints: where the split changes (${cu})`, 3);
  row++;
  headers(row, BREAKPOINT_HEADERS);
  row++;
  if (r.breakpoints.length === 0) {
    s.formula(a1("D", row), `=INDEX(${B},2,4)`, "No breakpoint: every class shares pro rata from the first euro");
    row++;
  }
  r.breakpoints.forEach((b, j) => {
    s.formula(a1("A", row), `=INDEX(${B},${j + 2},1)`, b.exitValue, f.amount);
    s.formula(a1("B", row), `=INDEX(${B},${j + 2},2)`, b.proceeds, f.amount);
    s.formula(a1("C", row), `=INDEX(${B},${j + 2},3)`, b.residualPerShare, f.pricePerShare);
    s.formula(a1("D", row), `=INDEX(${B},${j + 2},4)`, b.event);
    row++;
  });

  // ---- Columns --------------------------------------------------------------------------
  s.column("A", 30);
  for (let c = 1; c <= Math.max(8, n + 1); c++) s.column(columnLetter(c), 16);
  return s.build();
}
