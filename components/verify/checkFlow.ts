/**
 * One needed flow against one cloud: the flow becomes packets (every machine of the source
 * group, or the peer's CIDR cut where rules' ranges begin and end; every machine of the target
 * group; every port piece between rules' port boundaries; for `all`, every protocol any rule
 * names and one none does), and it passes only when every packet does.
 */
import { type AddressRange, addressRange, splitRange } from "./addressRange";
import type { CloudFirewall, Machine, Packet, PacketSource } from "./cloudFirewall";
import type { NeededFlow } from "./neededFlows";
import { ICMP, ICMPV6, protocolName, TCP, UDP } from "./protocolNumbers";

export interface FlowCheck {
  readonly flow: NeededFlow;
  readonly allowed: boolean;
  /** Rules that let its packets through (all of them, for a flow that passes). */
  readonly rules: readonly string[];
  /** The first packet that does not pass, and why. */
  readonly blocked?: string;
}

const ALL_PORTS = { from: 0, to: 65535 };
/** An IP protocol no rule is expected to name (RFC 3692 experimentation). */
const UNNAMED_PROTOCOL = 253;

function portPieces(range: { from: number; to: number }, cuts: readonly number[]): number[] {
  return [...new Set([range.from, ...cuts.filter((cut) => cut > range.from && cut <= range.to)])].sort((a, b) => a - b);
}

type Shape = Pick<Packet, "protocol" | "port" | "icmp">;

function shapes(flow: NeededFlow, family: "ipv4" | "ipv6", firewall: CloudFirewall): Shape[] {
  const cuts = firewall.cuts;
  const ported = (protocol: number, range = ALL_PORTS) => portPieces(range, cuts.ports).map((port) => ({ protocol, port }));
  const icmp = family === "ipv6" ? ICMPV6 : ICMP;
  switch (flow.protocol) {
    case "tcp":
      return ported(TCP, flow.ports ?? ALL_PORTS);
    case "udp":
      return ported(UDP, flow.ports ?? ALL_PORTS);
    case "icmp":
      return [{ protocol: icmp, icmp: flow.icmp ? { type: flow.icmp.type, ...(flow.icmp.code === undefined ? {} : { code: flow.icmp.code }) } : {} }];
    case "ipip":
      return [{ protocol: 4 }];
    case "ipip94":
      return [{ protocol: 94 }];
    case "esp":
      return [{ protocol: 50 }];
    case "all": {
      const others = [...new Set([4, 50, 94, UNNAMED_PROTOCOL, ...cuts.protocols])].filter((p) => p !== TCP && p !== UDP && p !== ICMP && p !== ICMPV6);
      return [...ported(TCP), ...ported(UDP), { protocol: icmp, icmp: {} }, ...others.map((protocol) => ({ protocol }))];
    }
  }
}

function describe(packet: Packet): string {
  const what = packet.port !== undefined ? `${protocolName(packet.protocol)} ${packet.port}` : protocolName(packet.protocol);
  const from = packet.source.kind === "machine" ? packet.source.machine.label : packet.source.range.cidr;
  return `${what} from ${from} to ${packet.target.label}`;
}

export function checkFlow(firewall: CloudFirewall, flow: NeededFlow, machines: ReadonlyMap<string, readonly Machine[]>): FlowCheck {
  if (flow.from.kind === "unresolved") return { flow, allowed: false, rules: [], blocked: `peer ${flow.from.peer} has no CIDRs in the layout, so nothing can let it in` };
  const targets = machines.get(flow.to) ?? [];
  let sources: PacketSource[];
  let family: "ipv4" | "ipv6" = "ipv4";
  if (flow.from.kind === "group") {
    sources = (machines.get(flow.from.group) ?? []).map((machine) => ({ kind: "machine", machine }));
  } else {
    const range = addressRange(flow.from.cidr) as AddressRange;
    family = range.family;
    sources = splitRange(range, firewall.cuts.ranges).map((piece) => ({ kind: "address", range: piece }));
  }
  const missing = targets.length === 0 ? flow.to : flow.from.kind === "group" && sources.length === 0 ? flow.from.group : undefined;
  if (missing !== undefined) return { flow, allowed: false, rules: [], blocked: `no machine runs as node group ${missing}, so nothing can carry the flow` };
  const rules = new Set<string>();
  for (const shape of shapes(flow, family, firewall)) {
    for (const source of sources) {
      for (const target of targets) {
        const packet: Packet = { source, target, family, ...shape };
        const decision = firewall.decide(packet);
        if (!decision.allowed) return { flow, allowed: false, rules: [...rules], blocked: `${describe(packet)}: ${decision.blocked}` };
        for (const rule of decision.rules) rules.add(rule);
      }
    }
  }
  return { flow, allowed: true, rules: [...rules].sort() };
}
