/**
 * The resource type tokens the pack reads. Strings, not SDK classes: the pack must load
 * without @pulumi/aws, @pulumi/gcp or @pulumi/azure-native, and judge resources that other
 * programs created with any SDK version.
 */
export const AWS_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const AWS_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
export const AWS_LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const AWS_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const GCP_FIREWALL = "gcp:compute/firewall:Firewall";

/** azure-native also ships explicit API-version modules (`azure-native:network/v20240301:SecurityRule`). */
export function isAzureSecurityRule(type: string): boolean {
  return /^azure-native:network(\/v[0-9a-z]+)?:SecurityRule$/.test(type);
}

export function isAzureNetworkSecurityGroup(type: string): boolean {
  return /^azure-native:network(\/v[0-9a-z]+)?:NetworkSecurityGroup$/.test(type);
}
