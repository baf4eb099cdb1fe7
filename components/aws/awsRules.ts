/**
 * Plan -> AWS security groups and rules, as plain specs (logical name + inputs) and a review
 * summary. Pure: no Pulumi. Every AWS limit is checked here, all problems are collected into
 * one KubeportsError, and the components register resources only from a spec that passed.
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import type { Flow, Plan, PlanGroup, PlanWarning, Reason } from "../model/plan";
import { knownList } from "../model/suggest";
import { awsMatches, type AwsMatch } from "./awsProtocol";
import { ruleLogicalName, securityGroupLogicalName } from "./awsNames";
import { DEFAULT_RULES_PER_GROUP, MAX_RULES_PER_GROUP, quotaIssues, quotaUse, type QuotaUse } from "./awsQuota";
import { checkUserTags, kubeportsTags } from "./awsTags";
import {
  GROUP_DESCRIPTION_MAX,
  GROUP_NAME_MAX,
  GROUP_TEXT_CHARS,
  RULE_DESCRIPTION_CHARS,
  cleanText,
  describeChars,
  fitDescription,
} from "./awsText";
import { checkPlan } from "./checkPlan";
import { sourcedRules, type PrefixListPeer, type RuleSource, type SourcedRule } from "./ruleSources";

/** What the translation needs to know about one node group's args (plain values only). */
export interface AwsGroupOptions {
  /** Rules go into a security group that already exists; none is created. */
  readonly existing?: boolean;
  /** The existing group's id when it is a plain string (checked); unknown when it is an Output. */
  readonly existingId?: string;
  /** AWS name of the group kubeports creates. */
  readonly name?: string;
}

export interface AwsFirewallOptions {
  /** The component's name: prefix of every logical name and of default group names. */
  readonly name: string;
  readonly groups?: Readonly<Record<string, AwsGroupOptions>>;
  /** Peer name -> managed prefix list id (undefined when the id is an Output). */
  readonly prefixLists?: Readonly<Record<string, string | undefined>>;
  readonly restrictEgress?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  /** Tags only the security groups get (the rancher-nodes marker); keys are reserved from `tags`. */
  readonly groupTags?: Readonly<Record<string, string>>;
  readonly rulesPerGroupQuota?: number;
}

export interface AwsRuleSummary {
  /** Pulumi logical name of the rule resource. */
  readonly name: string;
  /** "ingress" or "egress". */
  readonly direction: string;
  /** tcp, udp, icmp, icmpv6, ipip, ipip94, esp or all. */
  readonly protocol: string;
  /** What AWS receives: tcp, udp, icmp, icmpv6, -1, or an IANA number. */
  readonly ipProtocol: string;
  /** "6443", "30000-32767", "all ports", "type 8 code 0", "all traffic", "IP protocol 4". */
  readonly ports: string;
  /** "self (workers)", "group workers", "10.0.0.0/8 (admin)", "0.0.0.0/0 (anywhere)", "prefix list of office". */
  readonly peer: string;
  /** "self", "group", "cidr" or "prefix-list". */
  readonly peerKind: string;
  /** 0.0.0.0/0 or ::/0. */
  readonly world: boolean;
  /** Cluster-internal services an inbound rule reaches (etcd, kubelet, ...); review world rules with these first. */
  readonly internalServices: readonly string[];
  readonly description: string;
  /** "profile/row: description (document, row in the document)". */
  readonly reasons: readonly string[];
  /** Plan flow keys the rule carries. */
  readonly flows: readonly string[];
}

/** Outbound by host name: security groups cannot express it. */
export interface AwsHostEgress {
  readonly host: string;
  readonly protocol: string;
  readonly ports: string;
  /** True when the group's allow-all egress already lets it through. */
  readonly allowed: boolean;
  readonly note: string;
  readonly reasons: readonly string[];
}

