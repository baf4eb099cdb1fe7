/**
 * Registers a checked Azure translation with Pulumi (the register step of AzureClusterFirewall):
 * the NSG (created, or the existing one read back), one ASG per node group unless it exists,
 * and one standalone SecurityRule per rule spec. Nothing here decides anything; the
 * translation already holds every name, priority and prefix.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import type { DeferredCidrs } from "../firewall/peerInputs";
import type { ResolvedAzureArgs } from "./azureArgs";
import { azureName } from "./azureNames";
import { securityRuleArgs, type SecurityRuleContext } from "./azureRuleArgs";
import type { AzureRuleSpec, AzureTranslation, UnexpressedHost } from "./azureRuleSpec";

/** What registration needs from the args besides the translation. */
export interface AzureRegisterInputs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string> | undefined;
  readonly existingNetworkSecurityGroupName: pulumi.Input<string> | undefined;
  /** Peer CIDRs given as Outputs: stand-ins in the translation are replaced by the checked values. */
  readonly cidrs: DeferredCidrs;
}

/** What was registered: the NSG, each group's ASG id and a line per ASG for the summary. */
export interface AzureRegistered {
  readonly networkSecurityGroupId: pulumi.Output<string>;
  readonly networkSecurityGroupName: pulumi.Input<string>;
  readonly asgIds: ReadonlyMap<string, pulumi.Input<string>>;
  readonly asgLines: readonly string[];
}

/** Registers everything under `parent`. */
export function registerAzureFirewall(parent: pulumi.Resource, resolved: ResolvedAzureArgs, translation: AzureTranslation, inputs: AzureRegisterInputs): AzureRegistered {
  const { prefix } = resolved.translate;
  const location = inputs.location === undefined ? {} : { location: inputs.location };

  // A plain name keeps previews readable; dependsOn makes every rule wait for a created NSG.
  let nsgName: pulumi.Input<string>;
  let networkSecurityGroupId: pulumi.Output<string>;
  let ruleDependsOn: pulumi.Resource[] = [];
  if (inputs.existingNetworkSecurityGroupName !== undefined) {
    nsgName = inputs.existingNetworkSecurityGroupName;
    const existing = network.getNetworkSecurityGroupOutput({ resourceGroupName: inputs.resourceGroupName, networkSecurityGroupName: nsgName }, { parent });
    networkSecurityGroupId = existing.apply((nsg) => nsg.id ?? "");
    existing.apply((nsg) => warnPriorityConflicts(parent, nsg.securityRules ?? [], translation.rules));
  } else {
    nsgName = azureName(prefix, "nsg");
    const nsg = new network.NetworkSecurityGroup(nsgName, { resourceGroupName: inputs.resourceGroupName, networkSecurityGroupName: nsgName, ...location }, { parent });
    ruleDependsOn = [nsg];
    networkSecurityGroupId = nsg.id;
  }

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
      { resourceGroupName: inputs.resourceGroupName, applicationSecurityGroupName: asg.name, ...location },
      { parent },
    );
    asgIds.set(group, created.id);
    asgLines.push(`${group}: ASG ${asg.name} (created)`);
  }

  const context: SecurityRuleContext<pulumi.Input<string>, pulumi.Input<string[]>> = {
    resourceGroupName: inputs.resourceGroupName,
    networkSecurityGroupName: nsgName,
    asgId: (group) => {
      const id = asgIds.get(group);
      if (id === undefined) throw new Error(`kubeports bug: rule names group ${group}, which has no ASG`);
      return id;
    },
    prefixes: (cidrs) => inputs.cidrs.resolveAll(cidrs),
  };
  for (const rule of translation.rules) new network.SecurityRule(rule.name, securityRuleArgs(rule, context), { parent, dependsOn: ruleDependsOn });

  logHosts(parent, translation.hosts);
  return { networkSecurityGroupId, networkSecurityGroupName: nsgName, asgIds, asgLines };
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
