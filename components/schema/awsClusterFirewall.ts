/**
 * AwsClusterFirewall as Pulumi's other languages see it (`pulumi package add`). At runtime this
 * is the TypeScript AwsClusterFirewall: the constructor only turns the layout source into its
 * `layout` or `plan`, and the outputs below are its own values under union-free types.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AwsClusterFirewall as TypedAwsClusterFirewall, type AwsClusterFirewallArgs as TypedArgs } from "../aws/AwsClusterFirewall";
import type { AwsNodeGroup } from "./cloudInputs";
import type { Layout } from "./layout";
import { typedSource } from "./layoutSource";
import type { AwsRuleSummary, PlanWarning } from "./outputTypes";

/** The TypeScript component's args, with its TypeScript-typed `layout` and `plan` replaced by three sources. */
export interface AwsClusterFirewallArgs {
  /** The layout to compile (profiles, options, node groups, peers). Give exactly one of layout, layoutFile or planJson. */
  layout?: Layout;
  /** Path of a layout file (.yaml, .yml or .json), relative to the directory `pulumi` runs in. */
  layoutFile?: string;
  /** A compiled plan: the text `kubeports plan <layout> --format json` prints. Peers cannot be merged into it. */
  planJson?: string;
  /** The VPC the security groups are created in. */
  vpcId: pulumi.Input<string>;
  /** Peer name -> CIDRs, merged over the layout's peers before compiling, so one layout serves several sites. */
  peers?: Record<string, string[]>;
  /** Peer name -> managed prefix list id holding that peer's CIDRs: its flows become one rule per port range with prefixListId instead of one per CIDR. */
  prefixLists?: Record<string, pulumi.Input<string>>;
  /** Tags for every security group and rule, besides kubeports' own (Name, managed-by, kubeports:node-group, kubeports:sources). */
  tags?: Record<string, string>;
  /** Per node group settings, keyed by node group name. */
  groups?: Record<string, AwsNodeGroup>;
  /** false (default): every created group may send anything (0.0.0.0/0 and ::/0). true: exactly the plan's egress flows. */
  restrictEgress?: boolean;
  /** Your account's "rules per security group" quota if raised from the default 60. */
  rulesPerGroupQuota?: number;
  /** The rename path: the component's previous name; groups keep their AWS names and descriptions and rules stay in place (aliases). */
  renamedFrom?: string;
}

// Pulumi's schema inference accepts only direct ComponentResource subclasses, so the TypeScript
// component is typed as one here. Its constructor registers "kubeports:index:AwsClusterFirewall".
const Base = TypedAwsClusterFirewall as unknown as new (name: string, args: TypedArgs, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/**
 * A kubeports plan as AWS security groups, one per node group, with one
 * aws.vpc.SecurityGroupIngressRule or SecurityGroupEgressRule per rule. Logical names come
 * from each rule's content, so adding a port adds one resource and renames nothing.
 */
export class AwsClusterFirewall extends Base {
  /** Node group -> security group id: what a launch template or node group attaches. */
  declare readonly securityGroupIds: pulumi.Output<Record<string, string>>;
  /** Node group -> its rules, for review: direction, protocol, ports, peer, description and the documented rows behind each. */
  declare readonly rules: Record<string, AwsRuleSummary[]>;
  /** World openings the vendor documents prescribe (also logged as warnings). */
  declare readonly warnings: PlanWarning[];

  constructor(name: string, args: AwsClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    const { layout: _layout, layoutFile: _file, planJson: _plan, ...rest } = args ?? {};
    super(name, { ...rest, ...typedSource("AwsClusterFirewall", name, args) } as TypedArgs, opts);
  }
}
