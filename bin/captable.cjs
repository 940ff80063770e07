#!/usr/bin/env node
/**
 * The `captable` command (package.json "bin"); the code is src/cli/main.ts.
 *
 * It runs the compiled bundle build/cli/captable.cjs (built by `npm ci` / `npm install` through the
 * `prepare` script: scripts/build-cli.cjs) when, and only when, its stamp matches the sources as
 * they are now. When a source changed since (a `git pull`, an edit), it rebuilds first (esbuild,
 * a fraction of a second); when it cannot rebuild, it runs the sources through tsx (slower start,
 * same code). Stale code never runs. CAPTABLE_CLI_FROM_SOURCES=1 forces tsx.
 */
"use strict";
const path = require("path");

const root = path.join(__dirname, "..");
// CAPTABLE_CLI_BUILD_DIR: another folder for the bundle (the tests use one of their own).
const outDir = process.env.CAPTABLE_CLI_BUILD_DIR || path.join(root, "build", "cli");

/** The module exporting `main` (the fresh bundle, a rebuilt one, or the sources through tsx), and what to do after it ran. */
function loadMain() {
  if (process.env.CAPTABLE_CLI_FROM_SOURCES !== "1") {
    const build = require(path.join(root, "scripts", "build-cli.cjs"));
    let fresh = build.isFresh(root, outDir);
    if (!fresh) {
      try {
        build.buildCli(root, outDir);
        fresh = build.isFresh(root, outDir);
      } catch {
        // No esbuild or a read-only folder: run the sources instead.
      }
    }
    if (fresh) {
      const loaded = build.loadBundle(outDir);
      return { main: loaded.exports.main, after: loaded.saveCache };
    }
  }
  let register;
  try {
    ({ register } = require("tsx/cjs/api"));
  } catch {
    process.stderr.write("captable: tsx is not installed: run `npm ci` in the project first\n");
    process.exit(1);
  }
  register();
  return { main: require(path.join(root, "src", "cli", "main.ts")).main, after: () => {} };
}

const { main, after } = loadMain();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    after();
  },
  (error) => {
    process.stderr.write(`captable: unexpected error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
