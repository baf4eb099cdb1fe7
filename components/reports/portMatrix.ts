/**
 * The plan as a group x group table: one row per sender (node groups, then external peers),
 * one column per accepting node group, each cell what the column accepts from the row. It
 * stays readable at any number of groups, where a graph's labels would pile up; the picture
 * beside it draws the same pairs. Built from ingress only: group egress mirrors it.
 */
import type { Messages } from "../i18n/messages.en";
import type { Flow, Plan } from "../model/plan";
import { cidrText } from "./flowText";
import { code, escapeCell, table } from "./markdownText";
import type { Part } from "./commonParts";
import { edgeLabel } from "./planMermaid";

function senderName(flow: Flow): string {
  switch (flow.peer.kind) {
    case "group":
      return flow.peer.group;
    case "cidr":
      return cidrText(flow.peer);
    case "host":
      return flow.peer.host;
  }
}

/** Markdown table lines. */
export function portMatrix(plan: Plan, m: Messages): string[] {
  const targets = plan.groups.map((group) => group.name);
  const cells = new Map<string, Map<string, Part[]>>();
  const senders: string[] = [...targets];
  for (const group of plan.groups) {
    for (const flow of group.ingress) {
      const sender = senderName(flow);
      if (!senders.includes(sender)) senders.push(sender);
      const row = cells.get(sender) ?? new Map<string, Part[]>();
      const parts = row.get(group.name) ?? [];
      parts.push({ protocol: flow.protocol, ports: flow.ports, icmp: flow.icmp });
      row.set(group.name, parts);
      cells.set(sender, row);
    }
  }
  const rows = senders
    .filter((sender) => cells.has(sender))
    .map((sender) => [
      targets.includes(sender) ? code(sender) : escapeCell(sender),
      ...targets.map((target) => {
        const parts = cells.get(sender)?.get(target);
        if (!parts) return "";
        const label = escapeCell(edgeLabel(parts, m));
        return sender === target ? `${label} ${m.plan.matrixSelf}` : label;
      }),
    ]);
  return table(["", ...targets.map(code)], rows);
}
