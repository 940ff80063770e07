/**
 * The compiled `captable` command (scripts/build-cli.cjs, bin/captable.cjs): the bundle runs only
 * when its stamp matches the sources as they are; otherwise bin/captable.cjs rebuilds, or runs the
 * sources through tsx. Never stale code. (Speed is `npm run bench`'s business, not a test's.)
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FORMAT, ROOT, buildCli, isFresh, outPaths, readStamp, sourcesDigest, stampedFiles } from "../../scripts/build-cli.cjs";

const BIN = path.join(ROOT, "bin", "captable.cjs");

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "captable-build-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: scratch, timeout: 120_000, env: { ...process.env, NODE_OPTIONS: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    );
  });
}

describe("the stamp", () => {
  test("records project sources by content and packages by their package.json", () => {
    expect(
      stampedFiles([
        "src/cli/main.ts",
        "node_modules/exceljs/lib/a.js",
        "node_modules/@fast-csv/parse/build/x.js",
        "node_modules/a/node_modules/b/c.js",
      ]),
    ).toEqual([
      "node_modules/@fast-csv/parse/package.json",
      "node_modules/a/node_modules/b/package.json",
      "node_modules/exceljs/package.json",
      "package.json",
      "src/cli/main.ts",
      "tsconfig.json",
    ]);
  });

  test("fresh only while every recorded file is unchanged: an edit, a removal, a missing or older-format stamp make it stale", () => {
    const root = path.join(scratch, "root");
    const out = path.join(scratch, "out");
    mkdirSync(path.join(root, "src"), { recursive: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(root, "src", "a.ts"), "export const a = 1;\n");
    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 2;\n");
    const inputs = ["src/a.ts", "src/b.ts"];
    const stamp = { format: FORMAT, entry: "src/a.ts", digest: sourcesDigest(root, inputs), inputs };
    writeFileSync(outPaths(out).bundle, "exports.main = async () => 0;\n");
    expect(isFresh(root, out)).toBe(false); // no stamp yet
    writeFileSync(outPaths(out).stamp, JSON.stringify(stamp));
    expect(isFresh(root, out)).toBe(true);

    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 3;\n");
    expect(isFresh(root, out)).toBe(false);
    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 2;\n");
    expect(isFresh(root, out)).toBe(true);

    rmSync(path.join(root, "src", "b.ts"));
    expect(isFresh(root, out)).toBe(false);
    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 2;\n");

    writeFileSync(outPaths(out).stamp, JSON.stringify({ ...stamp, format: FORMAT - 1 }));
    expect(isFresh(root, out)).toBe(false);
    writeFileSync(outPaths(out).stamp, "{ not json");
    expect(readStamp(out)).toBeUndefined();
    expect(isFresh(root, out)).toBe(false);
  });

  test("a build of the real command is fresh and lists its sources", () => {
    const out = path.join(scratch, "real");
    const stamp = buildCli(ROOT, out);
    expect(stamp.inputs).toEqual(
      expect.arrayContaining(["src/cli/main.ts", "src/cli/workbook.ts", "src/templates/index.ts", "node_modules/exceljs/package.json"]),
    );
    expect(isFresh(ROOT, out)).toBe(true);
    expect(readFileSync(outPaths(out).bundle, "utf8")).toContain("do not edit");
  });
});

describe("bin/captable.cjs never runs a stale bundle", () => {
  const STALE = 'exports.main = async () => { process.stdout.write("STALE BUNDLE RAN\\n"); return 0; };\n';

  test("sources changed since the bundle was built: it rebuilds, then runs the new bundle", async () => {
    const out = path.join(scratch, "stale");
    buildCli(ROOT, out);
    // A bundle built from other sources: its stamp's digest is not the sources' digest.
    writeFileSync(outPaths(out).bundle, STALE);
    const stamp = readStamp(out)!;
    writeFileSync(outPaths(out).stamp, JSON.stringify({ ...stamp, digest: "0".repeat(64) }));
    expect(isFresh(ROOT, out)).toBe(false);
    const r = await run(["list-templates"], { CAPTABLE_CLI_BUILD_DIR: out });
    expect(r.stdout).not.toContain("STALE BUNDLE RAN");
    expect(r.stdout).toContain("opcore-stake-sale");
    expect(r.code).toBe(0);
    expect(isFresh(ROOT, out)).toBe(true);
    expect(readFileSync(outPaths(out).bundle, "utf8")).not.toBe(STALE);
  });

  test("stale and cannot rebuild (the folder cannot be written): it runs the sources through tsx", async () => {
    const blocker = path.join(scratch, "a-file");
    writeFileSync(blocker, "not a folder");
    const r = await run(["list-templates"], { CAPTABLE_CLI_BUILD_DIR: path.join(blocker, "cli") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("opcore-stake-sale");
  });

  test("the bundle of a fresh build is what runs (a fresh stamp is trusted)", async () => {
    const out = path.join(scratch, "fresh");
    buildCli(ROOT, out);
    const r = await run(["--help"], { CAPTABLE_CLI_BUILD_DIR: out });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain("Usage: captable <command> [options]");
    // V8's code cache was saved beside it after the run.
    expect(readFileSync(outPaths(out).codeCache).length).toBeGreaterThan(0);
  });
});
