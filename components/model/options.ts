/**
 * The options a layout can set. Profiles read them through row conditions (`when`), never
 * through code. Every option has a description because the CLI, the Pulumi config schema
 * and the README all show it.
 */
export const CNIS = ["calico", "flannel", "canal", "cilium", "weave", "none"] as const;
export type Cni = (typeof CNIS)[number];

export const CALICO_MODES = ["ipip", "vxlan", "bgp"] as const;
export type CalicoMode = (typeof CALICO_MODES)[number];

export const CILIUM_TUNNELS = ["vxlan", "geneve", "native"] as const;
export type CiliumTunnel = (typeof CILIUM_TUNNELS)[number];

export const ENCRYPTIONS = ["none", "wireguard", "ipsec"] as const;
export type Encryption = (typeof ENCRYPTIONS)[number];

export const RANCHER_INSTALLS = ["k3s", "rke", "docker"] as const;
export type RancherInstall = (typeof RANCHER_INSTALLS)[number];

export const DOWNSTREAM_KINDS = ["nodePools", "custom", "hosted", "imported"] as const;
export type DownstreamKind = (typeof DOWNSTREAM_KINDS)[number];

export const RANCHER_NODES_RULES = ["docs", "driver"] as const;
export type RancherNodesRules = (typeof RANCHER_NODES_RULES)[number];

export interface LayoutOptions {
  cni: Cni;
  calicoMode: CalicoMode;
  calicoTypha: boolean;
  ciliumTunnel: CiliumTunnel;
  hubble: boolean;
  encryption: Encryption;
  ipv6: boolean;
  ha: boolean;
  offline: boolean;
  nfs: boolean;
  monitoring: boolean;
  metallb: boolean;
  kubeVip: boolean;
  spiderpool: boolean;
  istioGateway: boolean;
  insight: boolean;
  rancherInstall: RancherInstall;
  downstream: DownstreamKind;
  rancherBehindLoadBalancer: boolean;
  authorizedClusterEndpoint: boolean;
  windows: boolean;
  rancherNodesRules: RancherNodesRules;
  rancherNodesAdminOnly: boolean;
  embeddedRegistry: boolean;
  apinizerWorkerPort: number;
}

export type OptionName = keyof LayoutOptions;

interface OptionInfo {
  readonly description: string;
  /** Allowed values for enumerated options; booleans and numbers have none. */
  readonly values?: readonly (string | number)[];
}

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
