/**
 * AzureClusterFirewall under recording mocks: the resources a user would get, with their resolved
 * inputs (ASG references are the ASGs' mock ids, the NSG name is the NSG's), and nothing at all
 * when the arguments or the plan cannot be deployed.
 */
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { AzureClusterFirewall, type AzureClusterFirewallArgs } from "../components/azure";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";
import { installRecordingMocks, type RecordedResource } from "../components/preview/recordingMocks";

const RULE = "azure-native:network:SecurityRule";
const NSG = "azure-native:network:NetworkSecurityGroup";
const ASG = "azure-native:network:ApplicationSecurityGroup";
const COMPONENT = "kubeports:index:AzureClusterFirewall";
const EXISTING_ASG = "/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/applicationSecurityGroups/team-workers";

const LAYOUT: Layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  options: { calicoMode: "vxlan" },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24", "2001:db8::/48"], apiClients: ["198.51.100.0/24"] },
};

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => (resolve(v), v)));
}

/** Lets the mock monitor finish registering everything the constructor started. */
async function registered(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

const recorder = installRecordingMocks({ project: "kubeports", stack: "test" });

async function record(name: string, args: AzureClusterFirewallArgs): Promise<{ firewall: AzureClusterFirewall; resources: RecordedResource[] }> {
  const { resources } = await recorder;
  const start = resources.length;
  const firewall = new AzureClusterFirewall(name, args);
  await value(firewall.applicationSecurityGroupIds);
  await registered();
  return { firewall, resources: resources.slice(start) };
}

const ofType = (resources: readonly RecordedResource[], type: string) => resources.filter((r) => r.type === type);

describe("AzureClusterFirewall (new NSG)", () => {
  const built = record("sk", { layout: LAYOUT, resourceGroupName: "k8s-rg", location: "westeurope", reservedPriorities: { from: 100, to: 199 } });

  it("registers one NSG, one ASG per group and standalone rules, all under the component", async () => {
    const { firewall, resources } = await built;
    const nsgs = ofType(resources, NSG);
    expect(nsgs).toHaveLength(1);
    expect(nsgs[0]!.inputs).toEqual({ resourceGroupName: "k8s-rg", networkSecurityGroupName: "sk-nsg", location: "westeurope" });
    expect(ofType(resources, ASG).map((r) => [r.name, r.inputs])).toEqual([
      ["sk-masters", { resourceGroupName: "k8s-rg", applicationSecurityGroupName: "sk-masters", location: "westeurope" }],
      ["sk-workers", { resourceGroupName: "k8s-rg", applicationSecurityGroupName: "sk-workers", location: "westeurope" }],
    ]);
    const rules = ofType(resources, RULE);
    expect(rules.map((r) => r.name).sort()).toEqual(firewall.translation.rules.map((r) => r.name).sort());
    for (const r of [...nsgs, ...ofType(resources, ASG), ...rules]) expect(r.parent).toBe("sk");
    expect(resources.find((r) => r.type === COMPONENT)?.name).toBe("sk");
  });

  it("references ASGs and the NSG by their real ids and names", async () => {
    const { resources } = await built;
    const asgId = (group: string) => ofType(resources, ASG).find((r) => r.name === `sk-${group}`)!.id;
    const rule = (name: string) => ofType(resources, RULE).find((r) => r.name === name)!.inputs;
    expect(asgId("masters")).toMatch(/^\/subscriptions\/.+\/sk-masters$/);
    expect(rule("sk-masters-in-nodes-tcp-apiserver-and-6-2e04d")).toEqual({
      resourceGroupName: "k8s-rg",
      networkSecurityGroupName: "sk-nsg",
      securityRuleName: "sk-masters-in-nodes-tcp-apiserver-and-6-2e04d",
      // The connectivity model's Typha supplement (TCP 5473) is cited beside the vendor's rows.
      description: expect.stringMatching(/^kubeports sk rows: connectivity-model\/calico-typha, super-kubenetes\/apiserver, /),
      direction: "Inbound",
      access: "Allow",
      priority: expect.any(Number),
      protocol: "Tcp",
      sourcePortRange: "*",
      destinationPortRanges: ["22", "53", "5473", "6443", "8443", "9099-9100", "10250-10258", "30000-32767"],
      sourceApplicationSecurityGroups: [{ id: asgId("workers") }],
      destinationApplicationSecurityGroups: [{ id: asgId("masters") }],
    });
    expect(rule("sk-workers-in-from-2001-db8-48-tcp")).toMatchObject({ sourceAddressPrefixes: ["2001:db8::/48"], destinationApplicationSecurityGroups: [{ id: asgId("workers") }], destinationPortRanges: ["22"] });
    expect(rule("sk-workers-in-from-2001-db8-48-tcp").sourceAddressPrefix).toBeUndefined();
    expect(rule("sk-in-deny-vnet-4096")).toMatchObject({
      access: "Deny",
      priority: 4096,
      protocol: "*",
      sourceAddressPrefix: "VirtualNetwork",
      destinationPortRange: "*",
      destinationApplicationSecurityGroups: [{ id: asgId("masters") }, { id: asgId("workers") }],
    });
  });

  it("keeps priorities unique per direction, in range and outside the reserved band", async () => {
    const { resources } = await built;
    const rules = ofType(resources, RULE).map((r) => r.inputs as { direction: string; priority: number });
    for (const direction of ["Inbound", "Outbound"]) {
      const priorities = rules.filter((r) => r.direction === direction).map((r) => r.priority);
      expect(new Set(priorities).size).toBe(priorities.length);
      for (const p of priorities) {
        expect(p).toBeGreaterThanOrEqual(200);
        expect(p).toBeLessThanOrEqual(4096);
      }
    }
  });

  it("outputs the ASG ids per group, the NSG, and a per-group rule summary", async () => {
    const { firewall, resources } = await built;
    expect(await value(firewall.applicationSecurityGroupIds)).toEqual({
      masters: ofType(resources, ASG).find((r) => r.name === "sk-masters")!.id,
      workers: ofType(resources, ASG).find((r) => r.name === "sk-workers")!.id,
    });
    expect(await value(firewall.networkSecurityGroupId)).toBe(ofType(resources, NSG)[0]!.id);
    expect(await value(firewall.networkSecurityGroupName)).toBe("sk-nsg");
    const summary = await value(firewall.ruleSummary);
    expect(Object.keys(summary)).toEqual(["masters", "workers"]);
    expect(summary.workers).toContainEqual(expect.stringMatching(/^sk-workers-in-from-2001-db8-48-tcp {2}Inbound Allow \d+ {2}Tcp 22 {2}admin\(2001:db8::\/48\) -> asg:workers {2}\[super-kubenetes\/ssh\]$/));
    expect(summary.masters).toContainEqual(expect.stringMatching(/^sk-in-deny-vnet-4096 {2}Inbound Deny 4096/));
    expect(await value(firewall.summary)).toMatch(/masters: ASG sk-masters \(created\)/);
  });
});

describe("AzureClusterFirewall composing into existing resources", () => {
  it("adds rules to the named NSG and uses a given ASG instead of creating one", async () => {
    const { firewall, resources } = await record("team", {
      layout: LAYOUT,
      resourceGroupName: "net-rg",
      existingNetworkSecurityGroupName: "subnet-nsg",
      groups: { workers: { existingApplicationSecurityGroupId: EXISTING_ASG } },
    });
    expect(ofType(resources, NSG)).toEqual([]);
    expect(ofType(resources, ASG).map((r) => r.name)).toEqual(["team-masters"]);
    const rules = ofType(resources, RULE);
    expect(rules.length).toBe(firewall.translation.rules.length);
    for (const r of rules) expect(r.inputs.networkSecurityGroupName).toBe("subnet-nsg");
    // One class rule lists both sources: the ASG kubeports made and the given one.
    expect(rules.find((r) => r.name === "team-workers-in-nodes-tcp-calico-and-4-ba287")!.inputs).toMatchObject({
      destinationApplicationSecurityGroups: [{ id: EXISTING_ASG }],
      sourceApplicationSecurityGroups: [{ id: ofType(resources, ASG)[0]!.id }, { id: EXISTING_ASG }],
    });
    expect(rules.find((r) => r.name === "team-workers-in-from-masters-tcp")!.inputs).toMatchObject({
      destinationApplicationSecurityGroups: [{ id: EXISTING_ASG }],
      sourceApplicationSecurityGroups: [{ id: ofType(resources, ASG)[0]!.id }],
      destinationPortRanges: ["10250"],
    });
    expect((await value(firewall.applicationSecurityGroupIds)).workers).toBe(EXISTING_ASG);
    expect(await value(firewall.networkSecurityGroupName)).toBe("subnet-nsg");
  });
});

describe("AzureClusterFirewall refusals", () => {
  async function nothingRegistered(args: AzureClusterFirewallArgs, pattern: RegExp): Promise<void> {
    const { resources } = await recorder;
    await registered();
    const start = resources.length;
    expect(() => new AzureClusterFirewall("bad", args)).toThrow(KubeportsError);
    expect(() => new AzureClusterFirewall("bad", args)).toThrow(pattern);
    await registered();
    expect(resources.slice(start)).toEqual([]);
  }

  it("refuses IP-in-IP before registering anything", async () => {
    await nothingRegistered({ layout: { ...LAYOUT, options: {} }, resourceGroupName: "rg" }, /super-kubenetes row "ipip" .*calicoMode: vxlan/s);
  });

  it("refuses bad arguments before registering anything", async () => {
    await nothingRegistered({ layout: LAYOUT, resourceGroupName: "rg", reservedPriorities: { from: 4000, to: 4096 } }, /reservedPriorities: 4000-4096 overlaps/);
  });

  it("with allowIpInIpAsAnyProtocol, registers *-protocol rules", async () => {
    const { resources } = await record("ipip", { layout: { ...LAYOUT, options: {} }, resourceGroupName: "rg", allowIpInIpAsAnyProtocol: true });
    const any = ofType(resources, RULE).find((r) => r.name === "ipip-workers-in-nodes-any-ipip-and-1-4dcad")!;
    expect(any.inputs).toMatchObject({ protocol: "*", destinationPortRange: "*", access: "Allow" });
    expect(any.inputs.destinationPortRanges).toBeUndefined();
  });
});
