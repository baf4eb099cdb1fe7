/** Section 4: offline preview wall time and peak memory per stack, one fresh process per run. */
import { progress } from "../progress";
import type { Settings } from "../settings";
import { summarize, type Summary } from "../stats";
import { runChild } from "../tsxChild";

interface ChildAnswer {
  readonly ms: number;
  readonly resources: number;
}

export interface PreviewTiming {
  readonly stack: string;
  readonly resources: number;
  /** The whole process: Node and tsx start-up, loading the program and its SDKs, the run. */
  readonly processMs: Summary;
  /** previewStack alone, inside the process (the program's imports included). */
  readonly previewMs: Summary;
  readonly peakRssMb: Summary;
}

export async function previewSection(stacks: readonly string[], settings: Settings): Promise<PreviewTiming[]> {
  const samples = new Map(stacks.map((stack) => [stack, { processMs: [] as number[], previewMs: [] as number[], rss: [] as number[], resources: 0 }]));
  // Runs interleave across stacks, so a slow moment of the machine does not hit one stack only.
  for (let run = 1; run <= settings.previewRuns; run++) {
    for (const stack of stacks) {
      progress(`preview: ${stack} run ${run}/${settings.previewRuns}`);
      const result = await runChild<ChildAnswer>("preview/previewOnce.ts", [stack]);
      const entry = samples.get(stack)!;
      entry.processMs.push(result.wallMs);
      entry.previewMs.push(result.answer.ms);
      entry.rss.push(result.peakRssMb);
      entry.resources = result.answer.resources;
    }
  }
  return stacks.map((stack) => {
    const entry = samples.get(stack)!;
    return { stack, resources: entry.resources, processMs: summarize(entry.processMs), previewMs: summarize(entry.previewMs), peakRssMb: summarize(entry.rss) };
  });
}
