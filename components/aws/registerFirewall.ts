/**
 * Registers a checked AwsFirewallSpec with Pulumi: one security group per node group (unless
 * it exists already) and one vpc.SecurityGroupIngressRule / SecurityGroupEgressRule per rule.
 * Nothing here decides anything; the spec already holds every name and input.
 */
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import { KubeportsError } from "../model/errors";
import type { DeferredCidrs } from "../firewall/peerInputs";
import { groupArgs, ruleArgs } from "./awsResourceArgs";
import type { AwsFirewallSpec } from "./awsSpec";
import { checkUserTags } from "./awsTags";

export interface FirewallInputs {
  readonly vpcId: pulumi.Input<string>;
  /** Node group -> id of the existing group its rules go into. */
  readonly existingIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Peer -> managed prefix list id. */
  readonly prefixListIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Peer CIDRs given as Outputs: their stand-ins in the spec are replaced by the checked values. */
  readonly cidrs?: DeferredCidrs;
  /** Tags whose values are Outputs, for every group and rule; checked when known. */
  readonly outputTags?: Readonly<Record<string, pulumi.Input<string>>>;
  /** The error subject naming the component, for values that fail their check when known. */
  readonly subject?: string;
}

/** Returns node group -> security group id. */
export function registerFirewall(parent: pulumi.Resource, spec: AwsFirewallSpec, inputs: FirewallInputs): Record<string, pulumi.Output<string>> {
  const ids: Record<string, pulumi.Output<string>> = {};
  const extraTags = checkedTags(inputs.subject ?? "Invalid arguments", inputs.outputTags ?? {});
  for (const group of spec.groups) {
    if (group.existing) {
      ids[group.group] = pulumi.output(inputs.existingIds[group.group]!);
      continue;
    }
    // No `ingress`/`egress` here, not even empty lists: inline rules, legacy
    // ec2.SecurityGroupRule and vpc.*Rule on one group fight each other (perpetual diffs,
    // overwritten rules), and an explicit `[]` would delete the vpc.*Rule resources' rules.
    const created = groupArgs(group, inputs.vpcId);
    const securityGroup = new ec2.SecurityGroup(group.logicalName, { ...created, tags: { ...extraTags, ...created.tags } }, { parent, ...aliases(group.aliases) });
    ids[group.group] = securityGroup.id;
  }
  for (const rule of spec.rules) {
    // Rules hang off the component, not their group, so switching a group between created
    // and existing keeps every rule's URN.
    const plain = ruleArgs<pulumi.Input<string>>(rule, ids, inputs);
    const args: vpc.SecurityGroupIngressRuleArgs = {
      ...plain,
      ...(inputs.cidrs && plain.cidrIpv4 !== undefined ? { cidrIpv4: inputs.cidrs.resolve(plain.cidrIpv4 as string) } : {}),
      tags: { ...extraTags, ...plain.tags },
    };
    if (rule.direction === "ingress") new vpc.SecurityGroupIngressRule(rule.name, args, { parent, ...aliases(rule.aliases) });
    else new vpc.SecurityGroupEgressRule(rule.name, args, { parent, ...aliases(rule.aliases) });
  }
  return ids;
}

/** The rename path: the logical names a resource had, as Pulumi aliases (nothing when none). */
function aliases(names: readonly string[]): { aliases?: pulumi.Alias[] } {
  return names.length > 0 ? { aliases: names.map((name) => ({ name })) } : {};
}

/** Output tag values, each checked against EC2's limits as soon as it is known. */
function checkedTags(subject: string, tags: Readonly<Record<string, pulumi.Input<string>>>): Record<string, pulumi.Output<string>> {
  return Object.fromEntries(
    Object.entries(tags).map(([key, value]) => [
      key,
      pulumi.output(value).apply((known) => {
        const issues = checkUserTags({ [key]: known }, "args.tags");
        if (issues.length > 0) throw new KubeportsError(subject, issues);
        return known;
      }),
    ]),
  );
}

