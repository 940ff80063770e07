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
  percentagesAsShown,
  previewHost,
  type ModelToWrite,
} from "../../src/taskpane/host";
import { ModelWriteError } from "../../src/workbook/officeWriter";
import { CAP_TABLE_SPEC, rowsFromGrid, tableSpec } from "../../src/taskpane/forms";

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
  function mockExcel(used: { rowCount: number; columnCount: number; values: unknown[][]; isNullObject?: boolean }) {
    const loaded = new Set<string>();
    const synced = new Set<string>();
    let syncs = 0;
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
    };
    const context = {
      workbook: { getSelectedRange: () => ({ getUsedRangeOrNullObject: (valuesOnly: boolean) => (valuesOnly ? range : undefined) }) },
      sync: async () => {
        syncs++;
        loaded.forEach((p) => synced.add(p));
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
