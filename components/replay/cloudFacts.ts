/**
 * What each cloud refuses, as facts one resource contributes to the cloud's state:
 * - unique keys: two live resources with one key make the cloud refuse the second
 *   (AWS InvalidPermission.Duplicate and InvalidGroup.Duplicate, Azure SecurityRuleConflict
 *   and duplicate names in an NSG, GCP alreadyExists for firewall names in a project);
 * - counted keys: at most `limit` live resources per key (AWS rules per group, direction and
 *   IP family, RulesPerSecurityGroupLimitExceeded).
 * AWS compares a rule's protocol, ports and source, never its description, tags or name
 * (docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html); group names are unique
 * per VPC, case-insensitively. Pure data, no Pulumi.
 */

export interface UniqueFact {
  readonly key: string;
  /** The cloud's refusal, as its error code and what the two resources share. */
  readonly refusal: string;
  readonly what: string;
}

export interface CountedFact {
  readonly key: string;
  readonly limit: number;
  readonly refusal: string;
  readonly what: string;
}

export interface Facts {
  readonly unique: readonly UniqueFact[];
  readonly counted: readonly CountedFact[];
}

export interface FactOptions {
  /** AWS rules per security group, direction and family (default 60). */
  readonly rulesPerGroupQuota?: number;
}

const AWS_RULES = new Set(["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"]);
/** Resource types that put machines (and so network interfaces) into security groups. */
export const MACHINE_TYPES = new Set(["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance", "aws:ec2/launchConfiguration:LaunchConfiguration"]);
export const AWS_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function awsRuleFacts(type: string, inputs: Record<string, unknown>, options: FactOptions): Facts {
  const direction = type.includes("Ingress") ? "ingress" : "egress";
  const group = text(inputs.securityGroupId);
  const all = text(inputs.ipProtocol) === "-1";
  const ports = all ? "all" : `${text(inputs.fromPort)}-${text(inputs.toPort)}`;
  const source =
    inputs.cidrIpv4 !== undefined ? `cidr ${text(inputs.cidrIpv4)}`
    : inputs.cidrIpv6 !== undefined ? `cidr ${text(inputs.cidrIpv6)}`
    : inputs.prefixListId !== undefined ? `prefix list ${text(inputs.prefixListId)}`
    : `group ${text(inputs.referencedSecurityGroupId)}`;
  const families = inputs.cidrIpv4 !== undefined ? ["ipv4"] : inputs.cidrIpv6 !== undefined ? ["ipv6"] : ["ipv4", "ipv6"];
  const limit = options.rulesPerGroupQuota ?? 60;
  return {
    unique: [{
      key: `aws-rule|${group}|${direction}|${text(inputs.ipProtocol)}|${ports}|${source}`,
      refusal: "AWS InvalidPermission.Duplicate",
      what: `the same ${direction} rule (protocol ${text(inputs.ipProtocol)}, ports ${ports}, ${source}) in ${group}`,
    }],
    counted: families.map((family) => ({
      key: `aws-quota|${group}|${direction}|${family}`,
      limit,
      refusal: "AWS RulesPerSecurityGroupLimitExceeded",
      what: `more than ${limit} ${direction} ${family} rules in ${group} during the update`,
    })),
  };
}

/** The facts one resource's resolved inputs contribute; none for types no cloud rule covers. */
export function cloudFacts(type: string, inputs: Record<string, unknown>, options: FactOptions = {}): Facts {
  if (AWS_RULES.has(type)) return awsRuleFacts(type, inputs, options);
  if (type === AWS_SECURITY_GROUP && inputs.name !== undefined) {
    return {
      unique: [{ key: `aws-sg|${text(inputs.vpcId)}|${text(inputs.name).toLowerCase()}`, refusal: "AWS InvalidGroup.Duplicate", what: `security group name "${text(inputs.name)}" in ${text(inputs.vpcId)}` }],
      counted: [],
    };
  }
  if (type === "azure-native:network:SecurityRule") {
    const nsg = `${text(inputs.resourceGroupName)}/${text(inputs.networkSecurityGroupName)}`;
    return {
      unique: [
        { key: `az-priority|${nsg}|${text(inputs.direction)}|${text(inputs.priority)}`, refusal: "Azure SecurityRuleConflict", what: `${text(inputs.direction)} priority ${text(inputs.priority)} in NSG ${nsg}` },
        { key: `az-name|${nsg}|${text(inputs.securityRuleName).toLowerCase()}`, refusal: "Azure duplicate rule name", what: `rule name "${text(inputs.securityRuleName)}" in NSG ${nsg}` },
      ],
      counted: [],
    };
  }
  if (type === "gcp:compute/firewall:Firewall") {
    const project = inputs.project === undefined ? "(the provider's project)" : text(inputs.project);
    return { unique: [{ key: `gcp-fw|${project}|${text(inputs.name)}`, refusal: "GCP alreadyExists", what: `firewall name "${text(inputs.name)}" in project ${project}` }], counted: [] };
  }
  return { unique: [], counted: [] };
}

/** Every string inside a value (ids a machine's inputs reference). */
export function referencedStrings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) referencedStrings(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) referencedStrings(item, into);
  return into;
}
