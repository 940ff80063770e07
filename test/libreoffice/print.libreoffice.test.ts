/**
 * Model sheets print (issue 14): every built-in template, built by the command line, printed by
 * LibreOffice headless to PDF and then to PNG (pdftoppm, poppler-utils), kept in
 * test-output/print/ to be looked at. Asserted from the PDF (pdfinfo): the page count, and the
 * orientation the sheet's page setup asks for (landscape pages wider than tall); the .xlsx holds
 * the page setup (fit to 1 page wide, the footer) and the _xlnm.Print_Area / _xlnm.Print_Titles names.
 *
 * LibreOffice honours the file's print area, print titles, fit-to-width scaling and orientation when
 * it exports a spreadsheet to PDF (its calc_pdf_Export filter prints the sheet as a printer would).
 * Needs soffice and pdftoppm/pdfinfo (poppler-utils): scripts/ensure-tools.mjs installs them for `npm test`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { buildModel } from "../../src/model/build";
import { builtInTemplates } from "../../src/templates/builtIn";
import { LINE_HEIGHT } from "../../src/workbook/layout";
import { pageWidth } from "../support/printWidth";

const SOFFICE = process.env.LIBREOFFICE_PATH || "/usr/bin/soffice";
/** Characters of Calibri 11 across a landscape A4 or Letter page at 100% (less the default margins; LibreOffice prints Letter here). */
const LANDSCAPE_CHARACTERS = 125;
/** Points down a landscape A4 or Letter page for rows (595 or 612 pt less margins, header and footer). */
const USABLE_HEIGHT = 420;
const OUT = path.join(__dirname, "..", "..", "test-output", "print");
const templates = builtInTemplates();

/** Pages and the size of the first page (points) from pdfinfo. */
function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const r = spawnSync("pdfinfo", [file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdfinfo ${file} failed: ${r.stderr}`);
  const pages = Number(/^Pages:\s+([0-9]+)/m.exec(r.stdout)![1]);
  const [, w, h] = /^Page size:\s+([0-9.]+) x ([0-9.]+)/m.exec(r.stdout)!;
  return { pages, width: Number(w), height: Number(h) };
}

describe("built-in templates printed by LibreOffice", () => {
  let dir: string;
  const books = new Map<string, Buffer>();

  beforeAll(async () => {
    if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run node scripts/ensure-tools.mjs libreoffice pdftoppm pdfinfo`);
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-print-"));
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const t of templates) {
      let stderr = "";
      const code = await main(["build-workbook", t.id, "-o", `${t.id}.xlsx`], { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: dir });
      if (code !== 0) throw new Error(`captable build-workbook ${t.id} exited with ${code}: ${stderr}`);
      books.set(t.id, readFileSync(path.join(dir, `${t.id}.xlsx`)));
    }
    const profile = path.join(dir, "profile");
    mkdirSync(profile);
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        OUT,
        ...templates.map((t) => path.join(dir, `${t.id}.xlsx`)),
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`soffice exited with ${r.status}: ${r.stdout}${r.stderr}`);
    for (const t of templates) {
      const pdf = path.join(OUT, `${t.id}.pdf`);
      const png = spawnSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(OUT, t.id)], { encoding: "utf8" });
      if (png.status !== 0) throw new Error(`pdftoppm ${pdf} failed: ${png.stderr}`);
    }
  }, 20 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test.each(templates.map((t) => [t.id, t] as const))("%s: the file's page setup, and the PDF's pages and orientation", async (id, t) => {
    const print = buildModel(t.template.inputs).sheet.print!;
    expect(print).toBeDefined();
    const zip = await JSZip.loadAsync(books.get(id)!);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(new RegExp(`<pageSetup[^>]*orientation="${print.orientation}"`));
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(sheetXml).toMatch(/<oddFooter>&amp;L.+&amp;C.*&amp;P.*&amp;R&amp;D<\/oddFooter>/);
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">[^<]*\$A\$1:\$[A-Z]+\$[0-9]+<\/definedName>/);
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*\$1:\$2<\/definedName>/);

    const info = pdfInfo(path.join(OUT, `${id}.pdf`));
    expect(info.width > info.height ? "landscape" : "portrait").toBe(print.orientation);
    // Fit to one page wide: never the numbers on pages of their own, and pages tall only as many as
    // the rows need at the fitted scale (a landscape A4 page shows about LANDSCAPE_CHARACTERS across
    // at 100% and about USABLE_HEIGHT points down; fit to width never enlarges past 100%).
    const sheet = buildModel(t.template.inputs).sheet;
    const scale = Math.min(1, LANDSCAPE_CHARACTERS / pageWidth(sheet));
    const lastRow = Number(/[0-9]+$/.exec(print.area)![0]);
    const heights = new Map((sheet.rows ?? []).map((r) => [r.row, r.height]));
    let points = 0;
    for (let r = 1; r <= lastRow; r++) points += heights.get(r) ?? LINE_HEIGHT;
    expect(info.pages).toBeGreaterThanOrEqual(1);
    // Fit to two pages wide (the history): each band of rows prints on that many pages side by side.
    expect(info.pages).toBeLessThanOrEqual((Math.ceil((points * scale) / USABLE_HEIGHT) + 1) * print.fitToWidth);
    if (print.titleColumns !== undefined)
      expect(workbookXml).toMatch(
        new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*\\$${print.titleColumns.first}:\\$${print.titleColumns.last}`),
      );
    const pngs = readdirSync(OUT).filter((f) => f.startsWith(`${id}-`) && f.endsWith(".png"));
    expect(pngs.length).toBe(info.pages);
  });

  test("the renders are kept for a look", () => {
    writeFileSync(
      path.join(OUT, "README.txt"),
      "PDF and PNG renders of each built-in template's model sheet, printed by LibreOffice headless (test/libreoffice/print.libreoffice.test.ts).\n",
    );
    expect(existsSync(path.join(OUT, "README.txt"))).toBe(true);
  });
});
