/**
 * The taskpane's Open Cap Format import, without React: a `.ocf.zip` picked in the browser read into
 * a history and its report (the same reader as `captable import-ocf`), the report as lines in the
 * UI language, and the cap table as of a date as the priced round's form.
 *
 * - Reading happens in the browser: the zip's entries inflate chunk by chunk with a byte cap
 *   (src/ocf/zip.ts `streamEntry`; the .xlsx reader's `readPartBytes` needs Node's zlib), md5s are
 *   checked with src/ocf/md5.ts (Web Crypto has no MD5). "Refuse a package whose md5s do not match"
 *   is the command line's --require-md5.
 * - Any error is the whole import's: no history, no report, the form untouched (no partial model).
 * - The import keeps a plain history (`OcfImport.history`). By default it fills the cap-table
 *   history model (`historyFromOcf`: classes, plans, dated events; src/model/capTableHistoryImport.ts),
 *   each part the model cannot hold listed with the reason; the priced round below is the other use.
 *   The priced round's cap table is holders and shares, fully diluted: its rows are the history's
 *   cap table as of the date as `nextRoundFromHistory` reads it (stock as converted to common,
 *   options and warrants outstanding, vested or not, each plan's available pool), and its SAFEs and
 *   notes its instruments. Each reading that the package does not state is a shown note.
 */
import { Decimal } from "../engine/decimal";
import { isEngineError } from "../engine/errors";
import { capTableAsOf, isIsoDate, validateHistory, type CapTableHistory, type ConvertibleTerms, type Issuance } from "../engine/history/history";
import { nextRoundFromHistory } from "../engine/history/nextRound";
import { LIMITS } from "../model/fields";
import { historyInputFromEngine } from "../model/capTableHistoryImport";
import { ROUND_LIMITS, type InstrumentInput, type PricedRoundInput } from "../model/pricedRoundInput";
import { md5Hex } from "../ocf/md5";
import type { OcfRuleRef } from "../ocf/ocfRules";
import { readOcfPackage, type OcfImport, type OcfObjectNote, type OcfReport } from "../ocf/read";
import { ocfRuleMessage } from "../locales/ocfMessagesFr";

/** The reader's rules and refusals in the UI language (for the panel, which loads this module when a package is picked). */
export { ocfErrorMessage, ocfRuleMessage } from "../locales/ocfMessagesFr";
import { filesFromZip, streamEntry } from "../ocf/zip";
import { formFromInput, newGridRow, tableSpec, type ModelForm } from "./forms";
import type { Lang, Messages } from "./i18n";

/** A package read: its history and report, and why its transactions do not form one cap table, if they do not. */
export interface OcfRead {
  readonly imported: OcfImport;
  /**
   * Set when the history does not hold together (a dangling or looping security, a date out of
   * order): the report is shown, no cap table is built. The rule broken (`historyInvalid`, carrying
   * the engine's), shown in the UI language with `ocfRuleMessage`.
   */
  readonly inconsistent?: OcfRuleRef<"historyInvalid">;
}

/**
 * Reads a picked `.ocf.zip` whole, or throws (an OcfError naming the file and object at fault: a
 * zip bomb, a bad md5 when refused, a malformed object). Every object is read first and the history
 * checked after, so a package whose transactions do not form one cap table (OCF's own samples are a
 * catalogue of examples) still shows its report, with the reason no cap table can be built.
 */
export async function readOcfZip(bytes: Uint8Array, requireMd5: boolean): Promise<OcfRead> {
  const files = await filesFromZip(bytes, streamEntry);
  const imported = readOcfPackage(files, { md5: md5Hex, requireMd5, validate: false });
  try {
    validateHistory(imported.history);
    return { imported };
  } catch (error) {
    if (isEngineError(error) && error.rule !== undefined) return { imported, inconsistent: { id: "historyInvalid", params: { rule: error.rule } } };
    throw error;
  }
}

/** The report as the taskpane shows it: each line in the UI language (the reader's rules by id: src/ocf/ocfRules.ts, src/locales/ocfMessagesFr.ts). */
export interface ReportView {
  readonly summary: string;
  readonly counts: string;
  readonly applied: readonly { readonly type: string; readonly count: number }[];
  readonly noEffect: readonly string[];
  readonly skipped: readonly string[];
  /** md5 mismatches, in the UI language. */
  readonly md5: readonly string[];
  /** Other warnings, in the UI language. */
  readonly other: readonly string[];
}

