/**
 * AWS security groups as AWS evaluates them: a machine carries every group its launch template
 * or instance attaches (`vpcSecurityGroupIds`, network interfaces' `securityGroups`); groups
 * only allow (no deny, no order), so a packet passes when some egress rule of a source group
 * lets it out AND some ingress rule of a target group lets it in (both stateful: replies pass).
 * Rules come from vpc.SecurityGroupIngressRule/EgressRule, legacy ec2.SecurityGroupRule and
 * inline `ingress`/`egress` (also what `--against` reads from describe-security-groups).
 * A SecurityGroup resource without inline egress has none: the provider deletes AWS's default
 * allow-all egress rule when it creates a group.
 */
import { type AddressRange, addressRange } from "./addressRange";
import { type CloudFirewall, type Decision, type Grant, inPorts, type Machine, type Packet, rangesMatch, sourceText } from "./cloudFirewall";
import { type CloudResource, list, num, obj, ofType, str, strings } from "./cloudResource";
import { ICMP, ICMPV6, protocolNumber, TCP, UDP } from "./protocolNumbers";

type AwsPeer = { readonly kind: "group"; readonly id: string } | { readonly kind: "ranges"; readonly ranges: readonly AddressRange[]; readonly label: string };

export interface AwsRule {
  readonly name: string;
  readonly securityGroup: string;
  readonly direction: "ingress" | "egress";
  /** IANA number, -1 for all. */
  readonly protocol: number;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly peer: AwsPeer;
}

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";
const GROUP_TAG = "kubeports:group";

function prefixLists(resources: readonly CloudResource[]): Map<string, AddressRange[]> {
  const lists = new Map<string, AddressRange[]>();
  for (const resource of ofType(resources, "aws:ec2/managedPrefixList:ManagedPrefixList")) {
    const ranges = list(resource.inputs.entries).flatMap((entry) => {
      const range = addressRange(str(obj(entry).cidr) ?? "");
      return range ? [range] : [];
    });
    if (resource.id) lists.set(resource.id, ranges);
  }
  return lists;
}

function cidrPeers(fields: { v4?: unknown; v6?: unknown; prefixLists?: unknown }, lists: ReadonlyMap<string, AddressRange[]>): AwsPeer[] {
  const texts = [...strings(fields.v4), ...strings(fields.v6)];
  const peers: AwsPeer[] = texts.flatMap((text) => {
    const range = addressRange(text);
    return range ? [{ kind: "ranges" as const, ranges: [range], label: text }] : [];
  });
  for (const id of strings(fields.prefixLists)) peers.push({ kind: "ranges", ranges: lists.get(id) ?? [], label: `${id}${lists.has(id) ? "" : " (entries unknown)"}` });
  return peers;
}

function ports(protocol: number, from: unknown, to: unknown): { fromPort?: number; toPort?: number } {
  if (protocol === -1) return {};
  const a = num(from);
  const b = num(to);
  return a === undefined ? {} : { fromPort: a, toPort: b ?? a };
}

