/**
 * The taskpane: the model session (useModelSession.ts) shown as the models of the workbook, the
 * form of the kind chosen (FormView.tsx, from its description in forms.ts), Build, templates, and
 * (outside Excel) the preview of the built sheet. Each part reads the session and calls it: a new
 * part is one more line here.
 */
import * as React from "react";
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Subtitle1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { BuildingFactoryRegular, DocumentAddRegular } from "@fluentui/react-icons";
import { MODEL_KINDS, type ModelKind } from "../model/build";
import type { Lang, Messages } from "./i18n";
import type { ModelHost } from "./host";
import { ChoiceField } from "./fields";
import { BuildBar } from "./BuildBar";
import { FormView } from "./FormView";
import { ModelsPanel } from "./ModelsPanel";
import { OcfImportPanel } from "./OcfImportPanel";
import { SheetPreview } from "./SheetPreview";
import { StatusBar } from "./StatusBar";
import { TemplatesPanel } from "./TemplatesPanel";
import { useFormStyles } from "./styles";
import { useModelSession } from "./useModelSession";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: "1800px",
    margin: "0 auto",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Outside Excel the window is usually wide: the form on the left, the sheet on the right.
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
    "@media (min-width: 960px)": { gridTemplateColumns: "minmax(360px, 460px) minmax(0, 1fr)" },
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: { flexWrap: "wrap" },
  formBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface Props {
  readonly host: ModelHost;
  readonly lang: Lang;
  readonly t: Messages;
}

export function App({ host, lang, t }: Props): React.ReactElement {
  const s = useStyles();
  const f = useFormStyles();
  const session = useModelSession(host, lang, t);
  const { kind, validation } = session;
  const isPreview = host.mode === "preview";

  return (
    <main className={s.page} lang={lang}>
      <header className={s.header}>
        <BuildingFactoryRegular fontSize={28} aria-hidden="true" />
        <div className={s.grow}>
          <Subtitle1 as="h1" block>
            {t.appTitle}
          </Subtitle1>
          <Caption1 as="p" block>
            {session.editing !== undefined ? t.editing(session.editing.sheet) : t[`subtitle_${kind}`]}
          </Caption1>
        </div>
        <Badge appearance="tint" color={isPreview ? "warning" : "success"} data-testid="mode">
          {isPreview ? t.modePreview : t.modeExcel}
        </Badge>
      </header>

      {isPreview && (
        <MessageBar intent="warning" data-testid="preview-banner">
          <MessageBarBody>{t.previewBanner}</MessageBarBody>
        </MessageBar>
      )}

      <div className={s.columns}>
        <div className={s.column}>
          <div className={s.toolbar}>
            <Button appearance="secondary" icon={<BuildingFactoryRegular />} onClick={session.loadExample} data-testid="load-example">
              {t[`loadExample_${kind}`]}
            </Button>
            <Button appearance="subtle" icon={<DocumentAddRegular />} onClick={session.newModel} data-testid="new-model">
              {t.newModel}
            </Button>
          </div>

          <ModelsPanel session={session} t={t} preview={isPreview} />

          <TabList className={s.tabs} selectedValue={session.tab} onTabSelect={(_, d) => session.setTab(d.value as "model" | "templates")}>
            <Tab value="model" data-testid="tab-model">
              {t.tabModel}
            </Tab>
            <Tab value="templates" data-testid="tab-templates">
              {t.templatesTitle}
            </Tab>
          </TabList>

          {session.tab === "templates" && (
            <section className={f.section} aria-label={t.templatesTitle}>
              <StatusBar status={session.status} />
              <TemplatesPanel
                t={t}
                input={validation.ok ? validation.input : undefined}
                origin={session.origin}
                onUse={session.useTemplate}
                onStatus={session.setStatus}
              />
            </section>
          )}
          {session.tab === "templates" && <OcfImportPanel session={session} t={t} lang={lang} />}

          {session.tab === "model" && (
            <form
              aria-label={t[`subtitle_${kind}`]}
              onSubmit={(e) => {
                e.preventDefault();
                void session.build(false);
              }}
              noValidate
            >
              <div className={s.formBody}>
                <ChoiceField
                  name="kind"
                  label={t.kindLabel}
                  value={kind}
                  options={MODEL_KINDS.map((k) => ({ value: k, label: t[`kind_${k}`] }))}
                  onChange={(k) => session.setKind(k as ModelKind)}
                />
                <FormView
                  form={session.form}
                  onChange={session.edit}
                  errors={session.errors}
                  warnings={session.warnings}
                  lang={lang}
                  t={t}
                  hint={session.hint}
                  readSelection={host.readSelection}
                  onStatus={session.setStatus}
                />
                <BuildBar session={session} host={host} lang={lang} t={t} />
              </div>
            </form>
          )}
        </div>
        {isPreview && session.preview !== undefined && (
          <div className={s.column}>
            <SheetPreview sheet={session.preview} lang={lang} t={t} />
          </div>
        )}
      </div>
    </main>
  );
}
