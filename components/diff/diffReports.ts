/** The diff reports by format name: what `kubeports diff --format` chooses from. */
import type { Lang } from "../i18n/lang";
import { diffJson } from "./diffJson";
import { diffMarkdown } from "./diffMarkdown";
import { diffMermaid } from "./diffMermaid";
import type { PlanDiff } from "./planDiff";

export const DIFF_REPORTS = {
  markdown: diffMarkdown,
  json: diffJson,
  mermaid: diffMermaid,
} as const satisfies Readonly<Record<string, (diff: PlanDiff, lang?: Lang) => string>>;

export type DiffFormat = keyof typeof DIFF_REPORTS;

export const DIFF_FORMATS = Object.keys(DIFF_REPORTS) as DiffFormat[];
