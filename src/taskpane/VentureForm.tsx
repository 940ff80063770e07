/**
 * The venture models' forms (priced round, exit waterfall), rendered from their description in
 * ventureForm.ts: fields in sections, and tables edited row by row (a grid for few columns, a card
 * per row for many), with add/remove, paste from the Excel selection and paste of tab-separated
 * rows. The component holds no model logic: it shows texts, reports edits and shows the messages
 * it is given.
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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ClipboardPasteRegular, DeleteRegular, TableRegular } from "@fluentui/react-icons";
import type { Lang, Messages } from "./i18n";
import type { VentureText } from "./ventureI18n";
import { ChoiceField, TextField } from "./fields";
import { numberToText, parseNumber } from "./form";
import {
  VENTURE_FORMS,
  newGridRow,
  pasteProblemText,
  rowsFromGrid,
  rowsFromTsv,
  spreadExitValues,
  type CellSpec,
  type GridRow,
  type PastedRows,
  type TableSpec,
  type VentureErrors,
  type VentureForm as FormState,
  type VentureKind,
} from "./ventureForm";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  list: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  grid: {
    display: "grid",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  head: { color: tokens.colorNeutralForeground3 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cardHead: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  cardFields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  cell: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  number: { textAlign: "right" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The sections of each form: fields, or one table. */
type Section = { readonly title: string; readonly fields: readonly string[] } | { readonly title: string; readonly table: string };

function sectionsOf(kind: VentureKind, vt: VentureText): readonly Section[] {
  if (kind === "pricedRound")
    return [
      { title: vt.section_company, fields: ["company", "currency", "unit"] },
      { title: vt.section_round, fields: ["preMoney", "poolMode", "poolTarget", "poolIncrease", "optionPool", "rounding"] },
      { title: vt.section_capTable, table: "capTable" },
      { title: vt.section_investors, table: "investors" },
      { title: vt.section_instruments, table: "instruments" },
    ];
  return [
    { title: vt.section_company, fields: ["company", "currency", "unit"] },
    { title: vt.section_exit, fields: ["exitValue", "netDebt", "transactionCosts", "otherClaims", "exitValues"] },
    { title: vt.section_classes, table: "classes" },
    { title: vt.section_holdings, table: "holdings" },
  ];
}

/** Where a choice's options come from: the spec's list, or the names typed in another table (the pool row, a holding's class). */
const OPTIONS_FROM: Readonly<Record<string, { table: string; column: string }>> = {
  optionPool: { table: "capTable", column: "holder" },
  "holdings.className": { table: "classes", column: "name" },
};

export interface VentureFormProps {
  readonly form: FormState;
  /** A new form, and the field or table that was edited (for "touched"). */
  readonly onChange: (form: FormState, touched: string) => void;
  /** The messages to show now (the caller decides which are shown: touched fields, or all after a Build). */
  readonly errors: VentureErrors;
  readonly lang: Lang;
  readonly t: Messages;
  readonly vt: VentureText;
  /** A "to fill" note of the template the form was started from, for a field or table. */
  readonly hint: (key: string, base?: string) => string | undefined;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly onStatus: (status: { intent: "success" | "warning" | "error"; text: string; details?: string[] }) => void;
}

