/**
 * The taskpane's hosts: the in-page preview (models in memory, the writer's naming rule) and the
 * thin Office.js side (reading the selection, reporting a failed write) on a stand-in Excel that
 * keeps Office.js's load-then-sync rule. (office-addin-mock reads isNullObject only after an
 * explicit load, which Office.js does not require and the Office add-in linter flags.)
 */
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import {
  HostWriteError,
  MAX_SELECTION,
  excelHost,
  isPercentFormat,
  datesAsShown,
  percentagesAsShown,
  previewHost,
  type ModelToWrite,
} from "../../src/taskpane/host";
import { ModelWriteError } from "../../src/workbook/officeWriter";
import { CAP_TABLE_SPEC, pasteProblemText, rowsFromGrid, tableSpec } from "../../src/taskpane/forms";

function toWrite(id: string, stake = 0.5): ModelToWrite {
  const model = buildStakeSaleModel({ ...OPCORE_EXAMPLE, stake });
  return { id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input, sheet: model.sheet };
}

describe("preview host", () => {
  test("a new model takes its sheet name, another one a free variant, a rebuild keeps its sheet", async () => {
    const host = previewHost();
    const first = await host.writeModel(toWrite("m-1"));
    expect(first).toMatchObject({ sheetName: "OpCore deal", replaced: false });
    const second = await host.writeModel(toWrite("m-2"));
    expect(second).toMatchObject({ sheetName: "OpCore deal (2)", replaced: false });
    const rebuilt = await host.writeModel(toWrite("m-1", 0.4));
    expect(rebuilt).toMatchObject({ sheetName: "OpCore deal", replaced: true });
    expect(rebuilt.sheet?.name).toBe("OpCore deal");
    const models = await host.listModels();
    expect(models.map((m) => [m.id, m.sheet])).toEqual([
      ["m-1", "OpCore deal"],
      ["m-2", "OpCore deal (2)"],
    ]);
    expect((models[0].inputs as { stake: number }).stake).toBe(0.4);
    expect(host.sheetOf("m-1")?.cells.length).toBeGreaterThan(0);
  });

  test("stored inputs are a copy: editing the form later does not change a stored model", async () => {
    const host = previewHost();
    const model = toWrite("m-1");
    await host.writeModel(model);
    (model.inputs as { company: string }).company = "Changed";
    expect(((await host.listModels())[0].inputs as { company: string }).company).toBe("OpCore");
  });
});

