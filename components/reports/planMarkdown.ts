/**
 * The plan as Markdown for a pull request: what each node group accepts, from whom, why, and
 * which document row says so. Ingress is the whole story between node groups: every
 * group-to-group egress flow is the mirror of an ingress flow on the other group, so egress
 * tables list only traffic that leaves the layout (CIDRs and hosts) and say how many mirrored
 * rules they leave out. Nothing is computed here that the plan does not already hold.
 */
import { en, type Messages } from "../i18n/messages.en";
import { DISAGREEMENTS_KO } from "../i18n/disagreements.ko";
import { type Lang, messagesFor } from "../i18n/lang";
import { DEFAULT_OPTIONS, OPTION_INFO, type OptionName } from "../model/options";
import type { Flow, LocalProbe, Plan, PlanGroup } from "../model/plan";
import { isExternal, peerText, portsText, protocolText } from "./flowText";
import { code, escapeCell, table } from "./markdownText";
import { noteText } from "./noteText";
import { planMermaid } from "./planMermaid";
import { portMatrix } from "./portMatrix";
import { documentLink, sourceLines, whyLines } from "./sourceLinks";
import { warningFlow, warningText } from "./warningText";

export { escapeCell } from "./markdownText";

/** The peer cell: bold and marked when it is the whole internet. */
export function peerCell(flow: Flow, group: string, m: Messages = en): string {
  const peer = escapeCell(peerText(flow.peer, group, m));
  const world = flow.peer.kind === "cidr" && flow.peer.world;
  return world ? `**${peer}** ${m.flow.anywhere}` : peer;
}

function flowRow(flow: Flow, group: string, m: Messages, lang: Lang): string[] {
  return [
    escapeCell(portsText(flow, m)),
    escapeCell(protocolText(flow.protocol, m)),
    peerCell(flow, group, m),
    whyLines(flow.reasons, lang).join("<br>"),
    sourceLines(flow.reasons, lang).join("<br>"),
  ];
}

function probeRow(probe: LocalProbe, m: Messages, lang: Lang): string[] {
  return [escapeCell(portsText(probe, m)), escapeCell(protocolText(probe.protocol, m)), whyLines(probe.reasons, lang).join("<br>"), sourceLines(probe.reasons, lang).join("<br>")];
}

