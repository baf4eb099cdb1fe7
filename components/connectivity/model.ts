/**
 * The connectivity model: what a Kubernetes cluster needs between its own machines whatever a
 * vendor page says, one entry per upstream requirement with the page and the row it comes from.
 * The core requirements are per distribution (kubeadm, KubeKey, Kubean, RKE1, RKE2, K3s); the
 * overlay requirements are per CNI and mode and connect every pair of nodes of a cluster,
 * two nodes of one group included. `distributions.ts` says which node groups play which part.
 */
import type { Condition, Provenance } from "../model/requirement";
import type { IcmpMatch, Protocol } from "../model/protocol";
import { source } from "../profiles/dsl";

export const DISTRIBUTIONS = ["kubeadm", "kubekey", "kubean", "rke1", "rke2", "k3s"] as const;
export type DistributionId = (typeof DISTRIBUTIONS)[number];

/** Who sends: every node of the cluster, its control plane or etcd members, a named peer, or pod addresses. */
export type ModelSource =
  | { readonly nodes: true }
  | { readonly part: "controlPlane" | "etcd" }
  | { readonly peer: string }
  | { readonly pods: true };

/** Who receives: always machines of the cluster. */
export type ModelTarget = { readonly nodes: true } | { readonly part: "controlPlane" | "etcd" };

export interface ModelRequirement {
  /** Stable id; supplements and reports key on it. */
  readonly id: string;
  readonly description: string;
  readonly protocol: Protocol;
  /** One port or one contiguous range ("2379-2380"). */
  readonly ports?: string;
  readonly icmp?: IcmpMatch;
  readonly from: ModelSource;
  readonly to: ModelTarget;
  readonly when?: Condition;
  /** Only for these distributions (a CNI port that one distribution's installer changes). */
  readonly only?: readonly DistributionId[];
  readonly except?: readonly DistributionId[];
  /** With a peer or pod source: only its CIDRs of this family. */
  readonly family?: "ipv4" | "ipv6";
  readonly source: Provenance;
}

const KUBERNETES = source("https://kubernetes.io/docs/reference/networking/ports-and-protocols/");
const RKE2 = source("https://docs.rke2.io/install/requirements");
const K3S = source("https://docs.k3s.io/installation/requirements#networking");
const RKE1 = source("004_4e84222665e307a4.txt");
const CALICO = source("https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements");
const FLANNEL = source("https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md");
const CILIUM = source("https://docs.cilium.io/en/stable/operations/system_requirements/#firewall-rules");
const WEAVE = source("004_4e84222665e307a4.txt");
const CALICO_OVERLAY = source("https://docs.tigera.io/calico/latest/networking/configuring/vxlan-ipip");
const KUBESPRAY_CALICO = source("https://github.com/kubernetes-sigs/kubespray/blob/master/roles/network_plugin/calico_defaults/defaults/main.yml");
const CILIUM_ROUTING = source("https://docs.cilium.io/en/latest/network/concepts/routing/");

const nodes = { nodes: true } as const;
const controlPlane = { part: "controlPlane" } as const;
const etcd = { part: "etcd" } as const;
const pods = { pods: true } as const;

const POOLS = "Downstream, Node Pools tab ({{< ports-iaas-nodes >}})";

