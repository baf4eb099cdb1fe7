/**
 * Lower bounds on each cloud's rule count, computed from the plan alone (never from a
 * translator's output), and the rules every group needs whatever its flows ("fixed" rules).
 *
 * - AWS: one rule per source (group or CIDR), protocol and maximal port range, i.e. one per
 *   plan flow, since exact merging already made the ranges maximal. A flow an all-protocol
 *   rule to 0.0.0.0/0 (::/0 for IPv6 CIDRs) of the same group and direction allows needs none.
 * - GCP: one rule per target group, source and direction; CIDR sources that receive the same
 *   protocols and ports (and share an address family) count as one source, as one rule can
 *   list them all. GCP egress rules name node groups only by IP range: all group destinations
 *   of a group are one destination.
 * - Azure: one rule per direction, source, destination and protocol; CIDR sources count as
 *   one where they receive the same ports and share a family.
 * Egress counts only where the mode creates egress rules (restrictEgress); otherwise AWS needs
 * an allow-all pair (IPv4, IPv6) per group and GCP and Azure rely on their implied rules.
 */
import type { Flow, Plan, PlanGroup } from "../../components/model/plan";
import { compactPortRanges, formatPortRange } from "../../components/model/ports";
import type { Cloud } from "../layouts/stackLayouts";

export interface Mode {
  /** The firewall creates egress rules for the plan's outbound flows (and denies the rest). */
  readonly restrictEgress: boolean;
}

export interface RuleCount {
  /** Rules that carry flows. */
  readonly flowRules: number;
  /** Rules the mode needs per group: AWS allow-all egress, GCP deny-all egress, Azure deny rules. */
  readonly fixedRules: number;
  readonly total: number;
}

/** Azure puts at most 10 ASGs on one side of a deny rule. */
const ASGS_PER_RULE = 10;

export function fixedRules(cloud: Cloud, groups: number, mode: Mode): number {
  if (cloud === "aws") return mode.restrictEgress ? 0 : 2 * groups;
  if (cloud === "gcp") return mode.restrictEgress ? 2 * groups : 0;
  const denySlots = Math.ceil(groups / ASGS_PER_RULE);
  return denySlots * (mode.restrictEgress ? 2 : 1);
}

/** Flows a cloud rule could carry: host names are no address. */
function ruleFlows(group: PlanGroup, mode: Mode): { ingress: Flow[]; egress: Flow[] } {
  const addressed = (flows: readonly Flow[]) => flows.filter((flow) => flow.peer.kind !== "host");
  return { ingress: addressed(group.ingress), egress: mode.restrictEgress ? addressed(group.egress) : [] };
}

function coveredByWorldAll(flow: Flow, flows: readonly Flow[]): boolean {
  const family = flow.peer.kind === "cidr" ? flow.peer.family : "ipv4";
  return flows.some((other) => other !== flow && other.protocol === "all" && other.peer.kind === "cidr" && other.peer.world && other.peer.family === family);
}

/** What a CIDR receives: per protocol, its compacted ports ("*" for every port or none). */
function signature(family: string, flows: readonly Flow[]): string {
  const byProtocol = new Map<string, Flow[]>();
  for (const flow of flows) byProtocol.set(flow.protocol, [...(byProtocol.get(flow.protocol) ?? []), flow]);
  const parts = [...byProtocol].map(([protocol, list]) =>
    list.every((flow) => flow.ports) ? `${protocol}:${compactPortRanges(list.map((flow) => flow.ports!)).map(formatPortRange).join(",")}` : `${protocol}:*`,
  );
  return `${family}|${parts.sort().join(";")}`;
}

/**
 * Distinct sources (or destinations) of `flows`: each group, or all groups as one where the
 * cloud names them by address range; CIDRs grouped by family and by what they receive.
 */
function distinctSources(flows: readonly Flow[], groupsAsOne: boolean): number {
  const groups = new Set<string>();
  const perCidr = new Map<string, { family: string; flows: Flow[] }>();
  for (const flow of flows) {
    if (flow.peer.kind === "group") groups.add(groupsAsOne ? "nodes" : flow.peer.group);
    if (flow.peer.kind !== "cidr") continue;
    const entry = perCidr.get(flow.peer.cidr) ?? { family: flow.peer.family, flows: [] };
    entry.flows.push(flow);
    perCidr.set(flow.peer.cidr, entry);
  }
  return groups.size + new Set([...perCidr.values()].map((entry) => signature(entry.family, entry.flows))).size;
}

function awsFlowRules(group: PlanGroup, mode: Mode): number {
  const { ingress, egress } = ruleFlows(group, mode);
  return ingress.filter((flow) => !coveredByWorldAll(flow, ingress)).length + egress.filter((flow) => !coveredByWorldAll(flow, egress)).length;
}

function gcpFlowRules(group: PlanGroup, mode: Mode): number {
  const { ingress, egress } = ruleFlows(group, mode);
  return distinctSources(ingress, false) + distinctSources(egress, true);
}

const AZURE_PROTOCOL: Partial<Record<Flow["protocol"], string>> = { tcp: "Tcp", udp: "Udp", icmp: "Icmp", esp: "Esp", all: "*" };

function azureFlowRules(group: PlanGroup, mode: Mode): number {
  const { ingress, egress } = ruleFlows(group, mode);
  let count = 0;
  for (const flows of [ingress, egress]) {
    const byProtocol = new Map<string, Flow[]>();
    for (const flow of flows) {
      const protocol = AZURE_PROTOCOL[flow.protocol];
      if (protocol === undefined) continue; // IP-in-IP: not expressible, reported by the caller
      byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), flow]);
    }
    for (const list of byProtocol.values()) count += distinctSources(list, false);
  }
  return count;
}

const FLOW_RULES: Record<Cloud, (group: PlanGroup, mode: Mode) => number> = { aws: awsFlowRules, gcp: gcpFlowRules, azure: azureFlowRules };

export function ruleBound(plan: Plan, cloud: Cloud, mode: Mode): RuleCount {
  const flowRules = plan.groups.reduce((sum, group) => sum + FLOW_RULES[cloud](group, mode), 0);
  const fixed = fixedRules(cloud, plan.groups.length, mode);
  return { flowRules, fixedRules: fixed, total: flowRules + fixed };
}
