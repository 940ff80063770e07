/**
 * The checks block of every model sheet (issue 14): each check is a live native formula that
 * shows OK when its two sides agree, else the difference. Evaluated by HyperFormula (with the
 * add-in's functions from the built bundle, for the priced round's table) for every built-in
 * template; a broken sheet (an input changed so that a check's sides differ) shows the difference.
 */
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import { renderSheet } from "../support/hyperformulaSheet";

/** The check cells: formulas comparing two sides, OK or the difference. */
const checkCells = (sheet: ReturnType<typeof buildModel>["sheet"]) =>
  sheet.cells.filter((c) => c.formula?.startsWith("=IF(ABS((") === true).map((c) => c.address);

describe("the checks block", () => {
  test.each(builtInTemplates().map((t) => [t.id, t] as const))("%s: every check shows OK, live, and the summary at the top says OK", (_, t) => {
    const sheet = buildModel(t.template.inputs).sheet;
    const cells = checkCells(sheet);
    expect(cells.length).toBeGreaterThanOrEqual(3);
    const r = renderSheet(sheet, { captable: true });
    for (const a of cells) {
      expect(sheet.cells.find((c) => c.address === a)!.formula).toMatch(/^=IF\(ABS\(/);
      expect([a, r.read(a)]).toEqual([a, "OK"]);
    }
    const summary = sheet.cells.find((c) => c.formula?.startsWith("=IF(COUNTIFS(B"))!;
    expect(Number(summary.address.slice(1))).toBeLessThan(12);
    expect(r.read(summary.address)).toBe("OK");
  });

  test("a check that fails shows the difference, and the summary says so", () => {
    const t = builtInTemplates().find((x) => x.id === "opcore-stake-sale")!;
    const sheet = buildModel(t.template.inputs).sheet;
    const r = renderSheet(sheet, { captable: true });
    // Overwrite the share equity of the bridge: the bridge check must show the difference.
    const se = sheet.cells.find((c) => c.value === "Share equity")!;
    const seCell = `B${se.address.slice(1)}`;
    const before = r.read(seCell) as number;
    r.set(seCell, before + 1000);
    const bridge = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Bridge:"))!;
    expect(r.read(`B${bridge.address.slice(1)}`)).toBeCloseTo(-1000, 6);
    const summary = sheet.cells.find((c) => c.formula?.startsWith("=IF(COUNTIFS(B"))!;
    expect(r.read(summary.address)).toBe("See the checks");
  });
});
