import type { LayoutOptions } from "./options";
import type { PortRange } from "./ports";
import type { IcmpMatch, Protocol } from "./protocol";

/** The plan format's name and version (`schema` of every plan). */
export const PLAN_SCHEMA = "kubeports.plan/v1";

/** Why a flow exists: the documented row it came from. */
export interface Reason {
  /** The profile id (or "layout" for the layout's own rules). */
  readonly profile: string;
  /** The row id within the profile. */
  readonly row: string;
  /** The row's description. */
  readonly description: string;
  /** The document the row cites: a seed file name, a page URL, or operator access. */
  readonly document: string;
  /** The table and row in the document's words. */
  readonly documentRow: string;
  /** A layout rule's acknowledgement that it opens an internal port to the internet, in the user's words. */
  readonly allowInternet?: string;
}

/** The other end of a flow. A group flow whose group is the flow's own group is a self reference. */
export type FlowPeer =
  | {
      /** A node group. */
      readonly kind: "group";
      /** Its name. */
      readonly group: string;
    }
  | {
      /** One network. */
      readonly kind: "cidr";
      /** Canonical CIDR. */
      readonly cidr: string;
      /** Its IP family. */
      readonly family: "ipv4" | "ipv6";
      /** Peer names or document labels that resolved to this CIDR. */
      readonly peers: readonly string[];
      /** 0.0.0.0/0 or ::/0. */
      readonly world: boolean;
    }
  | {
      /** A host name (outbound only). */
      readonly kind: "host";
      /** The host name. */
      readonly host: string;
    };

/** One protocol, one contiguous port range (or none), one peer: the smallest rule any cloud needs. */
export interface Flow {
  /** Content-derived and stable: the same flow always has the same key. */
  readonly key: string;
  /** The one protocol. */
  readonly protocol: Protocol;
  /** The one contiguous port range (tcp and udp; absent: all ports). */
  readonly ports?: PortRange;
  /** ICMP type and code (icmp only). */
  readonly icmp?: IcmpMatch;
  /** The other end: source of an ingress flow, destination of an egress flow. */
  readonly peer: FlowPeer;
  /** Every documented row that asks for this traffic. */
  readonly reasons: readonly Reason[];
}

/** A documented health probe the node runs against itself: no cross-node rule. */
export interface LocalProbe {
  /** The probe's protocol. */
  readonly protocol: Protocol;
  /** Its ports. */
  readonly ports?: PortRange;
  /** The documented rows behind it. */
  readonly reasons: readonly Reason[];
}

/** One node group of the plan: what it accepts, sends, and probes locally. */
export interface PlanGroup {
  /** The node group's name. */
  readonly name: string;
  /** Its roles, sorted. */
  readonly roles: readonly string[];
  /** Its cluster ("default" when the layout has none). */
  readonly cluster: string;
  /** That cluster's kind. */
  readonly clusterKind: string;
  /** Flows this group must accept. */
  readonly ingress: readonly Flow[];
  /** Flows this group must send (to other groups, itself, CIDRs and hosts). */
  readonly egress: readonly Flow[];
  /** Probes the nodes run against themselves (no rule needed). */
  readonly local: readonly LocalProbe[];
}

/** Why a plan warns. */
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
  | {
      /** A vendor row prints the world CIDR itself. */
      readonly kind: "vendor-row";
      /** The row's profile id. */
      readonly profile: string;
      /** The row id. */
      readonly row: string;
      /** The document the row transcribes. */
      readonly document: string;
      /** The table and row in the document's words. */
      readonly documentRow: string;
    }
  | {
      /** This layout's own rule lists the world CIDR. */
      readonly kind: "layout-rule";
      /** The rule id. */
      readonly rule: string;
      /** The layout line, such as `rules[0].from[0].cidrs[1]`. */
      readonly path: string;
      /** The world CIDR. */
      readonly cidr: string;
      /** The rule's allowInternet reason, when it gives one. */
      readonly acknowledged?: string;
    }
  | {
      /** This layout sets a peer to the world. */
      readonly kind: "layout-peer";
      /** The peer's name. */
      readonly peer: string;
      /** The layout line, such as `peers.admin[0]`. */
      readonly path: string;
      /** The world CIDR. */
      readonly cidr: string;
      /** The rows that name the peer: `profile/row`. */
      readonly rows: readonly string[];
      /** The allowInternet reason of the layout rule that names the peer, when it gives one. */
      readonly acknowledged?: string;
    };