describe("Excel host", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  /**
   * A stand-in Excel with Office.js's load/sync rules for the one range the selection reader uses:
   * a property can be read only once loaded AND synced (isNullObject: once synced, as in Office.js),
   * and `loaded` records what was asked for.
   */
  function mockExcel(used: {
    rowCount: number;
    columnCount: number;
    values: unknown[][];
    isNullObject?: boolean;
    numberFormat?: unknown[][];
    /** What DATE(1904,1,1) gives: 1462 (1900 system), 0 (1904), or an error; "absent": a host that throws on Workbook.functions. */
    date1904?: number | "error" | "absent";
  }) {
    const loaded = new Set<string>();
    const synced = new Set<string>();
    let syncs = 0;
    let queued = false;
    const read = (name: string, value: unknown) => {
      if (!synced.has(name)) throw new Error(`PropertyNotLoaded: ${name} was read before load and sync`);
      return value;
    };
    const range = {
      load: (props: string) => props.split(",").forEach((p) => loaded.add(p.trim())),
      get isNullObject() {
        if (syncs === 0) throw new Error("PropertyNotLoaded: isNullObject was read before sync");
        return used.isNullObject ?? false;
      },
      get rowCount() {
        return read("rowCount", used.rowCount);
      },
      get columnCount() {
        return read("columnCount", used.columnCount);
      },
      get values() {
        return read("values", used.values);
      },
      get numberFormat() {
        return read("numberFormat", used.numberFormat);
      },
    };
    const probeSynced = { value: false };
    const probe = {
      load: () => undefined,
      get value() {
        if (!probeSynced.value) throw new Error("PropertyNotLoaded: the date probe was read before sync");
        return used.date1904 === "error" ? null : (used.date1904 ?? 1462);
      },
      get error() {
        if (!probeSynced.value) throw new Error("PropertyNotLoaded: the date probe was read before sync");
        return used.date1904 === "error" ? "#NAME?" : null;
      },
    };
    const context = {
      workbook: {
        getSelectedRange: () => ({ getUsedRangeOrNullObject: (valuesOnly: boolean) => (valuesOnly ? range : undefined) }),
        get functions() {
          if (used.date1904 === "absent") throw new Error("RichApi.Error: workbook.functions is not available");
          return {
            date: () => {
              queued = true;
              return probe;
            },
          };
        },
      },
      sync: async () => {
        syncs++;
        loaded.forEach((p) => synced.add(p));
        if (queued) probeSynced.value = true;
      },
    };
    g.Excel = { run: async (callback: (ctx: unknown) => Promise<unknown>) => callback(context) };
    return { loaded, syncCount: () => syncs };
  }

  test("Paste from selection reads the used part of the selection, as numbers and texts", async () => {
    mockExcel({
      rowCount: 3,
      columnCount: 2,
      values: [
        ["Holder", "Shares"],
        ["Iliad", 600000],
        ["InfraVia", 400000],
      ],
    });
    const values = await excelHost().readSelection!();
    expect(rowsFromGrid(CAP_TABLE_SPEC, values, "en").rows.map((r) => r.cells)).toEqual([
      { holder: "Iliad", shares: "600000" },
      { holder: "InfraVia", shares: "400000" },
    ]);
  });

  test('a number shown as a percentage is read as Excel shows it (0.2 in a 20% cell is "20%"), never 0.2%', async () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat("0.00\\%")).toBe(false);
    expect(isPercentFormat("#,##0")).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
    const values = [
      ["Ann", "SAFE", 100000, null, 0.2],
      ["Bob", "SAFE", 0.125, null, 0.125],
    ];
    const formats = [
      ["General", "General", "#,##0", "General", "0%"],
      ["General", "General", "0.0%", "General", "0.0%"],
    ];
    const shown = percentagesAsShown(values, formats);
    expect(shown).toEqual([
      ["Ann", "SAFE", 100000, null, "20%"],
      ["Bob", "SAFE", "12.5%", null, "12.5%"],
    ]);
    const instruments = tableSpec("pricedRound", "instruments");
    const good = rowsFromGrid(instruments, [shown[0]], "en");
    expect(good.rows[0].cells.discount).toBe("20%");
    // A percentage in the amount column is refused, not read as 12.5.
    expect(rowsFromGrid(instruments, shown, "en").problems).toEqual([{ line: 2, column: "amount", reason: "notANumber", text: "12.5%" }]);
    expect(percentagesAsShown(values, undefined)).toBe(values);
  });

  test("Paste from selection reads a cell formatted as a date as that date, in the workbook's date system", async () => {
    const flows = tableSpec("dealPricing", "flows");
    const grid = {
      rowCount: 2,
      columnCount: 4,
      values: [
        ["Fund", "Equity", 45658, -100],
        ["Fund", "Exit", 46022, 180],
      ],
      numberFormat: [
        ["General", "General", "yyyy-mm-dd", "#,##0"],
        ["General", "General", "d/m/yyyy", "#,##0"],
      ],
    };
    // 1900 system: day 45658 is 2025-01-01.
    mockExcel({ ...grid, date1904: 1462 });
    const read1900 = rowsFromGrid(flows, await excelHost().readSelection!(), "en");
    expect(read1900.problems).toEqual([]);
    expect(read1900.rows.map((r) => r.cells.date)).toEqual(["2025-01-01", "2025-12-31"]);
    // 1904 system: the same day numbers are 4 years and a day later.
    mockExcel({ ...grid, date1904: 0 });
    expect(rowsFromGrid(flows, await excelHost().readSelection!(), "en").rows.map((r) => r.cells.date)).toEqual(["2029-01-02", "2030-01-01"]);
    // Excel does not say: the day numbers are kept, and the date column refuses them.
    mockExcel({ ...grid, date1904: "error" });
    const unknown = rowsFromGrid(flows, await excelHost().readSelection!(), "en");
    expect(unknown.rows).toEqual([]);
    expect(unknown.problems).toEqual([
      { line: 1, column: "date", reason: "notADate", text: "45658" },
      { line: 2, column: "date", reason: "notADate", text: "46022" },
    ]);
    expect(pasteProblemText(flows, unknown.problems[0], "en")).toContain('"45658" is not a date: give it as YYYY-MM-DD');
    expect(pasteProblemText(flows, unknown.problems[0], "fr")).toContain("n’est pas une date");
    // A host without Workbook.functions: the selection is still read, its day numbers kept and refused.
    mockExcel({ ...grid, date1904: "absent" });
    expect(rowsFromGrid(flows, await excelHost().readSelection!(), "en").problems).toEqual(unknown.problems);
  });

  test("a date column takes ISO dates only: a day number or a local date is refused, never read as another date", () => {
    const flows = tableSpec("dealPricing", "flows");
    expect(datesAsShown([[45658, 45658]], [["General", "dd/mm/yyyy"]], "1900")).toEqual([[45658, "2025-01-01"]]);
    expect(datesAsShown([[60, 0]], [["yyyy-mm-dd", "yyyy-mm-dd"]], "1900")).toEqual([[60, 0]]);
    expect(datesAsShown([[0]], [["yyyy-mm-dd"]], "1904")).toEqual([["1904-01-01"]]);
    const pasted = rowsFromGrid(
      flows,
      [
        ["Fund", "Equity", "2025-01-31", "-100"],
        ["Fund", "Exit", "01/02/2025", "180"],
        ["Fund", "Exit", "2025-02-30", "180"],
      ],
      "en",
    );
    expect(pasted.problems).toEqual([
      { line: 2, column: "date", reason: "notADate", text: "01/02/2025" },
      { line: 3, column: "date", reason: "notADate", text: "2025-02-30" },
    ]);
  });

  test("an empty selection gives no rows; a huge one is refused before its values are read", async () => {
    mockExcel({ rowCount: 0, columnCount: 0, values: [], isNullObject: true });
    await expect(excelHost().readSelection!()).resolves.toEqual([]);
    const huge = mockExcel({ rowCount: MAX_SELECTION.rows + 1, columnCount: 2, values: [] });
    await expect(excelHost().readSelection!()).rejects.toThrow(
      `select at most ${MAX_SELECTION.rows} rows and ${MAX_SELECTION.columns} columns (got 1001 x 2)`,
    );
    expect(huge.loaded.has("values")).toBe(false);
    expect(huge.syncCount()).toBe(1);
  });

  test("a failed write is reported with whether the workbook was restored", async () => {
    g.Excel = {
      run: async () => {
        throw new ModelWriteError("the sheet could not be written: GeneralException", new Error("x"), false);
      },
    };
    const error = await excelHost()
      .writeModel(toWrite("m-1"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostWriteError);
    expect(error).toMatchObject({ undone: false, message: "the sheet could not be written: GeneralException" });

    g.Excel = {
      run: async () => {
        throw new Error("RichApi.Error: InvalidArgument");
      },
    };
    await expect(excelHost().writeModel(toWrite("m-1"))).rejects.toMatchObject({ undone: true, message: "RichApi.Error: InvalidArgument" });
  });

  test("a successful write reports the writer's sheet name", async () => {
    g.Excel = { run: async () => ({ sheetName: "OpCore deal (3)", replaced: false }) };
    await expect(excelHost().writeModel(toWrite("m-1"))).resolves.toEqual({ sheetName: "OpCore deal (3)", replaced: false });
  });
});
