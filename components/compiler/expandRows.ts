/**
 * Turns applicable rows into raw flows on node groups. A flow between two groups becomes
 * ingress on the target and egress on the source; flows to or from the outside exist on the
 * group side only.
 */
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import type { Layout } from "../model/layout";
import type { PlanNote, Reason } from "../model/plan";
import { parsePortSpec, type PortRange, formatPortRange } from "../model/ports";
import { hasPorts, type IcmpMatch, type Protocol } from "../model/protocol";
import type { Party, Profile } from "../model/requirement";
import { type GroupInfo, GroupIndex, isGroupParty } from "./groupIndex";
import type { RawFlow, RawPeer } from "./rawFlow";

/** A row reduced to what expansion needs; profile rows and layout rules both become this. */
export interface ExpandableRow {
  readonly profile: string;
  readonly id: string;
  readonly description: string;
  readonly protocols: readonly Protocol[];
  readonly ports?: string | readonly string[];
  readonly icmp?: IcmpMatch;
  readonly from: readonly Party[];
  readonly to: Party;
  readonly localOnly?: boolean;
  readonly reason: Reason;
  /** Where to point the user when a reference in the row cannot be satisfied. */
  readonly path: string;
}

export interface Expansion {
  readonly flows: RawFlow[];
  readonly local: { group: string; protocol: Protocol; ports?: PortRange; reason: Reason }[];
  readonly notes: PlanNote[];
  readonly issues: InputIssue[];
  /** Rows that contributed anything (flows, local probes or notes). */
  readonly applied: Set<string>;
}

export interface ExpansionContext {
  readonly layout: Layout;
  readonly groups: readonly GroupInfo[];
  readonly optionalRoles: ReadonlySet<string>;
  /** Built from `groups` when not given; pass one to reuse it. */
  readonly index?: GroupIndex;
}

type IndexedContext = ExpansionContext & { readonly index: GroupIndex };

function describeParty(party: Party): string {
  if ("role" in party) return `role "${party.role}"${party.cluster ? ` (cluster ${party.cluster})` : ""}`;
  if ("nodes" in party) return `Kubernetes nodes${party.cluster ? ` (cluster ${party.cluster})` : ""}`;
  if ("group" in party) return `group "${party.group}"`;
  if ("peer" in party) return `peer "${party.peer}"`;
  if ("cidrs" in party) return party.label;
  return `hosts ${party.hosts.join(", ")}`;
}

/** Expands rows in order; collects every problem instead of stopping at the first. */
export function expandRows(rows: readonly ExpandableRow[], ctx: ExpansionContext): Expansion {
  const out: Expansion = { flows: [], local: [], notes: [], issues: [], applied: new Set() };
  const indexed: IndexedContext = { ...ctx, index: ctx.index ?? new GroupIndex(ctx.groups) };
  for (const row of rows) expandRow(row, indexed, out);
  return out;
}

/** Ports per protocol: a range list for TCP/UDP, one port-less entry otherwise. */
function protocolRanges(row: ExpandableRow): { protocol: Protocol; ports?: PortRange }[] {
  return row.protocols.flatMap((protocol) =>
    hasPorts(protocol) && row.ports !== undefined
      ? parsePortSpec(row.ports).map((ports) => ({ protocol, ports }))
      : [{ protocol }],
  );
}

/**
 * Whether a group party can be satisfied at all. A role no group has is an error unless the
 * profile marks it optional, or the party is scoped to a cluster kind the layout may not have.
 */
function checkPresence(party: Party, row: ExpandableRow, ctx: IndexedContext, out: Expansion, side: "to" | "from"): boolean {
  // Group names were checked against layout.groups before expansion.
  if (!isGroupParty(party) || "group" in party) return true;
  const anyCluster = "role" in party ? { role: party.role, cluster: "any" } : { nodes: true as const, cluster: "any" };
  const everywhere = ctx.index.match(anyCluster);
  const scopedToKind = party.cluster !== undefined && party.cluster !== "any";
  const present = scopedToKind ? ctx.index.match(party).length > 0 : everywhere.length > 0;
  if (present) return true;
  const optional = ("role" in party && ctx.optionalRoles.has(party.role)) || scopedToKind;
  if (optional) {
    out.notes.push({
      code: "role-absent",
      profile: row.profile,
      row: row.id,
      message: `${row.description}: no node group has ${describeParty(party)}, so ${side === "to" ? "this row adds nothing" : "nothing is opened from it"}`,
    });
    out.applied.add(`${row.profile}/${row.id}`);
    return false;
  }
  const fix = "role" in party ? `add "${party.role}" to the roles of a group in layout.groups` : "give a group a Kubernetes role";
  out.issues.push({
    path: row.path,
    message: `${row.profile} row "${row.id}" (${row.description}) needs a node group with ${describeParty(party)}; ${fix}`,
  });
  return false;
}

