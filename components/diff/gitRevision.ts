/**
 * Files as they were at a git revision, read with `git show <rev>:./<path>` (the path taken
 * relative to the directory git runs in). Errors name --base, the revision and the fix.
 */
import { execFileSync } from "node:child_process";
import { KubeportsError } from "../model/errors";

function git(cwd: string, args: readonly string[]): { ok: true; out: string } | { ok: false; error: string } {
  try {
    return { ok: true, out: execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 }) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") return { ok: false, error: "git is not installed or not on PATH" };
    return { ok: false, error: (e.stderr ?? e.message).trim().split("\n")[0] ?? "" };
  }
}

function fail(rev: string, message: string): never {
  throw new KubeportsError(`Cannot read the base revision "${rev}"`, [{ path: "--base", message }]);
}

export interface GitRevision {
  readonly rev: string;
  /** True when `file` (relative to the directory the revision was opened in) exists at the revision. */
  has(file: string): boolean;
  read(file: string): string;
}

/** Opens `rev` in the repository holding `cwd`; throws when there is no repository or no such revision. */
export function openRevision(cwd: string, rev: string): GitRevision {
  const inside = git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok) fail(rev, `${cwd} is not inside a git repository (${inside.error}); run kubeports diff --base in a git checkout, or compare two files or stacks`);
  // `--end-of-options` keeps a revision such as "--output=x" from being read as an option.
  const commit = git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (!commit.ok || commit.out.trim() === "") {
    fail(rev, `unknown revision "${rev}" (give a commit, branch or tag git knows, such as HEAD~1 or origin/main; in CI fetch history with actions/checkout fetch-depth: 0)`);
  }
  const spec = (file: string) => `${commit.out.trim()}:./${file.split("\\").join("/")}`;
  return {
    rev,
    has: (file) => git(cwd, ["cat-file", "-e", spec(file)]).ok,
    read: (file) => {
      const shown = git(cwd, ["show", spec(file)]);
      if (!shown.ok) fail(rev, `cannot read ${file} at ${rev}: ${shown.error}`);
      return shown.out;
    },
  };
}
