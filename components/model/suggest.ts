import { closest, distance } from "fastest-levenshtein";

/** `(known: a, b, c; did you mean "b"?)` for an unknown name; the hint only for near misses. */
export function knownList(value: string, known: readonly string[]): string {
  const sorted = [...known].sort();
  const list = `known: ${sorted.join(", ") || "none"}`;
  if (sorted.length === 0) return `(${list})`;
  const best = closest(value, sorted);
  const near = distance(value.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3));
  return near ? `(${list}; did you mean "${best}"?)` : `(${list})`;
}
