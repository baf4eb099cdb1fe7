/** Number formatting and Markdown tables for RESULTS.md. */
import type { Summary } from "../stats";

export function duration(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function megabytes(mb: number): string {
  return `${mb >= 100 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

export function times(factor: number): string {
  return `${factor.toFixed(2)}x`;
}

/** "median (min-max, n runs)". */
export function spread(summary: Summary, unit: (value: number) => string): string {
  if (summary.runs === 1) return `${unit(summary.median)} (1 run)`;
  return `${unit(summary.median)} (${unit(summary.min)} to ${unit(summary.max)}, ${summary.runs} runs)`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
