/**
 * The AWS shell's data: what the translation takes (plain options), what it produces (specs
 * the components register) and the review summary users read.
 */
import type { PlanWarning } from "../model/plan";
import type { QuotaUse } from "./awsQuota";
import type { RuleSource } from "./ruleSources";

/** What the translation needs to know about one node group's args (plain values only). */
export interface AwsGroupOptions {
  /** Rules go into a security group that already exists; none is created. */
  readonly existing?: boolean;
  /** The existing group's id when it is a plain string (checked); unknown when it is an Output. */
  readonly existingId?: string;
  /** AWS name of the group kubeports creates. */
  readonly name?: string;
  /** The node group's name before a rename: logical names alias it, the AWS name and description stay. */
  readonly previousName?: string;
}

export interface AwsFirewallOptions {
  /** The component's name: prefix of every logical name and of default group names. */
  readonly name: string;
  /** The component's name before a rename: logical names alias it, AWS names and descriptions stay. */
  readonly previousName?: string;
  readonly groups?: Readonly<Record<string, AwsGroupOptions>>;
  /** Peer name -> managed prefix list id (undefined when the id is an Output). */
  readonly prefixLists?: Readonly<Record<string, string | undefined>>;
  readonly restrictEgress?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  /** Tags only the security groups get (the rancher-nodes marker); keys are reserved from `tags`. */
  readonly groupTags?: Readonly<Record<string, string>>;
  readonly rulesPerGroupQuota?: number;
}

export interface AwsRuleSummary {
  /** Pulumi logical name of the rule resource. */
  readonly name: string;
  /** "ingress" or "egress". */
  readonly direction: string;
  /** tcp, udp, icmp, icmpv6, ipip, ipip94, esp or all. */
  readonly protocol: string;
  /** What AWS receives: tcp, udp, icmp, icmpv6, -1, or an IANA number. */
  readonly ipProtocol: string;
  /** "6443", "30000-32767", "all ports", "type 8 code 0", "all traffic", "IP protocol 4". */
  readonly ports: string;
  /** "self (workers)", "group workers", "10.0.0.0/8 (admin)", "0.0.0.0/0 (anywhere)", "prefix list of office". */
  readonly peer: string;
  /** "self", "group", "cidr" or "prefix-list". */
  readonly peerKind: string;
  /** 0.0.0.0/0 or ::/0. */
  readonly world: boolean;
  /** Cluster-internal services an inbound rule reaches (etcd, kubelet, ...); review world rules with these first. */
  readonly internalServices: readonly string[];
  readonly description: string;
  /** "profile/row: description (document, row in the document)". */
  readonly reasons: readonly string[];
  /** Plan flow keys the rule carries. */
  readonly flows: readonly string[];
}

/** Outbound by host name: security groups cannot express it. */
export interface AwsHostEgress {
  readonly host: string;
  readonly protocol: string;
  readonly ports: string;
  /** True when the group's allow-all egress already lets it through. */
  readonly allowed: boolean;
  readonly note: string;
  readonly reasons: readonly string[];
}

export interface AwsGroupSummary {
  readonly group: string;
  readonly roles: readonly string[];
  readonly existing: boolean;
  /** AWS name of the created group; empty for existing groups. */
  readonly securityGroupName: string;
  /** "allow-all" (IPv4 and IPv6), "plan" (exactly the plan's egress) or "unchanged" (existing group keeps its own). */
  readonly egress: string;
  readonly quota: QuotaUse;
  readonly rules: readonly AwsRuleSummary[];
  readonly hostEgress: readonly AwsHostEgress[];
  /** Rules left out because an all-traffic rule to the world already allows their traffic. */
  readonly covered: readonly AwsCoveredRule[];
}

export interface AwsCoveredRule {
  /** The logical name the rule would have had. */
  readonly name: string;
  readonly ports: string;
  readonly peer: string;
  /** The all-traffic rules that allow it. */
  readonly coveredBy: readonly string[];
  readonly flows: readonly string[];
}

export interface AwsGroupSpec {
  readonly group: string;
  readonly logicalName: string;
  /** Logical names the group had before a rename (Pulumi aliases). */
  readonly aliases: readonly string[];
  readonly existing: boolean;
  /** For created groups: AWS name, description and tags (name and description are immutable in AWS). */
  readonly awsName?: string;
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface AwsRuleSpec {
  readonly name: string;
  /** Logical names the rule had before a rename (Pulumi aliases). */
  readonly aliases: readonly string[];
  readonly group: string;
  readonly direction: "ingress" | "egress";
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly source: RuleSource;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface AwsFirewallSpec {
  readonly groups: readonly AwsGroupSpec[];
  readonly rules: readonly AwsRuleSpec[];
  readonly summary: Readonly<Record<string, AwsGroupSummary>>;
  readonly warnings: readonly PlanWarning[];
}
