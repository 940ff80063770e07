/**
 * Excel's two date systems, as plain facts the engine and every adapter share (no Office here).
 *
 * A date in a cell is a day number. In the 1900 date system (Excel's default on Windows, the web,
 * and on Mac since Excel 2011) 1 January 1900 is day 1; in the 1904 date system (old Mac workbooks;
 * File > Options > Advanced, "Use 1904 date system") 1 January 1904 is day 0 (Microsoft, "Date
 * systems in Excel", https://support.microsoft.com/office/e7fe7167-48a9-4b96-bb53-5612a800b487;
 * [MS-XLS] 2.4.77 Date1904). The engine reads day numbers in the 1900 system; a day number of the
 * 1904 system is the same date as that number + 1,462 in the 1900 system.
 */

export const DATE_SYSTEMS = ["1900", "1904"] as const;
/** Which day numbers a workbook's dates are: "1900" (Excel's default) or "1904". */
export type DateSystem = (typeof DATE_SYSTEMS)[number];

/**
 * The workbook's date system as a reader knows it: "1900" or "1904", or "unknown" when the host could
 * not tell or the file says something else. Never guessed.
 */
export type ReadDateSystem = DateSystem | "unknown";

/** Days between the two systems' day numbers of the same date: 1904-01-01 is day 1,462 of the 1900 system and day 0 of the 1904 system. */
export const DATE_1904_OFFSET = 1462;

/**
 * The date system a workbook answered DATE(1904,1,1) in: 1,462 is the 1900 system, 0 the 1904 system;
 * an error (a non-empty `error`, as Office.js's FunctionResult gives one) or any other answer is
 * "unknown". The one way every adapter asks a live workbook (its Office.js property
 * `Workbook.use1904DateSystem` is preview-only: src/workbook/office/dateSystem.ts).
 */
export function dateSystemOfDate1904(value: unknown, error?: unknown): ReadDateSystem {
  if (typeof error === "string" && error !== "") return "unknown";
  return value === 0 ? "1904" : value === DATE_1904_OFFSET ? "1900" : "unknown";
}
