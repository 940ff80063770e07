/**
 * Taskpane entry. Runs in the shared runtime page next to the custom functions (taskpane.html
 * loads Office.js, then functions.js, then this).
 *
 * - In Excel (Office.onReady reports a host): the form writes model sheets through Office.js.
 * - In a plain browser (no host, or Office.js absent): the same form runs as a preview; Build
 *   renders the model sheet in the page and models are kept in memory.
 * - Until Office.onReady answers: "Connecting to Excel…". A page Office hosts never falls back to
 *   the preview (the shared-runtime page lives for the whole session); another page does after
 *   OFFICE_READY_TIMEOUT_MS and still switches to Excel if Office answers later (officeReady.ts).
 * Language: `?lang=` override, then Office's display language, then the browser's (i18n.ts).
 */
// First: zod without `new Function` before any schema is built (see ../functions/zodJitless).
import "../functions/zodJitless";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { MESSAGES, pickLanguage } from "./i18n";
import { excelHost, previewHost, type ModelHost } from "./host";
import { isOfficeHosted, officeReady, pageEnv, watchOffice, type Connection } from "./officeReady";

/** How long to wait for Office.onReady before running as a preview outside Office (Office.js answers at once there). */
const OFFICE_READY_TIMEOUT_MS = 5000;

function main(): void {
  const container = document.getElementById("root");
  if (container === null) return;
  const root = createRoot(container);
  const show = (connection: Connection) => {
    const officeLanguage = connection.state === "connecting" ? undefined : connection.displayLanguage;
    const lang = pickLanguage({ search: window.location.search, officeLanguage, navigatorLanguage: navigator.language });
    const t = MESSAGES[lang];
    document.documentElement.lang = lang;
    document.title = `${t.appTitle} · ${t.subtitle_stakeSale}`;
    if (connection.state === "connecting") {
      container.setAttribute("data-mode", "connecting");
      root.render(
        <FluentProvider theme={webLightTheme}>
          <Spinner label={connection.slow ? t.connectingSlow : t.connecting} data-testid="connecting" />
        </FluentProvider>,
      );
      return;
    }
    const host: ModelHost = connection.state === "excel" ? excelHost({ displayLanguage: connection.displayLanguage }) : previewHost();
    container.setAttribute("data-mode", host.mode);
    root.render(
      <React.StrictMode>
        <FluentProvider theme={webLightTheme}>
          {/* A new App when the host changes (preview, then Excel answering late): nothing of the preview is kept. */}
          <App key={host.mode} host={host} lang={lang} t={t} />
        </FluentProvider>
      </React.StrictMode>,
    );
  };
  watchOffice({
    ready: officeReady(),
    timeout: new Promise((resolve) => setTimeout(resolve, OFFICE_READY_TIMEOUT_MS)),
    hosted: isOfficeHosted(pageEnv()),
    onChange: show,
  });
}

main();
