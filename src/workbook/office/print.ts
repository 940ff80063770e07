/**
 * The page setup of a model sheet (`SheetSpec.print`) through Office.js: Worksheet.pageLayout,
 * ExcelApi 1.9 (Microsoft Learn, "Excel.PageLayout": orientation, zoom, setPrintArea,
 * setPrintTitleRows, headersFooters; "Excel.PageLayoutZoomOptions": horizontalFitToPages "number of
 * pages to fit horizontally"; "Excel.HeaderFooter": leftFooter, centerFooter, rightFooter take
 * Excel's &-codes, the same as .xlsx). The manifest asks for ExcelApi 1.8, so the page setup is
 * queued only where 1.9 is supported (`Office.context.requirements.isSetSupported`); elsewhere the
 * sheet is written without it, and the rest of the write is unchanged.
 * Known issue: on some builds `zoom = { horizontalFitToPages: 1 }` is not applied until the Page
 * Layout tab has been shown (OfficeDev/office-js#1860); orientation, print area and titles are.
 * Pages tall are left to Excel (only the width is fitted), as "Fit All Columns on One Page" does.
 */
import type { PrintSpec } from "../spec";

/** The part of Office.js's Worksheet.pageLayout used here (Excel.PageLayout, ExcelApi 1.9). */
export interface PageLayoutLike {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
  setPrintTitleColumns(printTitleColumns: string): void;
  readonly headersFooters: { readonly defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
}

/** Office.js's Excel.PageOrientation for the spec's orientation. */
export const PAGE_ORIENTATION: Readonly<Record<PrintSpec["orientation"], string>> = { portrait: "Portrait", landscape: "Landscape" };

/** True when the host runs ExcelApi 1.9 (Worksheet.pageLayout); false outside Office (tests, Node). */
export function pageLayoutSupported(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;
}

/** Queues the page setup on a worksheet's pageLayout: orientation, fit to width, print area, title rows, footer. */
export function queuePrint(layout: PageLayoutLike, print: PrintSpec): void {
  layout.orientation = PAGE_ORIENTATION[print.orientation];
  layout.zoom = { horizontalFitToPages: print.fitToWidth };
  layout.setPrintArea(print.area);
  if (print.titleRows !== undefined) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  // PageLayout.setPrintTitleColumns (ExcelApi 1.9): "the columns to be repeated to the left of each page".
  if (print.titleColumns !== undefined) layout.setPrintTitleColumns(`$${print.titleColumns.first}:$${print.titleColumns.last}`);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = print.footer.left;
  footer.centerFooter = print.footer.center;
  footer.rightFooter = print.footer.right;
}
