/**
 * A template's presentation applied to the sheet its model builds: the sheet name, gridlines,
 * whether the chart is kept, and a note beside each input marked "to fill", so whoever opens the
 * workbook (with or without the add-in) sees which figures are placeholders. Pure: SheetSpec in,
 * SheetSpec out; the taskpane and the command line both use it.
 */
import type { CellSpec, SheetSpec } from "../workbook/spec";
import type { Template } from "./schema";

/** The defined name of the input cell of each field, where it differs from the field name with a capital. */
const NAME_OF_FIELD: Readonly<Record<string, string>> = { capTable: "SharesBefore" };

/** Columns tried, left to right, for a "to fill" note on an input's row. */
const NOTE_COLUMNS = ["D", "E", "F"];

export const TO_FILL_PREFIX = "To fill: ";

function definedNameOf(field: string): string {
  return NAME_OF_FIELD[field] ?? `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/**
 * Notes for the inputs to fill: on the row of the input cell (its defined name), in the first of
 * columns D to F that the sheet leaves empty. An input without a defined name on the sheet, or
 * whose row has no free column, gets no note (the template still lists it).
 */
export function toFillNotes(sheet: SheetSpec, toFill: Template["toFill"]): CellSpec[] {
  const used = new Set(sheet.cells.map((c) => c.address));
  const notes: CellSpec[] = [];
  for (const entry of toFill) {
    const name = sheet.names.find((n) => n.name.toLowerCase() === definedNameOf(entry.field).toLowerCase());
    const row = name === undefined ? undefined : /^\$?[A-Z]+\$?([0-9]+)/.exec(name.ref)?.[1];
    if (row === undefined) continue;
    const address = NOTE_COLUMNS.map((col) => `${col}${row}`).find((a) => !used.has(a));
    if (address === undefined) continue;
    used.add(address);
    notes.push({ address, value: `${TO_FILL_PREFIX}${entry.note === "" ? "placeholder value" : entry.note}`, style: "note" });
  }
  return notes;
}

/** The model's sheet as the template presents it. */
export function presentSheet(sheet: SheetSpec, template: Pick<Template, "presentation" | "toFill">): SheetSpec {
  const p = template.presentation;
  return {
    ...sheet,
    name: p.sheetName ?? sheet.name,
    showGridlines: p.showGridlines,
    charts: p.chart ? sheet.charts : [],
    cells: [...sheet.cells, ...toFillNotes(sheet, template.toFill)],
  };
}
