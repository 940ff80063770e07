/**
 * The cap-table history model: validated inputs -> the history engine (src/engine/history: the
 * events replayed with Open Cap Format's semantics, the cap table as of a date, vesting, the next
 * round from that cap table) -> the venture engine (the priced round, the exit waterfall) -> one
 * model sheet described as plain data (`SheetSpec`).
 *
 * The three models link: the next round starts from the history's cap table as of `asOf`
 * (`nextRoundFromHistory`: holdings as converted, options, the available pool, the outstanding
 * SAFEs and notes converting), its new series joins the classes with its terms, and the exit
 * waterfall takes every class and holding from the history and the round. A change to a round's
 * price (a class's issue price, the next round's pre-money) flows through to the exit payouts.
 *
 * What is native and what is the engine's: sums, ownership percentages, the running share count of
 * the events, the round's post-money and the checks are native formulas (they recalculate without
 * the add-in); the replay, the vesting, the round's solve and the waterfall are the engine's values,
 * written as numbers (the sheet calls no add-in function, so it opens anywhere). A check compares
 * the native running count with the engine's replay at every event: an edited share count shows
 * until the model is rebuilt.
 *
 * Layout (labels in column A): title, basis note; inputs (as of, rounding); classes; plans; events
 * in date order with the running reconciliation; the cap table as of the date on each basis
 * (outstanding, as converted, options and vested options, fully diluted) with the convertibles and
 * plans; the next round (fully diluted with convertibles under it); the exit (classes at exit,
 * payouts by class and by holder for each exit value); checks.
 */
import {
  Decimal,
  ONE,
  accruedInterest,
  isoDateToSerial,
  yearFraction,
  Waterfall,
  ZERO,
  holderKey,
  payoutsByHolder,
  pricedRound,
  sum,
  type HolderPosition,
  type PricedRound,
  type ShareClass,
  type WaterfallResult,
} from "../engine";
import {
  type CapTableAsOf,
  type CapTableHistory,
  type Closing,
  type HistoryEvent,
  type Issuance,
  type VestingInstalment,
  capTableAsOf,
  nextRoundFromHistory,
  outstandingSharesByDate,
  vestingSchedule,
} from "../engine/history";
import type { SheetSpec } from "../workbook/spec";
import { CapTableHistoryInput, EVENT_COLUMN_KEYS, type HistoryEventInput, replayOrder } from "./capTableHistoryInput";
import { modelFormats } from "./numberFormats";
import { CHECK_TOLERANCE, type Check, SheetBuilder, a1, columnLetters, sheetNameFor, toCellNumber } from "./sheetBuilder";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage, type SheetText } from "./sheetText";

/** The engine's results for a history model, exact (Decimal). */
export interface CapTableHistoryResults {
  readonly history: CapTableHistory;
  readonly table: CapTableAsOf;
  /** The engine's outstanding shares after each event date's events (one replay; OCF replays a date's events together). */
  readonly outstandingByDate: ReadonlyMap<string, Decimal>;
  readonly round?: { readonly result: PricedRound; readonly assumptions: readonly string[] };
  readonly exit?: {
    readonly classes: readonly ShareClass[];
    readonly positions: readonly HolderPosition[];
    readonly results: readonly WaterfallResult[];
    /** Per exit value, each holder's total (holders in order of first appearance). */
    readonly byHolder: readonly { readonly holder: string; readonly totals: readonly Decimal[] }[];
  };
}

export interface CapTableHistoryModel {
  readonly kind: "capTableHistory";
  readonly schemaVersion: 1;
  readonly input: CapTableHistoryInput;
  readonly sheet: SheetSpec;
  readonly results: CapTableHistoryResults;
}

const d = (n: number) => new Decimal(n);
const key = holderKey;

/** The months-based vesting of a grant as dated instalments: nothing before the cliff, then monthly; no months: vested at grant. */
export function grantVesting(e: HistoryEventInput): readonly VestingInstalment[] {
  const quantity = d(e.shares ?? 0);
  const months = e.vestingMonths ?? 0;
  if (months === 0) return [{ date: e.date, quantity }];
  const cliff = e.cliffMonths ?? 0;
  const start = e.vestingStart ?? e.date;
  const portion = ONE.div(months);
  const conditions = [
    { id: "start", portion: ZERO, trigger: { type: "START" as const } },
    ...(cliff > 0
      ? [
          {
            id: "cliff",
            portion: portion.mul(cliff),
            trigger: { type: "RELATIVE" as const, unit: "MONTHS" as const, length: cliff, occurrences: 1, relativeTo: "start" },
          },
        ]
      : []),
    ...(months > cliff
      ? [
          {
            id: "monthly",
            portion,
            trigger: {
              type: "RELATIVE" as const,
              unit: "MONTHS" as const,
              length: 1,
              occurrences: months - cliff,
              relativeTo: cliff > 0 ? "cliff" : "start",
            },
          },
        ]
      : []),
  ];
  return vestingSchedule({ id: "grant", allocation: "CUMULATIVE_ROUNDING", conditions }, quantity, start).instalments;
}

/** A schedule less `quantity` taken from its earliest instalments (an exercise: vested first) or its latest (a cancellation: unvested first). */
function lessVesting(schedule: readonly VestingInstalment[], quantity: Decimal, from: "earliest" | "latest"): VestingInstalment[] {
  const sorted = [...schedule].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (from === "latest") sorted.reverse();
  let left = quantity;
  const kept = sorted.map((i) => {
    const taken = Decimal.min(i.quantity, left);
    left = left.sub(taken);
    return { date: i.date, quantity: i.quantity.sub(taken) };
  });
  if (from === "latest") kept.reverse();
  return kept.filter((i) => !i.quantity.isZero());
}

