/**
 * The CLI as installed: the built JavaScript (dist/, built by the suite's global setup), the
 * executable bit on the bin, `--version`, and the pure commands (profiles, plan, diff) running
 * without opening any `@pulumi/*` module. Each command runs in a fresh node whose preloaded hook
 * records every module request and every file in require.cache at exit.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
const BIN = path.join(ROOT, manifest.bin.kubeports!);
const work = mkdtempSync(path.join(tmpdir(), "kubeports-light-"));
const HOOK = path.join(work, "record-modules.js");
writeFileSync(
  HOOK,
  `const Module = require("module");
const requests = [];
const load = Module._load;
Module._load = function (request, ...rest) { requests.push(request); return load.call(this, request, ...rest); };
process.on("exit", () => require("fs").writeFileSync(process.env.KUBEPORTS_MODULES_OUT, JSON.stringify({ requests, files: Object.keys(require.cache) })));
`,
);

function runBuilt(args: string[], label: string): { status: number | null; stdout: string; stderr: string; requests: string[]; files: string[] } {
  const out = path.join(work, `${label}.json`);
  const result = spawnSync(process.execPath, ["--require", HOOK, BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, KUBEPORTS_MODULES_OUT: out } });
  const { requests, files } = JSON.parse(readFileSync(out, "utf8")) as { requests: string[]; files: string[] };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, requests, files };
}

const PURE: [string, string[]][] = [
  ["profiles", ["profiles", "--format", "json"]],
  ["plan of a layout file", ["plan", "examples/layouts/super-kubenetes.yaml", "--format", "json"]],
  ["plan of a stack", ["plan", "rancher-aws"]],
  ["diff of two stacks", ["diff", "apinizer-aws", "rancher-aws", "--format", "json"]],
  ["verify of a layout file", ["verify", "examples/layouts/apinizer.yaml", "--cloud", "aws", "--format", "json"]],
  ["version", ["--version"]],
];

describe("the built CLI", () => {
  it("is executable: the bin has its x bit, and `npx kubeports --version` runs it in the repository", () => {
    expect(() => accessSync(BIN, constants.X_OK)).not.toThrow();
    const result = spawnSync("npx", ["--no-install", "kubeports", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).not.toContain("Permission denied");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it.each(PURE)("%s opens no @pulumi/* module and no TypeScript source", (label, args) => {
    const run = runBuilt(args, label.replace(/\W+/g, "-"));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.requests.filter((request) => request.startsWith("@pulumi/"))).toEqual([]);
    expect(run.files.filter((file) => file.includes(`${path.sep}@pulumi${path.sep}`) || file.endsWith(".ts"))).toEqual([]);
    // The hook sees the CLI's own modules, so an empty list above is not a blind spot.
    expect(run.files.some((file) => file.endsWith(path.join("dist", "components", "cli", "run.js")))).toBe(true);
  });
});
