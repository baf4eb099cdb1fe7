/**
 * Cilium's firewall rules as an overlay: every row applies only with cni cilium and connects
 * Kubernetes nodes (metrics come from the monitoring peer). The tunnel port follows
 * ciliumTunnel; native routing needs none. Not modelled: the kvstore etcd (2379-2380, the
 * distribution's etcd rows), mutual authentication (4250, no layout option) and the listeners
 * the page marks as 127.0.0.1-only.
 */
import type { Profile } from "../../model/requirement";
import { nodes, peer, source } from "../dsl";

const PAGE = "https://docs.cilium.io/en/stable/operations/system_requirements/#firewall-rules";
const at = source(PAGE);
const all = nodes();

export const cilium: Profile = {
  id: "cilium",
  title: "Cilium firewall rules (CNI overlay)",
  document: PAGE,
  roles: {},
  peers: {
    monitoring: "Prometheus or another scraper of Cilium's metrics",
  },
  options: ["cni", "ciliumTunnel", "encryption", "hubble", "monitoring"],
  rows: [
    {
      id: "health", description: "cluster health checks (cilium-health)", direction: "inbound", protocols: ["tcp"], ports: "4240",
      from: [all], to: all, when: { cni: "cilium" }, source: at("Firewall Rules: TCP 4240 open among all nodes; 4240/tcp cluster health checks (cilium-health)"),
    },
    {
      id: "health-icmp-echo-request", description: "cluster health checks (ICMP echo request)", direction: "inbound", protocols: ["icmp"], icmp: { type: 8, code: 0 },
      from: [all], to: all, when: { cni: "cilium" }, source: at("Firewall Rules: ICMP Type 0/8, Code 0 open among all nodes (cilium-health)"),
    },
    {
      id: "health-icmp-echo-reply", description: "cluster health checks (ICMP echo reply)", direction: "inbound", protocols: ["icmp"], icmp: { type: 0, code: 0 },
      from: [all], to: all, when: { cni: "cilium" }, source: at("Firewall Rules: ICMP Type 0/8, Code 0 open among all nodes (cilium-health)"),
    },
    {
      id: "vxlan", description: "VXLAN overlay", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { cni: "cilium", ciliumTunnel: "vxlan" }, source: at("Firewall Rules: VXLAN overlay mode, UDP 8472 open among all nodes"),
    },
    {
      id: "geneve", description: "Geneve overlay", direction: "inbound", protocols: ["udp"], ports: "6081",
      from: [all], to: all, when: { cni: "cilium", ciliumTunnel: "geneve" }, source: at("Firewall Rules: Geneve overlay mode, UDP 6081"),
    },
    {
      id: "wireguard", description: "WireGuard encryption tunnel endpoint", direction: "inbound", protocols: ["udp"], ports: "51871",
      from: [all], to: all, when: { cni: "cilium", encryption: "wireguard" }, source: at("Firewall Rules: WireGuard, allow UDP port 51871; 51871/udp WireGuard encryption tunnel endpoint"),
    },
    {
      id: "hubble-server", description: "Hubble server", direction: "inbound", protocols: ["tcp"], ports: "4244",
      from: [all], to: all, when: { cni: "cilium", hubble: true }, source: at("4244/tcp: Hubble server"),
    },
    {
      id: "hubble-relay", description: "Hubble Relay", direction: "inbound", protocols: ["tcp"], ports: "4245",
      from: [all], to: all, when: { cni: "cilium", hubble: true }, source: at("4245/tcp: Hubble Relay"),
    },
    {
      id: "metrics", description: "cilium-agent, cilium-operator and Envoy Prometheus metrics", direction: "inbound", protocols: ["tcp"], ports: "9962-9964",
      from: [peer("monitoring")], to: all, when: { cni: "cilium", monitoring: true },
      source: at("9962/tcp cilium-agent Prometheus metrics; 9963/tcp cilium-operator Prometheus metrics; 9964/tcp cilium-envoy Prometheus metrics"),
    },
    {
      id: "ipsec", description: "IPsec encryption (ESP)", direction: "inbound", protocols: ["esp"],
      from: [all], to: all, when: { cni: "cilium", encryption: "ipsec" }, source: at("Firewall Rules: IPsec enabled deployments, the firewall allows ESP traffic"),
    },
  ],
  disagreements: [
    {
      id: "vxlan-port",
      rows: ["vxlan"],
      says: "VXLAN on UDP 8472",
      other: "Calico and RKE2's Flannel use UDP 4789, the IANA VXLAN port",
      otherSource: "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements",
    },
  ],
};
