/**
 * Section 3: compile time. One child process compiles a tiny reference layout, the whole
 * catalog and synthetic layouts of growing size, interleaved round by round; every figure is a
 * ratio to the reference of the same round (min and median over the rounds), and growth is
 * measured on the time above the reference.
 */
import { progress } from "../progress";
import type { Settings } from "../settings";
import { summarize, type Summary } from "../stats";
import { runChild } from "../tsxChild";

interface ChildWorkload {
  readonly workload: string;
  readonly layouts: number;
  readonly groups: number;
  readonly flows: number;
  readonly ms: number[];
}

export interface CompileWorkload {
  readonly workload: string;
  readonly layouts: number;
  readonly groups: number;
  /** Plan flows of one run. */
  readonly flows: number;
  readonly ms: Summary;
  /** Time / the reference's time in the same round. */
  readonly perReference: Summary;
}

export interface Growth {
  readonly from: number;
  readonly to: number;
  /** Per round: (to - reference) / (from - reference), scaled to a 10x step in groups. */
  readonly per10x: Summary;
  /** log10 of per10x: 1 = linear, 2 = quadratic. */
  readonly exponent: Summary;
}

export interface CompileSection {
  readonly rounds: number;
  readonly reference: CompileWorkload;
  readonly catalog: CompileWorkload;
  readonly synthetic: CompileWorkload[];
  readonly growth: Growth[];
  readonly peakRssMb: number;
}

export async function compileSection(settings: Settings): Promise<CompileSection> {
  const sizes = settings.synthetic.map(String);
  progress(`compile: reference, catalog and ${sizes.join(", ")} groups, ${settings.compileRounds} interleaved rounds`);
  const { answer } = await runChild<{ peakRssMb: number; workloads: ChildWorkload[] }>("compile/compileChild.ts", [String(settings.compileRounds), ...sizes]);
  const [reference, catalog, ...synthetic] = answer.workloads.map((w) => ({ ...w, raw: w.ms }));
  const shaped = (w: ChildWorkload): CompileWorkload => ({
    workload: w.workload,
    layouts: w.layouts,
    groups: w.groups,
    flows: w.flows,
    ms: summarize(w.ms),
    perReference: summarize(w.ms.map((ms, round) => ms / reference!.ms[round]!)),
  });
  const growth = synthetic.slice(1).map((to, i): Growth => {
    const from = synthetic[i]!;
    const steps = Math.log10(to.groups / from.groups);
    const per10x = to.ms.map((ms, round) => ((ms - reference!.ms[round]!) / Math.max(from.ms[round]! - reference!.ms[round]!, 1e-3)) ** (1 / steps));
    return { from: from.groups, to: to.groups, per10x: summarize(per10x), exponent: summarize(per10x.map((f) => Math.log10(f))) };
  });
  return { rounds: settings.compileRounds, reference: shaped(reference!), catalog: shaped(catalog!), synthetic: synthetic.map(shaped), growth, peakRssMb: answer.peakRssMb };
}
