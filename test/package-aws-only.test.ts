/**
 * A fresh AWS-only Pulumi program, as a user starts one: `@pulumi/pulumi`, `@pulumi/aws` and
 * the packed kubeports tarball. It must install no other cloud SDK and one copy of
 * `@pulumi/pulumi`; pass `vpc.cidrBlock` as a peer CIDR and an Output as a tag, type-check,
 * and preview under Pulumi mocks with the right rules; and a misspelt profile id must fail
 * `tsc`.
 *
 * Fast and offline-friendly: the package is built into a cache directory of its own (so it
 * never races the other pack test over dist/), and the @pulumi packages are `file:` links to
 * this repository's node_modules; kubeports' own small dependencies come from npm's cache.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
const CACHE = path.join(ROOT, "node_modules", ".cache", "kubeports-aws-only");

async function run(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw Object.assign(new Error(`${[file, ...args].join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`), { stdout: failed.stdout ?? "" });
  }
}

/** The user's program: a VPC, and the firewall with the VPC's CIDR as a peer and an Output as a tag. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import { compile, type Layout } from "kubeports";
import { AwsClusterFirewall } from "kubeports/aws";

const recorded: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: args.name + "-id", state: args.inputs };
    },
    call: (args) => args.inputs,
  },
  "consumer", "dev", false,
);

const vpc = new ec2.Vpc("net", { cidrBlock: "10.20.0.0/16" });
const layout: Layout = {
  name: "lab",
  profiles: ["kubernetes"],
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
};
const firewall = new AwsClusterFirewall("lab", {
  vpcId: vpc.id,
  layout,
  peers: { apiClients: [vpc.cidrBlock] },
  tags: { owner: vpc.id },
});
const checked: number = compile(layout).groups.length;

process.on("beforeExit", () => {
  if (recorded.length === 0 || (process as { printed?: boolean }).printed) return;
  (process as { printed?: boolean }).printed = true;
  const loaded = Object.keys(require.cache).filter((file) => /node_modules\\/@pulumi\\/(gcp|azure-native)\\//.test(file));
  const pulumiCopies = new Set([require.resolve("@pulumi/pulumi"), require.resolve("@pulumi/pulumi", { paths: [require.resolve("@pulumi/aws")] }), require.resolve("@pulumi/pulumi", { paths: [require.resolve("kubeports/aws")] })].map((file) => require("fs").realpathSync(file)));
  console.log(JSON.stringify({ recorded, loaded, pulumiCopies: [...pulumiCopies], checked, warnings: firewall.warnings.map((w) => w.code) }));
});
`;

/** Not a layout: "kubernets" is no profile. */
const TYPO = `
import type { Layout } from "kubeports";
export const layout: Layout = { name: "lab", profiles: ["kubernets"], groups: { cp: { roles: ["controlPlane"] } } };
`;

const TSCONFIG = (file: string) => ({
  compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, types: ["node"], outDir: "out", rootDir: "src" },
  files: [`src/${file}`],
});

let work: string;
let consumer: string;
let checks: { typo: Promise<Error & { stdout: string } | undefined>; program: Promise<{ stdout: string }> };
const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await step();
  } finally {
    timings[label] = Date.now() - start;
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "kubeports-aws-only-"));
  // Build the package into its own directory (incremental across runs) and pack a staged copy.
  const stage = path.join(work, "package");
  await timed("build", () => run(TSC, ["-p", "tsconfig.build.json", "--outDir", path.join(CACHE, "dist"), "--tsBuildInfoFile", path.join(CACHE, "build.tsbuildinfo")], ROOT));
  await timed("pack", async () => {
    mkdirSync(stage, { recursive: true });
    for (const file of ["package.json", "LICENSE", "README.md", "layout.schema.json"]) if (existsSync(path.join(ROOT, file))) copyFileSync(path.join(ROOT, file), path.join(stage, file));
    await run("cp", ["-R", path.join(CACHE, "dist"), path.join(stage, "dist")], ROOT);
    await run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], stage);
  });
  const tarball = readdirSync(work).find((file) => file.endsWith(".tgz"))!;

  consumer = path.join(work, "consumer");
  mkdirSync(path.join(consumer, "src"), { recursive: true });
  const link = (name: string) => `file:${path.join(ROOT, "node_modules", name)}`;
  writeFileSync(
    path.join(consumer, "package.json"),
    JSON.stringify({ name: "aws-only", private: true, dependencies: { "@pulumi/pulumi": link("@pulumi/pulumi"), "@pulumi/aws": link("@pulumi/aws"), kubeports: `file:${path.join(work, tarball)}` }, devDependencies: { "@types/node": link("@types/node") } }),
  );
  // --ignore-scripts: the provider SDK's install script would download its plugin.
  await timed("install", () => run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], consumer));
  writeFileSync(path.join(consumer, "src", "main.ts"), PROGRAM);
  writeFileSync(path.join(consumer, "src", "typo.ts"), TYPO);
  writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify(TSCONFIG("main.ts")));
  writeFileSync(path.join(consumer, "tsconfig.typo.json"), JSON.stringify(TSCONFIG("typo.ts")));
  // Both type-checks at once; each test awaits its own.
  checks = {
    typo: timed("tsc typo", () => run(TSC, ["-p", "tsconfig.typo.json", "--noEmit"], consumer).then(() => undefined, (error: Error & { stdout: string }) => error)),
    program: timed("tsc program and run", () => run(TSC, ["-p", "."], consumer).then(() => run(process.execPath, ["out/main.js"], consumer))),
  };
  await Promise.allSettled(Object.values(checks));
}, 300_000);

