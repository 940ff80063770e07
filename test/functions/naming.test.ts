/**
 * Every function id and name (English and French) against Microsoft's naming rules for custom
 * functions (OfficeDev/office-js-docs-pr, docs/excel/custom-functions-naming.md, "Custom functions
 * naming guidelines"):
 * - id: only A-Z, 0-9, underscore and period; starts with a letter; at least three characters;
 * - name: Unicode letters, underscore and period; starts with a letter; at least three characters;
 * - avoid a cell reference (A1 to XFD1048576, R1C1 to R1048576C16384);
 * - avoid an Excel 4.0 macro function (RUN, ECHO, NOTE, ...): "Disallowed" in the doc's table;
 * - avoid a built-in Excel function "in any language" (ROUND was one: renamed PRICEDROUND).
 * Ids are stored in users' workbooks (`_xldudf_CAPTABLE_<ID>`) and can never change once shipped.
 *
 * Built-in names come from HyperFormula's English and French function lists (the engine the
 * tests already use; ~400 of Excel's functions) plus the common Excel functions it lacks.
 */
import fs from "fs";
import path from "path";
import { HyperFormula } from "hyperformula";
import frFR from "hyperformula/i18n/languages/frFR";

const dist = path.resolve(__dirname, "../../dist");
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(dist, file), "utf8")) as { functions: { id: string; name: string }[] };

/**
 * Excel 4.0 macro functions (Microsoft's "Excel 4.0 Macro Functions Reference"; XLL SDK XLCALL.H
 * `xlf*` and `xlc*` names), the single-word ones a function name could collide with.
 */
const EXCEL4_MACRO_FUNCTIONS = new Set(
  `ABSREF ACTIVATE ACTIVE ADDIN ALERT APPLY ARGUMENT ARRANGE BEEP BORDER BREAK CALCULATE CALCULATION CALL CALLER
  CANCEL CELL CHANGE CHECKBOX CLEAR CLOSE COLOR COMBINATION COPY CREATE CUT DEFINE DELETE DEMOTE DEREF DIALOG DIRECTORY
  DOCUMENTS DUPLICATE ECHO EDIT ELSE ELSEIF ENDIF ENTER ERROR EVALUATE EXEC EXECUTE EXTEND EXTRACT FCLOSE FILES FILL
  FILTER FIND FOPEN FOR FORMAT FORMULA FPOS FREAD FREADLN FSIZE FWRITE FWRITELN GET GOTO GRIDLINES GROUP HALT HELP HIDE
  HLINE HPAGE HSCROLL INITIATE INPUT INSERT JUSTIFY LAST LEGEND LINKS LIST MAIN MESSAGE MOVE NAMES NEW NEXT NOTE OFFSET
  ONTIME OPEN OPTIONS OUTLINE PAGE PARSE PASTE PATTERNS POKE PRECISION PREFERRED PRESS PRINT PROMOTE PROTECT QUIT
  REFTEXT REGISTER RELREF RENAME REPLACE REQUEST RESTART RESULT RESUME RETURN ROW ROWS RUN SAVE SCALE SELECT SEND
  SET SHOW SORT SPLIT STEP STYLE SUBSCRIBE SUBTOTALS SUMMARY TABLE TERMINATE TEXTREF UNDO UNGROUP UNHIDE UNLOCKED
  UNREGISTER VLINE VOLATILE VPAGE VSCROLL WAIT WHILE WINDOW WINDOWS WORKBOOK WORKGROUP WORKSPACE ZOOM`.split(/\s+/),
);

