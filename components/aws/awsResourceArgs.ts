/**
 * Spec -> the inputs of ec2.SecurityGroup and vpc.SecurityGroupIngressRule / EgressRule. Pure and
 * generic over how ids are held (Pulumi Outputs in the component, plain strings in the replay,
 * the evaluator and the tests), so what they read is what the component registers.
 */
import type { AwsGroupSpec, AwsRuleSpec } from "./awsSpec";

/** A created group's ec2.SecurityGroup inputs. */
export function groupArgs<Id>(group: AwsGroupSpec, vpcId: Id) {
  return { name: group.awsName, description: group.description, vpcId, tags: { ...group.tags } };
}

/**
 * A rule's vpc.SecurityGroupIngressRule / SecurityGroupEgressRule inputs, given node group ->
 * security group id and peer -> prefix list id (Outputs in the component; plain strings elsewhere).
 */
export function ruleArgs<Id>(rule: AwsRuleSpec, ids: Readonly<Record<string, Id>>, inputs: { readonly prefixListIds: Readonly<Record<string, Id>> }) {
  const source = rule.source;
  const target =
    source.kind === "group"
      ? { referencedSecurityGroupId: ids[source.group]! }
      : source.kind === "prefixList"
        ? { prefixListId: inputs.prefixListIds[source.peer]! }
        : source.family === "ipv4"
          ? { cidrIpv4: source.cidr }
          : { cidrIpv6: source.cidr };
  return {
    securityGroupId: ids[rule.group]!,
    ipProtocol: rule.ipProtocol,
    ...(rule.fromPort !== undefined ? { fromPort: rule.fromPort, toPort: rule.toPort } : {}),
    ...target,
    description: rule.description,
    tags: { ...rule.tags },
  };
}
