/**
 * The taskpane: a form per model kind (stake sale; the venture kinds priced round and exit
 * waterfall), Build / Rebuild, the models of the workbook, templates, and (outside Excel) the
 * preview of the built sheet.
 *
 * State is each kind's form as typed (form.ts, ventureForm.ts): switching kind keeps what was
 * typed in the others. Validation runs the model's zod schema on every change and maps its issues
 * to the fields; Build is enabled only when there is no message. Build computes the model with the
 * kind's builder (src/model/build.ts) and hands it to the host (host.ts): Excel's writer, or the
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
import { ROUNDING_WORDS, messageOf } from "../engine";
import { OPCORE_EXAMPLE } from "../model/stakeSaleInput";
import { MODEL_KINDS, buildModel, checkStoredModel, type BuiltModel, type ModelInputs, type ModelKind } from "../model/build";
import { newModelId } from "../workbook/modelXml";
import type { ListedModel } from "../workbook/modelStore";
import type { SheetSpec } from "../workbook/spec";
import { presentSheet, type Template } from "../templates";
import {
  type FieldErrors,
  type FieldKey,
  type FormState,
  type ScalarField,
  UNITS,
  emptyForm,
  formFromInput,
  toHolderRow,
  stillToFill,
  validateForm,
  formWarnings,
} from "./form";
import type { Lang, Messages } from "./i18n";
import { HostWriteError, type ModelHost } from "./host";
import { ChoiceField, TextField } from "./fields";
import { SheetPreview } from "./SheetPreview";
import { SheetSync } from "./SheetSync";
import { TemplatesPanel } from "./TemplatesPanel";
import { TableEditor, VentureFormView } from "./VentureForm";
import { ventureText } from "./ventureI18n";
import {
  CAP_TABLE_SPEC,
  VENTURE_FORMS,
  emptyVentureForm,
  validateVentureForm,
  ventureFormFromInput,
  type VentureErrors,
  type VentureForm,
  type VentureInput,
  type VentureKind,
} from "./ventureForm";

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

/** The model being edited: the id Rebuild writes to, the sheet it owns and its kind. */
interface Editing {
  readonly id: string;
  readonly sheet: string;
  readonly kind: ModelKind;
}

/** A template's "to fill" notes, by field (or table) of the form. */
type FieldNotes = Partial<Record<string, string>>;

type VentureForms = Readonly<Record<VentureKind, VentureForm>>;

/** The current form's outcome, whatever its kind: the valid inputs, or the messages by field. */
type AnyValidation = { ok: true; input: ModelInputs; errors: VentureErrors } | { ok: false; errors: VentureErrors };

