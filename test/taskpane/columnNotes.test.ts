/** A computed column's note is found on the French sheet too: its header through the sheet dictionary (issue 14). */
import { COLUMN_NOTES, columnNote } from "../../src/taskpane/columnNotes";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";

/** Every header cell's text of a built template's sheet. */
function headers(id: string, language: "en" | "fr"): string[] {
  const sheet = buildModel(builtInTemplate(id)!.template.inputs as ModelInputs, { language }).sheet;
  return sheet.cells.filter((c) => c.style === "header" && typeof c.value === "string").map((c) => c.value as string);
}

describe("computed columns explained, on the English and the French sheet", () => {
  test.each(["opcore-stake-sale", "exit-waterfall"])("%s: the French sheet's headers have as many notes as the English", (id) => {
    const noted = (language: "en" | "fr") => headers(id, language).filter((h) => columnNote(h, "fr") !== undefined);
    const en = noted("en");
    expect(en.length).toBeGreaterThan(0);
    expect(noted("fr")).toHaveLength(en.length);
    // The French sheet's headers are French words, and their note is the same as the English header's.
    const fr = noted("fr");
    expect(fr.some((h, i) => h !== en[i])).toBe(true);
    fr.forEach((h, i) => expect(columnNote(h, "en")).toBe(COLUMN_NOTES[en[i]].en));
  });

  test("a header without a note has none, in either language", () => {
    expect(columnNote("Holder", "en")).toBeUndefined();
    expect(columnNote("Détenteur", "fr")).toBeUndefined();
  });
});
