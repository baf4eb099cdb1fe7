/**
 * The rancher-aws stack, run offline exactly as `pulumi up` would run it: Rancher server on K3s
 * behind an NLB, a node-driver downstream cluster, and the rancher-nodes group.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { StackPreview } from "../components/preview/previewStack";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import { PROJECT, named, ofType, preview } from "./support/previewedStack";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";

let stack: StackPreview;
beforeAll(async () => {
  stack = await preview("rancher-aws");
});

describe("rancher-aws", () => {
  it("exports the firewall plan's warnings (and the rancher-nodes group's)", () => {
    const planned = compile(stackPlanLayout(PROJECT, "rancher-aws").layout).warnings.map((w) => w.message);
    const exported = stack.outputs.warnings as string[];
    expect(exported).toEqual(expect.arrayContaining(planned));
    expect(exported.length).toBeGreaterThan(planned.length);
  });

  it("creates the VPC, two subnets and the firewall with one security group per node group", () => {
    expect(ofType(stack, "aws:ec2/vpc:Vpc")[0]!.inputs.cidrBlock).toBe("10.0.0.0/16");
    expect(ofType(stack, "aws:ec2/subnet:Subnet").map((s) => s.inputs.cidrBlock).sort()).toEqual(["10.0.0.0/20", "10.0.16.0/20"]);
    const groups = ofType(stack, SG).filter((g) => g.parent === "rancher-aws");
    expect(groups.map((g) => g.inputs.name).sort()).toEqual(["rancher-aws-controlplane", "rancher-aws-etcd", "rancher-aws-rancher-server", "rancher-aws-worker"]);
  });

  it("creates the rancher-nodes group the EC2 node driver looks for, with the seed's rules", () => {
    const group = ofType(stack, SG).find((g) => g.inputs.name === "rancher-nodes")!;
    expect(group.inputs.tags).toHaveProperty("rancher-nodes");
    const rules = ofType(stack, IN).filter((r) => r.inputs.securityGroupId === group.id);
    const world = rules.filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0").map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}`).sort();
    // kubeports:adminCidrs moves SSH, Docker TLS and the API off the world.
    expect(world).toEqual(["tcp 30000", "tcp 443", "tcp 80", "udp 30000"]);
    const admin = rules.filter((r) => r.inputs.cidrIpv4 === "203.0.113.0/24").map((r) => r.inputs.fromPort).sort();
    expect(admin).toEqual([22, 2376, 6443]);
    const self = rules.filter((r) => r.inputs.referencedSecurityGroupId === group.id).map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort}`).sort();
    expect(self).toEqual(expect.arrayContaining(["tcp 2379-2380", "udp 4789-4789", "udp 8472-8472", "tcp 10250-10252", "tcp 10256-10256"]));
  });

  it("gives every node-driver pool a launch template with its own group and rancher-nodes", () => {
    const groups = Object.fromEntries(ofType(stack, SG).map((g) => [g.inputs.name, g.id]));
    for (const pool of ["etcd", "controlplane", "worker"]) {
      const template = named(stack, LT, `rancher-aws-${pool}`);
      expect(template.inputs.vpcSecurityGroupIds).toEqual([groups[`rancher-aws-${pool}`], groups["rancher-nodes"]]);
    }
    expect(named(stack, LT, "rancher-aws-rancher-server").inputs.vpcSecurityGroupIds).toEqual([groups["rancher-aws-rancher-server"]]);
  });

  it("starts only the Rancher servers itself (Rancher's node driver starts the pools), behind the NLB", () => {
    const asgs = ofType(stack, "aws:autoscaling/group:Group");
    expect(asgs.map((a) => a.name)).toEqual(["rancher-aws-rancher-server"]);
    expect(asgs[0]!.inputs.desiredCapacity).toBe(3);
    const targetGroups = ofType(stack, "aws:lb/targetGroup:TargetGroup");
    expect(targetGroups.map((t) => t.inputs.port).sort()).toEqual([443, 80]);
    expect((asgs[0]!.inputs.targetGroupArns as string[]).length).toBe(2);
    expect(ofType(stack, "aws:lb/listener:Listener").map((l) => l.inputs.port).sort()).toEqual([443, 80]);
    expect(ofType(stack, "aws:lb/loadBalancer:LoadBalancer")[0]!.inputs).toMatchObject({ loadBalancerType: "network", internal: false });
  });

  it("opens the load balancer's listeners to its clients and its health checks from the VPC", () => {
    const server = ofType(stack, SG).find((g) => g.inputs.name === "rancher-aws-rancher-server")!;
    const rules = ofType(stack, IN).filter((r) => r.inputs.securityGroupId === server.id);
    const from = (cidr: string) => rules.filter((r) => r.inputs.cidrIpv4 === cidr).map((r) => `${r.inputs.fromPort}-${r.inputs.toPort}`).sort();
    expect(from("198.51.100.0/24")).toEqual(["443-443", "80-80"]);
    expect(from("10.0.0.0/16")).toEqual(expect.arrayContaining(["80-80", "443-443"]));
  });

  it("never opens a Kubernetes-internal port of the cluster's own groups to the internet", () => {
    const own = new Set(ofType(stack, SG).filter((g) => g.parent === "rancher-aws").map((g) => g.id));
    const world = ofType(stack, IN).filter((r) => own.has(r.inputs.securityGroupId as string) && (r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0"));
    expect(world).toEqual([]);
  });

  it("exports every group's attachment", () => {
    const outputs = stack.outputs as Record<string, Record<string, string>>;
    expect(Object.keys(outputs.securityGroupIds!).sort()).toEqual(["controlplane", "etcd", "rancher-server", "worker"]);
    expect(Object.keys(outputs.launchTemplateIds!).sort()).toEqual(["controlplane", "etcd", "rancher-server", "worker"]);
    expect(outputs.rancherNodesSecurityGroupId).toMatch(/^sg-/);
  });
});
