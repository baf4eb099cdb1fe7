/**
 * Canal (Calico policy on a Flannel data plane) as an overlay: every row applies only with
 * cni canal and connects Kubernetes nodes. Rows follow RKE2's Canal tab, except Felix's
 * health port, which Felix serves on localhost: a local probe here (see disagreement).
 */
import type { Profile } from "../../model/requirement";
import { nodes, source } from "../dsl";

const PAGE = "https://docs.rke2.io/install/requirements#cni-specific-inbound-network-rules";
const FELIX = "https://docs.tigera.io/calico/latest/reference/felix/configuration";
const at = source(PAGE);
const all = nodes();

export const canal: Profile = {
  id: "canal",
  title: "Canal (Calico + Flannel) (CNI overlay)",
  document: PAGE,
  alsoSee: [FELIX, "004_4e84222665e307a4.txt"],
  roles: {},
  peers: {},
  options: ["cni", "encryption", "ipv6"],
  rows: [
    {
      id: "vxlan", description: "Canal CNI with VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { cni: "canal", encryption: "none" }, source: at("Canal: 8472 UDP All RKE2 nodes, Canal CNI with VXLAN"),
    },
    {
      id: "felix-health", description: "Canal CNI health checks (Felix)", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [all], to: all, localOnly: true, when: { cni: "canal" }, source: at("Canal: 9099 TCP All RKE2 nodes, Canal CNI health checks"),
      note: "Local only: Felix binds its health endpoint to localhost, and Rancher marks 9099 as local traffic.",
    },
    {
      id: "wireguard-ipv4", description: "Canal CNI with WireGuard IPv4", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [all], to: all, when: { cni: "canal", encryption: "wireguard" }, source: at("Canal: 51820 UDP All RKE2 nodes, Canal CNI with WireGuard IPv4"),
    },
    {
      id: "wireguard-ipv6", description: "Canal CNI with WireGuard IPv6/dual-stack", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [all], to: all, when: { cni: "canal", encryption: "wireguard", ipv6: true }, source: at("Canal: 51821 UDP All RKE2 nodes, Canal CNI with WireGuard IPv6/dual-stack"),
    },
  ],
  disagreements: [
    {
      id: "health-local",
      rows: ["felix-health"],
      says: "RKE2's Canal tab: TCP 9099 between all nodes",
      other: "Felix serves health on localhost (HealthHost) and Rancher lists 9099 as local traffic to the node itself, so no cross-node rule is opened",
      otherSource: FELIX,
    },
    {
      id: "vxlan-port",
      rows: ["vxlan"],
      says: "Canal VXLAN on UDP 8472",
      other: "Calico's own VXLAN mode and RKE2's Flannel tab use UDP 4789",
      otherSource: "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements",
    },
  ],
};
