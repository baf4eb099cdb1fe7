/**
 * A layout file or a stack as it was at a git revision. The files the current tree would
 * read (the layout file; or Pulumi.yaml, the stack file and the cluster file it names) are
 * copied out of git into a scratch directory with the same relative paths and read by the
 * same loaders, so both sides of a diff are built by one code path. Messages name
 * `<rev>:<path>`, git's own spelling, instead of the scratch directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadLayoutFile } from "../layout/loadLayoutFile";
import { KubeportsError } from "../model/errors";
import { readPulumiProject, readStackConfig as readConfigMap } from "../preview/pulumiProject";
import type { LayoutSource } from "../layout/loadLayoutFile";
import { openRevision, type GitRevision } from "./gitRevision";
import { stackPlanLayout } from "../stackFiles/stackPlanLayout";

/** The layout at the revision, or undefined when the file or stack did not exist there yet. */
export type RevisionLayout = LayoutSource | undefined;

/** Runs `body` in a scratch directory; `shown(dir)` says what its paths are called in messages. */
function withScratch<T>(body: (dir: string) => T, shown: (dir: string) => readonly (readonly [string, string])[]): T {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeports-base-"));
  try {
    return body(dir);
  } catch (error) {
    if (!(error instanceof KubeportsError)) throw error;
    const rename = (text: string) => shown(dir).reduce((out, [from, to]) => out.split(from).join(to), text);
    const subject = rename(error.message.split("\n", 1)[0]!.replace(/:$/, ""));
    throw new KubeportsError(subject, error.issues.map((issue) => ({ path: rename(issue.path), message: rename(issue.message) })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function copyOut(revision: GitRevision, file: string, dir: string): void {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, revision.read(file), "utf8");
}

/** `file` (relative to `cwd`) at `rev`, read from the repository that holds the file. */
export function layoutFileAtRevision(file: string, cwd: string, rev: string): RevisionLayout {
  const absolute = path.resolve(cwd, file);
  const name = path.basename(absolute);
  const revision = openRevision(path.dirname(absolute), rev);
  if (!revision.has(name)) return undefined;
  const label = `${rev}:${path.relative(cwd, absolute)}`;
  return withScratch(
    (dir) => {
      copyOut(revision, name, dir);
      const loaded = loadLayoutFile(path.join(dir, name));
      return { label, value: loaded.value, locate: loaded.locate };
    },
    (dir) => [[path.join(dir, name), label]],
  );
}

/** Stack `stack` of the project in `projectDir`, with the project, stack and cluster files at `rev`. */
export function stackAtRevision(stack: string, projectDir: string, rev: string): RevisionLayout {
  const revision = openRevision(projectDir, rev);
  if (!revision.has("Pulumi.yaml")) return undefined;
  return withScratch((dir) => {
    copyOut(revision, "Pulumi.yaml", dir);
    const project = readPulumiProject(dir);
    const stackFile = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    if (!revision.has(stackFile)) return undefined;
    copyOut(revision, stackFile, dir);
    const clusterFile = readConfigMap(project, stack)["kubeports:clusterFile"];
    // A missing cluster file is left for stackPlanLayout to report with its usual message.
    if (clusterFile !== undefined && revision.has(clusterFile)) copyOut(revision, clusterFile, dir);
    const { layout } = stackPlanLayout(dir, stack);
    return { label: `${stack}@${rev}`, value: layout, locate: () => undefined };
  }, (dir) => [[`${dir}${path.sep}`, `${rev}:`], [dir, `${rev}:.`]]);
}
