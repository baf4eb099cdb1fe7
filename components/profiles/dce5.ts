/**
 * DaoCloud DCE 5.0 "Port Requirements", one entry per table row in the document's order.
 * The tables list ports to open on a kind of host; only the global-cluster and worker-cluster
 * tables name a "User". Elsewhere each row's `note` says how the clients were read.
 * Both kinds of cluster are Kubean clusters with the same node ports; the cluster-specific
 * tables are scoped with cluster kinds (`global`, `worker`).
 * Seed: 002_11a7d37e648c88ee.txt.
 */
import type { Profile } from "../model/requirement";
import { nodes, peer, role, source } from "./dsl";

const SEED = "002_11a7d37e648c88ee.txt";
const at = source(SEED);

export const dce5: Profile = {
  id: "dce5",
  title: "DaoCloud DCE 5.0 port requirements",
  document: SEED,
  roles: {
    controlPlane: { description: "K8s control plane node (runs etcd too, as Kubean deploys it)", kubernetes: true },
    worker: { description: "K8s worker node", kubernetes: true },
    bootstrap: {
      description: "bootstrap node (installer: Docker registry, Chart Museum, MinIO)",
      kubernetes: false,
      optional: true,
    },
    registry: {
      description: "Container Registry product's access entry (such as a VIP)",
      kubernetes: false,
      optional: true,
    },
  },
  peers: {
    admin: "operators who install DCE (MinIO UI on the bootstrap node, SSH for Ansible)",
    apiClients: "kubectl and other Kubernetes API clients",
    workloadClients: "clients of NodePort services",
    consoleUsers: "web browsers and API clients of the DCE console (global cluster Istio gateway VIP)",
  },
  options: [
    "cni", "calicoMode", "calicoTypha", "encryption", "ipv6", "metallb",
    "ciliumTunnel", "hubble", "spiderpool", "kubeVip", "istioGateway", "insight",
  ],
  // The page lists Hubble's ports for every Cilium install, so Hubble is assumed on.
  defaults: { cni: "calico", metallb: true, hubble: true },
  clusterKinds: {
    global: "the global management cluster (DCE console, Insight, Kubean)",
    worker: "a worker cluster the global management cluster manages",
  },
  rows: [
    // Bootstrap Node
    {
      id: "bootstrap-registry", description: "Docker Registry", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [nodes("any")], to: role("bootstrap"), source: at("Bootstrap Node: TCP 443 Docker Registry"),
      note: "Nodes of every cluster pull images from the bootstrap node.",
    },
    {
      id: "chart-museum", description: "Chart Museum", direction: "inbound", protocols: ["tcp"], ports: "8081",
      from: [nodes("any")], to: role("bootstrap"), source: at("Bootstrap Node: TCP 8081 Chart Museum"),
      note: "Helm installs in every cluster fetch charts from the bootstrap node.",
    },
    {
      id: "minio-api", description: "Minio API", direction: "inbound", protocols: ["tcp"], ports: "9000",
      from: [nodes("any")], to: role("bootstrap"), source: at("Bootstrap Node: TCP 9000 Minio API"),
      note: "Kubean downloads binaries and packages for every cluster's nodes from MinIO.",
    },
    {
      id: "minio-ui", description: "Minio UI", direction: "inbound", protocols: ["tcp"], ports: "9001",
      from: [peer("admin")], to: role("bootstrap"), source: at("Bootstrap Node: TCP 9001 Minio UI"),
      note: "A web console for people, so only the admin peer; nodes use the API on 9000.",
    },
    // K8s Control Plane
    {
      id: "etcd-client", description: "etcd client port", direction: "inbound", protocols: ["tcp"], ports: "2379",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 2379 etcd client port"),
      note: "etcd runs on the control plane; its clients are the API servers there.",
    },
    {
      id: "etcd-peer", description: "etcd peer port", direction: "inbound", protocols: ["tcp"], ports: "2380",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 2380 etcd peer port"),
    },
    {
      id: "etcd-metrics", description: "etcd metric port", direction: "inbound", protocols: ["tcp"], ports: "2381",
      from: [nodes()], to: role("controlPlane"), source: at("K8s Control Plane: TCP 2381 etcd metric port"),
      note: "Scraped by the cluster's own Prometheus (Insight-Agent), which may run on any node.",
    },
    {
      id: "apiserver", description: "kubernetes api", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [nodes(), peer("apiClients")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 6443 kubernetes api"),
    },
    {
      id: "kubelet-control-plane", description: "kubelet api", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 10250 kubelet api"),
      note: "Kubernetes: from self and the control plane; the All K8s Nodes row opens it to every node.",
    },
    {
      id: "kube-scheduler", description: "kube-scheduler", direction: "inbound", protocols: ["tcp"], ports: "10257",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 10257 kube-scheduler"),
      note: "Label kept as documented; see disagreement scheduler-controller-manager-ports.",
    },
    {
      id: "kube-controller-manager", description: "kube-controller-manager", direction: "inbound", protocols: ["tcp"], ports: "10259",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("K8s Control Plane: TCP 10259 kube-controller-manager"),
      note: "Label kept as documented; see disagreement scheduler-controller-manager-ports.",
    },
    // All K8s Nodes
    {
      id: "ssh", description: "ssh for ansible", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [role("bootstrap", "any"), peer("admin")], to: nodes(), source: at("All K8s Nodes: TCP 22 ssh for ansible"),
      note: "Ansible (Kubean) runs from the bootstrap node or an operator's machine; the global cluster's own access is the Worker Cluster row.",
    },
    {
      id: "node-exporter", description: "node exporter (Insight-Agent)", direction: "inbound", protocols: ["tcp"], ports: "9100",
      from: [nodes()], to: nodes(), source: at("All K8s Nodes: TCP 9100 node exporter (Insight-Agent)"),
      note: "Scraped by the cluster's Insight-Agent, which runs on the cluster's nodes.",
    },
    {
      id: "kubelet", description: "kubelet api", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [nodes()], to: nodes(), source: at("All K8s Nodes: TCP 10250 kubelet api"),
      note: "The API server, metrics-server and Insight-Agent reach every kubelet.",
    },
    {
      id: "nodeport", description: "kube nodePort range", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [nodes(), peer("workloadClients")], to: nodes(), source: at("All K8s Nodes: TCP 30000-32767 kube nodePort range"),
      note: "TCP only, as documented; see disagreement nodeport-udp.",
    },
    // Calico (Default): "all K8s nodes need to open these ports"
    {
      id: "calico-bgp", description: "Calico networking (BGP)", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: ["ipip", "bgp"] },
      source: at("Calico (Default): TCP 179 Calico networking (BGP)"),
      note: "BGP carries routes in IP-in-IP and plain BGP modes; Calico's VXLAN mode runs without it.",
    },
    {
      id: "calico-vxlan", description: "Calico CNI with VXLAN enabled", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: "vxlan" },
      source: at("Calico (Default): UDP 4789 Calico CNI with VXLAN enabled"),
    },
    {
      id: "calico-typha", description: "Calico CNI with Typha enabled", direction: "inbound", protocols: ["tcp"], ports: "5473",
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoTypha: true },
      source: at("Calico (Default): TCP 5473 Calico CNI with Typha enabled"),
      note: "Felix on every node connects to Typha, which may be scheduled on any node.",
    },
    {
      id: "calico-wireguard-ipv4", description: "Calico with IPv4 Wireguard enabled", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [nodes()], to: nodes(), when: { cni: "calico", encryption: "wireguard" },
      source: at("Calico (Default): UDP 51820 Calico with IPv4 Wireguard enabled"),
    },
    {
      id: "calico-wireguard-ipv6", description: "Calico with IPv6 Wireguard enabled", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [nodes()], to: nodes(), when: { cni: "calico", encryption: "wireguard", ipv6: true },
      source: at("Calico (Default): UDP 51821 Calico with IPv6 Wireguard enabled"),
    },
    {
      id: "calico-ipip", description: "Calico CNI with IPIP enabled", direction: "inbound", protocols: ["ipip"],
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: "ipip" },
      source: at("Calico (Default): IPENCAP / IPIP Calico CNI with IPIP enabled"),
      note:
        "Read as one protocol under two names: IP protocol 4 (IPENCAP in /etc/protocols), which Calico tunnels. " +
        "Unlike seed 000, this page has no note asking for protocol 94 as well, so 94 is not opened; see disagreement ipip-name.",
    },
    // MetalLB (Default): "all K8s nodes need to open these ports"
    {
      id: "metallb-metrics", description: "metallb metrics ports", direction: "inbound", protocols: ["tcp", "udp"], ports: "7472",
      from: [nodes()], to: nodes(), when: { metallb: true }, source: at("MetalLB (Default): TCP/UDP 7472 metallb metrics ports"),
      note: "Scraped by the cluster's Insight-Agent.",
    },
    {
      id: "metallb-l2", description: "metallb L2 operating mode", direction: "inbound", protocols: ["tcp", "udp"], ports: "7946",
      from: [nodes()], to: nodes(), when: { metallb: true }, source: at("MetalLB (Default): TCP/UDP 7946 metallb L2 operating mode"),
      note: "Memberlist between MetalLB speakers on every node.",
    },
    // Cilium (Optional): "all K8s nodes need to open these ports"
    {
      id: "cilium-health", description: "Cilium Health checks (cilium-health)", direction: "inbound", protocols: ["tcp"], ports: "4240",
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): TCP 4240 Cilium Health checks (cilium-health)"),
    },
    {
      id: "hubble-server", description: "Hubble server", direction: "inbound", protocols: ["tcp"], ports: "4244",
      from: [nodes()], to: nodes(), when: { cni: "cilium", hubble: true }, source: at("Cilium (Optional): TCP 4244 Hubble server"),
      note: "Hubble Relay, on any node, dials every node's Hubble server. On by default (profile default hubble: true).",
    },
    {
      id: "hubble-relay", description: "Hubble Relay", direction: "inbound", protocols: ["tcp"], ports: "4245",
      from: [nodes()], to: nodes(), when: { cni: "cilium", hubble: true }, source: at("Cilium (Optional): TCP 4245 Hubble Relay"),
      note: "On by default (profile default hubble: true).",
    },
    {
      id: "cilium-vxlan", description: "VXLAN overlay", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [nodes()], to: nodes(), when: { cni: "cilium", ciliumTunnel: "vxlan" }, source: at("Cilium (Optional): UDP 8472 VXLAN overlay"),
      note: "Cilium's default tunnel; Geneve and native routing do not use 8472.",
    },
    {
      id: "cilium-agent-metrics", description: "Cilium-agent Prometheus metrics", direction: "inbound", protocols: ["tcp"], ports: "9962",
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): TCP 9962 Cilium-agent Prometheus metrics"),
      note: "Listed for every Cilium install; scraped by the cluster's Insight-Agent.",
    },
    {
      id: "cilium-operator-metrics", description: "Cilium-operator Prometheus metrics", direction: "inbound", protocols: ["tcp"], ports: "9963",
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): TCP 9963 Cilium-operator Prometheus metrics"),
    },
    {
      id: "cilium-proxy-metrics", description: "Cilium-proxy Prometheus metrics", direction: "inbound", protocols: ["tcp"], ports: "9964",
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): TCP 9964 Cilium-proxy Prometheus metrics"),
    },
    {
      id: "cilium-wireguard", description: "WireGuard encryption tunnel endpoint", direction: "inbound", protocols: ["udp"], ports: "51871",
      from: [nodes()], to: nodes(), when: { cni: "cilium", encryption: "wireguard" },
      source: at("Cilium (Optional): UDP 51871 WireGuard encryption tunnel endpoint"),
    },
    {
      id: "cilium-icmp-echo-request", description: "health checks (ICMP echo request)", direction: "inbound", protocols: ["icmp"], icmp: { type: 8 },
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): ICMP health checks"),
      note: "cilium-health pings every node: ICMP echo request (type 8) and reply (type 0), as Cilium's system requirements list.",
    },
    {
      id: "cilium-icmp-echo-reply", description: "health checks (ICMP echo reply)", direction: "inbound", protocols: ["icmp"], icmp: { type: 0 },
      from: [nodes()], to: nodes(), when: { cni: "cilium" }, source: at("Cilium (Optional): ICMP health checks"),
      note: "The reply half of the same row; stateful firewalls allow it anyway, stateless ones need it.",
    },
    // SpiderPool (Optional): "all K8s nodes need to open these ports"
    {
      id: "spiderpool-agent-http", description: "SpiderPool Agent HTTP Server", direction: "inbound", protocols: ["tcp"], ports: "5710",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5710 SpiderPool Agent HTTP Server"),
    },
    {
      id: "spiderpool-agent-metrics", description: "SpiderPool Agent Metrics", direction: "inbound", protocols: ["tcp"], ports: "5711",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5711 SpiderPool Agent Metrics"),
    },
    {
      id: "spiderpool-agent-gops", description: "SpiderPool Agent gops enabled", direction: "inbound", protocols: ["tcp"], ports: "5712",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5712 SpiderPool Agent gops enabled"),
    },
    {
      id: "spiderpool-controller-http", description: "SpiderPool Controller HTTP Server", direction: "inbound", protocols: ["tcp"], ports: "5720",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5720 SpiderPool Controller HTTP Server"),
    },
    {
      id: "spiderpool-controller-metrics", description: "SpiderPool Controller Metrics", direction: "inbound", protocols: ["tcp"], ports: "5721",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5721 SpiderPool Controller Metrics"),
    },
    {
      id: "spiderpool-controller-webhook", description: "SpiderPool Controller Webhook Port", direction: "inbound", protocols: ["tcp"], ports: "5722",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5722 SpiderPool Controller Webhook Port"),
      note: "The API servers on the control plane call the webhook.",
    },
    {
      id: "spiderpool-cli-http", description: "Spiderpool-CLI HTTP server port", direction: "inbound", protocols: ["tcp"], ports: "5723",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5723 Spiderpool-CLI HTTP server port"),
    },
    {
      id: "spiderpool-controller-gops", description: "SpiderPool Controller gops enabled", direction: "inbound", protocols: ["tcp"], ports: "5724",
      from: [nodes()], to: nodes(), when: { spiderpool: true }, source: at("SpiderPool (Optional): TCP 5724 SpiderPool Controller gops enabled"),
    },
    // KubeVIP (Optional): "all Control Plane nodes need to open these ports"
    {
      id: "kube-vip-metrics", description: "kube-vip metrics ports", direction: "inbound", protocols: ["tcp"], ports: "2112",
      from: [nodes()], to: role("controlPlane"), when: { kubeVip: true }, source: at("KubeVIP (Optional): TCP 2112 kube-vip metrics ports"),
      note: "Scraped by the cluster's Insight-Agent.",
    },
    // Other Ports to be Opened in the Global Management Cluster
    {
      id: "istio-gateway-http", description: "Istio-Gateway HTTP", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: [peer("consoleUsers")], to: nodes("global"), when: { istioGateway: true },
      source: at("Global Management Cluster, Istio-Gateway VIP: TCP 80 Istio-Gateway HTTP (Web Browser or API Client)"),
      note: "The VIP is announced by the global cluster's nodes (MetalLB), so its nodes accept the traffic.",
    },
    {
      id: "istio-gateway-https", description: "Istio-Gateway HTTPS", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [peer("consoleUsers")], to: nodes("global"), when: { istioGateway: true },
      source: at("Global Management Cluster, Istio-Gateway VIP: TCP 443 Istio-Gateway HTTPS (Web Browser or API Client)"),
    },
    {
      id: "insight-metrics", description: "Insight VIP for Metrics", direction: "inbound", protocols: ["tcp"], ports: "8480",
      from: [nodes("any")], to: nodes("global"), when: { insight: true },
      source: at("Global Management Cluster, Insight VIP: TCP 8480 Insight VIP for Metrics (All Nodes)"),
      note: "All Nodes: every node of every cluster ships telemetry to the global cluster.",
    },
    {
      id: "insight-log", description: "Insight VIP for Log", direction: "inbound", protocols: ["tcp"], ports: "9200",
      from: [nodes("any")], to: nodes("global"), when: { insight: true },
      source: at("Global Management Cluster, Insight VIP: TCP 9200 Insight VIP for Log (All Nodes)"),
    },
    {
      id: "insight-trace", description: "Insight VIP for Trace", direction: "inbound", protocols: ["tcp"], ports: "4317",
      from: [nodes("any")], to: nodes("global"), when: { insight: true },
      source: at("Global Management Cluster, Insight VIP: TCP 4317 Insight VIP for Trace (All Nodes)"),
    },
    {
      id: "insight-auditlog", description: "Insight VIP for AduitLog", direction: "inbound", protocols: ["tcp"], ports: "8006",
      from: [nodes("any")], to: nodes("global"), when: { insight: true },
      source: at("Global Management Cluster, Insight VIP: TCP 8006 Insight VIP for AduitLog (All Nodes)"),
    },
    // Other Ports to be Opened in the Worker Cluster
    {
      id: "worker-cluster-ssh", description: "SSH on each node (for ansible)", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [nodes("global")], to: nodes("worker"),
      source: at("Worker Cluster: TCP 22 SSH on each node (for ansible) (Global Management Cluster)"),
      note:
        "The page needs it when DCE's deployment function is used; the page deploys every cluster through Kubean, " +
        "which runs Ansible from the global cluster, so the row always applies.",
    },
    {
      id: "worker-cluster-apiserver", description: "K8s API access entry (such as VIP)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [nodes("global")], to: role("controlPlane", "worker"),
      source: at("Worker Cluster: TCP 6443 K8s API access entry (such as VIP) (Global Management Cluster)"),
    },
    // Other Ports to be Opened by Other Products
    {
      id: "container-registry", description: "Container Registry access entry (such as VIP)", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [nodes("any")], to: role("registry"),
      source: at("Other Products, Container Registry: TCP 443 Port for access entry (such as VIP) (All Nodes)"),
      note: "An optional product: left out (and noted) when no group has the registry role.",
    },
  ],
  disagreements: [
    {
      id: "scheduler-controller-manager-ports", rows: ["kube-scheduler", "kube-controller-manager"],
      says: "TCP 10257 kube-scheduler, TCP 10259 kube-controller-manager",
      other: "kube-controller-manager listens on 10257 and kube-scheduler on 10259 (the reverse)",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "nodeport-udp", rows: ["nodeport"],
      says: "kube nodePort range TCP 30000-32767 only",
      other: "Kubernetes NodePort services also use UDP 30000-32767",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "ipip-name", rows: ["calico-ipip"],
      says: "IPENCAP / IPIP, with no protocol number",
      other:
        "/etc/protocols names protocol 4 IPENCAP and protocol 94 IPIP; Calico's IP-in-IP tunnel is protocol 4 only, " +
        "so only 4 is opened",
      otherSource: "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements",
    },
  ],
};
