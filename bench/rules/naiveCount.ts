/**
 * A naive translation's rule count, as a competent user would write it from the vendor tables:
 * one rule per table row, with lists where the cloud has them.
 * - AWS has no lists: one rule per row, target group, source endpoint (each group, each CIDR),
 *   protocol and port range as the row states it (the raw flows, unmerged).
 * - GCP and Azure: per row, the target groups that receive it from the same sources share one
 *   rule listing them (listCounts.ts), split only where the cloud forces it.
 * Plus the same fixed rules the mode needs.
 */
import type { RawFlow } from "../../components/compiler/rawFlow";
import type { Layout } from "../../components/model/layout";
import type { Cloud } from "../layouts/stackLayouts";
import { rowListFlowRules } from "./listCounts";
import { rawFlows } from "./rawFlows";
import { fixedRules, type Mode, type RuleCount } from "./ruleBounds";

function counted(flow: RawFlow, cloud: Cloud, mode: Mode): boolean {
  if (flow.peer.kind === "host") return false;
  if (flow.direction === "egress" && !mode.restrictEgress) return false;
  return !(cloud === "azure" && (flow.protocol === "ipip" || flow.protocol === "ipip94"));
}

export function naiveCount(layout: Layout, cloud: Cloud, mode: Mode): RuleCount {
  const raw = rawFlows(layout).filter((flow) => counted(flow, cloud, mode));
  const flowRules = cloud === "aws" ? raw.length : rowListFlowRules(raw, cloud, mode, layout.options?.ipv6 === true);
  const fixed = fixedRules(cloud, Object.keys(layout.groups).length, mode);
  return { flowRules, fixedRules: fixed, total: flowRules + fixed };
}
