import { capTableAsOf } from "../../src/engine/history/history";
import { readOcfPackage } from "../../src/ocf/read";
import { companyFiles, companyPackage, companyTransactions, md5 } from "./ocfFixture";

describe("OCF import: a company from founding to a seed round", () => {
  const { history, report } = readOcfPackage(companyPackage(), { md5 });

  it("reports what it read, with every md5 checked", () => {
    expect(report).toMatchObject({ ocfVersion: "1.2.0", issuer: "Example SAS", asOf: "2025-06-30", warnings: [], skipped: [] });
    expect(report.applied).toMatchObject({ STAKEHOLDER: 4, STOCK_CLASS: 2, STOCK_PLAN: 1, TX_STOCK_ISSUANCE: 5, TX_STOCK_TRANSFER: 1 });
    expect(report.noEffect.map((n) => n.objectType).sort()).toEqual(["TX_STOCK_ACCEPTANCE", "TX_VESTING_START"]);
  });

  it("gives the cap table as of any date, with the basis stated", () => {
    const t = capTableAsOf(history, "2025-06-30");
    const byHolder = Object.fromEntries(t.stock.map((s) => [`${s.holderId}/${s.classId}`, s.shares.toString()]));
    expect(byHolder).toEqual({ "ana/common": "6000000", "fund/seed": "2000000", "fund/common": "500000", "ben/common": "3500000" });
    expect(t.outstandingShares.toString()).toBe("12000000");
    // Fully diluted = outstanding as converted + options + available pool (1,000,000 reserved - 480,000 granted).
    expect(t.fullyDiluted.toString()).toBe("13000000");
    // Vesting from 2023-03-01: a quarter at 2024-03-01, then 10,000 a month; 2025-06-30 is 15 months after the cliff.
    expect(t.derivatives[0].vested?.toString()).toBe(String(120000 + 15 * 10000));
    const before = capTableAsOf(history, "2024-06-29");
    expect(before.outstandingShares.toString()).toBe("10000000");
    expect(before.derivatives[0].vested?.toString()).toBe(String(120000 + 3 * 10000));
  });

  it("reads share counts and prices as decimals from OCF's strings, not through floats", () => {
    const t = companyTransactions();
    t[0] = { ...t[0], quantity: "1234567890123.0000000001" };
    const read = readOcfPackage(companyPackage(companyFiles(t)), { md5 });
    const first = read.history.events.find((e) => e.id === "CS-1");
    expect(first && "quantity" in first ? first.quantity?.toString() : undefined).toBe("1234567890123.0000000001");
  });
});

