/**
 * Any model kind's form, rendered from its description in forms.ts: fields in sections, each shown
 * by the control of its kind (`CONTROLS`, as react-jsonschema-form picks a widget), and tables edited
 * row by row (a grid for few columns, a card per row for many), with add/remove, paste from the Excel
 * selection and paste of tab-separated rows. The component holds no model logic: it shows texts,
 * reports edits and shows the messages it is given.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  Tooltip,
  mergeClasses,
} from "@fluentui/react-components";
import { AddRegular, ClipboardPasteRegular, DeleteRegular, TableRegular } from "@fluentui/react-icons";
import { hintOf, labelOf, type Lang, type Messages } from "./i18n";
import { ChoiceField, FlagField, ListField, RadioField, TextField, type ControlProps } from "./fields";
import { asSentence } from "./i18n";
import { groupedNumber, groupedNumberText, groupedPercentText, parseNumber } from "../locales/numberText";
import { useFormStyles } from "./styles";
import {
  FORMS,
  newGridRow,
  pasteProblemText,
  rowsFromGrid,
  rowsFromTsv,
  type CellKind,
  type CellSpec,
  type FormErrors,
  type GridRow,
  type ModelForm,
  type PastedRows,
  type TableSpec,
} from "./forms";

/** The control of each kind of field (a field whose options come from another table is a choice). */
const CONTROLS: Readonly<Record<CellKind, (props: ControlProps) => React.ReactElement>> = {
  text: TextField,
  number: TextField,
  percent: TextField,
  date: TextField,
  choice: ChoiceField,
  radio: RadioField,
  flag: FlagField,
  list: ListField,
};

type Option = { value: string; label: string };

/** A list of numbers, one per line, each shown with its separators (a line that is not one number is left as typed). */
/**
 * How a field's text is shown once it is left: a number and a percentage grouped, in the language's
 * separators (a percentage without its "%", which the field shows as its unit), a list line by line.
 */
function shownOnLeave(kind: CellKind, lang: Lang): ((text: string) => string | undefined) | undefined {
  if (kind === "number") return (v) => groupedNumberText(v, lang);
  if (kind === "percent") return (v) => groupedPercentText(v, lang);
  if (kind === "list") return (v) => groupedListText(v, lang);
  return undefined;
}

function groupedListText(text: string, lang: Lang): string | undefined {
  const lines = text.split("\n").map((line) => (line.trim() === "" ? line : (groupedNumberText(line, lang) ?? line)));
  return lines.join("\n");
}

/** The width of the remove button's column, in px. */
const REMOVE_WIDTH = 36;

/**
 * A grid column's width in px, from the kind of its cells: wide enough for a name ("Series B Fund"),
 * an amount with its separators ("100,000,000") or the longest choice ("Non-participating"), so that
 * nothing shows cut ("Foun", "8571"); the grid scrolls sideways in its own box when the pane is narrower.
 */
export function columnWidth(c: CellSpec): number {
  if (c.kind === "flag") return 56;
  if (c.kind === "percent" || c.suffix === "x") return 84;
  if (c.kind === "number") return 120;
  if (c.kind === "date") return 136;
  if (c.kind === "choice" || c.kind === "radio") return 164;
  return 140;
}

export interface FormViewProps {
  readonly form: ModelForm;
  /** A new form, and the field or table that was edited (for "touched"). */
  readonly onChange: (form: ModelForm, touched: string) => void;
  /** The messages to show now (the caller decides which are shown: touched fields, or all after a Build). */
  readonly errors: FormErrors;
  /** Inputs allowed but that look wrong, by field (never blocking). */
  readonly warnings?: FormErrors;
  readonly lang: Lang;
  readonly t: Messages;
  /** A "to fill" note of the template the form was started from, for a field or table. */
  readonly hint: (key: string, base?: string) => string | undefined;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly onStatus: (status: { intent: "success" | "warning" | "error"; text: string; details?: string[] }) => void;
}

