/** `kubeports plan <layout>`: compile a layout and print (or write) one report of the plan. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { compile } from "../../compiler/compile";
import { KubeportsError } from "../../model/errors";
import type { Plan } from "../../model/plan";
import { PLAN_FORMATS, PLAN_REPORTS, type PlanFormat } from "../../reports/planReports";
import { SourcedInputError } from "../formatError";
import type { CliIo } from "../io";
import { resolveLayout } from "../resolveLayout";

function compileSource(argument: string, cwd: string): Plan {
  const source = resolveLayout(argument, cwd);
  try {
    return compile(source.value);
  } catch (error) {
    if (error instanceof KubeportsError) throw new SourcedInputError(error, source);
    throw error;
  }
}

function writeReport(file: string, text: string, cwd: string): void {
  const target = path.resolve(cwd, file);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text, "utf8");
  } catch (error) {
    throw new KubeportsError("Cannot write the report", [
      { path: "--out", message: `cannot write "${file}": ${(error as Error).message} (choose a writable path)` },
    ]);
  }
}

export function registerPlanCommand(program: Command, io: CliIo): void {
  program
    .command("plan")
    .description("compile a layout into firewall flows and print a report of them")
    .argument("<layout>", "layout file (.yaml, .yml or .json)")
    .addOption(new Option("--format <format>", "report format").choices(PLAN_FORMATS).default("markdown"))
    .option("--out <file>", "write the report to this file instead of standard output")
    .action((argument: string, options: { format: PlanFormat; out?: string }) => {
      const text = PLAN_REPORTS[options.format](compileSource(argument, io.cwd));
      if (options.out === undefined) {
        io.stdout(text);
      } else {
        writeReport(options.out, text, io.cwd);
        io.stderr(`kubeports: wrote ${options.format} report to ${options.out}\n`);
      }
    });
}
