/**
 * The venture custom functions' adapters: read the ranges a user lays out (tables with a header row),
 * call the venture engine, lay the result out as a spilled table with headers. The JSDoc that Excel
 * sees lives in functions.ts; each function there calls one `*Cells` function here.
 *
 * Header rows are matched by name, case- and accent-insensitive, in any column order; optional columns
 * may be left out. Fully blank rows are skipped, so a table may keep empty rows for holders to come.
 */
import {
  AntiDilutionMethod,
  Compounding,
  ConvertibleInstrument,
  DayCount,
  Decimal,
  EngineError,
  InstrumentKind,
  OptionGrant,
  Participation,
  RoundHolding,
  ShareClass,
  TenderSale,
  Waterfall,
  WaterfallResult,
  accruedInterest,
  antiDilution,
  convertNote,
  convertSafe,
  exitValueForProceeds,
  holderKey,
  payoutsByHolder,
  pricedRound,
  tenderOffer,
  treasuryStockShares,
  yearFraction,
} from "../engine";
import { CellScalar, describeCell, isBlank, readChoice, readMatrix, readNumber, readOptionalNumber, readText, readVector } from "./cells";
import { ROUNDING, choiceKey } from "./choices";
import { readCapTable } from "./capTableInput";
import { CellOutput, toCell } from "./excel";

function keywords<T extends string>(spellings: Record<string, T>): Readonly<Record<string, T>> {
  const map: Record<string, T> = Object.create(null);
  for (const [spelling, value] of Object.entries(spellings)) map[choiceKey(spelling)] = value;
  return Object.freeze(map);
}

export const INSTRUMENT_KIND = keywords<InstrumentKind>({
  SAFE: "POST_SAFE",
  "POST SAFE": "POST_SAFE",
  "POST-MONEY SAFE": "POST_SAFE",
  POST: "POST_SAFE",
  POST_SAFE: "POST_SAFE",
  "PRE SAFE": "PRE_SAFE",
  "PRE-MONEY SAFE": "PRE_SAFE",
  PRE: "PRE_SAFE",
  PRE_SAFE: "PRE_SAFE",
  NOTE: "NOTE",
  "CONVERTIBLE NOTE": "NOTE",
  BSA: "PRE_SAFE",
  "BSA AIR": "PRE_SAFE",
  "OBLIGATION CONVERTIBLE": "NOTE",
  OC: "NOTE",
});

export const SAFE_BASIS = keywords<"POST" | "PRE">({ POST: "POST", "POST-MONEY": "POST", PRE: "PRE", "PRE-MONEY": "PRE" });

export const PARTICIPATION = keywords<Participation>({
  NONE: "NONE",
  NO: "NONE",
  "NON-PARTICIPATING": "NONE",
  "NON PARTICIPATING": "NONE",
  NON: "NONE",
  "NON PARTICIPATIVE": "NONE",
  FULL: "FULL",
  YES: "FULL",
  PARTICIPATING: "FULL",
  OUI: "FULL",
  PARTICIPATIVE: "FULL",
  CAPPED: "CAPPED",
  "CAPPED PARTICIPATING": "CAPPED",
  PLAFONNEE: "CAPPED",
});

export const ANTIDILUTION_METHOD = keywords<AntiDilutionMethod>({
  BROAD: "BROAD",
  "BROAD-BASED": "BROAD",
  "BROAD BASED": "BROAD",
  NARROW: "NARROW",
  "NARROW-BASED": "NARROW",
  "NARROW BASED": "NARROW",
  RATCHET: "RATCHET",
  "FULL RATCHET": "RATCHET",
  NONE: "NONE",
  LARGE: "BROAD",
  ETROITE: "NARROW",
  CLIQUET: "RATCHET",
});

export const DAY_COUNT = keywords<DayCount>({
  "ACT/365": "ACT/365",
  "ACTUAL/365": "ACT/365",
  "ACT/360": "ACT/360",
  "ACTUAL/360": "ACT/360",
  "30/360": "30/360",
});

