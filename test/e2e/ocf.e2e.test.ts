/**
 * End to end: the OCF import in the BUILT taskpane (dist/), headless Chromium, preview mode.
 * - OCF's official 1.2.0 sample package (test/fixtures/ocf-1.2.0-samples, zipped here) shows its
 *   report: every object accounted for, the stale md5s warned, the skipped warrant with its reason;
 *   the samples are a catalogue, not one cap table, so the panel says why no cap table is built.
 * - Hostile packages (a zip bomb whose headers lie, a bad md5 with "refuse" ticked) show a clear
 *   error and change nothing: no report, the form as it was, no model.
 * - A consistent package fills the priced round as of a date (the choice other than the default
 *   history); with the round's terms typed, it builds.
 * The expectations are computed in Node with the same reader (src/taskpane/ocfImport.ts), not copied
 * from the page. The reader is its own chunk (ocf-import.js), loaded from the page's origin.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { DIST, expectText, launchTaskpane, type TaskpaneBrowser } from "../support/taskpaneBrowser";
import { MESSAGES } from "../../src/taskpane/i18n";
import { ocfRuleMessage, readOcfZip, reportView } from "../../src/taskpane/ocfImport";
import { companyPackage } from "../ocf/ocfFixture";

const SAMPLES = path.resolve(__dirname, "../fixtures/ocf-1.2.0-samples");

async function zipOf(files: readonly { path: string; bytes: Uint8Array }[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const samplePackage = () =>
  zipOf(
    fs
      .readdirSync(SAMPLES)
      .filter((f) => f.endsWith(".ocf.json"))
      .map((f) => ({ path: f, bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES, f))) })),
  );

describe("OCF import in the taskpane (headless Chromium, preview)", () => {
  let browser: TaskpaneBrowser;

  beforeAll(async () => {
    browser = await launchTaskpane();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const openTemplates = async (query = ""): Promise<Page> => {
    const page = await browser.open(query);
    await page.getByTestId("tab-templates").click();
    return page;
  };
  const upload = (page: Page, name: string, buffer: Buffer) =>
    page.getByTestId("ocf-file").setInputFiles({ name, mimeType: "application/zip", buffer });
  const lines = (page: Page, testId: string) => page.getByTestId(testId).locator("li").allTextContents();

  test("the reader is a chunk of its own, not in the first load", () => {
    expect(fs.existsSync(path.join(DIST, "ocf-import.js"))).toBe(true);
    expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).not.toContain("OCF_MANIFEST_FILE");
  });

  test("OCF's official samples: the report, md5 warnings, the skipped warrant, and why no cap table is built", async () => {
    const bytes = await samplePackage();
    const expected = await readOcfZip(new Uint8Array(bytes), false);
    const view = reportView(expected.imported.report, MESSAGES.en, "en");
    expect(expected.inconsistent).toBeDefined();

    const page = await openTemplates();
    await upload(page, "acme.ocf.zip", bytes);
    await expectText(page.getByTestId("ocf-summary"), view.summary);
    expect(view.summary).toMatch(/^ACME Industries: OCF 1\.2\.0 package as of /);
    await expectText(page.getByTestId("ocf-counts"), view.counts);
    await expect(lines(page, "ocf-skipped")).resolves.toEqual([...view.skipped]);
    expect(view.skipped).toEqual([expect.stringMatching(/test-pps-based-warrant-issuance-full-fields.*is not counted in the cap table/)]);
    await expect(lines(page, "ocf-no-effect")).resolves.toEqual([...view.noEffect]);
    const md5 = await lines(page, "ocf-md5");
    expect(md5).toEqual([...view.md5]);
    expect(md5.length).toBeGreaterThanOrEqual(8);
    await expectText(page.getByTestId("ocf-inconsistent"), ocfRuleMessage(expected.inconsistent!, "en"), "contains");
    await expect(page.getByTestId("ocf-fill").count()).resolves.toBe(0);
    expect(browser.outside).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  });

  test("in French: the summary, the reasons, the warnings and why no cap table is built, with no English left", async () => {
    const bytes = await samplePackage();
    const read = await readOcfZip(new Uint8Array(bytes), false);
    const view = reportView(read.imported.report, MESSAGES.fr, "fr");
    const page = await openTemplates("?lang=fr");
    await upload(page, "acme.ocf.zip", bytes);
    await expectText(page.getByTestId("ocf-summary"), view.summary);
    expect(view.summary).toMatch(/^ACME Industries : paquet OCF 1\.2\.0 au /);
    await expect(lines(page, "ocf-skipped")).resolves.toEqual([...view.skipped]);
    await expect(lines(page, "ocf-md5")).resolves.toEqual([...view.md5]);
    expect(view.md5[0]).toMatch(/son md5 est/);
    await expect(lines(page, "ocf-no-effect")).resolves.toEqual([...view.noEffect]);
    await expect(lines(page, "ocf-warnings")).resolves.toEqual([...view.other]);
    const inconsistent = ocfRuleMessage(read.inconsistent!, "fr");
    await expectText(page.getByTestId("ocf-inconsistent"), inconsistent, "contains");
    // The reader's English words appear nowhere in the French report.
    const text = await page.getByTestId("ocf-report").innerText();
    expect(text).not.toMatch(/\b(is not|the manifest|read anyway|not counted|holdings do not change|in English)\b/);
    await page.close();
  });

  test("hostile packages: a clear error, nothing read, the form unchanged", async () => {
    const page = await openTemplates();
    // A bad md5, refused when asked: the command line's --require-md5.
    await page.getByTestId("ocf-require-md5").click();
    await upload(page, "stale.ocf.zip", await zipOf(companyPackage(undefined, true)));
    await expectText(
      page.getByTestId("ocf-error"),
      /stale\.ocf\.zip could not be imported; nothing was changed\..*md5 is [0-9a-f]{32}, the manifest says/,
    );
    await expect(page.getByTestId("ocf-report").count()).resolves.toBe(0);

    // A zip bomb whose headers say 1 KB: inflation stops at the cap.
    const zip = new JSZip();
    zip.file("Manifest.ocf.json", new Uint8Array(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = bomb.readUInt32LE(i);
      if (sig === 0x04034b50) bomb.writeUInt32LE(1024, i + 22);
      if (sig === 0x02014b50) bomb.writeUInt32LE(1024, i + 24);
    }
    await upload(page, "bomb.ocf.zip", bomb);
    await expectText(
      page.getByTestId("ocf-error"),
      /bomb\.ocf\.zip could not be imported; nothing was changed\.Manifest\.ocf\.json inflates to more than the 52428800 bytes read/,
    );
    await expect(page.getByTestId("ocf-report").count()).resolves.toBe(0);

    // No partial model: the form is the stake sale as it was, and no model was made.
    await page.getByTestId("tab-model").click();
    await expect(page.getByTestId("field-company").inputValue()).resolves.toBe("");
    await expect(page.getByTestId("models-empty").isVisible()).resolves.toBe(true);
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  });

  test("a consistent package fills the priced round as of a date; with the round's terms, it builds", async () => {
    const page = await openTemplates();
    await upload(page, "example.ocf.zip", await zipOf(companyPackage()));
    await expectText(page.getByTestId("ocf-summary"), "Example SAS: OCF 1.2.0 package as of 2025-06-30.");
    await expect(page.getByTestId("ocf-as-of").inputValue()).resolves.toBe("2025-06-30");
    await page.getByTestId("ocf-as-of").fill("2024-06-29");
    // The history is the default target; the priced round is the other choice, each stated in a sentence.
    await expectText(page.getByTestId("ocf-target-sentence"), /^The cap-table history \(the default\)/);
    await page.getByTestId("ocf-target-round").click();
    await expectText(page.getByTestId("ocf-target-sentence"), /^The cap table as of the date fills the priced round's cap table/);
    await page.getByTestId("ocf-fill").click();
    await expectText(page.getByTestId("status"), /^Cap table of Example SAS as of 2024-06-29 loaded into the priced round\./, "contains");
    await expect(page.getByTestId("field-company").inputValue()).resolves.toBe("Example SAS");
    // Before the seed round (2024-06-30): the founders and Eve's options, and the plan's available pool.
    const holders = await page
      .locator('[data-testid^="cell-capTable-"][data-testid$="-holder"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(holders).toEqual(["Ana Founder", "Ben Founder", "Eve Engineer", "2023 Plan (available)"]);
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true); // the pre-money and the new money are still to fill
    await page.getByTestId("field-preMoney").fill("10000000");
    await page.getByTestId("cell-investors-0-name").fill("Seed Fund I");
    await page.getByTestId("cell-investors-0-amount").fill("2500000");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    await expectText(page.getByTestId("status"), "built", "contains");
    expect(browser.pageErrors).toEqual([]);
    expect(browser.outside).toEqual([]);
    await page.close();
  });
  test("by default a package fills the cap-table history: classes, plans and dated events, with what the model does not hold in the status; it builds", async () => {
    const page = await openTemplates();
    await upload(page, "example.ocf.zip", await zipOf(companyPackage()));
    await expectText(page.getByTestId("ocf-target-sentence"), /^The cap-table history \(the default\)/);
    await page.getByTestId("ocf-fill").click();
    await expectText(page.getByTestId("status"), /History of Example SAS loaded into the cap-table history model/, "contains");
    await expect(page.getByTestId("field-company").inputValue()).resolves.toBe("Example SAS");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    await expectText(page.getByTestId("status"), "built", "contains");
    expect(browser.pageErrors).toEqual([]);
    expect(browser.outside).toEqual([]);
    await page.close();
  });
});
