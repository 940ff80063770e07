#!/usr/bin/env node
/**
 * Makes sure the system programs the tests drive are installed. playwright-core downloads no
 * browser and this machine has no internet beyond npm and Debian, so the programs come from apt.
 *
 *   node scripts/ensure-tools.mjs chromium libreoffice pdftoppm pdfinfo
 *
 * For each tool named (all when none is named):
 * - present at its path (or the path its environment variable names): nothing to do;
 * - missing, running as root on Debian/Ubuntu: one `apt-get update`, then one
 *   `apt-get install -y <packages>` for every missing tool together;
 * - otherwise: fail with a message saying what to install, or which variable to set.
 * Run by `npm test` before Jest.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Every tool a test needs: where it lives, the variable that overrides it, and its Debian package. */
const TOOLS = {
  chromium: {
    env: "CHROMIUM_PATH",
    path: "/usr/bin/chromium",
    // With its recommended fonts, as the e2e screenshots need.
    package: "chromium",
    usedBy: "the taskpane's end-to-end test (test/e2e)",
    other: "Install Chromium or Chrome.",
  },
  libreoffice: {
    env: "LIBREOFFICE_PATH",
    path: "/usr/bin/soffice",
    // Calc without the GUI toolkits: what a headless conversion needs.
    package: "libreoffice-calc-nogui",
    usedBy: "the test that opens the built workbooks in LibreOffice (test/libreoffice)",
    other: "Install LibreOffice.",
  },
  // Debian's poppler-utils: the print test turns LibreOffice's PDFs into PNGs and reads their pages.
  pdftoppm: {
    env: "PDFTOPPM_PATH",
    path: "/usr/bin/pdftoppm",
    package: "poppler-utils",
    usedBy: "the print test (test/libreoffice/print.libreoffice.test.ts)",
    other: "Install Poppler's utilities.",
  },
  pdfinfo: {
    env: "PDFINFO_PATH",
    path: "/usr/bin/pdfinfo",
    package: "poppler-utils",
    usedBy: "the print test (test/libreoffice/print.libreoffice.test.ts)",
    other: "Install Poppler's utilities.",
  },
};

function fail(message) {
  console.error(`ensure-tools: ${message}`);
  process.exit(1);
}

/** Debian and its derivatives (Ubuntu...) have /etc/debian_version and apt-get. */
function isDebianLike() {
  return existsSync("/etc/debian_version") && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function run(cmd, args) {
  console.log(`ensure-tools: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.error) fail(`${cmd} could not be run: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

const names = process.argv.slice(2);
for (const name of names) if (!(name in TOOLS)) fail(`unknown tool "${name}"; known: ${Object.keys(TOOLS).join(", ")}.`);

const wanted = (names.length > 0 ? names : Object.keys(TOOLS)).map((name) => {
  const tool = TOOLS[name];
  return { name, ...tool, path: process.env[tool.env] || tool.path };
});
const missing = wanted.filter((t) => !existsSync(t.path));
if (missing.length === 0) process.exit(0);

for (const t of missing) if (process.env[t.env]) fail(`${t.env} is set to ${t.path}, which does not exist.`);

const root = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform === "linux" && root && isDebianLike()) {
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", ...new Set(missing.map((t) => t.package))]);
  for (const t of missing) {
    if (!existsSync(t.path)) fail(`apt-get installed ${t.package} but ${t.path} is still missing.`);
    console.log(`ensure-tools: installed ${t.path}`);
  }
  process.exit(0);
}

fail(
  missing
    .map((t) =>
      [
        `${t.name} is needed at ${t.path} for ${t.usedBy}, and it is missing.`,
        process.platform === "linux"
          ? `  Install it as root: apt-get update && apt-get install -y ${t.package}  (Debian/Ubuntu), or your distribution's package.`
          : `  ${t.other}`,
        `  Or point ${t.env} at an existing binary: ${t.env}=/path/to/it npm test`,
      ].join("\n"),
    )
    .join("\n"),
);
