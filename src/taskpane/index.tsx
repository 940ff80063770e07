/**
 * Taskpane entry. Runs in the shared runtime page next to the custom functions (taskpane.html
 * loads Office.js, then functions.js, then this).
 *
 * - In Excel (Office.onReady reports a host): the form writes model sheets through Office.js.
 * - In a plain browser (no host, or Office.js absent): the same form runs as a preview; Build
 *   renders the model sheet in the page and models are kept in memory.
 * Language: `?lang=` override, then Office's display language, then the browser's (i18n.ts).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { MESSAGES, pickLanguage } from "./i18n";
import { excelHost, previewHost, type ModelHost } from "./host";

/** How long to wait for Office.onReady before running as a preview (Office.js answers at once outside Office). */
const OFFICE_READY_TIMEOUT_MS = 5000;

type ReadyInfo = { host: string | null; displayLanguage?: string };

function officeReady(): Promise<ReadyInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ host: null });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ host: null }), OFFICE_READY_TIMEOUT_MS);
    Office.onReady((info) => {
      clearTimeout(timer);
      let displayLanguage: string | undefined;
      try {
        displayLanguage = info.host ? Office.context?.displayLanguage : undefined;
      } catch {
        displayLanguage = undefined;
      }
      resolve({ host: info.host ? String(info.host) : null, displayLanguage });
    }).catch(() => {
      clearTimeout(timer);
      resolve({ host: null });
    });
  });
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) return;
  const ready = await officeReady();
  const lang = pickLanguage({ search: window.location.search, officeLanguage: ready.displayLanguage, navigatorLanguage: navigator.language });
  document.documentElement.lang = lang;
  const host: ModelHost = ready.host === "Excel" ? excelHost({ displayLanguage: ready.displayLanguage }) : previewHost();
  const t = MESSAGES[lang];
  document.title = `${t.appTitle} · ${t.appSubtitle}`;
  container.setAttribute("data-mode", host.mode);
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App host={host} lang={lang} t={t} />
      </FluentProvider>
    </React.StrictMode>,
  );
}

void main();
