/**
 * The import structure stays layered (issue 15): imports only run downward, from the ground up
 * engine -> workbook, functions -> ocf (its zip reading uses the workbook's CRC-32), model -> templates, locales (the French catalogues) -> taskpane, cli; and no module imports
 * itself back through others (a cycle), counting the imports that run (an `import type` is erased).
 */
import fs from "fs";
import path from "path";

const SRC = path.resolve(__dirname, "../src");

/** Each folder of src/ and its height: an import may point to its own folder or a lower one. */
const LAYER: Readonly<Record<string, number>> = {
  engine: 0,
  workbook: 1,
  functions: 1,
  ocf: 2,
  model: 2,
  templates: 3,
  locales: 3,
  taskpane: 4,
  cli: 4,
};

interface Edge {
  readonly to: string;
  /** Only types: erased by the compiler, so it cannot make a cycle at run time. */
  readonly typeOnly: boolean;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The file a relative specifier names ("./x" is x.ts, x.tsx or x/index.ts). */
function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
}

const files = sources(SRC);
const graph = new Map<string, Edge[]>(
  files.map((file) => {
    const text = fs.readFileSync(file, "utf8");
    const edges: Edge[] = [];
    for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"(\.[^"]+)"/gms)) {
      const to = resolve(file, m[3]);
      if (to !== undefined) edges.push({ to, typeOnly: m[2] !== undefined });
    }
    return [file, edges];
  }),
);
const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0];
const rel = (file: string): string => path.relative(SRC, file);

test("every folder of src/ has a layer, and the imports are read", () => {
  expect([...graph.values()].flat().length).toBeGreaterThan(300);
  const folders = [...new Set(files.map(layerOf))].filter((f) => !/\.tsx?$/.test(f));
  expect(folders.filter((f) => LAYER[f] === undefined)).toEqual([]);
});

test("imports only run downward (or within a layer)", () => {
  const upward: string[] = [];
  for (const [file, edges] of graph) {
    for (const e of edges) {
      const [a, b] = [layerOf(file), layerOf(e.to)];
      if (a !== b && LAYER[b] >= LAYER[a]) upward.push(`${rel(file)} -> ${rel(e.to)}`);
    }
  }
  expect(upward).toEqual([]);
});

test("no import cycle among the modules (imports that run)", () => {
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const visit = (file: string, stack: string[]): void => {
    state.set(file, "open");
    for (const e of graph.get(file) ?? []) {
      if (e.typeOnly) continue;
      if (state.get(e.to) === "open") cycles.push([...stack.slice(stack.indexOf(e.to)), e.to].map(rel).join(" -> "));
      else if (state.get(e.to) === undefined) visit(e.to, [...stack, e.to]);
    }
    state.set(file, "done");
  };
  for (const file of files) if (state.get(file) === undefined) visit(file, [file]);
  expect(cycles).toEqual([]);
});