export const COMPOUNDING = keywords<Compounding>({
  SIMPLE: "SIMPLE",
  ANNUAL: "ANNUAL",
  SEMIANNUAL: "SEMIANNUAL",
  QUARTERLY: "QUARTERLY",
  MONTHLY: "MONTHLY",
  DAILY: "DAILY",
  ANNUEL: "ANNUAL",
  SEMESTRIEL: "SEMIANNUAL",
  TRIMESTRIEL: "QUARTERLY",
  MENSUEL: "MONTHLY",
  QUOTIDIEN: "DAILY",
});

const YES_NO = keywords<"YES" | "NO">({
  YES: "YES",
  Y: "YES",
  TRUE: "YES",
  VRAI: "YES",
  OUI: "YES",
  NO: "NO",
  N: "NO",
  FALSE: "NO",
  FAUX: "NO",
  NON: "NO",
});

// ---------------------------------------------------------------- header tables

export interface ColumnSpec {
  readonly key: string;
  /** Accepted header texts (normalised by choiceKey). The first is the one messages use. */
  readonly headers: readonly string[];
  readonly required?: boolean;
}

export interface TableRow {
  /** 1-based row number in the range (the header is row 1). */
  readonly row: number;
  readonly cells: Readonly<Record<string, CellScalar>>;
}

/** Reads a range whose first row holds column headers; returns the non-blank rows keyed by column. */
export function readHeaderTable(value: unknown, name: string, columns: readonly ColumnSpec[]): TableRow[] {
  const m = readMatrix(value, name);
  if (m.length < 2) throw new EngineError("value", `${name} must have a header row and at least one row below it`, name);
  const index = new Map<string, number>();
  m[0].forEach((h, c) => {
    if (typeof h !== "string" || h.trim() === "") return;
    const key = choiceKey(h);
    const spec = columns.find((s) => s.headers.some((x) => choiceKey(x) === key));
    if (spec === undefined) return; // extra columns (notes, totals) are ignored
    if (index.has(spec.key)) throw new EngineError("value", `${name} has the column "${spec.headers[0]}" twice`, name);
    index.set(spec.key, c);
  });
  for (const spec of columns) {
    if (spec.required && !index.has(spec.key)) {
      const found = m[0]
        .filter((h) => !isBlank(h))
        .map((h) => (typeof h === "string" || typeof h === "number" ? `"${String(h)}"` : describeCell(h)))
        .join(", ");
      throw new EngineError("value", `${name} must have a column "${spec.headers[0]}" in its header row, found ${found || "no headers"}`, name);
    }
  }
  const rows: TableRow[] = [];
  for (let r = 1; r < m.length; r++) {
    const cells: Record<string, CellScalar> = {};
    let blank = true;
    for (const [key, c] of index) {
      cells[key] = m[r][c];
      if (!isBlank(m[r][c])) blank = false;
    }
    if (!blank) rows.push({ row: r + 1, cells });
  }
  if (rows.length === 0) throw new EngineError("value", `${name} must list at least one row below its header`, name);
  return rows;
}

function cellName(table: string, column: string, row: number, label?: string): string {
  return `${table}: ${column} ${label === undefined ? `(row ${row})` : `of "${label}"`}`;
}

function label(row: TableRow, key: string, table: string, column: string): string {
  const v = row.cells[key];
  if (isBlank(v)) throw new EngineError("value", `${table}: ${column} must not be empty (row ${row.row})`, table);
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw new EngineError("value", `${table}: ${column} must be a name, got ${describeCell(v)} (row ${row.row})`, table);
}

function num(row: TableRow, key: string, table: string, column: string, who: string, rule: Parameters<typeof readNumber>[2] = "amount"): Decimal {
  try {
    return readNumber(row.cells[key], cellName(table, column, row.row, who), rule);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.kind, e.message, table);
    throw e;
  }
}

function optNum(
  row: TableRow,
  key: string,
  table: string,
  column: string,
  who: string,
  rule: Parameters<typeof readNumber>[2] = "amount",
): Decimal | undefined {
  return isBlank(row.cells[key]) ? undefined : num(row, key, table, column, who, rule);
}

