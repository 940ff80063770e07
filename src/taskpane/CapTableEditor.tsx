/**
 * The cap table before the deal: editable rows (holder, shares), add and remove rows, paste from
 * the Excel selection (Office.js, through the host) or paste tab-separated text (a dialog, or
 * straight into a holder box: multi-line text fills the rows from there).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ClipboardPasteRegular, DeleteRegular, TableRegular } from "@fluentui/react-icons";
import { type FieldErrors, type HolderRow, type PastedTable, holderRow, parseHolderTsv } from "./form";
import type { Lang, Messages } from "./i18n";
import { LIMITS } from "../model/stakeSaleInput";

const useStyles = makeStyles({
  table: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr) 32px",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  head: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  shares: { textAlign: "right" },
  // Grid cells: let the boxes shrink with the taskpane instead of overflowing onto the next column.
  cell: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
});

interface Props {
  readonly rows: readonly HolderRow[];
  readonly onChange: (rows: HolderRow[]) => void;
  readonly errors: FieldErrors;
  readonly lang: Lang;
  readonly t: Messages;
  /** Reads the Excel selection; absent in the preview. */
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly onPasted: (pasted: PastedTable | { error: string }) => void;
  readonly parseGrid: (grid: unknown[][]) => PastedTable;
}

export function CapTableEditor({ rows, onChange, errors, lang, t, readSelection, onPasted, parseGrid }: Props): React.ReactElement {
  const s = useStyles();
  const [pasteOpen, setPasteOpen] = React.useState(false);
  const [pasteText, setPasteText] = React.useState("");
  const [reading, setReading] = React.useState(false);

  const set = (i: number, patch: Partial<HolderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => onChange(rows.length === 1 ? [holderRow()] : rows.filter((_, j) => j !== i));
  const add = () => onChange([...rows, holderRow()]);

  const apply = (pasted: PastedTable, from = 0) => {
    onPasted(pasted);
    if (pasted.rows.length === 0) return;
    const head = rows.slice(0, from).filter((r) => r.holder.trim() !== "" || r.shares.trim() !== "");
    onChange([...head, ...pasted.rows.map((r) => holderRow(r.holder, r.shares))].slice(0, LIMITS.maxHolders));
  };

  const fromSelection = async () => {
    if (readSelection === undefined) return;
    setReading(true);
    try {
      apply(parseGrid(await readSelection()));
    } catch (error) {
      onPasted({ error: t.pasteFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setReading(false);
    }
  };

  const capError = errors.capTable;
  return (
    <div role="group" aria-label={t.sectionCapTable} data-testid="cap-table">
      <div className={s.table}>
        <Caption1 className={s.head} aria-hidden="true">
          {t.holder}
        </Caption1>
        <Caption1 className={s.head} aria-hidden="true">
          {t.shares}
        </Caption1>
        <span />
        {rows.map((row, i) => {
          const holderError = errors[`capTable.${i}.holder`];
          const sharesError = errors[`capTable.${i}.shares`];
          return (
            <React.Fragment key={row.key}>
              <Field
                className={s.cell}
                validationState={holderError ? "error" : "none"}
                validationMessage={holderError ? ({ children: holderError, "data-testid": `error-capTable.${i}.holder` } as never) : undefined}
              >
                <Input
                  className={s.control}
                  aria-label={t.holderRow(i + 1)}
                  data-testid={`holder-${i}`}
                  value={row.holder}
                  maxLength={LIMITS.maxText}
                  autoComplete="off"
                  onChange={(_, d) => set(i, { holder: d.value })}
                  onPaste={(e) => {
                    const text = e.clipboardData.getData("text/plain");
                    if (!/[\t\n]/.test(text.trim())) return;
                    e.preventDefault();
                    apply(parseHolderTsv(text, lang), i);
                  }}
                />
              </Field>
              <Field
                className={s.cell}
                validationState={sharesError ? "error" : "none"}
                validationMessage={sharesError ? ({ children: sharesError, "data-testid": `error-capTable.${i}.shares` } as never) : undefined}
              >
                <Input
                  className={s.control}
                  aria-label={t.sharesRow(i + 1)}
                  data-testid={`shares-${i}`}
                  value={row.shares}
                  inputMode="decimal"
                  autoComplete="off"
                  input={{ className: s.shares }}
                  onChange={(_, d) => set(i, { shares: d.value })}
                />
              </Field>
              <Tooltip content={t.removeHolder(i + 1)} relationship="label">
                <Button appearance="subtle" icon={<DeleteRegular />} data-testid={`remove-${i}`} onClick={() => remove(i)} />
              </Tooltip>
            </React.Fragment>
          );
        })}
      </div>
      {capError !== undefined && (
        <Caption1 className={s.error} role="alert" data-testid="error-capTable">
          {capError}
        </Caption1>
      )}
      <div className={s.actions}>
        <Button icon={<AddRegular />} onClick={add} disabled={rows.length >= LIMITS.maxHolders} data-testid="add-holder">
          {t.addHolder}
        </Button>
        {readSelection !== undefined && (
          <Tooltip content={t.pasteSelectionHint} relationship="description">
            <Button icon={<TableRegular />} onClick={() => void fromSelection()} disabled={reading} data-testid="paste-selection">
              {t.pasteSelection}
            </Button>
          </Tooltip>
        )}
        <Button icon={<ClipboardPasteRegular />} onClick={() => setPasteOpen(true)} data-testid="paste-open">
          {t.pasteText}
        </Button>
      </div>
      <Dialog open={pasteOpen} onOpenChange={(_, d) => setPasteOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.pasteText}</DialogTitle>
            <DialogContent>
              <Field label={t.pasteTextLabel}>
                <Textarea
                  data-testid="paste-text"
                  value={pasteText}
                  resize="vertical"
                  rows={8}
                  placeholder={"Iliad\t500000\nInfraVia\t500000"}
                  onChange={(_, d) => setPasteText(d.value)}
                  onKeyDown={(e) => {
                    // Ctrl+Enter applies, as in other Office dialogs with a text box.
                    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      apply(parseHolderTsv(pasteText, lang));
                      setPasteOpen(false);
                    }
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPasteOpen(false)}>
                {t.pasteCancel}
              </Button>
              <Button
                appearance="primary"
                data-testid="paste-apply"
                onClick={() => {
                  apply(parseHolderTsv(pasteText, lang));
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
