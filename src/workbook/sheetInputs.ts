/**
 * The model's inputs as the sheet holds them: the values read from the input cells and tables a
 * SheetSpec declares (spec.ts `InputSpec`), merged into the stored inputs, and what differs. Pure:
 * the Office.js read is `readSheetInputs` in modelStore.ts; the taskpane shows the differences and
 * lets the user choose (src/taskpane/SheetSync.tsx). The merged inputs are validated by the model's
 * schema before they are used, like any stored model.
 *
 * Cells come as Range.values gives them: a number, a text, a boolean, "" for an empty cell (read
 * here as null, an input left empty). A table row whose cells are all empty is no row (a row the user
 * cleared); a table's other keys (not on the sheet) are kept from the stored row at the same place.
 * A field may name a key inside an object of the inputs ("nextRound.preMoney", a table "nextRound.investors").
 */
import type { InputSpec } from "./spec";

/** One value that differs: `path` is the field, or "capTable[2].shares" in a table; undefined on one side = a row only on the other. */
export interface InputDifference {
  readonly path: string;
  readonly stored: unknown;
  readonly sheet: unknown;
}

export interface SheetInputs {
  /** The stored inputs with every declared input replaced by the sheet's. */
  readonly inputs: Record<string, unknown>;
  readonly differences: readonly InputDifference[];
}

const cellValue = (v: unknown): unknown => (v === "" || v === undefined ? null : v);

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

/** Merges the values read (field -> the range's rows of values) into the stored inputs; a field not read keeps its stored value. */
export function inputsFromSheet(
  stored: Readonly<Record<string, unknown>>,
  specs: readonly InputSpec[],
  read: ReadonlyMap<string, readonly (readonly unknown[])[]>,
): SheetInputs {
  const inputs: Record<string, unknown> = { ...stored };
  const differences: InputDifference[] = [];
  for (const spec of specs) {
    const rows = read.get(spec.field);
    if (rows === undefined) continue;
    if (spec.columns === undefined) {
      const sheet = cellValue(rows[0]?.[0]);
      const before = getField(stored, spec.field);
      setField(inputs, spec.field, sheet);
      if (!same(before, sheet)) differences.push({ path: spec.field, stored: before, sheet });
      continue;
    }
    const columns = spec.columns;
    const storedList = getField(stored, spec.field);
    const before = Array.isArray(storedList) ? (storedList as unknown[]) : [];
    // Row i of the sheet was written from stored item i: each row is matched to its item by position
    // before blank rows are dropped, so a row blanked in the middle removes its own item and the rows
    // below keep theirs (with the fields the sheet does not show), never the item above them.
    const items: Record<string, unknown>[] = [];
    const storedAt = (i: number) => (typeof before[i] === "object" && before[i] !== null ? (before[i] as Record<string, unknown>) : undefined);
    rows.forEach((r, i) => {
      const a = storedAt(i);
      if (!r.some((v) => cellValue(v) !== null)) {
        if (a !== undefined) differences.push({ path: `${spec.field}[${i + 1}]`, stored: a, sheet: undefined });
        return;
      }
      const item: Record<string, unknown> = { ...(a ?? {}) };
      columns.forEach((key, j) => {
        item[key] = cellValue(r[j]);
      });
      items.push(item);
      if (a === undefined) differences.push({ path: `${spec.field}[${i + 1}]`, stored: undefined, sheet: item });
      else
        for (const key of columns)
          if (!same(a[key], item[key])) differences.push({ path: `${spec.field}[${i + 1}].${key}`, stored: a[key], sheet: item[key] });
    });
    for (let i = rows.length; i < before.length; i++) differences.push({ path: `${spec.field}[${i + 1}]`, stored: before[i], sheet: undefined });
    setField(inputs, spec.field, items);
  }
  return { inputs, differences };
}