function groupSection(group: PlanGroup, m: Messages, lang: Lang): string[] {
  const c = m.columns;
  const lines = [`## ${m.plan.nodeGroup(code(group.name))}`, ""];
  const cluster = group.cluster === group.clusterKind ? code(group.cluster) : m.plan.clusterOfKind(code(group.cluster), code(group.clusterKind));
  lines.push(m.plan.rolesAndCluster(group.roles.map(code).join(", "), cluster), "");

  lines.push(`### ${m.plan.ingress(code(group.name))}`, "");
  if (group.ingress.length === 0) lines.push(m.plan.nothing);
  else lines.push(...table([c.port, c.protocol, c.from, c.why, c.source], group.ingress.map((flow) => flowRow(flow, group.name, m, lang))));
  lines.push("");

  const external = group.egress.filter(isExternal);
  const mirrored = group.egress.length - external.length;
  lines.push(`### ${m.plan.egress(code(group.name))}`, "");
  if (external.length === 0) lines.push(m.plan.nothing);
  else lines.push(...table([c.port, c.protocol, c.to, c.why, c.source], external.map((flow) => flowRow(flow, group.name, m, lang))));
  lines.push("");
  if (mirrored > 0) lines.push(m.plan.mirrored(code(group.name), mirrored), "");

  if (group.local.length > 0) {
    lines.push(`### ${m.plan.localProbes}`, "");
    lines.push(...table([c.port, c.protocol, c.why, c.source], group.local.map((probe) => probeRow(probe, m, lang))), "");
  }
  return lines;
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function optionsSection(plan: Plan, m: Messages): string[] {
  const changed = (Object.keys(OPTION_INFO) as OptionName[]).filter((name) => plan.options[name] !== DEFAULT_OPTIONS[name]);
  const lines = [`## ${m.plan.options}`, ""];
  if (changed.length === 0) return [...lines, m.plan.optionsDefault, ""];
  lines.push(m.plan.optionsDiffer, "");
  const rows = changed.map((name) => [
    code(name),
    code(formatValue(plan.options[name])),
    code(formatValue(DEFAULT_OPTIONS[name])),
    escapeCell(m.plan.optionMeaning(name)),
  ]);
  const c = m.columns;
  return [...lines, ...table([c.option, c.value, c.default, c.meaning], rows), ""];
}

function listSection(title: string, items: readonly string[], m: Messages): string[] {
  return [`## ${title}`, "", ...(items.length === 0 ? [m.plan.none] : items.map((item) => `- ${item}`)), ""];
}

function supplementsSection(plan: Plan, m: Messages): string[] {
  const supplements = plan.supplements ?? [];
  if (supplements.length === 0) return [];
  const c = m.columns;
  const rows = supplements.map((s) => [
    code(s.group),
    escapeCell(s.from.kind === "group" ? s.from.group : `${s.from.cidr} (${s.from.peer})`),
    escapeCell(portsText(s, m)),
    escapeCell(protocolText(s.protocol, m)),
    escapeCell(`${s.requirement}: ${s.description}`),
    escapeCell(`${s.source} (${s.sourceRow})`),
    s.omittedBy.map(code).join(", "),
  ]);
  return [
    `## ${m.plan.supplements}`,
    "",
    m.plan.supplementsIntro(supplements.length),
    "",
    ...table([c.group, c.from, c.port, c.protocol, c.why, c.source, c.profile], rows),
    "",
  ];
}

/** Markdown text ending in one newline, its fixed phrases in `lang`. */
export function planMarkdown(plan: Plan, lang: Lang = "en"): string {
  const m = messagesFor(lang);
  const c = m.columns;
  const lines = [`# ${m.plan.title(code(plan.layout))}`, ""];
  const rules = plan.groups.reduce((sum, group) => sum + group.ingress.length + group.egress.length, 0);
  lines.push(m.plan.summary(plan.groups.length, rules, code(plan.schema)), "");

  lines.push(`## ${m.plan.profiles}`, "");
  lines.push(...table([c.profile, c.title, c.document], plan.profiles.map((p) => [code(p.id), escapeCell(m.plan.profileTitle(p.id, p.title)), documentLink(p.document)])), "");
  lines.push(...optionsSection(plan, m));
  if (plan.peers.length > 0) {
    lines.push(`## ${m.plan.peers}`, "");
    lines.push(...table([c.peer, c.cidrs], plan.peers.map((p) => [code(p.name), p.cidrs.map(escapeCell).join(", ")])), "");
  }
  lines.push(`## ${m.plan.picture}`, "", "```mermaid", planMermaid(plan, lang).trimEnd(), "```", "");
  lines.push(`### ${m.plan.matrix}`, "", m.plan.matrixLegend, "", ...portMatrix(plan, m), "");
  for (const group of plan.groups) lines.push(...groupSection(group, m, lang));
  lines.push(...supplementsSection(plan, m));

  lines.push(...listSection(m.plan.warnings, plan.warnings.map((w) => `**${w.code}** (${code(w.group)}, ${code(w.flow)}): ${warningText(w, warningFlow(w, plan), m, lang)}`), m));
  lines.push(...listSection(m.plan.notes, plan.notes.map((n) => noteText(n, m, lang)), m));
  lines.push(
    ...listSection(
      m.plan.disagreements,
      plan.disagreements.map((d) =>
        m.plan.disagreement(d.id, m.plan.disagreementWhere(d.profile, d.rows.map(code)), escapeCell(d.says), documentLink(d.otherSource), escapeCell(lang === "ko" ? (DISAGREEMENTS_KO[`${d.profile}/${d.id}`] ?? d.other) : d.other)),
      ),
      m,
    ),
  );
  return `${lines.join("\n").trimEnd()}\n`;
}
