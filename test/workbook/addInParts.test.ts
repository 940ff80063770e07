/**
 * Workbooks that travel: add-in calls written the way Excel itself stores them (addInParts.ts,
 * xlsxWriter.ts), checked at the level of the zip's parts against Excel's own output and the
 * element names, namespaces, relationships and content types of [MS-XLSX] and [MS-OWEXML].
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import {
  CAPTABLE_ADD_IN,
  FUNCTIONS_NAMESPACE,
  bindAddInCalls,
  dynamicArrayMetadataXml,
  unbindAddInCalls,
  webExtensionXml,
} from "../../src/workbook/addInParts";
import type { SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { attr, child, childrenNamed, descendants, parseXml, type XmlElement } from "../hardening/support/xml";

/**
 * Parts of an .xlsx saved by Excel 16.107 (2026) with two bound custom function calls
 * (evelyn-chrono/officejs-custom-functions-name-error-repro, "Custom Functions Protected Sheet
 * Repro.xlsx", sheet "Correct"; attached to office-js #6611).
 */
const EXCEL = {
  cell: `<c r="A1" cm="1"><f t="array" ref="A1">_xldudf_CONTOSO_ADD(1,2)</f><v>3</v></c>`,
  metadata:
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
    `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
    `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  webextension:
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{88C9DF49-DEB8-0D4E-B730-E4053453480D}">` +
    `<we:reference id="00000000-0000-0000-0000-000000000001" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties/><we:bindings/>` +
    `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}">` +
    `<we:customFunctionIdList><we:customFunctionIds>_xldudf_CONTOSO_ADD</we:customFunctionIds><we:customFunctionIds>_xldudf_CONTOSO_GET</we:customFunctionIds></we:customFunctionIdList></a:ext></we:extLst></we:webextension>`,
};

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  da: "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray",
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};

/** An element's structure (namespace + local name, attribute names, children), without values that vary. */
function shape(e: XmlElement): unknown {
  return {
    name: `{${e.uri}}${e.local}`,
    attributes: e.attributes
      .filter((a) => !a.name.startsWith("xmlns"))
      .map((a) => `{${a.uri}}${a.local}`)
      .sort(),
    children: e.children.map(shape),
  };
}

describe("add-in calls in formulas", () => {
  test("every CAPTABLE.<ID>( becomes the bound name Excel stores, nested and in any case", () => {
    expect(bindAddInCalls("INDEX(CAPTABLE.WATERFALL(Classes,ExitValue),2,2)")).toEqual({
      formula: "INDEX(_xldudf_CAPTABLE_WATERFALL(Classes,ExitValue),2,2)",
      ids: ["_xldudf_CAPTABLE_WATERFALL"],
    });
    expect(bindAddInCalls("CAPTABLE.STAKEVALUE(captable.equityvalue(A1,B1),CAPTABLE.EQUITYVALUE (A2,B2))")).toEqual({
      formula: "_xldudf_CAPTABLE_STAKEVALUE(_xldudf_CAPTABLE_EQUITYVALUE(A1,B1),_xldudf_CAPTABLE_EQUITYVALUE(A2,B2))",
      ids: ["_xldudf_CAPTABLE_STAKEVALUE", "_xldudf_CAPTABLE_EQUITYVALUE"],
    });
  });

  test("texts, quoted sheet names and longer names are left alone", () => {
    const formula = `IF(A1="CAPTABLE.X(",'CAPTABLE.Y(''s'!B2,MyCAPTABLE.Z(1)&"say ""CAPTABLE.W("" ")`;
    expect(bindAddInCalls(formula)).toEqual({ formula, ids: [] });
    expect(bindAddInCalls("SUM(A1:A4)")).toEqual({ formula: "SUM(A1:A4)", ids: [] });
  });

  test("an id Excel would not accept is an error, never guessed", () => {
    expect(() => bindAddInCalls("CAPTABLE.A.B(1)")).toThrow(/CAPTABLE\.A\.B.*letters, digits and "_"/);
  });

  test("unbinding gives the formula back", () => {
    for (const f of ["INDEX(CAPTABLE.PRICEDROUND(A1:B2,C3),1,2)", `CAPTABLE.GET_PB_OPT("_xldudf_CAPTABLE_X(")`, "A1+1"]) {
      expect(unbindAddInCalls(bindAddInCalls(f).formula)).toBe(f);
    }
  });

  test("the add-in named in workbooks is the one in manifest.xml", () => {
    const manifest = parseXml(readFileSync(join(__dirname, "../../manifest.xml"), "utf8"));
    expect(child(manifest, "Id").text).toBe(CAPTABLE_ADD_IN.id);
    expect(child(manifest, "Version").text).toBe(CAPTABLE_ADD_IN.version);
    const namespace = descendants(manifest).find((e) => e.local === "String" && attr(e, "id") === "Functions.Namespace");
    expect(namespace && attr(namespace, "DefaultValue")).toBe(FUNCTIONS_NAMESPACE);
  });
});

