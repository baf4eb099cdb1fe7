import type { PeerOf, ProfileId, RoleOf } from "./catalogTypes";
import type { LayoutOptions } from "./options";
import type { IcmpMatch, Protocol } from "./protocol";
import type { Party } from "./requirement";

/** A set of machines that share one firewall identity (one security group, tag or ASG). */
export interface NodeGroup<R extends string = RoleOf<ProfileId>> {
  /** Roles from the layout's profiles that these machines play (literal types generated from the catalog). */
  readonly roles: readonly R[];
  /** Cluster the group belongs to (a key of `Layout.clusters`); groups without one share a single implicit cluster. */
  readonly cluster?: string;
}

/** A rule the layout adds beyond its profiles (a site-specific port). Same shape as a profile row. */
export interface CustomRule {
  /** Lower-case letters, digits and hyphens; names the rule in reasons and reports. */
  readonly id: string;
  /** What the traffic is for; becomes part of every cloud rule's description. */
  readonly description: string;
  /** One or more protocols (tcp, udp, icmp, ipip, ipip94, esp, all). */
  readonly protocols: readonly Protocol[];
  /** A port, a range or a list: "6443", "30000-32767", ["80", "443"]. Not for protocols without ports. */
  readonly ports?: string | readonly string[];
  /** ICMP type and code, with protocol icmp. */
  readonly icmp?: IcmpMatch;
  /** Who sends: roles, groups, every node, peers, literal CIDRs or host names. */
  readonly from: readonly Party[];
  /** Who receives. */
  readonly to: Party;
  /**
   * Why this rule may open a Kubernetes-internal port (etcd, kubelet, overlay, BGP, ...) to
   * 0.0.0.0/0 or ::/0. Without it such a rule is an error; with it the plan warns and every
   * report shows the reason.
   */
  readonly allowInternet?: string;
}

/**
 * What the compiler does with a flow the connectivity model requires and no row opens:
 * add it as a supplement (default), only warn, or fail.
 */
export const COMPLETENESS_MODES = ["supplement", "warn", "strict"] as const;
/** One of {@link COMPLETENESS_MODES}. */
export type Completeness = (typeof COMPLETENESS_MODES)[number];

/**
 * What a user writes: which documents apply, with which options, on which machines. Profile
 * ids, roles and options are literal types generated from the catalog, so editors complete
 * them and a typo fails to type-check; `P` narrows the roles and peers to the given profiles
 * (see {@link defineLayout}).
 */
export interface Layout<P extends ProfileId = ProfileId> {
  /** Names the plan and prefixes cloud resources. */
  readonly name: string;
  /** Profile ids from the catalog, applied together (rows are merged exactly). */
  readonly profiles: readonly P[];
  /** Conditions the rows read (CNI, modes, install choices); unset ones keep their defaults. */
  readonly options?: Partial<LayoutOptions>;
  /** Cluster name → kind (a kind a profile defines, for example DCE's "global" and "worker"). */
  readonly clusters?: Readonly<Record<string, {
    /** The cluster's kind, one a profile defines (DCE's "global" and "worker", Rancher's "rancher" and "downstream"). */
    readonly kind: string;
  }>>;
  /** Node group name (lower-case, digits, hyphens, up to 32 characters) → its roles and cluster. */
  readonly groups: Readonly<Record<string, NodeGroup<RoleOf<P>>>>;
  /**
   * External peer name → CIDRs (IPv4 and/or IPv6). A row whose peer has no CIDRs is left out and
   * noted. The profiles' peer names complete in editors; a layout rule may name its own peer.
   */
  readonly peers?: LayoutPeers<PeerOf<P>, readonly string[]>;
  /** Site-specific rules beyond the profiles, same shape as a profile row. */
  readonly rules?: readonly CustomRule[];
  /** The cluster's pod CIDR(s): needed where pod addresses cross the network (Calico BGP, Cilium native routing). */
  readonly podCidr?: string | readonly string[];
  /** Flows the connectivity model requires that no row opens: supplement (default), warn or strict. */
  readonly completeness?: Completeness;
}

/** Peer name → value: the profiles' names (completed by editors) and any name a layout rule uses. */
export type LayoutPeers<N extends string, V> = { readonly [K in N]?: V } & { readonly [name: string]: V };

/** Returns `layout` unchanged, typed so that roles and peers are those of the listed profiles only. */
export function defineLayout<const P extends ProfileId>(layout: Layout<P>): Layout<P> {
  return layout;
}
