/** The Azure shell: a kubeports plan as one NSG with standalone rules and one ASG per node group. */
export { AzureClusterFirewall, type AzureClusterFirewallArgs, type AzureGroupArgs, type AzurePriorityBandArgs } from "./azureClusterFirewall";
export { translatePlan } from "./azureRules";
export { assignPriorities, DENY_BAND, type PriorityBand } from "./azurePriorities";
export type { AzureDirection, AzureFamily, AzureProtocol, AzureRuleSpec, AzureSide, AzureTranslation, AzureTranslateOptions, UnexpressedHost } from "./azureRuleSpec";
