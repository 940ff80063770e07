/**
 * `captable import-ocf`: an Open Cap Format package (a `.ocf.zip` or a folder holding its manifest
 * and `*.ocf.json` files) read, replayed, and its cap table as of a date printed or written as JSON
 * (with the whole history, which `captable export-ocf` writes back as a package).
 *
 * Limits are checked while reading, never after: a zip entry inflates in chunks and stops at the
 * size limit whatever size its header declares; a folder's files are measured before being read.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { readPartBytes } from "../workbook/xlsxReader";
import { capTableAsOf, isIsoDate, type CapTableAsOf, type CapTableHistory } from "../engine/history/history";
import { historyToJson, parseHistoryJson, type HistoryDocument } from "../ocf/historyJson";
import { ocfError } from "../ocf/ocfRules";
import { OCF_READ_LIMITS, readOcfPackage, type OcfFile, type OcfImport, type OcfReadOptions } from "../ocf/read";
import { writeOcfPackage, type OcfExport } from "../ocf/write";
import { filesFromZip as zipFiles } from "../ocf/zip";
import { md5Hex } from "../ocf/md5";
import { historyInputFromEngine, type HistoryImportNote, type HistoryImportNoteRule } from "../model/capTableHistoryImport";
import type { SheetLanguage } from "../model/sheetText";
import { type CapTableTextMessages, type CliMessages, cliMessages } from "../locales/cliMessages";
import { ruleMessage } from "../locales/ruleMessagesFr";
import { DEFAULT_PRESENTATION, TEMPLATE_FORMAT, TEMPLATE_VERSION, jsonSyntaxError, parseTemplateJson, templateToJson } from "../templates";

/** One MD5 for the command line and the taskpane (src/ocf/md5.ts, checked against Node's crypto in test/ocf/md5.test.ts). */
export { md5Hex };

/** The files of a `.ocf.zip`, each entry inflated with the .xlsx reader's readPartBytes (Node's zlib: a byte cap, the checksum checked). */
export const filesFromZip = (bytes: Uint8Array): Promise<OcfFile[]> => zipFiles(bytes, (zip, name, cap) => readPartBytes(zip, name, cap)!);

/** Reads at most `limit` bytes of a file (the command line's `readAtMost`: a file that grows, or a FIFO, is refused past the limit). */
export type ReadAtMost = (full: string, limit: number) => Promise<Uint8Array>;

/** The files of a folder (and its subfolders), each read up to the size limit; links are not followed. */
export async function filesFromFolder(folder: string, read: ReadAtMost): Promise<OcfFile[]> {
  const files: OcfFile[] = [];
  let total = 0;
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = prefix + entry.name;
      if (entry.isSymbolicLink()) throw ocfError("folderLink", { file: rel });
      if (entry.isDirectory()) {
        await walk(full, `${rel}/`);
        continue;
      }
      if (!entry.isFile()) continue;
      if (files.length >= OCF_READ_LIMITS.maxFiles)
        throw ocfError("tooManyFiles", { count: files.length + 1, max: OCF_READ_LIMITS.maxFiles, folder: true });
      const bytes = await read(full, OCF_READ_LIMITS.maxFileBytes);
      total += bytes.byteLength;
      if (total > OCF_READ_LIMITS.maxTotalBytes)
        throw ocfError("packageTooLarge", { bytes: total, max: OCF_READ_LIMITS.maxTotalBytes, how: "folder" });
      files.push({ path: rel, bytes });
    }
  };
  await walk(folder, "");
  return files;
}

/** Reads a package from a path: a folder, or a zip file (read up to the size limit). */
export async function importOcf(full: string, read: ReadAtMost, options: Omit<OcfReadOptions, "md5"> = {}): Promise<OcfImport> {
  const files = (await fs.stat(full)).isDirectory()
    ? await filesFromFolder(full, read)
    : await filesFromZip(await read(full, OCF_READ_LIMITS.maxTotalBytes));
  return readOcfPackage(files, { ...options, md5: md5Hex });
}

