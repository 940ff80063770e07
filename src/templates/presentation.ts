/**
 * A template's presentation applied to the sheet its model builds: the sheet name, gridlines,
 * whether the chart is kept, and a note beside each input marked "to fill", so whoever opens the
 * workbook (with or without the add-in) sees which figures are still the template's. Pure: SheetSpec in,
 * SheetSpec out; the taskpane and the command line both use it.
 */
import type { CellSpec, SheetSpec } from "../workbook/spec";
import { coveredColumns, shownCells, wrapLayout } from "../workbook/layout";
import { columnIndex } from "../workbook/a1";
import type { Template } from "./schema";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage } from "../model/sheetText";
import { BUILT_IN_NOTES_FR } from "./builtIn";

/** The defined name of the input cell of each field, where it differs from the field name with a capital. */
const NAME_OF_FIELD: Readonly<Record<string, string>> = {
  capTable: "SharesBefore",
  // The deal-pricing model's tables (src/model/dealPricingModel.ts).
  positions: "PositionShares",
  flows: "FlowAmounts",
  comps: "CompEv",
};

/** Columns tried, left to right, for a "to fill" note on an input's row. */
const NOTE_COLUMNS = ["D", "E", "F"];

/** The English prefix of a "to fill" note (the French is "À compléter : ", src/model/sheetText.ts). */
export const TO_FILL_PREFIX = sheetText("en").common.toFill("");

function definedNameOf(field: string): string {
  return NAME_OF_FIELD[field] ?? `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/**
 * A text as an Excel string expression: pieces of at most 255 characters joined by & (Excel
 * refuses a longer text constant in a formula), a double quote as CHAR(34) (Excel also reads "",
 * other engines such as HyperFormula do not).
 */
function excelText(text: string): string {
  const pieces: string[] = [];
  text.split('"').forEach((part, i) => {
    if (i > 0) pieces.push("CHAR(34)");
    for (let at = 0; at < part.length; at += 255) pieces.push(`"${part.slice(at, at + 255)}"`);
  });
  return pieces.length === 0 ? '""' : pieces.join("&");
}

/**
 * The test "the input still holds the template's value" for an input cell holding a literal, or
 * undefined (a range, a formula, a boolean): then the note is plain text.
 */
function stillTemplateValue(name: string, cell: CellSpec | undefined): string | undefined {
  if (cell?.formula !== undefined) return undefined;
  const v = cell?.value;
  if (v === null || v === undefined) return `ISBLANK(${name})`;
  if (typeof v === "number" && Number.isFinite(v)) return `${name}=${String(v)}`;
  if (typeof v === "string" && v.length <= 255) return `${name}=${excelText(v)}`;
  return undefined;
}

/**
 * Notes for the inputs to fill: on the row of the input cell (its defined name), in the first of
 * columns D to F that the sheet leaves empty and no text runs over (issue 14). An input without a defined name on the sheet, or
 * whose row has no free column, gets no note (the template still lists it).
 *
 * The note goes away once the figure is given: for an input in one cell, the note is a formula
 * that shows it only while the cell still holds the template's value
 * (`=IF(NetDebt=120000000,"To fill: …","")`; Excel compares texts without case). A table (a
 * range) keeps a plain note: no one value says it was filled.
 */
export function toFillNotes(sheet: SheetSpec, toFill: Template["toFill"], language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): CellSpec[] {
  const words = sheetText(language).common;
  const used = new Set(sheet.cells.map((c) => c.address));
  const cellAt = new Map(sheet.cells.map((c) => [c.address, c]));
  const notes: CellSpec[] = [];
  const shown = shownCells(sheet);
  const occupied = new Set(shown.map((c) => `${c.row}:${c.col}`));
  const widths = new Map((sheet.columns ?? []).map((c) => [columnIndex(c.column) ?? -1, c.width]));
  /** Columns (0-based) a text on this 1-based row runs over. */
  const coveredOn = (row: number) => new Set(shown.filter((c) => c.row === row - 1).flatMap((c) => coveredColumns(c, occupied, widths).slice(1)));
  for (const entry of toFill) {
    const name = sheet.names.find((n) => n.name.toLowerCase() === definedNameOf(entry.field).toLowerCase());
    const row = name === undefined ? undefined : /^\$?[A-Z]+\$?([0-9]+)/.exec(name.ref)?.[1];
    if (name === undefined || row === undefined) continue;
    // Never over a text that runs into the column (an input's note in C running over D: issue 14).
    const covered = coveredOn(Number(row));
    const address = NOTE_COLUMNS.filter((col) => !covered.has(columnIndex(col) ?? -1))
      .map((col) => `${col}${row}`)
      .find((a) => !used.has(a));
    if (address === undefined) continue;
    used.add(address);
    // A built-in template's note in the sheet's language; a note the user wrote, as written.
    const note = language === "fr" ? (BUILT_IN_NOTES_FR[entry.note] ?? entry.note) : entry.note;
    const text = words.toFill(note === "" ? words.toFillDefault : note);
    const single = /^\$?[A-Z]+\$?[0-9]+$/.test(name.ref) ? name.ref.replace(/\$/g, "") : undefined;
    const test = single === undefined ? undefined : stillTemplateValue(name.name, cellAt.get(single));
    notes.push(
      test === undefined
        ? { address, value: text, style: "note" }
        : { address, formula: `=IF(${test},${excelText(text)},"")`, expected: text, style: "note" },
    );
  }
  return notes;
}

/** The model's sheet as the template presents it (the notes in the sheet's language). */
export function presentSheet(
  sheet: SheetSpec,
  template: Pick<Template, "presentation" | "toFill">,
  language: SheetLanguage = DEFAULT_SHEET_LANGUAGE,
): SheetSpec {
  const p = template.presentation;
  const notes = toFillNotes(sheet, template.toFill, language);
  const withNotes = [...sheet.cells, ...notes];
  // A note with too little room to its right wraps, as the sheet's own long texts do (layout.ts).
  const last = sheet.print === undefined ? Infinity : (columnIndex(sheet.print.area.split(":")[1]?.replace(/[0-9$]+/g, "") ?? "") ?? Infinity);
  const { wrapped, merges, rows } = wrapLayout({ ...sheet, cells: withNotes }, sheet.columns ?? [], last);
  const heights = new Map((sheet.rows ?? []).map((r) => [r.row, r.height]));
  for (const r of rows) heights.set(r.row, Math.max(heights.get(r.row) ?? 0, r.height));
  const noteAt = new Set(notes.map((n) => n.address));
  const noteMerges = merges.filter((m) => noteAt.has(m.split(":")[0]));
  return {
    ...sheet,
    name: p.sheetName ?? sheet.name,
    showGridlines: p.showGridlines,
    charts: p.chart ? sheet.charts : [],
    cells: withNotes.map((c) => (noteAt.has(c.address) && wrapped.has(c.address) ? { ...c, wrap: true } : c)),
    ...(heights.size === 0 ? {} : { rows: [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })) }),
    ...(noteMerges.length === 0 ? {} : { merges: [...(sheet.merges ?? []), ...noteMerges] }),
  };
}
