import { internalServicesHit } from "../model/internalServices";
import type { AttributedWarning, PlanGroup, Reason } from "../model/plan";
import { formatPortRange } from "../model/ports";
import { type OpenerContext, openerText, worldOpeners } from "./worldOpeners";

/** The layout rules' allowInternet reasons behind a flow, each once, in reason order. */
export function acknowledgements(reasons: readonly Reason[]): string[] {
  return [...new Set(reasons.flatMap((reason) => (reason.allowInternet !== undefined ? [reason.allowInternet] : [])))];
}

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
      const acknowledged = acknowledgements(flow.reasons);
      const allowed = acknowledged.length > 0 ? ` The layout allows it: ${acknowledged.map((text) => `"${text}"`).join("; ")}.` : "";
      return [
        {
          code: hits.length > 0 ? "world-open-internal" : "world-open",
          group: group.name,
          flow: flow.key,
          message: `${group.name} accepts ${what} from ${flow.peer.cidr} because ${why}.${internal}${allowed} Restrict it to known networks where you can.`,
          openedBy,
          ...(acknowledged.length > 0 ? { allowInternet: acknowledged } : {}),
        },
      ];
    }),
  );
}
