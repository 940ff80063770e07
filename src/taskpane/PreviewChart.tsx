/**
 * The preview of a model's chart: a small SVG column chart drawn from the chart's data range on
 * the sheet (series names in the first row, categories in the first column), clustered or
 * stacked. A pie or waterfall is drawn as clustered columns: the preview shows the data, Excel
 * draws the real chart.
 */
import * as React from "react";
import { Caption1, Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import type { CellSpec, ChartSpec, SheetSpec } from "../workbook/spec";
import { formatCell } from "./numberFormat";
import type { Lang } from "./i18n";
import { cellAddress, parseCell } from "../workbook/a1";
import { seriesColumnIndexes } from "../workbook/charts";

const COLORS = ["#1F3864", "#2E75B6", "#9DC3E6", "#C55A11", "#70AD47", "#FFC000"];

/** The category labels' font size in the chart's units (about as many px in a 350-px taskpane). */
export const LABEL_FONT_SIZE = 13;
/** A generous average width of a character of the labels, in font sizes (digits and separators). */
const CHAR_WIDTH = 0.6;

export interface ChartData {
  readonly categories: string[];
  readonly series: { name: string; values: number[] }[];
}

function rawOf(cell: CellSpec | undefined): unknown {
  if (cell === undefined) return undefined;
  return cell.formula !== undefined ? cell.expected : cell.value;
}

/** Reads a chart's data range from the sheet description; numeric categories (exit values) are shown in their cells' number format, as Excel shows them. */
export function chartData(chart: ChartSpec, sheet: SheetSpec, lang: Lang = "en"): ChartData | undefined {
  const [a, b] = chart.dataRange.split(":");
  const from = parseCell(a ?? "");
  const to = parseCell(b ?? a ?? "");
  if (from === undefined || to === undefined) return undefined;
  const cells = new Map(sheet.cells.map((c) => [c.address.replace(/\$/g, "").toUpperCase(), c]));
  const grid: (CellSpec | undefined)[][] = [];
  for (let r = from.row; r <= to.row; r++) {
    const line: (CellSpec | undefined)[] = [];
    for (let c = from.col; c <= to.col; c++) line.push(cells.get(cellAddress(r, c)));
    grid.push(line);
  }
  const byColumns = chart.seriesBy === "columns";
  // By columns: the series are the chart's series columns (seriesColumns), after the category column.
  let columns: number[];
  try {
    columns = seriesColumnIndexes(chart);
  } catch {
    return undefined;
  }
  const picked = byColumns ? [0, ...columns.map((c) => c - from.col)] : [];
  const outer = byColumns ? picked.length : grid.length;
  const inner = byColumns ? grid.length : grid[0].length;
  const cellAt = (s: number, k: number) => (byColumns ? grid[k][picked[s]] : grid[s][k]);
  const get = (s: number, k: number) => rawOf(cellAt(s, k));
  const categories = Array.from({ length: inner - 1 }, (_, k) => {
    const raw = get(0, k + 1);
    // Trimmed: a banker's format pads a positive number by the width of ")" (`_)`), which a chart label does not need.
    return typeof raw === "number" ? formatCell(raw, cellAt(0, k + 1)?.format, lang).trim() : String(raw ?? "");
  });
  const series = Array.from({ length: outer - 1 }, (_, s) => ({
    name: String(get(s + 1, 0) ?? ""),
    values: Array.from({ length: inner - 1 }, (_, k) => {
      const v = get(s + 1, k + 1);
      return typeof v === "number" && Number.isFinite(v) ? v : 0;
    }),
  }));
  return { categories, series };
}

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "#FFFFFF",
    padding: tokens.spacingVerticalS,
    maxWidth: "420px",
    margin: 0,
  },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
});

