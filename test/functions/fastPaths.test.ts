/**
 * The fast paths added for `npm run bench` give exactly what the paths they shortcut give:
 * - readNumber accepts exactly the values the zod schema accepts, and reads them to the same Decimal;
 * - readChoice's canonical-spelling shortcut: every keyword is its own choiceKey;
 * - OWNERSHIP of whole share counts, in doubles, equals the exact decimal path to the last bit;
 * - the engine's skipped no-op operations (- 0, x (1 + 0)) and STAKEVALUE's price-only path change no figure.
 */
import fc from "fast-check";
import { z } from "zod";
import {
  Decimal,
  ONE,
  ZERO,
  bridge,
  enterpriseValue,
  equityValue,
  impliedValuation,
  ownership,
  stakePrice,
  stakeSale,
  stakeSalePricePart,
} from "../../src/engine";
import { readChoice, readNumber } from "../../src/functions/cells";
import * as choices from "../../src/functions/choices";
import { ownershipOfWholeShares, toCell } from "../../src/functions/excel";
import { ownershipFn } from "../../src/functions/functions";

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
