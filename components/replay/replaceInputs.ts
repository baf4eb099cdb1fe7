/**
 * Which input changes make a provider replace a resource instead of updating it in place, per
 * resource type kubeports registers. Read off the providers' schemas (the Terraform providers
 * behind pulumi-aws and pulumi-gcp mark them ForceNew / RequiresReplace; azure-native replaces
 * when a name in the resource's ARM URL changes):
 * - aws ec2 SecurityGroup: name, namePrefix, description, vpcId are ForceNew
 *   (hashicorp/terraform-provider-aws internal/service/ec2/vpc_security_group.go); EC2 has no
 *   call that renames a group or changes its description.
 * - aws vpc SecurityGroupIngressRule / EgressRule: security_group_id is RequiresReplace, and a
 *   change of source kind (cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id)
 *   is a replacement in ModifyPlan; everything else is ModifySecurityGroupRules in place
 *   (internal/service/ec2/vpc_security_group_ingress_rule.go).
 * - gcp compute Firewall: name and network are ForceNew (google provider
 *   resource_compute_firewall.go), project is part of the resource's id.
 * - azure-native NSG, SecurityRule, ASG: resourceGroupName, the resource's own name and its
 *   parent NSG's name are ARM URL segments, location is immutable.
 */

/** Inputs whose change forces a replacement, by Pulumi type token. */
export const REPLACE_INPUTS: Readonly<Record<string, readonly string[]>> = {
  "aws:ec2/securityGroup:SecurityGroup": ["name", "namePrefix", "description", "vpcId"],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId"],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId"],
  "gcp:compute/firewall:Firewall": ["name", "network", "project"],
  "azure-native:network:NetworkSecurityGroup": ["resourceGroupName", "networkSecurityGroupName", "location"],
  "azure-native:network:SecurityRule": ["resourceGroupName", "networkSecurityGroupName", "securityRuleName"],
  "azure-native:network:ApplicationSecurityGroup": ["resourceGroupName", "applicationSecurityGroupName", "location"],
};

const AWS_RULE_SOURCES = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"];

/** The inputs among `changed` that force `type` to be replaced (empty: an in-place update). */
export function replacingInputs(type: string, before: Record<string, unknown>, after: Record<string, unknown>, changed: readonly string[]): string[] {
  const keys = new Set(REPLACE_INPUTS[type] ?? []);
  const forcing = changed.filter((key) => keys.has(key));
  if (type.startsWith("aws:vpc/securityGroup") && type.endsWith("Rule")) {
    const kind = (inputs: Record<string, unknown>) => AWS_RULE_SOURCES.find((key) => inputs[key] !== undefined);
    if (kind(before) !== kind(after)) forcing.push(`${kind(before)} -> ${kind(after)}`);
  }
  return forcing;
}
