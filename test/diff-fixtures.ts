/**
 * What the diff tests share: the project's real stacks, edited copies of their cluster files
 * in scratch directories, scratch Pulumi projects and git repositories, and the CLI run
 * in-process.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { run } from "../components/cli/run";
import { compile } from "../components/compiler/compile";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import type { Plan } from "../components/model/plan";

export const ROOT = path.resolve(__dirname, "..");
export const STACKS = ["apinizer-aws", "dce5-azure", "rancher-aws", "super-kubenetes-gcp"] as const;
export type StackName = (typeof STACKS)[number];

export function scratch(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `kubeports-${prefix}-`));
}

/** The stack's cluster file as a plain object (layout, machines, loadBalancers). */
export function readCluster(stack: StackName): Record<string, any> {
  return parseYaml(readFileSync(path.join(ROOT, "stacks/clusters", `${stack}.yaml`), "utf8")) as Record<string, any>;
}

/** A copy of the stack's cluster file with `edit` applied, written to a scratch directory; returns its path. */
export function editedCluster(stack: StackName, edit: (cluster: Record<string, any>) => void): string {
  const cluster = readCluster(stack);
  edit(cluster);
  const file = path.join(scratch("cluster"), `${stack}.yaml`);
  writeFileSync(file, stringifyYaml(cluster));
  return file;
}

/** The stack's plan as its Pulumi program would compile it, with config overridden by full key. */
export function stackPlan(stack: StackName, overrides: Record<string, string> = {}): Plan {
  return compile(stackPlanLayout(ROOT, stack, overrides).layout);
}

export async function cli(argv: readonly string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * A scratch Pulumi project (this project's Pulumi.yaml) whose stacks each use the given cluster
 * file, copied in as stacks/clusters/<stack>.yaml, with `config` added to the stack file.
 */
export function scratchProject(stacks: Record<string, { cluster: string; cloud?: string; config?: Record<string, unknown> }>, dir = scratch("project")): string {
  copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  mkdirSync(path.join(dir, "stacks/clusters"), { recursive: true });
  for (const [name, stack] of Object.entries(stacks)) {
    copyFileSync(stack.cluster, path.join(dir, "stacks/clusters", `${name}.yaml`));
    const config = { "kubeports:cloud": stack.cloud ?? "gcp", "kubeports:clusterFile": `stacks/clusters/${name}.yaml`, ...stack.config };
    writeFileSync(path.join(dir, "stacks", `Pulumi.${name}.yaml`), stringifyYaml({ config }));
  }
  return dir;
}

/** Runs git in `dir` with a fixed identity, so commits work on machines without git config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=kubeports test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
