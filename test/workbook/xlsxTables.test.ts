/**
 * Input tables as Excel tables in the .xlsx (issue 11; ECMA-376 Part 1 §18.5): each table part is
 * well formed, named as the spec says (a free variant when another sheet's table has the name),
 * its columns named as the header cells, referenced from its sheet (<tableParts>, the sheet's
 * relationship) with its content type; names on a table are structured references; the reader
 * reads them back.
 */
import JSZip from "jszip";
import { buildModel, type ModelInputs } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";
import { elementsOf, parseXml, textOf, type XmlElement } from "../../src/workbook/xml";
import { readSheetSpecs } from "../../src/workbook/xlsxReader";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { calculatedColumns, checkTables, freeTableName, isTableNamed, structuredReference } from "../../src/workbook/tables";
import type { SheetSpec, TableSpec } from "../../src/workbook/spec";

const ROUND = buildModel(builtInTemplate("priced-round-option-pool")!.template.inputs as ModelInputs);
const EXIT = buildModel(builtInTemplate("exit-waterfall")!.template.inputs as ModelInputs);

async function partsOf(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (path: string) => {
    const t = await zip.file(path)?.async("string");
    if (t === undefined) throw new Error(`no ${path}`);
    return t;
  };
  return { zip, text };
}

test("every model kind with row tables declares them over its header and data rows", () => {
  expect(ROUND.sheet.tables!.map((t) => t.name)).toEqual(["RoundCapTable", "RoundInvestors", "RoundInstruments"]);
  expect(EXIT.sheet.tables!.map((t) => t.name)).toEqual(["ExitClasses", "ExitHoldings"]);
  for (const m of [ROUND, EXIT]) expect(() => checkTables(m.sheet)).not.toThrow();
});

