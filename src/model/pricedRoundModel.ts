/**
 * The priced-round model: validated inputs -> the venture engine (`pricedRound`) -> one model sheet
 * described as plain data (`SheetSpec`), which every writer renders (Office.js, .xlsx, tests).
 *
 * The round is ONE `=CAPTABLE.PRICEDROUND(...)` formula on the input tables, spilled (the whole table:
 * post-money cap table, total, summary block; `spill` on its CellSpec). Why not native: which term
 * converts each SAFE and note (cap, discount or round price, MFN taking a later instrument's terms)
 * and whether the pool target needs a top-up is a fixed point the engine finds by iterating (policy
 * iteration in src/engine/venture/round.ts); cell formulas have no loop, and a circular reference
 * would need iterative calculation switched on. Given the terms the solve is closed-form. Every other
 * result cell is a native formula on the table's cells (price, shares, the post-money valuation as
 * price x post-money shares, new money, ownership before and after), so the sheet makes one add-in call
 * per recalculation. Every formula cell carries `expected`, the engine's value (exact in Decimal, a JS
 * number at the end); the spilled formula carries the whole table.
 *
 * Layout (labels in column A):
 * 1. title, subtitle (currency, "one CAPTABLE.PRICEDROUND table, needs the add-in"; the rest native);
 * 2. inputs: pre-money, pool target or pool increase, the pool row, share rounding (sheet-scoped names
 *    PreMoney, PoolTarget, PoolIncrease, PoolRow, Rounding); the cap table before (Holder, Shares:
 *    names Holders, Shares); the new money (Investor, Amount: name Investors, header included); the
 *    SAFEs and notes (Holder, Type, Amount, Cap, Discount, MFN, and for notes with interest Interest
 *    rate, Start date, Conversion date, Day count, Compounding: name Instruments, header included);
 * 3. the round summary (native, on the table below): price per share, pre- and post-money, new money,
 *    fully diluted shares, pool increase, Company Capitalization, rounding used, the pool row, the value
 *    at the round price;
 * 4. the CAPTABLE.PRICEDROUND table, spilled: per holder shares before, issued, after, % after, pro
 *    rata investment, conversion price, term applied, cap basis, pro rata right (YC side letter: shares,
 *    amount); the total; its summary block; why it needs the add-in;
 * 5. ownership before and after (chart data) and a clustered column chart over it.
 */
import {
  Decimal,
  ONE,
  PricedRound,
  ROUND_SUMMARY_LABELS,
  ZERO,
  accruedInterest,
  holderKey,
  pricedRound,
  pricedRoundTable,
  sum,
  yearFraction,
  type ConvertibleInstrument,
  isoDateToSerial,
} from "../engine";
import type { SheetSpec } from "../workbook/spec";
import { INSTRUMENT_TYPE_LABEL, PricedRoundInput, type InstrumentInput } from "./pricedRoundInput";
import { SheetBuilder, a1, columnLetters, sheetNameFor, type Check } from "./sheetBuilder";
import { modelFormats } from "./numberFormats";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage } from "./sheetText";

/** The engine's results for a priced-round model, exact (Decimal). */
export interface PricedRoundResults {
  /** CAPTABLE.PRICEDROUND's result: price, totals, conversions and the post-money cap table. */
  readonly round: PricedRound;
  /** Shares before the round (fully diluted). */
  readonly totalSharesBefore: Decimal;
  /** Each post-money row's ownership before the round (0 for a new holder), in the rows' order. */
  readonly ownershipBefore: readonly Decimal[];
}

export interface PricedRoundModel {
  readonly kind: "pricedRound";
  readonly schemaVersion: 1;
  readonly input: PricedRoundInput;
  readonly sheet: SheetSpec;
  readonly results: PricedRoundResults;
}

