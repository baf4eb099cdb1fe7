/**
 * Child process: one offline preview of a stack, as `kubeports preview <stack>` runs it.
 * Prints how long previewStack took (loading the program's cloud SDKs included), how many
 * resources it recorded, and the process's own peak RSS.
 * Usage: node --import tsx bench/preview/previewOnce.ts <stack>
 */
import { previewStack } from "../../components/preview/previewStack";
import { answer, REPO } from "../tsxChild";

async function main(): Promise<void> {
  const stack = process.argv[2];
  if (!stack) throw new Error("usage: previewOnce.ts <stack>");
  const started = performance.now();
  const preview = await previewStack(stack, REPO);
  const ms = performance.now() - started;
  answer({ stack, ms, resources: preview.resources.length, selfPeakRssMb: process.resourceUsage().maxRSS / 1024 });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
