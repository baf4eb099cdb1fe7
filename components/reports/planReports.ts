/**
 * The plan reports by format name: what `kubeports plan --format` and other callers choose
 * from. JSON is data and has no language; the others render their fixed phrases in `lang`.
 */
import type { Lang } from "../i18n/lang";
import type { Plan } from "../model/plan";
import { planJson } from "./planJson";
import { planMarkdown } from "./planMarkdown";
import { planMermaid } from "./planMermaid";

export const PLAN_REPORTS = {
  markdown: planMarkdown,
  json: planJson,
  mermaid: planMermaid,
} as const satisfies Readonly<Record<string, (plan: Plan, lang?: Lang) => string>>;

export type PlanFormat = keyof typeof PLAN_REPORTS;

export const PLAN_FORMATS = Object.keys(PLAN_REPORTS) as PlanFormat[];
