/**
 * Renders a `SheetSpec` (src/workbook/spec.ts) into HyperFormula, a real spreadsheet engine, so
 * tests can evaluate the formulas a model writes and compare them with the engine's numbers.
 *
 * It keeps the writers' rules:
 * - defined names are sheet-scoped named expressions (`='Sheet name'!$B$7`), added before any formula;
 * - a literal text is ALWAYS text, even when it begins with "=", "+", "-", "@" or looks like a
 *   number (HyperFormula's apostrophe prefix, which is not part of the value);
 * - only `formula` is entered as a formula (en-US syntax, as written).
 * Values are read back as the doubles the cells hold (`smartRounding: false`), errors as their
 * code ("#DIV/0!"). With `captable: true` the CAPTABLE functions of the built bundle
 * (test/support/hyperformulaCaptable.ts, needs `dist/`) are registered first.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { ConfigParams, RawCellContent } from "hyperformula";
import type { SheetSpec } from "../../src/workbook/spec";

export type ReadValue = number | string | boolean | null | { error: string; message: string };

export interface RenderedSheet {
  readonly hf: HyperFormula;
  readonly sheetId: number;
  /** The value HyperFormula computes (or holds) at an A1 address; errors as { error, message }. */
  read(address: string): ReadValue;
  /** True when HyperFormula holds a formula at the address. */
  isFormula(address: string): boolean;
  /** Sets a cell (e.g. change an input) and recalculates; `value` strings beginning with "=" are formulas here. */
  set(address: string, content: RawCellContent): void;
  destroy(): void;
}

/** "AB12" -> { col: 27, row: 11 } (0-based). */
export function parseAddress(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]+)$/.exec(address);
  if (m === null) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** Quotes a sheet name for a reference: 'OpCore deal' (apostrophes doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface RenderOptions {
  /** Register the built CAPTABLE functions (needs dist/ from `npm run build`). */
  readonly captable?: boolean;
  readonly config?: Partial<ConfigParams>;
}

export function renderSheet(spec: SheetSpec, options: RenderOptions = {}): RenderedSheet {
  let settle: ((hf: HyperFormula) => unknown) | undefined;
  if (options.captable) {
    // Loaded on demand: the plugin reads dist/ when imported.

    const plugin = require("./hyperformulaCaptable") as typeof import("./hyperformulaCaptable");
    plugin.registerCaptable();
    settle = plugin.settleSpills;
  }
  // Array arithmetic on: SUMPRODUCT((range<x)*range) is evaluated as Excel (every version), LibreOffice and
  // Google Sheets evaluate SUMPRODUCT's arguments, as arrays; HyperFormula refuses it otherwise ("Cell range not allowed").
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, useArrayArithmetic: true, ...options.config });
  const sheetName = hf.addSheet(spec.name);
  const sheetId = hf.getSheetId(sheetName)!;
  if (sheetName !== spec.name) throw new Error(`HyperFormula renamed the sheet "${spec.name}" to "${sheetName}"`);

  for (const n of spec.names) {
    const ref = n.ref
      .split(":")
      .map((part) => {
        parseAddress(part); // throws on anything but an A1 address
        return part.replace(/^\$?([A-Z]+)\$?([0-9]+)$/, "$$$1$$$2");
      })
      .join(":");
    if (!hf.isItPossibleToAddNamedExpression(n.name, `=${quoteSheet(spec.name)}!${ref}`, sheetId)) {
      throw new Error(`HyperFormula refuses the defined name ${n.name} -> ${n.ref}`);
    }
    hf.addNamedExpression(n.name, `=${quoteSheet(spec.name)}!${ref}`, sheetId);
  }

  hf.batch(() => {
    for (const cell of spec.cells) {
      const { col, row } = parseAddress(cell.address);
      let content: RawCellContent;
      if (cell.formula !== undefined) content = cell.formula;
      else if (typeof cell.value === "string")
        content = `'${cell.value}`; // always text
      else if (cell.value === undefined || cell.value === null) continue;
      else content = cell.value;
      hf.setCellContents({ sheet: sheetId, col, row }, [[content]]);
    }
  });
  settle?.(hf);

  const at = (address: string) => ({ sheet: sheetId, ...parseAddress(address) });
  return {
    hf,
    sheetId,
    read(address) {
      const v = hf.getCellValue(at(address));
      if (v instanceof DetailedCellError) return { error: v.value, message: v.message };
      return v as ReadValue;
    },
    isFormula(address) {
      return hf.doesCellHaveFormula(at(address));
    },
    set(address, content) {
      hf.setCellContents(at(address), [[content]]);
      settle?.(hf);
    },
    destroy() {
      hf.destroy();
    },
  };
}
