/**
 * The options a layout can set. Profiles read them through row conditions (`when`), never
 * through code. Every option has a description because the CLI, the Pulumi config schema
 * and the README all show it.
 */
/** The CNI plugins a layout can pick (`options.cni`). */
export const CNIS = ["calico", "flannel", "canal", "cilium", "weave", "none"] as const;
/** A CNI plugin. */
export type Cni = (typeof CNIS)[number];

/** Calico data planes (`options.calicoMode`). */
export const CALICO_MODES = ["ipip", "vxlan", "bgp"] as const;
/** A Calico data plane. */
export type CalicoMode = (typeof CALICO_MODES)[number];

/** Cilium tunnel modes (`options.ciliumTunnel`). */
export const CILIUM_TUNNELS = ["vxlan", "geneve", "native"] as const;
/** A Cilium tunnel mode. */
export type CiliumTunnel = (typeof CILIUM_TUNNELS)[number];

/** CNI node-to-node encryption choices (`options.encryption`). */
export const ENCRYPTIONS = ["none", "wireguard", "ipsec"] as const;
/** A CNI encryption choice. */
export type Encryption = (typeof ENCRYPTIONS)[number];

/** How the Rancher server is installed (`options.rancherInstall`). */
export const RANCHER_INSTALLS = ["k3s", "rke", "docker"] as const;
/** A Rancher server installation. */
export type RancherInstall = (typeof RANCHER_INSTALLS)[number];

/** Kinds of Rancher downstream clusters (`options.downstream`). */
export const DOWNSTREAM_KINDS = ["nodePools", "custom", "hosted", "imported"] as const;
/** A kind of downstream cluster. */
export type DownstreamKind = (typeof DOWNSTREAM_KINDS)[number];

/** Rule sets of the rancher-nodes group (`options.rancherNodesRules`): the documented table or what the node driver opens. */
export const RANCHER_NODES_RULES = ["docs", "driver"] as const;
/** A rancher-nodes rule set. */
export type RancherNodesRules = (typeof RANCHER_NODES_RULES)[number];

/** Every option a layout can set, with its type; a layout gives any subset (`Partial<LayoutOptions>`). */
export interface LayoutOptions {
  /** The CNI plugin the cluster runs. One of "calico", "flannel", "canal", "cilium", "weave", "none". */
  cni: Cni;
  /** Calico's data plane: IP-in-IP with BGP, VXLAN, or BGP without encapsulation. One of "ipip", "vxlan", "bgp". */
  calicoMode: CalicoMode;
  /** Calico runs Typha (TCP 5473 to Typha hosts). */
  calicoTypha: boolean;
  /** Cilium's tunnel: VXLAN (UDP 8472), Geneve (UDP 6081) or native routing. One of "vxlan", "geneve", "native". */
  ciliumTunnel: CiliumTunnel;
  /** Cilium Hubble server and relay (TCP 4244, 4245). */
  hubble: boolean;
  /** Node-to-node encryption of the CNI: WireGuard (Calico, Flannel, Cilium) or IPsec (Cilium). One of "none", "wireguard", "ipsec". */
  encryption: Encryption;
  /** The cluster also carries IPv6 (dual stack): IPv6-only ports such as WireGuard 51821 apply. */
  ipv6: boolean;
  /** Several control-plane nodes with etcd between them, usually behind a load-balancer VIP. */
  ha: boolean;
  /** Offline (air-gapped) installation from a local registry and package mirror. */
  offline: boolean;
  /** NFS storage is used (rpcbind TCP 111). */
  nfs: boolean;
  /** A monitoring stack scrapes node and CNI metrics. */
  monitoring: boolean;
  /** MetalLB announces service VIPs (TCP/UDP 7472, 7946). */
  metallb: boolean;
  /** kube-vip provides the Kubernetes API VIP (TCP 2112 metrics). */
  kubeVip: boolean;
  /** SpiderPool IPAM/CNI add-on (TCP 5710-5724). */
  spiderpool: boolean;
  /** DCE 5.0 global cluster Istio gateway VIP (TCP 80, 443). */
  istioGateway: boolean;
  /** DCE 5.0 Insight observability VIPs on the global cluster (TCP 8480, 9200, 4317, 8006). */
  insight: boolean;
  /** How the Rancher server is installed: on K3s, on RKE, or as a single Docker container. One of "k3s", "rke", "docker". */
  rancherInstall: RancherInstall;
  /** How Rancher's downstream cluster is launched. One of "nodePools", "custom", "hosted", "imported". */
  downstream: DownstreamKind;
  /** An external load balancer fronts the Rancher server (cluster nodes reach Rancher through it). */
  rancherBehindLoadBalancer: boolean;
  /** Rancher's authorized cluster endpoint: API clients reach the downstream control plane on TCP 6443 directly. */
  authorizedClusterEndpoint: boolean;
  /** The downstream cluster has Windows workers (UDP 4789 overlay). */
  windows: boolean;
  /** rancher-nodes rule set: the table Rancher's docs print, or what the EC2 node driver opens today. One of "docs", "driver". */
  rancherNodesRules: RancherNodesRules;
  /** rancher-nodes: SSH, Docker TLS and the Kubernetes API from the admin peer instead of 0.0.0.0/0. */
  rancherNodesAdminOnly: boolean;
  /** K3s/RKE2 embedded distributed registry mirror (Spegel): TCP 5001 plus the supervisor port between all nodes. */
  embeddedRegistry: boolean;
  /** NodePort of the Apinizer worker (API gateway): 30080 or 30090. */
  apinizerWorkerPort: number;
}

