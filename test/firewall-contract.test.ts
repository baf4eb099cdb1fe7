/**
 * One contract for AWS, GCP and Azure, table-driven over the three shells: the same plan check
 * (a doctored plan is refused identically), the same error subject naming the component, the
 * same outputs (groupIds, ruleLines, summaryText, warnings), warnings logged with
 * pulumi.log.warn, and peer CIDRs given as Outputs registered with their values under names
 * that do not depend on them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AwsClusterFirewall } from "../components/aws/AwsClusterFirewall";
import { AzureClusterFirewall } from "../components/azure/azureClusterFirewall";
import { compile } from "../components/compiler/compile";
import type { ClusterFirewallOutputs } from "../components/firewall/firewallOutputs";
import type { LayoutInput } from "../components/firewall/peerInputs";
import { GcpClusterFirewall } from "../components/gcp/gcpClusterFirewall";
import { KubeportsError } from "../components/model/errors";
import type { Flow, Plan } from "../components/model/plan";
import { installRecordingMocks, type RecordedResource } from "../components/preview/recordingMocks";

const LAYOUT: LayoutInput = {
  name: "lab",
  profiles: ["kubernetes", "calico"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["10.20.0.0/16"], admin: ["192.0.2.0/24"] },
};

type Source = { layout?: LayoutInput; plan?: Plan; peers?: Record<string, pulumi.Input<string>[]> };
type Firewall = pulumi.ComponentResource & ClusterFirewallOutputs;

interface Shell {
  readonly cloud: string;
  readonly component: string;
  build(name: string, source: Source): Firewall;
  /** Resource types of the rules it registers. */
  readonly ruleTypes: readonly string[];
  /** The CIDRs a registered rule names. */
  cidrs(rule: RecordedResource): unknown[];
}

const SHELLS: readonly Shell[] = [
  {
    cloud: "AWS",
    component: "AwsClusterFirewall",
    build: (name, source) => new AwsClusterFirewall(name, { vpcId: "vpc-0123456789abcdef0", ...source }),
    ruleTypes: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"],
    cidrs: (rule) => [rule.inputs.cidrIpv4, rule.inputs.cidrIpv6].filter((v) => v !== undefined),
  },
  {
    cloud: "GCP",
    component: "GcpClusterFirewall",
    build: (name, source) => new GcpClusterFirewall(name, { network: "default", ...source }),
    ruleTypes: ["gcp:compute/firewall:Firewall"],
    cidrs: (rule) => [...((rule.inputs.sourceRanges as unknown[]) ?? []), ...((rule.inputs.destinationRanges as unknown[]) ?? [])],
  },
  {
    cloud: "Azure",
    component: "AzureClusterFirewall",
    build: (name, source) => new AzureClusterFirewall(name, { resourceGroupName: "k8s-rg", ...source }),
    ruleTypes: ["azure-native:network:SecurityRule"],
    cidrs: (rule) => [...((rule.inputs.sourceAddressPrefixes as unknown[]) ?? []), ...((rule.inputs.destinationAddressPrefixes as unknown[]) ?? [])],
  },
];

/** A compiled plan with etcd opened to the internet by hand, and no world-open-internal warning. */
function doctoredPlan(): Plan {
  const plan = JSON.parse(JSON.stringify(compile(LAYOUT))) as Omit<Plan, "groups"> & { groups: { name: string; ingress: Flow[] }[] };
  plan.groups.find((g) => g.name === "control-plane")!.ingress.push({
    key: "in:tcp:2379-2380:cidr:0.0.0.0/0",
    protocol: "tcp",
    ports: { from: 2379, to: 2380 },
    peer: { kind: "cidr", cidr: "0.0.0.0/0", family: "ipv4", peers: [], world: true },
    reasons: [{ profile: "kubernetes", row: "etcd", description: "etcd server client API", document: "hand-edited", documentRow: "-" }],
  });
  return plan as unknown as Plan;
}

async function program<T>(build: () => T, preview = false): Promise<{ built: T; resources: RecordedResource[] }> {
  const recorder = await installRecordingMocks({ preview });
  const built = build();
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  return { built, resources: recorder.resources };
}

/** An Output's value, or its failure. */
function known<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

afterEach(() => vi.restoreAllMocks());

/**
 * Builds a component whose Output input fails its check, and returns the failure. Pulumi
 * reports it through every resource that uses the value (as `pulumi up` would print it); the
 * test takes those rejections over from the runner while the program runs.
 */
