/**
 * Excel's two date systems (dateSystem.ts): day numbers to ISO dates in each, their boundaries, the
 * date cells of a spec moved into the 1904 system for a writer, and Read from sheet reading a date
 * cell in the workbook's system (sheetInputs.ts `inputsFromSheet`).
 */
import fc from "fast-check";
import { isoDateToSerial } from "../../src/engine";
import {
  DATE_1904_OFFSET,
  inDateSystem,
  isDateFormat,
  isoDateToSystemSerial,
  serialInDateSystem,
  serialToIsoDate,
} from "../../src/workbook/dateSystem";
import { inputsFromSheet } from "../../src/workbook/sheetInputs";
import type { InputSpec, SheetSpec } from "../../src/workbook/spec";

describe("serialToIsoDate", () => {
  test("1900 system (the default): day 61 is 1900-03-01, 2,958,465 is 9999-12-31; day 60 (29 February 1900, which never was) is no date", () => {
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(61, "1900")).toBe("1900-03-01");
    expect(serialToIsoDate(45_658, "1900")).toBe("2025-01-01");
    expect(serialToIsoDate(2_958_465, "1900")).toBe("9999-12-31");
    expect(serialToIsoDate(60, "1900")).toBeUndefined();
    expect(serialToIsoDate(2_958_466, "1900")).toBeUndefined();
    expect(serialToIsoDate(45_658.5, "1900")).toBeUndefined();
  });

  test("1904 system: day 0 is 1904-01-01, 2,957,003 is 9999-12-31; 1904 is a leap year (day 59 is 29 February 1904)", () => {
    expect(serialToIsoDate(0, "1904")).toBe("1904-01-01");
    expect(serialToIsoDate(1, "1904")).toBe("1904-01-02");
    expect(serialToIsoDate(59, "1904")).toBe("1904-02-29");
    expect(serialToIsoDate(60, "1904")).toBe("1904-03-01");
    expect(serialToIsoDate(45_658 - 1462, "1904")).toBe("2025-01-01");
    expect(serialToIsoDate(2_957_003, "1904")).toBe("9999-12-31");
    expect(serialToIsoDate(-1, "1904")).toBeUndefined();
    expect(serialToIsoDate(2_957_004, "1904")).toBeUndefined();
    expect(serialToIsoDate(0.5, "1904")).toBeUndefined();
  });

  test("the same date is 1,462 days smaller in the 1904 system, over the whole range both hold", () => {
    expect(DATE_1904_OFFSET).toBe(1462);
    expect(isoDateToSerial("1904-01-01")).toBe(DATE_1904_OFFSET);
    fc.assert(
      fc.property(fc.integer({ min: DATE_1904_OFFSET, max: 2_958_465 }), (serial) => {
        expect(serialToIsoDate(serial - DATE_1904_OFFSET, "1904")).toBe(serialToIsoDate(serial, "1900"));
      }),
    );
  });

  test("a 1900 day number is moved into the 1904 system; a date before 1904-01-01 has no 1904 day number", () => {
    expect(serialInDateSystem(45_658, "1900")).toBe(45_658);
    expect(serialInDateSystem(45_658, "1904")).toBe(44_196);
    expect(serialInDateSystem(1462, "1904")).toBe(0);
    expect(serialInDateSystem(1461, "1904")).toBeUndefined();
    expect(isoDateToSystemSerial("2025-01-01", "1904")).toBe(44_196);
    expect(isoDateToSystemSerial("1903-12-31", "1904")).toBeUndefined();
  });
});

test("isDateFormat: a year or day code outside quotes, escapes and brackets", () => {
  for (const f of ["yyyy-mm-dd", "d/m/yy", "[$-409]m/d/yy h:mm AM/PM;@", "dd mmm yyyy"]) expect(isDateFormat(f)).toBe(true);
  for (const f of [undefined, "General", "#,##0", "0.00%", '0.00"x"', '#,##0 "days"', "h:mm", "[h]:mm:ss", "\\d0", "[Red]#,##0"])
    expect(isDateFormat(f)).toBe(false);
});

