#!/usr/bin/env node
/**
 * Makes sure the LibreOffice the "workbooks travel" test drives (test/libreoffice) is installed:
 * Debian's `soffice` at /usr/bin/soffice, or the one named by LIBREOFFICE_PATH.
 * - Present: nothing to do.
 * - Missing, running as root on Debian/Ubuntu: `apt-get update && apt-get install -y
 *   libreoffice-calc-nogui` (Calc without the GUI toolkits: what a headless conversion needs).
 * - Otherwise: fail with a message saying what to install.
 * Also pdftoppm and pdfinfo (Debian's poppler-utils), which the print test
 * (test/libreoffice/print.libreoffice.test.ts) uses to turn LibreOffice's PDFs into PNGs, the same way.
 * Run by `npm test` before Jest, like scripts/ensure-chromium.mjs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.LIBREOFFICE_PATH || "/usr/bin/soffice";
const PACKAGE = "libreoffice-calc-nogui";

function fail(message) {
  console.error(`ensure-libreoffice: ${message}`);
  process.exit(1);
}

/** Debian and its derivatives (Ubuntu...) have /etc/debian_version and apt-get. */
function isDebianLike() {
  return existsSync("/etc/debian_version") && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function run(cmd, args) {
  console.log(`ensure-libreoffice: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.error) fail(`${cmd} could not be run: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

const POPPLER = "poppler-utils";
const hasPoppler = () => existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdfinfo");

if (existsSync(path) && hasPoppler()) process.exit(0);

if (process.env.LIBREOFFICE_PATH && !existsSync(path)) fail(`LIBREOFFICE_PATH is set to ${path}, which does not exist.`);

const root = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform === "linux" && root && isDebianLike()) {
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", ...(existsSync(path) ? [] : [PACKAGE]), ...(hasPoppler() ? [] : [POPPLER])]);
  if (!existsSync(path)) fail(`apt-get installed ${PACKAGE} but ${path} is still missing.`);
  console.log(`ensure-libreoffice: installed ${path}`);
  process.exit(0);
}

fail(
  [
    `LibreOffice (${path}) and poppler-utils (pdftoppm, pdfinfo) are needed for the tests that open and print the built workbooks in LibreOffice (test/libreoffice); ${existsSync(path) ? POPPLER : PACKAGE} is missing.`,
    process.platform === "linux"
      ? `  Install them as root: apt-get update && apt-get install -y ${PACKAGE} ${POPPLER}  (Debian/Ubuntu), or your distribution's packages.`
      : "  Install LibreOffice.",
    "  Or point LIBREOFFICE_PATH at an existing soffice binary: LIBREOFFICE_PATH=/path/to/soffice npm test",
  ].join("\n"),
);
