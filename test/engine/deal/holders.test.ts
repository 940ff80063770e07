/**
 * Returns per holder across several instruments (issue 16): one IRR and one MOIC per holder over all
 * its flows (shares, shareholder loans, preferred with cumulative dividends, management equity with a
 * ratchet). Properties: each holder's IRR discounts its own flows to zero (XNPV), its MOIC is what it
 * received over what it paid on every instrument, the nets per instrument add up to its net gain, and
 * how the same cash is split between instruments does not change the IRR.
 */
import fc from "fast-check";
import { Decimal, EngineError, accruedInterest, returnsByHolder, xnpv, type HolderFlow } from "../../../src/engine";

const D = (n: number | string) => new Decimal(n);
const flow = (holder: string, instrument: string, date: number, amount: number | Decimal): HolderFlow => ({
  holder,
  instrument,
  date,
  amount: typeof amount === "number" ? D(amount) : amount,
});

const ENTRY = 45_751; // 2025-04-04
const EXIT = ENTRY + 5 * 365;

describe("one IRR per holder across its instruments", () => {
  test("a sponsor's strip (shares, loan, preferred with cumulative dividends) and management equity with a ratchet", () => {
    // Sponsor: 60 of shares, 30 of shareholder loan (PIK 8%, annual), 10 of preferred (cumulative 10%, annual, unpaid until exit).
    const years = D(EXIT - ENTRY).div(365);
    const loanAtExit = D(30).plus(accruedInterest(D(30), D("0.08"), years, "ANNUAL"));
    const prefAtExit = D(10).plus(accruedInterest(D(10), D("0.1"), years, "ANNUAL"));
    // Exit equity after the loan and the preferred: 250; management holds 10% of the ordinary shares, 15% if the sponsor's MOIC reaches 2x (it does).
    const ordinary = D(250);
    const management = ordinary.times("0.15");
    const flows = [
      flow("Sponsor", "Shares", ENTRY, -60),
      flow("Sponsor", "Shareholder loan", ENTRY, -30),
      flow("Sponsor", "Preferred", ENTRY, -10),
      flow("Management", "Sweet equity", ENTRY, -2),
      flow("Sponsor", "Shares", ENTRY + 365, 3),
      flow("Sponsor", "Shareholder loan", EXIT, loanAtExit),
      flow("Sponsor", "Preferred", EXIT, prefAtExit),
      flow("Sponsor", "Shares", EXIT, ordinary.minus(management)),
      flow("management", "Sweet equity", EXIT, management),
    ];
    const [sponsor, mgmt] = returnsByHolder(flows);
    expect(sponsor.holder).toBe("Sponsor");
    expect(sponsor.instruments).toEqual(["Shares", "Shareholder loan", "Preferred"]);
    expect(sponsor.returns.invested.toNumber()).toBe(100);
    expect(sponsor.returns.moic.toString()).toBe(D(3).plus(loanAtExit).plus(prefAtExit).plus(ordinary.minus(management)).div(100).toString());
    expect(sponsor.returns.moic.gte(2)).toBe(true);
    expect(sponsor.netByInstrument[1].toString()).toBe(loanAtExit.minus(30).toString());
    // Management: one holder whatever the case of its name, its own IRR.
    expect(mgmt.holder).toBe("Management");
    expect(mgmt.flows).toHaveLength(2);
    expect(mgmt.returns.moic.toNumber()).toBeCloseTo(management.toNumber() / 2, 12);
    for (const h of [sponsor, mgmt]) expect(xnpv(D(h.returns.irr), h.flows).abs().lt("1e-6")).toBe(true);
    // The strip's IRR lies between its instruments' own IRRs (the loan's 8% and the shares' higher return).
    expect(sponsor.returns.irr).toBeGreaterThan(0.08);
  });

  test("a holder whose flows give no IRR is an error naming the holder", () => {
    const flows = [flow("Sponsor", "Shares", ENTRY, -10), flow("Sponsor", "Shares", EXIT, 20), flow("Co-investor", "Shares", ENTRY, -5)];
    expect(() => returnsByHolder(flows)).toThrow(EngineError);
    expect(() => returnsByHolder(flows)).toThrow(/flows of "Co-investor": flows must have at least two dated cash flows/);
  });
});

