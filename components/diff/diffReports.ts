/** The diff reports by format name: what `kubeports diff --format` chooses from. */
import type { Lang } from "../i18n/lang";
import { diffJson } from "./diffJson";
import { diffMarkdown } from "./diffMarkdown";
import { diffMermaid } from "./diffMermaid";
import type { PlanDiff } from "./planDiff";

/** Format name -> the function that renders a diff in it. */
export const DIFF_REPORTS = {
  /** Markdown tables for review. */
  markdown: diffMarkdown,
  /** JSON data (no language). */
  json: diffJson,
  /** A Mermaid diagram. */
  mermaid: diffMermaid,
} as const satisfies Readonly<Record<string, (diff: PlanDiff, lang?: Lang) => string>>;

/** A diff report format name. */
export type DiffFormat = keyof typeof DIFF_REPORTS;

/** Every diff report format name. */
export const DIFF_FORMATS = Object.keys(DIFF_REPORTS) as DiffFormat[];
