/**
 * Exact packing of one NSG bucket (one direction, node group, protocol and kind of other side)
 * into rules that list several other ends. Pure: the Azure translation names and prioritises
 * what this returns.
 *
 * Node groups that the same standing rows ask for (see isStandingRow) form a class: one rule
 * lists them (a larger class than `perRule` continues in further parts) with the ports every
 * member wants for its vendor and supplement rows. What an end wants beyond that (its layout
 * rules, a feature row only some members get) goes into a rule of its own. Every (end, port) a
 * rule allows is one the end wants, and every one it wants is allowed: the class ports are the
 * intersection of the members' wants, and each own rule is the end's wants minus its class's.
 *
 * Why classes key on standing rows and nothing else: the key is the rule's identity (so its name
 * and priority), and it must survive the common edits. Members join and leave (a node group
 * added), ports change (a layout rule, a vendor row's new port), features toggle (metallb, ha):
 * none of these changes which standing rows a node group gets. CIDRs are never grouped: a CIDR's
 * rows follow its peers, so a class of CIDRs would change identity when a CIDR leaves one of two
 * peers that share it.
 */
import type { Flow } from "../model/plan";
import { intersect, overlaps, subtract } from "../model/portSets";
import { MAX_PORT, MIN_PORT, compactPortRanges, type PortRange } from "../model/ports";
import { OPTION_INFO, type OptionName } from "../model/options";
import { hasPorts } from "../model/protocol";
import { CATALOG } from "../profiles/catalog";

/** Where a port set means "every port": protocols without ports, and ported flows without a range. */
export const EVERY_PORT: PortRange = { from: MIN_PORT, to: MAX_PORT };

/** A packed rule: a class of node groups, or one end's own rule. */
export type PackedRule =
  | { readonly kind: "class"; readonly rows: readonly string[]; readonly part: number; readonly ends: readonly string[]; readonly ports: readonly PortRange[]; readonly flows: readonly Flow[] }
  | { readonly kind: "own"; readonly ends: readonly [string]; readonly ports: readonly PortRange[]; readonly flows: readonly Flow[] };

export interface PackOptions {
  /** TCP or UDP: flows carry port ranges. Otherwise every rule allows every port (EVERY_PORT). */
  readonly ported: boolean;
  /** The ends are node groups (ASGs), which may share a rule. */
  readonly groups: boolean;
  /** Most ends one rule may list (Azure: 10 ASGs). */
  readonly perRule: number;
}

/** One other end and what it wants. */
interface EndWants {
  readonly end: string;
  readonly flows: readonly Flow[];
  /** "profile/row" of the standing rows behind its flows, sorted. */
  readonly rows: readonly string[];
  /** Ports of the flows that some vendor or supplement row (not a layout rule) asks for. */
  readonly vendorPorts: readonly PortRange[];
  /** Every port it wants. */
  readonly ports: readonly PortRange[];
}

export const rowOf = (reason: { profile: string; row: string }) => `${reason.profile}/${reason.row}`;

/**
 * A catalog row that no on/off option adds or removes: no `when`, or one that names only choices
 * (cni, calicoMode, downstream, ...). Toggling a feature (metallb, monitoring, ha, ...) or a
 * connectivity-model supplement adds and removes the other rows, so only standing rows may key a
 * class: a toggle then changes a class's ports in place instead of re-creating it under a new name
 * (which could land on the old rule's priority mid-update).
 */
export function isStandingRow(reason: { profile: string; row: string }): boolean {
  standing ??= new Set(
    CATALOG.flatMap((profile) =>
      profile.rows
        .filter((row) => Object.keys(row.when ?? {}).every((option) => OPTION_INFO[option as OptionName].values !== undefined))
        .map((row) => rowOf({ profile: profile.id, row: row.id })),
    ),
  );
  return standing.has(rowOf(reason));
}

/** "profile/row" of every standing catalog row, built on first use (the catalog never changes). */
let standing: Set<string> | undefined;

/** Packs the flows of one bucket, each with its other end; classes first, then own rules, each in end order. */
export function packEnds(flows: readonly { readonly end: string; readonly flow: Flow }[], options: PackOptions): PackedRule[] {
  const portsOf = (flow: Flow): PortRange => (options.ported && hasPorts(flow.protocol) && flow.ports ? flow.ports : EVERY_PORT);
  const byEnd = new Map<string, Flow[]>();
  for (const { end, flow } of flows) byEnd.set(end, [...(byEnd.get(end) ?? []), flow]);
  const ends: EndWants[] = [...byEnd.keys()].sort().map((end) => {
    const mine = byEnd.get(end)!;
    const vendor = mine.filter((flow) => flow.reasons.some((r) => r.profile !== "layout"));
    const rows = [...new Set(mine.flatMap((flow) => flow.reasons.filter(isStandingRow).map(rowOf)))].sort();
    return { end, flows: mine, rows, vendorPorts: compactPortRanges(vendor.map(portsOf)), ports: compactPortRanges(mine.map(portsOf)) };
  });

  const classes = new Map<string, EndWants[]>();
  for (const want of ends) {
    if (!options.groups || want.rows.length === 0) continue;
    const key = JSON.stringify(want.rows);
    classes.set(key, [...(classes.get(key) ?? []), want]);
  }
  const shared = new Map<string, readonly PortRange[]>();
  const packed: PackedRule[] = [];
  for (const members of classes.values()) {
    const ports = members.slice(1).reduce((common, m) => intersect(common, m.vendorPorts), members[0]!.vendorPorts);
    if (ports.length === 0) continue;
    for (const m of members) shared.set(m.end, ports);
    for (let part = 0; part * options.perRule < members.length; part++) {
      const chunk = members.slice(part * options.perRule, (part + 1) * options.perRule);
      const carried = chunk.flatMap((m) => m.flows.filter((flow) => touches(portsOf(flow), ports)));
      packed.push({ kind: "class", rows: members[0]!.rows, part, ends: chunk.map((m) => m.end), ports, flows: carried });
    }
  }
  for (const want of ends) {
    const own = subtract(want.ports, shared.get(want.end) ?? []);
    if (own.length === 0) continue;
    packed.push({ kind: "own", ends: [want.end], ports: own, flows: want.flows.filter((flow) => touches(portsOf(flow), own)) });
  }
  return packed;
}

function touches(range: PortRange, ports: readonly PortRange[]): boolean {
  return ports.some((other) => overlaps(range, other));
}
