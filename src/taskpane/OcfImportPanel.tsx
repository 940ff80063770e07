/**
 * Open Cap Format import in the taskpane (issue 17): pick a `.ocf.zip`, see the report (read,
 * read without effect, skipped with the reason, md5 warnings), then fill either the cap-table history
 * model (the default: classes, plans and dated events, with what the model cannot hold listed) or
 * the priced round with the cap table as of a date; each choice is stated in a sentence. The logic is in ocfImport.ts; a failed import shows its error and
 * changes nothing (no partial model).
 *
 * ocfImport.ts (the OCF reader, the history replay, JSZip: about 145 KB minified) is loaded when a
 * package is picked, as its own chunk (webpack's dynamic import, same origin, so the page's CSP
 * `script-src 'self'` allows it): the taskpane's first load does not carry it.
 */
import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  Radio,
  RadioGroup,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular, TableRegular } from "@fluentui/react-icons";
import type { OcfImport } from "../ocf/read";
import type { OcfRuleRef } from "../ocf/ocfRules";
import { type Lang, type Messages, engineMessage } from "./i18n";
import type * as OcfImportModule from "./ocfImport";
import type { ModelSession } from "./useModelSession";
import { useFormStyles } from "./styles";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The largest package file read: OCF_READ_LIMITS.maxTotalBytes (a test keeps them equal; not imported, to keep the reader out of the first load). */
export const MAX_OCF_ZIP_BYTES = 200 * 1024 * 1024;

const loadOcfImport = (): Promise<typeof OcfImportModule> => import(/* webpackChunkName: "ocf-import" */ "./ocfImport");

type Outcome =
  | { readonly ok: true; readonly file: string; readonly imported: OcfImport; readonly inconsistent?: OcfRuleRef<"historyInvalid"> }
  | { readonly ok: false; readonly file: string; readonly error: unknown };

