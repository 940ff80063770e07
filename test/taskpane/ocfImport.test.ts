/**
 * The taskpane's OCF import without the UI (src/taskpane/ocfImport.ts): a .ocf.zip read in the
 * browser's way (entries inflated chunk by chunk with a cap, CRC and md5 checked in plain
 * TypeScript), the report in English and French, and the cap table as of a date as the priced
 * round's form; hostile packages refused whole.
 */
import JSZip from "jszip";
import { MESSAGES } from "../../src/taskpane/i18n";
import { formToCandidate, validateForm } from "../../src/taskpane/forms";
import { historyFromOcf, ocfErrorMessage, ocfRuleMessage, pricedRoundFromOcf, readOcfZip, reportView } from "../../src/taskpane/ocfImport";
import { buildModel } from "../../src/model/build";
import { NO_EFFECT_TYPES } from "../../src/ocf/read";
import { OCF_RULES_EN, type OcfRuleRef } from "../../src/ocf/ocfRules";
import { OCF_RULES_FR } from "../../src/locales/ocfMessagesFr";
import { companyFiles, companyPackage, companyTransactions } from "../ocf/ocfFixture";
import { ENGLISH, englishIn, stripNames } from "../support/french";

const en = MESSAGES.en;
const fr = MESSAGES.fr;

async function zipOf(files: readonly { path: string; bytes: Uint8Array }[], compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression });
}

const safe = (id: string, holder: string, mechanism: Record<string, unknown>) => ({
  object_type: "TX_CONVERTIBLE_ISSUANCE",
  id,
  security_id: id,
  date: "2024-02-01",
  stakeholder_id: holder,
  custom_id: id,
  convertible_type: mechanism.type === "SAFE_CONVERSION" ? "SAFE" : "NOTE",
  investment_amount: { amount: "250000", currency: "EUR" },
  security_law_exemptions: [],
  seniority: 1,
  conversion_triggers: [
    {
      trigger_id: `${id}.T`,
      type: "UNSPECIFIED",
      conversion_right: { type: "CONVERTIBLE_CONVERSION_RIGHT", converts_to_future_round: true, conversion_mechanism: mechanism },
    },
  ],
});

