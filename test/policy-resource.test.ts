/**
 * The pack's resource policies called the way the engine calls them (args + reportViolation),
 * on raw resource inputs of every shape they read, made by kubeports or not: one test per
 * violation and one per look-alike that is not one, for each cloud.
 */
import { describe, expect, it } from "vitest";
import * as policySdk from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { descriptionPolicy } from "../policy/descriptionPolicy";
import { internalPortsPolicy } from "../policy/internalPortsPolicy";
import { isUnknownValueError } from "../policy/known";

const AWS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const AWS_EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const AWS_LEGACY = "aws:ec2/securityGroupRule:SecurityGroupRule";
const AWS_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const GCP_FIREWALL = "gcp:compute/firewall:Firewall";
const AZURE_RULE = "azure-native:network:SecurityRule";
const AZURE_NSG = "azure-native:network:NetworkSecurityGroup";

// What the engine hands policies at preview: a proxy that throws on unknown values.
const { unknownCheckingProxy } = policySdk as unknown as { unknownCheckingProxy<T extends object>(props: T): T };
const UNKNOWN = (policyProxy as unknown as { unknownStringValue: string }).unknownStringValue;

function args(type: string, props: Record<string, unknown>): ResourceValidationArgs {
  const isType = (resourceClass: unknown) => (resourceClass as { __pulumiType?: string }).__pulumiType === type;
  return {
    type,
    props,
    urn: `urn:pulumi:test::kubeports::${type}::r`,
    name: "r",
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType,
    asType: ((resourceClass: unknown) => (isType(resourceClass) ? props : undefined)) as ResourceValidationArgs["asType"],
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string) => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

async function run(policy: ResourceValidationPolicy, type: string, props: Record<string, unknown>): Promise<string[]> {
  const messages: string[] = [];
  const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
  for (const validate of validations) await validate(args(type, props), (message) => messages.push(message));
  return messages;
}

const internal = (type: string, props: Record<string, unknown>) => run(internalPortsPolicy, type, props);
const described = (type: string, props: Record<string, unknown>) => run(descriptionPolicy, type, props);

describe("internal ports open to the world (mandatory): AWS", () => {
  const rule = (extra: Record<string, unknown>) => ({ securityGroupId: "sg-0a", ipProtocol: "tcp", fromPort: 2379, toPort: 2380, description: "etcd", ...extra });

  it("is mandatory", () => {
    expect(internalPortsPolicy.enforcementLevel).toBe("mandatory");
  });

  it("flags TCP 2379-2380 from 0.0.0.0/0, naming the traffic, the service, the source and the fix", async () => {
    const messages = await internal(AWS_RULE, rule({ cidrIpv4: "0.0.0.0/0" }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("tcp 2379-2380 is open to 0.0.0.0/0");
    expect(messages[0]).toContain("service etcd");
    expect(messages[0]).toContain("referencedSecurityGroupId");
  });

  it("passes the same ports from 10.0.0.0/16", async () => {
    expect(await internal(AWS_RULE, rule({ cidrIpv4: "10.0.0.0/16" }))).toEqual([]);
  });

  it("passes the same ports from a referenced security group", async () => {
    expect(await internal(AWS_RULE, rule({ referencedSecurityGroupId: "sg-0b" }))).toEqual([]);
  });

  it("passes TCP 443 from 0.0.0.0/0: not an internal port", async () => {
    expect(await internal(AWS_RULE, rule({ fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }))).toEqual([]);
  });

  it('flags protocol "-1" from ::/0: all traffic includes every internal port', async () => {
    const messages = await internal(AWS_RULE, { securityGroupId: "sg-0a", ipProtocol: "-1", cidrIpv6: "::/0" });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^all traffic \(ipProtocol "-1"\) is open to ::\/0, which reaches Kubernetes-internal services etcd, kubelet, .* and \d+ more/);
  });

  it('flags IP-in-IP (ipProtocol "4") and all TCP ports (0-65535) from the world', async () => {
    expect((await internal(AWS_RULE, { ipProtocol: "4", cidrIpv4: "0.0.0.0/0" }))[0]).toContain("service IP-in-IP");
    expect((await internal(AWS_RULE, rule({ fromPort: 0, toPort: 65535, cidrIpv4: "0.0.0.0/0" })))[0]).toMatch(/tcp 0-65535 .*etcd, kubelet/);
  });

  it("flags a legacy ec2.SecurityGroupRule ingress whose CIDR list includes the world, not its egress twin", async () => {
    const legacy = { type: "ingress", securityGroupId: "sg-0a", protocol: "tcp", fromPort: 10250, toPort: 10250, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] };
    expect(await internal(AWS_LEGACY, legacy)).toEqual([expect.stringContaining("service kubelet")]);
    expect(await internal(AWS_LEGACY, { ...legacy, cidrBlocks: ["10.0.0.0/8"], ipv6CidrBlocks: ["::/0"] })).toEqual([expect.stringContaining("open to ::/0")]);
    expect(await internal(AWS_LEGACY, { ...legacy, type: "egress" })).toEqual([]);
    expect(await internal(AWS_LEGACY, { ...legacy, cidrBlocks: undefined, self: true })).toEqual([]);
  });

  it("flags only the inline ingress entry of an ec2.SecurityGroup that opens an internal port to the world", async () => {
    const messages = await internal(AWS_GROUP, {
      name: "nodes",
      ingress: [
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
        { protocol: "udp", fromPort: 8472, toPort: 8472, cidrBlocks: ["0.0.0.0/0"] },
        { protocol: "tcp", fromPort: 179, toPort: 179, securityGroups: ["sg-0b"] },
      ],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
    expect(messages).toEqual([expect.stringMatching(/^ingress\[1\]: udp 8472 is open to 0\.0\.0\.0\/0, which reaches Kubernetes-internal service Flannel\/Cilium VXLAN/)]);
  });

  it("at preview, judges what is known and lets the engine report what is not", async () => {
    // A self reference is unknown while its group is being created: no violation, no error.
    expect(await internal(AWS_RULE, unknownCheckingProxy(rule({ fromPort: 10250, toPort: 10250, referencedSecurityGroupId: UNKNOWN })))).toEqual([]);
    // A rule that reaches no internal port does not need its source.
    expect(await internal(AWS_RULE, unknownCheckingProxy(rule({ fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN })))).toEqual([]);
    // An internal port from an unknown CIDR cannot be judged yet: the engine notes it and checks again at update.
    const failure = await internal(AWS_RULE, unknownCheckingProxy(rule({ fromPort: 10250, toPort: 10250, cidrIpv4: UNKNOWN }))).catch((error: unknown) => error);
    expect(isUnknownValueError(failure)).toBe(true);
  });
});

describe("internal ports open to the world (mandatory): GCP", () => {
  const firewall = (extra: Record<string, unknown>) => ({ network: "default", direction: "INGRESS", description: "overlay", allows: [{ protocol: "udp", ports: ["8472"] }], ...extra });

  it("flags UDP 8472 from 0.0.0.0/0", async () => {
    const messages = await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"] }));
    expect(messages).toEqual([expect.stringMatching(/^udp 8472 is open to 0\.0\.0\.0\/0, .*Flannel\/Cilium VXLAN.*sourceTags or sourceServiceAccounts/)]);
  });

  it("passes the same from a node subnet or from source tags", async () => {
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["10.128.0.0/9"] }))).toEqual([]);
    expect(await internal(GCP_FIREWALL, firewall({ sourceTags: ["k8s-nodes"] }))).toEqual([]);
  });

  it("flags a rule with no source at all: GCP applies 0.0.0.0/0", async () => {
    expect(await internal(GCP_FIREWALL, firewall({}))).toEqual([expect.stringContaining("open to 0.0.0.0/0 (no source given: GCP's default)")]);
  });

  it("flags a world range even when source tags are also set (GCP ORs them)", async () => {
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["::/0"], sourceTags: ["k8s-nodes"] }))).toHaveLength(1);
  });

  it("passes egress, deny and disabled rules", async () => {
    expect(await internal(GCP_FIREWALL, firewall({ direction: "EGRESS", destinationRanges: ["0.0.0.0/0"] }))).toEqual([]);
    expect(await internal(GCP_FIREWALL, { ...firewall({ sourceRanges: ["0.0.0.0/0"] }), allows: undefined, denies: [{ protocol: "all" }] })).toEqual([]);
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"], disabled: true }))).toEqual([]);
  });

  it("flags only the allows entry that reaches an internal service, by ports list", async () => {
    const messages = await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22", "443"] }, { protocol: "tcp", ports: ["80", "5473"] }] }));
    expect(messages).toEqual([expect.stringMatching(/^allows\[1\]: tcp 80,5473 .*Calico Typha/)]);
  });

  it('flags "all" and the "ipip" keyword from the world, passes tcp 443', async () => {
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }))).toEqual([expect.stringContaining('all traffic (protocol "all")')]);
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "ipip" }] }))).toEqual([expect.stringContaining("IP-in-IP")]);
    expect(await internal(GCP_FIREWALL, firewall({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["443"] }] }))).toEqual([]);
  });
});

