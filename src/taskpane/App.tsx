/**
 * The taskpane: the stake-sale model form, Build / Rebuild, the models of the workbook, templates,
 * and (outside Excel) the preview of the built sheet.
 *
 * State is the form as typed (form.ts); validation runs the model's zod schema on every change and
 * maps its issues to the fields; Build is enabled only when there is no message. Build computes the
 * model with `buildStakeSaleModel` and hands it to the host (host.ts): Excel's writer, or the
 * in-page preview.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, BuildingFactoryRegular, DocumentAddRegular, PlayRegular } from "@fluentui/react-icons";
import { OPCORE_EXAMPLE, type StakeSaleInput } from "../model/stakeSaleInput";
import { buildStakeSaleModel } from "../model/stakeSaleModel";
import { newModelId, type StoredModel } from "../workbook/modelXml";
import type { SheetSpec } from "../workbook/spec";
import { presentSheet, type Template } from "../templates";
import {
  type FieldErrors,
  type FieldKey,
  type FormState,
  type HolderRow,
  type PastedTable,
  type ScalarField,
  UNITS,
  openStoredModel,
  emptyForm,
  formFromInput,
  parseHolderGrid,
  stillToFill,
  validateForm,
} from "./form";
import type { Lang, Messages } from "./i18n";
import { HostWriteError, type ModelHost } from "./host";
import { ChoiceField, TextField } from "./fields";
import { CapTableEditor } from "./CapTableEditor";
import { SheetPreview } from "./SheetPreview";
import { TemplatesPanel } from "./TemplatesPanel";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: "1800px",
    margin: "0 auto",
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  grow: { flexGrow: 1 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: "1 / -1" },
  buildBar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Outside Excel the window is usually wide: the form on the left, the sheet on the right.
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
    "@media (min-width: 960px)": {
      gridTemplateColumns: "minmax(360px, 460px) minmax(0, 1fr)",
    },
  },
  column: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  buttons: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  reason: { color: tokens.colorPaletteRedForeground1 },
  models: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    flexWrap: "wrap",
  },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  tabs: { flexWrap: "wrap" },
  formBody: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface Status {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
  readonly details?: readonly string[];
}

interface Props {
  readonly host: ModelHost;
  readonly lang: Lang;
  readonly t: Messages;
}

/** The model being edited: the id Rebuild writes to and the sheet it owns. */
interface Editing {
  readonly id: string;
  readonly sheet: string;
}

