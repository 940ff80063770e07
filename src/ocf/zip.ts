/**
 * The files of a `.ocf.zip`, within the read limits (OCF_READ_LIMITS), for the command line and the
 * taskpane alike. Limits are checked while inflating, never after: an entry stops at the size limit
 * whatever size its header declares, and its CRC-32 is checked (JSZip does not by default).
 *
 * How an entry is inflated is given by the caller: the command line uses the .xlsx reader's
 * `readPartBytes` (Node's zlib with maxOutputLength); the taskpane, which runs in a browser, uses
 * `streamEntry` below (JSZip's own inflater, chunk by chunk).
 */
import JSZip from "jszip";
import { crc32 } from "../workbook/crc32";
import { OCF_READ_LIMITS, type OcfFile } from "./read";
import { OcfError, ocfError } from "./ocfRules";

/** Inflates one entry, at most `cap` bytes (throws past it). */
export type EntryReader = (zip: JSZip, name: string, cap: number) => Promise<Uint8Array> | Uint8Array;

/** The files of a zip: every entry that is not a folder, within the read limits. */
export async function filesFromZip(bytes: Uint8Array, readEntry: EntryReader): Promise<OcfFile[]> {
  if (bytes.byteLength > OCF_READ_LIMITS.maxTotalBytes)
    throw ocfError("packageTooLarge", { bytes: bytes.byteLength, max: OCF_READ_LIMITS.maxTotalBytes, how: "package" });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw ocfError("notZip", {});
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > OCF_READ_LIMITS.maxFiles)
    throw ocfError("tooManyFiles", { count: entries.length, max: OCF_READ_LIMITS.maxFiles, folder: false });
  const files: OcfFile[] = [];
  let total = 0;
  for (const entry of entries) {
    let body: Uint8Array;
    try {
      body = await readEntry(zip, entry.name, OCF_READ_LIMITS.maxFileBytes);
    } catch (error) {
      // streamEntry's refusals are the reader's rules; another reader's (the command line's zlib) keep their own words.
      if (error instanceof OcfError) throw error;
      throw ocfError("entryUnreadable", { file: entry.name, detail: (error as Error).message });
    }
    total += body.byteLength;
    if (total > OCF_READ_LIMITS.maxTotalBytes)
      throw ocfError("packageTooLarge", { bytes: total, max: OCF_READ_LIMITS.maxTotalBytes, how: "inflated" });
    files.push({ path: entry.name, bytes: body });
  }
  return files;
}

/** JSZip's internals this reader needs: the stream of an entry's bytes, and the CRC-32 its header states. */
interface EntryInternals {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
  readonly _data?: { readonly crc32?: unknown };
}

/**
 * An entry's bytes inflated by JSZip chunk by chunk (its inflater takes 16 KB of compressed data at a
 * time), refused as soon as they pass `cap`: chunks past the cap are not kept, and the stream is
 * paused. Then the CRC-32 is checked against the entry's header.
 */
export function streamEntry(zip: JSZip, name: string, cap: number): Promise<Uint8Array> {
  const file = zip.files[name] as unknown as EntryInternals | undefined;
  if (file === undefined) return Promise.reject(ocfError("entryUnreadable", { file: name, detail: "not in the zip" }));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const stream = file.internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (done) return;
        total += chunk.byteLength;
        if (total > cap) {
          done = true;
          chunks.length = 0;
          stream.pause();
          reject(ocfError("entryTooLarge", { file: name, max: cap }));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => {
        if (done) return;
        done = true;
        reject(ocfError("entryDamaged", { file: name, checksum: false }));
      })
      .on("end", () => {
        if (done) return;
        done = true;
        const bytes = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        const expected = file._data?.crc32;
        if (typeof expected === "number" && crc32(bytes) !== expected >>> 0) {
          reject(ocfError("entryDamaged", { file: name, checksum: true }));
          return;
        }
        resolve(bytes);
      })
      .resume();
  });
}
