/**
 * K3s "Requirements: Networking", one entry per row of "Inbound Rules for K3s Nodes" in the
 * page's order, plus what the prose adds and "Typically, all outbound traffic is allowed."
 * K3s servers are role controlPlane; agents are workers (optional: a lone server has none).
 * The page's "Local Ports" table lists loopback listeners to keep free, not traffic between
 * nodes, so it has no rows: no firewall sees loopback traffic.
 */
import type { Profile } from "../model/requirement";
import { cidrs, nodes, operatorSsh, peer, role, source } from "./dsl";

const PAGE = "https://docs.k3s.io/installation/requirements#networking";
const at = source(PAGE);
const ACCESS = "https://docs.k3s.io/cluster-access";
const access = source(ACCESS);

const TABLE = "Inbound Rules for K3s Nodes";
const servers = role("controlPlane");
const agents = role("worker");
const all = nodes();
const flannel = { cni: "flannel" } as const;

export const k3s: Profile = {
  id: "k3s",
  title: "K3s networking requirements",
  document: PAGE,
  alsoSee: [ACCESS],
  roles: {
    controlPlane: { description: "K3s server node (supervisor, API server, embedded etcd)", kubernetes: true },
    worker: { description: "K3s agent node", kubernetes: true, optional: true },
  },
  peers: {
    apiClients: "kubectl and other Kubernetes API clients outside the cluster",
    admin: "operators' networks (SSH to every node)",
  },
  options: ["cni", "encryption", "ipv6", "ha", "embeddedRegistry"],
  // K3s ships Flannel (VXLAN backend) as its CNI.
  defaults: { cni: "flannel" },
  rows: [
    {
      id: "etcd", description: "embedded etcd (HA only)", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [servers], to: servers, when: { ha: true }, source: at(`${TABLE}: TCP 2379-2380 Servers -> Servers, Required only for HA with embedded etcd`),
    },
    {
      id: "supervisor-api", description: "K3s supervisor and Kubernetes API Server", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [agents], to: servers, source: at(`${TABLE}: TCP 6443 Agents -> Servers, K3s supervisor and Kubernetes API Server`),
    },
    {
      id: "supervisor-api-all-nodes", description: "K3s supervisor and Kubernetes API Server (all nodes)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [all], to: servers, source: at("Networking prose: \"The K3s server needs port 6443 to be accessible by all nodes.\""),
      note: "The table names agents; the prose names all nodes (servers joining an HA cluster use it too).",
    },
    {
      id: "flannel-vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { ...flannel, encryption: "none" }, source: at(`${TABLE}: UDP 8472 All nodes -> All nodes, Required only for Flannel VXLAN`),
    },
    {
      id: "kubelet", description: "Kubelet metrics and API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [all], to: all, source: at(`${TABLE}: TCP 10250 All nodes -> All nodes, Kubelet metrics and API`),
    },
    {
      id: "flannel-wireguard-ipv4", description: "Flannel WireGuard (IPv4)", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [all], to: all, when: { ...flannel, encryption: "wireguard" }, source: at(`${TABLE}: UDP 51820 All nodes -> All nodes, Required only for Flannel Wireguard with IPv4`),
    },
    {
      id: "flannel-wireguard-ipv6", description: "Flannel WireGuard (IPv6)", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [all], to: all, when: { ...flannel, encryption: "wireguard", ipv6: true },
      source: at(`${TABLE}: UDP 51821 All nodes -> All nodes, Required only for Flannel Wireguard with IPv6`),
    },
    {
      id: "registry-mirror-p2p", description: "embedded distributed registry (Spegel)", direction: "inbound", protocols: ["tcp"], ports: "5001",
      from: [all], to: all, when: { embeddedRegistry: true }, source: at(`${TABLE}: TCP 5001 All nodes -> All nodes, Required only for embedded distributed registry (Spegel)`),
    },
    {
      id: "registry-mirror-api", description: "embedded distributed registry (Spegel) on the API port", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [all], to: all, when: { embeddedRegistry: true }, source: at(`${TABLE}: TCP 6443 All nodes -> All nodes, Required only for embedded distributed registry (Spegel)`),
    },
    {
      id: "outbound", description: "all outbound traffic", direction: "outbound", protocols: ["all"],
      from: [all], to: cidrs("all destinations (typically all outbound traffic is allowed)", "0.0.0.0/0"),
      source: at("Outbound Rules for K3s Nodes: \"Typically, all outbound traffic is allowed.\""),
      note: "The page prints no address; all outbound is read as 0.0.0.0/0 (and ::/0 with ipv6).",
    },
    {
      id: "outbound-ipv6", description: "all outbound traffic (IPv6)", direction: "outbound", protocols: ["all"],
      from: [all], to: cidrs("all destinations (typically all outbound traffic is allowed)", "::/0"), when: { ipv6: true },
      source: at("Outbound Rules for K3s Nodes: \"Typically, all outbound traffic is allowed.\""),
    },

    // Cluster access page: kubectl from outside the cluster talks to a server's 6443.
    {
      id: "apiserver-clients", description: "Kubernetes API for kubectl and other clients", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("apiClients")], to: servers, source: access("Accessing the Cluster from Outside with kubectl: copy /etc/rancher/k3s/k3s.yaml to a machine outside the cluster and set the server field to the IP or name of your K3s server"),
      note: "The networks kubectl runs from are the apiClients peer; unset, nothing outside the cluster reaches 6443.",
    },
    operatorSsh("K3s"),
  ],
  disagreements: [
    {
      id: "vxlan-port",
      rows: ["flannel-vxlan"],
      says: "Flannel VXLAN on UDP 8472",
      other: "Calico and RKE2's Flannel tab use UDP 4789, the IANA VXLAN port",
      otherSource: "https://docs.rke2.io/install/requirements",
    },
  ],
};
