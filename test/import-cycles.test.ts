/**
 * The code imports one way: no module reaches itself through its imports (type imports
 * included, since they still tie files together for a reader), and no two folders of
 * components/ import each other (the CLI reads stack files through components/stackFiles, as
 * the diff does, instead of the two borrowing from each other).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const COMPONENTS = path.resolve(__dirname, "..", "components");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to files. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)].map((m) => m[1]!);
  return specs.map((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // try the next form
      }
    }
    throw new Error(`${path.relative(COMPONENTS, file)}: cannot resolve "${spec}"`);
  });
}

const FILES = sources(COMPONENTS);
const GRAPH = new Map(FILES.map((file) => [file, imports(file)]));
const rel = (file: string) => path.relative(COMPONENTS, file);

describe("import cycles", () => {
  it("no module imports itself through other modules", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of GRAPH.get(file) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("no two folders import each other (cli and diff in particular)", () => {
    const folder = (file: string) => rel(file).split(path.sep)[0]!;
    const edges = new Set<string>();
    for (const [file, targets] of GRAPH) for (const target of targets) if (folder(file) !== folder(target)) edges.add(`${folder(file)} -> ${folder(target)}`);
    const mutual = [...edges].filter((edge) => edges.has(edge.split(" -> ").reverse().join(" -> "))).sort();
    expect(mutual).toEqual([]);
  });
});
