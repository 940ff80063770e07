/**
 * The .xlsx reader's message catalogue (xlsxReader.ts, and the stored model part, modelXml.ts), in
 * the pattern of the OCF reader's (src/ocf/ocfRules.ts): every refusal of a workbook and every
 * reason a stored part is skipped has an id and its parameters (`XlsxRuleParams`); each language
 * has one message function per id (`XlsxRuleMessages`, so a language missing an id does not compile).
 *
 * English is written here, once (`XLSX_RULES_EN`): the text of `XlsxReadError.message` and of
 * `XlsxContents.unreadable`. French is a catalogue of its own (src/locales/xlsxMessagesFr.ts), made
 * from the id and the parameters, never from the English text (`captable extract-template --lang fr`).
 */
import { XmlError } from "./xml";

/** Every rule of the reader, by id, with its parameters. `part`: the part's path in the zip ("customXml/item2.xml"). */
export interface XlsxRuleParams {
  // The zip and its parts (xlsxReader.ts)
  partUnreadable: { part: string };
  unknownCompression: { part: string };
  partTooLarge: { part: string; bytes: number; max: number };
  partInflatesTooMuch: { part: string; max: number };
  compressedDamaged: { part: string };
  checksum: { part: string };
  workbookTooLarge: { bytes: number; max: number };
  notXlsx: Record<string, never>;
  tooManyParts: { max: number };
  workbookInflatesTooMuch: { bytes: number; max: number };
  declaredSize: { part: string; declared: number };
  partTooLong: { part: string; chars: number; max: number };
  /** A rule broken inside a part, after the part's name. */
  inPart: { part: string; rule: XlsxRuleRef };
  /** `detail`: the XML parser's English words (xml.ts, `XmlError.detail`); French gives the place alone. */
  notWellFormed: { line: number; column: number; detail: string };
  // The stored model part (modelXml.ts, readModelPart)
  modelElements: Record<string, never>;
  modelAttribute: { name: "id" | "kind"; got: string };
  modelSchemaVersion: { got: string };
  modelJson: { id: string };
  // A sheet's cells (xlsxReader.ts, readSheetSpecs)
  unsupportedCell: { sheet: string; cell: string };
  /** A fault none of these names (a library's own error): its own, English, words. */
  other: { text: string };
}
export type XlsxRuleId = keyof XlsxRuleParams;

/** One language's reader messages: a function per rule id (a missing id is a compile error). */
export type XlsxRuleMessages = { readonly [K in XlsxRuleId]: (p: XlsxRuleParams[K]) => string };

/** A rule as the reader reports it. */
export interface XlsxRuleRef<K extends XlsxRuleId = XlsxRuleId> {
  readonly id: K;
  readonly params: XlsxRuleParams[K];
}

/** The English messages: the reader's one wording of each rule. */
export const XLSX_RULES_EN: XlsxRuleMessages = {
  partUnreadable: (p) => `${p.part}: the part cannot be read from the zip`,
  unknownCompression: (p) => `${p.part}: unknown compression method (only stored and deflated parts are read)`,
  partTooLarge: (p) => `${p.part} is ${p.bytes} bytes, more than the ${p.max} read`,
  partInflatesTooMuch: (p) => `${p.part} inflates to more than the ${p.max} bytes read`,
  compressedDamaged: (p) => `${p.part}: the compressed data is damaged`,
  checksum: (p) => `${p.part}: the part is damaged (its checksum does not match)`,
  workbookTooLarge: (p) => `the workbook is too large: ${p.bytes} bytes, at most ${p.max} read`,
  notXlsx: () => "not an .xlsx workbook",
  tooManyParts: (p) => `the workbook has too many parts (more than ${p.max})`,
  workbookInflatesTooMuch: (p) => `the workbook inflates to ${p.bytes} bytes, more than the ${p.max} read`,
  declaredSize: (p) => `${p.part} inflates to more than the ${p.declared} bytes the zip declares: the file is damaged or hostile`,
  partTooLong: (p) => `${p.part}: ${p.chars} characters, more than the ${p.max} read`,
  inPart: (p) => `${p.part}: ${xlsxRuleText(p.rule)}`,
  notWellFormed: (p) => `not well-formed XML: line ${p.line}, column ${p.column}: ${p.detail}`,
  modelElements: () => "the stored model <captableModel> must hold only its JSON text, not elements",
  modelAttribute: (p) => `the stored model's ${p.name} must be 1-64 letters, digits, "-" or "_", got "${p.got}"`,
  modelSchemaVersion: (p) => `the stored model's schemaVersion must be a whole number from 1, got "${p.got}"`,
  modelJson: (p) => `the stored model "${p.id}" does not hold valid JSON inputs`,
  unsupportedCell: (p) => `${p.sheet}!${p.cell}: unsupported cell content`,
  other: (p) => p.text,
};

/** The text of a reader rule in a language's messages (English by default). */
export function xlsxRuleText<K extends XlsxRuleId>(rule: XlsxRuleRef<K>, messages: XlsxRuleMessages = XLSX_RULES_EN): string {
  return (messages[rule.id] as (p: XlsxRuleParams[K]) => string)(rule.params);
}

/** A workbook or a part refused by the reader: the English message, the rule on `error.rule`. */
export class XlsxReadError extends Error {
  readonly rule: XlsxRuleRef;

  constructor(rule: XlsxRuleRef) {
    super(xlsxRuleText(rule));
    this.name = "XlsxReadError";
    this.rule = rule;
  }
}

/** An `XlsxReadError` for a rule: the one way the reader words a refusal. */
export function xlsxError<K extends XlsxRuleId>(id: K, params: XlsxRuleParams[K]): XlsxReadError {
  return new XlsxReadError({ id, params } as XlsxRuleRef);
}

/** The rule of an error the reader caught: its own, the XML parser's (place and detail), or `other` with the error's message. */
export function xlsxRuleOf(error: unknown): XlsxRuleRef {
  if (error instanceof XlsxReadError) return error.rule;
  if (error instanceof XmlError) return { id: "notWellFormed", params: { line: error.line, column: error.column, detail: error.detail } };
  return { id: "other", params: { text: error instanceof Error ? error.message : String(error) } };
}
