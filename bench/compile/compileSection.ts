/**
 * Section 3: compile time and memory. The whole catalog in every documented option value, and
 * synthetic layouts of growing size, each workload in a fresh process.
 */
import { progress } from "../progress";
import type { Settings } from "../settings";
import { growthPer10x, summarize, type Summary } from "../stats";
import { runChild } from "../tsxChild";

interface ChildAnswer {
  readonly workload: string;
  readonly layouts: number;
  readonly groups: number;
  readonly flows: number;
  readonly ms: number[];
  readonly baselineRssMb: number;
  readonly peakRssMb: number;
  readonly retainedHeapMb: number;
}

export interface CompileWorkload {
  readonly workload: string;
  readonly layouts: number;
  readonly groups: number;
  /** Plan flows of one run. */
  readonly flows: number;
  readonly ms: Summary;
  /** Peak RSS of the process minus its RSS once loaded and warmed up: the compile's working memory. */
  readonly peakAboveBaselineMb: number;
  readonly peakRssMb: number;
  /** Heap the plans of one run keep alive (after GC). */
  readonly retainedHeapMb: number;
}

export interface Growth {
  readonly from: number;
  readonly to: number;
  /** Factor per 10x more groups, for the median time, the working memory and the retained heap. */
  readonly time: number;
  readonly workingMemory: number;
  readonly retainedHeap: number;
}

async function measure(workload: string, runs: number): Promise<CompileWorkload> {
  progress(`compile: ${workload} x${runs}`);
  const { answer } = await runChild<ChildAnswer>("compile/compileChild.ts", [workload, String(runs)], ["--expose-gc"]);
  return {
    workload,
    layouts: answer.layouts,
    groups: answer.groups,
    flows: answer.flows,
    ms: summarize(answer.ms),
    peakAboveBaselineMb: answer.peakRssMb - answer.baselineRssMb,
    peakRssMb: answer.peakRssMb,
    retainedHeapMb: answer.retainedHeapMb,
  };
}

export async function compileSection(settings: Settings): Promise<{ catalog: CompileWorkload; synthetic: CompileWorkload[]; growth: Growth[] }> {
  const catalog = await measure("catalog", settings.catalogRuns);
  const synthetic: CompileWorkload[] = [];
  for (const size of settings.synthetic) synthetic.push(await measure(`synthetic:${size.groups}`, size.runs));
  const growth = synthetic.slice(1).map((to, i): Growth => {
    const from = synthetic[i]!;
    const ratio = to.groups / from.groups;
    return {
      from: from.groups,
      to: to.groups,
      time: growthPer10x(from.ms.median, to.ms.median, ratio),
      workingMemory: growthPer10x(Math.max(from.peakAboveBaselineMb, 0.1), Math.max(to.peakAboveBaselineMb, 0.1), ratio),
      retainedHeap: growthPer10x(from.retainedHeapMb, to.retainedHeapMb, ratio),
    };
  });
  return { catalog, synthetic, growth };
}
