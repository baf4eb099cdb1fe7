/**
 * Azure NSGs as Azure evaluates them: a machine is filtered by its subnet's NSG and its NIC's
 * NSG (no NSG: everything passes); within an NSG, rules of one direction are tried by priority
 * (lower number first), the first match decides, and Azure's default rules come last:
 * AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500,
 * AllowVnetOutBound 65000, AllowInternetOutBound 65001, DenyAllOutBound 65500. A packet passes
 * when every NSG of the source lets it out and every NSG of the target lets it in. Sides match
 * by address prefixes (CIDRs, "*", the VirtualNetwork, Internet and AzureLoadBalancer service
 * tags) or by application security groups, which machines join through their IP configurations.
 * Standalone SecurityRule resources and an NSG's inline securityRules are read alike, with
 * singular or list-valued prefixes, ASGs and port ranges.
 */
import { type AddressRange, addressRange } from "./addressRange";
import { type CloudFirewall, type Decision, type Grant, inPorts, type Machine, type Packet, type PacketSource, parsePortTexts, rangesMatch, sourceText } from "./cloudFirewall";
import { type CloudResource, list, num, obj, ofType, str, strings } from "./cloudResource";
import { ICMP, ICMPV6, protocolNumber } from "./protocolNumbers";

export interface AzureSideSpec {
  /** CIDRs, "*" and service tags as written. */
  readonly prefixes: readonly string[];
  /** Application security group ids, lower-case. */
  readonly asgs: readonly string[];
}

export interface AzureRule {
  readonly name: string;
  readonly nsg: string;
  readonly direction: "Inbound" | "Outbound";
  readonly access: "Allow" | "Deny";
  readonly priority: number;
  /** IANA number or -1; Icmp matches ICMP and ICMPv6. */
  readonly protocol: number;
  readonly ports?: readonly { readonly from: number; readonly to: number }[];
  readonly source: AzureSideSpec;
  readonly destination: AzureSideSpec;
}

const AZURE_LOAD_BALANCER = addressRange("168.63.129.16/32")!;

function side(f: Readonly<Record<string, unknown>>, prefix: "source" | "destination"): AzureSideSpec {
  const single = str(f[`${prefix}AddressPrefix`]);
  const prefixes = [...(single ? [single] : []), ...strings(f[`${prefix}AddressPrefixes`])];
  const asgs = list(f[`${prefix}ApplicationSecurityGroups`]).flatMap((a) => (str(obj(a).id) ? [str(obj(a).id)!.toLowerCase()] : []));
  return { prefixes, asgs };
}

/** A rule's fields in either spelling: Pulumi inputs, or `az network nsg show` (fields under `properties`, or flattened). */
export function azureRuleFromFields(name: string, nsg: string, fields: Readonly<Record<string, unknown>>): AzureRule | undefined {
  const f = { ...fields, ...obj(fields.properties) };
  const protocol = protocolNumber(f.protocol);
  if (protocol === undefined) return undefined;
  const single = str(f.destinationPortRange);
  const portTexts = [...(single ? [single] : []), ...strings(f.destinationPortRanges)];
  const ports = parsePortTexts(portTexts);
  return {
    name,
    nsg: nsg.toLowerCase(),
    direction: str(f.direction)?.toLowerCase() === "outbound" ? "Outbound" : "Inbound",
    access: str(f.access)?.toLowerCase() === "deny" ? "Deny" : "Allow",
    priority: num(f.priority) ?? 4096,
    protocol,
    ...(ports ? { ports } : {}),
    source: side(f, "source"),
    destination: side(f, "destination"),
  };
}

function lastSegment(id: string): string {
  return id.split("/").filter(Boolean).pop()?.toLowerCase() ?? "";
}

export function azureRules(resources: readonly CloudResource[]): AzureRule[] {
  const rules: AzureRule[] = [];
  for (const r of ofType(resources, "azure-native:network:SecurityRule")) {
    const rule = azureRuleFromFields(str(r.inputs.securityRuleName) ?? r.name, str(r.inputs.networkSecurityGroupName) ?? "", r.inputs);
    if (rule) rules.push(rule);
  }
  for (const r of ofType(resources, "azure-native:network:NetworkSecurityGroup")) {
    const nsg = r.id ? lastSegment(r.id) : (str(r.inputs.networkSecurityGroupName) ?? r.name);
    for (const inline of list(r.inputs.securityRules).map(obj)) {
      const rule = azureRuleFromFields(str(inline.name) ?? `${r.name} rule`, nsg, inline);
      if (rule) rules.push(rule);
    }
  }
  return rules;
}

/** Azure's default rules, after every rule of an NSG. */
function defaultRule(name: string, direction: AzureRule["direction"], access: AzureRule["access"], priority: number, from: string, to: string): Omit<AzureRule, "nsg"> {
  return { name, direction, access, priority, protocol: -1, source: { prefixes: [from], asgs: [] }, destination: { prefixes: [to], asgs: [] } };
}

