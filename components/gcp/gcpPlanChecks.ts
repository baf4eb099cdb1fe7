/**
 * A plan passed in directly (from JSON, another language, another kubeports version) did not go
 * through compile()'s checks in this process. These are the facts the GCP translation relies on.
 */
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import type { Flow, Plan } from "../model/plan";
import { MAX_PORT, MIN_PORT } from "../model/ports";
import { PROTOCOLS, hasPorts } from "../model/protocol";

function flowIssues(path: string, flow: Flow, groups: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!(PROTOCOLS as readonly string[]).includes(flow.protocol)) problems.push(`protocol ${JSON.stringify(flow.protocol)} is not one of ${PROTOCOLS.join(", ")}`);
  if (flow.ports) {
    const { from, to } = flow.ports;
    if (!hasPorts(flow.protocol)) problems.push(`${flow.protocol} cannot carry ports`);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < MIN_PORT || to > MAX_PORT || from > to) problems.push(`ports ${from}-${to} are not a range within ${MIN_PORT}-${MAX_PORT}`);
  }
  const peer = flow.peer;
  if (peer?.kind === "group" && !groups.has(peer.group)) problems.push(`peer group "${peer.group}" is not a group of the plan`);
  if (peer?.kind === "cidr") {
    try {
      if (parseCidr(peer.cidr).family !== peer.family) problems.push(`${peer.cidr} is not ${peer.family}`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (!peer || !["group", "cidr", "host"].includes(peer.kind)) problems.push("has no peer (group, cidr or host)");
  return problems.map((message) => `${path}: ${message}`);
}

export function planIssues(plan: Plan): InputIssue[] {
  const groups = new Set(plan.groups.map((group) => group.name));
  const issues: InputIssue[] = [];
  if (groups.size !== plan.groups.length) issues.push({ path: "plan.groups", message: "two groups share a name (regenerate the plan with compile())" });
  for (const group of plan.groups) {
    for (const direction of ["ingress", "egress"] as const) {
      for (const flow of group[direction] ?? []) {
        for (const message of flowIssues(`flow ${flow.key}`, flow, groups)) issues.push({ path: `plan.groups.${group.name}.${direction}`, message });
      }
    }
  }
  return issues;
}
