/**
 * `npm run bench`: builds (production), then measures the built custom-functions bundle as Excel
 * loads it and prints one table: measured figure, target, ratio measured/target, met or MISSED.
 *
 * Every file in bench/cases/ is a case (see bench/harness.ts); they run in file-name order.
 * Options: `--dist <folder>` to measure another build; `--only <text>` to run the cases whose file
 * name or case name contains the text. Always exits 0: figures are reported, not asserted.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { BenchCase, Row, assess, loadContext, renderTable } from "./harness";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const dist = path.resolve(option("dist") ?? path.join(root, "dist"));
  const only = option("only")?.toLowerCase();
  const casesDir = path.join(__dirname, "cases");
  const files = fs
    .readdirSync(casesDir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts"))
    .sort();

  const context = loadContext(dist, path.join(root, "docs", "function-examples.json"));
  console.log(`CapTable benchmarks: ${path.relative(process.cwd(), dist) || "."}/functions.js, Node ${process.version}, ${new Date().toISOString()}`);
  const load = os.loadavg()[0];
  const cores = os.cpus().length;
  console.log(`Load average ${load.toFixed(2)} on ${cores} core(s)${load > cores * 0.75 ? ": the machine is busy, wall-clock figures are pessimistic (see the CPU-time rows)" : ""}.`);
  console.log("Ratio = measured / target (calls/s: higher is better; ms and KB: lower is better). Targets are judged on wall time.\n");

  const rows: Row[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(casesDir, file))) as { default?: BenchCase | BenchCase[] };
    const exported = loaded.default ?? [];
    const cases: BenchCase[] = Array.isArray(exported) ? exported : [exported];
    for (const c of cases) {
      if (only !== undefined && !file.toLowerCase().includes(only) && !c.name.toLowerCase().includes(only)) continue;
      try {
        for (const m of await c.run(context)) rows.push({ group: c.name, m });
      } catch (error) {
        rows.push({ group: c.name, m: { name: "(case failed)", value: 0, unit: "", problem: error instanceof Error ? error.message : String(error) } });
      }
    }
  }

  console.log(renderTable(rows));
  const judged = rows.map((r) => assess(r.m)).filter((a) => a.met !== undefined);
  const missed = judged.filter((a) => a.met === false).length;
  const problems = rows.filter((r) => r.m.problem !== undefined).length;
  console.log(`\n${judged.length - missed} of ${judged.length} targets met${missed > 0 ? `, ${missed} MISSED` : ""}${problems > 0 ? `; ${problems} figure(s) not measured` : ""}.`);
}

main().catch((error) => {
  // The bench reports; it does not fail the build.
  console.error(`bench could not run: ${error instanceof Error ? error.message : String(error)}`);
});
