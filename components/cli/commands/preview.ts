/**
 * `kubeports preview [stack]`: run a Pulumi project's program (TypeScript or JavaScript) for
 * one stack offline under mocks and print what `pulumi preview` would create. No Pulumi CLI,
 * cloud or credentials. The only command that loads Pulumi, in a child process started as
 * Pulumi's nodejs runtime starts programs (preview/previewProcess.ts).
 */
import path from "node:path";
import { type Command, Option } from "commander";
import { findProjectDir } from "../../stackFiles/stackPlanLayout";
import { KubeportsError } from "../../model/errors";
import { listStacks, readPulumiProject } from "../../preview/pulumiProject";
import { CommandExit } from "../commandExit";
import type { CliIo } from "../io";

const FORMATS = ["table", "json"] as const;
/** A program that fails is input the user fixes, like an invalid layout. */
const EXIT_PROGRAM_FAILED = 1;

interface PreviewOptions {
  readonly format: (typeof FORMATS)[number];
  readonly project?: string;
  readonly stack?: string;
}

function projectDirOf(options: PreviewOptions, cwd: string): string {
  if (options.project !== undefined) return path.resolve(cwd, options.project);
  const found = findProjectDir(cwd);
  if (!found) {
    throw new KubeportsError("No Pulumi project", [{ path: "--project", message: `no Pulumi.yaml in ${cwd} or above (run kubeports in the project, or give --project <dir>)` }]);
  }
  return found;
}

/** The positional stack, --stack, or the project's only stack. */
function stackOf(given: string | undefined, options: PreviewOptions, projectDir: string): string {
  if (given !== undefined && options.stack !== undefined && given !== options.stack) {
    throw new KubeportsError("Two stacks", [{ path: "--stack", message: `"${options.stack}" and the argument "${given}" differ (give one)` }]);
  }
  const named = given ?? options.stack;
  if (named !== undefined) return named;
  const stacks = listStacks(readPulumiProject(projectDir));
  if (stacks.length === 1) return stacks[0]!;
  throw new KubeportsError("Which stack?", [
    { path: "--stack", message: stacks.length === 0 ? "the project has no Pulumi.<stack>.yaml (create one, e.g. Pulumi.dev.yaml)" : `choose one of ${stacks.join(", ")} (--stack <name>)` },
  ]);
}

export function registerPreviewCommand(program: Command, io: CliIo): void {
  program
    .command("preview")
    .description("run a Pulumi program (TypeScript or JavaScript) for one stack offline under mocks and list the resources it would create")
    .argument("[stack]", "stack name (a Pulumi.<stack>.yaml file); same as --stack")
    .option("--stack <name>", "stack name (default: the project's only stack)")
    .option("--project <dir>", "Pulumi project directory (default: the nearest Pulumi.yaml at or above the current directory)")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .action(async (given: string | undefined, options: PreviewOptions) => {
      const projectDir = projectDirOf(options, io.cwd);
      const stack = stackOf(given, options, projectDir);
      // Loaded here, not at start-up: the other commands never need it.
      const { previewInChild, ProgramFailure } = await import("../../preview/previewProcess.js");
      const { previewJson, previewTable } = await import("../../preview/previewTable.js");
      try {
        const preview = await previewInChild(stack, projectDir, { output: io.stderr });
        io.stdout(options.format === "json" ? previewJson(preview) : previewTable(preview));
      } catch (error: unknown) {
        if (!(error instanceof ProgramFailure)) throw error;
        const shown = path.relative(io.cwd, projectDir);
        io.stderr(`kubeports: ${shown === "" ? "." : shown.startsWith("..") ? projectDir : shown}: ${error.message}\n`);
        throw new CommandExit(EXIT_PROGRAM_FAILED);
      }
    });
}
