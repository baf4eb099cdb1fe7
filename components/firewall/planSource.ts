/**
 * Where a firewall component's plan comes from: a layout compiled here (with the component's
 * `peers` merged over the layout's), or a plan compiled elsewhere. Shared by the GCP and Azure
 * components so both check and word it the same way.
 */
import { compile } from "../compiler/compile";
import type { InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import { PLAN_SCHEMA, type Plan } from "../model/plan";

export interface PlanSourceArgs {
  readonly layout?: Layout;
  readonly plan?: Plan;
  readonly peers?: Record<string, string[]>;
}

/** Exactly one of layout and plan; a plan must be one; peers cannot change a finished plan. */
export function planSourceIssues(args: PlanSourceArgs): InputIssue[] {
  if (args.layout !== undefined && args.plan !== undefined) return [{ path: "args", message: "both layout and plan are given; give one (a layout is compiled here, a plan is used as it is)" }];
  if (args.layout === undefined && args.plan === undefined) return [{ path: "args", message: "neither layout nor plan is given; give a layout (compiled here) or a plan from compile()" }];
  const issues: InputIssue[] = [];
  if (args.plan !== undefined) {
    const plan = args.plan as { schema?: unknown; groups?: unknown };
    if (plan.schema !== PLAN_SCHEMA || !Array.isArray(plan.groups)) {
      issues.push({ path: "args.plan", message: `not a kubeports plan (schema ${JSON.stringify(plan.schema)}; expected "${PLAN_SCHEMA}"); pass the output of compile() or \`kubeports plan --format json\`` });
    }
    if (args.peers !== undefined) issues.push({ path: "args.peers", message: "peers are merged into a layout before compiling, so they cannot change a finished plan; add them to the layout, or pass the layout instead of the plan" });
  }
  return issues;
}

/** The given plan, or the layout compiled with `peers` replacing its peers of the same name. Call after planSourceIssues is empty. */
export function resolvePlan(args: PlanSourceArgs): Plan {
  return args.plan ?? compile(args.peers ? { ...args.layout, peers: { ...(args.layout?.peers ?? {}), ...args.peers } } : args.layout);
}
