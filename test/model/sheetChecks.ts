/**
 * Checks any `SheetSpec` must pass, shared by the model tests:
 * - every formula's references (cells, ranges, defined names) point at cells the sheet writes;
 * - every defined name is valid, points at written cells and is used by a formula;
 * - the formulas, evaluated by HyperFormula, equal the engine's `expected` values.
 */
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import { isValidDefinedName } from "../../src/model/sheetBuilder";
import { RenderedSheet, parseAddress } from "../support/hyperformulaSheet";

/** Excel functions the native formulas may use. */
export const NATIVE_FUNCTIONS = new Set([
  "IF",
  "AND",
  "OR",
  "COUNT",
  "COUNTIFS",
  "ISNUMBER",
  "SUM",
  "SUMIF",
  "SUMPRODUCT",
  "MIN",
  "MAX",
  "MATCH",
  "TRIM",
  "NA",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "INDEX",
  "ABS",
  "COUNTA",
  "COUNTBLANK",
]);

export interface FormulaTokens {
  readonly cells: string[];
  readonly ranges: [string, string][];
  readonly names: string[];
  readonly functions: string[];
}

/** Removes string literals ("..." with "" escapes) so their content is never read as references. */
export function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

const TOKEN =
  /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?[0-9]+)(?::(\$?[A-Z]{1,3}\$?[0-9]+))?(?![A-Za-z0-9_.(])|(?<![A-Za-z0-9_.$])([A-Za-z_][A-Za-z0-9_.]*)(\s*\()?/g;

/** The references and functions of a formula (en-US syntax). */
export function tokensOf(formula: string): FormulaTokens {
  const out = { cells: [] as string[], ranges: [] as [string, string][], names: [] as string[], functions: [] as string[] };
  for (const m of stripStrings(formula).matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const a = m[1].replace(/\$/g, "");
      if (m[2] !== undefined) out.ranges.push([a, m[2].replace(/\$/g, "")]);
      else out.cells.push(a);
    } else if (m[4] !== undefined) out.functions.push(m[3].toUpperCase());
    else if (!["TRUE", "FALSE"].includes(m[3].toUpperCase())) out.names.push(m[3]);
  }
  return out;
}

function cellsOfRange(from: string, to: string): string[] {
  const a = parseAddress(from);
  const b = parseAddress(to);
  const out: string[] = [];
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) {
      let n = col + 1;
      let letters = "";
      while (n > 0) {
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        n = Math.floor((n - 1) / 26);
      }
      out.push(`${letters}${row + 1}`);
    }
  }
  return out;
}

/** Cells that hold something (a value that is not null, or a formula), or an input cell left blank for the user to fill. */
export function writtenCells(sheet: SheetSpec): Map<string, CellSpec> {
  const written = (c: CellSpec) =>
    c.formula !== undefined || (c.value !== undefined && c.value !== null) || (c.value === null && c.style === "input");
  const out = new Map(sheet.cells.filter(written).map((c) => [c.address, c]));
  // The cells a table spills over hold its values.
  for (const c of sheet.cells) for (const [address, value] of spilledCells(c)) if (!out.has(address)) out.set(address, { address, value });
  return out;
}

