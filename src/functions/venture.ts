/**
 * The venture custom functions' adapters: read the ranges a user lays out (tables with a header row),
 * call the venture engine, lay the result out as a spilled table with headers. The JSDoc that Excel
 * sees lives in functions.ts; each function there calls one `*Cells` function here.
 *
 * Header rows are matched by name, case- and accent-insensitive, in any column order; optional columns
 * may be left out. A header a table does not know is an error when it is a near miss of a missing
 * column ("Caps" for "Cap"), else listed in the result's note (`readHeaderTable`). Fully blank rows
 * are skipped, so a table may keep empty rows for holders to come; every table function lists what
 * its readers skipped (rows, and columns not read) in last rows (`withIgnoredNote`, tables.ts), never
 * silently; a function returning one number says in its help that an empty row adds nothing and
 * that other columns are not read.
 */
import {
  ConversionPrices,
  ConvertibleInstrument,
  Decimal,
  EngineError,
  ExitInput,
  HolderPosition,
  OptionGrant,
  PoolBasis,
  RoundAntiDilutionClass,
  RoundHolding,
  RuleName,
  ShareClass,
  TenderSale,
  Waterfall,
  WaterfallResult,
  accruedInterest,
  allInShares,
  antiDilution,
  convertNote,
  convertSafe,
  defaultSafeCapitalizationBasis,
  exitValueForProceeds,
  holderKey,
  isOptionPoolName,
  premiumToRoundPrice,
  payoutsByHolder,
  pricedRound,
  pricedRoundTable,
  ROUND_TABLE_HEADER,
  tenderMoves,
  treasuryStockMethodShares,
  treasuryStockShares,
  yearFraction,
  classOutcome,
  ANTIDILUTION_WORDS,
  CAP_BASIS_WORDS,
  COMPOUNDING_WORDS,
  DAY_COUNT_WORDS,
  FD_METHOD_WORDS,
  INSTRUMENT_WORDS,
  PARTICIPATION_WORDS,
  SAFE_BASIS_WORDS,
  SAFE_CAPITALIZATION_WORDS,
  YES_NO_WORDS,
} from "../engine";
import {
  CellScalar,
  describeCell,
  isBlank,
  isBlankCell,
  isBlankRow,
  numberBlankKind,
  readChoice,
  readMatrix,
  readNumber,
  readOptionalChoice,
  readOptionalNumber,
  readText,
  readVector,
  withoutTrailingBlanks,
  valueError,
} from "./cells";
import { POOL_BASIS, ROUNDING, choiceKey } from "./choices";
import { readCapTable } from "./capTableInput";
import { CellOutput, fractionOfWholeShares, ownershipCells, toCell } from "./excel";
import { MAX_WHOLE, isWholeCount, ownershipOfCounts, wholeSharesAt, wholeTimesCell } from "./wholeCounts";
import { Ignored, Skipped, ignoredNote, withIgnoredNote } from "./tables";
import { DayReading, inWorkbookDateSystem } from "./dateSystem";

export { ignoredNote, type Skipped };

// Every keyword these functions read comes from the one vocabulary (src/engine/vocabulary.ts), shared with the forms, paste and templates.
export const INSTRUMENT_KIND = INSTRUMENT_WORDS.words;
export const SAFE_BASIS = SAFE_BASIS_WORDS.words;
/** What a cap is divided by in CAPTABLE.PRICEDROUND's instruments table ("Cap basis" column, `CapBasis`). */
export const CAP_BASIS = CAP_BASIS_WORDS.words;
/** What CAPTABLE.SAFE's capitalization includes: this SAFE's own shares or not (`SafeCapitalizationBasis`). */
export const SAFE_CAPITALIZATION = SAFE_CAPITALIZATION_WORDS.words;
export const PARTICIPATION = PARTICIPATION_WORDS.words;
export const ANTIDILUTION_METHOD = ANTIDILUTION_WORDS.words;
export const DAY_COUNT = DAY_COUNT_WORDS.words;
export const COMPOUNDING = COMPOUNDING_WORDS.words;
const YES_NO = YES_NO_WORDS.words;

// ---------------------------------------------------------------- header tables

/** Where a cell of a header table stands, as messages name it: `classes: Cap of "Series A"`. */
export interface CellAt {
  /** The argument holding the table ("classes"). */
  readonly table: string;
  /** The column's first header, the name messages use ("Cap"). */
  readonly column: string;
  /** 1-based row number in the range (the header is row 1). */
  readonly row: number;
  /** The row's name (its label column), when the table has one: messages then say `of "Series A"` instead of `(row 3)`. */
  readonly who?: string;
}

/** Reads one cell of a column: the value, or an EngineError naming the table argument. */
export type CellReader<T> = (cell: CellScalar, at: CellAt) => T;

/** One column of a header table: the headers it may go by, whether it must be there, how its cells read. */
export interface TableColumn<T = unknown> {
  /** Accepted header texts, matched case- and accent-insensitively (choiceKey). The first is the one messages use. */
  readonly headers: readonly string[];
  readonly required?: boolean;
  readonly read: CellReader<T>;
}

/** A table's columns by key. Key order is the order of the required-column check. */
export type TableColumns = Readonly<Record<string, TableColumn>>;

type CellValue<C> = C extends TableColumn<infer T> ? T : never;

/** One non-blank row below the header. Cells are read on demand, so a row is checked in the order its reader asks. */
export interface TableRow<C extends TableColumns> {
  /** 1-based row number in the range (the header is row 1). */
  readonly row: number;
  /** The cell of a column, read by the column's reader (a column the table leaves out reads as an empty cell). */
  get<K extends keyof C & string>(key: K): CellValue<C[K]>;
}

/** Re-attributes an EngineError thrown while reading a table's cell to the table's argument; `reword` may rewrite its message. */
function attributed<T>(argument: string, read: () => T, reword: (message: string) => string = (m) => m): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.kind, reword(e.message), argument);
    throw e;
  }
}

function cellName(at: CellAt): string {
  return `${at.table}: ${at.column} ${at.who === undefined ? `(row ${at.row})` : `of "${at.who}"`}`;
}

/** A name: a text (trimmed) or a number; never empty. Messages give the row number, as the row has no name yet. */
export const nameCell: CellReader<string> = (v, at) => {
  if (isBlankCell(v, "name")) throw valueError(`${at.table}: ${at.column} must not be empty (row ${at.row})`, at.table);
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw valueError(`${at.table}: ${at.column} must be a name, got ${describeCell(v)} (row ${at.row})`, at.table);
};

/** A required number checked against a rule (see `readNumber`). */
export function numberCell(rule: RuleName = "amount"): CellReader<Decimal> {
  return (v, at) => attributed(at.table, () => readNumber(v, cellName(at), rule));
}

/**
 * An optional number: a blank cell gives `undefined`, and so does 0 where 0 cannot be a value
 * (`zeroIsBlank`: by default where the rule needs more than 0), as some Excel builds send empty cells as 0 (cells.ts).
 */
export function optionalNumberCell(rule: RuleName = "amount", zeroIsBlank = numberBlankKind(rule) === "positive"): CellReader<Decimal | undefined> {
  const read = numberCell(rule);
  return (v, at) => (isBlankCell(v, zeroIsBlank ? "positive" : "number") ? undefined : read(v, at));
}

/** An optional keyword among `choices` (see `readChoice`): a blank cell gives `undefined`, for the row's reader to default. */
export function choiceCell<T extends string>(choices: Readonly<Record<string, T>>): CellReader<T | undefined> {
  return (v, at) => (isBlankCell(v, "keyword") ? undefined : attributed(at.table, () => readOptionalChoice(v, cellName(at), choices)));
}

const headerIndexes = new WeakMap<TableColumns, Map<string, string>>();

