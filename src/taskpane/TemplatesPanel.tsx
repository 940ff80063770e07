/**
 * Templates (issue 4) in the taskpane: a gallery of the built-in templates ("Start from a
 * template"), "Save as template" (the current inputs as a template file, shown as text with Copy
 * as the main action, and a Download where the platform can download: not in Excel for Mac, see
 * templateExport.ts; the dialog stays open and the status says only what happened) and
 * "Import template" (a file picker; the
 * file is read by the templates module, which checks size, nesting, keys, version and schema, and
 * every error is listed).
 */
import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUploadRegular, CopyRegular } from "@fluentui/react-icons";
import { builtInTemplates, parseTemplateJson, templateFromInput, templateToJson, TemplateError, type Template } from "../templates";
import type { ModelInputs } from "../model/build";
import type { Messages } from "./i18n";
import { browserClipboard, canDownload, copyText, officePlatform, startDownload } from "./templateExport";

/** Largest template file read (the templates module has its own, finer limits). */
export const MAX_TEMPLATE_BYTES = 1_000_000;

const useStyles = makeStyles({
  gallery: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

/** A file name for a template title: letters, digits and dashes. */
export function templateFileName(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${base === "" ? "template" : base}.captable.json`;
}

interface Props {
  readonly t: Messages;
  /** The current inputs when valid (Save is disabled otherwise). */
  readonly input: ModelInputs | undefined;
  /** The template the form was started from, for its notes and presentation. */
  readonly origin: Template | undefined;
  readonly onUse: (template: Template, title: string) => void;
  readonly onStatus: (status: { intent: "success" | "error" | "info"; text: string; details?: string[] }) => void;
}

export function TemplatesPanel({ t, input, origin, onUse, onStatus }: Props): React.ReactElement {
  const s = useStyles();
  const gallery = React.useMemo(() => builtInTemplates(), []);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [saveOpen, setSaveOpen] = React.useState(false);
  const [title, setTitle] = React.useState("");
  const [description, setDescription] = React.useState("");
  /** What the last Copy or Download did, shown in the dialog (the status bar is behind it). */
  const [outcome, setOutcome] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  const jsonArea = React.useRef<HTMLTextAreaElement>(null);
  const downloadable = canDownload(officePlatform());

  const saved = React.useMemo(() => {
    if (!saveOpen || input === undefined) return undefined;
    try {
      const template = templateFromInput(input, {
        title: title.trim() === "" ? `${input.company}` : title,
        description,
        // The template's "to fill" notes carry over when the inputs are still of its kind.
        toFill: origin?.kind === input.kind ? origin.toFill : undefined,
        presentation: origin?.presentation,
      });
      return { ok: true as const, json: templateToJson(template), file: templateFileName(template.title) };
    } catch (error) {
      return { ok: false as const, errors: error instanceof TemplateError ? error.errors : [String(error)] };
    }
  }, [saveOpen, input, title, description, origin]);

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    if (file.size > MAX_TEMPLATE_BYTES) {
      onStatus({ intent: "error", text: t.templateImportFailed, details: [t.templateTooBig] });
      return;
    }
    const result = parseTemplateJson(await file.text());
    if (!result.ok) {
      onStatus({ intent: "error", text: t.templateImportFailed, details: result.errors });
      return;
    }
    onUse(result.template, result.template.title);
  };

  return (
    <div className={s.gallery} data-testid="templates">
      <Caption1>{t.templatesGallery}</Caption1>
      {gallery.map((g) => (
        <Card key={g.id} className={s.card} size="small" data-testid={`template-${g.id}`}>
          <CardHeader header={<Body1Strong>{g.title}</Body1Strong>} description={<Caption1>{g.description}</Caption1>} />
          <div className={s.actions}>
            <Button size="small" appearance="primary" aria-label={`${t.templatesUse}: ${g.title}`} onClick={() => onUse(g.template, g.title)}>
              {t.templatesUse}
            </Button>
          </div>
        </Card>
      ))}
      <div className={s.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => {
            setOutcome(undefined);
            setSaveOpen(true);
          }}
          disabled={input === undefined}
          title={input === undefined ? t.templateSaveBlocked : undefined}
          data-testid="template-save"
        >
          {t.templatesSave}
        </Button>
        <Button icon={<ArrowUploadRegular />} onClick={() => fileInput.current?.click()} data-testid="template-import">
          {t.templatesImport}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t.templatesImportLabel}
          data-testid="template-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            void onFile(file);
          }}
        />
      </div>
      <Dialog open={saveOpen} onOpenChange={(_, d) => setSaveOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.templatesSave}</DialogTitle>
            <DialogContent>
              <Field label={t.templateTitle}>
                <Input
                  value={title}
                  placeholder={input?.company}
                  maxLength={100}
                  onChange={(_, d) => setTitle(d.value)}
                  data-testid="template-title"
                />
              </Field>
              <Field label={t.templateDescription}>
                <Textarea value={description} maxLength={1000} onChange={(_, d) => setDescription(d.value)} />
              </Field>
              {saved?.ok === false && <Caption1 role="alert">{saved.errors.join(" ")}</Caption1>}
              {saved?.ok === true && (
                <Field label={t.templateJson}>
                  <Textarea ref={jsonArea} className={s.json} value={saved.json} readOnly rows={8} data-testid="template-json" />
                </Field>
              )}
              {!downloadable && <Caption1>{t.templateNoDownload}</Caption1>}
              {outcome !== undefined && (
                <Caption1 role={outcome.ok ? "status" : "alert"} data-testid="template-outcome">
                  {outcome.text}
                </Caption1>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                icon={<CopyRegular />}
                disabled={saved?.ok !== true}
                data-testid="template-copy"
                onClick={() => {
                  if (!saved?.ok) return;
                  void copyText(saved.json, browserClipboard(jsonArea.current)).then((copied) => {
                    const result = copied ? { ok: true, text: t.templateCopied(saved.file) } : { ok: false, text: t.templateCopyFailed };
                    setOutcome(result);
                    onStatus({ intent: copied ? "success" : "error", text: result.text });
                  });
                }}
              >
                {t.templateCopy}
              </Button>
              {downloadable && (
                <Button
                  icon={<ArrowDownloadRegular />}
                  disabled={saved?.ok !== true}
                  data-testid="template-download"
                  onClick={() => {
                    if (!saved?.ok) return;
                    startDownload(saved.file, saved.json);
                    // Started, not saved: a host may block it without telling (templateExport.ts).
                    const result = { ok: true, text: t.templateDownloadStarted(saved.file) };
                    setOutcome(result);
                    onStatus({ intent: "info", text: result.text });
                  }}
                >
                  {t.templateDownload}
                </Button>
              )}
              <Button onClick={() => setSaveOpen(false)} data-testid="template-close">
                {t.templateClose}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
