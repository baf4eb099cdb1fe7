/**
 * The npm package as a user gets it: `npm pack` (dist/ is built by the suite's global setup),
 * install the tarball into a fresh project of the Pulumi TypeScript template's shape
 * (Pulumi.yaml with the nodejs runtime and its typescript option, index.ts, tsconfig.json,
 * package.json depending on @pulumi/pulumi and @pulumi/aws), then use it as a user would:
 * `npx kubeports profiles`, `plan`, `diff`, and `preview` of that project's own program;
 * `pulumi preview --policy-pack node_modules/kubeports/policy`'s loader on the shipped pack;
 * a second program type-checked against the declarations (node16+ and node10 resolution) and
 * run under Pulumi mocks with plain node. Catches broken exports, missing or stale files, a bin
 * that cannot run TypeScript, and declarations that drag whole cloud SDKs into a type-check.
 *
 * Offline and fast: the project's dependencies are `file:` links to this repository's
 * node_modules, which npm symlinks without fetching anything or touching their contents.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../components/profiles/catalog";
import { EnforcementLevel, type AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { startPolicyPack, type RunningPack } from "./support/policyPackServer";

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
  files: string[];
  exports: Record<string, string | { types: string; default: string }>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** The user's Pulumi program, as `pulumi new aws-typescript` lays it out, using kubeports. */
const INFRA = {
  "Pulumi.yaml": `name: infra
description: A minimal AWS TypeScript Pulumi program
runtime:
  name: nodejs
  options:
    typescript: true
    packagemanager: npm
config:
  pulumi:tags:
    value:
      pulumi:template: aws-typescript
`,
  "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n  infra:apiClients: 198.51.100.0/24\n",
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true, noImplicitReturns: true, forceConsistentCasingInFileNames: true },
      files: ["index.ts"],
    },
    null,
    4,
  ),
  "index.ts": `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { AwsClusterFirewall } from "kubeports/aws";
import type { Layout } from "kubeports";

const config = new pulumi.Config();
const apiClients: string = config.require("apiClients");

const vpc = new aws.ec2.Vpc("lab", { cidrBlock: "10.0.0.0/16" });

const layout: Layout = {
  name: "lab",
  profiles: ["kubernetes", "calico"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: [apiClients] },
};

const firewall = new AwsClusterFirewall("lab", { vpcId: vpc.id, layout });

export const vpcId = vpc.id;
export const securityGroupIds = firewall.securityGroupIds;
`,
  "before.yaml": "name: lab\nprofiles: [kubernetes]\ngroups:\n  masters: { roles: [controlPlane, etcd] }\n  workers: { roles: [worker] }\npeers: { apiClients: [198.51.100.0/24] }\n",
  "after.yaml":
    "name: lab\nprofiles: [kubernetes]\ngroups:\n  masters: { roles: [controlPlane, etcd] }\n  workers: { roles: [worker] }\npeers: { apiClients: [198.51.100.0/24] }\n" +
    "rules:\n  - { id: metrics, description: ingress metrics, protocols: [tcp], ports: \"10254\", from: [{ group: masters }], to: { group: workers } }\n",
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
let pack: RunningPack | undefined;
/** Each check's command, started together once the package is installed; each test awaits its own. */
let checks: Record<"nodenext" | "node10" | "program" | "entries" | "profiles" | "plan" | "diff" | "preview" | "previewElsewhere" | "policy", Promise<{ stdout: string }>>;
/** How long packing and installing took, for the report below. */
let installMs = 0;

const ENTRIES = `
  const { getPulumiComponents } = require("@pulumi/pulumi/provider/experimental");
  console.log(JSON.stringify({
    version: require("kubeports/package.json").version,
    components: getPulumiComponents(require(require("path").resolve("node_modules/kubeports"))).map((c) => c.name).sort(),
    policies: require("kubeports/policy").kubeportsPolicies.map((p) => p.name),
  }));`;

/** The shipped policy pack under the loader `pulumi preview --policy-pack node_modules/kubeports/policy` starts. */
async function policyInfo(packDir: string): Promise<{ stdout: string }> {
  pack = await startPolicyPack(packDir);
  const info = await new Promise<AnalyzerInfo>((resolve, reject) => pack!.client.getAnalyzerInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))));
  return { stdout: JSON.stringify({ name: info.getName(), version: info.getVersion(), policies: info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()]) }) };
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(tmpdir(), "kubeports-pack-"));
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT });
  const [result] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  packed = result.files.map((file) => file.path).sort();

  consumer = path.join(work, "infra");
  mkdirSync(path.join(consumer, "src"), { recursive: true });
  // Everything the tarball and the template need, linked from this repository's node_modules.
  const linked = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {}), "@pulumi/pulumi", "@pulumi/aws", "@types/node", "typescript"];
  const links = Object.fromEntries([...new Set(linked)].map((name) => [name, `file:${path.join(ROOT, "node_modules", name)}`]));
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "infra", main: "index.ts", private: true, dependencies: { kubeports: `file:${path.join(work, result.filename)}`, ...links } }));
  // --ignore-scripts: the cloud SDKs' install scripts download provider plugins.
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: consumer });
  installMs = Date.now() - started;
  for (const [file, text] of Object.entries(INFRA)) writeFileSync(path.join(consumer, file), text);
  writeFileSync(path.join(consumer, "src", "main.ts"), PROGRAM);
  writeFileSync(path.join(consumer, "tsconfig.nodenext.json"), JSON.stringify(NODENEXT));
  writeFileSync(path.join(consumer, "tsconfig.node10.json"), JSON.stringify(NODE10));

  const npx = (args: string[], cwd = consumer) => run("npx", ["--no-install", "kubeports", ...args], { cwd });
  const nodenext = run(TSC, ["-p", "tsconfig.nodenext.json", "--listFiles"], { cwd: consumer });
  checks = {
    nodenext,
    node10: run(TSC, ["-p", "tsconfig.node10.json"], { cwd: consumer }),
    program: nodenext.then(() => run(process.execPath, ["out/main.js"], { cwd: consumer })),
    entries: run(process.execPath, ["-e", ENTRIES], { cwd: consumer }),
    profiles: npx(["profiles"]),
    plan: npx(["plan", path.join(ROOT, "examples", "layouts", "super-kubenetes.yaml"), "--format", "json"]),
    diff: npx(["diff", "before.yaml", "after.yaml", "--format", "json"]),
    preview: npx(["preview", "--stack", "dev", "--format", "json"]),
    // From the parent directory, through the installed bin (npx would look for kubeports there).
    previewElsewhere: run(path.join(consumer, "node_modules", ".bin", "kubeports"), ["preview", "--project", "./infra", "--stack", "dev"], { cwd: work }),
    policy: policyInfo(path.join(consumer, "node_modules", "kubeports", "policy")),
  };
  // Settled here so the tests' own timeouts only cover their assertions.
  await Promise.allSettled(Object.values(checks));
}, 300_000);

