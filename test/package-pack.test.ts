/**
 * The npm package as a user gets it: build, `npm pack`, install the tarball into a fresh
 * project, type-check a program against its declarations (node16+ and node10 resolution), run
 * it under Pulumi mocks with plain node, and run the installed `kubeports` executable. Catches
 * broken exports, missing or stale files, and declarations that drag whole cloud SDKs into a
 * consumer's type-check.
 *
 * Offline and fast: the tarball's dependencies are `file:` links to this repository's
 * node_modules, which npm symlinks without fetching anything or touching their contents.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../components/profiles/catalog";

const execFileAsync = promisify(execFile);
/** Runs a command; a failure carries its output (tsc prints its diagnostics on stdout). */
async function run(file: string, args: string[], options: { cwd: string }): Promise<{ stdout: string }> {
  try {
    return await execFileAsync(file, args, { ...options, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(" ")} failed in ${options.cwd}:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
}
const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** A consumer program: the public API from the root and from each cloud's subpath. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { CATALOG, compile, diffPlans, findProfile, KubeportsError, planMarkdown, type Layout, type Plan } from "kubeports";
import { AwsClusterFirewall, RancherNodesSecurityGroup } from "kubeports/aws";
import { GcpClusterFirewall } from "kubeports/gcp";
import { AzureClusterFirewall } from "kubeports/azure";

const layout: Layout = {
  name: "lab",
  profiles: ["kubernetes"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["198.51.100.0/24"] },
};

async function main(): Promise<void> {
  const types: string[] = [];
  await pulumi.runtime.setMocks(
    { newResource: (args) => (types.push(args.type), { id: args.name + "-id", state: args.inputs }), call: (args) => args.inputs },
    "consumer", "test", false,
  );
  const plan: Plan = compile(layout);
  const aws = new AwsClusterFirewall("aws", { vpcId: "vpc-0123456789abcdef0", layout });
  const ids: pulumi.Output<Record<string, string>> = aws.securityGroupIds;
  // @ts-expect-error securityGroupIds is an Output: fails to compile if the declarations decay to any
  const notAString: string = aws.securityGroupIds;
  void notAString;
  new RancherNodesSecurityGroup("rancher", { vpcId: "vpc-0123456789abcdef0", adminCidrs: ["192.0.2.0/24"] });
  new GcpClusterFirewall("gcp", { network: "default", plan });
  new AzureClusterFirewall("azure", { resourceGroupName: "k8s-rg", layout });
  let invalid = "";
  try {
    compile({ ...layout, groups: { workers: { roles: ["wroker"] } } });
  } catch (error) {
    if (error instanceof KubeportsError) invalid = error.issues[0]?.path ?? "";
  }
  const groups = await new Promise<string[]>((resolve) => ids.apply((value) => resolve(Object.keys(value))));
  // Printed when the event loop is empty: every registration has settled.
  let printed = false;
  process.on("beforeExit", () => {
    if (printed) return;
    printed = true;
    const unchanged = !diffPlans({ label: "before", plan }, { label: "after", plan: compile(layout) }).changed;
    console.log(JSON.stringify({ types, groups, invalid, profile: findProfile("kubernetes")?.id, profiles: CATALOG.length, report: planMarkdown(plan).startsWith("#"), unchanged }));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const NODENEXT = {
  compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, types: ["node"], outDir: "out", rootDir: "src" },
  include: ["src/main.ts"],
};
// Pulumi's TypeScript template resolves modules the pre-exports way: subpaths need typesVersions.
const NODE10 = {
  compilerOptions: { target: "es2022", module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "6.0", strict: true, skipLibCheck: true, types: ["node"], noEmit: true },
  include: ["src/main.ts"],
};

let work: string;
let consumer: string;
let packed: string[];
/** Each check's command, started together once the package is installed; each test awaits its own. */
let checks: Record<"nodenext" | "node10" | "program" | "entries" | "profiles" | "plan", Promise<{ stdout: string }>>;

const ENTRIES = `
  const { getPulumiComponents } = require("@pulumi/pulumi/provider/experimental");
  console.log(JSON.stringify({
    version: require("kubeports/package.json").version,
    components: getPulumiComponents(require(require("path").resolve("node_modules/kubeports"))).map((c) => c.name).sort(),
  }));`;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "kubeports-pack-"));
  // `tsc -b`: a no-op when dist/ is up to date.
  await run("npm", ["run", "build"], { cwd: ROOT });
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT });
  const [result] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  packed = result.files.map((file) => file.path).sort();

  consumer = path.join(work, "consumer");
  mkdirSync(path.join(consumer, "src"), { recursive: true });
  const links = Object.fromEntries([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), "@types/node"].map((name) => [name, `file:${path.join(ROOT, "node_modules", name)}`]));
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies: { kubeports: `file:${path.join(work, result.filename)}`, ...links } }));
  // --ignore-scripts: the cloud SDKs' install scripts download provider plugins.
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: consumer });
  writeFileSync(path.join(consumer, "src", "main.ts"), PROGRAM);
  writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify(NODENEXT));
  writeFileSync(path.join(consumer, "tsconfig.node10.json"), JSON.stringify(NODE10));

  const bin = path.join(consumer, "node_modules", ".bin", "kubeports");
  const nodenext = run(TSC, ["-p", ".", "--listFiles"], { cwd: consumer });
  checks = {
    nodenext,
    node10: run(TSC, ["-p", "tsconfig.node10.json"], { cwd: consumer }),
    program: nodenext.then(() => run(process.execPath, ["out/main.js"], { cwd: consumer })),
    entries: run(process.execPath, ["-e", ENTRIES], { cwd: consumer }),
    profiles: run(bin, ["profiles"], { cwd: consumer }),
    plan: run(bin, ["plan", path.join(ROOT, "examples", "layouts", "super-kubenetes.yaml"), "--format", "json"], { cwd: consumer }),
  };
  // Settled here so the tests' own timeouts only cover their assertions.
  await Promise.allSettled(Object.values(checks));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("packs the built components and the license, nothing from test/, stacks/, policy/ or the build info", () => {
    const outside = packed.filter((file) => !file.startsWith("dist/components/") && !["package.json", "LICENSE", "README.md", "layout.schema.json"].includes(file));
    expect(outside).toEqual([]);
    expect(packed).toContain("LICENSE");
    if (existsSync(path.join(ROOT, "README.md"))) expect(packed).toContain("README.md");
  });

  it("packs no stale output: every file in dist/ comes from a source that still exists", () => {
    const stale = packed
      .filter((file) => file.startsWith("dist/"))
      .filter((file) => !existsSync(path.join(ROOT, file.slice("dist/".length).replace(/\.(d\.ts|js|js\.map)$/, ".ts"))));
    expect(stale).toEqual([]);
  });

  it("packs every file package.json points at: main, types, bin and each export", () => {
    const targets = [
      manifest.main,
      manifest.types,
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : [target.types, target.default])),
    ].map((target) => path.posix.normalize(target));
    expect(targets.filter((target) => !packed.includes(target))).toEqual([]);
  });
});