/** Every rule the resources declare, whatever resource type carries it. */
export function awsRules(resources: readonly CloudResource[]): AwsRule[] {
  const lists = prefixLists(resources);
  const rules: AwsRule[] = [];
  const add = (name: string, securityGroup: string, direction: "ingress" | "egress", rule: Record<string, unknown>, peers: AwsPeer[]) => {
    const protocol = protocolNumber(rule.ipProtocol ?? rule.protocol);
    if (protocol === undefined) return;
    for (const peer of peers) rules.push({ name, securityGroup, direction, protocol, ...ports(protocol, rule.fromPort, rule.toPort), peer });
  };
  for (const r of ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
    const i = r.inputs as Record<string, unknown>;
    const direction = r.type.includes("Ingress") ? "ingress" : "egress";
    const group = str(i.referencedSecurityGroupId);
    const peers: AwsPeer[] = group ? [{ kind: "group", id: group }] : cidrPeers({ v4: [i.cidrIpv4], v6: [i.cidrIpv6], prefixLists: [i.prefixListId] }, lists);
    add(r.name, str(i.securityGroupId) ?? "", direction, i, peers);
  }
  for (const r of ofType(resources, "aws:ec2/securityGroupRule:SecurityGroupRule")) {
    const i = r.inputs as Record<string, unknown>;
    const sg = str(i.securityGroupId) ?? "";
    const peers: AwsPeer[] = [
      ...(i.self === true ? [{ kind: "group" as const, id: sg }] : []),
      ...(str(i.sourceSecurityGroupId) ? [{ kind: "group" as const, id: str(i.sourceSecurityGroupId)! }] : []),
      ...cidrPeers({ v4: i.cidrBlocks, v6: i.ipv6CidrBlocks, prefixLists: i.prefixListIds }, lists),
    ];
    add(r.name, sg, i.type === "egress" ? "egress" : "ingress", i, peers);
  }
  for (const r of ofType(resources, "aws:ec2/securityGroup:SecurityGroup")) {
    const sg = r.id ?? r.name;
    for (const direction of ["ingress", "egress"] as const) {
      list(r.inputs[direction]).forEach((entry, index) => {
        const i = obj(entry) as Record<string, unknown>;
        const peers: AwsPeer[] = [
          ...(i.self === true ? [{ kind: "group" as const, id: sg }] : []),
          ...strings(i.securityGroups).map((id) => ({ kind: "group" as const, id })),
          ...cidrPeers({ v4: i.cidrBlocks, v6: i.ipv6CidrBlocks, prefixLists: i.prefixListIds }, lists),
        ];
        add(str(i.description) ? `${r.name} ${direction}[${index}] (${str(i.description)})` : `${r.name} ${direction}[${index}]`, sg, direction, i, peers);
      });
    }
  }
  return rules;
}

function subnetRanges(resources: readonly CloudResource[]): Map<string, AddressRange[]> {
  const subnets = new Map<string, AddressRange[]>();
  for (const subnet of ofType(resources, "aws:ec2/subnet:Subnet")) {
    const ranges = [str(subnet.inputs.cidrBlock), str(subnet.inputs.ipv6CidrBlock)].flatMap((text) => {
      const range = text ? addressRange(text) : undefined;
      return range ? [range] : [];
    });
    if (subnet.id) subnets.set(subnet.id, ranges);
  }
  return subnets;
}

function groupTag(inputs: Readonly<Record<string, unknown>>): string | undefined {
  const specs = list(inputs.tagSpecifications).map(obj).filter((spec) => spec.resourceType === "instance");
  return str(obj(specs[0]?.tags)[GROUP_TAG]) ?? str(obj(inputs.tags)[GROUP_TAG]);
}

/** Launch templates and instances, with the groups they attach and the subnets their autoscaling groups use. */
export function awsMachines(resources: readonly CloudResource[]): Machine[] {
  const subnets = subnetRanges(resources);
  const asgSubnets = new Map<string, string[]>();
  for (const asg of ofType(resources, "aws:autoscaling/group:Group")) {
    const template = obj(asg.inputs.launchTemplate);
    const id = str(template.id) ?? str(template.name);
    if (id) asgSubnets.set(id, [...(asgSubnets.get(id) ?? []), ...strings(asg.inputs.vpcZoneIdentifiers)]);
  }
  return ofType(resources, LAUNCH_TEMPLATE, INSTANCE).map((resource) => {
    const i = resource.inputs;
    const interfaces = list(i.networkInterfaces).map(obj);
    const identities = [...new Set([...strings(i.vpcSecurityGroupIds), ...strings(i.securityGroups), ...interfaces.flatMap((n) => strings(n.securityGroups))])];
    const subnetIds = [
      ...(asgSubnets.get(resource.id ?? "") ?? []),
      ...(asgSubnets.get(str(i.name) ?? "") ?? []),
      ...(str(i.subnetId) ? [str(i.subnetId)!] : []),
      ...interfaces.flatMap((n) => (str(n.subnetId) ? [str(n.subnetId)!] : [])),
    ];
    return {
      label: `${resource.type.split(":").pop()} ${resource.name}`,
      name: resource.name,
      group: groupTag(i),
      identities,
      addresses: [...new Set(subnetIds)].flatMap((id) => subnets.get(id) ?? []),
    };
  });
}

