import { internalServicesHit } from "../model/internalServices";
import type { PlanGroup, PlanWarning, Reason } from "../model/plan";
import { formatPortRange } from "../model/ports";

function prescriber(reasons: readonly Reason[]): string {
  return reasons.every((reason) => reason.profile === "layout") ? "the layout's own rule" : "the vendor document";
}

/** Every ingress flow from 0.0.0.0/0 or ::/0, said out loud; louder for internal services. */
export function worldWarnings(groups: readonly PlanGroup[]): PlanWarning[] {
  return groups.flatMap((group) =>
    group.ingress.flatMap((flow): PlanWarning[] => {
      if (flow.peer.kind !== "cidr" || !flow.peer.world) return [];
      const hits = internalServicesHit(flow.protocol, flow.ports);
      const what = `${flow.protocol.toUpperCase()}${flow.ports ? ` ${formatPortRange(flow.ports)}` : ""}`;
      const why = flow.reasons.map((r) => `${r.document} (${r.documentRow})`).join("; ");
      const internal = hits.length > 0 ? ` This exposes ${hits.join(", ")}.` : "";
      return [
        {
          code: hits.length > 0 ? "world-open-internal" : "world-open",
          group: group.name,
          flow: flow.key,
          message: `${group.name} accepts ${what} from ${flow.peer.cidr} because ${prescriber(flow.reasons)} prescribes it: ${why}.${internal} Restrict it to known networks where you can.`,
        },
      ];
    }),
  );
}
