import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MODEL_XML_NAMESPACE, parseModel } from "../../src/workbook/modelXml";
import type { SheetSpec } from "../../src/workbook/spec";
import { absoluteRef, cleanSheetName, quoteSheetName, uniqueSheetName, writeXlsx } from "../../src/workbook/xlsxWriter";
import { readSheetSpecs, readStoredModels, readXlsxContents } from "../../src/workbook/xlsxReader";
import { MARKER_COMMENT_CLI, markedSheet, markerName } from "../../src/workbook/office/marker";

const SHEET: SheetSpec = {
  name: "OpCore deal",
  showGridlines: false,
  columns: [
    { column: "A", width: 40 },
    { column: "B", width: 18 },
  ],
  cells: [
    { address: "A1", value: "OpCore: stake sale", style: "title" },
    { address: "A2", value: '=HYPERLINK("http://evil.example","x")', style: "label" },
    { address: "A3", value: "+cmd|' /C calc'!A0" },
    { address: "A4", value: "-2+3" },
    { address: "A5", value: "@SUM(1)" },
    { address: "B6", value: 860_000_000, format: "#,##0", style: "input" },
    { address: "B7", value: 0.5, format: "0.0%", style: "input" },
    { address: "B8", formula: "=EV*Stake", expected: 430_000_000, format: "#,##0", style: "total" },
    { address: "B9", formula: "=EV-EV", expected: 0, format: "#,##0" },
    { address: "B10", formula: '=IF(Stake>0,"yes","no")', expected: "yes" },
    { address: "B11", value: true },
    { address: "C1", value: null, style: "section" },
  ],
  names: [
    { name: "EV", ref: "B6", comment: "Enterprise value at 100%" },
    { name: "Stake", ref: "B7" },
    { name: "Block", ref: "B6:B7" },
  ],
  charts: [{ type: "waterfall", title: "Bridge", dataRange: "A6:B8", seriesBy: "columns", from: "D1", to: "H10" }],
};

const MODEL = { id: "m-test-1", kind: "stakeSale", schemaVersion: 1, inputs: { company: '<OpCore> & "co"', stake: 0.5 } };

async function unzip(buffer: Buffer): Promise<(path: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(buffer);
  return async (p) => {
    const f = zip.file(p);
    if (f === null) throw new Error(`no part ${p}`);
    return f.async("string");
  };
}

