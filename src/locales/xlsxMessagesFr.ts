/**
 * The .xlsx reader's rules in French: one message per rule id of its catalogue
 * (src/workbook/xlsxRules.ts), made from the parameters, never from the English text;
 * `XlsxRuleMessages` makes the compiler refuse a missing id. `captable extract-template --lang fr`
 * uses it (src/cli/main.ts). Typography as the other French catalogues: a space before ":" and ";",
 * names in « »; counts grouped as the OCF reader's French groups them (ocfMessagesFr.ts).
 * The package's own names (part paths, attribute names) stay as the file spells them.
 */
import { XlsxReadError, type XlsxRuleMessages, type XlsxRuleRef, xlsxRuleText } from "../workbook/xlsxRules";

const q = (name: string): string => `« ${name} »`;

/** A count as French writes it: digits grouped by a no-break space ("52 428 800"). */
const frCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** The reader's messages in French. */
export const XLSX_RULES_FR: XlsxRuleMessages = {
  partUnreadable: (p) => `${p.part} : la partie ne peut pas être lue dans le zip`,
  unknownCompression: (p) => `${p.part} : méthode de compression inconnue (seules les parties stockées ou compressées par deflate sont lues)`,
  partTooLarge: (p) => `${p.part} fait ${frCount(p.bytes)} octets, plus que les ${frCount(p.max)} lus`,
  partInflatesTooMuch: (p) => `${p.part} décompressé dépasse les ${frCount(p.max)} octets lus`,
  compressedDamaged: (p) => `${p.part} : les données compressées sont endommagées`,
  checksum: (p) => `${p.part} : la partie est endommagée (sa somme de contrôle ne correspond pas)`,
  workbookTooLarge: (p) => `le classeur est trop volumineux : ${frCount(p.bytes)} octets, au plus ${frCount(p.max)} lus`,
  notXlsx: () => "ce n’est pas un classeur .xlsx",
  tooManyParts: (p) => `le classeur a trop de parties (plus de ${frCount(p.max)})`,
  workbookInflatesTooMuch: (p) => `le classeur décompressé fait ${frCount(p.bytes)} octets, plus que les ${frCount(p.max)} lus`,
  declaredSize: (p) => `${p.part} décompressé dépasse les ${frCount(p.declared)} octets que le zip déclare : le fichier est endommagé ou malveillant`,
  partTooLong: (p) => `${p.part} : ${frCount(p.chars)} caractères, plus que les ${frCount(p.max)} lus`,
  inPart: (p) => `${p.part} : ${xlsxRuleText(p.rule, XLSX_RULES_FR)}`,
  // The detail is the XML parser's English words (src/workbook/xml.ts): the place alone is given.
  notWellFormed: (p) => `XML mal formé : ligne ${p.line}, colonne ${p.column}`,
  modelElements: () => "le modèle enregistré <captableModel> ne doit contenir que son texte JSON, pas d’éléments",
  modelAttribute: (p) => `l’attribut ${p.name} du modèle enregistré doit compter de 1 à 64 lettres, chiffres, « - » ou « _ », reçu ${q(p.got)}`,
  modelSchemaVersion: (p) => `l’attribut schemaVersion du modèle enregistré doit être un nombre entier à partir de 1, reçu ${q(p.got)}`,
  modelJson: (p) => `le modèle enregistré ${q(p.id)} ne contient pas d’entrées JSON valides`,
  unsupportedCell: (p) => `${p.sheet}!${p.cell} : contenu de cellule non pris en charge`,
  other: (p) => p.text,
};

/** A rule of the reader in the UI language. */
export function xlsxRuleMessage(rule: XlsxRuleRef, lang: "en" | "fr"): string {
  return xlsxRuleText(rule, lang === "fr" ? XLSX_RULES_FR : undefined);
}

/** What failed in reading a workbook, in the UI language: the reader's refusal in its rule's words; anything else as its own message. */
export function xlsxErrorMessage(error: unknown, lang: "en" | "fr"): string {
  return error instanceof XlsxReadError ? xlsxRuleMessage(error.rule, lang) : error instanceof Error ? error.message : String(error);
}
