/**
 * kubeports inside a user's own Pulumi program that already has its network, resource group
 * and security groups: the components add rules (and only what they must), never a second VPC,
 * network or NSG.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AwsClusterFirewall } from "../components/aws/AwsClusterFirewall";
import { AzureClusterFirewall } from "../components/azure/azureClusterFirewall";
import { GcpClusterFirewall } from "../components/gcp/gcpClusterFirewall";
import type { Layout } from "../components/model/layout";
import { installRecordingMocks, type RecordedResource } from "../components/preview/recordingMocks";

const layout: Layout = {
  name: "prod",
  profiles: ["kubernetes", "calico"],
  options: { cni: "calico", calicoMode: "vxlan" },
  groups: { "control-plane": { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { apiClients: ["10.20.0.0/16"], workloadClients: ["10.30.0.0/16"], loadBalancer: ["10.0.0.0/16"] },
};

async function program(build: () => pulumi.Output<unknown>): Promise<RecordedResource[]> {
  const recorder = await installRecordingMocks();
  await new Promise((resolve) => build().apply(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return recorder.resources;
}

describe("composing into existing programs", () => {
  it("AWS: adds the workers' rules to the security group another stack owns, creating only the control plane's group", async () => {
    const existing = "sg-0fedcba9876543210";
    const resources = await program(() => {
      const firewall = new AwsClusterFirewall("prod", { vpcId: "vpc-0123456789abcdef0", layout, groups: { workers: { existingSecurityGroupId: existing } } });
      return firewall.securityGroupIds;
    });
    const groups = resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
    expect(groups.map((g) => g.inputs.name)).toEqual(["prod-control-plane"]);
    expect(resources.filter((r) => r.type === "aws:ec2/vpc:Vpc")).toEqual([]);
    const workerRules = resources.filter((r) => r.type.startsWith("aws:vpc/securityGroupIngressRule") && r.inputs.securityGroupId === existing);
    expect(workerRules.length).toBeGreaterThan(0);
    expect(workerRules.some((r) => r.inputs.fromPort === 10250 && r.inputs.referencedSecurityGroupId === groups[0]!.id)).toBe(true);
    // The existing group's own egress is left as its owner set it.
    expect(resources.filter((r) => r.type.startsWith("aws:vpc/securityGroupEgressRule") && r.inputs.securityGroupId === existing)).toEqual([]);
  });

  it("GCP: writes firewall rules into an existing network, reusing an existing tag for the workers", async () => {
    const network = "projects/acme-prod/global/networks/k8s";
    const resources = await program(() => new GcpClusterFirewall("prod", { network, project: "acme-prod", layout, groups: { workers: { tag: "gke-workers" } } }).targetTags);
    expect(resources.filter((r) => r.type === "gcp:compute/network:Network")).toEqual([]);
    const rules = resources.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.inputs.network).toBe(network);
    expect(rules.some((r) => (r.inputs.targetTags as string[]).includes("gke-workers"))).toBe(true);
  });

  it("Azure: adds standalone rules to an existing NSG and an existing ASG, creating only the missing ASG", async () => {
    const existingAsg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net-rg/providers/Microsoft.Network/applicationSecurityGroups/workers";
    const resources = await program(() =>
      new AzureClusterFirewall("prod", {
        resourceGroupName: "net-rg",
        existingNetworkSecurityGroupName: "k8s-subnet-nsg",
        layout,
        groups: { workers: { existingApplicationSecurityGroupId: existingAsg } },
      }).applicationSecurityGroupIds,
    );
    expect(resources.filter((r) => r.type === "azure-native:network:NetworkSecurityGroup")).toEqual([]);
    expect(resources.filter((r) => r.type === "azure-native:network:ApplicationSecurityGroup").map((a) => a.name)).toHaveLength(1);
    const rules = resources.filter((r) => r.type === "azure-native:network:SecurityRule");
    for (const rule of rules) expect(rule.inputs.networkSecurityGroupName).toBe("k8s-subnet-nsg");
    expect(rules.some((r) => JSON.stringify(r.inputs.destinationApplicationSecurityGroups) === JSON.stringify([{ id: existingAsg }]))).toBe(true);
  });
});