test("table parts: well formed, named, columns as the header cells, referenced from the sheet, with their content type", async () => {
  const { buffer } = await writeXlsx({ sheets: [{ spec: ROUND.sheet }, { spec: ROUND.sheet }] });
  const { zip, text } = await partsOf(buffer);
  const tables = Object.keys(zip.files)
    .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
    .sort();
  expect(tables).toHaveLength(6);
  const types = await text("[Content_Types].xml");
  const names: string[] = [];
  const ids: string[] = [];
  for (const path of tables) {
    const root = parseXml(await text(path));
    expect(root.local).toBe("table");
    expect(root.namespace).toBe("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    names.push(root.attributes.name);
    ids.push(root.attributes.id);
    expect(root.attributes.displayName).toBe(root.attributes.name);
    const spec = ROUND.sheet.tables!.find((t) => isTableNamed(root.attributes.name, t.name))!;
    expect(root.attributes.ref).toBe(spec.ref);
    const children = elementsOf(root);
    expect(children.map((c) => c.local)).toEqual(["autoFilter", "tableColumns", "tableStyleInfo"]);
    expect(elementsOf(children[1]).map((c) => c.attributes.name)).toEqual(spec.columns);
    expect(children[2].attributes.name).toBe("TableStyleLight1");
    expect(types).toContain(`<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
  }
  // Names and ids unique in the workbook: the second sheet's tables get free names.
  expect(names).toEqual(["RoundCapTable", "RoundInvestors", "RoundInstruments", "RoundCapTable_2", "RoundInvestors_2", "RoundInstruments_2"]);
  expect(new Set(ids).size).toBe(6);
  for (const [index, first] of [
    [1, 1],
    [2, 4],
  ]) {
    const sheet = parseXml(await text(`xl/worksheets/sheet${index}.xml`));
    const parts = elementsOf(sheet).find((e) => e.local === "tableParts")!;
    expect(parts.attributes.count).toBe("3");
    // <tableParts> comes after <drawing> (CT_Worksheet's sequence), last here.
    const order = elementsOf(sheet).map((e) => e.local);
    expect(order.indexOf("tableParts")).toBeGreaterThan(order.indexOf("drawing"));
    const rels = parseXml(await text(`xl/worksheets/_rels/sheet${index}.xml.rels`));
    const targets = elementsOf(parts).map((p) => {
      const id = Object.entries(p.attributes).find(([k]) => k.endsWith(":id"))![1];
      const rel = elementsOf(rels).find((r) => r.attributes.Id === id)!;
      expect(rel.attributes.Type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/table");
      return rel.attributes.Target;
    });
    expect(targets).toEqual([0, 1, 2].map((k) => `../tables/table${first + k}.xml`));
  }
  // The names on the tables are structured references to the table of their own sheet.
  const workbook = await text("xl/workbook.xml");
  const defined = (name: string, sheet: number) =>
    new RegExp(`<definedName name="${name}" localSheetId="${sheet}"[^>]*>([^<]*)</definedName>`).exec(workbook)?.[1];
  expect(defined("Shares", 0)).toBe("RoundCapTable[Shares]");
  expect(defined("Shares", 1)).toBe("RoundCapTable_2[Shares]");
  expect(defined("NewMoneyAmounts", 0)).toBe("RoundInvestors[[Amount (USD)]]");
  expect(defined("Investors", 0)).toBe("RoundInvestors[[#All],[Investor]:[Amount (USD)]]");
});

describe("calculated columns: a table column of one formula down the rows is stored as its calculatedColumnFormula (§18.5.1.1)", () => {
  const OPCORE = buildModel(builtInTemplate("opcore-stake-sale")!.template.inputs as ModelInputs);
  const INCREASE = buildModel(builtInTemplate("capital-increase")!.template.inputs as ModelInputs);

  test("the stake sale's cap table: % before, shares after, % after and the look-through, in the this-row form Excel stores; the inputs have none", async () => {
    const table = INCREASE.sheet.tables![0];
    expect(table.name).toBe("DealCapTable");
    const first = Number(/[0-9]+$/.exec(table.ref.split(":")[0])![0]) + 1;
    const formula = (column: string) => INCREASE.sheet.cells.find((c) => c.address === `${column}${first}`)!.formula!;
    const absolute = (column: string) => /\$[A-Z]+\$[0-9]+/.exec(formula(column))![0];
    const calculated = calculatedColumns(INCREASE.sheet, table, "DealCapTable_2");
    expect(calculated).toEqual([
      undefined,
      undefined,
      `DealCapTable_2[[#This Row],[Shares before]]/${absolute("C")}`,
      formula("D")
        .slice(1)
        .replace(/\b([AB])([0-9]+)\b/g, (_match, c: string) => `DealCapTable_2[[#This Row],[${c === "A" ? "Holder" : "Shares before"}]]`),
      `DealCapTable_2[[#This Row],[Shares after]]/${absolute("E")}`,
      // The look-through: ownership after x each layer of the company after the deal.
      ...["F", "G", "H", "I"].map((column) => `DealCapTable_2[[#This Row],[% after]]*${absolute(column)}`),
    ]);
    const { buffer } = await writeXlsx({ sheets: [{ spec: INCREASE.sheet }] });
    const part = parseXml(await (await partsOf(buffer)).text("xl/tables/table1.xml"));
    const columns = elementsOf(elementsOf(part).find((e) => e.local === "tableColumns")!);
    expect(columns.map((c) => c.attributes.name)).toEqual(table.columns);
    const formulaOf = (c: XmlElement) => {
      const f = elementsOf(c).find((e) => e.local === "calculatedColumnFormula");
      return f === undefined ? undefined : textOf(f);
    };
    expect(columns.map(formulaOf)).toEqual(calculatedColumns(INCREASE.sheet, table));
    // OpCore: one holder, the same columns.
    expect(calculatedColumns(OPCORE.sheet, OPCORE.sheet.tables![0]).map((f) => f !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  test("the stake sale's chart: its series and categories are the cap table's columns (holder, % before, % after) down to a new buyer's row, with the engine's values cached", async () => {
    const { buffer } = await writeXlsx({ sheets: [{ spec: OPCORE.sheet }] });
    const chart = await (await partsOf(buffer)).text("xl/charts/chart1.xml");
    const series = [...chart.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => m[1]);
    const refs = series.map((s) => [...s.matchAll(/<c:f>(.*?)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'")));
    // OpCore: the table's header row 65, Iliad in 66, the blank row 67 (a holder typed there joins the table), InfraVia in 68.
    expect(OPCORE.sheet.tables![0].ref).toBe("A65:I66");
    expect(refs).toEqual([
      ["'OpCore deal'!$C$65", "'OpCore deal'!$A$66:$A$68", "'OpCore deal'!$C$66:$C$68"],
      ["'OpCore deal'!$E$65", "'OpCore deal'!$A$66:$A$68", "'OpCore deal'!$E$66:$E$68"],
    ]);
    expect(series[0]).toContain("<c:v>% before</c:v>");
    expect(series[1]).toContain('<c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="2"><c:v>0.5</c:v></c:pt>');
  });

  test("no calculated formula for a column whose rows differ, or that reads the row above, another sheet or a cell outside the table", () => {
    const table: TableSpec = { name: "T", ref: "A1:B3", columns: ["X", "Y"], style: "TableStyleLight1" };
    const sheet = (b2: string, b3: string): SheetSpec => ({
      name: "S",
      cells: [
        { address: "A1", value: "X" },
        { address: "B1", value: "Y" },
        { address: "A2", value: 1 },
        { address: "A3", value: 2 },
        { address: "B2", formula: b2 },
        { address: "B3", formula: b3 },
      ],
      names: [],
    });
    expect(calculatedColumns(sheet("=A2*2", "=A3*2"), table)).toEqual([undefined, "T[[#This Row],[X]]*2"]);
    expect(calculatedColumns(sheet('=IF(A2="A2",$C$9,0)', '=IF(A3="A2",$C$9,0)'), table)).toEqual([undefined, 'IF(T[[#This Row],[X]]="A2",$C$9,0)']);
    expect(calculatedColumns(sheet("=A2*2", "=A3*3"), table)[1]).toBeUndefined();
    expect(calculatedColumns(sheet("=A1*2", "=A2*2"), table)[1]).toBeUndefined();
    expect(calculatedColumns(sheet("=C2*2", "=C3*2"), table)[1]).toBeUndefined();
    expect(calculatedColumns(sheet("=A$2*2", "=A$2*2"), table)[1]).toBeUndefined();
    expect(calculatedColumns(sheet("=Other!A2", "=Other!A3"), table)[1]).toBeUndefined();
  });
});

test("the reader reads the tables and the names on them back", async () => {
  const { buffer } = await writeXlsx({ sheets: [{ spec: EXIT.sheet }] });
  const [sheet] = await readSheetSpecs(buffer);
  expect(sheet.tables).toEqual(EXIT.sheet.tables);
  const onTables = (s: SheetSpec) => s.names.filter((n) => n.table !== undefined).map((n) => ({ ...n, ref: n.ref.replace(/\$/g, "") }));
  expect(onTables(sheet)).toEqual(onTables(EXIT.sheet));
});

describe("tables.ts", () => {
  const table: TableSpec = { name: "T", ref: "A1:D3", columns: ["Holder", "Class", "Shares", "Amount (EUR)"], style: "TableStyleLight1" };
  test.each([
    [{ table: "T", column: 2 }, "T[Shares]"],
    [{ table: "T", column: 3 }, "T[[Amount (EUR)]]"],
    [{ table: "T", column: 2, all: true }, "T[[#All],[Shares]]"],
    [{ table: "T", column: 0, lastColumn: 2, all: true }, "T[[#All],[Holder]:[Shares]]"],
    // Every column: the run of columns (LibreOffice reads T[#All] as #NAME? in a defined name).
    [{ table: "T", all: true }, "T[[#All],[Holder]:[Amount (EUR)]]"],
    [{ table: "T" }, "T[[Holder]:[Amount (EUR)]]"],
  ])("%j -> %s", (part, text) => expect(structuredReference(part, table)).toBe(text));

  test("special characters in a header are escaped with an apostrophe", () => {
    expect(structuredReference({ table: "T", column: 0 }, { ...table, columns: ["Rate [%]#'"] })).toBe("T[[Rate '[%']'#'']]");
  });

  test("free names and the names a writer gave", () => {
    expect(freeTableName("T", ["t", "T_2"])).toBe("T_3");
    expect(freeTableName("T", ["U"])).toBe("T");
    expect(isTableNamed("T_12", "t")).toBe(true);
    expect(isTableNamed("T_x", "T")).toBe(false);
    expect(isTableNamed("TT", "T")).toBe(false);
  });

  const sheet = (tables: TableSpec[], extra: Partial<SheetSpec> = {}): SheetSpec => ({
    name: "S",
    cells: [
      { address: "A1", value: "Holder" },
      { address: "B1", value: "Class" },
      { address: "C1", value: "Shares" },
      { address: "D1", value: "Amount (EUR)" },
    ],
    names: [{ name: "Total", ref: "C2:C3" }],
    tables,
    ...extra,
  });
  test.each([
    ["a name Excel refuses", [{ ...table, name: "A1" }], /not a valid table name/],
    ["two tables of one name", [table, { ...table, ref: "F1:I3" }], /used by two tables/],
    ["a defined name's name", [{ ...table, name: "total" }], /also a defined name/],
    ["no data row", [{ ...table, ref: "A1:D1" }], /needs a header row and at least one data row/],
    [
      "a header that is not the cell's",
      [{ ...table, columns: ["Holder", "Class", "Shares", "Amount"] }],
      /holds "Amount \(EUR\)", not the header "Amount"/,
    ],
    ["a header twice", [{ ...table, columns: ["Holder", "Class", "Shares", "shares"] }], /the header "shares" is there twice/],
    ["as many headers as columns", [{ ...table, columns: ["Holder"] }], /1 header texts for 4 columns/],
  ])("refused: %s", (_, tables, message) => expect(() => checkTables(sheet(tables))).toThrow(message));

  test("refused: a name on a column the table does not have", () => {
    expect(() => checkTables(sheet([table], { names: [{ name: "X", ref: "A2", table: { table: "T", column: 9 } }] }))).toThrow(
      /column 10 of the table "T"/,
    );
    expect(() => checkTables(sheet([table], { names: [{ name: "X", ref: "A2", table: { table: "U" } }] }))).toThrow(
      /the table "U", which the sheet does not have/,
    );
  });
});
