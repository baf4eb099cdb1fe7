/**
 * Child process: runs one stack's program under mocks on an unedited copy of its project and,
 * with --churn, once per churn edit, and prints the registered rules and each edit's churn.
 * Usage: node --import tsx bench/churn/stackRunsChild.ts <stack> [--churn [edit ids...]]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { previewStack } from "../../components/preview/previewStack";
import { readStack } from "../layouts/stackLayouts";
import { rulesByComponent } from "../rules/registeredRules";
import { answer, REPO } from "../tsxChild";
import { churnEdits, type RawClusterFile } from "./churnEdits";
import { diffPreviews } from "./previewDiff";
import type { EditResult, StackRun } from "./stackRun";
import { writeTempProject } from "./tempProject";

async function main(): Promise<void> {
  const [stack, flag, ...only] = process.argv.slice(2);
  if (!stack) throw new Error("usage: stackRunsChild.ts <stack> [--churn]");
  const source = readStack(REPO, stack);
  const raw = parse(readFileSync(path.resolve(REPO, source.config.clusterFile), "utf8")) as RawClusterFile;
  const root = mkdtempSync(path.join(tmpdir(), "kubeports-churn-"));
  try {
    const run = (file: RawClusterFile) => {
      // previewStack re-imports the program with a fresh query, but tsx loads it as CommonJS,
      // whose cache ignores the query: without this, later runs register nothing.
      delete require.cache[path.join(REPO, "stacks", "program.ts")];
      return previewStack(stack, writeTempProject(REPO, root, stack, file));
    };
    const base = await run(raw);
    const edits: EditResult[] = [];
    for (const edit of flag === "--churn" ? churnEdits(source, raw).filter((e) => only.length === 0 || only.includes(e.id)) : []) {
      if ("skipped" in edit) {
        edits.push({ id: edit.id, skipped: edit.skipped });
        continue;
      }
      const after = await run(edit.clusterFile);
      edits.push({ id: edit.id, description: edit.description, churn: diffPreviews(base.resources, after.resources) });
    }
    const result: StackRun = { stack, resources: base.resources.length, components: rulesByComponent(base.resources), edits };
    answer(result);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
