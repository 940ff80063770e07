#!/usr/bin/env node
/**
 * Makes sure the Chromium the end-to-end tests drive (playwright-core downloads no browser) is
 * installed: Debian's `chromium` at /usr/bin/chromium, or the one named by CHROMIUM_PATH.
 * - Present: nothing to do.
 * - Missing, running as root on Debian/Ubuntu: `apt-get update && apt-get install -y chromium`.
 * - Otherwise: fail with a message saying what to install.
 * Run by `npm test` before Jest.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

/** Debian and its derivatives (Ubuntu...) have /etc/debian_version and apt-get. */
function isDebianLike() {
  return existsSync("/etc/debian_version") && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function run(cmd, args) {
  console.log(`ensure-chromium: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.error) fail(`${cmd} could not be run: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

if (existsSync(path)) process.exit(0);

if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH is set to ${path}, which does not exist.`);

const root = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform === "linux" && root && isDebianLike()) {
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]); // with its recommended fonts, as the e2e screenshots need
  if (!existsSync(path)) fail(`apt-get installed chromium but ${path} is still missing.`);
  console.log(`ensure-chromium: installed ${path}`);
  process.exit(0);
}

fail(
  [
    `Chromium is needed at ${path} for the taskpane's end-to-end test (test/e2e), and it is missing.`,
    process.platform === "linux"
      ? "  Install it as root: apt-get update && apt-get install -y chromium  (Debian/Ubuntu), or your distribution's package."
      : "  Install Chromium or Chrome.",
    "  Or point CHROMIUM_PATH at an existing Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test",
  ].join("\n"),
);