describe("inDateSystem: the spec as a writer writes it into a workbook of that system", () => {
  const spec: SheetSpec = {
    name: "Deal",
    names: [],
    cells: [
      { address: "B1", value: 45_658, format: "yyyy-mm-dd", style: "input" },
      { address: "B2", formula: "=B1", expected: 45_658, format: "yyyy-mm-dd" },
      { address: "B3", value: 45_658, format: "#,##0" },
      { address: "B4", formula: "=B1-B1", expected: 0, format: "0" },
      { address: "B5", value: "2025-01-01" },
      { address: "B6", value: null, format: "yyyy-mm-dd" },
    ],
  };

  test("1900: unchanged", () => {
    expect(inDateSystem(spec, "1900")).toBe(spec);
  });

  test("1904: each number under a date format (a literal, a formula's cached result) is 1,462 smaller; other cells unchanged", () => {
    const moved = inDateSystem(spec, "1904");
    expect(moved.cells).toEqual([
      { address: "B1", value: 44_196, format: "yyyy-mm-dd", style: "input" },
      { address: "B2", formula: "=B1", expected: 44_196, format: "yyyy-mm-dd" },
      ...spec.cells.slice(2),
    ]);
    expect(moved.cells.map((c) => serialToIsoDate(Number(c.value ?? c.expected), "1904")).slice(0, 2)).toEqual(["2025-01-01", "2025-01-01"]);
  });

  test("1904: a date before 1904-01-01 is refused, naming the cell, not written 4 years off", () => {
    const early: SheetSpec = { ...spec, cells: [{ address: "C7", value: isoDateToSerial("1903-06-30"), format: "yyyy-mm-dd" }] };
    expect(() => inDateSystem(early, "1904")).toThrow(
      "Deal!C7: the date 1903-06-30 is before 1904-01-01, the first date of this workbook's 1904 date system",
    );
  });
});

describe("inputsFromSheet reads a date cell's day number in the workbook's date system", () => {
  const specs: InputSpec[] = [
    { field: "completionDate", ref: "B1", read: "date" },
    { field: "flows", ref: "A3:B4", columns: ["date", "amount"], reads: { date: "date" } },
  ];
  const stored = { completionDate: "2025-01-01", flows: [{ date: "2025-06-30", amount: 10 }] };
  const read = (completion: unknown, flow: unknown) =>
    new Map<string, unknown[][]>([
      ["completionDate", [[completion]]],
      ["flows", [[flow, 10]]],
    ]);

  test("1904: the 1904 day numbers are the stored dates, no difference; both counted as read from day numbers", () => {
    const { inputs, differences, dates } = inputsFromSheet(stored, specs, read(45_658 - 1462, isoDateToSerial("2025-06-30") - 1462), "1904");
    expect(differences).toEqual([]);
    expect(inputs).toEqual(stored);
    expect(dates).toEqual({ system: "1904", fromDayNumbers: 2 });
  });

  test("the same day numbers read in the 1900 system are dates 4 years and a day earlier (what was read before)", () => {
    const { inputs } = inputsFromSheet(stored, specs, read(45_658 - 1462, isoDateToSerial("2025-06-30") - 1462));
    expect(inputs.completionDate).toBe("2020-12-31");
  });

  test("1904 day 0 is 1904-01-01; an ISO text is read as it is, not counted", () => {
    const { inputs, dates } = inputsFromSheet(stored, specs, read(0, "2026-02-01"), "1904");
    expect(inputs.completionDate).toBe("1904-01-01");
    expect(inputs.flows).toEqual([{ date: "2026-02-01", amount: 10 }]);
    expect(dates).toEqual({ system: "1904", fromDayNumbers: 1 });
  });

  test("unknown system: a day number is not read as a date (kept as the number, the schema refuses it); counted", () => {
    const { inputs, dates } = inputsFromSheet(stored, specs, read(45_658, "2025-06-30"), "unknown");
    expect(inputs.completionDate).toBe(45_658);
    expect(dates).toEqual({ system: "unknown", fromDayNumbers: 1 });
  });

  test("1900 system: day 60 is kept as the number (refused by the schema), as before", () => {
    expect(inputsFromSheet(stored, specs, read(60, "2025-06-30"), "1900").inputs.completionDate).toBe(60);
  });
});