const names = (history: CapTableHistory) => ({
  holder: new Map(history.holders.map((h) => [h.id, h.name])),
  cls: new Map(history.classes.map((c) => [c.id, c.name])),
  plan: new Map(history.plans.map((p) => [p.id, p.name])),
});

/** The cap table as of a date as plain JSON: every number an exact decimal string. */
export function capTableJson(history: CapTableHistory, table: CapTableAsOf, imported: OcfImport["report"], full?: OcfImport): unknown {
  const n = names(history);
  return {
    issuer: imported.issuer,
    asOf: table.date,
    basis: {
      outstanding: "shares issued and outstanding, each class in its own shares",
      fullyDiluted:
        "outstanding as converted to common + options and warrants outstanding (vested or not) + the plans' available pool; SAFEs and notes not included (their shares depend on a future round's price)",
    },
    outstandingShares: table.outstandingShares.toString(),
    outstandingAsConverted: table.outstandingAsConverted.toString(),
    fullyDiluted: table.fullyDiluted.toString(),
    stock: table.stock.map((s) => ({ holder: n.holder.get(s.holderId), class: n.cls.get(s.classId), shares: s.shares.toString() })),
    optionsAndWarrants: table.derivatives.map((d) => ({
      security: d.securityId,
      kind: d.kind,
      holder: n.holder.get(d.holderId),
      plan: d.planId === undefined ? undefined : n.plan.get(d.planId),
      quantity: d.quantity.toString(),
      exercisePrice: d.exercisePrice?.toString(),
      vested: d.vested?.toString() ?? "no schedule in the package",
    })),
    convertibles: table.convertibles.map((c) => ({
      security: c.securityId,
      holder: n.holder.get(c.holderId),
      type: c.convertibleType,
      amount: c.amount.toString(),
      currency: c.currency,
    })),
    plans: table.plans.map((p) => ({
      plan: n.plan.get(p.planId),
      reserved: p.reserved.toString(),
      granted: p.granted.toString(),
      exercised: p.exercised.toString(),
      available: p.available.toString(),
    })),
    warnings: table.warnings,
    report: imported,
    // The whole history (every number a decimal string): `captable export-ocf` reads it back.
    ...(full !== undefined ? { history: historyToJson(full.history, full.issuer) } : {}),
  };
}

/**
 * A readable text of the import: the report, then the cap table as of the date. `T`: the words of a
 * language (src/locales/cliMessages.ts); `worded`: the skipped objects' reasons and the warnings in
 * that language (the OCF and history catalogues' by id); English by default.
 */
export function capTableText(
  history: CapTableHistory,
  table: CapTableAsOf,
  report: OcfImport["report"],
  T: CapTableTextMessages = cliMessages("en").capTable,
  worded: { readonly reasons: readonly string[]; readonly warnings: readonly string[] } = {
    reasons: report.skipped.map((s) => s.reason),
    warnings: [...report.warnings, ...table.warnings],
  },
): string {
  const n = names(history);
  const lines: string[] = [];
  const applied = Object.values(report.applied).reduce((a, b) => a + b, 0);
  lines.push(T.heading(report.issuer, report.ocfVersion, report.asOf));
  lines.push(T.counts(applied, report.noEffect.length, report.skipped.length));
  report.skipped.forEach((s, i) => lines.push(T.skipped(s.objectType, s.id, s.file, worded.reasons[i])));
  for (const w of worded.warnings) lines.push(T.warning(w));
  lines.push("", T.asOf(table.date), T.stockHeader);
  for (const s of table.stock) lines.push(`${n.holder.get(s.holderId)}\t${n.cls.get(s.classId)}\t${s.shares.toString()}`);
  if (table.derivatives.length > 0) {
    lines.push("", T.derivativesHeader);
    for (const d of table.derivatives)
      lines.push(
        `${n.holder.get(d.holderId)}\t${d.quantity.toString()}\t${d.exercisePrice?.toString() ?? ""}\t${d.vested?.toString() ?? T.noSchedule}`,
      );
  }
  if (table.convertibles.length > 0) {
    lines.push("", T.convertiblesHeader);
    for (const c of table.convertibles)
      lines.push(`${n.holder.get(c.holderId)}\t${c.convertibleType}\t${c.amount.toString()} ${c.currency ?? ""}`.trimEnd());
  }
  for (const p of table.plans)
    lines.push("", T.plan(n.plan.get(p.planId) ?? "", p.reserved.toString(), p.granted.toString(), p.exercised.toString(), p.available.toString()));
  lines.push(
    "",
    T.outstanding(table.outstandingShares.toString(), table.outstandingAsConverted.toString()),
    T.fullyDiluted(table.fullyDiluted.toString()),
  );
  return `${lines.join("\n")}\n`;
}

