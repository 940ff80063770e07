/**
 * The fast paths added for `npm run bench` give exactly what the paths they shortcut give:
 * - readNumber accepts exactly the values the zod schema accepts, and reads them to the same Decimal;
 * - readChoice's canonical-spelling shortcut: every keyword is its own choiceKey;
 * - OWNERSHIP of whole share counts, in doubles, equals the exact decimal path to the last bit;
 * - the engine's skipped no-op operations (- 0, x (1 + 0)) and STAKEVALUE's price-only path change no figure;
 * - FDSHARES' fast path (plain numbers, no general readers, the count alone) gives the checked path's figure
 *   to the last bit and its errors word for word, or hands the call to it.
 */
import fc from "fast-check";
import { z } from "zod";
import {
  Decimal,
  ONE,
  ZERO,
  allInShares,
  bridge,
  enterpriseValue,
  equityValue,
  impliedValuation,
  ownership,
  stakePrice,
  stakeSale,
  stakeSalePricePart,
  treasuryStockMethodShares,
  treasuryStockShares,
} from "../../src/engine";
import { readChoice, readNumber } from "../../src/functions/cells";
import * as choices from "../../src/functions/choices";
import { ownershipOfWholeShares, toCell } from "../../src/functions/excel";
import { fdSharesFn, ownershipFn } from "../../src/functions/functions";
import { fdSharesChecked, fdSharesFast } from "../../src/functions/venture";

/** The exact path of OWNERSHIP, written out: Decimal fractions of the non-blank cells, then toCell. */
function exactOwnership(cells: unknown[][]): unknown[][] {
  const blank = (c: unknown) => c === null || c === undefined || (typeof c === "string" && c.trim() === "");
  const fractions = ownership(
    cells
      .flat()
      .filter((c) => !blank(c))
      .map((c) => new Decimal(c as number)),
  );
  let k = 0;
  return cells.map((row) => row.map((c) => (blank(c) ? "" : toCell(fractions[k++]))));
}

const anyDouble = fc.double({ noDefaultInfinity: false, noNaN: false });

describe("readNumber's fast path", () => {
  const schema = z.number().finite();

  test("accepts exactly what the zod schema accepts, and reads the same Decimal (-0 as 0)", () => {
    fc.assert(
      fc.property(fc.oneof(anyDouble, fc.constantFrom(-0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE)), (v) => {
        const accepted = schema.safeParse(v).success;
        let read: Decimal | undefined;
        try {
          read = readNumber(v, "x");
        } catch {
          read = undefined;
        }
        expect(read !== undefined).toBe(accepted);
        if (read !== undefined) {
          expect(read.eq(new Decimal(v))).toBe(true);
          expect(read.isNegative() && read.isZero()).toBe(false);
        }
      }),
    );
  });

  test("rules still apply on the fast path", () => {
    expect(() => readNumber(1.3, "stake", "fraction")).toThrow("stake must be between 0% and 100%, got 130%");
    expect(() => readNumber(-1, "shares", "nonNegative")).toThrow("shares must not be negative, got -1");
  });
});

describe("readChoice's canonical-spelling shortcut", () => {
  const maps = (Object.entries(choices) as [string, unknown][]).filter(
    (e): e is [string, Record<string, string>] =>
      typeof e[1] === "object" && e[1] !== null && Object.values(e[1] as object).every((v) => typeof v === "string"),
  );

  test("there are keyword maps to check", () => {
    expect(maps.map(([name]) => name)).toEqual(expect.arrayContaining(["BASIS", "COMPONENT", "ROUNDING"]));
  });

  test("every keyword is its own choiceKey, so looking it up directly is what the normalised lookup does", () => {
    for (const [, map] of maps) {
      for (const [key, value] of Object.entries(map)) {
        expect(choices.choiceKey(key)).toBe(key);
        expect(readChoice<string>(key, "x", map, "fallback")).toBe(value);
        expect(readChoice<string>(` ${key.toLowerCase()} `, "x", map, "fallback")).toBe(value);
      }
    }
  });
});

