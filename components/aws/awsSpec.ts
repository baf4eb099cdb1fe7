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

/** What planAwsFirewall needs besides the plan: the component's args as plain values. */
export interface AwsFirewallOptions {
  /** The component's name: prefix of every logical name and of default group names. */
  readonly name: string;
  /** The component's name before a rename: logical names alias it, AWS names and descriptions stay. */
  readonly previousName?: string;
  /** Node group -> its settings. */
  readonly groups?: Readonly<Record<string, AwsGroupOptions>>;
  /** Peer name -> managed prefix list id (undefined when the id is an Output). */
  readonly prefixLists?: Readonly<Record<string, string | undefined>>;
  /** Only the plan's egress instead of allow-all. */
  readonly restrictEgress?: boolean;
  /** The user's tags for every group and rule. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Tags only the security groups get (the rancher-nodes marker); keys are reserved from `tags`. */
  readonly groupTags?: Readonly<Record<string, string>>;
  /** The account's rules-per-group quota (default 60). */
  readonly rulesPerGroupQuota?: number;
}

/** One rule as a reviewer reads it. */
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
  /** The description AWS shows. */
  readonly description: string;
  /** "profile/row: description (document, row in the document)". */
  readonly reasons: readonly string[];
  /** Plan flow keys the rule carries. */
  readonly flows: readonly string[];
}

/** Outbound by host name: security groups cannot express it. */
export interface AwsHostEgress {
  /** The host name a vendor document says the nodes reach. */
  readonly host: string;
  /** Its protocol. */
  readonly protocol: string;
  /** Its ports, or "all". */
  readonly ports: string;
  /** True when the group's allow-all egress already lets it through. */
  readonly allowed: boolean;
  /** What lets it through or what to do. */
  readonly note: string;
  /** The documented rows behind it. */
  readonly reasons: readonly string[];
}

/** One node group's security group as a reviewer reads it. */
export interface AwsGroupSummary {
  /** The node group. */
  readonly group: string;
  /** Its roles. */
  readonly roles: readonly string[];
  /** True when its rules go into an existing group. */
  readonly existing: boolean;
  /** AWS name of the created group; empty for existing groups. */
  readonly securityGroupName: string;
  /** "allow-all" (IPv4 and IPv6), "plan" (exactly the plan's egress) or "unchanged" (existing group keeps its own). */
  readonly egress: string;
  /** Rules per direction and IP family against the account's quota. */
  readonly quota: QuotaUse;
  /** Its rules. */
  readonly rules: readonly AwsRuleSummary[];
  /** Outbound by host name, which security groups cannot express. */
  readonly hostEgress: readonly AwsHostEgress[];
  /** Rules left out because an all-traffic rule to the world already allows their traffic. */
  readonly covered: readonly AwsCoveredRule[];
}

/** A rule left out because an all-traffic world rule of the same group already allows its traffic. */
export interface AwsCoveredRule {
  /** The logical name the rule would have had. */
  readonly name: string;
  /** Its ports as the summary writes them. */
  readonly ports: string;
  /** Its peer as the summary writes it. */
  readonly peer: string;
  /** The all-traffic rules that allow it. */
  readonly coveredBy: readonly string[];
  /** Plan flow keys it would have carried. */
  readonly flows: readonly string[];
}

/** One node group's security group as it is registered (or the existing one its rules go into). */
export interface AwsGroupSpec {
  /** The node group. */
  readonly group: string;
  /** Pulumi logical name of the ec2.SecurityGroup. */
  readonly logicalName: string;
  /** Logical names the group had before a rename (Pulumi aliases). */
  readonly aliases: readonly string[];
  /** True when the rules go into an existing group and none is created. */
  readonly existing: boolean;
  /** For created groups: AWS name, description and tags (name and description are immutable in AWS). */
  readonly awsName?: string;
  /** The created group's description. */
  readonly description?: string;
  /** The created group's tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** One vpc.SecurityGroupIngressRule or SecurityGroupEgressRule as it is registered. */
export interface AwsRuleSpec {
  /** Pulumi logical name, derived from the rule's content. */
  readonly name: string;
  /** Logical names the rule had before a rename (Pulumi aliases). */
  readonly aliases: readonly string[];
  /** The node group whose security group holds the rule. */
  readonly group: string;
  /** Inbound or outbound. */
  readonly direction: "ingress" | "egress";
  /** What AWS receives: tcp, udp, icmp, icmpv6, -1, or an IANA number. */
  readonly ipProtocol: string;
  /** First port, or the ICMP type. */
  readonly fromPort?: number;
  /** Last port, or the ICMP code. */
  readonly toPort?: number;
  /** The one source or destination: a group, a CIDR or a prefix list. */
  readonly source: RuleSource;
  /** The rule's description (ASCII, at most 255 characters). */
  readonly description: string;
  /** The rule's tags. */
  readonly tags: Readonly<Record<string, string>>;
}

/** A checked translation of a plan: everything the AWS components register, and the review summary. */
export interface AwsFirewallSpec {
  /** One entry per node group. */
  readonly groups: readonly AwsGroupSpec[];
  /** Every rule, in a stable order. */
  readonly rules: readonly AwsRuleSpec[];
  /** Node group -> its review summary. */
  readonly summary: Readonly<Record<string, AwsGroupSummary>>;
  /** The plan's warnings. */
  readonly warnings: readonly PlanWarning[];
}