describe("parts against Excel's own output", () => {
  test("xl/metadata.xml: the XLDAPR dynamic-array properties, as Excel writes them", () => {
    const ours = parseXml(dynamicArrayMetadataXml());
    expect(shape(ours)).toEqual(shape(parseXml(EXCEL.metadata)));
    const props = descendants(ours).find((e) => e.local === "dynamicArrayProperties")!;
    expect(props.uri).toBe(NS.da);
    expect(attr(props, "fDynamic")).toBe("1");
  });

  test("the web extension part has Excel's structure ([MS-OWEXML] CT_OsfWebExtension, CT_CustomFunctionList)", () => {
    const ours = parseXml(
      webExtensionXml(CAPTABLE_ADD_IN, ["_xldudf_CAPTABLE_WATERFALL", "_xldudf_CAPTABLE_BREAKPOINTS"], "{00000000-0000-0000-0000-00000000000A}"),
    );
    expect(shape(ours)).toEqual(shape(parseXml(EXCEL.webextension)));
  });
});

const ADD_IN_SHEET: SheetSpec = {
  name: "Exit waterfall",
  names: [{ name: "ExitValue", ref: "B2" }],
  cells: [
    { address: "A1", value: "Results need the CapTable add-in", style: "note" },
    { address: "B2", value: 100, style: "input" },
    { address: "B3", formula: "=INDEX(CAPTABLE.WATERFALL(A10:B11,ExitValue),2,2)", expected: 42.5, format: "#,##0.0" },
    { address: "B4", formula: "=B2*2", expected: 200 },
    {
      address: "A6",
      formula: "=CAPTABLE.BREAKPOINTS(A10:B11)",
      expected: "Exit value",
      spill: [
        ["Exit value", "Class"],
        [0, "A"],
        [1500, "B"],
      ],
    },
    // A spilled-over cell may carry a format; its value is the spill's.
    { address: "A8", value: null, format: "#,##0" },
    { address: "A10", value: "Class" },
    { address: "B10", value: "Shares" },
    { address: "D1", formula: "=SEQUENCE(2)", expected: 1, spill: [[1], [2]] },
  ],
};

async function open(buffer: Buffer): Promise<{ part: (p: string) => Promise<string>; has: (p: string) => boolean }> {
  const zip = await JSZip.loadAsync(buffer);
  return {
    part: async (p) => {
      const f = zip.file(p);
      if (f === null) throw new Error(`no part ${p}`);
      return f.async("string");
    },
    has: (p) => zip.file(p) !== null,
  };
}

