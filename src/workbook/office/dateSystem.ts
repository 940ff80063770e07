/**
 * Which date system the open workbook uses (../dateSystem.ts), through Office.js, in the round trip
 * the caller already makes (no sync of its own).
 *
 * Office.js has a property for it, `Workbook.use1904DateSystem` ("True if the workbook uses the
 * 1904 date system"), but it is in no released requirement set: its reference page gives "API set:
 * ExcelApi BETA (PREVIEW ONLY)" (OfficeDev/office-js-docs-reference,
 * docs/docs-ref-autogen/excel/excel/excel.workbook.yml, and docs/includes/excel-preview.md, read at
 * fa81c2a, August 2026), so a production Office.js may not have it and
 * `Office.context.requirements.isSetSupported` cannot say whether it does (a preview API belongs to no
 * set). So the workbook is asked the question its own way: DATE(1904,1,1) through
 * `Workbook.functions.date` (Excel.Functions, ExcelApi 1.2: "Call Excel worksheet functions from your
 * add-in", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-functions; the
 * manifest requires ExcelApi 1.8), evaluated in the workbook's date system: 1,462 in the 1900 system
 * (1904-01-01 is day 1,462), 0 in the 1904 system (1904-01-01 is day 0; [MS-XLS] 2.4.77 Date1904).
 * Any other answer, or an error (FunctionResult.error, "Error value (such as "#DIV/0") representing the
 * error"), is "unknown": the taskpane says so and reads no date from a day number, rather than guess.
 */
import { dateSystemOfDate1904 } from "../../engine";
import type { ReadDateSystem } from "../dateSystem";

/** Queues the question; the answer, after the caller's `context.sync()`. */
export function queueDateSystem(context: Excel.RequestContext): () => ReadDateSystem {
  let probe: Excel.FunctionResult<number>;
  try {
    // A host without Workbook.functions (or one that throws on it) leaves the system unknown.
    const functions = (context.workbook as { functions?: Excel.Functions }).functions;
    if (functions === undefined) return () => "unknown";
    probe = functions.date(1904, 1, 1);
    probe.load("value,error");
  } catch {
    return () => "unknown";
  }
  // Read by the caller after its context.sync() (the closure runs then).

  return () => dateSystemOfDate1904(probe.value, probe.error);
}
