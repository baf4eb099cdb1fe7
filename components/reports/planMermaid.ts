/**
 * The plan as a Mermaid `flowchart LR`: node groups, external peers (one node per set of peer
 * names, one per host) and one labelled edge per (source, target) pair, from the connecting
 * side to the accepting side. Edges come from each group's ingress plus its egress to the
 * outside; group-to-group egress mirrors ingress, so drawing it would double every arrow.
 * Syntax is kept conservative (quoted labels, entity-escaped text, ids of [A-Za-z0-9_]).
 */
import { type Lang, messagesFor } from "../i18n/lang";
import { en, type Messages } from "../i18n/messages.en";
import type { Flow, FlowPeer, Plan } from "../model/plan";
import { compactPortRanges, formatPortRange, type PortRange } from "../model/ports";
import { PROTOCOLS, type Protocol } from "../model/protocol";
import { portsText, protocolText } from "./flowText";
import { commonParts, withoutParts, type Part } from "./commonParts";
import { IdRegistry } from "./mermaidIds";

/** Label text inside "...": Mermaid's #name; entities for characters its parser would read. */
export function mermaidText(text: string): string {
  return text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/\|/g, "#124;").replace(/\s+/g, " ");
}

interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly shape: "group" | "peer" | "host";
  readonly cluster?: string;
  world: boolean;
  readonly cidrs: string[];
}

/** "TCP 2379-2381, 6443; UDP 8472; IP-in-IP (4)": protocols in a fixed order, ports as one union. */
export function edgeLabel(parts: readonly Part[], m: Messages = en): string {
  return PROTOCOLS.flatMap((protocol: Protocol) => {
    const mine = parts.filter((part) => part.protocol === protocol);
    if (mine.length === 0) return [];
    const ranges = mine.flatMap((part): PortRange[] => (part.ports ? [part.ports] : []));
    if (ranges.length > 0) return [`${protocolText(protocol, m)} ${compactPortRanges(ranges).map(formatPortRange).join(", ")}`];
    const details = [...new Set(mine.map((part) => portsText(part, m)).filter((text) => text !== "-"))];
    return [details.length > 0 ? `${protocolText(protocol, m)} ${details.join(", ")}` : protocolText(protocol, m)];
  }).join("; ");
}

