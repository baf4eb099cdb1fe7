/**
 * The kubeports CLI as a function, so tests run it in-process. Exit codes:
 * 0 success; 1 invalid input (layout, file, --out); 2 usage error (unknown command, option or
 * format, missing argument); 3 diff --fail-on-world found a change that opens a port to the
 * internet; 4 verify found a needed flow the cloud blocks; 5 diff --steps found a step a cloud
 * would refuse; 70 internal error (a kubeports bug: the stack trace is printed).
 */
import { Command, CommanderError } from "commander";
import { KubeportsError } from "../model/errors";
import { CommandExit } from "./commandExit";
import { registerDiffCommand } from "./commands/diff";
import { registerPlanCommand } from "./commands/plan";
import { registerPreviewCommand } from "./commands/preview";
import { registerProfilesCommand } from "./commands/profiles";
import { registerVerifyCommand } from "./commands/verify";
import { formatInputError, SourcedInputError } from "./formatError";
import { packageVersion } from "./packageVersion";
import type { CliIo } from "./io";

export const EXIT = { ok: 0, input: 1, usage: 2, worldOpened: 3, blocked: 4, stepRefused: 5, internal: 70 } as const;

function program(io: CliIo): Command {
  const root = new Command("kubeports")
    .description("Turn Kubernetes vendors' port-requirement pages into cloud firewall rules.")
    .version(packageVersion(), "-V, --version", "print the kubeports version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");
  registerProfilesCommand(root, io);
  registerPlanCommand(root, io);
  registerPreviewCommand(root, io);
  registerDiffCommand(root, io);
  registerVerifyCommand(root, io);
  return root;
}

/** Runs one command line (without the node and script arguments); resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await program(io).parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommandExit) return error.code;
    if (error instanceof CommanderError) {
      // Commander has already printed the message or the help text.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof SourcedInputError) {
      io.stderr(formatInputError(error.error, error.source));
      return EXIT.input;
    }
    if (error instanceof KubeportsError) {
      io.stderr(formatInputError(error));
      return EXIT.input;
    }
    io.stderr(`kubeports: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}
