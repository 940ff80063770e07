/**
 * The BUILT custom-functions bundle as a HyperFormula function plugin: every function declared in
 * dist/functions.json becomes `CAPTABLE.<ID>` in HyperFormula, so workbooks of `=CAPTABLE.*`
 * formulas can be evaluated by a real spreadsheet engine in tests.
 *
 * How it is built (nothing is hand-listed):
 * - dist/functions.js (webpack output) runs in a bare `vm` context holding only the stand-in
 *   `CustomFunctions` runtime (./customFunctionsRuntime), as Excel's JavaScript-only runtime does;
 *   its `CustomFunctions.associate` calls fill the registry.
 * - dist/functions.json gives each function's parameters (scalar or matrix, optional or not) and
 *   whether its result spills (result.dimensionality "matrix").
 *
 * Cell values cross the boundary as Excel hands them to a custom function:
 * - a range becomes a 2-D array, its empty cells `null`; an omitted optional argument is `null`;
 *   an empty cell referenced by a single-cell argument is `null`;
 * - numbers typed with a format (`50%`, dates, currency) arrive as their plain value (0.5);
 * - an error in an argument (or anywhere in a range argument) propagates without calling the
 *   function, as Excel does unless a function opts in to receive errors;
 * - a scalar parameter given a multi-cell range receives the 2-D array (no implicit intersection
 *   or lifting), so our readers answer "must be a single cell, got a range";
 * - a thrown `CustomFunctions.Error` becomes a HyperFormula `CellError` of the same code
 *   (#VALUE!, #NUM!, #N/A, ...) carrying the message; any other exception becomes #VALUE! with a
 *   message starting "not a CustomFunctions.Error:", so a test can tell a bug from a rule.
 *
 * Spills. HyperFormula reserves a formula's spill range when the formula is ENTERED, from its
 * syntax alone (`sizeOfResultArrayMethod` receives the AST, never cell values), whereas the size of
 * our tables depends on values: DEALVIEW has 3 more rows when a capacity is given, SECONDARY one
 * more row when the buyer is new, blank rows of the cap table are skipped. Excel sizes a spill
 * after computing it. This plugin does the same in two steps:
 * 1. the size method reserves the size last measured for the formula at that address, or one
 *    cell for a formula not yet measured (so it is always computed: a guess larger than the result
 *    could be blocked by a neighbour and then never computed, where Excel would show the error);
 * 2. when a formula's result (at the root of the formula) does not have the reserved size, the
 *    plugin records the measured size; a larger result shows #SPILL! meanwhile (HyperFormula
 *    cannot write outside the reserved range), a smaller one is padded with empty cells.
 *    `settleSpills(hf)` re-enters each such formula, HyperFormula reserves the measured size, and
 *    the table spills exactly, or shows #SPILL! when a cell of the range is not empty, as in Excel.
 *    It also re-enters a #SPILL! formula whose range has been cleared since (HyperFormula alone
 *    keeps #SPILL! until the formula is entered again, even for its own TRANSPOSE).
 * Call `settleSpills` after building or changing a workbook (`buildCaptableWorkbook` does it), as
 * Excel re-spills after each recalculation. A call nested in another formula
 * (`=INDEX(CAPTABLE.DEALVIEW(...), 4, 2)`) needs no settling: its array is consumed in place.
 * The book of measured sizes is kept by address: after inserting or removing rows or columns
 * above a spilled formula, call `settleSpills` again (a stale size is measured and corrected).
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ConfigParams, FunctionMetadata as HfFunctionMetadata, ImplementedFunctions, Sheets, SimpleCellAddress } from "hyperformula";
import { CustomFunctionsError, CustomFunctionsStub, createCustomFunctionsStub } from "./customFunctionsRuntime";
import { isPromiseLike } from "../../src/functions/dateSystem";

/** The folder holding the production build (`npm run build`). */
export const DIST = path.resolve(__dirname, "../../dist");

/** The namespace of the functions in Excel, and here. */
export const NAMESPACE = "CAPTABLE";

/** One function as dist/functions.json declares it (the fields we read). */
export interface CustomFunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: "scalar" | "matrix"; optional?: boolean; repeating?: boolean }[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: Record<string, unknown>;
}

