/**
 * Section 4: offline preview per stack, one fresh process per run. Each round runs the
 * reference (a process that starts the same way and does nothing) and then every stack, so a
 * busy moment of the machine falls on a whole round; ratios are taken within each round.
 */
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
  /** Process time / the reference process's time in the same round. */
  readonly perReference: Summary;
  /** previewStack alone, inside the process (the program's imports included). */
  readonly previewMs: Summary;
  readonly peakRssMb: Summary;
}

export interface PreviewSection {
  /** The reference process (node --import tsx bench/preview/referenceChild.ts). */
  readonly referenceMs: Summary;
  readonly stacks: PreviewTiming[];
}

export async function previewSection(stacks: readonly string[], settings: Settings): Promise<PreviewSection> {
  const reference: number[] = [];
  const samples = new Map(stacks.map((stack) => [stack, { processMs: [] as number[], previewMs: [] as number[], rss: [] as number[], resources: 0 }]));
  for (let run = 1; run <= settings.previewRuns; run++) {
    progress(`preview: round ${run}/${settings.previewRuns} (reference, ${stacks.join(", ")})`);
    reference.push((await runChild<ChildAnswer>("preview/referenceChild.ts", [])).wallMs);
    for (const stack of stacks) {
      const result = await runChild<ChildAnswer>("preview/previewOnce.ts", [stack]);
      const entry = samples.get(stack)!;
      entry.processMs.push(result.wallMs);
      entry.previewMs.push(result.answer.ms);
      entry.rss.push(result.peakRssMb);
      entry.resources = result.answer.resources;
    }
  }
  return {
    referenceMs: summarize(reference),
    stacks: stacks.map((stack) => {
      const entry = samples.get(stack)!;
      return {
        stack,
        resources: entry.resources,
        processMs: summarize(entry.processMs),
        perReference: summarize(entry.processMs.map((ms, i) => ms / reference[i]!)),
        previewMs: summarize(entry.previewMs),
        peakRssMb: summarize(entry.rss),
      };
    }),
  };
}
