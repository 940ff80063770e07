/**
 * A French model sheet printed (issue 14): the OpCore stake-sale template built by the command line
 * with --lang fr, printed by LibreOffice headless to PDF and then to PNG, kept in
 * test-output/print-fr/ to be looked at next to the English renders of print.libreoffice.test.ts.
 * Asserted from the PDF: the same page count and orientation as the English build (the French
 * words are longer, the columns are fitted to them: still one page wide, no extra page), the
 * French title, sections and footer in the PDF's text (pdftotext, poppler-utils), no line starting with : ; ? ! % ».
 * Needs soffice and poppler-utils (pdfinfo, pdftoppm, pdftotext): scripts/ensure-tools.mjs installs them for `npm test`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { buildModel } from "../../src/model/build";
import { builtInTemplate } from "../../src/templates";

const SOFFICE = process.env.LIBREOFFICE_PATH || "/usr/bin/soffice";
const OUT = path.join(__dirname, "..", "..", "test-output", "print-fr");
const ID = "opcore-stake-sale";

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const r = spawnSync("pdfinfo", [file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdfinfo ${file} failed: ${r.stderr}`);
  const pages = Number(/^Pages:\s+([0-9]+)/m.exec(r.stdout)![1]);
  const [, w, h] = /^Page size:\s+([0-9.]+) x ([0-9.]+)/m.exec(r.stdout)!;
  return { pages, width: Number(w), height: Number(h) };
}

describe("a French model sheet printed by LibreOffice", () => {
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run node scripts/ensure-tools.mjs libreoffice pdftoppm pdfinfo`);
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-print-fr-"));
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const lang of ["en", "fr"]) {
      let stderr = "";
      const code = await main(["build-workbook", ID, "-o", `${ID}-${lang}.xlsx`, "--lang", lang], {
        stdout: () => undefined,
        stderr: (s) => (stderr += s),
        cwd: dir,
      });
      if (code !== 0) throw new Error(`captable build-workbook ${ID} --lang ${lang} exited with ${code}: ${stderr}`);
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
        path.join(dir, `${ID}-en.xlsx`),
        path.join(dir, `${ID}-fr.xlsx`),
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`soffice exited with ${r.status}: ${r.stdout}${r.stderr}`);
    const png = spawnSync("pdftoppm", ["-png", "-r", "60", path.join(OUT, `${ID}-fr.pdf`), path.join(OUT, `${ID}-fr`)], { encoding: "utf8" });
    if (png.status !== 0) throw new Error(`pdftoppm failed: ${png.stderr}`);
  }, 10 * 60_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test("as many pages as the English, in the orientation the sheet asks for, each rendered to PNG", () => {
    const fr = pdfInfo(path.join(OUT, `${ID}-fr.pdf`));
    const en = pdfInfo(path.join(OUT, `${ID}-en.pdf`));
    const print = buildModel(builtInTemplate(ID)!.template.inputs, { language: "fr" }).sheet.print!;
    expect(fr.width > fr.height ? "landscape" : "portrait").toBe(print.orientation);
    expect(fr.pages).toBe(en.pages);
    expect(fr.pages).toBeGreaterThanOrEqual(1);
    expect(fr.pages).toBeLessThanOrEqual(3);
    expect(readdirSync(OUT).filter((f) => f.startsWith(`${ID}-fr-`) && f.endsWith(".png"))).toHaveLength(fr.pages);
  });

  test("the PDF's text is the French sheet: title, sections, footer, no-break spaces", () => {
    const r = spawnSync("pdftotext", ["-layout", path.join(OUT, `${ID}-fr.pdf`), "-"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const text = r.stdout;
    // pdftotext gives a no-break space back as a space: the colon is on the title's line, never at the start of one.
    expect(text).toMatch(/OpCore[ \u00a0]: cession de participation/);
    // The chart's legend is its series' names, the cap table's headers "% avant" and "% après": a
    // line of their own that starts with "%" by design (no number before it), left out here.
    const legend = /^\s*% avant\s+% après\s*$/m;
    expect(text).toMatch(legend);
    expect(text.replace(legend, "")).not.toMatch(/^\s*[:;?!%»]/m);
    expect(text).toContain("Principaux résultats");
    expect(text).toContain("Contrôles");
    expect(text).toMatch(/Page 1 sur [0-9]+/);
    expect(text).not.toContain("stake sale");
  });
});
