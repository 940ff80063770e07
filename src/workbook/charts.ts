/**
 * Which columns of a chart's data range are its series (spec.ts `ChartSpec`), for every writer
 * alike (Office.js plan, .xlsx, the taskpane's preview). Pure.
 */
import { columnIndex, parseRange } from "./a1";
import type { ChartSpec } from "./spec";

/**
 * The sheet columns (0-based) of a chart's series when its series are by columns: `seriesColumns`
 * when given, else every column of the data range after the first (the categories). Throws naming
 * the chart when a series column is not a column of the data range after the first, or is given
 * twice, or when series columns are given for a chart whose series are by rows (never ignored).
 */
export function seriesColumnIndexes(chart: ChartSpec): number[] {
  if (chart.seriesBy !== "columns" && chart.seriesColumns !== undefined)
    throw new Error(`chart "${chart.title}": seriesColumns is for a chart whose series are by columns, not by ${chart.seriesBy}`);
  const r = parseRange(chart.dataRange);
  if (r === undefined) throw new Error(`chart data range "${chart.dataRange}" is not a range`);
  if (chart.seriesColumns === undefined) return Array.from({ length: r.right - r.left }, (_, k) => r.left + 1 + k);
  const out: number[] = [];
  for (const letter of chart.seriesColumns) {
    const col = columnIndex(letter);
    if (col === undefined || col <= r.left || col > r.right || out.includes(col))
      throw new Error(`chart "${chart.title}": series column "${letter}" must be a column of ${chart.dataRange} after the categories, once`);
    out.push(col);
  }
  if (out.length === 0) throw new Error(`chart "${chart.title}": seriesColumns lists no column`);
  return out;
}
