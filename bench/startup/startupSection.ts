/**
 * CLI start-up: the built `kubeports` (dist/, as installed) against a bare `node -e 0` in the
 * same run. Rounds are interleaved (every command once per round, the order rotating), so load
 * from other work on the machine weighs on the baseline and the CLI alike; each command's
 * figure is the median over rounds of its time divided by that round's `node -e 0`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { progress } from "../progress";
import { duration, spread, table, times } from "../report/format";
import type { Results } from "../results";
import type { Settings } from "../settings";
import { summarize, type Summary } from "../stats";
import { REPO } from "../tsxChild";

export interface StartupTiming {
  readonly command: string;
  readonly ms: Summary;
  /** Median of (this command's time / the same round's `node -e 0`). */
  readonly ratio: number;
}

export interface StartupSection {
  readonly baselineMs: Summary;
  readonly commands: StartupTiming[];
}

const BIN = path.join(REPO, "dist", "components", "cli", "main.js");
const COMMANDS: readonly (readonly string[])[] = [["--version"], ["profiles"], ["plan", "examples/layouts/super-kubenetes.yaml", "--format", "json"], ["plan", "rancher-aws"]];

function timed(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: REPO, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

export function startupSection(settings: Settings): StartupSection {
  progress("start-up: npm run build (a no-op when dist/ is up to date)");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] });
  const runs: (readonly string[])[] = [["-e", "0"], ...COMMANDS.map((command) => [BIN, ...command])];
  const rounds = settings.smoke ? 2 : 15;
  progress(`start-up: ${runs.length} commands x ${rounds} rounds, interleaved`);
  const samples = runs.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runs.length; i++) {
      const at = (i + round) % runs.length;
      samples[at]!.push(timed(runs[at]!));
    }
  }
  const baseline = samples[0]!;
  return {
    baselineMs: summarize(baseline),
    commands: COMMANDS.map((command, i) => ({
      command: `kubeports ${command.join(" ")}`,
      ms: summarize(samples[i + 1]!),
      ratio: summarize(samples[i + 1]!.map((ms, round) => ms / baseline[round]!)).median,
    })),
  };
}

export function startupMarkdown(results: Results): string {
  const { baselineMs, commands } = results.startup;
  return [
    "## 6. CLI start-up",
    "",
    `The built CLI (\`node dist/components/cli/main.js\`, what \`npx kubeports\` runs), each command against a bare \`node -e 0\` (${spread(baselineMs, duration)}) in the same interleaved rounds. None of these commands loads a Pulumi SDK (test/cli-light.test.ts).`,
    "",
    table(["command", "wall time", "x node -e 0"], commands.map((c) => [`\`${c.command}\``, spread(c.ms, duration), times(c.ratio)])),
  ].join("\n");
}
