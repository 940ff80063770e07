/**
 * Getting a template file out of the taskpane, on every Office platform, and saying only what
 * really happened.
 *
 * - Download (a blob URL clicked as `<a download>`) does nothing in Excel for Mac: its WKWebView does
 *   not download files, and no error is raised (office-js #2700 "Office for Mac (WKWebView) file
 *   download support", closed by design; #3385; #6468, 2026: "No file is downloaded, no error is
 *   thrown"). So on Mac and iPad the taskpane offers Copy only. Elsewhere a download can still be
 *   blocked silently (WebView2 blob downloads are documented as unsupported for PDFs:
 *   docs/concepts/browsers-used-by-office-web-add-ins.md), so a download is reported as started,
 *   never as saved, and the text stays on screen to copy.
 * - Copy: `navigator.clipboard.writeText` may be missing or refused (Excel on the web runs the
 *   taskpane in an iframe without the clipboard permission); the fallback selects the text and runs
 *   `document.execCommand("copy")`, which works inside a user gesture. Success is reported only when
 *   one of them says so.
 */

/** `Office.context.platform` values where a taskpane cannot download a file (Office.PlatformType.Mac, iOS). */
const NO_DOWNLOAD_PLATFORMS: readonly string[] = ["Mac", "iOS"];

/** Whether the taskpane can download a file on this Office platform (undefined: a browser, outside Office). */
export function canDownload(platform: string | undefined): boolean {
  return platform === undefined || !NO_DOWNLOAD_PLATFORMS.includes(platform);
}

/** The Office platform the taskpane runs on, or undefined outside Office (or before Office.onReady). */
export function officePlatform(): string | undefined {
  try {
    const platform = typeof Office === "undefined" ? undefined : (Office.context?.platform as unknown);
    return typeof platform === "string" ? platform : undefined;
  } catch {
    return undefined;
  }
}

/** What copying needs: the async clipboard (if any) and the select-and-copy fallback. */
export interface ClipboardEnv {
  readonly writeText?: (text: string) => Promise<void>;
  /** Selects the shown text and runs the copy command; true when the browser says it copied. */
  readonly selectAndCopy: () => boolean;
}

/** Copies `text`; resolves to true only when the clipboard API or the fallback reported success. */
export async function copyText(text: string, env: ClipboardEnv): Promise<boolean> {
  if (env.writeText !== undefined) {
    try {
      await env.writeText(text);
      return true;
    } catch {
      // Refused (no permission in an iframe, no focus): try the fallback.
    }
  }
  try {
    return env.selectAndCopy();
  } catch {
    return false;
  }
}

/** The browser's clipboard for the text shown in `area` (the dialog's text box). */
export function browserClipboard(area: HTMLTextAreaElement | null): ClipboardEnv {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  return {
    writeText: clipboard?.writeText === undefined ? undefined : (text) => clipboard.writeText(text),
    selectAndCopy: () => {
      if (area === null) return false;
      area.focus();
      area.select();
      return document.execCommand("copy");
    },
  };
}

/** Starts a download of `text` as `fileName` (a blob URL clicked as a link). Whether it saved cannot be known. */
export function startDownload(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
