/**
 * Random mutations of valid layouts (the examples and the stacks' layouts) through `kubeports
 * plan`: a key deleted or renamed, a value of another type, two values swapped, odd CIDRs,
 * ports and names injected. Whatever the input, the CLI either prints a plan (exit 0) or one
 * clean error (exit 1, "kubeports: ..." lines, no stack trace), within a time bound per case.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { EXIT, run } from "../components/cli/run";
import { STACK_LINE } from "./support/stackTrace";

const ROOT = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "kubeports-fuzz-"));
/** Per case; generous because the test machine is shared. */
const CASE_MS = 5000;
const RUNS = Number(process.env.KUBEPORTS_FUZZ_RUNS ?? 150);

const BASES: readonly { name: string; layout: unknown }[] = [
  ...readdirSync(path.join(ROOT, "examples/layouts")).map((file) => ({
    name: file,
    layout: parse(readFileSync(path.join(ROOT, "examples/layouts", file), "utf8")) as unknown,
  })),
  ...readdirSync(path.join(ROOT, "stacks/clusters")).map((file) => ({
    name: `stack ${file}`,
    layout: (parse(readFileSync(path.join(ROOT, "stacks/clusters", file), "utf8")) as { layout: unknown }).layout,
  })),
];

const ODD = [
  "10.1/16", "192.168.010.0/24", "0xC0.0.2.0/24", "3221225984/24", "10.0.0.5/8", "2001:DB8:0::/48", "0.0.0.0/0", "::/0",
  "fe80::%eth0/64", "::ffff:10.0.0.0/104", "0", "65536", "22-21", "1-65535", "80,443", "", " ", "Workers_1", "wroker",
  "x".repeat(300), "__proto__", "constructor", "toString", "<<", "ü", "-", 42, -1, 1.5, 1e308, true, false, null, [], {},
  [null], { "": 1 }, ["0.0.0.0/0"], { roles: ["worker"] }, { cidrs: ["0.0.0.0/0"], label: "x" },
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = readonly (string | number)[];

/** Every path to a node of the tree, root first. */
function paths(value: Json, at: Step = []): Step[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...at, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key]))];
  return here;
}

function get(root: Json, at: Step): Json {
  return at.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
}

type Mutation = { op: "delete" | "replace" | "swap" | "rename"; target: number; other: number; odd: number };

function mutate(root: Json, mutation: Mutation): Json {
  const all = paths(root);
  const at = all[mutation.target % all.length]!;
  const odd = structuredClone(ODD[mutation.odd % ODD.length]) as Json;
  if (at.length === 0) return mutation.op === "replace" ? odd : root;
  const parent = get(root, at.slice(0, -1)) as Record<string | number, Json> & Json[];
  const key = at[at.length - 1]!;
  switch (mutation.op) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case "replace":
      parent[key] = odd;
      break;
    case "swap": {
      const there = all[mutation.other % all.length]!;
      // Swapping a node with its own ancestor or descendant would make a cycle.
      if (there.length > 0 && !there.every((k, i) => at[i] === k) && !at.every((k, i) => there[i] === k)) {
        const otherParent = get(root, there.slice(0, -1)) as Record<string | number, Json>;
        const otherKey = there[there.length - 1]!;
        [parent[key], otherParent[otherKey]] = [otherParent[otherKey]!, parent[key]!];
      }
      break;
    }
    case "rename":
      if (!Array.isArray(parent) && typeof odd === "string") {
        const value = parent[key]!;
        delete parent[key];
        parent[odd] = value;
      }
      break;
  }
  return root;
}

const mutation = fc.record({
  op: fc.constantFrom("delete", "replace", "swap", "rename"),
  target: fc.nat(),
  other: fc.nat(),
  odd: fc.nat(),
}) as fc.Arbitrary<Mutation>;

async function plan(file: string) {
  let stdout = "";
  let stderr = "";
  const code = await run(["plan", file, "--format", "json"], { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("kubeports plan on mutated layouts", () => {
  it("starts from layouts that compile", async () => {
    for (const [index, base] of BASES.entries()) {
      writeFileSync(path.join(dir, `base-${index}.yaml`), stringify(base.layout));
      const result = await plan(`base-${index}.yaml`);
      expect([base.name, result.code, result.stderr]).toEqual([base.name, EXIT.ok, ""]);
    }
  });

  it("prints a plan or one clean error, never a stack trace, each case in time", async () => {
    let index = 0;
    const outcomes = { planned: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (base, mutations) => {
        const layout = mutations.reduce((tree, m) => mutate(tree, m), structuredClone(BASES[base]!.layout) as Json);
        const file = `case-${index++}.yaml`;
        writeFileSync(path.join(dir, file), stringify(layout, { aliasDuplicateObjects: false }));
        const started = Date.now();
        const { code, stdout, stderr } = await plan(file);
        expect(Date.now() - started).toBeLessThan(CASE_MS);
        if (code === EXIT.ok) {
          outcomes.planned++;
          expect(stderr).toBe("");
          expect(JSON.parse(stdout).schema).toBe("kubeports.plan/v1");
          return;
        }
        expect(code, stderr).toBe(EXIT.input);
        outcomes.refused++;
        expect(stdout).toBe("");
        expect(stderr).toMatch(/^kubeports: [^\n]+:\n( {2}- [^\n]+\n( {4}at [^\n]+:\d+:\d+\n)?)+$/);
        expect(stderr).not.toMatch(STACK_LINE);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Mutations that change nothing harmful still plan; the rest are refused: both must happen.
    expect(outcomes.planned).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);
});
