/**
 * The model session behind the taskpane: the kind shown, each kind's form as typed (switching kind
 * keeps what was typed in the others), which fields were touched, the model being edited, the
 * template started from and its "to fill" notes, the models of the workbook and the status line;
 * with load (an example, a stored model, a template), new, open, use a template and build.
 *
 * Validation runs the model's zod schema on every change (forms.ts) and maps its issues to the
 * fields; Build is enabled only when there is no message. Build computes the model with the kind's
 * builder (src/model/build.ts) and hands it to the host (host.ts): Excel's writer, or the in-page
 * preview. The views (ModelsPanel, BuildBar, StatusBar, FormView) only read the session and call it.
 */
import * as React from "react";
import { MODEL_KINDS, checkStoredModel, type ModelInputs, type ModelKind } from "../model/build";
import { newModelId } from "../workbook/modelXml";
import type { ListedModel } from "../workbook/modelStore";
import type { SheetSpec } from "../workbook/spec";
import { presentSheet, type Template } from "../templates";
import { engineMessage, type Lang, type Messages } from "./i18n";
import { HostWriteError, type ModelHost } from "./host";
import {
  FORMS,
  buildInputs,
  storedInputErrors,
  emptyForm,
  formFromInput,
  formWarnings,
  stillToFill,
  validateForm,
  type FormErrors,
  type FormValidation,
  type ModelForm,
} from "./forms";

export interface Status {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
  readonly details?: readonly string[];
}

/** The model being edited: the id Rebuild writes to, the sheet it owns and its kind. */
export interface Editing {
  readonly id: string;
  readonly sheet: string;
  readonly kind: ModelKind;
}

/** A template's "to fill" notes, by field (or table) of the form. */
type FieldNotes = Partial<Record<string, string>>;

const emptyForms = (): Readonly<Record<ModelKind, ModelForm>> =>
  Object.fromEntries(MODEL_KINDS.map((k) => [k, emptyForm(k)])) as Record<ModelKind, ModelForm>;