export const DEFAULT_RULES: readonly Omit<AzureRule, "nsg">[] = [
  defaultRule("AllowVnetInBound", "Inbound", "Allow", 65000, "VirtualNetwork", "VirtualNetwork"),
  defaultRule("AllowAzureLoadBalancerInBound", "Inbound", "Allow", 65001, "AzureLoadBalancer", "*"),
  defaultRule("DenyAllInBound", "Inbound", "Deny", 65500, "*", "*"),
  defaultRule("AllowVnetOutBound", "Outbound", "Allow", 65000, "VirtualNetwork", "VirtualNetwork"),
  defaultRule("AllowInternetOutBound", "Outbound", "Allow", 65001, "*", "Internet"),
  defaultRule("DenyAllOutBound", "Outbound", "Deny", 65500, "*", "*"),
];

interface Network {
  /** The virtual network's address space; empty when the resources do not say. */
  readonly vnet: readonly AddressRange[];
}

/** Scale sets, NICs and VMs' NICs: ASGs from IP configurations, NSGs from subnets and NICs. */
export function azureMachines(resources: readonly CloudResource[]): Machine[] {
  const subnets = new Map<string, { ranges: AddressRange[]; nsg?: string }>();
  const addSubnet = (id: string, f: Readonly<Record<string, unknown>>) => {
    const texts = [str(f.addressPrefix), ...strings(f.addressPrefixes)].filter((t): t is string => !!t);
    const nsg = str(obj(f.networkSecurityGroup).id);
    subnets.set(id.toLowerCase(), { ranges: texts.flatMap((t) => (addressRange(t) ? [addressRange(t)!] : [])), ...(nsg ? { nsg: lastSegment(nsg) } : {}) });
  };
  for (const subnet of ofType(resources, "azure-native:network:Subnet")) if (subnet.id) addSubnet(subnet.id, subnet.inputs);
  const machines: Machine[] = [];
  const nicMachine = (label: string, name: string, group: string | undefined, nics: readonly Readonly<Record<string, unknown>>[]) => {
    const asgs = new Set<string>();
    const nsgs = new Set<string>();
    const addresses: AddressRange[] = [];
    for (const nic of nics) {
      const n = { ...nic, ...obj(nic.properties) };
      const nicNsg = str(obj(n.networkSecurityGroup).id);
      if (nicNsg) nsgs.add(lastSegment(nicNsg));
      for (const config of list(n.ipConfigurations).map((c) => ({ ...obj(c), ...obj(obj(c).properties) }))) {
        for (const asg of list(config.applicationSecurityGroups)) if (str(obj(asg).id)) asgs.add(str(obj(asg).id)!.toLowerCase());
        const subnet = subnets.get((str(obj(config.subnet).id) ?? "").toLowerCase());
        if (subnet?.nsg) nsgs.add(subnet.nsg);
        addresses.push(...(subnet?.ranges ?? []));
      }
    }
    machines.push({ label, name, group, identities: [...asgs], addresses, nsgs: [...nsgs] });
  };
  for (const set of ofType(resources, "azure-native:compute:VirtualMachineScaleSet")) {
    const nics = list(obj(obj(set.inputs.virtualMachineProfile).networkProfile).networkInterfaceConfigurations).map(obj);
    nicMachine(`VirtualMachineScaleSet ${set.name}`, set.name, groupTag(set.inputs), nics);
  }
  for (const nic of ofType(resources, "azure-native:network:NetworkInterface")) {
    nicMachine(`NetworkInterface ${nic.name}`, nic.name, groupTag(nic.inputs), [nic.inputs]);
  }
  return machines;
}

function groupTag(inputs: Readonly<Record<string, unknown>>): string | undefined {
  const tags = obj(inputs.tags);
  return str(tags["kubeports-group"]) ?? str(tags["kubeports:group"]);
}

function vnetRanges(resources: readonly CloudResource[]): AddressRange[] {
  return ofType(resources, "azure-native:network:VirtualNetwork").flatMap((vnet) =>
    strings(obj(vnet.inputs.addressSpace).addressPrefixes).flatMap((t) => (addressRange(t) ? [addressRange(t)!] : [])),
  );
}

function protocolMatches(rule: Omit<AzureRule, "nsg">, packet: Packet): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol === ICMP) return packet.protocol === ICMP || packet.protocol === ICMPV6;
  return rule.protocol === packet.protocol && inPorts(rule.ports, packet.port);
}

export class AzureFirewall implements CloudFirewall {
  readonly cloud = "azure" as const;
  readonly rules: readonly AzureRule[];
  readonly machines: readonly Machine[];
  private readonly network: Network;

