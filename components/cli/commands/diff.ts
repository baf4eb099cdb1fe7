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

/** Exit code of --fail-on-world when a change opens a port to 0.0.0.0/0 or ::/0. */
export const EXIT_WORLD_OPENED = 3;

interface DiffOptions {
  readonly base?: string;
  readonly format: DiffFormat;
  readonly lang: Lang;
  readonly failOnWorld?: boolean;
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
    .action(function (this: Command, first: string, second: string | undefined, options: DiffOptions) {
      const m = messagesFor(options.lang);
      if (options.base !== undefined && second !== undefined) this.error(`error: ${m.cli.diffBaseWithTwo(options.base)}`);
      if (options.base === undefined && second === undefined) this.error(`error: ${m.cli.diffNeedsTwo}`);

      const after = current(second ?? first, io.cwd);
      const before = options.base !== undefined ? atRevision(first, io.cwd, options.base) : current(first, io.cwd);
      const diff = diffPlans(before, after);
      io.stdout(DIFF_REPORTS[options.format](diff, options.lang));
      if (!diff.changed && options.format !== "markdown") io.stderr(m.cli.noChanges);
      if (options.failOnWorld && diff.summary.opensToWorld > 0) {
        io.stderr(m.cli.worldOpened(diff.summary.opensToWorld));
        throw new CommandExit(EXIT_WORLD_OPENED);
      }
    });
}
