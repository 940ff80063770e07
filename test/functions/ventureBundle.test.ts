/**
 * The venture functions in the BUILT bundle (dist/functions.js + dist/functions.json), called through the
 * stand-in runtime's registry as Excel calls them. `npm test` builds before running Jest.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { CustomFunctionsError, createCustomFunctionsStub } from "../support/customFunctionsRuntime";

const dist = path.resolve(__dirname, "../../dist");

interface FunctionMetadata {
  id: string;
  parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

const metadata: { functions: FunctionMetadata[] } = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
const stub = createCustomFunctionsStub();
vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), vm.createContext({ CustomFunctions: stub, console }), {
  filename: "functions.js",
});

function call(id: string, ...args: unknown[]): unknown {
  const fn = stub.registry.get(id);
  if (fn === undefined) throw new Error(`${id} is not associated`);
  const meta = metadata.functions.find((m) => m.id === id)!;
  const padded = [...args];
  while (padded.length < meta.parameters.length) padded.push(null); // Excel passes null for omitted optionals
  return fn(...padded);
}

const fn = (id: string) => metadata.functions.find((m) => m.id === id)!;
const params = (id: string) => fn(id).parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));

describe("venture functions in the built bundle", () => {
  test("published argument orders, ranges as matrices, tables spill", () => {
    expect(params("PRICEDROUND")).toEqual([
      "holders",
      "shares",
      "pre_money",
      "investors",
      "[pool_target]",
      "[instruments]",
      "[rounding]",
      "[pool_row]",
      "[pool_increase]",
      "[pool_basis]",
      "[option_rows]",
      "[antidilution]",
    ]);
    expect(params("SAFE")).toEqual([
      "investment",
      "cap",
      "discount",
      "round_price",
      "[capitalization]",
      "[basis]",
      "[rounding]",
      "[capitalization_basis]",
    ]);
    expect(params("CONVERTNOTE").slice(0, 5)).toEqual(["principal", "interest_rate", "start_date", "conversion_date", "round_price"]);
    expect(params("ANTIDILUTION")).toEqual(["classes", "new_price", "new_shares", "[method]", "[shares_outstanding]"]);
    expect(params("WATERFALL")).toEqual(["classes", "exit_value", "[net_debt]", "[transaction_costs]", "[holdings]", "[other_claims]"]);
    expect(params("BREAKPOINTS")).toEqual(["classes", "[net_debt]", "[transaction_costs]", "[other_claims]"]);
    expect(params("FDSHARES")).toEqual(["basic_shares", "options", "strikes", "share_price", "[method]"]);
    expect(params("TENDER")).toEqual(["holders", "shares", "sellers", "shares_sold", "buyer", "price", "[round_price]"]);
    for (const id of ["PRICEDROUND", "SAFE", "CONVERTNOTE", "ANTIDILUTION", "WATERFALL", "BREAKPOINTS", "TENDER"])
      expect(fn(id).result.dimensionality).toBe("matrix");
    expect(fn("FDSHARES").result.dimensionality ?? "scalar").toBe("scalar");
    expect(params("EXITFORTARGET")).toEqual([
      "classes",
      "who",
      "target",
      "[target_type]",
      "[holdings]",
      "[net_debt]",
      "[transaction_costs]",
      "[other_claims]",
      "[invested]",
    ]);
    expect(params("VCMETHOD")).toEqual(["exit_value", "target_multiple", "investment", "[retention]"]);
    expect(fn("EXITFORTARGET").result.dimensionality ?? "scalar").toBe("scalar");
    expect(fn("VCMETHOD").result.dimensionality).toBe("matrix");
    expect(fn("WATERFALL").parameters[1].dimensionality).toBe("matrix");
    expect(fn("PRICEDROUND").parameters[5].dimensionality).toBe("matrix");
    for (const m of ["PRICEDROUND", "SAFE", "CONVERTNOTE", "ANTIDILUTION", "WATERFALL", "BREAKPOINTS", "FDSHARES", "TENDER"]) {
      for (const p of fn(m).parameters) expect(p.type).toBe("any");
    }
  });

  test("calls through the registry", () => {
    const classes = [
      ["Class", "Shares", "Invested", "Preference"],
      ["Common", 1_000_000, null, null],
      ["Preferred", 1_000_000, 10_000_000, 1],
    ];
    expect(call("WATERFALL", classes, [[14_000_000], [30_000_000]])).toEqual([
      ["Exit value", "Proceeds to equity", "Common", "Preferred", "Converts"],
      [14_000_000, 14_000_000, 4_000_000, 10_000_000, "None"],
      [30_000_000, 30_000_000, 15_000_000, 15_000_000, "Preferred"],
    ]);
    expect(call("BREAKPOINTS", classes)).toEqual([
      ["Exit value", "Proceeds to equity", "Residual per share", "Event"],
      [10_000_000, 10_000_000, 0, "Preference paid in full: Preferred"],
      [20_000_000, 20_000_000, 10, "Preferred converts to common"],
    ]);
    const round = call(
      "PRICEDROUND",
      [["Founders"], ["Options outstanding"], ["Promised options"], ["Option pool"]],
      [[9_250_000], [300_000], [350_000], [100_000]],
      15_000_000,
      [["Series A", 5_000_000]],
      null,
      [
        ["Holder", "Amount", "Cap"],
        ["Investor A", 200_000, 4_000_000],
        ["Investor B", 800_000, 8_000_000],
      ],
      null,
      null,
      1_695_000,
    ) as unknown[][];
    expect(round.find((r) => r[0] === "Investor A")![2]).toBe(588_235);
    expect(round.find((r) => r[0] === "Company capitalization (post-money SAFE)")![1]).toBe(11_764_705);
    expect(call("FDSHARES", 10_000_000, [[1_000_000]], [[2]], 10)).toBe(10_800_000);
  });

  test("errors come back as CustomFunctions.Error with a message", () => {
    try {
      call(
        "WATERFALL",
        [
          ["Class", "Shares"],
          ["A", -1],
        ],
        [[1]],
      );
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(CustomFunctionsError);
      expect((e as CustomFunctionsError).code).toBe("#VALUE!");
      expect((e as CustomFunctionsError).message).toBe('classes: Shares of "A" must not be negative, got -1');
    }
  });
});
