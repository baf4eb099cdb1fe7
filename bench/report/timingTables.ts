/** RESULTS.md sections 3 to 6: compile time, offline preview, consumer type-check, CLI start-up. */
import type { Results } from "../results";
import type { Summary } from "../stats";
import { duration, megabytes, spread, table, times } from "./format";

/** "median (min), n runs" for a ratio. */
function ratio(summary: Summary): string {
  return summary.runs === 1 ? `${times(summary.median)} (1 run)` : `${times(summary.median)} (min ${times(summary.min)}, ${summary.runs} runs)`;
}

function exponent(summary: Summary): string {
  return summary.runs === 1 ? summary.median.toFixed(2) : `${summary.median.toFixed(2)} (min ${summary.min.toFixed(2)})`;
}

export function compileMarkdown(results: Results): string {
  const { reference, catalog, synthetic, growth, rounds, peakRssMb } = results.compile;
  const row = (w: typeof catalog, label: string) => [label, String(w.groups), String(w.flows), spread(w.ms, duration), ratio(w.perReference)];
  return [
    "## 3. Compile time",
    "",
    "Reproduce: `npm run bench` (section `compile`, child `node --import tsx bench/compile/compileChild.ts " +
      `${rounds} ${synthetic.map((w) => w.groups).join(" ")}\`).`,
    "",
    `One process compiles the reference (a synthetic layout of ${reference.groups} node groups), the whole catalog and each synthetic size once per round, ${rounds} interleaved rounds after an unmeasured warm-up; ratios are to the reference of the same round (median, and min over the rounds). Peak RSS of the process: ${megabytes(peakRssMb)}.`,
    "",
    table(
      ["workload", "node groups", "plan flows", "compile time", "time / reference"],
      [
        row(reference, `reference: synthetic, ${reference.groups} groups`),
        row(catalog, `whole catalog: ${catalog.layouts} layouts (every profile x every value of every option it reads)`),
        ...synthetic.map((w) => row(w, `synthetic, ${w.groups} groups`)),
      ],
    ),
    "",
    "Synthetic layouts (`bench/layouts/syntheticLayout.ts`): clusters of three groups (control plane, etcd, worker) on the kubernetes and calico profiles (VXLAN, Typha, WireGuard), three peers shared by all clusters.",
    "",
    "Growth of the time above the reference, per 10x more node groups (10x = linear, 100x = quadratic), and its exponent (log10 of the factor: 1 = linear):",
    "",
    table(["groups", "factor per 10x", "exponent"], growth.map((g) => [`${g.from} -> ${g.to}`, ratio(g.per10x), exponent(g.exponent)])),
  ].join("\n");
}

export function previewMarkdown(results: Results): string {
  const { referenceMs, stacks } = results.preview;
  return [
    "## 4. Offline preview",
    "",
    "Reproduce: `npm run bench` (section `preview`, child `node --import tsx bench/preview/previewOnce.ts <stack>`).",
    "",
    `Each round runs the reference (\`node --import tsx bench/preview/referenceChild.ts\`: the same start-up, nothing else; ${spread(referenceMs, duration)}) and then every stack, each in a fresh process. *Process*: the whole child; *previewStack*: the call alone, loading the program and its cloud SDKs included; ratios are to the reference of the same round.`,
    "",
    table(
      ["stack", "resources", "process / reference", "process", "previewStack", "peak RSS"],
      stacks.map((p) => [p.stack, String(p.resources), ratio(p.perReference), spread(p.processMs, duration), spread(p.previewMs, duration), spread(p.peakRssMb, megabytes)]),
    ),
  ].join("\n");
}

export function typecheckMarkdown(results: Results): string {
  const { clouds, skipped, compiler } = results.typecheck;
  return [
    "## 5. Consumer type-check",
    "",
    "Reproduce: `npm run build && npm run bench` (section `typecheck`; the programs are `bench/typecheck/consumers/*.ts.txt`).",
    "",
    `\`tsc --noEmit\` (${compiler}) on a one-file consumer project per program (strict, module nodenext, \`skipLibCheck: true\` as most projects and \`tsc --init\` set it). The project's node_modules links the installed packages and \`kubeports\` to this repository, so \`kubeports/aws\` resolves through package.json \`exports\` to the built declarations in dist/, as for a consumer of the published package. The floor for a cloud is the same kind of program with only @pulumi/pulumi and the modules of that cloud's SDK the subpath uses, a rule written by hand. kubeports' built declarations do not expose the SDKs' resource types, so its consumers read fewer files than the floor. Rounds interleave floor and kubeports per cloud; the ratio is taken within each round.`,
    "",
    table(
      ["cloud", "kubeports / floor (time)", "floor", "kubeports subpath", "files read (floor, kubeports)", "peak RSS (floor, kubeports)"],
      clouds.map((c) => [
        c.cloud,
        ratio(c.timeRatio),
        spread(c.floor.ms, duration),
        spread(c.kubeports.ms, duration),
        `${c.floor.files}, ${c.kubeports.files} (${c.extraFiles >= 0 ? "+" : ""}${c.extraFiles})`,
        `${megabytes(c.floor.peakRssMb.median)}, ${megabytes(c.kubeports.peakRssMb.median)}`,
      ]),
    ),
    ...(skipped.length > 0 ? ["", `Not run: ${skipped.join("; ")}.`] : []),
  ].join("\n");
}

export function cliMarkdown(results: Results): string {
  const cli = results.cli;
  if ("skipped" in cli) return ["## 6. CLI start-up", "", `Not run: ${cli.skipped}.`].join("\n");
  return [
    "## 6. CLI start-up",
    "",
    `Reproduce: \`npm run build && npm run bench\` (section \`cli\`). \`${cli.command}\` (the installed \`kubeports\` binary) against bare \`node -e 0\`, interleaved round by round.`,
    "",
    table(
      ["CLI / bare node", "bare node", "kubeports --help", "peak RSS (CLI)"],
      [[ratio(cli.ratio), spread(cli.nodeMs, duration), spread(cli.cliMs, duration), spread(cli.cliPeakRssMb, megabytes)]],
    ),
  ].join("\n");
}
