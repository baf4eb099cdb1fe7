/**
 * What kubeports will create on GCP, as plain data: the translation produces these, the
 * component registers them, tests and reports read them. No Pulumi types here.
 */
import type { GcpAllow, GcpFamily } from "./gcpAllows";

/** The other end of a rule: node groups' identities (1-10, sorted), address ranges, or host names. */
export type GcpPeer =
  | { readonly kind: "groups"; readonly groups: readonly string[] }
  | { readonly kind: "ranges"; readonly family: GcpFamily; readonly ranges: readonly string[]; readonly label: string }
  | { readonly kind: "fqdns"; readonly fqdns: readonly string[] };

export interface GcpRuleSpec {
  /** GCP name and Pulumi logical name; content-derived, unique within the component. */
  readonly name: string;
  /** A VPC firewall rule, or a rule of the component's network firewall policy. */
  readonly layer: "vpc" | "policy";
  readonly direction: "INGRESS" | "EGRESS";
  readonly action: "allow" | "deny";
  /** The node group the rule applies to (its tag or service account is the rule's target). */
  readonly group: string;
  /** Source of an ingress rule, destination of an egress rule. */
  readonly peer: GcpPeer;
  /** Protocols and ports allowed (or denied, for a deny rule). */
  readonly allows: readonly GcpAllow[];
  readonly priority: number;
  readonly description: string;
  /** Keys of the plan flows this rule carries. */
  readonly flows: readonly string[];
}

/** A host-name flow that no rule allows, and whether the firewall blocks it as a result. */
export interface UnexpressedHost {
  readonly group: string;
  readonly host: string;
  readonly allows: readonly GcpAllow[];
  /** True when egress is restricted: the traffic is denied. False: the implied allow-egress rule lets it out. */
  readonly blocked: boolean;
  readonly why: string;
  readonly reasons: readonly string[];
}

export interface GcpTranslateOptions {
  /** Component-name prefix of every name (validated by namePrefix). */
  readonly prefix: string;
  /** Priority of the VPC allow rules. */
  readonly priority: number;
  readonly restrictEgress: boolean;
  /** Canonical CIDRs of the node groups' subnets (egress to node groups, restrictEgress only). */
  readonly nodeRanges: readonly string[];
  readonly fqdnEgress: boolean;
}

export interface GcpTranslation {
  /** Sorted by name. */
  readonly rules: readonly GcpRuleSpec[];
  readonly hosts: readonly UnexpressedHost[];
  /** Things a reviewer must know: widened ICMP, egress left to the implied rule, ... */
  readonly notes: readonly string[];
}
