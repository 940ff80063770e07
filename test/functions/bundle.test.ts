/**
 * The BUILT custom-functions bundle, used as Excel uses it: dist/functions.js (webpack output,
 * production mode) is run in a fresh JS context holding only a stand-in `CustomFunctions` runtime;
 * every function declared in the generated dist/functions.json must be associated, and calls go
 * through that registry with cell-shaped arguments. `npm test` builds before running Jest.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { CustomFunctionsError, createCustomFunctionsStub } from "../support/customFunctionsRuntime";

const dist = path.resolve(__dirname, "../../dist");

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}

function loadBundle() {
  const stub = createCustomFunctionsStub();
  // A bare context: no Node globals, no DOM, as in Excel's JavaScript-only runtime.
  const context = vm.createContext({ CustomFunctions: stub, console });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return stub;
}

function call(stub: ReturnType<typeof createCustomFunctionsStub>, id: string, ...args: unknown[]): unknown {
  const fn = stub.registry.get(id);
  if (fn === undefined) throw new Error(`${id} is not associated`);
  return fn(...args);
}

function errorOf(fn: () => unknown): CustomFunctionsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw new Error(`expected CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected an error");
}

describe("built bundle (dist/functions.js + dist/functions.json)", () => {
  const metadata: { functions: FunctionMetadata[] } = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const stub = loadBundle();

  test("the metadata declares the issue's functions, with help for every argument", () => {
    const ids = metadata.functions.map((m) => m.id).sort();
    expect(ids).toEqual(
      [
        "DEALVIEW",
        "ENTERPRISEVALUE",
        "EQUITYVALUE",
        "EVPERUNIT",
        "IMPLIEDEV",
        "IMPLIEDVALUE",
        "OWNERSHIP",
        "POSTMONEY",
        "PRICEPERSHARE",
        "PRIMARY",
        "PRIMARYSHARES",
        "SECONDARY",
        "STAKEVALUE",
        // Venture cap tables (issue 5)
        "ANTIDILUTION",
        "BREAKPOINTS",
        "FDSHARES",
        "CONVERTNOTE",
        "PRICEDROUND",
        "SAFE",
        "TENDER",
        "WATERFALL",
        // Venture solvers (issue 12)
        "EXITFORTARGET",
        "VCMETHOD",
        // Deal pricing and returns (issue 16)
        "DEALIRR",
        "DEALNPV",
        "DEALRETURNS",
        "LOCKEDBOX",
        "COMPLETIONACCOUNTS",
        "DEFERREDPV",
        "PIKACCRUED",
        "PRICESPLIT",
        "SOURCESUSES",
        "DISPOSALGAIN",
        "VALUEBRIDGE",
        "COMPSTATS",
        "IRRGRID",
        "HOLDERRETURNS",
        "PREFACCRUED",
        "RATCHET",
      ].sort(),
    );
    for (const m of metadata.functions) {
      expect(m.name).toBe(m.id);
      expect(m.description).toBeTruthy();
      for (const p of m.parameters) expect(p.description).toBeTruthy();
    }
  });

  // The bench's goal is 150 KB (bench/cases/bundle-size.ts, reported there as met or missed); this
  // test is the ceiling that fails a build when a dependency or a copied table creeps in, just above
  // the size it has. Session 6 left it at 157 KB (ceiling 160,000); session 7 brought it to 142.9 KB
  // (48.4 KB gzip): the engine's English split by area so that the history's messages stay out
  // (src/engine/messages/, -2.7 KB), one associate guard instead of 40 (-2.2 KB), the cells' value
  // errors through one helper (-0.7 KB), and decimal.js without the methods the add-in never calls
  // (scripts/decimal-trim-loader.cjs, -8.6 KB); the table functions' header check (never drop an
  // unrecognised column silently) added 1.2 KB: 144.1 KB. Reading a 30/360 count's dates in the
  // workbook's date system (src/functions/dateSystem.ts: both readings, and the question to Excel
  // when they differ, with a bound on the wait) added 2.1 KB: 146.1 KB. Hence a ceiling of 148,000 bytes.
  test("the bundle is under 148 KB and carries no zod (issue 15: the cells read numbers with typeof checks)", () => {
    const code = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(Buffer.byteLength(code)).toBeLessThan(148 * 1000);
    expect(code).not.toMatch(/\$ZodType|\$ZodCheck/);
  });

  test("the bundle keeps only the English of the engine areas its cells reach, and decimal.js without its trigonometry", () => {
    const code = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    // A cap-table history's rules (src/engine/messages/history.ts): no function replays a history.
    expect(code).not.toMatch(/results from itself|is not among the stock classes|vesting terms "/);
    // The deal area's and the returns area's are there (HOLDERRETURNS wraps a rule of the returns).
    expect(code).toMatch(/as XIRR requires/);
    // decimal.js's methods keep their names in a minified bundle: the trigonometric ones are gone
    // (scripts/decimal-trim-loader.cjs), the ones the engine calls are there.
    expect(code).not.toMatch(/\.(sine|cosine|tangent|inverseTangent|hyperbolicSine|toHexadecimal)=/);
    expect(code).toMatch(/\.naturalLogarithm=/);
    expect(code).toMatch(/\.toPower=/);
  });

  test("argument orders are the published ones", () => {
    const params = (id: string) => metadata.functions.find((m) => m.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(params("EQUITYVALUE")).toEqual(["enterprise_value", "net_debt", "[other_claims]"]);
    expect(params("ENTERPRISEVALUE")).toEqual(["equity_value", "net_debt", "[other_claims]"]);
    expect(params("STAKEVALUE").slice(0, 5)).toEqual(["stake", "valuation", "[basis]", "[net_debt]", "[shareholder_loans]"]);
    expect(params("IMPLIEDVALUE")).toEqual(["price", "stake", "[output]", "[net_debt]", "[other_claims]", "[premium]"]);
    expect(params("STAKEVALUE").slice(5)).toEqual(["[other_claims]", "[premium]", "[component]"]);
    expect(params("DEALVIEW")).toEqual([
      "stake",
      "valuation",
      "[basis]",
      "[net_debt]",
      "[shareholder_loans]",
      "[other_claims]",
      "[premium]",
      "[capacity]",
    ]);
    expect(params("OWNERSHIP")).toEqual(["shares"]);
    expect(params("PRIMARYSHARES").slice(0, 2)).toEqual(["target_stake", "shares_outstanding"]);
    expect(params("POSTMONEY")).toEqual(["pre_money", "investment"]);
    expect(params("PRICEPERSHARE")).toEqual(["pre_money", "fully_diluted_shares"]);
    expect(params("SECONDARY")).toEqual(["holders", "shares", "seller", "buyer", "shares_sold"]);
    expect(params("PRIMARY").slice(0, 5)).toEqual(["holders", "shares", "investor", "investment", "pre_money"]);
    expect(params("EVPERUNIT")).toEqual(["enterprise_value", "capacity"]);
    expect(params("IMPLIEDEV")).toEqual(["metric", "multiple"]);
  });

  test("ranges are declared as matrices and tables spill", () => {
    const fn = (id: string) => metadata.functions.find((m) => m.id === id)!;
    expect(fn("OWNERSHIP").parameters[0].dimensionality).toBe("matrix");
    expect(fn("OWNERSHIP").result.dimensionality).toBe("matrix");
    expect(fn("DEALVIEW").result.dimensionality).toBe("matrix");
    expect(fn("SECONDARY").parameters[0].dimensionality).toBe("matrix");
  });

  test("every function in functions.json is associated, and nothing else", () => {
    expect([...stub.registry.keys()].sort()).toEqual(metadata.functions.map((m) => m.id.toUpperCase()).sort());
  });

  test("calls through the registry: scalars, omitted optionals (null), ranges", () => {
    expect(call(stub, "EQUITYVALUE", 860e6, 212437519.36, null)).toBe(647562480.64);
    expect(call(stub, "STAKEVALUE", 0.5, 860e6, "EV", 212437519.36, 148250000, null, null, null)).toBe(323781240.32);
    expect(call(stub, "IMPLIEDVALUE", 323781240.32, 0.5, "EV", 212437519.36, null, null)).toBe(860e6);
    expect(call(stub, "OWNERSHIP", [[3], [1]])).toEqual([[0.75], [0.25]]);
    expect(call(stub, "PRIMARYSHARES", 0.2, 1000, null)).toBe(250);
    const view = call(stub, "DEALVIEW", 0.5, 860e6, "EV", 212437519.36, 148250000, null, null, 131) as unknown[][];
    expect(view[0]).toEqual(["", "Company (100%)", "Stake sold", "Stake retained"]);
    expect(call(stub, "SECONDARY", [["Iliad"]], [[100]], "Iliad", "InfraVia", 50)).toEqual([
      ["Holder", "Shares before", "% before", "Shares after", "% after"],
      ["Iliad", 100, 1, 50, 0.5],
      ["InfraVia", 0, 0, 50, 0.5],
    ]);
  });

  test("HOLDERRETURNS: a table in, one row per holder out; a holder without a paid flow is an error naming its rows", () => {
    const fn = metadata.functions.find((m) => m.id === "HOLDERRETURNS")!;
    expect(fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))).toEqual(["flows", "[guess]"]);
    expect(fn.parameters[0].dimensionality).toBe("matrix");
    expect(fn.result.dimensionality).toBe("matrix");
    const header = ["Holder", "Instrument", "Date", "Amount"];
    const t = call(
      stub,
      "HOLDERRETURNS",
      [header, ["Fund", "Shares", 45748, -100], ["Fund", "Loan", 46113, 10], ["Fund", "Shares", 46113, 100]],
      null,
    ) as unknown[][];
    expect(t[1]).toEqual(["Fund", 0.1, 1.1, 0, 100, 110, 10, 1, "Shares, Loan"]);
    expect(errorOf(() => call(stub, "HOLDERRETURNS", [header, ["Fund", "Shares", 45748, 100], ["Fund", "Shares", 46113, 10]], null))).toMatchObject({
      code: "#VALUE!", // a "num" failure carries its message only as #VALUE! (src/functions/excel.ts)
      message: 'flows of "Fund" (rows 2, 3): flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires',
    });
  });

  test("PREFACCRUED and RATCHET: published arguments; a ratchet's tiers read as a table, its split adds up", () => {
    const params = (id: string) => metadata.functions.find((m) => m.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(params("PREFACCRUED")).toEqual(["principal", "dividend_rate", "issue_date", "to_date", "[compounding]", "[day_count]"]);
    expect(params("RATCHET")).toEqual(["exit_equity", "management_share", "tiers", "[basis]", "[invested]", "[entry_date]", "[exit_date]"]);
    expect(call(stub, "PREFACCRUED", 100, 0.08, 45000, 45365, "SIMPLE", null)).toBe(8);
    const t = call(
      stub,
      "RATCHET",
      500,
      0.1,
      [
        ["Multiple", "Management share"],
        [2, 0.3],
      ],
      null,
      300,
      null,
      null,
    ) as unknown[][];
    expect(t[2][1]).toBe(2000 / 3); // 300 x 2 = 600 to the investors at 90%
    expect(t[3]).toEqual(["Tiers met", 0, ""]);
    expect((t[4][1] as number) + (t[5][1] as number)).toBe(500);
  });

  test("errors come back as CustomFunctions.Error with a message", () => {
    const e = errorOf(() => call(stub, "STAKEVALUE", 1.3, 100, null, null, null, null, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("stake must be between 0% and 100%, got 130%");
    expect(errorOf(() => call(stub, "OWNERSHIP", [[0]]))).toMatchObject({
      code: "#VALUE!",
      message: "shares must not all be zero: ownership needs a positive total",
    });
    expect(errorOf(() => call(stub, "SECONDARY", [["A"]], [[1]], "A", "B", 2)).message).toMatch(/^shares_sold must not exceed/);
  });
});
