/**
 * The one XML reader (src/workbook/xml.ts) and the part readers built on it: well-formed
 * equivalents of what we write are read the same; anything else is a clear error; the work grows
 * linearly with the input (counted in scanner steps, never timed), and every reader handles an
 * input at its maximum size.
 */
import JSZip from "jszip";
import { MAX_MODEL_XML, MODEL_XML_NAMESPACE, parseModel, readModelPart, serializeModel } from "../../src/workbook/modelXml";
import { TEMPLATE_XML_NAMESPACE, parseTemplatePart, readTemplatePart, serializeTemplatePart } from "../../src/templates/workbookPart";
import { XmlError, parseXml, textOf, type XmlStats } from "../../src/workbook/xml";
import { readXlsxContents, readSheetSpecs } from "../../src/workbook/xlsxReader";
import { workbookFromTemplate } from "../../src/cli/workbook";
import { builtInTemplate } from "../../src/templates";

const NS = MODEL_XML_NAMESPACE;
const MODEL = { id: "m-1", sheet: "A & B <deal>", kind: "stakeSale", schemaVersion: 1, inputs: { company: 'O\'Core "SA"', n: [1, 2] } };

describe("parseModel accepts any well-formed equivalent of what it writes", () => {
  const json = JSON.stringify(MODEL.inputs);
  const variants: Record<string, string> = {
    "as written": serializeModel(MODEL),
    "single quotes, reordered attributes": `<captableModel schemaVersion='1' kind='stakeSale' sheet='A &amp; B &lt;deal>' id='m-1' xmlns='${NS}'>${json.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</captableModel>`,
    "a namespace prefix": `<m:captableModel xmlns:m="${NS}" id="m-1" sheet="A &amp; B &lt;deal&gt;" kind="stakeSale" schemaVersion="1">${json.replace(/"/g, "&quot;")}</m:captableModel>`,
    "CDATA, comments and processing instructions": `<?xml version="1.0"?>\n<!-- saved by a tool --><?tool x?><captableModel xmlns="${NS}" id="m-1" sheet="A &#38; B &#x3C;deal>" kind="stakeSale" schemaVersion="1"><!-- inputs --><![CDATA[${json.slice(0, 5)}]]>${json.slice(5).replace(/"/g, "&#34;")}</captableModel>\n<!-- end -->\n`,
    "a byte order mark, CR LF line ends and spaces in tags": `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<captableModel\r\n  xmlns = "${NS}"\tid="m-1" sheet="A &amp; B &lt;deal&gt;" kind="stakeSale" schemaVersion="1" >${json}</captableModel >\r\n`,
    "an element-level default namespace undeclared inside": `<x:captableModel xmlns:x="${NS}" xmlns="urn:other" id="m-1" sheet="A &amp; B &lt;deal&gt;" kind="stakeSale" schemaVersion="1" x:extra="ignored">${json}</x:captableModel>`,
  };
  test.each(Object.entries(variants))("%s", (_, xml) => {
    expect(parseModel(xml)).toEqual(MODEL);
  });

  test("a sheet name with tab, line feed and carriage return survives attribute normalization", () => {
    const model = { ...MODEL, sheet: "a\tb\nc\rd" };
    expect(parseModel(serializeModel(model))).toEqual(model);
  });

  test("well-formed XML that is not a model part is not a model (no error)", () => {
    expect(readModelPart(`<captableModel xmlns="urn:other" id="m-1" kind="k" schemaVersion="1">{}</captableModel>`)).toBeUndefined();
    expect(readModelPart(`<other xmlns="${NS}"/>`)).toBeUndefined();
    expect(
      readModelPart(`<m:captableModel xmlns="${NS}" xmlns:m="urn:other" id="m-1" kind="k" schemaVersion="1">{}</m:captableModel>`),
    ).toBeUndefined();
  });

  test.each([
    [
      `<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{}</captableModelX>`,
      "line 1, column 83: </captableModelX> does not close <captableModel>",
    ],
    [`<captableModel xmlns="${NS}" id="m-1" id="m-2" kind="k" schemaVersion="1">{}</captableModel>`, "attribute id appears twice"],
    [`<captableModel xmlns="${NS}" id="m-1" kind=k schemaVersion="1">{}</captableModel>`, "must be in quotes"],
    [
      `<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{&nbsp;}</captableModel>`,
      "&nbsp; is not one of the five predefined entities",
    ],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{&#0;}</captableModel>`, "&#0; refers to U+0000, a character XML 1.0 forbids"],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{a & b}</captableModel>`, `"&" must start a reference`],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{}`, "<captableModel> is not closed"],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">\uFFFF</captableModel>`, "U+FFFF is a character XML 1.0 forbids"],
    [
      `<!DOCTYPE x [<!ENTITY a "b">]><captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">&a;</captableModel>`,
      "document type declaration",
    ],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{}</captableModel><second/>`, "one root element"],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{}</captableModel>trailing`, "text after the root element"],
    [`<p:captableModel id="m-1" kind="k" schemaVersion="1">{}</p:captableModel>`, `the namespace prefix "p" of p:captableModel is not declared`],
    [`<!-- a -- b --><captableModel xmlns="${NS}"/>`, `"--" is not allowed inside a comment`],
    [` <?xml version="1.0"?><captableModel xmlns="${NS}"/>`, "must be the very first thing"],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">]]></captableModel>`, `"]]>" is not allowed in text`],
    ["", "the document has no element"],
    ["{}", "the document must start with an element"],
  ])("malformed XML is a clear error: %s", (xml, message) => {
    expect(() => readModelPart(xml)).toThrow(XmlError);
    expect(() => readModelPart(xml)).toThrow(message);
    expect(parseModel(xml)).toBeUndefined();
  });

  test.each([
    [`<captableModel xmlns="${NS}" id="m 1" kind="k" schemaVersion="1">{}</captableModel>`, `the stored model's id must be 1-64 letters`],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="0">{}</captableModel>`, "schemaVersion must be a whole number"],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1">{not json</captableModel>`, `"m-1" does not hold valid JSON`],
    [`<captableModel xmlns="${NS}" id="m-1" kind="k" schemaVersion="1"><x/></captableModel>`, "must hold only its JSON text"],
  ])("a model part with wrong content is a clear error: %s", (xml, message) => {
    expect(() => readModelPart(xml)).toThrow(message);
  });
});

