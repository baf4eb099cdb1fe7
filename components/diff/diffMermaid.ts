/**
 * The diff as a Mermaid `flowchart LR`: only the node groups and peers a change touches, one
 * edge per (source, target, kind of change), from the connecting side to the accepting side.
 * Added edges are solid green, removed ones dotted red, changed ones thick amber, and every
 * label starts with +, - or ~ so the picture reads without colour too. Same conservative
 * syntax as the plan diagram: quoted labels, entity-escaped text, ids of [A-Za-z0-9_].
 * Mermaid draws only one self-loop per node, so a group's changes to itself share one edge
 * (amber when they mix kinds), each part of its label keeping its own marker.
 */
import { type Lang, messagesFor } from "../i18n/lang";
import type { Messages } from "../i18n/messages.en";
import type { Flow, FlowPeer } from "../model/plan";
import { IdRegistry } from "../reports/mermaidIds";
import { edgeLabel, mermaidText } from "../reports/planMermaid";
import type { FlowChange, PlanDiff } from "./planDiff";

type Kind = FlowChange["change"];

const ARROW: Readonly<Record<Kind, string>> = { added: "-->", removed: "-.->", changed: "==>" };
const TWO_WAY: Readonly<Record<Kind, string>> = { added: "<-->", removed: "<-.->", changed: "<==>" };
const MARK: Readonly<Record<Kind, string>> = { added: "+", removed: "-", changed: "~" };
const LINK_STYLE: Readonly<Record<Kind, string>> = {
  added: "stroke:#16a34a,stroke-width:3px",
  removed: "stroke:#dc2626,stroke-width:2px",
  changed: "stroke:#d97706,stroke-width:3px",
};

interface Node {
  readonly id: string;
  readonly label: string;
  readonly shape: "group" | "peer" | "host";
  readonly cidrs: string[];
  world: boolean;
  status?: "added" | "removed";
}

interface Edge {
  readonly from: string;
  readonly to: string;
  kind: Kind;
  /** Label parts, each starting with its change's marker. */
  readonly labels: string[];
}

function changeLabel(change: FlowChange, m: Messages): string {
  if (change.change === "added") return edgeLabel(change.after, m);
  if (change.change === "removed") return edgeLabel(change.before, m);
  if (change.aspects.includes("ports")) return `${edgeLabel(change.before, m)} → ${edgeLabel(change.after, m)}`;
  if (change.aspects.includes("peer")) {
    const cidrs = (flows: readonly Flow[]) => flows.map((flow) => (flow.peer.kind === "cidr" ? flow.peer.cidr : "")).join(", ");
    return `${edgeLabel(change.after, m)}: ${cidrs(change.before)} → ${cidrs(change.after)}`;
  }
  return `${edgeLabel(change.after, m)} (${m.mermaid.reasonsChanged})`;
}