/** An object's line: its type, id and file as the package names them, then why, in the UI language. */
function noteLine(n: OcfObjectNote, lang: Lang): string {
  return lang === "fr"
    ? `${n.objectType} « ${n.id} » (${n.file}) : ${ocfRuleMessage(n.rule, lang)}`
    : `${n.objectType} "${n.id}" (${n.file}): ${ocfRuleMessage(n.rule, lang)}`;
}

export function reportView(report: OcfReport, t: Messages, lang: Lang): ReportView {
  const applied = Object.entries(report.applied).map(([type, count]) => ({ type, count }));
  return {
    summary: t.ocf.summary(report.issuer, report.ocfVersion, report.asOf),
    counts: t.ocf.counts(
      applied.reduce((a, b) => a + b.count, 0),
      report.noEffect.length,
      report.skipped.length,
    ),
    applied,
    noEffect: report.noEffect.map((n) => noteLine(n, lang)),
    skipped: report.skipped.map((n) => noteLine(n, lang)),
    md5: report.md5Mismatches.map((m) => t.ocf.md5Mismatch(m.file, m.actual, m.expected)),
    // The md5 mismatches have their own lines above.
    other: report.warningRules.filter((w) => w.id !== "md5Mismatch").map((w) => ocfRuleMessage(w, lang)),
  };
}

/** The priced round's form filled from the history as of a date, with the notes to show. */
export interface RoundFromOcf {
  readonly form: ModelForm;
  readonly notes: readonly string[];
}

const number = (d: Decimal): number => Number(d.toString());

/** OCF's accrual periods as the model's compounding words (SIMPLE, or compounding at the period). */
const COMPOUNDING: Record<NonNullable<ConvertibleTerms["accrualPeriod"]>, "DAILY" | "MONTHLY" | "QUARTERLY" | "SEMIANNUAL" | "ANNUAL"> = {
  DAILY: "DAILY",
  MONTHLY: "MONTHLY",
  QUARTERLY: "QUARTERLY",
  SEMI_ANNUAL: "SEMIANNUAL",
  ANNUAL: "ANNUAL",
};

function currencyOf(history: CapTableHistory): { currency: string; found: string[] } {
  const found = new Set<string>();
  for (const e of history.events) if (e.type === "ISSUANCE" && e.currency !== undefined) found.add(e.currency);
  const list = [...found].sort();
  return { currency: list.length === 1 ? list[0] : "", found: list };
}

/**
 * The priced round's form from the cap table as of `asOf`: company, currency, the fully diluted cap
 * table with one pool row, and the SAFEs and notes outstanding; the pre-money and the new money are
 * left to fill. Throws (nothing is filled) when the cap table does not fit the priced round.
 */