function choice<T extends string>(
  row: TableRow,
  key: string,
  table: string,
  column: string,
  who: string,
  map: Readonly<Record<string, T>>,
  fallback: T,
): T {
  try {
    return readChoice(row.cells[key], cellName(table, column, row.row, who), map, fallback);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.kind, e.message, table);
    throw e;
  }
}

/** Pads rows to a rectangle: Excel spills rectangles only. */
function rectangle(rows: CellOutput[][]): CellOutput[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<CellOutput>(width - r.length).fill("")]));
}

const opt = (d: Decimal | undefined, what?: string): CellOutput => (d === undefined ? "" : toCell(d, what));

// ---------------------------------------------------------------- CAPTABLE.ROUND

const POOL_NAMES = ["OPTION POOL", "POOL", "UNISSUED POOL", "AVAILABLE POOL", "ESOP", "ESOP POOL", "UNALLOCATED POOL", "BSPCE", "POOL BSPCE"];

export const ROUND_HEADER = [
  "Holder",
  "Shares before",
  "Shares issued",
  "Shares after",
  "% after",
  "Pro rata check",
  "Conversion price",
  "Converts at",
];

function readInvestors(value: unknown): { name: string; amount: Decimal }[] {
  const m = readMatrix(value, "investors");
  if (m[0].length !== 2) throw new EngineError("value", `investors must be two columns (investor, amount), got ${m[0].length} columns`, "investors");
  const start = m.length > 1 && typeof m[0][1] === "string" ? 1 : 0; // a header row
  const out: { name: string; amount: Decimal }[] = [];
  for (let r = start; r < m.length; r++) {
    const [n, a] = m[r];
    if (isBlank(n) && isBlank(a)) continue;
    if (isBlank(n) || !(typeof n === "string" || typeof n === "number")) {
      throw new EngineError("value", `investors must have a name, got ${describeCell(n)} (row ${r + 1})`, "investors");
    }
    const name = String(n).trim();
    try {
      out.push({ name, amount: readNumber(a, `investors: amount of "${name}"`, "nonNegative") });
    } catch (e) {
      if (e instanceof EngineError) throw new EngineError(e.kind, e.message, "investors");
      throw e;
    }
  }
  if (out.length === 0) throw new EngineError("value", "investors must list at least one investor", "investors");
  return out;
}

const INSTRUMENT_COLUMNS: ColumnSpec[] = [
  { key: "holder", headers: ["Holder", "Investor", "Name", "Détenteur", "Investisseur"], required: true },
  { key: "type", headers: ["Type", "Instrument"] },
  { key: "amount", headers: ["Amount", "Investment", "Purchase amount", "Montant"], required: true },
  { key: "cap", headers: ["Cap", "Valuation cap", "Plafond"] },
  { key: "discount", headers: ["Discount", "Décote", "Remise"] },
  { key: "mfn", headers: ["MFN"] },
  { key: "rate", headers: ["Interest rate", "Rate", "Taux"] },
  { key: "start", headers: ["Start date", "Issue date", "Date d'émission"] },
  { key: "end", headers: ["Conversion date", "Date de conversion"] },
  { key: "dayCount", headers: ["Day count", "Base"] },
  { key: "compounding", headers: ["Compounding", "Interest", "Capitalisation"] },
];

export function readInstruments(value: unknown): ConvertibleInstrument[] {
  const t = "instruments";
  return readHeaderTable(value, t, INSTRUMENT_COLUMNS).map((row) => {
    const holder = label(row, "holder", t, "Holder");
    const discount = optNum(row, "discount", t, "Discount", holder, "fraction");
    let amount = num(row, "amount", t, "Amount", holder, "nonNegative");
    const rate = optNum(row, "rate", t, "Interest rate", holder, "nonNegative");
    if (rate !== undefined) {
      // A note accrues interest to its conversion date: the converting amount is principal + interest.
      const start = optNum(row, "start", t, "Start date", holder, "nonNegative");
      const end = optNum(row, "end", t, "Conversion date", holder, "nonNegative");
      if (start === undefined || end === undefined) {
        throw new EngineError("value", `${t}: "${holder}" has an interest rate: give its Start date and Conversion date columns too`, t);
      }
      const dayCount = choice(row, "dayCount", t, "Day count", holder, DAY_COUNT, "ACT/365");
      const compounding = choice(row, "compounding", t, "Compounding", holder, COMPOUNDING, "SIMPLE");
      try {
        amount = amount.plus(accruedInterest(amount, rate, yearFraction(start.toNumber(), end.toNumber(), dayCount), compounding));
      } catch (e) {
        if (e instanceof EngineError) throw new EngineError(e.kind, `${t}: ${e.message} (for "${holder}")`, t);
        throw e;
      }
    }
    return {
      holder,
      kind: choice(row, "type", t, "Type", holder, INSTRUMENT_KIND, "POST_SAFE"),
      amount,
      cap: optNum(row, "cap", t, "Cap", holder, "positive"),
      discount,
      mfn: choice(row, "mfn", t, "MFN", holder, YES_NO, "NO") === "YES",
    };
  });
}

