/**
 * A stack name -> the layout its firewall compiles, exactly as the Pulumi program builds it:
 * the stack's config (Pulumi.<stack>.yaml over Pulumi.yaml's defaults), validated by the
 * stack's own schema, then its cluster file with that config applied. No Pulumi engine runs.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Layout } from "../model/layout";
import { listStacks, readPulumiProject, readStackConfig as readConfigMap } from "../preview/pulumiProject";
import { readClusterFile } from "./clusterFile";
import { configValue, readStackConfig } from "./stackConfig";
import { stackLayout } from "./stackLayout";

/** The config namespace stacks/program.ts reads (`new pulumi.Config("kubeports")`). */
const NAMESPACE = "kubeports";

export interface StackPlanLayout {
  readonly stack: string;
  readonly layout: Layout;
  /** Project-relative paths of every file the layout came from: Pulumi.yaml, the stack file, the cluster file. */
  readonly files: readonly string[];
}

/** The nearest directory at or above `cwd` holding a Pulumi.yaml, or undefined. */
export function findProjectDir(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** True when `stack` names a stack file of the project in `projectDir`. */
export function isStack(projectDir: string, stack: string): boolean {
  return listStacks(readPulumiProject(projectDir)).includes(stack);
}

/**
 * `configOverrides` replaces stack config values by their full key (`kubeports:clusterFile`),
 * as `pulumi config set` would, values written the way Pulumi hands them over (JSON for lists).
 */
export function stackPlanLayout(projectDir: string, stack: string, configOverrides: Readonly<Record<string, string>> = {}): StackPlanLayout {
  const project = readPulumiProject(projectDir);
  const map = { ...readConfigMap(project, stack), ...configOverrides };
  const config = readStackConfig((key) => configValue(map[`${NAMESPACE}:${key}`]), NAMESPACE);
  const cluster = readClusterFile(path.resolve(projectDir, config.clusterFile));
  const stackFile = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
  return {
    stack,
    layout: stackLayout(cluster, config),
    files: ["Pulumi.yaml", path.normalize(stackFile), path.normalize(config.clusterFile)].map((file) => file.split(path.sep).join("/")),
  };
}
