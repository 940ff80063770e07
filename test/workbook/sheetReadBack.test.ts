/**
 * Round trips of "Read from sheet" (issue 11) over every input-styled cell: each built-in template
 * (and variants that show the optional columns) is written to the mock workbook
 * (test/support/officeMock.ts), read back unchanged; then cells are edited as a user types them (a
 * date is a day number, a word in any spelling the vocabulary knows), read back into the inputs,
 * validated by the model's schema, and rebuilt: the rebuilt sheet shows the edited values and reads
 * back the same. The cells declared are checked against the input styling in inputCells.test.ts.
 */
import { MockWorkbook, type MockCell } from "../support/officeMock";
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import { YC_EXAMPLE_1, type PricedRoundInput } from "../../src/model/pricedRoundInput";
import type { DealPricingInput } from "../../src/model/dealPricingInput";
import type { CapTableHistoryInput } from "../../src/model/capTableHistoryInput";
import type { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import { builtInTemplate, builtInTemplates } from "../../src/templates";
import { readSheetInputs } from "../../src/workbook/modelStore";
import { resetPartCache } from "../../src/workbook/office/parts";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { cellOfPath, inputsFromSheet, serialToIsoDate } from "../../src/workbook/sheetInputs";
import { isoDateToSerial } from "../../src/engine";
import { parseRange, cellAddress } from "../../src/workbook/a1";

beforeEach(() => resetPartCache());

/** A priced round with a convertible note accruing interest and an explicit cap basis: every optional column of the instruments table shown. */
const NOTE_ROUND: PricedRoundInput = {
  ...YC_EXAMPLE_1,
  instruments: [
    ...YC_EXAMPLE_1.instruments,
    {
      holder: "Note holder",
      type: "NOTE",
      amount: 100_000,
      cap: 6_000_000,
      discount: 0.2,
      mfn: true,
      interest: { rate: 0.05, startDate: "2023-01-15", conversionDate: "2024-06-30", dayCount: "ACT/365", compounding: "SIMPLE" },
      capBasis: "POOL",
    },
  ],
};

const input = (id: string) => builtInTemplate(id)!.template.inputs as ModelInputs;

const cases: [string, ModelInputs][] = [
  ...builtInTemplates().map((b): [string, ModelInputs] => [b.id, b.template.inputs as ModelInputs]),
  ["priced round with a note's interest and a cap basis", NOTE_ROUND],
];

async function written(model: ReturnType<typeof buildModel>, wb = new MockWorkbook(["Sheet1"])) {
  const result = await writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id: "m", kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  return { wb, sheetName: result.sheetName };
}

async function readBack(wb: MockWorkbook, stored: ModelInputs) {
  const specs = buildModel(stored).sheet.inputs ?? [];
  const read = await readSheetInputs(wb.context(), "m", specs);
  if (read === undefined) throw new Error("no sheet");
  return { specs, ...inputsFromSheet(stored as unknown as Record<string, unknown>, specs, read.values) };
}

/** The cell of a table column's row (0-based item) or of a single input. */
function cellAt(model: ReturnType<typeof buildModel>, field: string, row = 0, key?: string): string {
  const spec = model.sheet.inputs!.find((s) => s.field === field)!;
  const r = parseRange(spec.ref)!;
  if (spec.list === true) return r.top === r.bottom ? cellAddress(r.top, r.left + row) : cellAddress(r.top + row, r.left);
  return key === undefined ? cellAddress(r.top, r.left) : cellAddress(r.top + row, r.left + spec.columns!.indexOf(key));
}

const num = (value: number): MockCell => ({ content: { kind: "number", value } }) as MockCell;
const txt = (value: string): MockCell => ({ content: { kind: "text", value, prefixed: false } }) as MockCell;

test.each(cases)("%s: the sheet as written reads back as the stored inputs, no difference", async (_, stored) => {
  const model = buildModel(stored);
  const { wb } = await written(model);
  const { inputs, differences } = await readBack(wb, model.input);
  expect(differences).toEqual([]);
  expect(inputs).toEqual(model.input);
});

test("dates: a day number of the 1900 date system is its ISO date; not a whole day in range, none", () => {
  expect(serialToIsoDate(61)).toBe("1900-03-01");
  expect(serialToIsoDate(45_658)).toBe("2025-01-01");
  expect(serialToIsoDate(2_958_465)).toBe("9999-12-31");
  expect(serialToIsoDate(isoDateToSerial("2024-02-29"))).toBe("2024-02-29");
  // Day 60 is Excel's 29 February 1900, which never was; a time of day is not a date.
  expect(serialToIsoDate(60)).toBeUndefined();
  expect(serialToIsoDate(45_658.5)).toBeUndefined();
  expect(serialToIsoDate(2_958_466)).toBeUndefined();
});

describe("deal pricing: dates and dated flows read back", () => {
  const stored = input("opcore-deal-pricing") as DealPricingInput;

  test("a date typed (a day number), a flow's date typed as ISO text and its amount read back; the rebuild shows them", async () => {
    const model = buildModel(stored);
    const { wb, sheetName } = await written(model);
    const cells = wb.sheet(sheetName).cells;
    const completion = isoDateToSerial(stored.completionDate) + 1;
    cells.set(cellAt(model, "completionDate"), num(completion));
    const lastFlow = stored.flows.length - 1;
    cells.set(cellAt(model, "flows", lastFlow, "date"), txt(" 2031-06-30 "));
    cells.set(cellAt(model, "flows", lastFlow, "amount"), num(stored.flows[lastFlow].amount + 1_000));
    const { inputs, differences } = await readBack(wb, model.input);
    expect(differences.map((d) => d.path)).toEqual(["completionDate", `flows[${lastFlow + 1}].date`, `flows[${lastFlow + 1}].amount`]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (!checked.ok || checked.input.kind !== "dealPricing") throw new Error("expected valid inputs");
    expect(checked.input.completionDate).toBe(serialToIsoDate(completion));
    expect(checked.input.flows[lastFlow]).toEqual({ ...stored.flows[lastFlow], date: "2031-06-30", amount: stored.flows[lastFlow].amount + 1_000 });

    const rebuilt = buildModel(checked.input);
    await written(rebuilt, wb);
    expect(wb.cell(sheetName, cellAt(rebuilt, "completionDate"))?.content).toEqual({ kind: "number", value: completion });
    expect(wb.cell(sheetName, cellAt(rebuilt, "flows", lastFlow, "date"))?.content).toEqual({ kind: "number", value: isoDateToSerial("2031-06-30") });
    expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
  });

  test("a date cell holding a word is kept as typed: the schema's rule refuses it, and the cell is named", async () => {
    const model = buildModel(stored);
    const { wb, sheetName } = await written(model);
    const at = cellAt(model, "loansDate");
    wb.sheet(sheetName).cells.set(at, txt("next week"));
    const { inputs, specs, itemRows } = await readBack(wb, model.input);
    expect(inputs.loansDate).toBe("next week");
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (checked.ok || checked.reason !== "invalid") throw new Error("expected invalid inputs");
    const issue = checked.issues.find((i) => i.path[0] === "loansDate")!;
    expect((issue as unknown as { params: unknown }).params).toMatchObject({ rule: { id: "dateFormat" } });
    expect(cellOfPath(specs, itemRows, issue.path)).toBe(at);
  });
});

describe("priced round: the instruments table reads back", () => {
  test("the type's word, MFN, the note's dates and cap basis: edited, read, valid, rebuilt", async () => {
    const model = buildModel(NOTE_ROUND);
    const { wb, sheetName } = await written(model);
    const cells = wb.sheet(sheetName).cells;
    cells.set(cellAt(model, "instruments", 0, "type"), txt("BSA AIR"));
    cells.set(cellAt(model, "instruments", 1, "mfn"), txt("oui"));
    cells.set(cellAt(model, "instruments", 2, "interest.conversionDate"), num(isoDateToSerial("2024-12-31")));
    cells.set(cellAt(model, "instruments", 2, "capBasis"), txt("ALL"));
    const { inputs, differences } = await readBack(wb, model.input);
    expect(differences).toEqual([
      { path: "instruments[1].type", stored: "POST_SAFE", sheet: "PRE_SAFE" },
      { path: "instruments[2].mfn", stored: false, sheet: true },
      { path: "instruments[3].interest.conversionDate", stored: "2024-06-30", sheet: "2024-12-31" },
      { path: "instruments[3].capBasis", stored: "POOL", sheet: "ALL" },
    ]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (!checked.ok || checked.input.kind !== "pricedRound") throw new Error("expected valid inputs");
    expect(checked.input.instruments[2].interest?.conversionDate).toBe("2024-12-31");
    const rebuilt = buildModel(checked.input);
    await written(rebuilt, wb);
    expect(wb.cell(sheetName, cellAt(rebuilt, "instruments", 0, "type"))?.content).toMatchObject({ value: "PRE SAFE" });
    expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
  });

  test("a SAFE row added to the table takes no interest (the spec's default for a column not shown)", async () => {
    const model = buildModel(YC_EXAMPLE_1);
    const { wb } = await written(model);
    wb.addTableRow("RoundInstruments", ["Investor C", "SAFE", 50_000, 10_000_000, null, "NO"]);
    const { inputs } = await readBack(wb, model.input);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (!checked.ok || checked.input.kind !== "pricedRound")
      throw new Error(`expected valid inputs: ${JSON.stringify([checked, inputs.instruments])}`);
    expect(checked.input.instruments[2]).toEqual({
      holder: "Investor C",
      type: "POST_SAFE",
      amount: 50_000,
      cap: 10_000_000,
      discount: null,
      mfn: false,
      interest: null,
    });
  });
});

test("exit waterfall: the sensitivity's exit values read back (a cleared cell is no value) and the rebuild uses them", async () => {
  const stored = input("exit-waterfall") as ExitWaterfallInput;
  const model = buildModel(stored);
  const { wb, sheetName } = await written(model);
  const cells = wb.sheet(sheetName).cells;
  cells.set(cellAt(model, "exitValues", 0), num(7_500_000));
  cells.delete(cellAt(model, "exitValues", 1));
  const { inputs, differences } = await readBack(wb, model.input);
  const expected = [7_500_000, ...stored.exitValues.slice(2)];
  expect(differences).toEqual([{ path: "exitValues", stored: stored.exitValues, sheet: expected }]);
  const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
  if (!checked.ok || checked.input.kind !== "exitWaterfall") throw new Error("expected valid inputs");
  expect(checked.input.exitValues).toEqual(expected);
  const rebuilt = buildModel(checked.input);
  expect(rebuilt.sheet.cells.find((c) => c.address === cellAt(rebuilt, "exitValues", 0))?.value).toBe(7_500_000);
});

describe("cap-table history: exit values and dates read back", () => {
  const stored = input("cap-table-history") as CapTableHistoryInput;

  test("an exit value edited, the as-of date and an event's date typed as dates (day numbers)", async () => {
    expect(stored.exit).not.toBeNull();
    const model = buildModel(stored);
    const { wb, sheetName } = await written(model);
    const cells = wb.sheet(sheetName).cells;
    cells.set(cellAt(model, "exit.exitValues", 1), num(77_000_000));
    cells.set(cellAt(model, "asOf"), num(isoDateToSerial(stored.asOf)));
    cells.set(cellAt(model, "events", 0, "date"), num(isoDateToSerial(stored.events[0].date)));
    const { inputs, differences } = await readBack(wb, model.input);
    const values = [...stored.exit!.exitValues];
    values[1] = 77_000_000;
    // The dates typed are the same days: no difference.
    expect(differences).toEqual([{ path: "exit.exitValues", stored: stored.exit!.exitValues, sheet: values }]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    if (!checked.ok || checked.input.kind !== "capTableHistory") throw new Error("expected valid inputs");
    expect(checked.input.exit!.exitValues).toEqual(values);
    const rebuilt = buildModel(checked.input);
    await written(rebuilt, wb);
    expect(wb.cell(sheetName, cellAt(rebuilt, "exit.exitValues", 1))?.content).toEqual({ kind: "number", value: 77_000_000 });
    expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
  });
});

describe("through the taskpane (SheetSync.tsx `compareWithSheet`)", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  test("a bad date is an error worded from its rule, in the UI language, naming the cell", async () => {
    const { excelHost } = await import("../../src/taskpane/host");
    const { compareWithSheet } = await import("../../src/taskpane/SheetSync");
    const model = buildModel(input("opcore-deal-pricing"));
    const { wb, sheetName } = await written(model);
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    const at = cellAt(model, "loansDate");
    wb.sheet(sheetName).cells.set(at, txt("31/12/2024"));
    const en = await compareWithSheet(excelHost(), "m", model.input);
    expect(en.kind).toBe("invalid");
    const enText = en.kind === "invalid" ? en.errors.join("\n") : "";
    expect(enText).toContain(`${at} (loansDate): `);
    expect(enText).toMatch(/loans date/);
    const fr = await compareWithSheet(excelHost(), "m", model.input, "fr");
    const frText = fr.kind === "invalid" ? fr.errors.join("\n") : "";
    expect(frText).toContain(`${at} (loansDate): `);
    expect(frText).not.toMatch(/must/);
  });
});

describe("the form's fields Read from sheet cannot read are listed, never ignored silently (sheetFields.ts)", () => {
  test("per kind: the header, the choices that shape the sheet and what the sheet does not show; the history's flattened fields map to nextRound.* and exit.*", async () => {
    const { formKeysNotRead } = await import("../../src/taskpane/sheetFields");
    const notRead = (stored: ModelInputs) => {
      const m = buildModel(stored);
      return formKeysNotRead(m.input, m.sheet.inputs ?? []);
    };
    expect(notRead(input("priced-round-option-pool"))).toEqual(["company", "currency", "unit", "poolMode", "instruments.capBasis"]);
    // With a cap basis, the sheet shows the column and it is read.
    expect(notRead(NOTE_ROUND)).toEqual(["company", "currency", "unit", "poolMode"]);
    expect(notRead(input("exit-waterfall"))).toEqual(["company", "currency", "unit"]);
    // roundDate, preMoney, seriesCap... (nextRound.*), exitValues, netDebt (exit.*) and roundInvestors are read.
    expect(notRead(input("cap-table-history"))).toEqual(["company", "currency", "unit", "source", "hasRound", "poolMode", "hasExit"]);
    expect(notRead(input("opcore-deal-pricing"))).toEqual([
      "company",
      "currency",
      "unit",
      "mechanism",
      "tickerBase",
      "pikCompounding",
      "crossTerm",
      "notes",
    ]);
    // A priced round without SAFEs or notes has no instruments table on the sheet: the whole table is listed.
    expect(notRead({ ...YC_EXAMPLE_1, instruments: [] })).toContain("instruments");
  });

  test("the panel's sentence, in English and in French, with the form's labels", async () => {
    const { excelHost } = await import("../../src/taskpane/host");
    const { compareWithSheet } = await import("../../src/taskpane/SheetSync");
    const model = buildModel(input("priced-round-option-pool"));
    const { wb } = await written(model);
    const g = globalThis as unknown as { Excel?: unknown };
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    try {
      const en = await compareWithSheet(excelHost(), "m", model.input);
      expect(en).toMatchObject({ kind: "same", notRead: ["company", "currency", "unit", "poolMode", "instruments.capBasis"] });
      expect(en.kind === "same" ? en.note : "").toMatch(/^Not read from the sheet \(change these in the taskpane\): Company, Currency, .*Cap basis/);
      const fr = await compareWithSheet(excelHost(), "m", model.input, "fr");
      expect(fr.kind === "same" ? fr.note : "").toMatch(/^Non lus sur la feuille \(modifiez-les dans le volet\) : Société, Devise, /);
    } finally {
      delete g.Excel;
    }
  });
});

describe("rows of a table with fields the sheet does not show are matched by their key column where it is unique (inputsFromSheet)", () => {
  // "hidden" stands for a field the sheet does not show; "name" is the key column.
  const stored = {
    rows: [
      { name: "A", amount: 1, hidden: "a" },
      { name: "B", amount: 2, hidden: "b" },
      { name: "C", amount: 3, hidden: "c" },
    ],
  };
  const spec = { field: "rows", ref: "A2:B4", columns: ["name", "amount"], key: "name", defaults: { hidden: null } };
  const read = (...rows: (string | number | null)[][]) => new Map([["rows", rows]]);

  test("a row inserted in the middle: the rows below keep their own hidden fields, the new row takes the defaults; matched by key", () => {
    const { inputs, differences, matched } = inputsFromSheet(stored, [spec], read(["A", 1], ["X", 9], ["B", 2], ["C", 3]));
    expect(inputs.rows).toEqual([
      { name: "A", amount: 1, hidden: "a" },
      { name: "X", amount: 9, hidden: null },
      { name: "B", amount: 2, hidden: "b" },
      { name: "C", amount: 3, hidden: "c" },
    ]);
    expect(differences).toEqual([{ path: "rows[2]", stored: undefined, sheet: { name: "X", amount: 9, hidden: null } }]);
    expect(matched).toEqual([{ field: "rows", by: "key", key: "name" }]);
  });

  test("rows sorted and one deleted in the sheet: each keeps its own fields (names matched trimmed, case-insensitive)", () => {
    const { inputs, differences } = inputsFromSheet(stored, [spec], read([" c ", 3], ["A", 1]));
    expect(inputs.rows).toEqual([
      { name: " c ", amount: 3, hidden: "c" },
      { name: "A", amount: 1, hidden: "a" },
    ]);
    expect(differences).toEqual([
      { path: "rows[1].name", stored: "C", sheet: " c " },
      { path: "rows[2]", stored: stored.rows[1], sheet: undefined },
    ]);
  });

  test("a name repeated (or empty) in the sheet: matched by position, and said so", () => {
    const { inputs, matched } = inputsFromSheet(stored, [spec], read(["A", 1], ["A", 9], ["C", 3]));
    expect(inputs.rows).toEqual([
      { name: "A", amount: 1, hidden: "a" },
      { name: "A", amount: 9, hidden: "b" },
      { name: "C", amount: 3, hidden: "c" },
    ]);
    expect(matched).toEqual([{ field: "rows", by: "position", key: "name" }]);
  });

  test("without hidden values (only the defaults), rows are matched by position as written, and nothing is said", () => {
    const plain = { rows: stored.rows.map((r) => ({ ...r, hidden: null })) };
    const { inputs, matched } = inputsFromSheet(plain, [spec], read(["A", 1], ["X", 9], ["B", 2], ["C", 3]));
    expect(matched).toEqual([]);
    expect((inputs.rows as { name: string }[]).map((r) => r.name)).toEqual(["A", "X", "B", "C"]);
  });

  test("the panel says which was used, in English and in French", async () => {
    const { readScopeNote } = await import("../../src/taskpane/SheetSync");
    expect(readScopeNote("pricedRound", [], [{ field: "instruments", by: "key", key: "holder" }], "en")).toBe(
      "SAFEs and convertible notes: rows were matched to the model's by Holder (the sheet does not show every field of a row).",
    );
    expect(readScopeNote("pricedRound", [], [{ field: "instruments", by: "position", key: "holder" }], "fr")).toMatch(/par leur position/);
    expect(readScopeNote("pricedRound", [], [], "en")).toBeUndefined();
  });
});
