/** An inclusive port range; a single port has `from === to`. */
/** An inclusive range of ports. */
export interface PortRange {
  /** First port (1-65535). */
  readonly from: number;
  /** Last port, at least `from`. */
  readonly to: number;
}

/** Lowest port a rule can name. */
export const MIN_PORT = 1;
/** Highest port a rule can name. */
export const MAX_PORT = 65535;

/** "6443" or "30000-32767". */
export function formatPortRange(range: PortRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
}

export function comparePortRanges(a: PortRange, b: PortRange): number {
  return a.from - b.from || a.to - b.to;
}

/**
 * Parses the port notation used in profiles and layout files: "22", "2379-2380", or a list
 * of those. Throws with the offending text; callers add the field name.
 */
export function parsePortSpec(spec: string | readonly string[]): PortRange[] {
  const parts = typeof spec === "string" ? spec.split(",") : spec;
  return parts.map((raw) => {
    const text = raw.trim();
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text);
    if (!match) throw new Error(`"${text}" is not a port or port range (use "443" or "30000-32767")`);
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < MIN_PORT || to > MAX_PORT || from > to) {
      throw new Error(`"${text}" is outside ${MIN_PORT}-${MAX_PORT} or runs backwards`);
    }
    return { from, to };
  });
}

/**
 * Merges ranges that overlap or touch (2379-2380 and 2381 become 2379-2381) and nothing
 * else: the set of allowed ports is exactly the union of the inputs, never widened.
 * Output is sorted and minimal.
 */
export function compactPortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort(comparePortRanges);
  const merged: PortRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) {
      if (range.to > last.to) merged[merged.length - 1] = { from: last.from, to: range.to };
    } else {
      merged.push({ from: range.from, to: range.to });
    }
  }
  return merged;
}
