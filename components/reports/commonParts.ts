/**
 * What every pair of node groups in a cluster exchanges, so a picture can say it once instead
 * of on every arrow: the intersection of the parts (protocol + ports, or protocol + ICMP match)
 * over all ordered pairs, and each pair's parts minus that. Exact port arithmetic, no widening.
 */
import type { Flow } from "../model/plan";
import { intersect, subtract } from "../model/portSets";
import { compactPortRanges, type PortRange } from "../model/ports";

/** What an arrow carries: a protocol with its ports or ICMP match (a flow without its ends). */
export type Part = Pick<Flow, "protocol" | "ports" | "icmp">;

/** A part's identity apart from its ports: protocol and ICMP match. */
function kindKey(part: Part): string {
  return `${part.protocol}|${part.icmp ? `${part.icmp.type}/${part.icmp.code ?? "*"}` : ""}|${part.ports ? "ports" : "none"}`;
}

interface Bucket {
  readonly sample: Part;
  ranges: PortRange[];
}

function buckets(parts: readonly Part[]): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  for (const part of parts) {
    const key = kindKey(part);
    const bucket = out.get(key) ?? { sample: part, ranges: [] };
    if (part.ports) bucket.ranges.push(part.ports);
    out.set(key, bucket);
  }
  for (const bucket of out.values()) bucket.ranges = compactPortRanges(bucket.ranges);
  return out;
}

function toParts(map: Map<string, Bucket>): Part[] {
  return [...map.values()].flatMap((bucket): Part[] =>
    bucket.sample.ports ? bucket.ranges.map((ports) => ({ protocol: bucket.sample.protocol, ports })) : [{ protocol: bucket.sample.protocol, icmp: bucket.sample.icmp }],
  );
}

/** The parts every one of `sets` holds (empty when `sets` is empty). */
export function commonParts(sets: readonly (readonly Part[])[]): Part[] {
  if (sets.length === 0) return [];
  let common = buckets(sets[0]!);
  for (const set of sets.slice(1)) {
    const other = buckets(set);
    const next = new Map<string, Bucket>();
    for (const [key, bucket] of common) {
      const match = other.get(key);
      if (!match) continue;
      if (!bucket.sample.ports) next.set(key, bucket);
      else {
        const ranges = intersect(bucket.ranges, match.ranges);
        if (ranges.length > 0) next.set(key, { sample: bucket.sample, ranges });
      }
    }
    common = next;
  }
  return toParts(common);
}

/** `parts` without what `common` holds. */
export function withoutParts(parts: readonly Part[], common: readonly Part[]): Part[] {
  const drop = buckets(common);
  const mine = buckets(parts);
  const out = new Map<string, Bucket>();
  for (const [key, bucket] of mine) {
    const gone = drop.get(key);
    if (!gone) out.set(key, bucket);
    else if (bucket.sample.ports) {
      const ranges = subtract(bucket.ranges, gone.ranges);
      if (ranges.length > 0) out.set(key, { sample: bucket.sample, ranges });
    }
  }
  return toParts(out);
}
