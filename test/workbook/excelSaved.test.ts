/**
 * `extract-template` on a workbook that went through Excel: Excel renumbers the custom XML parts,
 * adds its own parts (properties, calculation chain, web extensions), rewrites the relationships,
 * may rewrite the XML of a stored part (prefix, quotes, character references, UTF-16) and stores
 * strings and formulas its own way. The reader finds our parts by namespace and reads the sheet back
 * as it was written. The "Excel save" below is simulated on a file the command line wrote.
 */
import JSZip from "jszip";
import { templatesFromWorkbook, workbookFromTemplate } from "../../src/cli/workbook";
import { builtInTemplate } from "../../src/templates";
import { MODEL_XML_NAMESPACE, parseModel, readXmlRoot } from "../../src/workbook/modelXml";
import { TEMPLATE_XML_NAMESPACE, parseTemplatePart } from "../../src/templates/workbookPart";
import { readSheetSpecs, readXlsxContents } from "../../src/workbook/xlsxReader";

const CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";

/** Our part rewritten as another XML writer may: a prefix, single quotes, reordered attributes, character references. */
function rewritten(xml: string): string {
  const root = readXmlRoot(xml)!;
  const attrs = Object.entries(root.attributes)
    .reverse()
    .map(([k, v]) => ` ${k}='${v.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/</g, "&lt;")}'`)
    .join("");
  const text = root.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&#x22;");
  return `<?xml version="1.0" encoding="utf-16" standalone="no"?>\r\n<!-- saved --><ns0:${root.local} xmlns:ns0="${root.namespace}"${attrs}>${text}</ns0:${root.local}>`;
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** What Excel does to the package when it saves the workbook (the parts and relationships, not the cells' meaning). */
async function savedByExcel(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const model = await zip.file("customXml/item1.xml")!.async("string");
  const template = await zip.file("customXml/item2.xml")!.async("string");
  for (const p of Object.keys(zip.files).filter((p) => p.startsWith("customXml/"))) zip.remove(p);
  // Renumbered: a properties part Excel adds comes first; ours become item3 (UTF-16, rewritten) and item5.
  const parts: [number, string | Uint8Array][] = [
    [
      1,
      `<?xml version="1.0" encoding="UTF-8"?><CoverPageProperties xmlns="http://schemas.microsoft.com/office/2006/coverPageProps"><PublishDate/></CoverPageProperties>`,
    ],
    [3, utf16(rewritten(model))],
    [5, rewritten(template)],
  ];
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  rels = rels.replace(/<Relationship [^>]*customXml"[^>]*\/>/g, "");
  parts.forEach(([n, content], i) => {
    zip.file(`customXml/item${n}.xml`, content);
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{0000000${i}-0000-0000-0000-000000000000}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    // Excel numbers its relationships afresh; one target written from the package root.
    const target = n === 5 ? `/customXml/item${n}.xml` : `../customXml/item${n}.xml`;
    rels = rels.replace("</Relationships>", `<Relationship Id="rId${10 + i}" Type="${CUSTOM_XML}" Target="${target}"/></Relationships>`);
  });
  zip.file("xl/_rels/workbook.xml.rels", rels);
  // Extra parts Excel writes.
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="1"/></calcChain>`,
  );
  zip.file(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>`,
  );
  // Strings: every shared string written inline instead (the other form a writer may choose), and back.
  const sheetPath = "xl/worksheets/sheet1.xml";
  const shared = [...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  const sheet = await zip.file(sheetPath)!.async("string");
  zip.file(
    sheetPath,
    sheet.replace(
      /<c r="([A-Z]+\d+)"([^>]*) t="s"><v>(\d+)<\/v><\/c>/g,
      (_, r: string, a: string, v: string) => `<c r="${r}"${a} t="inlineStr"><is>${shared[Number(v)]}</is></c>`,
    ),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("a workbook saved again by Excel", () => {
  test.each(["priced-round-option-pool", "exit-waterfall", "opcore-stake-sale"])(
    "%s: the model, the template and the sheet come back",
    async (id) => {
      const template = builtInTemplate(id)!.template;
      const built = await workbookFromTemplate(template, "m-saved-1");
      const saved = await savedByExcel(built.buffer);
      // The parts moved: item1 is Excel's, ours are item3 (UTF-16) and item5.
      const contents = await readXlsxContents(saved);
      expect(contents.customXml).toHaveLength(3);
      expect(contents.models).toEqual([
        { id: "m-saved-1", sheet: built.sheetName, kind: template.kind, schemaVersion: 1, inputs: expect.anything() },
      ]);
      expect(await templatesFromWorkbook(saved)).toEqual(await templatesFromWorkbook(built.buffer));
      expect((await templatesFromWorkbook(saved))[0].result).toEqual({ ok: true, template });
      // The sheet reads the same (inline strings, _xldudf_ formulas, spills).
      expect(await readSheetSpecs(saved)).toEqual(await readSheetSpecs(built.buffer));
    },
  );

  test("the cell formulas Excel writes for add-in calls read back as CAPTABLE calls", async () => {
    const built = await workbookFromTemplate(builtInTemplate("priced-round-option-pool")!.template, "m-x");
    const zip = await JSZip.loadAsync(built.buffer);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("_xldudf_CAPTABLE_");
    const [sheet] = await readSheetSpecs(built.buffer);
    const calls = sheet.cells.filter((c) => c.formula?.includes("CAPTABLE."));
    expect(calls.length).toBe(built.sheet.cells.filter((c) => c.formula?.includes("CAPTABLE.")).length);
    expect(sheet.cells.some((c) => c.formula?.includes("_xldudf_"))).toBe(false);
    expect(built.addInCells.length).toBe(calls.length);
  });
});

describe("tolerant reading of our parts", () => {
  test("prefix, quotes, attribute order, comments, character references and CDATA", () => {
    const xml = `\uFEFF<?xml version='1.0'?>\n<!-- c --><m:captableModel schemaVersion='1' kind="stakeSale" xmlns:m='${MODEL_XML_NAMESPACE}' sheet='A &amp; B' id="m-1"><![CDATA[{"a":"<b>"}]]></m:captableModel>\n`;
    expect(parseModel(xml)).toEqual({ id: "m-1", sheet: "A & B", kind: "stakeSale", schemaVersion: 1, inputs: { a: "<b>" } });
    expect(
      parseModel(`<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="m-1" kind="k" schemaVersion="1">{&#x22;a&#x22;:&#49;}</captableModel>`)?.inputs,
    ).toEqual({ a: 1 });
    expect(parseTemplatePart(`<t:captableTemplate xmlns:t="${TEMPLATE_XML_NAMESPACE}" model='m-1'>{}</t:captableTemplate>`)).toEqual({
      modelId: "m-1",
      json: "{}",
    });
  });

  test("another namespace, another element or a broken part is not ours", () => {
    expect(parseModel(`<captableModel xmlns="urn:other" id="m-1" kind="k" schemaVersion="1">{}</captableModel>`)).toBeUndefined();
    expect(
      parseModel(`<m:captableModel xmlns="${MODEL_XML_NAMESPACE}" xmlns:m="urn:other" id="m-1" kind="k" schemaVersion="1">{}</m:captableModel>`),
    ).toBeUndefined();
    expect(parseModel(`<other xmlns="${MODEL_XML_NAMESPACE}" id="m-1" kind="k" schemaVersion="1">{}</other>`)).toBeUndefined();
    expect(parseModel(`<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="m-1" kind="k" schemaVersion="1">{}</captableModelX>`)).toBeUndefined();
    expect(parseModel(`<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="m 1" kind="k" schemaVersion="1">{}</captableModel>`)).toBeUndefined();
  });
});
