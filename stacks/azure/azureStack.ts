/**
 * An Azure cluster: resource group and VNet, AzureClusterFirewall (one NSG on the subnet, an
 * ASG per node group), a scale set per group whose NICs carry the group's ASG, and a Standard
 * load balancer per VIP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as compute from "@pulumi/azure-native/compute";
import { AzureClusterFirewall } from "../../components/azure/azureClusterFirewall";
import { KubeportsError } from "../../components/model/errors";
import type { Layout } from "../../components/model/layout";
import type { ClusterFile, MachineSpec } from "../../components/stackFiles/clusterFile";
import type { StackConfig } from "../../components/stackFiles/stackConfig";
import { azureLoadBalancer, type AzureVip } from "./azureLoadBalancer";
import { azureNetwork, azureResourceGroup } from "./azureNetwork";

/** "publisher:offer:sku:version", as `az vm image list` prints it. */
function imageReference(group: string, machine: MachineSpec, clusterFile: string) {
  const [publisher, offer, sku, version] = machine.image.split(":");
  if (!publisher || !offer || !sku || !version) {
    throw new KubeportsError("Invalid cluster file", [
      { path: `${clusterFile}.machines.${group}.image`, message: `"${machine.image}" is not an Azure image reference (write publisher:offer:sku:version, e.g. Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest)` },
    ]);
  }
  return { publisher, offer, sku, version };
}

export function azureStack(layout: Layout, cluster: ClusterFile, config: StackConfig) {
  if (!config.adminSshPublicKey) {
    throw new KubeportsError("Invalid stack configuration", [
      { path: "kubeports:adminSshPublicKey", message: "is required on Azure: scale sets need an SSH public key (pulumi config set kubeports:adminSshPublicKey \"$(cat ~/.ssh/id_ed25519.pub)\")" },
    ]);
  }
  const images = Object.fromEntries(Object.keys(cluster.machines).map((group) => [group, imageReference(group, cluster.machines[group]!, config.clusterFile)]));
  const location = new pulumi.Config("azure-native").get("location") ?? "westeurope";
  const resourceGroupName = azureResourceGroup(layout.name, config, location);
  const firewall = new AzureClusterFirewall(layout.name, { layout, resourceGroupName, location, restrictEgress: config.restrictEgress });
  const net = azureNetwork(layout.name, config, location, firewall.networkSecurityGroupId, resourceGroupName);
  const subscriptionId = authorization.getClientConfigOutput().subscriptionId;

  const vips: Record<string, AzureVip> = Object.fromEntries(
    Object.keys(cluster.loadBalancers).sort().map((name) => [
      name,
      azureLoadBalancer(`${layout.name}-${name}`, cluster.loadBalancers[name]!, { resourceGroupName, location, subnetId: net.subnetId, subscriptionId }),
    ]),
  );

  const scaleSets: Record<string, pulumi.Output<string>> = {};
  for (const group of Object.keys(cluster.machines).sort()) {
    const machine = cluster.machines[group]!;
    if (machine.provisionedBy !== "stack") continue;
    const pools = Object.entries(cluster.loadBalancers)
      .filter(([, spec]) => spec.targetGroup === group)
      .map(([name]) => ({ id: vips[name]!.backendPoolId }));
    const scaleSet = new compute.VirtualMachineScaleSet(`${layout.name}-${group}`, {
      resourceGroupName,
      location,
      sku: { name: machine.size, capacity: machine.count },
      upgradePolicy: { mode: "Manual" },
      virtualMachineProfile: {
        osProfile: {
          computerNamePrefix: group.slice(0, 9),
          adminUsername: "kubeports",
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            ssh: { publicKeys: [{ path: "/home/kubeports/.ssh/authorized_keys", keyData: config.adminSshPublicKey }] },
          },
        },
        storageProfile: { imageReference: images[group]!, osDisk: { createOption: "FromImage" } },
        networkProfile: {
          networkInterfaceConfigurations: [{
            name: `${group}-nic`,
            primary: true,
            ipConfigurations: [{
              name: "primary",
              subnet: { id: net.subnetId },
              applicationSecurityGroups: [{ id: firewall.applicationSecurityGroupIds.apply((ids) => ids[group]!) }],
              loadBalancerBackendAddressPools: pools,
            }],
          }],
        },
      },
    });
    scaleSets[group] = scaleSet.id;
  }

  return {
    resourceGroupName,
    networkSecurityGroupId: firewall.networkSecurityGroupId,
    applicationSecurityGroupIds: firewall.applicationSecurityGroupIds,
    scaleSetIds: scaleSets,
    loadBalancers: Object.fromEntries(Object.entries(vips).map(([name, vip]) => [name, vip.frontendAddress])),
    unexpressedHosts: firewall.unexpressedHosts,
    warnings: firewall.warnings.map((warning) => warning.message),
  };
}
