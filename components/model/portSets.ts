/**
 * Exact set arithmetic on port-range lists: AWS decides with it which ports a prefix list can
 * carry for all of a peer's CIDRs, Azure which ports a class of node groups shares. Inputs may
 * be any lists; outputs are compacted (sorted, non-overlapping, non-touching).
 */
import { compactPortRanges, type PortRange } from "./ports";

export const union = compactPortRanges;

export function intersect(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  const left = union(a);
  const right = union(b);
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i]!;
    const y = right[j]!;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from <= to) out.push({ from, to });
    if (x.to < y.to) i++;
    else j++;
  }
  return union(out);
}

export function subtract(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  const cuts = union(b);
  for (const range of union(a)) {
    let from = range.from;
    for (const cut of cuts) {
      if (cut.to < from || cut.from > range.to) continue;
      if (cut.from > from) out.push({ from, to: cut.from - 1 });
      from = cut.to + 1;
      if (from > range.to) break;
    }
    if (from <= range.to) out.push({ from, to: range.to });
  }
  return union(out);
}

export function overlaps(a: PortRange, b: PortRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}
