#!/usr/bin/env node
/**
 * `npm run docs`: writes docs/functions.md, the function reference, from what the build generated,
 * so that it cannot drift from what Excel shows:
 * - dist/functions.json (generated from the JSDoc by the custom-functions metadata plugin): the
 *   functions, their descriptions, their arguments (order, optional or not, single cell or range,
 *   help text) and whether the result spills;
 * - the `@returns` line of each function's JSDoc in src/functions/ (the metadata keeps no text for
 *   the result);
 * - docs/function-examples.json (hand-written): examples with the result each gives, which
 *   test/docs.test.ts checks against the built bundle.
 * Run `npm run build` first. `--stdout` prints the document instead of writing it (the test
 * compares that with the committed file). A function without an example is listed on stderr.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NAMESPACE = "CAPTABLE";

function readJson(file, hint) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: ${hint}`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** `@returns` text of every `@customfunction` in the TypeScript sources of src/functions, by ID. */
export function readReturns(dir = path.join(root, "src", "functions")) {
  const returns = {};
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const id = /@customfunction\s+(\S+)/.exec(block)?.[1];
      if (id === undefined) continue;
      const text = /@returns?\s+([\s\S]*?)(?=\n\s*\*\s*@|\*\/)/.exec(block)?.[1];
      if (text !== undefined)
        returns[id.toUpperCase()] = text
          .replace(/\n\s*\*\s?/g, " ")
          .replace(/\s+/g, " ")
          .trim();
    }
  }
  return returns;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Escapes text for a Markdown table cell. */
