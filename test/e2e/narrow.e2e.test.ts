/**
 * End to end at an Excel taskpane's width (350 px), in English and French, on the BUILT taskpane
 * (preview, no Excel): tables as compact grids that scroll in their own box (the built-in exit
 * template's form was 4,892 px tall at 350 px with a card per class; it must stay under 2,000),
 * names and amounts not cut, thousands separators once a cell is left, one state at a time (no red
 * before typing, no "built" next to "disabled", the header's model in the picker, no preview of
 * another model type), messages as sentences, the key outputs and the chart legible, the computed
 * columns explained. Screenshots go to test-output/narrow-*.png.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { OUTPUT, expectText, launchTaskpane, type TaskpaneBrowser } from "../support/taskpaneBrowser";

const WIDTH = 350;
const LANGS = [
  ["en", ""],
  ["fr", "?lang=fr"],
] as const;

describe("the taskpane at 350 px (preview, no Excel)", () => {
  let browser: TaskpaneBrowser;

  beforeAll(async () => {
    browser = await launchTaskpane();
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query: string): Promise<Page> {
    const page = await browser.open(query);
    await page.setViewportSize({ width: WIDTH, height: 900 });
    // Screenshots of the settled page, not halfway through a fade-in.
    await page.emulateMedia({ reducedMotion: "reduce" });
    return page;
  }

  async function useTemplate(page: Page, id: string): Promise<void> {
    await page.getByTestId("tab-templates").click();
    await page.getByTestId(`template-${id}`).getByRole("button").first().click();
    await page.getByTestId("build").waitFor();
  }

  /** Nothing overflows the page sideways (the grids and the sheet scroll in their own boxes); polled, as a resize lays out again. */
  async function expectNoSidewaysOverflow(page: Page): Promise<void> {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const deadline = Date.now() + 5_000;
    while ((await overflow()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
  }

  /** The text boxes of the tables whose text is wider than the box (shown cut: "Foun", "8571"). */
  const cutCells = (page: Page) =>
    page.$$eval('input[data-testid^="cell-"]', (inputs) =>
      (inputs as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth + 1).map((i) => `${i.dataset.testid}: ${i.value}`),
    );

  test.each(LANGS)("%s: the exit template's form is compact grids, readable, grouped once left", async (lang, query) => {
    const page = await open(query);
    await useTemplate(page, "exit-waterfall");
    await page.screenshot({ path: path.join(OUTPUT, `narrow-exit-${lang}.png`), fullPage: true });
    const height = await page.locator("form").evaluate((f) => Math.round(f.getBoundingClientRect().height));
    expect(height).toBeLessThan(2000);
    await expectNoSidewaysOverflow(page);
    // The classes are a grid (one line per class) that scrolls sideways in its own box, not a card per class.
    const grid = page.getByTestId("grid-classes");
    expect(await grid.evaluate((g) => g.scrollWidth > g.clientWidth)).toBe(true);
    expect(await grid.evaluate((g) => g.getBoundingClientRect().right)).toBeLessThanOrEqual(WIDTH);
    const rows = await page
      .locator('[data-testid^="row-classes-"]')
      .evaluateAll((trs) => trs.map((tr) => Math.round(tr.getBoundingClientRect().height)));
    expect(rows.length).toBe(5);
    for (const h of rows) expect(h).toBeLessThan(40);
    await page.getByTestId("section-classes").screenshot({ path: path.join(OUTPUT, `narrow-exit-classes-${lang}.png`) });
    // Names and amounts whole, with their separators.
    await expect(cutCells(page)).resolves.toEqual([]);
    const sep = lang === "en" ? "," : "\u202f";
    await expect(page.getByTestId("cell-classes-0-shares").inputValue()).resolves.toBe(`8${sep}571${sep}428`);
    await expect(page.getByTestId("cell-holdings-0-holder").inputValue()).resolves.toBe("Founder 1");
    // Typed plain, shown grouped once the cell is left; typed grouped, read exactly (no message).
    await page.getByTestId("cell-classes-0-shares").fill(lang === "en" ? "9000000.5" : "9000000,5");
    await page.getByTestId("cell-classes-0-shares").press("Tab");
    await expect(page.getByTestId("cell-classes-0-shares").inputValue()).resolves.toBe(lang === "en" ? "9,000,000.5" : "9\u202f000\u202f000,5");
    await page.getByTestId("cell-classes-1-shares").fill(lang === "en" ? "2,571,428" : "2 571 428");
    await page.getByTestId("cell-classes-1-shares").press("Tab");
    await expect(page.getByTestId("error-classes.1.shares").count()).resolves.toBe(0);
    await expect(page.getByTestId("cell-classes-1-shares").inputValue()).resolves.toBe(`2${sep}571${sep}428`);
    await page.getByTestId("field-exitValue").fill("12000000");
    await page.getByTestId("field-exitValue").press("Tab");
    await expect(page.getByTestId("field-exitValue").inputValue()).resolves.toBe(`12${sep}000${sep}000`);
    // A column's note is under the grid, and each cell of the column points to it.
    const described = await page.getByTestId("cell-classes-0-preference").getAttribute("aria-describedby");
    expect(described).toBeTruthy();
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toContain(lang === "en" ? "Multiple of invested capital" : "Multiple");
    await grid.evaluate((g) => g.scrollTo({ left: 0 }));
    await page.screenshot({ path: path.join(OUTPUT, `narrow-exit-edited-${lang}.png`), fullPage: true });
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    // The key outputs: each answer shown whole inside the pane, without scrolling sideways.
    const card = page.getByTestId("key-outputs");
    await card.waitFor();
    const box = await card.evaluate((c) => c.getBoundingClientRect().right);
    expect(box).toBeLessThanOrEqual(WIDTH);
    const values = await card
      .locator('[data-testid="key-output-value"]')
      .evaluateAll((dds) =>
        dds.map((d) => ({ text: d.textContent ?? "", right: d.getBoundingClientRect().right, whole: d.scrollWidth <= d.clientWidth + 1 })),
      );
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const v of values) {
      expect(v.text).not.toBe("");
      expect(v.right).toBeLessThanOrEqual(WIDTH);
      expect(v.whole).toBe(true);
    }
    // The chart's category labels: legible (at least 10 px as drawn) and not overlapping.
    const labels = await page.locator('[data-testid="chart-label"]').evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        const svg = (t as SVGTextElement).ownerSVGElement as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, px: Number(t.getAttribute("font-size")) * scale };
      }),
    );
    expect(labels.length).toBeGreaterThan(3);
    for (const l of labels) expect(l.px).toBeGreaterThanOrEqual(10);
    // Turned labels may overlap only diagonally: along the axis their baselines are a band apart, so compare their boxes' left sides.
    for (let k = 1; k < labels.length; k++) expect(labels[k].left).toBeGreaterThan(labels[k - 1].left);
    await page.getByTestId("key-outputs").screenshot({ path: path.join(OUTPUT, `narrow-exit-key-outputs-${lang}.png`) });
    await page
      .getByTestId("preview-chart")
      .first()
      .screenshot({ path: path.join(OUTPUT, `narrow-exit-chart-${lang}.png`) });
    await page.screenshot({ path: path.join(OUTPUT, `narrow-exit-preview-${lang}.png`), fullPage: true });
    await page.close();
  });

  test.each(LANGS)("%s: the priced round's computed columns are explained where they appear", async (lang, query) => {
    const page = await open(query);
    await page.getByTestId("field-kind").selectOption("pricedRound");
    await page.getByTestId("load-example").click();
    await expect(cutCells(page)).resolves.toEqual([]);
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    const header = page.locator('[data-testid="preview-grid"] td', { hasText: /^Pro rata investment$/ }).first();
    const id = await header.getAttribute("aria-describedby");
    expect(id).toBeTruthy();
    const note = page.getByTestId("column-notes").locator(`[id="${id}"]`);
    await expectText(note, lang === "en" ? "keep its stake" : "garder sa part", "contains");
    await expect(header.getAttribute("title")).resolves.toContain(lang === "en" ? "new money raised" : "argent frais");
    for (const computed of ["Conversion price", "Converts at", "Pro rata right (shares)"]) {
      const cell = page.locator('[data-testid="preview-grid"] td', { hasText: new RegExp(`^${computed.replace(/[()]/g, "\\$&")}$`) }).first();
      await expect(cell.getAttribute("aria-describedby")).resolves.toMatch(/^column-note-/);
    }
    await expectNoSidewaysOverflow(page);
    await page.screenshot({ path: path.join(OUTPUT, `narrow-round-${lang}.png`), fullPage: true });
    await page.getByTestId("column-notes").screenshot({ path: path.join(OUTPUT, `narrow-round-notes-${lang}.png`) });
    await page.getByTestId("section-instruments").screenshot({ path: path.join(OUTPUT, `narrow-round-instruments-${lang}.png`) });
    await page.close();
  });

  test.each(LANGS)("%s: one clear state at a time; messages as sentences", async (lang, query) => {
    const page = await open(query);
    // Nothing red before anything is typed: no message, and Build says what is left to fill.
    await expect(page.locator('[data-testid^="error-"]').count()).resolves.toBe(0);
    await expect(page.getByTestId("build-reason").count()).resolves.toBe(0);
    await expect(page.getByTestId("build-todo").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, `narrow-empty-${lang}.png`), fullPage: true });
    // A field typed then emptied shows its own message, and only its own.
    await page.getByTestId("field-company").fill("X");
    await page.getByTestId("field-company").fill("");
    await expectText(page.getByTestId("error-company"), lang === "en" ? "Company is required" : "Société est obligatoire");
    await expect(page.locator('[data-testid^="error-"]').count()).resolves.toBe(1);

    await page.getByTestId("load-example").click();
    await page.getByTestId("field-shareholderLoans").fill("");
    await expectText(
      page.getByTestId("error-shareholderLoans"),
      lang === "en" ? "Shareholder loans are required" : "Comptes courants d’associés sont obligatoires",
    );
    await page.getByTestId("field-shareholderLoans").fill("0");
    // Shares in a message are grouped as the form shows them.
    await page.getByTestId("cell-capTable-0-shares").fill("100000");
    await page.getByTestId("add-capTable").click();
    await page.getByTestId("cell-capTable-1-holder").fill("Fund");
    await page.getByTestId("cell-capTable-1-shares").fill("1700000");
    await expectText(
      page.getByTestId("error-stake"),
      lang === "en"
        ? 'Stake of 50% is 900,000 shares but seller "Iliad" holds 100,000'
        : "Une participation de 50 % représente 900\u202f000 actions, mais le cédant « Iliad » n’en détient que 100\u202f000",
    );
    await page.getByTestId("remove-capTable-1").click();
    await page.getByTestId("cell-capTable-0-shares").fill("1000000");

    // Built: green. Then an edit that blocks Build: the "built" message goes, only the reason stays.
    await page.getByTestId("build").click();
    await page.getByTestId("preview-grid").waitFor();
    await expect(page.getByTestId("status").getAttribute("class")).resolves.toBeTruthy();
    await expectText(page.getByTestId("status"), lang === "en" ? "built" : "généré", "contains");
    await page.getByTestId("field-stake").fill("130");
    await page.getByTestId("build-reason").waitFor();
    await expect(page.getByTestId("status").count()).resolves.toBe(0);
    await page.getByTestId("field-stake").fill("50");

    // The header names the model the picker shows, after a second model is built.
    await page.getByTestId("build-new").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="models"] option').length === 2);
    const picked = await page.getByTestId("models").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
    await expect(page.locator("h1 + p").textContent()).resolves.toContain(picked);
    expect(picked).toMatch(/\(2\)$/);

    // Switching the model type does not leave the stake sale's sheet under the priced round's form.
    await page.getByTestId("field-kind").selectOption("pricedRound");
    await expect(page.getByTestId("preview").count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^="error-"]').count()).resolves.toBe(0);
    await page.getByTestId("field-kind").selectOption("stakeSale");
    await expect(page.getByTestId("preview").count()).resolves.toBe(1);
    await page.close();
  });

  test("no page errors, and no request left the machine", () => {
    expect(browser.pageErrors).toEqual([]);
    expect(browser.outside).toEqual([]);
  });
});
