/**
 * A load balancer in front of a node group needs its listener and health-check ports open on
 * the targets. They become ordinary layout rules, so the plan, the reports and the diff show
 * them like every other flow.
 */
import type { CustomRule } from "../model/layout";
import type { LoadBalancerSpec } from "./clusterFile";

/** Where each cloud's load-balancer health checks come from. */
export function healthCheckSources(cloud: "aws" | "gcp" | "azure", networkCidr: string): { label: string; cidrs: string[] } | undefined {
  switch (cloud) {
    // NLB health checks come from the load balancer's own addresses inside the VPC.
    case "aws":
      return { label: "NLB health checks (VPC)", cidrs: [networkCidr] };
    // Google's documented health-check ranges for proxy and passthrough load balancers.
    case "gcp":
      return { label: "Google health checkers", cidrs: ["35.191.0.0/16", "130.211.0.0/22"] };
    // Azure probes come from the AzureLoadBalancer service tag, which every NSG's default
    // rule AllowAzureLoadBalancerInBound (priority 65001) already admits.
    case "azure":
      return undefined;
  }
}

export function loadBalancerRules(
  cloud: "aws" | "gcp" | "azure",
  networkCidr: string,
  loadBalancers: Readonly<Record<string, LoadBalancerSpec>>,
): CustomRule[] {
  return Object.keys(loadBalancers)
    .sort()
    .flatMap((name) => {
      const lb = loadBalancers[name]!;
      const listeners: CustomRule = {
        id: `lb-${name}`,
        description: `${name} load balancer listeners`,
        protocols: ["tcp"],
        ports: lb.ports.map(String),
        from: [{ cidrs: lb.clients, label: `${name} load balancer clients` }],
        to: { group: lb.targetGroup },
      };
      const checks = healthCheckSources(cloud, networkCidr);
      if (!checks) return [listeners];
      const health: CustomRule = {
        id: `lb-${name}-health`,
        description: `${name} load balancer health checks`,
        protocols: ["tcp"],
        ports: String(lb.healthCheckPort),
        from: [{ cidrs: checks.cidrs, label: checks.label }],
        to: { group: lb.targetGroup },
      };
      return [listeners, health];
    });
}