/** The engine's history of the inputs: classes, holders (named in the events), plans and events with OCF ids. */
export function toHistory(input: CapTableHistoryInput): CapTableHistory {
  const classId = new Map(input.classes.map((c, i) => [key(c.name), `C${i + 1}`]));
  const planId = new Map(input.plans.map((p, i) => [key(p.name), `P${i + 1}`]));
  const holders = new Map<string, { id: string; name: string }>();
  for (const e of input.events) {
    for (const name of [e.holder, e.toHolder])
      if (name !== null && !holders.has(key(name))) holders.set(key(name), { id: `H${holders.size + 1}`, name });
  }
  const holderId = (name: string | null) => (name === null ? "" : holders.get(key(name))!.id);
  const open = new Map<string, string[]>();
  // Replayed in the engine's order (the ledger below must see what the engine sees), listed in the rows' order (an export keeps it).
  const byRow: HistoryEvent[][] = input.events.map(() => []);
  let events: HistoryEvent[] = [];
  // Each holder's open securities per class (stock) and per plan (options), oldest first: what a transfer, cancellation, exercise or repurchase closes.
  const stock = new Map<string, { issuance: Issuance; quantity: Decimal }[]>();
  const grants = new Map<string, { issuance: Issuance; quantity: Decimal }[]>();
  const hold = (ledger: typeof stock, k: string, issuance: Issuance) =>
    ledger.set(k, [...(ledger.get(k) ?? []), { issuance, quantity: issuance.quantity! }]);
  /**
   * Closes `quantity` of a holder's securities, oldest first: each closed whole, the last one in part
   * with the rest on a balance security (options keep their schedule less what is taken: an exercise
   * takes the earliest instalments, vested first; a cancellation the latest, unvested first). The
   * securities `results` names result from the closing that completes the quantity.
   */
  const take = (ledger: typeof stock, k: string, quantity: Decimal, type: Closing["type"], id: string, date: string, results: string[]): void => {
    const list = ledger.get(k) ?? [];
    let left = quantity;
    let n = 0;
    while (left.gt(0) && list.length > 0) {
      const held = list[0];
      n++;
      const closing = { type, id: `${id}-${n}`, date, securityId: held.issuance.securityId };
      if (held.quantity.lte(left)) {
        list.shift();
        left = left.sub(held.quantity);
        events.push({ ...closing, quantity: held.quantity, resultingSecurityIds: left.isZero() ? results : [] });
      } else {
        const rest = held.quantity.sub(left);
        const balance: Issuance = {
          ...held.issuance,
          id: `${id}-${n}b`,
          date,
          securityId: `${held.issuance.securityId}-${id}`,
          quantity: rest,
          ...(held.issuance.vesting === undefined
            ? {}
            : { vesting: lessVesting(held.issuance.vesting, left, type === "EXERCISE" ? "earliest" : "latest") }),
        };
        events.push({ ...closing, quantity: left, resultingSecurityIds: results, balanceSecurityId: balance.securityId }, balance);
        list[0] = { issuance: balance, quantity: rest };
        left = ZERO;
      }
    }
    ledger.set(k, list);
  };
  for (const i of replayOrder(input.events)) {
    events = byRow[i];
    const e = input.events[i];
    const id = `E${i + 1}`;
    const securityId = `S${i + 1}`;
    const base = { id, date: e.date, securityId, holderId: holderId(e.holder) };
    const stockKey = `${key(e.holder ?? "")}\u0000${key(e.className ?? "")}`;
    const grantKey = `${key(e.holder ?? "")}\u0000${key(e.plan ?? "")}`;
    switch (e.type) {
      case "ISSUE":
      case "CONVERT": {
        if (e.type === "CONVERT") {
          (open.get(key(e.holder!)) ?? []).forEach((s, k) =>
            events.push({ type: "CONVERSION", id: `${id}-${k + 1}`, date: e.date, securityId: s, resultingSecurityIds: k === 0 ? [securityId] : [] }),
          );
          open.set(key(e.holder!), []);
        }
        const issuance: Issuance = { type: "ISSUANCE", ...base, kind: "STOCK", classId: classId.get(key(e.className!)), quantity: d(e.shares!) };
        events.push(issuance);
        hold(stock, stockKey, issuance);
        break;
      }
      case "GRANT": {
        const issuance: Issuance = {
          type: "ISSUANCE",
          ...base,
          kind: "OPTION",
          planId: planId.get(key(e.plan!)),
          ...(e.className === null ? {} : { classId: classId.get(key(e.className!)) }),
          quantity: d(e.shares!),
          ...(e.strike === null ? {} : { price: d(e.strike) }),
          vesting: grantVesting(e),
        };
        events.push(issuance);
        hold(grants, grantKey, issuance);
        break;
      }
      case "TRANSFER": {
        const to: Issuance = {
          type: "ISSUANCE",
          ...base,
          holderId: holderId(e.toHolder),
          kind: "STOCK",
          classId: classId.get(key(e.className!)),
          quantity: d(e.shares!),
        };
        take(stock, stockKey, d(e.shares!), "TRANSFER", id, e.date, [securityId]);
        events.push(to);
        hold(stock, `${key(e.toHolder!)}\u0000${key(e.className!)}`, to);
        break;
      }
      case "REPURCHASE":
        take(stock, stockKey, d(e.shares!), "REPURCHASE", id, e.date, []);
        break;
      case "CANCEL":
        if (e.className !== null) take(stock, stockKey, d(e.shares!), "CANCELLATION", id, e.date, []);
        else take(grants, grantKey, d(e.shares!), "CANCELLATION", id, e.date, []);
        break;
      case "EXERCISE": {
        const shares: Issuance = { type: "ISSUANCE", ...base, kind: "STOCK", classId: classId.get(key(e.className!)), quantity: d(e.shares!) };
        take(grants, grantKey, d(e.shares!), "EXERCISE", id, e.date, [securityId]);
        events.push(shares);
        hold(stock, stockKey, shares);
        break;
      }
      case "SPLIT": {
        const c = classId.get(key(e.className!))!;
        events.push({ type: "SPLIT", id, date: e.date, classId: c, ratio: d(e.ratio!) });
        for (const list of stock.values())
          for (let k = 0; k < list.length; k++)
            if (list[k].issuance.classId === c) list[k] = { ...list[k], quantity: list[k].quantity.mul(e.ratio!) };
        break;
      }
      case "SAFE":
      case "PRE_SAFE":
      case "NOTE":
        open.set(key(e.holder!), [...(open.get(key(e.holder!)) ?? []), securityId]);
        events.push({
          type: "ISSUANCE",
          ...base,
          kind: "CONVERTIBLE",
          amount: d(e.amount!),
          convertibleType: e.type === "NOTE" ? "NOTE" : "SAFE",
          conversion: {
            mechanism: e.type === "NOTE" ? "NOTE" : "SAFE",
            mfn: false,
            ...(e.cap === null ? {} : { valuationCap: d(e.cap) }),
            ...(e.discount === null ? {} : { discount: d(e.discount) }),
            ...(e.type === "NOTE" ? {} : { timing: e.type === "SAFE" ? ("POST_MONEY" as const) : ("PRE_MONEY" as const) }),
            // Simple interest on an actual/365 day count from the note's date (OCF's ACTUAL_365; the engine accrues it to the round's date).
            ...(e.type === "NOTE" && e.rate !== null
              ? { interestRates: [{ rate: d(e.rate), from: e.date }], dayCount: "ACTUAL_365" as const, compounding: "SIMPLE" as const }
              : {}),
          },
        });
        break;
      case "POOL":
        events.push({ type: "POOL_ADJUSTMENT", id, date: e.date, planId: planId.get(key(e.plan!))!, reserved: d(e.shares!) });
        break;
    }
  }
  events = byRow.flat();
  return {
    classes: input.classes.map((c, i) => ({
      id: `C${i + 1}`,
      name: c.name,
      kind: c.kind,
      // OCF ranks higher seniority first; the model's 1 is paid first.
      seniority: 101 - c.seniority,
      ...(c.issuePrice === null ? {} : { originalIssuePrice: d(c.issuePrice) }),
      liquidationPreferenceMultiple: d(c.preference),
      ...(c.cap === null ? {} : { participationCapMultiple: d(c.cap) }),
      conversionRatio: d(c.conversionRatio),
    })),
    holders: [...holders.values()],
    plans: input.plans.map((p, i) => ({ id: `P${i + 1}`, name: p.name, reserved: d(p.reserved), cancelledGrants: "RETURN_TO_POOL" as const })),
    events,
  };
}

