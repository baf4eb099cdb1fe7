/**
 * GCP VPC firewall rules as GCP evaluates them: a rule applies to instances by target network
 * tags or target service accounts (no target: every instance); rules are tried by priority, a
 * deny before an allow at the same priority, and the first match decides; then rules of a
 * network firewall policy (evaluated after the VPC rules, GCP's default order); then the
 * implied rules: allow all egress, deny all ingress (priority 65535). A packet passes when the
 * source's egress and the target's ingress both allow it. Sources match by sourceRanges OR
 * sourceTags OR sourceServiceAccounts; an ingress rule with none of them admits 0.0.0.0/0.
 * List-valued fields (several tags, accounts, ranges, ports) are read whole.
 */
import { type AddressRange, addressRange } from "./addressRange";
import { type CloudFirewall, type Decision, type Grant, inPorts, type Machine, type Packet, parsePortTexts, rangesMatch, sourceText } from "./cloudFirewall";
import { type CloudResource, list, num, obj, ofType, str, strings } from "./cloudResource";
import { protocolNumber, TCP, UDP } from "./protocolNumbers";

export interface GcpEntry {
  readonly protocol: number;
  readonly ports?: readonly { readonly from: number; readonly to: number }[];
}

export interface GcpRule {
  readonly name: string;
  readonly layer: "vpc" | "policy";
  readonly direction: "INGRESS" | "EGRESS";
  readonly action: "allow" | "deny" | "goto_next";
  readonly priority: number;
  readonly entries: readonly GcpEntry[];
  readonly targetTags: readonly string[];
  readonly targetServiceAccounts: readonly string[];
  readonly sourceRanges: readonly AddressRange[];
  readonly sourceTags: readonly string[];
  readonly sourceServiceAccounts: readonly string[];
  /** Explicitly given source fields (an ingress rule with none admits every address). */
  readonly hasSource: boolean;
  readonly destinationRanges: readonly AddressRange[];
}

const IMPLIED_RANGES = ["0.0.0.0/0", "::/0"].map((text) => addressRange(text)!);

function ranges(texts: readonly string[]): AddressRange[] {
  return texts.flatMap((text) => {
    const range = addressRange(text);
    return range ? [range] : [];
  });
}

function entries(value: unknown): GcpEntry[] {
  return list(value).flatMap((item) => {
    const entry = obj(item);
    const protocol = protocolNumber(entry.protocol ?? entry.IPProtocol ?? entry.ipProtocol);
    if (protocol === undefined) return [];
    const ports = protocol === TCP || protocol === UDP || protocol === 132 ? parsePortTexts(strings(entry.ports)) : undefined;
    return [{ protocol, ...(ports ? { ports } : {}) }];
  });
}

/** A firewall's fields in either spelling: Pulumi inputs (allows, denies) or the API / gcloud JSON (allowed, denied). */
export function gcpRuleFromFields(name: string, f: Readonly<Record<string, unknown>>): GcpRule | undefined {
  if (f.disabled === true) return undefined;
  const denied = f.denies ?? f.denied;
  const sourceFields = [strings(f.sourceRanges), strings(f.sourceTags), strings(f.sourceServiceAccounts)];
  return {
    name,
    layer: "vpc",
    direction: str(f.direction)?.toUpperCase() === "EGRESS" ? "EGRESS" : "INGRESS",
    action: denied !== undefined && list(denied).length > 0 ? "deny" : "allow",
    priority: num(f.priority) ?? 1000,
    entries: entries(denied !== undefined && list(denied).length > 0 ? denied : (f.allows ?? f.allowed)),
    targetTags: strings(f.targetTags),
    targetServiceAccounts: strings(f.targetServiceAccounts).map((a) => a.toLowerCase()),
    sourceRanges: ranges(strings(f.sourceRanges)),
    sourceTags: strings(f.sourceTags),
    sourceServiceAccounts: strings(f.sourceServiceAccounts).map((a) => a.toLowerCase()),
    hasSource: sourceFields.some((field) => field.length > 0),
    destinationRanges: ranges(strings(f.destinationRanges)),
  };
}

