import type { LayoutOptions } from "./options";
import type { IcmpMatch, Protocol } from "./protocol";
import type { Party } from "./requirement";

/** A set of machines that share one firewall identity (one security group, tag or ASG). */
export interface NodeGroup {
  /** Roles from the layout's profiles that these machines play. */
  readonly roles: readonly string[];
  /** Cluster the group belongs to (a key of `Layout.clusters`); groups without one share a single implicit cluster. */
  readonly cluster?: string;
}

/** A rule the layout adds beyond its profiles (a site-specific port). Same shape as a profile row. */
export interface CustomRule {
  readonly id: string;
  readonly description: string;
  readonly protocols: readonly Protocol[];
  readonly ports?: string | readonly string[];
  readonly icmp?: IcmpMatch;
  readonly from: readonly Party[];
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
export type Completeness = (typeof COMPLETENESS_MODES)[number];

/** What a user writes: which documents apply, with which options, on which machines. */
export interface Layout {
  readonly name: string;
  /** Profile ids from the catalog, applied together (rows are merged exactly). */
  readonly profiles: readonly string[];
  readonly options?: Partial<LayoutOptions>;
  /** Cluster name → kind (a kind a profile defines, for example DCE's "global" and "worker"). */
  readonly clusters?: Readonly<Record<string, { readonly kind: string }>>;
  readonly groups: Readonly<Record<string, NodeGroup>>;
  /** External peer name → CIDRs (IPv4 and/or IPv6). A row whose peer has no CIDRs is left out and noted. */
  readonly peers?: Readonly<Record<string, readonly string[]>>;
  readonly rules?: readonly CustomRule[];
  /** The cluster's pod CIDR(s): needed where pod addresses cross the network (Calico BGP, Cilium native routing). */
  readonly podCidr?: string | readonly string[];
  /** Flows the connectivity model requires that no row opens: supplement (default), warn or strict. */
  readonly completeness?: Completeness;
}
