/**
 * No header is dropped silently: every table function reads its tables by header
 * (`readHeaderTable`, src/functions/venture.ts). Before, a column whose header was not recognised was
 * ignored without a word, so a misspelled OPTIONAL column ("Caps" for "Cap") left its default in
 * force: a wrong number with no sign. Now a near miss of a column the table lacks is an error naming
 * the header and the column it was probably meant to be; any other header is listed in the result's
 * last row ("Columns not read"); a blank header over an empty column stays allowed.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import * as f from "../../src/functions/functions";
import { nameCell, numberCell, optionalNumberCell, readHeaderTable, type Skipped } from "../../src/functions/venture";
import { ignoredColumnsNote } from "../../src/functions/tables";
import { sheetText } from "../../src/model/sheetText";
import { cellError, createCustomFunctionsStub } from "../support/customFunctionsRuntime";

/** What Excel passes for an omitted optional argument. */
const OMITTED = null as unknown as unknown[][];

/** A table with the header `from` renamed `to`. */
const renamed = (table: unknown[][], from: string, to: string) => [table[0].map((h) => (h === from ? to : h)), ...table.slice(1)];
/** A table with a column `header` added on the right, `cell` in every row. */
const withColumn = (table: unknown[][], header: unknown, cell: unknown = "x") => table.map((r, i) => [...r, i === 0 ? header : cell]);

// Brad Feld's example (test/functions/ventureSolvers.test.ts): $10M for 50%, 1x non-participating, capped participation column.
const CLASSES = [
  ["Class", "Shares", "Invested", "Preference", "Participation", "Cap"],
  ["Common", 1_000_000, null, null, null, null],
  ["Preferred", 1_000_000, 10_000_000, 1, "CAPPED", 2],
];
const HOLDINGS = [
  ["Holder", "Class", "Shares"],
  ["Founder", "Common", 1_000_000],
  ["Fund", "Preferred", 1_000_000],
];
const INSTRUMENTS = [
  ["Holder", "Type", "Amount", "Cap", "Discount"],
  ["SAFE 1", "SAFE", 1_000_000, 10_000_000, 0.2],
];
const ANTIDILUTION = [
  ["Class", "Shares", "Original issue price", "Method"],
  ["Series A", 2_500_000, 1, "NARROW"],
];

interface Case {
  /** The function and its table argument, as the messages name it. */
  readonly what: string;
  readonly arg: string;
  readonly table: unknown[][];
  readonly call: (table: unknown[][]) => unknown;
  /** A header of the table, misspelled as a user might type it, and the header the error must suggest. */
  readonly header: string;
  readonly typo: string;
}

const CASES: readonly Case[] = [
  { what: "WATERFALL", arg: "classes", table: CLASSES, call: (t) => f.waterfallFn(t, [[30_000_000]]), header: "Cap", typo: "Caps" },
  {
    what: "WATERFALL",
    arg: "holdings",
    table: HOLDINGS,
    call: (t) => f.waterfallFn(CLASSES, [[30_000_000]], null, null, t),
    header: "Holder",
    typo: "Holders",
  },
  { what: "BREAKPOINTS", arg: "classes", table: CLASSES, call: (t) => f.breakpointsFn(t), header: "Participation", typo: "Particpation" },
  {
    what: "ANTIDILUTION",
    arg: "classes",
    table: ANTIDILUTION.map((r) => r.slice(0, 3)),
    call: (t) => f.antiDilutionFn(t, 0.5, 2_000_000),
    header: "Original issue price",
    typo: "Original issue prices",
  },
  {
    what: "PRICEDROUND",
    arg: "instruments",
    table: INSTRUMENTS,
    call: (t) => f.pricedRoundFn([["Founders"]], [[9_000_000]], 20_000_000, [["Lead", 5_000_000]], null, t),
    header: "Discount",
    typo: "Discounts",
  },
  {
    what: "PRICEDROUND",
    arg: "antidilution",
    table: ANTIDILUTION,
    call: (t) =>
      f.pricedRoundFn(
        [["Common"], ["Series A"]],
        [[1_500_000], [2_500_000]],
        2_000_000,
        [["Series B", 1_000_000]],
        null,
        OMITTED,
        null,
        null,
        null,
        null,
        OMITTED,
        t,
      ),
    header: "Method",
    typo: "Methods",
  },
  {
    what: "PRICESPLIT",
    arg: "holdings",
    table: [
      ["Holder", "Shares", "Loans", "Shares sold", "Loans sold"],
      ["A", 50, 150, 50, 150],
      ["B", 50, 50, 0, 0],
    ],
    call: (t) => f.priceSplitFn(500, t),
    header: "Loans sold",
    typo: "Loan sold",
  },
  {
    what: "SOURCESUSES",
    arg: "uses",
    table: [
      ["Use", "Amount"],
      ["Price", 100],
    ],
    call: (t) => f.sourcesUsesFn(t),
    header: "Amount",
    typo: "Amounts",
  },
  {
    what: "SOURCESUSES",
    arg: "sources",
    table: [
      ["Source", "Amount"],
      ["Senior debt", 60],
    ],
    call: (t) =>
      f.sourcesUsesFn(
        [
          ["Use", "Amount"],
          ["Price", 100],
        ],
        t,
      ),
    header: "Source",
    typo: "Sources",
  },
  {
    what: "COMPSTATS",
    arg: "comps",
    table: [
      ["Deal", "EV", "EBITDA"],
      ["A", 860, 40],
      ["B", 764, 26],
    ],
    call: (t) => f.compStatsFn(t),
    header: "EBITDA",
    typo: "EBIDTA",
  },
  {
    what: "HOLDERRETURNS",
    arg: "flows",
    table: [
      ["Holder", "Instrument", "Date", "Amount"],
      ["A", "Shares", 45658, -10],
      ["A", "Shares", 46023, 15],
    ],
    call: (t) => f.holderReturnsFn(t),
    header: "Instrument",
    typo: "Instruments",
  },
  {
    what: "RATCHET",
    arg: "tiers",
    table: [
      ["Exit equity", "Multiple", "Management share"],
      [null, 2, 0.3],
    ],
    call: (t) => f.ratchetFn(500, 0.1, t, null, 100),
    header: "Multiple",
    typo: "Multiples",
  },
];