describe("taskpane OCF import: reading", () => {
  test("a .ocf.zip (deflated or stored) gives the same import as the command line's reader", async () => {
    for (const compression of ["DEFLATE", "STORE"] as const) {
      const read = await readOcfZip(await zipOf(companyPackage(), compression), true);
      expect(read.inconsistent).toBeUndefined();
      expect(read.imported.report).toMatchObject({ issuer: "Example SAS", ocfVersion: "1.2.0", asOf: "2025-06-30", skipped: [], md5Mismatches: [] });
    }
  });

  test("the report in English and French: counts, the no-effect reasons by type, skips by code", async () => {
    const files = companyFiles([...companyTransactions(), { object_type: "TX_TELEPORT", id: "odd", date: "2024-01-01" }]);
    const { imported } = await readOcfZip(await zipOf(companyPackage(files)), false);
    const e = reportView(imported.report, en, "en");
    expect(e.summary).toBe("Example SAS: OCF 1.2.0 package as of 2025-06-30.");
    expect(e.counts).toBe("15 object(s) read into the history, 2 read without effect on holdings, 1 skipped.");
    expect(e.skipped).toEqual([
      'TX_TELEPORT "odd" (./Transactions.ocf.json): transaction type TX_TELEPORT is not one this reader knows (OCF 1.2.0 TransactionsFile types are read)',
    ]);
    expect(e.noEffect).toContain(
      'TX_STOCK_ACCEPTANCE "PS-1-accept" (./Transactions.ocf.json): an acceptance records that the holder accepted; holdings do not change',
    );
    const f = reportView(imported.report, fr, "fr");
    expect(f.summary).toBe("Example SAS : paquet OCF 1.2.0 au 2025-06-30.");
    expect(f.counts).toBe("15 objet(s) lu(s) dans l’historique, 2 lu(s) sans effet sur les détentions, 1 ignoré(s).");
    expect(f.skipped[0]).toMatch(/le type d’opération TX_TELEPORT n’est pas connu de ce lecteur/);
    expect(f.noEffect).toContain(
      "TX_STOCK_ACCEPTANCE « PS-1-accept » (./Transactions.ocf.json) : une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
    );
  });

  test("an object type named like an Object property is skipped as unknown, not read as a known one", async () => {
    const files = companyFiles([...companyTransactions(), { object_type: "constructor", id: "c", date: "2024-01-01", security_id: "CS-1" }]);
    const { imported } = await readOcfZip(await zipOf(companyPackage(files)), false);
    expect(imported.report.skipped).toEqual([expect.objectContaining({ id: "c", code: "unknownTransaction" })]);
  });

  test("a wrong md5: a warning in the UI language, or the whole import refused when asked", async () => {
    const bytes = await zipOf(companyPackage(undefined, true));
    const { imported } = await readOcfZip(bytes, false);
    const view = reportView(imported.report, fr, "fr");
    expect(view.md5.length).toBeGreaterThan(0);
    expect(view.md5[0]).toMatch(/^\.\/\S+ : son md5 est [0-9a-f]{32}, le manifeste indique \S+\. Le fichier a quand même été lu/);
    expect(view.other).toEqual([]); // the md5 lines are not repeated in English
    await expect(readOcfZip(bytes, true)).rejects.toThrow(/md5 is [0-9a-f]{32}, the manifest says/);
  });

  test("a zip bomb whose headers understate its size stops inflating at the cap; a damaged entry fails its checksum", async () => {
    const zip = new JSZip();
    zip.file("Manifest.ocf.json", new Uint8Array(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.byteLength; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1024, true);
    }
    await expect(readOcfZip(bomb, false)).rejects.toThrow("Manifest.ocf.json inflates to more than the 52428800 bytes read");

    const good = await zipOf(companyPackage(), "STORE");
    const damaged = good.slice();
    const at = new TextDecoder("latin1").decode(damaged).indexOf("Ben Founder");
    damaged[at] = "X".charCodeAt(0);
    await expect(readOcfZip(damaged, false)).rejects.toThrow(/the file is damaged \(its checksum does not match\)/);
    await expect(readOcfZip(new TextEncoder().encode("not a zip"), false)).rejects.toThrow(/not a zip file/);
  });

  test("a package whose transactions do not hold together: the report, and the reason no cap table is built", async () => {
    const dangling = { object_type: "TX_STOCK_CANCELLATION", id: "X-1", date: "2024-01-01", security_id: "ghost", quantity: "1", reason_text: "x" };
    const read = await readOcfZip(await zipOf(companyPackage(companyFiles([...companyTransactions(), dangling]))), false);
    expect(ocfRuleMessage(read.inconsistent!, "en")).toMatch(/security "ghost" is not issued/);
    expect(ocfRuleMessage(read.inconsistent!, "fr")).toMatch(/le titre « ghost » n’est pas émis/);
    expect(() => pricedRoundFromOcf(read.imported, "2025-06-30", "en", en)).toThrow(/ghost/);
  });
});

/**
 * Words of the reader's English that must not be left in a French report (every English rule's
 * common words: a French line holding one of them was not translated).
 */
