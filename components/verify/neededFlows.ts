/**
 * The flows a cluster needs, as verify checks them: every group->group and peer->group flow of
 * the plan (the vendor rows), plus the connectivity model's required flows, deduplicated, each
 * carrying every origin it came from.
 */
import type { RequiredFlow } from "../connectivity/requiredFlow";
import type { Plan } from "../model/plan";
import { formatPortRange, type PortRange } from "../model/ports";
import { hasPorts, type IcmpMatch, type Protocol } from "../model/protocol";

export type NeededSource =
  | { readonly kind: "group"; readonly group: string }
  | { readonly kind: "cidr"; readonly cidr: string; readonly family: "ipv4" | "ipv6"; readonly peers: readonly string[] }
  /** A model flow from a named peer the layout gives no CIDRs: nothing can be checked, so it counts as blocked. */
  | { readonly kind: "unresolved"; readonly peer: string };

export interface FlowOrigin {
  readonly kind: "vendor" | "model";
  /** "profile/row" for a vendor row, the requirement id for the model. */
  readonly id: string;
  readonly description: string;
  /** The document (vendor) or upstream page (model). */
  readonly source: string;
}

export interface NeededFlow {
  /** Content-derived: `<protocol>:<ports>:<source>-><target>`. */
  readonly key: string;
  readonly from: NeededSource;
  readonly to: string;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
  readonly origins: readonly FlowOrigin[];
}

export function sourceLabel(source: NeededSource): string {
  if (source.kind === "group") return source.group;
  if (source.kind === "cidr") return source.peers.length > 0 ? `${source.cidr} (${source.peers.join(", ")})` : source.cidr;
  return `${source.peer} (no CIDRs in the layout)`;
}

function keyOf(flow: Omit<NeededFlow, "key" | "origins">): string {
  const ports = flow.ports ? formatPortRange(flow.ports) : flow.icmp ? `type${flow.icmp.type}${flow.icmp.code === undefined ? "" : `-${flow.icmp.code}`}` : "all";
  const from = flow.from.kind === "group" ? `group:${flow.from.group}` : flow.from.kind === "cidr" ? `cidr:${flow.from.cidr}` : `peer:${flow.from.peer}`;
  return `${flow.protocol}:${ports}:${from}->${flow.to}`;
}

function modelSources(plan: Plan, flow: RequiredFlow): NeededSource[] {
  if (flow.from.kind === "group") return [{ kind: "group", group: flow.from.group }];
  const peer = flow.from.peer;
  const cidrs = plan.peers.find((p) => p.name === peer)?.cidrs ?? [];
  if (cidrs.length === 0) return [{ kind: "unresolved", peer }];
  return cidrs.map((cidr) => ({ kind: "cidr", cidr, family: cidr.includes(":") ? "ipv6" : "ipv4", peers: [peer] }));
}

export function neededFlows(plan: Plan, model: readonly RequiredFlow[] = []): NeededFlow[] {
  const byKey = new Map<string, { flow: Omit<NeededFlow, "key" | "origins">; origins: Map<string, FlowOrigin> }>();
  const add = (flow: Omit<NeededFlow, "key" | "origins">, origins: readonly FlowOrigin[]) => {
    const key = keyOf(flow);
    const entry = byKey.get(key) ?? { flow, origins: new Map<string, FlowOrigin>() };
    for (const origin of origins) entry.origins.set(`${origin.kind}:${origin.id}`, origin);
    byKey.set(key, entry);
  };
  for (const group of plan.groups) {
    for (const flow of group.ingress) {
      if (flow.peer.kind === "host") continue;
      const from: NeededSource = flow.peer.kind === "group" ? { kind: "group", group: flow.peer.group } : { kind: "cidr", cidr: flow.peer.cidr, family: flow.peer.family, peers: flow.peer.peers };
      const origins = flow.reasons.map((r) => ({ kind: "vendor" as const, id: `${r.profile}/${r.row}`, description: r.description, source: r.document }));
      add({ from, to: group.name, protocol: flow.protocol, ...(flow.ports ? { ports: flow.ports } : {}), ...(flow.icmp ? { icmp: flow.icmp } : {}) }, origins);
    }
  }
  for (const required of model) {
    const origin: FlowOrigin = { kind: "model", id: required.requirement, description: required.description, source: required.source };
    const ports = hasPorts(required.protocol) && required.ports ? { ports: required.ports } : {};
    const icmp = required.icmp ? { icmp: required.icmp } : {};
    for (const from of modelSources(plan, required)) add({ from, to: required.to, protocol: required.protocol, ...ports, ...icmp }, [origin]);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { flow, origins }]) => ({ key, ...flow, origins: [...origins.values()].sort((a, b) => `${a.kind}:${a.id}`.localeCompare(`${b.kind}:${b.id}`)) }));
}
