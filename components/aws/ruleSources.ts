/**
 * One group's flows in one direction -> rules with exactly one AWS source each: a security
 * group reference, one CIDR, or one managed prefix list. A prefix list replaces a peer's
 * per-CIDR rules only for the ports every one of that peer's CIDRs is granted in the peer's
 * name, and a CIDR keeps a rule for whatever the prefix lists do not cover, so the allowed
 * (address, protocol, port) set is exactly the plan's, assuming the list holds the peer's CIDRs.
 */
import type { Flow, Reason } from "../model/plan";
import type { PortRange } from "../model/ports";
import { hasPorts, type IcmpMatch, type Protocol } from "../model/protocol";
import { intersect, overlaps, subtract, union } from "../model/portSets";

/** The one source (ingress) or destination (egress) of an AWS rule. */
export type RuleSource =
  | {
      /** A node group's security group (the rule's own group: a self reference). */
      readonly kind: "group";
      /** The node group. */
      readonly group: string;
    }
  | {
      /** One CIDR. */
      readonly kind: "cidr";
      /** Canonical CIDR. */
      readonly cidr: string;
      /** Its family. */
      readonly family: "ipv4" | "ipv6";
      /** 0.0.0.0/0 or ::/0. */
      readonly world: boolean;
      /** The peers it belongs to. */
      readonly peers: readonly string[];
    }
  | {
      /** A managed prefix list standing for a peer's CIDRs. */
      readonly kind: "prefixList";
      /** The peer. */
      readonly peer: string;
      /** The list's family. */
      readonly family: "ipv4" | "ipv6";
      /** Its entries (each counts toward the rules quota). */
      readonly entries: number;
    };

/** A rule before AWS spelling: one protocol, one range (or none), one source. */
export interface SourcedRule {
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
  readonly source: RuleSource;
  readonly reasons: readonly Reason[];
  /** Plan flow keys the rule carries (all or part of). */
  readonly flows: readonly string[];
}

/** A peer whose CIDRs a managed prefix list holds. */
export interface PrefixListPeer {
  readonly name: string;
  readonly cidrs: readonly string[];
  readonly family: "ipv4" | "ipv6";
}

type CidrFlow = Flow & { readonly peer: Extract<Flow["peer"], { kind: "cidr" }> };

/** Every port for a tcp/udp flow without ports; a single marker for port-less protocols. */
const ALL_PORTS: PortRange = { from: 0, to: 65535 };
const NO_PORTS: PortRange = { from: 0, to: 0 };

function rangeOf(flow: Flow): PortRange {
  if (!hasPorts(flow.protocol)) return NO_PORTS;
  return flow.ports ?? ALL_PORTS;
}

function mergeReasons(flows: readonly Flow[]): Reason[] {
  const byKey = new Map(flows.flatMap((flow) => flow.reasons).map((reason) => [`${reason.profile}/${reason.row}`, reason]));
  return [...byKey.values()].sort((a, b) => a.profile.localeCompare(b.profile) || a.row.localeCompare(b.row));
}

function rule(sample: Flow, range: PortRange, source: RuleSource, contributors: readonly Flow[]): SourcedRule {
  const within = contributors.filter((flow) => overlaps(rangeOf(flow), range));
  return {
    protocol: sample.protocol,
    ...(hasPorts(sample.protocol) ? { ports: range } : {}),
    ...(sample.icmp ? { icmp: sample.icmp } : {}),
    source,
    reasons: mergeReasons(within),
    flows: [...new Set(within.map((flow) => flow.key))],
  };
}

function bucketKey(flow: Flow): string {
  return `${flow.protocol}|${flow.icmp ? `${flow.icmp.type}/${flow.icmp.code ?? "any"}` : ""}`;
}

export function sourcedRules(flows: readonly Flow[], prefixLists: readonly PrefixListPeer[]): SourcedRule[] {
  const out: SourcedRule[] = [];
  for (const flow of flows) {
    if (flow.peer.kind !== "group") continue;
    out.push({
      protocol: flow.protocol,
      ...(flow.ports ? { ports: flow.ports } : {}),
      ...(flow.icmp ? { icmp: flow.icmp } : {}),
      source: { kind: "group", group: flow.peer.group },
      reasons: flow.reasons,
      flows: [flow.key],
    });
  }

  const buckets = new Map<string, CidrFlow[]>();
  for (const flow of flows) {
    if (flow.peer.kind !== "cidr") continue;
    const list = buckets.get(bucketKey(flow)) ?? [];
    list.push(flow as CidrFlow);
    buckets.set(bucketKey(flow), list);
  }
  for (const bucket of buckets.values()) out.push(...bucketRules(bucket, prefixLists));
  return out;
}

/** Rules for one protocol (and ICMP match) across all CIDR peers of one group and direction. */
function bucketRules(bucket: readonly CidrFlow[], prefixLists: readonly PrefixListPeer[]): SourcedRule[] {
  const out: SourcedRule[] = [];
  const sample = bucket[0]!;
  const byCidr = new Map<string, CidrFlow[]>();
  for (const flow of bucket) byCidr.set(flow.peer.cidr, [...(byCidr.get(flow.peer.cidr) ?? []), flow]);
  const covered = new Map<string, PortRange[]>();

  for (const list of prefixLists) {
    const inPeersName = (cidr: string) => (byCidr.get(cidr) ?? []).filter((flow) => flow.peer.peers.includes(list.name));
    const perCidr = list.cidrs.map((cidr) => union(inPeersName(cidr).map(rangeOf)));
    const common = perCidr.reduce((acc, ranges) => intersect(acc, ranges));
    if (common.length === 0) continue;
    const contributors = list.cidrs.flatMap(inPeersName);
    for (const range of common) {
      out.push(rule(sample, range, { kind: "prefixList", peer: list.name, family: list.family, entries: list.cidrs.length }, contributors));
    }
    for (const cidr of list.cidrs) covered.set(cidr, union([...(covered.get(cidr) ?? []), ...common]));
  }

  for (const [cidr, cidrFlows] of byCidr) {
    const left = subtract(union(cidrFlows.map(rangeOf)), covered.get(cidr) ?? []);
    const first = cidrFlows[0]!.peer;
    const peers = [...new Set(cidrFlows.flatMap((flow) => flow.peer.peers))].sort();
    for (const range of left) {
      out.push(rule(sample, range, { kind: "cidr", cidr, family: first.family, world: first.world, peers }, cidrFlows));
    }
  }
  return out;
}
