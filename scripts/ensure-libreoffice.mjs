#!/usr/bin/env node
/**
 * Makes sure the LibreOffice the "workbooks travel" test drives (test/libreoffice) is installed:
 * Debian's `soffice` at /usr/bin/soffice, or the one named by LIBREOFFICE_PATH.
 * - Present: nothing to do.
 * - Missing, running as root on Debian/Ubuntu: `apt-get update && apt-get install -y
 *   libreoffice-calc-nogui` (Calc without the GUI toolkits: what a headless conversion needs).
 * - Otherwise: fail with a message saying what to install.
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

if (existsSync(path)) process.exit(0);

if (process.env.LIBREOFFICE_PATH) fail(`LIBREOFFICE_PATH is set to ${path}, which does not exist.`);

const root = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform === "linux" && root && isDebianLike()) {
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", PACKAGE]);
  if (!existsSync(path)) fail(`apt-get installed ${PACKAGE} but ${path} is still missing.`);
  console.log(`ensure-libreoffice: installed ${path}`);
  process.exit(0);
}

fail(
  [
    `LibreOffice is needed at ${path} for the test that opens the built workbooks in LibreOffice (test/libreoffice), and it is missing.`,
    process.platform === "linux"
      ? `  Install it as root: apt-get update && apt-get install -y ${PACKAGE}  (Debian/Ubuntu), or your distribution's package.`
      : "  Install LibreOffice.",
    "  Or point LIBREOFFICE_PATH at an existing soffice binary: LIBREOFFICE_PATH=/path/to/soffice npm test",
  ].join("\n"),
);
