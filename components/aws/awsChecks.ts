/** Checks of the AWS options against the plan, and of the finished rule set against AWS's rules. */
import type { InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import { knownList } from "../model/suggest";
import { DEFAULT_RULES_PER_GROUP, MAX_RULES_PER_GROUP } from "./awsQuota";
import type { AwsFirewallOptions, AwsGroupSpec, AwsRuleSpec } from "./awsSpec";
import { checkUserTags } from "./awsTags";
import type { PrefixListPeer, RuleSource } from "./ruleSources";

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const PREFIX_LIST_ID = /^pl-[0-9a-f]{8,17}$/;

export function checkOptions(plan: Plan, options: AwsFirewallOptions): InputIssue[] {
  const issues: InputIssue[] = [];
  const planGroups = Array.isArray(plan?.groups) ? plan.groups.map((group) => group.name) : [];
  if (typeof options.name !== "string" || options.name.length === 0) issues.push({ path: "name", message: "the component needs a non-empty name" });
  for (const [group, given] of Object.entries(options.groups ?? {})) {
    const path = `args.groups.${group}`;
    if (!planGroups.includes(group)) issues.push({ path, message: `no node group "${group}" in the plan ${knownList(group, planGroups)}` });
    if (given.existing && given.name !== undefined) {
      issues.push({ path: `${path}.name`, message: "a name applies only to groups kubeports creates, but existingSecurityGroupId is also set (remove one)" });
    }
    if (given.existingId !== undefined && !SECURITY_GROUP_ID.test(given.existingId)) {
      issues.push({ path: `${path}.existingSecurityGroupId`, message: `"${given.existingId}" is not a security group id (expected sg- and 8 or 17 hex digits, for example sg-0123456789abcdef0)` });
    }
  }
  const peers = Array.isArray(plan?.peers) ? plan.peers.filter((peer) => peer.cidrs.length > 0).map((peer) => peer.name) : [];
  for (const [peer, id] of Object.entries(options.prefixLists ?? {})) {
    const path = `args.prefixLists.${peer}`;
    if (!peers.includes(peer)) {
      issues.push({ path, message: `no peer "${peer}" with CIDRs in the plan ${knownList(peer, peers)}; give the peer the CIDRs its prefix list holds (kubeports uses them to decide which flows the list carries)` });
    }
    if (id !== undefined && !PREFIX_LIST_ID.test(id)) issues.push({ path, message: `"${id}" is not a managed prefix list id (expected pl- and 8 or 17 hex digits, for example pl-0123456789abcdef0)` });
  }
  const limit = options.rulesPerGroupQuota;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_RULES_PER_GROUP)) {
    issues.push({ path: "args.rulesPerGroupQuota", message: `${JSON.stringify(limit)} is not a whole number from 1 to ${MAX_RULES_PER_GROUP} (set it to your account's "rules per security group" quota; default ${DEFAULT_RULES_PER_GROUP})` });
  }
  issues.push(...checkUserTags(options.tags, "args.tags", Object.keys(options.groupTags ?? {})));
  return issues;
}

export function prefixListPeers(plan: Plan, options: AwsFirewallOptions, issues: InputIssue[]): PrefixListPeer[] {
  const byId = new Map<string, string>();
  return Object.entries(options.prefixLists ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, id]): PrefixListPeer[] => {
      if (id !== undefined) {
        const other = byId.get(id);
        if (other) issues.push({ path: `args.prefixLists.${name}`, message: `${id} is also the prefix list of peer "${other}"; their rules would be duplicates AWS rejects (give each peer its own list, or merge the peers)` });
        byId.set(id, name);
      }
      const peer = plan.peers.find((p) => p.name === name);
      if (!peer || peer.cidrs.length === 0) return [];
      const families = new Set(peer.cidrs.map((cidr) => (cidr.includes(":") ? "ipv6" : "ipv4")));
      if (families.size > 1) {
        issues.push({ path: `args.prefixLists.${name}`, message: `peer "${name}" has IPv4 and IPv6 CIDRs, but a managed prefix list holds one family; split the peer into an IPv4 and an IPv6 peer, each with its own list` });
        return [];
      }
      return [{ name, cidrs: peer.cidrs, family: [...families][0] as "ipv4" | "ipv6" }];
    });
}

function sourceKey(source: RuleSource, options: AwsFirewallOptions): string {
  switch (source.kind) {
    case "group":
      return `group:${source.group}`;
    case "cidr":
      return `cidr:${source.cidr}`;
    case "prefixList":
      return `pl:${options.prefixLists?.[source.peer] ?? source.peer}`;
  }
}

/** Two specs that are one AWS rule (rejected as a duplicate), or two rules with one logical name. */
export function duplicateIssues(rules: readonly AwsRuleSpec[], options: AwsFirewallOptions): InputIssue[] {
  const issues: InputIssue[] = [];
  const byKey = new Map<string, AwsRuleSpec>();
  const byName = new Map<string, AwsRuleSpec>();
  for (const rule of rules) {
    const key = `${rule.group}|${rule.direction}|${rule.ipProtocol}|${rule.fromPort}|${rule.toPort}|${sourceKey(rule.source, options)}`;
    const path = `plan.groups.${rule.group}.${rule.direction}`;
    const same = byKey.get(key);
    if (same) {
      issues.push({ path, message: `the plan asks twice for the same rule (${rule.ipProtocol} ${rule.fromPort ?? ""}${rule.toPort !== rule.fromPort ? `-${rule.toPort}` : ""} ${sourceKey(rule.source, options)}: "${rule.description}" and "${same.description}"); AWS rejects duplicate rules, so remove one of the flows` });
      continue;
    }
    byKey.set(key, rule);
    const clash = byName.get(rule.name);
    if (clash) issues.push({ path, message: `two different rules get the logical name "${rule.name}" (peer names that differ only in case or punctuation?); rename one of the peers` });
    byName.set(rule.name, rule);
  }
  return issues;
}

/** AWS group names are unique per VPC, ignoring case. */
export function caseInsensitiveNameIssues(groups: readonly AwsGroupSpec[]): InputIssue[] {
  const seen = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const group of groups) {
    if (group.awsName === undefined) continue;
    const other = seen.get(group.awsName.toLowerCase());
    if (other) issues.push({ path: `args.groups.${group.group}.name`, message: `security group name "${group.awsName}" equals node group ${other}'s (AWS ignores case; names must be unique per VPC); set a different name` });
    seen.set(group.awsName.toLowerCase(), group.group);
  }
  return issues;
}