/** Mermaid source ending in one newline, its fixed words in `lang`. */
export function planMermaid(plan: Plan, lang: Lang = "en"): string {
  const m = messagesFor(lang);
  const ids = new IdRegistry();
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, Edge>();

  for (const group of plan.groups) {
    const id = ids.idFor("g", group.name);
    nodes.set(id, { id, label: `${group.name}: ${group.roles.join(", ")}`, shape: "group", cluster: group.cluster, world: false, cidrs: [] });
  }
  const groupId = (name: string) => ids.idFor("g", name);

  const peerNode = (peer: Exclude<FlowPeer, { kind: "group" }>): string => {
    if (peer.kind === "host") {
      const id = ids.idFor("h", peer.host);
      if (!nodes.has(id)) nodes.set(id, { id, label: peer.host, shape: "host", world: false, cidrs: [] });
      return id;
    }
    const name = peer.peers.join(", ") || peer.cidr;
    const id = ids.idFor("p", name);
    const node = nodes.get(id) ?? { id, label: name, shape: "peer" as const, world: false, cidrs: [] };
    if (!node.cidrs.includes(peer.cidr)) node.cidrs.push(peer.cidr);
    node.world ||= peer.world;
    nodes.set(id, node);
    return id;
  };
  const addEdge = (from: string, to: string, flow: Flow) => {
    const key = `${from}>${to}`;
    const edge = edges.get(key) ?? { from, to, parts: [] };
    edge.parts.push({ protocol: flow.protocol, ports: flow.ports, icmp: flow.icmp });
    edges.set(key, edge);
  };

  for (const group of plan.groups) {
    const self = groupId(group.name);
    for (const flow of group.ingress) {
      addEdge(flow.peer.kind === "group" ? groupId(flow.peer.group) : peerNode(flow.peer), self, flow);
    }
    for (const flow of group.egress) {
      if (flow.peer.kind !== "group") addEdge(self, peerNode(flow.peer), flow);
    }
  }

  // What every group of a cluster accepts from every group of it (itself included) is said once,
  // in a note inside the cluster, and left off the arrows: at ten groups that is most of the labels.
  const clusterNames = [...new Set(plan.groups.map((group) => group.cluster))];
  const notes = new Map<string, string>();
  for (const cluster of clusterNames) {
    // The groups that talk to themselves are the cluster's nodes; a registry or NFS server is not one.
    const all = plan.groups.filter((group) => group.cluster === cluster);
    const nodesOfCluster = all.filter((group) => edges.has(`${groupId(group.name)}>${groupId(group.name)}`));
    const members = nodesOfCluster.map((group) => groupId(group.name));
    if (members.length < 2) continue;
    const common = commonParts(members.flatMap((a) => members.map((b) => edges.get(`${a}>${b}`)?.parts ?? [])));
    if (common.length === 0) continue;
    const named = nodesOfCluster.length === all.length ? undefined : nodesOfCluster.map((group) => group.name).join(", ");
    for (const a of members) {
      for (const b of members) {
        const edge = edges.get(`${a}>${b}`)!;
        const rest = withoutParts(edge.parts, common);
        if (rest.length === 0) edges.delete(`${a}>${b}`);
        else edges.set(`${a}>${b}`, { ...edge, parts: rest });
      }
    }
    notes.set(cluster, `${ids.idFor("all", cluster)}["${mermaidText(m.mermaid.everyNode(edgeLabel(common, m), named))}"]`);
  }

  // What every group of a cluster sends to (or receives from) one other end starts (or ends) at
  // the cluster's box instead: one arrow and one label where there were one per group. Two
  // passes, so a cluster's box can then gather what every group of another cluster sends it.
  const clusterIds = new IdRegistry();
  const clusterId = (cluster: string) => clusterIds.idFor("cluster", cluster);
  let aggregated = false;
  // Groups outside every named cluster (a bootstrap node, a registry) share the implicit cluster
  // "default"; beside named clusters it is no cluster, so it gets no box of its own.
  const loose = (cluster: string) => clusterNames.length > 1 && plan.groups.some((group) => group.cluster === cluster && group.clusterKind === "default" && cluster === "default");
  const multi = clusterNames.filter((cluster) => !loose(cluster) && plan.groups.filter((group) => group.cluster === cluster).length >= 2);
  for (let pass = 0; pass < 2; pass += 1) {
    for (const cluster of multi) {
      const box = clusterId(cluster);
      const members = plan.groups.filter((group) => group.cluster === cluster).map((group) => groupId(group.name));
      const inside = new Set([...members, box]);
      const others = [...new Set([...edges.values()].flatMap((edge) => [edge.from, edge.to]))].filter((id) => !inside.has(id));
      for (const other of others) {
        for (const outward of [true, false]) {
          if (liftCommon(edges, members, other, box, outward)) aggregated = true;
        }
      }
    }
  }

  // Then the same one level up: what every named cluster's box sends to (or receives from) one
  // end outside them all (a bootstrap node, a registry, a peer) starts at one box around them.
  // Only where every group of the layout outside that end sits in a named cluster with a box.
  const ALL = "clusters_all";
  const boxes = multi.map(clusterId);
  const boxedGroups = new Set(plan.groups.filter((group) => multi.includes(group.cluster)).map((group) => groupId(group.name)));
  let outer = false;
  if (boxes.length >= 2) {
    const others = [...new Set([...edges.values()].flatMap((edge) => [edge.from, edge.to]))].filter((id) => !boxes.includes(id) && !boxedGroups.has(id));
    for (const other of others) {
      for (const outward of [true, false]) {
        if (liftCommon(edges, boxes, other, ALL, outward)) outer = true;
      }
    }
  }

  const lines = ["flowchart LR"];
  const declare = (node: DiagramNode) => {
    // Document labels such as "0.0.0.0/0 (rancher-nodes table)" already print their address.
    const shown = node.cidrs.filter((cidr) => !node.label.includes(cidr));
    const label = mermaidText(shown.length > 0 ? `${node.label}: ${shown.join(", ")}` : node.label);
    if (node.shape === "group") return `${node.id}["${label}"]`;
    if (node.shape === "host") return `${node.id}(["${label}"])`;
    return `${node.id}("${label}")`;
  };
  const clusters = [...new Set(plan.groups.map((group) => group.cluster))];
  const all = [...nodes.values()];
  if (clusters.length > 1 || aggregated) {
    const declareCluster = (cluster: string, indent: string) => {
      if (loose(cluster)) {
        for (const node of all.filter((n) => n.cluster === cluster)) lines.push(`${indent}${declare(node)}`);
        return;
      }
      const kind = plan.groups.find((group) => group.cluster === cluster)!.clusterKind;
      const title = kind === cluster ? m.mermaid.cluster(cluster) : m.mermaid.clusterOfKind(cluster, kind);
      lines.push(`${indent}subgraph ${clusterId(cluster)}["${mermaidText(title)}"]`);
      if (notes.has(cluster)) lines.push(`${indent}  ${notes.get(cluster)!}`);
      for (const node of all.filter((n) => n.cluster === cluster)) lines.push(`${indent}  ${declare(node)}`);
      lines.push(`${indent}end`);
    };
    if (outer) {
      lines.push(`  subgraph ${ALL}["${mermaidText(m.mermaid.allClusters(multi.join(", ")))}"]`);
      for (const cluster of clusters.filter((c) => multi.includes(c))) declareCluster(cluster, "    ");
      lines.push("  end");
      for (const cluster of clusters.filter((c) => !multi.includes(c))) declareCluster(cluster, "  ");
    } else {
      for (const cluster of clusters) declareCluster(cluster, "  ");
    }
  } else {
    for (const note of notes.values()) lines.push(`  ${note}`);
    for (const node of all.filter((n) => n.shape === "group")) lines.push(`  ${declare(node)}`);
  }
  for (const node of all.filter((n) => n.shape !== "group")) lines.push(`  ${declare(node)}`);
  // Two ends that send each other different ports share one two-headed arrow whose label says
  // which way each part goes; two arrows between the same boxes would lay their labels on top of each other.
  const shortName = new Map<string, string>([
    ...plan.groups.map((group) => [groupId(group.name), group.name] as const),
    ...clusterNames.map((cluster) => [clusterId(cluster), cluster] as const),
    [ALL, multi.join(", ")] as const,
    ...[...nodes.values()].filter((node) => node.shape !== "group").map((node) => [node.id, node.label] as const),
  ]);
  const drawn = new Set<string>();
  for (const edge of edges.values()) {
    const key = `${edge.from}>${edge.to}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const back = edge.from === edge.to ? undefined : edges.get(`${edge.to}>${edge.from}`);
    if (!back) {
      lines.push(`  ${edge.from} -->|"${mermaidText(edgeLabel(edge.parts, m))}"| ${edge.to}`);
      continue;
    }
    drawn.add(`${edge.to}>${edge.from}`);
    const way = (from: string, to: string, parts: readonly Part[]) => `${shortName.get(from)} → ${shortName.get(to)}: ${edgeLabel(parts, m)}`;
    lines.push(`  ${edge.from} <-->|"${mermaidText(way(edge.from, edge.to, edge.parts))}<br>${mermaidText(way(edge.to, edge.from, back.parts))}"| ${edge.to}`);
  }

  lines.push("  classDef group fill:#e8f0fe,stroke:#1a56db,color:#111");
  lines.push("  classDef external fill:#f4f4f5,stroke:#71717a,color:#111");
  lines.push("  classDef world fill:#fde8e8,stroke:#c81e1e,stroke-width:3px,color:#111");
  lines.push("  classDef note fill:#fffbeb,stroke:#d97706,stroke-dasharray:4 4,color:#111");
  if (notes.size > 0) lines.push(`  class ${[...notes.values()].map((note) => note.slice(0, note.indexOf("["))).join(",")} note`);
  const byClass = (name: string, members: readonly DiagramNode[]) => {
    if (members.length > 0) lines.push(`  class ${members.map((n) => n.id).join(",")} ${name}`);
  };
  byClass("group", all.filter((n) => n.shape === "group"));
  byClass("external", all.filter((n) => n.shape !== "group" && !n.world));
  byClass("world", all.filter((n) => n.world));
  return `${lines.join("\n")}\n`;
}

type Edge = { from: string; to: string; parts: Part[] };

/**
 * Moves what every member exchanges with `other` (each way, as `outward` says) onto one edge
 * between `box` and `other`, leaving each member's edge only its own remaining parts. False
 * when some member has no such edge or the members share nothing.
 */
function liftCommon(edges: Map<string, Edge>, members: readonly string[], other: string, box: string, outward: boolean): boolean {
  const keys = members.map((member) => (outward ? `${member}>${other}` : `${other}>${member}`));
  if (keys.some((key) => !edges.has(key))) return false;
  const common = commonParts(keys.map((key) => edges.get(key)!.parts));
  if (common.length === 0) return false;
  for (const key of keys) {
    const edge = edges.get(key)!;
    const rest = withoutParts(edge.parts, common);
    if (rest.length === 0) edges.delete(key);
    else edges.set(key, { ...edge, parts: rest });
  }
  const [from, to] = outward ? [box, other] : [other, box];
  edges.set(`${from}>${to}`, { from, to, parts: [...(edges.get(`${from}>${to}`)?.parts ?? []), ...common] });
  return true;
}
