/**
 * The peer dependency ranges are honest: the packed package type-checks and runs under Pulumi
 * mocks with the lowest version each range allows (its floor in package.json) and with the
 * highest that runs on Node 20 (the versions this repository develops against). The SDKs are
 * installed from the npm registry into a temporary project, which takes minutes, so the test
 * is opt-in: `KUBEPORTS_PEER_VERSIONS=1 npx vitest run test/peer-versions.test.ts`.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
const CACHE = path.join(ROOT, "node_modules", ".cache", "kubeports-peer-versions");
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

async function run(file: string, args: string[], cwd: string): Promise<{ stdout: string }> {
  try {
    return await execFileAsync(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
}

/** ">=7.2.0 <8" -> "7.2.0". */
export function floor(range: string): string {
  const match = /^>=(\d+\.\d+\.\d+)\s+<\d+$/.exec(range);
  if (!match) throw new Error(`peer range "${range}" is not of the form ">=x.y.z <N"`);
  return match[1]!;
}

/**
 * Peers this test does not install: `@pulumi/policy` is optional, used only by the policy pack
 * (`kubeports/policy`), which the program below does not import, and its range is a caret one.
 */
const NOT_TESTED = new Set(["@pulumi/policy"]);
const PEERS = Object.keys(manifest.peerDependencies)
  .filter((name) => !NOT_TESTED.has(name))
  .sort();
const SETS: Record<string, Record<string, string>> = {
  lowest: Object.fromEntries(PEERS.map((name) => [name, floor(manifest.peerDependencies[name]!)])),
  highest: Object.fromEntries(PEERS.map((name) => [name, manifest.devDependencies[name]!])),
};

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { compile, type Layout } from "kubeports";
import { AwsClusterFirewall } from "kubeports/aws";
import { GcpClusterFirewall } from "kubeports/gcp";
import { AzureClusterFirewall } from "kubeports/azure";

const types: string[] = [];
pulumi.runtime.setMocks({ newResource: (args) => (types.push(args.type), { id: args.name + "-id", state: args.inputs }), call: (args) => args.inputs }, "peers", "test", false);
const layout: Layout = {
  name: "lab",
  profiles: ["kubernetes", "calico"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
};
const cidr = pulumi.output("10.20.0.0/16");
new AwsClusterFirewall("aws", { vpcId: "vpc-0123456789abcdef0", layout, peers: { apiClients: [cidr] } });
new GcpClusterFirewall("gcp", { network: "default", layout, peers: { apiClients: [cidr] } });
new AzureClusterFirewall("azure", { resourceGroupName: "rg", layout, peers: { apiClients: [cidr] } });
process.on("beforeExit", () => {
  if ((process as { printed?: boolean }).printed) return;
  (process as { printed?: boolean }).printed = true;
  const versions = Object.fromEntries(["@pulumi/pulumi", "@pulumi/aws", "@pulumi/gcp", "@pulumi/azure-native"].map((name) => [name, require(name + "/package.json").version]));
  console.log(JSON.stringify({ versions, groups: compile(layout).groups.length, types: [...new Set(types)].sort() }));
});
`;

const enabled = process.env.KUBEPORTS_PEER_VERSIONS === "1";
let work: string;
let tarball: string;

beforeAll(async () => {
  if (!enabled) return;
  work = mkdtempSync(path.join(tmpdir(), "kubeports-peers-"));
  const stage = path.join(work, "package");
  await run(TSC, ["-p", "tsconfig.build.json", "--outDir", path.join(CACHE, "dist"), "--tsBuildInfoFile", path.join(CACHE, "build.tsbuildinfo")], ROOT);
  mkdirSync(stage, { recursive: true });
  for (const file of ["package.json", "LICENSE", "README.md", "layout.schema.json"]) if (existsSync(path.join(ROOT, file))) copyFileSync(path.join(ROOT, file), path.join(stage, file));
  await run("cp", ["-R", path.join(CACHE, "dist"), path.join(stage, "dist")], ROOT);
  await run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], stage);
  tarball = path.join(work, readdirSync(work).find((file) => file.endsWith(".tgz"))!);
}, 600_000);

// Two installs of every SDK take a while to delete.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 300_000);

describe.skipIf(!enabled)("peer dependency ranges", () => {
  it.each(Object.keys(SETS))("type-checks and runs with the %s supported version of every peer", async (set) => {
    const versions = SETS[set]!;
    const consumer = path.join(work, set);
    mkdirSync(path.join(consumer, "src"), { recursive: true });
    writeFileSync(
      path.join(consumer, "package.json"),
      JSON.stringify({ name: `peers-${set}`, private: true, dependencies: { ...versions, kubeports: `file:${tarball}` }, devDependencies: { "@types/node": `file:${path.join(ROOT, "node_modules", "@types/node")}` } }),
    );
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], consumer);
    writeFileSync(path.join(consumer, "src", "main.ts"), PROGRAM);
    writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, types: ["node"], outDir: "out", rootDir: "src" }, files: ["src/main.ts"] }),
    );
    await run(TSC, ["-p", "."], consumer);
    const { stdout } = await run(process.execPath, ["out/main.js"], consumer);
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as { versions: Record<string, string>; groups: number; types: string[] };
    expect(result.versions).toEqual(versions);
    expect(result.groups).toBe(2);
    for (const type of ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "gcp:compute/firewall:Firewall", "azure-native:network:SecurityRule"]) expect(result.types).toContain(type);
  }, 900_000);
});

describe("peer range format", () => {
  it("every peer range is a floor and the next major, so the lowest supported version is known", () => {
    for (const name of PEERS) expect(floor(manifest.peerDependencies[name]!)).toMatch(/^\d+\.\d+\.\d+$/);
    // Only the policy SDK is left out: every cloud SDK and @pulumi/pulumi are tested.
    expect(Object.keys(manifest.peerDependencies).filter((name) => !PEERS.includes(name))).toEqual(["@pulumi/policy"]);
    expect(SETS.lowest!["@pulumi/pulumi"]).toBe("3.142.0");
  });
});
