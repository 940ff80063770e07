/**
 * CAPTABLE.PREFACCRUED and CAPTABLE.RATCHET called as Excel calls them (ranges as 2-D arrays, null for
 * omitted optionals): the engine's numbers, the option in use shown, and errors naming the argument.
 */
import * as f from "../../src/functions/functions";
import { cellError } from "../support/customFunctionsRuntime";

describe("CAPTABLE.PREFACCRUED", () => {
  test("defaults: yearly compounding, actual/365; French keywords read", () => {
    expect(f.prefAccruedFn(100, 0.08, 45000, 45730)).toBeCloseTo(16.64, 12);
    expect(f.prefAccruedFn(100, 0.12, 45322, 45504, "simple", "30/360")).toBe(6);
    expect(f.prefAccruedFn(100, 0.1, 45000, 45500, "trimestriel")).toBe(f.pikAccruedFn(100, 0.1, 45000, 45500, "QUARTERLY"));
  });

  test("errors name the argument", () => {
    expect(cellError(() => f.prefAccruedFn(100, 0.1, 45000, 45000, null, "ACT/366")).message).toMatch(/^day_count must be one of "ACT\/365"/);
    expect(cellError(() => f.prefAccruedFn(100, 0.1, "1/1/2024", 45000)).message).toBe(
      'issue_date must be a date (a day serial number), got the text "1/1/2024"',
    );
    expect(cellError(() => f.prefAccruedFn(100, 0.1, 45365, 45000)).message).toBe("to_date must not be before issue_date, got -365 days");
  });
});

describe("CAPTABLE.RATCHET", () => {
  test("FE Training's example: a 25% IRR hurdle over 4 years on 80 invested, the excess shared 50/50", () => {
    const t = f.ratchetFn(
      350,
      0.2,
      [
        ["IRR", "Management share"],
        [0.25, 0.5],
      ],
      null,
      80,
      45658,
      45658 + 4 * 365,
    );
    expect(t[0]).toEqual(["Ratchet applies to", "The equity above each hurdle (excess equity ratchet)", "Management share"]);
    expect(t[2]).toEqual(["Tier 1: from the exit equity giving the investors an IRR of 25%", 244.140625, 0.5]);
    expect(t[3]).toEqual(["Tiers met", 1, ""]);
    expect(t[4][1]).toBe(101.7578125);
    expect(t[5][1]).toBe(248.2421875);
    expect(t[6]).toEqual(["Investors' multiple (pay-out / invested)", 3.10302734375, ""]);
    expect(t[7][1]).toBeCloseTo(Math.pow(3.10302734375, 1 / 4) - 1, 14);
  });

  test("hurdles as exit equity, TOTAL basis, French headers; blank rows listed", () => {
    const t = f.ratchetFn(
      500,
      0.1,
      [
        ["Fonds propres", "Part du management"],
        [200, 0.15],
        [null, null],
        [400, 0.2],
      ],
      "total",
    );
    expect(t[0][1]).toBe("All the equity once a hurdle is met (total equity ratchet)");
    expect(t.slice(2, 4).map((r) => r[1])).toEqual([200, 400]);
    expect(t[5][1]).toBe(100);
    expect(t[5][2]).toBe(0.2);
    expect(t[t.length - 1][0]).toBe("Ignored as empty (blank, or 0 as some Excel builds send an empty cell): 1 row of tiers (number 3)");
  });

  test("errors name the argument, the row and the rule", () => {
    const tiers = [
      ["Multiple", "Management share"],
      [2, 0.3],
    ];
    expect(cellError(() => f.ratchetFn(500, 0.1, tiers)).message).toBe(
      "invested is required: the tiers' hurdles are on the investors' return, a multiple or an IRR of what they invested",
    );
    expect(
      cellError(() =>
        f.ratchetFn(
          500,
          0.1,
          [
            ["IRR", "Management share"],
            [0.2, 0.3],
          ],
          null,
          80,
        ),
      ).message,
    ).toBe("entry_date and exit_date are required: tiers row 2 has an IRR hurdle, timed from entry to exit");
    expect(
      cellError(() =>
        f.ratchetFn(
          500,
          0.1,
          [
            ["Exit equity", "Multiple", "Share"],
            [300, 2, 0.3],
          ],
          null,
          80,
        ),
      ).message,
    ).toBe("tiers: row 2 must give its hurdle either as an Exit equity or as the investors' Multiple and/or IRR, not both");
    expect(
      cellError(() =>
        f.ratchetFn(
          500,
          0.1,
          [
            ["Exit equity", "Multiple", "Share"],
            [300, null, 0.3],
            [null, 3, 0.4],
          ],
          null,
          80,
        ),
      ).message,
    ).toBe("tiers must give every hurdle the same way: all as an Exit equity, or all as the investors' Multiple and/or IRR");
    expect(
      cellError(() =>
        f.ratchetFn(500, 0.2, [
          ["Exit equity", "Share"],
          [300, 0.1],
        ]),
      ).message,
    ).toBe("tiers: the management share of tier 1 must be from 20% (the share below it: a ratchet never lowers it) to 100%, got 10%");
    const many = [["Exit equity", "Share"], ...Array.from({ length: 101 }, (_, i) => [i + 1, 0.2])];
    expect(cellError(() => f.ratchetFn(500, 0.1, many)).message).toBe("tiers must have at most 100 rows, got 101");
    expect(cellError(() => f.ratchetFn(500, 0.1, tiers, "ALL EQUITY")).message).toMatch(/^basis must be one of "EXCESS", "TOTAL"/);
    expect(cellError(() => f.ratchetFn(500, 0.1, tiers, null, 80, 45000)).message).toBe(
      "exit_date is required with entry_date: an IRR needs both dates",
    );
    expect(
      cellError(() =>
        f.ratchetFn(500, 0.1, [
          ["Exit equity", "Share"],
          [300, 1.5],
        ]),
      ).message,
    ).toMatch(/^tiers: Management share \(row 2\) must be between 0% and 100%/);
  });
});
