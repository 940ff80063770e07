/**
 * The boundary check of a write request (zod): a malformed sheet description is rejected with a
 * message naming the field and the rule, before anything is read from or written to the workbook.
 */
import { z } from "zod";
import { cutText } from "../../engine/text";
import { STYLES, type SheetSpec, type StyleName } from "../spec";
import { parseCell, parseRange } from "../a1";
import { MAX_SHEET_NAME, sheetNameProblem } from "../sheetName";

/** Excel's own limits that a sheet description must respect. */
export const EXCEL_LIMITS = {
  sheetName: MAX_SHEET_NAME,
  formula: 8192,
  text: 32_767,
  definedName: 255,
  numberFormat: 255,
  maxCells: 250_000,
} as const;

/** Why a sheet name is not acceptable to Excel, or undefined when it is: the one rule (../sheetName.ts). */
export { sheetNameProblem };

/** Why a defined name is not acceptable to Excel, or undefined when it is. */
export function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > EXCEL_LIMITS.definedName) return `must be 1 to ${EXCEL_LIMITS.definedName} characters`;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return "must begin with a letter, _ or \\ and contain only letters, digits, _, . and \\";
  if (parseCell(name) !== undefined) return "must not look like a cell reference (e.g. A1)";
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name))
    return "must not look like an R1C1 reference";
  if (/^(true|false)$/i.test(name)) return "must not be TRUE or FALSE";
  return undefined;
}

const issue = (ctx: z.core.$RefinementCtx<unknown>, message: string) => ctx.addIssue({ code: "custom", message });

const cellAddress = (field: string) =>
  z
    .string({ error: `${field} must be an A1 address` })
    .refine((a) => parseCell(a) !== undefined, { error: (i) => `${field} must be an A1 cell address such as "C5", got "${String(i.input)}"` });

const rangeAddress = (field: string) =>
  z
    .string({ error: `${field} must be an A1 range` })
    .refine((a) => parseRange(a) !== undefined, { error: (i) => `${field} must be an A1 range such as "B4:D9", got "${String(i.input)}"` });

const styleNames = Object.keys(STYLES) as [StyleName, ...StyleName[]];

const CellSchema = z
  .object({
    address: cellAddress("cell address"),
    value: z
      .union(
        [
          z.number().refine(Number.isFinite, { error: "a cell value must be a finite number" }),
          z.string().max(EXCEL_LIMITS.text, { error: `a text cell must be at most ${EXCEL_LIMITS.text} characters` }),
          z.boolean(),
          z.null(),
        ],
        {
          error: (i) =>
            typeof i.input === "number" ? "a cell value must be a finite number" : "a cell value must be a number, a text, TRUE/FALSE or null",
        },
      )
      .optional(),
    formula: z
      .string()
      .max(EXCEL_LIMITS.formula, { error: `a formula must be at most ${EXCEL_LIMITS.formula} characters` })
      .refine((f) => f.startsWith("=") && f.length > 1, { error: (i) => `a formula must begin with "=", got "${cutText(String(i.input), 40)}"` })
      .optional(),
    expected: z.union([z.number(), z.string()]).optional(),
    format: z
      .string()
      .max(EXCEL_LIMITS.numberFormat, { error: `a number format must be at most ${EXCEL_LIMITS.numberFormat} characters` })
      .optional(),
    style: z.enum(styleNames, { error: `style must be one of ${styleNames.join(", ")}` }).optional(),
    wrap: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.value !== undefined && c.formula !== undefined)
      issue(ctx, `cell ${c.address} has both a value and a formula; it must have one or the other`);
  });

const NameSchema = z.object({
  name: z.string().superRefine((n, ctx) => {
    const p = definedNameProblem(n);
    if (p !== undefined) issue(ctx, `defined name "${n}" ${p}`);
  }),
  ref: rangeAddress("defined name reference"),
  comment: z.string().max(255, { error: "a defined name comment must be at most 255 characters" }).optional(),
  table: z
    .object({
      table: z.string(),
      column: z.number().int().nonnegative().optional(),
      lastColumn: z.number().int().nonnegative().optional(),
      all: z.boolean().optional(),
    })
    .optional(),
});

/** A table (spec.ts TableSpec); the rules between tables, cells and names are tables.ts `checkTables`. */
const TableSchema = z.object({
  name: z.string().max(255, { error: "a table name must be at most 255 characters" }),
  ref: rangeAddress("table range"),
  columns: z.array(z.string().max(255, { error: "a table header must be at most 255 characters" })),
  style: z.string().max(255, { error: "a table style must be at most 255 characters" }),
});

const ChartSchema = z
  .object({
    type: z.enum(["clusteredColumn", "stackedColumn", "pie", "waterfall", "footballField"], {
      error: "chart type must be clusteredColumn, stackedColumn, pie, waterfall or footballField",
    }),
    title: z.string().max(255, { error: "chart title must be at most 255 characters" }),
    dataRange: rangeAddress("chart data range").refine(
      (r) => {
        const p = parseRange(r);
        return p === undefined || (p.bottom > p.top && p.right > p.left);
      },
      { error: "chart data range must have a header row, a category column and data (at least 2 rows and 2 columns)" },
    ),
    seriesBy: z.enum(["columns", "rows"], { error: 'chart seriesBy must be "columns" or "rows"' }),
    seriesColumns: z
      .array(z.string().regex(/^[A-Z]{1,3}$/, { error: 'a chart series column must be column letters ("C")' }))
      .max(255, { error: "a chart has at most 255 series columns" })
      .optional(),
    from: cellAddress("chart position (from)"),
    to: cellAddress("chart position (to)"),
  })
  .refine((c) => c.seriesBy === "columns" || c.seriesColumns === undefined, {
    error: 'chart seriesColumns is for a chart whose series are by columns (seriesBy "columns")',
  });

