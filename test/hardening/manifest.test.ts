/**
 * manifest.xml checked offline, in `npm test`.
 *
 * No npm package here ships Microsoft's manifest XSDs (office-addin-manifest's `validate` posts the
 * file to Microsoft's validation service, which needs the network: `npm run validate`). So this is
 * the strongest offline check we can write: the XML is parsed strictly with namespaces, and the
 * rules of the published schema and reference pages that matter for this manifest are checked:
 * element order of the schema's sequences, required elements, value formats and length limits
 * (DisplayName and ShortStrings 125, Description and LongStrings 250, resource ids 32, URLs 2048),
 * every resid defined in the right resource kind and every resource used, unique ids; then what
 * our add-in relies on: every URL https on one origin, the shared runtime wired consistently,
 * the CAPTABLE namespace, icons that exist with the declared pixel size, and the metadata, script
 * and page files the URLs name present in the build (dist/, built by `npm test` first).
 */
import fs from "fs";
import path from "path";
import { XmlElement, attr, child, childrenNamed, descendants, parseXml, pathOf } from "./support/xml";
import { FUNCTION_LOCALES } from "../../src/functions/functionLocales";

const root = path.resolve(__dirname, "../..");
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const ORIGIN = "https://localhost:3000";
/** The build under test: dist/ (CAPTABLE_DIST may point at another build output). */
const dist = process.env.CAPTABLE_DIST ?? path.join(root, "dist");

const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const manifest = parseXml(source);
const all = descendants(manifest);
const overrides = child(manifest, "VersionOverrides", NS.ov);
const resources = child(overrides, "Resources", NS.ov);

/** Children's local names in document order (comments and text ignored). */
const order = (e: XmlElement) => e.children.map((c) => c.local);

/** Checks that the children follow the schema's sequence: only known names, in that order. */
function expectSequence(e: XmlElement, sequence: readonly string[]) {
  const names = order(e);
  for (const n of names) expect(`${pathOf(e)}/${n} allowed: ${sequence.includes(n)}`).toBe(`${pathOf(e)}/${n} allowed: true`);
  const positions = names.map((n) => sequence.indexOf(n));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

/** The resources by kind: id -> element. */
function resourceMap(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, XmlElement> {
  const group = child(resources, kind, NS.bt);
  return new Map(group.children.map((e) => [attr(e, "id")!, e]));
}
const IMAGES = resourceMap("Images");
const URLS = resourceMap("Urls");
const SHORT = resourceMap("ShortStrings");
const LONG = resourceMap("LongStrings");

/** Every value a resource or locale-aware setting can take: DefaultValue and each Override's Value. */
function values(e: XmlElement): string[] {
  return [attr(e, "DefaultValue")!, ...childrenNamed(e, "Override").map((o) => attr(o, "Value")!)];
}

/** Every URL in the manifest, with where it is. */
function allUrls(): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    for (const e of childrenNamed(manifest, local, NS.app)) values(e).forEach((url) => out.push({ where: local, url }));
  }
  const settings = child(child(manifest, "DefaultSettings", NS.app), "SourceLocation", NS.app);
  values(settings).forEach((url) => out.push({ where: "DefaultSettings/SourceLocation", url }));
  for (const [id, e] of [...IMAGES, ...URLS]) values(e).forEach((url) => out.push({ where: id, url }));
  return out;
}

