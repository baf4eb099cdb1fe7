/**
 * Modes where packets cross the network with pod addresses, not node addresses: Calico BGP
 * without encapsulation, Cilium native routing, and IPv6 under Calico IP-in-IP (Calico has no
 * IPv6 IP-in-IP, so IPv6 pools route unencapsulated). Rules keyed to node identities never
 * match those packets, so the layout must give the pod CIDR (`podCidr`), and the plan admits
 * the pod CIDR on every node; the cloud must also route and deliver pod addresses, which a
 * firewall component cannot arrange, so each cloud shell refuses these modes with the reason.
 */
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import type { LayoutOptions } from "../model/options";
import type { Plan } from "../model/plan";

/** The plan peer that carries the layout's pod CIDRs. */
export const POD_PEER = "pods";

export type Family = "ipv4" | "ipv6";

/** Address families whose pod traffic leaves the node unencapsulated in this mode, with why. */
export function podAddressedFamilies(options: LayoutOptions): { family: Family; why: string }[] {
  const both = (why: string): { family: Family; why: string }[] =>
    options.ipv6 ? [{ family: "ipv4", why }, { family: "ipv6", why }] : [{ family: "ipv4", why }];
  if (options.cni === "calico" && options.calicoMode === "bgp") return both('calicoMode "bgp" routes pod addresses without encapsulation');
  if (options.cni === "cilium" && options.ciliumTunnel === "native") return both('ciliumTunnel "native" routes pod addresses without encapsulation');
  if (options.cni === "calico" && options.calicoMode === "ipip" && options.ipv6) {
    return [{ family: "ipv6", why: 'Calico has no IPv6 IP-in-IP, so with calicoMode "ipip" and ipv6 the IPv6 pool routes pod addresses unencapsulated' }];
  }
  return [];
}

/** The layout's pod CIDRs, canonical (an absent field is none). */
export function layoutPodCidrs(layout: Layout): string[] {
  const given = layout.podCidr === undefined ? [] : typeof layout.podCidr === "string" ? [layout.podCidr] : layout.podCidr;
  return given.map((text) => parseCidr(text).cidr);
}

/** A pod-addressed mode needs a pod CIDR of each family it routes. */
export function podCidrIssues(layout: Layout, options: LayoutOptions): InputIssue[] {
  const cidrs = layoutPodCidrs(layout).map((cidr) => parseCidr(cidr));
  const world = cidrs
    .filter((cidr) => cidr.world)
    .map((cidr) => ({ path: "layout.podCidr", message: `${cidr.cidr} is every address, and the nodes admit all traffic from the pod CIDR; give the cluster's pod CIDR (for example "10.244.0.0/16")` }));
  return [...world, ...podAddressedFamilies(options)
    .filter(({ family }) => !cidrs.some((cidr) => cidr.family === family))
    .map(({ family, why }) => ({
      path: "layout.podCidr",
      message:
        `${why}, so firewall rules keyed to nodes do not match that traffic; give the cluster's ${family === "ipv4" ? "IPv4" : "IPv6"} pod CIDR ` +
        `(for example podCidr: ${family === "ipv4" ? '"10.244.0.0/16"' : '"fd00:10:244::/56"'}), or use an encapsulating mode (calicoMode: vxlan, ciliumTunnel: vxlan)`,
    }))];
}

const CLOUD_NEEDS: Readonly<Record<"aws" | "gcp" | "azure", string>> = {
  aws:
    "AWS drops packets whose source or destination is not the instance's own address unless source/destination check is off on every instance, " +
    "and delivers them only inside one subnet (https://docs.tigera.io/calico/latest/reference/public-cloud/AWS); AwsClusterFirewall manages neither",
  gcp:
    "a GCP VPC does not know pod addresses (public clouds cannot route workload IP addresses, https://docs.tigera.io/calico/latest/networking/configuring/vxlan-ipip): " +
    "instances need IP forwarding (canIpForward) and a route per node's pod range; GcpClusterFirewall manages neither",
  azure:
    "Azure routes pod addresses only with IP forwarding on every NIC and a user-defined route table (https://docs.tigera.io/calico/latest/reference/public-cloud/azure); " +
    "AzureClusterFirewall manages neither",
};

/** What a cloud shell checks before registering: pod-addressed modes are refused with the reason and the fix. */
export function podRoutingIssues(plan: Pick<Plan, "options">, cloud: "aws" | "gcp" | "azure"): InputIssue[] {
  // A hand-written plan without options says nothing about its mode (the plan check reports its shape).
  if (plan.options === undefined) return [];
  const families = podAddressedFamilies(plan.options);
  if (families.length === 0) return [];
  return [
    {
      path: "layout.options",
      message:
        `${families[0]!.why}: ${CLOUD_NEEDS[cloud]}. Use an encapsulating mode: calicoMode: vxlan (or ipip without ipv6), ciliumTunnel: vxlan or geneve`,
    },
  ];
}
