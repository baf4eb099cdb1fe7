/**
 * The evaluators decide as each cloud decides, on hand-written resources: AWS security groups
 * (attachments, self references, CIDRs, prefix lists, protocol -1 and numbers, egress AND
 * ingress), GCP firewall rules (tags, service accounts, priorities, deny wins ties, implied
 * rules, list-valued fields) and Azure NSGs (ASGs, priorities, deny rules, default rules,
 * list-valued fields, subnet and NIC NSGs).
 */
import { describe, expect, it } from "vitest";
import { addressRange } from "../components/verify/addressRange";
import { AwsFirewall } from "../components/verify/awsFirewall";
import { AzureFirewall } from "../components/verify/azureFirewall";
import type { CloudFirewall, Machine, Packet } from "../components/verify/cloudFirewall";
import type { CloudResource } from "../components/verify/cloudResource";
import { GcpFirewall } from "../components/verify/gcpFirewall";

const r = (type: string, name: string, inputs: Record<string, unknown>, id: string | null = null): CloudResource => ({ type, name, id, inputs });
const machine = (fw: CloudFirewall, name: string): Machine => {
  const found = fw.machines.find((m) => m.name === name);
  if (!found) throw new Error(`no machine ${name}`);
  return found;
};
const tcp = (fw: CloudFirewall, from: string, to: string, port: number): Packet => ({ source: { kind: "machine", machine: machine(fw, from) }, target: machine(fw, to), family: "ipv4", protocol: 6, port });
const fromAddress = (fw: CloudFirewall, cidr: string, to: string, protocol: number, port?: number): Packet => ({
  source: { kind: "address", range: addressRange(cidr)! },
  target: machine(fw, to),
  family: cidr.includes(":") ? "ipv6" : "ipv4",
  protocol,
  ...(port === undefined ? {} : { port }),
});