export function roundCells(
  holders: any,
  shares: any,
  pre_money: any,
  investors: any,
  pool_target: any,
  instruments: any,
  rounding: any,
  pool_row: any,
  pool_increase: any,
): CellOutput[][] {
  const table = readCapTable(holders, shares);
  const poolName = isBlank(pool_row) ? undefined : readText(Array.isArray(pool_row) ? readVector(pool_row, "pool_row")[0] : pool_row, "pool_row");
  const poolKey = poolName === undefined ? undefined : holderKey(poolName);
  const holdings: RoundHolding[] = table.map((h) => ({
    holder: h.holder,
    shares: h.shares,
    pool: poolKey !== undefined ? holderKey(h.holder) === poolKey : POOL_NAMES.includes(choiceKey(h.holder)),
  }));
  if (poolKey !== undefined && !holdings.some((h) => h.pool)) {
    throw new EngineError("value", `pool_row must be one of the holders, got "${poolName}"`, "pool_row");
  }
  const target = readOptionalNumber(pool_target, "pool_target", "fractionBelowOne");
  const increase = readOptionalNumber(pool_increase, "pool_increase", "nonNegative");
  if (target !== undefined && increase !== undefined)
    throw new EngineError("value", "pool_increase must be empty when pool_target is given: give one or the other", "pool_increase");
  const round = pricedRound({
    holdings,
    preMoney: readNumber(pre_money, "pre_money", "positive"),
    investors: readInvestors(investors),
    pool: target !== undefined ? { target } : increase !== undefined ? { increase } : undefined,
    instruments: isBlank(instruments) ? [] : readInstruments(instruments),
    rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
  });
  const byHolder = new Map(round.conversions.map((c) => [holderKey(c.holder), c]));
  const rows: CellOutput[][] = [[...ROUND_HEADER]];
  for (const r of round.rows) {
    const c = byHolder.get(holderKey(r.holder));
    rows.push([
      r.holder,
      toCell(r.sharesBefore),
      toCell(r.sharesIssued),
      toCell(r.sharesAfter),
      toCell(r.ownershipAfter),
      r.isPool ? "" : toCell(r.proRataCheck),
      c === undefined ? "" : toCell(c.price),
      c === undefined ? "" : c.termsFrom === undefined ? c.term : `${c.term} (MFN: ${c.termsFrom})`,
    ]);
  }
  rows.push([
    "Total",
    toCell(round.rows.reduce((s, r) => s.plus(r.sharesBefore), new Decimal(0))),
    toCell(round.postMoneyShares.minus(round.rows.reduce((s, r) => s.plus(r.sharesBefore), new Decimal(0)))),
    toCell(round.postMoneyShares),
    1,
  ]);
  rows.push(["Price per share", toCell(round.pricePerShare)]);
  rows.push(["Pre-money valuation", toCell(round.preMoney)]);
  rows.push(["New money", toCell(round.newMoney)]);
  rows.push(["Post-money valuation", toCell(round.postMoney)]);
  rows.push(["Pre-money fully diluted shares", toCell(round.preMoneyShares)]);
  rows.push(["Post-money fully diluted shares", toCell(round.postMoneyShares)]);
  rows.push(["Option pool increase", toCell(round.poolIncrease)]);
  rows.push(["Company capitalization (post-money SAFE)", toCell(round.companyCapitalization)]);
  rows.push(["Share rounding", round.rounding]);
  return rectangle(rows);
}

