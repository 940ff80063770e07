/**
 * "The sheet is the workspace" (issue 11): the inputs typed into the model's sheet are read back
 * (modelStore.ts `readSheetInputs`, sheetInputs.ts `inputsFromSheet`) from the input cells and
 * tables the spec declares, compared with the stored model, and used for the rebuild. Fake
 * workbook: test/support/officeMock.ts.
 */
import { MockWorkbook } from "../support/officeMock";
import { buildModel, checkStoredModel, type ModelInputs } from "../../src/model/build";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { builtInTemplate } from "../../src/templates";
import { readSheetInputs } from "../../src/workbook/modelStore";
import { resetPartCache } from "../../src/workbook/office/parts";
import { writeModelSheet } from "../../src/workbook/officeWriter";
import { inputsFromSheet } from "../../src/workbook/sheetInputs";

beforeEach(() => resetPartCache());

async function written(input: ModelInputs, id = "m-sheet") {
  const model = buildModel(input);
  const wb = new MockWorkbook(["Sheet1"]);
  const result = await writeModelSheet(wb.context(), {
    sheet: model.sheet,
    model: { id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input },
  });
  return { wb, model, sheetName: result.sheetName };
}

async function readBack(wb: MockWorkbook, input: ModelInputs, id = "m-sheet") {
  const specs = buildModel(input).sheet.inputs ?? [];
  const read = await readSheetInputs(wb.context(), id, specs);
  if (read === undefined) throw new Error("no sheet");
  return { read, ...inputsFromSheet(input as unknown as Record<string, unknown>, specs, read.values) };
}

const ROUND = builtInTemplate("priced-round-option-pool")!.template.inputs as ModelInputs;
const EXIT = builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs;

const examples: [string, ModelInputs][] = [
  ["stake sale (OpCore)", OPCORE_EXAMPLE],
  ["priced round (built-in template)", ROUND],
  ["exit waterfall (built-in template)", EXIT],
  ["cap-table history (built-in template)", builtInTemplate("cap-table-history")!.template.inputs as ModelInputs],
];

test("cap-table history: an edited event and the next round's pre-money (a key inside nextRound) read back into the inputs", async () => {
  const input = builtInTemplate("cap-table-history")!.template.inputs as ModelInputs;
  const { wb, model, sheetName } = await written(input);
  const specs = model.sheet.inputs!;
  const at = (field: string) => specs.find((s) => s.field === field)!.ref;
  const cells = wb.sheet(sheetName).cells;
  cells.set(at("nextRound.preMoney"), { content: { kind: "number", value: 50_000_000 } });
  const events = /^A(\d+):P(\d+)$/.exec(at("events"))!;
  cells.set(`F${events[1]}`, { content: { kind: "number", value: 4_100_000 } });
  const { inputs, differences } = await readBack(wb, model.input);
  expect(differences).toEqual([
    { path: "events[1].shares", stored: 4_000_000, sheet: 4_100_000 },
    { path: "nextRound.preMoney", stored: 40_000_000, sheet: 50_000_000 },
  ]);
  const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
  expect(checked.ok).toBe(true);
  if (!checked.ok || checked.input.kind !== "capTableHistory") throw new Error("expected a valid history");
  expect(checked.input.nextRound!.preMoney).toBe(50_000_000);
  expect(checked.input.events[0].shares).toBe(4_100_000);
  // The stored inputs are not changed.
  expect((model.input as { nextRound: { preMoney: number } }).nextRound.preMoney).toBe(40_000_000);
});

test.each(examples)("%s: an unedited sheet reads back as the stored inputs, no difference", async (_, input) => {
  const { wb, model } = await written(input);
  expect(model.sheet.inputs?.length).toBeGreaterThan(3);
  const { inputs, differences } = await readBack(wb, model.input);
  expect(differences).toEqual([]);
  expect(inputs).toEqual(model.input);
});

