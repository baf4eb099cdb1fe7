/**
 * Section 6: CLI start-up. `node dist/components/cli/main.js --help` (the installed `kubeports`
 * binary) against bare `node -e 0`, interleaved round by round; the ratio is taken within each
 * round. Without a built dist/ (smoke runs that skip the build) the section says so.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { progress } from "../progress";
import type { Settings } from "../settings";
import { runMeasured } from "../spawnMeasured";
import { summarize, type Summary } from "../stats";
import { REPO } from "../tsxChild";

export interface CliStartup {
  readonly command: string;
  readonly nodeMs: Summary;
  readonly cliMs: Summary;
  /** CLI time / bare node's time in the same round. */
  readonly ratio: Summary;
  readonly cliPeakRssMb: Summary;
}

export async function cliStartupSection(settings: Settings): Promise<CliStartup | { readonly skipped: string }> {
  const main = path.join(REPO, "dist", "components", "cli", "main.js");
  if (!existsSync(main)) return { skipped: "dist/ is not built (npm run build)" };
  const node: number[] = [];
  const cli: number[] = [];
  const rss: number[] = [];
  for (let run = 1; run <= settings.cliRuns; run++) {
    progress(`cli start-up: round ${run}/${settings.cliRuns}`);
    node.push((await runMeasured(process.execPath, ["-e", "0"], { cwd: REPO })).wallMs);
    const measured = await runMeasured(process.execPath, [main, "--help"], { cwd: REPO });
    cli.push(measured.wallMs);
    rss.push(measured.peakRssMb);
  }
  return {
    command: "node dist/components/cli/main.js --help",
    nodeMs: summarize(node),
    cliMs: summarize(cli),
    ratio: summarize(cli.map((ms, i) => ms / node[i]!)),
    cliPeakRssMb: summarize(rss),
  };
}
