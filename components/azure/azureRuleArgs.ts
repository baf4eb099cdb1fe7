/**
 * A rule spec -> the inputs of an azure-native network.SecurityRule. Pure and generic over how
 * ids and prefixes are held (Pulumi Inputs in the component, plain strings in the replay and the
 * evaluator), so what `kubeports verify` and `diff --steps` read is what the component registers.
 */
import type { AzureRuleSpec, AzureSide } from "./azureRuleSpec";

/** Where a rule's names and references come from. */
export interface SecurityRuleContext<Id, Prefixes> {
  readonly resourceGroupName: Id;
  readonly networkSecurityGroupName: Id;
  /** Node group -> its ASG's id. */
  asgId(group: string): Id;
  /** Canonical CIDRs (stand-ins for Outputs included) -> what the rule lists. */
  prefixes(cidrs: readonly string[]): Prefixes;
}

/** Each side sets exactly one of: ASGs, a prefix list (CIDRs), or one prefix (a service tag or "*"). */
function sideArgs<Id, Prefixes>(context: SecurityRuleContext<Id, Prefixes>, side: AzureSide, which: "source" | "destination") {
  if (side.kind === "groups") {
    const refs = side.groups.map((group) => ({ id: context.asgId(group) }));
    return which === "source" ? { sourceApplicationSecurityGroups: refs } : { destinationApplicationSecurityGroups: refs };
  }
  if (side.kind === "prefixes") {
    const prefixes = context.prefixes(side.prefixes);
    return which === "source" ? { sourceAddressPrefixes: prefixes } : { destinationAddressPrefixes: prefixes };
  }
  const prefix = side.kind === "tag" ? side.tag : "*";
  return which === "source" ? { sourceAddressPrefix: prefix } : { destinationAddressPrefix: prefix };
}

/** The SecurityRule inputs for one rule spec. */
export function securityRuleArgs<Id, Prefixes>(rule: AzureRuleSpec, context: SecurityRuleContext<Id, Prefixes>) {
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
