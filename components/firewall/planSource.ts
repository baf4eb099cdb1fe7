/**
 * Where a firewall component's plan comes from: a layout compiled here (with the component's
 * `peers` merged over the layout's), or a plan compiled elsewhere, which gets the one shared
 * plan check. AWS, GCP and Azure all take their plan from here, so all three refuse the same
 * inputs with the same words, under the same error subject.
 */
import { compile } from "../compiler/compile";
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import { checkPlan } from "./checkPlan";

/** The plan-source arguments every cloud component takes (peers already free of Outputs). */
export interface PlanSourceArgs {
  readonly layout?: unknown;
  readonly plan?: unknown;
  readonly peers?: Readonly<Record<string, readonly string[]>>;
}

/** The error every cloud component throws: `Invalid arguments for AwsClusterFirewall "prod"` and its issues. */
export function componentError(component: string, name: string, issues: readonly InputIssue[]): KubeportsError {
  const unique = [...new Map(issues.map((issue) => [`${issue.path}|${issue.message}`, issue])).values()];
  return new KubeportsError(componentSubject(component, name), unique);
}

export function componentSubject(component: string, name: string): string {
  return `Invalid arguments for ${component} "${name}"`;
}

/**
 * Exactly one of layout and plan; a given plan must pass checkPlan; peers cannot change a
 * finished plan; a layout is compiled, its problems returned as issues to join the others.
 */
export function planFromSource(args: PlanSourceArgs): { plan?: Plan; issues: InputIssue[] } {
  const both = args.layout !== undefined && args.plan !== undefined;
  if (args.layout === undefined && args.plan === undefined) {
    return { issues: [{ path: "args", message: "neither layout nor plan is given; give exactly one of layout (compiled here) or plan (from compile() or `kubeports plan --format json`)" }] };
  }
  const issues: InputIssue[] = both ? [{ path: "args", message: "both layout and plan are given; give exactly one of layout (compiled here) or plan (used as it is)" }] : [];
  if (args.plan !== undefined && args.peers !== undefined) {
    issues.push({ path: "args.peers", message: "peers are merged into a layout before compiling, so they cannot change a finished plan; add them to the layout, or pass the layout instead of the plan" });
  }
  if (both) return { issues };
  if (args.plan !== undefined) {
    issues.push(...checkPlan(args.plan));
    return issues.length > 0 ? { issues } : { plan: args.plan as Plan, issues };
  }
  const layout = args.layout;
  const merged = args.peers && typeof layout === "object" && layout !== null
    ? { ...layout, peers: { ...((layout as { peers?: object }).peers ?? {}), ...args.peers } }
    : layout;
  try {
    return { plan: compile(merged), issues: [] };
  } catch (error) {
    if (error instanceof KubeportsError) return { issues: [...error.issues] };
    throw error;
  }
}
