/**
 * The decisions of `npm start` (scripts/start.mjs), as plain functions the tests call for every
 * platform: how to spawn a command, how to stop what was started, when the dev server is really
 * serving, and what to print then. start.mjs only wires them to the real process.
 */
"use strict";

/**
 * How to spawn `command args…` on `platform` (a `process.platform` value).
 *
 * - Windows: `npx` is a batch file (npx.cmd). Since the CVE-2024-27980 fix (Node 18.20.2, 20.12.2,
 *   21.7.3 and later; https://nodejs.org/en/blog/vulnerability/april-2024-security-releases-2,
 *   nodejs/node#52681) spawning a .bat/.cmd without a shell fails with `spawn EINVAL`; Node's docs say
 *   to use `shell: true`. The command line is then passed as ONE string (Node 24 deprecates args
 *   with `shell: true`, DEP0190), and every word must be plain (letters, digits, `.-_/:=`), so that
 *   cmd.exe has nothing to interpret.
 * - Elsewhere: no shell. The child stays in the terminal's process group (not `detached`): the
 *   Office dev certificates are installed with sudo (office-addin-dev-certs), whose password prompt
 *   reads the terminal, which a process in another group cannot do (it would be stopped by SIGTTIN).
 *   Ctrl-C reaches the whole group from the terminal; `stopChild` also stops the tree explicitly.
 */
function spawnPlan(platform, command, args) {
  const stdio = "inherit";
  if (platform === "win32") {
    for (const word of [command, ...args])
      if (!/^[\w.\-/:=]+$/.test(word))
        throw new Error(`start: "${word}" would be interpreted by cmd.exe; only plain words are spawned through the shell`);
    return { command: [command, ...args].join(" "), args: [], options: { stdio, shell: true, windowsHide: true } };
  }
  return { command, args: [...args], options: { stdio } };
}

/** The processes under `pid`, deepest first (`pgrep -P`, on Linux and macOS); none when pgrep is missing. */
function descendants(pid, sys) {
  const out = sys.spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" });
  const children = String((out && out.stdout) || "")
    .split(/\s+/)
    .filter((p) => /^[0-9]+$/.test(p))
    .map(Number);
  return children.flatMap((child) => [...descendants(child, sys), child]);
}

/**
 * Stops a child started with `spawnPlan` and everything it started: on Windows `taskkill /T /F`
 * (the whole tree: cmd.exe, npx, node); elsewhere SIGTERM to every process under it, deepest first,
 * then to it (npx runs `sh -c webpack`, and sh does not pass a signal on to webpack).
 * `sys` is the real world in start.mjs and a recorder in the tests:
 * `{ platform, kill(pid, signal), spawnSync(command, args, options) }`.
 * A child that already exited (exitCode or signalCode set) or never started (no pid) is left alone.
 */
function stopChild(child, sys) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
  if (sys.platform === "win32") {
    sys.spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    return true;
  }
  for (const pid of [...descendants(child.pid, sys), child.pid]) {
    try {
      sys.kill(pid, "SIGTERM");
    } catch (error) {
      // ESRCH: that process has already ended.
      if (error && error.code !== "ESRCH") throw error;
    }
  }
  return true;
}

/**
 * On Ctrl-C (SIGINT), SIGTERM or SIGHUP: stops every child still running (`stopChild`), then exits
 * with 128 + the signal number, as a shell reports a process ended by that signal.
 * `proc` is `process` in start.mjs (`on`, `exit`), a fake in the tests. Returns the handler.
 */
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
function stopOnSignals(proc, children, sys) {
  const handler = (signal) => {
    for (const child of children) stopChild(child, sys);
    proc.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS)) proc.on(signal, handler);
  return handler;
}

/** The issuer of the Office development certificates (office-addin-dev-certs, lib/defaults.js `certificateName`). */
const OFFICE_DEV_CA = "Developer CA for Microsoft Office Add-ins";

/**
 * Asks `get(url)` until the page answers 200: webpack-dev-middleware holds requests until the first
 * compilation is done, so a 200 means the bundles are really there. `get` resolves to
 * `{ status, issuer }` (the common name of the certificate's issuer) or rejects (server not
 * listening yet); `sleep(ms)` waits between tries; `gaveUp()` is true once the server process has
 * ended (then this rejects). Resolves to the last answer.
 */
async function waitUntilServed(url, { get, sleep, gaveUp, intervalMs = 1000 }) {
  for (;;) {
    if (gaveUp()) throw new Error(`the dev server stopped before serving ${url}`);
    try {
      const answer = await get(url);
      if (answer.status === 200) return answer;
    } catch {
      // not listening yet
    }
    await sleep(intervalMs);
  }
}

/**
 * What to print once the add-in is served. With a certificate not issued by the Office dev CA
 * (the self-signed fallback of webpack.config.js), the browser and Excel on the web refuse the
 * add-in's files until the certificate is trusted: Microsoft: "Self-signed certificates can be used
 * for development and testing, so long as the certificate is trusted on the local machine"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests#hosting-requirements).
 * Sideloading in Excel on the web: https://learn.microsoft.com/office/dev/add-ins/testing/sideload-office-add-ins-for-testing#manually-sideload-an-add-in-to-office-on-the-web
 */
function servedMessage(origin, issuer) {
  const selfSigned = issuer !== OFFICE_DEV_CA;
  const lines = [
    "",
    `Ready: the add-in is served on ${origin}`,
    `  - taskpane (a preview outside Excel): ${origin}/taskpane.html`,
    `  - custom functions: ${origin}/functions.js and ${origin}/functions.json`,
    "To use it in Excel on the web:",
  ];
  if (selfSigned)
    lines.push(
      `  1. The certificate is self-signed (the Office dev certificates could not be installed here).`,
      `     Open ${origin}/taskpane.html once in the browser you use for Excel and accept the`,
      `     certificate warning (Advanced > Proceed), or Excel on the web cannot load the add-in.`,
    );
  const n = selfSigned ? 2 : 1;
  lines.push(
    `  ${n}. Open a workbook on https://office.com, then Home > Add-ins > More Settings (older menus:`,
    `     Insert > Add-ins) > Upload My Add-in, and choose manifest.xml (from this folder).`,
    `     (Microsoft's steps: https://learn.microsoft.com/office/dev/add-ins/testing/sideload-office-add-ins-for-testing)`,
    `  ${n + 1}. The add-in stays sideloaded in this browser until its cache is cleared.`,
    "To see a model without Excel: npx captable build-workbook opcore-stake-sale -o opcore.xlsx",
    "Stop with Ctrl+C.",
    "",
  );
  return lines.join("\n");
}

module.exports = { spawnPlan, stopChild, stopOnSignals, waitUntilServed, servedMessage, OFFICE_DEV_CA };