export function gcpRules(resources: readonly CloudResource[]): GcpRule[] {
  const rules = ofType(resources, "gcp:compute/firewall:Firewall").flatMap((r) => {
    const rule = gcpRuleFromFields(str(r.inputs.name) ?? r.name, r.inputs);
    return rule ? [rule] : [];
  });
  for (const r of ofType(resources, "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule")) {
    const i = r.inputs;
    if (i.disabled === true) continue;
    const match = obj(i.match);
    const source = ranges(strings(match.srcIpRanges));
    rules.push({
      name: str(i.ruleName) ?? r.name,
      layer: "policy",
      direction: str(i.direction)?.toUpperCase() === "EGRESS" ? "EGRESS" : "INGRESS",
      action: i.action === "deny" ? "deny" : i.action === "goto_next" ? "goto_next" : "allow",
      priority: num(i.priority) ?? 1000,
      entries: entries(list(match.layer4Configs).map((c) => ({ protocol: obj(c).ipProtocol, ports: obj(c).ports }))),
      targetTags: [],
      targetServiceAccounts: strings(i.targetServiceAccounts).map((a) => a.toLowerCase()),
      sourceRanges: source,
      sourceTags: [],
      sourceServiceAccounts: [],
      hasSource: source.length > 0,
      // A rule matching only host names cannot reach a cluster machine.
      destinationRanges: ranges(strings(match.destIpRanges)),
    });
  }
  return rules;
}

function normalizeLink(text: string): string {
  return text.replace(/^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta)\//, "").replace(/\?.*$/, "").toLowerCase();
}

/** Identities of a GCP machine: "tag:<tag>" and "sa:<email>". */
export function gcpIdentities(tags: readonly string[], accounts: readonly string[]): string[] {
  return [...tags.map((tag) => `tag:${tag}`), ...accounts.map((account) => `sa:${account.toLowerCase()}`)];
}

/** Instance templates and instances: their network tags, service account and subnetworks' ranges. */
export function gcpMachines(resources: readonly CloudResource[]): Machine[] {
  const subnets = new Map<string, AddressRange[]>();
  for (const subnet of ofType(resources, "gcp:compute/subnetwork:Subnetwork")) {
    const range = addressRange(str(subnet.inputs.ipCidrRange) ?? "");
    if (subnet.id && range) subnets.set(normalizeLink(subnet.id), [range]);
  }
  return ofType(resources, "gcp:compute/instanceTemplate:InstanceTemplate", "gcp:compute/instance:Instance").map((resource) => {
    const i = resource.inputs;
    const accounts = [obj(i.serviceAccount), ...list(i.serviceAccounts).map(obj)].flatMap((account) => (str(account.email) ? [str(account.email)!] : []));
    const subnetLinks = list(i.networkInterfaces).flatMap((n) => (str(obj(n).subnetwork) ? [normalizeLink(str(obj(n).subnetwork)!)] : []));
    return {
      label: `${resource.type.split(":").pop()} ${resource.name}`,
      name: resource.name,
      group: str(obj(i.labels)["kubeports-group"]),
      identities: gcpIdentities(strings(i.tags), accounts),
      addresses: subnetLinks.flatMap((link) => subnets.get(link) ?? []),
    };
  });
}

function appliesTo(rule: GcpRule, machine: Machine): boolean {
  if (rule.targetTags.length === 0 && rule.targetServiceAccounts.length === 0) return true;
  return rule.targetTags.some((tag) => machine.identities.includes(`tag:${tag}`)) || rule.targetServiceAccounts.some((a) => machine.identities.includes(`sa:${a}`));
}

function protocolMatches(rule: GcpRule, packet: Packet): boolean {
  return rule.entries.some((entry) => entry.protocol === -1 || (entry.protocol === packet.protocol && inPorts(entry.ports, packet.port)));
}

