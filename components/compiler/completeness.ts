/**
 * Completeness: the plan checked against the connectivity model. A required flow that no
 * flow of the plan admits is missing; `supplement` adds it (with a reason naming the upstream
 * requirement), `warn` reports it, `strict` refuses the layout. Lookups go through an index of
 * each target group's ingress, built once per group, so the check is linear in the flows.
 */
import ipaddr from "ipaddr.js";
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import type { Completeness } from "../model/layout";
import type { Flow, Plan, PlanGroup, PlanSupplement, PlanWarning, Reason } from "../model/plan";
import { formatPortRange, type PortRange } from "../model/ports";
import type { IcmpMatch, Protocol } from "../model/protocol";
import type { RequiredFlow } from "../connectivity/requiredFlow";
import { requiredFlows } from "../connectivity/requiredFlows";
import type { RawFlow } from "./rawFlow";

/** The profile id supplement reasons carry. */
export const MODEL_PROFILE = "connectivity-model";

/** A required flow the plan lacks, resolved to one sender (a group, or one CIDR of a peer). */
export interface MissingFlow {
  readonly required: RequiredFlow;
  readonly from: PlanSupplement["from"];
}

interface Admits {
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly icmp?: IcmpMatch;
}

function admits(flow: Flow, want: Admits): boolean {
  if (flow.protocol === "all") return true;
  if (flow.protocol !== want.protocol) return false;
  if (want.ports) return flow.ports !== undefined && flow.ports.from <= want.ports.from && flow.ports.to >= want.ports.to;
  if (want.icmp) return flow.icmp === undefined || (flow.icmp.type === want.icmp.type && (flow.icmp.code === undefined || flow.icmp.code === want.icmp.code));
  return true;
}

function contains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (a.family !== b.family) return false;
  const [outerAddress, outerLength] = ipaddr.parseCIDR(a.cidr);
  const [innerAddress, innerLength] = ipaddr.parseCIDR(b.cidr);
  return innerLength >= outerLength && innerAddress.match(outerAddress, outerLength);
}

/** One target group's ingress, by sending group and as CIDR flows. */
interface IngressIndex {
  readonly byGroup: Map<string, Flow[]>;
  readonly cidrs: Flow[];
}

function indexIngress(group: PlanGroup): IngressIndex {
  const byGroup = new Map<string, Flow[]>();
  const cidrs: Flow[] = [];
  for (const flow of group.ingress) {
    if (flow.peer.kind === "group") {
      const list = byGroup.get(flow.peer.group);
      if (list) list.push(flow);
      else byGroup.set(flow.peer.group, [flow]);
    } else if (flow.peer.kind === "cidr") cidrs.push(flow);
  }
  return { byGroup, cidrs };
}

/** Every required flow the plan does not admit. A world CIDR admits nodes too (their addresses are in it). */
export function missingFlows(plan: Plan, required: readonly RequiredFlow[] = requiredFlows(plan)): MissingFlow[] {
  const groups = new Map(plan.groups.map((group) => [group.name, group]));
  const peers = new Map(plan.peers.map((peer) => [peer.name, peer.cidrs]));
  const indexes = new Map<string, IngressIndex>();
  const indexOf = (name: string): IngressIndex | undefined => {
    const group = groups.get(name);
    if (!group) return undefined;
    let index = indexes.get(name);
    if (!index) indexes.set(name, (index = indexIngress(group)));
    return index;
  };
  const missing: MissingFlow[] = [];
  for (const flow of required) {
    const index = indexOf(flow.to);
    if (!index) continue;
    if (flow.from.kind === "group") {
      const fromGroup = flow.from.group;
      const ok =
        (index.byGroup.get(fromGroup) ?? []).some((f) => admits(f, flow)) ||
        index.cidrs.some((f) => f.peer.kind === "cidr" && f.peer.world && f.peer.family === "ipv4" && admits(f, flow));
      if (!ok) missing.push({ required: flow, from: { kind: "group", group: fromGroup } });
      continue;
    }
    const peer = flow.from.peer;
    for (const cidr of peers.get(peer) ?? []) {
      if (flow.family && parseCidr(cidr).family !== flow.family) continue;
      const ok = index.cidrs.some((f) => f.peer.kind === "cidr" && contains(f.peer.cidr, cidr) && admits(f, flow));
      if (!ok) missing.push({ required: flow, from: { kind: "peer", peer, cidr } });
    }
  }
  return missing;
}

function what(flow: Admits): string {
  if (flow.ports) return `${flow.protocol.toUpperCase()} ${formatPortRange(flow.ports)}`;
  if (flow.icmp) return `ICMP type ${flow.icmp.type}${flow.icmp.code === undefined ? "" : ` code ${flow.icmp.code}`}`;
  return flow.protocol === "all" ? "all traffic" : flow.protocol === "ipip" ? "IP-in-IP (protocol 4)" : flow.protocol.toUpperCase();
}

