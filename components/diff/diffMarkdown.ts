/**
 * The diff as a pull-request comment: a summary line with counts, a section for changes that
 * open ports to the internet, then per node group one table of `+` added, `-` removed and `~`
 * changed flows with the document rows behind them. As in the plan report, group-to-group
 * egress is the mirror of an ingress row elsewhere, so it is counted but not listed.
 */
import { type Lang, messagesFor } from "../i18n/lang";
import type { Messages } from "../i18n/messages.en";
import type { Flow, Reason } from "../model/plan";
import { isExternal, portsText, protocolText } from "../reports/flowText";
import { code, escapeCell, table } from "../reports/markdownText";
import { noteText } from "../reports/noteText";
import { peerCell } from "../reports/planMarkdown";
import { sourceLines, whyLines } from "../reports/sourceLinks";
import { openerParts, warningText } from "../reports/warningText";
import { diffMermaid } from "./diffMermaid";
import type { DiffWarning, FlowChange, GroupDiff, PeerChange, PlanDiff } from "./planDiff";

const MARKER = { added: "`+`", removed: "`-`", changed: "`~`" } as const;

/** The flows a change shows: what is there after, or what was there for a removal. */
function shown(change: FlowChange): readonly Flow[] {
  return change.after.length > 0 ? change.after : change.before;
}

function reasonsOf(flows: readonly Flow[]): Reason[] {
  return flows.flatMap((flow) => flow.reasons);
}

function portsCell(flows: readonly Flow[], m: Messages): string {
  return escapeCell([...new Set(flows.map((flow) => portsText(flow, m)))].join(", "));
}

function peersCell(flows: readonly Flow[], group: string, m: Messages): string {
  return [...new Set(flows.map((flow) => peerCell(flow, group, m)))].join(", ");
}

function changeRow(change: FlowChange, group: string, m: Messages, lang: Lang): string[] {
  const flows = shown(change);
  const ports = change.aspects.includes("ports") ? `${portsCell(change.before, m)} → ${portsCell(change.after, m)}` : portsCell(flows, m);
  const peer = change.aspects.includes("peer") ? `${peersCell(change.before, group, m)} → ${peersCell(change.after, group, m)}` : peersCell(flows, group, m);
  // A reasons change shows what the rows said before wherever that differs from now.
  const withWas = (text: (reasons: readonly Reason[]) => string[]): string[] => {
    const now = text(reasonsOf(flows));
    const before = text(reasonsOf(change.before));
    const differs = change.aspects.includes("reasons") && before.join("\n") !== now.join("\n");
    return differs ? [...now, m.diff.was(before.join("; "))] : now;
  };
  const whyText = (reasons: readonly Reason[]) => whyLines(reasons, lang);
  const sourceText = (reasons: readonly Reason[]) => sourceLines(reasons, lang);
  return [
    MARKER[change.change],
    change.direction === "ingress" ? m.diff.ingress : m.diff.egress,
    ports,
    escapeCell(protocolText(change.protocol, m)),
    peer,
    withWas(whyText).join("<br>"),
    withWas(sourceText).join("<br>"),
  ];
}

/** Ingress, and egress that leaves the layout; group-to-group egress mirrors another table's ingress. */
function listed(change: FlowChange): boolean {
  return change.direction === "ingress" || shown(change).every(isExternal);
}

function groupSection(group: GroupDiff, m: Messages, lang: Lang): string[] {
  const c = m.columns;
  const lines = [`## ${m.diff.groupHeading(code(group.name), group.status)}`, ""];
  const roles = (list: readonly string[] | null) => (list ?? []).map(code).join(", ");
  if (group.status === "changed" && roles(group.rolesBefore) !== roles(group.rolesAfter)) lines.push(m.diff.rolesChanged(roles(group.rolesBefore), roles(group.rolesAfter)), "");
  else if (group.status !== "changed") lines.push(m.diff.roles(roles(group.rolesAfter ?? group.rolesBefore)), "");
  const rows = group.changes.filter(listed);
  if (rows.length === 0) lines.push(m.diff.none, "");
  else lines.push(...table([c.change, c.direction, c.port, c.protocol, c.peer, c.why, c.source], rows.map((change) => changeRow(change, group.name, m, lang))), "");
  const mirrored = group.changes.length - rows.length;
  if (mirrored > 0) lines.push(m.diff.mirrored(mirrored), "");
  return lines;
}