/** The cells a spilled formula fills besides its own, with the engine's values: [address, value]. */
export function spilledCells(cell: CellSpec): [string, number | string][] {
  if (cell.spill === undefined) return [];
  const { col, row } = parseAddress(cell.address);
  const out: [string, number | string][] = [];
  cell.spill.forEach((r, i) =>
    r.forEach((value, k) => {
      if (i === 0 && k === 0) return;
      out.push([`${letters(col + k)}${row + 1 + i}`, value]);
    }),
  );
  return out;
}

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Problems with references and names; an empty list when the sheet is sound. */
export function referenceProblems(sheet: SheetSpec, allowedFunctions: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const written = writtenCells(sheet);
  const names = new Map(sheet.names.map((n) => [n.name.toUpperCase(), n]));
  const used = new Set<string>();
  const addresses = new Set<string>();
  for (const c of sheet.cells) {
    if (addresses.has(c.address)) problems.push(`${c.address} is written twice`);
    addresses.add(c.address);
    if (c.formula !== undefined && c.value !== undefined) problems.push(`${c.address} has both a value and a formula`);
    if (c.formula === undefined) continue;
    if (!c.formula.startsWith("=")) problems.push(`${c.address}: formula does not begin with "=": ${c.formula}`);
    if (c.expected === undefined) problems.push(`${c.address}: formula without an expected value`);
    const t = tokensOf(c.formula);
    for (const ref of t.cells) if (!written.has(ref)) problems.push(`${c.address}: ${c.formula} references ${ref}, which the sheet does not write`);
    for (const [from, to] of t.ranges) {
      for (const ref of cellsOfRange(from, to))
        if (!written.has(ref)) problems.push(`${c.address}: range ${from}:${to} includes ${ref}, which the sheet does not write`);
    }
    for (const n of t.names) {
      if (!names.has(n.toUpperCase())) problems.push(`${c.address}: ${c.formula} uses ${n}, which is not a defined name`);
      used.add(n.toUpperCase());
    }
    for (const fn of t.functions) if (!allowedFunctions.has(fn)) problems.push(`${c.address}: unexpected function ${fn}`);
  }
  for (const n of sheet.names) {
    if (!isValidDefinedName(n.name)) problems.push(`defined name ${n.name} is not a valid Excel name`);
    if (!used.has(n.name.toUpperCase())) problems.push(`defined name ${n.name} is never used`);
    const [from, to] = n.ref.replace(/\$/g, "").split(":");
    for (const ref of cellsOfRange(from, to ?? from))
      if (!written.has(ref)) problems.push(`defined name ${n.name} covers ${ref}, which the sheet does not write`);
  }
  if (new Set(sheet.names.map((n) => n.name.toUpperCase())).size !== sheet.names.length) problems.push("a defined name appears twice");
  return problems;
}

/** How close a spreadsheet (doubles) must come to the engine (exact): by the cell's number format. */
export function tolerance(cell: CellSpec, scale: number): number {
  const format = cell.format ?? "";
  if (format.endsWith("%")) return 1e-12; // fractions
  if (format === "#,##0" && /ROUND/.test(cell.formula ?? "")) return 0; // whole shares: exact
  // Amounts, share counts, per-unit figures: doubles carry ~16 digits of the largest amount in play.
  return Math.max(1e-9, scale * 1e-13, Math.abs(typeof cell.expected === "number" ? cell.expected : 0) * 1e-12);
}

/** The largest magnitude among the sheet's literal numbers and expected values. */
export function scaleOf(sheet: SheetSpec): number {
  let m = 1;
  for (const c of sheet.cells) {
    if (typeof c.value === "number") m = Math.max(m, Math.abs(c.value));
    if (typeof c.expected === "number") m = Math.max(m, Math.abs(c.expected));
  }
  return m;
}

export interface Mismatch {
  address: string;
  formula: string;
  expected: number | string | undefined;
  got: unknown;
}

/** Formula cells whose HyperFormula value differs from `expected`. */
export function mismatches(sheet: SheetSpec, rendered: RenderedSheet): Mismatch[] {
  const scale = scaleOf(sheet);
  const out: Mismatch[] = [];
  for (const c of sheet.cells) {
    if (c.formula === undefined) continue;
    const got = rendered.read(c.address);
    const ok = typeof c.expected === "number" && typeof got === "number" ? Math.abs(got - c.expected) <= tolerance(c, scale) : got === c.expected;
    if (!ok) out.push({ address: c.address, formula: c.formula, expected: c.expected, got });
    // A spilled table: every cell it fills, within the amounts' tolerance (an empty text may read back as empty).
    for (const [address, expected] of spilledCells(c)) {
      const value = rendered.read(address);
      const v = value === null ? "" : value;
      const same =
        typeof expected === "number" && typeof v === "number" ? Math.abs(v - expected) <= tolerance({ address, expected }, scale) : v === expected;
      if (!same) out.push({ address, formula: `(spilled by ${c.address})`, expected, got: value });
    }
  }
  return out;
}

/** Every literal text of the sheet is text in HyperFormula too, unchanged, and never a formula. */
export function textProblems(sheet: SheetSpec, rendered: RenderedSheet): string[] {
  const problems: string[] = [];
  for (const c of sheet.cells) {
    if (typeof c.value !== "string") continue;
    if (rendered.isFormula(c.address)) problems.push(`${c.address}: text ${JSON.stringify(c.value)} became a formula`);
    const got = rendered.read(c.address);
    if (got !== c.value) problems.push(`${c.address}: text ${JSON.stringify(c.value)} reads back as ${JSON.stringify(got)}`);
  }
  return problems;
}
