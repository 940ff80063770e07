/**
 * The model sheet as the workspace (issue 11): reads the inputs back from the model's sheet when a
 * model is opened and on "Read from sheet", shows what differs from the model in the taskpane
 * (field, model value, sheet value) and lets the user choose: use the sheet's values (they go into
 * the form, validated by the model's schema; Rebuild then writes them) or keep the model's.
 * The sheet read is the model's own sheet only, found by its marker (src/workbook/office/marker.ts).
 * What the read does not cover is said, not ignored: the form's fields no input of the sheet holds
 * (sheetFields.ts), and, for a table whose rows carry fields the sheet does not show, whether rows
 * were matched to the model's by name or by position (sheetInputs.ts), and the workbook's date system
 * when it decided how dates were read (a 1904 workbook, or one whose system Excel did not tell:
 * dateSystem.ts). A value the model's schema
 * refuses is listed with its rule, in the UI language, and the cell it was read from.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { buildModel, checkStoredModel, type ModelInputs } from "../model/build";
import { cellOfPath, inputsFromSheet, type InputDifference, type RowMatching, type SheetInputs } from "../workbook/sheetInputs";
import { formKeyLabels, formKeysNotRead } from "./sheetFields";
import type { ModelHost } from "./host";
import { MESSAGES, engineMessage, labelOf, type Lang, type Messages } from "./i18n";
import { keyForPath, storedInputErrors } from "./forms";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { padding: `0 ${tokens.spacingHorizontalXS}`, textAlign: "left", verticalAlign: "top", overflowWrap: "anywhere" },
});

/** What reading the sheet found. */
export type SheetComparison =
  | { readonly kind: "notFound" }
  /** The model's sheet declares no input cells (the exit waterfall, for now): nothing to read. */
  | { readonly kind: "unsupported" }
  | ({ readonly kind: "same"; readonly sheetName: string } & ReadScope)
  | ({
      readonly kind: "differs";
      readonly sheetName: string;
      readonly differences: readonly InputDifference[];
      readonly input: ModelInputs;
    } & ReadScope)
  | ({
      readonly kind: "invalid";
      readonly sheetName: string;
      readonly differences: readonly InputDifference[];
      readonly errors: readonly string[];
    } & ReadScope);

/** What a read covered: the form's fields it cannot read (sheetFields.ts), and how table rows were matched to the model's (sheetInputs.ts). */
export interface ReadScope {
  /** Form keys shown in the form that no input of the sheet holds ("company", "instruments.capBasis"). */
  readonly notRead: readonly string[];
  /** The tables with keys the sheet does not show: rows matched by their key column or by position. */
  readonly matched: readonly RowMatching[];
  /** The date system the sheet's dates were read in (the workbook's, sheetInputs.ts), and how many date cells held a day number. */
  readonly dates?: SheetInputs["dates"];
  /** Both in a sentence in the UI language, or undefined when there is nothing to say. */
  readonly note?: string;
}

/** The sentence saying what a read did not cover and how rows were matched (EN and FR, from i18n.ts). */
export function readScopeNote(
  kind: ModelInputs["kind"],
  notRead: readonly string[],
  matched: readonly RowMatching[],
  lang: Lang,
  dates?: SheetInputs["dates"],
): string | undefined {
  const t = MESSAGES[lang];
  const parts: string[] = [];
  // The date system shown when it decided something: a 1904 workbook's day numbers read as its dates, or not read at all.
  if (dates !== undefined && dates.fromDayNumbers > 0 && dates.system !== "1900")
    parts.push(dates.system === "1904" ? t.sheetDates1904 : t.sheetDatesUnknown);
  if (notRead.length > 0) parts.push(t.sheetNotRead(formKeyLabels(kind, notRead, lang).join(", ")));
  for (const m of matched) {
    const table = keyForPath(kind, m.field.split("."));
    const [label] = formKeyLabels(kind, [table], lang);
    parts.push(m.by === "key" ? t.sheetMatchedByKey(label, labelOf(t, kind, `${table}.${m.key}`)) : t.sheetMatchedByPosition(label));
  }
  return parts.length === 0 ? undefined : parts.join(" ");
}