function sender(from: PlanSupplement["from"]): string {
  return from.kind === "group" ? from.group : `${from.cidr} (${from.peer})`;
}

export function supplementOf(missing: MissingFlow, omittedBy: readonly string[]): PlanSupplement {
  const r = missing.required;
  return {
    requirement: r.requirement,
    description: r.description,
    source: r.source,
    sourceRow: r.sourceRow ?? "",
    group: r.to,
    from: missing.from,
    protocol: r.protocol,
    ...(r.ports ? { ports: r.ports } : {}),
    ...(r.icmp ? { icmp: r.icmp } : {}),
    omittedBy,
  };
}

export function compareSupplements(a: PlanSupplement, b: PlanSupplement): number {
  return (
    a.group.localeCompare(b.group) ||
    a.requirement.localeCompare(b.requirement) ||
    sender(a.from).localeCompare(sender(b.from)) ||
    a.protocol.localeCompare(b.protocol) ||
    (a.ports?.from ?? 0) - (b.ports?.from ?? 0) ||
    (a.icmp?.type ?? -1) - (b.icmp?.type ?? -1)
  );
}

/** The reason a supplement flow carries: the upstream requirement, and who left it out. */
export function supplementReason(s: PlanSupplement): Reason {
  return {
    profile: MODEL_PROFILE,
    row: s.requirement,
    description: `${s.description} (supplement: not in ${s.omittedBy.join(", ")})`,
    document: s.source,
    documentRow: s.sourceRow,
  };
}

/** The profiles a supplement reason says left its requirement out (supplementReason's wording), for other languages. */
export function supplementOmittedBy(reason: Reason): string[] | undefined {
  if (reason.profile !== MODEL_PROFILE) return undefined;
  const match = / \(supplement: not in ([^()]+)\)$/.exec(reason.description);
  return match ? match[1]!.split(", ") : undefined;
}

/** Raw flows for supplements: ingress on the receiver, and egress on a sending group. */
export function supplementRawFlows(supplements: readonly PlanSupplement[]): RawFlow[] {
  const raws: RawFlow[] = [];
  for (const s of supplements) {
    const reason = supplementReason(s);
    const base = { protocol: s.protocol, ...(s.ports ? { ports: s.ports } : {}), ...(s.icmp ? { icmp: s.icmp } : {}), reason };
    if (s.from.kind === "group") {
      raws.push({ group: s.group, direction: "ingress", peer: { kind: "group", group: s.from.group }, ...base });
      raws.push({ group: s.from.group, direction: "egress", peer: { kind: "group", group: s.group }, ...base });
    } else {
      const cidr = parseCidr(s.from.cidr);
      raws.push({ group: s.group, direction: "ingress", peer: { kind: "cidr", cidr: cidr.cidr, family: cidr.family, world: cidr.world, name: s.from.peer }, ...base });
    }
  }
  return raws;
}

/** One warning per (requirement, receiving group), listing the senders. */
export function completenessWarnings(supplements: readonly PlanSupplement[], mode: Exclude<Completeness, "strict">, documents: string): PlanWarning[] {
  const byKey = new Map<string, PlanSupplement[]>();
  for (const s of supplements) {
    const key = `${s.group}|${s.requirement}|${what(s)}`;
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  return [...byKey.values()].map((list) => {
    const s = list[0]!;
    const from = [...new Set(list.map((x) => sender(x.from)))].join(", ");
    const outcome =
      mode === "supplement"
        ? "kubeports adds it as a supplement (completeness: supplement)"
        : "it is not added (completeness: warn); add it with layout.rules or a profile that has it, or set completeness: supplement";
    return {
      code: mode === "supplement" ? "supplement" : "incomplete",
      group: s.group,
      flow: `requirement:${s.requirement}`,
      message:
        `${s.group} needs ${what(s)} from ${from} (${s.description}): ${s.source} (${s.sourceRow}) requires it, ` +
        `and ${documents} omit${s.omittedBy.length === 1 ? "s" : ""} it; ${outcome}.`,
    };
  });
}

/** completeness: strict: every missing flow as an input problem, with the fix. */
export function strictIssues(supplements: readonly PlanSupplement[]): InputIssue[] {
  return supplements.map((s) => ({
    path: "layout.completeness",
    message:
      `${s.group} needs ${what(s)} from ${sender(s.from)} (${s.description}, ${s.source}: ${s.sourceRow}), which no row of ${s.omittedBy.join(", ")} opens; ` +
      "add it with layout.rules or a profile that has it, or set completeness: supplement (the default) to add it",
  }));
}