/** The engine's results for validated inputs (what CAPTABLE.PRICEDROUND computes from the sheet's tables). */
export function computePricedRound(input: PricedRoundInput): PricedRoundResults {
  const d = (n: number) => new Decimal(n);
  const poolKey = holderKey(input.optionPool);
  const instruments: ConvertibleInstrument[] = input.instruments.map((x) => ({
    holder: x.holder,
    kind: x.type,
    amount: convertingAmount(x),
    ...(x.cap === null ? {} : { cap: d(x.cap) }),
    ...(x.discount === null ? {} : { discount: d(x.discount) }),
    mfn: x.mfn,
    ...(x.capBasis == null ? {} : { capBasis: x.capBasis }),
  }));
  const round = pricedRound({
    holdings: input.capTable.map((h) => ({ holder: h.holder, shares: d(h.shares), pool: holderKey(h.holder) === poolKey })),
    preMoney: d(input.preMoney),
    investors: input.investors.map((v) => ({ name: v.name, amount: d(v.amount) })),
    pool: input.poolTarget !== null ? { target: d(input.poolTarget) } : input.poolIncrease !== null ? { increase: d(input.poolIncrease) } : undefined,
    instruments,
    rounding: input.rounding,
  });
  const totalSharesBefore = sum(input.capTable.map((h) => d(h.shares)));
  return { round, totalSharesBefore, ownershipBefore: round.rows.map((r) => r.sharesBefore.div(totalSharesBefore)) };
}

/** A note's converting amount = principal + interest accrued to the conversion date (as CAPTABLE.PRICEDROUND reads its "Interest rate" columns); a SAFE's purchase amount. */
export function convertingAmount(x: InstrumentInput): Decimal {
  const principal = new Decimal(x.amount);
  if (x.interest === null) return principal;
  const i = x.interest;
  const years = yearFraction(isoDateToSerial(i.startDate), isoDateToSerial(i.conversionDate), i.dayCount);
  return principal.plus(accruedInterest(principal, new Decimal(i.rate), years, i.compounding));
}

/** The model sheet's default name: "<company> round" ("<company> levée" in French), at most 31 characters. */
export function pricedRoundSheetName(company: string, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  const t = sheetText(language).pricedRound;
  return sheetNameFor(company, t.sheetSuffix, t.sheetFallback);
}

/** The rows of CAPTABLE.PRICEDROUND's summary block, in its order (label in column 1, value in column 2). */
export const ROUND_SUMMARY_ROWS = ROUND_SUMMARY_LABELS;

/** Builds the priced-round model: validates (throws ZodError naming each field), computes, lays out the sheet (in `language`, English by default). */
export function buildPricedRoundModel(raw: PricedRoundInput, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): PricedRoundModel {
  const input = PricedRoundInput.parse(raw);
  const results = computePricedRound(input);
  return { kind: "pricedRound", schemaVersion: 1, input, sheet: pricedRoundSheet(input, results, language), results };
}

/** Alias with the name the issue uses. */
export const buildpricedRoundModel = buildPricedRoundModel;