test("edits in the sheet read back, with what differs; the merged inputs are valid and rebuild in place", async () => {
  const { wb, model, sheetName } = await written(OPCORE_EXAMPLE);
  const specs = model.sheet.inputs!;
  const at = (field: string) => specs.find((s) => s.field === field)!.ref;
  const cells = wb.sheet(sheetName).cells;
  cells.set(at("valuation"), { content: { kind: "number", value: 900_000_000 } });
  const table = /^A(\d+):B(\d+)$/.exec(at("capTable"))!;
  cells.set(`B${table[1]}`, { content: { kind: "number", value: 1_200_000 } });

  const { inputs, differences } = await readBack(wb, model.input);
  expect(differences).toEqual([
    { path: "valuation", stored: 860_000_000, sheet: 900_000_000 },
    { path: "capTable[1].shares", stored: 1_000_000, sheet: 1_200_000 },
  ]);
  const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
  expect(checked.ok).toBe(true);
  if (!checked.ok) return;
  const sheet = wb.sheet(sheetName);
  const rebuilt = buildModel(checked.input);
  await writeModelSheet(wb.context(), {
    sheet: rebuilt.sheet,
    model: { id: "m-sheet", kind: rebuilt.kind, schemaVersion: rebuilt.schemaVersion, inputs: rebuilt.input },
  });
  expect(wb.sheet(sheetName)).toBe(sheet);
  expect(wb.cell(sheetName, at("valuation"))?.content).toEqual({ kind: "number", value: 900_000_000 });
  expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
});

test("a cleared table row is no row; a value the schema refuses is reported by the check, never used silently", async () => {
  const input = builtInTemplate("priced-round-option-pool")!.template.inputs as ModelInputs;
  const { wb, model, sheetName } = await written(input);
  const ref = model.sheet.inputs!.find((s) => s.field === "investors")!.ref;
  const [, first] = /^A(\d+):/.exec(ref)!;
  const cells = wb.sheet(sheetName).cells;
  cells.delete(`A${first}`);
  cells.delete(`B${first}`);
  const { differences, inputs } = await readBack(wb, model.input);
  expect(differences.some((d) => /^investors\[\d+\]/.test(d.path))).toBe(true);
  expect((inputs.investors as unknown[]).length).toBe((model.input as { investors: unknown[] }).investors.length - 1);

  cells.set(model.sheet.inputs!.find((s) => s.field === "preMoney")!.ref, { content: { kind: "text", value: "a lot", prefixed: false } });
  const bad = await readBack(wb, model.input);
  const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs: bad.inputs });
  expect(checked.ok).toBe(false);
});

test("the sheet the marker points at is read, whatever it is called; none without a marker", async () => {
  const { wb, model, sheetName } = await written(OPCORE_EXAMPLE);
  wb.sheet(sheetName).name = "My deal";
  const { read, differences } = await readBack(wb, model.input);
  expect(read.sheetName).toBe("My deal");
  expect(differences).toEqual([]);
  wb.names.clear();
  expect(await readSheetInputs(wb.context(), "m-sheet", model.sheet.inputs!)).toBeUndefined();
});

describe("through the taskpane's Excel host (SheetSync.tsx `compareWithSheet`)", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  test("same, differs (valid: the inputs to use), invalid (the schema's messages), not found", async () => {
    const { excelHost } = await import("../../src/taskpane/host");
    const { compareWithSheet } = await import("../../src/taskpane/SheetSync");
    const { wb, model, sheetName } = await written(OPCORE_EXAMPLE);
    g.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(wb.context()) };
    const host = excelHost();
    expect(await compareWithSheet(host, "m-sheet", model.input)).toMatchObject({ kind: "same", sheetName });

    const stake = model.sheet.inputs!.find((s) => s.field === "stake")!.ref;
    wb.sheet(sheetName).cells.set(stake, { content: { kind: "number", value: 0.4 } });
    const differs = await compareWithSheet(host, "m-sheet", model.input);
    expect(differs).toMatchObject({ kind: "differs", differences: [{ path: "stake", stored: 0.5, sheet: 0.4 }] });
    expect(differs.kind === "differs" && differs.input.kind === "stakeSale" ? differs.input.stake : undefined).toBe(0.4);

    wb.sheet(sheetName).cells.set(stake, { content: { kind: "number", value: 1.5 } });
    const invalid = await compareWithSheet(host, "m-sheet", model.input);
    expect(invalid.kind).toBe("invalid");
    expect(invalid.kind === "invalid" ? invalid.errors.join(" ") : "").toMatch(/stake/);
    // In the French taskpane the rule is worded in French from its id, never the English message.
    const invalidFr = await compareWithSheet(host, "m-sheet", model.input, "fr");
    const frText = invalidFr.kind === "invalid" ? invalidFr.errors.join(" ") : "";
    expect(frText).toMatch(/doit/);
    expect(frText).not.toMatch(/must/);

    wb.names.clear();
    expect(await compareWithSheet(host, "m-sheet", model.input)).toEqual({ kind: "notFound" });
    // The exit waterfall declares its inputs too (issue 11): looked for, and not found here either.
    const exit = builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs;
    expect(await compareWithSheet(host, "m-sheet", exit)).toEqual({ kind: "notFound" });
  });
});

