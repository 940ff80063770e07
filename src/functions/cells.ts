/**
 * Reading cell values at the Excel boundary, in plain TypeScript: no zod here, so that the functions
 * bundle carries none (it must stay small: bench goal 150 KB; zod was a fifth of it). The model and template
 * schemas (src/model, src/templates) use zod; the cells need only typeof checks.
 *
 * What Excel hands a custom function declared `any`: a number, a text, a boolean, `null` for an
 * omitted optional argument (and, in some hosts, `undefined` or "" for an empty cell), or a 2-D
 * array of those for a range. Every reader names the argument in its message.
 *
 * Empty cells as 0: some Excel builds pass an empty cell as the number 0, not `null` (office-js
 * #4702: desktop sent 0 where the web sent null, "changed as a bug fix", no requirement set tells
 * the builds apart; #5262: empty cells of an `any` matrix range arrive as 0, fixed in 2025). Frozen
 * builds (Office LTSC 2021/2024) keep doing it. So where 0 cannot be a value, it is read as an empty
 * cell (`isBlankCell`): in a name or keyword, and in an optional number that must be greater than 0
 * (a cap of 0 is no cap); a row of blanks and zeros is an empty row. Where 0 is a value (shares,
 * amounts, rates), it stays 0.
 */
import { Decimal, EngineError, RuleName, cutText, rules } from "../engine";
import { choiceKey } from "./choices";

export type CellScalar = number | string | boolean | null | undefined;

/** A value that stands for "nothing here": omitted argument or empty cell. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * What a cell of this kind reads as blank: `isBlank`, and also the number 0 where 0 cannot be a
 * value (empty cells arrive as 0 on some Excel builds, see the header): a name, a keyword, an
 * optional number that must be greater than 0, an optional table (a range argument given as one cell).
 */
export type BlankKind = "name" | "keyword" | "positive" | "table" | "number";

export function isBlankCell(value: unknown, kind: BlankKind): boolean {
  return isBlank(value) || (value === 0 && kind !== "number");
}

/** A row (or pair of cells) with nothing in it: every cell blank or 0, as an empty row arrives from any Excel build. */
export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((c) => isBlankCell(c, "name"));
}

/**
 * A list of numbers without its trailing empty cells, 0 included: the blank rows at the end of a
 * range arrive as 0 on some Excel builds. Only after a value other than 0 (a lone 0 stays), and
 * never in the middle: `[8, 0, 90, 0, 0]` gives `[8, 0, 90]`.
 */
export function withoutTrailingBlanks(cells: readonly CellScalar[]): CellScalar[] {
  let end = cells.length;
  while (end > 0 && isBlankCell(cells[end - 1], "positive")) end--;
  return end === 0 ? [...cells] : cells.slice(0, end);
}

/** The blank kind of a number checked by `rule`: 0 is blank only where the rule refuses it ("positive"). */
export const numberBlankKind = (rule: RuleName): BlankKind => (rule === "positive" ? "positive" : "number");