// ---------------------------------------------------------------- CAPTABLE.SAFE and CAPTABLE.NOTE

export function safeCells(
  investment: any,
  cap: any,
  discount: any,
  round_price: any,
  capitalization: any,
  basis: any,
  rounding: any,
): CellOutput[][] {
  const r = convertSafe({
    amount: readNumber(investment, "investment", "nonNegative"),
    cap: readOptionalNumber(cap, "cap", "positive"),
    discount: readOptionalNumber(discount, "discount", "fraction"),
    roundPrice: readNumber(round_price, "round_price", "positive"),
    capitalization: readOptionalNumber(capitalization, "capitalization", "positive"),
    basis: readChoice(basis, "basis", SAFE_BASIS, "POST"),
    rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
  });
  return [
    ["", "SAFE"],
    ["Shares", toCell(r.shares)],
    ["Conversion price", toCell(r.price)],
    ["Converts at", r.term],
    ["Cap price", opt(r.capPrice)],
    ["Discount price", opt(r.discountPrice)],
    ["Round price", toCell(r.roundPrice)],
    ["Ownership of the capitalization", toCell(r.ownership)],
    ["Share rounding", r.rounding],
  ];
}

function readSerial(value: any, name: string): number {
  const d = readNumber(value, name, "nonNegative");
  return d.toNumber();
}

export function noteCells(
  principal: any,
  interest_rate: any,
  start_date: any,
  conversion_date: any,
  round_price: any,
  cap: any,
  discount: any,
  capitalization: any,
  day_count: any,
  compounding: any,
  rounding: any,
): CellOutput[][] {
  const r = convertNote({
    principal: readNumber(principal, "principal", "nonNegative"),
    rate: readNumber(interest_rate, "interest_rate", "nonNegative"),
    startDate: readSerial(start_date, "start_date"),
    conversionDate: readSerial(conversion_date, "conversion_date"),
    roundPrice: readNumber(round_price, "round_price", "positive"),
    cap: readOptionalNumber(cap, "cap", "positive"),
    discount: readOptionalNumber(discount, "discount", "fraction"),
    capitalization: readOptionalNumber(capitalization, "capitalization", "positive"),
    dayCount: readChoice(day_count, "day_count", DAY_COUNT, "ACT/365"),
    compounding: readChoice(compounding, "compounding", COMPOUNDING, "SIMPLE"),
    rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
  });
  return [
    ["", "Note"],
    ["Years accrued", toCell(r.years)],
    ["Accrued interest", toCell(r.interest)],
    ["Converting amount", toCell(r.convertingAmount)],
    ["Shares", toCell(r.shares)],
    ["Conversion price", toCell(r.price)],
    ["Converts at", r.term],
    ["Cap price", opt(r.capPrice)],
    ["Discount price", opt(r.discountPrice)],
    ["Round price", toCell(r.roundPrice)],
    ["Day count", r.dayCount],
    ["Interest", r.compounding],
    ["Share rounding", r.rounding],
  ];
}

// ---------------------------------------------------------------- CAPTABLE.ANTIDILUTION

export const ANTIDILUTION_HEADER = [
  "Class",
  "Shares",
  "Conversion price before",
  "Conversion price after",
  "Conversion ratio before",
  "Conversion ratio after",
  "As converted before",
  "As converted after",
  "Adjusted",
];

