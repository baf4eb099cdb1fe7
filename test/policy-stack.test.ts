/**
 * The pack's stack policies called the way the engine calls them (all resources + reportViolation):
 * the rancher-nodes world-rule advice, and the AWS rules-per-group quota, with rules that find
 * their group through property dependencies (preview, ids unknown) or by id (after an update).
 */
import { describe, expect, it } from "vitest";
import * as policySdk from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { RANCHER_NODES } from "../components/aws/RancherNodesSecurityGroup";
import { internalServicesHit } from "../components/model/internalServices";
import { internalPortViolations } from "../policy/internalPortsCheck";
import { quotaPolicy } from "../policy/quotaPolicy";
import { RANCHER_NODES_GROUP, RANCHER_NODES_WORLD_RULES } from "../policy/rancherNodesRows";
import { rancherNodesPolicy } from "../policy/rancherNodesPolicy";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const LEGACY = "aws:ec2/securityGroupRule:SecurityGroupRule";

const { unknownCheckingProxy } = policySdk as unknown as { unknownCheckingProxy<T extends object>(props: T): T };
const UNKNOWN = (policyProxy as unknown as { unknownStringValue: string }).unknownStringValue;
const UNKNOWN_ARRAY = (policyProxy as unknown as { unknownArrayValue: string }).unknownArrayValue;

function resource(type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, PolicyResource[]> = {}): PolicyResource {
  const isType = (resourceClass: unknown) => (resourceClass as { __pulumiType?: string }).__pulumiType === type;
  return {
    type,
    name,
    urn: `urn:pulumi:test::kubeports::${type}::${name}`,
    props,
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies,
    isType,
    asType: ((resourceClass: unknown) => (isType(resourceClass) ? props : undefined)) as PolicyResource["asType"],
  };
}

async function run(policy: StackValidationPolicy, resources: PolicyResource[], config: object = {}): Promise<{ message: string; urn?: string }[]> {
  const found: { message: string; urn?: string }[] = [];
  await policy.validateStack(
    {
      resources,
      stackTags: new Map(),
      getConfig: <T extends object>() => config as T,
      notApplicable: (reason?: string) => {
        throw new Error(`not applicable: ${reason}`);
      },
    },
    (message, urn) => found.push(urn === undefined ? { message } : { message, urn }),
  );
  return found;
}

/** A group as the engine shows it after an update (id known) or at preview (`id` unknown). */
const group = (name: string, awsName: string, id: string = UNKNOWN) => resource(SG, name, unknownCheckingProxy({ name: awsName, vpcId: "vpc-1", id }));

/** A rule at preview: its securityGroupId is unknown, the engine's property dependencies name the group. */
function previewRule(name: string, of: PolicyResource, props: Record<string, unknown>, type: string = RULE): PolicyResource {
  return resource(type, name, unknownCheckingProxy({ securityGroupId: UNKNOWN, description: "x", ...props }), { securityGroupId: [of] });
}

const world = (port: number, protocol = "tcp", cidr = "0.0.0.0/0") => ({ ipProtocol: protocol, fromPort: port, toPort: port, [cidr.includes(":") ? "cidrIpv6" : "cidrIpv4"]: cidr });