/** Describes a rejected value in words a spreadsheet user recognises. */
export function describeCell(value: unknown): string {
  if (isBlank(value)) return "an empty cell";
  if (typeof value === "string") return `the text "${value.length > 40 ? cutText(value, 40) + "…" : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return Number.isNaN(value) ? "a value that is not a number" : String(value);
  if (Array.isArray(value)) return "a range";
  return "a value of an unsupported kind";
}

/** A cell's own "value" error: the English message, naming the argument (no rule id: cells speak English, in Excel). */
export function valueError(message: string, argument: string): EngineError {
  return new EngineError("value", message, argument);
}

function fail(name: string, message: string): never {
  throw valueError(message, name);
}

/** Reads a required number, checks a rule, returns a Decimal. */
export function readNumber(value: unknown, name: string, rule: RuleName = "amount"): Decimal {
  // The everyday cell, a finite number: exactly the values zod's `z.number().finite()` accepts
  // (test/functions/fastPaths.test.ts checks the equivalence). Everything else is refused below.
  if (typeof value === "number" && Number.isFinite(value)) {
    const d = new Decimal(value === 0 ? 0 : value); // -0 reads as 0
    const message = rules[rule](d, name);
    if (message !== undefined) fail(name, message);
    return d;
  }
  if (Array.isArray(value)) {
    // A 1x1 range is a single cell.
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return readNumber(value[0][0], name, rule);
    fail(name, `${name} must be a single cell, got a range`);
  }
  if (isBlank(value)) fail(name, `${name} is required, got an empty cell`);
  if (typeof value === "number") fail(name, `${name} must be a finite number, got ${describeCell(value)}`);
  return fail(name, `${name} must be a number, got ${describeCell(value)}`);
}

/**
 * Reads an optional number: blank gives `undefined`, and so does 0 where 0 cannot be a value
 * (`zeroIsBlank`: by default when the rule needs more than 0; see `isBlankCell`).
 */
export function readOptionalNumber(
  value: unknown,
  name: string,
  rule: RuleName = "amount",
  zeroIsBlank = numberBlankKind(rule) === "positive",
): Decimal | undefined {
  return isBlankCell(value, zeroIsBlank ? "positive" : "number") ? undefined : readNumber(value, name, rule);
}

/** Reads a required text (numbers are accepted and turned into text: a holder may be named 2024). */
export function readText(value: unknown, name: string): string {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return readText(value[0][0], name);
    fail(name, `${name} must be a single cell, got a range`);
  }
  if (isBlankCell(value, "name")) fail(name, `${name} is required, got an empty cell`);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return fail(name, `${name} must be a text, got ${describeCell(value)}`);
}

/**
 * Reads a choice among keywords (case- and accent-insensitive, trimmed: see `choiceKey`), with synonyms.
 * `choices` maps every accepted spelling to the canonical value.
 */
export function readChoice<T extends string>(value: unknown, name: string, choices: Readonly<Record<string, T>>, fallback: T): T {
  return readOptionalChoice(value, name, choices) ?? fallback;
}

/** Reads an optional choice (see `readChoice`): blank gives `undefined`. */
export function readOptionalChoice<T extends string>(value: unknown, name: string, choices: Readonly<Record<string, T>>): T | undefined {
  if (isBlankCell(value, "keyword")) return undefined;
  // Fast path: a keyword typed in its canonical spelling ("EV") is already its own choiceKey.
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(choices, value)) return choices[value];
  // A logical value is the word Excel shows for it (TRUE / FALSE): a yes-or-no choice lists both; elsewhere it is refused below.
  const text = choiceKey(typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : readText(value, name));
  const found = Object.prototype.hasOwnProperty.call(choices, text) ? choices[text] : undefined;
  if (found === undefined) {
    const listed = [...new Set(Object.values(choices))].map((c) => `"${c}"`).join(", ");
    fail(name, `${name} must be one of ${listed}, got ${describeCell(value)}`);
  }
  return found;
}

/** A rectangular 2-D range as Excel passes it. A single value is a 1x1 range. */
export function readMatrix(value: unknown, name: string): CellScalar[][] {
  if (!Array.isArray(value)) return [[value as CellScalar]];
  if (value.length === 0 || !value.every((row) => Array.isArray(row))) fail(name, `${name} must be a range of cells`);
  const rows = value as unknown[][];
  const width = rows[0].length;
  if (width === 0 || rows.some((row) => row.length !== width)) fail(name, `${name} must be a rectangular range`);
  return rows as CellScalar[][];
}

/** A single row or column, flattened. Rejects a block of several rows and columns. */
export function readVector(value: unknown, name: string): CellScalar[] {
  const m = readMatrix(value, name);
  if (m.length === 1) return m[0];
  if (m[0].length === 1) return m.map((row) => row[0]);
  return fail(name, `${name} must be a single row or column, got ${m.length} rows by ${m[0].length} columns`);
}
