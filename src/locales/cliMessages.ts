/**
 * The command line's own messages, in English and in French (`captable build-workbook ... --lang fr`,
 * `captable export-ocf ... --lang fr`): usage errors, file errors, what build-workbook, extract-template
 * and export-ocf report when they have written their output. One object
 * per language; `CliMessages` makes the compiler refuse a French catalogue that misses a message.
 * A template's input errors come from the rule catalogues (src/model/ruleMessages.ts and
 * ruleMessagesFr.ts, by rule id), and an export's defaults and refusals from the OCF catalogue
 * (src/ocf/ocfRules.ts and src/locales/ocfMessagesFr.ts, by rule id), and the .xlsx reader's refusals
 * from its catalogue (src/workbook/xlsxRules.ts and src/locales/xlsxMessagesFr.ts, by rule id), not from here. French typography as the sheets use it: a
 * no-break space before ":" and ";" (sheetText.ts).
 */

/** What went wrong with a file, by the system's error code. */
export type FsProblem = "ENOENT" | "EACCES" | "EPERM" | "EISDIR" | "ENOTDIR" | "ENOSPC" | "EROFS" | "ENAMETOOLONG" | "EMFILE" | "EBUSY";

export interface CliMessages {
  readonly runHelp: string;
  readonly unexpected: (detail: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly givenTwice: (option: string) => string;
  readonly needsFileName: (option: string) => string;
  readonly needsLanguage: (option: string) => string;
  readonly needsDate: (option: string) => string;
  readonly needsCurrency: (option: string) => string;
  readonly badLanguage: (option: string, allowed: readonly string[], got: string) => string;
  /** An option refused outside its commands ("--lang is an option of build-workbook only"). */
  readonly optionOf: (option: string, commands: readonly string[]) => string;
  readonly currencyOnlyForModel: string;
  readonly capTableNeedsFile: string;
  readonly needsArgs: (command: string, what: string) => string;
  readonly takesArgs: (command: string, what: string, extra: string) => string;
  readonly takesNoArgs: (command: string, extra: string) => string;
  /** What a command needs, as `needsArgs` names it. */
  readonly aTemplate: string;
  readonly buildNeedsOutput: string;
  readonly outputMustBeXlsx: (output: string) => string;
  readonly fsProblem: Readonly<Record<FsProblem, string>>;
  readonly fsOther: (code: string | undefined) => string;
  /** A file and what went wrong with it ("model.xlsx: permission denied"). */
  readonly fileProblem: (file: string, problem: string) => string;
  readonly notAFile: (file: string, what: "template" | "history") => string;
  /** A file's size as a too-large message gives it: its bytes, or more than a count when the file kept growing as it was read. */
  readonly fileSize: (bytes: number, moreThan: boolean) => string;
  readonly templateTooLarge: (file: string, size: string, max: number) => string;
  readonly outputExists: (file: string) => string;
  readonly outputIsLink: (file: string) => string;
  readonly notValidTemplate: (file: string) => string;
  readonly noSuchTemplate: (source: string, ids: string) => string;
  readonly notBuilt: (detail: string) => string;
  readonly wroteWorkbook: (file: string, sheet: string, title: string, modelId: string) => string;
  readonly chartsSkipped: (n: number) => string;
  readonly addInCells: (n: number) => string;
  readonly toFill: (fields: string) => string;
  readonly warning: (text: string) => string;
  // export-template
  /** What export-template needs, as `needsArgs` names it. */
  readonly aBuiltInId: string;
  readonly noBuiltIn: (id: string, ids: string) => string;
  readonly wroteTemplate: (id: string, file: string) => string;
  // extract-template (the reader's refusals and the parts it skips: its catalogue, src/workbook/xlsxRules.ts)
  /** What extract-template needs, as `needsArgs` names it. */
  readonly aWorkbook: string;
  readonly workbookTooLarge: (file: string, size: string, max: number) => string;
  /** A workbook without a model; `skipped`: the stored parts that could not be read, one a line ("  - …"), when there are any. */
  readonly noModel: (file: string, skipped: string | undefined) => string;
  readonly partsSkipped: (file: string, skipped: string) => string;
  readonly manyModels: (file: string, count: number, sheet: string) => string;
  readonly modelNotValid: (sheet: string) => string;
  readonly wroteSheetTemplate: (sheet: string, file: string) => string;
  // validate-template
  /** What validate-template needs, as `needsArgs` names it. */
  readonly aTemplateFile: string;
  readonly validTemplate: (file: string, title: string, kind: string, version: number) => string;
  // export-ocf
  /** What export-ocf needs, as `needsArgs` names it. */
  readonly aHistory: string;
  readonly exportNeedsOutput: (toTerminal: boolean) => string;
  readonly exportOutputZip: (output: string) => string;
  readonly historyTooLarge: (file: string, size: string, max: number) => string;
  readonly folderIsLink: (folder: string) => string;
  readonly folderExists: (folder: string) => string;
  readonly folderNotFolder: (folder: string) => string;
  readonly folderHoldsOthers: (folder: string, others: readonly string[]) => string;
  readonly fileIsLink: (file: string) => string;
  readonly wroteOcf: (asOf: string, output: string, files: number, currency: string) => string;
  /** A default export-ocf wrote for a field OCF requires (the text: the OCF catalogue's rule). */
  readonly defaultWritten: (text: string) => string;
  // import-ocf (the reader's warnings and reasons: the OCF catalogue's rules; the model's notes: src/model/capTableHistoryImport.ts)
  /** What import-ocf needs, as `needsArgs` names it. */
  readonly anOcfPackage: string;
  readonly importOutputJson: (output: string) => string;
  readonly ocfTooLarge: (file: string, size: string, max: number) => string;
  readonly wroteHistoryModel: (issuer: string, asOf: string, file: string) => string;
  readonly wroteCapTable: (issuer: string, asOf: string, file: string) => string;
  readonly skippedByReader: (objectType: string, id: string, file: string, reason: string) => string;
  readonly notInModel: (type: string, id: string, reason: string) => string;
  readonly modelNote: (text: string) => string;
  readonly skippedInFile: (n: number) => string;
  /** A package that reads but does not fit a cap-table history model. */
  readonly modelNoCurrency: string;
  readonly modelManyCurrencies: (currencies: readonly string[]) => string;
  readonly modelNotFit: string;
  /** After a package that does not fit a model: the cap table as of a date needs none. */
  readonly modelNotFitCapTable: (source: string) => string;
  /** The cap table import-ocf prints without -o. */
  readonly capTable: CapTableTextMessages;
}

/** The words of the cap table import-ocf prints (src/cli/ocf.ts, `capTableText`). */
export interface CapTableTextMessages {
  readonly heading: (issuer: string, version: string, asOf: string) => string;
  readonly counts: (applied: number, noEffect: number, skipped: number) => string;
  readonly skipped: (type: string, id: string, file: string, reason: string) => string;
  readonly warning: (text: string) => string;
  readonly asOf: (date: string) => string;
  readonly stockHeader: string;
  readonly derivativesHeader: string;
  readonly noSchedule: string;
  readonly convertiblesHeader: string;
  readonly plan: (plan: string, reserved: string, granted: string, exercised: string, available: string) => string;
  readonly outstanding: (shares: string, asConverted: string) => string;
  readonly fullyDiluted: (shares: string) => string;
}

const or = (items: readonly string[], word: string) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;

export const CLI_MESSAGES_EN: CliMessages = {
  runHelp: 'Run "captable --help" for usage.',
  unexpected: (d) => `unexpected error: ${d}`,
  unknownCommand: (c) => `unknown command "${c}"`,
  unknownOption: (o) => `unknown option "${o}"`,
  givenTwice: (o) => `${o} is given twice`,
  needsFileName: (o) => `${o} needs a file name`,
  needsLanguage: (o) => `${o} needs a language (en or fr)`,
  needsDate: (o) => `${o} needs a date (YYYY-MM-DD)`,
  needsCurrency: (o) => `${o} needs a currency code (EUR, USD...)`,
  badLanguage: (o, allowed, got) =>
    `${o} must be ${or(
      allowed.map((l) => `"${l}"`),
      "or",
    )}, got "${got}"`,
  optionOf: (o, commands) => `${o} is an option of ${or(commands, "and")} only`,
  currencyOnlyForModel: "--currency is read by import-ocf when it writes a model (-o model.json, without --cap-table)",
  capTableNeedsFile: "--cap-table writes a .json file: give -o <file.json>",
  needsArgs: (c, what) => `${c} needs ${what}`,
  takesArgs: (c, what, extra) => `${c} takes ${what}, got also "${extra}"`,
  takesNoArgs: (c, extra) => `${c} takes no arguments, got also "${extra}"`,
  aTemplate: "a template file (or the id of a built-in template)",
  buildNeedsOutput: "build-workbook needs -o <file.xlsx>",
  outputMustBeXlsx: (o) => `the output of build-workbook must be an .xlsx file, got "${o}"`,
  fsProblem: {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "is a directory",
    ENOTDIR: "a folder in the path is a file",
    ENOSPC: "the disk is full",
    EROFS: "the disk is read-only",
    ENAMETOOLONG: "the name is too long",
    EMFILE: "too many files open: try again",
    EBUSY: "the file is in use by another program",
  },
  fsOther: (code) => `could not be read or written${code === undefined ? "" : ` (${code})`}`,
  fileProblem: (f, problem) => `${f}: ${problem}`,
  notAFile: (f, what) => `${f}: is a directory, not a ${what} file`,
  fileSize: (bytes, moreThan) => `${moreThan ? "more than " : ""}${bytes} bytes`,
  templateTooLarge: (f, size, max) => `${f}: template is too large: ${size}, at most ${max} characters allowed`,
  outputExists: (f) => `${f} already exists: choose another name or add --force to overwrite it`,
  outputIsLink: (f) => `${f} is a symbolic link: the output is never written through a link; give the path of a new file`,
  notValidTemplate: (f) => `${f} is not a valid template:`,
  noSuchTemplate: (s, ids) => `${s}: no such file, and no built-in template of that id (built-in: ${ids})`,
  notBuilt: (d) => `the model could not be built: ${d}`,
  wroteWorkbook: (f, sheet, title, id) => `Wrote ${f}: sheet "${sheet}" (${title}), model ${id} stored inside.`,
  chartsSkipped: (n) => `Note: ${n} waterfall chart(s) left out (not written to .xlsx files); the add-in draws them when the model is re-opened.`,
  addInCells: (n) =>
    `Note: ${n} cell(s) call the CapTable add-in and hold the values computed now; open the file in Excel with the add-in and press Rebuild in its taskpane to make them live (the sheet lists them).`,
  toFill: (fields) => `To fill in with your own figures: ${fields} (see the "To fill" notes on the sheet).`,
  warning: (t) => `Warning: ${t}.`,
  aBuiltInId: "the id of a built-in template",
  noBuiltIn: (id, ids) => `no built-in template "${id}"; the built-in templates are: ${ids}`,
  wroteTemplate: (id, f) => `Wrote template "${id}" to ${f}`,
  aWorkbook: "an .xlsx workbook",
  workbookTooLarge: (f, size, max) => `${f}: the workbook is too large: ${size}, at most ${max} read`,
  noModel: (f, skipped) => `${f} holds no CapTable model${skipped === undefined ? "" : `; these stored parts could not be read:\n${skipped}`}`,
  partsSkipped: (f, skipped) => `Warning: ${f}: these stored parts could not be read and were skipped:\n${skipped}`,
  manyModels: (f, n, sheet) => `${f} holds ${n} models; writing the first (sheet "${sheet}")`,
  modelNotValid: (sheet) => `the model on sheet "${sheet}" is not a valid template:`,
  wroteSheetTemplate: (sheet, f) => `Wrote the template of sheet "${sheet}" to ${f}`,
  aTemplateFile: "a template file",
  validTemplate: (f, title, kind, version) => `${f}: valid template "${title}" (${kind}, version ${version})`,
  aHistory: "a history file (the .json import-ocf writes)",
  exportNeedsOutput: (toTerminal) =>
    `export-ocf needs -o <file.ocf.zip>${toTerminal ? " (a zip is not written to the terminal)" : ""}, or --dir -o <folder>`,
  exportOutputZip: (o) => `the output of export-ocf is a .ocf.zip file (or a folder with --dir), got "${o}"`,
  historyTooLarge: (f, size, max) => `${f}: the history is too large: ${size}, at most ${max} bytes read`,
  folderIsLink: (f) => `${f} is a symbolic link: the output is never written through a link; give the path of a new folder`,
  folderExists: (f) => `${f} already exists: choose another name or add --force to write the package into it`,
  folderNotFolder: (f) => `${f} exists and is not a folder`,
  folderHoldsOthers: (f, others) =>
    `${f} holds other files (${others.slice(0, 5).join(", ")}${others.length > 5 ? ", ..." : ""}); the package is written only into a new folder or one holding just its own files`,
  fileIsLink: (f) => `${f} is a symbolic link: the output is never written through a link`,
  wroteOcf: (asOf, o, files, currency) => `Wrote an OCF 1.2.0 package as of ${asOf} to ${o} (${files} files; prices not tagged are in ${currency}).`,
  defaultWritten: (t) => `Default written: ${t}`,
  anOcfPackage: "an OCF package (a .ocf.zip file or a folder)",
  importOutputJson: (o) => `the output of import-ocf is a .json file, got "${o}"`,
  ocfTooLarge: (f, size, max) => `${f} is ${size}, more than the ${max} bytes read`,
  wroteHistoryModel: (issuer, asOf, f) =>
    `Wrote the cap-table history model of ${issuer} (as of ${asOf}) to ${f}; build it with: captable build-workbook ${f} -o model.xlsx`,
  wroteCapTable: (issuer, asOf, f) => `Wrote the cap table of ${issuer} as of ${asOf} to ${f}`,
  skippedByReader: (type, id, f, reason) => `Skipped by the reader: ${type} "${id}" (${f}): ${reason}`,
  notInModel: (type, id, reason) => `Not in the model: ${type} "${id}": ${reason}`,
  modelNote: (t) => `Note: ${t}`,
  skippedInFile: (n) => `Note: ${n} object(s) skipped; the file's report lists each with the reason.`,
  modelNoCurrency: "the package names no currency, and a model needs one: give --currency (EUR, USD...)",
  modelManyCurrencies: (list) => `the package names several currencies (${list.join(", ")}): give --currency for the model's`,
  modelNotFit: "the package does not fit a cap-table history model:",
  modelNotFitCapTable: (source) => `Its cap table as of a date needs no model: captable import-ocf ${source} --cap-table -o cap-table.json`,
  capTable: {
    heading: (issuer, v, asOf) => `${issuer}: OCF ${v} package as of ${asOf}.`,
    counts: (applied, noEffect, skipped) => `Read ${applied} object(s) into the history, ${noEffect} without effect on holdings, ${skipped} skipped.`,
    skipped: (type, id, f, reason) => `  skipped ${type} "${id}" (${f}): ${reason}`,
    warning: (t) => `  warning: ${t}`,
    asOf: (date) => `Cap table as of ${date}`,
    stockHeader: "Holder\tClass\tShares",
    derivativesHeader: "Holder\tOptions/warrants\tExercise price\tVested",
    noSchedule: "no schedule",
    convertiblesHeader: "Holder\tConvertible\tAmount",
    plan: (plan, reserved, granted, exercised, available) =>
      `Plan ${plan}: reserved ${reserved}, granted ${granted}, exercised ${exercised}, available ${available}`,
    outstanding: (shares, asConverted) => `Outstanding: ${shares} shares (${asConverted} as converted).`,
    fullyDiluted: (shares) =>
      `Fully diluted: ${shares} (outstanding as converted + options and warrants + available pool; SAFEs and notes not included).`,
  },
};

export const CLI_MESSAGES_FR: CliMessages = {
  runHelp: "Lancez « captable --help » pour l’aide.",
  unexpected: (d) => `erreur inattendue : ${d}`,
  unknownCommand: (c) => `commande inconnue « ${c} »`,
  unknownOption: (o) => `option inconnue « ${o} »`,
  givenTwice: (o) => `${o} est donnée deux fois`,
  needsFileName: (o) => `${o} attend un nom de fichier`,
  needsLanguage: (o) => `${o} attend une langue (en ou fr)`,
  needsDate: (o) => `${o} attend une date (AAAA-MM-JJ)`,
  needsCurrency: (o) => `${o} attend un code de devise (EUR, USD…)`,
  badLanguage: (o, allowed, got) =>
    `${o} doit valoir ${or(
      allowed.map((l) => `« ${l} »`),
      "ou",
    )}, reçu « ${got} »`,
  optionOf: (o, commands) => `${o} est une option de ${or(commands, "et")} seulement`,
  currencyOnlyForModel: "--currency n’est lue par import-ocf que lorsqu’elle écrit un modèle (-o modele.json, sans --cap-table)",
  capTableNeedsFile: "--cap-table écrit un fichier .json : donnez -o <fichier.json>",
  needsArgs: (c, what) => `${c} attend ${what}`,
  takesArgs: (c, what, extra) => `${c} attend ${what}, reçu en plus « ${extra} »`,
  takesNoArgs: (c, extra) => `${c} n’attend aucun argument, reçu « ${extra} »`,
  aTemplate: "un fichier de modèle (ou l’identifiant d’un modèle intégré)",
  buildNeedsOutput: "build-workbook attend -o <fichier.xlsx>",
  outputMustBeXlsx: (o) => `la sortie de build-workbook doit être un fichier .xlsx, reçu « ${o} »`,
  fsProblem: {
    ENOENT: "fichier introuvable",
    EACCES: "accès refusé",
    EPERM: "accès refusé",
    EISDIR: "est un dossier",
    ENOTDIR: "un dossier du chemin est un fichier",
    ENOSPC: "le disque est plein",
    EROFS: "le disque est en lecture seule",
    ENAMETOOLONG: "le nom est trop long",
    EMFILE: "trop de fichiers ouverts : réessayez",
    EBUSY: "le fichier est utilisé par un autre programme",
  },
  fsOther: (code) => `n’a pas pu être lu ou écrit${code === undefined ? "" : ` (${code})`}`,
  fileProblem: (f, problem) => `${f} : ${problem}`,
  notAFile: (f, what) => `${f} : est un dossier, pas un fichier ${what === "template" ? "de modèle" : "d’historique"}`,
  fileSize: (bytes, moreThan) => `${moreThan ? "plus de " : ""}${bytes} octets`,
  templateTooLarge: (f, size, max) => `${f} : le modèle est trop volumineux : ${size}, au plus ${max} caractères admis`,
  outputExists: (f) => `${f} existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer`,
  outputIsLink: (f) => `${f} est un lien symbolique : la sortie n’est jamais écrite à travers un lien ; donnez le chemin d’un nouveau fichier`,
  notValidTemplate: (f) => `${f} n’est pas un modèle valide :`,
  noSuchTemplate: (s, ids) => `${s} : ni fichier ni modèle intégré de cet identifiant (modèles intégrés : ${ids})`,
  notBuilt: (d) => `le modèle n’a pas pu être construit : ${d}`,
  wroteWorkbook: (f, sheet, title, id) => `${f} écrit : feuille « ${sheet} » (${title}), modèle ${id} enregistré dans le fichier.`,
  chartsSkipped: (n) =>
    `Note : ${n} graphique(s) en cascade non écrit(s) (absents des fichiers .xlsx) ; le complément les dessine quand le modèle est rouvert.`,
  addInCells: (n) =>
    `Note : ${n} cellule(s) appellent le complément CapTable et gardent les valeurs calculées maintenant ; ouvrez le fichier dans Excel avec le complément et cliquez sur Régénérer dans son volet pour les rendre actives (la feuille les liste).`,
  toFill: (fields) => `À compléter avec vos chiffres : ${fields} (voir les notes « À compléter » de la feuille).`,
  warning: (t) => `Avertissement : ${t}.`,
  aBuiltInId: "l’identifiant d’un modèle intégré",
  noBuiltIn: (id, ids) => `aucun modèle intégré « ${id} » ; les modèles intégrés sont : ${ids}`,
  wroteTemplate: (id, f) => `Modèle « ${id} » écrit dans ${f}`,
  aWorkbook: "un classeur .xlsx",
  workbookTooLarge: (f, size, max) => `${f} : le classeur est trop volumineux : ${size}, au plus ${max} octets lus`,
  noModel: (f, skipped) =>
    `${f} ne contient aucun modèle CapTable${skipped === undefined ? "" : ` ; ces parties enregistrées n’ont pas pu être lues :\n${skipped}`}`,
  partsSkipped: (f, skipped) => `Avertissement : ${f} : ces parties enregistrées n’ont pas pu être lues et ont été ignorées :\n${skipped}`,
  manyModels: (f, n, sheet) => `${f} contient ${n} modèles ; seul le premier est écrit (feuille « ${sheet} »)`,
  modelNotValid: (sheet) => `le modèle de la feuille « ${sheet} » ne donne pas un modèle valide :`,
  wroteSheetTemplate: (sheet, f) => `Modèle de la feuille « ${sheet} » écrit dans ${f}`,
  aTemplateFile: "un fichier de modèle",
  validTemplate: (f, title, kind, version) => `${f} : modèle valide « ${title} » (${kind}, version ${version})`,
  aHistory: "un fichier d’historique (le .json qu’écrit import-ocf)",
  exportNeedsOutput: (toTerminal) =>
    `export-ocf attend -o <fichier.ocf.zip>${toTerminal ? " (un zip ne s’écrit pas dans le terminal)" : ""}, ou --dir -o <dossier>`,
  exportOutputZip: (o) => `la sortie d’export-ocf est un fichier .ocf.zip (ou un dossier avec --dir), reçu « ${o} »`,
  historyTooLarge: (f, size, max) => `${f} : l’historique est trop volumineux : ${size}, au plus ${max} octets lus`,
  folderIsLink: (f) => `${f} est un lien symbolique : la sortie n’est jamais écrite à travers un lien ; donnez le chemin d’un nouveau dossier`,
  folderExists: (f) => `${f} existe déjà : choisissez un autre nom ou ajoutez --force pour y écrire le paquet`,
  folderNotFolder: (f) => `${f} existe et n’est pas un dossier`,
  folderHoldsOthers: (f, others) =>
    `${f} contient d’autres fichiers (${others.slice(0, 5).join(", ")}${others.length > 5 ? ", …" : ""}) ; le paquet ne s’écrit que dans un nouveau dossier ou dans un dossier qui ne contient que ses propres fichiers`,
  fileIsLink: (f) => `${f} est un lien symbolique : la sortie n’est jamais écrite à travers un lien`,
  wroteOcf: (asOf, o, files, currency) =>
    `Paquet OCF 1.2.0 au ${asOf} écrit dans ${o} (${files} fichiers ; les prix sans devise indiquée sont en ${currency}).`,
  defaultWritten: (t) => `Valeur par défaut écrite : ${t}`,
  anOcfPackage: "un paquet OCF (un fichier .ocf.zip ou un dossier)",
  importOutputJson: (o) => `la sortie d’import-ocf est un fichier .json, reçu « ${o} »`,
  ocfTooLarge: (f, size, max) => `${f} fait ${size}, plus que les ${max} octets lus`,
  wroteHistoryModel: (issuer, asOf, f) =>
    `Modèle d’historique de la table de capitalisation de ${issuer} (au ${asOf}) écrit dans ${f} ; construisez-le avec : captable build-workbook ${f} -o modele.xlsx`,
  wroteCapTable: (issuer, asOf, f) => `Table de capitalisation de ${issuer} au ${asOf} écrite dans ${f}`,
  skippedByReader: (type, id, f, reason) => `Ignoré par le lecteur : ${type} « ${id} » (${f}) : ${reason}`,
  notInModel: (type, id, reason) => `Hors du modèle : ${type} « ${id} » : ${reason}`,
  modelNote: (t) => `Remarque : ${t}`,
  skippedInFile: (n) => `Remarque : ${n} objet(s) ignoré(s) ; le rapport du fichier donne la raison de chacun.`,
  modelNoCurrency: "le paquet ne nomme aucune devise, et un modèle en exige une : donnez --currency (EUR, USD…)",
  modelManyCurrencies: (list) => `le paquet nomme plusieurs devises (${list.join(", ")}) : donnez --currency pour celle du modèle`,
  modelNotFit: "le paquet n’entre pas dans un modèle d’historique de table de capitalisation :",
  modelNotFitCapTable: (source) =>
    `Sa table de capitalisation à une date n’a pas besoin de modèle : captable import-ocf ${source} --cap-table -o table.json`,
  capTable: {
    heading: (issuer, v, asOf) => `${issuer} : paquet OCF ${v} au ${asOf}.`,
    counts: (applied, noEffect, skipped) =>
      `${applied} objet(s) lu(s) dans l’historique, ${noEffect} sans effet sur les détentions, ${skipped} ignoré(s).`,
    skipped: (type, id, f, reason) => `  ignoré : ${type} « ${id} » (${f}) : ${reason}`,
    warning: (t) => `  avertissement : ${t}`,
    asOf: (date) => `Table de capitalisation au ${date}`,
    stockHeader: "Porteur\tCatégorie\tActions",
    derivativesHeader: "Porteur\tOptions/BSA\tPrix d’exercice\tAcquises",
    noSchedule: "pas de calendrier",
    convertiblesHeader: "Porteur\tConvertible\tMontant",
    plan: (plan, reserved, granted, exercised, available) =>
      `Plan ${plan} : réservées ${reserved}, attribuées ${granted}, exercées ${exercised}, disponibles ${available}`,
    outstanding: (shares, asConverted) => `En circulation : ${shares} actions (${asConverted} après conversion).`,
    fullyDiluted: (shares) =>
      `Entièrement dilué : ${shares} (en circulation après conversion + options et BSA + pool disponible ; SAFE et obligations convertibles non compris).`,
  },
};

/** The catalogue of a language. */
export function cliMessages(lang: "en" | "fr"): CliMessages {
  return lang === "fr" ? CLI_MESSAGES_FR : CLI_MESSAGES_EN;
}
