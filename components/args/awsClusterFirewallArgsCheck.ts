/** AwsClusterFirewall's args, checked by type before anything is registered (JavaScript callers). */
import { arg, argObject, argRecord, checkArgs } from "./argTypes";
import { firewallSourceFields, peersArg } from "./sharedArgs";

export const awsClusterFirewallArgsSchema = argObject(
  {
    ...firewallSourceFields,
    vpcId: arg.inputString('give the VPC id, for example vpc.id or "vpc-0123456789abcdef0"'),
    peers: peersArg.optional(),
    prefixLists: argRecord(
      arg.inputString('give the managed prefix list id, for example list.id or "pl-0123456789abcdef0"'),
      "an object of peer name -> prefix list id",
      'for example { office: "pl-0123456789abcdef0" }',
    ).optional(),
    tags: argRecord(arg.inputString('tag values are strings or Outputs of them, for example { team: "platform" } or { owner: vpc.id }'), "an object of tag name -> value", 'for example { team: "platform" }').optional(),
    groups: argRecord(
      argObject(
        {
          existingSecurityGroupId: arg.inputString('give the security group id, for example "sg-0123456789abcdef0"').optional(),
          name: arg.string('give the AWS name of the group kubeports creates, for example "prod-workers"').optional(),
          previousName: arg.string('give the node group\'s name before a rename, for example "workers"').optional(),
        },
        "an object { existingSecurityGroupId?, name?, previousName? }",
        'for example { existingSecurityGroupId: "sg-0123456789abcdef0" }',
      ),
      "an object of node group name -> settings",
      'for example { workers: { existingSecurityGroupId: "sg-0123456789abcdef0" } }',
    ).optional(),
    restrictEgress: arg.boolean("set true for exactly the plan's egress, false (default) for allow-all egress").optional(),
    renamedFrom: arg.string('give the component\'s name before a rename, for example "prod"').optional(),
    rulesPerGroupQuota: arg.integer({ min: 1, max: 1000 }, "give your account's rules-per-security-group quota (default 60)").optional(),
  },
  "an object of AwsClusterFirewall args",
  "pass { vpcId, layout } (see the README)",
);

export function checkAwsClusterFirewallArgs(name: string, args: unknown): void {
  checkArgs(awsClusterFirewallArgsSchema, `Invalid AwsClusterFirewall "${name}"`, args);
}
