/**
 * RKE2 "Requirements: Networking", one entry per table row in the page's order: inbound
 * rules, the CNI-specific tabs (each row only with its CNI), the Windows rules, "typically all
 * outbound traffic will be allowed", then the embedded registry mirror's requirement from its
 * own page. RKE2 servers run the API server, supervisor and etcd: role controlPlane; agents
 * are workers (optional: a single-server cluster has none).
 */
import type { Profile } from "../model/requirement";
import { cidrs, nodes, operatorSsh, peer, role, source } from "./dsl";

const PAGE = "https://docs.rke2.io/install/requirements";
const MIRROR = "https://docs.rke2.io/install/registry_mirror";
const at = source(PAGE);
const ACCESS = "https://docs.rke2.io/cluster_access";
const access = source(ACCESS);
const mirror = source(MIRROR);

const INBOUND = "Inbound Network Rules";
const CNI = "CNI Specific Inbound Network Rules";
const WINDOWS = "Windows Specific Inbound Network Rules";
const servers = role("controlPlane");
const all = nodes();

export const rke2: Profile = {
  id: "rke2",
  title: "RKE2 networking requirements",
  document: PAGE,
  alsoSee: [MIRROR, ACCESS],
  roles: {
    controlPlane: { description: "RKE2 server node (API server, supervisor, etcd)", kubernetes: true },
    worker: { description: "RKE2 agent node", kubernetes: true, optional: true },
  },
  peers: {
    apiClients: "kubectl and other Kubernetes API clients outside the cluster",
    admin: "operators' networks (SSH to every node)",
  },
  options: ["cni", "calicoMode", "calicoTypha", "ciliumTunnel", "encryption", "ipv6", "windows", "embeddedRegistry"],
  // RKE2's default CNI is Canal.
  defaults: { cni: "canal" },
  rows: [
    {
      id: "apiserver", description: "Kubernetes API", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [all], to: servers, source: at(`${INBOUND}: 6443 TCP All RKE2 nodes -> RKE2 server nodes, Kubernetes API`),
    },
    {
      id: "supervisor", description: "RKE2 supervisor API", direction: "inbound", protocols: ["tcp"], ports: "9345",
      from: [all], to: servers, source: at(`${INBOUND}: 9345 TCP All RKE2 nodes -> RKE2 server nodes, RKE2 supervisor API`),
    },
    {
      id: "kubelet", description: "kubelet metrics", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [all], to: all, source: at(`${INBOUND}: 10250 TCP All RKE2 nodes -> All RKE2 nodes, kubelet metrics`),
    },
    {
      id: "etcd-client", description: "etcd client port", direction: "inbound", protocols: ["tcp"], ports: "2379",
      from: [servers], to: servers, source: at(`${INBOUND}: 2379 TCP RKE2 server nodes -> RKE2 server nodes, etcd client port`),
    },
    {
      id: "etcd-peer", description: "etcd peer port", direction: "inbound", protocols: ["tcp"], ports: "2380",
      from: [servers], to: servers, source: at(`${INBOUND}: 2380 TCP RKE2 server nodes -> RKE2 server nodes, etcd peer port`),
    },
    {
      id: "etcd-metrics", description: "etcd metrics port", direction: "inbound", protocols: ["tcp"], ports: "2381",
      from: [servers], to: servers, source: at(`${INBOUND}: 2381 TCP RKE2 server nodes -> RKE2 server nodes, etcd metrics port`),
    },
    {
      id: "nodeport", description: "NodePort port range", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [all], to: all, source: at(`${INBOUND}: 30000-32767 TCP All RKE2 nodes -> All RKE2 nodes, NodePort port range`),
    },

    // Canal tab.
    {
      id: "canal-vxlan", description: "Canal CNI with VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { cni: "canal", encryption: "none" }, source: at(`${CNI}, Canal: 8472 UDP All RKE2 nodes, Canal CNI with VXLAN`),
    },
    {
      id: "canal-health", description: "Canal CNI health checks", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [all], to: all, when: { cni: "canal" }, source: at(`${CNI}, Canal: 9099 TCP All RKE2 nodes, Canal CNI health checks`),
    },
    {
      id: "canal-wireguard-ipv4", description: "Canal CNI with WireGuard IPv4", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [all], to: all, when: { cni: "canal", encryption: "wireguard" }, source: at(`${CNI}, Canal: 51820 UDP All RKE2 nodes, Canal CNI with WireGuard IPv4`),
    },
    {
      id: "canal-wireguard-ipv6", description: "Canal CNI with WireGuard IPv6/dual-stack", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [all], to: all, when: { cni: "canal", encryption: "wireguard", ipv6: true },
      source: at(`${CNI}, Canal: 51821 UDP All RKE2 nodes, Canal CNI with WireGuard IPv6/dual-stack`),
    },

    // Cilium tab.
    {
      id: "cilium-icmp-echo-request", description: "Cilium CNI health checks (ICMP echo request)", direction: "inbound", protocols: ["icmp"], icmp: { type: 8, code: 0 },
      from: [all], to: all, when: { cni: "cilium" }, source: at(`${CNI}, Cilium: 8/0 ICMP All RKE2 nodes, Cilium CNI health checks`),
      note: "\"8/0\" read as ICMP type 8 code 0 (echo request); the replies are row cilium-icmp-echo-reply.",
    },
    {
      id: "cilium-icmp-echo-reply", description: "Cilium CNI health checks (ICMP echo reply)", direction: "inbound", protocols: ["icmp"], icmp: { type: 0, code: 0 },
      from: [all], to: all, when: { cni: "cilium" }, source: at(`${CNI}, Cilium: 8/0 ICMP All RKE2 nodes, Cilium CNI health checks`),
      note: "\"8/0\" also read as ICMP type 0 (echo reply), which Cilium's own requirements list beside type 8.",
    },
    {
      id: "cilium-health", description: "Cilium CNI health checks", direction: "inbound", protocols: ["tcp"], ports: "4240",
      from: [all], to: all, when: { cni: "cilium" }, source: at(`${CNI}, Cilium: 4240 TCP All RKE2 nodes, Cilium CNI health checks`),
    },
    {
      id: "cilium-vxlan", description: "Cilium CNI with VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { cni: "cilium", ciliumTunnel: "vxlan" }, source: at(`${CNI}, Cilium: 8472 UDP All RKE2 nodes, Cilium CNI with VXLAN`),
    },
    {
      id: "cilium-wireguard", description: "Cilium CNI with WireGuard", direction: "inbound", protocols: ["udp"], ports: "51871",
      from: [all], to: all, when: { cni: "cilium", encryption: "wireguard" }, source: at(`${CNI}, Cilium: 51871 UDP All RKE2 nodes, Cilium CNI with WireGuard`),
    },

    // Calico tab.
    {
      id: "calico-bgp", description: "Calico CNI with BGP", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [all], to: all, when: { cni: "calico", calicoMode: ["ipip", "bgp"] }, source: at(`${CNI}, Calico: 179 TCP All RKE2 nodes, Calico CNI with BGP`),
    },
    {
      id: "calico-vxlan", description: "Calico CNI with VXLAN", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [all], to: all, when: { cni: "calico", calicoMode: "vxlan" }, source: at(`${CNI}, Calico: 4789 UDP All RKE2 nodes, Calico CNI with VXLAN`),
    },
    {
      id: "calico-typha", description: "Calico CNI with Typha", direction: "inbound", protocols: ["tcp"], ports: "5473",
      from: [all], to: all, when: { cni: "calico", calicoTypha: true }, source: at(`${CNI}, Calico: 5473 TCP All RKE2 nodes, Calico CNI with Typha`),
    },
    {
      id: "calico-typha-health", description: "Calico Typha health checks", direction: "inbound", protocols: ["tcp"], ports: "9098",
      from: [all], to: all, when: { cni: "calico", calicoTypha: true }, source: at(`${CNI}, Calico: 9098 TCP All RKE2 nodes, Calico Typha health checks`),
    },
    {
      id: "calico-health", description: "Calico health checks", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [all], to: all, when: { cni: "calico" }, source: at(`${CNI}, Calico: 9099 TCP All RKE2 nodes, Calico health checks`),
    },

    // Flannel tab.
    {
      id: "flannel-vxlan", description: "Flannel CNI with VXLAN", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [all], to: all, when: { cni: "flannel" }, source: at(`${CNI}, Flannel: 4789 UDP All RKE2 nodes, Flannel CNI with VXLAN`),
    },

    // Windows.
    {
      id: "windows-vxlan", description: "Required for Calico and Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [all], to: all, when: { windows: true, cni: ["calico", "flannel"] }, source: at(`${WINDOWS}: UDP 4789 All RKE2 nodes, Required for Calico and Flannel VXLAN`),
    },
    {
      id: "windows-bgp", description: "Calico CNI with BGP", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [all], to: all, when: { windows: true, cni: "calico" }, source: at(`${WINDOWS}: TCP 179 All RKE2 nodes, Calico CNI with BGP`),
    },

    {
      id: "outbound", description: "all outbound traffic", direction: "outbound", protocols: ["all"],
      from: [all], to: cidrs("all destinations (typically all outbound traffic will be allowed)", "0.0.0.0/0"),
      source: at("Networking: \"Typically, all outbound traffic will be allowed.\""),
      note: "The page prints no address; all outbound is read as 0.0.0.0/0 (and ::/0 with ipv6).",
    },
    {
      id: "outbound-ipv6", description: "all outbound traffic (IPv6)", direction: "outbound", protocols: ["all"],
      from: [all], to: cidrs("all destinations (typically all outbound traffic will be allowed)", "::/0"), when: { ipv6: true },
      source: at("Networking: \"Typically, all outbound traffic will be allowed.\""),
    },

    // Embedded Registry Mirror (Spegel).
    {
      id: "registry-mirror-p2p", description: "embedded registry mirror (Spegel) peer-to-peer", direction: "inbound", protocols: ["tcp"], ports: "5001",
      from: [all], to: all, when: { embeddedRegistry: true },
      source: mirror("Requirements: all nodes must be able to reach each other on TCP ports 5001 and 9345"),
    },
    {
      id: "registry-mirror-supervisor", description: "embedded registry mirror (Spegel) on the supervisor port", direction: "inbound", protocols: ["tcp"], ports: "9345",
      from: [all], to: all, when: { embeddedRegistry: true },
      source: mirror("Requirements: all nodes must be able to reach each other on TCP ports 5001 and 9345"),
    },

    // Cluster access page: kubectl from outside the cluster talks to a server's 6443.
    {
      id: "apiserver-clients", description: "Kubernetes API for kubectl and other clients", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("apiClients")], to: servers, source: access("Accessing the Cluster from Outside with kubectl: copy /etc/rancher/rke2/rke2.yaml to a machine outside the cluster and replace 127.0.0.1 with the IP or hostname of your RKE2 server"),
      note: "The networks kubectl runs from are the apiClients peer; unset, nothing outside the cluster reaches 6443.",
    },
    operatorSsh("RKE2"),
  ],
  disagreements: [
    {
      id: "flannel-vxlan-port",
      rows: ["flannel-vxlan", "canal-vxlan"],
      says: "Flannel CNI with VXLAN on UDP 4789, Canal (Flannel underneath) on UDP 8472",
      other: "Flannel's own default VXLAN port on Linux is the kernel's 8472 (4789 on Windows); K3s and Rancher use 8472",
      otherSource: "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md",
    },
    {
      id: "nodeport-udp",
      rows: ["nodeport"],
      says: "NodePort 30000-32767 over TCP",
      other: "Kubernetes NodePort services also use UDP 30000-32767",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "health-local",
      rows: ["canal-health", "calico-health", "calico-typha-health"],
      says: "health checks 9099 (and Typha's 9098) between all RKE2 nodes",
      other: "Felix and Typha serve health on localhost by default (healthHost), so the probes are local to each node",
      otherSource: "https://docs.tigera.io/calico/latest/reference/felix/configuration",
    },
  ],
};
