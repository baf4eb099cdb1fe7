/**
 * A plan warning in the report's language. The compiler writes its message in English; other
 * languages say the same from the flow the warning points at, so no fact is re-derived.
 */
import type { Messages } from "../i18n/messages.en";
import { internalServicesHit } from "../model/internalServices";
import type { Flow, Plan, PlanWarning } from "../model/plan";
import { formatPortRange } from "../model/ports";

/** The ingress flow a warning is about, if the plan has it. */
export function warningFlow(warning: PlanWarning, plan: Plan): Flow | undefined {
  return plan.groups.find((group) => group.name === warning.group)?.ingress.find((f) => f.key === warning.flow);
}

export function warningText(warning: PlanWarning, flow: Flow | undefined, m: Messages): string {
  // Without its flow (a hand-built plan) the compiler's sentence is all there is.
  if (!flow || flow.peer.kind !== "cidr") return warning.message;
  return m.plan.warning({
    code: warning.code,
    group: warning.group,
    what: `${flow.protocol.toUpperCase()}${flow.ports ? ` ${formatPortRange(flow.ports)}` : ""}`,
    cidr: flow.peer.cidr,
    byLayout: flow.reasons.every((reason) => reason.profile === "layout"),
    sources: flow.reasons.map((reason) => `${reason.document} (${reason.documentRow})`),
    exposes: internalServicesHit(flow.protocol, flow.ports),
    allowInternet: warning.allowInternet ?? [],
    original: warning.message,
  });
}
