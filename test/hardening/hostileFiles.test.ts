/**
 * Fuzzing the file readers with hostile input, generated here (fast-check, the project's fixed
 * seed): XML parts (truncated, spliced, deeply nested, thousands of attributes, entity and DTD
 * tricks, random characters) and .xlsx zips (truncated, bytes flipped, parts that lie about their
 * size, hostile parts inside). The contract: a result, or an Error with a clear message (an
 * XmlError for XML); never a crash from inside (TypeError, RangeError, stack overflow), and never
 * a hang: the XML scanner's steps are counted and must stay linear in the input.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { workbookFromTemplate } from "../../src/cli/workbook";
import { builtInTemplate } from "../../src/templates";
import { readTemplatePart } from "../../src/templates/workbookPart";
import { MODEL_XML_NAMESPACE, readModelPart, serializeModel } from "../../src/workbook/modelXml";
import { XmlError, escapeXml, parseXml, xmlForbiddenAt, type XmlElement, type XmlStats } from "../../src/workbook/xml";
import { readSheetSpecs, readXlsxContents } from "../../src/workbook/xlsxReader";
import { withDeclaredSize } from "../support/hostileZip";

jest.setTimeout(300_000);

/** Pieces of markup, well-formed or not, that hostile documents are made of. */
const piece = fc.oneof(
  fc.constantFrom(
    "<a>",
    "</a>",
    "<b/>",
    "<a x='1'>",
    '<a x="1" x="2">',
    "<p:a>",
    "</p:a>",
    '<p:a xmlns:p="urn:p">',
    "<!-- c -->",
    "<!--",
    "-->",
    "--",
    "<![CDATA[",
    "]]>",
    "<?pi x?>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE a [<!ENTITY e 'eeeeeeeeee'>]>",
    "&e;",
    "&amp;",
    "&#x0;",
    "&#xFFFF;",
    "&#1114112;",
    "&#65;",
    "&",
    "<",
    ">",
    "'",
    '"',
    "=",
    " ",
    "\r\n",
    "\uFFFF",
    "\uD800",
    "😀",
    "xmlns=''",
    "xmlns:p=''",
  ),
  fc.string({ unit: "binary", maxLength: 5 }),
);
const hostileXml = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));

/** Large shapes: deep nesting, many attributes, many entities (within and beyond the limits). */
const largeXml = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((d) => `${"<a>".repeat(d)}${"</a>".repeat(d)}`),
  fc.integer({ min: 1, max: 400 }).map((n) => `<a ${Array.from({ length: n }, (_, k) => `a${k}="${k}"`).join(" ")}/>`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `<a>${"&lt;&#x10FFFF;".repeat(n)}</a>`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `<a>${"<!---->".repeat(n)}`),
);

/** A valid model part, then cut, spliced or repeated at random places. */
const MODEL_PART = serializeModel({
  id: "m-1",
  sheet: "Deal <A> & 'B'",
  kind: "stakeSale",
  schemaVersion: 1,
  inputs: { company: "X", n: [1, 2, 3] },
});
const mutatedPart = fc
  .tuple(fc.nat(MODEL_PART.length), fc.nat(MODEL_PART.length), hostileXml, fc.constantFrom("cut", "splice", "repeat"))
  .map(([a, b, insert, how]) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    if (how === "cut") return MODEL_PART.slice(0, from);
    if (how === "splice") return MODEL_PART.slice(0, from) + insert + MODEL_PART.slice(to);
    return MODEL_PART.slice(0, from) + MODEL_PART.slice(from, to).repeat(3) + MODEL_PART.slice(to);
  });

function expectXmlContract(xml: string): void {
  const stats: XmlStats = { steps: 0 };
  try {
    parseXml(xml, undefined, stats);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlError);
    expect((error as XmlError).message).toMatch(/^not well-formed XML: line \d+, column \d+: .+/);
  }
  // Linear: a bounded number of steps per character, whatever the input.
  expect(stats.steps).toBeLessThanOrEqual(4 * xml.length + 64);
  for (const read of [readModelPart, readTemplatePart]) {
    try {
      read(xml);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(RangeError);
      expect((error as Error).message.length).toBeGreaterThan(10);
    }
  }
}

