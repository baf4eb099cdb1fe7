/**
 * What kubeports will create on Azure, as plain data: the translation produces these, the
 * component registers them, tests and reports read them. No Pulumi types here.
 */
import type { PriorityBand } from "./azurePriorities";

export type AzureProtocol = "Tcp" | "Udp" | "Icmp" | "Esp" | "*";
export type AzureDirection = "Inbound" | "Outbound";
export type AzureFamily = "ipv4" | "ipv6";

/** One side (source or destination) of a rule. Azure allows exactly one kind per side. */
export type AzureSide =
  /** The application security groups of these node groups (at most 10). */
  | { readonly kind: "groups"; readonly groups: readonly string[] }
  /** CIDRs of one family (Azure refuses mixed families in one list), from these peer names. */
  | { readonly kind: "prefixes"; readonly family: AzureFamily; readonly prefixes: readonly string[]; readonly peers: readonly string[] }
  /** A service tag the user chose for these peers, or VirtualNetwork for the deny rules. */
  | { readonly kind: "tag"; readonly tag: string; readonly peers: readonly string[] }
  /** "*": any address. Only the destination of the outbound deny rules. */
  | { readonly kind: "any" };

export interface AzureRuleSpec {
  /** Azure name and Pulumi logical name; content-derived, unique within the component. */
  readonly name: string;
  /** What the rule is (direction, sides, protocol); its priority is derived from this. */
  readonly identity: string;
  readonly direction: AzureDirection;
  readonly access: "Allow" | "Deny";
  /** Node groups whose machines the rule protects (destination inbound, source outbound). */
  readonly groups: readonly string[];
  readonly source: AzureSide;
  readonly destination: AzureSide;
  readonly protocol: AzureProtocol;
  /** destinationPortRanges entries ("22", "30000-32767"), or undefined for every port ("*"). */
  readonly ports?: readonly string[];
  readonly priority: number;
  readonly description: string;
  /** Keys of the plan flows this rule carries (empty for deny rules). */
  readonly flows: readonly string[];
  /** "profile/row" of every documented row behind the rule. */
  readonly reasons: readonly string[];
}

/** A host-name flow that no NSG rule can allow, and whether the firewall blocks it as a result. */
export interface UnexpressedHost {
  readonly group: string;
  readonly host: string;
  readonly protocol: string;
  readonly ports?: string;
  /** True with restrictEgress (the deny rule drops it); false: Azure's AllowInternetOutBound lets it out. */
  readonly blocked: boolean;
  readonly reasons: readonly string[];
}

export interface AzureTranslateOptions {
  /** Component-name prefix of every name (validated by namePrefix). */
  readonly prefix: string;
  readonly reserved: readonly PriorityBand[];
  /** Rule name -> pinned priority (args.priorities); absent or empty: none pinned. */
  readonly priorities?: Readonly<Record<string, number>>;
  /** Peer name (or document label) -> service tag used instead of its CIDRs. */
  readonly serviceTags: Readonly<Record<string, string>>;
  readonly allowIpInIpAsAnyProtocol: boolean;
  readonly restrictEgress: boolean;
  readonly allowVirtualNetworkInbound: boolean;
}

export interface AzureTranslation {
  /** Sorted by direction, then priority. */
  readonly rules: readonly AzureRuleSpec[];
  readonly hosts: readonly UnexpressedHost[];
  /** Things a reviewer must know: widened ICMP, IP-in-IP as *, egress left to Azure's defaults, ... */
  readonly notes: readonly string[];
}
