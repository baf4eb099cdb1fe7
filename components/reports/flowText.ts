/**
 * The words every report uses for a flow's parts, so Markdown and Mermaid say "IP-in-IP"
 * and "type 8" the same way. Text only: no rule is derived here.
 */
import type { Flow, FlowPeer, Reason } from "../model/plan";
import { formatPortRange, type PortRange } from "../model/ports";
import type { IcmpMatch, Protocol } from "../model/protocol";

const PROTOCOL_WORDS: Readonly<Record<Protocol, string>> = {
  tcp: "TCP",
  udp: "UDP",
  icmp: "ICMP",
  ipip: "IP-in-IP (4)",
  ipip94: "IP protocol 94",
  esp: "ESP (50)",
  all: "all traffic",
};

export function protocolText(protocol: Protocol): string {
  return PROTOCOL_WORDS[protocol];
}

/** Port range, ICMP type/code, or "-" for protocols that have neither. */
export function portsText(flow: { readonly protocol: Protocol; readonly ports?: PortRange; readonly icmp?: IcmpMatch }): string {
  if (flow.ports) return formatPortRange(flow.ports);
  if (flow.icmp) return `type ${flow.icmp.type}${flow.icmp.code === undefined ? "" : ` code ${flow.icmp.code}`}`;
  return flow.protocol === "icmp" ? "all types" : "-";
}

/**
 * A CIDR peer with the names it was given: `203.0.113.0/24 (admin)`. Document labels that
 * already print the address ("0.0.0.0/0 (rancher-nodes table)") are shown alone.
 */
export function cidrText(peer: Extract<FlowPeer, { kind: "cidr" }>): string {
  if (peer.peers.length === 0) return peer.cidr;
  if (peer.peers.every((name) => name.includes(peer.cidr))) return peer.peers.join(", ");
  return `${peer.cidr} (${peer.peers.join(", ")})`;
}

/** The far end of a flow as seen from `group`: "itself" for a self reference. */
export function peerText(peer: FlowPeer, group: string): string {
  switch (peer.kind) {
    case "group":
      return peer.group === group ? "itself" : peer.group;
    case "cidr":
      return cidrText(peer);
    case "host":
      return peer.host;
  }
}

/** Row descriptions, each once, in reason order. */
export function whyText(reasons: readonly Reason[]): string[] {
  return [...new Set(reasons.map((reason) => reason.description))];
}

/** `document: row words; row words` per document, in reason order. */
export function sourceText(reasons: readonly Reason[]): string[] {
  const byDocument = new Map<string, string[]>();
  for (const reason of reasons) {
    const rows = byDocument.get(reason.document) ?? [];
    if (!rows.includes(reason.documentRow)) rows.push(reason.documentRow);
    byDocument.set(reason.document, rows);
  }
  return [...byDocument].map(([document, rows]) => `${document}: ${rows.join("; ")}`);
}

/** True when a flow reaches the outside (a CIDR or host) rather than another node group. */
export function isExternal(flow: Flow): boolean {
  return flow.peer.kind !== "group";
}
