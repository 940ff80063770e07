/**
 * Which sheet a model built, as Excel itself tracks it: a hidden workbook-scoped defined name per
 * model ("CapTable_Model_<id>") that refers to cell A1 of the model's sheet. Excel keeps the
 * reference pointing at that sheet when the user renames it and turns it into #REF! when the user
 * deletes it, so a rebuild can tell the model's own sheet from a sheet of the same name that the
 * user made later. A workbook written without markers (the command line) falls back to the name
 * recorded in the model's part.
 */

/** The marker's name for a model id (ids are letters, digits, "-" and "_"; "-" becomes "."). */
export function markerName(modelId: string): string {
  return `CapTable_Model_${modelId.replace(/-/g, ".")}`;
}

/** A reference to cell A1 of a sheet, as a defined name's formula. */
export function markerFormula(sheetName: string): string {
  return `='${sheetName.replace(/'/g, "''")}'!$A$1`;
}

/**
 * The sheet a marker's formula refers to: its name, null when the sheet was deleted (#REF!), or
 * undefined when the formula is not a marker's.
 */
export function markedSheet(formula: string): string | null | undefined {
  if (/^=#REF!/i.test(formula)) return null;
  const quoted = /^='((?:[^']|'')+)'!\$?A\$?1$/.exec(formula);
  if (quoted !== null) return quoted[1].replace(/''/g, "'");
  const bare = /^=([^'!=]+)!\$?A\$?1$/.exec(formula);
  return bare === null ? undefined : bare[1];
}
