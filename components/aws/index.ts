/** The AWS shell: components, and the pure translation for tools that want the specs. */
export { AwsClusterFirewall, type AwsClusterFirewallArgs, type AwsClusterFirewallNodeGroupArgs } from "./AwsClusterFirewall";
export { RancherNodesSecurityGroup, RANCHER_NODES, rancherNodesLayout, type RancherNodesSecurityGroupArgs } from "./RancherNodesSecurityGroup";
export { planAwsFirewall } from "./awsRules";
export type { RuleSource } from "./ruleSources";
export type {
  AwsCoveredRule,
  AwsFirewallOptions,
  AwsFirewallSpec,
  AwsGroupOptions,
  AwsGroupSpec,
  AwsGroupSummary,
  AwsHostEgress,
  AwsRuleSpec,
  AwsRuleSummary,
} from "./awsSpec";
export { DEFAULT_RULES_PER_GROUP, type QuotaUse } from "./awsQuota";
export { RULE_DESCRIPTION_CHARS, RULE_DESCRIPTION_MAX } from "./awsText";