/** What `export-ocf` needs beyond the history. */
export interface ExportChoices {
  /** The package's as_of date; default: the date of the history's last event. */
  readonly asOf?: string;
  /** Currency of prices the history does not tag; default: the one currency the history uses. */
  readonly currency?: string;
  readonly generatedAt: string;
}

/** The currencies the history's issuances name. */
function currenciesOf(doc: HistoryDocument): string[] {
  const found = new Set<string>();
  for (const e of doc.history.events) {
    if (e.type !== "ISSUANCE") continue;
    if (e.currency !== undefined) found.add(e.currency);
    if (e.conversion?.capCurrency !== undefined) found.add(e.conversion.capCurrency);
  }
  return [...found].sort();
}

/**
 * An OCF 1.2.0 package of a history document (the JSON `import-ocf -o` writes, or `historyToJson`'s).
 * Throws OcfError (a rule of the catalogue, src/ocf/ocfRules.ts, so the command line words it in its
 * language) when the document is not a valid history, or when something OCF requires is not known and
 * cannot be defaulted without saying a wrong thing: the issuer's name, formation date and country, or
 * which currency prices are in.
 */
export function exportHistory(text: string, choices: ExportChoices): OcfExport & { readonly asOf: string; readonly currency: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // Located by the templates' JSON syntax checker (line and column), not in the runtime's words.
    const at = jsonSyntaxError(text.replace(/^\uFEFF/, ""));
    throw ocfError("historyNotJson", at ?? { line: 1, column: 1, problem: (error as Error).message });
  }
  const doc = parseHistoryJson(value);
  const issuer = doc.issuer;
  const missing = [
    issuer === undefined ? "id" : undefined,
    issuer === undefined ? "legalName" : undefined,
    issuer?.formationDate === undefined ? "formationDate" : undefined,
    issuer?.countryOfFormation === undefined ? "countryOfFormation" : undefined,
  ].filter((m): m is string => m !== undefined);
  if (issuer === undefined || missing.length > 0) throw ocfError("exportIssuerMissing", { fields: missing });
  if (!/^[A-Z]{2}$/.test(issuer.countryOfFormation!)) throw ocfError("exportCountry", { country: issuer.countryOfFormation! });
  const used = currenciesOf(doc);
  let currency = choices.currency;
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw ocfError("exportCurrencyCode", { currency });
  if (currency === undefined) {
    if (used.length === 0) throw ocfError("exportNoCurrency", {});
    if (used.length > 1) throw ocfError("exportManyCurrencies", { currencies: used });
    currency = used[0];
  }
  const last = doc.history.events.reduce((max, e) => (e.date > max ? e.date : max), "");
  const asOf = choices.asOf ?? (last !== "" ? last : choices.generatedAt.slice(0, 10));
  if (!isIsoDate(asOf)) throw ocfError("exportAsOf", { asOf });
  const out = writeOcfPackage(doc.history, {
    issuer: { id: issuer.id, legalName: issuer.legalName, formationDate: issuer.formationDate!, countryOfFormation: issuer.countryOfFormation! },
    asOf,
    generatedAt: choices.generatedAt,
    currency,
    md5: md5Hex,
  });
  return { ...out, asOf, currency };
}

