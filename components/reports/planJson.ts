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
 *   warnings: [{ code, group, flow, message, openedBy?, allowInternet? }],     // openedBy: [Opener] on world-open warnings
 *   notes: [{ code, profile, row, message }],
 *   disagreements: [{ profile, id, rows, says, other, otherSource }],
 *   supplements: [{ requirement, description, source, sourceRow, group, from, protocol, ports?, icmp?, omittedBy }] }
 * from   = { kind: "group", group } | { kind: "peer", peer, cidr }
 * Flow   = { key, protocol, ports?: { from, to }, icmp?: { type, code? }, peer, reasons: [Reason] }
 * peer   = { kind: "group", group } | { kind: "cidr", cidr, family, peers, world } | { kind: "host", host }
 * Reason = { profile, row, description, document, documentRow, allowInternet? }
 * Opener = { kind: "vendor-row", profile, row, document, documentRow }
 *        | { kind: "layout-rule", rule, path, cidr, acknowledged? } | { kind: "layout-peer", peer, path, cidr, rows, acknowledged? }
 * ```
 */
import type { OptionName } from "../model/options";
import type { AttributedWarning, Flow, FlowPeer, LocalProbe, Plan, PlanGroup, PlanNote, PlanSupplement, Reason, WorldOpener } from "../model/plan";
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
  return {
    profile: r.profile,
    row: r.row,
    description: r.description,
    document: r.document,
    documentRow: r.documentRow,
    ...(r.allowInternet !== undefined ? { allowInternet: r.allowInternet } : {}),
  };
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

function opener(o: WorldOpener) {
  switch (o.kind) {
    case "vendor-row":
      return { kind: o.kind, profile: o.profile, row: o.row, document: o.document, documentRow: o.documentRow };
    case "layout-rule":
      return { kind: o.kind, rule: o.rule, path: o.path, cidr: o.cidr, ...(o.acknowledged ? { acknowledged: o.acknowledged } : {}) };
    case "layout-peer":
      return { kind: o.kind, peer: o.peer, path: o.path, cidr: o.cidr, rows: [...o.rows], ...(o.acknowledged ? { acknowledged: o.acknowledged } : {}) };
  }
}

export function orderWarning(w: AttributedWarning) {
  return { code: w.code, group: w.group, flow: w.flow, message: w.message, ...(w.openedBy ? { openedBy: w.openedBy.map(opener) } : {}), ...(w.allowInternet ? { allowInternet: [...w.allowInternet] } : {}) };
}

export function orderNote(n: PlanNote) {
  return { code: n.code, profile: n.profile, row: n.row, message: n.message };
}

export function orderSupplement(s: PlanSupplement) {
  return {
    requirement: s.requirement,
    description: s.description,
    source: s.source,
    sourceRow: s.sourceRow,
    group: s.group,
    from: s.from.kind === "group" ? { kind: s.from.kind, group: s.from.group } : { kind: s.from.kind, peer: s.from.peer, cidr: s.from.cidr },
    protocol: s.protocol,
    ...ports(s.ports),
    ...icmp(s.icmp),
    omittedBy: [...s.omittedBy],
  };
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
    // Plans from before the connectivity model have none.
    supplements: (plan.supplements ?? []).map(orderSupplement),
  };
}

/** The plan as `kubeports.plan/v1` JSON: byte-identical for the same layout. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(orderPlan(plan), null, 2)}\n`;
}
