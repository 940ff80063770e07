/**
 * The model's inputs as the sheet holds them: the values read from the input cells and tables a
 * SheetSpec declares (spec.ts `InputSpec`), merged into the stored inputs, and what differs. Pure:
 * the Office.js read is `readSheetInputs` in modelStore.ts; the taskpane shows the differences and
 * lets the user choose (src/taskpane/SheetSync.tsx). The merged inputs are validated by the model's
 * schema before they are used, like any stored model.
 *
 * Cells come as Range.values gives them: a number, a text, a boolean, "" for an empty cell (read
 * here as null, an input left empty). A table row whose cells are all empty is no row (a row the user
 * cleared); a table's other keys (not on the sheet) are kept from the stored row it is matched to:
 * the row at the same place, or, when those keys hold something and the table has a key column whose
 * values are unique (a holder's name), the row of the same name, so that a row inserted in the middle
 * does not shift them (`matched` says which). A row added in the sheet takes the spec's `defaults` for
 * them. A list (the exit values) is its non-empty cells in order.
 * A field may name a key inside an object of the inputs ("nextRound.preMoney", a table "nextRound.investors").
 *
 * A cell that shows the stored value in another form is read back as the stored form (InputSpec
 * `read`/`reads`): a date (a day number read in the workbook's date system, 1900 or 1904: dateSystem.ts),
 * an optional text, a YES/NO flag, an instrument type's sheet word. A value
 * that cannot be read so is kept as the sheet has it, and the model's schema refuses it with its rule
 * (`cellOfPath` names the cell): never guessed, never dropped.
 */
import { INSTRUMENT_WORDS, YES_NO_WORDS, holderKey, readWord } from "../engine";
import { serialToIsoDate, type ReadDateSystem } from "./dateSystem";
import type { InputRead, InputSpec } from "./spec";
import { cellAddress, parseRange } from "./a1";

/**
 * One value that differs: `path` is the field, or "capTable[2].shares" in a table (the row of the
 * sheet's table, from 1; a stored item no row was matched to: its place among the stored items);
 * undefined on one side = a row only on the other.
 */
export interface InputDifference {
  readonly path: string;
  readonly stored: unknown;
  readonly sheet: unknown;
}

/** How a table's rows were matched to the stored items: by the key column's values, or by position. */
export interface RowMatching {
  readonly field: string;
  readonly by: "key" | "position";
  /** The key column (by "key"), or the one that was not unique (by "position"). */
  readonly key?: string;
}

export interface SheetInputs {
  /** The stored inputs with every declared input replaced by the sheet's. */
  readonly inputs: Record<string, unknown>;
  readonly differences: readonly InputDifference[];
  /** The tables with keys the sheet does not show: how their rows were matched to the stored items. */
  readonly matched: readonly RowMatching[];
  /** For each table (and list), the row (or cell) of the range read that each item comes from, 0-based: where an item's value is on the sheet. */
  readonly itemRows: ReadonlyMap<string, readonly number[]>;
  /**
   * The date system the dates were read in (the workbook's, as the caller gave it), and how many date
   * cells held a day number (read in that system; with "unknown", kept as numbers): the taskpane says
   * so when it mattered (a 1904 workbook, or a system it could not tell).
   */
  readonly dates: { readonly system: ReadDateSystem; readonly fromDayNumbers: number };
}

/** The date system dates are read in, and how many date cells held a day number (what the system decided). */
interface DateReading {
  readonly system: ReadDateSystem;
  fromDayNumbers: number;
}

const cellValue = (v: unknown): unknown => (v === "" || v === undefined ? null : v);

export { serialToIsoDate, type ReadDateSystem } from "./dateSystem";

