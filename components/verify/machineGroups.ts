/**
 * Which machines run as which node group of the plan. A machine says its group by the tag or
 * label kubeports' stacks put on it (AWS `kubeports:group`, GCP `kubeports-group`, Azure
 * `kubeports-group`); a machine without one runs as the group its resource name ends with
 * (`<stack>-<group>`). Its firewall identity is only ever what its template attaches.
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import type { Machine } from "./cloudFirewall";

function groupOf(machine: Machine, groups: readonly string[]): string | undefined {
  if (machine.group !== undefined) return groups.includes(machine.group) ? machine.group : undefined;
  return groups.filter((group) => machine.name === group || machine.name.endsWith(`-${group}`)).sort((a, b) => b.length - a.length)[0];
}

/** Group -> its machines. Every group needs a machine, and every machine of a group an identity. */
export function machinesByGroup(plan: Plan, machines: readonly Machine[], where: string): Map<string, Machine[]> {
  const groups = plan.groups.map((group) => group.name);
  const byGroup = new Map<string, Machine[]>(groups.map((group) => [group, []]));
  for (const machine of machines) {
    const group = groupOf(machine, groups);
    if (group) byGroup.get(group)!.push(machine);
  }
  const issues: InputIssue[] = [];
  for (const [group, members] of byGroup) {
    if (members.length === 0) {
      const expected = `a launch template, instance template, scale set, instance or NIC tagged with the group (kubeports:group=${group} or kubeports-group=${group}) or named "<prefix>-${group}"`;
      issues.push({ path: `groups.${group}`, message: `no machine of node group "${group}" in ${where} (expected ${expected})` });
    }
    for (const machine of members.filter((m) => m.identities.length === 0)) {
      const expected = "security groups, network tags or service accounts, or application security groups on it";
      issues.push({ path: `groups.${group}`, message: `${machine.label} is attached to no firewall group (expected ${expected})` });
    }
  }
  if (issues.length > 0) throw new KubeportsError(`Cannot verify ${where}`, issues);
  return byGroup;
}