export function OwnershipChart({ chart, sheet, lang }: { chart: ChartSpec; sheet: SheetSpec; lang: Lang }): React.ReactElement | null {
  const s = useStyles();
  const data = React.useMemo(() => chartData(chart, sheet, lang), [chart, sheet, lang]);
  if (data === undefined || data.series.length === 0 || data.categories.length === 0) return null;
  // A football field previews as stacked columns whose first series (the low end of each range) is not drawn.
  const football = chart.type === "footballField";
  const stacked = chart.type === "stackedColumn" || football;
  const width = 320;
  const top = 10;
  const plot = 126;
  const band = width / data.categories.length;
  // Category labels at a size legible in a 350-px taskpane (the chart is drawn about as wide as its
  // viewBox there); when they would overlap side by side, they are turned 45 degrees, never cut or dropped.
  const fontSize = LABEL_FONT_SIZE;
  const longest = data.categories.reduce((m, c) => Math.max(m, c.length), 0);
  const turned = longest * fontSize * CHAR_WIDTH > band - 4;
  const bottom = turned ? Math.ceil(longest * fontSize * CHAR_WIDTH * Math.SQRT1_2 + fontSize + 8) : fontSize + 12;
  const height = top + plot + bottom;
  // Room on the left for the first turned label.
  const left = turned ? Math.max(0, Math.ceil(longest * fontSize * CHAR_WIDTH * Math.SQRT1_2 - band / 2)) : 0;
  const totals = data.categories.map((_, k) => data.series.reduce((acc, sr) => acc + Math.max(0, sr.values[k]), 0));
  const max = stacked ? totals.reduce((m, t) => Math.max(m, t), 0) : data.series.reduce((m, sr) => sr.values.reduce((n, v) => Math.max(n, v), m), 0);
  const scale = max > 0 ? plot / max : 0;
  const barWidth = stacked ? band * 0.5 : (band * 0.7) / data.series.length;
  // The format of the first data cell, for the tooltips.
  const from = parseCell(chart.dataRange.split(":")[0]);
  const firstSeries = chart.seriesBy === "columns" ? seriesColumnIndexes(chart)[0] : undefined;
  const fmtCell = from ? sheet.cells.find((c) => c.address === cellAddress(from.row + 1, firstSeries ?? from.col + 1)) : undefined;
  const fmt = (v: number) => formatCell(v, fmtCell?.format, lang).trim();
  return (
    <figure className={s.box} data-testid="preview-chart" aria-label={chart.title}>
      <Caption1Strong as="p">{chart.title}</Caption1Strong>
      <svg viewBox={`0 0 ${width + left} ${height}`} width="100%" role="img" aria-label={chart.title}>
        <g transform={`translate(${left} 0)`}>
          <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#BFBFBF" />
          {data.categories.map((cat, k) => {
            let base = top + plot;
            return (
              <g key={k}>
                {data.series.map((sr, i) => {
                  const v = Math.max(0, sr.values[k]);
                  const h = v * scale;
                  const x = stacked ? k * band + (band - barWidth) / 2 : k * band + band * 0.15 + i * barWidth;
                  const y = stacked ? base - h : top + plot - h;
                  if (stacked) base -= h;
                  return (
                    <rect
                      key={i}
                      x={x}
                      y={y}
                      width={Math.max(1, barWidth - 2)}
                      height={h}
                      fill={football && i === 0 ? "none" : COLORS[i % COLORS.length]}
                    >
                      <title>{`${sr.name} · ${cat}: ${fmt(sr.values[k])}`}</title>
                    </rect>
                  );
                })}
                {turned ? (
                  <text
                    x={k * band + band / 2}
                    y={top + plot + fontSize}
                    fontSize={fontSize}
                    textAnchor="end"
                    fill="#404040"
                    transform={`rotate(-45 ${k * band + band / 2} ${top + plot + fontSize})`}
                    data-testid="chart-label"
                  >
                    {cat}
                  </text>
                ) : (
                  <text
                    x={k * band + band / 2}
                    y={top + plot + fontSize + 4}
                    fontSize={fontSize}
                    textAnchor="middle"
                    fill="#404040"
                    data-testid="chart-label"
                  >
                    {cat}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <div className={s.legend}>
        {data.series.map((sr, i) => (
          <Caption1 key={i}>
            <span className={s.swatch} style={{ backgroundColor: COLORS[i % COLORS.length] }} />
            {sr.name}
          </Caption1>
        ))}
      </div>
    </figure>
  );
}