describe("input tables are Excel tables: rows added or deleted in the sheet are read back (issue 11)", () => {
  test("the exit waterfall declares its inputs: the four amounts, the classes and the holdings tables, the sensitivity's exit values", () => {
    const model = buildModel(EXIT);
    expect(model.sheet.inputs!.map((i) => [i.field, i.table])).toEqual([
      ["exitValue", undefined],
      ["netDebt", undefined],
      ["transactionCosts", undefined],
      ["otherClaims", undefined],
      ["classes", "ExitClasses"],
      ["holdings", "ExitHoldings"],
      ["exitValues", undefined],
    ]);
  });

  test("exit waterfall: an edited amount and a class's shares read back, and the inputs are valid", async () => {
    const { wb, model, sheetName } = await written(EXIT);
    const specs = model.sheet.inputs!;
    const cells = wb.sheet(sheetName).cells;
    cells.set(specs.find((s) => s.field === "netDebt")!.ref, { content: { kind: "number", value: 123 } });
    const first = Number(/^A(\d+):/.exec(specs.find((s) => s.field === "classes")!.ref)![1]);
    const shares = (model.input as { classes: { shares: number }[] }).classes[1].shares;
    cells.set(`B${first + 1}`, { content: { kind: "number", value: shares + 1_000 } });
    const { inputs, differences } = await readBack(wb, model.input);
    expect(differences).toEqual([
      { path: "netDebt", stored: (model.input as { netDebt: number }).netDebt, sheet: 123 },
      { path: "classes[2].shares", stored: shares, sheet: shares + 1_000 },
    ]);
    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    expect(checked).toMatchObject({ ok: true });
  });

  test("priced round: an investor row added under the table is read, the rebuild keeps the tables (same names, no duplicate) and reads back the same", async () => {
    const { wb, model, sheetName } = await written(ROUND);
    const tablesBefore = wb.sheet(sheetName).tables.map((t) => ({ id: t.id, name: t.name }));
    expect(tablesBefore.map((t) => t.name)).toEqual(["RoundCapTable", "RoundInvestors", "RoundInstruments"]);
    const stored = (model.input as { investors: { name: string; amount: number }[] }).investors;
    wb.addTableRow("RoundInvestors", ["Late fund", 250_000]);

    const { inputs, differences } = await readBack(wb, model.input);
    expect(inputs.investors).toEqual([...stored, { name: "Late fund", amount: 250_000 }]);
    expect(differences).toEqual([{ path: `investors[${stored.length + 1}]`, stored: undefined, sheet: { name: "Late fund", amount: 250_000 } }]);

    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const rebuilt = buildModel(checked.input);
    const syncs = wb.syncs;
    await writeModelSheet(wb.context(), {
      sheet: rebuilt.sheet,
      model: { id: "m-sheet", kind: rebuilt.kind, schemaVersion: rebuilt.schemaVersion, inputs: rebuilt.input },
    });
    expect(wb.syncs - syncs).toBe(2);
    const after = wb.sheet(sheetName).tables;
    expect(after.map((t) => t.name)).toEqual(["RoundCapTable", "RoundInvestors", "RoundInstruments"]);
    expect(after.map((t) => t.ref)).toEqual(rebuilt.sheet.tables!.map((t) => t.ref));
    expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
  });

  test("stake sale: a holder row added to the cap table (an Excel table) is read, and the rebuild keeps the table, grown, under its name", async () => {
    const { wb, model, sheetName } = await written(OPCORE_EXAMPLE);
    expect(wb.sheet(sheetName).tables.map((t) => t.name)).toEqual(["DealCapTable"]);
    const stored = (model.input as { capTable: { holder: string; shares: number }[] }).capTable;
    // The row under the table is free: typing there adds a row to the table (the calculated columns left to Excel).
    wb.addTableRow("DealCapTable", ["Late angel", 100_000, null, null, null, null, null, null, null]);

    const { inputs, differences } = await readBack(wb, model.input);
    expect(inputs.capTable).toEqual([...stored, { holder: "Late angel", shares: 100_000 }]);
    expect(differences).toEqual([{ path: `capTable[${stored.length + 1}]`, stored: undefined, sheet: { holder: "Late angel", shares: 100_000 } }]);

    const checked = checkStoredModel({ kind: model.kind, schemaVersion: model.schemaVersion, inputs });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const rebuilt = buildModel(checked.input);
    const syncs = wb.syncs;
    await writeModelSheet(wb.context(), {
      sheet: rebuilt.sheet,
      model: { id: "m-sheet", kind: rebuilt.kind, schemaVersion: rebuilt.schemaVersion, inputs: rebuilt.input },
    });
    expect(wb.syncs - syncs).toBe(2);
    expect(wb.sheet(sheetName).tables.map((t) => [t.name, t.ref])).toEqual([["DealCapTable", rebuilt.sheet.tables![0].ref]]);
    expect((await readBack(wb, rebuilt.input)).differences).toEqual([]);
  });

  test("priced round: a cap-table row deleted in the sheet is gone from what is read", async () => {
    const { wb, model } = await written(ROUND);
    const capTable = (model.input as { capTable: { holder: string; shares: number }[] }).capTable;
    wb.deleteTableRow("RoundCapTable", 0);
    const { inputs, differences } = await readBack(wb, model.input);
    expect(inputs.capTable).toEqual(capTable.slice(1));
    expect(differences.length).toBeGreaterThan(0);
  });

  test("a table renamed away (or converted to cells) is read where it was built", async () => {
    const { wb, model, sheetName } = await written(ROUND);
    wb.sheet(sheetName).tables = [];
    const { differences } = await readBack(wb, model.input);
    expect(differences).toEqual([]);
  });
});