async function failing(build: () => Firewall): Promise<unknown> {
  const runner = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  const rejections: unknown[] = [];
  process.on("unhandledRejection", (reason) => rejections.push(reason));
  try {
    const { built } = await program(build);
    const failure = await known(built.ruleLines).then(() => undefined, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return failure;
  } finally {
    process.removeAllListeners("unhandledRejection");
    for (const listener of runner) process.on("unhandledRejection", listener);
  }
}

describe("one contract for AWS, GCP and Azure", () => {
  it.each(SHELLS.map((shell) => [shell.cloud, shell] as const))("%s refuses a doctored plan that opens etcd to the world, with the shared check's words", async (_cloud, shell) => {
    const recorder = await installRecordingMocks();
    let error: unknown;
    try {
      shell.build("doctored", { plan: doctoredPlan() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KubeportsError);
    const issues = (error as KubeportsError).issues;
    expect((error as Error).message.split("\n")[0]).toBe(`Invalid arguments for ${shell.component} "doctored":`);
    expect(issues).toEqual([
      {
        path: "plan.groups.control-plane.ingress[" + (doctoredPlan().groups[0]!.ingress.length - 1) + "] (in:tcp:2379-2380:cidr:0.0.0.0/0)",
        message: expect.stringMatching(/^opens etcd to 0\.0\.0\.0\/0, the whole internet; .*Restrict the flow/),
      },
    ]);
    expect(recorder.resources).toEqual([]);
  });

  it("the three refusals are the same issues, word for word", () => {
    const texts = SHELLS.map((shell) => {
      try {
        shell.build("doctored", { plan: doctoredPlan() });
        return "accepted";
      } catch (error) {
        return JSON.stringify((error as KubeportsError).issues);
      }
    });
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).not.toBe("accepted");
  });

  it.each([
    ["not a kubeports plan", () => ({ schema: "x" }), /^plan\.schema$/, /^invalid value "x" \(allowed: "kubeports\.plan\/v1"\)$/],
    [
      "a flow with an unknown protocol",
      () => {
        const plan = doctoredPlan();
        (plan.groups[0]!.ingress[0] as { protocol: string }).protocol = "gre";
        return plan;
      },
      /^plan\.groups\[0\]\.ingress\[0\]\.protocol$/,
      /^invalid value "gre" \(allowed: "tcp", "udp", /,
    ],
  ] as const)("refuses %s with the shared plan check's issue, word for word on every cloud", (_label, plan, path, message) => {
    const texts = SHELLS.map((shell) => {
      try {
        shell.build("bad", { plan: plan() as never });
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(KubeportsError);
        return JSON.stringify((error as KubeportsError).issues);
      }
    });
    expect(new Set(texts).size, texts.join("\n")).toBe(1);
    const issues = JSON.parse(texts[0]!) as { path: string; message: string }[];
    expect(issues.some((issue) => path.test(issue.path) && message.test(issue.message)), texts[0]).toBe(true);
  });

  it("refuses a layout rule that accepts traffic from a host name, with the same issue on every cloud", async () => {
    const recorder = await installRecordingMocks();
    const fromHost = { id: "from-ci", description: "CI runners", protocols: ["tcp" as const], ports: "9000", from: [{ hosts: ["ci.example.com"] }], to: { role: "worker" as const } };
    const texts = SHELLS.map((shell) => {
      try {
        shell.build("host", { layout: { ...LAYOUT, rules: [fromHost] } });
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(KubeportsError);
        return JSON.stringify((error as KubeportsError).issues);
      }
    });
    expect(new Set(texts).size, texts.join("\n")).toBe(1);
    expect(texts[0]).toMatch(/inbound from host name \\"ci\.example\.com\\" \(layout\/from-ci\) cannot be expressed: .*give the source as a peer with CIDRs/);
    expect(recorder.resources).toEqual([]);
  });

  it.each(SHELLS.map((shell) => [shell.cloud, shell] as const))("%s exposes groupIds, ruleLines, summaryText and warnings, and logs every warning", async (_cloud, shell) => {
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    const { built } = await program(() => shell.build("lab", { layout: { ...LAYOUT, peers: { ...LAYOUT.peers, workloadClients: ["0.0.0.0/0"] } } }));
    const groups = built.plan.groups.map((g) => g.name);
    expect(Object.keys(await known(built.groupIds)).sort()).toEqual([...groups].sort());
    for (const id of Object.values(await known(built.groupIds))) expect(id).toMatch(/\S/);
    const lines = await known(built.ruleLines);
    expect(Object.keys(lines).sort()).toEqual([...groups].sort());
    for (const group of groups) expect(lines[group]!.length, group).toBeGreaterThan(0);
    expect(await known(built.summaryText)).toContain('layout "lab"');
    expect(built.warnings.length).toBeGreaterThan(0);
    expect(built.warnings).toEqual(built.plan.warnings);
    const logged = warn.mock.calls.map(([message]) => message);
    for (const warning of built.warnings) expect(logged).toContain(warning.message);
  });
});

describe("peer CIDRs given as Outputs", () => {
  it.each(SHELLS.map((shell) => [shell.cloud, shell] as const))("%s registers the rules for an Output peer with its value, under names that do not depend on it", async (_cloud, shell) => {
    const build = (cidr: pulumi.Input<string>) => () => shell.build("lab", { layout: { ...LAYOUT, peers: { ...LAYOUT.peers, apiClients: [cidr] } } });
    const first = await program(build(pulumi.output("10.20.0.0/16")));
    const rules = first.resources.filter((r) => shell.ruleTypes.includes(r.type));
    expect(rules.some((r) => shell.cidrs(r).includes("10.20.0.0/16"))).toBe(true);
    // No stand-in reaches the cloud.
    expect(rules.flatMap((r) => shell.cidrs(r)).filter((c) => typeof c === "string" && c.startsWith("24"))).toEqual([]);
    expect(first.built.warnings.map((w) => w.code)).toContain("peer-unknown");
    expect(JSON.stringify(await known(first.built.ruleLines))).toContain("10.20.0.0/16");

    const second = await program(build(pulumi.output("10.99.0.0/16")));
    const names = (resources: RecordedResource[]) => resources.map((r) => `${r.type} ${r.name}`).sort();
    expect(names(second.resources)).toEqual(names(first.resources));
  });

  it.each(SHELLS.map((shell) => [shell.cloud, shell] as const))("%s checks an Output's value when known, with the error text a plain string gets", async (_cloud, shell) => {
    let plain = "";
    try {
      shell.build("lab", { layout: { ...LAYOUT, peers: { apiClients: ["10.20.0.5/16"] } } });
    } catch (error) {
      plain = (error as KubeportsError).issues.find((i) => i.path === "layout.peers.apiClients[0]")!.message;
    }
    expect(plain).toContain("has host bits set");
    const failure = await failing(() => shell.build("lab", { layout: { ...LAYOUT, peers: { apiClients: [pulumi.output("10.20.0.5/16")] } } }));
    expect(failure).toBeInstanceOf(KubeportsError);
    // Pulumi prefixes the property it was serializing; the rest is the component's error.
    expect((failure as KubeportsError).message).toContain(`Invalid arguments for ${shell.component} "lab":\n  - layout.peers.apiClients[0]: ${plain}`);
    expect((failure as KubeportsError).issues).toEqual([{ path: "layout.peers.apiClients[0]", message: plain }]);
  });

  it("refuses an Output that turns out to open etcd to the internet, as a plain 0.0.0.0/0 would be", async () => {
    const rules = [{ id: "etcd-peer", description: "etcd from peer", protocols: ["tcp" as const], ports: "2379", from: [{ peer: "apiClients" }], to: { role: "etcd" } }];
    const failure = await failing(() => new AwsClusterFirewall("lab", { vpcId: "vpc-0123456789abcdef0", layout: { ...LAYOUT, rules, peers: { apiClients: [pulumi.output("0.0.0.0/0")] } } }));
    expect((failure as KubeportsError).issues).toEqual([{ path: "layout.peers.apiClients[0]", message: '"0.0.0.0/0" opens etcd to the whole internet; give the networks that need peer apiClients instead' }]);
  });

  it("keeps rules and names for an Output that is still unknown at preview", async () => {
    let seen: unknown = "not read";
    const preview = await program(() => {
      // No cidrBlock input: the mock returns none, so at preview the VPC's CIDR is unknown.
      const vpc = new ec2.Vpc("net", {});
      vpc.cidrBlock.apply((value) => (seen = value));
      return new AwsClusterFirewall("lab", { vpcId: vpc.id, layout: { ...LAYOUT, peers: { ...LAYOUT.peers, apiClients: [vpc.cidrBlock] } } });
    }, true);
    expect(seen).toBe("not read");
    const known = await program(() => new AwsClusterFirewall("lab", { vpcId: "vpc-0123456789abcdef0", layout: { ...LAYOUT, peers: { ...LAYOUT.peers, apiClients: [pulumi.output("10.20.0.0/16")] } } }));
    const names = (resources: RecordedResource[]) => resources.filter((r) => r.type.startsWith("aws:vpc/")).map((r) => r.name).sort();
    expect(names(preview.resources)).toEqual(names(known.resources));
    expect(names(preview.resources).length).toBeGreaterThan(0);
  });
});