export function App({ host, lang, t }: Props): React.ReactElement {
  const s = useStyles();
  const vt = ventureText(lang);
  const [kind, setKind] = React.useState<ModelKind>("stakeSale");
  const [form, setForm] = React.useState<FormState>(() => emptyForm());
  const [ventureForms, setVentureForms] = React.useState<VentureForms>(() => ({
    pricedRound: emptyVentureForm("pricedRound"),
    exitWaterfall: emptyVentureForm("exitWaterfall"),
  }));
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = React.useState(false);
  const [editing, setEditing] = React.useState<Editing | undefined>();
  const [status, setStatus] = React.useState<Status | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [models, setModels] = React.useState<ListedModel[] | undefined>();
  const [picked, setPicked] = React.useState("");
  const [modelsError, setModelsError] = React.useState<string | undefined>();
  const [preview, setPreview] = React.useState<SheetSpec | undefined>();
  const [origin, setOrigin] = React.useState<Template | undefined>();
  const [notes, setNotes] = React.useState<FieldNotes>({});
  const [tab, setTab] = React.useState<"model" | "templates">("model");

  const stakeValidation = React.useMemo(() => validateForm(form, lang), [form, lang]);
  const validation: AnyValidation = React.useMemo(
    () => (kind === "stakeSale" ? stakeValidation : validateVentureForm(ventureForms[kind], lang)),
    [kind, stakeValidation, ventureForms, lang],
  );
  const errors: FieldErrors = stakeValidation.errors;
  // Inputs allowed but that look wrong (negative equity, a 0% stake...): shown beside the field, never blocking Build.
  const warnings: FieldErrors = React.useMemo(() => (stakeValidation.ok ? formWarnings(stakeValidation.input, lang) : {}), [stakeValidation, lang]);
  const errorCount = Object.keys(validation.errors).length;
  // The model being edited and the template started from count only while their kind's form is shown.
  const editingHere = editing?.kind === kind ? editing : undefined;
  const originHere = origin?.kind === kind ? origin : undefined;
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
    input: ModelInputs,
    extra: {
      editing?: Editing;
      origin?: Template;
      notes?: FieldNotes;
      status: Status;
    },
  ) => {
    if (input.kind === "stakeSale") setForm(formFromInput(input, lang));
    else {
      const venture: VentureInput = input;
      setVentureForms((f) => ({ ...f, [venture.kind]: ventureFormFromInput(venture, lang) }));
    }
    setKind(input.kind);
    setEditing(extra.editing);
    setOrigin(extra.origin);
    setNotes(extra.notes ?? {});
    setShowAll(true);
    setStatus(extra.status);
    setTab("model");
  };

  const loadExample = () => {
    if (kind === "stakeSale") load(OPCORE_EXAMPLE, { status: { intent: "info", text: t.exampleLoaded } });
    else load(VENTURE_FORMS[kind].example, { status: { intent: "info", text: vt[`exampleLoaded_${kind}`] } });
  };

  const newModel = () => {
    if (kind === "stakeSale") setForm(emptyForm());
    else setVentureForms((f) => ({ ...f, [kind]: emptyVentureForm(kind) }));
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
    const checked = checkStoredModel(model);
    if (!checked.ok) {
      if (checked.reason === "kind") setStatus({ intent: "warning", text: t.modelUnknownKind(checked.kind) });
      else if (checked.reason === "version") setStatus({ intent: "warning", text: t.modelOtherVersion(model.sheet, checked.version) });
      else setStatus({ intent: "error", text: t.modelInvalid(model.sheet), details: checked.errors });
      return;
    }
    load(checked.input, {
      editing: { id: model.id, sheet: model.sheet, kind: checked.input.kind },
      status: { intent: "info", text: model.unbound ? t.modelOpenedUnbound(model.sheet) : t.modelOpened(model.sheet) },
    });
    if ("sheetOf" in host && typeof host.sheetOf === "function") setPreview((host.sheetOf as (id: string) => SheetSpec | undefined)(model.id));
  };

  const useTemplate = (template: Template, title: string) => {
    const fieldNotes: FieldNotes = {};
    for (const entry of template.toFill) fieldNotes[entry.field] = entry.note;
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
      let model: BuiltModel;
      try {
        model = buildModel(validation.input);
      } catch (error) {
        setStatus({ intent: "error", text: t.buildFailed(messageOf(error)) });
        return;
      }
      const id = !asNew && editingHere !== undefined ? editingHere.id : newModelId();
      try {
        const sheet =
          originHere === undefined
            ? model.sheet
            : presentSheet(model.sheet, { presentation: originHere.presentation, toFill: stillToFill(originHere, model.input) });
        const written = await host.writeModel({ id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input, sheet });
        setEditing({ id, sheet: written.sheetName, kind: model.kind });
        setStatus(
          written.notReplaced !== undefined
            ? { intent: "warning", text: t.buildNewSheet(written.sheetName, written.notReplaced.recorded, written.notReplaced.reason) }
            : { intent: "success", text: host.mode === "excel" ? t.buildOk(written.sheetName) : t.buildOkPreview(written.sheetName) },
        );
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

  // A "to fill" note stays while the value is still the template's placeholder.
  const pending = React.useMemo(
    () => (originHere !== undefined && validation.ok ? new Set(stillToFill(originHere, validation.input).map((e) => e.field as string)) : undefined),
    [originHere, validation],
  );
  const hint = (key: string, base?: string): string | undefined => {
    if (originHere === undefined) return base;
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
      warning={warnings[key]}
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

  const firstError = Object.values(validation.errors)[0];
  const isPreview = host.mode === "preview";
  const buildLabel = busy ? t.building : editingHere !== undefined ? t.rebuild : t.build;
  const ventureErrors: VentureErrors = React.useMemo(() => {
    if (kind === "stakeSale") return {};
    const out: VentureErrors = {};
    for (const [key, message] of Object.entries(validation.errors)) {
      const [head] = key.split(".");
      if (showAll || touched.has(`${kind}:${head}`)) out[key] = message;
    }
    return out;
  }, [kind, validation, showAll, touched]);

  return (
    <main className={s.page} lang={lang}>
      <header className={s.header}>
        <BuildingFactoryRegular fontSize={28} aria-hidden="true" />
        <div className={s.grow}>
          <Subtitle1 as="h1" block>
            {t.appTitle}
          </Subtitle1>
          <Caption1 as="p" block>
            {editingHere !== undefined ? t.editing(editingHere.sheet) : vt[`subtitle_${kind}`]}
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
              {kind === "stakeSale" ? t.loadExample : vt[`loadExample_${kind}`]}
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
                        {m.unbound ? t.modelUnbound(m.sheet || m.id) : m.sheet || m.id}
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
            <Tab value="model" data-testid="tab-model">
              {t.tabModel}
            </Tab>
            <Tab value="templates" data-testid="tab-templates">
              {t.templatesTitle}
            </Tab>
          </TabList>

          {tab === "templates" && (
            <section className={s.section} aria-label={t.templatesTitle}>
              {statusBar}
              <TemplatesPanel
                t={t}
                input={validation.ok ? validation.input : undefined}
                origin={originHere}
                onUse={useTemplate}
                onStatus={setStatus}
              />
            </section>
          )}

          {tab === "model" && (
            <form
              aria-label={vt[`subtitle_${kind}`]}
              onSubmit={(e) => {
                e.preventDefault();
                void build(false);
              }}
              noValidate
            >
              <div className={s.formBody}>
                <ChoiceField
                  name="kind"
                  label={vt.kindLabel}
                  value={kind}
                  options={MODEL_KINDS.map((k) => ({ value: k, label: vt[`kind_${k}`] }))}
                  onChange={(k) => {
                    setKind(k);
                    setStatus(undefined);
                  }}
                />
                {kind !== "stakeSale" && (
                  <VentureFormView
                    form={ventureForms[kind]}
                    onChange={(next, key) => {
                      setVentureForms((f) => ({ ...f, [next.kind]: next }));
                      setTouched((prev) => (prev.has(`${next.kind}:${key}`) ? prev : new Set(prev).add(`${next.kind}:${key}`)));
                    }}
                    errors={ventureErrors}
                    lang={lang}
                    t={t}
                    vt={vt}
                    hint={hint}
                    readSelection={host.readSelection}
                    onStatus={setStatus}
                  />
                )}
                {kind === "stakeSale" && (
                  <>
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
                      <TableEditor
                        table={CAP_TABLE_SPEC}
                        title={t.sectionCapTable}
                        rows={form.capTable}
                        onRows={(rows) => update("capTable", rows.map(toHolderRow))}
                        errors={capErrors}
                        lang={lang}
                        t={t}
                        vt={vt}
                        readSelection={host.readSelection}
                        onStatus={(next) => {
                          setTouched((prev) => new Set(prev).add("capTable"));
                          setStatus(next);
                        }}
                        pasteDone={t.pasteDone}
                        pasteSelectionHint={t.pasteSelectionHint}
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
                          options={ROUNDING_WORDS.values.map((r) => ({ value: r, label: t[`rounding_${r}`] }))}
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
                  </>
                )}

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
                    {editingHere !== undefined && (
                      <Button appearance="secondary" disabled={!validation.ok || busy} onClick={() => void build(true)} data-testid="build-new">
                        {t.buildAsNew}
                      </Button>
                    )}
                  </div>
                  {statusBar}
                  {editingHere !== undefined && host.readSheetInputs !== undefined && (
                    <SheetSync
                      key={editingHere.id}
                      host={host}
                      t={t}
                      id={editingHere.id}
                      input={validation.ok ? validation.input : undefined}
                      onUse={(input, sheet) => load(input, { editing: editingHere, status: { intent: "info", text: t.sheetUsed(sheet) } })}
                    />
                  )}
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
