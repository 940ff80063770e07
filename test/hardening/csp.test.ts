/**
 * No network traffic from the add-in at run time.
 *
 * 1. Every BUILT page in dist/ (taskpane.html is the shared-runtime page: functions and taskpane)
 *    carries the Content-Security-Policy, before any script, with exactly the directives below.
 * 2. Every script the page loads is ours or Office.js from Microsoft's CDN; no inline script.
 * 3. No bundle in dist/ names a remote origin that is not allow-listed here with its reason, and
 *    the custom-functions bundle uses no network API at all.
 * 4. In a real browser (Debian's Chromium through playwright-core), the built page loads with every
 *    request outside its own origin and Office.js's CDN recorded and refused (Office.js itself is
 *    served from node_modules/@microsoft/office-js), and the policy is shown to be in force: a
 *    fetch to another origin, an inline script and eval are blocked, while the way Fluent UI
 *    (Griffel) inserts its styles still works.
 *
 * Timing: nothing here waits for a duration. Outside Office, Office.js takes the page for an old
 * Office 2013 host and, 3 seconds after loading o15apptofilemappingtable.js, opens a hidden
 * telemetry frame (telemetryservice.firstpartyapps.oaspapps.com, `ULSEndpointProxy` in that file),
 * which the policy refuses. A test that read the violations after a fixed wait saw that refusal or
 * not depending on the machine's load (it once failed so in a fresh clone). Now the page's clock is
 * Playwright's: the test waits for the app to render, then runs the clock past Office.js's timer
 * and waits for that refusal, so the set of violations is always the same: that one, and none
 * from the add-in (zod runs jitless: no eval probe).
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";

const root = path.resolve(__dirname, "../..");
/** The build under test: dist/ (CAPTABLE_DIST may point at another build output). */
const dist = process.env.CAPTABLE_DIST ?? path.join(root, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * The telemetry frame Office.js opens outside Office (o15apptofilemappingtable.js `ULSEndpointProxy`,
 * .../telemetryservice/telemetryproxy.html), refused by frame-src; Chromium reports a refused frame by its origin.
 */
const OFFICE_TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com";

/** The policy, directive by directive; the reasons are in src/taskpane/taskpane.html. */
const EXPECTED_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "https://appsforoffice.microsoft.com"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'", "https://appsforoffice.microsoft.com"],
  "frame-src": ["https://appsforoffice.microsoft.com"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

/**
 * Remote URLs that may appear in the built bundles, and why none of them is ever requested.
 * A new one fails this test until it is understood and added here.
 */
const ALLOWED_URLS: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^https?:\/\/json-schema\.org\/(draft-0[47]\/schema#?|draft\/2020-12\/schema)$/,
    reason: "zod's JSON Schema dialect identifiers ($schema values), never fetched",
  },
  {
    pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/?)$/,
    reason: "XML namespace names used by React DOM and SVG icons, never fetched",
  },
  { pattern: /^http:\/\/\[\$\{\w+\}\]$/, reason: "zod's IPv6 check parses `http://[${value}]` with the URL constructor; nothing is requested" },
  { pattern: /^https:\/\/react\.dev\/errors\/$/, reason: "React's production error messages link to their explanation; text only" },
  {
    pattern: /^https:\/\/reactjs\.org\/docs\/error-decoder\.html\?invariant=$/,
    reason: "React's production error messages (older wording); text only",
  },
  { pattern: /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/, reason: "Office.js, loaded by the page itself" },
  {
    pattern: /^https:\/\/stuk\.github\.io\/jszip\/documentation\/howto\/read_zip\.html$/,
    reason: "JSZip's error message for input it cannot read points to its documentation (the taskpane's OCF import chunk); text only",
  },
  {
    pattern: /^https:\/\/www\.ycombinator\.com\/documents$/,
    reason: 'the source cited in the description of the built-in template "Priced round with option pool"; text shown to the user, never fetched',
  },
  {
    pattern: /^https:\/\/solutioninn\.com\/study-help\/questions\/these-are-the-cap-tables-for-delta-inc-after-two-12043652$/,
    reason:
      'the source cited in the description of the built-in template "Cap table history: founding to exit, a public exercise"; text shown to the user, never fetched',
  },
];

