import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS, TEMPLATE_VERSION, builtInTemplate, migrateTemplate, parseTemplateJson, type Migration } from "../../src/templates";
import type { StakeSaleInput } from "../../src/model/stakeSaleInput";

const FIXTURES = path.join(__dirname, "..", "fixtures", "templates");
const versionDirs = readdirSync(FIXTURES).filter((d) => /^v\d+$/.test(d));

describe("template versions and migrations", () => {
  test("there are fixtures of every version up to the current one, and a migration from every older one", () => {
    const versions = versionDirs.map((d) => Number(d.slice(1))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: TEMPLATE_VERSION }, (_, i) => i + 1));
    for (let v = 1; v < TEMPLATE_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe("function");
    // No migration is registered for a version that does not exist.
    expect(
      Object.keys(MIGRATIONS)
        .map(Number)
        .every((v) => v >= 1 && v < TEMPLATE_VERSION),
    ).toBe(true);
  });

  for (const dir of versionDirs) {
    const files = readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith(".json"));
    test.each(files)(`${dir}/%s loads (through the migrations of its version)`, (file) => {
      const text = readFileSync(path.join(FIXTURES, dir, file), "utf8");
      expect(JSON.parse(text).version).toBe(Number(dir.slice(1)));
      const r = parseTemplateJson(text);
      if (!r.ok) throw new Error(r.errors.join("\n"));
      expect(r.template.version).toBe(TEMPLATE_VERSION);
    });
  }

  test("the version 1 fixtures of built-in templates are the built-in templates", () => {
    for (const id of ["opcore-stake-sale", "capital-increase", "jv-look-through"]) {
      const r = parseTemplateJson(readFileSync(path.join(FIXTURES, "v1", `${id}.json`), "utf8"));
      expect(r.ok && r.template).toEqual(builtInTemplate(id)!.template);
    }
  });

  test("a version 1 fixture keeps its presentation options", () => {
    const r = parseTemplateJson(readFileSync(path.join(FIXTURES, "v1", "custom-presentation.json"), "utf8"));
    expect(r.ok && r.template.presentation).toEqual({ sheetName: "GridCo minority", showGridlines: true, chart: false });
    expect(r.ok && (r.template.inputs as StakeSaleInput).formulas).toBe("captable");
  });

  describe("the chaining itself (a registry given as a parameter)", () => {
    // Stand-in steps, only to test migrateTemplate's chaining: the shipped registry is MIGRATIONS.
    const registry: Record<number, Migration> = {
      1: (d) => ({ ...d, version: 2, renamed: d.old, old: undefined }),
      2: (d) => ({ ...d, version: 3, added: true }),
    };

    test("a document is taken step by step to the target version, purely", () => {
      const doc = { version: 1, old: "x" };
      const r = migrateTemplate(doc, registry, 3);
      expect(r).toEqual({ ok: true, from: 1, doc: { version: 3, renamed: "x", old: undefined, added: true } });
      expect(doc).toEqual({ version: 1, old: "x" });
      expect(migrateTemplate({ version: 3 }, registry, 3)).toEqual({ ok: true, from: 3, doc: { version: 3 } });
    });

    test("a gap in the chain, or a step that does not advance the version, is an error, not a wrong document", () => {
      expect(migrateTemplate({ version: 1 }, { 2: registry[2] }, 3)).toEqual({
        ok: false,
        errors: ["version 1 templates cannot be read: no migration from version 1 to 2"],
      });
      expect(migrateTemplate({ version: 1 }, { 1: (d) => d }, 2)).toEqual({
        ok: false,
        errors: ["the migration from version 1 did not produce version 2"],
      });
    });

    test("missing, invalid and newer versions", () => {
      expect(migrateTemplate({}, registry, 3)).toEqual({
        ok: false,
        errors: ['version is missing: a template states its format version, e.g. "version": 3'],
      });
      expect(migrateTemplate({ version: 1.5 }, registry, 3)).toEqual({ ok: false, errors: ["version must be a whole number from 1 to 3, got 1.5"] });
      expect(migrateTemplate({ version: 4 }, registry, 3)).toEqual({
        ok: false,
        errors: ["version 4 is newer than this CapTable reads (up to 3): update CapTable to open this template"],
      });
      // "__proto__" or "toString" are not steps of the chain.
      expect(migrateTemplate({ version: 1 }, {}, 2)).toEqual({
        ok: false,
        errors: ["version 1 templates cannot be read: no migration from version 1 to 2"],
      });
    });
  });
});
