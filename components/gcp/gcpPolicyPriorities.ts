/**
 * Priorities of network firewall policy rules. A policy identifies its rules by priority, so
 * each needs a distinct one; deriving it from the rule's name (not its position) means adding a
 * rule never renumbers the others. Allows sit far above (numerically below) every deny-all.
 */
import { shortHash } from "../naming/stableName";
import type { GcpRuleSpec } from "./gcpRuleSpec";

export const POLICY_ALLOW_BASE = 1000;
export const POLICY_ALLOW_SPAN = 1_000_000_000;
export const POLICY_DENY_BASE = 2_000_000_000;
export const POLICY_DENY_SPAN = 100_000_000;
/** GCP's largest policy-rule priority. */
export const POLICY_MAX_PRIORITY = 2_147_483_647;

type Unprioritised = Omit<GcpRuleSpec, "priority"> & { priority?: number };

export function assignPolicyPriorities(rules: readonly Unprioritised[]): GcpRuleSpec[] {
  const taken = new Set<number>();
  const chosen = new Map<string, number>();
  // Name order makes the rare hash collision resolve the same way every time.
  for (const rule of [...rules].filter((r) => r.layer === "policy").sort((a, b) => a.name.localeCompare(b.name))) {
    const [base, span] = rule.action === "deny" ? [POLICY_DENY_BASE, POLICY_DENY_SPAN] : [POLICY_ALLOW_BASE, POLICY_ALLOW_SPAN];
    let offset = parseInt(shortHash(rule.name, 8), 16) % span;
    while (taken.has(base + offset)) offset = (offset + 1) % span;
    taken.add(base + offset);
    chosen.set(rule.name, base + offset);
  }
  return rules.map((rule) => {
    const priority = rule.layer === "policy" ? chosen.get(rule.name) : rule.priority;
    if (priority === undefined) throw new Error(`kubeports bug: VPC rule ${rule.name} has no priority`);
    return { ...rule, priority };
  });
}