/** The column key of every accepted header text (its choiceKey), the first column listing it; built once per table definition. */
function headerIndex(columns: TableColumns): Map<string, string> {
  let index = headerIndexes.get(columns);
  if (index === undefined) {
    index = new Map();
    for (const k of Object.keys(columns)) for (const x of columns[k].headers) if (!index.has(choiceKey(x))) index.set(choiceKey(x), k);
    headerIndexes.set(columns, index);
  }
  return index;
}

/** A header's letters and digits, without a unit in brackets at the end or a final S ("Caps", "cap", "Cap (x)": CAP). */
const squashed = (h: string) => choiceKey(h.replace(/\([^()]*\)\s*$/, "")).replace(/[^A-Z0-9]|S$/g, "");

/** Optimal string alignment distance: a letter added, dropped or changed, or two neighbours swapped ("Amonut"), count 1 each. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
        a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? d[i - 2][j - 2] + 1 : 9,
      );
  return d[a.length][b.length];
}

/**
 * Whether an unknown header is a near miss of the known header `known`: the same letters and digits
 * once case, accents, spaces, punctuation, a unit in brackets and a final S are set aside ("cap basis",
 * "Caps", "Invested (EUR)"); or, against a known header of 5 letters or more, one edit away (a letter
 * added, dropped, changed or two swapped: "Multipel", "Amonut"), two from 9 letters on.
 * Short headers take no edit, so "Rate" is not read as "Date". Lengths 3 or more apart are never
 * that close (not computed, so a 10,000-character header costs nothing).
 */
function isNearMiss(header: string, known: string): boolean {
  const [u, k] = [squashed(header), squashed(known)];
  return u === k || (k.length > 4 && Math.abs(u.length - k.length) < 3 && editDistance(u, k) <= (k.length > 8 ? 2 : 1));
}

/**
 * Reads a range whose first row holds column headers (matched by name, in any order); returns its
 * non-blank rows, whose cells are read on demand. A header the table does not know is never dropped
 * silently: a near miss of a known header whose column is missing (`isNearMiss`: "Caps" for "Cap")
 * is an error naming both; any other (a note, a total, a column with data and no header) goes to
 * `skipped.columns` for the result's note. A blank header over an empty column is nothing.
 */
export function readHeaderTable<C extends TableColumns>(
  value: unknown,
  name: string,
  columns: C,
  label?: keyof C & string,
  skipped?: Skipped,
): TableRow<C>[] {
  const keys = Object.keys(columns);
  const byHeader = headerIndex(columns);
  const m = readMatrix(value, name);
  if (m.length < 2) throw valueError(`${name} must have a header row and at least one row below it`, name);
  const index = new Map<string, number>();
  const unknown: number[] = [];
  m[0].forEach((h, c) => {
    const key = typeof h === "string" ? byHeader.get(choiceKey(h)) : undefined;
    // A blank header (or 0: an empty cell on some Excel builds) counts only over a column with data.
    if (key === undefined) return void ((!isBlankCell(h, "name") || m.some((r) => r !== m[0] && !isBlankCell(r[c], "name"))) && unknown.push(c));
    if (index.has(key)) throw valueError(`${name} has the column "${columns[key].headers[0]}" twice`, name);
    index.set(key, c);
  });
  const ignored = unknown.map((c) => {
    const h = m[0][c];
    if (isBlankCell(h, "name")) return `column ${c + 1} (no header)`;
    if (typeof h !== "string") return `${describeCell(h)} (column ${c + 1})`;
    for (const key of keys) {
      const near = index.has(key) ? undefined : columns[key].headers.find((x) => isNearMiss(h, x));
      if (near !== undefined) throw valueError(`${name}: column "${h.trim()}" is not one this function reads: did you mean "${near}"?`, name);
    }
    return `"${h.trim()}" (column ${c + 1})`;
  });
  if (skipped !== undefined && ignored.length > 0) skipped.columns = ignored;
  for (const key of keys) {
    if (columns[key].required && !index.has(key)) {
      const found = m[0]
        .filter((h) => !isBlank(h))
        .map((h) => (typeof h === "string" || typeof h === "number" ? `"${String(h)}"` : describeCell(h)))
        .join(", ");
      throw valueError(`${name} must have a column "${columns[key].headers[0]}" in its header row, found ${found || "no headers"}`, name);
    }
  }
  const rows: TableRow<C>[] = [];
  for (let r = 1; r < m.length; r++) {
    const cells = m[r];
    if (isBlankRow([...index.values()].map((c) => cells[c]))) {
      skipped?.push(r + 1); // 1-based row numbers of the range, for a caller that shows them (`ignoredNote`)
      continue;
    }
    const row = r + 1;
    let who: string | undefined;
    const get = <K extends keyof C & string>(key: K): CellValue<C[K]> => {
      const c = index.get(key);
      if (label !== undefined && key !== label && who === undefined) who = get(label) as string;
      const at: CellAt = { table: name, column: columns[key].headers[0], row, who: key === label ? undefined : who };
      return columns[key].read(c === undefined ? undefined : cells[c], at) as CellValue<C[K]>;
    };
    rows.push({ row, get });
  }
  if (rows.length === 0) throw valueError(`${name} must list at least one row below its header`, name);
  return rows;
}

/**
 * A reader of the header table argument `name`: its columns, the column whose cells name the rows
 * (messages then say `of "Series A"`), and how one row becomes a value (`table` is `name`, for its messages).
 */
export function tableReader<C extends TableColumns, T>(
  name: string,
  columns: C,
  label: keyof C & string,
  build: (row: TableRow<C>, table: string) => T,
): (value: unknown, skipped?: Skipped) => T[] {
  return (value, skipped) => readHeaderTable(value, name, columns, label, skipped).map((row) => build(row, name));
}

/** A name given as one cell, or as the first cell of a row or column (see `readText`). */
function readFirstText(value: unknown, name: string): string {
  return readText(Array.isArray(value) ? readVector(value, name)[0] : value, name);
}

const opt = (d: Decimal | undefined, what?: string): CellOutput => (d === undefined ? "" : toCell(d, what));

// ---------------------------------------------------------------- CAPTABLE.PRICEDROUND

/** The pool row CAPTABLE.PRICEDROUND took, and why: named by pool_row, or recognised by its name. */
interface PoolRow {
  readonly index: number;
  readonly holder: string;
  readonly how: "pool_row" | "name";
}

/**
 * The unissued pool among the holders: the one pool_row names, else the one holder named like a pool
 * (`isOptionPoolName`: "Option pool", "Unissued Option Pool", "ESOP", "Pool d'options", "BSPCE"…).
 * Never a guess between two such holders, and never none when the round tops the pool up: both are
 * errors naming pool_row (a pool is not created behind the user's back; add a row with 0 shares).
 */
function findPoolRow(holders: readonly string[], named: string | undefined, toppedUp: boolean): PoolRow | undefined {
  if (named !== undefined) {
    const index = holders.findIndex((h) => holderKey(h) === holderKey(named));
    if (index < 0) throw valueError(`pool_row must be one of the holders, got "${named}"`, "pool_row");
    return { index, holder: holders[index].trim(), how: "pool_row" };
  }
  const found = holders.map((h, index) => ({ index, holder: h.trim() })).filter((h) => isOptionPoolName(h.holder));
  if (found.length > 1) {
    throw valueError(
      `pool_row is needed: ${found.map((h) => `"${h.holder}"`).join(" and ")} ${found.length === 2 ? "both" : "all"} look like the unissued option pool; give pool_row the one to top up`,
      "pool_row",
    );
  }
  if (found.length === 1) return { ...found[0], how: "name" };
  if (toppedUp) {
    throw valueError(
      'pool_row is needed: no holder is named like the unissued option pool ("Option pool", "Unissued option pool", "ESOP", "Pool d\'options"…); ' +
        "give pool_row the pool's holder name, or add a pool row with 0 shares for a new pool",
      "pool_row",
    );
  }
  return undefined;
}

/** The header of CAPTABLE.PRICEDROUND's table (the engine's, `ROUND_TABLE_HEADER`). */
export const ROUND_HEADER: readonly string[] = ROUND_TABLE_HEADER;