function pricedRoundSheet(input: PricedRoundInput, r: PricedRoundResults, language: SheetLanguage): SheetSpec {
  const text = sheetText(language);
  const t = text.pricedRound;
  const common = text.common;
  const f = modelFormats(input.currency, input.unit, input.rounding, language);
  const s = new SheetBuilder(pricedRoundSheetName(input.company, language), language);
  const round = r.round;
  const cur = f.currencyLabel;

  s.value("A1", t.title(input.company), "title");
  s.value("A2", t.subtitle(cur), "subtitle");
  // Which cells need the add-in, in words (filled when the sheet is built).
  s.addInNote("A3");

  // ---- Inputs -----------------------------------------------------------------------------
  // The key-outputs box (rows 4 on) is written last, once the cells it shows are: rows reserved here.
  const keyRow = 4;
  const keyCount = 5;
  let row = keyRow + 1 + keyCount + 1;
  s.value(a1("A", row), common.inputs, "section");
  row++;
  s.value(a1("A", row), t.preMoney(cur), "label");
  s.value(a1("B", row), input.preMoney, "input", f.amount);
  s.input("preMoney", a1("B", row));
  s.name("PreMoney", a1("B", row), t.preMoneyComment);
  row++;
  s.value(a1("A", row), t.poolTarget, "label");
  if (input.poolTarget !== null) {
    s.value(a1("B", row), input.poolTarget, "input", f.percent);
    s.input("poolTarget", a1("B", row));
    s.name("PoolTarget", a1("B", row), t.poolTargetComment);
  } else s.value(a1("B", row), t.none, "note");
  row++;
  s.value(a1("A", row), t.poolIncrease, "label");
  if (input.poolIncrease !== null) {
    s.value(a1("B", row), input.poolIncrease, "input", f.shares);
    s.input("poolIncrease", a1("B", row));
    s.name("PoolIncrease", a1("B", row), t.poolIncreaseComment);
  } else s.value(a1("B", row), t.none, "note");
  row++;
  s.value(a1("A", row), t.poolRow, "label");
  s.value(a1("B", row), input.optionPool, "input");
  s.input("optionPool", a1("B", row));
  s.name("PoolRow", a1("B", row), t.poolRowComment);
  row++;
  s.value(a1("A", row), t.rounding, "label");
  s.value(a1("B", row), input.rounding, "input");
  s.input("rounding", a1("B", row));
  s.name("Rounding", a1("B", row), t.roundingComment);
  row += 2;

  s.value(a1("A", row), t.capTable, "section");
  row++;
  s.value(a1("A", row), t.capTableHeaders[0], "header");
  s.value(a1("B", row), t.capTableHeaders[1], "header");
  row++;
  const capFirst = row;
  for (const h of input.capTable) {
    s.value(a1("A", row), h.holder, "input");
    s.value(a1("B", row), h.shares, "input", f.shares);
    row++;
  }
  const capLast = row - 1;
  // Excel tables over the input tables (rows can be added in the sheet); the names read them by column.
  s.table("RoundCapTable", `A${capFirst - 1}:B${capLast}`);
  s.name("Holders", `A${capFirst}:A${capLast}`, t.holdersComment, { table: "RoundCapTable", column: 0 });
  s.input("capTable", `A${capFirst}:B${capLast}`, ["holder", "shares"], "RoundCapTable");
  s.name("Shares", `B${capFirst}:B${capLast}`, t.sharesComment, { table: "RoundCapTable", column: 1 });
  row++;

  s.value(a1("A", row), t.newMoney, "section");
  row++;
  const invHeader = row;
  s.value(a1("A", row), t.investorHeader, "header");
  s.value(a1("B", row), t.amountHeader(cur), "header");
  row++;
  for (const v of input.investors) {
    s.value(a1("A", row), v.name, "input");
    s.value(a1("B", row), v.amount, "input", f.amount);
    row++;
  }
  // At least one investor (the schema's rule): a table with a data row.
  s.table("RoundInvestors", `A${invHeader}:B${row - 1}`);
  s.name("Investors", `A${invHeader}:B${row - 1}`, t.investorsComment, { table: "RoundInvestors", all: true });
  s.name("NewMoneyAmounts", `B${invHeader + 1}:B${row - 1}`, t.newMoneyAmountsComment, { table: "RoundInvestors", column: 1 });
  s.input("investors", `A${invHeader + 1}:B${row - 1}`, ["name", "amount"], "RoundInvestors");
  row++;

  const hasInstruments = input.instruments.length > 0;
  if (hasInstruments) {
    const withInterest = input.instruments.some((x) => x.interest !== null);
    // A "Cap basis" column only when an instrument says one (blank cells: the document's definition).
    const withCapBasis = input.instruments.some((x) => x.capBasis != null);
    s.value(a1("A", row), t.instruments, "section");
    row++;
    const head = row;
    const h = t.instrumentHeaders;
    const columns = [
      h.holder,
      h.type,
      h.amount,
      h.cap,
      h.discount,
      h.mfn,
      ...(withInterest ? [h.rate, h.start, h.conversion, h.dayCount, h.compounding] : []),
      ...(withCapBasis ? [h.capBasis] : []),
    ];
    const last = columnLetters(columns.length - 1);
    columns.forEach((h, i) => s.value(a1(columnLetters(i), row), h, "header"));
    row++;
    for (const x of input.instruments) {
      s.value(a1("A", row), x.holder, "input");
      s.value(a1("B", row), INSTRUMENT_TYPE_LABEL[x.type], "input");
      s.value(a1("C", row), x.amount, "input", f.amount);
      s.value(a1("D", row), x.cap, "input", f.amount);
      s.value(a1("E", row), x.discount, "input", f.percent);
      s.value(a1("F", row), x.mfn ? "YES" : "NO", "input");
      if (withInterest) {
        const i = x.interest;
        s.value(a1("G", row), i === null ? null : i.rate, "input", f.percent);
        s.value(a1("H", row), i === null ? null : isoDateToSerial(i.startDate), "input", "yyyy-mm-dd");
        s.value(a1("I", row), i === null ? null : isoDateToSerial(i.conversionDate), "input", "yyyy-mm-dd");
        s.value(a1("J", row), i === null ? null : i.dayCount, "input");
        s.value(a1("K", row), i === null ? null : i.compounding, "input");
      }
      if (withCapBasis) s.value(a1(last, row), x.capBasis ?? null, "input");
      row++;
    }
    s.table("RoundInstruments", `A${head}:${last}${row - 1}`);
    s.name("Instruments", `A${head}:${last}${row - 1}`, t.instrumentsComment, { table: "RoundInstruments", all: true });
    // Read back (Read from sheet): the type's sheet word, YES/NO and the dates as the inputs store them;
    // a row added in the sheet has no interest unless its columns say one.
    const interestKeys = ["interest.rate", "interest.startDate", "interest.conversionDate", "interest.dayCount", "interest.compounding"];
    s.input(
      "instruments",
      `A${head + 1}:${last}${row - 1}`,
      ["holder", "type", "amount", "cap", "discount", "mfn", ...(withInterest ? interestKeys : []), ...(withCapBasis ? ["capBasis"] : [])],
      "RoundInstruments",
      {
        reads: { type: "instrumentType", mfn: "yesNo", "interest.startDate": "date", "interest.conversionDate": "date" },
        defaults: { interest: null },
        key: "holder",
      },
    );
    row++;
  }

  const args = [
    "Holders",
    "Shares",
    "PreMoney",
    "Investors",
    input.poolTarget !== null ? "PoolTarget" : "",
    hasInstruments ? "Instruments" : "",
    "Rounding",
    "PoolRow",
    ...(input.poolIncrease !== null ? ["PoolIncrease"] : []),
  ];
  const call = `CAPTABLE.PRICEDROUND(${args.join(",")})`;
  const n = round.rows.length;
  // The function names the pool row as the cap table spells it, and says it was named by pool_row.
  const poolHolder = (input.capTable.find((h) => holderKey(h.holder) === holderKey(input.optionPool))?.holder ?? input.optionPool).trim();
  const table = pricedRoundTable(round, { holder: poolHolder, how: "named by pool_row" });
  // The one table the add-in computes (spilled below the summary): header at `top`, holders from
  // top + 1, the total at top + n + 1, the summary block from top + n + 2 (value in column B).
  const summaryTop = row + 1;
  const top = summaryTop + ROUND_SUMMARY_ROWS.length + 2;
  const tableCell = (i: number, column: string) => `${column}${top + i}`;
  const summaryCell = (i: number) => tableCell(n + 2 + i, "B");

  // ---- Round summary ---------------------------------------------------------------------
  s.value(a1("A", row), t.summary, "section");
  row++;
  // The amounts by name: the table's column, rows added in the sheet included.
  const investorAmounts = "NewMoneyAmounts";
  const priceCell = summaryCell(0);
  const postSharesCell = summaryCell(5);
  // [label, formula, engine value, format]: the add-in's cells read from its table; the rest native.
  const summary: [string, string, Decimal | string, string][] = [
    [
      t.pricePerShare(f.perShareLabel),
      `=${priceCell}${f.perShareFactor === 1 ? "" : `*${f.perShareFactor}`}`,
      round.pricePerShare.times(f.perShareFactor),
      f.pricePerShare,
    ],
    [t.preMoney(cur), "=PreMoney", round.preMoney, f.amount],
    [t.newMoneyOf(cur), `=SUM(${investorAmounts})`, round.newMoney, f.amount],
    [t.postMoney(cur), `=PreMoney+SUM(${investorAmounts})`, round.postMoney, f.amount],
    [t.preMoneyShares, `=${summaryCell(4)}`, round.preMoneyShares, f.shares],
    [t.postMoneyShares, `=${postSharesCell}`, round.postMoneyShares, f.shares],
    [t.poolIncreaseShares, `=${summaryCell(6)}`, round.poolIncrease, f.shares],
    [t.companyCapitalization, `=${summaryCell(7)}`, round.companyCapitalization, f.shares],
    [t.roundingUsed, "=Rounding", round.rounding, ""],
    [t.poolRowUsed, `=${summaryCell(9)}`, poolHolder, ""],
    [t.postMoneyAtPrice(cur), `=${priceCell}*${postSharesCell}`, round.postMoneyAtRoundPrice, f.amount],
  ];
  const summaryStart = row;
  summary.forEach(([label, formula, value, format]) => {
    s.value(a1("A", row), label, "label");
    s.formula(a1("B", row), formula, value, format || undefined);
    row++;
  });
  row++;

  // ---- Post-money cap table: the one CAPTABLE.PRICEDROUND table --------------------------------
  s.value(a1("A", row), t.table, "section");
  row++;
  if (row !== top) throw new Error(`internal: the round's table is at row ${row}, expected ${top}`);
  s.spill(a1("A", top), `=${call}`, table);
  const tableFirst = top + 1;
  const totalRow = top + n + 1;
  row = top + table.length;
  s.value(a1("A", row), t.whyAddIn, "note");
  row += 2;

  // ---- Ownership before and after (chart data) ---------------------------------------------
  s.value(a1("A", row), t.ownership, "section");
  row++;
  const chartHeader = row;
  s.value(a1("A", row), common.holder, "header");
  s.value(a1("B", row), common.before, "header");
  s.value(a1("C", row), common.after, "header");
  row++;
  round.rows.forEach((h, i) => {
    const tr = tableFirst + i;
    s.formula(a1("A", row), `=A${tr}`, h.holder, undefined, "label");
    s.formula(a1("B", row), `=B${tr}/B$${totalRow}`, r.ownershipBefore[i] ?? ZERO, f.percent);
    s.formula(a1("C", row), `=E${tr}`, h.ownershipAfter, f.percent);
    row++;
  });
  s.chart({
    type: "clusteredColumn",
    title: t.chartTitle,
    dataRange: `A${chartHeader}:C${row - 1}`,
    seriesBy: "columns",
    from: `E${chartHeader}`,
    to: `J${chartHeader + 17}`,
  });

  const chartLast = row - 1;
  row += 1;

  // ---- Checks ---------------------------------------------------------------------------
  const before = sum(round.rows.map((h) => h.sharesBefore));
  const issued = sum(round.rows.map((h) => h.sharesIssued));
  const checks: Check[] = [
    {
      label: t.checkOwnership,
      left: `SUM(C${chartHeader + 1}:C${chartLast})`,
      right: "1",
      engine: [sum(round.rows.map((h) => h.ownershipAfter)), ONE],
    },
    {
      label: t.checkShares,
      left: `D${totalRow}`,
      right: `B${totalRow}+C${totalRow}`,
      engine: [round.postMoneyShares, before.plus(issued)],
      format: f.shares,
    },
    {
      label: t.checkCapTable,
      left: `B${totalRow}`,
      right: "SUM(Shares)",
      engine: [before, sum(input.capTable.map((h) => new Decimal(h.shares)))],
      format: f.shares,
    },
  ];
  s.checks(row, common.checks, checks);
  row += 1 + checks.length + 1;

  // ---- Key outputs (top of the sheet) ---------------------------------------------------
  const keyEnd = s.keyOutputs(keyRow, common.keyOutputs(cur), [
    { label: t.keyPrice(f.perShareLabel), ref: a1("B", summaryStart) },
    { label: t.keyPreMoney, ref: a1("B", summaryStart + 1) },
    { label: t.keyPostMoney, ref: a1("B", summaryStart + 3) },
    { label: t.keyPoolIncrease, ref: a1("B", summaryStart + 6) },
  ]);
  s.checksSummary(keyEnd, common.checksBelow);
  if (keyEnd !== keyRow + keyCount) throw new Error("internal: key outputs size");

  s.bandTo(columnLetters(Math.max(4, table[0].length - 1)));
  s.printable(t.footer(input.company));
  return s.build();
}
