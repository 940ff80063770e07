/**
 * Deploying (README "Deploying", scripts/manifest-urls.cjs used by webpack.config.js): the manifest
 * of a production build points at the public https URL and a real support page; the README keeps
 * its first two commands true and says what a host must do.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEV_URL, productionManifest } from "../../scripts/manifest-urls.cjs";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("the production manifest", () => {
  test("ADDIN_PUBLIC_URL replaces every dev URL (a missing trailing slash added); ADDIN_SUPPORT_URL sets <SupportUrl>", () => {
    const out = productionManifest(MANIFEST, { publicUrl: "https://addin.example.com/captable", supportUrl: "https://example.com/support?a=1&b=2" });
    expect(MANIFEST).toContain(DEV_URL);
    expect(out).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://addin.example.com/captable/taskpane.html" />');
    expect(out).toContain('DefaultValue="https://addin.example.com/captable/functions.json"');
    expect(out).toContain('<IconUrl DefaultValue="https://addin.example.com/captable/assets/icon-32.png" />');
    expect(out).toContain('<SupportUrl DefaultValue="https://example.com/support?a=1&amp;b=2" />');
  });

  test("a URL that is not https is refused, naming the variable", () => {
    expect(() => productionManifest(MANIFEST, { publicUrl: "http://addin.example.com/" })).toThrow(
      'ADDIN_PUBLIC_URL must start with https:// (Office loads add-ins only over HTTPS), got "http://addin.example.com/"',
    );
    expect(() => productionManifest(MANIFEST, { supportUrl: "example.com/help" })).toThrow("ADDIN_SUPPORT_URL must be a full URL");
  });

  test("without the variables the manifest is unchanged", () => {
    expect(productionManifest(MANIFEST)).toBe(MANIFEST);
  });
});

describe("README", () => {
  test("its first two commands are the package's scripts and CI's", () => {
    const [first, second] = README.split("```bash\n")[1].split("\n");
    expect(first).toMatch(/^npm install && npm start +#/);
    expect(second).toMatch(/^npm ci && npm test +#/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.start).toBe("node scripts/start.mjs");
    expect(pkg.scripts.prepare).toBe("node scripts/build-cli.cjs");
    expect(readFileSync(path.join(ROOT, ".ci", "run"), "utf8")).toMatch(/npm ci --no-audit --no-fund\nnpm test\n/);
  });

  test("Deploying: HTTPS, CORS and the JSON type for functions*.json (Microsoft's page cited), cacheable icons, a real SupportUrl, the variables", () => {
    const deploying = README.split("## Deploying\n")[1]?.split("\n## ")[0] ?? "";
    for (const needed of [
      "HTTPS",
      "Access-Control-Allow-Origin",
      "application/json",
      "functions*.json",
      "publish-add-in-vs-code#deploy-custom-functions-for-excel",
      "Cache-Control",
      "<SupportUrl>",
      "ADDIN_PUBLIC_URL",
      "ADDIN_SUPPORT_URL",
    ])
      expect({ needed, found: deploying.includes(needed) }).toEqual({ needed, found: true });
  });
});
