/**
 * Rancher v2.x "Port Requirements", one entry per documented row in the document's order:
 * the Rancher server tabs (K3s, RKE, Docker) and the downstream cluster tabs, whose Hugo
 * shortcodes seed 004 does not expand (their from x to matrices are flattened in
 * reference/port-sources.md and cited here by shortcode name).
 *
 * Layouts declare the cluster running Rancher (kind `rancher`) and each managed cluster (kind
 * `downstream`). Rows inside a downstream cluster target that kind, so the Rancher cluster's
 * own nodes never receive them; rows that cross clusters name the kind of the other end. A
 * layout without downstream clusters gets notes for the downstream rows, not errors.
 *
 * The hosted/imported matrix's "Kubernetes API clients -> cluster" and "workload client ->
 * cluster" cells say "Cluster / Provider Specific" and name no port, so they have no row.
 * The Commonly Used Ports table is its own opt-in profile (rancherCommonPorts.ts).
 * Seed: 004_4e84222665e307a4.txt.
 */
import type { Profile } from "../model/requirement";
import { cidrs, nodes, peer, role, source } from "./dsl";

const SEED = "004_4e84222665e307a4.txt";
const at = source(SEED);
const RKE_DOCS_SHORTCODES = "https://github.com/rancher/docs/tree/master/layouts/shortcodes";

const K3S = "Rancher Nodes, K3s tab";
const RKE = "Rancher Nodes, RKE tab";
const DOCKER = "Rancher Nodes, Docker tab";
const POOLS = "Downstream, Node Pools tab ({{< ports-iaas-nodes >}})";
const CUSTOM = "Downstream, Custom Nodes tab ({{< ports-custom-nodes >}})";
const HOSTED = "Downstream, Hosted Clusters and Imported Clusters tabs ({{< ports-imported-hosted >}})";

// Rancher's own cluster.
const server = role("rancherServer");
const agent = role("rancherAgent");
/** The Rancher server seen from a downstream cluster. */
const rancherHost = role("rancherServer", "rancher");
const catalog = cidrs("git.rancher.io (Rancher catalog)", "35.160.43.145/32", "35.167.242.46/32", "52.33.59.17/32");

// A downstream cluster: targets are scoped to the kind; sources are in the target's cluster.
const downstreamNodes = nodes("downstream");
const etcdTarget = role("etcd", "downstream");
const controlPlaneTarget = role("controlPlane", "downstream");
const workerTarget = role("worker", "downstream");
const clusterRoles = [role("etcd"), role("controlPlane"), role("worker")];
/** Downstream nodes reaching Rancher, which lives in another cluster. */
const downstreamRoles = [role("etcd", "downstream"), role("controlPlane", "downstream"), role("worker", "downstream")];
const workloadSources = [peer("workloadClients"), peer("loadBalancer")];

/** Canal's data plane is Flannel VXLAN; the cni option describes Rancher's clusters. */
const flannelVxlan = ["canal", "flannel"] as const;
const hostedOrImported = ["hosted", "imported"] as const;