/** Control plane, etcd and kubelet traffic, per distribution, as each distribution's own page states it. */
export const CORE_REQUIREMENTS: Readonly<Record<DistributionId, readonly ModelRequirement[]>> = {
  kubeadm: kubeadmCore(),
  // KubeKey and Kubean (Kubespray) both bootstrap the control plane with kubeadm.
  kubekey: kubeadmCore(),
  kubean: kubeadmCore(),
  rke1: [
    { id: "etcd-peer", description: "etcd peer and client traffic between etcd members", protocol: "tcp", ports: "2379-2380", from: etcd, to: etcd, source: RKE1(`${POOLS}: etcd -> etcd TCP 2379, 2380`) },
    { id: "etcd-client", description: "etcd client traffic from the API servers", protocol: "tcp", ports: "2379-2380", from: controlPlane, to: etcd, source: RKE1(`${POOLS}: controlplane -> etcd TCP 2379, 2380`) },
    { id: "apiserver", description: "Kubernetes API from every node", protocol: "tcp", ports: "6443", from: nodes, to: controlPlane, source: RKE1(`${POOLS}: etcd, controlplane, worker -> controlplane TCP 6443`) },
    { id: "kubelet", description: "kubelet API from the control plane", protocol: "tcp", ports: "10250", from: controlPlane, to: nodes, source: RKE1(`${POOLS}: controlplane -> etcd, controlplane, worker TCP 10250`) },
  ],
  rke2: [
    { id: "apiserver", description: "Kubernetes API from every node", protocol: "tcp", ports: "6443", from: nodes, to: controlPlane, source: RKE2("Inbound Network Rules: 6443 TCP All RKE2 nodes -> RKE2 server nodes, Kubernetes API") },
    { id: "supervisor", description: "RKE2 supervisor API (node registration) from every node", protocol: "tcp", ports: "9345", from: nodes, to: controlPlane, source: RKE2("Inbound Network Rules: 9345 TCP All RKE2 nodes -> RKE2 server nodes, RKE2 supervisor API") },
    { id: "kubelet", description: "kubelet between all nodes", protocol: "tcp", ports: "10250", from: nodes, to: nodes, source: RKE2("Inbound Network Rules: 10250 TCP All RKE2 nodes -> All RKE2 nodes, kubelet metrics") },
    { id: "etcd-client", description: "etcd client port between servers", protocol: "tcp", ports: "2379", from: controlPlane, to: controlPlane, source: RKE2("Inbound Network Rules: 2379 TCP RKE2 server nodes -> RKE2 server nodes, etcd client port") },
    { id: "etcd-peer", description: "etcd peer port between servers", protocol: "tcp", ports: "2380", from: controlPlane, to: controlPlane, source: RKE2("Inbound Network Rules: 2380 TCP RKE2 server nodes -> RKE2 server nodes, etcd peer port") },
  ],
  k3s: [
    { id: "supervisor-api", description: "K3s supervisor (node registration) and Kubernetes API from every node", protocol: "tcp", ports: "6443", from: nodes, to: controlPlane, source: K3S("Networking: \"The K3s server needs port 6443 to be accessible by all nodes.\"") },
    { id: "kubelet", description: "kubelet between all nodes", protocol: "tcp", ports: "10250", from: nodes, to: nodes, source: K3S("Inbound Rules for K3s Nodes: TCP 10250 All nodes -> All nodes, Kubelet metrics") },
    { id: "etcd", description: "embedded etcd between servers (HA)", protocol: "tcp", ports: "2379-2380", from: controlPlane, to: controlPlane, when: { ha: true }, source: K3S("Inbound Rules for K3s Nodes: TCP 2379-2380 Servers -> Servers, Required only for HA with embedded etcd") },
  ],
};

function kubeadmCore(): ModelRequirement[] {
  return [
    { id: "apiserver", description: "Kubernetes API from every node", protocol: "tcp", ports: "6443", from: nodes, to: controlPlane, source: KUBERNETES("Control plane: TCP Inbound 6443 Kubernetes API server, used by All") },
    { id: "etcd-client", description: "etcd client API from kube-apiserver", protocol: "tcp", ports: "2379-2380", from: controlPlane, to: etcd, source: KUBERNETES("Control plane: TCP Inbound 2379-2380 etcd server client API, used by kube-apiserver, etcd") },
    { id: "etcd-peer", description: "etcd peer traffic between etcd members", protocol: "tcp", ports: "2379-2380", from: etcd, to: etcd, source: KUBERNETES("Control plane: TCP Inbound 2379-2380 etcd server client API, used by kube-apiserver, etcd") },
    { id: "kubelet", description: "Kubelet API from the control plane", protocol: "tcp", ports: "10250", from: controlPlane, to: nodes, source: KUBERNETES("Worker node(s): TCP Inbound 10250 Kubelet API, used by Self, Control plane") },
  ];
}

const calico = { cni: "calico" } as const;
const flannelVxlan = { cni: "flannel", encryption: "none" } as const;

