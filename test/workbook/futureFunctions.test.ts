/**
 * Functions added after Excel 2007 are stored with their `_xlfn.` prefix ([MS-XLSX] 2.2.3,
 * src/workbook/futureFunctions.ts): the .xlsx writer adds it to every call, nowhere else (text in
 * quotes, quoted sheet names, longer names, add-in calls), and the reader takes it off, so a workbook
 * reads back as it was written. Office.js formulas are written as typed (officeWriter.ts is untouched).
 */
import JSZip from "jszip";
import { LAMBDA_FUNCTIONS, XLFN_FUNCTIONS, XLWS_FUNCTIONS, prefixFutureFunctions, stripFuturePrefixes } from "../../src/workbook/futureFunctions";
import type { SheetSpec } from "../../src/workbook/spec";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { readSheetSpecs } from "../../src/workbook/xlsxReader";

describe("prefixFutureFunctions", () => {
  test("calls of future functions get their prefix, any case, nested; others are left as they are", () => {
    expect(prefixFutureFunctions("QUARTILE.INC(A1:A9,1)")).toBe("_xlfn.QUARTILE.INC(A1:A9,1)");
    expect(prefixFutureFunctions("quartile.inc(A1:A9,1)+QUARTILE(A1:A9,1)")).toBe("_xlfn.QUARTILE.INC(A1:A9,1)+QUARTILE(A1:A9,1)");
    expect(prefixFutureFunctions("IFS(A1>1,CONCAT(B1,STDEV.S(C1:C4)),TRUE,XLOOKUP(1,D1:D3,E1:E3))")).toBe(
      "_xlfn.IFS(A1>1,_xlfn.CONCAT(B1,_xlfn.STDEV.S(C1:C4)),TRUE,_xlfn.XLOOKUP(1,D1:D3,E1:E3))",
    );
    expect(prefixFutureFunctions("SORT(FILTER(A1:A9,B1:B9>0))")).toBe("_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A9,B1:B9>0))");
    expect(prefixFutureFunctions("XIRR(B2:B9,A2:A9)+SUM(IFERROR(A1,0))")).toBe("XIRR(B2:B9,A2:A9)+SUM(IFERROR(A1,0))");
    expect(prefixFutureFunctions("IFS (A1,1)")).toBe("_xlfn.IFS (A1,1)");
  });

  test("not inside text, quoted sheet names, longer names, an existing prefix or an add-in call", () => {
    expect(prefixFutureFunctions('"IFS(1,2) and CONCAT(""x"")"&CONCAT("a","b")')).toBe('"IFS(1,2) and CONCAT(""x"")"&_xlfn.CONCAT("a","b")');
    expect(prefixFutureFunctions("SUM('IFS(x) ''CONCAT(''!A1:A3)")).toBe("SUM('IFS(x) ''CONCAT(''!A1:A3)");
    expect(prefixFutureFunctions("MYIFS(1)+X.IFS(2)+_xldudf_CAPTABLE_DAYS(3)")).toBe("MYIFS(1)+X.IFS(2)+_xldudf_CAPTABLE_DAYS(3)");
    expect(prefixFutureFunctions("_xlfn.QUARTILE.INC(A1:A4,1)+_xlfn._xlws.SORT(A1:A4)")).toBe("_xlfn.QUARTILE.INC(A1:A4,1)+_xlfn._xlws.SORT(A1:A4)");
    // A name typed without a call is a defined name, not a function.
    expect(prefixFutureFunctions("DAYS+1")).toBe("DAYS+1");
  });

  test("LET, LAMBDA and their kin are refused: their parameters would need _xlpm. names", () => {
    expect(() => prefixFutureFunctions("LET(x,1,x+1)")).toThrow(/^LET in LET\(x,1,x\+1\): its parameters would need Excel's _xlpm\. names/);
  });

  test("stripFuturePrefixes reads a stored formula as typed: the reverse of prefixFutureFunctions", () => {
    for (const name of [...XLFN_FUNCTIONS, ...XLWS_FUNCTIONS]) {
      const typed = `${name}(A1,"${name}(")+'${name}('!B2`;
      expect(stripFuturePrefixes(prefixFutureFunctions(typed))).toBe(typed);
    }
    expect(stripFuturePrefixes('_xlfn.IFS(A1,"_xlfn.X")')).toBe('IFS(A1,"_xlfn.X")');
    expect(LAMBDA_FUNCTIONS.some((n) => XLFN_FUNCTIONS.includes(n))).toBe(false);
  });
});

describe("the .xlsx writer and reader", () => {
  const SHEET: SheetSpec = {
    name: "Stats",
    names: [],
    cells: [
      { address: "A1", value: 1 },
      { address: "A2", value: 2 },
      { address: "A3", value: 4 },
      { address: "A4", value: 8 },
      { address: "B1", formula: "=QUARTILE.INC(A1:A4,1)", expected: 1.75 },
      { address: "B2", formula: '=IFS(A1>0,"IFS(",TRUE,"no")', expected: "IFS(" },
      { address: "B3", value: "=STDEV.S(A1:A4)" },
    ],
  };

  test("a formula's future functions are written with the prefix, a text never; read back as typed", async () => {
    const { buffer } = await writeXlsx({ sheets: [{ spec: SHEET }] });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain("<f>_xlfn.QUARTILE.INC(A1:A4,1)</f>");
    expect(xml).toContain("<f>_xlfn.IFS(A1&gt;0,&quot;IFS(&quot;,TRUE,&quot;no&quot;)</f>");
    expect(xml).not.toContain("_xlfn.STDEV.S");
    const [read] = await readSheetSpecs(buffer);
    const formulas = Object.fromEntries(read.cells.filter((c) => c.formula !== undefined).map((c) => [c.address, c.formula]));
    expect(formulas).toEqual({ B1: "=QUARTILE.INC(A1:A4,1)", B2: '=IFS(A1>0,"IFS(",TRUE,"no")' });
    expect(read.cells.find((c) => c.address === "B3")?.value).toBe("=STDEV.S(A1:A4)");
  });
});
