/**
 * `captable export-ocf`: the history `import-ocf -o` writes, back to an OCF 1.2.0 package (a .ocf.zip
 * or a folder) that validates object by object against the official schemas and imports to the same
 * cap table; outputs written as the CLI's other outputs are (no overwrite without --force, never
 * through a link).
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { companyPackage } from "../ocf/ocfFixture";
import { packageErrors } from "../ocf/ocfSchema";
import { runCli } from "../support/cliRun";

const NOW = new Date("2025-07-01T09:30:00.123Z");

const run = (args: string[], cwd: string) => runCli(args, cwd, () => NOW);

/**
 * The import's cap table, from "Cap table as of" on. The report above it differs on purpose: the
 * export writes vesting as explicit instalments (no vesting-terms objects) and no acceptances.
 */
const body = (text: string) => text.slice(text.indexOf("Cap table as of"));

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "captable-ocf-export-"));
  mkdirSync(path.join(dir, "pkg"));
  for (const f of companyPackage()) writeFileSync(path.join(dir, "pkg", f.path), f.bytes);
  const r = await run(["import-ocf", "pkg", "--cap-table", "-o", "history.json"], dir);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function zipFiles(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, file)));
  return Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ path: f.name, bytes: await f.async("uint8array") })),
  );
}

describe("captable export-ocf", () => {
  test("import-ocf's JSON holds the history, with every number a decimal string", () => {
    const json = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8"));
    expect(json.history).toMatchObject({
      format: "captable-history",
      version: 1,
      issuer: { id: "issuer", legalName: "Example SAS", formationDate: expect.any(String), countryOfFormation: expect.any(String) },
    });
    expect(json.history.events[0].quantity).toEqual(expect.any(String));
  });

  test("a .ocf.zip that validates object by object and imports to the same cap table", async () => {
    const r = await run(["export-ocf", "history.json", "-o", "out.ocf.zip", "--as-of", "2025-06-30"], dir);
    expect(r.stderr).toMatch(/^Wrote an OCF 1.2.0 package as of 2025-06-30 to out.ocf.zip \(8 files; prices not tagged are in EUR\)\.\n/);
    expect(r.code).toBe(0);
    const files = await zipFiles("out.ocf.zip");
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        "Manifest.ocf.json",
        "Stakeholders.ocf.json",
        "StockClasses.ocf.json",
        "StockLegends.ocf.json",
        "StockPlans.ocf.json",
        "Transactions.ocf.json",
        "Valuations.ocf.json",
        "VestingTerms.ocf.json",
      ].sort(),
    );
    expect(packageErrors(files)).toEqual([]);
    const manifest = JSON.parse(new TextDecoder().decode(files.find((f) => f.path === "Manifest.ocf.json")!.bytes));
    expect(manifest).toMatchObject({ as_of: "2025-06-30", generated_at: "2025-07-01T09:30:00Z", issuer: { legal_name: "Example SAS" } });
    const before = await run(["import-ocf", "pkg", "--as-of", "2025-06-30"], dir);
    const after = await run(["import-ocf", "out.ocf.zip", "--require-md5", "--as-of", "2025-06-30"], dir);
    expect(after.code).toBe(0);
    expect(body(after.stdout)).toBe(body(before.stdout));
    expect(after.stdout).toMatch(/Read 14 object\(s\) into the history, 0 without effect on holdings, 0 skipped\.\n\nCap table/);
  });

  test("the same history gives the same bytes", async () => {
    expect((await run(["export-ocf", "history.json", "-o", "again.ocf.zip", "--as-of", "2025-06-30"], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, "again.ocf.zip")).equals(readFileSync(path.join(dir, "out.ocf.zip")))).toBe(true);
  });

  test("--dir writes a folder that imports the same; as_of defaults to the last event's date", async () => {
    const r = await run(["export-ocf", "history.json", "--dir", "-o", "folder"], dir);
    expect(r.code).toBe(0);
    const names = readdirSync(path.join(dir, "folder")).sort();
    expect(names).toContain("Manifest.ocf.json");
    const files = names.map((n) => ({ path: n, bytes: new Uint8Array(readFileSync(path.join(dir, "folder", n))) }));
    expect(packageErrors(files)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "folder", "Manifest.ocf.json"), "utf8"));
    const history = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8")).history;
    const last = history.events
      .map((e: { date: string }) => e.date)
      .sort()
      .pop();
    expect(manifest.as_of).toBe(last);
    const again = await run(["import-ocf", "folder", "--require-md5", "--as-of", "2025-06-30"], dir);
    expect(again.code).toBe(0);
    expect(body(again.stdout)).toBe(body((await run(["import-ocf", "out.ocf.zip", "--as-of", "2025-06-30"], dir)).stdout));
  });

  test("existing outputs: refused without --force; a folder only when it holds just the package's files; never through a link", async () => {
    const file = await run(["export-ocf", "history.json", "-o", "out.ocf.zip"], dir);
    expect(file).toMatchObject({ code: 1, stderr: "captable: out.ocf.zip already exists: choose another name or add --force to overwrite it\n" });
    expect((await run(["export-ocf", "history.json", "-o", "out.ocf.zip", "--force"], dir)).code).toBe(0);
    const folder = await run(["export-ocf", "history.json", "--dir", "-o", "folder"], dir);
    expect(folder.stderr).toBe("captable: folder already exists: choose another name or add --force to write the package into it\n");
    expect((await run(["export-ocf", "history.json", "--dir", "-o", "folder", "--force"], dir)).code).toBe(0);
    writeFileSync(path.join(dir, "folder", "Old.ocf.json"), "{}");
    const stale = await run(["export-ocf", "history.json", "--dir", "-o", "folder", "--force"], dir);
    expect(stale).toMatchObject({ code: 1 });
    expect(stale.stderr).toMatch(
      /folder holds other files \(Old.ocf.json\); the package is written only into a new folder or one holding just its own files/,
    );
    symlinkSync(path.join(dir, "nowhere.ocf.zip"), path.join(dir, "link.ocf.zip"));
    const link = await run(["export-ocf", "history.json", "-o", "link.ocf.zip", "--force"], dir);
    expect(link.stderr).toMatch(/link.ocf.zip is a symbolic link: the output is never written through a link/);
    symlinkSync(path.join(dir, "pkg"), path.join(dir, "linkdir"));
    expect((await run(["export-ocf", "history.json", "--dir", "-o", "linkdir", "--force"], dir)).stderr).toMatch(/linkdir is a symbolic link/);
  });

  test("what OCF requires and the history does not say is an error naming it, never a guess", async () => {
    const history = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8")).history;
    writeFileSync(path.join(dir, "no-issuer.json"), JSON.stringify({ ...history, issuer: undefined }));
    expect((await run(["export-ocf", "no-issuer.json", "-o", "x.ocf.zip"], dir)).stderr).toMatch(
      /no-issuer.json: an OCF manifest requires the issuer's id, legalName, formationDate, countryOfFormation: add them/,
    );
    const noCurrency = {
      ...history,
      classes: history.classes.map((c: Record<string, unknown>) => ({ ...c, originalIssuePrice: undefined })),
      events: history.events
        .filter((e: { kind?: string }) => e.kind !== "CONVERTIBLE")
        .map((e: Record<string, unknown>) => ({ ...e, currency: undefined })),
    };
    writeFileSync(path.join(dir, "no-currency.json"), JSON.stringify(noCurrency));
    const r = await run(["export-ocf", "no-currency.json", "-o", "x.ocf.zip"], dir);
    expect(r.stderr).toMatch(/the history names no currency, and OCF prices need one: give --currency/);
    expect((await run(["export-ocf", "no-currency.json", "-o", "x.ocf.zip", "--currency", "USD"], dir)).code).toBe(0);
    expect((await run(["export-ocf", "no-currency.json", "-o", "y.ocf.zip", "--currency", "usd"], dir)).stderr).toMatch(
      /--currency must be a 3-letter currency code/,
    );
    const asNumber = {
      ...history,
      events: history.events.map((e: Record<string, unknown>, i: number) => (i === 0 ? { ...e, quantity: 5000000 } : e)),
    };
    writeFileSync(path.join(dir, "number.json"), JSON.stringify(asNumber));
    expect((await run(["export-ocf", "number.json", "-o", "z.ocf.zip"], dir)).stderr).toMatch(
      /events.0.quantity must be a decimal written as a string \("1250000"\), not a JSON number/,
    );
    const dangling = {
      ...history,
      events: history.events.map((e: Record<string, unknown>, i: number) => (i === 0 ? { ...e, holderId: "ghost" } : e)),
    };
    writeFileSync(path.join(dir, "dangling.json"), JSON.stringify(dangling));
    expect((await run(["export-ocf", "dangling.json", "-o", "z.ocf.zip"], dir)).stderr).toMatch(/holder "ghost" is not among the stakeholders/);
  });

  test("wrong command lines", async () => {
    expect((await run(["export-ocf", "history.json"], dir)).stderr).toMatch(/export-ocf needs -o <file.ocf.zip>, or --dir -o <folder>/);
    expect((await run(["export-ocf", "history.json", "-o", "x.json"], dir)).stderr).toMatch(/the output of export-ocf is a .ocf.zip file/);
    expect((await run(["import-ocf", "pkg", "--dir"], dir)).stderr).toMatch(/--dir is an option of export-ocf only/);
    expect((await run(["import-ocf", "pkg", "--currency", "EUR"], dir)).stderr).toMatch(/--currency is read by import-ocf when it writes a model/);
    expect((await run(["import-ocf", "pkg", "--cap-table"], dir)).stderr).toMatch(/--cap-table writes a .json file/);
    expect((await run(["export-ocf", "history.json", "--cap-table", "-o", "x.ocf.zip"], dir)).stderr).toMatch(
      /--cap-table is an option of import-ocf only/,
    );
    expect((await run(["export-ocf", "history.json", "-o", "x.ocf.zip", "--require-md5"], dir)).stderr).toMatch(
      /--require-md5 is an option of import-ocf only/,
    );
  });
});
