/**
 * Excel's two date systems, and the one rule every reader and writer of dates keeps.
 *
 * A date in a cell is a day number (a serial). Microsoft, "Date systems in Excel"
 * (https://support.microsoft.com/office/e7fe7167-48a9-4b96-bb53-5612a800b487), and ECMA-376 Part 1,
 * §18.17.4.1 "Date Conversion for Serial Values":
 * - the 1900 date system (Excel's default on Windows, the web, and on Mac since Excel 2011): 1 January
 *   1900 is day 1, and Excel counts a 29 February 1900 that never was (day 60; "Excel incorrectly
 *   assumes that the year 1900 is a leap year",
 *   https://learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year), so from
 *   1 March 1900 (day 61) day n is n days after 30 December 1899, to 9999-12-31 (2,958,465);
 * - the 1904 date system (old Mac workbooks; File > Options > Advanced, "Use 1904 date system"):
 *   1 January 1904 is day 0, to 9999-12-31 (2,957,003). [MS-XLS] 2.4.77 Date1904 says the same
 *   ("The first date of the 1904 date system is 00:00:00 on January 1, 1904, specified by a serial value of 0").
 * The same date is 1,462 days smaller in the 1904 system (1904-01-01 is day 1,462 of the 1900 system).
 *
 * The rule: a SheetSpec (spec.ts) holds dates as day numbers of the 1900 date system, a number under
 * a date format (`isDateFormat`). A writer into a workbook of the 1904 date system writes the spec
 * `inDateSystem(spec, "1904")`; a reader turns a day number back into a date with the workbook's
 * system (`serialToIsoDate`). How each side learns the system: an .xlsx says it in xl/workbook.xml
 * (xlsxReader.ts `readDateSystem`); Office.js is asked DATE(1904,1,1) (office/dateSystem.ts).
 */
import { DATE_1904_OFFSET, type DateSystem, excelSerialToDate, isoDateToSerial } from "../engine";
import type { CellSpec, SheetSpec } from "./spec";

// The date systems, their reading and the 1,462-day offset are the engine's (src/engine/dateSystems.ts);
// "unknown" here: Read from sheet does not read a date cell's day number as a date (sheetInputs.ts),
// it is kept as the number, which the model's schema refuses naming the cell.
export { DATE_1904_OFFSET, DATE_SYSTEMS, type DateSystem, type ReadDateSystem } from "../engine";

/** The largest day number of each system: 9999-12-31. */
const LAST_SERIAL: Readonly<Record<DateSystem, number>> = { "1900": 2_958_465, "1904": 2_958_465 - DATE_1904_OFFSET };
/** The first whole day read as a date: 1900-03-01 (day 61; day 60 is the 29 February 1900 that never was), and 1904-01-01 (day 0). */
const FIRST_SERIAL: Readonly<Record<DateSystem, number>> = { "1900": 61, "1904": 0 };

/**
 * The ISO date of a day number of `system` ("1900" unless given), or undefined when it is not a whole
 * day of that system's range: 1900-03-01 (61) to 9999-12-31 (2,958,465) in the 1900 system (day 60,
 * Excel's 29 February 1900, is no date: refused, not guessed), 1904-01-01 (0) to 9999-12-31
 * (2,957,003) in the 1904 system. Office.js gives a date cell's value as that number: Range.values
 * holds raw values, and Microsoft's "Work with dates using the Excel JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates) reads a date back
 * from `values[0][0]` as that serial and converts it itself. A time of day (a fraction) is not a
 * date of these inputs: not read as one.
 */
export function serialToIsoDate(serial: number, system: DateSystem = "1900"): string | undefined {
  if (!Number.isInteger(serial) || serial < FIRST_SERIAL[system] || serial > LAST_SERIAL[system]) return undefined;
  const { y, m, d } = excelSerialToDate(system === "1904" ? serial + DATE_1904_OFFSET : serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The day number of `system` for a day number of the 1900 system (the SheetSpec's), or undefined when
 * `system` has no such day: a date before 1904-01-01 in the 1904 system (Excel shows no negative date).
 */
export function serialInDateSystem(serial1900: number, system: DateSystem): number | undefined {
  if (system === "1900") return serial1900;
  const serial = serial1900 - DATE_1904_OFFSET;
  return serial < 0 ? undefined : serial;
}

/** The day number of an ISO date "YYYY-MM-DD" in `system`, or undefined when that system has no such day. */
export function isoDateToSystemSerial(iso: string, system: DateSystem): number | undefined {
  return serialInDateSystem(isoDateToSerial(iso), system);
}

/**
 * Whether an Excel number format shows its number as a date: a year or day code ("y", "d") outside
 * quoted text, escaped characters and [brackets] (colours, locales, elapsed hours). A time-only
 * format ("h:mm") is not a date format: a time of day is the same fraction in both systems. The
 * models write dates as "yyyy-mm-dd" (numberFormats.ts `date`).
 */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[yd]/i.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
}

/**
 * The spec as written into a workbook of `system`: each number under a date format (a literal, and
 * the cached result of a formula) turned from the 1900 system into `system`; the spec itself when
 * `system` is "1900". Throws an Error naming the cell for a date `system` cannot hold (before
 * 1904-01-01 in the 1904 system), never a date written 4 years off.
 */
export function inDateSystem(spec: SheetSpec, system: DateSystem): SheetSpec {
  if (system === "1900") return spec;
  const move = (cell: CellSpec, v: number): number => {
    const moved = serialInDateSystem(v, system);
    if (moved === undefined)
      throw new Error(
        `${spec.name}!${cell.address}: the date ${serialToIsoDate(v) ?? v} is before 1904-01-01, the first date of this workbook's 1904 date system`,
      );
    return moved;
  };
  return {
    ...spec,
    cells: spec.cells.map((c) => {
      if (!isDateFormat(c.format)) return c;
      if (typeof c.value === "number") return { ...c, value: move(c, c.value) };
      if (c.formula !== undefined && typeof c.expected === "number") return { ...c, expected: move(c, c.expected) };
      return c;
    }),
  };
}