export function antiDilutionCells(classes: any, new_price: any, new_shares: any, method: any, shares_outstanding: any): CellOutput[][] {
  const t = "classes";
  const rows = readHeaderTable(classes, t, [
    { key: "name", headers: ["Class", "Name", "Classe", "Catégorie"], required: true },
    { key: "shares", headers: ["Shares", "Actions"], required: true },
    { key: "oip", headers: ["Original issue price", "Issue price", "Original price", "Prix d'émission"] },
    { key: "cp", headers: ["Conversion price", "Prix de conversion"] },
  ]);
  const r = antiDilution(
    rows.map((row) => {
      const name = label(row, "name", t, "Class");
      return {
        name,
        shares: num(row, "shares", t, "Shares", name, "nonNegative"),
        originalIssuePrice: optNum(row, "oip", t, "Original issue price", name, "positive"),
        conversionPrice: optNum(row, "cp", t, "Conversion price", name, "positive"),
      };
    }),
    readNumber(new_price, "new_price", "positive"),
    readNumber(new_shares, "new_shares", "nonNegative"),
    readChoice(method, "method", ANTIDILUTION_METHOD, "BROAD"),
    readOptionalNumber(shares_outstanding, "shares_outstanding", "nonNegative"),
  );
  return [
    [...ANTIDILUTION_HEADER],
    ...r.rows.map((x) => [
      x.name,
      toCell(x.shares),
      opt(x.conversionPriceBefore),
      opt(x.conversionPriceAfter),
      toCell(x.ratioBefore),
      toCell(x.ratioAfter),
      toCell(x.asConvertedBefore),
      toCell(x.asConvertedAfter),
      x.adjusted,
    ]),
  ];
}

// ---------------------------------------------------------------- CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS

const CLASS_COLUMNS: ColumnSpec[] = [
  { key: "name", headers: ["Class", "Name", "Classe", "Catégorie"], required: true },
  { key: "shares", headers: ["Shares", "Actions", "Number"], required: true },
  { key: "invested", headers: ["Invested", "Investment", "Invested capital", "Montant investi", "Investi"] },
  { key: "multiple", headers: ["Preference", "Preference multiple", "Liquidation preference", "Multiple", "Préférence"] },
  { key: "seniority", headers: ["Seniority", "Rank", "Rang", "Séniorité"] },
  { key: "participation", headers: ["Participation", "Participating"] },
  { key: "cap", headers: ["Cap", "Participation cap", "Cap multiple", "Plafond"] },
  { key: "ratio", headers: ["Conversion ratio", "Ratio", "Ratio de conversion"] },
  { key: "strike", headers: ["Strike", "Exercise price", "Prix d'exercice"] },
];

export function readClasses(value: unknown): ShareClass[] {
  const t = "classes";
  return readHeaderTable(value, t, CLASS_COLUMNS).map((row) => {
    const name = label(row, "name", t, "Class");
    const seniority = optNum(row, "seniority", t, "Seniority", name, "positive");
    if (seniority !== undefined && !seniority.isInteger()) {
      throw new EngineError("value", `${t}: Seniority of "${name}" must be a whole number from 1 (most senior), got ${seniority.toString()}`, t);
    }
    const cap = optNum(row, "cap", t, "Cap", name, "positive");
    const participation = choice(row, "participation", t, "Participation", name, PARTICIPATION, cap !== undefined ? "CAPPED" : "NONE");
    const multiple = optNum(row, "multiple", t, "Preference", name, "nonNegative");
    const invested = optNum(row, "invested", t, "Invested", name, "nonNegative");
    return {
      name,
      shares: num(row, "shares", t, "Shares", name, "nonNegative"),
      invested,
      // No multiple, no preference: invested capital alone only feeds the multiple on invested capital.
      preferenceMultiple: multiple,
      seniority: seniority?.toNumber(),
      participation: participation === "FULL" && cap !== undefined ? "CAPPED" : participation,
      capMultiple: cap,
      conversionRatio: optNum(row, "ratio", t, "Conversion ratio", name, "positive"),
      strike: optNum(row, "strike", t, "Strike", name, "nonNegative"),
    };
  });
}

function readHoldings(holdings: unknown): { holder: string; className: string; shares: Decimal }[] {
  const t = "holdings";
  return readHeaderTable(holdings, t, [
    { key: "holder", headers: ["Holder", "Name", "Investor", "Détenteur"], required: true },
    { key: "class", headers: ["Class", "Classe", "Catégorie"], required: true },
    { key: "shares", headers: ["Shares", "Actions"], required: true },
  ]).map((row) => {
    const holder = label(row, "holder", t, "Holder");
    return { holder, className: label(row, "class", t, "Class"), shares: num(row, "shares", t, "Shares", holder, "nonNegative") };
  });
}