/** The engine's results for validated inputs; `language` names the exit waterfall's classes of options and converted SAFEs and notes. */
export function computeCapTableHistory(input: CapTableHistoryInput, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): CapTableHistoryResults {
  const history = toHistory(input);
  const table = capTableAsOf(history, input.asOf);
  const outstandingByDate = outstandingSharesByDate(history);
  const factor = d(modelFormats(input.currency, input.unit, input.rounding).perShareFactor);
  const r = input.nextRound;
  let round: CapTableHistoryResults["round"];
  if (r !== null) {
    const next = nextRoundFromHistory(history, table, {
      date: r.date,
      preMoney: d(r.preMoney),
      investors: r.investors.map((v) => ({ name: v.name, amount: d(v.amount) })),
      ...(r.poolTarget !== null ? { pool: { target: d(r.poolTarget) } } : r.poolIncrease !== null ? { pool: { increase: d(r.poolIncrease) } } : {}),
    });
    round = { result: pricedRound({ ...next.input, rounding: input.rounding }), assumptions: next.assumptions };
  }
  let exit: CapTableHistoryResults["exit"];
  if (input.exit !== null) {
    const { classes, positions } = exitClasses(input, history, table, factor, round?.result, sheetText(language).capTableHistory);
    const w = new Waterfall(classes);
    const results = input.exit.exitValues.map((v) =>
      w.atExit({ enterpriseValue: d(v), netDebt: d(input.exit!.netDebt), transactionCosts: d(input.exit!.transactionCosts) }),
    );
    // Holders in order of first appearance (matched by key), each with its total per exit value.
    const index = new Map<string, number>();
    const holders: string[] = [];
    const keys = positions.map((p) => key(p.holder));
    keys.forEach((k, i) => {
      if (!index.has(k)) index.set(k, holders.push(positions[i].holder) - 1);
    });
    const byHolder = holders.map((holder) => ({ holder, totals: results.map(() => ZERO) }));
    results.forEach((res, j) =>
      payoutsByHolder(res, positions).forEach((p, i) => {
        const h = byHolder[index.get(keys[i])!];
        (h.totals as Decimal[])[j] = h.totals[j].add(p.total);
      }),
    );
    exit = { classes, positions, results, byHolder };
  }
  return { history, table, outstandingByDate, round, exit };
}

/**
 * The waterfall's classes and holdings: each class of the history with shares outstanding (invested =
 * shares x issue price), the new series and its converted SAFEs and notes (preference on the amount
 * paid), and the options outstanding grouped by strike; the unissued pool takes nothing.
 */
function exitClasses(
  input: CapTableHistoryInput,
  historyData: CapTableHistory,
  table: CapTableAsOf,
  factor: Decimal,
  round: PricedRound | undefined,
  L: SheetText["capTableHistory"],
): { classes: ShareClass[]; positions: HolderPosition[] } {
  const names = new Map(table.classes.map((c) => [c.id, c.name]));
  const history = new Map(historyData.holders.map((h) => [h.id, h.name]));
  const classes: ShareClass[] = [];
  const positions: HolderPosition[] = [];
  input.classes.forEach((c, i) => {
    const held = table.stock.filter((s) => s.classId === `C${i + 1}`);
    const shares = sum(held.map((s) => s.shares));
    if (shares.isZero()) return;
    classes.push({
      name: c.name,
      shares,
      // The class's issue price as of the date (a split divides it, as it multiplies the shares).
      invested: c.issuePrice === null ? ZERO : shares.mul(table.classes[i].originalIssuePrice ?? d(c.issuePrice)).div(factor),
      preferenceMultiple: d(c.preference),
      seniority: c.seniority,
      participation: c.participation,
      ...(c.cap === null ? {} : { capMultiple: d(c.cap) }),
      conversionRatio: d(c.conversionRatio),
    });
    for (const s of held) positions.push({ holder: history.get(s.holderId)!, className: names.get(s.classId)!, shares: s.shares });
  });
  const r = input.nextRound;
  if (round !== undefined && r !== null) {
    const terms = {
      preferenceMultiple: d(r.preference),
      seniority: r.seniority,
      participation: r.participation,
      ...(r.cap === null ? {} : { capMultiple: d(r.cap) }),
      conversionRatio: ONE,
    };
    const converted = sum(round.conversions.map((c) => c.shares));
    const investorShares = r.investors.map((v) => {
      const row = round.rows.find((x) => key(x.holder) === key(v.name))!;
      const conversions = sum(round.conversions.filter((c) => key(c.holder) === key(v.name)).map((c) => c.shares));
      return { holder: v.name, shares: row.sharesIssued.sub(conversions) };
    });
    const seriesShares = sum(investorShares.map((x) => x.shares));
    classes.push({ name: r.series, shares: seriesShares, invested: seriesShares.mul(round.pricePerShare), ...terms });
    for (const x of investorShares) positions.push({ holder: x.holder, className: r.series, shares: x.shares });
    if (converted.gt(0)) {
      const name = L.converted(r.series);
      classes.push({ name, shares: converted, invested: sum(round.conversions.map((c) => c.amount)), ...terms });
      for (const c of round.conversions) positions.push({ holder: c.holder, className: name, shares: c.shares });
    }
  }
  const strikes = new Map<string, Decimal>();
  for (const o of table.derivatives) {
    const strike = o.exercisePrice ?? ZERO;
    strikes.set(strike.toString(), strike);
  }
  for (const [text, strike] of [...strikes].sort((a, b) => a[1].comparedTo(b[1]))) {
    const grants = table.derivatives.filter((o) => (o.exercisePrice ?? ZERO).eq(strike));
    const name = L.options(text);
    classes.push({ name, shares: sum(grants.map((o) => o.quantity)), strike: strike.div(factor), seniority: 1, participation: "FULL" });
    for (const o of grants) positions.push({ holder: history.get(o.holderId)!, className: name, shares: o.quantity });
  }
  // One position per holder and class (a holder with two grants at one strike is one row).
  const merged: HolderPosition[] = [];
  const at = new Map<string, number>();
  for (const p of positions) {
    const k = `${key(p.holder)}\u0000${p.className}`;
    const i = at.get(k);
    if (i === undefined) at.set(k, merged.push(p) - 1);
    else merged[i] = { ...merged[i], shares: merged[i].shares.add(p.shares) };
  }
  return { classes, positions: merged };
}

