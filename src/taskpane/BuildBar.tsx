/** Build (or Rebuild the model being edited, or build it as a new one), the status line, and why Build is disabled. */
import * as React from "react";
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import { asSentence, type Lang, type Messages } from "./i18n";
import type { ModelSession } from "./useModelSession";
import { StatusBar } from "./StatusBar";
import { SheetSync } from "./SheetSync";
import type { ModelHost } from "./host";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  reason: { color: tokens.colorPaletteRedForeground1 },
});

/** The Build button submits the form it sits in. */
export function BuildBar({
  session,
  host,
  lang,
  t,
}: {
  readonly session: ModelSession;
  readonly host: ModelHost;
  readonly lang: Lang;
  readonly t: Messages;
}): React.ReactElement {
  const s = useStyles();
  const { validation, busy, editing } = session;
  const messages = Object.values(validation.errors);
  // Red only once a message is shown next to a field: an untouched form only says how much is left to fill.
  const shownMessages = Object.values(session.errors).filter((m) => m !== undefined);
  return (
    <div className={s.bar}>
      <div className={s.buttons}>
        <Button
          type="submit"
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <PlayRegular />}
          disabled={!validation.ok || busy}
          aria-describedby={!validation.ok ? "build-reason" : undefined}
          data-testid="build"
        >
          {busy ? t.building : editing !== undefined ? t.rebuild : t.build}
        </Button>
        {editing !== undefined && (
          <Button appearance="secondary" disabled={!validation.ok || busy} onClick={() => void session.build(true)} data-testid="build-new">
            {t.buildAsNew}
          </Button>
        )}
      </div>
      <StatusBar status={session.status} />
      {editing !== undefined && host.readSheetInputs !== undefined && (
        <SheetSync
          key={editing.id}
          host={host}
          lang={lang}
          t={t}
          id={editing.id}
          input={validation.ok ? validation.input : undefined}
          onUse={(input, sheet) => session.load(input, { editing, status: { intent: "info", text: t.sheetUsed(sheet) } })}
        />
      )}
      {!validation.ok && shownMessages[0] !== undefined && (
        <Body1 id="build-reason" className={s.reason} data-testid="build-reason" role="status">
          {t.buildBlocked(messages.length, asSentence(shownMessages[0]))}
        </Body1>
      )}
      {!validation.ok && shownMessages[0] === undefined && (
        <Caption1 id="build-reason" data-testid="build-todo">
          {t.buildTodo(messages.length)}
        </Caption1>
      )}
    </div>
  );
}
