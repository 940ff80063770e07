/**
 * Every object of Open Cap Format's official 1.2.0 samples (kept unchanged in
 * test/fixtures/ocf-1.2.0-samples, Apache-2.0) is read and
 * accounted for. The samples are a catalogue of examples, not one consistent cap table (their
 * transactions refer to securities no sample issues), so they are read object by object
 * (`validate: false`); the replay refuses them, naming the first dangling reference.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readOcfPackage, type OcfFile } from "../../src/ocf/read";

const SAMPLES = path.resolve(__dirname, "../fixtures/ocf-1.2.0-samples");
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

function samples(): OcfFile[] {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".ocf.json"))
    .map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(path.join(SAMPLES, f))) }));
}

describe("OCF 1.2.0 official samples", () => {
  it("reads every object: applied, read without effect (with the reason) or skipped (with the reason)", () => {
    const files = samples();
    const { history, report } = readOcfPackage(files, { md5, validate: false });
    const listed = JSON.parse(readFileSync(path.join(SAMPLES, "Manifest.ocf.json"), "utf8")) as Record<string, unknown>;
    let total = 0;
    for (const [key, refs] of Object.entries(listed)) {
      if (!key.endsWith("_files")) continue;
      for (const ref of refs as { filepath: string }[])
        total += (JSON.parse(readFileSync(path.join(SAMPLES, ref.filepath), "utf8")) as { items: unknown[] }).items.length;
    }
    const applied = Object.values(report.applied).reduce((a, b) => a + b, 0);
    expect(applied + report.noEffect.length + report.skipped.length).toBe(total);
    // One sample warrant has no share count (it is set by a future price): skipped, with the reason, never counted silently.
    expect(report.skipped).toEqual([
      expect.objectContaining({ id: "test-pps-based-warrant-issuance-full-fields", reason: expect.stringMatching(/not counted/) }),
    ]);
    expect(report.ocfVersion).toBe("1.2.0");
    expect(report.issuer).toBe("ACME Industries");
    expect(history.classes.map((c) => c.name)).toEqual(expect.arrayContaining(["Series Seed Preferred"]));
    for (const e of history.events) if ("quantity" in e && e.quantity !== undefined) expect(e.quantity.toString()).toMatch(/^-?\d+(\.\d+)?$/);
    // Every md5 in the 1.2.0 manifest is stale (the files are unchanged since the tag): warned, not silent.
    expect(report.warnings.filter((w) => /md5 is [0-9a-f]{32}, the manifest says/.test(w)).length).toBeGreaterThanOrEqual(8);
    // The four-year schedule with its one-year cliff resolves to dated whole-share instalments.
    const grant = history.events.find((e) => e.type === "ISSUANCE" && e.kind === "OPTION" && e.vesting !== undefined && e.vesting.length > 30);
    expect(grant).toBeDefined();
  });
  it("a wrong md5 is an error when required", () => {
    expect(() => readOcfPackage(samples(), { md5, requireMd5: true, validate: false })).toThrow(/md5 is [0-9a-f]{32}, the manifest says/);
  });
  it("replaying the catalogue as one cap table is refused, naming the first dangling reference", () => {
    expect(() => readOcfPackage(samples(), { md5 })).toThrow(/is never issued|is not among|not issued/);
  });
});
