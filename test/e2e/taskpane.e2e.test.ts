/**
 * End to end: the BUILT taskpane (dist/, from `npm run build`) in headless Debian Chromium, driven
 * by playwright-core, outside Excel, so it runs as the preview.
 *
 * - dist/ is served on 127.0.0.1 and Office.js routed to its local copy (test/support/taskpaneBrowser.ts);
 *   every other outside request is refused and reported (the page must need no network);
 * - the expectations are computed with the model builder and the engine, not copied from the page.
 * A screenshot is saved to test-output/taskpane.png.
 */
import fs from "fs";
import path from "path";
import type { BrowserContext, Page } from "playwright-core";
import {
  OFFICE_CDN,
  OUTPUT,
  expectPreviewMatches as expectSheetInPreview,
  expectText,
  launchTaskpane,
  type TaskpaneBrowser,
} from "../support/taskpaneBrowser";
import { dec, stakeSale } from "../../src/engine";
import { OPCORE_EXAMPLE } from "../../src/model/stakeSaleInput";
import { buildStakeSaleModel } from "../../src/model/stakeSaleModel";
import { parseTemplateJson } from "../../src/templates";

describe("taskpane in headless Chromium (preview, no Excel)", () => {
  let browser: TaskpaneBrowser;
  let context: BrowserContext;
  let base: string;
  let outside: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchTaskpane();
    ({ context, base, outside, pageErrors } = browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = (query = ""): Promise<Page> => browser.open(query);

  /** Every cell the model describes shows its value (the engine's, for formulas) in the preview, formatted. */
  const expectPreviewMatches = (page: Page, input: typeof OPCORE_EXAMPLE) => expectSheetInPreview(page, buildStakeSaleModel(input).sheet, 40);

  test("OpCore example, stake changed to 40%, Build: the preview shows the engine's numbers", async () => {
    const page = await open();
    await expectText(page.getByTestId("mode"), "Preview");
    await expect(page.getByTestId("preview-banner").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true);

    await page.getByTestId("load-example").click();
    await expect(page.getByTestId("field-company").inputValue()).resolves.toBe("OpCore");
    await expect(page.getByTestId("field-stake").inputValue()).resolves.toBe("50");
    // Fields are found by their labels too (every field has one).
    await expect(page.getByLabel("Net debt").inputValue()).resolves.toBe("212,437,519.36");

    await page.getByLabel("Stake (%)").fill("40");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    await expectText(page.getByTestId("status"), "built", "contains");

    const input = { ...OPCORE_EXAMPLE, stake: 0.4 };
    await expectPreviewMatches(page, input);

    // Independently of the sheet description: the engine's price for 40% is in the preview.
    const deal = stakeSale({
      stake: dec(0.4),
      valuation: dec(860_000_000),
      basis: "EV",
      netDebt: dec(212_437_519.36),
      shareholderLoans: dec(148_250_000),
      capacity: dec(131),
    });
    expect(deal.price.total.toString()).toBe("259024992.256");
    const values = await page.$$eval("[data-value]", (cells) => cells.map((c) => c.getAttribute("data-value")));
    expect(values).toContain(deal.price.total.toNumber().toString());
    expect(values).toContain(deal.company.equityValue.toNumber().toString());
    expect(values).toContain(deal.sold.netDebt.toNumber().toString());
    expect(values).toContain("0.4");
    // The cap table after: Iliad 600,000 and InfraVia 400,000 shares.
    expect(values).toEqual(expect.arrayContaining(["600000", "400000"]));

    // The stake input cell is shown as a percentage.
    const stakeCell = buildStakeSaleModel(input).sheet.names.find((n) => n.name === "Stake");
    expect(stakeCell).toBeDefined();
    const stakeAddress = (stakeCell?.ref ?? "").replace(/\$/g, "");
    await expectText(page.locator(`[data-cell="${stakeAddress}"]`), /^40(\.0+)?%$/);
    await expect(page.locator(`[data-cell="${stakeAddress}"]`).getAttribute("data-name")).resolves.toBe("Stake");

    // Excel's column widths are kept (in characters, ~6 px each): long texts do not widen their column.
    const widths = await page.$$eval('[data-testid="preview-grid"] thead th', (ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
    const specWidths = new Map((buildStakeSaleModel(input).sheet.columns ?? []).map((c) => [c.column, c.width]));
    expect(Math.abs(widths[1] - ((specWidths.get("A") ?? 0) * 6 + 5))).toBeLessThanOrEqual(2);
    expect(Math.abs(widths[2] - ((specWidths.get("B") ?? 0) * 6 + 5))).toBeLessThanOrEqual(2);

    // Screenshots: a browser window (form and sheet side by side) and an Excel taskpane's width.
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: path.join(OUTPUT, "taskpane.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 1000 });
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-narrow.png") });
    expect(fs.statSync(path.join(OUTPUT, "taskpane.png")).size).toBeGreaterThan(10_000);
    // At a taskpane's width nothing overflows sideways but the sheet grid (which scrolls in its own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 480, height: 900 });

    // The model is listed; Rebuild after an edit keeps its sheet; "Build as a new model" adds one.
    await expectText(page.getByTestId("build"), "Rebuild");
    await page.getByLabel("Stake (%)").fill("45");
    // Keyboard: Enter in a field submits the form (Rebuild), as in any Office dialog.
    await page.getByLabel("Stake (%)").press("Enter");
    await page.locator('[data-name="Stake"][data-value="0.45"]').waitFor();
    await expectText(page.getByTestId("status"), 'Model "OpCore deal" built. Preview below.');
    await expectPreviewMatches(page, { ...OPCORE_EXAMPLE, stake: 0.45 });
    await expect(page.getByTestId("models").locator("option").count()).resolves.toBe(1);
    await page.getByTestId("build-new").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="models"] option').length === 2);
    const sheets = await page.getByTestId("models").locator("option").allTextContents();
    expect(sheets).toEqual(["OpCore deal", "OpCore deal (2)"]);

    // Re-open the first model from the list: its stored inputs fill the form, Rebuild targets it.
    await page.getByLabel("Stake (%)").fill("10");
    await page.getByTestId("models").selectOption({ label: "OpCore deal" });
    await page.getByTestId("model-open").click();
    await expect(page.getByLabel("Stake (%)").inputValue()).resolves.toBe("45");
    await expect(page.getByText('Editing "OpCore deal"').isVisible()).resolves.toBe(true);
    await expectText(page.getByTestId("build"), "Rebuild");
    await page.close();
  });

  test("bad input disables Build, with the reason next to the field and on the button", async () => {
    const page = await open();
    await page.getByTestId("load-example").click();
    await page.getByTestId("field-stake").fill("130");
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true);
    await expectText(page.getByTestId("error-stake"), "Stake must be between 0% and 100%, got 130%");
    await expectText(page.getByTestId("build-reason"), "Stake must be between 0% and 100%, got 130%", "contains");
    await expect(page.getByTestId("field-stake").getAttribute("aria-invalid")).resolves.toBe("true");

    await page.getByTestId("field-stake").fill("50");
    await page.getByTestId("field-valuation").fill("860M");
    await expectText(page.getByTestId("error-valuation"), 'Valuation must be a number, got "860M"');
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true);

    await page.getByTestId("field-valuation").fill("860000000");
    await page.getByTestId("field-seller").fill("Bouygues");
    await expectText(page.getByTestId("error-seller"), 'Seller "Bouygues" must be one of the holders');
    await page.getByTestId("field-seller").fill("Iliad");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.close();
  });

  test("pasting a tab-separated cap table", async () => {
    const page = await open();
    await page.getByTestId("load-example").click();
    await page.getByTestId("paste-open-capTable").click();
    await page.getByTestId("paste-text-capTable").fill("Holder\tShares\nIliad\t600,000\nFonds Lambda\t400000\n");
    await page.getByTestId("paste-apply-capTable").click();
    await expect(page.getByTestId("cell-capTable-1-holder").inputValue()).resolves.toBe("Fonds Lambda");
    // Pasted text is kept as typed (thousands separators included); the form reads it as 600000.
    await expect(page.getByTestId("cell-capTable-0-shares").inputValue()).resolves.toBe("600,000");
    await expectText(page.getByTestId("status"), "2 holders pasted", "contains");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.getByTestId("remove-capTable-1").click();
    await expect(page.getByTestId("cell-capTable-1-holder").count()).resolves.toBe(0);
    await page.close();
  });

  test("a hostile template is refused with its messages; a built-in one fills the form", async () => {
    const page = await open();
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("template-file").setInputFiles({
      name: "evil.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format":"captable-template","version":1,"kind":"stakeSale","__proto__":{"x":1}}'),
    });
    await expectText(page.getByTestId("status"), "could not be imported", "contains");
    await expectText(page.getByTestId("status-details"), /__proto__/);

    await page.getByRole("button", { name: /Use: Stake sale: 50% of OpCore/ }).click();
    await page.getByLabel("Stake (%)").fill("40");
    // Save as template: the downloaded file is a valid template of the current inputs.
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("template-save").click();
    await page.getByTestId("template-title").fill("OpCore at 40%");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-download").click()]);
    expect(download.suggestedFilename()).toBe("opcore-at-40.captable.json");
    // Reported as started, never as saved (Excel for Mac downloads nothing: templateExport.ts); the dialog stays open to copy.
    await expectText(page.getByTestId("template-outcome"), /^Download of opcore-at-40\.captable\.json started: if no file appears/);
    await expect(page.getByTestId("template-json").isVisible()).resolves.toBe(true);
    await page.getByTestId("template-close").click();
    const saved = parseTemplateJson(fs.readFileSync(await download.path(), "utf8"));
    expect(saved.ok && saved.template.title).toBe("OpCore at 40%");
    expect(saved.ok && saved.template.inputs).toEqual({ ...OPCORE_EXAMPLE, stake: 0.4 });
    expect(saved.ok && saved.template.toFill.map((e) => e.field)).toEqual(["netDebt", "shareholderLoans"]);
    // ... and imports back.
    await page.getByTestId("template-file").setInputFiles(await download.path());
    await expectText(page.getByTestId("status"), 'Template "OpCore at 40%" loaded into the form.');
    await expect(page.getByLabel("Stake (%)").inputValue()).resolves.toBe("40");
    await expect(page.getByTestId("field-company").inputValue()).resolves.toBe("OpCore");
    await expect(page.getByText("To fill: Not public", { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.close();
  });

  test("French with ?lang=fr", async () => {
    const page = await open("?lang=fr");
    await expectText(page.getByTestId("mode"), "Aperçu");
    // French labels are longer: still nothing overflows sideways at a taskpane's width.
    await page.setViewportSize({ width: 320, height: 900 });
    for (const tab of ["Modèles types", "Modèle"]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    }
    await page.getByRole("button", { name: "Charger l’exemple OpCore" }).click();
    await expect(page.getByLabel("Dette nette").inputValue()).resolves.toBe("212\u202f437\u202f519,36");
    await page.getByLabel("Participation (%)").fill("130");
    await expectText(page.getByTestId("error-stake"), "La participation doit être comprise entre 0 % et 100 %, reçu 130 %");
    await expect(page.getByRole("button", { name: "Générer" }).isDisabled()).resolves.toBe(true);
    await page.getByLabel("Participation (%)").fill("40");
    await page.getByRole("button", { name: "Générer" }).click();
    await page.getByTestId("preview-grid").waitFor();
    const price = stakeSale({
      stake: dec(0.4),
      valuation: dec(860_000_000),
      basis: "EV",
      netDebt: dec(212_437_519.36),
      shareholderLoans: dec(148_250_000),
    }).price.total;
    const values = await page.$$eval("[data-value]", (cells) => cells.map((c) => c.getAttribute("data-value")));
    expect(values).toContain(price.toNumber().toString());
    // A French taskpane builds a French sheet: every cell of the French build is in the preview, in French (issue 14).
    const french = buildStakeSaleModel({ ...OPCORE_EXAMPLE, stake: 0.4 }, "fr").sheet;
    await expectSheetInPreview(page, french, 40, "fr");
    expect(french.cells.find((c) => c.address === "A1")!.value).toBe("OpCore\u00a0: cession de participation");
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-fr-sheet.png"), fullPage: true });
    await page.close();
  });

  test("in Excel (a stand-in Office.js): French from Office's display language, paste from the selection, failures reported", async () => {
    // Office.js replaced by a stand-in that reports Excel with a French display language. Excel.run
    // gives a context that can only read the selection; everything else fails as Excel would.
    const standIn = `
      (function () {
        var info = { host: "Excel", platform: "PC" };
        // Office.js defines the custom-functions runtime the functions bundle registers with.
        window.CustomFunctions = { associate: function () {}, Error: Error, ErrorCode: {} };
        window.Office = {
          HostType: { Excel: "Excel" },
          context: { displayLanguage: "fr-FR" },
          onReady: function (cb) { if (cb) cb(info); return Promise.resolve(info); }
        };
        function fail(name) { throw new Error("RichApi.Error: " + name + " is not available"); }
        var used = { isNullObject: false, rowCount: 3, columnCount: 2,
          values: [["Actionnaire", "Actions"], ["Iliad", 700000], ["Fonds Alpha", 300000]],
          numberFormat: [["General", "General"], ["General", "#,##0"], ["General", "#,##0"]],
          load: function () {} };
        // The date-system probe (src/workbook/office/dateSystem.ts): DATE(1904,1,1) is 1,462 in a 1900 workbook.
        var functions = { date: function () { return { value: 1462, error: null, load: function () {} }; } };
        var context = new Proxy({
          workbook: new Proxy({ functions: functions, getSelectedRange: function () { return { getUsedRangeOrNullObject: function () { return used; } }; } },
            { get: function (t, k) { return k in t ? t[k] : fail("workbook." + String(k)); } }),
          sync: function () { return Promise.resolve(); }
        }, { get: function (t, k) { return k in t ? t[k] : fail("context." + String(k)); } });
        window.Excel = { run: function (cb) { return Promise.resolve().then(function () { return cb(context); }); } };
      })();`;
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.route(`${OFFICE_CDN}**`, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: standIn }));
    await page.goto(`${base}/taskpane.html`);
    await expectText(page.getByTestId("mode"), "Excel");
    await expect(page.getByTestId("preview-banner").count()).resolves.toBe(0);
    await expectText(page.getByTestId("status"), "Les modèles de ce classeur n’ont pas pu être lus", "contains");
    await expectText(page.getByTestId("models-error"), "Les modèles de ce classeur n’ont pas pu être lus", "contains");

    await page.getByRole("button", { name: "Charger l’exemple OpCore" }).click();
    await page.getByTestId("paste-selection-capTable").click();
    await expectText(page.getByTestId("status"), "2 actionnaires collés.", "contains");
    await expect(page.getByTestId("cell-capTable-1-holder").inputValue()).resolves.toBe("Fonds Alpha");
    await expect(page.getByTestId("cell-capTable-0-shares").inputValue()).resolves.toBe("700000");

    await page.getByRole("button", { name: "Générer" }).click();
    await expectText(page.getByTestId("status"), /^La feuille n’a pas pu être écrite ; le classeur est resté inchangé\. .*RichApi\.Error/);
    await expect(page.getByTestId("preview").count()).resolves.toBe(0);
    await page.close();
  });

  test("in a plain browser with no Office.js (the CDN unreachable): the preview starts and the console shows no error of ours", async () => {
    // The functions bundle associates each function with Excel's runtime; where there is none the
    // calls are skipped (scripts/guard-associate-loader.cjs) instead of throwing
    // "ReferenceError: CustomFunctions is not defined" on every load.
    const problems: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => {
      // The refused Office.js request itself is the scenario, not an error of the page.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    };
    const offline = (route: { abort(): Promise<void> }) => route.abort();
    await context.route(`${OFFICE_CDN}**`, offline);
    context.on("console", onConsole);
    const before = pageErrors.length;
    try {
      const page = await open();
      await expectText(page.getByTestId("mode"), "Preview");
      await page.getByTestId("load-example").click();
      await page.getByTestId("build").click();
      await page.getByTestId("preview-grid").waitFor();
      expect(pageErrors.slice(before)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      context.off("console", onConsole);
      await context.unroute(`${OFFICE_CDN}**`, offline);
    }
  });

  test("no page errors, and no request left the machine", () => {
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