export const WATERFALL_HEADER = ["Class", "Shares", "Preference", "Participation", "Total", "Per share", "Multiple on invested", "Decision"];

function decision(c: WaterfallResult["classes"][number], cls: ShareClass): string {
  if (cls.strike !== undefined) return c.exercised ? "Exercised" : "Out of the money";
  if (c.converted) return "Converts";
  if (c.capped) return "Preference + participation (capped)";
  if (c.preference.gt(0) || (cls.preferenceMultiple?.gt(0) ?? false)) {
    return cls.participation === "FULL" || cls.participation === "CAPPED" ? "Preference + participation" : "Preference";
  }
  return "Common";
}

export function waterfallCells(
  classes: any,
  exit_values: any,
  net_debt: any,
  transaction_costs: any,
  holdings: any,
  other_claims: any,
): CellOutput[][] {
  const cls = readClasses(classes);
  const w = new Waterfall(cls);
  const costs = {
    netDebt: readOptionalNumber(net_debt, "net_debt"),
    transactionCosts: readOptionalNumber(transaction_costs, "transaction_costs", "nonNegative"),
    otherClaims: readOptionalNumber(other_claims, "other_claims"),
  };
  const exits = readVector(exit_values, "exit_value").filter((v) => !isBlank(v));
  if (exits.length === 0) throw new EngineError("value", "exit_value is required, got an empty cell", "exit_value");
  const values = exits.map((v, i) => readNumber(v, exits.length === 1 ? "exit_value" : `exit_value (cell ${i + 1})`));
  const positions = isBlank(holdings) ? undefined : readHoldings(holdings);
  if (values.length > 1) {
    // A sensitivity: one row per exit value, one column per class (per holder when holdings are given).
    const header: CellOutput[] = ["Exit value", "Proceeds to equity", ...(positions === undefined ? w.classNames : positions.map((p) => p.holder))];
    return [
      header,
      ...values.map((ev) => {
        const r = w.atExit({ enterpriseValue: ev, ...costs });
        const totals = positions === undefined ? r.classes.map((c) => c.total) : payoutsByHolder(r, positions).map((h) => h.total);
        return [toCell(ev), toCell(r.proceeds), ...totals.map((t) => toCell(t))];
      }),
    ];
  }
  const r = w.atExit({ enterpriseValue: values[0], ...costs });
  const rows: CellOutput[][] = [[...WATERFALL_HEADER]];
  r.classes.forEach((c, i) => {
    rows.push([
      c.name,
      toCell(c.shares),
      toCell(c.preference),
      toCell(c.participation),
      toCell(c.total),
      toCell(c.perShare),
      opt(c.moic),
      decision(c, cls[i]),
    ]);
  });
  rows.push([
    "Total",
    "",
    toCell(r.classes.reduce((s, c) => s.plus(c.preference), new Decimal(0))),
    toCell(r.classes.reduce((s, c) => s.plus(c.participation), new Decimal(0))),
    toCell(r.proceeds),
  ]);
  rows.push(["Proceeds to equity", "", "", "", toCell(r.proceeds)]);
  rows.push(["Residual per as-converted share", "", "", "", toCell(r.residualPerShare)]);
  if (positions !== undefined) {
    const byHolder = payoutsByHolder(r, positions);
    rows.push(["Holder", "Shares", "Class", "", "Total", "Per share"]);
    for (const h of byHolder)
      rows.push([h.holder, toCell(h.shares), h.className, "", toCell(h.total), h.shares.isZero() ? 0 : toCell(h.total.div(h.shares))]);
  }
  return rectangle(rows);
}

export const BREAKPOINTS_HEADER = ["Exit value", "Proceeds to equity", "Residual per share", "Event"];

export function breakpointsCells(classes: any, net_debt: any, transaction_costs: any, other_claims: any): CellOutput[][] {
  const w = new Waterfall(readClasses(classes));
  const costs = {
    netDebt: readOptionalNumber(net_debt, "net_debt"),
    transactionCosts: readOptionalNumber(transaction_costs, "transaction_costs", "nonNegative"),
    otherClaims: readOptionalNumber(other_claims, "other_claims"),
  };
  const points = w.breakpoints();
  const rows: CellOutput[][] = [[...BREAKPOINTS_HEADER]];
  for (const b of points) rows.push([toCell(exitValueForProceeds(b.proceeds, costs)), toCell(b.proceeds), toCell(b.residualPerShare), b.event]);
  if (points.length === 0) rows.push(["", "", "", "No breakpoint: every class shares pro rata from the first euro"]);
  return rows;
}