/** A note's interest: simple, actual/365, from its date to its conversion (its holder's next CONVERT row, else the next round's date, else the cap table's date). */
export interface NoteAccrual {
  readonly row: number;
  readonly holder: string;
  readonly principal: Decimal;
  readonly rate: Decimal;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly interest: Decimal;
}

/** Each NOTE row with a rate, with its interest to its conversion (the engine's accruedInterest on yearFraction "ACT/365"). */
export function noteAccruals(input: CapTableHistoryInput): NoteAccrual[] {
  const out: NoteAccrual[] = [];
  input.events.forEach((e, i) => {
    if (e.type !== "NOTE" || e.rate === null) return;
    const convert = input.events.find((c, k) => k > i && c.type === "CONVERT" && key(c.holder ?? "") === key(e.holder!));
    const to = convert?.date ?? input.nextRound?.date ?? input.asOf;
    const start = isoDateToSerial(e.date);
    const end = Math.max(start, isoDateToSerial(to));
    const interest = accruedInterest(d(e.amount!), d(e.rate), yearFraction(start, end, "ACT/365"), "SIMPLE");
    out.push({ row: i + 1, holder: e.holder!, principal: d(e.amount!), rate: d(e.rate), from: e.date, to, days: end - start, interest });
  });
  return out;
}

/** The model sheet's default name: "<company> history" (in `language`). */
export function capTableHistorySheetName(company: string, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  const t = sheetText(language).capTableHistory;
  return sheetNameFor(company, t.sheetSuffix, t.sheetFallback);
}

/** Builds the history model: validates (throws ZodError naming each field), computes, lays out the sheet (in `language`, English by default). */
export function buildCapTableHistoryModel(raw: CapTableHistoryInput, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): CapTableHistoryModel {
  const input = CapTableHistoryInput.parse(raw);
  const results = computeCapTableHistory(input, language);
  return { kind: "capTableHistory", schemaVersion: 1, input, sheet: historySheet(input, results, language), results };
}

/**
 * The shares outstanding each row adds (what the native running count adds, in row order): ISSUE,
 * CONVERT and EXERCISE add their shares, REPURCHASE and a CANCEL of a class's shares take them
 * back, a SPLIT adds the class's shares in the rows above times ratio - 1; the others add none.
 */
export function netShares(events: readonly HistoryEventInput[]): Decimal[] {
  const nets: Decimal[] = [];
  events.forEach((e, i) => {
    const shares = d(e.shares ?? 0);
    if (e.type === "ISSUE" || e.type === "CONVERT" || e.type === "EXERCISE") nets.push(shares);
    else if (e.type === "REPURCHASE" || (e.type === "CANCEL" && e.className !== null)) nets.push(shares.neg());
    else if (e.type === "SPLIT") {
      // As the sheet's SUMPRODUCT: rows above naming the class (text compared case-insensitively, as Excel's "=" does).
      const cls = (e.className ?? "").toLowerCase();
      const before = sum(nets.filter((_, k) => k < i && (events[k].className ?? "").toLowerCase() === cls));
      nets.push(before.mul(d(e.ratio ?? 1).sub(1)));
    } else nets.push(ZERO);
  });
  return nets;
}