const rows = (v: unknown) => v as unknown[][];
const last = (v: unknown) => rows(v)[rows(v).length - 1];

describe.each(CASES)("$what $arg", ({ arg, table, call, header, typo }) => {
  test(`a misspelled column ("${typo}") is an error naming it and the column meant`, () => {
    const e = cellError(() => call(renamed(table, header, typo)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(`${arg}: column "${typo}" is not one this function reads: did you mean "${header}"?`);
  });

  test("an unrelated column is listed in the last row, and the rows above are those without it", () => {
    const plain = rows(call(table));
    const t = rows(call(withColumn(table, "Comment")));
    expect(last(t)).toEqual([
      `Columns not read (header not recognised): "Comment" (column ${table[0].length + 1}) of ${arg}`,
      ...Array(plain[0].length - 1).fill(""),
    ]);
    expect(t.slice(0, -1)).toEqual(plain);
    expect(String(last(plain)[0])).not.toMatch(/^Columns not read/);
  });

  test("a blank header over an empty column is nothing; over cells, it is listed", () => {
    expect(call(withColumn(table, null, null))).toEqual(call(table));
    expect(call(withColumn(table, "", 0))).toEqual(call(table)); // 0: an empty cell on some Excel builds
    expect(String(last(call(withColumn(table, null, "note")))[0])).toBe(
      `Columns not read (header not recognised): column ${table[0].length + 1} (no header) of ${arg}`,
    );
  });
});

describe("EXITFORTARGET (one number: no row to list columns in)", () => {
  test("a misspelled column is an error; another column is not read, as its help says", () => {
    expect(cellError(() => f.exitForTargetFn(renamed(CLASSES, "Cap", "Caps"), "Preferred", 1.5)).message).toBe(
      'classes: column "Caps" is not one this function reads: did you mean "Cap"?',
    );
    expect(cellError(() => f.exitForTargetFn(CLASSES, "Fund", 1.5, null, renamed(HOLDINGS, "Shares", "Share"))).message).toBe(
      'holdings: column "Share" is not one this function reads: did you mean "Shares"?',
    );
    expect(f.exitForTargetFn(withColumn(CLASSES, "Comment"), "Preferred", 1.5)).toBe(f.exitForTargetFn(CLASSES, "Preferred", 1.5));
  });
});

describe("the near-miss rule (readHeaderTable)", () => {
  const COLUMNS = {
    name: { headers: ["Class", "Classe"], required: true, read: nameCell },
    shares: { headers: ["Shares", "Actions"], required: true, read: numberCell() },
    cap: { headers: ["Cap", "Plafond"], read: optionalNumberCell("positive") },
    seniority: { headers: ["Seniority", "Rang"], read: optionalNumberCell("positive") },
    rate: { headers: ["Rate"], read: optionalNumberCell() },
  };
  const read = (header: unknown) => {
    const skipped: Skipped = [];
    readHeaderTable(
      [
        ["Class", "Shares", header],
        ["A", 1, 2],
      ],
      "classes",
      COLUMNS,
      "name",
      skipped,
    );
    return skipped.columns;
  };
  const suggestion = (header: string) => {
    try {
      read(header);
      return undefined;
    } catch (e) {
      return /did you mean "(.*)"\?$/.exec((e as Error).message)?.[1];
    }
  };

  test("case, spaces, punctuation, accents, a unit in brackets, a plural: the column meant", () => {
    for (const h of ["CAPS", "caps", " Caps ", "Cap (x)", "Cap.", "Plafonds", "PLAFOND (x)", "rangs", "Seniorities"]) {
      expect([h, suggestion(h)]).toEqual([h, expect.stringMatching(/^(Cap|Plafond|Rang|Seniority)$/)]);
    }
    expect(suggestion("Plafonds")).toBe("Plafond"); // the spelling of the language typed
    expect(suggestion("Seniorities")).toBe("Seniority");
  });

  test("one edit from 5 letters, two from 9; none on shorter headers", () => {
    expect(suggestion("Senoirity")).toBe("Seniority"); // two letters swapped
    expect(suggestion("Snioritty")).toBe("Seniority"); // two edits, 9 letters
    expect(suggestion("Rangs")).toBe("Rang");
    expect(suggestion("Date")).toBeUndefined(); // not "Rate": 4 letters take no edit
    expect(suggestion("Cup")).toBeUndefined();
    expect(read("Date")).toEqual(['"Date" (column 3)']);
  });

  test("a near miss of a column the table has is another column, listed, not an error", () => {
    const skipped: Skipped = [];
    readHeaderTable(
      [
        ["Class", "Shares", "Share", "Cap", "Caps"],
        ["A", 1, 0.5, 2, 3],
      ],
      "classes",
      COLUMNS,
      "name",
      skipped,
    );
    expect(skipped.columns).toEqual(['"Share" (column 3)', '"Caps" (column 5)']);
  });

  test("a header that is not a text is listed as what it is", () => {
    expect(read(2024)).toEqual(["2024 (column 3)"]);
    expect(read(true)).toEqual(["the logical value TRUE (column 3)"]);
  });

  test("a required column misspelled: the near miss is named, not only the column missing", () => {
    expect(() => read("x")).not.toThrow();
    expect(() =>
      readHeaderTable(
        [
          ["Class", "Share", "Cap"],
          ["A", 1, 2],
        ],
        "classes",
        COLUMNS,
      ),
    ).toThrow('classes: column "Share" is not one this function reads: did you mean "Shares"?');
  });

  test("the note names each table's columns", () => {
    const at = (columns?: string[]) => Object.assign([] as number[], { columns });
    expect(
      ignoredColumnsNote([
        { unit: "row", of: "classes", at: at(['"Comment" (column 10)']) },
        { unit: "row", of: "holdings", at: at() },
        { unit: "row", of: "instruments", at: at(['"Note" (column 4)', "column 6 (no header)"]) },
      ]),
    ).toBe('Columns not read (header not recognised): "Comment" (column 10) of classes; "Note" (column 4), column 6 (no header) of instruments');
    expect(ignoredColumnsNote([{ unit: "row", of: "classes", at: [] }])).toBeUndefined();
  });
});

describe("the headers the model sheets write, in English and French, are all read", () => {
  test.each(["en", "fr"] as const)("%s: exit waterfall classes and holdings, priced round instruments", (language) => {
    const t = sheetText(language);
    const classes = [
      [...t.exitWaterfall.classHeaders],
      ["Common", 1_000_000, null, null, null, null, null, null, null],
      ["Preferred", 1_000_000, 10_000_000, 1, 1, "NONE", null, null, null],
    ];
    const holdings = [[...t.exitWaterfall.holdingHeaders.slice(0, 3)], ["Fund", "Preferred", 1_000_000]];
    const w = rows(f.waterfallFn(classes, [[30_000_000]], null, null, holdings));
    expect(w.map((r) => String(r[0])).filter((c) => /^(Columns not read|Ignored)/.test(c))).toEqual([]);
    const h = t.pricedRound.instrumentHeaders;
    const instruments = [
      [h.holder, h.type, h.amount, h.cap, h.discount, h.mfn, h.rate, h.start, h.conversion, h.dayCount, h.compounding, h.capBasis],
      ["Note", "NOTE", 1_000_000, 10_000_000, 0.2, "NO", 0.05, 45658, 46023, "ACT/365", "SIMPLE", "POOL"],
    ];
    const r = rows(f.pricedRoundFn([["Founders"]], [[9_000_000]], 20_000_000, [["Lead", 5_000_000]], null, instruments));
    expect(r.map((x) => String(x[0])).filter((c) => /^(Columns not read|Ignored)/.test(c))).toEqual([]);
  });
});

describe("the built bundle (dist/functions.js), called as Excel calls it", () => {
  const stub = createCustomFunctionsStub();
  // A bare context: no Node globals, no DOM, as in Excel's JavaScript-only runtime (test/functions/bundle.test.ts).
  vm.runInContext(fs.readFileSync(path.resolve(__dirname, "../../dist/functions.js"), "utf8"), vm.createContext({ CustomFunctions: stub, console }));
  const waterfall = (classes: unknown[][]) => stub.registry.get("WATERFALL")!(classes, [[30_000_000]]) as unknown[][];

  test("WATERFALL: a misspelled Cap is #VALUE! naming it; a Comment column is listed in the last row", () => {
    expect(cellError(() => waterfall(renamed(CLASSES, "Cap", "Caps")))).toEqual({
      code: "#VALUE!",
      message: 'classes: column "Caps" is not one this function reads: did you mean "Cap"?',
    });
    const t = waterfall(withColumn(CLASSES, "Comment"));
    expect(t.slice(0, -1)).toEqual(waterfall(CLASSES));
    expect(last(t)[0]).toBe('Columns not read (header not recognised): "Comment" (column 7) of classes');
  });
});
