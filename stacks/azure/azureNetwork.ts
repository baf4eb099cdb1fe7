/** The resource group and virtual network the stack builds on: created, or existing ones. */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import type { StackConfig } from "../../components/stackFiles/stackConfig";

export interface AzureNetwork {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly subnetId: pulumi.Input<string>;
}

/** With a new network the subnet carries the cluster NSG; an existing subnet keeps its own NSG association. */
export function azureNetwork(name: string, config: StackConfig, location: string, nsgId: pulumi.Input<string>, resourceGroupName: pulumi.Input<string>): AzureNetwork {
  if (config.existingNetwork) {
    return { resourceGroupName, subnetId: config.existingSubnets?.[0] ?? "" };
  }
  const vnet = new network.VirtualNetwork(name, { resourceGroupName, location, addressSpace: { addressPrefixes: [config.networkCidr] } });
  const subnet = new network.Subnet(`${name}-nodes`, {
    resourceGroupName,
    virtualNetworkName: vnet.name,
    addressPrefix: config.networkCidr,
    networkSecurityGroup: { id: nsgId },
  }, { parent: vnet });
  return { resourceGroupName, subnetId: subnet.id };
}

export function azureResourceGroup(name: string, config: StackConfig, location: string): pulumi.Input<string> {
  return config.resourceGroupName ?? new resources.ResourceGroup(name, { location }).name;
}
