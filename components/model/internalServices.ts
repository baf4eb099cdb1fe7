import type { PortRange } from "./ports";
import type { Protocol } from "./protocol";

/**
 * Services that only cluster members should ever reach. Opening any of these to the internet
 * exposes the cluster (etcd holds every secret; the kubelet runs commands; an overlay port
 * lets anyone inject packets into the pod network). Shared by the compiler and the policy pack.
 */
export const INTERNAL_SERVICES: readonly {
  readonly name: string;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
}[] = [
  { name: "etcd", protocol: "tcp", ports: { from: 2379, to: 2381 } },
  { name: "kubelet", protocol: "tcp", ports: { from: 10250, to: 10250 } },
  { name: "kube-scheduler/controller-manager", protocol: "tcp", ports: { from: 10251, to: 10259 } },
  { name: "Calico BGP", protocol: "tcp", ports: { from: 179, to: 179 } },
  { name: "Calico Typha", protocol: "tcp", ports: { from: 5473, to: 5473 } },
  { name: "Calico Felix/Typha health", protocol: "tcp", ports: { from: 9098, to: 9099 } },
  { name: "VXLAN", protocol: "udp", ports: { from: 4789, to: 4789 } },
  { name: "Flannel/Cilium VXLAN", protocol: "udp", ports: { from: 8472, to: 8472 } },
  { name: "Geneve", protocol: "udp", ports: { from: 6081, to: 6081 } },
  { name: "WireGuard", protocol: "udp", ports: { from: 51820, to: 51821 } },
  { name: "Cilium WireGuard", protocol: "udp", ports: { from: 51871, to: 51871 } },
  { name: "Cilium health", protocol: "tcp", ports: { from: 4240, to: 4240 } },
  { name: "Hubble", protocol: "tcp", ports: { from: 4244, to: 4245 } },
  { name: "RKE2 supervisor", protocol: "tcp", ports: { from: 9345, to: 9345 } },
  { name: "Weave", protocol: "tcp", ports: { from: 6783, to: 6783 } },
  { name: "Weave", protocol: "udp", ports: { from: 6783, to: 6784 } },
  { name: "IP-in-IP", protocol: "ipip" },
  { name: "IP protocol 94", protocol: "ipip94" },
  { name: "IPsec ESP", protocol: "esp" },
];

/** Names of the internal services a rule touches (all of them for protocol `all`). */
export function internalServicesHit(protocol: Protocol, ports?: PortRange): string[] {
  const hits = INTERNAL_SERVICES.filter((service) => {
    if (protocol === "all") return true;
    if (service.protocol !== protocol) return false;
    if (!service.ports || !ports) return true;
    return ports.from <= service.ports.to && service.ports.from <= ports.to;
  }).map((service) => service.name);
  return [...new Set(hits)];
}
