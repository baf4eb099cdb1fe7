import type { LayoutOptions } from "./options";
import type { PortRange } from "./ports";
import type { IcmpMatch, Protocol } from "./protocol";

export const PLAN_SCHEMA = "kubeports.plan/v1";

/** Why a flow exists: the documented row it came from. */
export interface Reason {
  readonly profile: string;
  readonly row: string;
  readonly description: string;
  readonly document: string;
  /** The table and row in the document's words. */
  readonly documentRow: string;
  /** A layout rule's acknowledgement that it opens an internal port to the internet, in the user's words. */
  readonly allowInternet?: string;
}

/** The other end of a flow. A group flow whose group is the flow's own group is a self reference. */
export type FlowPeer =
  | { readonly kind: "group"; readonly group: string }
  | {
      readonly kind: "cidr";
      readonly cidr: string;
      readonly family: "ipv4" | "ipv6";
      /** Peer names or document labels that resolved to this CIDR. */
      readonly peers: readonly string[];
      /** 0.0.0.0/0 or ::/0. */
      readonly world: boolean;
    }
  | { readonly kind: "host"; readonly host: string };

/** One protocol, one contiguous port range (or none), one peer: the smallest rule any cloud needs. */
export interface Flow {
  /** Content-derived and stable: the same flow always has the same key. */
  readonly key: string;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
  readonly peer: FlowPeer;
  readonly reasons: readonly Reason[];
}

/** A documented health probe the node runs against itself: no cross-node rule. */
export interface LocalProbe {
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly reasons: readonly Reason[];
}

export interface PlanGroup {
  readonly name: string;
  readonly roles: readonly string[];
  readonly cluster: string;
  readonly clusterKind: string;
  /** Flows this group must accept. */
  readonly ingress: readonly Flow[];
  /** Flows this group must send (to other groups, itself, CIDRs and hosts). */
  readonly egress: readonly Flow[];
  readonly local: readonly LocalProbe[];
}

export type WarningCode =
  /** A vendor document prescribes opening this to 0.0.0.0/0 or ::/0. */
  | "world-open"
  /** The world opening hits a Kubernetes-internal service (etcd, kubelet, overlay, ...). */
  | "world-open-internal"
  /** The layout picks a mode (e.g. calicoMode vxlan) no profile in it documents: its ports are missing. */
  | "mode-undocumented"
  /** The connectivity model requires flows no row of the layout's profiles opens; the plan adds them (one warning per requirement). */
  | "supplement"
  /** As `supplement`, with `completeness: warn`: the flows are reported, not added. */
  | "incomplete";

/**
 * Who let the internet in on a world-open flow: a vendor row that prints the CIDR itself, this
 * layout's own rule whose `cidrs` say so, or this layout's peer set to 0.0.0.0/0 or ::/0 (with
 * the vendor rows that merely name the peer). `path` is the layout line, as errors spell it.
 * `acknowledged` is the reason a layout gave for opening it on purpose, carried into reports.
 */
export type WorldOpener =
  | { readonly kind: "vendor-row"; readonly profile: string; readonly row: string; readonly document: string; readonly documentRow: string }
  | { readonly kind: "layout-rule"; readonly rule: string; readonly path: string; readonly cidr: string; readonly acknowledged?: string }
  | {
      readonly kind: "layout-peer";
      readonly peer: string;
      readonly path: string;
      readonly cidr: string;
      /** The rows that name the peer: `profile/row`. */
      readonly rows: readonly string[];
      readonly acknowledged?: string;
    };

export interface PlanWarning {
  readonly code: WarningCode;
  readonly group: string;
  readonly flow: string;
  readonly message: string;
  /** The layout rules' allowInternet reasons behind the flow, when they acknowledged it. */
  readonly allowInternet?: readonly string[];
}

/** A plan's warning; world-open ones say who opened the flow, vendor rows first. */
export interface AttributedWarning extends PlanWarning {
  readonly openedBy?: readonly WorldOpener[];
}

export type NoteCode =
  /** A row's peer has no CIDRs in the layout, so nothing was opened for it. */
  | "peer-unset"
  /** A row's optional role has no node group. */
  | "role-absent"
  /** Outbound by host name: not every cloud firewall can express it. */
  | "egress-hosts"
  /** An option the layout leaves unset takes the distribution installer's default, not the vendor page's. */
  | "installer-default";

export interface PlanNote {
  readonly code: NoteCode;
  readonly message: string;
  readonly profile: string;
  readonly row: string;
}

export interface PlanDisagreement {
  readonly profile: string;
  readonly id: string;
  readonly rows: readonly string[];
  readonly says: string;
  readonly other: string;
  readonly otherSource: string;
}

/**
 * A flow the connectivity model requires that no row of the layout's profiles opens, added to
 * the plan (completeness: supplement) with the upstream requirement that asks for it.
 */
export interface PlanSupplement {
  /** Requirement id in the connectivity model ("kubelet", "flannel-vxlan", ...). */
  readonly requirement: string;
  readonly description: string;
  /** The upstream page and the row in it. */
  readonly source: string;
  readonly sourceRow: string;
  /** The receiving group and the sender: a group, or a peer with one of its CIDRs. */
  readonly group: string;
  readonly from: { readonly kind: "group"; readonly group: string } | { readonly kind: "peer"; readonly peer: string; readonly cidr: string };
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
  /** Profile ids of the layout, none of whose rows opens it. */
  readonly omittedBy: readonly string[];
}

export interface Plan {
  readonly schema: typeof PLAN_SCHEMA;
  readonly layout: string;
  readonly profiles: readonly { readonly id: string; readonly title: string; readonly document: string }[];
  readonly options: LayoutOptions;
  readonly groups: readonly PlanGroup[];
  readonly peers: readonly { readonly name: string; readonly cidrs: readonly string[] }[];
  readonly warnings: readonly AttributedWarning[];
  readonly notes: readonly PlanNote[];
  readonly disagreements: readonly PlanDisagreement[];
  /** Flows the connectivity model added (compiled plans always have it; older plan JSON may not). */
  readonly supplements?: readonly PlanSupplement[];
}