describe("internal ports open to the world (mandatory): Azure", () => {
  const rule = (extra: Record<string, unknown>) => ({
    resourceGroupName: "rg",
    networkSecurityGroupName: "nsg",
    description: "overlay",
    direction: "Inbound",
    access: "Allow",
    priority: 200,
    protocol: "Udp",
    sourcePortRange: "*",
    destinationPortRange: "4789",
    destinationAddressPrefix: "*",
    ...extra,
  });

  it('flags Udp 4789 from "Internet"', async () => {
    const messages = await internal(AZURE_RULE, rule({ sourceAddressPrefix: "Internet" }));
    expect(messages).toEqual([expect.stringMatching(/^Udp 4789 is open to Internet, which reaches Kubernetes-internal service VXLAN.*sourceApplicationSecurityGroups/)]);
  });

  it('flags "*" ports with protocol "*" from "*"', async () => {
    const messages = await internal(AZURE_RULE, rule({ protocol: "*", destinationPortRange: "*", sourceAddressPrefix: "*" }));
    expect(messages).toEqual([expect.stringMatching(/^all traffic \(protocol "\*"\) is open to \*, .*etcd/)]);
  });

  it("flags a world CIDR in sourceAddressPrefixes and an internal port in destinationPortRanges", async () => {
    expect(await internal(AZURE_RULE, rule({ protocol: "Tcp", destinationPortRange: undefined, destinationPortRanges: ["80", "2379-2381"], sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"] }))).toEqual([
      expect.stringContaining("Tcp 80,2379-2381 is open to 0.0.0.0/0, which reaches Kubernetes-internal service etcd"),
    ]);
  });

  it("passes the same traffic from VirtualNetwork or an application security group, and outbound or deny rules", async () => {
    expect(await internal(AZURE_RULE, rule({ sourceAddressPrefix: "VirtualNetwork" }))).toEqual([]);
    expect(await internal(AZURE_RULE, rule({ sourceApplicationSecurityGroups: [{ id: "/subscriptions/s/asg/nodes" }] }))).toEqual([]);
    expect(await internal(AZURE_RULE, rule({ sourceAddressPrefix: "Internet", direction: "Outbound" }))).toEqual([]);
    expect(await internal(AZURE_RULE, rule({ sourceAddressPrefix: "Internet", access: "Deny" }))).toEqual([]);
  });

  it('passes Tcp 443 from Internet, and protocol "*" on port 443 (TCP and UDP 443 only)', async () => {
    expect(await internal(AZURE_RULE, rule({ protocol: "Tcp", destinationPortRange: "443", sourceAddressPrefix: "Internet" }))).toEqual([]);
    expect(await internal(AZURE_RULE, rule({ protocol: "*", destinationPortRange: "443", sourceAddressPrefix: "*" }))).toEqual([]);
  });

  it("flags only the inline NSG rule that opens an internal port to the world, by name", async () => {
    const messages = await internal(AZURE_NSG, {
      resourceGroupName: "rg",
      securityRules: [
        { ...rule({ protocol: "Tcp", destinationPortRange: "443", sourceAddressPrefix: "Internet" }), name: "https" },
        { ...rule({ protocol: "Tcp", destinationPortRange: "10250", sourceAddressPrefix: "::/0" }), name: "kubelet-open" },
      ],
    });
    expect(messages).toEqual([expect.stringMatching(/^securityRules\[1\] \(kubelet-open\): Tcp 10250 is open to ::\/0, .*kubelet/)]);
  });

  it("recognises explicit API-version modules of azure-native", async () => {
    expect(await internal("azure-native:network/v20240301:SecurityRule", rule({ sourceAddressPrefix: "Internet" }))).toHaveLength(1);
  });
});

describe("rule descriptions (advisory)", () => {
  it("is advisory", () => {
    expect(descriptionPolicy.enforcementLevel).toBe("advisory");
  });

  it("AWS: flags rules with a missing or blank description, in every shape, ingress and egress", async () => {
    expect(await described(AWS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8" })).toEqual([expect.stringContaining("has no description")]);
    expect(await described(AWS_EGRESS, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "  " })).toHaveLength(1);
    expect(await described(AWS_LEGACY, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22 })).toHaveLength(1);
    const group = await described(AWS_GROUP, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, description: "SSH" }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] });
    expect(group).toEqual([expect.stringMatching(/^egress\[0\]: the rule has no description/)]);
  });

  it("AWS: passes described rules and a group without inline rules", async () => {
    expect(await described(AWS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8", description: "SSH from the bastion" })).toEqual([]);
    expect(await described(AWS_GROUP, { name: "nodes", description: "the group's own description is not a rule's" })).toEqual([]);
  });

  it("GCP: flags a firewall without a description, passes one with", async () => {
    expect(await described(GCP_FIREWALL, { allows: [{ protocol: "tcp" }], sourceRanges: ["10.0.0.0/8"] })).toHaveLength(1);
    expect(await described(GCP_FIREWALL, { allows: [{ protocol: "tcp" }], sourceRanges: ["10.0.0.0/8"], description: "node to node" })).toEqual([]);
  });

  it("Azure: flags a rule and an inline NSG rule without a description, passes described ones", async () => {
    expect(await described(AZURE_RULE, { direction: "Inbound", access: "Allow", protocol: "Tcp" })).toHaveLength(1);
    expect(await described(AZURE_RULE, { direction: "Inbound", access: "Allow", protocol: "Tcp", description: "API" })).toEqual([]);
    const nsg = await described(AZURE_NSG, { securityRules: [{ name: "api", description: "API" }, { name: "ssh" }] });
    expect(nsg).toEqual([expect.stringMatching(/^securityRules\[1\] \(ssh\): the rule has no description/)]);
  });

  it("ignores resources that are not firewall rules", async () => {
    expect(await described("aws:s3/bucket:Bucket", {})).toEqual([]);
    expect(await internal("aws:s3/bucket:Bucket", { cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" })).toEqual([]);
  });
});
