/**
 * Excel tables of a SheetSpec (spec.ts `TableSpec`): the rules every writer checks, the structured
 * references the names that read them are written with, and free table names. Pure.
 *
 * Why structured references: a name defined as `RoundCapTable[Shares]` covers the table's data
 * rows as they are now, so a row the user adds (typing under the table, Tab in its last cell,
 * Insert > Table Rows) or deletes is counted by every formula that reads the name. A name on the
 * range "B14:B16" would not grow when the table grows into the row under it. Excel stores and
 * evaluates them in defined names as in cells ("Using structured references with Excel tables",
 * support.microsoft.com); LibreOffice Calc reads them from .xlsx (table ranges are imported as
 * database ranges; structured references since LibreOffice 5.1), checked on the command line's
 * workbooks in test/libreoffice/templates.libreoffice.test.ts.
 */
import { cellAddress, parseRange, rangeAddress } from "./a1";
import type { SheetSpec, TablePart, TableSpec } from "./spec";

/** Excel's rule for a table name (as for a defined name): a letter, "_" or "\" first, then letters, digits, "_" or "."; not a cell reference. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}[0-9]+|[Rr]([0-9]*)?([Cc][0-9]*)?|[Cc][0-9]*)$/;

/** True when `name` is a table name Excel accepts. */
export function isValidTableName(name: string): boolean {
  return TABLE_NAME.test(name) && !LOOKS_LIKE_REF.test(name) && !["TRUE", "FALSE"].includes(name.toUpperCase());
}

/**
 * Characters that make a column specifier need its own brackets (`T[[Amount (EUR)]]`): Microsoft's
 * list of special characters in "Using structured references with Excel tables" (space, tab, line
 * feed, carriage return, comma, colon, period, brackets, pound, quotes, braces, $ ^ & * + = - > < /),
 * with parentheses and % added (the extra brackets are always allowed).
 */
