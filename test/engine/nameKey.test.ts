/**
 * Names compare as Excel's lookups compare them (issue 13, item 12): case-insensitive, one character
 * against one character. "Straße" and "Strasse" are two holders (JavaScript's full case mapping made
 * them one: "ß".toUpperCase() is "SS"); "Straße" and "STRASSE" too; "Straße" and "STRAẞE" are one.
 */
import fc from "fast-check";
import { Decimal, holderKey, nameKey, validateCapTable } from "../../src/engine";
import * as f from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsRuntime";

const codePoints = (s: string) => [...s].length;

describe("nameKey: the one name comparison", () => {
  test("ß is not SS; the capital ẞ is ß; case and surrounding spaces do not count", () => {
    expect(nameKey("Straße")).not.toBe(nameKey("Strasse"));
    expect(nameKey("Straße")).not.toBe(nameKey("STRASSE"));
    expect(nameKey("Straße")).toBe(nameKey("STRAẞE"));
    expect(nameKey("  straße ")).toBe(nameKey("Straße"));
    expect(nameKey("Élodie")).toBe(nameKey("élodie"));
    expect(nameKey("Élodie")).not.toBe(nameKey("Elodie"));
    expect(nameKey("ﬁnance")).not.toBe(nameKey("FINANCE"));
    expect(holderKey("Straße")).toBe(nameKey("Straße"));
  });

  test("one character for one: the key never changes a name's length, and ASCII compares as Excel does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (s) => {
        expect(codePoints(nameKey(s))).toBe(codePoints(s.trim()));
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 12 }), fc.string({ unit: "grapheme-ascii", maxLength: 12 }), (a, b) => {
        expect(nameKey(a) === nameKey(b)).toBe(a.trim().toUpperCase() === b.trim().toUpperCase());
      }),
    );
  });

  test("every function's name comparison: two holders, two classes, the pool row, a solver's who", () => {
    const table = validateCapTable([
      { holder: "Straße", shares: new Decimal(1) },
      { holder: "Strasse", shares: new Decimal(2) },
    ]);
    expect(table).toHaveLength(2);
    expect(() =>
      validateCapTable([
        { holder: "Straße", shares: new Decimal(1) },
        { holder: "STRAẞE", shares: new Decimal(2) },
      ]),
    ).toThrow(/appears more than once/);
    // SECONDARY: the seller "Strasse" is not "Straße".
    const t = f.secondaryFn([["Straße"], ["Strasse"]], [[100], [50]], "Strasse", "Buyer", 10) as unknown[][];
    expect(t.find((r) => r[0] === "Straße")?.[3]).toBe(100);
    expect(t.find((r) => r[0] === "Strasse")?.[3]).toBe(40);
    // WATERFALL: two classes, not one class twice.
    const w = f.waterfallFn(
      [
        ["Class", "Shares"],
        ["Straße", 10],
        ["Strasse", 30],
      ],
      [[100]],
    ) as unknown[][];
    expect(w.filter((r) => r[0] === "Straße" || r[0] === "Strasse").map((r) => r[4])).toEqual([25, 75]);
    // PRICEDROUND: the pool row named "Strasse pool" is that row, never "Straße pool".
    const p = f.pricedRoundFn(
      [["Straße pool"], ["Strasse pool"]],
      [[100], [900]],
      1e3,
      [["VC", 100]],
      null,
      null as never,
      null,
      "Strasse pool",
    ) as unknown[][];
    expect(p.find((r) => r[0] === "Option pool row")?.[1]).toBe("Strasse pool");
    try {
      f.exitForTargetFn(
        [
          ["Class", "Shares", "Invested"],
          ["Straße", 10, 10],
          ["Strasse", 10, 10],
        ],
        "STRASSE",
        2,
      );
    } catch (e) {
      if (!(e instanceof CustomFunctionsError)) throw e;
      expect(e.message).not.toMatch(/both/);
    }
  });
});