/** Something a reviewer must look at before applying the plan (also logged by the components). */
export interface PlanWarning {
  /** What kind of warning. */
  readonly code: WarningCode;
  /** The node group it concerns, or "*" for the whole plan. */
  readonly group: string;
  /** The flow key (or the input path) it concerns. */
  readonly flow: string;
  /** The warning for a reader. */
  readonly message: string;
  /** The layout rules' allowInternet reasons behind the flow, when they acknowledged it. */
  readonly allowInternet?: readonly string[];
}

/** A plan's warning; world-open ones say who opened the flow, vendor rows first. */
export interface AttributedWarning extends PlanWarning {
  /** Who opened a world-open flow, vendor rows first (world-open warnings only). */
  readonly openedBy?: readonly WorldOpener[];
}

/** Why a plan carries a note. */
export type NoteCode =
  /** A row's peer has no CIDRs in the layout, so nothing was opened for it. */
  | "peer-unset"
  /** A row's optional role has no node group. */
  | "role-absent"
  /** Outbound by host name: not every cloud firewall can express it. */
  | "egress-hosts"
  /** An option the layout leaves unset takes the distribution installer's default, not the vendor page's. */
  | "installer-default";

/** Something the plan left out or cannot express everywhere, with the row it concerns. */
export interface PlanNote {
  /** What kind of note. */
  readonly code: NoteCode;
  /** The note for a reader. */
  readonly message: string;
  /** The profile of the row. */
  readonly profile: string;
  /** The row id. */
  readonly row: string;
}

/** Where the vendor's document and another source disagree, for rows the plan applies. */
export interface PlanDisagreement {
  /** The profile that records it. */
  readonly profile: string;
  /** The disagreement's id. */
  readonly id: string;
  /** The rows it concerns. */
  readonly rows: readonly string[];
  /** What the vendor's document says. */
  readonly says: string;
  /** What the other source says. */
  readonly other: string;
  /** The other source. */
  readonly otherSource: string;
}

/**
 * A flow the connectivity model requires that no row of the layout's profiles opens, added to
 * the plan (completeness: supplement) with the upstream requirement that asks for it.
 */
export interface PlanSupplement {
  /** Requirement id in the connectivity model ("kubelet", "flannel-vxlan", ...). */
  readonly requirement: string;
  /** What the flow is for, in the model's words. */
  readonly description: string;
  /** The upstream page that states the requirement. */
  readonly source: string;
  /** The row or section of that page. */
  readonly sourceRow: string;
  /** The receiving group. */
  readonly group: string;
  /** The sender: a group, or a peer with one of its CIDRs. */
  readonly from:
    | {
        /** A node group of the plan. */
        readonly kind: "group";
        /** The group's name. */
        readonly group: string;
      }
    | {
        /** A named peer of the layout. */
        readonly kind: "peer";
        /** The peer's name. */
        readonly peer: string;
        /** One of its CIDRs. */
        readonly cidr: string;
      };
  /** The protocol. */
  readonly protocol: Protocol;
  /** The port range, for TCP and UDP. */
  readonly ports?: PortRange;
  /** The ICMP type and code, for ICMP. */
  readonly icmp?: IcmpMatch;
  /** Profile ids of the layout, none of whose rows opens it. */
  readonly omittedBy: readonly string[];
}

/** A compiled layout: every flow each node group needs, with the documented rows behind it. */
export interface Plan {
  /** Always PLAN_SCHEMA. */
  readonly schema: typeof PLAN_SCHEMA;
  /** The layout's name. */
  readonly layout: string;
  /** The profiles applied. */
  readonly profiles: readonly {
    /** The profile id. */
    readonly id: string;
    /** Its title. */
    readonly title: string;
    /** The document it transcribes. */
    readonly document: string;
  }[];
  /** Every option, resolved (the layout's, else the profiles' defaults, else kubeports'). */
  readonly options: LayoutOptions;
  /** One entry per node group. */
  readonly groups: readonly PlanGroup[];
  /** The peers and their canonical CIDRs, sorted by name. */
  readonly peers: readonly {
    /** The peer's name. */
    readonly name: string;
    /** Its canonical CIDRs. */
    readonly cidrs: readonly string[];
  }[];
  /** What a reviewer must look at. */
  readonly warnings: readonly AttributedWarning[];
  /** What was left out or cannot be expressed everywhere. */
  readonly notes: readonly PlanNote[];
  /** Disagreements between sources that concern applied rows. */
  readonly disagreements: readonly PlanDisagreement[];
  /** Flows the connectivity model added (compiled plans always have it; older plan JSON may not). */
  readonly supplements?: readonly PlanSupplement[];
}
