/** The verify matrix as Markdown (a table per verdict) and as stable JSON (schema kubeports.verify/v1). */
import { formatPortRange } from "../model/ports";
import type { FlowCheck } from "./checkFlow";
import { sourceLabel, type NeededFlow } from "./neededFlows";
import type { VerifyResult } from "./verifyPlan";
import type { WideGrant } from "./wideGrants";

export const VERIFY_SCHEMA = "kubeports.verify/v1";

function what(flow: NeededFlow): string {
  if (flow.ports) return `${flow.protocol} ${formatPortRange(flow.ports)}`;
  if (flow.icmp) return `icmp type ${flow.icmp.type}${flow.icmp.code === undefined ? "" : ` code ${flow.icmp.code}`}`;
  return flow.protocol === "tcp" || flow.protocol === "udp" ? `${flow.protocol} all ports` : flow.protocol;
}

function origins(flow: NeededFlow): string {
  return flow.origins.map((o) => `${o.kind === "model" ? "model" : "vendor"} ${o.id} (${o.source})`).join("; ");
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function verifyMarkdown(result: VerifyResult, wide: readonly WideGrant[] = []): string {
  const lines = [
    `# kubeports verify: ${result.layout} on ${result.cloud}`,
    "",
    `Evaluated: ${result.firewall}. ${result.checks.length} needed flows, ${result.blocked} blocked.`,
    "",
    "| to | from | what | verdict | rules that let it through / why blocked | needed by |",
    "|---|---|---|---|---|---|",
    ...result.checks.map((c: FlowCheck) =>
      `| ${cell(c.flow.to)} | ${cell(sourceLabel(c.flow.from))} | ${what(c.flow)} | ${c.allowed ? "passes" : "**blocked**"} | ${cell(c.allowed ? c.rules.join("<br>") : (c.blocked ?? ""))} | ${cell(origins(c.flow))} |`,
    ),
    "",
  ];
  if (wide.length > 0) {
    lines.push("## Open wider than any document asks", "", "| rule | into | what | from | why |", "|---|---|---|---|---|");
    for (const w of wide) lines.push(`| ${cell(w.rule)} | ${cell(w.targets.join(", "))} | ${cell(w.what)} | ${cell(w.from)} | ${cell(w.why)} |`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

export function verifyJson(result: VerifyResult, wide: readonly WideGrant[] = []): string {
  const flows = result.checks.map((c) => ({
    key: c.flow.key,
    to: c.flow.to,
    from: c.flow.from,
    protocol: c.flow.protocol,
    ...(c.flow.ports ? { ports: c.flow.ports } : {}),
    ...(c.flow.icmp ? { icmp: c.flow.icmp } : {}),
    verdict: c.allowed ? "passes" : "blocked",
    ...(c.allowed ? { rules: c.rules } : { blocked: c.blocked }),
    origins: c.flow.origins,
  }));
  const body = { schema: VERIFY_SCHEMA, layout: result.layout, cloud: result.cloud, firewall: result.firewall, blocked: result.blocked, flows, ...(wide.length > 0 ? { wide } : {}) };
  return `${JSON.stringify(body, null, 2)}\n`;
}