type FieldNotes = Partial<Record<ScalarField | "capTable", string>>;

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function App({ host, lang, t }: Props): React.ReactElement {
  const s = useStyles();
  const [form, setForm] = React.useState<FormState>(() => emptyForm());
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = React.useState(false);
  const [editing, setEditing] = React.useState<Editing | undefined>();
  const [status, setStatus] = React.useState<Status | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [models, setModels] = React.useState<StoredModel[] | undefined>();
  const [picked, setPicked] = React.useState("");
  const [modelsError, setModelsError] = React.useState<string | undefined>();
  const [preview, setPreview] = React.useState<SheetSpec | undefined>();
  const [origin, setOrigin] = React.useState<Template | undefined>();
  const [notes, setNotes] = React.useState<FieldNotes>({});
  const [tab, setTab] = React.useState<"model" | "templates">("model");

  const validation = React.useMemo(() => validateForm(form, lang), [form, lang]);
  const errors: FieldErrors = validation.errors;
  const errorCount = Object.keys(errors).length;
  const shown = (key: FieldKey): string | undefined => (showAll || touched.has(key) ? errors[key] : undefined);
  const capErrors: FieldErrors = React.useMemo(() => {
    const out: FieldErrors = {};
    for (const [k, v] of Object.entries(errors)) if (k.startsWith("capTable") && (showAll || touched.has("capTable"))) out[k as FieldKey] = v;
    return out;
  }, [errors, showAll, touched]);

  /** Reads the stored models; `quiet` keeps the current message (after a Build, its outcome matters more). */
  const refreshModels = React.useCallback(
    async (quiet = false) => {
      try {
        const list = await host.listModels();
        setModels(list);
        setModelsError(undefined);
        setPicked((p) => (list.some((m) => m.id === p) ? p : (list[0]?.id ?? "")));
      } catch (error) {
        setModels((previous) => previous ?? []);
        setModelsError(t.modelsLoadFailed(messageOf(error)));
        if (!quiet) setStatus({ intent: "error", text: t.modelsLoadFailed(messageOf(error)) });
      }
    },
    [host, t],
  );

  React.useEffect(() => {
    void refreshModels();
  }, [refreshModels]);

  const update = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
  };

  const load = (
    input: StakeSaleInput,
    extra: {
      editing?: Editing;
      origin?: Template;
      notes?: FieldNotes;
      status: Status;
    },
  ) => {
    setForm(formFromInput(input, lang));
    setEditing(extra.editing);
    setOrigin(extra.origin);
    setNotes(extra.notes ?? {});
    setShowAll(true);
    setStatus(extra.status);
    setTab("model");
  };

  const loadExample = () => load(OPCORE_EXAMPLE, { status: { intent: "info", text: t.exampleLoaded } });

  const newModel = () => {
    setForm(emptyForm());
    setEditing(undefined);
    setOrigin(undefined);
    setNotes({});
    setShowAll(false);
    setTouched(new Set());
    setStatus(undefined);
    setPreview(undefined);
  };

  const openModel = (id: string) => {
    const model = models?.find((m) => m.id === id);
    if (model === undefined) return;
    const checked = openStoredModel(model);
    if (!checked.ok) {
      if (checked.reason === "kind") setStatus({ intent: "warning", text: t.modelUnknownKind(checked.kind) });
      else if (checked.reason === "version") setStatus({ intent: "warning", text: t.modelOtherVersion(model.sheet, checked.version) });
      else setStatus({ intent: "error", text: t.modelInvalid(model.sheet), details: checked.errors });
      return;
    }
    load(checked.input, {
      editing: { id: model.id, sheet: model.sheet },
      status: { intent: "info", text: t.modelOpened(model.sheet) },
    });
    if ("sheetOf" in host && typeof host.sheetOf === "function") setPreview((host.sheetOf as (id: string) => SheetSpec | undefined)(model.id));
  };

  const useTemplate = (template: Template, title: string) => {
    if (template.kind !== "stakeSale") {
      setStatus({ intent: "warning", text: t.templateNotStakeSale });
      return;
    }
    const fieldNotes: FieldNotes = {};
    for (const entry of template.toFill) fieldNotes[entry.field as ScalarField | "capTable"] = entry.note;
    load(template.inputs, {
      origin: template,
      notes: fieldNotes,
      status: { intent: "info", text: t.templateLoaded(title) },
    });
  };

  const build = async (asNew: boolean) => {
    if (!validation.ok) {
      setShowAll(true);
      return;
    }
    setBusy(true);
    setStatus(undefined);
    try {
      let model: ReturnType<typeof buildStakeSaleModel>;
      try {
        model = buildStakeSaleModel(validation.input);
      } catch (error) {
        setStatus({ intent: "error", text: t.buildFailed(messageOf(error)) });
        return;
      }
      const id = !asNew && editing !== undefined ? editing.id : newModelId();
      try {
        const sheet =
          origin === undefined
            ? model.sheet
            : presentSheet(model.sheet, { presentation: origin.presentation, toFill: stillToFill(origin, model.input) });
        const written = await host.writeModel({ id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input, sheet });
        setEditing({ id, sheet: written.sheetName });
        setStatus({
          intent: "success",
          text: host.mode === "excel" ? t.buildOk(written.sheetName) : t.buildOkPreview(written.sheetName),
        });
        if (written.sheet !== undefined) setPreview(written.sheet);
      } catch (error) {
        const undone = !(error instanceof HostWriteError) || error.undone;
        setStatus({ intent: "error", text: undone ? t.writeFailed(messageOf(error)) : t.writeFailedNotUndone(messageOf(error)) });
        return;
      }
      await refreshModels(true);
    } finally {
      setBusy(false);
    }
  };

  const onPasted = (pasted: PastedTable | { error: string }) => {
    setTouched((prev) => new Set(prev).add("capTable"));
    if ("error" in pasted) {
      setStatus({ intent: "error", text: pasted.error });
      return;
    }
    if (pasted.rows.length === 0) {
      setStatus({ intent: "warning", text: t.pasteNothing });
      return;
    }
    const problems = pasted.problems.map((p) => String(p.line)).join(", ");
    setStatus(
      problems === ""
        ? { intent: "success", text: t.pasteDone(pasted.rows.length) }
        : {
            intent: "warning",
            text: t.pasteDone(pasted.rows.length),
            details: [t.pasteProblems(problems)],
          },
    );
  };

  // A "to fill" note stays while the value is still the template's placeholder.
  const pending = React.useMemo(
    () => (origin !== undefined && validation.ok ? new Set(stillToFill(origin, validation.input).map((e) => e.field as string)) : undefined),
    [origin, validation],
  );
  const hint = (key: ScalarField | "capTable", base?: string): string | undefined => {
    const note = pending === undefined || pending.has(key) ? notes[key] : undefined;
    if (note === undefined) return base;
    return base === undefined ? t.templateToFill(note) : `${base} · ${t.templateToFill(note)}`;
  };

  const money = form.currency.trim().toUpperCase() || undefined;
  const unitSuffix = money === undefined ? undefined : form.unit === "units" ? money : `${money} ${form.unit === "thousands" ? "k" : "m"}`;
  type FieldExtra = { hint?: string; suffix?: string; required?: boolean; placeholder?: string; numeric?: boolean; maxLength?: number };
  const field = (key: ScalarField, label: string, extra: FieldExtra) => (
    <TextField
      name={key}
      label={label}
      value={form[key] as string}
      onChange={(v) => update(key, v as never)}
      error={shown(key)}
      {...extra}
      hint={hint(key, extra.hint)}
    />
  );
  const num = (key: ScalarField, label: string, extra: Omit<FieldExtra, "numeric" | "placeholder" | "maxLength"> = {}) =>
    field(key, label, { ...extra, numeric: true });
  const text = (key: ScalarField, label: string, extra: Omit<FieldExtra, "numeric" | "suffix" | "maxLength"> = {}) =>
    field(key, label, { ...extra, maxLength: 100 });

  const statusBar =
    status === undefined ? null : (
      <MessageBar intent={status.intent} data-testid="status" role={status.intent === "error" ? "alert" : "status"}>
        <MessageBarBody>
          {status.details !== undefined && status.details.length > 0 ? <MessageBarTitle>{status.text}</MessageBarTitle> : status.text}
          {status.details !== undefined && status.details.length > 0 && (
            <ul className={s.details} data-testid="status-details">
              {status.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    );

  const firstError = Object.values(errors)[0];
  const isPreview = host.mode === "preview";
  const buildLabel = busy ? t.building : editing !== undefined ? t.rebuild : t.build;

  return (
    <main className={s.page} lang={lang}>
      <header className={s.header}>
        <BuildingFactoryRegular fontSize={28} aria-hidden="true" />
        <div className={s.grow}>
          <Subtitle1 as="h1" block>
            {t.appTitle}
          </Subtitle1>
          <Caption1 as="p" block>
            {editing !== undefined ? t.editing(editing.sheet) : t.appSubtitle}
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
            <Button appearance="secondary" icon={<BuildingFactoryRegular />} onClick={loadExample} data-testid="load-example">
              {t.loadExample}
            </Button>
            <Button appearance="subtle" icon={<DocumentAddRegular />} onClick={newModel} data-testid="new-model">
              {t.newModel}
            </Button>
          </div>

          <section className={s.section} aria-labelledby="models-title">
            <Subtitle2 as="h2" id="models-title">
              {isPreview ? t.modelsTitlePreview : t.modelsTitle}
            </Subtitle2>
            {models === undefined ? (
              <Spinner size="tiny" label={t.loading} />
            ) : models.length === 0 && modelsError !== undefined ? (
              <Caption1 className={s.reason} data-testid="models-error">
                {modelsError}
              </Caption1>
            ) : models.length === 0 ? (
              <Caption1 data-testid="models-empty">{t.modelsEmpty}</Caption1>
            ) : (
              <div className={s.models}>
                <Field label={t.modelsPick} className={s.grow}>
                  <Select value={picked} onChange={(_, d) => setPicked(d.value)} data-testid="models">
                    {models.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.sheet || m.id}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button onClick={() => openModel(picked)} disabled={picked === ""} data-testid="model-open">
                  {t.modelsOpen}
                </Button>
                <Button appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={() => void refreshModels()} aria-label={t.modelsRefresh} />
              </div>
            )}
          </section>

          <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as "model" | "templates")}>
            <Tab value="model">{t.tabModel}</Tab>
            <Tab value="templates" data-testid="tab-templates">
              {t.templatesTitle}
            </Tab>
          </TabList>

          {tab === "templates" && (
            <section className={s.section} aria-label={t.templatesTitle}>
              {statusBar}
              <TemplatesPanel t={t} input={validation.ok ? validation.input : undefined} origin={origin} onUse={useTemplate} onStatus={setStatus} />
            </section>
          )}

          {tab === "model" && (
            <form
              aria-label={t.appSubtitle}
              onSubmit={(e) => {
                e.preventDefault();
                void build(false);
              }}
              noValidate
            >
              <div className={s.formBody}>
                <section className={s.section} aria-labelledby="sec-company">
                  <Subtitle2 as="h2" id="sec-company">
                    {t.sectionCompany}
                  </Subtitle2>
                  <div className={s.grid}>
                    {text("company", t.company, { required: true })}
                    {text("currency", t.currency, {
                      hint: t.currencyHint,
                      required: true,
                    })}
                    <ChoiceField
                      name="unit"
                      label={t.unit}
                      value={form.unit}
                      options={UNITS.map((u) => ({
                        value: u,
                        label: t[`unit_${u}`],
                      }))}
                      onChange={(v) => update("unit", v)}
                      error={shown("unit")}
                    />
                    {num("capacity", t.capacity, {
                      hint: t.capacityHint,
                      suffix: form.capacityUnit || undefined,
                    })}
                    {text("capacityUnit", t.capacityUnit, {
                      placeholder: "MW",
                    })}
                  </div>
                </section>

                <section className={s.section} aria-labelledby="sec-valuation">
                  <Subtitle2 as="h2" id="sec-valuation">
                    {t.sectionValuation}
                  </Subtitle2>
                  <Field label={t.basis}>
                    <RadioGroup value={form.basis} onChange={(_, d) => update("basis", d.value as FormState["basis"])} data-testid="field-basis">
                      <Radio value="EV" label={t.basis_EV} />
                      <Radio value="EQUITY" label={t.basis_EQUITY} />
                    </RadioGroup>
                  </Field>
                  <div className={s.grid}>
                    {num("valuation", t.valuation, {
                      suffix: unitSuffix,
                      required: true,
                    })}
                    {num("netDebt", t.netDebt, {
                      hint: t.netDebtHint,
                      suffix: unitSuffix,
                      required: true,
                    })}
                    {num("shareholderLoans", t.shareholderLoans, {
                      suffix: unitSuffix,
                      required: true,
                    })}
                    {num("otherClaims", t.otherClaims, {
                      hint: t.otherClaimsHint,
                      suffix: unitSuffix,
                    })}
                  </div>
                </section>

                <section className={s.section} aria-labelledby="sec-deal">
                  <Subtitle2 as="h2" id="sec-deal">
                    {t.sectionDeal}
                  </Subtitle2>
                  <Field label={t.transaction}>
                    <RadioGroup
                      value={form.transaction}
                      onChange={(_, d) => update("transaction", d.value as FormState["transaction"])}
                      data-testid="field-transaction"
                    >
                      <Radio value="secondary" label={t.transaction_secondary} />
                      <Radio value="primary" label={t.transaction_primary} />
                      <Radio value="both" label={t.transaction_both} />
                    </RadioGroup>
                  </Field>
                  <div className={s.grid}>
                    {num("stake", t.stake, {
                      hint: t[`stakeHint_${form.transaction}`],
                      suffix: "%",
                      required: true,
                    })}
                    {num("premium", t.premium, {
                      hint: t.premiumHint,
                      suffix: "%",
                    })}
                    {form.transaction !== "primary" && text("seller", t.seller, { required: true })}
                    {text("buyer", t.buyer, { required: true })}
                    {form.transaction === "both" &&
                      num("primaryInvestment", t.primaryInvestment, {
                        hint: t.primaryInvestmentHint,
                        suffix: unitSuffix,
                        required: true,
                      })}
                  </div>
                </section>

                <section className={s.section} aria-labelledby="sec-captable">
                  <Subtitle2 as="h2" id="sec-captable">
                    {t.sectionCapTable}
                  </Subtitle2>
                  {hint("capTable") !== undefined && <Caption1>{hint("capTable")}</Caption1>}
                  <CapTableEditor
                    rows={form.capTable}
                    onChange={(rows: HolderRow[]) => update("capTable", rows)}
                    errors={capErrors}
                    lang={lang}
                    t={t}
                    readSelection={host.readSelection}
                    onPasted={onPasted}
                    parseGrid={(grid) => parseHolderGrid(grid, lang)}
                  />
                </section>

                <section className={s.section} aria-labelledby="sec-output">
                  <Subtitle2 as="h2" id="sec-output">
                    {t.sectionOutput}
                  </Subtitle2>
                  <div>
                    <ChoiceField
                      name="rounding"
                      label={t.rounding}
                      value={form.rounding}
                      options={(["DOWN", "UP", "NEAREST", "NONE"] as const).map((r) => ({ value: r, label: t[`rounding_${r}`] }))}
                      onChange={(v) => update("rounding", v)}
                      error={shown("rounding")}
                    />
                  </div>
                  <Field hint={t.formulasHint}>
                    <Checkbox
                      checked={form.formulas === "captable"}
                      onChange={(_, d) => update("formulas", d.checked === true ? "captable" : "native")}
                      label={t.formulasCaptable}
                      data-testid="field-formulas"
                    />
                  </Field>
                </section>

                <div className={s.buildBar}>
                  <div className={s.buttons}>
                    <Button
                      type="submit"
                      appearance="primary"
                      icon={busy ? <Spinner size="tiny" /> : <PlayRegular />}
                      disabled={!validation.ok || busy}
                      aria-describedby={!validation.ok ? "build-reason" : undefined}
                      data-testid="build"
                    >
                      {buildLabel}
                    </Button>
                    {editing !== undefined && (
                      <Button appearance="secondary" disabled={!validation.ok || busy} onClick={() => void build(true)} data-testid="build-new">
                        {t.buildAsNew}
                      </Button>
                    )}
                  </div>
                  {statusBar}
                  {!validation.ok && firstError !== undefined && (
                    <Body1 id="build-reason" className={s.reason} data-testid="build-reason" role="status">
                      {t.buildBlocked(errorCount, firstError)}
                    </Body1>
                  )}
                </div>
              </div>
            </form>
          )}
        </div>
        {isPreview && preview !== undefined && (
          <div className={s.column}>
            <SheetPreview sheet={preview} lang={lang} t={t} />
          </div>
        )}
      </div>
    </main>
  );
}
