/**
 * LibreOffice Calc, headless, as the LibreOffice tests drive it: a fresh profile that recalculates
 * every formula on load (OOXMLRecalcMode 0, explained in test/libreoffice/templates.libreoffice.test.ts),
 * and each sheet exported to CSV with raw values. One soffice process per call. Nothing here times anything.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SOFFICE = process.env.LIBREOFFICE_PATH || "/usr/bin/soffice";
/** Comma, double quote, UTF-8 (76), from line 1, default cell formats, en-US, …, raw values (not as shown), every sheet (-1). */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";
/** What LibreOffice writes for an error cell. */
export const ERROR_TEXT = /^(#NAME\?|#N\/A|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#SPILL!|Err:[0-9]+)$/;

export function runSoffice(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** RFC 4180 CSV rows (quoted fields with "" escapes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Fails with the install hint when soffice is not there. */
export function requireSoffice(): void {
  if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run node scripts/ensure-tools.mjs libreoffice (npm test does)`);
}

/**
 * A fresh LibreOffice user profile in `dir`/profile that recalculates every formula on load
 * (OOXMLRecalcMode and ODFRecalcMode 0: explained in test/libreoffice/templates.libreoffice.test.ts);
 * returns its path for `convertToCsv`.
 */
export function recalcProfile(dir: string): string {
  const profile = path.join(dir, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      "</oor:items>",
    ].join("\n"),
  );
  return profile;
}

/**
 * Converts `files` to CSV in `outDir` (one `<book>-<sheet>.csv` per sheet) in one soffice process
 * with `profile`; throws with soffice's output when it fails, and returns that output otherwise.
 */
export async function convertToCsv(profile: string, files: readonly string[], outDir: string): Promise<string> {
  const r = await runSoffice([
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    CSV_FILTER,
    "--outdir",
    outDir,
    ...files,
  ]);
  if (r.code !== 0) throw new Error(`soffice exited with ${r.code}: ${r.output}`);
  return r.output;
}

/**
 * Opens `workbook` (an .xlsx written in `dir`) in LibreOffice with recalculation on load and returns
 * the CSV rows of the sheet named `sheet`, as LibreOffice computed them.
 */
export async function recalculatedSheet(dir: string, workbook: Uint8Array, sheet: string): Promise<string[][]> {
  requireSoffice();
  const profile = recalcProfile(dir);
  const out = path.join(dir, "csv");
  mkdirSync(out, { recursive: true });
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, workbook);
  const output = await convertToCsv(profile, [file], out);
  const csv = path.join(out, `book-${sheet}.csv`);
  if (!existsSync(csv)) throw new Error(`soffice wrote no ${csv}: ${output}`);
  return parseCsv(readFileSync(csv, "utf8"));
}