describe("AWS security groups", () => {
  const SG = "aws:ec2/securityGroup:SecurityGroup";
  const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  const OUT = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  const LT = "aws:ec2/launchTemplate:LaunchTemplate";
  const base = [
    r(SG, "masters", {}, "sg-m"),
    r(SG, "workers", {}, "sg-w"),
    r(SG, "extra", {}, "sg-x"),
    r(IN, "m-in-6443-from-w", { securityGroupId: "sg-m", referencedSecurityGroupId: "sg-w", ipProtocol: "tcp", fromPort: 6443, toPort: 6443 }),
    r(IN, "w-in-vxlan-self", { securityGroupId: "sg-w", referencedSecurityGroupId: "sg-w", ipProtocol: "udp", fromPort: 8472, toPort: 8472 }),
    r(IN, "w-in-ipip-from-m", { securityGroupId: "sg-w", referencedSecurityGroupId: "sg-m", ipProtocol: "4" }),
    r(IN, "w-in-nodeports", { securityGroupId: "sg-w", cidrIpv4: "198.51.100.0/24", ipProtocol: "tcp", fromPort: 30000, toPort: 32767 }),
    r(IN, "x-in-all-from-m", { securityGroupId: "sg-x", referencedSecurityGroupId: "sg-m", ipProtocol: "-1" }),
    r(OUT, "m-out-all", { securityGroupId: "sg-m", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" }),
    r(OUT, "w-out-all", { securityGroupId: "sg-w", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" }),
    r(LT, "c-masters", { vpcSecurityGroupIds: ["sg-m"], tagSpecifications: [{ resourceType: "instance", tags: { "kubeports:group": "masters" } }] }, "lt-m"),
    r(LT, "c-workers", { networkInterfaces: [{ securityGroups: ["sg-w", "sg-x"] }] }, "lt-w"),
  ];

  it("a packet passes only when the source's egress and the target's ingress both allow it", () => {
    const fw = new AwsFirewall(base);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: true, rules: ["w-out-all", "m-in-6443-from-w"] });
    const noEgress = new AwsFirewall(base.filter((res) => res.name !== "w-out-all"));
    expect(noEgress.decide(tcp(noEgress, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("no egress rule") });
  });

  it("a self reference admits two machines of the same group, and only that group", () => {
    const fw = new AwsFirewall(base.filter((res) => res.name !== "x-in-all-from-m"));
    const vxlan = (from: string): Packet => ({ ...tcp(fw, from, "c-workers", 8472), protocol: 17 });
    expect(fw.decide(vxlan("c-workers")).allowed).toBe(true);
    expect(fw.decide(vxlan("c-masters")).allowed).toBe(false);
  });

  it("machines belong to groups by what their templates attach (network interfaces' securityGroups too)", () => {
    const fw = new AwsFirewall(base);
    expect(machine(fw, "c-workers").identities).toEqual(["sg-w", "sg-x"]);
    expect(machine(fw, "c-masters").group).toBe("masters");
    // An extra attached group's rules apply: sg-x lets masters in on every protocol.
    expect(fw.decide(tcp(fw, "c-masters", "c-workers", 9999)).allowed).toBe(true);
  });

  it("ipProtocol numbers match only that protocol, -1 matches all", () => {
    const fw = new AwsFirewall(base.filter((res) => res.name !== "x-in-all-from-m"));
    const ipip: Packet = { source: { kind: "machine", machine: machine(fw, "c-masters") }, target: machine(fw, "c-workers"), family: "ipv4", protocol: 4 };
    expect(fw.decide(ipip).allowed).toBe(true);
    expect(fw.decide({ ...ipip, protocol: 94 }).allowed).toBe(false);
  });

  it("a CIDR rule admits addresses inside it on its ports only", () => {
    const fw = new AwsFirewall(base);
    expect(fw.decide(fromAddress(fw, "198.51.100.7/32", "c-workers", 6, 30080)).allowed).toBe(true);
    expect(fw.decide(fromAddress(fw, "198.51.100.7/32", "c-workers", 6, 22)).allowed).toBe(false);
    expect(fw.decide(fromAddress(fw, "203.0.113.7/32", "c-workers", 6, 30080)).allowed).toBe(false);
  });

  it("a prefix list rule admits its entries; a list whose entries are unknown admits nothing", () => {
    const withList = [...base, r("aws:ec2/managedPrefixList:ManagedPrefixList", "office", { entries: [{ cidr: "192.0.2.0/24" }] }, "pl-1"), r(IN, "m-in-ssh-pl", { securityGroupId: "sg-m", prefixListId: "pl-1", ipProtocol: "tcp", fromPort: 22, toPort: 22 }), r(IN, "m-in-ssh-unknown", { securityGroupId: "sg-m", prefixListId: "pl-2", ipProtocol: "tcp", fromPort: 2222, toPort: 2222 })];
    const fw = new AwsFirewall(withList);
    expect(fw.decide(fromAddress(fw, "192.0.2.9/32", "c-masters", 6, 22)).allowed).toBe(true);
    expect(fw.decide(fromAddress(fw, "192.0.2.9/32", "c-masters", 6, 2222)).allowed).toBe(false);
  });

  it("a security group without egress rules lets nothing out (the provider removes AWS's default egress)", () => {
    const fw = new AwsFirewall(base.filter((res) => res.type !== OUT));
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443)).allowed).toBe(false);
  });

  it("inline rules (describe-security-groups' IpPermissions shape) are read like rule resources", () => {
    const fw = new AwsFirewall([
      r(SG, "a", { ingress: [{ protocol: "tcp", fromPort: 10250, toPort: 10250, securityGroups: ["sg-b"] }], egress: [] }, "sg-a"),
      r(SG, "b", { egress: [{ protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] }, "sg-b"),
      r(LT, "c-a", { vpcSecurityGroupIds: ["sg-a"] }),
      r(LT, "c-b", { vpcSecurityGroupIds: ["sg-b"] }),
    ]);
    expect(fw.decide(tcp(fw, "c-b", "c-a", 10250)).allowed).toBe(true);
    expect(fw.decide(tcp(fw, "c-a", "c-b", 10250)).allowed).toBe(false);
  });
});

describe("GCP firewall rules", () => {
  const FW = "gcp:compute/firewall:Firewall";
  const IT = "gcp:compute/instanceTemplate:InstanceTemplate";
  const templates = [
    r(IT, "c-masters", { tags: ["k-masters"], labels: { "kubeports-group": "masters" } }),
    r(IT, "c-workers", { tags: ["k-workers", "web"], serviceAccount: { email: "Workers@p.iam.gserviceaccount.com" } }),
  ];

  it("ingress is denied unless a rule allows it (implied deny ingress), egress allowed (implied allow egress)", () => {
    const fw = new GcpFirewall(templates);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("implied deny ingress") });
  });

  it("rules match by target tags and source tags or service accounts, list-valued fields read whole", () => {
    const fw = new GcpFirewall([
      ...templates,
      r(FW, "m-from-nodes", { allows: [{ protocol: "tcp", ports: ["22", "6443", "10250-10259"] }], sourceTags: ["x", "k-workers"], targetTags: ["other", "k-masters"] }),
      r(FW, "w-from-sa", { allows: [{ protocol: "udp", ports: ["8472"] }], sourceServiceAccounts: ["workers@p.iam.gserviceaccount.com"], targetServiceAccounts: ["workers@p.iam.gserviceaccount.com"] }),
    ]);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443)).allowed).toBe(true);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 10255)).allowed).toBe(true);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 8080)).allowed).toBe(false);
    expect(fw.decide({ ...tcp(fw, "c-workers", "c-workers", 8472), protocol: 17 }).allowed).toBe(true);
    expect(fw.decide({ ...tcp(fw, "c-masters", "c-workers", 8472), protocol: 17 }).allowed).toBe(false);
  });

  it("a GCP deny at a lower priority number wins over an allow, and a deny wins a tie", () => {
    const allow = r(FW, "allow", { allows: [{ protocol: "all" }], sourceRanges: ["10.0.0.0/8"], targetTags: ["k-masters"], priority: 1000 });
    const lower = new GcpFirewall([...templates, allow, r(FW, "deny", { denies: [{ protocol: "tcp", ports: ["2379-2380"] }], sourceRanges: ["0.0.0.0/0"], priority: 900 })]);
    expect(lower.decide(fromAddress(lower, "10.1.0.0/16", "c-masters", 6, 2379))).toMatchObject({ allowed: false, blocked: expect.stringContaining("deny") });
    expect(lower.decide(fromAddress(lower, "10.1.0.0/16", "c-masters", 6, 6443)).allowed).toBe(true);
    const tie = new GcpFirewall([...templates, allow, r(FW, "deny", { denies: [{ protocol: "tcp" }], sourceRanges: ["10.0.0.0/8"], priority: 1000 })]);
    expect(tie.decide(fromAddress(tie, "10.1.0.0/16", "c-masters", 6, 6443)).allowed).toBe(false);
    const higher = new GcpFirewall([...templates, allow, r(FW, "deny", { denies: [{ protocol: "tcp" }], sourceRanges: ["10.0.0.0/8"], priority: 2000 })]);
    expect(higher.decide(fromAddress(higher, "10.1.0.0/16", "c-masters", 6, 6443)).allowed).toBe(true);
  });

  it("an egress deny stops a packet the target would accept", () => {
    const fw = new GcpFirewall([
      ...templates,
      r(FW, "m-from-w", { allows: [{ protocol: "tcp" }], sourceTags: ["k-workers"], targetTags: ["k-masters"] }),
      r(FW, "w-deny-out", { direction: "EGRESS", denies: [{ protocol: "all" }], destinationRanges: ["0.0.0.0/0"], targetTags: ["k-workers"], priority: 65535 }),
    ]);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("egress") });
  });

  it("a network firewall policy is evaluated after the VPC rules and before the implied ones", () => {
    const POLICY = "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule";
    const policyDeny = r(POLICY, "w-egress-deny", { ruleName: "w-egress-deny", direction: "EGRESS", action: "deny", priority: 2000, targetServiceAccounts: ["workers@p.iam.gserviceaccount.com"], match: { layer4Configs: [{ ipProtocol: "all" }], destIpRanges: ["0.0.0.0/0"] } });
    const ingress = r(FW, "m-from-w", { allows: [{ protocol: "tcp" }], sourceTags: ["k-workers"], targetTags: ["k-masters"] });
    const denied = new GcpFirewall([...templates, ingress, policyDeny]);
    expect(denied.decide(tcp(denied, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("w-egress-deny") });
    const vpcAllow = r(FW, "w-out", { direction: "EGRESS", allows: [{ protocol: "tcp", ports: ["6443"] }], destinationRanges: ["0.0.0.0/0"], targetTags: ["k-workers"] });
    const allowed = new GcpFirewall([...templates, ingress, policyDeny, vpcAllow]);
    expect(allowed.decide(tcp(allowed, "c-workers", "c-masters", 6443)).allowed).toBe(true);
  });

  it("the API spelling (allowed[].IPProtocol, denied) reads like Pulumi's (allows, denies)", () => {
    const fw = new GcpFirewall([...templates, r(FW, "api", { allowed: [{ IPProtocol: "tcp", ports: ["6443"] }], sourceTags: ["k-workers"], targetTags: ["k-masters"] })]);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443)).allowed).toBe(true);
  });
});

