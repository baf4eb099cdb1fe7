/**
 * AWS's rules-per-security-group quota: 60 inbound and 60 outbound by default, counted
 * separately for IPv4 and IPv6. How each rule counts:
 * - a CIDR rule: one, in its own family;
 * - a security group reference: one in EACH family, because it matches the members' IPv4
 *   and IPv6 addresses (AWS: "a rule that references a security group counts as one rule
 *   for IPv4 and one rule for IPv6"), so group-heavy groups hit the IPv6 limit as early;
 * - a managed prefix list: its maximum entries, in its family. kubeports cannot see the
 *   list's max entries (the id may not be known yet), so it counts the peer's CIDRs, a lower
 *   bound: a list created with a larger max-entries uses more than the check sees.
 */
import type { InputIssue } from "../model/errors";
import type { RuleSource } from "./ruleSources";

/** AWS's default "inbound or outbound rules per security group" quota, per IP family. */
export const DEFAULT_RULES_PER_GROUP = 60;
/** Rules per group × groups per interface ≤ 1000, and an interface has at least one group. */
export const MAX_RULES_PER_GROUP = 1000;

/** A group's rule count per direction and IP family against the quota (a group reference counts in both families). */
export interface QuotaUse {
  /** The quota per direction and family. */
  readonly limit: number;
  /** Inbound IPv4 rules. */
  readonly ingressIpv4: number;
  /** Inbound IPv6 rules. */
  readonly ingressIpv6: number;
  /** Outbound IPv4 rules. */
  readonly egressIpv4: number;
  /** Outbound IPv6 rules. */
  readonly egressIpv6: number;
}

export function ruleWeight(source: RuleSource): { readonly ipv4: number; readonly ipv6: number } {
  switch (source.kind) {
    case "group":
      return { ipv4: 1, ipv6: 1 };
    case "cidr":
      return source.family === "ipv4" ? { ipv4: 1, ipv6: 0 } : { ipv4: 0, ipv6: 1 };
    case "prefixList":
      return source.family === "ipv4" ? { ipv4: source.entries, ipv6: 0 } : { ipv4: 0, ipv6: source.entries };
  }
}

export function quotaUse(rules: readonly { readonly direction: "ingress" | "egress"; readonly source: RuleSource }[], limit: number): QuotaUse {
  const use = { limit, ingressIpv4: 0, ingressIpv6: 0, egressIpv4: 0, egressIpv6: 0 };
  for (const rule of rules) {
    const weight = ruleWeight(rule.source);
    if (rule.direction === "ingress") {
      use.ingressIpv4 += weight.ipv4;
      use.ingressIpv6 += weight.ipv6;
    } else {
      use.egressIpv4 += weight.ipv4;
      use.egressIpv6 += weight.ipv6;
    }
  }
  return use;
}

export function quotaIssues(group: string, use: QuotaUse, path: string): InputIssue[] {
  const counts = [
    ["inbound", "IPv4", use.ingressIpv4],
    ["inbound", "IPv6", use.ingressIpv6],
    ["outbound", "IPv4", use.egressIpv4],
    ["outbound", "IPv6", use.egressIpv6],
  ] as const;
  return counts
    .filter(([, , count]) => count > use.limit)
    .map(([direction, family, count]) => ({
      path,
      message:
        `node group "${group}" needs ${count} ${direction} ${family} rules, but AWS allows ${use.limit} per security group ` +
        `(IPv4 and IPv6 counted separately; a group reference counts in both, a prefix list as its entries). ` +
        `Split the group's roles across more node groups in the layout, or request a quota increase ` +
        `("Inbound or outbound rules per security group" in Service Quotas) and set rulesPerGroupQuota to it`,
    }));
}
