/**
 * Which sheet a model built, as Excel itself tracks it: a hidden workbook-scoped defined name per
 * model ("CapTable_Model_<id>") that refers to cell A1 of the model's sheet. Excel keeps the
 * reference pointing at that sheet when the user renames it and turns it into #REF! when it is
 * deleted (as for any reference to a sheet), so the marker proves which sheet is the model's,
 * whatever it is called now. Both writers
 * write it: the Office.js writer (comment MARKER_COMMENT) and the command line's .xlsx writer
 * (comment MARKER_COMMENT_CLI, which also says the add-in cells are not bound yet: a Rebuild in
 * Excel rewrites the sheet through Office.js and the comment). A rebuild replaces a sheet only when
 * the marker points at it; a model without a marker (a workbook written by an older command line)
 * gets a new sheet, never one found by its recorded name.
 */

/** The marker's comment when the add-in wrote the sheet (Office.js). */
export const MARKER_COMMENT = "CapTable: the sheet this model built (used when rebuilding it)";

/** The marker's comment when the command line wrote the sheet (.xlsx): its add-in cells are bound by a Rebuild in Excel. */
export const MARKER_COMMENT_CLI = "CapTable: the sheet this model built, written by the command line (Rebuild in Excel makes its add-in cells live)";

/** Whether a marker's comment says the command line wrote the sheet (the taskpane then lists the model as unbound). */
export function writtenByCli(comment: string | undefined): boolean {
  return comment === MARKER_COMMENT_CLI;
}

/** The marker's name for a model id (ids are letters, digits, "-" and "_"; "-" becomes "."). */
export function markerName(modelId: string): string {
  return `CapTable_Model_${modelId.replace(/-/g, ".")}`;
}

/** A reference to cell A1 of a sheet, as a defined name's formula (Office.js; an .xlsx stores it without the "="). */
export function markerFormula(sheetName: string): string {
  return `='${sheetName.replace(/'/g, "''")}'!$A$1`;
}

/**
 * The sheet a marker's formula refers to: its name, null when the sheet was deleted (#REF!), or
 * undefined when the formula is not a marker's. The leading "=" is optional (an .xlsx stores none).
 */
export function markedSheet(formula: string): string | null | undefined {
  const f = formula.startsWith("=") ? formula : `=${formula}`;
  if (/^=#REF!/i.test(f)) return null;
  const quoted = /^='((?:[^']|'')+)'!\$?A\$?1$/.exec(f);
  if (quoted !== null) return quoted[1].replace(/''/g, "'");
  const bare = /^=([^'!=]+)!\$?A\$?1$/.exec(f);
  return bare === null ? undefined : bare[1];
}