/** Header words of the investors table's amount column (an optional unit in brackets follows: "Amount (EUR)", as the model sheet writes it). */
export const INVESTOR_AMOUNT_HEADERS: readonly string[] = [
  "Amount",
  "Amounts",
  "Investment",
  "Investments",
  "Amount invested",
  "Invested",
  "New money",
  "Montant",
  "Montants",
  "Investissement",
  "Investissements",
  "Montant investi",
  "Apport",
];
/** Header words of the investors table's name column. */
export const INVESTOR_NAME_HEADERS: readonly string[] = [
  "Investor",
  "Investors",
  "Name",
  "Holder",
  "Investisseur",
  "Investisseurs",
  "Nom",
  "Détenteur",
];

/** A header cell's words, without a unit in brackets at the end ("Amount (EUR)" -> AMOUNT). */
const headerKey = (v: unknown): string => (typeof v === "string" ? choiceKey(v.replace(/\([^()]*\)\s*$/, "")) : "");

/**
 * The investors table's first row is a header when its amount cell is text and a header word
 * ("Amount", "Amount (EUR)", "Montant"…) or its name cell is one ("Investor", "Investisseur"…).
 * Any other text amount is an error naming its row, never a row dropped as a header.
 */
function isInvestorsHeader(row: readonly unknown[]): boolean {
  const [n, a] = row;
  if (typeof a !== "string" || a.trim() === "") return false;
  const is = (words: readonly string[], v: unknown) => words.some((w) => choiceKey(w) === headerKey(v));
  return is(INVESTOR_AMOUNT_HEADERS, a) || is(INVESTOR_NAME_HEADERS, n);
}

function readInvestors(value: unknown, skipped?: number[]): { name: string; amount: Decimal }[] {
  const m = readMatrix(value, "investors");
  if (m[0].length !== 2) throw valueError(`investors must be two columns (investor, amount), got ${m[0].length} columns`, "investors");
  const start = isInvestorsHeader(m[0]) ? 1 : 0;
  const out: { name: string; amount: Decimal }[] = [];
  for (let r = start; r < m.length; r++) {
    const [n, a] = m[r];
    if (isBlankCell(n, "name") && isBlankCell(a, "name")) {
      skipped?.push(r + 1); // isBlankRow([n, a]), without the array; numbered as the messages below number rows
      continue;
    }
    if (isBlankCell(n, "name") || !(typeof n === "string" || typeof n === "number")) {
      throw valueError(`investors must have a name, got ${describeCell(n)} (row ${r + 1})`, "investors");
    }
    const name = String(n).trim();
    if (typeof a === "string" && a.trim() !== "") {
      // A number typed as text ("5,000,000") is not read as a number, and a first row is a header only by its words.
      const header = r === 0 ? ' (a header row says "Amount" or "Investor")' : "";
      throw valueError(`investors: amount of "${name}" must be a number, got ${describeCell(a)} (row ${r + 1})${header}`, "investors");
    }
    // A number >= 0 reads as readNumber reads it (-0 as 0) and passes its rule; anything else is read (and refused) by readNumber.
    const amount =
      typeof a === "number" && a >= 0 && a < Infinity
        ? new Decimal(a === 0 ? 0 : a)
        : attributed("investors", () => readNumber(a, `investors: amount of "${name}" (row ${r + 1})`, "nonNegative"));
    out.push({ name, amount });
  }
  if (out.length === 0) throw valueError("investors must list at least one investor", "investors");
  return out;
}

const INSTRUMENT_COLUMNS = {
  holder: { headers: ["Holder", "Investor", "Name", "Détenteur", "Investisseur"], required: true, read: nameCell },
  type: { headers: ["Type", "Instrument"], read: choiceCell(INSTRUMENT_KIND) },
  amount: { headers: ["Amount", "Investment", "Purchase amount", "Montant"], required: true, read: numberCell("nonNegative") },
  cap: { headers: ["Cap", "Valuation cap", "Plafond"], read: optionalNumberCell("positive") },
  discount: { headers: ["Discount", "Décote", "Remise"], read: optionalNumberCell("fraction") },
  mfn: { headers: ["MFN"], read: choiceCell(YES_NO) },
  // 0 is blank here: a rate of 0 accrues nothing (the same as none), a date serial 0 is no date.
  rate: { headers: ["Interest rate", "Rate", "Taux"], read: optionalNumberCell("nonNegative", true) },
  start: { headers: ["Start date", "Issue date", "Date d'émission"], read: optionalNumberCell("nonNegative", true) },
  end: { headers: ["Conversion date", "Date de conversion"], read: optionalNumberCell("nonNegative", true) },
  dayCount: { headers: ["Day count", "Base"], read: choiceCell(DAY_COUNT) },
  compounding: { headers: ["Compounding", "Interest", "Capitalisation"], read: choiceCell(COMPOUNDING) },
  capBasis: { headers: ["Cap basis", "Base du plafond"], read: choiceCell(CAP_BASIS) },
} as const;

/**
 * The instruments argument of CAPTABLE.PRICEDROUND: SAFEs and notes converting in the round; a note's
 * dates read as `reading` says (a 30/360 note marks it: ./dateSystem).
 */
export function readInstruments(value: unknown, skipped?: Skipped, reading = new DayReading("1900")): ConvertibleInstrument[] {
  const t = "instruments";
  return readHeaderTable(value, t, INSTRUMENT_COLUMNS, "holder", skipped).map((row): ConvertibleInstrument => {
    const holder = row.get("holder");
    const discount = row.get("discount");
    let amount = row.get("amount");
    const rate = row.get("rate");
    if (rate !== undefined) {
      // A note accrues interest to its conversion date: the converting amount is principal + interest.
      const start = row.get("start");
      const end = row.get("end");
      if (start === undefined || end === undefined) {
        throw valueError(`${t}: "${holder}" has an interest rate: give its Start date and Conversion date columns too`, t);
      }
      const dayCount = row.get("dayCount") ?? "ACT/365";
      if (dayCount === "30/360") reading.calendarDays = true;
      const compounding = row.get("compounding") ?? "SIMPLE";
      const principal = amount;
      amount = attributed(
        t,
        () =>
          principal.plus(
            accruedInterest(principal, rate, yearFraction(reading.day(start.toNumber()), reading.day(end.toNumber()), dayCount), compounding),
          ),
        (message) => `${t}: ${message} (for "${holder}")`,
      );
    }
    return {
      holder,
      kind: row.get("type") ?? "POST_SAFE",
      amount,
      cap: row.get("cap"),
      discount,
      mfn: (row.get("mfn") ?? "NO") === "YES",
      capBasis: row.get("capBasis"),
    };
  });
}

/**
 * The pool_basis and option_rows arguments of CAPTABLE.PRICEDROUND: undefined when both are empty (the
 * default, a target on the unissued pool); otherwise the basis. On "TOTAL", the granted and promised
 * option rows are marked `option` in `holdings` (in place).
 */
