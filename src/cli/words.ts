/**
 * The command line's words for what it reports: field names as a person reads them ("net debt",
 * not `netDebt`), and a template's problems located in those words first, with the exact place in
 * the file after ("cap table, row 1, shares: shares must not be negative (inputs.capTable[0].shares)").
 * Pure functions.
 */

/** Names that camelCase splitting alone would get wrong or leave unclear. */
const WORDS: Readonly<Record<string, string>> = {
  capTable: "cap table",
  preMoney: "pre-money valuation",
  postMoney: "post-money valuation",
  toFill: "to fill",
  poolTarget: "pool target",
  exitValue: "exit value",
  exitValues: "exit values",
  className: "class",
  sheetName: "sheet name",
  showGridlines: "gridlines",
};

/** A field name as a person reads it: `netDebt` -> "net debt", `capTable` -> "cap table". */
export function fieldWords(field: string): string {
  if (Object.prototype.hasOwnProperty.call(WORDS, field)) return WORDS[field];
  if (!/^[a-z][A-Za-z0-9]*$/.test(field)) return field; // not a camelCase name (e.g. "__proto__"): shown as written
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/** A list of fields in words: "net debt, shareholder loans". */
export function fieldList(fields: readonly string[]): string {
  return fields.map(fieldWords).join(", ");
}

const PATH_PREFIX = /^((?:[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*|\[\d+\])*): (.*)$/s;

/** Where a path points, in words: `inputs.capTable[0].shares` -> "cap table, row 1, shares" (the inputs are what a template is about: not named). */
export function placeInWords(path: string): string {
  const parts: string[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(fieldWords(m[1]));
    else
      parts.push(`${parts.length > 0 && /list|to fill|instruments|investors/.test(parts[parts.length - 1]) ? "entry" : "row"} ${Number(m[2]) + 1}`);
  }
  if (parts[0] === "inputs" && parts.length > 1) parts.shift();
  return parts.join(", ");
}

/**
 * One problem of a template ("inputs.netDebt: net debt must be a number") with its place in words:
 * "net debt must be a number (inputs.netDebt)" when the message already names the field, else
 * "cap table, row 1, shares: … (inputs.capTable[0].shares)". A problem without a path, or whose
 * path reads the same in words, is left as it is.
 */
export function readableProblem(problem: string): string {
  const m = PATH_PREFIX.exec(problem);
  if (m === null) return problem;
  const [, path, message] = m;
  const place = placeInWords(path);
  if (place === path) return problem;
  const last = place.split(", ").pop() ?? place;
  const named = !place.includes(", ") && message.toLowerCase().startsWith(last.toLowerCase());
  return `${named ? message : `${place}: ${message}`} (${path})`;
}
