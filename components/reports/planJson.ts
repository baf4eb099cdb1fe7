/**
 * The plan as stable JSON: 2-space indent, a trailing newline, and every object's keys in the
 * order below, whatever order the plan's objects were built in. Absent optional fields are
 * left out, never written as null. Same plan -> byte-identical text.
 *
 * Schema `kubeports.plan/v1` (components/reports/PLAN_JSON.md describes each field):
 *
 * ```
 * { schema, layout,
 *   profiles: [{ id, title, document }],
 *   options: { <option>: value, ... }                       // every option, keys sorted
 *   groups: [{ name, roles, cluster, clusterKind,
 *              ingress: [Flow], egress: [Flow],
 *              local: [{ protocol, ports?, reasons }] }],
 *   peers: [{ name, cidrs }],
 *   warnings: [{ code, group, flow, message }],
 *   notes: [{ code, profile, row, message }],
 *   disagreements: [{ profile, id, rows, says, other, otherSource }] }
 * Flow   = { key, protocol, ports?: { from, to }, icmp?: { type, code? }, peer, reasons: [Reason] }
 * peer   = { kind: "group", group } | { kind: "cidr", cidr, family, peers, world } | { kind: "host", host }
 * Reason = { profile, row, description, document, documentRow }
 * ```
 */
import type { OptionName } from "../model/options";
import type { Flow, FlowPeer, LocalProbe, Plan, PlanGroup, PlanNote, PlanWarning, Reason } from "../model/plan";
import type { PortRange } from "../model/ports";
import type { IcmpMatch } from "../model/protocol";

function ports(range: PortRange | undefined): { ports?: { from: number; to: number } } {
  return range ? { ports: { from: range.from, to: range.to } } : {};
}

function icmp(match: IcmpMatch | undefined): { icmp?: { type: number; code?: number } } {
  if (!match) return {};
  return { icmp: { type: match.type, ...(match.code === undefined ? {} : { code: match.code }) } };
}

function reason(r: Reason) {
  return { profile: r.profile, row: r.row, description: r.description, document: r.document, documentRow: r.documentRow };
}

function peer(p: FlowPeer) {
  switch (p.kind) {
    case "group":
      return { kind: p.kind, group: p.group };
    case "cidr":
      return { kind: p.kind, cidr: p.cidr, family: p.family, peers: [...p.peers], world: p.world };
    case "host":
      return { kind: p.kind, host: p.host };
  }
}

/** One flow with its keys in schema order (the diff JSON reuses it). */
export function orderFlow(f: Flow) {
  return { key: f.key, protocol: f.protocol, ...ports(f.ports), ...icmp(f.icmp), peer: peer(f.peer), reasons: f.reasons.map(reason) };
}

function probe(p: LocalProbe) {
  return { protocol: p.protocol, ...ports(p.ports), reasons: p.reasons.map(reason) };
}

function group(g: PlanGroup) {
  return {
    name: g.name,
    roles: [...g.roles],
    cluster: g.cluster,
    clusterKind: g.clusterKind,
    ingress: g.ingress.map(orderFlow),
    egress: g.egress.map(orderFlow),
    local: g.local.map(probe),
  };
}

export function orderWarning(w: PlanWarning) {
  return { code: w.code, group: w.group, flow: w.flow, message: w.message };
}

export function orderNote(n: PlanNote) {
  return { code: n.code, profile: n.profile, row: n.row, message: n.message };
}

/** The plan's objects rebuilt with their keys in schema order. */
export function orderPlan(plan: Plan) {
  const optionNames = (Object.keys(plan.options) as OptionName[]).sort();
  return {
    schema: plan.schema,
    layout: plan.layout,
    profiles: plan.profiles.map((p) => ({ id: p.id, title: p.title, document: p.document })),
    options: Object.fromEntries(optionNames.map((name) => [name, plan.options[name]])),
    groups: plan.groups.map(group),
    peers: plan.peers.map((p) => ({ name: p.name, cidrs: [...p.cidrs] })),
    warnings: plan.warnings.map(orderWarning),
    notes: plan.notes.map(orderNote),
    disagreements: plan.disagreements.map((d) => ({
      profile: d.profile,
      id: d.id,
      rows: [...d.rows],
      says: d.says,
      other: d.other,
      otherSource: d.otherSource,
    })),
  };
}

/** The plan as `kubeports.plan/v1` JSON: byte-identical for the same layout. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(orderPlan(plan), null, 2)}\n`;
}
