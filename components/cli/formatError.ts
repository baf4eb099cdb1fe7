/**
 * What the CLI prints for invalid input: the KubeportsError's "path: message" lines, each
 * followed by the file position it points at when the layout came from a file. No stack trace:
 * the user's input is wrong, not kubeports.
 */
import type { KubeportsError } from "../model/errors";
import type { LayoutSource } from "./resolveLayout";

export function formatInputError(error: KubeportsError, source?: LayoutSource): string {
  // KubeportsError's message starts with its subject line ("Invalid layout "x":").
  const subject = error.message.split("\n", 1)[0] ?? "Invalid input:";
  const lines = [`kubeports: ${source ? `${source.label}: ` : ""}${subject}`];
  for (const issue of error.issues) {
    lines.push(`  - ${issue.path}: ${issue.message}`);
    const position = source?.locate(issue.path);
    if (position && source) lines.push(`    at ${source.label}:${position.line}:${position.column}`);
  }
  return `${lines.join("\n")}\n`;
}

/** An input error already tied to where the input came from; run() prints it as is. */
export class SourcedInputError extends Error {
  constructor(
    readonly error: KubeportsError,
    readonly source: LayoutSource,
  ) {
    super(error.message);
    this.name = "SourcedInputError";
  }
}
