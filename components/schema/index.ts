/**
 * The components as Pulumi's other languages see them: what `pulumi package add` loads
 * (package.json `main`) and infers the package schema from. Each class is the TypeScript
 * component of the same name at runtime; TypeScript programs import the package's main entry,
 * whose components take the typed `layout` and `plan`.
 */
export { AwsClusterFirewall, type AwsClusterFirewallArgs } from "./awsClusterFirewall";
export { RancherNodesSecurityGroup, type RancherNodesSecurityGroupArgs } from "./rancherNodesSecurityGroup";
export { GcpClusterFirewall, type GcpClusterFirewallArgs } from "./gcpClusterFirewall";
export { AzureClusterFirewall, type AzureClusterFirewallArgs } from "./azureClusterFirewall";
export type { AwsNodeGroup, AzureGroup, AzurePriorityBand, GcpGroupIdentity } from "./cloudInputs";
export type { CustomRule, IcmpMatch, Layout, LayoutCluster, LayoutOptions, NodeGroup, Party } from "./layout";
export type { AwsRuleSummary, AzureUnexpressedHost, GcpAllow, GcpUnexpressedHost, PlanWarning } from "./outputTypes";