/** The attributes of an HTML start tag, quoted or not (the built page is minified). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

function builtPage(): string {
  return fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
}

function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    out[name.toLowerCase()] = sources;
  }
  return out;
}

function metaPolicy(html: string): { policy: string; index: number } {
  const metas = [...html.matchAll(/<meta\b(?:"[^"]*"|'[^']*'|[^>"'])*>/gi)].filter(
    (m) => attributes(m[0])["http-equiv"]?.toLowerCase() === "content-security-policy",
  );
  expect(metas).toHaveLength(1);
  const content = attributes(metas[0][0]).content;
  expect(content).toBeTruthy();
  return { policy: content, index: metas[0].index! };
}

describe("the built page's Content-Security-Policy", () => {
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith(".html"));

  test.each(pages)("%s: one policy, in <head>, before any script, with exactly the expected directives", (page) => {
    const html = fs.readFileSync(path.join(dist, page), "utf8");
    const { policy, index } = metaPolicy(html);
    const head = html.search(/<head\b/i);
    const firstScript = html.search(/<script\b/i);
    expect(head).toBeGreaterThanOrEqual(0);
    expect(index).toBeGreaterThan(head);
    if (firstScript >= 0) expect(index).toBeLessThan(firstScript);
    expect(index).toBeLessThan(html.indexOf("</head>"));
    expect(parsePolicy(policy)).toEqual(EXPECTED_POLICY);
  });

  test("the shared-runtime page is among the pages checked", () => {
    expect(pages).toContain("taskpane.html");
  });

  test("scripts: Office.js from Microsoft's CDN and our own bundles only, no inline script", () => {
    const html = builtPage();
    const scripts = [...html.matchAll(/<script\b((?:"[^"]*"|'[^']*'|[^>"'])*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    const sources = scripts.map((s) => attributes(`<script${s[1]}>`).src);
    for (const [i, s] of scripts.entries()) {
      expect(sources[i]).toBeDefined(); // no inline script
      expect(s[2].trim()).toBe("");
    }
    expect(sources[0]).toBe(OFFICE_JS);
    for (const src of sources.slice(1)) {
      expect(src).toMatch(/^[\w.-]+\.js$/); // relative: same origin as the page
      expect(fs.existsSync(path.join(dist, src!))).toBe(true);
    }
    expect(sources).toContain("functions.js"); // shared runtime: the functions run in this page
    // Nothing else is pulled from elsewhere: no remote stylesheet, image, frame or preconnect.
    const remote = [...html.matchAll(/<\w+\b(?:"[^"]*"|'[^']*'|[^>"'])*>/g)]
      .map((m) => attributes(m[0]))
      .flatMap((a) =>
        [a.src, a.href, a.srcset, a.action, a.poster, a.data].filter((v): v is string => v !== undefined && /^(https?:)?\/\//i.test(v)),
      );
    expect(remote).toEqual([OFFICE_JS]);
  });
});

describe("the built bundles", () => {
  const bundles = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));

  test("every remote URL in dist/*.js is allow-listed with a reason", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    const unexplained: string[] = [];
    for (const file of bundles) {
      const text = fs.readFileSync(path.join(dist, file), "utf8");
      for (const m of text.matchAll(/(?:https?|wss?):\/\/[^\s"'`<>\\)]+/g)) {
        if (!ALLOWED_URLS.some((a) => a.pattern.test(m[0]))) unexplained.push(`${file}: ${m[0]}`);
      }
    }
    expect(unexplained).toEqual([]);
    for (const a of ALLOWED_URLS) expect(a.reason.length).toBeGreaterThan(10);
  });

  test("the custom-functions bundle uses no network or storage API, and no telemetry library", () => {
    const text = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const api of [
      /\bfetch\s*\(/,
      /XMLHttpRequest/,
      /sendBeacon/,
      /\bWebSocket\b/,
      /\bEventSource\b/,
      /importScripts/,
      /localStorage/,
      /indexedDB/,
    ]) {
      expect(`${api}: ${api.test(text)}`).toBe(`${api}: false`);
    }
    for (const file of bundles) {
      const text = fs.readFileSync(path.join(dist, file), "utf8");
      for (const telemetry of [
        /applicationinsights/i,
        /aria\.microsoft\.com/i,
        /google-analytics|googletagmanager/i,
        /sentry\.io/i,
        /segment\.(io|com)/i,
      ]) {
        expect(`${file} ${telemetry}: ${telemetry.test(text)}`).toBe(`${file} ${telemetry}: false`);
      }
    }
  });
});

/** Runs in the page from a same-origin file: a beacon to another origin, an inline script, eval. */
const PROBE = `
window.__probe = (async () => {
  const result = { fetch: "allowed", inline: "ran", eval: "ran" };
  try { await fetch("https://example.com/beacon", { method: "POST", body: "x" }); } catch (e) { result.fetch = "blocked"; }
  const s = document.createElement("script");
  s.textContent = "window.__inline = true";
  document.head.appendChild(s);
  if (!window.__inline) result.inline = "blocked";
  try { (0, eval)("1 + 1"); } catch (e) { result.eval = "blocked"; }
  // What Fluent UI v9 (Griffel) does: a <style> element in <head>, rules added with insertRule.
  // Under style-src 'self' alone the element gets no sheet (sheet === null) and Fluent renders
  // unstyled; this is why the policy keeps 'unsafe-inline' for styles (and only for styles).
  const style = document.createElement("style");
  document.head.appendChild(style);
  const target = document.createElement("div");
  target.id = "csp-probe-target";
  document.body.appendChild(target);
  result.style = "refused";
  if (style.sheet) {
    style.sheet.insertRule("#csp-probe-target { color: rgb(1, 2, 3) }");
    if (getComputedStyle(target).color === "rgb(1, 2, 3)") result.style = "applied";
  }
  return result;
})();
`;