describe("taskpane OCF import: the reader's rules in French", () => {
  test("every rule of the reader has its French (the compiler checks it; here, that each says something else than the English)", () => {
    expect(Object.keys(OCF_RULES_FR).sort()).toEqual(Object.keys(OCF_RULES_EN).sort());
    const samples: OcfRuleRef[] = [
      { id: "noManifest", params: {} },
      { id: "notZip", params: {} },
      { id: "md5NotChecked", params: {} },
      { id: "laterQuantity", params: {} },
      { id: "versionRefused", params: { version: "2.0.0" } },
      { id: "noRatio", params: { className: "Seed" } },
      { id: "tooManyFiles", params: { count: 1001, max: 1000, folder: true } },
      ...NO_EFFECT_TYPES.map((objectType): OcfRuleRef => ({ id: "noEffect", params: { objectType } })),
    ];
    for (const rule of samples) {
      const fr = ocfRuleMessage(rule, "fr");
      expect(fr.length).toBeGreaterThan(10);
      expect(fr).not.toBe(ocfRuleMessage(rule, "en"));
      expect(stripNames(fr)).not.toMatch(ENGLISH);
    }
  });

  test("a package with skipped objects and warnings reads French, with no English left", async () => {
    const files = companyFiles([
      ...companyTransactions(),
      // Skipped: a transaction type not known, a warrant whose share count is set later, an object type out of its file.
      { object_type: "TX_TELEPORT", id: "odd", date: "2024-01-01" },
      { object_type: "TX_WARRANT_ISSUANCE", id: "W-1", security_id: "W-1", date: "2024-06-30", stakeholder_id: "fund", custom_id: "W-1" },
      // A grant with vesting terms but no vesting start: a warning.
      { ...companyTransactions()[2], id: "OPT-2", security_id: "OPT-2", custom_id: "O-2", quantity: "1000" },
    ]);
    (files["Manifest.ocf.json"] as Record<string, unknown>).valuations_files = [{ filepath: "./Valuations.ocf.json", md5: "" }];
    files["Valuations.ocf.json"] = {
      file_type: "OCF_VALUATIONS_FILE",
      items: [
        { object_type: "VALUATION", id: "v" },
        { object_type: "STAKEHOLDER", id: "lost" },
      ],
    };
    // A preferred class with no ratio conversion: a warning.
    delete (files["StockClasses.ocf.json"] as { items: Record<string, unknown>[] }).items[1].conversion_rights;
    const pkg = [...companyPackage(files, true), { path: "notes.txt", bytes: new TextEncoder().encode("x") }];
    const { imported, inconsistent } = await readOcfZip(await zipOf(pkg), false);
    expect(inconsistent).toBeUndefined();
    expect(imported.report.skipped.map((n) => n.code)).toEqual(["unexpectedType", "unknownTransaction", "laterQuantity"]);
    const md5Lines = imported.report.md5Mismatches.length;
    expect(md5Lines).toBeGreaterThan(5);
    expect(imported.report.warningRules.map((w) => w.id).sort()).toEqual(
      [...Array<string>(md5Lines).fill("md5Mismatch"), "noRatio", "noVestingStart", "notInManifest"].sort(),
    );

    const f = reportView(imported.report, fr, "fr");
    expect(f.skipped).toEqual([
      "STAKEHOLDER « lost » (./Valuations.ocf.json) : le type d’objet STAKEHOLDER n’est pas attendu dans valuations_files",
      "TX_TELEPORT « odd » (./Transactions.ocf.json) : le type d’opération TX_TELEPORT n’est pas connu de ce lecteur (les types d’opération d’OCF 1.2.0 sont lus)",
      "TX_WARRANT_ISSUANCE « W-1 » (./Transactions.ocf.json) : un BSA dont le nombre d’actions sera fixé plus tard (il dépend d’un prix futur) n’est pas compté dans la table",
    ]);
    expect(f.other).toEqual([
      "la catégorie « Seed Preferred » ne donne pas de ratio de conversion en actions ordinaires : une action ordinaire est comptée par action (converti, entièrement dilué)",
      "OPT-2 : pas d’opération de début d’acquisition ; son calendrier part de la date d’émission, le 2023-03-15",
      "notes.txt est dans le paquet mais le manifeste ne le liste pas ; non lu",
    ]);
    const lines = [f.summary, f.counts, ...f.skipped, ...f.noEffect, ...f.md5, ...f.other];
    expect(f.md5.length).toBe(md5Lines);
    for (const line of lines) expect([line, stripNames(line)]).not.toEqual([line, expect.stringMatching(ENGLISH)]);
    // English reads its own catalogue's words.
    expect(reportView(imported.report, en, "en").other[2]).toBe("notes.txt is in the package but the manifest does not list it; not read");
  });

  test("a refused package: the reason in French, from the rule, not the English text", async () => {
    const bad = companyFiles(companyTransactions().map((t) => (t.id === "CS-1" ? { ...t, quantity: 6000000, date: "2023-02-30" } : t)));
    const error = await readOcfZip(await zipOf(companyPackage(bad)), false).catch((e: unknown) => e);
    expect(ocfErrorMessage(error, "en")).toBe(
      './Transactions.ocf.json, TX_STOCK_ISSUANCE "CS-1": date must be a date written YYYY-MM-DD; quantity must be a text',
    );
    expect(ocfErrorMessage(error, "fr")).toBe(
      "./Transactions.ocf.json, TX_STOCK_ISSUANCE « CS-1 » : le champ date doit être une date écrite AAAA-MM-JJ ; le champ quantity doit être un texte",
    );
    const stale = await readOcfZip(await zipOf(companyPackage(undefined, true)), true).catch((e: unknown) => e);
    expect(ocfErrorMessage(stale, "fr")).toMatch(/^\.\/\S+ : son md5 est [0-9a-f]{32}, le manifeste indique 0{32}$/);
    const notZip = await readOcfZip(new TextEncoder().encode("not a zip"), false).catch((e: unknown) => e);
    expect(ocfErrorMessage(notZip, "fr")).toBe("ce n’est pas un fichier zip (un paquet OCF est un .ocf.zip ou un dossier)");
    const v2 = companyFiles(undefined, "2.0.0");
    const refused = await readOcfZip(await zipOf(companyPackage(v2)), false).catch((e: unknown) => e);
    expect(ocfErrorMessage(refused, "fr")).toBe("la version OCF « 2.0.0 » n’est pas lue : ce lecteur lit les versions 1.x (1.2.0 et ses suivantes)");
  });
});

