/**
 * CAPTABLE.HOLDERRETURNS called as Excel calls it (a range as a 2-D array, null for an omitted
 * optional): one row per holder with the IRR and multiple over all its instruments, the same
 * numbers as the engine's returnsByHolder and as DEALRETURNS on the holder's flows alone.
 */
import * as f from "../../src/functions/functions";
import { Decimal, returnsByHolder, xnpv } from "../../src/engine";
import { cellError } from "../support/customFunctionsRuntime";

const ENTRY = 45_751;
const EXIT = ENTRY + 5 * 365;
const HEADER = ["Holder", "Instrument", "Date", "Amount"];
const TABLE = [
  HEADER,
  ["Sponsor", "Shares", ENTRY, -60],
  ["Sponsor", "Shareholder loan", ENTRY, -40],
  ["Management", "Sweet equity", ENTRY, -2],
  ["Sponsor", "Shareholder loan", ENTRY + 365, 3.2],
  ["Sponsor", "Shareholder loan", EXIT, 40],
  ["Sponsor", "Shares", EXIT, 190],
  ["management", "Sweet equity", EXIT, 21],
];

describe("CAPTABLE.HOLDERRETURNS", () => {
  test("one row per holder: the engine's returnsByHolder, and DEALRETURNS on the holder's own flows", () => {
    const t = f.holderReturnsFn(TABLE);
    expect(t[0]).toEqual([
      "Holder",
      "IRR (XIRR, actual/365)",
      "Multiple on invested capital",
      "Average cash yield",
      "Invested (paid in)",
      "Distributed (received)",
      "Net gain",
      "Holding period (years)",
      "Instruments",
    ]);
    expect(t).toHaveLength(3);
    const engine = returnsByHolder(
      TABLE.slice(1).map(([holder, instrument, date, amount]) => ({
        holder: holder as string,
        instrument: instrument as string,
        date: date as number,
        amount: new Decimal(amount),
      })),
    );
    expect(t[1][0]).toBe("Sponsor");
    expect(t[1][1]).toBe(engine[0].returns.irr);
    expect(t[1].slice(2, 8)).toEqual([(3.2 + 40 + 190) / 100, 0.032 / 5, 100, 233.2, 133.2, 5]);
    expect(t[1][8]).toBe("Shares, Shareholder loan");
    expect(t[2].slice(0, 1)).toEqual(["Management"]);
    expect(t[2][2]).toBe(10.5);
    expect(t[2][8]).toBe("Sweet equity");
    // The sponsor's IRR discounts its own flows to zero, and equals DEALRETURNS on those flows in date order.
    expect(
      xnpv(new Decimal(t[1][1] as number), engine[0].flows)
        .abs()
        .lt("1e-9"),
    ).toBe(true);
    const own = f.dealReturnsFn([[-60], [-40], [3.2], [40], [190]], [[ENTRY], [ENTRY], [ENTRY + 365], [EXIT], [EXIT]]);
    expect(t[1][1]).toBe(own[0][1]);
  });

  test("French headers, columns in any order, extra columns ignored; blank rows are listed, never dropped silently", () => {
    const t = f.holderReturnsFn([
      ["Montant", "Note", "Date", "Détenteur", "Instrument"],
      [-10, "entry", ENTRY, "A", "Actions"],
      [null, null, null, null, null],
      [15, "exit", EXIT, "A", "Actions"],
    ]);
    expect(t[1][0]).toBe("A");
    expect(t[1][2]).toBe(1.5);
    expect(t[2][0]).toBe("Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 row of flows (number 3)");
    expect(t[2]).toHaveLength(9);
  });

  test("errors name the argument, the holder and its rows", () => {
    const noPaid = [
      HEADER,
      ["Sponsor", "Shares", ENTRY, -10],
      ["Sponsor", "Shares", EXIT, 20],
      ["Co-investor", "Shares", ENTRY, 5],
      ["Co-investor", "Loan", EXIT, 6],
    ];
    expect(cellError(() => f.holderReturnsFn(noPaid)).message).toBe(
      'flows of "Co-investor" (rows 4, 5): flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires',
    );
    expect(
      cellError(() => f.holderReturnsFn([HEADER, ["A", "Shares", ENTRY, -10], ["B", "Shares", ENTRY, -5], ["A", "Shares", EXIT, 20]])).message,
    ).toBe('flows of "B" (row 3): flows must have at least two dated cash flows, got 1');
    expect(cellError(() => f.holderReturnsFn([HEADER, ["A", "Shares", "04/04/2025", -10], ["A", "Shares", EXIT, 20]])).message).toBe(
      'flows: Date must be a date (a day serial number from 0 to 2958465, 31/12/9999), got the text "04/04/2025" (row 2)',
    );
    expect(cellError(() => f.holderReturnsFn([HEADER, ["A", "Shares", ENTRY, -10], ["A", "Shares", EXIT, null]])).message).toMatch(
      /^flows: Amount \(row 3\) /,
    );
    expect(cellError(() => f.holderReturnsFn([HEADER, ["A", null, ENTRY, -10], ["A", "Shares", EXIT, 20]])).message).toBe(
      "flows: Instrument must not be empty (row 2)",
    );
    expect(
      cellError(() =>
        f.holderReturnsFn([
          ["Holder", "Date", "Amount"],
          ["A", ENTRY, -10],
        ]),
      ).message,
    ).toMatch(/^flows must have a column "Instrument" in its header row/);
    expect(cellError(() => f.holderReturnsFn(TABLE, "ten")).message).toBe('guess must be a number, got the text "ten"');
  });
});
