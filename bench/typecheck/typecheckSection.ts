/**
 * Section 5: what a consumer's `tsc --noEmit` costs when it uses one cloud subpath of the built
 * package (`kubeports/aws`, ...), against the floor for that cloud: the same project importing
 * only @pulumi/pulumi and that cloud's SDK. Runs interleave (floor, then kubeports, per cloud,
 * per round); the ratio is taken within each round.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Cloud } from "../layouts/stackLayouts";
import { progress } from "../progress";
import type { Settings } from "../settings";
import { runMeasured } from "../spawnMeasured";
import { summarize, type Summary } from "../stats";
import { REPO } from "../tsxChild";
import { compilers } from "./compilers";
import { CONSUMER_TEXT, writeConsumerProject, type Consumer } from "./consumerProject";

export interface TypecheckTiming {
  readonly consumer: Consumer;
  readonly program: string;
  /** Files the compiler read (its --extendedDiagnostics "Files"). */
  readonly files: number;
  readonly ms: Summary;
  readonly peakRssMb: Summary;
}

export interface TypecheckCloud {
  readonly cloud: Cloud;
  readonly floor: TypecheckTiming;
  readonly kubeports: TypecheckTiming;
  /** kubeports' time / the floor's time in the same round. */
  readonly timeRatio: Summary;
  readonly extraFiles: number;
}

export interface TypecheckSection {
  readonly compiler: string;
  readonly skipLibCheck: true;
  readonly clouds: TypecheckCloud[];
  /** What was left out, and why. */
  readonly skipped: string[];
}

/** The package's declarations: `npm run build` in full runs; smoke uses an existing dist/ or skips. */
function built(settings: Settings): string | undefined {
  if (settings.build) {
    progress("typecheck: npm run build (dist/ declarations)");
    const result = spawnSync("npm", ["run", "build"], { cwd: REPO, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`.slice(-3000));
  }
  return existsSync(path.join(REPO, "dist", "components", "aws", "index.d.ts")) ? undefined : "dist/ is not built (npm run build)";
}

export async function typecheckSection(settings: Settings): Promise<TypecheckSection> {
  const tsc = compilers()[0]!;
  if (settings.typecheckClouds.length === 0) return { compiler: `${tsc.label} ${tsc.version ?? "?"}`, skipLibCheck: true, clouds: [], skipped: ["this run type-checks no cloud (smoke)"] };
  const missing = built(settings);
  const kinds = missing ? (["floor"] as const) : (["floor", "kubeports"] as const);
  const root = mkdtempSync(path.join(tmpdir(), "kubeports-consumers-"));
  try {
    const consumers = settings.typecheckClouds.flatMap((cloud) => kinds.map((kind): Consumer => `${cloud}-${kind}`));
    const dirs = new Map(consumers.map((consumer) => [consumer, writeConsumerProject(root, consumer)]));
    const samples = new Map(consumers.map((consumer) => [consumer, { ms: [] as number[], rss: [] as number[], files: 0 }]));
    for (let run = 1; run <= settings.typecheckRuns; run++) {
      for (const consumer of consumers) {
        progress(`typecheck: ${consumer} run ${run}/${settings.typecheckRuns}`);
        const result = await runMeasured(tsc.tsc, ["-p", dirs.get(consumer)!, "--extendedDiagnostics"]);
        const entry = samples.get(consumer)!;
        entry.ms.push(result.wallMs);
        entry.rss.push(result.peakRssMb);
        entry.files = Number(/Files:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
      }
    }
    const timing = (consumer: Consumer): TypecheckTiming => {
      const entry = samples.get(consumer)!;
      return { consumer, program: CONSUMER_TEXT[consumer], files: entry.files, ms: summarize(entry.ms), peakRssMb: summarize(entry.rss) };
    };
    const clouds = missing
      ? []
      : settings.typecheckClouds.map((cloud): TypecheckCloud => {
          const floor = samples.get(`${cloud}-floor`)!;
          const ours = samples.get(`${cloud}-kubeports`)!;
          return {
            cloud,
            floor: timing(`${cloud}-floor`),
            kubeports: timing(`${cloud}-kubeports`),
            timeRatio: summarize(ours.ms.map((ms, i) => ms / floor.ms[i]!)),
            extraFiles: ours.files - floor.files,
          };
        });
    const floorsOnly = missing ? settings.typecheckClouds.map((cloud) => timing(`${cloud}-floor`)) : [];
    return {
      compiler: `${tsc.label} ${tsc.version ?? "?"}`,
      skipLibCheck: true,
      clouds,
      skipped: missing ? [`kubeports consumers: ${missing}; floors measured: ${floorsOnly.map((t) => `${t.consumer} ${Math.round(t.ms.median)} ms, ${t.files} files`).join(", ")}`] : [],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
