/**
 * The project as it was at a git revision, unpacked into a scratch directory (git archive) with
 * this checkout's node_modules linked in, so the base's own Pulumi program and components run:
 * what `kubeports diff --steps --base` previews for the "before" side.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { KubeportsError } from "../model/errors";
import { openRevision } from "./gitRevision";

export async function withRevisionTree<T>(projectDir: string, rev: string, body: (dir: string) => Promise<T>): Promise<T> {
  openRevision(projectDir, rev); // checks the repository and the revision, with its usual errors
  const dir = mkdtempSync(path.join(tmpdir(), "kubeports-tree-"));
  try {
    const tar = path.join(dir, "tree.tar");
    execFileSync("git", ["archive", "--format=tar", "-o", tar, `${rev}:./`], { cwd: projectDir, stdio: ["ignore", "ignore", "pipe"] });
    execFileSync("tar", ["-xf", tar, "-C", dir], { stdio: ["ignore", "ignore", "pipe"] });
    const modules = path.join(projectDir, "node_modules");
    if (!existsSync(modules)) throw new KubeportsError(`Cannot run the project at "${rev}"`, [{ path: "--steps", message: `${modules} does not exist; run npm ci first` }]);
    symlinkSync(modules, path.join(dir, "node_modules"), "dir");
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
