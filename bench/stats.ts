/** Summaries of repeated measurements: median, min, max over every run. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many runs the summary covers. */
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** How much `to` grows over `from` when the size grows `sizeRatio` times, scaled to a 10x step. */
export function growthPer10x(from: number, to: number, sizeRatio: number): number {
  return (to / from) ** (1 / Math.log10(sizeRatio));
}