describe("manifest.xml: well-formed, namespaces and schema shape", () => {
  test("the root is an OfficeApp of type TaskPaneApp in the 1.1 namespace, with the standard prefixes", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.uri).toBe(NS.app);
    expect(attr(manifest, "type", NS.xsi)).toBe("TaskPaneApp");
    expect(source).toContain(`xmlns:bt="${NS.bt}"`);
    expect(source).toContain(`xmlns:xsi="${NS.xsi}"`);
    expect(source.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  });

  test("every element is in a known namespace: OfficeApp 1.1 outside VersionOverrides, overrides or basic types inside", () => {
    for (const e of all) {
      const inside = e !== overrides && descendants(overrides).includes(e);
      const allowed = inside ? [NS.ov, NS.bt] : e === overrides ? [NS.ov] : [NS.app];
      expect(`${pathOf(e)} in ${e.uri}: ${allowed.includes(e.uri)}`).toBe(`${pathOf(e)} in ${e.uri}: true`);
    }
    expect(attr(overrides, "type", NS.xsi)).toBe("VersionOverridesV1_0");
  });

  test("OfficeApp children follow the schema's sequence, with every required element", () => {
    expectSequence(manifest, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ]);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"]) {
      expect(childrenNamed(manifest, required, NS.app)).toHaveLength(1);
    }
  });

  test("VersionOverrides, Host, the custom-functions extension point and Resources follow their sequences", () => {
    expectSequence(overrides, ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides", "WebApplicationInfo", "EquivalentAddins"]);
    const host = child(child(overrides, "Hosts", NS.ov), "Host", NS.ov);
    expect(attr(host, "type", NS.xsi)).toBe("Workbook");
    expectSequence(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const cf = child(child(host, "AllFormFactors", NS.ov), "ExtensionPoint", NS.ov);
    expect(attr(cf, "type", NS.xsi)).toBe("CustomFunctions");
    expect(order(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expectSequence(child(host, "DesktopFormFactor", NS.ov), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectSequence(resources, ["Images", "Urls", "ShortStrings", "LongStrings"]);
  });

  test("values have the schema's formats: GUID id, version, locale, permission", () => {
    expect(child(manifest, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, "Version").text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(manifest, "DefaultLocale").text.trim()).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
    expect(["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"]).toContain(
      child(manifest, "Permissions").text.trim(),
    );
    // The least that lets the taskpane write model sheets and store the model in the workbook.
    expect(child(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    // Every Override names a culture and a value.
    for (const o of all.filter((e) => e.local === "Override")) {
      expect(attr(o, "Locale")).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
      expect(attr(o, "Value")).toBeTruthy();
    }
  });

  test("length limits: display name and short strings 125, description and long strings 250, ids 32, URLs 2048", () => {
    const within = (what: string, list: string[], max: number) =>
      list.forEach((v) => expect(`${what} (${v.length} chars) ok: ${v.length >= 1 && v.length <= max}`).toBe(`${what} (${v.length} chars) ok: true`));
    within("DisplayName", values(child(manifest, "DisplayName", NS.app)), 125);
    within("Description", values(child(manifest, "Description", NS.app)), 250);
    for (const [id, e] of SHORT) within(id, values(e), 125);
    for (const [id, e] of LONG) within(id, values(e), 250);
    for (const [id, e] of [...IMAGES, ...URLS]) within(id, values(e), 2048);
    for (const id of [...IMAGES.keys(), ...URLS.keys(), ...SHORT.keys(), ...LONG.keys()]) within(`resource id ${id}`, [id], 32);
  });
});

describe("manifest.xml: references and ids", () => {
  test("resource ids are unique across all resources", () => {
    const ids = [...IMAGES.keys(), ...URLS.keys(), ...SHORT.keys(), ...LONG.keys()];
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every resid is defined, in the kind of resource its element needs, and every resource is used", () => {
    const used = new Set<string>();
    for (const e of all) {
      const resid = attr(e, "resid");
      if (resid === undefined) continue;
      used.add(resid);
      const kind =
        e.local === "Image"
          ? IMAGES
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(e.local)
            ? URLS
            : e.local === "Description"
              ? LONG // GetStarted and Supertip descriptions
              : SHORT; // Label, Title, Namespace
      expect(`${pathOf(e)} resid="${resid}" defined: ${kind.has(resid)}`).toBe(`${pathOf(e)} resid="${resid}" defined: true`);
    }
    for (const id of [...IMAGES.keys(), ...URLS.keys(), ...SHORT.keys(), ...LONG.keys()]) {
      expect(`${id} used: ${used.has(id)}`).toBe(`${id} used: true`);
    }
  });

  test("control, group and taskpane ids are unique", () => {
    const ids = all.filter((e) => ["Group", "Control", "OfficeTab", "CustomTab"].includes(e.local)).map((e) => attr(e, "id")!);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("manifest.xml: what the add-in relies on", () => {
  test("every URL is https on one origin (the dev server; a production build rewrites it)", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(8);
    for (const { where, url } of urls) {
      const u = new URL(url);
      expect(`${where}: ${u.protocol}//${u.host}`).toBe(`${where}: ${ORIGIN}`);
    }
    // No other origin anywhere in the file, not even in a comment or an AppDomain.
    const origins = new Set([...source.matchAll(/https?:\/\/[^\s"'<>/]+/g)].map((m) => m[0]));
    for (const ns of Object.values(NS)) origins.delete(new URL(ns).origin);
    expect([...origins]).toEqual([ORIGIN]);
    expect(childrenNamed(manifest, "AppDomains")).toHaveLength(0);
  });

  test("the shared runtime is declared and wired consistently: one page for functions, taskpane and commands", () => {
    const sets = child(child(manifest, "Requirements", NS.app), "Sets", NS.app);
    const shared = childrenNamed(sets, "Set").find((s) => attr(s, "Name") === "SharedRuntime");
    expect(shared && attr(shared, "MinVersion")).toBe("1.1");
    const host = child(child(overrides, "Hosts"), "Host");
    const runtime = child(child(host, "Runtimes"), "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const page = attr(runtime, "resid")!;
    const cf = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(attr(child(child(cf, "Page"), "SourceLocation"), "resid")).toBe(page);
    const desktop = child(host, "DesktopFormFactor");
    expect(attr(child(desktop, "FunctionFile"), "resid")).toBe(page);
    const actions = descendants(desktop).filter((e) => e.local === "Action" && attr(e, "type", NS.xsi) === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(attr(child(a, "SourceLocation"), "resid")).toBe(page);
    // The default page of the add-in is the same page.
    expect(attr(child(child(manifest, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(attr(URLS.get(page)!, "DefaultValue"));
    expect(attr(URLS.get(page)!, "DefaultValue")).toBe(`${ORIGIN}/taskpane.html`);
  });

  test("no <TaskpaneId> under the shared runtime (one task pane), and no auto-open with the document", () => {
    // docs/develop/configure-your-add-in-to-use-a-shared-runtime.md, "Good practice: avoid multiple task panes":
    // in the <Host> whose <Runtime> has a long lifetime, no <Action> has a <TaskpaneID>. The one exception the
    // docs describe, Office.AutoShowTaskpaneWithDocument (docs/develop/automatically-open-a-task-pane-with-a-document.md),
    // is not used: the taskpane opens from the ribbon.
    for (const host of childrenNamed(child(overrides, "Hosts"), "Host")) {
      const long = descendants(host).some((e) => e.local === "Runtime" && attr(e, "lifetime") === "long");
      if (!long) continue;
      const ids = descendants(host)
        .filter((e) => e.local === "Action")
        .flatMap((a) => a.children.filter((c) => c.local.toLowerCase() === "taskpaneid"));
      expect(ids.map((e) => e.text.trim())).toEqual([]);
    }
    expect(source).not.toContain("AutoShowTaskpaneWithDocument</");
  });

  test("the custom functions namespace is CAPTABLE, and the metadata and script URLs name the built files", () => {
    const cf = descendants(overrides).find((e) => e.local === "ExtensionPoint" && attr(e, "type", NS.xsi) === "CustomFunctions")!;
    const namespace = SHORT.get(attr(child(cf, "Namespace"), "resid")!)!;
    expect(values(namespace)).toEqual(["CAPTABLE"]); // the same in every language: formulas travel between locales
    const script = URLS.get(attr(child(child(cf, "Script"), "SourceLocation"), "resid")!)!;
    const metadata = URLS.get(attr(child(child(cf, "Metadata"), "SourceLocation"), "resid")!)!;
    expect(attr(script, "DefaultValue")).toBe(`${ORIGIN}/functions.js`);
    expect(attr(metadata, "DefaultValue")).toBe(`${ORIGIN}/functions.json`);
  });

  test("every URL of the add-in's own files names a file in the build (dist/)", () => {
    for (const { where, url } of allUrls()) {
      const file = path.join(dist, new URL(url).pathname);
      expect(`${where} -> ${url} exists: ${fs.existsSync(file)}`).toBe(`${where} -> ${url} exists: true`);
    }
    // The built manifest is this one (no ADDIN_PUBLIC_URL in tests).
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(source);
  });

  test("icons exist in assets/ as PNGs of the declared size", () => {
    const pngSize = (file: string) => {
      const b = fs.readFileSync(file);
      expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    };
    const asset = (url: string) => {
      const p = new URL(url).pathname;
      expect(p).toMatch(/^\/assets\/[\w.-]+\.png$/);
      return path.join(root, p);
    };
    const images = all.filter((e) => e.local === "Image" && e.uri === NS.bt && attr(e, "size") !== undefined);
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      const size = Number(attr(img, "size"));
      for (const url of values(IMAGES.get(attr(img, "resid")!)!)) expect(pngSize(asset(url))).toEqual({ width: size, height: size });
    }
    expect(pngSize(asset(attr(child(manifest, "IconUrl"), "DefaultValue")!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(asset(attr(child(manifest, "HighResolutionIconUrl"), "DefaultValue")!))).toEqual({ width: 64, height: 64 });
  });

  test("every locale of the one locale rule (FUNCTION_LOCALES) has its overrides: name, description, strings, its functions' metadata", () => {
    const overrideOf = (e: XmlElement, locale: string) => childrenNamed(e, "Override").find((o) => attr(o, "Locale") === locale);
    const metadata = URLS.get("Functions.Metadata.Url")!;
    // Not translated: the namespace (formulas travel between locales) and the brand name.
    const same = ["Functions.Namespace", "CapTable.Group.Label"];
    const locales = Object.keys(FUNCTION_LOCALES);
    expect(locales).toEqual(expect.arrayContaining(["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU"]));
    for (const [locale, table] of Object.entries(FUNCTION_LOCALES)) {
      const fromTable = (e: XmlElement) => attr(overrideOf(e, table) ?? e, "Value");
      for (const e of [child(manifest, "DisplayName"), child(manifest, "Description")]) {
        expect(`${e.local} ${locale}: ${attr(overrideOf(e, locale) ?? e, "Value")}`).toBe(`${e.local} ${locale}: ${fromTable(e)}`);
        expect(overrideOf(e, locale)).toBeDefined();
      }
      for (const [id, e] of [...SHORT, ...LONG]) {
        if (same.includes(id)) continue;
        expect(`${id} ${locale}: ${overrideOf(e, locale) !== undefined}`).toBe(`${id} ${locale}: true`);
        expect(attr(overrideOf(e, locale)!, "Value")).toBe(fromTable(e));
      }
      expect(`metadata ${locale}: ${attr(overrideOf(metadata, locale) ?? metadata, "Value")}`).toBe(
        `metadata ${locale}: ${ORIGIN}/functions.${table}.json`,
      );
    }
    // And no override for a locale outside the rule (the taskpane would not follow it).
    for (const o of all.filter((e) => e.local === "Override")) expect(locales).toContain(attr(o, "Locale"));
  });

  test("every translation table of src/functions/locales is reachable from the rule", () => {
    const tables = fs.readdirSync(path.join(root, "src/functions/locales")).map((f) => f.replace(/\.json$/, ""));
    expect(new Set(Object.values(FUNCTION_LOCALES))).toEqual(new Set(tables));
  });
});

describe("the XML reader itself rejects what is not well formed (so the checks above can fail)", () => {
  test.each([
    ["an unclosed element", "<a><b></a>"],
    ["an unbound prefix", "<a><bt:b/></a>"],
    ["two roots", "<a/><b/>"],
    ["a bad entity", "<a>&nope;</a>"],
  ])("%s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