export function useModelSession(host: ModelHost, lang: Lang, t: Messages) {
  const [kind, setKindState] = React.useState<ModelKind>("stakeSale");
  const [forms, setForms] = React.useState(emptyForms);
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  // The kinds whose every message is shown (after a load or a Build of that kind); the others only their touched fields'.
  const [shownAll, setShownAll] = React.useState<ReadonlySet<ModelKind>>(new Set());
  const [editing, setEditing] = React.useState<Editing | undefined>();
  const [status, setStatus] = React.useState<Status | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [models, setModels] = React.useState<ListedModel[] | undefined>();
  const [modelsError, setModelsError] = React.useState<string | undefined>();
  // The last sheet built or opened, per kind: switching the model type never shows another kind's sheet.
  const [previews, setPreviews] = React.useState<Partial<Record<ModelKind, SheetSpec>>>({});
  const preview = previews[kind];
  const setPreview = (of: ModelKind, sheet: SheetSpec | undefined) => setPreviews((p) => ({ ...p, [of]: sheet }));
  const [origin, setOrigin] = React.useState<Template | undefined>();
  const [notes, setNotes] = React.useState<FieldNotes>({});
  const [tab, setTab] = React.useState<"model" | "templates">("model");

  const form = forms[kind];
  const showAll = shownAll.has(kind);
  const setShowAll = (of: ModelKind, all: boolean) =>
    setShownAll((prev) => {
      const next = new Set(prev);
      if (all) next.add(of);
      else next.delete(of);
      return next;
    });
  const validation: FormValidation = React.useMemo(() => validateForm(form, lang), [form, lang]);
  // Inputs allowed but that look wrong (negative equity, a 0% stake...): shown beside the field, never blocking Build.
  const warnings: FormErrors = React.useMemo(() => (validation.ok ? formWarnings(validation.input, lang) : {}), [validation, lang]);
  // A message is shown once its field (or table) was touched, or all of them after a load or a Build.
  const errors: FormErrors = React.useMemo(() => {
    const out: FormErrors = {};
    for (const [key, message] of Object.entries(validation.errors)) if (showAll || touched.has(`${kind}:${key.split(".")[0]}`)) out[key] = message;
    return out;
  }, [kind, validation, showAll, touched]);
  // The model being edited and the template started from count only while their kind's form is shown.
  const editingHere = editing?.kind === kind ? editing : undefined;
  const originHere = origin?.kind === kind ? origin : undefined;

  /** Reads the stored models; `quiet` keeps the current message (after a Build, its outcome matters more). */
  const refreshModels = React.useCallback(
    async (quiet = false) => {
      try {
        const list = await host.listModels();
        setModels(list);
        setModelsError(undefined);
      } catch (error) {
        setModels((previous) => previous ?? []);
        setModelsError(t.modelsLoadFailed(engineMessage(error, lang)));
        if (!quiet) setStatus({ intent: "error", text: t.modelsLoadFailed(engineMessage(error, lang)) });
      }
    },
    [host, t],
  );

  React.useEffect(() => {
    void refreshModels();
  }, [refreshModels]);

  const edit = (next: ModelForm, key: string) => {
    setForms((f) => ({ ...f, [next.kind]: next }));
    // "Built" no longer describes the form once it changes (a paste's own message is set after this).
    setStatus((s) => (s?.intent === "success" ? undefined : s));
    setTouched((prev) => (prev.has(`${next.kind}:${key}`) ? prev : new Set(prev).add(`${next.kind}:${key}`)));
  };

  const setKind = (next: ModelKind) => {
    setKindState(next);
    setStatus(undefined);
  };

  const load = (input: ModelInputs, extra: { editing?: Editing; origin?: Template; notes?: FieldNotes; status: Status }) => {
    setForms((f) => ({ ...f, [input.kind]: formFromInput(input, lang) }));
    setKindState(input.kind);
    setEditing(extra.editing);
    setOrigin(extra.origin);
    setNotes(extra.notes ?? {});
    setShowAll(input.kind, true);
    setStatus(extra.status);
    setTab("model");
  };

  /**
   * Shows a form that is not a valid model yet (an OCF cap table with the round's terms to fill):
   * a new model, every message shown so the fields to fill are pointed at.
   */
  const loadForm = (next: ModelForm, nextStatus: Status) => {
    setForms((f) => ({ ...f, [next.kind]: next }));
    setKindState(next.kind);
    setEditing(undefined);
    setOrigin(undefined);
    setNotes({});
    setShowAll(next.kind, true);
    setStatus(nextStatus);
    setTab("model");
  };

  const loadExample = () => load(FORMS[kind].example, { status: { intent: "info", text: t[`exampleLoaded_${kind}`] } });

  const newModel = () => {
    setForms((f) => ({ ...f, [kind]: emptyForm(kind) }));
    setEditing(undefined);
    setOrigin(undefined);
    setNotes({});
    setShowAll(kind, false);
    setTouched(new Set());
    setStatus(undefined);
    setPreview(kind, undefined);
  };

  const openModel = (id: string) => {
    const model = models?.find((m) => m.id === id);
    if (model === undefined) return;
    const checked = checkStoredModel(model);
    if (!checked.ok) {
      if (checked.reason === "kind") setStatus({ intent: "warning", text: t.modelUnknownKind(checked.kind) });
      else if (checked.reason === "version") setStatus({ intent: "warning", text: t.modelOtherVersion(model.sheet, checked.version) });
      else setStatus({ intent: "error", text: t.modelInvalid(model.sheet), details: storedInputErrors(checked.issues, lang) });
      return;
    }
    load(checked.input, {
      editing: { id: model.id, sheet: model.sheet, kind: checked.input.kind },
      status: { intent: "info", text: model.unbound ? t.modelOpenedUnbound(model.sheet) : t.modelOpened(model.sheet) },
    });
    if ("sheetOf" in host && typeof host.sheetOf === "function")
      setPreview(checked.input.kind, (host.sheetOf as (id: string) => SheetSpec | undefined)(model.id));
  };

  const useTemplate = (template: Template, title: string) => {
    const fieldNotes: FieldNotes = {};
    for (const entry of template.toFill) fieldNotes[entry.field] = entry.note;
    load(template.inputs, { origin: template, notes: fieldNotes, status: { intent: "info", text: t.templateLoaded(title) } });
  };

  const build = async (asNew: boolean) => {
    if (!validation.ok) {
      setShowAll(kind, true);
      return;
    }
    setBusy(true);
    setStatus(undefined);
    try {
      const built = buildInputs(validation.input, lang);
      if (!built.ok) {
        setStatus({ intent: "error", text: t.buildFailed(built.message) });
        return;
      }
      const model = built.model;
      const id = !asNew && editingHere !== undefined ? editingHere.id : newModelId();
      try {
        const sheet =
          originHere === undefined
            ? model.sheet
            : presentSheet(model.sheet, { presentation: originHere.presentation, toFill: stillToFill(originHere, model.input) }, lang);
        const written = await host.writeModel({ id, kind: model.kind, schemaVersion: model.schemaVersion, inputs: model.input, sheet });
        setEditing({ id, sheet: written.sheetName, kind: model.kind });
        setStatus(
          written.notReplaced !== undefined
            ? { intent: "warning", text: t.buildNewSheet(written.sheetName, written.notReplaced.recorded, written.notReplaced.reason) }
            : { intent: "success", text: host.mode === "excel" ? t.buildOk(written.sheetName) : t.buildOkPreview(written.sheetName) },
        );
        if (written.sheet !== undefined) setPreview(model.kind, written.sheet);
      } catch (error) {
        const undone = !(error instanceof HostWriteError) || error.undone;
        setStatus({ intent: "error", text: undone ? t.writeFailed(engineMessage(error, lang)) : t.writeFailedNotUndone(engineMessage(error, lang)) });
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

  return {
    kind,
    setKind,
    form,
    edit,
    validation,
    errors,
    /** Whether any message is shown yet (a field touched, a load or a Build): before, nothing is red. */
    errorsShown: showAll || [...touched].some((k) => k.startsWith(`${kind}:`)),
    warnings,
    hint,
    editing: editingHere,
    origin: originHere,
    status,
    setStatus,
    busy,
    models,
    modelsError,
    refreshModels,
    preview,
    tab,
    setTab,
    /** Fills the form of an input's kind (a sheet read back, an example...) and shows it, with its status. */
    load,
    loadForm,
    loadExample,
    newModel,
    openModel,
    useTemplate,
    build,
  };
}

/** What the views are given: the session's state and actions. */
export type ModelSession = ReturnType<typeof useModelSession>;
