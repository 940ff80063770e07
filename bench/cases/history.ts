/**
 * A company's cap table over time (src/engine/history): 10,000 option grants on a 4-year monthly
 * schedule with a 1-year cliff, 50 other events (issuances, transfers with balances, a split, pool
 * top-ups), replayed to the cap table as of a date with every grant's vested quantity.
 * Target: under 100 ms (median of 7 runs after 2 warm-up runs), the figure research/anchors.md §5 sets.
 * The runs ask the same history again (its checks, replay order and schedule lookups are kept); the
 * next row asks a history never seen, as a model build or an import does, for information.
 * Then issue 17's own case, target under 200 ms: the first as-of of a company whose grants carry
 * vesting terms, every schedule built from them on the way (as an OCF import builds them).
 * Last, for information, the OCF import of the same company (md5s, JSON, checks, schedules, as the
 * taskpane reads a package): with each grant's vesting listed, as the export writes it, and with
 * the grants pointing to vesting terms instead.
 */
import { Decimal } from "../../src/engine/decimal";
import { capTableAsOf, type CapTableHistory, type HistoryEvent } from "../../src/engine/history/history";
import { vestingSchedule, type VestingTermsSpec } from "../../src/engine/history/vesting";
import { md5Hex } from "../../src/ocf/md5";
import { readOcfPackage, type OcfFile } from "../../src/ocf/read";
import { writeOcfPackage } from "../../src/ocf/write";
import { defineCase, medianMsBoth, type Measurement } from "../harness";

const GRANTS = 10_000;
const d = (x: number | string) => new Decimal(x);

const terms: VestingTermsSpec = {
  id: "4y1y",
  allocation: "CUMULATIVE_ROUNDING",
  conditions: [
    { id: "start", quantity: d(0), trigger: { type: "START" } },
    { id: "cliff", portion: d(12).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 12, occurrences: 1, relativeTo: "start" } },
    { id: "monthly", portion: d(1).div(48), trigger: { type: "RELATIVE", unit: "MONTHS", length: 1, occurrences: 36, relativeTo: "cliff" } },
  ],
};

export function company(): CapTableHistory {
  const holders = Array.from({ length: GRANTS + 10 }, (_, i) => ({ id: `h${i}`, name: `Holder ${i}` }));
  const events: HistoryEvent[] = [];
  for (let i = 0; i < 10; i++) {
    events.push({
      type: "ISSUANCE",
      id: `s${i}`,
      date: "2018-01-01",
      securityId: `S-${i}`,
      kind: "STOCK",
      holderId: `h${GRANTS + i}`,
      classId: "common",
      quantity: d(1_000_000),
    });
  }
  for (let i = 0; i < 10; i++) {
    events.push({
      type: "TRANSFER",
      id: `t${i}`,
      date: "2019-06-01",
      securityId: `S-${i}`,
      quantity: d(1000),
      resultingSecurityIds: [`S-${i}-to`],
      balanceSecurityId: `S-${i}-bal`,
    });
    events.push({
      type: "ISSUANCE",
      id: `t${i}-to`,
      date: "2019-06-01",
      securityId: `S-${i}-to`,
      kind: "STOCK",
      holderId: `h${((i + 1) % 10) + GRANTS}`,
      classId: "common",
      quantity: d(1000),
    });
    events.push({
      type: "ISSUANCE",
      id: `t${i}-bal`,
      date: "2019-06-01",
      securityId: `S-${i}-bal`,
      kind: "STOCK",
      holderId: `h${GRANTS + i}`,
      classId: "common",
      quantity: d(999_000),
    });
  }
  events.push({ type: "SPLIT", id: "split", date: "2020-01-01", classId: "common", ratio: d(2) });
  for (let i = 0; i < 9; i++)
    events.push({ type: "POOL_ADJUSTMENT", id: `p${i}`, date: `202${i % 6}-07-01`, planId: "esop", reserved: d(10_000_000 + i * 1_000_000) });
  let seed = 20251130;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < GRANTS; i++) {
    const quantity = d(1000 + Math.floor(next() * 9000));
    const month = 1 + Math.floor(next() * 12);
    const year = 2019 + Math.floor(next() * 6);
    const start = `${year}-${String(month).padStart(2, "0")}-15`;
    events.push({
      type: "ISSUANCE",
      id: `o${i}`,
      date: start,
      securityId: `O-${i}`,
      kind: "OPTION",
      holderId: `h${i}`,
      planId: "esop",
      quantity,
      price: d("0.25"),
      vesting: vestingSchedule(terms, quantity, start).instalments,
    });
  }
  return {
    classes: [{ id: "common", name: "Common", kind: "COMMON", seniority: 1, conversionRatio: d(1) }],
    holders,
    plans: [{ id: "esop", name: "Plan", reserved: d(20_000_000), cancelledGrants: "RETURN_TO_POOL" }],
    events,
  };
}

