/**
 * The preview of a model sheet outside Excel: the `SheetSpec` Build would write, rendered as an
 * HTML grid. Formula cells show the engine's value (`expected`), literals are shown as text (never
 * evaluated), number formats are applied (numberFormat.ts), styles follow STYLES. Every cell carries
 * its address (`data-cell="C12"`) and, for numbers, its exact value (`data-value`) for tests.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens, Caption1, Caption1Strong, Subtitle2 } from "@fluentui/react-components";
import { STYLES, type CellSpec, type SheetSpec, type StyleName } from "../workbook/spec";
import { formatCell } from "./numberFormat";
import type { Lang, Messages } from "./i18n";
import { OwnershipChart } from "./PreviewChart";
import { columnNote } from "./columnNotes";
import { cellAddress, columnLetters, parseCell } from "../workbook/a1";

const ROW_HEAD_WIDTH = 32;

/** The largest grid the preview draws (a model sheet is far smaller). */
const MAX_PREVIEW = { rows: 400, cols: 30 } as const;

const styleClasses = makeStyles({
  title: { fontWeight: STYLES.title.bold ? 700 : 400, fontSize: "16px", color: STYLES.title.fontColor },
  subtitle: { fontStyle: "italic", color: STYLES.subtitle.fontColor },
  section: { fontWeight: 700, color: STYLES.section.fontColor, backgroundColor: STYLES.section.fill },
  header: { fontWeight: 700, borderBottom: "1px solid #000000" },
  label: {},
  input: { color: STYLES.input.fontColor, backgroundColor: STYLES.input.fill },
  calc: { color: STYLES.calc.fontColor },
  total: { fontWeight: 700, borderBottom: "1px solid #000000" },
  note: { fontStyle: "italic", color: STYLES.note.fontColor },
});

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroller: {
    overflowX: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "#FFFFFF",
  },
  grid: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontFamily: "Calibri, Aptos, 'Segoe UI', sans-serif",
    fontSize: "12px",
    color: "#000000",
  },
  head: {
    backgroundColor: "#F3F3F3",
    color: "#5F5F5F",
    fontWeight: 400,
    fontSize: "11px",
    textAlign: "center",
    border: "1px solid #E1E1E1",
    padding: "1px 4px",
    position: "sticky",
    top: 0,
  },
  rowHead: { width: "32px", position: "sticky", left: 0, zIndex: 1 },
  cell: {
    padding: "2px 6px",
    height: "18px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
  },
  gridlines: { border: "1px solid #E1E1E1" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // As in Excel, a text runs on over empty cells to its right instead of being cut.
  spill: { overflow: "visible", textOverflow: "clip" },
  // A header with a note: underlined with dots, as a term with a definition.
  explained: { textDecorationLine: "underline", textDecorationStyle: "dotted", textUnderlineOffset: "2px", cursor: "help" },
  noteList: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  noteTerm: { display: "inline", fontWeight: tokens.fontWeightSemibold, "::after": { content: '": "' } },
  noteText: { display: "inline", margin: 0 },
  names: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  // The key outputs as a card: each label over its value, so the answer shows in a 350-px pane without scrolling sideways.
  keyCard: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  keyList: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  keyRow: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM },
  keyLabel: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: "anywhere" },
  keyValue: { margin: 0, marginLeft: "auto", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  name: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

interface Props {
  readonly sheet: SheetSpec;
  readonly lang: Lang;
  readonly t: Messages;
}

/** The shown text and the raw value of a cell. */
export function cellDisplay(cell: CellSpec, lang: Lang): { text: string; raw: number | string | boolean | null | undefined } {
  const raw = cell.formula !== undefined ? cell.expected : cell.value;
  // A number's trailing pad (`_)` in a banker's format, the width of ")") is dropped: HTML collapses it anyway.
  const text = formatCell(raw, cell.format, lang);
  return { text: typeof raw === "number" ? text.trimEnd() : text, raw };
}

/**
 * The cells the preview shows, by address (at most MAX_PREVIEW rows and columns), and the grid's size.
 * A table formula (spill) also fills the cells it spills over with the engine's values.
 */
export function previewGrid(sheet: SheetSpec): { byAddress: Map<string, CellSpec>; rows: number; cols: number } {
  const map = new Map<string, CellSpec>();
  let maxRow = 1;
  let maxCol = 1;
  for (const cell of sheet.cells) {
    const at = parseCell(cell.address);
    if (at === undefined || at.row >= MAX_PREVIEW.rows || at.col >= MAX_PREVIEW.cols) continue;
    map.set(cellAddress(at.row, at.col), cell);
    maxRow = Math.max(maxRow, at.row + 1);
    maxCol = Math.max(maxCol, at.col + 1);
    // A table formula (spill): its other cells show the engine's values, as Excel shows the spilled range.
    cell.spill?.forEach((r, i) =>
      r.forEach((value, k) => {
        const row = at.row + i;
        const col = at.col + k;
        if ((i === 0 && k === 0) || row >= MAX_PREVIEW.rows || col >= MAX_PREVIEW.cols) return;
        const address = cellAddress(row, col);
        map.set(address, { address, value, ...(cell.style ? { style: cell.style } : {}) });
        maxRow = Math.max(maxRow, row + 1);
        maxCol = Math.max(maxCol, col + 1);
      }),
    );
  }
  return { byAddress: map, rows: maxRow, cols: maxCol };
}

/** The sheet's key-outputs box (`SheetSpec.keyOutputs`) as a card: its title, then each output's label and value as the sheet shows it. */
function KeyOutputs({ range, byAddress, lang }: { range: string; byAddress: Map<string, CellSpec>; lang: Lang }): React.ReactElement | null {
  const s = useStyles();
  const [a, b] = range.split(":");
  const from = parseCell(a ?? "");
  const to = parseCell(b ?? "");
  if (from === undefined || to === undefined) return null;
  const text = (row: number, col: number) => {
    const cell = byAddress.get(cellAddress(row, col));
    return cell === undefined ? "" : cellDisplay(cell, lang).text;
  };
  const rows = Array.from({ length: to.row - from.row }, (_, i) => from.row + 1 + i);
  return (
    <section className={s.keyCard} aria-labelledby="key-outputs-title" data-testid="key-outputs">
      <Subtitle2 as="h3" id="key-outputs-title">
        {text(from.row, from.col)}
      </Subtitle2>
      <dl className={s.keyList}>
        {rows.map((r) => (
          <div key={r} className={s.keyRow}>
            <dt className={s.keyLabel}>{text(r, from.col)}</dt>
            <dd className={s.keyValue} data-testid="key-output-value">
              {text(r, from.col + 1)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function SheetPreview({ sheet, lang, t }: Props): React.ReactElement {
  const s = useStyles();
  const cls = styleClasses();
  const { byAddress, rows, cols } = React.useMemo(() => previewGrid(sheet), [sheet]);
  const nameAt = React.useMemo(() => {
    const map = new Map<string, string>();
    for (const n of sheet.names) if (parseCell(n.ref) !== undefined) map.set(n.ref.replace(/\$/g, "").toUpperCase(), n.name);
    return map;
  }, [sheet]);
  const widths = new Map((sheet.columns ?? []).map((c) => [c.column.toUpperCase(), c.width]));
  // Excel's column width is in characters of the default font: about 6 px each at the preview's size.
  const colWidth = (letter: string) => Math.round((widths.get(letter) ?? 8.43) * 6 + 5);
  // A fixed table layout needs an explicit table width, or long texts would widen their columns.
  const tableWidth = ROW_HEAD_WIDTH + Array.from({ length: cols }, (_, i) => colWidth(columnLetters(i))).reduce((a, b) => a + b, 0);
  const gridlines = sheet.showGridlines === true;
  // The computed columns on this sheet with a note (columnNotes.ts): by header text, in order of appearance.
  const notes = React.useMemo(() => {
    const found = new Map<string, { id: string; text: string }>();
    for (const cell of byAddress.values()) {
      // A spilled table's header row is its first row of values (previewGrid), so any text cell is looked up.
      const header = typeof cell.value === "string" ? cell.value : undefined;
      const text = header === undefined ? undefined : columnNote(header, lang);
      if (header !== undefined && text !== undefined && !found.has(header)) found.set(header, { id: `column-note-${found.size + 1}`, text });
    }
    return found;
  }, [byAddress, lang]);

  return (
    <section className={s.wrap} aria-label={t.previewTitle} data-testid="preview">
      <Subtitle2 as="h2" data-testid="preview-sheet-name">
        {t.previewTitle}: {sheet.name}
      </Subtitle2>
      <Caption1>{t.previewNote}</Caption1>
      {sheet.keyOutputs !== undefined && <KeyOutputs range={sheet.keyOutputs} byAddress={byAddress} lang={lang} />}
      {/* Focusable, so that the sheet can be scrolled sideways from the keyboard. */}
      <div className={s.scroller} tabIndex={0} role="region" aria-label={`${t.previewTitle}: ${sheet.name}`}>
        <table className={s.grid} style={{ width: `${tableWidth}px` }} data-testid="preview-grid" aria-label={sheet.name}>
          <colgroup>
            <col style={{ width: `${ROW_HEAD_WIDTH}px` }} />
            {Array.from({ length: cols }, (_, i) => (
              <col key={i} style={{ width: `${colWidth(columnLetters(i))}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(s.head, s.rowHead)} aria-hidden="true" />
              {Array.from({ length: cols }, (_, i) => (
                <th key={i} className={s.head} scope="col">
                  {columnLetters(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={mergeClasses(s.head, s.rowHead)} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const address = cellAddress(r, c);
                  const cell = byAddress.get(address);
                  if (cell === undefined) return <td key={c} className={mergeClasses(s.cell, gridlines && s.gridlines)} />;
                  const { text, raw } = cellDisplay(cell, lang);
                  const next = byAddress.get(cellAddress(r, c + 1));
                  const spills = typeof raw === "string" && (next === undefined || cellDisplay(next, lang).text === "");
                  const name = nameAt.get(address);
                  const note = typeof raw === "string" ? notes.get(raw) : undefined;
                  const tip = [note?.text, name, cell.formula !== undefined ? t.previewFormula(cell.formula) : undefined].filter(Boolean).join(" · ");
                  return (
                    <td
                      key={c}
                      data-cell={address}
                      data-value={raw === undefined || raw === null ? undefined : String(raw)}
                      data-formula={cell.formula}
                      data-name={name}
                      title={tip === "" ? undefined : tip}
                      aria-describedby={note?.id}
                      className={mergeClasses(
                        note !== undefined && s.explained,
                        s.cell,
                        gridlines && s.gridlines,
                        typeof raw === "number" && s.number,
                        spills && s.spill,
                        cell.style !== undefined && cls[cell.style as StyleName],
                      )}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.size > 0 && (
        <section aria-label={t.columnNotesTitle} data-testid="column-notes">
          <Caption1Strong as="h3">{t.columnNotesTitle}</Caption1Strong>
          <dl className={s.noteList}>
            {[...notes].map(([header, note]) => (
              <div key={header}>
                <dt className={s.noteTerm}>{header}</dt>
                <dd id={note.id} className={s.noteText}>
                  {note.text}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {(sheet.charts ?? []).map((chart, i) => (
        <OwnershipChart key={i} chart={chart} sheet={sheet} lang={lang} />
      ))}
      {sheet.names.length > 0 && (
        <details>
          <summary>
            <Caption1>
              {t.previewNames} ({sheet.names.length})
            </Caption1>
          </summary>
          <div className={s.names}>
            {sheet.names.map((n) => (
              <span key={n.name} className={s.name} title={n.comment}>
                {n.name} = {n.ref}
              </span>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
