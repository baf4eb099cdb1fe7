/** Plain-text accounts of what the component creates, for `pulumi stack output` and reviews. */
import type { Plan } from "../model/plan";
import type { AzureRuleSpec, AzureSide, AzureTranslation } from "./azureRuleSpec";

function sideText(side: AzureSide): string {
  if (side.kind === "groups") return `asg:${side.groups.join(",")}`;
  if (side.kind === "prefixes") return `${side.peers.join("+")}(${side.prefixes.join(",")})`;
  if (side.kind === "tag") return `tag:${side.tag}`;
  return "*";
}

/** "demo-workers-in-from-masters-tcp  Inbound Allow 1234  Tcp 22,10250  asg:masters -> asg:workers  [rows]". */
export function ruleLine(rule: AzureRuleSpec): string {
  const ports = rule.ports ? rule.ports.join(",") : "*";
  const rows = rule.reasons.length > 0 ? `  [${rule.reasons.join(", ")}]` : "";
  return `${rule.name}  ${rule.direction} ${rule.access} ${rule.priority}  ${rule.protocol} ${ports}  ${sideText(rule.source)} -> ${sideText(rule.destination)}${rows}`;
}

/** Node group -> the rules that protect its machines, one line each. */
export function rulesByGroup(plan: Plan, translation: AzureTranslation): Record<string, string[]> {
  return Object.fromEntries(
    plan.groups.map((group) => [group.name, translation.rules.filter((rule) => rule.groups.includes(group.name)).map(ruleLine)]),
  );
}

/** `asgs` are lines such as "workers: ASG demo-workers (created)". */
export function summarize(plan: Plan, translation: AzureTranslation, asgs: readonly string[]): string {
  const lines = [
    `Azure NSG rules for layout "${plan.layout}": ${translation.rules.length} rule(s) in one network security group.`,
    "Put each group's NICs or scale-set IP configurations in its application security group:",
    ...asgs.map((text) => `  ${text}`),
    "Rules:",
    ...(translation.rules.length > 0 ? translation.rules.map((rule) => `  ${ruleLine(rule)}`) : ["  (none)"]),
  ];
  if (translation.hosts.length > 0) {
    lines.push("Outbound host names no NSG rule can name:");
    for (const host of translation.hosts) {
      const what = `${host.protocol}${host.ports ? ` ${host.ports}` : ""}`;
      lines.push(`  ${host.group} -> ${host.host} ${what}: ${host.blocked ? "BLOCKED by restrictEgress" : "allowed by Azure's AllowInternetOutBound"} (${host.reasons.join(", ")})`);
    }
  }
  if (translation.notes.length > 0) lines.push("Notes:", ...translation.notes.map((note) => `  ${note}`));
  if (plan.warnings.length > 0) lines.push("Plan warnings:", ...plan.warnings.map((w) => `  ${w.message}`));
  return lines.join("\n");
}