function expandRow(row: ExpandableRow, ctx: IndexedContext, out: Expansion): void {
  const reason = row.reason;
  const parts = protocolRanges(row);
  if (!checkPresence(row.to, row, ctx, out, "to")) return;

  if (isGroupParty(row.to)) {
    const targets = ctx.index.match(row.to);
    if (row.localOnly) {
      for (const target of targets) for (const part of parts) out.local.push({ group: target.name, ...part, reason });
      out.applied.add(`${row.profile}/${row.id}`);
      return;
    }
    for (const from of row.from) {
      if (isGroupParty(from)) {
        if (!checkPresence(from, row, ctx, out, "from")) continue;
        for (const target of targets) {
          for (const source of ctx.index.match(from, target)) {
            for (const part of parts) {
              out.flows.push({ group: target.name, direction: "ingress", peer: { kind: "group", group: source.name }, ...part, icmp: row.icmp, reason });
              out.flows.push({ group: source.name, direction: "egress", peer: { kind: "group", group: target.name }, ...part, icmp: row.icmp, reason });
            }
          }
        }
      } else {
        const peers = externalPeers(from, row, ctx, out, "inbound");
        for (const target of targets) {
          for (const peer of peers) for (const part of parts) out.flows.push({ group: target.name, direction: "ingress", peer, ...part, icmp: row.icmp, reason });
        }
      }
    }
    out.applied.add(`${row.profile}/${row.id}`);
    return;
  }

  // Outbound to the outside: egress on every group the `from` parties name. The peer is
  // resolved only when some group sends, so an absent sender adds no notes about the peer.
  const sources = row.from.flatMap((from) => (isGroupParty(from) && checkPresence(from, row, ctx, out, "from") ? ctx.index.match(from) : []));
  if (sources.length === 0) return;
  const peers = externalPeers(row.to, row, ctx, out, "outbound");
  for (const source of sources) {
    for (const peer of peers) for (const part of parts) out.flows.push({ group: source.name, direction: "egress", peer, ...part, icmp: row.icmp, reason });
  }
  out.applied.add(`${row.profile}/${row.id}`);
}

/** CIDR and host endpoints of an external party; a peer without CIDRs is noted, not opened. */
function externalPeers(party: Party, row: ExpandableRow, ctx: ExpansionContext, out: Expansion, direction: "inbound" | "outbound"): RawPeer[] {
  if ("hosts" in party) {
    out.notes.push({
      code: "egress-hosts",
      profile: row.profile,
      row: row.id,
      message: `${row.description}: outbound to ${party.hosts.join(", ")} by host name; clouds without FQDN rules need these allowed by other means`,
    });
    return party.hosts.map((host) => ({ kind: "host", host }));
  }
  if ("cidrs" in party) {
    return party.cidrs.map((text) => {
      const parsed = parseCidr(text);
      return { kind: "cidr", cidr: parsed.cidr, family: parsed.family, world: parsed.world, name: party.label };
    });
  }
  if (!("peer" in party)) return [];
  const given = ctx.layout.peers?.[party.peer];
  if (!given || given.length === 0) {
    out.notes.push({
      code: "peer-unset",
      profile: row.profile,
      row: row.id,
      message: `${row.description}: ${direction === "inbound" ? "from" : "to"} peer "${party.peer}", which has no CIDRs in layout.peers, so nothing is opened for it`,
    });
    out.applied.add(`${row.profile}/${row.id}`);
    return [];
  }
  return given.map((text) => {
    const parsed = parseCidr(text);
    if (parsed.world && direction === "inbound" && row.reason.allowInternet === undefined) refuseWorldInternal(party.peer, parsed.cidr, row, out);
    return { kind: "cidr", cidr: parsed.cidr, family: parsed.family, world: parsed.world, name: party.peer };
  });
}

/** A user's peer must not turn a cluster-internal row into an internet opening. */
function refuseWorldInternal(peer: string, cidr: string, row: ExpandableRow, out: Expansion): void {
  const hits = protocolRanges(row).flatMap((part) => internalServicesHit(part.protocol, part.ports));
  if (hits.length === 0) return;
  const ports = protocolRanges(row)
    .map((part) => `${part.protocol.toUpperCase()}${part.ports ? ` ${formatPortRange(part.ports)}` : ""}`)
    .join(", ");
  out.issues.push({
    path: `layout.peers.${peer}`,
    message:
      `${cidr} would open ${[...new Set(hits)].join(", ")} (${ports}, ${row.profile} row "${row.id}") to the internet; give the ${peer} network's real CIDRs` +
      (row.profile === "layout" ? `, or acknowledge it on ${row.path} with allowInternet: "<why>"` : ""),
  });
}