describe("taskpane OCF import: the priced round as of a date", () => {
  test("the cap-table history (the default): classes, plans and dated events; what the model cannot hold listed with the reason; it builds as filled", async () => {
    const { imported } = await readOcfZip(await zipOf(companyPackage()), true);
    const { form, notes, skipped } = historyFromOcf(imported, "2025-06-30", "en", en);
    expect(form.kind).toBe("capTableHistory");
    expect(form.fields).toMatchObject({ company: "Example SAS", currency: "EUR", asOf: "2025-06-30" });
    expect(skipped).toEqual(
      expect.arrayContaining([expect.stringMatching(/^STOCK_ISSUANCE "[^"]+": the model's share issue row holds no price per share/)]),
    );
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Seniority: OCF ranks a higher number first/)]));
    expect(form.tables.events.map((r) => r.cells.type)).toEqual(["ISSUE", "ISSUE", "GRANT", "ISSUE", "TRANSFER"]);
    const v = validateForm(form, "en");
    expect(v.ok).toBe(true);
    if (v.ok) expect(buildModel(v.input).kind).toBe("capTableHistory");
    // French: the reasons and notes in French.
    const inFr = historyFromOcf(imported, "2025-06-30", "fr", fr);
    expect(inFr.skipped).toEqual(
      expect.arrayContaining([expect.stringMatching(/^STOCK_ISSUANCE « [^»]+ » : la ligne d’émission d’actions du modèle n’a pas de prix/)]),
    );
    // The importer's notes and reasons as the command line prints them with --lang fr: no English left.
    expect(inFr.notes.length).toBeGreaterThan(0);
    for (const line of [...inFr.notes, ...inFr.skipped]) expect([line, englishIn(line)]).toEqual([line, []]);
    expect(() => historyFromOcf(imported, "2025-13-01", "en", en)).toThrow(en.ocf.asOfBad);
  });

  test("fully diluted rows, one pool row, the round's terms left to fill; filled, it builds", async () => {
    const { imported } = await readOcfZip(await zipOf(companyPackage()), true);
    const { form, notes } = pricedRoundFromOcf(imported, "2025-06-30", "en", en);
    expect(notes).toEqual([]);
    expect(form.kind).toBe("pricedRound");
    expect(form.fields).toMatchObject({
      company: "Example SAS",
      currency: "EUR",
      preMoney: "",
      optionPool: "2023 Plan (available)",
      poolMode: "none",
    });
    // Fully diluted, 13,000,000 as the command line prints: Seed Fund I's 2,000,000 preferred (one common each) and the
    // 500,000 common it bought from Ben, Eve's 480,000 options (vested or not), and the plan's reserve less what it granted.
    expect(form.tables.capTable.map((r) => [r.cells.holder, r.cells.shares])).toEqual([
      ["Ana Founder", "6,000,000"],
      ["Seed Fund I", "2,500,000"],
      ["Ben Founder", "3,500,000"],
      ["Eve Engineer", "480,000"],
      ["2023 Plan (available)", "520,000"],
    ]);
    const v = validateForm(form, "en");
    expect(v.ok).toBe(false);
    expect(Object.keys(v.errors).sort()).toEqual(
      ["investors", "preMoney"].sort().filter((k) => k in v.errors).length === 2 ? Object.keys(v.errors).sort() : ["?"],
    );
    const filled = {
      ...form,
      fields: { ...form.fields, preMoney: "20,000,000" },
      tables: { ...form.tables, investors: [{ key: "i", cells: { name: "Series A Fund", amount: "5,000,000" } }] },
    };
    const ok = validateForm(filled, "en");
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(buildModel(ok.input).kind).toBe("pricedRound");
    expect(formToCandidate(filled, "en").input).toBeDefined();
  });

  test("SAFEs and notes: terms carried, readings the package does not state shown as notes", async () => {
    const txs = [
      ...companyTransactions(),
      safe("SAFE-POST", "fund", {
        type: "SAFE_CONVERSION",
        conversion_mfn: false,
        conversion_discount: "0.2",
        conversion_valuation_cap: { amount: "8000000", currency: "EUR" },
        conversion_timing: "POST_MONEY",
      }),
      safe("SAFE-ANY", "ben", { type: "SAFE_CONVERSION", conversion_mfn: true, conversion_valuation_cap: { amount: "6000000", currency: "EUR" } }),
      safe("NOTE-1", "ana", {
        type: "CONVERTIBLE_NOTE_CONVERSION",
        interest_rates: [{ rate: "0.05", accrual_start_date: "2024-02-01" }],
        day_count_convention: "30_360",
        interest_payout: "DEFERRED",
        interest_accrual_period: "ANNUAL",
        compounding_type: "COMPOUNDING",
      }),
    ];
    const { imported } = await readOcfZip(await zipOf(companyPackage(companyFiles(txs))), true);
    const fromFr = pricedRoundFromOcf(imported, "2025-06-30", "fr", fr);
    expect(fromFr.notes).toEqual([
      "Le SAFE de Ben Founder ne dit pas si son plafond est pré- ou post-money : lu comme un SAFE pré-money.",
      "L’obligation de Ana Founder court les intérêts jusqu’au 2025-06-30 (la date de la table) : mettez sa date de conversion à la date du tour.",
    ]);
    const { form } = pricedRoundFromOcf(imported, "2025-06-30", "en", en);
    expect(form.tables.instruments.map((r) => r.cells)).toEqual([
      expect.objectContaining({ holder: "Seed Fund I", type: "POST_SAFE", amount: "250,000", cap: "8,000,000", discount: "20", mfn: "false" }),
      expect.objectContaining({ holder: "Ben Founder", type: "PRE_SAFE", amount: "250,000", cap: "6,000,000", discount: "", mfn: "true" }),
      expect.objectContaining({
        holder: "Ana Founder",
        type: "NOTE",
        amount: "250,000",
        rate: "5",
        startDate: "2024-02-01",
        conversionDate: "2025-06-30",
        dayCount: "30/360",
        compounding: "ANNUAL",
      }),
    ]);
  });

  test("a date that is not one, or before the package, fills nothing", async () => {
    const { imported } = await readOcfZip(await zipOf(companyPackage()), true);
    expect(() => pricedRoundFromOcf(imported, "30/06/2025", "fr", fr)).toThrow("Saisissez une date écrite AAAA-MM-JJ.");
    // Before any event: no holder yet, only the plan's pool.
    expect(pricedRoundFromOcf(imported, "2000-01-01", "en", en).form.tables.capTable.map((r) => r.cells.holder)).toEqual(["2023 Plan (available)"]);
  });

  test("no plan: a pool row of 0 shares is added, and the note says so", async () => {
    const files = companyFiles(companyTransactions().filter((x) => !String(x.id).startsWith("OPT-1")));
    (files["StockPlans.ocf.json"] as { items: unknown[] }).items = [];
    const { imported } = await readOcfZip(await zipOf(companyPackage(files)), true);
    const { form, notes } = pricedRoundFromOcf(imported, "2025-06-30", "en", en);
    expect(form.fields.optionPool).toBe("Option pool");
    expect(form.tables.capTable.at(-1)?.cells).toMatchObject({ holder: "Option pool", shares: "0" });
    expect(notes).toEqual([
      'No plan has shares available at the date: a "Option pool" row with 0 shares is added (the priced round names its pool row).',
    ]);
  });
});

test("the panel's file-size limit is the reader's (the panel does not import the reader, to keep it out of the first load)", async () => {
  const { MAX_OCF_ZIP_BYTES } = await import("../../src/taskpane/OcfImportPanel");
  const { OCF_READ_LIMITS } = await import("../../src/ocf/read");
  expect(MAX_OCF_ZIP_BYTES).toBe(OCF_READ_LIMITS.maxTotalBytes);
});
