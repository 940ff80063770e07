/**
 * The header tables the venture functions read (instruments, classes, holdings): one declarative reader
 * (src/functions/venture.ts, `readHeaderTable` / `tableReader`) serves them all. These tests pin
 * - the reader itself: headers by name in any order and in French, extra columns ignored, blank rows
 *   skipped, cells read on demand in the order a row's reader asks, messages naming the table;
 * - every message the venture tables give, word for word, through the functions as Excel calls them.
 */
import { Decimal, EngineError } from "../../src/engine";
import * as f from "../../src/functions/functions";
import { choiceCell, nameCell, numberCell, optionalNumberCell, readHeaderTable, tableReader } from "../../src/functions/venture";
import { CustomFunctionsError } from "../support/customFunctionsRuntime";

function thrown(fn: () => unknown): { message: string; argument?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return { message: e.message, argument: e.argument };
    if (e instanceof CustomFunctionsError) return { message: e.message };
    throw e;
  }
  throw new Error("expected an error");
}

const COLOURS = Object.freeze({ RED: "RED", ROUGE: "RED", BLUE: "BLUE" } as Record<string, "RED" | "BLUE">);

/** A small table to exercise the reader: a label column, a required number, an optional number, a choice. */
const readFruit = tableReader(
  "fruit",
  {
    name: { headers: ["Fruit", "Nom"], required: true, read: nameCell },
    weight: { headers: ["Weight", "Poids"], required: true, read: numberCell("positive") },
    price: { headers: ["Price", "Prix"], read: optionalNumberCell("nonNegative") },
    colour: { headers: ["Colour", "Couleur"], read: choiceCell(COLOURS) },
  },
  "name",
  (row, table) => {
    const name = row.get("name");
    const colour = row.get("colour") ?? "BLUE";
    return { table, row: row.row, name, weight: row.get("weight").toString(), price: row.get("price")?.toString(), colour };
  },
);

describe("the declarative header-table reader", () => {
  test("headers by name, any order, any case, accents optional, French synonyms; extra columns ignored; blank rows skipped", () => {
    const rows = readFruit([
      ["notes", "PRIX", "poids", "nom"],
      ["ripe", 2, 150, "Pear"],
      [null, null, null, null],
      ["", "", 120, "Apple"],
    ]);
    expect(rows).toEqual([
      { table: "fruit", row: 2, name: "Pear", weight: "150", price: "2", colour: "BLUE" },
      { table: "fruit", row: 4, name: "Apple", weight: "120", price: undefined, colour: "BLUE" },
    ]);
    expect(
      readFruit([
        ["Fruit", "Weight", "Couleur"],
        [2024, 1, " rouge "],
      ])[0],
    ).toMatchObject({ name: "2024", colour: "RED" });
  });

  test("a row whose only non-blank cells sit in ignored columns is blank", () => {
    expect(
      thrown(() =>
        readFruit([
          ["Fruit", "Weight", "Notes"],
          [null, "", "to come"],
        ]),
      ),
    ).toEqual({
      message: "fruit must list at least one row below its header",
      argument: "fruit",
    });
  });

  test("the table's structure: header row, required columns, duplicates", () => {
    expect(thrown(() => readFruit([["Fruit", "Weight"]])).message).toBe("fruit must have a header row and at least one row below it");
    expect(thrown(() => readFruit(5)).message).toBe("fruit must have a header row and at least one row below it");
    expect(
      thrown(() =>
        readFruit([
          ["Fruit", 7, true, null],
          ["Pear", 1, 1, 1],
        ]),
      ).message,
    ).toBe('fruit must have a column "Weight" in its header row, found "Fruit", "7", the logical value TRUE');
    expect(
      thrown(() =>
        readFruit([
          [null, ""],
          [1, 2],
        ]),
      ).message,
    ).toBe('fruit must have a column "Fruit" in its header row, found no headers');
    expect(
      thrown(() =>
        readFruit([
          ["Fruit", "Weight", "Poids"],
          ["Pear", 1, 1],
        ]),
      ),
    ).toEqual({ message: 'fruit has the column "Weight" twice', argument: "fruit" });
    expect(
      thrown(() =>
        readFruit([
          ["Fruit", "Weight"],
          ["Pear", 1, 1],
        ]),
      ).message,
    ).toBe("fruit must be a rectangular range");
  });

  test("cells: messages name the table, the column by its first header, and the row by its label", () => {
    const table = (cells: unknown[]) => [["Fruit", "Weight", "Price", "Colour"], cells];
    expect(thrown(() => readFruit(table([null, 1, 1, null])))).toEqual({ message: "fruit: Fruit must not be empty (row 2)", argument: "fruit" });
    expect(thrown(() => readFruit(table([true, 1, 1, null])))).toEqual({
      message: "fruit: Fruit must be a name, got the logical value TRUE (row 2)",
      argument: "fruit",
    });
    expect(thrown(() => readFruit(table(["Pear", 0, 1, null])))).toEqual({
      message: 'fruit: Weight of "Pear" must be greater than 0, got 0',
      argument: "fruit",
    });
    expect(thrown(() => readFruit(table(["Pear", "", 1, null]))).message).toBe('fruit: Weight of "Pear" is required, got an empty cell');
    expect(thrown(() => readFruit(table(["Pear", 1, -2, null]))).message).toBe('fruit: Price of "Pear" must not be negative, got -2');
    expect(thrown(() => readFruit(table(["Pear", 1, "cheap", null]))).message).toBe('fruit: Price of "Pear" must be a number, got the text "cheap"');
    expect(thrown(() => readFruit(table(["Pear", 1, 1, "green"])))).toEqual({
      message: 'fruit: Colour of "Pear" must be one of "RED", "BLUE", got the text "green"',
      argument: "fruit",
    });
  });

  test("cells are read when the row's reader asks, in its order: the first bad cell it reads is the one reported", () => {
    // The reader above reads name, colour, weight, price: a bad colour is reported before a bad weight.
    expect(
      thrown(() =>
        readFruit([
          ["Weight", "Colour", "Fruit"],
          [-1, "green", "Pear"],
        ]),
      ).message,
    ).toBe('fruit: Colour of "Pear" must be one of "RED", "BLUE", got the text "green"');
    // Rows one at a time: a bad cell in row 2 is reported before an empty name in row 3.
    expect(
      thrown(() =>
        readFruit([
          ["Fruit", "Weight"],
          ["Pear", -1],
          [null, 1],
        ]),
      ).message,
    ).toBe('fruit: Weight of "Pear" must be greater than 0, got -1');
    // A cell the reader never asks for is never checked.
    const lazy = readHeaderTable(
      [
        ["Fruit", "Weight"],
        ["Pear", "heavy"],
      ],
      "fruit",
      { name: { headers: ["Fruit"], read: nameCell }, weight: { headers: ["Weight"], read: numberCell() } },
      "name",
    );
    expect(lazy.map((r) => r.get("name"))).toEqual(["Pear"]);
    expect(() => lazy[0].get("weight")).toThrow('fruit: Weight of "Pear" must be a number, got the text "heavy"');
  });

  test("without a label column, cells are named by their row", () => {
    const rows = readHeaderTable([["Amount"], [null], ["x"]], "amounts", { amount: { headers: ["Amount"], required: true, read: numberCell() } });
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(() => rows[0].get("amount")).toThrow('amounts: Amount (row 3) must be a number, got the text "x"');
  });

  test("a column the table leaves out reads as a blank cell", () => {
    const [row] = readHeaderTable(
      [
        ["Fruit", "Weight"],
        ["Pear", 3],
      ],
      "fruit",
      {
        name: { headers: ["Fruit"], read: nameCell },
        weight: { headers: ["Weight"], read: numberCell() },
        price: { headers: ["Price"], read: optionalNumberCell() },
        colour: { headers: ["Colour"], read: choiceCell(COLOURS) },
      },
      "name",
    );
    expect(row.get("price")).toBeUndefined();
    expect(row.get("colour")).toBeUndefined();
    expect((row.get("weight") as Decimal).toString()).toBe("3");
  });
});

