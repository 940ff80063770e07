/**
 * Sources and uses (equity as the plug) and the seller's gain on disposal, with the Iliad / OpCore
 * figures the public record allows (shared/research/domain.md §3).
 */
import fc from "fast-check";
import { Decimal, disposalGain, impliedCarryingAmount, sourcesAndUses } from "../../../src/engine";
import { errorOf } from "../../support/engineError";

const d = (v: number | string) => new Decimal(v);

describe("sources and uses", () => {
  test("an LBO-style closing: equity is the plug, the check is 0", () => {
    const r = sourcesAndUses(
      [
        { label: "Purchase of equity", amount: d(600) },
        { label: "Refinanced debt", amount: d(300) },
        { label: "Fees", amount: d(30) },
      ],
      [
        { label: "Senior debt", amount: d(500) },
        { label: "Shareholder loans", amount: d(200) },
      ],
      "Sponsor equity",
    );
    expect([r.totalUses.toString(), r.equity.toString(), r.totalSources.toString(), r.check.toString()]).toEqual(["930", "230", "930", "0"]);
    expect(r.sources.map((s) => s.label)).toEqual(["Senior debt", "Shareholder loans", "Sponsor equity"]);
  });

  test("property: sources equal uses", () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(amounts, amounts, (u, s) => {
        const uses = [...u, s.reduce((a, b) => a + b, 0)].map((a, i) => ({ label: `U${i}`, amount: d(a) }));
        const r = sourcesAndUses(
          uses,
          s.map((a, i) => ({ label: `S${i}`, amount: d(a) })),
          "Equity",
        );
        expect(r.check.isZero()).toBe(true);
        expect(r.totalSources.eq(r.totalUses)).toBe(true);
      }),
    );
  });

  test("sources above the uses: an error, never a negative equity", () => {
    expect(errorOf(() => sourcesAndUses([{ label: "Price", amount: d(100) }], [{ label: "Debt", amount: d(120) }], "Equity")).message).toBe(
      "the sources (120) exceed the uses (100) before any equity: the equity plug would be negative; reduce a source or add a use",
    );
  });
});

describe("seller's gain on disposal", () => {
  test("Iliad / OpCore: EUR 466M reported; with the public EV of 860M and no net debt (assumed), the carrying amount implied is 394M", () => {
    // Public: 50% sold, EV 860M (DCD, TelecomTV), gain 466M (quotidiano.net, boursorama). Assumed:
    // equity = EV (no net debt), no costs, the 50% retained remeasured at the same value (joint control, IFRS 10 B98).
    const proceeds = d(430);
    const retained = d(430);
    const carrying = impliedCarryingAmount(proceeds, retained, d(0), d(466));
    expect(carrying.toString()).toBe("394");
    const r = disposalGain({ proceeds, carryingAmount: carrying, stakeSold: d(0.5), retainedFairValue: retained, costs: d(0) });
    expect([r.carryingSold, r.gainOnSale, r.remeasurement, r.gain].map(String)).toEqual(["197", "233", "233", "466"]);
  });

  test("without a fair value for the part retained: proceeds - stake x carrying amount - costs", () => {
    const r = disposalGain({ proceeds: d(300), carryingAmount: d(400), stakeSold: d(0.5), costs: d(10) });
    expect([r.gainOnSale.toString(), r.remeasurement.toString(), r.gain.toString()]).toEqual(["90", "0", "90"]);
    expect(
      errorOf(() => disposalGain({ proceeds: d(1), carryingAmount: d(1), stakeSold: d(1), retainedFairValue: d(5), costs: d(0) })).argument,
    ).toBe("retained_fair_value");
  });
});
