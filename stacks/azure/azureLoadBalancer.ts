/**
 * A Standard load balancer for one VIP: a frontend (public IP or private in the subnet), one
 * backend pool, a TCP probe, and a rule per port. Sub-resources reference each other by id
 * inside the same load balancer, so their ids are built from its (fixed) name.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import type { LoadBalancerSpec } from "../../components/stackFiles/clusterFile";

export interface AzureVip {
  readonly backendPoolId: pulumi.Output<string>;
  readonly frontendAddress: pulumi.Output<string | undefined>;
}

export function azureLoadBalancer(
  name: string,
  spec: LoadBalancerSpec,
  args: { resourceGroupName: pulumi.Input<string>; location: string; subnetId: pulumi.Input<string>; subscriptionId: pulumi.Input<string> },
): AzureVip {
  const id = (kind: string, child: string) =>
    pulumi.interpolate`/subscriptions/${args.subscriptionId}/resourceGroups/${args.resourceGroupName}/providers/Microsoft.Network/loadBalancers/${name}/${kind}/${child}`;
  const publicIp = spec.public
    ? new network.PublicIPAddress(name, { resourceGroupName: args.resourceGroupName, location: args.location, sku: { name: "Standard" }, publicIPAllocationMethod: "Static" })
    : undefined;
  const balancer = new network.LoadBalancer(name, {
    loadBalancerName: name,
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    sku: { name: "Standard" },
    frontendIPConfigurations: [
      publicIp
        ? { name: "frontend", publicIPAddress: { id: publicIp.id } }
        : { name: "frontend", subnet: { id: args.subnetId }, privateIPAllocationMethod: "Dynamic" },
    ],
    backendAddressPools: [{ name: "targets" }],
    probes: [{ name: "health", protocol: "Tcp", port: spec.healthCheckPort, intervalInSeconds: 5, numberOfProbes: 2 }],
    loadBalancingRules: spec.ports.map((port) => ({
      name: `tcp-${port}`,
      protocol: "Tcp",
      frontendPort: port,
      backendPort: port,
      frontendIPConfiguration: { id: id("frontendIPConfigurations", "frontend") },
      backendAddressPool: { id: id("backendAddressPools", "targets") },
      probe: { id: id("probes", "health") },
    })),
  }, publicIp ? { dependsOn: [publicIp] } : undefined);
  return {
    backendPoolId: balancer.id.apply((lbId) => `${lbId}/backendAddressPools/targets`),
    frontendAddress: publicIp ? publicIp.ipAddress : balancer.frontendIPConfigurations.apply((configs) => configs?.[0]?.privateIPAddress),
  };
}
