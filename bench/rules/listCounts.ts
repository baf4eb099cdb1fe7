/**
 * Rule counts for the clouds whose rules take lists (GCP, Azure), computed here from the plan or
 * the raw per-row flows, never from a translator's output:
 *
 * - achievable: the smaller of two exact packings. Every (group, other end, protocol, port) the
 *   plan asks for is cut into pieces at every port boundary. (1) Both sides listed: pieces
 *   wanted by exactly the same set of (group, other end) pairs form one class; within a class,
 *   the groups that want a piece from the same set of other ends share one rule ("these groups
 *   x these ends x these pieces"). (2) One group per rule: per group, pieces wanted by the same
 *   set of other ends share one rule. At most 10 identities per side. Each rule allows only
 *   what the plan asks for, so the count is achievable; it is not a proven minimum (a minimum
 *   cover by such products is NP-hard). kubeports' GCP translator uses (2), which keeps a
 *   one-port edit to at most two rules; the Azure translator packs less (classes of node groups
 *   by standing rows, CIDRs one per rule) because a rule named after its source set would be
 *   re-created, on a priority the old rule may still hold, whenever a group or CIDR joins.
 * - naive with lists: what a competent user writes from the vendor tables: one rule per table
 *   row, with lists where the cloud has them: per row and direction, the target groups that
 *   receive the row from the same set of sources share one rule listing those sources; split
 *   only where the cloud forces it (tags vs ranges, one address family per rule, and on Azure
 *   one protocol per rule).
 */
import type { RawFlow } from "../../components/compiler/rawFlow";
import { gcpProtocols } from "../../components/gcp/gcpAllows";
import type { Plan } from "../../components/model/plan";
import { MAX_PORT, MIN_PORT, compactPortRanges, type PortRange } from "../../components/model/ports";
import { hasPorts, type Protocol } from "../../components/model/protocol";
import type { Mode } from "./ruleBounds";

export type ListCloud = "gcp" | "azure";

/** One (group, other end, protocol, ports) a rule must allow; `row` names the table row behind it. */
interface Wanted {
  readonly direction: "in" | "out";
  /** "groups", "ipv4" or "ipv6": what one rule side may hold. */
  readonly kind: string;
  readonly group: string;
  readonly end: string;
  readonly protocol: string;
  readonly ports?: PortRange;
  readonly row: string;
}

const PER_SIDE = 10;
const AZURE: Partial<Record<Protocol, string>> = { tcp: "Tcp", udp: "Udp", icmp: "Icmp", esp: "Esp", all: "*" };

interface FlowLike {
  readonly group: string;
  readonly direction: "ingress" | "egress";
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly peer: RawFlow["peer"] | Plan["groups"][number]["ingress"][number]["peer"];
  readonly row: string;
}

function wanted(flows: readonly FlowLike[], cloud: ListCloud, mode: Mode, dual: boolean): Wanted[] {
  const out: Wanted[] = [];
  for (const flow of flows) {
    if (flow.peer.kind === "host") continue;
    if (flow.direction === "egress" && !mode.restrictEgress) continue;
    const direction = flow.direction === "ingress" ? "in" : "out";
    const kind = flow.peer.kind === "group" ? "groups" : flow.peer.family;
    // GCP egress names node groups by address range only: all group destinations are one end.
    const end = flow.peer.kind === "group" ? (cloud === "gcp" && direction === "out" ? "nodes" : flow.peer.group) : flow.peer.cidr;
    const protocols = cloud === "gcp" ? gcpProtocols(flow.protocol, kind === "groups" ? "groups" : (kind as "ipv4" | "ipv6"), dual) : [AZURE[flow.protocol]].filter((p): p is string => p !== undefined);
    const ported = (protocol: string) => protocol === "tcp" || protocol === "udp" || protocol === "Tcp" || protocol === "Udp";
    for (const protocol of protocols) {
      const ports = ported(protocol) ? (hasPorts(flow.protocol) && flow.ports ? flow.ports : { from: MIN_PORT, to: MAX_PORT }) : undefined;
      out.push({ direction, kind: cloud === "gcp" && direction === "out" && kind === "groups" ? "ipv4" : kind, group: flow.group, end, protocol, ...(ports ? { ports } : {}), row: flow.row });
    }
  }
  return out;
}

