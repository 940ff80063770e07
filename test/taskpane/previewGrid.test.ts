/**
 * The preview's grid (src/taskpane/SheetPreview.tsx `previewGrid`): a spilled table (the priced
 * round's CAPTABLE.PRICEDROUND) shows the engine's values over its whole range, as Excel shows it;
 * the native exit waterfall shows its values as before.
 */
import { buildModel } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates/builtIn";
import { cellDisplay, previewGrid } from "../../src/taskpane/SheetPreview";

const sheetOf = (id: string) => buildModel(builtInTemplate(id)!.template.inputs).sheet;

test("the priced round's spilled table shows every holder's row and the summary block in the preview", () => {
  const sheet = sheetOf("priced-round-option-pool");
  const table = sheet.cells.find((c) => c.spill !== undefined)!;
  const top = Number(table.address.slice(1));
  const { byAddress } = previewGrid(sheet);
  table.spill!.forEach((row, i) =>
    row.forEach((value, k) => {
      const address = `${String.fromCharCode(65 + k)}${top + i}`;
      const cell = byAddress.get(address);
      if (i === 0 && k === 0) expect(cell).toBe(table);
      else expect(cell?.value).toBe(value);
    }),
  );
  const holders = table.spill!.map((r) => r[0]);
  expect(holders).toContain("Investor A");
  expect(holders).toContain("Price per share");
  // The top-left shows the engine's value too.
  expect(cellDisplay(table, "en").text).toBe("Holder");
});

test("the exit waterfall (native formulas) shows each formula cell's engine value", () => {
  const sheet = sheetOf("exit-waterfall");
  const { byAddress } = previewGrid(sheet);
  for (const c of sheet.cells) if (c.formula !== undefined) expect(byAddress.get(c.address)).toBe(c);
});