afterAll(() => {
  pack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("packs the built components, the policy pack and the license, nothing from test/, stacks/ or the build info", () => {
    const shell = ["policy/PulumiPolicy.yaml", "policy/package.json", "policy/README.md"];
    const outside = packed.filter((file) => !file.startsWith("dist/components/") && !file.startsWith("dist/policy/") && ![...shell, "package.json", "LICENSE", "README.md", "layout.schema.json"].includes(file));
    expect(outside).toEqual([]);
    expect(packed.filter((file) => file.startsWith("policy/"))).toEqual(shell.sort());
    expect(packed).toContain("dist/policy/index.js");
    expect(packed.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
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

  it("serves package.json and the policy list through exports, and the Pulumi plugin entry (main) through a directory require", async () => {
    const { stdout } = await checks.entries;
    expect(JSON.parse(stdout)).toEqual({
      version: manifest.version,
      components: ["AwsClusterFirewall", "AzureClusterFirewall", "GcpClusterFirewall", "RancherNodesSecurityGroup"],
      // kubeports/policy: the pack's policies for a pack of one's own, without starting a server.
      policies: ["kubeports-no-world-internal-ports", "kubeports-rancher-nodes-world-rules", "kubeports-rule-descriptions", "kubeports-aws-rules-per-group"],
    });
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

  it("packs and installs in well under a minute from the local packages", () => {
    console.log(`npm pack and npm install: ${(installMs / 1000).toFixed(1)} s`);
    expect(installMs).toBeLessThan(60_000);
  });
});

describe("npx kubeports in a Pulumi TypeScript project", () => {
  it("diffs two layout files of the project: the added rule is the change", async () => {
    const diff = JSON.parse((await checks.diff).stdout) as { changed: boolean; groups: { name: string; changes: { change: string; direction: string; after: { key: string }[] }[] }[] };
    expect(diff.changed).toBe(true);
    const workers = diff.groups.find((g) => g.name === "workers")!.changes.filter((c) => c.change === "added" && c.direction === "ingress");
    expect(workers.flatMap((c) => c.after.map((flow) => flow.key))).toEqual(["in:tcp:10254:group:masters"]);
  });

  it("previews the project's own index.ts (TypeScript, the project's tsconfig) with its stack config", async () => {
    const preview = JSON.parse((await checks.preview).stdout) as { stack: string; resources: { type: string; name: string; id: string | null; parent: string | null; inputs: Record<string, unknown> }[] };
    expect(preview.stack).toBe("dev");
    const vpc = preview.resources.find((r) => r.type === "aws:ec2/vpc:Vpc" && r.name === "lab")!;
    expect(vpc.inputs.cidrBlock).toBe("10.0.0.0/16");
    expect(preview.resources.find((r) => r.type === "kubeports:index:AwsClusterFirewall")).toMatchObject({ name: "lab", parent: null });
    const groups = preview.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
    expect(groups.map((g) => g.name).sort()).toEqual(["lab-control-plane", "lab-workers"]);
    for (const group of groups) expect(group.inputs.vpcId).toBe(vpc.id);
    // infra:apiClients from Pulumi.dev.yaml reached the program through pulumi.Config.
    const api = preview.resources.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.inputs.cidrIpv4 === "198.51.100.0/24");
    expect(api.map((r) => r.inputs.fromPort)).toContain(6443);
  });

  it("previews it from another directory with --project", async () => {
    expect((await checks.previewElsewhere).stdout).toMatch(/Stack dev: \d+ resources to create/);
  });

  it("ships the policy pack: the CLI's loader starts node_modules/kubeports/policy and serves its four policies", async () => {
    expect(JSON.parse((await checks.policy).stdout)).toEqual({
      name: "kubeports",
      version: manifest.version,
      policies: [
        ["kubeports-no-world-internal-ports", EnforcementLevel.MANDATORY],
        ["kubeports-rancher-nodes-world-rules", EnforcementLevel.ADVISORY],
        ["kubeports-rule-descriptions", EnforcementLevel.ADVISORY],
        ["kubeports-aws-rules-per-group", EnforcementLevel.ADVISORY],
      ],
    });
  });
});
