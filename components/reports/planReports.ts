/**
 * The plan reports by format name: what `kubeports plan --format` and other callers choose
 * from. JSON is data and has no language; the others render their fixed phrases in `lang`.
 */
import type { Lang } from "../i18n/lang";
import type { Plan } from "../model/plan";
import { planJson } from "./planJson";
import { planMarkdown } from "./planMarkdown";
import { planMermaid } from "./planMermaid";

/** Format name -> the function that renders a plan in it. */
export const PLAN_REPORTS = {
  /** Markdown tables for review. */
  markdown: planMarkdown,
  /** JSON data (no language). */
  json: planJson,
  /** A Mermaid diagram. */
  mermaid: planMermaid,
} as const satisfies Readonly<Record<string, (plan: Plan, lang?: Lang) => string>>;

/** A plan report format name. */
export type PlanFormat = keyof typeof PLAN_REPORTS;

/** Every plan report format name. */
export const PLAN_FORMATS = Object.keys(PLAN_REPORTS) as PlanFormat[];
