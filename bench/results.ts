/** The shape of results.json: every figure of one run, in a fixed order. */
import type { StackRun } from "./churn/stackRun";
import type { CompileWorkload, Growth } from "./compile/compileSection";
import type { Machine, Versions } from "./machine";
import type { PreviewTiming } from "./preview/previewSection";
import type { CrossCloudCount, StackRuleCount } from "./rules/ruleCountSection";
import type { Settings } from "./settings";
import type { StartupSection } from "./startup/startupSection";
import type { TypecheckSection } from "./typecheck/typecheckSection";

export const RESULTS_SCHEMA = "kubeports.bench/v1";

export interface Results {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly mode: "full" | "smoke";
  readonly date: string;
  readonly durationSeconds: number;
  readonly machine: Machine & { readonly loadAtEnd: number };
  readonly versions: Versions;
  readonly settings: Settings;
  readonly ruleCounts: { readonly stacks: StackRuleCount[]; readonly crossCloud: CrossCloudCount[] };
  readonly churn: { readonly stack: string; readonly edits: StackRun["edits"] }[];
  readonly compile: { readonly catalog: CompileWorkload; readonly synthetic: CompileWorkload[]; readonly growth: Growth[] };
  readonly preview: PreviewTiming[];
  readonly typecheck: TypecheckSection;
  readonly startup: StartupSection;
}