describe("hostile XML parts", () => {
  test("random markup: a tree or a clear XmlError, in linear steps", () => {
    fc.assert(
      fc.property(hostileXml, (xml) => expectXmlContract(xml)),
      { numRuns: 3000 },
    );
  });
  test("large shapes: deep nesting, many attributes, many references", () => {
    fc.assert(
      fc.property(largeXml, (xml) => expectXmlContract(xml)),
      { numRuns: 200 },
    );
  });
  test("a model part cut, spliced or repeated anywhere", () => {
    fc.assert(
      fc.property(mutatedPart, (xml) => expectXmlContract(xml)),
      { numRuns: 2000 },
    );
  });
  test("an entity expansion (billion laughs) is refused before any expansion", () => {
    const laughs = `<!DOCTYPE l [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`).join("")}]><captableModel xmlns="${MODEL_XML_NAMESPACE}">&l9;</captableModel>`;
    expect(() => readModelPart(laughs)).toThrow("document type declaration");
  });

  /** Any element tree, with any text XML can hold in names' values and texts. */
  const xmlText = fc.string({ unit: "binary", maxLength: 12 }).map((t) => [...t].map((c) => (xmlForbiddenAt(c) >= 0 ? "?" : c)).join(""));
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,6}$/);
  const { tree } = fc.letrec((tie) => ({
    tree: fc.record({
      name,
      attributes: fc.uniqueArray(fc.tuple(name, xmlText), { maxLength: 4, selector: ([n]) => n }),
      children: fc.array(fc.oneof({ depthSize: "small" }, xmlText, tie("tree")), { maxLength: 4 }),
    }),
  }));
  type Tree = { name: string; attributes: [string, string][]; children: (string | Tree)[] };
  const write = (t: Tree): string =>
    `<${t.name}${t.attributes.map(([n, v]) => ` ${n}="${escapeXml(v)}"`).join("")}>${t.children.map((c) => (typeof c === "string" ? escapeXml(c) : write(c))).join("")}</${t.name}>`;
  const shape = (t: Tree): unknown => {
    const children: unknown[] = [];
    for (const c of t.children) {
      if (typeof c === "string") {
        if (c === "") continue;
        if (typeof children[children.length - 1] === "string") children[children.length - 1] += c;
        else children.push(c);
      } else children.push(shape(c));
    }
    return { name: t.name, attributes: Object.fromEntries(t.attributes), children };
  };
  const read = (e: XmlElement): unknown => ({
    name: e.name,
    attributes: { ...e.attributes },
    children: e.children.map((c) => (typeof c === "string" ? c : read(c))),
  });

  test("any tree written with escapeXml reads back as the same tree", () => {
    fc.assert(
      fc.property(tree, (t) => expect(read(parseXml(write(t as Tree)))).toEqual(shape(t as Tree))),
      { numRuns: 500 },
    );
  });
});

describe("hostile .xlsx files", () => {
  let honest: Uint8Array;
  let names: string[];
  beforeAll(async () => {
    const built = await workbookFromTemplate(builtInTemplate("opcore-stake-sale")!.template);
    honest = new Uint8Array(built.buffer);
    names = Object.keys((await JSZip.loadAsync(honest)).files).filter((n) => !n.endsWith("/"));
  });

  async function expectZipContract(bytes: Uint8Array, sheets: boolean): Promise<void> {
    for (const read of sheets ? [readXlsxContents, readSheetSpecs] : [readXlsxContents]) {
      try {
        await (read as (b: Uint8Array) => Promise<unknown>)(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(RangeError);
        expect((error as Error).message).not.toMatch(/Cannot read propert|undefined is not|Maximum call stack/);
        expect((error as Error).message.length).toBeGreaterThan(5);
      }
    }
  }

  test("truncated anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (n) => expectZipContract(honest.subarray(0, n % honest.length), false)),
      { numRuns: 40 },
    );
  });

  test("bytes overwritten anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Uint8Array.from(honest);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        await expectZipContract(bytes, false);
      }),
      { numRuns: 40 },
    );
  });

  test("a part that lies about its size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.oneof(fc.constant(0), fc.nat(1000), fc.integer({ min: 1, max: 0xfffffff0 })), async (k, declared) => {
        await expectZipContract(withDeclaredSize(honest, names[k % names.length], declared), true);
      }),
      { numRuns: 30 },
    );
  });

  test("hostile custom XML parts inside a real workbook: each named, the model still read", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileXml, largeXml, mutatedPart), async (xml) => {
        const zip = await JSZip.loadAsync(honest);
        zip.file("customXml/item5.xml", xml);
        const contents = await readXlsxContents(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
        // The workbook's own model (a generated id, never "m-1") is still read.
        expect(contents.models.some((m) => m.id !== "m-1")).toBe(true);
        for (const u of contents.unreadable) expect(u).toMatch(/^customXml\/item5\.xml: ./);
      }),
      { numRuns: 40 },
    );
  });
});