function Lines({
  title,
  lines,
  testId,
}: {
  readonly title: string;
  readonly lines: readonly string[];
  readonly testId: string;
}): React.ReactElement | null {
  const s = useStyles();
  if (lines.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Body1Strong>{title}</Body1Strong>
      <ul className={s.list}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

export function OcfImportPanel({
  session,
  t,
  lang,
}: {
  readonly session: ModelSession;
  readonly t: Messages;
  readonly lang: Lang;
}): React.ReactElement {
  const s = useStyles();
  const f = useFormStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [requireMd5, setRequireMd5] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const [asOf, setAsOf] = React.useState("");
  const [buildError, setBuildError] = React.useState<string | undefined>();
  const [ocf, setOcf] = React.useState<typeof OcfImportModule | undefined>();
  const [target, setTarget] = React.useState<"history" | "round">("history");

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    setBuildError(undefined);
    if (file.size > MAX_OCF_ZIP_BYTES) {
      setOutcome({ ok: false, file: file.name, error: t.ocf.tooBig(MAX_OCF_ZIP_BYTES) });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const module = ocf ?? (await loadOcfImport());
      setOcf(() => module);
      const { imported, inconsistent } = await module.readOcfZip(new Uint8Array(await file.arrayBuffer()), requireMd5);
      setOutcome({ ok: true, file: file.name, imported, inconsistent });
      setAsOf(imported.report.asOf);
    } catch (error) {
      setOutcome({ ok: false, file: file.name, error });
    } finally {
      setBusy(false);
    }
  };

  const view = outcome?.ok === true && ocf !== undefined ? ocf.reportView(outcome.imported.report, t, lang) : undefined;

  const fill = () => {
    if (outcome?.ok !== true || ocf === undefined) return;
    try {
      setBuildError(undefined);
      if (target === "history") {
        const { form, notes, skipped } = ocf.historyFromOcf(outcome.imported, asOf, lang, t);
        const details = [...notes, ...(skipped.length > 0 ? [t.ocf.modelSkipped(skipped.length), ...skipped] : [])];
        session.loadForm(form, {
          intent: skipped.length > 0 ? "warning" : "info",
          text: t.ocf.loadedHistory(outcome.imported.report.issuer, asOf),
          details,
        });
        return;
      }
      const { form, notes } = ocf.pricedRoundFromOcf(outcome.imported, asOf, lang, t);
      session.loadForm(form, { intent: "info", text: t.ocf.loaded(outcome.imported.report.issuer, asOf), details: notes });
    } catch (error) {
      setBuildError(t.ocf.buildFailed(engineMessage(error, lang)));
    }
  };

  return (
    <section className={f.section} aria-labelledby="ocf-title" data-testid="ocf">
      <Subtitle2 as="h2" id="ocf-title">
        {t.ocf.title}
      </Subtitle2>
      <Caption1>{t.ocf.intro}</Caption1>
      <Checkbox checked={requireMd5} onChange={(_, d) => setRequireMd5(d.checked === true)} label={t.ocf.requireMd5} data-testid="ocf-require-md5" />
      <div className={s.actions}>
        <Button icon={<ArrowUploadRegular />} onClick={() => fileInput.current?.click()} disabled={busy} data-testid="ocf-import">
          {t.ocf.pick}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-label={t.ocf.fileLabel}
          data-testid="ocf-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            void onFile(file);
          }}
        />
        {busy && <Spinner size="tiny" label={t.ocf.reading} />}
      </div>

      {outcome?.ok === false && (
        <MessageBar intent="error" role="alert" data-testid="ocf-error">
          <MessageBarBody>
            <MessageBarTitle>{t.ocf.failed(outcome.file)}</MessageBarTitle>
            {ocf !== undefined ? ocf.ocfErrorMessage(outcome.error, lang) : engineMessage(outcome.error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}

      {view !== undefined && (
        <div className={s.report} data-testid="ocf-report">
          <Body1Strong data-testid="ocf-summary">{view.summary}</Body1Strong>
          <Caption1 data-testid="ocf-counts">{view.counts}</Caption1>
          <Lines title={t.ocf.appliedTitle} lines={view.applied.map((a) => `${a.type}: ${a.count}`)} testId="ocf-applied" />
          <Lines title={t.ocf.skippedTitle} lines={view.skipped} testId="ocf-skipped" />
          <Lines title={t.ocf.noEffectTitle} lines={view.noEffect} testId="ocf-no-effect" />
          {view.md5.length > 0 && (
            <MessageBar intent="warning" data-testid="ocf-md5">
              <MessageBarBody>
                <MessageBarTitle>{t.ocf.warningsTitle}</MessageBarTitle>
                <ul className={s.list}>
                  {view.md5.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Lines title={t.ocf.warningsTitle} lines={view.other} testId="ocf-warnings" />
          {outcome?.ok === true && outcome.inconsistent !== undefined ? (
            <MessageBar intent="error" role="alert" data-testid="ocf-inconsistent">
              <MessageBarBody>
                <MessageBarTitle>{t.ocf.inconsistent}</MessageBarTitle>
                {ocf?.ocfRuleMessage(outcome.inconsistent, lang)}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Field label={t.ocf.targetChoice}>
                <RadioGroup value={target} onChange={(_, d) => setTarget(d.value === "round" ? "round" : "history")} data-testid="ocf-target">
                  <Radio value="history" label={t.ocf.targetHistoryLabel} data-testid="ocf-target-history" />
                  <Radio value="round" label={t.ocf.targetRoundLabel} data-testid="ocf-target-round" />
                </RadioGroup>
              </Field>
              <Caption1 data-testid="ocf-target-sentence">{target === "history" ? t.ocf.targetHistory : t.ocf.target}</Caption1>
              <div className={s.actions}>
                <Field label={t.ocf.asOf} validationMessage={buildError} validationState={buildError !== undefined ? "error" : "none"}>
                  <Input value={asOf} onChange={(_, d) => setAsOf(d.value)} placeholder="YYYY-MM-DD" data-testid="ocf-as-of" />
                </Field>
                <Button appearance="primary" icon={<TableRegular />} onClick={fill} data-testid="ocf-fill">
                  {target === "history" ? t.ocf.buildHistory : t.ocf.build}
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