export function pricedRoundFromOcf(imported: OcfImport, asOf: string, lang: Lang, t: Messages): RoundFromOcf {
  if (!isIsoDate(asOf)) throw new Error(t.ocf.asOfBad);
  const { history, report } = imported;
  const table = capTableAsOf(history, asOf);
  // Holdings only: the round's terms (pre-money, new money) are the user's, entered afterwards.
  const { input } = nextRoundFromHistory(history, table, { date: asOf, preMoney: new Decimal(1), investors: [] });
  const notes: string[] = [];

  const pools = input.holdings.filter((h) => h.pool === true);
  const rows = input.holdings.filter((h) => h.pool !== true).map((h) => ({ holder: h.holder, shares: number(h.shares) }));
  let optionPool: string;
  if (pools.length === 1) optionPool = pools[0].holder;
  else {
    optionPool = pools.length === 0 ? t.ocf.poolRow : t.ocf.poolsRow;
    notes.push(pools.length === 0 ? t.ocf.notePoolNone(optionPool) : t.ocf.notePoolMerged(pools.length, optionPool));
  }
  const poolShares = pools.reduce((sum, p) => sum.add(p.shares), new Decimal(0));
  rows.push({ holder: optionPool, shares: number(poolShares) });
  if (rows.length > LIMITS.maxHolders) throw new Error(t.ocf.tooManyRows(rows.length, LIMITS.maxHolders));

  const issuances = new Map<string, Issuance>();
  for (const e of history.events) if (e.type === "ISSUANCE") issuances.set(e.securityId, e);
  // nextRoundFromHistory reads the convertibles in the table's order: its i-th instrument is the i-th convertible.
  const converting = input.instruments ?? [];
  if (table.convertibles.length > ROUND_LIMITS.maxInstruments)
    throw new Error(t.ocf.tooManyInstruments(table.convertibles.length, ROUND_LIMITS.maxInstruments));
  const instruments: InstrumentInput[] = table.convertibles.map((c, i) => {
    const holder = converting[i].holder;
    const terms = issuances.get(c.securityId)?.conversion;
    const base = { holder, cap: null, discount: null, mfn: false, interest: null };
    if (terms === undefined) {
      notes.push(t.ocf.noteNoTerms(holder, c.convertibleType));
      return { ...base, type: "PRE_SAFE", amount: number(c.amount) };
    }
    const common = {
      ...base,
      cap: terms.valuationCap !== undefined ? number(terms.valuationCap) : null,
      discount: terms.discount !== undefined ? number(terms.discount) : null,
      mfn: terms.mfn,
    };
    if (terms.mechanism === "SAFE") {
      if (terms.timing === undefined) notes.push(t.ocf.noteSafeTiming(holder));
      return { ...common, type: terms.timing === "POST_MONEY" ? "POST_SAFE" : "PRE_SAFE", amount: number(c.amount) };
    }
    const rates = terms.interestRates ?? [];
    if (rates.length === 1) {
      // One rate: the note stays live (its rate, start and dates), accruing to the cap table's date until the user sets the round's.
      const r = rates[0];
      const end = r.to !== undefined && r.to < asOf ? r.to : asOf;
      notes.push(t.ocf.noteInterestDate(holder, end));
      return {
        ...common,
        type: "NOTE",
        amount: number(c.amount),
        interest: {
          rate: number(r.rate),
          startDate: r.from,
          conversionDate: end < r.from ? r.from : end,
          dayCount: terms.dayCount === "30_360" ? "30/360" : "ACT/365",
          compounding: terms.compounding === "COMPOUNDING" ? COMPOUNDING[terms.accrualPeriod ?? "ANNUAL"] : "SIMPLE",
        },
      };
    }
    // No rate, or several: the amount with the interest accrued to the date, as the next round reads it.
    if (rates.length > 1) notes.push(t.ocf.noteInterestBaked(holder, asOf));
    return { ...common, type: "NOTE", amount: number(converting[i].amount) };
  });

  const { currency, found } = currencyOf(history);
  if (currency === "") notes.push(t.ocf.noteCurrency(found.join(", ")));
  // The pre-money and the new money are the user's: the form shows them empty (num(null) is "").
  const partial = {
    kind: "pricedRound",
    company: report.issuer,
    currency,
    unit: "units",
    capTable: rows,
    optionPool,
    preMoney: null,
    investors: [],
    poolTarget: null,
    poolIncrease: null,
    instruments,
    rounding: "DOWN",
  } as unknown as PricedRoundInput;
  const form = formFromInput(partial, lang);
  return { form: { ...form, tables: { ...form.tables, investors: [newGridRow(tableSpec("pricedRound", "investors"))] } }, notes };
}

/** The cap-table history model's form filled from the package, with the notes and what the model does not hold (each with the reason). */
export interface HistoryFromOcf {
  readonly form: ModelForm;
  readonly notes: readonly string[];
  /** Each part of the package not in the model: `TYPE "id": reason` (French: `TYPE « id » : raison`), in the UI language. */
  readonly skipped: readonly string[];
}

/**
 * The history model's form from the whole package, its cap table shown as of `asOf`. Throws (nothing
 * is filled) when the history does not hold together. The model's checks (more events than it holds,
 * a name too long) show on the form, as for any input.
 */
export function historyFromOcf(imported: OcfImport, asOf: string, lang: Lang, t: Messages): HistoryFromOcf {
  if (!isIsoDate(asOf)) throw new Error(t.ocf.asOfBad);
  const out = historyInputFromEngine(imported.history, { company: imported.report.issuer, asOf, language: lang });
  const notes = [...out.notes];
  if (out.input.currency === "") notes.push(t.ocf.noteCurrency(out.currencies.join(", ")));
  return {
    form: formFromInput(out.input, lang),
    notes,
    // The command line words the same line from the same reason (src/locales/cliMessages.ts, `notInModel`).
    skipped: out.skipped.map((s) => (lang === "fr" ? `${s.type} « ${s.id} » : ${s.reason}` : `${s.type} "${s.id}": ${s.reason}`)),
  };
}