describe("parseTemplatePart", () => {
  test("reads what serializeTemplatePart writes, and its prefixed, single-quoted equivalent", () => {
    const json = JSON.stringify({ title: "A & B", note: "<x>" });
    expect(parseTemplatePart(serializeTemplatePart("m-1", json))).toEqual({ modelId: "m-1", json });
    expect(parseTemplatePart(`<t:captableTemplate xmlns:t='${TEMPLATE_XML_NAMESPACE}' model='m-1'><![CDATA[${json}]]></t:captableTemplate>`)).toEqual(
      {
        modelId: "m-1",
        json,
      },
    );
  });
  test("malformed XML and a wrong model id are clear errors", () => {
    expect(() => readTemplatePart(`<captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="m-1">{}`)).toThrow("not well-formed XML: line 1");
    expect(() => readTemplatePart(`<captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="../x">{}</captableTemplate>`)).toThrow(
      "model must be 1-64",
    );
  });
});

describe("parseXml", () => {
  test("namespaces are scoped: a declaration ends with its element", () => {
    const root = parseXml(`<a xmlns="urn:1"><b xmlns="urn:2"><c/></b><d/><p:e xmlns:p="urn:3" p:x="1"/></a>`);
    const [b, d, e] = root.children as unknown as {
      namespace: string;
      local: string;
      children: { namespace: string }[];
      attributes: Record<string, string>;
    }[];
    expect([root.namespace, b.namespace, b.children[0].namespace, d.namespace, e.namespace, e.local]).toEqual([
      "urn:1",
      "urn:2",
      "urn:2",
      "urn:1",
      "urn:3",
      "e",
    ]);
    expect(e.attributes).toEqual({ "p:x": "1" });
    expect(() => parseXml(`<a><p:b xmlns:p="urn:3"/><p:c/></a>`)).toThrow(`the namespace prefix "p" of p:c is not declared`);
    expect(() => parseXml(`<a xmlns:p="urn:1" xmlns:q="urn:1" p:x="1" q:x="2"/>`)).toThrow("in the same namespace");
  });
  test("a __proto__ attribute is an own attribute, never the prototype", () => {
    const root = parseXml(`<a __proto__="x" constructor="y"/>`);
    expect(Object.getPrototypeOf(root.attributes)).toBe(Object.prototype);
    expect(Object.entries(root.attributes)).toEqual([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });
  test("text: references, CDATA and line ends", () => {
    expect(textOf(parseXml(`<a>x&#x1F600;&#233;\r\ny\rz<![CDATA[<&>\r\n]]></a>`))).toBe("x\u{1F600}\u00e9\ny\nz<&>\n");
  });
  test("limits: depth, attributes, elements and size are refused with the limit named", () => {
    const limits = { maxChars: 1000, maxDepth: 3, maxAttributes: 2, maxElements: 4 };
    expect(() => parseXml("<a><b><c><d/></c></b></a>", limits)).toThrow("nested more than 3 levels deep");
    expect(() => parseXml(`<a x="1" y="2" z="3"/>`, limits)).toThrow("more than 2 attributes in <a");
    expect(() => parseXml("<a><b/><b/><b/><b/></a>", limits)).toThrow("more than 4 elements");
    expect(() => parseXml(`<a>${"x".repeat(1000)}</a>`, limits)).toThrow("more than the 1000 read");
  });
  test("the error names the line and column", () => {
    try {
      parseXml("<a>\n  <b>\n</a>");
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(XmlError);
      expect((error as XmlError).message).toBe("not well-formed XML: line 3, column 1: </a> does not close <b> (opened at character 7)");
      expect([(error as XmlError).line, (error as XmlError).column]).toEqual([3, 1]);
    }
  });
});

/**
 * Hostile shapes for a scanner: many small elements, many attributes, long texts full of
 * references, comments, deep nesting (within the limit), and half-open constructs that make a
 * backtracking regular expression retry from every position.
 */
const SHAPES: Record<string, (n: number) => string> = {
  "many empty elements": (n) => `<w xmlns="${NS}">${'<captableModel a="1"/>'.repeat(n)}</w>`,
  "many attributes": (n) => `<w>${`<e ${Array.from({ length: 150 }, (_, k) => `a${k}='${k}'`).join(" ")}/>`.repeat(Math.ceil(n / 50))}</w>`,
  "references in text": (n) => `<w>${"&amp;&#x41;&lt;x".repeat(n)}</w>`,
  "comments and CDATA": (n) => `<w>${"<!-- c --><![CDATA[<]]>t".repeat(n)}</w>`,
  "nesting to the limit": (n) => `<w>${`${"<a>".repeat(90)}${"</a>".repeat(90)}`.repeat(Math.ceil(n / 30))}</w>`,
  "prefixed names": (n) => `<p:w xmlns:p="urn:p">${'<p:e p:a="1" xmlns:q="urn:q" q:b="2"/>'.repeat(n)}</p:w>`,
  "unclosed tags": (n) => `<w>${"<a b='1' ".repeat(n)}`,
  "unclosed comment": (n) => `<w><!--${"<!-- -".repeat(n)}`,
  "unclosed attribute": (n) => `<w a="${"<".repeat(n)}`,
  "ampersands without semicolon": (n) => `<w>${"&amp".repeat(n)}</w>`,
};

function stepsFor(xml: string): number {
  const stats: XmlStats = { steps: 0 };
  try {
    parseXml(xml, { maxChars: 10_000_000, maxDepth: 100, maxAttributes: 200, maxElements: 1_000_000 }, stats);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
  }
  return stats.steps;
}

describe("the scan is linear (counted, not timed)", () => {
  test.each(Object.entries(SHAPES))("%s: steps per character stay bounded from n to 16n", (_, shape) => {
    const small = shape(2_000);
    const large = shape(32_000);
    const perCharSmall = stepsFor(small) / small.length;
    const perCharLarge = stepsFor(large) / large.length;
    // Every character is looked at a bounded number of times, whatever the size.
    expect(perCharLarge).toBeLessThan(4);
    expect(perCharLarge).toBeLessThan(perCharSmall * 1.1 + 0.01);
  });
});

describe("every reader at its maximum size", () => {
  jest.setTimeout(120_000);
  const huge = (shape: (n: number) => string, max: number): string => {
    let n = 1000;
    while (shape(n * 2).length <= max) n *= 2;
    let lo = n;
    let hi = n * 2;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (shape(mid).length <= max) lo = mid;
      else hi = mid;
    }
    return shape(lo);
  };

  test("parseModel on 2 MB of sibling elements: read to the end, not a model", () => {
    const xml = huge(SHAPES["many empty elements"], MAX_MODEL_XML);
    expect(xml.length).toBeGreaterThan(MAX_MODEL_XML - 30);
    expect(readModelPart(xml)).toBeUndefined();
  });

  test("parseModel on a 2 MB model: its inputs read in full", () => {
    const model = { ...MODEL, inputs: { notes: "é<&>'\"".repeat(73_000) } };
    const xml = serializeModel(model);
    expect(xml.length).toBeGreaterThan(1_900_000);
    expect(xml.length).toBeLessThanOrEqual(MAX_MODEL_XML);
    const back = parseModel(xml);
    expect(back === undefined ? "not read" : JSON.stringify(back) === JSON.stringify(model)).toBe(true);
    expect(() => readModelPart(xml + " ".repeat(MAX_MODEL_XML))).toThrow(`more than the ${MAX_MODEL_XML} read`);
  });

  test("parseTemplatePart on a 1.9 MB part of nested elements refused at the depth limit, and on a 2 MB template", () => {
    const deep = `<captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="m-1">${"<a>".repeat(600_000)}`;
    expect(() => readTemplatePart(deep)).toThrow("nested more than 100 levels deep");
    const json = JSON.stringify({ description: "x&y<z".repeat(160_000) });
    const xml = serializeTemplatePart("m-1", json);
    expect(xml.length).toBeGreaterThan(1_900_000);
    expect(xml.length).toBeLessThanOrEqual(MAX_MODEL_XML);
    const back = parseTemplatePart(xml);
    expect(back?.modelId).toBe("m-1");
    expect(back?.json === json).toBe(true);
  });

  test("the .xlsx reader on a workbook whose custom XML part and relationships are at their limits", async () => {
    const built = await workbookFromTemplate(builtInTemplate("opcore-stake-sale")!.template);
    const zip = await JSZip.loadAsync(built.buffer);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      `${'<Relationship Id="x" Type="urn:nothing" Target="none.xml"/>'.repeat(30_000)}</Relationships>`,
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    zip.file("customXml/item9.xml", huge(SHAPES["many empty elements"], 2_000_000));
    const contents = await readXlsxContents(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    expect(contents.models.map((m) => m.sheet)).toEqual([built.sheetName]);
    expect(contents.unreadable).toEqual([]);
    expect(contents.customXml).toHaveLength(3);
  });

  test("the .xlsx reader names a part that is not well-formed instead of skipping it silently", async () => {
    const built = await workbookFromTemplate(builtInTemplate("opcore-stake-sale")!.template);
    const zip = await JSZip.loadAsync(built.buffer);
    zip.file("customXml/item7.xml", `<captableModel xmlns="${NS}" id="m-9" kind="stakeSale" schemaVersion="1">{}`);
    const contents = await readXlsxContents(await zip.generateAsync({ type: "uint8array" }));
    expect(contents.unreadable).toEqual(["customXml/item7.xml: not well-formed XML: line 1, column 1: <captableModel> is not closed"]);
    expect(contents.models).toHaveLength(1);
  });

  test("defined names are read from workbook.xml by the parser (prefixed, single-quoted)", async () => {
    const built = await workbookFromTemplate(builtInTemplate("opcore-stake-sale")!.template);
    const zip = await JSZip.loadAsync(built.buffer);
    const before = await readSheetSpecs(built.buffer);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.replace(/<definedName /g, "<definedName\n").replace(/"(\d+)" ?>/g, "'$1'>"));
    const after = await readSheetSpecs(await zip.generateAsync({ type: "uint8array" }));
    expect(after[0].names).toEqual(before[0].names);
    expect(before[0].names.length).toBeGreaterThan(0);
  });
});
