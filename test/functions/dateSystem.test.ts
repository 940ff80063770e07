/**
 * 30/360 in the workbook's date system (src/functions/dateSystem.ts). A custom function gets a date
 * as a day number; in a 1904 workbook the same calendar date is 1,462 smaller. 30/360 counts
 * calendar days, so reading a 1904 workbook's numbers as 1900 dates can change the count. The
 * functions compute both readings and, only when they differ, ask the workbook (a stand-in
 * `Excel.run` here, test/support/excelDateSystem.ts); no answer is #VALUE!, never a guess.
 *
 * The expected figures are by hand. 30/360 US (Excel's DAYS360, method FALSE) from 30 January to
 * 31 March 2024: the 31st is read as the 30th because the start is the 30th, so 2 months, 60 days,
 * 1/6 year. Read 4 years and a day earlier (a 1904 workbook's numbers taken as 1900 dates, what the
 * functions did before), the dates are 29 January and 30 March 2020: 61 days.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { DATE_1904_OFFSET, isoDateToSerial } from "../../src/engine";
import { DATE_SYSTEM_WAIT_MS } from "../../src/functions/dateSystem";
import * as f from "../../src/functions/functions";
import { CustomFunctionsError, createCustomFunctionsStub } from "../support/customFunctionsRuntime";
import { type StandInAnswer, standInExcel, withStandInExcel } from "../support/excelDateSystem";

const in1900 = (iso: string): number => isoDateToSerial(iso);
const in1904 = (iso: string): number => isoDateToSerial(iso) - DATE_1904_OFFSET;

const JAN_30 = "2024-01-30";
const MAR_31 = "2024-03-31";

/** The error a promised cell rejects with: Excel's error type, its code and message. */
async function laterError(result: unknown): Promise<{ code: string; message: string }> {
  try {
    await result;
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { code: e.code, message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected an error");
}

const noteAt = (start: number, end: number, dayCount: string): unknown =>
  f.convertNoteFn(1_000_000, 0.12, start, end, 1, null, null, null, dayCount, "SIMPLE", "NONE");
const yearsOf = async (note: unknown): Promise<unknown> => ((await note) as unknown[][])[1][1];

describe("CAPTABLE.CONVERTNOTE with a 30/360 count", () => {
  test("a 1904 workbook's dates give the same years and interest as the same dates in a 1900 workbook", async () => {
    const from1900 = await withStandInExcel("1900", (excel) => {
      const note = noteAt(in1900(JAN_30), in1900(MAR_31), "30/360");
      expect(note).toBeInstanceOf(Promise); // the two readings differ: the workbook is asked
      return Promise.resolve(note).then((cells) => ({ cells, asked: excel.asked() }));
    });
    const from1904 = await withStandInExcel("1904", async (excel) => ({
      cells: await noteAt(in1904(JAN_30), in1904(MAR_31), "30/360"),
      asked: excel.asked(),
    }));
    expect(from1900.asked).toBe(1);
    expect(from1904.asked).toBe(1);
    expect(from1904.cells).toEqual(from1900.cells);
    expect(await yearsOf(from1904.cells)).toBeCloseTo(60 / 360, 15);
    // Interest: 1,000,000 x 12% x 60/360 = 20,000.
    expect((from1904.cells as unknown[][])[2][1]).toBe(20_000);
  });

  test("what the function gave before, reading a 1904 workbook's numbers as 1900 dates, is another count (61 days)", async () => {
    const misread = await withStandInExcel("1900", () => noteAt(in1904(JAN_30), in1904(MAR_31), "30/360"));
    expect(await yearsOf(misread)).toBeCloseTo(61 / 360, 15);
  });

  test("dates the two systems agree on are computed at once, without asking the workbook", async () => {
    await withStandInExcel("1904", (excel) => {
      // 15 January 2024 to 15 July 2025 and 31 January to 31 July 2024: the same count 4 years and a day later.
      for (const [a, b, days] of [
        ["2024-01-15", "2025-07-15", 540],
        ["2024-01-31", "2024-07-31", 180],
      ] as const) {
        const cells = noteAt(in1904(a), in1904(b), "30/360") as unknown[][];
        expect(Array.isArray(cells)).toBe(true);
        expect(cells[1][1]).toBeCloseTo(days / 360, 15);
      }
      // ACT/365 and ACT/360 count the days between: never asked.
      expect((noteAt(in1904(JAN_30), in1904(MAR_31), "ACT/360") as unknown[][])[1][1]).toBeCloseTo(61 / 360, 15);
      expect(excel.asked()).toBe(0);
    });
  });

  test.each<[string, StandInAnswer | undefined]>([
    ["no Excel (a spreadsheet engine, a test)", undefined],
    ["Excel's answer is an error", "error"],
    ["Excel.run fails", "fails"],
  ])("#VALUE! naming day_count when the workbook does not say: %s", async (_, answer) => {
    const note = () => noteAt(in1900(JAN_30), in1900(MAR_31), "30/360");
    const error = answer === undefined ? await laterError(note()) : await withStandInExcel(answer, () => laterError(note()));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^day_count 30\/360 counts calendar days, and start_date and conversion_date are different dates/);
    expect(error.message).toMatch(/Excel did not say which one this workbook uses, so no result is guessed/);
  });

  test("#VALUE! when Excel does not answer within DATE_SYSTEM_WAIT_MS (Excel.run can hang: office-js #1395), and asked again on the next call", async () => {
    jest.useFakeTimers();
    try {
      await withStandInExcel("hangs", async (excel) => {
        const note = noteAt(in1900(JAN_30), in1900(MAR_31), "30/360");
        const error = laterError(note);
        jest.advanceTimersByTime(DATE_SYSTEM_WAIT_MS - 1);
        let settled = false;
        void error.then(() => (settled = true));
        await Promise.resolve();
        expect(settled).toBe(false); // still waiting just before the bound
        jest.advanceTimersByTime(1);
        expect((await error).message).toMatch(/Excel did not say which one this workbook uses/);
        const again = laterError(noteAt(in1900(JAN_30), in1900(MAR_31), "30/360"));
        jest.advanceTimersByTime(DATE_SYSTEM_WAIT_MS);
        expect((await again).code).toBe("#VALUE!");
        expect(excel.asked()).toBe(2);
      });
    } finally {
      jest.useRealTimers();
    }
  });

  test("an input error is the same in both readings and comes at once", () => {
    expect(() => noteAt(in1900(MAR_31), in1900(JAN_30), "30/360")).toThrow(CustomFunctionsError);
  });

  test("calls waiting at the same moment share one question", async () => {
    await withStandInExcel("1904", async (excel) => {
      const a = noteAt(in1904(JAN_30), in1904(MAR_31), "30/360");
      const b = noteAt(in1904(JAN_30), in1904(MAR_31), "30/360");
      expect(await a).toEqual(await b);
      expect(excel.asked()).toBe(1);
      // Asked again later: the setting can change while the workbook is open.
      await noteAt(in1904(JAN_30), in1904(MAR_31), "30/360");
      expect(excel.asked()).toBe(2);
    });
  });
});

describe("CAPTABLE.PREFACCRUED with a 30/360 count", () => {
  test("100 at 12% simple from 30 January to 31 March 2024 is 2.00 in either date system (60 days)", async () => {
    for (const [system, serial] of [
      ["1900", in1900],
      ["1904", in1904],
    ] as const) {
      const value = await withStandInExcel(system, () => f.prefAccruedFn(100, 0.12, serial(JAN_30), serial(MAR_31), "SIMPLE", "30/360"));
      expect(value).toBeCloseTo(2, 14);
    }
    const error = await laterError(f.prefAccruedFn(100, 0.12, in1900(JAN_30), in1900(MAR_31), "SIMPLE", "30/360"));
    expect(error.message).toMatch(/and issue_date and to_date are different dates/);
  });
});

describe("CAPTABLE.PRICEDROUND with a 30/360 note among the instruments", () => {
  const round = (start: number, end: number): unknown =>
    f.pricedRoundFn(
      [["Founder"], ["Option pool"]],
      [[8_000_000], [1_000_000]],
      9_000_000,
      [
        ["Investor", "Investment"],
        ["Fund", 3_000_000],
      ],
      null,
      [
        ["Holder", "Type", "Amount", "Interest rate", "Start date", "Conversion date", "Day count", "Discount"],
        ["Angel", "NOTE", 600_000, 0.12, start, end, "30/360", 0.2],
      ],
      "NONE",
    );

  test("the note's converting amount counts 60 days in a 1904 workbook, as in a 1900 one", async () => {
    const from1900 = (await withStandInExcel("1900", () => round(in1900(JAN_30), in1900(MAR_31)))) as unknown[][];
    const from1904 = (await withStandInExcel("1904", () => round(in1904(JAN_30), in1904(MAR_31)))) as unknown[][];
    expect(from1904).toEqual(from1900);
    // The note converts 600,000 + 600,000 x 12% x 60/360 = 612,000 at 80% of the round price p. The
    // pre-money holds its shares: p = 9,000,000 / (9,000,000 + 612,000 / 0.8p), so 9,000,000p + 765,000
    // = 9,000,000, p = 0.915, and the note's shares are 765,000 / 0.915 (61 days would give 765,250 / p').
    const angel = from1904.find((row) => row[0] === "Angel") as unknown[];
    expect(angel[2]).toBeCloseTo(765_000 / 0.915, 6);
    const error = await laterError(round(in1900(JAN_30), in1900(MAR_31)));
    expect(error.message).toMatch(/and the instruments' Start date and Conversion date are different dates/);
  });
});

describe("the built bundle (dist/functions.js) in a workbook of the 1904 date system", () => {
  test("CONVERTNOTE asks Excel through Excel.run and gives the 1904 dates' count", async () => {
    const stub = createCustomFunctionsStub();
    const excel = standInExcel("1904");
    const context = vm.createContext({ CustomFunctions: stub, Excel: excel.Excel, console });
    vm.runInContext(fs.readFileSync(path.resolve(__dirname, "../../dist/functions.js"), "utf8"), context, { filename: "functions.js" });
    const note = stub.registry.get("CONVERTNOTE") as (...args: unknown[]) => unknown;
    const cells = (await note(1_000_000, 0.12, in1904(JAN_30), in1904(MAR_31), 1, null, null, null, "30/360", "SIMPLE", "NONE")) as unknown[][];
    expect(cells[1][1]).toBeCloseTo(60 / 360, 15);
    expect(excel.asked()).toBe(1);
  });
});
