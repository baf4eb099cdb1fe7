/** The apinizer-aws stack offline: HA masters behind an internal NLB VIP, workers, MongoDB, Elasticsearch. */
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { StackPreview } from "../components/preview/previewStack";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import { PROJECT, named, ofType, preview } from "./support/previewedStack";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

let stack: StackPreview;
let ids: Record<string, string>;
beforeAll(async () => {
  stack = await preview("apinizer-aws");
  ids = Object.fromEntries(ofType(stack, SG).map((g) => [String(g.inputs.name).replace("apinizer-aws-", ""), String(g.id)]));
});

const ingress = (group: string) => ofType(stack, IN).filter((r) => r.inputs.securityGroupId === ids[group]);

describe("apinizer-aws", () => {
  it("exports the firewall plan's warnings", () => {
    const planned = compile(stackPlanLayout(PROJECT, "apinizer-aws").layout).warnings.map((w) => w.message);
    const exported = stack.outputs.warnings as string[];
    expect(exported).toEqual(planned);
  });

  it("puts the masters behind an internal NLB on 6443 and opens 6443 to it", () => {
    expect(ofType(stack, "aws:lb/loadBalancer:LoadBalancer")[0]!.inputs).toMatchObject({ internal: true, loadBalancerType: "network" });
    const fromVpc = ingress("masters").filter((r) => r.inputs.cidrIpv4 === "10.0.0.0/16").map((r) => r.inputs.fromPort);
    expect(fromVpc).toContain(6443);
    expect(named(stack, "aws:autoscaling/group:Group", "apinizer-aws-masters").inputs.targetGroupArns).toHaveLength(1);
  });

  it("carries Flannel VXLAN (UDP 8472) between masters and workers in both directions", () => {
    const vxlan = (target: string, source: string) =>
      ingress(target).some((r) => r.inputs.ipProtocol === "udp" && r.inputs.fromPort === 8472 && r.inputs.referencedSecurityGroupId === ids[source]);
    expect(vxlan("masters", "workers")).toBe(true);
    expect(vxlan("workers", "masters")).toBe(true);
  });

  it("opens the Apinizer manager and gateway NodePorts and the databases", () => {
    const workerPorts = ingress("workers").filter((r) => r.inputs.cidrIpv4).map((r) => `${r.inputs.cidrIpv4} ${r.inputs.fromPort}`);
    expect(workerPorts).toEqual(expect.arrayContaining(["203.0.113.0/24 32080", "198.51.100.0/24 30080"]));
    expect(ingress("mongodb").some((r) => r.inputs.fromPort === 27017 && r.inputs.referencedSecurityGroupId === ids.mongodb)).toBe(true);
    expect(ingress("elasticsearch").map((r) => r.inputs.fromPort)).toEqual(expect.arrayContaining([9200, 9300]));
  });

  it("starts all four groups and exports their attachments", () => {
    const asgs = ofType(stack, "aws:autoscaling/group:Group").map((a) => a.name).sort();
    expect(asgs).toEqual(["apinizer-aws-elasticsearch", "apinizer-aws-masters", "apinizer-aws-mongodb", "apinizer-aws-workers"]);
    expect(Object.keys(stack.outputs.securityGroupIds as object).sort()).toEqual(["elasticsearch", "masters", "mongodb", "workers"]);
  });
});
