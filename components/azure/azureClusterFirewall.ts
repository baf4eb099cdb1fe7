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
import * as network from "@pulumi/azure-native/network";
import { contractOutputs, logWarnings, type ClusterFirewallOutputs } from "../firewall/firewallOutputs";
import { componentSubject } from "../firewall/planSource";
import { DeferredCidrs, firewallWarnings, type FirewallWarning } from "../firewall/peerInputs";
import type { Plan } from "../model/plan";
import { resolveAzureArgs, type AzureClusterFirewallArgs } from "./azureArgs";
import { azureName } from "./azureNames";
import { translatePlan } from "./azureRules";
import type { AzureRuleSpec, AzureSide, AzureTranslation, UnexpressedHost } from "./azureRuleSpec";
import { rulesByGroup, summarize } from "./azureSummary";

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
    const resolved = resolveAzureArgs(name, args);
    const translation = translatePlan(resolved.plan, resolved.translate);
    super("kubeports:index:AzureClusterFirewall", name, {}, opts);
    this.translation = translation;
    this.plan = resolved.plan;
    const cidrs = new DeferredCidrs(resolved.plan, resolved.deferred, { subject: componentSubject("AzureClusterFirewall", name), resource: this });

    // Register.
    const { prefix } = resolved.translate;
    const location = args.location === undefined ? {} : { location: args.location };

    // A plain name keeps previews readable; dependsOn makes every rule wait for a created NSG.
    let nsgName: pulumi.Input<string>;
    let ruleDependsOn: pulumi.Resource[] = [];
    if (args.existingNetworkSecurityGroupName !== undefined) {
      nsgName = args.existingNetworkSecurityGroupName;
      const existing = network.getNetworkSecurityGroupOutput({ resourceGroupName: args.resourceGroupName, networkSecurityGroupName: nsgName }, { parent: this });
      this.networkSecurityGroupId = existing.apply((nsg) => nsg.id ?? "");
      existing.apply((nsg) => warnPriorityConflicts(this, nsg.securityRules ?? [], translation.rules));
    } else {
      nsgName = azureName(prefix, "nsg");
      const nsg = new network.NetworkSecurityGroup(nsgName, { resourceGroupName: args.resourceGroupName, networkSecurityGroupName: nsgName, ...location }, { parent: this });
      ruleDependsOn = [nsg];
      this.networkSecurityGroupId = nsg.id;
    }
    this.networkSecurityGroupName = pulumi.output(nsgName);

    const asgIds = new Map<string, pulumi.Input<string>>();
    const asgLines: string[] = [];
    for (const [group, asg] of resolved.asgs) {
      if (asg.kind === "existing") {
        asgIds.set(group, asg.id);
        asgLines.push(`${group}: existing ASG ${typeof asg.id === "string" ? asg.id : "(given as an output)"}`);
        continue;
      }
      const created = new network.ApplicationSecurityGroup(
        asg.name,
        { resourceGroupName: args.resourceGroupName, applicationSecurityGroupName: asg.name, ...location },
        { parent: this },
      );
      asgIds.set(group, created.id);
      asgLines.push(`${group}: ASG ${asg.name} (created)`);
    }

    const context: RuleContext = { resourceGroupName: args.resourceGroupName, networkSecurityGroupName: nsgName, asgIds, cidrs };
    for (const rule of translation.rules) new network.SecurityRule(rule.name, securityRuleArgs(rule, context), { parent: this, dependsOn: ruleDependsOn });

    logHosts(this, translation.hosts);

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

interface RuleContext {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly networkSecurityGroupName: pulumi.Input<string>;
  readonly asgIds: ReadonlyMap<string, pulumi.Input<string>>;
  readonly cidrs: DeferredCidrs;
}

function asgRefs(context: RuleContext, groups: readonly string[]): { id: pulumi.Input<string> }[] {
  return groups.map((group) => {
    const id = context.asgIds.get(group);
    if (id === undefined) throw new Error(`kubeports bug: rule names group ${group}, which has no ASG`);
    return { id };
  });
}

/** Each side sets exactly one of: ASGs, a prefix list (CIDRs), or one prefix (a service tag or "*"). */
function sideArgs(context: RuleContext, side: AzureSide, which: "source" | "destination"): Partial<network.SecurityRuleArgs> {
  if (side.kind === "groups") {
    const refs = asgRefs(context, side.groups);
    return which === "source" ? { sourceApplicationSecurityGroups: refs } : { destinationApplicationSecurityGroups: refs };
  }
  if (side.kind === "prefixes") {
    const prefixes = context.cidrs.resolveAll(side.prefixes);
    return which === "source" ? { sourceAddressPrefixes: prefixes } : { destinationAddressPrefixes: prefixes };
  }
  const prefix = side.kind === "tag" ? side.tag : "*";
  return which === "source" ? { sourceAddressPrefix: prefix } : { destinationAddressPrefix: prefix };
}

function securityRuleArgs(rule: AzureRuleSpec, context: RuleContext): network.SecurityRuleArgs {
  return {
    resourceGroupName: context.resourceGroupName,
    networkSecurityGroupName: context.networkSecurityGroupName,
    securityRuleName: rule.name,
    description: rule.description,
    direction: rule.direction,
    access: rule.access,
    priority: rule.priority,
    protocol: rule.protocol,
    sourcePortRange: "*",
    ...(rule.ports ? { destinationPortRanges: [...rule.ports] } : { destinationPortRange: "*" }),
    ...sideArgs(context, rule.source, "source"),
    ...sideArgs(context, rule.destination, "destination"),
  };
}

/** One message per component: host-name egress is common (package mirrors, registries) and per-host lines drown the preview. */
function logHosts(resource: pulumi.Resource, hosts: readonly UnexpressedHost[]): void {
  if (hosts.length === 0) return;
  const list = [...new Set(hosts.map((host) => `${host.host} (${host.protocol}${host.ports ? ` ${host.ports}` : ""})`))].sort().join(", ");
  if (hosts.some((host) => host.blocked)) pulumi.log.warn(`restrictEgress blocks outbound by host name, which NSG rules cannot name: ${list}; see unexpressedHosts`, resource);
  else pulumi.log.info(`outbound by host name is left to Azure's AllowInternetOutBound (NSG rules cannot name hosts): ${list}`, resource);
}

/** Someone else's rule on a priority kubeports assigns would make Azure refuse ours: say which, early. */
function warnPriorityConflicts(resource: pulumi.Resource, existing: readonly { name?: string; priority?: number; direction: string }[], rules: readonly AzureRuleSpec[]): void {
  const ours = new Set(rules.map((rule) => rule.name));
  for (const other of existing) {
    if (other.name !== undefined && ours.has(other.name)) continue;
    const clash = rules.find((rule) => rule.direction === other.direction && rule.priority === other.priority);
    if (clash) {
      pulumi.log.warn(
        `existing rule ${other.name ?? "(unnamed)"} uses ${other.direction} priority ${other.priority}, which kubeports assigns to ${clash.name}; move your rule into reservedPriorities (or reserve a band around it)`,
        resource,
      );
    }
  }
}
