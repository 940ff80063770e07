/**
 * Excel's "future functions": the worksheet functions added after the ECMA-376 (Excel 2007) list are
 * stored in an .xlsx under a prefixed name, `_xlfn.QUARTILE.INC(…)`, and typed and shown without it.
 * [MS-XLSX] 2.2.3 Functions: "The predefined functions ([ISO/IEC29500-1:2016] section 18.17.7) are
 * extended by the following future functions", each listed with its stored name
 * (https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf).
 * A file holding the bare name makes the reader look for a function of that name that does not exist:
 * LibreOffice and Excel show #NAME? (Microsoft, "Issue: An _xlfn. prefix is displayed in front of a
 * formula": Excel itself shows the prefix, and #NAME?, only where the running version lacks the function).
 *
 * The list below is that table's, with two kinds left out:
 * - the names the table gives without a prefix (ECMA.CEILING, ISO.CEILING, NETWORKDAYS.INTL,
 *   WORKDAY.INTL): they are stored as typed;
 * - LET and LAMBDA and the functions that take a LAMBDA (BYCOL, BYROW, MAKEARRAY, MAP, REDUCE, SCAN):
 *   their parameter names are stored with a second prefix (`_xlpm.x`) that a name-by-name rewrite
 *   cannot place; no model sheet uses them, and a formula with one is refused rather than written wrong.
 * FILTER, SORT and PY are stored as `_xlfn._xlws.FILTER(` (the table's own spelling).
 *
 * Office.js is different: `Range.formulas` takes a formula "in A1-style notation" as typed in the formula
 * bar (Excel JavaScript API reference, Excel.Range formulas), so officeWriter.ts writes formulas unprefixed.
 * Pure string functions; xlsxWriter.ts adds the prefixes and xlsxReader.ts strips them.
 */
import { rewriteCalls } from "./addInParts";

/** Future functions stored under `_xlfn.` ([MS-XLSX] 2.2.3), by their typed name. */
export const XLFN_FUNCTIONS: readonly string[] = `ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST
  BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST
  CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T
  COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST
  F.DIST.RT F.INV F.INV.RT F.TEST FIELDVALUE FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT
  FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE
  GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED
  ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV
  NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC
  PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING RANDARRAY RANK.AVG RANK.EQ RRI SEC SECH
  SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE
  TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK
  WEBSERVICE WEIBULL.DIST WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST`.split(/\s+/);

/** Future functions stored under `_xlfn._xlws.` ([MS-XLSX] 2.2.3). */
export const XLWS_FUNCTIONS: readonly string[] = ["FILTER", "SORT", "PY"];

/** Future functions whose parameters need `_xlpm.` names: refused (see the header). */
export const LAMBDA_FUNCTIONS: readonly string[] = ["LET", "LAMBDA", "BYCOL", "BYROW", "MAKEARRAY", "MAP", "REDUCE", "SCAN"];

const PREFIX = new Map<string, string>([
  ...XLFN_FUNCTIONS.map((n): [string, string] => [n, "_xlfn."]),
  ...XLWS_FUNCTIONS.map((n): [string, string] => [n, "_xlfn._xlws."]),
]);

/** A function name (a letter, then letters, digits, "_" and ".") before its "(". */
const CALL = /([A-Za-z][A-Za-z0-9_.]*)(\s*\()/iy;

/**
 * A formula (without its "=") as an .xlsx stores it: every call of a future function gets its prefix
 * (`QUARTILE.INC(` -> `_xlfn.QUARTILE.INC(`, any letter case, nested calls too). Text in double quotes,
 * quoted sheet names and names already prefixed are left alone. Throws on LET, LAMBDA and their kin.
 */
export function prefixFutureFunctions(formula: string): string {
  return rewriteCalls(formula, CALL, (m) => {
    const name = m[1].toUpperCase();
    if (LAMBDA_FUNCTIONS.includes(name)) {
      throw new Error(`${m[1]} in ${formula}: its parameters would need Excel's _xlpm. names, which this writer does not place`);
    }
    const prefix = PREFIX.get(name);
    return prefix === undefined ? m[0] : `${prefix}${name}${m[2]}`;
  });
}

/** The reverse, as a formula is typed: `_xlfn.` and `_xlfn._xlws.` (and `_xlws.`) dropped before a call, outside quotes. */
export function stripFuturePrefixes(formula: string): string {
  return rewriteCalls(formula, /_xlfn\.(?:_xlws\.)?|_xlws\./iy, () => "");
}