export interface AwsGroupSummary {
  readonly group: string;
  readonly roles: readonly string[];
  readonly existing: boolean;
  /** AWS name of the created group; empty for existing groups. */
  readonly securityGroupName: string;
  /** "allow-all" (IPv4 and IPv6), "plan" (exactly the plan's egress) or "unchanged" (existing group keeps its own). */
  readonly egress: string;
  readonly quota: QuotaUse;
  readonly rules: readonly AwsRuleSummary[];
  readonly hostEgress: readonly AwsHostEgress[];
  /** Rules left out because an all-traffic rule to the world already allows their traffic. */
  readonly covered: readonly AwsCoveredRule[];
}

export interface AwsCoveredRule {
  /** The logical name the rule would have had. */
  readonly name: string;
  readonly ports: string;
  readonly peer: string;
  /** The all-traffic rules that allow it. */
  readonly coveredBy: readonly string[];
  readonly flows: readonly string[];
}

export interface AwsGroupSpec {
  readonly group: string;
  readonly logicalName: string;
  readonly existing: boolean;
  /** For created groups: AWS name, description and tags (name and description are immutable in AWS). */
  readonly awsName?: string;
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface AwsRuleSpec {
  readonly name: string;
  readonly group: string;
  readonly direction: "ingress" | "egress";
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly source: RuleSource;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface AwsFirewallSpec {
  readonly groups: readonly AwsGroupSpec[];
  readonly rules: readonly AwsRuleSpec[];
  readonly summary: Readonly<Record<string, AwsGroupSummary>>;
  readonly warnings: readonly PlanWarning[];
}

const WORLD_V4: RuleSource = { kind: "cidr", cidr: "0.0.0.0/0", family: "ipv4", world: true, peers: [] };
const WORLD_V6: RuleSource = { kind: "cidr", cidr: "::/0", family: "ipv6", world: true, peers: [] };
const DEFAULT_EGRESS_DESCRIPTION = "All traffic (kubeports default egress; restrictEgress: true keeps only the plan egress)";
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const PREFIX_LIST_ID = /^pl-[0-9a-f]{8,17}$/;

function fail(name: string, issues: readonly InputIssue[]): never {
  const unique = [...new Map(issues.map((issue) => [`${issue.path}|${issue.message}`, issue])).values()];
  throw new KubeportsError(`Invalid AWS firewall "${name}"`, unique);
}

/** Translates `plan`, or throws a KubeportsError listing every problem. */
export function planAwsFirewall(plan: Plan, options: AwsFirewallOptions): AwsFirewallSpec {
  const issues = [...checkPlan(plan), ...checkOptions(plan, options)];
  // Everything below walks the plan, so it must be well-formed first.
  if (issues.length > 0) fail(options.name, issues);

  const limit = options.rulesPerGroupQuota ?? DEFAULT_RULES_PER_GROUP;
  const prefixLists = prefixListPeers(plan, options, issues);
  const groups: AwsGroupSpec[] = [];
  const rules: AwsRuleSpec[] = [];
  const summary: Record<string, AwsGroupSummary> = {};

  for (const group of plan.groups) {
    const groupOptions = options.groups?.[group.name] ?? {};
    const existing = groupOptions.existing === true;
    const egressMode = options.restrictEgress ? "plan" : existing ? "unchanged" : "allow-all";
    const { kept: built, covered } = dropCovered(plan, [
      ...buildRules(plan, group, "ingress", group.ingress, prefixLists, options, issues),
      ...buildEgress(plan, group, egressMode, prefixLists, options, issues),
    ]);
    built.sort(compareRules);
    rules.push(...built.map((entry) => entry.spec));

    // The profiles' documents, not the rules': adding a layout rule must not retag the group.
    const documents = (plan.profiles ?? []).map((profile) => profile.document);
    const awsName = existing ? undefined : groupName(group.name, groupOptions, options, issues);
    groups.push({
      group: group.name,
      logicalName: securityGroupLogicalName(options.name, group.name),
      existing,
      ...(awsName !== undefined
        ? {
            awsName,
            description: groupDescription(group.name, options, issues),
            tags: { ...kubeportsTags(awsName, group.name, documents.length > 0 ? documents : [`kubeports plan ${plan.layout}`], options.tags ?? {}), ...options.groupTags },
          }
        : {}),
    });

    const quota = quotaUse(built.map((entry) => entry.spec), limit);
    issues.push(...quotaIssues(group.name, quota, `plan.groups.${group.name}`));
    summary[group.name] = {
      group: group.name,
      roles: group.roles,
      existing,
      securityGroupName: awsName ?? "",
      egress: egressMode,
      quota,
      rules: built.map((entry) => entry.summary),
      hostEgress: hostEgress(group, egressMode),
      covered,
    };
  }

  issues.push(...duplicateIssues(rules, options), ...caseInsensitiveNameIssues(groups));
  if (issues.length > 0) fail(options.name, issues);
  return { groups, rules, summary, warnings: plan.warnings };
}

function checkOptions(plan: Plan, options: AwsFirewallOptions): InputIssue[] {
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

function prefixListPeers(plan: Plan, options: AwsFirewallOptions, issues: InputIssue[]): PrefixListPeer[] {
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

interface BuiltRule {
  readonly spec: AwsRuleSpec;
  readonly summary: AwsRuleSummary;
}

function buildRules(plan: Plan, group: PlanGroup, direction: "ingress" | "egress", flows: readonly Flow[], prefixLists: readonly PrefixListPeer[], options: AwsFirewallOptions, issues: InputIssue[]): BuiltRule[] {
  const expressible = flows.filter((flow) => flow.peer.kind !== "host");
  return sourcedRules(expressible, prefixLists).flatMap((rule) => {
    const family = rule.source.kind === "group" ? (plan.options?.ipv6 === true ? "group-dual" : "group") : rule.source.family;
    const result = awsMatches(rule.protocol, rule.ports, rule.icmp, family);
    if ("problem" in result) {
      issues.push({ path: `plan.groups.${group.name}.${direction} (${rule.flows.join(", ")})`, message: result.problem });
      return [];
    }
    const description = ruleDescription(plan, rule.reasons, issues);
    return result.matches.map((match) => finish(group, direction, match, rule, description, options));
  });
}

function buildEgress(plan: Plan, group: PlanGroup, mode: string, prefixLists: readonly PrefixListPeer[], options: AwsFirewallOptions, issues: InputIssue[]): BuiltRule[] {
  if (mode === "plan") return buildRules(plan, group, "egress", group.egress, prefixLists, options, issues);
  if (mode === "unchanged") return [];
  // The provider deletes AWS's default allow-all egress rule, so it is re-created explicitly.
  const all = awsMatches("all", undefined, undefined, "ipv4");
  const match = (all as { matches: readonly AwsMatch[] }).matches[0]!;
  return [WORLD_V4, WORLD_V6].map((source) =>
    finish(group, "egress", match, { protocol: "all", source, reasons: [], flows: [] }, DEFAULT_EGRESS_DESCRIPTION, options),
  );
}

function finish(group: PlanGroup, direction: "ingress" | "egress", match: AwsMatch, rule: SourcedRule, description: string, options: AwsFirewallOptions): BuiltRule {
  const name = ruleLogicalName(options.name, group.name, direction, match, rule.source);
  const documents = rule.reasons.map((reason) => reason.document);
  const spec: AwsRuleSpec = {
    name,
    group: group.name,
    direction,
    ipProtocol: match.ipProtocol,
    ...(match.fromPort !== undefined ? { fromPort: match.fromPort, toPort: match.toPort } : {}),
    source: rule.source,
    description,
    tags: kubeportsTags(name, group.name, documents.length > 0 ? documents : ["kubeports"], options.tags ?? {}),
  };
  const world = rule.source.kind === "cidr" && rule.source.world;
  return {
    spec,
    summary: {
      name,
      direction,
      protocol: match.word,
      ipProtocol: match.ipProtocol,
      ports: match.label,
      peer: peerLabel(group.name, rule.source),
      peerKind: rule.source.kind === "group" ? (rule.source.group === group.name ? "self" : "group") : rule.source.kind === "cidr" ? "cidr" : "prefix-list",
      world,
      internalServices: direction === "ingress" ? internalServicesHit(rule.protocol, rule.ports) : [],
      description,
      reasons: rule.reasons.map((r) => `${r.profile}/${r.row}: ${r.description} (${r.document}, ${r.documentRow})`),
      flows: rule.flows,
    },
  };
}

function isWorldAll(spec: AwsRuleSpec): boolean {
  return spec.ipProtocol === "-1" && spec.source.kind === "cidr" && spec.source.world;
}

/**
 * Leaves out rules an all-traffic rule to 0.0.0.0/0 or ::/0 in the same direction already
 * allows (the rancher-nodes table's "All traffic" egress makes the compiler's per-port
 * egress to the group itself redundant). A CIDR or prefix-list rule needs the world rule of
 * its family. A group reference matches members' IPv4 and IPv6 addresses, so it needs both,
 * unless the plan's cluster is IPv4-only (options.ipv6 false): then only IPv4 carries its
 * traffic and dropping the IPv6 half only narrows what is allowed.
 */
function dropCovered(plan: Plan, rules: readonly BuiltRule[]): { kept: BuiltRule[]; covered: AwsCoveredRule[] } {
  const dualStack = plan.options?.ipv6 === true;
  const kept: BuiltRule[] = [];
  const covered: AwsCoveredRule[] = [];
  for (const rule of rules) {
    const spec = rule.spec;
    const source = spec.source;
    const families = source.kind === "group" ? (dualStack ? ["ipv4", "ipv6"] : ["ipv4"]) : [source.family];
    const by = families.map((family) =>
      rules.find((other) => other !== rule && other.spec.direction === spec.direction && isWorldAll(other.spec) && (other.spec.source as { family: string }).family === family),
    );
    if (isWorldAll(spec) || by.some((other) => other === undefined)) {
      kept.push(rule);
      continue;
    }
    covered.push({ name: spec.name, ports: rule.summary.ports, peer: rule.summary.peer, coveredBy: by.map((other) => other!.spec.name), flows: rule.summary.flows });
  }
  return { kept, covered };
}

function peerLabel(group: string, source: RuleSource): string {
  switch (source.kind) {
    case "group":
      return source.group === group ? `self (${group})` : `group ${source.group}`;
    case "cidr":
      return source.world ? `${source.cidr} (anywhere)` : source.peers.length > 0 ? `${source.cidr} (${source.peers.join(", ")})` : source.cidr;
    case "prefixList":
      return `prefix list of ${source.peer}`;
  }
}

function compareRules(a: BuiltRule, b: BuiltRule): number {
  const x = a.spec;
  const y = b.spec;
  return (
    (x.direction === y.direction ? 0 : x.direction === "ingress" ? -1 : 1) ||
    (x.fromPort ?? -2) - (y.fromPort ?? -2) ||
    (x.toPort ?? -2) - (y.toPort ?? -2) ||
    x.name.localeCompare(y.name)
  );
}

/** Where a reason's text comes from, so an error points at the text to change. */
function reasonPath(reason: Reason, field: "description" | "document"): string {
  if (reason.profile === "layout") return field === "description" ? `layout.${reason.documentRow}.description` : "layout.name";
  return `profiles.${reason.profile}.rows.${reason.row}.${field === "description" ? "description" : "source.document"}`;
}

function clean(text: string, path: string, allowed: RegExp, issues: InputIssue[]): string {
  const result = cleanText(text, allowed);
  if (result.rejected.length > 0) {
    issues.push({
      path,
      message: `"${text}" has characters AWS does not accept in security group text: ${describeChars(result.rejected)} (allowed: a-z A-Z 0-9, space and ._-:/()#,@[]+=;{}!$*); write it in ASCII`,
    });
  }
  return result.text;
}

/** "etcd, apiserver (super-kubenetes 000_d5e27fa0bf6b16e4.txt); ..." within AWS's set and 255 characters. */
function ruleDescription(plan: Plan, reasons: readonly Reason[], issues: InputIssue[]): string {
  const entries = new Map<string, string[]>();
  for (const reason of reasons) {
    const description = clean(reason.description, reasonPath(reason, "description"), RULE_DESCRIPTION_CHARS, issues);
    const document = clean(reason.document, reasonPath(reason, "document"), RULE_DESCRIPTION_CHARS, issues);
    // Layout rules already say "layout <name>" in their document.
    const where = reason.profile === "layout" ? document : `${clean(reason.profile, `plan.profiles.${reason.profile}`, RULE_DESCRIPTION_CHARS, issues)} ${document}`;
    const list = entries.get(where) ?? [];
    if (!list.includes(description)) list.push(description);
    entries.set(where, list);
  }
  const text = [...entries].map(([where, descriptions]) => `${descriptions.join(", ")} (${where})`).join("; ");
  return fitDescription(text || `kubeports plan ${plan.layout}`);
}

function groupName(group: string, given: AwsGroupOptions, options: AwsFirewallOptions, issues: InputIssue[]): string {
  const explicit = given.name !== undefined;
  const name = given.name ?? `${options.name}-${group}`;
  const path = explicit ? `args.groups.${group}.name` : "name";
  const fix = explicit ? "choose another name" : `rename the component or set args.groups.${group}.name`;
  if (name.length === 0 || name.length > GROUP_NAME_MAX) issues.push({ path, message: `security group name "${name}" must be 1-${GROUP_NAME_MAX} characters (it has ${name.length}); ${fix}` });
  if (/^sg-/i.test(name)) issues.push({ path, message: `security group name "${name}" starts with "sg-", which AWS reserves for group ids; ${fix}` });
  const bad = [...new Set([...name].filter((char) => !GROUP_TEXT_CHARS.test(char)))];
  if (bad.length > 0) issues.push({ path, message: `security group name "${name}" has characters AWS rejects: ${describeChars(bad)} (allowed: a-z A-Z 0-9, space and ._-:/()#,@[]+=&;{}!$*); ${fix}` });
  return name;
}

/** Never mentions roles or options: AWS replaces a group whose description changes. */
function groupDescription(group: string, options: AwsFirewallOptions, issues: InputIssue[]): string {
  const text = clean(`kubeports node group ${group} (${options.name})`, "name", GROUP_TEXT_CHARS, issues);
  return text.slice(0, GROUP_DESCRIPTION_MAX);
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
function duplicateIssues(rules: readonly AwsRuleSpec[], options: AwsFirewallOptions): InputIssue[] {
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
function caseInsensitiveNameIssues(groups: readonly AwsGroupSpec[]): InputIssue[] {
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

function hostEgress(group: PlanGroup, mode: string): AwsHostEgress[] {
  return group.egress.flatMap((flow): AwsHostEgress[] => {
    if (flow.peer.kind !== "host") return [];
    const allowed = mode === "allow-all";
    return [
      {
        host: flow.peer.host,
        protocol: flow.protocol,
        ports: flow.ports ? (flow.ports.from === flow.ports.to ? `${flow.ports.from}` : `${flow.ports.from}-${flow.ports.to}`) : "all",
        allowed,
        note: allowed
          ? "allowed by the allow-all egress rules"
          : mode === "unchanged"
            ? "security groups cannot match host names; the existing group's own egress rules decide"
            : "security groups cannot match host names and restrictEgress is on: allow it through a proxy, an egress firewall with FQDN rules, or a peer with the host's CIDRs",
        reasons: flow.reasons.map((r) => `${r.profile}/${r.row}: ${r.description} (${r.document}, ${r.documentRow})`),
      },
    ];
  });
}