afterAll(() => {
  console.log(`AWS-only consumer: ${Object.entries(timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("an AWS-only program with the packed package", () => {
  it("installs no other cloud SDK", () => {
    const scoped = path.join(consumer, "node_modules", "@pulumi");
    expect(readdirSync(scoped).sort()).toEqual(["aws", "pulumi"]);
    const nested = path.join(consumer, "node_modules", "kubeports", "node_modules");
    expect(existsSync(path.join(nested, "@pulumi"))).toBe(false);
    const lock = JSON.parse(readFileSync(path.join(consumer, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((entry) => /@pulumi\/(gcp|azure-native)/.test(entry))).toEqual([]);
  });

  it("installs one copy of @pulumi/pulumi, shared by the program, @pulumi/aws and kubeports", () => {
    const lock = JSON.parse(readFileSync(path.join(consumer, "package-lock.json"), "utf8")) as { packages: Record<string, { link?: boolean; resolved?: string }> };
    const top = lock.packages["node_modules/@pulumi/pulumi"]!;
    // The top-level entry (a link to the shared install) and its target; no nested copy anywhere.
    const copies = Object.keys(lock.packages).filter((entry) => /(^|\/)node_modules\/@pulumi\/pulumi$/.test(entry) && entry !== "node_modules/@pulumi/pulumi" && entry !== top.resolved);
    expect(copies).toEqual([]);
    expect(realpathSync(path.join(consumer, "node_modules", "@pulumi", "pulumi"))).toBe(realpathSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi")));
  });

  it("fails tsc on a misspelt profile id, naming it", async () => {
    const failure = await checks.typo;
    expect(failure).toBeDefined();
    expect(failure!.stdout).toMatch(/src\/typo\.ts\(\d+,\d+\): error TS2820: Type '"kubernets"' is not assignable to type .*Did you mean '"kubernetes"'\?/);
  });

  it("type-checks vpc.cidrBlock as a peer CIDR and an Output as a tag, and previews the right rules under mocks", async () => {
    const { stdout } = await checks.program;
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
      recorded: { type: string; name: string; inputs: Record<string, unknown> }[];
      loaded: string[];
      pulumiCopies: string[];
      checked: number;
      warnings: string[];
    };
    expect(result.loaded).toEqual([]);
    expect(result.pulumiCopies).toHaveLength(1);
    expect(result.checked).toBe(2);
    expect(result.warnings).toContain("peer-unknown");
    const ingress = result.recorded.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    const fromVpc = ingress.filter((r) => r.inputs.cidrIpv4 === "10.20.0.0/16");
    // kubectl (apiClients) reaches the API on the control plane only.
    expect(fromVpc.map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort}`)).toEqual(["tcp 6443-6443"]);
    expect(fromVpc[0]!.inputs.securityGroupId).toBe("lab-control-plane-id");
    // No stand-in reached a rule.
    expect(ingress.filter((r) => typeof r.inputs.cidrIpv4 === "string" && (r.inputs.cidrIpv4 as string).startsWith("24"))).toEqual([]);
    const groups = result.recorded.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
    expect(groups.map((g) => g.name).sort()).toEqual(["lab-control-plane", "lab-workers"]);
    for (const group of groups) expect(group.inputs.tags).toMatchObject({ owner: "net-id", "managed-by": "kubeports" });
    for (const rule of ingress) expect(rule.inputs.tags).toMatchObject({ owner: "net-id" });
  });
});
