/**
 * Section 5: what a consumer's `tsc --noEmit` costs, for three programs and both compilers,
 * each program in its own temp project (see consumerProject.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { progress } from "../progress";
import type { Settings } from "../settings";
import { runMeasured } from "../spawnMeasured";
import { summarize, type Summary } from "../stats";
import { compilers, type Compiler } from "./compilers";
import { CONSUMER_TEXT, writeConsumerProject, type Consumer } from "./consumerProject";

export interface TypecheckTiming {
  readonly consumer: Consumer;
  readonly program: string;
  readonly compiler: string;
  readonly version: string;
  /** Files the compiler read (its --extendedDiagnostics "Files"). */
  readonly files: number;
  readonly ms: Summary;
  readonly peakRssMb: Summary;
}

export interface TypecheckSection {
  readonly skipLibCheck: true;
  readonly timings: TypecheckTiming[];
  /** Compilers left out, and why. */
  readonly skipped: string[];
}

function chosen(settings: Settings): { use: (Compiler & { version: string })[]; skipped: string[] } {
  const all = compilers();
  const installed = all.filter((c): c is Compiler & { version: string } => c.version !== undefined);
  const skipped = all.filter((c) => c.version === undefined).map((c) => `${c.label}: not installed (npm ci --prefix bench/tools)`);
  if (!settings.fastestCompilerOnly) return { use: installed, skipped };
  const fastest = installed.find((c) => c.label === "TypeScript 7") ?? installed[0];
  return { use: fastest ? [fastest] : [], skipped: [...skipped, ...installed.filter((c) => c !== fastest).map((c) => `${c.label}: smoke runs one compiler`)] };
}

export async function typecheckSection(settings: Settings): Promise<TypecheckSection> {
  const { use, skipped } = chosen(settings);
  const root = mkdtempSync(path.join(tmpdir(), "kubeports-consumers-"));
  try {
    const dirs = new Map(settings.consumers.map((consumer) => [consumer, writeConsumerProject(root, consumer)]));
    const samples = new Map<string, { ms: number[]; rss: number[]; files: number }>();
    for (let run = 1; run <= settings.typecheckRuns; run++) {
      for (const consumer of settings.consumers) {
        for (const compiler of use) {
          progress(`typecheck: ${consumer} with ${compiler.label} run ${run}/${settings.typecheckRuns}`);
          const result = await runMeasured(compiler.tsc, ["-p", dirs.get(consumer)!, "--extendedDiagnostics"]);
          const key = `${consumer}|${compiler.label}`;
          const entry = samples.get(key) ?? { ms: [], rss: [], files: 0 };
          entry.ms.push(result.wallMs);
          entry.rss.push(result.peakRssMb);
          entry.files = Number(/Files:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
          samples.set(key, entry);
        }
      }
    }
    const timings = settings.consumers.flatMap((consumer) =>
      use.map((compiler): TypecheckTiming => {
        const entry = samples.get(`${consumer}|${compiler.label}`)!;
        return { consumer, program: CONSUMER_TEXT[consumer], compiler: compiler.label, version: compiler.version, files: entry.files, ms: summarize(entry.ms), peakRssMb: summarize(entry.rss) };
      }),
    );
    return { skipLibCheck: true, timings, skipped };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