export default defineCase({
  name: "Cap table history",
  run() {
    const history = company();
    const table = capTableAsOf(history, "2025-06-30");
    const rows: Measurement[] = [];
    if (table.derivatives.length !== GRANTS)
      return [
        { name: "as of a date, 10,000 grants", value: 0, unit: "ms", problem: `${table.derivatives.length} grants outstanding, not ${GRANTS}` },
      ];
    const t = medianMsBoth(() => capTableAsOf(history, "2025-06-30"));
    rows.push({
      name: "as of a date, 10,000 grants + 50 events",
      value: t.wall,
      unit: "ms",
      target: { below: 100 },
      note: `CPU ${t.cpu.toFixed(1)} ms`,
    });
    // A history never seen: its checks, its replay order and every grant's schedule lookup are built on the way
    // (a new events list and new schedule arrays each run; the instalments themselves are shared).
    const fresh = Array.from({ length: 9 }, () => ({
      ...history,
      events: history.events.map((e) => (e.type === "ISSUANCE" && e.vesting !== undefined ? { ...e, vesting: e.vesting.slice() } : { ...e })),
    }));
    const f = medianMsBoth(() => capTableAsOf(fresh.pop()!, "2025-06-30"));
    rows.push({
      name: "the same, first time for a history (checks included)",
      value: f.wall,
      unit: "ms",
      note: `CPU ${f.cpu.toFixed(1)} ms; for information`,
    });
    // The issue's own wording (#17): an OCF package's grants carry vesting terms, so the first as-of builds every schedule too.
    const starts = history.events.flatMap((e) =>
      e.type === "ISSUANCE" && e.vesting !== undefined && e.quantity !== undefined ? [{ id: e.id, quantity: e.quantity, date: e.date }] : [],
    );
    const built = medianMsBoth(() => {
      const byId = new Map(starts.map((g) => [g.id, vestingSchedule(terms, g.quantity, g.date).instalments]));
      capTableAsOf(
        {
          ...history,
          events: history.events.map((e) => (e.type === "ISSUANCE" && e.vesting !== undefined ? { ...e, vesting: byId.get(e.id) } : { ...e })),
        },
        "2025-06-30",
      );
    });
    rows.push({
      name: "first as of a date for a company with 10,000 grants from vesting terms (schedules built, checks included)",
      value: built.wall,
      unit: "ms",
      target: { below: 200 },
      note: `CPU ${built.cpu.toFixed(1)} ms`,
    });
    const s = medianMsBoth(() => {
      for (let i = 0; i < GRANTS; i++) vestingSchedule(terms, d(4800), "2021-03-31");
    });
    rows.push({ name: "vesting schedules, 10,000 grants x 37 tranches", value: s.wall, unit: "ms", note: "for information" });
    const listed = writeOcfPackage(history, {
      issuer: { id: "co", legalName: "Company", formationDate: "2017-01-01", countryOfFormation: "US" },
      asOf: "2025-06-30",
      generatedAt: "2025-06-30T00:00:00Z",
      currency: "USD",
      md5: md5Hex,
    }).files;
    for (const [what, files] of [
      ["each grant's vesting listed", listed],
      ["grants on vesting terms", withTerms(listed)],
    ] as const) {
      const i = medianMsBoth(() => readOcfPackage(files, { md5: md5Hex }), 3, 1);
      rows.push({ name: `OCF import of the same company, ${what}`, value: i.wall, unit: "ms", note: `CPU ${i.cpu.toFixed(1)} ms; for information` });
    }
    return rows;
  },
});

/** The package with the grants pointing to the 4-year terms (OCF's VestingTerms: portions as numerator/denominator) instead of listing their vesting; the md5s left as they are (a warning each). */
function withTerms(files: readonly OcfFile[]): OcfFile[] {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const relative = (id: string, numerator: string, length: number, occurrences: number, to: string) => ({
    id,
    portion: { numerator, denominator: "48" },
    trigger: {
      type: "VESTING_SCHEDULE_RELATIVE",
      period: { length, type: "MONTHS", occurrences, day_of_month: "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH" },
      relative_to_condition_id: to,
    },
    next_condition_ids: id === "cliff" ? ["monthly"] : [],
  });
  const vestingTerms = {
    file_type: "OCF_VESTING_TERMS_FILE",
    items: [
      {
        object_type: "VESTING_TERMS",
        id: "4y1y",
        name: "4 years, 1-year cliff",
        description: "Monthly over 4 years after a 1-year cliff",
        allocation_type: "CUMULATIVE_ROUNDING",
        vesting_conditions: [
          { id: "start", quantity: "0", trigger: { type: "VESTING_START_DATE" }, next_condition_ids: ["cliff"] },
          relative("cliff", "12", 12, 1, "start"),
          relative("monthly", "1", 1, 36, "cliff"),
        ],
      },
    ],
  };
  return files.map((f) => {
    if (f.path.endsWith("VestingTerms.ocf.json")) return { path: f.path, bytes: encoder.encode(JSON.stringify(vestingTerms)) };
    if (!f.path.endsWith("Transactions.ocf.json")) return f;
    const body = JSON.parse(decoder.decode(f.bytes)) as { items: Record<string, unknown>[] };
    for (const t of body.items) {
      if (t.vestings === undefined) continue;
      delete t.vestings;
      t.vesting_terms_id = "4y1y";
    }
    return { path: f.path, bytes: encoder.encode(JSON.stringify(body)) };
  });
}
