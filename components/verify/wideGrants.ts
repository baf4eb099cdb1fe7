/**
 * The audit half of `verify --against`: inbound allow rules that open a cluster machine wider
 * than any needed flow asks (a protocol, port or source no flow names), and world-open ones.
 * Rules are read as written (a later deny or a default rule does not hide an allow).
 */
import { formatPortRange, type PortRange } from "../model/ports";
import { type AddressRange, addressRange, contains } from "./addressRange";
import type { Grant, Machine } from "./cloudFirewall";
import type { NeededFlow } from "./neededFlows";
import { ICMP, ICMPV6, protocolName } from "./protocolNumbers";

export interface WideGrant {
  readonly rule: string;
  /** Node groups it opens. */
  readonly targets: readonly string[];
  /** "tcp 0-65535", "all", "icmp". */
  readonly what: string;
  readonly from: string;
  readonly world: boolean;
  readonly why: string;
}

const NUMBERS: Readonly<Record<string, readonly number[]>> = { tcp: [6], udp: [17], icmp: [ICMP, ICMPV6], ipip: [4], ipip94: [94], esp: [50], all: [-1] };

function covered(ports: readonly PortRange[], by: readonly PortRange[]): PortRange[] {
  // The parts of `ports` no range of `by` holds.
  let rest = [...ports];
  for (const cover of by) {
    rest = rest.flatMap((r) => {
      if (cover.to < r.from || cover.from > r.to) return [r];
      const out: PortRange[] = [];
      if (r.from < cover.from) out.push({ from: r.from, to: cover.from - 1 });
      if (r.to > cover.to) out.push({ from: cover.to + 1, to: r.to });
      return out;
    });
  }
  return rest;
}

const isWorld = (range: AddressRange) => range.first === 0n && range.last === (range.family === "ipv4" ? 2n ** 32n - 1n : 2n ** 128n - 1n);

/** What of one grant, from one source, into one group, no needed flow asks for ("" when nothing). */
function excess(grant: Grant, flows: readonly NeededFlow[], fits: (flow: NeededFlow) => boolean): string {
  const mine = flows.filter(fits);
  if (grant.protocol === -1) return mine.some((f) => f.protocol === "all") ? "" : "all protocols";
  const same = mine.filter((f) => f.protocol === "all" || NUMBERS[f.protocol]!.includes(grant.protocol));
  if (same.length === 0) return `${protocolName(grant.protocol)}${grant.ports ? ` ${grant.ports.map(formatPortRange).join(",")}` : ""}`;
  if (grant.protocol !== 6 && grant.protocol !== 17) return "";
  const asked = same.map((f) => (f.protocol === "all" || !f.ports ? { from: 0, to: 65535 } : f.ports));
  const rest = covered(grant.ports ? [...grant.ports] : [{ from: 0, to: 65535 }], asked).filter((r) => !(r.from === 0 && r.to === 0));
  return rest.length === 0 ? "" : `${protocolName(grant.protocol)} ${rest.map(formatPortRange).join(",")}`;
}

export function wideGrants(grants: readonly Grant[], flows: readonly NeededFlow[], groupOf: ReadonlyMap<Machine, string>): WideGrant[] {
  const found: WideGrant[] = [];
  for (const grant of grants) {
    const targets = [...new Set(grant.targets.flatMap((m) => (groupOf.has(m) ? [groupOf.get(m)!] : [])))].sort();
    for (const target of targets) {
      const into = flows.filter((f) => f.to === target);
      for (const range of grant.ranges) {
        const extra = excess(grant, into, (f) => f.from.kind === "cidr" && contains(addressRange(f.from.cidr)!, range));
        const world = isWorld(range);
        if (extra) found.push({ rule: grant.rule, targets: [target], what: extra, from: range.cidr, world, why: world ? "open to the whole internet; no document asks for it" : "beyond the plan's flows from this range" });
      }
      for (const source of [...new Set(grant.machines.flatMap((m) => (groupOf.has(m) ? [groupOf.get(m)!] : [])))].sort()) {
        const extra = excess(grant, into, (f) => f.from.kind === "group" && f.from.group === source);
        if (extra) found.push({ rule: grant.rule, targets: [target], what: extra, from: `group ${source}`, world: false, why: "beyond the plan's flows between these groups" });
      }
    }
  }
  return found;
}