describe("in Chromium: the built page makes no request outside its origin and Office.js's CDN", () => {
  const chromium = "/usr/bin/chromium";
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/__csp-probe.js") {
        // A same-origin script (allowed) that tries what the policy must refuse.
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(PROBE);
        return;
      }
      const file = path.join(dist, decodeURIComponent(new URL(req.url!, "http://x").pathname));
      if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith(".html")
        ? "text/html"
        : file.endsWith(".js")
          ? "text/javascript"
          : file.endsWith(".json")
            ? "application/json"
            : "application/octet-stream";
      res.writeHead(200, { "Content-Type": `${type}; charset=utf-8` }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("loads, with every outside request refused and recorded, and the policy in force", async () => {
    expect(fs.existsSync(chromium)).toBe(true);
    const { chromium: launcher } = await import("playwright-core");
    const browser = await launcher.launch({ executablePath: chromium, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      const officeFiles: string[] = [];
      await page.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === origin) return route.continue();
        if (url.origin === "https://appsforoffice.microsoft.com" && url.pathname.startsWith("/lib/1/hosted/")) {
          // Office.js and the files it loads from its own base path, from the npm package.
          const rel = url.pathname.slice("/lib/1/hosted/".length);
          const file = path.join(root, "node_modules/@microsoft/office-js/dist", rel);
          officeFiles.push(rel);
          if (fs.existsSync(file)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file, "utf8") });
          return route.fulfill({ status: 404, body: "" });
        }
        outside.push(url.href);
        return route.abort();
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice());
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.clock.install();
      await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
      // Office.js answered (no host: the preview) and the app rendered.
      await page.locator('#root[data-mode="preview"]').waitFor();
      // Past Office.js's 3-second telemetry timer (see the header), then its refused frame.
      await page.clock.runFor(10_000);
      await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.some((v) => v.startsWith("frame-src ")));

      // The page and Office.js loaded; nothing was asked of any other origin.
      expect(officeFiles).toContain("office.js");
      expect(outside).toEqual([]);
      // Exactly Office.js's telemetry frame refused; nothing of the add-in (no zod eval probe: jitless).
      expect(await violations()).toEqual([`frame-src ${OFFICE_TELEMETRY_FRAME}`]);
      expect(errors).toEqual([]);

      // The policy is in force: another origin, an inline script and eval are all refused.
      const probe = await page.evaluate(async () => {
        const s = document.createElement("script");
        s.src = "/__csp-probe.js";
        await new Promise((resolve, reject) => {
          s.onload = resolve;
          s.onerror = reject;
          document.head.appendChild(s);
        });
        return (window as unknown as { __probe: Promise<Record<string, string>> }).__probe;
      });
      expect(probe).toEqual({ fetch: "blocked", inline: "blocked", eval: "blocked", style: "applied" });
      expect(outside).toEqual([]); // the blocked fetch never reached the network layer
      expect(await violations()).toEqual([
        `frame-src ${OFFICE_TELEMETRY_FRAME}`,
        "connect-src https://example.com/beacon",
        "script-src-elem inline",
        "script-src eval",
      ]);
    } finally {
      await browser.close();
    }
  }, 60000);
});
