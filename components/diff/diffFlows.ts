/**
 * One group's flows in one direction, before against after, as added, removed and changed
 * flows. Matching goes from the most to the least certain:
 * 1. the same flow key on both sides (unchanged, or changed only in its reasons);
 * 2. the same peer, protocol and ICMP match with overlapping port ranges (a range widened,
 *    narrowed or split: one change holding every flow the overlap chains together);
 * 3. the same ports and protocol to a CIDR that shares a peer name (the peer's CIDR changed).
 * Whatever is left is added or removed.
 */
import { compareFlows } from "../compiler/mergeFlows";
import type { Flow, FlowPeer, Reason } from "../model/plan";
import type { ChangeAspect, Direction, FlowChange } from "./planDiff";

function peerId(peer: FlowPeer): string {
  switch (peer.kind) {
    case "group":
      return `group:${peer.group}`;
    case "cidr":
      return `cidr:${peer.cidr}`;
    case "host":
      return `host:${peer.host}`;
  }
}

function matchKey(flow: Flow): string {
  return `${peerId(flow.peer)}|${flow.protocol}|${flow.icmp ? `${flow.icmp.type}/${flow.icmp.code ?? "any"}` : ""}`;
}

/** A row is known by its profile, id, description and document; documentRow only restates where it sits. */
function reasonsKey(reasons: readonly Reason[]): string {
  return JSON.stringify(reasons.map((r) => [r.profile, r.row, r.description, r.document]));
}

const isWorld = (flow: Flow) => flow.peer.kind === "cidr" && flow.peer.world;

/** True when `flow` (a world flow) was already allowed from the same world CIDR by a `before` flow. */
function alreadyOpen(flow: Flow, before: readonly Flow[]): boolean {
  return before.some((b) => {
    if (b.peer.kind !== "cidr" || flow.peer.kind !== "cidr" || !b.peer.world || b.peer.cidr !== flow.peer.cidr) return false;
    if (b.protocol === "all") return true;
    if (b.protocol !== flow.protocol) return false;
    if (flow.ports) return b.ports !== undefined && b.ports.from <= flow.ports.from && flow.ports.to <= b.ports.to;
    // ICMP: a rule without a type match covers every type.
    return !b.icmp || (flow.icmp !== undefined && b.icmp.type === flow.icmp.type && b.icmp.code === flow.icmp.code);
  });
}

function change(direction: Direction, kind: FlowChange["change"], aspects: ChangeAspect[], before: Flow[], after: Flow[]): FlowChange {
  const protocol = (after[0] ?? before[0])!.protocol;
  const opensToWorld = direction === "ingress" && after.some((flow) => isWorld(flow) && !alreadyOpen(flow, before));
  return { change: kind, direction, protocol, aspects, before: before.sort(compareFlows), after: after.sort(compareFlows), opensToWorld };
}

/** Chains of overlapping port ranges across both sides of one (peer, protocol) bucket. */
function overlapChains(before: readonly Flow[], after: readonly Flow[]): { before: Flow[]; after: Flow[] }[] {
  const items = [...before.map((flow) => ({ flow, side: "before" as const })), ...after.map((flow) => ({ flow, side: "after" as const }))];
  // Flows without ports in one bucket share their key, so step 1 matched them already.
  items.sort((a, b) => (a.flow.ports?.from ?? 0) - (b.flow.ports?.from ?? 0) || (a.flow.ports?.to ?? 0) - (b.flow.ports?.to ?? 0));
  const chains: { before: Flow[]; after: Flow[] }[] = [];
  let reach = -1;
  for (const { flow, side } of items) {
    const from = flow.ports?.from ?? 0;
    const to = flow.ports?.to ?? 0;
    if (chains.length === 0 || from > reach) chains.push({ before: [], after: [] });
    chains[chains.length - 1]![side].push(flow);
    reach = Math.max(from > reach ? -1 : reach, to);
  }
  return chains;
}

function sharesPeerName(a: Flow, b: Flow): boolean {
  if (a.peer.kind !== "cidr" || b.peer.kind !== "cidr" || a.peer.family !== b.peer.family) return false;
  const names = new Set(a.peer.peers);
  return b.peer.peers.some((name) => names.has(name));
}

function samePorts(a: Flow, b: Flow): boolean {
  return (
    a.protocol === b.protocol &&
    a.ports?.from === b.ports?.from &&
    a.ports?.to === b.ports?.to &&
    a.icmp?.type === b.icmp?.type &&
    a.icmp?.code === b.icmp?.code
  );
}

export function diffFlows(direction: Direction, before: readonly Flow[], after: readonly Flow[]): FlowChange[] {
  const changes: FlowChange[] = [];
  const afterByKey = new Map(after.map((flow) => [flow.key, flow]));
  const beforeKeys = new Set(before.map((flow) => flow.key));
  const leftBefore: Flow[] = [];
  for (const flow of before) {
    const twin = afterByKey.get(flow.key);
    if (!twin) leftBefore.push(flow);
    else if (reasonsKey(flow.reasons) !== reasonsKey(twin.reasons)) changes.push(change(direction, "changed", ["reasons"], [flow], [twin]));
  }
  const leftAfter = after.filter((flow) => !beforeKeys.has(flow.key));

  const buckets = new Map<string, { before: Flow[]; after: Flow[] }>();
  const bucket = (flow: Flow) => {
    const key = matchKey(flow);
    const entry = buckets.get(key) ?? { before: [], after: [] };
    buckets.set(key, entry);
    return entry;
  };
  for (const flow of leftBefore) bucket(flow).before.push(flow);
  for (const flow of leftAfter) bucket(flow).after.push(flow);

  const added: Flow[] = [];
  const removed: Flow[] = [];
  for (const entry of buckets.values()) {
    for (const chain of overlapChains(entry.before, entry.after)) {
      if (chain.before.length > 0 && chain.after.length > 0) changes.push(change(direction, "changed", ["ports"], chain.before, chain.after));
      else {
        removed.push(...chain.before);
        added.push(...chain.after);
      }
    }
  }

  added.sort(compareFlows);
  for (const flow of [...removed].sort(compareFlows)) {
    const index = added.findIndex((candidate) => samePorts(flow, candidate) && sharesPeerName(flow, candidate));
    if (index < 0) {
      changes.push(change(direction, "removed", [], [flow], []));
    } else {
      changes.push(change(direction, "changed", ["peer"], [flow], [added[index]!]));
      added.splice(index, 1);
    }
  }
  for (const flow of added) changes.push(change(direction, "added", [], [], [flow]));
  return changes.sort((a, b) => compareFlows((a.after[0] ?? a.before[0])!, (b.after[0] ?? b.before[0])!) || a.change.localeCompare(b.change));
}
