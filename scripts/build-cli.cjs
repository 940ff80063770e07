#!/usr/bin/env node
/**
 * The compiled `captable` command: src/cli/main.ts and the packages it uses (exceljs, jszip, zod,
 * decimal.js) bundled and minified by esbuild into build/cli/captable.cjs, with a stamp
 * (build/cli/stamp.json) recording the SHA-256 of what it was built from (`stampedFiles`). Run by
 * npm's `prepare` script, so `npm ci` and `npm install` build it. One file instead of about 800
 * modules: resolving and compiling those took most of the command's start-up.
 *
 * bin/captable.cjs runs the bundle only when the stamp matches the sources as they are now
 * (`isFresh`); otherwise it rebuilds (`buildCli`), and if that cannot be done (no esbuild, a
 * read-only folder) it runs the sources through tsx. Stale code never runs.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = "src/cli/main.ts";
/** Bump when the way the bundle is made changes, so older bundles are rebuilt. */
const FORMAT = 1;

function outPaths(outDir) {
  return { bundle: path.join(outDir, "captable.cjs"), stamp: path.join(outDir, "stamp.json"), codeCache: path.join(outDir, "captable.v8cache") };
}

/** SHA-256 over the files' relative paths and contents (paths with "/", sorted); a missing file counts as changed. */
function sourcesDigest(root, files) {
  const hash = crypto.createHash("sha256");
  hash.update(`captable-cli ${FORMAT}\n`);
  for (const file of [...files].sort()) {
    hash.update(`${file}\n`);
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch {
      hash.update("\0missing\0");
    }
    hash.update("\n");
  }
  return hash.digest("hex");
}

/**
 * The files whose contents the stamp records: every project source bundled, tsconfig.json and
 * package.json, and for the packages bundled from node_modules their package.json (name and
 * version: reading every file of every package would cost more than the start-up it saves; npm
 * replaces a package's package.json whenever it installs another version of it).
 */
function stampedFiles(bundled) {
  const files = new Set(["tsconfig.json", "package.json"]);
  for (const input of bundled) {
    const file = input.split(path.sep).join("/");
    const at = file.lastIndexOf("node_modules/");
    if (at < 0) files.add(file);
    else {
      const parts = file.slice(at + "node_modules/".length).split("/");
      const name = parts[0].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
      files.add(`${file.slice(0, at)}node_modules/${name}/package.json`);
    }
  }
  return [...files].sort();
}

/** The stamp of a build, or undefined when there is none (or it cannot be read). */
function readStamp(outDir) {
  try {
    const stamp = JSON.parse(fs.readFileSync(outPaths(outDir).stamp, "utf8"));
    if (stamp.format !== FORMAT || typeof stamp.digest !== "string" || !Array.isArray(stamp.inputs)) return undefined;
    return stamp;
  } catch {
    return undefined;
  }
}

/** True when the bundle in outDir was built from the sources exactly as they are in root now. */
function isFresh(root, outDir) {
  const stamp = readStamp(outDir);
  if (stamp === undefined || !fs.existsSync(outPaths(outDir).bundle)) return false;
  return sourcesDigest(root, stamp.inputs) === stamp.digest;
}

/**
 * Bundles the CLI from root into outDir; returns the stamp. Writes the bundle and then the stamp,
 * each through a temporary file and a rename, so a reader never sees half a file, and a bundle
 * without its matching stamp is never run.
 */
function buildCli(root = ROOT, outDir = path.join(ROOT, "build", "cli")) {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    metafile: true,
    write: false,
    logLevel: "silent",
    outfile: outPaths(outDir).bundle,
  });
  const inputs = stampedFiles(Object.keys(result.metafile.inputs));
  const digest = sourcesDigest(root, inputs);
  // Another `captable` run may have rebuilt it meanwhile: nothing to write.
  const before = readStamp(outDir);
  if (before !== undefined && before.digest === digest && fs.existsSync(outPaths(outDir).bundle)) return before;
  const stamp = { format: FORMAT, entry: ENTRY, digest, inputs };
  fs.mkdirSync(outDir, { recursive: true });
  const { bundle, stamp: stampFile } = outPaths(outDir);
  const write = (file, text) => {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  };
  fs.rmSync(stampFile, { force: true });
  fs.rmSync(outPaths(outDir).codeCache, { force: true });
  write(
    bundle,
    `// Built by scripts/build-cli.cjs from ${ENTRY}; do not edit (bin/captable.cjs checks build/cli/stamp.json).\n${result.outputFiles[0].text}`,
  );
  write(stampFile, JSON.stringify(stamp, null, 2) + "\n");
  return stamp;
}

/**
 * Loads the bundle as `require` would, with V8's code cache: the first run saves the compiled code
 * (build/cli/captable.v8cache) once the command has run (`saveCache`), later runs skip parsing and
 * compiling most of the 1.7 MB. V8 checks the cache against the source and rejects a mismatch
 * (`cachedDataRejected`); the bundle is then compiled as usual and the cache rewritten. This is
 * what Node 22's module.enableCompileCache() does; Node 20 does not have it.
 */
function loadBundle(outDir) {
  const Module = require("module");
  const vm = require("vm");
  const { bundle, codeCache } = outPaths(outDir);
  const source = fs.readFileSync(bundle, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(codeCache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  // Rewritten when missing, rejected, or when this run compiled more (a command that loads the
  // workbook half after one that did not): the cache holds the functions compiled so far.
  const saveCache = () => {
    try {
      const data = script.createCachedData();
      if (cachedData !== undefined && !script.cachedDataRejected && data.length <= cachedData.length + 4096) return;
      const temp = `${codeCache}.${process.pid}.tmp`;
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, codeCache);
    } catch {
      // a read-only folder: no cache, same result
    }
  };
  return { exports: mod.exports, saveCache };
}

module.exports = { ROOT, FORMAT, outPaths, stampedFiles, sourcesDigest, readStamp, isFresh, buildCli, loadBundle };

if (require.main === module) {
  try {
    const stamp = buildCli();
    console.log(`captable: built build/cli/captable.cjs from ${stamp.inputs.length} files`);
  } catch (error) {
    // `npm ci --omit=dev` has no esbuild: the command then needs the dev dependencies anyway.
    console.warn(`captable: the command was not compiled (${error.message.split("\n")[0]}); it will run the sources through tsx`);
  }
}
