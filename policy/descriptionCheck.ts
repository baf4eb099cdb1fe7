/**
 * Advisory: every firewall rule says why it exists. A rule without a description cannot be
 * told apart from a forgotten one in review or in the console. Ingress and egress, allow and
 * deny: all of them are read by someone later.
 */
import { AWS_EGRESS_RULE, AWS_INGRESS_RULE, AWS_LEGACY_RULE, AWS_SECURITY_GROUP, GCP_FIREWALL, isAzureNetworkSecurityGroup, isAzureSecurityRule } from "./resourceTypes";

type Props = Record<string, unknown>;

interface DescribedRule {
  readonly where: string;
  readonly description: unknown;
}

function entries(list: unknown, field: string, name: (entry: Props) => string = () => ""): DescribedRule[] {
  return Array.isArray(list) ? list.map((entry: Props, index: number) => ({ where: `${field}[${index}]${name(entry)}: `, description: entry.description })) : [];
}

function describedRules(type: string, props: Props): DescribedRule[] {
  if (type === AWS_INGRESS_RULE || type === AWS_EGRESS_RULE || type === AWS_LEGACY_RULE || type === GCP_FIREWALL || isAzureSecurityRule(type)) {
    return [{ where: "", description: props.description }];
  }
  if (type === AWS_SECURITY_GROUP) return [...entries(props.ingress, "ingress"), ...entries(props.egress, "egress")];
  if (isAzureNetworkSecurityGroup(type)) return entries(props.securityRules, "securityRules", (rule) => (typeof rule.name === "string" ? ` (${rule.name})` : ""));
  return [];
}

export function missingDescriptions(type: string, props: Props): string[] {
  return describedRules(type, props)
    .filter((rule) => typeof rule.description !== "string" || rule.description.trim() === "")
    .map((rule) => `${rule.where}the rule has no description. Say why it exists (the vendor document and row, or the ticket) so a reviewer can tell a required rule from a forgotten one.`);
}
