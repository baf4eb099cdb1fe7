/**
 * `kubeports diff <before> <after>` and `kubeports diff <layout-or-stack> --base <rev>`: compile
 * both sides and report the firewall change. Each side is a layout file or a stack name,
 * resolved like `plan`'s argument; with --base the same file or stack is read from git.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { diffPlans } from "../../diff/diffPlans";
import { DIFF_FORMATS, DIFF_REPORTS, type DiffFormat } from "../../diff/diffReports";
import { layoutFileAtRevision, stackAtRevision } from "../../diff/revisionLayout";
import { findProjectDir } from "../../stackFiles/stackPlanLayout";
import { type Lang, LANGS, messagesFor } from "../../i18n/lang";
import type { Plan } from "../../model/plan";
import { CommandExit } from "../commandExit";
import { compileLayoutSource } from "../compileSource";
import type { CliIo } from "../io";
import { resolveLayout } from "../resolveLayout";
import { STEP_CLOUDS, type StepCloud } from "../../replay/stepClouds";
import { stepsJson, stepsMarkdown } from "../../replay/stepsReport";
import { diffSteps, EXIT_STEP_REFUSED } from "./diffSteps";

/** Exit code of --fail-on-world when a change opens a port to 0.0.0.0/0 or ::/0. */
export const EXIT_WORLD_OPENED = 3;

interface DiffOptions {
  readonly base?: string;
  readonly format: DiffFormat;
  readonly lang: Lang;
  readonly failOnWorld?: boolean;
  readonly steps?: boolean;
  readonly cloud?: StepCloud;
}

interface Side {
  readonly label: string;
  readonly plan: Plan | undefined;
}

function current(argument: string, cwd: string): Side {
  return { label: argument, plan: compileLayoutSource(resolveLayout(argument, cwd)) };
}

/** The argument as it was at `rev`: a file if it is a file now, otherwise a stack. No plan if it did not exist then. */
function atRevision(argument: string, cwd: string, rev: string): Side {
  if (existsSync(path.resolve(cwd, argument))) {
    const source = layoutFileAtRevision(argument, cwd, rev);
    return { label: source?.label ?? `${rev}:${path.relative(cwd, path.resolve(cwd, argument))}`, plan: source && compileLayoutSource(source) };
  }
  // resolveLayout has just accepted the argument as a stack, so the project exists.
  const source = stackAtRevision(argument, findProjectDir(cwd)!, rev);
  return { label: source?.label ?? `${argument}@${rev}`, plan: source && compileLayoutSource(source) };
}

export function registerDiffCommand(program: Command, io: CliIo): void {
  program
    .command("diff")
    .description("compare the firewall of two layouts or stacks, or of one against a git revision (--base)")
    .argument("<before>", "layout file or stack name; with --base, the layout or stack to compare with its past self")
    .argument("[after]", "layout file or stack name to compare <before> with")
    .option("--base <rev>", "compare <before> with the same file or stack at this git revision (HEAD~1, origin/main)")
    .addOption(new Option("--format <format>", "report format").choices(DIFF_FORMATS).default("markdown"))
    .addOption(new Option("--lang <lang>", "language of the report's headings and fixed text").choices(LANGS).default("en"))
    .option("--fail-on-world", `exit with code ${EXIT_WORLD_OPENED} when a change opens a port to 0.0.0.0/0 or ::/0`)
    .option("--steps", `also replay what \`pulumi up\` would run (create, update, replace, delete per resource); exit ${EXIT_STEP_REFUSED} when a cloud would refuse a step`)
    .addOption(new Option("--cloud <cloud>", "with --steps and layout files: the cloud to translate for").choices(STEP_CLOUDS))
    .action(async function (this: Command, first: string, second: string | undefined, options: DiffOptions) {
      const m = messagesFor(options.lang);
      if (options.base !== undefined && second !== undefined) this.error(`error: ${m.cli.diffBaseWithTwo(options.base)}`);
      if (options.base === undefined && second === undefined) this.error(`error: ${m.cli.diffNeedsTwo}`);

      const after = current(second ?? first, io.cwd);
      const before = options.base !== undefined ? atRevision(first, io.cwd, options.base) : current(first, io.cwd);
      const diff = diffPlans(before, after);
      const steps = options.steps
        ? await diffSteps({ argument: first, ...(options.base !== undefined ? { rev: options.base } : {}), plan: before.plan }, { argument: second ?? first, plan: after.plan }, io.cwd, options.cloud)
        : undefined;
      const report = DIFF_REPORTS[options.format](diff, options.lang);
      if (!steps) io.stdout(report);
      else if (options.format === "json") io.stdout(`${JSON.stringify({ ...(JSON.parse(report) as object), replay: stepsJson(steps) }, null, 2)}\n`);
      else if (options.format === "markdown") io.stdout(`${report}\n${stepsMarkdown(steps)}`);
      else io.stdout(report);
      if (!diff.changed && options.format !== "markdown") io.stderr(m.cli.noChanges);
      if (options.failOnWorld && diff.summary.opensToWorld > 0) {
        io.stderr(m.cli.worldOpened(diff.summary.opensToWorld));
        throw new CommandExit(EXIT_WORLD_OPENED);
      }
      if (steps?.conflict) {
        io.stderr(`kubeports diff: ${steps.conflict.message}\n`);
        throw new CommandExit(EXIT_STEP_REFUSED);
      }
    });
}