describe("properties", () => {
  const INSTRUMENTS = ["Shares", "Shareholder loan", "Preferred", "Management equity"];
  /** A holder's flows: an entry on each of its instruments, received amounts from six months on (sooner, a 3,000,000x gain in a day has an IRR beyond any double), on random instruments and days. */
  const holderFlows = (holder: string) =>
    fc
      .record({
        entries: fc.array(fc.record({ instrument: fc.constantFrom(...INSTRUMENTS), amount: fc.integer({ min: 1, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        receipts: fc.array(
          fc.record({
            instrument: fc.constantFrom(...INSTRUMENTS),
            day: fc.integer({ min: 180, max: 3_650 }),
            amount: fc.integer({ min: 1, max: 3_000_000 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
      })
      .map(({ entries, receipts }) => [
        ...entries.map((e) => flow(holder, e.instrument, ENTRY, -e.amount)),
        ...receipts.map((r) => flow(holder, r.instrument, ENTRY + r.day, r.amount)),
      ]);
  const book = fc
    .tuple(holderFlows("Sponsor"), holderFlows("Management"), holderFlows("Co-investor"))
    .chain(([a, b, c]) => fc.shuffledSubarray([...a, ...b, ...c], { minLength: a.length + b.length + c.length }));

  test("each holder's IRR discounts its own flows to zero; MOIC and the nets per instrument add up", () => {
    fc.assert(
      fc.property(book, (flows) => {
        const result = returnsByHolder(flows);
        expect(result.map((h) => h.holder).sort()).toEqual(["Co-investor", "Management", "Sponsor"]);
        for (const h of result) {
          const own = flows.filter((f) => f.holder === h.holder);
          expect(h.flows).toHaveLength(own.length);
          // XNPV at the IRR, in exact decimals, relative to the flows discounted at the IRR (the terms whose
          // sum is zero), as the XIRR property test does; near -100% 1 + r keeps few digits in a double.
          const irr = h.returns.irr;
          if (irr > -0.999) {
            const t0 = h.flows[0].date;
            const scale = h.flows.reduce((acc, f) => acc + Math.abs(f.amount.toNumber()) * Math.pow(1 + irr, -(f.date - t0) / 365), 0);
            expect(Math.abs(xnpv(D(irr), h.flows).toNumber())).toBeLessThan(1e-9 * scale);
          }
          const paid = own.filter((f) => f.amount.isNegative()).reduce((acc, f) => acc.minus(f.amount), D(0));
          const received = own.filter((f) => f.amount.isPositive()).reduce((acc, f) => acc.plus(f.amount), D(0));
          expect(h.returns.moic.eq(received.div(paid))).toBe(true);
          expect(h.netByInstrument.reduce((acc, n) => acc.plus(n), D(0)).eq(h.returns.netGain)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 1616 },
    );
  });

  test("the IRR does not depend on how the same cash is split between instruments", () => {
    fc.assert(
      fc.property(holderFlows("Sponsor"), fc.integer({ min: 1, max: 99 }), (flows, pct) => {
        const split = flows.flatMap((f) => [
          { ...f, instrument: "Shares", amount: f.amount.times(pct).div(100) },
          { ...f, instrument: "Shareholder loan", amount: f.amount.times(100 - pct).div(100) },
        ]);
        const [whole] = returnsByHolder(flows);
        const [parts] = returnsByHolder(split);
        expect(parts.instruments).toEqual(["Shares", "Shareholder loan"]);
        expect(Math.abs(parts.returns.irr - whole.returns.irr)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(whole.returns.irr)));
        expect(parts.returns.moic.minus(whole.returns.moic).abs().lt("1e-30")).toBe(true);
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});
