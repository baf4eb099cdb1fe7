/**
 * A stack's layout as its program builds it: the stack's config (Pulumi.<stack>.yaml with the
 * project's defaults) and cluster file, through the same functions stacks/program.ts calls.
 */
import path from "node:path";
import type { Layout } from "../../components/model/layout";
import { listStacks, readPulumiProject, readStackConfig as readRawConfig } from "../../components/preview/pulumiProject";
import { readClusterFile, type ClusterFile } from "../../components/stackFiles/clusterFile";
import { readStackConfig, type StackConfig } from "../../components/stackFiles/stackConfig";
import { stackLayout } from "../../components/stackFiles/stackLayout";

export type Cloud = StackConfig["cloud"];
export const CLOUDS: readonly Cloud[] = ["aws", "gcp", "azure"];

export interface StackSource {
  readonly stack: string;
  readonly config: StackConfig;
  readonly cluster: ClusterFile;
}

export function projectStacks(projectDir: string): string[] {
  return listStacks(readPulumiProject(projectDir));
}

export function readStack(projectDir: string, stack: string): StackSource {
  const project = readPulumiProject(projectDir);
  const raw = readRawConfig(project, stack);
  const config = readStackConfig((key) => {
    const value = raw[`${project.name}:${key}`];
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, project.name);
  return { stack, config, cluster: readClusterFile(path.resolve(projectDir, config.clusterFile)) };
}

/** The layout the stack's program compiles; `cloud` builds it as if the stack ran there (load-balancer health checks differ). */
export function layoutOf(source: StackSource, cloud: Cloud = source.config.cloud): Layout {
  return stackLayout(source.cluster, { ...source.config, cloud });
}
