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
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";
/** What LibreOffice writes for an error cell. */
export const ERROR_TEXT = /^(#NAME\?|#N\/A|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#SPILL!|Err:[0-9]+)$/;

function runSoffice(args: string[]): Promise<{ code: number | null; output: string }> {
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

/**
 * Opens `workbook` (an .xlsx written in `dir`) in LibreOffice with recalculation on load and returns
 * the CSV rows of the sheet named `sheet`, as LibreOffice computed them.
 */
export async function recalculatedSheet(dir: string, workbook: Uint8Array, sheet: string): Promise<string[][]> {
  if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run node scripts/ensure-tools.mjs libreoffice (npm test does)`);
  const profile = path.join(dir, "profile");
  const out = path.join(dir, "csv");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      "</oor:items>",
    ].join("\n"),
  );
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, workbook);
  const r = await runSoffice([
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    CSV_FILTER,
    "--outdir",
    out,
    file,
  ]);
  const csv = path.join(out, `book-${sheet}.csv`);
  if (r.code !== 0 || !existsSync(csv)) throw new Error(`soffice exited with ${r.code}, no ${csv}: ${r.output}`);
  return parseCsv(readFileSync(csv, "utf8"));
}
