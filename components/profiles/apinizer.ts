/**
 * Apinizer on Kubernetes 1.31 with Flannel 0.27.4, one entry per documented row in the
 * document's order: internet hosts for installation, the directional Kubernetes tables
 * (Worker → Master, Master → Worker, Master ↔ Master), the HA load-balancer VIP, then
 * Apinizer's NodePorts and its databases. The "Port Requirements Summary" repeats ports
 * from these sections; the row that covers each summary entry cites it in its note.
 * Seed: 003_28c0748e70da3eff.txt.
 */
import type { Profile } from "../model/requirement";
import { hosts, nodes, peer, role, source } from "./dsl";

const SEED = "003_28c0748e70da3eff.txt";
const at = source(SEED);

/** The tables' Protocol column says HTTPS (or HTTP) for services that run over TCP. */
const HTTPS = "Protocol column says HTTPS: TLS over TCP.";
const HTTP = "Protocol column says HTTP: TCP.";
const FLANNEL = "Flannel is the CNI this page was checked with.";

export const apinizer: Profile = {
  id: "apinizer",
  title: "Apinizer (Kubernetes 1.31, Flannel 0.27.4) port requirements",
  document: SEED,
  roles: {
    controlPlane: { description: "Master Node (Kubernetes control plane, etcd)", kubernetes: true },
    worker: { description: "Worker Node (runs Apinizer Manager and Worker)", kubernetes: true },
    mongodb: { description: "MongoDB server (replica set member)", kubernetes: false, optional: true },
    elasticsearch: { description: "Elasticsearch server", kubernetes: false, optional: true },
  },
  peers: {
    admin: "people who use the Apinizer Manager web console",
    workloadClients: "consumers of the APIs served by the Apinizer Worker (API Gateway)",
    loadBalancer: "the HA load balancer's VIP (for example HAProxy) in front of the masters' API servers",
  },
  options: ["cni", "encryption", "ha", "apinizerWorkerPort"],
  defaults: { cni: "flannel" },
  rows: [
    // Internet Access Requirements: "required during installation"
    {
      id: "internet-os-packages", description: "OS packages", direction: "outbound", protocols: ["tcp"], ports: ["80", "443"],
      from: [nodes(), role("mongodb"), role("elasticsearch")], to: hosts("archive.ubuntu.com", "cdn.redhat.com"),
      source: at("Internet Access Requirements: archive.ubuntu.com / cdn.redhat.com"),
      note:
        "Every server installs OS packages. TCP 80 because Ubuntu's default sources use http://archive.ubuntu.com; " +
        "TCP 443 for cdn.redhat.com (HTTPS only).",
    },
    {
      id: "internet-docker-com", description: "Docker packages", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [nodes()], to: hosts("*.docker.com"), source: at("Internet Access Requirements: *.docker.com"),
      note: "HTTPS: the container runtime's package repository.",
    },
    {
      id: "internet-docker-io", description: "Docker Hub images", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [nodes()], to: hosts("*.docker.io"), source: at("Internet Access Requirements: *.docker.io"),
      note: "HTTPS: image pulls.",
    },
    {
      id: "internet-k8s-io", description: "Kubernetes packages and images", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [nodes()], to: hosts("*.k8s.io"), source: at("Internet Access Requirements: *.k8s.io"),
      note: "HTTPS: pkgs.k8s.io and registry.k8s.io.",
    },
    {
      id: "internet-amazonaws-com", description: "registry.k8s.io image layers", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [nodes()], to: hosts("*.amazonaws.com"), source: at("Internet Access Requirements: *.amazonaws.com"),
      note: "HTTPS: registry.k8s.io redirects image layer downloads to AWS storage.",
    },
    {
      id: "internet-mongodb-org", description: "MongoDB packages", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [role("mongodb")], to: hosts("*.mongodb.org"), source: at("Internet Access Requirements: *.mongodb.org"),
      note: "HTTPS: the MongoDB servers install from repo.mongodb.org.",
    },
    {
      id: "internet-elastic-co", description: "Elasticsearch packages", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [role("elasticsearch")], to: hosts("artifacts.elastic.co"), source: at("Internet Access Requirements: artifacts.elastic.co"),
      note: "HTTPS: the Elasticsearch servers download it.",
    },
    // Worker Node -> Master Node Port Permissions
    {
      id: "w2m-apiserver", description: "Kubernetes API Server", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [role("worker")], to: role("controlPlane"), source: at("Worker Node -> Master Node: 6443 HTTPS Kubernetes API Server"),
      note: `${HTTPS} Summary, Kubernetes API: "6443: Kubernetes API Server".`,
    },
    {
      id: "w2m-kubelet", description: "Kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("worker")], to: role("controlPlane"), source: at("Worker Node -> Master Node: 10250 HTTPS Kubelet API"),
      note: `${HTTPS} Summary, Kubernetes API: "10250: Kubelet API".`,
    },
    {
      id: "w2m-kube-scheduler", description: "Kube-scheduler", direction: "inbound", protocols: ["tcp"], ports: "10259",
      from: [role("worker")], to: role("controlPlane"), source: at("Worker Node -> Master Node: 10259 HTTPS Kube-scheduler"),
      note: `${HTTPS} Summary, Kubernetes API: "10259: Kube-scheduler". See disagreement control-plane-clients.`,
    },
    {
      id: "w2m-kube-controller-manager", description: "Kube-controller-manager", direction: "inbound", protocols: ["tcp"], ports: "10257",
      from: [role("worker")], to: role("controlPlane"), source: at("Worker Node -> Master Node: 10257 HTTPS Kube-controller-manager"),
      note: `${HTTPS} Summary, Kubernetes API: "10257: Kube-controller-manager". See disagreement control-plane-clients.`,
    },
    {
      id: "w2m-etcd", description: "etcd client/server", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [role("worker")], to: role("controlPlane"), source: at("Worker Node -> Master Node: 2379-2380 TCP etcd client/server"),
      note: "Not in the Summary. See disagreement control-plane-clients.",
    },
    {
      id: "w2m-flannel-vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [role("worker")], to: role("controlPlane"), when: { cni: "flannel" },
      source: at("Worker Node -> Master Node: 8472 UDP Flannel VXLAN"),
      note: `${FLANNEL} Summary, Network Plugin: "8472: Flannel VXLAN".`,
    },
    {
      id: "w2m-flannel-wireguard", description: "Flannel Wireguard", direction: "inbound", protocols: ["udp"], ports: ["51820", "51821"],
      from: [role("worker")], to: role("controlPlane"), when: { cni: "flannel", encryption: "wireguard" },
      source: at("Worker Node -> Master Node: 51820/51821 UDP Flannel Wireguard, Required: warning sign"),
      note: `Required column shows a warning sign: only with Flannel's WireGuard backend. Summary, Network Plugin: "51820/51821: Flannel Wireguard (optional)".`,
    },
    // Master Node -> Worker Node Port Permissions
    {
      id: "m2w-kubelet", description: "Kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: role("worker"), source: at("Master Node -> Worker Node: 10250 HTTPS Kubelet API"),
      note: HTTPS,
    },
    {
      id: "m2w-nodeport", description: "NodePort Services", direction: "inbound", protocols: ["tcp", "udp"], ports: "30000-32767",
      from: [role("controlPlane")], to: role("worker"), source: at("Master Node -> Worker Node: 30000-32767 TCP/UDP NodePort Services"),
      note: "Not in the Summary, which lists only Apinizer's own NodePorts.",
    },
    {
      id: "m2w-flannel-vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [role("controlPlane")], to: role("worker"), when: { cni: "flannel" },
      source: at("Master Node -> Worker Node: 8472 UDP Flannel VXLAN"),
      note: FLANNEL,
    },
    {
      id: "m2w-flannel-wireguard", description: "Flannel Wireguard", direction: "inbound", protocols: ["udp"], ports: ["51820", "51821"],
      from: [role("controlPlane")], to: role("worker"), when: { cni: "flannel", encryption: "wireguard" },
      source: at("Master Node -> Worker Node: 51820/51821 UDP Flannel Wireguard, Required: warning sign"),
      note: "Required column shows a warning sign: only with Flannel's WireGuard backend.",
    },
    // Master Node <-> Master Node Port Permissions
    {
      id: "m2m-apiserver", description: "Kubernetes API Server", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Master Node <-> Master Node: 6443 HTTPS Kubernetes API Server"),
      note: HTTPS,
    },
    {
      id: "m2m-etcd", description: "etcd client/server", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Master Node <-> Master Node: 2379-2380 TCP etcd client/server"),
    },
    {
      id: "m2m-kubelet", description: "Kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Master Node <-> Master Node: 10250 HTTPS Kubelet API"),
      note: HTTPS,
    },
    {
      id: "m2m-kube-scheduler", description: "Kube-scheduler", direction: "inbound", protocols: ["tcp"], ports: "10259",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Master Node <-> Master Node: 10259 HTTPS Kube-scheduler"),
      note: HTTPS,
    },
    {
      id: "m2m-kube-controller-manager", description: "Kube-controller-manager", direction: "inbound", protocols: ["tcp"], ports: "10257",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Master Node <-> Master Node: 10257 HTTPS Kube-controller-manager"),
      note: HTTPS,
    },
    {
      id: "m2m-flannel-vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [role("controlPlane")], to: role("controlPlane"), when: { cni: "flannel" },
      source: at("Master Node <-> Master Node: 8472 UDP Flannel VXLAN"),
      note: `${FLANNEL} This table has no Wireguard row; see disagreement wireguard-between-masters.`,
    },
    // Kubernetes High Availability (HA) Cluster
    {
      id: "ha-vip-to-masters", description: "Load Balancer VIP to Master 6443", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("loadBalancer")], to: role("controlPlane"), when: { ha: true },
      source: at("Load Balancer VIP: VIP -> Master Node 1/2/3:6443"),
      note:
        "The VIP is a peer, not a role: it is an address (HAProxy, keepalived or a cloud LB) whose CIDRs the layout gives, " +
        "and a proxying LB reaches the masters from that address.",
    },
    {
      id: "ha-nodes-to-vip", description: "Load Balancer VIP access", direction: "outbound", protocols: ["tcp"], ports: "6443",
      from: [role("controlPlane"), role("worker")], to: peer("loadBalancer"), when: { ha: true },
      source: at("Load Balancer VIP Access: Master/Control Plane and Worker servers to the VIP over 6443"),
    },
    // Apinizer Port Requirements: For Worker Servers
    {
      id: "manager", description: "Apinizer Manager access", direction: "inbound", protocols: ["tcp"], ports: "32080",
      from: [peer("admin")], to: role("worker"), source: at("For Worker Servers, Manager Port: 32080 HTTP Apinizer Manager access"),
      note: `${HTTP} The Manager is Apinizer's web console, so its users are the admin peer. Summary, Apinizer: "32080: Manager".`,
    },
    {
      id: "worker-gateway-30080", description: "Apinizer Worker (API Gateway) access", direction: "inbound", protocols: ["tcp"], ports: "30080",
      from: [peer("workloadClients")], to: role("worker"), when: { apinizerWorkerPort: 30080 },
      source: at("For Worker Servers, Worker Port: 30080 or 30090 HTTP Apinizer Worker (API Gateway) access"),
      note: `${HTTP} The "30080" choice of the row. Summary, Apinizer: "30080/30090: Worker".`,
    },
    {
      id: "worker-gateway-30090", description: "Apinizer Worker (API Gateway) access", direction: "inbound", protocols: ["tcp"], ports: "30090",
      from: [peer("workloadClients")], to: role("worker"), when: { apinizerWorkerPort: 30090 },
      source: at("For Worker Servers, Worker Port: 30080 or 30090 HTTP Apinizer Worker (API Gateway) access"),
      note: `${HTTP} The "30090" choice of the row. Summary, Apinizer: "30080/30090: Worker".`,
    },
    // For MongoDB Servers
    {
      id: "mongodb", description: "MongoDB access (replica set)", direction: "inbound", protocols: ["tcp"], ports: "27017",
      from: [role("mongodb"), role("worker", "any")], to: role("mongodb"), source: at("For MongoDB Servers: 27017 TCP MongoDB access"),
      note:
        "Replica set members talk to each other; Apinizer, on the worker servers, is the client. " +
        'Summary, Database: "27017: MongoDB".',
    },
    // For Elasticsearch Servers
    {
      id: "elasticsearch-http", description: "Elasticsearch HTTP API access", direction: "inbound", protocols: ["tcp"], ports: "9200",
      from: [role("worker", "any")], to: role("elasticsearch"), source: at("For Elasticsearch Servers: 9200 HTTP Elasticsearch HTTP API access"),
      note: `${HTTP} Apinizer, on the worker servers, writes its logs there. Summary, Database: "9200: Elasticsearch HTTP".`,
    },
    {
      id: "elasticsearch-transport", description: "Elasticsearch cluster communication", direction: "inbound", protocols: ["tcp"], ports: "9300",
      from: [role("elasticsearch")], to: role("elasticsearch"), source: at("For Elasticsearch Servers: 9300 TCP Elasticsearch Transport"),
      note: 'Between Elasticsearch nodes. Summary, Database: "9300: Elasticsearch Transport".',
    },
  ],
  disagreements: [
    {
      id: "control-plane-clients", rows: ["w2m-etcd", "w2m-kube-scheduler", "w2m-kube-controller-manager"],
      says: "open etcd 2379-2380, kube-scheduler 10259 and kube-controller-manager 10257 from all worker nodes to the masters",
      other: "etcd is used only by kube-apiserver and etcd; kube-scheduler and kube-controller-manager only by the node itself",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "vxlan-port", rows: ["w2m-flannel-vxlan", "m2w-flannel-vxlan", "m2m-flannel-vxlan"],
      says: "Flannel VXLAN on UDP 8472",
      other: "UDP 8472 is the Linux default that Flannel, K3s, Canal and Cilium use; Calico and RKE2's Flannel use the IANA port UDP 4789",
      otherSource: "https://docs.rke2.io/install/requirements#networking",
    },
    {
      id: "flannel-wireguard-ports", rows: ["w2m-flannel-wireguard", "m2w-flannel-wireguard"],
      says: "Flannel Wireguard UDP 51820/51821",
      other: "Flannel's WireGuard backend uses 51820 for IPv4 and 51821 only for IPv6 (dual stack)",
      otherSource: "https://docs.k3s.io/installation/requirements#networking",
    },
    {
      id: "wireguard-between-masters", rows: ["w2m-flannel-wireguard", "m2w-flannel-wireguard"],
      says: "the Master <-> Master table lists Flannel VXLAN but no Flannel Wireguard",
      other: "Flannel's WireGuard tunnels run between all nodes, masters included",
      otherSource: "https://docs.k3s.io/installation/requirements#networking",
    },
    {
      id: "worker-to-worker", rows: ["w2m-flannel-vxlan", "m2w-flannel-vxlan"],
      says: "no Worker <-> Worker table: nothing is opened between worker nodes",
      other: "Flannel's overlay (VXLAN UDP 8472, or WireGuard) carries pod traffic between all nodes, workers included",
      otherSource: "https://docs.k3s.io/installation/requirements#networking",
    },
  ],
};
