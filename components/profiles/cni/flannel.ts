/**
 * Flannel's backends as an overlay: every row applies only with cni flannel and connects
 * Kubernetes nodes. VXLAN uses the kernel's default port (8472) on Linux and 4789 on Windows;
 * the WireGuard backend replaces VXLAN (encryption: wireguard).
 */
import type { Profile } from "../../model/requirement";
import { nodes, source } from "../dsl";

const PAGE = "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md";
const at = source(PAGE);
const all = nodes();

export const flannel: Profile = {
  id: "flannel",
  title: "Flannel backends (CNI overlay)",
  document: PAGE,
  alsoSee: ["https://docs.k3s.io/installation/requirements#networking"],
  roles: {},
  peers: {},
  options: ["cni", "encryption", "ipv6", "windows"],
  rows: [
    {
      id: "vxlan", description: "Flannel VXLAN", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [all], to: all, when: { cni: "flannel", encryption: "none" }, source: at("VXLAN: Port, on Linux defaults to kernel default, currently 8472"),
    },
    {
      id: "vxlan-windows", description: "Flannel VXLAN on Windows", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [all], to: all, when: { cni: "flannel", encryption: "none", windows: true }, source: at("VXLAN: Port, on Windows must be 4789"),
    },
    {
      id: "wireguard-ipv4", description: "Flannel WireGuard (IPv4)", direction: "inbound", protocols: ["udp"], ports: "51820",
      from: [all], to: all, when: { cni: "flannel", encryption: "wireguard" }, source: at("WireGuard: ListenPort, default 51820"),
    },
    {
      id: "wireguard-ipv6", description: "Flannel WireGuard (IPv6)", direction: "inbound", protocols: ["udp"], ports: "51821",
      from: [all], to: all, when: { cni: "flannel", encryption: "wireguard", ipv6: true }, source: at("WireGuard: ListenPortV6, default 51821"),
    },
  ],
  disagreements: [
    {
      id: "vxlan-port",
      rows: ["vxlan"],
      says: "VXLAN on UDP 8472 (the Linux kernel default)",
      other: "RKE2's Flannel tab and Calico's requirements page give Flannel VXLAN UDP 4789",
      otherSource: "https://docs.rke2.io/install/requirements",
    },
  ],
};
