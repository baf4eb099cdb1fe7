/**
 * A plan -> the resources a cloud shell would register, in the preview's shape, from the shells'
 * pure translations (no Pulumi): one security group / network tag / ASG per node group with its
 * rules, and one machine template per group that attaches exactly what the component tells
 * users to attach (`securityGroupIds`, `targetTags`, `applicationSecurityGroupIds`). What the
 * components register from these specs is checked against previews in the tests.
 */
import { resolveFirewallArgs } from "../aws/firewallArgs";
import { resolveAzureArgs } from "../azure/azureArgs";
import { translatePlan as translateAzure } from "../azure/azureRules";
import type { AzureSide } from "../azure/azureRuleSpec";
import { resolveGcpArgs } from "../gcp/gcpArgs";
import { translatePlan as translateGcp } from "../gcp/gcpRules";
import type { Plan } from "../model/plan";
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
  const resources: CloudResource[] = spec.groups.map((group) => ({ type: "aws:ec2/securityGroup:SecurityGroup", name: group.logicalName, id: sgId(group.group), inputs: {} }));
  for (const rule of spec.rules) {
    const source = rule.source;
    const peer =
      source.kind === "group"
        ? { referencedSecurityGroupId: sgId(source.group) }
        : source.kind === "prefixList"
          ? { prefixListId: `pl-${source.peer}` }
          : source.family === "ipv4"
            ? { cidrIpv4: source.cidr }
            : { cidrIpv6: source.cidr };
    resources.push({
      type: `aws:vpc/securityGroup${rule.direction === "ingress" ? "Ingress" : "Egress"}Rule:SecurityGroup${rule.direction === "ingress" ? "Ingress" : "Egress"}Rule`,
      name: rule.name,
      id: null,
      inputs: { securityGroupId: sgId(rule.group), ipProtocol: rule.ipProtocol, ...(rule.fromPort !== undefined ? { fromPort: rule.fromPort, toPort: rule.toPort } : {}), ...peer },
    });
  }
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
  const translation = translateGcp(plan, resolved.translate);
  const resources: CloudResource[] = translation.rules
    .filter((rule) => rule.layer === "vpc")
    .map((rule) => ({
      type: "gcp:compute/firewall:Firewall",
      name: rule.name,
      id: null,
      inputs: {
        name: rule.name,
        direction: rule.direction,
        priority: rule.priority,
        [rule.action === "allow" ? "allows" : "denies"]: rule.allows.map((a) => ({ protocol: a.protocol, ...(a.ports ? { ports: [...a.ports] } : {}) })),
        targetTags: [tag(rule.group)],
        ...(rule.peer.kind === "groups" ? { sourceTags: rule.peer.groups.map(tag) } : {}),
        ...(rule.peer.kind === "ranges" ? (rule.direction === "INGRESS" ? { sourceRanges: [...rule.peer.ranges] } : { destinationRanges: [...rule.peer.ranges] }) : {}),
      },
    }));
  for (const group of plan.groups) {
    resources.push({ type: "gcp:compute/instanceTemplate:InstanceTemplate", name: `${plan.layout}-${group.name}`, id: null, inputs: { tags: [tag(group.name)], labels: { "kubeports-group": group.name } } });
  }
  return resources;
}

const ASG_PREFIX = "/subscriptions/0/resourcegroups/verify/providers/microsoft.network/applicationsecuritygroups/";

function azureSide(side: AzureSide, asgName: (group: string) => string, prefix: "source" | "destination"): Record<string, unknown> {
  if (side.kind === "groups") return { [`${prefix}ApplicationSecurityGroups`]: side.groups.map((g) => ({ id: `${ASG_PREFIX}${asgName(g)}` })) };
  if (side.kind === "prefixes") return { [`${prefix}AddressPrefixes`]: [...side.prefixes] };
  if (side.kind === "tag") return { [`${prefix}AddressPrefix`]: side.tag };
  return { [`${prefix}AddressPrefix`]: "*" };
}

function azureResources(plan: Plan, choices: TranslateChoices): CloudResource[] {
  const resolved = resolveAzureArgs(plan.layout, { plan, resourceGroupName: "verify", ...(choices.allowIpInIpAsAnyProtocol ? { allowIpInIpAsAnyProtocol: true } : {}) });
  const asgName = (group: string) => {
    const asg = resolved.asgs.get(group)!;
    return asg.kind === "create" ? asg.name : group;
  };
  const nsg = `${resolved.translate.prefix}-nsg`;
  const subnetId = "/subscriptions/0/resourcegroups/verify/providers/microsoft.network/virtualnetworks/verify/subnets/nodes";
  const resources: CloudResource[] = [
    { type: "azure-native:network:NetworkSecurityGroup", name: nsg, id: `/subscriptions/0/resourcegroups/verify/providers/microsoft.network/networksecuritygroups/${nsg}`, inputs: {} },
    { type: "azure-native:network:Subnet", name: "nodes", id: subnetId, inputs: { networkSecurityGroup: { id: `/x/networksecuritygroups/${nsg}` } } },
  ];
  for (const rule of translateAzure(plan, resolved.translate).rules) {
    resources.push({
      type: "azure-native:network:SecurityRule",
      name: rule.name,
      id: null,
      inputs: {
        networkSecurityGroupName: nsg,
        securityRuleName: rule.name,
        access: rule.access,
        direction: rule.direction,
        priority: rule.priority,
        protocol: rule.protocol,
        sourcePortRange: "*",
        ...(rule.ports ? { destinationPortRanges: [...rule.ports] } : { destinationPortRange: "*" }),
        ...azureSide(rule.source, asgName, "source"),
        ...azureSide(rule.destination, asgName, "destination"),
      },
    });
  }
  for (const group of plan.groups) {
    const ipConfigurations = [{ name: "primary", subnet: { id: subnetId }, applicationSecurityGroups: [{ id: `${ASG_PREFIX}${asgName(group.name)}` }] }];
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