/** The package's files in a zip (deflated; every entry dated `date`, so the same history gives the same bytes). */
export async function zipOcf(files: OcfExport["files"], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes, { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** A cap-table history model's template of an imported package, with what the model could not hold. */
export interface HistoryTemplate {
  /** The template's JSON text (`captable build-workbook` reads it). */
  readonly json: string;
  readonly skipped: readonly HistoryImportNote[];
  /** The importer's notes by id (`historyImportNoteText` words them in a language). */
  readonly noteRules: readonly HistoryImportNoteRule[];
}

/** Why a package that reads does not fit a cap-table history model. */
export type OcfModelProblem =
  | { readonly id: "noCurrency" }
  | { readonly id: "manyCurrencies"; readonly currencies: readonly string[] }
  | { readonly id: "notFit"; readonly errors: readonly string[] };

/** The problem in the command line's words (src/locales/cliMessages.ts), in a language. */
export function ocfModelProblemText(problem: OcfModelProblem, M: CliMessages = cliMessages("en")): string {
  switch (problem.id) {
    case "noCurrency":
      return M.modelNoCurrency;
    case "manyCurrencies":
      return M.modelManyCurrencies(problem.currencies);
    case "notFit":
      return `${M.modelNotFit}\n${problem.errors.map((e) => `  - ${e}`).join("\n")}`;
  }
}

/** A package that reads but does not fit a cap-table history model: the English message, the problem on `error.problem` (the command line words it in its language). */
export class OcfModelError extends Error {
  readonly problem: OcfModelProblem;

  constructor(problem: OcfModelProblem) {
    super(ocfModelProblemText(problem));
    this.name = "OcfModelError";
    this.problem = problem;
  }
}

/**
 * The package as a cap-table history model (src/model/capTableHistoryImport.ts): its classes,
 * plans and dated events, as of `asOf`, in a template that `build-workbook` builds. Throws OcfModelError
 * with each problem when the model refuses the inputs (a currency the package does not settle, more
 * events than a model holds). `lang`: the language of the model's input errors (the rule catalogue's,
 * by rule id); the importer's notes and reasons are given by id and code, for the caller to word.
 */
export function historyTemplate(imported: OcfImport, asOf: string, currency?: string, lang: SheetLanguage = "en"): HistoryTemplate {
  const { report } = imported;
  const out = historyInputFromEngine(imported.history, { company: report.issuer, asOf, currency });
  if (out.input.currency === "")
    throw new OcfModelError(out.currencies.length === 0 ? { id: "noCurrency" } : { id: "manyCurrencies", currencies: out.currencies });
  const description =
    `Imported from an Open Cap Format ${report.ocfVersion} package (as of ${report.asOf}). ` +
    (out.skipped.length === 0
      ? "Every transaction is a row of the model."
      : `${out.skipped.length} part(s) of the package are not in the model (import-ocf lists each with the reason).`);
  const json = templateToJson({
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    kind: "capTableHistory",
    title: `${report.issuer}: cap table history`.slice(0, 100),
    description,
    inputs: { ...out.input, source: `OCF ${report.ocfVersion} package of ${report.issuer}`.slice(0, 100) },
    toFill: [],
    presentation: { ...DEFAULT_PRESENTATION },
  } as Parameters<typeof templateToJson>[0]);
  const checked = parseTemplateJson(json, lang === "en" ? undefined : (issue) => ruleMessage(issue, lang));
  if (!checked.ok) throw new OcfModelError({ id: "notFit", errors: checked.errors });
  return { json: templateToJson(checked.template), skipped: out.skipped, noteRules: out.noteRules };
}

export { capTableAsOf };
