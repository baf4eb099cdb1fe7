/**
 * Mandatory: no Kubernetes-internal service (the shared INTERNAL_SERVICES list: etcd, kubelet,
 * CNI overlays and BGP, Typha, WireGuard, IP-in-IP, ...) open to the whole internet. An
 * all-protocol rule reaches all of them. Judged per rule, wherever it is and whoever made it:
 * the pack cannot tell which machines are nodes, and etcd open to the world is wrong on any.
 */
import { internalServicesHit } from "../components/model/internalServices";
import { ingressViews } from "./ingressViews";
import type { Cloud, IngressView } from "./ruleView";

const FIX: Readonly<Record<Cloud, string>> = {
  aws: "Restrict the source to the cluster's own security group (referencedSecurityGroupId; sourceSecurityGroupId or self on ec2.SecurityGroupRule; securityGroups or self inline) or to a known CIDR such as the VPC's.",
  gcp: "Restrict the source to the cluster nodes' sourceTags or sourceServiceAccounts, or to known sourceRanges such as the node subnets (and always give a source: none means 0.0.0.0/0).",
  azure: "Restrict the source to the nodes' application security group (sourceApplicationSecurityGroups) or to known prefixes such as the node subnets, not *, Internet, 0.0.0.0/0 or ::/0.",
};

/** Internal services the view's traffic reaches, each named once. */
export function servicesReached(view: IngressView): string[] {
  return [...new Set(view.matches.flatMap((match) => internalServicesHit(match.protocol, match.ports)))];
}

function serviceList(services: readonly string[]): string {
  if (services.length <= 4) return services.join(", ");
  return `${services.slice(0, 4).join(", ")} and ${services.length - 4} more`;
}

/** One message per rule (or inline entry) that opens an internal service to the world. */
export function internalPortViolations(type: string, props: Record<string, unknown>): string[] {
  return ingressViews(type, props).flatMap((view) => {
    const services = servicesReached(view);
    if (services.length === 0) return [];
    const world = view.worldSources();
    if (world.length === 0) return [];
    return [
      `${view.where}${view.traffic} is open to ${world.map((source) => source.text).join(" and ")}, which reaches ` +
        `Kubernetes-internal ${services.length === 1 ? "service" : "services"} ${serviceList(services)}: only cluster members may reach ${services.length === 1 ? "it" : "them"}. ${FIX[view.cloud]}`,
    ];
  });
}
