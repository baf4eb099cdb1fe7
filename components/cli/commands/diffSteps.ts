/**
 * `kubeports diff --steps`: the engine replay of the change. Stacks are previewed offline (the
 * base side with the base revision's own program, so a kubeports upgrade is replayed too);
 * layout files are translated for `--cloud`. Pulumi loads only here, lazily, so the other diff
 * paths stay free of it. Exit EXIT_STEP_REFUSED when a cloud would refuse a step.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { KubeportsError } from "../../model/errors";
import type { Plan } from "../../model/plan";
import type { ReplayResource, ReplayResult } from "../../replay/replay";
import type { StepCloud } from "../../replay/stepClouds";
import { findProjectDir } from "../../stackFiles/stackPlanLayout";
import { listStacks, readPulumiProject } from "../../preview/pulumiProject";

/** Loaded on first use: these paths load Pulumi, the rest of diff does not. */
const lazy = {
  preview: () => import("../../preview/previewStack.js"),
  revisionTree: () => import("../../diff/revisionTree.js"),
  layoutResources: () => import("../../replay/layoutResources.js"),
  replay: () => import("../../replay/replay.js"),
};

/** Exit code of diff --steps when the cloud would refuse a step of the update. */
export const EXIT_STEP_REFUSED = 5;

export interface StepSide {
  /** The argument: a layout file or a stack name. */
  readonly argument: string;
  /** Git revision of this side, if any. */
  readonly rev?: string;
  readonly plan: Plan | undefined;
}

async function previewed(stack: string, projectDir: string): Promise<ReplayResource[]> {
  const { previewStack } = await lazy.preview();
  return (await previewStack(stack, projectDir)).resources;
}

async function sideResources(side: StepSide, cwd: string, cloud: StepCloud | undefined): Promise<ReplayResource[]> {
  const isFile = existsSync(path.resolve(cwd, side.argument));
  if (!isFile) {
    const projectDir = findProjectDir(cwd)!;
    if (side.rev === undefined) return previewed(side.argument, projectDir);
    const { withRevisionTree } = await lazy.revisionTree();
    // A stack that did not exist at the base revision: everything is a create.
    const existed = (dir: string) => existsSync(path.join(dir, "Pulumi.yaml")) && listStacks(readPulumiProject(dir)).includes(side.argument);
    return withRevisionTree(projectDir, side.rev, async (dir: string) => (existed(dir) ? previewed(side.argument, dir) : []));
  }
  if (cloud === undefined) {
    throw new KubeportsError("diff --steps needs a cloud for layout files", [{ path: "--cloud", message: `${side.argument} is a layout file, which names no cloud; add --cloud aws, --cloud azure or --cloud gcp` }]);
  }
  if (!side.plan) return [];
  const { cloudResources } = await lazy.layoutResources();
  return cloudResources(cloud, side.plan, side.plan.layout);
}

export async function diffSteps(before: StepSide, after: StepSide, cwd: string, cloud: StepCloud | undefined): Promise<ReplayResult> {
  // One preview at a time: Pulumi's runtime state is process-wide.
  const old = await sideResources(before, cwd, cloud);
  const now = await sideResources(after, cwd, cloud);
  const { replay } = await lazy.replay();
  return replay(old, now);
}