function worldSection(diff: PlanDiff, m: Messages, lang: Lang): string[] {
  const c = m.columns;
  const openedBy = (group: string, flow: Flow): string => {
    const warning = diff.warnings.added.find((w) => w.group === group && w.flow === flow.key);
    return (warning?.openedBy ?? []).map((opener) => m.diff.opener(openerParts(opener, flow, m, lang, warning?.was))).join("<br>");
  };
  const rows = diff.groups.flatMap((group) =>
    group.changes
      .filter((change) => change.opensToWorld)
      .flatMap((change) =>
        change.after
          .filter((flow) => flow.peer.kind === "cidr" && flow.peer.world)
          .map((flow) => [
            code(group.name),
            escapeCell(portsText(flow, m)),
            escapeCell(protocolText(flow.protocol, m)),
            peerCell(flow, group.name, m),
            whyLines(flow.reasons, lang).join("<br>"),
            openedBy(group.name, flow),
          ]),
      ),
  );
  if (rows.length === 0) return [];
  return [`## ${m.diff.opensHeading}`, "", ...table([c.group, c.port, c.protocol, c.from, c.why, c.openedBy], rows), ""];
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function warningItem(marker: string, warning: DiffWarning, m: Messages, lang: Lang): string {
  return `- ${marker} **${warning.code}** (${code(warning.group)}, ${code(warning.flow)}): ${warningText(warning, warning.subject, m, lang, warning.was)}`;
}

/** Peers whose CIDRs changed, line by line (`peers.admin[0]: old → new`), with what that did to the rules. */
function peersSection(peers: readonly PeerChange[], m: Messages): string[] {
  if (peers.length === 0) return [];
  const c = m.columns;
  const rows = peers.flatMap((peer) => {
    const before = peer.before ?? [];
    const after = peer.after ?? [];
    const effect = peer.flowChanges === 0 ? `**${m.diff.noRuleChanged}**` : m.diff.rulesChanged(peer.flowChanges);
    return Array.from({ length: Math.max(before.length, after.length, 1) }, (_, i) => [
      code(`peers.${peer.name}[${i}]`),
      before[i] === undefined ? m.diff.unset : code(before[i]!),
      after[i] === undefined ? m.diff.unset : code(after[i]!),
      effect,
    ]).filter((row) => row[1] !== row[2]);
  });
  return [`## ${m.diff.peers}`, "", m.diff.peersLegend, "", ...table([c.peer, c.before, c.after, m.diff.effect], rows), ""];
}

/** Markdown text ending in one newline, its fixed phrases in `lang`. */
export function diffMarkdown(diff: PlanDiff, lang: Lang = "en"): string {
  const m = messagesFor(lang);
  const c = m.columns;
  const lines = [`# ${m.diff.title(code(diff.before.label), code(diff.after.label))}`, ""];
  if (!diff.changed) return `${[...lines, m.diff.noChanges, "", ...peersSection(diff.peers, m)].join("\n").trimEnd()}\n`;
  if (diff.before.layout === null) lines.push(m.diff.newSide(code(diff.before.label)), "");

  const s = diff.summary;
  lines.push(m.diff.summary({ flowsAdded: s.flowsAdded, flowsRemoved: s.flowsRemoved, flowsChanged: s.flowsChanged, groups: diff.groups.length }));
  if (s.groupsAdded + s.groupsRemoved > 0) lines.push(m.diff.groupCounts(s.groupsAdded, s.groupsRemoved));
  if (s.warningsAdded + s.warningsRemoved > 0) lines.push(m.diff.warningCounts(s.warningsAdded, s.warningsRemoved));
  if (s.opensToWorld > 0) lines.push(m.diff.opensCount(s.opensToWorld));
  lines.push(m.diff.markerLegend, "");

  lines.push(...worldSection(diff, m, lang));
  lines.push(`## ${m.diff.picture}`, "", "```mermaid", diffMermaid(diff, lang).trimEnd(), "```", "");
  if (diff.options.length > 0) {
    lines.push(`## ${m.diff.options}`, "");
    lines.push(...table([c.option, c.before, c.after], diff.options.map((o) => [code(o.name), code(formatValue(o.before)), code(formatValue(o.after))])), "");
  }
  lines.push(...peersSection(diff.peers, m));
  for (const group of diff.groups) lines.push(...groupSection(group, m, lang));

  const warnings = [...diff.warnings.added.map((w) => warningItem(MARKER.added, w, m, lang)), ...diff.warnings.removed.map((w) => warningItem(MARKER.removed, w, m, lang))];
  if (warnings.length > 0) lines.push(`## ${m.diff.warnings}`, "", ...warnings, "");
  const notes = [
    ...diff.notes.added.map((n) => `- ${MARKER.added} ${noteText(n, m, lang)}`),
    ...diff.notes.removed.map((n) => `- ${MARKER.removed} ${noteText(n, m, lang)}`),
  ];
  if (notes.length > 0) lines.push(`## ${m.diff.notes}`, "", ...notes, "");
  return `${lines.join("\n").trimEnd()}\n`;
}
