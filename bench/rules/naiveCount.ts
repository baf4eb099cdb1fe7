/**
 * A naive translation's rule count: one rule per documented row, target group, source endpoint
 * (each group, each CIDR), protocol and port range as the row states it, with no merging and
 * no deduplication. That is one rule per raw flow, plus the same fixed rules the mode needs.
 */
import type { RawFlow } from "../../components/compiler/rawFlow";
import type { Layout } from "../../components/model/layout";
import type { Cloud } from "../layouts/stackLayouts";
import { rawFlows } from "./rawFlows";
import { fixedRules, type Mode, type RuleCount } from "./ruleBounds";

function counted(flow: RawFlow, cloud: Cloud, mode: Mode): boolean {
  if (flow.peer.kind === "host") return false;
  if (flow.direction === "egress" && !mode.restrictEgress) return false;
  return !(cloud === "azure" && (flow.protocol === "ipip" || flow.protocol === "ipip94"));
}

export function naiveCount(layout: Layout, cloud: Cloud, mode: Mode): RuleCount {
  const flowRules = rawFlows(layout).filter((flow) => counted(flow, cloud, mode)).length;
  const fixed = fixedRules(cloud, Object.keys(layout.groups).length, mode);
  return { flowRules, fixedRules: fixed, total: flowRules + fixed };
}
