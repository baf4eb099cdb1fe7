/**
 * Which program and which config `kubeports preview` runs, read from a project the way the
 * Pulumi CLI's nodejs runtime reads it (@pulumi/pulumi cmd/run): pure file reading, no process.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectTsconfig, resolveProgramEntry } from "../components/preview/programEntry";
import { listStacks, readPulumiProject, readStackConfig } from "../components/preview/pulumiProject";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeports-project-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const entryOf = (dir: string) => path.relative(dir, resolveProgramEntry(readPulumiProject(dir)).file);

describe("the program's entry point", () => {
  it("is Pulumi.yaml's main, relative to the project", () => {
    const dir = project({ "Pulumi.yaml": "name: p\nruntime: nodejs\nmain: src/app.ts\n", "src/app.ts": "", "index.ts": "" });
    expect(entryOf(dir)).toBe(path.join("src", "app.ts"));
  });

  it("without main, is package.json's exports, then its main (the Pulumi TypeScript template sets main: index.ts)", () => {
    expect(entryOf(project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "package.json": '{"main": "index.ts"}', "index.ts": "", "index.js": "" }))).toBe("index.ts");
    expect(entryOf(project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "package.json": '{"main": "a.js", "exports": {".": {"default": "./b.js"}}}', "a.js": "", "b.js": "" }))).toBe("b.js");
  });

  it("in a directory, is index.js before index.ts, as Node's require picks it", () => {
    expect(entryOf(project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "index.ts": "", "index.js": "" }))).toBe("index.js");
    expect(entryOf(project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "index.ts": "" }))).toBe("index.ts");
  });

  it("marks an ES module program (package.json type: module), whose exports Pulumi reads differently", () => {
    const dir = project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "package.json": '{"type": "module"}', "index.ts": "" });
    expect(resolveProgramEntry(readPulumiProject(dir)).esm).toBe(true);
  });

  it("names the main that has no program, and how to fix it", () => {
    const dir = project({ "Pulumi.yaml": "name: p\nruntime: nodejs\nmain: app.ts\n" });
    expect(() => resolveProgramEntry(readPulumiProject(dir))).toThrow(/Pulumi\.yaml: main: "app\.ts" .* has no entry point \(set main in Pulumi\.yaml/);
  });
});

describe("the runtime options", () => {
  it("default to TypeScript on and no node arguments; nodeargs split on white space", () => {
    expect(readPulumiProject(project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n" })).runtime).toEqual({ name: "nodejs", options: { typescript: true, nodeargs: [] } });
    const yaml = "name: p\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n    nodeargs: --import=tsx  --max-old-space-size=4096\n";
    expect(readPulumiProject(project({ "Pulumi.yaml": yaml })).runtime.options).toEqual({ typescript: false, nodeargs: ["--import=tsx", "--max-old-space-size=4096"] });
  });

  it("compile with the project's tsconfig.json, or PULUMI_NODEJS_TSCONFIG_PATH, which must exist", () => {
    const dir = project({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "tsconfig.json": "{}", "tsconfig.pulumi.json": "{}" });
    const p = readPulumiProject(dir);
    expect(projectTsconfig(p, {})).toBe(path.join(dir, "tsconfig.json"));
    expect(projectTsconfig(p, { PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.pulumi.json" })).toBe(path.join(dir, "tsconfig.pulumi.json"));
    expect(() => projectTsconfig(p, { PULUMI_NODEJS_TSCONFIG_PATH: "nope.json" })).toThrow(/PULUMI_NODEJS_TSCONFIG_PATH: "nope\.json" does not exist/);
  });
});

describe("the stack's config", () => {
  it("is Pulumi.<stack>.yaml under stackConfigDir over the project's defaults and values, every value a string", () => {
    const dir = project({
      "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: stacks\nconfig:\n  size:\n    type: integer\n    default: 2\n  pulumi:tags:\n    value:\n      team: net\n  region: us-east-1\n",
      "stacks/Pulumi.dev.yaml": "config:\n  p:size: 5\n",
      "stacks/Pulumi.prod.yml": "config: {}\n",
    });
    const p = readPulumiProject(dir);
    expect(listStacks(p)).toEqual(["dev", "prod"]);
    expect(readStackConfig(p, "dev")).toEqual({ "p:size": "5", "pulumi:tags": '{"team":"net"}', "p:region": "us-east-1" });
    expect(readStackConfig(p, "acme/p/prod")).toMatchObject({ "p:size": "2" });
  });

  it("checks declared types and names an unknown stack with the known ones", () => {
    const dir = project({ "Pulumi.yaml": "name: p\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n", "Pulumi.dev.yaml": "config:\n  p:size: big\n" });
    const p = readPulumiProject(dir);
    expect(() => readStackConfig(p, "dev")).toThrow(/Pulumi\.dev\.yaml: p:size: expected integer, got "big"/);
    expect(() => readStackConfig(p, "dve")).toThrow(/no stack "dve" .*dev.*beside Pulumi\.yaml/);
  });
});
