/**
 * OOXML string escaping (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): text written to an .xlsx comes
 * back exactly as written, for every character the model accepts; a literal `_xHHHH_` is never
 * read as the character it spells, a carriage return stays a carriage return.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { decodeOoxmlString, encodeOoxmlString, escapeXml, parseXml, textOf, xmlForbiddenAt } from "../../src/workbook/xml";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { readSheetSpecs } from "../../src/workbook/xlsxReader";
import type { CellSpec } from "../../src/workbook/spec";

jest.setTimeout(180_000);

/** Any text XML can hold, biased to the troublesome: `_xHHHH_` look-alikes, CR, LF, tab, DEL, astral characters. */
const tricky = fc.constantFrom(
  "_x003D_",
  "_x000D_",
  "_x005F_",
  "_x005f_",
  "_x00",
  "_X003D_",
  "_x",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u007f",
  "\u0085",
  "😀",
  "=",
  "&",
  "<",
  " ",
);
const anyXmlText = fc
  .array(fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(""))
  .filter((t) => xmlForbiddenAt(t) < 0);

async function roundTrip(texts: readonly string[]): Promise<readonly CellSpec[]> {
  const cells: CellSpec[] = texts.map((value, i) => ({ address: `A${i + 1}`, value }));
  // The same texts as cached results of formulas and inside formulas.
  texts.forEach((value, i) => cells.push({ address: `B${i + 1}`, formula: `=A${i + 1}`, expected: value }));
  texts.forEach((value, i) => cells.push({ address: `C${i + 1}`, formula: `=LEN("${value.replace(/"/g, '""')}")`, expected: 0 }));
  const { buffer } = await writeXlsx({ sheets: [{ spec: { name: "S", cells, names: [] } }], addIn: false });
  return (await readSheetSpecs(buffer))[0].cells;
}

describe("encodeOoxmlString / decodeOoxmlString", () => {
  test("the standard's examples", () => {
    expect(encodeOoxmlString("_x003D_1+1")).toBe("_x005F_x003D_1+1");
    expect(encodeOoxmlString("a\rb\nc")).toBe("a_x000D_b\nc");
    expect(encodeOoxmlString("plain_x_text")).toBe("plain_x_text");
    expect(decodeOoxmlString("_x005F_x003D_1+1")).toBe("_x003D_1+1");
    expect(decodeOoxmlString("_x003D_1+1")).toBe("=1+1");
  });
  test("decode inverts encode for any text", () => {
    fc.assert(fc.property(anyXmlText, (t) => decodeOoxmlString(encodeOoxmlString(t)) === t));
  });
  test("escapeXml then an XML reader gives the text back, CR, tab and line feed included, in text and attributes", () => {
    fc.assert(
      fc.property(anyXmlText, (t) => {
        const root = parseXml(`<a v="${escapeXml(t)}" w='${escapeXml(t)}'>${escapeXml(t)}</a>`);
        return textOf(root) === t && root.attributes.v === t && root.attributes.w === t;
      }),
    );
  });
  test("escapeXml refuses what XML cannot hold instead of writing it", () => {
    expect(() => escapeXml("a\uFFFFb")).toThrow("cannot write U+FFFF to XML");
    expect(() => escapeXml("a\u0001b")).toThrow("cannot write U+0001 to XML");
  });
});

describe("text written to an .xlsx comes back as written", () => {
  test("a holder named _x003D_1+1 is not read as =1+1; CR, CR LF, tab and DEL survive", async () => {
    const texts = ["_x003D_1+1", "a\rb", "a\r\nb", "\tx\t", "del\u007f", "_x005F_", "😀_x0041_"];
    const cells = await roundTrip(texts);
    texts.forEach((t, i) => {
      expect(cells.find((c) => c.address === `A${i + 1}`)?.value).toBe(t);
      expect(cells.find((c) => c.address === `B${i + 1}`)?.expected).toBe(t);
      expect(cells.find((c) => c.address === `C${i + 1}`)?.formula).toBe(`=LEN("${t}")`);
    });
  });

  test("the file stores _x005F_ before a literal escape and _x000D_ for a carriage return", async () => {
    const { buffer } = await writeXlsx({
      sheets: [{ spec: { name: "S", cells: [{ address: "A1", value: "_x003D_1\r" }], names: [] } }],
      addIn: false,
    });
    const zip = await JSZip.loadAsync(buffer);
    const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? (await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(strings).toContain("_x005F_x003D_1_x000D_");
  });

  test("a text XML cannot hold is refused with the cell named, never dropped", async () => {
    await expect(
      writeXlsx({ sheets: [{ spec: { name: "S", cells: [{ address: "B2", value: "a\u0002b" }], names: [] } }], addIn: false }),
    ).rejects.toThrow("S!B2: the text contains U+0002");
  });

  test("every character the model accepts round-trips (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyXmlText, { minLength: 1, maxLength: 12 }), async (texts) => {
        const cells = await roundTrip(texts);
        texts.forEach((t, i) => {
          const literal = cells.find((c) => c.address === `A${i + 1}`);
          // An empty text is an empty cell.
          expect(literal?.value ?? "").toBe(t);
          expect(cells.find((c) => c.address === `B${i + 1}`)?.expected ?? "").toBe(t);
        });
      }),
      { numRuns: 25 },
    );
  });
});