function readPoolBasis(
  pool_basis: unknown,
  option_rows: unknown,
  holdings: RoundHolding[],
  hasTarget: boolean,
  skipped?: number[],
): { basis: PoolBasis } | undefined {
  if (isBlank(pool_basis)) {
    if (!isBlank(option_rows))
      throw valueError('option_rows must be empty unless pool_basis is "TOTAL": they count only in the whole pool', "option_rows");
    return undefined;
  }
  const basis = readChoice(pool_basis, "pool_basis", POOL_BASIS, "UNISSUED");
  if (!hasTarget) throw valueError("pool_basis must be empty without a pool_target: it says what the target is measured on", "pool_basis");
  if (basis === "UNISSUED") {
    if (!isBlank(option_rows))
      throw valueError('option_rows must be empty unless pool_basis is "TOTAL": they count only in the whole pool', "option_rows");
    return { basis };
  }
  if (isBlank(option_rows)) {
    throw valueError('option_rows is required when pool_basis is "TOTAL": name the granted and promised option rows of the holders', "option_rows");
  }
  // Holders by key, the first of equal keys (as a scan finds): built once, not one scan of every holder per name (quadratic).
  const byKey = new Map<string, number>();
  holdings.forEach((h, i) => {
    const key = holderKey(h.holder);
    if (!byKey.has(key)) byKey.set(key, i);
  });
  readVector(option_rows, "option_rows").forEach((v, i) => {
    if (isBlankCell(v, "name")) {
      skipped?.push(i + 1);
      return;
    }
    const name = readText(v, `option_rows (cell ${i + 1})`);
    const index = byKey.get(holderKey(name)) ?? -1;
    if (index < 0) throw valueError(`option_rows must name holders, got "${name.trim()}"`, "option_rows");
    if (holdings[index].pool)
      throw valueError(`option_rows must not name the unissued pool row ("${name.trim()}"): it counts already`, "option_rows");
    holdings[index] = { ...holdings[index], option: true };
  });
  return { basis };
}

/** The columns of CAPTABLE.ANTIDILUTION's classes table, which CAPTABLE.PRICEDROUND's antidilution argument reads too. */
const ANTIDILUTION_CLASS_COLUMNS = {
  name: { headers: ["Class", "Name", "Classe", "Catégorie"], required: true, read: nameCell },
  shares: { headers: ["Shares", "Actions"], required: true, read: numberCell("nonNegative") },
  oip: { headers: ["Original issue price", "Issue price", "Original price", "Prix d'émission"], read: optionalNumberCell("positive") },
  cp: { headers: ["Conversion price", "Prix de conversion"], read: optionalNumberCell("positive") },
};

export const ROUND_ANTIDILUTION_HEADER = [
  "Anti-dilution",
  "Method",
  "Conversion price before",
  "Conversion price after",
  "Conversion ratio before",
  "Conversion ratio after",
  "Shares added",
  "Adjusted",
];

/** The antidilution argument of CAPTABLE.PRICEDROUND: CAPTABLE.ANTIDILUTION's classes table, with a Method per class. */
const readRoundAntiDilution = tableReader(
  "antidilution",
  {
    ...ANTIDILUTION_CLASS_COLUMNS,
    // Inside a round every listed class is adjusted, so each needs its original issue price.
    oip: { ...ANTIDILUTION_CLASS_COLUMNS.oip, required: true, read: numberCell("positive") },
    method: { headers: ["Method", "Anti-dilution", "Méthode", "Antidilution"], read: choiceCell(ANTIDILUTION_METHOD) },
  },
  "name",
  (row): RoundAntiDilutionClass => ({
    name: row.get("name"),
    shares: row.get("shares"),
    originalIssuePrice: row.get("oip"),
    conversionPrice: row.get("cp"),
    method: row.get("method") ?? "BROAD",
  }),
);

/** The first arguments of CAPTABLE.PRICEDROUND, read in order (both paths): the cap table, the pool terms and the pool row. */
function readRoundHoldings(holders: unknown, shares: unknown, pool_target: unknown, pool_increase: unknown, pool_row: unknown, skipped: number[]) {
  const table = readCapTable(holders, shares, skipped);
  // 0 is blank for both (an empty cell on some Excel builds, cells.ts): a pool of 0% or 0 more shares asks for nothing.
  const target = readOptionalNumber(pool_target, "pool_target", "fractionBelowOne", true);
  const increase = readOptionalNumber(pool_increase, "pool_increase", "nonNegative", true);
  if (target !== undefined && increase !== undefined)
    throw valueError("pool_increase must be empty when pool_target is given: give one or the other", "pool_increase");
  const pool = findPoolRow(
    table.map((h) => h.holder),
    isBlankCell(pool_row, "name") ? undefined : readFirstText(pool_row, "pool_row"),
    target !== undefined || increase !== undefined,
  );
  const holdings: RoundHolding[] = table.map((h, i) => ({ holder: h.holder, shares: h.shares, pool: i === pool?.index }));
  // The pool row as the table's summary shows it.
  const poolRow = {
    holder: pool === undefined ? "(none)" : pool.holder,
    how: pool === undefined ? "" : pool.how === "pool_row" ? "named by pool_row" : "recognised by its name",
  };
  return { target, increase, holdings, poolRow };
}

/**
 * CAPTABLE.PRICEDROUND: the fast path for a long list of new investors with whole amounts (see
 * `roundWhole`), else the checked path.
 */
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
  pool_basis?: any,
  option_rows?: any,
  antidilution?: any,
): CellOutput[][] | Promise<CellOutput[][]> {
  return (
    roundWhole(
      holders,
      shares,
      pre_money,
      investors,
      pool_target,
      instruments,
      rounding,
      pool_row,
      pool_increase,
      pool_basis,
      option_rows,
      antidilution,
    ) ??
    // A note's 30/360 dates in the workbook's date system (./dateSystem); roundWhole takes no instruments.
    inWorkbookDateSystem(
      (reading) =>
        roundChecked(
          holders,
          shares,
          pre_money,
          investors,
          pool_target,
          instruments,
          rounding,
          pool_row,
          pool_increase,
          pool_basis,
          option_rows,
          antidilution,
          reading,
        ),
      "the instruments' Start date and Conversion date",
    )
  );
}

/** CAPTABLE.PRICEDROUND through the general readers and the engine's whole table: any input, every error worded. */
export function roundChecked(
  holders: any,
  shares: any,
  pre_money: any,
  investors: any,
  pool_target: any,
  instruments: any,
  rounding: any,
  pool_row: any,
  pool_increase: any,
  pool_basis?: any,
  option_rows?: any,
  antidilution?: any,
  reading = new DayReading("1900"),
): CellOutput[][] {
  const skipped = {
    holders: [] as number[],
    investors: [] as number[],
    instruments: [] as number[],
    optionRows: [] as number[],
    antidilution: [] as number[],
  };
  const { target, increase, holdings, poolRow } = readRoundHoldings(holders, shares, pool_target, pool_increase, pool_row, skipped.holders);
  const basis = readPoolBasis(pool_basis, option_rows, holdings, target !== undefined, skipped.optionRows);
  const round = pricedRound({
    holdings,
    preMoney: readNumber(pre_money, "pre_money", "positive"),
    investors: readInvestors(investors, skipped.investors),
    pool: target !== undefined ? { target, basis: basis?.basis } : increase !== undefined ? { increase } : undefined,
    instruments: isBlankCell(instruments, "table") ? [] : readInstruments(instruments, skipped.instruments, reading),
    rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
    antiDilution: isBlankCell(antidilution, "table") ? undefined : readRoundAntiDilution(antidilution, skipped.antidilution),
  });
  // One layout for the function and the model sheet: the engine's `pricedRoundTable`.
  // "% after" = shares after / post-money shares (`ownershipAfter`), in doubles where that is the same double (`ownershipCells`).
  const ownershipOf = ownershipCells(round.postMoneyShares);
  const laidOut = pricedRoundTable(round, poolRow, ownershipOf);
  // Decimals become cells in place (the table is new): a table's cells are Decimals, texts and numbers.
  for (const r of laidOut) for (let c = 0; c < r.length; c++) if (typeof r[c] === "object") r[c] = toCell(r[c] as Decimal);
  const rows = laidOut as CellOutput[][];
  if (basis !== undefined) {
    // Shown only when pool_basis is given: the layout of existing sheets does not change.
    rows.push(["Pool target basis", basis.basis === "TOTAL" ? "Whole pool (granted, promised and unissued)" : "Unissued pool"]);
    rows.push(["Pool after the round (% of post-money)", toCell(round.poolAfter.div(round.postMoneyShares))]);
  }
  if (round.antiDilution.length > 0) {
    // Shown only when antidilution is given: one row per class, below everything else.
    rows.push([...ROUND_ANTIDILUTION_HEADER]);
    for (const a of round.antiDilution) {
      rows.push([
        a.name,
        a.method,
        toCell(a.conversionPriceBefore),
        toCell(a.conversionPriceAfter),
        toCell(a.ratioBefore),
        toCell(a.ratioAfter),
        toCell(a.shares),
        a.adjusted,
      ]);
    }
  }
  return withIgnoredNote(rows, [
    { unit: "row", of: "holders", at: skipped.holders },
    { unit: "row", of: "investors", at: skipped.investors },
    { unit: "row", of: "instruments", at: skipped.instruments },
    { unit: "cell", of: "option_rows", at: skipped.optionRows },
    { unit: "row", of: "antidilution", at: skipped.antidilution },
  ]);
}