describe("rancher-nodes world rules (advisory)", () => {
  it("is advisory", () => {
    expect(rancherNodesPolicy.enforcementLevel).toBe("advisory");
  });

  it("advises on SSH from 0.0.0.0/0 on rancher-nodes at preview, citing the docs row and the adminCidrs option", async () => {
    const nodes = group("nodes", "rancher-nodes");
    const ssh = previewRule("ssh", nodes, world(22));
    const found = await run(rancherNodesPolicy, [nodes, ssh]);
    expect(found).toHaveLength(1);
    expect(found[0]!.urn).toBe(ssh.urn);
    expect(found[0]!.message).toContain("tcp 22 from 0.0.0.0/0 on the rancher-nodes group is what Rancher's docs prescribe");
    expect(found[0]!.message).toContain("row 1: SSH TCP 22 0.0.0.0/0 Inbound");
    expect(found[0]!.message).toContain("adminCidrs");
  });

  it("finds the group by id once ids are known", async () => {
    const nodes = group("nodes", "rancher-nodes", "sg-0123");
    const api = resource(RULE, "api", { securityGroupId: "sg-0123", ...world(6443) });
    expect(await run(rancherNodesPolicy, [nodes, api])).toEqual([{ message: expect.stringContaining("tcp 6443 from 0.0.0.0/0"), urn: api.urn }]);
  });

  it("says which rules come from the driver, and that adminCidrs does not move workload ports", async () => {
    const nodes = group("nodes", "rancher-nodes");
    const found = await run(rancherNodesPolicy, [nodes, previewRule("webhook-v6", nodes, world(8443, "tcp", "::/0")), previewRule("http", nodes, world(80)), previewRule("ssh-v6", nodes, world(22, "tcp", "::/0"))]);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(/tcp 8443 from ::\/0 .* is what Rancher's amazonec2 node driver opens \(https:\/\/github\.com\/rancher\/machine.*adminCidrs does not move it/),
      expect.stringMatching(/tcp 80 from 0\.0\.0\.0\/0 .*Rancher's docs prescribe.*adminCidrs does not move it/),
      expect.stringMatching(/tcp 22 from ::\/0 .*amazonec2 node driver opens .*IPv6 half\).*with adminCidrs/),
    ]);
  });

  it("reads legacy rules and the group's own inline ingress", async () => {
    const nodes = group("nodes", "rancher-nodes");
    const legacy = previewRule("nodeport-udp", nodes, { type: "ingress", protocol: "udp", fromPort: 30000, toPort: 32767, cidrBlocks: ["0.0.0.0/0"] }, LEGACY);
    const inline = resource(SG, "inline", { name: "rancher-nodes", ingress: [{ protocol: "tcp", fromPort: 2376, toPort: 2376, cidrBlocks: ["0.0.0.0/0"] }] });
    const found = await run(rancherNodesPolicy, [nodes, legacy, inline]);
    expect(found.map((f) => f.urn)).toEqual([legacy.urn, inline.urn]);
    expect(found[1]!.message).toMatch(/^ingress\[0\]: tcp 2376 from 0\.0\.0\.0\/0/);
  });

  it("advises once per rule when the group's ingress output mirrors a standalone rule", async () => {
    const ssh = resource(RULE, "ssh", { securityGroupId: "sg-0123", ...world(22), description: "SSH" });
    const nodes = resource(SG, "nodes", { name: "rancher-nodes", id: "sg-0123", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
    expect((await run(rancherNodesPolicy, [nodes, ssh])).map((f) => f.urn)).toEqual([ssh.urn]);
  });

  it("gives no advice on other groups, on narrower sources, or on world rules Rancher does not prescribe", async () => {
    const web = group("web", "web-nodes");
    const nodes = group("nodes", "rancher-nodes");
    expect(
      await run(rancherNodesPolicy, [web, nodes, previewRule("a", web, world(22)), previewRule("b", nodes, { ...world(22), cidrIpv4: "10.0.0.0/8" }), previewRule("c", nodes, world(8080)), previewRule("e", nodes, { ...world(22), toPort: 23 }), previewRule("f", nodes, world(22, "udp")), previewRule("d", nodes, { ...world(0), fromPort: 0, toPort: 65535 })]),
    ).toEqual([]);
  });

  it("leaves a rancher-nodes rule that reaches an internal port to the mandatory policy", async () => {
    const nodes = group("nodes", "rancher-nodes");
    const kubelet = previewRule("kubelet", nodes, world(10250));
    expect(await run(rancherNodesPolicy, [nodes, kubelet])).toEqual([]);
    expect(internalPortViolations(kubelet.type, kubelet.props)).toEqual([expect.stringContaining("kubelet")]);
  });

  it("skips a rule whose group cannot be told at preview, without failing the stack check", async () => {
    const orphan = resource(RULE, "orphan", unknownCheckingProxy({ securityGroupId: UNKNOWN, ...world(22) }));
    expect(await run(rancherNodesPolicy, [orphan])).toEqual([]);
  });

  it("recognises exactly the world rules of the docs table and the amazonec2 driver (reference/port-sources.md)", () => {
    const text = RANCHER_NODES_WORLD_RULES.map((r) => `${r.protocol} ${r.ports.from === r.ports.to ? r.ports.from : `${r.ports.from}-${r.ports.to}`} ${r.family} ${r.byDriver ? "driver" : "docs"}`);
    const docs = ["tcp 22", "tcp 80", "tcp 443", "tcp 2376", "tcp 6443", "tcp 30000-32767", "udp 30000-32767"];
    const driver = [...docs.map((d) => `${d} ipv6 driver`), "tcp 8443 ipv4 driver", "tcp 8443 ipv6 driver"];
    expect(text.sort()).toEqual([...docs.map((d) => `${d} ipv4 docs`), ...driver].sort());
    expect(RANCHER_NODES_WORLD_RULES.filter((r) => r.adminCidrsMoves).map((r) => r.ports.from).sort()).toEqual([22, 22, 2376, 2376, 6443, 6443]);
  });

  it("never recognises a rule that reaches an internal service: those stay mandatory", () => {
    for (const rule of RANCHER_NODES_WORLD_RULES) expect(internalServicesHit(rule.protocol, rule.ports)).toEqual([]);
  });

  it("looks for the group name the RancherNodesSecurityGroup component creates", () => {
    expect(RANCHER_NODES_GROUP).toBe(RANCHER_NODES);
  });
});

describe("AWS rules per group (advisory)", () => {
  const cidr = (i: number) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`;
  const rules = (of: PolicyResource, n: number, props: (i: number) => Record<string, unknown>, type = RULE) =>
    Array.from({ length: n }, (_, i) => previewRule(`${of.name}-r${i}`, of, { ipProtocol: "tcp", fromPort: 443, toPort: 443, ...props(i) }, type));

  it("is advisory and configurable", () => {
    expect(quotaPolicy.enforcementLevel).toBe("advisory");
    expect(Object.keys(quotaPolicy.configSchema?.properties ?? {})).toEqual(["rulesPerGroup", "warnAt"]);
  });

  it("advises at 55 inbound IPv4 rules on one group, with the count and the quota", async () => {
    const nodes = group("nodes", "k8s-nodes");
    const found = await run(quotaPolicy, [nodes, ...rules(nodes, 55, (i) => ({ cidrIpv4: cidr(i) }))]);
    expect(found).toEqual([{ message: expect.stringMatching(/^security group k8s-nodes has 55 inbound IPv4 rules in this stack; AWS allows 60 .* - 5 left/), urn: nodes.urn }]);
  });

  it("is silent at 30 rules", async () => {
    const nodes = group("nodes", "k8s-nodes");
    expect(await run(quotaPolicy, [nodes, ...rules(nodes, 30, (i) => ({ cidrIpv4: cidr(i) }))])).toEqual([]);
  });

  it("counts a group reference in both families, and IPv6 CIDRs apart from IPv4 ones", async () => {
    const nodes = group("nodes", "k8s-nodes");
    const peers = rules(nodes, 50, () => ({ referencedSecurityGroupId: UNKNOWN }));
    expect((await run(quotaPolicy, [nodes, ...peers])).map((f) => f.message.split(";")[0])).toEqual([
      "security group k8s-nodes has 50 inbound IPv4 rules in this stack",
      "security group k8s-nodes has 50 inbound IPv6 rules in this stack",
    ]);
    const split = [...rules(nodes, 30, (i) => ({ cidrIpv4: cidr(i) })), ...rules(nodes, 30, (i) => ({ cidrIpv6: `2001:db8:${i}::/48` })).map((r, i) => ({ ...r, urn: `${r.urn}-v6-${i}` }))];
    expect(await run(quotaPolicy, [nodes, ...split])).toEqual([]);
  });

  it("adds up legacy CIDR lists and vpc rules on one group", async () => {
    const nodes = group("nodes", "k8s-nodes", "sg-0abc");
    const legacy = resource(LEGACY, "legacy", { type: "ingress", securityGroupId: "sg-0abc", protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: Array.from({ length: 20 }, (_, i) => cidr(100 + i)) });
    const found = await run(quotaPolicy, [nodes, legacy, ...rules(nodes, 30, (i) => ({ cidrIpv4: cidr(200 + i) }))]);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("has 50 inbound IPv4 rules")]);
  });

  it("counts a group's inline entries: each CIDR once, a group reference or self in both families", async () => {
    const ingress = [
      ...Array.from({ length: 45 }, (_, i) => ({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [cidr(i)] })),
      { protocol: "tcp", fromPort: 179, toPort: 179, self: true, securityGroups: ["sg-0peer"] },
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [cidr(46), cidr(47)], ipv6CidrBlocks: ["::/0"] },
    ];
    // 45 + self + one group + two CIDRs = 49 IPv4 (silent); IPv6: self + group + ::/0 = 3.
    expect(await run(quotaPolicy, [resource(SG, "nodes", { name: "k8s-nodes", ingress })])).toEqual([]);
    expect((await run(quotaPolicy, [resource(SG, "nodes", { name: "k8s-nodes", ingress: [...ingress, ingress[0]] })])).map((f) => f.message.split(";")[0])).toEqual([
      "security group k8s-nodes has 50 inbound IPv4 rules in this stack",
    ]);
  });

  it("counts egress apart from ingress", async () => {
    const nodes = group("nodes", "k8s-nodes");
    const found = await run(quotaPolicy, [nodes, ...rules(nodes, 52, (i) => ({ cidrIpv4: cidr(i) }), EGRESS), ...rules(nodes, 10, (i) => ({ cidrIpv4: cidr(i) }))]);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("has 52 outbound IPv4 rules")]);
  });

  it("counts rules on a group outside the stack by its id, reported on the stack", async () => {
    const outside = Array.from({ length: 51 }, (_, i) => resource(RULE, `r${i}`, { securityGroupId: "sg-0external", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr(i) }));
    expect(await run(quotaPolicy, outside)).toEqual([{ message: expect.stringContaining("security group sg-0external has 51 inbound IPv4 rules") }]);
  });

  it("uses the configured quota and threshold, and says when a group is over", async () => {
    const nodes = group("nodes", "k8s-nodes");
    const many = rules(nodes, 61, (i) => ({ cidrIpv4: cidr(i) }));
    expect(await run(quotaPolicy, [nodes, ...many], { rulesPerGroup: 100, warnAt: 90 })).toEqual([]);
    expect((await run(quotaPolicy, [nodes, ...many]))[0]!.message).toContain("1 over it: AWS rejects the rules beyond it");
  });

  it("reads outputs as a bridged provider reports them: unset fields as null", async () => {
    const nodes = group("nodes", "k8s-nodes", "sg-0abc");
    const outputs = Array.from({ length: 50 }, (_, i) =>
      resource(RULE, `r${i}`, { securityGroupId: "sg-0abc", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr(i), cidrIpv6: null, referencedSecurityGroupId: null, prefixListId: "" }),
    );
    expect((await run(quotaPolicy, [nodes, ...outputs])).map((f) => f.message)).toEqual([expect.stringContaining("has 50 inbound IPv4 rules")]);
  });

  it("does not count a group's ingress output twice when it mirrors the stack's standalone rules", async () => {
    const standalone = Array.from({ length: 30 }, (_, i) => resource(RULE, `r${i}`, { securityGroupId: "sg-0abc", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr(i) }));
    const mirror = standalone.map((r) => ({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [r.props.cidrIpv4] }));
    const nodes = resource(SG, "nodes", { name: "k8s-nodes", id: "sg-0abc", ingress: mirror });
    expect(await run(quotaPolicy, [nodes, ...standalone])).toEqual([]);
    // Without standalone rules in the stack, the output is all the pack knows of the group's rules (some may be made elsewhere).
    const outsideMade = resource(SG, "nodes", { name: "k8s-nodes", id: "sg-0abc", ingress: [...mirror, ...mirror] });
    expect((await run(quotaPolicy, [outsideMade])).map((f) => f.message)).toEqual([expect.stringContaining("has 60 inbound IPv4 rules")]);
  });

  it("skips a rule whose CIDR list is unknown at preview, without failing the stack check", async () => {
    const nodes = group("nodes", "k8s-nodes");
    const unknownList = previewRule("legacy", nodes, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN_ARRAY }, LEGACY);
    expect(await run(quotaPolicy, [nodes, unknownList, ...rules(nodes, 49, (i) => ({ cidrIpv4: cidr(i) }))])).toEqual([]);
  });
});
