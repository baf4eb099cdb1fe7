/**
 * `kubeports verify <stack|layout>`: every flow the cluster needs (the plan's vendor rows plus
 * the connectivity model), evaluated against cloud resources the way the cloud evaluates them:
 * a stack's offline preview, a layout translated for --cloud, or (--against) a firewall exported
 * with the cloud's CLI. Exit 0 when every flow passes, 4 when any is blocked.
 */
import { type Command, Option } from "commander";
import { KubeportsError } from "../../model/errors";
import type { Plan } from "../../model/plan";
import { CLOUDS, type Cloud, type CloudFirewall, type Machine } from "../../verify/cloudFirewall";
import { ExportInputError, readCloudExport } from "../../verify/cloudExport";
import { cloudOf, firewallFor } from "../../verify/firewallFor";
import { machinesByGroup } from "../../verify/machineGroups";
import { modelFlows } from "../../verify/modelFlows";
import { neededFlows } from "../../verify/neededFlows";
import { translatedResources } from "../../verify/translatedResources";
import { verifyJson, verifyMarkdown } from "../../verify/verifyReports";
import { verifyPlan } from "../../verify/verifyPlan";
import { wideGrants } from "../../verify/wideGrants";
import { CommandExit } from "../commandExit";
import { compileLayoutSource } from "../compileSource";
import type { CliIo } from "../io";
import { layoutFileResolver, resolveLayout } from "../resolveLayout";

const FORMATS = ["markdown", "json"] as const;
/** Exit code when a needed flow is blocked (README, run.ts EXIT.blocked). */
export const EXIT_BLOCKED = 4;

interface VerifyOptions {
  cloud?: Cloud;
  format: (typeof FORMATS)[number];
  against?: string;
  project?: string;
  allowIpInIpAsAnyProtocol?: boolean;
  rulesPerGroupQuota?: string;
}

function usage(message: string): never {
  throw new KubeportsError("Invalid verify command", [{ path: "verify", message }]);
}

async function stackFirewall(stack: string, projectDir: string, cloud: Cloud | undefined): Promise<CloudFirewall> {
  // Only a stack run loads Pulumi: the pure commands stay free of @pulumi/* modules.
  const { previewStack } = await import("../../preview/previewStack.js");
  const preview = await previewStack(stack, projectDir);
  const found = cloudOf(preview.resources);
  if (!found) usage(`stack ${stack} creates no resources of one cloud to evaluate`);
  if (cloud && cloud !== found) usage(`--cloud ${cloud} was given, but stack ${stack} builds ${found} resources (leave --cloud out, or use --against for another cloud's firewall)`);
  return firewallFor(found, preview.resources);
}

/** Same shape as the other input errors, but one line: the export file and what was expected. */
function againstFirewall(plan: Plan, file: string, cwd: string, cloud: Cloud | undefined): CloudFirewall {
  const exported = readCloudExport(file, cwd, cloud);
  const firewall = firewallFor(exported.cloud, exported.resources, exported.groups);
  try {
    machinesByGroup(plan, firewall.machines, file);
  } catch (error) {
    if (error instanceof KubeportsError) throw new ExportInputError(file, `${error.issues.map((i) => i.message).join("; ")} (map machines to node groups with a groups.json, see README "kubeports verify")`);
    throw error;
  }
  return firewall;
}

/** A layout file: what the --cloud component would create, with the component args the flags give. */
function layoutFirewall(plan: Plan, argument: string, options: VerifyOptions, io: CliIo): CloudFirewall {
  if (!options.cloud) {
    io.stderr(`kubeports: verify ${argument}: a layout file needs --cloud (${CLOUDS.join(", ")}) to know which cloud's resources to build\n`);
    throw new CommandExit(2);
  }
  const quota = options.rulesPerGroupQuota === undefined ? undefined : Number(options.rulesPerGroupQuota);
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 1)) {
    io.stderr(`kubeports: --rules-per-group-quota: "${options.rulesPerGroupQuota}" is not a whole number of rules (AWS's default quota is 60)\n`);
    throw new CommandExit(2);
  }
  const choices = { allowIpInIpAsAnyProtocol: options.allowIpInIpAsAnyProtocol === true, ...(quota === undefined ? {} : { rulesPerGroupQuota: quota }) };
  return firewallFor(options.cloud, translatedResources(plan, options.cloud, choices));
}

export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command("verify")
    .description("check that the cloud lets through every flow the cluster needs (vendor rows plus the connectivity model)")
    .argument("<layout>", "stack name (rancher-aws) or layout file (.yaml, .yml or .json)")
    .addOption(new Option("--cloud <cloud>", "cloud to translate a layout file for (or of the --against export)").choices(CLOUDS))
    .addOption(new Option("--format <format>", "report format").choices(FORMATS).default("markdown"))
    .option("--against <path>", "audit a firewall exported with the cloud's CLI (a directory or JSON object of exports) instead of what kubeports builds")
    .option("--project <dir>", "Pulumi project directory for a stack (default: the current directory)")
    .option("--allow-ip-in-ip-as-any-protocol", "layout on Azure: the component's allowIpInIpAsAnyProtocol (IP-in-IP opened as protocol *)")
    .option("--rules-per-group-quota <n>", "layout on AWS: the component's rulesPerGroupQuota (a raised rules-per-security-group quota)")
    .action(async (argument: string, options: VerifyOptions) => {
      const source = resolveLayout(argument, io.cwd);
      const isFile = layoutFileResolver.resolve(argument, io.cwd) !== undefined;
      const plan = compileLayoutSource(source);
      let firewall: CloudFirewall;
      let where: string;
      try {
        if (options.against !== undefined) {
          firewall = againstFirewall(plan, options.against, io.cwd, options.cloud);
          where = `${options.against} (${firewall.cloud} export)`;
        } else if (!isFile) {
          firewall = await stackFirewall(argument, options.project ?? io.cwd, options.cloud);
          where = `stack ${argument} (offline preview)`;
        } else {
          firewall = layoutFirewall(plan, argument, options, io);
          where = `${source.label} (${firewall.cloud} translation)`;
        }
      } catch (error) {
        if (error instanceof ExportInputError) {
          io.stderr(`kubeports: ${error.message}\n`);
          throw new CommandExit(1);
        }
        throw error;
      }
      const model = modelFlows(plan);
      const result = verifyPlan(plan, firewall, where, model);
      let wide: ReturnType<typeof wideGrants> = [];
      if (options.against !== undefined) {
        const groupOf = new Map<Machine, string>();
        for (const [group, machines] of machinesByGroup(plan, firewall.machines, where)) for (const m of machines) groupOf.set(m, group);
        wide = wideGrants(firewall.grants, neededFlows(plan, model), groupOf);
      }
      io.stdout(options.format === "json" ? verifyJson(result, wide) : verifyMarkdown(result, wide));
      if (result.blocked > 0) throw new CommandExit(EXIT_BLOCKED);
    });
}