/** Common Excel functions HyperFormula does not implement (so its list alone would miss them). */
const MORE_EXCEL_FUNCTIONS = new Set(
  `LET LAMBDA MAP REDUCE SCAN BYROW BYCOL MAKEARRAY XLOOKUP XMATCH SORT SORTBY UNIQUE SEQUENCE RANDARRAY FILTER
  TEXTSPLIT TEXTBEFORE TEXTAFTER VSTACK HSTACK TAKE DROP CHOOSEROWS CHOOSECOLS WRAPROWS WRAPCOLS TOROW TOCOL EXPAND
  STOCKHISTORY IMAGE GROUPBY PIVOTBY TRIMRANGE REGEXTEST REGEXEXTRACT REGEXREPLACE CONCAT TEXTJOIN IFS SWITCH MAXIFS
  MINIFS XIRR XNPV NPV IRR MIRR PMT FV PV RATE NPER IPMT PPMT EFFECT NOMINAL DB DDB SLN SYD VDB ROUND ROUNDUP ROUNDDOWN
  MROUND CEILING FLOOR TRUNC INT NOTE SHEET SHEETS FORMULATEXT ISFORMULA INFO CELL HYPERLINK WEBSERVICE ENCODEURL
  FILTERXML CUBEVALUE CUBEMEMBER GETPIVOTDATA RTD CALL REGISTER.ID EUROCONVERT PRICE YIELD DURATION ACCRINT
  DISC INTRATE RECEIVED TBILLPRICE COUPDAYS COUPNCD AGGREGATE SUBTOTAL`.split(/\s+/),
);

const builtIns = new Set<string>([
  ...HyperFormula.getRegisteredFunctionNames("enGB"),
  ...Object.values((frFR as unknown as { functions: Record<string, string> }).functions),
  ...MORE_EXCEL_FUNCTIONS,
]);

/** A1-style (A1 to XFD1048576) or R1C1-style reference: a name Excel would read as a cell. */
function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/i.exec(name);
  if (a1) {
    const col = a1[1]
      .toUpperCase()
      .split("")
      .reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (col <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  const r1c1 = /^R([0-9]*)C([0-9]*)$/i.exec(name);
  return r1c1 !== null;
}

function violations(id: string, name: string): string[] {
  const out: string[] = [];
  if (!/^[A-Z][A-Z0-9_.]{2,}$/.test(id)) out.push(`id ${id}: only A-Z, 0-9, _ and ., starting with a letter, 3+ characters`);
  if (!/^\p{L}[\p{L}_.]{2,}$/u.test(name)) out.push(`name ${name}: letters, _ and ., starting with a letter, 3+ characters`);
  if (id.length > 128 || name.length > 128) out.push(`${id}: longer than 128 characters`);
  for (const [what, value] of [
    ["id", id],
    ["name", name],
  ] as const) {
    const upper = value.toUpperCase();
    if (isCellReference(value)) out.push(`${what} ${value} reads as a cell reference`);
    if (EXCEL4_MACRO_FUNCTIONS.has(upper)) out.push(`${what} ${value} is an Excel 4.0 macro function`);
    if (builtIns.has(upper)) out.push(`${what} ${value} is a built-in Excel function`);
  }
  return out;
}

describe("custom function ids and names follow Microsoft's naming rules", () => {
  test("the rules catch what they should (the ids renamed before the first release)", () => {
    expect(violations("ROUND", "ROUND")).toEqual(expect.arrayContaining(["id ROUND is a built-in Excel function"]));
    expect(violations("NOTE", "NOTE")).toEqual(expect.arrayContaining(["id NOTE is an Excel 4.0 macro function"]));
    expect(violations("AB12", "AB12")).toEqual(expect.arrayContaining(["id AB12 reads as a cell reference"]));
    expect(violations("R1C1", "R1C1").length).toBeGreaterThan(0);
    expect(violations("ARRONDI", "ARRONDI")).toEqual(expect.arrayContaining(["name ARRONDI is a built-in Excel function"]));
    expect(violations("STAKEVALUE", "PRIXPARTICIPATION")).toEqual([]);
  });

  test.each([["functions.json"], ["functions.fr-FR.json"]])("%s: every id and name", (file) => {
    const problems = load(file).functions.flatMap((f) => violations(f.id, f.name));
    expect(problems).toEqual([]);
  });

  test("English and French files declare the same ids, and no two names collide", () => {
    const en = load("functions.json").functions;
    const fr = load("functions.fr-FR.json").functions;
    expect(fr.map((f) => f.id)).toEqual(en.map((f) => f.id));
    for (const list of [en, fr]) expect(new Set(list.map((f) => f.name)).size).toBe(list.length);
    expect(en.map((f) => f.id)).toEqual(expect.arrayContaining(["PRICEDROUND", "CONVERTNOTE"]));
    expect(en.map((f) => f.id)).not.toEqual(expect.arrayContaining(["ROUND"]));
  });
});
