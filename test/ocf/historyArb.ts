/**
 * Generated cap-table histories for the OCF round-trip property: a list of random steps read in
 * order into a history that is consistent by construction (each closing names an open security,
 * each resulting and balance security is issued on the closing's date).
 */
import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import type { CapTableHistory, ConvertibleTerms, HistoryEvent, Issuance } from "../../src/engine/history/history";

const dec = (n: number, dp = 0) => new Decimal(n).div(new Decimal(10).pow(dp));

/** A step: what to do, and numbers the step reads its choices from. */
const step = fc.record({
  kind: fc.constantFrom(
    "stock",
    "stock",
    "option",
    "option",
    "warrant",
    "safe",
    "note",
    "transfer",
    "cancel",
    "exercise",
    "split",
    "pool",
    "convert",
    "repurchase",
    "accelerate",
  ),
  days: fc.integer({ min: 0, max: 200 }),
  a: fc.nat(),
  b: fc.nat(),
  q: fc.integer({ min: 1, max: 5_000_000 }),
  dp: fc.integer({ min: 0, max: 4 }),
  price: fc.integer({ min: 0, max: 1_000_000 }),
  flag: fc.boolean(),
});

export const historyArb: fc.Arbitrary<CapTableHistory> = fc
  .record({
    preferred: fc.integer({ min: 0, max: 2 }),
    holders: fc.integer({ min: 1, max: 5 }),
    plan: fc.boolean(),
    steps: fc.array(step, { minLength: 1, maxLength: 30 }),
  })
  .map(({ preferred, holders: holderCount, plan, steps }) => {
    const classes: CapTableHistory["classes"][number][] = [
      {
        id: "common",
        name: "Common",
        kind: "COMMON",
        seniority: 1,
        conversionRatio: new Decimal(1),
        votesPerShare: new Decimal(1),
        authorized: new Decimal(1e9),
      },
    ];
    for (let i = 0; i < preferred; i++)
      classes.push({
        id: `pref${i}`,
        name: `Series ${String.fromCharCode(65 + i)}`,
        kind: "PREFERRED",
        seniority: 2 + i,
        originalIssuePrice: dec(125 + i * 300, 2),
        liquidationPreferenceMultiple: new Decimal(1 + i),
        ...(i === 1 ? { participationCapMultiple: new Decimal(3) } : {}),
        conversionRatio: i === 0 ? new Decimal(1) : new Decimal("1.25"),
        votesPerShare: new Decimal(1),
        authorized: new Decimal(1e9),
      });
    const holders = Array.from({ length: holderCount }, (_, i) => ({
      id: `h${i}`,
      name: `Holder ${i}`,
      kind: (i % 2 === 0 ? "INDIVIDUAL" : "INSTITUTION") as "INDIVIDUAL" | "INSTITUTION",
    }));
    const plans: CapTableHistory["plans"][number][] = plan
      ? [{ id: "plan", name: "ESOP", reserved: new Decimal(2_000_000), cancelledGrants: "RETURN_TO_POOL", classIds: ["common"] }]
      : [];
    const events: HistoryEvent[] = [];
    /** Open securities by kind: id -> its issuance and what it holds now. */
    const open = new Map<string, { issuance: Issuance; quantity: Decimal }>();
    let day = Date.UTC(2020, 0, 1);
    let n = 0;
    const nextId = (prefix: string) => `${prefix}-${++n}`;
    const iso = () => new Date(day).toISOString().slice(0, 10);
    const issue = (i: Omit<Issuance, "type" | "id" | "date" | "securityId">, prefix: string): Issuance => {
      const securityId = nextId(prefix);
      const e: Issuance = { type: "ISSUANCE", id: `${securityId}.ISS`, date: iso(), securityId, ...i };
      events.push(e);
      open.set(securityId, { issuance: e, quantity: i.quantity ?? i.amount! });
      return e;
    };
    const pick = (kind: Issuance["kind"], k: number) => {
      const ids = [...open.entries()].filter(([, s]) => s.issuance.kind === kind);
      return ids.length === 0 ? undefined : ids[k % ids.length];
    };
    const close = (id: string) => open.delete(id);

    for (const s of steps) {
      day += s.days * 86_400_000;
      const holder = holders[s.a % holders.length].id;
      const other = holders[s.b % holders.length].id;
      const cls = classes[s.b % classes.length].id;
      const quantity = dec(s.q, s.dp);
      const price = dec(s.price, 4);
      switch (s.kind) {
        case "stock":
          issue({ kind: "STOCK", holderId: holder, classId: cls, quantity, price, currency: "EUR" }, "S");
          break;
        case "option": {
          // Vesting: none, or instalments that add up to the grant (a cliff then equal months, with a remainder).
          const count = 1 + (s.b % 12);
          const each = quantity.div(count).toDecimalPlaces(s.dp, Decimal.ROUND_DOWN);
          const vesting = s.flag
            ? Array.from({ length: count }, (_, i) => ({
                date: new Date(day + (i + 6) * 30 * 86_400_000).toISOString().slice(0, 10),
                quantity: i === count - 1 ? quantity.sub(each.mul(count - 1)) : each,
              }))
            : undefined;
          issue(
            {
              kind: "OPTION",
              holderId: holder,
              ...(plan ? { planId: "plan" } : {}),
              classId: "common",
              quantity,
              price,
              currency: "EUR",
              compensationType: s.flag ? "OPTION_ISO" : "OPTION_NSO",
              expirationDate: new Date(day + 3650 * 86_400_000).toISOString().slice(0, 10),
              ...(vesting !== undefined ? { vesting } : {}),
            },
            "O",
          );
          break;
        }
        case "warrant":
          issue({ kind: "WARRANT", holderId: holder, classId: cls, quantity, price, currency: "EUR" }, "W");
          break;
        case "safe":
        case "note": {
          const terms: ConvertibleTerms =
            s.kind === "safe"
              ? {
                  mechanism: "SAFE",
                  mfn: s.flag,
                  ...(s.b % 3 !== 0 ? { discount: dec(s.b % 30, 2) } : {}),
                  ...(s.b % 3 !== 1 ? { valuationCap: dec(s.q * 10), capCurrency: "EUR" } : {}),
                  timing: s.flag ? "POST_MONEY" : "PRE_MONEY",
                }
              : {
                  mechanism: "NOTE",
                  mfn: s.flag,
                  discount: dec(s.b % 25, 2),
                  ...(s.flag ? { valuationCap: dec(s.q * 7), capCurrency: "EUR" } : {}),
                  interestRates: [{ rate: dec(s.price % 12, 2), from: iso() }],
                  dayCount: s.flag ? "ACTUAL_365" : "30_360",
                  interestPayout: "DEFERRED",
                  accrualPeriod: s.flag ? "DAILY" : "ANNUAL",
                  compounding: s.flag ? "SIMPLE" : "COMPOUNDING",
                };
          issue(
            {
              kind: "CONVERTIBLE",
              holderId: holder,
              amount: dec(s.q, 2),
              currency: "EUR",
              convertibleType: s.kind === "safe" ? "SAFE" : "NOTE",
              conversion: terms,
            },
            "C",
          );
          break;
        }
        case "transfer": {
          const found = pick("STOCK", s.a);
          if (found === undefined) break;
          const [id, sec] = found;
          // Part (or all) of the certificate to another holder; the rest on a balance certificate.
          const part = sec.quantity
            .mul(1 + (s.b % 4))
            .div(4)
            .toDecimalPlaces(4, Decimal.ROUND_DOWN);
          if (part.isZero()) break;
          const to = issue({ kind: "STOCK", holderId: other, classId: sec.issuance.classId, quantity: part, price, currency: "EUR" }, "S");
          const rest = sec.quantity.sub(part);
          const balance = rest.isZero()
            ? undefined
            : issue(
                {
                  kind: "STOCK",
                  holderId: sec.issuance.holderId,
                  classId: sec.issuance.classId,
                  quantity: rest,
                  price: sec.issuance.price,
                  currency: "EUR",
                },
                "S",
              );
          close(id);
          events.push({
            type: "TRANSFER",
            id: nextId("TR"),
            date: iso(),
            securityId: id,
            quantity: part,
            resultingSecurityIds: [to.securityId],
            ...(balance !== undefined ? { balanceSecurityId: balance.securityId } : {}),
            // A price paid between holders (OCF 1.2.0 has no field for it: the export's extension file carries it).
            ...(s.flag ? { price } : {}),
          });
          break;
        }
        case "cancel": {
          const found = pick(s.flag ? "STOCK" : "OPTION", s.a);
          if (found === undefined) break;
          close(found[0]);
          events.push({
            type: "CANCELLATION",
            id: nextId("X"),
            date: iso(),
            securityId: found[0],
            quantity: found[1].quantity,
            resultingSecurityIds: [],
          });
          break;
        }
        case "repurchase": {
          const found = pick("STOCK", s.a);
          if (found === undefined) break;
          close(found[0]);
          events.push({
            type: "REPURCHASE",
            id: nextId("R"),
            date: iso(),
            securityId: found[0],
            quantity: found[1].quantity,
            price,
            resultingSecurityIds: [],
          });
          break;
        }
        case "exercise": {
          const found = pick("OPTION", s.a);
          if (found === undefined) break;
          const [id, sec] = found;
          const stock = issue(
            { kind: "STOCK", holderId: sec.issuance.holderId, classId: "common", quantity: sec.quantity, price: sec.issuance.price, currency: "EUR" },
            "S",
          );
          close(id);
          events.push({
            type: "EXERCISE",
            id: nextId("E"),
            date: iso(),
            securityId: id,
            quantity: sec.quantity,
            resultingSecurityIds: [stock.securityId],
          });
          break;
        }
        case "convert": {
          const found = pick("CONVERTIBLE", s.a);
          if (found === undefined) break;
          const [id, sec] = found;
          const stock = issue({ kind: "STOCK", holderId: sec.issuance.holderId, classId: cls, quantity, price, currency: "EUR" }, "S");
          close(id);
          events.push({ type: "CONVERSION", id: nextId("CV"), date: iso(), securityId: id, resultingSecurityIds: [stock.securityId] });
          break;
        }
        case "split": {
          // 2-for-1, 3-for-2 or 1-for-2: ratios OCF writes as numerator/1 with few decimals.
          const ratio = [new Decimal(2), new Decimal("1.5"), new Decimal("0.5")][s.b % 3];
          events.push({ type: "SPLIT", id: nextId("SP"), date: iso(), classId: cls, ratio });
          for (const sec of open.values()) if (sec.issuance.kind === "STOCK" && sec.issuance.classId === cls) sec.quantity = sec.quantity.mul(ratio);
          break;
        }
        case "pool":
          if (plan) events.push({ type: "POOL_ADJUSTMENT", id: nextId("P"), date: iso(), planId: "plan", reserved: new Decimal(2_000_000 + s.q) });
          break;
        case "accelerate": {
          const found = pick("OPTION", s.a);
          if (found === undefined || found[1].issuance.vesting === undefined) break;
          events.push({
            type: "VESTING_ACCELERATION",
            id: nextId("VA"),
            date: iso(),
            securityId: found[0],
            quantity: found[1].quantity.div(2).toDecimalPlaces(s.dp, Decimal.ROUND_DOWN),
          });
          break;
        }
      }
    }
    return { classes, holders, plans, events };
  });