export function FormView(props: FormViewProps): React.ReactElement {
  const { form, onChange, errors, warnings = {}, lang, t, hint } = props;
  const s = useFormStyles();
  const spec = FORMS[form.kind];
  const currency = form.fields.currency?.trim().toUpperCase() || undefined;
  const unit = form.fields.unit;
  const money = currency === undefined ? undefined : unit === "thousands" ? `${currency} k` : unit === "millions" ? `${currency} m` : currency;
  const suffixOf = (c: CellSpec) => (c.suffix === "money" ? money : typeof c.suffix === "function" ? c.suffix(form.fields) : c.suffix);

  const optionsOf = (c: CellSpec, current: string): Option[] => {
    if (c.optionsFrom !== undefined) {
      const { table, column } = c.optionsFrom;
      const names = [...new Set((form.tables[table] ?? []).map((r) => (r.cells[column] ?? "").trim()).filter((n) => n !== ""))];
      if (!names.includes(current)) names.unshift(current);
      return names.map((n) => ({ value: n, label: n === "" ? "—" : n }));
    }
    return (c.options ?? []).map((o) => ({ value: o, label: c.words?.labels[o]?.[lang] ?? o }));
  };

  const setField = (key: string, value: string) => onChange({ ...form, fields: { ...form.fields, [key]: value } }, key);

  const renderField = (key: string) => {
    const c = spec.fields.find((f) => f.key === key);
    if (c === undefined || (c.when !== undefined && !c.when(form.fields))) return null;
    const value = form.fields[key] ?? "";
    // A field's action (the spread of exit values) fills it from another field once that reads as a positive number.
    const from = c.action === undefined ? undefined : parseNumber(form.fields[c.action.from] ?? "", lang);
    const base = from?.ok === true && from.value > 0 ? from.value : undefined;
    const fill = (values: number[]) => setField(key, values.map((v) => groupedNumber(v, lang)).join("\n"));
    const Control = CONTROLS[c.optionsFrom !== undefined ? "choice" : c.kind];
    return (
      <Control
        key={key}
        name={key}
        label={labelOf(t, form.kind, key)}
        value={value}
        onChange={(v) => setField(key, v)}
        error={errors[key]}
        warning={warnings[key]}
        hint={hint(key, hintOf(t, form.kind, c.hint?.(form.fields) ?? key))}
        required={c.required}
        suffix={suffixOf(c)}
        numeric={c.kind === "number" || c.kind === "percent"}
        format={shownOnLeave(c.kind, lang)}
        placeholder={c.placeholder}
        maxLength={c.maxLength}
        options={c.options !== undefined || c.optionsFrom !== undefined ? optionsOf(c, value) : undefined}
        action={
          c.action === undefined
            ? undefined
            : {
                testId: `${c.action.id}-${key}`,
                label: t[c.action.label],
                disabled: base === undefined,
                onClick: () => base !== undefined && fill(c.action?.values(base) ?? []),
              }
        }
      />
    );
  };

  return (
    <>
      {spec.sections.map((section, i) => (
        <section key={i} className={s.section} aria-labelledby={`sec-${i}`} data-testid={"table" in section ? `section-${section.table}` : undefined}>
          <Subtitle2 as="h2" id={`sec-${i}`}>
            {t.section[section.title]}
          </Subtitle2>
          {"fields" in section ? (
            section.stack === true ? (
              section.fields.map(renderField)
            ) : (
              <div className={s.fields}>{section.fields.map(renderField)}</div>
            )
          ) : (
            <>
              {hint(section.table) !== undefined && <Caption1>{hint(section.table)}</Caption1>}
              <TableEditor
                kind={form.kind}
                table={spec.tables.find((tb) => tb.name === section.table) as TableSpec}
                title={t.section[section.title]}
                rows={form.tables[section.table] ?? []}
                onRows={(next) => onChange({ ...form, tables: { ...form.tables, [section.table]: next } }, section.table)}
                errors={errors}
                lang={lang}
                t={t}
                readSelection={props.readSelection}
                onStatus={props.onStatus}
                suffixOf={suffixOf}
                optionsOf={optionsOf}
              />
            </>
          )}
        </section>
      ))}
    </>
  );
}

