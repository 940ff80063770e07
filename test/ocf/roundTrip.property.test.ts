/**
 * Round trip, as a property over generated histories: importing the OCF export of a history gives
 * the same holdings, strikes, vesting and convertible terms, and each transfer's and repurchase's
 * price (a transfer's from the export's extension file, x-captable.json) (and each export validates against the
 * official OCF 1.2.0 schemas, object by object). The history JSON that `import-ocf --cap-table -o` writes and
 * `export-ocf` reads gives back the same history too.
 */
import fc from "fast-check";
import { capTableAsOf, type CapTableHistory, type Issuance } from "../../src/engine/history/history";
import { historyToJson, parseHistoryJson } from "../../src/ocf/historyJson";
import { readOcfPackage } from "../../src/ocf/read";
import { writeOcfPackage } from "../../src/ocf/write";
import { historyArb } from "./historyArb";
import { md5 } from "./ocfFixture";
import { packageErrors } from "./ocfSchema";

const options = {
  issuer: { id: "issuer", legalName: "Generated SAS", formationDate: "2019-12-01", countryOfFormation: "FR" },
  asOf: "2030-01-01",
  generatedAt: "2030-01-01T00:00:00Z",
  currency: "EUR",
  md5,
};

/** Every date the history names (events and vesting instalments) and one after the last. */
function datesOf(h: CapTableHistory): string[] {
  const dates = new Set<string>(["2035-01-01"]);
  for (const e of h.events) {
    dates.add(e.date);
    if (e.type === "ISSUANCE") for (const v of e.vesting ?? []) dates.add(v.date);
  }
  return [...dates].sort();
}

/** Holdings, strikes and vested counts as of a date, as exact decimal text. */
function table(h: CapTableHistory, date: string) {
  const t = capTableAsOf(h, date);
  return {
    stock: t.stock.map((s) => `${s.holderId}/${s.classId}=${s.shares.toFixed()}`).sort(),
    derivatives: t.derivatives
      .map((d) => `${d.securityId}:${d.holderId}:${d.quantity.toFixed()}@${d.exercisePrice?.toFixed()}:vested ${d.vested?.toFixed()}`)
      .sort(),
    convertibles: t.convertibles.map((c) => `${c.securityId}:${c.holderId}:${c.amount.toFixed()} ${c.currency}`).sort(),
    plans: t.plans.map((p) => `${p.planId}:${p.reserved.toFixed()}/${p.available.toFixed()}`),
    fullyDiluted: t.fullyDiluted.toFixed(),
  };
}

/** Each grant's strike and schedule, and each convertible's terms, by security. */
function terms(h: CapTableHistory) {
  const text = (v: unknown) =>
    JSON.stringify(v, (_, x: unknown) => (x !== null && typeof x === "object" && "toFixed" in x ? (x as { toFixed(): string }).toFixed() : x));
  return h.events
    .filter((e): e is Issuance => e.type === "ISSUANCE")
    .map((e) => ({
      security: e.securityId,
      price: e.price?.toFixed(),
      vesting: e.vesting?.map((v) => `${v.date}=${v.quantity.toFixed()}`),
      conversion: e.conversion === undefined ? undefined : JSON.parse(text(e.conversion)),
    }));
}

/** Each closing transaction's price (a transfer's in the extension file, a repurchase's in OCF), by transaction. */
function closingPrices(h: CapTableHistory): string[] {
  return h.events.flatMap((e) => (e.type !== "ISSUANCE" && "price" in e && e.price !== undefined ? [`${e.id}:${e.type}@${e.price.toFixed()}`] : []));
}

describe("OCF round trip over generated histories", () => {
  test("import(export(h)) gives the same holdings, strikes, vesting and convertible terms; every export object validates", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const out = writeOcfPackage(h, options);
        expect(packageErrors(out.files)).toEqual([]);
        const again = readOcfPackage(out.files, { md5, requireMd5: true });
        expect(again.report.skipped).toEqual([]);
        expect(terms(again.history)).toEqual(terms(h));
        expect(closingPrices(again.history)).toEqual(closingPrices(h));
        for (const date of datesOf(h)) expect(table(again.history, date)).toEqual(table(h, date));
      }),
      { numRuns: 60 },
    );
  });

  test("the history JSON reads back to the same history", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const text = JSON.stringify(historyToJson(h, options.issuer));
        const back = parseHistoryJson(JSON.parse(text));
        expect(back.issuer).toEqual(options.issuer);
        expect(JSON.parse(JSON.stringify(historyToJson(back.history, back.issuer)))).toEqual(JSON.parse(text));
        expect(terms(back.history)).toEqual(terms(h));
        for (const date of datesOf(h).slice(-3)) expect(table(back.history, date)).toEqual(table(h, date));
      }),
      { numRuns: 60 },
    );
  });
});
