/**
 * The outputs every cloud firewall component has (AwsClusterFirewall, GcpClusterFirewall,
 * AzureClusterFirewall): the same names, the same shapes, the same logging. Each shell keeps
 * its cloud's own outputs besides (security group ids, target tags, ASG ids).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Plan } from "../model/plan";
import type { FirewallWarning } from "./peerInputs";

/** What a program, a stack export or a review reads from any of the three cloud components. */
export interface ClusterFirewallOutputs {
  /** The compiled plan the rules come from. */
  readonly plan: Plan;
  /** Node group -> what its machines attach: AWS security group id, GCP network tag or service-account email, Azure ASG id. */
  readonly groupIds: pulumi.Output<Record<string, string>>;
  /** Node group -> one line per rule that protects its machines (name, direction, protocol, ports, peer). */
  readonly ruleLines: pulumi.Output<Record<string, string[]>>;
  /** Plain-text account of what was created: identities, rules, notes and warnings. */
  readonly summaryText: pulumi.Output<string>;
  /** The plan's warnings and the component's own (`peer-unknown`), each also logged with pulumi.log.warn. */
  readonly warnings: readonly FirewallWarning[];
}

/** Logs every warning once, on the component. */
export function logWarnings(resource: pulumi.Resource, warnings: readonly FirewallWarning[]): void {
  for (const warning of warnings) void pulumi.log.warn(warning.message, resource);
}

/** The contract's outputs as registerOutputs takes them (warnings as data, so stacks can export them). */
export function contractOutputs(outputs: ClusterFirewallOutputs): Record<string, unknown> {
  return { groupIds: outputs.groupIds, ruleLines: outputs.ruleLines, summaryText: outputs.summaryText, warnings: outputs.warnings.map((w) => ({ ...w })) };
}
