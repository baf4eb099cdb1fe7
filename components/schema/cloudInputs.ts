/**
 * The components' nested inputs under the names other languages get. Pulumi's SDK generators
 * add "Args" to input types (Python `kubeports.AwsNodeGroupArgs`), so the TypeScript names,
 * which already end in Args, would double it. Same fields and types as the TypeScript
 * interfaces; test/schema-components checks that they stay so.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Per node group settings of AwsClusterFirewall. */
export interface AwsNodeGroup {
  /** Add this node group's rules to this existing security group id instead of creating a group; its own egress rules are left alone, and its existing rules count toward the same quota. */
  existingSecurityGroupId?: pulumi.Input<string>;
  /** AWS name of the created group; default `<component name>-<node group>`. Must not start with "sg-"; changing it replaces the group. */
  name?: string;
  /** The rename path: this node group's name before you renamed it; its group keeps its AWS name and description and its rules stay in place (aliases). */
  previousName?: string;
}

/** How GcpClusterFirewall identifies one node group. Leave it out to let kubeports choose. */
export interface GcpGroupIdentity {
  /** An existing network tag the group's instances carry (network-tag mode). Default: "<component>-<group>". */
  tag?: string;
  /** Email of an existing service account the group's instances run as (useServiceAccounts mode). Default: kubeports creates one per group, with no IAM roles. */
  serviceAccountEmail?: pulumi.Input<string>;
}

/** How AzureClusterFirewall identifies one node group. Leave it out to let kubeports create an ASG. */
export interface AzureGroup {
  /** Resource id of an existing application security group the group's NICs (or scale set IP configurations) already belong to. Default: kubeports creates "<component>-<group>". */
  existingApplicationSecurityGroupId?: pulumi.Input<string>;
}

/** An inclusive range of NSG priorities, e.g. { from: 100, to: 199 }. */
export interface AzurePriorityBand {
  /** First priority of the band (100-4096). */
  from: number;
  /** Last priority of the band, at least `from`. */
  to: number;
}
