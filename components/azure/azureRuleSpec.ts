/**
 * What kubeports will create on Azure, as plain data: the translation produces these, the
 * component registers them, tests and reports read them. No Pulumi types here.
 */
import type { PriorityBand } from "./azurePriorities";

/** An NSG rule's protocol ("*": any). */
export type AzureProtocol = "Tcp" | "Udp" | "Icmp" | "Esp" | "*";
/** An NSG rule's direction. */
export type AzureDirection = "Inbound" | "Outbound";
/** The IP family of a prefix list. */
export type AzureFamily = "ipv4" | "ipv6";

/** One side (source or destination) of a rule. Azure allows exactly one kind per side. */
export type AzureSide =
  /** The application security groups of these node groups (at most 10). */
  | {
      /** Application security groups. */
      readonly kind: "groups";
      /** The node groups whose ASGs the side names. */
      readonly groups: readonly string[];
    }
  /** CIDRs of one family (Azure refuses mixed families in one list), from these peer names. */
  | {
      /** Address prefixes. */
      readonly kind: "prefixes";
      /** Their IP family. */
      readonly family: AzureFamily;
      /** Canonical CIDRs. */
      readonly prefixes: readonly string[];
      /** The peers they belong to. */
      readonly peers: readonly string[];
    }
  /** A service tag the user chose for these peers, or VirtualNetwork for the deny rules. */
  | {
      /** A service tag. */
      readonly kind: "tag";
      /** The tag, e.g. AzureLoadBalancer or VirtualNetwork. */
      readonly tag: string;
      /** The peers it stands for. */
      readonly peers: readonly string[];
    }
  /** "*": any address. Only the destination of the outbound deny rules. */
  | {
      /** Any address. */
      readonly kind: "any";
    };

/** One NSG security rule as it is registered. */
export interface AzureRuleSpec {
  /** Azure name and Pulumi logical name; content-derived, unique within the component. */
  readonly name: string;
  /** What the rule is (direction, sides, protocol); its priority is derived from this. */
  readonly identity: string;
  /** Inbound or Outbound. */
  readonly direction: AzureDirection;
  /** Allow, or Deny (the virtual-network and restrictEgress deny rules). */
  readonly access: "Allow" | "Deny";
  /** Node groups whose machines the rule protects (destination inbound, source outbound). */
  readonly groups: readonly string[];
  /** Where traffic comes from. */
  readonly source: AzureSide;
  /** Where traffic goes. */
  readonly destination: AzureSide;
  /** The rule's protocol. */
  readonly protocol: AzureProtocol;
  /** destinationPortRanges entries ("22", "30000-32767"), or undefined for every port ("*"). */
  readonly ports?: readonly string[];
  /** 100-4096, derived from the identity so neighbours never renumber. */
  readonly priority: number;
  /** The rule's description, from the documented rows behind it. */
  readonly description: string;
  /** Keys of the plan flows this rule carries (empty for deny rules). */
  readonly flows: readonly string[];
  /** "profile/row" of every documented row behind the rule. */
  readonly reasons: readonly string[];
}

/** A host-name flow that no NSG rule can allow, and whether the firewall blocks it as a result. */
export interface UnexpressedHost {
  /** The node group that sends. */
  readonly group: string;
  /** The host name. */
  readonly host: string;
  /** Its protocol. */
  readonly protocol: string;
  /** Its ports, if any. */
  readonly ports?: string;
  /** True with restrictEgress (the deny rule drops it); false: Azure's AllowInternetOutBound lets it out. */
  readonly blocked: boolean;
  /** The documented rows behind it. */
  readonly reasons: readonly string[];
}

/** What the Azure translation needs besides the plan (from the checked args). */
export interface AzureTranslateOptions {
  /** Component-name prefix of every name (validated by namePrefix). */
  readonly prefix: string;
  /** Priority bands kubeports never assigns. */
  readonly reserved: readonly PriorityBand[];
  /** Rule name -> pinned priority (args.priorities); absent or empty: none pinned. */
  readonly priorities?: Readonly<Record<string, number>>;
  /** Peer name (or document label) -> service tag used instead of its CIDRs. */
  readonly serviceTags: Readonly<Record<string, string>>;
  /** Express IP-in-IP rows as "*"-protocol rules instead of failing. */
  readonly allowIpInIpAsAnyProtocol: boolean;
  /** Deny all outbound from the cluster's ASGs but the plan's. */
  readonly restrictEgress: boolean;
  /** Keep Azure's AllowVnetInBound in force (no virtual-network deny rules). */
  readonly allowVirtualNetworkInbound: boolean;
}

/** A plan translated for Azure: the rules, the host names no rule can name, and notes. */
export interface AzureTranslation {
  /** Sorted by direction, then priority. */
  readonly rules: readonly AzureRuleSpec[];
  /** Outbound host names no NSG rule can name. */
  readonly hosts: readonly UnexpressedHost[];
  /** Things a reviewer must know: widened ICMP, IP-in-IP as *, egress left to Azure's defaults, ... */
  readonly notes: readonly string[];
}
