/**
 * Bugs the fuzzer (test/hardening/fuzz.test.ts) found, each pinned by a regression test through the
 * functions as Excel calls them.
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";

/** A data-type value, as Excel passes one to an `any` argument when allowCustomDataForDataTypeAny is on. */
const ENTITY = { type: "Entity", text: "OpCore", properties: {} };

describe("a data-type cell (an object) is described in words, never as [object Object]", () => {
  test("WATERFALL / BREAKPOINTS / ANTIDILUTION: a header row holding a data-type value", () => {
    const classes = [
      ["Class", ENTITY, "Invested"],
      ["Series A", 100, 50],
    ];
    for (const call of [() => f.waterfallFn(classes, [[1000]]), () => f.breakpointsFn(classes), () => f.antiDilutionFn(classes, 1, 10)]) {
      const e = cellError(call);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/^classes must have .*"Shares".* in its header row, found "Class", a value of an unsupported kind, "Invested"$/);
      expect(e.message).not.toContain("[object");
    }
  });

  test("PRICEDROUND: pool_row given a data-type value or a logical value", () => {
    const call = (pool_row: unknown) => () =>
      f.pricedRoundFn([["Founders"], ["ESOP"]], [[800], [100]], 2000, [["Fund", 500]], null, undefined, null, pool_row, null);
    expect(cellError(call(ENTITY))).toEqual({ code: "#VALUE!", message: "pool_row must be a text, got a value of an unsupported kind" });
    expect(cellError(call(true))).toEqual({ code: "#VALUE!", message: "pool_row must be a text, got the logical value TRUE" });
    expect(cellError(call("Nobody"))).toEqual({ code: "#VALUE!", message: 'pool_row must be one of the holders, got "Nobody"' });
    expect(
      Array.isArray(f.pricedRoundFn([["Founders"], ["ESOP"]], [[800], [100]], 2000, [["Fund", 500]], null, undefined, null, [["ESOP"]], null)),
    ).toBe(true);
  });

  test("TENDER: a seller or the buyer given a data-type value", () => {
    const holders = [["Founders"], ["Angel"]];
    const shares = [[800], [100]];
    expect(cellError(() => f.tenderFn(holders, shares, [["Founders"], [ENTITY]], [[10], [5]], "Fund", 2, null))).toEqual({
      code: "#VALUE!",
      message: "sellers (cell 2) must be a text, got a value of an unsupported kind",
    });
    expect(cellError(() => f.tenderFn(holders, shares, [["Founders"]], [[10]], ENTITY, 2, null))).toEqual({
      code: "#VALUE!",
      message: "buyer must be a text, got a value of an unsupported kind",
    });
    // Still accepted: names as texts or numbers, the buyer as a 1x1 range.
    const table = f.tenderFn(holders, shares, [["Founders"]], [[10]], [["Fund"]], 2, null) as unknown[][];
    expect(table.map((r) => r[0])).toEqual(expect.arrayContaining(["Founders", "Angel", "Fund"]));
  });
});