function protocolMatches(rule: AwsRule, packet: Packet): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== packet.protocol) return false;
  if (rule.protocol === TCP || rule.protocol === UDP) {
    return rule.fromPort === undefined ? true : inPorts([{ from: rule.fromPort, to: rule.toPort ?? rule.fromPort }], packet.port);
  }
  if (rule.protocol === ICMP || rule.protocol === ICMPV6) {
    const type = rule.fromPort ?? -1;
    const code = rule.toPort ?? -1;
    if (type === -1) return true;
    if (packet.icmp?.type !== type) return false;
    return code === -1 || packet.icmp.code === code;
  }
  return true;
}

export class AwsFirewall implements CloudFirewall {
  readonly cloud = "aws" as const;
  readonly rules: readonly AwsRule[];
  readonly machines: readonly Machine[];

  constructor(resources: readonly CloudResource[], machines: readonly Machine[] = awsMachines(resources)) {
    this.rules = awsRules(resources);
    this.machines = machines;
    const ports = this.rules.flatMap((rule) => (rule.fromPort === undefined || rule.fromPort < 0 ? [] : [rule.fromPort, (rule.toPort ?? rule.fromPort) + 1]));
    const ranges = this.rules.flatMap((rule) => (rule.peer.kind === "ranges" ? rule.peer.ranges : []));
    this.cuts = { ports, ranges, protocols: [...new Set(this.rules.map((rule) => rule.protocol).filter((p) => p >= 0))] };
  }

  readonly cuts: CloudFirewall["cuts"];

  private side(direction: "ingress" | "egress", machine: Machine, packet: Packet): AwsRule | undefined {
    const groups = new Set(machine.identities);
    return this.rules.find((rule) => {
      if (rule.direction !== direction || !groups.has(rule.securityGroup) || !protocolMatches(rule, packet)) return false;
      const other = direction === "ingress" ? packet.source : ({ kind: "machine", machine: packet.target } as const);
      if (rule.peer.kind === "group") return other.kind === "machine" && other.machine.identities.includes(rule.peer.id);
      return rangesMatch(rule.peer.ranges, other, packet.family, "allow");
    });
  }

  decide(packet: Packet): Decision {
    const rules: string[] = [];
    if (packet.source.kind === "machine") {
      const out = this.side("egress", packet.source.machine, packet);
      if (!out) return { allowed: false, rules, blocked: `no egress rule of ${packet.source.machine.identities.join(", ") || "(no security group)"} on ${sourceText(packet)} lets it out` };
      rules.push(out.name);
    }
    const into = this.side("ingress", packet.target, packet);
    if (!into) return { allowed: false, rules, blocked: `no ingress rule of ${packet.target.identities.join(", ") || "(no security group)"} on ${packet.target.label} lets it in` };
    rules.push(into.name);
    return { allowed: true, rules };
  }

  get grants(): Grant[] {
    return this.rules
      .filter((rule) => rule.direction === "ingress")
      .map((rule) => ({
        rule: rule.name,
        targets: this.machines.filter((machine) => machine.identities.includes(rule.securityGroup)),
        protocol: rule.protocol,
        ...(rule.protocol === TCP || rule.protocol === UDP ? (rule.fromPort === undefined ? {} : { ports: [{ from: rule.fromPort, to: rule.toPort ?? rule.fromPort }] }) : {}),
        ranges: rule.peer.kind === "ranges" ? rule.peer.ranges : [],
        machines: rule.peer.kind === "group" ? this.machines.filter((machine) => machine.identities.includes((rule.peer as { id: string }).id)) : [],
      }));
  }
}
