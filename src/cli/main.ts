/**
 * The `captable` command line: templates and model workbooks outside Excel.
 *
 *   captable list-templates
 *   captable export-template <id> [-o template.json] [--lang en|fr]
 *   captable build-workbook <template.json | id> -o model.xlsx [--lang en|fr]
 *   captable extract-template <model.xlsx> [-o template.json] [--lang en|fr]
 *   captable validate-template <template.json> [--lang en|fr]
 *   captable import-ocf <package.ocf.zip | folder> [--as-of YYYY-MM-DD] [--require-md5] [-o model.json [--currency EUR] | --cap-table -o cap-table.json] [--lang en|fr]
 *   captable export-ocf <history.json> -o package.ocf.zip [--dir] [--as-of YYYY-MM-DD] [--currency EUR] [--lang en|fr]
 *
 * Exit codes: 0 done; 1 the input was refused or a file could not be read or written (the message
 * says which and why); 2 the command line itself is wrong (unknown command or option, missing
 * argument). Messages go to stderr, results to stdout. Existing files are never overwritten
 * unless --force is given.
 *
 * `main` takes its arguments and streams as parameters, so it runs the same from bin/captable.cjs
 * and in tests.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { JSON_LIMITS, builtInTemplate, builtInTemplates, parseTemplateJson, templateToJson, type Template } from "../templates";
import { fieldList, fieldWords, readableProblem } from "./words";
import { cliMessages, type CliMessages, type FsProblem } from "../locales/cliMessages";
import { FIELD_NAMES_FR, ruleMessage } from "../locales/ruleMessagesFr";
import type { FieldName } from "../model/ruleMessages";
import { historyWarningText } from "../engine";
import { HISTORY_WARNINGS_FR, SHEET_LANGUAGES, isSheetLanguage, type SheetLanguage } from "../model/sheetText";

/**
 * The workbook half (ExcelJS, JSZip, the model builders), loaded only by the commands that need
 * it: ExcelJS alone takes most of the start-up time, and listing or exporting templates does not use it.
 */
function workbookModule(): typeof import("./workbook") {
  return require("./workbook") as typeof import("./workbook");
}

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** The clock an export's generated_at reads (tests pin it); default: the system clock. */
  readonly now?: () => Date;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage: captable <command> [options]

