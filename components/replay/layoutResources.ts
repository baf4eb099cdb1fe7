/**
 * The resources each cloud shell registers for a layout, built from the pure translations (no
 * Pulumi run): what the property tests and `kubeports diff --steps --cloud` replay. The AWS inputs go through the shell's own groupArgs/ruleArgs
 * mapping; Azure and GCP carry the inputs the clouds' uniqueness rules and replacements read
 * (names, priorities, directions, network, project) plus the rest of the spec, so any change
 * shows as an update.
 */
import { createHash } from "node:crypto";
import { planAwsFirewall } from "../aws/awsRules";
import type { AwsFirewallOptions } from "../aws/awsSpec";
import { groupArgs, ruleArgs } from "../aws/registerFirewall";
import { translatePlan as translateAzure } from "../azure/azureRules";
import type { AzureTranslateOptions } from "../azure/azureRuleSpec";
import { translatePlan as translateGcp } from "../gcp/gcpRules";
import type { Plan } from "../model/plan";
import type { ReplayResource } from "./engineSteps";
import type { StepCloud } from "./stepClouds";

const VPC = "vpc-0123456789abcdef0";
const hex = (text: string, n: number) => createHash("sha256").update(text).digest("hex").slice(0, n);

/** Node group -> existing security group id for groups on existingSecurityGroupId. */
export function awsResources(plan: Plan, options: AwsFirewallOptions, existingIds: Readonly<Record<string, string>> = {}): ReplayResource[] {
  const spec = planAwsFirewall(plan, options);
  const ids: Record<string, string> = {};
  const resources: ReplayResource[] = [];
  for (const group of spec.groups) {
    // Mock ids follow the logical name, as under Pulumi mocks; an alias keeps the old one.
    ids[group.group] = group.existing ? existingIds[group.group]! : `sg-${hex(group.aliases[0] ?? group.logicalName, 17)}`;
    if (group.existing) continue;
    resources.push({ type: "aws:ec2/securityGroup:SecurityGroup", name: group.logicalName, id: ids[group.group]!, parent: options.name, inputs: groupArgs(group, VPC), aliases: group.aliases });
  }
  for (const rule of spec.rules) {
    const type = rule.direction === "ingress" ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    resources.push({ type, name: rule.name, id: `sgr-${hex(rule.name, 17)}`, parent: options.name, inputs: ruleArgs(rule, ids, { prefixListIds: {} }), aliases: rule.aliases });
  }
  return resources;
}

export function azureResources(plan: Plan, options: AzureTranslateOptions): ReplayResource[] {
  return translateAzure(plan, options).rules.map(({ name, priority, direction, ...rest }) => ({
    type: "azure-native:network:SecurityRule",
    name,
    id: `/nsg/securityRules/${name}`,
    parent: options.prefix,
    inputs: { resourceGroupName: "rg", networkSecurityGroupName: `${options.prefix}-nsg`, securityRuleName: name, priority, direction, spec: JSON.stringify(rest) },
  }));
}

export function gcpResources(plan: Plan, prefix: string): ReplayResource[] {
  const translation = translateGcp(plan, { prefix, priority: 1000, restrictEgress: false, nodeRanges: [], fqdnEgress: false });
  return translation.rules.filter((rule) => rule.layer === "vpc").map(({ name, ...rest }) => ({
    type: "gcp:compute/firewall:Firewall",
    name,
    id: `projects/p/global/firewalls/${name}`,
    parent: prefix,
    inputs: { name, network: "k8s", project: "p", spec: JSON.stringify(rest) },
  }));
}


/** A plan's resources on one cloud with the shell's defaults, the component named `component`. */
export function cloudResources(cloud: StepCloud, plan: Plan, component: string): ReplayResource[] {
  if (cloud === "aws") return awsResources(plan, { name: component });
  if (cloud === "gcp") return gcpResources(plan, component);
  return azureResources(plan, { prefix: component, reserved: [], serviceTags: {}, allowIpInIpAsAnyProtocol: false, restrictEgress: false, allowVirtualNetworkInbound: false });
}