/** The overlay between every pair of nodes of a cluster, per CNI and mode; pod-addressed modes take the pod CIDR. */
export const OVERLAY_REQUIREMENTS: readonly ModelRequirement[] = [
  // Calico.
  { id: "calico-bgp", description: "Calico BGP between all nodes", protocol: "tcp", ports: "179", from: nodes, to: nodes, when: { ...calico, calicoMode: ["ipip", "bgp"] }, source: CALICO("Calico networking (BGP): All, bidirectional, TCP 179") },
  { id: "calico-ipip", description: "Calico IP-in-IP overlay between all nodes", protocol: "ipip", from: nodes, to: nodes, when: { ...calico, calicoMode: "ipip" }, source: CALICO("Calico networking with IP-in-IP enabled (default): All, bidirectional, IP-in-IP (protocol 4)") },
  { id: "calico-vxlan", description: "Calico VXLAN overlay between all nodes", protocol: "udp", ports: "4789", from: nodes, to: nodes, when: { ...calico, calicoMode: "vxlan" }, source: CALICO("Calico networking with VXLAN enabled: All, bidirectional, UDP 4789") },
  { id: "calico-typha", description: "Felix to Typha (Typha may run on any node)", protocol: "tcp", ports: "5473", from: nodes, to: nodes, when: { ...calico, calicoTypha: true }, source: CALICO("Calico networking with Typha enabled: Typha agent hosts, incoming, TCP 5473") },
  { id: "calico-wireguard-ipv4", description: "Calico WireGuard (IPv4) between all nodes", protocol: "udp", ports: "51820", from: nodes, to: nodes, when: { ...calico, encryption: "wireguard" }, source: CALICO("Calico networking with IPv4 Wireguard enabled: All, bidirectional, UDP 51820") },
  { id: "calico-wireguard-ipv6", description: "Calico WireGuard (IPv6) between all nodes", protocol: "udp", ports: "51821", from: nodes, to: nodes, when: { ...calico, encryption: "wireguard", ipv6: true }, source: CALICO("Calico networking with IPv6 Wireguard enabled: All, bidirectional, UDP 51821") },
  {
    id: "calico-pod-routing", description: "pod traffic routed without encapsulation (source is a pod address)", protocol: "all", from: pods, to: nodes,
    when: { ...calico, calicoMode: "bgp" }, source: CALICO_OVERLAY("Concepts, Routing workload IP addresses: without an overlay, the network must route workload IP addresses"),
  },
  {
    id: "calico-pod-routing-ipv6", description: "IPv6 pod traffic routed without encapsulation (Calico has no IPv6 IP-in-IP)", protocol: "all", from: pods, to: nodes,
    when: { ...calico, calicoMode: "ipip", ipv6: true }, family: "ipv6", source: KUBESPRAY_CALICO("\"Calico doesn't support ipip tunneling for the IPv6.\" (calico_ipip_mode_ipv6: Never)"),
  },
  // Flannel: the kernel's VXLAN port, except where the distribution's installer sets 4789.
  { id: "flannel-vxlan", description: "Flannel VXLAN overlay between all nodes", protocol: "udp", ports: "8472", from: nodes, to: nodes, when: flannelVxlan, except: ["rke2"], source: FLANNEL("VXLAN: Port, on Linux defaults to kernel default, currently 8472") },
  { id: "flannel-vxlan", description: "Flannel VXLAN overlay between all nodes", protocol: "udp", ports: "4789", from: nodes, to: nodes, when: flannelVxlan, only: ["rke2"], source: RKE2("CNI Specific Inbound Network Rules, Flannel: 4789 UDP All RKE2 nodes, Flannel CNI with VXLAN") },
  { id: "flannel-vxlan-windows", description: "Flannel VXLAN on Windows nodes", protocol: "udp", ports: "4789", from: nodes, to: nodes, when: { ...flannelVxlan, windows: true }, source: FLANNEL("VXLAN: Port, on Windows must be 4789") },
  { id: "flannel-wireguard-ipv4", description: "Flannel WireGuard (IPv4) between all nodes", protocol: "udp", ports: "51820", from: nodes, to: nodes, when: { cni: "flannel", encryption: "wireguard" }, source: FLANNEL("WireGuard: ListenPort, default 51820") },
  { id: "flannel-wireguard-ipv6", description: "Flannel WireGuard (IPv6) between all nodes", protocol: "udp", ports: "51821", from: nodes, to: nodes, when: { cni: "flannel", encryption: "wireguard", ipv6: true }, source: FLANNEL("WireGuard: ListenPortV6, default 51821") },
  // Canal: Flannel's VXLAN (or WireGuard) carries the traffic.
  { id: "canal-vxlan", description: "Canal (Flannel) VXLAN overlay between all nodes", protocol: "udp", ports: "8472", from: nodes, to: nodes, when: { cni: "canal", encryption: "none" }, source: RKE2("CNI Specific Inbound Network Rules, Canal: 8472 UDP All RKE2 nodes, Canal CNI with VXLAN") },
  { id: "canal-wireguard-ipv4", description: "Canal WireGuard (IPv4) between all nodes", protocol: "udp", ports: "51820", from: nodes, to: nodes, when: { cni: "canal", encryption: "wireguard" }, source: RKE2("CNI Specific Inbound Network Rules, Canal: 51820 UDP All RKE2 nodes, Canal CNI with WireGuard IPv4") },
  { id: "canal-wireguard-ipv6", description: "Canal WireGuard (IPv6) between all nodes", protocol: "udp", ports: "51821", from: nodes, to: nodes, when: { cni: "canal", encryption: "wireguard", ipv6: true }, source: RKE2("CNI Specific Inbound Network Rules, Canal: 51821 UDP All RKE2 nodes, Canal CNI with WireGuard IPv6/dual-stack") },
  // Cilium.
  { id: "cilium-health", description: "cilium-health between all nodes", protocol: "tcp", ports: "4240", from: nodes, to: nodes, when: { cni: "cilium" }, source: CILIUM("Firewall Rules: TCP 4240 open among all nodes; 4240/tcp cluster health checks (cilium-health)") },
  { id: "cilium-health-echo-request", description: "cilium-health ICMP echo request", protocol: "icmp", icmp: { type: 8, code: 0 }, from: nodes, to: nodes, when: { cni: "cilium" }, source: CILIUM("Firewall Rules: ICMP Type 0/8, Code 0 open among all nodes (cilium-health)") },
  { id: "cilium-health-echo-reply", description: "cilium-health ICMP echo reply", protocol: "icmp", icmp: { type: 0, code: 0 }, from: nodes, to: nodes, when: { cni: "cilium" }, source: CILIUM("Firewall Rules: ICMP Type 0/8, Code 0 open among all nodes (cilium-health)") },
  { id: "cilium-vxlan", description: "Cilium VXLAN overlay between all nodes", protocol: "udp", ports: "8472", from: nodes, to: nodes, when: { cni: "cilium", ciliumTunnel: "vxlan" }, source: CILIUM("Firewall Rules: VXLAN overlay mode, UDP 8472 open among all nodes") },
  { id: "cilium-geneve", description: "Cilium Geneve overlay between all nodes", protocol: "udp", ports: "6081", from: nodes, to: nodes, when: { cni: "cilium", ciliumTunnel: "geneve" }, source: CILIUM("Firewall Rules: Geneve overlay mode, UDP 6081") },
  {
    id: "cilium-pod-routing", description: "pod traffic in native routing mode (source is a pod address)", protocol: "all", from: pods, to: nodes,
    when: { cni: "cilium", ciliumTunnel: "native" }, source: CILIUM_ROUTING("Native-Routing, Requirements on the network: the network connecting the hosts must be able to forward IP traffic using addresses given to pods"),
  },
  { id: "cilium-wireguard", description: "Cilium WireGuard between all nodes", protocol: "udp", ports: "51871", from: nodes, to: nodes, when: { cni: "cilium", encryption: "wireguard" }, source: CILIUM("Firewall Rules: WireGuard, allow UDP port 51871") },
  { id: "cilium-ipsec", description: "Cilium IPsec (ESP) between all nodes", protocol: "esp", from: nodes, to: nodes, when: { cni: "cilium", encryption: "ipsec" }, source: CILIUM("Firewall Rules: IPsec enabled deployments, the firewall allows ESP traffic") },
  // Weave.
  { id: "weave-control", description: "Weave control between all nodes", protocol: "tcp", ports: "6783", from: nodes, to: nodes, when: { cni: "weave" }, source: WEAVE("Other Port Considerations, Commonly Used Ports row 9: TCP 6783 Weave Port") },
  { id: "weave-data", description: "Weave data plane between all nodes", protocol: "udp", ports: "6783-6784", from: nodes, to: nodes, when: { cni: "weave" }, source: WEAVE("Other Port Considerations, Commonly Used Ports row 10: UDP 6783-6784 Weave UDP Ports") },
];
