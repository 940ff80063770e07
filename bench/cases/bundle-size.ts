/**
 * Size of the production custom-functions bundle (dist/functions.js, minified by webpack's
 * production mode). Excel downloads and parses it before the first CAPTABLE cell computes.
 * Target: under 150 KB (1 KB = 1,000 bytes); gzip size printed for information (what a server
 * sending Content-Encoding: gzip transfers).
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { defineCase } from "../harness";

export default defineCase({
  name: "Bundle size",
  run({ dist }) {
    const bytes = fs.readFileSync(path.join(dist, "functions.js"));
    return [
      { name: "functions.js, minified", value: bytes.length / 1000, unit: "KB", target: { below: 150 } },
      { name: "functions.js, minified + gzip", value: zlib.gzipSync(bytes, { level: 9 }).length / 1000, unit: "KB" },
    ];
  },
});
