/**
 * `npm run bench`: measures kubeports and writes bench/RESULTS.md and bench/results.json.
 * `npm run bench -- --smoke`: every section once, small, into a temp directory (never
 * bench/RESULTS.md). `--out <dir>` writes elsewhere. Progress goes to stderr.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { progress } from "./progress";
import { resultsMarkdown } from "./report/resultsMarkdown";
import { runBench } from "./runBench";
import { FULL, SMOKE } from "./settings";
import { REPO } from "./tsxChild";

function outputDir(args: readonly string[], smoke: boolean): string {
  const at = args.indexOf("--out");
  const given = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !given) throw new Error("--out needs a directory");
  const dir = given ? path.resolve(given) : smoke ? mkdtempSync(path.join(tmpdir(), "kubeports-bench-smoke-")) : path.join(REPO, "bench");
  if (smoke && dir === path.join(REPO, "bench")) throw new Error("--smoke never writes bench/RESULTS.md; give another --out directory");
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg, i) => arg !== "--smoke" && arg !== "--out" && args[i - 1] !== "--out");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (use --smoke and --out <dir>)`);
  const smoke = args.includes("--smoke");
  const dir = outputDir(args, smoke);
  const results = await runBench(smoke ? SMOKE : FULL);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(dir, "RESULTS.md"), resultsMarkdown(results));
  progress(`wrote ${path.join(dir, "RESULTS.md")} and results.json`);
  process.stdout.write(`${dir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
