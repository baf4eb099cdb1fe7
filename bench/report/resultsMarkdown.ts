/** RESULTS.md: the machine, the versions and one section per figure. */
import type { Results } from "../results";
import { table } from "./format";
import { churnMarkdown, ruleCountMarkdown } from "./ruleTables";
import { cliMarkdown, compileMarkdown, previewMarkdown, typecheckMarkdown } from "./timingTables";

function header(results: Results): string {
  const { machine: m, versions: v } = results;
  const packages = Object.entries(v.packages).map(([name, version]) => `${name} ${version}`).join(", ");
  const typescript = Object.entries(v.typescript).map(([label, version]) => `${label}: ${version}`).join(", ");
  return [
    "# kubeports benchmark results",
    "",
    `Written by \`npm run bench\` (${results.mode} run) on ${results.date.slice(0, 16).replace("T", " ")} UTC in ${Math.round(results.durationSeconds / 6) / 10} minutes. Every figure is measured in that run; bench/README.md says how. Raw data: bench/results.json. Timings are ratios to a reference measured in the same run, interleaved with it (median, and the minimum over the rounds); absolute times are shown beside them.`,
    "",
    table(
      ["CPU", "cores", "memory", "OS", "Node", "load average (start, end)"],
      [[m.cpu, String(m.cores), `${m.memoryGb} GB`, m.os, m.node, `${m.loadAtStart}, ${m.loadAtEnd}`]],
    ),
    "",
    `kubeports ${v.kubeports}${v.commit ? ` (commit ${v.commit}, plus any uncommitted changes)` : ""}. ${typescript}. ${packages}.`,
    "",
    `A load average above the core count means other work shared the machine and the timings are slower than on an idle one. Peak RSS: ${m.rssMethod}.`,
  ].join("\n");
}

export function resultsMarkdown(results: Results): string {
  return `${[header(results), ruleCountMarkdown(results), churnMarkdown(results), compileMarkdown(results), previewMarkdown(results), typecheckMarkdown(results), cliMarkdown(results)].join("\n\n")}\n`;
}
