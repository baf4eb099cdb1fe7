/**
 * What every cloud's evaluator answers, in one shape: the machines the resources describe, and
 * for one packet whether the cloud lets it through and by which rules. Pure: no Pulumi.
 */
import { type AddressRange, contains, type Family, overlaps } from "./addressRange";

export const CLOUDS = ["aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** A machine template (launch template, instance template, scale set) or a machine. */
export interface Machine {
  /** Resource type and name (or the exported id), for reports. */
  readonly label: string;
  /** The plan's node group the machine runs as (its kubeports group tag or label); undefined when none says. */
  readonly group: string | undefined;
  /** Resource name, for the fallback that matches `<anything>-<group>` when no tag says. */
  readonly name: string;
  /** Firewall identities its template attaches: security group ids, network tags, service accounts, ASG ids. */
  readonly identities: readonly string[];
  /** The ranges its addresses come from (its subnets); empty when unknown. */
  readonly addresses: readonly AddressRange[];
  /** Azure: the NSGs that filter its traffic (its subnet's and its NIC's). */
  readonly nsgs?: readonly string[];
}

/** Where a packet comes from: a machine of the cluster, or a range of outside addresses that all get one verdict. */
export type PacketSource = { readonly kind: "machine"; readonly machine: Machine } | { readonly kind: "address"; readonly range: AddressRange };

export interface Packet {
  readonly source: PacketSource;
  readonly target: Machine;
  readonly family: Family;
  /** IANA protocol number. */
  readonly protocol: number;
  /** TCP/UDP destination port. */
  readonly port?: number;
  /** ICMP type and code; an absent field means every value (a rule must allow them all). */
  readonly icmp?: { readonly type?: number; readonly code?: number };
}

export interface Decision {
  readonly allowed: boolean;
  /** The rules that let the packet out of the source and into the target. */
  readonly rules: readonly string[];
  /** Why the packet is dropped. */
  readonly blocked?: string;
}

/** An inbound allow rule, as the audit of "open wider than the plan" reads it. */
export interface Grant {
  readonly rule: string;
  /** Machines the rule lets traffic into. */
  readonly targets: readonly Machine[];
  /** IANA protocol number, or -1 for every protocol. */
  readonly protocol: number;
  /** Port ranges (TCP/UDP); undefined means every port. */
  readonly ports?: readonly { readonly from: number; readonly to: number }[];
  /** Address ranges it admits, and machines it admits by identity. */
  readonly ranges: readonly AddressRange[];
  readonly machines: readonly Machine[];
}

export interface CloudFirewall {
  readonly cloud: Cloud;
  readonly machines: readonly Machine[];
  decide(packet: Packet): Decision;
  /** Where rules' port ranges and address ranges begin and end, and the protocols they name. */
  readonly cuts: { readonly ports: readonly number[]; readonly ranges: readonly AddressRange[]; readonly protocols: readonly number[] };
  readonly grants: readonly Grant[];
}

/**
 * Whether a rule's address ranges hold the packet's source (or destination machine). Sound in
 * one direction: an allow matches only a source it surely holds, a deny any source it may hold,
 * so an address the resources do not pin down is never reported as passing by luck.
 */
export function rangesMatch(ranges: readonly AddressRange[], side: PacketSource, family: Family, mode: "allow" | "deny"): boolean {
  const mine = ranges.filter((range) => range.family === family);
  if (mine.length === 0) return false;
  if (side.kind === "address") return mine.some((range) => (mode === "allow" ? contains(range, side.range) : overlaps(range, side.range)));
  const addresses = side.machine.addresses.filter((range) => range.family === family);
  if (addresses.length === 0) return mode === "deny" || mine.some((range) => range.first === 0n && range.last === (family === "ipv4" ? 2n ** 32n - 1n : 2n ** 128n - 1n));
  return mode === "allow"
    ? addresses.every((address) => mine.some((range) => contains(range, address)))
    : addresses.some((address) => mine.some((range) => overlaps(range, address)));
}

export function inPorts(ranges: readonly { readonly from: number; readonly to: number }[] | undefined, port: number | undefined): boolean {
  if (ranges === undefined) return true;
  return port !== undefined && ranges.some((range) => range.from <= port && port <= range.to);
}

/** "22", "30000-32767", "*" -> ranges; undefined for every port. */
export function parsePortTexts(texts: readonly string[] | undefined): { from: number; to: number }[] | undefined {
  if (texts === undefined || texts.length === 0 || texts.some((text) => text.trim() === "*" || text.trim() === "0-65535")) return undefined;
  return texts.map((text) => {
    const [a, b] = text.trim().split("-");
    return { from: Number(a), to: Number(b ?? a) };
  });
}

export function sourceText(packet: Packet): string {
  return packet.source.kind === "machine" ? packet.source.machine.label : packet.source.range.cidr;
}
