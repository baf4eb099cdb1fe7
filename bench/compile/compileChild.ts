/**
 * Child process: compiles every workload once per round, the rounds interleaved (reference,
 * catalog, then each synthetic size), so a busy moment of the machine hits every workload of a
 * round alike. The reference is a tiny synthetic layout, measured in the same rounds. A warm-up
 * (the reference, three times) runs first and is not measured.
 * Usage: node --import tsx bench/compile/compileChild.ts <rounds> <groups>...
 */
import { compile } from "../../components/compiler/compile";
import type { Layout } from "../../components/model/layout";
import { catalogLayouts } from "../layouts/catalogLayouts";
import { syntheticLayout } from "../layouts/syntheticLayout";
import { answer } from "../tsxChild";

/** Node groups of the reference layout. */
export const REFERENCE_GROUPS = 30;

const [roundsText = "1", ...sizes] = process.argv.slice(2);
const workloads: { name: string; layouts: Layout[] }[] = [
  { name: "reference", layouts: [syntheticLayout(REFERENCE_GROUPS)] },
  { name: "catalog", layouts: catalogLayouts() },
  ...sizes.map((size) => ({ name: `synthetic:${size}`, layouts: [syntheticLayout(Number(size))] })),
];
for (let i = 0; i < 3; i++) compile(workloads[0]!.layouts[0]!);

const ms = new Map(workloads.map((w) => [w.name, [] as number[]]));
const flows = new Map<string, number>();
for (let round = 0; round < Number(roundsText); round++) {
  for (const workload of workloads) {
    const started = performance.now();
    const plans = workload.layouts.map((layout) => compile(layout));
    ms.get(workload.name)!.push(performance.now() - started);
    flows.set(workload.name, plans.reduce((sum, plan) => sum + plan.groups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0), 0));
  }
}
answer({
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  workloads: workloads.map((w) => ({
    workload: w.name,
    layouts: w.layouts.length,
    groups: w.layouts.reduce((sum, layout) => sum + Object.keys(layout.groups).length, 0),
    flows: flows.get(w.name) ?? 0,
    ms: ms.get(w.name)!,
  })),
});
