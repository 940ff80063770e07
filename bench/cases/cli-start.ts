/**
 * The `captable` command as users run it (`node bin/captable.cjs`, what `npx captable` runs):
 * build-workbook of the OpCore template into a scratch folder, timed beside a bare `node -e 0`
 * (Node's own start-up on this machine), the two alternated so that both see the same load.
 * Target: the command within 12x a bare Node start (median of each; it was about 27x when tsx
 * compiled the sources on every run). The compiled bundle is brought up to date first
 * (bin/captable.cjs rebuilds it when sources changed), so the figure is the steady state.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { defineCase, median, now } from "../harness";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "captable.cjs");
const RUNS = 7;

function wallMs(args: string[], cwd: string, env: Record<string, string> = {}): number {
  const start = now();
  execFileSync(process.execPath, args, { cwd, stdio: "ignore", env: { ...process.env, NODE_OPTIONS: "", ...env } });
  return Number(now() - start) / 1e6;
}

export default defineCase({
  name: "CLI start-up",
  run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "captable-bench-cli-"));
    try {
      const build = [BIN, "build-workbook", "opcore-stake-sale", "-o", "opcore.xlsx", "--force"];
      wallMs(build, dir); // rebuilds the bundle if stale and writes V8's code cache: not timed
      const bare: number[] = [];
      const cli: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bare.push(wallMs(["-e", "0"], dir));
        cli.push(wallMs(build, dir));
      }
      const ratio = median(cli) / median(bare);
      // The same command through tsx (CAPTABLE_CLI_FROM_SOURCES=1), as it ran before it was compiled.
      const fromSources = [0, 1, 2].map(() => wallMs(build, dir, { CAPTABLE_CLI_FROM_SOURCES: "1" }));
      return [
        { name: "node -e 0", value: median(bare), unit: "ms", note: `median of ${RUNS}, alternated with the command` },
        { name: "captable build-workbook opcore-stake-sale", value: median(cli), unit: "ms" },
        { name: "build-workbook / bare Node start", value: ratio, unit: "x", target: { below: 12 } },
        {
          name: "the same through tsx (sources, not compiled) / bare Node start",
          value: median(fromSources) / median(bare),
          unit: "x",
          note: "median of 3",
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});
