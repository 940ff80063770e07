/**
 * Zips whose headers lie about sizes, and files read from disk and from a FIFO: inflation stops at
 * the limit whatever size the zip declares, and the command line reads at most the limit (+1 byte)
 * before refusing.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { MAX_WORKBOOK_BYTES, main, readAtMost } from "../../src/cli/main";
import { workbookFromTemplate } from "../../src/cli/workbook";
import { builtInTemplate } from "../../src/templates";
import { XLSX_READ_LIMITS, readSheetSpecs, readXlsxContents } from "../../src/workbook/xlsxReader";
import { withDeclaredSize } from "../support/hostileZip";

jest.setTimeout(120_000);

async function opcoreZip(): Promise<JSZip> {
  return JSZip.loadAsync((await workbookFromTemplate(builtInTemplate("opcore-stake-sale")!.template)).buffer);
}

describe("a zip whose headers declare false sizes", () => {
  test("a custom XML part declared as 1 KB that inflates to 64 MB is refused at the cap, never inflated in full", async () => {
    const zip = await opcoreZip();
    zip.file("customXml/item8.xml", new Uint8Array(64 * 1024 * 1024).fill(0x20));
    const honest = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const lying = withDeclaredSize(honest, "customXml/item8.xml", 1024);
    const inflate = jest.spyOn(zlib, "inflateRawSync");
    try {
      const contents = await readXlsxContents(lying);
      expect(contents.unreadable).toEqual([`customXml/item8.xml inflates to more than the ${XLSX_READ_LIMITS.maxCustomXmlBytes * 2} bytes read`]);
      expect(contents.models).toHaveLength(1);
      // Every inflation of a part was capped, and none returned more than its cap.
      for (const [, options] of inflate.mock.calls)
        expect((options as zlib.ZlibOptions).maxOutputLength).toBeLessThanOrEqual(XLSX_READ_LIMITS.maxWorkbookPartBytes);
      for (const r of inflate.mock.results)
        if (r.type === "return") expect((r.value as Buffer).byteLength).toBeLessThanOrEqual(XLSX_READ_LIMITS.maxWorkbookPartBytes);
    } finally {
      inflate.mockRestore();
    }
  });

  test("a sheet declared smaller than it inflates is refused before ExcelJS inflates it", async () => {
    const zip = await opcoreZip();
    const honest = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const lying = withDeclaredSize(honest, "xl/worksheets/sheet1.xml", 100);
    await expect(readSheetSpecs(lying)).rejects.toThrow("xl/worksheets/sheet1.xml inflates to more than the 100 bytes the zip declares");
    // The honest file still reads.
    expect((await readSheetSpecs(honest)).length).toBeGreaterThan(0);
  });

  test("a declared size near 4 GB (read as negative by JSZip) is counted as such", async () => {
    const zip = await opcoreZip();
    const lying = withDeclaredSize(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "xl/styles.xml", 0xfffffff0);
    await expect(readXlsxContents(lying)).rejects.toThrow(`more than the ${XLSX_READ_LIMITS.maxUncompressedBytes} read`);
  });

  test("damaged compressed data is a clear error", async () => {
    const zip = await opcoreZip();
    zip.file("customXml/item8.xml", "<a>" + "x".repeat(100_000) + "</a>");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Overwrite the middle of the part's compressed data with bytes that are not a deflate stream.
    const at = Buffer.from(bytes).indexOf(Buffer.from("customXml/item8.xml")) + 40;
    bytes.fill(0xff, at, at + 64);
    const contents = await readXlsxContents(bytes);
    expect(contents.unreadable.join("\n")).toMatch(/^customXml\/item8\.xml: the (compressed data|part) is damaged/);
  });
});

describe("the command line reads at most the limit", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "captable-limits-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("the workbook limit is the reader's", () => {
    expect(MAX_WORKBOOK_BYTES).toBe(XLSX_READ_LIMITS.maxFileBytes);
  });

  test("a regular file over the limit is refused by its size; one at the limit is read", async () => {
    const file = path.join(dir, "f.bin");
    writeFileSync(file, Buffer.alloc(1001, 0x61));
    await expect(readAtMost(file, 1000, (size) => `too large: ${size}`)).rejects.toThrow("too large: 1001 bytes");
    expect((await readAtMost(file, 1001, (size) => size)).byteLength).toBe(1001);
  });

  const fifoSupported = process.platform !== "win32";
  (fifoSupported ? test : test.skip)("an endless FIFO is refused after limit + 1 bytes", async () => {
    const fifo = path.join(dir, "endless");
    execFileSync("mkfifo", [fifo]);
    // The writer never ends: only the reader's limit stops this.
    const writer = createWriteStream(fifo);
    writer.on("error", () => undefined); // EPIPE once the reader has closed
    const chunk = Buffer.alloc(64 * 1024, 0x7b);
    let written = 0;
    const pump = () => {
      while (!writer.destroyed && writer.write(chunk)) written += chunk.length;
    };
    writer.on("drain", pump);
    writer.on("open", pump);
    try {
      await expect(readAtMost(fifo, 100_000, (size) => `too large: ${size}`)).rejects.toThrow("too large: more than 100000 bytes");
    } finally {
      writer.destroy();
    }
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  (fifoSupported ? test : test.skip)("validate-template on an endless FIFO says the template is too large", async () => {
    const fifo = path.join(dir, "template.json");
    execFileSync("mkfifo", [fifo]);
    const writer = createWriteStream(fifo);
    writer.on("error", () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!writer.destroyed && writer.write(chunk));
    };
    writer.on("drain", pump);
    writer.on("open", pump);
    const err: string[] = [];
    try {
      const code = await main(["validate-template", "template.json"], { stdout: () => undefined, stderr: (t) => err.push(t), cwd: dir });
      expect(code).not.toBe(0);
      expect(err.join("")).toContain("template.json: template is too large: more than 1048576 bytes");
    } finally {
      writer.destroy();
    }
  });
});
