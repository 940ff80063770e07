/**
 * CAPTABLE.EXITFORTARGET and CAPTABLE.VCMETHOD called as Excel calls them: tables with header rows,
 * null for omitted optionals, errors as CustomFunctions.Error naming the argument.
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";

/** What Excel passes for an omitted optional range argument. */
const OMITTED = null as unknown as unknown[][];

// Brad Feld's example (test/engine/venture/waterfall.test.ts): $10M for 50%, 1x non-participating.
const classes = [
  ["Class", "Shares", "Invested", "Preference"],
  ["Common", 1_000_000, null, null],
  ["Preferred", 1_000_000, 10_000_000, 1],
];
const holdings = [
  ["Holder", "Class", "Shares"],
  ["Founder", "Common", 1_000_000],
  ["Fund A", "Preferred", 600_000],
  ["Fund B", "Preferred", 400_000],
];

describe("CAPTABLE.EXITFORTARGET", () => {
  test("a class's multiple (the default target type), a payout, after net debt", () => {
    expect(f.exitForTargetFn(classes, "Preferred", 1.5)).toBe(30_000_000);
    expect(f.exitForTargetFn(classes, "preferred", 1, "moic")).toBe(10_000_000);
    expect(f.exitForTargetFn(classes, "Common", 4_000_000, "PAYOUT")).toBe(14_000_000);
    expect(f.exitForTargetFn(classes, [["Common"]], 4_000_000, "MONTANT", OMITTED, 2_000_000, 500_000, 100_000)).toBe(16_600_000);
  });

  test("a holder: its positions, and its share of the class's invested capital unless given", () => {
    // Fund A holds 60% of the preferred: 1.5x of $6M = $9M = 60% of the preferred's $15M, at $30M.
    expect(f.exitForTargetFn(classes, "Fund A", 1.5, null, holdings)).toBe(30_000_000);
    // Paid $5M (not its pro rata $6M): 1.8x is $9M, the same exit.
    expect(f.exitForTargetFn(classes, "Fund A", 1.8, null, holdings, null, null, null, 5_000_000)).toBe(30_000_000);
    // A class is still followed when holdings are given and the name is no holder.
    expect(f.exitForTargetFn(classes, "Preferred", 1.5, null, holdings)).toBe(30_000_000);
  });

  test("errors name the argument and the rule", () => {
    expect(cellError(() => f.exitForTargetFn(classes, "Common", 2)).message).toBe(
      'class "Common" has no invested capital, so no multiple on it: give the Invested column (or the invested argument), or a target payout',
    );
    expect(cellError(() => f.exitForTargetFn(classes, "Nobody", 2, null, holdings)).message).toBe(
      'who must be a class of the classes table or a holder of the holdings table, got "Nobody"',
    );
    expect(cellError(() => f.exitForTargetFn(classes, "Nobody", 2)).message).toBe('who must be a class of the classes table, got "Nobody"');
    expect(cellError(() => f.exitForTargetFn(classes, null, 2)).message).toBe("who is required, got an empty cell");
    expect(cellError(() => f.exitForTargetFn(classes, "Preferred", 2, "IRR")).message).toMatch(/^target_type must be one of "MULTIPLE", /);
    expect(cellError(() => f.exitForTargetFn(classes, "Preferred", 0)).message).toBe("target must be greater than 0, got 0");
    expect(cellError(() => f.exitForTargetFn(classes, "Preferred", 2, "PAYOUT", OMITTED, null, null, null, 5)).message).toBe(
      'invested must be empty when target_type is "PAYOUT": it is the base of a multiple',
    );
    expect(cellError(() => f.exitForTargetFn(classes, "Preferred", 2, null, OMITTED, null, null, null, 5)).message).toBe(
      "invested must be empty when who is a class: the class's Invested column is the base of its multiple",
    );
    const clash = [
      ["Holder", "Class", "Shares"],
      ["Preferred", "Preferred", 1_000_000],
    ];
    expect(cellError(() => f.exitForTargetFn(classes, "Preferred", 2, null, clash)).message).toBe(
      'who names both a class and a holder ("Preferred"): leave holdings empty to follow the class',
    );
  });
});

describe("CAPTABLE.VCMETHOD", () => {
  test("post-money = exit value x retention / multiple; ownership today = investment / post-money", () => {
    expect(f.vcMethodFn(100_000_000, 10, 2_000_000, 0.8)).toEqual([
      ["", "VC method"],
      ["Post-money valuation", 8_000_000],
      ["Pre-money valuation", 6_000_000],
      ["Ownership needed today", 0.25],
      ["Ownership needed at exit", 0.2],
      ["Retention ratio", 0.8],
      ["Value of the stake at exit", 20_000_000],
    ]);
    expect(f.vcMethodFn(100_000_000, 10, 2_000_000)[3]).toEqual(["Ownership needed today", 0.2]);
  });

  test("errors", () => {
    expect(cellError(() => f.vcMethodFn(100, 10, 20)).message).toBe(
      "the investor would need 200% of the company today (100% or more): raise the exit value or the retention, or lower the target multiple or the investment",
    );
    expect(cellError(() => f.vcMethodFn(100, 10, 1, 0)).message).toBe("retention must be greater than 0% and at most 100%, got 0%");
    expect(cellError(() => f.vcMethodFn(100, -1, 1)).message).toBe("target_multiple must be greater than 0, got -1");
  });
});