/** Messages of the venture tables through the functions, word for word (the wording users see in the cell's tooltip). */
describe("the venture tables' messages, word for word", () => {
  const message = (fn: () => unknown) => thrown(fn).message;
  const round = (instruments: unknown[][]) => () =>
    f.pricedRoundFn([["Founders"], ["Option pool"]], [[9_000_000], [1_000_000]], 10_000_000, [["Fund", 1_000_000]], null, instruments);
  const waterfall = (classes: unknown[][], holdings?: unknown[][]) => () => f.waterfallFn(classes, [[10_000_000]], null, null, holdings);

  test("instruments (CAPTABLE.PRICEDROUND)", () => {
    const head = ["Holder", "Type", "Amount", "Cap", "Discount", "MFN", "Interest rate", "Start date", "Conversion date", "Day count", "Compounding"];
    const one = (...cells: unknown[]) => round([head, [...cells, ...Array(head.length - cells.length).fill(null)]]);
    expect(message(one(null, "SAFE", 1))).toBe("instruments: Holder must not be empty (row 2)");
    expect(message(one(false, "SAFE", 1))).toBe("instruments: Holder must be a name, got the logical value FALSE (row 2)");
    expect(message(one("Ann", "BOND", 1))).toBe('instruments: Type of "Ann" must be one of "POST_SAFE", "PRE_SAFE", "NOTE", got the text "BOND"');
    expect(message(one("Ann", "SAFE", -1))).toBe('instruments: Amount of "Ann" must not be negative, got -1');
    // (0 in a cap is an empty cell, as some Excel builds send them: test/functions/blankAsZero.test.ts.)
    expect(message(one("Ann", "SAFE", 1, -1))).toBe('instruments: Cap of "Ann" must be greater than 0, got -1');
    expect(message(one("Ann", "SAFE", 1, null, 1.5))).toBe('instruments: Discount of "Ann" must be between 0% and 100%, got 150%');
    expect(message(one("Ann", "SAFE", 1, null, null, "maybe"))).toBe('instruments: MFN of "Ann" must be one of "YES", "NO", got the text "maybe"');
    expect(message(one("Ann", "NOTE", 1, null, null, null, 0.05))).toBe(
      'instruments: "Ann" has an interest rate: give its Start date and Conversion date columns too',
    );
    expect(message(one("Ann", "NOTE", 1, null, null, null, 0.05, 45658, 46023, "ACT/999"))).toBe(
      'instruments: Day count of "Ann" must be one of "ACT/365", "ACT/360", "30/360", got the text "ACT/999"',
    );
    expect(message(one("Ann", "NOTE", 1, null, null, null, 0.05, 46023, 45658))).toMatch(/^instruments: .* \(for "Ann"\)$/);
    // Discount is read before Amount, Amount before the Type: the first bad cell in that order is reported.
    expect(message(one("Ann", "BOND", -1, null, 2))).toBe('instruments: Discount of "Ann" must be between 0% and 100%, got 200%');
    expect(
      message(
        round([
          ["Holder", "Type"],
          ["Ann", "SAFE"],
        ]),
      ),
    ).toBe('instruments must have a column "Amount" in its header row, found "Holder", "Type"');
    // French headers.
    const t = f.pricedRoundFn([["Fondateurs"]], [[9_000_000]], 10_000_000, [["Fonds", 1_000_000]], null, [
      ["Investisseur", "Montant", "Plafond", "Décote"],
      ["Ann", 100_000, 5_000_000, 0.2],
    ]);
    expect(t.find((r) => r[0] === "Ann")?.[7]).toBe("CAP");
  });

  test("classes (CAPTABLE.WATERFALL, BREAKPOINTS, ANTIDILUTION) and holdings", () => {
    const head = ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"];
    const one = (...cells: unknown[]) => waterfall([head, [...cells, ...Array(head.length - cells.length).fill(null)]]);
    expect(message(one(null, 1))).toBe("classes: Class must not be empty (row 2)");
    expect(message(one("A", -1))).toBe('classes: Shares of "A" must not be negative, got -1');
    expect(message(one("A", 1, -5))).toBe('classes: Invested of "A" must not be negative, got -5');
    expect(message(one("A", 1, 5, -1))).toBe('classes: Preference of "A" must not be negative, got -1');
    expect(message(one("A", 1, 5, 1, -1))).toBe('classes: Seniority of "A" must be greater than 0, got -1');
    expect(message(one("A", 1, 5, 1, 1.5))).toBe('classes: Seniority of "A" must be a whole number from 1 (most senior), got 1.5');
    expect(message(one("A", 1, 5, 1, 1, "SOMETIMES"))).toBe(
      'classes: Participation of "A" must be one of "NONE", "FULL", "CAPPED", got the text "SOMETIMES"',
    );
    expect(message(one("A", 1, 5, 1, 1, "CAPPED", -2))).toBe('classes: Cap of "A" must be greater than 0, got -2');
    // A cap with a participation that is not CAPPED is neither ignored (NONE) nor read as another word (FULL).
    expect(message(one("A", 1, 5, 1, 1, "FULL", 2))).toBe(
      'classes: Cap of "A" must be empty unless its Participation is "CAPPED", got 2 with "FULL"',
    );
    expect(message(one("A", 1, 5, 1, 1, "Non-participating", 2))).toBe(
      'classes: Cap of "A" must be empty unless its Participation is "CAPPED", got 2 with "NONE"',
    );
    expect(message(one("A", 1, 5, 1, 1, "CAPPED", 2, -1))).toBe('classes: Conversion ratio of "A" must be greater than 0, got -1');
    expect(message(one("A", 1, 5, 1, 1, "CAPPED", 2, 1, -1))).toBe('classes: Strike of "A" must not be negative, got -1');
    // Seniority is read before Shares: the first bad cell in that order is reported.
    expect(message(one("A", -1, null, null, -3))).toBe('classes: Seniority of "A" must be greater than 0, got -3');
    expect(
      message(() =>
        f.antiDilutionFn(
          [
            ["Classe", "Actions", "Prix d'émission"],
            ["A", 10, -1],
          ],
          1,
          10,
        ),
      ),
    ).toBe('classes: Original issue price of "A" must be greater than 0, got -1');
    expect(
      message(() =>
        f.breakpointsFn([
          ["Class", "Shares", "Shares"],
          ["A", 1, 1],
        ]),
      ),
    ).toBe('classes has the column "Shares" twice');

    const classes = [
      ["Class", "Shares", "Preference"],
      ["Common", 900, null],
      ["A", 100, 1],
    ];
    expect(
      message(
        waterfall(classes, [
          ["Holder", "Class"],
          ["Ann", "A"],
        ]),
      ),
    ).toBe('holdings must have a column "Shares" in its header row, found "Holder", "Class"');
    expect(
      message(
        waterfall(classes, [
          ["Holder", "Class", "Shares"],
          ["Ann", null, 10],
        ]),
      ),
    ).toBe("holdings: Class must not be empty (row 2)");
    expect(
      message(
        waterfall(classes, [
          ["Détenteur", "Classe", "Actions"],
          ["Ann", "A", "ten"],
        ]),
      ),
    ).toBe('holdings: Shares of "Ann" must be a number, got the text "ten"');
  });
});
