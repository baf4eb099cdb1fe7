/**
 * A plan -> the resources a cloud shell would register, in the preview's shape, from the shells'
 * pure translations (no Pulumi): one security group / network tag / ASG per node group with its
 * rules, and one machine template per group that attaches exactly what the component tells
 * users to attach (`securityGroupIds`, `targetTags`, `applicationSecurityGroupIds`). The rules and
 * groups come from the replay's builder (replay/layoutResources), which maps specs to inputs
 * through the shells' own functions; this adds the machines' templates.
 */
import { resolveFirewallArgs } from "../aws/firewallArgs";
import { resolveAzureArgs } from "../azure/azureArgs";
import { translatePlan as translateAzure } from "../azure/azureRules";
import { resolveGcpArgs } from "../gcp/gcpArgs";
import { translatePlan as translateGcp } from "../gcp/gcpRules";
import type { Plan } from "../model/plan";
import { awsSpecResources, azureSpecResources, gcpSpecResources } from "../replay/layoutResources";
import type { Cloud } from "./cloudFirewall";
import type { CloudResource } from "./cloudResource";

export interface TranslateChoices {
  /** Azure: let IP-in-IP through as protocol "*" (the component's opt-in); otherwise such plans fail as the component fails. */
  readonly allowIpInIpAsAnyProtocol?: boolean;
  /** AWS: a raised rules-per-security-group quota (the component's rulesPerGroupQuota). */
  readonly rulesPerGroupQuota?: number;
}

const sgId = (group: string) => `sg-${group}`;

function awsResources(plan: Plan, choices: TranslateChoices): CloudResource[] {
  const quota = choices.rulesPerGroupQuota === undefined ? {} : { rulesPerGroupQuota: choices.rulesPerGroupQuota };
  const { spec } = resolveFirewallArgs(plan.layout, { plan, vpcId: "vpc-00000000", ...quota });
  const resources: CloudResource[] = awsSpecResources(spec, Object.fromEntries(spec.groups.map((group) => [group.group, sgId(group.group)])), plan.layout);
  for (const group of plan.groups) {
    resources.push({
      type: "aws:ec2/launchTemplate:LaunchTemplate",
      name: `${plan.layout}-${group.name}`,
      id: `lt-${group.name}`,
      inputs: { vpcSecurityGroupIds: [sgId(group.name)], tagSpecifications: [{ resourceType: "instance", tags: { "kubeports:group": group.name } }] },
    });
  }
  return resources;
}

function gcpResources(plan: Plan): CloudResource[] {
  const resolved = resolveGcpArgs(plan.layout, { plan, network: "verify" });
  const tag = (group: string) => {
    const identity = resolved.identities.get(group)!;
    return identity.kind === "tag" ? identity.tag : group;
  };
  // The evaluator matches machines to rules by network tag: every group is written as its tag.
  const identities = new Map(plan.groups.map((group) => [group.name, { kind: "tag" as const, tag: tag(group.name) }]));
  const resources: CloudResource[] = gcpSpecResources(translateGcp(plan, resolved.translate).rules, identities, plan.layout);
  for (const group of plan.groups) {
    resources.push({ type: "gcp:compute/instanceTemplate:InstanceTemplate", name: `${plan.layout}-${group.name}`, id: null, inputs: { tags: [tag(group.name)], labels: { "kubeports-group": group.name } } });
  }
  return resources;
}

const ASG_PREFIX = "/subscriptions/0/resourcegroups/verify/providers/microsoft.network/applicationsecuritygroups/";

function azureResources(plan: Plan, choices: TranslateChoices): CloudResource[] {
  const resolved = resolveAzureArgs(plan.layout, { plan, resourceGroupName: "verify", ...(choices.allowIpInIpAsAnyProtocol ? { allowIpInIpAsAnyProtocol: true } : {}) });
  const asgId = (group: string) => {
    const asg = resolved.asgs.get(group)!;
    return `${ASG_PREFIX}${asg.kind === "create" ? asg.name : group}`;
  };
  const nsg = `${resolved.translate.prefix}-nsg`;
  const subnetId = "/subscriptions/0/resourcegroups/verify/providers/microsoft.network/virtualnetworks/verify/subnets/nodes";
  const resources: CloudResource[] = [
    { type: "azure-native:network:NetworkSecurityGroup", name: nsg, id: `/subscriptions/0/resourcegroups/verify/providers/microsoft.network/networksecuritygroups/${nsg}`, inputs: {} },
    { type: "azure-native:network:Subnet", name: "nodes", id: subnetId, inputs: { networkSecurityGroup: { id: `/x/networksecuritygroups/${nsg}` } } },
    ...azureSpecResources(translateAzure(plan, resolved.translate).rules, nsg, asgId, plan.layout),
  ];
  for (const group of plan.groups) {
    const ipConfigurations = [{ name: "primary", subnet: { id: subnetId }, applicationSecurityGroups: [{ id: asgId(group.name) }] }];
    resources.push({
      type: "azure-native:compute:VirtualMachineScaleSet",
      name: `${plan.layout}-${group.name}`,
      id: null,
      inputs: { tags: { "kubeports-group": group.name }, virtualMachineProfile: { networkProfile: { networkInterfaceConfigurations: [{ name: "nic", ipConfigurations }] } } },
    });
  }
  return resources;
}

export function translatedResources(plan: Plan, cloud: Cloud, choices: TranslateChoices = {}): CloudResource[] {
  if (cloud === "aws") return awsResources(plan, choices);
  if (cloud === "gcp") return gcpResources(plan);
  return azureResources(plan, choices);
}