function chunks(count: number, limited: boolean): number {
  return limited ? Math.ceil(count / PER_SIDE) : 1;
}

/** Rules for one class of pieces: groups with the same set of ends share a rule. */
function productRules(pairs: Iterable<readonly [string, string]>, kind: string): number {
  const endsOf = new Map<string, Set<string>>();
  for (const [group, end] of pairs) endsOf.set(group, (endsOf.get(group) ?? new Set<string>()).add(end));
  const byEnds = new Map<string, { groups: number; ends: number }>();
  for (const ends of endsOf.values()) {
    const key = [...ends].sort().join("\n");
    const entry = byEnds.get(key) ?? { groups: 0, ends: ends.size };
    entry.groups++;
    byEnds.set(key, entry);
  }
  let rules = 0;
  for (const { groups, ends } of byEnds.values()) rules += chunks(groups, true) * chunks(ends, kind === "groups");
  return rules;
}

/** Port pieces of one protocol, each with the sorted pairs that want it. */
function pieces(list: readonly Wanted[]): string[] {
  const events: { at: number; pair: string; delta: 1 | -1 }[] = [];
  const portless = new Set<string>();
  const rangesOf = new Map<string, PortRange[]>();
  for (const w of list) {
    const pair = `${w.group}\u0000${w.end}`;
    if (!w.ports) portless.add(pair);
    else rangesOf.set(pair, [...(rangesOf.get(pair) ?? []), w.ports]);
  }
  const out: string[] = [];
  if (portless.size > 0) out.push([...portless].sort().join("\u0001"));
  for (const [pair, ranges] of rangesOf) for (const r of compactPortRanges(ranges)) events.push({ at: r.from, pair, delta: 1 }, { at: r.to + 1, pair, delta: -1 });
  events.sort((a, b) => a.at - b.at);
  const open = new Set<string>();
  for (let i = 0; i < events.length; ) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) events[i]!.delta === 1 ? open.add(events[i]!.pair) : open.delete(events[i]!.pair);
    if (open.size > 0 && i < events.length) out.push([...open].sort().join("\u0001"));
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** The achievable count from a compiled plan (flow rules only; the caller adds fixed rules). */
export function achievableFlowRules(plan: Plan, cloud: ListCloud, mode: Mode): number {
  const flows: FlowLike[] = plan.groups.flatMap((group) =>
    (["ingress", "egress"] as const).flatMap((direction) => group[direction].map((flow) => ({ ...flow, group: group.name, direction, row: "" }))),
  );
  const all = wanted(flows, cloud, mode, plan.options.ipv6);
  return Math.min(packedRules(all, cloud, false), packedRules(all, cloud, true));
}

function packedRules(all: readonly Wanted[], cloud: ListCloud, perGroup: boolean): number {
  const classes = new Set<string>();
  // Azure rules carry one protocol; a GCP rule carries several, so GCP classes span protocols.
  for (const [side, list] of groupBy(all, (w) => `${w.direction}|${w.kind}|${w.protocol}|${perGroup ? w.group : ""}`)) {
    const [direction, kind, protocol, group] = side.split("|");
    for (const relation of pieces(list)) classes.add(`${direction}|${kind}|${cloud === "azure" ? protocol : ""}|${group}|${relation}`);
  }
  let rules = 0;
  for (const key of classes) {
    const [, kind, , , relation] = key.split("|");
    rules += productRules(relation!.split("\u0001").map((pair) => pair.split("\u0000") as [string, string]), kind!);
  }
  return rules;
}

/** The naive count with lists from the raw per-row flows (flow rules only). */
export function rowListFlowRules(raw: readonly RawFlow[], cloud: ListCloud, mode: Mode, dual: boolean): number {
  const flows: FlowLike[] = raw.map((flow) => ({ ...flow, row: `${flow.reason.profile}/${flow.reason.row}` }));
  let rules = 0;
  for (const [key, list] of groupBy(wanted(flows, cloud, mode, dual), (w) => `${w.row}|${w.direction}|${w.kind}|${cloud === "azure" ? w.protocol : ""}`)) {
    const kind = key.split("|")[2]!;
    rules += productRules(new Map(list.map((w) => [`${w.group}\u0000${w.end}`, [w.group, w.end] as const])).values(), kind);
  }
  return rules;
}
