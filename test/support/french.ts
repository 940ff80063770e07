/**
 * The check that a French message holds no English sentence, shared by the taskpane's OCF report
 * (test/taskpane/ocfImport.test.ts) and the command line in French (test/cli/cliFrench.test.ts).
 */

/** English words a French message has no reason to hold. */
export const ENGLISH =
  /\b(the|is|are|not|read|with|its|this|must|which|holds|from|counted|reader|knows|expected|anyway|checked|object|an|of|and|written|default|known|give|has|have|file|wrote|warning|note|skipped|prices|package|needs|got|to|unknown|field|fields|invalid|input|received)\b/i;

/**
 * What a French line may keep in English: OCF's own names (object and file types, ids, file names,
 * field paths), the history JSON's field names (camelCase), options (--as-of), names in « » and numbers.
 */
export const stripNames = (line: string): string =>
  line
    .replace(/--[a-z][a-z-]*/g, "")
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, "")
    .replace(/« [^»]* »/g, "")
    .replace(/\S+\.(ocf\.)?(json|zip)\b/g, "")
    .replace(/\b\w+_\w+\b/g, "")
    .replace(/\b[A-Za-z_]\w*(?:\[\d+\]|\.\w+)+/g, "")
    .replace(/\b[a-z]+[A-Z]\w*\b/g, "");

/** The English words left in a French line once its names are set aside (none expected). */
export const englishIn = (line: string): string[] => stripNames(line).match(new RegExp(ENGLISH.source, "gi")) ?? [];
