/** The preview's rendering of Excel number formats. */
import { formatCell } from "../../src/taskpane/numberFormat";

describe("number formats in the preview", () => {
  test.each<[number | string | boolean | null, string | undefined, string]>([
    [647562480.64, "#,##0", "647,562,481"],
    [647562480.64, "#,##0.00", "647,562,480.64"],
    [-106218759.68, "#,##0;(#,##0)", "(106,218,760)"],
    [-1234.5, "#,##0.0", "-1,234.5"],
    [-0.004, "#,##0.00", "0.00"],
    [0, '#,##0;(#,##0);"–"', "–"],
    [0.5, "0.0%", "50.0%"],
    [0.125, "0%", "13%"],
    [6564885.4961832, '#,##0 "EUR/MW"', "6,564,885 EUR/MW"],
    [860000000, "#,##0.0,,", "860.0"],
    [860000000, '#,##0,, "M"', "860 M"],
    [860000000, "[$€-40C] #,##0", "€ 860,000,000"],
    [1234.5, "[Blue]#,##0.00_);[Red](#,##0.00)", "1,234.50 "],
    [0.5, "0.##", "0.5"],
    [3, "0.##", "3"],
    [0.25, "#.00", ".25"],
    [1000000, undefined, "1000000"],
    [1 / 3, "General", "0.33333333333"],
    ["Iliad", "#,##0", "Iliad"],
    ["x", '"Holder: "@', "Holder: x"],
    ["=SUM(A1)", undefined, "=SUM(A1)"],
    [true, undefined, "TRUE"],
    [null, "#,##0", ""],
  ])("%p with %p -> %p", (value, format, text) => {
    expect(formatCell(value, format, "en")).toBe(text);
  });

  test("French separators", () => {
    expect(formatCell(647562480.64, "#,##0.00", "fr")).toBe("647\u202f562\u202f480,64");
    expect(formatCell(0.125, "0.0%", "fr")).toBe("12,5%");
    expect(formatCell(false, undefined, "fr")).toBe("FAUX");
  });

  test("display rounding is half away from zero, as Excel's", () => {
    expect(formatCell(2.5, "0", "en")).toBe("3");
    expect(formatCell(-2.5, "0", "en")).toBe("-3");
    expect(formatCell(0.125, "0.00", "en")).toBe("0.13");
  });
});
