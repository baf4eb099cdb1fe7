/**
 * The plan as Markdown for a pull request: what each node group accepts, from whom, why, and
 * which document row says so. Ingress is the whole story between node groups: every
 * group-to-group egress flow is the mirror of an ingress flow on the other group, so egress
 * tables list only traffic that leaves the layout (CIDRs and hosts) and say how many mirrored
 * rules they leave out. Nothing is computed here that the plan does not already hold.
 */
import { DEFAULT_OPTIONS, OPTION_INFO, type OptionName } from "../model/options";
import type { Flow, LocalProbe, Plan, PlanGroup } from "../model/plan";
import { isExternal, peerText, portsText, protocolText, sourceText, whyText } from "./flowText";

/** Cell and list text: pipes and emphasis (`*.docker.io`) escaped, HTML and line breaks neutralised. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*])/g, "\\$1")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

/** Several values in one cell, one per line. */
function cellLines(values: readonly string[]): string {
  return values.map(escapeCell).join("<br>");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function flowRow(flow: Flow, group: string): string[] {
  const peer = escapeCell(peerText(flow.peer, group));
  const world = flow.peer.kind === "cidr" && flow.peer.world;
  return [
    escapeCell(portsText(flow)),
    escapeCell(protocolText(flow.protocol)),
    world ? `**${peer}** (anywhere)` : peer,
    cellLines(whyText(flow.reasons)),
    cellLines(sourceText(flow.reasons)),
  ];
}

function probeRow(probe: LocalProbe): string[] {
  return [escapeCell(portsText(probe)), escapeCell(protocolText(probe.protocol)), cellLines(whyText(probe.reasons)), cellLines(sourceText(probe.reasons))];
}

function groupSection(group: PlanGroup): string[] {
  const lines = [`## Node group ${code(group.name)}`, ""];
  const cluster = group.cluster === group.clusterKind ? code(group.cluster) : `${code(group.cluster)} (kind ${code(group.clusterKind)})`;
  lines.push(`Roles: ${group.roles.map(code).join(", ")}. Cluster: ${cluster}.`, "");

  lines.push(`### Ingress: what ${code(group.name)} accepts`, "");
  if (group.ingress.length === 0) lines.push("Nothing.");
  else lines.push(...table(["Port", "Protocol", "From", "Why", "Source document"], group.ingress.map((flow) => flowRow(flow, group.name))));
  lines.push("");

  const external = group.egress.filter(isExternal);
  const mirrored = group.egress.length - external.length;
  lines.push(`### Egress: what ${code(group.name)} sends outside the layout`, "");
  if (external.length === 0) lines.push("Nothing.");
  else lines.push(...table(["Port", "Protocol", "To", "Why", "Source document"], external.map((flow) => flowRow(flow, group.name))));
  lines.push("");
  if (mirrored > 0) {
    const rules = mirrored === 1 ? "1 egress rule" : `${mirrored} egress rules`;
    lines.push(`${code(group.name)} also has ${rules} to node groups, each the mirror of an ingress row in the target group's table.`, "");
  }

  if (group.local.length > 0) {
    lines.push("### Local probes: documented, no rule needed", "");
    lines.push(...table(["Port", "Protocol", "Why", "Source document"], group.local.map(probeRow)), "");
  }
  return lines;
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function optionsSection(plan: Plan): string[] {
  const changed = (Object.keys(OPTION_INFO) as OptionName[]).filter((name) => plan.options[name] !== DEFAULT_OPTIONS[name]);
  const lines = ["## Options", ""];
  if (changed.length === 0) return [...lines, "Every option has its default value.", ""];
  lines.push("Options that differ from kubeports' defaults (set by the layout or assumed by a profile):", "");
  const rows = changed.map((name) => [
    code(name),
    code(formatValue(plan.options[name])),
    code(formatValue(DEFAULT_OPTIONS[name])),
    escapeCell(OPTION_INFO[name].description),
  ]);
  return [...lines, ...table(["Option", "Value", "Default", "Meaning"], rows), ""];
}

function listSection(title: string, items: readonly string[]): string[] {
  return [`## ${title}`, "", ...(items.length === 0 ? ["None."] : items.map((item) => `- ${item}`)), ""];
}

/** Markdown text ending in one newline. */
export function planMarkdown(plan: Plan): string {
  const lines = [`# kubeports plan: ${code(plan.layout)}`, ""];
  const rules = plan.groups.reduce((sum, group) => sum + group.ingress.length + group.egress.length, 0);
  lines.push(`${plan.groups.length} node group${plan.groups.length === 1 ? "" : "s"}, ${rules} rules (ingress and egress), plan schema ${code(plan.schema)}.`, "");

  lines.push("## Profiles", "");
  lines.push(...table(["Profile", "Title", "Document"], plan.profiles.map((p) => [code(p.id), escapeCell(p.title), escapeCell(p.document)])), "");
  lines.push(...optionsSection(plan));
  if (plan.peers.length > 0) {
    lines.push("## Peers", "");
    lines.push(...table(["Peer", "CIDRs"], plan.peers.map((p) => [code(p.name), p.cidrs.map(escapeCell).join(", ")])), "");
  }
  for (const group of plan.groups) lines.push(...groupSection(group));

  lines.push(...listSection("Warnings", plan.warnings.map((w) => `**${w.code}** (${code(w.group)}, ${code(w.flow)}): ${escapeCell(w.message)}`)));
  lines.push(...listSection("Notes", plan.notes.map((n) => `**${n.code}** (${n.profile} row ${code(n.row)}): ${escapeCell(n.message)}`)));
  lines.push(
    ...listSection(
      "Disagreements",
      plan.disagreements.map(
        (d) => `**${d.id}** (${d.profile} row${d.rows.length === 1 ? "" : "s"} ${d.rows.map(code).join(", ")}): the document says "${escapeCell(d.says)}"; ${escapeCell(d.otherSource)} says "${escapeCell(d.other)}".`,
      ),
    ),
  );
  return `${lines.join("\n").trimEnd()}\n`;
}