describe("OCF import: hostile or broken packages get a clear error and no partial model", () => {
  const tx = companyTransactions;
  it("refuses another major version and accepts 1.x", () => {
    expect(() => readOcfPackage(companyPackage(companyFiles(tx(), "2.0.0")), { md5 })).toThrow(
      /OCF version "2.0.0" is not read: this reader reads versions 1.x/,
    );
    expect(readOcfPackage(companyPackage(companyFiles(tx(), "1.2.1-alpha+main")), { md5 }).report.ocfVersion).toBe("1.2.1-alpha+main");
  });
  it("a wrong md5 is a warning that is shown, or an error when required", () => {
    const stale = companyPackage(companyFiles(), true);
    expect(readOcfPackage(stale, { md5 }).report.warnings.some((w) => /md5 is [0-9a-f]{32}, the manifest says 0{32} \(read anyway\)/.test(w))).toBe(
      true,
    );
    expect(() => readOcfPackage(stale, { md5, requireMd5: true })).toThrow(/md5 is/);
  });
  it("a transaction on a security never issued (dangling) names it", () => {
    const t = [
      ...tx(),
      { object_type: "TX_STOCK_CANCELLATION", id: "C-9", security_id: "CS-404", date: "2025-01-01", quantity: "1", reason_text: "x" },
    ];
    expect(() => readOcfPackage(companyPackage(companyFiles(t)), { md5 })).toThrow(/event "C-9" \(2025-01-01\): security "CS-404" is not issued/);
  });
  it("securities that loop, and a resulting security dated out of order", () => {
    const loop = [
      ...tx(),
      { object_type: "TX_STOCK_TRANSFER", id: "L-1", security_id: "CS-1", date: "2025-01-01", quantity: "6000000", resulting_security_ids: ["CS-4"] },
      { object_type: "TX_STOCK_TRANSFER", id: "L-2", security_id: "CS-4", date: "2024-09-01", quantity: "3500000", resulting_security_ids: ["CS-1"] },
    ];
    expect(() => readOcfPackage(companyPackage(companyFiles(loop)), { md5 })).toThrow(/not on the date of the event|results from two events|loop/);
    const late = tx().map((t) => (t.id === "CS-3" ? { ...t, date: "2024-09-02" } : t));
    expect(() => readOcfPackage(companyPackage(companyFiles(late)), { md5 })).toThrow(/"CS-3" is issued on 2024-09-02, not on the date/);
  });
  it("a preferred class without a ratio conversion is read one for one, with a warning; a malformed authorized count is an error", () => {
    const files = companyFiles();
    const classes = (files["StockClasses.ocf.json"] as { items: Record<string, unknown>[] }).items;
    delete classes[1].conversion_rights;
    expect(readOcfPackage(companyPackage(files), { md5 }).report.warnings).toEqual([
      'class "Seed Preferred" states no ratio conversion into common: counted one common share per share (as converted, fully diluted)',
    ]);
    classes[1].initial_shares_authorized = "five million";
    expect(() => readOcfPackage(companyPackage(files), { md5 })).toThrow(/STOCK_CLASS "seed": initial_shares_authorized must be an OCF number/);
  });

  it("an unknown transaction type is skipped with the reason; an object breaking the schema is an error naming it", () => {
    const unknown = [...tx(), { object_type: "TX_TIME_TRAVEL", id: "TT-1", date: "2025-01-01" }];
    expect(readOcfPackage(companyPackage(companyFiles(unknown)), { md5 }).report.skipped).toEqual([
      expect.objectContaining({ id: "TT-1", objectType: "TX_TIME_TRAVEL", reason: expect.stringMatching(/not one this reader knows/) }),
    ]);
    const float = tx().map((t) => (t.id === "CS-1" ? { ...t, quantity: 6000000 } : t));
    expect(() => readOcfPackage(companyPackage(companyFiles(float)), { md5 })).toThrow(/TX_STOCK_ISSUANCE "CS-1": quantity/);
    const badDate = tx().map((t) => (t.id === "CS-1" ? { ...t, date: "2023-02-30" } : t));
    expect(() => readOcfPackage(companyPackage(companyFiles(badDate)), { md5 })).toThrow(/date must be a date written YYYY-MM-DD/);
  });
  it("files: missing, outside the package, not JSON, oversized, no manifest", () => {
    const files = companyPackage();
    expect(() =>
      readOcfPackage(
        files.filter((f) => f.path !== "Stakeholders.ocf.json"),
        { md5 },
      ),
    ).toThrow(/lists .\/Stakeholders.ocf.json \(stakeholders_files\), which is not in the package/);
    expect(() =>
      readOcfPackage(
        files.filter((f) => f.path !== "Manifest.ocf.json"),
        { md5 },
      ),
    ).toThrow(/no OCF manifest/);
    const escaping = companyFiles();
    (escaping["Manifest.ocf.json"] as { stakeholders_files: { filepath: string }[] }).stakeholders_files[0].filepath = "../../etc/passwd";
    expect(() => readOcfPackage(companyPackage(escaping), { md5 })).toThrow(/outside the package/);
    const garbled = files.map((f) => (f.path === "Transactions.ocf.json" ? { ...f, bytes: new TextEncoder().encode("{not json") } : f));
    expect(() => readOcfPackage(garbled)).toThrow(/Transactions.ocf.json is not valid JSON/);
    const huge = [...files, { path: "big.bin", bytes: new Uint8Array(50 * 1024 * 1024 + 1) }];
    expect(() => readOcfPackage(huge)).toThrow(/big.bin is 52428801 bytes, more than the 52428800 read/);
  });
  it("a file in the package that the manifest does not list is named in the warnings", () => {
    const extra = [...companyPackage(), { path: "notes.json", bytes: new TextEncoder().encode("{}") }];
    expect(readOcfPackage(extra, { md5 }).report.warnings).toContain("notes.json is in the package but the manifest does not list it; not read");
  });
  it("the exporter's extension file (x-captable.json): a transfer's price is read back; a price for no transaction, twice, in another currency or another version is an error", () => {
    const ext = (body: unknown) => ({ path: "x-captable.json", bytes: new TextEncoder().encode(JSON.stringify(body)) });
    const prices = (transferPrices: unknown[], version: unknown = 1) => ext({ extension: "x-captable", version, transferPrices });
    const read = readOcfPackage([...companyPackage(), prices([{ transactionId: "T-1", pricePerShare: "1.0000000001", currency: "EUR" }])], { md5 });
    const transfer = read.history.events.find((e) => e.id === "T-1");
    expect(transfer).toMatchObject({ type: "TRANSFER" });
    expect(transfer?.type === "TRANSFER" && transfer.price?.toFixed()).toBe("1.0000000001");
    expect(read.report.warnings.filter((w) => /x-captable/.test(w))).toEqual([]);
    expect(read.report.applied.X_CAPTABLE_TRANSFER_PRICE).toBe(1);
    expect(() => readOcfPackage([...companyPackage(), prices([{ transactionId: "T-9", pricePerShare: "1", currency: "EUR" }])], { md5 })).toThrow(
      'x-captable.json: a price is given for transaction "T-9", which is not a transfer',
    );
    expect(() => readOcfPackage([...companyPackage(), prices([{ transactionId: "T-1", pricePerShare: "1", currency: "USD" }])], { md5 })).toThrow(
      'x-captable.json: the price of transaction "T-1" is in USD, its security\'s in EUR',
    );
    const twice = [
      { transactionId: "T-1", pricePerShare: "1", currency: "EUR" },
      { transactionId: "T-1", pricePerShare: "2", currency: "EUR" },
    ];
    expect(() => readOcfPackage([...companyPackage(), prices(twice)], { md5 })).toThrow(/transaction "T-1" is given a price twice/);
    expect(() => readOcfPackage([...companyPackage(), prices([], 2)], { md5 })).toThrow("x-captable.json: extension version 2 is not read");
    expect(() => readOcfPackage([...companyPackage(), prices([{ transactionId: "T-1", pricePerShare: 1, currency: "EUR" }])], { md5 })).toThrow(
      /x-captable.json: transferPrices.0.pricePerShare must be a text/,
    );
  });
});
