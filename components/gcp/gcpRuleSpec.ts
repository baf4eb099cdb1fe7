/**
 * What kubeports will create on GCP, as plain data: the translation produces these, the
 * component registers them, tests and reports read them. No Pulumi types here.
 */
import type { GcpAllow, GcpFamily } from "./gcpAllows";

/** The other end of a rule: node groups' identities (1-10, sorted), address ranges, or host names. */
export type GcpPeer =
  | {
      /** Other node groups (or the same one) that share the rule's ports, by their tags or service accounts. */
      readonly kind: "groups";
      /** The node groups, sorted. */
      readonly groups: readonly string[];
    }
  | {
      /** Address ranges of one IP family. */
      readonly kind: "ranges";
      /** IPv4 or IPv6: GCP keeps the families in separate rules. */
      readonly family: GcpFamily;
      /** Canonical CIDRs. */
      readonly ranges: readonly string[];
      /** The peers the ranges belong to, for descriptions. */
      readonly label: string;
    }
  | {
      /** Host names (network firewall policy FQDN rules). */
      readonly kind: "fqdns";
      /** The host names. */
      readonly fqdns: readonly string[];
    };

/** One firewall rule as it is registered. */
export interface GcpRuleSpec {
  /** GCP name and Pulumi logical name; content-derived, unique within the component. */
  readonly name: string;
  /** A VPC firewall rule, or a rule of the component's network firewall policy. */
  readonly layer: "vpc" | "policy";
  /** INGRESS or EGRESS. */
  readonly direction: "INGRESS" | "EGRESS";
  /** Allow, or deny (restrictEgress's deny-all). */
  readonly action: "allow" | "deny";
  /** The node group the rule applies to (its tag or service account is the rule's target). */
  readonly group: string;
  /** Source of an ingress rule, destination of an egress rule. */
  readonly peer: GcpPeer;
  /** Protocols and ports allowed (or denied, for a deny rule). */
  readonly allows: readonly GcpAllow[];
  /** 0-65535, lower wins. */
  readonly priority: number;
  /** The rule's description, from the documented rows behind it. */
  readonly description: string;
  /** Keys of the plan flows this rule carries. */
  readonly flows: readonly string[];
}

/** A host-name flow that no rule allows, and whether the firewall blocks it as a result. */
export interface UnexpressedHost {
  /** The node group that sends. */
  readonly group: string;
  /** The host name. */
  readonly host: string;
  /** Its protocols and ports. */
  readonly allows: readonly GcpAllow[];
  /** True when egress is restricted: the traffic is denied. False: the implied allow-egress rule lets it out. */
  readonly blocked: boolean;
  /** Why no rule allows it. */
  readonly why: string;
  /** The documented rows behind it. */
  readonly reasons: readonly string[];
}

/** What the GCP translation needs besides the plan (from the checked args). */
export interface GcpTranslateOptions {
  /** Component-name prefix of every name (validated by namePrefix). */
  readonly prefix: string;
  /** Priority of the VPC allow rules. */
  readonly priority: number;
  /** Deny all egress but the plan's. */
  readonly restrictEgress: boolean;
  /** Canonical CIDRs of the node groups' subnets (egress to node groups, restrictEgress only). */
  readonly nodeRanges: readonly string[];
  /** Allow the plan's host-name egress through a network firewall policy. */
  readonly fqdnEgress: boolean;
}

/** A plan translated for GCP: the rules, the host names no rule allows, and notes. */
export interface GcpTranslation {
  /** Sorted by name. */
  readonly rules: readonly GcpRuleSpec[];
  /** Outbound host names no rule allows. */
  readonly hosts: readonly UnexpressedHost[];
  /** Things a reviewer must know: widened ICMP, egress left to the implied rule, ... */
  readonly notes: readonly string[];
}
