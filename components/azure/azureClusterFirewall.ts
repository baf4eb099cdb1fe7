/**
 * AzureClusterFirewall: a kubeports plan as one Azure network security group (NSG) with
 * standalone security rules, and one application security group (ASG) per node group. Every
 * argument is checked and every rule, name and priority computed before anything is registered,
 * so a bad input leaves no half-built firewall.
 *
 * Usage with an existing resource group and NSG (the NSG attached to the cluster's subnet):
 *
 * ```ts
 * import { AzureClusterFirewall } from "kubeports/components/azure";
 *
 * const firewall = new AzureClusterFirewall("prod", {
 *   resourceGroupName: "k8s-network-rg",
 *   existingNetworkSecurityGroupName: "k8s-subnet-nsg",
 *   reservedPriorities: { from: 100, to: 199 },            // the team's own rules stay there
 *   layout: {
 *     name: "prod",
 *     profiles: ["super-kubenetes"],
 *     options: { calicoMode: "vxlan" },                     // Azure drops IP-in-IP
 *     groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
 *     peers: { admin: ["203.0.113.0/24"], apiClients: ["203.0.113.0/24"] },
 *   },
 * });
 * // Put each scale set's IP configuration in its group's ASG:
 * //   applicationSecurityGroups: [{ id: firewall.applicationSecurityGroupIds.apply((ids) => ids["workers"]!) }]
 * export const asgIds = firewall.applicationSecurityGroupIds;
 * export const rules = firewall.summary;
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { contractOutputs, logWarnings, type ClusterFirewallOutputs } from "../firewall/firewallOutputs";
import { componentSubject } from "../firewall/planSource";
import { DeferredCidrs, firewallWarnings, type FirewallWarning } from "../firewall/peerInputs";
import type { Plan } from "../model/plan";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "./azureArgs";
import { translatePlan } from "./azureRules";
import type { AzureTranslation, UnexpressedHost } from "./azureRuleSpec";
import { rulesByGroup, summarize } from "./azureSummary";
import { checkAzureClusterFirewallArgs } from "../args/azureClusterFirewallArgsCheck";
import { registerAzureFirewall } from "./registerAzureFirewall";

export type { AzureClusterFirewallArgs, AzureGroupArgs, AzurePriorityBandArgs } from "./azureArgs";

/** A kubeports plan as one Azure NSG with standalone rules and one application security group per node group. */
export class AzureClusterFirewall extends pulumi.ComponentResource implements ClusterFirewallOutputs {
  /** Node group -> id of its application security group, to put on NICs or scale-set IP configurations. */
  readonly applicationSecurityGroupIds: pulumi.Output<Record<string, string>>;
  /** The NSG holding the rules (created, or the existing one); attach it to the nodes' subnets or NICs. */
  readonly networkSecurityGroupId: pulumi.Output<string>;
  /** Name of that NSG. */
  readonly networkSecurityGroupName: pulumi.Output<string>;
  /** Node group -> one line per rule protecting its machines (name, direction, priority, protocol, ports, sides, rows). */
  readonly ruleSummary: pulumi.Output<Record<string, string[]>>;
  /** Outbound host names no NSG rule can name, and whether they are blocked. */
  readonly unexpressedHosts: pulumi.Output<UnexpressedHost[]>;
  /** Plain-text account of ASGs, rules, hosts and notes (the same as summaryText). */
  readonly summary: pulumi.Output<string>;
  /** The computed rules, as plain data (the same the resources were built from). */
  readonly translation: AzureTranslation;
  /** The same as applicationSecurityGroupIds (the name all three clouds share). */
  readonly groupIds: pulumi.Output<Record<string, string>>;
  /** The same as ruleSummary (the name all three clouds share). */
  readonly ruleLines: pulumi.Output<Record<string, string[]>>;
  readonly summaryText: pulumi.Output<string>;
  readonly warnings: readonly FirewallWarning[];
  readonly plan: Plan;

  constructor(name: string, args: AzureClusterFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    // Translate: args -> plan -> rule specs, all checked before anything is registered.
    checkAzureClusterFirewallArgs(name, args);
    const resolved = resolveAzureArgs(name, args);
    const translation = translatePlan(resolved.plan, resolved.translate);
    super("kubeports:index:AzureClusterFirewall", name, {}, opts);
    this.translation = translation;
    this.plan = resolved.plan;
    const cidrs = new DeferredCidrs(resolved.plan, resolved.deferred, { subject: componentSubject("AzureClusterFirewall", name), resource: this });

    // Register.
    const registered = registerAzureFirewall(this, resolved, translation, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      existingNetworkSecurityGroupName: args.existingNetworkSecurityGroupName,
      cidrs,
    });
    const { asgIds, asgLines } = registered;
    this.networkSecurityGroupId = registered.networkSecurityGroupId;
    this.networkSecurityGroupName = pulumi.output(registered.networkSecurityGroupName);

    const groups = [...asgIds.keys()];
    this.applicationSecurityGroupIds = pulumi.all(groups.map((group) => asgIds.get(group)!)).apply((ids) => Object.fromEntries(groups.map((group, i) => [group, ids[i]!])));
    this.ruleSummary = cidrs.substitute(rulesByGroup(resolved.plan, translation));
    this.unexpressedHosts = pulumi.output([...translation.hosts]);
    this.summary = cidrs.substitute(summarize(resolved.plan, translation, asgLines));
    this.groupIds = this.applicationSecurityGroupIds;
    this.ruleLines = this.ruleSummary;
    this.summaryText = this.summary;
    this.warnings = firewallWarnings(resolved.plan, resolved.deferred);
    logWarnings(this, this.warnings);
    this.registerOutputs({
      ...contractOutputs(this),
      applicationSecurityGroupIds: this.applicationSecurityGroupIds,
      networkSecurityGroupId: this.networkSecurityGroupId,
      networkSecurityGroupName: this.networkSecurityGroupName,
      ruleSummary: this.ruleSummary,
      unexpressedHosts: this.unexpressedHosts,
      summary: this.summary,
    });
  }
}

