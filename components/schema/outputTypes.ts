/**
 * The multi-language components' structured outputs, as Pulumi's schema inference accepts
 * them (no readonly arrays, no literal unions). The values are the TypeScript components'
 * own, unchanged: these interfaces only restate their shape, and test/schema-construct
 * checks that the runtime objects carry exactly these fields.
 */

/** One AWS security group rule, for review. */
export interface AwsRuleSummary {
  /** Pulumi logical name of the rule resource. */
  name: string;
  /** "ingress" or "egress". */
  direction: string;
  /** tcp, udp, icmp, icmpv6, ipip, ipip94, esp or all. */
  protocol: string;
  /** What AWS receives: tcp, udp, icmp, icmpv6, -1, or an IANA number. */
  ipProtocol: string;
  /** "6443", "30000-32767", "all ports", "type 8 code 0", "all traffic", "IP protocol 4". */
  ports: string;
  /** "self (workers)", "group workers", "10.0.0.0/8 (admin)", "0.0.0.0/0 (anywhere)", "prefix list of office". */
  peer: string;
  /** "self", "group", "cidr" or "prefix-list". */
  peerKind: string;
  /** True for 0.0.0.0/0 or ::/0. */
  world: boolean;
  /** Cluster-internal services an inbound rule reaches (etcd, kubelet, ...); review world rules with these first. */
  internalServices: string[];
  /** The rule's AWS description. */
  description: string;
  /** The documented rows behind the rule: "profile/row: description (document, row in the document)". */
  reasons: string[];
  /** Plan flow keys the rule carries. */
  flows: string[];
}

/** A world opening a vendor document prescribes. */
export interface PlanWarning {
  /** "world-open"; "world-open-internal" when it reaches a Kubernetes-internal service (etcd, kubelet, overlay, ...); "mode-undocumented" when the layout picks a mode (e.g. calicoMode vxlan) no profile in it documents. */
  code: string;
  /** The node group the opening is on. */
  group: string;
  /** The plan flow key. */
  flow: string;
  /** What is open and why, in words. */
  message: string;
  /** The layout rules' allowInternet reasons, when the layout acknowledged opening an internal port to the internet. */
  allowInternet?: string[];
}

/** Protocol and ports of a GCP rule entry. */
export interface GcpAllow {
  /** tcp, udp, icmp, ... or an IP protocol number. */
  protocol: string;
  /** Ports or ranges ("22", "30000-32767"); absent for every port. */
  ports?: string[];
}

/** Outbound traffic to a host name, which GCP VPC firewall rules cannot name. */
export interface GcpUnexpressedHost {
  /** The node group that sends it. */
  group: string;
  /** The host name. */
  host: string;
  /** Protocols and ports. */
  allows: GcpAllow[];
  /** True when egress is restricted: the traffic is denied. False: GCP's implied allow-egress rule lets it out. */
  blocked: boolean;
  /** Why no rule allows it, and what to do. */
  why: string;
  /** The documented rows that ask for it. */
  reasons: string[];
}

/** Outbound traffic to a host name, which NSG rules cannot name. */
export interface AzureUnexpressedHost {
  /** The node group that sends it. */
  group: string;
  /** The host name. */
  host: string;
  /** Tcp, Udp, ... as Azure names them. */
  protocol: string;
  /** Ports or ranges; absent for every port. */
  ports?: string;
  /** True with restrictEgress (the deny rule drops it); false: Azure's AllowInternetOutBound lets it out. */
  blocked: boolean;
  /** The documented rows that ask for it. */
  reasons: string[];
}
