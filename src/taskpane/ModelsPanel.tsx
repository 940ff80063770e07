/** The models of the workbook (or of the page, in the preview): pick one and open it, or refresh the list. */
import * as React from "react";
import { Button, Caption1, Field, Select, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { Messages } from "./i18n";
import type { ModelSession } from "./useModelSession";
import { useFormStyles } from "./styles";

const useStyles = makeStyles({
  grow: { flexGrow: 1 },
  reason: { color: tokens.colorPaletteRedForeground1 },
  models: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

export function ModelsPanel({
  session,
  t,
  preview,
}: {
  readonly session: ModelSession;
  readonly t: Messages;
  readonly preview: boolean;
}): React.ReactElement {
  const s = useStyles();
  const f = useFormStyles();
  const { models, modelsError } = session;
  const editingId = session.editing?.id;
  // A pick holds while the model being edited is the one it was made next to: once another model is
  // opened or built, the picker shows that model, the one the header names ("Editing …").
  const [pick, setPick] = React.useState<{ id: string; editing?: string }>({ id: "" });
  const listed = (id: string | undefined) => id !== undefined && models?.some((m) => m.id === id) === true;
  const current = pick.editing === editingId && listed(pick.id) ? pick.id : listed(editingId) ? (editingId as string) : (models?.[0]?.id ?? "");
  return (
    <section className={f.section} aria-labelledby="models-title">
      <Subtitle2 as="h2" id="models-title">
        {preview ? t.modelsTitlePreview : t.modelsTitle}
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
            <Select value={current} onChange={(_, d) => setPick({ id: d.value, editing: editingId })} data-testid="models">
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.unbound ? t.modelUnbound(m.sheet || m.id) : m.sheet || m.id}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => session.openModel(current)} disabled={current === ""} data-testid="model-open">
            {t.modelsOpen}
          </Button>
          <Button appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={() => void session.refreshModels()} aria-label={t.modelsRefresh} />
        </div>
      )}
    </section>
  );
}
