/**
 * The resources each cloud shell registers for a plan, built from the pure translations with the
 * shells' own input mappings (awsResourceArgs, azureRuleArgs, gcpFirewallArgs) and plain ids (no
 * Pulumi run). One builder serves `kubeports diff --steps` and the property tests (the replay)
 * and `kubeports verify` of a layout (the evaluators, which add the machines' templates).
 */
import { createHash } from "node:crypto";
import { planAwsFirewall } from "../aws/awsRules";
import { groupArgs, ruleArgs } from "../aws/awsResourceArgs";
import type { AwsFirewallOptions, AwsFirewallSpec } from "../aws/awsSpec";
import { securityRuleArgs } from "../azure/azureRuleArgs";
import { translatePlan as translateAzure } from "../azure/azureRules";
import type { AzureRuleSpec, AzureTranslateOptions } from "../azure/azureRuleSpec";
import { firewallArgs, type Identity } from "../gcp/gcpFirewallArgs";
import { translatePlan as translateGcp } from "../gcp/gcpRules";
import type { GcpRuleSpec } from "../gcp/gcpRuleSpec";
import type { Plan } from "../model/plan";
import type { ReplayResource } from "./engineSteps";
import type { StepCloud } from "./stepClouds";

const VPC = "vpc-0123456789abcdef0";
const hex = (text: string, n: number) => createHash("sha256").update(text).digest("hex").slice(0, n);

/** An AWS spec's security groups (those it creates) and rules, given node group -> security group id. */
export function awsSpecResources(spec: AwsFirewallSpec, ids: Readonly<Record<string, string>>, parent: string, vpcId = VPC): ReplayResource[] {
  const resources: ReplayResource[] = [];
  for (const group of spec.groups) {
    if (group.existing) continue;
    resources.push({ type: "aws:ec2/securityGroup:SecurityGroup", name: group.logicalName, id: ids[group.group]!, parent, inputs: groupArgs(group, vpcId), aliases: group.aliases });
  }
  for (const rule of spec.rules) {
    const type = rule.direction === "ingress" ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    const prefixListIds = rule.source.kind === "prefixList" ? { [rule.source.peer]: `pl-${rule.source.peer}` } : {};
    resources.push({ type, name: rule.name, id: `sgr-${hex(rule.name, 17)}`, parent, inputs: ruleArgs(rule, ids, { prefixListIds }), aliases: rule.aliases });
  }
  return resources;
}

/** Azure rule specs as SecurityRules of one NSG, given node group -> ASG id. */
export function azureSpecResources(rules: readonly AzureRuleSpec[], nsg: string, asgId: (group: string) => string, parent: string): ReplayResource[] {
  const context = { resourceGroupName: "rg", networkSecurityGroupName: nsg, asgId, prefixes: (cidrs: readonly string[]) => [...cidrs] };
  return rules.map((rule) => ({ type: "azure-native:network:SecurityRule", name: rule.name, id: `/nsg/securityRules/${rule.name}`, parent, inputs: securityRuleArgs(rule, context) }));
}

/** GCP VPC rule specs as compute.Firewalls, given node group -> identity (the shell deletes a firewall before replacing it). */
export function gcpSpecResources(rules: readonly GcpRuleSpec[], identities: ReadonlyMap<string, Identity<string>>, parent: string): ReplayResource[] {
  const context = { identities, network: "k8s", project: "p", logging: false, ranges: (cidrs: readonly string[]) => [...cidrs] };
  return rules
    .filter((rule) => rule.layer === "vpc")
    .map((rule) => ({ type: "gcp:compute/firewall:Firewall", name: rule.name, id: `projects/p/global/firewalls/${rule.name}`, parent, inputs: firewallArgs(rule, context), deleteBeforeReplace: true }));
}

/** Node group -> existing security group id for groups on existingSecurityGroupId. */
export function awsResources(plan: Plan, options: AwsFirewallOptions, existingIds: Readonly<Record<string, string>> = {}): ReplayResource[] {
  const spec = planAwsFirewall(plan, options);
  // Mock ids follow the logical name, as under Pulumi mocks; an alias keeps the old one.
  const ids = Object.fromEntries(spec.groups.map((group) => [group.group, group.existing ? existingIds[group.group]! : `sg-${hex(group.aliases[0] ?? group.logicalName, 17)}`]));
  return awsSpecResources(spec, ids, options.name);
}

export function azureResources(plan: Plan, options: AzureTranslateOptions): ReplayResource[] {
  return azureSpecResources(translateAzure(plan, options).rules, `${options.prefix}-nsg`, (group) => `/asg/${options.prefix}-${group}`, options.prefix);
}

export function gcpResources(plan: Plan, prefix: string): ReplayResource[] {
  const translation = translateGcp(plan, { prefix, priority: 1000, restrictEgress: false, nodeRanges: [], fqdnEgress: false });
  const identities = new Map(plan.groups.map((group) => [group.name, { kind: "tag" as const, tag: `${prefix}-${group.name}` }]));
  return gcpSpecResources(translation.rules, identities, prefix);
}

/** A plan's resources on one cloud with the shell's defaults, the component named `component`. */
export function cloudResources(cloud: StepCloud, plan: Plan, component: string): ReplayResource[] {
  if (cloud === "aws") return awsResources(plan, { name: component });
  if (cloud === "gcp") return gcpResources(plan, component);
  return azureResources(plan, { prefix: component, reserved: [], serviceTags: {}, allowIpInIpAsAnyProtocol: false, restrictEgress: false, allowVirtualNetworkInbound: false });
}
