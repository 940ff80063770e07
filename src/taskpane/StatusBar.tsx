/** The status line: the outcome of the last action (a build, a paste, a load), with its details listed. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Status } from "./useModelSession";

const useStyles = makeStyles({ details: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

export function StatusBar({ status }: { readonly status: Status | undefined }): React.ReactElement | null {
  const s = useStyles();
  if (status === undefined) return null;
  const details = status.details !== undefined && status.details.length > 0 ? status.details : undefined;
  return (
    <MessageBar intent={status.intent} data-testid="status" role={status.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {details !== undefined ? <MessageBarTitle>{status.text}</MessageBarTitle> : status.text}
        {details !== undefined && (
          <ul className={s.details} data-testid="status-details">
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