interface TableEditorProps {
  readonly kind: ModelForm["kind"];
  readonly table: TableSpec;
  readonly title: string;
  readonly rows: readonly GridRow[];
  readonly onRows: (rows: GridRow[]) => void;
  /** Messages by cell ("<table>.<row>.<column>") and for the table as a whole ("<table>"). */
  readonly errors: FormErrors;
  readonly lang: Lang;
  readonly t: Messages;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly onStatus: FormViewProps["onStatus"];
  /** The unit shown after a column's values (the form's currency for "money"). */
  readonly suffixOf: (c: CellSpec) => string | undefined;
  /** A choice column's options (a column may take them from another table). */
  readonly optionsOf: (c: CellSpec, current: string) => Option[];
}

/** A table of the form edited row by row: a grid, or a card per row; add, remove, paste rows or the Excel selection. */
function TableEditor({
  kind,
  table,
  title,
  rows,
  onRows,
  errors,
  lang,
  t,
  readSelection,
  onStatus,
  suffixOf,
  optionsOf,
}: TableEditorProps): React.ReactElement {
  const s = useFormStyles();
  // A table of holders says "2 holders pasted." and what to select; any other "2 rows pasted.".
  const pasteDone = table.holders === true ? t.pasteDoneHolders : t.pasteDone;
  const pasteSelectionHint = table.holders === true ? t.pasteSelectionHint : undefined;
  const [pasteOpen, setPasteOpen] = React.useState(false);
  const [pasteText, setPasteText] = React.useState("");
  const [reading, setReading] = React.useState(false);

  const setRows = (next: GridRow[]) => onRows(next);
  const setCell = (i: number, key: string, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, cells: { ...r.cells, [key]: value } } : r)));
  const remove = (i: number) => setRows(rows.filter((_, j) => j !== i));
  const add = () => setRows([...rows, newGridRow(table)]);

  const apply = (pasted: PastedRows) => {
    // All or nothing: a paste with any unreadable cell leaves the table as it was and lists each cell.
    if (pasted.problems.length > 0) {
      const lines = new Set(pasted.problems.map((p) => p.line)).size;
      onStatus({ intent: "error", text: t.pasteRejected(lines), details: pasted.problems.map((p) => pasteProblemText(table, p, lang)) });
      return;
    }
    if (pasted.rows.length === 0) {
      onStatus({ intent: "warning", text: t.pasteNothing });
      return;
    }
    setRows(pasted.rows);
    const header = pasted.headerLine === undefined ? [] : [t.pasteHeaderSkipped(pasted.headerLine)];
    onStatus({ intent: "success", text: pasteDone(pasted.rows.length), details: header.length > 0 ? header : undefined });
  };
  const fromSelection = async () => {
    if (readSelection === undefined) return;
    setReading(true);
    try {
      apply(rowsFromGrid(table, await readSelection(), lang));
    } catch (error) {
      onStatus({ intent: "error", text: t.pasteFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setReading(false);
    }
  };

  const columnLabel = (c: CellSpec) => labelOf(t, kind, `${table.name}.${c.key}`);
  // A column whose cells show only for some rows (a note's interest, a capped class's cap) is shown when any row needs it.
  const shown = table.columns.filter((c) => c.when === undefined || rows.some((r) => c.when?.(r.cells) === true));
  const messageId = (key: string) => `msg-${key.replace(/\./g, "-")}`;
  const hintId = (c: CellSpec) => `hint-${table.name}-${c.key}`;

  const control = (row: GridRow, i: number, c: CellSpec) => {
    if (c.when !== undefined && !c.when(row.cells))
      return (
        <span className={s.na} aria-hidden="true">
          –
        </span>
      );
    const key = `${table.name}.${i}.${c.key}`;
    const error = errors[key];
    const value = row.cells[c.key] ?? "";
    const testId = `cell-${table.name}-${i}-${c.key}`;
    const described = [
      error === undefined ? undefined : messageId(key),
      hintOf(t, kind, `${table.name}.${c.key}`) === undefined ? undefined : hintId(c),
    ]
      .filter((x) => x !== undefined)
      .join(" ");
    const common = {
      "aria-label": t.cell(columnLabel(c), i + 1),
      "aria-invalid": error === undefined ? undefined : true,
      "aria-describedby": described === "" ? undefined : described,
      "data-testid": testId,
    };
    if (c.kind === "flag")
      return <Checkbox checked={value === "true"} {...common} onChange={(_, d) => setCell(i, c.key, d.checked === true ? "true" : "false")} />;
    if (c.kind === "choice" || c.optionsFrom !== undefined)
      return (
        <Select size="small" className={s.control} {...common} value={value} onChange={(_, d) => setCell(i, c.key, d.value)}>
          {optionsOf(c, value).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      );
    const numeric = c.kind === "number" || c.kind === "percent";
    return (
      <Input
        size="small"
        className={s.control}
        {...common}
        value={value}
        type={c.kind === "date" ? "date" : "text"}
        maxLength={c.maxLength}
        inputMode={numeric ? "decimal" : undefined}
        autoComplete="off"
        spellCheck={numeric ? false : undefined}
        input={numeric ? { className: s.number } : undefined}
        onChange={(_, d) => setCell(i, c.key, d.value)}
        onBlur={() => {
          // Once the cell is left, a number or a percentage shows its thousands separators (read back exactly: numberText.ts).
          const grouped = c.kind === "number" || c.kind === "percent" ? shownOnLeave(c.kind, lang)?.(value) : undefined;
          if (grouped !== undefined && grouped !== value) setCell(i, c.key, grouped);
        }}
        onPaste={
          c === table.columns[0]
            ? (e) => {
                // Several lines pasted into a row's first box fill the table from the clipboard.
                const text = e.clipboardData.getData("text/plain");
                if (!/[\t\n]/.test(text.trim())) return;
                e.preventDefault();
                apply(rowsFromTsv(table, text, lang));
              }
            : undefined
        }
      />
    );
  };

  const removeButton = (i: number) => (
    <Tooltip content={t.remove(i + 1)} relationship="label">
      <Button size="small" appearance="subtle" icon={<DeleteRegular />} data-testid={`remove-${table.name}-${i}`} onClick={() => remove(i)} />
    </Tooltip>
  );

  const tableError = errors[table.name];
  // The messages of the table's cells, under the grid (a narrow column has no room for a sentence), each linked to its cell.
  const cellMessages = rows.flatMap((_, i) =>
    shown.flatMap((c) => {
      const key = `${table.name}.${i}.${c.key}`;
      const message = errors[key];
      return message === undefined ? [] : [{ key, text: message, where: t.cell(columnLabel(c), i + 1) }];
    }),
  );
  const notes = shown.flatMap((c) => {
    const hint = hintOf(t, kind, `${table.name}.${c.key}`);
    return hint === undefined ? [] : [{ c, hint }];
  });
  const width = (c: CellSpec) => columnWidth(c);
  const total = shown.reduce((sum, c) => sum + width(c), 0) + REMOVE_WIDTH;
  return (
    <div role="group" aria-label={title} data-testid={`table-${table.name}`} className={s.tableBlock}>
      {rows.length === 0 && table.name === "instruments" && <Caption1>{t.instrumentsEmpty}</Caption1>}
      {rows.length > 0 && (
        // The grid scrolls sideways in its own box; the first column (the row's name) stays in view.
        <div className={s.gridScroll} data-testid={`grid-${table.name}`}>
          <table className={s.gridTable} style={{ width: `${total}px` }}>
            <colgroup>
              {shown.map((c) => (
                <col key={c.key} style={{ width: `${width(c)}px` }} />
              ))}
              <col style={{ width: `${REMOVE_WIDTH}px` }} />
            </colgroup>
            <thead>
              <tr>
                {shown.map((c, k) => {
                  const suffix = suffixOf(c);
                  return (
                    <th key={c.key} scope="col" className={mergeClasses(s.th, k === 0 && s.sticky)}>
                      {columnLabel(c)}
                      {suffix !== undefined && <span className={s.unit}> ({suffix})</span>}
                    </th>
                  );
                })}
                <th scope="col" className={s.th}>
                  <span className={s.visuallyHidden}>{t.removeColumn}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.key} data-testid={`row-${table.name}-${i}`}>
                  {shown.map((c, k) => (
                    <td key={c.key} className={mergeClasses(s.td, k === 0 && s.sticky)}>
                      {control(row, i, c)}
                    </td>
                  ))}
                  <td className={s.td}>{removeButton(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notes.length > 0 && (
        // What each column holds, where the grid is (each cell of the column points to its note: aria-describedby).
        <dl className={s.notes} data-testid={`notes-${table.name}`}>
          {notes.map(({ c, hint }) => (
            <div key={c.key} className={s.note}>
              <dt className={s.noteTerm}>{columnLabel(c)}</dt>
              <dd id={hintId(c)} className={s.noteText}>
                {hint}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {cellMessages.length > 0 && (
        <ul className={s.messages}>
          {cellMessages.map((m) => (
            <li key={m.key} id={messageId(m.key)} className={s.error}>
              {m.where}: <span data-testid={`error-${m.key}`}>{asSentence(m.text)}</span>
            </li>
          ))}
        </ul>
      )}
      {tableError !== undefined && (
        <Caption1 className={s.error} role="alert" data-testid={`error-${table.name}`}>
          {asSentence(tableError)}
        </Caption1>
      )}
      <div className={s.actions}>
        <Button size="small" icon={<AddRegular />} onClick={add} disabled={rows.length >= table.max} data-testid={`add-${table.name}`}>
          {t[`add_${table.name}` as "add_capTable"] ?? "+"}
        </Button>
        {readSelection !== undefined && (
          <Tooltip content={pasteSelectionHint ?? t.pasteRowsLabel(table.columns.map(columnLabel).join(", "))} relationship="description">
            <Button
              size="small"
              icon={<TableRegular />}
              onClick={() => void fromSelection()}
              disabled={reading}
              data-testid={`paste-selection-${table.name}`}
            >
              {t.pasteSelection}
            </Button>
          </Tooltip>
        )}
        <Button size="small" icon={<ClipboardPasteRegular />} onClick={() => setPasteOpen(true)} data-testid={`paste-open-${table.name}`}>
          {t.pasteRows}
        </Button>
      </div>
      <Dialog open={pasteOpen} onOpenChange={(_, d) => setPasteOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {t.pasteRows} · {title}
            </DialogTitle>
            <DialogContent>
              <Field label={t.pasteRowsLabel(table.columns.map(columnLabel).join(", "))}>
                <Textarea
                  data-testid={`paste-text-${table.name}`}
                  value={pasteText}
                  resize="vertical"
                  rows={8}
                  onChange={(_, d) => setPasteText(d.value)}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPasteOpen(false)}>
                {t.pasteCancel}
              </Button>
              <Button
                appearance="primary"
                data-testid={`paste-apply-${table.name}`}
                onClick={() => {
                  apply(rowsFromTsv(table, pasteText, lang));
                  setPasteOpen(false);
                }}
              >
                {t.pasteApply}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
