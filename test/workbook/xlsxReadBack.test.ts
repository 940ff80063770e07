/**
 * Read from sheet through an .xlsx file (issue 11): a built-in template's sheet is edited where a
 * user types (its input cells: a date as a day number, an amount, an exit value), written by the
 * command line's writer, read back from the file (xlsxReader.ts), and merged into the stored
 * inputs (sheetInputs.ts). The inputs equal the edited values, and rebuilding from them gives the
 * same sheet as building from inputs edited directly.
 */
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import type { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import type { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import { isoDateToSerial } from "../../src/engine";
import { builtInTemplate, builtInTemplates } from "../../src/templates";
import { cellAddress, parseRange } from "../../src/workbook/a1";
import { inputsFromSheet } from "../../src/workbook/sheetInputs";
import { valuesOf } from "../support/inputValues";
import type { CellLiteral, SheetSpec } from "../../src/workbook/spec";
import { readSheetSpecs, readStoredModels } from "../../src/workbook/xlsxReader";
import { writeXlsx } from "../../src/workbook/xlsxWriter";

/** The sheet with cells typed over (address -> value), as a user edits it. */
function edited(sheet: SheetSpec, edits: Readonly<Record<string, CellLiteral>>): SheetSpec {
  return { ...sheet, cells: sheet.cells.map((c) => (c.address in edits ? { ...c, value: edits[c.address] } : c)) };
}

/** The cell of a single input, of a list's i-th value, or of a table column's i-th row. */
function cellOf(sheet: SheetSpec, field: string, i = 0, key?: string): string {
  const s = sheet.inputs!.find((x) => x.field === field)!;
  const r = parseRange(s.ref)!;
  if (s.list === true) return r.top === r.bottom ? cellAddress(r.top, r.left + i) : cellAddress(r.top + i, r.left);
  return key === undefined ? cellAddress(r.top, r.left) : cellAddress(r.top + i, r.left + s.columns!.indexOf(key));
}

/** Writes the sheet with its stored model, reads the file back, and merges what its input cells hold into the stored inputs. */
async function throughXlsx(model: ReturnType<typeof buildModel>, sheet: SheetSpec) {
  const file = await writeXlsx({
    sheets: [{ spec: sheet, model: { id: "m-x", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input } }],
  });
  const [read] = await readSheetSpecs(file.buffer);
  const [stored] = await readStoredModels(file.buffer);
  const specs = model.sheet.inputs ?? [];
  return inputsFromSheet(stored.inputs as Record<string, unknown>, specs, valuesOf(read, specs));
}

test.each(builtInTemplates().map((b) => [b.id, b.template.inputs as ModelInputs] as const))(
  "%s: the .xlsx as written reads back as the stored inputs",
  async (_, input) => {
    const model = buildModel(input);
    const { inputs, differences } = await throughXlsx(model, model.sheet);
    expect(differences).toEqual([]);
    expect(inputs).toEqual(model.input);
  },
);

/** Edits the sheet, reads it back through the file; the inputs are the edited ones and the rebuild is the direct build of them. */
async function roundTrip(stored: ModelInputs, edits: (sheet: SheetSpec) => Record<string, CellLiteral>, direct: ModelInputs) {
  const model = buildModel(stored);
  const { inputs } = await throughXlsx(model, edited(model.sheet, edits(model.sheet)));
  const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
  if (!checked.ok) throw new Error(`expected valid inputs: ${JSON.stringify(checked)}`);
  expect(checked.input).toEqual(buildModel(direct).input);
  expect(buildModel(checked.input).sheet.cells).toEqual(buildModel(direct).sheet.cells);
}

test("deal pricing: the completion date typed a day later and a flow's amount: read back, rebuilt as if typed in the form", async () => {
  const stored = builtInTemplate("opcore-deal-pricing")!.template.inputs as DealPricingInput;
  const next = new Date(`${stored.completionDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const later = next.toISOString().slice(0, 10);
  const last = stored.flows.length - 1;
  await roundTrip(
    stored,
    (sheet) => ({
      [cellOf(sheet, "completionDate")]: isoDateToSerial(later),
      [cellOf(sheet, "flows", last, "amount")]: stored.flows[last].amount * 2,
    }),
    { ...stored, completionDate: later, flows: stored.flows.map((f, i) => (i === last ? { ...f, amount: f.amount * 2 } : f)) },
  );
});

test("exit waterfall: an exit value of the sensitivity", async () => {
  const stored = builtInTemplate("exit-waterfall")!.template.inputs as ExitWaterfallInput;
  await roundTrip(stored, (sheet) => ({ [cellOf(sheet, "exitValues", 2)]: 12_345_678 }), {
    ...stored,
    exitValues: stored.exitValues.map((v, i) => (i === 2 ? 12_345_678 : v)),
  });
});

test("cap-table history: an exit value and the next round's date typed as a date", async () => {
  const stored = builtInTemplate("cap-table-history")!.template.inputs as CapTableHistoryInput;
  const date = stored.nextRound!.date;
  const values = stored.exit!.exitValues.map((v, i) => (i === 0 ? v + 1_000_000 : v));
  await roundTrip(
    stored,
    (sheet) => ({ [cellOf(sheet, "exit.exitValues", 0)]: values[0], [cellOf(sheet, "nextRound.date")]: isoDateToSerial(date) }),
    { ...stored, exit: { ...stored.exit!, exitValues: values } },
  );
});