describe("OWNERSHIP of whole share counts in doubles", () => {
  const blank = fc.constantFrom(null, undefined, "", "   ");
  const count = fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 0, max: 1_000_000_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(1, 3, 7, 9, 11, 13, 49, 97, 2 ** 52, 2 ** 53 - 1, 3 ** 33),
  );

  test("equals the exact decimal path to the last bit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: count }, { weight: 1, arbitrary: blank }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (ragged) => {
          const width = ragged[0].length;
          const cells = ragged.map((r) => Array.from({ length: width }, (_, i) => r[i % r.length]));
          const fast = ownershipOfWholeShares(cells);
          const numbers = cells.flat().filter((c): c is number => typeof c === "number");
          const total = numbers.reduce((a, b) => a + b, 0);
          if (total === 0 || total > Number.MAX_SAFE_INTEGER) {
            expect(fast).toBeUndefined();
            return;
          }
          expect(fast).toEqual(exactOwnership(cells));
          fast!.flat().forEach((v) => expect(Object.is(v, -0)).toBe(false));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("hard quotients: tiny holdings in a total near 2^53, thirds, sevenths", () => {
    const cases: number[][][] = [
      [[1], [2 ** 53 - 2]],
      [[1], [1], [1]],
      [[1], [6]],
      [[2 ** 52 + 1], [2 ** 52 - 3]],
      [[123456789], [987654321], [555555555]],
      [[0], [5], [null as unknown as number]],
    ];
    for (const cells of cases) expect(ownershipOfWholeShares(cells)).toEqual(exactOwnership(cells));
  });

  test("hands anything else to the exact path", () => {
    expect(ownershipOfWholeShares([[1.5], [2]])).toBeUndefined();
    expect(ownershipOfWholeShares([[-1], [2]])).toBeUndefined();
    expect(ownershipOfWholeShares([["10"], [2]])).toBeUndefined();
    expect(ownershipOfWholeShares([[true], [2]])).toBeUndefined();
    expect(ownershipOfWholeShares([[0], [null]])).toBeUndefined();
    expect(ownershipOfWholeShares([[Number.MAX_SAFE_INTEGER], [1]])).toBeUndefined();
    expect(ownershipOfWholeShares([[NaN], [1]])).toBeUndefined();
  });

  test("OWNERSHIP itself: the same cells on both paths, errors still worded by the exact path", () => {
    expect(ownershipFn([[600], [null], [300], [100]])).toEqual([[0.6], [""], [0.3], [0.1]]);
    expect(ownershipFn([[1.5], [0.5]])).toEqual([[0.75], [0.25]]);
    expect(() => ownershipFn([[-1], [2]])).toThrow("shares (row 1, column 1) must not be negative, got -1");
    expect(() => ownershipFn([[0], [0]])).toThrow("shares must not all be zero");
  });
});

