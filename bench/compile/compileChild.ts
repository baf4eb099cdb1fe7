/**
 * Child process: compiles one workload `runs` times in a fresh process and prints the times,
 * the peak RSS and the loaded baseline before the runs, and the heap the last run's plans
 * retain. A warm-up (a 30-group synthetic layout, three times) runs first and is not measured,
 * so the runs time compiled code rather than the JIT's first pass.
 * Usage: node --expose-gc --import tsx bench/compile/compileChild.ts <catalog|synthetic:N> <runs>
 */
import { compile } from "../../components/compiler/compile";
import type { Layout } from "../../components/model/layout";
import type { Plan } from "../../components/model/plan";
import { catalogLayouts } from "../layouts/catalogLayouts";
import { syntheticLayout } from "../layouts/syntheticLayout";
import { answer } from "../tsxChild";

function workload(name: string): Layout[] {
  if (name === "catalog") return catalogLayouts();
  const synthetic = /^synthetic:(\d+)$/.exec(name);
  if (synthetic) return [syntheticLayout(Number(synthetic[1]))];
  throw new Error(`unknown workload ${name} (catalog or synthetic:<groups>)`);
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  gc();
}

const [name = "", runsText = "1"] = process.argv.slice(2);
const layouts = workload(name);
for (let i = 0; i < 3; i++) compile(syntheticLayout(30));
const ms: number[] = [];
let plans: Plan[] = [];
let flows = 0;
collect();
const baseline = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
for (let run = 0; run < Number(runsText); run++) {
  plans = [];
  const started = performance.now();
  for (const layout of layouts) plans.push(compile(layout));
  ms.push(performance.now() - started);
}
flows = plans.reduce((sum, plan) => sum + plan.groups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0), 0);
collect();
const retained = process.memoryUsage().heapUsed - baseline.heap;
answer({
  workload: name,
  layouts: layouts.length,
  groups: layouts.reduce((sum, layout) => sum + Object.keys(layout.groups).length, 0),
  flows,
  ms,
  baselineRssMb: baseline.rss / 2 ** 20,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  retainedHeapMb: retained / 2 ** 20,
  plansKept: plans.length,
});
