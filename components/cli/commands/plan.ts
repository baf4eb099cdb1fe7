/** `kubeports plan <layout>`: compile a layout (a file or a stack) and print (or write) one report of the plan. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { type Lang, LANGS, messagesFor } from "../../i18n/lang";
import { KubeportsError } from "../../model/errors";
import { PLAN_FORMATS, PLAN_REPORTS, type PlanFormat } from "../../reports/planReports";
import { compileSource } from "../compileSource";
import type { CliIo } from "../io";

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
    .argument("<layout>", "layout file (.yaml, .yml or .json) or stack name (rancher-aws)")
    .addOption(new Option("--format <format>", "report format").choices(PLAN_FORMATS).default("markdown"))
    .addOption(new Option("--lang <lang>", "language of the report's headings and fixed text").choices(LANGS).default("en"))
    .option("--out <file>", "write the report to this file instead of standard output")
    .action((argument: string, options: { format: PlanFormat; lang: Lang; out?: string }) => {
      const text = PLAN_REPORTS[options.format](compileSource(argument, io.cwd), options.lang);
      if (options.out === undefined) {
        io.stdout(text);
      } else {
        writeReport(options.out, text, io.cwd);
        io.stderr(messagesFor(options.lang).cli.wrote(options.format, options.out));
      }
    });
}
