/**
 * Exact merging: flows to the same peer with the same protocol (and ICMP match) are merged
 * where their port ranges overlap or touch, and nowhere else. The set of allowed
 * (peer, protocol, port) triples is unchanged; only the number of rules shrinks.
 */
import type { Flow, FlowPeer, Reason } from "../model/plan";
import { comparePortRanges, formatPortRange, type PortRange } from "../model/ports";
import { PROTOCOLS } from "../model/protocol";
import { peerKey, type RawFlow } from "./rawFlow";

function icmpKey(flow: Pick<RawFlow, "icmp">): string {
  return flow.icmp ? `icmp-${flow.icmp.type}-${flow.icmp.code ?? "any"}` : "";
}

export function flowKey(direction: "ingress" | "egress", flow: Pick<Flow, "protocol" | "ports" | "icmp">, peer: string): string {
  const what = flow.ports ? formatPortRange(flow.ports) : icmpKey(flow) || "any";
  return `${direction === "ingress" ? "in" : "out"}:${flow.protocol}:${what}:${peer}`;
}

function compareReasons(a: Reason, b: Reason): number {
  return a.profile.localeCompare(b.profile) || a.row.localeCompare(b.row);
}

function uniqueReasons(reasons: readonly Reason[]): Reason[] {
  const byKey = new Map(reasons.map((reason) => [`${reason.profile}/${reason.row}`, reason]));
  return [...byKey.values()].sort(compareReasons);
}

function toFlowPeer(raw: RawFlow["peer"], names: readonly string[]): FlowPeer {
  if (raw.kind !== "cidr") return raw;
  return { kind: "cidr", cidr: raw.cidr, family: raw.family, peers: [...new Set(names)].sort(), world: raw.world };
}

const PEER_ORDER = { group: 0, cidr: 1, host: 2 } as const;

/** Port order first so a group's flows read like the vendor tables. */
export function compareFlows(a: Flow, b: Flow): number {
  return (
    (a.ports?.from ?? 0) - (b.ports?.from ?? 0) ||
    (a.ports?.to ?? 0) - (b.ports?.to ?? 0) ||
    PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
    (a.icmp?.type ?? -1) - (b.icmp?.type ?? -1) ||
    (a.icmp?.code ?? -1) - (b.icmp?.code ?? -1) ||
    PEER_ORDER[a.peer.kind] - PEER_ORDER[b.peer.kind] ||
    a.key.localeCompare(b.key)
  );
}

/** Merges one group's raw flows in one direction into minimal, sorted flows. */
export function mergeFlows(direction: "ingress" | "egress", raw: readonly RawFlow[]): Flow[] {
  const buckets = new Map<string, RawFlow[]>();
  for (const flow of raw) {
    const bucket = `${peerKey(flow.peer)}|${flow.protocol}|${icmpKey(flow)}`;
    const list = buckets.get(bucket) ?? [];
    list.push(flow);
    buckets.set(bucket, list);
  }
  const flows: Flow[] = [];
  for (const list of buckets.values()) {
    const first = list[0]!;
    const key = peerKey(first.peer);
    if (!first.ports) {
      flows.push(build(direction, first, undefined, list, key));
      continue;
    }
    const sorted = [...list].sort((a, b) => comparePortRanges(a.ports!, b.ports!));
    let run: RawFlow[] = [];
    let range: PortRange | undefined;
    for (const flow of sorted) {
      const ports = flow.ports!;
      if (range && ports.from <= range.to + 1) {
        range = { from: range.from, to: Math.max(range.to, ports.to) };
        run.push(flow);
      } else {
        if (range) flows.push(build(direction, first, range, run, key));
        range = { from: ports.from, to: ports.to };
        run = [flow];
      }
    }
    if (range) flows.push(build(direction, first, range, run, key));
  }
  return flows.sort(compareFlows);
}

function build(direction: "ingress" | "egress", first: RawFlow, ports: PortRange | undefined, run: readonly RawFlow[], key: string): Flow {
  const names = run.flatMap((flow) => (flow.peer.kind === "cidr" ? [flow.peer.name] : []));
  const base = { protocol: first.protocol, ...(ports ? { ports } : {}), ...(first.icmp ? { icmp: first.icmp } : {}) };
  return {
    key: flowKey(direction, base, key),
    ...base,
    peer: toFlowPeer(first.peer, names),
    reasons: uniqueReasons(run.map((flow) => flow.reason)),
  };
}
