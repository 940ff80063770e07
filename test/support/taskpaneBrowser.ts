/**
 * The built taskpane (dist/) in headless Debian Chromium, driven by playwright-core, for the e2e
 * tests: dist/ served by a tiny read-only node http server on 127.0.0.1, the Office.js CDN URL
 * routed to the local copy in node_modules/@microsoft/office-js/dist, every other outside request
 * refused and recorded (the page must need no network), page errors recorded.
 */
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { SheetSpec } from "../../src/workbook/spec";
import { formatCell } from "../../src/taskpane/numberFormat";

export const ROOT = path.resolve(__dirname, "../..");
/** The built add-in; CAPTABLE_E2E_DIST points at another build (e.g. a development build). */
export const DIST = path.resolve(process.env.CAPTABLE_E2E_DIST ?? path.join(ROOT, "dist"));
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
export const OUTPUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".css": "text/css",
};

/** Serves a directory read-only; nothing outside it. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Waits until the element's text satisfies the expectation (the page updates asynchronously), then
 * asserts it, so a failure shows the text actually there.
 */
export async function expectText(locator: Locator, expected: string | RegExp, how: "is" | "contains" = "is"): Promise<void> {
  const ok = (text: string) => (typeof expected !== "string" ? expected.test(text) : how === "is" ? text === expected : text.includes(expected));
  const deadline = Date.now() + 10_000;
  let text = "";
  while (Date.now() < deadline) {
    text = (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? "") : "";
    if (ok(text)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (typeof expected !== "string") expect(text).toMatch(expected);
  else if (how === "is") expect(text).toBe(expected);
  else expect(text).toContain(expected);
}

/**
 * Every value cell and formula of a model sheet shows, in the taskpane's preview, its value (the
 * engine's, for formulas) formatted as the sheet's number format says; at least `minimum` cells.
 */
export async function expectPreviewMatches(page: Page, sheet: SheetSpec, minimum: number, lang: "en" | "fr" = "en"): Promise<void> {
  await page.getByTestId("preview-grid").waitFor();
  const shown = await page.$$eval("[data-cell]", (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute("data-cell"), { value: c.getAttribute("data-value"), text: c.textContent ?? "" }])),
  );
  let checked = 0;
  for (const cell of sheet.cells) {
    const raw = cell.formula !== undefined ? cell.expected : cell.value;
    if (raw === undefined || raw === null) continue;
    expect({ address: cell.address, ...shown[cell.address] }).toEqual({
      address: cell.address,
      value: String(raw),
      // As the preview shows it: a number's trailing pad from a banker's format (`_)`) dropped.
      text: typeof raw === "number" ? formatCell(raw, cell.format, lang).trimEnd() : formatCell(raw, cell.format, lang),
    });
    checked++;
  }
  expect(checked).toBeGreaterThan(minimum);
}

export interface TaskpaneBrowser {
  readonly context: BrowserContext;
  readonly base: string;
  /** Requests to anywhere but the local server and the routed Office.js. */
  readonly outside: string[];
  readonly pageErrors: string[];
  /** Opens the taskpane (a query such as "?lang=fr") and waits for it to start. */
  open(query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium (a taskpane-sized window, no network). */
export async function launchTaskpane(): Promise<TaskpaneBrowser> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`node scripts/ensure-tools.mjs chromium\` (npm test does).`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "captable-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 480, height: 900 },
    locale: "en-US",
    acceptDownloads: true,
  });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = url.slice(OFFICE_CDN.length).split(/[?#]/)[0];
      const file = path.normalize(path.join(OFFICE_DIST, rel));
      if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    outside.push(url);
    return route.abort();
  });
  return {
    context,
    base,
    outside,
    pageErrors,
    async open(query = "") {
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(`${base}/taskpane.html${query}`);
      await page.getByTestId("mode").waitFor({ timeout: 20_000 });
      return page;
    },
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
