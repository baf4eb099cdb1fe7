/**
 * `kubeports preview <stack>`: run the project's Pulumi program for one stack under mocks and
 * print what `pulumi preview` would create. No Pulumi CLI, cloud or credentials.
 */
import { type Command, Option } from "commander";
import { previewStack } from "../../preview/previewStack";
import { previewJson, previewTable } from "../../preview/previewTable";
import type { CliIo } from "../io";

const FORMATS = ["table", "json"] as const;

export function registerPreviewCommand(program: Command, io: CliIo): void {
  program
    .command("preview")
    .description("run a stack's Pulumi program offline under mocks and list the resources it would create")
    .argument("<stack>", "stack name (a stacks/Pulumi.<stack>.yaml file)")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--project <dir>", "Pulumi project directory (default: the current directory)")
    .action(async (stack: string, options: { format: (typeof FORMATS)[number]; project?: string }) => {
      const preview = await previewStack(stack, options.project ?? io.cwd);
      io.stdout(options.format === "json" ? previewJson(preview) : previewTable(preview));
    });
}
