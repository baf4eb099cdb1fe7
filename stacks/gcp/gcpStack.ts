/**
 * A GCP cluster: network, GcpClusterFirewall (tags or service accounts per node group), an
 * instance template per group carrying that identity, a regional managed instance group where
 * the stack starts the machines, and a passthrough load balancer per VIP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { GcpClusterFirewall } from "../../components/gcp/gcpClusterFirewall";
import type { Layout } from "../../components/model/layout";
import type { ClusterFile } from "../../components/stackFiles/clusterFile";
import type { StackConfig } from "../../components/stackFiles/stackConfig";
import { gcpLoadBalancer } from "./gcpLoadBalancer";
import { gcpNetwork } from "./gcpNetwork";

export function gcpStack(layout: Layout, cluster: ClusterFile, config: StackConfig) {
  const region = new pulumi.Config("gcp").get("region") ?? "us-central1";
  const network = gcpNetwork(layout.name, config, region);
  const firewall = new GcpClusterFirewall(layout.name, {
    layout,
    // Firewall names are unique per GCP project: one prefix per stack.
    namePrefix: config.namePrefix ?? pulumi.getStack(),
    network: network.network,
    useServiceAccounts: config.useServiceAccounts,
    fqdnEgress: config.fqdnEgress,
    restrictEgress: config.fqdnEgress,
    ...(config.fqdnEgress ? { nodeRanges: [config.networkCidr] } : {}),
  });

  const templates: Record<string, pulumi.Output<string>> = {};
  const instanceGroups: Record<string, pulumi.Output<string>> = {};
  for (const group of Object.keys(cluster.machines).sort()) {
    const machine = cluster.machines[group]!;
    const template = new compute.InstanceTemplate(`${layout.name}-${group}`, {
      namePrefix: `${layout.name}-${group}-`,
      machineType: machine.size,
      disks: [{ sourceImage: machine.image, boot: true, autoDelete: true }],
      networkInterfaces: [{ subnetwork: network.subnetwork }],
      tags: firewall.targetTags.apply((tags) => tags[group] ?? []),
      ...(config.useServiceAccounts
        ? { serviceAccount: { email: firewall.serviceAccounts.apply((accounts) => accounts[group]!), scopes: ["cloud-platform"] } }
        : {}),
      labels: { "kubeports-stack": layout.name, "kubeports-group": group },
    });
    templates[group] = template.selfLink;
    if (machine.provisionedBy !== "stack" || machine.count === 0) continue;
    const manager = new compute.RegionInstanceGroupManager(`${layout.name}-${group}`, {
      region,
      baseInstanceName: `${layout.name}-${group}`,
      targetSize: machine.count,
      versions: [{ instanceTemplate: template.selfLinkUnique }],
    }, { parent: template });
    instanceGroups[group] = manager.instanceGroup;
  }

  const loadBalancers = Object.fromEntries(
    Object.keys(cluster.loadBalancers).sort().map((name) => {
      const spec = cluster.loadBalancers[name]!;
      const group = instanceGroups[spec.targetGroup];
      if (!group) throw new Error(`${config.clusterFile}: loadBalancers.${name} targets ${spec.targetGroup}, whose machines the stack does not start (count 0 or provisionedBy rancher)`);
      return [name, gcpLoadBalancer(`${layout.name}-${name}`, spec, region, group, network)];
    }),
  );

  return {
    network: network.network,
    targetTags: firewall.targetTags,
    serviceAccounts: firewall.serviceAccounts,
    instanceTemplates: templates,
    loadBalancers,
    firewallRules: firewall.ruleNames,
    unexpressedHosts: firewall.unexpressedHosts,
    warnings: firewall.warnings.map((warning) => warning.message),
  };
}