/** Mermaid source ending in one newline, its fixed words in `lang`. */
export function diffMermaid(diff: PlanDiff, lang: Lang = "en"): string {
  const m = messagesFor(lang);
  if (!diff.changed) return `flowchart LR\n  none["${mermaidText(m.mermaid.noChanges)}"]\n`;
  const ids = new IdRegistry();
  const nodes = new Map<string, Node>();
  const edges = new Map<string, Edge>();

  const groupNode = (name: string, roles: readonly string[] | null): string => {
    const id = ids.idFor("g", name);
    if (!nodes.has(id)) nodes.set(id, { id, label: roles && roles.length > 0 ? `${name}: ${roles.join(", ")}` : name, shape: "group", cidrs: [], world: false });
    return id;
  };
  const roles = new Map(diff.groups.map((group) => [group.name, group.rolesAfter ?? group.rolesBefore]));
  const peerNode = (peer: FlowPeer): string => {
    if (peer.kind === "group") return groupNode(peer.group, roles.get(peer.group) ?? null);
    if (peer.kind === "host") {
      const id = ids.idFor("h", peer.host);
      if (!nodes.has(id)) nodes.set(id, { id, label: peer.host, shape: "host", cidrs: [], world: false });
      return id;
    }
    const name = peer.peers.join(", ") || peer.cidr;
    const id = ids.idFor("p", name);
    const node = nodes.get(id) ?? { id, label: name, shape: "peer" as const, cidrs: [], world: false };
    if (!node.cidrs.includes(peer.cidr)) node.cidrs.push(peer.cidr);
    node.world ||= peer.world;
    nodes.set(id, node);
    return id;
  };
  const addEdge = (from: string, to: string, kind: Kind, label: string) => {
    const key = from === to ? `${from}>${to}` : `${from}>${to}>${kind}`;
    const edge = edges.get(key) ?? { from, to, kind, labels: [] };
    if (edge.kind !== kind) edge.kind = "changed";
    const part = `${MARK[kind]} ${label}`;
    if (!edge.labels.includes(part)) edge.labels.push(part);
    edges.set(key, edge);
  };

  for (const group of diff.groups) {
    const self = groupNode(group.name, group.rolesAfter ?? group.rolesBefore);
    if (group.status !== "changed") nodes.get(self)!.status = group.status;
    for (const change of group.changes) {
      const peers = (change.after.length > 0 ? change.after : change.before).map((flow) => flow.peer);
      // A peer change draws from the new CIDR's node; its label names the old one.
      const peer = peers[0]!;
      const label = changeLabel(change, m);
      if (change.direction === "ingress") addEdge(peerNode(peer), self, change.change, label);
      else if (peer.kind !== "group") addEdge(self, peerNode(peer), change.change, label);
      for (const other of change.before.map((flow) => flow.peer)) peerNode(other);
    }
  }

  const lines = ["flowchart LR"];
  for (const node of nodes.values()) {
    const shown = node.cidrs.filter((cidr) => !node.label.includes(cidr));
    const label = mermaidText(shown.length > 0 ? `${node.label}: ${shown.join(", ")}` : node.label);
    if (node.shape === "group") lines.push(`  ${node.id}["${label}"]`);
    else if (node.shape === "host") lines.push(`  ${node.id}(["${label}"])`);
    else lines.push(`  ${node.id}("${label}")`);
  }
  const styles: Record<Kind, number[]> = { added: [], removed: [], changed: [] };
  let index = 0;
  // Two ends with changes of one kind both ways share a two-headed arrow, a label line per
  // direction: two arrows between the same nodes would lay their labels on top of each other.
  const name = (id: string) => {
    const node = nodes.get(id)!;
    return node.shape === "group" ? node.label.split(": ")[0]! : node.label;
  };
  const done = new Set<Edge>();
  for (const edge of edges.values()) {
    if (done.has(edge)) continue;
    done.add(edge);
    const back = edge.from === edge.to ? undefined : [...edges.values()].find((e) => !done.has(e) && e.from === edge.to && e.to === edge.from && e.kind === edge.kind);
    if (back) {
      done.add(back);
      const way = (e: Edge) => mermaidText(`${name(e.from)} → ${name(e.to)}: ${e.labels.join("; ")}`);
      lines.push(`  ${edge.from} ${TWO_WAY[edge.kind]}|"${way(edge)}<br>${way(back)}"| ${edge.to}`);
    } else {
      lines.push(`  ${edge.from} ${ARROW[edge.kind]}|"${mermaidText(edge.labels.join("; "))}"| ${edge.to}`);
    }
    styles[edge.kind].push(index);
    index += 1;
  }
  for (const kind of ["added", "removed", "changed"] as const) {
    if (styles[kind].length > 0) lines.push(`  linkStyle ${styles[kind].join(",")} ${LINK_STYLE[kind]}`);
  }

  lines.push("  classDef group fill:#e8f0fe,stroke:#1a56db,color:#111");
  lines.push("  classDef external fill:#f4f4f5,stroke:#71717a,color:#111");
  lines.push("  classDef world fill:#fde8e8,stroke:#c81e1e,stroke-width:3px,color:#111");
  lines.push("  classDef added fill:#dcfce7,stroke:#16a34a,stroke-width:3px,color:#111");
  lines.push("  classDef removed fill:#fee2e2,stroke:#dc2626,stroke-width:2px,stroke-dasharray:5 5,color:#111");
  const all = [...nodes.values()];
  const byClass = (name: string, members: readonly Node[]) => {
    if (members.length > 0) lines.push(`  class ${members.map((n) => n.id).join(",")} ${name}`);
  };
  byClass("group", all.filter((n) => n.shape === "group" && !n.status));
  byClass("added", all.filter((n) => n.status === "added"));
  byClass("removed", all.filter((n) => n.status === "removed"));
  byClass("external", all.filter((n) => n.shape !== "group" && !n.world));
  byClass("world", all.filter((n) => n.world));
  return `${lines.join("\n")}\n`;
}