// ---------------------------------------------------------------- CAPTABLE.FDSHARES and CAPTABLE.TENDER

const FD_METHOD = keywords<"TSM" | "ALL">({
  TSM: "TSM",
  "TREASURY STOCK": "TSM",
  ALL: "ALL",
  "ALL-IN": "ALL",
  GROSS: "ALL",
  "RACHAT D'ACTIONS": "TSM",
});

export function fdSharesCell(basic_shares: any, options: any, strikes: any, share_price: any, method: any): number {
  const counts = isBlank(options) ? [] : readVector(options, "options");
  const ks = isBlank(strikes) ? [] : readVector(strikes, "strikes");
  if (counts.length !== ks.length)
    throw new EngineError("value", `options and strikes must be ranges of the same size, got ${counts.length} and ${ks.length}`, "strikes");
  const grants: OptionGrant[] = [];
  counts.forEach((c, i) => {
    if (isBlank(c) && isBlank(ks[i])) return;
    grants.push({
      count: readNumber(c, `options (cell ${i + 1})`, "nonNegative"),
      strike: readNumber(ks[i], `strikes (cell ${i + 1})`, "nonNegative"),
    });
  });
  const how = readChoice(method, "method", FD_METHOD, "TSM");
  const basic = readNumber(basic_shares, "basic_shares", "nonNegative");
  if (how === "ALL") return toCell(treasuryStockShares(basic, grants, new Decimal(1)).allIn);
  return toCell(treasuryStockShares(basic, grants, readNumber(share_price, "share_price", "positive")).treasuryStock);
}

export const TENDER_HEADER = ["Holder", "Shares before", "% before", "Shares sold", "Shares bought", "Shares after", "% after", "Cash"];

export function tenderCells(holders: any, shares: any, sellers: any, shares_sold: any, buyer: any, price: any, round_price: any): CellOutput[][] {
  const table = readCapTable(holders, shares);
  const names = readVector(sellers, "sellers");
  const counts = readVector(shares_sold, "shares_sold");
  if (names.length !== counts.length)
    throw new EngineError(
      "value",
      `sellers and shares_sold must be ranges of the same size, got ${names.length} and ${counts.length}`,
      "shares_sold",
    );
  const sales: TenderSale[] = [];
  names.forEach((n, i) => {
    if (isBlank(n) && isBlank(counts[i])) return;
    if (isBlank(n)) throw new EngineError("value", `sellers must not be empty where shares_sold is given (cell ${i + 1})`, "sellers");
    const seller = readText(n, `sellers (cell ${i + 1})`);
    sales.push({ seller, shares: readNumber(counts[i], `shares_sold of "${seller}"`, "nonNegative") });
  });
  if (isBlank(buyer)) throw new EngineError("value", "buyer is required, got an empty cell", "buyer");
  const r = tenderOffer(
    table,
    sales,
    readText(Array.isArray(buyer) ? readVector(buyer, "buyer")[0] : buyer, "buyer"),
    readNumber(price, "price", "nonNegative"),
    readOptionalNumber(round_price, "round_price", "positive"),
  );
  const rows: CellOutput[][] = [[...TENDER_HEADER]];
  for (const x of r.rows) {
    rows.push([
      x.holder,
      toCell(x.sharesBefore),
      toCell(x.ownershipBefore),
      toCell(x.sharesSold),
      toCell(x.sharesBought),
      toCell(x.sharesAfter),
      toCell(x.ownershipAfter),
      toCell(x.cash),
    ]);
  }
  rows.push(["Shares moved", toCell(r.sharesMoved)]);
  rows.push(["Consideration", toCell(r.consideration)]);
  rows.push(["Premium (+) / discount (-) to the round price", opt(r.premiumToRound)]);
  return rectangle(rows);
}
