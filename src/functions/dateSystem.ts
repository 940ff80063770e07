/**
 * Day numbers read in the workbook's date system, for the one count that depends on it: 30/360.
 *
 * A custom function receives a date cell as its day number, with nothing saying whether the workbook
 * counts in the 1900 or the 1904 date system (src/engine/dateSystems.ts): the same number is two
 * dates 1,462 days (4 years and a day) apart. ACT/365 and ACT/360 count the days between two dates,
 * the same in both systems. 30/360 counts calendar days (a 31st is a 30th, months are 30 days), so
 * the same two numbers can give two answers: 30 January to 31 March is 60 days in one system, and
 * 61 in the other, where they are 31 January and 1 April.
 *
 * The rule, never a guess:
 * - compute with the day numbers read in the 1900 system (the engine's);
 * - if a 30/360 count read them (`DayReading.calendarDays`), compute again reading them in the 1904
 *   system. The same result either way (most dates) is returned at once;
 * - different results need the workbook's answer: the function asks Excel DATE(1904,1,1) through
 *   `Excel.run` and returns a promise of the result in that system. Custom functions in a shared
 *   runtime may call the Excel JavaScript API to read "information from Excel before calculation"
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function), and
 *   Excel awaits a promise any function returns, whatever its metadata says (the runtime tests each
 *   result for `then`: @microsoft/office-js, dist/custom-functions-runtime.debug.js,
 *   `CustomFunctionProxy._invokeFunctionAndSetResult`);
 * - no answer (outside Excel, the call fails, or no answer within `DATE_SYSTEM_WAIT_MS`): #VALUE!
 *   saying why, naming day_count.
 * The workbook is asked each time the answer matters (the setting can change while it is open);
 * calls waiting at the same moment share one question.
 */
import { DATE_1904_OFFSET, type DateSystem, type ReadDateSystem, dateSystemOfDate1904, isEngineError } from "../engine";
import { valueError } from "./cells";

/** How one computation reads the day numbers of its cells. */
export class DayReading {
  /** Set when a 30/360 count read day numbers: the one count the date system changes. */
  calendarDays = false;

  constructor(readonly system: DateSystem) {}

  /** A cell's day number as the engine's day number (the 1900 system's). */
  day(serial: number): number {
    return this.system === "1904" ? serial + DATE_1904_OFFSET : serial;
  }
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, error };
  }
}

function settle<T>(o: Outcome<T>): T {
  if (o.ok) return o.value;
  throw o.error;
}

/** The same cells, or the same error (an engine error's kind, message and argument). */
function sameOutcome<T>(a: Outcome<T>, b: Outcome<T>): boolean {
  if (a.ok && b.ok) return JSON.stringify(a.value) === JSON.stringify(b.value);
  if (a.ok || b.ok) return false;
  const [x, y] = [a.error, b.error];
  return isEngineError(x) && isEngineError(y) && x.kind === y.kind && x.message === y.message && x.argument === y.argument;
}

let asking: Promise<ReadDateSystem> | undefined;

/**
 * How long a function waits for the workbook's answer before giving #VALUE! (recalculating asks
 * again). `Excel.run` from a custom function has been reported to hang, the cell showing #BUSY! for
 * good (office-js #1395; `context.sync()` never settling: #4273, #6150, #6678).
 */
export const DATE_SYSTEM_WAIT_MS = 10_000;

/** The open workbook's date system, asked as the taskpane asks it (src/workbook/office/dateSystem.ts); "unknown" without Excel, on any failure, or with no answer in time. */
function askWorkbook(): Promise<ReadDateSystem> {
  const excel = (globalThis as { Excel?: { run?: typeof Excel.run } }).Excel;
  if (typeof excel?.run !== "function") return Promise.resolve("unknown");
  if (asking === undefined) {
    const run = excel.run;
    const answer = Promise.resolve()
      .then(() =>
        run(async (context: Excel.RequestContext) => {
          const probe = context.workbook.functions.date(1904, 1, 1);
          probe.load("value,error");
          await context.sync();
          return dateSystemOfDate1904(probe.value, probe.error);
        }),
      )
      .catch((): ReadDateSystem => "unknown");
    // No timer in a runtime without one (a bare script context): the answer alone.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late =
      typeof setTimeout === "function"
        ? new Promise<ReadDateSystem>((resolve) => {
            timer = setTimeout(() => resolve("unknown"), DATE_SYSTEM_WAIT_MS);
          })
        : undefined;
    asking = (late === undefined ? answer : Promise.race([answer, late])).finally(() => {
      if (timer !== undefined) clearTimeout(timer);
      asking = undefined;
    });
  }
  return asking;
}

/**
 * `compute` with the cells' day numbers read in the workbook's date system (see the header): the
 * result now when the system cannot change it, else a promise of it once the workbook has said.
 * `dates` names the date arguments in the error given when the workbook does not say.
 */
export function inWorkbookDateSystem<T>(compute: (reading: DayReading) => T, dates: string): T | Promise<T> {
  const in1900 = new DayReading("1900");
  const a = attempt(() => compute(in1900));
  if (!in1900.calendarDays) return settle(a);
  const b = attempt(() => compute(new DayReading("1904")));
  if (sameOutcome(a, b)) return settle(a);
  return askWorkbook().then((system) => {
    if (system === "unknown") {
      throw valueError(
        `day_count 30/360 counts calendar days, and ${dates} are different dates in Excel's 1900 and 1904 date systems; ` +
          `Excel did not say which one this workbook uses, so no result is guessed: recalculate in Excel, or use ACT/365 or ACT/360`,
        "day_count",
      );
    }
    return settle(system === "1904" ? b : a);
  });
}

/** Whether a result is a promise (Excel awaits it; see the header). */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
