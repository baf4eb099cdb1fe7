/**
 * An AWS cluster: network, one security group per node group (AwsClusterFirewall), the
 * rancher-nodes group for Rancher layouts, a launch template per group carrying its security
 * groups, an autoscaling group where the stack starts the machines, and an NLB per VIP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as autoscaling from "@pulumi/aws/autoscaling";
import * as ec2 from "@pulumi/aws/ec2";
import { AwsClusterFirewall } from "../../components/aws/AwsClusterFirewall";
import { RancherNodesSecurityGroup } from "../../components/aws/RancherNodesSecurityGroup";
import type { Layout } from "../../components/model/layout";
import type { ClusterFile } from "../../components/stackFiles/clusterFile";
import type { StackConfig } from "../../components/stackFiles/stackConfig";
import { awsLoadBalancer } from "./awsLoadBalancer";
import { awsNetwork } from "./awsNetwork";

export function awsStack(layout: Layout, cluster: ClusterFile, config: StackConfig) {
  // The firewall components add managed-by and their own tags; the stack adds it to the rest.
  const stackTags = { "kubeports:stack": layout.name };
  const tags = { ...stackTags, "managed-by": "kubeports" };
  const network = awsNetwork(layout.name, config, tags);
  const firewall = new AwsClusterFirewall(layout.name, { layout, vpcId: network.vpcId, restrictEgress: config.restrictEgress, tags: stackTags });

  // Rancher's EC2 node driver attaches rancher-nodes to every machine it creates.
  const rancherNodes = layout.profiles.includes("rancher")
    ? new RancherNodesSecurityGroup("rancher-nodes", {
        vpcId: network.vpcId,
        driverRules: config.rancherNodesDriverRules,
        ...(config.adminCidrs ? { adminCidrs: config.adminCidrs } : {}),
        tags: stackTags,
      })
    : undefined;

  const vips = Object.fromEntries(
    Object.keys(cluster.loadBalancers).sort().map((name) => [name, awsLoadBalancer(`${layout.name}-${name}`, cluster.loadBalancers[name]!, network.vpcId, network.subnetIds, tags)]),
  );

  const templates: Record<string, pulumi.Output<string>> = {};
  for (const group of Object.keys(cluster.machines).sort()) {
    const machine = cluster.machines[group]!;
    const groupIds = firewall.securityGroupIds.apply((ids) => [ids[group]!]);
    const securityGroupIds =
      machine.provisionedBy === "rancher" && rancherNodes
        ? pulumi.all([groupIds, rancherNodes.securityGroupId]).apply(([ids, shared]) => [...ids, shared])
        : groupIds;
    const template = new ec2.LaunchTemplate(`${layout.name}-${group}`, {
      namePrefix: `${layout.name}-${group}-`,
      imageId: machine.image,
      instanceType: machine.size,
      vpcSecurityGroupIds: securityGroupIds,
      tagSpecifications: [{ resourceType: "instance", tags: { ...tags, Name: `${layout.name}-${group}`, "kubeports:group": group } }],
      tags,
    });
    templates[group] = template.id;
    if (machine.provisionedBy !== "stack" || machine.count === 0) continue;
    const targetGroupArns = Object.entries(cluster.loadBalancers)
      .filter(([, spec]) => spec.targetGroup === group)
      .flatMap(([name]) => vips[name]!.targetGroupArns);
    new autoscaling.Group(`${layout.name}-${group}`, {
      vpcZoneIdentifiers: network.subnetIds,
      minSize: machine.count,
      maxSize: machine.count,
      desiredCapacity: machine.count,
      launchTemplate: { id: template.id, version: "$Latest" },
      targetGroupArns,
      tags: [{ key: "Name", value: `${layout.name}-${group}`, propagateAtLaunch: true }],
    }, { parent: template });
  }

  return {
    vpcId: network.vpcId,
    securityGroupIds: firewall.securityGroupIds,
    launchTemplateIds: templates,
    loadBalancers: Object.fromEntries(Object.entries(vips).map(([name, vip]) => [name, vip.dnsName])),
    ...(rancherNodes ? { rancherNodesSecurityGroupId: rancherNodes.securityGroupId } : {}),
    warnings: [...firewall.warnings, ...(rancherNodes?.warnings ?? [])].map((warning) => warning.message),
  };
}
