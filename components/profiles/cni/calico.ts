/**
 * Calico's network requirements, as an overlay: every row applies only with cni calico and
 * connects Kubernetes nodes, whatever roles the layout's other profiles define. The page's
 * "kube-apiserver host" and "etcd datastore" rows are the distribution's API server and etcd,
 * which the distribution's own profile opens; they are not repeated here.
 */
import type { Profile } from "../../model/requirement";
import { nodes, source } from "../dsl";

const PAGE = "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements";
const FELIX = "https://docs.tigera.io/calico/latest/reference/felix/configuration";
const TYPHA = "https://docs.tigera.io/calico/latest/reference/typha/configuration";
const at = source(PAGE);
const all = nodes();

export const calico: Profile = {
  id: "calico",
  title: "Calico network requirements (CNI overlay)",
  document: PAGE,
  alsoSee: [FELIX, TYPHA],
  roles: {},
  peers: {},
  options: ["cni", "calicoMode", "calicoTypha", "encryption", "ipv6"],
  rows: [
    {
      id: "bgp", description: "Calico networking (BGP)", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [all], to: all, when: { cni: "calico", calicoMode: ["ipip", "bgp"] }, source: at("Calico networking (BGP): All, bidirectional, TCP 179"),
      note: "IP-in-IP and unencapsulated modes distribute routes over BGP; VXLAN mode does not need it.",
    },
    {
      id: "ipip", description: "Calico networking with IP-in-IP", direction: "inbound", protocols: ["ipip"],
      from: [all], to: all, when: { cni: "calico", calicoMode: "ipip" }, source: at("Calico networking with IP-in-IP enabled (default): All, bidirectional, IP-in-IP (protocol 4)"),
    },
    {
      id: "vxlan", description: "Calico networking with VXLAN", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [all], to: all, when: { cni: "calico", calicoMode: "vxlan" }, source: at("Calico networking with VXLAN enabled: All, bidirectional, UDP 4789"),
    },
    {
      id: "typha", description: "Calico networking with Typha", direction: "inbound", protocols: ["tcp"], ports: "5473",
      from: [all], to: all, when: { cni: "calico", calicoTypha: true }, source: at("Calico networking with Typha enabled: Typha agent hosts, incoming, TCP 5473"),
      note: "Typha is scheduled on any node, so every node accepts 5473 from the nodes.",
    },
    {
      id: "wireguard-ipv4", description: "Calico networking with IPv4 WireGuard", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [all], to: all, when: { cni: "calico", encryption: "wireguard" }, source: at("Calico networking with IPv4 Wireguard enabled: All, bidirectional, UDP 51820"),
    },
    {
      id: "wireguard-ipv6", description: "Calico networking with IPv6 WireGuard", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [all], to: all, when: { cni: "calico", encryption: "wireguard", ipv6: true }, source: at("Calico networking with IPv6 Wireguard enabled: All, bidirectional, UDP 51821"),
    },
    {
      id: "felix-health", description: "Felix health", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [all], to: all, localOnly: true, when: { cni: "calico" }, source: source(FELIX)("HealthPort 9099, HealthHost localhost"),
    },
    {
      id: "typha-health", description: "Typha health", direction: "inbound", protocols: ["tcp"], ports: "9098",
      from: [all], to: all, localOnly: true, when: { cni: "calico", calicoTypha: true }, source: source(TYPHA)("HealthPort 9098, HealthHost localhost"),
    },
  ],
  disagreements: [
    {
      id: "vxlan-port",
      rows: ["vxlan"],
      says: "VXLAN on UDP 4789",
      other: "Flannel (K3s, Canal, Rancher) and Cilium use UDP 8472 for VXLAN",
      otherSource: "https://docs.k3s.io/installation/requirements#networking",
    },
  ],
};
