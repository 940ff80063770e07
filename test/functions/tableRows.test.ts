/**
 * No table reader of any function drops a data row (issue 13, item 3): a header row is recognised by
 * its words, never by "contains a text cell", and a number typed as text ("1,000,000", "5e5") in a
 * data row is refused with a message naming its row or its row's name (the project's rule for text
 * numbers, src/functions/cells.ts `readNumber`: text is never read as a number), never read as a
 * header and skipped.
 *
 * Generated: the names, amounts, the row holding the text amount and the way it is written.
 */
import fc from "fast-check";
import * as f from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsRuntime";

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { ok: false, message: e.message };
    throw e;
  }
}

/** Names no header word could be, distinct case-insensitively. */
const names = (n: number) =>
  fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8} [0-9]{1,3}$/), { minLength: n, maxLength: n, selector: (s) => s.toLowerCase() });
const amount = fc.integer({ min: 1, max: 9_000_000 });
/** A number as a user may type it into a cell formatted as text. */
const asText = (n: number) =>
  fc.constantFrom(String(n), n.toLocaleString("en-US"), n.toLocaleString("fr-FR"), ` ${n} `, `${n}.00`, n.toExponential());

const holders = [["Founders"], ["Option pool"]];
const shares = [[9_000_000], [1_000_000]];

/** The outcome never leaves the row out: an error naming it (its row number or its name), or a result listing it. */
function keepsRow(o: ReturnType<typeof outcome>, name: string, rowNumber: number): void {
  if (o.ok) {
    expect(JSON.stringify(o.value)).toContain(JSON.stringify(name));
  } else {
    expect(o.message.includes(`row ${rowNumber}`) || o.message.includes(`"${name}"`)).toBe(true);
  }
}

describe("a text amount never makes a data row a header (every table reader)", () => {
  test("PRICEDROUND investors, with or without a header row: the text-amount row is an error naming it", () => {
    fc.assert(
      fc.property(
        names(3),
        fc.array(amount, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.context(),
        (ns, as, at, header, ctx) => {
          const text = fc.sample(asText(as[at]), { numRuns: 1, seed: as[at] })[0];
          ctx.log(text);
          const rows: unknown[][] = ns.map((n, i) => [n, i === at ? text : as[i]]);
          if (header) rows.unshift(["Investor", "Amount"]);
          const o = outcome(() => f.pricedRoundFn(holders, shares, 1e7, rows));
          expect(o.ok).toBe(false);
          keepsRow(o, ns[at], at + 1 + (header ? 1 : 0));
        },
      ),
    );
  });

  test("header tables (instruments, classes, holdings, anti-dilution): a first data row is never taken for a header", () => {
    fc.assert(
      fc.property(names(2), amount, amount, (ns, a, b) => {
        // No header row at all: the first row is data; the reader must say which column it misses, not skip the row.
        const classes = [
          [ns[0], a, a],
          [ns[1], b, b],
        ];
        for (const call of [
          () => f.waterfallFn(classes, [[1e7]]),
          () => f.breakpointsFn(classes),
          () => f.antiDilutionFn(classes, 1, 1000),
          () => f.pricedRoundFn(holders, shares, 1e7, [[ns[0], a]], null, classes),
        ]) {
          const o = outcome(call);
          expect(o.ok).toBe(false);
          if (!o.ok) expect(o.message).toMatch(/must have a column "[^"]+" in its header row, found/);
        }
      }),
    );
  });

  test("header tables: a text amount in a data row is an error naming that row", () => {
    fc.assert(
      fc.property(names(2), amount, amount, fc.integer({ min: 0, max: 1 }), (ns, a, b, at) => {
        const text = String([a, b][at]);
        const cls = (v: unknown, i: number) => (i === at ? text : v);
        const classes = [["Class", "Shares", "Invested"], ...ns.map((n, i) => [n, cls([a, b][i], i), 0])];
        for (const call of [() => f.waterfallFn(classes, [[1e7]]), () => f.breakpointsFn(classes)]) keepsRow(outcome(call), ns[at], at + 2);
        const holdings = [["Holder", "Class", "Shares"], ...ns.map((n, i) => [n, ns[i], cls([a, b][i], i)])];
        const plain = [["Class", "Shares"], ...ns.map((n, i) => [n, [a, b][i]])];
        keepsRow(
          outcome(() => f.waterfallFn(plain, [[1e7]], null, null, holdings)),
          ns[at],
          at + 2,
        );
        const instruments = [["Holder", "Amount"], ...ns.map((n, i) => [n, cls([a, b][i], i)])];
        keepsRow(
          outcome(() => f.pricedRoundFn(holders, shares, 1e7, [["VC", 1]], null, instruments)),
          ns[at],
          at + 2,
        );
      }),
    );
  });

  test("two-range tables (holders and shares, sellers and shares_sold, options and strikes): a text count is an error", () => {
    fc.assert(
      fc.property(names(2), amount, fc.integer({ min: 0, max: 1 }), (ns, a, at) => {
        const hs = ns.map((n) => [n]);
        const counts = ns.map((_, i) => [i === at ? String(a) : a]);
        keepsRow(
          outcome(() => f.ownershipFn(counts)),
          ns[at],
          at + 1,
        );
        const o = outcome(() => f.secondaryFn(hs, counts, ns[0], "Buyer", 1));
        keepsRow(o, ns[at], at + 1);
        const tender = outcome(() =>
          f.tenderFn(
            hs,
            ns.map(() => [a]),
            hs,
            counts,
            "Buyer",
            1,
          ),
        );
        keepsRow(tender, ns[at], at + 1);
        const fd = outcome(() => f.fdSharesFn(1000, counts, [[1], [1]], 2));
        expect(fd.ok).toBe(false);
        if (!fd.ok) expect(fd.message).toContain(`cell ${at + 1}`);
      }),
    );
  });
});
