/**
 * Plan -> AWS security groups and rules, as plain specs (logical name + inputs) and a review
 * summary. Pure: no Pulumi. Every AWS limit is checked here, all problems are collected into
 * one KubeportsError, and the components register resources only from a spec that passed.
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import type { Flow, Plan, PlanGroup } from "../model/plan";
import { awsMatches, type AwsMatch } from "./awsProtocol";
import { previousLogicalNames, ruleLogicalName, securityGroupLogicalName, type PreviousNames } from "./awsNames";
import { DEFAULT_RULES_PER_GROUP, quotaIssues, quotaUse } from "./awsQuota";
import { caseInsensitiveNameIssues, checkOptions, duplicateIssues, prefixListPeers } from "./awsChecks";
import { groupDescription, groupName, ruleDescription } from "./awsDescriptions";
import type { AwsCoveredRule, AwsFirewallOptions, AwsFirewallSpec, AwsGroupSpec, AwsGroupSummary, AwsRuleSpec, AwsRuleSummary } from "./awsSpec";
import { hostEgress, peerLabel, reasonLine } from "./awsSummary";
import { kubeportsTags } from "./awsTags";
import { checkPlan } from "../firewall/checkPlan";
import { sourcedRules, type PrefixListPeer, type RuleSource, type SourcedRule } from "./ruleSources";

const WORLD_V4: RuleSource = { kind: "cidr", cidr: "0.0.0.0/0", family: "ipv4", world: true, peers: [] };
const WORLD_V6: RuleSource = { kind: "cidr", cidr: "::/0", family: "ipv6", world: true, peers: [] };
const DEFAULT_EGRESS_DESCRIPTION = "All traffic (kubeports default egress; restrictEgress: true keeps only the plan egress)";

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
    // A renamed component or group keeps the AWS name and description it was created with:
    // EC2 cannot change either, and a replaced group is still attached to running machines.
    const previous = previousNames(options);
    const cloudGroup = previous.groups[group.name] ?? group.name;
    const cloudOptions = { ...options, name: previous.component ?? options.name };
    const awsName = existing ? undefined : groupName(cloudGroup, groupOptions, cloudOptions, issues);
    const logicalName = securityGroupLogicalName(options.name, group.name);
    groups.push({
      group: group.name,
      logicalName,
      aliases: previousLogicalNames(logicalName, previous, (component, named) => securityGroupLogicalName(component, named(group.name)), { component: options.name, groups: [group.name] }),
      existing,
      ...(awsName !== undefined
        ? {
            awsName,
            description: groupDescription(cloudGroup, cloudOptions, issues),
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
  // The component output keeps the schema's four fields; attribution (openedBy) stays in the plan and its reports.
  return { groups, rules, summary, warnings: plan.warnings.map(({ code, group, flow, message }) => ({ code, group, flow, message })) };
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

/** The component's and node groups' names before a rename (empty when nothing was renamed). */
function previousNames(options: AwsFirewallOptions): PreviousNames {
  const groups = Object.entries(options.groups ?? {}).flatMap(([group, given]) => (given.previousName !== undefined ? [[group, given.previousName] as const] : []));
  return { ...(options.previousName !== undefined ? { component: options.previousName } : {}), groups: Object.fromEntries(groups) };
}

function finish(group: PlanGroup, direction: "ingress" | "egress", match: AwsMatch, rule: SourcedRule, description: string, options: AwsFirewallOptions): BuiltRule {
  const name = ruleLogicalName(options.name, group.name, direction, match, rule.source);
  const previous = previousNames(options);
  const source = rule.source;
  const groups = source.kind === "group" && source.group !== group.name ? [group.name, source.group] : [group.name];
  const aliases = previousLogicalNames(name, previous, (component, named) =>
    ruleLogicalName(component, named(group.name), direction, match, source.kind === "group" ? { ...source, group: named(source.group) } : source), { component: options.name, groups });
  const documents = rule.reasons.map((reason) => reason.document);
  const spec: AwsRuleSpec = {
    name,
    aliases,
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
      reasons: rule.reasons.map(reasonLine),
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