const SPECIAL = /[\s,:.[\]#'"{}$^&*+=\-><()/%@!?;~`\\]/;

/** A header text inside a column specifier: ' [ ] # escaped with an apostrophe (the same page's rule). */
function escapeColumn(column: string): string {
  return column.replace(/['[\]#]/g, "'$&");
}

function columnSpecifier(column: string): string {
  return `[${escapeColumn(column)}]`;
}

/**
 * The structured reference for a part of `table` once a writer named it `tableName`:
 * `T[Shares]`, `T[[Amount (EUR)]]`, `T[[#All],[Shares]]`, `T[[#All],[Holder]:[Shares]]`.
 */
export function structuredReference(part: TablePart, table: TableSpec, tableName = table.name): string {
  // Every column: as the run from the first to the last column, never `T[#All]` or `T[#Data]`, which
  // LibreOffice (7.x) reads as #NAME? in a defined name while it evaluates the column forms.
  if (part.column === undefined) return structuredReference({ ...part, column: 0, lastColumn: table.columns.length - 1 }, table, tableName);
  const header = (i: number) => {
    const h = table.columns[i];
    if (h === undefined) throw new Error(`table "${table.name}" has no column ${i + 1}`);
    return h;
  };
  const first = header(part.column);
  const columns =
    part.lastColumn === undefined || part.lastColumn === part.column
      ? columnSpecifier(first)
      : `${columnSpecifier(first)}:${columnSpecifier(header(part.lastColumn))}`;
  if (part.all === true) return `${tableName}[[#All],${columns}]`;
  if ((part.lastColumn === undefined || part.lastColumn === part.column) && !SPECIAL.test(first)) return `${tableName}[${escapeColumn(first)}]`;
  return `${tableName}[${columns}]`;
}

/** `desired`, or "desired_2", "desired_3"… when a table of the workbook has it (table names compare case-insensitively). */
export function freeTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(desired.toLowerCase())) return desired;
  for (let n = 2; ; n++) if (!used.has(`${desired}_${n}`.toLowerCase())) return `${desired}_${n}`;
}

/** True when `actual` is the name a writer gives the spec's table `desired` (itself or a free variant). */
export function isTableNamed(actual: string, desired: string): boolean {
  const a = actual.toLowerCase();
  const d = desired.toLowerCase();
  return a === d || (a.startsWith(`${d}_`) && /^[0-9]+$/.test(a.slice(d.length + 1)));
}

/** A table's data rows ("A15:B17" for a table at "A14:B17"). */
export function dataRange(table: TableSpec): string {
  const r = parseRange(table.ref);
  if (r === undefined) throw new Error(`table "${table.name}": "${table.ref}" is not a range`);
  return rangeAddress({ ...r, top: r.top + 1 });
}

/**
 * Throws an Error naming the sheet, the table and the rule a spec's tables break: a valid name,
 * unique among the tables (case-insensitive) and not one of the sheet's defined names; a range of a
 * header row and at least one data row, overlapping no other table; header texts as many as the
 * columns, non-empty, unique (case-insensitive) and equal to the header cells' text; names and
 * inputs that refer to a table refer to one of them and to its columns.
 */
export function checkTables(spec: SheetSpec): void {
  const tables = spec.tables ?? [];
  const where = (t: TableSpec) => `${spec.name}: table "${t.name}"`;
  const seen = new Map<string, TableSpec>();
  const definedNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const cells = new Map(spec.cells.map((c) => [c.address, c]));
  const rects: { table: TableSpec; r: NonNullable<ReturnType<typeof parseRange>> }[] = [];
  for (const t of tables) {
    if (!isValidTableName(t.name))
      throw new Error(`${where(t)}: not a valid table name (a letter or "_" first, then letters, digits, "_" or "."; not a cell reference)`);
    if (seen.has(t.name.toLowerCase())) throw new Error(`${where(t)}: the name is used by two tables`);
    if (definedNames.has(t.name.toLowerCase())) throw new Error(`${where(t)}: the name is also a defined name of the sheet`);
    seen.set(t.name.toLowerCase(), t);
    const r = /^[A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+$/.test(t.ref) ? parseRange(t.ref) : undefined;
    if (r === undefined) throw new Error(`${where(t)}: "${t.ref}" is not a range like "A14:B17"`);
    if (r.bottom - r.top < 1) throw new Error(`${where(t)}: needs a header row and at least one data row, got ${t.ref}`);
    if (t.columns.length !== r.right - r.left + 1)
      throw new Error(`${where(t)}: ${t.columns.length} header texts for ${r.right - r.left + 1} columns`);
    const headers = new Set<string>();
    t.columns.forEach((h, i) => {
      if (h.trim() === "") throw new Error(`${where(t)}: header ${i + 1} is empty`);
      if (headers.has(h.toLowerCase())) throw new Error(`${where(t)}: the header "${h}" is there twice (headers are unique in a table)`);
      headers.add(h.toLowerCase());
      const cell = cells.get(cellAddress(r.top, r.left + i));
      if (cell?.value !== h)
        throw new Error(
          `${where(t)}: the header cell of column ${i + 1} holds ${JSON.stringify(cell?.value ?? cell?.formula ?? null)}, not the header "${h}"`,
        );
    });
    for (const o of rects)
      if (r.left <= o.r.right && o.r.left <= r.right && r.top <= o.r.bottom && o.r.top <= r.bottom)
        throw new Error(`${where(t)}: overlaps the table "${o.table.name}"`);
    rects.push({ table: t, r });
  }
  const table = (name: string, what: string) => {
    const t = seen.get(name.toLowerCase());
    if (t === undefined) throw new Error(`${spec.name}: ${what} refers to the table "${name}", which the sheet does not have`);
    return t;
  };
  for (const n of spec.names) {
    if (n.table === undefined) continue;
    const t = table(n.table.table, `the name "${n.name}"`);
    for (const c of [n.table.column, n.table.lastColumn])
      if (c !== undefined && !(Number.isInteger(c) && c >= 0 && c < t.columns.length))
        throw new Error(`${spec.name}: the name "${n.name}" refers to column ${c + 1} of the table "${t.name}", which has ${t.columns.length}`);
  }
  for (const i of spec.inputs ?? []) {
    if (i.table === undefined) continue;
    const t = table(i.table, `the input "${i.field}"`);
    if ((i.columns?.length ?? 0) > t.columns.length)
      throw new Error(`${spec.name}: the input "${i.field}" reads more columns than the table "${t.name}" has`);
  }
}

/** An A1 reference outside a string literal: not part of a name, a function or a number ("LOG10(" and "A1B" are not references). */
const A1_REFERENCE = /(?<![A-Za-z0-9_.$\\])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

/**
 * A data cell's formula in the form of its table's calculated column, or undefined when it has none:
 * a relative reference to a cell of the same row inside the table becomes
 * `T[[#This Row],[Header]]`, an absolute one (`$B$69`) stays; any other relative or mixed reference
 * (the row above, a cell outside the table) has no such form. `row`: the cell's row, counted from 0.
 */
function thisRowFormula(formula: string, row: number, table: TableSpec, tableName: string): string | undefined {
  const r = parseRange(table.ref)!;
  // A reference to another sheet has no this-row form.
  if (formula.replace(/"(?:[^"]|"")*"/g, "").includes("!")) return undefined;
  let ok = true;
  // Only outside string literals ("..." with "" inside).
  const parts = formula.replace(/^=/, "").split(/("(?:[^"]|"")*")/);
  const out = parts.map((part, i) =>
    i % 2 === 1
      ? part
      : part.replace(A1_REFERENCE, (ref, colFixed: string, letters: string, rowFixed: string, digits: string) => {
          if (colFixed === "$" && rowFixed === "$") return ref;
          const at = parseRange(`${letters}${digits}`);
          if (colFixed === "" && rowFixed === "" && at !== undefined && at.top === row && at.left >= r.left && at.left <= r.right)
            return `${tableName}[[#This Row],${columnSpecifier(table.columns[at.left - r.left])}]`;
          ok = false;
          return ref;
        }),
  );
  return ok ? out.join("") : undefined;
}

/**
 * The calculated-column formula of each column of a table (ECMA-376 Part 1 §18.5.1.1
 * `calculatedColumnFormula`), undefined for a column of values: a column whose data cells all hold
 * one formula, moved down a row each row (`=B15/$B$20`, `=B16/$B$20`...), in the structured form
 * Excel stores (`T[[#This Row],[Shares]]/$B$20`, tables.ts `thisRowFormula`). With it Excel fills the
 * formula into a row the user adds to the table; without it an .xlsx table column of formulas is
 * not a calculated column, and an added row is left empty there (ClosedXML issue #288: the same
 * table recreated in Excel, which then stores the formula in the table part, fills new rows).
 */
export function calculatedColumns(spec: SheetSpec, table: TableSpec, tableName = table.name): (string | undefined)[] {
  const r = parseRange(table.ref);
  if (r === undefined) return table.columns.map(() => undefined);
  const cells = new Map(spec.cells.map((c) => [c.address, c]));
  return table.columns.map((_, k) => {
    let form: string | undefined;
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const cell = cells.get(cellAddress(row, r.left + k));
      if (cell?.formula === undefined || cell.spill !== undefined) return undefined;
      const f = thisRowFormula(cell.formula, row, table, tableName);
      if (f === undefined || (form !== undefined && f !== form)) return undefined;
      form = f;
    }
    return form;
  });
}