describe("a workbook with add-in calls", () => {
  let files: Awaited<ReturnType<typeof open>>;
  let addInCells: readonly string[];
  beforeAll(async () => {
    const result = await writeXlsx({ sheets: [{ spec: ADD_IN_SHEET }] });
    addInCells = result.addInCells;
    files = await open(result.buffer);
  });

  test("a call is a bound dynamic-array cell with its cached value, as in Excel's file", async () => {
    const sheet = await files.part("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(
      /<c r="B3" s="\d+" cm="1"><f t="array" ref="B3">INDEX\(_xldudf_CAPTABLE_WATERFALL\(A10:B11,ExitValue\),2,2\)<\/f><v>42.5<\/v><\/c>/,
    );
    expect(EXCEL.cell).toMatch(/<c r="A1" cm="1"><f t="array" ref="A1">_xldudf_CONTOSO_ADD\(1,2\)<\/f><v>3<\/v><\/c>/);
    expect(sheet).not.toContain("CAPTABLE.");
    // A native formula stays a plain formula.
    expect(sheet).toMatch(/<c r="B4"><f>B2\*2<\/f><v>200<\/v><\/c>/);
    expect(addInCells).toEqual(["'Exit waterfall'!B3", "'Exit waterfall'!A6"]);
  });

  test("a spill is an array formula over its range, with the cached values in every cell", async () => {
    const sheet = parseXml(await files.part("xl/worksheets/sheet1.xml"));
    const cells = new Map(
      descendants(sheet)
        .filter((e) => e.local === "c")
        .map((c) => [attr(c, "r")!, c]),
    );
    const anchor = cells.get("A6")!;
    expect(attr(anchor, "cm")).toBe("1");
    expect(attr(anchor, "t")).toBe("str");
    const f = child(anchor, "f", NS.main);
    expect([attr(f, "t"), attr(f, "ref"), f.text]).toEqual(["array", "A6:B8", "_xldudf_CAPTABLE_BREAKPOINTS(A10:B11)"]);
    expect(child(anchor, "v").text).toBe("Exit value");
    const shared = descendants(parseXml(await files.part("xl/sharedStrings.xml")))
      .filter((e) => e.local === "si")
      .map((si) => child(si, "t").text);
    const shown = (address: string) => {
      const c = cells.get(address)!;
      expect(childrenNamed(c, "f")).toEqual([]);
      const v = child(c, "v").text;
      return attr(c, "t") === "s" ? shared[Number(v)] : Number(v);
    };
    expect(["B6", "A7", "B7", "A8", "B8"].map(shown)).toEqual(["Class", 0, "A", 1500, "B"]);
    expect(attr(cells.get("A8")!, "s")).toBeDefined(); // the spilled-over cell kept its format
    // A native formula with a spill is a dynamic array too.
    const seq = child(cells.get("D1")!, "f");
    expect([attr(seq, "t"), attr(seq, "ref"), attr(cells.get("D1")!, "cm")]).toEqual(["array", "D1:D2", "1"]);
  });

  test("the metadata part is related from the workbook and typed", async () => {
    expect(await files.part("xl/metadata.xml")).toBe(dynamicArrayMetadataXml());
    const rels = parseXml(await files.part("xl/_rels/workbook.xml.rels"));
    expect(
      rels.children
        .filter((r) => attr(r, "Type") === "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata")
        .map((r) => attr(r, "Target")),
    ).toEqual(["metadata.xml"]);
    const types = parseXml(await files.part("[Content_Types].xml"));
    expect(types.uri).toBe(NS.types);
    const override = (name: string) => types.children.find((o) => attr(o, "PartName") === name);
    expect(attr(override("/xl/metadata.xml")!, "ContentType")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml");
  });

  test("no recalculation on open: the cached values are what Excel without the add-in shows", async () => {
    const calcPr = child(parseXml(await files.part("xl/workbook.xml")), "calcPr", NS.main);
    expect(attr(calcPr, "fullCalcOnLoad")).toBeUndefined();
    expect(attr(calcPr, "calcId")).toBe("191029");
  });

  test("the web extension names the add-in and lists the bound ids; taskpanes.xml and the package relationship reach it", async () => {
    // Package relationship -> taskpanes.xml ([MS-OWEXML]: webextensiontaskpanes relationship).
    const root = parseXml(await files.part("_rels/.rels"));
    expect(root.uri).toBe(NS.rels);
    const toPanes = root.children.filter((r) => attr(r, "Type") === "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes");
    expect(toPanes.map((r) => attr(r, "Target"))).toEqual(["xl/webextensions/taskpanes.xml"]);
    // taskpanes.xml: CT_OsfTaskpanes > CT_OsfTaskpane > webextensionref r:id.
    const panes = parseXml(await files.part("xl/webextensions/taskpanes.xml"));
    expect([panes.uri, panes.local]).toEqual([NS.wetp, "taskpanes"]);
    const pane = child(panes, "taskpane", NS.wetp);
    expect(attr(pane, "dockstate")).toBe("right");
    expect(attr(pane, "visibility")).toBe("1");
    const ref = child(pane, "webextensionref", NS.wetp);
    const relId = attr(ref, "id", NS.r)!;
    const paneRels = parseXml(await files.part("xl/webextensions/_rels/taskpanes.xml.rels"));
    const toExtension = paneRels.children.find((r) => attr(r, "Id") === relId)!;
    expect(attr(toExtension, "Type")).toBe("http://schemas.microsoft.com/office/2011/relationships/webextension");
    expect(attr(toExtension, "Target")).toBe("webextension1.xml");
    // webextension1.xml: CT_OsfWebExtension with the reference and CT_CustomFunctionList.
    const ext = parseXml(await files.part("xl/webextensions/webextension1.xml"));
    expect([ext.uri, ext.local]).toEqual([NS.we, "webextension"]);
    expect(attr(ext, "id")).toMatch(/^\{[0-9A-F-]{36}\}$/);
    const reference = child(ext, "reference", NS.we);
    expect(Object.fromEntries(reference.attributes.map((a) => [a.name, a.value]))).toEqual({
      id: "09e23452-657b-4951-b3e2-b28b5cb0f957",
      version: "0.1.0.0",
      store: "developer",
      storeType: "Registry",
    });
    const list = descendants(ext).find((e) => e.local === "customFunctionIdList")!;
    expect(list.uri).toBe(NS.we);
    expect(attr(list.parent!, "uri")).toBe("{7C84B067-C214-45C3-A712-C9D94CD141B2}");
    expect(childrenNamed(list, "customFunctionIds", NS.we).map((e) => e.text)).toEqual([
      "_xldudf_CAPTABLE_WATERFALL",
      "_xldudf_CAPTABLE_BREAKPOINTS",
    ]);
    // Content types, as Excel declares them.
    const types = parseXml(await files.part("[Content_Types].xml"));
    const typeOf = (name: string) =>
      attr(
        types.children.find((o) => attr(o, "PartName") === name)!,
        "ContentType",
      );
    expect(typeOf("/xl/webextensions/taskpanes.xml")).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
    expect(typeOf("/xl/webextensions/webextension1.xml")).toBe("application/vnd.ms-office.webextension+xml");
  });
});

describe("writer options and checks", () => {
  test("another store (Marketplace, admin deployment) is configurable; false writes no web extension", async () => {
    const marketplace = { id: "WA104380646", version: "1.0.0.0", store: "en-US", storeType: "OMEX", openTaskPane: false };
    const withStore = await open((await writeXlsx({ sheets: [{ spec: ADD_IN_SHEET }], addIn: marketplace })).buffer);
    const reference = child(parseXml(await withStore.part("xl/webextensions/webextension1.xml")), "reference", NS.we);
    expect([attr(reference, "id"), attr(reference, "store"), attr(reference, "storeType")]).toEqual(["WA104380646", "en-US", "OMEX"]);
    expect(attr(child(parseXml(await withStore.part("xl/webextensions/taskpanes.xml")), "taskpane"), "visibility")).toBe("0");
    const none = await open((await writeXlsx({ sheets: [{ spec: ADD_IN_SHEET }], addIn: false })).buffer);
    expect(none.has("xl/webextensions/webextension1.xml")).toBe(false);
    expect(await none.part("_rels/.rels")).not.toContain("webextension");
  });

  test("a workbook of native formulas gets no metadata or web extension, and recalculates on open", async () => {
    const native: SheetSpec = {
      name: "N",
      names: [],
      cells: [
        { address: "A1", value: 2 },
        { address: "A2", formula: "=A1*2", expected: 4 },
      ],
    };
    const result = await writeXlsx({ sheets: [{ spec: native }] });
    const files = await open(result.buffer);
    expect(result.addInCells).toEqual([]);
    expect(files.has("xl/metadata.xml")).toBe(false);
    expect(files.has("xl/webextensions/taskpanes.xml")).toBe(false);
    expect(attr(child(parseXml(await files.part("xl/workbook.xml")), "calcPr"), "fullCalcOnLoad")).toBe("1");
  });

  test.each([
    [{ address: "A7", value: 3 }, /A7: the cell is in the spill range of A6/],
    [{ address: "B7", formula: "=1", expected: 1 }, /B7: the cell is in the spill range of A6/],
  ])("a cell written over a spill is an error (Excel would show #SPILL!)", async (cell, message) => {
    const spec = { ...ADD_IN_SHEET, cells: [...ADD_IN_SHEET.cells, cell] };
    await expect(writeXlsx({ sheets: [{ spec }] })).rejects.toThrow(message);
  });

  test("a ragged, empty, mismatched or overlapping spill is an error", async () => {
    const write = (cells: SheetSpec["cells"]) => writeXlsx({ sheets: [{ spec: { name: "S", names: [], cells } }] });
    await expect(write([{ address: "A1", formula: "=X()", spill: [[1, 2], [3]] }])).rejects.toThrow(
      /S!A1: spill row 2 has 1 values, the first row 2/,
    );
    await expect(write([{ address: "A1", formula: "=X()", spill: [] }])).rejects.toThrow(/S!A1: spill must hold at least one row/);
    await expect(write([{ address: "A1", formula: "=X()", expected: 9, spill: [[1]] }])).rejects.toThrow(
      /expected \(9\) is not the spill's top-left value \(1\)/,
    );
    await expect(write([{ address: "A1", value: 1, spill: [[1]] }])).rejects.toThrow(/spill is set on a cell without a formula/);
    await expect(
      write([
        { address: "A1", formula: "=X()", spill: [[1], [2]] },
        { address: "A2", formula: "=Y()", spill: [[1]] },
      ]),
    ).rejects.toThrow(/spill range overlaps the spill of A1 at A2/);
  });
});