export const SheetSpecSchema = z
  .object({
    name: z.string({ error: "sheet name must be a text" }).superRefine((n, ctx) => {
      const p = sheetNameProblem(n);
      if (p !== undefined) issue(ctx, `sheet name "${n}" ${p}`);
    }),
    cells: z.array(CellSchema).max(EXCEL_LIMITS.maxCells, { error: `a model sheet must have at most ${EXCEL_LIMITS.maxCells} cells` }),
    names: z.array(NameSchema),
    columns: z
      .array(
        z.object({
          column: z.string().refine((c) => parseCell(`${c}1`) !== undefined, {
            error: (i) => `column must be a column letter such as "B", got "${String(i.input)}"`,
          }),
          width: z.number().refine((w) => Number.isFinite(w) && w >= 0 && w <= 255, { error: "column width must be between 0 and 255 characters" }),
        }),
      )
      .optional(),
    charts: z.array(ChartSchema).optional(),
    showGridlines: z.boolean().optional(),
    tables: z.array(TableSchema).optional(),
    // Kept through the check (an object schema drops the keys it does not list): the writer applies them.
    rows: z
      .array(
        z.object({
          row: z.number().int({ error: "a row number must be a whole number" }).min(1, { error: "a row number must be at least 1" }),
          height: z.number().refine((h) => Number.isFinite(h) && h > 0 && h <= 409, { error: "a row height must be between 0 and 409 points" }),
        }),
      )
      .optional(),
    merges: z.array(rangeAddress("merge")).optional(),
    print: z
      .object({
        orientation: z.enum(["portrait", "landscape"], { error: 'print orientation must be "portrait" or "landscape"' }),
        fitToWidth: z.number().int().min(1, { error: "print fitToWidth must be at least 1" }),
        area: rangeAddress("print area"),
        titleRows: z.object({ first: z.number().int().min(1), last: z.number().int().min(1) }).optional(),
        titleColumns: z.object({ first: z.string().regex(/^[A-Z]{1,3}$/), last: z.string().regex(/^[A-Z]{1,3}$/) }).optional(),
        footer: z.object({ left: z.string().max(255), center: z.string().max(255), right: z.string().max(255) }),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const c of s.cells) {
      const key = c.address.replace(/\$/g, "").toUpperCase();
      if (seen.has(key)) issue(ctx, `cell ${key} is described twice`);
      seen.add(key);
    }
    // The sheet is built under a temporary name and may end up under a free variant of its own:
    // a reference to itself by name would point at the wrong sheet.
    const own = s.name.toLowerCase().replace(/'/g, "''");
    for (const c of s.cells) {
      const f = c.formula?.toLowerCase();
      if (f !== undefined && (f.includes(`'${own}'!`) || f.includes(`${own}!`)))
        issue(
          ctx,
          `cell ${c.address}: a formula must refer to cells of its own sheet without the sheet's name (the name is chosen when the sheet is written)`,
        );
    }
    const names = new Set<string>();
    for (const n of s.names) {
      const key = n.name.toUpperCase();
      if (names.has(key)) issue(ctx, `defined name "${n.name}" is described twice`);
      names.add(key);
    }
  });

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const WriteModelRequestSchema = z.object({
  sheet: SheetSpecSchema,
  model: z.object({
    id: z.string().regex(ID, { error: 'model id must be 1-64 letters, digits, "-" or "_"' }),
    kind: z.string().regex(ID, { error: 'model kind must be 1-64 letters, digits, "-" or "_"' }),
    schemaVersion: z
      .number()
      .int({ error: "model schemaVersion must be a whole number" })
      .min(1, { error: "model schemaVersion must be at least 1" }),
    inputs: z.unknown().refine((v) => v !== undefined && safeJson(v), { error: "model inputs must be plain JSON data" }),
  }),
  // Function ID -> its name in the display language: both as Excel's naming rules allow (scripts/localize-functions.cjs).
  functionNames: z
    .record(
      z.string().regex(/^[A-Z][A-Z0-9_.]*$/, { error: "function ids must be upper-case letters, digits, '_' or '.'" }),
      z.string().regex(/^\p{L}[\p{L}\p{N}_.]{2,}$/u, { error: "function names must be a letter then at least 2 letters, digits, '_' or '.'" }),
    )
    .optional(),
});

function safeJson(v: unknown): boolean {
  try {
    return JSON.stringify(v) !== undefined;
  } catch {
    return false;
  }
}

/** Checks a request; throws an Error whose message lists every problem (field and rule). */
export function checkWriteRequest(request: unknown): { sheet: SheetSpec; functionNames?: Readonly<Record<string, string>> } {
  const r = WriteModelRequestSchema.safeParse(request);
  if (!r.success) {
    const msgs = r.error.issues
      .slice(0, 5)
      .map((i) => (i.path.length > 0 && !/^(sheet name|cell|defined name)/.test(i.message) ? `${i.path.join(".")}: ${i.message}` : i.message));
    const more = r.error.issues.length > 5 ? ` (and ${r.error.issues.length - 5} more)` : "";
    throw new Error(`Invalid model sheet request: ${msgs.join("; ")}${more}`);
  }
  return { sheet: r.data.sheet as SheetSpec, ...(r.data.functionNames === undefined ? {} : { functionNames: r.data.functionNames }) };
}