describe("engine shortcuts change no figure", () => {
  const amount = fc.integer({ min: -1e14, max: 1e14 }).map((c) => new Decimal(c).div(100));
  const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(1_000_000));
  const positiveFraction = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).div(1_000_000));
  const same = (a: Decimal, b: Decimal) => expect(a.toString()).toBe(b.toString());

  test("equity value and EV without other claims: the - 0 and + 0 that were skipped", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        same(equityValue(a, b), a.minus(b).minus(ZERO));
        same(enterpriseValue(a, b), a.plus(b).plus(ZERO));
      }),
    );
  });

  test("price without a premium, implied value without a premium: the x (1 + 0) that was skipped", () => {
    fc.assert(
      fc.property(fraction, positiveFraction, amount, amount, (stake, s2, ev, nd) => {
        const whole = bridge({ valuation: ev, basis: "EV", netDebt: nd });
        same(stakePrice(stake, whole).total, stake.times(whole.equityValue).times(ONE.plus(ZERO)));
        same(impliedValuation({ price: ev, stake: s2 }).equityValue, ev.div(s2.times(ONE.plus(ZERO))));
      }),
    );
  });

  test("STAKEVALUE's stakeSalePricePart is stakeSale(...).price[part] on both bases, errors included", () => {
    const premium = fc.integer({ min: -1100, max: 2000 }).map((n) => new Decimal(n).div(1000));
    const loans = fc.integer({ min: -10, max: 1e9 }).map((n) => new Decimal(n));
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 1_100_000 }).map((n) => new Decimal(n).div(1_000_000)),
        amount,
        amount,
        amount,
        loans,
        premium,
        fc.constantFrom("EV" as const, "EQUITY" as const),
        fc.constantFrom("total" as const, "shares" as const, "shareholderLoans" as const),
        (stake, valuation, nd, oc, shl, pr, basis, part) => {
          const input = { stake, valuation, basis, netDebt: nd, otherClaims: oc, shareholderLoans: shl, premium: pr };
          const outcome = (f: () => unknown) => {
            try {
              return String(f());
            } catch (e) {
              return (e as Error).message;
            }
          };
          expect(outcome(() => stakeSalePricePart(input, part))).toEqual(outcome(() => stakeSale(input).price[part]));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("FDSHARES' fast path", () => {
  /** What a call gives: its number (-0 kept apart), its error message, or "checked path" when the fast path hands over. */
  const outcome = (f: () => number | undefined): string => {
    try {
      const v = f();
      return v === undefined ? "checked path" : Object.is(v, -0) ? "-0" : String(v);
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  const everydayNumber = fc.oneof(
    fc.integer({ min: 0, max: 20_000_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constantFrom(0, -0, 0.1, 0.5, 1, 1 / 3, 2, 2.5, 10, 12, 1e15, 1e300, Number.MAX_VALUE, Number.MIN_VALUE),
  );
  const price = fc.oneof(fc.constantFrom(0.5, 1, 1.1144, 3, 10, 1e-9, 1e300), fc.double({ min: 1e-6, max: 100, noNaN: true }));
  const hostile = fc.oneof(
    fc.constantFrom(null, undefined, "", "  ", "7", "ALL", true, false, NaN, Infinity, -Infinity, -1, -0.5, -0),
    fc.double({ noNaN: false }),
  );
  const cellOf = fc.oneof({ weight: 8, arbitrary: everydayNumber }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostile });
  /** A vector of cells laid out as a column (n x 1) or a row (1 x n), now and then not a vector at all. */
  const laidOut = (cells: unknown[], asRow: boolean, spoil: number): unknown => {
    if (spoil === 1) return [cells, cells];
    if (spoil === 2) return cells.length > 1 ? [[cells[0]], cells.slice(1)] : [[]];
    if (spoil === 3) return cells[0];
    return asRow ? [cells] : cells.map((c) => [c]);
  };
  const methods = fc.constantFrom(null, undefined, "TSM", "ALL", "all-in", " Treasury stock ", "rachat d’actions", "GROSS", "BEST", 3, true, [
    ["ALL"],
  ]);

  const args = fc
    .tuple(
      fc.oneof({ weight: 6, arbitrary: everydayNumber }, { weight: 1, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant([[5]]) }),
      fc.array(fc.tuple(cellOf, cellOf), { minLength: 0, maxLength: 6 }),
      fc.boolean(),
      fc.boolean(),
      fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
      fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
      fc.oneof({ weight: 6, arbitrary: price }, { weight: 1, arbitrary: hostile }),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: methods }),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([basic, pairs, oRow, kRow, oSpoil, kSpoil, p, method, drop]) => {
      const counts = pairs.map(([c]) => c);
      const strikes = pairs.map(([, k]) => k);
      // Now and then a length mismatch, or both ranges omitted.
      if (drop === 1 && strikes.length > 0) strikes.pop();
      const omitted = pairs.length === 0 || drop === 2;
      return [basic, omitted ? null : laidOut(counts, oRow, oSpoil), omitted ? null : laidOut(strikes, kRow, kSpoil), p, method] as const;
    });

  test("gives the checked path's figure to the last bit, or its error word for word, or hands over; it is taken for everyday calls", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(args, (a) => {
        runs++;
        const f = outcome(() => fdSharesFast(...a));
        const c = outcome(() => fdSharesChecked(...a));
        if (f !== "checked path") {
          fast++;
          expect(f).toBe(c);
        }
        // FDSHARES itself always gives the checked path's outcome.
        expect(outcome(() => fdSharesFn(a[0], a[1] as unknown[][], a[2] as unknown[][], a[3], a[4]))).toBe(c);
      }),
      { numRuns: 3000 },
    );
    expect(fast / runs).toBeGreaterThan(0.3); // the everyday shapes do take the fast path
  });

  test("everyday calls take the fast path with the documented figures; anything unusual is handed over", () => {
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    expect(fdSharesFast(10_000_000, col([1_000_000, 500_000]), col([0.5, 2]), 1, null)).toBe(10_500_000);
    expect(fdSharesFast(10_000_000, col([1_000_000, 500_000]), col([2, 12]), 10, null)).toBe(10_800_000);
    expect(fdSharesFast(10_000_000, [[1_000_000, 500_000]], col([2, 12]), null, "ALL")).toBe(11_500_000);
    expect(fdSharesFast(10_000_000, col([1_000_000, null, 500_000]), col([2, null, 12]), 10, "tsm")).toBe(10_800_000);
    expect(fdSharesFast(10_000_000, null, null, 10, null)).toBe(10_000_000);
    expect(fdSharesFast(1, col([1]), col([3]), 3, null)).toBe(1); // at the money: nothing added
    expect(fdSharesFast(0, col([3]), col([1]), 3, null)).toBe(2);
    // Handed over: the checked path reads these (and words the errors).
    expect(fdSharesFast(-1, null, null, 1, null)).toBeUndefined();
    expect(fdSharesFast([[10]], null, null, 1, null)).toBeUndefined();
    expect(fdSharesFast(10, col([1]), null, 1, null)).toBeUndefined();
    expect(fdSharesFast(10, col([1, 2]), col([1]), 1, null)).toBeUndefined();
    expect(fdSharesFast(10, col([""]), col([""]), 1, null)).toBeUndefined();
    expect(fdSharesFast(10, col(["5"]), col([1]), 1, null)).toBeUndefined();
    expect(fdSharesFast(10, col([1]), col([1]), 0, null)).toBeUndefined();
    expect(fdSharesFast(10, col([1]), col([1]), "10", null)).toBeUndefined();
    expect(fdSharesFast(10, [[1], [2, 3]], col([1, 1]), 1, null)).toBeUndefined();
    // A bad method: the checked path's error, thrown by the fast path.
    expect(() => fdSharesFast(10, col([1]), col([1]), 2, "BEST")).toThrow('method must be one of "TSM", "ALL", got the text "BEST"');
    // A result beyond a double: the checked path's error.
    expect(() => fdSharesFast(Number.MAX_VALUE, col([Number.MAX_VALUE]), col([0]), 1, "ALL")).toThrow(/^the result is too large for a cell/);
    expect(outcome(() => fdSharesFast(Number.MAX_VALUE, col([Number.MAX_VALUE]), col([0]), 1, "ALL"))).toBe(
      outcome(() => fdSharesChecked(Number.MAX_VALUE, col([Number.MAX_VALUE]), col([0]), 1, "ALL")),
    );
  });

  test("the engine's count-alone functions equal treasuryStockShares' fields digit for digit, errors included", () => {
    const d = fc.oneof(
      fc.integer({ min: -2, max: 1e9 }).map((n) => new Decimal(n)),
      fc.integer({ min: -5, max: 10_000_000 }).map((n) => new Decimal(n).div(7)),
      fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => new Decimal(x)),
    );
    const text = (f: () => Decimal): string => {
      try {
        return f().toString();
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    fc.assert(
      fc.property(d, fc.array(fc.record({ count: d, strike: d }), { maxLength: 6 }), d, (basic, grants, p) => {
        expect(text(() => treasuryStockMethodShares(basic, grants, p))).toBe(text(() => treasuryStockShares(basic, grants, p).treasuryStock));
        expect(text(() => allInShares(basic, grants))).toBe(text(() => treasuryStockShares(basic, grants, ONE).allIn));
      }),
      { numRuns: 1000 },
    );
  });
});