function historySheet(input: CapTableHistoryInput, r: CapTableHistoryResults, language: SheetLanguage): SheetSpec {
  const text = sheetText(language);
  const L = text.capTableHistory;
  const { common } = text;
  const f = modelFormats(input.currency, input.unit, input.rounding, language);
  const s = new SheetBuilder(capTableHistorySheetName(input.company, language), language);
  const cur = f.currencyLabel;
  const table = r.table;
  const n = (x: Decimal) => toCellNumber(x);
  const checks: Check[] = [];

  s.value("A1", L.title(input.company), "title");
  s.value("A2", L.subtitle(cur), "subtitle");
  if (input.source !== "") s.value("A3", L.source(input.source), "note");
  // The key-outputs box (row 4 on) is written last, once the cells it shows are: its rows are reserved here.
  const keyRow = 4;
  const keyOutputs: { label: string; ref: string }[] = [];
  const keyCount = 2 + (input.nextRound !== null ? 2 : 0) + (input.exit !== null ? 1 : 0);
  let row = keyRow + 1 + keyCount + 2;
  s.value(a1("A", row), L.basisNote, "note");
  row += 2;

  // ---- Inputs ---------------------------------------------------------------------------------
  s.value(a1("A", row), common.inputs, "section");
  row++;
  s.value(a1("A", row), L.asOf, "label");
  s.value(a1("B", row), input.asOf, "input");
  s.input("asOf", a1("B", row), undefined, undefined, { read: "date" });
  s.name("AsOf", a1("B", row), L.asOfComment);
  row++;
  s.value(a1("A", row), L.rounding, "label");
  s.value(a1("B", row), input.rounding, "input");
  s.input("rounding", a1("B", row));
  row += 2;

  // ---- Classes ---------------------------------------------------------------------------------
  s.value(a1("A", row), L.classes, "section");
  row++;
  L.classHeaders.forEach((h, i) => s.value(a1(columnLetters(i), row), i === 2 ? `${h} (${f.perShareLabel})` : h, "header"));
  row++;
  const classFirst = row;
  const classRow = new Map<string, number>();
  for (const c of input.classes) {
    classRow.set(key(c.name), row);
    s.value(a1("A", row), c.name, "input");
    s.value(a1("B", row), c.kind, "input");
    s.value(a1("C", row), c.issuePrice, "input", f.pricePerShare);
    s.value(a1("D", row), c.preference, "input", f.multiple);
    s.value(a1("E", row), c.seniority, "input", f.count);
    s.value(a1("F", row), c.participation, "input");
    s.value(a1("G", row), c.cap, "input", f.multiple);
    s.value(a1("H", row), c.conversionRatio, "input", f.ratio);
    row++;
  }
  s.input("classes", `A${classFirst}:H${row - 1}`, [
    "name",
    "kind",
    "issuePrice",
    "preference",
    "seniority",
    "participation",
    "cap",
    "conversionRatio",
  ]);
  row++;

  // ---- Plans -----------------------------------------------------------------------------------
  if (input.plans.length > 0) {
    s.value(a1("A", row), L.plans, "section");
    row++;
    L.planHeaders.forEach((h, i) => s.value(a1(columnLetters(i), row), h, "header"));
    row++;
    const first = row;
    for (const p of input.plans) {
      s.value(a1("A", row), p.name, "input");
      s.value(a1("B", row), p.reserved, "input", f.shares);
      row++;
    }
    s.input("plans", `A${first}:B${row - 1}`, ["name", "reserved"]);
    row++;
  }

  // ---- Events ----------------------------------------------------------------------------------
  s.value(a1("A", row), L.events, "section");
  row++;
  L.eventHeaders.forEach((h, i) =>
    s.value(a1(columnLetters(i), row), i === 7 || i === 8 ? `${h} (${cur})` : i === 6 ? `${h} (${f.perShareLabel})` : h, "header"),
  );
  row++;
  const eventFirst = row;
  const nets = netShares(input.events);
  let running = ZERO;
  let reconciled = 0;
  let dates = 0;
  input.events.forEach((e, i) => {
    s.value(a1("A", row), e.date, "input");
    s.value(a1("B", row), e.type, "input");
    s.value(a1("C", row), e.holder, "input");
    s.value(a1("D", row), e.className, "input");
    s.value(a1("E", row), e.plan, "input");
    s.value(a1("F", row), e.shares, "input", f.shares);
    s.value(a1("G", row), e.strike, "input", f.pricePerShare);
    s.value(a1("H", row), e.amount, "input", f.amount);
    s.value(a1("I", row), e.cap, "input", f.amount);
    s.value(a1("J", row), e.discount, "input", f.percent);
    s.value(a1("K", row), e.vestingMonths, "input", f.count);
    s.value(a1("L", row), e.cliffMonths, "input", f.count);
    s.value(a1("M", row), e.vestingStart, "input");
    s.value(a1("N", row), e.toHolder, "input");
    s.value(a1("O", row), e.ratio, "input", f.ratio);
    s.value(a1("P", row), e.rate, "input", f.percent);
    const issued = nets[i];
    running = running.add(issued);
    // Net shares: issued (ISSUE, CONVERT, EXERCISE), taken back (REPURCHASE, CANCEL of a class's shares), or added by a split (the class's shares above times ratio - 1; a split is its date's last row).
    const splitPart = i === 0 ? "0" : `SUMPRODUCT((D$${eventFirst}:D${row - 1}=D${row})*Q$${eventFirst}:Q${row - 1})*(O${row}-1)`;
    s.formula(
      a1("Q", row),
      `=IF(OR(B${row}="ISSUE",B${row}="CONVERT",B${row}="EXERCISE"),F${row},IF(OR(B${row}="REPURCHASE",AND(B${row}="CANCEL",D${row}<>"")),-F${row},IF(B${row}="SPLIT",${splitPart},0)))`,
      issued,
      f.shares,
    );
    s.formula(a1("R", row), i === 0 ? `=Q${row}` : `=R${row - 1}+Q${row}`, running, f.shares);
    // The engine's count after the date's events, on the date's last row (OCF replays a date's events together).
    const engine = i + 1 === input.events.length || input.events[i + 1].date !== e.date ? r.outstandingByDate.get(e.date)! : undefined;
    if (engine !== undefined) {
      dates++;
      s.value(a1("S", row), n(engine), "calc", f.shares);
      if (running.eq(engine)) reconciled++;
      s.formula(
        a1("T", row),
        `=IF(ABS(R${row}-S${row})<=${CHECK_TOLERANCE}*MAX(1,ABS(S${row})),"OK",R${row}-S${row})`,
        running.eq(engine) ? "OK" : running.sub(engine),
      );
    } else {
      // Within a date: no engine count (the date's events are replayed together); empty cells, part of the reconciliation's range.
      s.value(a1("T", row), L.sameDate, "note");
    }
    row++;
  });
  const eventLast = row - 1;
  // The sheet's columns A to P: the date, the type, then the event columns in the input's order.
  // Dates are written as ISO texts; a date typed over one is a day number, read back as the ISO text.
  s.input("events", `A${eventFirst}:P${eventLast}`, ["date", "type", ...EVENT_COLUMN_KEYS], undefined, {
    reads: { date: "date", vestingStart: "date" },
  });
  checks.push({
    label: L.checkReconcile,
    left: `COUNTIFS(T${eventFirst}:T${eventLast},"OK")`,
    right: String(dates),
    engine: [d(reconciled), d(dates)],
  });
  row++;

  // ---- Cap table as of -------------------------------------------------------------------------
  s.value(a1("A", row), L.asOfSection(input.asOf), "section");
  row++;
  const k = input.classes.length;
  const col = (i: number) => columnLetters(i);
  const cOut = col(k + 1);
  const cConv = col(k + 2);
  const cOpt = col(k + 3);
  const cVest = col(k + 4);
  const cFd = col(k + 5);
  const cPctOut = col(k + 6);
  const cPctFd = col(k + 7);
  // Conversion ratios above the header (the as-converted column's weights), from the classes table.
  const ratioRow = row;
  s.value(a1("A", row), L.conversionRatioRow, "label");
  input.classes.forEach((c, i) => s.formula(a1(col(i + 1), row), `=H${classRow.get(key(c.name))}`, table.classes[i].conversionRatio, f.ratio));
  row++;
  s.value(a1("A", row), common.holder, "header");
  input.classes.forEach((c, i) => s.value(a1(col(i + 1), row), c.name, "header"));
  L.tableHeaders.forEach((h, i) => s.value(a1(col(k + 1 + i), row), h, "header"));
  row++;
  const names = new Map(r.history.holders.map((h) => [h.id, h.name]));
  // Each holder's shares per class and grants, looked up once (a history may have hundreds of holders).
  const stockOf = new Map<string, Decimal>();
  for (const p of table.stock) stockOf.set(`${p.holderId}\u0000${p.classId}`, (stockOf.get(`${p.holderId}\u0000${p.classId}`) ?? ZERO).add(p.shares));
  const grantsOf = new Map<string, (typeof table.derivatives)[number][]>();
  for (const o of table.derivatives) grantsOf.set(o.holderId, [...(grantsOf.get(o.holderId) ?? []), o]);
  const holding = new Set(table.stock.filter((p) => !p.shares.isZero()).map((p) => p.holderId));
  const holderIds = r.history.holders.map((h) => h.id).filter((id) => holding.has(id) || grantsOf.has(id));
  const first = row;
  const totalOutstanding = table.outstandingShares;
  const fd = table.fullyDiluted;
  const pctOut: Decimal[] = [];
  const pctFd: Decimal[] = [];
  for (const id of holderIds) {
    s.value(a1("A", row), names.get(id)!, "label");
    let out = ZERO;
    let conv = ZERO;
    input.classes.forEach((_, i) => {
      const shares = stockOf.get(`${id}\u0000C${i + 1}`) ?? ZERO;
      out = out.add(shares);
      conv = conv.add(shares.mul(table.classes[i].conversionRatio));
      s.value(a1(col(i + 1), row), n(shares), "calc", f.shares);
    });
    const grants = grantsOf.get(id) ?? [];
    const options = sum(grants.map((o) => o.quantity));
    const vested = sum(grants.map((o) => o.vested ?? o.quantity));
    const firstClass = col(1);
    const lastClass = col(k);
    s.formula(a1(cOut, row), `=SUM(${firstClass}${row}:${lastClass}${row})`, out, f.shares);
    s.formula(
      a1(cConv, row),
      `=SUMPRODUCT(${firstClass}${row}:${lastClass}${row},${firstClass}$${ratioRow}:${lastClass}$${ratioRow})`,
      conv,
      f.shares,
    );
    s.value(a1(cOpt, row), n(options), "calc", f.shares);
    s.value(a1(cVest, row), n(vested), "calc", f.shares);
    s.formula(a1(cFd, row), `=${cConv}${row}+${cOpt}${row}`, conv.add(options), f.shares);
    pctOut.push(totalOutstanding.isZero() ? ZERO : out.div(totalOutstanding));
    pctFd.push(conv.add(options).div(fd));
    row++;
  }
  for (const p of table.plans) {
    const avail = Decimal.max(p.available, ZERO);
    s.value(a1("A", row), L.available(r.history.plans.find((x) => x.id === p.planId)!.name), "label");
    // The pool is unissued: no shares of any class, no options; fully diluted only.
    for (let i = 1; i <= k; i++) s.value(a1(col(i), row), 0, "calc", f.shares);
    s.formula(a1(cOut, row), `=SUM(${col(1)}${row}:${col(k)}${row})`, ZERO, f.shares);
    s.formula(a1(cConv, row), `=SUMPRODUCT(${col(1)}${row}:${col(k)}${row},${col(1)}$${ratioRow}:${col(k)}$${ratioRow})`, ZERO, f.shares);
    s.value(a1(cOpt, row), 0, "calc", f.shares);
    s.value(a1(cVest, row), 0, "calc", f.shares);
    s.value(a1(cFd, row), n(avail), "calc", f.shares);
    pctOut.push(ZERO);
    pctFd.push(avail.div(fd));
    row++;
  }
  const last = row - 1;
  const totalRow = row;
  // Percentages last: they read the total row.
  for (let i = 0, rr = first; rr <= last; i++, rr++) {
    s.formula(a1(cPctOut, rr), `=IF(${cOut}$${totalRow}=0,0,${cOut}${rr}/${cOut}$${totalRow})`, pctOut[i], f.percent);
    s.formula(a1(cPctFd, rr), `=${cFd}${rr}/${cFd}$${totalRow}`, pctFd[i], f.percent);
  }
  s.value(a1("A", totalRow), common.total, "total");
  input.classes.forEach((_, i) =>
    s.formula(
      a1(col(i + 1), totalRow),
      `=SUM(${col(i + 1)}${first}:${col(i + 1)}${last})`,
      sum(table.stock.filter((p) => p.classId === `C${i + 1}`).map((p) => p.shares)),
      f.shares,
      "total",
    ),
  );
  const options = sum(table.derivatives.map((o) => o.quantity));
  const vested = sum(table.derivatives.map((o) => o.vested ?? o.quantity));
  const totals: [string, Decimal, string][] = [
    [cOut, totalOutstanding, f.shares],
    [cConv, table.outstandingAsConverted, f.shares],
    [cOpt, options, f.shares],
    [cVest, vested, f.shares],
    [cFd, fd, f.shares],
    [cPctOut, sum(pctOut), f.percent],
    [cPctFd, sum(pctFd), f.percent],
  ];
  for (const [c, v, fmt] of totals) s.formula(a1(c, totalRow), `=SUM(${c}${first}:${c}${last})`, v, fmt, "total");
  row++;
  s.value(a1("A", row), L.basisOutstanding, "note");
  row++;
  s.value(a1("A", row), L.basisFullyDiluted, "note");
  row += 2;
  keyOutputs.push({ label: L.keyOutstanding(input.asOf), ref: a1(cOut, totalRow) }, { label: L.keyFullyDiluted, ref: a1(cFd, totalRow) });
  checks.push({ label: L.checkOutstanding, left: `${cPctOut}${totalRow}`, right: "1", engine: [sum(pctOut), ONE] });
  checks.push({ label: L.checkFullyDiluted, left: `${cPctFd}${totalRow}`, right: "1", engine: [sum(pctFd), ONE] });
  const issuedToDate = sum(nets.filter((_, i) => input.events[i].date <= input.asOf));
  checks.push({
    label: L.checkAsOf,
    left: `${cOut}${totalRow}`,
    right: `SUMPRODUCT((A${eventFirst}:A${eventLast}<=AsOf)*Q${eventFirst}:Q${eventLast})`,
    engine: [totalOutstanding, issuedToDate],
    format: f.shares,
  });

  if (table.convertibles.length > 0) {
    s.value(a1("A", row), L.convertibles, "section");
    row++;
    L.convertibleHeaders.forEach((h, i) => s.value(a1(col(i), row), i >= 2 && i <= 3 ? `${h} (${cur})` : h, "header"));
    row++;
    for (const c of table.convertibles) {
      const issuance = r.history.events.find((e) => e.type === "ISSUANCE" && e.securityId === c.securityId);
      const t = issuance?.type === "ISSUANCE" ? issuance.conversion : undefined;
      s.value(a1("A", row), names.get(c.holderId)!, "label");
      s.value(a1("B", row), t?.mechanism === "NOTE" ? "NOTE" : t?.timing === "PRE_MONEY" ? "PRE_SAFE" : "SAFE", "calc");
      s.value(a1("C", row), n(c.amount), "calc", f.amount);
      s.value(a1("D", row), t?.valuationCap === undefined ? null : n(t.valuationCap), "calc", f.amount);
      s.value(a1("E", row), t?.discount === undefined ? null : n(t.discount), "calc", f.percent);
      row++;
    }
    row++;
  }
  const accruals = noteAccruals(input);
  if (accruals.length > 0) {
    s.value(a1("A", row), L.noteInterest, "section");
    row++;
    L.noteInterestHeaders.forEach((h, i) => s.value(a1(col(i), row), i === 1 || i >= 6 ? `${h} (${cur})` : h, "header"));
    row++;
    for (const a of accruals) {
      s.value(a1("A", row), a.holder, "label");
      s.value(a1("B", row), n(a.principal), "calc", f.amount);
      s.value(a1("C", row), n(a.rate), "calc", f.percent);
      s.value(a1("D", row), a.from, "calc");
      s.value(a1("E", row), a.to, "calc");
      s.value(a1("F", row), a.days, "calc", f.count);
      // Simple interest, actual/365: principal x rate x days / 365 (the engine's accruedInterest with yearFraction "ACT/365").
      s.formula(a1("G", row), `=B${row}*C${row}*F${row}/365`, a.interest, f.amount);
      s.formula(a1("H", row), `=B${row}+G${row}`, a.principal.add(a.interest), f.amount);
      row++;
    }
    row++;
  }
  if (table.plans.length > 0) {
    s.value(a1("A", row), L.planPositions, "section");
    row++;
    L.planPositionHeaders.forEach((h, i) => s.value(a1(col(i), row), h, "header"));
    row++;
    for (const p of table.plans) {
      s.value(a1("A", row), r.history.plans.find((x) => x.id === p.planId)!.name, "label");
      s.value(a1("B", row), n(p.reserved), "calc", f.shares);
      s.value(a1("C", row), n(p.granted), "calc", f.shares);
      s.value(a1("D", row), n(p.exercised), "calc", f.shares);
      s.formula(a1("E", row), `=B${row}-C${row}-D${row}`, p.available, f.shares);
      row++;
    }
    row++;
  }
  if (table.warningRules.length > 0) {
    s.value(a1("A", row), L.warnings, "section");
    row++;
    for (const w of table.warningRules) s.value(a1("A", row++), L.warning(w), "note");
    row++;
  }

  // ---- Next round ------------------------------------------------------------------------------
  const nr = input.nextRound;
  const round = r.round?.result;
  if (nr !== null && round !== undefined) {
    s.value(a1("A", row), L.round(nr.series), "section");
    row++;
    const values: [string | number | null, string | undefined][] = [
      [nr.date, undefined],
      [nr.series, undefined],
      [nr.preMoney, f.amount],
      [nr.poolTarget, f.percent],
      [nr.poolIncrease, f.shares],
      [nr.preference, f.multiple],
      [nr.seniority, f.count],
      [nr.participation, undefined],
      [nr.cap, f.multiple],
    ];
    const preMoneyRow = row + 2;
    const roundKeys = ["date", "series", "preMoney", "poolTarget", "poolIncrease", "preference", "seniority", "participation", "cap"];
    L.roundInputs.forEach((label, i) => {
      s.value(a1("A", row), i === 2 ? `${label} (${cur})` : label, "label");
      s.value(a1("B", row), values[i][0], "input", values[i][1]);
      s.input(`nextRound.${roundKeys[i]}`, a1("B", row), undefined, undefined, roundKeys[i] === "date" ? { read: "date" } : {});
      row++;
    });
    row++;
    L.investorHeaders.forEach((h, i) => s.value(a1(col(i), row), i === 1 ? `${h} (${cur})` : h, "header"));
    row++;
    const invFirst = row;
    for (const v of nr.investors) {
      s.value(a1("A", row), v.name, "input");
      s.value(a1("B", row), v.amount, "input", f.amount);
      row++;
    }
    const invRange = `B${invFirst}:B${row - 1}`;
    s.input("nextRound.investors", `A${invFirst}:B${row - 1}`, ["name", "amount"]);
    row++;
    const summary: [string, string | null, Decimal, string][] = [
      [`${L.roundSummary[0]} (${f.perShareLabel})`, null, round.pricePerShare.mul(f.perShareFactor), f.pricePerShare],
      [`${L.roundSummary[1]} (${cur})`, `=SUM(${invRange})`, round.newMoney, f.amount],
      [`${L.roundSummary[2]} (${cur})`, `=B${preMoneyRow}+SUM(${invRange})`, round.postMoney, f.amount],
      [L.roundSummary[3], null, round.preMoneyShares, f.shares],
      [L.roundSummary[4], null, round.poolIncrease, f.shares],
      [L.roundSummary[5], null, round.postMoneyShares, f.shares],
    ];
    keyOutputs.push({ label: L.keyPrice(nr.series, f.perShareLabel), ref: a1("B", row) }, { label: L.keyPostMoney, ref: a1("B", row + 2) });
    for (const [label, formula, value, fmt] of summary) {
      s.value(a1("A", row), label, "label");
      if (formula === null) s.value(a1("B", row), n(value), "calc", fmt);
      else s.formula(a1("B", row), formula, value, fmt);
      row++;
    }
    row++;
    s.value(a1("A", row), L.roundTable, "section");
    row++;
    s.value(a1("A", row), L.basisUnderRound(nr.series, nr.date), "note");
    row++;
    L.roundHeaders.forEach((h, i) => s.value(a1(col(i), row), h, "header"));
    row++;
    const rFirst = row;
    const rTotal = rFirst + round.rows.length;
    // The pool row keeps the engine's plan name, in the sheet's words.
    const poolSuffix = " (available)";
    const roundHolder = (x: (typeof round.rows)[number]) =>
      x.isPool && x.holder.endsWith(poolSuffix) ? L.poolInRound(x.holder.slice(0, -poolSuffix.length)) : x.holder;
    for (const x of round.rows) {
      s.value(a1("A", row), roundHolder(x), "label");
      s.value(a1("B", row), n(x.sharesBefore), "calc", f.shares);
      s.value(a1("C", row), n(x.sharesIssued), "calc", f.shares);
      s.formula(a1("D", row), `=B${row}+C${row}`, x.sharesBefore.add(x.sharesIssued), f.shares);
      s.formula(a1("E", row), `=D${row}/D$${rTotal}`, x.sharesBefore.add(x.sharesIssued).div(round.postMoneyShares), f.percent);
      row++;
    }
    s.value(a1("A", row), common.total, "total");
    const before = sum(round.rows.map((x) => x.sharesBefore));
    const issued = sum(round.rows.map((x) => x.sharesIssued));
    const pctAfter = sum(round.rows.map((x) => x.sharesBefore.add(x.sharesIssued).div(round.postMoneyShares)));
    s.formula(a1("B", row), `=SUM(B${rFirst}:B${rTotal - 1})`, before, f.shares, "total");
    s.formula(a1("C", row), `=SUM(C${rFirst}:C${rTotal - 1})`, issued, f.shares, "total");
    s.formula(a1("D", row), `=SUM(D${rFirst}:D${rTotal - 1})`, before.add(issued), f.shares, "total");
    s.formula(a1("E", row), `=SUM(E${rFirst}:E${rTotal - 1})`, pctAfter, f.percent, "total");
    row += 2;
    checks.push({ label: text.pricedRound.checkOwnership, left: `E${rTotal}`, right: "1", engine: [pctAfter, ONE] });
    checks.push({
      label: L.checkRoundShares,
      left: `D${rTotal}`,
      right: String(n(round.postMoneyShares)),
      engine: [before.add(issued), round.postMoneyShares],
      format: f.shares,
    });
    if (r.round!.assumptions.length > 0) {
      s.value(a1("A", row), L.assumptions, "section");
      row++;
      for (const a of r.round!.assumptions) s.value(a1("A", row++), a, "note");
      row++;
    }
  } else {
    s.value(a1("A", row), L.noRound, "note");
    row += 2;
  }

  // ---- Exit ------------------------------------------------------------------------------------
  const ex = input.exit;
  if (ex !== null && r.exit !== undefined) {
    const { classes, results, byHolder } = r.exit;
    s.value(a1("A", row), L.exit, "section");
    row++;
    s.value(a1("A", row), L.exitBasis, "note");
    row++;
    if (round === undefined && table.convertibles.length > 0) {
      s.value(a1("A", row), L.exitUnconverted(table.convertibles.length, n(sum(table.convertibles.map((c) => c.amount))), cur), "note");
      row++;
    }
    s.value(a1("A", row), `${text.exitWaterfall.netDebt} (${cur})`, "label");
    s.value(a1("B", row), ex.netDebt, "input", f.amount);
    s.input("exit.netDebt", a1("B", row));
    row++;
    s.value(a1("A", row), `${text.exitWaterfall.transactionCosts} (${cur})`, "label");
    s.value(a1("B", row), ex.transactionCosts, "input", f.amount);
    s.input("exit.transactionCosts", a1("B", row));
    row += 2;
    L.exitClassHeaders.forEach((h, i) => s.value(a1(col(i), row), i === 2 ? `${h} (${cur})` : h, "header"));
    row++;
    for (const c of classes) {
      s.value(a1("A", row), c.name, "label");
      s.value(a1("B", row), n(c.shares), "calc", f.shares);
      s.value(a1("C", row), n(c.invested ?? ZERO), "calc", f.amount);
      s.value(a1("D", row), n(c.preferenceMultiple ?? ZERO), "calc", f.multiple);
      s.value(a1("E", row), c.seniority ?? 1, "calc", f.count);
      s.value(a1("F", row), c.participation ?? "NONE", "calc");
      s.value(a1("G", row), c.capMultiple === undefined ? null : n(c.capMultiple), "calc", f.multiple);
      s.value(a1("H", row), n(c.conversionRatio ?? ONE), "calc", f.ratio);
      s.value(a1("I", row), c.strike === undefined ? null : n(c.strike), "calc", f.perShareInAmountUnit);
      row++;
    }
    row++;
    // Payout by class: one column per exit value.
    const m = ex.exitValues.length;
    s.value(a1("A", row), `${L.payoutByClass} (${cur})`, "section");
    row++;
    s.value(a1("A", row), text.exitWaterfall.exitValueHeader, "header");
    // The exit values: a row of inputs, read back as a list by Read from sheet (the payouts follow on Rebuild).
    ex.exitValues.forEach((v, j) => s.value(a1(col(j + 1), row), v, "input", f.amount));
    s.input("exit.exitValues", `B${row}:${col(m)}${row}`, undefined, undefined, { list: true });
    row++;
    const pcFirst = row;
    classes.forEach((c, i) => {
      s.value(a1("A", row), c.name, "label");
      results.forEach((res, j) => s.value(a1(col(j + 1), row), n(res.classes[i].total), "calc", f.amount));
      row++;
    });
    const pcTotal = row;
    s.value(a1("A", row), common.total, "total");
    results.forEach((res, j) =>
      s.formula(
        a1(col(j + 1), row),
        `=SUM(${col(j + 1)}${pcFirst}:${col(j + 1)}${pcTotal - 1})`,
        sum(res.classes.map((c) => c.total)),
        f.amount,
        "total",
      ),
    );
    row++;
    const proceedsRow = row;
    keyOutputs.push({ label: L.keyProceeds, ref: a1("B", row) });
    s.value(a1("A", row), text.exitWaterfall.proceeds, "label");
    results.forEach((res, j) => s.value(a1(col(j + 1), row), n(res.proceeds), "calc", f.amount));
    row += 2;
    s.value(a1("A", row), `${L.payoutByHolder} (${cur})`, "section");
    row++;
    s.value(a1("A", row), common.holder, "header");
    ex.exitValues.forEach((v, j) => s.formula(a1(col(j + 1), row), `=${col(j + 1)}${pcFirst - 1}`, d(v), f.amount, "header"));
    row++;
    const phFirst = row;
    for (const h of byHolder) {
      s.value(a1("A", row), h.holder, "label");
      h.totals.forEach((t, j) => s.value(a1(col(j + 1), row), n(t), "calc", f.amount));
      row++;
    }
    const phTotal = row;
    s.value(a1("A", row), common.total, "total");
    for (let j = 0; j < m; j++)
      s.formula(
        a1(col(j + 1), row),
        `=SUM(${col(j + 1)}${phFirst}:${col(j + 1)}${phTotal - 1})`,
        sum(byHolder.map((h) => h.totals[j])),
        f.amount,
        "total",
      );
    row += 2;
    const lastCol = col(m);
    const classesSum = sum(results.flatMap((res) => res.classes.map((c) => c.total)));
    checks.push({
      label: L.checkExit,
      left: `SUM(B${pcTotal}:${lastCol}${pcTotal})`,
      right: `SUM(B${proceedsRow}:${lastCol}${proceedsRow})`,
      engine: [classesSum, sum(results.map((res) => res.proceeds))],
      format: f.amount,
    });
    checks.push({
      label: L.checkHolders,
      left: `SUM(B${phTotal}:${lastCol}${phTotal})`,
      right: `SUM(B${pcTotal}:${lastCol}${pcTotal})`,
      engine: [sum(byHolder.flatMap((h) => h.totals)), classesSum],
      format: f.amount,
    });
  }

  // ---- Checks ----------------------------------------------------------------------------------
  s.checks(row, common.checks, checks);
  const keyEnd = s.keyOutputs(keyRow, common.keyOutputs(cur), keyOutputs);
  if (keyEnd !== keyRow + 1 + keyCount) throw new Error("internal: key outputs size");
  s.checksSummary(keyEnd, common.checksBelow);
  s.bandTo(columnLetters(Math.max(7, k + 7, 16)));
  // Printed two pages wide (the events table), with the date, type and holder columns on each page.
  s.printable(L.title(input.company), 2, "C");
  return s.build();
}