/** A cell's value as the stored form (InputRead), or as the sheet has it when it cannot be read so (the schema then refuses it). */
function readValue(v: unknown, read: InputRead | undefined, dates: DateReading): unknown {
  const value = cellValue(v);
  switch (read) {
    case undefined:
      return value;
    case "text":
      return value === null ? "" : value;
    case "date":
      if (typeof value === "number") {
        dates.fromDayNumbers++;
        return dates.system === "unknown" ? value : (serialToIsoDate(value, dates.system) ?? value);
      }
      // A text typed as an ISO date (a cell formatted as text keeps it): unambiguous, read as it is.
      if (typeof value === "string" && /^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$/.test(value)) return value.trim();
      return value;
    case "yesNo": {
      if (typeof value !== "string") return value;
      const word = readWord(YES_NO_WORDS, value);
      return word === undefined ? value : word === "YES";
    }
    case "instrumentType":
      return typeof value === "string" ? (readWord(INSTRUMENT_WORDS, value) ?? value) : value;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The value at a field: "preMoney", or "nextRound.preMoney" inside an object of the inputs. */
function getField(inputs: Readonly<Record<string, unknown>>, field: string): unknown {
  let at: unknown = inputs;
  for (const part of field.split(".")) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

/** Sets a field, copying the objects on its path (the stored inputs are never changed). */
function setField(inputs: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split(".");
  let at = inputs;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at[part] = typeof next === "object" && next !== null ? { ...(next as Record<string, unknown>) } : {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

/** An item from a table row: each column's value at its key; a dotted key's object is null when all its keys are empty. */
function itemOf(
  spec: InputSpec,
  columns: readonly string[],
  row: readonly unknown[],
  stored: Record<string, unknown> | undefined,
  dates: DateReading,
): Record<string, unknown> {
  const item: Record<string, unknown> = { ...(stored ?? spec.defaults ?? {}) };
  const groups = new Map<string, Record<string, unknown>>();
  columns.forEach((key, j) => {
    const value = readValue(row[j], spec.reads?.[key], dates);
    const dot = key.indexOf(".");
    if (dot < 0) {
      // A key the stored item leaves out (an optional one) stays out when its cell is empty.
      if (value === null && stored !== undefined && !(key in stored)) return;
      item[key] = value;
      return;
    }
    const group = groups.get(key.slice(0, dot)) ?? {};
    group[key.slice(dot + 1)] = value;
    groups.set(key.slice(0, dot), group);
  });
  for (const [key, group] of groups) item[key] = Object.values(group).every((v) => v === null) ? null : group;
  return item;
}

/** The top-level keys a table's columns show ("interest" for "interest.rate"). */
const shownKeys = (columns: readonly string[]) => new Set(columns.map((c) => c.split(".")[0]));

/** True when a stored item holds something the sheet does not show (beyond the spec's defaults for a new row). */
function hasHiddenValues(spec: InputSpec, items: readonly unknown[]): boolean {
  const shown = shownKeys(spec.columns ?? []);
  return items.some(
    (it) =>
      typeof it === "object" &&
      it !== null &&
      Object.entries(it).some(
        ([k, v]) => !shown.has(k) && v !== undefined && !same(v, spec.defaults?.[k] === undefined ? undefined : spec.defaults[k]),
      ),
  );
}

/** The key of a row's or an item's key column, or undefined when empty or not a text. */
function rowKey(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? holderKey(value) : undefined;
}

/** Unique non-empty keys, or undefined when one is empty or repeated. */
function uniqueKeys(values: readonly unknown[]): string[] | undefined {
  const keys = values.map(rowKey);
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;
  return keys as string[];
}

/**
 * Merges the values read (field -> the range's rows of values) into the stored inputs; a field not
 * read keeps its stored value. A date cell's day number is read in `dateSystem`, the workbook's
 * (dateSystem.ts): "1900" unless given.
 */
export function inputsFromSheet(
  stored: Readonly<Record<string, unknown>>,
  specs: readonly InputSpec[],
  read: ReadonlyMap<string, readonly (readonly unknown[])[]>,
  dateSystem: ReadDateSystem = "1900",
): SheetInputs {
  const dates: DateReading = { system: dateSystem, fromDayNumbers: 0 };
  const inputs: Record<string, unknown> = { ...stored };
  const differences: InputDifference[] = [];
  const matched: RowMatching[] = [];
  const itemRows = new Map<string, number[]>();
  for (const spec of specs) {
    const rows = read.get(spec.field);
    if (rows === undefined) continue;
    const before = getField(stored, spec.field);
    if (spec.list === true) {
      const cells = rows.flat().map((v, i) => [readValue(v, spec.read, dates), i] as const);
      const kept = cells.filter(([v]) => v !== null);
      const sheet = kept.map(([v]) => v);
      itemRows.set(
        spec.field,
        kept.map(([, i]) => i),
      );
      setField(inputs, spec.field, sheet);
      if (!same(before, sheet)) differences.push({ path: spec.field, stored: before, sheet });
      continue;
    }
    if (spec.columns === undefined) {
      const sheet = readValue(rows[0]?.[0], spec.read, dates);
      setField(inputs, spec.field, sheet);
      if (!same(before, sheet)) differences.push({ path: spec.field, stored: before, sheet });
      continue;
    }
    const columns = spec.columns;
    const storedItems = Array.isArray(before) ? (before as unknown[]) : [];
    const storedAt = (i: number) =>
      typeof storedItems[i] === "object" && storedItems[i] !== null ? (storedItems[i] as Record<string, unknown>) : undefined;
    const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((v) => cellValue(v) !== null));
    // Which stored item each sheet row is: by position (row i was written from item i), or by the key
    // column when items hold keys the sheet does not show and the key's values are unique on both sides.
    let matchOf: (i: number) => number | undefined = (i) => (i < storedItems.length ? i : undefined);
    if (hasHiddenValues(spec, storedItems)) {
      const k = spec.key === undefined ? -1 : columns.indexOf(spec.key);
      const sheetKeys =
        k < 0 ? undefined : uniqueKeys(filled.map(({ r }) => readValue(r[k], spec.reads?.[spec.key!], { system: dates.system, fromDayNumbers: 0 })));
      const storedKeys = k < 0 ? undefined : uniqueKeys(storedItems.map((_, j) => storedAt(j)?.[spec.key!]));
      if (sheetKeys !== undefined && storedKeys !== undefined) {
        const byKey = new Map(filled.map(({ i }, n) => [i, sheetKeys[n]]));
        matchOf = (i) => {
          const at = storedKeys.indexOf(byKey.get(i)!);
          return at < 0 ? undefined : at;
        };
        matched.push({ field: spec.field, by: "key", key: spec.key });
      } else matched.push({ field: spec.field, by: "position", ...(spec.key === undefined ? {} : { key: spec.key }) });
    }
    const items: Record<string, unknown>[] = [];
    const rowsOfItems: number[] = [];
    const used = new Set<number>();
    rows.forEach((r, i) => {
      const m = matchOf(i);
      const a = m === undefined ? undefined : storedAt(m);
      if (!r.some((v) => cellValue(v) !== null)) return;
      if (m !== undefined) used.add(m);
      const item = itemOf(spec, columns, r, a, dates);
      items.push(item);
      rowsOfItems.push(i);
      if (a === undefined) differences.push({ path: `${spec.field}[${i + 1}]`, stored: undefined, sheet: item });
      else
        for (const key of columns) {
          const was = getField(a, key);
          const now = getField(item, key);
          if (!same(was, now)) differences.push({ path: `${spec.field}[${i + 1}].${key}`, stored: was, sheet: now });
        }
    });
    // A stored item no row was matched to: its row was cleared or deleted.
    storedItems.forEach((it, j) => {
      if (!used.has(j)) differences.push({ path: `${spec.field}[${j + 1}]`, stored: it, sheet: undefined });
    });
    itemRows.set(spec.field, rowsOfItems);
    setField(inputs, spec.field, items);
  }
  return { inputs, differences, matched, itemRows, dates: { system: dates.system, fromDayNumbers: dates.fromDayNumbers } };
}

/**
 * The cell an issue of the merged inputs is about ("B21"), from the specs and what was read: a
 * single input's cell, or the cell of a table item's column (the row the item was read from).
 * Undefined when the path is not a value read from the sheet.
 */
export function cellOfPath(
  specs: readonly InputSpec[],
  itemRows: ReadonlyMap<string, readonly number[]>,
  path: readonly PropertyKey[],
): string | undefined {
  const parts = path.map(String);
  for (const spec of specs) {
    const field = spec.field.split(".");
    if (field.some((f, i) => parts[i] !== f)) continue;
    const range = parseRange(spec.ref);
    if (range === undefined) return undefined;
    const rest = parts.slice(field.length);
    if (spec.columns === undefined && spec.list !== true) return rest.length === 0 ? cellAddress(range.top, range.left) : undefined;
    const index = Number(rest[0]);
    const row = itemRows.get(spec.field)?.[index];
    if (rest.length === 0 || row === undefined) return undefined;
    if (spec.list === true) {
      const width = range.right - range.left + 1;
      return cellAddress(range.top + Math.floor(row / width), range.left + (row % width));
    }
    const key = rest.slice(1).join(".");
    const column = spec.columns!.findIndex((c) => c === key || key.startsWith(`${c}.`) || c.startsWith(`${key}.`));
    return cellAddress(range.top + row, range.left + Math.max(0, column));
  }
  return undefined;
}
