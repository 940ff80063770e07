/**
 * End to end: the venture forms of the BUILT taskpane (priced round, exit waterfall) in headless
 * Chromium, outside Excel (the preview): pick the model type, fill or load, Build, and the preview
 * shows what the model builder and the engine compute; templates, stored models, pasting, errors,
 * French, a taskpane's width. Expectations are computed with the model builders, not copied from
 * the page. Screenshots go to test-output/venture-*.png.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { YC_EXAMPLE_1, type PricedRoundInput } from "../../src/model/pricedRoundInput";
import { computePricedRound } from "../../src/model/pricedRoundModel";
import type { ExitWaterfallInput } from "../../src/model/exitWaterfallInput";
import { EXIT_WATERFALL_EXAMPLE } from "../../src/taskpane/forms";
import { builtInTemplate, parseTemplateJson } from "../../src/templates";
import { OUTPUT, expectPreviewMatches as expectSheetInPreview, expectText, launchTaskpane, type TaskpaneBrowser } from "../support/taskpaneBrowser";

describe("venture forms in headless Chromium (preview, no Excel)", () => {
  let browser: TaskpaneBrowser;

  beforeAll(async () => {
    browser = await launchTaskpane();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const expectPreviewMatches = (page: Page, input: ModelInputs, minimum: number) => expectSheetInPreview(page, buildModel(input).sheet, minimum);

  /** At a taskpane's width nothing overflows sideways but the sheet grid (which scrolls in its own box); polled, as a resize lays out again. */
  async function expectNoSidewaysOverflow(page: Page): Promise<void> {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const deadline = Date.now() + 5_000;
    while ((await overflow()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
  }

  test("priced round: the YC example, then a convertible note added in the form, built and previewed", async () => {
    const page = await browser.open();
    await page.getByTestId("field-kind").selectOption("pricedRound");
    await expectText(page.locator("h1 + p"), "Priced round model");
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true);
    await page.getByTestId("load-example").click();
    await expectText(page.getByTestId("status"), "YC Post-Money Safe User Guide, Example 1 loaded", "contains");
    await expect(page.getByLabel("Pre-money valuation").inputValue()).resolves.toBe("15,000,000");
    await expect(page.getByTestId("field-poolMode").inputValue()).resolves.toBe("increase");
    await expect(page.getByLabel("Shares added to the pool").inputValue()).resolves.toBe("1,695,000");
    await expect(page.getByTestId("cell-instruments-1-cap").inputValue()).resolves.toBe("8,000,000");

    await page.getByTestId("build").click();
    await expectText(page.getByTestId("status"), 'Model "YC Example 1 round" built. Preview below.');
    await expectPreviewMatches(page, YC_EXAMPLE_1, 40);
    // The Guide's price, independently of the sheet: $1.1144 (rounded to 4 places).
    const price = computePricedRound(YC_EXAMPLE_1).round.pricePerShare;
    expect(price.toDecimalPlaces(4).toString()).toBe("1.1144");
    const values = await page.$$eval("[data-value]", (cells) => cells.map((c) => c.getAttribute("data-value")));
    expect(values).toContain(price.toNumber().toString());
    // The SAFE holders' shares (the Guide: 588,235 and 1,176,470).
    expect(values).toEqual(expect.arrayContaining(["588235", "1176470"]));

    // A convertible note: its interest columns appear only for the type NOTE.
    await page.getByTestId("add-instruments").click();
    await expect(page.getByTestId("cell-instruments-2-rate").count()).resolves.toBe(0);
    await page.getByTestId("cell-instruments-2-holder").fill("Angel");
    await page.getByTestId("cell-instruments-2-type").selectOption("NOTE");
    await page.getByTestId("cell-instruments-2-amount").fill("100,000");
    await page.getByTestId("cell-instruments-2-cap").fill("10000000");
    await page.getByTestId("cell-instruments-2-discount").fill("20");
    await page.getByTestId("cell-instruments-2-rate").fill("8%");
    await page.getByTestId("cell-instruments-2-startDate").fill("2024-01-01");
    // Rebuild is blocked until the conversion date is there, with the reason next to it.
    await expectText(page.getByTestId("error-instruments.2.conversionDate"), "Interest conversion date must be a date YYYY-MM-DD");
    await expect(page.getByTestId("build").isDisabled()).resolves.toBe(true);
    await page.getByTestId("cell-instruments-2-conversionDate").fill("2025-07-01");
    await page.getByTestId("cell-instruments-2-compounding").selectOption("ANNUAL");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await expectText(page.getByTestId("build"), "Rebuild");
    await page.getByTestId("build").click();
    const withNote: PricedRoundInput = {
      ...YC_EXAMPLE_1,
      instruments: [
        ...YC_EXAMPLE_1.instruments,
        {
          holder: "Angel",
          type: "NOTE",
          amount: 100_000,
          cap: 10_000_000,
          discount: 0.2,
          mfn: false,
          interest: { rate: 0.08, startDate: "2024-01-01", conversionDate: "2025-07-01", dayCount: "ACT/365", compounding: "ANNUAL" },
        },
      ],
    };
    await page
      .locator(`[data-value="${computePricedRound(withNote).round.pricePerShare.toNumber()}"]`)
      .first()
      .waitFor();
    await expectPreviewMatches(page, withNote, 40);
    await expect(page.getByTestId("models").locator("option").count()).resolves.toBe(1);

    // At a taskpane's width, the grids scroll in their own boxes: nothing overflows the page sideways.
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: path.join(OUTPUT, "venture-round.png"), fullPage: true });
    await page.setViewportSize({ width: 340, height: 1000 });
    await expectNoSidewaysOverflow(page);
    await page.close();
  });

  test("priced round: bad input is named next to its field and blocks Build", async () => {
    const page = await browser.open();
    await page.getByTestId("field-kind").selectOption("pricedRound");
    await page.getByTestId("load-example").click();
    await page.getByTestId("field-poolMode").selectOption("target");
    await page.getByTestId("field-poolTarget").fill("120");
    await expectText(page.getByTestId("error-poolTarget"), "Pool target must be at least 0% and below 100%");
    await expectText(page.getByTestId("build-reason"), "Pool target must be at least 0% and below 100%", "contains");
    await page.getByTestId("field-poolTarget").fill("10");
    await page.getByTestId("cell-investors-0-amount").fill("5M");
    await expectText(page.getByTestId("error-investors.0.amount"), 'Investment must be a number, got "5M"');
    await page.getByTestId("cell-investors-0-amount").fill("5000000");
    // The option pool row is picked from the cap table's holders.
    const pools = await page.getByTestId("field-optionPool").locator("option").allTextContents();
    expect(pools).toEqual(["Founders", "Options outstanding", "Promised options", "Option pool"]);
    await page.getByTestId("remove-capTable-3").click();
    await expectText(page.getByTestId("error-optionPool"), 'Option pool "Option pool" must be one of the holders');
    await page.getByTestId("field-optionPool").selectOption("Promised options");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);
    await page.close();
  });

  test("exit waterfall: example, classes pasted, holdings, sensitivity; both models listed and re-opened", async () => {
    const page = await browser.open();
    await page.getByTestId("field-kind").selectOption("exitWaterfall");
    await page.getByTestId("load-example").click();
    await expect(page.getByLabel("Exit enterprise value").inputValue()).resolves.toBe("10,000,000");
    await expect(page.getByTestId("cell-holdings-8-holder").inputValue()).resolves.toBe("Series B Fund");
    // The cap of a class shows only for capped participation.
    await expect(page.getByTestId("cell-classes-1-cap").count()).resolves.toBe(0);
    await page.getByTestId("cell-classes-1-participation").selectOption("CAPPED");
    await expectText(page.getByTestId("error-classes.1.cap"), 'Cap of class "Series A" is required: it is capped participating');
    await page.getByTestId("cell-classes-1-cap").fill("3");
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);

    // Classes pasted from tab-separated rows (a header line is skipped).
    await page.getByTestId("paste-open-classes").click();
    await page
      .getByTestId("paste-text-classes")
      .fill(
        "Class\tShares\tInvested\tPreference\tSeniority\tParticipation\tCap\tConversion ratio\tStrike\n" +
          "Series A\t2,000,000\t6,000,000\t1\t1\tparticipating\t\t1\t\n" +
          "Common\t8,000,000\t0\t0\t2\tNONE\t\t1\t\n",
      );
    await page.getByTestId("paste-apply-classes").click();
    await expectText(page.getByTestId("status"), "2 rows pasted.", "contains");
    // "participating" is the form's own label for FULL: read as CAPTABLE.WATERFALL reads it (one vocabulary).
    await expect(page.getByTestId("cell-classes-0-participation").inputValue()).resolves.toBe("FULL");
    // "Spread" fills the sensitivity from the exit value; then the analyst types their own.
    await page.getByTestId("spread-exitValues").click();
    await expect(page.getByTestId("field-exitValues").inputValue()).resolves.toBe(
      ["2,500,000", "5,000,000", "7,500,000", "10,000,000", "12,500,000", "15,000,000", "20,000,000", "25,000,000", "30,000,000"].join("\n"),
    );
    await page.getByTestId("field-exitValues").fill("10000000\n20,000,000; 60000000");
    // The example's holders name classes no longer there: each is refused on its class cell.
    await expectText(
      page.getByTestId("error-holdings.3.className"),
      'Holdings row 4 ("Early employee") names a class that is not in the classes table: "Options"',
    );
    await expect(page.getByTestId("error-holdings.0.className").count()).resolves.toBe(0);
    await page.getByTestId("paste-open-holdings").click();
    await page.getByTestId("paste-text-holdings").fill("Holder\tClass\tShares\nFund I\tSeries B\t2000000\n");
    await page.getByTestId("paste-apply-holdings").click();
    await expect(page.getByTestId("cell-holdings-1-holder").count()).resolves.toBe(0);
    // The class of a holding is picked from the classes typed above.
    const classes = await page.getByTestId("cell-holdings-0-className").locator("option").allTextContents();
    expect(classes).toEqual(["Series B", "Series A", "Common"]);
    await page.getByTestId("cell-holdings-0-className").selectOption("Series A");
    await page.getByTestId("cell-holdings-0-invested").fill("6000000");
    await page.getByTestId("build").click();
    await expectText(page.getByTestId("status"), 'Model "Venture company exit" built. Preview below.');
    const input: ExitWaterfallInput = {
      ...EXIT_WATERFALL_EXAMPLE,
      classes: [
        {
          name: "Series A",
          shares: 2_000_000,
          invested: 6_000_000,
          preference: 1,
          seniority: 1,
          participation: "FULL",
          cap: null,
          conversionRatio: 1,
          strike: null,
        },
        {
          name: "Common",
          shares: 8_000_000,
          invested: 0,
          preference: 0,
          seniority: 2,
          participation: "NONE",
          cap: null,
          conversionRatio: 1,
          strike: null,
        },
      ],
      exitValues: [10_000_000, 20_000_000, 60_000_000],
      holdings: [{ holder: "Fund I", className: "Series A", shares: 2_000_000, invested: 6_000_000 }],
    };
    await expectPreviewMatches(page, input, 20);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: path.join(OUTPUT, "venture-exit.png"), fullPage: true });
    await page.setViewportSize({ width: 480, height: 900 });

    // A priced round in the same page: two models listed; re-opening the exit switches the form back.
    await page.getByTestId("field-kind").selectOption("pricedRound");
    await page.getByTestId("load-example").click();
    await page.getByTestId("build").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="models"] option').length === 2);
    await page.getByTestId("models").selectOption({ label: "Venture company exit" });
    await page.getByTestId("model-open").click();
    await expect(page.getByTestId("field-kind").inputValue()).resolves.toBe("exitWaterfall");
    await expect(page.getByTestId("cell-holdings-0-holder").inputValue()).resolves.toBe("Fund I");
    await expect(page.getByTestId("field-exitValues").inputValue()).resolves.toBe("10,000,000\n20,000,000\n60,000,000");
    await expectText(page.getByText('Editing "Venture company exit"'), 'Editing "Venture company exit"');
    await expectText(page.getByTestId("build"), "Rebuild");
    await page.getByLabel("Exit enterprise value").fill("60000000");
    await page.getByTestId("build").click();
    await expectPreviewMatches(page, { ...input, exitValue: 60_000_000 }, 20);
    await expect(page.getByTestId("models").locator("option").count()).resolves.toBe(2);
    await page.close();
  });

  test("templates: the built-in venture templates fill their form; Save as template keeps the venture inputs", async () => {
    const page = await browser.open();
    await page.getByTestId("tab-templates").click();
    await page.getByRole("button", { name: "Use: Exit waterfall" }).click();
    await expect(page.getByTestId("field-kind").inputValue()).resolves.toBe("exitWaterfall");
    await expectText(page.getByTestId("status"), 'Template "Exit waterfall" loaded into the form.');
    await expect(page.getByTestId("build").isEnabled()).resolves.toBe(true);

    await page.getByTestId("tab-templates").click();
    await page.getByRole("button", { name: "Use: Priced round with option pool" }).click();
    await expect(page.getByTestId("field-kind").inputValue()).resolves.toBe("pricedRound");
    await page.getByLabel("Pre-money valuation").fill("20000000");
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("template-save").click();
    await page.getByTestId("template-title").fill("Round at 20M");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-download").click()]);
    await page.getByTestId("template-close").click();
    const saved = parseTemplateJson(fs.readFileSync(await download.path(), "utf8"));
    const builtIn = builtInTemplate("priced-round-option-pool");
    expect(saved.ok && saved.template.kind).toBe("pricedRound");
    expect(saved.ok && saved.template.inputs).toEqual({ ...(builtIn?.template.inputs as PricedRoundInput), preMoney: 20_000_000 });
    // A colleague imports the file in a fresh taskpane: the priced-round form opens with the inputs.
    const colleague = await browser.open();
    await colleague.getByTestId("tab-templates").click();
    await colleague.getByTestId("template-file").setInputFiles(await download.path());
    await expectText(colleague.getByTestId("status"), 'Template "Round at 20M" loaded into the form.');
    await expect(colleague.getByTestId("field-kind").inputValue()).resolves.toBe("pricedRound");
    await expect(colleague.getByLabel("Pre-money valuation").inputValue()).resolves.toBe("20,000,000");
    await expect(colleague.getByTestId("build").isEnabled()).resolves.toBe(true);
    await colleague.close();
    await page.getByTestId("tab-model").click();
    await page.getByTestId("build").click();
    await expectPreviewMatches(page, { ...(builtIn?.template.inputs as PricedRoundInput), preMoney: 20_000_000 }, 40);
    await page.close();
  });

  test("French: labels, choices and decimal commas", async () => {
    const page = await browser.open("?lang=fr");
    await page.getByTestId("field-kind").selectOption("exitWaterfall");
    await page.getByRole("button", { name: "Charger un exemple de sortie" }).click();
    await expect(page.getByLabel("Valeur d’entreprise de sortie").inputValue()).resolves.toBe("10\u202f000\u202f000");
    await expect(page.getByTestId("cell-classes-4-strike").inputValue()).resolves.toBe("0,25");
    await page.getByTestId("cell-classes-4-strike").fill("0,75");
    await page.getByLabel("Valeur d’entreprise de sortie").fill("40 000 000 €");
    await expectText(page.getByTestId("error-exitValue"), "Valeur d’entreprise de sortie doit être un nombre, reçu « 40 000 000 € »");
    await page.getByLabel("Valeur d’entreprise de sortie").fill("40 000 000");
    // The schema's rules are shown in French too.
    await page.getByTestId("field-exitValues").fill("5 000 000");
    await expectText(page.getByTestId("error-exitValues"), "Indiquez au moins 2 valeurs de sortie");
    await page.getByTestId("field-exitValues").fill("5 000 000\n12 500 000,5");
    await page.getByRole("button", { name: "Générer" }).click();
    await page.getByTestId("preview-grid").waitFor();
    const strikeCells = await page.$$eval("[data-value]", (cells) => cells.map((c) => c.getAttribute("data-value")));
    expect(strikeCells).toContain("0.75");
    await page.setViewportSize({ width: 320, height: 900 });
    await expectNoSidewaysOverflow(page);
    await page.close();
  });

  test("no page errors, and no request left the machine", () => {
    expect(browser.pageErrors).toEqual([]);
    expect(browser.outside).toEqual([]);
  });
});
