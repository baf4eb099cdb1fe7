/**
 * Exact packing of one node group's flows into rules that list several sources (GCP source
 * tags, service accounts or ranges; Azure source ASGs or prefixes). Pure, cloud-neutral.
 *
 * Each protocol's ports are cut into pieces at every boundary of any source's ranges; a piece
 * goes to the rule of exactly the set of sources that want it. A rule is therefore "these
 * sources x these protocols and ports", and a source receives through all rules that list it
 * exactly the union of what it wanted: never more, never less.
 *
 * Why one rule per source set (and not also several targets per rule): a rule's identity is
 * (its group, its source set), independent of its ports. Adding a port p for one source s
 * moves p from the rule of the sources that wanted it before (S) to the rule of S + {s}: at most
 * two rules change what they let through (a rule's description lists the rows behind its flows,
 * and the plan merges a new port with a touching range of another row into one flow, so a third
 * rule's description can gain that row). Packing targets too would make one port edit move pieces between up to
 * four rules (and several more when a source list is chunked), so a review of a one-port change
 * would show unrelated rules changing.
 */
import { MAX_PORT, MIN_PORT, compactPortRanges, type PortRange } from "../model/ports";

/** One (source, protocol, ports) a group must accept; no ports = every port of the protocol. */
export interface WantedEntry {
  readonly source: string;
  readonly protocol: string;
  readonly ports?: PortRange;
}

export interface PackedEntry {
  readonly protocol: string;
  /** Undefined: every port (or a protocol without ports). */
  readonly ports?: readonly PortRange[];
}

export interface PackedRule {
  /** Sorted, unique. */
  readonly sources: readonly string[];
  /** In the order protocols first appear in the input. */
  readonly entries: readonly PackedEntry[];
}

const EVERY: PortRange = { from: MIN_PORT, to: MAX_PORT };

/**
 * Packs entries into one rule per distinct source set (sorted by the set's text). Protocols
 * whose entries never carry ports stay port-less; a port-less entry of a ported protocol
 * means every port.
 */
export function packBySourceSet(wanted: readonly WantedEntry[]): PackedRule[] {
  const byProtocol = new Map<string, { ported: boolean; perSource: Map<string, PortRange[]> }>();
  for (const entry of wanted) {
    const protocol = byProtocol.get(entry.protocol) ?? { ported: false, perSource: new Map<string, PortRange[]>() };
    if (entry.ports) protocol.ported = true;
    const list = protocol.perSource.get(entry.source) ?? [];
    list.push(entry.ports ?? EVERY);
    protocol.perSource.set(entry.source, list);
    byProtocol.set(entry.protocol, protocol);
  }

  const rules = new Map<string, { sources: string[]; entries: Map<string, PortRange[]> }>();
  const give = (sources: string[], protocol: string, range: PortRange) => {
    const key = sources.join("\n");
    const rule = rules.get(key) ?? { sources, entries: new Map<string, PortRange[]>() };
    rule.entries.set(protocol, [...(rule.entries.get(protocol) ?? []), range]);
    rules.set(key, rule);
  };

  for (const [protocol, { perSource }] of byProtocol) {
    for (const piece of pieces(perSource)) give(piece.sources, protocol, piece.range);
  }

  const ported = (protocol: string) => byProtocol.get(protocol)!.ported;
  return [...rules.values()]
    .map(({ sources, entries }) => ({
      sources,
      entries: [...entries].map(([protocol, ranges]): PackedEntry => {
        const compact = compactPortRanges(ranges);
        const every = compact.length === 1 && compact[0]!.from === EVERY.from && compact[0]!.to === EVERY.to;
        return !ported(protocol) || every ? { protocol } : { protocol, ports: compact };
      }),
    }))
    .sort((a, b) => compareText(a.sources.join("\n"), b.sources.join("\n")));
}

/** Elementary port pieces with the sorted set of sources that want each (a sweep over boundaries). */
function pieces(perSource: ReadonlyMap<string, readonly PortRange[]>): { sources: string[]; range: PortRange }[] {
  const events: { at: number; source: string; delta: 1 | -1 }[] = [];
  for (const [source, ranges] of perSource) {
    for (const range of compactPortRanges(ranges)) {
      events.push({ at: range.from, source, delta: 1 }, { at: range.to + 1, source, delta: -1 });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const open = new Set<string>();
  const out: { sources: string[]; range: PortRange }[] = [];
  for (let i = 0; i < events.length; ) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) {
      if (events[i]!.delta === 1) open.add(events[i]!.source);
      else open.delete(events[i]!.source);
    }
    if (open.size > 0 && i < events.length) out.push({ sources: [...open].sort(compareText), range: { from: at, to: events[i]!.at - 1 } });
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a sorted source list into lists of at most `size` (a cloud's per-rule limit). */
export function chunkSources(sources: readonly string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < sources.length; i += size) chunks.push(sources.slice(i, i + size));
  return chunks;
}