/** The name of a layout option. */
export type OptionName = keyof LayoutOptions;

/** An option's description and allowed values. */
export interface OptionInfo {
  /** What the option means, with the ports it adds. */
  readonly description: string;
  /** Allowed values for enumerated options; booleans and numbers have none. */
  readonly values?: readonly (string | number)[];
}

/** Each option's description and allowed values, as the CLI, the config schema and the README show them. */
export const OPTION_INFO: { readonly [K in OptionName]: OptionInfo } = {
  cni: { description: "The CNI plugin the cluster runs.", values: CNIS },
  calicoMode: { description: "Calico's data plane: IP-in-IP with BGP, VXLAN, or BGP without encapsulation.", values: CALICO_MODES },
  calicoTypha: { description: "Calico runs Typha (TCP 5473 to Typha hosts).", },
  ciliumTunnel: { description: "Cilium's tunnel: VXLAN (UDP 8472), Geneve (UDP 6081) or native routing.", values: CILIUM_TUNNELS },
  hubble: { description: "Cilium Hubble server and relay (TCP 4244, 4245).", },
  encryption: { description: "Node-to-node encryption of the CNI: WireGuard (Calico, Flannel, Cilium) or IPsec (Cilium).", values: ENCRYPTIONS },
  ipv6: { description: "The cluster also carries IPv6 (dual stack): IPv6-only ports such as WireGuard 51821 apply.", },
  ha: { description: "Several control-plane nodes with etcd between them, usually behind a load-balancer VIP.", },
  offline: { description: "Offline (air-gapped) installation from a local registry and package mirror.", },
  nfs: { description: "NFS storage is used (rpcbind TCP 111).", },
  monitoring: { description: "A monitoring stack scrapes node and CNI metrics.", },
  metallb: { description: "MetalLB announces service VIPs (TCP/UDP 7472, 7946).", },
  kubeVip: { description: "kube-vip provides the Kubernetes API VIP (TCP 2112 metrics).", },
  spiderpool: { description: "SpiderPool IPAM/CNI add-on (TCP 5710-5724).", },
  istioGateway: { description: "DCE 5.0 global cluster Istio gateway VIP (TCP 80, 443).", },
  insight: { description: "DCE 5.0 Insight observability VIPs on the global cluster (TCP 8480, 9200, 4317, 8006).", },
  rancherInstall: { description: "How the Rancher server is installed: on K3s, on RKE, or as a single Docker container.", values: RANCHER_INSTALLS },
  downstream: { description: "How Rancher's downstream cluster is launched.", values: DOWNSTREAM_KINDS },
  rancherBehindLoadBalancer: { description: "An external load balancer fronts the Rancher server (cluster nodes reach Rancher through it).", },
  authorizedClusterEndpoint: { description: "Rancher's authorized cluster endpoint: API clients reach the downstream control plane on TCP 6443 directly.", },
  windows: { description: "The downstream cluster has Windows workers (UDP 4789 overlay).", },
  rancherNodesRules: { description: "rancher-nodes rule set: the table Rancher's docs print, or what the EC2 node driver opens today.", values: RANCHER_NODES_RULES },
  rancherNodesAdminOnly: { description: "rancher-nodes: SSH, Docker TLS and the Kubernetes API from the admin peer instead of 0.0.0.0/0.", },
  embeddedRegistry: { description: "K3s/RKE2 embedded distributed registry mirror (Spegel): TCP 5001 plus the supervisor port between all nodes.", },
  apinizerWorkerPort: { description: "NodePort of the Apinizer worker (API gateway): 30080 or 30090.", values: [30080, 30090] },
};

/** Defaults for a layout that sets nothing; profiles may override some (see Profile.defaults). */
export const DEFAULT_OPTIONS: LayoutOptions = {
  cni: "calico",
  calicoMode: "ipip",
  calicoTypha: false,
  ciliumTunnel: "vxlan",
  hubble: false,
  encryption: "none",
  ipv6: false,
  ha: false,
  offline: false,
  nfs: false,
  monitoring: false,
  metallb: false,
  kubeVip: false,
  spiderpool: false,
  istioGateway: false,
  insight: false,
  rancherInstall: "k3s",
  downstream: "nodePools",
  rancherBehindLoadBalancer: true,
  authorizedClusterEndpoint: false,
  windows: false,
  rancherNodesRules: "docs",
  rancherNodesAdminOnly: false,
  embeddedRegistry: false,
  apinizerWorkerPort: 30080,
};
