/**
 * RancherNodesSecurityGroup as Pulumi's other languages see it. Its args already suit the
 * schema; its outputs are the TypeScript component's own values under union-free types.
 */
import type * as pulumi from "@pulumi/pulumi";
import { RancherNodesSecurityGroup as TypedRancherNodesSecurityGroup, type RancherNodesSecurityGroupArgs } from "../aws/RancherNodesSecurityGroup";
import type { AwsRuleSummary, PlanWarning } from "./outputTypes";

export type { RancherNodesSecurityGroupArgs };

// A direct ComponentResource subclass for the schema inference (see awsClusterFirewall.ts).
const Base = TypedRancherNodesSecurityGroup as unknown as new (name: string, args: RancherNodesSecurityGroupArgs, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/**
 * The `rancher-nodes` security group Rancher's AWS EC2 node driver uses, created ahead of time
 * so its rules are reviewed code: by default exactly the table in Rancher's docs, egress included.
 */
export class RancherNodesSecurityGroup extends Base {
  /** Id of the `rancher-nodes` security group. */
  declare readonly securityGroupId: pulumi.Output<string>;
  /** The group's rules, for review. */
  declare readonly rules: AwsRuleSummary[];
  /** Every rule still open to the world, as the plan warns about it (also logged). */
  declare readonly warnings: PlanWarning[];
  /** What the node driver would add on its own to this tagged group, and how to stop it (also logged). */
  declare readonly driverCaveats: string[];

  // Declared for the schema inference, which reads the args type off the constructor.
  constructor(name: string, args: RancherNodesSecurityGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(name, args, opts);
  }
}
