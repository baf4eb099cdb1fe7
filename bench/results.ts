/** The shape of results.json: every figure of one run, in a fixed order. */
import type { StackRun } from "./churn/stackRun";
import type { CliStartup } from "./cli/cliStartupSection";
import type { CompileSection } from "./compile/compileSection";
import type { Machine, Versions } from "./machine";
import type { PreviewSection } from "./preview/previewSection";
import type { CrossCloudCount, StackRuleCount } from "./rules/ruleCountSection";
import type { Settings } from "./settings";
import type { TypecheckSection } from "./typecheck/typecheckSection";

export const RESULTS_SCHEMA = "kubeports.bench/v2";

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
  readonly compile: CompileSection;
  readonly preview: PreviewSection;
  readonly typecheck: TypecheckSection;
  readonly cli: CliStartup | { readonly skipped: string };
}
