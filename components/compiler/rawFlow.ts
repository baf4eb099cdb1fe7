import type { PortRange } from "../model/ports";
import type { IcmpMatch, Protocol } from "../model/protocol";
import type { Reason } from "../model/plan";

/** The far end of a flow before merging: one group, one CIDR or one host. */
export type RawPeer =
  | { readonly kind: "group"; readonly group: string }
  | { readonly kind: "cidr"; readonly cidr: string; readonly family: "ipv4" | "ipv6"; readonly world: boolean; readonly name: string }
  | { readonly kind: "host"; readonly host: string };

/** One row's contribution to one group, before exact merging. */
export interface RawFlow {
  readonly group: string;
  readonly direction: "ingress" | "egress";
  readonly peer: RawPeer;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
  readonly reason: Reason;
}

export function peerKey(peer: RawPeer): string {
  switch (peer.kind) {
    case "group":
      return `group:${peer.group}`;
    case "cidr":
      return `cidr:${peer.cidr}`;
    case "host":
      return `host:${peer.host}`;
  }
}