describe("a row blanked in the middle of an input table (inputsFromSheet)", () => {
  // Row i of the table was written from stored item i; "hidden" stands for a field the sheet does not show.
  const stored = {
    rows: [
      { name: "A", amount: 1, hidden: "a" },
      { name: "B", amount: 2, hidden: "b" },
      { name: "C", amount: 3, hidden: "c" },
    ],
  };
  const specs = [{ field: "rows", address: "A2:B4", columns: ["name", "amount"] }];

  test("removes its own item: the rows below keep their own hidden fields, not the ones of the row above", () => {
    const read = new Map([
      [
        "rows",
        [
          ["A", 1],
          [null, null],
          ["C", 3],
        ],
      ],
    ]);
    const { inputs, differences } = inputsFromSheet(stored, specs as never, read);
    expect(inputs.rows).toEqual([
      { name: "A", amount: 1, hidden: "a" },
      { name: "C", amount: 3, hidden: "c" },
    ]);
    expect(differences).toEqual([{ path: "rows[2]", stored: stored.rows[1], sheet: undefined }]);
  });

  test("a row added below the stored ones is new (no stored fields), and a shorter table removes the last items", () => {
    const added = inputsFromSheet(
      stored,
      specs as never,
      new Map([
        [
          "rows",
          [
            ["A", 1],
            ["B", 2],
            ["C", 3],
            ["D", 4],
          ],
        ],
      ]),
    );
    expect(added.inputs.rows).toEqual([...stored.rows, { name: "D", amount: 4 }]);
    expect(added.differences).toEqual([{ path: "rows[4]", stored: undefined, sheet: { name: "D", amount: 4 } }]);
    const shorter = inputsFromSheet(stored, specs as never, new Map([["rows", [["A", 1]]]]));
    expect(shorter.inputs.rows).toEqual([stored.rows[0]]);
    expect(shorter.differences.map((d) => d.path)).toEqual(["rows[2]", "rows[3]"]);
  });
});
