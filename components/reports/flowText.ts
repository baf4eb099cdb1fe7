/**
 * The words every report uses for a flow's parts, so Markdown and Mermaid say "IP-in-IP"
 * and "type 8" the same way, in the report's language. Text only: no rule is derived here.
 */
import { en, type Messages } from "../i18n/messages.en";
import type { Flow, FlowPeer, Reason } from "../model/plan";
import { formatPortRange, type PortRange } from "../model/ports";
import type { IcmpMatch, Protocol } from "../model/protocol";

export function protocolText(protocol: Protocol, m: Messages = en): string {
  return m.flow.protocol[protocol];
}

/** Port range, ICMP type/code, or "-" for protocols that have neither. */
export function portsText(flow: { readonly protocol: Protocol; readonly ports?: PortRange; readonly icmp?: IcmpMatch }, m: Messages = en): string {
  if (flow.ports) return formatPortRange(flow.ports);
  if (flow.icmp) return m.flow.icmpType(flow.icmp.type, flow.icmp.code);
  return flow.protocol === "icmp" ? m.flow.icmpAllTypes : "-";
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
export function peerText(peer: FlowPeer, group: string, m: Messages = en): string {
  switch (peer.kind) {
    case "group":
      return peer.group === group ? m.flow.itself : peer.group;
    case "cidr":
      return cidrText(peer);
    case "host":
      return peer.host;
  }
}

/** Row descriptions, each once, in reason order; a layout rule's allowInternet reason beside its description. */
export function whyText(reasons: readonly Reason[]): string[] {
  return [
    ...new Set(
      reasons.map((reason) => (reason.allowInternet !== undefined ? `${reason.description} (allowInternet: "${reason.allowInternet}")` : reason.description)),
    ),
  ];
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