describe("Azure NSGs", () => {
  const ASG = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/";
  const SUBNET = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes";
  const RULE = "azure-native:network:SecurityRule";
  const vmss = (name: string, asg: string) =>
    r("azure-native:compute:VirtualMachineScaleSet", name, {
      virtualMachineProfile: { networkProfile: { networkInterfaceConfigurations: [{ name: "nic", ipConfigurations: [{ subnet: { id: SUBNET }, applicationSecurityGroups: [{ id: `${ASG}${asg}` }] }] }] } },
    });
  const base = [
    r("azure-native:network:VirtualNetwork", "v", { addressSpace: { addressPrefixes: ["10.0.0.0/16"] } }),
    r("azure-native:network:Subnet", "nodes", { addressPrefix: "10.0.0.0/20", networkSecurityGroup: { id: "/subscriptions/0/x/networkSecurityGroups/nsg" } }, SUBNET),
    vmss("c-masters", "masters"),
    vmss("c-workers", "workers"),
    r(RULE, "allow-w-m", { networkSecurityGroupName: "nsg", access: "Allow", direction: "Inbound", priority: 200, protocol: "Tcp", sourceApplicationSecurityGroups: [{ id: `${ASG}other` }, { id: `${ASG}workers` }], destinationApplicationSecurityGroups: [{ id: `${ASG}masters` }], destinationPortRanges: ["6443", "10250-10259"] }),
    r(RULE, "deny-vnet-m", { networkSecurityGroupName: "nsg", access: "Deny", direction: "Inbound", priority: 4096, protocol: "*", sourceAddressPrefix: "VirtualNetwork", destinationApplicationSecurityGroups: [{ id: `${ASG}masters` }], destinationPortRange: "*" }),
  ];

  it("list-valued ASGs and port ranges are read whole; other ports fall to the deny rule", () => {
    const fw = new AzureFirewall(base);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 10255)).allowed).toBe(true);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 8080))).toMatchObject({ allowed: false, blocked: expect.stringContaining("deny-vnet-m") });
  });

  it("an Azure deny at a lower priority number wins over a later allow", () => {
    const fw = new AzureFirewall([...base, r(RULE, "deny-first", { networkSecurityGroupName: "nsg", access: "Deny", direction: "Inbound", priority: 150, protocol: "Tcp", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "6443" })]);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("deny-first") });
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 10250)).allowed).toBe(true);
  });

  it("Azure's default AllowVnetInBound admits the VNet where no rule denies it, and DenyAllInBound the rest", () => {
    const fw = new AzureFirewall(base);
    expect(fw.decide(tcp(fw, "c-masters", "c-workers", 22))).toMatchObject({ allowed: true, rules: [expect.stringContaining("AllowVnetOutBound"), expect.stringContaining("AllowVnetInBound")] });
    expect(fw.decide(fromAddress(fw, "203.0.113.0/24", "c-workers", 6, 22))).toMatchObject({ allowed: false, blocked: expect.stringContaining("DenyAllInBound") });
  });

  it("an outbound deny on the source's NSG stops the packet", () => {
    const fw = new AzureFirewall([...base, r(RULE, "deny-out", { networkSecurityGroupName: "nsg", access: "Deny", direction: "Outbound", priority: 4000, protocol: "*", sourceApplicationSecurityGroups: [{ id: `${ASG}workers` }], destinationAddressPrefix: "*", destinationPortRange: "*" })]);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 6443))).toMatchObject({ allowed: false, blocked: expect.stringContaining("outbound") });
  });

  it("inline securityRules in the az CLI shape (properties) are read like SecurityRule resources", () => {
    const fw = new AzureFirewall([
      ...base.filter((res) => res.type !== RULE),
      r("azure-native:network:NetworkSecurityGroup", "nsg", { securityRules: [{ name: "lb", properties: { access: "Allow", direction: "Inbound", priority: 100, protocol: "Tcp", sourceAddressPrefixes: ["192.0.2.0/24"], destinationAddressPrefix: "*", destinationPortRange: "443" } }, { name: "deny", properties: { access: "Deny", direction: "Inbound", priority: 300, protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" } }] }, "/subscriptions/0/x/networkSecurityGroups/nsg"),
    ]);
    expect(fw.decide(fromAddress(fw, "192.0.2.0/24", "c-masters", 6, 443)).allowed).toBe(true);
    expect(fw.decide(tcp(fw, "c-workers", "c-masters", 443)).allowed).toBe(false);
  });

  it("a machine whose subnet and NIC have no NSG lets everything through", () => {
    const fw = new AzureFirewall([vmss("c-a", "a"), vmss("c-b", "b")]);
    expect(fw.decide(tcp(fw, "c-a", "c-b", 1)).allowed).toBe(true);
  });
});
