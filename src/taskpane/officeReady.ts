/**
 * Connecting the taskpane to Excel: which host the page runs with, decided without ever getting
 * stuck in the preview inside Office.
 *
 * Outside Office, Office.js answers `Office.onReady` at once with no host. Inside Office it first
 * loads its host scripts, which can take seconds on a cold start or a slow network; and in a shared
 * runtime the page is never reloaded during the session ("It shuts down when the document is
 * closed": OfficeDev/office-js-docs-pr docs/testing/runtimes.md), so a page that fell back to the
 * preview after a timeout would stay unable to write to the workbook until Excel restarts. So:
 * - a page that Office hosts (as Office.js itself tells: `_host_Info` in the URL, its host info
 *   saved in `window.name` or sessionStorage, `window.external.GetHostInfo` of the desktop hosts,
 *   or a frame, as Excel on the web runs add-ins in an iframe) waits for `onReady`, showing
 *   "Connecting to Excel…", and only says it is slow after the timeout, never switching to preview;
 * - any other page starts the preview after the timeout, and still switches to Excel if `onReady`
 *   reports Excel later.
 * The timeout and `onReady` are passed in as promises, so the order of events is tested without clocks.
 */

export interface ReadyInfo {
  readonly host: string | null;
  readonly displayLanguage?: string;
}

/** Where the taskpane stands: still connecting (slow once the timeout has passed), or running with a host. */
export type Connection =
  | { readonly state: "connecting"; readonly slow: boolean }
  | { readonly state: "excel"; readonly displayLanguage?: string }
  | { readonly state: "preview"; readonly displayLanguage?: string };

/** What the page can tell about its host before Office.js answers. */
export interface PageEnv {
  readonly search: string;
  readonly hash: string;
  /** The page is in a frame (window.parent !== window). */
  readonly framed: boolean;
  readonly windowName: string;
  /** sessionStorage has Office.js's "hostInfoValue". */
  readonly storedHostInfo: boolean;
  /** window.external.GetHostInfo exists (Office desktop hosts). */
  readonly externalHostInfo: boolean;
}

/** Whether Office hosts this page, by the signs Office.js reads itself (OSF._OfficeAppFactory in office.js). */
export function isOfficeHosted(env: PageEnv): boolean {
  if (/[?&#]_host_Info=/i.test(`${env.search}${env.hash}`)) return true;
  if (env.storedHostInfo || env.externalHostInfo || env.framed) return true;
  try {
    const parsed: unknown = JSON.parse(env.windowName);
    return typeof parsed === "object" && parsed !== null && "hostInfo" in parsed;
  } catch {
    return false;
  }
}

/** The browser's `PageEnv`. */
export function pageEnv(): PageEnv {
  let storedHostInfo = false;
  try {
    storedHostInfo = window.sessionStorage?.getItem("hostInfoValue") != null;
  } catch {
    storedHostInfo = false;
  }
  let framed = false;
  try {
    framed = window.parent !== window;
  } catch {
    framed = true; // a cross-origin parent
  }
  const external = (window as unknown as { external?: { GetHostInfo?: unknown } }).external;
  return {
    search: window.location.search,
    hash: window.location.hash,
    framed,
    windowName: window.name,
    storedHostInfo,
    externalHostInfo: typeof external?.GetHostInfo === "function",
  };
}

/**
 * Follows the connection: reports "connecting" at once, then the host when `ready` settles; when
 * `timeout` comes first, a hosted page reports "connecting, slow" and keeps waiting, another page
 * reports the preview and still moves to Excel if `ready` reports Excel later.
 */
export function watchOffice(options: {
  readonly ready: Promise<ReadyInfo>;
  readonly timeout: Promise<void>;
  readonly hosted: boolean;
  readonly onChange: (connection: Connection) => void;
}): void {
  const { ready, timeout, hosted, onChange } = options;
  let settled: "excel" | "preview" | undefined;
  onChange({ state: "connecting", slow: false });
  void ready.then(
    (info) => {
      if (info.host === "Excel") {
        if (settled === "excel") return;
        settled = "excel";
        onChange({ state: "excel", ...(info.displayLanguage === undefined ? {} : { displayLanguage: info.displayLanguage }) });
      } else if (settled === undefined) {
        settled = "preview";
        onChange({ state: "preview", ...(info.displayLanguage === undefined ? {} : { displayLanguage: info.displayLanguage }) });
      }
    },
    () => {
      if (settled !== undefined) return;
      settled = "preview";
      onChange({ state: "preview" });
    },
  );
  void timeout.then(() => {
    if (settled !== undefined) return;
    if (hosted) {
      onChange({ state: "connecting", slow: true });
    } else {
      settled = "preview";
      onChange({ state: "preview" });
    }
  });
}

/** Office.onReady as a promise of the host and the display language (no host when Office.js is absent). */
export function officeReady(): Promise<ReadyInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ host: null });
  return new Promise((resolve) => {
    Office.onReady((info) => {
      let displayLanguage: string | undefined;
      try {
        displayLanguage = info.host ? Office.context?.displayLanguage : undefined;
      } catch {
        displayLanguage = undefined;
      }
      resolve({ host: info.host ? String(info.host) : null, ...(displayLanguage === undefined ? {} : { displayLanguage }) });
    }).catch(() => resolve({ host: null }));
  });
}
