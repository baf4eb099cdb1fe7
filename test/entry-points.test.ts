/**
 * Each entry point loads only what it needs: `kubeports` (the root) loads no @pulumi package
 * at all, and each cloud subpath loads @pulumi/pulumi and its own cloud SDK, never another
 * cloud's. That is what lets an AWS-only program skip the GCP and Azure SDKs.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

/** The @pulumi packages a fresh process loads when it requires `entry`. */
function pulumiPackagesLoadedBy(entry: string): string[] {
  const script = `
    const Module = require("module");
    const seen = new Set();
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (/^@pulumi\\//.test(request)) seen.add(request.split("/").slice(0, 2).join("/"));
      return load.call(this, request, ...rest);
    };
    require(${JSON.stringify(path.join(ROOT, entry))});
    console.log(JSON.stringify([...seen].sort()));`;
  const stdout = execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout.trim().split("\n").pop()!) as string[];
}

describe("entry points", () => {
  it.each([
    ["components/index.ts", []],
    ["components/aws/index.ts", ["@pulumi/aws", "@pulumi/pulumi"]],
    ["components/gcp/index.ts", ["@pulumi/gcp", "@pulumi/pulumi"]],
    ["components/azure/index.ts", ["@pulumi/azure-native", "@pulumi/pulumi"]],
  ])("%s loads exactly %j", (entry, expected) => {
    expect(pulumiPackagesLoadedBy(entry)).toEqual(expected);
  });
});