  constructor(resources: readonly CloudResource[], machines: readonly Machine[] = azureMachines(resources), vnet: readonly AddressRange[] = vnetRanges(resources)) {
    this.rules = azureRules(resources);
    this.machines = machines;
    this.network = { vnet };
    const ports = this.rules.flatMap((rule) => (rule.ports ?? []).flatMap((p) => [p.from, p.to + 1]));
    const ranges = [
      ...vnet,
      AZURE_LOAD_BALANCER,
      ...this.rules.flatMap((rule) => [...rule.source.prefixes, ...rule.destination.prefixes].flatMap((t) => (addressRange(t) ? [addressRange(t)!] : []))),
    ];
    this.cuts = { ports, ranges, protocols: [...new Set(this.rules.map((rule) => rule.protocol).filter((p) => p >= 0))] };
  }

  private rulesOf(nsg: string, direction: "Inbound" | "Outbound"): readonly Omit<AzureRule, "nsg">[] {
    const key = `${nsg} ${direction}`;
    let ordered = this.ordered.get(key);
    if (!ordered) {
      const own = this.rules.filter((rule) => rule.nsg === nsg && rule.direction === direction).sort((a, b) => a.priority - b.priority);
      ordered = [...own, ...DEFAULT_RULES.filter((rule) => rule.direction === direction)];
      this.ordered.set(key, ordered);
    }
    return ordered;
  }

  readonly cuts: CloudFirewall["cuts"];
  /** Per NSG and direction: its rules by priority, then Azure's defaults. */
  private readonly ordered = new Map<string, readonly Omit<AzureRule, "nsg">[]>();

  /** Whether one side of a rule holds the packet's source or its target machine. */
  private sideMatches(spec: AzureSideSpec, who: PacketSource, family: Packet["family"], mode: "allow" | "deny"): boolean {
    if (who.kind === "machine" && spec.asgs.some((asg) => who.machine.identities.includes(asg))) return true;
    const inVnet = (m: "allow" | "deny") => (who.kind === "machine" ? true : this.network.vnet.length === 0 ? m === "deny" : rangesMatch(this.network.vnet, who, family, m));
    return spec.prefixes.some((prefix) => {
      const word = prefix.trim().toLowerCase();
      if (word === "*" || word === "any") return true;
      if (word === "virtualnetwork") return inVnet(mode);
      if (word === "internet") return who.kind === "address" && (mode === "deny" ? !inVnet("allow") : !inVnet("deny"));
      if (word === "azureloadbalancer") return who.kind === "address" && rangesMatch([AZURE_LOAD_BALANCER], who, family, mode);
      const range = addressRange(prefix);
      // Other service tags (Storage, AzureCloud...) hold no cluster machine; an outside address may be in one.
      if (!range) return who.kind === "address" && mode === "deny";
      return rangesMatch([range], who, family, mode);
    });
  }

  private evaluate(nsg: string, direction: "Inbound" | "Outbound", packet: Packet): { allowed: boolean; rule: string } {
    const target: PacketSource = { kind: "machine", machine: packet.target };
    for (const rule of this.rulesOf(nsg, direction)) {
      const mode = rule.access === "Deny" ? "deny" : "allow";
      if (!protocolMatches(rule, packet)) continue;
      if (!this.sideMatches(rule.source, packet.source, packet.family, mode) || !this.sideMatches(rule.destination, target, packet.family, mode)) continue;
      return { allowed: rule.access === "Allow", rule: `${rule.name} (${nsg} ${direction} ${rule.access}, priority ${rule.priority})` };
    }
    return { allowed: false, rule: "no rule" };
  }

  decide(packet: Packet): Decision {
    const rules: string[] = [];
    if (packet.source.kind === "machine") {
      for (const nsg of packet.source.machine.nsgs ?? []) {
        const out = this.evaluate(nsg, "Outbound", packet);
        if (!out.allowed) return { allowed: false, rules, blocked: `outbound from ${sourceText(packet)} stopped by ${out.rule}` };
        rules.push(out.rule);
      }
    }
    for (const nsg of packet.target.nsgs ?? []) {
      const into = this.evaluate(nsg, "Inbound", packet);
      if (!into.allowed) return { allowed: false, rules, blocked: `inbound to ${packet.target.label} stopped by ${into.rule}` };
      rules.push(into.rule);
    }
    if (rules.length === 0) rules.push("no NSG on either machine (Azure allows all)");
    return { allowed: true, rules };
  }

  get grants(): Grant[] {
    return this.rules
      .filter((rule) => rule.direction === "Inbound" && rule.access === "Allow")
      .map((rule) => ({
        rule: rule.name,
        targets: this.machines.filter((m) => (m.nsgs ?? []).includes(rule.nsg) && this.sideMatches(rule.destination, { kind: "machine", machine: m }, "ipv4", "allow")),
        protocol: rule.protocol,
        ...(rule.ports ? { ports: rule.ports } : {}),
        ranges: rule.source.prefixes.flatMap((p) => {
          const word = p.trim().toLowerCase();
          if (word === "*" || word === "any" || word === "internet") return [addressRange("0.0.0.0/0")!, addressRange("::/0")!];
          return addressRange(p) ? [addressRange(p)!] : [];
        }),
        machines: this.machines.filter((m) => rule.source.asgs.some((a) => m.identities.includes(a))),
      }));
  }
}