describe("xlsx writer", () => {
  let buffer: Buffer;
  let part: (path: string) => Promise<string>;
  beforeAll(async () => {
    const result = await writeXlsx({ sheets: [{ spec: SHEET, model: MODEL }], properties: { title: "OpCore", description: "Test" } });
    expect(result.sheetNames).toEqual(["OpCore deal"]);
    expect(result.chartsWritten).toBe(0);
    expect(result.chartsSkipped).toBe(1);
    buffer = result.buffer;
    part = await unzip(buffer);
  });

  test("texts that look like formulas are string cells, never formulas", async () => {
    const sheet = await part("xl/worksheets/sheet1.xml");
    for (const address of ["A2", "A3", "A4", "A5"]) expect(sheet).toMatch(new RegExp(`<c r="${address}"[^>]* t="s"><v>\\d+</v></c>`));
    const formulas = [...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toEqual(["EV*Stake", "EV-EV", "IF(Stake&gt;0,&quot;yes&quot;,&quot;no&quot;)"]);
    const shared = await part("xl/sharedStrings.xml");
    expect(shared).toContain("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("OpCore deal")!;
    for (const address of ["A2", "A3", "A4", "A5"]) expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
  });

  test("formulas carry the engine's values as cached results, zero and text included", async () => {
    const sheet = await part("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<c r="B8"[^>]*><f>EV\*Stake<\/f><v>430000000<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="B9"[^>]*><f>EV-EV<\/f><v>0<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="B10"[^>]* t="str"><f>[^<]*<\/f><v>yes<\/v><\/c>/);
    expect(await part("xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  test("defined names are scoped to the sheet", async () => {
    const wb = await part("xl/workbook.xml");
    expect(wb).toContain(`<definedName name="EV" localSheetId="0" comment="Enterprise value at 100%">&apos;OpCore deal&apos;!$B$6</definedName>`);
    expect(wb).toContain(`<definedName name="Stake" localSheetId="0">&apos;OpCore deal&apos;!$B$7</definedName>`);
    expect(wb).toContain(`<definedName name="Block" localSheetId="0">&apos;OpCore deal&apos;!$B$6:$B$7</definedName>`);
    // definedNames sits between sheets and calcPr, as the schema orders them.
    expect(wb).toMatch(/<\/sheets><definedNames>.*<\/definedNames><calcPr/);
  });

  test("formats, styles, column widths and gridlines", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("OpCore deal")!;
    expect(ws.getCell("B6").numFmt).toBe("#,##0");
    expect(ws.getCell("B7").numFmt).toBe("0.0%");
    expect(ws.getCell("B6").font.color).toEqual({ argb: "FF0000FF" });
    expect(ws.getCell("B6").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FF1F3864" } });
    expect(ws.getCell("B8").border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("C1").fill).toMatchObject({ fgColor: { argb: "FF1F3864" } });
    expect(ws.getColumn("A").width).toBe(40);
    expect(ws.getColumn("B").width).toBe(18);
    expect((await part("xl/worksheets/sheet1.xml")).includes('showGridLines="0"')).toBe(true);
    expect(wb.title).toBe("OpCore");
  });

  test("the model is stored as the add-in stores it: a custom XML part with its properties, relationship and content type", async () => {
    const item = await part("customXml/item1.xml");
    expect(parseModel(item)).toEqual({ ...MODEL, sheet: "OpCore deal" });
    expect(await part("customXml/itemProps1.xml")).toMatch(
      new RegExp(
        `<ds:datastoreItem ds:itemID="\\{[0-9A-F-]{36}\\}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MODEL_XML_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
      ),
    );
    expect(await part("customXml/_rels/item1.xml.rels")).toContain(
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>`,
    );
    expect(await part("xl/_rels/workbook.xml.rels")).toContain(
      `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>`,
    );
    const types = await part("[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>`,
    );
    expect(types).toContain(`<Default Extension="xml" ContentType="application/xml"/>`);
    expect(await readStoredModels(buffer)).toEqual([{ ...MODEL, sheet: "OpCore deal" }]);
  });

  test("the reader gives back the sheet: cells, cached values, formats, names, widths, gridlines", async () => {
    const [sheet] = await readSheetSpecs(buffer);
    const written = SHEET.cells.filter((c) => c.value !== null);
    expect(sheet.cells).toEqual(
      written.map((c) => {
        const copy = { ...c };
        delete copy.style;
        return copy;
      }),
    );
    expect(sheet.names).toEqual(SHEET.names);
    expect(sheet.columns).toEqual(SHEET.columns);
    expect(sheet.showGridlines).toBe(false);
  });

  test("two models whose sheets want the same name: the second gets a free name, and each model names its own sheet", async () => {
    const second = { ...MODEL, id: "m-test-2" };
    const result = await writeXlsx({
      sheets: [
        { spec: SHEET, model: MODEL },
        { spec: { ...SHEET, name: "opcore DEAL" }, model: second, parts: ['<other xmlns="urn:x"/>'] },
      ],
    });
    expect(result.sheetNames).toEqual(["OpCore deal", "opcore DEAL (2)"]);
    const contents = await readXlsxContents(result.buffer);
    expect(contents.models.map((m) => [m.id, m.sheet])).toEqual([
      ["m-test-1", "OpCore deal"],
      ["m-test-2", "opcore DEAL (2)"],
    ]);
    expect(contents.customXml).toHaveLength(3);
    expect(contents.customXml[2]).toBe('<other xmlns="urn:x"/>');
    const specs = await readSheetSpecs(result.buffer);
    expect(specs.map((s) => s.names.map((n) => n.name))).toEqual([
      ["EV", "Stake", "Block"],
      ["EV", "Stake", "Block"],
    ]);
    const wb = await (await unzip(result.buffer))("xl/workbook.xml");
    expect(wb).toContain(`<definedName name="EV" localSheetId="1" comment="Enterprise value at 100%">&apos;opcore DEAL (2)&apos;!$B$6</definedName>`);
  });

  test("each model's sheet gets the hidden workbook-scoped marker the add-in looks for, read back by the reader (issue 13)", async () => {
    const result = await writeXlsx({
      sheets: [{ spec: { ...SHEET, name: "Bob's deal" }, model: MODEL }, { spec: { ...SHEET, name: "Plain" } }],
    });
    const { workbookNames } = await readXlsxContents(result.buffer);
    expect(workbookNames).toEqual([{ name: markerName("m-test-1"), formula: "='Bob''s deal'!$A$1", comment: MARKER_COMMENT_CLI, hidden: true }]);
    expect(markedSheet(workbookNames[0].formula)).toBe("Bob's deal");
    // Sheet-scoped names are unchanged, and the marker is not one of them.
    expect((await readSheetSpecs(result.buffer)).map((s) => s.names.length)).toEqual([3, 3]);
    // A model id is unique in a workbook: two sheets storing one model are refused (two markers of one name).
    await expect(
      writeXlsx({
        sheets: [
          { spec: SHEET, model: MODEL },
          { spec: SHEET, model: MODEL },
        ],
      }),
    ).rejects.toThrow(/the model "m-test-1" is stored on another sheet already/);
  });

  test("a spec that breaks the rules is refused with the sheet and cell named, never written wrong", async () => {
    const bad = (cells: SheetSpec["cells"], names: SheetSpec["names"] = []) => writeXlsx({ sheets: [{ spec: { name: "S", cells, names } }] });
    await expect(bad([{ address: "A1", value: 1, formula: "=1" }])).rejects.toThrow("S!A1: a cell has either a value or a formula, not both");
    await expect(bad([{ address: "A1", formula: "1+1" }])).rejects.toThrow('S!A1: formula must begin with "=", got "1+1"');
    await expect(bad([{ address: "a1", value: 1 }])).rejects.toThrow('S: "a1" is not an A1 address');
    await expect(
      bad([
        { address: "A1", value: 1 },
        { address: "A1", value: 2 },
      ]),
    ).rejects.toThrow("S: cell A1 is described twice");
    await expect(bad([{ address: "A1", value: Number.NaN }])).rejects.toThrow("S!A1: value must be a finite number, got NaN");
    await expect(bad([], [{ name: "A1", ref: "A1" }])).rejects.toThrow('S: "A1" is not a valid Excel name');
    await expect(
      bad(
        [],
        [
          { name: "Stake", ref: "A1" },
          { name: "STAKE", ref: "A2" },
        ],
      ),
    ).rejects.toThrow('S: the name "STAKE" is defined twice');
    await expect(bad([], [{ name: "Stake", ref: "Sheet1!A1" }])).rejects.toThrow('"Sheet1!A1" is not an A1 address or range');
    await expect(writeXlsx({ sheets: [] })).rejects.toThrow("a workbook needs at least one sheet");
  });

  test("sheet names", () => {
    expect(cleanSheetName("Deal: A/B [2025]?")).toBe("Deal A B 2025");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
    expect(cleanSheetName("History")).toBe("Model");
    expect(cleanSheetName("")).toBe("Model");
    expect(uniqueSheetName("Deal", ["deal", "Deal (2)"])).toBe("Deal (3)");
    expect(uniqueSheetName("y".repeat(31), ["y".repeat(31)])).toBe(`${"y".repeat(27)} (2)`);
    expect(quoteSheetName("Iliad's deal")).toBe("'Iliad''s deal'");
    expect(absoluteRef("B4")).toBe("$B$4");
    expect(absoluteRef("$B$4:D9")).toBe("$B$4:$D$9");
  });

  test("the reader refuses what is not an .xlsx with a clear message", async () => {
    await expect(readXlsxContents(Buffer.from("not a zip"))).rejects.toThrow(/^not an \.xlsx workbook/);
    await expect(readXlsxContents(Buffer.alloc(51 * 1024 * 1024))).rejects.toThrow(/^the workbook is too large/);
    const zip = new JSZip();
    zip.file("customXml/item1.xml", "<captableModel>broken");
    zip.file("customXml/item2.xml", '<?xml version="1.0"?><foreign/>');
    const contents = await readXlsxContents(await zip.generateAsync({ type: "nodebuffer" }));
    expect(contents.models).toEqual([]);
    expect(contents.customXml).toHaveLength(2);
    // A custom XML part that inflates beyond the limit (a zip bomb) is skipped, not read.
    zip.file("customXml/item3.xml", " ".repeat(3_000_000), { compression: "DEFLATE" });
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect((await readXlsxContents(bomb)).customXml).toHaveLength(2);
    // A workbook that inflates beyond the limit as a whole is refused before anything is read.
    // (A small zip whose directory declares a 4 GB entry, as a bomb's would.)
    const huge = new JSZip();
    huge.file("xl/media/big.bin", "x", { compression: "DEFLATE", createFolders: false });
    const hugeZip = await huge.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const central = hugeZip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    hugeZip.writeUInt32LE(0xfffffff0, central + 24);
    hugeZip.writeUInt32LE(0xfffffff0, 22);
    await expect(readSheetSpecs(hugeZip)).rejects.toThrow("the workbook inflates to 4294967280 bytes, more than the 524288000 read");
    hugeZip.writeUInt32LE(0x30000000, central + 24);
    hugeZip.writeUInt32LE(0x30000000, 22);
    await expect(readXlsxContents(hugeZip)).rejects.toThrow("the workbook inflates to 805306368 bytes, more than the 524288000 read");
  });
});

describe("xlsx charts (DrawingML, written by hand: ExcelJS cannot)", () => {
  const OWNERSHIP: SheetSpec = {
    name: "Iliad's deal",
    cells: [
      { address: "J2", value: "Holder" },
      { address: "K2", value: "Before" },
      { address: "L2", value: "After" },
      { address: "J3", value: "Iliad" },
      { address: "K3", value: 1, format: "0.0%" },
      { address: "L3", formula: "=K3/2", expected: 0.5, format: "0.0%" },
      { address: "J4", value: "InfraVia" },
      { address: "K4", value: 0, format: "0.0%" },
      { address: "L4", formula: "=K3-L3", expected: 0.5, format: "0.0%" },
    ],
    names: [],
    charts: [
      { type: "clusteredColumn", title: "Ownership <before & after>", dataRange: "J2:L4", seriesBy: "columns", from: "N2", to: "U19" },
      { type: "pie", title: "After", dataRange: "J2:L4", seriesBy: "rows", from: "N21", to: "U38" },
      { type: "waterfall", title: "Not written", dataRange: "J2:L4", seriesBy: "columns", from: "N40", to: "U50" },
    ],
  };

  let part: (path: string) => Promise<string>;
  let buffer: Buffer;
  beforeAll(async () => {
    const result = await writeXlsx({ sheets: [{ spec: OWNERSHIP }] });
    expect(result).toMatchObject({ chartsWritten: 2, chartsSkipped: 1 });
    buffer = result.buffer;
    part = await unzip(buffer);
  });

  test("the sheet points to a drawing that anchors each chart over the cells of the spec", async () => {
    const sheet = await part("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<pageSetup[^>]*\/><drawing r:id="rIdCapTableDrawing1"\/><\/worksheet>$/);
    expect(await part("xl/worksheets/_rels/sheet1.xml.rels")).toContain(
      `<Relationship Id="rIdCapTableDrawing1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>`,
    );
    const drawing = await part("xl/drawings/drawing1.xml");
    // N2:U19 -> from column 13 row 1 to the end of column U (21) row 19, zero-based.
    expect(drawing).toContain("<xdr:from><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
    expect(drawing).toContain("<xdr:to><xdr:col>21</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>");
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    const rels = await part("xl/drawings/_rels/drawing1.xml.rels");
    expect(rels).toContain(`Target="../charts/chart1.xml"`);
    expect(rels).toContain(`Target="../charts/chart2.xml"`);
    const types = await part("[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
  });

  test("a clustered column chart: one series per column, names and categories from the headers, values cached from the engine", async () => {
    const chart = await part("xl/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<a:t>Ownership &lt;before &amp; after&gt;</a:t>");
    const series = [...chart.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => m[1]);
    expect(series).toHaveLength(2);
    expect(series[1]).toContain("<c:tx><c:strRef><c:f>&apos;Iliad&apos;&apos;s deal&apos;!$L$2</c:f>");
    expect(series[1]).toContain('<c:pt idx="0"><c:v>After</c:v></c:pt>');
    expect(series[1]).toContain("<c:cat><c:strRef><c:f>&apos;Iliad&apos;&apos;s deal&apos;!$J$3:$J$4</c:f>");
    expect(series[1]).toContain(
      '<c:val><c:numRef><c:f>&apos;Iliad&apos;&apos;s deal&apos;!$L$3:$L$4</c:f><c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="1"><c:v>0.5</c:v></c:pt>',
    );
    // Schema order inside a bar series and a bar chart.
    expect(series[0]).toMatch(
      /^<c:idx val="0"\/><c:order val="0"\/><c:tx>.*<\/c:tx><c:invertIfNegative val="0"\/><c:cat>.*<\/c:cat><c:val>.*<\/c:val>$/,
    );
    expect(chart).toMatch(
      /<\/c:ser><c:gapWidth val="150"\/><c:axId val="500000001"\/><c:axId val="500000002"\/><\/c:barChart><c:catAx>.*<\/c:catAx><c:valAx>.*<\/c:valAx><\/c:plotArea><c:legend>/,
    );
  });

  test("a pie chart by rows: one series per row, categories across", async () => {
    const chart = await part("xl/charts/chart2.xml");
    expect(chart).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(chart).not.toContain("<c:catAx>");
    const series = [...chart.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => m[1]);
    expect(series).toHaveLength(2);
    expect(series[0]).toContain("<c:cat><c:strRef><c:f>&apos;Iliad&apos;&apos;s deal&apos;!$K$2:$L$2</c:f>");
    expect(series[0]).toContain("<c:val><c:numRef><c:f>&apos;Iliad&apos;&apos;s deal&apos;!$K$3:$L$3</c:f>");
    expect(series[0]).not.toContain("invertIfNegative");
  });

  test("the file still reads back (the drawing does not disturb the cells)", async () => {
    const [sheet] = await readSheetSpecs(buffer);
    expect(sheet.cells).toHaveLength(OWNERSHIP.cells.length);
  });

  test("a chart whose data range has no data is refused by name", async () => {
    await expect(writeXlsx({ sheets: [{ spec: { ...OWNERSHIP, charts: [{ ...OWNERSHIP.charts![0], dataRange: "J2:J2" }] } }] })).rejects.toThrow(
      /chart data range "J2:J2"/,
    );
  });
});
