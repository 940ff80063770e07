/**
 * `captable import-ocf`: a package as a folder and as a .ocf.zip, the cap table as of a date, the
 * report, and hostile zips (a header that lies about its size, too many files) refused while reading.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { companyFiles, companyPackage, companyTransactions } from "../ocf/ocfFixture";
import { runCli } from "../support/cliRun";

const run = (args: string[], cwd: string) => runCli(args, cwd);

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-ocf-"));
  mkdirSync(path.join(dir, "pkg"));
  const zip = new JSZip();
  for (const f of companyPackage()) {
    writeFileSync(path.join(dir, "pkg", f.path), f.bytes);
    zip.file(f.path, f.bytes);
  }
  writeFileSync(path.join(dir, "company.ocf.zip"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("captable import-ocf", () => {
  test("a package too large for a model says so, and how to get its cap table without one", async () => {
    // 4,000 more share issues: a model of them is past the template's size limit (256 KB).
    const more = Array.from({ length: 4000 }, (_, k) => ({
      object_type: "TX_STOCK_ISSUANCE",
      id: `X-${k}`,
      security_id: `X-${k}`,
      date: "2024-02-01",
      stakeholder_id: "ana",
      stock_class_id: "common",
      custom_id: `X-${k}`,
      quantity: "10",
      share_price: { amount: "1", currency: "EUR" },
      security_law_exemptions: [],
      stock_legend_ids: [],
    }));
    mkdirSync(path.join(dir, "big"));
    for (const f of companyPackage(companyFiles([...companyTransactions(), ...more]))) writeFileSync(path.join(dir, "big", f.path), f.bytes);
    const r = await run(["import-ocf", "big", "-o", "big-model.json"], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("the package does not fit a cap-table history model:");
    expect(r.stderr).toContain("Its cap table as of a date needs no model: captable import-ocf big --cap-table -o cap-table.json");
    const fr = await run(["import-ocf", "big", "-o", "big-model.json", "--lang", "fr"], dir);
    expect(fr.stderr).toContain("Sa table de capitalisation à une date n’a pas besoin de modèle : captable import-ocf big --cap-table -o table.json");
    const table = await run(["import-ocf", "big", "--cap-table", "-o", "cap-table.json"], dir);
    expect(table.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "cap-table.json"), "utf8"))).toMatchObject({ outstandingShares: "12040000" }); // 12,000,000 before, and 4,000 x 10;
  });
  test("a folder: the report and the cap table as of the manifest's date", async () => {
    const r = await run(["import-ocf", "pkg"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Example SAS: OCF 1.2.0 package as of 2025-06-30.");
    expect(r.stdout).toContain("Ben Founder\tCommon\t3500000");
    expect(r.stdout).toContain("Seed Fund I\tSeed Preferred\t2000000");
    expect(r.stdout).toContain(
      "Fully diluted: 13000000 (outstanding as converted + options and warrants + available pool; SAFEs and notes not included).",
    );
  });
  test("a .ocf.zip as of an earlier date, written as JSON with exact decimal strings", async () => {
    const r = await run(["import-ocf", "company.ocf.zip", "--as-of", "2024-06-29", "--cap-table", "-o", "t.json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, "t.json"), "utf8"));
    expect(json).toMatchObject({ issuer: "Example SAS", asOf: "2024-06-29", outstandingShares: "10000000" });
    expect(json.optionsAndWarrants[0]).toMatchObject({ holder: "Eve Engineer", quantity: "480000", exercisePrice: "0.1", vested: "150000" });
  });
  test("-o writes a cap-table history model that build-workbook builds; what it cannot hold is listed with the reason", async () => {
    const r = await run(["import-ocf", "pkg", "-o", "model.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Wrote the cap-table history model of Example SAS (as of 2025-06-30) to model.json");
    expect(r.stderr).toMatch(/Not in the model: STOCK_ISSUANCE "[^"]+": the model's share issue row holds no price per share/);
    const template = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8"));
    expect(template).toMatchObject({
      format: "captable-template",
      kind: "capTableHistory",
      inputs: { company: "Example SAS", currency: "EUR", asOf: "2025-06-30" },
    });
    expect(template.inputs.events.map((e: { type: string }) => e.type)).toEqual(["ISSUE", "ISSUE", "GRANT", "ISSUE", "TRANSFER"]);
    const built = await run(["build-workbook", "model.json", "-o", "model.xlsx"], dir);
    expect(built.stderr).toContain("Wrote model.xlsx");
    expect(built.code).toBe(0);
    // A currency the package does not settle is the user's to give, never guessed; --currency sets it.
    const usd = await run(["import-ocf", "pkg", "-o", "usd.json", "--currency", "USD"], dir);
    expect(usd.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "usd.json"), "utf8")).inputs.currency).toBe("USD");
  });
  test("wrong command lines: a bad date, an option another command does not read", async () => {
    expect((await run(["import-ocf", "pkg", "--as-of", "2024-13-01"], dir)).stderr).toMatch(/as_of must be a calendar date/);
    const other = await run(["list-templates", "--as-of", "2024-01-01"], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--as-of is an option of import-ocf and export-ocf only/);
  });
  test("a zip entry whose header understates its size stops inflating at the limit", async () => {
    const zip = new JSZip();
    // 60 MB of zeros compress to about 60 KB; the reader must stop at 50 MB, not inflate it all first.
    zip.file("Manifest.ocf.json", new Uint8Array(60 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Make both headers lie: the local file header (uncompressed size at offset 22) and the central
    // directory entry (offset 24) declare 1 KB (APPNOTE.TXT 4.3.7, 4.3.12).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.byteLength; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1024, true);
    }
    writeFileSync(path.join(dir, "bomb.ocf.zip"), bytes);
    const r = await run(["import-ocf", "bomb.ocf.zip"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Manifest.ocf.json inflates to more than the 52428800 bytes read/);
  });
  test("not a zip, not there", async () => {
    writeFileSync(path.join(dir, "junk.ocf.zip"), "hello");
    expect((await run(["import-ocf", "junk.ocf.zip"], dir)).stderr).toMatch(/not a zip file/);
    expect((await run(["import-ocf", "nope.ocf.zip"], dir)).stderr).toMatch(/nope.ocf.zip: no such file/);
  });
});