function readOrExplain(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test builds before running Jest)`);
  return fs.readFileSync(file, "utf8");
}

/** The functions declared in dist/functions.json, in declaration order. */
export function readFunctionMetadata(dist: string = DIST): CustomFunctionMetadata[] {
  return (JSON.parse(readOrExplain(path.join(dist, "functions.json"))) as { functions: CustomFunctionMetadata[] }).functions;
}

/** Runs dist/functions.js in a bare context with the stand-in runtime, as Excel does; returns the runtime and its registry. */
export function loadBundle(dist: string = DIST): CustomFunctionsStub {
  const stub = createCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub, console });
  vm.runInContext(readOrExplain(path.join(dist, "functions.js")), context, { filename: "functions.js" });
  return stub;
}

/** Every function ID of the built bundle, as written after `CAPTABLE.` in a formula. */
export const CAPTABLE_FUNCTION_IDS: readonly string[] = Object.freeze(readFunctionMetadata().map((m) => m.id.toUpperCase()));

/**
 * HyperFormula config for CAPTABLE workbooks: the GPL licence key (tests only), and cell values
 * read back as the doubles the cells hold (no display rounding: HyperFormula's `smartRounding`
 * would round 6564885.49618320... to 6564885.4962 when read).
 */
export const CAPTABLE_HF_CONFIG: Partial<ConfigParams> = { licenseKey: "gpl-v3", smartRounding: false };

// ---------------------------------------------------------------------------------------------
// Cell values across the boundary

const ERROR_TYPE_OF_CODE: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.VALUE, // HyperFormula has no #NULL!
};

type Cell = number | string | boolean | null;

/** HyperFormula's internal scalar to the value Excel hands a custom function; an error is returned as is. */
function toExcelScalar(value: unknown): Cell | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // A number with a format (percent, date, currency...): HyperFormula wraps it; Excel passes the number.
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return new CellError(ErrorType.VALUE, `unsupported cell value ${String(value)}`);
}

/** An argument as Excel passes it: a scalar, or a 2-D array for a range. */
function toExcelArgument(value: unknown): Cell | Cell[][] | CellError {
  if (value instanceof SimpleRangeValue) {
    const rows: Cell[][] = [];
    for (const row of value.data) {
      const out: Cell[] = [];
      for (const cell of row) {
        const v = toExcelScalar(cell);
        if (v instanceof CellError) return v;
        out.push(v);
      }
      rows.push(out);
    }
    return rows;
  }
  return toExcelScalar(value);
}

/** A custom function's return value as a HyperFormula value. */
function fromExcelResult(value: unknown): number | string | boolean | typeof EmptyValue | CellError | SimpleRangeValue {
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every((r) => Array.isArray(r) && r.length === value[0].length && r.length > 0)) {
      return new CellError(ErrorType.VALUE, "the function returned an array that is not a non-empty rectangle");
    }
    const data = (value as unknown[][]).map((row) =>
      row.map((cell) => {
        const v = fromExcelResult(cell);
        return v instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, "nested array in a result") : v;
      }),
    );
    return SimpleRangeValue.onlyValues(data);
  }
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof CustomFunctionsError) return toCellError(value);
  if (isPromiseLike(value)) {
    // A 30/360 count asking the workbook's date system (src/functions/dateSystem.ts); its rejection is handled here, not left to crash the run.
    value.then(undefined, () => undefined);
    return new CellError(ErrorType.VALUE, "asynchronous results are not supported by this harness");
  }
  return new CellError(ErrorType.VALUE, `the function returned an unsupported value ${String(value)}`);
}

function toCellError(error: unknown): CellError {
  if (error instanceof CustomFunctionsError) return new CellError(ERROR_TYPE_OF_CODE[error.code] ?? ErrorType.VALUE, error.message);
  return new CellError(ErrorType.VALUE, `not a CustomFunctions.Error: ${error instanceof Error ? error.message : String(error)}`);
}

// ---------------------------------------------------------------------------------------------
// Spill sizes measured at evaluation (see the header)

interface MeasuredSize {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

interface SpillBook {
  /** Last measured size of the formula rooted at an address, by "sheet:col:row". */
  readonly measured: Map<string, MeasuredSize>;
  /** Where spilling CAPTABLE formulas were entered, by the same key. */
  readonly entered: Map<string, SimpleCellAddress>;
  /** Formulas whose reserved range differs from the measured size: to re-enter. */
  readonly pending: Map<string, SimpleCellAddress>;
}

/** One book per engine (keyed by its dependency graph, which the plugin and `hf` share). */
const books = new WeakMap<object, SpillBook>();

function bookOf(engineKey: object): SpillBook {
  let book = books.get(engineKey);
  if (book === undefined) {
    book = { measured: new Map(), entered: new Map(), pending: new Map() };
    books.set(engineKey, book);
  }
  return book;
}

const keyOf = (a: SimpleCellAddress): string => `${a.sheet}:${a.col}:${a.row}`;

/** The size reserved for the formula being evaluated, when `ast` is its root; undefined when the call is nested. */
function reservedSizeIfRoot(ast: unknown, vertex: unknown): { width: number; height: number } | undefined {
  if (vertex === undefined || (vertex as { formula?: unknown }).formula !== ast) return undefined;
  const array = (vertex as { array?: { size?: { width: number; height: number; isRef?: boolean } } }).array;
  if (array?.size === undefined) return { width: 1, height: 1 }; // a scalar formula cell
  return { width: array.size.width, height: array.size.height };
}

// ---------------------------------------------------------------------------------------------
// The plugin

/** How many times the functions of the bundle were invoked (each evaluation of a CAPTABLE call), in all and by ID. */
const callCount = { total: 0, byId: new Map<string, number>() };

/** Invocations of the CAPTABLE functions while `run` runs (a recalculation, an edit): in all and by function ID. */
export function countCustomFunctionCalls(run: () => void): { total: number; byId: Record<string, number> } {
  callCount.total = 0;
  callCount.byId.clear();
  run();
  return { total: callCount.total, byId: Object.fromEntries(callCount.byId) };
}

type ProcedureAst = { procedureName: string; args: unknown[] };
type State = { formulaAddress: SimpleCellAddress; formulaVertex?: unknown };

class CaptablePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
  /** Set by `registerCaptable`: the registry of the loaded bundle, and the metadata by formula ID. */
  static registry: Map<string, (...args: unknown[]) => unknown> = new Map();
  static declared: Map<string, CustomFunctionMetadata> = new Map();

  protected callCustomFunction(formulaId: string, ast: ProcedureAst, state: State): unknown {
    const declared = CaptablePlugin.declared.get(formulaId)!;
    const fn = CaptablePlugin.registry.get(declared.id.toUpperCase());
    const result = this.runFunction(ast.args as never, state as never, this.metadata(formulaId), (...hfArgs: unknown[]) => {
      if (fn === undefined) return new CellError(ErrorType.NAME, `${formulaId} is declared in functions.json but not associated by functions.js`);
      const args: unknown[] = [];
      for (let i = 0; i < declared.parameters.length; i++) {
        const v = toExcelArgument(hfArgs[i]);
        if (v instanceof CellError) return v;
        args.push(v);
      }
      try {
        callCount.total++;
        callCount.byId.set(declared.id, (callCount.byId.get(declared.id) ?? 0) + 1);
        return fromExcelResult(fn(...args));
      } catch (error) {
        return toCellError(error);
      }
    });
    return this.fitToReservedRange(ast, state, result);
  }

  /** At the root of a formula: unwrap a 1x1 array in a single cell; record a size that differs from the reserved one. */
  private fitToReservedRange(ast: ProcedureAst, state: State, result: unknown): unknown {
    const reserved = reservedSizeIfRoot(ast, state.formulaVertex);
    if (reserved === undefined) return result;
    const width = result instanceof SimpleRangeValue ? result.width() : 1;
    const height = result instanceof SimpleRangeValue ? result.height() : 1;
    const book = bookOf(this.dependencyGraph);
    const key = keyOf(state.formulaAddress);
    book.measured.set(key, { id: ast.procedureName.toUpperCase(), width, height });
    if (width !== reserved.width || height !== reserved.height) book.pending.set(key, state.formulaAddress);
    else book.pending.delete(key);
    if (result instanceof SimpleRangeValue && width === 1 && height === 1 && reserved.width === 1 && reserved.height === 1) return result.data[0][0];
    if (width > reserved.width || height > reserved.height) {
      return new CellError(
        ErrorType.SPILL,
        `${ast.procedureName} returns ${height} rows by ${width} columns but ${reserved.height} by ${reserved.width} are reserved: call settleSpills(hf)`,
      );
    }
    return result;
  }

  /** Size to reserve when the formula is entered: the last measured size, else one cell (see the header). */
  protected reserveSize(formulaId: string, state: State): ArraySize {
    const book = bookOf(this.dependencyGraph);
    const key = keyOf(state.formulaAddress);
    book.entered.set(key, state.formulaAddress);
    const measured = book.measured.get(key);
    if (measured !== undefined && measured.id === formulaId) return new ArraySize(measured.width, measured.height);
    return ArraySize.scalar();
  }
}

let registered: { dist: string; ids: readonly string[] } | undefined;

/**
 * Registers every function of the built bundle (dist/functions.js + dist/functions.json) in
 * HyperFormula as `CAPTABLE.<ID>`. Idempotent; call it before building a HyperFormula instance.
 * Returns the formula names registered (e.g. "CAPTABLE.EQUITYVALUE").
 */
export function registerCaptable(dist: string = DIST): readonly string[] {
  if (registered !== undefined && registered.dist === dist) return registered.ids;
  if (registered !== undefined) HyperFormula.unregisterFunctionPlugin(CaptablePlugin);
  const metadata = readFunctionMetadata(dist);
  const stub = loadBundle(dist);
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const declared = new Map<string, CustomFunctionMetadata>();
  const proto = CaptablePlugin.prototype as unknown as Record<string, unknown>;
  for (const m of metadata) {
    const formulaId = `${NAMESPACE}.${m.id.toUpperCase()}`;
    const method = `call_${m.id.toUpperCase()}`;
    const spills = m.result?.dimensionality === "matrix";
    const entry: HfFunctionMetadata = {
      method,
      // Every parameter is ANY: ranges arrive whole (no vectorisation), errors propagate.
      parameters: m.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
      vectorizationForbidden: true,
    };
    proto[method] = function (this: CaptablePlugin, ast: ProcedureAst, state: State) {
      return this.callCustomFunction(formulaId, ast, state);
    };
    if (spills) {
      entry.sizeOfResultArrayMethod = `size_${m.id.toUpperCase()}`;
      proto[entry.sizeOfResultArrayMethod] = function (this: CaptablePlugin, _ast: ProcedureAst, state: State) {
        return this.reserveSize(formulaId, state);
      };
    }
    implemented[formulaId] = entry;
    translations[formulaId] = formulaId;
    declared.set(formulaId, m);
  }
  CaptablePlugin.implementedFunctions = implemented;
  CaptablePlugin.registry = stub.registry;
  CaptablePlugin.declared = declared;
  HyperFormula.registerFunctionPlugin(CaptablePlugin, { enGB: translations, enUS: translations });
  registered = { dist, ids: Object.freeze(Object.keys(implemented)) };
  return registered.ids;
}

/** True when every cell of the measured range but its top-left corner is empty. */
function rangeIsFree(hf: HyperFormula, corner: SimpleCellAddress, size: MeasuredSize): boolean {
  for (let r = 0; r < size.height; r++) {
    for (let c = 0; c < size.width; c++) {
      if ((r > 0 || c > 0) && !hf.isCellEmpty({ sheet: corner.sheet, row: corner.row + r, col: corner.col + c })) return false;
    }
  }
  return true;
}

/**
 * Re-enters every CAPTABLE formula whose result does not have the size HyperFormula reserved for
 * it, and every one showing #SPILL! whose range is now free, so that tables spill exactly (see the
 * header). Repeats until nothing changes (a re-sized spill may change what other formulas read).
 * Returns the number of formulas re-entered.
 */
export function settleSpills(hf: HyperFormula, maxRounds = 20): number {
  const book = bookOf(hf.dependencyGraph);
  let count = 0;
  for (let round = 0; round < maxRounds; round++) {
    const toEnter = new Map(book.pending);
    book.pending.clear();
    for (const [key, address] of book.entered) {
      const measured = book.measured.get(key);
      if (toEnter.has(key) || measured === undefined) continue;
      const shown = hf.getCellValue(address);
      if (shown instanceof DetailedCellError && shown.type === ErrorType.SPILL && rangeIsFree(hf, address, measured)) toEnter.set(key, address);
    }
    if (toEnter.size === 0) return count;
    hf.batch(() => {
      for (const [key, address] of toEnter) {
        const formula = hf.getCellFormula(address);
        if (formula === undefined || !formula.toUpperCase().includes(`${NAMESPACE}.`)) {
          book.entered.delete(key);
          book.measured.delete(key);
          continue;
        }
        hf.setCellContents(address, [[formula]]);
        count++;
      }
    });
  }
  throw new Error(`spilled CAPTABLE formulas did not settle after ${maxRounds} rounds`);
}

/** Registers the plugin, builds a HyperFormula workbook from sheets of cell contents, and settles its spills. */
export function buildCaptableWorkbook(sheets: Sheets, config: Partial<ConfigParams> = {}): HyperFormula {
  registerCaptable();
  const hf = HyperFormula.buildFromSheets(sheets, { ...CAPTABLE_HF_CONFIG, ...config });
  settleSpills(hf);
  return hf;
}
