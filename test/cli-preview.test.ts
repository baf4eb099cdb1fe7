/**
 * `kubeports preview <stack>`: the stable JSON shape with every reference resolved to the
 * referenced resource's mock id, and config errors that name the key, as `pulumi up` would.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../components/cli/run";

const ROOT = path.resolve(__dirname, "..");

interface Json {
  stack: string;
  resources: { type: string; name: string; id: string | null; parent: string | null; inputs: Record<string, unknown> }[];
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { cwd: ROOT, stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe("kubeports preview", () => {
  it("prints the stack's resources as {stack, resources: [{type, name, id, parent, inputs}]} with references resolved", async () => {
    const { code, out, err } = await cli(["preview", "super-kubenetes-gcp", "--format", "json"]);
    expect(code, err).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.stack).toBe("super-kubenetes-gcp");
    for (const resource of json.resources) expect(Object.keys(resource)).toEqual(["type", "name", "id", "parent", "inputs"]);
    const network = json.resources.find((r) => r.type === "gcp:compute/network:Network")!;
    const subnetwork = json.resources.find((r) => r.type === "gcp:compute/subnetwork:Subnetwork")!;
    expect(subnetwork.inputs.network).toBe(network.id);
    expect(subnetwork.parent).toBe(network.name);
    const component = json.resources.find((r) => r.type === "kubeports:index:GcpClusterFirewall")!;
    expect(component.id).toBeNull();
    const firewalls = json.resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    expect(firewalls.length).toBeGreaterThan(0);
    for (const firewall of firewalls) expect(firewall.parent).toBe(component.name);
  });

  it("is byte-identical run to run, and the table lists the same resources", async () => {
    // Each preview is its own process: started together, they share the machine's cores.
    const [first, second, table] = await Promise.all([
      cli(["preview", "apinizer-aws", "--format", "json"]),
      cli(["preview", "--stack", "apinizer-aws", "--format", "json"]),
      cli(["preview", "apinizer-aws"]),
    ]);
    expect(second.out).toBe(first.out);
    const resources = (JSON.parse(first.out) as Json).resources;
    expect(table.out).toContain(`Stack apinizer-aws: ${resources.length} resources to create`);
    for (const resource of resources) expect(table.out).toContain(resource.name);
  });
});

describe("kubeports preview errors", () => {
  const project = mkdtempSync(path.join(tmpdir(), "kubeports-preview-"));
  const yaml = readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8").replace("main: stacks/program.ts", `main: ${path.join(ROOT, "stacks/program.ts")}`);
  writeFileSync(path.join(project, "Pulumi.yaml"), yaml);
  cpSync(path.join(ROOT, "stacks"), path.join(project, "stacks"), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  // The project's dependencies (tsx, which its nodeargs load, and @pulumi/*), as after npm install.
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  const stackFile = path.join(project, "stacks", "Pulumi.typo.yaml");

  it("checks declared config types first, as `pulumi up` does", async () => {
    writeFileSync(stackFile, "config:\n  kubeports:cloud: azure\n  kubeports:clusterFile: stacks/clusters/dce5-azure.yaml\n  kubeports:restrictEgress: maybe\n");
    const result = await cli(["preview", "typo", "--project", project]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("kubeports:restrictEgress: expected boolean");
  });

  it("names every bad key with the allowed values, and registers nothing", async () => {
    writeFileSync(stackFile, "config:\n  kubeports:cloud: azur\n  kubeports:networkCidr: 10.0.0.1/16\n");
    const result = await cli(["preview", "typo", "--project", project]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('kubeports:cloud: invalid value "azur" (allowed: "aws", "gcp", "azure")');
    expect(result.err).toContain("kubeports:clusterFile: is required (set it with: pulumi config set kubeports:clusterFile <value>)");
    expect(result.err).toContain('kubeports:networkCidr: "10.0.0.1/16" has host bits set (did you mean "10.0.0.0/16"?)');
    expect(result.out).toBe("");
  });

  it("lists the known stacks for an unknown one", async () => {
    const result = await cli(["preview", "rancher-gcp", "--project", project]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no stack "rancher-gcp" \(known: apinizer-aws, dce5-azure, rancher-aws, super-kubenetes-gcp, typo/);
  });
});

describe("kubeports preview of a JavaScript project with its own @pulumi/pulumi", () => {
  // Inside the repository so the copied SDK finds its own dependencies in node_modules above it.
  mkdirSync(path.join(ROOT, ".out"), { recursive: true });
  const project = mkdtempSync(path.join(ROOT, ".out", "sdk-copy-"));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const sdk = path.join(project, "node_modules", "@pulumi", "pulumi");
  cpSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi"), sdk, { recursive: true, dereference: true });
  writeFileSync(path.join(project, "Pulumi.yaml"), "name: sdkcopy\nruntime: nodejs\n");
  writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  sdkcopy:size: 3\n");
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "sdkcopy", main: "main.js" }));
  writeFileSync(
    path.join(project, "main.js"),
    `const pulumi = require("@pulumi/pulumi");
if (!require.resolve("@pulumi/pulumi").startsWith(${JSON.stringify(sdk)})) throw new Error("the program must load its own SDK copy");
class Thing extends pulumi.CustomResource {
  constructor(name, args) { super("test:index:Thing", name, args); }
}
module.exports = async () => {
  const thing = new Thing("one", { size: new pulumi.Config().requireNumber("size") });
  return { id: thing.id };
};
`,
  );

  it("installs the mocks in the program's copy of the SDK and loads no other (package.json main, an exported async function)", async () => {
    const { code, out, err } = await cli(["preview", "--project", project, "--format", "json"]);
    expect(code, err).toBe(0);
    expect(err).not.toContain("copies of @pulumi/pulumi");
    expect((JSON.parse(out) as Json).resources).toEqual([{ type: "test:index:Thing", name: "one", id: expect.stringMatching(/^one-/), parent: null, inputs: { size: 3 } }]);
  });
});