Commands:
  list-templates                       List the built-in templates.
  export-template <id> [-o file.json] [--lang en|fr]
                                       Write a built-in template as JSON (to stdout without -o);
                                       --lang fr: the messages in French (the JSON is the same).
  build-workbook <template> -o file.xlsx [--lang en|fr]
                                       Build the model workbook a template describes: native
                                       formulas with their values, named ranges, formats, and the
                                       model stored inside so the CapTable add-in re-opens it.
                                       <template> is a template file, or the id of a built-in one.
                                       --lang fr writes the sheet's words in French (default en),
                                       and the command's messages are French too; the model
                                       stored inside is the same in either language.
  extract-template <file.xlsx> [-o file.json] [--lang en|fr]
                                       Write the template of the model stored in a workbook
                                       (--lang fr: the messages in French; the JSON is the same).
  validate-template <file.json> [--lang en|fr]
                                       Check a template file and list what is wrong with it
                                       (--lang fr: in French).
  import-ocf <package> [--as-of YYYY-MM-DD] [--require-md5] [-o file.json [--currency EUR]] [--cap-table] [--lang en|fr]
                                       Read an Open Cap Format package (.ocf.zip, or a folder with
                                       its manifest and *.ocf.json files) and give its cap table as
                                       of a date (default: the manifest's as_of), with a report of
                                       every object read or skipped. An md5 that does not match is
                                       a warning, or an error with --require-md5. -o writes a
                                       cap-table history model (classes, plans, dated events) as a
                                       template that build-workbook builds; what the model cannot
                                       hold is listed with the reason. --currency: the model's,
                                       when the package names none or several. --cap-table -o
                                       writes the cap table as of the date and the whole history
                                       as JSON instead, for export-ocf. --lang fr: the report (and
                                       the cap table printed) in French; the files are the same.
  export-ocf <history.json> -o file.ocf.zip [--dir] [--as-of YYYY-MM-DD] [--currency EUR] [--lang en|fr]
                                       Write a history (the .json import-ocf writes) as an Open Cap
                                       Format 1.2.0 package: a .ocf.zip, or with --dir a folder of
                                       the manifest and *.ocf.json files. as_of defaults to the last
                                       event's date; --currency is needed when the history names no
                                       currency, or several. Each field OCF requires that the
                                       history does not know is written with a default and listed.
                                       --lang fr gives the command's messages in French.

Options:
  -o, --output <file>  Output file.
  -f, --force          Overwrite the output file if it exists (export-ocf --dir: write
                       into an existing folder that holds only the package's files).
  -h, --help           Show this help.

Example:
  npx captable build-workbook opcore-stake-sale -o opcore.xlsx
  npx captable build-workbook opcore-stake-sale -o opcore-fr.xlsx --lang fr

Exit codes: 0 done, 1 input refused or file error, 2 wrong command line.
`;

class UsageError extends Error {}
class Failure extends Error {}

interface Parsed {
  readonly command?: string;
  readonly args: string[];
  readonly output?: string;
  readonly force: boolean;
  readonly help: boolean;
  /** import-ocf and export-ocf. */
  readonly asOf?: string;
  /** import-ocf only. */
  readonly requireMd5: boolean;
  /** import-ocf only: write the cap table and history JSON rather than a model. */
  readonly capTable: boolean;
  /** export-ocf only. */
  readonly dir: boolean;
  readonly currency?: string;
  /** build-workbook: the language of the sheet's words (and of the messages); the other commands that take it: of the messages. */
  readonly lang?: SheetLanguage;
  /** The messages, in the language of --lang (English without it). */
  readonly M: CliMessages;
}

/**
 * The language of the messages: the value of a valid --lang anywhere on the line, so that even an
 * error found while reading the options is reported in it; English otherwise.
 */
function messageLanguage(argv: readonly string[]): SheetLanguage {
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice("--lang=".length) : undefined;
    if (v !== undefined && isSheetLanguage(v)) return v;
  }
  return "en";
}

function readLang(option: string, value: string, M: CliMessages): SheetLanguage {
  if (!isSheetLanguage(value)) throw new UsageError(M.badLanguage(option, SHEET_LANGUAGES, value));
  return value;
}

function parseArgs(argv: readonly string[], M: CliMessages): Parsed {
  const args: string[] = [];
  let output: string | undefined;
  let force = false;
  let help = false;
  let asOf: string | undefined;
  let requireMd5 = false;
  let dir = false;
  let capTable = false;
  let currency: string | undefined;
  let lang: SheetLanguage | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") help = true;
    else if (a === "--require-md5") requireMd5 = true;
    else if (a === "--dir") dir = true;
    else if (a === "--cap-table") capTable = true;
    else if (a === "--currency") {
      if (i + 1 >= argv.length || argv[i + 1] === "") throw new UsageError(M.needsCurrency(a));
      currency = argv[++i];
    } else if (a.startsWith("--currency=")) currency = a.slice("--currency=".length);
    else if (a === "--as-of") {
      if (i + 1 >= argv.length || argv[i + 1] === "") throw new UsageError(M.needsDate(a));
      asOf = argv[++i];
    } else if (a.startsWith("--as-of=")) asOf = a.slice("--as-of=".length);
    else if (a === "--lang") {
      if (i + 1 >= argv.length || argv[i + 1] === "") throw new UsageError(M.needsLanguage(a));
      if (lang !== undefined) throw new UsageError(M.givenTwice(a));
      lang = readLang(a, argv[++i], M);
    } else if (a.startsWith("--lang=")) {
      if (lang !== undefined) throw new UsageError(M.givenTwice("--lang"));
      lang = readLang("--lang", a.slice("--lang=".length), M);
    } else if (a === "-f" || a === "--force") force = true;
    else if (a === "-o" || a === "--output") {
      if (i + 1 >= argv.length || argv[i + 1] === "") throw new UsageError(M.needsFileName(a));
      if (output !== undefined) throw new UsageError(M.givenTwice(a));
      output = argv[++i];
    } else if (a.startsWith("--output=")) output = a.slice("--output=".length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(M.unknownOption(a));
    else args.push(a);
  }
  const command = args.shift();
  // An option given and then ignored would be silently wrong: each is refused outside its commands.
  if (command !== "import-ocf" && command !== "export-ocf" && asOf !== undefined)
    throw new UsageError(M.optionOf("--as-of", ["import-ocf", "export-ocf"]));
  if (command !== "import-ocf" && requireMd5) throw new UsageError(M.optionOf("--require-md5", ["import-ocf"]));
  if (command !== "export-ocf" && dir) throw new UsageError(M.optionOf("--dir", ["export-ocf"]));
  if (command !== "import-ocf" && capTable) throw new UsageError(M.optionOf("--cap-table", ["import-ocf"]));
  if (command !== "export-ocf" && command !== "import-ocf" && currency !== undefined)
    throw new UsageError(M.optionOf("--currency", ["import-ocf", "export-ocf"]));
  // import-ocf reads --currency only when it writes a model: given otherwise, it would be ignored.
  if (command === "import-ocf" && currency !== undefined && (capTable || output === undefined || output === "-"))
    throw new UsageError(M.currencyOnlyForModel);
  if (command === "import-ocf" && capTable && (output === undefined || output === "-")) throw new UsageError(M.capTableNeedsFile);
  // extract-template too: the workbook reader's own problems (a part it cannot read, a damaged file) are rules of its catalogue (src/workbook/xlsxRules.ts).
  const langCommands = ["export-template", "build-workbook", "extract-template", "validate-template", "import-ocf", "export-ocf"];
  if (!langCommands.includes(command ?? "") && lang !== undefined) throw new UsageError(M.optionOf("--lang", langCommands));
  return { command, args, output, force, help, asOf, requireMd5, dir, capTable, currency, lang, M };
}

function expectArgs(p: Parsed, count: number, names: string): void {
  const command = p.command ?? "";
  if (p.args.length < count) throw new UsageError(p.M.needsArgs(command, names));
  if (p.args.length > count)
    throw new UsageError(count === 0 ? p.M.takesNoArgs(command, p.args[count]) : p.M.takesArgs(command, names, p.args[count]));
}

/** What went wrong with a file, in our words (the system's message names calls like "open", not the problem): M.fsProblem. */
function describeFsError(error: unknown, file: string, M: CliMessages = cliMessages("en")): string {
  const code = (error as NodeJS.ErrnoException).code;
  const problem = code !== undefined && Object.prototype.hasOwnProperty.call(M.fsProblem, code) ? M.fsProblem[code as FsProblem] : undefined;
  return M.fileProblem(file, problem ?? M.fsOther(code));
}

/**
 * A template's problems, one a line: in English each with its place in words ("cap table, row 1,
 * shares: …"); in French the rule's French message with its place in the file ("… (inputs.capTable[0].shares)").
 */
function problemLines(errors: readonly string[], lang: SheetLanguage = "en"): string {
  const inFrench = (e: string) => {
    const m = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*): (.*)$/s.exec(e);
    return m === null ? e : `${m[2]} (${m[1]})`;
  };
  return errors.map((e) => `  - ${lang === "fr" ? inFrench(e) : readableProblem(e)}`).join("\n");
}

/** The largest workbook extract-template reads: XLSX_READ_LIMITS.maxFileBytes (a test keeps them equal; not imported, to keep ExcelJS out of the CLI's start). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/**
 * The bytes of a file, reading at most `limit` + 1 bytes whatever the file is (a regular file, a
 * FIFO or a device whose size stat cannot tell): one byte more than the limit is refused as too
 * large, without reading the rest.
 */
export async function readAtMost(
  full: string,
  limit: number,
  tooLarge: (size: string) => string,
  fileSize: CliMessages["fileSize"] = cliMessages("en").fileSize,
): Promise<Buffer> {
  const handle = await fs.open(full, "r");
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stat.isFile() && stat.size > limit) throw new Failure(tooLarge(fileSize(stat.size, false)));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new Failure(tooLarge(fileSize(limit, true)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** The largest history file export-ocf reads: the most an OCF import reads in all (OCF_READ_LIMITS.maxTotalBytes; not imported, to keep zod's OCF readers out of the CLI's start). */
export const MAX_HISTORY_BYTES = 200 * 1024 * 1024;

async function readText(file: string, io: CliIO, what: "template" | "history" = "template", M: CliMessages = cliMessages("en")): Promise<string> {
  const full = path.resolve(io.cwd, file);
  try {
    // UTF-8 takes at most 4 bytes a character: anything larger cannot pass the character limit.
    const bytes =
      what === "template"
        ? await readAtMost(full, JSON_LIMITS.maxChars * 4, (size) => M.templateTooLarge(file, size, JSON_LIMITS.maxChars), M.fileSize)
        : await readAtMost(full, MAX_HISTORY_BYTES, (size) => M.historyTooLarge(file, size, MAX_HISTORY_BYTES), M.fileSize);
    return bytes.toString("utf8");
  } catch (error) {
    if (error instanceof Failure) throw error;
    if ((error as NodeJS.ErrnoException).code === "EISDIR") throw new Failure(M.notAFile(file, what));
    throw new Failure(describeFsError(error, file, M));
  }
}

async function readTemplateFile(file: string, io: CliIO, M: CliMessages = cliMessages("en"), lang: SheetLanguage = "en"): Promise<Template> {
  // In French each rule's message from the French rule catalogue, by its id (ruleMessagesFr.ts).
  const result = parseTemplateJson(await readText(file, io, "template", M), lang === "en" ? undefined : (issue) => ruleMessage(issue, lang));
  if (!result.ok) throw new Failure(`${M.notValidTemplate(file)}\n${problemLines(result.errors, lang)}`);
  return result.template;
}

/** What is at `full`, without following a symbolic link: nothing, a link (even one to nothing), or something else. */
async function entryAt(full: string): Promise<"none" | "link" | "entry"> {
  try {
    return (await fs.lstat(full)).isSymbolicLink() ? "link" : "entry";
  } catch {
    return "none";
  }
}

/**
 * Writes the output file. Never through a symbolic link, even one whose target does not exist yet
 * (the file would land wherever the link points): a link is refused, with or without --force.
 * Without --force the file is created exclusively ("wx": O_CREAT | O_EXCL, which fails on any existing
 * entry, a dangling link included, without following it), so nothing appearing meanwhile is overwritten.
 */
async function writeOutput(file: string, data: string | Buffer, p: Parsed, io: CliIO): Promise<void> {
  const full = path.resolve(io.cwd, file);
  const at = await entryAt(full);
  if (at === "link") throw new Failure(p.M.outputIsLink(file));
  const exists = p.M.outputExists(file);
  if (!p.force && at === "entry") throw new Failure(exists);
  try {
    await fs.writeFile(full, data, { flag: p.force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Failure(exists);
    throw new Failure(describeFsError(error, file, p.M));
  }
}

function idList(): string {
  return builtInTemplates()
    .map((b) => b.id)
    .join(", ");
}

async function listTemplates(p: Parsed, io: CliIO): Promise<void> {
  expectArgs(p, 0, "");
  if (p.output !== undefined) throw new UsageError("list-templates writes to the terminal; it takes no -o");
  const all = builtInTemplates();
  const width = all.reduce((w, b) => Math.max(w, b.id.length), 0);
  for (const b of all) io.stdout(`${b.id.padEnd(width)}  ${b.title}\n${" ".repeat(width)}  ${b.description}\n\n`);
  io.stdout(`Export one with: captable export-template <id> -o template.json\n`);
}

async function exportTemplate(p: Parsed, io: CliIO): Promise<void> {
  expectArgs(p, 1, p.M.aBuiltInId);
  const found = builtInTemplate(p.args[0]);
  if (found === undefined) throw new Failure(p.M.noBuiltIn(p.args[0], idList()));
  const json = templateToJson(found.template);
  if (p.output === undefined || p.output === "-") io.stdout(json);
  else {
    await writeOutput(p.output, json, p, io);
    io.stderr(`${p.M.wroteTemplate(found.id, p.output)}\n`);
  }
}

async function buildWorkbook(p: Parsed, io: CliIO): Promise<void> {
  const M = p.M;
  expectArgs(p, 1, M.aTemplate);
  if (p.output === undefined) throw new UsageError(M.buildNeedsOutput);
  if (!p.output.toLowerCase().endsWith(".xlsx")) throw new UsageError(M.outputMustBeXlsx(p.output));
  const source = p.args[0];
  let template: Template;
  if ((await entryAt(path.resolve(io.cwd, source))) !== "none") template = await readTemplateFile(source, io, M, p.lang);
  else {
    const found = builtInTemplate(source);
    if (found === undefined) throw new Failure(M.noSuchTemplate(source, idList()));
    template = found.template;
  }
  let built;
  try {
    built = await workbookModule().workbookFromTemplate(template, undefined, p.lang);
  } catch (error) {
    // An engine's refusal in its rule's words, in the language of the messages (src/locales/engineMessagesFr.ts).
    const { engineMessage } = require("../locales/engineMessagesFr") as typeof import("../locales/engineMessagesFr");
    throw new Failure(M.notBuilt(engineMessage(error, p.lang ?? "en")));
  }
  await writeOutput(p.output, built.buffer, p, io);
  io.stderr(`${M.wroteWorkbook(p.output, built.sheetName, template.title, built.modelId)}\n`);
  if (built.chartsSkipped > 0) io.stderr(`${M.chartsSkipped(built.chartsSkipped)}\n`);
  if (built.addInCells.length > 0) io.stderr(`${M.addInCells(built.addInCells.length)}\n`);
  // The fields to fill in words; in French by the rule catalogue's French field names where it has them.
  if (template.toFill.length > 0) {
    const fields = template.toFill.map((f) => f.field);
    const words =
      p.lang === "fr"
        ? fields
            .map(fieldWords)
            .map((w) => (Object.prototype.hasOwnProperty.call(FIELD_NAMES_FR, w) ? FIELD_NAMES_FR[w as FieldName] : w))
            .join(", ")
        : fieldList(fields);
    io.stderr(`${M.toFill(words)}\n`);
  }
  for (const warning of built.warnings) io.stderr(`${M.warning(warning)}\n`);
}

async function extractTemplate(p: Parsed, io: CliIO): Promise<void> {
  const M = p.M;
  const lang = p.lang ?? "en";
  expectArgs(p, 1, M.aWorkbook);
  const file = p.args[0];
  let buffer: Buffer;
  try {
    buffer = await readAtMost(
      path.resolve(io.cwd, file),
      MAX_WORKBOOK_BYTES,
      (size) => M.workbookTooLarge(file, size, MAX_WORKBOOK_BYTES),
      M.fileSize,
    );
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(describeFsError(error, file, M));
  }
  // The reader's refusals and the parts it skips are rules of its catalogue, worded in the language of the messages by their id;
  // a template's problems by the rule catalogue's, as validate-template words them.
  const { xlsxErrorMessage, xlsxRuleMessage } = require("../locales/xlsxMessagesFr") as typeof import("../locales/xlsxMessagesFr");
  let found;
  let unreadable;
  try {
    ({ templates: found, unreadableRules: unreadable } = await workbookModule().workbookTemplates(
      buffer,
      lang === "en" ? undefined : (issue) => ruleMessage(issue, lang),
    ));
  } catch (error) {
    throw new Failure(M.fileProblem(file, xlsxErrorMessage(error, lang)));
  }
  const skipped = unreadable.map((u) => `  - ${xlsxRuleMessage(u, lang)}`).join("\n");
  if (found.length === 0) throw new Failure(M.noModel(file, unreadable.length > 0 ? skipped : undefined));
  if (unreadable.length > 0) io.stderr(`${M.partsSkipped(file, skipped)}\n`);
  if (found.length > 1) io.stderr(`${M.manyModels(file, found.length, found[0].sheet)}\n`);
  const first = found[0];
  if (!first.result.ok) throw new Failure(`${M.modelNotValid(first.sheet)}\n${problemLines(first.result.errors, lang)}`);
  const json = templateToJson(first.result.template);
  if (p.output === undefined || p.output === "-") io.stdout(json);
  else {
    await writeOutput(p.output, json, p, io);
    io.stderr(`${M.wroteSheetTemplate(first.sheet, p.output)}\n`);
  }
}

async function validateTemplateFile(p: Parsed, io: CliIO): Promise<void> {
  expectArgs(p, 1, p.M.aTemplateFile);
  const template = await readTemplateFile(p.args[0], io, p.M, p.lang);
  io.stdout(`${p.M.validTemplate(p.args[0], template.title, template.kind, template.version)}\n`);
}

async function importOcfCommand(p: Parsed, io: CliIO): Promise<void> {
  const M = p.M;
  expectArgs(p, 1, M.anOcfPackage);
  if (p.output !== undefined && p.output !== "-" && !p.output.toLowerCase().endsWith(".json")) throw new UsageError(M.importOutputJson(p.output));
  const ocf = require("./ocf") as typeof import("./ocf");
  // The reader's refusals, warnings and reasons are rules of the OCF catalogue, worded in the language of the messages by their id;
  // the model importer's notes and reasons are in the language it is given (src/model/capTableHistoryImport.ts), as in the taskpane.
  const { ocfErrorMessage, ocfRuleMessage } = require("../locales/ocfMessagesFr") as typeof import("../locales/ocfMessagesFr");
  const lang = p.lang ?? "en";
  const source = p.args[0];
  let imported;
  let table;
  try {
    const read = (full: string, limit: number) =>
      readAtMost(full, limit, (size) => M.ocfTooLarge(path.relative(io.cwd, full) || source, size, limit), M.fileSize);
    imported = await ocf.importOcf(path.resolve(io.cwd, source), read, { requireMd5: p.requireMd5 });
    table = ocf.capTableAsOf(imported.history, p.asOf ?? imported.report.asOf);
  } catch (error) {
    if (error instanceof Failure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(code !== undefined ? describeFsError(error, source, M) : M.fileProblem(source, ocfErrorMessage(error, lang)));
  }
  const { report } = imported;
  const readerWarnings = report.warningRules.map((w) => ocfRuleMessage(w, lang));
  const tableWarnings = table.warningRules.map((w) => (lang === "fr" ? historyWarningText(w, HISTORY_WARNINGS_FR) : historyWarningText(w)));
  if (p.output === undefined || p.output === "-")
    io.stdout(
      ocf.capTableText(imported.history, table, report, M.capTable, {
        reasons: report.skipped.map((s) => ocfRuleMessage(s.rule, lang)),
        warnings: [...readerWarnings, ...tableWarnings],
      }),
    );
  else if (!p.capTable) {
    let model;
    try {
      model = ocf.historyTemplate(imported, table.date, p.currency, lang);
    } catch (error) {
      if (!(error instanceof ocf.OcfModelError)) throw new Failure(M.fileProblem(source, ocfErrorMessage(error, lang)));
      const problem = error.problem;
      throw new Failure(
        M.fileProblem(
          source,
          problem.id === "notFit"
            ? `${M.modelNotFit}\n${problemLines(problem.errors, lang)}\n${M.modelNotFitCapTable(source)}`
            : ocf.ocfModelProblemText(problem, M),
        ),
      );
    }
    await writeOutput(p.output, model.json, p, io);
    io.stderr(`${M.wroteHistoryModel(report.issuer, table.date, p.output)}\n`);
    for (const w of readerWarnings) io.stderr(`${M.warning(w)}\n`);
    for (const s of report.skipped) io.stderr(`${M.skippedByReader(s.objectType, s.id, s.file, ocfRuleMessage(s.rule, lang))}\n`);
    // The model importer's reasons and notes by code and id, in the words the taskpane's history import shows (src/model/capTableHistoryImport.ts).
    const { historyImportNoteText, historyImportSkipText } =
      require("../model/capTableHistoryImport") as typeof import("../model/capTableHistoryImport");
    for (const s of model.skipped) io.stderr(`${M.notInModel(s.type, s.id, historyImportSkipText(s, lang))}\n`);
    for (const n of model.noteRules) io.stderr(`${M.modelNote(historyImportNoteText(n, lang))}\n`);
  } else {
    await writeOutput(p.output, `${JSON.stringify(ocf.capTableJson(imported.history, table, report, imported), null, 2)}\n`, p, io);
    io.stderr(`${M.wroteCapTable(report.issuer, table.date, p.output)}\n`);
    for (const w of [...readerWarnings, ...tableWarnings]) io.stderr(`${M.warning(w)}\n`);
    if (report.skipped.length > 0) io.stderr(`${M.skippedInFile(report.skipped.length)}\n`);
  }
}

/**
 * Writes a package as a folder: created new; with --force an existing folder is written into only
 * when every file in it is one the package writes (nothing stale from another package is left to
 * be read with it). No file is written through a link.
 */
async function writeFolder(folder: string, files: readonly { path: string; bytes: Uint8Array }[], p: Parsed, io: CliIO): Promise<void> {
  const M = p.M;
  const full = path.resolve(io.cwd, folder);
  const at = await entryAt(full);
  if (at === "link") throw new Failure(M.folderIsLink(folder));
  try {
    if (at === "entry") {
      if (!p.force) throw new Failure(M.folderExists(folder));
      if (!(await fs.lstat(full)).isDirectory()) throw new Failure(M.folderNotFolder(folder));
      const ours = new Set(files.map((f) => f.path));
      const others = (await fs.readdir(full)).filter((name) => !ours.has(name));
      if (others.length > 0) throw new Failure(M.folderHoldsOthers(folder, others));
    } else await fs.mkdir(full);
    for (const f of files) {
      const target = path.join(full, f.path);
      if ((await entryAt(target)) === "link") throw new Failure(M.fileIsLink(path.join(folder, f.path)));
      await fs.writeFile(target, f.bytes, { flag: p.force ? "w" : "wx" });
    }
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(describeFsError(error, folder, M));
  }
}

async function exportOcfCommand(p: Parsed, io: CliIO): Promise<void> {
  const M = p.M;
  expectArgs(p, 1, M.aHistory);
  if (p.output === undefined || p.output === "-") throw new UsageError(M.exportNeedsOutput(p.output === "-"));
  if (!p.dir && !p.output.toLowerCase().endsWith(".zip")) throw new UsageError(M.exportOutputZip(p.output));
  const ocf = require("./ocf") as typeof import("./ocf");
  // The export's defaults and refusals are rules of the OCF catalogue, worded in the language of the messages by their id.
  const { ocfErrorMessage, ocfRuleMessage } = require("../locales/ocfMessagesFr") as typeof import("../locales/ocfMessagesFr");
  const lang = p.lang ?? "en";
  const source = p.args[0];
  const text = await readText(source, io, "history", M);
  const now = (io.now ?? (() => new Date()))();
  let out;
  try {
    out = ocf.exportHistory(text, { asOf: p.asOf, currency: p.currency, generatedAt: now.toISOString().replace(/\.\d{3}Z$/, "Z") });
  } catch (error) {
    throw new Failure(M.fileProblem(source, ocfErrorMessage(error, lang)));
  }
  if (p.dir) await writeFolder(p.output, out.files, p, io);
  else await writeOutput(p.output, await ocf.zipOcf(out.files, now), p, io);
  io.stderr(`${M.wroteOcf(out.asOf, `${p.output}${p.dir ? "/" : ""}`, out.files.length, out.currency)}\n`);
  for (const w of out.warningRules) io.stderr(`${M.defaultWritten(ocfRuleMessage(w, lang))}\n`);
}

const COMMANDS: Record<string, (p: Parsed, io: CliIO) => Promise<void>> = {
  "list-templates": listTemplates,
  "export-template": exportTemplate,
  "build-workbook": buildWorkbook,
  "extract-template": extractTemplate,
  "validate-template": validateTemplateFile,
  "import-ocf": importOcfCommand,
  "export-ocf": exportOcfCommand,
};

/** Runs one command line; resolves to the exit code (never rejects). */
export async function main(
  argv: readonly string[],
  io: CliIO = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd() },
): Promise<number> {
  const M = cliMessages(messageLanguage(argv));
  try {
    const p = parseArgs(argv, M);
    if (p.help || p.command === "help") {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (p.command === undefined) {
      io.stderr(USAGE);
      return EXIT.usage;
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, p.command) ? COMMANDS[p.command] : undefined;
    if (run === undefined) throw new UsageError(M.unknownCommand(p.command));
    await run(p, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`captable: ${error.message}\n${M.runHelp}\n`);
      return EXIT.usage;
    }
    if (error instanceof Failure) {
      io.stderr(`captable: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`captable: ${M.unexpected((error as Error).stack ?? String(error))}\n`);
    return EXIT.failed;
  }
}
