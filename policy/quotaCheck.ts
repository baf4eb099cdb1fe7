/**
 * Advisory: AWS security groups near the rules-per-group quota (60 inbound and 60 outbound,
 * IPv4 and IPv6 counted separately), counted over every rule in the stack whatever its shape:
 * each CIDR is one rule in its family, a group reference (or self) one in each family. AWS
 * counts a prefix list as its max entries in the list's family; the pack sees neither, so it
 * counts one in each family. Rules made outside the stack are seen only in a group's own
 * `ingress`/`egress` outputs, which are read for groups without standalone rules in the stack.
 */
import { DEFAULT_RULES_PER_GROUP } from "../components/aws/awsQuota";
import { known, present } from "./known";
import { AWS_EGRESS_RULE, AWS_INGRESS_RULE, AWS_LEGACY_RULE, AWS_SECURITY_GROUP } from "./resourceTypes";
import { groupsWithStandaloneRules, securityGroupLookup, type GroupRef } from "./securityGroups";
import type { StackFinding, StackResource } from "./stackResource";

export const DEFAULT_WARN_AT = 50;

export interface QuotaOptions {
  /** AWS's rules per group and direction (60 unless raised in Service Quotas). */
  readonly rulesPerGroup?: number;
  /** Advise from this many rules on. */
  readonly warnAt?: number;
}

type Direction = "inbound" | "outbound";
type Family = "IPv4" | "IPv6";

interface Weight {
  readonly direction: Direction;
  readonly ipv4: number;
  readonly ipv6: number;
}

function length(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Legacy rules and inline entries: CIDR lists, plus group references counted in both families. */
function listWeight(direction: Direction, entry: Record<string, unknown>): Weight {
  const both = length(entry.prefixListIds) + length(entry.securityGroups) + (present(entry, "sourceSecurityGroupId") ? 1 : 0) + (entry.self === true ? 1 : 0);
  return { direction, ipv4: length(entry.cidrBlocks) + both, ipv6: length(entry.ipv6CidrBlocks) + both };
}

function weights(resource: StackResource): Weight[] {
  const props = resource.props;
  if (resource.type === AWS_INGRESS_RULE || resource.type === AWS_EGRESS_RULE) {
    // Presence is enough: the family is in the field's name, and ids may be unknown at preview.
    const both = present(props, "referencedSecurityGroupId") || present(props, "prefixListId") ? 1 : 0;
    return [{ direction: resource.type === AWS_INGRESS_RULE ? "inbound" : "outbound", ipv4: (present(props, "cidrIpv4") ? 1 : 0) + both, ipv6: (present(props, "cidrIpv6") ? 1 : 0) + both }];
  }
  if (resource.type === AWS_LEGACY_RULE) {
    if (props.type !== "ingress" && props.type !== "egress") return [];
    return [listWeight(props.type === "ingress" ? "inbound" : "outbound", props)];
  }
  if (resource.type === AWS_SECURITY_GROUP) {
    const list = (field: unknown, direction: Direction): Weight[] => (Array.isArray(field) ? field.map((entry: Record<string, unknown>) => listWeight(direction, entry)) : []);
    return [...list(props.ingress, "inbound"), ...list(props.egress, "outbound")];
  }
  return [];
}

export function quotaAdvice(resources: readonly StackResource[], options: QuotaOptions = {}): StackFinding[] {
  const quota = options.rulesPerGroup ?? DEFAULT_RULES_PER_GROUP;
  const warnAt = options.warnAt ?? DEFAULT_WARN_AT;
  const groupOf = securityGroupLookup(resources);
  const mirrored = groupsWithStandaloneRules(resources, groupOf);
  const counts = new Map<string, { group: GroupRef; count: Map<string, number> }>();
  for (const resource of resources) {
    const group = groupOf(resource);
    if (group && resource.type === AWS_SECURITY_GROUP && mirrored.has(group.key)) continue;
    // Unknown at preview (a CIDR list computed from outputs): counted at `pulumi up`.
    const found = group && known(() => weights(resource));
    if (!group || !found) continue;
    const entry = counts.get(group.key) ?? { group, count: new Map<string, number>() };
    for (const weight of found) {
      for (const [family, n] of [["IPv4", weight.ipv4], ["IPv6", weight.ipv6]] as const) {
        const key = `${weight.direction} ${family}`;
        entry.count.set(key, (entry.count.get(key) ?? 0) + n);
      }
    }
    counts.set(group.key, entry);
  }
  const findings: StackFinding[] = [];
  for (const { group, count } of counts.values()) {
    for (const [key, n] of count) {
      if (n < warnAt) continue;
      const [direction, family] = key.split(" ") as [Direction, Family];
      const state = n > quota ? `${n - quota} over it: AWS rejects the rules beyond it` : n === quota ? "at it: AWS rejects one more" : `${quota - n} left`;
      findings.push({
        message:
          `security group ${group.label} has ${n} ${direction} ${family} rules in this stack; AWS allows ${quota} ${direction} rules per group and family ` +
          `(each CIDR counts once in its family, a group reference or self once in each, a prefix list as its max entries) - ${state}. ` +
          `Merge adjacent port ranges, reference a security group instead of many CIDRs, split the rules across groups, ` +
          `or raise "Inbound or outbound rules per security group" in Service Quotas and set this policy's rulesPerGroup to it.`,
        ...(group.urn !== undefined ? { urn: group.urn } : {}),
      });
    }
  }
  return findings;
}