/**
 * CAPTABLE.PRICEDROUND for the everyday long round, without a Decimal per investor: no instruments,
 * anti-dilution classes, pool_basis or option_rows; investors a two-column range (a header row allowed,
 * empty rows skipped as the checked path skips them) of text names, each new (no holder's name, no
 * other investor's, not "Option pool"), and whole amounts from 0 to 2^53 - 1 with a whole total; a
 * rounding other than "NONE". Anything else returns undefined, and the checked path reads it (and words
 * the errors); every argument the checked path reads before the investors is read here by the same
 * readers in the same order, so an error they throw is its error.
 *
 * Same cells to the last bit (test/functions/wholeCounts.test.ts compares both paths):
 * - the engine depends on the investors only through the new money (their sum) until the price per
 *   share: it is given one investor with that sum (exact: whole numbers with a total up to 2^53 - 1),
 *   so price, pre-money shares, pool increase and every holder's row are the checked path's;
 * - each investor's shares are `roundShares(amount / price)` (`wholeSharesAt`, which proves it), their
 *   sum is exact, and post-money shares = pre-money shares + that sum, as the engine adds them;
 * - an investor's row is what the engine makes of a new name: shares before 0, issued = after = its
 *   shares, "% after" by `ownershipOfCounts` (the `ownershipCells` figure), pro rata investment 0 (no
 *   pre-money position), no conversion terms; the rows of new names follow the holders' and come
 *   before a created pool row.
 */
export function roundWhole(
  holders: unknown,
  shares: unknown,
  pre_money: unknown,
  investors: unknown,
  pool_target: unknown,
  instruments: unknown,
  rounding: unknown,
  pool_row: unknown,
  pool_increase: unknown,
  pool_basis?: unknown,
  option_rows?: unknown,
  antidilution?: unknown,
): CellOutput[][] | undefined {
  if (!isBlankCell(instruments, "table") || !isBlankCell(antidilution, "table") || !isBlank(pool_basis) || !isBlank(option_rows)) return undefined;
  // The investors, read without a Decimal each: anything unusual is the checked path's.
  if (!Array.isArray(investors) || investors.length === 0) return undefined;
  const m = investors as unknown[][];
  for (const row of m) if (!Array.isArray(row) || row.length !== 2) return undefined;
  const names: string[] = [];
  const keys: string[] = [];
  const amounts: number[] = [];
  const skippedInvestors: number[] = [];
  const investorKeys = new Set<string>();
  let newMoney = 0;
  for (let r = isInvestorsHeader(m[0]) ? 1 : 0; r < m.length; r++) {
    const n = m[r][0];
    const a = m[r][1];
    if (isBlankCell(n, "name") && isBlankCell(a, "name")) {
      skippedInvestors.push(r + 1);
      continue;
    }
    if (typeof n !== "string" || !isWholeCount(a)) return undefined;
    const name = n.trim();
    const key = holderKey(name);
    if (key === "" || investorKeys.has(key)) return undefined;
    investorKeys.add(key);
    names.push(name);
    keys.push(key);
    amounts.push(a === 0 ? 0 : a);
    newMoney += a;
  }
  if (names.length === 0 || newMoney > MAX_WHOLE || investorKeys.has(holderKey("Option pool"))) return undefined;

  const skippedHolders: number[] = [];
  const { target, increase, holdings, poolRow } = readRoundHoldings(holders, shares, pool_target, pool_increase, pool_row, skippedHolders);
  const preMoney = readNumber(pre_money, "pre_money", "positive");
  const policy = readChoice(rounding, "rounding", ROUNDING, "DOWN");
  if (policy === "NONE" || holdings.some((h) => investorKeys.has(holderKey(h.holder)))) return undefined;
  const round = pricedRound({
    holdings,
    preMoney,
    investors: [{ name: names[0], amount: new Decimal(newMoney) }],
    pool: target !== undefined ? { target } : increase !== undefined ? { increase } : undefined,
    instruments: [],
    rounding: policy,
  });
  const sharesFor = wholeSharesAt(round.pricePerShare, policy);
  const bought: number[] = new Array(amounts.length);
  let newMoneyShares = 0;
  for (let i = 0; i < amounts.length; i++) {
    const s = sharesFor(amounts[i]);
    if (s === undefined) return undefined;
    bought[i] = s;
    newMoneyShares += s;
  }
  if (newMoneyShares > MAX_WHOLE) return undefined;
  const postMoneyShares = round.preMoneyShares.plus(newMoneyShares);
  // The one investor's row (after the holders') left out: the investors' rows are laid out below.
  const h = holdings.length;
  const laidOut = pricedRoundTable(
    {
      ...round,
      rows: round.rows.filter((_, i) => i !== h),
      newMoneyShares: new Decimal(newMoneyShares),
      postMoneyShares,
      postMoneyAtRoundPrice: round.pricePerShare.times(postMoneyShares),
    },
    poolRow,
    ownershipCells(postMoneyShares),
  );
  for (const r of laidOut) for (let c = 0; c < r.length; c++) if (typeof r[c] === "object") r[c] = toCell(r[c] as Decimal);
  const ownershipOf = ownershipOfCounts(postMoneyShares);
  const rows: CellOutput[][] = new Array(laidOut.length + names.length);
  for (let i = 0; i <= h; i++) rows[i] = laidOut[i] as CellOutput[];
  for (let i = 0; i < names.length; i++) rows[h + 1 + i] = [names[i], 0, bought[i], bought[i], ownershipOf(bought[i]), 0, "", "", "", "", ""];
  for (let i = h + 1; i < laidOut.length; i++) rows[names.length + i] = laidOut[i] as CellOutput[];
  return withIgnoredNote(rows, [
    { unit: "row", of: "holders", at: skippedHolders },
    { unit: "row", of: "investors", at: skippedInvestors },
  ]);
}

// ---------------------------------------------------------------- CAPTABLE.SAFE and CAPTABLE.CONVERTNOTE

/** The rows CAPTABLE.SAFE and CAPTABLE.CONVERTNOTE share: shares, the price they convert at and the prices it was chosen from. */
function conversionRows(r: ConversionPrices & { readonly shares: Decimal }): CellOutput[][] {
  return [
    ["Shares", toCell(r.shares)],
    ["Conversion price", toCell(r.price)],
    ["Converts at", r.term],
    ["Cap price", opt(r.capPrice)],
    ["Discount price", opt(r.discountPrice)],
    ["Round price", toCell(r.roundPrice)],
  ];
}

export function safeCells(
  investment: any,
  cap: any,
  discount: any,
  round_price: any,
  capitalization: any,
  basis: any,
  rounding: any,
  capitalization_basis: any,
): CellOutput[][] {
  const safeBasis = readChoice(basis, "basis", SAFE_BASIS, "POST");
  const r = convertSafe({
    amount: readNumber(investment, "investment", "nonNegative"),
    cap: readOptionalNumber(cap, "cap", "positive"),
    discount: readOptionalNumber(discount, "discount", "fraction"),
    roundPrice: readNumber(round_price, "round_price", "positive"),
    capitalization: readOptionalNumber(capitalization, "capitalization", "positive"),
    basis: safeBasis,
    capitalizationBasis: readChoice(capitalization_basis, "capitalization_basis", SAFE_CAPITALIZATION, defaultSafeCapitalizationBasis(safeBasis)),
    rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
  });
  return [
    ["", "SAFE"],
    ...conversionRows(r),
    ["Ownership of the capitalization", toCell(r.ownership)],
    ["Capitalization basis", r.capitalizationBasis === "INCLUDING" ? "INCLUDING this SAFE's shares" : "EXCLUDING this SAFE's shares"],
    ["Share rounding", r.rounding],
  ];
}