export function VentureFormView(props: VentureFormProps): React.ReactElement {
  const { form, onChange, errors, t, vt, hint } = props;
  const s = useStyles();
  const spec = VENTURE_FORMS[form.kind];
  const money = form.fields.currency?.trim().toUpperCase() || undefined;
  const unit = form.fields.unit;
  const moneySuffix = money === undefined ? undefined : unit === "thousands" ? `${money} k` : unit === "millions" ? `${money} m` : money;
  const suffixOf = (c: CellSpec) => (c.suffix === "money" ? moneySuffix : c.suffix);

  const namesIn = (table: string, column: string): string[] => {
    const names = (form.tables[table] ?? []).map((r) => (r.cells[column] ?? "").trim()).filter((n) => n !== "");
    return [...new Set(names)];
  };
  const optionsOf = (key: string, c: CellSpec, current: string): { value: string; label: string }[] => {
    const from = OPTIONS_FROM[key];
    if (from !== undefined) {
      const names = namesIn(from.table, from.column);
      if (!names.includes(current)) names.unshift(current);
      return names.map((n) => ({ value: n, label: n === "" ? "—" : n }));
    }
    return (c.options ?? []).map((o) => ({
      value: o,
      label:
        key === "unit"
          ? t[`unit_${o}` as "unit_units"]
          : key === "rounding"
            ? t[`rounding_${o}` as "rounding_DOWN"]
            : (vt.options[`${key.split(".").pop()}.${o}`] ?? o),
    }));
  };

  const setField = (key: string, value: string) => onChange({ ...form, fields: { ...form.fields, [key]: value } }, key);
  // The headline exit value, when it reads as a positive number: the base of "Spread around the exit value".
  const exitRead = form.kind === "exitWaterfall" ? parseNumber(form.fields.exitValue ?? "", props.lang) : undefined;
  const spreadFrom = exitRead?.ok === true && exitRead.value > 0 ? exitRead.value : undefined;

  const renderField = (key: string) => {
    const c = spec.fields.find((f) => f.key === key);
    if (c === undefined || (c.when !== undefined && !c.when(form.fields))) return null;
    const label = vt.labels[key] ?? key;
    const value = form.fields[key] ?? "";
    if (c.kind === "choice" || OPTIONS_FROM[key] !== undefined)
      return (
        <ChoiceField
          key={key}
          name={key}
          label={label}
          value={value}
          options={optionsOf(key, c, value)}
          onChange={(v) => setField(key, v)}
          error={errors[key]}
          hint={hint(key, vt.hints[key])}
        />
      );
    if (c.kind === "list")
      return (
        <Field
          key={key}
          className={s.wide}
          label={label}
          required={c.required}
          hint={hint(key, vt.hints[key])}
          validationState={errors[key] !== undefined ? "error" : "none"}
          validationMessage={errors[key] !== undefined ? ({ children: errors[key], "data-testid": `error-${key}` } as never) : undefined}
        >
          <div className={s.list}>
            <Textarea
              name={key}
              data-testid={`field-${key}`}
              value={value}
              rows={4}
              resize="vertical"
              spellCheck={false}
              onChange={(_, d) => setField(key, d.value)}
            />
            {key === "exitValues" && (
              <Button
                size="small"
                appearance="secondary"
                data-testid="spread-exitValues"
                disabled={spreadFrom === undefined}
                onClick={() =>
                  spreadFrom !== undefined &&
                  setField(
                    key,
                    spreadExitValues(spreadFrom)
                      .map((v) => numberToText(v, props.lang))
                      .join("\n"),
                  )
                }
              >
                {vt.spreadExitValues}
              </Button>
            )}
          </div>
        </Field>
      );
    return (
      <TextField
        key={key}
        name={key}
        label={label}
        value={value}
        onChange={(v) => setField(key, v)}
        error={errors[key]}
        hint={hint(key, vt.hints[key])}
        required={c.required}
        suffix={suffixOf(c)}
        numeric={c.kind === "number" || c.kind === "percent"}
        maxLength={c.maxLength}
      />
    );
  };

  return (
    <>
      {sectionsOf(form.kind, vt).map((section, i) => (
        <section
          key={i}
          className={s.section}
          aria-labelledby={`vsec-${i}`}
          data-testid={"table" in section ? `section-${section.table}` : undefined}
        >
          <Subtitle2 as="h2" id={`vsec-${i}`}>
            {section.title}
          </Subtitle2>
          {"fields" in section ? (
            <div className={s.fields}>{section.fields.map(renderField)}</div>
          ) : (
            <>
              {hint(section.table) !== undefined && <Caption1>{hint(section.table)}</Caption1>}
              <TableEditor
                table={spec.tables.find((tb) => tb.name === section.table) as TableSpec}
                title={section.title}
                rows={form.tables[section.table] ?? []}
                onRows={(next) => onChange({ ...form, tables: { ...form.tables, [section.table]: next } }, section.table)}
                errors={errors}
                lang={props.lang}
                t={t}
                vt={vt}
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

export interface TableEditorProps {
  readonly table: TableSpec;
  readonly title: string;
  readonly rows: readonly GridRow[];
  readonly onRows: (rows: GridRow[]) => void;
  /** Messages by cell ("<table>.<row>.<column>") and for the table as a whole ("<table>"). */
  readonly errors: VentureErrors;
  readonly lang: Lang;
  readonly t: Messages;
  readonly vt: VentureText;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly onStatus: VentureFormProps["onStatus"];
  /** The unit shown after a column's values (the form's currency for "money"); none by default. */
  readonly suffixOf?: (c: CellSpec) => string | undefined;
  /** A choice column's options (a column may take them from another table); the spec's by default. */
  readonly optionsOf?: (key: string, c: CellSpec, current: string) => { value: string; label: string }[];
  /** What a paste says it did ("2 holders pasted."); "2 rows pasted." by default. */
  readonly pasteDone?: (n: number) => string;
  /** What "Paste from selection" expects to find selected. */
  readonly pasteSelectionHint?: string;
}

/** A table of the form edited row by row: a grid, or a card per row; add, remove, paste rows or the Excel selection. */
export function TableEditor({
  table,
  title,
  rows,
  onRows,
  errors,
  lang,
  t,
  vt,
  readSelection,
  onStatus,
  suffixOf = (c) => (c.suffix === "money" ? undefined : c.suffix),
  optionsOf = (_, c) => (c.options ?? []).map((o) => ({ value: o, label: o })),
  pasteDone = vt.pasteDone,
  pasteSelectionHint,
}: TableEditorProps): React.ReactElement {
  const s = useStyles();
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
      onStatus({ intent: "error", text: vt.pasteRejected(lines), details: pasted.problems.map((p) => pasteProblemText(table, p, lang)) });
      return;
    }
    if (pasted.rows.length === 0) {
      onStatus({ intent: "warning", text: vt.pasteNothing });
      return;
    }
    setRows(pasted.rows);
    const header = pasted.headerLine === undefined ? [] : [vt.pasteHeaderSkipped(pasted.headerLine)];
    onStatus({ intent: "success", text: pasteDone(pasted.rows.length), details: header.length > 0 ? header : undefined });
  };
  const fromSelection = async () => {
    if (readSelection === undefined) return;
    setReading(true);
    try {
      apply(rowsFromGrid(table, await readSelection(), lang));
    } catch (error) {
      onStatus({ intent: "error", text: vt.pasteFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setReading(false);
    }
  };

  const columnLabel = (c: CellSpec) => vt.labels[`${table.name}.${c.key}`] ?? c.key;

  const control = (row: GridRow, i: number, c: CellSpec, withLabel: boolean) => {
    const key = `${table.name}.${i}.${c.key}`;
    const error = errors[key];
    const value = row.cells[c.key] ?? "";
    const label = columnLabel(c);
    const testId = `cell-${table.name}-${i}-${c.key}`;
    const aria = vt.cell(label, i + 1);
    const optionsKey = `${table.name}.${c.key}`;
    let inner: React.ReactElement;
    if (c.kind === "flag")
      inner = (
        <Checkbox
          checked={value === "true"}
          aria-label={aria}
          data-testid={testId}
          onChange={(_, d) => setCell(i, c.key, d.checked === true ? "true" : "false")}
        />
      );
    else if (c.kind === "choice" || OPTIONS_FROM[optionsKey] !== undefined)
      inner = (
        <Select className={s.control} aria-label={aria} data-testid={testId} value={value} onChange={(_, d) => setCell(i, c.key, d.value)}>
          {optionsOf(optionsKey, c, value).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      );
    else {
      const numeric = c.kind === "number" || c.kind === "percent";
      const suffix = suffixOf(c);
      inner = (
        <Input
          className={s.control}
          aria-label={aria}
          data-testid={testId}
          value={value}
          type={c.kind === "date" ? "date" : "text"}
          maxLength={c.maxLength}
          inputMode={numeric ? "decimal" : undefined}
          autoComplete="off"
          input={numeric ? { className: s.number } : undefined}
          contentAfter={suffix !== undefined && withLabel ? <span aria-hidden="true">{suffix}</span> : undefined}
          onChange={(_, d) => setCell(i, c.key, d.value)}
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
    }
    return (
      <Field
        key={c.key}
        className={s.cell}
        label={withLabel ? label : undefined}
        hint={withLabel ? vt.hints[`${table.name}.${c.key}`] : undefined}
        validationState={error !== undefined ? "error" : "none"}
        validationMessage={error !== undefined ? ({ children: error, "data-testid": `error-${key}` } as never) : undefined}
      >
        {inner}
      </Field>
    );
  };

  const removeButton = (i: number) => (
    <Tooltip content={vt.remove(i + 1)} relationship="label">
      <Button appearance="subtle" icon={<DeleteRegular />} data-testid={`remove-${table.name}-${i}`} onClick={() => remove(i)} />
    </Tooltip>
  );

  const tableError = errors[table.name];
  const rowTitle = table.name === "instruments" ? vt.rowTitle_instruments : vt.rowTitle_classes;
  return (
    <div role="group" aria-label={title} data-testid={`table-${table.name}`}>
      {table.layout === "grid" ? (
        <div className={s.grid} style={{ gridTemplateColumns: `${table.columns.map(() => "minmax(0, 1fr)").join(" ")} 32px` }}>
          {table.columns.map((c) => (
            <Caption1 key={c.key} className={s.head} aria-hidden="true">
              {columnLabel(c)}
              {suffixOf(c) !== undefined ? ` (${suffixOf(c)})` : ""}
            </Caption1>
          ))}
          <span />
          {rows.map((row, i) => (
            <React.Fragment key={row.key}>
              {table.columns.map((c) => control(row, i, c, false))}
              {removeButton(i)}
            </React.Fragment>
          ))}
        </div>
      ) : (
        <div className={s.grid}>
          {rows.length === 0 && table.name === "instruments" && <Caption1>{vt.instrumentsEmpty}</Caption1>}
          {rows.map((row, i) => (
            <div key={row.key} className={s.card} data-testid={`row-${table.name}-${i}`}>
              <div className={s.cardHead}>
                <Caption1>{rowTitle(i + 1)}</Caption1>
                {removeButton(i)}
              </div>
              <div className={s.cardFields}>
                {table.columns.filter((c) => c.when === undefined || c.when(row.cells)).map((c) => control(row, i, c, true))}
              </div>
            </div>
          ))}
        </div>
      )}
      {tableError !== undefined && (
        <Caption1 className={s.error} role="alert" data-testid={`error-${table.name}`}>
          {tableError}
        </Caption1>
      )}
      <div className={s.actions}>
        <Button icon={<AddRegular />} onClick={add} disabled={rows.length >= table.max} data-testid={`add-${table.name}`}>
          {vt[`add_${table.name}` as "add_capTable"] ?? "+"}
        </Button>
        {readSelection !== undefined && (
          <Tooltip content={pasteSelectionHint ?? vt.pasteRowsLabel(table.columns.map(columnLabel).join(", "))} relationship="description">
            <Button icon={<TableRegular />} onClick={() => void fromSelection()} disabled={reading} data-testid={`paste-selection-${table.name}`}>
              {vt.pasteSelection}
            </Button>
          </Tooltip>
        )}
        <Button icon={<ClipboardPasteRegular />} onClick={() => setPasteOpen(true)} data-testid={`paste-open-${table.name}`}>
          {vt.pasteRows}
        </Button>
      </div>
      <Dialog open={pasteOpen} onOpenChange={(_, d) => setPasteOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {vt.pasteRows} · {title}
            </DialogTitle>
            <DialogContent>
              <Field label={vt.pasteRowsLabel(table.columns.map(columnLabel).join(", "))}>
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
                {vt.pasteApply}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