/** Reads the model's inputs from its sheet and compares them with `input` (the model in the taskpane). */
export async function compareWithSheet(host: ModelHost, id: string, input: ModelInputs, lang: Lang = "en"): Promise<SheetComparison> {
  if (host.readSheetInputs === undefined) return { kind: "notFound" };
  const built = buildModel(input);
  const specs = built.sheet.inputs ?? [];
  if (specs.length === 0) return { kind: "unsupported" };
  const read = await host.readSheetInputs(id, specs);
  if (read === undefined) return { kind: "notFound" };
  const { inputs, differences, itemRows, matched, dates } = inputsFromSheet(
    built.input as unknown as Record<string, unknown>,
    specs,
    read.values,
    read.dateSystem,
  );
  const notRead = formKeysNotRead(built.input, specs);
  const note = readScopeNote(built.kind, notRead, matched, lang, dates);
  const scope: ReadScope = { notRead, matched, dates, ...(note === undefined ? {} : { note }) };
  if (differences.length === 0) return { kind: "same", sheetName: read.sheetName, ...scope };
  const checked = checkStoredModel({ kind: built.kind, schemaVersion: built.schemaVersion, inputs });
  return checked.ok
    ? { kind: "differs", sheetName: read.sheetName, differences, input: checked.input, ...scope }
    : {
        ...scope,
        kind: "invalid",
        sheetName: read.sheetName,
        differences,
        // Each rule worded from its id, with the cell it is about ("B21 (loansDate): …") when the value was read from one.
        errors:
          checked.reason === "invalid"
            ? checked.issues.map((issue) => {
                const text = storedInputErrors([issue], lang)[0];
                const cell = cellOfPath(specs, itemRows, issue.path);
                return cell === undefined ? text : `${cell} (${text.replace(/: /, "): ")}`;
              })
            : [],
      };
}

const shown = (v: unknown, none: string): string => (v === undefined || v === null ? none : typeof v === "object" ? JSON.stringify(v) : String(v));

interface Props {
  readonly host: ModelHost;
  readonly lang: Lang;
  readonly t: Messages;
  /** The model being edited (its id finds its sheet). */
  readonly id: string;
  /** The model in the taskpane, when the form is valid. */
  readonly input: ModelInputs | undefined;
  /** Puts the sheet's values into the form. */
  readonly onUse: (input: ModelInputs, sheetName: string) => void;
}

/** "Read from sheet", run once when the model is opened (mount this with `key={id}`). */
export function SheetSync({ host, lang, t, id, input, onUse }: Props): React.ReactElement | null {
  const s = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [found, setFound] = React.useState<SheetComparison | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const latest = React.useRef(input);
  latest.current = input;

  const read = React.useCallback(async () => {
    const current = latest.current;
    if (current === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      setFound(await compareWithSheet(host, id, current, lang));
    } catch (e) {
      setFound(undefined);
      setError(t.sheetReadFailed(engineMessage(e, lang)));
    } finally {
      setBusy(false);
    }
  }, [host, id, t]);

  // Opening a model reads its sheet back once.
  React.useEffect(() => {
    void read();
  }, [read]);

  if (host.readSheetInputs === undefined || found?.kind === "unsupported") return null;
  const table = (differences: readonly InputDifference[]) => (
    <table className={s.table} data-testid="sheet-differences">
      <thead>
        <tr>
          <th className={s.cell}>{t.sheetField}</th>
          <th className={s.cell}>{t.sheetModelValue}</th>
          <th className={s.cell}>{t.sheetSheetValue}</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d) => (
          <tr key={d.path}>
            <td className={s.cell}>{d.path}</td>
            <td className={s.cell}>{shown(d.stored, t.sheetNone)}</td>
            <td className={s.cell}>{shown(d.sheet, t.sheetNone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className={s.root} data-testid="sheet-sync">
      <div>
        <Button icon={<ArrowSyncRegular />} onClick={() => void read()} disabled={busy || input === undefined} data-testid="sheet-read">
          {busy ? t.sheetReading : t.sheetRead}
        </Button>
      </div>
      {error !== undefined && (
        <MessageBar intent="error" data-testid="sheet-status">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {found !== undefined && "note" in found && found.note !== undefined && (
        <MessageBar intent="info" layout="multiline" data-testid="sheet-scope">
          <MessageBarBody>{found.note}</MessageBarBody>
        </MessageBar>
      )}
      {found?.kind === "notFound" && (
        <MessageBar intent="info" data-testid="sheet-status">
          <MessageBarBody>{t.sheetNotFound}</MessageBarBody>
        </MessageBar>
      )}
      {found?.kind === "same" && (
        <MessageBar intent="success" data-testid="sheet-status">
          <MessageBarBody>
            {t.sheetSame(found.sheetName)} {t.sheetRowsNote}
          </MessageBarBody>
        </MessageBar>
      )}
      {found?.kind === "differs" && (
        <MessageBar intent="warning" layout="multiline" data-testid="sheet-status">
          <MessageBarBody>
            <MessageBarTitle>{t.sheetDiffers(found.sheetName, found.differences.length)}</MessageBarTitle>
            {table(found.differences)}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              data-testid="sheet-use"
              onClick={() => {
                onUse(found.input, found.sheetName);
                setFound(undefined);
              }}
            >
              {t.sheetUse}
            </Button>
            <Button data-testid="sheet-keep" onClick={() => setFound(undefined)}>
              {t.sheetKeep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {found?.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline" data-testid="sheet-status">
          <MessageBarBody>
            <MessageBarTitle>{t.sheetInvalid(found.sheetName)}</MessageBarTitle>
            <ul>
              {found.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
            {table(found.differences)}
          </MessageBarBody>
          <MessageBarActions>
            <Button data-testid="sheet-keep" onClick={() => setFound(undefined)}>
              {t.sheetKeep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