function readSerial(value: any, name: string): number {
  const d = readNumber(value, name, "nonNegative");
  return d.toNumber();
}

/** CAPTABLE.NOTE; with a 30/360 count, its dates in the workbook's date system (./dateSystem). */
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
): CellOutput[][] | Promise<CellOutput[][]> {
  return inWorkbookDateSystem((reading) => {
    // Read in the order of the arguments, as before: the first bad one is the one named.
    const p = readNumber(principal, "principal", "nonNegative");
    const rate = readNumber(interest_rate, "interest_rate", "nonNegative");
    const start = readSerial(start_date, "start_date");
    const end = readSerial(conversion_date, "conversion_date");
    const roundPrice = readNumber(round_price, "round_price", "positive");
    const c = readOptionalNumber(cap, "cap", "positive");
    const d = readOptionalNumber(discount, "discount", "fraction");
    const cz = readOptionalNumber(capitalization, "capitalization", "positive");
    const dayCount = readChoice(day_count, "day_count", DAY_COUNT, "ACT/365");
    if (dayCount === "30/360") reading.calendarDays = true;
    const r = convertNote({
      principal: p,
      rate,
      startDate: reading.day(start),
      conversionDate: reading.day(end),
      roundPrice,
      cap: c,
      discount: d,
      capitalization: cz,
      dayCount,
      compounding: readChoice(compounding, "compounding", COMPOUNDING, "SIMPLE"),
      rounding: readChoice(rounding, "rounding", ROUNDING, "DOWN"),
    });
    return [
      ["", "Note"],
      ["Years accrued", toCell(r.years)],
      ["Accrued interest", toCell(r.interest)],
      ["Converting amount", toCell(r.convertingAmount)],
      ...conversionRows(r),
      ["Day count", r.dayCount],
      ["Interest", r.compounding],
      ["Share rounding", r.rounding],
    ];
  }, "start_date and conversion_date");
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

/** The classes argument of CAPTABLE.ANTIDILUTION: preferred classes and their prices. */
const readAntiDilutionClasses = tableReader("classes", ANTIDILUTION_CLASS_COLUMNS, "name", (row) => ({
  name: row.get("name"),
  shares: row.get("shares"),
  originalIssuePrice: row.get("oip"),
  conversionPrice: row.get("cp"),
}));

export function antiDilutionCells(classes: any, new_price: any, new_shares: any, method: any, shares_outstanding: any): CellOutput[][] {
  const skipped: number[] = [];
  const r = antiDilution(
    readAntiDilutionClasses(classes, skipped),
    readNumber(new_price, "new_price", "positive"),
    readNumber(new_shares, "new_shares", "nonNegative"),
    readChoice(method, "method", ANTIDILUTION_METHOD, "BROAD"),
    readOptionalNumber(shares_outstanding, "shares_outstanding", "nonNegative"),
  );
  const rows: CellOutput[][] = [
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
  return withIgnoredNote(rows, [{ unit: "row", of: "classes", at: skipped }]);
}

// ---------------------------------------------------------------- CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS

/** The classes argument of CAPTABLE.WATERFALL and CAPTABLE.BREAKPOINTS: share classes and their terms. */
export const readClasses = tableReader(
  "classes",
  {
    name: { headers: ["Class", "Name", "Classe", "Catégorie"], required: true, read: nameCell },
    shares: { headers: ["Shares", "Actions", "Number"], required: true, read: numberCell("nonNegative") },
    invested: { headers: ["Invested", "Investment", "Invested capital", "Montant investi", "Investi"], read: optionalNumberCell("nonNegative") },
    multiple: {
      headers: ["Preference", "Preference multiple", "Liquidation preference", "Multiple", "Préférence"],
      read: optionalNumberCell("nonNegative"),
    },
    seniority: { headers: ["Seniority", "Rank", "Rang", "Séniorité"], read: optionalNumberCell("positive") },
    participation: { headers: ["Participation", "Participating"], read: choiceCell(PARTICIPATION) },
    cap: { headers: ["Cap", "Participation cap", "Cap multiple", "Plafond"], read: optionalNumberCell("positive") },
    ratio: { headers: ["Conversion ratio", "Ratio", "Ratio de conversion"], read: optionalNumberCell("positive") },
    strike: { headers: ["Strike", "Exercise price", "Prix d'exercice"], read: optionalNumberCell("nonNegative") },
  },
  "name",
  (row, t): ShareClass => {
    const name = row.get("name");
    const seniority = row.get("seniority");
    if (seniority !== undefined && !seniority.isInteger()) {
      throw valueError(`${t}: Seniority of "${name}" must be a whole number from 1 (most senior), got ${seniority.toString()}`, t);
    }
    const cap = row.get("cap");
    const given = row.get("participation");
    // A Cap is read only with CAPPED (or a blank Participation, then CAPPED): never ignored (NONE), nor turning FULL into another word.
    if (given !== undefined && given !== "CAPPED" && cap !== undefined) {
      throw valueError(`${t}: Cap of "${name}" must be empty unless its Participation is "CAPPED", got ${cap.toString()} with "${given}"`, t);
    }
    const participation = given ?? (cap !== undefined ? "CAPPED" : "NONE");
    const multiple = row.get("multiple");
    const invested = row.get("invested");
    return {
      name,
      shares: row.get("shares"),
      invested,
      // No multiple, no preference: invested capital alone only feeds the multiple on invested capital.
      preferenceMultiple: multiple,
      seniority: seniority?.toNumber(),
      participation,
      capMultiple: cap,
      conversionRatio: row.get("ratio"),
      strike: row.get("strike"),
    };
  },
);

/** The holdings argument of CAPTABLE.WATERFALL: who holds how many shares of which class. */
export const readHoldings = tableReader(
  "holdings",
  {
    holder: { headers: ["Holder", "Name", "Investor", "Détenteur"], required: true, read: nameCell },
    class: { headers: ["Class", "Classe", "Catégorie"], required: true, read: nameCell },
    shares: { headers: ["Shares", "Actions"], required: true, read: numberCell("nonNegative") },
  },
  "holder",
  (row): HolderPosition => ({ holder: row.get("holder"), className: row.get("class"), shares: row.get("shares") }),
);

/** What comes off the exit value before equity: the optional net_debt, transaction_costs and other_claims arguments. */
export function readExitCosts(net_debt: unknown, transaction_costs: unknown, other_claims: unknown): Omit<ExitInput, "enterpriseValue"> {
  return {
    netDebt: readOptionalNumber(net_debt, "net_debt"),
    transactionCosts: readOptionalNumber(transaction_costs, "transaction_costs", "nonNegative"),
    otherClaims: readOptionalNumber(other_claims, "other_claims"),
  };
}

/** The last column of the multi-exit layout: which preferred classes convert to common at that exit value. */
export const SENSITIVITY_CONVERTS = "Converts";

/**
 * The classes that convert to common at an exit (the "Converts" decision of the one-exit layout), in
 * input order, separated by ", "; "None" when every preferred class keeps its preference (or there is
 * no preferred class). Options exercising are not conversions: the one-exit layout says "Exercised".
 */
export function convertingClasses(r: WaterfallResult): string {
  const names = r.classes.filter((c) => c.converted).map((c) => c.name);
  return names.length === 0 ? "None" : names.join(", ");
}

export const WATERFALL_HEADER = ["Class", "Shares", "Preference", "Participation", "Total", "Per share", "Multiple on invested", "Decision"];

export function waterfallCells(
  classes: any,
  exit_values: any,
  net_debt: any,
  transaction_costs: any,
  holdings: any,
  other_claims: any,
): CellOutput[][] {
  const skippedClasses: number[] = [];
  const cls = readClasses(classes, skippedClasses);
  const w = new Waterfall(cls);
  const costs = readExitCosts(net_debt, transaction_costs, other_claims);
  const cells = readVector(exit_values, "exit_value");
  const kept = withoutTrailingBlanks(cells);
  // Every cell left out is shown in the note below: blanks anywhere, and 0s after the last exit value.
  const skippedExits: number[] = [];
  const exits: { v: CellScalar; at: number }[] = [];
  cells.forEach((v, i) => (i >= kept.length || isBlank(v) ? skippedExits.push(i + 1) : exits.push({ v, at: i + 1 })));
  if (exits.length === 0) throw valueError("exit_value is required, got an empty cell", "exit_value");
  const values = exits.map(({ v, at }) => readNumber(v, exits.length === 1 ? "exit_value" : `exit_value (cell ${at})`));
  const skippedHoldings: number[] = [];
  const positions = isBlankCell(holdings, "table") ? undefined : readHoldings(holdings, skippedHoldings);
  const ignored: Ignored[] = [
    { unit: "cell", of: "exit_value", at: skippedExits },
    { unit: "row", of: "classes", at: skippedClasses },
    { unit: "row", of: "holdings", at: skippedHoldings },
  ];
  if (values.length > 1) {
    // A sensitivity: one row per exit value, one column per class (per holder when holdings are given),
    // then the "Converts" column last (so the positions of the columns before it never move).
    const header: CellOutput[] = [
      "Exit value",
      "Proceeds to equity",
      ...(positions === undefined ? w.classNames : positions.map((p) => p.holder)),
      SENSITIVITY_CONVERTS,
    ];
    const table: CellOutput[][] = [
      header,
      ...values.map((ev) => {
        const r = w.atExit({ enterpriseValue: ev, ...costs });
        const totals = positions === undefined ? r.classes.map((c) => c.total) : payoutsByHolder(r, positions).map((h) => h.total);
        return [toCell(ev), toCell(r.proceeds), ...totals.map((t) => toCell(t)), convertingClasses(r)];
      }),
    ];
    return withIgnoredNote(table, ignored);
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
      classOutcome(c, cls[i]),
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
  return withIgnoredNote(rows, ignored);
}

export const BREAKPOINTS_HEADER = ["Exit value", "Proceeds to equity", "Residual per share", "Event"];

export function breakpointsCells(classes: any, net_debt: any, transaction_costs: any, other_claims: any): CellOutput[][] {
  const skipped: number[] = [];
  const w = new Waterfall(readClasses(classes, skipped));
  const costs = readExitCosts(net_debt, transaction_costs, other_claims);
  const points = w.breakpoints();
  const rows: CellOutput[][] = [[...BREAKPOINTS_HEADER]];
  for (const b of points) rows.push([toCell(exitValueForProceeds(b.proceeds, costs)), toCell(b.proceeds), toCell(b.residualPerShare), b.event]);
  if (points.length === 0) rows.push(["", "", "", "No breakpoint: every class shares pro rata from the first euro"]);
  return withIgnoredNote(rows, [{ unit: "row", of: "classes", at: skipped }]);
}

// ---------------------------------------------------------------- CAPTABLE.FDSHARES and CAPTABLE.TENDER

const FD_METHOD = FD_METHOD_WORDS.words;

/**
 * CAPTABLE.FDSHARES: the fast path for the everyday call (see `fdSharesFast`), else the checked path,
 * which reads every argument with the general readers and words every error.
 */
export function fdSharesCell(basic_shares: any, options: any, strikes: any, share_price: any, method: any): number {
  return fdSharesFast(basic_shares, options, strikes, share_price, method) ?? fdSharesChecked(basic_shares, options, strikes, share_price, method);
}

/** CAPTABLE.FDSHARES through the general readers: any input, every error worded. */
export function fdSharesChecked(basic_shares: any, options: any, strikes: any, share_price: any, method: any): number {
  const counts = isBlankCell(options, "table") ? [] : readVector(options, "options");
  const ks = isBlankCell(strikes, "table") ? [] : readVector(strikes, "strikes");
  if (counts.length !== ks.length)
    throw valueError(`options and strikes must be ranges of the same size, got ${counts.length} and ${ks.length}`, "strikes");
  const grants: OptionGrant[] = [];
  counts.forEach((c, i) => {
    if (isBlankRow([c, ks[i]])) return;
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

/** The length of a one-row or one-column range, or undefined for anything else (the checked path then reads it). */
function vectorLength(m: unknown): number | undefined {
  if (!Array.isArray(m) || m.length === 0) return undefined;
  if (m.length === 1) return Array.isArray(m[0]) && m[0].length > 0 ? m[0].length : undefined;
  for (let i = 0; i < m.length; i++) if (!Array.isArray(m[i]) || m[i].length !== 1) return undefined;
  return m.length;
}

const isFiniteNonNegative = (v: unknown): v is number => typeof v === "number" && v >= 0 && v < Infinity;

/**
 * FDSHARES without the general readers, for the everyday call: basic_shares a number >= 0; options
 * and strikes both omitted, or ranges of one row or column of the same length holding numbers >= 0
 * (a pair of empty cells skipped); share_price a number > 0 (unless method is "ALL"). Anything else
 * returns undefined, and the checked path reads it and words the error; a bad method keyword throws
 * here the error the checked path throws, as every argument it reads first is valid.
 *
 * Same figure to the last bit: the Decimals are built from the same numbers as `readNumber` builds
 * them (-0 as 0), and `treasuryStockMethodShares` / `allInShares` perform the operations of
 * `treasuryStockShares` in the same order (test/functions/fastPaths.test.ts compares both paths).
 */
export function fdSharesFast(basic_shares: unknown, options: unknown, strikes: unknown, share_price: unknown, method: unknown): number | undefined {
  if (!isFiniteNonNegative(basic_shares)) return undefined;
  const grants: OptionGrant[] = [];
  if (!(options === null || options === undefined) || !(strikes === null || strikes === undefined)) {
    const n = vectorLength(options);
    if (n === undefined || n !== vectorLength(strikes)) return undefined;
    const os = options as unknown[][];
    const ks = strikes as unknown[][];
    for (let i = 0; i < n; i++) {
      const c = os.length === 1 ? os[0][i] : os[i][0];
      const k = ks.length === 1 ? ks[0][i] : ks[i][0];
      if (isFiniteNonNegative(c) && isFiniteNonNegative(k)) {
        grants.push({ count: new Decimal(c === 0 ? 0 : c), strike: new Decimal(k === 0 ? 0 : k) });
      } else if (!((c === null || c === undefined) && (k === null || k === undefined))) {
        return undefined;
      }
    }
  }
  const how =
    method === null || method === undefined
      ? "TSM"
      : typeof method === "string" && Object.prototype.hasOwnProperty.call(FD_METHOD, method)
        ? FD_METHOD[method]
        : readChoice(method, "method", FD_METHOD, "TSM");
  const basic = new Decimal(basic_shares === 0 ? 0 : basic_shares);
  if (how === "ALL") return toCell(allInShares(basic, grants));
  if (typeof share_price !== "number" || !(share_price > 0 && share_price < Infinity)) return undefined;
  return toCell(treasuryStockMethodShares(basic, grants, new Decimal(share_price)));
}

export const TENDER_HEADER = ["Holder", "Shares before", "% before", "Shares sold", "Shares bought", "Shares after", "% after", "Cash"];

/** CAPTABLE.TENDER: the fast path for whole share counts (see `tenderWhole`), else the checked path. */
export function tenderCells(holders: any, shares: any, sellers: any, shares_sold: any, buyer: any, price: any, round_price: any): CellOutput[][] {
  return (
    tenderWhole(holders, shares, sellers, shares_sold, buyer, price, round_price) ??
    tenderChecked(holders, shares, sellers, shares_sold, buyer, price, round_price)
  );
}

/** A whole share count below 10^12: where the engine compares counts exactly (`sameShareCount`, src/engine/shares.ts). */
const isWholeBelowTrillion = (v: unknown): v is number => isWholeCount(v) && v < 1e12;

/** Cell i of a one-row or one-column range (`vectorLength`), as `readVector` reads it. */
const vectorCell = (m: unknown[][], i: number): unknown => (m.length === 1 ? m[0][i] : m[i][0]);

/**
 * CAPTABLE.TENDER in doubles, for the everyday tender: holders, shares, sellers and shares_sold
 * ranges of one row or column (empty rows skipped as the checked path skips them), names as text,
 * unique holders, every seller a holder other than the buyer, whole share counts below 10^12 that no
 * seller exceeds, a total up to 2^53 - 1 and above 0; buyer a text, price a number >= 0, round_price
 * empty or a number > 0. Anything else returns undefined, and the checked path reads it (and words
 * the errors).
 *
 * Same cells to the last bit (test/functions/wholeCounts.test.ts compares both paths): below 10^12
 * the engine compares whole counts exactly (`sameShareCount`); sums and differences of whole counts
 * with a total up to 2^53 - 1 are exact in doubles; ownership is `fractionOfWholeShares` (as
 * `ownershipCells`), cash `wholeTimesCell`; the three summary figures are the engine's own Decimals.
 */
export function tenderWhole(
  holders: unknown,
  shares: unknown,
  sellers: unknown,
  shares_sold: unknown,
  buyer: unknown,
  price: unknown,
  round_price: unknown,
): CellOutput[][] | undefined {
  const n = vectorLength(holders);
  const k = vectorLength(sellers);
  if (n === undefined || n !== vectorLength(shares) || k === undefined || k !== vectorLength(shares_sold)) return undefined;
  if (typeof buyer !== "string" || typeof price !== "number" || !(price >= 0 && price < Infinity)) return undefined;
  const blankRound = isBlankCell(round_price, "positive");
  if (!blankRound && !(typeof round_price === "number" && round_price > 0 && round_price < Infinity)) return undefined;
  const buyerName = buyer.trim();
  const buyerKey = holderKey(buyerName);
  if (buyerKey === "") return undefined;
  const hs = holders as unknown[][];
  const ss = shares as unknown[][];
  const names: string[] = [];
  const counts: number[] = [];
  const skippedHolders: number[] = [];
  const indexByKey = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = vectorCell(hs, i);
    const s = vectorCell(ss, i);
    if (isBlankCell(h, "name") && isBlankCell(s, "name")) {
      skippedHolders.push(i + 1);
      continue;
    }
    if (typeof h !== "string" || !isWholeBelowTrillion(s)) return undefined;
    const name = h.trim();
    const key = holderKey(name);
    if (key === "" || indexByKey.has(key)) return undefined;
    indexByKey.set(key, names.length);
    names.push(name);
    counts.push(s === 0 ? 0 : s);
    total += s;
  }
  if (!(total > 0 && total <= MAX_WHOLE)) return undefined;
  const sold: number[] = new Array<number>(names.length).fill(0);
  const skippedSellers: number[] = [];
  const ns = sellers as unknown[][];
  const cs = shares_sold as unknown[][];
  let sales = 0;
  for (let j = 0; j < k; j++) {
    const who = vectorCell(ns, j);
    const c = vectorCell(cs, j);
    if (isBlankCell(who, "name") && isBlankCell(c, "name")) {
      skippedSellers.push(j + 1);
      continue;
    }
    if (typeof who !== "string" || !isWholeBelowTrillion(c)) return undefined;
    const key = holderKey(who.trim());
    const i = indexByKey.get(key);
    if (i === undefined || key === buyerKey) return undefined;
    // Both below 10^12: exact, and compared exactly as `sameShareCount` compares them.
    const soldNow = sold[i] + c;
    if (soldNow > counts[i]) return undefined;
    sold[i] = soldNow;
    sales++;
  }
  if (sales === 0) return undefined;
  let moved = 0;
  for (let i = 0; i < sold.length; i++) moved += sold[i];
  const priceD = new Decimal(price === 0 ? 0 : price);
  const cash = wholeTimesCell(priceD);
  const ownershipOf = (c: number): number => fractionOfWholeShares(c, total);
  const buyerIndex = indexByKey.get(buyerKey);
  const rows: CellOutput[][] = [[...TENDER_HEADER]];
  for (let i = 0; i < names.length; i++) {
    const out = sold[i];
    const bought = i === buyerIndex ? moved : 0;
    const after = counts[i] - out + bought;
    rows.push([names[i], counts[i], ownershipOf(counts[i]), out, bought, after, ownershipOf(after), cash(out - bought)]);
  }
  if (buyerIndex === undefined) rows.push([buyerName, 0, 0, 0, moved, moved, ownershipOf(moved), cash(-moved)]);
  const movedD = new Decimal(moved);
  rows.push(["Shares moved", moved]);
  rows.push(["Consideration", toCell(movedD.times(priceD))]);
  rows.push([
    "Premium (+) / discount (-) to the round price",
    blankRound ? "" : toCell(premiumToRoundPrice(priceD, new Decimal(round_price as number))),
  ]);
  return withIgnoredNote(rows, [
    { unit: "row", of: "holders", at: skippedHolders },
    { unit: "cell", of: "sellers", at: skippedSellers },
  ]);
}

/** CAPTABLE.TENDER through the general readers and the engine: any input, every error worded. */
export function tenderChecked(holders: any, shares: any, sellers: any, shares_sold: any, buyer: any, price: any, round_price: any): CellOutput[][] {
  const skippedHolders: number[] = [];
  const table = readCapTable(holders, shares, skippedHolders);
  const names = readVector(sellers, "sellers");
  const counts = readVector(shares_sold, "shares_sold");
  if (names.length !== counts.length)
    throw valueError(`sellers and shares_sold must be ranges of the same size, got ${names.length} and ${counts.length}`, "shares_sold");
  const sales: TenderSale[] = [];
  const skippedSellers: number[] = [];
  names.forEach((n, i) => {
    if (isBlankRow([n, counts[i]])) {
      skippedSellers.push(i + 1);
      return;
    }
    if (isBlankCell(n, "name")) throw valueError(`sellers must not be empty where shares_sold is given (cell ${i + 1})`, "sellers");
    const seller = readText(n, `sellers (cell ${i + 1})`);
    sales.push({ seller, shares: readNumber(counts[i], `shares_sold of "${seller}"`, "nonNegative") });
  });
  if (isBlankCell(buyer, "name")) throw valueError("buyer is required, got an empty cell", "buyer");
  const r = tenderMoves(
    table,
    sales,
    readFirstText(buyer, "buyer"),
    readNumber(price, "price", "nonNegative"),
    readOptionalNumber(round_price, "round_price", "positive"),
  );
  // Ownership = shares / total shares (`tenderOffer`), in doubles where that is the same double (`ownershipCells`).
  const ownershipOf = ownershipCells(r.totalShares);
  const rows: CellOutput[][] = [[...TENDER_HEADER]];
  for (const x of r.rows) {
    rows.push([
      x.holder,
      toCell(x.sharesBefore),
      ownershipOf(x.sharesBefore),
      toCell(x.sharesSold),
      toCell(x.sharesBought),
      toCell(x.sharesAfter),
      ownershipOf(x.sharesAfter),
      toCell(x.cash),
    ]);
  }
  rows.push(["Shares moved", toCell(r.sharesMoved)]);
  rows.push(["Consideration", toCell(r.consideration)]);
  rows.push(["Premium (+) / discount (-) to the round price", opt(r.premiumToRound)]);
  return withIgnoredNote(rows, [
    { unit: "row", of: "holders", at: skippedHolders },
    { unit: "cell", of: "sellers", at: skippedSellers },
  ]);
}