describe("the installed package", () => {
  it("type-checks a consumer program with node16+ resolution, loading no cloud SDK declarations", async () => {
    const { stdout } = await checks.nodenext;
    const sdkDeclarations = stdout.split("\n").filter((file) => /node_modules\/@pulumi\/(aws|gcp|azure-native)\//.test(file));
    expect(sdkDeclarations).toEqual([]);
    expect(stdout).toContain("node_modules/kubeports/dist/components/aws/index.d.ts");
  });

  it("type-checks the cloud subpaths with node10 resolution (typesVersions)", async () => {
    await expect(checks.node10).resolves.toBeDefined();
  });

  it("runs the program with plain node under Pulumi mocks: each cloud's resources are created", async () => {
    const { stdout } = await checks.program;
    const result = JSON.parse(stdout) as { types: string[]; groups: string[]; invalid: string; profile: string; profiles: number; report: boolean; unchanged: boolean };
    for (const type of [
      "kubeports:index:AwsClusterFirewall",
      "aws:ec2/securityGroup:SecurityGroup",
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "kubeports:index:RancherNodesSecurityGroup",
      "kubeports:index:GcpClusterFirewall",
      "gcp:compute/firewall:Firewall",
      "kubeports:index:AzureClusterFirewall",
      "azure-native:network:NetworkSecurityGroup",
      "azure-native:network:SecurityRule",
    ]) {
      expect(result.types, type).toContain(type);
    }
    expect(result).toMatchObject({ groups: ["control-plane", "workers"], invalid: "layout.groups.workers.roles[0]", profile: "kubernetes", profiles: CATALOG.length, report: true, unchanged: true });
  });

  it("serves package.json through exports, and the Pulumi plugin entry (main) through a directory require", async () => {
    const { stdout } = await checks.entries;
    expect(JSON.parse(stdout)).toEqual({ version: manifest.version, components: ["AwsClusterFirewall", "AzureClusterFirewall", "GcpClusterFirewall", "RancherNodesSecurityGroup"] });
  });

  it("installs the kubeports executable: `kubeports profiles` lists every profile", async () => {
    const { stdout } = await checks.profiles;
    const listed = stdout.split("\n").filter((line) => /^\S+: /.test(line)).map((line) => line.slice(0, line.indexOf(":")));
    expect(listed).toEqual(CATALOG.map((profile) => profile.id));
  });

  it("compiles a layout file with the installed executable", async () => {
    const { stdout } = await checks.plan;
    expect(JSON.parse(stdout)).toMatchObject({ schema: "kubeports.plan/v1", layout: "kubesphere-lab" });
  });
});
