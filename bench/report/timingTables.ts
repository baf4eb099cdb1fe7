/** RESULTS.md sections 3 to 5: compile time, offline preview, consumer type-check. */
import type { Results } from "../results";
import { duration, megabytes, spread, table, times } from "./format";

export function compileMarkdown(results: Results): string {
  const { catalog, synthetic, growth } = results.compile;
  const row = (w: typeof catalog, label: string) => [
    label,
    String(w.groups),
    String(w.flows),
    spread(w.ms, duration),
    megabytes(w.peakAboveBaselineMb),
    megabytes(w.retainedHeapMb),
  ];
  return [
    "## 3. Compile time",
    "",
    "Each workload in a fresh process, after an unmeasured warm-up compile. *Working memory*: the process's peak RSS minus its RSS once loaded and warmed up. *Retained heap*: what the plans of one run keep alive after garbage collection.",
    "",
    table(
      ["workload", "node groups", "plan flows", "compile time", "working memory", "retained heap"],
      [
        row(catalog, `whole catalog: ${catalog.layouts} layouts (every profile x every value of every option it reads)`),
        ...synthetic.map((w) => row(w, `synthetic, ${w.groups} groups`)),
      ],
    ),
    "",
    "Synthetic layouts: clusters of three groups (control plane, etcd, worker) on the kubernetes and calico profiles (VXLAN, Typha, WireGuard), three peers shared by all clusters.",
    "",
    "Growth per 10x more node groups (1x = constant, 10x = linear, 100x = quadratic):",
    "",
    table(["groups", "time", "working memory", "retained heap"], growth.map((g) => [`${g.from} -> ${g.to}`, times(g.time), times(g.workingMemory), times(g.retainedHeap)])),
  ].join("\n");
}

export function previewMarkdown(results: Results): string {
  return [
    "## 4. Offline preview",
    "",
    "`previewStack` in a fresh Node process per run (`node --import tsx bench/preview/previewOnce.ts <stack>`). *Process*: the whole child, start-up included; *previewStack*: the call alone, loading the program and its cloud SDKs included; *peak RSS*: the child's.",
    "",
    table(
      ["stack", "resources", "process", "previewStack", "peak RSS"],
      results.preview.map((p) => [p.stack, String(p.resources), spread(p.processMs, duration), spread(p.previewMs, duration), spread(p.peakRssMb, megabytes)]),
    ),
  ].join("\n");
}

export function typecheckMarkdown(results: Results): string {
  const { timings, skipped } = results.typecheck;
  return [
    "## 5. Consumer type-check",
    "",
    "`tsc --noEmit` on a one-file consumer project (strict, module nodenext, `skipLibCheck: true` as most projects and `tsc --init` set it, node_modules linked to the repository's). Program (a) imports kubeports' public entry, components/index.ts, as TypeScript source, so kubeports' own files are checked too; a consumer of the published package would read its .d.ts files instead.",
    "",
    table(
      ["program", "compiler", "files read", "wall time", "peak RSS"],
      timings.map((t) => [t.program, `${t.compiler} (${t.version})`, String(t.files), spread(t.ms, duration), spread(t.peakRssMb, megabytes)]),
    ),
    ...(skipped.length > 0 ? ["", `Not run: ${skipped.join("; ")}.`] : []),
  ].join("\n");
}
