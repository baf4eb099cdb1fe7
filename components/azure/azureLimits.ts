/**
 * Azure's NSG limits, checked on the finished rule list before anything is registered, so a plan
 * that cannot be deployed fails in preview with the rule and the limit named.
 */
import type { InputIssue } from "../model/errors";
import { AZURE_DESCRIPTION_MAX, AZURE_NAME_RULE, isAzureName } from "./azureNames";
import { ALLOW_MAX, DENY_BAND, MAX_PRIORITY, MIN_PRIORITY, type PriorityBand } from "./azurePriorities";
import type { AzureRuleSpec, AzureSide } from "./azureRuleSpec";

export const MAX_RULES_PER_NSG = 1000;
export const MAX_ASGS_PER_SIDE = 10;
export const MAX_ASGS_PER_NSG = 100;
export const MAX_PREFIXES_PER_SIDE = 4000;

function sideIssues(rule: AzureRuleSpec, side: AzureSide, which: string): InputIssue[] {
  const path = `rules.${rule.name}.${which}`;
  if (side.kind === "groups" && (side.groups.length === 0 || side.groups.length > MAX_ASGS_PER_SIDE)) {
    return [{ path, message: `${side.groups.length} application security groups; Azure allows 1-${MAX_ASGS_PER_SIDE} per rule side` }];
  }
  if (side.kind === "prefixes" && (side.prefixes.length === 0 || side.prefixes.length > MAX_PREFIXES_PER_SIDE)) {
    return [{ path, message: `${side.prefixes.length} address prefixes; Azure allows 1-${MAX_PREFIXES_PER_SIDE} per rule side (merge the peer's CIDRs into fewer, larger ones)` }];
  }
  return [];
}

/** Every limit, for every rule; an empty list means Azure accepts the rule set. */
export function checkLimits(rules: readonly AzureRuleSpec[], reserved: readonly PriorityBand[]): InputIssue[] {
  const issues: InputIssue[] = [];
  if (rules.length > MAX_RULES_PER_NSG) {
    issues.push({ path: "plan", message: `${rules.length} rules; Azure allows ${MAX_RULES_PER_NSG} per network security group (split the node groups over two components with their own NSGs)` });
  }
  const asgs = new Set(rules.flatMap((rule) => [rule.source, rule.destination]).flatMap((side) => (side.kind === "groups" ? side.groups : [])));
  if (asgs.size > MAX_ASGS_PER_NSG) {
    issues.push({ path: "plan.groups", message: `${asgs.size} node groups, each an application security group; Azure allows ${MAX_ASGS_PER_NSG} across one NSG's rules (use fewer, larger groups)` });
  }
  const names = new Set<string>();
  const priorities = new Set<string>();
  for (const rule of rules) {
    const path = `rules.${rule.name}`;
    if (!isAzureName(rule.name)) issues.push({ path, message: `not a valid Azure rule name (${AZURE_NAME_RULE}); rename the component, group or peer` });
    if (names.has(rule.name)) issues.push({ path, message: "two rules have this name; rename a group or peer" });
    names.add(rule.name);
    if (rule.description.length > AZURE_DESCRIPTION_MAX) issues.push({ path: `${path}.description`, message: `${rule.description.length} characters; Azure allows ${AZURE_DESCRIPTION_MAX}` });
    issues.push(...sideIssues(rule, rule.source, "source"), ...sideIssues(rule, rule.destination, "destination"));
    if (rule.source.kind === "any" && rule.destination.kind === "any") issues.push({ path, message: "both sides are any address" });

    const slot = `${rule.direction}:${rule.priority}`;
    if (priorities.has(slot)) issues.push({ path: `${path}.priority`, message: `${rule.priority} is used twice for ${rule.direction.toLowerCase()} rules (Azure needs unique priorities per direction)` });
    priorities.add(slot);
    const [low, high] = rule.access === "Allow" ? [MIN_PRIORITY, ALLOW_MAX] : [DENY_BAND.from, MAX_PRIORITY];
    if (!Number.isInteger(rule.priority) || rule.priority < low || rule.priority > high) {
      issues.push({ path: `${path}.priority`, message: `${rule.priority} is outside ${low}-${high}, where ${rule.access.toLowerCase()} rules belong` });
    }
    const band = reserved.find((b) => rule.priority >= b.from && rule.priority <= b.to);
    if (band) issues.push({ path: `${path}.priority`, message: `${rule.priority} is inside the reserved band ${band.from}-${band.to}` });
  }
  return issues;
}
