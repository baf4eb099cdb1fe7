/**
 * The reference rule count per cloud, computed from the plan alone (never from a translator's
 * output), and the rules every group needs whatever its flows ("fixed" rules).
 *
 * - AWS, a true lower bound: a rule has one source, one protocol and one port range, so every
 *   plan flow (per source group or CIDR, protocol and maximal port range: exact merging already
 *   made the ranges maximal) needs a rule of its own, except flows that an all-protocol rule to
 *   0.0.0.0/0 (::/0 for IPv6 CIDRs) of the same group and direction allows.
 * - GCP and Azure, an achievable count (listCounts.ts): an exact packing with lists of groups,
 *   sources and ports on both sides of each rule. It is not a proven minimum.
 * Egress counts only where the mode creates egress rules (restrictEgress); otherwise AWS needs
 * an allow-all pair (IPv4, IPv6) per group and GCP and Azure rely on their implied rules.
 */
import type { Flow, Plan, PlanGroup } from "../../components/model/plan";
import type { Cloud } from "../layouts/stackLayouts";
import { achievableFlowRules } from "./listCounts";

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

function awsFlowRules(group: PlanGroup, mode: Mode): number {
  const { ingress, egress } = ruleFlows(group, mode);
  return ingress.filter((flow) => !coveredByWorldAll(flow, ingress)).length + egress.filter((flow) => !coveredByWorldAll(flow, egress)).length;
}

export function ruleBound(plan: Plan, cloud: Cloud, mode: Mode): RuleCount {
  const flowRules = cloud === "aws" ? plan.groups.reduce((sum, group) => sum + awsFlowRules(group, mode), 0) : achievableFlowRules(plan, cloud, mode);
  const fixed = fixedRules(cloud, plan.groups.length, mode);
  return { flowRules, fixedRules: fixed, total: flowRules + fixed };
}
