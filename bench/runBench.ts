/** Runs every section in turn and gathers the results. */
import type { StackRun } from "./churn/stackRun";
import { cliStartupSection } from "./cli/cliStartupSection";
import { compileSection } from "./compile/compileSection";
import { projectStacks } from "./layouts/stackLayouts";
import { loadNow, machine, versions } from "./machine";
import { previewSection } from "./preview/previewSection";
import { progress } from "./progress";
import { RESULTS_SCHEMA, type Results } from "./results";
import { ruleCountSection } from "./rules/ruleCountSection";
import type { Settings } from "./settings";
import { REPO, runChild } from "./tsxChild";
import { typecheckSection } from "./typecheck/typecheckSection";

export async function runBench(settings: Settings): Promise<Results> {
  const started = Date.now();
  const host = machine();
  const all = projectStacks(REPO);
  const stacks = settings.stacks ?? all;

  const runs: StackRun[] = [];
  for (const stack of stacks) {
    progress(`mocked runs: ${stack} (unedited, then each churn edit)`);
    runs.push((await runChild<StackRun>("churn/stackRunsChild.ts", [stack, "--churn", ...(settings.churnEdits ?? [])])).answer);
  }
  progress("rule counts: bounds, naive translations and every cloud's translator");
  const ruleCounts = ruleCountSection(all, runs);
  const compile = await compileSection(settings);
  const preview = await previewSection(stacks, settings);
  const typecheck = await typecheckSection(settings);
  const cli = await cliStartupSection(settings);

  return {
    schema: RESULTS_SCHEMA,
    mode: settings.smoke ? "smoke" : "full",
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...host, loadAtEnd: loadNow() },
    versions: versions(),
    settings,
    ruleCounts,
    churn: runs.map((run) => ({ stack: run.stack, edits: run.edits })),
    compile,
    preview,
    typecheck,
    cli,
  };
}
