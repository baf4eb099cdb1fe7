/**
 * The layout as Pulumi's other languages write it. Pulumi infers a package schema from these
 * interfaces and refuses unions, intersections and readonly arrays, so this is the model's
 * Layout with each union flattened into optional fields and each enum as a string. The
 * values are checked where every layout is: compile() reports a wrong enum value or a party
 * with two kinds with the same messages a layout file gets.
 */

/** What a user writes: which documents apply, with which options, on which machines. */
export interface Layout {
  /** Name of the layout; descriptions and reports show it. */
  name: string;
  /** Profile ids from the catalog, applied together, for example ["kubernetes", "calico"] (`kubeports profiles` lists them). */
  profiles: string[];
  /** Options the profiles' rows depend on (CNI, HA, offline install, ...); unset options take the profiles' defaults. */
  options?: LayoutOptions;
  /** Cluster name -> kind, for profiles that distinguish clusters (DCE 5.0: "global" and "worker"). */
  clusters?: Record<string, LayoutCluster>;
  /** Node group name -> the roles its machines play. Each group becomes one firewall identity (security group, tag or ASG). */
  groups: Record<string, NodeGroup>;
  /** External peer name (admin, apiClients, ...) -> CIDRs. A row whose peer has no CIDRs is left out and noted. */
  peers?: Record<string, string[]>;
  /** Site-specific rules beyond the profiles, in the same shape as a profile row. */
  rules?: CustomRule[];
  /** The cluster's pod CIDRs (IPv4 and/or IPv6): required where pod addresses cross the network (Calico BGP, Cilium native routing). */
  podCidr?: string[];
  /** supplement (default), warn or strict: what happens to a flow the Kubernetes connectivity model requires and no row opens. */
  completeness?: string;
}

/** A set of machines that share one firewall identity. */
export interface NodeGroup {
  /** Roles from the layout's profiles that these machines play, for example ["controlPlane", "etcd"]. */
  roles: string[];
  /** Cluster the group belongs to (a key of `clusters`); groups without one share a single implicit cluster. */
  cluster?: string;
}

/** One cluster of a multi-cluster layout. */
export interface LayoutCluster {
  /** A cluster kind the profiles define, for example "global" or "worker" for DCE 5.0. */
  kind: string;
}

/** A rule the layout adds beyond its profiles (a site-specific port). */
export interface CustomRule {
  /** Lower-case letters, digits and hyphens; unique in the layout, and part of the rule's name. */
  id: string;
  /** What the traffic is for; becomes the rule description. */
  description: string;
  /** One or more of tcp, udp, icmp, ipip, ipip94, esp, all. */
  protocols: string[];
  /** TCP/UDP ports: "22", "2379-2380", one string each. */
  ports?: string[];
  /** ICMP type and code; leave out for all ICMP. */
  icmp?: IcmpMatch;
  /** Who may connect: each entry sets one kind of party. */
  from: Party[];
  /** Who is connected to. */
  to: Party;
  /** Why this rule may open a Kubernetes-internal port (etcd, kubelet, overlay, BGP, ...) to 0.0.0.0/0 or ::/0; required for such a rule, and shown in every report. */
  allowInternet?: string;
}

/** ICMP type and code. */
export interface IcmpMatch {
  /** ICMP type, 0-255 (8 is echo request). */
  type: number;
  /** ICMP code, 0-255; leave out for every code of the type. */
  code?: number;
}

/**
 * One end of a rule. Set exactly one kind: `role` (with optional `cluster`), `group`,
 * `nodes: true` (with optional `cluster`), `peer`, `cidrs` with `label`, or `hosts`.
 */
export interface Party {
  /** Node groups that carry this role. */
  role?: string;
  /** With `role` or `nodes`: omitted = the other end's cluster; "any" = every cluster; otherwise clusters of that kind. */
  cluster?: string;
  /** One node group by name. */
  group?: string;
  /** true: every Kubernetes node. */
  nodes?: boolean;
  /** A named external peer whose CIDRs the layout's `peers` supply. */
  peer?: string;
  /** Fixed CIDRs (give `label` too). */
  cidrs?: string[];
  /** With `cidrs`: what the addresses are, for descriptions and reports. */
  label?: string;
  /** Host names, for outbound rules. */
  hosts?: string[];
}

/** Layout options; each one only matters to profiles with rows that depend on it. */
export interface LayoutOptions {
  /** The CNI plugin the cluster runs: calico, flannel, canal, cilium, weave or none. */
  cni?: string;
  /** Calico's data plane: ipip (IP-in-IP with BGP), vxlan, or bgp (no encapsulation). */
  calicoMode?: string;
  /** Calico runs Typha (TCP 5473 to Typha hosts). */
  calicoTypha?: boolean;
  /** Cilium's tunnel: vxlan (UDP 8472), geneve (UDP 6081) or native routing. */
  ciliumTunnel?: string;
  /** Cilium Hubble server and relay (TCP 4244, 4245). */
  hubble?: boolean;
  /** Node-to-node encryption of the CNI: none, wireguard (Calico, Flannel, Cilium) or ipsec (Cilium). */
  encryption?: string;
  /** The cluster also carries IPv6 (dual stack): IPv6-only ports such as WireGuard 51821 apply. */
  ipv6?: boolean;
  /** Several control-plane nodes with etcd between them, usually behind a load-balancer VIP. */
  ha?: boolean;
  /** Offline (air-gapped) installation from a local registry and package mirror. */
  offline?: boolean;
  /** NFS storage is used (rpcbind TCP 111). */
  nfs?: boolean;
  /** A monitoring stack scrapes node and CNI metrics. */
  monitoring?: boolean;
  /** MetalLB announces service VIPs (TCP/UDP 7472, 7946). */
  metallb?: boolean;
  /** kube-vip provides the Kubernetes API VIP (TCP 2112 metrics). */
  kubeVip?: boolean;
  /** SpiderPool IPAM/CNI add-on (TCP 5710-5724). */
  spiderpool?: boolean;
  /** DCE 5.0 global cluster Istio gateway VIP (TCP 80, 443). */
  istioGateway?: boolean;
  /** DCE 5.0 Insight observability VIPs on the global cluster (TCP 8480, 9200, 4317, 8006). */
  insight?: boolean;
  /** How the Rancher server is installed: k3s, rke, or docker (a single container). */
  rancherInstall?: string;
  /** How Rancher's downstream cluster is launched: nodePools, custom, hosted or imported. */
  downstream?: string;
  /** An external load balancer fronts the Rancher server (cluster nodes reach Rancher through it). */
  rancherBehindLoadBalancer?: boolean;
  /** Rancher's authorized cluster endpoint: API clients reach the downstream control plane on TCP 6443 directly. */
  authorizedClusterEndpoint?: boolean;
  /** The downstream cluster has Windows workers (UDP 4789 overlay). */
  windows?: boolean;
  /** rancher-nodes rule set: docs (the table Rancher's docs print) or driver (what the EC2 node driver opens today). */
  rancherNodesRules?: string;
  /** rancher-nodes: SSH, Docker TLS and the Kubernetes API from the admin peer instead of 0.0.0.0/0. */
  rancherNodesAdminOnly?: boolean;
  /** K3s/RKE2 embedded distributed registry mirror (Spegel): TCP 5001 plus the supervisor port between all nodes. */
  embeddedRegistry?: boolean;
  /** NodePort of the Apinizer worker (API gateway): 30080 or 30090. */
  apinizerWorkerPort?: number;
}