export const rancher: Profile = {
  id: "rancher",
  title: "Rancher v2.x port requirements (Rancher server and downstream clusters)",
  document: SEED,
  alsoSee: [
    "https://github.com/rancher/rancher-docs/blob/main/src/components/PortsIaasNodes.js",
    "https://github.com/rancher/rancher-docs/blob/main/src/components/PortsCustomNodes.js",
    "https://github.com/rancher/rancher-docs/blob/main/src/components/PortsImportedHosted.js",
  ],
  roles: {
    rancherServer: { description: "Kubernetes node of the cluster running Rancher (K3s server, RKE node, or the Docker host of a single-container install)", kubernetes: true },
    rancherAgent: { description: "K3s agent node of the cluster running Rancher", kubernetes: true, optional: true },
    etcd: { description: "downstream etcd plane node (Rancher's \"etcd\" role)", kubernetes: true },
    controlPlane: { description: "downstream control plane node (Rancher's \"controlplane\" role)", kubernetes: true },
    worker: { description: "downstream worker plane node (Rancher's \"worker\" role)", kubernetes: true },
  },
  peers: {
    rancherLoadBalancer: "the external load balancer / reverse proxy in front of the Rancher server (Rancher's \"External Rancher Load Balancer\")",
    apiClients: "users and tools of the Rancher UI/API, and kubectl (with the authorized cluster endpoint, of the downstream API too)",
    workloadClients: "clients of downstream workloads (NodePort services and ingress)",
    loadBalancer: "load balancer in front of downstream workloads",
    hostedClusterApi: "the Kubernetes API endpoint of a hosted (EKS, AKS, GKE) or imported downstream cluster",
  },
  options: ["rancherInstall", "downstream", "rancherBehindLoadBalancer", "authorizedClusterEndpoint", "windows", "cni", "ipv6"],
  // RKE's default network provider is Canal (Flannel VXLAN underneath, as K3s uses).
  defaults: { cni: "canal" },
  clusterKinds: {
    rancher: "cluster running the Rancher server",
    downstream: "downstream cluster managed by Rancher",
  },
  rows: [
    // Rancher Nodes, K3s tab: inbound table, prose, and "Typically all outbound traffic is allowed."
    {
      id: "k3s-api", description: "Kubernetes API", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [server], to: server, when: { rancherInstall: "k3s" },
      source: at(`${K3S}, inbound row 1: TCP 6443 K3s server nodes, Kubernetes API`),
    },
    {
      id: "k3s-api-agents", description: "Kubernetes API (K3s supervisor) for agents", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [agent], to: server, when: { rancherInstall: "k3s" },
      source: at(`${K3S}, prose: "The K3s server needs port 6443 to be accessible by the nodes."`),
      note: "The table names only server nodes as the source; the prose says the nodes, and agents open their reverse tunnel to it.",
    },
    {
      id: "k3s-flannel-vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [server, agent], to: server, when: { rancherInstall: "k3s", cni: flannelVxlan },
      source: at(`${K3S}, inbound row 2: UDP 8472 K3s server and agent nodes, Required only for Flannel VXLAN`),
    },
    {
      id: "k3s-flannel-vxlan-agents", description: "Flannel VXLAN to agents", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [server, agent], to: agent, when: { rancherInstall: "k3s", cni: flannelVxlan },
      source: at(`${K3S}, prose: "The nodes need to be able to reach other nodes over UDP port 8472 when Flannel VXLAN is used."`),
      note: "The table lists inbound rules for server nodes only; the prose makes the overlay node-to-node, agents included.",
    },
    {
      id: "k3s-kubelet", description: "kubelet", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [server, agent], to: server, when: { rancherInstall: "k3s" },
      source: at(`${K3S}, inbound row 3: TCP 10250 K3s server and agent nodes, kubelet`),
    },
    {
      id: "k3s-kubelet-agents", description: "kubelet on agents (metrics server)", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [server, agent], to: agent, when: { rancherInstall: "k3s" },
      source: at(`${K3S}, prose: "If you wish to utilize the metrics server, you will need to open port 10250 on each node."`),
    },
    {
      id: "k3s-outbound", description: "all outbound traffic", direction: "outbound", protocols: ["all"],
      from: [server, agent], to: cidrs("all destinations (K3s tab: typically all outbound traffic is allowed)", "0.0.0.0/0"),
      when: { rancherInstall: "k3s" }, source: at(`${K3S}: "Typically all outbound traffic is allowed."`),
      note: "The tab prints no address; all outbound is read as 0.0.0.0/0 (and ::/0 with ipv6).",
    },
    {
      id: "k3s-outbound-ipv6", description: "all outbound traffic (IPv6)", direction: "outbound", protocols: ["all"],
      from: [server, agent], to: cidrs("all destinations (K3s tab: typically all outbound traffic is allowed)", "::/0"),
      when: { rancherInstall: "k3s", ipv6: true }, source: at(`${K3S}: "Typically all outbound traffic is allowed."`),
    },

    // Rancher Nodes, RKE tab.
    {
      id: "rke-http", description: "HTTP traffic to Rancher UI/API", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: [peer("rancherLoadBalancer")], to: server, when: { rancherInstall: "rke" },
      source: at(`${RKE}, inbound row 1: TCP 80 Load Balancer/Reverse Proxy`),
    },
    {
      id: "rke-https", description: "HTTPS traffic to Rancher UI/API", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [peer("rancherLoadBalancer"), nodes("any"), peer("apiClients")], to: server, when: { rancherInstall: "rke" },
      source: at(`${RKE}, inbound row 2: TCP 443 Load Balancer/Reverse Proxy; IPs of all cluster nodes and other API/UI clients`),
      note: "\"All cluster nodes\" read as every Kubernetes node of every cluster in the layout.",
    },
    {
      id: "rke-out-catalog", description: "Rancher catalog (git.rancher.io)", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: catalog, when: { rancherInstall: "rke" },
      source: at(`${RKE}, outbound row 1: TCP 443 35.160.43.145, 35.167.242.46, 52.33.59.17`),
      note: "The tab prints bare addresses; they are host routes (/32), as the Docker tab writes them.",
    },
    {
      id: "rke-out-ssh", description: "SSH provisioning of node by node driver", direction: "outbound", protocols: ["tcp"], ports: "22",
      from: [rancherHost], to: downstreamNodes, when: { rancherInstall: "rke", downstream: "nodePools" },
      source: at(`${RKE}, outbound row 2: TCP 22 Any node created using a node driver`),
    },
    {
      id: "rke-out-docker-tls", description: "Docker daemon TLS port used by node driver", direction: "outbound", protocols: ["tcp"], ports: "2376",
      from: [rancherHost], to: downstreamNodes, when: { rancherInstall: "rke", downstream: "nodePools" },
      source: at(`${RKE}, outbound row 3: TCP 2376 Any node created using a node driver`),
    },
    {
      id: "rke-out-hosted-api", description: "Kubernetes API of a hosted cluster", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: peer("hostedClusterApi"), when: { rancherInstall: "rke", downstream: "hosted" },
      source: at(`${RKE}, outbound row 4: TCP Provider dependent, Port of the Kubernetes API endpoint in hosted cluster`),
      note: "The port is \"Provider dependent\"; EKS, AKS and GKE serve their endpoints on 443, so 443 is opened. Add a layout rule for another port.",
    },

    // Rancher Nodes, Docker tab.
    {
      id: "docker-http", description: "Rancher UI/API when external SSL termination is used", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: [peer("rancherLoadBalancer")], to: server, when: { rancherInstall: "docker" },
      source: at(`${DOCKER}, inbound row 1: TCP 80 Load balancer/proxy that does external SSL termination`),
    },
    {
      id: "docker-https", description: "Rancher agent, Rancher UI/API, kubectl", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [downstreamNodes, peer("apiClients")], to: server, when: { rancherInstall: "docker" },
      source: at(`${DOCKER}, inbound row 2: TCP 443 hosted/imported Kubernetes; any source that needs to be able to use the Rancher UI or API`),
      note: "\"Hosted/imported Kubernetes\" read as the nodes of the downstream clusters, where the Rancher agents run.",
    },
    {
      id: "docker-out-ssh", description: "SSH provisioning of nodes using Node Driver", direction: "outbound", protocols: ["tcp"], ports: "22",
      from: [rancherHost], to: downstreamNodes, when: { rancherInstall: "docker", downstream: "nodePools" },
      source: at(`${DOCKER}, outbound row 1: TCP 22 Any node IP from a node created using Node Driver`),
    },
    {
      id: "docker-out-catalog", description: "git.rancher.io (catalogs)", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: catalog, when: { rancherInstall: "docker" },
      source: at(`${DOCKER}, outbound row 2: TCP 443 35.160.43.145/32, 35.167.242.46/32, 52.33.59.17/32`),
    },
    {
      id: "docker-out-docker-tls", description: "Docker daemon TLS port used by Docker Machine", direction: "outbound", protocols: ["tcp"], ports: "2376",
      from: [rancherHost], to: downstreamNodes, when: { rancherInstall: "docker", downstream: "nodePools" },
      source: at(`${DOCKER}, outbound row 3: TCP 2376 Any node IP from a node created using a node driver`),
    },
    {
      id: "docker-out-kube-api", description: "Kubernetes API server", direction: "outbound", protocols: ["tcp"], ports: "6443",
      from: [server], to: peer("hostedClusterApi"), when: { rancherInstall: "docker", downstream: hostedOrImported },
      source: at(`${DOCKER}, outbound row 4: TCP 6443 Hosted/Imported Kubernetes API`),
    },

    // Downstream, Node Pools (node-driver RKE clusters).
    {
      id: "np-ssh", description: "SSH provisioning by the node driver", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [rancherHost], to: downstreamNodes, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Rancher nodes -> etcd, controlplane, worker TCP 22`),
    },
    {
      id: "np-docker-tls", description: "Docker daemon TLS (node driver)", direction: "inbound", protocols: ["tcp"], ports: "2376",
      from: [rancherHost], to: downstreamNodes, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Rancher nodes -> etcd, controlplane, worker TCP 2376`),
    },
    {
      id: "np-catalog", description: "git.rancher.io chart library", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: catalog, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Rancher nodes -> Internet git.rancher.io TCP 443`),
    },
    {
      id: "np-rancher", description: "Rancher agent to Rancher", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: downstreamRoles, to: server, when: { downstream: "nodePools", rancherBehindLoadBalancer: false },
      source: at(`${POOLS}: etcd, controlplane, worker -> Rancher nodes TCP 443 (only without external load balancer in front of Rancher)`),
    },
    {
      id: "np-rancher-lb", description: "Rancher agent to the Rancher load balancer", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: downstreamRoles, to: peer("rancherLoadBalancer"), when: { downstream: "nodePools", rancherBehindLoadBalancer: true },
      source: at(`${POOLS}: etcd, controlplane, worker -> External Rancher Load Balancer TCP 443`),
    },
    {
      id: "np-etcd-peer", description: "etcd", direction: "inbound", protocols: ["tcp"], ports: ["2379", "2380"],
      from: [role("etcd")], to: etcdTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: etcd -> etcd TCP 2379, 2380`),
    },
    {
      id: "np-etcd-client", description: "etcd (API server clients)", direction: "inbound", protocols: ["tcp"], ports: ["2379", "2380"],
      from: [role("controlPlane")], to: etcdTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: controlplane -> etcd TCP 2379, 2380`),
    },
    {
      id: "np-kube-api", description: "Kubernetes API", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: clusterRoles, to: controlPlaneTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: etcd, controlplane, worker -> controlplane TCP 6443`),
    },
    {
      id: "np-vxlan", description: "Canal/Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: clusterRoles, to: downstreamNodes, when: { downstream: "nodePools", cni: flannelVxlan },
      source: at(`${POOLS}: etcd, controlplane, worker -> etcd, controlplane, worker UDP 8472`),
      note: "The matrix has no condition; 8472 is Canal/Flannel's VXLAN port (Commonly Used Ports says so), so the row follows the cni option.",
    },
    {
      id: "np-kubelet", description: "kubelet", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: downstreamNodes, when: { downstream: "nodePools" },
      source: at(`${POOLS}: controlplane -> etcd, controlplane, worker TCP 10250`),
    },
    {
      id: "np-canal-health", description: "Canal/Flannel liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [downstreamNodes], to: downstreamNodes, localOnly: true, when: { downstream: "nodePools" },
      source: at(`${POOLS}: each node -> itself TCP 9099 (local traffic to the node itself)`),
    },
    {
      id: "np-ingress-health-controlplane", description: "ingress controller liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "10254",
      from: [controlPlaneTarget], to: controlPlaneTarget, localOnly: true, when: { downstream: "nodePools" },
      source: at(`${POOLS}: controlplane -> itself TCP 10254 (local traffic to the node itself)`),
    },
    {
      id: "np-ingress-health-worker", description: "ingress controller liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "10254",
      from: [workerTarget], to: workerTarget, localOnly: true, when: { downstream: "nodePools" },
      source: at(`${POOLS}: worker -> itself TCP 10254 (local traffic to the node itself)`),
    },
    {
      id: "np-authorized-endpoint", description: "Kubernetes API (authorized cluster endpoint)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("apiClients")], to: controlPlaneTarget, when: { downstream: "nodePools", authorizedClusterEndpoint: true },
      source: at(`${POOLS}: Kubernetes API clients -> controlplane TCP 6443 (only if Authorized Cluster Endpoints are activated)`),
    },
    {
      id: "np-nodeport", description: "NodePort", direction: "inbound", protocols: ["tcp", "udp"], ports: "30000-32767",
      from: workloadSources, to: workerTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Workload clients or load balancer -> worker TCP/UDP 30000-32767 (nodeport)`),
    },
    {
      id: "np-ingress-http", description: "Ingress HTTP", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: workloadSources, to: workerTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Workload clients or load balancer -> worker TCP 80 (Ingress)`),
    },
    {
      id: "np-ingress-https", description: "Ingress HTTPS", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: workloadSources, to: workerTarget, when: { downstream: "nodePools" },
      source: at(`${POOLS}: Workload clients or load balancer -> worker TCP 443 (Ingress)`),
    },

    // Downstream, Custom Nodes: as Node Pools without the node driver, plus the Windows overlay.
    {
      id: "custom-catalog", description: "git.rancher.io chart library", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: catalog, when: { downstream: "custom" },
      source: at(`${CUSTOM}: Rancher nodes -> Internet git.rancher.io TCP 443`),
    },
    {
      id: "custom-rancher", description: "Rancher agent to Rancher", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: downstreamRoles, to: server, when: { downstream: "custom", rancherBehindLoadBalancer: false },
      source: at(`${CUSTOM}: etcd, controlplane, worker -> Rancher nodes TCP 443 (only without external load balancer in front of Rancher)`),
    },
    {
      id: "custom-rancher-lb", description: "Rancher agent to the Rancher load balancer", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: downstreamRoles, to: peer("rancherLoadBalancer"), when: { downstream: "custom", rancherBehindLoadBalancer: true },
      source: at(`${CUSTOM}: etcd, controlplane, worker -> External Rancher Load Balancer TCP 443`),
    },
    {
      id: "custom-etcd-peer", description: "etcd", direction: "inbound", protocols: ["tcp"], ports: ["2379", "2380"],
      from: [role("etcd")], to: etcdTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: etcd -> etcd TCP 2379, 2380`),
    },
    {
      id: "custom-etcd-client", description: "etcd (API server clients)", direction: "inbound", protocols: ["tcp"], ports: ["2379", "2380"],
      from: [role("controlPlane")], to: etcdTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: controlplane -> etcd TCP 2379, 2380`),
    },
    {
      id: "custom-kube-api", description: "Kubernetes API", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: clusterRoles, to: controlPlaneTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: etcd, controlplane, worker -> controlplane TCP 6443`),
    },
    {
      id: "custom-vxlan", description: "Canal/Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: clusterRoles, to: downstreamNodes, when: { downstream: "custom", cni: flannelVxlan },
      source: at(`${CUSTOM}: etcd, controlplane, worker -> etcd, controlplane, worker UDP 8472`),
      note: "The matrix has no condition; 8472 is Canal/Flannel's VXLAN port, so the row follows the cni option.",
    },
    {
      id: "custom-windows-vxlan", description: "VXLAN overlay on Windows clusters", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: clusterRoles, to: downstreamNodes, when: { downstream: "custom", windows: true },
      source: at(`${CUSTOM}: etcd, controlplane, worker -> etcd, controlplane, worker UDP 4789 (only if using Overlay mode on Windows cluster)`),
    },
    {
      id: "custom-kubelet", description: "kubelet", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: downstreamNodes, when: { downstream: "custom" },
      source: at(`${CUSTOM}: controlplane -> etcd, controlplane, worker TCP 10250`),
    },
    {
      id: "custom-canal-health", description: "Canal/Flannel liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [downstreamNodes], to: downstreamNodes, localOnly: true, when: { downstream: "custom" },
      source: at(`${CUSTOM}: each node -> itself TCP 9099 (local traffic to the node itself)`),
    },
    {
      id: "custom-ingress-health-controlplane", description: "ingress controller liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "10254",
      from: [controlPlaneTarget], to: controlPlaneTarget, localOnly: true, when: { downstream: "custom" },
      source: at(`${CUSTOM}: controlplane -> itself TCP 10254 (local traffic to the node itself)`),
    },
    {
      id: "custom-ingress-health-worker", description: "ingress controller liveness/readiness probe", direction: "inbound", protocols: ["tcp"], ports: "10254",
      from: [workerTarget], to: workerTarget, localOnly: true, when: { downstream: "custom" },
      source: at(`${CUSTOM}: worker -> itself TCP 10254 (local traffic to the node itself)`),
    },
    {
      id: "custom-authorized-endpoint", description: "Kubernetes API (authorized cluster endpoint)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("apiClients")], to: controlPlaneTarget, when: { downstream: "custom", authorizedClusterEndpoint: true },
      source: at(`${CUSTOM}: Kubernetes API clients -> controlplane TCP 6443 (only if Authorized Cluster Endpoints are activated)`),
    },
    {
      id: "custom-nodeport", description: "NodePort", direction: "inbound", protocols: ["tcp", "udp"], ports: "30000-32767",
      from: workloadSources, to: workerTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: Workload clients or load balancer -> worker TCP/UDP 30000-32767 (nodeport)`),
    },
    {
      id: "custom-ingress-http", description: "Ingress HTTP", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: workloadSources, to: workerTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: Workload clients or load balancer -> worker TCP 80 (Ingress)`),
    },
    {
      id: "custom-ingress-https", description: "Ingress HTTPS", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: workloadSources, to: workerTarget, when: { downstream: "custom" },
      source: at(`${CUSTOM}: Workload clients or load balancer -> worker TCP 443 (Ingress)`),
    },

    // Downstream, Hosted and Imported clusters (one shortcode serves both tabs).
    {
      id: "hi-catalog", description: "git.rancher.io chart library", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: catalog, when: { downstream: hostedOrImported },
      source: at(`${HOSTED}: Rancher nodes -> Internet git.rancher.io TCP 443`),
    },
    {
      id: "hi-kube-api", description: "Kubernetes API endpoint of the hosted cluster", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [server], to: peer("hostedClusterApi"), when: { downstream: "hosted" },
      source: at(`${HOSTED}: Rancher nodes -> hosted cluster, Kubernetes API Endpoint Port (only for hosted clusters)`),
      note: "The matrix names the endpoint's port, not a number; EKS, AKS and GKE serve on 443. Add a layout rule for another port.",
    },
    {
      id: "hi-webhooks", description: "Rancher webhooks", direction: "outbound", protocols: ["tcp"], ports: ["8443", "9443"],
      from: [server], to: peer("hostedClusterApi"), when: { downstream: "hosted" },
      source: at(`${HOSTED}: Rancher nodes -> hosted cluster TCP 8443, 9443`),
      note: "As reference/port-sources.md flattens the matrix: hosted clusters only, to the cluster's endpoint.",
    },
    {
      id: "hi-rancher", description: "Rancher agent to Rancher", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [role("worker", "downstream")], to: server, when: { downstream: hostedOrImported, rancherBehindLoadBalancer: false },
      source: at(`${HOSTED}: hosted/imported cluster (from worker nodes) -> Rancher nodes TCP 443 (only without external load balancer)`),
    },
    {
      id: "hi-rancher-lb", description: "Rancher agent to the Rancher load balancer", direction: "outbound", protocols: ["tcp"], ports: "443",
      from: [role("worker", "downstream")], to: peer("rancherLoadBalancer"), when: { downstream: hostedOrImported, rancherBehindLoadBalancer: true },
      source: at(`${HOSTED}: hosted/imported cluster (from worker nodes) -> External Rancher Load Balancer TCP 443`),
    },
  ],
  disagreements: [
    {
      id: "vxlan-port",
      rows: ["k3s-flannel-vxlan", "k3s-flannel-vxlan-agents", "np-vxlan", "custom-vxlan"],
      says: "Canal/Flannel VXLAN on UDP 8472",
      other: "Calico and RKE2's Flannel use UDP 4789, the IANA VXLAN port (Rancher's own Windows overlay and rancher-nodes group open 4789 as well)",
      otherSource: "https://docs.rke2.io/install/requirements",
    },
    {
      id: "nodeport-udp",
      rows: ["np-nodeport", "custom-nodeport"],
      says: "NodePort 30000-32767 over TCP and UDP",
      other: "the notes under the Rancher Nodes tabs of the same page say \"Kubernetes recommends TCP 30000-32767\"; older pages (seed 000) open TCP only",
      otherSource: `${SEED} (notes below the Rancher Nodes tabs); 000_d5e27fa0bf6b16e4.txt`,
    },
    {
      id: "k3s-api-sources",
      rows: ["k3s-api", "k3s-api-agents"],
      says: "K3s tab table: TCP 6443 from K3s server nodes",
      other: "the tab's prose and K3s's own requirements: 6443 from all nodes (agents connect to the supervisor and API on it)",
      otherSource: "https://docs.k3s.io/installation/requirements#networking",
    },
    {
      id: "hosted-api-port",
      rows: ["rke-out-hosted-api", "hi-kube-api", "docker-out-kube-api"],
      says: "RKE tab and hosted matrix: the hosted cluster's API port is provider dependent (opened as 443)",
      other: "Docker tab: TCP 6443 to the hosted/imported Kubernetes API",
      otherSource: `${SEED} (Rancher Nodes, Docker tab, outbound row 4)`,
    },
    {
      id: "iaas-8472-tcp",
      rows: ["np-vxlan"],
      says: "UDP 8472 from etcd, controlplane and worker nodes",
      other: "the v2.x shortcode prints the etcd row as \"8472 TCP\" (its controlplane and worker rows say UDP)",
      otherSource: `${RKE_DOCS_SHORTCODES}/ports-iaas-nodes.html`,
    },
    {
      id: "ingress-targets",
      rows: ["np-ingress-http", "np-ingress-https", "custom-ingress-http", "custom-ingress-https"],
      says: "workload clients or load balancer -> worker TCP 80 and 443 (ingress)",
      other: "the v2.x shortcodes send ingress 80/443 to controlplane and worker nodes, and list External LB and API/UI clients -> Rancher 80/443 cells the current matrices dropped",
      otherSource: `${RKE_DOCS_SHORTCODES}/ports-iaas-nodes.html`,
    },
    {
      id: "hosted-webhooks",
      rows: ["hi-webhooks"],
      says: "Rancher -> hosted cluster TCP 8443 and 9443 (current matrix, as reference/port-sources.md flattens it)",
      other: "the v2.x shortcode lists only the Kubernetes API endpoint port from Rancher to a hosted/imported cluster",
      otherSource: `${RKE_DOCS_SHORTCODES}/ports-imported-hosted.html`,
    },
  ],
};
