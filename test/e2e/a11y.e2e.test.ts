/**
 * Accessibility of the built taskpane, checked by axe-core (Deque's engine, the one Accessibility
 * Insights and Edge's tools use) in headless Chromium: every form (stake sale, priced round, exit
 * waterfall), with its example loaded and a message shown next to a field, the templates tab and
 * the built sheet's preview, in English and French. WCAG 2.1 A and AA rules; any violation fails
 * the test with its rule, impact and the elements concerned.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { ROOT, launchTaskpane, type TaskpaneBrowser } from "../support/taskpaneBrowser";

const SAMPLES = path.join(ROOT, "test/fixtures/ocf-1.2.0-samples");

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[]; readonly failureSummary?: string }[];
}

/** The page's WCAG 2.1 A/AA violations, each with a few of its elements. */
async function violations(page: Page): Promise<string[]> {
  // Through the DevTools protocol: the page's Content-Security-Policy (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  // Colours are measured once CSS transitions have ended: a button that was just re-enabled (the OCF
  // import, after its error) fades from its disabled greys, and axe would measure the contrast mid-fade.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
    // Fluent UI's focus manager (Tabster) adds hidden, focusable <i data-tabster-dummy> elements on purpose, to
    // keep keyboard focus in dialogs and lists; they are not content (a known false positive of aria-hidden-focus).
    const context = { include: [["html"]], exclude: [["[data-tabster-dummy]"]] };
    const result = await axe.run(context as unknown as Document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    // The rules ran on the page's content (a check that passes nothing would prove nothing).
    if (result.passes.length < 10) throw new Error("axe checked almost nothing");
    return result.violations;
  })) as Violation[];
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(", ")}`,
  );
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  let browser: TaskpaneBrowser;

  beforeAll(async () => {
    browser = await launchTaskpane();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test.each(["", "?lang=fr"])("every form, the templates tab and the preview%s", async (query) => {
    const page = await browser.open(query);
    // Contrast is judged on the settled page, not halfway through a message bar's fade-in.
    await page.emulateMedia({ reducedMotion: "reduce" });
    const problems: string[] = [];
    const check = async (what: string) => problems.push(...(await violations(page)).map((v) => `${what}: ${v}`));

    await check("empty stake-sale form");
    await page.getByTestId("load-example").click();
    await page.getByTestId("field-stake").fill("130");
    await check("stake sale with a message");
    await page.getByTestId("field-stake").fill("40");
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    await page.getByTestId("status").waitFor();
    await check("stake sale built, preview shown");

    for (const kind of ["pricedRound", "exitWaterfall"]) {
      await page.getByTestId("field-kind").selectOption(kind);
      await page.getByTestId("load-example").click();
      await page.getByTestId("add-" + (kind === "pricedRound" ? "instruments" : "classes")).click();
      await check(`${kind} with a blank row`);
    }
    await page.getByTestId("tab-templates").click();
    await check("templates tab");
    // The OCF import's report (every list and the md5 warnings: OCF's own samples) and its error.
    const zip = new JSZip();
    for (const f of fs.readdirSync(SAMPLES).filter((n) => n.endsWith(".ocf.json"))) zip.file(f, fs.readFileSync(path.join(SAMPLES, f)));
    const buffer = await zip.generateAsync({ type: "nodebuffer" });
    await page.getByTestId("ocf-file").setInputFiles({ name: "samples.ocf.zip", mimeType: "application/zip", buffer });
    await page.getByTestId("ocf-report").waitFor();
    await check("OCF import report");
    await page.getByTestId("ocf-file").setInputFiles({ name: "junk.ocf.zip", mimeType: "application/zip", buffer: Buffer.from("junk") });
    await page.getByTestId("ocf-error").waitFor();
    await check("OCF import error");
    expect(problems).toEqual([]);
    await page.close();
  });
});