function cell(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A value as typed in a formula: text quoted, numbers as is, booleans in capitals. */
function literal(value) {
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "";
  return String(value);
}

/** A value as a cell shows it. */
function shown(value) {
  if (value === null || value === undefined || value === "") return "";
  return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
}

function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A block of cells as a sheet excerpt: column letters from `firstCol`, row numbers from `firstRow`. */
function sheetExcerpt(grid, firstRow = 1, firstCol = 0) {
  const width = Math.max(...grid.map((r) => r.length));
  const lines = [`|   | ${Array.from({ length: width }, (_, c) => columnName(firstCol + c)).join(" | ")} |`, `|---|${"---|".repeat(width)}`];
  grid.forEach((row, r) => lines.push(`| ${firstRow + r} | ${Array.from({ length: width }, (_, c) => cell(shown(row[c]))).join(" | ")} |`));
  return lines.join("\n");
}

const isRange = (v) => Array.isArray(v) && v.every((r) => Array.isArray(r));
const isError = (v) => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;

/** The formula of an example: ranges are laid out side by side from A1 and referred to by address. */
function exampleLayout(fn, args) {
  const trimmed = [...args];
  while (trimmed.length > 0 && (trimmed[trimmed.length - 1] === null || trimmed[trimmed.length - 1] === undefined)) trimmed.pop();
  const grid = [];
  let col = 0;
  const parts = trimmed.map((arg) => {
    if (!isRange(arg)) return literal(arg);
    const h = arg.length;
    const w = arg[0].length;
    arg.forEach((row, r) => {
      grid[r] ??= [];
      row.forEach((v, c) => (grid[r][col + c] = v));
    });
    const ref = h === 1 && w === 1 ? `${columnName(col)}1` : `${columnName(col)}1:${columnName(col + w - 1)}${h}`;
    col += w;
    return ref;
  });
  for (let r = 0; r < grid.length; r++) grid[r] = Array.from({ length: col }, (_, c) => grid[r]?.[c] ?? null);
  return { formula: `=${NAMESPACE}.${fn.id}(${parts.join(", ")})`, grid, formulaCell: `${columnName(col)}1` };
}

function renderExample(fn, example) {
  const { formula, grid, formulaCell } = exampleLayout(fn, example.args);
  const out = [`**${example.title}**`, ""];
  if (grid.length > 0) out.push(sheetExcerpt(grid), "", `In ${formulaCell}: \`${formula}\``, "");
  else out.push(`\`${formula}\``, "");
  if (isError(example.result)) {
    out.push(`Result: \`${example.result.error}\` with the message \`${example.result.message}\``);
  } else if (Array.isArray(example.result)) {
    const first = /^([A-Z]+)1$/.exec(formulaCell)[1];
    const firstCol = [...first].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    out.push(`Result, spilled from ${formulaCell}:`, "", sheetExcerpt(example.result, 1, firstCol));
  } else {
    out.push(`Result: \`${shown(example.result)}\``);
  }
  return out.join("\n");
}

function renderFunction(fn, returns, examples) {
  const name = `${NAMESPACE}.${fn.id}`;
  const syntax = `=${name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const spills = fn.result?.dimensionality === "matrix";
  const out = [`## ${name}`, "", fn.description ?? "", "", "**Syntax**", "", "```", syntax, "```", ""];
  if (fn.parameters.length > 0) {
    out.push("| Argument | | Takes | Description |", "|---|---|---|---|");
    for (const p of fn.parameters) {
      out.push(
        `| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${p.dimensionality === "matrix" ? "a range" : "a value"} | ${cell(p.description ?? "")} |`,
      );
    }
    out.push("");
  }
  const sentence = returns === undefined ? "" : `${returns.replace(/\.$/, "")}. `;
  const kind = spills ? "It spills from the formula's cell (a dynamic array)." : sentence === "" ? "A single value." : "";
  out.push(`**Returns** ${sentence}${kind}`.trimEnd(), "");
  if (examples.length > 0) {
    out.push(examples.length === 1 ? "**Example**" : "**Examples**", "");
    for (const example of examples) out.push(renderExample(fn, example), "");
  }
  return out.join("\n");
}

const CONVENTIONS = `## Conventions

The same in every function, model sheet and template.

- **Net debt** is third-party financial debt less cash. It **excludes shareholder loans**.
- **Equity value** = enterprise value − net debt − other claims. It is everything shareholders
  hold, shares **and** shareholder loans. **Share equity** = equity value − shareholder loans (at
  face value). **Other claims** are minorities, preferred equity held by third parties and
  debt-like items, net of non-operating assets.
- A **stake** is a fraction of the whole equity: the same fraction of the shares and of the
  shareholder loans changes hands. Price = stake × equity value × (1 + premium); the loans change
  hands at face value and the shares take the rest, premium or discount included.
- **Basis, net debt and other claims.** A valuation is read on its \`basis\` (\`"EQUITY"\` by
  default, or \`"EV"\`); IMPLIEDVALUE's \`output\` is the basis of its result. Where the result
  uses net debt (the \`"EV"\` basis or output, and DEALVIEW always, since it shows both the EV and
  the equity value) \`net_debt\` is **required**: an empty cell is not read as 0, so a company with
  debt is never valued as if it had none; type 0 when there is none. Where the result does not use
  them (the \`"EQUITY"\` basis of STAKEVALUE, the \`"EQUITY"\` output of IMPLIEDVALUE) a non-zero
  \`net_debt\` or \`other_claims\` is an **error**, never silently ignored (a 0 is accepted: it
  changes nothing). \`component\` (STAKEVALUE) picks one part of one price: the same arguments
  describe the deal for TOTAL, SHARES and LOANS, and are checked the same for each.
- **Odd but computable results are returned, not refused.** Net debt above the EV gives a negative
  equity value and a negative price (\`=CAPTABLE.STAKEVALUE(50%, 100, "EV", 120)\` is -10); a stake
  of 0% is priced 0. These are the bridge's own arithmetic, visible as such, and refusing them
  would break a sensitivity table that crosses them; a function cannot show a warning beside a
  number, so the model sheets and the taskpane do (a note under the inputs, a warning beside the
  field), from the same checks. Inputs that never make sense are errors: a stake outside 0%–100%,
  a premium of -100% or less, a capacity of 0, more shares sold than the seller holds.
- **Argument order.** The functions of a stake share one order: stake (or price and stake),
  valuation, basis, net debt, shareholder loans, other claims, premium, then the optional extra
  (STAKEVALUE's component, DEALVIEW's capacity).
- **Percentages are fractions**, as Excel stores them: 50% is 0.5 (type \`50%\` or \`0.5\`). Amounts
  are in whatever unit you work in (EUR, EUR m, ...), the same unit throughout a formula.
- **Exact maths.** Every figure is computed in decimal at 40 significant digits; it becomes a
  double only in the cell. \`=CAPTABLE.ENTERPRISEVALUE(0.1, 0.2)\` is 0.3, not 0.30000000000000004.
- **Share rounding** is explicit: shares created by a function are rounded **down** to whole shares
  by default, as subscription documents do; \`"UP"\`, \`"NEAREST"\` or \`"NONE"\` (exact, fractional)
  on request. Prices per share are not rounded.
- **Keywords** (\`"EV"\`, \`"EQUITY"\`, \`"SHARES"\`, \`"DOWN"\`, ...) ignore case, accents and extra
  spaces; their French spellings are accepted too.
- **Ranges**: holders and their shares sit in two ranges of the same size, a column or a row each;
  rows where both cells are empty are skipped, so a range may keep blank rows for holders to come.
- **Tables with a header row** (WATERFALL's \`classes\`, PRICEDROUND's \`instruments\`, ...) are read
  by header, in any column order, ignoring case, accents and extra spaces, in English or French
  (\`"Cap"\` or \`"Plafond"\`); optional columns may be left out. A header that is not recognised is
  never dropped silently. A **near miss** of a column the table lacks is an error naming both
  (\`classes: column "Caps" is not one this function reads: did you mean "Cap"?\`): the same letters
  once case, accents, spaces, punctuation, a unit in brackets and a final S are set aside
  (\`"Caps"\`, \`"Cap (x)"\`), or one typo away (a letter added, dropped, changed or two swapped) from
  a header of 5 letters or more, two from 9 letters. Any **other column** (a note, a total, cells
  under a blank header) is listed in the result's last row, "Columns not read (header not
  recognised)", and not read; EXITFORTARGET, which returns one number, says so in its help
  instead. A blank header over an empty column is nothing.
- **Errors** name the argument and the rule, in the cell's error message: \`#VALUE!\` for an input
  that breaks a rule ("stake must be between 0% and 100%, got 130%", text where a number belongs,
  an unknown holder, ranges of different sizes, and also valid inputs with no result: all shares
  zero, a result beyond what a cell can hold). \`#VALUE!\` rather than \`#NUM!\` because Excel
  shows a custom function's message only on \`#VALUE!\` and \`#N/A\`. No function returns NaN or Infinity. An error
  in an argument passes through unchanged.
- **Function IDs** (\`CAPTABLE.STAKEVALUE\`, ...) are stored in your workbooks; they never change.
`;

/**
 * Which argument selects each convention: one row per convention, hand-written. To add a convention,
 * add one line: [convention, choices (default first, in bold), what selects it (an argument in
 * backticks, or a column of a table argument), functions]. test/docsConventions.test.ts checks that
 * every optional argument whose help states a default keyword is listed here.
 */
export const CONVENTION_ROWS = [
  [
    "Valuation basis",
    "**EQUITY** (equity value incl. shareholder loans), EV (enterprise value)",
    "`basis`; `output` for IMPLIEDVALUE",
    "STAKEVALUE, DEALVIEW, IMPLIEDVALUE",
  ],
  [
    "Net debt on the valuation basis",
    "required on EV (an empty cell is not 0: type 0 for none); on EQUITY `net_debt` and `other_claims` must be empty or 0, else an error; DEALVIEW always requires net debt (it shows both values)",
    "`net_debt`, `other_claims` with `basis` (`output` for IMPLIEDVALUE)",
    "STAKEVALUE, DEALVIEW, IMPLIEDVALUE",
  ],
  ["Part of a stake's price", "**TOTAL**, SHARES, LOANS (shareholder loans at face value)", "`component`", "STAKEVALUE"],
  ["Premium or discount on a stake", "**0** (pro rata value), a fraction above -100%", "`premium`", "STAKEVALUE, IMPLIEDVALUE, DEALVIEW"],
  ["Share rounding", "**DOWN** (whole shares), UP, NEAREST, NONE (exact)", "`rounding`", "PRIMARYSHARES, PRIMARY, PRICEDROUND, SAFE, CONVERTNOTE"],
  [
    "Price per share",
    "never rounded; a round's price = pre-money / rounded pre-money fully diluted shares",
    "fixed",
    "PRICEPERSHARE, PRIMARY, PRICEDROUND",
  ],
  ["Valuation cap of one SAFE", "**POST** (post-money cap / Company Capitalization, YC), PRE (pre-money cap)", "`basis`", "SAFE"],
  [
    "Capitalization of one SAFE",
    "**INCLUDING** this SAFE's own shares (default for POST: the YC post-money SAFE's Company Capitalization), **EXCLUDING** them (default for PRE)",
    "`capitalization_basis`",
    "SAFE",
  ],
  [
    "Instrument type (its cap basis) in a round",
    "**SAFE** (post-money), PRE SAFE (pre-money), NOTE (pre-money cap, principal + interest)",
    "Type column of `instruments`",
    "PRICEDROUND",
  ],
  [
    "Cap basis of a SAFE or note in a round (what its cap is divided by)",
    "EXISTING (shares, options and pool before the round), POOL (+ the pool increase), CONVERTIBLES (+ the converting instruments' shares), ALL (both); **CONVERTIBLES for a SAFE (post-money), POOL for a PRE SAFE or NOTE**; the basis used is shown on each instrument's line",
    "Cap basis column of `instruments`",
    "PRICEDROUND",
  ],
  ["Most favoured nation", "**no**, yes (the best terms of the instruments listed after it)", "MFN column of `instruments`", "PRICEDROUND"],
  [
    "Pool top-up",
    "**none**, a target share of post-money, a fixed number of shares; counted in the pre-money (pool shuffle)",
    "`pool_target` or `pool_increase`",
    "PRICEDROUND",
  ],
  [
    "Pool target basis",
    "**UNISSUED** (unissued pool), TOTAL (granted and promised options in `option_rows` + unissued)",
    "`pool_basis`, `option_rows`",
    "PRICEDROUND",
  ],
  [
    "Which holder is the unissued pool",
    "**the one holder whose name is a recognised pool name** (English or French: Option pool, Unissued option pool, ESOP, Employee pool, Pool d'options, BSPCE…; compared without case, accents, spaces or punctuation), or the holder named; two such holders, or none with a pool top-up, is an error naming `pool_row` (no pool is created unasked); the row taken and how is shown",
    "`pool_row`",
    "PRICEDROUND",
  ],
  ["Day count of a note", "**ACT/365**, ACT/360, 30/360", "`day_count`; Day count column of `instruments`", "CONVERTNOTE, PRICEDROUND"],
  [
    "Dates of a 30/360 count",
    "read in **the workbook's date system** (1900, or 1904 for old Mac workbooks: the same day number is 4 years and a day later there). When both systems give the same count (most dates), the result comes at once; otherwise the function asks Excel which system the workbook uses (DATE(1904,1,1), through the Excel JavaScript API) and the result comes when it answers; no answer (within 10 seconds) is #VALUE! naming `day_count`, never a guess, and recalculating asks again. ACT/365 and ACT/360 count the days between the dates, the same in both",
    "fixed",
    "CONVERTNOTE, PRICEDROUND, PREFACCRUED",
  ],
  [
    "Interest compounding of a note",
    "**SIMPLE**, ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY, DAILY",
    "`compounding`; Compounding column of `instruments`",
    "CONVERTNOTE, PRICEDROUND",
  ],
  [
    "Anti-dilution method",
    "**BROAD** (weighted average, every share), NARROW (preferred only), RATCHET (full ratchet); NONE in a round",
    "`method`; Method column of `antidilution`",
    "ANTIDILUTION, PRICEDROUND",
  ],
  ["Anti-dilution A (shares outstanding)", "**by the method**, or the charter's own count", "`shares_outstanding`", "ANTIDILUTION"],
  [
    "Anti-dilution inside a round",
    "**none**; the classes given are adjusted and their shares join the pre-money, solved with the price",
    "`antidilution`",
    "PRICEDROUND",
  ],
  [
    "Share counts compared",
    "equal within a relative tolerance of 1e-12 of the larger count (SHARE_TOLERANCE), so counts typed as formulas (`=20000000/price`) add up to their class; more than that is an error",
    "fixed",
    "WATERFALL, TENDER",
  ],
  [
    "Participation of preferred",
    "**NONE** (non-participating), FULL (participating), CAPPED (a Cap column alone means CAPPED)",
    "Participation and Cap columns of `classes`",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Liquidation preference",
    "**0x** (common); multiple x invested capital",
    "Preference and Invested columns of `classes`",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Seniority",
    "**1** for every class (all pari passu); rank 1 is paid first, equal ranks pro rata to their preferences",
    "Seniority column of `classes`",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Convert or keep the preference",
    "the equilibrium (no class gains by switching alone; an indifferent class keeps its preference)",
    "fixed",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Options and warrants at exit",
    "exercised when the residual per share exceeds the strike, paid net of it",
    "Strike column of `classes`",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Proceeds to equity at exit",
    "exit value − net debt − other claims − transaction costs, floored at 0 (all **0** by default)",
    "`net_debt`, `other_claims`, `transaction_costs`",
    "WATERFALL, BREAKPOINTS, EXITFORTARGET",
  ],
  [
    "Several exit values",
    "one row per exit value, one column per class (per holder with `holdings`), then Converts",
    "`exit_value` as a range",
    "WATERFALL",
  ],
  ["Target of a solver", "**MULTIPLE** (on invested capital), PAYOUT (an amount)", "`target_type`", "EXITFORTARGET"],
  [
    "Invested capital of a holder",
    "**its share of each class's Invested, pro rata to its shares**, or the amount given",
    "`invested`",
    "EXITFORTARGET",
  ],
  ["Dilution before the exit (VC method)", "**retention 100%** (none), or the fraction kept", "`retention`", "VCMETHOD"],
  ["Fully diluted shares", "**TSM** (treasury stock method), ALL (every option in full)", "`method`", "FDSHARES"],
  [
    "Empty cells that arrive as 0 (some Excel builds)",
    "read as empty where 0 cannot be a value (a name, a keyword, an optional number that must be above 0, an optional table, a row of blanks and zeros); a 0 stays 0 where 0 is a value (shares, amounts, rates, net debt)",
    "fixed",
    "every function",
  ],
  [
    "Names (holders, classes, pool row, `who`)",
    'matched trimmed and case-insensitive, one character against one character, as Excel\'s MATCH and XLOOKUP do: "Straße" = "STRAẞE", "Straße" ≠ "Strasse", accents count',
    "fixed",
    "every function",
  ],
  [
    "A result text longer than a cell holds",
    'cut to Excel\'s 32,767 characters on a whole character, ending with "… (truncated)" (never cut silently)',
    "fixed",
    "every function",
  ],
  [
    "Dated returns (IRR, NPV)",
    "Excel's XIRR / XNPV: actual/365 from the first flow's date, dates truncated to days, none before the first; the IRR is the exact root (Newton from `guess`, default 10%, then a bracketed search)",
    "fixed",
    "DEALIRR, DEALNPV, DEALRETURNS, IRRGRID",
  ],
  [
    "What a locked-box ticker accrues on",
    "**EQUITY** (the whole equity price, loans included), SHARES (the price less the loans, which accrue their own interest); simple interest, actual/365; shown in the result",
    "`ticker_base`",
    "LOCKEDBOX",
  ],
  ["PIK interest compounding", "**ANNUAL**, SEMIANNUAL, QUARTERLY, MONTHLY, DAILY, SIMPLE; actual/365, as a note", "`compounding`", "PIKACCRUED"],
  [
    "Cross term of a value bridge",
    "**SEPARATE** (its own row), EBITDA (growth at the exit multiple), MULTIPLE (change on the exit EBITDA); shown in the result",
    "`cross_term`",
    "VALUEBRIDGE",
  ],
  [
    "Comps multiple and capacity basis",
    "**EV/EBITDA**, EV/MW (one capacity basis at a time: `basis` is required when the comps mix them); deals without the metric are left out and counted; quartiles as QUARTILE.INC",
    "`metric`, `basis`",
    "COMPSTATS",
  ],
  [
    "Preferred cumulative dividend",
    "compounding **ANNUAL**, SEMIANNUAL, QUARTERLY, MONTHLY, DAILY, SIMPLE; day count **ACT/365**, ACT/360, 30/360 (US, as DAYS360): the agreements differ on both",
    "`compounding`, `day_count`",
    "PREFACCRUED",
  ],
  [
    "What a management ratchet's higher share applies to",
    "**EXCESS** (the equity above each hurdle), TOTAL (all the equity once a hurdle is met); hurdles on the investors' multiple and/or IRR (actual/365) become exit equities; shown in the result",
    "`basis`",
    "RATCHET",
  ],
];

function conventionTable() {
  return [
    "### Which argument selects each convention",
    "",
    'Defaults in bold. "fixed" means no argument changes it.',
    "",
    "| Convention | Choices | Selected by | Functions |",
    "|---|---|---|---|",
    ...CONVENTION_ROWS.map((r) => `| ${r.map((x) => x.replace(/\|/g, "\\|")).join(" | ")} |`),
    "",
  ].join("\n");
}

/** The whole document. */
export function render(metadata, returns, examples) {
  const functions = metadata.functions;
  const out = [
    "# CAPTABLE functions",
    "",
    "<!-- Generated by `npm run docs` (scripts/gen-function-docs.mjs) from dist/functions.json, the JSDoc",
    "     `@returns` lines and docs/function-examples.json. Do not edit: change the source and run npm run docs. -->",
    "",
    `${functions.length} functions, in the \`${NAMESPACE}\` namespace. Optional arguments are in brackets; leave`,
    'them out, or leave them empty between commas (`=CAPTABLE.STAKEVALUE(50%, 860000000, "EV", B2, B3, , , "SHARES")`).',
    "",
    "| Function | What it does |",
    "|---|---|",
    ...functions.map((f) => `| [${NAMESPACE}.${f.id}](#${`${NAMESPACE}${f.id}`.toLowerCase()}) | ${cell(f.description ?? "")} |`),
    "",
    CONVENTIONS,
    conventionTable(),
  ];
  for (const fn of functions) out.push(renderFunction(fn, returns[fn.id.toUpperCase()], examples[fn.id] ?? []));
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/** Reads the inputs from the repository and renders the document. */
export function generate({ dist = path.join(root, "dist") } = {}) {
  const metadata = readJson(path.join(dist, "functions.json"), "run `npm run build` first");
  const { examples } = readJson(path.join(root, "docs", "function-examples.json"), "it holds the examples of docs/functions.md");
  const undeclared = Object.keys(examples).filter((id) => !metadata.functions.some((f) => f.id === id));
  if (undeclared.length > 0) throw new Error(`docs/function-examples.json has examples of functions that do not exist: ${undeclared.join(", ")}`);
  const missing = metadata.functions.filter((f) => (examples[f.id] ?? []).length === 0).map((f) => f.id);
  return { markdown: render(metadata, readReturns(), examples), missing };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const { markdown, missing } = generate();
    if (missing.length > 0) console.error(`No example yet in docs/function-examples.json for: ${missing.join(", ")}`);
    if (process.argv.includes("--stdout")) {
      process.stdout.write(markdown);
    } else {
      const target = path.join(root, "docs", "functions.md");
      fs.writeFileSync(target, markdown);
      console.log(`Wrote ${path.relative(process.cwd(), target)}`);
    }
  } catch (error) {
    console.error(`npm run docs: ${error.message}`);
    process.exit(1);
  }
}
