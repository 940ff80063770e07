#!/usr/bin/env node
/**
 * `npm start`: build, then run the add-in.
 * - Where Excel can be driven (Windows, macOS), sideload manifest.xml into Excel desktop with
 *   office-addin-debugging, as Microsoft's templates do (`npm run stop` ends it and unregisters).
 * - Elsewhere (Linux, CI), there is no Excel to sideload into: serve the add-in on
 *   https://localhost:3000, say so once the first build is really served (not when the server
 *   starts: the build takes tens of seconds), and what to do next in Excel on the web.
 * Ctrl-C stops everything this script started (the child's whole process tree).
 * The decisions (spawn options per platform, stopping, readiness, messages) are in start-lib.cjs,
 * tested in test/scripts/start.test.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import https from "node:https";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { spawnPlan, stopOnSignals, waitUntilServed, servedMessage } = require("./start-lib.cjs");

const children = [];
stopOnSignals(process, children, { platform: process.platform, kill: process.kill.bind(process), spawnSync });

function start(command, args) {
  const plan = spawnPlan(process.platform, command, args);
  const child = spawn(plan.command, plan.args, plan.options);
  children.push(child);
  const done = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`)),
    );
  });
  return { child, done };
}

/** GET over https, accepting the dev server's certificate whatever it is; reports the issuer's name. */
function get(url) {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
      const issuer = response.socket.getPeerCertificate()?.issuer?.CN;
      response.resume();
      resolve({ status: response.statusCode, issuer });
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
  });
}

const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";
// The port webpack.config.js serves on: package.json's config (npx sets npm_package_config_* from it).
const port = Number(require("../package.json").config?.dev_server_port ?? 3000);
const origin = `https://localhost:${port}`;

try {
  if (hasDesktopExcel && !process.env.CAPTABLE_NO_SIDELOAD) {
    await start("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]).done;
    console.log("\nSideloaded into Excel desktop. `npm run stop` stops the dev server and unregisters the add-in.");
  } else {
    console.log(
      `\nExcel desktop is not available on this machine, so nothing is sideloaded.\nBuilding and serving the add-in on ${origin} (the first build takes a while)...\n`,
    );
    const server = start("npx", ["webpack", "serve", "--mode", "development"]);
    const ended = { yes: false };
    server.done.catch(() => {}).finally(() => (ended.yes = true));
    const answer = await waitUntilServed(`${origin}/taskpane.html`, {
      get,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      gaveUp: () => ended.yes,
    });
    console.log(servedMessage(origin, answer.issuer));
    await server.done;
  }
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exitCode = 1;
}
