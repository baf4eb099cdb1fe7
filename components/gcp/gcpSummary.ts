/** A plain-text account of what the component creates, for `pulumi stack output` and reviews. */
import type { Plan } from "../model/plan";
import type { GcpAllow } from "./gcpAllows";
import type { GcpPeer, GcpRuleSpec, GcpTranslation } from "./gcpRuleSpec";

export function formatAllows(allows: readonly GcpAllow[]): string {
  return allows.map((allow) => (allow.ports ? `${allow.protocol}:${allow.ports.join(",")}` : allow.protocol)).join(" ");
}

function peerText(rule: GcpRuleSpec): string {
  const peer: GcpPeer = rule.peer;
  const arrow = rule.direction === "INGRESS" ? "<-" : "->";
  if (peer.kind === "groups") return `${arrow} group${peer.groups.length > 1 ? "s" : ""} ${peer.groups.join(",")}`;
  if (peer.kind === "ranges") return `${arrow} ${peer.label} ${peer.ranges.join(",")}`;
  return `${arrow} ${peer.fqdns.join(",")}`;
}

/** "demo-workers-in-masters  INGRESS allow p1000  workers <- group masters  tcp:10250". */
export function ruleLine(rule: GcpRuleSpec): string {
  return `${rule.name}  ${rule.direction} ${rule.action} p${rule.priority}  ${rule.group} ${peerText(rule)}  ${formatAllows(rule.allows)}`;
}

/** Node group -> one line per rule that targets its machines. */
export function rulesByGroup(plan: Plan, translation: GcpTranslation): Record<string, string[]> {
  return Object.fromEntries(plan.groups.map((group) => [group.name, translation.rules.filter((rule) => rule.group === group.name).map(ruleLine)]));
}

/** `identities` are lines such as "workers: tag demo-workers". */
export function summarize(plan: Plan, translation: GcpTranslation, identities: readonly string[]): string {
  const vpc = translation.rules.filter((rule) => rule.layer === "vpc");
  const policy = translation.rules.filter((rule) => rule.layer === "policy");
  const line = (rule: GcpRuleSpec) => `  ${ruleLine(rule)}`;
  const lines = [
    `GCP firewall for layout "${plan.layout}": ${vpc.length} VPC firewall rule(s), ${policy.length} network firewall policy rule(s).`,
    "Put these identities on each group's instance templates:",
    ...identities.map((text) => `  ${text}`),
    "VPC firewall rules:",
    ...(vpc.length > 0 ? vpc.map(line) : ["  (none)"]),
  ];
  if (policy.length > 0) lines.push("Network firewall policy rules:", ...policy.map(line));
  if (translation.hosts.length > 0) {
    lines.push("Outbound host names no rule allows:");
    for (const host of translation.hosts) {
      lines.push(`  ${host.group} -> ${host.host} ${formatAllows(host.allows)}: ${host.blocked ? "BLOCKED" : "allowed by the implied rule"}; ${host.why} (${host.reasons.join(", ")})`);
    }
  }
  if (translation.notes.length > 0) lines.push("Notes:", ...translation.notes.map((note) => `  ${note}`));
  if (plan.warnings.length > 0) lines.push("Plan warnings:", ...plan.warnings.map((w) => `  ${w.message}`));
  return lines.join("\n");
}
