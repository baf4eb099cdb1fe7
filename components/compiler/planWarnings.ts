import { internalServicesHit } from "../model/internalServices";
import type { AttributedWarning, PlanGroup } from "../model/plan";
import { formatPortRange } from "../model/ports";
import { type OpenerContext, openerText, worldOpeners } from "./worldOpeners";

/** Every ingress flow from 0.0.0.0/0 or ::/0, said out loud with who opened it; louder for internal services. */
export function worldWarnings(groups: readonly PlanGroup[], ctx: OpenerContext): AttributedWarning[] {
  return groups.flatMap((group) =>
    group.ingress.flatMap((flow): AttributedWarning[] => {
      if (flow.peer.kind !== "cidr" || !flow.peer.world) return [];
      const hits = internalServicesHit(flow.protocol, flow.ports);
      const what = `${flow.protocol.toUpperCase()}${flow.ports ? ` ${formatPortRange(flow.ports)}` : ""}`;
      const openedBy = worldOpeners(flow, ctx);
      const why = openedBy.map(openerText).join("; ");
      const internal = hits.length > 0 ? ` This exposes ${hits.join(", ")}.` : "";
      return [
        {
          code: hits.length > 0 ? "world-open-internal" : "world-open",
          group: group.name,
          flow: flow.key,
          message: `${group.name} accepts ${what} from ${flow.peer.cidr} because ${why}.${internal} Restrict it to known networks where you can.`,
          openedBy,
        },
      ];
    }),
  );
}