function peerMatches(rule: GcpRule, packet: Packet): boolean {
  const mode = rule.action === "deny" ? "deny" : "allow";
  if (rule.direction === "EGRESS") {
    const destination = rule.destinationRanges.length > 0 ? rule.destinationRanges : IMPLIED_RANGES;
    return rangesMatch(destination, { kind: "machine", machine: packet.target }, packet.family, mode);
  }
  if (!rule.hasSource) return true;
  const source = packet.source;
  if (source.kind === "machine") {
    const byIdentity = rule.sourceTags.some((tag) => source.machine.identities.includes(`tag:${tag}`)) || rule.sourceServiceAccounts.some((a) => source.machine.identities.includes(`sa:${a}`));
    if (byIdentity) return true;
  }
  return rangesMatch(rule.sourceRanges, source, packet.family, mode);
}

const ORDER = (a: GcpRule, b: GcpRule) => a.priority - b.priority || (a.action === "deny" ? 0 : 1) - (b.action === "deny" ? 0 : 1);

export class GcpFirewall implements CloudFirewall {
  readonly cloud = "gcp" as const;
  readonly rules: readonly GcpRule[];
  readonly machines: readonly Machine[];

  constructor(resources: readonly CloudResource[], machines: readonly Machine[] = gcpMachines(resources)) {
    // Evaluation order once: by priority, a deny before an allow at the same priority.
    this.rules = gcpRules(resources).sort(ORDER);
    this.machines = machines;
    const ports = this.rules.flatMap((rule) => rule.entries.flatMap((entry) => (entry.ports ?? []).flatMap((p) => [p.from, p.to + 1])));
    const ranges = this.rules.flatMap((rule) => [...rule.sourceRanges, ...rule.destinationRanges]);
    this.cuts = { ports, ranges, protocols: [...new Set(this.rules.flatMap((rule) => rule.entries.map((entry) => entry.protocol)).filter((p) => p >= 0))] };
  }

  readonly cuts: CloudFirewall["cuts"];

  /** The first matching rule of one direction for `subject`, or GCP's implied rule. */
  private evaluate(direction: "INGRESS" | "EGRESS", subject: Machine, packet: Packet): { allowed: boolean; rule: string } {
    for (const layer of ["vpc", "policy"] as const) {
      const match = this.rules.find(
        (rule) => rule.layer === layer && rule.direction === direction && rule.action !== "goto_next" && appliesTo(rule, subject) && protocolMatches(rule, packet) && peerMatches(rule, packet),
      );
      if (match) return { allowed: match.action === "allow", rule: `${match.name} (${match.action}, priority ${match.priority})` };
    }
    return direction === "EGRESS" ? { allowed: true, rule: "implied allow egress (65535)" } : { allowed: false, rule: "implied deny ingress (65535)" };
  }

  decide(packet: Packet): Decision {
    const rules: string[] = [];
    if (packet.source.kind === "machine") {
      const out = this.evaluate("EGRESS", packet.source.machine, packet);
      if (!out.allowed) return { allowed: false, rules, blocked: `egress of ${sourceText(packet)} stopped by ${out.rule}` };
      rules.push(out.rule);
    }
    const into = this.evaluate("INGRESS", packet.target, packet);
    if (!into.allowed) return { allowed: false, rules, blocked: `ingress of ${packet.target.label} stopped by ${into.rule}` };
    rules.push(into.rule);
    return { allowed: true, rules };
  }

  get grants(): Grant[] {
    return this.rules
      .filter((rule) => rule.direction === "INGRESS" && rule.action === "allow")
      .flatMap((rule) =>
        rule.entries.map((entry) => ({
          rule: rule.name,
          targets: this.machines.filter((machine) => appliesTo(rule, machine)),
          protocol: entry.protocol,
          ...(entry.ports ? { ports: entry.ports } : {}),
          ranges: rule.hasSource ? rule.sourceRanges : IMPLIED_RANGES,
          machines: this.machines.filter(
            (m) => rule.sourceTags.some((tag) => m.identities.includes(`tag:${tag}`)) || rule.sourceServiceAccounts.some((a) => m.identities.includes(`sa:${a}`)),
          ),
        })),
      );
  }
}
