/**
 * The preview's chart data (src/taskpane/PreviewChart.tsx `chartData`): read from the sheet
 * description, series by columns, numeric categories shown in their cells' number format.
 */
import { chartData } from "../../src/taskpane/PreviewChart";
import { buildModel } from "../../src/model/build";
import { EXIT_WATERFALL_EXAMPLE } from "../../src/taskpane/forms";

describe("chart data of the exit-waterfall sheet", () => {
  const sheet = buildModel({ ...EXIT_WATERFALL_EXAMPLE, exitValues: [5_000_000, 12_500_000.5] }).sheet;
  const chart = sheet.charts?.[0];
  test("categories are the exit values as the sheet formats them; series are the classes", () => {
    expect(chart).toBeDefined();
    if (chart === undefined) return;
    const en = chartData(chart, sheet, "en");
    const fr = chartData(chart, sheet, "fr");
    expect(en?.categories).toEqual(["5,000,000", "12,500,001"]);
    expect(fr?.categories).toEqual(["5\u202f000\u202f000", "12\u202f500\u202f001"]);
    expect(en?.series.map((s) => s.name)).toEqual(EXIT_WATERFALL_EXAMPLE.classes.map((c) => c.name));
  });
});
