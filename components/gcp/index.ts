/** The GCP shell: a kubeports plan as VPC firewall rules. */
export { GcpClusterFirewall, type GcpClusterFirewallArgs, type GcpGroupIdentityArgs } from "./gcpClusterFirewall";
export { translatePlan, fqdnProblem } from "./gcpRules";
export type { GcpPeer, GcpRuleSpec, GcpTranslation, GcpTranslateOptions, UnexpressedHost } from "./gcpRuleSpec";
export type { GcpAllow, GcpFamily } from "./gcpAllows";
