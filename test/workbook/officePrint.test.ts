/** The page setup through Office.js (src/workbook/office/print.ts), against a recording fake of Worksheet.pageLayout. */
import { buildModel } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates/builtIn";
import { pageLayoutSupported, queuePrint, type PageLayoutLike } from "../../src/workbook/office/print";

function fakeLayout() {
  const calls: string[] = [];
  const footer = { leftFooter: "", centerFooter: "", rightFooter: "" };
  const layout: PageLayoutLike = {
    orientation: "",
    zoom: {},
    setPrintArea: (a) => calls.push(`area ${a}`),
    setPrintTitleRows: (r) => calls.push(`titles ${r}`),
    setPrintTitleColumns: (c) => calls.push(`title columns ${c}`),
    headersFooters: { defaultForAllPages: footer },
  };
  return { layout, calls, footer };
}

describe("page setup through Office.js", () => {
  test("the stake sale: landscape, one page wide, print area, rows 1-2 repeated, footer naming the model and the date", () => {
    const sheet = buildModel(builtInTemplate("opcore-stake-sale")!.template.inputs).sheet;
    const { layout, calls, footer } = fakeLayout();
    queuePrint(layout, sheet.print!);
    expect(layout.orientation).toBe(sheet.print!.orientation === "landscape" ? "Landscape" : "Portrait");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(calls).toEqual([`area ${sheet.print!.area}`, "titles $1:$2"]);
    // To the cap table's last look-through column (I): the chart and every band are inside it.
    expect(sheet.print!.area).toMatch(/^A1:I[0-9]+$/);
    expect(footer).toEqual({ leftFooter: "OpCore: stake sale", centerFooter: "Page &P of &N", rightFooter: "&D" });
  });

  test("a model name with & is escaped as && (Excel's header and footer codes)", () => {
    const t = builtInTemplate("opcore-stake-sale")!.template;
    const sheet = buildModel({ ...t.inputs, company: "A&B" } as typeof t.inputs).sheet;
    expect(sheet.print!.footer.left).toBe("A&&B: stake sale");
  });

  test("queued only where ExcelApi 1.9 is supported", () => {
    expect(pageLayoutSupported()).toBe(false);
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (n: string, v: string) => n === "ExcelApi" && Number(v) <= 1.9 } } };
    try {
      expect(pageLayoutSupported()).toBe(true);
    } finally {
      delete g.Office;
    }
  });
});
