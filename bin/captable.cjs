#!/usr/bin/env node
/**
 * The `captable` command (package.json "bin"); the code is src/cli/main.ts.
 *
 * It runs the TypeScript sources through tsx (installed by `npm ci`), so it works from a clean
 * clone with no build step, and never runs a stale bundle. Start-up costs about half a second.
 */
"use strict";
const path = require("path");

let register;
try {
  ({ register } = require("tsx/cjs/api"));
} catch {
  process.stderr.write("captable: tsx is not installed: run `npm ci` in the project first\n");
  process.exit(1);
}
register();
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`captable: unexpected error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
