/**
 * The preview's chart data (src/taskpane/PreviewChart.tsx `chartData`): read from the sheet
 * description, series by columns (all after the first, or the chart's series columns), numeric
 * categories shown in their cells' number format.
 */
import { chartData } from "../../src/taskpane/PreviewChart";
import { buildModel } from "../../src/model/build";
import { EXIT_WATERFALL_EXAMPLE } from "../../src/taskpane/forms";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { seriesColumnIndexes } from "../../src/workbook/charts";
import type { ChartSpec } from "../../src/workbook/spec";

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

describe("chart data of the stake-sale sheet: the cap table's own columns (seriesColumns)", () => {
  test("categories are the holders down to the new buyer (the blank row under the table between them); series are % before and % after", () => {
    const sheet = buildStakeSaleModel(OPCORE_EXAMPLE).sheet;
    const data = chartData(sheet.charts![0], sheet, "en");
    expect(data).toEqual({
      categories: ["Iliad", "", "InfraVia"],
      series: [
        { name: "% before", values: [1, 0, 0] },
        { name: "% after", values: [0.5, 0, 0.5] },
      ],
    });
  });
});

describe("series columns of a chart (workbook/charts.ts)", () => {
  const chart: ChartSpec = { type: "clusteredColumn", title: "t", dataRange: "A1:E4", seriesBy: "columns", from: "G1", to: "L9" };
  test("every column after the first when left out; the columns given, in order, otherwise", () => {
    expect(seriesColumnIndexes(chart)).toEqual([1, 2, 3, 4]);
    expect(seriesColumnIndexes({ ...chart, seriesColumns: ["E", "C"] })).toEqual([4, 2]);
  });
  test.each([["A"], ["F"], ["C", "C"], []])("refused: %j (the categories' column, outside the range, twice, none)", (...columns) => {
    expect(() => seriesColumnIndexes({ ...chart, seriesColumns: columns })).toThrow(/chart "t"/);
  });
  test("refused for a chart by rows (never ignored); the preview then shows no chart", () => {
    const byRows: ChartSpec = { ...chart, seriesBy: "rows", seriesColumns: ["C"] };
    expect(() => seriesColumnIndexes(byRows)).toThrow(/chart "t": seriesColumns is for a chart whose series are by columns, not by rows/);
    expect(seriesColumnIndexes({ ...chart, seriesBy: "rows" })).toEqual([1, 2, 3, 4]);
  });
});
